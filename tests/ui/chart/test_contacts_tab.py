"""The Home & helpers tab, its table model and the contact dialog, without a database."""

from __future__ import annotations

from typing import cast

import pytest

from app.domain import (
    Channel,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
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
from ui.chart.contact_dialog import ContactDialog, contact_dialog
from ui.chart.contacts_tab import ContactColumn, ContactsTab, ContactTableModel
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtWidgets

# The offscreen platform warns whenever a window is shown; that is not our code's doing.


def phone(value: str, rank: int, label: str = "") -> ContactPoint:
    return ContactPoint(system="phone", value=value, rank=rank, label=label)


def contact(contact_id: str, name: str, **fields: object) -> HomeCareContact:
    return HomeCareContact.model_validate(
        {
            "id": contact_id,
            "patient_id": "p-1",
            "kind": ContactKind.PERSON,
            "name": name,
            "provenance": provenance(),
            **fields,
        }
    )


class RecordingActions(ChartActions):
    """Records what the tab asked for instead of running it on the DB worker."""

    def __init__(self) -> None:
        super().__init__(TaskManager(), cast(CareService, FakeRecords()))
        self.saved: list[HomeCareContact] = []

    def save_contact(self, contact: HomeCareContact) -> None:
        self.saved.append(contact)


@pytest.fixture
def actions():
    recording = RecordingActions()
    yield recording
    recording.tasks.shutdown()


@pytest.fixture
def tab(qtbot, actions):
    widget = ContactsTab(actions)
    qtbot.add_widget(widget)
    return widget


ANNA = contact(
    "c-1",
    "Anna Example",
    relationship="daughter",
    roles=(ContactRole.HELPS_AT_HOME, ContactRole.EMERGENCY_CONTACT),
    telecom=(phone("+49 30 555", 2, "home"), phone("+49 171 123", 1, "mobile")),
    preferred_channel=Channel.SMS,
    preferred_times="after 17:00",
    consent_to_share=True,
    unsent=True,
)
SPITEX = contact(
    "c-2",
    "City Home Care",
    kind=ContactKind.AGENCY,
    roles=(ContactRole.HOME_CARE_PROVIDER,),
    verified_by=NURSE,
    verified_at=RECORDED_AT,
)
OLD_NEIGHBOUR = contact("c-3", "Bernd Former", relationship="neighbour", active=False)


def visible_ids(tab: ContactsTab) -> list[str]:
    return [tab.proxy.index(r, 0).data(RECORD_ID_ROLE) for r in range(tab.proxy.rowCount())]


def select(tab: ContactsTab, contact_id: str) -> None:
    tab.table.selectRow(visible_ids(tab).index(contact_id))


def new_dialog(qtbot, existing: HomeCareContact | None = None) -> ContactDialog:
    dlg = contact_dialog(None, "p-1", FakeRecords(), existing)
    qtbot.add_widget(dlg)
    return dlg


def add_number(qtbot, dlg: ContactDialog, value: str, label: str = "") -> None:
    dlg.telecom.add_button.click()
    qtbot.keyClicks(dlg.telecom.value_edit, value)
    qtbot.keyClicks(dlg.telecom.label_edit, label)


# --- model ----------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester):
    model = ContactTableModel()
    model.set_records([ANNA, SPITEX, OLD_NEIGHBOUR])
    qtmodeltester.check(model)


def test_model_speaks_in_words(qtbot):
    model = ContactTableModel()
    model.set_records([ANNA, SPITEX, OLD_NEIGHBOUR])
    anna = [model.index(0, c.value).data() for c in ContactColumn]
    assert anna[ContactColumn.NAME] == "Anna Example"
    assert anna[ContactColumn.ROLES] == "helps at home, emergency contact"
    assert anna[ContactColumn.TELECOM] == "1. +49 171 123, 2. +49 30 555"
    assert anna[ContactColumn.PREFERRED] == "text message (SMS), after 17:00"
    assert anna[ContactColumn.CONSENT] == "yes"
    assert anna[ContactColumn.VERIFIED] == "not verified"
    assert anna[ContactColumn.UNSENT] == "●"
    tip = model.index(0, ContactColumn.TELECOM).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines()[0] == "1. phone: +49 171 123 (mobile)"
    agency = [model.index(1, c.value).data() for c in ContactColumn]
    assert agency[ContactColumn.NAME] == "City Home Care (agency)"
    assert agency[ContactColumn.ROLES] == "home-care provider"
    assert agency[ContactColumn.CONSENT] == "no"
    assert agency[ContactColumn.VERIFIED].startswith("Nurse Kim · ")
    assert model.index(1, ContactColumn.UNSENT).data(Qt.ItemDataRole.AccessibleTextRole) is None
    assert model.index(2, ContactColumn.NAME).data() == "Bernd Former (removed)"


# --- dialog ---------------------------------------------------------------------------


def test_name_is_required(qtbot):
    dlg = new_dialog(qtbot)
    assert not dlg.ok_button.isEnabled()
    qtbot.keyClicks(dlg.relationship_edit, "son")
    add_number(qtbot, dlg, "+49 171 1")
    assert not dlg.ok_button.isEnabled()
    qtbot.keyClicks(dlg.name_edit, "Max")
    assert dlg.ok_button.isEnabled()


def test_telecom_rank_follows_list_order_after_move_up(qtbot):
    dlg = new_dialog(qtbot)
    qtbot.keyClicks(dlg.name_edit, "Anna Example")
    add_number(qtbot, dlg, "+49 30 555", "home")
    add_number(qtbot, dlg, "+49 171 123", "mobile")
    dlg.telecom.system_combo.setCurrentIndex(dlg.telecom.system_combo.findData("phone"))
    add_number(qtbot, dlg, "anna@example.org")
    dlg.telecom.system_combo.setCurrentIndex(dlg.telecom.system_combo.findData("email"))
    dlg.telecom.list.setCurrentRow(1)
    assert dlg.telecom.up_button.isEnabled()
    dlg.telecom.up_button.click()
    assert dlg.telecom.list.currentRow() == 0
    assert dlg.telecom.list.item(0).text() == "1. phone: +49 171 123 (mobile)"
    assert not dlg.telecom.up_button.isEnabled()
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    result = dlg.result_contact()
    assert [(t.rank, t.system, t.value, t.label) for t in result.telecom] == [
        (1, "phone", "+49 171 123", "mobile"),
        (2, "phone", "+49 30 555", "home"),
        (3, "email", "anna@example.org", ""),
    ]


def test_move_down_remove_and_empty_entries(qtbot):
    dlg = new_dialog(qtbot)
    qtbot.keyClicks(dlg.name_edit, "Max")
    add_number(qtbot, dlg, "111")
    add_number(qtbot, dlg, "222")
    add_number(qtbot, dlg, "333")
    dlg.telecom.add_button.click()  # left empty: dropped, not saved as a blank number
    dlg.telecom.list.setCurrentRow(0)
    dlg.telecom.down_button.click()
    dlg.telecom.list.setCurrentRow(2)
    dlg.telecom.remove_button.click()
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    assert [(t.rank, t.value) for t in dlg.result_contact().telecom] == [(1, "222"), (2, "111")]


def test_new_contact_fields(qtbot):
    dlg = new_dialog(qtbot)
    dlg.kind_combo.setCurrentIndex(dlg.kind_combo.findData(ContactKind.AGENCY.value))
    qtbot.keyClicks(dlg.name_edit, "City Home Care")
    dlg.role_checks[ContactRole.HOME_CARE_PROVIDER].setChecked(True)
    dlg.role_checks[ContactRole.EMERGENCY_CONTACT].setChecked(True)
    dlg.channel_combo.setCurrentIndex(dlg.channel_combo.findData(Channel.EMAIL.value))
    qtbot.keyClicks(dlg.times_edit, "office hours")
    qtbot.keyClicks(dlg.language_edit, "German")
    dlg.consent_check.setChecked(True)
    dlg.verified_check.setChecked(True)
    dlg.source_combo.setCurrentIndex(dlg.source_combo.findData(Source.OTHER_SYSTEM.value))
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    result = dlg.result_contact()
    assert (result.id, result.patient_id, result.kind) == ("new-1", "p-1", ContactKind.AGENCY)
    assert result.roles == (ContactRole.EMERGENCY_CONTACT, ContactRole.HOME_CARE_PROVIDER)
    assert result.preferred_channel is Channel.EMAIL
    assert (result.preferred_times, result.language) == ("office hours", "German")
    assert result.consent_to_share
    assert (result.verified_by, result.verified_at) == (NURSE, RECORDED_AT)
    assert result.provenance.source is Source.OTHER_SYSTEM
    assert result.active


def test_editing_prefills_in_rank_order_and_keeps_identity(qtbot):
    dlg = new_dialog(qtbot, SPITEX.model_copy(update={"telecom": ANNA.telecom}))
    assert dlg.kind_combo.currentData() == ContactKind.AGENCY.value
    assert dlg.telecom.list.item(0).text() == "1. phone: +49 171 123 (mobile)"
    assert dlg.channel_combo.currentData() == ""  # no preference
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    result = dlg.result_contact()
    assert result.id == "c-2"
    assert result.preferred_channel is None
    assert result.verified_by == NURSE  # kept, not re-checked
    assert [t.value for t in result.telecom] == ["+49 171 123", "+49 30 555"]


def test_dialog_controls_are_named(qtbot):
    dlg = new_dialog(qtbot, ANNA)
    assert unnamed_controls(dlg) == []


# --- tab ------------------------------------------------------------------------------


def test_removed_contacts_hidden_until_asked(tab):
    tab.show_chart(chart(contacts=(ANNA, SPITEX, OLD_NEIGHBOUR)))
    assert sorted(visible_ids(tab)) == ["c-1", "c-2"]
    tab.show_removed_check.setChecked(True)
    assert sorted(visible_ids(tab)) == ["c-1", "c-2", "c-3"]
    select(tab, "c-3")
    assert not tab.remove_button.isEnabled()
    assert tab.edit_button.isEnabled()


def test_empty_state_and_named_controls(tab):
    tab.show_chart(chart(contacts=(OLD_NEIGHBOUR,)))
    assert not tab.empty_label.isHidden()
    tab.show_chart(chart(contacts=(ANNA,)))
    assert tab.empty_label.isHidden()
    assert unnamed_controls(tab) == []


def _question(tab: QtWidgets.QWidget) -> QtWidgets.QMessageBox:
    """The yes/no question open over the tab."""
    return next(b for b in tab.findChildren(QtWidgets.QMessageBox) if b.isVisible())


def test_remove_asks_then_deactivates(qtbot, tab, actions):
    tab.show_chart(chart(contacts=(ANNA, SPITEX)))
    select(tab, "c-1")
    tab.remove_button.click()
    box = _question(tab)
    with qtbot.wait_signal(box.finished):
        box.button(QtWidgets.QMessageBox.StandardButton.No).click()
    assert actions.saved == []
    tab.remove_button.click()
    box = _question(tab)
    assert "Anna Example" in box.text()
    with qtbot.wait_signal(box.finished):
        box.button(QtWidgets.QMessageBox.StandardButton.Yes).click()
    assert [(c.id, c.active) for c in actions.saved] == [("c-1", False)]
    assert actions.saved[0].telecom == ANNA.telecom


def test_a_lock_while_asking_removes_nothing(qtbot, tab, actions):
    tab.show_chart(chart(contacts=(ANNA,)))
    select(tab, "c-1")
    tab.remove_button.click()
    box = _question(tab)
    with qtbot.wait_signal(box.finished):
        box.reject()  # what the lock does to every open dialog
    assert actions.saved == []


def test_edit_saves_through_the_actions(qtbot, tab, actions):
    tab.show_chart(chart(contacts=(ANNA,)))
    select(tab, "c-1")
    tab.edit_button.click()
    dlg = tab.findChild(ContactDialog)
    assert dlg is not None
    dlg.relationship_edit.setText("daughter-in-law")
    with qtbot.wait_signal(dlg.finished):
        dlg.accept()
    assert [(c.id, c.relationship) for c in actions.saved] == [("c-1", "daughter-in-law")]


def test_insert_in_the_list_adds(qtbot, tab):
    tab.show_chart(chart(contacts=(ANNA,)))
    with qtbot.wait_active(tab):  # shortcuts only fire in the active window
        tab.show()
        tab.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)
    dlg = tab.findChild(ContactDialog)
    assert dlg is not None
    assert dlg.windowTitle() == "Add contact"
