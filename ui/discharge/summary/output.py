"""Printing and PDF export of the discharge summary, with Qt's own printing.

The document comes from ``ui.discharge.summary.document``. Pages are A4 or Letter from
the locale; each carries a header with the patient's name and MRN and a footer
with who printed it, when, and the page number. Printing and export ask for
re-authentication first and are audited (never with a file name). The print and save
dialogs open without an event loop of their own (``open_dialog``): a lock that comes
while one is up closes it, and nothing is printed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.domain import AuditAction
from app.services import CareService, DischargeSummary
from ui.base import printing, reauth
from ui.base.dialogs import open_dialog
from ui.base.error_text import error_text
from ui.base.printing import default_page_size
from ui.base.save_dialog import save_file_dialog
from ui.base.taskman import DbOp, TaskManager
from ui.discharge.summary.document import PrintableSummary, PrintedBy, summary_document
from ui.discharge.summary.page_breaks import place_page_breaks
from ui.qt import Qt, QtCore, QtGui, QtPrintSupport, QtWidgets, Signal

log = logging.getLogger(__name__)

__all__ = [
    "PrintableSummary",
    "PrintedBy",
    "SummaryOutput",
    "default_page_size",
    "export_summary_pdf",
    "lay_out_pages",
    "printer_dialog",
    "render",
    "summary_document",
    "summary_printer",
]

PAGE_MARGINS_MM = QtCore.QMarginsF(18, 14, 18, 14)


def page_layout(size: QtGui.QPageSize.PageSizeId) -> QtGui.QPageLayout:
    return printing.page_layout(size, PAGE_MARGINS_MM)


def _band(doc: QtGui.QTextDocument, printer: QtPrintSupport.QPrinter) -> tuple[QtGui.QFont, float]:
    """The font of the header and footer lines, and their height (printer pixels)."""
    band_font = QtGui.QFont(doc.defaultFont())
    band_font.setPointSizeF(8)
    return band_font, QtGui.QFontMetricsF(band_font, printer).height()


def _page_rects(
    printer: QtPrintSupport.QPrinter, line: float
) -> tuple[QtCore.QRectF, QtCore.QRectF]:
    """The printable area of a page, and the body in it between header and footer."""
    paint_rect = printer.pageLayout().paintRectPixels(printer.resolution())
    width, height = float(paint_rect.width()), float(paint_rect.height())
    gap = line * 0.8
    return (
        QtCore.QRectF(0, 0, width, height),
        QtCore.QRectF(0, line + gap, width, height - 2 * (line + gap)),
    )


def lay_out_pages(
    doc: QtGui.QTextDocument, printer: QtPrintSupport.QPrinter
) -> QtGui.QTextDocument:
    """A copy of the summary laid out on the printer's pages, page breaks placed: what
    ``render`` draws, one ``pageSize()`` of it on each page between header and footer.

    The copy lays out for ``printer`` (sharp text, true sizes); it must go before the
    printer does, or be pointed elsewhere (``documentLayout().setPaintDevice``).
    """
    clone = doc.clone()
    clone.documentLayout().setPaintDevice(printer)
    _page, body = _page_rects(printer, _band(doc, printer)[1])
    clone.setPageSize(body.size())
    place_page_breaks(clone, body.width(), body.height())
    return clone


def render(printable: PrintableSummary, printer: QtPrintSupport.QPrinter) -> int:
    """Lay the summary out on the printer's pages with header and footer; returns pages."""
    doc = printable.document
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    clone: QtGui.QTextDocument | None = None
    try:
        clone = lay_out_pages(doc, printer)
        layout = clone.documentLayout()
        band_font, line = _band(doc, printer)
        gap = line * 0.8
        page_rect, body = _page_rects(printer, line)
        width, height = page_rect.width(), page_rect.height()
        pages = clone.pageCount()
        pen = QtGui.QPen(QtGui.QColor("black"))
        pen.setWidthF(max(1.0, printer.resolution() / 144))

        for page in range(pages):
            if page:
                printer.newPage()
            painter.setFont(band_font)
            painter.setPen(pen)
            top = QtCore.QRectF(0, 0, width, line)
            painter.drawText(
                top,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                printable.header_left,
            )
            bold = QtGui.QFont(band_font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                top,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                printable.header_right,
            )
            painter.drawLine(
                QtCore.QPointF(0, line + gap / 3), QtCore.QPointF(width, line + gap / 3)
            )

            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            context = QtGui.QAbstractTextDocumentLayout.PaintContext()
            context.clip = QtCore.QRectF(0, page * body.height(), body.width(), body.height())
            painter.setClipRect(context.clip)
            layout.draw(painter, context)
            painter.restore()

            painter.setFont(band_font)
            painter.setPen(pen)
            bottom = QtCore.QRectF(0, height - line, width, line)
            painter.drawLine(
                QtCore.QPointF(0, height - line - gap / 3),
                QtCore.QPointF(width, height - line - gap / 3),
            )
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, printable.footer
            )
            number = printable.page_number.replace("%1", str(page + 1)).replace("%2", str(pages))
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number
            )
    finally:
        painter.end()
        if clone is not None:
            # The clone must not point at a printer that goes away (the stubs miss None here).
            clone.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]
    return pages


