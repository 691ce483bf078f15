"""Asked, but no answer, across two workstations on a real FHIR server (HAPI): "declined"
travels as the Observation's dataAbsentReason and is not asked again this stay."""

from __future__ import annotations

import pytest

from app.domain import AnswerState, NoAnswer, NoAnswerReason, Source
from sync import mapping
from tests.integration.fhir_seed import get, seed_ward
from ui.interview.plan import interview_items

pytestmark = pytest.mark.integration


def test_declined_on_one_workstation_is_asked_on_the_other(hapi, workstations, catalog) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    b.sync()
    patient = ward.patients[0]
    code = "culture.faith"
    before = next(r for r in b.service.charts.ward() if r.patient.id == patient)
    assert code in {i.question.code for i in interview_items(_board(b, patient))}

    declined = a.service.answers.record(
        patient, code, NoAnswer(reason=NoAnswerReason.DECLINED), Source.PATIENT
    )
    assert a.sync().uploaded == 1

    on_server = get(hapi.base_url, f"Observation/{declined.id}")
    assert on_server["dataAbsentReason"]["coding"][0] == {
        "system": mapping.DATA_ABSENT_REASON,
        "code": "asked-declined",
        "display": "Asked But Declined",
    }
    assert not [k for k in on_server if k.startswith("value")]

    b.sync()
    item = next(i for i in _board(b, patient) if i.question.code == code)
    assert item.state is AnswerState.VALID  # asked: never "Not asked"
    assert item.answer is not None
    assert item.answer.value == NoAnswer(reason=NoAnswerReason.DECLINED)
    assert item.question.format_value(item.answer.value) == "Declined"
    assert item.answer.provenance.recorded_by.user_id == ward.practitioner
    assert item.answer.effective_at == declined.effective_at.replace(
        microsecond=declined.effective_at.microsecond // 1000 * 1000
    )
    # Not offered again in B's interview this stay, and counted as asked on B's ward list.
    assert code not in {i.question.code for i in interview_items(_board(b, patient))}
    after = next(r for r in b.service.charts.ward() if r.patient.id == patient)
    assert after.open_questions == before.open_questions - 1

    # B's patient answers after all: the value replaces the reason on the server.
    assert b.service.answers.correct(item.answer.id, "none", Source.PATIENT)
    b.sync()
    on_server = get(hapi.base_url, f"Observation/{declined.id}")
    assert "dataAbsentReason" not in on_server
    assert on_server["valueCodeableConcept"]["coding"][0]["code"] == "none"


def _board(ws, patient_id: str):
    return ws.service.charts.chart(patient_id, audit_view=False).board
