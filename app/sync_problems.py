"""What waits for the server, for the status line and the sync-problems dialog.

Read on the DB worker like every cache access; the front end shows the values
and never builds the store's sync state itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.store.database import Database
from app.store.repository import Repository
from app.store.sync_state import Conflict, RefusedChange, SyncState


@dataclass(frozen=True)
class SyncCounts:
    """The numbers behind the status line."""

    waiting: int
    """Queued outbox entries (every edit counts, including the held ones below)."""
    refused: int
    """Changes the server refused or that cannot be sent, one per record."""
    conflicts: int
    """Changes in conflict with a colleague's, waiting for a person's decision."""


@dataclass(frozen=True)
class SyncProblems:
    """Open conflicts and refused changes, with the names of the patients they concern."""

    conflicts: tuple[Conflict, ...]
    """Oldest first."""
    refused: tuple[RefusedChange, ...]
    patient_names: dict[str, str]
    """Patient id -> display name, for every patient a conflict belongs to."""

    def patient_name(self, conflict: Conflict) -> str:
        return self.patient_names.get(conflict.patient_id or "", "?")


def read_sync_counts(db: Database) -> SyncCounts:
    state = SyncState(db)
    return SyncCounts(
        waiting=Repository(db).outbox_count(),
        refused=state.refused_count(),
        conflicts=state.conflict_count(),
    )


def read_sync_problems(db: Database) -> SyncProblems:
    state = SyncState(db)
    conflicts = tuple(state.conflicts())
    patients = Repository(db).patients_by_id(
        sorted({c.patient_id for c in conflicts if c.patient_id})
    )
    return SyncProblems(
        conflicts=conflicts,
        refused=tuple(state.refused_changes()),
        patient_names={pid: p.display_name for pid, p in patients.items()},
    )


def release_refused_changes(db: Database) -> None:
    """Refused changes go out again with the next sync; conflicts still wait for a person."""
    with db.transaction() as conn:
        SyncState(db).release_refused(conn)
