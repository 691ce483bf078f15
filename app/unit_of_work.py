"""One change to the charts, one transaction (DESIGN.md §4).

A local edit writes the record, its outbox entry for the server, its History
line, an audit entry and the search-index update of the patient; a record
taken from the server writes the record, its merge base and its History line,
and updates the index too. After a crash either all of it is on disk or none
of it. The services, conflict resolution and the sync engine's downloads all
write through ``UnitOfWork``, so no path can leave a part out: the index of
every patient touched is brought up to date just before the commit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.discharge import DischargePlan, DischargeTask, FollowUpRequest
from app.domain import (
    Actor,
    Answer,
    AuditAction,
    Catalog,
    ContactKind,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    NewsItem,
    OutboxOperation,
    Patient,
    Source,
)
from app.errors import BugError
from app.history_lines import HistoryLine
from app.patient_reports import PatientReport
from app.records import Record
from app.store.database import Connection, Database
from app.store.repository import Repository
from app.store.search import reindex_patient
from app.store.sync_state import SyncState


@dataclass(frozen=True)
class Editor:
    """Who makes local edits: named on their History lines and audit entries."""

    actor: Actor
    workstation: str


class UnitOfWork:
    """The writes of one open transaction.

    ``unit_of_work()`` opens a transaction around one; code already inside a
    transaction (the sync engine's writes) builds one on its connection and calls
    ``finish()`` last. ``at`` is the instant of the change on the caller's clock.
    """

    def __init__(
        self,
        conn: Connection,
        db: Database,
        catalog: Catalog,
        *,
        at: datetime,
        editor: Editor | None = None,
    ) -> None:
        self.conn = conn
        self.repo = Repository(db)
        self.state = SyncState(db)
        self.catalog = catalog
        self.at = at
        self.editor = editor
        self._touched: set[str] = set()

    # --- local edits ---------------------------------------------------------------------

    def save_edit(
        self,
        record: Record,
        line: HistoryLine | None,
        *,
        operation: OutboxOperation,
        source: Source | None = None,
    ) -> None:
        """A local edit of ``record`` (already stamped): the record, its outbox entry and,
        unless ``line`` is None, its History line in this editor's name (``source``:
        the record's own source unless given)."""
        editor = self._editor()
        self.repo.put_record(self.conn, record)
        self.repo.enqueue(
            self.conn,
            resource_type=resource_type_of(record),
            resource_id=record.id,
            patient_id=record.patient_id,
            operation=operation,
            payload=record.model_dump(mode="json", exclude={"unsent"}),
            base_version=record.server_version,
            at=self.at,
        )
        if line is not None:
            self._add_history(
                record.patient_id,
                line,
                actor=editor.actor,
                at=self.at,
                source=record.provenance.source if source is None else source,
            )
        self._touched.add(record.patient_id)

    def audit(
        self,
        action: AuditAction,
        patient_id: str | None,
        detail: str = "",
        *,
        at: datetime | None = None,
    ) -> None:
        """An audit entry in this editor's name (``at``: the transaction's instant unless given)."""
        editor = self._editor()
        self.repo.append_audit(
            self.conn,
            at=at or self.at,
            user_id=editor.actor.user_id,
            action=action,
            patient_id=patient_id,
            workstation=editor.workstation,
            detail=detail,
        )

    # --- the server's versions -----------------------------------------------------------

    def take_from_server(
        self,
        resource_type: str,
        record: Record,
        doc: dict[str, Any],
        line: HistoryLine | None,
        *,
        news: bool = False,
    ) -> None:
        """A record as the server has it (nothing queued): stored with its merge base; the
        History line names who recorded it, dated when it was recorded (or, undated on the
        server, when this workstation learnt of it). ``news``: the patient was already
        here, so the change is also news until the user has seen it."""
        self.state.put_record(self.conn, resource_type, record, doc)
        if line is not None:
            prov = record.provenance
            self._add_history(
                record.patient_id,
                line,
                actor=prov.recorded_by,
                at=prov.recorded_at or self.at,
                source=prov.source,
            )
            if news:
                self.repo.add_news(
                    self.conn,
                    NewsItem(
                        patient_id=record.patient_id,
                        area=line.area,
                        record_key=record.question_code
                        if isinstance(record, Answer)
                        else record.id,
                        actor=prov.recorded_by,
                        at=prov.recorded_at,
                        subject=line.subject,
                        action=line.action,
                        new_value=line.new_value,
                    ),
                )
        self._touched.add(record.patient_id)

    def take_patient(self, patient: Patient, doc: dict[str, Any]) -> None:
        self.state.put_patient(self.conn, patient, doc)
        self._touched.add(patient.id)

    def remove_server_record(
        self, resource_type: str, resource_id: str, patient_id: str | None
    ) -> None:
        """A record deleted on the server (no local edits waiting for it)."""
        self.state.remove_record(self.conn, resource_type, resource_id)
        if patient_id:
            self._touched.add(patient_id)

    def touch(self, patient_id: str | None) -> None:
        """The patient's cached facts changed some other way: reindex them at the end."""
        if patient_id:
            self._touched.add(patient_id)

    # --- the end --------------------------------------------------------------------------

    def finish(self) -> None:
        """Bring the search index of every touched patient up to date (before the commit)."""
        for patient_id in sorted(self._touched):
            reindex_patient(self.conn, self.repo, self.catalog, patient_id)
        self._touched.clear()

    def _add_history(
        self,
        patient_id: str,
        line: HistoryLine,
        *,
        actor: Actor,
        at: datetime,
        source: Source | None,
    ) -> None:
        self.repo.add_history(
            self.conn,
            HistoryEntry(
                patient_id=patient_id,
                at=at,
                actor=actor,
                area=line.area,
                subject=line.subject,
                action=line.action,
                old_value=line.old_value,
                new_value=line.new_value,
                source=source,
            ),
        )

    def _editor(self) -> Editor:
        if self.editor is None:
            raise BugError("a local edit or audit entry needs an editor")
        return self.editor


@contextmanager
def unit_of_work(
    db: Database, catalog: Catalog, *, at: datetime, editor: Editor | None = None
) -> Iterator[UnitOfWork]:
    """A new transaction around one ``UnitOfWork``; committed (index included) on exit."""
    with db.transaction() as conn:
        work = UnitOfWork(conn, db, catalog, at=at, editor=editor)
        yield work
        work.finish()


def resource_type_of(record: Record) -> str:
    """The FHIR resource type a local edit of ``record`` is sent as (DESIGN.md §5): a
    contact person is a RelatedPerson, an agency an Organization (linked to the patient
    by a home-care CareTeam, which the sync engine sends along)."""
    if isinstance(record, Answer):
        return "Observation"
    if isinstance(record, HomeCareContact):
        return "Organization" if record.kind is ContactKind.AGENCY else "RelatedPerson"
    if isinstance(record, DischargePlan):
        return "CarePlan"
    if isinstance(record, DischargeTask):
        return "Task"
    if isinstance(record, FollowUpRequest):
        return "CommunicationRequest"
    if isinstance(record, PatientReport):
        return "QuestionnaireResponse"
    if isinstance(record, HomeMedication):
        return "MedicationStatement"  # prescriptions (MedicationRequest) are never edited here
    raise BugError(f"no resource type for a {type(record).__name__}")
