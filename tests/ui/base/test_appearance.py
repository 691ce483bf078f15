"""Light, dark, high contrast or the system's: applied at once, kept, locked by IT."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.settings import APPEARANCES, load_settings
from ui.base.appearance import AppearanceController
from ui.qt import QtGui, QtWidgets

ROLE = QtGui.QPalette.ColorRole


@pytest.fixture
def controller(qapp: QtWidgets.QApplication, tmp_path: Path) -> Iterator[AppearanceController]:
    made = AppearanceController(
        qapp, current="system", preferences=tmp_path / "preferences.json", locked=False
    )
    yield made
    made.apply("system")
    made.setParent(None)
    made.deleteLater()


def test_dark_and_high_contrast_colour_the_whole_application(
    qapp: QtWidgets.QApplication, controller: AppearanceController
) -> None:
    controller.apply("dark")
    palette = qapp.palette()
    assert palette.color(ROLE.Window).lightness() < 60
    assert palette.color(ROLE.WindowText).lightness() > 200
    controller.apply("high-contrast")
    palette = QtWidgets.QWidget().palette()  # a widget made now inherits it
    assert palette.color(ROLE.Window) == QtGui.QColor("#000000")
    assert palette.color(ROLE.Text) == QtGui.QColor("#ffffff")
    assert palette.color(ROLE.Highlight) == QtGui.QColor("#ffff00")
    controller.apply("light")
    assert qapp.palette().color(ROLE.Window).lightness() > 180


def test_the_choice_is_kept_in_the_users_preferences(
    controller: AppearanceController, tmp_path: Path
) -> None:
    controller.choose("dark")
    saved = json.loads((tmp_path / "preferences.json").read_text(encoding="utf-8"))
    assert saved == {"appearance": "dark"}
    assert (
        load_settings(
            tmp_path / "no-policy.json", tmp_path / "preferences.json"
        ).effective.appearance
        == "dark"
    )


def test_the_menu_offers_each_choice_once_with_the_current_one_checked(
    qtbot, controller: AppearanceController
) -> None:
    parent = QtWidgets.QWidget()
    qtbot.add_widget(parent)
    menu = controller.menu(parent)
    actions = menu.actions()
    assert [a.data() for a in actions] == list(APPEARANCES)
    assert [a.isChecked() for a in actions] == [True, False, False, False]
    actions[3].trigger()
    assert controller.current == "high-contrast"
    assert [a.isChecked() for a in actions] == [False, False, False, True]


def test_a_choice_it_locked_cannot_be_changed(
    qapp: QtWidgets.QApplication, qtbot, tmp_path: Path
) -> None:
    locked = AppearanceController(
        qapp, current="light", preferences=tmp_path / "preferences.json", locked=True
    )
    try:
        parent = QtWidgets.QWidget()
        qtbot.add_widget(parent)
        menu = locked.menu(parent)
        assert not any(a.isEnabled() for a in menu.actions())
        locked.choose("dark")
        assert locked.current == "light"
        assert not (tmp_path / "preferences.json").exists()
    finally:
        locked.setParent(None)


def test_an_unwritable_preferences_file_still_applies_the_choice_and_says_so(
    qapp: QtWidgets.QApplication, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")  # a file where the folder should be
    shown: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text)
    )
    controller = AppearanceController(
        qapp, current="system", preferences=blocked / "preferences.json", locked=False
    )
    try:
        parent = QtWidgets.QWidget()
        qtbot.add_widget(parent)
        controller.choose("dark", parent)
        assert controller.current == "dark"
        (message,) = shown
        assert "could not be kept" in message
    finally:
        controller.apply("system")
        controller.setParent(None)


def test_the_application_finds_its_one_controller(
    qapp: QtWidgets.QApplication, controller: AppearanceController
) -> None:
    assert AppearanceController.of(qapp) is controller
