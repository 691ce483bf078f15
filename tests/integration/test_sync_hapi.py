"""Sync against a real FHIR server: what one workstation records, the other sees.

Each test seeds its own practitioner and patients, so tests share one server.
Caches are real SQLCipher files; the key is held in memory like the demo's.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.clock import system_clock
from app.domain import (
    Answer,
    AnswerType,
    AuditAction,
    Catalog,
    Channel,
    ContactKind,
    ContactPoint,
    HomeCareContact,
    HomeMedication,
    Source,
)
from app.errors import ValidationError
from app.services import CareService
from app.store.sync_state import SyncState
from sync import mapping
from sync.conflicts import Resolution, resolve_conflict
from sync.engine import SyncFailed, Synchronizer, SyncStarted, SyncSucceeded
from tests.integration.fhir_seed import care_team, delete, get, put, put_prescription, seed_ward

pytestmark = pytest.mark.integration


def _free_text_question(catalog: Catalog) -> str:
    return next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)


def test_first_sync_downloads_exactly_the_assigned_patients(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=3)
    other = seed_ward(hapi.base_url, patients=1)  # someone else's patient
    a = workstations("a", ward.practitioner)
    summary = a.sync()
    assert summary.errors == ()
    rows = a.service.charts.ward()
    assert sorted(r.patient.id for r in rows) == sorted(ward.patients)
    assert other.patients[0] not in {r.patient.id for r in rows}
    first = next(r.patient for r in rows if r.patient.id == ward.patients[0])
    assert (first.ward, first.bed) == ("4B Internal Medicine", "10A")
    assert isinstance(a.statuses[0], SyncStarted)
    assert isinstance(a.statuses[-1], SyncSucceeded)


def test_an_answer_recorded_on_one_workstation_reaches_the_other(
    hapi, workstations, catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=2)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    b.sync()
    code = _free_text_question(catalog)
    answer = a.service.answers.record(
        ward.patients[0], code, "Daughter visits daily", Source.PATIENT
    )
    assert a.service.outbox.count() == 1
    summary = a.sync()
    assert summary.uploaded == 1
    assert a.service.outbox.count() == 0
    on_server = get(hapi.base_url, f"Observation/{answer.id}")
    assert on_server["valueString"] == "Daughter visits daily"

    b.sync()
    chart = b.service.charts.chart(ward.patients[0], audit_view=False)
    item = next(i for i in chart.board if i.question.code == code)
    assert item.answer is not None
    assert item.answer.value == "Daughter visits daily"
    assert item.answer.provenance.recorded_by.user_id == ward.practitioner


def test_the_same_field_edited_on_two_workstations_is_a_conflict_resolved_both_ways(
    hapi, workstations, catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    pid = ward.patients[0]
    code = _free_text_question(catalog)
    a.sync()
    answer = a.service.answers.record(pid, code, "first", Source.PATIENT)
    a.sync()
    b.sync()
    a.service.answers.correct(answer.id, "from A", Source.PATIENT)
    b.service.answers.correct(answer.id, "from B", Source.FAMILY)
    assert a.sync().conflicts == 0
    summary = b.sync()
    assert summary.conflicts == 1
    assert isinstance(b.statuses[-1], SyncFailed)  # honest: not "up to date"
    state = SyncState(b.db)
    [conflict] = state.conflicts()
    assert "value" in conflict.fields
    assert get(hapi.base_url, f"Observation/{answer.id}")["valueString"] == "from A"

    # Keep mine: B's value goes to the server, knowingly replacing A's.
    resolve_conflict(
        b.db, catalog, b.actor, conflict, Resolution.KEEP_MINE, workstation="b", at=b.service.now()
    )
    assert b.sync().uploaded == 1
    assert get(hapi.base_url, f"Observation/{answer.id}")["valueString"] == "from B"
    assert any("conflict resolved: keep-mine" in e.detail for e in b.service.repo.audit_entries())

    # The other way round: A edits again, B too, and B keeps theirs.
    a.sync()
    a.service.answers.correct(answer.id, "A again", Source.PATIENT)
    b.service.answers.correct(answer.id, "B again", Source.PATIENT)
    a.sync()
    b.sync()
    [conflict] = SyncState(b.db).conflicts()
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
    assert b.service.repo.answer(answer.id).value == "A again"
    assert get(hapi.base_url, f"Observation/{answer.id}")["valueString"] == "A again"


def test_different_fields_of_one_contact_merge(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    pid = ward.patients[0]
    a.sync()
    contact = a.service.home_care.save_contact(
        HomeCareContact(
            id=a.service.new_id(),
            patient_id=pid,
            kind=ContactKind.PERSON,
            name="Ayse Yilmaz",
            relationship="daughter",
            telecom=(ContactPoint(system="phone", value="+49 171 1111111", rank=1),),
            preferred_channel=Channel.PHONE,
            provenance=a.service.provenance_now(Source.PATIENT),
        )
    )
    a.sync()
    b.sync()
    a.service.home_care.save_contact(
        contact.model_copy(
            update={"telecom": (ContactPoint(system="phone", value="+49 171 2222222", rank=1),)}
        )
    )
    b_contact = b.service.repo.contact(contact.id)
    assert b_contact is not None
    b.service.home_care.save_contact(
        b_contact.model_copy(update={"preferred_channel": Channel.SMS})
    )
    a.sync()
    summary = b.sync()
    assert summary.conflicts == 0, summary
    a.sync()
    for ws in (a, b):
        merged = ws.service.repo.contact(contact.id)
        assert merged is not None
        assert merged.telecom[0].value == "+49 171 2222222"
        assert merged.preferred_channel is Channel.SMS


def test_a_record_deleted_on_the_server_is_removed_locally(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    pid = ward.patients[0]
    a.sync()
    med = a.service.home_care.save_medication(
        HomeMedication(
            id=a.service.new_id(),
            patient_id=pid,
            name="Ramipril",
            dose="5 mg",
            provenance=a.service.provenance_now(Source.PATIENT),
        )
    )
    a.sync()
    delete(hapi.base_url, f"MedicationStatement/{med.id}")
    summary = a.sync()
    assert summary.removed == 1
    assert a.service.repo.medication(med.id) is None


def test_a_patient_leaving_the_care_team_is_purged_unless_edits_wait(
    hapi, workstations, catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=2)
    a = workstations("a", ward.practitioner)
    a.sync()
    keep, leave = ward.patients
    code = _free_text_question(catalog)
    a.service.answers.record(keep, code, "unsent while unassigned", Source.PATIENT)
    # Both patients leave the practitioner's care teams; one has an unsent edit.
    put(hapi.base_url, care_team(ward.care_team, ward.practitioner, keep, status="inactive"))
    put(
        hapi.base_url, care_team(f"{ward.care_team}-1", ward.practitioner, leave, status="inactive")
    )
    # The edit was refused earlier (set aside), so it is still waiting when the patient leaves.
    a.db.execute("UPDATE outbox SET held_reason = 'refused' WHERE patient_id = ?", (keep,))
    a.sync()
    rows = {r.patient.id: r for r in a.service.charts.ward()}
    assert leave not in rows
    assert keep in rows  # kept (and flagged) until its edit reaches the server
    assert rows[keep].no_longer_assigned


def test_a_patient_who_left_stays_for_the_retention_period_then_goes(
    hapi, workstations, catalog
) -> None:
    """DESIGN.md §4: kept (flagged) for ``retention_days``, purged after; back = not due."""
    ward = seed_ward(hapi.base_url, patients=2)
    a = workstations("a", ward.practitioner)
    now = [system_clock()]
    a.engine = Synchronizer(
        a.db, catalog, a.client, ward.practitioner, clock=lambda: now[0], retention_days=7
    )
    a.sync()
    back, leave = ward.patients
    for n, pid in enumerate((back, leave)):
        team = ward.care_team if n == 0 else f"{ward.care_team}-1"
        put(hapi.base_url, care_team(team, ward.practitioner, pid, status="inactive"))
    a.sync()
    rows = {r.patient.id: r for r in a.service.charts.ward()}
    assert rows[leave].no_longer_assigned
    assert rows[back].no_longer_assigned
    # One comes back into the assignment on day 3; the other stays away.
    now[0] += timedelta(days=3)
    put(hapi.base_url, care_team(ward.care_team, ward.practitioner, back))
    a.sync()
    rows = {r.patient.id: r for r in a.service.charts.ward()}
    assert not rows[back].no_longer_assigned
    assert rows[leave].no_longer_assigned
    now[0] += timedelta(days=4, minutes=1)
    a.sync()
    rows = {r.patient.id: r for r in a.service.charts.ward()}
    assert leave not in rows  # seven days after leaving: gone from the cache
    assert back in rows


def test_break_glass_fetches_a_patient_for_a_limited_time_and_audits_both_ends(
    hapi, workstations, catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=2)
    outside = ward.patients[1]
    put(
        hapi.base_url,
        care_team(f"{ward.care_team}-1", ward.practitioner, outside, status="inactive"),
    )
    a = workstations("a", ward.practitioner)
    now = [system_clock()]
    a.service = CareService(a.db, catalog, a.actor, workstation="a", clock=lambda: now[0])
    a.engine = Synchronizer(a.db, catalog, a.client, ward.practitioner, clock=lambda: now[0])
    a.sync()
    assert {r.patient.id for r in a.service.charts.ward()} == {ward.patients[0]}
    mrn = get(hapi.base_url, f"Patient/{outside}")["identifier"][0]["value"]
    found = a.engine.find_patient(mrn)
    assert found == outside
    assert a.engine.find_patient("no-such-mrn") is None
    with pytest.raises(ValidationError):
        a.service.access.start_break_glass(found, "   ", 30)  # a reason is required
    a.service.access.start_break_glass(found, "covering bed 12 in an emergency", 30)
    a.sync()
    rows = {r.patient.id: r for r in a.service.charts.ward()}
    assert rows[outside].break_glass_until == now[0] + timedelta(minutes=30)
    now[0] += timedelta(minutes=31)
    assert a.service.access.end_expired_break_glass() == 1
    a.sync()
    assert {r.patient.id for r in a.service.charts.ward()} == {ward.patients[0]}
    trail = [e for e in a.service.repo.audit_entries() if e.action is AuditAction.BREAK_GLASS]
    assert [e.detail.split(" ")[0] for e in trail] == ["start", "end:"]
    assert "covering bed 12" in trail[0].detail
    assert all(e.patient_id == outside for e in trail)


def test_two_hundred_offline_edits_arrive_once(hapi, workstations, catalog) -> None:
    ward = seed_ward(hapi.base_url, patients=4)
    a = workstations("a", ward.practitioner)
    a.sync()
    codes = [q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT]
    made = 0
    answers: dict[tuple[str, str], Answer] = {}
    for n in range(200):
        pid = ward.patients[n % 4]
        code = codes[(n // 4) % len(codes)]
        key = (pid, code)
        if key in answers:
            a.service.answers.correct(answers[key].id, f"edit {n}", Source.PATIENT)
        else:
            answers[key] = a.service.answers.record(pid, code, f"edit {n}", Source.PATIENT)
        made += 1
    assert a.service.outbox.count() == made
    summary = a.sync()
    assert summary.errors == ()
    assert a.service.outbox.count() == 0
    bundle = get(
        hapi.base_url, "Observation", subject=f"Patient/{ward.patients[0]}", _summary="count"
    )
    expected = sum(1 for pid, _ in answers if pid == ward.patients[0])
    assert bundle["total"] == expected
    for answer in list(answers.values())[:5]:
        local = a.service.repo.answer(answer.id)
        assert local is not None
        assert get(hapi.base_url, f"Observation/{answer.id}")["valueString"] == local.value


def test_a_prescription_on_the_server_is_shown_read_only(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    put_prescription(hapi.base_url, pid, dosageInstruction=[{"text": "twice daily"}])
    a = workstations("a", ward.practitioner)
    assert a.sync().errors == ()
    [med] = a.service.charts.chart(pid, audit_view=False).medications
    assert med.prescribed
    assert med.name == "Apixaban 5 mg"
    assert a.service.outbox.count() == 0


def test_a_confirmation_and_a_correction_of_one_answer_merge(hapi, workstations, catalog) -> None:
    """A touches only the bookkeeping (still true), B the value: no conflict, B's value wins."""
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    pid = ward.patients[0]
    code = _free_text_question(catalog)
    a.sync()
    answer = a.service.answers.record(pid, code, "first", Source.PATIENT)
    a.sync()
    b.sync()
    b.service.answers.correct(answer.id, "changed", Source.FAMILY)
    a.service.answers.confirm(answer.id)
    assert b.sync().conflicts == 0
    summary = a.sync()
    assert summary.conflicts == 0
    assert a.service.outbox.count() == 0
    assert get(hapi.base_url, f"Observation/{answer.id}")["valueString"] == "changed"
    merged = a.service.repo.answer(answer.id)
    assert merged is not None
    assert merged.value == "changed"


