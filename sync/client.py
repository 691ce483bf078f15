"""A small FHIR R4 REST client over httpx: JSON, paging, retries, honest errors.

- TLS verification is always on; a hospital CA bundle can be added, never removed.
- Retries are bounded, with exponential backoff and jitter, and honour ``Retry-After``.
  Only requests that are safe to repeat are retried: reads, and writes that are
  idempotent by construction (PUT with client-chosen ids, conditional If-Match).
- A 401 triggers one token refresh through the auth hook, then one replay.
- Responses are size-limited and must be JSON; anything else is a ``BadResponseError``.
- Error messages name the method, resource type and status, never patient data.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

from app.clock import Clock
from sync.smart import missing_permission
from sync.tls import certificate_problem, http_client_options

log = logging.getLogger(__name__)

FHIR_JSON = "application/fhir+json"
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
RETRY_STATUS = {429, 500, 502, 503, 504}
# A search is never answered leniently: a server that cannot honour a parameter must say
# so (FHIR R4 3.1.1.4.1) instead of ignoring it and answering for the whole hospital.
_SEARCH_HEADERS = {"Cache-Control": "no-cache", "Prefer": "handling=strict"}
# What a server may adjust without changing which resources match.
MAX_QUERY_CHARS = 1800  # longer searches go as POST _search
_MAY_ADJUST = {"_count", "_elements", "_summary", "_total", "_sort", "_format"}


class SyncError(Exception):
    """Base of everything the server side can go wrong with."""


class ServerUnreachableError(SyncError):
    """No answer (connection refused or reset, DNS, timeout) after the allowed retries."""


class ServerNotTrustedError(SyncError):
    """The server's TLS certificate failed the check (OS trust store plus the policy's CA)."""


class SyncStoppedError(SyncError):
    """The app stopped the sync (lock, sign-out, close) while it waited to retry."""


class ServerBusyError(SyncError):
    """The server kept answering 429/5xx after the allowed retries."""


class AuthenticationError(SyncError):
    """The server refused our token even after a refresh."""


class PermissionMissingError(AuthenticationError):
    """403: signed in, but the token lacks a permission (e.g. a SMART scope) the server
    requires for this request; ``outcome`` is the server's OperationOutcome, if any."""

    def __init__(
        self,
        message: str,
        resource_type: str,
        outcome: dict[str, Any] | None,
        scopes: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.resource_type = resource_type
        self.outcome = outcome
        self.scopes = scopes
        """The SMART scopes that would have allowed it (empty: unknown)."""


class ServerConformanceError(SyncError):
    """The server cannot answer a query AskOnce needs as FHIR R4 specifies it (it ignored
    or does not support a search parameter, or lacks an interaction): nothing is
    downloaded or purged, and the message names what is missing, for IT."""


class BadResponseError(SyncError):
    """The server answered something that is not the FHIR JSON we asked for."""


class BatchRefusedError(BadResponseError):
    """A ``batch`` of searches was not answered as one (the server may not take batches)."""


class RequestRejectedError(SyncError):
    """A 4xx answer other than a version conflict: the request itself is refused."""

    def __init__(self, message: str, status: int, outcome: dict[str, Any] | None) -> None:
        super().__init__(message)
        self.status = status
        self.outcome = outcome


class VersionConflictError(SyncError):
    """409/412: the resource changed on the server since our base version."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class AuthHook(Protocol):
    def token(self) -> str | None:
        """The current access token (None: no authentication)."""

    def refresh(self) -> str | None:
        """Get a new token after a 401; None if that is impossible."""


@runtime_checkable
class GrantedScopes(Protocol):
    """An auth hook that also knows the scopes its token was granted (to word a 403)."""

    def granted_scopes(self) -> frozenset[str] | None:
        """The token's granted scopes (the token response's ``scope``); None: unknown."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 20.0

    def delay(self, attempt: int, retry_after: float | None, rng: random.Random) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_delay)
        backoff = min(self.max_delay, self.base_delay * (2**attempt))
        return float(backoff / 2 + rng.uniform(0, backoff / 2))  # "equal jitter"


@dataclass(frozen=True)
class Response:
    status: int
    body: dict[str, Any] | None
    etag: str | None
    location: str | None

    @property
    def version(self) -> str | None:
        """The version from the ETag (W/"3" -> "3") or from meta.versionId."""
        if self.etag:
            return self.etag.removeprefix("W/").strip('"')
        meta = (self.body or {}).get("meta") or {}
        version = meta.get("versionId")
        return str(version) if version is not None else None


def weak_etag(version: str) -> str:
    return f'W/"{version}"'


