"""What the front end and the command lines ask of the core, for one user on one cache.

``CareService`` holds small services the way Anki's ``Collection`` holds its managers:

- ``charts`` — the ward list, a patient's chart, search (app/services/charts.py)
- ``answers`` — record, confirm, correct, enter in error (answers.py)
- ``home_care`` — home medications and home-care contacts (home_care.py)
- ``discharge`` — readiness board, Discharge tab, summary, plan and task edits (discharge.py)
- ``access`` — break-glass access and audit entries (access.py)
- ``outbox`` — what waits for the server: counts, refused changes, conflicts (outbox.py)
- ``news`` — colleagues' changes the user has not seen yet (news.py)
- ``reports`` — answers the patient reported elsewhere (a portal), to confirm (reports.py)

Every edit is one transaction holding the record, its history line, its outbox
entry for the server, its audit entry and the search-index update
(``app.unit_of_work``): after a crash either all of them are on disk or none is.
History lines are worded by ``app.history_lines``, as the sync engine words a
colleague's change.
"""

from __future__ import annotations

import uuid

from app.clock import Clock
from app.discharge import Checklist, default_checklist
from app.discharge import FollowUp as FollowUp
from app.domain import Actor, Catalog, Provenance, Source
from app.services.access import MIN_BREAK_GLASS_REASON as MIN_BREAK_GLASS_REASON
from app.services.access import AccessService
from app.services.answers import AnswerService
from app.services.charts import BoardItem as BoardItem
from app.services.charts import ChartService
from app.services.charts import PatientChart as PatientChart
from app.services.charts import PatientHit as PatientHit
from app.services.charts import SearchResults as SearchResults
from app.services.charts import WardRow as WardRow
from app.services.context import ServiceContext, ServicePart
from app.services.discharge import DischargeRow as DischargeRow
from app.services.discharge import DischargeService
from app.services.discharge import DischargeSummary as DischargeSummary
from app.services.discharge import DischargeView as DischargeView
from app.services.handover import HandoverPatient as HandoverPatient
from app.services.handover import HandoverService
from app.services.handover import HandoverSheet as HandoverSheet
from app.services.home_care import HomeCareService
from app.services.news import NewsService
from app.services.outbox import OutboxService
from app.services.reports import ReportService
from app.store.database import Database
from app.store.sync_state import Conflict as Conflict
from app.store.sync_state import RefusedChange as RefusedChange
from app.sync_problems import SyncCounts as SyncCounts
from app.sync_problems import SyncProblems as SyncProblems


class CareService(ServicePart):
    """The core's API for one signed-in user on one open cache, in parts (module docstring)."""

    def __init__(
        self,
        db: Database,
        catalog: Catalog,
        actor: Actor,
        *,
        workstation: str,
        clock: Clock,
        language: str = "en",
        checklist: Checklist | None = None,
    ) -> None:
        super().__init__(
            ServiceContext(
                db=db,
                catalog=catalog,
                actor=actor,
                workstation=workstation,
                clock=clock,
                language=language,
                checklist=checklist or default_checklist(),
            )
        )
        self.home_care = HomeCareService(self.ctx)
        self.discharge = DischargeService(self.ctx, self.home_care)
        self.charts = ChartService(self.ctx, self.discharge)
        self.handover = HandoverService(self.ctx, self.discharge)
        self.answers = AnswerService(self.ctx, self.discharge)
        self.access = AccessService(self.ctx)
        self.outbox = OutboxService(self.ctx)
        self.news = NewsService(self.ctx)
        self.reports = ReportService(self.ctx, self.answers)
        self.charts.bring_search_index_up_to_date()

    # --- who, where, when (db, repo, catalog, actor, now, today: from ServicePart) -----------

    @property
    def language(self) -> str:
        """The language of texts the core composes (follow-up channel, summary preferences)."""
        return self.ctx.language

    @language.setter
    def language(self, language: str) -> None:
        self.ctx.language = language

    @property
    def checklist(self) -> Checklist:
        return self.ctx.checklist

    def new_id(self) -> str:
        return str(uuid.uuid4())

    def provenance_now(self, source: Source) -> Provenance:
        """Provenance for a record a dialog builds: this user, now (``RecordFactory``)."""
        return self.ctx.provenance(self.ctx.now(), source, None)
