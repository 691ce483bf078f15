"""The handover sheet as documents: a title and one block per patient, ready to lay out.

Each patient is a small QTextDocument of its own (a bordered table: who, what matters
most, allergies, communication, questions, helper at home, discharge), so the page
layout (``ui.handover.pages``) can keep a block whole on one page. Black and white,
words for every state (never colour alone), so it reads the same on a laser printer,
a fax and a PDF viewer. What ends up on paper is only what the ``HandoverSheet`` holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import local_day
from app.domain import Actor, Allergy, AllergyKind
from app.services import HandoverPatient, HandoverSheet
from ui.base.printing import escape as _e
from ui.base.printing import unbroken as _unbroken
from ui.base.style import date_text, local_datetime
from ui.base.words import OVERDUE_GLYPH, destination_text
from ui.qt import QtCore, QtGui, QtWidgets

BODY_POINTS = 9.0
"""The sheet's text size: a ward of 16 fits on two or three pages and stays readable."""

_STYLE = """
body { color: #000000; }
table { border-collapse: collapse; }
td.label { font-weight: 700; }
td.who { background-color: #e6e6e6; }
.muted { color: #333333; }
.notice { font-weight: 700; }
h1 { font-size: 14pt; font-weight: 700; margin-top: 0px; margin-bottom: 2px; }
p { margin-top: 0px; margin-bottom: 2px; }
"""


@dataclass(frozen=True)
class PrintedBy:
    """Who prints (the footer of every page), and whether the data is the demo's."""

    actor: Actor
    demo: bool = False


@dataclass(frozen=True)
class PrintableHandover:
    """The sheet's documents and the texts printed at the top and foot of every page."""

    title: QtGui.QTextDocument
    """The title above the first patient."""
    blocks: tuple[QtGui.QTextDocument, ...]
    """One per patient, in bed order; each stays whole on one page when it fits one."""
    patient_ids: tuple[str, ...]
    header_left: str
    header_right: str
    footer: str
    page_number: str
    """With %1 (this page) and %2 (pages)."""
    document_name: str

    def plain_text(self) -> str:
        """Everything on the sheet, as text (what the tests read)."""
        parts = [self.header_left, self.header_right, self.title.toPlainText()]
        parts += [b.toPlainText() for b in self.blocks]
        parts.append(self.footer)
        return "\n".join(parts)


