"""Discharge planning (DESIGN.md §3): board, tab, summary and edits — ``CareService.discharge``.

One part of ``CareService`` (app/services/): the same cache, user, clock and unit of
work through ``ServiceContext``. Every edit writes the record, its outbox entry for the server, a
history line, an audit entry and the search index in one transaction
(``app.unit_of_work``); history lines are worded by ``app.history_lines``.

Choices a coordinator would ask about:

- Readiness comes only from ``app.discharge.readiness`` over the plan's tasks.
- Moving the expected date moves the due date of an open task only while that due
  date is still the checklist's default for the old date; a due date a person set
  stays where they put it (and items already done or not needed are not touched).
- A prescription from another system (MedicationRequest) stays read-only. Deciding
  about it creates a home medication (MedicationStatement) *derived from* it that
  carries the decision; from then on that statement stands for the prescription.
- Medications marked stopped (before admission) need no decision; every other home
  medication without one counts as "not yet reconciled".
- The plan is complete when every checklist item that counts is done or not needed
  (readiness says ready). The task edit that completes it also hands the follow-up to
  the hospital's messaging or call system (a ``FollowUpRequest``, FHIR
  CommunicationRequest, from the local start of the expected discharge day), in the
  same transaction — once per plan: a request cancelled by a person is not made again
  by itself. When the route is not known then (no number, no consenting helper), the
  tab says why and a person requests it later with ``request_follow_up`` (refused
  while the plan is not complete).
- An item re-opened puts the request on hold (the messaging system must not call while
  discharge is uncertain; nothing is lost), completing the plan again makes it active
  again; a moved discharge date moves its start. A contact, helper or follow-up answer
  edit re-routes it in the same transaction: when recipient, medium or address are no
  longer what ``resolve_follow_up`` gives, it is revoked and, if the new route is
  known, replaced (``follow_up_after_change``, the one place for all of this).
- Consent: a helper who has not consented to receive information may still be named
  as the helper at home, but never receives the follow-up (``resolve_follow_up``);
  the tab and the summary say why.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from app.clock import local_day, local_start_of_day
from app.discharge import (
    Appointment,
    ChecklistTask,
    Destination,
    DischargePlan,
    DischargeTask,
    FollowUp,
    FollowUpProblem,
    FollowUpRequest,
    FollowUpRoute,
    FollowUpStatus,
    OwnerRole,
    Readiness,
    TaskStatus,
    due_date,
    follow_up_payload,
    readiness,
    resolve_follow_up,
)
from app.domain import (
    Actor,
    Answer,
    AnswerState,
    AuditAction,
    ContactKind,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    OutboxOperation,
    Patient,
    Reconciliation,
    ReconciliationDecision,
    RecordTelecom,
    RevisionStatus,
    Source,
    answer_state,
)
from app.errors import BugError, ValidationError
from app.history_lines import (
    DUE_DATE_MOVED,
    contact_change,
    follow_up_change,
    medication_change,
    plan_change,
    task_change,
)
from app.history_lines import PLAN_SUBJECT as PLAN_SUBJECT
from app.services.context import ServiceContext, ServicePart
from app.services.home_care import HomeCareService
from app.store.repository import MedicationState, PlanState
from app.unit_of_work import UnitOfWork

# The Ask-once questions the follow-up channel and times are taken from.
FOLLOW_UP_CHANNEL_QUESTION = "communication.preferred-channel"
FOLLOW_UP_TIMES_QUESTION = "communication.best-time"
PREFERRED_LANGUAGE_QUESTION = "communication.preferred-language"
# The patient's key preferences on the discharge summary, in this order (codes a
# hospital's catalog lacks are left out).
SUMMARY_PREFERENCES = (
    "communication.preferred-language",
    "communication.interpreter-needed",
    "communication.interpreter-language",
    "diet.diet-pattern",
    "diet.texture",
    "diet.lactose",
    "diet.gluten",
    "matters.most-important",
)
CUSTOM_TASK_CODE = "custom"
"""The code of a checklist item a person added beyond the hospital's checklist."""

_SEVERITY = {AnswerState.VALID: 0, AnswerState.DUE: 1, AnswerState.NEVER_ASKED: 2}


@dataclass(frozen=True)
class DischargeRow:
    """One line of the readiness board."""

    patient_id: str
    name: str
    ward: str
    bed: str
    expected_date: date | None
    destination: Destination | None
    readiness: Readiness
    unreconciled: int
    unsent: bool
    planned: bool = True
    """False: a patient nobody has started a discharge plan for yet."""


