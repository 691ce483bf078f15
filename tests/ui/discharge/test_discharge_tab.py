"""The Discharge tab as a coordinator uses it: checklist, reconciliation, contacts, follow-up.

Every edit goes through the DB worker; the tests check what the cache holds afterwards
and what the screen says.
"""

from __future__ import annotations

from app.discharge import Destination, TaskStatus
from app.domain import AnswerState, ContactKind, MedicationStatus, ReconciliationDecision
from tests.ui.discharge.helpers import (
    find_view,
    fresh_view,
    open_on_discharge_tab,
    opened_dialog,
    row_for,
    shown,
)
from ui.chart.medication_dialog import MedicationDialog
from ui.discharge.dialogs import AppointmentDialog, PlanDialog, ReconcileDialog, TaskDialog
from ui.discharge.models import ContactColumn, MedColumn, TaskColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets

DEMO_NURSE = "Demo Nurse"


def _saved(qtbot, window: MainWindow):
    """Wait until the edit is stored and the tab shows the stored state again."""
    return qtbot.wait_signal(window.patient_view.discharge.sig_view_shown, timeout=10_000)


def test_five_tabs_in_order_with_ctrl_shortcuts(qtbot, main_window: MainWindow) -> None:
    tabs = main_window.patient_view.tabs
    names = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    assert names == ["Ask once", "Medications", "Home  helpers", "Discharge", "History"]
    assert tabs.tabToolTip(3) == "Ctrl+4"


def test_space_marks_a_checklist_item_done(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window,
        lambda v: v.plan is not None and any(t.status is TaskStatus.TODO for t in v.tasks),
    )
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    before = shown(main_window).readiness
    assert f"{before.done} of {before.total} done" in tab.plan_header.readiness_label.text()
    task = next(t for t in shown(main_window).tasks if t.status is TaskStatus.TODO)
    row = row_for(tab.checklist.model, task.id)
    tab.checklist.table.setFocus()
    tab.checklist.table.setCurrentIndex(tab.checklist.model.index(row, TaskColumn.TITLE))
    with _saved(qtbot, main_window):
        qtbot.keyClick(tab.checklist.table, Qt.Key.Key_Space)

    stored = next(t for t in fresh_view(main_window, view.patient.id).tasks if t.id == task.id)
    assert stored.status is TaskStatus.DONE
    assert stored.unsent
    assert stored.provenance.recorded_by.display_name == DEMO_NURSE
    assert f"{before.done + 1} of {before.total} done" in tab.plan_header.readiness_label.text()
    status = tab.checklist.model.index(row, TaskColumn.STATUS).data()
    assert status == "✓ done"
    assert tab.checklist.table.hasFocus()  # the keyboard stays where it was
    assert tab.checklist.table.currentIndex().row() == row

    # Space again: not done after all.
    with _saved(qtbot, main_window):
        qtbot.keyClick(tab.checklist.table, Qt.Key.Key_Space)
    stored = next(t for t in fresh_view(main_window, view.patient.id).tasks if t.id == task.id)
    assert stored.status is TaskStatus.TODO


def test_status_menu_marks_not_needed(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window,
        lambda v: v.plan is not None and any(t.status is TaskStatus.TODO for t in v.tasks),
    )
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    task = next(t for t in shown(main_window).tasks if t.status is TaskStatus.TODO)
    tab.checklist.table.selectRow(row_for(tab.checklist.model, task.id))
    not_needed = next(a for a in tab.checklist.status_menu.actions() if "not needed" in a.text())
    with _saved(qtbot, main_window):
        not_needed.trigger()
    stored = next(t for t in fresh_view(main_window, view.patient.id).tasks if t.id == task.id)
    assert stored.status is TaskStatus.NOT_NEEDED
    assert shown(main_window).readiness.total == view.readiness.total - 1


def test_overdue_items_say_so(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: bool(v.readiness.overdue))
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    assert tab.plan_header.overdue_label.isVisibleTo(tab)
    assert tab.plan_header.overdue_label.text() == f"⚠ {len(view.readiness.overdue)} overdue"
    due_texts = [
        tab.checklist.model.index(r, TaskColumn.DUE).data()
        for r in range(tab.checklist.model.rowCount())
    ]
    assert sum("overdue" in t for t in due_texts) == len(view.readiness.overdue)


