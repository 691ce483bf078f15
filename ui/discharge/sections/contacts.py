"""The Discharge tab's home-care contacts: verified for discharge, and the helper at home.

The contacts themselves are recorded on the Home & helpers tab; here they are checked
with the patient (who, when) and one person is chosen to be at home after discharge.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain import ContactKind, HomeCareContact
from app.services import DischargeView
from ui.chart.record_tab import push_button
from ui.discharge.models import ContactColumn, DischargeContactModel
from ui.discharge.sections.section import DischargeSection
from ui.discharge.sections.tables import (
    SectionSelection,
    fit_table,
    refill_keeping_selection,
    section_table,
)
from ui.operations.chart import ChartActions
from ui.qt import QtWidgets


class ContactsSection(DischargeSection):
    """Active contacts with their verification, and the combo box for the helper at home."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget) -> None:
        super().__init__(actions, parent)
        self.set_title(self.tr("Home care — contacts and helper"))
        lay = QtWidgets.QVBoxLayout(self)
        self.model = DischargeContactModel(self)
        self.table = section_table(
            self.model,
            self.tr("Home-care contacts for discharge"),
            (ContactColumn.NAME, ContactColumn.RELATIONSHIP),
            self,
        )
        self._selection = SectionSelection(self.table, self.model)
        self.no_contacts_label = QtWidgets.QLabel(
            self.tr("No contacts recorded yet: add them on the Home & helpers tab.")
        )
        self.no_contacts_label.setObjectName("mutedText")
        lay.addWidget(self.no_contacts_label)
        lay.addWidget(self.table)
        row = QtWidgets.QHBoxLayout()
        self.verify_button = push_button(
            self.tr("Verify for discharge"),
            self.tr("Verify selected contact for discharge"),
            self.tr(
                "You checked name and number with the patient or the contact: recorded with"
                " your name and the time"
            ),
            self,
        )
        self.verify_button.clicked.connect(self.verify_selected)
        row.addWidget(self.verify_button)
        row.addSpacing(24)
        helper_label = QtWidgets.QLabel(self.tr("Helper at &home after discharge:"))
        self.helper_combo = QtWidgets.QComboBox(self)
        self.helper_combo.setAccessibleName(self.tr("Helper at home after discharge"))
        self.helper_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        helper_label.setBuddy(self.helper_combo)
        self.helper_combo.activated.connect(self._on_helper_chosen)
        row.addWidget(helper_label)
        row.addWidget(self.helper_combo)
        row.addStretch(1)
        lay.addLayout(row)
        self._follow_selection(self.table)

    def _show(self, view: DischargeView) -> None:
        helper_id = view.plan.home_helper_id if view.plan is not None else None
        refill_keeping_selection(
            self._selection,
            lambda: self.model.set_contacts(view.contacts, helper_id, view.as_of),
        )
        self.no_contacts_label.setVisible(self.model.rowCount() == 0)
        self.table.setVisible(self.model.rowCount() > 0)
        self._fill_helper_combo(view.contacts, helper_id)
        fit_table(self.table)

    def _fill_helper_combo(
        self, contacts: Sequence[HomeCareContact], helper_id: str | None
    ) -> None:
        combo = self.helper_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— nobody chosen yet —"), None)
        for c in contacts:
            if c.active and c.kind is ContactKind.PERSON:
                label = f"{c.name} ({c.relationship})" if c.relationship else c.name
                if not c.consent_to_share:
                    # May help at home, but receives no information (not the follow-up).
                    label += " — " + self.tr("no consent to receive information")
                combo.addItem(label, c.id)
        index = combo.findData(helper_id) if helper_id else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setEnabled(self.has_plan and combo.count() > 1)
        combo.setToolTip(
            self.tr("Start the discharge plan first")
            if self.view is not None and self.view.plan is None
            else self.tr("The person who will be at home to help after discharge")
        )

    def update_buttons(self) -> None:
        contact = self._selection.record()
        self.verify_button.setEnabled(contact is not None)
        again = contact is not None and contact.verified_by is not None
        self.verify_button.setText(
            self.tr("Verify again") if again else self.tr("Verify for discharge")
        )

    # --- edits ------------------------------------------------------------------------

    def selected_contact(self) -> HomeCareContact | None:
        return self._selection.record()

    def verify_selected(self) -> None:
        contact = self.selected_contact()
        if contact is not None:
            self._actions.verify_contact(contact.patient_id, contact.id)

    def _on_helper_chosen(self, index: int) -> None:
        view = self.view
        if view is None or view.plan is None:
            return
        contact_id = self.helper_combo.itemData(index)
        if contact_id != view.plan.home_helper_id:
            self._actions.set_home_helper(view.patient.id, contact_id)

    def choose_helper(self, contact_id: str | None) -> None:
        """Pick the helper at home as the combo box does (for keyboard macros and tests)."""
        index = self.helper_combo.findData(contact_id) if contact_id else 0
        if index >= 0:
            self.helper_combo.setCurrentIndex(index)
            self._on_helper_chosen(index)
