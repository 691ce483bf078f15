"""'Today' on screen is the workstation's day (DESIGN.md §6b), not the UTC day.

The test clock says 23 Nov 2026, 10:30 UTC: in Kiritimati (UTC+14) that is already
00:30 on the 24th. The board, the Discharge tab and the ward list count from the 24th.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import pytest

from tests.ui.discharge.helpers import load_board, open_on_discharge_tab
from ui.discharge.readiness_board import BoardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt

KIRITIMATI_DAY = date(2026, 11, 24)


@pytest.fixture
def kiritimati_window(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        yield request.getfixturevalue("main_window")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_board_and_the_tab_count_from_the_workstations_day(
    qtbot, kiritimati_window: MainWindow
) -> None:
    window = kiritimati_window
    assert window.service.today() == KIRITIMATI_DAY
    window.show_board()
    load_board(qtbot, window, None)
    model = window.discharge_board.model
    rows = [model.record(r) for r in range(model.rowCount())]
    due_today = [r for r, rec in enumerate(rows) if rec.expected_date == KIRITIMATI_DAY]
    assert due_today, "the demo plans discharges for the workstation's today"
    for r in due_today:
        text = model.index(r, BoardColumn.DATE).data(Qt.ItemDataRole.DisplayRole)
        assert text.endswith("· today"), text
    tomorrow = [r for r, rec in enumerate(rows) if rec.expected_date == date(2026, 11, 25)]
    assert tomorrow
    assert model.index(tomorrow[0], BoardColumn.DATE).data().endswith("· tomorrow")

    open_on_discharge_tab(qtbot, window, rows[due_today[0]].patient_id)
    tab = window.patient_view.discharge
    assert "(today)" in tab.plan_header.date_label.text()
    assert "Tue 24 Nov 2026" in tab.plan_header.date_label.text()
