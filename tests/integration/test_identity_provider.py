"""The test identity provider itself: Keycloak with realm ``askonce`` behaves as our
sign-in relies on (PKCE S256 required, loopback redirect on any port, our claims in the
tokens, refresh tokens single-use). Every exchange here is done by hand with httpx."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from tests.identity_server import COORD_CARLA, NURSE_ANNA, NURSE_BEN, Keycloak, TestUser
from tests.oidc_browser import Browser, LoginError, login

pytestmark = pytest.mark.integration


# --- a tiny loopback listener standing in for the app's (RFC 8252 §7.3) --------------------


@dataclass
class Loopback:
    redirect_uri: str
    received: list[str] = field(default_factory=list)

    def only_query(self) -> dict[str, str]:
        assert len(self.received) == 1, self.received
        return {k: v[0] for k, v in parse_qs(urlsplit(self.received[0]).query).items()}


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    received: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            received.append(self.path)
            body = b"Signed in. You can close this window."
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Loopback(f"http://127.0.0.1:{server.server_port}/callback", received)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- helpers -------------------------------------------------------------------------------


@dataclass
class Pkce:
    verifier: str = field(default_factory=lambda: secrets.token_urlsafe(48))

    @property
    def challenge(self) -> str:
        digest = hashlib.sha256(self.verifier.encode("ascii")).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def authorize_url(
    keycloak: Keycloak, redirect_uri: str, *, state: str = "st", nonce: str = "n", **extra: str
) -> str:
    params = {
        "client_id": keycloak.client_id,  # extra may name another client
        "redirect_uri": redirect_uri,
        "response_type": "code",
        "scope": "openid",
        "state": state,
        "nonce": nonce,
        **extra,
    }
    return f"{keycloak.issuer}/protocol/openid-connect/auth?{urlencode(params)}"


def s256_url(keycloak: Keycloak, redirect_uri: str, pkce: Pkce | None = None, **extra: str) -> str:
    """An authorization URL as our client must send it: with an S256 code challenge."""
    challenge = (pkce or Pkce()).challenge
    return authorize_url(
        keycloak, redirect_uri, code_challenge=challenge, code_challenge_method="S256", **extra
    )


def payload(jwt: str) -> dict[str, Any]:
    """The claims of a JWT (signature not checked: this is about what Keycloak puts in)."""
    body = jwt.split(".")[1]
    claims: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return claims


def post_token(keycloak: Keycloak, **form: str) -> httpx.Response:
    with httpx.Client(timeout=30.0) as client:
        return client.post(keycloak.token_endpoint, data={"client_id": keycloak.client_id, **form})


def sign_in(keycloak: Keycloak, loopback: Loopback, user: TestUser) -> dict[str, Any]:
    """The whole code + PKCE flow; returns the token response."""
    pkce, state, nonce = Pkce(), secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    url = s256_url(keycloak, loopback.redirect_uri, pkce, state=state, nonce=nonce)
    login(url, user.username, user.password)
    query = loopback.only_query()
    assert query["state"] == state
    assert query["iss"] == keycloak.issuer  # RFC 9207: Keycloak names itself in the callback
    response = post_token(
        keycloak,
        grant_type="authorization_code",
        code=query["code"],
        redirect_uri=loopback.redirect_uri,
        code_verifier=pkce.verifier,
    )
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    assert payload(tokens["id_token"])["nonce"] == nonce
    return tokens


# --- the tests -----------------------------------------------------------------------------


def test_discovery_names_the_issuer_and_endpoints(keycloak: Keycloak) -> None:
    with httpx.Client(timeout=30.0) as client:
        doc = client.get(keycloak.discovery_url).raise_for_status().json()

    assert doc["issuer"] == keycloak.issuer
    for endpoint in (
        "authorization_endpoint",
        "token_endpoint",
        "userinfo_endpoint",
        "end_session_endpoint",
        "revocation_endpoint",
        "jwks_uri",
    ):
        assert doc[endpoint].startswith(f"{keycloak.issuer}/protocol/openid-connect/"), endpoint
    assert doc["token_endpoint"] == keycloak.token_endpoint
    assert "S256" in doc["code_challenge_methods_supported"]


@pytest.mark.parametrize(
    ("pkce_params", "refusal"),
    [
        ({}, "Missing parameter: code_challenge_method"),
        (
            {"code_challenge": Pkce().verifier, "code_challenge_method": "plain"},
            "code challenge method is not matching",
        ),
    ],
    ids=["no-challenge", "plain"],
)
def test_authorization_without_s256_pkce_is_refused(
    keycloak: Keycloak, pkce_params: dict[str, str], refusal: str
) -> None:
    redirect_uri = "http://127.0.0.1:49152/callback"
    with httpx.Client(timeout=30.0) as client:
        response = client.get(authorize_url(keycloak, redirect_uri, **pkce_params))

    assert response.status_code == 302
    back = urlsplit(response.headers["Location"])
    assert f"{back.scheme}://{back.netloc}{back.path}" == redirect_uri
    query = parse_qs(back.query)
    assert query["error"] == ["invalid_request"]
    assert refusal in query["error_description"][0]


@pytest.mark.parametrize(
    ("redirect_uri", "accepted"),
    [
        ("http://127.0.0.1:49152/callback", True),
        ("http://127.0.0.1:61999/", True),  # any port, any path: registered as http://127.0.0.1/*
        ("http://localhost:49152/callback", False),  # only the IP literal is registered
        ("http://[::1]:49152/callback", False),
        ("https://127.0.0.1:49152/callback", False),
        ("http://attacker.example/callback", False),
    ],
)
def test_only_loopback_redirects_are_accepted_on_any_port(
    keycloak: Keycloak, redirect_uri: str, accepted: bool
) -> None:
    with httpx.Client(timeout=30.0) as client:
        response = client.get(s256_url(keycloak, redirect_uri))

    if accepted:
        assert response.status_code == 200
        assert 'id="kc-form-login"' in response.text
    else:
        assert response.status_code == 400
        assert "Invalid parameter: redirect_uri" in response.text


@pytest.mark.parametrize("user", [NURSE_ANNA, NURSE_BEN, COORD_CARLA], ids=lambda u: u.username)
def test_code_exchange_gives_our_claims(
    keycloak: Keycloak, loopback: Loopback, user: TestUser
) -> None:
    tokens = sign_in(keycloak, loopback, user)

    id_token = payload(tokens["id_token"])
    assert id_token["iss"] == keycloak.issuer
    assert id_token["aud"] == keycloak.client_id
    assert id_token["preferred_username"] == user.username
    assert id_token["name"] == user.name
    assert id_token["fhirUser"] == user.fhir_user
    assert id_token["askonce_role"] == user.role
    access = payload(tokens["access_token"])
    assert (access["fhirUser"], access["askonce_role"]) == (user.fhir_user, user.role)
    assert access["exp"] - access["iat"] == 120  # the realm's short access-token lifespan
    with httpx.Client(timeout=30.0) as client:
        userinfo = client.get(
            f"{keycloak.issuer}/protocol/openid-connect/userinfo",
            headers={"Authorization": f"Bearer {tokens['access_token']}"},
        )
    assert userinfo.status_code == 200
    assert userinfo.json()["fhirUser"] == user.fhir_user
    assert userinfo.json()["askonce_role"] == user.role


def test_code_exchange_with_the_wrong_verifier_is_refused(
    keycloak: Keycloak, loopback: Loopback
) -> None:
    login(s256_url(keycloak, loopback.redirect_uri), NURSE_ANNA.username, NURSE_ANNA.password)

    response = post_token(
        keycloak,
        grant_type="authorization_code",
        code=loopback.only_query()["code"],
        redirect_uri=loopback.redirect_uri,
        code_verifier=Pkce().verifier,  # not the one the challenge was made from
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"


def test_a_refresh_token_works_once(keycloak: Keycloak, loopback: Loopback) -> None:
    first = sign_in(keycloak, loopback, NURSE_BEN)["refresh_token"]

    refreshed = post_token(keycloak, grant_type="refresh_token", refresh_token=first)
    assert refreshed.status_code == 200, refreshed.text
    assert refreshed.json()["refresh_token"] != first
    reused = post_token(keycloak, grant_type="refresh_token", refresh_token=first)
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"


def test_wrong_password_shows_keycloaks_message(keycloak: Keycloak, loopback: Loopback) -> None:
    url = s256_url(keycloak, loopback.redirect_uri)
    with pytest.raises(LoginError, match=r"Invalid username or password\."):
        login(url, NURSE_ANNA.username, "not-her-password")
    assert loopback.received == []


def test_sso_session_and_forced_reauthentication(keycloak: Keycloak, loopback: Loopback) -> None:
    with Browser() as browser:
        url = s256_url(keycloak, loopback.redirect_uri)
        browser.login(url, COORD_CARLA.username, COORD_CARLA.password, deliver=False)
        again = browser.authorize(s256_url(keycloak, loopback.redirect_uri), deliver=False)
        assert "code=" in again  # the SSO session: no password asked
        with pytest.raises(LoginError, match="wants the user to sign in"):
            browser.authorize(s256_url(keycloak, loopback.redirect_uri, prompt="login"))
    assert loopback.received == []


def test_admin_logout_ends_the_users_sessions(keycloak: Keycloak, loopback: Loopback) -> None:
    tokens = sign_in(keycloak, loopback, COORD_CARLA)
    assert keycloak.user_sessions(COORD_CARLA.username)

    keycloak.logout_user(COORD_CARLA.username)

    assert keycloak.user_sessions(COORD_CARLA.username) == []
    refused = post_token(
        keycloak, grant_type="refresh_token", refresh_token=tokens["refresh_token"]
    )
    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_grant"


def test_a_disabled_account_cannot_sign_in(keycloak: Keycloak, loopback: Loopback) -> None:
    url = s256_url(keycloak, loopback.redirect_uri)
    keycloak.set_user_enabled(NURSE_BEN.username, False)
    try:
        with pytest.raises(LoginError, match="disabled"):
            login(url, NURSE_BEN.username, NURSE_BEN.password)
    finally:
        keycloak.set_user_enabled(NURSE_BEN.username, True)


def test_access_token_lifespan_can_be_shortened(keycloak: Keycloak, loopback: Loopback) -> None:
    with keycloak.access_token_lifespan(30):
        tokens = sign_in(keycloak, loopback, NURSE_ANNA)

    access = payload(tokens["access_token"])
    assert access["exp"] - access["iat"] == 30
    # expires_in counts from when the response was made: a second less under load
    assert 25 <= tokens["expires_in"] <= 30


def test_users_cannot_change_their_own_fhir_user_or_role(keycloak: Keycloak) -> None:
    """Only an administrator sets who a user is in FHIR and what they may do: through
    Keycloak's own account API a nurse cannot make herself someone else or a coordinator."""
    pkce, redirect_uri = Pkce(), f"{keycloak.issuer}/account/"
    url = authorize_url(
        keycloak,
        redirect_uri,
        client_id="account-console",
        code_challenge=pkce.challenge,
        code_challenge_method="S256",
    )
    back = login(url, NURSE_ANNA.username, NURSE_ANNA.password, deliver=False)
    code = parse_qs(urlsplit(back).query)["code"][0]
    tokens = post_token(
        keycloak,
        client_id="account-console",
        grant_type="authorization_code",
        code=code,
        redirect_uri=redirect_uri,
        code_verifier=pkce.verifier,
    ).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}", "Accept": "application/json"}
    with httpx.Client(timeout=30.0, headers=headers) as client:
        me = client.get(redirect_uri).raise_for_status().json()
        profile = {k: me[k] for k in ("username", "email", "firstName", "lastName")}
        attempt = client.post(
            redirect_uri,
            json={
                **profile,
                "attributes": {
                    "fhirUser": [COORD_CARLA.fhir_user],
                    "askonce_role": ["coordinator"],
                },
            },
        )

    assert attempt.status_code == 400
    refused = {(e["field"], e["errorMessage"]) for e in attempt.json()["errors"]}
    assert refused == {
        ("fhirUser", "error-user-attribute-read-only"),
        ("askonce_role", "error-user-attribute-read-only"),
    }
    stored = keycloak.admin("GET", f"/users/{keycloak.user_id(NURSE_ANNA.username)}").json()
    assert stored["attributes"]["fhirUser"] == [NURSE_ANNA.fhir_user]
    assert stored["attributes"]["askonce_role"] == [NURSE_ANNA.role]
