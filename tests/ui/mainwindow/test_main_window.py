"""The main window as a nurse uses it: ward list, open a patient, record, search — by keyboard."""

from __future__ import annotations

from typing import TypeVar

from app import __version__
from app.domain import AnswerState, AnswerType, Source
from app.errors import KnownError
from ui.base import drafts
from ui.chart.answer_dialog import AnswerDialog, ErrorReasonDialog
from ui.chart.question_board import QuestionRow
from ui.mainwindow.ward_model import WardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets

D = TypeVar("D", bound=QtWidgets.QDialog)


def _open_row(qtbot, window: MainWindow, row: int) -> str:
    index = window.ward_panel.ward_proxy.index(row, WardColumn.NAME)
    with qtbot.wait_signal(window.sig_chart_shown, timeout=10_000) as blocker:
        window.ward_panel.ward_view.setCurrentIndex(index)
    return str(blocker.args[0])


def test_demo_window_shows_the_ward_and_demo_marks(main_window: MainWindow) -> None:
    assert main_window.ward_panel.ward_proxy.rowCount() == 16
    assert "DEMO" in main_window.windowTitle()
    banner = main_window.findChild(QtWidgets.QLabel, "demoBanner")
    assert banner is not None
    assert banner.isVisible()
    assert "change" in main_window.status.sync_status.text()  # the demo has offline edits waiting


def test_ward_model_passes_qt_model_tester(qtmodeltester, main_window: MainWindow) -> None:
    qtmodeltester.check(main_window.ward_panel.ward_model)
    qtmodeltester.check(main_window.ward_panel.ward_proxy)


def test_ward_list_sorts_by_open_questions(main_window: MainWindow) -> None:
    main_window.ward_panel.ward_view.sortByColumn(WardColumn.OPEN, Qt.SortOrder.DescendingOrder)
    proxy = main_window.ward_panel.ward_proxy
    values = [
        main_window.ward_panel.ward_model.record(
            proxy.mapToSource(proxy.index(r, 0)).row()
        ).open_questions
        for r in range(proxy.rowCount())
    ]
    assert values == sorted(values, reverse=True)


def test_ward_filter_narrows_by_bed_or_name(main_window: MainWindow) -> None:
    first = main_window.ward_panel.ward_model.record(0).patient
    main_window.ward_panel.ward_filter.setText(first.family_name[:4])
    assert 1 <= main_window.ward_panel.ward_proxy.rowCount() < 16
    main_window.ward_panel.ward_filter.clear()
    assert main_window.ward_panel.ward_proxy.rowCount() == 16


def test_keyboard_moves_between_patients(qtbot, main_window: MainWindow) -> None:
    first = _open_row(qtbot, main_window, 0)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000) as blocker:
        main_window.ward_panel.ward_view.setFocus()
        qtbot.keyClick(main_window.ward_panel.ward_view, Qt.Key.Key_Down)
    assert blocker.args[0] != first
    assert main_window.patient_view.chart is not None
    assert main_window.patient_view.chart.patient.id == blocker.args[0]


def test_banner_shows_identity_and_allergies(qtbot, main_window: MainWindow) -> None:
    _open_row(qtbot, main_window, 0)
    chart = main_window.patient_view.chart
    assert chart is not None
    banner = main_window.patient_view.banner
    assert chart.patient.family_name in banner.name.text()
    assert chart.patient.mrn in banner.details.text()
    texts = [w.text() for w in banner.findChildren(QtWidgets.QLabel)]
    for allergy in chart.patient.allergies:
        assert any(allergy.substance in t for t in texts)


def _shown(parent: QtWidgets.QWidget, kind: type[D]) -> D:
    """The one dialog of this kind open over ``parent`` (closed ones wait to be deleted)."""
    shown = [d for d in parent.findChildren(kind) if d.isVisible()]
    assert len(shown) == 1, f"{len(shown)} {kind.__name__} on screen"
    return shown[0]


def _board_row(window: MainWindow, state: AnswerState) -> QuestionRow:
    return next(
        r
        for r in window.patient_view.board.rows
        if r.item.state is state and r.item.question.answer_type is AnswerType.FREE_TEXT
    )


def _after(window: MainWindow, code: str) -> QuestionRow:
    return next(r for r in window.patient_view.board.rows if r.item.question.code == code)


