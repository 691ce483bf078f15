"""Reading: the ward list, one patient's chart, search — ``CareService.charts``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.clock import local_day
from app.domain import (
    Answer,
    AnswerState,
    AuditAction,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    Patient,
    Question,
    RevisionStatus,
    answer_state,
)
from app.search.query import parse_query
from app.services.context import ServiceContext, ServicePart
from app.services.discharge import DischargeService
from app.store.search import MatchedFact, index_is_current, rebuild_index, search


@dataclass(frozen=True)
class WardRow:
    """One line of the ward list."""

    patient: Patient
    age: int
    open_questions: int
    due_questions: int
    unsent_changes: int
    no_longer_assigned: bool = False
    """Left the user's care team while edits were waiting: kept until they are sent."""
    break_glass_until: datetime | None = None
    """Not assigned, opened with emergency access that lasts until then."""


@dataclass(frozen=True)
class BoardItem:
    """One question on the Ask-once board, with its derived state."""

    question: Question
    state: AnswerState
    answer: Answer | None  # the newest answer not entered in error (shown even when due)


@dataclass(frozen=True)
class PatientChart:
    patient: Patient
    board: tuple[BoardItem, ...]
    medications: tuple[HomeMedication, ...]
    contacts: tuple[HomeCareContact, ...]
    history: tuple[HistoryEntry, ...]
    unsent_changes: int
    as_of: datetime
    """The instant the chart was read: answer states hold, and "today 14:05" counts, from it."""


@dataclass(frozen=True)
class PatientHit:
    patient: Patient
    facts: tuple[MatchedFact, ...]
    """Why the patient was found, best first (word them with ``text_for(language)``)."""


@dataclass(frozen=True)
class SearchResults:
    hits: tuple[PatientHit, ...]
    total: int
    """How many patients matched; ``hits`` holds the best of them."""


class ChartService(ServicePart):
    """What the ward list, the patient view and the search box read."""

    def __init__(self, ctx: ServiceContext, discharge: DischargeService) -> None:
        super().__init__(ctx)
        self.discharge = discharge

    def ward(self) -> list[WardRow]:
        now = self.ctx.now()
        latest: dict[str, dict[str, datetime]] = {}
        for t in self.repo.latest_answer_times():
            latest.setdefault(t.patient_id, {})[t.question_code] = t.effective_at
        rows = []
        grants = self.repo.break_glass_grants()
        for summary in self.repo.patient_summaries():
            p = summary.patient
            answered = latest.get(p.id, {})
            states = [
                answer_state(q, answered.get(q.code), admitted_at=p.admitted_at, now=now)
                for q in self.catalog.questions
            ]
            rows.append(
                WardRow(
                    patient=p,
                    age=p.age_on(local_day(now)),
                    open_questions=sum(s is not AnswerState.VALID for s in states),
                    due_questions=sum(s is AnswerState.DUE for s in states),
                    unsent_changes=summary.unsent_changes,
                    no_longer_assigned=summary.no_longer_assigned,
                    break_glass_until=grants.get(p.id),
                )
            )
        return rows

    def chart(self, patient_id: str, *, audit_view: bool = True) -> PatientChart:
        patient = self.ctx.patient(patient_id)
        now = self.ctx.now()
        newest: dict[str, Answer] = {}
        for a in self.repo.answers(patient_id):  # ordered by effective time
            if a.status is not RevisionStatus.ENTERED_IN_ERROR:
                newest[a.question_code] = a
        board = tuple(
            BoardItem(
                question=q,
                state=answer_state(
                    q,
                    newest[q.code].effective_at if q.code in newest else None,
                    admitted_at=patient.admitted_at,
                    now=now,
                ),
                answer=newest.get(q.code),
            )
            for q in self.catalog.questions
        )
        if audit_view:
            with self.ctx.work() as work:
                work.audit(AuditAction.VIEW, patient_id)
        meds = tuple(self.repo.medications(patient_id))
        contacts = tuple(self.repo.contacts(patient_id))
        unsent = sum(i.answer is not None and i.answer.unsent for i in board)
        unsent += sum(m.unsent for m in meds) + sum(c.unsent for c in contacts)
        unsent += self.discharge.unsent(patient_id)
        return PatientChart(
            patient=patient,
            board=board,
            medications=meds,
            contacts=contacts,
            history=tuple(self.repo.history(patient_id)),
            unsent_changes=unsent,
            as_of=now,
        )

    def search(self, text: str) -> SearchResults:
        """Every patient in the cache matching all words of ``text``, best first.

        Read in the user's language (what 04/02/1971 means); found in every language.
        """
        result = search(
            self.ctx.db, parse_query(text, language=self.ctx.language), today=self.today()
        )
        patients = self.repo.patients_by_id([m.patient_id for m in result.matches])
        hits = tuple(
            PatientHit(patients[m.patient_id], m.facts)
            for m in result.matches
            if m.patient_id in patients
        )
        return SearchResults(hits, result.total)

    def bring_search_index_up_to_date(self) -> int:
        """Rebuild the index if the words behind it changed (catalog, vocabulary, format).

        Returns how many patients were indexed (0: it was current).
        """
        if index_is_current(self.repo, self.catalog):
            return 0
        with self.db.transaction() as conn:
            return rebuild_index(conn, self.repo, self.catalog)
