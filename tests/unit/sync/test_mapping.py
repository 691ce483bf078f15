"""Round trips domain -> FHIR R4 -> domain for every mapping, and unknown data kept."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime

import pytest

from app.catalog import ANSWER_SYSTEM, QUESTION_SYSTEM
from app.domain import (
    Actor,
    Answer,
    AnswerType,
    AnswerValue,
    Catalog,
    Channel,
    Coding,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    NoAnswer,
    NoAnswerReason,
    Source,
)
from app.services import CareService
from sync import mapping
from tests.conftest import FIXED_NOW

NURSE = Actor(user_id="Practitioner/nurse-1", display_name="Nurse One")

V3_ROLE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"


def _answer_for(service: CareService, catalog: Catalog, answer_type: AnswerType) -> Answer:
    question = next(q for q in catalog.questions if q.answer_type is answer_type)
    patient = service.charts.ward()[0].patient
    value: object = {
        AnswerType.BOOLEAN: True,
        AnswerType.FREE_TEXT: "Daughter visits daily",
        AnswerType.TIME: "21:30",
        AnswerType.CHOICE: question.options[0].code if question.options else "",
        AnswerType.CONTACT_METHOD: question.options[0].code if question.options else "",
        AnswerType.MULTI_CHOICE: tuple(o.code for o in question.options[:2]),
    }[answer_type]
    existing = next(
        (
            i.answer
            for i in service.charts.chart(patient.id).board
            if i.question.code == question.code
        ),
        None,
    )
    if existing is not None:
        return service.answers.correct(existing.id, value, Source.FAMILY, "changed at home")  # type: ignore[arg-type]
    return service.answers.record(patient.id, question.code, value, Source.FAMILY)  # type: ignore[arg-type]


@pytest.mark.parametrize("answer_type", list(AnswerType))
def test_answer_round_trip(demo_service: CareService, catalog: Catalog, answer_type) -> None:
    answer = _answer_for(demo_service, catalog, answer_type)
    obs = mapping.answer_to_observation(answer, catalog)
    assert obs["resourceType"] == "Observation"
    assert obs["category"][0]["coding"][0]["code"] == "survey"
    assert obs["subject"]["reference"] == f"Patient/{answer.patient_id}"
    back = mapping.observation_to_answer(obs, catalog)
    assert back.id == answer.id
    assert back.value == answer.value
    assert back.status == answer.status
    assert back.effective_at == answer.effective_at.replace(
        microsecond=answer.effective_at.microsecond // 1000 * 1000
    )
    assert back.provenance.recorded_by == answer.provenance.recorded_by
    assert back.provenance.source == answer.provenance.source
    assert back.history[-1].action == answer.history[-1].action
    assert back.history[-1].note == answer.history[-1].note


def test_entered_in_error_maps_to_the_fhir_status(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _answer_for(demo_service, catalog, AnswerType.FREE_TEXT)
    wrong = demo_service.answers.mark_entered_in_error(answer.id, "wrong patient")
    obs = mapping.answer_to_observation(wrong, catalog)
    assert obs["status"] == "entered-in-error"
    assert mapping.observation_to_answer(obs, catalog).status.value == "entered-in-error"


def test_unknown_elements_of_the_server_version_are_kept(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _answer_for(demo_service, catalog, AnswerType.FREE_TEXT)
    server = mapping.answer_to_observation(answer, catalog)
    server["meta"] = {"versionId": "3", "lastUpdated": "2026-11-20T08:00:00Z"}
    server["interpretation"] = [{"text": "noted by the ward clerk"}]
    server["extension"].append({"url": "https://example.org/other-system", "valueString": "x"})
    server["text"] = {
        "status": "generated",
        "div": '<div xmlns="http://www.w3.org/1999/xhtml">old</div>',
    }
    again = mapping.answer_to_observation(answer, catalog, base=copy.deepcopy(server))
    assert again["interpretation"] == server["interpretation"]
    assert {"url": "https://example.org/other-system", "valueString": "x"} in again["extension"]
    assert "text" not in again  # a stale narrative is dropped, not kept wrong
    assert [e["url"] for e in again["extension"]].count(mapping.EXT_SOURCE) == 1


def test_a_foreign_observation_is_refused_without_data_in_the_message(catalog: Catalog) -> None:
    obs = {
        "resourceType": "Observation",
        "id": "bp-1",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
        "subject": {"reference": "Patient/p1"},
        "valueString": "Zqxsecret",
    }
    with pytest.raises(mapping.MappingError) as caught:
        mapping.observation_to_answer(obs, catalog)
    assert "Zqxsecret" not in str(caught.value)


def test_invalid_fhir_is_named_by_type_and_id() -> None:
    with pytest.raises(mapping.MappingError, match="Observation/o-1"):
        mapping.validate({"resourceType": "Observation", "id": "o-1", "status": "not-a-status"})


def test_medication_round_trip() -> None:
    from app.domain import Provenance

    med = HomeMedication(
        id="8c0f2f0e-3f7c-4a53-9d0e-2a4f6c1e9b11",
        patient_id="p-1",
        name="Metformin",
        code="860975",
        dose="500 mg",
        route="oral",
        frequency="twice daily",
        last_taken="this morning",
        status=MedicationStatus.STOPPED,
        note="stopped by GP last week",
        provenance=Provenance(recorded_by=NURSE, recorded_at=FIXED_NOW, source=Source.FAMILY),
    )
    res = mapping.medication_to_statement(med)
    assert res["status"] == "stopped"
    back = mapping.statement_to_medication(res)
    assert back.model_dump(exclude={"provenance"}) == med.model_dump(exclude={"provenance"})
    assert back.provenance.recorded_by == NURSE
    assert back.provenance.source is Source.FAMILY


def test_contact_round_trip() -> None:
    from app.domain import Provenance

    contact = HomeCareContact(
        id="2b1e7c44-9e0f-4b55-8a3e-6f5d4c3b2a10",
        patient_id="p-1",
        kind=ContactKind.PERSON,
        name="Ayşe Yılmaz",
        relationship="daughter",
        roles=(ContactRole.HELPS_AT_HOME, ContactRole.EMERGENCY_CONTACT),
        telecom=(
            ContactPoint(system="phone", value="+49 171 2345678", rank=1, label="mobile"),
            ContactPoint(system="email", value="ayse@example.org", rank=2),
        ),
        preferred_channel=Channel.SMS,
        preferred_times="after 17:00",
        language="tr",
        consent_to_share=True,
        verified_by=NURSE,
        verified_at=FIXED_NOW,
        provenance=Provenance(recorded_by=NURSE, recorded_at=FIXED_NOW, source=Source.PATIENT),
    )
    res = mapping.contact_to_related_person(contact)
    assert res["patient"]["reference"] == "Patient/p-1"
    back = mapping.related_person_to_contact(res, recorded_at=FIXED_NOW)
    assert back.model_dump(exclude={"provenance"}) == contact.model_dump(exclude={"provenance"})


def test_patient_with_encounter_and_allergies() -> None:
    patient = {
        "resourceType": "Patient",
        "id": "p-1",
        "meta": {"versionId": "2"},
        "identifier": [
            {
                "type": {"coding": [{"system": mapping.MRN_TYPE, "code": "MR"}]},
                "value": "10023456",
            }
        ],
        "name": [
            {"use": "official", "family": "Yılmaz", "given": ["Hasan"]},
            {"use": "nickname", "given": ["Hasi"]},
        ],
        "gender": "male",
        "birthDate": "1948-03-02",
    }
    encounter = {
        "resourceType": "Encounter",
        "id": "e-1",
        "status": "in-progress",
        "class": {"code": "IMP"},
        "subject": {"reference": "Patient/p-1"},
        "period": {"start": "2026-11-20T08:00:00Z"},
        "location": [
            {
                "location": {"display": "4B Internal Medicine"},
                "physicalType": {"coding": [{"code": "wa"}]},
            },
            {"location": {"display": "12A"}, "physicalType": {"coding": [{"code": "bd"}]}},
        ],
    }
    allergy = {
        "resourceType": "AllergyIntolerance",
        "id": "a-1",
        "type": "intolerance",
        "clinicalStatus": {"coding": [{"code": "active"}]},
        "code": {"text": "Lactose"},
        "patient": {"reference": "Patient/p-1"},
        "reaction": [{"manifestation": [{"text": "bloating"}]}],
    }
    result = mapping.patient_from_fhir(patient, encounter, [allergy])
    assert (result.family_name, result.given_name, result.preferred_name) == (
        "Yılmaz",
        "Hasan",
        "Hasi",
    )
    assert result.mrn == "10023456"
    assert (result.ward, result.bed) == ("4B Internal Medicine", "12A")
    assert result.allergies[0].substance == "Lactose"
    assert result.allergies[0].kind.value == "intolerance"
    assert result.server_version == "2"


def test_a_prescription_is_read_only_and_marked() -> None:
    request = {
        "resourceType": "MedicationRequest",
        "id": "rx-1",
        "meta": {"versionId": "1"},
        "status": "active",
        "intent": "order",
        "medicationCodeableConcept": {
            "coding": [{"system": mapping.RXNORM, "code": "860975", "display": "Metformin"}],
            "text": "Metformin 500 mg tablet",
        },
        "subject": {"reference": "Patient/p-1"},
        "authoredOn": "2026-11-01T09:00:00Z",
        "requester": {"reference": "Practitioner/gp-1", "display": "Dr GP"},
        "dosageInstruction": [{"text": "500 mg twice daily", "route": {"text": "oral"}}],
    }
    med = mapping.request_to_medication(request)
    assert med.prescribed
    assert (med.name, med.code, med.dose, med.route) == (
        "Metformin 500 mg tablet",
        "860975",
        "500 mg twice daily",
        "oral",
    )
    assert med.status is MedicationStatus.TAKING
    assert med.provenance.source is Source.OTHER_SYSTEM
    assert med.provenance.recorded_by.display_name == "Dr GP"


def test_every_audit_action_maps_to_a_valid_audit_event(demo_service: CareService) -> None:
    from app.domain import AuditAction, AuditEntry

    for action in AuditAction:
        entry = AuditEntry(
            seq=1,
            at=FIXED_NOW,
            user_id="Practitioner/nurse-1",
            action=action,
            patient_id="p-1" if action is not AuditAction.SIGN_IN else None,
            workstation="ward-4b-pc2",
            detail="answer corrected",
            prev_hash="0" * 64,
            hash=f"{action.value:0<64}"[:64],
        )
        event = mapping.audit_to_event(entry)
        assert event["id"] == mapping.audit_event_id(entry)
        assert event["agent"][0]["who"]["reference"] == "Practitioner/nurse-1"
        assert ("entity" in event) == (entry.patient_id is not None)


def test_agency_round_trip_and_its_care_team_link() -> None:
    from app.domain import Provenance

    agency = HomeCareContact(
        id="5d3c2b1a-0f9e-4d8c-8b7a-6e5d4c3b2a19",
        patient_id="p-1",
        kind=ContactKind.AGENCY,
        name="Diakonie Sozialstation Mitte",
        relationship="home-care agency",
        roles=(ContactRole.HOME_CARE_PROVIDER,),
        telecom=(ContactPoint(system="phone", value="+49 30 555", rank=1),),
        preferred_channel=Channel.PHONE,
        preferred_times="weekdays 8-16",
        consent_to_share=True,
        provenance=Provenance(recorded_by=NURSE, recorded_at=FIXED_NOW, source=Source.CHART),
    )
    org = mapping.contact_to_organization(agency)
    assert org["resourceType"] == "Organization"
    back = mapping.organization_to_contact({**org, "meta": {"lastUpdated": "2026-11-23T10:30:00Z"}})
    assert back.model_dump(exclude={"provenance", "server_version"}) == agency.model_dump(
        exclude={"provenance", "server_version"}
    )
    team = mapping.home_care_team(agency)
    assert team["id"] == mapping.home_care_team_id(agency.id)
    assert team["category"][0]["coding"][0]["code"] == "home-care"
    assert team["participant"][0]["member"]["reference"] == f"Organization/{agency.id}"


# --- facts the server does not date stay undated (never "now") ----------------------------------


def test_a_stay_without_a_start_is_unknown_never_now() -> None:
    patient = {
        "resourceType": "Patient",
        "id": "p-2",
        "name": [{"family": "Braun", "given": ["Helga"]}],
        "birthDate": "1941-07-30",
    }
    planned = {
        "resourceType": "Encounter",
        "id": "e-2",
        "status": "planned",
        "class": {"code": "IMP"},
        "subject": {"reference": "Patient/p-2"},
    }
    assert mapping.patient_from_fhir(patient).admitted_at is None
    assert mapping.patient_from_fhir(patient, planned).admitted_at is None
    # The same download an hour later means the same thing.
    assert mapping.patient_from_fhir(patient, planned) == mapping.patient_from_fhir(
        patient, planned
    )


def test_the_expected_discharge_is_the_day_the_server_names() -> None:
    patient = {"resourceType": "Patient", "id": "p-3", "birthDate": "1950-01-01"}
    encounter = {
        "resourceType": "Encounter",
        "id": "e-3",
        "status": "in-progress",
        "class": {"code": "IMP"},
        "period": {"start": "2026-11-20T08:00:00+01:00", "end": "2026-12-01T00:30:00+01:00"},
    }
    result = mapping.patient_from_fhir(patient, encounter)
    assert result.expected_discharge == date(2026, 12, 1)  # not the UTC day (30 Nov)
    assert result.admitted_at == datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def test_undated_resources_from_the_server_keep_an_unknown_time() -> None:
    request = {
        "resourceType": "MedicationRequest",
        "id": "rx-2",
        "status": "active",
        "intent": "order",
        "medicationCodeableConcept": {"text": "Ramipril 5 mg"},
        "subject": {"reference": "Patient/p-1"},
    }
    assert mapping.request_to_medication(request).provenance.recorded_at is None
    person = {
        "resourceType": "RelatedPerson",
        "id": "rp-2",
        "patient": {"reference": "Patient/p-1"},
        "name": [{"text": "Anna Braun"}],
    }
    contact = mapping.related_person_to_contact(person)
    assert contact.provenance.recorded_at is None
    # Sent back as it is: no invented time appears on the server either.
    res = mapping.contact_to_related_person(contact)
    assert '"valueDateTime"' not in json.dumps(res)
    assert mapping.related_person_to_contact(res).provenance.recorded_at is None


@pytest.mark.parametrize(
    ("relationship", "expected"),
    [
        ({"text": "Tochter"}, "Tochter"),
        ({"coding": [{"system": V3_ROLE, "code": "DAU", "display": "daughter"}]}, "daughter"),
        ({"coding": [{"system": V3_ROLE, "code": "DAU"}]}, "DAU"),
        ({}, ""),
    ],
)
def test_another_systems_relationship_is_read_as_text_display_or_code(
    relationship: dict[str, object], expected: str
) -> None:
    person = {
        "resourceType": "RelatedPerson",
        "id": "rp-3",
        "patient": {"reference": "Patient/p-1"},
        "name": [{"text": "Anna Braun"}],
        "relationship": [relationship],
    }
    assert mapping.related_person_to_contact(person).relationship == expected


# --- standard codes next to ours ----------------------------------------------------------

LOINC = "http://loinc.org"
BCP47 = "urn:ietf:bcp:47"
SNOMED = mapping.SNOMED


def _pairs(concept: dict[str, object]) -> list[tuple[str, str]]:
    codings = concept["coding"]
    assert isinstance(codings, list)
    return [(c["system"], c["code"]) for c in codings]


def _record(service: CareService, question_code: str, value: AnswerValue) -> Answer:
    patient = service.charts.ward()[0].patient
    existing = next(
        (
            i.answer
            for i in service.charts.chart(patient.id).board
            if i.question.code == question_code
        ),
        None,
    )
    if existing is not None:
        return service.answers.correct(existing.id, value, Source.PATIENT, "")
    return service.answers.record(patient.id, question_code, value, Source.PATIENT)


def _same_answer(back: Answer, answer: Answer) -> None:
    assert back.question_code == answer.question_code
    assert back.value == answer.value
    assert back.status == answer.status
    assert back.provenance.recorded_by == answer.provenance.recorded_by


def test_an_answer_carries_ours_first_then_the_standard_codes(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _record(demo_service, "communication.preferred-language", "de")
    obs = mapping.answer_to_observation(answer, catalog)
    assert _pairs(obs["code"]) == [
        (QUESTION_SYSTEM, "communication.preferred-language"),
        (LOINC, "54899-0"),
    ]
    assert obs["code"]["coding"][1]["display"] == "Preferred language"
    assert _pairs(obs["valueCodeableConcept"]) == [(ANSWER_SYSTEM, "de"), (BCP47, "de")]
    _same_answer(mapping.observation_to_answer(obs, catalog), answer)


def test_an_answer_without_a_standard_code_carries_ours_only(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _record(demo_service, "communication.preferred-language", "other")
    obs = mapping.answer_to_observation(answer, catalog)
    assert _pairs(obs["valueCodeableConcept"]) == [(ANSWER_SYSTEM, "other")]
    washing = _record(demo_service, "comfort.washing", "shower")
    assert _pairs(mapping.answer_to_observation(washing, catalog)["code"]) == [
        (QUESTION_SYSTEM, "comfort.washing")
    ]


def test_a_boolean_answer_keeps_value_boolean_under_its_loinc_code(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _record(demo_service, "communication.interpreter-needed", True)
    obs = mapping.answer_to_observation(answer, catalog)
    assert (LOINC, "54588-9") in _pairs(obs["code"])
    assert obs["valueBoolean"] is True
    _same_answer(mapping.observation_to_answer(obs, catalog), answer)


def test_a_server_may_put_the_standard_codings_first(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _record(demo_service, "communication.preferred-language", "tr")
    obs = mapping.answer_to_observation(answer, catalog)
    reordered = copy.deepcopy(obs)
    reordered["code"]["coding"].reverse()
    reordered["valueCodeableConcept"]["coding"].reverse()
    back = mapping.observation_to_answer(reordered, catalog)
    _same_answer(back, answer)
    # Mapping it out again gives the same resource, ours first again.
    again = mapping.answer_to_observation(back, catalog, base=reordered)
    assert again["code"] == obs["code"]
    assert again["valueCodeableConcept"] == obs["valueCodeableConcept"]


def test_only_a_standard_answer_code_is_read_as_our_option(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _record(demo_service, "communication.preferred-language", "pl")
    obs = mapping.answer_to_observation(answer, catalog)
    obs["valueCodeableConcept"] = {"coding": [{"system": BCP47, "code": "pl"}]}
    assert mapping.observation_to_answer(obs, catalog).value == "pl"


def _with_codes_on(catalog: Catalog, question_code: str) -> Catalog:
    """The catalog with a hospital's own standard codes on one multi-choice question."""
    question = catalog.question(question_code)
    options = tuple(
        o.model_copy(
            update={"standard_codings": (Coding(system=SNOMED, code=f"9000{i}", display=o.code),)}
        )
        for i, o in enumerate(question.options)
    )
    coded = question.model_copy(
        update={
            "options": options,
            "standard_codings": (Coding(system=LOINC, code="99999-9"),),
        }
    )
    return catalog.model_copy(
        update={
            "questions": tuple(coded if q.code == question_code else q for q in catalog.questions)
        }
    )


