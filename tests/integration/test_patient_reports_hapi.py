"""A portal's QuestionnaireResponse on a real FHIR server (HAPI): downloaded with the
patient, offered for confirmation, never taken on its own; confirmed, it reaches the
server as an AskOnce answer (Observation) and is no longer offered on any workstation."""

from __future__ import annotations

from typing import Any

import pytest

from app.catalog import ANSWER_SYSTEM
from app.domain import AnswerAction
from sync.questionnaire_response import export_to_response, upload_response
from tests.integration.fhir_seed import get, put, seed_ward

pytestmark = pytest.mark.integration


def portal_response(catalog_url: str, patient_id: str, device: str) -> dict[str, Any]:
    """Written by hand as a patient portal writes one the evening before admission."""
    return {
        "resourceType": "QuestionnaireResponse",
        "id": f"portal-{patient_id}",
        "questionnaire": f"{catalog_url}|2026.11.1",
        "status": "completed",
        "subject": {"reference": f"Patient/{patient_id}"},
        "authored": "2026-11-18T19:02:11+01:00",
        "author": {"reference": f"Device/{device}", "display": "Patient portal"},
        "source": {"reference": f"Patient/{patient_id}"},
        "item": [
            {"linkId": "diet.lactose", "text": "Lactose?", "answer": [{"valueBoolean": True}]},
            {
                "linkId": "diet.diet-pattern",
                "answer": [{"valueCoding": {"system": ANSWER_SYSTEM, "code": "vegetarian"}}],
            },
            {"linkId": "portal.newsletter", "answer": [{"valueBoolean": False}]},
        ],
    }


def test_a_portal_response_appears_for_confirmation_and_becomes_an_answer(
    hapi, workstations, catalog
) -> None:
    ward = seed_ward(hapi.base_url, patients=2)
    patient, other = ward.patients
    device = f"portal-{patient}"
    put(hapi.base_url, {"resourceType": "Device", "id": device, "status": "active"})
    put(hapi.base_url, portal_response(catalog.url, patient, device))
    foreign = portal_response("https://portal.example.org/Questionnaire/covid", other, device)
    put(hapi.base_url, {**foreign, "id": f"covid-{other}"})

    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    assert not a.sync().errors

    waiting = a.service.reports.reports_to_confirm(patient)
    assert [(w.question.code, w.reported) for w in waiting] == [
        ("diet.lactose", True),
        ("diet.diet-pattern", "vegetarian"),
    ]
    assert waiting[0].report.source_text == "Patient portal"
    assert waiting[0].report.skipped == 1  # the portal's own question
    assert a.service.repo.answers(patient) == []  # nothing taken on its own
    assert a.service.reports.reports_to_confirm(other) == []  # another questionnaire's

    answer = a.service.reports.confirm_reported(patient, f"portal-{patient}", "diet.lactose")
    assert answer.history[-1].action is AnswerAction.RECORDED
    assert a.sync().uploaded == 1

    on_server = get(hapi.base_url, f"Observation/{answer.id}")
    assert on_server["valueBoolean"] is True
    assert on_server["subject"] == {"reference": f"Patient/{patient}"}
    assert on_server["code"]["coding"][0]["code"] == "diet.lactose"
    # the portal's response is left as the portal wrote it
    response = get(hapi.base_url, f"QuestionnaireResponse/portal-{patient}")
    assert response["meta"]["versionId"] == "1"

    # another workstation gets the answer and offers only what is still open
    assert not b.sync().errors
    assert [w.question.code for w in b.service.reports.reports_to_confirm(patient)] == [
        "diet.diet-pattern"
    ]

    # the chart's answers sent back as a response of the catalog: on the server for other
    # systems, never offered back to confirm
    export = b.service.reports.export_answers(patient, to_server=True)
    response = export_to_response(catalog, export)
    assert upload_response(b.client, response) == "1"
    assert upload_response(b.client, response) == "2"  # sent again: the same one, amended
    exported = get(hapi.base_url, f"QuestionnaireResponse/{export.response_id}")
    assert exported["status"] == "amended"
    assert exported["subject"]["identifier"]["value"] == export.mrn
    assert exported["item"][0]["item"][0]["answer"] == [{"valueBoolean": True}]
    assert not a.sync().errors
    assert [r.id for r in a.service.repo.patient_reports(patient)] == [f"portal-{patient}"]
