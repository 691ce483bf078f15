"""An httpx transport that talks to a real FHIR server and breaks on purpose.

``FaultTransport`` wraps a real ``httpx.HTTPTransport`` and, for requests that
match a ``Rule`` (method, path substring, query substring, which occurrence),
does something a hospital network or server really does instead of, or after,
forwarding the request:

- answers 5xx with ``Retry-After`` without forwarding (``Status``);
- forwards the request (the server commits) and *then* raises, so the client never
  sees the answer (``ForwardThenRaise``: a read timeout, or a server restart that
  drops the connection);
- raises before forwarding, after reading part of the upload (``RaiseBeforeForward``:
  a reset connection, a refused connection);
- answers malformed JSON (``Malformed``) or a huge body (``Huge``);
- lets the access token expire (``ExpireToken``): this request and every later one
  carrying that token get a 401, as a real resource server would answer;
- behaves as a server that conforms less than FHIR R4 asks, or not at all: one that
  ignores a search parameter (``Lenient``, with an honest, a lying or no ``self`` link),
  one that refuses it under ``Prefer: handling=strict`` (``StrictRefusal``), one that
  returns ``extension`` and ``coding`` lists in another order (``Reorder``), one that
  adds a resource nobody asked for to a search answer (``Inject``).

Every request it saw is logged (``transport.log``), with what was done to it.
Rules count their own matching requests, whether or not another rule fired first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

import httpx

FHIR_JSON = "application/fhir+json"


def _audit_only(seen: Seen) -> bool:
    entries = seen.json().get("entry", [])
    return bool(entries) and all(
        str(e.get("request", {}).get("url", "")).startswith("AuditEvent/") for e in entries
    )


@dataclass(frozen=True)
class Seen:
    """One request as the transport saw it, and what became of it."""

    method: str
    path: str  # relative to the server's base path: "" (transaction), "Observation", ...
    query: str  # decoded query string
    token: str | None  # the bearer token it carried
    body: bytes
    fault: str | None  # what the transport did instead of (or after) forwarding
    status: int | None  # the status the client received (None: it got an exception)
    server_status: int | None  # what the server answered (None: it never saw the request;
    # for a fault that plays the server, as StrictRefusal does, what it answered)
    headers: tuple[tuple[str, str], ...] = ()  # the request's headers, names in lower case

    def header(self, name: str) -> str | None:
        """The value of one request header (several: joined with ", "), or None."""
        values = [v for k, v in self.headers if k == name.lower()]
        return ", ".join(values) if values else None

    def json(self) -> dict[str, Any]:
        return dict(json.loads(self.body)) if self.body else {}

    def entry_ids(self) -> list[str]:
        """'Type/id' of each entry of a transaction bundle this request carried."""
        return [
            str(e.get("request", {}).get("url", "")) for e in self.json().get("entry", []) or []
        ]


class Fault:
    """What to do with a matching request; ``name`` shows up in the log."""

    @property
    def name(self) -> str:
        return type(self).__name__

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        raise NotImplementedError


@dataclass
class Status(Fault):
    """Answer ``code`` (with an optional Retry-After) without forwarding."""

    code: int
    retry_after: str | None = None

    @property
    def name(self) -> str:
        return f"status {self.code}"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": FHIR_JSON}
        if self.retry_after is not None:
            headers["Retry-After"] = self.retry_after
        outcome = {
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": "transient", "diagnostics": "injected"}],
        }
        return httpx.Response(self.code, headers=headers, json=outcome, request=request)


@dataclass
class ForwardThenRaise(Fault):
    """Forward (the server does the work and answers), then lose the answer."""

    error: type[httpx.TransportError] = httpx.ReadTimeout

    @property
    def name(self) -> str:
        return f"forwarded, then {self.error.__name__}"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        transport.forward_and_drop(request)
        raise self.error("injected: the answer was lost", request=request)


@dataclass
class RaiseBeforeForward(Fault):
    """Read part of the upload, then fail: the server never sees the request."""

    error: type[httpx.TransportError] = httpx.RemoteProtocolError

    @property
    def name(self) -> str:
        return f"{self.error.__name__} before forwarding"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        for _chunk in request.stream:  # type: ignore[union-attr]
            break  # the first chunk "went out", then the connection broke
        raise self.error("injected: connection broken mid-upload", request=request)


@dataclass
class Malformed(Fault):
    """A 200 whose body is not valid JSON (a truncated Bundle by default)."""

    body: bytes = b'{"resourceType": "Bundle", "type": "searchset", "entry": [{"resou'
    content_type: str = FHIR_JSON

    @property
    def name(self) -> str:
        return "malformed body"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"Content-Type": self.content_type}, content=self.body, request=request
        )


@dataclass
class Huge(Fault):
    """A body of ``size`` bytes: declared in Content-Length, or streamed without one.

    With ``forward`` the request reaches the server first (it commits), and the huge
    body replaces the server's answer.
    """

    size: int
    declared: bool = True
    forward: bool = False
    handed_out: int = 0  # bytes the client actually pulled from the streamed body

    @property
    def name(self) -> str:
        return "huge body" + (" after forwarding" if self.forward else "")

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        if self.forward:
            transport.forward_and_drop(request)
        headers = {"Content-Type": FHIR_JSON}
        if self.declared:
            return httpx.Response(200, headers=headers, content=b" " * self.size, request=request)
        return httpx.Response(200, headers=headers, content=self._chunks(), request=request)

    def _chunks(self, chunk: int = 64 * 1024) -> Iterator[bytes]:
        sent = 0
        while sent < self.size:
            n = min(chunk, self.size - sent)
            sent += n
            self.handed_out += n
            yield b" " * n


class ExpireToken(Fault):
    """The bearer token this request carries expires now: 401, and for later uses too."""

    @property
    def name(self) -> str:
        return "token expired"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        token = _bearer(request)
        if token is not None:
            transport.expired_tokens.add(token)
        return _unauthorized(request)


# --- a server that conforms less than FHIR R4 asks -------------------------------------------


def _read_answer(response: httpx.Response) -> tuple[bytes, Any]:
    """Read the server's answer: its bytes, and its JSON (None when it is not JSON)."""
    try:
        content = response.read()
    finally:
        response.close()
    try:
        return content, json.loads(content) if content else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        return content, None


