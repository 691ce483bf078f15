"""What waits for the server, as the status line and the sync-problems dialog ask for it."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain import Catalog
from app.services import CareService, Conflict, RefusedChange
from app.store.database import Database
from app.store.sync_state import SyncState
from app.sync_problems import SyncCounts
from tests.unit.test_services import MakeService, add_patient, new_contact, new_medication


def _edits(db: Database, catalog: Catalog, service: CareService) -> tuple[str, str, str]:
    """Three records with edits waiting: one refused by the server, one in conflict."""
    ingrid = add_patient(db, catalog)
    otto = add_patient(db, catalog, patient_id="patient-2", given_name="Otto", bed="11B")
    refused = service.home_care.save_medication(new_medication(service, ingrid.id))
    service.home_care.save_medication(refused.model_copy(update={"dose": "850 mg"}))  # two entries
    in_conflict = service.home_care.save_contact(new_contact(service, otto.id))
    waiting = service.home_care.save_contact(new_contact(service, ingrid.id))
    state = SyncState(db)
    with db.transaction() as conn:
        state.hold(conn, refused.id, "refused by the server (422: invariant)")
        state.save_conflict(
            conn,
            Conflict(
                resource_type="RelatedPerson",
                resource_id=in_conflict.id,
                patient_id=otto.id,
                fields=("telecom",),
                mine={"resourceType": "RelatedPerson", "id": in_conflict.id},
                theirs={"resourceType": "RelatedPerson", "id": in_conflict.id},
                base=None,
                created_at=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
            ),
        )
    return refused.id, in_conflict.id, waiting.id


def test_nothing_waiting(make_service: MakeService) -> None:
    service = make_service()
    assert service.outbox.counts() == SyncCounts(waiting=0, refused=0, conflicts=0)
    problems = service.outbox.problems()
    assert (problems.conflicts, problems.refused, problems.patient_names) == ((), (), {})


def test_refused_changes_and_conflicts_are_counted_apart_with_patient_names(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = make_service()
    refused_id, conflict_id, _waiting_id = _edits(db, catalog, service)

    assert service.outbox.counts() == SyncCounts(waiting=4, refused=1, conflicts=1)
    problems = service.outbox.problems()
    assert problems.refused == (
        RefusedChange("MedicationStatement", refused_id, "refused by the server (422: invariant)"),
    )
    [conflict] = problems.conflicts
    assert conflict.resource_id == conflict_id
    assert problems.patient_name(conflict) == "Müller, Otto"
    assert problems.patient_names == {"patient-2": "Müller, Otto"}


def test_trying_again_releases_the_refused_changes_but_not_the_conflicts(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = make_service()
    refused_id, conflict_id, waiting_id = _edits(db, catalog, service)
    state = SyncState(db)
    assert {c.resource_id for c in state.pending()} == {waiting_id}

    service.outbox.release_refused()

    assert {c.resource_id for c in state.pending()} == {refused_id, waiting_id}
    assert service.outbox.counts() == SyncCounts(waiting=4, refused=0, conflicts=1)
    assert [c.resource_id for c in service.outbox.problems().conflicts] == [conflict_id]
