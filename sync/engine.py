"""The sync engine: upload the outbox, download changes, reconcile ids (DESIGN.md §5).

A pipeline of small parts in android-fhir's manner, going beyond it where its
users were hurt: deletions and unassignments are detected (id reconciliation),
conflicts are kept for a person instead of overwritten, one refused change is
set aside with its reason while the rest goes through, and the status reports
the truth ("succeeded" only when everything did).

One sync runs at a time (a lock); the caller runs it off the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from typing import Any, TypeVar, cast

from app.discharge import CHECKLIST_SYSTEM, DischargePlan, DischargeTask
from app.domain import (
    Answer,
    AnswerRevision,
    Catalog,
    HomeCareContact,
    HomeMedication,
    OutboxEntry,
    RevisionStatus,
)
from app.errors import KnownError
from app.history_lines import record_change
from app.store.database import Connection, Database
from app.store.repository import Repository
from app.store.sync_state import Conflict, PendingChange, Record, SyncState
from app.unit_of_work import UnitOfWork
from sync import mapping
from sync.assignment import AssignmentSource, find_assigned
from sync.client import (
    FhirClient,
    RequestRejectedError,
    Response,
    ServerBusyError,
    ServerUnreachableError,
    SyncError,
    VersionConflictError,
    weak_etag,
)
from sync.merge import same_content, three_way_merge

log = logging.getLogger(__name__)
T = TypeVar("T")

# Plans before their tasks: a task names the plan it belongs to.
RECORD_TYPES = (
    "Observation",
    "MedicationStatement",
    "MedicationRequest",
    "RelatedPerson",
    "CarePlan",
    "Task",
)
# Only our own resources of a type: answers are survey Observations, plans the discharge
# CarePlans of our checklist, tasks coded from it (other systems keep their own).
SEARCH_FILTERS: dict[str, dict[str, str]] = {
    "Observation": {"category": "survey"},
    "CarePlan": {
        "category": f"{mapping.CARE_PLAN_CATEGORY_SYSTEM}|{mapping.ASKONCE_DISCHARGE_PLAN}"
    },
    "Task": {"code": f"{CHECKLIST_SYSTEM}|"},
}
CHUNK = 40  # patients per search (keeps URLs short)
MAX_MERGE_ROUNDS = 3


# --- typed status values ------------------------------------------------------------------


@dataclass(frozen=True)
class SyncSummary:
    downloaded: int = 0
    uploaded: int = 0
    conflicts: int = 0
    set_aside: int = 0
    removed: int = 0
    errors: tuple[str, ...] = ()

    def line(self) -> str:
        return (
            f"downloaded {self.downloaded}, uploaded {self.uploaded}, conflicts {self.conflicts}, "
            f"set aside {self.set_aside}, removed {self.removed}, errors {len(self.errors)}"
        )


@dataclass(frozen=True)
class SyncStarted:
    at: datetime


@dataclass(frozen=True)
class SyncProgress:
    stage: str  # "upload", "assignment", "download", "reconcile"
    done: int
    total: int


@dataclass(frozen=True)
class SyncSucceeded:
    at: datetime
    summary: SyncSummary


@dataclass(frozen=True)
class SyncFailed:
    at: datetime
    summary: SyncSummary
    reasons: tuple[str, ...]
    offline: bool = False
    """The server could not be reached (or kept answering 5xx): nothing is wrong locally."""


SyncStatus = SyncStarted | SyncProgress | SyncSucceeded | SyncFailed


FIND_PATIENT_SCAN = 50
"""How many resources a break-glass lookup reads at most (a lenient server may list all)."""


class PatientLookupError(KnownError):
    """The break-glass lookup could not say which patient has the MRN."""


class SyncAlreadyRunningError(SyncError):
    """Another sync holds the lock."""


@dataclass
class _Tally:
    downloaded: int = 0
    uploaded: int = 0
    conflicts: int = 0
    set_aside: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> SyncSummary:
        return SyncSummary(
            self.downloaded,
            self.uploaded,
            self.conflicts,
            self.set_aside,
            self.removed,
            tuple(self.errors),
        )


class Synchronizer:
    """Runs one sync of one user's cache against one FHIR server."""

    def __init__(
        self,
        db: Database,
        catalog: Catalog,
        client: FhirClient,
        practitioner: str,
        *,
        on_status: Callable[[SyncStatus], None] = lambda _s: None,
        clock: Callable[[], datetime],
        run_db: Callable[[Callable[[], Any]], Any] | None = None,
        retention_days: int = 0,
        assignment_source: AssignmentSource = AssignmentSource.CARE_TEAM,
    ) -> None:
        self.db = db
        self.assignment_source = assignment_source
        self.retention = timedelta(days=retention_days)
        self.catalog = catalog
        self.client = client
        self.practitioner = practitioner  # "Practitioner/<id>"
        self.state = SyncState(db)
        self.repo = Repository(db)
        self._emit = on_status
        self._clock = clock
        self._lock = threading.Lock()
        self._cancel = threading.Event()  # this sync: stop at the next step
        self._closed = threading.Event()  # for good: locked, signed out or closed
        # Network waits happen on the caller's thread; every cache access goes through
        # run_db, which the GUI points at its one DB worker (all access serialized there).
        self._run_db = run_db or (lambda fn: fn())

    def _read(self, fn: Callable[[], T]) -> T:
        return cast(T, self._run_db(fn))

    def _write(self, fn: Callable[[Connection], T]) -> T:
        def in_transaction() -> T:
            with self.db.transaction() as conn:
                return fn(conn)

        return cast(T, self._run_db(in_transaction))

    def _write_records(self, fn: Callable[[UnitOfWork], T]) -> T:
        """A transaction that changes chart records: history lines and the search index of
        every patient touched go with it (``app.unit_of_work``)."""

        def in_transaction() -> T:
            with self.db.transaction() as conn:
                work = UnitOfWork(conn, self.db, self.catalog, at=self._clock())
                result = fn(work)
                work.finish()
                return result

        return cast(T, self._run_db(in_transaction))

    def cancel(self) -> None:
        """End the running sync at its next step; the next sync runs normally."""
        self._cancel.set()

    def close(self) -> None:
        """End the running sync at its next step, and start none after this one.

        Unlike ``cancel`` this is final: a sync already queued on the network thread
        when the app locks must not run on with dropped tokens and a closed cache.
        """
        self._closed.set()
        self._cancel.set()

    def _stopping(self) -> bool:
        return self._cancel.is_set() or self._closed.is_set()

    def sync(self) -> SyncSummary:
        if not self._lock.acquire(blocking=False):
            raise SyncAlreadyRunningError("a sync is already running")
        tally = _Tally()
        offline = False
        try:
            if self._closed.is_set():
                return SyncSummary(errors=("sync stopped",))
            self._cancel.clear()
            self._emit(SyncStarted(self._clock()))
            try:
                self._upload(tally)
                if not self._stopping():
                    self._upload_audit(tally)
                if not self._stopping():
                    self._download(tally)
            except SyncError as exc:
                offline = isinstance(exc, (ServerUnreachableError, ServerBusyError))
                tally.errors.append(str(exc))
            if self._stopping():
                tally.errors.append("sync cancelled")
            summary = tally.summary()
            if self._closed.is_set():
                return summary  # the cache may be closing: read nothing more, report nothing
            # Changes set aside or in conflict in an earlier sync still block "up to date".
            blocked = self._read(self.state.blocked_count)
            if summary.errors or summary.set_aside or summary.conflicts or blocked:
                reasons = list(summary.errors)
                if summary.conflicts:
                    reasons.append(f"{summary.conflicts} change(s) conflict with the server")
                if summary.set_aside:
                    reasons.append(f"{summary.set_aside} change(s) set aside")
                if blocked and not (summary.conflicts or summary.set_aside):
                    reasons.append(f"{blocked} change(s) still wait for a decision")
                self._emit(SyncFailed(self._clock(), summary, tuple(reasons), offline))
            else:
                self._emit(SyncSucceeded(self._clock(), summary))
            log.info("sync finished: %s", summary.line())
            return summary
        finally:
            self._lock.release()

    # --- upload -------------------------------------------------------------------------------

    def _resource_for(self, change: PendingChange) -> tuple[dict[str, Any], Record]:
        return self._resource_for_entry(change, change.latest)

    def _resource_for_entry(
        self, change: PendingChange, entry: OutboxEntry
    ) -> tuple[dict[str, Any], Record]:
        payload = entry.payload
        base = self.state.server_doc(change.resource_type, change.resource_id)
        record: Record
        if change.resource_type == "Observation":
            record = Answer.model_validate(payload)
            return mapping.answer_to_observation(record, self.catalog, base), record
        if change.resource_type == "MedicationStatement":
            record = HomeMedication.model_validate(payload)
            return mapping.medication_to_statement(record, base), record
        if change.resource_type == "CarePlan":
            record = DischargePlan.model_validate(payload)
            tasks = self.repo.discharge_tasks([record.id]).get(record.id, [])
            resource = mapping.plan_to_care_plan(record, base, task_ids=[t.id for t in tasks])
            return resource, record
        if change.resource_type == "Task":
            record = DischargeTask.model_validate(payload)
            return mapping.task_to_fhir(record, base), record
        record = HomeCareContact.model_validate(payload)
        if change.resource_type == "Organization":
            return mapping.contact_to_organization(record, base), record
        return mapping.contact_to_related_person(record, base), record

    def _companions(self, change: PendingChange) -> list[dict[str, Any]]:
        """Resources sent along with a record: an agency's link to the patient's care team."""
        if change.resource_type != "Organization":
            return []
        return [mapping.home_care_team(HomeCareContact.model_validate(change.latest.payload))]

    def _put_companions(self, change: PendingChange) -> None:
        for companion in self._companions(change):
            self.client.put(companion)

    def _base_version(self, change: PendingChange) -> str | None:
        base = self.state.server_doc(change.resource_type, change.resource_id)
        return mapping.version_of(base) if base else None

    def _upload(self, tally: _Tally) -> None:
        pending = self._read(self.state.pending)
        if not pending:
            return
        prepared: list[tuple[PendingChange, dict[str, Any], str | None]] = []
        for change in pending:
            try:
                resource, _record = self._read(partial(self._resource_for, change))
            except (mapping.MappingError, ValueError, KeyError) as exc:
                # The message of a validation error may quote the record: name the type only.
                reason = (
                    f"cannot be sent: it does not fit the server's format ({type(exc).__name__})"
                )
                self._set_aside(change, reason, tally)
                continue
            base_version = self._read(partial(self._base_version, change))
            # A create that was sent before but never confirmed: the server may have it
            # already, maybe changed by a colleague since. Look before sending again.
            unknown_create = base_version is None and change.attempted is not None
            if unknown_create and self._settle_unknown_create(change, resource, tally):
                continue
            prepared.append((change, resource, base_version))
        if not prepared:
            return
        self._write(partial(self._note_attempts, [c for c, _r, _v in prepared]))
        self._emit(SyncProgress("upload", 0, len(prepared)))
        bundle = {
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": [
                {
                    "fullUrl": f"{self.client.base_url}/{c.resource_type}/{c.resource_id}",
                    "resource": resource,
                    "request": {
                        "method": "PUT",
                        "url": f"{c.resource_type}/{c.resource_id}",
                        **({"ifMatch": weak_etag(v)} if v is not None else {}),
                    },
                }
                for c, resource, v in prepared
            ]
            + [
                {
                    "fullUrl": f"{self.client.base_url}/{extra['resourceType']}/{extra['id']}",
                    "resource": extra,
                    "request": {"method": "PUT", "url": f"{extra['resourceType']}/{extra['id']}"},
                }
                for c, _resource, _v in prepared
                for extra in self._companions(c)
            ],
        }
        try:
            response = self.client.transaction(bundle)
        except (VersionConflictError, RequestRejectedError) as exc:
            # One bad entry fails the whole transaction: send one by one, so the rest
            # goes through and the bad one is set aside with its reason.
            log.info("transaction refused (%s); sending %d entries singly", exc, len(prepared))
            self._upload_singly(prepared, tally)
            return
        entries = (response.body or {}).get("entry", [])
        if len(entries) != len(bundle["entry"]):
            raise SyncError("the server's transaction answer does not match what was sent")

        def confirm_all(conn: Connection) -> None:
            for (change, resource, _v), entry in zip(
                prepared, entries[: len(prepared)], strict=True
            ):
                etag = (entry.get("response") or {}).get("etag")
                version = Response(200, None, etag, None).version or "0"
                self.state.confirm(conn, change, version, _with_version(resource, version))

        self._write(confirm_all)
        tally.uploaded += len(prepared)
        self._emit(SyncProgress("upload", len(prepared), len(prepared)))

    def _upload_singly(
        self, prepared: list[tuple[PendingChange, dict[str, Any], str | None]], tally: _Tally
    ) -> None:
        unfinished: list[PendingChange] = []
        for n, (change, full, base_version) in enumerate(prepared, start=1):
            if self._stopping():
                return
            resource, trimmed = self._sendable_alone(change, full)
            try:
                response = self.client.put(resource, if_match=base_version)
            except VersionConflictError:
                self._resolve_version_conflict(change, resource, tally)
            except RequestRejectedError as exc:
                self._set_aside(change, _reason(exc), tally)
            else:
                version = response.version or "0"
                stored = _with_version(resource, version)
                if trimmed:
                    # The server has the plan, but not yet the links to its new tasks: the
                    # plan's edits stay queued until the full plan follows the tasks.
                    waiting = replace(change, last_seq=0)
                    self._write(partial(self._confirm, waiting, version, stored))
                    unfinished.append(change)
                else:
                    self._write(partial(self._confirm, change, version, stored))
                    self._put_companions(change)
                tally.uploaded += 1
            self._emit(SyncProgress("upload", n, len(prepared)))
        for change in unfinished:
            if not self._stopping():
                self._send_plan_again(change, tally)

    def _sendable_alone(
        self, change: PendingChange, resource: dict[str, Any]
    ) -> tuple[dict[str, Any], bool]:
        """Outside a transaction a CarePlan may not point at Tasks the server lacks (they
        point back at it, so one of the two goes first): leave those links out for now."""
        if change.resource_type != "CarePlan" or not resource.get("activity"):
            return resource, False
        known = self._read(lambda: set(self.state.known_ids("Task")))
        activity = resource["activity"]
        kept = [
            a for a in activity if (tid := mapping.task_reference_id(a)) is None or tid in known
        ]
        if len(kept) == len(activity):
            return resource, False
        trimmed = {k: v for k, v in resource.items() if k != "activity"}
        if kept:
            trimmed["activity"] = kept
        return trimmed, True

    def _send_plan_again(self, change: PendingChange, tally: _Tally) -> None:
        """The full plan, now that its tasks are on the server."""
        full, _record = self._read(partial(self._resource_for, change))
        resource, trimmed = self._sendable_alone(change, full)
        base_version = self._read(partial(self._base_version, change))
        try:
            response = self.client.put(resource, if_match=base_version)
        except VersionConflictError:
            self._resolve_version_conflict(change, resource, tally)
            return
        except RequestRejectedError as exc:
            self._set_aside(change, _reason(exc), tally)
            return
        version = response.version or "0"
        confirmed = replace(change, last_seq=0) if trimmed else change  # a task still missing
        self._write(partial(self._confirm, confirmed, version, _with_version(resource, version)))

    def _settle_unknown_create(
        self, change: PendingChange, mine: dict[str, Any], tally: _Tally
    ) -> bool:
        """True if handled here (already there, merged or in conflict); False: send as create."""
        try:
            self.client.read(change.resource_type, change.resource_id)
        except RequestRejectedError as exc:
            if exc.status in (404, 410):
                return False
            raise
        assert change.attempted is not None
        sent, _record = self._read(partial(self._resource_for_entry, change, change.attempted))
        self._resolve_version_conflict(change, mine, tally, base=sent)
        return True

    def _resolve_version_conflict(
        self,
        change: PendingChange,
        mine: dict[str, Any],
        tally: _Tally,
        *,
        base: dict[str, Any] | None = None,
    ) -> None:
        if base is None:
            base = self._read(
                lambda: self.state.server_doc(change.resource_type, change.resource_id)
            )
        for _round in range(MAX_MERGE_ROUNDS):
            current = self.client.read(change.resource_type, change.resource_id)
            theirs = current.body or {}
            merged, fields = three_way_merge(base, mine, theirs)
            if not fields and same_content(merged, theirs):
                # The server already has it (a resend after a lost answer, or the same edit
                # made elsewhere): take its version, write nothing new.
                version = current.version or "0"
                self._write_records(partial(self._confirm_theirs, change, version, theirs))
                tally.uploaded += 1
                return
            if fields:
                conflict = Conflict(
                    resource_type=change.resource_type,
                    resource_id=change.resource_id,
                    patient_id=change.patient_id,
                    fields=tuple(fields),
                    mine=mine,
                    theirs=theirs,
                    base=base,
                    created_at=self._clock(),
                )
                self._write(partial(self._save_conflict, conflict))
                tally.conflicts += 1
                return
            try:
                response = self.client.put(merged, if_match=current.version)
            except VersionConflictError:
                continue  # changed again meanwhile: merge against the newer version
            except RequestRejectedError as exc:
                self._set_aside(change, _reason(exc), tally)
                return
            version = response.version or "0"
            stored = _with_version(merged, version)

            def confirm_merged(
                work: UnitOfWork, v: str = version, d: dict[str, Any] = stored
            ) -> None:
                self.state.confirm(work.conn, change, v, d)
                self._apply_local(work, change.resource_type, d)

            self._write_records(confirm_merged)
            self._put_companions(change)
            tally.uploaded += 1
            return
        self._set_aside(change, "the record keeps changing on the server; try again", tally)

    def _note_attempts(self, changes: list[PendingChange], conn: Connection) -> None:
        for change in changes:
            self.state.note_attempt(conn, change.resource_id, change.last_seq)

    def _confirm(
        self, change: PendingChange, version: str, stored: dict[str, Any], conn: Connection
    ) -> None:
        self.state.confirm(conn, change, version, stored)

    def _confirm_theirs(
        self, change: PendingChange, version: str, theirs: dict[str, Any], work: UnitOfWork
    ) -> None:
        self.state.confirm(work.conn, change, version, theirs)
        self._apply_local(work, change.resource_type, theirs)

    def _save_conflict(self, conflict: Conflict, conn: Connection) -> None:
        self.state.save_conflict(conn, conflict)

    def _set_aside(self, change: PendingChange, reason: str, tally: _Tally) -> None:
        self._write(lambda conn: self.state.hold(conn, change.resource_id, reason))
        tally.set_aside += 1

    # --- audit trail -------------------------------------------------------------------------

    def _upload_audit(self, tally: _Tally) -> None:
        """This user's audit entries as AuditEvents; kept locally until the server has them."""
        entries = self._read(lambda: self.state.audit_to_upload(self.practitioner))
        if not entries:
            return
        bundle = {
            "resourceType": "Bundle",
            "type": "transaction",
            "entry": [
                {
                    "fullUrl": f"{self.client.base_url}/AuditEvent/{mapping.audit_event_id(e)}",
                    "resource": mapping.audit_to_event(e),
                    "request": {"method": "PUT", "url": f"AuditEvent/{mapping.audit_event_id(e)}"},
                }
                for e in entries
            ],
        }
        try:
            self.client.transaction(bundle)
        except (RequestRejectedError, VersionConflictError) as exc:
            tally.errors.append(
                f"the audit trail could not be sent ({len(entries)} entries): {exc}"
            )
            return
        seqs = [e.seq for e in entries]
        self._write(lambda conn: self.state.mark_audit_uploaded(conn, seqs))

    # --- download ------------------------------------------------------------------------------

    def find_patient(self, mrn: str) -> str | None:
        """The server id of the patient with this MRN (for break-glass access), if any.

        Never trust the answer: a server may ignore the search parameter and list other
        patients, so only a Patient that really carries ``mrn`` as an identifier counts,
        and two of them are refused rather than guessed. A lenient server is not paged
        through: the first ``FIND_PATIENT_SCAN`` resources are all that is read.
        """
        found: set[str] = set()
        try:
            answer = self.client.search("Patient", {"identifier": mrn, "_count": "10"})
            for n, resource in enumerate(answer):
                if n >= FIND_PATIENT_SCAN:
                    break
                if resource.get("resourceType") == "Patient" and resource.get("id"):
                    values = {str(i.get("value", "")) for i in resource.get("identifier") or []}
                    if mrn in values:
                        found.add(str(resource["id"]))
        except SyncError as exc:
            raise PatientLookupError(
                "The server could not be searched for that patient.",
                hint="Check the network and try again; if it keeps failing, tell IT.",
            ) from exc
        if len(found) > 1:
            raise PatientLookupError(
                "More than one patient on the server has that MRN; no access was given.",
                hint="Ask IT to check the patient records.",
            )
        return next(iter(found), None)

    def _assigned_patients(self) -> set[str]:
        return find_assigned(self.client, self.assignment_source, self.practitioner)

    def _download(self, tally: _Tally) -> None:
        self._emit(SyncProgress("assignment", 0, 1))
        now = self._clock()
        grants = self._read(self.repo.break_glass_grants)
        # Emergency access (break-glass) adds a patient for as long as the grant lasts.
        assigned = self._assigned_patients() | {p for p, until in grants.items() if until > now}
        cached = self._read(self.state.patient_ids)
        new = assigned - cached
        self._emit(SyncProgress("assignment", 1, 1))

        self._unassign(cached - assigned, assigned, tally)
        chunks = _chunks(sorted(assigned), CHUNK)
        self._download_patients(chunks, tally)
        steps = len(RECORD_TYPES) + 1
        for n, resource_type in enumerate(RECORD_TYPES, start=1):
            if self._stopping():
                return
            self._download_type(resource_type, chunks, new, tally)
            self._reconcile(
                resource_type, assigned, self._ids_on_server(resource_type, chunks), tally
            )
            self._emit(SyncProgress("download", n, steps))
        if not self._stopping():
            agencies = self._download_agencies(chunks, tally)
            self._reconcile("Organization", assigned, agencies, tally)
            self._emit(SyncProgress("download", steps, steps))

    def _download_agencies(self, chunks: list[list[str]], tally: _Tally) -> set[str]:
        """Agencies reached through each patient's home-care CareTeam; returns their ids."""
        linked: set[str] = set()
        for chunk in chunks:
            teams = self.client.search(
                "CareTeam",
                {
                    "patient": ",".join(chunk),
                    "category": f"{mapping.HOME_CARE_CATEGORY}|home-care",
                    "status": "active",
                },
            )
            for team in teams:
                for participant in team.get("participant", []):
                    reference = str((participant.get("member") or {}).get("reference", ""))
                    if reference.startswith("Organization/"):
                        linked.add(reference.split("/", 1)[1])
        for ids in _chunks(sorted(linked), CHUNK):
            batch = list(self.client.search("Organization", {"_id": ",".join(ids)}))

            def store(work: UnitOfWork, batch: list[dict[str, Any]] = batch) -> None:
                for res in batch:
                    self._apply_download(work, "Organization", res, tally)

            self._write_records(store)
        return linked

    def _download_patients(self, chunks: list[list[str]], tally: _Tally) -> None:
        for chunk in chunks:
            patients = list(self.client.search("Patient", {"_id": ",".join(chunk)}))
            encounters: dict[str, dict[str, Any]] = {}
            for enc in self.client.search(
                "Encounter", {"patient": ",".join(chunk), "status": "in-progress"}
            ):
                pid = str((enc.get("subject") or {}).get("reference", "")).removeprefix("Patient/")
                encounters[pid] = enc
            allergies: dict[str, list[dict[str, Any]]] = {}
            for allergy in self.client.search("AllergyIntolerance", {"patient": ",".join(chunk)}):
                pid = str((allergy.get("patient") or {}).get("reference", "")).removeprefix(
                    "Patient/"
                )
                allergies.setdefault(pid, []).append(allergy)

            def store(
                work: UnitOfWork,
                batch: list[dict[str, Any]] = patients,
                encounters: dict[str, dict[str, Any]] = encounters,
                allergies: dict[str, list[dict[str, Any]]] = allergies,
            ) -> None:
                for res in batch:
                    try:
                        patient = mapping.patient_from_fhir(
                            res, encounters.get(res["id"]), allergies.get(res["id"], [])
                        )
                    except (mapping.MappingError, ValueError, KeyError) as exc:
                        tally.errors.append(f"Patient/{res.get('id')}: {exc}")
                        continue
                    work.take_patient(patient, res)

            self._write_records(store)

    def _download_type(
        self, resource_type: str, chunks: list[list[str]], new: set[str], tally: _Tally
    ) -> None:
        cursor = self._read(lambda: self.state.cursor(resource_type))
        newest = cursor
        for chunk in chunks:
            params = {"patient": ",".join(chunk), "_count": "200"}
            params.update(SEARCH_FILTERS.get(resource_type, {}))
            fresh = [p for p in chunk if p in new]
            queries = []
            if cursor is not None:
                known = [p for p in chunk if p not in new]
                if known:
                    queries.append(
                        {**params, "patient": ",".join(known), "_lastUpdated": f"ge{cursor}"}
                    )
                if fresh:
                    queries.append({**params, "patient": ",".join(fresh)})
            else:
                queries.append(params)
            for query in queries:
                batch = list(self.client.search(resource_type, query))
                for res in batch:
                    updated = (res.get("meta") or {}).get("lastUpdated")
                    if updated and (newest is None or updated > newest):
                        newest = updated

                def store(work: UnitOfWork, batch: list[dict[str, Any]] = batch) -> None:
                    for res in batch:
                        self._apply_download(work, resource_type, res, tally, new)

                self._write_records(store)
        if newest is not None and newest != cursor:
            final = newest
            self._write(lambda conn: self.state.set_cursor(conn, resource_type, final))

    def _apply_download(
        self,
        work: UnitOfWork,
        resource_type: str,
        res: dict[str, Any],
        tally: _Tally,
        new: Collection[str] | None = None,
    ) -> None:
        """Take one server resource into the cache (unless we have it, or edits wait).

        A change for a patient already here is news for the user (``new``: the patients
        this sync brought, whose every record is new and none of it news; ``None``: no
        news, e.g. an agency shared by many patients)."""
        rid = str(res.get("id", ""))
        known = self.state.server_doc(resource_type, rid)
        if known is not None and mapping.version_of(known) == mapping.version_of(res):
            return  # already have this version
        if self.state.has_pending(rid):
            # Local edits wait for upload; the server's version is merged then (409/412),
            # so the base stays where our edit started.
            return
        try:
            self._apply_local(work, resource_type, res, news=new is not None, new=new or ())
        except (mapping.MappingError, ValueError, KeyError) as exc:
            tally.errors.append(f"{resource_type}/{rid}: {exc}")
            return
        tally.downloaded += 1

    def _apply_local(
        self,
        work: UnitOfWork,
        resource_type: str,
        res: dict[str, Any],
        *,
        news: bool = False,
        new: Collection[str] = (),
    ) -> None:
        """The server's version into the cache, with a History line worded like a local edit
        of the same change (``app.history_lines``), in the name of who made it; ``news``:
        also news for the user, unless the patient is one of the ``new`` ones."""
        record = mapping.record_from_resource(resource_type, res, self.catalog)
        old = self.repo.stored(record)
        if isinstance(record, Answer):
            record = _continue_history(old if isinstance(old, Answer) else None, record)
        line = record_change(old, record, self.catalog)
        if self.repo.patient(record.patient_id) is None:
            raise mapping.MappingError(f"{resource_type}/{record.id} belongs to no cached patient")
        work.take_from_server(
            resource_type, record, res, line, news=news and record.patient_id not in new
        )

    # --- reconciliation -----------------------------------------------------------------------

    def _ids_on_server(self, resource_type: str, chunks: list[list[str]]) -> set[str]:
        on_server: set[str] = set()
        for chunk in chunks:
            params = {"patient": ",".join(chunk), "_elements": "id", "_count": "500"}
            params.update(SEARCH_FILTERS.get(resource_type, {}))
            on_server |= {str(r.get("id")) for r in self.client.search(resource_type, params)}
        return on_server

    def _reconcile(
        self, resource_type: str, assigned: set[str], on_server: set[str], tally: _Tally
    ) -> None:
        """Find records deleted on the server (android-fhir never notices these)."""
        known = self._read(lambda: self.state.known_ids(resource_type))
        gone = [rid for rid, pid in known.items() if pid in assigned and rid not in on_server]
        if gone:
            self._write_records(
                lambda work: self._remove_gone(work, resource_type, gone, known, tally)
            )

    def _remove_gone(
        self,
        work: UnitOfWork,
        resource_type: str,
        gone: list[str],
        known: dict[str, str | None],
        tally: _Tally,
    ) -> None:
        for rid in gone:
            if self.state.has_pending(rid):
                self.state.hold(work.conn, rid, "deleted on the server")
                tally.set_aside += 1
                continue
            work.remove_server_record(resource_type, rid, known[rid])
            tally.removed += 1

    def _unassign(self, leaving: Iterable[str], assigned: set[str], tally: _Tally) -> None:
        patients = list(leaving)
        self._write(lambda conn: self._purge(conn, patients, assigned, tally))

    def _purge(
        self, conn: Connection, leaving: list[str], assigned: set[str], tally: _Tally
    ) -> None:
        """Data minimization (DESIGN.md §4): who left the assignment goes after the retention
        period, and never while their edits are still waiting for the server."""
        self.state.clear_unassigned(conn, assigned)
        pending = self.state.patients_with_pending()
        now = self._clock()
        for pid in leaving:
            since = self.state.unassigned_since(pid)
            if since is None:
                since = now
                self.state.mark_unassigned(conn, pid, now)
            if pid in pending:
                # Kept until its edits reach the server; flagged on the status line.
                self.state.flag_outbox_of_unassigned(conn, pid)
                continue
            if now - since >= self.retention:
                self.state.purge_patient(conn, pid)
                tally.removed += 1


def _continue_history(local: Answer | None, incoming: Answer) -> Answer:
    """Keep the history we know and add the server's newest revision to it."""
    if local is None:
        return incoming
    earlier = tuple(
        r.model_copy(update={"status": RevisionStatus.SUPERSEDED}) for r in local.history
    )
    latest: AnswerRevision = incoming.history[-1]
    return incoming.model_copy(update={"history": (*earlier, latest)})


def _with_version(resource: dict[str, Any], version: str) -> dict[str, Any]:
    stored = dict(resource)
    stored["meta"] = {**(resource.get("meta") or {}), "versionId": version}
    return stored


def _reason(exc: RequestRejectedError) -> str:
    """Why the server refused, from OperationOutcome codes only (diagnostics may hold data)."""
    issues = (exc.outcome or {}).get("issue", []) if isinstance(exc.outcome, dict) else []
    codes = sorted({str(i.get("code")) for i in issues if isinstance(i, dict) and i.get("code")})
    return f"refused by the server ({exc.status}{': ' + ', '.join(codes) if codes else ''})"


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