def pdf_printer(path: Path, size: QtGui.QPageSize.PageSizeId) -> QtPrintSupport.QPrinter:
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout(size))
    printer.setCreator("AskOnce")
    printer.setDocName(QtCore.QCoreApplication.translate("SummaryWriter", "Discharge summary"))
    return printer


def export_summary_pdf(
    doc: PrintableSummary,
    path: Path,
    size: QtGui.QPageSize.PageSizeId | None = None,
) -> int:
    """Write the summary to ``path`` as PDF (A4 or Letter from the locale); returns pages."""
    return render(doc, pdf_printer(path, size or default_page_size()))


def summary_printer() -> QtPrintSupport.QPrinter:
    """A printer for the summary: high resolution, A4 or Letter from the locale."""
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(default_page_size()))
    printer.setCreator("AskOnce")
    printer.setDocName(QtCore.QCoreApplication.translate("SummaryWriter", "Discharge summary"))
    return printer


PrinterDialogFactory = Callable[[QtPrintSupport.QPrinter, QtWidgets.QWidget], QtWidgets.QDialog]
"""A dialog that sets up ``printer`` (which printer, copies, pages); accepted means print."""


def printer_dialog(
    printer: QtPrintSupport.QPrinter, parent: QtWidgets.QWidget
) -> QtWidgets.QDialog:
    """Qt's print dialog over ``printer``, titled for the summary."""
    title = QtCore.QCoreApplication.translate("SummaryWriter", "Print discharge summary")
    return printing.printer_dialog(printer, parent, title)


