"""The ward list: a table model over ``WardRow`` plus its sort/filter proxy."""

from __future__ import annotations

import enum
from typing import Any

from app.services import WardRow
from ui.base.style import unsent_color
from ui.base.table_model import (
    RECORD_ID_ROLE,
    SORT_ROLE,
    RecordFilterProxy,
    RecordTableModel,
    bed_sort_key,
)
from ui.qt import Qt, QtCore, QtGui

PATIENT_ID_ROLE = RECORD_ID_ROLE
"""A ward row's record is its patient: the role gives the patient id."""


class WardColumn(enum.IntEnum):
    BED = 0
    NAME = 1
    AGE = 2
    OPEN = 3
    UNSENT = 4


class WardTableModel(RecordTableModel[WardRow, WardColumn]):
    """One row per assigned patient; read-only."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(WardColumn, lambda r: r.patient.id, parent)
        self._set_headers(
            {
                WardColumn.BED: self.tr("Bed"),
                WardColumn.NAME: self.tr("Patient"),
                WardColumn.AGE: self.tr("Age"),
                WardColumn.OPEN: self.tr("Open"),
                WardColumn.UNSENT: self.tr("Unsent"),
            },
            tips={
                WardColumn.OPEN: self.tr("Questions never asked or due for re-confirmation"),
                WardColumn.UNSENT: self.tr("Changes saved here but not yet sent to the server"),
            },
        )

    def cell_data(self, r: WardRow, column: WardColumn, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == SORT_ROLE:
            return {
                WardColumn.BED: bed_sort_key(r.patient.bed),
                WardColumn.NAME: r.patient.display_name.casefold(),
                WardColumn.AGE: r.age,
                WardColumn.OPEN: r.open_questions,
                WardColumn.UNSENT: r.unsent_changes,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == WardColumn.OPEN:
                return self.tr("%n question(s) open", "", r.open_questions) + (
                    self.tr(", %n due for re-confirmation", "", r.due_questions)
                    if r.due_questions
                    else ""
                )
            if r.no_longer_assigned and column in (WardColumn.NAME, WardColumn.UNSENT):
                return self.tr(
                    "No longer assigned to you: kept here until your changes reach the server."
                )
            if column == WardColumn.UNSENT and r.unsent_changes:
                return self.tr("%n change(s) not yet sent", "", r.unsent_changes)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            WardColumn.AGE,
            WardColumn.OPEN,
            WardColumn.UNSENT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == WardColumn.NAME:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == WardColumn.UNSENT
            and r.unsent_changes
        ):
            return QtGui.QBrush(unsent_color())
        return None

    def _display(self, r: WardRow, column: WardColumn, spoken: bool) -> str:
        p = r.patient
        if column == WardColumn.BED:
            return p.bed
        if column == WardColumn.NAME:
            name = f"{p.display_name} ({p.preferred_name})" if p.preferred_name else p.display_name
            if r.break_glass_until is not None:
                return (
                    name
                    + " — "
                    + self.tr("emergency access until %1").replace(
                        "%1", r.break_glass_until.astimezone().strftime("%H:%M")
                    )
                )
            if r.no_longer_assigned:
                return name + " — " + self.tr("not assigned")
            return name
        if column == WardColumn.AGE:
            return str(r.age)
        if column == WardColumn.OPEN:
            if spoken:
                return self.tr("%n open", "", r.open_questions)
            return (
                f"{r.open_questions} · {r.due_questions}↻"
                if r.due_questions
                else str(r.open_questions)
            )
        if r.unsent_changes:
            return (
                self.tr("%n not sent", "", r.unsent_changes) if spoken else f"● {r.unsent_changes}"
            )
        return ""


class WardFilterProxy(RecordFilterProxy[WardRow]):
    """Sorts by each column's natural key and filters on bed, name and MRN."""

    def haystack(self, record: WardRow) -> str:
        p = record.patient
        return " ".join((p.bed, p.family_name, p.given_name, p.preferred_name, p.mrn))
