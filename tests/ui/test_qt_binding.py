"""The Qt binding keeps Python's reference counts right (a crash the suite once hit at random).

PySide6 6.12.0 on Python 3.11 took one reference from ``None`` on every call that
returns nothing (``QLabel.setText``, ``QTextCursor.setPosition``...). ``None`` is
not immortal before Python 3.12, so after a few thousand such calls the process
died with "Fatal Python error: none_dealloc" — in the app after some minutes of
use, in CI as a segmentation fault at a random test. pyproject.toml excludes that
version; this test fails on any binding with the same defect.
"""

from __future__ import annotations

import sys

from ui.qt import QtGui, QtWidgets

CALLS = 500  # two calls each: a thousand references on a defective binding


def test_calls_that_return_nothing_leave_none_alone(qtbot) -> None:
    label = QtWidgets.QLabel()
    qtbot.add_widget(label)
    cursor = QtGui.QTextCursor(QtGui.QTextDocument("text"))
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("x")
        cursor.setPosition(0)
    drift = sys.getrefcount(None) - before
    assert drift > -CALLS // 2, f"{-drift} references to None lost in {2 * CALLS} calls"
