"""The main window: ward list on the left, the open patient on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from typing import Any

from app import __version__
from app.clock import today
from app.domain import Role
from app.errors import KnownError
from app.services import CareService, PatientChart, PatientHit, WardRow
from app.session import CacheSession
from app.store.sync_state import Conflict
from ui.access.break_glass import BreakGlassDialog
from ui.base import drafts, reauth
from ui.base.error_text import error_text
from ui.base.taskman import DbOp, TaskManager
from ui.discharge.readiness_board import DischargeBoard
from ui.mainwindow.patient_view import PatientView
from ui.mainwindow.search_model import PATIENT_ID_ROLE as SEARCH_PATIENT_ROLE
from ui.mainwindow.search_model import SearchResultsModel
from ui.mainwindow.ward_model import PATIENT_ID_ROLE, WardColumn, WardFilterProxy, WardTableModel
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from ui.syncstatus.controller import SyncController
from ui.syncstatus.problems import SyncProblems

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200


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
        self.break_glass_minutes = 60
        self._role = Role.NURSE
        self.setWindowTitle(self.tr("AskOnce — DEMO") if demo else self.tr("AskOnce"))
        self.resize(1360, 860)
        self._build()
        tasks.sig_busy_changed.connect(self._on_busy)
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

        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_left())
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

        self._build_toolbar()
        self._build_menus()
        self.sync_status = QtWidgets.QLabel()
        self.sync_status.setAccessibleName(self.tr("Sync status"))
        self.busy_label = QtWidgets.QLabel()
        self.problems_button = QtWidgets.QPushButton(self.tr("Open…"))
        self.problems_button.setAccessibleName(self.tr("Open conflicts and refused changes"))
        self.problems_button.setFlat(True)
        self.problems_button.hide()
        self.problems_button.clicked.connect(self.open_sync_problems)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().addPermanentWidget(self.problems_button)

    def _build_left(self) -> QtWidgets.QWidget:
        left = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(left)
        lay.setContentsMargins(8, 8, 4, 8)
        self.ward_title = QtWidgets.QLabel(self.tr("<b>My patients</b>"))
        lay.addWidget(self.ward_title)
        self.ward_filter = QtWidgets.QLineEdit()
        self.ward_filter.setPlaceholderText(self.tr("Filter by bed, name or MRN"))
        self.ward_filter.setAccessibleName(self.tr("Filter ward list"))
        self.ward_filter.setClearButtonEnabled(True)
        lay.addWidget(self.ward_filter)

        self.ward_model = WardTableModel(self)
        self.ward_proxy = WardFilterProxy(self)
        self.ward_proxy.setSourceModel(self.ward_model)
        self.ward_filter.textChanged.connect(self.ward_proxy.set_filter_text)
        self.ward_view = QtWidgets.QTableView()
        self.ward_view.setModel(self.ward_proxy)
        self.ward_view.setAccessibleName(self.tr("Ward list"))
        self.ward_view.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.ward_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.ward_view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ward_view.setSortingEnabled(True)
        self.ward_view.sortByColumn(WardColumn.BED, Qt.SortOrder.AscendingOrder)
        self.ward_view.verticalHeader().hide()
        self.ward_view.setAlternatingRowColors(True)
        self.ward_view.setTabKeyNavigation(False)
        header = self.ward_view.horizontalHeader()
        header.setMinimumSectionSize(32)
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WardColumn.NAME, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.ward_view.selectionModel().currentRowChanged.connect(self._on_ward_row)
        self.ward_filter.returnPressed.connect(self.ward_view.setFocus)

        self.results_model = SearchResultsModel(self)
        self.results_view = QtWidgets.QListView()
        self.results_view.setModel(self.results_model)
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.results_view.setAlternatingRowColors(True)
        self.results_view.setSpacing(2)
        self.results_view.setWordWrap(True)
        self.results_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results_view.activated.connect(self._on_result)
        self.results_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._on_result(cur)
        )
        self.results_title = QtWidgets.QLabel()

        self.left_stack = QtWidgets.QStackedWidget()
        self.left_stack.addWidget(self.ward_view)
        results_box = QtWidgets.QWidget()
        rl = QtWidgets.QVBoxLayout(results_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.results_title)
        rl.addWidget(self.results_view, 1)
        self.left_stack.addWidget(results_box)
        lay.addWidget(self.left_stack, 1)
        self.ward_count = QtWidgets.QLabel()
        self.ward_count.setObjectName("mutedText")
        lay.addWidget(self.ward_count)
        return left

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        title = QtWidgets.QLabel("  <b>AskOnce</b>  ")
        bar.addWidget(title)
        self.search_box = QtWidgets.QLineEdit()
        self.search_box.setPlaceholderText(
            self.tr("Search patients, phone numbers, answers, medications… (Ctrl+F)")
        )
        self.search_box.setAccessibleName(self.tr("Search all patients"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(420)
        bar.addWidget(self.search_box)
        self._add_page_switch(bar)
        self._search_timer = QtCore.QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_enter)
        spacer = QtWidgets.QWidget()
        spacer.setSizePolicy(
            QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
        )
        bar.addWidget(spacer)
        self.user_label = QtWidgets.QLabel()
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        bar.addWidget(self.user_label)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        go = menu.addMenu(self.tr("&Go"))
        find = go.addAction(self.tr("&Search all patients"))
        find.setShortcuts([QtGui.QKeySequence("Ctrl+F"), QtGui.QKeySequence("Ctrl+K")])
        find.triggered.connect(self.focus_search)
        ward = go.addAction(self.tr("&Ward list"))
        ward.setShortcut(QtGui.QKeySequence("Ctrl+W"))
        ward.triggered.connect(self.focus_ward)
        nxt = go.addAction(self.tr("&Next patient"))
        nxt.setShortcut(QtGui.QKeySequence("Ctrl+PgDown"))
        nxt.triggered.connect(lambda: self._step_patient(1))
        prev = go.addAction(self.tr("&Previous patient"))
        prev.setShortcut(QtGui.QKeySequence("Ctrl+PgUp"))
        prev.triggered.connect(lambda: self._step_patient(-1))
        reload_action = go.addAction(self.tr("&Reload from cache"))
        reload_action.setShortcut(QtGui.QKeySequence("Ctrl+R"))
        reload_action.triggered.connect(self.reload)
        if not self._demo:
            go.addSeparator()
            emergency = go.addAction(self.tr("&Emergency access to a patient…"))
            emergency.triggered.connect(self.break_glass)

        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.ward_page_action)
        view_menu.addAction(self.board_page_action)
        if self._demo:
            # The role comes from the signed-in user; the demo has no sign-in, so a switch.
            view_menu.addSeparator()
            self.coordinator_action = view_menu.addAction(self.tr("&Coordinator view"))
            self.coordinator_action.setCheckable(True)
            self.coordinator_action.setToolTip(
                self.tr("Demo only: start on the discharge board and the Discharge tab")
            )
            self.coordinator_action.toggled.connect(
                lambda on: self.set_role(Role.COORDINATOR if on else Role.NURSE)
            )

        sync_menu = menu.addMenu(self.tr("&Sync"))
        self.sync_action = sync_menu.addAction(self.tr("Sync &now"))
        self.sync_action.setShortcut(QtGui.QKeySequence("F5"))
        self.sync_action.triggered.connect(self.sync_now)
        self.sync_action.setEnabled(False)
        self.stop_sync_action = sync_menu.addAction(self.tr("&Stop syncing"))
        self.stop_sync_action.triggered.connect(self._stop_sync)
        self.stop_sync_action.setEnabled(False)
        self.problems_action = sync_menu.addAction(self.tr("&Conflicts and refused changes…"))
        self.problems_action.triggered.connect(self.open_sync_problems)
        self.problems_action.setEnabled(False)

        if not self._demo:
            session_menu = menu.addMenu(self.tr("S&ession"))
            lock = session_menu.addAction(self.tr("&Lock now"))
            lock.setShortcut(QtGui.QKeySequence("Ctrl+L"))
            lock.triggered.connect(self.sig_lock_requested.emit)
            switch = session_menu.addAction(self.tr("&Switch user…"))
            switch.triggered.connect(self.sig_switch_user_requested.emit)
            online = session_menu.addAction(self.tr("Sign in &online again…"))
            online.triggered.connect(self.sig_sign_in_requested.emit)
            session_menu.addSeparator()
            sign_out = session_menu.addAction(self.tr("Sign &out"))
            sign_out.triggered.connect(self.sig_sign_out_requested.emit)
        help_menu = menu.addMenu(self.tr("&Help"))
        keys = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        keys.setShortcut(QtGui.QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self._show_shortcuts)
        about = help_menu.addAction(self.tr("&About AskOnce"))
        about.triggered.connect(self._show_about)

        escape = QtGui.QShortcut(QtGui.QKeySequence("Escape"), self)
        escape.activated.connect(self._leave_search)

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
        self.stack.addWidget(self.patient_view)
        self.patient_view.discharge.summary_output.demo = session.is_demo
        self.patient_view.show_first_tab(self._role)
        self.discharge_board.set_service(session.service)
        if self._role is Role.COORDINATOR:
            self.show_board()
        self.placeholder.setText(self.tr("Select a patient from the list, or search (Ctrl+F)."))
        actor = session.service.actor
        self.user_label.setText(f"{actor.display_name}  ")
        if self._make_sync is not None:
            self.sync = self._make_sync(session)
            self.sync.sig_text_changed.connect(self._show_sync_text)
            self.sync.sig_finished.connect(lambda _summary: self._after_sync())
            self.sync_action.setEnabled(True)
            self.stop_sync_action.setEnabled(True)
            self.problems_action.setEnabled(True)
            self.reload(then=self._loaded_then_sync)
        else:
            self.reload(then=self.sig_loaded.emit)

    def _loaded_then_sync(self) -> None:
        self.sig_loaded.emit()
        if self.sync is not None:
            self.sync.start()

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def _stop_sync(self) -> None:
        if self.sync is not None:
            self.sync.cancel()  # stops between steps; what was confirmed stays confirmed

    def _show_sync_text(self, text: str) -> None:
        self.sync_status.setText(text)
        local = self.sync.local if self.sync is not None else None
        self.problems_button.setVisible(bool(local and (local.conflicts or local.rejected)))

    def _after_sync(self) -> None:
        self.reload()
        if self._current_patient is not None:
            self._refresh_chart(self._current_patient)

    def open_sync_problems(self) -> None:
        """The conflict list (side-by-side dialog per conflict) and the refused changes."""
        if self.sync is not None and self.session is not None:
            problems = SyncProblems(self, self.tasks, self.session, self._language)
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
            return service.ward(), service.outbox_count()

        def show(result: tuple[list[WardRow], int]) -> None:
            rows, waiting = result
            self._show_ward(rows)
            self._show_sync_status(waiting)
            if then is not None:
                then()

        DbOp(self.tasks, load).success(show).run()
        self.discharge_board.reload()

    def _show_ward(self, rows: list[WardRow]) -> None:
        selected = self._current_patient
        self.ward_model.set_records(rows)
        self.ward_view.sortByColumn(
            self.ward_view.horizontalHeader().sortIndicatorSection(),
            self.ward_view.horizontalHeader().sortIndicatorOrder(),
        )
        wards = sorted({r.patient.ward for r in rows if r.patient.ward})
        self.ward_title.setText(
            "<b>"
            + self.tr("My patients")
            + "</b>"
            + (f" — {', '.join(wards[:2])}" if wards else "")
        )
        self.ward_count.setText(self.tr("%n patient(s)", "", len(rows)))
        if selected is not None:
            self._select_in_ward(selected)

    def _show_sync_status(self, waiting: int) -> None:
        if self.sync is not None:
            return  # the sync controller owns the status line
        text = self.tr("Demo: no server") if self._demo else self.tr("Not connected to a server")
        if waiting:
            text += " · " + self.tr("%n change(s) waiting to be sent", "", waiting)
        else:
            text += " · " + self.tr("no changes waiting")
        self.sync_status.setText(text)

    # --- selecting a patient -------------------------------------------------------------

    def _on_ward_row(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if current.isValid():
            patient_id = current.data(PATIENT_ID_ROLE)
            if patient_id and patient_id != self._current_patient:
                self.open_patient(str(patient_id))

    def _select_in_ward(self, patient_id: str) -> None:
        row = self.ward_model.row_for(patient_id)
        if row is None:
            return
        index = self.ward_proxy.mapFromSource(self.ward_model.index(row, 0))
        if index.isValid():
            self.ward_view.selectionModel().setCurrentIndex(
                index,
                QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QtCore.QItemSelectionModel.SelectionFlag.Rows,
            )
            self.ward_view.scrollTo(index)

    def open_patient(self, patient_id: str) -> None:
        if self.session is None:
            return
        self._current_patient = patient_id
        self.show_ward_page()
        service = self.service
        DbOp(self.tasks, lambda: service.chart(patient_id)).success(self._show_chart).run()

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
        DbOp(self.tasks, lambda: service.chart(patient_id, audit_view=False)).success(
            self._show_chart
        ).run()

    def _on_edit_failed(self, message: str) -> None:
        QtWidgets.QMessageBox.warning(
            self, self.tr("Not saved"), message or self.tr("The change could not be saved.")
        )

    def _step_patient(self, delta: int) -> None:
        current = self.ward_view.currentIndex()
        row = (current.row() if current.isValid() else -1) + delta
        if 0 <= row < self.ward_proxy.rowCount():
            self.ward_view.setCurrentIndex(self.ward_proxy.index(row, WardColumn.NAME))

    # --- discharge board and role ----------------------------------------------------------

    def _add_page_switch(self, bar: QtWidgets.QToolBar) -> None:
        """Two toolbar buttons (and View menu entries): the ward, or the discharge board."""
        group = QtGui.QActionGroup(self)
        self.ward_page_action = QtGui.QAction(self.tr("&Ward and patient"), group)
        self.ward_page_action.setToolTip(self.tr("The ward list and the open patient (Ctrl+W)"))
        self.ward_page_action.triggered.connect(self.focus_ward)
        self.board_page_action = QtGui.QAction(self.tr("Discharge &board"), group)
        self.board_page_action.setShortcut(QtGui.QKeySequence("Ctrl+B"))
        self.board_page_action.setToolTip(
            self.tr("Every patient leaving soon, with what is still open (Ctrl+B)")
        )
        self.board_page_action.triggered.connect(self.show_board)
        for action in (self.ward_page_action, self.board_page_action):
            action.setCheckable(True)
            bar.addAction(action)
        self.ward_page_action.setChecked(True)

    @property
    def role(self) -> Role:
        """What the signed-in user mainly does: decides what shows first, never what exists."""
        return self._role

    @role.setter
    def role(self, role: Role) -> None:
        self.set_role(role)

    def set_role(self, role: Role) -> None:
        self._role = role
        coordinator = getattr(self, "coordinator_action", None)
        if coordinator is not None and coordinator.isChecked() != (role is Role.COORDINATOR):
            coordinator.blockSignals(True)
            coordinator.setChecked(role is Role.COORDINATOR)
            coordinator.blockSignals(False)
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

    def open_from_board(self, patient_id: str) -> None:
        """A board row was opened: the patient, on the Discharge tab."""
        if self.session is None:
            return
        self.patient_view.tabs.setCurrentWidget(self.patient_view.discharge)
        self.patient_view.discharge.request_focus()
        self.open_patient(patient_id)
        self._select_in_ward(patient_id)

    def start_plan_from_board(self, patient_id: str) -> None:
        """The patient on the Discharge tab, with the new-plan dialog open over it."""
        tab = self.patient_view.discharge

        def shown(pid: str) -> None:
            tab.sig_view_shown.disconnect(shown)
            if pid == patient_id:
                tab.start_plan()

        tab.sig_view_shown.connect(shown)
        self.open_from_board(patient_id)

    # --- search -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_ward_page()  # the results list where the ward list is
        self.search_box.setFocus()
        self.search_box.selectAll()

    def focus_ward(self) -> None:
        self.clear_search()
        self.show_ward_page()
        self.ward_view.setFocus()

    def _leave_search(self) -> None:
        if self.left_stack.currentIndex() == 1 or self.search_box.hasFocus():
            self.clear_search()
            self.ward_view.setFocus()

    def clear_search(self) -> None:
        self.search_box.clear()
        self.left_stack.setCurrentIndex(0)

    def _run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text or self.session is None:
            self.left_stack.setCurrentIndex(0)
            return
        service = self.service
        DbOp(self.tasks, lambda: service.search(text)).success(
            lambda hits: self._show_hits(text, hits)
        ).run()

    def _show_hits(self, text: str, hits: list[PatientHit]) -> None:
        if text != self.search_box.text().strip():
            return  # a newer search is on its way
        self.results_model.set_hits(hits)
        if hits:
            title = self.tr(
                "%n patient(s) match “%1” — Esc returns to the ward list", "", len(hits)
            )
        else:
            title = self.tr("No patient matches “%1” — Esc returns to the ward list")
        self.results_title.setText(title.replace("%1", text))
        self.left_stack.setCurrentIndex(1)

    def _search_enter(self) -> None:
        self._search_timer.stop()
        self._run_search()
        self.results_view.setFocus()
        if self.results_model.rowCount():
            self.results_view.setCurrentIndex(self.results_model.index(0))

    def _on_result(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            patient_id = index.data(SEARCH_PATIENT_ROLE)
            if patient_id:
                self.open_patient(str(patient_id))
                self._select_in_ward(str(patient_id))

    # --- feedback -------------------------------------------------------------------------------

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def show_error(self, exc: object) -> None:
        if isinstance(exc, KnownError):
            QtWidgets.QMessageBox.warning(self, self.tr("AskOnce"), error_text(exc))
        else:
            QtWidgets.QMessageBox.critical(
                self,
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
        if not self._demo:
            text += "\n" + self.tr("Ctrl+L  lock the screen now (what you typed is kept)")
        QtWidgets.QMessageBox.information(self, self.tr("Keyboard shortcuts"), text)

    def _show_about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("About AskOnce"),
            self.tr("AskOnce %1 — ask every patient question once.").replace("%1", __version__),
        )

    # --- break-glass ----------------------------------------------------------------------

    def break_glass(self) -> None:
        """A patient outside the assignment: reason, PIN, then fetched by a sync."""
        if self.sync is None or self.session is None:
            return
        minutes = self.break_glass_minutes
        dialog = BreakGlassDialog(minutes, self)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        if not reauth.require_reauth(self, self.tr("emergency access to a patient")):
            return
        mrn = dialog.mrn.text().strip()
        reason = dialog.reason.toPlainText()
        engine, service, sync = self.sync.engine, self.service, self.sync

        def found(future: Future[str | None]) -> None:
            exc = future.exception()
            if exc is not None:
                self.show_error(exc)
                return
            patient_id = future.result()
            if patient_id is None:
                self.show_error(KnownError(self.tr("No patient with that MRN on the server.")))
                return
            DbOp(
                self.tasks, lambda: service.start_break_glass(patient_id, reason, minutes)
            ).success(lambda _until: sync.sync_now()).run()

        self.tasks.run_network(lambda: engine.find_patient(mrn), found)

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
                if shown == patient_id:
                    # After this event: the editor runs its own event loop.
                    QtCore.QTimer.singleShot(
                        0,
                        lambda: self.patient_view.reopen_editor(
                            kind, ref if isinstance(ref, str) else None
                        ),
                    )

            self.sig_chart_shown.connect(reopen)
        if self.ward_model.row_for(patient_id) is None:
            self.open_patient(patient_id)
        else:
            self._select_in_ward(patient_id)  # opens the chart, as a click would

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.sync is not None:
            self.sync.stop()
        session = self.session
        if session is not None:
            self.session = None
            # Close on the DB worker, after whatever is still queued there: nothing is lost.
            self.tasks.run_db_blocking(session.close)
        super().closeEvent(event)
