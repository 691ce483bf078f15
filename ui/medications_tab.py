"""The Medications tab: what the patient takes at home, who recorded it, what is not yet sent.

Also holds the small pieces the chart tabs share (the ``RecordFactory`` protocol,
the "not yet sent" mark, the muted look of stopped or removed rows, the source
picker, the table set-up), because each tab is one module and these are too small
for their own.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Protocol

from app.domain import HomeMedication, MedicationStatus, Provenance, Source
from app.services import PatientChart
from ui.actions import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets
from ui.style import local_datetime, relative_time, source_text, unsent_color

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2

ROUTES = ("oral", "inhaled", "subcutaneous", "topical", "ophthalmic", "transdermal", "rectal")


class RecordFactory(Protocol):
    """What a dialog needs to build a record without a database; ``CareService`` fits."""

    def provenance_now(self, source: Source) -> Provenance: ...

    def new_id(self) -> str: ...


# --- shared bits of the chart tabs ---------------------------------------------------


def unsent_mark(unsent: bool, role: int) -> Any:
    """The amber "●" for a record saved here but not yet sent; words for tooltips and readers."""
    if role == Qt.ItemDataRole.DisplayRole:
        return "●" if unsent else ""
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
        return QtCore.QCoreApplication.translate("Unsent", "not yet sent") if unsent else None
    if role == Qt.ItemDataRole.ForegroundRole and unsent:
        return QtGui.QBrush(unsent_color())
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return int(Qt.AlignmentFlag.AlignCenter)
    return None


def muted_brush() -> QtGui.QBrush:
    """Greyed text that follows the palette, so it stays readable in dark mode."""
    palette = QtGui.QGuiApplication.palette()
    return QtGui.QBrush(
        palette.color(QtGui.QPalette.ColorGroup.Disabled, QtGui.QPalette.ColorRole.Text)
    )


def source_combo(current: Source, parent: QtWidgets.QWidget) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox(parent)
    for source in Source:
        combo.addItem(source_text(source), source.value)
    combo.setCurrentIndex(combo.findData(current.value))
    combo.setAccessibleName(
        QtCore.QCoreApplication.translate("Source", "Source of the information")
    )
    return combo


def confirm(parent: QtWidgets.QWidget, title: str, question: str) -> bool:
    answer = QtWidgets.QMessageBox.question(
        parent,
        title,
        question,
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
        QtWidgets.QMessageBox.StandardButton.No,
    )
    return answer == QtWidgets.QMessageBox.StandardButton.Yes


def record_table(
    model: QtCore.QAbstractItemModel, name: str, stretch: int | None, parent: QtWidgets.QWidget
) -> QtWidgets.QTableView:
    """A read-only, row-selecting, sortable table that Tab leaves (arrows move within it).

    Columns fit their contents; ``stretch`` takes the spare width. Leave it ``None`` when
    the columns are wide: a stretched column is squeezed first, and phone numbers must
    not be cut off.
    """
    table = QtWidgets.QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return table


def status_text(status: MedicationStatus) -> str:
    return {
        MedicationStatus.TAKING: QtCore.QCoreApplication.translate("MedicationStatus", "taking"),
        MedicationStatus.STOPPED: QtCore.QCoreApplication.translate("MedicationStatus", "stopped"),
        MedicationStatus.UNKNOWN: QtCore.QCoreApplication.translate("MedicationStatus", "unknown"),
    }[status]


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


class MedicationTableModel(QtCore.QAbstractTableModel):
    """One row per home medication, stopped ones included; read-only."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._meds: list[HomeMedication] = []
        self._headers = {
            MedColumn.NAME: self.tr("Medication"),
            MedColumn.DOSE: self.tr("Dose"),
            MedColumn.ROUTE: self.tr("Route"),
            MedColumn.FREQUENCY: self.tr("Frequency"),
            MedColumn.LAST_TAKEN: self.tr("Last taken"),
            MedColumn.STATUS: self.tr("Status"),
            MedColumn.SOURCE: self.tr("Source"),
            MedColumn.RECORDED: self.tr("Recorded"),
            MedColumn.UNSENT: self.tr("Unsent"),
        }

    def set_medications(self, meds: Sequence[HomeMedication]) -> None:
        self.beginResetModel()
        self._meds = list(meds)
        self.endResetModel()

    def medication(self, row: int) -> HomeMedication:
        return self._meds[row]

    def row_for(self, med_id: str) -> int | None:
        return next((i for i, m in enumerate(self._meds) if m.id == med_id), None)

    def rowCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(self._meds)

    def columnCount(
        self,
        parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex(),
    ) -> int:
        return 0 if parent.isValid() else len(MedColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(MedColumn):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[MedColumn(section)]
        if role == Qt.ItemDataRole.ToolTipRole and section == MedColumn.UNSENT:
            return self.tr("Saved here but not yet sent to the server")
        return None

    def data(
        self,
        index: QtCore.QModelIndex | QtCore.QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._meds):
            return None
        med = self._meds[index.row()]
        column = MedColumn(index.column())
        if role == RECORD_ID_ROLE:
            return med.id
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
            MedColumn.NAME: med.name,
            MedColumn.DOSE: med.dose,
            MedColumn.ROUTE: med.route,
            MedColumn.FREQUENCY: med.frequency,
            MedColumn.LAST_TAKEN: med.last_taken,
            MedColumn.STATUS: status_text(med.status),
            MedColumn.SOURCE: source_text(prov.source),
            MedColumn.RECORDED: f"{prov.recorded_by.display_name} · "
            + relative_time(prov.recorded_at),
        }.get(column, "")

    def _tooltip(self, med: HomeMedication, column: MedColumn) -> str | None:
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
            return med.provenance.recorded_at.isoformat()
        if column is MedColumn.UNSENT:
            return int(med.unsent)
        return self._display(med, column).casefold()


