"""Push from the server: FHIR R4 Subscriptions over a websocket; polling stays the fallback.

Where the server offers them, a colleague's change reaches this workstation within
seconds: one Subscription per watched resource type whose criteria name only this user's
patients, and one websocket per Subscription. A ping carries no data: ``on_change`` is
called and the app runs its usual sync, which fetches and checks the change like any
other. Everything here is best-effort. A server without subscriptions, a refused
Subscription or a socket that keeps failing ends the listener quietly (a log line), and
the sync timer goes on polling.

What is standard (FHIR R4, Subscription §2.46.7):

- the Subscription resource: ``status`` requested, ``channel.type`` websocket,
  ``criteria`` a search (``Observation?patient=Patient/a,Patient/b``), ``reason``, and an
  ``end`` after which the server stops it (so an abandoned one expires);
- the CapabilityStatement lists Subscription with the ``create`` interaction, and may
  name the websocket endpoint with the extension ``WEBSOCKET_EXTENSION`` on ``rest``;
- the protocol: the client sends ``bind <id>``, the server answers ``bound <id>`` and
  then sends ``ping <id>`` on every match.

What is HAPI's convention (HAPI FHIR 8.8, the server the tests run):

- no websocket extension in its CapabilityStatement; the endpoint is ``/websocket``
  beside the FHIR base (``https://h/fhir`` → ``wss://h/websocket``;
  ``SubscriptionSettings.websocketContextPath``), which is what ``websocket_url`` derives;
- the channel types it supports are declared nowhere: one it does not support is
  refused at create (422), and the listener gives up;
- one Subscription per connection; a bind before the server has activated the new
  Subscription (a few seconds after create) is answered with a close ("Unknown
  subscription"), so binds are retried with backoff;
- criteria it can evaluate in memory (plain reference and token parameters, as here)
  are matched without a database search; others fall back to one search per write.

Threads: the listener runs on its own daemon threads and never touches the cache or
Qt; ``on_change`` is called on one of them.
"""

from __future__ import annotations

import contextlib
import logging
import ssl
import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol, cast

import httpx
from websockets.exceptions import WebSocketException
from websockets.sync.client import connect

from app.clock import Clock
from sync.client import FhirClient, SyncError
from sync.registry import KINDS

log = logging.getLogger(__name__)

WEBSOCKET_EXTENSION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-websocket"
HAPI_WEBSOCKET_PATH = "websocket"
WATCHED_TYPES = ("Observation", "MedicationStatement", "RelatedPerson", "CarePlan", "Task")
"""What colleagues change in AskOnce. Other systems' changes (admissions, prescriptions)
arrive with the next poll."""
LIFETIME = timedelta(hours=12)
"""A Subscription's ``end``: one left behind (crash, no network at close) expires; a
listener that runs longer renews its Subscriptions halfway."""
MAX_IDS_PER_CRITERIA = 100
"""Patients per Subscription: a long ward list becomes several (criteria stay short)."""


class Socket(Protocol):
    """The part of a websocket connection the listener uses."""

    def send(self, message: str) -> None: ...
    def recv(self, timeout: float | None = None) -> str | bytes: ...
    def close(self) -> None: ...
    def __enter__(self) -> Socket: ...
    def __exit__(self, *exc: object) -> None: ...


Connect = Callable[..., Socket]


@dataclass(frozen=True)
class Backoff:
    first_s: float = 0.5
    max_s: float = 60.0
    give_up_after: int = 8
    """Failed connects or binds in a row before a socket is given up (polling goes on)."""

    def delay(self, failures: int) -> float:
        return float(min(self.max_s, self.first_s * 2 ** max(0, failures - 1)))


