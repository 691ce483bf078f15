"""The add/edit dialog for one home medication (the routes offered are listed here)."""

from __future__ import annotations

from typing import Any

from app.domain import HomeMedication, MedicationStatus, Source
from ui.base.words import medication_status_text
from ui.chart.record_tab import RecordDialog, RecordFactory, source_combo
from ui.qt import QtWidgets

ROUTES = ("oral", "inhaled", "subcutaneous", "topical", "ophthalmic", "transdermal", "rectal")


class MedicationDialog(RecordDialog[HomeMedication]):
    """Add or edit one home medication; ``result_medication()`` is what gets saved."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        patient_id: str,
        records: RecordFactory,
        existing: HomeMedication | None,
    ) -> None:
        super().__init__(parent, patient_id, records, existing)
        self.setWindowTitle(
            self.tr("Edit home medication") if existing else self.tr("Add home medication")
        )
        self.name_edit = self._line_edit(
            self.tr("Medication name (required)"), self.tr("Required, e.g. Metformin")
        )
        self.dose_edit = self._line_edit(self.tr("Dose"), self.tr("e.g. 500 mg"))
        self.route_combo = QtWidgets.QComboBox(self)
        self.route_combo.setEditable(True)
        self.route_combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.route_combo.addItems([self._route_text(r) for r in ROUTES] + [self.tr("other")])
        self.route_combo.setAccessibleName(self.tr("Route"))
        self.frequency_edit = self._line_edit(self.tr("Frequency"), self.tr("e.g. twice a day"))
        self.last_taken_edit = self._line_edit(
            self.tr("Last taken"), self.tr("e.g. this morning 08:00")
        )
        self.status_combo = QtWidgets.QComboBox(self)
        for status in MedicationStatus:
            self.status_combo.addItem(medication_status_text(status), status.value)
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.source_combo = source_combo(
            existing.provenance.source if existing else Source.PATIENT, self
        )
        self.note_edit = self._note_edit(self.tr("Note"), lines=4)
        self._save_cancel_buttons(self.tr("Save medication"), self.tr("Cancel"))

        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("&Medication *"), self.name_edit)
        form.addRow(self.tr("&Dose"), self.dose_edit)
        form.addRow(self.tr("&Route"), self.route_combo)
        form.addRow(self.tr("&Frequency"), self.frequency_edit)
        form.addRow(self.tr("&Last taken"), self.last_taken_edit)
        form.addRow(self.tr("S&tatus"), self.status_combo)
        form.addRow(self.tr("So&urce"), self.source_combo)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.buttons)

        if existing is not None:
            self.name_edit.setText(existing.name)
            self.dose_edit.setText(existing.dose)
            self.route_combo.setCurrentText(existing.route)
            self.frequency_edit.setText(existing.frequency)
            self.last_taken_edit.setText(existing.last_taken)
            self.status_combo.setCurrentIndex(self.status_combo.findData(existing.status.value))
            self.note_edit.setPlainText(existing.note)
        else:
            self.route_combo.setCurrentIndex(-1)
        self._require_name(self.name_edit)

    def _route_text(self, route: str) -> str:
        return {
            "oral": self.tr("oral"),
            "inhaled": self.tr("inhaled"),
            "subcutaneous": self.tr("subcutaneous"),
            "topical": self.tr("topical"),
            "ophthalmic": self.tr("ophthalmic"),
            "transdermal": self.tr("transdermal"),
            "rectal": self.tr("rectal"),
        }[route]

    def result_medication(self) -> HomeMedication:
        source = Source(self.source_combo.currentData())
        fields: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "dose": self.dose_edit.text().strip(),
            "route": self.route_combo.currentText().strip(),
            "frequency": self.frequency_edit.text().strip(),
            "last_taken": self.last_taken_edit.text().strip(),
            "status": MedicationStatus(self.status_combo.currentData()),
            "note": self.note_edit.toPlainText().strip(),
            "provenance": self._records.provenance_now(source),
        }
        return self._result(HomeMedication, fields)


def medication_dialog(
    parent: QtWidgets.QWidget | None,
    patient_id: str,
    records: RecordFactory,
    existing: HomeMedication | None = None,
) -> MedicationDialog:
    """Build the add/edit dialog; ``records`` supplies ids and provenance (a service or a fake)."""
    return MedicationDialog(parent, patient_id, records, existing)
