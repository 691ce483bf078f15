"""Every user-visible string of the UI is translated (German) and has English plurals."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
# self.tr("text", ...) and QCoreApplication.translate("Context", "text", ...)
TR_CALL = re.compile(r"""(?:self\.tr\(\s*|translate\(\s*"[^"]*",\s*)"((?:[^"\\]|\\.)*)"\s*[,)]""")


def _sources(ts: Path) -> dict[str, ET.Element]:
    tree = ET.parse(ts)
    return {m.findtext("source") or "": m for m in tree.iter("message")}


def test_german_is_complete_for_every_string_in_the_code() -> None:
    messages = _sources(I18N / "askonce_de.ts")
    unfinished = [s for s, m in messages.items() if m.find("translation").get("type")]  # type: ignore[union-attr]
    assert unfinished == []
    in_code = {
        match.group(1)
        for path in (ROOT / "ui").glob("*.py")
        for match in TR_CALL.finditer(path.read_text(encoding="utf-8"))
    }
    missing = sorted(s for s in in_code if s.replace('\\"', '"') not in messages)
    assert missing == [], "run pyside6-lupdate and translate: " + ", ".join(missing[:5])


def test_english_plurals_are_filled() -> None:
    for source, message in _sources(I18N / "askonce_en.ts").items():
        forms = [f.text for f in message.iter("numerusform")]
        assert forms, source
        assert all(forms), source
        assert "(s)" not in " ".join(f or "" for f in forms), source


def test_compiled_files_are_shipped() -> None:
    for lang in ("de", "en"):
        qm = I18N / f"askonce_{lang}.qm"
        ts = I18N / f"askonce_{lang}.ts"
        assert qm.stat().st_size > 100
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 1, f"recompile {qm.name} (lrelease)"
