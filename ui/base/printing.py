"""What printed documents share: paper by locale, margins, Qt's print dialog, escaping.

The discharge summary (``ui.discharge.summary``) and the handover sheet
(``ui.handover``) both print and save PDFs; their pages differ, these do not.
"""

from __future__ import annotations

import html

from ui.qt import QtCore, QtGui, QtPrintSupport, QtWidgets

# Territories that print on US Letter; everyone else uses A4.
LETTER_TERRITORIES = frozenset(
    {
        QtCore.QLocale.Country.UnitedStates,
        QtCore.QLocale.Country.Canada,
        QtCore.QLocale.Country.Mexico,
        QtCore.QLocale.Country.Philippines,
        QtCore.QLocale.Country.Chile,
        QtCore.QLocale.Country.Colombia,
        QtCore.QLocale.Country.Venezuela,
        QtCore.QLocale.Country.PuertoRico,
    }
)


def default_page_size(locale: QtCore.QLocale | None = None) -> QtGui.QPageSize.PageSizeId:
    """Letter where the locale prints on Letter, A4 everywhere else."""
    locale = locale or QtCore.QLocale()
    if locale.territory() in LETTER_TERRITORIES:
        return QtGui.QPageSize.PageSizeId.Letter
    return QtGui.QPageSize.PageSizeId.A4


def page_layout(
    size: QtGui.QPageSize.PageSizeId, margins_mm: QtCore.QMarginsF
) -> QtGui.QPageLayout:
    return QtGui.QPageLayout(
        QtGui.QPageSize(size),
        QtGui.QPageLayout.Orientation.Portrait,
        margins_mm,
        QtGui.QPageLayout.Unit.Millimeter,
    )


def printer_dialog(
    printer: QtPrintSupport.QPrinter, parent: QtWidgets.QWidget, title: str
) -> QtWidgets.QDialog:
    """Qt's print dialog (printers, "Print to File (PDF)", copies) over ``printer``."""
    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    return dialog


def escape(text: object) -> str:
    """Text for rich-text markup."""
    return html.escape(str(text))


def unbroken(text: str) -> str:
    """Escaped, with no line break at its spaces (a date or a phone number stays whole)."""
    return escape(text).replace(" ", "&nbsp;")
