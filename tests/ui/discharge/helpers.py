"""What the discharge UI tests share: find a demo patient, open it the way a coordinator does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from app.services import DischargeView
from ui.base.table_model import RECORD_ID_ROLE, RecordTableModel
from ui.discharge.readiness_board import BoardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets

D = TypeVar("D", bound=QtWidgets.QDialog)


def find_view(window: MainWindow, wanted: Callable[[DischargeView], bool]) -> DischargeView:
    """The discharge view of the first demo patient (by bed) that fits; the demo is seeded."""
    service = window.service

    def search() -> DischargeView | None:
        for row in sorted(service.charts.ward(), key=lambda r: r.patient.bed):
            view = service.discharge.view(row.patient.id)
            if wanted(view):
                return view
        return None

    view = window.tasks.run_db_blocking(search)
    assert view is not None, "the demo ward should have such a patient"
    return view


def fresh_view(window: MainWindow, patient_id: str) -> DischargeView:
    """What the cache holds now (read on the DB worker, as the app does)."""
    service = window.service
    return window.tasks.run_db_blocking(lambda: service.discharge.view(patient_id))


def load_board(qtbot, window: MainWindow, days: int | None = None) -> None:
    board = window.discharge_board
    with qtbot.wait_signal(board.sig_loaded, timeout=10_000):
        if board.window_days == days and not board.unplanned:
            board.reload()
        else:
            board.set_window_days(days)


def open_on_discharge_tab(qtbot, window: MainWindow, patient_id: str) -> None:
    """Board (all dates), select the patient's row, Enter: lands on the Discharge tab."""
    window.show_board()
    load_board(qtbot, window, None)
    board = window.discharge_board
    board.select_patient(patient_id)
    assert board.current_patient_id() == patient_id
    tab = window.patient_view.discharge
    with qtbot.wait_signal(tab.sig_view_shown, timeout=10_000) as shown:
        board.view.setFocus()
        qtbot.keyClick(board.view, Qt.Key.Key_Return)
    assert shown.args == [patient_id]


def row_of(window: MainWindow, patient_id: str) -> int:
    """The board's proxy row showing the patient."""
    board = window.discharge_board
    for row in range(board.proxy.rowCount()):
        if board.proxy.index(row, BoardColumn.NAME).data(RECORD_ID_ROLE) == patient_id:
            return row
    raise AssertionError("patient not on the board")


def shown(window: MainWindow) -> DischargeView:
    """The discharge view on screen (the test opened one)."""
    view = window.patient_view.discharge.view
    assert view is not None
    return view


def row_for(model: RecordTableModel[Any, Any], record_id: str) -> int:
    row = model.row_for(record_id)
    assert row is not None
    return row


def opened_dialog(qtbot, parent: QtWidgets.QWidget, kind: type[D]) -> D:
    """The dialog of ``kind`` that a click just opened over ``parent``.

    It is on screen and window-modal, and the click has returned already: dialogs open
    with ``open()``, never in an event loop of their own (``exec()``).
    """
    dialog = parent.findChild(kind)
    assert dialog is not None, f"no {kind.__name__} open"
    qtbot.add_widget(dialog)
    assert dialog.isVisible()
    assert dialog.windowModality() is Qt.WindowModality.WindowModal
    return dialog