def test_the_audit_trail_reaches_the_server_once(hapi, workstations, catalog) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    a.sync()
    pid = ward.patients[0]
    a.service.charts.chart(pid)  # a "view" entry
    a.service.answers.record(pid, _free_text_question(catalog), "x", Source.PATIENT)
    entries = a.service.repo.audit_entries()
    assert a.sync().errors == ()
    a.sync()  # nothing is sent twice
    events = get(hapi.base_url, "AuditEvent", entity=f"Patient/{pid}", _count="50")
    on_server = {e["resource"]["id"] for e in events.get("entry", [])}
    assert {mapping.audit_event_id(e) for e in entries if e.patient_id == pid} <= on_server
    assert len(on_server) == len([e for e in entries if e.patient_id == pid])
    assert a.db.query("SELECT count(*) FROM audit_log WHERE uploaded = 0") == [(0,)]


def test_a_home_care_agency_travels_as_organization_linked_by_a_care_team(
    hapi, workstations
) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    pid = ward.patients[0]
    a.sync()
    b.sync()
    agency = a.service.home_care.save_contact(
        HomeCareContact(
            id=a.service.new_id(),
            patient_id=pid,
            kind=ContactKind.AGENCY,
            name="CityCare Nursing Service",
            relationship="home-care agency",
            telecom=(ContactPoint(system="phone", value="+49 30 1234567", rank=1),),
            consent_to_share=True,
            provenance=a.service.provenance_now(Source.OTHER_SYSTEM),
        )
    )
    assert a.sync().errors == ()
    org = get(hapi.base_url, f"Organization/{agency.id}")
    assert org["name"] == "CityCare Nursing Service"
    team = get(hapi.base_url, f"CareTeam/{mapping.home_care_team_id(agency.id)}")
    assert team["subject"]["reference"] == f"Patient/{pid}"
    assert team["participant"][0]["member"]["reference"] == f"Organization/{agency.id}"

    b.sync()
    seen = b.service.repo.contact(agency.id)
    assert seen is not None
    assert seen.kind is ContactKind.AGENCY
    assert seen.telecom[0].value == "+49 30 1234567"
    assert seen.consent_to_share

    # Removed on A: the link goes inactive, and B no longer lists the agency.
    a.service.home_care.save_contact(agency.model_copy(update={"active": False}))
    a.sync()
    assert get(hapi.base_url, f"CareTeam/{mapping.home_care_team_id(agency.id)}")["status"] == (
        "inactive"
    )
    b.sync()
    assert b.service.repo.contact(agency.id) is None


