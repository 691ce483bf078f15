"""The Discharge tab's checklist: what still has to happen before the patient can go.

Space marks the selected item done (or not), Enter edits it, Insert adds one, the menu
key sets any status. Shown only while there is a plan (the plan brings the checklist).
"""

from __future__ import annotations

from app.discharge import DischargeTask, TaskStatus
from app.services import DischargeView
from ui.base.shortcuts import widget_shortcut
from ui.base.words import task_status_label
from ui.chart.record_tab import push_button
from ui.discharge.dialogs import TaskDialog, open_dialog
from ui.discharge.models import ChecklistModel, TaskColumn
from ui.discharge.sections.section import DischargeSection
from ui.discharge.sections.tables import (
    SectionSelection,
    fit_table,
    refill_keeping_selection,
    section_table,
    stretch_when_used,
)
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtWidgets


class ChecklistSection(DischargeSection):
    """The plan's checklist items with owner, due date and note; overdue ones said in words."""

    def __init__(
        self, actions: ChartActions, parent: QtWidgets.QWidget, *, language: str = "en"
    ) -> None:
        super().__init__(actions, parent)
        self.set_title(self.tr("Checklist"))
        lay = QtWidgets.QVBoxLayout(self)
        self.model = ChecklistModel(self)
        checklist = actions.service.checklist
        # Standard items in the UI language; items someone added keep their own title.
        self.model.title_of = lambda task: (
            checklist.title_for(task.code, language)
            if checklist.item(task.code) is not None
            else task.title
        )
        self.table = section_table(
            self.model,
            self.tr("Discharge checklist"),
            (TaskColumn.TITLE, TaskColumn.NOTE),
            self,
        )
        self.table.setAccessibleDescription(
            self.tr("Space marks the selected item done or not done; Enter edits it")
        )
        self._selection = SectionSelection(self.table, self.model)
        self.done_button = push_button(
            self.tr("Mark done"),
            self.tr("Mark selected checklist item done"),
            self.tr("Mark the selected item done, or not done again (Space in the list)"),
            self,
        )
        self.status_button = push_button(
            self.tr("Set status"),
            self.tr("Set status of selected checklist item"),
            self.tr("To do, in progress, done or not needed (menu key in the list)"),
            self,
        )
        self.status_menu = QtWidgets.QMenu(self.status_button)
        for status in TaskStatus:
            action = self.status_menu.addAction(task_status_label(status))
            action.triggered.connect(lambda _c=False, s=status: self.set_task_status(s))
        self.status_button.setMenu(self.status_menu)
        self.edit_button = push_button(
            self.tr("Edit…"),
            self.tr("Edit selected checklist item"),
            self.tr("Owner, due date, status and note (Enter in the list)"),
            self,
        )
        self.add_button = push_button(
            self.tr("Add item…"),
            self.tr("Add checklist item"),
            self.tr("Add an item this patient needs beyond the standard checklist"),
            self,
        )
        lay.addWidget(self.table)
        row = QtWidgets.QHBoxLayout()
        for button in (self.done_button, self.status_button, self.edit_button, self.add_button):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        hint = QtWidgets.QLabel(self.tr("Space: done · Enter: edit"))
        hint.setObjectName("mutedText")
        lay.addWidget(hint)  # a line of its own: beside the buttons it made the tab scroll sideways

        on_table = Qt.ShortcutContext.WidgetShortcut
        table = self.table
        widget_shortcut(Qt.Key.Key_Space, table, self.toggle_done, on_table)
        widget_shortcut(Qt.Key.Key_Return, table, self.edit_task, on_table)
        widget_shortcut(Qt.Key.Key_Enter, table, self.edit_task, on_table)
        widget_shortcut(Qt.Key.Key_Insert, table, self.add_task, on_table)
        table.doubleClicked.connect(lambda _i: self.edit_task())
        table.customContextMenuRequested.connect(
            lambda pos: self.status_menu.popup(table.viewport().mapToGlobal(pos))
        )
        self._follow_selection(table)
        self.done_button.clicked.connect(self.toggle_done)
        self.edit_button.clicked.connect(self.edit_task)
        self.add_button.clicked.connect(self.add_task)

    def _show(self, view: DischargeView) -> None:
        self.setVisible(view.plan is not None)
        refill_keeping_selection(
            self._selection, lambda: self.model.set_records(view.tasks, view.as_of)
        )
        stretch_when_used(self.table, TaskColumn.NOTE, any(t.note for t in view.tasks))
        fit_table(self.table)

    def update_buttons(self) -> None:
        task = self._selection.record()
        for button in (self.done_button, self.status_button, self.edit_button):
            button.setEnabled(task is not None)
        undo = task is not None and task.status is TaskStatus.DONE
        self.done_button.setText(self.tr("Mark not done") if undo else self.tr("Mark done"))
        self.add_button.setEnabled(self.has_plan)

    def focus_table(self) -> None:
        """The keyboard on the checklist, on the first item unless one is current."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    # --- edits ------------------------------------------------------------------------

    def selected_task(self) -> DischargeTask | None:
        return self._selection.record()

    def toggle_done(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        new = TaskStatus.TODO if task.status is TaskStatus.DONE else TaskStatus.DONE
        self.set_task_status(new)

    def set_task_status(self, status: TaskStatus) -> None:
        task = self.selected_task()
        if task is None or task.status is status:
            return
        self._actions.save_discharge_task(task.model_copy(update={"status": status}))

    def edit_task(self) -> None:
        task = self.selected_task()
        if task is None:
            return
        dlg = self._task_dialog(task)
        open_dialog(
            dlg,
            lambda: self._actions.save_discharge_task(task.model_copy(update=dlg.result_fields())),
        )

    def add_task(self) -> None:
        view = self.view
        if view is None or view.plan is None:
            return
        patient_id = view.plan.patient_id
        dlg = self._task_dialog(None)

        def save() -> None:
            self._actions.add_discharge_task(patient_id, dlg.result_fields())

        open_dialog(dlg, save)

    def _task_dialog(self, task: DischargeTask | None) -> TaskDialog:
        plan = self.view.plan if self.view is not None else None
        default_due = plan.expected_date if plan and plan.expected_date else self.today()
        return TaskDialog(self, task, self._actions.service.actor, default_due)
