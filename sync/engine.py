"""The sync engine: upload the outbox, download changes, reconcile ids (DESIGN.md §5).

A pipeline of small parts in android-fhir's manner, going beyond it where its
users were hurt: deletions and unassignments are detected (id reconciliation),
conflicts are kept for a person instead of overwritten, one refused change is
set aside with its reason while the rest goes through, and the status reports
the truth ("succeeded" only when everything did).

One sync runs at a time (a lock); the caller runs it off the GUI thread.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar, cast

from app.domain import (
    Answer,
    AnswerRevision,
    Catalog,
    OutboxEntry,
    RevisionStatus,
)
from app.errors import KnownError
from app.history_lines import record_change
from app.records import Record
from app.store.database import Connection, Database
from app.store.repository import Repository
from app.store.sync_state import Conflict, PendingChange, SyncState
from app.unit_of_work import UnitOfWork
from sync import mapping, registry
from sync.assignment import AssignmentSource, find_assigned
from sync.client import (
    AuthenticationError,
    BadResponseError,
    BatchRefusedError,
    FhirClient,
    Found,
    PermissionMissingError,
    RequestRejectedError,
    Response,
    ServerBusyError,
    ServerConformanceError,
    ServerNotTrustedError,
    ServerUnreachableError,
    SyncError,
    VersionConflictError,
    weak_etag,
)
from sync.conformance import ServerCapabilities
from sync.merge import same_content, three_way_merge

log = logging.getLogger(__name__)
T = TypeVar("T")

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


class SyncProblem(StrEnum):
    """Why a sync failed, for the user's words (the reasons are for IT, in English)."""

    OFFLINE = "offline"  # no answer from the server
    BUSY = "busy"  # it kept answering 429/5xx
    NOT_TRUSTED = "not-trusted"  # its certificate failed the check
    SIGN_IN = "sign-in"  # the token was refused, even after a refresh
    PERMISSION = "permission"  # signed in, but a permission (SMART scope) is missing
    SERVER_CANNOT = "server-cannot"  # it cannot answer a search AskOnce needs
    BAD_ANSWER = "bad-answer"  # it answered something that is not FHIR
    CHANGES = "changes"  # changes conflict or were set aside: a person decides
    RECORDS = "records"  # some of its records could not be read
    OTHER = "other"


_PROBLEMS: tuple[tuple[type[SyncError], SyncProblem], ...] = (
    (ServerUnreachableError, SyncProblem.OFFLINE),
    (ServerBusyError, SyncProblem.BUSY),
    (ServerNotTrustedError, SyncProblem.NOT_TRUSTED),
    (PermissionMissingError, SyncProblem.PERMISSION),
    (AuthenticationError, SyncProblem.SIGN_IN),
    (ServerConformanceError, SyncProblem.SERVER_CANNOT),
    (BadResponseError, SyncProblem.BAD_ANSWER),
)


def problem_of(exc: SyncError) -> SyncProblem:
    return next((p for kind, p in _PROBLEMS if isinstance(exc, kind)), SyncProblem.OTHER)


