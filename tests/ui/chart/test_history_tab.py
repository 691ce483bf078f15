"""The History tab: who changed what, newest first, filterable."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain import Actor, HistoryEntry, Source
from tests.ui.chart.helpers import chart
from ui.chart.history_tab import HistoryColumn, HistoryTab, HistoryTableModel
from ui.qt import Qt

KIM = Actor(user_id="u-1", display_name="Nurse Kim")
LEE = Actor(user_id="u-2", display_name="Dr Lee")


def entry(minute: int, actor: Actor, area: str, subject: str, action: str, **fields: object):
    return HistoryEntry.model_validate(
        {
            "patient_id": "p-1",
            "at": datetime(2025, 3, 1, 9, minute, tzinfo=UTC),
            "actor": actor,
            "area": area,
            "subject": subject,
            "action": action,
            **fields,
        }
    )


# Newest first, as PatientChart.history delivers them.
HISTORY = (
    entry(40, KIM, "contact", "Anna Example", "removed", old_value="Anna", new_value="Anna"),
    entry(30, LEE, "medication", "Metformin", "changed", old_value="500 mg", new_value="1000 mg"),
    entry(20, KIM, "answer", "Diet", "recorded", new_value="vegetarian", source=Source.PATIENT),
    entry(
        10, KIM, "medication", "Aspirin", "added", new_value="Aspirin 100 mg", source=Source.FAMILY
    ),
)


@pytest.fixture
def tab(qtbot):
    widget = HistoryTab()
    qtbot.add_widget(widget)
    widget.show_chart(chart(history=HISTORY))
    return widget


def column(tab: HistoryTab, col: HistoryColumn) -> list[str]:
    return [tab.proxy.index(r, col).data() for r in range(tab.proxy.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester):
    model = HistoryTableModel()
    model.set_records(HISTORY)
    qtmodeltester.check(model)


def test_model_shows_who_changed_what(qtbot):
    model = HistoryTableModel()
    model.set_records(HISTORY)
    changed = [model.index(1, c.value).data() for c in HistoryColumn]
    assert changed[HistoryColumn.WHO :] == [
        "Dr Lee",
        "Medication",
        "Metformin",
        "500 mg → 1000 mg",
        "",
    ]
    added = [model.index(3, c.value).data() for c in HistoryColumn]
    assert added[HistoryColumn.AREA :] == ["Medication", "Aspirin", "Aspirin 100 mg", "family"]
    assert model.index(2, HistoryColumn.AREA).data() == "Answer"
    assert model.index(0, HistoryColumn.CHANGE).data() == "removed: Anna → Anna"
    assert "2025" in model.index(0, HistoryColumn.WHEN).data()
    assert model.index(0, HistoryColumn.WHEN).data(Qt.ItemDataRole.ToolTipRole)


def test_newest_first(tab):
    assert column(tab, HistoryColumn.WHAT) == ["Anna Example", "Metformin", "Diet", "Aspirin"]


def test_filter_across_columns(qtbot, tab):
    qtbot.keyClicks(tab.filter_edit, "medication")
    assert column(tab, HistoryColumn.WHAT) == ["Metformin", "Aspirin"]
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "DR LEE")
    assert column(tab, HistoryColumn.WHAT) == ["Metformin"]
    tab.filter_edit.clear()
    qtbot.keyClicks(tab.filter_edit, "vegetarian")
    assert column(tab, HistoryColumn.WHAT) == ["Diet"]
    tab.filter_edit.clear()
    assert tab.proxy.rowCount() == len(HISTORY)


def test_filter_survives_a_reload(qtbot, tab):
    qtbot.keyClicks(tab.filter_edit, "aspirin")
    tab.show_chart(chart(history=HISTORY[1:]))
    assert column(tab, HistoryColumn.WHAT) == ["Aspirin"]


def test_controls_are_named(tab):
    assert tab.filter_edit.accessibleName() == "Filter history"
    assert tab.filter_edit.placeholderText() == "Filter history"
    assert tab.table.accessibleName()
