"""What the front end asks of the core: read the ward, read a chart, record facts.

Every edit is one transaction holding the record, its history line, its outbox
entry for the server, its audit entry and the search-index update
(``app.unit_of_work``): after a crash either all of them are on disk or none is.
History lines are worded by ``app.history_lines``, as the sync engine words a
colleague's change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.clock import Clock, local_day
from app.discharge import Checklist, default_checklist
from app.discharge import FollowUp as FollowUp
from app.discharge_service import DischargeMixin, StampedRecord
from app.discharge_service import DischargeRow as DischargeRow
from app.discharge_service import DischargeSummary as DischargeSummary
from app.discharge_service import DischargeView as DischargeView
from app.domain import (
    Actor,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerState,
    AnswerType,
    AnswerValue,
    AuditAction,
    Catalog,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    OutboxOperation,
    Patient,
    Provenance,
    Question,
    RevisionStatus,
    Source,
    answer_state,
)
from app.errors import ValidationError
from app.history_lines import HistoryLine, answer_change, contact_change, medication_change
from app.store.database import Database
from app.store.repository import Repository, ts
from app.store.search import SearchHit, search
from app.store.sync_state import Conflict as Conflict
from app.store.sync_state import RefusedChange as RefusedChange
from app.store.sync_state import SyncState
from app.sync_problems import SyncCounts as SyncCounts
from app.sync_problems import SyncProblems as SyncProblems
from app.sync_problems import read_sync_counts, read_sync_problems
from app.sync_problems import release_refused_changes as _release_refused_changes
from app.unit_of_work import Editor, UnitOfWork, unit_of_work

MIN_BREAK_GLASS_REASON = 10


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
    hits: tuple[SearchHit, ...]


class CareService(DischargeMixin):
    """The core's API for one signed-in user on one open cache.

    Discharge planning (board, tab, summary, plan and task edits) comes from
    ``DischargeMixin`` in app/discharge_service.py.
    """

    def __init__(
        self,
        db: Database,
        catalog: Catalog,
        actor: Actor,
        *,
        workstation: str,
        clock: Clock,
        language: str = "en",
        checklist: Checklist | None = None,
    ) -> None:
        self.db = db
        self.repo = Repository(db)
        self.catalog = catalog
        self.actor = actor
        self.workstation = workstation
        self._clock = clock
        self.language = language
        """The language of texts the core composes (follow-up channel, summary preferences)."""
        self.checklist = checklist or default_checklist()

    def now(self) -> datetime:
        """The current instant on this session's one clock (``app.clock``)."""
        return self._clock()

    @contextmanager
    def _work(self) -> Iterator[UnitOfWork]:
        """One transaction for one edit by this user, dated now (``app.unit_of_work``)."""
        editor = Editor(self.actor, self.workstation)
        with unit_of_work(self.db, self.catalog, at=self._clock(), editor=editor) as work:
            yield work

    # --- reading ----------------------------------------------------------------

    def ward(self) -> list[WardRow]:
        now = self._clock()
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
        patient = self._patient(patient_id)
        now = self._clock()
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
            with self._work() as work:
                work.audit(AuditAction.VIEW, patient_id)
        meds = tuple(self.repo.medications(patient_id))
        contacts = tuple(self.repo.contacts(patient_id))
        unsent = sum(i.answer is not None and i.answer.unsent for i in board)
        unsent += sum(m.unsent for m in meds) + sum(c.unsent for c in contacts)
        unsent += self.discharge_unsent(patient_id)
        return PatientChart(
            patient=patient,
            board=board,
            medications=meds,
            contacts=contacts,
            history=tuple(self.repo.history(patient_id)),
            unsent_changes=unsent,
            as_of=now,
        )

    def search(self, text: str) -> list[PatientHit]:
        grouped: dict[str, list[SearchHit]] = {}
        for hit in search(self.db, text):
            grouped.setdefault(hit.patient_id, []).append(hit)
        result = []
        for patient_id, hits in grouped.items():
            patient = self.repo.patient(patient_id)
            if patient is not None:
                result.append(PatientHit(patient, tuple(hits)))
        return result

    def outbox_count(self) -> int:
        return self.repo.outbox_count()

    # --- what waits for the server ---------------------------------------------------------

    def sync_counts(self) -> SyncCounts:
        """What the status line counts: queued edits, refused changes, open conflicts."""
        return read_sync_counts(self.db)

    def sync_problems(self) -> SyncProblems:
        """Open conflicts and refused changes, with the names of the patients concerned."""
        return read_sync_problems(self.db)

    def release_refused_changes(self) -> None:
        """Send the changes the server refused once more at the next sync (one transaction)."""
        _release_refused_changes(self.db)

    # --- answers -------------------------------------------------------------------

    def record_answer(
        self, patient_id: str, question_code: str, value: AnswerValue, source: Source
    ) -> Answer:
        """A first answer (or a new one after the previous was entered in error)."""
        question = self._question(question_code)
        value = self._validated_value(question, value)
        self._patient(patient_id)
        current = [
            a
            for a in self.repo.answers(patient_id)
            if a.question_code == question_code and a.status is RevisionStatus.CURRENT
        ]
        if current:
            # Ask once: an existing answer is confirmed or corrected, never duplicated.
            raise ValidationError(
                "This question is already answered; confirm or correct the answer instead."
            )
        now = self._clock()
        prov = self._provenance(now, source, None)
        answer = Answer(
            id=str(uuid.uuid4()),
            patient_id=patient_id,
            question_code=question_code,
            value=value,
            status=RevisionStatus.CURRENT,
            effective_at=now,
            provenance=prov,
            history=(
                AnswerRevision(
                    action=AnswerAction.RECORDED,
                    value=value,
                    provenance=prov,
                    status=RevisionStatus.CURRENT,
                ),
            ),
            unsent=True,
        )
        self._save_answer(answer, OutboxOperation.CREATE, question, old=None)
        return answer

    def confirm_answer(self, answer_id: str, source: Source = Source.PATIENT) -> Answer:
        """The patient says the answer still holds: one action, recorded with who confirmed."""
        old = self._answer(answer_id)
        return self._revise(old, AnswerAction.CONFIRMED, old.value, source, "")

    def correct_answer(
        self, answer_id: str, value: AnswerValue, source: Source, note: str = ""
    ) -> Answer:
        old = self._answer(answer_id)
        value = self._validated_value(self._question(old.question_code), value)
        if value == old.value:
            return self.confirm_answer(answer_id, source)
        return self._revise(old, AnswerAction.CORRECTED, value, source, note)

    def mark_entered_in_error(self, answer_id: str, reason: str) -> Answer:
        if not reason.strip():
            raise ValidationError("Please say why the answer was entered in error.")
        old = self._answer(answer_id)
        return self._revise(old, AnswerAction.ENTERED_IN_ERROR, old.value, Source.CHART, reason)

    def _revise(
        self, old: Answer, action: AnswerAction, value: AnswerValue, source: Source, note: str
    ) -> Answer:
        if old.status is RevisionStatus.ENTERED_IN_ERROR:
            raise ValidationError("This answer was entered in error; record a new answer instead.")
        now = self._clock()
        prov = self._provenance(now, source, old.server_version)
        status = (
            RevisionStatus.ENTERED_IN_ERROR
            if action is AnswerAction.ENTERED_IN_ERROR
            else RevisionStatus.CURRENT
        )
        earlier = tuple(
            r.model_copy(update={"status": RevisionStatus.SUPERSEDED}) for r in old.history
        )
        revision = AnswerRevision(
            action=action, value=value, provenance=prov, status=status, note=note
        )
        answer = old.model_copy(
            update={
                "value": value,
                "status": status,
                # An answer in error keeps its time; a confirmation or correction restarts
                # its validity.
                "effective_at": old.effective_at if status is not RevisionStatus.CURRENT else now,
                "provenance": prov,
                "history": (*earlier, revision),
                "unsent": True,
            }
        )
        self._save_answer(answer, OutboxOperation.UPDATE, self._question(old.question_code), old)
        return answer

    def _save_answer(
        self,
        answer: Answer,
        operation: OutboxOperation,
        question: Question,
        old: Answer | None,
    ) -> None:
        line = answer_change(question, old, answer)
        with self._work() as work:
            work.save_edit(answer, line, operation=operation)
            work.audit(AuditAction.EDIT, answer.patient_id, f"answer {line.action}")

    # --- medications ---------------------------------------------------------------

    def save_medication(self, med: HomeMedication) -> HomeMedication:
        """Add (new id) or edit a home medication; provenance is set here, not by the caller."""
        self._patient(med.patient_id)
        old = self.repo.medication(med.id)
        if med.prescribed or (old is not None and old.prescribed):
            raise ValidationError(
                "This medication comes from a prescription in another system and cannot be "
                "changed here."
            )
        if med.reconciliation is not None and (
            old is None or old.reconciliation != med.reconciliation
        ):
            # A discharge decision made (or changed) here is this user's, now.
            med = med.model_copy(
                update={
                    "reconciliation": med.reconciliation.model_copy(
                        update={"decided_by": self.actor, "decided_at": self._clock()}
                    )
                }
            )
        saved = self._stamped(med, old)
        self._save_record(saved, medication_change(old, saved), created=old is None)
        return saved

    def stop_medication(self, med_id: str) -> HomeMedication:
        med = self.repo.medication(med_id)
        if med is None:
            raise ValidationError("That medication is no longer in the cache.")
        return self.save_medication(med.model_copy(update={"status": MedicationStatus.STOPPED}))

    # --- contacts -------------------------------------------------------------------

    def save_contact(self, contact: HomeCareContact) -> HomeCareContact:
        self._patient(contact.patient_id)
        old = self.repo.contact(contact.id)
        saved = self._stamped(contact, old)
        self._save_record(saved, contact_change(old, saved), created=old is None)
        return saved

    def _stamped(self, record: StampedRecord, old: StampedRecord | None) -> StampedRecord:
        """The caller's record with our provenance and the server version it is based on."""
        base = old.server_version if old else None
        stamped = record.model_copy(
            update={
                "provenance": self._provenance(self._clock(), record.provenance.source, base),
                "server_version": base,
                "unsent": True,
            }
        )
        type(record).model_validate(stamped.model_dump())  # model_copy skips validation
        return stamped

    def _save_record(
        self,
        saved: HomeMedication | HomeCareContact,
        line: HistoryLine,
        *,
        created: bool,
    ) -> None:
        """The record, its history line, outbox entry, audit entry and index: one transaction."""
        op = OutboxOperation.CREATE if created else OutboxOperation.UPDATE
        with self._work() as work:
            work.save_edit(saved, line, operation=op)
            work.audit(AuditAction.EDIT, saved.patient_id, f"{line.area} {line.action}")

    # --- helpers ----------------------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def provenance_now(self, source: Source) -> Provenance:
        return self._provenance(self._clock(), source, None)

    def _provenance(self, now: datetime, source: Source, base: str | None) -> Provenance:
        return Provenance(
            recorded_by=self.actor, recorded_at=now, source=source, based_on_version=base
        )

    def _patient(self, patient_id: str) -> Patient:
        patient = self.repo.patient(patient_id)
        if patient is None:
            raise ValidationError("That patient is no longer in your list.")
        return patient

    def _question(self, code: str) -> Question:
        try:
            return self.catalog.question(code)
        except KeyError as exc:
            raise ValidationError("That question is not in the catalog.") from exc

    def _answer(self, answer_id: str) -> Answer:
        answer = self.repo.answer(answer_id)
        if answer is None:
            raise ValidationError("That answer is no longer in the cache.")
        return answer

    @staticmethod
    def _validated_value(question: Question, value: AnswerValue) -> AnswerValue:
        t = question.answer_type
        codes = {o.code for o in question.options}
        if t is AnswerType.BOOLEAN:
            if not isinstance(value, bool):
                raise ValidationError("Please answer yes or no.")
            return value
        if t is AnswerType.MULTI_CHOICE:
            chosen = (value,) if isinstance(value, str) else value
            if not isinstance(chosen, tuple) or not chosen or not set(chosen) <= codes:
                raise ValidationError("Please pick at least one of the listed answers.")
            return tuple(sorted(chosen, key=[o.code for o in question.options].index))
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("Please enter an answer.")
        value = value.strip()
        if t in (AnswerType.CHOICE, AnswerType.CONTACT_METHOD) and value not in codes:
            raise ValidationError("Please pick one of the listed answers.")
        if t is AnswerType.TIME:
            try:
                # Normalised, so the server always receives a valid FHIR time ("07:05").
                return datetime.strptime(value, "%H:%M").strftime("%H:%M")
            except ValueError as exc:
                raise ValidationError("Please enter a time as HH:MM, for example 21:30.") from exc
        return value

    # --- break-glass: a patient outside the assignment, for a limited time --------------------

    def start_break_glass(self, patient_id: str, reason: str, minutes: int) -> datetime:
        """Grant emergency access; the sync fetches the patient while the grant lasts."""
        reason = " ".join(reason.split())
        if len(reason) < MIN_BREAK_GLASS_REASON:
            raise ValidationError(
                "Say why you need access (at least {count} characters).",
                count=MIN_BREAK_GLASS_REASON,
            )
        until = self._clock() + timedelta(minutes=minutes)
        with self._work() as work:
            self.repo.grant_break_glass(work.conn, patient_id, until)
            work.audit(AuditAction.BREAK_GLASS, patient_id, f"start until {ts(until)}: {reason}")
        return until

    def end_expired_break_glass(self) -> int:
        """Grants past their time end (audited); the patient leaves the cache unless edits
        still wait for the server (then kept, flagged, until they are sent)."""
        now = self._clock()
        ended = 0
        state = SyncState(self.db)
        pending = state.patients_with_pending()
        for patient_id, until in self.repo.break_glass_grants().items():
            if until > now:
                continue
            with self._work() as work:
                self.repo.end_break_glass(work.conn, patient_id)
                work.audit(AuditAction.BREAK_GLASS, patient_id, "end: time limit reached")
                if patient_id in pending:
                    state.mark_unassigned(work.conn, patient_id, now)
                else:
                    state.purge_patient(work.conn, patient_id)
            ended += 1
        return ended

    def record_audit(
        self,
        action: AuditAction,
        patient_id: str | None = None,
        detail: str = "",
        at: datetime | None = None,
    ) -> None:
        """An audit entry on its own (sign-in, lock, print, break-glass...)."""
        with self._work() as work:
            work.audit(action, patient_id, detail, at=at)