class SummaryOutput(QtCore.QObject):
    """Print or export one patient's summary: re-authenticate, read, render, audit.

    The summary is read fresh from the cache on the DB worker; the audit entry is
    written there too, after the output succeeded. No patient data in log lines.
    """

    sig_output_done = Signal(str, int)
    """Printed or exported and audited (arguments: "print" or "export", pages)."""

    sig_output_failed = Signal(str)
    """Output did not happen; a message for the user (no patient data)."""

    def __init__(
        self,
        tasks: TaskManager,
        service: CareService,
        parent_widget: QtWidgets.QWidget,
        *,
        language: str = "en",
        demo: bool = False,
    ) -> None:
        super().__init__(parent_widget)
        self.tasks = tasks
        self.service = service
        self.language = language
        self.demo = demo
        self.printer_dialog: PrinterDialogFactory = printer_dialog
        """Makes the print dialog; tests put a stand-in here."""

    def _window(self) -> QtWidgets.QWidget:
        # The Qt parent, not a Python attribute: a reference back to the widget would make
        # a cycle that Python's garbage collector may break on any thread (a crash with Qt).
        parent = self.parent()
        assert isinstance(parent, QtWidgets.QWidget)
        return parent

    # --- entry points -----------------------------------------------------------------

    def print_summary(self, patient_id: str) -> None:
        """Re-authenticate, read the summary, ask for a printer, print and audit."""
        self._confirm_identity(
            self.tr("Print the discharge summary"),
            lambda: self._with_summary(patient_id, self._ask_for_printer),
        )

    def export_pdf(self, patient_id: str, path: Path | None = None) -> None:
        """Re-authenticate, ask where to save (unless ``path``), write the PDF and audit."""

        def export_to(target: Path) -> None:
            self._with_summary(patient_id, lambda s: self._export(s, target))

        def confirmed() -> None:
            if path is not None:
                export_to(path)
            else:
                self._ask_for_pdf_path(export_to)

        self._confirm_identity(self.tr("Export the discharge summary as PDF"), confirmed)

    def pdf_dialog(self) -> QtWidgets.QFileDialog:
        """The save dialog. The suggested name carries no patient identifier (see module doc)."""
        # File names end up in recent-file lists, backups and logs that are not protected like
        # the PDF itself, so the name holds no name or MRN: the date tells summaries apart.
        name = f"discharge-summary-{self.service.today().isoformat()}.pdf"
        return save_file_dialog(
            self._window(),
            self.tr("Export discharge summary as PDF"),
            self.tr("PDF documents (*.pdf)"),
            name,
            "pdf",
        )

    # --- steps ------------------------------------------------------------------------

    def _confirm_identity(self, reason: str, then: Callable[[], None]) -> None:
        """``then`` once the signed-in user confirmed who they are (at once in the demo)."""
        reauth.request_reauth(self._window(), reason, then)

    def _ask_for_pdf_path(self, then: Callable[[Path], None]) -> None:
        dialog = self.pdf_dialog()

        def chosen() -> None:
            files = dialog.selectedFiles()
            if not files or not files[0]:
                return
            path = Path(files[0])
            then(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

        open_dialog(dialog, chosen)

    def _with_summary(self, patient_id: str, then: Callable[[DischargeSummary], None]) -> None:
        service = self.service
        DbOp(self.tasks, lambda: service.discharge.summary(patient_id)).success(then).failure(
            lambda exc: self.sig_output_failed.emit(error_text(exc))
        ).run()

    def document(self, summary: DischargeSummary) -> PrintableSummary:
        printed = PrintedBy(actor=self.service.actor, at=self.service.now(), demo=self.demo)
        return summary_document(summary, printed, self.language, checklist=self.service.checklist)

    def _ask_for_printer(self, summary: DischargeSummary) -> None:
        doc = self.document(summary)
        printer = summary_printer()
        # The dialog points at the printer; the printer lives in print_now, which the dialog's
        # signal holds until the dialog is deleted: the dialog goes first, never the printer.
        dialog = self.printer_dialog(printer, self._window())

        def print_now() -> None:
            try:
                pages = render(doc, printer)
            except OSError:
                log.warning("printing the discharge summary failed")
                self.sig_output_failed.emit(self.tr("The printer could not be opened."))
                return
            if pages:
                self._audit(summary.patient.id, AuditAction.PRINT, pages, "print")

        open_dialog(dialog, print_now)

    def _export(self, summary: DischargeSummary, path: Path) -> None:
        doc = self.document(summary)
        size = default_page_size()
        try:
            pages = export_summary_pdf(doc, path, size)
        except OSError:
            log.warning("exporting the discharge summary failed")
            self.sig_output_failed.emit(
                self.tr("The PDF could not be written there. Choose another folder.")
            )
            return
        self._audit(summary.patient.id, AuditAction.EXPORT, pages, "export")

    def _audit(self, patient_id: str, action: AuditAction, pages: int, kind: str) -> None:
        service = self.service
        # The kind of output, never a file name (a name may spell out the patient's).
        detail = f"{'printer' if kind == 'print' else 'pdf'}, {pages} page(s)"
        DbOp(
            self.tasks, lambda: service.discharge.record_summary_output(patient_id, action, detail)
        ).success(lambda _r: self.sig_output_done.emit(kind, pages)).run()
