"""Asked, but no answer: "declined", "could not answer now", "not applicable" are answers in
their own right — recorded with who and when, never "Not asked", not searchable as facts."""

from __future__ import annotations

from datetime import timedelta

from app.domain import (
    AnswerAction,
    AnswerState,
    Catalog,
    NoAnswer,
    NoAnswerReason,
    Source,
)
from app.history_lines import answer_change
from app.store.database import Database
from tests.conftest import NURSE, Clock
from tests.unit.test_services import MakeService, add_patient, board_state

DECLINED = NoAnswer(reason=NoAnswerReason.DECLINED)
UNKNOWN = NoAnswer(reason=NoAnswerReason.UNKNOWN)


def test_declined_is_recorded_with_who_and_when_and_counts_as_asked(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    before = next(r for r in service.charts.ward())
    answer = service.answers.record(patient.id, "diet.lactose", DECLINED, Source.PATIENT)

    assert answer.no_answer is NoAnswerReason.DECLINED
    assert answer.provenance.recorded_by == NURSE
    assert answer.effective_at == clock.now
    assert answer.history[-1].action is AnswerAction.RECORDED
    assert board_state(service, patient.id, "diet.lactose") is AnswerState.VALID
    row = next(r for r in service.charts.ward())
    assert row.open_questions == before.open_questions - 1
    assert row.due_questions == before.due_questions
    history = service.charts.chart(patient.id, audit_view=False).history
    assert "Declined" in history[0].new_value


def test_the_ward_list_and_the_board_agree_on_a_no_answer_going_due(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    service.answers.record(patient.id, "diet.lactose", UNKNOWN, Source.PATIENT)
    assert next(r for r in service.charts.ward()).due_questions == 0

    clock.now += timedelta(hours=8)  # the next shift asks again
    assert board_state(service, patient.id, "diet.lactose") is AnswerState.DUE
    assert next(r for r in service.charts.ward()).due_questions == 1


def test_a_no_answer_is_confirmed_or_replaced_by_an_answer(
    db: Database, catalog: Catalog, make_service: MakeService, clock: Clock
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    declined = service.answers.record(patient.id, "diet.lactose", DECLINED, Source.PATIENT)
    clock.now += timedelta(hours=1)
    again = service.answers.correct(declined.id, DECLINED, Source.PATIENT)
    assert again.history[-1].action is AnswerAction.CONFIRMED
    answered = service.answers.correct(declined.id, True, Source.PATIENT)
    assert answered.value is True
    assert answered.no_answer is None
    line = answer_change(catalog.question("diet.lactose"), again, answered)
    assert (line.old_value, line.new_value) == ("Declined", "Yes")


def test_search_does_not_find_a_declined_question_as_a_fact(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    """A nurse searching "lactose" must not find who declined the question as intolerant."""
    declined = add_patient(db, catalog)
    intolerant = add_patient(
        db, catalog, patient_id="patient-2", family_name="Weber", mrn="10234568", bed="11B"
    )
    service = make_service()
    service.answers.record(declined.id, "diet.lactose", DECLINED, Source.PATIENT)
    service.answers.record(intolerant.id, "diet.lactose", True, Source.PATIENT)
    found = [hit.patient.id for hit in service.charts.search("lactose").hits]
    assert found == [intolerant.id]


def test_a_declined_need_is_no_communication_need(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog)
    service = make_service()
    service.answers.record(patient.id, "communication.interpreter-needed", DECLINED, Source.PATIENT)
    assert service.charts.chart(patient.id, audit_view=False).needs == ()