def test_continue_records_who_and_when_and_the_count_drops(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and v.unreconciled >= 2)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    assert f"{view.unreconciled} not yet reconciled" in tab.medications.unreconciled_label.text()
    med = next(
        m
        for m in shown(main_window).medications
        if m.reconciliation is None and m.status is not MedicationStatus.STOPPED
    )
    row = row_for(tab.medications.model, med.id)
    assert tab.medications.model.index(row, MedColumn.DECISION).data() == "? not yet reconciled"
    tab.medications.table.selectRow(row)
    with _saved(qtbot, main_window):
        tab.medications.decision_buttons[ReconciliationDecision.CONTINUE].click()

    stored = next(m for m in fresh_view(main_window, view.patient.id).medications if m.id == med.id)
    assert stored.reconciliation is not None
    assert stored.reconciliation.decision is ReconciliationDecision.CONTINUE
    assert stored.reconciliation.decided_by.display_name == DEMO_NURSE
    row = row_for(tab.medications.model, med.id)
    assert tab.medications.model.index(row, MedColumn.DECISION).data() == "→ continue"
    decided = tab.medications.model.index(row, MedColumn.DECIDED).data()
    assert decided.startswith(DEMO_NURSE)
    assert "today" in decided
    assert "Decided by Demo Nurse on" in tab.medications.model.index(row, MedColumn.DECIDED).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert (
        f"{view.unreconciled - 1} not yet reconciled" in tab.medications.unreconciled_label.text()
    )


def test_change_needs_a_note(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and v.unreconciled >= 1)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    med = next(
        m
        for m in shown(main_window).medications
        if m.reconciliation is None and m.status is not MedicationStatus.STOPPED
    )
    tab.medications.table.selectRow(row_for(tab.medications.model, med.id))
    tab.medications.decision_buttons[ReconciliationDecision.CHANGE].click()
    dialog = opened_dialog(qtbot, tab, ReconcileDialog)
    assert dialog.result_decision() is ReconciliationDecision.CHANGE
    assert not dialog.ok_button.isEnabled()  # what changes must be said
    dialog.note_edit.setPlainText("half the dose: 250 mg twice daily")
    assert dialog.ok_button.isEnabled()
    with _saved(qtbot, main_window), qtbot.wait_signal(dialog.finished):
        dialog.accept()
    stored = next(m for m in fresh_view(main_window, view.patient.id).medications if m.id == med.id)
    assert stored.reconciliation is not None
    assert stored.reconciliation.decision is ReconciliationDecision.CHANGE
    assert stored.reconciliation.note == "half the dose: 250 mg twice daily"
    row = row_for(tab.medications.model, med.id)
    assert (
        tab.medications.model.index(row, MedColumn.NOTE).data()
        == "half the dose: 250 mg twice daily"
    )


def test_verify_a_contact_for_discharge(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window, lambda v: v.plan is not None and any(c.verified_by is None for c in v.contacts)
    )
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    contact = next(c for c in shown(main_window).contacts if c.verified_by is None)
    row = row_for(tab.contacts.model, contact.id)
    assert tab.contacts.model.index(row, ContactColumn.VERIFIED).data() == "○ not verified"
    tab.contacts.table.selectRow(row)
    assert tab.contacts.verify_button.isEnabled()
    with _saved(qtbot, main_window):
        tab.contacts.verify_button.click()
    stored = next(
        c for c in fresh_view(main_window, view.patient.id).contacts if c.id == contact.id
    )
    assert stored.verified_by is not None
    assert stored.verified_by.display_name == DEMO_NURSE
    cell = tab.contacts.model.index(row_for(tab.contacts.model, contact.id), ContactColumn.VERIFIED)
    assert cell.data().startswith(f"✓ {DEMO_NURSE} · today")
    assert "Checked on" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_choose_the_helper_at_home(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window,
        lambda v: (
            v.plan is not None
            and v.plan.home_helper_id is None
            and any(c.kind is ContactKind.PERSON for c in v.contacts)
        ),
    )
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    person = next(c for c in shown(main_window).contacts if c.kind is ContactKind.PERSON)
    assert tab.contacts.helper_combo.isEnabled()
    assert tab.contacts.helper_combo.currentData() is None
    with _saved(qtbot, main_window):
        tab.contacts.choose_helper(person.id)
    plan = fresh_view(main_window, view.patient.id).plan
    assert plan is not None
    assert plan.home_helper_id == person.id
    assert tab.contacts.helper_combo.currentData() == person.id
    row = row_for(tab.contacts.model, person.id)
    assert tab.contacts.model.index(row, ContactColumn.HELPER).data() == "★ helper at home"
    # And back to nobody.
    with _saved(qtbot, main_window):
        tab.contacts.choose_helper(None)
    plan = fresh_view(main_window, view.patient.id).plan
    assert plan is not None
    assert plan.home_helper_id is None


