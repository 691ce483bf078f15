"""Search results: one row per matching patient, with why the patient was found.

A patient whose name is the same as or similar to another's carries the name alert
(⚠, the line saying whom, and the words for a screen reader). The lower level, the
same family name on one ward, stays in the ward list and the banner: results reach
across wards, where it means nothing.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.search.facts import FactKind, MatchedFact
from app.services import PatientHit
from ui.mainwindow.ward_model import (
    ALERT_GLYPH,
    locale_date,
    name_alert_icon,
    name_matches_text,
    spoken_name_matches,
)
from ui.qt import Qt, QtCore

PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def ui_language() -> str:
    """The language the UI speaks ("de" from the default QLocale "de_DE")."""
    return QtCore.QLocale().name().split("_")[0]


_date = locale_date


def fact_text(fact: MatchedFact, language: str) -> str:
    """Why a patient was found, in the UI language ("Contact: Anna Braun (daughter)")."""
    text = fact.text_for(language)
    translate = QtCore.QCoreApplication.translate
    match fact.kind:
        case FactKind.NAME:
            template = (
                translate("Search", "Similar name: %1")
                if fact.similar
                else translate("Search", "Name: %1")
            )
            return template.replace("%1", text)
        case FactKind.MRN:
            return translate("Search", "MRN %1").replace("%1", text)
        case FactKind.BIRTH:
            return translate("Search", "Born %1").replace("%1", _date(date.fromisoformat(text)))
        case FactKind.AGE:
            return translate("Search", "Age %1").replace("%1", str(fact.age))
        case FactKind.BED:
            return translate("Search", "Bed %1").replace("%1", text)
        case FactKind.WARD:
            return translate("Search", "Ward %1").replace("%1", text)
        case FactKind.ALLERGY:
            line = translate("Search", "Allergy or intolerance: %1").replace("%1", text)
        case FactKind.MEDICATION:
            line = translate("Search", "Home medication: %1").replace("%1", text)
        case FactKind.CONTACT:
            line = translate("Search", "Contact: %1").replace("%1", text)
        case FactKind.DISCHARGE:
            line = (
                translate("Search", "Discharge: %1").replace("%1", text)
                if text
                else translate("Search", "Discharge plan")
            )
        case FactKind.TASK:
            line = translate("Search", "Discharge checklist: %1").replace("%1", text)
        case _:
            line = text
    return line + translate("Search", " (similar spelling)") if fact.similar else line


class SearchResultsModel(QtCore.QAbstractListModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[PatientHit] = []

    def set_hits(self, hits: list[PatientHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> PatientHit:
        return self._hits[row]

    def rowCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        p = hit.patient
        language = ui_language()
        reasons = [fact_text(f, language) for f in hit.facts]
        alerts = hit.name_alerts
        if role == Qt.ItemDataRole.DisplayRole:
            more = self.tr(" (+%n more)", "", len(reasons) - 1) if len(reasons) > 1 else ""
            bed = self.tr("Bed %1").replace("%1", p.bed) if p.bed else ""
            born = self.tr("born %1").replace("%1", _date(p.birth_date))
            first = f"\n    {reasons[0]}{more}" if reasons else ""
            alert = ""
            if alerts:
                others = self.tr(" (+%n more)", "", len(alerts) - 1) if len(alerts) > 1 else ""
                alert = f"\n{ALERT_GLYPH} {name_matches_text(alerts[:1], p.ward)}{others}"
            return f"{p.display_name}   {bed}   {born}{alert}{first}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            bed = self.tr("bed %1").replace("%1", p.bed) if p.bed else ""
            born = self.tr("born %1").replace("%1", _date(p.birth_date))
            alert = spoken_name_matches(alerts, p.ward)
            return ", ".join(x for x in (p.display_name, bed, born, alert, *reasons) if x)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [name_matches_text(alerts, p.ward)] if alerts else []
            return "\n".join(lines + reasons)
        if role == Qt.ItemDataRole.DecorationRole:
            return name_alert_icon(alerts, 20)  # an empty one without: names stay aligned
        if role == PATIENT_ID_ROLE:
            return p.id
        return None
