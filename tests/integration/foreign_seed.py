"""What a real hospital's FHIR server holds besides AskOnce's own data, and stays as they are.

``seed_ward`` (fhir_seed.py) puts a tidy ward on the server: in-progress stays, nothing
but AskOnce's resources. A hospital's server also holds other systems' records about
the same patients (other questionnaires' survey Observations, vital signs, CarePlans and
Tasks of other workflows, contacts entered elsewhere) and stays in every state FHIR has.
The sync must leave the others' records alone without calling them errors, read what is
its own to read, and take a stay's start as the server gives it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.catalog import QUESTION_SYSTEM
from sync.mapping import (
    EXT_ACTION,
    EXT_NOTE,
    EXT_SOURCE,
    MRN_TYPE,
    OBSERVATION_CATEGORY,
    SNOMED,
)
from tests.integration.fhir_seed import care_team, put

LOINC = "http://loinc.org"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
OTHER_SYSTEM = "https://his.example-hospital.org/fhir/CodeSystem"


def fhir_instant(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def put_practitioner(base_url: str, practitioner_id: str, family: str = "Demir") -> str:
    """A practitioner (a colleague); returns "Practitioner/<id>"."""
    put(
        base_url,
        {
            "resourceType": "Practitioner",
            "id": practitioner_id,
            "name": [{"family": family, "given": ["Leyla"]}],
        },
    )
    return f"Practitioner/{practitioner_id}"


def askonce_answer(
    obs_id: str,
    patient_id: str,
    question_code: str,
    value: str,
    performer: str,
    *,
    at: datetime | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """An AskOnce answer (free text) as another AskOnce workstation writes it, with two
    codings in its code (the question, and a local translation) and several extensions,
    so that the order of both lists can differ from one answer of the server to the next."""
    when = fhir_instant(at or datetime.now(UTC) - timedelta(hours=1))
    extensions = [
        {"url": EXT_SOURCE, "valueCode": "patient"},
        {"url": EXT_ACTION, "valueCode": "recorded"},
    ]
    if note is not None:
        extensions.append({"url": EXT_NOTE, "valueString": note})
    return {
        "resourceType": "Observation",
        "id": obs_id,
        "extension": extensions,
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": {
            "coding": [
                {"system": QUESTION_SYSTEM, "code": question_code},
                {"system": f"{OTHER_SYSTEM}/nursing-history", "code": f"nh-{question_code}"},
            ],
        },
        "subject": {"reference": f"Patient/{patient_id}"},
        "effectiveDateTime": when,
        "issued": when,
        "performer": [{"reference": performer, "display": "Leyla Demir"}],
        "valueString": value,
    }


# --- other systems' records about our patients -------------------------------------------------


@dataclass(frozen=True)
class ForeignRecords:
    """Ids of what other systems keep about one patient."""

    patient_id: str
    observations: list[str]  # none of them AskOnce answers
    care_plans: list[str]
    tasks: list[str]
    related_person: str  # a contact entered in another system: ours to read


def _survey(oid: str, pid: str, loinc: str, display: str, value: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": oid,
        "status": "final",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey"}]}],
        "code": {"coding": [{"system": LOINC, "code": loinc, "display": display}]},
        "subject": {"reference": f"Patient/{pid}"},
        "effectiveDateTime": "2026-11-21T10:00:00Z",
        **value,
    }


def seed_foreign_records(base_url: str, patient_id: str) -> ForeignRecords:
    """Other questionnaires' scores, vital signs, other workflows' CarePlans and Tasks, and
    a RelatedPerson with nothing but a coded relationship, for one patient."""
    tag = uuid.uuid4().hex[:8]
    pid = patient_id
    observations: list[dict[str, Any]] = [
        _survey(
            f"phq9-{tag}",
            pid,
            "44249-1",
            "PHQ-9 quick depression assessment panel total score",
            {"valueInteger": 7},
        ),
        _survey(
            f"fallrisk-{tag}",
            pid,
            "73830-2",
            "Fall risk assessment",
            {"valueCodeableConcept": {"coding": [{"system": LOINC, "code": "LA9195-4"}]}},
        ),
        {
            "resourceType": "Observation",
            "id": f"pulse-{tag}",
            "status": "final",
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "vital-signs"}]}],
            "code": {"coding": [{"system": LOINC, "code": "8867-4", "display": "Heart rate"}]},
            "subject": {"reference": f"Patient/{pid}"},
            "effectiveDateTime": "2026-11-21T06:00:00Z",
            "valueQuantity": {
                "value": 72,
                "unit": "/min",
                "system": "http://unitsofmeasure.org",
                "code": "/min",
            },
        },
    ]
    care_plans: list[dict[str, Any]] = [
        {
            "resourceType": "CarePlan",
            "id": f"wound-plan-{tag}",
            "status": "active",
            "intent": "plan",
            "category": [{"coding": [{"system": f"{OTHER_SYSTEM}/plan-type", "code": "wound"}]}],
            "subject": {"reference": f"Patient/{pid}"},
            "title": "Wound care",
        },
        {
            # Another system's discharge plan: the same SNOMED category as ours, not ours.
            "resourceType": "CarePlan",
            "id": f"social-plan-{tag}",
            "status": "active",
            "intent": "plan",
            "category": [{"coding": [{"system": SNOMED, "code": "736372004"}]}],
            "subject": {"reference": f"Patient/{pid}"},
            "title": "Social services discharge plan",
        },
    ]
    tasks: list[dict[str, Any]] = [
        {
            "resourceType": "Task",
            "id": f"transport-{tag}",
            "status": "requested",
            "intent": "order",
            "code": {"coding": [{"system": f"{OTHER_SYSTEM}/task", "code": "order-transport"}]},
            "for": {"reference": f"Patient/{pid}"},
            "description": "Order patient transport",
        }
    ]
    related: dict[str, Any] = {
        "resourceType": "RelatedPerson",
        "id": f"relative-{tag}",
        "patient": {"reference": f"Patient/{pid}"},
        "relationship": [{"coding": [{"system": ROLE_CODE, "code": "DAU"}]}],
        "name": [{"family": "Meier", "given": ["Petra"]}],
        "telecom": [{"system": "phone", "value": "+49 221 555 0142"}],
    }
    for resource in [*observations, *care_plans, *tasks, related]:
        put(base_url, resource)
    return ForeignRecords(
        patient_id=pid,
        observations=[o["id"] for o in observations],
        care_plans=[c["id"] for c in care_plans],
        tasks=[t["id"] for t in tasks],
        related_person=related["id"],
    )


# --- stays in every state ---------------------------------------------------------------------


@dataclass(frozen=True)
class SeededStays:
    """A nurse's patients, one per kind of stay, and the start each stay really has."""

    practitioner: str
    patients: dict[str, str]  # kind of stay -> patient id
    starts: dict[str, datetime | None] = field(default_factory=dict)  # patient id -> start


