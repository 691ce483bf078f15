"""The layering of DESIGN.md §2 is a contract, checked in every test run."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a test dependency: install with pip install -e '.[test]'"
    result = subprocess.run(
        [exe, "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_ui_qt_imports_the_qt_binding() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "qt.py":
            continue
        if any(m.split(".")[0] in ("PySide6", "shiboken6") for m in _imported_modules(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_core_never_imports_qt_or_network() -> None:
    for package in ("app", "sync"):
        for path in sorted((ROOT / package).rglob("*.py")):
            roots = {m.split(".")[0] for m in _imported_modules(path)}
            forbidden = {"PySide6", "shiboken6"} | ({"httpx"} if package == "app" else set())
            if path.relative_to(ROOT).as_posix() != "app/__main__.py":
                forbidden.add("ui")
                if package == "app":
                    forbidden.add("sync")
            assert not roots & forbidden, f"{path.relative_to(ROOT)} imports {roots & forbidden}"


def test_no_plaintext_keyring_anywhere() -> None:
    for path in sorted(ROOT.glob("*/**/*.py")):
        if ".venv" in path.parts:
            continue
        assert "keyrings.alt" not in _imported_modules(path), path
    assert (
        "keyrings.alt"
        not in (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.ruff")[0]
    )
