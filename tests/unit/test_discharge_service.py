"""Discharge planning through the service: what each edit leaves on disk, what the board,
the tab and the summary show.

Every edit is one transaction: the record(s), one outbox entry per record, history,
one audit entry. Refused input and failures mid-way leave nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from app import demo
from app.discharge import (
    Appointment,
    Destination,
    DischargeTask,
    OwnerRole,
    TaskStatus,
    load_checklist,
)
from app.domain import (
    Actor,
    AnswerState,
    AuditAction,
    Catalog,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    OutboxOperation,
    Patient,
    Provenance,
    Reconciliation,
    ReconciliationDecision,
    Source,
)
from app.errors import BugError, ValidationError
from app.services import CareService
from app.services.discharge import FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION
from app.store.database import Database
from tests.conftest import FIXED_NOW, NURSE, Clock

COORDINATOR = Actor(user_id="Practitioner/test-coordinator", display_name="Test Coordinator")
ADMITTED = FIXED_NOW - timedelta(days=2)
TODAY = FIXED_NOW.astimezone().date()
MakeService = Callable[..., CareService]
CHECKLIST = load_checklist()
TABLES = (
    "discharge_plans",
    "discharge_tasks",
    "medications",
    "contacts",
    "outbox",
    "history",
    "audit_log",
)


def counts(db: Database) -> dict[str, int]:
    return {t: int(db.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def grew(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {t: after[t] - before[t] for t in after if after[t] != before[t]}


def _prov(at: datetime = ADMITTED) -> Provenance:
    return Provenance(
        recorded_by=NURSE, recorded_at=at, source=Source.PATIENT, based_on_version="1"
    )


def med(pid: str, mid: str, name: str, **fields: object) -> HomeMedication:
    return HomeMedication(
        id=mid, patient_id=pid, name=name, provenance=_prov(), server_version="1", **fields
    )


def person(pid: str, cid: str, name: str, **fields: object) -> HomeCareContact:
    return HomeCareContact(
        id=cid,
        patient_id=pid,
        kind=ContactKind.PERSON,
        name=name,
        roles=(ContactRole.HELPS_AT_HOME,),
        telecom=(ContactPoint(system="phone", value="+49 171 1111111", rank=1),),
        provenance=_prov(),
        server_version="1",
        **fields,
    )


def add_patient(
    db: Database,
    catalog: Catalog,
    pid: str = "patient-1",
    *,
    bed: str = "10A",
    meds: tuple[HomeMedication, ...] = (),
    contacts: tuple[HomeCareContact, ...] = (),
) -> Patient:
    """A patient as the server sent them (nothing in the outbox)."""
    patient = Patient(
        id=pid,
        mrn=f"MRN-{pid}",
        family_name=f"Family-{pid}",
        given_name="Ada",
        birth_date=date(1941, 3, 14),
        ward=demo.DEMO_WARD,
        bed=bed,
        admitted_at=ADMITTED,
    )
    demo.load_into(db, catalog, [demo.DemoPatient(patient, (), meds, contacts)])
    return patient


def a_ward(db: Database, catalog: Catalog) -> Patient:
    return add_patient(
        db,
        catalog,
        meds=(
            med("patient-1", "m-metformin", "Metformin", dose="500 mg"),
            med("patient-1", "m-stopped", "Aspirin", status=MedicationStatus.STOPPED),
            med("patient-1", "m-rx", "Ramipril", dose="5 mg", prescribed=True),
        ),
        contacts=(
            person("patient-1", "c-daughter", "Ayse Yilmaz"),
            person("patient-1", "c-gone", "Old Neighbour", active=False),
            HomeCareContact(
                id="c-agency",
                patient_id="patient-1",
                kind=ContactKind.AGENCY,
                name="CityCare Nursing",
                roles=(ContactRole.HOME_CARE_PROVIDER,),
                provenance=_prov(),
                server_version="1",
            ),
        ),
    )


# --- starting a plan -----------------------------------------------------------------------------


def test_starting_a_plan_creates_one_task_per_checklist_item_in_one_transaction(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    service = make_service(COORDINATOR)
    before = counts(db)
    expected = TODAY + timedelta(days=3)
    plan = service.discharge.start_plan(
        patient.id, expected, Destination.HOME_WITH_SERVICES, " Daughter collects after 15:00 "
    )

    n = len(CHECKLIST.items)  # the note is part of the one plan record, not a second edit
    assert grew(before, counts(db)) == {
        "discharge_plans": 1,
        "discharge_tasks": n,
        "outbox": 1 + n,
        "history": 1,
        "audit_log": 1,
    }
    assert plan.unsent
    assert plan.note == "Daughter collects after 15:00"
    assert plan.provenance.recorded_by == COORDINATOR
    view = service.discharge.view(patient.id)
    assert view.plan == plan
    assert [t.code for t in view.tasks] == [i.code for i in CHECKLIST.items]
    for task, item in zip(view.tasks, CHECKLIST.items, strict=True):
        assert task.due == expected - timedelta(days=item.due_days_before)
        assert (task.status, task.owner_role, task.owner) == (
            TaskStatus.TODO,
            item.owner_role,
            None,
        )
        assert task.plan_id == plan.id
        assert task.unsent
    assert (view.readiness.done, view.readiness.total) == (0, n)
    outbox = service.repo.outbox()
    assert [(e.resource_type, e.operation) for e in outbox] == [
        ("CarePlan", OutboxOperation.CREATE)
    ] + [("Task", OutboxOperation.CREATE)] * n
    assert all(e.patient_id == patient.id for e in outbox)
    audit = service.repo.audit_entries()[-1]
    assert (audit.action, audit.detail, audit.user_id) == (
        AuditAction.EDIT,
        "discharge plan started",
        COORDINATOR.user_id,
    )
    line = service.repo.history(patient.id)[0]
    assert (line.area, line.subject, line.action, line.actor) == (
        "discharge",
        "Discharge plan",
        "started",
        COORDINATOR,
    )
    assert "home-with-services" in line.new_value


def test_a_plan_without_a_date_has_tasks_without_due_dates(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    service.discharge.start_plan(patient.id, None, None)
    view = service.discharge.view(patient.id)
    assert all(t.due is None for t in view.tasks)
    assert view.readiness.overdue == ()


def test_patients_without_a_plan_by_bed_until_one_is_started(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    first = add_patient(db, catalog, "p-b", bed="12B", meds=(med("p-b", "m-1", "Ramipril"),))
    second = add_patient(db, catalog, "p-a", bed="11A")
    service = make_service()
    rows = service.discharge.patients_without_plan()
    assert [r.patient_id for r in rows] == [second.id, first.id]
    assert all(not r.planned and r.expected_date is None for r in rows)
    assert rows[1].unreconciled == 1  # its home medication still needs a decision
    assert service.discharge.count_without_plan() == 2

    service.discharge.start_plan(first.id, None, None)
    assert [r.patient_id for r in service.discharge.patients_without_plan()] == [second.id]
    assert service.discharge.count_without_plan() == 1
    assert [r.patient_id for r in service.discharge.board(window_days=None)] == [first.id]


def test_a_second_plan_unknown_patient_and_failures_write_nothing(
    db: Database, catalog: Catalog, make_service: MakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = add_patient(db, catalog)
    other = add_patient(db, catalog, "patient-2", bed="10B")
    service = make_service()
    service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    before = counts(db)
    with pytest.raises(ValidationError, match="already has a discharge plan"):
        service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    with pytest.raises(ValidationError):
        service.discharge.start_plan("no-such-patient", TODAY, Destination.HOME)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk went away")

    # A failure in the middle of the transaction (here: the search index) rolls back all.
    monkeypatch.setattr("app.unit_of_work.reindex_patient", broken)
    with pytest.raises(RuntimeError):
        service.discharge.start_plan(other.id, TODAY, Destination.HOME)
    assert counts(db) == before
    assert service.discharge.plan_of(other.id) is None


# --- tasks -------------------------------------------------------------------------------------


def test_finishing_tasks_moves_readiness_everywhere(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    nurse, coordinator = make_service(NURSE), make_service(COORDINATOR)
    coordinator.discharge.start_plan(patient.id, TODAY + timedelta(days=1), Destination.HOME)
    tasks = coordinator.discharge.view(patient.id).tasks
    clock.now += timedelta(minutes=10)
    before = counts(db)
    done = nurse.discharge.save_task(
        tasks[0].model_copy(update={"status": TaskStatus.DONE, "note": "Taxi at 11:00"})
    )
    assert grew(before, counts(db)) == {"outbox": 1, "history": 1, "audit_log": 1}
    assert (done.provenance.recorded_by, done.provenance.recorded_at) == (NURSE, clock.now)
    for task in tasks[1:-1]:
        nurse.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
    nurse.discharge.save_task(tasks[-1].model_copy(update={"status": TaskStatus.NOT_NEEDED}))

    view = nurse.discharge.view(patient.id)
    assert view.readiness.ready
    assert (view.readiness.done, view.readiness.total) == (len(tasks) - 1, len(tasks) - 1)
    (row,) = nurse.discharge.board()
    assert row.readiness == view.readiness == nurse.discharge.summary(patient.id).readiness

    entry = nurse.repo.outbox()[len(tasks) + 1]
    assert (entry.resource_type, entry.operation, entry.resource_id) == (
        "Task",
        OutboxOperation.UPDATE,
        tasks[0].id,
    )
    assert entry.payload["status"] == "completed"
    history = [h for h in nurse.repo.history(patient.id) if h.subject == tasks[0].title]
    assert [(h.action, h.actor, h.area) for h in history] == [("done", NURSE, "discharge")]
    assert "Taxi at 11:00" in history[0].new_value
    assert nurse.repo.audit_entries()[-1].detail == "discharge task not needed"


def test_a_task_gets_an_owner_and_a_due_date_of_its_own(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    service.discharge.start_plan(patient.id, TODAY + timedelta(days=5), Destination.HOME)
    task = service.discharge.view(patient.id).tasks[0]
    saved = service.discharge.save_task(
        task.model_copy(
            update={
                "owner": NURSE,
                "owner_role": OwnerRole.NURSE,
                "due": TODAY - timedelta(days=1),
                "status": TaskStatus.IN_PROGRESS,
            }
        )
    )
    view = service.discharge.view(patient.id)
    assert view.tasks[0] == saved
    assert view.readiness.overdue == (task.title,)
    assert service.repo.audit_entries()[-1].detail == "discharge task in progress"


def test_tasks_cannot_move_to_another_plan_or_item(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    task = service.discharge.view(patient.id).tasks[0]
    before = counts(db)
    for change in ({"code": "equipment"}, {"plan_id": "other-plan"}, {"patient_id": "x"}):
        with pytest.raises(ValidationError):
            service.discharge.save_task(task.model_copy(update=change))
    assert counts(db) == before


def test_an_extra_task_can_be_added_to_a_plan(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    plan = service.discharge.start_plan(patient.id, TODAY + timedelta(days=2), Destination.HOME)
    extra = DischargeTask(
        id=service.new_id(),
        plan_id=plan.id,
        patient_id=patient.id,
        code="oxygen-supplier",
        title="Oxygen supplier informed",
        owner_role=OwnerRole.COORDINATOR,
        due=TODAY + timedelta(days=1),
        status=TaskStatus.TODO,
        provenance=service.provenance_now(Source.CHART),
    )
    service.discharge.save_task(extra)
    view = service.discharge.view(patient.id)
    assert view.tasks[-1].code == "oxygen-supplier"  # after the checklist's own items
    assert view.readiness.total == len(CHECKLIST.items) + 1
    assert service.repo.outbox()[-1].operation is OutboxOperation.CREATE


def test_a_task_is_added_from_what_the_user_typed_in_one_transaction(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    with pytest.raises(ValidationError, match="Start a discharge plan first"):
        service.discharge.add_task(patient.id, "Oxygen supplier informed", OwnerRole.COORDINATOR)
    plan = service.discharge.start_plan(patient.id, TODAY + timedelta(days=2), Destination.HOME)
    clock.now += timedelta(minutes=4)
    before = counts(db)
    added = service.discharge.add_task(
        patient.id,
        "  Oxygen supplier informed ",
        OwnerRole.COORDINATOR,
        due=TODAY + timedelta(days=1),
        note=" concentrator at home ",
        owner=COORDINATOR,
    )
    assert grew(before, counts(db)) == {
        "discharge_tasks": 1,
        "outbox": 1,
        "history": 1,
        "audit_log": 1,
    }
    assert (added.plan_id, added.patient_id, added.code) == (plan.id, patient.id, "custom")
    assert (added.title, added.note, added.status) == (
        "Oxygen supplier informed",
        "concentrator at home",
        TaskStatus.TODO,
    )
    assert (added.owner, added.owner_role, added.due) == (
        COORDINATOR,
        OwnerRole.COORDINATOR,
        TODAY + timedelta(days=1),
    )
    prov = added.provenance
    assert (prov.recorded_by, prov.recorded_at, prov.source) == (
        COORDINATOR,
        clock.now,
        Source.CHART,
    )
    assert added.unsent
    assert service.discharge.view(patient.id).tasks[-1] == added
    line = service.repo.history(patient.id)[0]
    assert (line.subject, line.action) == ("Oxygen supplier informed", "added")
    assert service.repo.outbox()[-1].operation is OutboxOperation.CREATE
    before = counts(db)
    with pytest.raises(ValidationError, match="needs a name"):
        service.discharge.add_task(patient.id, "   ", OwnerRole.NURSE)
    assert counts(db) == before


# --- the plan -------------------------------------------------------------------------------------


def test_a_new_date_moves_default_due_dates_but_not_those_a_person_set(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    first = TODAY + timedelta(days=4)
    plan = service.discharge.start_plan(patient.id, first, Destination.HOME)
    tasks = service.discharge.view(patient.id).tasks
    by_hand = service.discharge.save_task(
        tasks[0].model_copy(update={"due": TODAY + timedelta(days=1)})
    )
    finished = service.discharge.save_task(tasks[1].model_copy(update={"status": TaskStatus.DONE}))
    before = counts(db)
    later = first + timedelta(days=3)
    service.discharge.save_plan(plan.model_copy(update={"expected_date": later}))

    moved = len(tasks) - 2
    assert grew(before, counts(db)) == {"outbox": 1 + moved, "history": 1 + moved, "audit_log": 1}
    after = {t.id: t for t in service.discharge.view(patient.id).tasks}
    assert after[by_hand.id].due == by_hand.due
    assert after[finished.id].due == finished.due
    for task, item in zip(tasks[2:], CHECKLIST.items[2:], strict=True):
        assert after[task.id].due == later - timedelta(days=item.due_days_before)
    lines = service.repo.history(patient.id)
    assert {h.action for h in lines[:moved]} == {"due date moved with the discharge date"}
    assert service.repo.audit_entries()[-1].detail == "discharge plan changed"


def test_plan_details_round_trip_and_keep_history(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    service = make_service(COORDINATOR)
    plan = service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    clock.now += timedelta(hours=1)
    visit = Appointment(
        when=FIXED_NOW + timedelta(days=7), with_whom="Dr Weiss, GP", where="Practice"
    )
    saved = service.discharge.save_plan(
        plan.model_copy(
            update={
                "destination": Destination.REHABILITATION,
                "appointments": (visit,),
                "note": "Rehab bed confirmed",
            }
        )
    )
    assert service.discharge.plan_of(patient.id) == saved
    assert saved.provenance.recorded_at == clock.now
    line = service.repo.history(patient.id)[0]
    assert (line.action, line.area) == ("changed", "discharge")
    assert "home" in line.old_value
    assert "rehabilitation" in line.new_value
    payload = service.repo.outbox()[-1].payload
    assert payload["appointments"] == [
        {
            "when": "2026-11-30T10:30:00Z",
            "with_whom": "Dr Weiss, GP",
            "where": "Practice",
            "note": "",
        }
    ]
    with pytest.raises(ValidationError):
        service.discharge.save_plan(saved.model_copy(update={"patient_id": "someone-else"}))
    with pytest.raises(ValidationError):
        service.discharge.save_plan(saved.model_copy(update={"id": "unknown-plan"}))


def test_the_home_helper_is_a_person_among_the_patients_contacts(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    add_patient(db, catalog, "patient-2", contacts=(person("patient-2", "c-other", "Someone"),))
    service = make_service(COORDINATOR)
    with pytest.raises(ValidationError, match="Start a discharge plan first"):
        service.discharge.set_home_helper(patient.id, "c-daughter")
    service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    assert (
        service.discharge.set_home_helper(patient.id, "c-daughter").home_helper_id == "c-daughter"
    )
    assert service.discharge.summary(patient.id).home_helper is not None
    before = counts(db)
    for wrong in ("c-agency", "c-gone", "c-other", "no-such-contact"):
        with pytest.raises(ValidationError):
            service.discharge.set_home_helper(patient.id, wrong)
    assert counts(db) == before
    assert service.discharge.set_home_helper(patient.id, None).home_helper_id is None


# --- medications and contacts -------------------------------------------------------------


def test_reconciling_stamps_who_and_when_and_counts_down(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    service = make_service(COORDINATOR)
    view = service.discharge.view(patient.id)
    # Metformin and the prescription need a decision; the aspirin stopped before admission.
    assert {m.id for m in view.medications} == {"m-metformin", "m-stopped", "m-rx"}
    assert view.unreconciled == 2
    clock.now += timedelta(minutes=3)
    before = counts(db)
    decided = service.discharge.reconcile_medication(
        "m-metformin", ReconciliationDecision.CHANGE, "  1000 mg from now on "
    )
    assert grew(before, counts(db)) == {"outbox": 1, "history": 1, "audit_log": 1}
    assert decided.reconciliation == Reconciliation(
        decision=ReconciliationDecision.CHANGE,
        decided_by=COORDINATOR,
        decided_at=clock.now,
        note="1000 mg from now on",
    )
    assert decided.provenance.source is Source.PATIENT  # where the medication came from
    assert service.discharge.view(patient.id).unreconciled == 1
    line = service.repo.history(patient.id)[0]
    assert (line.area, line.action) == ("medication", "reconciled")
    assert line.new_value.endswith("(change)")
    assert service.repo.audit_entries()[-1].detail == "medication reconciled"
    entry = service.repo.outbox()[-1]
    assert (entry.resource_type, entry.operation) == (
        "MedicationStatement",
        OutboxOperation.UPDATE,
    )


def test_a_prescription_is_reconciled_through_a_home_medication_derived_from_it(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    service = make_service(COORDINATOR)
    with pytest.raises(ValidationError, match="already has this prescription"):
        service.discharge.reconcile_medication("m-rx", ReconciliationDecision.NEW)
    first = service.discharge.reconcile_medication("m-rx", ReconciliationDecision.CONTINUE)
    assert first.id != "m-rx"
    assert (first.derived_from, first.prescribed, first.name, first.dose) == (
        "m-rx",
        False,
        "Ramipril",
        "5 mg",
    )
    assert service.repo.outbox()[-1].operation is OutboxOperation.CREATE
    prescription = service.repo.medication("m-rx")
    assert prescription is not None
    assert prescription.reconciliation is None  # the prescription itself is never written
    again = service.discharge.reconcile_medication("m-rx", ReconciliationDecision.STOP)
    assert again.id == first.id  # the same derived medication, decided again
    assert service.repo.outbox()[-1].operation is OutboxOperation.UPDATE
    view = service.discharge.view(patient.id)
    names = [m.name for m in view.medications]
    assert names.count("Ramipril") == 1  # the derived one stands for the prescription
    assert view.unreconciled == 1  # Metformin


def test_a_medication_added_for_home_at_discharge_is_new_and_stamped(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    somebody = Actor(user_id="Practitioner/someone", display_name="Someone Else")
    added = service.home_care.save_medication(
        HomeMedication(
            id=service.new_id(),
            patient_id=patient.id,
            name="Enoxaparin",
            dose="40 mg",
            route="subcutaneous",
            reconciliation=Reconciliation(
                decision=ReconciliationDecision.NEW,
                decided_by=somebody,
                decided_at=FIXED_NOW - timedelta(days=3),
            ),
            provenance=service.provenance_now(Source.CHART),
        )
    )
    assert added.reconciliation is not None
    assert (added.reconciliation.decided_by, added.reconciliation.decided_at) == (
        COORDINATOR,
        clock.now,
    )
    assert service.discharge.view(patient.id).unreconciled == 0
    # An edit that leaves the decision as it was keeps who decided it.
    clock.now += timedelta(hours=1)
    edited = make_service(NURSE).home_care.save_medication(
        added.model_copy(update={"dose": "60 mg"})
    )
    assert edited.reconciliation == added.reconciliation


def test_a_new_medication_for_home_is_added_and_decided_in_one_transaction(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    clock.now += timedelta(minutes=2)
    before = counts(db)
    added = service.discharge.add_new_medication(
        HomeMedication(
            id=service.new_id(),
            patient_id=patient.id,
            name="Enoxaparin",
            dose="40 mg",
            route="subcutaneous",
            provenance=service.provenance_now(Source.CHART),
        ),
        note=" for four weeks ",
    )
    assert grew(before, counts(db)) == {
        "medications": 1,
        "outbox": 1,
        "history": 1,
        "audit_log": 1,
    }
    assert added.reconciliation == Reconciliation(
        decision=ReconciliationDecision.NEW,
        decided_by=COORDINATOR,
        decided_at=clock.now,
        note="for four weeks",
    )
    assert service.repo.medication(added.id) == added
    assert [(e.resource_id, e.operation) for e in service.repo.outbox()] == [
        (added.id, OutboxOperation.CREATE)
    ]
    sent = HomeMedication.model_validate(service.repo.outbox()[0].payload)
    assert sent.reconciliation == added.reconciliation
    line = service.repo.history(patient.id)[0]
    assert (line.area, line.action, line.new_value) == (
        "medication",
        "added",
        "Enoxaparin 40 mg subcutaneous (taking)",
    )
    assert service.repo.audit_entries()[-1].detail == "medication added"
    assert service.discharge.view(patient.id).unreconciled == 0
    # A prescription from another system cannot be added here, and nothing is written.
    before = counts(db)
    with pytest.raises(ValidationError, match="prescription in another system"):
        service.discharge.add_new_medication(
            HomeMedication(
                id=service.new_id(),
                patient_id=patient.id,
                name="Ramipril",
                prescribed=True,
                provenance=service.provenance_now(Source.CHART),
            )
        )
    with pytest.raises(BugError):
        service.discharge.add_new_medication(added)  # not new
    assert counts(db) == before


def test_verifying_a_contact_records_who_and_when(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    service = make_service(COORDINATOR)
    clock.now += timedelta(minutes=7)
    before = counts(db)
    verified = service.discharge.verify_contact("c-daughter")
    assert grew(before, counts(db)) == {"outbox": 1, "history": 1, "audit_log": 1}
    assert (verified.verified_by, verified.verified_at) == (COORDINATOR, clock.now)
    agency = service.discharge.verify_contact("c-agency")
    assert [e.resource_type for e in service.repo.outbox()] == ["RelatedPerson", "Organization"]
    assert agency.verified_by == COORDINATOR
    line = service.repo.history(patient.id)[1]
    assert (line.area, line.subject, line.action) == ("contact", "Ayse Yilmaz", "verified")
    with pytest.raises(ValidationError):
        service.discharge.verify_contact(
            "c-gone"
        )  # removed contacts are not verified for discharge
    assert {c.id for c in service.discharge.view(patient.id).contacts} == {
        "c-daughter",
        "c-agency",
    }


# --- follow-up channel from the Ask-once answers ------------------------------------------------


def test_the_follow_up_channel_comes_from_the_answers_in_the_service_language(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(NURSE)
    service.language = "de"
    follow = service.discharge.view(patient.id).follow_up
    assert (follow.state, follow.channel, follow.answered_at) == (AnswerState.NEVER_ASKED, "", None)

    service.answers.record(patient.id, FOLLOW_UP_CHANNEL_QUESTION, "phone", Source.PATIENT)
    follow = service.discharge.view(patient.id).follow_up
    assert follow.channel_state is AnswerState.VALID
    assert follow.state is AnswerState.NEVER_ASKED  # the times are still to ask
    service.answers.record(patient.id, FOLLOW_UP_TIMES_QUESTION, ("morning",), Source.PATIENT)
    follow = service.discharge.view(patient.id).follow_up
    channel = catalog.question(FOLLOW_UP_CHANNEL_QUESTION)
    times = catalog.question(FOLLOW_UP_TIMES_QUESTION)
    assert follow.state is AnswerState.VALID  # answered and valid: nobody asks again
    assert follow.channel == channel.format_value("phone", "de")
    assert follow.channel != channel.format_value("phone", "en")
    assert follow.times == times.format_value(("morning",), "de")
    assert (follow.answered_at, follow.answered_by) == (clock.now, NURSE.display_name)

    # Once the answer lapses, it is shown with the old value and due for re-confirmation.
    assert channel.validity.days is not None
    clock.now += timedelta(days=channel.validity.days + 1)
    follow = service.discharge.view(patient.id).follow_up
    assert follow.state is AnswerState.DUE
    assert follow.channel == channel.format_value("phone", "de")
    assert follow.channel_answer is not None


# --- the board --------------------------------------------------------------------------------


def test_the_board_shows_plans_due_within_the_window_most_urgent_first(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = make_service(COORDINATOR)
    dates = {
        "p-late": TODAY - timedelta(days=2),
        "p-today": TODAY,
        "p-today-overdue": TODAY,
        "p-week": TODAY + timedelta(days=7),
        "p-later": TODAY + timedelta(days=8),
        "p-undated": None,
    }
    for n, (pid, day) in enumerate(dates.items()):
        add_patient(db, catalog, pid, bed=f"1{n}A")
        service.discharge.start_plan(pid, day, Destination.HOME)
    add_patient(db, catalog, "p-no-plan", bed="20A")
    # Both are expected today; one has caught up with its checklist, the other has not.
    for task in service.discharge.view("p-today").tasks[:3]:
        service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))

    rows = service.discharge.board()
    assert [r.patient_id for r in rows] == ["p-late", "p-today-overdue", "p-today", "p-week"]
    assert rows[0].readiness.overdue  # past its date with everything open
    assert all(r.unsent for r in rows)
    every = service.discharge.board(window_days=None)
    assert [r.patient_id for r in every][-2:] == ["p-later", "p-undated"]
    assert len(every) == 6
    assert [r.patient_id for r in service.discharge.board(window_days=0)] == [
        "p-late",
        "p-today-overdue",
        "p-today",
    ]
    row = rows[0]
    assert (row.name, row.bed, row.ward, row.destination) == (
        "Family-p-late, Ada",
        "10A",
        demo.DEMO_WARD,
        Destination.HOME,
    )


def test_the_demo_board_is_alive_and_agrees_with_each_tab(demo_service: CareService) -> None:
    rows = demo_service.discharge.board(window_days=None)
    assert rows
    for row in rows:
        view = demo_service.discharge.view(row.patient_id)
        assert view.readiness == row.readiness
        assert view.unreconciled == row.unreconciled
        assert not row.unsent


# --- the summary -----------------------------------------------------------------------------


def test_the_summary_holds_what_leaves_with_the_patient(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = a_ward(db, catalog)
    service = make_service(COORDINATOR)
    service.language = "de"
    service.discharge.start_plan(patient.id, TODAY + timedelta(days=1), Destination.HOME)
    service.discharge.reconcile_medication("m-metformin", ReconciliationDecision.CONTINUE)
    service.answers.record(patient.id, "communication.preferred-language", "tr", Source.PATIENT)
    service.answers.record(patient.id, "communication.interpreter-needed", True, Source.PATIENT)
    service.answers.record(patient.id, "matters.most-important", "My cat", Source.PATIENT)
    wrong = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    service.answers.mark_entered_in_error(wrong.id, "wrong patient")

    summary = service.discharge.summary(patient.id)
    labels = dict(summary.preferences)
    language = catalog.question("communication.preferred-language")
    assert labels[language.label_for("de")] == language.format_value("tr", "de")
    interpreter = catalog.question("communication.interpreter-needed")
    assert labels[interpreter.label_for("de")] == "Ja"
    assert labels[catalog.question("matters.most-important").label_for("de")] == "My cat"
    assert catalog.question("diet.lactose").label_for("de") not in labels  # in error
    assert [m.name for m in summary.medications] == ["Metformin", "Ramipril"]  # not the aspirin
    assert summary.unreconciled == 1
    assert [c.name for c in summary.contacts] == ["Ayse Yilmaz"]
    assert [c.name for c in summary.agencies] == ["CityCare Nursing"]
    assert summary.plan is not None
    assert summary.plan.destination is Destination.HOME
    assert summary.prepared_by == COORDINATOR


def test_printing_and_exporting_are_audited_and_nothing_else_is(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    before = counts(db)
    service.discharge.record_summary_output(patient.id, AuditAction.PRINT, "printer")
    service.discharge.record_summary_output(patient.id, AuditAction.EXPORT, "pdf")
    assert grew(before, counts(db)) == {"audit_log": 2}
    printed, exported = service.repo.audit_entries()[-2:]
    assert (printed.action, printed.detail, printed.patient_id) == (
        AuditAction.PRINT,
        "discharge summary: printer",
        patient.id,
    )
    assert (exported.action, exported.detail) == (AuditAction.EXPORT, "discharge summary: pdf")
    with pytest.raises(BugError):
        service.discharge.record_summary_output(patient.id, AuditAction.EDIT, "")
    assert service.repo.verify_audit_chain() is None


# --- the chart -------------------------------------------------------------------------------


def test_the_chart_counts_unsent_plan_edits_and_shows_their_history(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service(COORDINATOR)
    assert service.charts.chart(patient.id, audit_view=False).unsent_changes == 0
    service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    chart = service.charts.chart(patient.id, audit_view=False)
    assert chart.unsent_changes == 1 + len(CHECKLIST.items)
    assert chart.history[0].area == "discharge"
    (ward_row,) = service.charts.ward()
    assert ward_row.unsent_changes == 1 + len(CHECKLIST.items)
