"""The frozen app (PyInstaller, packaging/askonce.spec) runs without a Python installation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, app_version, run_scrubbed

pytestmark = pytest.mark.packaging


def test_version(frozen_app: Path, tmp_path: Path) -> None:
    result = run_scrubbed([frozen_app / "askonce", "--version"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"AskOnce {app_version()}"


def test_demo_screenshot(frozen_app: Path, tmp_path: Path) -> None:
    shot = tmp_path / "demo.png"
    result = run_scrubbed(
        [frozen_app / "askonce", "--demo", "--screenshot", shot], tmp_path, offscreen=True
    )
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a rendered window, not an empty image


@pytest.mark.parametrize("command", ["sync", "audit"])
def test_subcommand_help(frozen_app: Path, tmp_path: Path, command: str) -> None:
    result = run_scrubbed([frozen_app / "askonce", command, "--help"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: askonce {command}")


# Other parts of issue 12 add these subcommands; the frozen app carries them once they exist.
@pytest.mark.parametrize(
    ("command", "module"),
    [("policy", "app/policy_cli.py"), ("diagnostics", "app/diagnostics_cli.py")],
)
def test_it_subcommand_help(frozen_app: Path, tmp_path: Path, command: str, module: str) -> None:
    if not (ROOT / module).exists():
        pytest.skip(f"{module} does not exist yet")
    result = run_scrubbed([frozen_app / "askonce", command, "--help"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"askonce {command}" in result.stdout


def test_bundle_holds_resources_and_no_test_tools(frozen_app: Path) -> None:
    internal = frozen_app / "_internal"
    assert (internal / "resources" / "catalog" / "askonce-catalog.questionnaire.json").is_file()
    assert (internal / "resources" / "i18n" / "askonce_de.qm").is_file()
    assert not list((internal / "resources").rglob("*.ts"))  # translation sources stay home
    for tool in ("pytest", "_pytest", "hypothesis", "mypy", "numpy"):
        assert not (internal / tool).exists(), tool
