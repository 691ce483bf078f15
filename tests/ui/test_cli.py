"""The command line as IT and the docs use it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app import __version__
from app.catalog import default_catalog_path

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _askonce(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_version_and_help_need_no_display() -> None:
    version = _askonce("--version")
    assert version.returncode == 0
    assert __version__ in version.stdout
    helptext = _askonce("--help")
    assert helptext.returncode == 0
    for option in ("--demo", "--data-dir", "--screenshot"):
        assert option in helptext.stdout


def test_demo_screenshot_renders_the_loaded_window(tmp_path: Path) -> None:
    shot = tmp_path / "x.png"
    result = _askonce("--demo", "--data-dir", str(tmp_path / "data"), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    data = shot.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 50_000  # a rendered window, not an empty canvas
    # --data-dir keeps the (encrypted) demo cache there
    assert (tmp_path / "data" / "demo" / "cache.db").exists()


def test_without_demo_the_first_run_screen_opens(tmp_path: Path) -> None:
    shot = tmp_path / "first.png"
    result = _askonce("--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(PNG_MAGIC)
    assert "Traceback" not in result.stderr


def test_a_broken_catalog_stops_with_a_message_naming_the_question(
    tmp_path: Path, isolated_home: Path
) -> None:
    catalog = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    question = catalog["item"][0]["item"][0]
    question["extension"][0]["valueCode"] = "colour"  # not an answer type
    broken = tmp_path / "catalog.json"
    broken.write_text(json.dumps(catalog), encoding="utf-8")
    policy = isolated_home / "askonce" / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"catalog_file": str(broken)}), encoding="utf-8")

    result = _askonce("--demo", "--screenshot", str(tmp_path / "never.png"))
    assert result.returncode == 2
    assert question["linkId"] in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "never.png").exists()


def test_a_wrong_policy_value_is_named(tmp_path: Path, isolated_home: Path) -> None:
    policy = isolated_home / "askonce" / "policy.json"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(json.dumps({"idle_lock_seconds": "soon"}), encoding="utf-8")
    result = _askonce("--demo", "--screenshot", str(tmp_path / "never.png"))
    assert result.returncode == 2
    assert "idle_lock_seconds" in result.stderr
    assert "policy" in result.stderr
