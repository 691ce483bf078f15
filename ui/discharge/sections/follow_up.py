"""The Discharge tab's follow-up: how the patient wants to be contacted, and appointments.

The preferred channel and times are the patient's answers on the Ask-once tab, shown
here and never asked twice: the button goes to the question. Appointments (GP, clinic,
home-care first visit) belong to the plan and are edited here.
"""

from __future__ import annotations

from datetime import timedelta

from app.discharge import Appointment
from app.domain import AnswerState
from app.services import DischargeView
from app.services.discharge import FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION
from ui.base.style import relative_time
from ui.chart.record_tab import push_button
from ui.discharge.dialogs import AppointmentDialog, open_dialog
from ui.discharge.models import AppointmentColumn, AppointmentModel
from ui.discharge.sections.section import DischargeSection
from ui.discharge.sections.tables import (
    SectionSelection,
    fit_table,
    refill_keeping_selection,
    section_table,
)
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtGui, QtWidgets, Signal


class FollowUpSection(DischargeSection):
    """The answered (or still open) follow-up questions, and the plan's appointments."""

    sig_ask_question = Signal(str)
    """The user wants to ask a catalog question on the Ask-once tab (argument: question code)."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget) -> None:
        super().__init__(actions, parent)
        self.set_title(self.tr("Follow-up"))
        lay = QtWidgets.QVBoxLayout(self)
        row = QtWidgets.QHBoxLayout()
        self.follow_label = QtWidgets.QLabel()
        self.follow_label.setWordWrap(True)
        self.follow_label.setTextFormat(Qt.TextFormat.RichText)
        self.follow_label.setAccessibleName(self.tr("Preferred follow-up channel and times"))
        row.addWidget(self.follow_label, 1)
        self.ask_button = push_button(
            self.tr("Ask on the Ask-once tab…"),
            self.tr("Ask the follow-up question on the Ask-once tab"),
            self.tr("The answer is recorded once, on the Ask-once tab, and shows here"),
            self,
        )
        self.ask_button.clicked.connect(self._ask_follow_up)
        row.addWidget(self.ask_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(row)
        appointments = QtWidgets.QLabel("<b>" + self.tr("Appointments") + "</b>")
        lay.addWidget(appointments)
        self.model = AppointmentModel(self)
        self.table = section_table(
            self.model,
            self.tr("Follow-up appointments"),
            (AppointmentColumn.WITH, AppointmentColumn.WHERE, AppointmentColumn.NOTE),
            self,
        )
        self._selection = SectionSelection(self.table, self.model)
        self.no_appointments_label = QtWidgets.QLabel(self.tr("No follow-up appointments yet."))
        self.no_appointments_label.setObjectName("mutedText")
        lay.addWidget(self.no_appointments_label)
        lay.addWidget(self.table)
        row = QtWidgets.QHBoxLayout()
        self.add_button = push_button(
            self.tr("Add appointment…"),
            self.tr("Add follow-up appointment"),
            self.tr("GP, clinic or home-care first visit after discharge"),
            self,
        )
        self.edit_button = push_button(
            self.tr("Edit…"),
            self.tr("Edit selected appointment"),
            self.tr("Edit the selected appointment (Enter in the list)"),
            self,
        )
        self.remove_button = push_button(
            self.tr("Remove"),
            self.tr("Remove selected appointment"),
            self.tr("Remove the selected appointment (Delete in the list)"),
            self,
        )
        for button in (self.add_button, self.edit_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        self.add_button.clicked.connect(self.add_appointment)
        self.edit_button.clicked.connect(self.edit_appointment)
        self.remove_button.clicked.connect(self.remove_appointment)
        on_table = Qt.ShortcutContext.WidgetShortcut
        table = self.table
        QtGui.QShortcut(
            QtGui.QKeySequence(Qt.Key.Key_Return), table, self.edit_appointment, on_table
        )
        QtGui.QShortcut(
            QtGui.QKeySequence(Qt.Key.Key_Delete), table, self.remove_appointment, on_table
        )
        table.doubleClicked.connect(lambda _i: self.edit_appointment())
        self._follow_selection(table)

    def _show(self, view: DischargeView) -> None:
        self._show_follow_up(view)
        appointments = view.plan.appointments if view.plan is not None else ()
        refill_keeping_selection(self._selection, lambda: self.model.set_records(appointments))
        self.table.setVisible(bool(appointments))
        self.no_appointments_label.setVisible(not appointments)
        fit_table(self.table)

    def _show_follow_up(self, view: DischargeView) -> None:
        follow = view.follow_up
        if follow.state is AnswerState.VALID and follow.channel:
            who = follow.answered_by or ""
            when = relative_time(follow.answered_at, view.as_of) if follow.answered_at else ""
            text = (
                self.tr("Preferred channel: <b>%1</b> · best times: <b>%2</b>")
                .replace("%1", follow.channel)
                .replace("%2", follow.times or self.tr("no preference"))
            )
            text += (
                "<br/><span>"
                + (
                    self.tr("Answered by %1, %2 (from the Ask-once tab)")
                    .replace("%1", who)
                    .replace("%2", when)
                )
                + "</span>"
            )
            self.ask_button.hide()
        else:
            if follow.state is AnswerState.DUE:
                text = self.tr(
                    "The preferred follow-up channel is <b>due for re-confirmation</b>"
                    " (last answer: %1)."
                ).replace("%1", ", ".join(x for x in (follow.channel, follow.times) if x))
            else:
                text = self.tr(
                    "The patient has <b>not yet been asked</b> how they want to be contacted"
                    " after discharge."
                )
            self.ask_button.show()
        self.follow_label.setText(text)

    def update_buttons(self) -> None:
        has_plan = self.has_plan
        selected = self._selection.row() is not None
        self.add_button.setEnabled(has_plan)
        self.edit_button.setEnabled(has_plan and selected)
        self.remove_button.setEnabled(has_plan and selected)

    def _ask_follow_up(self) -> None:
        """Only the question that is not settled: the channel first, then the times."""
        follow = self.view.follow_up if self.view is not None else None
        if follow is not None and follow.channel_state is AnswerState.VALID:
            self.sig_ask_question.emit(FOLLOW_UP_TIMES_QUESTION)
        else:
            self.sig_ask_question.emit(FOLLOW_UP_CHANNEL_QUESTION)

    # --- appointments -----------------------------------------------------------------

    def _appointment_dialog(self, existing: Appointment | None) -> AppointmentDialog:
        return AppointmentDialog(
            self, existing, self.suggested_discharge_date() + timedelta(days=7)
        )

    def add_appointment(self) -> None:
        plan = self.view.plan if self.view is not None else None
        if plan is None:
            return
        dlg = self._appointment_dialog(None)
        open_dialog(
            dlg,
            lambda: self._actions.save_discharge_plan(
                plan.model_copy(
                    update={"appointments": (*plan.appointments, dlg.result_appointment())}
                )
            ),
        )

    def edit_appointment(self) -> None:
        plan = self.view.plan if self.view is not None else None
        row = self._selection.row()
        if plan is None or row is None:
            return
        dlg = self._appointment_dialog(plan.appointments[row])

        def save() -> None:
            appointments = list(plan.appointments)
            appointments[row] = dlg.result_appointment()
            self._actions.save_discharge_plan(
                plan.model_copy(update={"appointments": tuple(appointments)})
            )

        open_dialog(dlg, save)

    def remove_appointment(self) -> None:
        plan = self.view.plan if self.view is not None else None
        row = self._selection.row()
        if plan is None or row is None:
            return
        appointments = tuple(a for n, a in enumerate(plan.appointments) if n != row)
        self._actions.save_discharge_plan(plan.model_copy(update={"appointments": appointments}))
