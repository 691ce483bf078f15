"""The sign-in and lock screen of a shared ward workstation.

One window, four pages: choose who you are ("Continue as …" for each user with
a cache here, or "Someone else"), enter the offline PIN, wait for the browser
sign-in, set a new PIN. Locked, it is the PIN page of the user who was working,
and it shows nothing about patients — not even in the window title.
"""

from __future__ import annotations

from app.accounts import UserProfile
from ui.qt import Qt, QtWidgets, Signal


class SignInWindow(QtWidgets.QWidget):
    sig_continue_as = Signal(str)
    """A user with a cache here was chosen (argument: user id)."""

    sig_pin_entered = Signal(str, str)
    """User id and PIN, to unlock that user's cache."""

    sig_new_pin = Signal(str)
    """The new PIN, after an online sign-in (first use here, or after a lockout)."""

    sig_online = Signal(str)
    """Sign in online in the browser (argument: the expected user id, or '' for anyone)."""

    sig_cancel = Signal()
    """Stop waiting for the browser."""

    sig_switch_user = Signal()
    """Someone else wants to use the workstation."""

    def __init__(self, *, min_pin_length: int, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_pin_length = min_pin_length
        self._user_id = ""
        self.setWindowTitle(self.tr("AskOnce — Sign in"))
        self.resize(760, 560)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addStretch(1)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        card = QtWidgets.QFrame()
        card.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        card.setMinimumWidth(460)
        card.setMaximumWidth(560)
        lay = QtWidgets.QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(12)
        self.title = QtWidgets.QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self._build_choose())
        self.pages.addWidget(self._build_pin())
        self.pages.addWidget(self._build_waiting())
        self.pages.addWidget(self._build_new_pin())
        lay.addWidget(self.pages)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("errorText")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.message)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # --- pages --------------------------------------------------------------------------------

    def _build_choose(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        # First use here: no one has a cache yet, so say plainly what to do.
        self.first_use = QtWidgets.QLabel(
            self.tr(
                "Sign in with your hospital account. Your browser opens the hospital's "
                "sign-in page; afterwards you choose an offline PIN for this workstation."
            )
        )
        self.first_use.setWordWrap(True)
        lay.addWidget(self.first_use)
        self.users = QtWidgets.QListWidget()
        self.users.setAccessibleName(self.tr("Users with a cache on this workstation"))
        self.users.itemActivated.connect(self._chosen)
        lay.addWidget(self.users)
        buttons = QtWidgets.QHBoxLayout()
        self.continue_button = QtWidgets.QPushButton(self.tr("&Continue"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(
            lambda: self._chosen(self.users.currentItem()) if self.users.currentItem() else None
        )
        self.someone_else = QtWidgets.QPushButton(self.tr("&Someone else…"))
        self.someone_else.setToolTip(self.tr("Sign in online with your hospital account"))
        self.someone_else.clicked.connect(lambda: self.sig_online.emit(""))
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.someone_else)
        lay.addLayout(buttons)
        return page

    def _build_pin(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.pin_intro = QtWidgets.QLabel()
        self.pin_intro.setWordWrap(True)
        lay.addWidget(self.pin_intro)
        form = QtWidgets.QFormLayout()
        self.pin = QtWidgets.QLineEdit()
        self.pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        self.pin.returnPressed.connect(self._submit_pin)
        form.addRow(self.tr("&PIN:"), self.pin)
        lay.addLayout(form)
        buttons = QtWidgets.QHBoxLayout()
        self.unlock_button = QtWidgets.QPushButton(self.tr("&Unlock"))
        self.unlock_button.clicked.connect(self._submit_pin)
        self.online_button = QtWidgets.QPushButton(self.tr("Sign in &online…"))
        self.online_button.setToolTip(
            self.tr("Forgot the PIN, or offline unlock blocked: sign in with your hospital account")
        )
        self.online_button.clicked.connect(lambda: self.sig_online.emit(self._user_id))
        self.switch_button = QtWidgets.QPushButton(self.tr("S&witch user"))
        self.switch_button.clicked.connect(self.sig_switch_user.emit)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(self.online_button)
        buttons.addWidget(self.switch_button)
        lay.addLayout(buttons)
        return page

    def _build_waiting(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        text = QtWidgets.QLabel(
            self.tr(
                "Your browser has opened the hospital sign-in page. Sign in there, then come "
                "back here."
            )
        )
        text.setWordWrap(True)
        lay.addWidget(text)
        bar = QtWidgets.QProgressBar()
        bar.setRange(0, 0)
        bar.setAccessibleName(self.tr("Waiting for the browser sign-in"))
        lay.addWidget(bar)
        cancel = QtWidgets.QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.sig_cancel.emit)
        lay.addWidget(cancel, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _build_new_pin(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        intro = QtWidgets.QLabel(
            self.tr(
                "Choose an offline PIN of at least %1 characters. It unlocks your patients' data "
                "on this workstation, also when the network is down. Do not share it."
            ).replace("%1", str(self._min_pin_length))
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QtWidgets.QFormLayout()
        self.new_pin = QtWidgets.QLineEdit()
        self.new_pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.new_pin.setAccessibleName(self.tr("New PIN"))
        self.repeat_pin = QtWidgets.QLineEdit()
        self.repeat_pin.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.repeat_pin.setAccessibleName(self.tr("Repeat the new PIN"))
        self.repeat_pin.returnPressed.connect(self._submit_new_pin)
        form.addRow(self.tr("&New PIN:"), self.new_pin)
        form.addRow(self.tr("&Repeat:"), self.repeat_pin)
        lay.addLayout(form)
        self.set_pin_button = QtWidgets.QPushButton(self.tr("Set &PIN"))
        self.set_pin_button.clicked.connect(self._submit_new_pin)
        lay.addWidget(self.set_pin_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # --- showing a page -----------------------------------------------------------------------

    def show_choose(self, profiles: list[UserProfile] | None) -> None:
        """Who are you? (``None`` keeps the list already shown.)"""
        if profiles is not None:
            self.users.clear()
            for profile in profiles:
                item = QtWidgets.QListWidgetItem(
                    self.tr("Continue as %1").replace("%1", profile.display_name)
                )
                item.setData(Qt.ItemDataRole.UserRole, profile.user_id)
                self.users.addItem(item)
            if profiles:
                self.users.setCurrentRow(0)
        has_users = self.users.count() > 0
        self.continue_button.setVisible(has_users)
        self.users.setVisible(has_users)
        self.first_use.setVisible(not has_users)
        self.someone_else.setText(
            self.tr("&Someone else…")
            if has_users
            else self.tr("&Sign in with your hospital account…")
        )
        self.title.setText(
            self.tr("Who is signing in?") if has_users else self.tr("Sign in to AskOnce")
        )
        self.setWindowTitle(self.tr("AskOnce — Sign in"))
        self.message.clear()
        self.pages.setCurrentIndex(0)
        (self.users if has_users else self.someone_else).setFocus()

    def show_pin(self, user_id: str, display_name: str, *, locked: bool) -> None:
        self._user_id = user_id
        self.title.setText(
            self.tr("AskOnce is locked")
            if locked
            else self.tr("Welcome back, %1").replace("%1", display_name)
        )
        self.pin_intro.setText(
            self.tr("%1 was working here. Enter the PIN to continue.").replace("%1", display_name)
            if locked
            else self.tr("Enter your offline PIN.")
        )
        self.setWindowTitle(self.tr("AskOnce — Locked") if locked else self.tr("AskOnce — Sign in"))
        self.pin.clear()
        self.set_busy(False)
        self.message.clear()
        self.pages.setCurrentIndex(1)
        self.pin.setFocus()

    def show_waiting(self) -> None:
        self.title.setText(self.tr("Signing in…"))
        self.message.clear()
        self.pages.setCurrentIndex(2)

    def show_new_pin(self, display_name: str) -> None:
        self.title.setText(self.tr("Hello, %1").replace("%1", display_name))
        self.new_pin.clear()
        self.repeat_pin.clear()
        self.set_busy(False)
        self.message.clear()
        self.pages.setCurrentIndex(3)
        self.new_pin.setFocus()

    def show_message(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.pin, self.unlock_button, self.new_pin, self.repeat_pin):
            widget.setEnabled(not busy)
        self.set_pin_button.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Checking…"))
        else:
            self.setCursor(Qt.CursorShape.ArrowCursor)

    # --- input ----------------------------------------------------------------------------------

    def _chosen(self, item: QtWidgets.QListWidgetItem | None) -> None:
        if item is not None:
            self.sig_continue_as.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _submit_pin(self) -> None:
        if self.pin.text():
            self.set_busy(True)
            self.sig_pin_entered.emit(self._user_id, self.pin.text())
            self.pin.clear()

    def _submit_new_pin(self) -> None:
        pin = self.new_pin.text()
        if len(pin) < self._min_pin_length:
            self.message.setText(
                self.tr("At least %1 characters.").replace("%1", str(self._min_pin_length))
            )
            return
        if pin != self.repeat_pin.text():
            self.message.setText(self.tr("The two entries differ."))
            return
        self.set_busy(True)
        self.sig_new_pin.emit(pin)
        self.new_pin.clear()
        self.repeat_pin.clear()
