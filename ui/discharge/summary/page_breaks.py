"""Page breaks a reader can follow, for a rich-text document laid out in pages.

Qt's rich text has no ``page-break-inside: avoid`` (its CSS subset knows only
``page-break-before`` and ``-after``): it splits a table row line by line and
leaves a heading alone at the foot of a page. ``place_page_breaks`` fixes that on
a laid-out document, from the top down: a heading goes to the next page with its
section; a table ends before a row that would split and goes on at the top of the
next page with its header repeated. Used for the discharge summary.
"""

from __future__ import annotations

import logging
from itertools import pairwise

from app.errors import BugError
from ui.qt import QtGui

log = logging.getLogger(__name__)


def place_page_breaks(doc: QtGui.QTextDocument, width: float, page_height: float) -> None:
    """Page breaks for ``doc``, laid out on pages ``width`` wide and ``page_height`` high."""
    _separate_tables(doc)
    _fit_tables(doc, width)
    _paginate(doc, page_height)


def _separate_tables(doc: QtGui.QTextDocument) -> None:
    """An empty line (that Qt does not show) between each table and the text below it.

    Qt lays out a paragraph that follows a table directly without its top margin (a heading
    sticks to the table), and when the table ends just past the end of a page, as if the
    next page had begun already: the paragraph's first line is cut by the page's end, and
    a page break before it skips a page. After an empty line all that works as it should.
    """
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QtGui.QTextTable)]
    for table in sorted(tables, key=lambda t: t.firstPosition(), reverse=True):
        after = doc.findBlock(table.lastPosition() + 1)
        if (
            not after.isValid()
            or not after.text()
            or any(t.firstPosition() <= after.position() <= t.lastPosition() for t in tables)
        ):
            continue
        cursor = QtGui.QTextCursor(after)
        # The text goes on in a new block as it was; the block it leaves, empty, is plain.
        cursor.insertBlock(after.blockFormat(), after.charFormat())
        QtGui.QTextCursor(doc.findBlock(after.position())).setBlockFormat(QtGui.QTextBlockFormat())


def _fit_tables(doc: QtGui.QTextDocument, width: float) -> None:
    """Lines break between words only (``summary_document``), unless then a table would not
    fit the page (a very long e-mail address, say): rather than cut it off at the edge, let
    Qt break inside words. Labels marked as one line stay whole even then."""
    if doc.documentLayout().documentSize().width() > width + 1:
        log.info("a table is too wide for whole words; breaking inside words")
        option = doc.defaultTextOption()
        option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)


def _paginate(doc: QtGui.QTextDocument, page_height: float) -> None:
    """Page breaks a reader can follow, laid out from the top down.

    A section heading that would end a page goes to the next one, with its section. A table
    row is not split across pages: Qt's rich text has no ``page-break-inside: avoid`` (its
    CSS subset knows only ``page-break-before`` and ``-after``) and splits a row line by
    line, so the table ends before that row and goes on at the top of the next page, its
    header repeated. A row taller than a page still has to be split.
    """
    pages = _Pages(doc, page_height)
    for _step in range(500):  # each step moves something to a later page; a bound anyway
        _lay_out_again(doc)
        if not pages.break_before_first_problem():
            return
    log.warning("the discharge summary's page breaks did not settle")


def _lay_out_again(doc: QtGui.QTextDocument) -> None:
    """Lay the whole document out anew. After edits Qt lays out only what it takes to have
    changed, and after some (a block inserted below a table, a table split) it leaves
    blocks further down without lines: never drawn."""
    doc.setPageSize(doc.pageSize())
    doc.documentLayout().documentSize()  # (finishes the layout)


_BREAK_BEFORE = QtGui.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_NO_BREAK = QtGui.QTextFormat.PageBreakFlag.PageBreak_Auto


