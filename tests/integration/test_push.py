"""The push channel on real HAPI (R4 websocket Subscriptions, ``hapi_push``): a colleague's
change to one of my patients pings my workstation within seconds, the sync that follows
brings it; a change to another nurse's patient does not ping me."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from app.catalog import QUESTION_SYSTEM
from app.clock import system_clock
from app.domain import Catalog, Source
from sync.push import WATCHED_TYPES, PushListener
from tests.fhir_server import HapiServer
from tests.integration.conftest import Workstation
from tests.integration.fhir_seed import care_team, get, put, seed_ward

pytestmark = pytest.mark.integration

log = logging.getLogger(__name__)
PING_WAIT_S = 15.0
QUIET_S = 5.0


def _listener(ws: Workstation, pings: list[float], event: threading.Event) -> PushListener:
    def on_change() -> None:
        pings.append(time.monotonic())
        event.set()

    return PushListener(ws.client, on_change, workstation="WS-A", clock=system_clock)


def _wait_bound(listener: PushListener, count: int, pings: list[float]) -> None:
    """Until ``count`` sockets are bound and each bind's own call back has come."""
    deadline = time.monotonic() + 60
    while listener.bound < count or len(pings) < count:
        assert time.monotonic() < deadline, f"only {listener.bound} of {count} sockets bound"
        assert listener.active, "the listener gave up"
        time.sleep(0.2)  # polling a background thread's state; bounded by the deadline


def test_a_colleagues_change_pings_within_seconds_and_the_sync_brings_it(
    hapi_push: HapiServer, tmp_path: Path, catalog: Catalog
) -> None:
    base = hapi_push.base_url
    ward = seed_ward(base, patients=2)
    other_ward = seed_ward(base, patients=1)
    colleague = f"Practitioner/nurse-c-{uuid.uuid4().hex[:8]}"
    put(base, {"resourceType": "Practitioner", "id": colleague.split("/")[1]})
    for n, pid in enumerate(ward.patients):
        put(base, care_team(f"team-c-{uuid.uuid4().hex[:6]}-{n}", colleague, pid))

    a = Workstation(tmp_path / "a.db", catalog, base, ward.practitioner)
    c = Workstation(tmp_path / "c.db", catalog, base, colleague)
    event = threading.Event()
    pings: list[float] = []
    listener = _listener(a, pings, event)
    try:
        patient = ward.patients[0]
        c.sync()
        c.service.answers.record(patient, "diet.lactose", True, Source.PATIENT)
        c.sync()
        a.sync()
        assert a.engine.assigned == frozenset(ward.patients)
        listener.watch(a.engine.assigned)
        _wait_bound(listener, len(WATCHED_TYPES), pings)
        event.clear()
        pings.clear()

        # Another nurse's patient: no ping for me.
        other = other_ward.patients[0]
        put(base, _survey_answer(other))
        assert not event.wait(QUIET_S), "a change to another nurse's patient pinged me"

        # A colleague's change to my patient, PUT directly on the server.
        (answer,) = [
            e["resource"] for e in get(base, "Observation", patient=f"Patient/{patient}")["entry"]
        ]
        answer["valueBoolean"] = not answer.get("valueBoolean", True)
        started = time.monotonic()
        with httpx.Client(timeout=30) as client:
            client.put(
                f"{base}/Observation/{answer['id']}",
                json=answer,
                headers={"Content-Type": "application/fhir+json"},
            ).raise_for_status()
        assert event.wait(PING_WAIT_S), "no ping within 15 s"
        latency = pings[0] - started
        log.warning("push latency PUT -> ping: %.2f s", latency)
        print(f"\npush latency PUT -> ping: {latency:.2f} s")
        summary = a.sync()
        assert summary.downloaded >= 1
    finally:
        listener.stop(timeout=10)
        a.close()
        c.close()
    left = get(base, "Subscription", _summary="count", status="active,requested")
    assert left.get("total") == 0, "the Subscriptions were not deleted on stop"


def _survey_answer(patient: str) -> dict[str, object]:
    return {
        "resourceType": "Observation",
        "id": str(uuid.uuid4()),
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": QUESTION_SYSTEM, "code": "diet.lactose"}]},
        "subject": {"reference": f"Patient/{patient}"},
        "valueBoolean": True,
    }
