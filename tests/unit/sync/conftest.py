"""A ward PC against the in-memory FHIR server: a real SQLCipher cache, service and engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from app.domain import (
    Actor,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerType,
    Catalog,
    Provenance,
    RevisionStatus,
    Source,
)
from app.services import CareService
from app.store.database import Database
from app.store.sync_state import SyncState
from sync import mapping
from sync.client import FhirClient
from sync.engine import Synchronizer, SyncStatus, SyncSummary
from tests.conftest import Clock
from tests.fhir_fake import BASE_URL, FakeFhirServer, Resource

NURSE_ID = "test-nurse"
PRACTITIONER = f"Practitioner/{NURSE_ID}"
COLLEAGUE = Actor(user_id="Practitioner/colleague", display_name="A Colleague")


@dataclass
class Ward:
    """The hospital's side: who the nurse cares for, and someone else's patient."""

    practitioner: str
    patients: list[str]
    other_patient: str


def seed_ward(server: FakeFhirServer, patients: int = 3) -> Ward:
    """Like tests/integration/fhir_seed.py, on the fake: one nurse, patients in beds, teams."""
    server.put({"resourceType": "Practitioner", "id": NURSE_ID, "name": [{"family": "Keller"}]})
    ids = [f"pat-{n}" for n in range(patients)] + ["pat-other"]
    for n, pid in enumerate(ids):
        server.put(
            {
                "resourceType": "Patient",
                "id": pid,
                "identifier": [
                    {
                        "type": {"coding": [{"system": mapping.MRN_TYPE, "code": "MR"}]},
                        "system": "urn:oid:1.2.3.4",
                        "value": f"MRN{n:03d}",
                    }
                ],
                "name": [{"use": "official", "family": f"Testpatient{n}", "given": ["Ada"]}],
                "gender": "female",
                "birthDate": f"1941-03-0{n % 9 + 1}",
            }
        )
        server.put(
            {
                "resourceType": "Encounter",
                "id": f"enc-{pid}",
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
            }
        )
        member = PRACTITIONER if pid != "pat-other" else "Practitioner/someone-else"
        server.put(
            {
                "resourceType": "CareTeam",
                "id": f"team-{pid}",
                "status": "active",
                "subject": {"reference": f"Patient/{pid}"},
                "participant": [{"member": {"reference": member}}],
            }
        )
    return Ward(PRACTITIONER, ids[:-1], ids[-1])


def free_text_question(catalog: Catalog) -> str:
    return next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)


def answer_on_server(
    server: FakeFhirServer, catalog: Catalog, clock: Clock, patient_id: str, value: str
) -> Resource:
    """An AskOnce answer a colleague's workstation put on the server (``sync.mapping``)."""
    at = clock() - timedelta(hours=1)
    prov = Provenance(recorded_by=COLLEAGUE, recorded_at=at, source=Source.PATIENT)
    answer = Answer(
        id=f"obs-{patient_id}",
        patient_id=patient_id,
        question_code=free_text_question(catalog),
        value=value,
        status=RevisionStatus.CURRENT,
        effective_at=at,
        provenance=prov,
        history=(
            AnswerRevision(
                action=AnswerAction.RECORDED,
                value=value,
                provenance=prov,
                status=RevisionStatus.CURRENT,
            ),
        ),
    )
    return server.put(mapping.answer_to_observation(answer, catalog))


@dataclass
class Workstation:
    """One cache, service, client and engine over the fake; ``statuses`` of the last sync."""

    server: FakeFhirServer
    service: CareService
    engine: Synchronizer
    state: SyncState
    statuses: list[SyncStatus] = field(default_factory=list)

    def sync(self) -> SyncSummary:
        self.statuses.clear()
        return self.engine.sync()


@pytest.fixture
def server() -> FakeFhirServer:
    return FakeFhirServer(BASE_URL)


@pytest.fixture
def workstation(
    db: Database,
    catalog: Catalog,
    clock: Clock,
    make_service: Callable[..., CareService],
    server: FakeFhirServer,
) -> Iterator[Workstation]:
    client = FhirClient(BASE_URL, transport=server, clock=clock, sleep=lambda _s: None)
    statuses: list[SyncStatus] = []
    engine = Synchronizer(db, catalog, client, PRACTITIONER, on_status=statuses.append, clock=clock)
    service = make_service(Actor(user_id=PRACTITIONER, display_name="Anna Keller"))
    yield Workstation(server, service, engine, SyncState(db), statuses)
    client.close()
