"""The machine policy: its places, their order, what wins, and what cannot override it."""

from __future__ import annotations

import json
import plistlib
from pathlib import Path

import pytest

from app.paths import PolicySources, default_paths, machine_policy_sources
from app.settings import (
    REG_DWORD,
    REG_EXPAND_SZ,
    REG_SZ,
    RegistryValue,
    Settings,
    SettingsError,
    load_settings,
    option_specs,
    registry_to_policy,
)

FHIR = "https://fhir.hospital.example/r4"
OTHER = "https://evil.example/fhir"
KEY = r"Software\Policies\AskOnce"


def write(path: Path, content: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def machine(isolated_home: Path) -> PolicySources:
    """The test-only machine policy folder (tests/conftest.py)."""
    return machine_policy_sources()


def test_precedence_defaults_then_user_then_policy(machine: PolicySources, tmp_path: Path) -> None:
    user = write(tmp_path / "prefs.json", {"language": "de", "idle_lock_seconds": 900})
    write(machine.file, {"idle_lock_seconds": 120})
    layered = load_settings(machine, user)
    assert layered.effective.idle_lock_seconds == 120  # policy beats the user
    assert layered.effective.language == "de"  # the user beats the default
    assert layered.effective.retention_days == Settings().retention_days
    assert layered.locked == frozenset({"idle_lock_seconds"})
    assert layered.origin("idle_lock_seconds") == f"policy file {machine.file}"
    assert layered.origin("language") == f"preferences file {user}"
    assert layered.origin("retention_days") == "default"


def test_drop_ins_apply_in_lexical_order_after_the_main_file(machine: PolicySources) -> None:
    write(machine.file, {"idle_lock_seconds": 600, "fhir_server_url": FHIR, "retention_days": 3})
    write(machine.drop_in_dir / "20-ward.json", {"idle_lock_seconds": 200})
    write(machine.drop_in_dir / "10-site.json", {"idle_lock_seconds": 100, "retention_days": 2})
    write(machine.drop_in_dir / "99-notes.txt", {"idle_lock_seconds": 31})  # not *.json
    layered = load_settings(machine, None)
    assert layered.effective.idle_lock_seconds == 200
    assert layered.effective.retention_days == 2
    assert layered.origin("idle_lock_seconds") == f"policy file {machine.drop_in_dir}/20-ward.json"
    assert layered.origin("retention_days") == f"policy file {machine.drop_in_dir}/10-site.json"
    assert layered.origin("fhir_server_url") == f"policy file {machine.file}"
    assert layered.locked == frozenset({"idle_lock_seconds", "retention_days", "fhir_server_url"})


def test_drop_ins_work_without_a_main_file(machine: PolicySources) -> None:
    write(machine.drop_in_dir / "50-server.json", {"fhir_server_url": FHIR})
    assert str(load_settings(machine, None).effective.fhir_server_url) == FHIR


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ({"idle_lock_seconds": 5}, "idle_lock_seconds"),
        ({"colour": "red"}, "colour"),
        ("not json", "cannot be read"),
    ],
)
def test_a_broken_drop_in_is_named_in_the_error(
    machine: PolicySources, content: object, named: str
) -> None:
    write(machine.file, {"fhir_server_url": FHIR})
    write(machine.drop_in_dir / "10-good.json", {"retention_days": 2})
    bad = machine.drop_in_dir / "20-bad.json"
    if isinstance(content, str):
        bad.write_text(content, encoding="utf-8")
    else:
        write(bad, content)
    with pytest.raises(SettingsError) as caught:
        load_settings(machine, None)
    assert str(bad) in caught.value.message
    assert named in caught.value.message
    assert "10-good" not in caught.value.message


def test_the_app_loading_the_machine_file_brings_the_drop_ins(machine: PolicySources) -> None:
    """ui/application.py passes ``paths.policy_file``: that means all the machine's places."""
    write(machine.drop_in_dir / "50-lock.json", {"idle_lock_seconds": 45})
    layered = load_settings(default_paths().policy_file, default_paths().preferences_file)
    assert layered.effective.idle_lock_seconds == 45


