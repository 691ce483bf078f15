"""The discharge readiness board: every patient of the unit leaving within the chosen window.

A coordinator reads down the board by expected date; what is overdue is marked
with a glyph and a word as well as a colour, and the blockers column says what
is still open. Enter (or a double-click) opens the patient on the Discharge tab.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date
from typing import Any

from app.discharge import Readiness
from app.services import CareService, DischargeRow
from ui.base.shortcuts import widget_shortcut
from ui.base.style import overdue_colors
from ui.base.table_model import (
    RECORD_ID_ROLE,
    SORT_ROLE,
    RecordFilterProxy,
    RecordTableModel,
    bed_sort_key,
    unsent_mark,
)
from ui.base.taskman import DbOp, TaskManager
from ui.base.words import OVERDUE_GLYPH, READY_GLYPH, destination_text
from ui.discharge.text import date_text, days_until_text, overdue_text, readiness_text
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

PATIENT_ID_ROLE = RECORD_ID_ROLE
"""A board row's record is its patient: the role gives the patient id."""

OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 10
"""True on every cell of a row with an overdue checklist item (tests and delegates read it)."""

WINDOWS: tuple[int | None, ...] = (0, 3, 7, 14, None)
"""The discharge windows offered, in days from today (``None``: every planned discharge)."""

DEFAULT_WINDOW = 7

UNPLANNED = "unplanned"
"""The last choice of the window list: patients nobody has started a plan for yet."""


class BoardColumn(enum.IntEnum):
    DATE = 0
    BED = 1
    NAME = 2
    DESTINATION = 3
    READINESS = 4
    MEDICATIONS = 5
    BLOCKERS = 6
    UNSENT = 7


def _is_overdue(readiness: Readiness) -> bool:
    return bool(readiness.overdue)


