"""Keyboard shortcuts on one widget.

PySide6's ``QShortcut(key, parent, callable, context)`` ignores its context argument and
makes a window-wide shortcut: a Space meant for the discharge checklist then swallowed
Space on every push button of the window, and the board's "I" opened the interview from
anywhere. Every shortcut that belongs to a widget is made here, its context set with
``setContext`` (``tests/ui/base/test_shortcuts.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import Qt, QtGui, QtWidgets


def widget_shortcut(
    key: Qt.Key | QtGui.QKeySequence,
    widget: QtWidgets.QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> QtGui.QShortcut:
    """A key on ``widget`` only (by default: while it has the focus)."""
    keys = key if isinstance(key, QtGui.QKeySequence) else QtGui.QKeySequence(key)
    shortcut = QtGui.QShortcut(keys, widget)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
