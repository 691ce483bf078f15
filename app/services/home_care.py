"""Home medications and home-care contacts — ``CareService.home_care``."""

from __future__ import annotations

from typing import Protocol

from app.domain import (
    AuditAction,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    OutboxOperation,
)
from app.errors import ValidationError
from app.history_lines import contact_change, medication_change
from app.services.context import ServiceContext, ServicePart
from app.unit_of_work import UnitOfWork


class FollowUpRouting(Protocol):
    """What keeps the follow-up request in step with a contact edit (``DischargeService``)."""

    def follow_up_after_change(
        self, work: UnitOfWork, patient_id: str, *, was_ready: bool | None = None
    ) -> None: ...


class HomeCareService(ServicePart):
    """Adding and editing what the patient takes at home and who helps them."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self.follow_up: FollowUpRouting | None = None
        """Set by ``DischargeService``: a contact edit (consent, numbers, no longer active)
        re-routes the follow-up request in the same transaction."""

    def save_medication(self, med: HomeMedication) -> HomeMedication:
        """Add (new id) or edit a home medication; provenance is set here, not by the caller."""
        self.ctx.patient(med.patient_id)
        old = self.repo.medication(med.id)
        if med.prescribed or (old is not None and old.prescribed):
            raise ValidationError(
                "This medication comes from a prescription in another system and cannot be "
                "changed here."
            )
        if med.reconciliation is not None and (
            old is None or old.reconciliation != med.reconciliation
        ):
            # A discharge decision made (or changed) here is this user's, now.
            med = med.model_copy(
                update={
                    "reconciliation": med.reconciliation.model_copy(
                        update={"decided_by": self.actor, "decided_at": self.ctx.now()}
                    )
                }
            )
        saved = self.ctx.stamped(med, old)
        self.ctx.save_record(saved, medication_change(old, saved), created=old is None)
        return saved

    def stop_medication(self, med_id: str) -> HomeMedication:
        med = self.repo.medication(med_id)
        if med is None:
            raise ValidationError("That medication is no longer in the cache.")
        return self.save_medication(med.model_copy(update={"status": MedicationStatus.STOPPED}))

    def save_contact(self, contact: HomeCareContact) -> HomeCareContact:
        self.ctx.patient(contact.patient_id)
        old = self.repo.contact(contact.id)
        saved = self.ctx.stamped(contact, old)
        line = contact_change(old, saved)
        op = OutboxOperation.CREATE if old is None else OutboxOperation.UPDATE
        with self.ctx.work() as work:
            work.save_edit(saved, line, operation=op)
            work.audit(AuditAction.EDIT, saved.patient_id, f"{line.area} {line.action}")
            if self.follow_up is not None:
                self.follow_up.follow_up_after_change(work, saved.patient_id)
        return saved
