"""The Discharge tab's medication reconciliation: continue, change, stop or new, per medication.

Continue and New are one click; Change and Stop ask what changes, or why
(``ReconcileDialog``). A medication started for after discharge is added with the
Medications tab's own editor and marked new.
"""

from __future__ import annotations

from app.domain import HomeMedication, ReconciliationDecision
from app.services import DischargeView
from ui.base.words import DECISION_GLYPHS, READY_GLYPH
from ui.chart.medication_dialog import medication_dialog
from ui.chart.record_tab import push_button
from ui.discharge.dialogs import ReconcileDialog, open_dialog
from ui.discharge.models import MedColumn, ReconciliationModel
from ui.discharge.sections.section import DischargeSection
from ui.discharge.sections.tables import (
    SectionSelection,
    fit_table,
    refill_keeping_selection,
    section_table,
    stretch_when_used,
)
from ui.discharge.text import unreconciled_text
from ui.operations.chart import ChartActions
from ui.qt import QtWidgets


class MedicationsSection(DischargeSection):
    """Home medications with their discharge decision, and how many are still undecided."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget) -> None:
        super().__init__(actions, parent)
        self.set_title(self.tr("Home medications — discharge decisions"))
        lay = QtWidgets.QVBoxLayout(self)
        self.unreconciled_label = QtWidgets.QLabel()
        self.unreconciled_label.setAccessibleName(self.tr("Medications not yet reconciled"))
        lay.addWidget(self.unreconciled_label)
        self.model = ReconciliationModel(self)
        self.table = section_table(
            self.model,
            self.tr("Medication reconciliation"),
            (MedColumn.HOME, MedColumn.NOTE),
            self,
        )
        self._selection = SectionSelection(self.table, self.model)
        lay.addWidget(self.table)
        row = QtWidgets.QHBoxLayout()
        self.decision_buttons: dict[ReconciliationDecision, QtWidgets.QPushButton] = {}
        texts = {
            ReconciliationDecision.CONTINUE: (
                self.tr("Continue"),
                self.tr("Continue selected medication after discharge"),
                self.tr("The patient keeps taking it as before"),
            ),
            ReconciliationDecision.CHANGE: (
                self.tr("Change…"),
                self.tr("Change selected medication at discharge"),
                self.tr("Continue with a change; you say what changes"),
            ),
            ReconciliationDecision.STOP: (
                self.tr("Stop…"),
                self.tr("Stop selected medication at discharge"),
                self.tr("The patient stops taking it; give a reason if you can"),
            ),
            ReconciliationDecision.NEW: (
                self.tr("Mark new"),
                self.tr("Mark selected medication as new at discharge"),
                self.tr("Started during this stay and continued at home"),
            ),
        }
        self.decision_menu = QtWidgets.QMenu(self)
        for decision, (text, spoken, tip) in texts.items():
            button = push_button(f"{DECISION_GLYPHS[decision]} {text}", spoken, tip, self)
            button.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            self.decision_buttons[decision] = button
            row.addWidget(button)
            action = self.decision_menu.addAction(f"{DECISION_GLYPHS[decision]} {text}")
            action.triggered.connect(lambda _c=False, d=decision: self.decide(d))
        self.add_button = push_button(
            self.tr("Add new medication…"),
            self.tr("Add a new medication for discharge"),
            self.tr("A medication started for after discharge; it is marked new"),
            self,
        )
        self.add_button.clicked.connect(self.add_new_medication)
        row.addWidget(self.add_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.decision_menu.popup(self.table.viewport().mapToGlobal(pos))
        )
        self._follow_selection(self.table)

    def _show(self, view: DischargeView) -> None:
        if view.medications:
            self.unreconciled_label.setText(
                f"{'?' if view.unreconciled else READY_GLYPH} <b>"
                + unreconciled_text(view.unreconciled)
                + "</b>"
            )
        else:
            self.unreconciled_label.setText(
                self.tr("No home medications recorded. Record them on the Medications tab.")
            )
        refill_keeping_selection(
            self._selection, lambda: self.model.set_records(view.medications, view.as_of)
        )
        self.table.setVisible(bool(view.medications))
        stretch_when_used(
            self.table,
            MedColumn.NOTE,
            any(m.reconciliation and m.reconciliation.note for m in view.medications),
        )
        fit_table(self.table)

    def update_buttons(self) -> None:
        med = self._selection.record()
        for button in self.decision_buttons.values():
            button.setEnabled(med is not None)
        # A prescription from another system is already known there: it cannot be "new".
        new_button = self.decision_buttons[ReconciliationDecision.NEW]
        new_button.setEnabled(med is not None and not med.prescribed)
        self.add_button.setEnabled(self.view is not None)

    # --- edits ------------------------------------------------------------------------

    def selected_medication(self) -> HomeMedication | None:
        return self._selection.record()

    def decide(self, decision: ReconciliationDecision) -> None:
        """Continue and New are one click; Change and Stop ask what changes, or why."""
        med = self.selected_medication()
        if med is None:
            return
        if decision in (ReconciliationDecision.CONTINUE, ReconciliationDecision.NEW):
            self._actions.reconcile_medication(med.patient_id, med.id, decision, "")
            return
        dlg = self._reconcile_dialog(med, decision)
        open_dialog(
            dlg,
            lambda: self._actions.reconcile_medication(
                med.patient_id, med.id, dlg.result_decision(), dlg.result_note()
            ),
        )

    def _reconcile_dialog(
        self, med: HomeMedication, decision: ReconciliationDecision
    ) -> ReconcileDialog:
        return ReconcileDialog(self, med, decision)

    def add_new_medication(self) -> None:
        view = self.view
        if view is None:
            return
        # The Medications tab's own editor: one way to write a medication down.
        dlg = medication_dialog(self, view.patient.id, self._actions.service, None)
        dlg.setWindowTitle(self.tr("Add a new medication for discharge"))
        open_dialog(dlg, lambda: self._actions.add_new_medication(dlg.result_medication()))
