"""The patient's own answers as a QuestionnaireResponse: a portal's, read in; ours, written out."""

from __future__ import annotations

import copy
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.catalog import ANSWER_SYSTEM, CATALOG_URL
from app.clock import local_day
from app.domain import (
    Actor,
    Answer,
    AnswerAction,
    AnswerRevision,
    Catalog,
    NoAnswer,
    NoAnswerReason,
    Provenance,
    RevisionStatus,
    Source,
)
from app.patient_reports import ReportStatus
from sync import registry
from sync.mapping import MRN_TYPE, MappingError, patient_from_fhir, performer, reference_id
from sync.questionnaire_response import (
    export_to_response,
    report_to_response,
    response_to_report,
    upload_response,
)
from tests.conftest import Clock
from tests.unit.sync.conftest import Workstation, seed_ward


def portal_response(patient_id: str = "pat-0", **overrides: Any) -> dict[str, Any]:
    """Written by hand the way a patient portal writes one: our catalog's canonical with
    its version, flat items by linkId, answerCoding with our codes (and a language as
    BCP-47), the portal's own extra questions, a Device as the author."""
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": "portal-qr-1",
        "meta": {"versionId": "1"},
        "questionnaire": f"{CATALOG_URL}|2026.11.1",
        "status": "completed",
        "subject": {"reference": f"Patient/{patient_id}", "display": "Ada Testpatient"},
        "authored": "2026-11-18T19:02:11+01:00",
        "author": {"reference": "Device/portal", "display": "Patient portal"},
        "source": {"reference": f"Patient/{patient_id}"},
        "item": [
            {
                "linkId": "diet",
                "text": "Food and drink",
                "item": [
                    {"linkId": "diet.lactose", "answer": [{"valueBoolean": True}]},
                    {
                        "linkId": "diet.diet-pattern",
                        "answer": [
                            {
                                "valueCoding": {
                                    "system": ANSWER_SYSTEM,
                                    "code": "vegetarian",
                                    "display": "Vegetarian",
                                }
                            }
                        ],
                    },
                ],
            },
            {
                "linkId": "communication.preferred-language",
                "answer": [{"valueCoding": {"system": "urn:ietf:bcp:47", "code": "de"}}],
            },
            {
                "linkId": "mobility.walking-aid",
                "answer": [
                    {"valueCoding": {"system": ANSWER_SYSTEM, "code": "rollator"}},
                    {"valueCoding": {"system": ANSWER_SYSTEM, "code": "stick"}},
                ],
            },
            {"linkId": "comfort.bedtime", "answer": [{"valueTime": "22:30:00"}]},
            {"linkId": "home.pets", "answer": [{"valueString": " a cat called Mimi "}]},
            # the portal's own questions, and an answer that is not one of our options
            {"linkId": "portal.newsletter", "answer": [{"valueBoolean": False}]},
            {
                "linkId": "culture.faith",
                "answer": [{"valueCoding": {"system": "http://example.org", "code": "x"}}],
            },
            {"linkId": "matters.visitors"},  # shown, not answered
        ],
    }
    response.update(overrides)
    return response


def test_a_portal_response_becomes_a_report_of_the_answers_the_catalog_knows(
    catalog: Catalog,
) -> None:
    report = response_to_report(portal_response(), catalog)

    assert report.id == "portal-qr-1"
    assert report.patient_id == "pat-0"
    assert report.authored == datetime(2026, 11, 18, 18, 2, 11, tzinfo=UTC)
    assert report.status is ReportStatus.COMPLETED
    assert report.source_text == "Patient portal"
    assert report.provenance.source is Source.PATIENT
    assert report.server_version == "1"
    assert {i.question_code: i.value for i in report.items} == {
        "diet.lactose": True,
        "diet.diet-pattern": "vegetarian",
        "communication.preferred-language": "de",
        "mobility.walking-aid": ("stick", "rollator"),  # in catalog order
        "comfort.bedtime": "22:30",
        "home.pets": "a cat called Mimi",
    }
    assert report.skipped == 2  # the portal's own question, an option we do not have


