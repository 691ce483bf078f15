"""One wording of History lines, for changes made here and changes downloaded.

A change is described from the record before and after it, one function per
record kind. The services call these for the user's edits and the sync engine
for what a colleague changed elsewhere, so both read the same in History: the
same subject, the same action word, the same old and new values. Only who,
when and from what source differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.discharge import DischargePlan, DischargeTask, FollowUpRequest, FollowUpStatus, TaskStatus
from app.domain import (
    Answer,
    AnswerAction,
    Catalog,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    Question,
)
from app.patient_reports import PatientReport
from app.records import Record

HistoryArea = Literal["answer", "medication", "contact", "discharge"]
PLAN_SUBJECT = "Discharge plan"
DUE_DATE_MOVED = "due date moved with the discharge date"
"""The action of a task whose default due date followed its plan's new date."""

TASK_STATUS_WORDS = {
    TaskStatus.TODO: "to do",
    TaskStatus.IN_PROGRESS: "in progress",
    TaskStatus.DONE: "done",
    TaskStatus.NOT_NEEDED: "not needed",
}
VERIFIED_TEXT = "verified for discharge"


@dataclass(frozen=True)
class HistoryLine:
    """What a History line says about one change (who, when and source come from elsewhere)."""

    area: HistoryArea
    subject: str
    action: str
    old_value: str = ""
    new_value: str = ""


# --- one function per record kind --------------------------------------------------------


def answer_change(question: Question, old: Answer | None, new: Answer) -> HistoryLine:
    """The newest revision's action (recorded, confirmed, corrected, entered in error)."""
    action = new.history[-1].action if new.history else AnswerAction.RECORDED
    return HistoryLine(
        area="answer",
        subject=question.label,
        action=action.value,
        old_value="" if old is None else question.format_value(old.value),
        new_value=question.format_value(new.value),
    )


def medication_change(old: HomeMedication | None, new: HomeMedication) -> HistoryLine:
    """Added, stopped, reconciled (only the discharge decision changed) or changed.

    A statement derived from a prescription exists only to carry a discharge decision,
    so its first version reads as a decision too.
    """
    if old is None:
        if new.derived_from is not None:
            return HistoryLine("medication", new.name, "reconciled", "", decision_text(new))
        return HistoryLine("medication", new.name, "added", "", medication_text(new))
    if new.status is MedicationStatus.STOPPED and old.status is not MedicationStatus.STOPPED:
        action = "stopped"
    elif old.reconciliation != new.reconciliation and medication_text(old) == medication_text(new):
        return HistoryLine(
            "medication", new.name, "reconciled", decision_text(old), decision_text(new)
        )
    else:
        action = "changed"
    return HistoryLine("medication", new.name, action, medication_text(old), medication_text(new))


def contact_change(old: HomeCareContact | None, new: HomeCareContact) -> HistoryLine:
    """Added, removed (made inactive), verified for discharge, or changed."""
    if old is None:
        return HistoryLine("contact", new.name, "added", "", contact_text(new))
    if not new.active:
        action = "removed"
    elif (old.verified_by, old.verified_at) != (new.verified_by, new.verified_at) and (
        new.verified_at is not None and contact_text(old) == contact_text(new)
    ):
        return HistoryLine("contact", new.name, "verified", "", VERIFIED_TEXT)
    else:
        action = "changed"
    return HistoryLine("contact", new.name, action, contact_text(old), contact_text(new))


def plan_change(old: DischargePlan | None, new: DischargePlan) -> HistoryLine:
    if old is None:
        return HistoryLine("discharge", PLAN_SUBJECT, "started", "", plan_text(new))
    return HistoryLine("discharge", PLAN_SUBJECT, "changed", plan_text(old), plan_text(new))


def task_change(old: DischargeTask | None, new: DischargeTask) -> HistoryLine:
    """Added, the new status in words when the status changed, or changed."""
    if old is None:
        return HistoryLine("discharge", new.title, "added", "", task_text(new))
    action = TASK_STATUS_WORDS[new.status] if old.status is not new.status else "changed"
    return HistoryLine("discharge", new.title, action, task_text(old), task_text(new))


