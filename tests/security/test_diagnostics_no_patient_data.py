"""No patient data in the diagnostics bundle (DESIGN.md §4), after real use of a cache.

A canary patient (name, MRN, phone, free-text answer, medication, contact: each a unique
string) goes into a user's encrypted cache through the real service; the app is used the
way a ward uses it, with every log line at debug level: the cache opened, searched by
each canary, charted, and a sync attempted against a server that is not there (the
changes wait in the outbox). Then the bundle is built twice, from the command line and
from Help ▸ Export diagnostics with the open service, and every member is scanned, as
stored in the zip (compressed) and unpacked, in UTF-8 and UTF-16. A positive control
puts a canary into a log line and must find it, so a blind scanner cannot pass.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import logging
import socket
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.__main__ import main as askonce
from app.clock import system_clock
from app.diagnostics import write_bundle
from app.domain import (
    Catalog,
)
from app.keys import DatabaseKey
from app.logs import configure_logging
from app.paths import AppPaths, default_paths
from app.services import CareService
from app.session import CACHE_FILE, user_folder
from app.store.database import Database
from sync.client import FhirClient, RetryPolicy
from sync.engine import Synchronizer
from tests.conftest import NURSE, Clock
from tests.security.test_no_plaintext import (
    Canaries,
    put_canary_patient,
    scan_bytes,
)

pytestmark = pytest.mark.usefixtures("restore_root_logger")


def canary_mrn(canaries: Canaries) -> str:
    return "MRN" + canaries.family_name.removeprefix("Zqxcanaryname").upper() + "7731"


def needles(canaries: Canaries) -> tuple[str, ...]:
    return (*canaries.needles(), canary_mrn(canaries))


class EmptyBundles(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps({"resourceType": "Bundle", "type": "searchset"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        return


@contextlib.contextmanager
def serving_empty_bundles() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), EmptyBundles)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/fhir"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


def dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def use_the_cache(
    service: CareService, db: Database, catalog: Catalog, clock: Clock, canaries: Canaries
) -> None:
    """What a ward does with the canary patient, as the app does it (every line logged)."""
    patient = put_canary_patient(db, service, catalog, clock, canaries, mrn=canary_mrn(canaries))
    for text in (*needles(canaries), "Anna 1939"):
        service.charts.search(text)
    assert [h.patient.id for h in service.charts.search(canaries.family_name).hits] == [patient.id]
    service.charts.ward()
    service.charts.chart(patient.id)
    assert service.outbox.counts().waiting > 0  # the canary changes wait to be sent

    # Looking the patient up on a server by MRN and name: the URLs carry them.
    with serving_empty_bundles() as url, FhirClient(url, timeout=5, clock=clock) as online:
        assert list(online.search("Patient", {"identifier": canary_mrn(canaries)})) == []
        assert list(online.search("Patient", {"family": canaries.family_name})) == []

    # A sync attempt with no server: the changes stay, the attempt is logged.
    client = FhirClient(
        f"http://127.0.0.1:{dead_port()}/fhir",
        retry=RetryPolicy(attempts=2, base_delay=0.01),
        timeout=2,
        clock=clock,
    )
    with client:
        summary = Synchronizer(db, catalog, client, NURSE.user_id, clock=clock).sync()
    assert summary.errors or summary.line()


@pytest.fixture
def used_cache(catalog: Catalog, clock: Clock) -> Iterator[tuple[AppPaths, CareService, Canaries]]:
    paths = default_paths()
    configure_logging(paths.logs, "gui", verbose=True)
    canaries = Canaries.fresh()
    folder = user_folder(paths, NURSE.user_id)
    folder.mkdir(parents=True)
    db = Database.open(folder / CACHE_FILE, DatabaseKey.generate(), create=True)
    try:
        service = CareService(db, catalog, NURSE, workstation="test-ws", clock=clock)
        use_the_cache(service, db, catalog, clock, canaries)
        logging.getLogger().handlers[0].flush()
        yield paths, service, canaries
    finally:
        db.close()


def findings_in_bundle(bundle: Path, canaries: Canaries) -> list[str]:
    """Canaries in the zip as stored (compressed) and in each unpacked member."""
    found = [f"zip file: {c} ({e})" for c, e in scan_bytes(bundle.read_bytes(), needles(canaries))]
    with zipfile.ZipFile(bundle) as zf:
        assert zf.testzip() is None
        for info in zf.infolist():
            data = zf.read(info)
            assert info.file_size == len(data)
            found += [f"{info.filename}: {c} ({e})" for c, e in scan_bytes(data, needles(canaries))]
            found += [
                f"member name {info.filename}" for n in needles(canaries) if n in info.filename
            ]
    return found


def test_cli_bundle_holds_no_patient_data(
    used_cache: tuple[AppPaths, CareService, Canaries], tmp_path: Path
) -> None:
    paths, _service, canaries = used_cache
    log_text = "".join(p.read_text(encoding="utf-8") for p in paths.logs.glob("*.log"))
    assert "sync" in log_text  # the activity really reached the log
    bundle = tmp_path / "cli.zip"
    assert askonce(["diagnostics", str(bundle), "--log-lines", "100000"]) == 0
    with zipfile.ZipFile(bundle) as zf:
        assert "logs/gui.log.txt" in zf.namelist()
        report = zf.read("report.json").decode()
    assert CACHE_FILE in report  # the cache was seen (name and size), not opened
    assert findings_in_bundle(bundle, canaries) == []


def test_gui_bundle_with_the_open_service_holds_no_patient_data(
    used_cache: tuple[AppPaths, CareService, Canaries], tmp_path: Path, qtbot: object
) -> None:
    from ui.base.diagnostics import export_diagnostics
    from ui.base.taskman import TaskManager
    from ui.qt import QtWidgets

    paths, service, canaries = used_cache
    parent = QtWidgets.QWidget()
    qtbot.add_widget(parent)  # type: ignore[attr-defined]
    tasks = TaskManager()
    written: list[Path] = []
    try:
        dialog = export_diagnostics(
            parent, tasks, service, clock=system_clock, paths=paths, on_written=written.append
        )
        assert dialog.isVisible()
        assert dialog.isModal()  # window-modal through open(), no nested event loop
        target = tmp_path / "from-the-menu.zip"
        dialog.selectFile(str(target))
        dialog.accept()
        qtbot.wait_until(lambda: bool(written), timeout=20_000)  # type: ignore[attr-defined]
        assert written == [target]
        box = parent.findChild(QtWidgets.QMessageBox, "diagnostics_message")
        assert box is not None
        assert str(target) in box.text()
        with qtbot.wait_signal(box.finished):  # type: ignore[attr-defined]
            box.accept()
    finally:
        tasks.shutdown()
    with zipfile.ZipFile(target) as zf:
        report = zf.read("report.json").decode()
    assert '"waiting": ' in report
    assert '"schema_version": ' in report
    assert findings_in_bundle(target, canaries) == []


def test_positive_control_a_canary_in_a_log_line_is_found(
    used_cache: tuple[AppPaths, CareService, Canaries], tmp_path: Path
) -> None:
    paths, _service, canaries = used_cache
    logging.getLogger("careless").warning("patient %s", canaries.family_name)
    logging.getLogger().handlers[0].flush()
    bundle = write_bundle(tmp_path / "leaky.zip", paths, clock=system_clock)
    findings = findings_in_bundle(bundle, canaries)
    assert any(f.startswith("logs/gui.log.txt: ") for f in findings), findings
