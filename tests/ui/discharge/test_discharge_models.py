"""The Discharge tab's four table models pass Qt's model tester over the whole demo ward.

The tab shows every demo patient in turn (plans with and without appointments, overdue
items, stopped medications, agencies, a helper at home, an unsent edit), and Qt's tester
checks each model as filled. The tester only looks at the first cell's roles;
``_every_cell_answers_in_kind`` holds every cell to the same rules.
"""

from __future__ import annotations

from typing import Any

from app.discharge import TaskStatus
from tests.ui.discharge.helpers import find_view, open_on_discharge_tab, row_for, shown
from ui.base.table_model import RecordTableModel
from ui.discharge.tab import DischargeTab
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtCore, QtGui

Role = Qt.ItemDataRole
_TEXT_ROLES = (Role.DisplayRole, Role.ToolTipRole, Role.StatusTipRole, Role.WhatsThisRole)
_BRUSH_ROLES = (Role.BackgroundRole, Role.ForegroundRole)
_ALIGNMENTS = int(Qt.AlignmentFlag.AlignHorizontal_Mask | Qt.AlignmentFlag.AlignVertical_Mask)


def _models(tab: DischargeTab) -> list[RecordTableModel[Any, Any]]:
    return [tab.checklist.model, tab.medications.model, tab.contacts.model, tab.follow_up.model]


def _every_cell_answers_in_kind(model: RecordTableModel[Any, Any]) -> None:
    """The tester's rules for cell (0, 0), on every cell; and a header for every column."""
    name = type(model).__name__
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            where = f"{name} ({row}, {column})"
            assert index.isValid(), where
            assert model.flags(index) & Qt.ItemFlag.ItemIsEnabled, where
            for role in _TEXT_ROLES:
                value = index.data(role)
                assert value is None or isinstance(value, str), (where, role)
            for role in _BRUSH_ROLES:
                value = index.data(role)
                assert value is None or isinstance(value, QtGui.QBrush | QtGui.QColor), (
                    where,
                    role,
                )
            font = index.data(Role.FontRole)
            assert font is None or isinstance(font, QtGui.QFont), where
            size = index.data(Role.SizeHintRole)
            assert size is None or isinstance(size, QtCore.QSize), where
            alignment = index.data(Role.TextAlignmentRole)
            assert alignment is None or int(alignment) == int(alignment) & _ALIGNMENTS, where
            assert index.data(Role.CheckStateRole) is None, where
            assert index.data(Role.DecorationRole) is None, where
            assert model.rowCount(index) == 0, where  # a table: no children
    for column in range(model.columnCount()):
        assert isinstance(model.headerData(column, Qt.Orientation.Horizontal), str), name


def test_the_four_tab_models_pass_the_model_tester_on_every_demo_patient(
    qtbot, qtmodeltester, main_window: MainWindow
) -> None:
    tab = main_window.patient_view.discharge
    first = find_view(main_window, lambda v: v.plan is not None)
    open_on_discharge_tab(qtbot, main_window, first.patient.id)
    # An unsent edit too: the amber mark's roles.
    task = next(t for t in shown(main_window).tasks if t.status is TaskStatus.TODO)
    tab.checklist.table.selectRow(row_for(tab.checklist.model, task.id))
    with qtbot.wait_signal(tab.sig_view_shown, timeout=10_000):
        tab.checklist.toggle_done()

    service = main_window.service
    patients = main_window.tasks.run_db_blocking(
        lambda: [r.patient.id for r in service.charts.ward()]
    )
    seen = {type(m).__name__: 0 for m in _models(tab)}
    for patient_id in patients:
        with qtbot.wait_signal(tab.sig_view_shown, timeout=10_000):
            main_window.open_patient(patient_id)
        for model in _models(tab):
            qtmodeltester.check(model)
            _every_cell_answers_in_kind(model)
            seen[type(model).__name__] += model.rowCount()
    assert all(seen.values()), seen  # the demo filled every model at least once
