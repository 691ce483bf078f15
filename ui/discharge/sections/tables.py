"""The table of a Discharge-tab section: built read-only, as tall as its rows, selection kept.

The tab scrolls as one page, so each section's table shows all its rows; after every
reload the same record stays selected (and focused) so the keyboard stays where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from ui.base.table_model import RECORD_ID_ROLE, RecordTableModel, row_table
from ui.qt import Qt, QtCore, QtWidgets

R = TypeVar("R")


def section_table(
    model: QtCore.QAbstractItemModel,
    name: str,
    stretch: Sequence[int],
    parent: QtWidgets.QWidget,
) -> QtWidgets.QTableView:
    """A read-only row table sized to its rows (the tab scrolls, not the table).

    Short columns fit their contents (up to about 30 characters); the ``stretch`` columns
    (free text) share the rest and are cut off with "…" when the window is narrow (the
    tooltip has the whole text).
    """
    table = row_table(model, name, parent)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    # No column grows past about 30 characters ("who decided, when" can be long): the free
    # text keeps its room and the tab does not scroll sideways; tooltips hold the whole text.
    header.setMaximumSectionSize(table.fontMetrics().averageCharWidth() * 30)
    for column in stretch:
        header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    return table


def fit_table(table: QtWidgets.QTableView, min_rows: int = 1) -> None:
    """Make the table exactly as tall as its rows, so the tab scrolls as one page."""
    rows = max(table.model().rowCount(), min_rows)
    row_height = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + rows * row_height + 2 * table.frameWidth() + 2)


class SectionSelection(Generic[R]):
    """The chosen record of a section table: the selected row, else the keyboard's current row."""

    def __init__(self, table: QtWidgets.QTableView, model: RecordTableModel[R, Any]) -> None:
        self.table = table
        self.model = model

    def row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        current = self.table.selectionModel().currentIndex()
        return current.row() if current.isValid() else None

    def record(self) -> R | None:
        row = self.row()
        return self.model.record(row) if row is not None else None

    def record_id(self) -> str | None:
        row = self.row()
        value = self.model.index(row, 0).data(RECORD_ID_ROLE) if row is not None else None
        return str(value) if value is not None else None


def stretch_when_used(table: QtWidgets.QTableView, column: int, used: bool) -> None:
    """A free-text column takes spare width only while something is written in it."""
    mode = (
        QtWidgets.QHeaderView.ResizeMode.Stretch
        if used
        else QtWidgets.QHeaderView.ResizeMode.ResizeToContents
    )
    table.horizontalHeader().setSectionResizeMode(column, mode)


def refill_keeping_selection(selection: SectionSelection[Any], fill: Callable[[], None]) -> None:
    """Refill a table and keep the same record (or row) selected and focused."""
    had_focus = selection.table.hasFocus()
    row = selection.row()
    keep_id = selection.record_id()
    model = selection.model
    fill()
    if keep_id is not None:
        row = model.row_for(keep_id)
    if row is not None and 0 <= row < model.rowCount():
        selection.table.selectRow(row)
    if had_focus:
        selection.table.setFocus()
