"""Widgets and builders the chart tabs and their add/edit dialogs share.

Texts reach these helpers already translated: ``tr()`` files a string under the
class that calls it, so each tab and dialog keeps its own translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any, Generic, Protocol, TypeVar

from app.domain import Frozen, NewsItem, Provenance, Source
from app.services import PatientChart
from ui.base import drafts
from ui.base.shortcuts import widget_shortcut
from ui.base.style import relative_time
from ui.base.table_model import RecordTableModel, row_table
from ui.base.words import source_text
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtWidgets

D = TypeVar("D", bound=Frozen)


class RecordFactory(Protocol):
    """What a dialog needs to build a record without a database; ``CareService`` fits."""

    def provenance_now(self, source: Source) -> Provenance: ...

    def new_id(self) -> str: ...


class ChartRecord(Protocol):
    """A record of one patient's chart that a ``RecordTab`` lists and edits."""

    @property
    def id(self) -> str: ...

    @property
    def patient_id(self) -> str: ...


R = TypeVar("R", bound=ChartRecord)
DialogT = TypeVar("DialogT", bound=QtWidgets.QDialog)


def push_button(
    text: str, accessible_name: str, tooltip: str, parent: QtWidgets.QWidget
) -> QtWidgets.QPushButton:
    button = QtWidgets.QPushButton(text, parent)
    button.setAccessibleName(accessible_name)
    button.setToolTip(tooltip)
    return button


def empty_state_label(text: str, parent: QtWidgets.QWidget) -> QtWidgets.QLabel:
    """The muted hint a list shows while it is empty (usually the question to ask)."""
    label = QtWidgets.QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("mutedText")
    return label


def source_combo(current: Source, parent: QtWidgets.QWidget) -> QtWidgets.QComboBox:
    combo = QtWidgets.QComboBox(parent)
    for source in Source:
        combo.addItem(source_text(source), source.value)
    combo.setCurrentIndex(combo.findData(current.value))
    combo.setAccessibleName(
        QtCore.QCoreApplication.translate("Source", "Source of the information")
    )
    return combo


def confirm(
    parent: QtWidgets.QWidget, title: str, question: str, on_yes: Callable[[], None]
) -> QtWidgets.QMessageBox:
    """Ask before changing a record: ``on_yes`` runs only after Yes (No is the default).

    Window-modal without an event loop of its own: a sync or a lock may come while the
    box is up; a lock closes it, which counts as No.
    """
    yes, no = QtWidgets.QMessageBox.StandardButton.Yes, QtWidgets.QMessageBox.StandardButton.No
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Question, title, question, yes | no, parent
    )
    box.setDefaultButton(no)

    def answered(_result: int) -> None:
        clicked = box.clickedButton()
        if clicked is not None and box.standardButton(clicked) == yes:
            on_yes()

    box.finished.connect(answered)
    box.finished.connect(box.deleteLater)
    box.open()
    return box


def record_table(
    model: QtCore.QAbstractItemModel,
    name: str,
    stretch: int | None,
    parent: QtWidgets.QWidget,
    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
) -> QtWidgets.QTableView:
    """A read-only, row-selecting table sorted on its first column; Tab leaves it, arrows move.

    Columns fit their contents; ``stretch`` takes the spare width. Leave it ``None`` when
    the columns are wide: a stretched column is squeezed first, and phone numbers must
    not be cut off.
    """
    table = row_table(model, name, parent)
    header = table.horizontalHeader()
    if stretch is not None:
        header.setSectionResizeMode(stretch, QtWidgets.QHeaderView.ResizeMode.Stretch)
    table.setSortingEnabled(True)
    table.sortByColumn(0, sort_order)
    return table


class RecordDialog(QtWidgets.QDialog, Generic[D]):
    """Add or edit one chart record (``existing`` is ``None`` for a new one).

    Save stays disabled while the required name is blank, and Enter in a field does not
    get past that. The subclass builds its fields, calls ``_save_cancel_buttons`` and,
    once the fields are filled in, ``_require_name``.
    """

    ok_button: QtWidgets.QPushButton

    def __init__(
        self,
        parent: QtWidgets.QWidget | None,
        patient_id: str,
        records: RecordFactory,
        existing: D | None,
    ) -> None:
        super().__init__(parent)
        self._patient_id = patient_id
        self._records = records
        self._existing = existing

    def _line_edit(self, accessible_name: str, placeholder: str) -> QtWidgets.QLineEdit:
        edit = QtWidgets.QLineEdit(self)
        edit.setAccessibleName(accessible_name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _note_edit(self, accessible_name: str, lines: int) -> QtWidgets.QPlainTextEdit:
        edit = QtWidgets.QPlainTextEdit(self)
        edit.setTabChangesFocus(True)  # keyboard users must be able to leave the field
        edit.setAccessibleName(accessible_name)
        edit.setFixedHeight(self.fontMetrics().lineSpacing() * lines)
        return edit

    def _save_cancel_buttons(self, save_name: str, cancel_name: str) -> None:
        """Sets ``buttons`` (Save and Cancel) and ``ok_button`` (Save)."""
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.ok_button = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
        self.ok_button.setAccessibleName(save_name)
        cancel = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel_name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _require_name(self, name_edit: QtWidgets.QLineEdit) -> None:
        """Enable Save only while ``name_edit`` holds text, and start typing there."""
        self._name_edit = name_edit
        name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        name_edit.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self._name_edit.text().strip()))

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not save a nameless record
            super().accept()

    def _result(self, record_type: type[D], fields: dict[str, Any]) -> D:
        """A new record under a fresh id, or the edited one: ``fields`` replaced, the rest kept."""
        if self._existing is None:
            new = {"id": self._records.new_id(), "patient_id": self._patient_id}
            return record_type.model_validate({**new, **fields})
        return record_type.model_validate({**self._existing.model_dump(), **fields})


