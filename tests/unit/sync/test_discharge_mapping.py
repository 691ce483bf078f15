"""Discharge planning on the wire: CarePlan, Task, the reconciliation decision, verification.

Round trips domain -> FHIR R4 -> domain, validated with fhir.resources; elements
of the server version we do not own are kept; foreign resources are refused
without patient data in the message; the three-way merge works on both types.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta

import pytest

from app.discharge import (
    CHECKLIST_SYSTEM,
    DESTINATION_SYSTEM,
    OWNER_ROLE_SYSTEM,
    Appointment,
    Destination,
    DischargePlan,
    DischargeTask,
    OwnerRole,
    TaskStatus,
)
from app.domain import (
    Actor,
    ContactKind,
    HomeCareContact,
    HomeMedication,
    Provenance,
    Reconciliation,
    ReconciliationDecision,
    Source,
)
from sync import mapping, registry
from sync.merge import three_way_merge

NURSE = Actor(user_id="Practitioner/nurse-1", display_name="Nurse One")
COORDINATOR = Actor(user_id="Practitioner/coord-1", display_name="Coordinator One")
# Millisecond precision: what a FHIR instant carries.
AT = datetime(2026, 11, 23, 10, 30, 15, 123000, tzinfo=UTC)
PROV = Provenance(recorded_by=COORDINATOR, recorded_at=AT, source=Source.CHART)


def a_plan(**fields: object) -> DischargePlan:
    values: dict[str, object] = {
        "id": "0b7c5c8e-4c5e-4d8e-9a52-8d8f7e3c1a01",
        "patient_id": "p-1",
        "expected_date": date(2026, 11, 26),
        "destination": Destination.HOME_WITH_SERVICES,
        "home_helper_id": "rp-daughter",
        "appointments": (
            Appointment(
                when=AT + timedelta(days=7),
                with_whom="Dr Weiss, GP",
                where="Practice on Lindenstraße",
                note="Bring the medication list",
            ),
            Appointment(when=None, with_whom="Home-care first visit"),
        ),
        "note": "Stairs at home: rollator downstairs",
        "provenance": PROV,
        "server_version": None,
    }
    values.update(fields)
    return DischargePlan.model_validate(values)


def a_task(**fields: object) -> DischargeTask:
    values: dict[str, object] = {
        "id": "5d0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6",
        "plan_id": "0b7c5c8e-4c5e-4d8e-9a52-8d8f7e3c1a01",
        "patient_id": "p-1",
        "code": "transport",
        "title": "Transport arranged",
        "owner_role": OwnerRole.COORDINATOR,
        "owner": NURSE,
        "due": date(2026, 11, 25),
        "status": TaskStatus.IN_PROGRESS,
        "note": "Taxi company called back",
        "provenance": PROV,
    }
    values.update(fields)
    return DischargeTask.model_validate(values)


# --- CarePlan ----------------------------------------------------------------------------------


def test_plan_round_trip() -> None:
    plan = a_plan()
    res = mapping.plan_to_care_plan(plan, task_ids=["t-1", "t-2"])
    assert (res["status"], res["intent"]) == ("active", "plan")
    assert res["category"][0]["coding"][0] == {
        "system": "http://snomed.info/sct",
        "code": "736372004",
        "display": "Discharge care plan",
    }
    assert res["category"][1]["coding"][0] == {
        "system": mapping.CARE_PLAN_CATEGORY_SYSTEM,
        "code": mapping.ASKONCE_DISCHARGE_PLAN,
    }
    assert res["subject"] == {"reference": "Patient/p-1"}
    assert res["period"] == {"end": "2026-11-26"}
    assert [a["reference"]["reference"] for a in res["activity"][:2]] == ["Task/t-1", "Task/t-2"]
    assert res["activity"][2]["detail"]["kind"] == "Appointment"
    destination = next(e for e in res["extension"] if e["url"] == mapping.EXT_DESTINATION)
    assert destination["valueCoding"] == {
        "system": DESTINATION_SYSTEM,
        "code": "home-with-services",
    }
    back = mapping.care_plan_to_plan(res)
    assert back == plan


@pytest.mark.parametrize("destination", [*Destination, None])
def test_a_plan_with_open_date_or_destination_round_trips(destination: Destination | None) -> None:
    plan = a_plan(
        expected_date=None, destination=destination, home_helper_id=None, appointments=(), note=""
    )
    res = mapping.plan_to_care_plan(plan)
    assert "period" not in res
    assert "activity" not in res
    assert mapping.care_plan_to_plan(res) == plan


def test_a_plan_keeps_what_the_server_version_has_and_we_do_not_own() -> None:
    plan = a_plan()
    server = mapping.plan_to_care_plan(plan, task_ids=["t-1"])
    server["meta"] = {"versionId": "4", "lastUpdated": "2026-11-23T11:00:00Z"}
    server["category"].append({"text": "Geriatrics"})
    server["period"]["start"] = "2026-11-20"
    server["careTeam"] = [{"reference": "CareTeam/ward-4b"}]
    server["activity"].insert(1, {"detail": {"kind": "ServiceRequest", "status": "scheduled"}})
    server["extension"].append({"url": "https://example.org/his-flag", "valueBoolean": True})
    server["created"] = "2026-11-21T08:00:00Z"
    changed = plan.model_copy(update={"expected_date": date(2026, 11, 28), "appointments": ()})
    again = mapping.plan_to_care_plan(changed, copy.deepcopy(server), task_ids=["t-2"])
    assert again["careTeam"] == server["careTeam"]
    assert again["category"][2:] == [{"text": "Geriatrics"}]  # ours once, theirs kept
    assert again["period"] == {"start": "2026-11-20", "end": "2026-11-28"}
    assert again["created"] == "2026-11-21T08:00:00Z"  # kept: when the plan was first made
    assert {"url": "https://example.org/his-flag", "valueBoolean": True} in again["extension"]
    kinds = [
        a.get("detail", {}).get("kind") or a["reference"]["reference"] for a in again["activity"]
    ]
    # Task links only grow; a foreign activity stays; our appointments are replaced (none now).
    assert kinds == ["Task/t-1", "Task/t-2", "ServiceRequest"]
    assert [e["url"] for e in again["extension"]].count(mapping.EXT_DESTINATION) == 1
    back = mapping.care_plan_to_plan({**again, "meta": server["meta"]})
    assert back.expected_date == date(2026, 11, 28)
    assert back.server_version == "4"


def test_a_plan_written_by_another_system_reads_with_defaults() -> None:
    res = {
        "resourceType": "CarePlan",
        "id": "his-plan",
        "meta": {"versionId": "1", "lastUpdated": "2026-11-22T09:00:00Z"},
        "status": "active",
        "intent": "plan",
        "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "736372004"}]}],
        "subject": {"reference": "Patient/p-9"},
        "period": {"end": "2026-11-30T12:00:00+01:00"},
    }
    plan = mapping.care_plan_to_plan(res)
    assert (plan.patient_id, plan.expected_date, plan.destination) == (
        "p-9",
        date(2026, 11, 30),
        None,
    )
    assert plan.provenance.recorded_at == datetime(2026, 11, 22, 9, tzinfo=UTC)
    assert plan.provenance.source is Source.OTHER_SYSTEM


# --- Task ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", list(TaskStatus))
def test_task_round_trip(status: TaskStatus) -> None:
    task = a_task(status=status)
    res = mapping.task_to_fhir(task)
    assert res["status"] == status.value
    assert res["intent"] == "plan"
    assert res["basedOn"] == [{"reference": f"CarePlan/{task.plan_id}"}]
    assert res["for"] == {"reference": "Patient/p-1"}
    assert res["code"]["coding"][0]["system"] == CHECKLIST_SYSTEM
    assert res["performerType"][0]["coding"][0] == {
        "system": OWNER_ROLE_SYSTEM,
        "code": "coordinator",
    }
    assert res["owner"] == {"reference": "Practitioner/nurse-1", "display": "Nurse One"}
    assert res["restriction"] == {"period": {"end": "2026-11-25"}}
    assert res["lastModified"] == "2026-11-23T10:30:15.123Z"
    assert mapping.fhir_to_task(res) == task


def test_a_task_without_owner_due_date_or_note_round_trips() -> None:
    task = a_task(owner=None, due=None, note="", owner_role=OwnerRole.SOCIAL_WORKER)
    res = mapping.task_to_fhir(task)
    assert not {"owner", "restriction", "note"} & set(res)
    assert mapping.fhir_to_task(res) == task


def test_a_task_keeps_unknown_elements_and_its_first_authored_time() -> None:
    task = a_task()
    server = mapping.task_to_fhir(task)
    server["meta"] = {"versionId": "2"}
    server["authoredOn"] = "2026-11-20T07:00:00Z"
    server["restriction"]["repetitions"] = 1
    server["basedOn"].append({"reference": "ServiceRequest/transport-order"})
    server["businessStatus"] = {"text": "waiting for taxi"}
    again = mapping.task_to_fhir(
        task.model_copy(update={"due": None, "status": TaskStatus.DONE}), copy.deepcopy(server)
    )
    assert again["authoredOn"] == "2026-11-20T07:00:00Z"
    assert again["restriction"] == {"repetitions": 1}
    assert again["businessStatus"] == {"text": "waiting for taxi"}
    assert {"reference": "ServiceRequest/transport-order"} in again["basedOn"]
    assert again["status"] == "completed"


@pytest.mark.parametrize(
    ("fhir_status", "status"),
    [
        ("ready", TaskStatus.TODO),
        ("accepted", TaskStatus.TODO),
        ("on-hold", TaskStatus.IN_PROGRESS),
        ("rejected", TaskStatus.NOT_NEEDED),
        ("entered-in-error", TaskStatus.NOT_NEEDED),
    ],
)
def test_other_fhir_task_states_read_as_the_nearest_checklist_state(
    fhir_status: str, status: TaskStatus
) -> None:
    res = mapping.task_to_fhir(a_task())
    res["status"] = fhir_status
    assert mapping.fhir_to_task(res).status is status


def test_a_foreign_task_is_refused_without_data_in_the_message() -> None:
    res = {
        "resourceType": "Task",
        "id": "lab-1",
        "status": "requested",
        "intent": "order",
        "for": {"reference": "Patient/p-1"},
        "description": "Zqxsecret blood draw",
        "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7"}]},
    }
    with pytest.raises(mapping.MappingError) as caught:
        mapping.fhir_to_task(res)
    assert "Zqxsecret" not in str(caught.value)
    assert "Task/lab-1" in str(caught.value)


def test_the_type_dispatch_knows_every_synced_type() -> None:
    assert registry.record_from_resource("Task", mapping.task_to_fhir(a_task()), None) == a_task()  # type: ignore[arg-type]
    plan = a_plan()
    res = mapping.plan_to_care_plan(plan)
    assert registry.record_from_resource("CarePlan", res, None) == plan  # type: ignore[arg-type]
    with pytest.raises(mapping.MappingError):
        registry.record_from_resource("Claim", res, None)  # type: ignore[arg-type]


# --- reconciliation decision on MedicationStatement ---------------------------------------------


@pytest.mark.parametrize("decision", list(ReconciliationDecision))
def test_a_reconciliation_decision_round_trips(decision: ReconciliationDecision) -> None:
    med = HomeMedication(
        id="m-1",
        patient_id="p-1",
        name="Ramipril",
        dose="5 mg",
        provenance=PROV,
        reconciliation=Reconciliation(
            decision=decision, decided_by=COORDINATOR, decided_at=AT, note="halve the dose"
        ),
        derived_from="rx-77" if decision is not ReconciliationDecision.NEW else None,
    )
    res = mapping.medication_to_statement(med)
    ext = next(e for e in res["extension"] if e["url"] == mapping.EXT_RECONCILIATION)
    parts = {p["url"]: p for p in ext["extension"]}
    assert parts["decision"]["valueCoding"]["code"] == decision.value
    assert parts["by"]["valueReference"]["reference"] == COORDINATOR.user_id
    back = mapping.statement_to_medication(res)
    assert back.reconciliation == med.reconciliation
    assert back.derived_from == med.derived_from


def test_derived_from_keeps_other_links_and_a_cleared_decision_goes() -> None:
    med = HomeMedication(id="m-1", patient_id="p-1", name="Ramipril", provenance=PROV)
    server = mapping.medication_to_statement(
        med.model_copy(
            update={
                "derived_from": "rx-1",
                "reconciliation": Reconciliation(
                    decision=ReconciliationDecision.STOP, decided_by=NURSE, decided_at=AT
                ),
            }
        )
    )
    server["derivedFrom"].append({"reference": "Observation/pill-count"})
    again = mapping.medication_to_statement(med, copy.deepcopy(server))
    assert again["derivedFrom"] == [{"reference": "Observation/pill-count"}]
    back = mapping.statement_to_medication(again)
    assert (back.reconciliation, back.derived_from) == (None, None)


def test_an_incomplete_decision_is_refused() -> None:
    med = HomeMedication(
        id="m-1",
        patient_id="p-1",
        name="Ramipril",
        provenance=PROV,
        reconciliation=Reconciliation(
            decision=ReconciliationDecision.CONTINUE, decided_by=NURSE, decided_at=AT
        ),
    )
    res = mapping.medication_to_statement(med)
    ext = next(e for e in res["extension"] if e["url"] == mapping.EXT_RECONCILIATION)
    ext["extension"] = [p for p in ext["extension"] if p["url"] != "at"]
    with pytest.raises(mapping.MappingError, match="MedicationStatement/m-1"):
        mapping.statement_to_medication(res)


# --- verified for discharge ---------------------------------------------------------------------


def test_verification_of_an_agency_round_trips() -> None:
    agency = HomeCareContact(
        id="org-1",
        patient_id="p-1",
        kind=ContactKind.AGENCY,
        name="CityCare Nursing",
        verified_by=COORDINATOR,
        verified_at=AT,
        provenance=PROV,
    )
    back = mapping.organization_to_contact(mapping.contact_to_organization(agency))
    assert (back.verified_by, back.verified_at) == (COORDINATOR, AT)


# --- merging edits of the same task from two workstations ----------------------------------------


def test_different_fields_of_a_task_merge_and_the_same_field_conflicts() -> None:
    base = mapping.task_to_fhir(a_task(status=TaskStatus.TODO, note=""))
    later = PROV.model_copy(update={"recorded_at": AT + timedelta(hours=1)})
    mine = mapping.task_to_fhir(
        a_task(status=TaskStatus.TODO, note="called the taxi", provenance=later), base
    )
    theirs = mapping.task_to_fhir(a_task(status=TaskStatus.DONE, note=""), base)
    merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == []
    back = mapping.fhir_to_task(merged)
    assert (back.status, back.note) == (TaskStatus.DONE, "called the taxi")
    assert back.provenance.recorded_at == later.recorded_at  # bookkeeping follows our edit

    other = mapping.task_to_fhir(a_task(status=TaskStatus.NOT_NEEDED), base)
    _merged, conflicts = three_way_merge(base, theirs, other)
    assert conflicts == ["status"]


def test_a_plan_edited_on_two_workstations_merges_field_by_field() -> None:
    base = mapping.plan_to_care_plan(a_plan(), task_ids=["t-1"])
    mine = mapping.plan_to_care_plan(
        a_plan(expected_date=date(2026, 11, 27)), base, task_ids=["t-1"]
    )
    theirs = mapping.plan_to_care_plan(
        a_plan(destination=Destination.REHABILITATION), base, task_ids=["t-1"]
    )
    merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == []
    back = mapping.care_plan_to_plan(mapping.validate(merged))
    assert (back.expected_date, back.destination) == (
        date(2026, 11, 27),
        Destination.REHABILITATION,
    )
