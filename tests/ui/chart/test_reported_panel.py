"""The "Patient reported — not yet confirmed" panel: one key per reported answer, nothing
taken into the chart without a nurse, every row spoken whole."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from app.domain import AnswerAction, Catalog, Source
from app.errors import ValidationError
from app.services import CareService
from app.store.database import Database
from sync.client import PermissionMissingError, RequestRejectedError, ServerUnreachableError
from tests.conftest import Clock
from tests.ui.chart.helpers import unnamed_controls
from tests.unit.test_patient_reports import put_report
from tests.unit.test_services import add_patient
from ui.base import reauth
from ui.base.taskman import TaskManager
from ui.chart.export_answers import export_answers, send_failure_text
from ui.chart.reported_panel import ReportedModel, ReportedPanel
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtWidgets

WAIT_MS = 10_000


def _panel(qtbot, tasks: TaskManager, service: CareService) -> ReportedPanel:
    actions = ChartActions(tasks, service)
    panel = ReportedPanel(actions)
    qtbot.add_widget(panel)
    # as the main window does: a changed chart is read again, the panel with it
    actions.sig_chart_changed.connect(panel.show_patient)
    panel.show()
    return panel


def _load(qtbot, panel: ReportedPanel, patient_id: str) -> int:
    with qtbot.wait_signal(panel.sig_shown_items, timeout=WAIT_MS) as blocker:
        panel.show_patient(patient_id)
    return int(blocker.args[0])


def test_enter_confirms_and_delete_sets_aside_one_row_after_the_other(
    qtbot,
    tasks: TaskManager,
    db: Database,
    catalog: Catalog,
    clock: Clock,
    make_service: Callable[..., CareService],
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    older = service.answers.record(patient.id, "diet.diet-pattern", "vegan", Source.PATIENT)
    clock.now += timedelta(days=4)
    put_report(
        db,
        clock,
        {"diet.lactose": True, "diet.diet-pattern": "vegetarian", "mobility.falls": False},
    )
    panel = _panel(qtbot, tasks, service)
    assert _load(qtbot, panel, patient.id) == 3
    assert panel.isVisible()
    assert unnamed_controls(panel) == []

    model = panel.model
    spoken = [model.spoken(model.record(r)) for r in range(model.rowCount())]
    assert spoken[1].startswith("Dietary pattern: reported Vegetarian (Patient portal, ")
    assert spoken[1].endswith("; on record: Vegan")
    assert model.on_record_text(model.record(0)) == ""

    panel.table.setFocus()
    panel.table.setCurrentIndex(model.index(0, 0))
    with qtbot.wait_signal(panel.sig_shown_items, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [2]
    lactose = next(a for a in service.repo.answers(patient.id) if a.question_code == "diet.lactose")
    assert lactose.value is True
    assert lactose.history[-1].note.startswith("reported via")

    # the next row is selected and keeps the focus: Enter again corrects the diet
    assert panel.table.hasFocus()
    assert model.record(panel.table.currentIndex().row()).question.code == "diet.diet-pattern"
    with qtbot.wait_signal(panel.sig_shown_items, timeout=WAIT_MS):
        qtbot.keyClick(panel.table, Qt.Key.Key_Enter)
    corrected = service.repo.answer(older.id)
    assert corrected is not None
    assert corrected.value == "vegetarian"
    assert corrected.history[-1].action is AnswerAction.CORRECTED

    # Backspace is no way to set an answer aside (a slip while typing elsewhere)
    qtbot.keyClick(panel.table, Qt.Key.Key_Backspace)
    assert _load(qtbot, panel, patient.id) == 1  # queued after anything Backspace started
    panel.table.setFocus()

    # Delete sets the last one aside: nothing recorded, the panel hides
    with qtbot.wait_signal(panel.sig_shown_items, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert blocker.args == [0]
    assert not panel.isVisible()
    assert not any(a.question_code == "mobility.falls" for a in service.repo.answers(patient.id))


def test_nothing_to_confirm_keeps_the_panel_hidden(
    qtbot,
    tasks: TaskManager,
    db: Database,
    catalog: Catalog,
    make_service: Callable[..., CareService],
) -> None:
    patient = add_patient(db, catalog)
    panel = _panel(qtbot, tasks, make_service())
    assert _load(qtbot, panel, patient.id) == 0
    assert not panel.isVisible()


def test_the_model_holds_up(
    qtmodeltester,
    db: Database,
    catalog: Catalog,
    clock: Clock,
    make_service: Callable[..., CareService],
) -> None:
    patient = add_patient(db, catalog)
    put_report(db, clock, {"diet.lactose": True, "comfort.bedtime": "22:30"})
    model = ReportedModel()
    model.set_records(make_service().reports.reports_to_confirm(patient.id))
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_export_answers_asks_the_pin_first_then_saves_a_questionnaire_response_file(
    qtbot,
    tasks: TaskManager,
    db: Database,
    catalog: Catalog,
    clock: Clock,
    make_service: Callable[..., CareService],
    tmp_path: Path,
    monkeypatch,
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    clock.now -= timedelta(days=91)
    service.answers.record(patient.id, "mobility.falls", True, Source.PATIENT)  # due again
    clock.now += timedelta(days=91)
    service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    parent = QtWidgets.QMainWindow()
    qtbot.add_widget(parent)
    target = tmp_path / "answers.json"
    steps: list[str] = []
    dialogs: list[QtWidgets.QFileDialog] = []

    def pin(_parent: object, _reason: str, then: Callable[[], None]) -> None:
        steps.append("pin")
        then()

    monkeypatch.setattr(reauth, "request_reauth", pin)

    def opened(dialog: QtWidgets.QFileDialog) -> None:
        steps.append("dialog")
        dialogs.append(dialog)

    export_answers(parent, ChartActions(tasks, service), patient.id, opened)
    assert steps == ["pin", "dialog"]
    (dialog,) = dialogs
    audited = len(service.repo.audit_entries())
    dialog.selectFile(str(target))
    with qtbot.wait_signal(dialog.finished, timeout=WAIT_MS):
        dialog.accept()
    qtbot.waitUntil(lambda: bool(parent.statusBar().currentMessage()), timeout=WAIT_MS)
    assert target.exists()
    message = parent.statusBar().currentMessage()
    assert "1 answer(s) left out" in message
    assert len(service.repo.audit_entries()) == audited + 1  # after the file was written
    response = json.loads(target.read_text("utf-8"))
    assert response["resourceType"] == "QuestionnaireResponse"
    assert response["subject"]["reference"] == f"Patient/{patient.id}"
    assert response["subject"]["identifier"]["value"] == patient.mrn
    assert response["item"][0]["item"][0] == {
        "linkId": "diet.lactose",
        "text": catalog.question("diet.lactose").text,
        "answer": [{"valueBoolean": True}],
    }
    assert "mobility.falls" not in json.dumps(response)


def test_a_failed_send_says_why_not_always_the_network() -> None:
    missing = PermissionMissingError(
        "no", "QuestionnaireResponse", None, ("user/QuestionnaireResponse.cu",)
    )
    assert "user/QuestionnaireResponse.cu" in send_failure_text(missing)
    refused = send_failure_text(RequestRejectedError("no", 422, None))
    assert "refused" in refused
    assert "network" not in refused
    assert "network" in send_failure_text(ServerUnreachableError("away"))
    assert send_failure_text(ValidationError("That answer is no longer in the cache.")) == (
        "That answer is no longer in the cache."
    )


def test_sending_is_audited_only_once_the_server_took_it(
    qtbot,
    tasks: TaskManager,
    db: Database,
    catalog: Catalog,
    make_service: Callable[..., CareService],
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    actions = ChartActions(tasks, service)
    audited = len(service.repo.audit_entries())
    failures: list[Exception] = []
    sent: list[dict[str, object]] = []

    def refused(_response: dict[str, object]) -> object:
        raise RequestRejectedError("refused", 422, None)

    actions.send_answers(patient.id, refused, lambda _n: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert len(service.repo.audit_entries()) == audited  # nothing went out: nothing audited

    done: list[int] = []
    actions.send_answers(patient.id, sent.append, done.append, failures.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)
    assert done == [0]
    assert len(service.repo.audit_entries()) == audited + 1
    (response,) = sent
    assert response["id"] == service.reports.export_answers(patient.id).response_id
