"""Our own build must not make setuptools warn.

setuptools announces removals as warnings at build time (e.g. "`project.license` as a TOML
table is deprecated ... By 2027-Feb-18 ... your builds will no longer be supported"), and
`pip install` prints them where nobody looks. Here the PEP 517 metadata hook runs with every
warning an error, so the next deprecation fails the test run the day it appears.
"""

import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

REPO_ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = REPO_ROOT / "pyproject.toml"


def _pyproject() -> dict[str, Any]:
    with PYPROJECT.open("rb") as f:
        return tomllib.load(f)


def _setuptools_requirement(requirements: list[str], where: str) -> Requirement:
    found = [
        req for req in map(Requirement, requirements) if canonicalize_name(req.name) == "setuptools"
    ]
    assert len(found) == 1, f"expected one setuptools requirement in {where}, got {found}"
    return found[0]


def test_test_extra_brings_the_setuptools_the_build_requires() -> None:
    config = _pyproject()
    build = _setuptools_requirement(config["build-system"]["requires"], "[build-system] requires")
    test_extra = _setuptools_requirement(
        config["project"]["optional-dependencies"]["test"], "the `test` extra"
    )
    assert test_extra.specifier == build.specifier, (
        f"the `test` extra asks for {test_extra}, [build-system] requires {build}: "
        "keep them equal so `pip install -e '.[test]'` brings the build backend the test runs"
    )


def test_build_backend_emits_no_warnings(tmp_path: Path) -> None:
    required = _setuptools_requirement(
        _pyproject()["build-system"]["requires"], "[build-system] requires"
    )
    installed = Version(version("setuptools"))
    assert required.specifier.contains(installed, prereleases=True), (
        f"this venv has setuptools {installed}, but pyproject.toml [build-system] requires "
        f"{required}; run `.venv/bin/python -m pip install -e '.[test]'`"
    )

    # -P: like a PEP 517 frontend, do not put the repo root (cwd) first on sys.path.
    # The hook writes the .dist-info and its .egg-info into tmp_path, not into the repo.
    result = subprocess.run(
        [
            sys.executable,
            "-P",
            "-W",
            "error",
            "-c",
            "import sys\n"
            "from setuptools import build_meta\n"
            "build_meta.prepare_metadata_for_build_wheel(sys.argv[1])\n",
            str(tmp_path),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"setuptools {installed} warns (or fails) building our metadata "
        f"(exit {result.returncode}):\n{result.stderr}"
    )
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".dist-info", ".egg-info"]
