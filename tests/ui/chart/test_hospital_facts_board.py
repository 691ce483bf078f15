"""What the hospital already knows, on the Ask-once board, by keyboard.

In the demo, Khaled Khalil's record says Arabic and an interpreter: those questions show
as answered from the hospital record, never "Not asked", and Enter on the row confirms
the record as AskOnce's answer. Helga Braun's allergy list has her lactose intolerance,
which her AskOnce answer denies: the row says so, and the nurse takes the record's answer
with the keyboard alone.
"""

from __future__ import annotations

from app.domain import AnswerState, Source
from tests.ui.interview.helpers import WAIT_MS, focused
from ui.base.style import date_text
from ui.chart.answer_dialog import AnswerDialog
from ui.chart.question_board import AskOnceBoard, QuestionRow
from ui.mainwindow.ward_model import WardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets

LACTOSE = "diet.lactose"
LANGUAGE = "communication.preferred-language"
INTERPRETER = "communication.interpreter-needed"
INTERPRETER_LANGUAGE = "communication.interpreter-language"


def _open(qtbot, window: MainWindow, name: str) -> AskOnceBoard:
    """Open one patient from the ward list by name; the keyboard on the window."""
    proxy = window.ward_panel.ward_proxy
    row = next(
        r
        for r in range(proxy.rowCount())
        if name in str(proxy.index(r, WardColumn.NAME).data(Qt.ItemDataRole.DisplayRole))
    )
    with qtbot.wait_signal(window.sig_chart_shown, timeout=WAIT_MS):
        window.ward_panel.ward_view.setCurrentIndex(proxy.index(row, WardColumn.NAME))
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=WAIT_MS)
    return window.patient_view.board


def _ward_open(window: MainWindow, name: str) -> int:
    """The ward list's count of open questions for one patient."""
    proxy = window.ward_panel.ward_proxy
    for r in range(proxy.rowCount()):
        if name in str(proxy.index(r, WardColumn.NAME).data(Qt.ItemDataRole.DisplayRole)):
            return int(proxy.index(r, WardColumn.OPEN).data(Qt.ItemDataRole.DisplayRole))
    raise AssertionError(name)


def _row(board: AskOnceBoard, code: str) -> QuestionRow:
    return next(r for r in board.rows if r.item.question.code == code)


def test_the_record_answers_the_questions_and_enter_confirms_it(
    qtbot, main_window: MainWindow
) -> None:
    board = _open(qtbot, main_window, "Khalil, Khaled")
    for code in (LANGUAGE, INTERPRETER, INTERPRETER_LANGUAGE):
        row = _row(board, code)
        assert row.item.answer is None
        assert row.item.state is AnswerState.VALID
        assert row.chip.text().endswith("Answered")  # never "Not asked"
        assert row.record_label is not None
        assert "hospital record, " in row.record_label.text()
        assert "valid: permanent" in row.record_label.text()
        assert "hospital record" in row.accessibleName()
        assert row.accessibleName().endswith("Answered")
        assert list(row.buttons) == ["confirm", "record"]
        assert all(b.accessibleName() for b in row.buttons.values())
    spoken = _row(board, INTERPRETER_LANGUAGE).accessibleName()
    assert spoken.startswith("Interpreter language: Arabic — hospital record, ")
    # The ward list counts them as asked, as the board does.
    chart = main_window.patient_view.chart
    assert chart is not None
    open_on_board = sum(i.state is not AnswerState.VALID for i in chart.board)
    assert _ward_open(main_window, "Khalil, Khaled") == open_on_board

    # Up/Down reach the row; Enter confirms the record: now an AskOnce answer, not yet sent.
    board.focus_question(LANGUAGE)
    row = _row(board, LANGUAGE)
    assert focused(main_window) is row
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=WAIT_MS):
        qtbot.keyClick(row, Qt.Key.Key_Return)
    after = _row(board, LANGUAGE)
    assert after.item.answer is not None
    assert after.item.answer.value == "ar"
    assert after.item.answer.provenance.source is Source.OTHER_SYSTEM
    assert after.item.answer.unsent
    assert after.item.on_record is not None
    assert not after.item.disagrees
    assert focused(main_window) is after  # the rebuilt board keeps the keyboard there
    assert after.record_label is not None
    assert after.record_label.text().startswith("Same in the hospital record (")