def test_a_sync_when_nothing_changed_costs_a_handful_of_requests(hapi, tmp_path, catalog) -> None:
    """The cost follows the changes, not the assignment: after the first sync, one that
    finds nothing new is the assignment search and one batch of searches (HAPI does not
    declare batch in its CapabilityStatement: the engine found out by trying, once)."""
    import httpx

    from app.keys import DatabaseKey
    from app.store.database import Database
    from sync.client import FhirClient

    ward = seed_ward(hapi.base_url, patients=45)  # more than one old-style chunk of 40
    seen: list[httpx.Request] = []

    class Counting(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return super().handle_request(request)

    db = Database.open(tmp_path / "count.db", DatabaseKey.generate(), create=True)
    client = FhirClient(hapi.base_url, transport=Counting(), timeout=60, clock=system_clock)
    try:
        engine = Synchronizer(db, catalog, client, ward.practitioner, clock=system_clock)
        assert engine.sync().errors == ()
        seen.clear()

        summary = engine.sync()

        assert summary.errors == ()
        assert summary.downloaded == 0
        made = [f"{r.method} {r.url.path.rsplit('/', 1)[-1]}" for r in seen]
        assert len(seen) <= 3, made  # the assignment, one batch (and maybe a page)
        assert any(r.method == "POST" and b'"batch"' in r.content for r in seen), made
    finally:
        client.close()
        db.close()