STAY_KINDS = ("planned", "arrived", "onleave", "finished-then-in-progress", "no-encounter")


def _patient(pid: str, mrn: str, n: int) -> dict[str, Any]:
    return {
        "resourceType": "Patient",
        "id": pid,
        "identifier": [
            {
                "type": {"coding": [{"system": MRN_TYPE, "code": "MR"}]},
                "system": "urn:oid:1.2.3.4",
                "value": mrn,
            }
        ],
        "name": [{"use": "official", "family": f"Stay{n}", "given": ["Berta"]}],
        "gender": "female",
        "birthDate": f"1938-0{n + 1}-15",
    }


def _encounter(
    eid: str, pid: str, status: str, start: datetime, end: datetime | None = None
) -> dict[str, Any]:
    period = {"start": fhir_instant(start)}
    if end is not None:
        period["end"] = fhir_instant(end)
    return {
        "resourceType": "Encounter",
        "id": eid,
        "status": status,
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
        "subject": {"reference": f"Patient/{pid}"},
        "period": period,
    }


def seed_stays(base_url: str, tag: str | None = None) -> SeededStays:
    """One nurse, five patients (all hers through CareTeams): a planned stay, an arrived
    one, one on leave, an old finished stay with a newer in-progress one, and none.

    Every start lies before now, so an answer recorded now belongs to the stay. The old
    finished stay is written last (the newest resource), so "the last one listed" is not
    the stay in progress.
    """
    tag = tag or uuid.uuid4().hex[:8]
    practitioner = put_practitioner(base_url, f"nurse-{tag}", "Keller")
    now = datetime.now(UTC).replace(microsecond=0)
    patients: dict[str, str] = {}
    starts: dict[str, datetime | None] = {}
    for n, kind in enumerate(STAY_KINDS):
        pid = f"stay-{tag}-{n}"
        patients[kind] = pid
        put(base_url, _patient(pid, f"S{tag}{n:02d}", n))
        if kind == "finished-then-in-progress":
            current = now - timedelta(days=3)
            put(base_url, _encounter(f"enc-{tag}-{n}-new", pid, "in-progress", current))
            old_start, old_end = now - timedelta(days=90), now - timedelta(days=80)
            put(base_url, _encounter(f"enc-{tag}-{n}-old", pid, "finished", old_start, old_end))
            starts[pid] = current
        elif kind == "no-encounter":
            starts[pid] = None
        else:
            start = now - {"planned": timedelta(hours=2), "arrived": timedelta(hours=6)}.get(
                kind, timedelta(days=5)
            )
            put(base_url, _encounter(f"enc-{tag}-{n}", pid, kind, start))
            starts[pid] = start
        put(base_url, care_team(f"team-{tag}-{n}", practitioner, pid))
    return SeededStays(practitioner, patients, starts)