def test_record_an_answer_from_the_board(qtbot, main_window: MainWindow) -> None:
    pid = _open_row(qtbot, main_window, 0)
    row = _board_row(main_window, AnswerState.NEVER_ASKED)
    code = row.item.question.code
    row.buttons["record"].click()
    dialog = _shown(main_window.patient_view.board, AnswerDialog)
    assert dialog.isModal()  # over the window, without an event loop of its own
    dialog.choose("Lives with her daughter")
    with (
        qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000),
        qtbot.wait_signal(dialog.finished),
    ):
        dialog.accept()
    after = _after(main_window, code)
    assert after.item.state is AnswerState.VALID
    assert after.item.answer is not None
    assert after.item.answer.unsent
    assert main_window.patient_view.chart is not None
    assert main_window.patient_view.chart.patient.id == pid
    history = main_window.patient_view.chart.history
    assert history[0].new_value == "Lives with her daughter"


def test_cancel_records_nothing(qtbot, main_window: MainWindow) -> None:
    pid = _open_row(qtbot, main_window, 0)
    row = _board_row(main_window, AnswerState.NEVER_ASKED)
    row.buttons["record"].click()
    dialog = _shown(main_window.patient_view.board, AnswerDialog)
    dialog.choose("Lives with her daughter")
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()
    service = main_window.service
    chart = main_window.tasks.run_db_blocking(lambda: service.charts.chart(pid, audit_view=False))
    item = next(i for i in chart.board if i.question.code == row.item.question.code)
    assert item.answer is None


def test_correct_an_answer_from_the_board(qtbot, main_window: MainWindow) -> None:
    for r in range(main_window.ward_panel.ward_proxy.rowCount()):
        _open_row(qtbot, main_window, r)
        if any(
            x.item.state is AnswerState.VALID
            and x.item.question.answer_type is AnswerType.FREE_TEXT
            for x in main_window.patient_view.board.rows
        ):
            break
    row = _board_row(main_window, AnswerState.VALID)
    code = row.item.question.code
    row.buttons["correct"].click()
    dialog = _shown(main_window.patient_view.board, AnswerDialog)
    dialog.choose("Corrected: lives alone")
    with (
        qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000),
        qtbot.wait_signal(dialog.finished),
    ):
        dialog.accept()
    after = _after(main_window, code)
    assert after.item.answer is not None
    assert after.item.answer.value == "Corrected: lives alone"
    assert after.item.answer.unsent


def test_entered_in_error_asks_why_then_the_question_is_open_again(
    qtbot, main_window: MainWindow
) -> None:
    _open_row(qtbot, main_window, 0)
    row = _board_row(main_window, AnswerState.VALID)
    code = row.item.question.code
    row.buttons["error"].click()
    dialog = _shown(main_window.patient_view.board, ErrorReasonDialog)
    dialog.setTextValue("recorded for the wrong patient")
    with (
        qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000),
        qtbot.wait_signal(dialog.finished),
    ):
        dialog.accept()
    assert _after(main_window, code).item.state is AnswerState.NEVER_ASKED


def test_a_half_typed_answer_is_kept_across_a_lock_and_reopens(
    qtbot, main_window: MainWindow
) -> None:
    pid = _open_row(qtbot, main_window, 0)
    row = _board_row(main_window, AnswerState.NEVER_ASKED)
    code = row.item.question.code
    row.buttons["record"].click()
    dialog = _shown(main_window.patient_view.board, AnswerDialog)
    dialog.choose("Lives with her")
    with qtbot.wait_signal(dialog.finished):
        draft = main_window.capture_draft()  # what the lock does first
    assert draft is not None
    assert (draft["kind"], draft["patient_id"], draft["ref"]) == ("answer", pid, code)
    assert drafts.open_editor() is None
    _open_row(qtbot, main_window, 1)  # after the unlock the window starts elsewhere
    try:
        with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
            main_window.restore_draft(draft)
        reopened = drafts.open_editor()
        assert isinstance(reopened, AnswerDialog)
        assert reopened.question.code == code
        assert reopened.result_value() == "Lives with her"
        with qtbot.wait_signal(reopened.finished):
            reopened.reject()
    finally:
        drafts.KEEPER.pending = None


def test_reload_from_the_menu_reads_the_cache_again(qtbot, main_window: MainWindow) -> None:
    panel = main_window.ward_panel
    first = panel.ward_model.record(0)
    code = next(
        q.code
        for q in main_window.service.catalog.questions
        if q.answer_type is AnswerType.FREE_TEXT
    )
    service = main_window.service
    main_window.tasks.run_db_blocking(  # a change the window has not been told about
        lambda: service.answers.record(first.patient.id, code, "lives alone", Source.PATIENT)
    )
    main_window.menus.reload.trigger()
    qtbot.wait_until(
        lambda: panel.ward_model.record(0).unsent_changes == first.unsent_changes + 1,
        timeout=10_000,
    )


