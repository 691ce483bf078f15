"""The Discharge tab's follow-up: how the patient wants to be contacted, and appointments.

The preferred channel and times are the patient's answers on the Ask-once tab, shown
here and never asked twice: the button goes to the question. Under them, whom exactly
the follow-up reaches and at which number (or why it cannot: no number, no helper, a
helper without consent), and the request handed to the hospital's messaging system
when the plan is complete, which can be cancelled here. Appointments (GP, clinic,
home-care first visit) belong to the plan and are edited here.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape

from app.discharge import (
    Appointment,
    FollowUp,
    FollowUpMedium,
    FollowUpProblem,
    FollowUpRequest,
    FollowUpRoute,
    FollowUpStatus,
)
from app.domain import AnswerState, Channel
from app.services import DischargeView
from app.services.discharge import FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION
from ui.base.shortcuts import widget_shortcut
from ui.base.style import date_text, relative_time
from ui.base.words import channel_text
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
from ui.qt import Qt, QtWidgets, Signal


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
        self.route_label = QtWidgets.QLabel()
        self.route_label.setWordWrap(True)
        self.route_label.setTextFormat(Qt.TextFormat.RichText)
        self.route_label.setAccessibleName(self.tr("Whom the follow-up reaches, and how"))
        lay.addWidget(self.route_label)
        row = QtWidgets.QHBoxLayout()
        self.request_label = QtWidgets.QLabel()
        self.request_label.setWordWrap(True)
        self.request_label.setTextFormat(Qt.TextFormat.RichText)
        self.request_label.setAccessibleName(self.tr("Follow-up request"))
        row.addWidget(self.request_label, 1)
        self.request_button = push_button(
            self.tr("Request follow-up"),
            self.tr("Send the follow-up request to the messaging system"),
            self.tr(
                "Hand the follow-up to the hospital's messaging or call system now, on the"
                " patient's channel and at their preferred time"
            ),
            self,
        )
        self.request_button.clicked.connect(self.request_follow_up)
        row.addWidget(self.request_button, 0, Qt.AlignmentFlag.AlignTop)
        self.cancel_request_button = push_button(
            self.tr("Cancel follow-up request"),
            self.tr("Cancel the follow-up request"),
            self.tr("Withdraw the request from the hospital's messaging or call system"),
            self,
        )
        self.cancel_request_button.clicked.connect(self.cancel_follow_up)
        row.addWidget(self.cancel_request_button, 0, Qt.AlignmentFlag.AlignTop)
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
        widget_shortcut(Qt.Key.Key_Return, table, self.edit_appointment, on_table)
        widget_shortcut(Qt.Key.Key_Delete, table, self.remove_appointment, on_table)
        table.doubleClicked.connect(lambda _i: self.edit_appointment())
        self._follow_selection(table)

    def _show(self, view: DischargeView) -> None:
        self._show_follow_up(view)
        self._show_route(view.follow_up)
        self._show_request(view)
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

    def _show_route(self, follow: FollowUp) -> None:
        route = follow.route
        if route is None or route.problem is FollowUpProblem.NOT_ASKED:
            self.route_label.hide()
            return
        self.route_label.setText(self.route_text(route))
        self.route_label.show()

    def route_text(self, route: FollowUpRoute) -> str:
        """Whom the follow-up reaches and at which number, or why it cannot (a warning)."""
        medium = _medium_words(route.medium)
        name = escape(route.recipient_name)
        problem = route.problem
        if problem is None:
            if route.recipient_contact_id is None:
                return (
                    self.tr("Follow-up reaches the patient by <b>%1</b> at <b>%2</b>.")
                    .replace("%1", medium)
                    .replace("%2", escape(route.address))
                )
            return (
                self.tr("Follow-up reaches <b>%1</b> (helper at home) by <b>%2</b> at <b>%3</b>.")
                .replace("%1", name)
                .replace("%2", medium)
                .replace("%3", escape(route.address))
            )
        if problem is FollowUpProblem.NO_CONSENT:
            text = self.tr(
                "%1 has not consented to receive information, so the follow-up cannot go"
                " through them: choose another helper at home, or ask the patient for another"
                " channel."
            ).replace("%1", name)
        elif problem is FollowUpProblem.NO_HELPER:
            text = self.tr(
                "The follow-up goes through a relative or carer, but no helper at home is"
                " chosen yet (Home care, above)."
            )
        elif problem is FollowUpProblem.UNSUPPORTED:
            text = self.tr(
                "The hospital's messaging system cannot use this channel: arrange the"
                " follow-up by hand."
            )
        elif route.recipient_contact_id is not None:
            text = (
                self.tr("No e-mail address is known for %1: add one on the Home & helpers tab.")
                if problem is FollowUpProblem.NO_EMAIL
                else self.tr("No phone number is known for %1: add one on the Home & helpers tab.")
            ).replace("%1", name)
        else:
            text = (
                self.tr(
                    "No e-mail address is known for the patient: ask for one, or ask for"
                    " another channel."
                )
                if problem is FollowUpProblem.NO_EMAIL
                else self.tr(
                    "No phone number is known for the patient: ask for one, or ask for"
                    " another channel."
                )
            )
        return "⚠ " + text

    def _show_request(self, view: DischargeView) -> None:
        request = view.follow_up.request
        if view.plan is None:
            self.request_label.setText("")
        elif request is None:
            self.request_label.setText(
                self.tr(
                    "No follow-up request yet: it goes to the messaging system when the plan"
                    " is complete."
                )
                if not view.readiness.ready
                else self.tr("No follow-up request has gone to the messaging system.")
            )
        else:
            text = self.request_text(request, view.follow_up.request_times)
            route = view.follow_up.route
            if request.status.live and (route is None or not request.same_route(route)):
                # Edits here re-route the request at once; a change downloaded from another
                # system (consent withdrawn, a contact ended) may not have yet.
                text += "<br/>⚠ " + self.tr(
                    "This request no longer matches whom the follow-up should reach (above):"
                    " cancel it, and request it again if needed."
                )
            self.request_label.setText(text)

    def request_text(self, request: FollowUpRequest, times: str) -> str:
        status = self.status_words(request.status)
        who = (
            escape(request.recipient_name)
            if request.recipient_contact_id
            else self.tr("the patient")
        )
        text = (
            self.tr("Follow-up request <b>%1</b>: %2 to %3 at %4, %5.")
            .replace("%1", status)
            .replace("%2", _medium_words(request.medium))
            .replace("%3", who)
            .replace("%4", escape(request.address))
            .replace("%5", escape(times) or self.tr("any time"))
        )
        if request.start is not None:
            text += " " + self.tr("From %1.").replace("%1", date_text(request.start.date()))
        if request.unsent:
            text += " " + self.tr("(not yet sent to the server)")
        return text

    def status_words(self, status: FollowUpStatus) -> str:
        """A request's status as the coordinator reads it (every FHIR R4 status)."""
        return {
            FollowUpStatus.DRAFT: self.tr("drafted"),
            FollowUpStatus.ACTIVE: self.tr("requested"),
            FollowUpStatus.ON_HOLD: self.tr("on hold until the plan is complete again"),
            FollowUpStatus.REVOKED: self.tr("cancelled"),
            FollowUpStatus.COMPLETED: self.tr("done"),
            FollowUpStatus.ENTERED_IN_ERROR: self.tr("entered in error"),
            FollowUpStatus.UNKNOWN: self.tr("status unknown"),
        }[status]

    def update_buttons(self) -> None:
        view = self.view
        request = view.follow_up.request if view is not None else None
        active = request is not None and request.status.live
        route = view.follow_up.route if view is not None else None
        self.cancel_request_button.setVisible(active)
        self.cancel_request_button.setEnabled(active)
        can_request = (
            view is not None
            and view.plan is not None
            and view.readiness.ready
            and not active
            and route is not None
            and route.ready
        )
        self.request_button.setVisible(can_request)
        self.request_button.setEnabled(can_request)
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

    def request_follow_up(self) -> None:
        view = self.view
        if view is not None and view.plan is not None:
            self._actions.request_follow_up(view.patient.id)

    def cancel_follow_up(self) -> None:
        view = self.view
        request = view.follow_up.request if view is not None else None
        if view is not None and request is not None and request.status.live:
            self._actions.cancel_follow_up(view.patient.id, request.id)

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


def _medium_words(medium: FollowUpMedium | None) -> str:
    """The medium as the contacts' channels are worded (phone call, text message, e-mail)."""
    return channel_text(Channel(medium.value)) if medium is not None else ""
