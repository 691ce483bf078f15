"""The main window: ward list on the left, the open patient on the right.

It puts the parts together and follows the open patient: the ward panel (ward
list and search, ``ward_panel.py``), the patient view and the coordinator's
discharge board (two pages), the commands (``menus.py``), the status bar
(``status_bar.py``), this cache's sync and emergency access (``ui.access``). It
opens the cache, and keeps what is typed across a lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app import __version__
from app.clock import today
from app.domain import Role
from app.errors import KnownError
from app.services import CareService, Conflict, PatientChart, WardRow
from app.session import CacheSession
from ui.access.break_glass_flow import BreakGlassFlow
from ui.base import drafts
from ui.base.diagnostics import export_diagnostics
from ui.base.dialogs import open_dialog
from ui.base.error_text import error_text
from ui.base.preferences import Preferences, PreferencesDialog
from ui.base.taskman import DbOp, TaskManager
from ui.discharge.readiness_board import DischargeBoard
from ui.handover import open_handover
from ui.interview.dialog import INTERVIEW_DRAFT_KIND, InterviewDialog
from ui.mainwindow.menus import MainMenus
from ui.mainwindow.patient_view import PatientView
from ui.mainwindow.status_bar import MainStatusBar
from ui.mainwindow.ward_panel import WardPanel
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.syncstatus.controller import SyncController
from ui.syncstatus.problems import SyncProblemsFlow

log = logging.getLogger(__name__)


class MainWindow(QtWidgets.QMainWindow):
    sig_loaded = Signal()
    """The cache is open and the ward list shows it."""

    sig_chart_shown = Signal(str)
    """A patient's chart is on screen (argument: patient id)."""

    sig_lock_requested = Signal()
    """Lock now (Ctrl+L)."""

    sig_switch_user_requested = Signal()
    """Someone else wants to use this workstation."""

    sig_sign_out_requested = Signal()
    """Sign out: tokens dropped, cache kept."""

    sig_sign_in_requested = Signal()
    """Sign in online again (to sync after the sign-in ended)."""

    def __init__(
        self,
        tasks: TaskManager,
        open_session: Callable[[], CacheSession],
        *,
        demo: bool,
        language: str = "en",
        clock: Callable[[], datetime],
        make_sync: Callable[[CacheSession], SyncController] | None = None,
    ) -> None:
        super().__init__()
        self.tasks = tasks
        self.session: CacheSession | None = None
        self.chart_actions: ChartActions | None = None
        self._open_session = open_session
        self._demo = demo
        self._language = language
        self._clock = clock
        self._current_patient: str | None = None
        self._make_sync = make_sync
        self.sync: SyncController | None = None
        self.break_glass_flow: BreakGlassFlow | None = None
        self.break_glass_minutes = 60
        self._role = Role.NURSE
        self.setWindowTitle(self.tr("AskOnce — DEMO") if demo else self.tr("AskOnce"))
        self.resize(1360, 860)
        self._build()
        self._connect_menus()
        tasks.sig_busy_changed.connect(self.status.show_busy)
        tasks.sig_error.connect(self.show_error)

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        central = QtWidgets.QWidget()
        outer = QtWidgets.QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if self._demo:
            banner = QtWidgets.QLabel(
                self.tr("DEMO — synthetic patients only · nothing is sent anywhere")
            )
            banner.setObjectName("demoBanner")
            banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
            banner.setAccessibleName(self.tr("Demo mode"))
            outer.addWidget(banner)

        self.ward_panel = WardPanel(self.tasks)
        self.ward_panel.sig_patient_selected.connect(self._on_ward_selection)
        self.ward_panel.sig_result_chosen.connect(self.open_patient)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.ward_panel)
        self.stack = QtWidgets.QStackedWidget()
        self.placeholder = QtWidgets.QLabel(self.tr("Loading the encrypted cache…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("mutedText")
        self.stack.addWidget(self.placeholder)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 840])
        # Two pages: the ward with the open patient, and the coordinator's discharge board.
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.splitter)
        clock = self._clock  # not a bound method: the board must not keep the window alive
        self.discharge_board = DischargeBoard(self.tasks, lambda: today(clock))
        self.discharge_board.sig_patient_activated.connect(self.open_from_board)
        self.discharge_board.sig_start_plan_requested.connect(self.start_plan_from_board)
        self.pages.addWidget(self.discharge_board)
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.menus = MainMenus(self, demo=self._demo)
        self.ward_page_action = self.menus.ward_page
        self.board_page_action = self.menus.board_page
        if self.menus.coordinator is not None:
            self.coordinator_action = self.menus.coordinator  # the demo's role switch
        self._build_toolbar()
        self.status = MainStatusBar(self)
        self.status.problems_button.clicked.connect(self.open_sync_problems)
        self.setStatusBar(self.status)

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.addWidget(QtWidgets.QLabel("  <b>AskOnce</b>  "))
        bar.addWidget(self.ward_panel.search_box)
        bar.addAction(self.ward_page_action)
        bar.addAction(self.board_page_action)
        spacer = QtWidgets.QWidget()
        spacer.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
        )
        bar.addWidget(spacer)
        self.user_label = QtWidgets.QLabel()
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        bar.addWidget(self.user_label)

    def _connect_menus(self) -> None:
        m = self.menus
        m.quit.triggered.connect(self.close)
        m.search.triggered.connect(self.focus_search)
        m.ward_list.triggered.connect(self.focus_ward)
        m.next_patient.triggered.connect(lambda: self.ward_panel.step(1))
        m.previous_patient.triggered.connect(lambda: self.ward_panel.step(-1))
        m.reload.triggered.connect(lambda: self.reload())  # not reload(then=<checked>)
        m.ward_page.triggered.connect(self.focus_ward)
        m.board_page.triggered.connect(self.show_board)
        m.interview.triggered.connect(self.open_interview)
        m.export_answers.triggered.connect(
            lambda: self.patient_view.export_answers() if self.session is not None else None
        )
        m.send_answers.triggered.connect(self.send_answers)
        m.handover.triggered.connect(self.open_handover)
        m.settings.triggered.connect(self.open_settings)
        m.export_diagnostics.triggered.connect(self.export_diagnostics)
        if m.coordinator is not None:
            m.coordinator.toggled.connect(
                lambda on: self.set_role(Role.COORDINATOR if on else Role.NURSE)
            )
        if m.emergency is not None:
            m.emergency.triggered.connect(self.break_glass)
        m.sync_now.triggered.connect(self.sync_now)
        m.stop_sync.triggered.connect(self.stop_sync)
        m.sync_problems.triggered.connect(self.open_sync_problems)
        for action, request in (
            (m.lock, self.sig_lock_requested),
            (m.switch_user, self.sig_switch_user_requested),
            (m.sign_in, self.sig_sign_in_requested),
            (m.sign_out, self.sig_sign_out_requested),
        ):
            if action is not None:
                action.triggered.connect(request.emit)
        m.shortcuts.triggered.connect(self._show_shortcuts)
        m.about.triggered.connect(self._show_about)
        m.escape.activated.connect(self.ward_panel.leave_search)

    # --- loading ------------------------------------------------------------------------

    def start(self) -> None:
        """Open the cache on the DB worker, then fill the ward list."""
        DbOp(self.tasks, self._open_session).success(self._on_session).failure(
            self._on_open_failed
        ).run()

    def _on_session(self, session: CacheSession) -> None:
        self.session = session
        self.chart_actions = ChartActions(self.tasks, session.service, self)
        self.chart_actions.sig_chart_changed.connect(self._on_chart_changed)
        self.chart_actions.sig_edit_failed.connect(self._on_edit_failed)
        self.patient_view = PatientView(self.chart_actions, language=self._language)
        self.patient_view.board.sig_interview_requested.connect(self.open_interview)
        self.stack.addWidget(self.patient_view)
        self.patient_view.discharge.summary_output.demo = session.is_demo
        self.patient_view.show_first_tab(self._role)
        self.discharge_board.set_service(session.service)
        self.ward_panel.set_service(session.service)
        if self._role is Role.COORDINATOR:
            self.show_board()
        self.placeholder.setText(self.tr("Select a patient from the list, or search (Ctrl+F)."))
        actor = session.service.actor
        self.user_label.setText(f"{actor.display_name}  ")
        if self._make_sync is None:
            self.reload(then=self.sig_loaded.emit)
            return
        self.sync = self._make_sync(session)
        self.sync.sig_text_changed.connect(self._show_sync_text)
        self.sync.sig_finished.connect(lambda _summary: self._after_sync())
        self.menus.enable_sync(True)
        self.break_glass_flow = BreakGlassFlow(
            self.tasks, session.service, self.sync.engine.find_patient, self
        )
        self.break_glass_flow.sig_access_started.connect(lambda _patient_id: self.sync_now())
        self.break_glass_flow.sig_access_failed.connect(self.show_error)
        self.reload(then=self._loaded_then_sync)

    def _on_open_failed(self, exc: Exception) -> None:
        self.placeholder.setText(self.tr("The local cache could not be opened."))
        self.show_error(exc)

    @property
    def service(self) -> CareService:
        assert self.session is not None
        return self.session.service

    def reload(self, then: Callable[[], None] | None = None) -> None:
        if self.session is None:
            return
        service = self.service

        def load() -> tuple[list[WardRow], int]:
            return service.charts.ward(), service.outbox.count()

        def show(result: tuple[list[WardRow], int]) -> None:
            rows, waiting = result
            self.ward_panel.show_rows(rows, selected=self._current_patient)
            if self.sync is None:  # else the sync controller owns the status line
                self.status.show_without_server(waiting, demo=self._demo)
            if then is not None:
                then()

        DbOp(self.tasks, load).success(show).run()
        self.discharge_board.reload()

    # --- sync -----------------------------------------------------------------------------

    def _loaded_then_sync(self) -> None:
        self.sig_loaded.emit()
        if self.sync is not None:
            self.sync.start()

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def stop_sync(self) -> None:
        if self.sync is not None:
            self.sync.cancel()  # stops between steps; what was confirmed stays confirmed

    def _show_sync_text(self, text: str) -> None:
        local = self.sync.local if self.sync is not None else None
        self.status.show_sync(
            text,
            problems=bool(local and (local.conflicts or local.refused)),
            details=self.sync.details() if self.sync is not None else "",
        )

    def _after_sync(self) -> None:
        self.reload()
        if self._current_patient is not None:
            self._refresh_chart(self._current_patient)

    def open_sync_problems(self) -> None:
        """The conflict list (side-by-side dialog per conflict) and the refused changes."""
        if self.sync is not None and self.session is not None:
            problems = SyncProblemsFlow(self, self.tasks, self.session, self._language)
            problems.sig_conflict_resolved.connect(self.after_conflict_resolved)
            problems.sig_retry_requested.connect(self.sync_now)
            problems.show()

    def after_conflict_resolved(self, conflict: Conflict, edit: bool) -> None:
        if edit and conflict.patient_id:
            # Mine is kept; now the nurse writes the right answer over it.
            self._current_patient = None
            self.open_patient(conflict.patient_id)
            self.statusBar().showMessage(
                self.tr("Correct the answer on the Ask once tab; it is then sent."), 8000
            )
        self.sync_now()

    def break_glass(self) -> None:
        """A patient outside the assignment: reason, PIN, then fetched by a sync."""
        if self.break_glass_flow is not None and self.session is not None:
            self.break_glass_flow.request(self.break_glass_minutes)

    # --- the open patient -------------------------------------------------------------------

    def _on_ward_selection(self, patient_id: str) -> None:
        if patient_id != self._current_patient:
            self.open_patient(patient_id)

    def open_patient(self, patient_id: str) -> None:
        if self.session is None:
            return
        self._current_patient = patient_id
        self.show_ward_page()
        service = self.service
        DbOp(self.tasks, lambda: service.charts.chart(patient_id)).success(self._show_chart).run()

    def _show_chart(self, chart: PatientChart) -> None:
        if chart.patient.id != self._current_patient:
            return  # the nurse already moved on to another patient
        self.patient_view.show_chart(chart)
        self.stack.setCurrentWidget(self.patient_view)
        self.sig_chart_shown.emit(chart.patient.id)

    def _on_chart_changed(self, patient_id: str) -> None:
        self.statusBar().showMessage(self.tr("Saved on this workstation"), 4000)
        if patient_id == self._current_patient:
            self._refresh_chart(patient_id)
        self.reload()
        if self.sync is not None:
            self.sync.refresh_local()

    def _refresh_chart(self, patient_id: str) -> None:
        service = self.service
        DbOp(self.tasks, lambda: service.charts.chart(patient_id, audit_view=False)).success(
            self._show_chart
        ).run()

    def _on_edit_failed(self, message: str) -> None:
        self._message(
            QtWidgets.QMessageBox.Icon.Warning,
            self.tr("Not saved"),
            message or self.tr("The change could not be saved."),
        )

    # --- the interview ------------------------------------------------------------------------

    def open_handover(self) -> None:
        """The ward's shift handover sheet: preview, then print or save (Ctrl+Shift+P)."""
        if self.session is None:
            return
        open_handover(self, self.tasks, self.service, None, demo=self._demo)

    def open_settings(self) -> None:
        """Edit ▸ Settings: the user's language and colours; IT's choices shown locked."""
        preferences = Preferences.of(QtWidgets.QApplication.instance())
        if preferences is None:
            self.statusBar().showMessage(self.tr("Settings are not available here."), 6000)
            return
        open_dialog(PreferencesDialog(preferences, self))

    def export_diagnostics(self) -> None:
        """Help ▸ Export diagnostics: a file for IT, without patient data."""
        export_diagnostics(
            self, self.tasks, self.service if self.session is not None else None, clock=self._clock
        )

    def send_answers(self) -> None:
        """Ask once ▸ Send answers to the server: over this session's server connection."""
        if self.session is None or self.sync is None:
            return
        self.patient_view.send_answers(self.sync.upload_answers)

    def open_interview(self) -> None:
        """Ask the open patient's open questions, one after another (Ctrl+I, I on the board)."""
        chart = self.patient_view.chart if self.session is not None else None
        if chart is None or chart.patient.id != self._current_patient:
            self.statusBar().showMessage(self.tr("Open a patient first."), 6000)
            return
        if any(
            isinstance(w, InterviewDialog) and w.isVisible()
            for w in self.findChildren(QtWidgets.QDialog)
        ):
            return
        assert self.chart_actions is not None
        pending = drafts.KEEPER.pending
        resuming = pending is not None and pending.get("kind") == INTERVIEW_DRAFT_KIND
        dialog = InterviewDialog(chart, self.chart_actions, language=self._language, parent=self)
        if not dialog.flow.items and not resuming:
            dialog.deleteLater()
            self.statusBar().showMessage(self.tr("No open questions for this patient."), 6000)
            return
        self.show_ward_page()
        self.patient_view.tabs.setCurrentWidget(self.patient_view.board)
        drafts.tag(dialog, INTERVIEW_DRAFT_KIND, chart.patient.id, None)
        dialog.finished.connect(lambda _result: self._interview_closed(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _interview_closed(self, dialog: InterviewDialog) -> None:
        patient_id, last_code, summary = dialog.patient_id, dialog.last_code, dialog.summary_line()
        # Later, not now: a lock closes the dialog first and then hides this window.
        QtCore.QTimer.singleShot(
            0, self, lambda: self._after_interview(patient_id, last_code, summary)
        )

    def _after_interview(self, patient_id: str, last_code: str | None, summary: str) -> None:
        """Back on the board, on the last question asked, with the answers shown."""
        if self.session is None or not self.isVisible():
            return  # closed by a lock: what was answered is shown after the unlock
        board = self.patient_view.board
        self.patient_view.tabs.setCurrentWidget(board)
        board.focus_question(last_code)
        self._on_chart_changed(patient_id)
        self.statusBar().showMessage(summary, 8000)

    # --- pages and role -----------------------------------------------------------------------

    @property
    def role(self) -> Role:
        """What the signed-in user mainly does: decides what shows first, never what exists."""
        return self._role

    @role.setter
    def role(self, role: Role) -> None:
        self.set_role(role)

    def set_role(self, role: Role) -> None:
        self._role = role
        self.menus.show_coordinator(role is Role.COORDINATOR)
        if self.session is None:
            return  # applied when the cache is open
        self.patient_view.show_first_tab(role)
        if role is Role.COORDINATOR:
            self.show_board()
        else:
            self.show_ward_page()

    def show_board(self) -> None:
        self.pages.setCurrentWidget(self.discharge_board)
        self.board_page_action.setChecked(True)
        self.discharge_board.focus_table()

    def show_ward_page(self) -> None:
        self.pages.setCurrentWidget(self.splitter)
        self.ward_page_action.setChecked(True)

    def focus_search(self) -> None:
        self.show_ward_page()  # the results list where the ward list is
        self.ward_panel.focus_search()

    def focus_ward(self) -> None:
        self.show_ward_page()
        self.ward_panel.focus_list()

    def open_from_board(self, patient_id: str) -> None:
        """A board row was opened: the patient, on the Discharge tab."""
        if self.session is None:
            return
        self.patient_view.tabs.setCurrentWidget(self.patient_view.discharge)
        self.patient_view.discharge.request_focus()
        self.open_patient(patient_id)
        self.ward_panel.select(patient_id)

    def start_plan_from_board(self, patient_id: str) -> None:
        """The patient on the Discharge tab, with the new-plan dialog open over it."""
        tab = self.patient_view.discharge

        def shown(pid: str) -> None:
            tab.sig_view_shown.disconnect(shown)
            if pid == patient_id:
                tab.start_plan()

        tab.sig_view_shown.connect(shown)
        self.open_from_board(patient_id)

    # --- messages -------------------------------------------------------------------------------

    def _message(
        self,
        icon: QtWidgets.QMessageBox.Icon,
        title: str,
        text: str,
        pixmap: QtGui.QPixmap | None = None,
    ) -> None:
        """A message box that does not stop the event loop: a sync or a lock may come."""
        box = QtWidgets.QMessageBox(
            icon, title, text, QtWidgets.QMessageBox.StandardButton.Ok, self
        )
        if pixmap is not None:
            box.setIconPixmap(pixmap)
        box.finished.connect(box.deleteLater)
        box.open()

    def show_error(self, exc: object) -> None:
        if isinstance(exc, KnownError):
            self._message(QtWidgets.QMessageBox.Icon.Warning, self.tr("AskOnce"), error_text(exc))
        else:
            self._message(
                QtWidgets.QMessageBox.Icon.Critical,
                self.tr("AskOnce"),
                self.tr(
                    "Something went wrong inside AskOnce. Your saved entries are safe. "
                    "Please tell IT (the log file has the details, without patient data)."
                ),
            )

    def _show_shortcuts(self) -> None:
        text = self.tr(
            "Ctrl+F  search all patients\n"
            "Ctrl+W  ward list\n"
            "Ctrl+B  discharge board (Enter opens the patient's Discharge tab)\n"
            "Ctrl+PgDown / Ctrl+PgUp  next / previous patient\n"
            "Ctrl+1…5  Ask once, Medications, Home & helpers, Discharge, History\n"
            "Ctrl+P  print the discharge summary (on the Discharge tab)\n"
            "Tab / Shift+Tab  move between controls; Space or Enter to press\n"
            "Esc  leave the search results\n"
            "Ctrl+R  reload from the cache\n"
            "Ctrl+Q  quit"
        )
        text += "\n" + self.tr(
            "Ctrl+I  ask the open questions, one key per answer (I on the board)"
        )
        if not self._demo:
            text += "\n" + self.tr("Ctrl+L  lock the screen now (what you typed is kept)")
        self._message(QtWidgets.QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), text)

    def _show_about(self) -> None:
        icon = self.windowIcon()  # as QMessageBox.about shows it: the application's icon
        self._message(
            QtWidgets.QMessageBox.Icon.NoIcon,
            self.tr("About AskOnce"),
            self.tr("AskOnce %1 — ask every patient question once.").replace("%1", __version__),
            icon.pixmap(icon.actualSize(QtCore.QSize(64, 64))),
        )

    # --- drafts across a lock ---------------------------------------------------------------

    def capture_draft(self) -> dict[str, Any] | None:
        """Close every open dialog; what was typed into a reopenable editor is returned."""
        editor = drafts.open_editor()
        draft = drafts.capture(editor) if editor is not None else None
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(widget, QtWidgets.QDialog) and widget.isVisible():
                widget.reject()
        if draft is None and self._current_patient is not None:
            draft = {"kind": "patient", "patient_id": self._current_patient, "ref": None}
        return draft

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Back where the user was: the same patient and, if one was open, the same editor."""
        patient_id = draft.get("patient_id")
        if not isinstance(patient_id, str):
            return
        kind = str(draft.get("kind", ""))
        ref = draft.get("ref")
        if kind != "patient":
            drafts.KEEPER.pending = draft

            def reopen(shown: str) -> None:
                self.sig_chart_shown.disconnect(reopen)
                if shown == patient_id and kind == INTERVIEW_DRAFT_KIND:
                    self.open_interview()  # goes on where it was
                elif shown == patient_id:
                    self.patient_view.reopen_editor(kind, ref if isinstance(ref, str) else None)

            self.sig_chart_shown.connect(reopen)
        if self.ward_panel.contains(patient_id):
            self.ward_panel.select(patient_id)  # opens the chart, as a click would
        else:
            self.open_patient(patient_id)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.sync is not None:
            self.sync.stop()
        session = self.session
        if session is not None:
            self.session = None
            self.ward_panel.set_service(None)
            # Close on the DB worker, after whatever is still queued there: nothing is lost.
            self.tasks.run_db_blocking(session.close)
        super().closeEvent(event)