def _answer_with(
    response: httpx.Response, request: httpx.Request, content: bytes
) -> httpx.Response:
    """The server's answer (status, headers such as ETag) with ``content`` as its body."""
    dropped = {"content-length", "content-encoding", "transfer-encoding"}
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in dropped]
    return httpx.Response(response.status_code, headers=headers, content=content, request=request)


def _edited_answer(
    response: httpx.Response, request: httpx.Request, edit: Callable[[Any], Any]
) -> httpx.Response:
    """The server's answer with its JSON body passed through ``edit`` (other bodies as is)."""
    content, body = _read_answer(response)
    if body is not None:
        content = json.dumps(edit(body)).encode("utf-8")
    return _answer_with(response, request, content)


def _without_param(request: httpx.Request, param: str) -> httpx.Request:
    return httpx.Request(
        request.method,
        request.url.copy_remove_param(param),
        headers=request.headers,
        content=request.content,
    )


def prefers_strict(request: httpx.Request) -> bool:
    """Whether the request asks for ``Prefer: handling=strict`` (among other preferences)."""
    prefer = request.headers.get("Prefer", "")
    parts = {p.strip().replace(" ", "").lower() for p in prefer.replace(";", ",").split(",")}
    return "handling=strict" in parts


def reverse_lists(doc: Any) -> Any:
    """``doc`` with every ``extension`` and ``coding`` list in reverse order, at any depth."""
    if isinstance(doc, list):
        return [reverse_lists(v) for v in doc]
    if not isinstance(doc, dict):
        return doc
    turned: dict[str, Any] = {}
    for key, value in doc.items():
        if key in ("extension", "coding") and isinstance(value, list):
            turned[key] = [reverse_lists(v) for v in reversed(value)]
        else:
            turned[key] = reverse_lists(value)
    return turned


