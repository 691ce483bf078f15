"""A ward PC whose network is a ``FaultTransport``, and the checks every fault test makes.

The checks are the three promises of DESIGN.md §5 under faults:

- nothing lost: after a clean follow-up sync the outbox is empty and the server holds
  the latest local value of every edit;
- nothing duplicated: per patient the server holds exactly the expected number of
  Observations and MedicationStatements, and each resource's ``_history`` has one
  version per distinct edit (HAPI suppresses no-op updates, so a resend of what the
  server already has adds no version);
- honest status: every sync emits SyncStarted first and exactly one final status, last;
  SyncSucceeded only with an empty outbox, nothing held, no conflict and a finished
  download; SyncFailed always with a reason.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from app.clock import system_clock
from app.domain import Actor, AnswerType, Catalog, HomeMedication, Source
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from app.store.sync_state import SyncState
from sync.client import FhirClient, RetryPolicy
from sync.engine import (
    SyncFailed,
    Synchronizer,
    SyncProgress,
    SyncStarted,
    SyncStatus,
    SyncSucceeded,
    SyncSummary,
)
from tests.faults.batch import Unbatching
from tests.faults.transport import FaultTransport
from tests.integration.fhir_seed import SeededWard, get

RETRY = RetryPolicy(attempts=4, base_delay=0.5, max_delay=20.0)


class RotatingToken:
    """An auth hook: token-1 until a refresh, then token-2, ... (refreshes counted)."""

    def __init__(self) -> None:
        self.current = "token-1"
        self.refreshes = 0
        self.can_refresh = True

    def token(self) -> str | None:
        return self.current

    def refresh(self) -> str | None:
        self.refreshes += 1
        if not self.can_refresh:
            return None
        self.current = f"token-{self.refreshes + 1}"
        return self.current


@dataclass(frozen=True)
class Sleep:
    delay: float
    after_request: int  # how many requests the transport had seen when the client slept


@dataclass
class Run:
    summary: SyncSummary
    statuses: list[SyncStatus]

    @property
    def final(self) -> SyncSucceeded | SyncFailed:
        assert self.statuses, "the sync emitted no status at all"
        assert isinstance(self.statuses[0], SyncStarted), self.statuses[0]
        finals = [s for s in self.statuses if isinstance(s, SyncSucceeded | SyncFailed)]
        assert len(finals) == 1, f"expected one final status, got {finals}"
        assert self.statuses[-1] is finals[0], "a status came after the final one"
        return finals[0]

    @property
    def reasons(self) -> str:
        final = self.final
        assert isinstance(final, SyncFailed)
        return " | ".join(final.reasons)


class FaultyWorkstation:
    """One encrypted cache, one service, one engine; its client talks through faults."""

    def __init__(
        self, path: Path, catalog: Catalog, server: str, practitioner: str, *, seed: int
    ) -> None:
        self.server = server
        self.db = Database.open(path, DatabaseKey.generate(), create=True)
        self.actor = Actor(user_id=practitioner, display_name=f"Nurse at {path.stem}")
        self.service = CareService(
            self.db, catalog, self.actor, workstation=path.stem, clock=system_clock
        )
        self.transport = FaultTransport(server, inner=httpx.HTTPTransport())
        self.auth = RotatingToken()
        self.sleeps: list[Sleep] = []
        self.client = FhirClient(
            server,
            auth=self.auth,
            timeout=30,
            retry=RETRY,
            transport=Unbatching(self.transport),
            sleep=self._sleep,
            rng=random.Random(seed),
            clock=system_clock,
        )
        self.statuses: list[SyncStatus] = []
        self.catalog, self.practitioner = catalog, practitioner
        self.engine = self.new_engine()
        # Set to lock the workstation the moment the client waits to retry (as the app's
        # sleep, an Event's wait, returns True when the lock wakes it).
        self.lock_while_waiting = False
        self.state = SyncState(self.db)
        self.runs: list[Run] = []

    def new_engine(self) -> Synchronizer:
        """The engine a fresh unlock makes (an engine that was closed stays closed)."""
        return Synchronizer(
            self.db,
            self.catalog,
            self.client,
            self.practitioner,
            on_status=lambda s: self.statuses.append(s),
            clock=system_clock,
        )

    def _sleep(self, delay: float) -> bool:
        self.sleeps.append(Sleep(delay, len(self.transport.log)))
        if self.lock_while_waiting:
            self.engine.close()
            return True
        return False

    def sync(self) -> Run:
        self.statuses = []  # a fresh list per run (the engine's callback looks it up)
        summary = self.engine.sync()
        run = Run(summary, self.statuses)
        _ = run.final  # every run: started first, exactly one final status, last
        self.runs.append(run)
        return run

    def close(self) -> None:
        self.client.close()  # closes the transport and its connection pool
        self.db.close()

    # --- what the cache holds ---------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything a nurse would miss if it vanished: patients and their records."""
        repo = self.service.repo
        patients = sorted(r.patient.id for r in self.service.charts.ward())
        return {
            "patients": patients,
            "answers": {a.id: a.value for pid in patients for a in repo.answers(pid)},
            "medications": {m.id: m.dose for pid in patients for m in repo.medications(pid)},
            "contacts": {c.id: c.name for pid in patients for c in repo.contacts(pid)},
        }


