"""The handover sheet on pages: paper, blocks placed whole, header and footer.

Qt's rich text has no ``page-break-inside: avoid``; rather than fix page breaks in one
long document afterwards (as the discharge summary must, ``ui.discharge.summary``),
the sheet is a title and one small document per patient, and this module places them:
a block that does not fit in what is left of a page starts the next one. Only a block
taller than a whole page is split (Qt then breaks it between lines).

Pages are A4 or Letter from the locale (a printer chosen in the print dialog may set
another size: the layout follows the printer it is drawn on). Every page carries the
ward and the time the sheet was read at the top, and "Confidential — patient data",
who printed it and the page number at the foot.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.base import printing
from ui.base.printing import default_page_size
from ui.handover.document import PrintableHandover
from ui.qt import Qt, QtCore, QtGui, QtPrintSupport

PAGE_MARGINS_MM = QtCore.QMarginsF(15, 12, 15, 12)
BLOCK_GAP_MM = 2.5
"""White space between two patients."""


def page_layout(size: QtGui.QPageSize.PageSizeId) -> QtGui.QPageLayout:
    return printing.page_layout(size, PAGE_MARGINS_MM)


@dataclass(frozen=True)
class _Placed:
    doc: QtGui.QTextDocument
    page: int
    top: float
    """Where the block (or this page's part of it) starts below the top of the body."""
    part: int | None
    """Which page-high part of a block taller than a page (None: a block placed whole)."""


class SheetPages:
    """The sheet laid out on pages ``width`` x ``height`` (device pixels) of ``device``.

    Holds copies of the documents laid out for ``device`` (true sizes, sharp text): keep
    the device alive while this lives, and call ``release`` before it goes.
    """

    def __init__(
        self,
        printable: PrintableHandover,
        device: QtGui.QPaintDevice,
        width: float,
        height: float,
    ) -> None:
        self.printable = printable
        self.width = width
        self.height = height
        self.docs: list[QtGui.QTextDocument] = []
        gap = BLOCK_GAP_MM * device.logicalDpiY() / 25.4
        self.placed: list[_Placed] = []
        page, top = 0, 0.0
        for source in (printable.title, *printable.blocks):
            doc = source.clone()
            doc.documentLayout().setPaintDevice(device)
            doc.setTextWidth(width)
            _fit_width(doc, width)
            block_height = doc.documentLayout().documentSize().height()
            self.docs.append(doc)
            if top > 0 and top + block_height > height:
                page, top = page + 1, 0.0  # the whole block on the next page
            if block_height <= height - top:
                self.placed.append(_Placed(doc, page, top, None))
                top += block_height + gap
                continue
            # Taller than a page: Qt breaks it between lines, one page-high part a page.
            doc.setPageSize(QtCore.QSizeF(width, height))
            parts = doc.pageCount()
            for part in range(parts):
                self.placed.append(_Placed(doc, page + part, 0.0, part))
            page += parts - 1
            top = doc.documentLayout().documentSize().height() - (parts - 1) * height + gap
        self.pages = page + 1

    def draw_body(self, painter: QtGui.QPainter, page: int) -> None:
        """Draw what goes on ``page`` with the body's top left corner at the origin."""
        for placed in self.placed:
            if placed.page != page:
                continue
            doc = placed.doc
            painter.save()
            if placed.part is None:
                painter.translate(QtCore.QPointF(0, placed.top))
                clip = QtCore.QRectF(0, 0, self.width, doc.size().height())
            else:
                painter.translate(QtCore.QPointF(0, -placed.part * self.height))
                clip = QtCore.QRectF(0, placed.part * self.height, self.width, self.height)
            context = QtGui.QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            painter.setClipRect(clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()

    def release(self) -> None:
        """Point the copies away from the device (which may go before they do)."""
        for doc in self.docs:
            # (the stubs miss None here)
            doc.documentLayout().setPaintDevice(None)  # type: ignore[arg-type]


def _fit_width(doc: QtGui.QTextDocument, width: float) -> None:
    """Lines break between words, unless a word is wider than the page (a long address):
    then rather than run off the edge it breaks inside."""
    if doc.documentLayout().documentSize().width() > width + 1:
        option = doc.defaultTextOption()
        option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)


def _band_font(printable: PrintableHandover) -> QtGui.QFont:
    font = QtGui.QFont(printable.title.defaultFont())
    font.setPointSizeF(7.5)
    return font


def _draw_page(
    painter: QtGui.QPainter,
    pages: SheetPages,
    page: int,
    width: float,
    height: float,
    line: float,
) -> None:
    """One page: header band, body, footer band (the page's printable area at the origin)."""
    printable = pages.printable
    gap = line * 0.8
    band_font = _band_font(printable)
    pen = QtGui.QPen(QtGui.QColor("black"))
    pen.setWidthF(max(1.0, painter.device().logicalDpiY() / 144))

    painter.setFont(band_font)
    painter.setPen(pen)
    top = QtCore.QRectF(0, 0, width, line)
    left_align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right_align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(top, left_align, printable.header_left)
    bold = QtGui.QFont(band_font)
    bold.setBold(True)
    painter.setFont(bold)
    painter.drawText(top, right_align, printable.header_right)
    painter.drawLine(QtCore.QPointF(0, line + gap / 3), QtCore.QPointF(width, line + gap / 3))

    painter.save()
    painter.translate(QtCore.QPointF(0, line + gap))
    pages.draw_body(painter, page)
    painter.restore()

    painter.setFont(band_font)
    painter.setPen(pen)
    bottom = QtCore.QRectF(0, height - line, width, line)
    painter.drawLine(
        QtCore.QPointF(0, height - line - gap / 3), QtCore.QPointF(width, height - line - gap / 3)
    )
    painter.setFont(bold)
    painter.drawText(bottom, left_align, printable.footer)
    painter.setFont(band_font)
    number = printable.page_number.replace("%1", str(page + 1)).replace("%2", str(pages.pages))
    painter.drawText(bottom, right_align, number)


def _band_line(printable: PrintableHandover, device: QtGui.QPaintDevice) -> float:
    """The height of the header and footer lines on ``device``."""
    return QtGui.QFontMetricsF(_band_font(printable), device).height()


def _body_height(height: float, line: float) -> float:
    return height - 2 * (line + line * 0.8)


def render(printable: PrintableHandover, printer: QtPrintSupport.QPrinter) -> int:
    """Draw the sheet on ``printer`` (a printer, a PDF file, a print preview); returns pages."""
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages: SheetPages | None = None
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        width, height = float(area.width()), float(area.height())
        line = _band_line(printable, printer)
        pages = SheetPages(printable, printer, width, _body_height(height, line))
        for page in range(pages.pages):
            if page:
                printer.newPage()
            _draw_page(painter, pages, page, width, height, line)
        return pages.pages
    finally:
        painter.end()
        if pages is not None:
            pages.release()


def pdf_printer(
    path: str, size: QtGui.QPageSize.PageSizeId, document_name: str
) -> QtPrintSupport.QPrinter:
    """A printer that writes a PDF file at ``path`` (nothing else is written anywhere)."""
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(page_layout(size))
    printer.setCreator("AskOnce")
    printer.setDocName(document_name)
    return printer


def sheet_printer(document_name: str) -> QtPrintSupport.QPrinter:
    """A printer for the sheet: high resolution, A4 or Letter from the locale."""
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(default_page_size()))
    printer.setCreator("AskOnce")
    printer.setDocName(document_name)
    return printer


def page_images(
    printable: PrintableHandover,
    size: QtGui.QPageSize.PageSizeId,
    dpi: int = 110,
) -> list[QtGui.QImage]:
    """Each page as an image, laid out as on paper (screenshots, and the tests' eyes)."""
    layout = page_layout(size)
    full = layout.fullRectPixels(dpi)
    area = layout.paintRectPixels(dpi)
    dots_per_meter = round(dpi / 0.0254)

    def blank() -> QtGui.QImage:
        image = QtGui.QImage(full.width(), full.height(), QtGui.QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
        image.fill(QtGui.QColor("white"))
        return image

    device = blank()  # what the layout measures on
    width, height = float(area.width()), float(area.height())
    line = _band_line(printable, device)
    pages = SheetPages(printable, device, width, _body_height(height, line))
    images = []
    try:
        for page in range(pages.pages):
            image = blank()
            painter = QtGui.QPainter(image)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            painter.translate(QtCore.QPointF(area.topLeft()))
            _draw_page(painter, pages, page, width, height, line)
            painter.end()
            images.append(image)
    finally:
        pages.release()
    return images
