"""The Discharge tab: plan, checklist, medication reconciliation, home care, follow-up.

It reads its own ``DischargeView`` from the cache (on the DB worker, only while
the tab is on screen) and writes through ``ChartActions``; after every save the
chart is shown again and the tab reloads, so what is on screen is what is stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from app.clock import local_day
from app.discharge import Appointment, DischargeTask, TaskStatus
from app.discharge_service import FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION
from app.domain import (
    AnswerState,
    ContactKind,
    HomeCareContact,
    HomeMedication,
    ReconciliationDecision,
    Source,
)
from app.services import DischargeView, PatientChart
from ui.base.style import relative_time, unsent_color
from ui.base.taskman import DbOp
from ui.base.words import DECISION_GLYPHS, READY_GLYPH, destination_text, task_status_label
from ui.chart.record_tab import push_button
from ui.discharge.dialogs import AppointmentDialog, PlanDialog, ReconcileDialog, TaskDialog
from ui.discharge.models import (
    AppointmentColumn,
    AppointmentModel,
    ChecklistModel,
    ContactColumn,
    DischargeContactModel,
    MedColumn,
    ReconciliationModel,
    SectionSelection,
    TaskColumn,
    fit_table,
    section_table,
    stretch_when_used,
)
from ui.discharge.summary.output import SummaryOutput
from ui.discharge.text import (
    date_text,
    days_until_text,
    overdue_text,
    readiness_text,
    unreconciled_text,
)
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtGui, QtWidgets, Signal

# --- the tab --------------------------------------------------------------------------


class DischargeTab(QtWidgets.QWidget):
    """Everything a coordinator needs to send the patient home safely, on one scrolling page."""

    sig_view_shown = Signal(str)
    """The tab shows a fresh discharge view (argument: patient id)."""

    sig_ask_question = Signal(str)
    """The user wants to ask a catalog question on the Ask-once tab (argument: question code)."""

    def __init__(
        self,
        actions: ChartActions,
        parent: QtWidgets.QWidget | None = None,
        *,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self.language = language
        self.view: DischargeView | None = None
        self._patient_id: str | None = None
        self._stale = False
        self._focus_pending = False
        self._generation = 0
        self.summary_output = SummaryOutput(actions.tasks, actions.service, self, language=language)
        self.summary_output.sig_output_done.connect(self._on_output_done)
        self.summary_output.sig_output_failed.connect(self._on_output_failed)

        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QtWidgets.QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area)
        content = QtWidgets.QWidget()
        content.setObjectName("dischargeContent")
        self.page = QtWidgets.QVBoxLayout(content)
        self.page.setContentsMargins(8, 4, 8, 8)
        self.scroll_area.setWidget(content)

        self._build_plan(content)
        self._build_checklist(content)
        self._build_medications(content)
        self._build_contacts(content)
        self._build_follow_up(content)
        self.page.addStretch(1)
        self.loading_label = QtWidgets.QLabel(self.tr("Loading the discharge plan…"), content)
        self.loading_label.setObjectName("mutedText")
        self.page.insertWidget(0, self.loading_label)

        print_keys = QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Print)
        QtGui.QShortcut(
            print_keys, self, self.print_summary, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._set_sections_visible(False)

    # --- construction -----------------------------------------------------------------

    def _follow_selection(self, table: QtWidgets.QTableView) -> None:
        """Buttons follow the mouse's selection and the keyboard's current row."""
        selection = table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        selection.currentRowChanged.connect(lambda *_: self._update_buttons())

    def _group(self, title: str, parent: QtWidgets.QWidget) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(title, parent)
        box.setAccessibleName(title)
        self.page.addWidget(box)
        return box

    def _build_plan(self, parent: QtWidgets.QWidget) -> None:
        self.plan_box = self._group(self.tr("Discharge plan"), parent)
        grid = QtWidgets.QGridLayout(self.plan_box)
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
        self.edit_plan_button = push_button(
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
        for button in (
            self.start_button,
            self.edit_plan_button,
            self.print_button,
            self.export_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 3, 0)
        self.start_button.clicked.connect(self.start_plan)
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.print_button.clicked.connect(self.print_summary)
        self.export_button.clicked.connect(self.export_pdf)

    def _build_checklist(self, parent: QtWidgets.QWidget) -> None:
        self.checklist_box = self._group(self.tr("Checklist"), parent)
        lay = QtWidgets.QVBoxLayout(self.checklist_box)
        self.checklist_model = ChecklistModel(self)
        checklist = self._actions.service.checklist
        language = self.language
        # Standard items in the UI language; items someone added keep their own title.
        self.checklist_model.title_of = lambda task: (
            checklist.title_for(task.code, language)
            if checklist.item(task.code) is not None
            else task.title
        )
        self.checklist_table = section_table(
            self.checklist_model,
            self.tr("Discharge checklist"),
            (TaskColumn.TITLE, TaskColumn.NOTE),
            self,
        )
        self.checklist_table.setAccessibleDescription(
            self.tr("Space marks the selected item done or not done; Enter edits it")
        )
        self._tasks_sel = SectionSelection(self.checklist_table, self.checklist_model)
        self.done_button = push_button(
            self.tr("Mark done"),
            self.tr("Mark selected checklist item done"),
            self.tr("Mark the selected item done, or not done again (Space in the list)"),
            self,
        )
        self.status_button = push_button(
            self.tr("Set status"),
            self.tr("Set status of selected checklist item"),
            self.tr("To do, in progress, done or not needed (menu key in the list)"),
            self,
        )
        self.status_menu = QtWidgets.QMenu(self.status_button)
        for status in TaskStatus:
            action = self.status_menu.addAction(task_status_label(status))
            action.triggered.connect(lambda _c=False, s=status: self.set_task_status(s))
        self.status_button.setMenu(self.status_menu)
        self.edit_task_button = push_button(
            self.tr("Edit…"),
            self.tr("Edit selected checklist item"),
            self.tr("Owner, due date, status and note (Enter in the list)"),
            self,
        )
        self.add_task_button = push_button(
            self.tr("Add item…"),
            self.tr("Add checklist item"),
            self.tr("Add an item this patient needs beyond the standard checklist"),
            self,
        )
        lay.addWidget(self.checklist_table)
        row = QtWidgets.QHBoxLayout()
        for button in (
            self.done_button,
            self.status_button,
            self.edit_task_button,
            self.add_task_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        hint = QtWidgets.QLabel(self.tr("Space: done · Enter: edit"))
        hint.setObjectName("mutedText")
        lay.addWidget(hint)  # a line of its own: beside the buttons it made the tab scroll sideways

        on_table = Qt.ShortcutContext.WidgetShortcut
        table = self.checklist_table
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Space), table, self.toggle_done, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Return), table, self.edit_task, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Enter), table, self.edit_task, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Insert), table, self.add_task, on_table)
        table.doubleClicked.connect(lambda _i: self.edit_task())
        table.customContextMenuRequested.connect(
            lambda pos: self.status_menu.exec(table.viewport().mapToGlobal(pos))
        )
        self._follow_selection(table)
        self.done_button.clicked.connect(self.toggle_done)
        self.edit_task_button.clicked.connect(self.edit_task)
        self.add_task_button.clicked.connect(self.add_task)

    def _build_medications(self, parent: QtWidgets.QWidget) -> None:
        self.meds_box = self._group(self.tr("Home medications — discharge decisions"), parent)
        lay = QtWidgets.QVBoxLayout(self.meds_box)
        self.unreconciled_label = QtWidgets.QLabel()
        self.unreconciled_label.setAccessibleName(self.tr("Medications not yet reconciled"))
        lay.addWidget(self.unreconciled_label)
        self.med_model = ReconciliationModel(self)
        self.med_table = section_table(
            self.med_model,
            self.tr("Medication reconciliation"),
            (MedColumn.HOME, MedColumn.NOTE),
            self,
        )
        self._meds_sel = SectionSelection(self.med_table, self.med_model)
        lay.addWidget(self.med_table)
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
        self.add_med_button = push_button(
            self.tr("Add new medication…"),
            self.tr("Add a new medication for discharge"),
            self.tr("A medication started for after discharge; it is marked new"),
            self,
        )
        self.add_med_button.clicked.connect(self.add_new_medication)
        row.addWidget(self.add_med_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.med_table.customContextMenuRequested.connect(
            lambda pos: self.decision_menu.exec(self.med_table.viewport().mapToGlobal(pos))
        )
        self._follow_selection(self.med_table)

    def _build_contacts(self, parent: QtWidgets.QWidget) -> None:
        self.contacts_box = self._group(self.tr("Home care — contacts and helper"), parent)
        lay = QtWidgets.QVBoxLayout(self.contacts_box)
        self.contact_model = DischargeContactModel(self)
        self.contacts_table = section_table(
            self.contact_model,
            self.tr("Home-care contacts for discharge"),
            (ContactColumn.NAME, ContactColumn.RELATIONSHIP),
            self,
        )
        self._contacts_sel = SectionSelection(self.contacts_table, self.contact_model)
        self.no_contacts_label = QtWidgets.QLabel(
            self.tr("No contacts recorded yet: add them on the Home & helpers tab.")
        )
        self.no_contacts_label.setObjectName("mutedText")
        lay.addWidget(self.no_contacts_label)
        lay.addWidget(self.contacts_table)
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
        self._follow_selection(self.contacts_table)

    def _build_follow_up(self, parent: QtWidgets.QWidget) -> None:
        self.follow_box = self._group(self.tr("Follow-up"), parent)
        lay = QtWidgets.QVBoxLayout(self.follow_box)
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
        self.appointment_model = AppointmentModel(self)
        self.appointments_table = section_table(
            self.appointment_model,
            self.tr("Follow-up appointments"),
            (AppointmentColumn.WITH, AppointmentColumn.WHERE, AppointmentColumn.NOTE),
            self,
        )
        self._appointments_sel = SectionSelection(self.appointments_table, self.appointment_model)
        self.no_appointments_label = QtWidgets.QLabel(self.tr("No follow-up appointments yet."))
        self.no_appointments_label.setObjectName("mutedText")
        lay.addWidget(self.no_appointments_label)
        lay.addWidget(self.appointments_table)
        row = QtWidgets.QHBoxLayout()
        self.add_appointment_button = push_button(
            self.tr("Add appointment…"),
            self.tr("Add follow-up appointment"),
            self.tr("GP, clinic or home-care first visit after discharge"),
            self,
        )
        self.edit_appointment_button = push_button(
            self.tr("Edit…"),
            self.tr("Edit selected appointment"),
            self.tr("Edit the selected appointment (Enter in the list)"),
            self,
        )
        self.remove_appointment_button = push_button(
            self.tr("Remove"),
            self.tr("Remove selected appointment"),
            self.tr("Remove the selected appointment (Delete in the list)"),
            self,
        )
        for button in (
            self.add_appointment_button,
            self.edit_appointment_button,
            self.remove_appointment_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        self.add_appointment_button.clicked.connect(self.add_appointment)
        self.edit_appointment_button.clicked.connect(self.edit_appointment)
        self.remove_appointment_button.clicked.connect(self.remove_appointment)
        on_table = Qt.ShortcutContext.WidgetShortcut
        table = self.appointments_table
        QtGui.QShortcut(
            QtGui.QKeySequence(Qt.Key.Key_Return), table, self.edit_appointment, on_table
        )
        QtGui.QShortcut(
            QtGui.QKeySequence(Qt.Key.Key_Delete), table, self.remove_appointment, on_table
        )
        table.doubleClicked.connect(lambda _i: self.edit_appointment())
        self._follow_selection(table)

    # --- loading ----------------------------------------------------------------------

    @property
    def today(self) -> date:
        """The workstation's day on the session's clock (defaults in the plan and item dialogs)."""
        return self._actions.service.today()

    def show_chart(self, chart: PatientChart) -> None:
        """The chart was (re)shown: reload the discharge view now if on screen, else later."""
        if chart.patient.id != self._patient_id:
            # Another patient: never leave the previous one's plan on screen.
            self._patient_id = chart.patient.id
            self.view = None
            self._set_sections_visible(False)
            self.loading_label.show()
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        patient_id = self._patient_id
        if patient_id is None:
            return
        self._stale = False
        self._generation += 1
        generation = self._generation
        service = self._actions.service

        def show(view: DischargeView) -> None:
            if generation == self._generation and view.patient.id == self._patient_id:
                self.show_view(view)

        DbOp(self._actions.tasks, lambda: service.discharge_view(patient_id)).success(show).run()

    def show_view(self, view: DischargeView) -> None:
        self.view = view
        today = local_day(view.as_of)
        plan = view.plan
        self.loading_label.hide()
        self._set_sections_visible(True)

        # Plan header.
        self.no_plan_label.setVisible(plan is None)
        self.start_button.setVisible(plan is None)
        self.edit_plan_button.setVisible(plan is not None)
        if plan is not None:
            if plan.expected_date is not None:
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

        # Checklist.
        self.checklist_box.setVisible(plan is not None)
        self._reset(
            self._tasks_sel, lambda: self.checklist_model.set_records(view.tasks, view.as_of)
        )

        # Medications.
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
        self._reset(
            self._meds_sel, lambda: self.med_model.set_records(view.medications, view.as_of)
        )
        self.med_table.setVisible(bool(view.medications))

        # Contacts and helper.
        helper_id = plan.home_helper_id if plan is not None else None
        self._reset(
            self._contacts_sel,
            lambda: self.contact_model.set_contacts(view.contacts, helper_id, view.as_of),
        )
        self.no_contacts_label.setVisible(self.contact_model.rowCount() == 0)
        self.contacts_table.setVisible(self.contact_model.rowCount() > 0)
        self._fill_helper_combo(view.contacts, helper_id)

        # Follow-up.
        self._show_follow_up(view)
        appointments = plan.appointments if plan is not None else ()
        self._reset(
            self._appointments_sel, lambda: self.appointment_model.set_records(appointments)
        )
        self.appointments_table.setVisible(bool(appointments))
        self.no_appointments_label.setVisible(not appointments)

        stretch_when_used(self.checklist_table, TaskColumn.NOTE, any(t.note for t in view.tasks))
        stretch_when_used(
            self.med_table,
            MedColumn.NOTE,
            any(m.reconciliation and m.reconciliation.note for m in view.medications),
        )
        for table in (
            self.checklist_table,
            self.med_table,
            self.contacts_table,
            self.appointments_table,
        ):
            fit_table(table)
        self._update_buttons()
        if self._focus_pending:
            self._focus_pending = False
            self.focus_first()
        self.sig_view_shown.emit(view.patient.id)

    def request_focus(self) -> None:
        """Put the keyboard on the plan once the view is shown (opened from the board)."""
        self._focus_pending = True

    def focus_first(self) -> None:
        """The checklist when there is a plan, else "Start discharge plan…"."""
        if self.view is not None and self.view.plan is not None:
            table = self.checklist_table
            table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not table.currentIndex().isValid() and self.checklist_model.rowCount():
                table.setCurrentIndex(self.checklist_model.index(0, 0))
        else:
            self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _reset(self, selection: SectionSelection[Any], fill: Callable[[], None]) -> None:
        """Refill a table and keep the same record (or row) selected and focused."""
        had_focus = selection.table.hasFocus()
        row = selection.row()
        keep_id = selection.record_id()
        model = selection.model
        fill()
        if keep_id is not None:
            row = model.row_for(keep_id)
        if row is not None and 0 <= row < model.rowCount():
            selection.table.selectRow(row)
        if had_focus:
            selection.table.setFocus()

    def _set_sections_visible(self, visible: bool) -> None:
        for box in (
            self.plan_box,
            self.checklist_box,
            self.meds_box,
            self.contacts_box,
            self.follow_box,
        ):
            box.setVisible(visible)

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
                combo.addItem(label, c.id)
        index = combo.findData(helper_id) if helper_id else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.setEnabled(self.view is not None and self.view.plan is not None and combo.count() > 1)
        combo.setToolTip(
            self.tr("Start the discharge plan first")
            if self.view is not None and self.view.plan is None
            else self.tr("The person who will be at home to help after discharge")
        )

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

    def _ask_follow_up(self) -> None:
        """Only the question that is not settled: the channel first, then the times."""
        follow = self.view.follow_up if self.view is not None else None
        if follow is not None and follow.channel_state is AnswerState.VALID:
            self.sig_ask_question.emit(FOLLOW_UP_TIMES_QUESTION)
        else:
            self.sig_ask_question.emit(FOLLOW_UP_CHANNEL_QUESTION)

    def _update_buttons(self) -> None:
        has_plan = self.view is not None and self.view.plan is not None
        task = self._tasks_sel.record()
        for button in (self.done_button, self.status_button, self.edit_task_button):
            button.setEnabled(task is not None)
        undo = task is not None and task.status is TaskStatus.DONE
        self.done_button.setText(self.tr("Mark not done") if undo else self.tr("Mark done"))
        self.add_task_button.setEnabled(has_plan)
        med = self._meds_sel.record()
        for button in self.decision_buttons.values():
            button.setEnabled(med is not None)
        # A prescription from another system is already known there: it cannot be "new".
        new_button = self.decision_buttons[ReconciliationDecision.NEW]
        new_button.setEnabled(med is not None and not med.prescribed)
        self.add_med_button.setEnabled(self.view is not None)
        contact = self._contacts_sel.record()
        self.verify_button.setEnabled(contact is not None)
        again = contact is not None and contact.verified_by is not None
        self.verify_button.setText(
            self.tr("Verify again") if again else self.tr("Verify for discharge")
        )
        self.add_appointment_button.setEnabled(has_plan)
        selected_appointment = self._appointments_sel.row() is not None
        self.edit_appointment_button.setEnabled(has_plan and selected_appointment)
        self.remove_appointment_button.setEnabled(has_plan and selected_appointment)
        self.print_button.setEnabled(self.view is not None)
        self.export_button.setEnabled(self.view is not None)

    # --- plan -------------------------------------------------------------------------

    def _suggested_date(self) -> date:
        if self.view is not None and self.view.patient.expected_discharge is not None:
            return self.view.patient.expected_discharge
        return self.today + timedelta(days=3)

    def start_plan(self) -> None:
        view = self.view
        if view is None or view.plan is not None:
            return
        dlg = self._plan_dialog(None)
        dlg.accepted.connect(
            lambda: self._actions.start_discharge_plan(
                view.patient.id, dlg.result_date(), dlg.result_destination(), dlg.result_note()
            )
        )
        self._open(dlg)

    def edit_plan(self) -> None:
        plan = self.view.plan if self.view is not None else None
        if plan is None:
            return
        dlg = self._plan_dialog(plan)
        dlg.accepted.connect(
            lambda: self._actions.save_discharge_plan(
                plan.model_copy(
                    update={
                        "expected_date": dlg.result_date(),
                        "destination": dlg.result_destination(),
                        "note": dlg.result_note(),
                    }
                )
            )
        )
        self._open(dlg)

    def _plan_dialog(self, plan: Any) -> PlanDialog:
        return PlanDialog(self, plan, self._suggested_date())

    def _open(self, dlg: QtWidgets.QDialog) -> None:
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    # --- checklist --------------------------------------------------------------------

    def selected_task(self) -> DischargeTask | None:
        return self._tasks_sel.record()

    def toggle_done(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        new = TaskStatus.TODO if task.status is TaskStatus.DONE else TaskStatus.DONE
        self.set_task_status(new)

    def set_task_status(self, status: TaskStatus) -> None:
        task = self.selected_task()
        if task is None or task.status is status:
            return
        self._actions.save_discharge_task(task.model_copy(update={"status": status}))

    def edit_task(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        dlg = self._task_dialog(task)
        dlg.accepted.connect(
            lambda: self._actions.save_discharge_task(task.model_copy(update=dlg.result_fields()))
        )
        self._open(dlg)

    def add_task(self) -> None:
        view = self.view
        if view is None or view.plan is None:
            return
        plan = view.plan
        dlg = self._task_dialog(None)

        def save() -> None:
            service = self._actions.service
            task = DischargeTask.model_validate(
                {
                    "id": service.new_id(),
                    "plan_id": plan.id,
                    "patient_id": plan.patient_id,
                    "code": "custom",
                    "provenance": service.provenance_now(Source.CHART),
                    **dlg.result_fields(),
                }
            )
            self._actions.save_discharge_task(task)

        dlg.accepted.connect(save)
        self._open(dlg)

    def _task_dialog(self, task: DischargeTask | None) -> TaskDialog:
        plan = self.view.plan if self.view is not None else None
        default_due = plan.expected_date if plan and plan.expected_date else self.today
        return TaskDialog(self, task, self._actions.service.actor, default_due)

    # --- medications ------------------------------------------------------------------

    def selected_medication(self) -> HomeMedication | None:
        return self._meds_sel.record()

    def decide(self, decision: ReconciliationDecision) -> None:
        """Continue and New are one click; Change and Stop ask what changes, or why."""
        med = self.selected_medication()
        if med is None:
            return
        if decision in (ReconciliationDecision.CONTINUE, ReconciliationDecision.NEW):
            self._actions.reconcile_medication(med.patient_id, med.id, decision, "")
            return
        dlg = self._reconcile_dialog(med, decision)
        dlg.accepted.connect(
            lambda: self._actions.reconcile_medication(
                med.patient_id, med.id, dlg.result_decision(), dlg.result_note()
            )
        )
        self._open(dlg)

    def _reconcile_dialog(
        self, med: HomeMedication, decision: ReconciliationDecision
    ) -> ReconcileDialog:
        return ReconcileDialog(self, med, decision)

    def add_new_medication(self) -> None:
        view = self.view
        if view is None:
            return
        from ui.chart.medication_dialog import medication_dialog  # the Medications tab's own editor

        dlg = medication_dialog(self, view.patient.id, self._actions.service, None)
        dlg.setWindowTitle(self.tr("Add a new medication for discharge"))
        dlg.accepted.connect(lambda: self._actions.add_new_medication(dlg.result_medication()))
        self._open(dlg)

    # --- contacts -----------------------------------------------------------------------

    def selected_contact(self) -> HomeCareContact | None:
        return self._contacts_sel.record()

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

    # --- appointments -------------------------------------------------------------------

    def _appointment_dialog(self, existing: Appointment | None) -> AppointmentDialog:
        return AppointmentDialog(self, existing, self._suggested_date() + timedelta(days=7))

    def add_appointment(self) -> None:
        plan = self.view.plan if self.view is not None else None
        if plan is None:
            return
        dlg = self._appointment_dialog(None)
        dlg.accepted.connect(
            lambda: self._actions.save_discharge_plan(
                plan.model_copy(
                    update={"appointments": (*plan.appointments, dlg.result_appointment())}
                )
            )
        )
        self._open(dlg)

    def edit_appointment(self) -> None:
        plan = self.view.plan if self.view is not None else None
        row = self._appointments_sel.row()
        if plan is None or row is None:
            return
        dlg = self._appointment_dialog(plan.appointments[row])

        def save() -> None:
            appointments = list(plan.appointments)
            appointments[row] = dlg.result_appointment()
            self._actions.save_discharge_plan(
                plan.model_copy(update={"appointments": tuple(appointments)})
            )

        dlg.accepted.connect(save)
        self._open(dlg)

    def remove_appointment(self) -> None:
        plan = self.view.plan if self.view is not None else None
        row = self._appointments_sel.row()
        if plan is None or row is None:
            return
        appointments = tuple(a for n, a in enumerate(plan.appointments) if n != row)
        self._actions.save_discharge_plan(plan.model_copy(update={"appointments": appointments}))

    # --- summary ------------------------------------------------------------------------

    def print_summary(self) -> None:
        if self.view is not None:
            self.summary_output.print_summary(self.view.patient.id)

    def export_pdf(self) -> None:
        if self.view is not None:
            self.summary_output.export_pdf(self.view.patient.id)

    def _on_output_done(self, kind: str, pages: int) -> None:
        text = (
            self.tr("Discharge summary printed (%n page(s)); recorded in the audit log.", "", pages)
            if kind == "print"
            else self.tr(
                "Discharge summary exported (%n page(s)); recorded in the audit log.", "", pages
            )
        )
        window = self.window()
        if isinstance(window, QtWidgets.QMainWindow):
            window.statusBar().showMessage(text, 6000)

    def _on_output_failed(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(
            self, self.tr("Discharge summary"), message or self.tr("Nothing was printed.")
        )
