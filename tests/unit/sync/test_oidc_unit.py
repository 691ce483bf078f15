"""OpenID Connect without a provider: the auth hook, the loopback receiver, ID-token checks.

The real sign-in (browser, Keycloak) is covered in tests/integration. Here the provider is
an ``httpx.MockTransport`` serving discovery, a JWKS of locally generated keys and a token
endpoint, and the auth hook's client is a small fake with a ``refresh`` method.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from typing import Any, cast

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from app.domain import Role
from sync.oidc import (
    Identity,
    LoopbackReceiver,
    OidcAuth,
    OidcClient,
    OidcConfig,
    SessionExpiredError,
    SignInCancelledError,
    SignInRejectedError,
    TokenSet,
    WorkstationClockError,
)
from tests.conftest import FIXED_NOW, Clock

ISSUER = "https://idp.test/realms/ward"
CLIENT_ID = "askonce"
USER = "Practitioner/nurse-anna"
NONCE = "n-0S6_WzA2Mj"


# --- OidcAuth: the FHIR client's token hook --------------------------------------------------


class FakeRefresher:
    """Stands in for ``OidcClient.refresh``: slow enough for threads to pile up, and counted."""

    def __init__(self, *, expired: bool = False, delay_s: float = 0.2) -> None:
        self.expired = expired
        self.delay_s = delay_s
        self.calls: list[tuple[str, str | None]] = []
        self.revoked: list[str] = []
        self._lock = threading.Lock()

    def refresh(self, refresh_token: str, expected_user: str | None = None) -> TokenSet:
        with self._lock:
            self.calls.append((refresh_token, expected_user))
            n = len(self.calls)
        time.sleep(self.delay_s)  # the provider takes a moment; other 401s arrive meanwhile
        if self.expired:
            raise SessionExpiredError("Your sign-in has expired or was ended.")
        return TokenSet(
            access_token=f"access-{n + 1}",
            refresh_token=f"refresh-{n + 1}",
            expires_at=FIXED_NOW + timedelta(minutes=5),
            identity=None,
        )

    def revoke(self, refresh_token: str) -> bool:
        self.revoked.append(refresh_token)
        return True


@dataclass
class AuthRig:
    auth: OidcAuth
    client: FakeRefresher
    saved: list[str | None] = field(default_factory=list)
    expired: list[int] = field(default_factory=list)


def _auth(
    clock: Clock, client: FakeRefresher, *, access_valid_for: timedelta = timedelta(minutes=5)
) -> AuthRig:
    rig = AuthRig(cast(OidcAuth, None), client)
    rig.auth = OidcAuth(
        cast(OidcClient, client),
        user_id=USER,
        refresh_token="refresh-1",
        save_refresh_token=rig.saved.append,
        on_expired=lambda: rig.expired.append(1),
        access=TokenSet("access-1", "refresh-1", clock() + access_valid_for, None),
        clock=clock,
    )
    return rig


def _all_at_once(fn: Callable[[], str | None], threads: int = 8) -> list[str | None]:
    """Call ``fn`` from ``threads`` threads released together; their results."""
    barrier = threading.Barrier(threads)

    def run() -> str | None:
        barrier.wait(timeout=10)
        return fn()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = [pool.submit(run) for _ in range(threads)]
        return [f.result(timeout=10) for f in futures]  # a hang (deadlock) fails here


def test_a_valid_access_token_is_used_without_refreshing(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher())
    assert rig.auth.token() == "access-1"
    assert rig.client.calls == []


def test_concurrent_401s_cause_exactly_one_refresh(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher())
    results = _all_at_once(rig.auth.refresh)
    assert rig.client.calls == [("refresh-1", USER)], "one refresh, for the signed-in user"
    assert results == ["access-2"] * 8, "every waiting request gets the new token"
    assert rig.saved == ["refresh-2"]
    assert rig.auth.refresh_count == 1
    assert rig.auth.token() == "access-2"


def test_an_expired_access_token_is_refreshed_once_and_the_rotation_kept(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher(delay_s=0), access_valid_for=timedelta(seconds=5))
    assert rig.auth.token() == "access-2"  # within 10 s of expiry counts as expired
    assert rig.saved == ["refresh-2"], "the rotated refresh token is handed to the cache"
    assert rig.auth.refresh() == "access-3"
    assert [rt for rt, _user in rig.client.calls] == ["refresh-1", "refresh-2"], (
        "a spent refresh token is never used again"
    )
    assert rig.saved == ["refresh-2", "refresh-3"]


def test_invalid_grant_ends_the_sign_in_once(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher(expired=True))
    results = _all_at_once(rig.auth.refresh)
    assert results == [None] * 8
    assert len(rig.client.calls) == 1
    assert rig.expired == [1], "on_expired is called once"
    assert rig.saved == [None], "the refused refresh token is removed from the cache"
    assert not rig.auth.can_refresh
    assert rig.auth.token() is None
    assert len(rig.client.calls) == 1, "no more tries with nothing to refresh with"


def test_drop_forgets_every_token_in_memory(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher())
    rig.auth.drop()
    assert rig.auth.token() is None
    assert rig.auth.refresh() is None
    assert not rig.auth.can_refresh
    assert rig.client.calls == []
    assert rig.saved == [], "dropping (lock) leaves the stored refresh token to the cache"


def test_sign_out_revokes_and_removes_the_stored_token(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher())
    rig.auth.sign_out()
    assert rig.client.revoked == ["refresh-1"]
    assert rig.saved == [None]
    assert rig.auth.token() is None


def test_adopt_takes_the_tokens_of_a_fresh_sign_in(clock: Clock) -> None:
    rig = _auth(clock, FakeRefresher(delay_s=0), access_valid_for=timedelta(0))
    rig.auth.adopt(TokenSet("access-new", "refresh-new", clock() + timedelta(minutes=5), None))
    assert rig.auth.token() == "access-new"
    clock.now += timedelta(minutes=10)
    assert rig.auth.token() == "access-2"
    assert rig.client.calls == [("refresh-new", USER)]


# --- the loopback receiver ------------------------------------------------------------------


@pytest.fixture
def receiver() -> Iterator[LoopbackReceiver]:
    r = LoopbackReceiver()
    yield r
    r.close()


@pytest.fixture
def browser() -> Iterator[httpx.Client]:
    # trust_env=False: a proxy from the environment must not see loopback requests.
    with httpx.Client(trust_env=False, timeout=5) as client:
        yield client


def test_the_receiver_takes_the_callback_and_logs_nothing_of_it(
    receiver: LoopbackReceiver,
    browser: httpx.Client,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    code, state = "Zqx-secret-code-4711", "Zqx-state-0815"
    assert receiver.redirect_uri == f"http://127.0.0.1:{receiver.port}/callback"
    with caplog.at_level(logging.DEBUG):
        other = browser.get(f"http://127.0.0.1:{receiver.port}/favicon.ico?code={code}")
        assert other.status_code == 404
        answer = browser.get(f"{receiver.redirect_uri}?code={code}&state={state}")
        assert answer.status_code == 200
        assert "signed in" in answer.text
        assert answer.headers["cache-control"] == "no-store"
        url = receiver.wait(5)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
    assert url.startswith(receiver.redirect_uri)
    assert query == {"code": [code], "state": [state]}
    out, err = capfd.readouterr()
    # httpx/httpcore records are this test's "browser" logging its own requests.
    ours = [r.getMessage() for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    for text in (*ours, out, err):
        assert code not in text, "the authorization code leaked into a log"
        assert state not in text


def test_the_receiver_reports_an_error_answer(
    receiver: LoopbackReceiver, browser: httpx.Client
) -> None:
    answer = browser.get(f"{receiver.redirect_uri}?error=access_denied&state=s")
    assert answer.status_code == 200
    assert "not completed" in answer.text
    assert "error=access_denied" in receiver.wait(5)


def test_waiting_can_be_cancelled_and_times_out(receiver: LoopbackReceiver) -> None:
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(SignInCancelledError):
        receiver.wait(30, cancelled)
    other = LoopbackReceiver()
    with pytest.raises(SignInCancelledError, match="too long"):
        other.wait(0.2)


# --- ID tokens and the token endpoint, against a mock provider ----------------------------------


@pytest.fixture(scope="module")
def signing_key() -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": "k1", "use": "sig", "alg": "RS256"})


@pytest.fixture(scope="module")
def foreign_key() -> RSAKey:
    """Same key id, another key: what a forger would sign with."""
    return RSAKey.generate_key(2048, parameters={"kid": "k1", "use": "sig", "alg": "RS256"})


class MockProvider:
    """Discovery, JWKS and a token endpoint; records every request it sees."""

    def __init__(self, keys: list[RSAKey]) -> None:
        self.keys = keys
        self.requests: list[httpx.Request] = []
        self.token_response: httpx.Response | Callable[[httpx.Request], httpx.Response] = (
            httpx.Response(500)
        )

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.method == "GET" and path == "/realms/ward/.well-known/openid-configuration":
            return httpx.Response(
                200,
                json={
                    "issuer": ISSUER,
                    "authorization_endpoint": ISSUER + "/protocol/openid-connect/auth",
                    "token_endpoint": ISSUER + "/protocol/openid-connect/token",
                    "jwks_uri": ISSUER + "/protocol/openid-connect/certs",
                },
            )
        if request.method == "GET" and path == "/realms/ward/protocol/openid-connect/certs":
            return httpx.Response(200, json={"keys": [k.as_dict(private=False) for k in self.keys]})
        if request.method == "POST" and path == "/realms/ward/protocol/openid-connect/token":
            response = self.token_response
            return response(request) if callable(response) else response
        return httpx.Response(404)

    @property
    def posts(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == "POST"]


@pytest.fixture
def provider(signing_key: RSAKey) -> MockProvider:
    return MockProvider([signing_key])


@pytest.fixture
def oidc(provider: MockProvider, clock: Clock) -> Iterator[OidcClient]:
    client = OidcClient(
        OidcConfig(issuer=ISSUER, client_id=CLIENT_ID),
        transport=httpx.MockTransport(provider.handler),
        clock=clock,
    )
    yield client
    client.close()


def _claims(now: datetime, **changes: Any) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "4f1c-anna",
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
        "nonce": NONCE,
        "fhirUser": USER,
        "askonce_role": "coordinator",
        "name": "Anna Keller",
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _sign(claims: dict[str, Any], key: RSAKey) -> str:
    return jwt.encode({"alg": "RS256", "kid": str(key.kid)}, claims, key)


def test_a_valid_id_token_names_the_user_and_role(
    oidc: OidcClient, signing_key: RSAKey, clock: Clock
) -> None:
    identity = oidc.validate_id_token(_sign(_claims(clock()), signing_key), NONCE)
    assert identity == Identity(
        subject="4f1c-anna", user_id=USER, display_name="Anna Keller", role=Role.COORDINATOR
    )


def test_an_unknown_or_missing_role_means_nurse(
    oidc: OidcClient, signing_key: RSAKey, clock: Clock
) -> None:
    for role in ("surgeon", None):
        token = _sign(_claims(clock(), askonce_role=role), signing_key)
        assert oidc.validate_id_token(token, NONCE).role is Role.NURSE


def test_a_token_just_expired_within_the_leeway_is_accepted(
    oidc: OidcClient, signing_key: RSAKey, clock: Clock
) -> None:
    now = clock()
    claims = _claims(now, iat=int((now - timedelta(minutes=6)).timestamp()))
    claims["exp"] = int((now - timedelta(seconds=30)).timestamp())  # leeway is 60 s
    assert oidc.validate_id_token(_sign(claims, signing_key), NONCE).user_id == USER


@pytest.mark.parametrize(
    "changes",
    [
        {"aud": "another-app"},
        {"aud": ["another-app", "yet-another"]},
        {"iss": "https://idp.test/realms/other"},
        {"exp": "EXPIRED"},
        {"nonce": "a-replayed-nonce"},
        {"nonce": None},
        {"fhirUser": None},
        {"fhirUser": ""},
        {"sub": None},
        {"aud": [CLIENT_ID, "another-app"]},  # several audiences and no azp naming us
    ],
    ids=[
        "wrong audience",
        "audience list without us",
        "wrong issuer",
        "expired beyond the leeway",
        "wrong nonce",
        "no nonce",
        "no fhirUser",
        "empty fhirUser",
        "no subject",
        "several audiences without azp",
    ],
)
def test_a_failing_id_token_is_rejected(
    oidc: OidcClient, signing_key: RSAKey, clock: Clock, changes: dict[str, Any]
) -> None:
    now = clock()
    if changes.get("exp") == "EXPIRED":
        changes = {
            "iat": int((now - timedelta(minutes=10)).timestamp()),
            "exp": int((now - timedelta(seconds=61 + 60)).timestamp()),
        }
    token = _sign(_claims(now, **changes), signing_key)
    with pytest.raises(SignInRejectedError) as caught:
        oidc.validate_id_token(token, NONCE)
    assert token not in str(caught.value)
    assert NONCE not in str(caught.value)


def test_a_signature_by_another_key_is_rejected_after_refetching_the_keys(
    oidc: OidcClient, provider: MockProvider, foreign_key: RSAKey, clock: Clock
) -> None:
    with pytest.raises(SignInRejectedError):
        oidc.validate_id_token(_sign(_claims(clock()), foreign_key), NONCE)
    jwks_fetches = [r for r in provider.requests if r.url.path.endswith("/certs")]
    assert len(jwks_fetches) == 2, "the keys are fetched again once (rotation), then it fails"


def test_a_rotated_signing_key_is_picked_up(
    oidc: OidcClient, provider: MockProvider, signing_key: RSAKey, clock: Clock
) -> None:
    assert oidc.validate_id_token(_sign(_claims(clock()), signing_key), NONCE).user_id == USER
    new_key = RSAKey.generate_key(2048, parameters={"kid": "k2", "use": "sig", "alg": "RS256"})
    provider.keys = [signing_key, new_key]  # the provider rotated after our first fetch
    assert oidc.validate_id_token(_sign(_claims(clock()), new_key), NONCE).user_id == USER


def test_an_unsigned_token_is_rejected(oidc: OidcClient, clock: Clock) -> None:
    def b64(doc: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(doc).encode()).rstrip(b"=").decode()

    token = f"{b64({'alg': 'none'})}.{b64(_claims(clock()))}."
    with pytest.raises(SignInRejectedError):
        oidc.validate_id_token(token, NONCE)


def _token_endpoint(
    key: RSAKey, clock: Clock, *, nonce_from: list[str], **claims: Any
) -> Callable[[httpx.Request], httpx.Response]:
    """A token endpoint answering with an ID token for the nonce of the last sign-in."""

    def answer(request: httpx.Request) -> httpx.Response:
        nonce = nonce_from[-1] if nonce_from else None
        id_token = _sign(_claims(clock(), nonce=nonce, **claims), key)
        return httpx.Response(
            200,
            json={
                "access_token": "at-1",
                "token_type": "Bearer",
                "expires_in": 300,
                "refresh_token": "rt-1",
                "id_token": id_token,
            },
        )

    return answer


def test_finish_exchanges_the_code_with_pkce(
    oidc: OidcClient, provider: MockProvider, signing_key: RSAKey, clock: Clock
) -> None:
    pending = oidc.begin()
    try:
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(pending.authorize_url).query)
        assert query["code_challenge_method"] == ["S256"]
        assert query["redirect_uri"] == [pending.redirect_uri]
        digest = hashlib.sha256(pending.code_verifier.encode("ascii")).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        assert query["code_challenge"] == [challenge]
        provider.token_response = _token_endpoint(signing_key, clock, nonce_from=query["nonce"])
        state = query["state"][0]
        tokens = oidc.finish(pending, f"{pending.redirect_uri}?code=the-code&state={state}")
    finally:
        pending.close()
    assert tokens.access_token == "at-1"
    assert tokens.refresh_token == "rt-1"
    assert tokens.expires_at == clock() + timedelta(seconds=300)
    assert tokens.identity is not None
    assert tokens.identity.user_id == USER
    (post,) = provider.posts
    form = urllib.parse.parse_qs(post.content.decode())
    assert form["grant_type"] == ["authorization_code"]
    assert form["code"] == ["the-code"]
    assert form["code_verifier"] == [pending.code_verifier]
    assert form["redirect_uri"] == [pending.redirect_uri]


def test_finish_with_another_state_is_rejected_before_any_token_request(
    oidc: OidcClient, provider: MockProvider, signing_key: RSAKey, clock: Clock
) -> None:
    pending = oidc.begin()
    try:
        provider.token_response = _token_endpoint(signing_key, clock, nonce_from=[pending.nonce])
        with pytest.raises(SignInRejectedError, match="state"):
            oidc.finish(pending, f"{pending.redirect_uri}?code=stolen-code&state=forged")
        with pytest.raises(SignInRejectedError):
            oidc.finish(pending, f"{pending.redirect_uri}?code=stolen-code")  # no state at all
    finally:
        pending.close()
    assert provider.posts == [], "no code may be exchanged for a foreign sign-in"


def test_finish_rejects_an_id_token_for_another_sign_in(
    oidc: OidcClient, provider: MockProvider, signing_key: RSAKey, clock: Clock
) -> None:
    pending = oidc.begin()
    try:
        provider.token_response = _token_endpoint(signing_key, clock, nonce_from=["old-nonce"])
        with pytest.raises(SignInRejectedError):
            oidc.finish(pending, f"{pending.redirect_uri}?code=c&state={pending.state}")
    finally:
        pending.close()


def test_finish_with_access_denied_is_a_cancel(oidc: OidcClient, provider: MockProvider) -> None:
    pending = oidc.begin()
    try:
        with pytest.raises(SignInCancelledError):
            oidc.finish(
                pending, f"{pending.redirect_uri}?error=access_denied&state={pending.state}"
            )
    finally:
        pending.close()
    assert provider.posts == []


def test_refresh_with_invalid_grant_means_the_session_expired(
    oidc: OidcClient, provider: MockProvider
) -> None:
    provider.token_response = httpx.Response(
        400, json={"error": "invalid_grant", "error_description": "Token is not active"}
    )
    with pytest.raises(SessionExpiredError) as caught:
        oidc.refresh("rt-spent", USER)
    assert "rt-spent" not in str(caught.value)
    (post,) = provider.posts
    assert urllib.parse.parse_qs(post.content.decode())["refresh_token"] == ["rt-spent"]


def test_refresh_for_someone_else_is_rejected(
    oidc: OidcClient, provider: MockProvider, signing_key: RSAKey, clock: Clock
) -> None:
    provider.token_response = _token_endpoint(
        signing_key, clock, nonce_from=[], fhirUser="Practitioner/someone-else"
    )
    with pytest.raises(SignInRejectedError, match="someone else"):
        oidc.refresh("rt-1", USER)


# --- a workstation clock ten minutes off the provider's ------------------------------------

SKEWS = [timedelta(minutes=10), timedelta(minutes=-10)]
SKEW_IDS = ["workstation 10 min ahead", "workstation 10 min behind"]


@contextmanager
def _workstation(provider: MockProvider, clock: Clock) -> Iterator[OidcClient]:
    """Our OIDC client on a workstation whose clock is ``clock``."""
    client = OidcClient(
        OidcConfig(issuer=ISSUER, client_id=CLIENT_ID),
        transport=httpx.MockTransport(provider.handler),
        clock=clock,
    )
    try:
        yield client
    finally:
        client.close()


def _issuing(
    key: RSAKey,
    provider_clock: Clock,
    *,
    nonce_from: list[str],
    date: str | None = "right",
    **claims: Any,
) -> Callable[[httpx.Request], httpx.Response]:
    """A token endpoint on the provider's clock: ID token times and the ``Date`` header
    (``date="right"``; None: no header; anything else: that header) come from it, and every
    answer carries new tokens (at-1, at-2, ...)."""
    issued: list[int] = []

    def answer(request: httpx.Request) -> httpx.Response:
        issued.append(1)
        n = len(issued)
        headers = {}
        if date == "right":
            headers["Date"] = format_datetime(provider_clock(), usegmt=True)
        elif date is not None:
            headers["Date"] = date
        nonce = nonce_from[-1] if nonce_from else None
        return httpx.Response(
            200,
            headers=headers,
            json={
                "access_token": f"at-{n}",
                "token_type": "Bearer",
                "expires_in": 300,
                "refresh_token": f"rt-{n + 1}",
                "id_token": _sign(_claims(provider_clock(), nonce=nonce, **claims), key),
            },
        )

    return answer


def _sign_in(
    client: OidcClient, provider: MockProvider, key: RSAKey, provider_clock: Clock, **kw: Any
) -> TokenSet:
    pending = client.begin()
    try:
        provider.token_response = _issuing(key, provider_clock, nonce_from=[pending.nonce], **kw)
        return client.finish(pending, f"{pending.redirect_uri}?code=c&state={pending.state}")
    finally:
        pending.close()


@pytest.mark.parametrize("skew", SKEWS, ids=SKEW_IDS)
def test_a_fresh_id_token_is_accepted_when_the_workstation_clock_is_off(
    provider: MockProvider,
    signing_key: RSAKey,
    skew: timedelta,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Keycloak's ID token lives 5 minutes: checked on our clock, a workstation 10 minutes
    off could never sign in. Checked on the provider's time (its Date header), it can."""
    provider_clock, workstation = Clock(FIXED_NOW), Clock(FIXED_NOW + skew)
    with (
        caplog.at_level(logging.DEBUG, logger="sync.oidc"),
        _workstation(provider, workstation) as client,
    ):
        tokens = _sign_in(client, provider, signing_key, provider_clock)
        assert tokens.identity is not None
        assert tokens.identity.user_id == USER
        again = client.refresh("rt-2", USER)  # a refresh brings an ID token too
        assert again.identity is not None
    where = "ahead of" if skew > timedelta(0) else "behind"
    lines = [r.getMessage() for r in caplog.records]
    assert [line for line in lines if "clock" in line] == [
        f"this workstation's clock is 600 s {where} the identity provider's; "
        "sign-in checks use the provider's time"
    ], "the offset is logged once, in whole seconds"
    for secret in ("at-1", "at-2", "rt-2", "rt-3", USER, "Anna Keller"):
        assert not any(secret in line for line in lines), "no token or user data in logs"


