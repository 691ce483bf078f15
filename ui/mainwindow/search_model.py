"""Search results: one row per matching patient, with the fact that matched."""

from __future__ import annotations

from typing import Any

from app.services import PatientHit
from ui.qt import Qt, QtCore

PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QtCore.QAbstractListModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[PatientHit] = []

    def set_hits(self, hits: list[PatientHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

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
        first = hit.hits[0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            more = self.tr(" (+%n more)", "", len(hit.hits) - 1) if len(hit.hits) > 1 else ""
            bed = self.tr("Bed %1").replace("%1", p.bed) if p.bed else ""
            return f"{p.display_name}   {bed}\n    {first.describe()}{more}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(h.describe() for h in hit.hits)
        if role == PATIENT_ID_ROLE:
            return p.id
        return None