# --- dialog --------------------------------------------------------------------------


class MedicationDialog(QtWidgets.QDialog):
    """Add or edit one home medication; ``result_medication()`` is what gets saved."""

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        patient_id: str,
        records: RecordFactory,
        existing: HomeMedication | None,
    ) -> None:
        super().__init__(parent)
        self._patient_id = patient_id
        self._records = records
        self._existing = existing
        self.setWindowTitle(
            self.tr("Edit home medication") if existing else self.tr("Add home medication")
        )
        self.name_edit = QtWidgets.QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Medication name (required)"))
        self.name_edit.setPlaceholderText(self.tr("Required, e.g. Metformin"))
        self.dose_edit = QtWidgets.QLineEdit(self)
        self.dose_edit.setAccessibleName(self.tr("Dose"))
        self.dose_edit.setPlaceholderText(self.tr("e.g. 500 mg"))
        self.route_combo = QtWidgets.QComboBox(self)
        self.route_combo.setEditable(True)
        self.route_combo.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        self.route_combo.addItems([self._route_text(r) for r in ROUTES] + [self.tr("other")])
        self.route_combo.setAccessibleName(self.tr("Route"))
        self.frequency_edit = QtWidgets.QLineEdit(self)
        self.frequency_edit.setAccessibleName(self.tr("Frequency"))
        self.frequency_edit.setPlaceholderText(self.tr("e.g. twice a day"))
        self.last_taken_edit = QtWidgets.QLineEdit(self)
        self.last_taken_edit.setAccessibleName(self.tr("Last taken"))
        self.last_taken_edit.setPlaceholderText(self.tr("e.g. this morning 08:00"))
        self.status_combo = QtWidgets.QComboBox(self)
        for status in MedicationStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.status_combo.setAccessibleName(self.tr("Status"))
        self.source_combo = source_combo(
            existing.provenance.source if existing else Source.PATIENT, self
        )
        self.note_edit = QtWidgets.QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)  # keyboard users must be able to leave the field
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        self.ok_button.setAccessibleName(self.tr("Save medication"))
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

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
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.name_edit.setFocus()

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

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()))

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not save a nameless medication
            super().accept()

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
        if self._existing is None:
            return HomeMedication(id=self._records.new_id(), patient_id=self._patient_id, **fields)
        return HomeMedication.model_validate({**self._existing.model_dump(), **fields})


