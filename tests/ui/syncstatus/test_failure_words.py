"""Why a sync failed, in words on the status line, and the details for IT in its tooltip."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import resources

import pytest

from app.clock import Clock
from app.domain import Actor, Catalog
from app.services import CareService
from app.store.database import Database
from sync.client import FhirClient
from sync.engine import Synchronizer, SyncProblem, SyncStatus
from tests.fhir_fake import FakeFhirServer
from tests.unit.sync.conftest import PRACTITIONER, seed_ward
from ui.base.taskman import TaskManager
from ui.qt import QtCore, QtWidgets
from ui.syncstatus.controller import SyncController

BASE_URL = "https://fhir.hospital.test/fhir"


def _controller(
    tasks: TaskManager,
    db: Database,
    catalog: Catalog,
    clock: Clock,
    service: CareService,
    server: FakeFhirServer,
) -> tuple[SyncController, FhirClient]:
    client = FhirClient(BASE_URL, transport=server, clock=clock, sleep=lambda _s: None)

    def make_engine(on_status: Callable[[SyncStatus], None]) -> Synchronizer:
        return Synchronizer(
            db,
            catalog,
            client,
            PRACTITIONER,
            on_status=on_status,
            run_db=tasks.run_db_blocking,
            clock=clock,
        )

    return SyncController(tasks, service, make_engine, interval_s=3600), client


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest, qapp: QtWidgets.QApplication) -> Iterator[str]:
    translator = QtCore.QTranslator()
    assert translator.load(f"askonce_{request.param}", str(resources.files("resources") / "i18n"))
    qapp.installTranslator(translator)
    yield str(request.param)
    qapp.removeTranslator(translator)


def test_a_server_that_cannot_answer_is_named_for_the_nurse_and_for_it(
    qtbot,
    tasks: TaskManager,
    db: Database,
    catalog: Catalog,
    clock: Clock,
    make_service: Callable[..., CareService],
    language: str,
) -> None:
    server = FakeFhirServer(BASE_URL)
    server.lenient_ignore = {"CareTeam": {"participant"}}  # and its self link says so
    seed_ward(server)
    service = make_service(Actor(user_id=PRACTITIONER, display_name="Anna Keller"))
    controller, client = _controller(tasks, db, catalog, clock, service, server)
    try:
        with qtbot.wait_signal(controller.sig_finished, timeout=20_000):
            controller.sync_now()
        assert controller.last_problem is not None
        assert controller.last_problem.problem is SyncProblem.SERVER_CANNOT
        words = {
            "en": "the server cannot answer what AskOnce needs; nothing was changed — tell IT",
            "de": "der Server kann nicht beantworten, was AskOnce braucht",
        }[language]
        assert words in controller.text()
        assert "participant" in controller.details()  # for IT, in the tooltip
        assert service.charts.ward() == []
    finally:
        controller.stop()
        client.close()
