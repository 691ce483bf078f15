"""The printable discharge summary: a QTextDocument, printed or exported with Qt's own printing.

The document is plain HTML with a black-and-white stylesheet: bordered tables,
words for every decision and state (never colour alone), so it reads the same
on a laser printer, a fax and a PDF viewer. Each page carries a header with the
patient's name and MRN and a footer with who printed it, when, and the page
number. Printing and export ask for re-authentication first and are audited.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.discharge import Appointment, FollowUp
from app.domain import (
    Actor,
    AnswerState,
    AuditAction,
    ContactKind,
    HomeCareContact,
    HomeMedication,
    Patient,
    ReconciliationDecision,
    utc_now,
)
from app.services import CareService, DischargeSummary
from ui.contact_dialog import channel_text, role_text
from ui.discharge_text import (
    OVERDUE_GLYPH,
    date_text,
    decision_label,
    destination_text,
    readiness_text,
)
from ui.qt import Qt, QtCore, QtGui, QtPrintSupport, QtWidgets, Signal
from ui.style import local_datetime, source_text
from ui.tasks import DbOp, TaskManager

log = logging.getLogger(__name__)

PAGE_MARGINS_MM = QtCore.QMarginsF(18, 14, 18, 14)

# Territories that print on US Letter; everyone else uses A4.
_LETTER_TERRITORIES = {
    QtCore.QLocale.Country.UnitedStates,
    QtCore.QLocale.Country.Canada,
    QtCore.QLocale.Country.Mexico,
    QtCore.QLocale.Country.Philippines,
    QtCore.QLocale.Country.Chile,
    QtCore.QLocale.Country.Colombia,
    QtCore.QLocale.Country.Venezuela,
    QtCore.QLocale.Country.PuertoRico,
}

_STYLE = """
body { font-size: 10pt; color: #000000; }
h1 { font-size: 15pt; font-weight: 700; margin-top: 0px; margin-bottom: 2px; }
h2 { font-size: 12pt; font-weight: 700; margin-top: 14px; margin-bottom: 4px; }
p { margin-top: 2px; margin-bottom: 2px; }
table { border-collapse: collapse; }
th { background-color: #e6e6e6; font-weight: 700; text-align: left; }
td.label { font-weight: 700; }
.notice { font-weight: 700; }
.muted { color: #333333; }
"""


def default_page_size(locale: QtCore.QLocale | None = None) -> QtGui.QPageSize.PageSizeId:
    """Letter where the locale prints on Letter, A4 everywhere else."""
    locale = locale or QtCore.QLocale()
    if locale.territory() in _LETTER_TERRITORIES:
        return QtGui.QPageSize.PageSizeId.Letter
    return QtGui.QPageSize.PageSizeId.A4


def page_layout(size: QtGui.QPageSize.PageSizeId) -> QtGui.QPageLayout:
    return QtGui.QPageLayout(
        QtGui.QPageSize(size),
        QtGui.QPageLayout.Orientation.Portrait,
        PAGE_MARGINS_MM,
        QtGui.QPageLayout.Unit.Millimeter,
    )


def _e(text: object) -> str:
    return html.escape(str(text))


def _appointment_order(appointment: Appointment) -> tuple[bool, str]:
    """Soonest first; appointments without a date yet at the end."""
    when = appointment.when
    return (when is None, when.isoformat() if when is not None else "")


@dataclass(frozen=True)
class PrintedBy:
    """Who prints and when: the footer of every page."""

    actor: Actor
    at: datetime
    demo: bool = False


class SummaryWriter(QtCore.QObject):
    """Turns a ``DischargeSummary`` into HTML (a QObject only so ``tr()`` has a context)."""

    def __init__(self, language: str = "en", parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language

    # --- texts used on every page -------------------------------------------------------

    def page_header(self, patient: Patient, demo: bool) -> tuple[str, str]:
        left = self.tr("Discharge summary")
        if demo:
            left = self.tr("DEMO — synthetic patient") + " · " + left
        right = f"{patient.display_name} · " + self.tr("MRN %1").replace("%1", patient.mrn)
        return left, right

    def page_footer(self, printed: PrintedBy) -> str:
        return (
            self.tr("Printed %1 by %2 · AskOnce · confidential patient information")
            .replace("%1", local_datetime(printed.at))
            .replace("%2", printed.actor.display_name)
        )

    def page_number(self, page: int, pages: int) -> str:
        return self.tr("Page %1 of %2").replace("%1", str(page)).replace("%2", str(pages))

    # --- the document -----------------------------------------------------------------

    def html(self, summary: DischargeSummary, printed: PrintedBy) -> str:
        parts = [
            f"<html><head><style>{_STYLE}</style></head><body>",
            self._title(summary, printed),
            self._banner(summary.patient, printed.at),
            self._status(summary),
            self._plan(summary),
            self._medications(summary.medications, summary.unreconciled),
            self._home_care(summary),
            self._follow_up(summary.follow_up, summary.appointments),
            self._preferences(summary.preferences),
            "</body></html>",
        ]
        return "".join(parts)

    def _title(self, summary: DischargeSummary, printed: PrintedBy) -> str:
        title = f"<h1>{_e(self.tr('Discharge summary'))}</h1>"
        ward = summary.patient.ward
        sub = f"<p class='muted'>{_e(ward)}</p>" if ward else ""
        if printed.demo:
            sub += (
                "<p class='notice'>"
                + _e(self.tr("DEMO — synthetic patient, not a real person"))
                + "</p>"
            )
        return title + sub

    def _banner(self, p: Patient, at: datetime) -> str:
        born = date_text(p.birth_date, "d MMM yyyy")
        age = p.age_on(at.astimezone().date())
        name = p.display_name + (f" (“{p.preferred_name}”)" if p.preferred_name else "")
        allergies = (
            "; ".join(
                f"{a.substance} ({self._allergy_kind(a.kind.value)}"
                + (f", {a.reaction}" if a.reaction else "")
                + ")"
                for a in p.allergies
            )
            if p.allergies
            else self.tr("none recorded")
        )
        rows = [
            (self.tr("Patient"), f"<b>{_e(name)}</b>"),
            (
                self.tr("Born"),
                _e(self.tr("%1 (%2 years)").replace("%1", born).replace("%2", str(age))),
            ),
            (self.tr("MRN"), f"<b>{_e(p.mrn)}</b>"),
            (
                self.tr("Ward / bed"),
                _e(" / ".join(x for x in (p.ward, p.bed) if x) or self.tr("not recorded")),
            ),
            (self.tr("Admitted"), _e(date_text(p.admitted_at.astimezone().date(), "d MMM yyyy"))),
            (self.tr("Allergies and intolerances"), f"<b>{_e(allergies)}</b>"),
        ]
        return self._label_table(rows)

    def _allergy_kind(self, kind: str) -> str:
        return self.tr("allergy") if kind == "allergy" else self.tr("intolerance")

    def _status(self, summary: DischargeSummary) -> str:
        """A draft warning in words at the top when anything is still open."""
        open_items = summary.readiness.total - summary.readiness.done
        unreconciled = summary.unreconciled
        if summary.plan is None:
            return (
                "<p class='notice'>"
                + _e(self.tr("DRAFT — no discharge plan has been started."))
                + "</p>"
            )
        if not summary.readiness.ready or unreconciled:
            reasons = []
            if open_items > 0:
                reasons.append(self.tr("%n checklist item(s) open", "", open_items))
            if unreconciled:
                reasons.append(self.tr("%n medication(s) not yet reconciled", "", unreconciled))
            text = self.tr("DRAFT — not ready for discharge: %1").replace("%1", ", ".join(reasons))
            return f"<p class='notice'>{_e(text)}</p>"
        return (
            "<p class='notice'>"
            + _e(self.tr("Checklist complete and all medications reconciled."))
            + "</p>"
        )

    def _plan(self, summary: DischargeSummary) -> str:
        out = [f"<h2>{_e(self.tr('Discharge'))}</h2>"]
        plan = summary.plan
        if plan is None:
            out.append(f"<p>{_e(self.tr('No discharge plan yet.'))}</p>")
            return "".join(out)
        expected = date_text(plan.expected_date) if plan.expected_date else self.tr("not decided")
        rows = [
            (self.tr("Expected discharge"), f"<b>{_e(expected)}</b>"),
            (self.tr("Destination"), f"<b>{_e(destination_text(plan.destination))}</b>"),
            (self.tr("Checklist"), _e(readiness_text(summary.readiness))),
        ]
        if summary.readiness.overdue:
            rows.append(
                (
                    self.tr("Overdue"),
                    _e("; ".join(f"{OVERDUE_GLYPH} {i}" for i in summary.readiness.overdue)),
                )
            )
        still_open = [i for i in summary.readiness.open if i not in summary.readiness.overdue]
        if still_open:
            rows.append((self.tr("Still open"), _e("; ".join(still_open))))
        if plan.note:
            rows.append((self.tr("Note"), _e(plan.note)))
        out.append(self._label_table(rows))
        return "".join(out)

    def _medications(self, meds: Sequence[HomeMedication], unreconciled: int) -> str:
        out = [
            f"<h2>{_e(self.tr('Medications at discharge (reconciled home medication list)'))}</h2>"
        ]
        if not meds:
            out.append(f"<p>{_e(self.tr('No home medications recorded.'))}</p>")
            return "".join(out)
        if unreconciled:
            line = self.tr(
                "%n medication(s) NOT YET RECONCILED — decide before discharge.", "", unreconciled
            )
            out.append(f"<p class='notice'>{OVERDUE_GLYPH} {_e(line)}</p>")
        order = {
            ReconciliationDecision.CONTINUE: 0,
            ReconciliationDecision.CHANGE: 1,
            ReconciliationDecision.NEW: 2,
            ReconciliationDecision.STOP: 3,
        }
        ranked = sorted(
            meds,
            key=lambda m: (
                order[m.reconciliation.decision] if m.reconciliation else -1,
                m.name.casefold(),
            ),
        )
        rows = []
        for m in ranked:
            rec = m.reconciliation
            what = " ".join(x for x in (m.dose, m.route, m.frequency) if x)
            # The glyph stays with its word (no line break between them).
            glyph, _space, word = decision_label(rec.decision if rec else None).partition(" ")
            decision = f"{_e(glyph)}&nbsp;{_e(word.upper())}"
            who = f"{rec.decided_by.display_name}, {local_datetime(rec.decided_at)}" if rec else ""
            note = rec.note if rec and rec.note else ""
            name = f"<b>{_e(m.name)}</b>"
            if rec is not None and rec.decision is ReconciliationDecision.STOP:
                name += "<br/>" + _e(self.tr("(do not take after discharge)"))
            rows.append([name, _e(what), f"<b>{decision}</b>", _e(note), _e(who)])
        out.append(
            self._table(
                [
                    self.tr("Medication"),
                    self.tr("Dose, route, frequency"),
                    self.tr("Decision"),
                    self.tr("Change / reason"),
                    self.tr("Decided by, when"),
                ],
                rows,
                widths=(20, 22, 18, 22, 18),
            )
        )
        return "".join(out)

    def _home_care(self, summary: DischargeSummary) -> str:
        out = [f"<h2>{_e(self.tr('Home care'))}</h2>"]
        plan = summary.plan
        helper_id = plan.home_helper_id if plan is not None else None
        people = [c for c in summary.contacts if c.kind is not ContactKind.AGENCY]
        helper = summary.home_helper
        if helper is not None:
            line = self.tr("Helper at home after discharge: %1").replace(
                "%1", self._contact_line(helper)
            )
            out.append(f"<p><b>{_e(line)}</b></p>")
        else:
            out.append(f"<p class='notice'>{_e(self.tr('No helper at home has been named.'))}</p>")
        if people:
            out.append(self._contacts_table(people, helper_id))
        else:
            out.append(f"<p>{_e(self.tr('No home-care contacts recorded.'))}</p>")
        agencies = list(summary.agencies)
        out.append(f"<p><b>{_e(self.tr('Home-care agency'))}</b></p>")
        if agencies:
            out.append(self._contacts_table(agencies, None))
        else:
            out.append(f"<p>{_e(self.tr('No home-care agency involved.'))}</p>")
        return "".join(out)

    def _contact_line(self, c: HomeCareContact) -> str:
        phones = ", ".join(t.value for t in c.ranked_telecom())
        return ", ".join(x for x in (c.name, c.relationship, phones) if x)

    def _contacts_table(self, contacts: Iterable[HomeCareContact], helper_id: str | None) -> str:
        rows = []
        for c in contacts:
            name = f"<b>{_e(c.name)}</b>"
            if c.id == helper_id:
                name += "<br/>" + _e(self.tr("(helper at home)"))
            roles = ", ".join([c.relationship] if c.relationship else [])
            if c.roles:
                roles = ", ".join(x for x in (roles, ", ".join(role_text(r) for r in c.roles)) if x)
            telecom = "<br/>".join(
                _e(f"{i}. {t.value}" + (f" ({t.label})" if t.label else ""))
                for i, t in enumerate(c.ranked_telecom(), 1)
            )
            reach = ", ".join(
                x
                for x in (
                    channel_text(c.preferred_channel) if c.preferred_channel else "",
                    c.preferred_times,
                )
                if x
            )
            if c.verified_by is not None:
                verified = self.tr("✓ verified by %1").replace("%1", c.verified_by.display_name)
                if c.verified_at is not None:
                    verified += ", " + local_datetime(c.verified_at)
            else:
                verified = self.tr("NOT VERIFIED")
            consent = self.tr("yes") if c.consent_to_share else self.tr("no")
            rows.append([name, _e(roles), telecom, _e(reach), _e(consent), _e(verified)])
        return self._table(
            [
                self.tr("Name"),
                self.tr("Relationship / role"),
                self.tr("Phone / e-mail (in order)"),
                self.tr("Best reached"),
                self.tr("Consent to share"),
                self.tr("Verified for discharge"),
            ],
            rows,
        )

    def _follow_up(self, follow: FollowUp, appointments: Sequence[Appointment]) -> str:
        out = [f"<h2>{_e(self.tr('Follow-up'))}</h2>"]
        if follow.state is AnswerState.VALID and follow.channel:
            answer = follow.channel_answer or follow.times_answer
            said = (
                self.tr("%1, %2 (source: %3)")
                .replace("%1", follow.answered_by or "")
                .replace("%2", local_datetime(follow.answered_at) if follow.answered_at else "")
                .replace("%3", source_text(answer.provenance.source) if answer else "")
            )
            rows = [
                (self.tr("Preferred channel"), f"<b>{_e(follow.channel)}</b>"),
                (self.tr("Best times"), _e(follow.times or self.tr("no preference given"))),
                (self.tr("Recorded by"), _e(said)),
            ]
        else:
            missing = (
                self.tr("due for re-confirmation")
                if follow.state is AnswerState.DUE
                else self.tr("not yet asked")
            )
            rows = [
                (
                    self.tr("Preferred channel"),
                    "<b>" + _e(self.tr("UNKNOWN — %1").replace("%1", missing)) + "</b>",
                )
            ]
            if follow.channel:
                rows.append((self.tr("Last answer"), _e(f"{follow.channel}; {follow.times}")))
        out.append(self._label_table(rows))
        out.append(f"<p><b>{_e(self.tr('Appointments'))}</b></p>")
        if appointments:
            out.append(
                self._table(
                    [self.tr("When"), self.tr("With"), self.tr("Where"), self.tr("Note")],
                    [
                        [
                            f"<b>{_e(self._when(a.when))}</b>",
                            _e(a.with_whom),
                            _e(a.where),
                            _e(a.note),
                        ]
                        for a in sorted(appointments, key=_appointment_order)
                    ],
                )
            )
        else:
            out.append(f"<p>{_e(self.tr('No follow-up appointments booked.'))}</p>")
        return "".join(out)

    def _when(self, when: datetime | None) -> str:
        return local_datetime(when) if when is not None else self.tr("date to be agreed")

    def _preferences(self, preferences: Sequence[tuple[str, str]]) -> str:
        out = [f"<h2>{_e(self.tr('What the patient told us (key preferences)'))}</h2>"]
        if preferences:
            out.append(self._label_table([(label, _e(value)) for label, value in preferences]))
        else:
            out.append(f"<p>{_e(self.tr('No preferences recorded yet.'))}</p>")
        return "".join(out)

    # --- building blocks --------------------------------------------------------------

    @staticmethod
    def _label_table(rows: Sequence[tuple[str, str]]) -> str:
        """Two columns, label and (already escaped) value, bordered."""
        body = "".join(
            f"<tr><td class='label' width='28%'>{_e(label)}</td><td>{value}</td></tr>"
            for label, value in rows
        )
        return (
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'"
            f" style='border-color:#000000'>{body}</table>"
        )

    @staticmethod
    def _table(
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[int] | None = None,
    ) -> str:
        """A bordered table; the header row repeats on every page. Cells are already escaped.

        ``widths`` are percentages of the page width, one per column.
        """
        head = "".join(
            f"<th width='{widths[n]}%'>{_e(h)}</th>" if widths else f"<th>{_e(h)}</th>"
            for n, h in enumerate(headers)
        )
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        return (
            "<table border='1' cellspacing='0' cellpadding='4' width='100%'"
            f" style='border-color:#000000'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )


@dataclass(frozen=True)
class PrintableSummary:
    """The summary document and the texts printed in every page's header and footer."""

    document: QtGui.QTextDocument
    header_left: str
    header_right: str
    footer: str
    page_number: str
    """With %1 (this page) and %2 (pages)."""

    def plain_text(self) -> str:
        return "\n".join(
            (self.header_left, self.header_right, self.document.toPlainText(), self.footer)
        )


def summary_document(
    summary: DischargeSummary, printed: PrintedBy, language: str = "en"
) -> PrintableSummary:
    """The summary as a QTextDocument (what is printed, and what the tests read)."""
    writer = SummaryWriter(language)
    doc = QtGui.QTextDocument()
    font = QtGui.QFont(QtWidgets.QApplication.font())
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(writer.html(summary, printed))
    doc.setMetaInformation(
        QtGui.QTextDocument.MetaInformation.DocumentTitle, writer.tr("Discharge summary")
    )
    left, right = writer.page_header(summary.patient, printed.demo)
    return PrintableSummary(
        document=doc,
        header_left=left,
        header_right=right,
        footer=writer.page_footer(printed),
        page_number=writer.tr("Page %1 of %2"),
    )


def render(printable: PrintableSummary, printer: QtPrintSupport.QPrinter) -> int:
    """Lay the summary out on the printer's pages with header and footer; returns pages."""
    doc = printable.document
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        clone = doc.clone()
        layout = clone.documentLayout()
        layout.setPaintDevice(printer)  # lay out in printer units: sharp text, true sizes
        paint_rect = printer.pageLayout().paintRectPixels(printer.resolution())
        width, height = float(paint_rect.width()), float(paint_rect.height())

        band_font = QtGui.QFont(doc.defaultFont())
        band_font.setPointSizeF(8)
        metrics = QtGui.QFontMetricsF(band_font, printer)
        line = metrics.height()
        gap = line * 0.8
        body = QtCore.QRectF(0, line + gap, width, height - 2 * (line + gap))
        clone.setPageSize(body.size())
        _keep_headings_with_text(clone, body.height())
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
    return pages


def _keep_headings_with_text(doc: QtGui.QTextDocument, page_height: float) -> None:
    """Move a section heading that would end a page to the next one, with its section."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            rect = layout.blockBoundingRect(block)
            room = page_height - rect.top() % page_height
            if room < rect.height() * 4:  # the heading and too little of its section
                fmt = QtGui.QTextBlockFormat()
                fmt.setPageBreakPolicy(QtGui.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QtGui.QTextCursor(block).mergeBlockFormat(fmt)
        block = block.next()


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


def print_summary(
    parent: QtWidgets.QWidget | None,
    doc: PrintableSummary,
    exec_dialog: Callable[[QtPrintSupport.QPrintDialog], int] | None = None,
) -> int:
    """Ask for a printer with Qt's print dialog and print; returns pages (0: cancelled)."""
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(default_page_size()))
    printer.setCreator("AskOnce")
    printer.setDocName(QtCore.QCoreApplication.translate("SummaryWriter", "Discharge summary"))
    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    dialog.setWindowTitle(
        QtCore.QCoreApplication.translate("SummaryWriter", "Print discharge summary")
    )
    run = exec_dialog or (lambda d: d.exec())
    try:
        if run(dialog) != QtWidgets.QDialog.DialogCode.Accepted:
            return 0
    finally:
        dialog.deleteLater()
    return render(doc, printer)


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
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent_widget)
        self.tasks = tasks
        self.service = service
        self.language = language
        self.demo = demo
        self._widget = parent_widget
        self._clock = clock
        self.exec_print_dialog: Callable[[QtPrintSupport.QPrintDialog], int] | None = None

    # --- entry points -----------------------------------------------------------------

    def print_summary(self, patient_id: str) -> None:
        if not self._reauth(self.tr("Print the discharge summary")):
            return
        self._with_summary(patient_id, self._print)

    def export_pdf(self, patient_id: str, path: Path | None = None) -> None:
        if not self._reauth(self.tr("Export the discharge summary as PDF")):
            return
        target = path or self.ask_pdf_path()
        if target is None:
            return
        self._with_summary(patient_id, lambda s: self._export(s, target))

    def ask_pdf_path(self) -> Path | None:
        """The save dialog. The suggested name carries no patient identifier (see module doc)."""
        folder = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.DocumentsLocation
        )
        # File names end up in recent-file lists, backups and logs that are not protected like
        # the PDF itself, so the name holds no name or MRN: the date tells summaries apart.
        name = f"discharge-summary-{self._clock().astimezone().date().isoformat()}.pdf"
        chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(
            self._widget,
            self.tr("Export discharge summary as PDF"),
            str(Path(folder) / name),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    # --- steps ------------------------------------------------------------------------

    def _reauth(self, reason: str) -> bool:
        try:
            from ui.reauth import require_reauth  # lazily: the sign-in part owns it
        except ImportError as exc:  # a packaging bug: fail closed and report it
            self.tasks.sig_error.emit(exc)
            return False
        return bool(require_reauth(self._widget, reason))

    def _with_summary(self, patient_id: str, then: Callable[[DischargeSummary], None]) -> None:
        service = self.service
        DbOp(self.tasks, lambda: service.discharge_summary(patient_id)).success(then).failure(
            lambda exc: self.sig_output_failed.emit(str(exc))
        ).run()

    def document(self, summary: DischargeSummary) -> PrintableSummary:
        printed = PrintedBy(actor=self.service.actor, at=self._clock(), demo=self.demo)
        return summary_document(summary, printed, self.language)

    def _print(self, summary: DischargeSummary) -> None:
        doc = self.document(summary)
        try:
            pages = print_summary(self._widget, doc, self.exec_print_dialog)
        except OSError:
            log.warning("printing the discharge summary failed")
            self.sig_output_failed.emit(self.tr("The printer could not be opened."))
            return
        if pages:
            self._audit(summary.patient.id, AuditAction.PRINT, pages, "print")

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
        DbOp(self.tasks, lambda: service.record_summary_output(patient_id, action, detail)).success(
            lambda _r: self.sig_output_done.emit(kind, pages)
        ).run()
