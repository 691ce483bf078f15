"""The History tab: who changed what in the chart, newest first, with a filter."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

from app.domain import HistoryEntry
from app.services import PatientChart
from ui.qt import Qt, QtCore, QtWidgets
from ui.style import local_datetime, relative_time, source_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryColumn(enum.IntEnum):
    WHEN = 0
    WHO = 1
    AREA = 2
    WHAT = 3
    CHANGE = 4
    SOURCE = 5


# Actions the arrow alone does not explain; additions and plain edits need no word.
_SPOKEN_ACTIONS = ("confirmed", "entered-in-error", "stopped", "removed")


class HistoryTableModel(QtCore.QAbstractTableModel):
    """One row per history line, in the order given (the chart has them newest first)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []
        self._headers = {
            HistoryColumn.WHEN: self.tr("When"),
            HistoryColumn.WHO: self.tr("Who"),
            HistoryColumn.AREA: self.tr("Area"),
            HistoryColumn.WHAT: self.tr("What"),
            HistoryColumn.CHANGE: self.tr("Change"),
            HistoryColumn.SOURCE: self.tr("Source"),
        }

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        return self._entries[row]

    def rowCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HistoryColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[HistoryColumn(section)]
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = HistoryColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SORT_ROLE:
            if column is HistoryColumn.WHEN:
                return entry.at.isoformat()
            return self._display(entry, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is HistoryColumn.WHEN:
                return relative_time(entry.at)
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
            }[entry.area]
        if column is HistoryColumn.WHAT:
            return entry.subject
        if column is HistoryColumn.CHANGE:
            return self._change(entry)
        return source_text(entry.source) if entry.source is not None else ""

    def _change(self, entry: HistoryEntry) -> str:
        change = f"{entry.old_value} → {entry.new_value}" if entry.old_value else entry.new_value
        if entry.action not in _SPOKEN_ACTIONS:
            return change
        action = {
            "confirmed": self.tr("confirmed"),
            "entered-in-error": self.tr("entered in error"),
            "stopped": self.tr("stopped"),
            "removed": self.tr("removed"),
        }[entry.action]
        return f"{action}: {change}" if change else action


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

        self.table = QtWidgets.QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryColumn.CHANGE, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HistoryColumn.WHEN, Qt.SortOrder.DescendingOrder)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.filter_edit, self.table)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

    def show_chart(self, chart: PatientChart) -> None:
        self.model.set_entries(chart.history)
