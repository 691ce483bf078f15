"""A refresh whose answer is lost, at an identity provider that rotates refresh tokens.

Keycloak's realm has ``revokeRefreshToken`` on (reuse 0): a refresh answers with a new
refresh token and the old one is dead from then on. When that answer is lost on the way
(the provider did the refresh, the network dropped the reply), the workstation still holds
only the old, dead token: the next refresh is refused (``invalid_grant``). The user must
then sign in again, as the same person; nothing recorded before is lost, and it goes to
the server once signed in. The FHIR server enforces SMART scopes (``hapi_smart``), so no
request gets through without a valid token.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from app.clock import system_clock
from app.domain import Catalog, Source
from sync.engine import SyncFailed, SyncSucceeded
from sync.oidc import SessionExpiredError
from tests.faults.transport import FaultTransport, ForwardThenRaise
from tests.faults.workstation import free_text_codes
from tests.fhir_server import HapiServer
from tests.identity_server import COORD_CARLA, NURSE_BEN, Keycloak
from tests.integration.smart_ward import (
    SignedInWorkstation,
    oidc_client,
    seed_smart_ward,
    sign_in,
)

pytestmark = pytest.mark.integration

TOKEN_PATH = "protocol/openid-connect/token"


def _is_refresh(request: httpx.Request) -> bool:
    return b"grant_type=refresh_token" in request.content


class AheadClock:
    """The workstation's clock, as the sign-in sees it; ``ahead`` moves it on."""

    def __init__(self) -> None:
        self.ahead = timedelta(0)

    def __call__(self) -> datetime:
        return system_clock() + self.ahead


def test_a_lost_refresh_answer_means_signing_in_again_and_the_outbox_survives(
    tmp_path: Path, catalog: Catalog, keycloak: Keycloak, hapi_smart: HapiServer
) -> None:
    ward = seed_smart_ward(keycloak, hapi_smart.base_url, COORD_CARLA)
    provider = FaultTransport(keycloak.issuer)
    oidc = oidc_client(keycloak, transport=provider)
    tokens = sign_in(oidc, NURSE_BEN)
    assert tokens.identity is not None
    expired: list[bool] = []
    clock = AheadClock()
    ws = SignedInWorkstation(
        tmp_path / "ws.db",
        catalog,
        hapi_smart.base_url,
        ward.practitioner,
        oidc,
        tokens,
        on_expired=lambda: expired.append(True),
        auth_clock=clock,
    )
    try:
        assert isinstance(ws.sync(), SyncSucceeded)
        answer = ws.service.answers.record(
            ward.patients[0], free_text_codes(catalog)[0], "Vegetarian", Source.PATIENT
        )
        assert ws.service.outbox.count() == 1

        # The access token runs out; the refresh reaches Keycloak (which rotates the
        # refresh token) and its answer is lost.
        lost = provider.add(ForwardThenRaise(), method="POST", path=TOKEN_PATH, where=_is_refresh)
        clock.ahead = timedelta(minutes=10)
        offline = ws.sync()
        assert lost.fired == 1
        assert isinstance(offline, SyncFailed)
        assert offline.offline  # said as "the identity provider cannot be reached"
        assert ws.service.outbox.count() == 1

        # Next try: the workstation's refresh token is the dead one.
        refused = ws.sync()
        assert isinstance(refused, SyncFailed)
        assert not refused.offline
        assert expired == [True]  # the app locks and asks for an online sign-in
        assert ws.saved[-1] is None  # the dead refresh token is forgotten
        assert not ws.auth.can_refresh
        assert ws.service.outbox.count() == 1  # nothing lost
        with pytest.raises(SessionExpiredError):  # really dead at the provider
            oidc.refresh(tokens.refresh_token or "")

        # The user signs in again, as the same person, and the change goes up.
        clock.ahead = timedelta(0)
        again = sign_in(oidc, NURSE_BEN)
        assert again.identity is not None
        assert again.identity.user_id == tokens.identity.user_id
        ws.auth.adopt(again)
        done = ws.sync()
        assert isinstance(done, SyncSucceeded), done
        assert ws.service.outbox.count() == 0
        assert ws.state.server_doc("Observation", answer.id) is not None
    finally:
        ws.close()
        oidc.close()