@dataclass(frozen=True)
class DischargeView:
    """Everything the Discharge tab shows for one patient."""

    patient: Patient
    plan: DischargePlan | None
    tasks: tuple[DischargeTask, ...]
    readiness: Readiness
    medications: tuple[HomeMedication, ...]
    """Home medications to reconcile: statements, and prescriptions no statement stands for."""
    unreconciled: int
    contacts: tuple[HomeCareContact, ...]
    """Active contacts, people and agencies."""
    follow_up: FollowUp
    as_of: datetime
    """The instant the view was read: readiness and "overdue" hold, and times count, from it."""


@dataclass(frozen=True)
class DischargeSummary:
    """What the printed or exported discharge summary holds (service language)."""

    patient: Patient
    plan: DischargePlan | None
    readiness: Readiness
    medications: tuple[HomeMedication, ...]
    """With their decisions; ``reconciliation is None`` marks one not yet reconciled."""
    contacts: tuple[HomeCareContact, ...]
    """Active people (helpers, emergency contacts, proxies)."""
    agencies: tuple[HomeCareContact, ...]
    follow_up: FollowUp
    appointments: tuple[Appointment, ...]
    preferences: list[tuple[str, str]]
    """(label, value) of current valid answers: language, interpreter, diet, what matters."""
    unreconciled: int = 0
    home_helper: HomeCareContact | None = None
    tasks: tuple[DischargeTask, ...] = ()
    """The plan's checklist items, in checklist order."""
    prepared_at: datetime | None = None
    prepared_by: Actor | None = None


