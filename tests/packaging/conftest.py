"""Shared pieces of the packaging tests: the repository root, the frozen app (built once per
session with the committed spec and the documented command) and a scrubbed environment."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "askonce"


def app_version() -> str:
    for line in (ROOT / "app" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            return line.split('"')[1]
    raise AssertionError("no __version__ in app/__init__.py")


def run_scrubbed(
    command: Sequence[str | Path], home: Path, *, offscreen: bool = False, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Runs a command as a nurse's session would, without this Python or its venv: only
    PATH=/usr/bin:/bin and HOME (``env -i``)."""
    env = ["env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}"]
    if offscreen:
        env.append("QT_QPA_PLATFORM=offscreen")
    return subprocess.run(
        [*env, *map(str, command)],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def frozen_app() -> Path:
    """dist/askonce/, built by ``bash packaging/build_frozen.sh`` in this session."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed in this venv (pip install -e '.[test]')")
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-app tests run on Linux")
    env = {**os.environ, "PYTHON": sys.executable}
    subprocess.run(
        ["bash", str(ROOT / "packaging" / "build_frozen.sh")], cwd=ROOT, env=env, check=True
    )
    assert (FROZEN / "askonce").is_file()
    return FROZEN