@dataclass
class Lenient(Fault):
    """A server that ignores the search parameter ``drop``: it is removed before the
    request is forwarded, so the server answers as if it had never been sent.

    ``self_link`` is what the answer's ``self`` link then says: ``"honest"`` (the server's
    own, without the parameter: the sign FHIR R4 gives of an ignored parameter),
    ``"claim"`` (a lie: the request as it was sent, the parameter included) or ``"none"``
    (no self link at all). Requests without the parameter are forwarded untouched.
    """

    drop: str
    self_link: Literal["honest", "claim", "none"] = "honest"

    @property
    def name(self) -> str:
        return f"lenient: ignored {self.drop} ({self.self_link} self link)"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        if self.drop not in httpx.QueryParams(request.url.query):
            return transport.forward(request)
        response = transport.forward(_without_param(request, self.drop))
        if self.self_link == "honest":
            return response
        return _edited_answer(response, request, partial(self._lie, str(request.url)))

    def _lie(self, sent: str, body: Any) -> Any:
        if isinstance(body, dict) and body.get("resourceType") == "Bundle":
            links = [link for link in body.get("link", []) or [] if link.get("relation") != "self"]
            if self.self_link == "claim":
                links.insert(0, {"relation": "self", "url": sent})
            body["link"] = links
        return body


@dataclass
class StrictRefusal(Fault):
    """A strict-capable server that does not support the search parameter ``param``.

    Asked with ``Prefer: handling=strict`` it refuses: 400 with an OperationOutcome
    (error, not-supported), without forwarding. Asked without, it does what such a
    server does by default: ignores the parameter (``Lenient``, honest self link).
    Requests without the parameter are forwarded untouched.
    """

    param: str

    @property
    def name(self) -> str:
        return f"strict refusal of {self.param}"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        if self.param not in httpx.QueryParams(request.url.query):
            return transport.forward(request)
        if not prefers_strict(request):
            return Lenient(self.param)(transport, request)
        transport.answered_as_server(400)  # the server's own answer, not the network's
        resource_type = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        outcome = {
            "resourceType": "OperationOutcome",
            "issue": [
                {
                    "severity": "error",
                    "code": "not-supported",
                    "diagnostics": (
                        f'Unknown search parameter "{self.param}" for resource type '
                        f'"{resource_type}"'
                    ),
                }
            ],
        }
        return httpx.Response(
            400, headers={"Content-Type": FHIR_JSON}, json=outcome, request=request
        )


