"""Reading: the ward list, one patient's chart, search — ``CareService.charts``."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from app.clock import local_day
from app.domain import (
    Answer,
    AnswerState,
    AnswerValue,
    AuditAction,
    Catalog,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    NewsItem,
    NoAnswer,
    Patient,
    Question,
    RecordFact,
    answer_state,
)
from app.hospital_record import record_disagrees, record_facts
from app.name_alerts import NameMatch, name_matches
from app.search.query import parse_query
from app.services.context import ServiceContext, ServicePart
from app.services.discharge import DischargeService
from app.store.repository import AnswerTimes
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
    name_matches: tuple[NameMatch, ...] = ()
    """Patients in the cache this one could be taken for, strongest first (``app.name_alerts``)."""
    news: int = 0
    """Colleagues' changes since the user last saw this patient (``app.services.news``)."""

    @property
    def name_alerts(self) -> tuple[NameMatch, ...]:
        """The matches that are alerts (same or similar name), not notices."""
        return tuple(m for m in self.name_matches if m.is_alert)


@dataclass(frozen=True)
class BoardItem:
    """One question on the Ask-once board, with its derived state."""

    question: Question
    state: AnswerState
    answer: Answer | None  # the newest answer not entered in error (shown even when due)
    on_record: RecordFact | None = None
    """What the hospital's record already says (read-only; no AskOnce answer until a nurse
    confirms it)."""

    @property
    def disagrees(self) -> bool:
        """AskOnce's answer and the hospital record say different things: shown, never hidden."""
        return record_disagrees(self.question, self.answer, self.on_record)

    @property
    def known_value(self) -> AnswerValue | None:
        """What is known: AskOnce's answer, else the hospital record's (also where the
        patient was asked but gave no answer), else that no answer was given."""
        if self.answer is not None and self.answer.no_answer is None:
            return self.answer.value
        if self.on_record is not None:
            return self.on_record.value
        return self.answer.value if self.answer is not None else None


class NeedKind(enum.StrEnum):
    INTERPRETER = "interpreter"
    LANGUAGE = "language"
    HEARING = "hearing"
    SIGHT = "sight"
    CONVERSATION = "conversation"


INTERPRETER_NEEDED = "communication.interpreter-needed"
INTERPRETER_LANGUAGE = "communication.interpreter-language"
PREFERRED_LANGUAGE = "communication.preferred-language"
HEARING_AID = "mobility.hearing-aid"
GLASSES = "mobility.glasses"
CONVERSATION_HELP = "communication.conversation-help"


@dataclass(frozen=True)
class CommunicationNeed:
    """A communication or sensory need the patient's answers already tell (a banner chip).

    Worded from the catalog in any language: ``label_for`` names it ("Hearing aid"),
    ``value_for`` says what is true ("Yes, but it is at home"; empty when the label says
    it all, as "Interpreter needed" with no language known).
    """

    kind: NeedKind
    question: Question
    """The question whose label names the need."""
    value_question: Question
    """The question whose options word ``value`` (the interpreter's language, or ``question``)."""
    value: AnswerValue | None
    due: bool
    """An answer due for re-confirmation (an earlier stay's): shown, but as "to re-confirm"."""

    def label_for(self, language: str) -> str:
        return self.question.label_for(language)

    def value_for(self, language: str) -> str:
        if self.value is None:
            return ""
        return self.value_question.format_value(self.value, language)

    def matters_in(self, language: str) -> bool:
        """Whether it is worth a chip for someone reading ``language``.

        A preferred language the reader's own UI is in needs no chip; every other need does.
        """
        return not (self.kind is NeedKind.LANGUAGE and self.value == language)


def _present(question: Question, value: AnswerValue) -> AnswerValue | None:
    """What of ``value`` says the thing is there: absent options dropped ("No glasses")."""
    if isinstance(value, NoAnswer) or question.says_absent(value):
        return None
    if isinstance(value, tuple):
        kept = tuple(code for code in value if not ((o := question.option(code)) and o.absent))
        return kept or None
    return value


def communication_needs(board: Iterable[BoardItem]) -> tuple[CommunicationNeed, ...]:
    """The interpreter, language, hearing, sight and conversation needs the answers tell.

    Only what is known and present: a question never asked, or answered "no hearing aid",
    "nothing special needed", "no interpreter", gives no need. An interpreter language
    without the "needed" question answered is still shown (someone asked which language).
    What the hospital record says counts where AskOnce has no answer (``known_value``).
    """
    answered = {item.question.code: item for item in board if item.known_value is not None}
    needs: list[CommunicationNeed] = []

    def need(
        kind: NeedKind,
        label: BoardItem,
        worded: BoardItem,
        value: AnswerValue | None,
    ) -> None:
        due = any(i.state is AnswerState.DUE for i in (label, worded))
        needs.append(CommunicationNeed(kind, label.question, worded.question, value, due))

    needed = answered.get(INTERPRETER_NEEDED)
    language = answered.get(INTERPRETER_LANGUAGE)
    spoken = (
        _present(language.question, language.known_value)
        if language is not None and language.known_value is not None
        else None
    )
    if needed is not None and needed.known_value is True:
        if language is not None and spoken is not None:
            need(NeedKind.INTERPRETER, needed, language, spoken)
        else:
            need(NeedKind.INTERPRETER, needed, needed, None)
    elif needed is None and language is not None and spoken is not None:
        need(NeedKind.INTERPRETER, language, language, spoken)

    for code, kind in (
        (PREFERRED_LANGUAGE, NeedKind.LANGUAGE),
        (HEARING_AID, NeedKind.HEARING),
        (GLASSES, NeedKind.SIGHT),
        (CONVERSATION_HELP, NeedKind.CONVERSATION),
    ):
        item = answered.get(code)
        if item is None or item.known_value is None:
            continue
        value = _present(item.question, item.known_value)
        if value is not None and value != "":
            need(kind, item, item, value)
    return tuple(needs)


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
    name_matches: tuple[NameMatch, ...] = ()
    """Patients in the cache this one could be taken for (the banner's name alert)."""
    needs: tuple[CommunicationNeed, ...] = ()
    """Communication and sensory needs already known (the banner's chips)."""
    news: tuple[NewsItem, ...] = ()
    """Colleagues' changes the user has not seen yet, newest first (``app.services.news``)."""

    def news_about(self, record_key: str) -> NewsItem | None:
        """The newest unseen change of one item (a question code, or a record's id)."""
        return next((n for n in self.news if n.record_key == record_key), None)

    @property
    def name_alerts(self) -> tuple[NameMatch, ...]:
        return tuple(m for m in self.name_matches if m.is_alert)


