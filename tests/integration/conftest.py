"""Integration fixtures: ward PCs (cache + service + sync engine) against the real HAPI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.clock import Clock, system_clock
from app.domain import Actor, Catalog
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from sync.client import FhirClient
from sync.engine import Synchronizer
from tests.fhir_server import HapiServer


class Workstation:
    """One cache, one service, one sync engine: a ward PC (on its own ``clock``, if given)."""

    def __init__(
        self,
        path: Path,
        catalog: Catalog,
        server: str,
        practitioner: str,
        clock: Clock = system_clock,
    ) -> None:
        self.db = Database.open(path, DatabaseKey.generate(), create=True)
        self.actor = Actor(user_id=practitioner, display_name=f"Nurse at {path.stem}")
        self.service = CareService(self.db, catalog, self.actor, workstation=path.stem, clock=clock)
        self.client = FhirClient(server, timeout=30, clock=system_clock)
        self.statuses: list[object] = []
        self.on_status: Callable[[object], None] | None = None  # a test's own hook
        self.engine = Synchronizer(
            self.db, catalog, self.client, practitioner, on_status=self._status, clock=clock
        )

    def _status(self, status: object) -> None:
        self.statuses.append(status)
        if self.on_status is not None:
            self.on_status(status)

    def sync(self):
        self.statuses.clear()
        return self.engine.sync()

    def close(self) -> None:
        self.client.close()
        self.db.close()


@pytest.fixture
def workstations(
    tmp_path: Path, catalog: Catalog, hapi: HapiServer
) -> Iterator[Callable[..., Workstation]]:
    made: list[Workstation] = []

    def make(name: str, practitioner: str, clock: Clock = system_clock) -> Workstation:
        ws = Workstation(tmp_path / f"{name}.db", catalog, hapi.base_url, practitioner, clock)
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()
