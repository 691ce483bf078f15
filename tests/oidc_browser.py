"""The system browser's part of an OpenID Connect sign-in, driven headlessly over HTTP.

``login()`` does what a person does in the browser the app opened: load the authorization
URL, fill in Keycloak's own login form, and let Keycloak redirect back to the app's
loopback listener. It stops at that redirect (never following it through httpx), and by
default then delivers it with a plain GET, as the browser would. Our client code is not
touched or mocked: it only sees the request arriving at its listener.

A ``Browser`` keeps its cookies between calls, like a real one: after a sign-in, Keycloak's
SSO session lets ``authorize()`` come back without a password (unless the app asks for
``prompt=login`` or ``max_age``, which is how re-authentication is tested).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from html.parser import HTMLParser
from http.client import HTTPResponse
from http.cookiejar import Cookie, CookieJar
from types import TracebackType
from urllib.parse import parse_qs, urljoin, urlsplit
from urllib.request import Request

import httpx

_TIMEOUT_S = 30.0
_MAX_REDIRECTS = 10
_LOGIN_FORM_ID = "kc-form-login"
# Where Keycloak's themes put a message for the user: errors under the fields, alerts,
# and the body of its error page.
_MESSAGE_IDS = {"kc-error-message", "input-error", "input-error-username", "input-error-password"}
_MESSAGE_CLASSES = {"kc-feedback-text", "instruction"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}


class _LoopbackJar(CookieJar):
    """Browsers treat http://127.0.0.1 and http://localhost as secure contexts and send
    ``Secure`` cookies there. Keycloak marks all its cookies ``Secure; SameSite=None``; the
    stdlib jar would never send them back over http, so no login could finish. (A cookie
    policy would not do: httpx copies the jar into a plain one for every request.)"""

    def make_cookies(self, response: HTTPResponse, request: Request) -> Sequence[Cookie]:
        cookies = super().make_cookies(response, request)
        if urlsplit(request.get_full_url()).hostname in {"127.0.0.1", "localhost", "::1"}:
            for cookie in cookies:
                cookie.secure = False
        return cookies


class LoginError(Exception):
    """Keycloak did not send the browser back to the app as expected (its message included)."""


class _Page(HTMLParser):
    """The forms (id -> action and input values) and the user-facing messages of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: dict[str, tuple[str, dict[str, str]]] = {}
        self.messages: list[str] = []
        self._form: str | None = None
        self._depth = 0  # > 0 while inside a message element
        self._text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = a.get("id", "")
            self.forms[self._form] = (a.get("action", ""), {})
        elif tag == "input" and self._form is not None and a.get("name"):
            self.forms[self._form][1][a["name"]] = a.get("value", "")
        if tag in _VOID_TAGS:
            return
        if self._depth:
            self._depth += 1
        elif a.get("id") in _MESSAGE_IDS or _MESSAGE_CLASSES & set(a.get("class", "").split()):
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        if tag in _VOID_TAGS or not self._depth:
            return
        self._depth -= 1
        if not self._depth:
            message = " ".join("".join(self._text).split())
            self._text.clear()
            if message and message not in self.messages:
                self.messages.append(message)

    def handle_data(self, data: str) -> None:
        if self._depth:
            self._text.append(data)


def _is_redirect_uri(url: str, redirect_uri: str) -> bool:
    got, want = urlsplit(url), urlsplit(redirect_uri)
    return (got.scheme, got.netloc, got.path) == (want.scheme, want.netloc, want.path)


def _describe(response: httpx.Response) -> str:
    messages = _Page(response.text).messages if response.text else []
    said = "; ".join(messages) or "no message on the page"
    return f"HTTP {response.status_code} at {response.url}: {said}"


class Browser:
    """A headless browser with a cookie jar; close it (or use ``with``) when done."""

    def __init__(self) -> None:
        self._client = httpx.Client(
            cookies=_LoopbackJar(), timeout=_TIMEOUT_S, follow_redirects=False
        )

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def login(
        self, authorize_url: str, username: str, password: str, *, deliver: bool = True
    ) -> str:
        """Sign in on Keycloak's login page; return the redirect to the app's loopback URI."""
        redirect_uri = _redirect_uri_of(authorize_url)
        page = self._until_back(self._client.get(authorize_url), redirect_uri)
        if isinstance(page, str):
            _raise_for_callback_error(page)
            raise LoginError(f"Keycloak did not ask for a password (an SSO session?): {page}")
        form = _Page(page.text).forms.get(_LOGIN_FORM_ID)
        if form is None:
            raise LoginError(f"no login form: {_describe(page)}")
        action, fields = form
        fields = {**fields, "username": username, "password": password}
        sent = self._client.post(urljoin(str(page.url), action), data=fields)
        back = self._until_back(sent, redirect_uri)
        if not isinstance(back, str):
            raise LoginError(f"sign-in as {username!r} failed: {_describe(back)}")
        return self._deliver(back) if deliver else back

    def authorize(self, authorize_url: str, *, deliver: bool = True) -> str:
        """Open the authorization URL relying on the SSO session (no password typed)."""
        back = self._until_back(self._client.get(authorize_url), _redirect_uri_of(authorize_url))
        if not isinstance(back, str):
            raise LoginError(f"Keycloak wants the user to sign in: {_describe(back)}")
        return self._deliver(back) if deliver else back

    def _until_back(self, response: httpx.Response, redirect_uri: str) -> httpx.Response | str:
        """Follow Keycloak's redirects; the URL once one points at the app, else the page."""
        for _ in range(_MAX_REDIRECTS):
            if not response.is_redirect:
                return response
            location = urljoin(str(response.url), response.headers["Location"])
            if _is_redirect_uri(location, redirect_uri):
                return location
            response = self._client.get(location)
        raise LoginError(f"more than {_MAX_REDIRECTS} redirects, last {response.url}")

    def _deliver(self, callback_url: str) -> str:
        # A separate client, like the browser tab hitting the app's listener: no Keycloak
        # cookies go to the app. Whatever the listener answers is the app's business, and
        # one that hangs up without answering has still received the request.
        with (
            httpx.Client(timeout=_TIMEOUT_S) as client,
            contextlib.suppress(httpx.RemoteProtocolError),
        ):
            client.get(callback_url)
        return callback_url


def _redirect_uri_of(authorize_url: str) -> str:
    values = parse_qs(urlsplit(authorize_url).query).get("redirect_uri")
    if not values:
        raise ValueError(f"authorization URL without redirect_uri: {authorize_url}")
    return values[0]


def _raise_for_callback_error(callback_url: str) -> None:
    query = parse_qs(urlsplit(callback_url).query)
    if "error" in query:
        description = query.get("error_description", [""])[0]
        raise LoginError(f"Keycloak refused the request: {query['error'][0]}: {description}")


def login(authorize_url: str, username: str, password: str, *, deliver: bool = True) -> str:
    """Sign in with a fresh browser (no SSO session) and return the loopback redirect URL.

    With ``deliver`` (the default) the URL is also requested, as the system browser would,
    so the app's loopback listener receives it; without, tests can tamper with it first.
    Raises ``LoginError`` with Keycloak's message if the sign-in is refused.
    """
    with Browser() as browser:
        return browser.login(authorize_url, username, password, deliver=deliver)
