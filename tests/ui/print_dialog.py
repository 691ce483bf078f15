"""A stand-in for Qt's print dialog in UI tests (no printer, no native dialog)."""

from __future__ import annotations

from pathlib import Path

from ui.qt import QtPrintSupport, QtWidgets


class PrintToFileDialog(QtWidgets.QDialog):
    """Stands in for Qt's print dialog: accepting it is picking "Print to File (PDF)"."""

    target: Path

    def __init__(self, printer: QtPrintSupport.QPrinter, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.accepted.connect(lambda: self._to_file(printer))

    def _to_file(self, printer: QtPrintSupport.QPrinter) -> None:
        printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.target))