@pytest.mark.parametrize("reverse", [False, True], ids=["ours-first", "standard-first"])
def test_multi_choice_components_carry_both_codings_in_either_order(
    demo_service: CareService, catalog: Catalog, reverse: bool
) -> None:
    answer = _answer_for(demo_service, catalog, AnswerType.MULTI_CHOICE)
    coded = _with_codes_on(catalog, answer.question_code)
    obs = mapping.answer_to_observation(answer, coded)
    assert isinstance(answer.value, tuple)
    for component, value in zip(obs["component"], answer.value, strict=True):
        assert _pairs(component["code"]) == [
            (QUESTION_SYSTEM, answer.question_code),
            (LOINC, "99999-9"),
        ]
        option_index = [o.code for o in coded.question(answer.question_code).options].index(value)
        assert _pairs(component["valueCodeableConcept"]) == [
            (ANSWER_SYSTEM, value),
            (SNOMED, f"9000{option_index}"),
        ]
    if reverse:
        obs["code"]["coding"].reverse()
        for component in obs["component"]:
            component["code"]["coding"].reverse()
            component["valueCodeableConcept"]["coding"].reverse()
    _same_answer(mapping.observation_to_answer(obs, coded), answer)
    # The shipped catalog (no codes on this question) still reads what the coded one wrote.
    _same_answer(mapping.observation_to_answer(obs, catalog), answer)


