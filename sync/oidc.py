"""Signing in with OpenID Connect (DESIGN.md §6).

Authorization code flow with PKCE (S256), the system browser and a loopback
redirect (RFC 8252): we listen on ``127.0.0.1`` on a port the OS picks, open
the provider's page in the browser, and receive the code on that port.

The protocol pieces come from well-kept libraries, not from us: Authlib builds
the authorization URL, the PKCE challenge and checks ``state``; joserfc checks
the ID token's signature against the provider's JWKS and its claims (issuer,
audience = our client id, expiry with a small leeway, nonce).

Time (DESIGN.md §6b): a workstation's clock may be minutes off the provider's. The ID
token's ``exp``/``iat`` are the provider's times, so they are checked against the
provider's "now", estimated from the ``Date`` header of the token endpoint's own answer
(the same authenticated TLS response that carries the token), still with the small
leeway; without a usable ``Date`` the workstation's clock is used. The access token's
expiry is ``expires_in`` counted on the workstation's clock from when the request was
sent, so no offset enters it, and it is renewed a little before it runs out.

Tokens: the access token lives in memory only (``OidcAuth``). The refresh
token is handed to a callback that stores it in the user's encrypted cache;
every refresh returns a new one (rotation) and the old one is never used
again. Concurrent 401s cause exactly one refresh.

Messages never carry tokens, codes or claims; they name the step that failed.
"""

from __future__ import annotations

import html
import logging
import secrets
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain import Role
from app.errors import BugError, KnownError
from app.settings import Settings

if TYPE_CHECKING:  # httpx and joserfc load on first use, not with the sign-in window
    import httpx
    from joserfc.jwk import KeySet

log = logging.getLogger(__name__)

SIGNED_IN_PAGE = (
    "<!doctype html><meta charset='utf-8'><title>AskOnce</title>"
    "<body style='font-family:sans-serif;margin:3em'><h1>{title}</h1><p>{text}</p></body>"
)
ID_TOKEN_ALGORITHMS = ["RS256", "PS256", "ES256"]
REFRESH_MARGIN = timedelta(seconds=10)
"""An access token is renewed this long before it runs out (our clock), not after a 401."""
CLOCK_OFFSET_LOG_S = 60
"""A provider clock this many seconds or more off the workstation's is worth a log line."""


class OidcError(KnownError):
    """Signing in did not work; the message names the step, never a token."""


class ProviderUnreachableError(OidcError):
    """The identity provider cannot be reached (the network or the provider is down)."""


class ProviderNotTrustedError(ProviderUnreachableError):
    """The identity provider's TLS certificate failed the check: IT must act, not retry."""


class SignInRejectedError(OidcError):
    """The answer from the browser or the provider failed a check (state, nonce, token)."""


class WorkstationClockError(SignInRejectedError):
    """The identity token was refused because this computer's clock is far off."""


class SessionExpiredError(OidcError):
    """The provider refused the refresh token (``invalid_grant``): sign in online again."""


class SignInCancelledError(OidcError):
    """The user closed the sign-in before it finished."""


BASE_SCOPES = ("openid", "profile")
"""Always asked for: who signed in. The policy's ``oidc_scopes`` add the server's: by default
the SMART on FHIR scopes of what AskOnce reads and writes (sync/smart.py)."""


@dataclass(frozen=True)
class OidcConfig:
    issuer: str
    client_id: str
    user_claim: str = "fhirUser"
    role_claim: str = "askonce_role"
    scopes: tuple[str, ...] = BASE_SCOPES
    leeway_s: int = 60
    ca_bundle: Path | None = None
    http_proxy: str | None = None
    timeout_s: float = 15.0


def oidc_config(settings: Settings) -> OidcConfig:
    """The sign-in as the machine policy sets it up (issuer, client, claims, scopes, TLS)."""
    if settings.oidc_issuer is None:
        raise BugError("oidc_config needs a policy that names the identity provider")
    extra = tuple(s for s in settings.oidc_scopes.split() if s not in BASE_SCOPES)
    return OidcConfig(
        issuer=str(settings.oidc_issuer).rstrip("/"),
        client_id=settings.oidc_client_id,
        user_claim=settings.oidc_user_claim,
        role_claim=settings.oidc_role_claim,
        scopes=(*BASE_SCOPES, *extra),
        ca_bundle=settings.ca_bundle,
        http_proxy=settings.http_proxy,
    )