# --- the edits every fault test makes --------------------------------------------------------


@dataclass
class Edits:
    """Local edits of a two-patient ward, and what the server must end up with."""

    ward: SeededWard
    corrected: str  # an Observation created (synced) earlier, corrected locally
    created: str  # an Observation created locally
    medication: str  # a MedicationStatement created locally
    values: dict[str, Any] = field(default_factory=dict)  # "Type/id" -> latest local value
    versions: dict[str, list[Any]] = field(default_factory=dict)  # "Type/id" -> values
    per_patient: dict[str, dict[str, int]] = field(default_factory=dict)

    def expect(self, key: str, value: Any) -> None:
        self.values[key] = value
        history = self.versions.setdefault(key, [])
        if not history or history[-1] != value:
            history.append(value)


def free_text_codes(catalog: Catalog) -> list[str]:
    return [q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT]


def make_edits(ws: FaultyWorkstation, ward: SeededWard, catalog: Catalog) -> Edits:
    """A clean first sync, one synced answer, then three unsent edits (update + 2 creates)."""
    first = ws.sync()
    assert isinstance(first.final, SyncSucceeded), first.statuses
    p0, p1 = ward.patients[:2]
    code = free_text_codes(catalog)[0]
    earlier = ws.service.answers.record(p0, code, "Vegetarian", Source.PATIENT)
    second = ws.sync()
    assert isinstance(second.final, SyncSucceeded), second.statuses
    assert ws.service.outbox.count() == 0

    ws.service.answers.correct(earlier.id, "Vegan since 2020", Source.PATIENT)
    created = ws.service.answers.record(p1, code, "Halal", Source.FAMILY)
    med = ws.service.home_care.save_medication(
        HomeMedication(
            id=ws.service.new_id(),
            patient_id=p0,
            name="Ramipril",
            dose="5 mg",
            provenance=ws.service.provenance_now(Source.PATIENT),
        )
    )
    assert ws.service.outbox.count() == 3
    edits = Edits(ward, earlier.id, created.id, med.id)
    edits.expect(f"Observation/{earlier.id}", "Vegetarian")
    edits.expect(f"Observation/{earlier.id}", "Vegan since 2020")
    edits.expect(f"Observation/{created.id}", "Halal")
    edits.expect(f"MedicationStatement/{med.id}", "5 mg")
    edits.per_patient = {
        p0: {"Observation": 1, "MedicationStatement": 1},
        p1: {"Observation": 1, "MedicationStatement": 0},
    }
    ws.transport.log.clear()
    ws.sleeps.clear()
    return edits


# --- what the server holds -----------------------------------------------------------------