@pytest.mark.parametrize("skew", SKEWS, ids=SKEW_IDS)
@pytest.mark.parametrize("date", [None, "not a date"], ids=["no Date header", "unreadable Date"])
def test_without_a_usable_date_header_the_workstation_clock_decides(
    provider: MockProvider, signing_key: RSAKey, skew: timedelta, date: str | None
) -> None:
    """Refused, and said in words IT can act on: this computer's clock is off."""
    provider_clock, workstation = Clock(FIXED_NOW), Clock(FIXED_NOW + skew)
    where = "ahead of" if skew > timedelta(0) else "behind"
    with (
        _workstation(provider, workstation) as client,
        pytest.raises(WorkstationClockError, match=f"clock is 10 minutes {where} the sign-in"),
    ):
        _sign_in(client, provider, signing_key, provider_clock, date=date)


@pytest.mark.parametrize("skew", SKEWS, ids=SKEW_IDS)
def test_a_token_expired_on_the_providers_clock_is_refused_whatever_ours_says(
    provider: MockProvider, signing_key: RSAKey, skew: timedelta
) -> None:
    """Expired 2 minutes ago on the provider's clock (beyond the 60 s leeway). For the
    workstation 10 minutes behind, its own clock would still call the token fresh."""
    provider_clock, workstation = Clock(FIXED_NOW), Clock(FIXED_NOW + skew)
    stale = {
        "iat": int((FIXED_NOW - timedelta(minutes=7)).timestamp()),
        "exp": int((FIXED_NOW - timedelta(minutes=2)).timestamp()),
    }
    with (
        _workstation(provider, workstation) as client,
        pytest.raises(SignInRejectedError, match="identity token"),
    ):
        _sign_in(client, provider, signing_key, provider_clock, **stale)


