"""Putting a small hospital on the FHIR server: practitioners, patients, stays, care teams."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from sync.mapping import MRN_TYPE


@dataclass(frozen=True)
class SeededWard:
    practitioner: str  # "Practitioner/<id>"
    patients: list[str]  # patient ids
    care_team: str  # CareTeam id


def put(base_url: str, resource: dict[str, Any]) -> dict[str, Any]:
    with httpx.Client(timeout=30) as client:
        r = client.put(
            f"{base_url}/{resource['resourceType']}/{resource['id']}",
            json=resource,
            headers={"Content-Type": "application/fhir+json"},
        )
        r.raise_for_status()
        return dict(r.json())


def get(base_url: str, path: str, **params: str) -> dict[str, Any]:
    with httpx.Client(timeout=30) as client:
        r = client.get(f"{base_url}/{path}", params=params, headers={"Cache-Control": "no-cache"})
        r.raise_for_status()
        return dict(r.json())


def delete(base_url: str, path: str) -> None:
    with httpx.Client(timeout=30) as client:
        client.delete(f"{base_url}/{path}").raise_for_status()


def seed_ward(base_url: str, patients: int = 3, *, tag: str | None = None) -> SeededWard:
    tag = tag or uuid.uuid4().hex[:8]
    practitioner_id = f"nurse-{tag}"
    put(
        base_url,
        {
            "resourceType": "Practitioner",
            "id": practitioner_id,
            "name": [{"family": "Keller", "given": ["Anna"]}],
        },
    )
    patient_ids = []
    for n in range(patients):
        pid = f"pat-{tag}-{n}"
        patient_ids.append(pid)
        put(
            base_url,
            {
                "resourceType": "Patient",
                "id": pid,
                "identifier": [
                    {
                        "type": {"coding": [{"system": MRN_TYPE, "code": "MR"}]},
                        "system": "urn:oid:1.2.3.4",
                        "value": f"{tag}{n:03d}",
                    }
                ],
                "name": [{"use": "official", "family": f"Testpatient{n}", "given": ["Ada"]}],
                "gender": "female",
                "birthDate": "1941-03-0" + str(n % 9 + 1),
            },
        )
        put(
            base_url,
            {
                "resourceType": "Encounter",
                "id": f"enc-{tag}-{n}",
                "status": "in-progress",
                "class": {
                    "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                    "code": "IMP",
                },
                "subject": {"reference": f"Patient/{pid}"},
                "period": {"start": "2026-11-20T08:00:00Z"},
                "location": [
                    {
                        "location": {"display": "4B Internal Medicine"},
                        "physicalType": {"coding": [{"code": "wa"}]},
                    },
                    {
                        "location": {"display": f"1{n}A"},
                        "physicalType": {"coding": [{"code": "bd"}]},
                    },
                ],
            },
        )
    team_id = f"team-{tag}"
    put(base_url, care_team(team_id, f"Practitioner/{practitioner_id}", patient_ids[0]))
    # One care team per patient (FHIR CareTeam has one subject).
    for n, pid in enumerate(patient_ids[1:], start=1):
        put(base_url, care_team(f"{team_id}-{n}", f"Practitioner/{practitioner_id}", pid))
    return SeededWard(f"Practitioner/{practitioner_id}", patient_ids, team_id)


def put_prescription(base_url: str, patient_id: str, **extra: Any) -> dict[str, Any]:
    """An active Apixaban order from the hospital's prescribing system, for one patient."""
    return put(
        base_url,
        {
            "resourceType": "MedicationRequest",
            "id": f"rx-{patient_id}",
            "status": "active",
            "intent": "order",
            "medicationCodeableConcept": {"text": "Apixaban 5 mg"},
            "subject": {"reference": f"Patient/{patient_id}"},
            "authoredOn": "2026-11-20T09:00:00Z",
            **extra,
        },
    )


def care_team(
    team_id: str, practitioner: str, patient_id: str, status: str = "active"
) -> dict[str, Any]:
    return {
        "resourceType": "CareTeam",
        "id": team_id,
        "status": status,
        "subject": {"reference": f"Patient/{patient_id}"},
        "participant": [{"member": {"reference": practitioner}}],
    }


# --- other sources of the assignment (sync/assignment.py) ------------------------------


def put_location(base_url: str, location_id: str, name: str) -> str:
    """A ward Location; returns its reference ("Location/<id>")."""
    put(
        base_url,
        {
            "resourceType": "Location",
            "id": location_id,
            "status": "active",
            "name": name,
            "physicalType": {"coding": [{"code": "wa"}]},
        },
    )
    return f"Location/{location_id}"


def put_practitioner_role(
    base_url: str, role_id: str, practitioner: str, *locations: str, active: bool = True
) -> dict[str, Any]:
    """The user's role at ``locations`` ("Location/<id>" references)."""
    return put(
        base_url,
        {
            "resourceType": "PractitionerRole",
            "id": role_id,
            "active": active,
            "practitioner": {"reference": practitioner},
            "location": [{"reference": location} for location in locations],
        },
    )


def put_stay(
    base_url: str, encounter_id: str, patient_id: str, location: str, status: str = "in-progress"
) -> dict[str, Any]:
    """An inpatient Encounter of ``patient_id`` at the ward ``location`` ("Location/<id>")."""
    return put(
        base_url,
        {
            "resourceType": "Encounter",
            "id": encounter_id,
            "status": status,
            "class": {
                "system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "code": "IMP",
            },
            "subject": {"reference": f"Patient/{patient_id}"},
            "period": {"start": "2026-11-20T08:00:00Z"},
            "location": [
                {
                    "location": {"reference": location},
                    "status": "active" if status == "in-progress" else "completed",
                    "physicalType": {"coding": [{"code": "wa"}]},
                }
            ],
        },
    )


def put_patient_group(
    base_url: str, group_id: str, manager: str, members: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """An actual Group of patients managed by ``manager``: patient id → more member fields
    (``inactive``, ``period``)."""
    return put(
        base_url,
        {
            "resourceType": "Group",
            "id": group_id,
            "type": "person",
            "actual": True,
            "managingEntity": {"reference": manager},
            "member": [
                {"entity": {"reference": f"Patient/{pid}"}, **extra}
                for pid, extra in members.items()
            ],
        },
    )


def put_patient_list(
    base_url: str,
    list_id: str,
    source: str,
    entries: dict[str, dict[str, Any]],
    status: str = "current",
) -> dict[str, Any]:
    """A List of patients whose source is ``source``: patient id → more entry fields
    (``deleted``, which FHIR allows in a list of ``changes`` only)."""
    deletes = any(extra.get("deleted") for extra in entries.values())
    return put(
        base_url,
        {
            "resourceType": "List",
            "id": list_id,
            "status": status,
            "mode": "changes" if deletes else "working",
            "source": {"reference": source},
            "entry": [
                {"item": {"reference": f"Patient/{pid}"}, **extra} for pid, extra in entries.items()
            ],
        },
    )
