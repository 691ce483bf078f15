"""The main window as a nurse uses it: ward list, open a patient, record, search — by keyboard."""

from __future__ import annotations

from app.domain import AnswerState, AnswerType
from ui.chart.answer_dialog import AnswerDialog
from ui.mainwindow.ward_model import WardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets


def _open_row(qtbot, window: MainWindow, row: int) -> str:
    index = window.ward_proxy.index(row, WardColumn.NAME)
    with qtbot.wait_signal(window.sig_chart_shown, timeout=10_000) as blocker:
        window.ward_view.setCurrentIndex(index)
    return str(blocker.args[0])


def test_demo_window_shows_the_ward_and_demo_marks(main_window: MainWindow) -> None:
    assert main_window.ward_proxy.rowCount() == 16
    assert "DEMO" in main_window.windowTitle()
    banner = main_window.findChild(QtWidgets.QLabel, "demoBanner")
    assert banner is not None
    assert banner.isVisible()
    assert "change" in main_window.sync_status.text()  # the demo has offline edits waiting


def test_ward_model_passes_qt_model_tester(qtmodeltester, main_window: MainWindow) -> None:
    qtmodeltester.check(main_window.ward_model)
    qtmodeltester.check(main_window.ward_proxy)


def test_ward_list_sorts_by_open_questions(main_window: MainWindow) -> None:
    main_window.ward_view.sortByColumn(WardColumn.OPEN, Qt.SortOrder.DescendingOrder)
    proxy = main_window.ward_proxy
    values = [
        main_window.ward_model.record(proxy.mapToSource(proxy.index(r, 0)).row()).open_questions
        for r in range(proxy.rowCount())
    ]
    assert values == sorted(values, reverse=True)


def test_ward_filter_narrows_by_bed_or_name(main_window: MainWindow) -> None:
    first = main_window.ward_model.record(0).patient
    main_window.ward_filter.setText(first.family_name[:4])
    assert 1 <= main_window.ward_proxy.rowCount() < 16
    main_window.ward_filter.clear()
    assert main_window.ward_proxy.rowCount() == 16


def test_keyboard_moves_between_patients(qtbot, main_window: MainWindow) -> None:
    first = _open_row(qtbot, main_window, 0)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000) as blocker:
        main_window.ward_view.setFocus()
        qtbot.keyClick(main_window.ward_view, Qt.Key.Key_Down)
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


def test_record_an_answer_from_the_board(qtbot, main_window: MainWindow, monkeypatch) -> None:
    pid = _open_row(qtbot, main_window, 0)
    board = main_window.patient_view.board
    row = next(
        r
        for r in board.rows
        if r.item.state is AnswerState.NEVER_ASKED
        and r.item.question.answer_type is AnswerType.FREE_TEXT
    )
    code = row.item.question.code

    def fake_exec(dialog: AnswerDialog) -> int:
        dialog.choose("Lives with her daughter")
        return QtWidgets.QDialog.DialogCode.Accepted

    monkeypatch.setattr(AnswerDialog, "exec", fake_exec)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        row.buttons["record"].click()
    after = next(r for r in main_window.patient_view.board.rows if r.item.question.code == code)
    assert after.item.state is AnswerState.VALID
    assert after.item.answer is not None
    assert after.item.answer.unsent
    assert main_window.patient_view.chart is not None
    assert main_window.patient_view.chart.patient.id == pid
    history = main_window.patient_view.chart.history
    assert history[0].new_value == "Lives with her daughter"


def test_confirm_a_due_answer_is_one_click(qtbot, main_window: MainWindow) -> None:
    for r in range(main_window.ward_proxy.rowCount()):
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
        for row in service.ward():
            meds = service.repo.medications(row.patient.id)
            if meds:
                return row.patient, meds[0]
        raise AssertionError("the demo ward should have home medications")

    med_patient, med = main_window.tasks.run_db_blocking(first_medication)
    main_window.search_box.setText(med.name)
    qtbot.wait_until(lambda: main_window.left_stack.currentIndex() == 1, timeout=10_000)
    qtbot.wait_until(lambda: main_window.results_model.rowCount() > 0, timeout=10_000)
    shown = [
        main_window.results_model.index(r).data()
        for r in range(main_window.results_model.rowCount())
    ]
    assert any(med.name in text and med_patient.family_name in text for text in shown)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        qtbot.keyClick(main_window.search_box, Qt.Key.Key_Return)
    qtbot.keyClick(main_window.search_box, Qt.Key.Key_Escape)
    assert main_window.left_stack.currentIndex() == 0


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
    main_window.search_box.setText("a")
    qtbot.wait_until(lambda: main_window.results_model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(main_window.results_model)


def test_an_unknown_search_says_so(qtbot, main_window: MainWindow) -> None:
    main_window.search_box.setText("zzqqxx")
    qtbot.wait_until(lambda: main_window.left_stack.currentIndex() == 1, timeout=10_000)
    assert main_window.results_model.rowCount() == 0
    assert "No patient matches" in main_window.results_title.text()


def test_first_run_window_names_what_is_missing_and_offers_the_demo(qtbot) -> None:
    from ui.workstation.first_run import FirstRunWindow

    window = FirstRunWindow(["FHIR server (fhir_server_url)"], "/etc/askonce/policy.json")
    qtbot.add_widget(window)
    texts = " ".join(label.text() for label in window.findChildren(QtWidgets.QLabel))
    assert "fhir_server_url" in texts
    assert "/etc/askonce/policy.json" in texts
    with qtbot.wait_signal(window.sig_demo_requested):
        window.demo_button.click()
