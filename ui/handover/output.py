"""Printing the handover sheet and saving it as PDF, behind re-authentication, audited.

As with the discharge summary: the user confirms who they are first
(``ui.base.reauth``), the sheet is read fresh from the cache on the DB worker, and
after the output succeeded one audit entry per patient on it is written there too,
saying how many patients and what kind of output, never a file name. The print and
save dialogs open window-modal with ``open()``: a lock that comes while one is up
closes it, and nothing is printed. The PDF is written straight to the file the user
chose; nothing with patient data is written anywhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from app.clock import local_day
from app.domain import AuditAction
from app.services import CareService, HandoverSheet
from ui.base import printing, reauth
from ui.base.dialogs import open_dialog
from ui.base.error_text import error_text
from ui.base.printing import default_page_size
from ui.base.save_dialog import save_file_dialog
from ui.base.taskman import DbOp, TaskManager
from ui.handover.document import PrintableHandover, PrintedBy, handover_document
from ui.handover.pages import pdf_printer, render, sheet_printer
from ui.qt import QtCore, QtPrintSupport, QtWidgets, Signal

log = logging.getLogger(__name__)

PrinterDialogFactory = Callable[[QtPrintSupport.QPrinter, QtWidgets.QWidget], QtWidgets.QDialog]
"""A dialog that sets up ``printer`` (which printer, copies, pages); accepted means print."""


def printer_dialog(
    printer: QtPrintSupport.QPrinter, parent: QtWidgets.QWidget
) -> QtWidgets.QDialog:
    """Qt's print dialog over ``printer``, titled for the handover sheet."""
    title = QtCore.QCoreApplication.translate("HandoverOutput", "Print handover sheet")
    return printing.printer_dialog(printer, parent, title)


