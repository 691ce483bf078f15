"""Each assignment source against the real HAPI server: this nurse's patients, no one else's.

Every nurse seeded here also has a CareTeam for each of their patients (``seed_ward``):
with another source chosen, those teams must not matter. Each test seeds its own
practitioners, patients and wards, so tests share one server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest

from app.clock import system_clock
from app.domain import Catalog
from sync.assignment import AssignmentSource, find_assigned
from sync.client import FhirClient
from sync.engine import Synchronizer, SyncSucceeded
from tests.fhir_server import HapiServer
from tests.integration.fhir_seed import (
    put,
    put_location,
    put_patient_group,
    put_patient_list,
    put_practitioner_role,
    put_stay,
    seed_ward,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def client(hapi: HapiServer) -> Iterator[FhirClient]:
    with FhirClient(hapi.base_url, timeout=30, clock=system_clock) as fhir:
        yield fhir


def tag() -> str:
    return uuid.uuid4().hex[:8]


def assigned(client: FhirClient, source: AssignmentSource, practitioner: str) -> set[str]:
    return find_assigned(client, source, practitioner, now=system_clock())


def test_group_members_who_are_current_and_not_inactive(hapi, client) -> None:
    mine = seed_ward(hapi.base_url, patients=4)
    theirs = seed_ward(hapi.base_url, patients=1)
    now = system_clock()
    a, inactive, left, joined = mine.patients
    put_patient_group(
        hapi.base_url,
        f"group-{tag()}",
        mine.practitioner,
        {
            a: {},
            inactive: {"inactive": True},
            left: {"period": {"end": (now - timedelta(hours=1)).isoformat()}},
            joined: {"period": {"start": (now - timedelta(hours=1)).isoformat()}},
        },
    )
    put_patient_group(
        hapi.base_url, f"group-{tag()}", theirs.practitioner, {theirs.patients[0]: {}}
    )

    assert assigned(client, AssignmentSource.GROUP, mine.practitioner) == {a, joined}
    assert assigned(client, AssignmentSource.GROUP, theirs.practitioner) == {theirs.patients[0]}


def test_list_entries_of_current_lists_not_deleted(hapi, client) -> None:
    mine = seed_ward(hapi.base_url, patients=4)
    theirs = seed_ward(hapi.base_url, patients=1)
    a, b, deleted, on_retired_list = mine.patients
    put_patient_list(
        hapi.base_url, f"list-{tag()}", mine.practitioner, {a: {}, deleted: {"deleted": True}}
    )
    put_patient_list(hapi.base_url, f"list-{tag()}", mine.practitioner, {b: {}})
    put_patient_list(
        hapi.base_url, f"list-{tag()}", mine.practitioner, {on_retired_list: {}}, status="retired"
    )
    put_patient_list(hapi.base_url, f"list-{tag()}", theirs.practitioner, {theirs.patients[0]: {}})

    assert assigned(client, AssignmentSource.LIST, mine.practitioner) == {a, b}
    assert assigned(client, AssignmentSource.LIST, theirs.practitioner) == {theirs.patients[0]}


def test_the_ward_is_the_in_progress_stays_at_the_nurses_locations(hapi, client) -> None:
    t = tag()
    mine = seed_ward(hapi.base_url, patients=4)
    theirs = seed_ward(hapi.base_url, patients=1)
    ward_3a = put_location(hapi.base_url, f"ward-3a-{t}", "3A Cardiology")
    ward_3b = put_location(hapi.base_url, f"ward-3b-{t}", "3B Cardiology")
    old_ward = put_location(hapi.base_url, f"ward-old-{t}", "2C Surgery")
    their_ward = put_location(hapi.base_url, f"ward-4b-{t}", "4B Internal Medicine")
    put_practitioner_role(hapi.base_url, f"role-{t}-1", mine.practitioner, ward_3a, ward_3b)
    put_practitioner_role(hapi.base_url, f"role-{t}-2", mine.practitioner, old_ward, active=False)
    put_practitioner_role(hapi.base_url, f"role-{t}-3", theirs.practitioner, their_ward)
    on_3a, on_3b, discharged, on_old_ward = mine.patients
    put_stay(hapi.base_url, f"stay-{t}-1", on_3a, ward_3a)
    put_stay(hapi.base_url, f"stay-{t}-2", on_3b, ward_3b)
    put_stay(hapi.base_url, f"stay-{t}-3", discharged, ward_3a, status="finished")
    put_stay(hapi.base_url, f"stay-{t}-4", on_old_ward, old_ward)
    put_stay(hapi.base_url, f"stay-{t}-5", theirs.patients[0], their_ward)

    assert assigned(client, AssignmentSource.WARD, mine.practitioner) == {on_3a, on_3b}
    assert assigned(client, AssignmentSource.WARD, theirs.practitioner) == {theirs.patients[0]}


def test_a_nurse_without_a_location_has_no_ward(hapi, client, caplog) -> None:
    lonely = seed_ward(hapi.base_url, patients=1)  # a care team, but no PractitionerRole
    assert assigned(client, AssignmentSource.WARD, lonely.practitioner) == set()
    assert "no active PractitionerRole with a location" in caplog.text


def test_hapi_filters_by_every_parameter_the_sources_use(hapi, client) -> None:
    """The client checks anyway; this proves HAPI honours the parameters (no whole-hospital
    answers from a real server), so the searches stay small."""
    t = tag()
    mine = seed_ward(hapi.base_url, patients=1)
    theirs = seed_ward(hapi.base_url, patients=1)
    for who, nurse in (("mine", mine), ("theirs", theirs)):
        location = put_location(hapi.base_url, f"ward-{t}-{who}", f"Ward of {who}")
        put_patient_group(hapi.base_url, f"group-{t}-{who}", nurse.practitioner, {})
        put_patient_list(hapi.base_url, f"list-{t}-{who}", nurse.practitioner, {})
        put_practitioner_role(hapi.base_url, f"role-{t}-{who}", nurse.practitioner, location)
        put_stay(hapi.base_url, f"stay-{t}-{who}", nurse.patients[0], location)
    searches = {
        "Group": ({"managing-entity": mine.practitioner, "actual": "true"}, f"group-{t}-mine"),
        "List": ({"source": mine.practitioner, "status": "current"}, f"list-{t}-mine"),
        "PractitionerRole": (
            {"practitioner": mine.practitioner, "active": "true"},
            f"role-{t}-mine",
        ),
        "Encounter": (
            {"location": f"Location/ward-{t}-mine", "status": "in-progress"},
            f"stay-{t}-mine",
        ),
    }
    for resource_type, (params, expected) in searches.items():
        found = [r["id"] for r in client.search(resource_type, {**params, "_count": "1000"})]
        assert found == [expected], f"{resource_type}: HAPI did not filter by {sorted(params)}"


def test_a_sync_from_a_group_downloads_exactly_the_groups_patients(
    hapi, workstations, catalog: Catalog
) -> None:
    mine = seed_ward(hapi.base_url, patients=3)  # a care team for each of the three
    theirs = seed_ward(hapi.base_url, patients=1)
    a, b, not_in_group = mine.patients
    put_patient_group(
        hapi.base_url,
        f"group-{tag()}",
        mine.practitioner,
        {a: {}, b: {}, theirs.patients[0]: {"inactive": True}},
    )
    ws = workstations("group-ward", mine.practitioner)
    ws.engine = Synchronizer(
        ws.db,
        catalog,
        ws.client,
        mine.practitioner,
        on_status=ws.statuses.append,
        clock=system_clock,
        assignment_source=AssignmentSource.GROUP,
    )

    summary = ws.sync()

    assert summary.errors == ()
    assert isinstance(ws.statuses[-1], SyncSucceeded)
    assert {row.patient.id for row in ws.service.charts.ward()} == {a, b}
    assert not_in_group not in {row.patient.id for row in ws.service.charts.ward()}

    # A descriptive Group names no one's assignment, even managed by the nurse.
    put(
        hapi.base_url,
        {
            "resourceType": "Group",
            "id": f"group-{tag()}",
            "type": "person",
            "actual": False,
            "managingEntity": {"reference": mine.practitioner},
            "member": [{"entity": {"reference": f"Patient/{not_in_group}"}}],
        },
    )
    assert ws.sync().errors == ()
    assert {row.patient.id for row in ws.service.charts.ward()} == {a, b}


def test_a_sync_from_the_ward_follows_admission_and_discharge(
    hapi, workstations, catalog: Catalog
) -> None:
    t = tag()
    mine = seed_ward(hapi.base_url, patients=3)
    theirs = seed_ward(hapi.base_url, patients=1)
    ward = put_location(hapi.base_url, f"ward-{t}", "3A Cardiology")
    their_ward = put_location(hapi.base_url, f"ward-{t}-theirs", "4B Internal Medicine")
    put_practitioner_role(hapi.base_url, f"role-{t}", mine.practitioner, ward)
    put_practitioner_role(hapi.base_url, f"role-{t}-theirs", theirs.practitioner, their_ward)
    staying, going, elsewhere = mine.patients  # elsewhere: a care team, but not on the ward
    put_stay(hapi.base_url, f"stay-{t}-1", staying, ward)
    put_stay(hapi.base_url, f"stay-{t}-2", going, ward)
    put_stay(hapi.base_url, f"stay-{t}-3", theirs.patients[0], their_ward)
    ws = workstations("ward-pc", mine.practitioner)
    ws.engine = Synchronizer(
        ws.db,
        catalog,
        ws.client,
        mine.practitioner,
        clock=system_clock,
        assignment_source=AssignmentSource.WARD,
    )

    assert ws.sync().errors == ()
    assert {row.patient.id for row in ws.service.charts.ward()} == {staying, going}

    put_stay(hapi.base_url, f"stay-{t}-2", going, ward, status="finished")  # discharged
    assert ws.sync().errors == ()
    assert {row.patient.id for row in ws.service.charts.ward()} == {staying}
    assert elsewhere not in {row.patient.id for row in ws.service.charts.ward()}