@dataclass(frozen=True)
class PatientHit:
    patient: Patient
    facts: tuple[MatchedFact, ...]
    """Why the patient was found, best first (word them with ``text_for(language)``)."""
    name_matches: tuple[NameMatch, ...] = ()
    """Patients in the cache this one could be taken for (``app.name_alerts``)."""

    @property
    def name_alerts(self) -> tuple[NameMatch, ...]:
        return tuple(m for m in self.name_matches if m.is_alert)


@dataclass(frozen=True)
class SearchResults:
    hits: tuple[PatientHit, ...]
    total: int
    """How many patients matched; ``hits`` holds the best of them."""


def board_items(
    catalog: Catalog, patient: Patient, newest: Mapping[str, Answer], now: datetime
) -> tuple[BoardItem, ...]:
    """Every catalog question with its state at ``now``, the answer the board shows and what
    the hospital's record already says of it."""
    facts = record_facts(catalog, patient)
    return tuple(
        BoardItem(
            question=q,
            state=answer_state(
                q,
                newest[q.code].effective_at if q.code in newest else None,
                admitted_at=patient.admitted_at,
                now=now,
                no_answer=newest[q.code].no_answer if q.code in newest else None,
                on_record=facts.get(q.code),
            ),
            answer=newest.get(q.code),
            on_record=facts.get(q.code),
        )
        for q in catalog.questions
    )


def _ward_state(
    question: Question,
    newest: AnswerTimes | None,
    patient: Patient,
    now: datetime,
    on_record: RecordFact | None,
) -> AnswerState:
    return answer_state(
        question,
        newest.effective_at if newest else None,
        admitted_at=patient.admitted_at,
        now=now,
        no_answer=newest.no_answer if newest else None,
        on_record=on_record,
    )


class ChartService(ServicePart):
    """What the ward list, the patient view and the search box read."""

    def __init__(self, ctx: ServiceContext, discharge: DischargeService) -> None:
        super().__init__(ctx)
        self.discharge = discharge
        self._matches: tuple[str, dict[str, tuple[NameMatch, ...]]] | None = None

    def ward(self) -> list[WardRow]:
        now = self.ctx.now()
        latest: dict[str, dict[str, AnswerTimes]] = {}
        for t in self.repo.latest_answer_times():
            latest.setdefault(t.patient_id, {})[t.question_code] = t
        rows = []
        grants = self.repo.break_glass_grants()
        summaries = self.repo.patient_summaries()
        matches = self._name_matches()
        news = self.repo.news_counts(not_by=self.actor.user_id)
        for summary in summaries:
            p = summary.patient
            answered = latest.get(p.id, {})
            facts = record_facts(self.catalog, p)  # what the hospital knows counts as asked
            states = [
                _ward_state(q, answered.get(q.code), p, now, facts.get(q.code))
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
                    name_matches=matches.get(p.id, ()),
                    news=news.get(p.id, 0),
                )
            )
        return rows

    def chart(self, patient_id: str, *, audit_view: bool = True) -> PatientChart:
        patient = self.ctx.patient(patient_id)
        now = self.ctx.now()
        board = board_items(self.catalog, patient, self.newest_answers(patient_id), now)
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
            name_matches=self._name_matches().get(patient_id, ()),
            needs=communication_needs(board),
            news=tuple(self.repo.news(patient_id, not_by=self.actor.user_id)),
        )

    def search(self, text: str) -> SearchResults:
        """Every patient in the cache matching all words of ``text``, best first.

        Read in the user's language (what 04/02/1971 means); found in every language.
        """
        result = search(
            self.ctx.db, parse_query(text, language=self.ctx.language), today=self.today()
        )
        patients = self.repo.patients_by_id([m.patient_id for m in result.matches])
        matches = self._name_matches() if patients else {}
        hits = tuple(
            PatientHit(patients[m.patient_id], m.facts, matches.get(m.patient_id, ()))
            for m in result.matches
            if m.patient_id in patients
        )
        return SearchResults(hits, result.total)

    def _name_matches(self) -> dict[str, tuple[NameMatch, ...]]:
        """Name matches over every patient in the cache, worked out again only when a
        patient was added, changed or removed (a chart or a search does not pay for it)."""
        generation = self.repo.patients_generation()
        if self._matches is None or self._matches[0] != generation:
            patients = (s.patient for s in self.repo.patient_summaries())
            self._matches = (generation, name_matches(patients))
        return self._matches[1]

    def bring_search_index_up_to_date(self) -> int:
        """Rebuild the index if the words behind it changed (catalog, vocabulary, format).

        Returns how many patients were indexed (0: it was current).
        """
        if index_is_current(self.repo, self.catalog):
            return 0
        with self.db.transaction() as conn:
            return rebuild_index(conn, self.repo, self.catalog)
