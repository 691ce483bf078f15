"""Light, dark, high contrast, or the system's colours: the user's choice, IT's if locked.

One ``AppearanceController`` lives on the QApplication (``of(app)``): it applies the
choice to the whole application at once and keeps it in the user's preferences file.
High contrast is its own palette (black, white, yellow focus), not just dark.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.errors import KnownError
from app.settings import APPEARANCES, Appearance, save_preference
from ui.qt import QtCore, QtGui, QtWidgets, Signal

log = logging.getLogger(__name__)

_ROLE = QtGui.QPalette.ColorRole
_GROUP = QtGui.QPalette.ColorGroup


def appearance_text(value: Appearance) -> str:
    return {
        "system": QtCore.QCoreApplication.translate("Appearance", "Follow the &system"),
        "light": QtCore.QCoreApplication.translate("Appearance", "&Light"),
        "dark": QtCore.QCoreApplication.translate("Appearance", "&Dark"),
        "high-contrast": QtCore.QCoreApplication.translate("Appearance", "&High contrast"),
    }[value]


def _palette(colors: dict[QtGui.QPalette.ColorRole, str], disabled: str) -> QtGui.QPalette:
    palette = QtGui.QPalette()
    for role, color in colors.items():
        palette.setColor(role, QtGui.QColor(color))
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText):
        palette.setColor(_GROUP.Disabled, role, QtGui.QColor(disabled))
    return palette


def dark_palette() -> QtGui.QPalette:
    return _palette(
        {
            _ROLE.Window: "#202124",
            _ROLE.WindowText: "#e8eaed",
            _ROLE.Base: "#17181a",
            _ROLE.AlternateBase: "#26282b",
            _ROLE.Text: "#e8eaed",
            _ROLE.Button: "#2d2f33",
            _ROLE.ButtonText: "#e8eaed",
            _ROLE.Highlight: "#3b82f6",
            _ROLE.HighlightedText: "#ffffff",
            _ROLE.ToolTipBase: "#2d2f33",
            _ROLE.ToolTipText: "#e8eaed",
            _ROLE.PlaceholderText: "#9aa0a6",
            _ROLE.Link: "#8ab4f8",
            _ROLE.Mid: "#5f6368",
            _ROLE.Midlight: "#3c4043",
            _ROLE.Light: "#4a4d51",
            _ROLE.Dark: "#111214",
            _ROLE.Shadow: "#000000",
        },
        disabled="#80868b",
    )


def high_contrast_palette() -> QtGui.QPalette:
    return _palette(
        {
            _ROLE.Window: "#000000",
            _ROLE.WindowText: "#ffffff",
            _ROLE.Base: "#000000",
            _ROLE.AlternateBase: "#1a1a1a",
            _ROLE.Text: "#ffffff",
            _ROLE.Button: "#000000",
            _ROLE.ButtonText: "#ffffff",
            _ROLE.Highlight: "#ffff00",
            _ROLE.HighlightedText: "#000000",
            _ROLE.ToolTipBase: "#000000",
            _ROLE.ToolTipText: "#ffffff",
            _ROLE.PlaceholderText: "#d0d0d0",
            _ROLE.Link: "#00ffff",
            _ROLE.Mid: "#ffffff",
            _ROLE.Midlight: "#ffffff",
            _ROLE.Light: "#ffffff",
            _ROLE.Dark: "#ffffff",
            _ROLE.Shadow: "#ffffff",
        },
        disabled="#a0a0a0",
    )


class AppearanceController(QtCore.QObject):
    sig_changed = Signal(str)

    def __init__(
        self,
        app: QtWidgets.QApplication,
        *,
        current: Appearance,
        preferences: Path | None,
        locked: bool,
    ) -> None:
        super().__init__(app)
        self.setObjectName("appearance")
        self._app = app
        self.current: Appearance = current
        self._preferences = preferences
        self.locked = locked
        """Set by IT's policy: shown, not changeable."""

    @staticmethod
    def of(app: QtCore.QCoreApplication | None) -> AppearanceController | None:
        return app.findChild(AppearanceController, "appearance") if app is not None else None

    def apply(self, value: Appearance) -> None:
        """Colour the whole application now (every window, open or yet to open)."""
        self.current = value
        hints = self._app.styleHints()
        scheme = {
            "light": QtCore.Qt.ColorScheme.Light,
            "dark": QtCore.Qt.ColorScheme.Dark,
            "high-contrast": QtCore.Qt.ColorScheme.Dark,
        }.get(value, QtCore.Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)
        style = self._app.style()
        if value == "dark":
            palette = dark_palette()
        elif value == "high-contrast":
            palette = high_contrast_palette()
        else:
            palette = style.standardPalette() if style is not None else QtGui.QPalette()
        self._app.setPalette(palette)
        self.sig_changed.emit(value)

    def choose(self, value: Appearance, parent: QtWidgets.QWidget | None = None) -> None:
        """The user picked ``value``: apply it and keep it for next time."""
        if self.locked or value == self.current:
            return
        self.apply(value)
        if self._preferences is None:
            return
        try:
            save_preference(self._preferences, "appearance", value)
        except KnownError as exc:
            log.warning("appearance not saved: %s", type(exc).__name__)
            if parent is not None:
                QtWidgets.QMessageBox.warning(
                    parent,
                    self.tr("Appearance"),
                    self.tr("The choice applies now but could not be kept for next time.")
                    + f"\n\n{exc}",
                )

    def menu(self, parent: QtWidgets.QWidget) -> QtWidgets.QMenu:
        """View ▸ Appearance: one radio item per choice (greyed out when IT set it)."""
        menu = QtWidgets.QMenu(self.tr("A&ppearance"), parent)
        group = QtGui.QActionGroup(menu)
        group.setExclusive(True)
        for value in APPEARANCES:
            action = menu.addAction(appearance_text(value))
            action.setCheckable(True)
            action.setChecked(value == self.current)
            action.setEnabled(not self.locked)
            action.setData(value)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, v=value: self.choose(v, parent))
        if self.locked:
            menu.setToolTip(self.tr("Set by your IT department"))

        def follow(value: str) -> None:
            for action in group.actions():
                action.setChecked(action.data() == value)

        self.sig_changed.connect(follow)
        return menu