class DischargeService(ServicePart):
    """Discharge planning for one user on one cache (see the module docstring)."""

    def __init__(self, ctx: ServiceContext, home_care: HomeCareService) -> None:
        super().__init__(ctx)
        self.home_care = home_care
        home_care.follow_up = self  # a contact edit re-routes the follow-up (same transaction)

    # --- reading ----------------------------------------------------------------------

    def board(self, *, window_days: int | None = 7) -> list[DischargeRow]:
        """Patients whose plan is expected by today + ``window_days`` (overdue ones too).

        ``None``: every plan, undated ones last. Most urgent first: by date, then by the
        number of overdue items.
        """
        today = self.ctx.today()
        last_day = None if window_days is None else today + timedelta(days=window_days)
        # Light rows read straight from the stored JSON: a hospital-sized cache has
        # thousands of plans, and the board is redrawn often.
        plans = _one_per_patient(self.repo.discharge_plan_states(last_day))
        if not plans:
            return []
        patient_ids = [p.patient_id for p in plans]
        patients = self.repo.patients_by_id(patient_ids)
        tasks = self.repo.discharge_task_states([p.id for p in plans])
        meds = self.repo.medication_states(patient_ids)
        rows = []
        for plan in plans:
            patient = patients.get(plan.patient_id)
            if patient is None:
                continue
            plan_tasks = tasks.get(plan.id, [])
            rows.append(
                DischargeRow(
                    patient_id=patient.id,
                    name=patient.display_name,
                    ward=patient.ward,
                    bed=patient.bed,
                    expected_date=plan.expected_date,
                    destination=plan.destination,
                    readiness=self._readiness(plan_tasks, today),
                    unreconciled=_pending_decisions(meds.get(patient.id, [])),
                    unsent=plan.unsent or any(t.unsent for t in plan_tasks),
                )
            )
        rows.sort(
            key=lambda r: (
                r.expected_date or date.max,
                -len(r.readiness.overdue),
                r.bed,
                r.name,
            )
        )
        return rows

    def count_without_plan(self) -> int:
        return len(self.repo.patient_ids_without_discharge_plan())

    def patients_without_plan(self) -> list[DischargeRow]:
        """The board's other list: patients without a discharge plan, by bed."""
        patient_ids = self.repo.patient_ids_without_discharge_plan()
        patients = self.repo.patients_by_id(patient_ids)
        meds = self.repo.medication_states(patient_ids)
        nothing = self._readiness((), self.ctx.today())
        rows = [
            DischargeRow(
                patient_id=p.id,
                name=p.display_name,
                ward=p.ward,
                bed=p.bed,
                expected_date=None,
                destination=None,
                readiness=nothing,
                unreconciled=_pending_decisions(meds.get(p.id, [])),
                unsent=False,
                planned=False,
            )
            for p in (patients[pid] for pid in patient_ids if pid in patients)
        ]
        rows.sort(key=lambda r: (r.ward, r.bed, r.name))
        return rows

    def view(self, patient_id: str) -> DischargeView:
        """The Discharge tab (opening the chart already wrote the view audit entry)."""
        patient = self.ctx.patient(patient_id)
        plan = self.plan_of(patient_id)
        tasks = self._tasks_of(plan)
        meds, unreconciled = _to_reconcile(self.repo.medications(patient_id))
        now = self.ctx.now()
        return DischargeView(
            patient=patient,
            plan=plan,
            tasks=tasks,
            readiness=self._readiness(tasks, local_day(now)),
            medications=meds,
            unreconciled=unreconciled,
            contacts=tuple(c for c in self.repo.contacts(patient_id) if c.active),
            follow_up=self._follow_up(patient, plan),
            as_of=now,
        )

    def summary(self, patient_id: str) -> DischargeSummary:
        patient = self.ctx.patient(patient_id)
        plan = self.plan_of(patient_id)
        tasks = self._tasks_of(plan)
        meds, unreconciled = _to_reconcile(self.repo.medications(patient_id))
        contacts = [c for c in self.repo.contacts(patient_id) if c.active]
        helper = next(
            (c for c in contacts if plan is not None and c.id == plan.home_helper_id), None
        )
        now = self.ctx.now()
        return DischargeSummary(
            patient=patient,
            plan=plan,
            readiness=self._readiness(tasks, local_day(now)),
            # Stopped before admission and never decided about: not part of the discharge list.
            medications=tuple(
                m
                for m in meds
                if m.reconciliation is not None or m.status is not MedicationStatus.STOPPED
            ),
            contacts=tuple(c for c in contacts if c.kind is ContactKind.PERSON),
            agencies=tuple(c for c in contacts if c.kind is ContactKind.AGENCY),
            follow_up=self._follow_up(patient, plan),
            appointments=plan.appointments if plan is not None else (),
            preferences=self._preferences(patient),
            unreconciled=unreconciled,
            home_helper=helper,
            tasks=tasks,
            prepared_at=now,
            prepared_by=self.actor,
        )

    def plan_of(self, patient_id: str) -> DischargePlan | None:
        """The patient's plan. Two workstations may each have started one while offline;
        then every workstation shows the same one (the lowest id)."""
        plans = self.repo.discharge_plans(patient_id)
        return min(plans, key=lambda p: p.id) if plans else None

    def _tasks_of(self, plan: DischargePlan | None) -> tuple[DischargeTask, ...]:
        if plan is None:
            return ()
        tasks = self.repo.discharge_tasks([plan.id]).get(plan.id, [])
        return tuple(sorted(tasks, key=lambda t: (self.ctx.checklist.position(t.code), t.title)))

    def _readiness(self, tasks: Iterable[ChecklistTask], today: date) -> Readiness:
        def title(task: ChecklistTask) -> str:
            if self.ctx.checklist.item(task.code) is None:
                return task.title
            return self.ctx.checklist.title_for(task.code, self.ctx.language)

        ordered = sorted(tasks, key=lambda t: (self.ctx.checklist.position(t.code), t.title))
        return readiness(ordered, today, title_of=title)

    def _answer_state(self, patient: Patient, code: str, answer: Answer | None) -> AnswerState:
        try:
            question = self.catalog.question(code)
        except KeyError:
            return AnswerState.NEVER_ASKED
        return answer_state(
            question,
            answer.effective_at if answer else None,
            admitted_at=patient.admitted_at,
            now=self.ctx.now(),
            no_answer=answer.no_answer if answer else None,
        )

    def _answer_text(self, code: str, answer: Answer | tuple[str, ...] | None) -> str:
        """An answer (or answer codes) in words; nothing for no answer."""
        if not answer:
            return ""
        value = answer if isinstance(answer, tuple) else answer.value
        try:
            return self.catalog.question(code).format_value(value, self.ctx.language)
        except KeyError:
            return ""

    def _follow_up(self, patient: Patient, plan: DischargePlan | None) -> FollowUp:
        newest = self.newest_answers(patient.id)
        channel = newest.get(FOLLOW_UP_CHANNEL_QUESTION)
        times = newest.get(FOLLOW_UP_TIMES_QUESTION)
        channel_state = self._answer_state(patient, FOLLOW_UP_CHANNEL_QUESTION, channel)
        times_state = self._answer_state(patient, FOLLOW_UP_TIMES_QUESTION, times)
        told = channel or times
        route = self._route(patient, plan, channel, channel_state)
        request = self._request_of(plan)
        return FollowUp(
            channel=self._answer_text(FOLLOW_UP_CHANNEL_QUESTION, channel),
            times=self._answer_text(FOLLOW_UP_TIMES_QUESTION, times),
            answered_at=told.effective_at if told else None,
            answered_by=told.provenance.recorded_by.display_name if told else None,
            state=max(channel_state, times_state, key=_SEVERITY.__getitem__),
            channel_state=channel_state,
            times_state=times_state,
            channel_answer=channel,
            times_answer=times,
            route=route,
            request=request,
            request_times=self._answer_text(
                FOLLOW_UP_TIMES_QUESTION, request.times if request is not None else ()
            ),
        )

    def _route(
        self,
        patient: Patient,
        plan: DischargePlan | None,
        channel: Answer | None,
        channel_state: AnswerState,
    ) -> FollowUpRoute:
        """Whom to reach and at which number: only a valid channel answer counts (one due
        for re-confirmation is asked again first)."""
        usable = (
            channel is not None
            and channel_state is AnswerState.VALID
            and channel.status is RevisionStatus.CURRENT
            and isinstance(channel.value, str)
        )
        code = channel.value if usable and channel is not None else None
        helper = self._helper_of(plan)
        return resolve_follow_up(
            code if isinstance(code, str) else None, _patient_telecom(patient), helper
        )

    def _helper_of(self, plan: DischargePlan | None) -> HomeCareContact | None:
        if plan is None or plan.home_helper_id is None:
            return None
        contact = self.repo.contact(plan.home_helper_id)
        if contact is None or not contact.active or contact.patient_id != plan.patient_id:
            return None
        return contact

    def _request_of(self, plan: DischargePlan | None) -> FollowUpRequest | None:
        """The plan's follow-up request: the active one, else the newest."""
        if plan is None:
            return None
        requests = [
            r for r in self.repo.follow_up_requests(plan.patient_id) if r.plan_id == plan.id
        ]
        live = [r for r in requests if r.status.live]
        chosen = live or requests
        return chosen[-1] if chosen else None

    def _preferences(self, patient: Patient) -> list[tuple[str, str]]:
        newest = self.newest_answers(patient.id)
        preferences = []
        for code in SUMMARY_PREFERENCES:
            answer = newest.get(code)
            if answer is None or answer.status is not RevisionStatus.CURRENT:
                continue
            if answer.no_answer is not None:
                continue  # asked, but no answer: nothing to state
            if self._answer_state(patient, code, answer) is not AnswerState.VALID:
                continue  # lapsed: the summary states only what is known to hold now
            question = self.catalog.question(code)
            preferences.append(
                (question.label_for(self.ctx.language), self._answer_text(code, answer))
            )
        return preferences

    # --- the plan -----------------------------------------------------------------------

    def start_plan(
        self,
        patient_id: str,
        expected_date: date | None,
        destination: Destination | None,
        note: str = "",
    ) -> DischargePlan:
        """A new plan with one task per checklist item, due ``due_days_before`` the date;
        the plan, its tasks and its note are one transaction."""
        self.ctx.patient(patient_id)
        if self.plan_of(patient_id) is not None:
            raise ValidationError("This patient already has a discharge plan.")
        prov = self.ctx.provenance(self.ctx.now(), Source.CHART, None)
        plan = DischargePlan(
            id=str(uuid.uuid4()),
            patient_id=patient_id,
            expected_date=expected_date,
            destination=destination,
            note=note.strip(),
            provenance=prov,
            unsent=True,
        )
        tasks = [
            DischargeTask(
                id=str(uuid.uuid4()),
                plan_id=plan.id,
                patient_id=patient_id,
                code=item.code,
                title=item.title,
                owner_role=item.owner_role,
                due=due_date(expected_date, item),
                status=TaskStatus.TODO,
                provenance=prov,
                unsent=True,
            )
            for item in self.ctx.checklist.items
        ]
        with self.ctx.work() as work:
            line = plan_change(None, plan)
            work.save_edit(plan, line, operation=OutboxOperation.CREATE, source=Source.CHART)
            for task in tasks:  # one line for the plan says it all
                work.save_edit(task, None, operation=OutboxOperation.CREATE)
            work.audit(AuditAction.EDIT, patient_id, "discharge plan started")
        return plan

    def save_plan(self, plan: DischargePlan) -> DischargePlan:
        """Change date, destination, helper, appointments or note of an existing plan.

        Open tasks whose due date is still the checklist default for the old date move
        with the new date (each with its own history line and outbox entry, in the same
        transaction); due dates a person set are left alone.
        """
        old = self.repo.discharge_plan(plan.id)
        if old is None:
            raise ValidationError("That discharge plan is no longer in the cache.")
        if plan.patient_id != old.patient_id:
            raise ValidationError("A discharge plan cannot move to another patient.")
        self.ctx.patient(plan.patient_id)
        if plan.home_helper_id is not None:
            self._check_helper(plan.patient_id, plan.home_helper_id)
        saved = self.ctx.stamped(plan, old)
        moved = self._moved_tasks(old, saved)
        with self.ctx.work() as work:
            line = plan_change(old, saved)
            work.save_edit(saved, line, operation=OutboxOperation.UPDATE, source=Source.CHART)
            for before, after in moved:
                moved_line = replace(task_change(before, after), action=DUE_DATE_MOVED)
                work.save_edit(
                    after, moved_line, operation=OutboxOperation.UPDATE, source=Source.CHART
                )
            work.audit(AuditAction.EDIT, saved.patient_id, "discharge plan changed")
            self.follow_up_after_change(work, saved.patient_id)
        return saved

    def set_home_helper(self, patient_id: str, contact_id: str | None) -> DischargePlan:
        """Name the person who will be at home (a contact of the patient), or nobody."""
        plan = self.plan_of(patient_id)
        if plan is None:
            raise ValidationError("Start a discharge plan first.")
        return self.save_plan(plan.model_copy(update={"home_helper_id": contact_id}))

    def _check_helper(self, patient_id: str, contact_id: str) -> None:
        contact = self.repo.contact(contact_id)
        if contact is None or contact.patient_id != patient_id or not contact.active:
            raise ValidationError("That contact is not among this patient's contacts.")
        if contact.kind is not ContactKind.PERSON:
            raise ValidationError("The helper at home must be a person, not an agency.")

    def _moved_tasks(
        self, old: DischargePlan, new: DischargePlan
    ) -> list[tuple[DischargeTask, DischargeTask]]:
        if old.expected_date == new.expected_date:
            return []
        moved = []
        for task in self.repo.discharge_tasks([old.id]).get(old.id, []):
            item = self.ctx.checklist.item(task.code)
            if item is None or task.status in (TaskStatus.DONE, TaskStatus.NOT_NEEDED):
                continue
            if task.due != due_date(old.expected_date, item):
                continue  # set by a person: it stays
            due = due_date(new.expected_date, item)
            if due != task.due:
                moved.append((task, self.ctx.stamped(task.model_copy(update={"due": due}), task)))
        return moved

    # --- checklist tasks --------------------------------------------------------------

    def save_task(self, task: DischargeTask) -> DischargeTask:
        """Change status, owner, due date or note of a task (or add one to a plan)."""
        plan = self.repo.discharge_plan(task.plan_id)
        if plan is None or plan.patient_id != task.patient_id:
            raise ValidationError("That discharge plan is no longer in the cache.")
        self.ctx.patient(task.patient_id)
        old = self.repo.discharge_task(task.id)
        if old is not None and (old.plan_id, old.patient_id, old.code) != (
            task.plan_id,
            task.patient_id,
            task.code,
        ):
            raise ValidationError("A checklist item cannot move to another plan or item.")
        if not task.code.strip() or not task.title.strip():
            raise ValidationError("A checklist item needs a name.")
        saved = self.ctx.stamped(task, old)
        line = task_change(old, saved)
        op = OutboxOperation.CREATE if old is None else OutboxOperation.UPDATE
        was_ready = self._readiness(self._tasks_of(plan), self.ctx.today()).ready
        with self.ctx.work() as work:
            work.save_edit(saved, line, operation=op, source=Source.CHART)
            work.audit(AuditAction.EDIT, saved.patient_id, f"discharge task {line.action}")
            self.follow_up_after_change(work, saved.patient_id, was_ready=was_ready)
        return saved

    def add_task(
        self,
        patient_id: str,
        title: str,
        owner_role: OwnerRole,
        *,
        due: date | None = None,
        note: str = "",
        owner: Actor | None = None,
        status: TaskStatus = TaskStatus.TODO,
    ) -> DischargeTask:
        """A checklist item this patient needs beyond the standard checklist, added to the
        patient's plan as the user typed it (one transaction, like every task edit)."""
        plan = self.plan_of(patient_id)
        if plan is None:
            raise ValidationError("Start a discharge plan first.")
        task = DischargeTask(
            id=str(uuid.uuid4()),
            plan_id=plan.id,
            patient_id=patient_id,
            code=CUSTOM_TASK_CODE,
            title=title.strip(),
            owner_role=owner_role,
            owner=owner,
            due=due,
            status=status,
            note=note.strip(),
            provenance=self.ctx.provenance(self.ctx.now(), Source.CHART, None),
        )
        return self.save_task(task)

    # --- the follow-up request ---------------------------------------------------------

    def follow_up_after_change(
        self, work: UnitOfWork, patient_id: str, *, was_ready: bool | None = None
    ) -> None:
        """Keep the plan's follow-up request in step with what changed, inside ``work``
        (the transaction of that change, whose writes are already visible here): the one
        place called after a task, plan (helper), contact or follow-up answer edit.

        - The request still meant to go out (active or on hold) whose recipient, medium
          or address no longer is the route ``resolve_follow_up`` gives now (consent
          withdrawn, another helper, another channel answer, a changed number) is
          revoked; when the new route is known, a new one replaces it (active when the
          plan is complete, on hold otherwise).
        - The plan no longer complete (an item re-opened or added): the active request
          is put on hold — the messaging system does not call while discharge is
          uncertain, and nothing is lost; complete again: it is active again.
        - The plan turning complete (``was_ready`` false before this edit, whatever the
          item's new status: done or not needed) creates the request when the plan has
          had none and the route is known — once per plan: one cancelled by a person is
          not made again by itself.
        """
        plan = self.plan_of(patient_id)
        if plan is None:
            return
        patient = self.ctx.patient(patient_id)
        follow = self._follow_up(patient, plan)
        route = follow.route
        routed = route is not None and route.ready
        ready = self._readiness(self._tasks_of(plan), self.ctx.today()).ready
        requests = [r for r in self.repo.follow_up_requests(patient_id) if r.plan_id == plan.id]
        live = next((r for r in reversed(requests) if r.status.live), None)
        if live is not None:
            if route is None or not live.same_route(route):
                self._set_request_status(
                    work, live, FollowUpStatus.REVOKED, "follow-up request re-routed"
                )
                if routed:
                    status = FollowUpStatus.ACTIVE if ready else FollowUpStatus.ON_HOLD
                    self._save_new_request(work, self._new_request(patient, plan, follow, status))
            else:
                status = FollowUpStatus.ACTIVE if ready else FollowUpStatus.ON_HOLD
                start = _start_of(plan)
                if (status, start) != (live.status, live.start):
                    if status is live.status:
                        audit = "follow-up request moved"
                    elif status is FollowUpStatus.ACTIVE:
                        audit = "follow-up request resumed"
                    else:
                        audit = "follow-up request on hold"
                    self._set_request_status(work, live, status, audit, start=start)
            return
        if ready and was_ready is False and not requests and routed:
            self._save_new_request(work, self._new_request(patient, plan, follow))

    def request_follow_up(self, patient_id: str) -> FollowUpRequest:
        """Hand the follow-up to the messaging system now (the plan was completed before
        the route was known, or the request was cancelled). An active request stays the
        one: asking twice creates no second one."""
        plan = self.plan_of(patient_id)
        if plan is None:
            raise ValidationError("Start a discharge plan first.")
        patient = self.ctx.patient(patient_id)
        if not self._readiness(self._tasks_of(plan), self.ctx.today()).ready:
            raise ValidationError(
                "The discharge plan is not complete yet: the follow-up is requested when"
                " every item is done."
            )
        follow = self._follow_up(patient, plan)
        if follow.request is not None and follow.request.status.live:
            return follow.request
        route = follow.route
        if route is not None and route.problem is FollowUpProblem.NO_CONSENT:
            raise ValidationError("This contact has not consented to receive information.")
        if route is None or not route.ready:
            raise ValidationError(
                "The follow-up channel has no number or address yet: see the Follow-up section."
            )
        request = self._new_request(patient, plan, follow)
        with self.ctx.work() as work:
            self._save_new_request(work, request)
        return request

    def cancel_follow_up(self, request_id: str) -> FollowUpRequest:
        """Withdraw a follow-up request from the messaging system (status revoked)."""
        request = self.repo.follow_up_request(request_id)
        if request is None:
            raise ValidationError("That follow-up request is no longer in the cache.")
        self.ctx.patient(request.patient_id)
        if not request.status.live:
            return request
        with self.ctx.work() as work:
            return self._set_request_status(
                work, request, FollowUpStatus.REVOKED, "follow-up request cancelled"
            )

    def _set_request_status(
        self,
        work: UnitOfWork,
        request: FollowUpRequest,
        status: FollowUpStatus,
        audit: str,
        *,
        start: datetime | None = None,
    ) -> FollowUpRequest:
        """A request's new status (and start, when given), sent to the server, with its
        History line."""
        base = request.server_version
        changed = request.model_copy(
            update={
                "status": status,
                "start": start if start is not None else request.start,
                "provenance": self.ctx.provenance(self.ctx.now(), Source.CHART, base),
                "unsent": True,
            }
        )
        work.save_edit(
            changed,
            follow_up_change(request, changed),
            operation=OutboxOperation.UPDATE,
            source=Source.CHART,
        )
        work.audit(AuditAction.EDIT, changed.patient_id, audit)
        return changed

    def _new_request(
        self,
        patient: Patient,
        plan: DischargePlan,
        follow: FollowUp,
        status: FollowUpStatus = FollowUpStatus.ACTIVE,
    ) -> FollowUpRequest:
        route = follow.route
        if route is None or route.medium is None or not route.ready:
            raise BugError("a follow-up request needs a known route")
        times: tuple[str, ...] = ()
        answer = follow.times_answer
        if answer is not None and follow.times_state is AnswerState.VALID:
            value = answer.value
            times = (
                value if isinstance(value, tuple) else (value,) if isinstance(value, str) else ()
            )
        helper = self._helper_of(plan) if route.recipient_contact_id is not None else None
        if helper is not None:  # a relative or carer: worded to them, in their language
            payload, language = follow_up_payload(
                helper.language or None, self.ctx.language, to_relative=True
            )
        else:
            payload, language = follow_up_payload(
                self._preferred_language(patient), self.ctx.language
            )
        return FollowUpRequest(
            id=str(uuid.uuid4()),
            patient_id=patient.id,
            plan_id=plan.id,
            medium=route.medium,
            recipient_contact_id=route.recipient_contact_id,
            recipient_name=route.recipient_name,
            address=route.address,
            times=times,
            payload=payload,
            language=language,
            status=status,
            start=_start_of(plan),
            provenance=self.ctx.provenance(self.ctx.now(), Source.CHART, None),
            unsent=True,
        )

    def _preferred_language(self, patient: Patient) -> str | None:
        """The patient's answer, else the language the hospital record marks preferred."""
        recorded = patient.preferred_language()
        from_record = recorded.code if recorded is not None and recorded.code else None
        answer = self.newest_answers(patient.id).get(PREFERRED_LANGUAGE_QUESTION)
        if answer is None or answer.status is not RevisionStatus.CURRENT:
            return from_record
        if (
            self._answer_state(patient, PREFERRED_LANGUAGE_QUESTION, answer)
            is not AnswerState.VALID
        ):
            return from_record
        return answer.value if isinstance(answer.value, str) else from_record

    def _save_new_request(self, work: UnitOfWork, request: FollowUpRequest) -> None:
        work.save_edit(
            request,
            follow_up_change(None, request),
            operation=OutboxOperation.CREATE,
            source=Source.CHART,
        )
        work.audit(AuditAction.EDIT, request.patient_id, "follow-up requested")

    # --- medications and contacts ------------------------------------------------------

    def reconcile_medication(
        self, med_id: str, decision: ReconciliationDecision, note: str = ""
    ) -> HomeMedication:
        """Decide what happens to a home medication at discharge; who and when are stamped.

        For a prescription from another system (read-only here) the decision lands on a
        home medication derived from it, created on the first decision.
        """
        med = self.repo.medication(med_id)
        if med is None:
            raise ValidationError("That medication is no longer in the cache.")
        self.ctx.patient(med.patient_id)
        decided = Reconciliation(
            decision=decision, decided_by=self.actor, decided_at=self.ctx.now(), note=note.strip()
        )
        old: HomeMedication | None = med
        if med.prescribed:
            if decision is ReconciliationDecision.NEW:
                raise ValidationError(
                    "The patient already has this prescription: choose continue, change or stop."
                )
            old = next(
                (m for m in self.repo.medications(med.patient_id) if m.derived_from == med.id),
                None,
            )
            target = (old or _derived_statement(med, self.ctx.now())).model_copy(
                update={"reconciliation": decided}
            )
        else:
            target = med.model_copy(update={"reconciliation": decided})
        saved = self.ctx.stamped(target, old)
        self.ctx.save_record(saved, medication_change(old, saved), created=old is None)
        return saved

    def add_new_medication(self, med: HomeMedication, note: str = "") -> HomeMedication:
        """A medication started for after discharge: added and decided "new" in one edit
        (one outbox entry, one history line, one audit entry); who and when are stamped."""
        if self.repo.medication(med.id) is not None:
            raise BugError("a new medication needs an id of its own (use new_id())")
        decided = Reconciliation(
            decision=ReconciliationDecision.NEW,
            decided_by=self.actor,
            decided_at=self.ctx.now(),
            note=note.strip(),
        )
        return self.home_care.save_medication(med.model_copy(update={"reconciliation": decided}))

    def verify_contact(self, contact_id: str) -> HomeCareContact:
        """The contact details were checked for discharge: by the current user, now."""
        contact = self.repo.contact(contact_id)
        if contact is None or not contact.active:
            raise ValidationError("That contact is no longer in the cache.")
        self.ctx.patient(contact.patient_id)
        verified = contact.model_copy(
            update={"verified_by": self.actor, "verified_at": self.ctx.now()}
        )
        saved = self.ctx.stamped(verified, contact)
        self.ctx.save_record(saved, contact_change(contact, saved), created=False)
        return saved

    # --- the summary leaving the building ----------------------------------------------

    def record_summary_output(self, patient_id: str, action: AuditAction, detail: str) -> None:
        """Audit a print or export of the discharge summary.

        ``detail`` names the kind of output ("printer", "pdf"), never a file name: a
        file name may spell out the patient's name.
        """
        if action not in (AuditAction.PRINT, AuditAction.EXPORT):
            raise BugError("a discharge summary is printed or exported, nothing else")
        self.ctx.patient(patient_id)
        text = f"discharge summary: {detail.strip()}" if detail.strip() else "discharge summary"
        with self.ctx.work() as work:
            work.audit(action, patient_id, text)

    # --- helpers ------------------------------------------------------------------------

    def unsent(self, patient_id: str) -> int:
        """The patient's plan and tasks with edits not yet on the server."""
        plan = self.plan_of(patient_id)
        if plan is None:
            return 0
        requests = [r for r in self.repo.follow_up_requests(patient_id) if r.plan_id == plan.id]
        return (
            int(plan.unsent)
            + sum(t.unsent for t in self._tasks_of(plan))
            + sum(r.unsent for r in requests)
        )


