"""Emergency access and the audit trail — ``CareService.access``."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.domain import AuditAction
from app.errors import ValidationError
from app.services.context import ServicePart
from app.store.repository import ts
from app.store.sync_state import SyncState

MIN_BREAK_GLASS_REASON = 10


class AccessService(ServicePart):
    """Break-glass access to a patient outside the assignment, and audit entries."""

    def start_break_glass(self, patient_id: str, reason: str, minutes: int) -> datetime:
        """Grant emergency access; the sync fetches the patient while the grant lasts."""
        reason = " ".join(reason.split())
        if len(reason) < MIN_BREAK_GLASS_REASON:
            raise ValidationError(
                "Say why you need access (at least {count} characters).",
                count=MIN_BREAK_GLASS_REASON,
            )
        until = self.ctx.now() + timedelta(minutes=minutes)
        with self.ctx.work() as work:
            self.repo.grant_break_glass(work.conn, patient_id, until)
            work.audit(AuditAction.BREAK_GLASS, patient_id, f"start until {ts(until)}: {reason}")
        return until

    def end_expired_break_glass(self) -> int:
        """Grants past their time end (audited); the patient leaves the cache unless edits
        still wait for the server (then kept, flagged, until they are sent)."""
        now = self.ctx.now()
        ended = 0
        state = SyncState(self.ctx.db)
        pending = state.patients_with_pending()
        for patient_id, until in self.repo.break_glass_grants().items():
            if until > now:
                continue
            with self.ctx.work() as work:
                self.repo.end_break_glass(work.conn, patient_id)
                work.audit(AuditAction.BREAK_GLASS, patient_id, "end: time limit reached")
                if patient_id in pending:
                    state.mark_unassigned(work.conn, patient_id, now)
                else:
                    state.purge_patient(work.conn, patient_id)
            ended += 1
        return ended

    def record_audit(
        self,
        action: AuditAction,
        patient_id: str | None = None,
        detail: str = "",
        at: datetime | None = None,
    ) -> None:
        """An audit entry on its own (sign-in, lock, print, break-glass...)."""
        with self.ctx.work() as work:
            work.audit(action, patient_id, detail, at=at)
