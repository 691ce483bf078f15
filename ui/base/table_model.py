"""The part every record table shares: a list of records, one per row, under named columns.

``RecordTableModel`` keeps the records, finds a record's row by id, counts rows and
columns and answers the header; a concrete model (ward list, medications, contacts,
history) only says what each cell shows. Also here: the roles the record tables and
their proxies agree on, and the cell looks the chart tables share.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Generic, TypeVar

from app.domain import bed_sort_key as bed_sort_key
from ui.base.style import unsent_color
from ui.qt import Qt, QtCore, QtGui, QtWidgets

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Each cell's natural sort key (a number, an ISO date, casefolded text); proxies sort on it."""

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The id of the row's record, on every cell of the row."""

R = TypeVar("R")


C = TypeVar("C", bound=enum.IntEnum)


class RecordTableModel(QtCore.QAbstractTableModel, Generic[R, C]):
    """Read-only rows over a list of records, one column per member of the ``columns`` enum.

    Subclasses call ``_set_headers`` in their ``__init__`` and implement ``cell_data``.
    ``record_id`` gives a record's id for ``row_for`` and ``RECORD_ID_ROLE``; leave it
    ``None`` for records without one.
    """

    def __init__(
        self,
        columns: type[C],
        record_id: Callable[[R], str] | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._record_id = record_id
        self._records: list[R] = []
        self._headers: Mapping[C, str] = {}
        self._header_tips: Mapping[C, str] = {}
        self.as_of: datetime | None = None
        """The instant the records were read: what "today 14:05" and "overdue" count from."""
        self._marks: Mapping[str, str] = {}

    def _set_headers(self, headers: Mapping[C, str], tips: Mapping[C, str] | None = None) -> None:
        # The subclass translates the texts: tr() files them under the class that calls it.
        self._headers = headers
        self._header_tips = tips or {}

    def set_records(self, records: Iterable[R], as_of: datetime | None = None) -> None:
        """Show ``records``, read at ``as_of`` (``PatientChart.as_of``, one clock for all)."""
        self.beginResetModel()
        self._records = list(records)
        self.as_of = as_of
        self.endResetModel()

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Mark records by id with a "●" before the first column and ``marks[id]`` in its
        tooltip and spoken text ("New from Leyla Demir, 10:42"): a colleague's change is
        never silent. Kept until the next call."""
        self._marks = dict(marks)
        if self._records:
            last = self.index(len(self._records) - 1, 0)
            self.dataChanged.emit(self.index(0, 0), last)

    def record(self, row: int) -> R:
        return self._records[row]

    def row_for(self, record_id: str) -> int | None:
        """The row of the record with this id, or ``None`` when it is not listed."""
        if self._record_id is None:
            raise TypeError(f"{type(self).__name__} has no record ids")
        key = self._record_id
        return next((i for i, r in enumerate(self._records) if key(r) == record_id), None)

    def rowCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(column)
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == RECORD_ID_ROLE and self._record_id is not None:
            return self._record_id(record)
        value = self.cell_data(record, self._columns(index.column()), role)
        mark = self._marks.get(self._record_id(record)) if self._record_id and self._marks else None
        if mark is None or index.column() != 0:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return f"● {value}" if value else "●"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            shown = value or self.cell_data(record, self._columns(0), Qt.ItemDataRole.DisplayRole)
            return f"{shown}\n{mark}" if shown else mark
        return value

    def cell_data(self, record: R, column: C, role: int) -> Any:
        """What ``record`` shows in ``column`` for ``role``; ``None`` for nothing."""
        raise NotImplementedError


# --- cell looks the chart tables share --------------------------------------------------


def unsent_mark(unsent: bool, role: int) -> Any:
    """The amber "●" for a record saved here but not yet sent; words for tooltips and readers."""
    if role == Qt.ItemDataRole.DisplayRole:
        return "●" if unsent else ""
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        return QtCore.QCoreApplication.translate("Unsent", "not yet sent") if unsent else None
    if role == Qt.ItemDataRole.ForegroundRole and unsent:
        return QtGui.QBrush(unsent_color())
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    return None


def muted_brush() -> QtGui.QBrush:
    """Greyed text that follows the palette, so it stays readable in dark mode."""
    palette = QtGui.QGuiApplication.palette()
    return QtGui.QBrush(
        palette.color(QtGui.QPalette.ColorGroup.Disabled, QtGui.QPalette.ColorRole.Text)
    )


def row_table(
    model: QtCore.QAbstractItemModel, name: str, parent: QtWidgets.QWidget
) -> QtWidgets.QTableView:
    """A read-only table that selects whole rows, one at a time; Tab leaves it, arrows move;
    no row numbers; columns fit their contents (callers stretch or cap what they need)."""
    table = QtWidgets.QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    return table


class RecordFilterProxy(QtCore.QSortFilterProxyModel, Generic[R]):
    """Sorts on each cell's natural key (``SORT_ROLE``, tuples too) and keeps the rows whose
    text holds every typed word; a subclass says what its rows' text is (``haystack``) and
    which rows it hides whatever is typed (``accepts``)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._needle = ""

    def set_filter_text(self, text: str) -> None:
        self.refilter(lambda: setattr(self, "_needle", text.strip().casefold()))

    def refilter(self, change: Callable[[], object]) -> None:
        """Apply ``change`` to the filter's state and filter the rows again."""
        self.beginFilterChange()
        change()
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def haystack(self, record: R) -> str:
        """The text the typed words are looked for in."""
        return ""

    def accepts(self, record: R) -> bool:
        """Whether the row is shown at all (before any typed words)."""
        return True

    def filterAcceptsRow(
        self, source_row: int, source_parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RecordTableModel):
            raise TypeError(f"{type(self).__name__} filters a RecordTableModel")
        record: R = model.record(source_row)
        if not self.accepts(record):
            return False
        if not self._needle:
            return True
        text = self.haystack(record).casefold()
        return all(word in text for word in self._needle.split())

    def lessThan(
        self,
        left: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        right: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
    ) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        return bool(a < b)
