"""How discharge planning talks about dates and progress: "in 3 days", "5 of 7 done".

Shared by the board, the tab and the summary; the words for the core's enums are in
``ui.base.words``.
"""

from __future__ import annotations

from datetime import date

from app.discharge import Readiness
from ui.base.style import date_text as base_date_text
from ui.base.words import OVERDUE_GLYPH
from ui.qt import QtCore


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
    return base_date_text(day, fmt)
