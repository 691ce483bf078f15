"""The server restarts in the middle of a sync: nothing lost, nothing twice, status honest."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalog import load_catalog
from app.domain import AnswerType, Source
from sync.engine import SyncFailed, SyncProgress, SyncSucceeded
from tests.fhir_server import HapiServer
from tests.integration.conftest import Workstation
from tests.integration.fhir_seed import get, seed_ward

pytestmark = pytest.mark.integration


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[HapiServer]:
    """A HAPI of this test's own, with a file database that survives its restart."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = HapiServer(
        port,
        tmp_path / "hapi.log",
        jdbc_url=f"jdbc:h2:file:{tmp_path / 'hapi-db'};DB_CLOSE_DELAY=-1",
    )
    server.start()
    yield server
    server.stop()


def test_a_restart_between_upload_and_download(own_server: HapiServer, tmp_path: Path) -> None:
    catalog = load_catalog()
    ward = seed_ward(own_server.base_url, patients=2)
    ws = Workstation(tmp_path / "a.db", catalog, own_server.base_url, ward.practitioner)
    try:
        assert ws.sync().errors == ()
        codes = [q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT][:5]
        made = [
            ws.service.answers.record(pid, code, f"before restart {n}", Source.PATIENT)
            for n, (pid, code) in enumerate((p, c) for p in ward.patients for c in codes)
        ]

        def stop_after_upload(status: object) -> None:
            if isinstance(status, SyncProgress) and status.stage == "upload" and status.done:
                own_server.stop()

        ws.on_status = stop_after_upload
        summary = ws.sync()
        assert summary.uploaded == len(made)
        assert summary.errors  # the download could not run
        last = ws.statuses[-1]
        assert isinstance(last, SyncFailed)
        assert last.offline
        assert not any(isinstance(s, SyncSucceeded) for s in ws.statuses)
        assert ws.service.outbox.count() == 0  # the server had confirmed the upload

        own_server.start()
        ws.on_status = None
        after = ws.sync()
        assert after.errors == ()
        assert isinstance(ws.statuses[-1], SyncSucceeded)
        for answer in made:
            on_server = get(own_server.base_url, f"Observation/{answer.id}")
            assert on_server["valueString"] == answer.value
            assert on_server["meta"]["versionId"] == "1"  # sent once
        count = get(
            own_server.base_url,
            "Observation",
            subject=f"Patient/{ward.patients[0]}",
            _summary="count",
        )
        assert count["total"] == len(codes)
    finally:
        ws.close()
