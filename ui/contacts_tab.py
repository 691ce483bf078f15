"""The Home & helpers tab: who helps the patient at home and how to reach them, in ranked order.

Removed contacts are never deleted (``active=False``); they are hidden unless asked for.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from app.domain import Channel, ContactKind, ContactPoint, ContactRole, HomeCareContact, Source
from app.services import PatientChart
from ui.actions import ChartActions
from ui.medications_tab import (
    RECORD_ID_ROLE,
    SORT_ROLE,
    RecordFactory,
    confirm,
    muted_brush,
    record_table,
    source_combo,
    unsent_mark,
)
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.style import local_datetime, relative_time, source_text

ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 3
TelecomSystem = Literal["phone", "email"]


def role_text(role: ContactRole) -> str:
    return {
        ContactRole.HELPS_AT_HOME: QtCore.QCoreApplication.translate(
            "ContactRole", "helps at home"
        ),
        ContactRole.EMERGENCY_CONTACT: QtCore.QCoreApplication.translate(
            "ContactRole", "emergency contact"
        ),
        ContactRole.LEGAL_PROXY: QtCore.QCoreApplication.translate("ContactRole", "legal proxy"),
        ContactRole.HOME_CARE_PROVIDER: QtCore.QCoreApplication.translate(
            "ContactRole", "home-care provider"
        ),
    }[role]


def channel_text(channel: Channel | None) -> str:
    if channel is None:
        return QtCore.QCoreApplication.translate("Channel", "no preference")
    return {
        Channel.PHONE: QtCore.QCoreApplication.translate("Channel", "phone call"),
        Channel.SMS: QtCore.QCoreApplication.translate("Channel", "text message (SMS)"),
        Channel.EMAIL: QtCore.QCoreApplication.translate("Channel", "e-mail"),
    }[channel]


def system_text(system: str) -> str:
    return (
        QtCore.QCoreApplication.translate("Telecom", "e-mail")
        if system == "email"
        else QtCore.QCoreApplication.translate("Telecom", "phone")
    )


# --- model ---------------------------------------------------------------------------


class ContactColumn(enum.IntEnum):
    NAME = 0
    RELATIONSHIP = 1
    ROLES = 2
    TELECOM = 3
    PREFERRED = 4
    CONSENT = 5
    VERIFIED = 6
    UNSENT = 7


class ContactTableModel(QtCore.QAbstractTableModel):
    """One row per home-care contact, removed ones included (the proxy hides them)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[HomeCareContact] = []
        self._headers = {
            ContactColumn.NAME: self.tr("Name"),
            ContactColumn.RELATIONSHIP: self.tr("Relationship"),
            ContactColumn.ROLES: self.tr("Roles"),
            ContactColumn.TELECOM: self.tr("Phone / e-mail"),
            ContactColumn.PREFERRED: self.tr("Preferred"),
            ContactColumn.CONSENT: self.tr("Consent"),
            ContactColumn.VERIFIED: self.tr("Verified"),
            ContactColumn.UNSENT: self.tr("Unsent"),
        }
        self._header_tips = {
            ContactColumn.TELECOM: self.tr("In the order to try: number 1 first"),
            ContactColumn.CONSENT: self.tr("May receive information about the patient's care"),
            ContactColumn.UNSENT: self.tr("Saved here but not yet sent to the server"),
        }

    def set_contacts(self, contacts: Sequence[HomeCareContact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def contact(self, row: int) -> HomeCareContact:
        return self._contacts[row]

    def row_for(self, contact_id: str) -> int | None:
        return next((i for i, c in enumerate(self._contacts) if c.id == contact_id), None)

    def rowCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(ContactColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(ContactColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[ContactColumn(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips.get(ContactColumn(section))
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        column = ContactColumn(index.column())
        if role == RECORD_ID_ROLE:
            return contact.id
        if role == ACTIVE_ROLE:
            return contact.active
        if role == SORT_ROLE:
            if column is ContactColumn.UNSENT:
                return int(contact.unsent)
            return self._display(contact, column).casefold()
        if column is ContactColumn.UNSENT:
            return unsent_mark(contact.unsent, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(contact, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(contact, column)
        if role == Qt.ItemDataRole.ForegroundRole and not contact.active:
            return muted_brush()
        return None

    def _display(self, c: HomeCareContact, column: ContactColumn) -> str:
        if column is ContactColumn.NAME:
            name = c.name
            if c.kind is ContactKind.AGENCY:
                name = self.tr("%1 (agency)").replace("%1", name)
            return self.tr("%1 (removed)").replace("%1", name) if not c.active else name
        if column is ContactColumn.RELATIONSHIP:
            return c.relationship
        if column is ContactColumn.ROLES:
            return ", ".join(role_text(r) for r in c.roles)
        if column is ContactColumn.TELECOM:
            return ", ".join(f"{i}. {t.value}" for i, t in enumerate(c.ranked_telecom(), 1))
        if column is ContactColumn.PREFERRED:
            channel = channel_text(c.preferred_channel) if c.preferred_channel else ""
            return ", ".join(p for p in (channel, c.preferred_times) if p)
        if column is ContactColumn.CONSENT:
            return self.tr("yes") if c.consent_to_share else self.tr("no")
        if column is ContactColumn.VERIFIED:
            if c.verified_by is None:
                return self.tr("not verified")
            when = relative_time(c.verified_at) if c.verified_at else ""
            return " · ".join(p for p in (c.verified_by.display_name, when) if p)
        return ""

    def _tooltip(self, c: HomeCareContact, column: ContactColumn) -> str | None:
        if column is ContactColumn.TELECOM and c.telecom:
            lines = []
            for i, t in enumerate(c.ranked_telecom(), 1):
                label = f" ({t.label})" if t.label else ""
                lines.append(f"{i}. {system_text(t.system)}: {t.value}{label}")
            return "\n".join(lines)
        if column is ContactColumn.VERIFIED and c.verified_at is not None:
            return self.tr("Checked on %1").replace("%1", local_datetime(c.verified_at))
        if column is ContactColumn.NAME:
            prov = c.provenance
            return (
                self.tr("Recorded by %1 on %2 (source: %3)")
                .replace("%1", prov.recorded_by.display_name)
                .replace("%2", local_datetime(prov.recorded_at))
                .replace("%3", source_text(prov.source))
            )
        return self.tr("Note: %1").replace("%1", c.note) if c.note else None


class ContactFilterProxy(QtCore.QSortFilterProxyModel):
    """Sorts by each column's text and hides removed contacts unless asked to show them."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._show_removed = False

    def set_show_removed(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_removed = show
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex
    ) -> bool:
        if self._show_removed:
            return True
        return bool(self.sourceModel().index(source_row, 0, source_parent).data(ACTIVE_ROLE))


# --- dialog --------------------------------------------------------------------------


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
        self.system_combo.addItem(system_text("phone"), "phone")
        self.system_combo.addItem(system_text("email"), "email")
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
        button = QtWidgets.QPushButton(text, self)
        button.setAccessibleName(text)
        button.setToolTip(tip)
        return button

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
        return f"{rank}. {system_text(draft.system)}: {value}{label}"

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


class ContactDialog(QtWidgets.QDialog):
    """Add or edit one home-care contact; ``result_contact()`` is what gets saved."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        patient_id: str,
        records: RecordFactory,
        existing: HomeCareContact | None,
    ) -> None:
        super().__init__(parent)
        self._patient_id = patient_id
        self._records = records
        self._existing = existing
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
            check = QtWidgets.QCheckBox(role_text(role), roles_box)
            check.setAccessibleName(self.tr("Role: %1").replace("%1", role_text(role)))
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
        self.note_edit = QtWidgets.QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)  # keyboard users must be able to leave the field
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3)
        self.source_combo = source_combo(
            existing.provenance.source if existing else Source.PATIENT, self
        )
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        self.ok_button.setAccessibleName(self.tr("Save contact"))
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.name_edit.setFocus()

    def _line_edit(self, accessible_name: str, placeholder: str) -> QtWidgets.QLineEdit:
        edit = QtWidgets.QLineEdit(self)
        edit.setAccessibleName(accessible_name)
        edit.setPlaceholderText(placeholder)
        return edit

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

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()))

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()

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
        if self._existing is None:
            return HomeCareContact(id=self._records.new_id(), patient_id=self._patient_id, **fields)
        return HomeCareContact.model_validate({**self._existing.model_dump(), **fields})


def contact_dialog(
    parent: QtWidgets.QWidget | None,
    patient_id: str,
    records: RecordFactory,
    existing: HomeCareContact | None = None,
) -> ContactDialog:
    """Build the add/edit dialog; ``records`` supplies ids and provenance (a service or a fake)."""
    return ContactDialog(parent, patient_id, records, existing)


# --- tab -----------------------------------------------------------------------------


class ContactsTab(QtWidgets.QWidget):
    """Home-care contacts with Add, Edit and Remove (which keeps the record, inactive)."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._patient_id: str | None = None
        self.model = ContactTableModel(self)
        self.proxy = ContactFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.add_button = QtWidgets.QPushButton(self.tr("Add…"), self)
        self.add_button.setAccessibleName(self.tr("Add contact"))
        self.add_button.setToolTip(self.tr("Add a person or agency (Insert in the list)"))
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit selected contact"))
        self.edit_button.setToolTip(self.tr("Edit the selected contact (Enter or double-click)"))
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove selected contact"))
        self.remove_button.setToolTip(
            self.tr("Remove the selected contact; it stays in the history (Delete in the list)")
        )
        self.show_removed_check = QtWidgets.QCheckBox(self.tr("Show removed"), self)
        self.show_removed_check.setAccessibleName(self.tr("Show removed contacts"))
        self.show_removed_check.setToolTip(self.tr("Also list contacts that were removed"))
        self.empty_label = QtWidgets.QLabel(
            self.tr(
                "No contacts recorded yet. Ask: “Who helps you at home, and whom should we"
                " call if needed?”"
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("mutedText")

        self.table = record_table(self.proxy, self.tr("Home-care contacts"), None, self)

        buttons = QtWidgets.QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_removed_check)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.show_removed_check)
        self.setTabOrder(self.show_removed_check, self.table)

        on_table = Qt.ShortcutContext.WidgetShortcut
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Insert), self.table, self._add, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Delete), self.table, self._remove, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Return), self.table, self._edit, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Enter), self.table, self._edit, on_table)
        self.table.doubleClicked.connect(self._edit)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.remove_button.clicked.connect(self._remove)
        self.show_removed_check.toggled.connect(self._set_show_removed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_chart(self, chart: PatientChart) -> None:
        keep = self._selected_id() if chart.patient.id == self._patient_id else None
        self._patient_id = chart.patient.id
        self.model.set_contacts(chart.contacts)
        self.empty_label.setVisible(not any(c.active for c in chart.contacts))
        if keep is not None:
            self._select(keep)
        self._update_buttons()

    def selected_contact(self) -> HomeCareContact | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.contact(self.proxy.mapToSource(rows[0]).row())

    def _selected_id(self) -> str | None:
        contact = self.selected_contact()
        return contact.id if contact else None

    def _select(self, contact_id: str) -> None:
        row = self.model.row_for(contact_id)
        if row is not None:
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
            if proxy_index.isValid():
                self.table.selectRow(proxy_index.row())

    def _set_show_removed(self, show: bool) -> None:
        self.proxy.set_show_removed(show)
        self._update_buttons()

    def _update_buttons(self) -> None:
        contact = self.selected_contact()
        self.add_button.setEnabled(self._patient_id is not None)
        self.edit_button.setEnabled(contact is not None)
        self.remove_button.setEnabled(contact is not None and contact.active)

    def _add(self) -> None:
        if self._patient_id is not None:
            self._open_dialog(self._patient_id, None)

    def _edit(self) -> None:
        contact = self.selected_contact()
        if contact is not None:
            self._open_dialog(contact.patient_id, contact)

    def _open_dialog(self, patient_id: str, existing: HomeCareContact | None) -> None:
        # provenance_now and new_id only read the clock and make a uuid: no cache access here.
        dlg = contact_dialog(self, patient_id, self._actions.service, existing)
        dlg.accepted.connect(lambda: self._actions.save_contact(dlg.result_contact()))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _remove(self) -> None:
        contact = self.selected_contact()
        if contact is None or not contact.active:
            return
        question = self.tr(
            "Remove “%1” from the contacts? The entry is kept in the history and can be"
            " listed again with “Show removed”."
        ).replace("%1", contact.name)
        if self._confirm(question):
            self._actions.save_contact(contact.model_copy(update={"active": False}))

    def _confirm(self, question: str) -> bool:
        """Ask before changing the record; a method of its own so tests can answer it."""
        return confirm(self, self.tr("Remove contact"), question)
