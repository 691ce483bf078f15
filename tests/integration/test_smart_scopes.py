"""SMART on FHIR scopes, end to end: Keycloak issues them, the HAPI server enforces them.

The server (``hapi_smart``) accepts only access tokens of the test realm, checked against its
keys, and asks each request for its scope (tests/integration/hapi_server, SmartAuthInterceptor).
A nurse signs in as the app does and syncs with AskOnce's default scopes; a sign-in without
the right to change answers is refused the upload, the sync status names the permission
in words and the scope for IT, and the change stays in the outbox.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from app.domain import Catalog, Source
from sync.engine import SyncFailed, SyncSucceeded
from sync.oidc import BASE_SCOPES, OidcClient
from sync.smart import DEFAULT_SCOPES, check_server_scopes
from tests.faults.workstation import free_text_codes
from tests.fhir_server import HapiServer
from tests.identity_server import COORD_CARLA, NURSE_ANNA, Keycloak
from tests.integration.fhir_seed import SeededWard
from tests.integration.smart_ward import (
    SignedInWorkstation,
    oidc_client,
    seed_smart_ward,
    sign_in,
)

pytestmark = pytest.mark.integration

WITHOUT_CHANGING_ANSWERS = tuple(
    "user/Observation.rs" if s == "user/Observation.crus" else s for s in DEFAULT_SCOPES
)


@pytest.fixture
def ward(keycloak: Keycloak, hapi_smart: HapiServer) -> SeededWard:
    return seed_smart_ward(keycloak, hapi_smart.base_url, COORD_CARLA)


@pytest.fixture
def workstation(
    tmp_path: Path, catalog: Catalog, keycloak: Keycloak, hapi_smart: HapiServer, ward: SeededWard
) -> Iterator[Callable[..., SignedInWorkstation]]:
    made: list[SignedInWorkstation] = []
    clients: list[OidcClient] = []

    def make(scopes: tuple[str, ...] | None) -> SignedInWorkstation:
        """A ward PC signed in as Anna with ``scopes`` (None: not signed in at all)."""
        oidc = oidc_client(keycloak, (*BASE_SCOPES, *(scopes or ())))
        clients.append(oidc)
        tokens = sign_in(oidc, NURSE_ANNA) if scopes is not None else None
        ws = SignedInWorkstation(
            tmp_path / f"ws{len(made)}.db",
            catalog,
            hapi_smart.base_url,
            ward.practitioner,
            oidc,
            tokens,
        )
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()
    for client in clients:
        client.close()


def test_the_server_publishes_its_smart_configuration(
    keycloak: Keycloak, hapi_smart: HapiServer
) -> None:
    with httpx.Client(timeout=30) as http:
        config = http.get(f"{hapi_smart.base_url}/.well-known/smart-configuration").json()
        assert http.get(f"{hapi_smart.base_url}/metadata").status_code == 200  # open too
        # AskOnce's defaults are all covered: nothing to warn IT about.
        assert check_server_scopes(http, hapi_smart.base_url, DEFAULT_SCOPES) == []
    assert config["authorization_endpoint"].startswith(keycloak.issuer)
    assert config["token_endpoint"] == keycloak.token_endpoint
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert {"launch-standalone", "client-public", "permission-v2", "permission-user"} <= set(
        config["capabilities"]
    )


def test_without_a_token_every_request_is_refused(
    hapi_smart: HapiServer, workstation: Callable[..., SignedInWorkstation], ward: SeededWard
) -> None:
    with httpx.Client(timeout=30) as http:
        refused = http.get(f"{hapi_smart.base_url}/Patient/{ward.patients[0]}")
        forged = http.get(
            f"{hapi_smart.base_url}/Patient/{ward.patients[0]}",
            headers={"Authorization": "Bearer not.a.token"},
        )
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert forged.status_code == 401

    ws = workstation(None)
    final = ws.sync()
    assert isinstance(final, SyncFailed)
    assert any("refused our sign-in (401)" in r for r in final.reasons), final.reasons
    assert ws.service.charts.ward() == []


def test_with_the_default_scopes_a_nurse_syncs_and_uploads(
    keycloak: Keycloak,
    hapi_smart: HapiServer,
    catalog: Catalog,
    workstation: Callable[..., SignedInWorkstation],
    ward: SeededWard,
) -> None:
    ws = workstation(DEFAULT_SCOPES)
    assert ws.auth.granted_scopes() is not None
    assert set(DEFAULT_SCOPES) <= set(ws.auth.granted_scopes() or ())
    first = ws.sync()
    assert isinstance(first, SyncSucceeded), first
    assert {r.patient.id for r in ws.service.charts.ward()} == set(ward.patients)

    answer = ws.service.answers.record(
        ward.patients[0], free_text_codes(catalog)[0], "Vegetarian", Source.PATIENT
    )
    second = ws.sync()
    assert isinstance(second, SyncSucceeded), second
    assert ws.service.outbox.count() == 0
    assert ws.state.server_doc("Observation", answer.id) is not None


def test_a_v1_scope_and_a_scope_for_another_type(
    keycloak: Keycloak, hapi_smart: HapiServer, ward: SeededWard
) -> None:
    """``user/Patient.read`` (SMART v1) reads patients, and nothing else."""
    oidc = oidc_client(keycloak, (*BASE_SCOPES, "user/Patient.read"))
    try:
        token = sign_in(oidc, NURSE_ANNA).access_token
    finally:
        oidc.close()
    with httpx.Client(timeout=30, headers={"Authorization": f"Bearer {token}"}) as http:
        patient = http.get(f"{hapi_smart.base_url}/Patient/{ward.patients[0]}")
        observations = http.get(f"{hapi_smart.base_url}/Observation", params={"_count": "1"})
    assert patient.status_code == 200
    assert observations.status_code == 403
    issue = observations.json()["issue"][0]
    assert issue["code"] == "forbidden"
    assert issue["diagnostics"] == "missing scope user/Observation.s"


def test_without_the_right_to_change_answers_the_upload_is_refused_and_named(
    keycloak: Keycloak,
    hapi_smart: HapiServer,
    catalog: Catalog,
    workstation: Callable[..., SignedInWorkstation],
    ward: SeededWard,
) -> None:
    ws = workstation(WITHOUT_CHANGING_ANSWERS)
    granted = ws.auth.granted_scopes() or frozenset()
    assert "user/Observation.rs" in granted
    assert "user/Observation.crus" not in granted
    first = ws.sync()  # reading is allowed
    assert isinstance(first, SyncSucceeded), first

    ws.service.answers.record(
        ward.patients[0], free_text_codes(catalog)[0], "Vegetarian", Source.PATIENT
    )
    final = ws.sync()
    assert isinstance(final, SyncFailed), final
    assert not final.offline
    reason = " ".join(final.reasons)
    assert "user/Observation.u" in reason  # for IT
    assert "change answers" in reason  # for the nurse
    assert "ask IT" in reason
    # Nothing lost: the answer waits in the outbox for a sign-in with the permission.
    assert ws.service.outbox.count() == 1
    assert ws.service.outbox.counts().refused == 0  # not set aside as bad data
