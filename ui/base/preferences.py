"""Edit ▸ Settings: the user's own preferences, and what IT has set, shown locked.

A nurse may choose the language and the colours; everything else (server, sign-in, PIN
rules, idle lock) is IT's and lives in the machine policy. An option the policy sets is
shown with its value, greyed out, saying so.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.errors import KnownError
from app.settings import APPEARANCES, Appearance, LayeredSettings, save_preference
from ui.base.appearance import AppearanceController, appearance_text
from ui.qt import QtCore, QtWidgets

log = logging.getLogger(__name__)

UI_LANGUAGES = {"en": "English", "de": "Deutsch"}
"""Languages the UI ships in, each named in itself."""


class Preferences(QtCore.QObject):
    """Where the user's preferences live and what IT locked: one per application."""

    def __init__(
        self,
        app: QtCore.QCoreApplication,
        *,
        settings: LayeredSettings,
        path: Path | None,
        appearance: AppearanceController,
    ) -> None:
        super().__init__(app)
        self.setObjectName("preferences")
        self.settings = settings
        self.path = path
        """``None`` for the demo: choices apply to this run only."""
        self.appearance = appearance

    @staticmethod
    def of(app: QtCore.QCoreApplication | None) -> Preferences | None:
        return app.findChild(Preferences, "preferences") if app is not None else None

    def locked(self, name: str) -> bool:
        return name in self.settings.locked


class PreferencesDialog(QtWidgets.QDialog):
    """Language and appearance; IT's choices greyed out with the reason."""

    def __init__(self, preferences: Preferences, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        layout = QtWidgets.QVBoxLayout(self)
        form = QtWidgets.QFormLayout()
        layout.addLayout(form)
        effective = preferences.settings.effective

        self.language = QtWidgets.QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("As the system"), "")
        for code, name in UI_LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(effective.language)))
        form.addRow(self.tr("&Language:"), self._locked_if(self.language, "language"))

        self.appearance = QtWidgets.QComboBox()
        self.appearance.setAccessibleName(self.tr("Appearance"))
        for value in APPEARANCES:
            self.appearance.addItem(appearance_text(value).replace("&", ""), value)
        self.appearance.setCurrentIndex(self.appearance.findData(preferences.appearance.current))
        form.addRow(self.tr("&Appearance:"), self._locked_if(self.appearance, "appearance"))

        note = QtWidgets.QLabel(self.tr("A new language applies when AskOnce starts next."))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        layout.addWidget(note)
        if preferences.path is None:
            demo = QtWidgets.QLabel(self.tr("Demo: your choices apply to this run only."))
            demo.setWordWrap(True)
            layout.addWidget(demo)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _locked_if(self, field: QtWidgets.QWidget, name: str) -> QtWidgets.QWidget:
        if not self.preferences.locked(name):
            return field
        field.setEnabled(False)
        reason = self.tr("Set by your IT department")
        field.setToolTip(reason)
        field.setAccessibleDescription(reason)
        box = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        label = QtWidgets.QLabel(reason)  # no emoji: ward PCs often lack an emoji font
        label.setObjectName("mutedText")
        row.addWidget(label)
        return box

    def _save(self) -> None:
        appearance: Appearance = self.appearance.currentData()
        if not self.preferences.locked("appearance"):
            self.preferences.appearance.choose(appearance, self)
        language = str(self.language.currentData())
        path = self.preferences.path
        if (
            path is not None
            and not self.preferences.locked("language")
            and language != self.preferences.settings.effective.language
        ):
            try:
                save_preference(path, "language", language)
            except KnownError as exc:
                log.warning("language not saved: %s", type(exc).__name__)
                QtWidgets.QMessageBox.warning(self, self.tr("Settings"), str(exc))
                return
        self.accept()