def websocket_url(statement: Mapping[str, Any], base_url: str) -> str | None:
    """The websocket endpoint, or None when the server offers no Subscriptions to create.

    The standard extension on ``rest`` (or on ``rest.security``) where present; else
    HAPI's convention, ``/websocket`` beside the FHIR base.
    """
    for rest in statement.get("rest") or []:
        if not isinstance(rest, Mapping) or rest.get("mode", "server") != "server":
            continue
        offers = any(
            isinstance(r, Mapping)
            and r.get("type") == "Subscription"
            and any(i.get("code") == "create" for i in r.get("interaction") or [])
            for r in rest.get("resource") or []
        )
        if not offers:
            return None
        for holder in (rest, rest.get("security") or {}):
            for ext in holder.get("extension") or []:
                url = ext.get("valueUri") or ext.get("valueUrl")
                if ext.get("url") == WEBSOCKET_EXTENSION and isinstance(url, str) and url:
                    return url
        base = httpx.URL(base_url)
        scheme = "wss" if base.scheme == "https" else "ws"
        parent = base.path.rstrip("/").rsplit("/", 1)[0]
        return str(base.copy_with(scheme=scheme, path=f"{parent}/{HAPI_WEBSOCKET_PATH}"))
    return None


def criteria(resource_type: str, patient_ids: Iterable[str]) -> list[str]:
    """Search criteria for ``resource_type`` of these patients only (with the kind's
    server-side filters), several when the list is long."""
    kind = KINDS[resource_type]
    ids = sorted(set(patient_ids))
    filters = "".join(f"&{name}={value}" for name, value in sorted(kind.filters.items()))
    refs = ids if kind.patient_param == "_id" else [f"Patient/{pid}" for pid in ids]
    return [
        f"{resource_type}?{kind.patient_param}={','.join(refs[i : i + MAX_IDS_PER_CRITERIA])}"
        + filters
        for i in range(0, len(refs), MAX_IDS_PER_CRITERIA)
    ]


class PushListener:
    """Subscriptions for one signed-in user's patients, and their websockets.

    ``watch(patients)`` (re)starts it for a new assignment; ``stop()`` ends it and
    deletes its Subscriptions (best-effort, waiting at most ``timeout``).
    """

    def __init__(
        self,
        client: FhirClient,
        on_change: Callable[[], None],
        *,
        workstation: str,
        clock: Clock,
        ssl_context: ssl.SSLContext | None = None,
        http_proxy: str | None = None,
        token: Callable[[], str | None] = lambda: None,
        watched: Collection[str] = WATCHED_TYPES,
        lifetime: timedelta = LIFETIME,
        backoff: Backoff | None = None,
        connect_socket: Connect | None = None,
    ) -> None:
        self.client = client
        self._on_change = on_change
        self._reason = f"AskOnce workstation {workstation}"
        self._clock = clock
        self._ssl = ssl_context
        self._proxy = (http_proxy or "").strip() or None
        self._token = token
        self._watched = tuple(watched)
        self._lifetime = lifetime
        self._backoff = backoff or Backoff()
        self._connect: Connect = connect_socket or cast(Connect, connect)
        self._session: _Session | None = None
        self._lock = threading.Lock()

    def watch(self, patient_ids: Collection[str]) -> None:
        """Listen for changes to these patients' records (ending what listened before)."""
        with self._lock:
            if self._session is not None:
                self._session.end()
            self._session = None
            if not patient_ids:
                return
            self._session = _Session(self, frozenset(patient_ids))
            self._session.thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """End listening; the Subscriptions are deleted if the server answers in time."""
        with self._lock:
            session, self._session = self._session, None
        if session is not None:
            session.end()
            session.thread.join(timeout)

    @property
    def bound(self) -> int:
        """How many websockets are bound right now (for tests and diagnostics)."""
        session = self._session
        return session.bound if session is not None else 0

    @property
    def active(self) -> bool:
        session = self._session
        return session is not None and session.thread.is_alive()


