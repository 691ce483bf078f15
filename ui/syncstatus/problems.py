"""Conflicts and refused changes, opened from the status bar or the Sync menu."""

from __future__ import annotations

from app.services import Conflict, RefusedChange, SyncProblems
from app.session import CacheSession
from sync.conflicts import Resolution, apply_resolution
from ui.base.taskman import DbOp, TaskManager
from ui.qt import QtCore, QtWidgets, Signal
from ui.syncstatus.conflict_dialog import EDIT, ConflictDialog, ConflictListDialog


class SyncProblemsFlow(QtCore.QObject):
    """Reads the open problems on the DB worker, shows them, applies the decisions."""

    sig_conflict_resolved = Signal(object, bool)
    """A decision on a conflict is stored (arguments: the conflict, "edit mine next")."""

    sig_retry_requested = Signal()
    """Refused changes were released: sync now to send them again."""

    def __init__(
        self,
        window: QtWidgets.QWidget,
        tasks: TaskManager,
        session: CacheSession,
        language: str,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.tasks = tasks
        self.session = session
        self.language = language

    def show(self) -> None:
        DbOp(self.tasks, self.session.service.outbox.problems).success(self._show).run()

    def _show(self, problems: SyncProblems) -> None:
        if problems.refused and not problems.conflicts:
            self._show_refused(problems.refused)
            return
        chooser = ConflictListDialog(list(problems.conflicts), problems.patient_names, self.window)
        chooser.accepted.connect(lambda: self._show_conflict(chooser.selected, problems))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def _show_refused(self, refused: tuple[RefusedChange, ...]) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setWindowTitle(self.tr("Refused changes"))
        box.setText(
            self.tr("The server refused %n change(s). They are kept here.", "", len(refused))
        )
        box.setDetailedText("\n".join(f"{r.resource_type}: {r.reason}" for r in refused))
        retry = box.addButton(self.tr("Try again"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QtWidgets.QMessageBox.StandardButton.Close)

        def answered(_result: int) -> None:
            if box.clickedButton() is retry:
                self._retry_refused()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    def _show_conflict(self, conflict: Conflict | None, problems: SyncProblems) -> None:
        if conflict is None:
            return
        dialog = ConflictDialog(
            conflict,
            self.session.service.catalog,
            patient_name=problems.patient_name(conflict),
            language=self.language,
            parent=self.window,
        )

        def decided() -> None:
            if dialog.choice is not None:
                self.resolve(conflict, dialog.choice)

        dialog.accepted.connect(decided)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def resolve(self, conflict: Conflict, choice: Resolution | str) -> None:
        """Apply a person's decision on a conflict (audited), then sync it."""
        session = self.session
        resolution = Resolution.KEEP_MINE if choice == EDIT else Resolution(choice)

        service = session.service

        def apply() -> None:
            apply_resolution(service, conflict, resolution)

        DbOp(self.tasks, apply).success(
            lambda _none: self.sig_conflict_resolved.emit(conflict, choice == EDIT)
        ).run()

    def _retry_refused(self) -> None:
        release = self.session.service.outbox.release_refused
        DbOp(self.tasks, release).success(lambda _r: self.sig_retry_requested.emit()).run()