class HandoverOutput(QtCore.QObject):
    """Print or save one handover sheet: re-authenticate, read, render, audit.

    Lives as long as the dialog it belongs to (its Qt parent); once ``close()``d, what
    was still on its way (a PIN check, a read) leads to nothing. No patient data in
    log lines.
    """

    sig_output_done = Signal(str, int)
    """Printed or saved and audited (arguments: "print" or "export", pages)."""

    sig_output_failed = Signal(str)
    """Output did not happen; a message for the user (no patient data)."""

    sig_sheet_read = Signal(object)
    """The sheet was read fresh for output (argument: the ``HandoverSheet``)."""

    def __init__(
        self,
        tasks: TaskManager,
        service: CareService,
        patient_ids: list[str] | None,
        parent_widget: QtWidgets.QWidget,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(parent_widget)
        self.tasks = tasks
        self.service = service
        self.patient_ids = None if patient_ids is None else list(patient_ids)
        self.demo = demo
        self.closed = False
        self.printer_dialog: PrinterDialogFactory = printer_dialog
        """Makes the print dialog; tests put a stand-in here."""

    def _window(self) -> QtWidgets.QWidget:
        # The Qt parent, not a Python attribute: a reference back to the widget would make
        # a cycle that Python's garbage collector may break on any thread.
        parent = self.parent()
        assert isinstance(parent, QtWidgets.QWidget)
        return parent

    def close(self) -> None:
        """The dialog went (closed, or by a lock): nothing still on its way is output."""
        self.closed = True

    # --- reading ------------------------------------------------------------------------

    def read(self, then: Callable[[HandoverSheet], None]) -> None:
        """Read the sheet on the DB worker; ``then`` gets it unless closed meanwhile."""
        service, ids = self.service, self.patient_ids

        def arrived(sheet: HandoverSheet) -> None:
            if not self.closed:
                then(sheet)

        def failed(exc: Exception) -> None:
            if not self.closed:
                self.sig_output_failed.emit(error_text(exc))

        DbOp(self.tasks, lambda: service.handover.sheet(ids)).success(arrived).failure(failed).run()

    def document(self, sheet: HandoverSheet) -> PrintableHandover:
        return handover_document(sheet, PrintedBy(actor=self.service.actor, demo=self.demo))

    # --- entry points -----------------------------------------------------------------

    def print_sheet(self) -> None:
        """Re-authenticate, read the sheet, ask for a printer, print and audit."""
        self._confirm_identity(
            self.tr("Print the handover sheet"), lambda: self._read_for(self._ask_for_printer)
        )

    def export_pdf(self, path: Path | None = None) -> None:
        """Re-authenticate, ask where to save (unless ``path``), write the PDF and audit."""

        def export_to(target: Path) -> None:
            self._read_for(lambda sheet: self._export(sheet, target))

        def confirmed() -> None:
            if path is not None:
                export_to(path)
            else:
                self._ask_for_pdf_path(export_to)

        self._confirm_identity(self.tr("Save the handover sheet as PDF"), confirmed)

    def pdf_dialog(self) -> QtWidgets.QFileDialog:
        """The save dialog. The suggested name holds the date and time, no patient data."""
        now = self.service.now().astimezone()
        return save_file_dialog(
            self._window(),
            self.tr("Save handover sheet as PDF"),
            self.tr("PDF documents (*.pdf)"),
            f"handover-{local_day(now).isoformat()}-{now:%H%M}.pdf",
            "pdf",
        )

    # --- steps ------------------------------------------------------------------------

    def _confirm_identity(self, reason: str, then: Callable[[], None]) -> None:
        """``then`` once the signed-in user confirmed who they are (at once in the demo)."""

        def confirmed() -> None:
            if not self.closed:
                then()

        reauth.request_reauth(self._window(), reason, confirmed)

    def _read_for(self, then: Callable[[HandoverSheet], None]) -> None:
        def arrived(sheet: HandoverSheet) -> None:
            self.sig_sheet_read.emit(sheet)
            if not sheet.patients:
                self.sig_output_failed.emit(self.tr("There are no patients to hand over."))
                return
            then(sheet)

        self.read(arrived)

    def _ask_for_pdf_path(self, then: Callable[[Path], None]) -> None:
        dialog = self.pdf_dialog()

        def chosen() -> None:
            files = dialog.selectedFiles()
            if self.closed or not files or not files[0]:
                return
            path = Path(files[0])
            then(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

        open_dialog(dialog, chosen)

    def _ask_for_printer(self, sheet: HandoverSheet) -> None:
        doc = self.document(sheet)
        printer = sheet_printer(doc.document_name)
        # The dialog points at the printer; the printer lives in print_now, which the dialog's
        # signal holds until the dialog is deleted: the dialog goes first, never the printer.
        dialog = self.printer_dialog(printer, self._window())

        def print_now() -> None:
            if self.closed:
                return
            try:
                pages = render(doc, printer)
            except OSError:
                log.warning("printing the handover sheet failed")
                self.sig_output_failed.emit(self.tr("The printer could not be opened."))
                return
            if pages:
                self._audit(doc, AuditAction.PRINT, pages, "print")

        open_dialog(dialog, print_now)

    def _export(self, sheet: HandoverSheet, path: Path) -> None:
        doc = self.document(sheet)
        try:
            pages = render(doc, pdf_printer(str(path), default_page_size(), doc.document_name))
        except OSError:
            log.warning("saving the handover sheet as PDF failed")
            self.sig_output_failed.emit(
                self.tr("The PDF could not be written there. Choose another folder.")
            )
            return
        self._audit(doc, AuditAction.EXPORT, pages, "export")

    def _audit(self, doc: PrintableHandover, action: AuditAction, pages: int, kind: str) -> None:
        service, ids = self.service, list(doc.patient_ids)
        # The kind of output, never a file name (a name may spell out a patient's).
        detail = f"{'printer' if kind == 'print' else 'pdf'}, {pages} page(s)"
        log.info("handover sheet %s: %d patients, %d pages", kind, len(ids), pages)

        def audited(_result: None) -> None:
            if not self.closed:
                self.sig_output_done.emit(kind, pages)

        DbOp(self.tasks, lambda: service.handover.record_output(ids, action, detail)).success(
            audited
        ).run()