@pytest.mark.parametrize(
    "variable",
    ["ASKONCE_POLICY_FILE", "ASKONCE_HOME", "ASKONCE_IDLE_LOCK_SECONDS", "IDLE_LOCK_SECONDS"],
)
def test_environment_variables_never_override_the_policy(
    machine: PolicySources, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    write(machine.file, {"idle_lock_seconds": 120, "fhir_server_url": FHIR})
    mine = write(
        tmp_path / "mine" / "policy.json", {"idle_lock_seconds": 9999, "fhir_server_url": OTHER}
    )
    monkeypatch.setenv(variable, str(mine) if variable != "ASKONCE_HOME" else str(mine.parent))
    monkeypatch.setenv("ASKONCE_IDLE_LOCK_SECONDS", "9999")
    paths = default_paths()
    layered = load_settings(paths.policy_file, paths.preferences_file)
    assert layered.effective.idle_lock_seconds == 120
    assert str(layered.effective.fhir_server_url) == FHIR


def test_a_user_file_cannot_unlock_a_policy_option(
    machine: PolicySources, isolated_home: Path
) -> None:
    write(machine.file, {"fhir_server_url": FHIR, "idle_lock_seconds": 120})
    paths = default_paths()
    write(paths.preferences_file, {"fhir_server_url": OTHER, "idle_lock_seconds": 3600})
    write(paths.config / "policy.json", {"fhir_server_url": OTHER})  # a "policy" of one's own
    layered = load_settings(paths.policy_file, paths.preferences_file)
    assert str(layered.effective.fhir_server_url) == FHIR
    assert layered.effective.idle_lock_seconds == 120
    assert layered.origin("fhir_server_url") == f"policy file {machine.file}"


# --- Windows registry (converted here; read with winreg only on Windows) -----------------


def test_registry_values_become_typed_policy_values() -> None:
    values: list[RegistryValue] = [
        ("fhir_server_url", FHIR, REG_SZ),
        ("IDLE_LOCK_SECONDS", 120, REG_DWORD),  # registry names are case-insensitive
        ("appearance", "high-contrast", REG_SZ),
        ("http_proxy", "", REG_SZ),  # an enabled policy with an empty box: not set
        ("ca_bundle", "%ProgramData%\\AskOnce\\ca.pem", REG_EXPAND_SZ),  # never expanded
        ("retention_days", "3", REG_SZ),  # text holding a number: checked like JSON
    ]
    policy = registry_to_policy(values, "registry HKLM\\" + KEY)
    assert policy == {
        "fhir_server_url": FHIR,
        "idle_lock_seconds": 120,
        "appearance": "high-contrast",
        "http_proxy": None,
        "ca_bundle": "%ProgramData%\\AskOnce\\ca.pem",
        "retention_days": "3",
    }
    assert Settings.model_validate(policy).retention_days == 3


@pytest.mark.parametrize(
    ("value", "named"),
    [
        (("colour", "red", REG_SZ), "colour"),
        (("idle_lock_seconds", b"\x01", 3), "idle_lock_seconds"),  # REG_BINARY
        (("fhir_server_url", 1, REG_DWORD), "fhir_server_url"),
    ],
)
def test_a_wrong_registry_value_is_named(value: RegistryValue, named: str) -> None:
    with pytest.raises(SettingsError) as caught:
        registry_to_policy([value], "registry HKLM\\" + KEY)
    assert named in caught.value.message
    assert KEY in caught.value.message


def test_the_registry_wins_over_the_policy_files(tmp_path: Path) -> None:
    sources = PolicySources(
        tmp_path / "policy.json", tmp_path / "policy.d", registry_key=KEY, managed_plist=None
    )
    write(sources.file, {"idle_lock_seconds": 600, "retention_days": 3})
    asked: list[str] = []

    def fake_registry(key: str) -> list[RegistryValue]:
        asked.append(key)
        return [("idle_lock_seconds", 90, REG_DWORD)]

    layered = load_settings(sources, None, registry=fake_registry)
    assert asked == [KEY]
    assert layered.effective.idle_lock_seconds == 90
    assert layered.effective.retention_days == 3
    assert layered.origin("idle_lock_seconds") == f"registry HKLM\\{KEY}"


def test_a_bad_registry_value_is_checked_like_a_file(tmp_path: Path) -> None:
    sources = PolicySources(tmp_path / "policy.json", tmp_path / "policy.d", registry_key=KEY)
    with pytest.raises(SettingsError) as caught:
        load_settings(sources, None, registry=lambda key: [("idle_lock_seconds", 5, REG_DWORD)])
    assert "idle_lock_seconds" in caught.value.message
    assert f"registry HKLM\\{KEY}" in caught.value.message


# --- macOS managed preferences -----------------------------------------------------------


def test_managed_preferences_win_over_the_policy_files(tmp_path: Path) -> None:
    plist = tmp_path / "Managed Preferences" / "com.askonce.app.plist"
    plist.parent.mkdir()
    plist.write_bytes(plistlib.dumps({"idle_lock_seconds": 60, "fhir_server_url": FHIR}))
    sources = PolicySources(tmp_path / "policy.json", tmp_path / "policy.d", managed_plist=plist)
    write(sources.file, {"idle_lock_seconds": 600})
    layered = load_settings(sources, None)
    assert layered.effective.idle_lock_seconds == 60
    assert layered.origin("fhir_server_url") == f"managed preferences {plist}"


def test_a_broken_plist_is_named(tmp_path: Path) -> None:
    plist = tmp_path / "com.askonce.app.plist"
    plist.write_bytes(b"not a plist")
    sources = PolicySources(tmp_path / "policy.json", tmp_path / "policy.d", managed_plist=plist)
    with pytest.raises(SettingsError) as caught:
        load_settings(sources, None)
    assert str(plist) in caught.value.message


# --- the declaration as IT's tools see it ------------------------------------------------


def test_every_option_has_a_policy_form() -> None:
    specs = {spec.name: spec for spec in option_specs()}
    assert list(specs) == list(Settings.model_fields)
    assert specs["pin_max_attempts"].kind == "integer"
    assert (specs["pin_max_attempts"].minimum, specs["pin_max_attempts"].maximum) == (3, 20)
    assert specs["appearance"].choices == ("system", "light", "dark", "high-contrast")
    assert specs["fhir_server_url"].format == "url"
    assert specs["fhir_server_url"].optional
    assert specs["ca_bundle"].format == "path"
    assert specs["oidc_client_id"].default == "askonce"
    assert not any(spec.secret for spec in specs.values())  # none today