def test_a_contradiction_is_on_the_row_and_the_keyboard_resolves_it(
    qtbot, main_window: MainWindow
) -> None:
    board = _open(qtbot, main_window, "Braun, Helga")
    row = _row(board, LACTOSE)
    assert row.item.answer is not None
    assert row.item.answer.value is False
    assert row.item.disagrees
    assert row.record_label is not None
    assert row.record_label.objectName() == "recordConflict"
    assert row.item.on_record is not None
    assert row.item.on_record.recorded_at is not None
    when = date_text(row.item.on_record.recorded_at.astimezone().date())  # the local day
    differs = f"Differs from the hospital allergy list ({when}): "
    assert row.record_label.text() == f"⚠ {differs}<b>Yes (Lactose)</b>"
    assert row.accessibleName().endswith(f"— Answered — {differs}Yes (Lactose)")
    assert "differing from the hospital record: <b>1</b>" in board.summary.text()
    # Shown whatever the filter: it is answered, and still says it disagrees.
    board.filter.setCurrentIndex(board.filter.findData("answered"))
    assert row.isVisibleTo(board)
    board.filter.setCurrentIndex(board.filter.findData("all"))

    # Her record's phone, address and contact are on the board (one Tab stop).
    assert board.record_panel is not None
    panel_text = board.record_panel.findChild(QtWidgets.QLabel)
    assert panel_text is not None
    assert "+49 221 555 0187" in panel_text.text()
    assert "Lindenstraße 12" in panel_text.text()
    assert "Petra Braun (Daughter)" in panel_text.text()
    assert panel_text.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert panel_text.accessibleName().startswith("Hospital record (as of ")

    # "Different…"-style editing shows the record in the dialog; Escape leaves it.
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Return)  # the row's first action: Correct…
    dialogs = [d for d in board.findChildren(AnswerDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].record_label is not None
    assert dialogs[0].record_label.text().startswith("Hospital record: Yes (Lactose) — ")
    with qtbot.wait_signal(dialogs[0].finished):
        dialogs[0].reject()

    # Tab from the row to "Use record", Enter: the record's answer is AskOnce's now.
    row = _row(board, LACTOSE)
    row.setFocus()
    for _ in range(len(row.buttons)):
        qtbot.keyClick(focused(main_window), Qt.Key.Key_Tab)
        if focused(main_window) is row.buttons["use_record"]:
            break
    assert focused(main_window) is row.buttons["use_record"]
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=WAIT_MS):
        qtbot.keyClick(focused(main_window), Qt.Key.Key_Return)
    after = _row(board, LACTOSE)
    assert after.item.answer is not None
    assert after.item.answer.value is True
    assert after.item.answer.provenance.source is Source.OTHER_SYSTEM
    assert not after.item.disagrees
    assert "use_record" not in after.buttons
    assert "differing from the hospital record" not in board.summary.text()


def test_different_records_another_answer_next_to_the_record(
    qtbot, main_window: MainWindow
) -> None:
    board = _open(qtbot, main_window, "Khalil, Khaled")
    row = _row(board, INTERPRETER)
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Tab)  # Confirm
    qtbot.keyClick(focused(main_window), Qt.Key.Key_Tab)  # Different…
    assert focused(main_window) is row.buttons["record"]
    qtbot.keyClick(focused(main_window), Qt.Key.Key_Return)
    dialogs = [d for d in board.findChildren(AnswerDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.record_label is not None
    assert dialog.record_label.text().startswith("Hospital record: Yes — hospital record, ")
    dialog.choose(False)
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=WAIT_MS):
        dialog.accept()
    after = _row(board, INTERPRETER)
    assert after.item.answer is not None
    assert after.item.answer.value is False
    assert after.item.disagrees  # the record still says an interpreter is required
    assert after.record_label is not None
    assert after.record_label.objectName() == "recordConflict"
