"""The discharge readiness board as a coordinator uses it: sort, filter, window, Enter to open."""

from __future__ import annotations

from datetime import date

from app.discharge import TaskStatus
from app.domain import Role
from tests.ui.discharge.helpers import (
    fresh_view,
    load_board,
    open_on_discharge_tab,
    opened_dialog,
    row_for,
    row_of,
    shown,
)
from ui.base.table_model import RECORD_ID_ROLE, SORT_ROLE
from ui.discharge.dialogs import PlanDialog
from ui.discharge.readiness_board import OVERDUE_ROLE, BoardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets


def _column(window: MainWindow, column: BoardColumn, role: int = Qt.ItemDataRole.DisplayRole):
    proxy = window.discharge_board.proxy
    return [proxy.index(r, column).data(role) for r in range(proxy.rowCount())]


def test_board_model_passes_qt_model_tester(qtbot, qtmodeltester, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    assert main_window.discharge_board.model.rowCount() > 5
    qtmodeltester.check(main_window.discharge_board.model)
    qtmodeltester.check(main_window.discharge_board.proxy)


def test_most_urgent_first_and_overdue_in_words(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    board = main_window.discharge_board
    dates = [
        board.model.record(board.proxy.mapToSource(board.proxy.index(r, 0)).row())
        for r in range(board.proxy.rowCount())
    ]
    expected = [r.expected_date or date.max for r in dates]
    assert expected == sorted(expected)  # soonest discharge first

    overdue_rows = [
        r for r, flag in enumerate(_column(main_window, BoardColumn.DATE, OVERDUE_ROLE)) if flag
    ]
    assert overdue_rows, "the demo ward has overdue checklist items"
    for row in overdue_rows:
        readiness = board.proxy.index(row, BoardColumn.READINESS)
        blockers = board.proxy.index(row, BoardColumn.BLOCKERS)
        # Never colour alone: the glyph and the word are in the text.
        assert "⚠" in readiness.data()
        assert "overdue" in readiness.data()
        assert blockers.data().startswith("⚠")
        assert readiness.data(Qt.ItemDataRole.BackgroundRole) is not None
        assert "overdue" in readiness.data(Qt.ItemDataRole.AccessibleTextRole)


def test_sorting_by_readiness_and_blockers(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    view = main_window.discharge_board.view
    view.sortByColumn(BoardColumn.MEDICATIONS, Qt.SortOrder.DescendingOrder)
    keys = _column(main_window, BoardColumn.MEDICATIONS, SORT_ROLE)
    assert keys == sorted(keys, reverse=True)
    view.sortByColumn(BoardColumn.READINESS, Qt.SortOrder.AscendingOrder)
    keys = _column(main_window, BoardColumn.READINESS, SORT_ROLE)
    assert keys == sorted(keys)
    assert keys[0][0] < 0  # the most overdue items come first


def test_filter_and_hide_ready(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    board = main_window.discharge_board
    total = board.proxy.rowCount()
    first = board.model.record(0)
    board.filter_edit.setText(first.name.split(",")[0])
    assert 1 <= board.proxy.rowCount() < total
    assert first.patient_id in _column(main_window, BoardColumn.NAME, RECORD_ID_ROLE)
    board.filter_edit.setText("transport")  # a blocker
    assert 0 < board.proxy.rowCount() < total
    assert all("Transport" in b for b in _column(main_window, BoardColumn.BLOCKERS))
    board.filter_edit.clear()
    board.hide_ready_check.setChecked(True)
    shown = board.proxy.rowCount()
    assert shown < total
    assert "shown" in board.count_label.text()
    board.hide_ready_check.setChecked(False)
    assert board.proxy.rowCount() == total


def test_window_narrows_the_board(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    everyone = main_window.discharge_board.model.rowCount()
    load_board(qtbot, main_window, 0)
    today_only = main_window.discharge_board.model.rowCount()
    assert today_only < everyone
    today = main_window.service.today()
    for r in range(today_only):
        day = main_window.discharge_board.model.record(r).expected_date
        assert day is not None
        assert day <= today


def test_enter_opens_the_patient_on_the_discharge_tab(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    board = main_window.discharge_board
    # Keyboard only: Ctrl+B, arrow down to the second row, Enter.
    main_window.activateWindow()
    main_window.board_page_action.trigger()
    assert main_window.pages.currentWidget() is board
    qtbot.keyClick(board.view, Qt.Key.Key_Down)
    patient_id = board.current_patient_id()
    assert patient_id is not None
    assert board.view.currentIndex().row() == row_of(main_window, patient_id)
    tab = main_window.patient_view.discharge
    with qtbot.wait_signal(tab.sig_view_shown, timeout=10_000) as signal:
        qtbot.keyClick(board.view, Qt.Key.Key_Return)
    assert signal.args == [patient_id]
    assert main_window.pages.currentWidget() is main_window.splitter
    assert main_window.patient_view.tabs.currentWidget() is tab
    assert tab.view is not None
    assert shown(main_window).patient.id == patient_id
    assert main_window.patient_view.banner.name.text().startswith(
        shown(main_window).patient.family_name
    )
    assert tab.checklist.table.hasFocus()  # keyboard lands on the checklist


def test_double_click_opens_too(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    main_window.show_board()
    board = main_window.discharge_board
    index = board.proxy.index(2, BoardColumn.NAME)
    tab = main_window.patient_view.discharge
    with qtbot.wait_signal(tab.sig_view_shown, timeout=10_000) as signal:
        board.view.doubleClicked.emit(index)
    assert signal.args == [index.data(RECORD_ID_ROLE)]


def test_role_decides_what_shows_first(qtbot, main_window: MainWindow) -> None:
    assert main_window.role is Role.NURSE
    assert main_window.pages.currentWidget() is main_window.splitter
    main_window.coordinator_action.trigger()  # the demo's switch
    assert Role(main_window.role) is Role.COORDINATOR
    assert main_window.pages.currentWidget() is main_window.discharge_board
    assert main_window.patient_view.tabs.currentWidget() is main_window.patient_view.discharge
    main_window.role = Role.NURSE  # as sign-in sets it
    assert not main_window.coordinator_action.isChecked()
    assert main_window.pages.currentWidget() is main_window.splitter
    assert main_window.patient_view.tabs.currentWidget() is main_window.patient_view.board


def test_board_refreshes_after_an_edit(qtbot, main_window: MainWindow) -> None:
    load_board(qtbot, main_window, None)
    board = main_window.discharge_board
    row = next(r for r in range(board.model.rowCount()) if board.model.record(r).readiness.open)
    patient_id = board.model.record(row).patient_id
    before = board.model.record(row).readiness.done
    open_on_discharge_tab(qtbot, main_window, patient_id)
    tab = main_window.patient_view.discharge
    task = next(t for t in shown(main_window).tasks if t.status is TaskStatus.TODO)
    tab.checklist.table.selectRow(row_for(tab.checklist.model, task.id))
    with qtbot.wait_signal(board.sig_loaded, timeout=10_000):
        tab.checklist.toggle_done()
    after = board.model.record(row_for(board.model, patient_id)).readiness.done
    assert after == before + 1
    assert fresh_view(main_window, patient_id).readiness.done == before + 1


def test_board_controls_have_accessible_names(main_window: MainWindow) -> None:
    board = main_window.discharge_board
    for widget in board.findChildren(QtWidgets.QWidget):
        if isinstance(
            widget,
            QtWidgets.QAbstractButton
            | QtWidgets.QComboBox
            | QtWidgets.QLineEdit
            | QtWidgets.QTableView,
        ) and widget.isVisibleTo(board):
            if isinstance(widget, QtWidgets.QLineEdit) and isinstance(
                widget.parent(), QtWidgets.QComboBox
            ):
                continue
            assert widget.accessibleName(), widget


def test_patients_without_a_plan_are_one_choice_away(qtbot, main_window: MainWindow) -> None:
    board = main_window.discharge_board
    service = main_window.service
    main_window.show_board()
    load_board(qtbot, main_window, None)

    def unplanned() -> set[str]:
        return {
            row.patient.id
            for row in service.charts.ward()
            if service.discharge.plan_of(row.patient.id) is None
        }

    expected = main_window.tasks.run_db_blocking(unplanned)
    assert expected, "the demo ward has patients without a plan"
    assert f"{len(expected)} without a plan" in board.count_label.text()

    with qtbot.wait_signal(board.sig_loaded, timeout=10_000):
        board.show_unplanned()
    assert {board.model.record(r).patient_id for r in range(board.model.rowCount())} == expected
    assert set(_column(main_window, BoardColumn.DATE)) == {"no plan yet"}
    assert set(_column(main_window, BoardColumn.READINESS)) == {"—"}
    assert not board.hide_ready_check.isEnabled()
    assert f"{len(expected)} patients without a discharge plan" in board.count_label.text()

    # "Start plan…" opens the patient's Discharge tab with the new-plan dialog over it; once
    # the plan is saved, the patient leaves the list.
    assert board.start_plan_button.isVisible()
    patient_id = board.model.record(0).patient_id
    board.select_patient(patient_id)
    tab = main_window.patient_view.discharge
    with qtbot.wait_signal(tab.sig_view_shown, timeout=10_000):
        qtbot.mouseClick(board.start_plan_button, Qt.MouseButton.LeftButton)
    assert shown(main_window).patient.id == patient_id
    dialog = opened_dialog(qtbot, tab, PlanDialog)
    with (
        qtbot.wait_signal(tab.sig_view_shown, timeout=10_000),
        qtbot.wait_signal(dialog.finished),
    ):
        dialog.accept()
    assert fresh_view(main_window, patient_id).plan is not None
    main_window.show_board()
    load_board(qtbot, main_window, None)  # back to "any date": the new plan is there
    assert row_of(main_window, patient_id) >= 0
    with qtbot.wait_signal(board.sig_loaded, timeout=10_000):
        board.show_unplanned()
    assert patient_id not in {
        board.model.record(r).patient_id for r in range(board.model.rowCount())
    }