class HandoverWriter(QtCore.QObject):
    """Turns a ``HandoverSheet`` into HTML (a QObject only so ``tr()`` has a context)."""

    # --- the texts of every page ----------------------------------------------------------

    def title(self) -> str:
        return self.tr("Shift handover")

    def ward_text(self, sheet: HandoverSheet) -> str:
        return ", ".join(sheet.wards) or self.tr("no ward recorded")

    def page_header(self, sheet: HandoverSheet, demo: bool) -> tuple[str, str]:
        left = f"{self.title()} · {self.ward_text(sheet)}"
        if demo:
            left = self.tr("DEMO — synthetic patients") + " · " + left
        right = self.tr("As of %1").replace("%1", local_datetime(sheet.as_of))
        return left, right

    def page_footer(self, printed: PrintedBy) -> str:
        return self.tr("Confidential — patient data · printed by %1 · AskOnce").replace(
            "%1", printed.actor.display_name
        )

    def page_number(self) -> str:
        return self.tr("Page %1 of %2")

    # --- the title --------------------------------------------------------------------

    def title_html(self, sheet: HandoverSheet, printed: PrintedBy) -> str:
        count = len(sheet.patients)
        if sheet.whole_ward:
            scope = self.tr("whole ward, patients: %1").replace("%1", str(count))
        else:
            scope = self.tr("selected patients: %1").replace("%1", str(count))
        line = " · ".join((self.ward_text(sheet), local_datetime(sheet.as_of), scope))
        legend = self.tr(
            "Open questions: never asked, or due for re-confirmation."
            " ⚠ marks what is overdue or high risk."
        )
        parts = [
            f"<h1>{_e(self.title())}</h1>",
            f"<p>{_e(line)}</p>",
            f"<p class='muted'>{_e(legend)}</p>",
        ]
        if printed.demo:
            notice = self.tr("DEMO — synthetic patients, not real people")
            parts.append(f"<p class='notice'>{_e(notice)}</p>")
        if not sheet.patients:
            nobody = self.tr("No patients to hand over.")
            parts.append(f"<p>{_e(nobody)}</p>")
        return _page(parts)

    # --- one patient ------------------------------------------------------------------

    def block_html(self, p: HandoverPatient, as_of: datetime) -> str:
        """Who; what matters most; allergies beside the helper at home; communication;
        discharge; questions. Each field starts with its label in bold."""
        today = local_day(as_of)

        def field(label: str, value: str) -> str:
            return f"<b>{_e(label)}:</b> {value}"

        def across(label: str, value: str) -> str:
            return f"<tr><td colspan='2'>{field(label, value)}</td></tr>"

        rows = [
            f"<tr><td class='who' colspan='2'>{self._who(p)}</td></tr>",
            across(self.tr("What matters most"), self._what_matters(p)),
            "<tr><td width='50%'>"
            + field(self.tr("Allergies"), self._allergies(p.patient.allergies))
            + "</td><td width='50%'>"
            + field(self.tr("Helper at home"), self._helper(p))
            + "</td></tr>",
            across(self.tr("Communication"), self._needs(p)),
            across(self.tr("Discharge"), self._discharge(p, today)),
            across(self.tr("Questions"), self._questions(p)),
        ]
        table = (
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'"
            f" style='border-color:#000000'>{''.join(rows)}</table>"
        )
        return _page([table])

    def _who(self, p: HandoverPatient) -> str:
        patient = p.patient
        bed = self.tr("Bed %1").replace("%1", patient.bed or "—")
        name = _e(patient.display_name)
        if patient.preferred_name:
            name += f" (“{_e(patient.preferred_name)}”)"
        born = (
            self.tr("born %1, %2 years")
            .replace("%1", date_text(patient.birth_date))
            .replace("%2", str(p.age))
        )
        return (
            f"<span style='font-size:10.5pt'><b>{_unbroken(bed)}</b>&nbsp;&nbsp;&nbsp;"
            f"<b>{name}</b></span>&nbsp;&nbsp; {_e(born)}"
        )

    def _what_matters(self, p: HandoverPatient) -> str:
        if p.what_matters:
            return f"<b>{_e(p.what_matters)}</b>"
        return self._muted(self.tr("not known"))

    def _allergies(self, allergies: Sequence[Allergy]) -> str:
        if not allergies:
            return self._muted(self.tr("none recorded"))
        items = []
        for a in allergies:
            kind = self.tr("allergy") if a.kind is AllergyKind.ALLERGY else self.tr("intolerance")
            detail = ", ".join(x for x in (kind, a.reaction) if x)
            text = f"<b>{_e(a.substance)}</b> ({_e(detail)})"
            if a.criticality == "high":
                high = self.tr("high risk")
                text += f" <b>{_e(OVERDUE_GLYPH)}&nbsp;{_e(high)}</b>"
            items.append(text)
        return "; ".join(items)

    def _needs(self, p: HandoverPatient) -> str:
        if not p.needs:
            return self._muted(self.tr("nothing known"))
        return " · ".join(f"{_e(n.label)}: <b>{_e(n.text)}</b>" for n in p.needs)

    def _questions(self, p: HandoverPatient) -> str:
        if p.open_questions == 0:
            return _e(self.tr("all answered"))
        text = self.tr("%1 open").replace("%1", str(p.open_questions))
        if p.due:
            text += " · " + self.tr("due for re-confirmation: %1").replace("%1", "; ".join(p.due))
        return _e(text)

    def _helper(self, p: HandoverPatient) -> str:
        helper = p.helper
        if helper is None:
            return self._muted(self.tr("nobody recorded"))
        text = f"<b>{_e(helper.name)}</b>"
        if helper.relationship:
            text += f" ({_e(helper.relationship)})"
        if helper.phone:
            text += f" · {_unbroken(helper.phone)}"
        return text

    def _discharge(self, p: HandoverPatient, today: date) -> str:
        d = p.discharge
        if not d.planned:
            text = _e(self.tr("no discharge plan yet"))
            if d.expected_date is not None:
                expected = self.tr("expected %1 (hospital system)").replace(
                    "%1", date_text(d.expected_date, "ddd d MMM yyyy")
                )
                text += " · " + _e(expected)
                if d.expected_date < today:
                    text += self._passed()
            return text
        when = (
            self.tr("expected %1").replace("%1", date_text(d.expected_date, "ddd d MMM yyyy"))
            if d.expected_date is not None
            else self.tr("date not decided")
        )
        parts = [f"<b>{_e(when)}</b>", _e(destination_text(d.destination))]
        if d.readiness.total:
            parts.append(
                _e(
                    self.tr("checklist %1 of %2 done")
                    .replace("%1", str(d.readiness.done))
                    .replace("%2", str(d.readiness.total))
                )
            )
        else:
            parts.append(_e(self.tr("no checklist yet")))
        text = " · ".join(parts)
        if d.expected_date is not None and d.expected_date < today and not d.readiness.ready:
            text += self._passed()
        if d.unreconciled:
            meds = self.tr("medications not yet reconciled: %1").replace("%1", str(d.unreconciled))
            text += f" · {_e(meds)}"
        if d.readiness.overdue:
            overdue = self.tr("Overdue: %1").replace("%1", "; ".join(d.readiness.overdue))
            text += f"<br/><b>{_e(OVERDUE_GLYPH)} {_e(overdue)}</b>"
        return text

    def _passed(self) -> str:
        passed = self.tr("the expected date has passed")
        return f" · <b>{_e(OVERDUE_GLYPH)}&nbsp;{_e(passed)}</b>"

    @staticmethod
    def _muted(text: str) -> str:
        return f"<span class='muted'>{_e(text)}</span>"


def _page(parts: Sequence[str]) -> str:
    return f"<html><head><style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>"


def _document(markup: str) -> QtGui.QTextDocument:
    doc = QtGui.QTextDocument()
    font = QtGui.QFont(QtWidgets.QApplication.font())
    font.setPointSizeF(BODY_POINTS)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    # Lines break between words only (``ui.handover.pages`` lets a word break where it
    # would not fit the page otherwise).
    option = doc.defaultTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setHtml(markup)
    return doc


def handover_document(sheet: HandoverSheet, printed: PrintedBy) -> PrintableHandover:
    """The sheet as documents (what is printed, and what the tests read)."""
    writer = HandoverWriter()
    left, right = writer.page_header(sheet, printed.demo)
    return PrintableHandover(
        title=_document(writer.title_html(sheet, printed)),
        blocks=tuple(_document(writer.block_html(p, sheet.as_of)) for p in sheet.patients),
        patient_ids=tuple(p.patient.id for p in sheet.patients),
        header_left=left,
        header_right=right,
        footer=writer.page_footer(printed),
        page_number=writer.page_number(),
        document_name=writer.title(),
    )
