"""The sign-in is set up from the machine policy, with the server's scopes added."""

from __future__ import annotations

import pytest

from app.errors import BugError
from app.settings import Settings
from sync.oidc import BASE_SCOPES, oidc_config
from sync.smart import DEFAULT_SCOPES

POLICY = {
    "oidc_issuer": "https://login.hospital.example/realms/staff/",
    "fhir_server_url": "https://fhir.hospital.example/r4",
}


def test_scopes_the_policy_names_are_asked_for_after_openid_and_profile() -> None:
    settings = Settings.model_validate(
        {**POLICY, "oidc_scopes": "user/Patient.rs  openid user/Observation.cruds"}
    )
    config = oidc_config(settings)
    assert config.scopes == (*BASE_SCOPES, "user/Patient.rs", "user/Observation.cruds")
    assert config.issuer == "https://login.hospital.example/realms/staff"


def test_without_scopes_in_the_policy_the_smart_defaults() -> None:
    assert oidc_config(Settings.model_validate(POLICY)).scopes == (*BASE_SCOPES, *DEFAULT_SCOPES)


def test_an_empty_scopes_policy_asks_for_openid_and_profile_only() -> None:
    settings = Settings.model_validate({**POLICY, "oidc_scopes": ""})
    assert oidc_config(settings).scopes == BASE_SCOPES


def test_without_an_identity_provider_there_is_no_sign_in() -> None:
    with pytest.raises(BugError):
        oidc_config(Settings())
