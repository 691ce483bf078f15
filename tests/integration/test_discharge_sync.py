"""Discharge planning through a real FHIR server: the team shares one checklist.

Workstation A starts a plan, finishes items, reconciles medications and verifies a
contact; workstation B sees the same readiness and decisions; edits flow back; the
same item changed on both goes through the conflict path; different fields merge.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from app.clock import system_clock
from app.discharge import Appointment, Destination, OwnerRole, TaskStatus
from app.domain import (
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    ReconciliationDecision,
    Source,
)
from app.store.sync_state import SyncState
from sync import mapping
from sync.conflicts import Resolution, resolve_conflict
from sync.engine import SyncFailed, SyncSucceeded
from tests.integration.conftest import Workstation
from tests.integration.fhir_seed import get, put, put_prescription, seed_ward

pytestmark = pytest.mark.integration


def _search(base_url: str, resource_type: str, **params: str) -> list[dict[str, Any]]:
    bundle = get(base_url, resource_type, **params)
    return [e["resource"] for e in bundle.get("entry", [])]


def _ms(value: object) -> object:
    """Times as the server keeps them (milliseconds), all the way down."""
    if isinstance(value, datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    if isinstance(value, dict):
        return {k: _ms(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_ms(v) for v in value]
    return value


def _same(record: BaseModel) -> object:
    """A record as both workstations must see it (unsent marks and version bookkeeping
    are each workstation's own)."""
    doc = record.model_dump(exclude={"unsent", "server_version"})
    doc["provenance"].pop("based_on_version")
    return _ms(doc)


def _comparable(ws: Workstation, pid: str) -> tuple[object, ...]:
    """What both workstations must agree on."""
    view = ws.service.discharge.view(pid)
    assert view.plan is not None
    plan = _same(view.plan)
    tasks = [_same(t) for t in view.tasks]
    meds = sorted(
        (m.name, m.reconciliation.model_dump() if m.reconciliation else None, m.derived_from)
        for m in view.medications
    )
    contacts = sorted((c.name, c.verified_by, c.verified_at) for c in view.contacts)
    return view.readiness, plan, tasks, _ms(meds), view.unreconciled, _ms(contacts)


def test_a_plan_made_on_one_workstation_is_the_same_plan_on_another(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    put_prescription(hapi.base_url, pid)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    today = a.service.today()

    # Workstation A: the coordinator's morning.
    med = a.service.home_care.save_medication(
        HomeMedication(
            id=a.service.new_id(),
            patient_id=pid,
            name="Metformin",
            dose="500 mg",
            provenance=a.service.provenance_now(Source.PATIENT),
        )
    )
    daughter = a.service.home_care.save_contact(
        HomeCareContact(
            id=a.service.new_id(),
            patient_id=pid,
            kind=ContactKind.PERSON,
            name="Ayse Yilmaz",
            relationship="daughter",
            roles=(ContactRole.HELPS_AT_HOME,),
            telecom=(ContactPoint(system="phone", value="+49 171 1111111", rank=1),),
            provenance=a.service.provenance_now(Source.PATIENT),
        )
    )
    plan = a.service.discharge.start_plan(
        pid, today + timedelta(days=2), Destination.HOME_WITH_SERVICES
    )
    tasks = a.service.discharge.view(pid).tasks
    a.service.discharge.save_task(
        tasks[0].model_copy(update={"status": TaskStatus.DONE, "note": "Taxi at 11:00"})
    )
    a.service.discharge.save_task(
        tasks[1].model_copy(
            update={"status": TaskStatus.IN_PROGRESS, "owner": a.actor, "due": today}
        )
    )
    a.service.discharge.save_task(tasks[2].model_copy(update={"status": TaskStatus.NOT_NEEDED}))
    a.service.discharge.reconcile_medication(med.id, ReconciliationDecision.CHANGE, "1000 mg")
    a.service.discharge.reconcile_medication(f"rx-{pid}", ReconciliationDecision.CONTINUE)
    a.service.discharge.verify_contact(daughter.id)
    a.service.discharge.set_home_helper(pid, daughter.id)
    current = a.service.discharge.plan_of(pid)
    assert current is not None
    a.service.discharge.save_plan(
        current.model_copy(
            update={
                "appointments": (
                    Appointment(
                        when=system_clock().replace(microsecond=0) + timedelta(days=9),
                        with_whom="Dr Weiss, GP",
                        where="Practice on Lindenstraße",
                    ),
                )
            }
        )
    )
    summary = a.sync()
    assert summary.errors == (), summary
    assert isinstance(a.statuses[-1], SyncSucceeded)
    assert a.service.outbox.count() == 0

    # On the server: a discharge CarePlan pointing at each Task, Tasks pointing back.
    care_plan = get(hapi.base_url, f"CarePlan/{plan.id}")
    assert care_plan["category"][0]["coding"][0]["code"] == mapping.DISCHARGE_CARE_PLAN
    linked = {mapping.task_reference_id(x) for x in care_plan["activity"]} - {None}
    assert linked == {t.id for t in tasks}
    on_server = _search(hapi.base_url, "Task", **{"based-on": f"CarePlan/{plan.id}"})
    assert len(on_server) == len(tasks)
    assert {t["status"] for t in on_server} >= {"completed", "in-progress", "cancelled"}

    # Workstation B sees the same plan, readiness and decisions.
    assert b.sync().errors == ()
    assert _comparable(b, pid) == _comparable(a, pid)
    view = b.service.discharge.view(pid)
    assert (view.readiness.done, view.readiness.total) == (1, len(tasks) - 1)
    assert view.plan is not None
    assert view.plan.home_helper_id == daughter.id
    assert view.plan.appointments[0].with_whom == "Dr Weiss, GP"
    assert view.unreconciled == 0
    assert [r.readiness for r in b.service.discharge.board()] == [view.readiness]
    assert any(h.area == "discharge" for h in b.service.charts.chart(pid, audit_view=False).history)

    # B finishes an item; A sees it after its next sync.
    b.service.discharge.save_task(view.tasks[1].model_copy(update={"status": TaskStatus.DONE}))
    assert b.sync().errors == ()
    assert a.sync().errors == ()
    assert a.service.discharge.view(pid).readiness.done == 2
    assert _comparable(a, pid) == _comparable(b, pid)


def test_the_same_item_changed_on_two_workstations_is_a_conflict_for_a_person(
    hapi, workstations, catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    a.service.discharge.start_plan(pid, a.service.today() + timedelta(days=3), Destination.HOME)
    a.sync()
    b.sync()
    task = a.service.discharge.view(pid).tasks[0]
    a.service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
    b_task = b.service.discharge.view(pid).tasks[0]
    b.service.discharge.save_task(b_task.model_copy(update={"status": TaskStatus.NOT_NEEDED}))
    assert a.sync().conflicts == 0
    summary = b.sync()
    assert summary.conflicts == 1
    assert isinstance(b.statuses[-1], SyncFailed)  # honest: not "up to date"
    [conflict] = SyncState(b.db).conflicts()
    assert conflict.resource_type == "Task"
    assert conflict.fields == ("status",)
    assert get(hapi.base_url, f"Task/{task.id}")["status"] == "completed"

    # Keep theirs: B takes A's "done"; both show the same readiness.
    resolve_conflict(
        b.db,
        catalog,
        b.actor,
        conflict,
        Resolution.KEEP_THEIRS,
        workstation="b",
        at=b.service.now(),
    )
    assert b.service.outbox.count() == 0
    assert b.service.discharge.view(pid).tasks[0].status is TaskStatus.DONE
    assert b.service.discharge.view(pid).readiness == a.service.discharge.view(pid).readiness

    # Again the other way round: B keeps its own, knowingly replacing A's.
    a.service.discharge.save_task(
        a.service.discharge.view(pid).tasks[0].model_copy(update={"status": TaskStatus.TODO})
    )
    b.service.discharge.save_task(
        b.service.discharge.view(pid).tasks[0].model_copy(update={"status": TaskStatus.IN_PROGRESS})
    )
    a.sync()
    b.sync()
    [conflict] = SyncState(b.db).conflicts()
    resolve_conflict(
        b.db, catalog, b.actor, conflict, Resolution.KEEP_MINE, workstation="b", at=b.service.now()
    )
    assert b.sync().errors == ()
    assert get(hapi.base_url, f"Task/{task.id}")["status"] == "in-progress"
    a.sync()
    assert a.service.discharge.view(pid).tasks[0].status is TaskStatus.IN_PROGRESS


def test_different_fields_of_the_plan_and_of_a_task_merge(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    today = a.service.today()
    a.service.discharge.start_plan(pid, today + timedelta(days=3), Destination.HOME)
    a.sync()
    b.sync()
    a_plan = a.service.discharge.plan_of(pid)
    b_plan = b.service.discharge.plan_of(pid)
    assert a_plan is not None
    assert b_plan is not None
    a.service.discharge.save_plan(a_plan.model_copy(update={"note": "Stairs: rollator"}))
    b.service.discharge.save_plan(b_plan.model_copy(update={"destination": Destination.OTHER}))
    a_task = a.service.discharge.view(pid).tasks[3]
    b_task = b.service.discharge.view(pid).tasks[3]
    a.service.discharge.save_task(a_task.model_copy(update={"note": "leaflet given"}))
    b.service.discharge.save_task(
        b_task.model_copy(update={"owner_role": OwnerRole.PHARMACIST, "owner": b.actor})
    )
    assert a.sync().conflicts == 0
    summary = b.sync()
    assert summary.conflicts == 0, summary
    assert summary.errors == ()
    a.sync()
    for ws in (a, b):
        view = ws.service.discharge.view(pid)
        assert view.plan is not None
        assert (view.plan.note, view.plan.destination) == ("Stairs: rollator", Destination.OTHER)
        merged = view.tasks[3]
        assert (merged.note, merged.owner_role, merged.owner) == (
            "leaflet given",
            OwnerRole.PHARMACIST,
            b.actor,
        )
    assert _comparable(a, pid) == _comparable(b, pid)


def test_a_new_plan_arrives_whole_even_when_the_upload_goes_one_by_one(
    hapi, workstations, catalog
) -> None:
    """A conflict elsewhere makes the transaction fail; sent singly, the plan cannot point
    at tasks the server lacks yet. It goes first without those links, then whole."""
    ward = seed_ward(hapi.base_url, patients=2)
    first, second = ward.patients
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    code = next(q.code for q in catalog.questions if q.answer_type.value == "free-text")
    a.sync()
    answer = a.service.answers.record(first, code, "first", Source.PATIENT)
    a.sync()
    b.sync()
    a.service.answers.correct(answer.id, "from A", Source.PATIENT)
    a.sync()
    b.service.answers.correct(answer.id, "from B", Source.PATIENT)  # will conflict
    plan = b.service.discharge.start_plan(second, b.service.today(), Destination.HOME)
    summary = b.sync()
    assert summary.conflicts == 1
    assert b.service.outbox.count() == 1  # only the answer in conflict waits
    care_plan = get(hapi.base_url, f"CarePlan/{plan.id}")
    linked = {mapping.task_reference_id(x) for x in care_plan["activity"]} - {None}
    assert linked == {t.id for t in b.service.discharge.view(second).tasks}
    sent = b.service.discharge.plan_of(second)
    assert sent is not None
    assert not sent.unsent
    a.sync()
    assert _comparable(a, second) == _comparable(b, second)


def test_discharge_plans_and_tasks_of_other_systems_are_left_alone(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    put(
        hapi.base_url,
        {
            "resourceType": "CarePlan",
            "id": f"his-plan-{pid}",
            "status": "active",
            "intent": "plan",
            "category": [
                {"coding": [{"system": mapping.SNOMED, "code": mapping.DISCHARGE_CARE_PLAN}]}
            ],
            "subject": {"reference": f"Patient/{pid}"},
        },
    )
    put(
        hapi.base_url,
        {
            "resourceType": "Task",
            "id": f"lab-{pid}",
            "status": "requested",
            "intent": "order",
            "for": {"reference": f"Patient/{pid}"},
            "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7"}]},
        },
    )
    a = workstations("a", ward.practitioner)
    summary = a.sync()
    assert summary.errors == ()
    assert a.service.discharge.plan_of(pid) is None
    assert a.service.discharge.board(window_days=None) == []
    plan = a.service.discharge.start_plan(pid, a.service.today(), Destination.HOME)
    assert a.sync().errors == ()
    assert get(hapi.base_url, f"CarePlan/his-plan-{pid}")["meta"]["versionId"] == "1"
    assert a.service.discharge.plan_of(pid) == a.service.repo.discharge_plan(plan.id)
