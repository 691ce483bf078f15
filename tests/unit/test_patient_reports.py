"""Answers the patient reported in a portal: offered until a nurse confirms or sets them
aside; confirming records an answer the normal way, never overwriting one silently."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain import Actor, AnswerAction, AnswerValue, AuditAction, Catalog, Provenance, Source
from app.errors import BugError, ValidationError
from app.patient_reports import PatientReport, ReportedItem, ReportStatus
from app.services import CareService
from app.services.reports import EXPORT_NAMESPACE
from app.store.database import Database
from app.store.repository import Repository
from app.unit_of_work import resource_type_of
from tests.conftest import Clock
from tests.unit.test_services import COLLEAGUE, MakeService, add_patient

PORTAL = "Patient portal"


def put_report(
    db: Database,
    clock: Clock,
    items: dict[str, AnswerValue],
    *,
    report_id: str = "qr-1",
    status: ReportStatus = ReportStatus.COMPLETED,
    source: Source = Source.PATIENT,
    authored: datetime | None = None,
) -> PatientReport:
    """A report as the sync engine stores one it downloaded (``sync.questionnaire_response``),
    filled in three days ago."""
    authored = authored or clock.now - timedelta(days=3)
    report = PatientReport(
        id=report_id,
        patient_id="patient-1",
        authored=authored,
        provenance=Provenance(
            recorded_by=Actor(user_id="Patient/patient-1", display_name="Patient"),
            recorded_at=authored,
            source=source,
        ),
        source_label=PORTAL,
        status=status,
        items=tuple(ReportedItem(question_code=code, value=value) for code, value in items.items()),
        server_version="1",
    )
    with db.transaction() as conn:
        Repository(db).put_patient_report(conn, report)
    return report


def test_reported_answers_wait_in_catalog_order_until_confirmed(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    put_report(db, clock, {"mobility.falls": True, "diet.lactose": True})
    service = make_service()

    waiting = service.reports.reports_to_confirm(patient.id)
    assert [w.question.code for w in waiting] == ["diet.lactose", "mobility.falls"]
    assert all(w.on_record is None and not w.differs for w in waiting)

    answer = service.reports.confirm_reported(patient.id, "qr-1", "diet.lactose")
    assert answer.value is True
    assert answer.provenance.source is Source.PATIENT
    assert answer.history[-1].action is AnswerAction.RECORDED
    assert answer.history[-1].note == "reported via Patient portal, 2026-11-20"
    assert answer.unsent  # on its way to the server like any answer
    assert [w.question.code for w in service.reports.reports_to_confirm(patient.id)] == [
        "mobility.falls"
    ]
    # a second key press on the same row changes nothing
    assert service.reports.confirm_reported(patient.id, "qr-1", "diet.lactose").id == answer.id
    assert len(service.repo.answers(patient.id)) == 1


def test_a_different_answer_on_record_is_shown_and_corrected_only_when_confirmed(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    clock.now -= timedelta(days=30)  # asked at an earlier stay
    old = service.answers.record(patient.id, "diet.diet-pattern", "vegan", Source.PATIENT)
    clock.now += timedelta(days=30)
    put_report(db, clock, {"diet.diet-pattern": "vegan"})
    clock.now += timedelta(days=1)
    put_report(db, clock, {"diet.diet-pattern": "vegetarian"}, report_id="qr-2")  # newer

    waiting = service.reports.reports_to_confirm(patient.id)
    assert [(w.report.id, w.question.code) for w in waiting] == [("qr-2", "diet.diet-pattern")]
    assert waiting[0].differs
    assert waiting[0].on_record is not None
    assert waiting[0].on_record.value == "vegan"  # nothing overwritten yet
    assert service.repo.answer(old.id).value == "vegan"  # type: ignore[union-attr]

    corrected = service.reports.confirm_reported(patient.id, "qr-2", "diet.diet-pattern")
    assert corrected.id == old.id
    assert corrected.value == "vegetarian"
    assert corrected.history[-1].action is AnswerAction.CORRECTED
    assert service.reports.reports_to_confirm(patient.id) == []


def test_an_answer_given_since_the_report_wins(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    put_report(db, clock, {"diet.lactose": True})
    service.answers.record(patient.id, "diet.lactose", False, Source.PATIENT)
    assert service.reports.reports_to_confirm(patient.id) == []


def test_set_aside_is_kept_in_history_and_audit_and_survives_an_unchanged_new_version(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    put_report(db, clock, {"diet.lactose": True, "mobility.falls": True})

    service.reports.dismiss_reported(patient.id, "qr-1", "mobility.falls")
    assert [w.question.code for w in service.reports.reports_to_confirm(patient.id)] == [
        "diet.lactose"
    ]
    assert service.repo.answers(patient.id) == []
    history = service.charts.chart(patient.id, audit_view=False).history
    assert history[0].action == "patient-reported answer set aside"
    assert history[0].new_value == "Yes"
    assert service.repo.audit_entries()[-1].action is AuditAction.EDIT

    # the server sends a new version: an unchanged answer stays set aside, a changed one is back
    stored = service.repo.patient_report("qr-1")
    assert stored is not None
    assert stored.dismissed == ("mobility.falls",)
    newer = stored.model_copy(update={"dismissed": (), "server_version": "2"})
    with db.transaction() as conn:
        service.repo.put_patient_report(conn, newer)
    assert service.repo.patient_report("qr-1").dismissed == ("mobility.falls",)  # type: ignore[union-attr]
    amended = newer.model_copy(
        update={
            "server_version": "3",
            "items": (
                newer.items[0],
                newer.items[1].model_copy(update={"value": False}),
            ),
        }
    )
    with db.transaction() as conn:
        service.repo.put_patient_report(conn, amended)
    codes = [w.question.code for w in service.reports.reports_to_confirm(patient.id)]
    assert codes == ["diet.lactose", "mobility.falls"]


def test_unfinished_or_withdrawn_reports_are_not_offered(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    put_report(db, clock, {"diet.lactose": True}, status=ReportStatus.IN_PROGRESS)
    put_report(
        db, clock, {"diet.gluten": True}, report_id="qr-2", status=ReportStatus.ENTERED_IN_ERROR
    )
    service = make_service()
    assert service.reports.reports_to_confirm(patient.id) == []
    with pytest.raises(ValidationError):
        service.reports.confirm_reported(patient.id, "qr-1", "diet.lactose")


def test_answers_for_export_are_the_current_ones_and_the_export_is_audited_once_done(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    kept = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)
    wrong = service.answers.record(patient.id, "diet.gluten", True, Source.PATIENT)
    service.answers.mark_entered_in_error(wrong.id, "wrong patient")
    audited = len(service.repo.audit_entries())

    export = service.reports.export_answers(patient.id)
    assert [a.id for a in export.answers] == [kept.id]
    assert (export.mrn, export.display) == (patient.mrn, patient.display_name)
    # nothing in the audit trail before the file is written or the server took it
    assert len(service.repo.audit_entries()) == audited
    service.reports.exported(patient.id, to_server=True)
    assert service.repo.audit_entries()[-1].action is AuditAction.EXPORT
    assert "to the server" in service.repo.audit_entries()[-1].detail


def test_answers_due_for_re_confirmation_are_left_out_of_the_export_and_counted(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    clock.now -= timedelta(days=91)  # falls: valid 90 days
    service.answers.record(patient.id, "mobility.falls", True, Source.PATIENT)
    clock.now += timedelta(days=91)
    lactose = service.answers.record(patient.id, "diet.lactose", True, Source.PATIENT)

    export = service.reports.export_answers(patient.id)
    assert [a.id for a in export.answers] == [lactose.id]
    assert export.left_out == 1


def test_one_stable_response_id_per_patient(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    first = service.reports.export_answers(patient.id, to_server=True)
    clock.now += timedelta(hours=2)
    again = service.reports.export_answers(patient.id, to_server=True)
    assert first.response_id == again.response_id == str(uuid.uuid5(EXPORT_NAMESPACE, patient.id))
    other = add_patient(db, catalog, patient_id="patient-2", mrn="2", bed="11")
    assert service.reports.export_answers(other.id).response_id != first.response_id


def test_a_second_press_returns_only_the_same_value_never_another_answer(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service, colleague = make_service(), make_service(COLLEAGUE)
    put_report(db, clock, {"diet.lactose": True, "diet.gluten": True, "mobility.falls": True})

    # a colleague recorded another answer meanwhile: the patient's value was not recorded
    colleague.answers.record(patient.id, "diet.lactose", False, Source.PATIENT)
    with pytest.raises(ValidationError) as refused:
        service.reports.confirm_reported(patient.id, "qr-1", "diet.lactose")
    assert refused.value.template.startswith("The patient's reported answer was not recorded")

    # set aside, then confirmed (a stale row): refused, nothing recorded
    service.reports.dismiss_reported(patient.id, "qr-1", "diet.gluten")
    with pytest.raises(ValidationError):
        service.reports.confirm_reported(patient.id, "qr-1", "diet.gluten")
    assert "diet.gluten" not in service.newest_answers(patient.id)
    # ... even when the chart holds the same value (recorded by a colleague since)
    colleague.answers.record(patient.id, "diet.gluten", True, Source.PATIENT)
    with pytest.raises(ValidationError):
        service.reports.confirm_reported(patient.id, "qr-1", "diet.gluten")

    # a wrong report id, even with the same value on record: refused
    service.reports.confirm_reported(patient.id, "qr-1", "mobility.falls")
    with pytest.raises(ValidationError):
        service.reports.confirm_reported(patient.id, "qr-9", "mobility.falls")


def test_confirming_a_relatives_report_records_the_patients_answer(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    put_report(db, clock, {"diet.lactose": True}, source=Source.FAMILY)
    answer = service.reports.confirm_reported(patient.id, "qr-1", "diet.lactose")
    assert answer.provenance.source is Source.PATIENT


def test_the_note_says_the_local_day_the_patient_reported_on(
    db: Database,
    catalog: Catalog,
    make_service: MakeService,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        patient = add_patient(db, catalog)
        service = make_service()
        late = datetime(2026, 11, 20, 23, 30, tzinfo=UTC)  # 00:30 on the 21st in Berlin
        put_report(db, clock, {"diet.lactose": True}, authored=late)
        answer = service.reports.confirm_reported(patient.id, "qr-1", "diet.lactose")
        assert answer.history[-1].note == "reported via Patient portal, 2026-11-21"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_every_record_kind_has_its_resource_type_and_an_unknown_one_is_a_bug(
    db: Database, catalog: Catalog, clock: Clock
) -> None:
    add_patient(db, catalog)
    report = put_report(db, clock, {"diet.lactose": True})
    assert resource_type_of(report) == "QuestionnaireResponse"
    with pytest.raises(BugError):
        resource_type_of(object())  # type: ignore[arg-type]


def test_the_demo_ward_has_a_patient_with_portal_answers_to_confirm(
    demo_service: CareService,
) -> None:
    rows = {r.patient.id for r in demo_service.charts.ward()}
    offered = {
        pid: demo_service.reports.reports_to_confirm(pid)
        for pid in rows
        if demo_service.repo.patient_reports(pid)
    }
    assert len(offered) == 1
    (waiting,) = offered.values()
    assert waiting
    assert {w.report.source_text for w in waiting} == {"Patient portal"}
