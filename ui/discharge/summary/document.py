"""The discharge summary as a document: HTML in a QTextDocument, ready to print.

Plain HTML with a black-and-white stylesheet: bordered tables, words for every
decision and state (never colour alone), so it reads the same on a laser
printer, a fax and a PDF viewer. What ends up on paper is only what the
``DischargeSummary`` of one patient holds. Printing itself: ``ui.discharge.summary.output``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import local_day
from app.discharge import (
    Appointment,
    Checklist,
    DischargeTask,
    FollowUp,
    FollowUpProblem,
    FollowUpRequest,
    FollowUpStatus,
    TaskStatus,
)
from app.domain import (
    Actor,
    AnswerState,
    Channel,
    ContactKind,
    HomeCareContact,
    HomeMedication,
    Patient,
    ReconciliationDecision,
)
from app.services import DischargeSummary
from ui.base.printing import escape as _e
from ui.base.printing import unbroken as _unbroken
from ui.base.style import local_datetime
from ui.base.words import (
    OVERDUE_GLYPH,
    STATUS_GLYPHS,
    channel_text,
    contact_role_text,
    decision_label,
    destination_text,
    overdue_word,
    owner_role_text,
    source_text,
    task_status_text,
)
from ui.discharge.text import date_text, readiness_text
from ui.qt import QtCore, QtGui, QtWidgets

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
.nowrap { white-space: nowrap; }
"""


def _tag(name: str, text: str, *, css: str = "", bold: bool = False) -> str:
    """One element around already translated text (``tr`` stays outside f-strings, so
    lupdate finds every string)."""
    inner = f"<b>{_e(text)}</b>" if bold else _e(text)
    attrs = f" class='{css}'" if css else ""
    return f"<{name}{attrs}>{inner}</{name}>"