def test_start_a_discharge_plan(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is None)
    main_window.open_patient(view.patient.id)
    tab = main_window.patient_view.discharge
    with _saved(qtbot, main_window):
        main_window.patient_view.tabs.setCurrentWidget(tab)
    assert tab.plan_header.start_button.isVisibleTo(tab)
    assert not tab.checklist.isVisibleTo(tab)
    assert not tab.contacts.helper_combo.isEnabled()
    tab.plan_header.start_button.click()
    dialog = opened_dialog(qtbot, tab, PlanDialog)
    dialog.destination_combo.setCurrentIndex(
        dialog.destination_combo.findData(Destination.REHABILITATION.value)
    )
    with _saved(qtbot, main_window), qtbot.wait_signal(dialog.finished):
        dialog.accept()
    stored = fresh_view(main_window, view.patient.id)
    assert stored.plan is not None
    assert stored.plan.destination is Destination.REHABILITATION
    assert stored.tasks
    assert tab.checklist.isVisibleTo(tab)
    assert tab.checklist.model.rowCount() == len(stored.tasks)
    assert "rehabilitation" in tab.plan_header.destination_label.text()


def test_follow_up_is_taken_from_the_ask_once_answers(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window, lambda v: v.plan is not None and v.follow_up.state is AnswerState.VALID
    )
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    text = tab.follow_up.follow_label.text()
    assert view.follow_up.channel in text
    assert "Answered by" in text
    assert not tab.follow_up.ask_button.isVisibleTo(tab)  # answered and valid: never asked again


def test_unanswered_follow_up_jumps_to_the_question(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window,
        lambda v: v.plan is not None and v.follow_up.channel_state is AnswerState.NEVER_ASKED,
    )
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    assert "not yet been asked" in tab.follow_up.follow_label.text()
    assert tab.follow_up.ask_button.isVisibleTo(tab)
    # No second input here: the button goes to the one place answers are recorded.
    assert not tab.follow_up.findChildren(QtWidgets.QLineEdit)
    assert not tab.follow_up.findChildren(QtWidgets.QComboBox)
    tab.follow_up.ask_button.click()
    board = main_window.patient_view.board
    assert main_window.patient_view.tabs.currentWidget() is board
    focused = QtWidgets.QApplication.focusWidget()
    row = next(r for r in board.rows if r.item.question.code == "communication.preferred-channel")
    assert focused in row.buttons.values()


def test_switching_patient_never_shows_the_previous_plan(qtbot, main_window: MainWindow) -> None:
    first = find_view(main_window, lambda v: v.plan is not None)
    second = find_view(main_window, lambda v: v.plan is None)
    open_on_discharge_tab(qtbot, main_window, first.patient.id)
    tab = main_window.patient_view.discharge
    with _saved(qtbot, main_window) as signal:
        main_window.open_patient(second.patient.id)
        # Until the new view arrives, nothing of the first patient is on screen.
        qtbot.wait_until(
            lambda: tab.view is None or shown(main_window).patient.id == second.patient.id
        )
        assert not tab.checklist.isVisibleTo(tab) or tab.view is not None
    assert signal.args == [second.patient.id]
    assert tab.checklist.model.rowCount() == 0


def test_every_discharge_control_has_a_name(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and bool(v.contacts))
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    kinds = (QtWidgets.QAbstractButton, QtWidgets.QComboBox, QtWidgets.QTableView)
    unnamed = [
        w.objectName() or type(w).__name__
        for w in tab.findChildren(QtWidgets.QWidget)
        if isinstance(w, kinds) and w.isVisibleTo(tab) and not w.accessibleName()
    ]
    assert unnamed == []