class DischargeBoardModel(RecordTableModel[DischargeRow, BoardColumn]):
    """One row per patient with an expected discharge in the window; read-only."""

    def __init__(self, today: date, parent: QtCore.QObject | None = None) -> None:
        super().__init__(BoardColumn, lambda r: r.patient_id, parent)
        self._today = today
        self._set_headers(
            {
                BoardColumn.DATE: self.tr("Expected discharge"),
                BoardColumn.BED: self.tr("Bed"),
                BoardColumn.NAME: self.tr("Patient"),
                BoardColumn.DESTINATION: self.tr("Destination"),
                BoardColumn.READINESS: self.tr("Readiness"),
                BoardColumn.MEDICATIONS: self.tr("Medications"),
                BoardColumn.BLOCKERS: self.tr("Blockers"),
                BoardColumn.UNSENT: self.tr("Unsent"),
            },
            tips={
                BoardColumn.READINESS: self.tr("Checklist items done, and how many are overdue"),
                BoardColumn.MEDICATIONS: self.tr(
                    "Home medications without a discharge decision yet"
                ),
                BoardColumn.BLOCKERS: self.tr("Checklist items still open; overdue ones first"),
                BoardColumn.UNSENT: self.tr("Changes saved here but not yet sent to the server"),
            },
        )

    def set_rows(self, rows: list[DischargeRow], today: date) -> None:
        self._today = today
        self.set_records(rows)

    @property
    def today(self) -> date:
        return self._today

    def cell_data(self, r: DischargeRow, column: BoardColumn, role: int) -> Any:
        overdue = _is_overdue(r.readiness)
        if role == OVERDUE_ROLE:
            return overdue
        if role == SORT_ROLE:
            return self._sort_key(r, column)
        if column is BoardColumn.UNSENT:
            return unsent_mark(bool(r.unsent), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, column)
        highlighted = column in (BoardColumn.READINESS, BoardColumn.BLOCKERS) and overdue
        if role == Qt.ItemDataRole.BackgroundRole and highlighted:
            return QtGui.QBrush(overdue_colors()[0])
        if role == Qt.ItemDataRole.ForegroundRole and highlighted:
            return QtGui.QBrush(overdue_colors()[1])
        if role == Qt.ItemDataRole.FontRole and (
            column is BoardColumn.NAME or (highlighted and column is BoardColumn.READINESS)
        ):
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None

    def _display(self, r: DischargeRow, column: BoardColumn) -> str:
        if not r.planned and column in (
            BoardColumn.DATE,
            BoardColumn.DESTINATION,
            BoardColumn.READINESS,
            BoardColumn.BLOCKERS,
        ):
            return self.tr("no plan yet") if column is BoardColumn.DATE else "—"
        if column is BoardColumn.DATE:
            if r.expected_date is None:
                return self.tr("not set")
            return (
                date_text(r.expected_date, "ddd d MMM")
                + " · "
                + days_until_text(r.expected_date, self._today)
            )
        if column is BoardColumn.BED:
            return r.bed
        if column is BoardColumn.NAME:
            return r.name
        if column is BoardColumn.DESTINATION:
            return destination_text(r.destination)
        if column is BoardColumn.READINESS:
            text = readiness_text(r.readiness)
            if r.readiness.total and r.readiness.ready:
                return f"{READY_GLYPH} {text} · " + self.tr("ready")
            overdue = overdue_text(r.readiness)
            return f"{text} · {overdue}" if overdue else text
        if column is BoardColumn.MEDICATIONS:
            if r.unreconciled:
                return "? " + self.tr("%n to reconcile", "", r.unreconciled)
            return "✓ " + self.tr("reconciled")
        if column is BoardColumn.BLOCKERS:
            return self._blockers(r.readiness) or "—"
        return ""

    def _blockers(self, readiness: Readiness) -> str:
        overdue = [f"{OVERDUE_GLYPH} {item}" for item in readiness.overdue]
        rest = [item for item in readiness.open if item not in readiness.overdue]
        return "; ".join([*overdue, *rest])

    def _spoken(self, r: DischargeRow, column: BoardColumn) -> str:
        text = self._display(r, column)
        if column is BoardColumn.BLOCKERS and not r.readiness.open:
            return self.tr("no open items")
        # Screen readers stumble over glyphs; say the word instead.
        return text.replace(OVERDUE_GLYPH, self.tr("overdue:")).replace("✓", "").strip()

    def _tooltip(self, r: DischargeRow, column: BoardColumn) -> str | None:
        if column is BoardColumn.DATE and r.expected_date is not None:
            return date_text(r.expected_date)
        if column is BoardColumn.BLOCKERS and (r.readiness.open or r.readiness.overdue):
            overdue = self.tr("overdue")
            lines = [f"{OVERDUE_GLYPH} {i} — {overdue}" for i in r.readiness.overdue]
            lines += [f"○ {i}" for i in r.readiness.open if i not in r.readiness.overdue]
            return "\n".join(lines)
        if column is BoardColumn.READINESS and r.readiness.total and r.readiness.ready:
            return self.tr("Every checklist item is done or not needed")
        return None

    def _sort_key(self, r: DischargeRow, column: BoardColumn) -> Any:
        if column is BoardColumn.DATE:
            # Most urgent first: soonest date, then the most overdue, then the least done.
            day = r.expected_date.toordinal() if r.expected_date else 1 << 30
            done = r.readiness.done / r.readiness.total if r.readiness.total else 0.0
            return (day, -len(r.readiness.overdue), done, r.bed)
        if column is BoardColumn.BED:
            return bed_sort_key(r.bed)
        if column is BoardColumn.READINESS:
            done = r.readiness.done / r.readiness.total if r.readiness.total else 0.0
            return (-len(r.readiness.overdue), done)
        if column is BoardColumn.MEDICATIONS:
            return r.unreconciled
        if column is BoardColumn.BLOCKERS:
            return (-len(r.readiness.overdue), -len(r.readiness.open))
        if column is BoardColumn.UNSENT:
            return int(r.unsent)
        return self._display(r, column).casefold()


