"""The Home & helpers tab: who helps the patient at home and how to reach them, in ranked order.

Removed contacts are never deleted (``active=False``); they are hidden unless asked for.
"""

from __future__ import annotations

import enum
from typing import Any

from app.domain import ContactKind, HomeCareContact
from app.services import PatientChart
from ui.base.shortcuts import widget_shortcut
from ui.base.style import local_datetime, relative_time
from ui.base.table_model import (
    SORT_ROLE,
    RecordFilterProxy,
    RecordTableModel,
    muted_brush,
    unsent_mark,
)
from ui.base.words import channel_text, contact_role_text, source_text, telecom_system_text
from ui.chart.contact_dialog import ContactDialog, contact_dialog
from ui.chart.record_tab import (
    RecordFactory,
    RecordTab,
    confirm,
    empty_state_label,
    news_marks,
    push_button,
    record_table,
)
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtWidgets

ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 3


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


class ContactTableModel(RecordTableModel[HomeCareContact, ContactColumn]):
    """One row per home-care contact, removed ones included (the proxy hides them)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(ContactColumn, lambda c: c.id, parent)
        self._set_headers(
            {
                ContactColumn.NAME: self.tr("Name"),
                ContactColumn.RELATIONSHIP: self.tr("Relationship"),
                ContactColumn.ROLES: self.tr("Roles"),
                ContactColumn.TELECOM: self.tr("Phone / e-mail"),
                ContactColumn.PREFERRED: self.tr("Preferred"),
                ContactColumn.CONSENT: self.tr("Consent"),
                ContactColumn.VERIFIED: self.tr("Verified"),
                ContactColumn.UNSENT: self.tr("Unsent"),
            },
            tips={
                ContactColumn.TELECOM: self.tr("In the order to try: number 1 first"),
                ContactColumn.CONSENT: self.tr("May receive information about the patient's care"),
                ContactColumn.UNSENT: self.tr("Saved here but not yet sent to the server"),
            },
        )

    def cell_data(self, contact: HomeCareContact, column: ContactColumn, role: int) -> Any:
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
            return ", ".join(contact_role_text(r) for r in c.roles)
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
            when = relative_time(c.verified_at, self.as_of) if c.verified_at else ""
            return " · ".join(p for p in (c.verified_by.display_name, when) if p)
        return ""

    def _tooltip(self, c: HomeCareContact, column: ContactColumn) -> str | None:
        if column is ContactColumn.TELECOM and c.telecom:
            lines = []
            for i, t in enumerate(c.ranked_telecom(), 1):
                label = f" ({t.label})" if t.label else ""
                lines.append(f"{i}. {telecom_system_text(t.system)}: {t.value}{label}")
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


class ContactFilterProxy(RecordFilterProxy[HomeCareContact]):
    """Sorts by each column's key and hides removed contacts unless asked to show them."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._show_removed = False

    def set_show_removed(self, show: bool) -> None:
        self.refilter(lambda: setattr(self, "_show_removed", show))

    def accepts(self, record: HomeCareContact) -> bool:
        return self._show_removed or record.active


# --- tab -----------------------------------------------------------------------------


class ContactsTab(RecordTab[HomeCareContact, ContactDialog]):
    """Home-care contacts with Add, Edit and Remove (which keeps the record, inactive)."""

    proxy: ContactFilterProxy

    draft_kind = "contact"

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(actions, parent)
        self.model = ContactTableModel(self)
        self.proxy = ContactFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.add_button = push_button(
            self.tr("Add…"),
            self.tr("Add contact"),
            self.tr("Add a person or agency (Insert in the list)"),
            self,
        )
        self.edit_button = push_button(
            self.tr("Edit…"),
            self.tr("Edit selected contact"),
            self.tr("Edit the selected contact (Enter or double-click)"),
            self,
        )
        self.remove_button = push_button(
            self.tr("Remove"),
            self.tr("Remove selected contact"),
            self.tr("Remove the selected contact; it stays in the history (Delete in the list)"),
            self,
        )
        self.show_removed_check = QtWidgets.QCheckBox(self.tr("Show removed"), self)
        self.show_removed_check.setAccessibleName(self.tr("Show removed contacts"))
        self.show_removed_check.setToolTip(self.tr("Also list contacts that were removed"))
        self.empty_label = empty_state_label(
            self.tr(
                "No contacts recorded yet. Ask: “Who helps you at home, and whom should we"
                " call if needed?”"
            ),
            self,
        )
        self.table = record_table(self.proxy, self.tr("Home-care contacts"), None, self)

        self._lay_out(
            [self.add_button, self.edit_button, self.remove_button],
            trailing=[self.show_removed_check],
        )
        self._connect_table()
        widget_shortcut(Qt.Key.Key_Delete, self.table, self._remove)
        self.remove_button.clicked.connect(self._remove)
        self.show_removed_check.toggled.connect(self._set_show_removed)
        self._update_buttons()

    def show_chart(self, chart: PatientChart) -> None:
        self._show_records(chart.patient.id, chart.contacts, chart.as_of)
        self.model.set_marks(news_marks(chart, "contact"))
        self.empty_label.setVisible(not any(c.active for c in chart.contacts))

    def _set_show_removed(self, show: bool) -> None:
        self.proxy.set_show_removed(show)
        self._update_buttons()

    def _update_buttons(self) -> None:
        super()._update_buttons()
        contact = self.selected_record()
        self.remove_button.setEnabled(contact is not None and contact.active)

    def _dialog(
        self, patient_id: str, records: RecordFactory, existing: HomeCareContact | None
    ) -> ContactDialog:
        return contact_dialog(self, patient_id, records, existing)

    def _save(self, dlg: ContactDialog) -> None:
        self._actions.save_contact(dlg.result_contact())

    def _remove(self) -> None:
        contact = self.selected_record()
        if contact is None or not contact.active:
            return
        question = self.tr(
            "Remove “%1” from the contacts? The entry is kept in the history and can be"
            " listed again with “Show removed”."
        ).replace("%1", contact.name)
        confirm(
            self,
            self.tr("Remove contact"),
            question,
            lambda: self._actions.save_contact(contact.model_copy(update={"active": False})),
        )
