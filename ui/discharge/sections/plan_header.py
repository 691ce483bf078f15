"""The Discharge tab's first section: expected date, destination, readiness, the plan's note.

Starts or edits the plan (``PlanDialog``); its print and export buttons only ask the
tab, which owns the summary output.
"""

from __future__ import annotations

from app.clock import local_day
from app.discharge import DischargePlan
from app.services import DischargeView
from ui.base.style import unsent_color
from ui.base.words import READY_GLYPH, destination_text
from ui.chart.record_tab import push_button
from ui.discharge.dialogs import PlanDialog, open_dialog
from ui.discharge.sections.section import DischargeSection
from ui.discharge.text import date_text, days_until_text, overdue_text, readiness_text
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtWidgets, Signal


class PlanHeaderSection(DischargeSection):
    """The plan at a glance, and the way to start one when there is none yet."""

    sig_print_requested = Signal()
    """The user wants the discharge summary printed."""

    sig_export_requested = Signal()
    """The user wants the discharge summary saved as a PDF."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget) -> None:
        super().__init__(actions, parent)
        self.set_title(self.tr("Discharge plan"))
        grid = QtWidgets.QGridLayout(self)
        self.date_label = QtWidgets.QLabel()
        self.date_label.setAccessibleName(self.tr("Expected discharge"))
        self.destination_label = QtWidgets.QLabel()
        self.destination_label.setAccessibleName(self.tr("Destination"))
        self.readiness_label = QtWidgets.QLabel()
        self.readiness_label.setAccessibleName(self.tr("Readiness"))
        self.overdue_label = QtWidgets.QLabel()
        self.overdue_label.setObjectName("overdueChip")
        self.overdue_label.setAccessibleName(self.tr("Overdue checklist items"))
        self.plan_note_label = QtWidgets.QLabel()
        self.plan_note_label.setWordWrap(True)
        self.plan_note_label.setObjectName("mutedText")
        self.no_plan_label = QtWidgets.QLabel(
            self.tr("No discharge plan yet. Start one to get the checklist.")
        )
        self.start_button = push_button(
            self.tr("Start discharge plan…"),
            self.tr("Start discharge plan"),
            self.tr("Choose the expected date and destination; the checklist follows"),
            self,
        )
        self.edit_button = push_button(
            self.tr("Edit plan…"),
            self.tr("Edit discharge plan"),
            self.tr("Change the expected date, destination or note"),
            self,
        )
        self.print_button = push_button(
            self.tr("Print summary…"),
            self.tr("Print discharge summary"),
            self.tr("Print the discharge summary (Ctrl+P); you confirm who you are first"),
            self,
        )
        self.export_button = push_button(
            self.tr("Export PDF…"),
            self.tr("Export discharge summary as PDF"),
            self.tr("Save the discharge summary as a PDF; you confirm who you are first"),
            self,
        )
        # Two short lines rather than one long one: the tab must fit a narrow window too.
        facts = QtWidgets.QGridLayout()
        facts.setHorizontalSpacing(18)
        facts.addWidget(self.date_label, 0, 0)
        facts.addWidget(self.destination_label, 0, 1)
        facts.addWidget(self.readiness_label, 1, 0)
        facts.addWidget(self.overdue_label, 1, 1, Qt.AlignmentFlag.AlignLeft)
        facts.setColumnStretch(2, 1)
        grid.addLayout(facts, 0, 0)
        grid.addWidget(self.no_plan_label, 1, 0)
        grid.addWidget(self.plan_note_label, 2, 0)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.start_button, self.edit_button, self.print_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0)
        self.start_button.clicked.connect(self.start_plan)
        self.edit_button.clicked.connect(self.edit_plan)
        self.print_button.clicked.connect(self.sig_print_requested)
        self.export_button.clicked.connect(self.sig_export_requested)

    def _show(self, view: DischargeView) -> None:
        plan = view.plan
        self.no_plan_label.setVisible(plan is None)
        self.start_button.setVisible(plan is None)
        self.edit_button.setVisible(plan is not None)
        if plan is not None:
            self._show_plan(plan, view)
        self.plan_note_label.setVisible(plan is not None and bool(plan.note))
        for label in (self.date_label, self.destination_label, self.readiness_label):
            label.setVisible(plan is not None)
        readiness = view.readiness
        ready = readiness.ready
        readiness_words = readiness_text(readiness)
        if ready:
            readiness_words = (
                f"{READY_GLYPH} " + self.tr("ready for discharge") + f" ({readiness_words})"
            )
        self.readiness_label.setText(self.tr("Readiness: <b>%1</b>").replace("%1", readiness_words))
        self.readiness_label.setAccessibleDescription(
            self.tr("ready for discharge") if ready else self.tr("not ready yet")
        )
        overdue = overdue_text(readiness)
        self.overdue_label.setText(overdue)
        self.overdue_label.setToolTip("\n".join(readiness.overdue))
        self.overdue_label.setVisible(bool(overdue) and plan is not None)

    def _show_plan(self, plan: DischargePlan, view: DischargeView) -> None:
        if plan.expected_date is not None:
            today = local_day(view.as_of)
            when = (
                date_text(plan.expected_date)
                + " ("
                + days_until_text(plan.expected_date, today)
                + ")"
            )
        else:
            when = self.tr("not decided")
        unsent = (
            f" &nbsp;<span style='color:{unsent_color().name()}'>● "
            + self.tr("not yet sent")
            + "</span>"
            if plan.unsent
            else ""
        )
        self.date_label.setText(self.tr("Expected discharge: <b>%1</b>").replace("%1", when))
        self.destination_label.setText(
            self.tr("Destination: <b>%1</b>").replace("%1", destination_text(plan.destination))
            + unsent
        )
        self.plan_note_label.setText(
            self.tr("Note: %1").replace("%1", plan.note) if plan.note else ""
        )

    def update_buttons(self) -> None:
        self.print_button.setEnabled(self.view is not None)
        self.export_button.setEnabled(self.view is not None)

    def focus_start(self) -> None:
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the plan ---------------------------------------------------------------------

    def start_plan(self) -> None:
        view = self.view
        if view is None or view.plan is not None:
            return
        dlg = self._plan_dialog(None)
        open_dialog(
            dlg,
            lambda: self._actions.start_discharge_plan(
                view.patient.id, dlg.result_date(), dlg.result_destination(), dlg.result_note()
            ),
        )

    def edit_plan(self) -> None:
        plan = self.view.plan if self.view is not None else None
        if plan is None:
            return
        dlg = self._plan_dialog(plan)
        open_dialog(
            dlg,
            lambda: self._actions.save_discharge_plan(
                plan.model_copy(
                    update={
                        "expected_date": dlg.result_date(),
                        "destination": dlg.result_destination(),
                        "note": dlg.result_note(),
                    }
                )
            ),
        )

    def _plan_dialog(self, plan: DischargePlan | None) -> PlanDialog:
        return PlanDialog(self, plan, self.suggested_discharge_date())
