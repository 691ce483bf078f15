"""Layered settings: built-in defaults < user preferences < machine policy (locked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.paths import default_paths
from app.settings import Settings, SettingsError, load_settings

FHIR = "https://fhir.hospital.example/r4"
ISSUER = "https://login.hospital.example/realms/staff"


def write(path: Path, content: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    return tmp_path / "etc" / "policy.json"


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def test_without_files_the_defaults_apply(policy_file: Path, user_file: Path) -> None:
    layered = load_settings(policy_file, user_file)
    assert layered.effective == Settings()
    assert layered.locked == frozenset()
    assert layered.effective.idle_lock_seconds == 300
    assert layered.effective.oidc_client_id == "askonce"
    assert load_settings(policy_file, None).effective == Settings()


def test_user_values_override_defaults_and_policy_overrides_both(
    policy_file: Path, user_file: Path
) -> None:
    write(user_file, {"appearance": "dark", "language": "de"})
    write(policy_file, {"appearance": "light", "fhir_server_url": FHIR})

    layered = load_settings(policy_file, user_file)

    s = layered.effective
    assert s.appearance == "light"  # policy wins over the user
    assert s.language == "de"  # user wins over the default
    assert str(s.fhir_server_url).rstrip("/") == FHIR
    assert s.sync_interval_seconds == 120  # untouched default
    assert layered.locked == frozenset({"appearance", "fhir_server_url"})


@pytest.mark.parametrize(
    "option", ["assignment_source", "idle_lock_seconds", "ca_bundle", "retention_days"]
)
def test_a_user_file_may_not_set_what_is_it_s(
    policy_file: Path, user_file: Path, option: str
) -> None:
    """Even where the policy leaves an option at its default, it is not the user's: a nurse
    must not widen her assignment, lengthen the lock or trust another CA by editing a file."""
    value = {
        "assignment_source": "ward",
        "idle_lock_seconds": 3600,
        "ca_bundle": "/tmp/ca.pem",
        "retention_days": 30,
    }[option]
    write(user_file, {"language": "de", option: value})
    with pytest.raises(SettingsError) as caught:
        load_settings(policy_file, user_file)
    assert option in caught.value.message
    assert "IT" in caught.value.message
    assert str(user_file) in caught.value.message


def test_only_policy_options_are_reported_locked(policy_file: Path, user_file: Path) -> None:
    write(user_file, {"language": "tr"})
    assert load_settings(policy_file, user_file).locked == frozenset()
    write(policy_file, {"language": "de"})
    layered = load_settings(policy_file, user_file)
    assert layered.locked == frozenset({"language"})
    assert layered.effective.language == "de"


def test_a_policy_value_hides_a_bad_user_value(policy_file: Path, user_file: Path) -> None:
    write(user_file, {"idle_lock_seconds": "soon"})
    write(policy_file, {"idle_lock_seconds": 600})
    assert load_settings(policy_file, user_file).effective.idle_lock_seconds == 600
    write(user_file, {"appearance": "plaid"})
    write(policy_file, {"appearance": "dark"})
    assert load_settings(policy_file, user_file).effective.appearance == "dark"


@pytest.mark.parametrize("layer", ["policy", "user"])
def test_an_unknown_option_names_the_option_and_the_file(
    policy_file: Path, user_file: Path, layer: str
) -> None:
    target = policy_file if layer == "policy" else user_file
    write(target, {"idle_lock_seconds": 600, "colour_scheme": "dark"})
    with pytest.raises(SettingsError) as caught:
        load_settings(policy_file, user_file)
    assert "colour_scheme" in caught.value.message
    assert str(target) in caught.value.message
    assert "idle_lock_seconds" not in caught.value.message


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("idle_lock_seconds", "soon"),
        ("idle_lock_seconds", 5),  # below the minimum
        ("pin_min_length", 2),
        ("fhir_server_url", "not a url"),
        ("max_cached_users", 0),
        ("language", 42),
    ],
)
@pytest.mark.parametrize("layer", ["policy", "user"])
def test_a_wrong_value_names_the_option(
    policy_file: Path, user_file: Path, layer: str, option: str, value: object
) -> None:
    write(policy_file if layer == "policy" else user_file, {option: value})
    with pytest.raises(SettingsError) as caught:
        load_settings(policy_file, user_file)
    assert option in caught.value.message


def test_a_wrong_value_names_the_file(policy_file: Path, user_file: Path) -> None:
    write(user_file, {"appearance": "plaid"})
    with pytest.raises(SettingsError) as caught:
        load_settings(policy_file, user_file)
    assert str(user_file) in caught.value.message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "cannot be read"),
        ("", "cannot be read"),
        ('["idle_lock_seconds"]', "JSON object"),
        ("42", "JSON object"),
    ],
)
@pytest.mark.parametrize("layer", ["policy", "user"])
def test_an_unreadable_file_is_named(
    policy_file: Path, user_file: Path, layer: str, content: str, problem: str
) -> None:
    target = policy_file if layer == "policy" else user_file
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(policy_file, user_file)
    assert str(target) in caught.value.message
    assert problem in caught.value.message


def test_missing_for_sign_in_lists_what_it_still_has_to_set(
    policy_file: Path, user_file: Path
) -> None:
    assert load_settings(policy_file, user_file).effective.missing_for_sign_in() == [
        "FHIR server (fhir_server_url)",
        "identity provider (oidc_issuer)",
    ]
    write(policy_file, {"fhir_server_url": FHIR})
    assert load_settings(policy_file, user_file).effective.missing_for_sign_in() == [
        "identity provider (oidc_issuer)"
    ]
    write(policy_file, {"fhir_server_url": FHIR, "oidc_issuer": ISSUER})
    assert load_settings(policy_file, user_file).effective.missing_for_sign_in() == []


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValueError, match="frozen"):
        settings.idle_lock_seconds = 1  # type: ignore[misc]


def test_files_live_under_askonce_home_in_tests(isolated_home: Path) -> None:
    paths = default_paths()
    root = isolated_home / "askonce"
    assert paths.data == root / "data"
    assert paths.config == root / "config"
    assert paths.logs == root / "logs"
    # Not because of ASKONCE_HOME: the test-only policy folder (app/paths.py), set by
    # tests/conftest.py to the same folder.
    assert paths.policy_file == root / "policy.json"
    assert paths.user_dir("abc") == root / "data" / "users" / "abc"
    assert load_settings(paths.policy_file, paths.config / "settings.json").effective == (
        Settings()
    )


def test_a_preference_is_saved_checked_and_kept_with_the_others(tmp_path: Path) -> None:
    from app.settings import SettingsError, save_preference

    prefs = tmp_path / "config" / "preferences.json"
    save_preference(prefs, "language", "de")
    save_preference(prefs, "appearance", "high-contrast")
    assert json.loads(prefs.read_text(encoding="utf-8")) == {
        "language": "de",
        "appearance": "high-contrast",
    }
    with pytest.raises(SettingsError):
        save_preference(prefs, "appearance", "purple")
    with pytest.raises(SettingsError):
        save_preference(prefs, "no_such_option", 1)
    # a refused value leaves the file as it was, and no partial file behind
    assert json.loads(prefs.read_text(encoding="utf-8"))["appearance"] == "high-contrast"
    assert sorted(p.name for p in prefs.parent.iterdir()) == ["preferences.json"]
