"""A widget's shortcut acts on that widget only (PySide6 drops the context argument of
``QShortcut``; ``ui.base.shortcuts`` sets it)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.base.shortcuts import widget_shortcut
from ui.qt import Qt, QtWidgets


def test_a_widgets_space_leaves_the_windows_push_buttons_alone(qtbot: QtBot) -> None:
    window = QtWidgets.QWidget()
    qtbot.addWidget(window)
    table = QtWidgets.QTableWidget(1, 1, window)
    button = QtWidgets.QPushButton("Request", window)
    layout = QtWidgets.QVBoxLayout(window)
    layout.addWidget(table)
    layout.addWidget(button)
    toggled: list[str] = []
    shortcut = widget_shortcut(Qt.Key.Key_Space, table, lambda: toggled.append("table"))
    pressed: list[str] = []
    button.clicked.connect(lambda: pressed.append("button"))
    window.show()
    qtbot.waitExposed(window)

    assert shortcut.context() is Qt.ShortcutContext.WidgetShortcut
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert pressed == ["button"]
    assert toggled == []

    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert toggled == ["table"]
