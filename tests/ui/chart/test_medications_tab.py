"""The Medications tab, its table model and the add/edit dialog, without a database."""

from __future__ import annotations

from typing import cast

import pytest

from app.domain import (
    HomeMedication,
    MedicationStatus,
    Reconciliation,
    ReconciliationDecision,
    Source,
)
from app.services import CareService
from tests.ui.chart.helpers import (
    NURSE,
    RECORDED_AT,
    FakeRecords,
    chart,
    provenance,
    unnamed_controls,
)
from ui.base.table_model import RECORD_ID_ROLE
from ui.base.taskman import TaskManager
from ui.chart.medication_dialog import MedicationDialog, medication_dialog
from ui.chart.medications_tab import MedColumn, MedicationsTab, MedicationTableModel
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtWidgets

# The offscreen platform warns whenever a window is shown; that is not our code's doing.


def med(med_id: str, name: str, **fields: object) -> HomeMedication:
    return HomeMedication.model_validate(
        {"id": med_id, "patient_id": "p-1", "name": name, "provenance": provenance(), **fields}
    )


class RecordingActions(ChartActions):
    """Records what the tab asked for instead of running it on the DB worker."""

    def __init__(self) -> None:
        super().__init__(TaskManager(), cast(CareService, FakeRecords()))
        self.saved: list[HomeMedication] = []
        self.stopped: list[tuple[str, str]] = []

    def save_medication(self, med: HomeMedication) -> None:
        self.saved.append(med)

    def stop_medication(self, patient_id: str, med_id: str) -> None:
        self.stopped.append((patient_id, med_id))


@pytest.fixture
def actions():
    recording = RecordingActions()
    yield recording
    recording.tasks.shutdown()


@pytest.fixture
def tab(qtbot, actions):
    widget = MedicationsTab(actions)
    qtbot.add_widget(widget)
    return widget


METFORMIN = med("m-1", "Metformin", code="860975", dose="500 mg", route="oral", unsent=True)
ASPIRIN = med("m-2", "Aspirin", dose="100 mg", status=MedicationStatus.STOPPED)


def select(tab: MedicationsTab, med_id: str) -> None:
    for row in range(tab.proxy.rowCount()):
        if tab.proxy.index(row, 0).data(RECORD_ID_ROLE) == med_id:
            tab.table.selectRow(row)
            return
    raise AssertionError(med_id)


# --- model ----------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester):
    model = MedicationTableModel()
    model.set_records([METFORMIN, ASPIRIN, med("m-3", "Vitamin D", note="weekly")])
    qtmodeltester.check(model)


def test_model_shows_what_the_nurse_needs(qtbot):
    model = MedicationTableModel()
    model.set_records([METFORMIN, ASPIRIN])
    row = [model.index(0, c.value).data() for c in MedColumn]
    assert row[: MedColumn.STATUS + 1] == ["Metformin", "500 mg", "oral", "", "", "taking"]
    assert row[MedColumn.SOURCE] == "patient"
    assert row[MedColumn.RECORDED].startswith("Nurse Kim · ")
    assert "860975" in model.index(0, MedColumn.NAME).data(Qt.ItemDataRole.ToolTipRole)


def test_unsent_mark_is_amber_dot_with_words(qtbot):
    model = MedicationTableModel()
    model.set_records([METFORMIN, ASPIRIN])
    unsent = model.index(0, MedColumn.UNSENT)
    assert unsent.data() == "●"
    assert unsent.data(Qt.ItemDataRole.ToolTipRole) == "not yet sent"
    assert unsent.data(Qt.ItemDataRole.AccessibleTextRole) == "not yet sent"
    assert unsent.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b45309"
    sent = model.index(1, MedColumn.UNSENT)
    assert sent.data() == ""
    assert sent.data(Qt.ItemDataRole.AccessibleTextRole) is None


def test_stopped_medication_is_listed_struck_out(qtbot):
    model = MedicationTableModel()
    model.set_records([METFORMIN, ASPIRIN])
    stopped = model.index(1, MedColumn.NAME)
    assert stopped.data() == "Aspirin"
    assert stopped.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert stopped.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, MedColumn.NAME).data(Qt.ItemDataRole.FontRole) is None


# --- dialog ---------------------------------------------------------------------------


def test_new_medication_needs_a_name(qtbot):
    dlg = medication_dialog(None, "p-1", FakeRecords())
    qtbot.add_widget(dlg)
    assert not dlg.ok_button.isEnabled()
    qtbot.keyClicks(dlg.name_edit, "   ")
    assert not dlg.ok_button.isEnabled()
    dlg.name_edit.clear()
    qtbot.keyClicks(dlg.name_edit, "Ramipril")
    assert dlg.ok_button.isEnabled()
    assert unnamed_controls(dlg) == []


def test_new_medication_result(qtbot):
    dlg = medication_dialog(None, "p-1", FakeRecords())
    qtbot.add_widget(dlg)
    qtbot.keyClicks(dlg.name_edit, "Ramipril")
    qtbot.keyClicks(dlg.dose_edit, "5 mg")
    dlg.route_combo.setCurrentText("inhaled")
    qtbot.keyClicks(dlg.frequency_edit, "once a day")
    qtbot.keyClicks(dlg.last_taken_edit, "this morning")
    dlg.source_combo.setCurrentIndex(dlg.source_combo.findData(Source.FAMILY.value))
    qtbot.keyClicks(dlg.note_edit, "brought by daughter")
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    assert dlg.result() == QtWidgets.QDialog.DialogCode.Accepted
    result = dlg.result_medication()
    assert (result.id, result.patient_id, result.name) == ("new-1", "p-1", "Ramipril")
    assert (result.dose, result.route, result.frequency) == ("5 mg", "inhaled", "once a day")
    assert result.last_taken == "this morning"
    assert result.status is MedicationStatus.TAKING
    assert result.provenance.source is Source.FAMILY
    assert result.note == "brought by daughter"


