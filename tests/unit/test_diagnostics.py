"""The diagnostics bundle (app/diagnostics.py) and ``askonce diagnostics FILE.zip``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from app.__main__ import main as askonce
from app.diagnostics import (
    REDACTED,
    DiagnosticsError,
    open_cache_facts,
    redact,
    write_bundle,
)
from app.paths import AppPaths, default_paths
from app.services import CareService
from app.settings import load_settings
from tests.conftest import FIXED_NOW, Clock

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("restore_root_logger")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    root = tmp_path / "askonce"
    return AppPaths(root / "data", root / "config", root / "logs", root / "policy.json")


def read_bundle(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        members = {name: zf.read(name).decode("utf-8") for name in zf.namelist()}
    return json.loads(members.pop("report.json")), members


def test_the_bundle_has_versions_platform_settings_caches_and_log_tails(
    paths: AppPaths, tmp_path: Path
) -> None:
    user = paths.data / "users" / "0123456789abcdef01234567"
    user.mkdir(parents=True)
    (user / "cache.db").write_bytes(os.urandom(4096))  # encrypted: never opened here
    (user / "profile.json").write_text('{"display_name": "Nurse Staffname"}')
    paths.logs.mkdir(parents=True)
    (paths.logs / "gui.log").write_text("".join(f"gui line {n}\n" for n in range(1000)))
    (paths.logs / "sync.log").write_text("sync line 1\nsync line 2\n")
    (paths.logs / "sync.log.1").write_text("older sync line\n")

    written = write_bundle(
        tmp_path / "out" / "diag.zip", paths, log_lines=50, clock=lambda: FIXED_NOW
    )
    report, members = read_bundle(written)

    assert report["askonce_version"]
    assert report["created_at"] == FIXED_NOW.isoformat()
    assert report["platform"]["python"] == sys.version.split()[0]
    assert report["platform"]["system"]
    assert any(name.startswith("PySide6") for name in report["libraries"])  # Qt, by metadata
    assert "truststore" in report["libraries"]
    assert report["settings"]["options"]["idle_lock_seconds"] == {
        "value": 300,
        "source": report["settings"]["options"]["idle_lock_seconds"]["source"],
        "locked": False,
    }
    caches = report["caches"]
    assert caches["schema_version_expected"] >= 1
    [folder] = caches["user_folders"]
    assert folder["folder"] == user.name
    assert {f["file"]: f["bytes"] for f in folder["files"]} == {
        "cache.db": 4096,
        "profile.json": len('{"display_name": "Nurse Staffname"}'),
    }
    assert "Staffname" not in json.dumps(report)  # names and sizes only, never contents
    assert report["open_cache"] is None
    assert sorted(members) == ["logs/gui.log.txt", "logs/sync.log.txt"]
    gui_tail = members["logs/gui.log.txt"].splitlines()
    assert gui_tail == [f"gui line {n}" for n in range(950, 1000)]
    assert members["logs/sync.log.txt"] == "sync line 1\nsync line 2\n"


def test_settings_show_their_source_and_secrets_are_redacted(
    clock: Clock, paths: AppPaths, tmp_path: Path
) -> None:
    ca = tmp_path / "hospital-ca.pem"
    paths.policy_file.parent.mkdir(parents=True, exist_ok=True)
    paths.policy_file.write_text(
        json.dumps(
            {
                "fhir_server_url": "https://fhir.hospital.example/fhir",
                "ca_bundle": str(ca),
                "http_proxy": "http://itproxyuser:S3cretProxyPass@proxy.hospital.example:3128",
            }
        )
    )
    paths.config.mkdir(parents=True)
    (paths.config / "preferences.json").write_text(json.dumps({"language": "de"}))
    settings = load_settings(paths.policy_file, paths.config / "preferences.json")

    report, _ = read_bundle(write_bundle(tmp_path / "d.zip", paths, settings=settings, clock=clock))

    options = report["settings"]["options"]
    assert options["ca_bundle"]["value"] == str(ca)  # a path is fine to show
    assert options["ca_bundle"]["locked"] is True
    assert "policy" in options["ca_bundle"]["source"]
    assert options["http_proxy"]["value"] == f"http://{REDACTED}@proxy.hospital.example:3128"
    assert "preferences" in options["language"]["source"]
    assert options["language"]["value"] == "de"
    assert options["idle_lock_seconds"]["source"] == "default"
    raw = (tmp_path / "d.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "d.zip") as zf:
        text = zf.read("report.json")
    for secret in (b"S3cretProxyPass", b"itproxyuser"):
        assert secret not in text
        assert secret not in raw


def test_redaction_rules() -> None:
    assert redact("oidc_client_secret", "abc") == REDACTED
    assert redact("api_token", "abc") == REDACTED
    assert redact("http_proxy", "http://proxy:3128") == "http://proxy:3128"
    assert redact("http_proxy", "http://u@proxy") == f"http://{REDACTED}@proxy"
    assert redact("http_proxy", None) is None


def test_a_broken_policy_is_reported_and_the_bundle_still_written(
    clock: Clock, tmp_path: Path
) -> None:
    paths = default_paths()  # the machine policy: in tests, the test-only stand-in folder
    paths.policy_file.parent.mkdir(parents=True, exist_ok=True)
    paths.policy_file.write_text("{ not json")
    report, _ = read_bundle(write_bundle(tmp_path / "d.zip", paths, clock=clock))
    assert "options" not in report["settings"]
    assert "SettingsError" in report["settings"]["error"]
    assert str(paths.policy_file) in report["settings"]["error"]


def test_the_open_cache_gives_schema_version_and_sync_counts(
    clock: Clock, demo_service: CareService, paths: AppPaths, tmp_path: Path
) -> None:
    facts = open_cache_facts(demo_service)
    assert facts == {
        "schema_version": demo_service.db.schema_version,
        "sync": {"waiting": 0, "refused": 0, "conflicts": 0},
    }
    report, _ = read_bundle(write_bundle(tmp_path / "d.zip", paths, open_cache=facts, clock=clock))
    assert report["open_cache"]["sync"]["waiting"] == 0


def test_an_existing_file_is_kept_unless_overwrite(
    clock: Clock, paths: AppPaths, tmp_path: Path
) -> None:
    target = tmp_path / "d.zip"
    target.write_text("IT's other file")
    with pytest.raises(DiagnosticsError, match="already exists"):
        write_bundle(target, paths, clock=clock)
    assert target.read_text() == "IT's other file"
    write_bundle(target, paths, overwrite=True, clock=clock)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_an_unwritable_place_is_a_known_error(
    clock: Clock, paths: AppPaths, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(DiagnosticsError, match="cannot be written"):
        write_bundle(blocker / "d.zip", paths, clock=clock)


# --- the command line ----------------------------------------------------------------------


def test_cli_writes_refuses_to_overwrite_and_forces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bundle.zip"
    assert askonce(["diagnostics", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    report, members = read_bundle(target)
    assert report["format"] == 1
    assert "logs/diagnostics.log.txt" in members  # its own log file, kind "diagnostics"
    assert (default_paths().logs / "diagnostics.log").is_file()

    before = target.read_bytes()
    assert askonce(["diagnostics", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert askonce(["diagnostics", str(target), "--force"]) == 0

    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert askonce(["diagnostics", str(blocker / "x.zip")]) == 1
    assert "cannot be written" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        askonce(["diagnostics"])
    assert usage.value.code == 2


def test_building_the_bundle_never_imports_qt_or_the_network(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.diagnostics import write_bundle\n"
        "from app.paths import default_paths\n"
        "from app.clock import system_clock\n"
        "write_bundle(Path(sys.argv[1]), default_paths(), clock=system_clock)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'ui', 'httpx', 'sync'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "d.zip")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        timeout=120,
    )
