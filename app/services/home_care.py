"""Home medications and home-care contacts — ``CareService.home_care``."""

from __future__ import annotations

from app.domain import HomeCareContact, HomeMedication, MedicationStatus
from app.errors import ValidationError
from app.history_lines import contact_change, medication_change
from app.services.context import ServicePart


class HomeCareService(ServicePart):
    """Adding and editing what the patient takes at home and who helps them."""

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
        self.ctx.save_record(saved, contact_change(old, saved), created=old is None)
        return saved
