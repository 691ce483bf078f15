"""Driving the interview the way a nurse does: keys only, sent where the keyboard focus is."""

from __future__ import annotations

from app.domain import AnswerType
from app.services import BoardItem
from ui.interview.dialog import InterviewDialog
from ui.mainwindow.ward_model import WardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets

WAIT_MS = 10_000
NO_MODS = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier


def open_row(qtbot, window: MainWindow, row: int) -> str:
    index = window.ward_panel.ward_proxy.index(row, WardColumn.NAME)
    with qtbot.wait_signal(window.sig_chart_shown, timeout=WAIT_MS) as blocker:
        window.ward_panel.ward_view.setCurrentIndex(index)
    return str(blocker.args[0])


def focused(window: QtWidgets.QWidget) -> QtWidgets.QWidget:
    """Where a key goes: the focus widget of the active window (or of ``window``)."""
    active = QtWidgets.QApplication.activeWindow()
    top = active if active is not None else window
    return top.focusWidget() or top


def shown_interview(window: MainWindow) -> InterviewDialog | None:
    shown = [d for d in window.findChildren(InterviewDialog) if d.isVisible()]
    assert len(shown) <= 1, "one interview at a time"
    return shown[0] if shown else None


def current(dialog: InterviewDialog) -> BoardItem:
    """The question on screen (there must be one)."""
    item = dialog.flow.current
    assert item is not None, "the interview is at its summary"
    return item


def wait_for_interview(qtbot, window: MainWindow) -> InterviewDialog:
    """The interview on screen, with the keyboard (a window manager would give it)."""
    qtbot.waitUntil(lambda: shown_interview(window) is not None, timeout=WAIT_MS)
    dialog = shown_interview(window)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    return dialog


def start_interview(qtbot, window: MainWindow) -> InterviewDialog:
    """Ctrl+I, as the menu says."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=WAIT_MS)
    qtbot.keyClick(focused(window), Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    return wait_for_interview(qtbot, window)


def press(qtbot, dialog: InterviewDialog, key: Qt.Key, mods=NO_MODS) -> None:
    qtbot.keyClick(focused(dialog), key, mods)


def type_text(qtbot, dialog: InterviewDialog, text: str) -> None:
    qtbot.keyClicks(focused(dialog), text)


def answer_current(qtbot, dialog: InterviewDialog, free_text: str = "Asked by keyboard") -> None:
    """Answer the question on screen with the fewest keys: the first option, Y, or text."""
    t = current(dialog).question.answer_type
    if t is AnswerType.BOOLEAN:
        press(qtbot, dialog, Qt.Key.Key_Y)
    elif t is AnswerType.MULTI_CHOICE:
        press(qtbot, dialog, Qt.Key.Key_2)
        press(qtbot, dialog, Qt.Key.Key_Return)
    elif t is AnswerType.TIME:
        type_text(qtbot, dialog, "2130")
        press(qtbot, dialog, Qt.Key.Key_Return)
    elif t is AnswerType.FREE_TEXT:
        type_text(qtbot, dialog, free_text)
        press(qtbot, dialog, Qt.Key.Key_Return)
    else:
        press(qtbot, dialog, Qt.Key.Key_1)
