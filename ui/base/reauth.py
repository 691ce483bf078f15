"""Re-authentication before printing, export and break-glass access (DESIGN.md §6).

The signed-in user types their offline PIN again. It is checked against their
own key file (the same throttle and lockout as at unlock) on the DB worker, where
a wrong PIN is written to the audit trail at once. The shell installs the check
when a user's main window opens and removes it on lock; in the demo there is no
PIN, so nothing is asked there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.errors import KnownError, LockedOutError
from ui.base.error_text import error_text
from ui.base.taskman import DbOp, TaskManager
from ui.qt import QtWidgets

log = logging.getLogger(__name__)

PinCheck = Callable[[str], None]
"""Raises a ``KnownError`` (wrong PIN, throttled, locked out) unless the PIN is right."""


class _Current:
    check: tuple[PinCheck, TaskManager] | None = None
    demo: bool = False


def install(
    check: PinCheck | None, tasks: TaskManager | None = None, *, demo: bool = False
) -> None:
    """``check`` runs on ``tasks``' DB worker; ``None`` asks nobody (locked, signed out)."""
    _Current.check = (check, tasks) if check is not None and tasks is not None else None
    _Current.demo = demo


class ReauthDialog(QtWidgets.QDialog):
    def __init__(
        self, reason: str, check: PinCheck, tasks: TaskManager, parent: QtWidgets.QWidget | None
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._tasks = tasks
        self._checking = False
        self.setWindowTitle(self.tr("Confirm it is you"))
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(self.tr("Enter your PIN to continue: %1").replace("%1", reason))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.pin = QtWidgets.QLineEdit()
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        layout.addWidget(self.pin)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("errorText")
        layout.addWidget(self.message)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _submit(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if not pin:
            return
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # one check at a time
        self._checking = True
        self.message.setText(self.tr("Checking…"))
        check = self._check

        def attempt() -> KnownError | None:
            try:
                check(pin)
            except KnownError as exc:
                return exc
            except Exception as exc:  # noqa: BLE001 -- the dialog must not hang on a bug
                log.error("re-authentication failed: %s", type(exc).__name__)  # no text: PIN
                return KnownError(self.tr("The PIN could not be checked. Please tell IT."))
            return None

        def answered(refusal: KnownError | None) -> None:
            self._checking = False
            if refusal is None:
                self.accept()
                return
            self.message.setText(error_text(refusal))
            ok.setEnabled(not isinstance(refusal, LockedOutError))
            self.pin.setFocus()

        DbOp(self._tasks, attempt).success(answered).run()

    def reject(self) -> None:
        if not self._checking:  # the answer is a moment away; the dialog waits for it
            super().reject()


def request_reauth(
    parent: QtWidgets.QWidget | None, reason: str, then: Callable[[], None]
) -> ReauthDialog | None:
    """Run ``then`` once the signed-in user confirmed with their PIN (at once in the demo).

    Nothing happens on cancel, or with nobody signed in (locked, signed out). The PIN
    dialog opens window-modal with ``open()``, like every dialog: no nested event loop,
    so a lock that arrives meanwhile closes it.
    """
    if _Current.demo:
        then()
        return None
    if _Current.check is None:
        return None
    check, tasks = _Current.check
    dialog = ReauthDialog(reason, check, tasks, parent)
    dialog.accepted.connect(then)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