# --- asked, but no answer: dataAbsentReason instead of a value ----------------------------


@pytest.mark.parametrize("reason", list(NoAnswerReason))
@pytest.mark.parametrize("answer_type", list(AnswerType))
def test_no_answer_round_trip_as_data_absent_reason(
    demo_service: CareService, catalog: Catalog, answer_type: AnswerType, reason: NoAnswerReason
) -> None:
    answer = _answer_for(demo_service, catalog, answer_type)
    answer = demo_service.answers.correct(answer.id, NoAnswer(reason=reason), Source.PATIENT)
    obs = mapping.answer_to_observation(answer, catalog)
    # Valid FHIR (validated by fhir.resources in the mapping): a reason and no value (obs-6).
    assert obs["dataAbsentReason"]["coding"][0]["system"] == mapping.DATA_ABSENT_REASON
    assert obs["dataAbsentReason"]["coding"][0]["code"] == reason.value
    assert not [k for k in obs if k.startswith("value")]
    assert "component" not in obs
    back = mapping.observation_to_answer(obs, catalog)
    assert back.value == NoAnswer(reason=reason)
    assert back.no_answer is reason
    assert back.provenance.recorded_by == answer.provenance.recorded_by
    assert back.effective_at == answer.effective_at.replace(
        microsecond=answer.effective_at.microsecond // 1000 * 1000
    )


