"""Our OpenID Connect client (sync/oidc.py) against a real Keycloak.

The browser step is Keycloak's own login page, filled in over HTTP
(tests/oidc_browser.py); everything on our side is the code the app runs.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Iterator

import pytest

from app.clock import system_clock
from app.domain import Role
from sync.oidc import (
    OidcAuth,
    OidcClient,
    OidcConfig,
    ProviderUnreachableError,
    SessionExpiredError,
    SignInRejectedError,
    TokenSet,
)
from tests.identity_server import COORD_CARLA, NURSE_ANNA, NURSE_BEN, Keycloak, TestUser
from tests.oidc_browser import login

pytestmark = pytest.mark.integration


@pytest.fixture
def oidc(keycloak: Keycloak) -> Iterator[OidcClient]:
    client = OidcClient(
        OidcConfig(issuer=keycloak.issuer, client_id=keycloak.client_id), clock=system_clock
    )
    yield client
    client.close()


def sign_in(client: OidcClient, user: TestUser) -> TokenSet:
    pending = client.begin()
    try:
        login(pending.authorize_url, user.username, user.password)  # the "browser"
        return client.finish(pending, pending.wait(30))
    finally:
        pending.close()


@pytest.mark.parametrize(
    ("user", "role"), [(NURSE_ANNA, Role.NURSE), (COORD_CARLA, Role.COORDINATOR)]
)
def test_sign_in_with_pkce_gives_identity_and_tokens(
    oidc: OidcClient, user: TestUser, role: Role
) -> None:
    tokens = sign_in(oidc, user)
    assert tokens.identity is not None
    assert tokens.identity.user_id == user.fhir_user
    assert tokens.identity.display_name == user.name
    assert tokens.identity.role is role
    assert tokens.access_token
    assert tokens.refresh_token
    # The authorization request used PKCE S256, state and nonce.
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(oidc.begin().authorize_url).query)
    assert query["code_challenge_method"] == ["S256"]
    assert {"state", "nonce", "code_challenge"} <= set(query)


def test_a_callback_with_another_state_is_refused(oidc: OidcClient) -> None:
    pending = oidc.begin()
    try:
        callback = login(
            pending.authorize_url, NURSE_ANNA.username, NURSE_ANNA.password, deliver=False
        )
        forged = callback.replace("state=", "state=x", 1)
        with pytest.raises(SignInRejectedError, match="state"):
            oidc.finish(pending, forged)
    finally:
        pending.close()


def test_an_id_token_with_the_wrong_nonce_is_refused(oidc: OidcClient) -> None:
    pending = oidc.begin()
    try:
        callback = login(
            pending.authorize_url, NURSE_ANNA.username, NURSE_ANNA.password, deliver=False
        )
        pending.nonce = "not-the-nonce-we-sent"
        with pytest.raises(SignInRejectedError, match="identity token"):
            oidc.finish(pending, callback)
    finally:
        pending.close()


def test_an_id_token_for_another_audience_is_refused(keycloak: Keycloak, oidc: OidcClient) -> None:
    tokens = sign_in(oidc, NURSE_ANNA)
    assert tokens.refresh_token is not None
    other = OidcClient(
        OidcConfig(issuer=keycloak.issuer, client_id="another-app"), clock=system_clock
    )
    try:
        # The provider's real, correctly signed ID token; only the audience is not ours.
        id_token = _id_token(oidc, tokens.refresh_token)
        with pytest.raises(SignInRejectedError, match="identity token"):
            other.validate_id_token(id_token, None, require_nonce=False)
    finally:
        other.close()


def _id_token(client: OidcClient, refresh_token: str) -> str:
    import httpx

    response = httpx.post(
        client.metadata()["token_endpoint"],
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": client.config.client_id,
        },
        timeout=30,
    )
    return str(response.json()["id_token"])


def test_refresh_rotates_and_a_reused_refresh_token_is_refused(oidc: OidcClient) -> None:
    first = sign_in(oidc, NURSE_BEN)
    assert first.refresh_token is not None
    second = oidc.refresh(first.refresh_token, NURSE_BEN.fhir_user)
    assert second.refresh_token is not None
    assert second.refresh_token != first.refresh_token
    assert second.access_token != first.access_token
    with pytest.raises(SessionExpiredError):
        oidc.refresh(first.refresh_token)  # spent: rotation means one use only


def test_concurrent_401s_cause_exactly_one_refresh(oidc: OidcClient) -> None:
    tokens = sign_in(oidc, NURSE_ANNA)
    saved: list[str | None] = []
    expired: list[bool] = []
    auth = OidcAuth(
        oidc,
        user_id=NURSE_ANNA.fhir_user,
        refresh_token=tokens.refresh_token,
        save_refresh_token=saved.append,
        on_expired=lambda: expired.append(True),
        access=tokens,
        clock=system_clock,
    )
    results: list[str | None] = []
    start = threading.Barrier(6)

    def on_401() -> None:
        start.wait()
        results.append(auth.refresh())

    threads = [threading.Thread(target=on_401) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert auth.refresh_count == 1
    assert len(set(results)) == 1
    assert results[0] != tokens.access_token
    assert len(saved) == 1
    assert saved[0] != tokens.refresh_token
    assert expired == []


def test_an_ended_session_calls_on_expired_and_forgets_the_token(
    keycloak: Keycloak, oidc: OidcClient
) -> None:
    tokens = sign_in(oidc, COORD_CARLA)
    saved: list[str | None] = []
    expired: list[bool] = []
    auth = OidcAuth(
        oidc,
        user_id=COORD_CARLA.fhir_user,
        refresh_token=tokens.refresh_token,
        save_refresh_token=saved.append,
        on_expired=lambda: expired.append(True),
        clock=system_clock,
    )
    keycloak.logout_user(COORD_CARLA.username)  # IT ended the session (or it timed out)
    assert auth.refresh() is None
    assert expired == [True]
    assert saved == [None]
    assert not auth.can_refresh


def test_sign_out_revokes_the_refresh_token(oidc: OidcClient) -> None:
    tokens = sign_in(oidc, NURSE_ANNA)
    saved: list[str | None] = []
    auth = OidcAuth(
        oidc,
        user_id=NURSE_ANNA.fhir_user,
        refresh_token=tokens.refresh_token,
        save_refresh_token=saved.append,
        on_expired=lambda: None,
        clock=system_clock,
    )
    auth.sign_out()
    assert saved == [None]
    assert tokens.refresh_token is not None
    with pytest.raises(SessionExpiredError):
        oidc.refresh(tokens.refresh_token)


def test_provider_down_is_a_clear_offline_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = OidcClient(
        OidcConfig(issuer=f"http://127.0.0.1:{port}/realms/askonce", client_id="askonce-desktop"),
        clock=system_clock,
    )
    try:
        with pytest.raises(ProviderUnreachableError) as caught:
            client.begin()
        assert "cannot be reached" in str(caught.value)
    finally:
        client.close()