def test_edit_a_checklist_item_in_the_dialog(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and bool(v.tasks))
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    task = shown(main_window).tasks[0]
    tab.checklist.table.setFocus()
    tab.checklist.table.setCurrentIndex(
        tab.checklist.model.index(row_for(tab.checklist.model, task.id), TaskColumn.TITLE)
    )
    qtbot.keyClick(tab.checklist.table, Qt.Key.Key_Return)  # Enter edits
    dialog = opened_dialog(qtbot, tab, TaskDialog)
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.count() - 1)  # "me (Demo Nurse)"
    dialog.due_check.setChecked(False)
    dialog.note_edit.setPlainText("Taxi booked for 10:00, wheelchair")
    with _saved(qtbot, main_window), qtbot.wait_signal(dialog.finished):
        dialog.accept()
    stored = next(t for t in fresh_view(main_window, view.patient.id).tasks if t.id == task.id)
    assert stored.owner is not None
    assert stored.owner.display_name == DEMO_NURSE
    assert stored.due is None
    assert stored.note == "Taxi booked for 10:00, wheelchair"
    row = row_for(tab.checklist.model, task.id)
    assert tab.checklist.model.index(row, TaskColumn.OWNER).data() == DEMO_NURSE
    assert tab.checklist.model.index(row, TaskColumn.NOTE).data() == stored.note


def test_add_and_remove_an_appointment(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and not v.plan.appointments)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    assert tab.follow_up.no_appointments_label.isVisibleTo(tab)
    tab.follow_up.add_button.click()
    dialog = opened_dialog(qtbot, tab, AppointmentDialog)
    assert not dialog.ok_button.isEnabled()
    dialog.with_edit.setText("Cardiology clinic")
    dialog.where_edit.setText("Main building, level 2")
    with _saved(qtbot, main_window), qtbot.wait_signal(dialog.finished):
        dialog.accept()
    plan = fresh_view(main_window, view.patient.id).plan
    assert plan is not None
    assert [a.with_whom for a in plan.appointments] == ["Cardiology clinic"]
    assert tab.follow_up.table.isVisibleTo(tab)
    assert tab.follow_up.model.index(0, 1).data() == "Cardiology clinic"
    tab.follow_up.table.selectRow(0)
    with _saved(qtbot, main_window):
        tab.follow_up.remove_button.click()
    plan = fresh_view(main_window, view.patient.id).plan
    assert plan is not None
    assert plan.appointments == ()


def test_a_new_medication_for_discharge_is_marked_new(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    tab.medications.add_button.click()
    dialog = opened_dialog(qtbot, tab, MedicationDialog)
    dialog.name_edit.setText("Enoxaparin")
    dialog.dose_edit.setText("40 mg")
    with _saved(qtbot, main_window), qtbot.wait_signal(dialog.finished):
        dialog.accept()
    stored = next(
        m for m in fresh_view(main_window, view.patient.id).medications if m.name == "Enoxaparin"
    )
    assert stored.reconciliation is not None
    assert stored.reconciliation.decision is ReconciliationDecision.NEW
    row = row_for(tab.medications.model, stored.id)
    assert tab.medications.model.index(row, MedColumn.DECISION).data() == "+ new"


def test_a_lock_closes_an_open_dialog_without_saving(qtbot, main_window: MainWindow) -> None:
    """Dialogs have no event loop of their own: the lock closes them and nothing follows."""
    view = find_view(main_window, lambda v: v.plan is not None)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    tab.plan_header.edit_button.click()
    dialog = opened_dialog(qtbot, tab, PlanDialog)
    dialog.note_edit.setPlainText("Half typed when the screen locked")
    with (
        qtbot.assert_not_emitted(tab.sig_view_shown, wait=300),
        qtbot.wait_signal(dialog.finished) as closed,
    ):
        draft = main_window.capture_draft()  # what the shell does on lock
    assert closed.args == [QtWidgets.QDialog.DialogCode.Rejected.value]
    assert draft == {"kind": "patient", "patient_id": view.patient.id, "ref": None}
    plan = fresh_view(main_window, view.patient.id).plan
    assert plan is not None
    assert plan.note != "Half typed when the screen locked"


def test_the_tab_follows_the_store_while_a_dialog_is_up(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and not v.plan.appointments)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    tab.follow_up.add_button.click()
    dialog = opened_dialog(qtbot, tab, AppointmentDialog)
    with _saved(qtbot, main_window):
        tab.reload()  # as after a sync brought changes for this patient
    assert dialog.isVisible()
    dialog.with_edit.setText("GP Dr Weber")
    with _saved(qtbot, main_window), qtbot.wait_signal(dialog.finished):
        dialog.accept()
    plan = fresh_view(main_window, view.patient.id).plan
    assert plan is not None
    assert [a.with_whom for a in plan.appointments] == ["GP Dr Weber"]
    assert tab.follow_up.model.index(0, 1).data() == "GP Dr Weber"
