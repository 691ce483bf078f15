"""The Discharge tab's tables: checklist, medication decisions, contacts, appointments.

One read-only Qt model per table over the domain records; the table views they sit in
are built by ``ui.discharge.sections.tables``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from app.clock import local_day
from app.discharge import Appointment, DischargeTask, TaskStatus
from app.domain import (
    ContactKind,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    ReconciliationDecision,
)
from ui.base.style import local_datetime, overdue_colors, relative_time
from ui.base.table_model import (
    SORT_ROLE,
    RecordTableModel,
    muted_brush,
    unsent_mark,
)
from ui.base.words import (
    OVERDUE_GLYPH,
    contact_role_text,
    decision_label,
    owner_role_text,
    task_status_label,
)
from ui.discharge.text import date_text
from ui.qt import Qt, QtCore, QtGui

# --- models ---------------------------------------------------------------------------


class TaskColumn(enum.IntEnum):
    STATUS = 0
    TITLE = 1
    OWNER = 2
    DUE = 3
    NOTE = 4
    UNSENT = 5


def task_overdue(task: DischargeTask, as_of: datetime | None) -> bool:
    """Still to do and due before the workstation's day at ``as_of`` (when the view was read)."""
    waiting = task.status in (TaskStatus.TODO, TaskStatus.IN_PROGRESS)
    return waiting and task.due is not None and as_of is not None and task.due < local_day(as_of)


