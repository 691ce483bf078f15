"""The shift handover sheet (issue 14) — ``CareService.handover``.

One block per patient of the ward (or of the patients a nurse picked), in bed order:
who the patient is, what matters most to them, allergies, the communication needs
already known, how many questions are open and which answers are due for
re-confirmation, the helper at home, and how far the discharge is. Printing and
PDF output are audited like the discharge summary.

Choices a charge nurse would ask about:

- The ward is every patient assigned to this user's care team. Patients kept only
  because edits still wait for the server, and patients opened with emergency access,
  are left out unless picked by hand.
- Like the summary, the sheet states only answers known to hold now (valid, not
  entered in error). A lapsed one is not repeated as a fact; its question is listed
  as due for re-confirmation instead.
- A communication need is shown only when present: "No hearing aid", "No glasses",
  "Nothing special needed" and "Interpreter needed: No" are left out
  (``Question.says_absent``). The preferred language is left out when it is the
  language the sheet is written in: nobody needs telling on a German ward that a
  patient prefers German.
- Discharge readiness comes from the discharge board (``DischargeService.board``), so
  the sheet and the board never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from app.clock import local_day
from app.discharge import Destination, Readiness
from app.domain import (
    Actor,
    Answer,
    AnswerState,
    AuditAction,
    ContactKind,
    ContactRole,
    HomeCareContact,
    Patient,
    Question,
    RevisionStatus,
    bed_sort_key,
)
from app.errors import BugError
from app.search.vocabulary import relationship_in
from app.services.charts import BoardItem, board_items, communication_needs
from app.services.context import ServiceContext, ServicePart
from app.services.discharge import DischargeRow, DischargeService

WHAT_MATTERS_QUESTION = "matters.most-important"
INTERPRETER_QUESTION = "communication.interpreter-needed"
INTERPRETER_LANGUAGE_QUESTION = "communication.interpreter-language"
PREFERRED_LANGUAGE_QUESTION = "communication.preferred-language"
COMMUNICATION_QUESTIONS = (
    INTERPRETER_QUESTION,
    PREFERRED_LANGUAGE_QUESTION,
    "mobility.hearing-aid",
    "mobility.glasses",
    "communication.conversation-help",
)
"""The communication and sensory needs on the sheet, in this order (the interpreter's
language is shown with the interpreter; codes a hospital's catalog lacks are left out)."""

_NO_READINESS = Readiness(done=0, total=0, overdue=(), open=())


@dataclass(frozen=True)
class HandoverNeed:
    """One communication need that is present, worded in the service's language."""

    code: str
    """The catalog question it answers."""
    label: str
    text: str


@dataclass(frozen=True)
class HandoverHelper:
    """Who helps the patient at home."""

    name: str
    relationship: str
    phone: str
    """The first phone number in the contact's order ("" if none)."""


@dataclass(frozen=True)
class HandoverDischarge:
    """The discharge as the readiness board has it."""

    planned: bool
    """False: nobody has started a discharge plan yet."""
    expected_date: date | None
    """The plan's date; without a plan, the date the hospital system expects, if any."""
    destination: Destination | None
    readiness: Readiness
    unreconciled: int
    """Home medications still waiting for a decision."""


@dataclass(frozen=True)
class HandoverPatient:
    """One patient's block of the sheet."""

    patient: Patient
    age: int
    what_matters: str
    """The answer to "What matters most", or "" when not known to hold now."""
    needs: tuple[HandoverNeed, ...]
    never_asked: int
    due: tuple[str, ...]
    """Labels of the questions whose answers are due for re-confirmation, catalog order."""
    helper: HandoverHelper | None
    discharge: HandoverDischarge

    @property
    def open_questions(self) -> int:
        """Never asked or due: the ward list's "Open" count."""
        return self.never_asked + len(self.due)


@dataclass(frozen=True)
class HandoverSheet:
    """What the printed or saved handover sheet holds."""

    patients: tuple[HandoverPatient, ...]
    """In bed order (by ward, then bed number)."""
    wards: tuple[str, ...]
    """The wards the patients are on, in the order they appear."""
    whole_ward: bool
    """True: every assigned patient; False: patients picked by hand."""
    as_of: datetime
    """The instant it was read (the session's clock): ages, states and overdue count from it."""
    prepared_by: Actor


class HandoverService(ServicePart):
    """The handover sheet for one user on one cache (see the module docstring)."""

    def __init__(self, ctx: ServiceContext, discharge: DischargeService) -> None:
        super().__init__(ctx)
        self.discharge = discharge

    def sheet(self, patient_ids: list[str] | None = None) -> HandoverSheet:
        """The sheet for the ward (``None``) or for the patients picked, in bed order.

        A picked patient who is no longer in the cache is left out.
        """
        now = self.ctx.now()
        if patient_ids is None:
            grants = self.repo.break_glass_grants()
            patients = [
                s.patient
                for s in self.repo.patient_summaries()
                if not s.no_longer_assigned and s.patient.id not in grants
            ]
        else:
            found = self.repo.patients_by_id(list(dict.fromkeys(patient_ids)))
            patients = list(found.values())
        patients.sort(key=bed_order)
        boards = self._discharge_rows()
        blocks = tuple(self._block(p, now, boards.get(p.id)) for p in patients)
        return HandoverSheet(
            patients=blocks,
            wards=tuple(dict.fromkeys(p.ward for p in patients if p.ward)),
            whole_ward=patient_ids is None,
            as_of=now,
            prepared_by=self.actor,
        )

    def record_output(self, patient_ids: Iterable[str], action: AuditAction, detail: str) -> None:
        """Audit a print or PDF of the sheet: one entry per patient on it, one transaction.

        Each patient's trail shows the sheet; ``detail`` names the kind of output
        ("printer", "pdf"), never a file name, and the entry says how many patients the
        sheet held, never who they were.
        """
        if action not in (AuditAction.PRINT, AuditAction.EXPORT):
            raise BugError("a handover sheet is printed or exported, nothing else")
        ids = list(dict.fromkeys(patient_ids))
        if not ids:
            raise BugError("a handover sheet without patients is not output")
        text = f"handover sheet: {len(ids)} patients"
        if detail.strip():
            text += f", {detail.strip()}"
        with self.ctx.work() as work:
            for patient_id in ids:
                work.audit(action, patient_id, text)

    # --- one patient ----------------------------------------------------------------------

    def _block(self, patient: Patient, now: datetime, row: DischargeRow | None) -> HandoverPatient:
        newest = self.newest_answers(patient.id)
        board = board_items(self.catalog, patient, newest, now)
        states = {item.question.code: item.state for item in board}

        def holds(code: str) -> Answer | None:
            """The answer to ``code`` if it is known to hold now."""
            answer = newest.get(code)
            if answer is None or answer.status is not RevisionStatus.CURRENT:
                return None
            return answer if states.get(code) is AnswerState.VALID else None

        matters = holds(WHAT_MATTERS_QUESTION)
        return HandoverPatient(
            patient=patient,
            age=patient.age_on(local_day(now)),
            what_matters=str(matters.value).strip() if matters is not None else "",
            needs=self._needs(board),
            never_asked=sum(s is AnswerState.NEVER_ASKED for s in states.values()),
            due=tuple(
                q.label_for(self.ctx.language)
                for q in self.catalog.questions
                if states[q.code] is AnswerState.DUE
            ),
            helper=self._helper(patient.id),
            discharge=self._discharge(patient, row),
        )

    def _needs(self, board: Sequence[BoardItem]) -> tuple[HandoverNeed, ...]:
        """The needs the banner shows (``communication_needs``), less what the sheet must
        not state as fact (answers due for re-confirmation are listed as due) and the
        sheet's own language."""
        language = self.ctx.language
        return tuple(
            HandoverNeed(
                code=need.question.code,
                label=need.label_for(language),
                # no value: "Interpreter needed", language unknown — the yes of that question
                text=need.value_for(language) or need.question.format_value(True, language),
            )
            for need in communication_needs(board)
            if not need.due and need.matters_in(language)
        )

    def _question(self, code: str) -> Question | None:
        try:
            return self.catalog.question(code)
        except KeyError:
            return None

    def _helper(self, patient_id: str) -> HandoverHelper | None:
        """The helper the discharge plan names, else the first person who helps at home."""
        people = [
            c for c in self.repo.contacts(patient_id) if c.active and c.kind is ContactKind.PERSON
        ]
        plan = self.discharge.plan_of(patient_id)
        chosen: HomeCareContact | None = next(
            (c for c in people if plan is not None and c.id == plan.home_helper_id), None
        )
        if chosen is None:
            chosen = next((c for c in people if ContactRole.HELPS_AT_HOME in c.roles), None)
        if chosen is None:
            return None
        phone = next((t.value for t in chosen.ranked_telecom() if t.system == "phone"), "")
        return HandoverHelper(
            name=chosen.name,
            relationship=relationship_in(chosen.relationship, self.ctx.language),
            phone=phone,
        )

    def _discharge_rows(self) -> dict[str, DischargeRow]:
        return {r.patient_id: r for r in self.discharge.board(window_days=None)}

    @staticmethod
    def _discharge(patient: Patient, row: DischargeRow | None) -> HandoverDischarge:
        if row is None:
            return HandoverDischarge(
                planned=False,
                expected_date=patient.expected_discharge,
                destination=None,
                readiness=_NO_READINESS,
                unreconciled=0,
            )
        return HandoverDischarge(
            planned=True,
            expected_date=row.expected_date,
            destination=row.destination,
            readiness=row.readiness,
            unreconciled=row.unreconciled,
        )


def bed_order(patient: Patient) -> tuple[str, int, str, str]:
    """Ward, then bed number ("9A" before "10A"; a bed without a number last), then name."""
    return (patient.ward, *bed_sort_key(patient.bed), patient.display_name.casefold())