class RecordTab(QtWidgets.QWidget, Generic[R, DialogT]):
    """A chart tab listing one kind of record, with Add and Edit through a dialog.

    Insert in the table adds, Enter or a double-click edits, and the selected record
    stays selected when the same patient's chart is shown again. The subclass builds
    ``model``, ``proxy``, ``table``, ``add_button``, ``edit_button`` and ``empty_label``,
    then calls ``_lay_out`` and ``_connect_table``; it says which dialog to open and how
    to save its result.
    """

    model: RecordTableModel[R, Any]
    proxy: QtCore.QSortFilterProxyModel
    table: QtWidgets.QTableView
    add_button: QtWidgets.QPushButton
    edit_button: QtWidgets.QPushButton
    empty_label: QtWidgets.QLabel
    draft_kind: str
    """Names this tab's editor in a saved draft (see ``ui.base.drafts``)."""

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self._patient_id: str | None = None

    def _lay_out(
        self,
        buttons: Sequence[QtWidgets.QWidget],
        trailing: Sequence[QtWidgets.QWidget] = (),
    ) -> None:
        """Put ``buttons`` in a row above the empty-state hint and the table.

        ``trailing`` goes to the right end of the row. Tab visits the row left to right,
        then the table.
        """
        row = QtWidgets.QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        for widget in trailing:
            row.addWidget(widget)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        for first, second in pairwise([*buttons, *trailing, self.table]):
            self.setTabOrder(first, second)

    def _connect_table(self) -> None:
        widget_shortcut(Qt.Key.Key_Insert, self.table, self._add)
        widget_shortcut(Qt.Key.Key_Return, self.table, self._edit)
        widget_shortcut(Qt.Key.Key_Enter, self.table, self._edit)
        self.table.doubleClicked.connect(self._edit)
        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(self._edit)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _show_records(self, patient_id: str, records: Sequence[R], as_of: datetime) -> None:
        keep = self._selected_id() if patient_id == self._patient_id else None
        self._patient_id = patient_id
        self.model.set_records(records, as_of)
        if keep is not None:
            self._select(keep)
        self._update_buttons()

    def selected_record(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def _selected_id(self) -> str | None:
        record = self.selected_record()
        return record.id if record else None

    def _select(self, record_id: str) -> None:
        row = self.model.row_for(record_id)
        if row is not None:
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
            if proxy_index.isValid():  # the proxy may hide it
                self.table.selectRow(proxy_index.row())

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._patient_id is not None)
        self.edit_button.setEnabled(self.selected_record() is not None)

    def _add(self) -> None:
        if self._patient_id is not None:
            self._open_dialog(self._patient_id, None)

    def _edit(self) -> None:
        record = self.selected_record()
        if record is not None:
            self._open_dialog(record.patient_id, record)

    def open_editor(self, record_id: str | None) -> None:
        """Open the editor for a record of the shown patient (``None``: a new one)."""
        if self._patient_id is None:
            return
        row = self.model.row_for(record_id) if record_id is not None else None
        existing = self.model.record(row) if row is not None else None
        if record_id is None or existing is not None:
            self._open_dialog(self._patient_id, existing)

    def _open_dialog(self, patient_id: str, existing: R | None) -> None:
        # provenance_now and new_id only read the clock and make a uuid: no cache access here.
        dlg = self._dialog(patient_id, self._actions.service, existing)
        drafts.tag(dlg, self.draft_kind, patient_id, existing.id if existing else None)
        dlg.accepted.connect(lambda: self._save(dlg))
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _dialog(self, patient_id: str, records: RecordFactory, existing: R | None) -> DialogT:
        """The add (``existing`` is ``None``) or edit dialog, not yet shown."""
        raise NotImplementedError

    def _save(self, dlg: DialogT) -> None:
        """Save what the accepted dialog holds."""
        raise NotImplementedError


def news_text(item: NewsItem, as_of: datetime) -> str:
    """ "New from Leyla Demir, today 10:42": how a colleague's unseen change is marked."""
    return (
        QtCore.QCoreApplication.translate("RecordTab", "New from %1, %2")
        .replace("%1", item.actor.display_name)
        .replace("%2", relative_time(item.at, as_of))
    )


def news_marks(chart: PatientChart, area: str) -> dict[str, str]:
    """Record id → its news text (``news_text``) for the chart's unseen news in ``area``."""
    marks: dict[str, str] = {}
    for item in chart.news:  # newest first: the newest change of a record speaks
        if item.area == area and item.record_key not in marks:
            marks[item.record_key] = news_text(item, chart.as_of)
    return marks