class Reorder(Fault):
    """Forward; in a successful GET answer, every ``extension`` and ``coding`` list comes
    back in reverse order (inside Bundles too): FHIR gives these lists no meaning by order
    that a server must keep, so content must be compared regardless of it."""

    @property
    def name(self) -> str:
        return "reordered"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        response = transport.forward(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        return _edited_answer(response, request, reverse_lists)


@dataclass
class Inject(Fault):
    """Forward; add ``resource`` as one more matching entry to a search answer (a server
    bug: a resource the request did not ask for, e.g. another patient's)."""

    resource: dict[str, Any]

    @property
    def name(self) -> str:
        return f"injected {self.resource['resourceType']}/{self.resource['id']}"

    def __call__(self, transport: FaultTransport, request: httpx.Request) -> httpx.Response:
        response = transport.forward(request)
        if response.status_code != 200:
            return response
        return _edited_answer(response, request, partial(self._add, request))

    def _add(self, request: httpx.Request, body: Any) -> Any:
        if isinstance(body, dict) and body.get("type") == "searchset":
            base = str(request.url.copy_with(query=None)).rsplit("/", 1)[0]
            key = f"{self.resource['resourceType']}/{self.resource['id']}"
            entry = {
                "fullUrl": f"{base}/{key}",
                "resource": self.resource,
                "search": {"mode": "match"},
            }
            body["entry"] = [*(body.get("entry") or []), entry]
            if isinstance(body.get("total"), int):
                body["total"] += 1
        return body


def _bearer(request: httpx.Request) -> str | None:
    value = request.headers.get("Authorization", "")
    return value.removeprefix("Bearer ") if value.startswith("Bearer ") else None


def _unauthorized(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        401,
        headers={
            "WWW-Authenticate": 'Bearer error="invalid_token"',
            "Content-Type": FHIR_JSON,
        },
        json={
            "resourceType": "OperationOutcome",
            "issue": [{"severity": "error", "code": "login"}],
        },
        request=request,
    )


def _not_audit(request: httpx.Request) -> bool:
    return b'"url": "AuditEvent/' not in request.content


@dataclass
class Rule:
    """Which requests a fault hits.

    ``method``, ``path`` (a substring of the path below the server's base),
    ``path_is`` (that path exactly; the transaction endpoint is "") and ``query``
    (a substring of the decoded query) select requests; of those, the ``first``-th
    (1-based) and the ``count - 1`` after it are hit (``count=None``: every one from
    ``first`` on).
    """

    fault: Fault
    method: str | None = None
    path: str | None = None
    path_is: str | None = None
    query: str | None = None
    first: int = 1
    count: int | None = 1
    where: Callable[[httpx.Request], bool] | None = None
    seen: int = 0
    fired: int = 0
    active: bool = True

    def matches(self, method: str, path: str, query: str, request: httpx.Request) -> bool:
        if not self.active:
            return False
        if self.method is not None and method != self.method:
            return False
        if self.path is not None and self.path not in path:
            return False
        if self.path_is is not None and self.path_is != path:
            return False
        if self.query is not None and self.query not in query:
            return False
        return self.where is None or self.where(request)

    def due(self) -> bool:
        """Count one more matching request; is this one to be hit?"""
        self.seen += 1
        if self.seen < self.first:
            return False
        return self.count is None or self.seen < self.first + self.count


class FaultTransport(httpx.BaseTransport):
    def __init__(self, base_url: str, *, inner: httpx.BaseTransport | None = None) -> None:
        self._inner = inner or httpx.HTTPTransport()
        self._base_path = httpx.URL(base_url).path.rstrip("/")
        self.rules: list[Rule] = []
        self.log: list[Seen] = []
        self.expired_tokens: set[str] = set()
        self._server_status: int | None = None

    # --- configuring ---------------------------------------------------------------

    def add(self, fault: Fault, **match: Any) -> Rule:
        rule = Rule(fault, **match)
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def go_down(self, *, after: int = 0, committing: bool = False) -> Rule:
        """The server goes away after ``after`` more requests.

        With ``committing`` the first request it misses still reaches it (and is
        committed) but the connection drops before the answer, like a restart in
        the middle of a request; every later one is refused.
        """
        if committing:
            self.add(ForwardThenRaise(httpx.RemoteProtocolError), first=after + 1, count=1)
            first = after + 2
        else:
            first = after + 1
        return self.add(RaiseBeforeForward(httpx.ConnectError), first=first, count=None)

    def come_back(self) -> None:
        for rule in self.rules:
            rule.active = False

    # --- reading the log --------------------------------------------------------------

    def requests(self, method: str | None = None, path: str | None = None) -> list[Seen]:
        return [
            s
            for s in self.log
            if (method is None or s.method == method) and (path is None or s.path == path)
        ]

    def transactions(self) -> list[Seen]:
        """The outbox uploads (the audit trail goes in transactions of its own)."""
        return [s for s in self.requests("POST", "") if not _audit_only(s)]

    def transaction_rule(self, fault: Fault, **match: Any) -> Rule:
        """A fault on the upload: the outbox's transaction Bundle POSTed to the base URL."""
        return self.add(fault, method="POST", path_is="", where=_not_audit, **match)

    # --- the transport ---------------------------------------------------------------

    def forward(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        self._server_status = response.status_code
        return response

    def answered_as_server(self, status: int) -> None:
        """A fault that plays the server answered ``status`` (logged as ``server_status``)."""
        self._server_status = status

    def forward_and_drop(self, request: httpx.Request) -> int:
        """Let the server do the work; read and discard its answer."""
        answer = self.forward(request)
        try:
            answer.read()
        finally:
            answer.close()
        return answer.status_code

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        method = request.method
        path = request.url.path
        if path.startswith(self._base_path):
            path = path[len(self._base_path) :]
        path = path.strip("/")
        query = "&".join(f"{k}={v}" for k, v in httpx.QueryParams(request.url.query).multi_items())
        token = _bearer(request)
        self._server_status = None

        def note(fault: str | None, status: int | None) -> None:
            headers = tuple((k.lower(), v) for k, v in request.headers.multi_items())
            seen = Seen(
                method, path, query, token, body, fault, status, self._server_status, headers
            )
            self.log.append(seen)

        if token is not None and token in self.expired_tokens:
            note("expired token", 401)
            return _unauthorized(request)
        chosen: Rule | None = None
        for rule in self.rules:
            # Every matching rule counts the request, even when an earlier one fires.
            if rule.matches(method, path, query, request) and rule.due() and chosen is None:
                chosen = rule
        try:
            if chosen is None:
                response = self.forward(request)
            else:
                chosen.fired += 1
                response = chosen.fault(self, request)
        except httpx.TransportError:
            note(chosen.fault.name if chosen else "real transport error", None)
            raise
        note(chosen.fault.name if chosen else None, response.status_code)
        return response

    def close(self) -> None:
        self._inner.close()
