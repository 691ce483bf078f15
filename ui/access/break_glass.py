"""Emergency access to a patient outside the assignment ("break-glass", DESIGN.md §6).

The nurse gives the MRN and a reason, confirms with the PIN; the grant lasts the
policy's number of minutes and its start and end are in the audit trail. The
patient is fetched by the next sync and removed from the cache when the grant
ends (kept, flagged, only while an edit still waits for the server).
"""

from __future__ import annotations

from app.services import MIN_BREAK_GLASS_REASON
from ui.qt import QtWidgets


class BreakGlassDialog(QtWidgets.QDialog):
    def __init__(self, minutes: int, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Emergency access to a patient"))
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "Only for a patient you must care for now who is not in your list. Access "
                "lasts %1 minutes and is recorded with your reason."
            ).replace("%1", str(minutes))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QtWidgets.QFormLayout()
        self.mrn = QtWidgets.QLineEdit()
        self.mrn.setAccessibleName(self.tr("Medical record number"))
        form.addRow(self.tr("&MRN:"), self.mrn)
        self.reason = QtWidgets.QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(self.tr("Reason for emergency access"))
        self.reason.setPlaceholderText(self.tr("e.g. covering bed 12 during a resuscitation"))
        self.reason.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        form.addRow(self.tr("&Reason:"), self.reason)
        layout.addLayout(form)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.mrn.textChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = bool(self.mrn.text().strip()) and (
            len(self.reason.toPlainText().strip()) >= MIN_BREAK_GLASS_REASON
        )
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