def value_of(resource: dict[str, Any]) -> Any:
    if resource["resourceType"] == "Observation":
        return resource.get("valueString")
    if resource["resourceType"] == "MedicationStatement":
        return (resource.get("dosage") or [{}])[0].get("patientInstruction")
    raise AssertionError(resource["resourceType"])


def server_count(base_url: str, resource_type: str, patient_id: str) -> int:
    bundle = get(base_url, resource_type, subject=f"Patient/{patient_id}", _summary="count")
    return int(bundle["total"])


def server_history(base_url: str, key: str) -> list[dict[str, Any]]:
    """Every version of one resource, oldest first.

    Read version by version (vread 1..current): HAPI caches the count of an instance
    ``_history`` query by default and then truncates the page to the stale count.
    """
    current = int(get(base_url, key)["meta"]["versionId"])
    versions = [get(base_url, f"{key}/_history/{n}") for n in range(1, current + 1)]
    assert [int(v["meta"]["versionId"]) for v in versions] == list(range(1, current + 1))
    return versions


def exists_on_server(base_url: str, key: str) -> bool:
    with httpx.Client(timeout=30) as client:
        status = client.get(f"{base_url}/{key}").status_code
    assert status in (200, 404, 410), status
    return status == 200


def _content(resource: dict[str, Any]) -> dict[str, Any]:
    """A version's content: no meta, extensions compared as a set (order is not content)."""
    doc = {k: v for k, v in resource.items() if k != "meta"}
    if "extension" in doc:
        doc["extension"] = sorted(json.dumps(e, sort_keys=True) for e in doc["extension"])
    return doc


def assert_on_server(
    base_url: str,
    edits: Edits,
    *,
    except_: tuple[str, ...] = (),
    reordered_ok: bool = True,
) -> None:
    """Latest values, exact counts per patient, one version per distinct edit.

    ``reordered_ok``: a version that differs from the one before it only in the order
    of its extensions is not counted. Such versions come from a known engine bug (a
    merge re-sends the extensions in set order, see
    test_resending_what_the_server_already_has_adds_no_version, which checks strictly);
    everywhere else they would make the outcome depend on PYTHONHASHSEED.
    """
    for pid, counts in edits.per_patient.items():
        for resource_type, expected in counts.items():
            assert server_count(base_url, resource_type, pid) == expected, (pid, resource_type)
    for key, values in edits.versions.items():
        if key in except_:
            continue
        history = server_history(base_url, key)
        distinct = history[:1] + [
            v for prev, v in itertools.pairwise(history) if _content(v) != _content(prev)
        ]
        if not reordered_ok:
            assert len(distinct) == len(history), (
                f"{key}: {len(history) - len(distinct)} version(s) that only reorder extensions",
                [r.get("extension") for r in history],
            )
        assert [value_of(r) for r in distinct] == values, (key, [r["meta"] for r in history])
        assert value_of(get(base_url, key)) == edits.values[key]


def assert_succeeded(ws: FaultyWorkstation, run: Run) -> SyncSucceeded:
    """Up to date: nothing queued, nothing held, no conflict, the download ran to its end."""
    final = run.final
    assert isinstance(final, SyncSucceeded), run.statuses[-1]
    assert final.summary.errors == ()
    assert ws.service.outbox.count() == 0
    assert ws.state.held() == []
    assert ws.state.conflicts() == []
    downloads = [s for s in run.statuses if isinstance(s, SyncProgress) and s.stage == "download"]
    assert downloads, "succeeded without downloading"
    assert downloads[-1].done == downloads[-1].total
    return final


def assert_failed(run: Run, *fragments: str, offline: bool) -> SyncFailed:
    """Failed with reasons naming ``fragments``; ``offline`` only when the server was away."""
    final = run.final
    assert isinstance(final, SyncFailed), run.statuses[-1]
    assert final.offline is offline, (final.offline, final.reasons)
    assert final.reasons, "a failure without a reason"
    assert all(r.strip() for r in final.reasons)
    text = " | ".join(final.reasons)
    for fragment in fragments:
        assert fragment in text, (fragment, final.reasons)
    return final
