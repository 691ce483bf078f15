"""CareService: what a nurse's edits leave on disk, and what the board and ward list show.

Every edit must land as one record change plus exactly one outbox entry, one
history line and one audit entry; refused input must land as nothing at all.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest

from app import demo
from app.domain import (
    Actor,
    AnswerAction,
    AnswerState,
    AnswerValue,
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
    RevisionStatus,
    Source,
)
from app.errors import ValidationError
from app.services import CareService
from app.store.database import Database
from tests.conftest import FIXED_NOW, NURSE, Clock

COLLEAGUE = Actor(user_id="Practitioner/test-colleague", display_name="Test Colleague")
ADMITTED = FIXED_NOW - timedelta(days=2)
MakeService = Callable[..., CareService]


def add_patient(
    db: Database,
    catalog: Catalog,
    *,
    patient_id: str = "patient-1",
    family_name: str = "Müller",
    given_name: str = "Ingrid",
    mrn: str = "10234567",
    bed: str = "10A",
    admitted_at: datetime = ADMITTED,
) -> Patient:
    """Put a patient into the cache as if the server had sent it (nothing in the outbox)."""
    patient = Patient(
        id=patient_id,
        mrn=mrn,
        family_name=family_name,
        given_name=given_name,
        birth_date=date(1941, 3, 14),
        ward=demo.DEMO_WARD,
        bed=bed,
        admitted_at=admitted_at,
    )
    demo.load_into(db, catalog, [demo.DemoPatient(patient, (), (), ())])
    return patient


def row_counts(db: Database) -> dict[str, int]:
    tables = ("answers", "medications", "contacts", "outbox", "history", "audit_log")
    return {t: int(db.query(f"SELECT count(*) FROM {t}")[0][0]) for t in tables}


def new_medication(service: CareService, patient_id: str) -> HomeMedication:
    return HomeMedication(
        id=service.new_id(),
        patient_id=patient_id,
        name="Metformin",
        dose="500 mg",
        route="oral",
        frequency="twice daily",
        provenance=service.provenance_now(Source.PATIENT),
    )


def new_contact(service: CareService, patient_id: str) -> HomeCareContact:
    return HomeCareContact(
        id=service.new_id(),
        patient_id=patient_id,
        kind=ContactKind.PERSON,
        name="Hans Weber",
        relationship="son",
        roles=(ContactRole.EMERGENCY_CONTACT,),
        telecom=(ContactPoint(system="phone", value="+49 171 2345678", rank=1),),
        provenance=service.provenance_now(Source.FAMILY),
    )


def board_state(service: CareService, patient_id: str, code: str) -> AnswerState:
    chart = service.charts.chart(patient_id, audit_view=False)
    return next(i.state for i in chart.board if i.question.code == code)


# --- the life of an answer -------------------------------------------------------------


def test_record_confirm_correct_and_error_keep_the_whole_history(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    nurse, colleague = make_service(NURSE), make_service(COLLEAGUE)
    t0 = clock.now
    recorded = nurse.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    clock.now = t1 = t0 + timedelta(hours=1)
    colleague.answers.confirm(recorded.id, Source.FAMILY)
    clock.now = t2 = t0 + timedelta(hours=2)
    nurse.answers.correct(recorded.id, False, Source.PATIENT, note="misheard")
    clock.now = t3 = t0 + timedelta(hours=3)
    colleague.answers.mark_entered_in_error(recorded.id, "wrong patient")

    stored = nurse.repo.answer(recorded.id)
    assert stored is not None
    assert stored.status is RevisionStatus.ENTERED_IN_ERROR
    assert stored.value is False
    assert stored.effective_at == t2  # an answer in error keeps the time it was last given
    steps = [
        (r.action, r.value, r.provenance.recorded_by, r.provenance.recorded_at, r.status)
        for r in stored.history
    ]
    assert steps == [
        (AnswerAction.RECORDED, True, NURSE, t0, RevisionStatus.SUPERSEDED),
        (AnswerAction.CONFIRMED, True, COLLEAGUE, t1, RevisionStatus.SUPERSEDED),
        (AnswerAction.CORRECTED, False, NURSE, t2, RevisionStatus.SUPERSEDED),
        (AnswerAction.ENTERED_IN_ERROR, False, COLLEAGUE, t3, RevisionStatus.ENTERED_IN_ERROR),
    ]
    assert [r.provenance.source for r in stored.history] == [
        Source.PATIENT,
        Source.FAMILY,
        Source.PATIENT,
        Source.CHART,
    ]
    assert [r.note for r in stored.history] == ["", "", "misheard", "wrong patient"]

    history = [h for h in nurse.charts.chart(patient.id).history if h.area == "answer"]
    assert [(h.action, h.actor, h.at, h.old_value, h.new_value) for h in history] == [
        ("entered-in-error", COLLEAGUE, t3, "No", "No"),
        ("corrected", NURSE, t2, "Yes", "No"),
        ("confirmed", COLLEAGUE, t1, "Yes", "Yes"),
        ("recorded", NURSE, t0, "", "Yes"),
    ]
    assert {h.subject for h in history} == {"Lactose intolerance"}


def test_the_answer_a_service_returns_is_what_lands_on_disk(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer = service.answers.record(patient.id, "diet.food-dislikes", "  Liver  ", Source.FAMILY)
    assert answer.value == "Liver"
    stored = service.repo.answer(answer.id)
    assert stored is not None
    assert stored.model_dump(exclude={"unsent"}) == answer.model_dump(exclude={"unsent"})
    assert stored.unsent
    assert stored.provenance.recorded_by == NURSE
    assert stored.provenance.recorded_at == clock.now
    assert stored.provenance.source is Source.FAMILY


def test_a_recorded_answer_is_returned_as_unsent(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    answer = make_service().answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    assert answer.unsent


def test_multi_choice_codes_are_stored_in_catalog_order(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    codes = [o.code for o in catalog.question("diet.texture").options]
    service = make_service()
    answer = service.answers.record(
        patient.id, "diet.texture", (codes[2], codes[0]), Source.PATIENT
    )
    assert answer.value == (codes[0], codes[2])
    single = service.answers.correct(answer.id, codes[1], Source.PATIENT)
    assert single.value == (codes[1],)


def test_confirming_restarts_a_due_stay_answer(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    clock.now = ADMITTED - timedelta(days=40)  # given during an earlier stay
    answer = service.answers.record(patient.id, "comfort.bedtime", "21:30", Source.PATIENT)
    clock.now = FIXED_NOW
    due_before = next(r.due_questions for r in service.charts.ward() if r.patient.id == patient.id)
    assert board_state(service, patient.id, "comfort.bedtime") is AnswerState.DUE
    chart = service.charts.chart(patient.id, audit_view=False)
    shown = next(i for i in chart.board if i.question.code == "comfort.bedtime")
    assert shown.answer is not None
    assert shown.answer.value == "21:30"  # the old answer is shown while it is due

    confirmed = service.answers.confirm(answer.id)

    assert confirmed.effective_at == FIXED_NOW
    assert confirmed.value == "21:30"
    assert board_state(service, patient.id, "comfort.bedtime") is AnswerState.VALID
    due_after = next(r.due_questions for r in service.charts.ward() if r.patient.id == patient.id)
    assert due_after == due_before - 1


def test_confirming_restarts_a_lapsed_n_day_answer(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    assert catalog.question("matters.visitors").validity.days == 7
    clock.now = FIXED_NOW - timedelta(days=7)
    answer = service.answers.record(patient.id, "matters.visitors", "Family only", Source.PATIENT)
    clock.now = FIXED_NOW
    assert board_state(service, patient.id, "matters.visitors") is AnswerState.DUE
    service.answers.confirm(answer.id)
    assert board_state(service, patient.id, "matters.visitors") is AnswerState.VALID


def test_correcting_to_the_same_value_is_a_confirmation(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    clock.now += timedelta(days=1)
    again = service.answers.correct(answer.id, True, Source.PATIENT)
    assert [r.action for r in again.history] == [AnswerAction.RECORDED, AnswerAction.CONFIRMED]
    assert again.effective_at == clock.now


def test_entered_in_error_makes_the_question_never_asked_and_a_new_answer_works(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    wrong = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    assert board_state(service, patient.id, "diet.lactose") is AnswerState.VALID
    open_before = next(r.open_questions for r in service.charts.ward())

    service.answers.mark_entered_in_error(wrong.id, "charted on the wrong patient")

    chart = service.charts.chart(patient.id, audit_view=False)
    item = next(i for i in chart.board if i.question.code == "diet.lactose")
    assert item.state is AnswerState.NEVER_ASKED
    assert item.answer is None
    assert next(r.open_questions for r in service.charts.ward()) == open_before + 1

    right = service.answers.record(patient.id, "diet.lactose", False, Source.PATIENT)

    assert right.id != wrong.id
    chart = service.charts.chart(patient.id, audit_view=False)
    item = next(i for i in chart.board if i.question.code == "diet.lactose")
    assert item.state is AnswerState.VALID
    assert item.answer is not None
    assert item.answer.id == right.id
    assert item.answer.value is False
    statuses = {a.id: a.status for a in service.repo.answers(patient.id)}
    assert statuses == {
        wrong.id: RevisionStatus.ENTERED_IN_ERROR,
        right.id: RevisionStatus.CURRENT,
    }


def test_an_answer_in_error_cannot_be_revised(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    service.answers.mark_entered_in_error(answer.id, "wrong patient")
    before = row_counts(db)
    with pytest.raises(ValidationError):
        service.answers.confirm(answer.id)
    with pytest.raises(ValidationError):
        service.answers.correct(answer.id, False, Source.PATIENT)
    with pytest.raises(ValidationError):
        service.answers.mark_entered_in_error(answer.id, "again")
    assert row_counts(db) == before


def test_entered_in_error_needs_a_reason(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    before = row_counts(db)
    with pytest.raises(ValidationError):
        service.answers.mark_entered_in_error(answer.id, "   ")
    assert row_counts(db) == before
    assert board_state(service, patient.id, "diet.lactose") is AnswerState.VALID


def test_revising_a_downloaded_answer_is_based_on_its_server_version(
    demo_service: CareService,
) -> None:
    patient = demo_service.charts.ward()[0].patient
    answer = next(a for a in demo_service.repo.answers(patient.id) if a.server_version)
    confirmed = demo_service.answers.confirm(answer.id)
    assert confirmed.provenance.based_on_version == answer.server_version
    (entry,) = demo_service.repo.outbox()
    assert entry.base_version == answer.server_version
    assert entry.operation is OutboxOperation.UPDATE
    assert entry.resource_id == answer.id


# --- one edit, one outbox entry, one history line, one audit entry ---------------------


def test_each_edit_writes_one_outbox_entry_one_history_line_one_audit_entry(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer_ids: list[str] = []
    med = new_medication(service, patient.id)
    contact = new_contact(service, patient.id)

    def record() -> None:
        answer_ids.append(
            service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT).id
        )

    steps: list[tuple[str, Callable[[], object], str, str, OutboxOperation, str]] = [
        ("answer", record, "Observation", "answers", OutboxOperation.CREATE, "answer recorded"),
        (
            "answer",
            lambda: service.answers.confirm(answer_ids[0]),
            "Observation",
            "answers",
            OutboxOperation.UPDATE,
            "answer confirmed",
        ),
        (
            "answer",
            lambda: service.answers.correct(answer_ids[0], False, Source.PATIENT),
            "Observation",
            "answers",
            OutboxOperation.UPDATE,
            "answer corrected",
        ),
        (
            "answer",
            lambda: service.answers.mark_entered_in_error(answer_ids[0], "wrong patient"),
            "Observation",
            "answers",
            OutboxOperation.UPDATE,
            "answer entered-in-error",
        ),
        (
            "medication",
            lambda: service.home_care.save_medication(med),
            "MedicationStatement",
            "medications",
            OutboxOperation.CREATE,
            "medication added",
        ),
        (
            "medication",
            lambda: service.home_care.save_medication(med.model_copy(update={"dose": "1000 mg"})),
            "MedicationStatement",
            "medications",
            OutboxOperation.UPDATE,
            "medication changed",
        ),
        (
            "medication",
            lambda: service.home_care.stop_medication(med.id),
            "MedicationStatement",
            "medications",
            OutboxOperation.UPDATE,
            "medication stopped",
        ),
        (
            "contact",
            lambda: service.home_care.save_contact(contact),
            "RelatedPerson",
            "contacts",
            OutboxOperation.CREATE,
            "contact added",
        ),
        (
            "contact",
            lambda: service.home_care.save_contact(
                contact.model_copy(update={"relationship": "nephew"})
            ),
            "RelatedPerson",
            "contacts",
            OutboxOperation.UPDATE,
            "contact changed",
        ),
        (
            "contact",
            lambda: service.home_care.save_contact(contact.model_copy(update={"active": False})),
            "RelatedPerson",
            "contacts",
            OutboxOperation.UPDATE,
            "contact removed",
        ),
    ]
    for area, edit, resource_type, table, operation, detail in steps:
        before = row_counts(db)
        edit()
        after = row_counts(db)
        grew = {t: after[t] - before[t] for t in after if after[t] != before[t]}
        expected = {"outbox": 1, "history": 1, "audit_log": 1}
        if operation is OutboxOperation.CREATE:
            expected[table] = 1
        assert grew == expected, detail

        entry = service.repo.outbox()[-1]
        assert (entry.resource_type, entry.operation, entry.patient_id) == (
            resource_type,
            operation,
            patient.id,
        ), detail
        assert entry.payload["id"] == entry.resource_id
        audit = service.repo.audit_entries()[-1]
        assert (audit.action, audit.detail, audit.patient_id) == (
            AuditAction.EDIT,
            detail,
            patient.id,
        )
        assert (audit.user_id, audit.workstation) == (NURSE.user_id, "test-ws")
        line = service.repo.history(patient.id)[0]
        assert (line.area, line.actor) == (area, NURSE), detail


# --- refused input writes nothing ------------------------------------------------------


def _texture_code(catalog: Catalog) -> str:
    return catalog.question("diet.texture").options[0].code


INVALID_ANSWERS: list[tuple[str, str, Callable[[Catalog], AnswerValue]]] = [
    ("bad-option-code", "diet.diet-pattern", lambda c: "carnivore"),
    ("empty-text", "diet.food-dislikes", lambda c: ""),
    ("blank-text", "diet.food-dislikes", lambda c: "   "),
    ("bad-time", "comfort.bedtime", lambda c: "25:99"),
    ("words-for-time", "comfort.bedtime", lambda c: "half past nine"),
    ("multi-unknown-code", "diet.texture", lambda c: (_texture_code(c), "caviar")),
    ("multi-nothing-picked", "diet.texture", lambda c: ()),
    ("boolean-as-text", "diet.lactose", lambda c: "yes"),
    ("choice-as-boolean", "diet.diet-pattern", lambda c: True),
    ("bad-contact-method", "communication.preferred-channel", lambda c: "pigeon"),
]


@pytest.mark.parametrize(
    ("code", "make_value"),
    [pytest.param(code, fn, id=name) for name, code, fn in INVALID_ANSWERS],
)
def test_invalid_answers_are_refused_and_write_nothing(
    db: Database,
    catalog: Catalog,
    make_service: MakeService,
    code: str,
    make_value: Callable[[Catalog], AnswerValue],
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    before = row_counts(db)
    with pytest.raises(ValidationError):
        service.answers.record(patient.id, code, make_value(catalog), Source.PATIENT)
    assert row_counts(db) == before
    assert service.outbox.count() == 0


def test_an_invalid_correction_writes_nothing(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer = service.answers.record(patient.id, "comfort.bedtime", "21:30", Source.PATIENT)
    before = row_counts(db)
    with pytest.raises(ValidationError):
        service.answers.correct(answer.id, "25:99", Source.PATIENT)
    assert row_counts(db) == before
    stored = service.repo.answer(answer.id)
    assert stored is not None
    assert stored.value == "21:30"


def test_a_time_is_stored_as_hh_mm(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    try:
        answer = service.answers.record(patient.id, "comfort.bedtime", "7:5", Source.PATIENT)
    except ValidationError:
        return  # refusing it is fine too
    assert answer.value == "07:05"


def test_unknown_patient_question_or_record_is_refused_and_writes_nothing(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    before = row_counts(db)
    with pytest.raises(ValidationError):
        service.answers.record("no-such-patient", "diet.lactose", True, Source.PATIENT)
    with pytest.raises(ValidationError):
        service.answers.record(patient.id, "diet.caviar", True, Source.PATIENT)
    with pytest.raises(ValidationError):
        service.answers.confirm("no-such-answer")
    with pytest.raises(ValidationError):
        service.home_care.stop_medication("no-such-medication")
    with pytest.raises(ValidationError):
        service.home_care.save_medication(new_medication(service, "no-such-patient"))
    with pytest.raises(ValidationError):
        service.home_care.save_contact(new_contact(service, "no-such-patient"))
    with pytest.raises(ValidationError):
        service.charts.chart("no-such-patient")
    assert row_counts(db) == before


# --- medications and contacts ------------------------------------------------------------


def test_medication_add_edit_stop_keeps_history_and_outbox(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    nurse, colleague = make_service(NURSE), make_service(COLLEAGUE)
    med = new_medication(colleague, patient.id)  # the caller's provenance is not trusted
    added = nurse.home_care.save_medication(med)
    assert added.provenance.recorded_by == NURSE
    assert added.unsent
    clock.now += timedelta(minutes=5)
    colleague.home_care.save_medication(added.model_copy(update={"dose": "1000 mg"}))
    clock.now += timedelta(minutes=5)
    stopped = nurse.home_care.stop_medication(med.id)
    assert stopped.status is MedicationStatus.STOPPED

    chart = nurse.charts.chart(patient.id, audit_view=False)
    (shown,) = chart.medications
    assert (shown.name, shown.dose, shown.status) == ("Metformin", "1000 mg", "stopped")
    assert shown.provenance.recorded_by == NURSE
    assert shown.provenance.recorded_at == clock.now
    lines = [(h.action, h.actor, h.old_value, h.new_value) for h in chart.history]
    assert lines == [
        (
            "stopped",
            NURSE,
            "Metformin 1000 mg oral twice daily (taking)",
            "Metformin 1000 mg oral twice daily (stopped)",
        ),
        (
            "changed",
            COLLEAGUE,
            "Metformin 500 mg oral twice daily (taking)",
            "Metformin 1000 mg oral twice daily (taking)",
        ),
        ("added", NURSE, "", "Metformin 500 mg oral twice daily (taking)"),
    ]
    assert all(h.area == "medication" and h.subject == "Metformin" for h in chart.history)
    assert [(e.resource_id, e.operation) for e in nurse.repo.outbox()] == [
        (med.id, OutboxOperation.CREATE),
        (med.id, OutboxOperation.UPDATE),
        (med.id, OutboxOperation.UPDATE),
    ]
    assert nurse.repo.outbox()[-1].payload["status"] == "stopped"


def test_contact_add_edit_remove_keeps_history_and_outbox(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    contact = new_contact(service, patient.id)
    service.home_care.save_contact(contact)
    new_phone = (ContactPoint(system="phone", value="+49 30 1234567", rank=1),)
    service.home_care.save_contact(contact.model_copy(update={"telecom": new_phone}))
    service.home_care.save_contact(
        contact.model_copy(update={"telecom": new_phone, "active": False})
    )

    chart = service.charts.chart(patient.id, audit_view=False)
    (kept,) = chart.contacts  # a removed contact is kept (inactive), not deleted
    assert not kept.active
    assert kept.telecom == new_phone
    lines = [(h.action, h.old_value, h.new_value) for h in chart.history]
    assert lines == [
        (
            "removed",
            "Hans Weber; son; emergency-contact; +49 30 1234567",
            "Hans Weber; son; emergency-contact; +49 30 1234567",
        ),
        (
            "changed",
            "Hans Weber; son; emergency-contact; +49 171 2345678",
            "Hans Weber; son; emergency-contact; +49 30 1234567",
        ),
        ("added", "", "Hans Weber; son; emergency-contact; +49 171 2345678"),
    ]
    assert all(h.source is Source.FAMILY for h in chart.history)
    outbox = service.repo.outbox()
    assert [(e.resource_type, e.operation) for e in outbox] == [
        ("RelatedPerson", OutboxOperation.CREATE),
        ("RelatedPerson", OutboxOperation.UPDATE),
        ("RelatedPerson", OutboxOperation.UPDATE),
    ]
    assert outbox[-1].payload["active"] is False


# --- reading: chart, ward, audit -----------------------------------------------------------


def test_opening_a_chart_writes_one_view_audit_entry_and_nothing_else(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    before = row_counts(db)
    service.charts.chart(patient.id)
    after = row_counts(db)
    assert {t: after[t] - before[t] for t in after} == {
        "answers": 0,
        "medications": 0,
        "contacts": 0,
        "outbox": 0,
        "history": 0,
        "audit_log": 1,
    }
    entry = service.repo.audit_entries()[-1]
    assert (entry.action, entry.patient_id, entry.user_id, entry.workstation, entry.at) == (
        AuditAction.VIEW,
        patient.id,
        NURSE.user_id,
        "test-ws",
        clock.now,
    )
    service.charts.chart(patient.id, audit_view=False)
    assert row_counts(db) == after


def test_ward_counts_agree_with_the_charts(demo_service: CareService, clock: Clock) -> None:
    def check() -> None:
        rows = demo_service.charts.ward()
        assert len(rows) == 12
        for row in rows:
            chart = demo_service.charts.chart(row.patient.id, audit_view=False)
            states = [i.state for i in chart.board]
            assert row.open_questions == sum(s is not AnswerState.VALID for s in states)
            assert row.due_questions == sum(s is AnswerState.DUE for s in states)
            assert row.age == row.patient.age_on(clock.now.date())

    check()
    rows = demo_service.charts.ward()
    # The demo ward has every state somewhere, so the comparison above means something.
    assert any(r.due_questions for r in rows)
    assert any(r.open_questions > r.due_questions for r in rows)
    assert any(r.open_questions < len(demo_service.catalog.questions) for r in rows)

    # After edits (and with time passing) the two views still agree.
    first = rows[0].patient.id
    answers = demo_service.repo.answers(first)
    demo_service.answers.mark_entered_in_error(answers[-1].id, "wrong patient")
    due = next(
        i
        for r in rows
        for i in demo_service.charts.chart(r.patient.id).board
        if i.state is AnswerState.DUE
    )
    assert due.answer is not None
    demo_service.answers.confirm(due.answer.id)
    clock.now += timedelta(days=10)
    check()


def test_the_audit_chain_verifies_after_edits_and_views(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    assert service.repo.verify_audit_chain() is None  # empty chain
    answer = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    service.charts.chart(patient.id)
    service.answers.confirm(answer.id)
    service.home_care.save_medication(new_medication(service, patient.id))
    service.charts.chart(patient.id)
    entries = service.repo.audit_entries()
    assert len(entries) == 5
    assert [e.seq for e in entries] == sorted({e.seq for e in entries})
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
    assert service.repo.verify_audit_chain() is None


@pytest.mark.parametrize("column", ["user_id", "detail", "workstation", "patient_id", "at"])
def test_changing_one_byte_of_an_audit_row_is_detected_at_that_row(
    db: Database, catalog: Catalog, make_service: MakeService, column: str
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    answer = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    service.charts.chart(patient.id)
    service.answers.confirm(answer.id)
    service.charts.chart(patient.id)
    victim = service.repo.audit_entries()[2].seq
    (value,) = db.query(f"SELECT {column} FROM audit_log WHERE seq = ?", (victim,))[0]
    # Change one character, keeping the value well-formed (a digit stays a digit).
    i = next(i for i in range(len(value) - 1, -1, -1) if value[i].isalnum())
    new_char = ("1" if value[i] != "1" else "2") if value[i].isdigit() else "x"
    if new_char == value[i]:
        new_char = "y"
    tampered = value[:i] + new_char + value[i + 1 :]
    assert len(tampered.encode()) == len(value.encode())
    with db.transaction() as conn:
        conn.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (tampered, victim))
    assert service.repo.verify_audit_chain() == victim


@pytest.mark.parametrize("column", ["hash", "prev_hash"])
def test_changing_a_stored_hash_is_detected_at_that_row(
    db: Database, catalog: Catalog, make_service: MakeService, column: str
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    for _ in range(3):
        service.charts.chart(patient.id)
    victim = service.repo.audit_entries()[1].seq
    with db.transaction() as conn:
        conn.execute(
            f"UPDATE audit_log SET {column} = (CASE substr({column}, 1, 1) "
            f"WHEN 'a' THEN 'b' ELSE 'a' END) || substr({column}, 2) WHERE seq = ?",
            (victim,),
        )
    assert service.repo.verify_audit_chain() == victim


# --- unsent marks -----------------------------------------------------------------------------


def test_unsent_marks_clear_when_the_outbox_entries_are_gone(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    other = add_patient(db, catalog, patient_id="patient-2", family_name="Kaya", bed="10B")
    service = make_service()
    answer = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    service.answers.confirm(answer.id)
    med = service.home_care.save_medication(new_medication(service, patient.id))
    contact = service.home_care.save_contact(new_contact(service, patient.id))
    service.answers.record(other.id, "diet.gluten", False, Source.PATIENT)

    chart = service.charts.chart(patient.id, audit_view=False)
    assert chart.unsent_changes == 3  # three records wait for the server
    assert all(m.unsent for m in chart.medications)
    assert all(c.unsent for c in chart.contacts)

    # The server confirmed the answer's first change only: it still has one waiting.
    with db.transaction() as conn:
        conn.execute(
            "DELETE FROM outbox WHERE seq = (SELECT min(seq) FROM outbox WHERE resource_id = ?)",
            (answer.id,),
        )
    stored = service.repo.answer(answer.id)
    assert stored is not None
    assert stored.unsent

    # Now everything of the first patient reached the server.
    with db.transaction() as conn:
        conn.execute("DELETE FROM outbox WHERE patient_id = ?", (patient.id,))
    stored = service.repo.answer(answer.id)
    assert stored is not None
    assert not stored.unsent
    stored_med, stored_contact = service.repo.medication(med.id), service.repo.contact(contact.id)
    assert stored_med is not None
    assert not stored_med.unsent
    assert stored_contact is not None
    assert not stored_contact.unsent
    chart = service.charts.chart(patient.id, audit_view=False)
    assert chart.unsent_changes == 0
    item = next(i for i in chart.board if i.question.code == "diet.lactose")
    assert item.answer is not None
    assert not item.answer.unsent
    unsent_by_patient = {r.patient.id: r.unsent_changes for r in service.charts.ward()}
    assert unsent_by_patient == {patient.id: 0, other.id: 1}
    assert service.charts.chart(other.id, audit_view=False).unsent_changes == 1


def test_a_prescription_from_another_system_cannot_be_changed_here(demo_service) -> None:
    from app.domain import HomeMedication, Source
    from app.errors import ValidationError

    patient = demo_service.charts.ward()[0].patient
    prescribed = HomeMedication(
        id=demo_service.new_id(),
        patient_id=patient.id,
        name="Metformin",
        prescribed=True,
        provenance=demo_service.provenance_now(Source.OTHER_SYSTEM),
    )
    before = demo_service.outbox.count()
    with pytest.raises(ValidationError):
        demo_service.home_care.save_medication(prescribed)
    assert demo_service.outbox.count() == before
