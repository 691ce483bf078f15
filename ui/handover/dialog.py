"""The handover sheet's preview: the pages as they will print, with Print… and Save as PDF….

Window-modal, opened with ``open()`` (no event loop of its own: a lock closes it). The
sheet is read on the DB worker when the dialog opens and again, fresh, for printing
or saving (``ui.handover.output``); the preview then shows what went out.
"""

from __future__ import annotations

from app.services import CareService, HandoverSheet
from ui.base.taskman import TaskManager
from ui.handover.document import PrintableHandover
from ui.handover.output import HandoverOutput
from ui.handover.pages import render, sheet_printer
from ui.qt import Qt, QtGui, QtPrintSupport, QtWidgets, Signal


class HandoverDialog(QtWidgets.QDialog):
    """Preview of the handover sheet for the ward or the patients picked."""

    sig_sheet_shown = Signal(int)
    """The preview shows a sheet (argument: how many patients are on it)."""

    def __init__(
        self,
        tasks: TaskManager,
        service: CareService,
        patient_ids: list[str] | None,
        parent: QtWidgets.QWidget,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift handover sheet"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(900, 860)
        self.output = HandoverOutput(tasks, service, patient_ids, self, demo=demo)
        self.printable: PrintableHandover | None = None
        self.sheet: HandoverSheet | None = None

        layout = QtWidgets.QVBoxLayout(self)
        self.status = QtWidgets.QLabel(self.tr("Reading the handover sheet…"))
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        layout.addWidget(self.status)

        self._printer = sheet_printer(self.tr("Shift handover sheet"))
        self.preview = QtPrintSupport.QPrintPreviewWidget(self._printer, self)
        self.preview.setAccessibleName(self.tr("Preview of the handover sheet"))
        # The pages scroll with the arrow and page keys once the view inside has the focus.
        view = self.preview.findChild(QtWidgets.QGraphicsView)
        if view is not None:
            view.setAccessibleName(self.preview.accessibleName())
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.preview.setFocusProxy(view)
        self.preview.setZoomMode(QtPrintSupport.QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.preview.paintRequested.connect(self._paint_preview)
        layout.addWidget(self.preview, 1)

        row = QtWidgets.QHBoxLayout()
        self.zoom_out_button = QtWidgets.QPushButton(self.tr("Zoom &out"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out of the preview"))
        self.zoom_out_button.setShortcut(QtGui.QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.preview.zoomOut())
        self.zoom_in_button = QtWidgets.QPushButton(self.tr("Zoom &in"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom into the preview"))
        self.zoom_in_button.setShortcut(QtGui.QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.preview.zoomIn())
        row.addWidget(self.zoom_out_button)
        row.addWidget(self.zoom_in_button)
        row.addStretch(1)
        self.print_button = QtWidgets.QPushButton(self.tr("&Print…"))
        self.print_button.setAccessibleName(self.tr("Print the handover sheet"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.output.print_sheet)
        self.pdf_button = QtWidgets.QPushButton(self.tr("Save as P&DF…"))
        self.pdf_button.setAccessibleName(self.tr("Save the handover sheet as PDF"))
        self.pdf_button.clicked.connect(lambda: self.output.export_pdf())
        self.close_button = QtWidgets.QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the handover sheet"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.print_button, self.pdf_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self._enable_output(False)

        self.output.sig_sheet_read.connect(self.show_sheet)
        self.output.sig_output_done.connect(self._done)
        self.output.sig_output_failed.connect(self._failed)
        self.finished.connect(lambda _result: self.output.close())

    # --- the sheet ------------------------------------------------------------------------

    def load(self) -> None:
        """Read the sheet (on the DB worker) and show it."""
        self.output.read(self.show_sheet)

    def show_sheet(self, sheet: HandoverSheet) -> None:
        self.sheet = sheet
        self.printable = self.output.document(sheet)
        self.preview.updatePreview()
        pages = self.preview.pageCount()
        count = len(sheet.patients)
        if count:
            text = (
                self.tr("Patients on the sheet: %1 · pages: %2. Print it, or save it as PDF.")
                .replace("%1", str(count))
                .replace("%2", str(pages))
            )
        else:
            text = self.tr("There are no patients to hand over.")
        self.status.setText(text)
        for widget in (self.preview, self.preview.focusProxy()):
            if widget is not None:
                widget.setAccessibleDescription(text)
        self._enable_output(count > 0)
        if count and not self.print_button.hasFocus() and not self.pdf_button.hasFocus():
            self.print_button.setFocus()
        self.sig_sheet_shown.emit(count)

    def _paint_preview(self, printer: QtPrintSupport.QPrinter) -> None:
        if self.printable is None:
            return
        render(self.printable, printer)

    def _enable_output(self, enabled: bool) -> None:
        for widget in (self.print_button, self.pdf_button):
            widget.setEnabled(enabled)

    # --- after output ---------------------------------------------------------------------

    def _done(self, kind: str, pages: int) -> None:
        text = (
            self.tr("Sent to the printer (pages: %1).")
            if kind == "print"
            else self.tr("Saved as PDF (pages: %1).")
        )
        self.status.setText(text.replace("%1", str(pages)))

    def _failed(self, message: str) -> None:
        self.status.setText(message)


def open_handover(
    parent: QtWidgets.QWidget,
    tasks: TaskManager,
    service: CareService,
    patient_ids: list[str] | None = None,
    *,
    demo: bool = False,
) -> HandoverDialog:
    """Open the handover sheet's preview over ``parent`` and return at once.

    ``patient_ids``: the patients picked (shown in bed order), or ``None`` for every
    patient assigned to the user. The dialog is window-modal, deleted once closed.
    """
    dialog = HandoverDialog(tasks, service, patient_ids, parent, demo=demo)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.load()
    return dialog
