"""Every user-visible string of the UI is translated (German) and has English plurals."""

from __future__ import annotations

import ast
import importlib
import inspect
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import app.errors
from ui.base.error_text import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"


def _translated_texts(path: Path) -> Iterator[tuple[int, str | None]]:
    """(line, text) for every ``x.tr(...)`` and ``translate(context, ...)`` call in a file.

    The parser sees what lupdate must see: one literal, however it is quoted or split
    over lines. ``None`` is a call lupdate cannot read (an f-string, a variable).
    """
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
        if position is None or len(node.args) <= position:
            continue
        context = node.args[0]
        if name == "translate" and not isinstance(context, ast.Constant):
            continue  # QPainter.translate(...), not QCoreApplication.translate("Context", ...)
        if isinstance(context, ast.Constant) and context.value == "Errors" and name == "translate":
            continue  # ui/error_text.py looks up the core's templates, each listed there
        arg = node.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            yield node.lineno, arg.value
        else:
            yield node.lineno, None


def _in_code() -> dict[str, str]:
    """Every translated text in the UI, with where it is (for the failure message)."""
    found: dict[str, str] = {}
    unreadable: list[str] = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        for line, text in _translated_texts(path):
            if text is None:
                unreadable.append(f"{where}:{line}")
            else:
                found.setdefault(text, f"{where}:{line}")
    assert unreadable == [], "tr() needs a literal string, or lupdate never sees it"
    return found


def _sources(ts: Path) -> dict[str, ET.Element]:
    tree = ET.parse(ts)
    return {m.findtext("source") or "": m for m in tree.iter("message")}


def test_german_is_complete_for_every_string_in_the_code() -> None:
    messages = _sources(I18N / "askonce_de.ts")
    unfinished = [s for s, m in messages.items() if m.find("translation").get("type")]  # type: ignore[union-attr]
    assert unfinished == []
    in_code = _in_code()
    missing = sorted(f"{at}: {text!r}" for text, at in in_code.items() if text not in messages)
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


# Errors only IT acts on stay English: a broken catalog, checklist or policy file, and
# the IT command line for the policy.
IT_FACING = {"app/catalog.py", "app/discharge.py", "app/settings.py", "app/policy_cli.py"}


def _known_error_classes() -> set[str]:
    """Every KnownError subclass the core and sync layer define, wherever they live."""
    modules = [
        importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for package in ("app", "sync")
        for path in sorted((ROOT / package).rglob("*.py"))
    ]
    return {
        name
        for module in modules
        for name, value in vars(module).items()
        if inspect.isclass(value) and issubclass(value, app.errors.KnownError)
    }


def _error_texts(path: Path) -> Iterator[tuple[int, str | None]]:
    """(line, template) for every message and hint a KnownError is made with in a file."""
    module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    known = _known_error_classes()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in known):
            continue
        texts = node.args[:1] + [k.value for k in node.keywords if k.arg == "hint"]
        for text in texts:
            for part in (text.body, text.orelse) if isinstance(text, ast.IfExp) else (text,):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield node.lineno, part.value
                elif isinstance(part, ast.Name):  # a module constant, e.g. a shared hint
                    yield node.lineno, getattr(module, part.id)
                else:
                    yield node.lineno, None  # an f-string: the UI could not translate it


def test_every_error_the_core_raises_can_be_shown_in_the_users_language() -> None:
    paths = sorted([*(ROOT / "app").rglob("*.py"), *(ROOT / "sync").rglob("*.py")])
    found: dict[str, str] = {}
    unreadable: list[str] = []
    for path in paths:
        where = path.relative_to(ROOT).as_posix()
        if where in IT_FACING:
            continue
        for line, text in _error_texts(path):
            if text is None:
                unreadable.append(f"{where}:{line}")
            else:
                found.setdefault(text, f"{where}:{line}")
    assert unreadable == [], "use a template with {name} and pass the value: " + str(unreadable)
    assert len(found) > 50  # the scan sees the errors at all
    missing = sorted(f"{at}: {text!r}" for text, at in found.items() if text not in TEMPLATES)
    assert missing == [], "add to ui/error_text.TEMPLATES: " + ", ".join(missing[:5])
    unused = sorted(TEMPLATES - found.keys())
    assert unused == [], "no longer raised, remove from ui/error_text.TEMPLATES: " + str(unused)
