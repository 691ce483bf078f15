"""What the hospital already knows counts as asked, against a real FHIR server (HAPI).

The server is seeded as the hospital's other systems would write it: a Patient with her
preferred language, the interpreter-required extension, phone, address and a contact,
and a SNOMED CT coded lactose intolerance in her allergy list. After a sync the nurse's
board shows those questions answered, with where the hospital says so and when; the
ward list counts them as asked; nothing of it is sent to the server as an AskOnce
answer until the nurse confirms it.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.domain import AnswerState, Source
from sync import mapping
from tests.integration.fhir_seed import get
from tests.integration.foreign_seed import seed_hospital_record
from ui.interview.plan import interview_items

pytestmark = pytest.mark.integration

LACTOSE = "diet.lactose"
LANGUAGE = "communication.preferred-language"
INTERPRETER = "communication.interpreter-needed"
INTERPRETER_LANGUAGE = "communication.interpreter-language"
CHANNEL = "communication.preferred-channel"


def _observations(base_url: str, patient_id: str) -> list[dict[str, Any]]:
    with httpx.Client(timeout=30) as client:
        response = client.get(
            f"{base_url}/Observation",
            params={"patient": patient_id},
            headers={"Accept": "application/fhir+json", "Cache-Control": "no-cache"},
        )
        response.raise_for_status()
    return [e["resource"] for e in response.json().get("entry", [])]


def test_the_record_answers_with_its_source_and_only_a_confirmation_is_sent(
    hapi, workstations, catalog
) -> None:
    seeded = seed_hospital_record(hapi.base_url)
    pid = seeded.patient_id
    a = workstations("a", seeded.practitioner)
    b = workstations("b", seeded.practitioner)
    assert a.sync().errors == ()
    b.sync()

    patient = a.service.repo.patient(pid)
    assert patient is not None
    assert [(x.code, x.preferred) for x in patient.languages] == [("tr", True), ("de", False)]
    assert patient.interpreter_required is True
    assert [t.value for t in patient.telecom] == ["+49 221 555 0199", "emine.yilmaz@example.org"]
    assert patient.addresses[0].one_line() == "Keupstraße 7, 51063 Köln"
    assert patient.record_contacts[0].name == "Mehmet Yılmaz"
    assert patient.record_updated_at == mapping.parse_instant(seeded.patient_updated)

    chart = a.service.charts.chart(pid, audit_view=False)
    board = {i.question.code: i for i in chart.board}
    expected = {
        LANGUAGE: ("tr", "patient-communication", seeded.patient_updated),
        INTERPRETER: (True, "interpreter-required", seeded.patient_updated),
        INTERPRETER_LANGUAGE: ("tr", "interpreter-language", seeded.patient_updated),
        CHANNEL: ("phone", "telecom", seeded.patient_updated),
        LACTOSE: (True, "allergy:782415009", seeded.allergy_recorded),
    }
    for code, (value, source, at) in expected.items():
        item = board[code]
        assert item.answer is None, code
        assert item.state is AnswerState.VALID, code  # answered, never "not asked"
        assert item.on_record is not None, code
        assert (item.on_record.value, item.on_record.source) == (value, source)
        assert item.on_record.recorded_at == mapping.parse_instant(at)
    lactose = board[LACTOSE].on_record
    assert lactose is not None
    assert lactose.wording == "Intolerance to lactose"
    # The interview does not ask them again; the ward list counts them as asked.
    asked = {i.question.code for i in interview_items(chart.board)}
    assert asked.isdisjoint(expected)
    (row,) = [r for r in a.service.charts.ward() if r.patient.id == pid]
    assert row.open_questions == len(catalog.questions) - len(expected)
    # The banner's needs know the interpreter and the language from the record.
    assert {n.kind.value for n in chart.needs} >= {"interpreter", "language"}

    # Reading is not answering: nothing goes to the server.
    assert a.sync().uploaded == 0
    assert a.service.outbox.count() == 0
    assert _observations(hapi.base_url, pid) == []

    # The nurse records "No" for lactose: it disagrees with the allergy list, and says so.
    no = a.service.answers.record(pid, LACTOSE, False, Source.PATIENT)
    assert next(
        i for i in a.service.charts.chart(pid).board if i.question.code == LACTOSE
    ).disagrees
    # She confirms the preferred language from the record: now an AskOnce answer.
    language = a.service.answers.confirm_record(pid, LANGUAGE)
    assert a.sync().uploaded == 2
    on_server = get(hapi.base_url, f"Observation/{language.id}")
    assert on_server["valueCodeableConcept"]["coding"][0]["code"] == "tr"
    assert {"url": mapping.EXT_SOURCE, "valueCode": "other-system"} in on_server["extension"]
    assert {o["id"] for o in _observations(hapi.base_url, pid)} == {no.id, language.id}

    # Another workstation sees the answer, the record, and the disagreement.
    b.sync()
    board_b = {i.question.code: i for i in b.service.charts.chart(pid).board}
    assert board_b[LANGUAGE].answer is not None
    assert board_b[LANGUAGE].answer.provenance.source is Source.OTHER_SYSTEM
    assert not board_b[LANGUAGE].disagrees
    assert board_b[LACTOSE].answer is not None
    assert board_b[LACTOSE].disagrees
    assert board_b[INTERPRETER].answer is None
    assert board_b[INTERPRETER].state is AnswerState.VALID


def test_a_record_changed_on_the_server_changes_the_board(hapi, workstations) -> None:
    seeded = seed_hospital_record(hapi.base_url)
    pid = seeded.patient_id
    a = workstations("a", seeded.practitioner)
    a.sync()
    # The allergy list's entry is refuted in the other system: no longer a fact.
    allergy = get(hapi.base_url, f"AllergyIntolerance/{seeded.allergy_id}")
    allergy["verificationStatus"]["coding"][0]["code"] = "refuted"
    with httpx.Client(timeout=30) as client:
        client.put(
            f"{hapi.base_url}/AllergyIntolerance/{seeded.allergy_id}",
            json=allergy,
            headers={"Content-Type": "application/fhir+json"},
        ).raise_for_status()
    a.sync()
    board = {i.question.code: i for i in a.service.charts.chart(pid, audit_view=False).board}
    assert board[LACTOSE].on_record is None
    assert board[LACTOSE].state is AnswerState.NEVER_ASKED
    assert board[INTERPRETER].on_record is not None
