"""The one module that imports the Qt binding, so a binding change touches one file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

if TYPE_CHECKING:
    from PySide6 import QtPrintSupport, QtSvg

__all__ = ["Qt", "QtCore", "QtGui", "QtPrintSupport", "QtSvg", "QtWidgets", "Signal", "Slot"]


def __getattr__(name: str) -> Any:
    # Printing and SVG load on first use (the handover sheet, icons), not before the first
    # window (start-up time); ``from ui.qt import QtPrintSupport`` works as before.
    if name == "QtPrintSupport":
        from PySide6 import QtPrintSupport

        globals()[name] = QtPrintSupport
        return QtPrintSupport
    if name == "QtSvg":
        from PySide6 import QtSvg

        globals()[name] = QtSvg
        return QtSvg
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