# --- what the hospital's own record says (Patient, AllergyIntolerance) -------------------------

INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
BCP47 = "urn:ietf:bcp:47"


@dataclass(frozen=True)
class HospitalRecord:
    """A patient whose language, interpreter need and lactose intolerance the hospital's
    patient administration and allergy list already hold (no AskOnce answer at all)."""

    practitioner: str
    patient_id: str
    allergy_id: str
    patient_updated: str  # the Patient's meta.lastUpdated as the server set it
    allergy_recorded: str  # the AllergyIntolerance's recordedDate


def seed_hospital_record(base_url: str, tag: str | None = None) -> HospitalRecord:
    """One nurse and one patient, written as the hospital's other systems write them: the
    Patient with ``communication`` (Turkish preferred, German too), the interpreter-required
    extension, telecom, address and a contact; a SNOMED CT coded lactose intolerance with
    its recorded date; an in-progress stay; the nurse's care team."""
    tag = tag or uuid.uuid4().hex[:8]
    practitioner = put_practitioner(base_url, f"nurse-{tag}", "Keller")
    pid = f"hisrec-{tag}"
    patient = put(
        base_url,
        {
            "resourceType": "Patient",
            "id": pid,
            "extension": [{"url": INTERPRETER_REQUIRED, "valueBoolean": True}],
            "identifier": [
                {
                    "type": {"coding": [{"system": MRN_TYPE, "code": "MR"}]},
                    "system": "urn:oid:1.2.3.4",
                    "value": f"H{tag}",
                }
            ],
            "name": [{"use": "official", "family": "Yılmaz", "given": ["Emine"]}],
            "gender": "female",
            "birthDate": "1944-05-17",
            "telecom": [
                {"system": "phone", "value": "+49 221 555 0199", "use": "home", "rank": 1},
                {"system": "email", "value": "emine.yilmaz@example.org", "rank": 2},
            ],
            "address": [
                {"use": "home", "line": ["Keupstraße 7"], "postalCode": "51063", "city": "Köln"}
            ],
            "contact": [
                {
                    "relationship": [
                        {
                            "coding": [
                                {
                                    "system": "http://terminology.hl7.org/CodeSystem/v2-0131",
                                    "code": "N",
                                    "display": "Next-of-Kin",
                                }
                            ]
                        }
                    ],
                    "name": {"family": "Yılmaz", "given": ["Mehmet"]},
                    "telecom": [{"system": "phone", "value": "+49 221 555 0198"}],
                }
            ],
            "communication": [
                {
                    "language": {
                        "coding": [{"system": BCP47, "code": "tr", "display": "Turkish"}],
                        "text": "Türkçe",
                    },
                    "preferred": True,
                },
                {"language": {"coding": [{"system": BCP47, "code": "de", "display": "German"}]}},
            ],
        },
    )
    recorded = "2025-03-12T09:00:00Z"
    allergy_id = f"lactose-{tag}"
    put(
        base_url,
        {
            "resourceType": "AllergyIntolerance",
            "id": allergy_id,
            "clinicalStatus": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
                        "code": "active",
                    }
                ]
            },
            "verificationStatus": {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                        "code": "confirmed",
                    }
                ]
            },
            "type": "intolerance",
            "category": ["food"],
            "code": {
                "coding": [
                    {"system": SNOMED, "code": "782415009", "display": "Intolerance to lactose"}
                ]
            },
            "patient": {"reference": f"Patient/{pid}"},
            "recordedDate": recorded,
            "reaction": [{"manifestation": [{"text": "bloating"}]}],
        },
    )
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    put(base_url, _encounter(f"enc-{tag}", pid, "in-progress", start))
    put(base_url, care_team(f"team-{tag}", practitioner, pid))
    return HospitalRecord(
        practitioner=practitioner,
        patient_id=pid,
        allergy_id=allergy_id,
        patient_updated=str(patient["meta"]["lastUpdated"]),
        allergy_recorded=recorded,
    )
