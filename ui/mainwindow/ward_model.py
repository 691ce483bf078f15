"""The ward list: a table model over ``WardRow`` plus its sort/filter proxy.

Also here, because the search results and the banner say it the same way: the words and
the mark of a name alert (``app.name_alerts``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from typing import Any

from app.domain import Patient
from app.name_alerts import Likeness, NameMatch
from app.services import WardRow
from ui.base.style import unsent_color
from ui.base.table_model import (
    RECORD_ID_ROLE,
    SORT_ROLE,
    RecordFilterProxy,
    RecordTableModel,
    bed_sort_key,
)
from ui.qt import Qt, QtCore, QtGui

PATIENT_ID_ROLE = RECORD_ID_ROLE
"""A ward row's record is its patient: the role gives the patient id."""


class WardColumn(enum.IntEnum):
    BED = 0
    NAME = 1
    BORN = 2
    """The birth date, then the age: "19 Mar 1971 (55)", as wards write it; sorts by date."""
    OPEN = 3
    UNSENT = 4


def locale_date(day: date) -> str:
    """A date as the UI language writes it ("19 Mar 1971", "19 März 1971")."""
    return QtCore.QLocale().toString(QtCore.QDate(day.year, day.month, day.day), "d MMM yyyy")


# --- name alerts: the words and the mark ----------------------------------------------


def other_patient_text(other: Patient, own_ward: str) -> str:
    """How an alert names the other patient: "Hoffmann, Dieter (bed 13A)", with the ward
    too when it is not this patient's."""
    translate = QtCore.QCoreApplication.translate
    where = [translate("NameAlert", "bed %1").replace("%1", other.bed)] if other.bed else []
    if other.ward and other.ward != own_ward:
        where.append(other.ward)
    return f"{other.display_name} ({', '.join(where)})" if where else other.display_name


def name_match_text(match: NameMatch, own_ward: str) -> str:
    """One match in words, with what to check: the birth date, or the MRN when that agrees too."""
    translate = QtCore.QCoreApplication.translate
    who = other_patient_text(match.other, own_ward)
    if match.likeness is Likeness.SAME_FAMILY_NAME:
        return translate("NameAlert", "Same family name on this ward: %1").replace("%1", who)
    template = (
        translate("NameAlert", "Same name as %1")
        if match.likeness is Likeness.SAME_NAME
        else translate("NameAlert", "Similar name to %1")
    )
    check = (
        translate("NameAlert", "same birth date too: check the MRN")
        if match.same_birth_date
        else translate("NameAlert", "check the birth date")
    )
    return f"{template.replace('%1', who)} — {check}"


def name_matches_text(matches: Sequence[NameMatch], own_ward: str) -> str:
    """Every match, one per line (a tooltip)."""
    return "\n".join(name_match_text(m, own_ward) for m in matches)


def spoken_name_matches(matches: Sequence[NameMatch], own_ward: str) -> str:
    """What a screen reader says after the name: "name alert: same name as …"."""
    translate = QtCore.QCoreApplication.translate
    alerts = [name_match_text(m, own_ward) for m in matches if m.is_alert]
    notices = [name_match_text(m, own_ward) for m in matches if not m.is_alert]
    parts = []
    if alerts:
        parts.append(translate("NameAlert", "Name alert") + ": " + "; ".join(alerts))
    parts += notices
    return "; ".join(parts)


ALERT_FILL = "#d97706"
"""The name alert's amber: 3:1 against white and against a dark base (a graphic's minimum)."""
ALERT_GLYPH = "⚠"
NOTICE_GLYPH = "≈"


def _alert_icon(size: int, kind: str, ratio: float) -> QtGui.QPixmap:
    """A warning triangle with "!" (alert) or a palette-coloured ring with "≈" (notice).

    Drawn, not a font glyph: it looks the same with every font and in both palettes.
    """
    pixmap = QtGui.QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    if kind == "none":
        return pixmap
    painter = QtGui.QPainter(pixmap)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    s = float(size)
    if kind == "notice":
        ink = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.Text)
        pen = QtGui.QPen(ink, s / 12)
        painter.setPen(pen)
        painter.drawEllipse(QtCore.QRectF(s * 0.12, s * 0.12, s * 0.76, s * 0.76))
        for y in (0.42, 0.6):
            path = QtGui.QPainterPath(QtCore.QPointF(s * 0.3, s * y))
            path.cubicTo(
                QtCore.QPointF(s * 0.42, s * (y - 0.1)),
                QtCore.QPointF(s * 0.58, s * (y + 0.1)),
                QtCore.QPointF(s * 0.7, s * y),
            )
            painter.drawPath(path)
    else:
        triangle = QtGui.QPolygonF(
            [
                QtCore.QPointF(s * 0.5, s * 0.06),
                QtCore.QPointF(s * 0.96, s * 0.9),
                QtCore.QPointF(s * 0.04, s * 0.9),
            ]
        )
        painter.setPen(QtGui.QPen(QtGui.QColor("#7c2d12"), s / 16))
        painter.setBrush(QtGui.QColor(ALERT_FILL))
        painter.drawPolygon(triangle)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QtGui.QColor("#111827"))
        painter.drawRoundedRect(QtCore.QRectF(s * 0.44, s * 0.3, s * 0.12, s * 0.34), 1, 1)
        painter.drawEllipse(QtCore.QRectF(s * 0.435, s * 0.7, s * 0.13, s * 0.13))
    painter.end()
    return pixmap


