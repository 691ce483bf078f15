"""Edit ▸ Settings: a nurse's own choices are kept; IT's are shown locked and say so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.settings import LayeredSettings, Settings
from ui.base.appearance import AppearanceController
from ui.base.preferences import Preferences, PreferencesDialog
from ui.qt import QtWidgets


@pytest.fixture
def parent(qtbot) -> QtWidgets.QWidget:
    widget = QtWidgets.QWidget()
    qtbot.add_widget(widget)
    return widget


@pytest.fixture
def make(qapp: QtWidgets.QApplication, tmp_path: Path) -> Iterator[object]:
    made: list[Preferences] = []

    def build(locked: dict[str, object] | None = None, path: Path | None = None) -> Preferences:
        settings = LayeredSettings(
            effective=Settings.model_validate(locked or {}), locked=frozenset(locked or {})
        )
        appearance = AppearanceController(
            qapp,
            current=settings.effective.appearance,
            preferences=path,
            locked="appearance" in settings.locked,
        )
        prefs = Preferences(qapp, settings=settings, path=path, appearance=appearance)
        made.append(prefs)
        return prefs

    yield build
    for prefs in made:
        prefs.appearance.apply("system")
        prefs.appearance.setParent(None)
        prefs.setParent(None)


def test_the_users_choices_are_kept(make, parent, tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    dialog = PreferencesDialog(make(path=path), parent)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("high-contrast"))
    dialog._save()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "appearance": "high-contrast",
        "language": "de",
    }
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted


def test_what_it_set_is_shown_locked_and_says_so(make, parent, tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    prefs = make(locked={"language": "de", "appearance": "dark"}, path=path)
    dialog = PreferencesDialog(prefs, parent)
    assert not dialog.language.isEnabled()
    assert not dialog.appearance.isEnabled()
    assert dialog.language.currentData() == "de"
    assert dialog.language.toolTip() == "Set by your IT department"
    dialog._save()
    assert not path.exists()  # nothing of IT's is written into the user's file


def test_in_the_demo_choices_apply_to_this_run_only(make, parent) -> None:
    prefs = make(path=None)
    dialog = PreferencesDialog(prefs, parent)
    dialog.appearance.setCurrentIndex(dialog.appearance.findData("dark"))
    dialog._save()
    assert prefs.appearance.current == "dark"
    texts = [label.text() for label in dialog.findChildren(QtWidgets.QLabel)]
    assert "Demo: your choices apply to this run only." in texts
