"""Asking for the offline PIN: to unlock a user's cache, or to set it on first use."""

from __future__ import annotations

from ui.qt import QtWidgets, Signal


class PinDialog(QtWidgets.QDialog):
    """Stays open while the PIN is checked; the caller closes it on success."""

    sig_submitted = Signal(str)
    """The user pressed OK with this PIN."""

    def __init__(
        self,
        user: str,
        *,
        create: bool,
        min_length: int,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._create = create
        self._min_length = min_length
        self.setWindowTitle(self.tr("Set your offline PIN") if create else self.tr("Unlock"))
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "Choose a PIN of at least %1 characters. It protects your patients' data on "
                "this workstation, also when the network is down."
            ).replace("%1", str(min_length))
            if create
            else self.tr("Enter your offline PIN for %1.").replace("%1", user)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QtWidgets.QFormLayout()
        self.pin = QtWidgets.QLineEdit()
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        form.addRow(self.tr("&PIN:"), self.pin)
        self.repeat = QtWidgets.QLineEdit()
        self.repeat.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Repeat PIN"))
        if create:
            form.addRow(self.tr("&Repeat:"), self.repeat)
        layout.addLayout(form)
        self.message = QtWidgets.QLabel()
        self.message.setObjectName("mutedText")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.pin, self.repeat):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        pin = self.pin.text()
        problem = ""
        if self._create and len(pin) < self._min_length:
            problem = self.tr("At least %1 characters.").replace("%1", str(self._min_length))
        elif self._create and pin != self.repeat.text():
            problem = self.tr("The two entries differ.")
        elif not pin:
            problem = " "
        self.message.setText(problem.strip())
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def _submit(self) -> None:
        self.set_busy(True)
        self.sig_submitted.emit(self.pin.text())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.pin, self.repeat, self.buttons):
            widget.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Checking…"))

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
        self.pin.clear()
        self.repeat.clear()
        self.pin.setFocus()