class DischargeFilterProxy(RecordFilterProxy[DischargeRow]):
    """Sorts by each column's natural key; filters on name, bed, destination and blockers."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._hide_ready = False

    def set_hide_ready(self, hide: bool) -> None:
        self.refilter(lambda: setattr(self, "_hide_ready", hide))

    def accepts(self, record: DischargeRow) -> bool:
        r = record
        return not (
            self._hide_ready and r.readiness.total and r.readiness.ready and not r.unreconciled
        )

    def haystack(self, record: DischargeRow) -> str:
        r = record
        return " ".join(
            (
                r.bed,
                r.name,
                r.ward,
                destination_text(r.destination),
                " ".join(r.readiness.open),
                " ".join(r.readiness.overdue),
            )
        )


class DischargeBoard(QtWidgets.QWidget):
    """The coordinator's board: window, filter, the table, and counts under it."""

    sig_patient_activated = Signal(str)
    """Enter or a double-click on a row (argument: patient id): open it on the Discharge tab."""

    sig_loaded = Signal()
    """The board shows fresh rows from the cache."""

    sig_start_plan_requested = Signal(str)
    """"Start plan…" on a patient without a plan (argument: patient id)."""

    def __init__(
        self,
        tasks: TaskManager,
        today: Callable[[], date],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._today = today
        self._service: CareService | None = None
        self._generation = 0
        self._without_plan = 0

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QtWidgets.QHBoxLayout()
        self.title = QtWidgets.QLabel("<b>" + self.tr("Discharge readiness") + "</b>")
        self.title.setAccessibleName(self.tr("Discharge readiness board"))
        top.addWidget(self.title)
        top.addStretch(1)
        window_label = QtWidgets.QLabel(self.tr("Dis&charge within:"))
        self.window_combo = QtWidgets.QComboBox()
        self.window_combo.setAccessibleName(self.tr("Discharge window"))
        for days in WINDOWS:
            self.window_combo.addItem(self._window_text(days), days)
        self.window_combo.addItem(self.tr("no plan yet"), UNPLANNED)
        self.window_combo.setToolTip(
            self.tr("Patients with a discharge in this window — or those without a plan yet")
        )
        self.window_combo.setCurrentIndex(WINDOWS.index(DEFAULT_WINDOW))
        window_label.setBuddy(self.window_combo)
        top.addWidget(window_label)
        top.addWidget(self.window_combo)
        self.filter_edit = QtWidgets.QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, bed, destination or blocker"))
        self.filter_edit.setAccessibleName(self.tr("Filter discharge board"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        top.addWidget(self.filter_edit)
        self.hide_ready_check = QtWidgets.QCheckBox(self.tr("&Hide ready"))
        self.hide_ready_check.setAccessibleName(self.tr("Hide patients who are ready"))
        self.hide_ready_check.setToolTip(
            self.tr("Hide patients whose checklist is done and medications reconciled")
        )
        top.addWidget(self.hide_ready_check)
        layout.addLayout(top)

        self.model = DischargeBoardModel(today(), self)
        self.proxy = DischargeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Discharge readiness board"))
        self.view.setAccessibleDescription(self.tr("Enter opens the patient on the Discharge tab"))
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(BoardColumn.DATE, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BoardColumn.BLOCKERS, QtWidgets.QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)

        self.count_label = QtWidgets.QLabel()
        self.count_label.setAccessibleName(self.tr("Board summary"))
        self.count_label.setWordWrap(True)
        layout.addWidget(self.count_label)
        bottom = QtWidgets.QHBoxLayout()  # the legend on a line of its own: German is long
        self.start_plan_button = QtWidgets.QPushButton(self.tr("&Start plan…"))
        self.start_plan_button.setAccessibleName(self.tr("Start a discharge plan"))
        self.start_plan_button.setToolTip(
            self.tr("Start the discharge plan of the selected patient (on the Discharge tab)")
        )
        self.start_plan_button.clicked.connect(self._start_plan)
        self.start_plan_button.hide()  # only in the list of patients without a plan
        bottom.addWidget(self.start_plan_button)
        legend = QtWidgets.QLabel(
            self.tr("%1 overdue · %2 ready · ? medications to reconcile · ● not yet sent")
            .replace("%1", OVERDUE_GLYPH)
            .replace("%2", READY_GLYPH)
        )
        legend.setObjectName("mutedText")
        legend.setAccessibleName(self.tr("Legend"))
        bottom.addWidget(legend)
        bottom.addStretch(1)
        hint = QtWidgets.QLabel(self.tr("Enter opens the Discharge tab"))
        hint.setObjectName("mutedText")
        bottom.addWidget(hint)
        layout.addLayout(bottom)

        on_view = Qt.ShortcutContext.WidgetShortcut
        widget_shortcut(Qt.Key.Key_Return, self.view, self.open_current, on_view)
        widget_shortcut(Qt.Key.Key_Enter, self.view, self.open_current, on_view)
        self.view.doubleClicked.connect(self._open_index)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._update_start_plan())
        self.filter_edit.textChanged.connect(self._on_filter)
        self.filter_edit.returnPressed.connect(self.focus_table)
        self.hide_ready_check.toggled.connect(self._on_hide_ready)
        self.window_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.setTabOrder(self.window_combo, self.filter_edit)
        self.setTabOrder(self.filter_edit, self.hide_ready_check)
        self.setTabOrder(self.hide_ready_check, self.view)

    def _window_text(self, days: int | None) -> str:
        if days is None:
            return self.tr("any date")
        if days == 0:
            return self.tr("today")
        return self.tr("%n day(s)", "", days)

    # --- loading ----------------------------------------------------------------------

    def set_service(self, service: CareService | None) -> None:
        self._service = service
        if service is None:
            self.model.set_rows([], self._today())

    @property
    def unplanned(self) -> bool:
        """Showing the patients without a plan (rather than a discharge window)."""
        return bool(self.window_combo.currentData() == UNPLANNED)

    @property
    def window_days(self) -> int | None:
        """Days from today (``None``: any date); ``None`` too while ``unplanned``."""
        data = self.window_combo.currentData()
        return None if data is None or data == UNPLANNED else int(data)

    def set_window_days(self, days: int | None) -> None:
        self.window_combo.setCurrentIndex(WINDOWS.index(days))

    def show_unplanned(self) -> None:
        """The patients nobody has started a discharge plan for."""
        self.window_combo.setCurrentIndex(self.window_combo.findData(UNPLANNED))

    def reload(self) -> None:
        """Read the board from the cache on the DB worker; the newest request wins."""
        service = self._service
        if service is None:
            return
        self._generation += 1
        generation = self._generation
        days, unplanned = self.window_days, self.unplanned
        self.hide_ready_check.setEnabled(not unplanned)  # nobody without a plan is ready
        self.start_plan_button.setVisible(unplanned)

        def read() -> tuple[list[DischargeRow], int]:
            if unplanned:
                rows = service.discharge.patients_without_plan()
                return rows, len(rows)
            return service.discharge.board(window_days=days), service.discharge.count_without_plan()

        def show(result: tuple[list[DischargeRow], int]) -> None:
            if generation == self._generation:
                self._without_plan = result[1]
                self._show_rows(result[0])

        DbOp(self.tasks, read).success(show).run()

    def _show_rows(self, rows: list[DischargeRow]) -> None:
        keep = self.current_patient_id()
        self.model.set_rows(rows, self._today())
        header = self.view.horizontalHeader()
        self.view.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if keep is not None:
            self.select_patient(keep)
        self._update_counts()
        self._update_start_plan()
        self.sig_loaded.emit()

    def _update_counts(self) -> None:
        rows = [self.model.record(i) for i in range(self.model.rowCount())]
        if self.unplanned:
            text = self.tr("%n patient(s) without a discharge plan", "", len(rows))
        else:
            overdue = sum(bool(r.readiness.overdue) for r in rows)
            ready = sum(bool(r.readiness.total and r.readiness.ready) for r in rows)
            text = self.tr("%n patient(s) in the window", "", len(rows))
            text += " · " + self.tr("%n with overdue items", "", overdue)
            text += " · " + self.tr("%n ready", "", ready)
            if self._without_plan:
                text += " · " + self.tr("%n without a plan", "", self._without_plan)
        shown = self.proxy.rowCount()
        if shown != len(rows):
            text += " · " + self.tr("%n shown", "", shown)
        self.count_label.setText(text)

    def _on_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_counts()

    def _on_hide_ready(self, hide: bool) -> None:
        self.proxy.set_hide_ready(hide)
        self._update_counts()

    # --- navigating -------------------------------------------------------------------

    def focus_table(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, BoardColumn.NAME))

    def current_patient_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        value = index.data(PATIENT_ID_ROLE)
        return str(value) if value else None

    def select_patient(self, patient_id: str) -> None:
        row = self.model.row_for(patient_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, BoardColumn.NAME))
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index,
                QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QtCore.QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)

    def _open_index(self, index: QtCore.QModelIndex) -> None:
        patient_id = index.data(PATIENT_ID_ROLE) if index.isValid() else None
        if patient_id:
            self.sig_patient_activated.emit(str(patient_id))

    def _start_plan(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None and self.unplanned:
            self.sig_start_plan_requested.emit(patient_id)

    def _update_start_plan(self) -> None:
        self.start_plan_button.setEnabled(self.current_patient_id() is not None)

    def open_current(self) -> None:
        patient_id = self.current_patient_id()
        if patient_id is not None:
            self.sig_patient_activated.emit(patient_id)
