"""Shown when the workstation is not set up for sign-in: says what is missing, offers the demo."""

from __future__ import annotations

import html

from ui.qt import Qt, QtWidgets, Signal


class FirstRunWindow(QtWidgets.QWidget):
    sig_demo_requested = Signal()
    """The user chose to try the demo."""

    def __init__(
        self, missing: list[str], policy_file: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AskOnce — set-up needed"))
        self.resize(760, 520)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addStretch(1)
        card = QtWidgets.QFrame()
        card.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        card.setMinimumWidth(560)
        card.setMaximumWidth(640)
        lay = QtWidgets.QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(12)
        title = QtWidgets.QLabel(self.tr("AskOnce is not set up on this workstation yet"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        lay.addWidget(title)
        if missing:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in missing)
            body = (
                self.tr("To sign in, AskOnce needs settings from your IT department. Missing:")
                + f"<ul>{items}</ul>"
            )
        else:
            body = self.tr(
                "The server and identity provider are configured, but this version of AskOnce "
                "cannot sign in yet."
            )
        body += (
            "<p>"
            + self.tr("IT puts these in the machine-wide policy file:")
            + (f"<br><code>{html.escape(policy_file)}</code></p>")
        )
        text = QtWidgets.QLabel(body)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(text)
        hint = QtWidgets.QLabel(
            self.tr(
                "Meanwhile you can try AskOnce with synthetic patients. Nothing is sent anywhere."
            )
        )
        hint.setWordWrap(True)
        lay.addWidget(hint)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        self.demo_button = QtWidgets.QPushButton(self.tr("&Try the demo"))
        self.demo_button.setAccessibleName(self.tr("Try the demo"))
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.sig_demo_requested.emit)
        self.quit_button = QtWidgets.QPushButton(self.tr("&Quit"))
        self.quit_button.setAccessibleName(self.tr("Quit"))
        self.quit_button.clicked.connect(self.close)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.demo_button)
        lay.addLayout(buttons)
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.demo_button.setFocus()
