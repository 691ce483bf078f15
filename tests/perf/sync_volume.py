"""A hospital's worth of FHIR data for the sync benchmark, put on the server in bulk.

Per patient what a ward's server really holds, not only what AskOnce wrote: the
Patient, an in-progress Encounter (ward and bed), an active CareTeam, 25 vital
signs, 2 survey Observations of other systems' questionnaires (LOINC, not our
question system), 20 AskOnce answers, 5 home medications, 2 contacts and 3
allergies. The benchmark nurse's patients come with about 20 % more on other wards
(another nurse's care teams), so the server holds other people's patients too.

AskOnce's own resources are built with ``sync.mapping`` from domain records, so they
are exactly what a workstation would have uploaded. Everything goes up in FHIR
transaction Bundles (PUT with our ids) of a few hundred resources each.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.domain import (
    Actor,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerType,
    AnswerValue,
    Catalog,
    Channel,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    Provenance,
    Question,
    RevisionStatus,
    Source,
)
from sync import mapping

Resource = dict[str, Any]

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
BUNDLE_SIZE = 300  # resources per transaction
VITALS_PER_PATIENT = 25
ANSWERS_PER_PATIENT = 20
MEDICATIONS_PER_PATIENT = 5
CONTACTS_PER_PATIENT = 2
ALLERGIES_PER_PATIENT = 3
OTHER_WARDS_SHARE = 0.2
WARD = "4B Internal Medicine"
OTHER_WARDS = ("3A Surgery", "5C Geriatrics")

# (LOINC code, display, unit, base value, spread) of the vital signs a ward charts.
VITALS = (
    ("8867-4", "Heart rate", "/min", 78.0, 14),
    ("9279-1", "Respiratory rate", "/min", 16.0, 4),
    ("8310-5", "Body temperature", "Cel", 36.9, 1.2),
    ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", 95.0, 4),
    ("29463-7", "Body weight", "kg", 74.0, 20),
)
# Other systems' questionnaires: survey Observations that are not AskOnce's answers.
FOREIGN_SURVEYS = (
    ("44249-1", "PHQ-9 quick depression assessment panel", 7),
    ("59460-6", "Fall risk total [Morse Fall Scale]", 45),
)
MEDICATIONS = (
    ("Apixaban 5 mg", "1364445", "1 tablet", "oral", "twice daily"),
    ("Metoprolol 47.5 mg", "866514", "1 tablet", "oral", "in the morning"),
    ("Ramipril 5 mg", "198188", "1 capsule", "oral", "in the morning"),
    ("Pantoprazole 40 mg", "261257", "1 tablet", "oral", "before breakfast"),
    ("Insulin glargine", "261551", "18 units", "subcutaneous", "at 22:00"),
    ("Torasemide 10 mg", "198369", "1 tablet", "oral", "in the morning"),
    ("Levothyroxine 75 µg", "966222", "1 tablet", "oral", "before breakfast"),
)
ALLERGIES = (
    ("Penicillin", "allergy", "Rash", "high"),
    ("Lactose", "intolerance", "Bloating", "low"),
    ("Plaster (adhesive)", "allergy", "Itching", "low"),
    ("Ibuprofen", "intolerance", "Stomach pain", "low"),
)
FAMILY_NAMES = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker")
GIVEN_NAMES = ("Ada", "Bruno", "Clara", "Dieter", "Erika", "Franz", "Greta", "Heinz", "Ilse")
TEXTS = ("Daughter visits daily", "Sleeps with the window open", "Likes tea, no coffee", "Cat")


@dataclass
class SeededHospital:
    """What was put on the server, and what the benchmark nurse should get."""

    practitioner: str  # "Practitioner/<id>"
    colleague: Actor
    nurse_patients: list[str]
    other_patients: list[str]
    answers: list[Answer] = field(default_factory=list)  # the nurse's patients' answers
    medications: list[HomeMedication] = field(default_factory=list)  # theirs too
    resources: int = 0
    bundles: int = 0
    seconds: float = 0.0


def answer_value(question: Question, variant: int) -> AnswerValue:
    """A valid answer to ``question``; other ``variant`` values give other answers."""
    codes = [o.code for o in question.options]
    if question.answer_type is AnswerType.BOOLEAN:
        return variant % 2 == 0
    if question.answer_type is AnswerType.TIME:
        return f"{20 + variant % 4:02d}:{(variant * 15) % 60:02d}"
    if question.answer_type is AnswerType.FREE_TEXT or not codes:
        return f"{TEXTS[variant % len(TEXTS)]} ({variant})"
    if question.answer_type is AnswerType.MULTI_CHOICE:
        start = variant % len(codes)
        return tuple(codes[start : start + 1 + variant % 2]) or (codes[0],)
    return codes[variant % len(codes)]


def make_answer(
    answer_id: str,
    patient_id: str,
    question: Question,
    value: AnswerValue,
    by: Actor,
    at: datetime,
    earlier: Answer | None = None,
) -> Answer:
    """An answer as a workstation records it, or (``earlier``) corrects it."""
    provenance = Provenance(recorded_by=by, recorded_at=at, source=Source.PATIENT)
    revision = AnswerRevision(
        action=AnswerAction.CORRECTED if earlier else AnswerAction.RECORDED,
        value=value,
        provenance=provenance,
        status=RevisionStatus.CURRENT,
    )
    history = (
        tuple(r.model_copy(update={"status": RevisionStatus.SUPERSEDED}) for r in earlier.history)
        if earlier
        else ()
    )
    return Answer(
        id=answer_id,
        patient_id=patient_id,
        question_code=question.code,
        value=value,
        status=RevisionStatus.CURRENT,
        effective_at=at,
        provenance=provenance,
        history=(*history, revision),
    )


def _patient(pid: str, n: int, tag: str) -> Resource:
    return {
        "resourceType": "Patient",
        "id": pid,
        "identifier": [
            {
                "type": {"coding": [{"system": mapping.MRN_TYPE, "code": "MR"}]},
                "system": "urn:oid:1.2.3.4",
                "value": f"{tag}{n:05d}",
            }
        ],
        "name": [
            {
                "use": "official",
                "family": f"{FAMILY_NAMES[n % len(FAMILY_NAMES)]}{n}",
                "given": [GIVEN_NAMES[n % len(GIVEN_NAMES)]],
            }
        ],
        "gender": "female" if n % 2 else "male",
        "birthDate": f"{1930 + n % 60}-{1 + n % 12:02d}-{1 + n % 28:02d}",
    }


def _encounter(pid: str, ward: str, bed: str, admitted: datetime) -> Resource:
    return {
        "resourceType": "Encounter",
        "id": f"enc-{pid}",
        "status": "in-progress",
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
        "subject": {"reference": f"Patient/{pid}"},
        "period": {"start": mapping.fhir_instant(admitted)},
        "location": [
            {"location": {"display": ward}, "physicalType": {"coding": [{"code": "wa"}]}},
            {"location": {"display": bed}, "physicalType": {"coding": [{"code": "bd"}]}},
        ],
    }


def _care_team(pid: str, practitioner: str) -> Resource:
    return {
        "resourceType": "CareTeam",
        "id": f"team-{pid}",
        "status": "active",
        "subject": {"reference": f"Patient/{pid}"},
        "participant": [{"member": {"reference": practitioner}}],
    }


def _category(code: str, display: str) -> list[Resource]:
    return [
        {"coding": [{"system": mapping.OBSERVATION_CATEGORY, "code": code, "display": display}]}
    ]


def _vital(pid: str, k: int, at: datetime) -> Resource:
    code, display, unit, base, spread = VITALS[k % len(VITALS)]
    value = round(base + spread * (((k * 37) % 11) - 5) / 10, 1)
    return {
        "resourceType": "Observation",
        "id": f"vs-{pid}-{k}",
        "status": "final",
        "category": _category("vital-signs", "Vital Signs"),
        "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
        "subject": {"reference": f"Patient/{pid}"},
        "effectiveDateTime": mapping.fhir_instant(at - timedelta(hours=4 * k)),
        "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit},
    }


def _foreign_survey(pid: str, k: int, at: datetime) -> Resource:
    code, display, score = FOREIGN_SURVEYS[k % len(FOREIGN_SURVEYS)]
    return {
        "resourceType": "Observation",
        "id": f"survey-{pid}-{k}",
        "status": "final",
        "category": _category("survey", "Survey"),
        "code": {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display},
        "subject": {"reference": f"Patient/{pid}"},
        "effectiveDateTime": mapping.fhir_instant(at - timedelta(days=1, hours=k)),
        "valueInteger": score + k,
    }


def _allergy(pid: str, k: int, n: int) -> Resource:
    substance, kind, reaction, criticality = ALLERGIES[(n + k) % len(ALLERGIES)]
    return {
        "resourceType": "AllergyIntolerance",
        "id": f"allergy-{pid}-{k}",
        "clinicalStatus": {
            "coding": [{"system": mapping.ALLERGY_CLINICAL, "code": "active"}],
        },
        "type": kind,
        "criticality": criticality,
        "code": {"text": substance},
        "patient": {"reference": f"Patient/{pid}"},
        "reaction": [{"manifestation": [{"text": reaction}]}],
    }


def _medication(pid: str, k: int, n: int, nurse: Actor, at: datetime) -> HomeMedication:
    name, code, dose, route, frequency = MEDICATIONS[(n + k) % len(MEDICATIONS)]
    return HomeMedication(
        id=f"med-{pid}-{k}",
        patient_id=pid,
        name=name,
        code=code,
        dose=dose,
        route=route,
        frequency=frequency,
        last_taken="this morning",
        provenance=Provenance(recorded_by=nurse, recorded_at=at, source=Source.FAMILY),
    )


def _contact(pid: str, k: int, n: int, nurse: Actor, at: datetime) -> HomeCareContact:
    return HomeCareContact(
        id=f"contact-{pid}-{k}",
        patient_id=pid,
        kind=ContactKind.PERSON,
        name=f"{GIVEN_NAMES[(n + k + 3) % len(GIVEN_NAMES)]} {FAMILY_NAMES[n % len(FAMILY_NAMES)]}",
        relationship="daughter" if k == 0 else "neighbour",
        roles=(ContactRole.EMERGENCY_CONTACT,) if k == 0 else (ContactRole.HELPS_AT_HOME,),
        telecom=(
            ContactPoint(system="phone", value=f"0171 {n:04d}{k:03d}", rank=1, label="mobile"),
        ),
        preferred_channel=Channel.PHONE,
        preferred_times="evenings",
        language="German",
        consent_to_share=True,
        provenance=Provenance(recorded_by=nurse, recorded_at=at, source=Source.FAMILY),
    )


def patient_resources(
    pid: str,
    n: int,
    tag: str,
    catalog: Catalog,
    nurse: Actor,
    ward: str,
    at: datetime,
    hospital: SeededHospital | None,
) -> list[Resource]:
    """Everything the server holds for one patient (its CareTeam names ``nurse``)."""
    questions = catalog.questions
    out = [
        _patient(pid, n, tag),
        _encounter(pid, ward, f"{1 + n % 40}{'AB'[n % 2]}", at - timedelta(days=3)),
        _care_team(pid, nurse.user_id),
        *(_vital(pid, k, at) for k in range(VITALS_PER_PATIENT)),
        *(_foreign_survey(pid, k, at) for k in range(len(FOREIGN_SURVEYS))),
        *(_allergy(pid, k, n) for k in range(ALLERGIES_PER_PATIENT)),
    ]
    for k in range(ANSWERS_PER_PATIENT):
        question = questions[(n + k) % len(questions)]
        answer = make_answer(
            f"answer-{pid}-{k}",
            pid,
            question,
            answer_value(question, n + k),
            nurse,
            at - timedelta(hours=k),
        )
        out.append(mapping.answer_to_observation(answer, catalog))
        if hospital is not None:
            hospital.answers.append(answer)
    for k in range(MEDICATIONS_PER_PATIENT):
        med = _medication(pid, k, n, nurse, at)
        out.append(mapping.medication_to_statement(med))
        if hospital is not None:
            hospital.medications.append(med)
    out += [
        mapping.contact_to_related_person(_contact(pid, k, n, nurse, at))
        for k in range(CONTACTS_PER_PATIENT)
    ]
    return out


def _practitioner(actor: Actor, family: str, given: str) -> Resource:
    return {
        "resourceType": "Practitioner",
        "id": actor.user_id.removeprefix("Practitioner/"),
        "name": [{"family": family, "given": [given]}],
    }


def transaction(entries: list[Resource]) -> Resource:
    return {
        "resourceType": "Bundle",
        "type": "transaction",
        "entry": [
            {
                "fullUrl": f"{r['resourceType']}/{r['id']}",
                "resource": r,
                "request": {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"},
            }
            for r in entries
        ],
    }


def _batches(resources: Iterator[list[Resource]], size: int) -> Iterator[list[Resource]]:
    """Whole patients per batch (their resources reference each other), about ``size``."""
    batch: list[Resource] = []
    for group in resources:
        batch += group
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def seed(
    http: httpx.Client, base_url: str, catalog: Catalog, patients: int, tag: str, at: datetime
) -> SeededHospital:
    """``patients`` for the benchmark nurse and ~20 % more for others, on the server."""
    nurse = Actor(user_id=f"Practitioner/bench-nurse-{tag}", display_name="Anna Keller")
    colleague = Actor(user_id=f"Practitioner/bench-colleague-{tag}", display_name="Ben Roth")
    other_nurse = Actor(user_id=f"Practitioner/bench-other-{tag}", display_name="Cem Aydin")
    others = max(1, round(patients * OTHER_WARDS_SHARE))
    hospital = SeededHospital(
        practitioner=nurse.user_id,
        colleague=colleague,
        nurse_patients=[f"p-{tag}-{n}" for n in range(patients)],
        other_patients=[f"q-{tag}-{n}" for n in range(others)],
    )
    start = datetime.now(UTC)
    post(
        http,
        base_url,
        [
            _practitioner(nurse, "Keller", "Anna"),
            _practitioner(colleague, "Roth", "Ben"),
            _practitioner(other_nurse, "Aydin", "Cem"),
        ],
        hospital,
    )

    def groups() -> Iterator[list[Resource]]:
        for n, pid in enumerate(hospital.nurse_patients):
            yield patient_resources(pid, n, tag, catalog, nurse, WARD, at, hospital)
        for n, pid in enumerate(hospital.other_patients):
            ward = OTHER_WARDS[n % len(OTHER_WARDS)]
            yield patient_resources(pid, patients + n, tag, catalog, other_nurse, ward, at, None)

    for batch in _batches(groups(), BUNDLE_SIZE):
        post(http, base_url, batch, hospital)
    hospital.seconds = (datetime.now(UTC) - start).total_seconds()
    return hospital


def post(http: httpx.Client, base_url: str, entries: list[Resource], tally: SeededHospital) -> None:
    response = http.post(
        base_url,
        json=transaction(entries),
        headers={"Content-Type": "application/fhir+json", "Accept": "application/fhir+json"},
    )
    if response.status_code >= 400:
        raise RuntimeError(f"seeding refused ({response.status_code}): {response.text[:500]}")
    tally.resources += len(entries)
    tally.bundles += 1


def change_one_percent(
    http: httpx.Client, base_url: str, catalog: Catalog, hospital: SeededHospital, at: datetime
) -> list[str]:
    """A colleague's workstation changes 1 % of the nurse's answers and medications.

    Each is a PUT of a new version straight to the server (as another AskOnce would
    upload it): answers corrected to another value, medications with another dose.
    Returns the references changed.
    """
    mine: list[Answer | HomeMedication] = [*hospital.answers, *hospital.medications]
    step = 100
    changed: list[str] = []
    for n, record in enumerate(mine[::step]):
        resource: Resource
        if isinstance(record, Answer):
            question = catalog.question(record.question_code)
            value = _other_value(question, record.value, n)
            corrected = make_answer(
                record.id,
                record.patient_id,
                question,
                value,
                hospital.colleague,
                at,
                earlier=record,
            )
            resource = mapping.answer_to_observation(corrected, catalog)
        else:
            resource = mapping.medication_to_statement(
                record.model_copy(
                    update={
                        "dose": "2 tablets",
                        "provenance": Provenance(
                            recorded_by=hospital.colleague, recorded_at=at, source=Source.FAMILY
                        ),
                    }
                )
            )
        response = http.put(
            f"{base_url}/{resource['resourceType']}/{resource['id']}",
            json=resource,
            headers={"Content-Type": "application/fhir+json"},
        )
        response.raise_for_status()
        changed.append(f"{resource['resourceType']}/{resource['id']}")
    return changed


def _other_value(question: Question, old: AnswerValue, n: int) -> AnswerValue:
    for variant in range(n + 1, n + 12):
        value = answer_value(question, variant)
        if value != old:
            return value
    return f"changed {n}" if question.answer_type is AnswerType.FREE_TEXT else old