_icons: dict[tuple[int, str, int, float], QtGui.QIcon] = {}


def name_mark(matches: Sequence[NameMatch]) -> str:
    """Which mark a name gets: "alert", "notice" (the same family name on the ward) or "none"."""
    if not matches:
        return "none"
    return "alert" if any(m.is_alert for m in matches) else "notice"


def name_alert_icon(matches: Sequence[NameMatch], size: int = 16) -> QtGui.QIcon:
    """The mark beside a name: a triangle for an alert, a ring for a notice.

    Without a match an empty mark of the same size, so names stay in one column. Kept per
    palette and screen (a view asks for it on every paint).
    """
    kind = name_mark(matches)
    screen = QtGui.QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    ink = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.Text).rgba()
    key = (size, kind, ink, ratio)
    if key not in _icons:
        _icons[key] = QtGui.QIcon(_alert_icon(size, kind, ratio))
    return _icons[key]


class WardTableModel(RecordTableModel[WardRow, WardColumn]):
    """One row per assigned patient; read-only."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(WardColumn, lambda r: r.patient.id, parent)
        self._set_headers(
            {
                WardColumn.BED: self.tr("Bed"),
                WardColumn.NAME: self.tr("Patient"),
                WardColumn.BORN: self.tr("Born (age)"),
                WardColumn.OPEN: self.tr("Open"),
                WardColumn.UNSENT: self.tr("Unsent"),
            },
            tips={
                WardColumn.NAME: self.tr(
                    "⚠ marks a patient with the same or a similar name as another;"
                    " ≈ the same family name on the ward"
                ),
                WardColumn.OPEN: self.tr("Questions never asked or due for re-confirmation"),
                WardColumn.UNSENT: self.tr("Changes saved here but not yet sent to the server"),
            },
        )

    def cell_data(self, r: WardRow, column: WardColumn, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(r, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == SORT_ROLE:
            return {
                WardColumn.BED: bed_sort_key(r.patient.bed),
                WardColumn.NAME: r.patient.display_name.casefold(),
                WardColumn.BORN: r.patient.birth_date.isoformat(),
                WardColumn.OPEN: r.open_questions,
                WardColumn.UNSENT: r.unsent_changes,
            }[column]
        if role == Qt.ItemDataRole.DecorationRole and column == WardColumn.NAME:
            return name_alert_icon(r.name_matches)
        if role == Qt.ItemDataRole.ToolTipRole:
            news = (
                self.tr("%n change(s) by colleagues since you last saw this patient", "", r.news)
                if r.news
                else ""
            )
            if column == WardColumn.NAME and news and not r.name_matches:
                return news
            if column == WardColumn.NAME and r.name_matches:
                tip = name_matches_text(r.name_matches, r.patient.ward)
                if news:
                    tip += "\n" + news
                if r.no_longer_assigned:
                    tip += "\n" + self.tr(
                        "No longer assigned to you: kept here until your changes reach the server."
                    )
                return tip
            if column == WardColumn.OPEN:
                return self.tr("%n question(s) open", "", r.open_questions) + (
                    self.tr(", %n due for re-confirmation", "", r.due_questions)
                    if r.due_questions
                    else ""
                )
            if r.no_longer_assigned and column in (WardColumn.NAME, WardColumn.UNSENT):
                return self.tr(
                    "No longer assigned to you: kept here until your changes reach the server."
                )
            if column == WardColumn.UNSENT and r.unsent_changes:
                return self.tr("%n change(s) not yet sent", "", r.unsent_changes)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            WardColumn.OPEN,
            WardColumn.UNSENT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == WardColumn.NAME:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == WardColumn.UNSENT
            and r.unsent_changes
        ):
            return QtGui.QBrush(unsent_color())
        return None

    def _display(self, r: WardRow, column: WardColumn, spoken: bool) -> str:
        p = r.patient
        if column == WardColumn.BED:
            return p.bed
        if column == WardColumn.NAME:
            name = f"{p.display_name} ({p.preferred_name})" if p.preferred_name else p.display_name
            if r.break_glass_until is not None:
                name += " — " + self.tr("emergency access until %1").replace(
                    "%1", r.break_glass_until.astimezone().strftime("%H:%M")
                )
            elif r.no_longer_assigned:
                name += " — " + self.tr("not assigned")
            if r.news:
                # never a silent change: the list says a colleague changed something
                name += "  ● " + self.tr("%n new", "", r.news)
            if spoken and r.name_matches:
                name += ", " + spoken_name_matches(r.name_matches, p.ward)
            return name
        if column == WardColumn.BORN:
            if spoken:
                return (
                    self.tr("born %1, age %2")
                    .replace("%1", locale_date(p.birth_date))
                    .replace("%2", str(r.age))
                )
            return f"{locale_date(p.birth_date)} ({r.age})"
        if column == WardColumn.OPEN:
            if spoken:
                return self.tr("%n open", "", r.open_questions)
            return (
                f"{r.open_questions} · {r.due_questions}↻"
                if r.due_questions
                else str(r.open_questions)
            )
        if r.unsent_changes:
            return (
                self.tr("%n not sent", "", r.unsent_changes) if spoken else f"● {r.unsent_changes}"
            )
        return ""


class WardFilterProxy(RecordFilterProxy[WardRow]):
    """Sorts by each column's natural key and filters on bed, name and MRN."""

    def haystack(self, record: WardRow) -> str:
        p = record.patient
        return " ".join((p.bed, p.family_name, p.given_name, p.preferred_name, p.mrn))