def test_an_answer_replacing_a_no_answer_drops_the_reason(
    demo_service: CareService, catalog: Catalog
) -> None:
    """The server's version is the base: a value given later must not keep its reason."""
    answer = _answer_for(demo_service, catalog, AnswerType.BOOLEAN)
    declined = demo_service.answers.correct(
        answer.id, NoAnswer(reason=NoAnswerReason.DECLINED), Source.PATIENT
    )
    server = mapping.answer_to_observation(declined, catalog)
    given = demo_service.answers.correct(answer.id, True, Source.PATIENT)
    obs = mapping.answer_to_observation(given, catalog, base=server)
    assert "dataAbsentReason" not in obs
    assert obs["valueBoolean"] is True
    assert mapping.observation_to_answer(obs, catalog).value is True


def test_an_unknown_data_absent_reason_is_not_read_as_an_answer(
    demo_service: CareService, catalog: Catalog
) -> None:
    answer = _answer_for(demo_service, catalog, AnswerType.BOOLEAN)
    obs = mapping.answer_to_observation(answer, catalog)
    obs.pop("valueBoolean")
    obs["dataAbsentReason"] = {"coding": [{"system": mapping.DATA_ABSENT_REASON, "code": "masked"}]}
    with pytest.raises(mapping.MappingError):
        mapping.observation_to_answer(obs, catalog)


