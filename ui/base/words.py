"""Every enum of the core in words (and glyphs): one place, so two screens never name one
thing differently.

Status is never colour alone: every state has a glyph and a word, so it reads in black
and white, on paper, for colour-blind staff and through a screen reader. Each text keeps
its translation context (``Source``, ``Discharge``, …) wherever it is shown.
"""

from __future__ import annotations

from app.discharge import Destination, OwnerRole, TaskStatus
from app.domain import (
    Channel,
    ContactRole,
    MedicationStatus,
    NoAnswerReason,
    ReconciliationDecision,
    Source,
)
from ui.qt import QtCore


def source_text(source: Source) -> str:
    return {
        Source.PATIENT: QtCore.QCoreApplication.translate("Source", "patient"),
        Source.FAMILY: QtCore.QCoreApplication.translate("Source", "family"),
        Source.CHART: QtCore.QCoreApplication.translate("Source", "chart"),
        Source.OTHER_SYSTEM: QtCore.QCoreApplication.translate("Source", "other system"),
    }[source]


def no_answer_text(reason: NoAnswerReason) -> str:
    """Why a question asked has no answer (the same words as ``Question.format_value``)."""
    return {
        NoAnswerReason.DECLINED: QtCore.QCoreApplication.translate("NoAnswer", "Declined"),
        NoAnswerReason.UNKNOWN: QtCore.QCoreApplication.translate(
            "NoAnswer", "Could not answer now"
        ),
        NoAnswerReason.NOT_APPLICABLE: QtCore.QCoreApplication.translate(
            "NoAnswer", "Not applicable"
        ),
    }[reason]


def no_answer_hint(reason: NoAnswerReason) -> str:
    """When the question comes up again (a tooltip beside the choice)."""
    return {
        NoAnswerReason.DECLINED: QtCore.QCoreApplication.translate(
            "NoAnswer", "The patient would rather not say. Asked again at the next stay."
        ),
        NoAnswerReason.UNKNOWN: QtCore.QCoreApplication.translate(
            "NoAnswer", "The patient cannot answer just now. Asked again within 8 hours."
        ),
        NoAnswerReason.NOT_APPLICABLE: QtCore.QCoreApplication.translate(
            "NoAnswer", "The question does not apply to this patient. Holds like an answer."
        ),
    }[reason]


NO_ANSWER_KEYS = {
    NoAnswerReason.DECLINED: "D",
    NoAnswerReason.UNKNOWN: "U",
    NoAnswerReason.NOT_APPLICABLE: "X",
}
"""One key each, in the interview and the answer dialog alike (never an option's key)."""


def medication_status_text(status: MedicationStatus) -> str:
    return {
        MedicationStatus.TAKING: QtCore.QCoreApplication.translate("MedicationStatus", "taking"),
        MedicationStatus.STOPPED: QtCore.QCoreApplication.translate("MedicationStatus", "stopped"),
        MedicationStatus.UNKNOWN: QtCore.QCoreApplication.translate("MedicationStatus", "unknown"),
    }[status]


def contact_role_text(role: ContactRole) -> str:
    return {
        ContactRole.HELPS_AT_HOME: QtCore.QCoreApplication.translate(
            "ContactRole", "helps at home"
        ),
        ContactRole.EMERGENCY_CONTACT: QtCore.QCoreApplication.translate(
            "ContactRole", "emergency contact"
        ),
        ContactRole.LEGAL_PROXY: QtCore.QCoreApplication.translate("ContactRole", "legal proxy"),
        ContactRole.HOME_CARE_PROVIDER: QtCore.QCoreApplication.translate(
            "ContactRole", "home-care provider"
        ),
    }[role]


def channel_text(channel: Channel | None) -> str:
    if channel is None:
        return QtCore.QCoreApplication.translate("Channel", "no preference")
    return {
        Channel.PHONE: QtCore.QCoreApplication.translate("Channel", "phone call"),
        Channel.SMS: QtCore.QCoreApplication.translate("Channel", "text message (SMS)"),
        Channel.EMAIL: QtCore.QCoreApplication.translate("Channel", "e-mail"),
    }[channel]