def _one_line(cell: str) -> str:
    """Cell content (already escaped) on one line that is never broken, not even inside a
    word: its column gets as wide as the longest such line."""
    return f"<div class='nowrap'>{cell}</div>"


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

    def html(
        self,
        summary: DischargeSummary,
        printed: PrintedBy,
        *,
        checklist: Checklist | None = None,
    ) -> str:
        """The whole summary (``checklist`` names the standard items in its language)."""
        parts = [
            f"<html><head><style>{_STYLE}</style></head><body>",
            self._title(summary, printed),
            self._banner(summary.patient, printed.at),
            self._status(summary),
            self._plan(summary),
            self._checklist(summary, checklist, local_day(printed.at)),
            self._medications(summary.medications, summary.unreconciled),
            self._home_care(summary),
            self._follow_up(summary.follow_up, summary.appointments),
            self._preferences(summary.preferences),
            "</body></html>",
        ]
        return "".join(parts)

    def _title(self, summary: DischargeSummary, printed: PrintedBy) -> str:
        title = _tag("h1", self.tr("Discharge summary"))
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
        age = p.age_on(local_day(at))
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
            (
                self.tr("Admitted"),
                _e(
                    date_text(local_day(p.admitted_at), "d MMM yyyy")
                    if p.admitted_at
                    else self.tr("not recorded")
                ),
            ),
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
        out = [_tag("h2", self.tr("Discharge"))]
        plan = summary.plan
        if plan is None:
            out.append(_tag("p", self.tr("No discharge plan yet.")))
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

    def _checklist(
        self, summary: DischargeSummary, checklist: Checklist | None, today: date
    ) -> str:
        """Every checklist item of the plan, in checklist order: who, by when, how far."""
        if not summary.tasks:
            return ""  # the plan section already says there is no plan or no checklist yet
        rows = []
        for task in summary.tasks:
            title = f"<b>{_e(self._task_title(task, checklist))}</b>"
            if task.note:
                title += "<br/>" + _e(task.note)
            role = owner_role_text(task.owner_role)
            owner = f"{task.owner.display_name} ({role})" if task.owner else role
            waiting = task.status in (TaskStatus.TODO, TaskStatus.IN_PROGRESS)
            due = ""
            if task.due is not None:
                due = _unbroken(date_text(task.due, "d MMM yyyy"))
                if waiting and task.due < today:
                    due = f"<b>{_e(OVERDUE_GLYPH)}&nbsp;{due} — {_e(overdue_word())}</b>"
            done = ""
            if task.status is TaskStatus.DONE:
                done = f"{task.provenance.recorded_by.display_name}, " + local_datetime(
                    task.provenance.recorded_at
                )
            status = f"{_e(STATUS_GLYPHS[task.status])}&nbsp;{_e(task_status_text(task.status))}"
            status = _one_line(f"<b>{status}</b>" if waiting else status)
            rows.append([status, title, _e(owner), due, _e(done)])
        table = self._table(
            [
                self.tr("Status"),
                self.tr("Checklist item"),
                self.tr("Owner"),
                self.tr("Due"),
                self.tr("Done by, when"),
            ],
            rows,
            widths=(None, None, 20, 17, 20),
        )
        return _tag("p", self.tr("All checklist items"), bold=True) + table

    def _task_title(self, task: DischargeTask, checklist: Checklist | None) -> str:
        """A standard item in the summary's language; an item someone added, as they wrote it."""
        if checklist is not None and checklist.item(task.code) is not None:
            return checklist.title_for(task.code, self.language)
        return task.title

    def _medications(self, meds: Sequence[HomeMedication], unreconciled: int) -> str:
        out = [_tag("h2", self.tr("Medications at discharge (reconciled home medication list)"))]
        if not meds:
            out.append(_tag("p", self.tr("No home medications recorded.")))
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
            glyph, _space, words = decision_label(rec.decision if rec else None).partition(" ")
            decision = f"<b>{_e(glyph)}&nbsp;{_e(words.upper())}</b>"
            if rec is not None:  # a decision is a word or two: one line, its column that wide
                decision = _one_line(decision)
            who = f"{rec.decided_by.display_name}, {local_datetime(rec.decided_at)}" if rec else ""
            note = rec.note if rec and rec.note else ""
            name = f"<b>{_e(m.name)}</b>"
            if rec is not None and rec.decision is ReconciliationDecision.STOP:
                name += "<br/>" + _e(self.tr("(do not take after discharge)"))
            rows.append([name, _e(what), decision, _e(note), _e(who)])
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
                # All but the last as their content needs: a decision as wide as its label.
                widths=(None, None, None, None, 18),
            )
        )
        return "".join(out)

    def _home_care(self, summary: DischargeSummary) -> str:
        out = [_tag("h2", self.tr("Home care"))]
        plan = summary.plan
        helper_id = plan.home_helper_id if plan is not None else None
        people = [c for c in summary.contacts if c.kind is not ContactKind.AGENCY]
        helper = summary.home_helper
        if helper is not None:
            line = self.tr("Helper at home after discharge: %1").replace(
                "%1", self._contact_line(helper)
            )
            out.append(f"<p><b>{_e(line)}</b></p>")
            if not helper.consent_to_share:
                # Named as the helper, never as the one who receives information.
                out.append(
                    _tag(
                        "p",
                        self.tr(
                            "%1 has not consented to receive information: not a contact"
                            " for the follow-up."
                        ).replace("%1", helper.name),
                        css="notice",
                    )
                )
        else:
            out.append(_tag("p", self.tr("No helper at home has been named."), css="notice"))
        if people:
            out.append(self._contacts_table(people, helper_id))
        else:
            out.append(_tag("p", self.tr("No home-care contacts recorded.")))
        agencies = list(summary.agencies)
        out.append(_tag("p", self.tr("Home-care agency"), bold=True))
        if agencies:
            out.append(self._contacts_table(agencies, None))
        else:
            out.append(_tag("p", self.tr("No home-care agency involved.")))
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
                roles = ", ".join(
                    x for x in (roles, ", ".join(contact_role_text(r) for r in c.roles)) if x
                )
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
        out = [_tag("h2", self.tr("Follow-up"))]
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
                (self.tr("Follow-up contact"), self._follow_up_contact(follow)),
            ]
            request = follow.request
            if request is not None:
                rows.append((self.tr("Follow-up request"), self._request_text(follow, request)))
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
        out.append(_tag("p", self.tr("Appointments"), bold=True))
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
            out.append(_tag("p", self.tr("No follow-up appointments booked.")))
        return "".join(out)

    def _follow_up_contact(self, follow: FollowUp) -> str:
        """Whom the follow-up reaches (escaped): never a helper without consent."""
        route = follow.route
        if route is None or not route.ready or route.medium is None:
            reason = (
                self.tr("%1 has not consented to receive information").replace(
                    "%1", route.recipient_name
                )
                if route is not None and route.problem is FollowUpProblem.NO_CONSENT
                else self.tr("no number or address to use")
            )
            return "<b>" + _e(self.tr("UNKNOWN — %1").replace("%1", reason)) + "</b>"
        who = (
            self.tr("the patient")
            if route.recipient_contact_id is None
            else self.tr("%1 (helper at home)").replace("%1", route.recipient_name)
        )
        medium = channel_text(Channel(route.medium.value))
        return _e(
            self.tr("%1 — %2 %3")
            .replace("%1", who)
            .replace("%2", medium)
            .replace("%3", route.address)
        )

    def _request_text(self, follow: FollowUp, request: FollowUpRequest) -> str:
        """The request's status and what was actually sent: recipient, medium, address
        (escaped); flagged when the current route above is another."""
        status = {
            FollowUpStatus.DRAFT: self.tr("drafted"),
            FollowUpStatus.ACTIVE: self.tr("requested from the messaging system"),
            FollowUpStatus.ON_HOLD: self.tr("on hold until the plan is complete again"),
            FollowUpStatus.REVOKED: self.tr("cancelled"),
            FollowUpStatus.COMPLETED: self.tr("done"),
            FollowUpStatus.ENTERED_IN_ERROR: self.tr("entered in error"),
            FollowUpStatus.UNKNOWN: self.tr("status unknown"),
        }[request.status]
        who = (
            self.tr("the patient")
            if request.recipient_contact_id is None
            else self.tr("%1 (helper at home)").replace("%1", request.recipient_name)
        )
        sent = (
            self.tr("%1: to %2 — %3 %4")
            .replace("%1", status)
            .replace("%2", who)
            .replace("%3", channel_text(Channel(request.medium.value)))
            .replace("%4", request.address)
        )
        text = _e(sent)
        route = follow.route
        if request.status.live and (route is None or not request.same_route(route)):
            text += (
                "<br/><b>"
                + _e(self.tr("⚠ Differs from the current follow-up contact above."))
                + "</b>"
            )
        return text

    def _when(self, when: datetime | None) -> str:
        return local_datetime(when) if when is not None else self.tr("date to be agreed")

    def _preferences(self, preferences: Sequence[tuple[str, str]]) -> str:
        out = [_tag("h2", self.tr("What the patient told us (key preferences)"))]
        if preferences:
            out.append(self._label_table([(label, _e(value)) for label, value in preferences]))
        else:
            out.append(_tag("p", self.tr("No preferences recorded yet.")))
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
        widths: Sequence[int | None] | None = None,
    ) -> str:
        """A bordered table; the header row repeats on every page. Cells are already escaped.

        ``widths`` are percentages of the page width, one per column; None leaves a column
        what its content needs of the rest.
        """
        head = "".join(
            f"<th width='{widths[n]}%'>{_e(h)}</th>"
            if widths and widths[n] is not None
            else f"<th>{_e(h)}</th>"
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
    summary: DischargeSummary,
    printed: PrintedBy,
    language: str = "en",
    *,
    checklist: Checklist | None = None,
) -> PrintableSummary:
    """The summary as a QTextDocument (what is printed, and what the tests read).

    ``checklist`` names the standard checklist items in ``language``.
    """
    writer = SummaryWriter(language)
    doc = QtGui.QTextDocument()
    font = QtGui.QFont(QtWidgets.QApplication.font())
    font.setPointSizeF(10)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    # Lines break between words only. Qt's default may also break inside a word, and then
    # sizes table columns as if any word could be split ("FORTFÜHRE" and "N" on two lines of
    # a narrow column); with this, each column is at least as wide as its longest word.
    # (Printing falls back to Qt's default if a table could not fit the page that way.)
    option = doc.defaultTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setHtml(writer.html(summary, printed, checklist=checklist))
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
