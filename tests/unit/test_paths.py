"""Folders per platform, and the machine policy's places that no user can move."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import paths as app_paths
from app.paths import (
    TEST_POLICY_ENV,
    PolicySources,
    default_paths,
    machine_policy_sources,
    runs_from_source_checkout,
    system_policy_sources,
)


def test_user_data_follows_askonce_home_but_the_policy_does_not(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TEST_POLICY_ENV)
    paths = default_paths()
    assert paths.data == isolated_home / "askonce" / "data"
    assert paths.preferences_file == isolated_home / "askonce" / "config" / "preferences.json"
    assert paths.policy_file == Path("/etc/askonce/policy.json")


def test_the_old_policy_variable_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TEST_POLICY_ENV)
    monkeypatch.setenv("ASKONCE_POLICY_FILE", str(tmp_path / "mine.json"))
    monkeypatch.setenv("ASKONCE_HOME", str(tmp_path))
    assert default_paths().policy_file == Path("/etc/askonce/policy.json")
    assert machine_policy_sources() == system_policy_sources("linux")


def test_the_test_folder_is_used_in_a_source_checkout(isolated_home: Path) -> None:
    assert runs_from_source_checkout()
    assert machine_policy_sources() == PolicySources(
        isolated_home / "askonce" / "policy.json", isolated_home / "askonce" / "policy.d"
    )


def test_an_installed_build_ignores_the_test_variable(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # as PyInstaller sets it
    assert not runs_from_source_checkout()
    assert machine_policy_sources().file == Path("/etc/askonce/policy.json")
    assert default_paths().policy_file == Path("/etc/askonce/policy.json")


def test_a_package_outside_a_checkout_is_not_a_checkout(tmp_path: Path) -> None:
    site_packages = tmp_path / "site-packages"
    (site_packages / "app").mkdir(parents=True)
    (site_packages / "tests").mkdir()
    (site_packages / "tests" / "conftest.py").write_text("", encoding="utf-8")
    assert not runs_from_source_checkout(site_packages / "app")  # no pyproject.toml beside it
    (site_packages / "pyproject.toml").write_text("", encoding="utf-8")
    assert runs_from_source_checkout(site_packages / "app")


def test_installed_mode_ignores_the_variable_in_a_real_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a user editing a launcher gets: the frozen app never reads the variable."""
    import subprocess

    code = (
        "import sys; sys.frozen = True\n"
        "from app.paths import machine_policy_sources\n"
        "print(machine_policy_sources().file)\n"
    )
    monkeypatch.setenv(TEST_POLICY_ENV, str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "/etc/askonce/policy.json"


@pytest.mark.parametrize(
    ("platform", "file", "registry", "plist"),
    [
        ("linux", "/etc/askonce/policy.json", None, None),
        ("win32", "C:\\ProgramData/AskOnce/policy.json", r"Software\Policies\AskOnce", None),
        (
            "darwin",
            "/Library/Application Support/AskOnce/policy.json",
            None,
            "/Library/Managed Preferences/com.askonce.app.plist",
        ),
    ],
)
def test_each_platform_reads_only_administrator_places(
    platform: str, file: str, registry: str | None, plist: str | None
) -> None:
    sources = system_policy_sources(platform)
    assert sources.file == Path(file)
    assert sources.drop_in_dir == Path(file).parent / "policy.d"
    assert sources.registry_key == registry
    assert sources.managed_plist == (Path(plist) if plist else None)


def test_a_data_dir_moves_only_the_caches(isolated_home: Path) -> None:
    paths = default_paths()
    moved = paths.with_data_dir(Path("/srv/cache"))
    assert moved.data == Path("/srv/cache")
    assert (moved.config, moved.logs, moved.policy_file) == (
        paths.config,
        paths.logs,
        paths.policy_file,
    )
    assert app_paths.AppPaths is type(moved)
