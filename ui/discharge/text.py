"""The words (and glyphs) for discharge planning, shared by the board, the tab and the summary.

Status is never colour alone: every state has a glyph and a word, so it reads in
black and white, on paper, for colour-blind staff and through a screen reader.
"""

from __future__ import annotations

from datetime import date

from app.discharge import Destination, OwnerRole, Readiness, TaskStatus
from app.domain import ReconciliationDecision
from ui.qt import QtCore


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


def status_text(status: TaskStatus) -> str:
    return {
        TaskStatus.TODO: QtCore.QCoreApplication.translate("Discharge", "to do"),
        TaskStatus.IN_PROGRESS: QtCore.QCoreApplication.translate("Discharge", "in progress"),
        TaskStatus.DONE: QtCore.QCoreApplication.translate("Discharge", "done"),
        TaskStatus.NOT_NEEDED: QtCore.QCoreApplication.translate("Discharge", "not needed"),
    }[status]


def status_label(status: TaskStatus) -> str:
    """Glyph and word, e.g. "✓ done"."""
    return f"{STATUS_GLYPHS[status]} {status_text(status)}"


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


def readiness_text(readiness: Readiness) -> str:
    """ "3 of 7 done", or "no checklist yet"."""
    if readiness.total == 0:
        return QtCore.QCoreApplication.translate("Discharge", "no checklist yet")
    return (
        QtCore.QCoreApplication.translate("Discharge", "%1 of %2 done")
        .replace("%1", str(readiness.done))
        .replace("%2", str(readiness.total))
    )


def overdue_text(readiness: Readiness) -> str:
    """ "⚠ 2 overdue", or "" when nothing is overdue."""
    if not readiness.overdue:
        return ""
    return f"{OVERDUE_GLYPH} " + QtCore.QCoreApplication.translate(
        "Discharge", "%n overdue", "", len(readiness.overdue)
    )


def unreconciled_text(count: int) -> str:
    if count == 0:
        return QtCore.QCoreApplication.translate("Discharge", "all medications reconciled")
    return QtCore.QCoreApplication.translate("Discharge", "%n not yet reconciled", "", count)


def days_until_text(day: date, today: date) -> str:
    """How coordinators talk about a discharge date: today, tomorrow, in 3 days, 2 days ago."""
    days = (day - today).days
    if days == 0:
        return QtCore.QCoreApplication.translate("Discharge", "today")
    if days == 1:
        return QtCore.QCoreApplication.translate("Discharge", "tomorrow")
    if days == -1:
        return QtCore.QCoreApplication.translate("Discharge", "yesterday")
    if days > 1:
        return QtCore.QCoreApplication.translate("Discharge", "in %n day(s)", "", days)
    return QtCore.QCoreApplication.translate("Discharge", "%n day(s) ago", "", -days)


def date_text(day: date, fmt: str = "ddd d MMM yyyy") -> str:
    """A date in the UI language's words (QLocale), e.g. "Mon 23 Nov 2026"."""
    return QtCore.QLocale().toString(QtCore.QDate(day.year, day.month, day.day), fmt)
