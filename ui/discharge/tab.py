"""The Discharge tab: plan, checklist, medication reconciliation, home care, follow-up.

A host for one widget per section (``ui.discharge.sections``). It reads its own
``DischargeView`` from the cache (on the DB worker, only while the tab is on screen)
and hands it to every section; the sections write through ``ChartActions``. After
every save the chart is shown again and the tab reloads, so what is on screen is
what is stored. Printing and PDF export of the summary are the tab's too.
"""

from __future__ import annotations

from app.services import DischargeView, PatientChart
from ui.base.shortcuts import widget_shortcut
from ui.base.taskman import DbOp
from ui.discharge.dialogs import open_dialog
from ui.discharge.sections.checklist import ChecklistSection
from ui.discharge.sections.contacts import ContactsSection
from ui.discharge.sections.follow_up import FollowUpSection
from ui.discharge.sections.medications import MedicationsSection
from ui.discharge.sections.plan_header import PlanHeaderSection
from ui.discharge.sections.section import DischargeSection
from ui.discharge.summary.output import SummaryOutput
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtGui, QtWidgets, Signal


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
        page = QtWidgets.QVBoxLayout(content)
        page.setContentsMargins(8, 4, 8, 8)
        self.scroll_area.setWidget(content)

        # In page order, which is also the order Tab walks through them.
        self.plan_header = PlanHeaderSection(actions, content)
        self.checklist = ChecklistSection(actions, content, language=language)
        self.medications = MedicationsSection(actions, content)
        self.contacts = ContactsSection(actions, content)
        self.follow_up = FollowUpSection(actions, content)
        self.sections: tuple[DischargeSection, ...] = (
            self.plan_header,
            self.checklist,
            self.medications,
            self.contacts,
            self.follow_up,
        )
        for section in self.sections:
            page.addWidget(section)
        page.addStretch(1)
        self.loading_label = QtWidgets.QLabel(self.tr("Loading the discharge plan…"), content)
        self.loading_label.setObjectName("mutedText")
        page.insertWidget(0, self.loading_label)

        self.plan_header.sig_print_requested.connect(self.print_summary)
        self.plan_header.sig_export_requested.connect(self.export_pdf)
        self.follow_up.sig_ask_question.connect(self.sig_ask_question)
        print_keys = QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Print)
        widget_shortcut(
            print_keys, self, self.print_summary, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._set_sections_visible(False)

    # --- loading ----------------------------------------------------------------------

    def show_chart(self, chart: PatientChart) -> None:
        """The chart was (re)shown: reload the discharge view now if on screen, else later."""
        if chart.patient.id != self._patient_id:
            # Another patient: never leave the previous one's plan on screen.
            self._patient_id = chart.patient.id
            self.view = None
            for section in self.sections:
                section.forget_view()
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

        DbOp(self._actions.tasks, lambda: service.discharge.view(patient_id)).success(show).run()

    def show_view(self, view: DischargeView) -> None:
        self.view = view
        self.loading_label.hide()
        self._set_sections_visible(True)
        for section in self.sections:
            section.show_view(view)
        if self._focus_pending:
            self._focus_pending = False
            self.focus_first()
        self.sig_view_shown.emit(view.patient.id)

    def _set_sections_visible(self, visible: bool) -> None:
        for section in self.sections:
            section.setVisible(visible)

    # --- focus ------------------------------------------------------------------------

    def request_focus(self) -> None:
        """Put the keyboard on the plan once the view is shown (opened from the board)."""
        self._focus_pending = True

    def focus_first(self) -> None:
        """The checklist when there is a plan, else "Start discharge plan…"."""
        if self.view is not None and self.view.plan is not None:
            self.checklist.focus_table()
        else:
            self.plan_header.focus_start()

    # --- what the main window asks for --------------------------------------------------

    def start_plan(self) -> None:
        """The new-plan dialog over the patient on screen (from the board's "Start plan…")."""
        self.plan_header.start_plan()

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
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Warning,
            self.tr("Discharge summary"),
            message or self.tr("Nothing was printed."),
            QtWidgets.QMessageBox.StandardButton.Ok,
            self,
        )
        open_dialog(box)
