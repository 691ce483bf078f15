"""The sync factory wires the FHIR client and the synchronizer as the shell needs them."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from app.domain import Catalog
from app.store.database import Database
from sync.engine import SyncFailed, SyncStarted, SyncStatus
from sync.factory import make_synchronizer
from tests.conftest import Clock


class BusyServer:
    """A loopback HTTP server that answers every request "503, come back in 20 s"."""

    def __init__(self) -> None:
        self.headers: list[dict[str, str]] = []
        seen = self.headers

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen.append(dict(self.headers.items()))
                self.send_response(503)
                self.send_header("Retry-After", "20")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}/fhir"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def busy_server() -> Iterator[BusyServer]:
    server = BusyServer()
    yield server
    server.close()


class Token:
    def token(self) -> str | None:
        return "t0k3n"

    def refresh(self) -> str | None:
        return None


def test_the_synchronizer_is_built_for_this_user_server_and_policy(
    db: Database, catalog: Catalog, clock: Clock
) -> None:
    engine = make_synchronizer(
        "https://fhir.test/fhir/",
        auth=None,
        db=db,
        catalog=catalog,
        practitioner="Practitioner/p-1",
        clock=clock,
        retention_days=7,
    )
    with engine.client:
        assert engine.client.base_url == "https://fhir.test/fhir"
        assert engine.practitioner == "Practitioner/p-1"
        assert engine.retention == timedelta(days=7)
        assert (engine.db, engine.catalog) == (db, catalog)


def test_a_stop_ends_the_retry_wait_and_every_step_reports_through_the_callers_hooks(
    busy_server: BusyServer, db: Database, catalog: Catalog, clock: Clock
) -> None:
    statuses: list[SyncStatus] = []
    on_db_worker: list[Callable[[], Any]] = []
    stop = threading.Event()

    def run_db(fn: Callable[[], Any]) -> Any:
        on_db_worker.append(fn)
        return fn()

    engine = make_synchronizer(
        busy_server.url,
        auth=Token(),
        db=db,
        catalog=catalog,
        practitioner="Practitioner/p-1",
        clock=clock,
        on_status=statuses.append,
        stop_event=stop,
        run_db=run_db,
    )
    stop.set()  # the app locks: the 20 s Retry-After wait must not hold the sync
    with engine.client:
        summary = engine.sync()

    assert len(busy_server.headers) == 1  # no retry after the stop
    assert busy_server.headers[0]["Authorization"] == "Bearer t0k3n"
    assert summary.errors
    assert isinstance(statuses[0], SyncStarted)
    assert isinstance(statuses[-1], SyncFailed)
    assert statuses[0].at == clock.now  # the session's clock, not the wall clock
    assert on_db_worker  # cache access went through the caller's DB worker
