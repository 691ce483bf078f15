"""What the sync engine keeps in the cache: merge bases, cursors, held changes, conflicts.

Writes take the open transaction's connection, like ``Repository``: a server
confirmation removes the outbox entries *and* records the new server version
in one transaction, so a crash never leaves a confirmed change queued twice or
an unconfirmed one dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain import (
    AuditEntry,
    OutboxEntry,
    Patient,
)
from app.records import Record
from app.store.database import Connection, Database
from app.store.repository import UNASSIGNED, UNASSIGNED_META, Repository, from_ts, ts
from app.store.search import forget_patient

# Local tables of the records the server knows as these FHIR resource types.
RECORD_TABLES = {
    "Observation": "answers",
    "MedicationStatement": "medications",
    "MedicationRequest": "medications",  # read-only prescriptions, shown with home meds
    "RelatedPerson": "contacts",
    "Organization": "contacts",  # home-care agencies
    "CarePlan": "discharge_plans",
    "Task": "discharge_tasks",
    "QuestionnaireResponse": "patient_reports",  # answers the patient gave elsewhere
    "CommunicationRequest": "communication_requests",  # follow-up after discharge
}
CONFLICT_HOLD = "conflict"
"""The held reason of a change in conflict (the conflict itself is in the conflicts table)."""


@dataclass(frozen=True)
class PendingChange:
    """All queued edits of one resource, squashed: send ``latest``, then drop up to ``last_seq``."""

    resource_type: str
    resource_id: str
    patient_id: str | None
    latest: OutboxEntry
    last_seq: int
    attempted: OutboxEntry | None = None
    """The newest entry already sent once without a confirmed answer (outcome unknown)."""


@dataclass(frozen=True)
class RefusedChange:
    """A change the server refused (or that cannot be sent), set aside with the reason."""

    resource_type: str
    resource_id: str
    reason: str


@dataclass(frozen=True)
class Conflict:
    resource_type: str
    resource_id: str
    patient_id: str | None
    fields: tuple[str, ...]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    base: dict[str, Any] | None
    created_at: datetime


class SyncState:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.repo = Repository(db)

    # --- outbox, squashed ----------------------------------------------------------

    def pending(self) -> list[PendingChange]:
        """Queued changes per resource, oldest first, without those set aside or in conflict."""
        by_resource: dict[str, list[OutboxEntry]] = {}
        held = {
            r[0]
            for r in self.db.query(
                "SELECT DISTINCT resource_id FROM outbox WHERE held_reason != ''"
            )
        }
        for entry in self.repo.outbox():
            if entry.resource_id not in held:
                by_resource.setdefault(entry.resource_id, []).append(entry)
        return [
            PendingChange(
                resource_type=entries[-1].resource_type,
                resource_id=rid,
                patient_id=entries[-1].patient_id,
                latest=entries[-1],
                last_seq=entries[-1].seq,
                attempted=next((e for e in reversed(entries) if e.attempts > 0), None),
            )
            for rid, entries in by_resource.items()
        ]

    def blocked_count(self) -> int:
        """Changes set aside or in conflict: while any remain, nothing is "up to date"."""
        rows = self.db.query(
            "SELECT count(DISTINCT resource_id) FROM outbox WHERE held_reason != ''"
        )
        return int(rows[0][0])

    def held(self) -> list[tuple[str, str, str]]:
        """(resource type, id, reason) of changes the server refused, for the status line."""
        rows = self.db.query(
            """SELECT resource_type, resource_id, max(held_reason) FROM outbox
               WHERE held_reason != '' GROUP BY resource_type, resource_id"""
        )
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def refused_changes(self) -> list[RefusedChange]:
        """Changes set aside for a reason other than a conflict, one per resource."""
        rows = self.db.query(
            """SELECT resource_type, resource_id, max(held_reason) FROM outbox
               WHERE held_reason NOT IN ('', ?) GROUP BY resource_type, resource_id
               ORDER BY min(seq)""",
            (CONFLICT_HOLD,),
        )
        return [RefusedChange(str(a), str(b), str(c)) for a, b, c in rows]

    def refused_count(self) -> int:
        rows = self.db.query(
            "SELECT count(DISTINCT resource_id) FROM outbox WHERE held_reason NOT IN ('', ?)",
            (CONFLICT_HOLD,),
        )
        return int(rows[0][0])

    def hold(self, conn: Connection, resource_id: str, reason: str) -> None:
        conn.execute(
            "UPDATE outbox SET held_reason = ? WHERE resource_id = ?", (reason, resource_id)
        )

    def release_held(self, conn: Connection) -> None:
        """Give set-aside changes another chance (after the user fixed them, or on demand)."""
        conn.execute("UPDATE outbox SET held_reason = '' WHERE held_reason != ''")

    def release_refused(self, conn: Connection) -> None:
        """Give the refused changes another chance; changes in conflict wait for a person."""
        conn.execute(
            "UPDATE outbox SET held_reason = '' WHERE held_reason NOT IN ('', ?)",
            (CONFLICT_HOLD,),
        )

    def release_held_change(self, conn: Connection, resource_id: str) -> None:
        """Queue one resource's held edits for sending again (a person kept them)."""
        conn.execute("UPDATE outbox SET held_reason = '' WHERE resource_id = ?", (resource_id,))

    def drop_outbox_entries_for(self, conn: Connection, resource_id: str) -> None:
        """Forget every queued edit of one resource (a person chose the server's version)."""
        conn.execute("DELETE FROM outbox WHERE resource_id = ?", (resource_id,))

    def flag_outbox_of_unassigned(self, conn: Connection, patient_id: str) -> None:
        """The patient left the assignment while these edits wait: shown on the status line."""
        conn.execute(
            "UPDATE outbox SET last_error = ? WHERE patient_id = ?", (UNASSIGNED, patient_id)
        )

    def note_attempt(self, conn: Connection, resource_id: str, up_to_seq: int) -> None:
        """About to send: if no answer comes back, the next sync must check the server first."""
        conn.execute(
            "UPDATE outbox SET attempts = attempts + 1 WHERE resource_id = ? AND seq <= ?",
            (resource_id, up_to_seq),
        )

    def has_pending(self, resource_id: str) -> bool:
        return bool(
            self.db.query("SELECT 1 FROM outbox WHERE resource_id = ? LIMIT 1", (resource_id,))
        )

    # --- confirmation ---------------------------------------------------------------

    def confirm(
        self,
        conn: Connection,
        change: PendingChange,
        version: str,
        server_doc: dict[str, Any],
    ) -> None:
        """The server has ``change`` as ``version``: drop its outbox entries, move the base."""
        conn.execute(
            "DELETE FROM outbox WHERE resource_id = ? AND seq <= ?",
            (change.resource_id, change.last_seq),
        )
        self.set_server_doc(conn, change.resource_type, change.patient_id, server_doc, version)
        self._record_version(conn, change.resource_type, server_doc["id"], version)

    def take_version(
        self, conn: Connection, resource_type: str, server_doc: dict[str, Any], version: str
    ) -> None:
        """The server's ``version`` of a record whose content we already have: the merge
        base and the record's version move, nothing else (no History line, no news)."""
        conn.execute(
            "UPDATE server_resources SET version = ?, doc = ? WHERE resource_type = ? AND id = ?",
            (version, json.dumps(server_doc), resource_type, server_doc["id"]),
        )
        self._record_version(conn, resource_type, server_doc["id"], version)

    def _record_version(
        self, conn: Connection, resource_type: str, resource_id: str, version: str
    ) -> None:
        table = RECORD_TABLES.get(resource_type)
        if table is not None:
            row = conn.execute(f"SELECT doc FROM {table} WHERE id = ?", (resource_id,)).fetchone()
            if row is not None:
                doc = json.loads(row[0])
                doc["server_version"] = version
                conn.execute(
                    f"UPDATE {table} SET doc = ? WHERE id = ?", (json.dumps(doc), resource_id)
                )

    # --- server versions (merge bases) ---------------------------------------------------

    def server_doc(self, resource_type: str, resource_id: str) -> dict[str, Any] | None:
        rows = self.db.query(
            "SELECT doc FROM server_resources WHERE resource_type = ? AND id = ?",
            (resource_type, resource_id),
        )
        return json.loads(rows[0][0]) if rows else None

    def server_docs(self, resource_type: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The cached server versions of these resources, those there are (one query per
        500 ids, for a download that would otherwise ask once per resource)."""
        wanted = sorted(set(ids))
        docs: dict[str, dict[str, Any]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = self.db.query(
                f"""SELECT id, doc FROM server_resources
                    WHERE resource_type = ? AND id IN ({", ".join("?" * len(chunk))})""",
                (resource_type, *chunk),
            )
            docs.update((str(rid), json.loads(doc)) for rid, doc in rows)
        return docs

    def pending_ids(self) -> set[str]:
        """The resources that have local edits waiting for upload."""
        return {str(r[0]) for r in self.db.query("SELECT DISTINCT resource_id FROM outbox")}

    def set_server_doc(
        self,
        conn: Connection,
        resource_type: str,
        patient_id: str | None,
        doc: dict[str, Any],
        version: str,
    ) -> None:
        conn.execute(
            """INSERT INTO server_resources (resource_type, id, patient_id, version, doc)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (resource_type, id) DO UPDATE SET
                 version = excluded.version, doc = excluded.doc,
                 patient_id = excluded.patient_id""",
            (resource_type, doc["id"], patient_id, version, json.dumps(doc)),
        )

    def known_ids(self, resource_type: str) -> dict[str, str | None]:
        """Ids the server has given us for a type, with their patient."""
        rows = self.db.query(
            "SELECT id, patient_id FROM server_resources WHERE resource_type = ?", (resource_type,)
        )
        return {str(i): p for i, p in rows}

    def parts(self, resource_type: str, patient_id: str) -> list[dict[str, Any]]:
        """The cached server resources of one kind that make up a patient (stays,
        allergies), in a stable order."""
        rows = self.db.query(
            "SELECT doc FROM server_resources WHERE resource_type = ? AND patient_id = ? "
            "ORDER BY id",
            (resource_type, patient_id),
        )
        return [json.loads(r[0]) for r in rows]

    def forget_parts(self, conn: Connection, resource_type: str, patient_id: str) -> None:
        conn.execute(
            "DELETE FROM server_resources WHERE resource_type = ? AND patient_id = ?",
            (resource_type, patient_id),
        )

    # --- applying downloads ------------------------------------------------------------------

    def put_patient(self, conn: Connection, patient: Patient, doc: dict[str, Any]) -> None:
        self.repo.put_patient(conn, patient)
        self.set_server_doc(conn, "Patient", patient.id, doc, patient.server_version or "0")

    def put_record(
        self, conn: Connection, resource_type: str, record: Record, doc: dict[str, Any]
    ) -> None:
        """A server record with no local edits waiting: take it as it is."""
        self.repo.put_record(conn, record)
        self.set_server_doc(
            conn, resource_type, record.patient_id, doc, record.server_version or "0"
        )

    def remove_record(self, conn: Connection, resource_type: str, resource_id: str) -> None:
        table = RECORD_TABLES[resource_type]
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (resource_id,))
        conn.execute(
            "DELETE FROM server_resources WHERE resource_type = ? AND id = ?",
            (resource_type, resource_id),
        )

    def purge_patient(self, conn: Connection, patient_id: str) -> None:
        """Remove a patient who left the assignment, with everything cached about them."""
        forget_patient(conn, patient_id)
        conn.execute("DELETE FROM server_resources WHERE patient_id = ?", (patient_id,))
        conn.execute("DELETE FROM conflicts WHERE patient_id = ?", (patient_id,))
        # answers, medications, contacts, discharge plans and tasks and history follow by
        # ON DELETE CASCADE
        conn.execute("DELETE FROM patients WHERE id = ?", (patient_id,))
        self.repo.patients_changed(conn)
        conn.execute("DELETE FROM meta WHERE key = ?", (UNASSIGNED_META + patient_id,))

    def unassigned_since(self, patient_id: str) -> datetime | None:
        text = self.repo.meta(UNASSIGNED_META + patient_id)
        return from_ts(text) if text else None

    def mark_unassigned(self, conn: Connection, patient_id: str, at: datetime) -> None:
        self.repo.set_meta(conn, UNASSIGNED_META + patient_id, ts(at))

    def clear_unassigned(self, conn: Connection, assigned: set[str]) -> None:
        """Patients back in the assignment are no longer due for removal."""
        rows = conn.execute(
            "SELECT key FROM meta WHERE key LIKE ?", (UNASSIGNED_META + "%",)
        ).fetchall()
        for (key,) in rows:
            if str(key).removeprefix(UNASSIGNED_META) in assigned:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))

    def patients_with_pending(self) -> set[str]:
        rows = self.db.query("SELECT DISTINCT patient_id FROM outbox WHERE patient_id IS NOT NULL")
        return {str(r[0]) for r in rows}

    def patient_ids(self) -> set[str]:
        return {str(r[0]) for r in self.db.query("SELECT id FROM patients")}

    # --- cursors --------------------------------------------------------------------------

    def cursor(self, resource_type: str) -> str | None:
        return self.repo.meta(f"cursor:{resource_type}")

    def set_cursor(self, conn: Connection, resource_type: str, value: str) -> None:
        self.repo.set_meta(conn, f"cursor:{resource_type}", value)

    # --- audit upload ------------------------------------------------------------------------

    def audit_to_upload(self, user_id: str, limit: int = 500) -> list[AuditEntry]:
        """This user's audit entries the server does not have yet (each user's own token)."""
        seqs = {
            int(r[0])
            for r in self.db.query(
                "SELECT seq FROM audit_log WHERE uploaded = 0 AND user_id = ? ORDER BY seq LIMIT ?",
                (user_id, limit),
            )
        }
        return [e for e in self.repo.audit_entries() if e.seq in seqs]

    def mark_audit_uploaded(self, conn: Connection, seqs: list[int]) -> None:
        conn.executemany("UPDATE audit_log SET uploaded = 1 WHERE seq = ?", [(s,) for s in seqs])

    # --- conflicts ------------------------------------------------------------------------

    def save_conflict(self, conn: Connection, conflict: Conflict) -> None:
        conn.execute(
            """INSERT INTO conflicts (resource_type, resource_id, patient_id, fields, mine, theirs,
                                      base, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (resource_type, resource_id) DO UPDATE SET fields = excluded.fields,
                 mine = excluded.mine, theirs = excluded.theirs, base = excluded.base,
                 created_at = excluded.created_at""",
            (
                conflict.resource_type,
                conflict.resource_id,
                conflict.patient_id,
                json.dumps(conflict.fields),
                json.dumps(conflict.mine),
                json.dumps(conflict.theirs),
                json.dumps(conflict.base) if conflict.base is not None else None,
                ts(conflict.created_at),
            ),
        )
        self.hold(conn, conflict.resource_id, CONFLICT_HOLD)

    def conflicts(self) -> list[Conflict]:
        rows = self.db.query(
            """SELECT resource_type, resource_id, patient_id, fields, mine, theirs, base,
                      created_at FROM conflicts ORDER BY created_at"""
        )
        return [
            Conflict(
                resource_type=r[0],
                resource_id=r[1],
                patient_id=r[2],
                fields=tuple(json.loads(r[3])),
                mine=json.loads(r[4]),
                theirs=json.loads(r[5]),
                base=json.loads(r[6]) if r[6] else None,
                created_at=from_ts(r[7]),
            )
            for r in rows
        ]

    def conflict_count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM conflicts")[0][0])

    def drop_conflict(self, conn: Connection, resource_type: str, resource_id: str) -> None:
        conn.execute(
            "DELETE FROM conflicts WHERE resource_type = ? AND resource_id = ?",
            (resource_type, resource_id),
        )