# --- what the hospital's record says: Patient.communication, interpreter, telecom, address,
# --- contact, meta.lastUpdated, and the allergy list's codes and dates (read-only) -----------

_RECORD_PATIENT: dict[str, object] = {
    "resourceType": "Patient",
    "id": "p-rec",
    "meta": {"versionId": "7", "lastUpdated": "2025-03-12T08:15:00+01:00"},
    "extension": [
        {
            "url": "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired",
            "valueBoolean": True,
        },
        {
            "url": "http://hl7.org/fhir/StructureDefinition/patient-religion",
            "valueCodeableConcept": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/v3-ReligiousAffiliation",
                        "code": "1041",
                        "display": "Roman Catholic Church",
                    }
                ]
            },
        },
    ],
    "name": [{"use": "official", "family": "Braun", "given": ["Helga"]}],
    "birthDate": "1941-07-30",
    "telecom": [
        {"system": "phone", "value": "+49 221 555 0187", "use": "home", "rank": 1},
        {"system": "email", "value": "helga@example.org", "rank": 2},
        {"system": "phone", "value": "+49 221 000", "use": "old"},
    ],
    "address": [
        {
            "use": "home",
            "line": ["Lindenstraße 12", "2. OG"],
            "postalCode": "50674",
            "city": "Köln",
            "country": "DE",
        },
        {"use": "old", "text": "Alte Gasse 1, Bonn"},
    ],
    "contact": [
        {
            "relationship": [
                {
                    "coding": [
                        {"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "C"}
                    ]
                },
                {"text": "Daughter"},
            ],
            "name": {"family": "Braun", "given": ["Petra"]},
            "telecom": [{"system": "phone", "value": "+49 221 555 0142"}],
            "address": {"text": "Ringstraße 3, Köln"},
        },
        {"organization": {"display": "Caritas Home Care North"}},
    ],
    "communication": [
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "de"}], "text": "German"}},
        {
            "language": {
                "coding": [{"system": "urn:ietf:bcp:47", "code": "tr", "display": "Turkish"}]
            },
            "preferred": True,
        },
    ],
}