def test_confirm_a_due_answer_is_one_click(qtbot, main_window: MainWindow) -> None:
    for r in range(main_window.ward_panel.ward_proxy.rowCount()):
        _open_row(qtbot, main_window, r)
        due = [x for x in main_window.patient_view.board.rows if x.item.state is AnswerState.DUE]
        if due:
            break
    else:
        raise AssertionError("the demo ward should have an answer due for re-confirmation")
    code = due[0].item.question.code
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        due[0].buttons["confirm"].click()
    after = next(x for x in main_window.patient_view.board.rows if x.item.question.code == code)
    assert after.item.state is AnswerState.VALID
    assert after.item.answer is not None
    assert after.item.answer.history[-1].provenance.recorded_by.display_name == "Demo Nurse"


def test_search_finds_a_medication_and_opens_the_patient(qtbot, main_window: MainWindow) -> None:
    service = main_window.service

    def first_medication():
        for row in service.charts.ward():
            meds = service.repo.medications(row.patient.id)
            if meds:
                return row.patient, meds[0]
        raise AssertionError("the demo ward should have home medications")

    med_patient, med = main_window.tasks.run_db_blocking(first_medication)
    main_window.ward_panel.search_box.setText(med.name)
    qtbot.wait_until(lambda: main_window.ward_panel.left_stack.currentIndex() == 1, timeout=10_000)
    qtbot.wait_until(lambda: main_window.ward_panel.results_model.rowCount() > 0, timeout=10_000)
    shown = [
        main_window.ward_panel.results_model.index(r).data()
        for r in range(main_window.ward_panel.results_model.rowCount())
    ]
    assert any(med.name in text and med_patient.family_name in text for text in shown)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        qtbot.keyClick(main_window.ward_panel.search_box, Qt.Key.Key_Return)
    qtbot.keyClick(main_window.ward_panel.search_box, Qt.Key.Key_Escape)
    assert main_window.ward_panel.left_stack.currentIndex() == 0


def test_every_button_has_an_accessible_name(qtbot, main_window: MainWindow) -> None:
    _open_row(qtbot, main_window, 0)
    unnamed = [
        b.text()
        for b in main_window.findChildren(QtWidgets.QAbstractButton)
        if b.isVisibleTo(main_window) and not b.accessibleName() and not b.text().strip()
    ]
    assert unnamed == []
    for row in main_window.patient_view.board.rows:
        for button in row.buttons.values():
            assert row.item.question.label in button.accessibleName()


def test_search_results_model_passes_qt_model_tester(qtbot, qtmodeltester, main_window) -> None:
    main_window.ward_panel.search_box.setText("bed")  # every patient in a bed
    qtbot.wait_until(lambda: main_window.ward_panel.results_model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(main_window.ward_panel.results_model)


def test_an_unknown_search_says_so(qtbot, main_window: MainWindow) -> None:
    main_window.ward_panel.search_box.setText("zzqqxx")
    qtbot.wait_until(lambda: main_window.ward_panel.left_stack.currentIndex() == 1, timeout=10_000)
    assert main_window.ward_panel.results_model.rowCount() == 0
    assert "No patient matches" in main_window.ward_panel.results_title.text()


def test_first_run_window_names_what_is_missing_and_offers_the_demo(qtbot) -> None:
    from ui.workstation.first_run import FirstRunWindow

    window = FirstRunWindow(["FHIR server (fhir_server_url)"], "/etc/askonce/policy.json")
    qtbot.add_widget(window)
    texts = " ".join(label.text() for label in window.findChildren(QtWidgets.QLabel))
    assert "fhir_server_url" in texts
    assert "/etc/askonce/policy.json" in texts
    with qtbot.wait_signal(window.sig_demo_requested):
        window.demo_button.click()


def test_an_error_is_shown_without_stopping_the_window(qtbot, main_window: MainWindow) -> None:
    main_window.tasks.sig_error.emit(KnownError("The disk is full."))
    box = _shown(main_window, QtWidgets.QMessageBox)  # open, and this test goes on
    assert box.icon() is QtWidgets.QMessageBox.Icon.Warning
    assert "The disk is full." in box.text()
    # The box does not hold the task manager: "busy" ends while it is still up (work the
    # window started itself may still be finishing, hence wait rather than assert at once).
    qtbot.wait_until(lambda: not main_window.tasks.busy, timeout=10_000)
    assert box.isVisible()
    with qtbot.wait_signal(box.finished):
        box.accept()


def test_help_lists_the_shortcuts_and_about_names_the_version(
    qtbot, main_window: MainWindow
) -> None:
    main_window.menus.shortcuts.trigger()
    box = _shown(main_window, QtWidgets.QMessageBox)
    assert "Ctrl+F  search all patients" in box.text()
    assert "Ctrl+L" not in box.text()  # the demo cannot be locked
    with qtbot.wait_signal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    main_window.menus.about.trigger()
    box = _shown(main_window, QtWidgets.QMessageBox)
    assert __version__ in box.text()
    with qtbot.wait_signal(box.finished):
        box.accept()
