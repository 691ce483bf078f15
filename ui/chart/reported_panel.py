"""Answers the patient gave in a portal before admission, waiting for a nurse to confirm.

Shown above the patient's tabs while anything waits, hidden otherwise. One row per
reported answer: the question, what the patient reported, what the chart holds now
when that differs, and where and when it was reported. Nothing is taken on its own:
Enter confirms the row's answer with the patient (a different answer on record is
corrected, in History), Delete sets it aside.
"""

from __future__ import annotations

import enum
from typing import Any

from app.patient_reports import ItemToConfirm
from ui.base.style import local_datetime
from ui.base.table_model import RecordTableModel, muted_brush, row_table
from ui.chart.record_tab import push_button
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets


class ReportedColumn(enum.IntEnum):
    QUESTION = 0
    REPORTED = 1
    ON_RECORD = 2
    FROM = 3


def _key(item: ItemToConfirm) -> str:
    return f"{item.report.id}\n{item.question.code}"


class ReportedModel(RecordTableModel[ItemToConfirm, ReportedColumn]):
    """One row per patient-reported answer still to confirm; read-only."""

    def __init__(self, language: str = "en", parent: QtCore.QObject | None = None) -> None:
        super().__init__(ReportedColumn, _key, parent)
        self.language = language
        self._set_headers(
            {
                ReportedColumn.QUESTION: self.tr("Question"),
                ReportedColumn.REPORTED: self.tr("Reported"),
                ReportedColumn.ON_RECORD: self.tr("On record"),
                ReportedColumn.FROM: self.tr("From"),
            }
        )

    def cell_data(self, record: ItemToConfirm, column: ReportedColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.AccessibleTextRole and column is ReportedColumn.QUESTION:
            return self.spoken(record)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ForegroundRole and column is ReportedColumn.FROM:
                return muted_brush()
            return None
        if column is ReportedColumn.QUESTION:
            return record.question.label_for(self.language)
        if column is ReportedColumn.REPORTED:
            return self.reported_text(record)
        if column is ReportedColumn.ON_RECORD:
            return self.on_record_text(record)
        return self.from_text(record)

    def reported_text(self, item: ItemToConfirm) -> str:
        return item.question.format_value(item.reported, self.language)

    def on_record_text(self, item: ItemToConfirm) -> str:
        if item.on_record is None:
            return ""
        if not item.differs:
            return self.tr("the same")
        return item.question.format_value(item.on_record.value, self.language)

    def from_text(self, item: ItemToConfirm) -> str:
        report = item.report
        when = local_datetime(report.authored)  # "time unknown" when the response gives none
        return self.tr("%1, %2").replace("%1", report.source_text).replace("%2", when)

    def spoken(self, item: ItemToConfirm) -> str:
        """The whole row for a screen reader, the difference said out loud."""
        text = (
            self.tr("%1: reported %2 (%3)")
            .replace("%1", item.question.label_for(self.language))
            .replace("%2", self.reported_text(item))
            .replace("%3", self.from_text(item))
        )
        if item.differs:
            text += self.tr("; on record: %1").replace("%1", self.on_record_text(item))
        return text


class ReportedPanel(QtWidgets.QFrame):
    """ "Patient reported — not yet confirmed": a table, Confirm and Set aside."""

    sig_shown_items = QtCore.Signal(int)
    """How many reported answers wait now (0: the panel hides); after each load."""

    def __init__(
        self,
        actions: ChartActions,
        parent: QtWidgets.QWidget | None = None,
        *,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportedPanel")
        self.chart_actions = actions
        self._patient_id = ""
        self._load_seq = 0
        self._last_row = 0
        self._keep_focus = False
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.title = QtWidgets.QLabel(self.tr("Patient reported — not yet confirmed"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.hint = QtWidgets.QLabel(
            self.tr(
                "Ask the patient. Enter confirms the selected answer; Delete sets it aside. "
                "Nothing is taken into the chart without you."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("mutedText")
        layout.addWidget(self.hint)
        self.model = ReportedModel(language, self)
        self.table = row_table(self.model, self.tr("Patient-reported answers to confirm"), self)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSizeAdjustPolicy(
            QtWidgets.QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents
        )
        self.table.setMaximumHeight(180)
        self.table.installEventFilter(self)
        layout.addWidget(self.table)
        buttons = QtWidgets.QHBoxLayout()
        self.confirm_button = push_button(
            self.tr("Confirm"),
            self.tr("Confirm the selected reported answer"),
            self.tr("The patient confirms it: it becomes their answer (Enter)"),
            self,
        )
        self.dismiss_button = push_button(
            self.tr("Set aside"),
            self.tr("Set the selected reported answer aside"),
            self.tr("Not taken into the chart, no longer offered (Delete)"),
            self,
        )
        self.confirm_button.clicked.connect(self.confirm_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.hide()

    # --- loading ------------------------------------------------------------------------

    def show_patient(self, patient_id: str) -> None:
        """Load what waits for ``patient_id`` (the chart was just read or changed)."""
        if patient_id != self._patient_id:
            self._last_row, self._keep_focus = 0, False
        self._patient_id = patient_id
        self._load_seq += 1
        seq = self._load_seq
        self.chart_actions.load_reported(
            patient_id, lambda items: self._show(seq, patient_id, items)
        )

    def _show(self, seq: int, patient_id: str, items: list[ItemToConfirm]) -> None:
        if seq != self._load_seq or patient_id != self._patient_id:
            return  # another patient was opened meanwhile
        selected = self._current()
        had_focus = self.table.hasFocus()
        self.model.set_records(items)
        self.setVisible(bool(items))
        if items:
            row = self.model.row_for(_key(selected)) if selected is not None else None
            row = min(row if row is not None else self._last_row, len(items) - 1)
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            if had_focus or self._keep_focus:
                self.table.setFocus()
        self._keep_focus = False
        self.sig_shown_items.emit(len(items))

    # --- the nurse's keys ------------------------------------------------------------------

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.table and event.type() == QtCore.QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QtGui.QKeyEvent) else None
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm_current()
                return True
            if key == Qt.Key.Key_Delete:  # not Backspace: a slip must not set an answer aside
                self.dismiss_current()
                return True
        return super().eventFilter(watched, event)

    def _current(self) -> ItemToConfirm | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(index.row())

    def confirm_current(self) -> None:
        item = self._current()
        if item is None:
            return
        self._remember_place()
        self.chart_actions.confirm_reported(self._patient_id, item.report.id, item.question.code)

    def dismiss_current(self) -> None:
        item = self._current()
        if item is None:
            return
        self._remember_place()
        self.chart_actions.dismiss_reported(self._patient_id, item.report.id, item.question.code)

    def _remember_place(self) -> None:
        """After the reload the next row is selected and keeps the focus: one key per row."""
        self._last_row = max(self.table.currentIndex().row(), 0)
        self._keep_focus = self.table.hasFocus()
