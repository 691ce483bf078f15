"""The main window's commands: menu bar, shortcuts, the page switch (Anki's ``forms/main``).

This module says what there is — texts, shortcuts, which menu, what only the demo
or only a signed-in workstation has; the window says what each command does.
"""

from __future__ import annotations

from ui.base.appearance import AppearanceController
from ui.qt import QtCore, QtGui, QtWidgets


class MainMenus(QtCore.QObject):
    """Every QAction of one main window, in its menu bar; the page switch also in the toolbar.

    Actions that exist only in the demo (``coordinator``) or only on a signed-in
    workstation (``emergency`` and the Session menu) are ``None`` elsewhere.
    """

    def __init__(self, window: QtWidgets.QMainWindow, *, demo: bool) -> None:
        super().__init__(window)
        self._demo = demo
        self._add_page_switch()
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.handover = file_menu.addAction(self.tr("Print &handover sheet…"))
        self.handover.setShortcut(QtGui.QKeySequence("Ctrl+Shift+P"))
        self.handover.setToolTip(
            self.tr("The ward's shift handover: print it or save it as PDF (Ctrl+Shift+P)")
        )
        file_menu.addSeparator()
        self.quit = file_menu.addAction(self.tr("&Quit"))
        self.quit.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.settings = edit_menu.addAction(self.tr("&Settings…"))
        self.settings.setShortcut(QtGui.QKeySequence.StandardKey.Preferences)
        self._add_go_menu(bar)
        self._add_ask_once_menu(bar)
        self._add_view_menu(bar)
        self._add_sync_menu(bar)
        self._add_session_menu(bar)
        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts.setShortcut(QtGui.QKeySequence.StandardKey.HelpContents)
        self.export_diagnostics = help_menu.addAction(self.tr("Export &diagnostics…"))
        self.export_diagnostics.setToolTip(
            self.tr("A file for IT about this workstation, without any patient data")
        )
        self.about = help_menu.addAction(self.tr("&About AskOnce"))
        self.escape = QtGui.QShortcut(QtGui.QKeySequence("Escape"), window)

    def _add_page_switch(self) -> None:
        """Two pages: the ward and the open patient, or the coordinator's discharge board."""
        group = QtGui.QActionGroup(self)
        self.ward_page = QtGui.QAction(self.tr("&Ward and patient"), group)
        self.ward_page.setToolTip(self.tr("The ward list and the open patient (Ctrl+W)"))
        self.board_page = QtGui.QAction(self.tr("Discharge &board"), group)
        self.board_page.setShortcut(QtGui.QKeySequence("Ctrl+B"))
        self.board_page.setToolTip(
            self.tr("Every patient leaving soon, with what is still open (Ctrl+B)")
        )
        for action in (self.ward_page, self.board_page):
            action.setCheckable(True)
        self.ward_page.setChecked(True)

    def _add_go_menu(self, bar: QtWidgets.QMenuBar) -> None:
        go = bar.addMenu(self.tr("&Go"))
        self.search = go.addAction(self.tr("&Search all patients"))
        self.search.setShortcuts([QtGui.QKeySequence("Ctrl+F"), QtGui.QKeySequence("Ctrl+K")])
        self.ward_list = go.addAction(self.tr("&Ward list"))
        self.ward_list.setShortcut(QtGui.QKeySequence("Ctrl+W"))
        self.next_patient = go.addAction(self.tr("&Next patient"))
        self.next_patient.setShortcut(QtGui.QKeySequence("Ctrl+PgDown"))
        self.previous_patient = go.addAction(self.tr("&Previous patient"))
        self.previous_patient.setShortcut(QtGui.QKeySequence("Ctrl+PgUp"))
        self.reload = go.addAction(self.tr("&Reload from cache"))
        self.reload.setShortcut(QtGui.QKeySequence("Ctrl+R"))
        self.emergency: QtGui.QAction | None = None
        if not self._demo:
            go.addSeparator()
            self.emergency = go.addAction(self.tr("&Emergency access to a patient…"))

    def _add_ask_once_menu(self, bar: QtWidgets.QMenuBar) -> None:
        ask_once = bar.addMenu(self.tr("Ask &once"))
        self.interview = ask_once.addAction(self.tr("Ask the &open questions…"))
        self.interview.setShortcut(QtGui.QKeySequence("Ctrl+I"))
        self.interview.setToolTip(
            self.tr("The open patient's open questions one after another, one key per answer")
        )
        self.export_answers = ask_once.addAction(self.tr("&Export answers (FHIR)…"))
        self.export_answers.setToolTip(
            self.tr("The open patient's current answers as a FHIR QuestionnaireResponse file")
        )
        self.send_answers = ask_once.addAction(self.tr("Se&nd answers to the server (FHIR)…"))
        self.send_answers.setEnabled(False)  # with a server connection (enable_sync)

    def _add_view_menu(self, bar: QtWidgets.QMenuBar) -> None:
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.ward_page)
        view_menu.addAction(self.board_page)
        appearance = AppearanceController.of(QtWidgets.QApplication.instance())
        if appearance is not None:  # the app has one; a window in a test may not
            view_menu.addSeparator()
            view_menu.addMenu(appearance.menu(bar))
        self.coordinator: QtGui.QAction | None = None
        if self._demo:
            # The role comes from the signed-in user; the demo has no sign-in, so a switch.
            view_menu.addSeparator()
            self.coordinator = view_menu.addAction(self.tr("&Coordinator view"))
            self.coordinator.setCheckable(True)
            self.coordinator.setToolTip(
                self.tr("Demo only: start on the discharge board and the Discharge tab")
            )

    def _add_sync_menu(self, bar: QtWidgets.QMenuBar) -> None:
        sync_menu = bar.addMenu(self.tr("&Sync"))
        self.sync_now = sync_menu.addAction(self.tr("Sync &now"))
        self.sync_now.setShortcut(QtGui.QKeySequence("F5"))
        self.stop_sync = sync_menu.addAction(self.tr("&Stop syncing"))
        self.sync_problems = sync_menu.addAction(self.tr("&Conflicts and refused changes…"))
        self.enable_sync(False)

    def _add_session_menu(self, bar: QtWidgets.QMenuBar) -> None:
        self.lock: QtGui.QAction | None = None
        self.switch_user: QtGui.QAction | None = None
        self.sign_in: QtGui.QAction | None = None
        self.sign_out: QtGui.QAction | None = None
        if self._demo:
            return
        session_menu = bar.addMenu(self.tr("S&ession"))
        self.lock = session_menu.addAction(self.tr("&Lock now"))
        self.lock.setShortcut(QtGui.QKeySequence("Ctrl+L"))
        self.switch_user = session_menu.addAction(self.tr("&Switch user…"))
        self.sign_in = session_menu.addAction(self.tr("Sign in &online again…"))
        session_menu.addSeparator()
        self.sign_out = session_menu.addAction(self.tr("Sign &out"))

    def enable_sync(self, enabled: bool) -> None:
        """The Sync menu works once this window has a sync (never in the demo)."""
        for action in (self.sync_now, self.stop_sync, self.sync_problems, self.send_answers):
            action.setEnabled(enabled)

    def show_coordinator(self, on: bool) -> None:
        """Keep the demo's switch in step with a role set elsewhere, without toggling back."""
        if self.coordinator is not None and self.coordinator.isChecked() != on:
            self.coordinator.blockSignals(True)
            self.coordinator.setChecked(on)
            self.coordinator.blockSignals(False)
