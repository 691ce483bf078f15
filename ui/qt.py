"""The one module that imports the Qt binding, so a binding change touches one file."""

from PySide6 import QtCore, QtGui, QtPrintSupport, QtSvg, QtWidgets
from PySide6.QtCore import Qt, Signal, Slot

__all__ = ["Qt", "QtCore", "QtGui", "QtPrintSupport", "QtSvg", "QtWidgets", "Signal", "Slot"]