class ChecklistModel(RecordTableModel[DischargeTask, TaskColumn]):
    """The plan's checklist items in checklist order; overdue ones marked in words too."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(TaskColumn, lambda t: t.id, parent)
        self.title_of: Callable[[DischargeTask], str] = lambda task: task.title
        self._set_headers(
            {
                TaskColumn.STATUS: self.tr("Status"),
                TaskColumn.TITLE: self.tr("Checklist item"),
                TaskColumn.OWNER: self.tr("Owner"),
                TaskColumn.DUE: self.tr("Due"),
                TaskColumn.NOTE: self.tr("Note"),
                TaskColumn.UNSENT: self.tr("Unsent"),
            },
            tips={TaskColumn.UNSENT: self.tr("Saved here but not yet sent to the server")},
        )

    def cell_data(self, task: DischargeTask, column: TaskColumn, role: int) -> Any:
        overdue = task_overdue(task, self.as_of)
        if role == SORT_ROLE:
            return self._sort_key(task, column)
        if column is TaskColumn.UNSENT:
            return unsent_mark(task.unsent, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(task, column, overdue)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is TaskColumn.NOTE and task.note:
                return task.note
            if column is TaskColumn.DUE and task.due is not None:
                return date_text(task.due)
            if column is TaskColumn.TITLE:
                return self.title_of(task) + "\n" + self.tr("Space: done / not done · Enter: edit")
            if column is TaskColumn.OWNER:
                duty = owner_role_text(task.owner_role)
                return f"{task.owner.display_name} ({duty})" if task.owner else duty
            return None
        if role == Qt.ItemDataRole.BackgroundRole and overdue and column is TaskColumn.DUE:
            return QtGui.QBrush(overdue_colors()[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column is TaskColumn.DUE:
                return QtGui.QBrush(overdue_colors()[1])
            if task.status in (TaskStatus.DONE, TaskStatus.NOT_NEEDED):
                return muted_brush()
        if role == Qt.ItemDataRole.FontRole and column is TaskColumn.DUE and overdue:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, task: DischargeTask, column: TaskColumn, overdue: bool) -> str:
        if column is TaskColumn.STATUS:
            return task_status_label(task.status)
        if column is TaskColumn.TITLE:
            return self.title_of(task)
        if column is TaskColumn.OWNER:
            # The person when someone took it on, else the role (both in the tooltip).
            return task.owner.display_name if task.owner else owner_role_text(task.owner_role)
        if column is TaskColumn.DUE:
            if task.due is None:
                return ""
            text = date_text(task.due, "ddd d MMM")
            if overdue:
                return f"{OVERDUE_GLYPH} {text} — " + self.tr("overdue")
            return text
        if column is TaskColumn.NOTE:
            return task.note.replace("\n", " ")
        return ""

    def _sort_key(self, task: DischargeTask, column: TaskColumn) -> Any:
        if column is TaskColumn.STATUS:
            return list(TaskStatus).index(task.status)
        if column is TaskColumn.DUE:
            return task.due.toordinal() if task.due else 1 << 30
        if column is TaskColumn.UNSENT:
            return int(task.unsent)
        if column is TaskColumn.TITLE:
            return self.row_for(task.id) or 0  # checklist order
        return self._display(task, column, False).casefold()


class MedColumn(enum.IntEnum):
    MEDICATION = 0
    HOME = 1
    DECISION = 2
    DECIDED = 3
    NOTE = 4
    UNSENT = 5


class ReconciliationModel(RecordTableModel[HomeMedication, MedColumn]):
    """Home medications with their discharge decision (or "not yet reconciled")."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(MedColumn, lambda m: m.id, parent)
        self._set_headers(
            {
                MedColumn.MEDICATION: self.tr("Medication"),
                MedColumn.HOME: self.tr("At home"),
                MedColumn.DECISION: self.tr("Discharge decision"),
                MedColumn.DECIDED: self.tr("Decided by"),
                MedColumn.NOTE: self.tr("Change / reason"),
                MedColumn.UNSENT: self.tr("Unsent"),
            },
            tips={MedColumn.UNSENT: self.tr("Saved here but not yet sent to the server")},
        )

    def cell_data(self, med: HomeMedication, column: MedColumn, role: int) -> Any:
        rec = med.reconciliation
        if role == SORT_ROLE:
            if column is MedColumn.DECISION:
                return -1 if rec is None else list(ReconciliationDecision).index(rec.decision)
            if column is MedColumn.UNSENT:
                return int(med.unsent)
            return self._display(med, column).casefold()
        if column is MedColumn.UNSENT:
            return unsent_mark(med.unsent, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(med, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is MedColumn.DECIDED and rec is not None:
                return (
                    self.tr("Decided by %1 on %2")
                    .replace("%1", rec.decided_by.display_name)
                    .replace("%2", local_datetime(rec.decided_at))
                )
            if column is MedColumn.NOTE and rec is not None and rec.note:
                return rec.note
            if column in (MedColumn.MEDICATION, MedColumn.HOME):
                return self._display(med, column)  # the cell may be cut off
            return None
        if role == Qt.ItemDataRole.FontRole and column is MedColumn.DECISION:
            font = QtGui.QFont()
            font.setBold(True)
            font.setItalic(rec is None)
            return font
        return None

    def _display(self, med: HomeMedication, column: MedColumn) -> str:
        rec = med.reconciliation
        if column is MedColumn.MEDICATION:
            return med.name
        if column is MedColumn.HOME:
            what = " ".join(x for x in (med.dose, med.route, med.frequency) if x)
            if med.status is MedicationStatus.STOPPED:
                what += " (" + self.tr("stopped") + ")"
            return what
        if column is MedColumn.DECISION:
            if rec is None and med.status is MedicationStatus.STOPPED:
                return "– " + self.tr("none needed (stopped before admission)")
            return decision_label(rec.decision if rec else None)
        if column is MedColumn.DECIDED:
            if rec is None:
                return ""
            return f"{rec.decided_by.display_name} · {relative_time(rec.decided_at, self.as_of)}"
        if column is MedColumn.NOTE:
            return rec.note.replace("\n", " ") if rec else ""
        return ""


class ContactColumn(enum.IntEnum):
    NAME = 0
    RELATIONSHIP = 1
    PHONE = 2
    VERIFIED = 3
    HELPER = 4
    UNSENT = 5


class DischargeContactModel(RecordTableModel[HomeCareContact, ContactColumn]):
    """Active home-care contacts with their discharge verification and the home helper."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(ContactColumn, lambda c: c.id, parent)
        self.helper_id: str | None = None
        self._set_headers(
            {
                ContactColumn.NAME: self.tr("Name"),
                ContactColumn.RELATIONSHIP: self.tr("Relationship / role"),
                ContactColumn.PHONE: self.tr("First number"),
                ContactColumn.VERIFIED: self.tr("Verified for discharge"),
                ContactColumn.HELPER: self.tr("At home"),
                ContactColumn.UNSENT: self.tr("Unsent"),
            },
            tips={
                ContactColumn.HELPER: self.tr("The person who will be at home to help"),
                ContactColumn.UNSENT: self.tr("Saved here but not yet sent to the server"),
            },
        )

    def set_contacts(
        self, contacts: Sequence[HomeCareContact], helper_id: str | None, as_of: datetime
    ) -> None:
        self.helper_id = helper_id
        self.set_records([c for c in contacts if c.active], as_of)

    def cell_data(self, c: HomeCareContact, column: ContactColumn, role: int) -> Any:
        if role == SORT_ROLE:
            if column is ContactColumn.UNSENT:
                return int(c.unsent)
            return self._display(c, column).casefold()
        if column is ContactColumn.UNSENT:
            return unsent_mark(c.unsent, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(c, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is ContactColumn.VERIFIED and c.verified_at is not None:
                return self.tr("Checked on %1").replace("%1", local_datetime(c.verified_at))
            if column is ContactColumn.PHONE and c.telecom:
                return "\n".join(f"{i}. {t.value}" for i, t in enumerate(c.ranked_telecom(), 1))
            return None
        if role == Qt.ItemDataRole.FontRole and column is ContactColumn.HELPER:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, c: HomeCareContact, column: ContactColumn) -> str:
        if column is ContactColumn.NAME:
            if c.kind is ContactKind.AGENCY:
                return self.tr("%1 (agency)").replace("%1", c.name)
            return c.name
        if column is ContactColumn.RELATIONSHIP:
            parts = [c.relationship] if c.relationship else []
            parts += [contact_role_text(r) for r in c.roles]
            return ", ".join(parts)
        if column is ContactColumn.PHONE:
            ranked = c.ranked_telecom()
            return ranked[0].value if ranked else ""
        if column is ContactColumn.VERIFIED:
            if c.verified_by is None:
                return "○ " + self.tr("not verified")
            when = relative_time(c.verified_at, self.as_of) if c.verified_at else ""
            return "✓ " + " · ".join(p for p in (c.verified_by.display_name, when) if p)
        if column is ContactColumn.HELPER:
            return "★ " + self.tr("helper at home") if c.id == self.helper_id else ""
        return ""


class AppointmentColumn(enum.IntEnum):
    WHEN = 0
    WITH = 1
    WHERE = 2
    NOTE = 3


class AppointmentModel(RecordTableModel[Appointment, AppointmentColumn]):
    """Follow-up appointments of the plan, in the order stored."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(AppointmentColumn, None, parent)
        self._set_headers(
            {
                AppointmentColumn.WHEN: self.tr("When"),
                AppointmentColumn.WITH: self.tr("With"),
                AppointmentColumn.WHERE: self.tr("Where"),
                AppointmentColumn.NOTE: self.tr("Note"),
            }
        )

    def cell_data(self, a: Appointment, column: AppointmentColumn, role: int) -> Any:
        if role == SORT_ROLE:
            if column is AppointmentColumn.WHEN:
                return a.when.isoformat() if a.when else "~"
            return self._display(a, column).casefold()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(a, column)
        return None

    def _display(self, a: Appointment, column: AppointmentColumn) -> str:
        if column is AppointmentColumn.WHEN:
            return local_datetime(a.when) if a.when else self.tr("date to be agreed")
        if column is AppointmentColumn.WITH:
            return a.with_whom
        if column is AppointmentColumn.WHERE:
            return a.where
        return a.note.replace("\n", " ")
