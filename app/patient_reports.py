"""Answers the patient gave before admission (a portal, a kiosk, a tablet): offered, not taken.

A FHIR ``QuestionnaireResponse`` of the catalog comes down with the patient as one
``PatientReport``. Nothing in it becomes an AskOnce answer on its own: each item waits on
the board as "patient reported, not yet confirmed" until a nurse confirms it with the
patient (then it is recorded as an answer, through the normal path) or sets it aside.
Which items still wait is derived, never stored: an item is offered while no AskOnce
answer given since the report exists for its question, and it was not set aside here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from app.domain import Actor, Answer, AnswerValue, Frozen, Provenance, Question, UtcDateTime


class ReportStatus(enum.StrEnum):
    """The response's status on the server (FHIR's codes); only finished ones are offered."""

    COMPLETED = "completed"
    AMENDED = "amended"
    IN_PROGRESS = "in-progress"
    STOPPED = "stopped"
    ENTERED_IN_ERROR = "entered-in-error"

    @property
    def finished(self) -> bool:
        """The patient finished it (and nobody withdrew it): its answers are offered."""
        return self in (ReportStatus.COMPLETED, ReportStatus.AMENDED)


class ReportedItem(Frozen):
    """One answer as the patient gave it, read against the catalog."""

    question_code: str
    value: AnswerValue


class PatientReport(Frozen):
    """One QuestionnaireResponse of the catalog, of one patient (read only from the server)."""

    id: str
    patient_id: str
    authored: UtcDateTime | None
    """When the patient filled it in; ``None`` when the response does not say (no guess)."""
    provenance: Provenance
    """Who filled it in (the patient, a relative) and when: shown next to each item."""
    source_label: str = ""
    """Where it was filled in, as the response names it ("Patient portal"); may be empty."""
    status: ReportStatus = ReportStatus.COMPLETED
    items: tuple[ReportedItem, ...] = ()
    skipped: int = 0
    """Items the catalog does not know or whose answer does not fit: counted, left aside."""
    dismissed: tuple[str, ...] = ()
    """Question codes a nurse set aside (the patient said otherwise, or it was wrong)."""
    server_version: str | None = None

    @property
    def source_text(self) -> str:
        """Where the answers come from, in words: the source, else who filled it in."""
        return self.source_label or self.provenance.recorded_by.display_name

    def item(self, question_code: str) -> ReportedItem | None:
        return next((i for i in self.items if i.question_code == question_code), None)


@dataclass(frozen=True)
class ItemToConfirm:
    """One reported answer still waiting for a nurse, with what the chart holds now."""

    report: PatientReport
    question: Question
    reported: AnswerValue
    on_record: Answer | None
    """The current AskOnce answer to the question, if any (older than the report)."""

    @property
    def differs(self) -> bool:
        """The chart holds another answer: confirming replaces it (a correction)."""
        return self.on_record is not None and self.on_record.value != self.reported


@dataclass(frozen=True)
class AnswersExport:
    """The patient's answers to export as one QuestionnaireResponse (``ReportService``)."""

    patient_id: str
    mrn: str
    display: str
    answers: tuple[Answer, ...]
    """The current answers that still hold (the board's state VALID)."""
    left_out: int
    """Current answers left out: due for re-confirmation."""
    response_id: str
    """One per patient, the same on every export (sent again, never a new response)."""
    authored: datetime
    author: Actor
    to_server: bool = False


def still_to_confirm(report: PatientReport, question: Question, newest: Answer | None) -> bool:
    """Whether one reported item waits for a nurse: not set aside here, and no answer given
    since the patient reported it. An undated report waits until the chart says the same."""
    item = report.item(question.code)
    if item is None or question.code in report.dismissed:
        return False
    if newest is None:
        return True
    if report.authored is None:
        return newest.value != item.value
    return newest.effective_at < report.authored


def with_local_decisions(stored: PatientReport | None, incoming: PatientReport) -> PatientReport:
    """A new server version of a report keeps the items set aside here, as long as the
    patient's answer to them did not change (an amended answer is offered again)."""
    if stored is None or not stored.dismissed:
        return incoming
    kept = tuple(
        code
        for code in stored.dismissed
        if (old := stored.item(code)) is not None
        and (new := incoming.item(code)) is not None
        and old.value == new.value
    )
    return incoming.model_copy(update={"dismissed": kept})
