"""Reading and writing domain records in the cache.

Records are stored as validated pydantic JSON documents next to the few
columns we query by. Every write method takes the open transaction's
connection, so a service can put an edit, its history line, its outbox entry,
its audit entry and the search index update into one atomic transaction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from app.discharge import Destination, DischargePlan, DischargeTask, FollowUpRequest, TaskStatus
from app.domain import (
    Answer,
    AuditAction,
    AuditEntry,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    NewsItem,
    NoAnswerReason,
    OutboxEntry,
    OutboxOperation,
    Patient,
    RevisionStatus,
)
from app.patient_reports import PatientReport, with_local_decisions
from app.records import Record
from app.store.database import Connection, Database

GENESIS_HASH = "0" * 64
# Outbox note for a patient who left the assignment while edits were waiting (kept until sent).
UNASSIGNED = "patient no longer assigned"
UNASSIGNED_META = "unassigned:"
BREAK_GLASS_META = "break-glass:"
"""meta key prefix: emergency access to a patient outside the assignment, until when."""
"""meta key prefix: when a patient left the user's assignment (removed after the retention)."""


def ts(value: datetime) -> str:
    """Timestamps are stored as fixed-width UTC ISO text, so text order is time order."""
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def from_ts(text: str) -> datetime:
    return datetime.fromisoformat(text)


@dataclass(frozen=True)
class AnswerTimes:
    """The newest answer per question, enough to derive board states for many patients."""

    patient_id: str
    question_code: str
    effective_at: datetime
    no_answer: NoAnswerReason | None = None
    """Asked, but no answer: why (it holds for less than an answer, ``answer_state``)."""


@dataclass(frozen=True)
class PlanState:
    """A discharge plan as the readiness board needs it."""

    id: str
    patient_id: str
    expected_date: date | None
    destination: Destination | None
    unsent: bool


@dataclass(frozen=True)
class TaskState:
    """A checklist task as readiness needs it (``app.discharge.readiness`` takes these too)."""

    code: str
    title: str
    status: TaskStatus
    due: date | None
    unsent: bool


@dataclass(frozen=True)
class MedicationState:
    """A home medication as the "not yet reconciled" count needs it."""

    id: str
    status: MedicationStatus
    prescribed: bool
    derived_from: str | None
    decided: bool


@dataclass(frozen=True)
class PatientSummary:
    patient: Patient
    unsent_changes: int
    no_longer_assigned: bool = False


PATIENTS_GENERATION = "patients_generation"