def test_a_token_within_the_leeway_on_the_providers_clock_is_accepted(
    provider: MockProvider, signing_key: RSAKey
) -> None:
    provider_clock, workstation = Clock(FIXED_NOW), Clock(FIXED_NOW + timedelta(minutes=10))
    just_expired = {
        "iat": int((FIXED_NOW - timedelta(minutes=5)).timestamp()),
        "exp": int((FIXED_NOW - timedelta(seconds=30)).timestamp()),
    }
    with _workstation(provider, workstation) as client:
        assert _sign_in(client, provider, signing_key, provider_clock, **just_expired).identity


@pytest.mark.parametrize("skew", SKEWS, ids=SKEW_IDS)
def test_the_access_token_is_renewed_ten_seconds_before_expires_in_on_our_clock(
    provider: MockProvider, signing_key: RSAKey, skew: timedelta
) -> None:
    """expires_in counts from when we asked, on our clock: the offset never enters it."""
    provider_clock, workstation = Clock(FIXED_NOW), Clock(FIXED_NOW + skew)
    saved: list[str | None] = []
    with _workstation(provider, workstation) as client:
        tokens = _sign_in(client, provider, signing_key, provider_clock)
        assert tokens.expires_at == workstation() + timedelta(seconds=300)
        auth = OidcAuth(
            client,
            user_id=USER,
            refresh_token=tokens.refresh_token,
            save_refresh_token=saved.append,
            on_expired=lambda: None,
            access=tokens,
            clock=workstation,
        )

        def later(seconds: int) -> None:
            for c in (provider_clock, workstation):
                c.now += timedelta(seconds=seconds)

        later(289)
        assert auth.token() == "at-1"
        assert len(provider.posts) == 1, "still 11 s left: no refresh"
        later(2)
        assert auth.token() == "at-2", "9 s left: renewed before it runs out"
        assert len(provider.posts) == 2
        assert saved == ["rt-3"]
        later(289)
        assert auth.token() == "at-2"
        assert len(provider.posts) == 2