def _record_allergy(**extra: object) -> dict[str, object]:
    return {
        "resourceType": "AllergyIntolerance",
        "id": "a-rec",
        "meta": {"versionId": "1", "lastUpdated": "2025-06-01T10:00:00Z"},
        "type": "intolerance",
        "clinicalStatus": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                    "code": "active",
                }
            ]
        },
        "code": {
            "coding": [
                {"system": mapping.SNOMED, "code": "782415009", "display": "Intolerance to lactose"}
            ]
        },
        "patient": {"reference": "Patient/p-rec"},
        "recordedDate": "2025-03-12T09:00:00Z",
        **extra,
    }


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        (
            "languages",
            (
                ("de", "German", False),
                ("tr", "Turkish", True),
            ),
        ),
        ("interpreter_required", True),
        (
            "telecom",
            (
                ("phone", "+49 221 555 0187", "home", 1),
                ("email", "helga@example.org", "", 2),
            ),
        ),
        ("addresses", ("Lindenstraße 12, 2. OG, 50674 Köln, DE",)),
        (
            "record_contacts",
            (
                ("Petra Braun", "C, Daughter", ("+49 221 555 0142",), "Ringstraße 3, Köln", ""),
                ("", "", (), None, "Caritas Home Care North"),
            ),
        ),
        ("record_updated_at", datetime(2025, 3, 12, 7, 15, tzinfo=UTC)),
        ("religion", (("1041", "Roman Catholic Church"),)),
    ],
)
def test_every_element_of_the_hospital_record_is_read(element: str, expected: object) -> None:
    patient = mapping.patient_from_fhir(copy.deepcopy(_RECORD_PATIENT))
    value = getattr(patient, element)
    shown: object = {
        "languages": lambda v: tuple((x.code, x.display, x.preferred) for x in v),
        "telecom": lambda v: tuple((t.system, t.value, t.use, t.rank) for t in v),
        "addresses": lambda v: tuple(a.one_line() for a in v),
        "religion": lambda v: tuple((c.code, c.display) for c in v),
        "record_contacts": lambda v: tuple(
            (
                c.name,
                c.relationship,
                tuple(t.value for t in c.telecom),
                c.address.one_line() if c.address else None,
                c.organization,
            )
            for c in v
        ),
    }.get(element, lambda v: v)(value)
    assert shown == expected
    # The cache keeps the patient as a JSON document: every element comes back the same.
    from app.domain import Patient

    assert Patient.model_validate_json(patient.model_dump_json()) == patient


