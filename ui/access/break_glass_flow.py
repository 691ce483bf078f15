"""Emergency access from the nurse's request to the grant (DESIGN.md §6).

The steps, each off the GUI thread where it waits: the MRN and a reason
(``BreakGlassDialog``), the PIN again (``ui.base.reauth``), the patient looked
up by MRN on the server, the grant stored with its audit entry. Then
``sig_access_started``: the window syncs, and the sync fetches the patient for as
long as the grant lasts. Ending the grant is a step of every sync
(``SyncController``), so it also ends while the server is away.
"""

from __future__ import annotations

from collections.abc import Callable

from app.errors import KnownError
from app.services import CareService
from ui.access.break_glass import BreakGlassDialog
from ui.base import reauth
from ui.base.taskman import DbOp, NetOp, TaskManager
from ui.qt import QtCore, QtWidgets, Signal

FindPatient = Callable[[str], str | None]
"""The server id of the patient with this MRN, or ``None`` (runs on the network worker)."""


class BreakGlassFlow(QtCore.QObject):
    """Asks for emergency access to one patient and, once confirmed, grants it."""

    sig_access_started = Signal(str)
    """The grant is stored (argument: the patient's id); a sync now fetches the patient."""

    sig_access_failed = Signal(object)
    """No such patient, or the grant was refused (argument: the ``KnownError`` to show)."""

    def __init__(
        self,
        tasks: TaskManager,
        service: CareService,
        find_patient: FindPatient,
        window: QtWidgets.QWidget,
    ) -> None:
        super().__init__(window)
        self._tasks = tasks
        self._service = service
        self._find_patient = find_patient
        self._window = window

    def request(self, minutes: int) -> BreakGlassDialog:
        """Open the dialog (window-modal); the rest follows when it is accepted."""
        dialog = BreakGlassDialog(minutes, self._window)
        dialog.accepted.connect(
            lambda: self._confirm(dialog.mrn.text().strip(), dialog.reason.toPlainText(), minutes)
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _confirm(self, mrn: str, reason: str, minutes: int) -> None:
        def confirmed() -> None:
            find = self._find_patient
            NetOp(self._tasks, lambda: find(mrn)).success(
                lambda patient_id: self._grant(patient_id, reason, minutes)
            ).failure(self.sig_access_failed.emit).run()

        reauth.request_reauth(self._window, self.tr("emergency access to a patient"), confirmed)

    def _grant(self, patient_id: str | None, reason: str, minutes: int) -> None:
        if patient_id is None:
            self.sig_access_failed.emit(
                KnownError(self.tr("No patient with that MRN on the server."))
            )
            return
        service = self._service
        DbOp(
            self._tasks, lambda: service.access.start_break_glass(patient_id, reason, minutes)
        ).success(lambda _until: self.sig_access_started.emit(patient_id)).failure(
            self.sig_access_failed.emit
        ).run()
