"""The Ask-once board by keyboard and through a screen reader's ears.

Every row is reachable with Tab and with Up/Down, its actions work from the keyboard,
and what a screen reader says for a row carries the question, the answer, who gave it
and when — not only "Correct answer: Lactose intolerance".
"""

from __future__ import annotations

from app.domain import AnswerState
from tests.ui.interview.helpers import WAIT_MS, focused, open_row
from ui.base.style import relative_time
from ui.chart.answer_dialog import AnswerDialog
from ui.chart.question_board import AskOnceBoard, QuestionRow
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtWidgets


def _board(qtbot, window: MainWindow) -> AskOnceBoard:
    open_row(qtbot, window, 0)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=WAIT_MS)
    return window.patient_view.board


def _row_of(widget: QtWidgets.QWidget | None, board: AskOnceBoard) -> QuestionRow | None:
    while widget is not None and widget is not board:
        if isinstance(widget, QuestionRow):
            return widget
        widget = widget.parentWidget()
    return None


def test_up_and_down_move_from_row_to_row(qtbot, main_window: MainWindow) -> None:
    board = _board(qtbot, main_window)
    rows = board.rows
    assert len(rows) > 30
    board.focus_question(None)
    assert focused(main_window) is rows[0]
    for expected in rows[1:]:
        qtbot.keyClick(focused(main_window), Qt.Key.Key_Down)
        assert focused(main_window) is expected
    qtbot.keyClick(focused(main_window), Qt.Key.Key_Down)  # the last row stays
    assert focused(main_window) is rows[-1]
    for expected in reversed(rows[:-1]):
        qtbot.keyClick(focused(main_window), Qt.Key.Key_Up)
        assert focused(main_window) is expected
    qtbot.keyClick(focused(main_window), Qt.Key.Key_End)
    assert focused(main_window) is rows[-1]
    qtbot.keyClick(focused(main_window), Qt.Key.Key_Home)
    assert focused(main_window) is rows[0]

    # Down from one of a row's buttons goes on to the next row.
    button = next(iter(rows[0].buttons.values()))
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Down)
    assert focused(main_window) is rows[1]


def test_tab_reaches_every_row_in_order_then_its_buttons(qtbot, main_window: MainWindow) -> None:
    board = _board(qtbot, main_window)
    board.focus_question(None)
    visited: list[QtWidgets.QWidget] = [focused(main_window)]
    for _ in range(400):
        qtbot.keyClick(focused(main_window), Qt.Key.Key_Tab)
        widget = focused(main_window)
        if _row_of(widget, board) is None:
            break  # past the last row
        visited.append(widget)
    rows = [w for w in visited if isinstance(w, QuestionRow)]
    assert rows == board.rows
    for row in board.rows:  # a row, then its own buttons, then the next row
        at = visited.index(row)
        assert visited[at + 1 : at + 1 + len(row.buttons)] == list(row.buttons.values())


def test_the_filter_keeps_the_keyboard_on_shown_rows(qtbot, main_window: MainWindow) -> None:
    board = _board(qtbot, main_window)
    board.filter.setCurrentIndex(board.filter.findData("open"))
    shown = [r for r in board.rows if r.item.state is not AnswerState.VALID]
    board.focus_question(None)
    assert focused(main_window) is shown[0]
    for expected in shown[1:]:
        qtbot.keyClick(focused(main_window), Qt.Key.Key_Down)
        assert focused(main_window) is expected


def test_a_row_says_question_answer_who_and_when(qtbot, main_window: MainWindow) -> None:
    board = _board(qtbot, main_window)
    chart = main_window.patient_view.chart
    assert chart is not None
    answered = [r for r in board.rows if r.item.answer is not None]
    assert answered
    for row in answered:
        answer = row.item.answer
        assert answer is not None
        q = row.item.question
        spoken = row.accessibleName()
        assert spoken.startswith(f"{q.label}: {q.format_value(answer.value)} — ")
        assert answer.provenance.recorded_by.display_name in spoken
        assert relative_time(answer.effective_at, chart.as_of) in spoken
        described = row.accessibleDescription()
        assert q.text in described
        for button in row.buttons.values():
            assert q.label in button.accessibleName()  # "Correct answer: Lactose intolerance"
            assert button.accessibleDescription() == spoken  # … and then what the answer is
    for row in board.rows:
        state = row.item.state
        word = {"valid": "Answered", "due": "Re-confirm", "never-asked": "Not asked"}[state.value]
        if state.value == "valid" and row.item.answer and row.item.answer.no_answer:
            word = "Asked"  # asked, but no answer (the demo's first patient declined one)
        assert row.accessibleName().endswith(word)
    example = next(
        r
        for r in answered
        if r.item.answer is not None and r.item.answer.history[-1].action.value == "recorded"
    )
    assert " — recorded by " in example.accessibleName()


def test_enter_and_space_do_the_rows_first_action(qtbot, main_window: MainWindow) -> None:
    board = _board(qtbot, main_window)
    never = next(r for r in board.rows if r.item.state is AnswerState.NEVER_ASKED)
    never.setFocus()
    qtbot.keyClick(never, Qt.Key.Key_Return)
    dialogs = [d for d in board.findChildren(AnswerDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].question.code == never.item.question.code
    with qtbot.wait_signal(dialogs[0].finished):
        dialogs[0].reject()

    due = next(r for r in board.rows if r.item.state is AnswerState.DUE)
    code = due.item.question.code
    due.setFocus()
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=WAIT_MS):
        qtbot.keyClick(due, Qt.Key.Key_Space)  # "Still true"
    after = next(r for r in board.rows if r.item.question.code == code)
    assert after.item.state is AnswerState.VALID
    assert focused(main_window) is after  # the rebuilt board keeps the keyboard there
