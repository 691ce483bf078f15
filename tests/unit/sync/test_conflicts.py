"""Resolving a conflict is one transaction: record, outbox, history, audit and index together."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from app.domain import AuditAction, Catalog, HomeMedication
from app.search.query import parse_query
from app.services import CareService
from app.store.database import Database
from app.store.search import search
from app.store.sync_state import Conflict, SyncState
from sync import mapping
from sync.conflicts import Resolution, apply_resolution
from tests.conftest import Clock
from tests.unit.test_services import COLLEAGUE, MakeService, add_patient, new_medication

TABLES = ("medications", "outbox", "history", "audit_log", "conflicts", "search_facts")


def counts(db: Database) -> dict[str, int]:
    return {t: int(db.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def _statement(med: HomeMedication, version: str) -> dict[str, Any]:
    resource = mapping.medication_to_statement(med)
    resource["meta"] = {"versionId": version}
    return resource


def a_conflict(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> tuple[CareService, HomeMedication, Conflict]:
    """The nurse changed the dose to 1000 mg here; a colleague made it 850 mg on the server."""
    patient = add_patient(db, catalog)
    nurse = make_service()
    base = nurse.home_care.save_medication(new_medication(nurse, patient.id))
    mine = nurse.home_care.save_medication(base.model_copy(update={"dose": "1000 mg"}))
    clock.now += timedelta(minutes=5)
    theirs = base.model_copy(
        update={
            "dose": "850 mg",
            "provenance": base.provenance.model_copy(
                update={"recorded_by": COLLEAGUE, "recorded_at": clock.now}
            ),
        }
    )
    conflict = Conflict(
        resource_type="MedicationStatement",
        resource_id=base.id,
        patient_id=patient.id,
        fields=("dosage",),
        mine=_statement(mine, "2"),
        theirs=_statement(theirs, "3"),
        base=_statement(base, "2"),
        created_at=clock.now,
    )
    with db.transaction() as conn:
        SyncState(db).save_conflict(conn, conflict)
    return nurse, mine, conflict


def test_keep_theirs_takes_the_servers_version_with_history_audit_and_index(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    nurse, mine, conflict = a_conflict(db, catalog, clock, make_service)
    clock.now += timedelta(minutes=1)
    apply_resolution(nurse, conflict, Resolution.KEEP_THEIRS)

    kept = nurse.repo.medication(mine.id)
    assert kept is not None
    assert (kept.dose, kept.unsent, kept.server_version) == ("850 mg", False, "3")
    assert nurse.outbox.count() == 0
    assert SyncState(db).conflicts() == []
    audit = nurse.repo.audit_entries()[-1]
    assert (audit.action, audit.at, audit.user_id, audit.detail) == (
        AuditAction.EDIT,
        clock.now,
        nurse.actor.user_id,
        "conflict resolved: keep-theirs (MedicationStatement)",
    )
    # The History line reads as the colleague's change downloaded would.
    line = nurse.repo.history(mine.patient_id)[0]
    assert (line.actor, line.area, line.action, line.old_value, line.new_value) == (
        COLLEAGUE,
        "medication",
        "changed",
        "Metformin 1000 mg oral twice daily (taking)",
        "Metformin 850 mg oral twice daily (taking)",
    )
    found = search(db, parse_query("850"), today=clock.now.date()).matches
    assert [f.text_for("en") for m in found for f in m.facts] == [
        "Metformin 850 mg oral twice daily"
    ]
    assert search(db, parse_query("1000 mg"), today=clock.now.date()).matches == ()


def test_keep_mine_moves_the_base_and_sends_mine_again_audited(
    db: Database, catalog: Catalog, clock: Clock, make_service: MakeService
) -> None:
    nurse, mine, conflict = a_conflict(db, catalog, clock, make_service)
    state = SyncState(db)
    assert state.pending() == []  # held while in conflict
    history = nurse.repo.history(mine.patient_id)

    apply_resolution(nurse, conflict, Resolution.KEEP_MINE)

    assert [p.resource_id for p in state.pending()] == [mine.id]
    assert state.server_doc("MedicationStatement", mine.id) == conflict.theirs
    assert state.conflicts() == []
    assert nurse.repo.medication(mine.id) == mine  # the chart keeps what the nurse entered
    assert nurse.repo.history(mine.patient_id) == history
    assert nurse.repo.audit_entries()[-1].detail == (
        "conflict resolved: keep-mine (MedicationStatement)"
    )


@pytest.mark.parametrize("resolution", list(Resolution))
def test_a_failure_while_resolving_leaves_everything_as_it_was(
    db: Database,
    catalog: Catalog,
    clock: Clock,
    make_service: MakeService,
    monkeypatch: pytest.MonkeyPatch,
    resolution: Resolution,
) -> None:
    nurse, mine, conflict = a_conflict(db, catalog, clock, make_service)
    before = counts(db)

    def broken(*_args: object) -> None:
        raise RuntimeError("disk went away")

    # The index is written last, just before the commit: the audit entry, the record and
    # the outbox change roll back with it.
    monkeypatch.setattr("app.unit_of_work.reindex_patient", broken)
    if resolution is Resolution.KEEP_MINE:
        monkeypatch.setattr("app.unit_of_work.UnitOfWork.audit", broken)
    with pytest.raises(RuntimeError):
        apply_resolution(nurse, conflict, resolution)
    assert counts(db) == before
    assert SyncState(db).conflicts() == [conflict]
    assert nurse.repo.medication(mine.id) == mine