class _Session:
    """One assignment's Subscriptions and sockets, renewed every half ``lifetime``."""

    def __init__(self, owner: PushListener, patients: frozenset[str]) -> None:
        self.owner = owner
        self.patients = patients
        self.ended = threading.Event()
        self.round_over = threading.Event()  # this round's sockets: stop reconnecting
        self.sockets: set[Socket] = set()
        self.bound = 0
        self._guard = threading.Lock()
        self.thread = threading.Thread(target=self.run, name="askonce-push", daemon=True)

    def end(self) -> None:
        self.ended.set()
        self.end_sockets()

    def run(self) -> None:
        try:
            url = websocket_url(self.owner.client.capabilities(), self.owner.client.base_url)
        except SyncError as exc:
            log.info("push: capabilities not read (%s); polling only", type(exc).__name__)
            return
        if url is None:
            log.info("push: the server offers no Subscriptions; polling only")
            return
        while not self.ended.is_set():
            if not self._round(url):
                return

    def _round(self, url: str) -> bool:
        """Create, listen until the end or the renewal, delete. False: given up."""
        owner = self.owner
        created: list[str] = []
        try:
            end = owner._clock() + owner._lifetime
            for resource_type in owner._watched:
                for text in criteria(resource_type, self.patients):
                    created.append(self._create(text, end.isoformat()))
        except SyncError as exc:
            log.info("push: Subscription refused (%s); polling only", type(exc).__name__)
            self._delete(created)
            return False
        log.info("push: %d Subscriptions for %d patients", len(created), len(self.patients))
        self.round_over.clear()
        if self.ended.is_set():  # ended while creating: no socket opens
            self.round_over.set()
        alive = [
            threading.Thread(target=self._listen, args=(url, sid), daemon=True) for sid in created
        ]
        for thread in alive:
            thread.start()
        renew_s = owner._lifetime.total_seconds() / 2
        waited = 0.0
        while not self.ended.is_set() and waited < renew_s:
            if not any(t.is_alive() for t in alive):
                break
            self.ended.wait(1.0)
            waited += 1.0
        gave_up = not self.ended.is_set() and waited < renew_s
        self.end_sockets()
        for thread in alive:
            thread.join(2.0)
        self._delete(created)
        if gave_up:
            log.warning("push: the websockets keep failing; polling only")
        return not gave_up

    def end_sockets(self) -> None:
        self.round_over.set()
        with self._guard:
            sockets = list(self.sockets)
        for sock in sockets:
            with contextlib.suppress(OSError, WebSocketException):
                sock.close()

    def _create(self, text: str, end: str) -> str:
        resource = {
            "resourceType": "Subscription",
            "status": "requested",
            "reason": self.owner._reason,
            "criteria": text,
            "end": end,
            "channel": {"type": "websocket"},
        }
        body = self.owner.client.request("POST", "Subscription", json_body=resource).body or {}
        sid = body.get("id")
        if not isinstance(sid, str) or not sid:
            raise SyncError("POST Subscription: the answer names no id")
        return sid

    def _delete(self, ids: Iterable[str]) -> None:
        for sid in ids:
            try:
                self.owner.client.request("DELETE", f"Subscription/{sid}")
            except SyncError as exc:
                # It ends by itself at its ``end``.
                log.info("push: Subscription not deleted (%s)", type(exc).__name__)

    def _listen(self, url: str, sid: str) -> None:
        owner = self.owner
        failures = 0
        while not self.round_over.is_set():
            was_bound = False
            try:
                token = owner._token()
                headers = {"Authorization": f"Bearer {token}"} if token else None
                with owner._connect(
                    url,
                    ssl=owner._ssl if url.startswith("wss:") else None,
                    proxy=owner._proxy,
                    additional_headers=headers,
                    open_timeout=10,
                ) as sock:
                    with self._guard:
                        self.sockets.add(sock)
                    try:
                        if self.round_over.is_set():
                            return
                        sock.send(f"bind {sid}")
                        answer = sock.recv(timeout=10)
                        if not _is(answer, "bound"):
                            raise _BindRefusedError
                        was_bound = True
                        failures = 0
                        with self._guard:
                            self.bound += 1
                        # Whatever changed before the bind (or while reconnecting) is
                        # fetched too: one sync, not one per socket (the app debounces).
                        owner._on_change()
                        while True:
                            if _is(sock.recv(), "ping"):
                                owner._on_change()
                    finally:
                        with self._guard:
                            self.sockets.discard(sock)
                            if was_bound:
                                self.bound -= 1
            except (OSError, TimeoutError, WebSocketException, _BindRefusedError) as exc:
                if self.round_over.is_set():
                    return
                log.debug("push: socket %s ended (%s)", sid[:8], type(exc).__name__)
            failures += 1
            if failures >= owner._backoff.give_up_after:
                log.info("push: socket given up after %d failures", failures)
                return
            if self.round_over.wait(owner._backoff.delay(failures)):
                return


class _BindRefusedError(Exception):
    pass


def _is(message: str | bytes, verb: str) -> bool:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
    return text.split(" ", 1)[0].strip() == verb