def test_a_relatives_answers_are_the_familys_and_an_undated_one_stays_undated(
    catalog: Catalog,
) -> None:
    response = portal_response(source={"reference": "RelatedPerson/daughter"})
    del response["authored"]
    del response["author"]
    report = response_to_report(response, catalog)
    assert report.provenance.source is Source.FAMILY
    assert report.authored is None
    assert report.source_text == "RelatedPerson"


def test_a_date_alone_starts_at_local_midnight_of_that_day(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        report = response_to_report(portal_response(authored="2026-11-20"), catalog)
        assert report.authored == datetime(2026, 11, 20, 5, 0, tzinfo=UTC)
        assert report.authored is not None
        assert local_day(report.authored).isoformat() == "2026-11-20"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_another_questionnaires_response_is_not_ours(catalog: Catalog) -> None:
    other = portal_response(questionnaire="https://portal.example.org/Questionnaire/covid")
    kind = registry.kind("QuestionnaireResponse")
    assert not kind.is_ours(other)
    assert kind.is_ours(portal_response(questionnaire=CATALOG_URL))  # without a version
    with pytest.raises(MappingError):
        response_to_report(other, catalog)


def test_a_response_without_a_patient_is_refused(catalog: Catalog) -> None:
    with pytest.raises(MappingError):
        response_to_report(portal_response(subject={"reference": "Group/g1"}), catalog)


def _answer(code: str, value: Any, *, status: RevisionStatus = RevisionStatus.CURRENT) -> Answer:
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    prov = Provenance(
        recorded_by=Actor(user_id="Practitioner/n1", display_name="N One"),
        recorded_at=at,
        source=Source.PATIENT,
    )
    return Answer(
        id=f"a-{code}",
        patient_id="pat-0",
        question_code=code,
        value=value,
        status=status,
        effective_at=at,
        provenance=prov,
        history=(
            AnswerRevision(
                action=AnswerAction.RECORDED, value=value, provenance=prov, status=status
            ),
        ),
    )


def test_current_answers_go_out_as_a_response_that_reads_back_the_same(catalog: Catalog) -> None:
    answers = [
        _answer("diet.lactose", False),
        _answer("communication.preferred-language", "tr"),
        _answer("mobility.walking-aid", ("stick", "frame")),
        _answer("comfort.bedtime", "21:15"),
        _answer("home.pets", "none"),
        _answer("diet.gluten", NoAnswer(reason=NoAnswerReason.DECLINED)),
        _answer("diet.drinks", ("coffee",), status=RevisionStatus.ENTERED_IN_ERROR),
    ]
    at = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
    nurse = Actor(user_id="Practitioner/n1", display_name="N One")
    response = report_to_response(
        catalog, "pat-0", answers, response_id="qr-out", authored=at, author=nurse
    )

    assert response["questionnaire"] == f"{catalog.url}|{catalog.version}"
    assert response["subject"] == {"reference": "Patient/pat-0"}
    assert response["author"]["reference"] == "Practitioner/n1"
    assert response["authored"] == "2026-11-23T10:30:00.000Z"
    groups = {g["linkId"]: g for g in response["item"]}
    assert set(groups) == {"diet", "communication", "mobility", "comfort", "home"}
    language = groups["communication"]["item"][0]
    coding = language["answer"][0]["valueCoding"]  # as the catalog's answerOption has it
    assert (coding["system"], coding["code"]) == ("urn:ietf:bcp:47", "tr")

    back = response_to_report(copy.deepcopy(response), catalog)
    assert {i.question_code: i.value for i in back.items} == {
        "diet.lactose": False,
        "communication.preferred-language": "tr",
        "mobility.walking-aid": ("stick", "frame"),
        "comfort.bedtime": "21:15",
        "home.pets": "none",
    }
    assert back.skipped == 0


def test_a_portal_response_is_downloaded_with_the_patient_and_offered(
    workstation: Workstation, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(workstation.server)
    workstation.server.put(portal_response(ward.patients[0]))
    workstation.server.put(
        portal_response(
            ward.patients[1], id="other-qr", questionnaire="https://portal.example.org/Q/covid"
        )
    )
    summary = workstation.sync()
    assert not summary.errors

    reports = workstation.service.repo.patient_reports(ward.patients[0])
    assert [r.id for r in reports] == ["portal-qr-1"]
    assert workstation.service.repo.patient_reports(ward.patients[1]) == []
    waiting = workstation.service.reports.reports_to_confirm(ward.patients[0])
    assert [w.question.code for w in waiting][:2] == ["diet.lactose", "diet.diet-pattern"]

    # confirmed here, uploaded as an answer; the response on the server is left alone
    clock.now += timedelta(minutes=5)
    workstation.service.reports.confirm_reported(ward.patients[0], "portal-qr-1", "diet.lactose")
    assert not workstation.sync().errors
    observations = workstation.server.all("Observation")
    assert any(o["code"]["coding"][0]["code"] == "diet.lactose" for o in observations)
    portal = workstation.server.get("QuestionnaireResponse", "portal-qr-1")
    assert portal is not None
    assert portal["meta"]["versionId"] == "1"
    still = workstation.service.reports.reports_to_confirm(ward.patients[0])
    assert "diet.lactose" not in [w.question.code for w in still]


def test_the_exported_subject_names_the_patient_by_mrn_and_name_too(catalog: Catalog) -> None:
    response = report_to_response(
        catalog,
        "pat-0",
        [_answer("diet.lactose", False)],
        response_id="qr-out",
        authored=datetime(2026, 11, 23, 10, 30, tzinfo=UTC),
        author=Actor(user_id="Practitioner/n1", display_name="N One"),
        mrn="10234567",
        display="Müller, Ingrid",
    )
    subject = response["subject"]
    assert subject["reference"] == "Patient/pat-0"
    assert subject["display"] == "Müller, Ingrid"
    # the identifier as the Patient mapping reads an MRN
    patient = patient_from_fhir(
        {
            "resourceType": "Patient",
            "id": "pat-0",
            "identifier": [subject["identifier"]],
            "name": [{"family": "Müller", "given": ["Ingrid"]}],
            "birthDate": "1941-03-14",
        }
    )
    assert patient.mrn == "10234567"
    assert subject["identifier"]["type"]["coding"][0]["system"] == MRN_TYPE


def test_answers_sent_to_the_server_are_one_response_amended_and_not_offered_back(
    workstation: Workstation, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(workstation.server)
    patient = ward.patients[0]
    assert not workstation.sync().errors
    service = workstation.service
    service.answers.record(patient, "diet.lactose", True, Source.PATIENT)
    export = service.reports.export_answers(patient, to_server=True)
    response = export_to_response(catalog, export)
    assert response["status"] == "completed"
    assert upload_response(workstation.engine.client, response) == "1"
    first = workstation.server.get("QuestionnaireResponse", export.response_id)
    assert first is not None
    assert first["status"] == "completed"

    clock.now += timedelta(minutes=1)  # sent again later: the same response, amended
    again = export_to_response(catalog, service.reports.export_answers(patient, to_server=True))
    assert again["id"] == response["id"]
    assert upload_response(workstation.engine.client, again) == "2"
    assert [r["id"] for r in workstation.server.all("QuestionnaireResponse")] == [
        export.response_id
    ]
    amended = workstation.server.get("QuestionnaireResponse", export.response_id)
    assert amended is not None
    assert amended["status"] == "amended"

    clock.now += timedelta(minutes=1)
    assert not workstation.sync().errors
    assert service.repo.patient_reports(patient) == []  # the chart's own answers, not a report
    with pytest.raises(MappingError):
        upload_response(workstation.engine.client, portal_response(patient))


def test_the_response_uses_the_mappings_reference_and_performer(catalog: Catalog) -> None:
    nurse = Actor(user_id="n1", display_name="N One")
    response = report_to_response(
        catalog,
        "pat-0",
        [_answer("diet.lactose", False)],
        response_id="qr-out",
        authored=datetime(2026, 11, 23, 10, 30, tzinfo=UTC),
        author=nurse,
    )
    assert response["author"] == performer(nurse)
    versioned = portal_response(subject={"reference": "Patient/pat-0/_history/3"})
    report = response_to_report(versioned, catalog)
    assert report.patient_id == reference_id("Patient/pat-0/_history/3", "Patient") == "pat-0"
