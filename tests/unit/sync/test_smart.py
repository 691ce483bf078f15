"""SMART on FHIR scopes: the defaults, what a refusal means, the server's configuration."""

from __future__ import annotations

import json

import httpx
import pytest

from app.clock import system_clock
from app.settings import Settings
from sync import registry
from sync.client import FhirClient, PermissionMissingError
from sync.oidc import BASE_SCOPES, oidc_config
from sync.smart import (
    DEFAULT_SCOPE_TEXT,
    DEFAULT_SCOPES,
    PERMISSIONS,
    check_server_scopes,
    describe,
    grants,
    missing_permission,
    needed_scopes,
    permissions_of,
    unsupported_scopes,
)


def test_the_policy_default_is_the_smart_defaults() -> None:
    assert Settings().oidc_scopes == DEFAULT_SCOPE_TEXT
    config = oidc_config(Settings.model_validate({"oidc_issuer": "https://login.example/r"}))
    assert config.scopes == (*BASE_SCOPES, *DEFAULT_SCOPES)


def test_an_empty_policy_value_asks_for_no_smart_scopes() -> None:
    settings = Settings.model_validate(
        {"oidc_issuer": "https://login.example/r", "oidc_scopes": ""}
    )
    assert oidc_config(settings).scopes == BASE_SCOPES


def test_the_defaults_cover_every_type_the_sync_reads_and_writes() -> None:
    for kind in registry.KINDS.values():
        needed = {"r", "s"} | ({"c", "u"} if kind.outgoing is not None else set())
        assert needed <= set(PERMISSIONS[kind.resource_type]), kind.resource_type
    assert {"c", "u"} <= set(PERMISSIONS[registry.HOME_CARE_TEAM.resource_type])  # companions
    for resource_type in ("Group", "List", "PractitionerRole"):  # assignment sources
        assert PERMISSIONS[resource_type] == "rs"
    assert PERMISSIONS["MedicationRequest"] == "rs"  # another system's prescriptions
    assert PERMISSIONS["AuditEvent"] == "cu"
    # AskOnce deletes nothing of the record: only its own push Subscriptions (sync/push.py)
    assert [t for t, p in PERMISSIONS.items() if "d" in p] == ["Subscription"]


@pytest.mark.parametrize(
    ("scope", "parsed"),
    [
        ("user/Observation.crus", ("user", "Observation", "crus")),
        ("user/Patient.read", ("user", "Patient", "rs")),
        ("user/*.write", ("user", "*", "cud")),
        ("patient/*.*", ("patient", "*", "cruds")),
        ("user/Observation.rs?category=survey", ("user", "Observation", "rs")),
        ("openid", None),
        ("user/Observation.x", None),
    ],
)
def test_scopes_are_read_in_v2_and_v1(scope: str, parsed: tuple[str, str, str] | None) -> None:
    assert permissions_of(scope) == parsed


def test_grants_with_wildcards_and_v1() -> None:
    assert grants(["user/*.cruds"], "Task", "d")
    assert grants(["user/Patient.read"], "Patient", "s")
    assert not grants(["user/Patient.read"], "Patient", "u")
    assert not grants(["patient/Observation.cruds"], "Observation", "u")  # another context
    assert needed_scopes(["user/Observation.rs"], ["user/Observation.crus"]) == [
        "user/Observation.c",
        "user/Observation.u",
    ]


def test_a_refused_upload_is_named_from_the_servers_outcome() -> None:
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": "forbidden",
                "diagnostics": "missing scope user/Observation.u",
            }
        ],
    }
    missing = missing_permission("POST", "batch", None, outcome)
    assert missing.scopes == ("user/Observation.u",)
    assert missing.words == "change answers (Observation)"
    assert "ask IT to grant the sign-in scope user/Observation.u" in missing.message()


def test_a_refusal_without_a_named_scope_is_worked_out_from_the_granted_ones() -> None:
    granted = [s.replace("Observation.crus", "Observation.rs") for s in DEFAULT_SCOPES]
    batch = missing_permission("POST", "batch", granted, {"resourceType": "OperationOutcome"})
    assert batch.scopes == ("user/Observation.c", "user/Observation.u")
    read = missing_permission("GET", "Patient", ["user/Observation.rs"], None, has_id=True)
    assert read.scopes == ("user/Patient.r",)
    assert read.words == "read patients"
    search = missing_permission("GET", "Encounter", None, None)
    assert search.scopes == ("user/Encounter.s",)


def test_a_refusal_that_names_nothing_says_what_the_server_said() -> None:
    outcome = {"issue": [{"code": "forbidden", "diagnostics": "ward 4B only"}]}
    missing = missing_permission("GET", "Patient", ["user/Patient.rs"], outcome, has_id=True)
    assert missing.scopes == ()
    assert "ward 4B only" in missing.message()


def test_describe_in_words() -> None:
    assert (
        describe("user/Task.crus") == "create and read and change and search discharge tasks (Task)"
    )
    assert describe("user/*.d") == "delete all records"


def _server(config: dict[str, object] | None) -> httpx.Client:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/fhir/.well-known/smart-configuration"
        if config is None:
            return httpx.Response(404)
        return httpx.Response(200, content=json.dumps(config).encode())

    return httpx.Client(transport=httpx.MockTransport(answer))


def test_discovery_is_optional_and_warns_about_scopes_the_server_lacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with _server(None) as http:
        assert check_server_scopes(http, "https://fhir.example/fhir", DEFAULT_SCOPES) == []
    with _server({"scopes_supported": ["user/*.rs", "user/Observation.crus"]}) as http:
        unknown = check_server_scopes(http, "https://fhir.example/fhir/", DEFAULT_SCOPES)
    assert "user/Observation.crus" not in unknown
    assert "user/Patient.rs" not in unknown  # covered by the wildcard
    assert "user/Task.crus" in unknown
    assert "does not list" in caplog.text
    assert unsupported_scopes({}, DEFAULT_SCOPES) == []  # nothing listed: nothing to say


class _ScopedToken:
    def __init__(self, scopes: frozenset[str]) -> None:
        self.scopes = scopes

    def token(self) -> str | None:
        return "t"

    def refresh(self) -> str | None:
        return None

    def granted_scopes(self) -> frozenset[str] | None:
        return self.scopes


def test_a_403_names_the_permission_from_the_granted_scopes() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(403, json={"resourceType": "OperationOutcome", "issue": []})

    granted = frozenset(s for s in DEFAULT_SCOPES if not s.startswith("user/Patient."))
    client = FhirClient(
        "https://fhir.example/fhir",
        auth=_ScopedToken(granted),
        transport=httpx.MockTransport(refuse),
        clock=system_clock,
    )
    with client, pytest.raises(PermissionMissingError) as refused:
        client.read("Patient", "p1")
    assert refused.value.resource_type == "Patient"
    assert str(refused.value) == (
        "GET Patient: signed in, but no permission to read patients on the server; "
        "ask IT to grant the sign-in scope user/Patient.r (403)"
    )
