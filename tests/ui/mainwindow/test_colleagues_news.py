"""Colleagues' news on screen: the ward list marks the patient, the chart lists the
changes with who and when, "Seen" clears them; never a jump of the selection."""

from __future__ import annotations

from datetime import timedelta

from app.domain import Actor, NewsItem
from app.store.repository import Repository
from tests.conftest import FIXED_NOW
from ui.mainwindow.ward_model import PATIENT_ID_ROLE, WardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt

LEYLA = Actor(user_id="Practitioner/leyla", display_name="Leyla Demir")


def _news_arrives(window: MainWindow, patient_id: str) -> None:
    """What a sync writes when a colleague's change comes down (``UnitOfWork``)."""
    service = window.service
    repo = Repository(service.db)
    with service.db.transaction() as conn:
        repo.add_news(
            conn,
            NewsItem(
                patient_id=patient_id,
                area="answer",
                record_key="diet.lactose",
                actor=LEYLA,
                at=FIXED_NOW - timedelta(minutes=12),
                subject="Lactose intolerance",
                action="changed",
                new_value="Yes",
            ),
        )


def _name_cell(window: MainWindow, patient_id: str, role: int) -> str:
    model = window.ward_panel.ward_model
    row = model.row_for(patient_id)
    assert row is not None
    return str(model.index(row, WardColumn.NAME).data(role))


def test_news_is_marked_listed_and_cleared_when_seen(qtbot, main_window: MainWindow) -> None:
    panel = main_window.ward_panel
    first = str(panel.ward_proxy.index(0, WardColumn.NAME).data(PATIENT_ID_ROLE))
    second = str(panel.ward_proxy.index(1, WardColumn.NAME).data(PATIENT_ID_ROLE))
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        panel.ward_view.setCurrentIndex(panel.ward_proxy.index(0, WardColumn.NAME))
    _news_arrives(main_window, second)
    reloaded: list[bool] = []
    main_window.reload(then=lambda: reloaded.append(True))
    qtbot.wait_until(lambda: reloaded == [True], timeout=10_000)
    # the list says so, and the nurse stays where she was
    assert "● 1 new" in _name_cell(main_window, second, Qt.ItemDataRole.DisplayRole)
    assert "1 change by colleagues" in _name_cell(main_window, second, Qt.ItemDataRole.ToolTipRole)
    assert main_window.patient_view.chart is not None
    assert main_window.patient_view.chart.patient.id == first

    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        panel.ward_view.setCurrentIndex(panel.ward_proxy.index(1, WardColumn.NAME))
    strip = main_window.patient_view.news
    assert strip.isVisible()
    text = strip.text.text()
    assert "Lactose intolerance: Yes" in text
    assert "Leyla Demir" in text
    assert "Leyla Demir" in strip.accessibleName()
    # the changed answer itself is marked on the board, on screen and for a screen reader
    (row,) = [
        r for r in main_window.patient_view.board.rows if r.item.question.code == "diet.lactose"
    ]
    assert row.news.startswith("New from Leyla Demir")
    assert "New from Leyla Demir" in row.accessibleName()
    assert not any(r.news for r in main_window.patient_view.board.rows if r is not row)

    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        qtbot.mouseClick(strip.seen_button, Qt.MouseButton.LeftButton)
    assert not strip.isVisible()
    qtbot.wait_until(
        lambda: "new" not in _name_cell(main_window, second, Qt.ItemDataRole.DisplayRole),
        timeout=10_000,
    )
    assert main_window.service.news.counts() == {}


def test_a_colleagues_new_medication_is_marked_in_its_tab(qtbot, main_window: MainWindow) -> None:
    panel = main_window.ward_panel
    row_of_patient, patient_id = next(
        (r, pid)
        for r in range(panel.ward_proxy.rowCount())
        if len(
            main_window.service.repo.medications(
                pid := str(panel.ward_proxy.index(r, WardColumn.NAME).data(PATIENT_ID_ROLE))
            )
        )
        > 1
    )
    med = main_window.service.repo.medications(patient_id)[0]
    repo = Repository(main_window.service.db)
    with main_window.service.db.transaction() as conn:
        repo.add_news(
            conn,
            NewsItem(
                patient_id=patient_id,
                area="medication",
                record_key=med.id,
                actor=LEYLA,
                at=FIXED_NOW - timedelta(minutes=5),
                subject=med.name,
                action="added",
                new_value=med.name,
            ),
        )
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=10_000):
        panel.ward_view.setCurrentIndex(panel.ward_proxy.index(row_of_patient, WardColumn.NAME))
    model = main_window.patient_view.medications.model
    row = model.row_for(med.id)
    assert row is not None
    first = model.index(row, 0)
    assert str(first.data(Qt.ItemDataRole.DisplayRole)).startswith("● ")
    assert "New from Leyla Demir" in str(first.data(Qt.ItemDataRole.ToolTipRole))
    assert "New from Leyla Demir" in str(first.data(Qt.ItemDataRole.AccessibleTextRole))
    other = next(r for r in range(model.rowCount()) if r != row)
    assert not str(model.index(other, 0).data(Qt.ItemDataRole.DisplayRole)).startswith("●")
