"""What the parts of ``CareService`` share: one user, one open cache, one clock.

Each part (charts, answers, home care, discharge, access, outbox) is a small service
holding this context, the way Anki's ``Collection`` holds its managers. Writes go
through ``work()``: one transaction per edit (``app.unit_of_work``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from app.clock import Clock, local_day
from app.discharge import Checklist, DischargePlan, DischargeTask
from app.domain import (
    Actor,
    Answer,
    AuditAction,
    Catalog,
    HomeCareContact,
    HomeMedication,
    OutboxOperation,
    Patient,
    Provenance,
    RevisionStatus,
    Source,
)
from app.errors import ValidationError
from app.history_lines import HistoryLine
from app.store.database import Database
from app.store.repository import Repository
from app.unit_of_work import Editor, UnitOfWork, unit_of_work

StampedRecord = TypeVar(
    "StampedRecord", HomeMedication, HomeCareContact, DischargePlan, DischargeTask
)
"""A record the services stamp with provenance (``ServiceContext.stamped``)."""


@dataclass
class ServiceContext:
    """The signed-in user on one open cache, and the session's clock."""

    db: Database
    catalog: Catalog
    actor: Actor
    workstation: str
    clock: Clock
    language: str
    """The language of texts the core composes (follow-up channel, summary preferences)."""
    checklist: Checklist
    repo: Repository = field(init=False)

    def __post_init__(self) -> None:
        self.repo = Repository(self.db)

    def now(self) -> datetime:
        """The current instant on this session's one clock (``app.clock``)."""
        return self.clock()

    def today(self) -> date:
        """The ward's date (local time): due dates and "overdue" are days on the ward."""
        return local_day(self.clock())

    @contextmanager
    def work(self) -> Iterator[UnitOfWork]:
        """One transaction for one edit by this user, dated now (``app.unit_of_work``)."""
        editor = Editor(self.actor, self.workstation)
        with unit_of_work(self.db, self.catalog, at=self.clock(), editor=editor) as work:
            yield work

    def provenance(self, now: datetime, source: Source, base: str | None) -> Provenance:
        return Provenance(
            recorded_by=self.actor, recorded_at=now, source=source, based_on_version=base
        )

    def patient(self, patient_id: str) -> Patient:
        patient = self.repo.patient(patient_id)
        if patient is None:
            raise ValidationError("That patient is no longer in your list.")
        return patient

    def stamped(self, record: StampedRecord, old: StampedRecord | None) -> StampedRecord:
        """The caller's record with our provenance and the server version it is based on."""
        base = old.server_version if old else None
        stamped = record.model_copy(
            update={
                "provenance": self.provenance(self.clock(), record.provenance.source, base),
                "server_version": base,
                "unsent": True,
            }
        )
        type(record).model_validate(stamped.model_dump())  # model_copy skips validation
        return stamped

    def save_record(
        self, saved: HomeMedication | HomeCareContact, line: HistoryLine, *, created: bool
    ) -> None:
        """The record, its history line, outbox entry, audit entry and index: one transaction."""
        op = OutboxOperation.CREATE if created else OutboxOperation.UPDATE
        with self.work() as work:
            work.save_edit(saved, line, operation=op)
            work.audit(AuditAction.EDIT, saved.patient_id, f"{line.area} {line.action}")


class ServicePart:
    """One part of ``CareService`` (or the whole); reads the shared context by short names."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def db(self) -> Database:
        return self.ctx.db

    @property
    def repo(self) -> Repository:
        return self.ctx.repo

    @property
    def catalog(self) -> Catalog:
        return self.ctx.catalog

    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @property
    def workstation(self) -> str:
        return self.ctx.workstation

    @property
    def checklist(self) -> Checklist:
        return self.ctx.checklist

    def now(self) -> datetime:
        """The current instant on this session's one clock (``app.clock``)."""
        return self.ctx.now()

    def newest_answers(self, patient_id: str) -> dict[str, Answer]:
        """Per question the newest answer not entered in error (what the board shows)."""
        newest: dict[str, Answer] = {}
        for answer in self.repo.answers(patient_id):  # ordered by effective time
            if answer.status is not RevisionStatus.ENTERED_IN_ERROR:
                newest[answer.question_code] = answer
        return newest

    def today(self) -> date:
        """The ward's date (local time): due dates and "overdue" are days on the ward."""
        return self.ctx.today()
