"""A FHIR reader that knows only LOINC, SNOMED CT and other standard codes finds our answers.

The reader here is plain httpx against the real HAPI server: no AskOnce code systems in
its searches, only the standard ones the catalog puts next to ours.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.domain import Source
from tests.integration.fhir_seed import get, seed_ward

pytestmark = pytest.mark.integration

LOINC = "http://loinc.org"
BCP47 = "urn:ietf:bcp:47"
RELIGION = "http://terminology.hl7.org/CodeSystem/v3-ReligiousAffiliation"


def _search(base_url: str, **params: str) -> list[dict[str, Any]]:
    """What any FHIR client would do: GET Observation?..., no AskOnce code in sight."""
    with httpx.Client(timeout=30) as client:
        response = client.get(
            f"{base_url}/Observation",
            params=params,
            headers={"Accept": "application/fhir+json", "Cache-Control": "no-cache"},
        )
        response.raise_for_status()
        bundle = response.json()
    return [
        e["resource"]
        for e in bundle.get("entry", [])
        if e.get("search", {}).get("mode") != "include"
    ]


def test_a_standard_reader_finds_answers_by_loinc_and_standard_answer_codes(
    hapi, workstations
) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    patient = ward.patients[0]
    a = workstations("a", ward.practitioner)
    a.sync()
    language = a.service.answers.record(
        patient, "communication.preferred-language", "de", Source.PATIENT
    )
    interpreter = a.service.answers.record(
        patient, "communication.interpreter-needed", False, Source.PATIENT
    )
    faith = a.service.answers.record(patient, "culture.faith", "muslim", Source.PATIENT)
    a.service.answers.record(patient, "home.pets", "A cat, the neighbour feeds her", Source.PATIENT)
    assert a.sync().uploaded == 4

    by_loinc = _search(hapi.base_url, code=f"{LOINC}|54899-0", patient=f"Patient/{patient}")
    assert [o["id"] for o in by_loinc] == [language.id]
    assert {"system": BCP47, "code": "de", "display": "German"} in by_loinc[0][
        "valueCodeableConcept"
    ]["coding"]

    by_language = _search(hapi.base_url, **{"value-concept": f"{BCP47}|de", "patient": patient})
    assert [o["id"] for o in by_language] == [language.id]
    both = _search(
        hapi.base_url,
        code=f"{LOINC}|54899-0",
        **{"value-concept": f"{BCP47}|de", "subject": f"Patient/{patient}"},
    )
    assert [o["id"] for o in both] == [language.id]
    assert _search(hapi.base_url, **{"value-concept": f"{BCP47}|tr", "patient": patient}) == []

    needs = _search(hapi.base_url, code=f"{LOINC}|54588-9", patient=f"Patient/{patient}")
    assert [(o["id"], o["valueBoolean"]) for o in needs] == [(interpreter.id, False)]

    by_faith = _search(hapi.base_url, **{"value-concept": f"{RELIGION}|1023", "patient": patient})
    assert [o["id"] for o in by_faith] == [faith.id]

    # A question without a standard code is found by ours only, as before.
    on_server = get(hapi.base_url, f"Observation/{language.id}")
    assert on_server["code"]["coding"][0]["code"] == "communication.preferred-language"


def test_answers_with_standard_codes_come_back_unchanged(hapi, workstations) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    patient = ward.patients[0]
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    b.sync()
    a.service.answers.record(patient, "communication.preferred-language", "ar", Source.PATIENT)
    a.service.answers.record(patient, "communication.interpreter-language", "ar", Source.FAMILY)
    a.sync()
    assert b.sync().conflicts == 0
    board = {
        i.question.code: i.answer for i in b.service.charts.chart(patient, audit_view=False).board
    }
    assert board["communication.preferred-language"] is not None
    assert board["communication.preferred-language"].value == "ar"
    assert board["communication.interpreter-language"] is not None
    assert board["communication.interpreter-language"].value == "ar"
    # Syncing again changes nothing: the standard codings are no change on either side.
    assert a.sync().uploaded == 0
    assert a.service.outbox.count() == 0
    assert b.service.outbox.count() == 0