def telecom_system_text(system: str) -> str:
    return (
        QtCore.QCoreApplication.translate("Telecom", "e-mail")
        if system == "email"
        else QtCore.QCoreApplication.translate("Telecom", "phone")
    )


def destination_text(destination: Destination | None) -> str:
    if destination is None:
        return QtCore.QCoreApplication.translate("Discharge", "not decided")
    return {
        Destination.HOME: QtCore.QCoreApplication.translate("Discharge", "home"),
        Destination.HOME_WITH_SERVICES: QtCore.QCoreApplication.translate(
            "Discharge", "home with care services"
        ),
        Destination.REHABILITATION: QtCore.QCoreApplication.translate(
            "Discharge", "rehabilitation"
        ),
        Destination.NURSING_FACILITY: QtCore.QCoreApplication.translate(
            "Discharge", "nursing facility"
        ),
        Destination.OTHER: QtCore.QCoreApplication.translate("Discharge", "other"),
    }[destination]


STATUS_GLYPHS = {
    TaskStatus.TODO: "○",
    TaskStatus.IN_PROGRESS: "◐",
    TaskStatus.DONE: "✓",
    TaskStatus.NOT_NEEDED: "–",
}


def task_status_text(status: TaskStatus) -> str:
    return {
        TaskStatus.TODO: QtCore.QCoreApplication.translate("Discharge", "to do"),
        TaskStatus.IN_PROGRESS: QtCore.QCoreApplication.translate("Discharge", "in progress"),
        TaskStatus.DONE: QtCore.QCoreApplication.translate("Discharge", "done"),
        TaskStatus.NOT_NEEDED: QtCore.QCoreApplication.translate("Discharge", "not needed"),
    }[status]


def task_status_label(status: TaskStatus) -> str:
    """Glyph and word, e.g. "✓ done"."""
    return f"{STATUS_GLYPHS[status]} {task_status_text(status)}"


def owner_role_text(role: OwnerRole) -> str:
    return {
        OwnerRole.NURSE: QtCore.QCoreApplication.translate("Discharge", "nurse"),
        OwnerRole.COORDINATOR: QtCore.QCoreApplication.translate(
            "Discharge", "discharge coordinator"
        ),
        OwnerRole.PHARMACIST: QtCore.QCoreApplication.translate("Discharge", "pharmacist"),
        OwnerRole.PHYSICIAN: QtCore.QCoreApplication.translate("Discharge", "physician"),
        OwnerRole.SOCIAL_WORKER: QtCore.QCoreApplication.translate("Discharge", "social worker"),
    }[role]


DECISION_GLYPHS = {
    ReconciliationDecision.CONTINUE: "→",
    ReconciliationDecision.CHANGE: "Δ",
    ReconciliationDecision.STOP: "✕",
    ReconciliationDecision.NEW: "+",
}


UNRECONCILED_GLYPH = "?"


def decision_text(decision: ReconciliationDecision | None) -> str:
    if decision is None:
        return QtCore.QCoreApplication.translate("Discharge", "not yet reconciled")
    return {
        ReconciliationDecision.CONTINUE: QtCore.QCoreApplication.translate("Discharge", "continue"),
        ReconciliationDecision.CHANGE: QtCore.QCoreApplication.translate("Discharge", "change"),
        ReconciliationDecision.STOP: QtCore.QCoreApplication.translate("Discharge", "stop"),
        ReconciliationDecision.NEW: QtCore.QCoreApplication.translate("Discharge", "new"),
    }[decision]


def decision_label(decision: ReconciliationDecision | None) -> str:
    glyph = UNRECONCILED_GLYPH if decision is None else DECISION_GLYPHS[decision]
    return f"{glyph} {decision_text(decision)}"


OVERDUE_GLYPH = "⚠"


READY_GLYPH = "✓"


def overdue_word() -> str:
    return QtCore.QCoreApplication.translate("Discharge", "overdue")
