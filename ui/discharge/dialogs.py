"""Small editors of the Discharge tab: the plan, one checklist item, a decision, an appointment.

Each dialog only collects what the user decided; the tab turns the result into
an operation on the DB worker (see ``ui.operations.chart``). Every dialog of discharge
planning opens through ``open_dialog``: window-modal, without an event loop of its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from app.discharge import (
    Appointment,
    Destination,
    DischargePlan,
    DischargeTask,
    OwnerRole,
    TaskStatus,
)
from app.domain import Actor, HomeMedication, ReconciliationDecision
from ui.base.dialogs import open_dialog as open_dialog
from ui.base.words import decision_label, destination_text, owner_role_text, task_status_label
from ui.qt import Qt, QtCore, QtWidgets


def _qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


def _pydate(qdate: QtCore.QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


def _date_edit(parent: QtWidgets.QWidget, accessible_name: str, day: date) -> QtWidgets.QDateEdit:
    edit = QtWidgets.QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setDate(_qdate(day))
    edit.setAccessibleName(accessible_name)
    return edit


def _note_edit(
    parent: QtWidgets.QWidget, accessible_name: str, text: str
) -> QtWidgets.QPlainTextEdit:
    edit = QtWidgets.QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)  # keyboard users must be able to leave the field
    edit.setAccessibleName(accessible_name)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4)
    edit.setPlainText(text)
    return edit


def _buttons(dialog: QtWidgets.QDialog, save_name: str) -> QtWidgets.QDialogButtonBox:
    box = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Save
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
        dialog,
    )
    box.button(QtWidgets.QDialogButtonBox.StandardButton.Save).setAccessibleName(save_name)
    box.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
        QtCore.QCoreApplication.translate("DischargeDialogs", "Cancel")
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class PlanDialog(QtWidgets.QDialog):
    """Start a discharge plan or change its date, destination and note."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        existing: DischargePlan | None,
        suggested_date: date,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Edit discharge plan") if existing else self.tr("Start discharge plan")
        )
        day = existing.expected_date if existing and existing.expected_date else suggested_date
        self.date_edit = _date_edit(self, self.tr("Expected discharge date"), day)
        self.destination_combo = QtWidgets.QComboBox(self)
        self.destination_combo.setAccessibleName(self.tr("Destination"))
        for destination in Destination:
            self.destination_combo.addItem(destination_text(destination), destination.value)
        if existing is not None and existing.destination is not None:
            self.destination_combo.setCurrentIndex(
                self.destination_combo.findData(existing.destination.value)
            )
        self.note_edit = _note_edit(self, self.tr("Plan note"), existing.note if existing else "")
        self.buttons = _buttons(self, self.tr("Save discharge plan"))
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("Expected &discharge"), self.date_edit)
        form.addRow(self.tr("De&stination"), self.destination_combo)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.buttons)
        self.date_edit.setFocus()

    def result_date(self) -> date:
        return _pydate(self.date_edit.date())

    def result_destination(self) -> Destination:
        return Destination(self.destination_combo.currentData())

    def result_note(self) -> str:
        return self.note_edit.toPlainText().strip()


