"""Resolving a conflict a person has looked at: keep mine, keep theirs (or edit, then mine).

Works offline: the decision is written to the cache (and the audit log) at once;
the next sync sends it. "Keep mine" moves the merge base to the server's version,
so the upload overwrites it *knowingly* with ``If-Match`` on that version. "Keep
theirs" takes the server's version as a download would: the same History line,
the search index updated, in the same transaction as the audit entry.
"""

from __future__ import annotations

import enum
from datetime import datetime

from app.domain import Actor, AuditAction, Catalog
from app.history_lines import record_change
from app.services import CareService
from app.store.database import Database
from app.store.sync_state import Conflict
from app.unit_of_work import Editor, unit_of_work
from sync import mapping, registry


class Resolution(enum.StrEnum):
    KEEP_MINE = "keep-mine"
    KEEP_THEIRS = "keep-theirs"


def apply_resolution(service: CareService, conflict: Conflict, resolution: Resolution) -> None:
    """Apply a person's decision as the service's user, now (what the front end calls)."""
    resolve_conflict(
        service.db,
        service.catalog,
        service.actor,
        conflict,
        resolution,
        workstation=service.workstation,
        at=service.now(),
    )


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
    theirs = conflict.theirs
    editor = Editor(actor, workstation)
    with unit_of_work(db, catalog, at=at, editor=editor) as work:
        state = work.state
        if resolution is Resolution.KEEP_MINE:
            version = mapping.version_of(theirs) or "0"
            state.set_server_doc(
                work.conn, conflict.resource_type, conflict.patient_id, theirs, version
            )
            state.release_held_change(work.conn, conflict.resource_id)
        else:
            state.drop_outbox_entries_for(work.conn, conflict.resource_id)
            record = registry.record_from_resource(conflict.resource_type, theirs, catalog)
            line = record_change(work.repo.stored(record), record, catalog)
            work.take_from_server(conflict.resource_type, record, theirs, line)
        state.drop_conflict(work.conn, conflict.resource_type, conflict.resource_id)
        work.audit(
            AuditAction.EDIT,
            conflict.patient_id,
            f"conflict resolved: {resolution.value} ({conflict.resource_type})",
        )
