"""The add/edit dialog for one home-care contact, with its ranked phone/e-mail editor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.domain import Channel, ContactKind, ContactPoint, ContactRole, HomeCareContact, Source
from ui.base.words import channel_text, contact_role_text, telecom_system_text
from ui.chart.record_tab import RecordDialog, RecordFactory, push_button, source_combo
from ui.qt import QtWidgets

TelecomSystem = Literal["phone", "email"]


@dataclass
class _TelecomDraft:
    system: TelecomSystem
    value: str
    label: str


class TelecomEditor(QtWidgets.QWidget):
    """A ranked list of phone numbers and e-mail addresses: the list order is the rank."""

    def __init__(
        self, telecom: Sequence[ContactPoint], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._drafts = [_TelecomDraft(t.system, t.value, t.label) for t in telecom]
        self.list = QtWidgets.QListWidget(self)
        self.list.setAccessibleName(self.tr("Phone numbers and e-mail, first is tried first"))
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.system_combo = QtWidgets.QComboBox(self)
        self.system_combo.addItem(telecom_system_text("phone"), "phone")
        self.system_combo.addItem(telecom_system_text("email"), "email")
        self.system_combo.setAccessibleName(self.tr("Type: phone or e-mail"))
        self.value_edit = QtWidgets.QLineEdit(self)
        self.value_edit.setAccessibleName(self.tr("Number or address"))
        self.value_edit.setPlaceholderText(self.tr("Number or address"))
        self.label_edit = QtWidgets.QLineEdit(self)
        self.label_edit.setAccessibleName(self.tr("Label, e.g. mobile or work"))
        self.label_edit.setPlaceholderText(self.tr("Label, e.g. mobile"))
        self.add_button = self._button(self.tr("Add number"), self.tr("Add a number or e-mail"))
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the selected entry"))
        self.up_button = self._button(self.tr("Move up"), self.tr("Try the selected entry earlier"))
        self.down_button = self._button(
            self.tr("Move down"), self.tr("Try the selected entry later")
        )

        fields = QtWidgets.QHBoxLayout()
        fields.addWidget(self.system_combo)
        fields.addWidget(self.value_edit, 2)
        fields.addWidget(self.label_edit, 1)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(fields)
        layout.addLayout(buttons)

        self.list.currentRowChanged.connect(self._load_current)
        self.system_combo.currentIndexChanged.connect(self._store_current)
        self.value_edit.textEdited.connect(self._store_current)
        self.label_edit.textEdited.connect(self._store_current)
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._refresh(0 if self._drafts else -1)

    def _button(self, text: str, tip: str) -> QtWidgets.QPushButton:
        return push_button(text, text, tip, self)

    # --- drafts.DraftPart: the whole list survives a lock, not only the entry on screen ---

    def draft_state(self) -> dict[str, Any]:
        return {
            "entries": [[d.system, d.value, d.label] for d in self._drafts],
            "current": self.list.currentRow(),
        }

    def restore_draft_state(self, state: Any) -> None:
        if not isinstance(state, dict) or not isinstance(state.get("entries"), list):
            return
        entries = []
        for entry in state["entries"]:
            well_formed = isinstance(entry, list) and len(entry) == 3
            if well_formed and all(isinstance(v, str) for v in entry):
                system: TelecomSystem = "email" if entry[0] == "email" else "phone"
                entries.append(_TelecomDraft(system, entry[1], entry[2]))
        self._drafts = entries
        current = state.get("current")
        self._refresh(current if isinstance(current, int) and current < len(entries) else -1)

    def contact_points(self) -> tuple[ContactPoint, ...]:
        """Entries in list order with ranks 1..n; entries left empty are dropped."""
        kept = [d for d in self._drafts if d.value.strip()]
        return tuple(
            ContactPoint(system=d.system, value=d.value.strip(), rank=i, label=d.label.strip())
            for i, d in enumerate(kept, 1)
        )

    def add_entry(self) -> None:
        self._drafts.append(_TelecomDraft("phone", "", ""))
        self._refresh(len(self._drafts) - 1)
        self.value_edit.setFocus()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._drafts):
            del self._drafts[row]
            self._refresh(min(row, len(self._drafts) - 1))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._drafts) and 0 <= target < len(self._drafts):
            self._drafts[row], self._drafts[target] = self._drafts[target], self._drafts[row]
            self._refresh(target)

    def _item_text(self, rank: int, draft: _TelecomDraft) -> str:
        value = draft.value or self.tr("(empty)")
        label = f" ({draft.label})" if draft.label else ""
        return f"{rank}. {telecom_system_text(draft.system)}: {value}{label}"

    def _refresh(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([self._item_text(i, d) for i, d in enumerate(self._drafts, 1)])
        self.list.blockSignals(False)
        self.list.setCurrentRow(current)
        self._load_current()

    def _load_current(self) -> None:
        row = self.list.currentRow()
        has_row = 0 <= row < len(self._drafts)
        draft = self._drafts[row] if has_row else _TelecomDraft("phone", "", "")
        for widget in (self.system_combo, self.value_edit, self.label_edit):
            widget.blockSignals(True)
            widget.setEnabled(has_row)
        self.system_combo.setCurrentIndex(self.system_combo.findData(draft.system))
        self.value_edit.setText(draft.value)
        self.label_edit.setText(draft.label)
        for widget in (self.system_combo, self.value_edit, self.label_edit):
            widget.blockSignals(False)
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row and row > 0)
        self.down_button.setEnabled(has_row and row < len(self._drafts) - 1)

    def _store_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._drafts):
            return
        draft = self._drafts[row]
        draft.system = "email" if self.system_combo.currentData() == "email" else "phone"
        draft.value = self.value_edit.text()
        draft.label = self.label_edit.text()
        item = self.list.item(row)
        if item is not None:
            item.setText(self._item_text(row + 1, draft))


class ContactDialog(RecordDialog[HomeCareContact]):
    """Add or edit one home-care contact; ``result_contact()`` is what gets saved."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        patient_id: str,
        records: RecordFactory,
        existing: HomeCareContact | None,
    ) -> None:
        super().__init__(parent, patient_id, records, existing)
        self.setWindowTitle(self.tr("Edit contact") if existing else self.tr("Add contact"))
        self.kind_combo = QtWidgets.QComboBox(self)
        self.kind_combo.addItem(self.tr("Person"), ContactKind.PERSON.value)
        self.kind_combo.addItem(self.tr("Agency or service"), ContactKind.AGENCY.value)
        self.kind_combo.setAccessibleName(self.tr("Person or agency"))
        self.name_edit = self._line_edit(self.tr("Name (required)"), self.tr("Required"))
        self.relationship_edit = self._line_edit(
            self.tr("Relationship"), self.tr("e.g. daughter, neighbour")
        )
        roles_box = QtWidgets.QWidget(self)
        roles_layout = QtWidgets.QVBoxLayout(roles_box)
        roles_layout.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[ContactRole, QtWidgets.QCheckBox] = {}
        for role in ContactRole:
            check = QtWidgets.QCheckBox(contact_role_text(role), roles_box)
            check.setAccessibleName(self.tr("Role: %1").replace("%1", contact_role_text(role)))
            roles_layout.addWidget(check)
            self.role_checks[role] = check
        self.telecom = TelecomEditor(existing.ranked_telecom() if existing else (), self)
        self.channel_combo = QtWidgets.QComboBox(self)
        for channel in (Channel.PHONE, Channel.SMS, Channel.EMAIL, None):
            self.channel_combo.addItem(channel_text(channel), channel.value if channel else "")
        self.channel_combo.setAccessibleName(self.tr("Preferred channel"))
        self.times_edit = self._line_edit(
            self.tr("Preferred times"), self.tr("e.g. weekdays after 17:00")
        )
        self.language_edit = self._line_edit(self.tr("Language"), self.tr("e.g. German"))
        self.consent_check = QtWidgets.QCheckBox(
            self.tr("May receive information about the patient"), self
        )
        self.consent_check.setAccessibleName(self.tr("Consent to share information"))
        consent_help = QtWidgets.QLabel(
            self.tr(
                "Tick only if the patient agreed that this contact may be told about their"
                " care, test results and discharge plans."
            ),
            self,
        )
        consent_help.setWordWrap(True)
        consent_help.setObjectName("mutedText")
        self.consent_check.setToolTip(consent_help.text())
        self.verified_check = QtWidgets.QCheckBox(
            self.tr("I checked these details with the contact just now"), self
        )
        self.verified_check.setAccessibleName(self.tr("Details checked with the contact"))
        self.note_edit = self._note_edit(self.tr("Note"), lines=3)
        self.source_combo = source_combo(
            existing.provenance.source if existing else Source.PATIENT, self
        )
        self._save_cancel_buttons(self.tr("Save contact"), self.tr("Cancel"))

        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("&Kind"), self.kind_combo)
        form.addRow(self.tr("&Name *"), self.name_edit)
        form.addRow(self.tr("&Relationship"), self.relationship_edit)
        form.addRow(self.tr("Roles"), roles_box)
        form.addRow(self.tr("&Phone / e-mail"), self.telecom)
        form.addRow(self.tr("Pre&ferred channel"), self.channel_combo)
        form.addRow(self.tr("Preferred &times"), self.times_edit)
        form.addRow(self.tr("&Language"), self.language_edit)
        form.addRow(self.consent_check)
        form.addRow(consent_help)
        form.addRow(self.verified_check)
        form.addRow(self.tr("N&ote"), self.note_edit)
        form.addRow(self.tr("So&urce"), self.source_combo)
        form.addRow(self.buttons)

        if existing is not None:
            self._fill(existing)
        self._require_name(self.name_edit)

    def _fill(self, c: HomeCareContact) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(c.kind.value))
        self.name_edit.setText(c.name)
        self.relationship_edit.setText(c.relationship)
        for role, check in self.role_checks.items():
            check.setChecked(role in c.roles)
        channel = c.preferred_channel.value if c.preferred_channel else ""
        self.channel_combo.setCurrentIndex(self.channel_combo.findData(channel))
        self.times_edit.setText(c.preferred_times)
        self.language_edit.setText(c.language)
        self.consent_check.setChecked(c.consent_to_share)
        self.note_edit.setPlainText(c.note)

    def result_contact(self) -> HomeCareContact:
        provenance = self._records.provenance_now(Source(self.source_combo.currentData()))
        channel = self.channel_combo.currentData()
        fields: dict[str, Any] = {
            "kind": ContactKind(self.kind_combo.currentData()),
            "name": self.name_edit.text().strip(),
            "relationship": self.relationship_edit.text().strip(),
            "roles": tuple(r for r, check in self.role_checks.items() if check.isChecked()),
            "telecom": self.telecom.contact_points(),
            "preferred_channel": Channel(channel) if channel else None,
            "preferred_times": self.times_edit.text().strip(),
            "language": self.language_edit.text().strip(),
            "consent_to_share": self.consent_check.isChecked(),
            "note": self.note_edit.toPlainText().strip(),
            "provenance": provenance,
        }
        if self.verified_check.isChecked():
            fields["verified_by"] = provenance.recorded_by
            fields["verified_at"] = provenance.recorded_at
        return self._result(HomeCareContact, fields)


def contact_dialog(
    parent: QtWidgets.QWidget | None,
    patient_id: str,
    records: RecordFactory,
    existing: HomeCareContact | None = None,
) -> ContactDialog:
    """Build the add/edit dialog; ``records`` supplies ids and provenance (a service or a fake)."""
    return ContactDialog(parent, patient_id, records, existing)
