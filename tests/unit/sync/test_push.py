"""The push channel (sync/push.py): capability check, criteria, and the R4 websocket
protocol against a tiny local websocket server: bind/bound/ping, reconnect, give-up."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from sync.client import FhirClient, RetryPolicy
from sync.push import WEBSOCKET_EXTENSION, Backoff, PushListener, criteria, websocket_url
from tests.conftest import FIXED_NOW

BASE = "https://fhir.test/fhir"
WAIT_S = 10.0


def _statement(*, create: bool = True, ws: str | None = None) -> dict[str, object]:
    interactions = [{"code": "read"}] + ([{"code": "create"}] if create else [])
    rest: dict[str, object] = {
        "mode": "server",
        "resource": [{"type": "Subscription", "interaction": interactions}],
    }
    if ws:
        rest["extension"] = [{"url": WEBSOCKET_EXTENSION, "valueUri": ws}]
    return {"resourceType": "CapabilityStatement", "rest": [rest]}


def test_websocket_url_from_the_standard_extension() -> None:
    statement = _statement(ws="wss://push.test/ws")
    assert websocket_url(statement, BASE) == "wss://push.test/ws"


def test_websocket_url_derived_as_hapi_serves_it() -> None:
    assert websocket_url(_statement(), BASE) == "wss://fhir.test/websocket"
    plain = websocket_url(_statement(), "http://127.0.0.1:8080/fhir/")
    assert plain == "ws://127.0.0.1:8080/websocket"


def test_no_websocket_url_without_subscription_create() -> None:
    assert websocket_url(_statement(create=False), BASE) is None
    assert websocket_url({"resourceType": "CapabilityStatement", "rest": []}, BASE) is None


def test_criteria_name_only_the_patients_with_the_kinds_filters() -> None:
    (observation,) = criteria("Observation", ["b", "a"])
    assert observation.startswith("Observation?patient=Patient/a,Patient/b&")
    assert "code=https://fhir.askonce.app/CodeSystem/askonce-questions|" in observation
    assert criteria("Patient", ["x"]) == ["Patient?_id=x"]
    many = criteria("Task", [f"p{i:03}" for i in range(250)])
    assert len(many) == 3
    assert all(c.startswith("Task?patient=Patient/") for c in many)


# --- the protocol, against a local websocket server ------------------------------------


@dataclass
class FakePushServer:
    """Answers ``bind <id>`` with ``bound <id>`` and then pings; may refuse binds."""

    refuse_binds: int = 0
    pings: int = 1
    binds: list[str] = field(default_factory=list)
    server: Server | None = None

    def handler(self, conn: ServerConnection) -> None:
        try:
            message = str(conn.recv(timeout=5))
            verb, sid = message.split(" ", 1)
            assert verb == "bind"
            self.binds.append(sid)
            if len(self.binds) <= self.refuse_binds:
                conn.close(1002, f"Invalid bind request - Unknown subscription: {sid}")
                return
            conn.send(f"bound {sid}")
            for _ in range(self.pings):
                conn.send(f"ping {sid}")
            conn.recv()  # until the client closes
        except (ConnectionClosed, TimeoutError):
            pass

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/websocket"


@pytest.fixture
def push_server() -> Iterator[FakePushServer]:
    fake = FakePushServer()
    with serve(fake.handler, "127.0.0.1", 0) as server:
        fake.server = server
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield fake
        server.shutdown()
        thread.join(5)


@dataclass
class FakeRest:
    statement: dict[str, object]
    created: list[dict[str, object]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    refuse_create: bool = False

    def handler(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/fhir/")
        if request.method == "GET" and path == "metadata":
            return httpx.Response(200, json=self.statement)
        if request.method == "POST" and path == "Subscription":
            if self.refuse_create:
                return httpx.Response(422, json={"resourceType": "OperationOutcome"})
            body = json.loads(request.content)
            self.created.append(body)
            return httpx.Response(201, json={**body, "id": f"sub{len(self.created)}"})
        if request.method == "DELETE" and path.startswith("Subscription/"):
            self.deleted.append(path.split("/", 1)[1])
            return httpx.Response(200, json={"resourceType": "OperationOutcome"})
        return httpx.Response(404)


def _listener(rest: FakeRest, on_change: Callable[[], None], **kwargs: object) -> PushListener:
    client = FhirClient(
        BASE,
        transport=httpx.MockTransport(rest.handler),
        retry=RetryPolicy(attempts=1),
        clock=lambda: FIXED_NOW,
    )
    return PushListener(
        client,
        on_change,
        workstation="WS-7",
        clock=lambda: FIXED_NOW,
        watched=("Observation",),
        backoff=Backoff(first_s=0.01, max_s=0.05, give_up_after=3),
        **kwargs,  # type: ignore[arg-type]
    )


def _counter() -> tuple[Callable[[], None], threading.Semaphore]:
    calls = threading.Semaphore(0)
    return calls.release, calls


def test_a_ping_calls_back_and_stop_deletes_the_subscription(
    push_server: FakePushServer,
) -> None:
    rest = FakeRest(_statement(ws=push_server.url))
    on_change, calls = _counter()
    listener = _listener(rest, on_change)
    listener.watch({"p1", "p2"})
    assert calls.acquire(timeout=WAIT_S)  # on bind: what changed before is fetched
    assert calls.acquire(timeout=WAIT_S)  # the ping
    (sub,) = rest.created
    assert sub["status"] == "requested"
    assert sub["channel"] == {"type": "websocket"}
    assert sub["reason"] == "AskOnce workstation WS-7"
    assert str(sub["criteria"]).startswith("Observation?patient=Patient/p1,Patient/p2")
    assert str(sub["end"]).startswith("2026-11-23T22:30")  # 12 h on
    assert push_server.binds == ["sub1"]
    listener.stop(timeout=WAIT_S)
    assert rest.deleted == ["sub1"]
    assert not listener.active


def test_a_refused_bind_is_retried(push_server: FakePushServer) -> None:
    push_server.refuse_binds = 2  # HAPI: not activated yet, "Unknown subscription"
    rest = FakeRest(_statement(ws=push_server.url))
    on_change, calls = _counter()
    listener = _listener(rest, on_change)
    listener.watch({"p1"})
    assert calls.acquire(timeout=WAIT_S)
    assert push_server.binds == ["sub1", "sub1", "sub1"]
    listener.stop(timeout=WAIT_S)


def test_a_new_assignment_replaces_the_subscriptions(push_server: FakePushServer) -> None:
    rest = FakeRest(_statement(ws=push_server.url))
    on_change, calls = _counter()
    listener = _listener(rest, on_change)
    listener.watch({"p1"})
    assert calls.acquire(timeout=WAIT_S)
    listener.watch({"p1", "p3"})
    assert calls.acquire(timeout=WAIT_S)
    while calls.acquire(timeout=1.0):
        pass
    assert str(rest.created[-1]["criteria"]).startswith("Observation?patient=Patient/p1,Patient/p3")
    listener.stop(timeout=WAIT_S)
    assert sorted(rest.deleted) == ["sub1", "sub2"]


def test_a_socket_that_keeps_failing_is_given_up(push_server: FakePushServer) -> None:
    push_server.refuse_binds = 1000
    rest = FakeRest(_statement(ws=push_server.url))
    on_change, calls = _counter()
    listener = _listener(rest, on_change)
    listener.watch({"p1"})
    deadline = threading.Event()
    for _ in range(100):
        if not listener.active:
            break
        deadline.wait(0.1)
    assert not listener.active
    assert len(push_server.binds) == 3
    assert rest.deleted == ["sub1"]  # given up: its Subscription goes too
    assert not calls.acquire(timeout=0.1)


def test_an_unreachable_websocket_is_given_up() -> None:
    rest = FakeRest(_statement(ws="ws://127.0.0.1:9/websocket"))  # discard port: refused
    on_change, _calls = _counter()
    listener = _listener(rest, on_change)
    listener.watch({"p1"})
    for _ in range(100):
        if not listener.active:
            break
        threading.Event().wait(0.1)
    assert not listener.active
    assert rest.deleted == ["sub1"]


def test_no_subscriptions_offered_means_polling_only() -> None:
    rest = FakeRest(_statement(create=False))
    listener = _listener(rest, lambda: None)
    listener.watch({"p1"})
    listener.stop(timeout=WAIT_S)
    assert rest.created == []


def test_a_refused_subscription_means_polling_only() -> None:
    rest = FakeRest(_statement(ws="ws://127.0.0.1:9/websocket"), refuse_create=True)
    listener = _listener(rest, lambda: None)
    listener.watch({"p1"})
    for _ in range(100):
        if not listener.active:
            break
        threading.Event().wait(0.1)
    assert not listener.active
    assert rest.deleted == []