class TaskDialog(QtWidgets.QDialog):
    """Edit one checklist item (or add one): title, owner, due date, status, note."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        existing: DischargeTask | None,
        me: Actor,
        default_due: date,
    ) -> None:
        super().__init__(parent)
        self._me = me
        self._existing = existing
        self.setWindowTitle(
            self.tr("Edit checklist item") if existing else self.tr("Add checklist item")
        )
        self.title_edit = QtWidgets.QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Checklist item (required)"))
        self.title_edit.setPlaceholderText(self.tr("Required, e.g. Wound-care supplies ordered"))
        self.role_combo = QtWidgets.QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Responsible role"))
        for role in OwnerRole:
            self.role_combo.addItem(owner_role_text(role), role.value)
        self.owner_combo = QtWidgets.QComboBox(self)
        self.owner_combo.setAccessibleName(self.tr("Assigned to"))
        self.owner_combo.addItem(self.tr("nobody yet"), None)
        current = existing.owner if existing else None
        if current is not None and current.user_id != me.user_id:
            self.owner_combo.addItem(current.display_name, current.user_id)
        self.owner_combo.addItem(self.tr("me (%1)").replace("%1", me.display_name), me.user_id)
        if current is not None:
            self.owner_combo.setCurrentIndex(self.owner_combo.findData(current.user_id))
        self.due_check = QtWidgets.QCheckBox(self.tr("Has a due date"), self)
        self.due_check.setAccessibleName(self.tr("Has a due date"))
        due = existing.due if existing and existing.due else default_due
        self.due_edit = _date_edit(self, self.tr("Due date"), due)
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.due_check.setChecked(existing is None or existing.due is not None)
        self.due_edit.setEnabled(self.due_check.isChecked())
        self.status_combo = QtWidgets.QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in TaskStatus:
            self.status_combo.addItem(task_status_label(status), status.value)
        self.note_edit = _note_edit(self, self.tr("Note"), existing.note if existing else "")
        self.buttons = _buttons(self, self.tr("Save checklist item"))
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)

        due_row = QtWidgets.QHBoxLayout()
        due_row.addWidget(self.due_check)
        due_row.addWidget(self.due_edit, 1)
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("&Item *"), self.title_edit)
        form.addRow(self.tr("&Role"), self.role_combo)
        form.addRow(self.tr("Assigned &to"), self.owner_combo)
        form.addRow(self.tr("D&ue"), due_row)
        form.addRow(self.tr("&Status"), self.status_combo)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.buttons)

        if existing is not None:
            self.title_edit.setText(existing.title)
            self.role_combo.setCurrentIndex(self.role_combo.findData(existing.owner_role.value))
            self.status_combo.setCurrentIndex(self.status_combo.findData(existing.status.value))
        self.title_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        (self.status_combo if existing is not None else self.title_edit).setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.title_edit.text().strip()))

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not save an untitled item
            super().accept()

    def result_fields(self) -> dict[str, object]:
        """The edited fields, ready for ``model_copy(update=...)`` or a new task."""
        owner_id = self.owner_combo.currentData()
        owner: Actor | None = None
        if owner_id == self._me.user_id:
            owner = self._me
        elif owner_id is not None and self._existing is not None:
            owner = self._existing.owner
        return {
            "title": self.title_edit.text().strip(),
            "owner_role": OwnerRole(self.role_combo.currentData()),
            "owner": owner,
            "due": _pydate(self.due_edit.date()) if self.due_check.isChecked() else None,
            "status": TaskStatus(self.status_combo.currentData()),
            "note": self.note_edit.toPlainText().strip(),
        }


class ReconcileDialog(QtWidgets.QDialog):
    """One medication's discharge decision, with the change or reason in words.

    A change needs a note (what changes: dose, time, form); for the others it is optional.
    """

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        med: HomeMedication,
        decision: ReconciliationDecision,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discharge decision"))
        what = " ".join(x for x in (med.name, med.dose, med.route, med.frequency) if x)
        self.med_label = QtWidgets.QLabel(what)
        self.med_label.setTextFormat(Qt.TextFormat.PlainText)
        self.med_label.setWordWrap(True)
        self.decision_combo = QtWidgets.QComboBox(self)
        self.decision_combo.setAccessibleName(self.tr("Decision"))
        for choice in ReconciliationDecision:
            self.decision_combo.addItem(decision_label(choice), choice.value)
        self.decision_combo.setCurrentIndex(self.decision_combo.findData(decision.value))
        current = med.reconciliation
        self.note_edit = _note_edit(
            self, self.tr("What changes, or why"), current.note if current else ""
        )
        self.hint = QtWidgets.QLabel()
        self.hint.setObjectName("mutedText")
        self.hint.setWordWrap(True)
        self.buttons = _buttons(self, self.tr("Save decision"))
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("Medication"), self.med_label)
        form.addRow(self.tr("&Decision"), self.decision_combo)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow("", self.hint)
        form.addRow(self.buttons)
        self.decision_combo.currentIndexChanged.connect(lambda _i: self._update_ok())
        self.note_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.note_edit.setFocus()

    def _update_ok(self) -> None:
        decision = self.result_decision()
        needs_note = decision is ReconciliationDecision.CHANGE
        self.hint.setText(
            self.tr("Say what changes, e.g. “dose 250 mg twice daily”.")
            if needs_note
            else self.tr("Optional: a reason or instruction for the patient.")
        )
        self.ok_button.setEnabled(not needs_note or bool(self.result_note()))

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def result_decision(self) -> ReconciliationDecision:
        return ReconciliationDecision(self.decision_combo.currentData())

    def result_note(self) -> str:
        return self.note_edit.toPlainText().strip()


class AppointmentDialog(QtWidgets.QDialog):
    """One follow-up appointment: when, with whom, where, note."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        existing: Appointment | None,
        suggested: date,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit appointment") if existing else self.tr("Add appointment"))
        if existing is not None and existing.when is not None:
            local = existing.when.astimezone()
        else:
            local = datetime.combine(suggested, time(10, 0)).astimezone()
        self.when_edit = QtWidgets.QDateTimeEdit(self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.when_edit.setDateTime(
            QtCore.QDateTime(_qdate(local.date()), QtCore.QTime(local.hour, local.minute))
        )
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.with_edit = QtWidgets.QLineEdit(self)
        self.with_edit.setAccessibleName(self.tr("With whom (required)"))
        self.with_edit.setPlaceholderText(self.tr("Required, e.g. GP Dr Weber"))
        self.where_edit = QtWidgets.QLineEdit(self)
        self.where_edit.setAccessibleName(self.tr("Where"))
        self.where_edit.setPlaceholderText(self.tr("e.g. Practice, Hauptstraße 3"))
        self.note_edit = _note_edit(self, self.tr("Note"), existing.note if existing else "")
        self.buttons = _buttons(self, self.tr("Save appointment"))
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("&When"), self.when_edit)
        form.addRow(self.tr("&With *"), self.with_edit)
        form.addRow(self.tr("W&here"), self.where_edit)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.buttons)
        if existing is not None:
            self.with_edit.setText(existing.with_whom)
            self.where_edit.setText(existing.where)
        self.with_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.with_edit.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.with_edit.text().strip()))

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

    def result_appointment(self) -> Appointment:
        qdt = self.when_edit.dateTime()
        local = datetime(
            qdt.date().year(),
            qdt.date().month(),
            qdt.date().day(),
            qdt.time().hour(),
            qdt.time().minute(),
        ).astimezone()
        return Appointment(
            when=local.astimezone(UTC),
            with_whom=self.with_edit.text().strip(),
            where=self.where_edit.text().strip(),
            note=self.note_edit.toPlainText().strip(),
        )
