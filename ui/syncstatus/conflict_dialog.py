"""Conflicts a person resolves: mine and the server's side by side (DESIGN.md §5).

Nothing is overwritten silently: the dialog shows what differs, who changed it
on the server and when; the nurse keeps this workstation's version, the
server's, or edits the answer (then it is sent as hers).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from app.domain import Catalog
from app.services import Conflict
from sync import mapping
from sync.conflicts import Resolution
from sync.merge import describe_field
from ui.base.style import local_datetime
from ui.qt import Qt, QtCore, QtWidgets

EDIT = "edit"


def _kind(resource_type: str) -> str:
    return {
        "Observation": QtCore.QCoreApplication.translate("Conflict", "Answer"),
        "MedicationStatement": QtCore.QCoreApplication.translate("Conflict", "Home medication"),
        "RelatedPerson": QtCore.QCoreApplication.translate("Conflict", "Contact"),
        "CarePlan": QtCore.QCoreApplication.translate("Conflict", "Discharge plan"),
        "Task": QtCore.QCoreApplication.translate("Conflict", "Discharge checklist item"),
    }.get(resource_type, resource_type)


def _field_text(resource: dict[str, Any], field: str, catalog: Catalog, language: str) -> str:
    """A conflicting field in words where we can, compact JSON otherwise."""
    if resource.get("resourceType") == "Observation" and field == "value":
        try:
            answer = mapping.observation_to_answer(resource, catalog)
            return catalog.question(answer.question_code).format_value(answer.value, language)
        except (mapping.MappingError, KeyError, ValueError):
            pass
    if field.startswith("ext:"):
        values = [
            next((str(v) for k, v in e.items() if k.startswith("value")), "")
            for e in resource.get("extension", [])
            if e.get("url") == field[4:]
        ]
        return ", ".join(values) or "—"
    value = resource.get(field)
    if value is None:
        return "—"
    if field == "telecom" and isinstance(value, list):
        return ", ".join(str(t.get("value", "")) for t in value)
    return json.dumps(value, ensure_ascii=False)[:200]


def _field_name(resource: dict[str, Any], field: str, catalog: Catalog, language: str) -> str:
    """For an answer, the question it answers; otherwise the field in plain words."""
    if resource.get("resourceType") == "Observation" and field == "value":
        try:
            code = mapping.observation_to_answer(resource, catalog).question_code
            return catalog.question(code).label_for(language)
        except (mapping.MappingError, KeyError, ValueError):
            pass
    return describe_field(field)


def _who(resource: dict[str, Any]) -> str:
    performer = (resource.get("performer") or [resource.get("informationSource") or {}])[0] or {}
    when = resource.get("issued") or (resource.get("meta") or {}).get("lastUpdated")
    who = str(performer.get("display") or performer.get("reference") or "")
    if when:
        with contextlib.suppress(mapping.MappingError):
            who = f"{who}, {local_datetime(mapping.parse_instant(str(when)))}".strip(", ")
    return who


class ConflictDialog(QtWidgets.QDialog):
    """One conflict: keep mine / keep theirs / edit."""

    def __init__(
        self,
        conflict: Conflict,
        catalog: Catalog,
        *,
        patient_name: str,
        language: str = "en",
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice: Resolution | str | None = None
        self.setWindowTitle(self.tr("Resolve a conflict"))
        self.setMinimumWidth(640)
        layout = QtWidgets.QVBoxLayout(self)
        intro = QtWidgets.QLabel(
            self.tr(
                "<b>%1 for %2</b> was changed on this workstation and, meanwhile, by someone "
                "else. Choose which version is right."
            )
            .replace("%1", _kind(conflict.resource_type))
            .replace("%2", patient_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QtWidgets.QTableWidget(len(conflict.fields), 3)
        table.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("On this workstation"), self.tr("On the server")]
        )
        table.setAccessibleName(self.tr("Differences"))
        table.verticalHeader().hide()
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, field in enumerate(conflict.fields):
            cells = (
                _field_name(conflict.mine, field, catalog, language),
                _field_text(conflict.mine, field, catalog, language),
                _field_text(conflict.theirs, field, catalog, language),
            )
            for col, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, col, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        layout.addWidget(table)
        who = QtWidgets.QLabel(
            self.tr("Server version by: %1").replace("%1", _who(conflict.theirs) or "?")
        )
        who.setObjectName("mutedText")
        layout.addWidget(who)

        buttons = QtWidgets.QDialogButtonBox()
        self.keep_mine = buttons.addButton(
            self.tr("Keep &mine"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.keep_theirs = buttons.addButton(
            self.tr("Keep the &server's"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.edit = buttons.addButton(
            self.tr("&Edit…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.edit.setEnabled(conflict.resource_type == "Observation")
        self.edit.setToolTip(self.tr("Write the right answer yourself"))
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        for button, choice in (
            (self.keep_mine, Resolution.KEEP_MINE),
            (self.keep_theirs, Resolution.KEEP_THEIRS),
            (self.edit, EDIT),
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose(self, choice: Resolution | str) -> None:
        self.choice = choice
        self.accept()


class ConflictListDialog(QtWidgets.QDialog):
    """Every open conflict; opening one shows the side-by-side dialog."""

    def __init__(
        self,
        conflicts: list[Conflict],
        patient_names: dict[str, str],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflicts to resolve"))
        self.setMinimumSize(560, 320)
        self.selected: Conflict | None = None
        layout = QtWidgets.QVBoxLayout(self)
        self.list = QtWidgets.QListWidget()
        self.list.setAccessibleName(self.tr("Conflicts"))
        self._conflicts = conflicts
        for c in conflicts:
            name = patient_names.get(c.patient_id or "", "?")
            fields = ", ".join(describe_field(f) for f in c.fields)
            item = QtWidgets.QListWidgetItem(f"{name} — {_kind(c.resource_type)}: {fields}")
            self.list.addItem(item)
        if not conflicts:
            self.list.addItem(self.tr("No conflicts."))
            self.list.setEnabled(False)
        layout.addWidget(self.list)
        buttons = QtWidgets.QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("&Open…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setEnabled(bool(conflicts))
        buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self._open)
        self.list.itemActivated.connect(lambda _item: self._open())
        layout.addWidget(buttons)
        if conflicts:
            self.list.setCurrentRow(0)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._conflicts):
            self.selected = self._conflicts[row]
            self.accept()
