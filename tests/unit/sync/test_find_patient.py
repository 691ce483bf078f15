"""Break-glass lookup by MRN: never trust the answer (a lenient server ignores parameters)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.domain import Catalog
from app.store.database import Database
from sync.client import FhirClient, RetryPolicy
from sync.engine import PatientLookupError, Synchronizer
from tests.conftest import FIXED_NOW

BASE = "http://fhir.test/fhir"


def _patient(pid: str, mrn: str) -> dict[str, Any]:
    return {"resourceType": "Patient", "id": pid, "identifier": [{"value": mrn}]}


def _engine(db: Database, catalog: Catalog, answer: Callable[[httpx.Request], httpx.Response]):
    client = FhirClient(
        BASE,
        transport=httpx.MockTransport(answer),
        retry=RetryPolicy(attempts=1),
        sleep=lambda _s: None,
        clock=lambda: FIXED_NOW,
    )
    return Synchronizer(db, catalog, client, "Practitioner/x", clock=lambda: FIXED_NOW)


def _bundle(*patients: dict[str, Any]) -> httpx.Response:
    body = {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [{"resource": p} for p in patients],
    }
    return httpx.Response(200, content=json.dumps(body).encode())


def test_only_a_patient_that_carries_the_mrn_is_found(db: Database, catalog: Catalog) -> None:
    """The server ignored ``identifier`` and listed everybody: the first is not taken."""
    lenient = _bundle(_patient("someone-else", "111"), _patient("right", "222"))
    engine = _engine(db, catalog, lambda _r: lenient)
    assert engine.find_patient("222") == "right"
    assert engine.find_patient("333") is None


def test_two_patients_with_the_mrn_give_no_access(db: Database, catalog: Catalog) -> None:
    twins = _bundle(_patient("a", "222"), _patient("b", "222"))
    engine = _engine(db, catalog, lambda _r: twins)
    with pytest.raises(PatientLookupError, match="More than one patient"):
        engine.find_patient("222")


def test_an_unreachable_server_is_said_in_words(db: Database, catalog: Catalog) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    engine = _engine(db, catalog, down)
    with pytest.raises(PatientLookupError, match="could not be searched"):
        engine.find_patient("222")