def test_a_patient_record_without_those_elements_says_nothing() -> None:
    bare = {"resourceType": "Patient", "id": "p-bare", "birthDate": "1950-01-01"}
    patient = mapping.patient_from_fhir(bare)
    assert patient.languages == ()
    assert patient.interpreter_required is None
    assert (patient.telecom, patient.addresses, patient.record_contacts) == ((), (), ())
    assert patient.record_updated_at is None  # never "now"
    assert patient.religion == ()
    assert patient.preferred_language() is None
    assert not patient.has_record_details


def test_an_allergy_keeps_its_codes_and_the_day_it_was_recorded() -> None:
    patient = mapping.patient_from_fhir(copy.deepcopy(_RECORD_PATIENT), None, [_record_allergy()])
    (allergy,) = patient.allergies
    assert allergy.substance == "Intolerance to lactose"  # no text: the coding's display
    assert [(c.system, c.code) for c in allergy.codes] == [(mapping.SNOMED, "782415009")]
    assert allergy.recorded_at == datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
    from app.domain import Patient

    assert Patient.model_validate_json(patient.model_dump_json()) == patient


@pytest.mark.parametrize(
    ("extra", "recorded"),
    [
        ({"recordedDate": "2025-03-12"}, datetime(2025, 3, 12, tzinfo=UTC)),  # a day: its start
        ({"recordedDate": "2025-03"}, datetime(2025, 3, 1, tzinfo=UTC)),
        ({"recordedDate": None}, datetime(2025, 6, 1, 10, 0, tzinfo=UTC)),  # the record's change
    ],
)
def test_an_allergy_recorded_on_a_day_or_undated(extra: dict[str, object], recorded) -> None:
    allergy = {k: v for k, v in _record_allergy(**extra).items() if v is not None}
    (known,) = mapping.patient_from_fhir(copy.deepcopy(_RECORD_PATIENT), None, [allergy]).allergies
    assert known.recorded_at == recorded


@pytest.mark.parametrize("verification", ["refuted", "entered-in-error"])
def test_a_refuted_allergy_is_no_allergy(verification: str) -> None:
    allergy = _record_allergy(
        verificationStatus={
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                    "code": verification,
                }
            ]
        }
    )
    assert (
        mapping.patient_from_fhir(copy.deepcopy(_RECORD_PATIENT), None, [allergy]).allergies == ()
    )
