"""Conflicts and refused changes, opened from the status bar or the Sync menu."""

from __future__ import annotations

from app.session import CacheSession
from app.store.sync_state import Conflict, SyncState
from sync.conflicts import Resolution, resolve_conflict
from ui.base.taskman import DbOp, TaskManager
from ui.qt import QtCore, QtWidgets, Signal
from ui.syncstatus.conflict_dialog import EDIT, ConflictDialog, ConflictListDialog


class SyncProblems(QtCore.QObject):
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
        db = self.session.db
        service = self.session.service

        def read() -> tuple[list[Conflict], list[tuple[str, str, str]], dict[str, str]]:
            state = SyncState(db)
            names = {s.patient.id: s.patient.display_name for s in service.repo.patient_summaries()}
            return state.conflicts(), state.held(), names

        DbOp(self.tasks, read).success(lambda r: self._show(*r)).run()

    def _show(
        self,
        conflicts: list[Conflict],
        held: list[tuple[str, str, str]],
        names: dict[str, str],
    ) -> None:
        refused = [h for h in held if h[2] != "conflict"]
        if refused and not conflicts:
            self._show_refused(refused)
            return
        chooser = ConflictListDialog(conflicts, names, self.window)
        chooser.accepted.connect(lambda: self._show_conflict(chooser.selected, names))
        chooser.finished.connect(chooser.deleteLater)
        chooser.open()

    def _show_refused(self, refused: list[tuple[str, str, str]]) -> None:
        box = QtWidgets.QMessageBox(self.window)
        box.setWindowTitle(self.tr("Refused changes"))
        box.setText(
            self.tr("The server refused %n change(s). They are kept here.", "", len(refused))
        )
        box.setDetailedText("\n".join(f"{kind}: {reason}" for kind, _rid, reason in refused))
        retry = box.addButton(self.tr("Try again"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QtWidgets.QMessageBox.StandardButton.Close)

        def answered(_result: int) -> None:
            if box.clickedButton() is retry:
                self._retry_refused()

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        box.open()

    def _show_conflict(self, conflict: Conflict | None, names: dict[str, str]) -> None:
        if conflict is None:
            return
        dialog = ConflictDialog(
            conflict,
            self.session.service.catalog,
            patient_name=names.get(conflict.patient_id or "", "?"),
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

        def apply() -> None:
            resolve_conflict(
                session.db,
                session.service.catalog,
                session.service.actor,
                conflict,
                resolution,
                workstation=session.service.workstation,
                at=session.service.now(),
            )

        DbOp(self.tasks, apply).success(
            lambda _none: self.sig_conflict_resolved.emit(conflict, choice == EDIT)
        ).run()

    def _retry_refused(self) -> None:
        db = self.session.db

        def release() -> None:
            with db.transaction() as conn:
                SyncState(db).release_held(conn)

        DbOp(self.tasks, release).success(lambda _r: self.sig_retry_requested.emit()).run()