class _Pages:
    """Where the pages of a laid-out document break, and moving things to the next page."""

    def __init__(self, doc: QtGui.QTextDocument, page_height: float) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()
        self.height = page_height
        self.settled: set[int] = set()
        """Where a heading or table starts that is best left where it is (moving it would
        leave a page blank)."""

    def page_of(self, y: float) -> int:
        """The page a point is on (a point at the very top of a page, give or take rounding,
        is on that page)."""
        return int((y + 0.5) // self.height)

    def down_the_page(self, y: float) -> float:
        """How far below the top of its page a point is."""
        return max(0.0, y - self.page_of(y) * self.height)

    def tables(self) -> list[QtGui.QTextTable]:
        """The document's tables, top down (the summary's tables are not nested)."""
        # Not QTextCursor.currentTable(): outside a table it returns None with one reference
        # too few on PySide6 6.12.0 with Python 3.11 (excluded in pyproject.toml; see
        # tests/ui/test_qt_binding.py), and enough of those crash the interpreter.
        frames = self.doc.rootFrame().childFrames()
        tables = [f for f in frames if isinstance(f, QtGui.QTextTable)]
        return sorted(tables, key=lambda t: t.firstPosition())

    def table_at(self, position: int) -> QtGui.QTextTable | None:
        return next(
            (t for t in self.tables() if t.firstPosition() <= position <= t.lastPosition()),
            None,
        )

    # --- finding what a page break cuts off --------------------------------------------

    def break_before_first_problem(self) -> bool:
        """Fix the first heading or table row (from the top) that a page break cuts off from
        what follows it; False when there is none."""
        block = self.doc.begin()
        while block.isValid():
            table = self.table_at(block.position())
            if table is not None:
                if self._keep_rows_together(table):
                    return True
                block = self.doc.findBlock(table.lastPosition() + 1)
                continue
            fmt = block.blockFormat()
            rect = self.layout.blockBoundingRect(block)
            lines = block.layout()
            if block.text() and block.position() not in self.settled and lines.lineCount():
                room = self.height - self.down_the_page(rect.top())
                heading = fmt.headingLevel() == 2 and not fmt.pageBreakPolicy() & _BREAK_BEFORE
                first_line_end = rect.top() + lines.lineAt(0).rect().bottom()
                cut = self.page_of(rect.top()) != self.page_of(first_line_end - 1)
                # A heading with too little of its section, or a first line cut in two by
                # the end of a page (Qt moves such a line on, but not always: see
                # _separate_tables).
                if (heading and room < rect.height() * 4) or cut:
                    self._block_on_next_page(block)
                    return True
            block = block.next()
        return False

    def _keep_rows_together(self, table: QtGui.QTextTable) -> bool:
        """Move the first row of ``table`` that a page break splits to the next page; False
        when no row needs it."""
        header = min(table.format().headerRowCount(), table.rows() - 1)
        header_height = 0.0
        if header > 0:
            header_height = self._row_extent(table, header - 1)[1] - self._row_extent(table, 0)[0]
        above = 0.0  # where the row above ends
        for row in range(header, table.rows()):
            top, bottom = self._row_extent(table, row)
            # Qt moves a row whose first line does not fit to the next page, and stretches
            # the row above down to the end of the page: the table should end there instead.
            moved = row > header and self.page_of(top) != self.page_of(above - 1)
            above = bottom
            split = self.page_of(top) != self.page_of(bottom - 1)
            if not moved and (not split or bottom - top > self.height * 0.9 - header_height):
                continue  # on one page, or taller than a page (then it has to be split)
            if row > header:
                self._continue_on_next_page(table, row)
                return True
            # The first row: the whole table goes, with the heading or lines that lead in.
            if table.format().pageBreakPolicy() & _BREAK_BEFORE:
                continue  # it already starts a page
            if table.firstPosition() in self.settled:
                continue
            lead = self._lead_in(table)
            if lead is None or not self._block_on_next_page(lead):
                self.settled.add(table.firstPosition())
                if lead is None:
                    self._table_on_next_page(table)
            return True
        return False

    def _row_extent(self, table: QtGui.QTextTable, row: int) -> tuple[float, float]:
        """Top and bottom of a row's text."""
        top, bottom = float("inf"), float("-inf")
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            first = self.layout.blockBoundingRect(self.doc.findBlock(cell.firstPosition()))
            last = self.layout.blockBoundingRect(self.doc.findBlock(cell.lastPosition()))
            top = min(top, first.top())
            bottom = max(bottom, last.bottom())
        return top, bottom

    def _lead_in(self, table: QtGui.QTextTable) -> QtGui.QTextBlock | None:
        """The first of the heading and short lines right above a table, on its page, that
        should move with it (None: the table goes alone, e.g. when they start the page)."""
        table_page = self.page_of(self.layout.frameBoundingRect(table).top())
        lead: QtGui.QTextBlock | None = None
        block = self.doc.findBlock(table.firstPosition() - 1)
        for _n in range(3):
            if not block.text() or self.table_at(block.position()) is not None:
                break  # (an empty block: what Qt keeps, or we put, below a table)
            heading = block.blockFormat().headingLevel() > 0
            top = self.layout.blockBoundingRect(block).top()
            wordy = not heading and block.layout().lineCount() > 2
            if self.page_of(top) != table_page or wordy:
                break
            lead = block
            if heading:
                break
            block = block.previous()
        if lead is None or self.down_the_page(self.layout.blockBoundingRect(lead).top()) < 1:
            return None
        return lead

    # --- moving to the next page --------------------------------------------------------

    def _block_on_next_page(self, block: QtGui.QTextBlock) -> bool:
        """Start a new page with ``block``; False (and left as it is) if it starts one, or
        cannot be moved to the next page."""
        top = self.layout.blockBoundingRect(block).top()
        if self._starts_a_page(top, block.previous()):
            self.settled.add(block.position())
            return False
        self._set_block_break(block, _BREAK_BEFORE)
        _lay_out_again(self.doc)
        if self.page_of(self.layout.blockBoundingRect(block).top()) == self.page_of(top) + 1:
            return True
        self._set_block_break(block, _NO_BREAK)  # it skipped a page (see _separate_tables)
        self.settled.add(block.position())
        return False

    def _table_on_next_page(self, table: QtGui.QTextTable) -> None:
        """Start a new page with ``table``, unless it starts one."""
        before = self.doc.findBlock(table.firstPosition() - 1)
        if not self._starts_a_page(self._row_extent(table, 0)[0], before):
            self._set_table_break(table, _BREAK_BEFORE)

    def _starts_a_page(self, top: float, before: QtGui.QTextBlock) -> bool:
        """Whether what begins at ``top`` is on a later page than the text above it, the
        text that ``before`` (or the table it is in) ends with: then it starts that page,
        and a page break before it would leave a page blank. (A table's border or a
        paragraph's margin may reach past the end of a page: Qt then starts the next one.)"""
        return self.page_of(top) > self.page_of(self._text_end(before) - 1)

    def _text_end(self, block: QtGui.QTextBlock) -> float:
        """Where the last line of text ends, of ``block`` or the table it is in (an empty
        block, such as Qt keeps between two tables, stands for what is above it)."""
        for _n in range(5):
            if not block.isValid():
                return 0.0
            table = self.table_at(block.position())
            if table is not None:
                return self._row_extent(table, table.rows() - 1)[1]
            if block.text():
                break
            block = block.previous()
        return self.layout.blockBoundingRect(block).bottom() if block.isValid() else 0.0

    @staticmethod
    def _set_block_break(block: QtGui.QTextBlock, policy: QtGui.QTextFormat.PageBreakFlag) -> None:
        fmt = QtGui.QTextBlockFormat()
        fmt.setPageBreakPolicy(policy)
        QtGui.QTextCursor(block).mergeBlockFormat(fmt)

    @staticmethod
    def _set_table_break(table: QtGui.QTextTable, policy: QtGui.QTextFormat.PageBreakFlag) -> None:
        fmt = table.format()
        fmt.setPageBreakPolicy(policy)
        table.setFormat(fmt)

    def _freeze_columns(self, table: QtGui.QTextTable) -> None:
        """Fix each column's width at what it has now (as a share of the table's width)."""
        lefts = [
            self.layout.blockBoundingRect(
                self.doc.findBlock(table.cellAt(0, c).firstPosition())
            ).left()
            for c in range(table.columns())
        ]
        edges = [*lefts, self.layout.frameBoundingRect(table).right()]
        widths = [max(1.0, right - left) for left, right in pairwise(edges)]
        total = sum(widths)
        fmt = table.format()
        fmt.setColumnWidthConstraints(
            [
                QtGui.QTextLength(QtGui.QTextLength.Type.PercentageLength, w * 100 / total)
                for w in widths
            ]
        )
        table.setFormat(fmt)

    def _continue_on_next_page(self, table: QtGui.QTextTable, row: int) -> None:
        """End ``table`` before ``row``; the rest follows on the next page as a copy of the
        table with its header rows."""
        header = min(table.format().headerRowCount(), row)
        self._freeze_columns(table)  # both parts keep the columns the whole table had
        select = QtGui.QTextCursor(self.doc)
        select.setPosition(table.firstPosition() - 1)
        select.setPosition(table.lastPosition() + 1, QtGui.QTextCursor.MoveMode.KeepAnchor)
        copy = select.selection()
        insert = QtGui.QTextCursor(self.doc)
        insert.setPosition(table.lastPosition() + 1)
        insert.insertFragment(copy)
        follow = next((t for t in self.tables() if t.firstPosition() > table.lastPosition()), None)
        if follow is None or follow.rows() != table.rows() or follow.columns() != table.columns():
            raise BugError("a table of the summary could not be continued on the next page")
        table.removeRows(row, table.rows() - row)
        follow.removeRows(header, row - header)
        self._table_on_next_page(follow)
