"""Resolving a conflict a person has looked at: keep mine, keep theirs (or edit, then mine).

Works offline: the decision is written to the cache (and the audit log) at once;
the next sync sends it. "Keep mine" moves the merge base to the server's version,
so the upload overwrites it *knowingly* with ``If-Match`` on that version.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from app.domain import Actor, AuditAction, Catalog
from app.store.database import Database
from app.store.repository import Repository
from app.store.search import reindex_patient
from app.store.sync_state import Conflict, SyncState
from sync import mapping


class Resolution(enum.StrEnum):
    KEEP_MINE = "keep-mine"
    KEEP_THEIRS = "keep-theirs"


def resolve_conflict(
    db: Database,
    catalog: Catalog,
    actor: Actor,
    conflict: Conflict,
    resolution: Resolution,
    *,
    workstation: str,
    at: datetime,
) -> None:
    """Apply ``resolution``; ``at`` is the decision's time on the caller's clock (audited)."""
    state = SyncState(db)
    repo = Repository(db)
    theirs: dict[str, Any] = conflict.theirs
    version = mapping.version_of(theirs) or "0"
    with db.transaction() as conn:
        if resolution is Resolution.KEEP_MINE:
            state.set_server_doc(conn, conflict.resource_type, conflict.patient_id, theirs, version)
            conn.execute(
                "UPDATE outbox SET held_reason = '' WHERE resource_id = ?", (conflict.resource_id,)
            )
        else:
            conn.execute("DELETE FROM outbox WHERE resource_id = ?", (conflict.resource_id,))
            record = mapping.record_from_resource(conflict.resource_type, theirs, catalog)
            state.put_record(conn, conflict.resource_type, record, theirs)
            if conflict.patient_id:
                reindex_patient(conn, repo, catalog, conflict.patient_id)
        state.drop_conflict(conn, conflict.resource_type, conflict.resource_id)
        repo.append_audit(
            conn,
            at=at,
            user_id=actor.user_id,
            action=AuditAction.EDIT,
            patient_id=conflict.patient_id,
            workstation=workstation,
            detail=f"conflict resolved: {resolution.value} ({conflict.resource_type})",
        )