@dataclass(frozen=True)
class SyncFailed:
    at: datetime
    summary: SyncSummary
    reasons: tuple[str, ...]
    offline: bool = False
    """The server could not be reached (or kept answering 5xx): nothing is wrong locally."""
    problem: SyncProblem = SyncProblem.OTHER
    """The main reason, for the words on screen; ``reasons`` has the details for IT."""
    missing: tuple[str, ...] = ()
    """With ``PERMISSION``: the SMART scopes that would have allowed it, if known."""


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
        self._caps: ServerCapabilities | None = None
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
        self.assigned: frozenset[str] | None = None
        """The patients of the last download (assignment and emergency access), for the
        push channel's Subscriptions; None before the first."""
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
        problem: SyncProblem | None = None
        missing: tuple[str, ...] = ()
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
                problem = problem_of(exc)
                if isinstance(exc, PermissionMissingError):
                    missing = exc.scopes
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
                if problem is None:
                    problem = SyncProblem.RECORDS if summary.errors else SyncProblem.CHANGES
                    if self._stopping():
                        problem = SyncProblem.OTHER
                failed = SyncFailed(
                    self._clock(), summary, tuple(reasons), offline, problem, missing
                )
                self._emit(failed)
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
        record = registry.record_class(change.resource_type).model_validate(entry.payload)
        base = self.state.server_doc(change.resource_type, change.resource_id)
        context = registry.Outgoing(self.catalog, self.repo)
        return registry.resource_from_record(change.resource_type, record, base, context), record

    def _companions(self, change: PendingChange) -> list[dict[str, Any]]:
        """Resources sent along with a record: an agency's link to the patient's care team."""
        companions = registry.kind(change.resource_type).companions
        return companions(
            registry.record_class(change.resource_type).model_validate(change.latest.payload)
        )

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
        return find_assigned(
            self.client, self.assignment_source, self.practitioner, now=self._clock()
        )

    def _capabilities(self) -> ServerCapabilities:
        """The server's CapabilityStatement: at first contact, then once a day."""
        now = self._clock()
        caps = self._caps
        if caps is None or not timedelta(0) <= now - caps.read_at < CAPABILITIES_MAX_AGE:
            caps = ServerCapabilities.from_statement(self.client.capabilities(), now)
            self._caps = caps
        return caps

    def _search_all(self, queries: list[_Query]) -> list[Found]:
        """The searches in batches where the server can (declared, or found by trying once
        when its statement does not say), else one by one — also when a declared batch
        fails, until the statement is read again."""
        if len(queries) > BATCH_SIZE:
            return [
                found
                for start in range(0, len(queries), BATCH_SIZE)
                for found in self._search_all(queries[start : start + BATCH_SIZE])
            ]
        wanted = [(q.kind.resource_type, q.params) for q in queries]
        caps = self._caps
        if caps is not None and caps.batch is not False and len(wanted) > 1:
            try:
                found = self.client.search_all(wanted, batch=True)
            except (RequestRejectedError, BatchRefusedError, ServerBusyError) as exc:
                # Refused, misunderstood, or it kept failing (a batch a server cannot handle
                # may end in 500s): searches one by one, until the statement is read again.
                log.info("the server does not take searches in a batch (%s)", type(exc).__name__)
                self._caps = replace(caps, batch=False)
                return self.client.search_all(wanted, batch=False)
            self._caps = replace(caps, batch=True)
            return found
        return self.client.search_all(wanted, batch=False)

    def _remap_patients(self, tally: _Tally) -> None:
        """Once after an update that reads more of a patient's resources (the hospital
        record's languages, telecom, …): map every cached patient again from the server's
        resources in the cache, without asking the server — they would otherwise gain what
        is new only when the server changes them."""
        if self._read(lambda: self.repo.meta(PATIENT_MAPPING_META)) == mapping.PATIENT_MAPPING:
            return
        pids = sorted(self._read(self.state.patient_ids))

        def remap(group: list[str], work: UnitOfWork) -> None:
            for pid in group:
                self._assemble_patient(work, pid, None, tally)

        for group in _chunks(pids, STORE_GROUP):
            self._write_records(partial(remap, group))
        self._write(
            lambda conn: self.repo.set_meta(conn, PATIENT_MAPPING_META, mapping.PATIENT_MAPPING)
        )

    def _download(self, tally: _Tally) -> None:
        self._remap_patients(tally)
        self._emit(SyncProgress("assignment", 0, 1))
        try:
            caps = self._capabilities()
        except ServerConformanceError:
            self._caps = None
            raise
        now = self._clock()
        grants = self._read(self.repo.break_glass_grants)
        # Emergency access (break-glass) adds a patient for as long as the grant lasts.
        assigned = self._assigned_patients() | {p for p, until in grants.items() if until > now}
        cached = self._read(self.state.patient_ids)
        new = assigned - cached
        self._emit(SyncProgress("assignment", 1, 1))

        plan = self._read(partial(self._plan_download, caps, assigned, new))
        self._fetch_and_store(plan, caps, assigned, cached, new, tally)

    def _fetch_and_store(
        self,
        plan: _Plan,
        caps: ServerCapabilities,
        assigned: set[str],
        cached: set[str],
        new: set[str],
        tally: _Tally,
    ) -> None:
        """Fetch the plan batch by batch on a thread of its own while the batches already
        here are checked, mapped and stored, so the server's work and the client's own
        overlap (on a fast server the client's is the larger: it validates every resource
        against the FHIR models).

        What is written and when: nothing before the first batch has come and been checked
        (a search the server says it cannot answer was refused before that, and one it
        cannot answer after all fails there: a lenient server, a lying ``self`` link). Then
        a unit of the plan (a group of new patients with everything of theirs, or every
        change of the patients already here) is stored once all its pages have come and
        been checked: a patient is never in the cache with half their answers, which would
        look like questions never asked. Patients who left the assignment are purged, and
        the cursors move, only once everything has come — should a later batch fail, what
        is stored is whole and the next sync fetches again what came after."""
        for query in plan.queries:
            caps.require(query.kind.resource_type, query.params)
        # What the rest of the sync needs of what came: the home-care teams (the agencies
        # they link), the totals (the counts), the newest times (the cursors). The rest of
        # each unit is let go as soon as it is stored: freeing a whole first download at
        # once (15 MB of JSON at 400 patients) held the interpreter ~50 ms, a GUI stall.
        answers: list[_Answer] = []
        found: list[Found] = []
        newest = _Newest()
        units = len({q.unit for q in plan.queries})
        waiting: list[_Answer] = []  # come, but their unit has not yet come whole
        self._emit(SyncProgress("download", 0, units))
        try:
            with _Fetcher(self, plan.queries) as fetcher:
                for queries, results in fetcher:
                    if self._stopping():
                        return
                    for query, result in zip(queries, results, strict=True):
                        kept = self._checked(query, result.resources, plan.ignored)
                        waiting.append(_Answer(query, kept, result.searched_at))
                        found.append(replace(result, resources=[]))
                    del queries, results
                    to_come = {q.unit for q in fetcher.to_come}
                    ready = [a for a in waiting if a.query.unit not in to_come]
                    if ready:
                        waiting = [a for a in waiting if a.query.unit in to_come]
                        self._store(ready, new, plan, tally)
                        newest.take(ready)
                        answers += [
                            a
                            if a.query.kind is registry.HOME_CARE_TEAM
                            else replace(a, resources=[])
                            for a in ready
                        ]
                        del ready
                        left = {a.query.unit for a in waiting} | to_come
                        self._emit(SyncProgress("download", units - len(left), units))
        except ServerConformanceError:
            self._caps = None  # read the statement again next time: the server may change
            raise
        if self._stopping():
            return
        self._unassign(cached - assigned, assigned, tally)
        # Cursors move only once everything up to them is in the cache.
        moved = newest.moved(plan.cursors)
        if moved:
            self._write(lambda conn: self._set_cursors(conn, moved))
        self.assigned = frozenset(assigned)
        self._emit(SyncProgress("reconcile", 0, 1))
        self._reconcile(answers, found, plan, caps, assigned, tally)
        self._emit(SyncProgress("reconcile", 1, 1))

    def _plan_download(self, caps: ServerCapabilities, assigned: set[str], new: set[str]) -> _Plan:
        """The searches of this sync: what changed since the cursor for the patients we know,
        everything for the patients new to us, and the counts that reveal deletions."""
        known = sorted(assigned - new)
        reconciled = self.repo.meta(RECONCILED_META)
        now = self._clock()
        full_due = reconciled is None or not (
            timedelta(0) <= now - datetime.fromisoformat(reconciled) < FULL_RECONCILE
        )
        ignored_text = self.repo.meta(IGNORED_META) or _dump_ignored({})
        plan = _Plan(
            full_due=full_due,
            ignored=_load_ignored(ignored_text),
            ignored_text=ignored_text,
            known=known,
        )
        kinds = (*registry.PATIENT_PARTS, *registry.RECORDS, registry.HOME_CARE_TEAM)
        # Unit 0: the patients already here — what changed since each kind's cursor, the
        # counts, and whole the kinds that have no cursor yet. Large searches, few results.
        for entry in kinds:
            cursor = (
                None if entry is registry.HOME_CARE_TEAM else self.state.cursor(entry.resource_type)
            )
            plan.cursors[entry.resource_type] = cursor
            base = {**entry.filters, "_count": PAGE_SIZE}
            for part in _chunks(known, CHUNK):
                params = {**base, entry.patient_param: ",".join(part)}
                if cursor is None:
                    plan.add(entry, part, params, "all", unit=0)
                    continue
                plan.add(entry, part, {**params, "_lastUpdated": f"ge{cursor}"}, "changes", unit=0)
                if entry.count_checked and entry.is_record and not full_due:
                    counted = {**entry.filters, entry.patient_param: ",".join(part)}
                    plan.add(entry, part, {**counted, "_summary": "count"}, "count", unit=0)
        # Then the patients new to this cache, a few at a time with everything of theirs
        # (a unit each: stored as soon as it has come).
        for unit, part in enumerate(_chunks(sorted(new), CHUNK_WHOLE), start=1):
            for entry in kinds:
                params = {**entry.filters, "_count": PAGE_SIZE, entry.patient_param: ",".join(part)}
                plan.add(entry, part, params, "all", unit=unit)
        return plan

    def _checked(
        self, query: _Query, resources: list[dict[str, Any]], ignored: _Ignored
    ) -> list[dict[str, Any]]:
        """Never trust the answer: only resources of the asked type, of the asked patients,
        and ours. Other systems' resources are left alone, silently (a count in the log)."""
        kind = query.kind
        asked = set(query.patients)
        kept: list[dict[str, Any]] = []
        foreign = strangers = 0
        for res in resources:
            pid = kind.patient_of(res) if res.get("resourceType") == kind.resource_type else None
            if pid is None or pid not in asked or not res.get("id"):
                strangers += 1
                continue
            if not kind.is_ours(res):
                foreign += 1
                if kind.count_checked:  # it is in the server's count: keep the counts even
                    ignored.setdefault(kind.resource_type, {})[str(res["id"])] = (pid, "")
                continue
            kept.append(res)
        if strangers:
            log.warning(
                "%s: %d resource(s) the server returned are not of the patients asked for; "
                "left out",
                kind.resource_type,
                strangers,
            )
        if foreign:
            log.info("%s: %d other systems' resource(s) left alone", kind.resource_type, foreign)
        return kept

    def _store(
        self,
        answers: list[_Answer],
        new: set[str],
        plan: _Plan,
        tally: _Tally,
    ) -> None:
        """Take what was fetched into the cache, a group of patients per transaction: their
        stays and allergies into the patient, then their records (plans before tasks)."""
        by_patient: dict[str, list[tuple[_Query, dict[str, Any]]]] = {}
        full_parts: set[tuple[str, str]] = set()  # (type, patient) fetched whole
        for answer in answers:
            if answer.query.kind is registry.HOME_CARE_TEAM:
                continue  # only says which agencies are linked (see _reconcile)
            if answer.query.purpose == "all" and not answer.query.kind.is_record:
                full_parts |= {(answer.query.kind.resource_type, p) for p in answer.query.patients}
            for res in answer.resources:
                pid = answer.query.kind.patient_of(res)
                if pid is not None:
                    by_patient.setdefault(pid, []).append((answer.query, res))
        touched = sorted(set(by_patient) | {p for _t, p in full_parts})
        groups = _chunks(touched, STORE_GROUP)
        order = {
            k.resource_type: n for n, k in enumerate((*registry.PATIENT_PARTS, *registry.RECORDS))
        }
        for group in groups:
            if self._stopping():
                return
            items = sorted(
                (item for pid in group for item in by_patient.get(pid, [])),
                key=lambda item: order.get(item[0].kind.resource_type, 99),
            )
            self._write_records(
                partial(self._store_group, group, items, full_parts, new, plan.ignored, tally)
            )

    def _set_cursors(self, conn: Connection, newest: dict[str, str]) -> None:
        for resource_type, value in newest.items():
            self.state.set_cursor(conn, resource_type, value)

    def _store_group(
        self,
        group: list[str],
        items: list[tuple[_Query, dict[str, Any]]],
        full_parts: set[tuple[str, str]],
        new: set[str],
        ignored: _Ignored,
        tally: _Tally,
        work: UnitOfWork,
    ) -> None:
        patients: dict[str, dict[str, Any]] = {}
        changed: set[str] = set()
        seen = _Seen(self.state, items)
        # A part fetched whole replaces what was cached of it (a stay deleted on the server).
        for resource_type, pid in full_parts:
            if pid in group and resource_type != "Patient":
                self.state.forget_parts(work.conn, resource_type, pid)
                changed.add(pid)
        for query, res in items:
            kind = query.kind
            owner = kind.patient_of(res)
            if owner is None:
                continue
            pid = owner
            if kind.is_record:
                continue
            whole = (kind.resource_type, pid) in full_parts
            known = seen.doc(kind.resource_type, str(res.get("id")))
            if not whole and known is not None and same_version(known, res):
                continue  # seen before (a search since the cursor includes the newest)
            if kind is registry.PATIENT:
                patients[pid] = res
            else:
                self.state.set_server_doc(
                    work.conn, kind.resource_type, pid, res, mapping.version_of(res) or "0"
                )
            changed.add(pid)
        fetched: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for query, res in items:
            part = (query.kind.resource_type, query.kind.patient_of(res) or "")
            if part in full_parts:
                fetched.setdefault(part, []).append(res)
        for pid in sorted(changed):
            self._assemble_patient(work, pid, patients.get(pid), tally, fetched)
        seen.patients = {pid for pid in group if self.repo.has_patient(pid)}
        for query, res in items:
            if query.kind.is_record:
                self._apply_download(
                    work, query.kind.resource_type, res, tally, new, ignored, seen=seen
                )

    def _assemble_patient(
        self,
        work: UnitOfWork,
        pid: str,
        fetched: dict[str, Any] | None,
        tally: _Tally,
        parts: dict[tuple[str, str], list[dict[str, Any]]] | None = None,
    ) -> None:
        """The patient from its resource, its real stay and its allergies (as cached now:
        ``parts`` fetched whole in this sync are what the cache now holds of them)."""
        doc = fetched or self.state.server_doc("Patient", pid)
        if doc is None:
            tally.errors.append(f"Patient/{pid}: the server did not return this patient")
            return

        def cached(resource_type: str) -> list[dict[str, Any]]:
            whole = (parts or {}).get((resource_type, pid))
            return whole if whole is not None else self.state.parts(resource_type, pid)

        stays = cached("Encounter")
        allergies = cached("AllergyIntolerance")
        try:
            patient = mapping.patient_from_fhir(doc, mapping.current_stay(stays), allergies)
        except (mapping.MappingError, ValueError, KeyError) as exc:
            tally.errors.append(f"Patient/{pid}: {exc}")
            return
        work.take_patient(patient, doc)

    def _apply_download(
        self,
        work: UnitOfWork,
        resource_type: str,
        res: dict[str, Any],
        tally: _Tally,
        new: Collection[str] | None = None,
        ignored: _Ignored | None = None,
        *,
        seen: _Seen | None = None,
    ) -> None:
        """Take one server resource into the cache (unless we have it, or edits wait).

        A change for a patient already here is news for the user (``new``: the patients
        this sync brought, whose every record is new and none of it news; ``None``: no
        news, e.g. an agency shared by many patients). A resource of ours that does not
        map is an error once per version, then left aside (``ignored``), not a poison pill
        that fails every sync."""
        rid = str(res.get("id", ""))
        seen = seen or _Seen(self.state, [])
        known = seen.doc(resource_type, rid)
        if known is not None and same_version(known, res):
            return  # already have this version
        if seen.has_pending(rid):
            # Local edits wait for upload; the server's version is merged then (409/412),
            # so the base stays where our edit started.
            return
        if known is not None and same_content(known, res):
            # A new version with the same content (lists in another order, a no-op save):
            # no change for anyone to read about.
            self.state.take_version(work.conn, resource_type, res, mapping.version_of(res) or "0")
            return
        set_aside = ignored.setdefault(resource_type, {}) if ignored is not None else {}
        try:
            self._apply_local(
                work, resource_type, res, news=new is not None, new=new or (), seen=seen
            )
        except (mapping.MappingError, ValueError, KeyError) as exc:
            version = mapping.version_of(res) or ""
            before = set_aside.get(rid)
            set_aside[rid] = (registry.kind(resource_type).patient_of(res) or "", version)
            if before is None or before[1] != version:
                tally.errors.append(f"{resource_type}/{rid}: {exc}")
            return
        set_aside.pop(rid, None)
        seen.took(resource_type, res)
        tally.downloaded += 1

    def _apply_local(
        self,
        work: UnitOfWork,
        resource_type: str,
        res: dict[str, Any],
        *,
        news: bool = False,
        new: Collection[str] = (),
        seen: _Seen | None = None,
    ) -> None:
        """The server's version into the cache, with a History line worded like a local edit
        of the same change (``app.history_lines``), in the name of who made it; ``news``:
        also news for the user, unless the patient is one of the ``new`` ones."""
        record = registry.record_from_resource(resource_type, res, self.catalog)
        old = self.repo.stored(record)
        if isinstance(record, Answer):
            record = _continue_history(old if isinstance(old, Answer) else None, record)
        line = record_change(old, record, self.catalog)
        if not (seen or _Seen(self.state, [])).has_patient(record.patient_id):
            raise mapping.MappingError(f"{resource_type}/{record.id} belongs to no cached patient")
        work.take_from_server(
            resource_type, record, res, line, news=news and record.patient_id not in new
        )

    # --- reconciliation -----------------------------------------------------------------------

    def _reconcile(
        self,
        answers: list[_Answer],
        found: list[Found],
        plan: _Plan,
        caps: ServerCapabilities,
        assigned: set[str],
        tally: _Tally,
    ) -> None:
        """Deletions on the server (android-fhir never notices these) and the agencies.

        A count per type and group of patients costs nothing when nothing was deleted;
        where it differs from the cache (or once a day, whatever the counts), the ids on
        the server are read and what is gone is removed."""
        known = {
            k.resource_type: self._read(partial(self.state.known_ids, k.resource_type))
            for k in registry.RECORDS
        }

        def cached_count(kind: registry.Kind, patients: set[str]) -> int:
            mine = sum(1 for pid in known[kind.resource_type].values() if pid in patients)
            aside = plan.ignored.get(kind.resource_type, {}).values()
            return mine + sum(1 for pid, _v in aside if pid in patients)

        recheck: list[_Query] = []
        for query, result in zip(plan.queries, found, strict=True):
            if query.purpose != "count":
                continue
            if result.total is None or result.total != cached_count(
                query.kind, set(query.patients)
            ):
                recheck.append(_ids_query(query.kind, query.patients))
        if plan.full_due:
            # Patients new in this sync were read whole: nothing of theirs can be stale.
            for kind in registry.RECORDS:
                recheck += [_ids_query(kind, part) for part in _chunks(plan.known, CHUNK)]

        linked = {
            ref.removeprefix("Organization/")
            for answer in answers
            if answer.query.kind is registry.HOME_CARE_TEAM
            for team in answer.resources
            for participant in team.get("participant") or []
            if (ref := str((participant.get("member") or {}).get("reference", ""))).startswith(
                "Organization/"
            )
        }
        agencies = self._agency_queries(linked)
        queries = recheck + agencies
        for query in queries:
            caps.require(query.kind.resource_type, query.params)
        results = self._search_all(queries)
        for query, result in zip(recheck, results, strict=False):
            on_server = {str(r.get("id")) for r in result.resources}
            self._remove_gone_of(query.kind.resource_type, set(query.patients), on_server, tally)
            for rid in [
                rid
                for rid, (pid, _v) in plan.ignored.get(query.kind.resource_type, {}).items()
                if pid in query.patients and rid not in on_server
            ]:
                del plan.ignored[query.kind.resource_type][rid]
        fetched = [
            _Answer(q, self._checked(q, r.resources, plan.ignored), r.searched_at)
            for q, r in zip(agencies, results[len(recheck) :], strict=True)
        ]

        def store_agencies(work: UnitOfWork) -> None:
            for answer in fetched:
                for res in answer.resources:
                    self._apply_download(work, "Organization", res, tally, None, plan.ignored)

        if fetched:
            self._write_records(store_agencies)
        self._reconcile_agencies(assigned, linked, tally)
        seen = _Newest()
        seen.take(fetched)
        newest = seen.moved({"Organization": self._read(lambda: self.state.cursor("Organization"))})
        kept = {
            t: {rid: v for rid, v in ids.items() if v[0] in assigned or t == "Organization"}
            for t, ids in plan.ignored.items()
        }
        now = self._clock()
        ignored = _dump_ignored(kept)
        if not newest and not plan.full_due and ignored == plan.ignored_text:
            return  # nothing changed: nothing written

        def finish(conn: Connection) -> None:
            self._set_cursors(conn, newest)
            self.repo.set_meta(conn, IGNORED_META, ignored)
            if plan.full_due:
                self.repo.set_meta(conn, RECONCILED_META, now.isoformat())

        self._write(finish)

    def _agency_queries(self, linked: set[str]) -> list[_Query]:
        cursor = self._read(lambda: self.state.cursor("Organization"))
        known = set(self._read(partial(self.state.known_ids, "Organization")))
        base = {"_count": PAGE_SIZE}
        fresh = sorted(linked if cursor is None else linked - known)
        queries = [
            _Query(registry.AGENCY, part, {**base, "_id": ",".join(part)}, "all")
            for part in _chunks(fresh, CHUNK)
        ]
        if cursor is not None:
            queries += [
                _Query(
                    registry.AGENCY,
                    part,
                    {**base, "_id": ",".join(part), "_lastUpdated": f"ge{cursor}"},
                    "changes",
                )
                for part in _chunks(sorted(linked & known), CHUNK)
            ]
        return queries

    def _remove_gone_of(
        self, resource_type: str, patients: set[str], on_server: set[str], tally: _Tally
    ) -> None:
        known = self._read(partial(self.state.known_ids, resource_type))
        gone = [rid for rid, pid in known.items() if pid in patients and rid not in on_server]
        if gone:
            self._write_records(
                lambda work: self._remove_gone(work, resource_type, gone, known, tally)
            )

    def _reconcile_agencies(self, assigned: set[str], linked: set[str], tally: _Tally) -> None:
        """An agency no assigned patient's home-care team links any more is removed."""
        known = self._read(partial(self.state.known_ids, "Organization"))
        gone = [rid for rid, pid in known.items() if pid in assigned and rid not in linked]
        if gone:
            self._write_records(
                lambda work: self._remove_gone(work, "Organization", gone, known, tally)
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


PAGE_SIZE = "1000"
"""Asked of every search; a server that allows less says so in its paging links."""
CHUNK = 500  # patients per search (a long one goes in a batch or as POST _search)
CHUNK_WHOLE = 25
"""Patients per search when everything of theirs is fetched (new patients): their records
fit one page of ``PAGE_SIZE``. Following ``next`` links costs a server more than a search
that fits one page (HAPI served 1,500 resources/s on later pages against 2,600/s on first
pages, measured at 400 patients), and the pages of one search can only come one by one."""
BATCH_SIZE = 13
"""Searches per batch request: one unit of new patients (12 kinds). Its answer, about 1 MB
of JSON for 25 patients, comes soon, and the engine works on it while the next is fetched;
parsing it holds the interpreter's lock ~12 ms on the fetch thread — twice that for two
units made the GUI thread's longest stall 60 ms at 400 patients (the sync benchmark)."""
STORE_GROUP = 50  # patients per transaction when storing
FULL_RECONCILE = timedelta(days=1)
CAPABILITIES_MAX_AGE = timedelta(days=1)
PATIENT_MAPPING_META = "sync:patient-mapping"
RECONCILED_META = "sync:reconciled-at"
IGNORED_META = "sync:left-aside"

_Ignored = dict[str, dict[str, tuple[str, str]]]
"""Per type, resources matching our searches that are left aside: id -> (patient, version)
(other systems' resources a server did not filter out, ours that do not map)."""


class _Seen:
    """What the cache held when a group of downloaded resources is stored — their server
    versions, the edits waiting for upload, the patients — read once for the group instead
    of once per resource; kept up to date as the group is stored. Asked about anything
    else, it asks the cache."""

    def __init__(self, state: SyncState, items: list[tuple[_Query, dict[str, Any]]]) -> None:
        self._state = state
        ids: dict[str, set[str]] = {}
        for query, res in items:
            ids.setdefault(query.kind.resource_type, set()).add(str(res.get("id", "")))
        self._docs = {t: state.server_docs(t, wanted) for t, wanted in ids.items()}
        self._pending = state.pending_ids() if items else None
        self.patients: set[str] | None = None

    def doc(self, resource_type: str, rid: str) -> dict[str, Any] | None:
        docs = self._docs.get(resource_type)
        return docs.get(rid) if docs is not None else self._state.server_doc(resource_type, rid)

    def has_pending(self, rid: str) -> bool:
        return rid in self._pending if self._pending is not None else self._state.has_pending(rid)

    def has_patient(self, pid: str) -> bool:
        return (self.patients is not None and pid in self.patients) or (
            self._state.repo.has_patient(pid)
        )

    def took(self, resource_type: str, res: dict[str, Any]) -> None:
        if resource_type in self._docs:
            self._docs[resource_type][str(res.get("id", ""))] = res


class _Fetcher:
    """The plan's searches, fetched batch after batch on a thread of its own — one request
    at a time and in the plan's order, as before — each batch handed over as it comes,
    while the engine's thread works on the ones before it."""

    def __init__(self, engine: Synchronizer, queries: list[_Query]) -> None:
        self._engine = engine
        self._batches = _batches(queries)
        self.to_come: list[_Query] = list(queries)
        """Not handed over yet."""
        self._handed: queue.SimpleQueue[tuple[list[_Query], list[Found]] | BaseException | None]
        self._handed = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="askonce-fetch", daemon=True)

    def __enter__(self) -> _Fetcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            for batch in self._batches:
                if self._stop.is_set() or self._engine._stopping():
                    break
                self._handed.put((batch, self._engine._search_all(batch)))
        except BaseException as exc:  # noqa: BLE001 - raised on the engine's thread
            self._handed.put(exc)
        else:
            self._handed.put(None)

    def __iter__(self) -> Iterator[tuple[list[_Query], list[Found]]]:
        while (item := self._handed.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            batch, found = item
            del self.to_come[: len(batch)]
            yield batch, found


def _batches(queries: list[_Query]) -> list[list[_Query]]:
    """The plan's searches in batches of at most ``BATCH_SIZE``, a unit not split unless it
    is larger than a batch."""
    batches: list[list[_Query]] = []
    start = 0
    while start < len(queries):
        end = start
        while end < len(queries) and end - start < BATCH_SIZE:
            unit_end = end
            while unit_end < len(queries) and queries[unit_end].unit == queries[end].unit:
                unit_end += 1
            if unit_end - start > BATCH_SIZE and end > start:
                break  # the next unit would not fit: it starts the next batch
            end = min(unit_end, start + BATCH_SIZE)
        batches.append(queries[start:end])
        start = end
    return batches


@dataclass(frozen=True)
class _Query:
    kind: registry.Kind
    patients: list[str]
    """Asked for: the patients (the agencies, for Organization); nothing else is taken."""
    params: dict[str, str]
    purpose: str  # "all", "changes" (since the cursor), "count", "ids"
    unit: int = 0
    """Stored together once every search of the unit has come (see ``_fetch_and_store``)."""


@dataclass
class _Plan:
    full_due: bool
    ignored: _Ignored
    known: list[str]
    """Assigned patients cached before this sync."""
    ignored_text: str
    """``ignored`` as stored before this sync."""
    queries: list[_Query] = field(default_factory=list)
    cursors: dict[str, str | None] = field(default_factory=dict)

    def add(
        self,
        kind: registry.Kind,
        patients: list[str],
        params: dict[str, str],
        purpose: str,
        *,
        unit: int,
    ) -> None:
        self.queries.append(_Query(kind, patients, params, purpose, unit))


@dataclass(frozen=True)
class _Answer:
    query: _Query
    resources: list[dict[str, Any]]
    """The resources that passed the client-side checks."""
    searched_at: str | None = None
    """When the server ran the search, by its clock."""


def _ids_query(kind: registry.Kind, patients: list[str]) -> _Query:
    params = {
        **kind.filters,
        kind.patient_param: ",".join(patients),
        "_elements": "id",
        "_count": PAGE_SIZE,
    }
    return _Query(kind, list(patients), params, "ids")


CURSOR_OVERLAP = timedelta(minutes=1)
"""A search since the cursor starts this much before the last one ran: a change committed
while it ran, stamped just before, is not missed (what comes twice is skipped by version)."""


class _Newest:
    """Per type, where the cursor moves on: the newest ``lastUpdated`` fetched, or (nothing
    newer fetched) the server's time of the search less ``CURSOR_OVERLAP`` — so a kind with
    nothing on the server is not read whole at every sync. Server times only: the
    workstation's clock may be off. Taken a unit at a time, as the units are stored."""

    def __init__(self) -> None:
        self._newest: dict[str, tuple[datetime, str]] = {}

    def _offer(self, resource_type: str, text: object, earlier: timedelta = timedelta(0)) -> None:
        if not isinstance(text, str):
            return
        try:
            at = mapping.parse_instant(text) - earlier
        except (mapping.MappingError, ValueError):
            return
        if resource_type not in self._newest or at > self._newest[resource_type][0]:
            self._newest[resource_type] = (at, mapping.fhir_instant(at) if earlier else text)

    def take(self, answers: Iterable[_Answer]) -> None:
        for answer in answers:
            kind = answer.query.kind
            if kind is registry.HOME_CARE_TEAM or answer.query.purpose not in ("all", "changes"):
                continue
            for res in answer.resources:
                self._offer(kind.resource_type, (res.get("meta") or {}).get("lastUpdated"))
            self._offer(kind.resource_type, answer.searched_at, CURSOR_OVERLAP)

    def moved(self, cursors: dict[str, str | None]) -> dict[str, str]:
        """The types whose cursor moves on, and where to."""
        moved = {}
        for resource_type, (at, text) in self._newest.items():
            current = cursors.get(resource_type)
            try:
                before = mapping.parse_instant(current) if current else None
            except (mapping.MappingError, ValueError):
                before = None
            if before is None or at > before:
                moved[resource_type] = text
        return moved


def _load_ignored(text: str | None) -> _Ignored:
    try:
        raw = json.loads(text) if text else {}
    except json.JSONDecodeError:
        return {}
    return {
        str(t): {str(rid): (str(v[0]), str(v[1])) for rid, v in ids.items()}
        for t, ids in raw.items()
        if isinstance(ids, dict)
    }


def _dump_ignored(ignored: _Ignored) -> str:
    return json.dumps(
        {t: {rid: list(v) for rid, v in ids.items()} for t, ids in ignored.items() if ids},
        sort_keys=True,
    )


def same_version(known: dict[str, Any], res: dict[str, Any]) -> bool:
    version = mapping.version_of(res)
    return version is not None and mapping.version_of(known) == version


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
