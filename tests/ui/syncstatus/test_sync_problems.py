"""Conflicts and refused changes, opened over the main window: each box waits for the nurse
without an event loop of its own, and the decision lands in the cache."""

from __future__ import annotations

from typing import Any

from app.domain import Answer, AnswerType, Source
from app.store.sync_state import Conflict, SyncState
from tests.conftest import Clock
from ui.mainwindow.window import MainWindow
from ui.qt import QtWidgets
from ui.syncstatus.conflict_dialog import ConflictDialog, ConflictListDialog
from ui.syncstatus.problems import SyncProblemsFlow


def _unsent_answer(window: MainWindow) -> Answer:
    service = window.service
    patient_id = window.ward_panel.ward_model.record(0).patient.id
    code = next(q.code for q in service.catalog.questions if q.answer_type is AnswerType.FREE_TEXT)
    answer: Answer = window.tasks.run_db_blocking(
        lambda: service.answers.record(patient_id, code, "lives alone", Source.PATIENT)
    )
    return answer


def _problems(window: MainWindow) -> SyncProblemsFlow:
    assert window.session is not None
    return SyncProblemsFlow(window, window.tasks, window.session, "en")


def _shown(qtbot, window: MainWindow, kind: type[Any]) -> Any:
    qtbot.wait_until(lambda: any(d.isVisible() for d in window.findChildren(kind)))
    return next(d for d in window.findChildren(kind) if d.isVisible())


def test_refused_changes_are_listed_and_can_be_sent_again(qtbot, main_window: MainWindow) -> None:
    answer = _unsent_answer(main_window)
    assert main_window.session is not None
    db = main_window.session.db

    def refuse() -> None:
        with db.transaction() as conn:
            SyncState(db).hold(conn, answer.id, "rejected: the server did not accept the code")

    main_window.tasks.run_db_blocking(refuse)
    problems = _problems(main_window)
    problems.show()
    box = _shown(qtbot, main_window, QtWidgets.QMessageBox)
    assert box.text() == "The server refused 1 change. It is kept here."
    assert "did not accept the code" in box.detailedText()
    retry = next(b for b in box.buttons() if b.text() == "Try again")
    with qtbot.wait_signal(problems.sig_retry_requested, timeout=10_000):
        retry.click()
    assert main_window.tasks.run_db_blocking(lambda: SyncState(db).held()) == []


def test_closing_the_refused_list_changes_nothing(qtbot, main_window: MainWindow) -> None:
    answer = _unsent_answer(main_window)
    assert main_window.session is not None
    db = main_window.session.db

    def refuse() -> None:
        with db.transaction() as conn:
            SyncState(db).hold(conn, answer.id, "rejected")

    main_window.tasks.run_db_blocking(refuse)
    _problems(main_window).show()
    box = _shown(qtbot, main_window, QtWidgets.QMessageBox)
    with qtbot.wait_signal(box.finished):
        box.button(QtWidgets.QMessageBox.StandardButton.Close).click()
    assert len(main_window.tasks.run_db_blocking(lambda: SyncState(db).held())) == 1


def _observation(answer: Answer, value: str, who: str) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": answer.id,
        "meta": {"versionId": "3", "lastUpdated": "2026-11-23T09:00:00Z"},
        "status": "amended",
        "subject": {"reference": f"Patient/{answer.patient_id}"},
        "performer": [{"reference": "Practitioner/x", "display": who}],
        "valueString": value,
    }


def test_a_conflict_is_chosen_from_the_list_and_decided(
    qtbot, main_window: MainWindow, clock: Clock
) -> None:
    answer = _unsent_answer(main_window)
    assert main_window.session is not None
    db = main_window.session.db
    conflict = Conflict(
        resource_type="Observation",
        resource_id=answer.id,
        patient_id=answer.patient_id,
        fields=("value",),
        mine=_observation(answer, "lives alone", "Me"),
        theirs=_observation(answer, "lives with daughter", "Anna Keller"),
        base=None,
        created_at=clock(),
    )

    def clash() -> None:
        with db.transaction() as conn:
            SyncState(db).save_conflict(conn, conflict)

    main_window.tasks.run_db_blocking(clash)
    problems = _problems(main_window)
    problems.show()
    chooser = _shown(qtbot, main_window, ConflictListDialog)
    with qtbot.wait_signal(chooser.finished):
        chooser.open_button.click()
    dialog = _shown(qtbot, main_window, ConflictDialog)
    with qtbot.wait_signal(problems.sig_conflict_resolved, timeout=10_000) as resolved:
        dialog.keep_mine.click()
    assert resolved.args[0].resource_id == answer.id
    assert resolved.args[1] is False  # kept as it is: nothing to edit
    assert main_window.tasks.run_db_blocking(lambda: SyncState(db).conflicts()) == []