def test_route_accepts_free_text(qtbot):
    dlg = medication_dialog(None, "p-1", FakeRecords())
    qtbot.add_widget(dlg)
    assert dlg.route_combo.currentText() == ""
    qtbot.keyClicks(dlg.name_edit, "Insulin")
    qtbot.keyClicks(dlg.route_combo.lineEdit(), "via pump")
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    assert dlg.result_medication().route == "via pump"


def test_editing_keeps_identity_and_reconciliation(qtbot):
    decided = Reconciliation(
        decision=ReconciliationDecision.CONTINUE, decided_by=NURSE, decided_at=RECORDED_AT
    )
    existing = med("m-9", "Metformin", code="860975", dose="500 mg", reconciliation=decided)
    dlg = medication_dialog(None, "p-1", FakeRecords(), existing)
    qtbot.add_widget(dlg)
    assert dlg.name_edit.text() == "Metformin"
    assert dlg.ok_button.isEnabled()
    dlg.dose_edit.setText("1000 mg")
    dlg.status_combo.setCurrentIndex(dlg.status_combo.findData(MedicationStatus.UNKNOWN.value))
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    result = dlg.result_medication()
    assert (result.id, result.code, result.dose) == ("m-9", "860975", "1000 mg")
    assert result.status is MedicationStatus.UNKNOWN
    assert result.reconciliation == decided


def test_accept_without_name_does_not_close(qtbot):
    dlg = medication_dialog(None, "p-1", FakeRecords())
    qtbot.add_widget(dlg)
    dlg.show()
    dlg.accept()
    assert dlg.isVisible()


# --- tab ------------------------------------------------------------------------------


def test_empty_state_asks_the_question(tab):
    tab.show_chart(chart())
    assert not tab.empty_label.isHidden()
    assert "Do you take any medicines" in tab.empty_label.text()
    assert tab.add_button.isEnabled()
    assert not tab.edit_button.isEnabled()
    tab.show_chart(chart(medications=(METFORMIN,)))
    assert tab.empty_label.isHidden()


def test_every_control_is_named_and_add_has_a_shortcut(tab):
    assert unnamed_controls(tab) == []
    assert tab.add_button.shortcut().toString() == "Ctrl+Shift+M"
    assert "Ctrl+Shift+M" in tab.add_button.toolTip()


def test_stopped_medications_stay_listed_and_sort_by_name(tab):
    tab.show_chart(chart(medications=(METFORMIN, ASPIRIN)))
    names = [tab.proxy.index(r, MedColumn.NAME).data() for r in range(tab.proxy.rowCount())]
    assert names == ["Aspirin", "Metformin"]


def test_add_saves_through_the_actions(qtbot, tab, actions):
    tab.show_chart(chart())
    tab.add_button.click()
    dlg = tab.findChild(MedicationDialog)
    assert dlg is not None
    qtbot.keyClicks(dlg.name_edit, "Omeprazole")
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    assert [m.name for m in actions.saved] == ["Omeprazole"]
    assert actions.saved[0].patient_id == "p-1"


def test_enter_on_a_row_edits_it(qtbot, tab, actions):
    tab.show_chart(chart(medications=(METFORMIN, ASPIRIN)))
    with qtbot.wait_active(tab):  # shortcuts only fire in the active window
        tab.show()
        tab.activateWindow()
    select(tab, "m-1")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dlg = tab.findChild(MedicationDialog)
    assert dlg is not None
    assert dlg.name_edit.text() == "Metformin"
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    assert [m.id for m in actions.saved] == ["m-1"]


def test_ctrl_shift_m_adds(qtbot, tab):
    tab.show_chart(chart(medications=(METFORMIN,)))
    with qtbot.wait_active(tab):
        tab.show()
        tab.activateWindow()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.wait_signal(tab.add_button.clicked):  # a button shortcut animates the click
        qtbot.keyClick(tab, Qt.Key.Key_M, modifiers)
    dlg = tab.findChild(MedicationDialog)
    assert dlg is not None
    assert dlg.name_edit.text() == ""


def _question(tab: QtWidgets.QWidget) -> QtWidgets.QMessageBox:
    """The yes/no question open over the tab."""
    return next(b for b in tab.findChildren(QtWidgets.QMessageBox) if b.isVisible())


def test_mark_stopped_asks_first(qtbot, tab, actions):
    tab.show_chart(chart(medications=(METFORMIN, ASPIRIN)))
    select(tab, "m-2")
    assert not tab.stop_button.isEnabled()  # already stopped
    select(tab, "m-1")
    assert tab.stop_button.isEnabled()
    tab.stop_button.click()
    box = _question(tab)
    assert "Metformin" in box.text()
    with qtbot.wait_signal(box.finished):
        qtbot.keyClick(box, Qt.Key.Key_Return)  # No is the default
    assert actions.stopped == []
    tab.stop_button.click()
    box = _question(tab)
    with qtbot.wait_signal(box.finished):
        box.button(QtWidgets.QMessageBox.StandardButton.Yes).click()
    assert actions.stopped == [("p-1", "m-1")]


def test_reload_keeps_the_selection(tab):
    tab.show_chart(chart(medications=(METFORMIN, ASPIRIN)))
    select(tab, "m-1")
    tab.show_chart(chart(medications=(METFORMIN.model_copy(update={"unsent": False}), ASPIRIN)))
    selected = tab.selected_record()
    assert selected is not None
    assert selected.id == "m-1"
