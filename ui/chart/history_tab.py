"""The History tab: who changed what in the chart, newest first, with a filter."""

from __future__ import annotations

import enum
from typing import Any

from app.domain import HistoryEntry
from app.services import PatientChart
from ui.base.style import local_datetime, relative_time
from ui.base.table_model import SORT_ROLE, RecordTableModel
from ui.base.words import source_text
from ui.chart.record_tab import record_table
from ui.qt import Qt, QtCore, QtWidgets


class HistoryColumn(enum.IntEnum):
    WHEN = 0
    WHO = 1
    AREA = 2
    WHAT = 3
    CHANGE = 4
    SOURCE = 5


# Actions the arrow alone does not explain; additions and plain edits need no word.
_SPOKEN_ACTIONS = ("confirmed", "entered-in-error", "stopped", "removed")


def change_text(action: str, old_value: str, new_value: str) -> str:
    """A change in words: "old → new", with the action where the arrow does not say it."""
    change = f"{old_value} → {new_value}" if old_value else new_value
    if action not in _SPOKEN_ACTIONS:
        return change
    translate = QtCore.QCoreApplication.translate
    word = {
        "confirmed": translate("HistoryTableModel", "confirmed"),
        "entered-in-error": translate("HistoryTableModel", "entered in error"),
        "stopped": translate("HistoryTableModel", "stopped"),
        "removed": translate("HistoryTableModel", "removed"),
    }[action]
    return f"{word}: {change}" if change else word


class HistoryTableModel(RecordTableModel[HistoryEntry, HistoryColumn]):
    """One row per history line, in the order given (the chart has them newest first)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(HistoryColumn, parent=parent)
        self._set_headers(
            {
                HistoryColumn.WHEN: self.tr("When"),
                HistoryColumn.WHO: self.tr("Who"),
                HistoryColumn.AREA: self.tr("Area"),
                HistoryColumn.WHAT: self.tr("What"),
                HistoryColumn.CHANGE: self.tr("Change"),
                HistoryColumn.SOURCE: self.tr("Source"),
            }
        )

    def cell_data(self, entry: HistoryEntry, column: HistoryColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SORT_ROLE:
            if column is HistoryColumn.WHEN:
                return entry.at.isoformat()
            return self._display(entry, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is HistoryColumn.WHEN:
                return relative_time(entry.at, self.as_of)
            if column is HistoryColumn.CHANGE:
                return self._display(entry, column)  # long values are cut off in the cell
        return None

    def _display(self, entry: HistoryEntry, column: HistoryColumn) -> str:
        if column is HistoryColumn.WHEN:
            return local_datetime(entry.at)
        if column is HistoryColumn.WHO:
            return entry.actor.display_name
        if column is HistoryColumn.AREA:
            return {
                "answer": self.tr("Answer"),
                "medication": self.tr("Medication"),
                "contact": self.tr("Contact"),
                "discharge": self.tr("Discharge"),
            }.get(entry.area, entry.area)
        if column is HistoryColumn.WHAT:
            return entry.subject
        if column is HistoryColumn.CHANGE:
            return self._change(entry)
        return source_text(entry.source) if entry.source is not None else ""

    def _change(self, entry: HistoryEntry) -> str:
        return change_text(entry.action, entry.old_value, entry.new_value)


class HistoryTab(QtWidgets.QWidget):
    """The chart's change history with a filter across all columns."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryTableModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter_edit = QtWidgets.QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter history"))
        self.filter_edit.setAccessibleName(self.tr("Filter history"))
        self.filter_edit.setToolTip(self.tr("Show only lines containing this text"))
        self.filter_edit.setClearButtonEnabled(True)

        self.table = record_table(
            self.proxy,
            self.tr("Change history"),
            HistoryColumn.CHANGE,
            self,
            sort_order=Qt.SortOrder.DescendingOrder,  # newest first
        )

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.filter_edit, self.table)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

    def show_chart(self, chart: PatientChart) -> None:
        self.model.set_records(chart.history, chart.as_of)
