"""The shift handover sheet through the service: who is on it, in what order, what each
block says (and leaves out), and what printing it leaves in the audit trail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from app import demo
from app.discharge import Destination
from app.domain import (
    Allergy,
    AllergyKind,
    AnswerValue,
    AuditAction,
    Catalog,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    Patient,
    Source,
)
from app.errors import BugError
from app.services import CareService, HandoverPatient, HandoverSheet
from app.services.handover import bed_order
from app.store.database import Database
from app.store.sync_state import SyncState
from tests.conftest import FIXED_NOW, Clock

ADMITTED = FIXED_NOW - timedelta(days=2)
TODAY = FIXED_NOW.astimezone().date()
MakeService = Callable[..., CareService]


def add_patient(
    db: Database,
    catalog: Catalog,
    patient_id: str,
    bed: str,
    *,
    family_name: str = "Schmidt",
    given_name: str = "Erika",
    ward: str = demo.DEMO_WARD,
    admitted_at: datetime = ADMITTED,
    allergies: tuple[Allergy, ...] = (),
    expected_discharge: date | None = None,
) -> Patient:
    """A patient as the server sends one: nothing answered, nothing in the outbox."""
    patient = Patient(
        id=patient_id,
        mrn=f"MRN-{patient_id}",
        family_name=family_name,
        given_name=given_name,
        birth_date=date(1941, 3, 14),
        ward=ward,
        bed=bed,
        admitted_at=admitted_at,
        allergies=allergies,
        expected_discharge=expected_discharge,
    )
    demo.load_into(db, catalog, [demo.DemoPatient(patient, (), (), ())])
    return patient


def answer(service: CareService, patient_id: str, code: str, value: AnswerValue) -> None:
    service.answers.record(patient_id, code, value, Source.PATIENT)


def block(sheet: HandoverSheet, patient_id: str) -> HandoverPatient:
    return next(p for p in sheet.patients if p.patient.id == patient_id)


def helper_contact(
    service: CareService, patient_id: str, name: str, roles: tuple[ContactRole, ...]
) -> HomeCareContact:
    contact = HomeCareContact(
        id=service.new_id(),
        patient_id=patient_id,
        kind=ContactKind.PERSON,
        name=name,
        relationship="daughter",
        roles=roles,
        telecom=(
            ContactPoint(system="email", value="anna@example.org", rank=1),
            ContactPoint(system="phone", value="+49 171 2345678", rank=2),
            ContactPoint(system="phone", value="+49 30 1111111", rank=3),
        ),
        provenance=service.provenance_now(Source.FAMILY),
    )
    return service.home_care.save_contact(contact)


# --- who is on the sheet, in what order --------------------------------------------------


def test_the_ward_sheet_holds_every_assigned_patient_in_bed_order(
    demo_service: CareService, clock: Clock
) -> None:
    sheet = demo_service.handover.sheet(None)
    ward = demo_service.charts.ward()
    assert {p.patient.id for p in sheet.patients} == {r.patient.id for r in ward}
    assert len(sheet.patients) == 12
    beds = [p.patient.bed for p in sheet.patients]
    assert beds == sorted(beds, key=lambda b: (int(b[:-1]), b))
    assert sheet.whole_ward
    assert sheet.wards == (demo.DEMO_WARD,)
    assert sheet.as_of == clock()  # the session's clock, never the wall clock
    assert sheet.prepared_by == demo_service.actor


def test_beds_sort_by_number_not_as_text(db: Database, catalog: Catalog, make_service) -> None:
    for n, bed in enumerate(("10A", "9B", "2A", "Corridor", "9A")):
        add_patient(db, catalog, f"p{n}", bed)
    sheet = make_service().handover.sheet(None)
    assert [p.patient.bed for p in sheet.patients] == ["2A", "9A", "9B", "10A", "Corridor"]
    assert bed_order(sheet.patients[0].patient) < bed_order(sheet.patients[-1].patient)


def test_selected_patients_only_in_bed_order(demo_service: CareService) -> None:
    ward = demo_service.handover.sheet(None).patients
    picked = [ward[7].patient.id, ward[2].patient.id, ward[7].patient.id, "gone-meanwhile"]
    sheet = demo_service.handover.sheet(picked)
    assert [p.patient.id for p in sheet.patients] == [ward[2].patient.id, ward[7].patient.id]
    assert not sheet.whole_ward
    assert demo_service.handover.sheet([]).patients == ()


def test_patients_not_assigned_are_on_the_ward_sheet_only_when_picked(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    add_patient(db, catalog, "assigned", "1A")
    add_patient(db, catalog, "left-the-team", "2A")
    add_patient(db, catalog, "emergency", "3A")
    service = make_service()
    with db.transaction() as conn:
        SyncState(db).mark_unassigned(conn, "left-the-team", clock())
    service.access.start_break_glass("emergency", "Resuscitation on the corridor", 60)
    assert [p.patient.id for p in service.handover.sheet(None).patients] == ["assigned"]
    picked = service.handover.sheet(["emergency", "left-the-team"])
    assert [p.patient.id for p in picked.patients] == ["left-the-team", "emergency"]


# --- what a block says ---------------------------------------------------------------------


def test_identity_allergies_and_what_matters_most(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    penicillin = Allergy(substance="Penicillin", kind=AllergyKind.ALLERGY, reaction="rash")
    add_patient(db, catalog, "p1", "4C", allergies=(penicillin,))
    service = make_service()
    answer(service, "p1", "matters.most-important", "  Getting home to my cat  ")
    p = block(service.handover.sheet(None), "p1")
    assert p.patient.display_name == "Schmidt, Erika"
    assert p.patient.bed == "4C"
    assert p.patient.birth_date == date(1941, 3, 14)
    assert p.age == p.patient.age_on(TODAY) == 85
    assert p.patient.allergies == (penicillin,)
    assert p.what_matters == "Getting home to my cat"


def test_absent_communication_needs_are_left_out(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    answer(service, "p1", "communication.interpreter-needed", False)
    answer(service, "p1", "communication.interpreter-language", "tr")  # (said, but no need)
    answer(service, "p1", "communication.preferred-language", "en")  # the sheet's language
    answer(service, "p1", "mobility.hearing-aid", "none")
    answer(service, "p1", "mobility.glasses", ("none",))
    answer(service, "p1", "communication.conversation-help", ("nothing-needed",))
    p = block(service.handover.sheet(None), "p1")
    assert p.needs == ()


def test_present_communication_needs_are_worded_in_catalog_order(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    answer(service, "p1", "communication.conversation-help", ("speak-slowly", "write-down"))
    answer(service, "p1", "mobility.glasses", ("none", "reading"))  # "none" is not shown
    answer(service, "p1", "mobility.hearing-aid", "at-home")
    answer(service, "p1", "communication.preferred-language", "tr")
    answer(service, "p1", "communication.interpreter-language", "tr")
    answer(service, "p1", "communication.interpreter-needed", True)
    p = block(service.handover.sheet(None), "p1")
    assert [(n.label, n.text) for n in p.needs] == [
        ("Interpreter needed", "Turkish"),
        ("Preferred language", "Turkish"),
        ("Hearing aid", "Yes, but it is at home"),
        ("Glasses and reading", "Reading glasses"),
        (
            "Hearing, speech and conversation support",
            "Speak slowly and clearly, Write things down",
        ),
    ]


def test_an_interpreter_without_a_language_says_yes(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    answer(service, "p1", "communication.interpreter-needed", True)
    p = block(service.handover.sheet(None), "p1")
    assert [(n.label, n.text) for n in p.needs] == [("Interpreter needed", "Yes")]


def test_the_sheet_speaks_the_service_language(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    answer(service, "p1", "communication.preferred-language", "de")
    answer(service, "p1", "mobility.hearing-aid", "with-me")
    assert [n.text for n in block(service.handover.sheet(None), "p1").needs] == [
        "German",
        "Yes, and I have it with me",
    ]
    service.language = "de"
    p = block(service.handover.sheet(None), "p1")
    # German is no need on a sheet in German; the hearing aid is, in German.
    assert [n.label for n in p.needs] == ["Hörgerät"]
    assert "Hörgerät" not in p.due


def test_due_answers_are_listed_and_not_stated_as_facts(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    clock.now = ADMITTED - timedelta(days=30)  # told during an earlier stay
    answer(service, "p1", "mobility.hearing-aid", "with-me")
    answer(service, "p1", "matters.most-important", "My garden")
    answer(service, "p1", "communication.interpreter-needed", True)  # permanent: still holds
    clock.now = FIXED_NOW
    p = block(service.handover.sheet(None), "p1")
    assert p.due == ("Hearing aid", "What matters most")  # catalog order
    assert p.what_matters == ""
    assert [n.code for n in p.needs] == ["communication.interpreter-needed"]
    assert p.never_asked == len(catalog.questions) - 3
    assert p.open_questions == len(catalog.questions) - 1


def test_an_answer_entered_in_error_is_not_on_the_sheet(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    answer(service, "p1", "matters.most-important", "Wrong patient's words")
    wrong = service.repo.answers("p1")[0]
    service.answers.mark_entered_in_error(wrong.id, "recorded for the wrong patient")
    p = block(service.handover.sheet(None), "p1")
    assert p.what_matters == ""
    assert p.never_asked == len(catalog.questions)


def test_question_counts_agree_with_the_ward_list(demo_service: CareService) -> None:
    sheet = demo_service.handover.sheet(None)
    rows = {r.patient.id: r for r in demo_service.charts.ward()}
    for p in sheet.patients:
        assert p.open_questions == rows[p.patient.id].open_questions
        assert len(p.due) == rows[p.patient.id].due_questions
    # The demo ward has all of it somewhere, so the comparison means something.
    assert any(p.due for p in sheet.patients)
    assert any(p.never_asked for p in sheet.patients)
    assert any(p.needs for p in sheet.patients)
    assert any(p.what_matters for p in sheet.patients)


def test_helper_at_home_with_the_first_phone(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    add_patient(db, catalog, "p2", "2A")
    service = make_service()
    helper_contact(service, "p1", "Proxy Only", (ContactRole.LEGAL_PROXY,))
    helper_contact(service, "p1", "Anna Schmidt", (ContactRole.HELPS_AT_HOME,))
    helper_contact(service, "p2", "Not A Helper", (ContactRole.EMERGENCY_CONTACT,))
    sheet = service.handover.sheet(None)
    helper = block(sheet, "p1").helper
    assert helper is not None
    assert (helper.name, helper.relationship, helper.phone) == (
        "Anna Schmidt",
        "daughter",
        "+49 171 2345678",  # the first phone, after an e-mail address ranked above it
    )
    assert block(sheet, "p2").helper is None


def test_the_helper_the_discharge_plan_names_comes_first(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog, "p1", "1A")
    service = make_service()
    helper_contact(service, "p1", "Anna Schmidt", (ContactRole.HELPS_AT_HOME,))
    neighbour = helper_contact(service, "p1", "Neighbour Nowak", ())
    service.discharge.start_plan("p1", TODAY + timedelta(days=3), Destination.HOME)
    service.discharge.set_home_helper("p1", neighbour.id)
    helper = block(service.handover.sheet(None), "p1").helper
    assert helper is not None
    assert helper.name == "Neighbour Nowak"


def test_discharge_readiness_is_the_boards(demo_service: CareService) -> None:
    sheet = demo_service.handover.sheet(None)
    board = {r.patient_id: r for r in demo_service.discharge.board(window_days=None)}
    for p in sheet.patients:
        row = board.get(p.patient.id)
        assert p.discharge.planned is (row is not None)
        if row is None:
            assert p.discharge.expected_date == p.patient.expected_discharge
            assert p.discharge.readiness.total == 0
            continue
        assert p.discharge.expected_date == row.expected_date
        assert p.discharge.destination == row.destination
        assert p.discharge.readiness == row.readiness
        assert p.discharge.unreconciled == row.unreconciled
    assert any(p.discharge.planned for p in sheet.patients)
    assert any(p.discharge.readiness.overdue for p in sheet.patients)


def test_reading_the_sheet_writes_nothing(demo_service: CareService) -> None:
    before = len(demo_service.repo.audit_entries())
    demo_service.handover.sheet(None)
    assert len(demo_service.repo.audit_entries()) == before


# --- the audit trail -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "kind"), [(AuditAction.PRINT, "printer"), (AuditAction.EXPORT, "pdf")]
)
def test_output_is_audited_once_per_patient_without_patient_data(
    demo_service: CareService, action: AuditAction, kind: str
) -> None:
    sheet = demo_service.handover.sheet(None)
    ids = [p.patient.id for p in sheet.patients[:3]]
    demo_service.handover.record_output(ids, action, f"{kind}, 2 page(s)")
    entries = [e for e in demo_service.repo.audit_entries() if e.action is action]
    assert [e.patient_id for e in entries] == ids
    assert {e.detail for e in entries} == {f"handover sheet: 3 patients, {kind}, 2 page(s)"}
    for p in sheet.patients[:3]:
        for word in (p.patient.family_name, p.patient.given_name, p.patient.mrn, p.patient.bed):
            assert word not in entries[0].detail
    assert demo_service.repo.verify_audit_chain() is None


def test_only_print_and_export_are_audited_and_never_an_empty_sheet(
    demo_service: CareService,
) -> None:
    pid = demo_service.handover.sheet(None).patients[0].patient.id
    before = len(demo_service.repo.audit_entries())
    with pytest.raises(BugError):
        demo_service.handover.record_output([pid], AuditAction.VIEW, "")
    with pytest.raises(BugError):
        demo_service.handover.record_output([], AuditAction.PRINT, "printer")
    assert len(demo_service.repo.audit_entries()) == before