def medication_dialog(
    parent: QtWidgets.QWidget | None,
    patient_id: str,
    records: RecordFactory,
    existing: HomeMedication | None = None,
) -> MedicationDialog:
    """Build the add/edit dialog; ``records`` supplies ids and provenance (a service or a fake)."""
    return MedicationDialog(parent, patient_id, records, existing)


# --- tab -----------------------------------------------------------------------------


class MedicationsTab(QtWidgets.QWidget):
    """The patient's home medications with Add, Edit and Mark stopped."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._patient_id: str | None = None
        self.model = MedicationTableModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        add_keys = QtGui.QKeySequence("Ctrl+Shift+M")
        self.add_button = QtWidgets.QPushButton(self.tr("Add…"), self)
        self.add_button.setShortcut(add_keys)
        self.add_button.setAccessibleName(self.tr("Add home medication"))
        self.add_button.setToolTip(
            self.tr("Add a home medication (%1, or Insert in the list)").replace(
                "%1", add_keys.toString(QtGui.QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.edit_button = QtWidgets.QPushButton(self.tr("Edit…"), self)
        self.edit_button.setAccessibleName(self.tr("Edit selected medication"))
        self.edit_button.setToolTip(self.tr("Edit the selected medication (Enter or double-click)"))
        self.stop_button = QtWidgets.QPushButton(self.tr("Mark stopped"), self)
        self.stop_button.setAccessibleName(self.tr("Mark selected medication as stopped"))
        self.stop_button.setToolTip(
            self.tr("Mark the selected medication as stopped; it stays in the list, struck out")
        )
        self.empty_label = QtWidgets.QLabel(
            self.tr(
                "No home medications recorded yet. Ask: “Do you take any medicines,"
                " vitamins or herbal remedies at home?”"
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("mutedText")

        self.table = record_table(self.proxy, self.tr("Home medications"), MedColumn.NAME, self)

        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self.setTabOrder(self.add_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.table)

        on_table = Qt.ShortcutContext.WidgetShortcut
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Insert), self.table, self._add, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Return), self.table, self._edit, on_table)
        QtGui.QShortcut(QtGui.QKeySequence(Qt.Key.Key_Enter), self.table, self._edit, on_table)
        self.table.doubleClicked.connect(self._edit)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.stop_button.clicked.connect(self._mark_stopped)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_chart(self, chart: PatientChart) -> None:
        keep = self._selected_id() if chart.patient.id == self._patient_id else None
        self._patient_id = chart.patient.id
        self.model.set_medications(chart.medications)
        self.empty_label.setVisible(not chart.medications)
        if keep is not None:
            self._select(keep)
        self._update_buttons()

    def selected_medication(self) -> HomeMedication | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.medication(self.proxy.mapToSource(rows[0]).row())

    def _selected_id(self) -> str | None:
        med = self.selected_medication()
        return med.id if med else None

    def _select(self, med_id: str) -> None:
        row = self.model.row_for(med_id)
        if row is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

    def _update_buttons(self) -> None:
        med = self.selected_medication()
        self.add_button.setEnabled(self._patient_id is not None)
        self.edit_button.setEnabled(med is not None)
        self.stop_button.setEnabled(med is not None and med.status is not MedicationStatus.STOPPED)

    def _add(self) -> None:
        if self._patient_id is not None:
            self._open_dialog(self._patient_id, None)

    def _edit(self) -> None:
        med = self.selected_medication()
        if med is not None:
            self._open_dialog(med.patient_id, med)

    def _open_dialog(self, patient_id: str, existing: HomeMedication | None) -> None:
        # provenance_now and new_id only read the clock and make a uuid: no cache access here.
        dlg = medication_dialog(self, patient_id, self._actions.service, existing)
        dlg.accepted.connect(lambda: self._actions.save_medication(dlg.result_medication()))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _mark_stopped(self) -> None:
        med = self.selected_medication()
        if med is None or med.status is MedicationStatus.STOPPED:
            return
        question = self.tr(
            "Mark “%1” as stopped? It stays in the list, struck out, and the change is recorded."
        ).replace("%1", med.name)
        if self._confirm(question):
            self._actions.stop_medication(med.patient_id, med.id)

    def _confirm(self, question: str) -> bool:
        """Ask before changing the record; a method of its own so tests can answer it."""
        return confirm(self, self.tr("Mark stopped"), question)