def _start_of(plan: DischargePlan) -> datetime | None:
    """From when the follow-up is due: the local start of the expected discharge day."""
    return local_start_of_day(plan.expected_date) if plan.expected_date is not None else None


def _patient_telecom(patient: Patient) -> tuple[RecordTelecom, ...]:
    """The patient's own numbers and addresses from the hospital record, as the record has
    them: ``resolve_follow_up`` reads their ``use`` (old, temporary, mobile) and ``system``
    (an SMS-capable number) when it picks one."""
    return tuple(patient.telecom)


def _one_per_patient(plans: list[PlanState]) -> list[PlanState]:
    chosen: dict[str, PlanState] = {}
    for plan in plans:
        if plan.patient_id not in chosen or plan.id < chosen[plan.patient_id].id:
            chosen[plan.patient_id] = plan
    return list(chosen.values())


def _pending_decisions(meds: list[MedicationState]) -> int:
    """How many medications still need a discharge decision (the one rule for the count).

    A prescription some home medication was derived from is represented by that one;
    a medication stopped before admission needs no decision.
    """
    represented = {m.derived_from for m in meds if m.derived_from}
    return sum(
        not m.decided
        and m.status is not MedicationStatus.STOPPED
        and not (m.prescribed and m.id in represented)
        for m in meds
    )


def _to_reconcile(meds: list[HomeMedication]) -> tuple[tuple[HomeMedication, ...], int]:
    """The medication list for discharge and how many still need a decision."""
    represented = {m.derived_from for m in meds if m.derived_from}
    shown = tuple(m for m in meds if not (m.prescribed and m.id in represented))
    states = [
        MedicationState(
            id=m.id,
            status=m.status,
            prescribed=m.prescribed,
            derived_from=m.derived_from,
            decided=m.reconciliation is not None,
        )
        for m in meds
    ]
    return shown, _pending_decisions(states)


def _derived_statement(prescription: HomeMedication, now: datetime) -> HomeMedication:
    return HomeMedication(
        id=str(uuid.uuid4()),
        patient_id=prescription.patient_id,
        name=prescription.name,
        code=prescription.code,
        dose=prescription.dose,
        route=prescription.route,
        frequency=prescription.frequency,
        status=prescription.status,
        provenance=prescription.provenance.model_copy(
            update={"recorded_at": now, "source": Source.CHART, "based_on_version": None}
        ),
        derived_from=prescription.id,
    )
