"""Building the sync engine for one open cache: the FHIR client and the synchronizer.

The one place that wires them, for the desktop shell and the command line alike:
the client waits out ``Retry-After`` on ``stop_event``, so setting it (lock,
sign-out, close) ends a retry wait at once instead of after the server's delay.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.clock import Clock
from app.domain import Catalog
from app.settings import AssignmentSourceName
from app.store.database import Database
from sync.assignment import AssignmentSource
from sync.client import AuthHook, FhirClient, RetryPolicy
from sync.engine import Synchronizer, SyncStatus
from sync.push import PushListener
from sync.tls import ssl_context

RunDb = Callable[[Callable[[], Any]], Any]
"""Runs a cache access where all cache access is serialized (the GUI's DB worker)."""


def make_synchronizer(
    server_url: str,
    *,
    auth: AuthHook | None,
    db: Database,
    catalog: Catalog,
    practitioner: str,
    clock: Clock,
    on_status: Callable[[SyncStatus], None] = lambda _s: None,
    stop_event: threading.Event | None = None,
    run_db: RunDb | None = None,
    ca_bundle: Path | None = None,
    http_proxy: str | None = None,
    retention_days: int = 0,
    assignment_source: AssignmentSourceName = "care-team",
) -> Synchronizer:
    """A synchronizer of ``db`` against the FHIR server at ``server_url``.

    ``practitioner`` is the signed-in user's "Practitioner/<id>"; the synchronizer's
    ``client`` is its own (close it with ``synchronizer.client.close()`` when done).
    ``retention_days`` and ``assignment_source`` are the policy's (``Settings``).
    """
    # TLS (OS trust store plus ca_bundle) and the policy's proxy: sync/tls.py.
    if stop_event is not None:
        client = FhirClient(
            server_url,
            auth=auth,
            ca_bundle=ca_bundle,
            http_proxy=http_proxy,
            sleep=stop_event.wait,
            clock=clock,
        )
    else:
        client = FhirClient(
            server_url, auth=auth, ca_bundle=ca_bundle, http_proxy=http_proxy, clock=clock
        )
    return Synchronizer(
        db,
        catalog,
        client,
        practitioner,
        on_status=on_status,
        clock=clock,
        run_db=run_db,
        retention_days=retention_days,
        assignment_source=AssignmentSource(assignment_source),
    )


def make_push_listener(
    server_url: str,
    *,
    auth: AuthHook | None,
    workstation: str,
    on_change: Callable[[], None],
    clock: Clock,
    ca_bundle: Path | None = None,
    http_proxy: str | None = None,
) -> PushListener:
    """The push channel for one signed-in user (``sync.push``): its own FHIR client, with
    short timeouts and no retries (it is best-effort; polling is the fallback), and the
    same trust and proxy as the synchronizer's."""
    client = FhirClient(
        server_url,
        auth=auth,
        ca_bundle=ca_bundle,
        http_proxy=http_proxy,
        timeout=5.0,
        retry=RetryPolicy(attempts=1),
        clock=clock,
    )
    return PushListener(
        client,
        on_change,
        workstation=workstation,
        clock=clock,
        ssl_context=ssl_context(ca_bundle),
        http_proxy=http_proxy,
        token=(lambda: auth.token()) if auth is not None else (lambda: None),
    )