@dataclass(frozen=True)
class Identity:
    """Who signed in, from the validated ID token."""

    subject: str
    user_id: str
    """The user's FHIR identity, e.g. ``Practitioner/nurse-anna`` (the configured claim)."""
    display_name: str
    role: Role


@dataclass
class TokenSet:
    access_token: str = field(repr=False)
    refresh_token: str | None = field(repr=False)
    expires_at: datetime
    identity: Identity | None
    scopes: frozenset[str] | None = None
    """The scopes granted (the token response's ``scope``); None: the provider did not say."""


@dataclass
class PendingSignIn:
    """One sign-in in progress: what the browser must open and what we must check after."""

    authorize_url: str
    redirect_uri: str
    state: str = field(repr=False)
    nonce: str = field(repr=False)
    code_verifier: str = field(repr=False)
    receiver: LoopbackReceiver = field(repr=False)

    def wait(self, timeout_s: float, cancelled: threading.Event | None = None) -> str:
        """The URL the browser was sent back to; raises if cancelled or too late."""
        return self.receiver.wait(timeout_s, cancelled)

    def close(self) -> None:
        self.receiver.close()


class LoopbackReceiver:
    """A one-shot HTTP listener on 127.0.0.1 for the redirect (RFC 8252 §7.3)."""

    PATH = "/callback"

    def __init__(self) -> None:
        import http.server  # the loopback listener is needed only for a sign-in

        receiver = self
        self._got = threading.Event()
        self._url: str | None = None

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parsed = urllib.parse.urlsplit(self.path)
                if parsed.path != LoopbackReceiver.PATH or receiver._got.is_set():
                    self.send_error(404)
                    return
                failed = "error" in urllib.parse.parse_qs(parsed.query)
                page = SIGNED_IN_PAGE.format(
                    title=html.escape("AskOnce"),
                    text=html.escape(
                        "Sign-in was not completed. Go back to AskOnce."
                        if failed
                        else "You are signed in. You can close this tab and go back to AskOnce."
                    ),
                )
                body = page.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)
                receiver._url = f"{receiver.redirect_uri}?{parsed.query}"
                receiver._got.set()

            def log_message(self, format: str, *args: Any) -> None:
                return  # the query holds the code: never log it

        self._server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.redirect_uri = f"http://127.0.0.1:{self.port}{self.PATH}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
        )
        self._thread.start()

    def wait(self, timeout_s: float, cancelled: threading.Event | None = None) -> str:
        deadline = time.monotonic() + timeout_s
        try:
            while not self._got.wait(0.1):
                if cancelled is not None and cancelled.is_set():
                    raise SignInCancelledError("Sign-in was cancelled.")
                if time.monotonic() > deadline:
                    raise SignInCancelledError(
                        "Sign-in took too long.", hint="Start the sign-in again."
                    )
            assert self._url is not None
            return self._url
        finally:
            self.close()

    def close(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()


class OidcClient:
    """Talks to one identity provider; safe to use from one worker thread at a time."""

    def __init__(
        self,
        config: OidcConfig,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], datetime],
    ) -> None:
        self.config = config
        self._clock = clock
        self._transport = transport
        self._client: httpx.Client | None = None  # made on first use (start-up time)
        self._metadata: dict[str, Any] | None = None
        self._keys: KeySet | None = None
        self._logged_offset_s: int | None = None

    @property
    def _http(self) -> httpx.Client:
        """The OS trust store plus the hospital's CA; the policy's proxy (sync/tls.py)."""
        if self._client is None:
            import httpx

            from sync.tls import http_client_options  # with the client: after the first window

            config = self.config
            self._client = httpx.Client(
                timeout=httpx.Timeout(config.timeout_s, connect=min(config.timeout_s, 10.0)),
                **http_client_options(ca_bundle=config.ca_bundle, http_proxy=config.http_proxy),
                transport=self._transport,
                headers={"User-Agent": "AskOnce", "Accept": "application/json"},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    # --- discovery --------------------------------------------------------------------------

    def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            issuer = self.config.issuer.rstrip("/")
            doc = self._get_json(issuer + "/.well-known/openid-configuration", "discovery")
            if str(doc.get("issuer", "")).rstrip("/") != issuer:
                raise SignInRejectedError(
                    "The identity provider names a different issuer than configured.",
                    hint="Ask IT to check the oidc_issuer setting.",
                )
            for needed in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                if not isinstance(doc.get(needed), str):
                    raise SignInRejectedError(
                        "The identity provider does not offer {what}.", what=needed
                    )
            self._metadata = doc
        return self._metadata

    def _key_set(self, refresh: bool = False) -> KeySet:
        from joserfc.errors import JoseError
        from joserfc.jwk import KeySet

        if self._keys is None or refresh:
            doc = self._get_json(self.metadata()["jwks_uri"], "keys")
            try:
                self._keys = KeySet.import_key_set(doc)  # type: ignore[arg-type]
            except (JoseError, ValueError, TypeError, KeyError) as exc:
                raise SignInRejectedError("The identity provider's keys are unreadable.") from exc
        return self._keys

    # --- the authorization code flow --------------------------------------------------------

    def begin(self) -> PendingSignIn:
        """Start listening on the loopback and build the URL the browser must open."""
        from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
        from authlib.oauth2.rfc7636 import create_s256_code_challenge

        endpoint = self.metadata()["authorization_endpoint"]
        scopes = self._offered(self.config.scopes)
        receiver = LoopbackReceiver()
        state = secrets.token_urlsafe(32)
        nonce = secrets.token_urlsafe(32)
        verifier = secrets.token_urlsafe(64)  # 86 characters, within RFC 7636's 43..128
        url = prepare_grant_uri(
            endpoint,
            client_id=self.config.client_id,
            response_type="code",
            redirect_uri=receiver.redirect_uri,
            scope=" ".join(scopes),
            state=state,
            nonce=nonce,
            code_challenge=create_s256_code_challenge(verifier),
            code_challenge_method="S256",
        )
        return PendingSignIn(url, receiver.redirect_uri, state, nonce, verifier, receiver)

    def _offered(self, scopes: tuple[str, ...]) -> tuple[str, ...]:
        """The SMART scopes the provider does not offer are left out (with a warning for IT):
        a provider refuses a sign-in that asks for a scope it does not know (invalid_scope).
        A provider that does not publish ``scopes_supported`` gets them all."""
        supported = self.metadata().get("scopes_supported")
        if not isinstance(supported, list) or not supported:
            return scopes
        dropped = [s for s in scopes if "/" in s and s not in supported]
        if dropped:
            log.warning(
                "the identity provider does not offer %d of the SMART scopes asked for "
                "(left out): %s",
                len(dropped),
                " ".join(dropped),
            )
        return tuple(s for s in scopes if s not in dropped)

    def finish(self, pending: PendingSignIn, callback_url: str) -> TokenSet:
        """Check the browser's answer, exchange the code, validate the ID token."""
        from authlib.common.errors import AuthlibBaseError
        from authlib.oauth2.rfc6749.parameters import parse_authorization_code_response

        query = urllib.parse.parse_qs(urllib.parse.urlsplit(callback_url).query)
        if "error" in query:
            code = query["error"][0]
            if code == "access_denied":
                raise SignInCancelledError("Sign-in was cancelled at the identity provider.")
            raise SignInRejectedError(
                "The identity provider refused the sign-in ({code}).", code=code
            )
        issuer = query.get("iss", [None])[0]
        if issuer is not None and issuer.rstrip("/") != self.config.issuer.rstrip("/"):
            # RFC 9207: the answer came from another provider (mix-up attack).
            raise SignInRejectedError("The sign-in answer came from another identity provider.")
        try:
            params = parse_authorization_code_response(callback_url, state=pending.state)
        except AuthlibBaseError as exc:
            raise SignInRejectedError(
                "The sign-in answer did not match this sign-in (state).",
                hint="Start the sign-in again.",
            ) from exc
        tokens = self._token_request(
            {
                "grant_type": "authorization_code",
                "code": params["code"],
                "redirect_uri": pending.redirect_uri,
                "client_id": self.config.client_id,
                "code_verifier": pending.code_verifier,
            },
            nonce=pending.nonce,
        )
        if tokens.identity is None:
            raise SignInRejectedError("The identity provider sent no ID token.")
        return tokens

    def refresh(self, refresh_token: str, expected_user: str | None = None) -> TokenSet:
        """A new access token and a new refresh token; the old refresh token is spent."""
        tokens = self._token_request(
            {
                "grant_type": "refresh_token",
                "refresh_token": refresh_token,
                "client_id": self.config.client_id,
            },
            nonce=None,
        )
        if (
            expected_user is not None
            and tokens.identity is not None
            and tokens.identity.user_id != expected_user
        ):
            raise SignInRejectedError("The refreshed sign-in belongs to someone else.")
        return tokens

    def revoke(self, refresh_token: str) -> bool:
        """Best effort: tell the provider the refresh token is no longer wanted."""
        endpoint = self.metadata().get("revocation_endpoint")
        if not isinstance(endpoint, str):
            return False
        try:
            response = self._http.post(
                endpoint,
                data={
                    "token": refresh_token,
                    "token_type_hint": "refresh_token",
                    "client_id": self.config.client_id,
                },
            )
        except _http_error() as exc:
            log.info("token revocation not reached: %s", type(exc).__name__)
            return False
        return response.status_code == 200

    def end_session_url(self) -> str | None:
        endpoint = self.metadata().get("end_session_endpoint")
        return endpoint if isinstance(endpoint, str) else None

    # --- helpers ------------------------------------------------------------------------------

    def _get_json(self, url: str, what: str) -> dict[str, Any]:
        try:
            response = self._http.get(url)
        except _http_error() as exc:
            _refuse_if_not_trusted(exc)
            raise ProviderUnreachableError(
                "The identity provider cannot be reached.",
                hint="Check the network and try again.",
            ) from exc
        if response.status_code != 200:
            raise ProviderUnreachableError(
                "The identity provider answered {status} ({what}).",
                status=response.status_code,
                what=what,
            )
        return _json_object(response, what)

    def _token_request(self, form: dict[str, str], nonce: str | None = None) -> TokenSet:
        endpoint = self.metadata()["token_endpoint"]
        # The provider counts expires_in from when it issued the token, which is after we
        # asked: counting from the moment we asked can only end the token early, never late.
        asked_at = self._clock()
        try:
            response = self._http.post(endpoint, data=form)
        except _http_error() as exc:
            _refuse_if_not_trusted(exc)
            raise ProviderUnreachableError(
                "The identity provider cannot be reached.",
                hint="Check the network; you can still work offline.",
            ) from exc
        if response.status_code >= 500:
            raise ProviderUnreachableError(
                "The identity provider answered {status} ({what}).",
                status=response.status_code,
                what="token",
            )
        doc = _json_object(response, "token")
        if response.status_code != 200:
            error = str(doc.get("error", "unknown"))
            if error == "invalid_grant":
                raise SessionExpiredError(
                    "Your sign-in has expired or was ended.", hint="Sign in online again."
                )
            raise SignInRejectedError(
                "The identity provider refused the token request ({code}).", code=error
            )
        access = doc.get("access_token")
        if not isinstance(access, str) or str(doc.get("token_type", "")).lower() != "bearer":
            raise SignInRejectedError("The identity provider sent no usable access token.")
        refresh = doc.get("refresh_token")
        expires_in = doc.get("expires_in")
        lifetime = int(expires_in) if isinstance(expires_in, int | float) else 300
        id_token = doc.get("id_token")
        identity = None
        if isinstance(id_token, str):
            identity = self.validate_id_token(
                id_token,
                nonce,
                require_nonce=nonce is not None,
                clock_offset=self._provider_clock_offset(response),
            )
        elif form["grant_type"] == "authorization_code":
            raise SignInRejectedError("The identity provider sent no ID token.")
        scope = doc.get("scope")
        return TokenSet(
            access_token=access,
            refresh_token=refresh if isinstance(refresh, str) else None,
            expires_at=asked_at + timedelta(seconds=lifetime),
            identity=identity,
            scopes=frozenset(scope.split()) if isinstance(scope, str) else None,
        )

    def _provider_clock_offset(self, response: httpx.Response) -> timedelta | None:
        """How far the provider's clock is ahead of ours, from its answer's ``Date`` header.

        ``None`` when the header is missing or unreadable (our own clock is all we have then).
        The header has whole seconds and the answer took a moment to arrive: the estimate
        is good to a second or two, well within the leeway.
        """
        from email.utils import parsedate_to_datetime  # not needed before the first window

        received_at = self._clock()
        try:
            provider_now = parsedate_to_datetime(response.headers.get("date", ""))
        except (TypeError, ValueError):
            return None
        if provider_now.tzinfo is None:
            provider_now = provider_now.replace(tzinfo=UTC)  # an HTTP date is always GMT
        offset = provider_now - received_at
        seconds = round(offset.total_seconds())
        if abs(seconds) >= CLOCK_OFFSET_LOG_S and (
            self._logged_offset_s is None
            or abs(seconds - self._logged_offset_s) >= CLOCK_OFFSET_LOG_S
        ):
            self._logged_offset_s = seconds
            log.warning(
                "this workstation's clock is %d s %s the identity provider's; "
                "sign-in checks use the provider's time",
                abs(seconds),
                "ahead of" if seconds < 0 else "behind",
            )
        return offset

    def validate_id_token(
        self,
        id_token: str,
        nonce: str | None,
        *,
        require_nonce: bool = True,
        clock_offset: timedelta | None = None,
    ) -> Identity:
        """Signature (JWKS), issuer, audience, expiry, nonce; then who it is.

        ``exp`` and ``iat`` are checked against our clock plus ``clock_offset`` (how far the
        provider's clock is ahead of ours), with the configured leeway. With the offset
        unknown (``None``) our own clock decides, and a token refused only because it was
        issued far from our "now" is reported as this computer's clock being off.
        """
        from joserfc import jwt
        from joserfc.errors import ExpiredTokenError, InvalidTokenError, JoseError

        try:
            try:
                token = jwt.decode(id_token, self._key_set(), algorithms=ID_TOKEN_ALGORITHMS)
            except JoseError:
                # The provider may have rotated its keys since we fetched them.
                token = jwt.decode(
                    id_token, self._key_set(refresh=True), algorithms=ID_TOKEN_ALGORITHMS
                )
            checks: dict[str, Any] = {
                "iss": {"essential": True, "value": self.config.issuer.rstrip("/")},
                "aud": {"essential": True, "value": self.config.client_id},
                "exp": {"essential": True},
                "iat": {"essential": True},
                "sub": {"essential": True},
            }
            if require_nonce:
                checks["nonce"] = {"essential": True, "value": nonce}
            provider_now = self._clock() + (clock_offset or timedelta(0))
            registry = jwt.JWTClaimsRegistry(
                now=int(provider_now.timestamp()), leeway=self.config.leeway_s, **checks
            )
            try:
                registry.validate(token.claims)
            except (ExpiredTokenError, InvalidTokenError):
                if clock_offset is None:  # without the provider's time, blame a far-off clock
                    self._refuse_if_clocks_disagree(token.claims, provider_now)
                raise
        except (JoseError, ValueError) as exc:
            raise SignInRejectedError(
                "The identity token failed a check ({kind}).",
                hint="Start the sign-in again; if it keeps failing, tell IT.",
                kind=type(exc).__name__,
            ) from exc
        claims = token.claims
        aud = claims.get("aud")
        if isinstance(aud, list) and len(aud) > 1 and claims.get("azp") != self.config.client_id:
            raise SignInRejectedError("The identity token was issued for another application.")
        return self._identity(claims)

    def _refuse_if_clocks_disagree(self, claims: dict[str, Any], now: datetime) -> None:
        """A signed token that fails only on time, issued far from our "now": our clock is off.

        Said in words IT can act on, instead of a bare "failed a check" (a provider that
        sends no ``Date`` header, such as Keycloak, leaves us only our own clock).
        """
        issued = claims.get("iat")
        if not isinstance(issued, int | float):
            return
        off = now.timestamp() - float(issued)
        if abs(off) <= self.config.leeway_s:
            return
        minutes = max(1, round(abs(off) / 60))
        raise WorkstationClockError(
            "This computer's clock is {minutes} minutes ahead of the sign-in server's."
            if off > 0
            else "This computer's clock is {minutes} minutes behind the sign-in server's.",
            hint="Ask IT to set this computer's date and time; then sign in again.",
            minutes=minutes,
        )

    def _identity(self, claims: dict[str, Any]) -> Identity:
        user_id = claims.get(self.config.user_claim)
        if not isinstance(user_id, str) or not user_id:
            raise SignInRejectedError(
                "Your account has no {claim} entry.",
                hint="Ask IT to link your account to your staff record.",
                claim=self.config.user_claim,
            )
        role_text = claims.get(self.config.role_claim)
        try:
            role = Role(str(role_text)) if role_text else Role.NURSE
        except ValueError:
            role = Role.NURSE
        name = claims.get("name") or claims.get("preferred_username") or user_id
        return Identity(
            subject=str(claims["sub"]), user_id=user_id, display_name=str(name), role=role
        )


def _refuse_if_not_trusted(exc: BaseException) -> None:
    """A certificate the checks refuse is said as such, not as "cannot be reached"."""
    from sync.tls import certificate_problem  # ssl and truststore: not before the first window

    problem = certificate_problem(exc)
    if problem is not None:
        log.warning("identity provider: certificate not trusted (%s)", problem)
        raise ProviderNotTrustedError(
            "The identity provider's certificate is not trusted by this computer.",
            hint="Ask IT to add the hospital's CA certificate to this computer or to the "
            "ca_bundle setting.",
        ) from exc


def _http_error() -> type[Exception]:
    """httpx's error class, imported when a request is made (start-up time)."""
    import httpx

    return httpx.HTTPError


def _json_object(response: httpx.Response, what: str) -> dict[str, Any]:
    problem = SignInRejectedError(
        "The identity provider sent an unreadable answer ({what}).", what=what
    )
    try:
        doc = response.json()
    except ValueError as exc:
        raise problem from exc
    if not isinstance(doc, dict):
        raise problem
    return doc


class OidcAuth:
    """The FHIR client's auth hook for one signed-in user (sync/client.py ``AuthHook``).

    The access token is kept in memory only; ``drop()`` forgets it (lock, sign-out).
    A refresh spends the stored refresh token and hands the new one to
    ``save_refresh_token`` (the user's encrypted cache). When the provider says
    ``invalid_grant``, ``on_expired`` is called: the app locks, the outbox stays.
    """

    def __init__(
        self,
        client: OidcClient,
        *,
        user_id: str,
        refresh_token: str | None,
        save_refresh_token: Callable[[str | None], None],
        on_expired: Callable[[], None],
        access: TokenSet | None = None,
        clock: Callable[[], datetime],
    ) -> None:
        self._client = client
        self._user_id = user_id
        self._refresh_token = refresh_token
        self._save = save_refresh_token
        self._on_expired = on_expired
        self._clock = clock
        self._lock = threading.Lock()
        self._access: str | None = access.access_token if access else None
        self._expires_at: datetime | None = access.expires_at if access else None
        self._scopes: frozenset[str] | None = access.scopes if access else None
        self.refresh_count = 0

    @property
    def can_refresh(self) -> bool:
        return self._refresh_token is not None

    def token(self) -> str | None:
        with self._lock:
            fresh = (
                self._access is not None
                and self._expires_at is not None
                and self._clock() < self._expires_at - REFRESH_MARGIN
            )
            current = self._access if fresh else None
        return current if current is not None else self.refresh()

    def granted_scopes(self) -> frozenset[str] | None:
        """The scopes of the current access token (to name a permission the server refused)."""
        return self._scopes

    def refresh(self) -> str | None:
        seen = self._access
        with self._lock:
            if self._access is not None and self._access != seen:
                return self._access  # another thread refreshed while we waited
            if self._refresh_token is None:
                return None
            try:
                tokens = self._client.refresh(self._refresh_token, self._user_id)
            except SessionExpiredError:
                self._access = self._refresh_token = None
                self._save(None)
                self._on_expired()
                return None
            except ProviderUnreachableError as exc:
                # For the sync this is being offline: it says so and tries again later.
                from sync.client import ServerUnreachableError

                raise ServerUnreachableError("the identity provider cannot be reached") from exc
            except OidcError as exc:
                from sync.client import AuthenticationError

                raise AuthenticationError(f"the sign-in could not be renewed: {exc}") from exc
            self.refresh_count += 1
            self._access = tokens.access_token
            self._expires_at = tokens.expires_at
            if tokens.scopes is not None:
                self._scopes = tokens.scopes
            if tokens.refresh_token is not None:
                self._refresh_token = tokens.refresh_token
                self._save(tokens.refresh_token)
            return self._access

    def adopt(self, tokens: TokenSet) -> None:
        """Tokens from a fresh online sign-in of the same user."""
        with self._lock:
            self._access = tokens.access_token
            self._expires_at = tokens.expires_at
            self._scopes = tokens.scopes
            if tokens.refresh_token is not None:
                self._refresh_token = tokens.refresh_token

    def drop(self) -> None:
        """Forget every token held in memory (lock, switch user, sign-out)."""
        with self._lock:
            self._access = None
            self._expires_at = None
            self._scopes = None
            self._refresh_token = None

    def sign_out(self) -> None:
        """Revoke the refresh token when the provider is reachable; forget all tokens."""
        with self._lock:
            token = self._refresh_token
            self._access = self._refresh_token = None
        if token is not None:
            try:
                self._client.revoke(token)
            except OidcError as exc:
                log.info("sign-out: provider not reached (%s)", type(exc).__name__)
        self._save(None)