class FhirClient:
    def __init__(
        self,
        base_url: str,
        *,
        auth: AuthHook | None = None,
        ca_bundle: Path | None = None,
        http_proxy: str | None = None,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], object] = time.sleep,
        rng: random.Random | None = None,
        clock: Clock,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._clock = clock
        self._auth = auth
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()  # noqa: S311 -- jitter, not secrets
        # The OS trust store plus the hospital's CA; the policy's proxy (sync/tls.py).
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            **http_client_options(ca_bundle=ca_bundle, http_proxy=http_proxy),
            transport=transport,
            headers={"Accept": FHIR_JSON, "User-Agent": "AskOnce"},
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> FhirClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- high-level calls ----------------------------------------------------------

    def read(self, resource_type: str, resource_id: str) -> Response:
        return self.request("GET", f"{resource_type}/{resource_id}")

    def put(self, resource: dict[str, Any], *, if_match: str | None = None) -> Response:
        headers = {"If-Match": weak_etag(if_match)} if if_match else {}
        path = f"{resource['resourceType']}/{resource['id']}"
        return self.request("PUT", path, json_body=resource, headers=headers)

    def transaction(self, bundle: dict[str, Any]) -> Response:
        return self.request("POST", "", json_body=bundle)

    def search(self, resource_type: str, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        """Every resource of every page, following ``next`` links (with no-cache)."""
        yield from self.search_found(resource_type, params).resources

    def search_found(self, resource_type: str, params: dict[str, str]) -> Found:
        """One search, every page: its matches and the server's ``total``."""
        response = self._search_request(resource_type, params)
        return self._pages(resource_type, params, response.body)

    def search_all(self, queries: list[tuple[str, dict[str, str]]], *, batch: bool) -> list[Found]:
        """Several searches, in order: in one ``batch`` request where the server supports it
        (its CapabilityStatement says), else one request each. Only the first page of each
        comes in the batch; further pages follow their ``next`` links."""
        if not queries:
            return []
        if not batch or len(queries) == 1:
            return [self.search_found(kind, params) for kind, params in queries]
        bundle = {
            "resourceType": "Bundle",
            "type": "batch",
            "entry": [
                {"request": {"method": "GET", "url": f"{kind}?{urlencode(params)}"}}
                for kind, params in queries
            ],
        }
        response = self.request("POST", "", json_body=bundle, headers=dict(_SEARCH_HEADERS))
        entries = (response.body or {}).get("entry")
        if (
            (response.body or {}).get("resourceType") != "Bundle"
            or not isinstance(entries, list)
            or len(entries) != len(queries)
        ):
            raise BatchRefusedError("batch: the answer does not match what was asked")
        found = []
        for (kind, params), entry in zip(queries, entries, strict=True):
            status_line = str((entry.get("response") or {}).get("status", ""))
            status = int(status_line[:3]) if status_line[:3].isdigit() else 0
            outcome = (entry.get("response") or {}).get("outcome")
            if status == 403:
                raise self._permission_missing(
                    f"GET {kind}", "GET", kind, outcome if isinstance(outcome, dict) else None
                )
            if status in (400, 404, 405, 422, 501):
                raise _not_supported(kind, params, status, outcome)
            if status == 401:
                raise AuthenticationError(f"GET {kind}: the server refused our sign-in (401)")
            if status != 200:
                raise ServerBusyError(f"GET {kind}: the server answered {status or '?'} in a batch")
            found.append(self._pages(kind, params, entry.get("resource")))
        return found

    def _search_request(self, resource_type: str, params: dict[str, str]) -> Response:
        """GET with the parameters in the URL; a long query (hundreds of patients) as
        ``POST Type/_search`` with a form body instead, which every R4 server must accept
        (FHIR R4 3.1.1.4.5) and which no proxy truncates."""
        headers = dict(_SEARCH_HEADERS)
        try:
            if len(urlencode(params)) <= MAX_QUERY_CHARS:
                return self.request("GET", resource_type, params=params, headers=headers)
            return self.request(
                "POST",
                f"{resource_type}/_search",
                form=params,
                headers=headers,
            )
        except RequestRejectedError as exc:
            if exc.status in (400, 404, 405, 422, 501):
                raise _not_supported(resource_type, params, exc.status, exc.outcome) from exc
            raise

    def _pages(self, resource_type: str, params: dict[str, str], first: Any) -> Found:
        body = first if isinstance(first, dict) else {}
        check_self_link(resource_type, params, body)
        total = body.get("total")
        searched_at = (body.get("meta") or {}).get("lastUpdated")
        resources: list[dict[str, Any]] = []
        pages = 0
        while True:
            if body.get("resourceType") != "Bundle":
                raise BadResponseError(f"search {resource_type}: the answer is not a Bundle")
            for entry in body.get("entry", []) or []:
                resource = entry.get("resource")
                mode = (entry.get("search") or {}).get("mode", "match")
                if isinstance(resource, dict) and mode == "match":
                    resources.append(resource)
            next_url = _link(body, "next")
            if not next_url:
                return Found(
                    resources,
                    total if isinstance(total, int) else None,
                    searched_at if isinstance(searched_at, str) else None,
                )
            pages += 1
            if pages > 10_000:
                raise BadResponseError(f"search {resource_type}: paging does not end")
            body = (
                self.request("GET", self._relative(next_url), headers=dict(_SEARCH_HEADERS)).body
                or {}
            )

    def capabilities(self) -> dict[str, Any]:
        """The server's CapabilityStatement (``GET metadata``)."""
        body = self.request("GET", "metadata").body or {}
        if body.get("resourceType") != "CapabilityStatement":
            raise BadResponseError("metadata: the answer is not a CapabilityStatement")
        return body

    def _relative(self, url: str) -> str:
        # Next links are absolute; only ever follow them on our own server.
        if url.startswith(self.base_url):
            return url[len(self.base_url) :].lstrip("/")
        parsed_base = httpx.URL(self.base_url)
        parsed = httpx.URL(url)
        if (parsed.scheme, parsed.host, parsed.port) != (
            parsed_base.scheme,
            parsed_base.host,
            parsed_base.port,
        ):
            raise BadResponseError("a paging link points to another server")
        path = parsed.raw_path.decode("ascii")
        base_path = parsed_base.raw_path.decode("ascii").rstrip("/")
        return path[len(base_path) :].lstrip("/") if path.startswith(base_path) else path

    # --- the one place requests are made ---------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json_body: dict[str, Any] | None = None,
        form: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        what = f"{method} {path.split('/')[0].split('?')[0] or 'batch'}"
        content_type = FHIR_JSON
        content = json.dumps(json_body).encode("utf-8") if json_body is not None else None
        if form is not None:
            content = urlencode(form).encode("ascii")
            content_type = "application/x-www-form-urlencoded"
        refreshed = False
        attempt = 0
        while True:
            request_headers = dict(headers or {})
            if content is not None:
                request_headers["Content-Type"] = content_type
            token = self._auth.token() if self._auth else None
            if token:
                request_headers["Authorization"] = f"Bearer {token}"
            try:
                response = self._send(method, path, params, content, request_headers)
            except (httpx.TransportError, _TooLargeError) as exc:
                if isinstance(exc, _TooLargeError):
                    raise BadResponseError(f"{what}: the answer is too large") from exc
                if (problem := certificate_problem(exc)) is not None:
                    # Not a network hiccup: retrying cannot help, IT must act.
                    log.warning("%s: the server's certificate is not trusted (%s)", what, problem)
                    raise ServerNotTrustedError(
                        f"{what}: the server's certificate is not trusted ({problem}); "
                        "IT must add the hospital's CA to this computer or to ca_bundle"
                    ) from exc
                if attempt + 1 >= self._retry.attempts:
                    raise ServerUnreachableError(f"{what}: no answer from the server") from exc
                delay = self._retry.delay(attempt, None, self._rng)
                log.info("%s: %s, retry %d in %.1f s", what, type(exc).__name__, attempt + 1, delay)
                self._wait(what, delay)
                attempt += 1
                continue
            status = response.status_code
            if status == 401 and self._auth is not None and not refreshed:
                refreshed = True
                if self._auth.refresh() is not None:
                    continue
            if status == 401:
                raise AuthenticationError(f"{what}: the server refused our sign-in ({status})")
            if status == 403:
                raise self._permission_missing(
                    what,
                    method,
                    what.split(" ", 1)[1],
                    _outcome(response.content),
                    has_id="/" in path.split("?")[0],
                )
            if status in RETRY_STATUS:
                if attempt + 1 >= self._retry.attempts:
                    raise ServerBusyError(f"{what}: the server answered {status}")
                delay = self._retry.delay(attempt, _retry_after(response, self._clock), self._rng)
                log.info("%s: %d, retry %d in %.1f s", what, status, attempt + 1, delay)
                self._wait(what, delay)
                attempt += 1
                continue
            return self._interpret(what, response)

    def _permission_missing(
        self,
        what: str,
        method: str,
        resource_type: str,
        outcome: dict[str, Any] | None,
        *,
        has_id: bool = False,
    ) -> PermissionMissingError:
        """A 403, with the permission named: in words to pass on and the scope for IT
        (``sync.smart``), from the server's outcome or from the scopes the token has."""
        granted = self._auth.granted_scopes() if isinstance(self._auth, GrantedScopes) else None
        missing = missing_permission(method, resource_type, granted, outcome, has_id=has_id)
        return PermissionMissingError(
            f"{what}: signed in, but {missing.message()} (403)",
            resource_type,
            outcome,
            missing.scopes,
        )

    def _wait(self, what: str, delay: float) -> None:
        # ``sleep`` may be an Event's wait: True means it was woken to stop, so no retry.
        if self._sleep(delay) is True:
            raise SyncStoppedError(f"{what}: stopped while waiting to retry")

    def _send(
        self,
        method: str,
        path: str,
        params: dict[str, str] | None,
        content: bytes | None,
        headers: dict[str, str],
    ) -> _Raw:
        with self._http.stream(method, path, params=params, content=content, headers=headers) as r:
            declared = r.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
                raise _TooLargeError
            chunks = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise _TooLargeError
                chunks.append(chunk)
            return _Raw(r.status_code, dict(r.headers), b"".join(chunks))

    def _interpret(self, what: str, raw: _Raw) -> Response:
        body: dict[str, Any] | None = None
        if raw.content:
            try:
                parsed = json.loads(raw.content)
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise BadResponseError(
                    f"{what}: the answer ({raw.status_code}) is not JSON"
                ) from exc
            if not isinstance(parsed, dict):
                raise BadResponseError(f"{what}: the answer is not a FHIR resource")
            body = parsed
        if raw.status_code in (409, 412):
            raise VersionConflictError(
                f"{what}: changed on the server ({raw.status_code})", raw.status_code
            )
        if raw.status_code >= 400:
            raise RequestRejectedError(
                f"{what}: refused by the server ({raw.status_code})", raw.status_code, body
            )
        return Response(
            status=raw.status_code,
            body=body,
            etag=raw.headers.get("etag"),
            location=raw.headers.get("location") or raw.headers.get("content-location"),
        )


@dataclass(frozen=True)
class Found:
    """One search's matches (every page) and the server's total, if it gave one."""

    resources: list[dict[str, Any]] = field(default_factory=list)
    total: int | None = None
    searched_at: str | None = None
    """When the server ran the search, by its clock (the first page's ``meta.lastUpdated``)."""


def _link(bundle: dict[str, Any], relation: str) -> str | None:
    for link in bundle.get("link", []) or []:
        if isinstance(link, dict) and link.get("relation") == relation and link.get("url"):
            return str(link["url"])
    return None


def check_self_link(resource_type: str, params: dict[str, str], bundle: dict[str, Any]) -> None:
    """Never trust a search answer blindly: a lenient server drops a parameter it does not
    support and answers for everything, and its ``self`` link shows what it really used
    (FHIR R4 3.1.1.4.1). A parameter we sent that is missing there is refused here, before
    anything of the answer is used. (No self link: nothing to compare; the client-side
    checks of each resource still apply.)"""
    self_url = _link(bundle, "self")
    if self_url is None:
        return
    used = {key.split(":", 1)[0] for key, _v in parse_qsl(urlsplit(self_url).query)}
    ignored = sorted(
        key for key in params if key not in _MAY_ADJUST and key.split(":", 1)[0] not in used
    )
    if ignored:
        raise ServerConformanceError(
            f"the server ignored the search parameter {', '.join(ignored)} of {resource_type} "
            "(it does not support it): nothing was downloaded"
        )


def _not_supported(
    resource_type: str, params: dict[str, str], status: int, outcome: object
) -> ServerConformanceError:
    """A refused search: the server cannot answer it as asked (codes only: diagnostics can
    echo the query, which names patients)."""
    issues = outcome.get("issue", []) if isinstance(outcome, dict) else []
    codes = sorted({str(i.get("code")) for i in issues if isinstance(i, dict) and i.get("code")})
    names = ", ".join(sorted(k for k in params if k not in _MAY_ADJUST)) or "-"
    return ServerConformanceError(
        f"the server cannot answer a search of {resource_type} by {names} "
        f"({status}{': ' + ', '.join(codes) if codes else ''}): nothing was downloaded"
    )


@dataclass(frozen=True)
class _Raw:
    status_code: int
    headers: dict[str, str]
    content: bytes


def _outcome(content: bytes) -> dict[str, Any] | None:
    try:
        parsed = json.loads(content) if content else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return parsed if isinstance(parsed, dict) else None


class _TooLargeError(Exception):
    pass


def _retry_after(response: _Raw, clock: Clock) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    # An HTTP date is the server's clock: measure it against the same response's Date, so a
    # workstation whose clock is off neither hammers the server nor waits far too long.
    # Every server with a clock sends Date (RFC 9110); without one, ours is all there is.
    try:
        until = parsedate_to_datetime(value)
        sent = response.headers.get("date")
        now = parsedate_to_datetime(sent) if sent else clock()
        wait = until - now
    except (TypeError, ValueError):
        return None  # unreadable: our own backoff
    return max(0.0, wait.total_seconds())
