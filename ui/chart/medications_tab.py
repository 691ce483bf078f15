"""The Medications tab: what the patient takes at home, who recorded it, what is not yet sent."""

from __future__ import annotations

import enum
from typing import Any

from app.domain import HomeMedication, MedicationStatus
from app.services import PatientChart
from ui.base.style import local_datetime, relative_time
from ui.base.table_model import SORT_ROLE, RecordTableModel, muted_brush, unsent_mark
from ui.base.words import medication_status_text, source_text
from ui.chart.medication_dialog import MedicationDialog, medication_dialog
from ui.chart.record_tab import (
    RecordFactory,
    RecordTab,
    confirm,
    empty_state_label,
    news_marks,
    push_button,
    record_table,
)
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets

# --- model ---------------------------------------------------------------------------


class MedColumn(enum.IntEnum):
    NAME = 0
    DOSE = 1
    ROUTE = 2
    FREQUENCY = 3
    LAST_TAKEN = 4
    STATUS = 5
    SOURCE = 6
    RECORDED = 7
    UNSENT = 8


_STATUS_ORDER = {
    MedicationStatus.TAKING: 0,
    MedicationStatus.UNKNOWN: 1,
    MedicationStatus.STOPPED: 2,
}


class MedicationTableModel(RecordTableModel[HomeMedication, MedColumn]):
    """One row per home medication, stopped ones included; read-only."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(MedColumn, lambda m: m.id, parent)
        self._set_headers(
            {
                MedColumn.NAME: self.tr("Medication"),
                MedColumn.DOSE: self.tr("Dose"),
                MedColumn.ROUTE: self.tr("Route"),
                MedColumn.FREQUENCY: self.tr("Frequency"),
                MedColumn.LAST_TAKEN: self.tr("Last taken"),
                MedColumn.STATUS: self.tr("Status"),
                MedColumn.SOURCE: self.tr("Source"),
                MedColumn.RECORDED: self.tr("Recorded"),
                MedColumn.UNSENT: self.tr("Unsent"),
            },
            tips={MedColumn.UNSENT: self.tr("Saved here but not yet sent to the server")},
        )

    def cell_data(self, med: HomeMedication, column: MedColumn, role: int) -> Any:
        if role == SORT_ROLE:
            return self._sort_key(med, column)
        if column is MedColumn.UNSENT:
            return unsent_mark(med.unsent, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(med, column)
        stopped = med.status is MedicationStatus.STOPPED
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(med, column)
        if role == Qt.ItemDataRole.FontRole and stopped:
            font = QtGui.QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and stopped:
            return muted_brush()
        return None

    def _display(self, med: HomeMedication, column: MedColumn) -> str:
        prov = med.provenance
        return {
            MedColumn.NAME: med.name + (" " + self.tr("(prescription)") if med.prescribed else ""),
            MedColumn.DOSE: med.dose,
            MedColumn.ROUTE: med.route,
            MedColumn.FREQUENCY: med.frequency,
            MedColumn.LAST_TAKEN: med.last_taken,
            MedColumn.STATUS: medication_status_text(med.status),
            MedColumn.SOURCE: source_text(prov.source),
            MedColumn.RECORDED: f"{prov.recorded_by.display_name} · "
            + relative_time(prov.recorded_at, self.as_of),
        }.get(column, "")

    def _tooltip(self, med: HomeMedication, column: MedColumn) -> str | None:
        if med.prescribed:
            return self.tr("From a prescription in another system: shown here, changed there.")
        if column is MedColumn.NAME:
            if med.code:
                return self.tr("Code: %1").replace("%1", med.code)
            return self.tr("No medication code recorded")
        if column is MedColumn.RECORDED:
            prov = med.provenance
            return (
                self.tr("Recorded by %1 on %2")
                .replace("%1", prov.recorded_by.display_name)
                .replace("%2", local_datetime(prov.recorded_at))
            )
        # The note has no column of its own; it rides along on every other cell.
        return self.tr("Note: %1").replace("%1", med.note) if med.note else None

    def _sort_key(self, med: HomeMedication, column: MedColumn) -> str | int:
        if column is MedColumn.STATUS:
            return _STATUS_ORDER[med.status]
        if column is MedColumn.RECORDED:
            at = med.provenance.recorded_at
            return at.isoformat() if at else ""
        if column is MedColumn.UNSENT:
            return int(med.unsent)
        return self._display(med, column).casefold()


# --- tab -----------------------------------------------------------------------------


class MedicationsTab(RecordTab[HomeMedication, MedicationDialog]):
    """The patient's home medications with Add, Edit and Mark stopped."""

    draft_kind = "medication"

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(actions, parent)
        self.model = MedicationTableModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        add_keys = QtGui.QKeySequence("Ctrl+Shift+M")
        self.add_button = push_button(
            self.tr("Add…"),
            self.tr("Add home medication"),
            self.tr("Add a home medication (%1, or Insert in the list)").replace(
                "%1", add_keys.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            ),
            self,
        )
        self.add_button.setShortcut(add_keys)
        self.edit_button = push_button(
            self.tr("Edit…"),
            self.tr("Edit selected medication"),
            self.tr("Edit the selected medication (Enter or double-click)"),
            self,
        )
        self.stop_button = push_button(
            self.tr("Mark stopped"),
            self.tr("Mark selected medication as stopped"),
            self.tr("Mark the selected medication as stopped; it stays in the list, struck out"),
            self,
        )
        self.empty_label = empty_state_label(
            self.tr(
                "No home medications recorded yet. Ask: “Do you take any medicines,"
                " vitamins or herbal remedies at home?”"
            ),
            self,
        )
        self.table = record_table(self.proxy, self.tr("Home medications"), MedColumn.NAME, self)

        self._lay_out([self.add_button, self.edit_button, self.stop_button])
        self._connect_table()
        self.stop_button.clicked.connect(self._mark_stopped)
        self._update_buttons()

    def show_chart(self, chart: PatientChart) -> None:
        self._show_records(chart.patient.id, chart.medications, chart.as_of)
        self.model.set_marks(news_marks(chart, "medication"))
        self.empty_label.setVisible(not chart.medications)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        med = self.selected_record()
        editable = med is not None and not med.prescribed
        self.edit_button.setEnabled(editable)
        self.stop_button.setEnabled(
            editable and med is not None and med.status is not MedicationStatus.STOPPED
        )

    def _edit(self) -> None:
        med = self.selected_record()
        if med is not None and not med.prescribed:  # prescriptions are changed at their source
            super()._edit()

    def _dialog(
        self, patient_id: str, records: RecordFactory, existing: HomeMedication | None
    ) -> MedicationDialog:
        return medication_dialog(self, patient_id, records, existing)

    def _save(self, dlg: MedicationDialog) -> None:
        self._actions.save_medication(dlg.result_medication())

    def _mark_stopped(self) -> None:
        med = self.selected_record()
        if med is None or med.status is MedicationStatus.STOPPED:
            return
        question = self.tr(
            "Mark “%1” as stopped? It stays in the list, struck out, and the change is recorded."
        ).replace("%1", med.name)
        confirm(
            self,
            self.tr("Mark stopped"),
            question,
            lambda: self._actions.stop_medication(med.patient_id, med.id),
        )