def record_change(old: Record | None, new: Record, catalog: Catalog) -> HistoryLine:
    """The line for a change of any chart record (``old``: the cached version, if any).

    Raises ``KeyError`` for an answer to a question the catalog does not have.
    """
    if isinstance(new, Answer):
        return answer_change(
            catalog.question(new.question_code), old if isinstance(old, Answer) else None, new
        )
    if isinstance(new, HomeMedication):
        return medication_change(old if isinstance(old, HomeMedication) else None, new)
    if isinstance(new, HomeCareContact):
        return contact_change(old if isinstance(old, HomeCareContact) else None, new)
    if isinstance(new, DischargePlan):
        return plan_change(old if isinstance(old, DischargePlan) else None, new)
    if isinstance(new, PatientReport):
        return report_change(old if isinstance(old, PatientReport) else None, new)
    if isinstance(new, FollowUpRequest):
        return follow_up_change(old if isinstance(old, FollowUpRequest) else None, new)
    return task_change(old if isinstance(old, DischargeTask) else None, new)


REPORT_SUBJECT = "Patient-reported answers"
REPORT_SET_ASIDE = "patient-reported answer set aside"


def report_change(old: PatientReport | None, new: PatientReport) -> HistoryLine:
    """Answers the patient gave elsewhere arrived (or changed): offered, not yet taken."""
    return HistoryLine(
        area="answer",
        subject=REPORT_SUBJECT,
        action="received" if old is None else "updated",
        new_value=f"{len(new.items)} answer(s), {new.source_text}; not yet confirmed",
    )


FOLLOW_UP_SUBJECT = "Follow-up request"
FOLLOW_UP_STATUS_WORDS = {
    FollowUpStatus.DRAFT: "drafted",
    FollowUpStatus.ACTIVE: "requested",
    FollowUpStatus.ON_HOLD: "on hold",
    FollowUpStatus.REVOKED: "cancelled",
    FollowUpStatus.COMPLETED: "done",
    FollowUpStatus.ENTERED_IN_ERROR: "entered in error",
    FollowUpStatus.UNKNOWN: "status unknown",
}


def follow_up_change(old: FollowUpRequest | None, new: FollowUpRequest) -> HistoryLine:
    """Requested from the messaging system, cancelled, done (or changed)."""
    if old is None:
        return HistoryLine("discharge", FOLLOW_UP_SUBJECT, "requested", "", follow_up_text(new))
    if old.status is new.status:
        action = "changed"
    elif old.status is FollowUpStatus.ON_HOLD and new.status is FollowUpStatus.ACTIVE:
        action = "resumed"
    else:
        action = FOLLOW_UP_STATUS_WORDS[new.status]
    return HistoryLine(
        "discharge", FOLLOW_UP_SUBJECT, action, follow_up_text(old), follow_up_text(new)
    )


# --- the texts ---------------------------------------------------------------------------


def medication_text(med: HomeMedication) -> str:
    parts = (med.name, med.dose, med.route, med.frequency, f"({med.status.value})")
    return " ".join(p for p in parts if p)


def decision_text(med: HomeMedication) -> str:
    decision = med.reconciliation.decision.value if med.reconciliation else "not reconciled"
    parts = (med.name, med.dose, med.frequency, f"({decision})")
    return " ".join(p for p in parts if p)


def contact_text(contact: HomeCareContact) -> str:
    phones = ", ".join(t.value for t in contact.ranked_telecom())
    roles = ", ".join(r.value for r in contact.roles)
    return "; ".join(p for p in (contact.name, contact.relationship, roles, phones) if p)


def plan_text(plan: DischargePlan) -> str:
    parts = (
        plan.destination.value if plan.destination else "destination open",
        plan.expected_date.isoformat() if plan.expected_date else "date open",
        f"{len(plan.appointments)} appointment(s)" if plan.appointments else "",
        plan.note,
    )
    return "; ".join(p for p in parts if p)


def task_text(task: DischargeTask) -> str:
    owner = task.owner.display_name if task.owner else task.owner_role.value
    parts = (
        TASK_STATUS_WORDS[task.status],
        f"due {task.due.isoformat()}" if task.due else "",
        owner,
        task.note,
    )
    return "; ".join(p for p in parts if p)


def follow_up_text(request: FollowUpRequest) -> str:
    to = request.recipient_name or "patient"
    parts = (
        f"{request.medium.value} {request.address}",
        to,
        ", ".join(request.times),
        f"({request.status.value})",
    )
    return "; ".join(p for p in parts if p)