class Repository:
    """Queries over one open cache. Not thread-safe: the DB worker serializes calls."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- patients -------------------------------------------------------------

    def put_patient(self, conn: Connection, patient: Patient, photo: bytes | None = None) -> None:
        conn.execute(
            """INSERT INTO patients (id, mrn, family_name, given_name, birth_date, bed, doc, photo)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET
                 mrn = excluded.mrn, family_name = excluded.family_name,
                 given_name = excluded.given_name, birth_date = excluded.birth_date,
                 bed = excluded.bed, doc = excluded.doc,
                 photo = coalesce(excluded.photo, patients.photo)""",
            (
                patient.id,
                patient.mrn,
                patient.family_name,
                patient.given_name,
                patient.birth_date.isoformat(),
                patient.bed,
                patient.model_dump_json(),
                photo,
            ),
        )
        self.patients_changed(conn)

    def patients_changed(self, conn: Connection) -> None:
        """Count a change to who is in the cache or what they are called (``generation``)."""
        conn.execute(
            """INSERT INTO meta (key, value) VALUES (?, '1')
               ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1""",
            (PATIENTS_GENERATION,),
        )

    def patients_generation(self) -> str:
        """Changes whenever a patient is added, changed or removed: what was worked out
        from all patients (name alerts) holds while this stays the same."""
        return self.meta(PATIENTS_GENERATION) or "0"

    def patient(self, patient_id: str) -> Patient | None:
        rows = self.db.query("SELECT doc FROM patients WHERE id = ?", (patient_id,))
        return Patient.model_validate_json(rows[0][0]) if rows else None

    def has_patient(self, patient_id: str) -> bool:
        return bool(self.db.query("SELECT 1 FROM patients WHERE id = ?", (patient_id,)))

    def patient_summaries(self) -> list[PatientSummary]:
        rows = self.db.query(
            """SELECT p.doc,
                      (SELECT count(DISTINCT o.resource_id) FROM outbox o
                       WHERE o.patient_id = p.id),
                      EXISTS (SELECT 1 FROM outbox o
                              WHERE o.patient_id = p.id AND o.last_error = ?)
                      OR EXISTS (SELECT 1 FROM meta m WHERE m.key = ? || p.id)
               FROM patients p ORDER BY p.bed, p.family_name""",
            (UNASSIGNED, UNASSIGNED_META),
        )
        return [
            PatientSummary(Patient.model_validate_json(doc), int(n), bool(gone))
            for doc, n, gone in rows
        ]

    def patients_by_id(self, patient_ids: list[str]) -> dict[str, Patient]:
        found: dict[str, Patient] = {}
        for chunk in _chunks(patient_ids):
            rows = self.db.query(
                f"SELECT doc FROM patients WHERE id IN ({_marks(chunk)})", tuple(chunk)
            )
            for (doc,) in rows:
                patient = Patient.model_validate_json(doc)
                found[patient.id] = patient
        return found

    def patient_count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM patients")[0][0])

    # --- answers ----------------------------------------------------------------

    def put_answer(self, conn: Connection, answer: Answer) -> None:
        conn.execute(
            """INSERT INTO answers (id, patient_id, question_code, status, effective_at, doc)
               VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET status = excluded.status,
                 effective_at = excluded.effective_at, doc = excluded.doc""",
            (
                answer.id,
                answer.patient_id,
                answer.question_code,
                answer.status.value,
                ts(answer.effective_at),
                answer.model_dump_json(exclude={"unsent"}),
            ),
        )

    def answers(self, patient_id: str) -> list[Answer]:
        rows = self.db.query(
            f"""SELECT a.doc, {_UNSENT.format(t="a")} FROM answers a
                WHERE a.patient_id = ? ORDER BY a.effective_at""",
            (patient_id,),
        )
        return [_with_unsent(Answer, doc, unsent) for doc, unsent in rows]

    def answer(self, answer_id: str) -> Answer | None:
        rows = self.db.query(
            f"SELECT a.doc, {_UNSENT.format(t='a')} FROM answers a WHERE a.id = ?", (answer_id,)
        )
        return _with_unsent(Answer, rows[0][0], rows[0][1]) if rows else None

    def latest_answer_times(self) -> list[AnswerTimes]:
        """For every patient and question, when it was last answered (ignoring errors)."""
        rows = self.db.query(
            # The bare column is read from the row holding the max (SQLite's rule); the
            # reason is null unless the value is a ``NoAnswer`` object.
            """SELECT patient_id, question_code, max(effective_at),
                      json_extract(doc, '$.value.reason') FROM answers
               WHERE status != ? GROUP BY patient_id, question_code""",
            (RevisionStatus.ENTERED_IN_ERROR.value,),
        )
        return [
            AnswerTimes(p, q, from_ts(t), NoAnswerReason(r) if r else None) for p, q, t, r in rows
        ]

    # --- medications and contacts --------------------------------------------

    def put_medication(self, conn: Connection, med: HomeMedication) -> None:
        _put(conn, "medications", med)

    def medications(self, patient_id: str) -> list[HomeMedication]:
        return self._records("medications", HomeMedication, patient_id)

    def medication(self, med_id: str) -> HomeMedication | None:
        return self._record("medications", HomeMedication, med_id)

    def put_contact(self, conn: Connection, contact: HomeCareContact) -> None:
        _put(conn, "contacts", contact)

    def contacts(self, patient_id: str) -> list[HomeCareContact]:
        return self._records("contacts", HomeCareContact, patient_id)

    def contact(self, contact_id: str) -> HomeCareContact | None:
        return self._record("contacts", HomeCareContact, contact_id)

    def _records(self, table: str, model: type[_M], patient_id: str) -> list[_M]:
        """A patient's records in the order they were first saved, with their unsent flag."""
        rows = self.db.query(
            f"""SELECT r.doc, {_UNSENT.format(t="r")} FROM {table} r
                WHERE r.patient_id = ? ORDER BY r.rowid""",
            (patient_id,),
        )
        return [_with_unsent(model, doc, unsent) for doc, unsent in rows]

    def _record(self, table: str, model: type[_M], record_id: str) -> _M | None:
        rows = self.db.query(
            f"SELECT r.doc, {_UNSENT.format(t='r')} FROM {table} r WHERE r.id = ?", (record_id,)
        )
        return _with_unsent(model, rows[0][0], rows[0][1]) if rows else None

    # --- discharge planning -------------------------------------------------------

    def put_discharge_plan(self, conn: Connection, plan: DischargePlan) -> None:
        conn.execute(
            """INSERT INTO discharge_plans (id, patient_id, expected_date, doc) VALUES (?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET expected_date = excluded.expected_date,
                 doc = excluded.doc""",
            (
                plan.id,
                plan.patient_id,
                plan.expected_date.isoformat() if plan.expected_date else None,
                plan.model_dump_json(exclude={"unsent"}),
            ),
        )

    def discharge_plans(self, patient_id: str) -> list[DischargePlan]:
        return self._records("discharge_plans", DischargePlan, patient_id)

    def discharge_plan(self, plan_id: str) -> DischargePlan | None:
        return self._record("discharge_plans", DischargePlan, plan_id)

    def discharge_plan_states(self, last_day: date | None) -> list[PlanState]:
        """Plans expected on or before ``last_day`` (``None``: all, dated or not), as the
        board needs them: read from the stored JSON without building whole records."""
        where, params = (
            ("", ())
            if last_day is None
            else ("WHERE r.expected_date <= ?", (last_day.isoformat(),))
        )
        rows = self.db.query(
            f"""SELECT r.id, r.patient_id, r.expected_date,
                       json_extract(r.doc, '$.destination'), {_UNSENT.format(t="r")}
                FROM discharge_plans r {where} ORDER BY r.rowid""",
            params,
        )
        return [
            PlanState(
                id=pid,
                patient_id=patient,
                expected_date=date.fromisoformat(day) if day else None,
                destination=Destination(dest) if dest else None,
                unsent=bool(unsent),
            )
            for pid, patient, day, dest, unsent in rows
        ]

    def patient_ids_without_discharge_plan(self) -> list[str]:
        """Cached patients nobody has started a discharge plan for yet."""
        rows = self.db.query(
            """SELECT p.id FROM patients p
               WHERE NOT EXISTS (SELECT 1 FROM discharge_plans r WHERE r.patient_id = p.id)
               ORDER BY p.rowid"""
        )
        return [pid for (pid,) in rows]

    def put_discharge_task(self, conn: Connection, task: DischargeTask) -> None:
        conn.execute(
            """INSERT INTO discharge_tasks (id, plan_id, patient_id, doc) VALUES (?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET plan_id = excluded.plan_id, doc = excluded.doc""",
            (task.id, task.plan_id, task.patient_id, task.model_dump_json(exclude={"unsent"})),
        )

    def discharge_task(self, task_id: str) -> DischargeTask | None:
        return self._record("discharge_tasks", DischargeTask, task_id)

    def discharge_tasks(self, plan_ids: list[str]) -> dict[str, list[DischargeTask]]:
        """The tasks of each plan, in the order they were first saved."""
        tasks: dict[str, list[DischargeTask]] = {pid: [] for pid in plan_ids}
        for chunk in _chunks(plan_ids):
            rows = self.db.query(
                f"""SELECT r.doc, {_UNSENT.format(t="r")} FROM discharge_tasks r
                    WHERE r.plan_id IN ({_marks(chunk)}) ORDER BY r.rowid""",
                tuple(chunk),
            )
            for doc, unsent in rows:
                task = _with_unsent(DischargeTask, doc, unsent)
                tasks.setdefault(task.plan_id, []).append(task)
        return tasks

    def put_follow_up_request(self, conn: Connection, request: FollowUpRequest) -> None:
        _put(conn, "communication_requests", request)

    def follow_up_requests(self, patient_id: str) -> list[FollowUpRequest]:
        """A patient's follow-up requests (CommunicationRequest), in the order first saved."""
        return self._records("communication_requests", FollowUpRequest, patient_id)

    def follow_up_request(self, request_id: str) -> FollowUpRequest | None:
        return self._record("communication_requests", FollowUpRequest, request_id)

    def discharge_task_states(self, plan_ids: list[str]) -> dict[str, list[TaskState]]:
        """What readiness needs of each plan's tasks, in the order they were first saved."""
        tasks: dict[str, list[TaskState]] = {pid: [] for pid in plan_ids}
        for chunk in _chunks(plan_ids):
            rows = self.db.query(
                f"""SELECT r.plan_id, json_extract(r.doc, '$.code'),
                           json_extract(r.doc, '$.title'), json_extract(r.doc, '$.status'),
                           json_extract(r.doc, '$.due'), {_UNSENT.format(t="r")}
                    FROM discharge_tasks r WHERE r.plan_id IN ({_marks(chunk)})
                    ORDER BY r.rowid""",
                tuple(chunk),
            )
            for plan_id, code, title, status, due, unsent in rows:
                tasks.setdefault(plan_id, []).append(
                    TaskState(
                        code=code,
                        title=title,
                        status=TaskStatus(status),
                        due=date.fromisoformat(due) if due else None,
                        unsent=bool(unsent),
                    )
                )
        return tasks

    def medication_states(self, patient_ids: list[str]) -> dict[str, list[MedicationState]]:
        """What the "not yet reconciled" count needs of many patients' medications."""
        meds: dict[str, list[MedicationState]] = {pid: [] for pid in patient_ids}
        for chunk in _chunks(patient_ids):
            rows = self.db.query(
                f"""SELECT r.patient_id, r.id, json_extract(r.doc, '$.status'),
                           json_extract(r.doc, '$.prescribed'),
                           json_extract(r.doc, '$.derived_from'),
                           json_extract(r.doc, '$.reconciliation') IS NOT NULL
                    FROM medications r WHERE r.patient_id IN ({_marks(chunk)})
                    ORDER BY r.rowid""",
                tuple(chunk),
            )
            for patient, med_id, status, prescribed, derived_from, decided in rows:
                meds.setdefault(patient, []).append(
                    MedicationState(
                        id=med_id,
                        status=MedicationStatus(status),
                        prescribed=bool(prescribed),
                        derived_from=derived_from,
                        decided=bool(decided),
                    )
                )
        return meds

    def put_record(self, conn: Connection, record: Record) -> None:
        """Store a chart record of any kind in its table."""
        if isinstance(record, Answer):
            self.put_answer(conn, record)
        elif isinstance(record, FollowUpRequest):
            self.put_follow_up_request(conn, record)
        elif isinstance(record, PatientReport):
            self.put_patient_report(conn, record)
        elif isinstance(record, HomeMedication):
            self.put_medication(conn, record)
        elif isinstance(record, DischargePlan):
            self.put_discharge_plan(conn, record)
        elif isinstance(record, DischargeTask):
            self.put_discharge_task(conn, record)
        else:
            self.put_contact(conn, record)

    def stored(self, record: Record) -> Record | None:
        """The cached version of ``record`` (same kind, same id), if any."""
        if isinstance(record, Answer):
            return self.answer(record.id)
        if isinstance(record, FollowUpRequest):
            return self.follow_up_request(record.id)
        if isinstance(record, PatientReport):
            return self.patient_report(record.id)
        if isinstance(record, HomeMedication):
            return self.medication(record.id)
        if isinstance(record, DischargePlan):
            return self.discharge_plan(record.id)
        if isinstance(record, DischargeTask):
            return self.discharge_task(record.id)
        return self.contact(record.id)

    # --- history ----------------------------------------------------------------

    def add_history(self, conn: Connection, entry: HistoryEntry) -> None:
        conn.execute(
            "INSERT INTO history (patient_id, at, doc) VALUES (?, ?, ?)",
            (entry.patient_id, ts(entry.at), entry.model_dump_json()),
        )

    def history(self, patient_id: str) -> list[HistoryEntry]:
        rows = self.db.query(
            "SELECT doc FROM history WHERE patient_id = ? ORDER BY at DESC, seq DESC",
            (patient_id,),
        )
        return [HistoryEntry.model_validate_json(doc) for (doc,) in rows]

    # --- colleagues' news ------------------------------------------------------------

    def add_news(self, conn: Connection, item: NewsItem) -> None:
        conn.execute(
            "INSERT INTO news (patient_id, area, record_key, actor_id, doc) VALUES (?, ?, ?, ?, ?)",
            (
                item.patient_id,
                item.area,
                item.record_key,
                item.actor.user_id,
                item.model_dump_json(exclude={"seq"}),
            ),
        )

    def news(self, patient_id: str, *, not_by: str) -> list[NewsItem]:
        """The patient's unseen news, newest first, leaving out ``not_by``'s own changes."""
        rows = self.db.query(
            "SELECT seq, doc FROM news WHERE patient_id = ? AND actor_id != ? ORDER BY seq DESC",
            (patient_id, not_by),
        )
        return [
            NewsItem.model_validate_json(doc).model_copy(update={"seq": seq}) for seq, doc in rows
        ]

    def news_counts(self, *, not_by: str) -> dict[str, int]:
        rows = self.db.query(
            "SELECT patient_id, count(*) FROM news WHERE actor_id != ? GROUP BY patient_id",
            (not_by,),
        )
        return {pid: int(n) for pid, n in rows}

    def clear_news(self, conn: Connection, patient_id: str, up_to: int) -> None:
        conn.execute("DELETE FROM news WHERE patient_id = ? AND seq <= ?", (patient_id, up_to))

    # --- outbox -------------------------------------------------------------------

    def enqueue(
        self,
        conn: Connection,
        *,
        resource_type: str,
        resource_id: str,
        patient_id: str | None,
        operation: OutboxOperation,
        payload: dict[str, Any],
        base_version: str | None,
        at: datetime,
    ) -> None:
        conn.execute(
            """INSERT INTO outbox (resource_type, resource_id, patient_id, operation, payload,
                                   base_version, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                resource_type,
                resource_id,
                patient_id,
                operation.value,
                json.dumps(payload, sort_keys=True),
                base_version,
                ts(at),
            ),
        )

    def outbox(self) -> list[OutboxEntry]:
        rows = self.db.query(
            """SELECT seq, resource_type, resource_id, patient_id, operation, payload,
                      base_version, created_at, attempts, last_error
               FROM outbox ORDER BY seq"""
        )
        return [
            OutboxEntry(
                seq=r[0],
                resource_type=r[1],
                resource_id=r[2],
                patient_id=r[3],
                operation=OutboxOperation(r[4]),
                payload=json.loads(r[5]),
                base_version=r[6],
                created_at=from_ts(r[7]),
                attempts=r[8],
                last_error=r[9],
            )
            for r in rows
        ]

    def outbox_count(self) -> int:
        return int(self.db.query("SELECT count(*) FROM outbox")[0][0])

    # --- audit log (append-only, hash-chained) -----------------------------------

    def append_audit(
        self,
        conn: Connection,
        *,
        at: datetime,
        user_id: str,
        action: AuditAction,
        patient_id: str | None,
        workstation: str,
        detail: str = "",
    ) -> None:
        row = conn.execute("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        prev = row[0] if row else GENESIS_HASH
        fields = (ts(at), user_id, action.value, patient_id or "", workstation, detail)
        conn.execute(
            """INSERT INTO audit_log (at, user_id, action, patient_id, workstation, detail,
                                      prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            (*fields[:3], patient_id, *fields[4:], prev, audit_hash(prev, fields)),
        )

    def audit_entries(self) -> list[AuditEntry]:
        rows = self.db.query(
            """SELECT seq, at, user_id, action, patient_id, workstation, detail, prev_hash, hash
               FROM audit_log ORDER BY seq"""
        )
        return [
            AuditEntry(
                seq=r[0],
                at=from_ts(r[1]),
                user_id=r[2],
                action=AuditAction(r[3]),
                patient_id=r[4],
                workstation=r[5],
                detail=r[6],
                prev_hash=r[7],
                hash=r[8],
            )
            for r in rows
        ]

    def verify_audit_chain(self) -> int | None:
        """Return the seq of the first entry that does not chain, or ``None`` if intact."""
        prev = GENESIS_HASH
        for e in self.audit_entries():
            fields = (
                ts(e.at),
                e.user_id,
                e.action.value,
                e.patient_id or "",
                e.workstation,
                e.detail,
            )
            if e.prev_hash != prev or e.hash != audit_hash(prev, fields):
                return e.seq
            prev = e.hash
        return None

    # --- meta -------------------------------------------------------------------------

    def break_glass_grants(self) -> dict[str, datetime]:
        """Patients outside the assignment with emergency access, and until when."""
        rows = self.db.query(
            "SELECT key, value FROM meta WHERE key LIKE ?", (BREAK_GLASS_META + "%",)
        )
        return {str(k).removeprefix(BREAK_GLASS_META): from_ts(str(v)) for k, v in rows}

    def grant_break_glass(self, conn: Connection, patient_id: str, until: datetime) -> None:
        self.set_meta(conn, BREAK_GLASS_META + patient_id, ts(until))

    def end_break_glass(self, conn: Connection, patient_id: str) -> None:
        conn.execute("DELETE FROM meta WHERE key = ?", (BREAK_GLASS_META + patient_id,))

    def meta(self, key: str) -> str | None:
        rows = self.db.query("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def set_meta(self, conn: Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # --- answers the patient reported elsewhere (QuestionnaireResponse) ------------------

    def put_patient_report(self, conn: Connection, report: PatientReport) -> None:
        """Store a report; a new server version keeps the items a nurse set aside here."""
        row = conn.execute("SELECT doc FROM patient_reports WHERE id = ?", (report.id,)).fetchone()
        stored = PatientReport.model_validate_json(row[0]) if row is not None else None
        if stored is not None and stored.server_version == report.server_version:
            stored = None  # the same version: a local decision in ``report`` itself
        report = with_local_decisions(stored, report)
        _put(conn, "patient_reports", report)

    def patient_reports(self, patient_id: str) -> list[PatientReport]:
        """A patient's reports in the order they arrived."""
        rows = self.db.query(
            "SELECT doc FROM patient_reports WHERE patient_id = ? ORDER BY rowid", (patient_id,)
        )
        return [PatientReport.model_validate_json(doc) for (doc,) in rows]

    def patient_report(self, report_id: str) -> PatientReport | None:
        rows = self.db.query("SELECT doc FROM patient_reports WHERE id = ?", (report_id,))
        return PatientReport.model_validate_json(rows[0][0]) if rows else None


def audit_hash(prev_hash: str, fields: tuple[str, ...]) -> str:
    material = json.dumps([prev_hash, *fields], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(material).hexdigest()


_UNSENT = "EXISTS (SELECT 1 FROM outbox o WHERE o.resource_id = {t}.id)"


_M = TypeVar(
    "_M", Answer, HomeMedication, HomeCareContact, DischargePlan, DischargeTask, FollowUpRequest
)
_IN_CHUNK = 500  # ids per IN (...) list, well below SQLite's limit on bound parameters


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i : i + _IN_CHUNK] for i in range(0, len(ids), _IN_CHUNK)]


def _marks(chunk: list[str]) -> str:
    return ", ".join("?" * len(chunk))


def _put(conn: Connection, table: str, record: Record) -> None:
    """A record in a table of ``(id, patient_id, doc)``, added or replaced. Whether it waits
    for upload is the outbox's to say, never stored in the document."""
    conn.execute(
        f"""INSERT INTO {table} (id, patient_id, doc) VALUES (?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET doc = excluded.doc""",
        (record.id, record.patient_id, record.model_dump_json(exclude={"unsent"})),
    )


def _with_unsent(model: type[_M], doc: str, unsent: int) -> _M:
    return model.model_validate_json(doc).model_copy(update={"unsent": bool(unsent)})
