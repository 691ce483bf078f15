"""Interview mode, by keyboard only: a new patient's open questions, one key per answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from importlib import resources
from pathlib import Path

import pytest

from app.domain import (
    AnswerAction,
    AnswerState,
    AnswerType,
    Catalog,
    NoAnswer,
    NoAnswerReason,
    Source,
)
from app.services import PatientChart
from app.session import CacheSession, open_demo_cache
from tests.conftest import Clock
from tests.ui.chart.helpers import unnamed_controls
from tests.ui.interview.helpers import (
    ALT,
    WAIT_MS,
    answer_current,
    current,
    focused,
    open_row,
    press,
    shown_interview,
    start_interview,
    type_text,
    wait_for_interview,
)
from ui.base import drafts
from ui.base.taskman import TaskManager
from ui.chart.question_board import QuestionRow
from ui.interview.dialog import INTERVIEW_DRAFT_KIND, InterviewDialog
from ui.interview.plan import TEXT_TYPES
from ui.interview.widgets import OptionButton
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtCore, QtWidgets


def _chart(window: MainWindow, patient_id: str) -> PatientChart:
    """What is on disk now (after every save queued before this read)."""
    service = window.service
    return window.tasks.run_db_blocking(lambda: service.charts.chart(patient_id, audit_view=False))


def _item(chart: PatientChart, code: str):
    return next(i for i in chart.board if i.question.code == code)


def _walk_to(qtbot, dialog: InterviewDialog, wanted) -> None:
    """Skip (Alt+→) until the question on screen is one ``wanted`` accepts."""
    while dialog.flow.current is not None and not wanted(dialog.flow.current):
        press(qtbot, dialog, Qt.Key.Key_Right, ALT)
    assert dialog.flow.current is not None, "no such question in the interview"


def test_a_whole_admission_interview_by_keyboard(qtbot, main_window: MainWindow) -> None:
    pid = open_row(qtbot, main_window, 0)
    before = _chart(main_window, pid)
    open_codes = [i.question.code for i in before.board if i.state is not AnswerState.VALID]
    due = {i.question.code for i in before.board if i.state is AnswerState.DUE}
    assert len(open_codes) >= 10, "the first demo patient has open questions"
    assert due, "… and answers due for re-confirmation"

    dialog = start_interview(qtbot, main_window)
    assert dialog.isModal()  # over the window, without an event loop of its own
    assert unnamed_controls(dialog) == []  # every control has a name a screen reader says
    total = len(open_codes)
    assert dialog.progress_label.text().startswith(f"1 of {total} · ")
    asked: list[str] = []
    while (item := dialog.flow.current) is not None:
        asked.append(item.question.code)
        category = item.question.category.display_for("en")
        assert dialog.progress_label.text() == f"{len(asked)} of {total} · {category}"
        if item.state is AnswerState.DUE and item.question.answer_type in TEXT_TYPES:
            press(qtbot, dialog, Qt.Key.Key_Return)  # on the empty field: still true
        elif item.state is AnswerState.DUE:
            press(qtbot, dialog, Qt.Key.Key_S)  # still true
        else:
            answer_current(qtbot, dialog)
    # Category by category, in the catalog's order.
    assert sorted(asked) == sorted(open_codes)
    categories = [c.code for c in main_window.service.catalog.categories]
    order = [categories.index(code.split(".")[0]) for code in asked]
    assert order == sorted(order)

    assert dialog.pages.currentWidget() is dialog.summary
    qtbot.waitUntil(lambda: dialog.saver.pending == 0, timeout=WAIT_MS)
    summary = dialog.summary.text()
    assert f"<b>{total - len(due)}</b>" in summary
    assert f"<b>{len(due)}</b>" in summary
    assert "Every answer is saved" in summary

    after = _chart(main_window, pid)
    assert all(i.state is AnswerState.VALID for i in after.board)
    for code in open_codes:
        answer = _item(after, code).answer
        assert answer is not None
        assert answer.provenance.source is Source.PATIENT
        assert answer.provenance.recorded_by.display_name == "Demo Nurse"
        expected = AnswerAction.CONFIRMED if code in due else AnswerAction.RECORDED
        assert answer.history[-1].action is expected

    # Enter closes; the board is refreshed, with the keyboard on it.
    with qtbot.wait_signal(main_window.sig_chart_shown, timeout=WAIT_MS):
        press(qtbot, dialog, Qt.Key.Key_Return)
    assert shown_interview(main_window) is None
    board = main_window.patient_view.board
    assert all(r.item.state is AnswerState.VALID for r in board.rows)
    assert isinstance(focused(main_window), QuestionRow)
    assert "answered" in main_window.statusBar().currentMessage()


def test_each_answer_type_takes_its_keys(qtbot, main_window: MainWindow) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    given: dict[str, object] = {}

    def never(kind: AnswerType):
        return lambda i: i.state is AnswerState.NEVER_ASKED and i.question.answer_type is kind

    _walk_to(qtbot, dialog, never(AnswerType.BOOLEAN))
    code = current(dialog).question.code
    press(qtbot, dialog, Qt.Key.Key_N)
    given[code] = False

    _walk_to(qtbot, dialog, never(AnswerType.CHOICE))
    q = current(dialog).question
    press(qtbot, dialog, Qt.Key.Key_3)
    given[q.code] = q.options[2].code

    _walk_to(qtbot, dialog, never(AnswerType.MULTI_CHOICE))
    q = current(dialog).question
    press(qtbot, dialog, Qt.Key.Key_Return)  # nothing ticked yet: it says so, stays
    assert current(dialog).question.code == q.code
    assert "Nothing chosen" in dialog.page.feedback.text()
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_2):  # 2 on, then off
        press(qtbot, dialog, key)
    press(qtbot, dialog, Qt.Key.Key_Return)
    given[q.code] = (q.options[0].code, q.options[2].code)

    _walk_to(qtbot, dialog, never(AnswerType.FREE_TEXT))
    code = current(dialog).question.code
    type_text(qtbot, dialog, "Mushrooms, strong cheese")
    press(qtbot, dialog, Qt.Key.Key_Return)
    given[code] = "Mushrooms, strong cheese"

    _walk_to(qtbot, dialog, lambda i: i.question.answer_type is AnswerType.TIME)
    code = current(dialog).question.code
    type_text(qtbot, dialog, "25")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert "21:30" in dialog.page.feedback.text()  # how to type a time
    press(qtbot, dialog, Qt.Key.Key_Backspace)
    press(qtbot, dialog, Qt.Key.Key_Backspace)
    type_text(qtbot, dialog, "2215")
    press(qtbot, dialog, Qt.Key.Key_Return)
    given[code] = "22:15"

    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    after = _chart(main_window, pid)
    for code, value in given.items():
        answer = _item(after, code).answer
        assert answer is not None, code
        assert answer.value == value, code


def test_back_and_skip_and_a_changed_mind(qtbot, main_window: MainWindow) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    first = dialog.flow.current
    assert first is not None
    assert first.question.answer_type is AnswerType.BOOLEAN
    assert not dialog.back_button.isEnabled()
    assert "Alt+←" in dialog.back_button.text()
    assert "Alt+→" in dialog.skip_button.text()

    press(qtbot, dialog, Qt.Key.Key_Right, ALT)  # skip
    second = dialog.flow.current
    assert second is not None
    assert second is not first
    press(qtbot, dialog, Qt.Key.Key_2)  # answers the choice, goes on
    press(qtbot, dialog, Qt.Key.Key_Left, ALT)  # back to the choice
    assert dialog.flow.current is second
    assert "Given in this interview" in dialog.page.state_label.text()
    press(qtbot, dialog, Qt.Key.Key_Backspace)  # back again (no field to empty)
    assert dialog.flow.current is first
    press(qtbot, dialog, Qt.Key.Key_Y)
    press(qtbot, dialog, Qt.Key.Key_4)  # a changed mind: the choice corrected
    third = dialog.flow.current
    assert third is not None
    assert third.question.answer_type is AnswerType.MULTI_CHOICE
    press(qtbot, dialog, Qt.Key.Key_Right, ALT)
    fourth = dialog.flow.current
    assert fourth is not None
    assert fourth.question.answer_type is AnswerType.FREE_TEXT
    type_text(qtbot, dialog, "x")
    press(qtbot, dialog, Qt.Key.Key_Backspace)  # deletes the x
    assert dialog.flow.current is fourth
    press(qtbot, dialog, Qt.Key.Key_Backspace)  # on the empty field: back
    assert dialog.flow.current is third

    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "skipped" in main_window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert "2 answered" in main_window.statusBar().currentMessage()

    after = _chart(main_window, pid)
    assert _item(after, first.question.code).answer.value is True
    corrected = _item(after, second.question.code).answer
    assert corrected is not None
    assert corrected.value == second.question.options[3].code
    assert [r.action for r in corrected.history] == [AnswerAction.RECORDED, AnswerAction.CORRECTED]
    assert _item(after, third.question.code).state is AnswerState.NEVER_ASKED


def test_still_true_confirms_an_answer_due_for_reconfirmation(
    qtbot, main_window: MainWindow
) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    _walk_to(
        qtbot,
        dialog,
        lambda i: i.state is AnswerState.DUE and i.question.answer_type not in TEXT_TYPES,
    )
    due = dialog.flow.current
    assert due is not None
    assert due.answer is not None
    assert dialog.still_true_button.isVisible()
    assert "Last answer" in dialog.page.state_label.text()
    assert due.answer.provenance.recorded_by.display_name in dialog.page.state_label.text()
    press(qtbot, dialog, Qt.Key.Key_S)

    # A due free-text answer: Enter on the empty field is "still true" as well.
    _walk_to(
        qtbot,
        dialog,
        lambda i: i.state is AnswerState.DUE and i.question.answer_type is AnswerType.FREE_TEXT,
    )
    due_text = dialog.flow.current
    assert due_text is not None
    press(qtbot, dialog, Qt.Key.Key_Return)
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)

    after = _chart(main_window, pid)
    for item in (due, due_text):
        answer = _item(after, item.question.code).answer
        assert answer is not None
        assert item.answer is not None
        assert answer.value == item.answer.value
        assert answer.history[-1].action is AnswerAction.CONFIRMED
        assert _item(after, item.question.code).state is AnswerState.VALID


def test_one_key_switches_the_source_to_family(qtbot, main_window: MainWindow) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    first = dialog.flow.current
    assert first is not None
    press(qtbot, dialog, Qt.Key.Key_F)
    assert dialog.family.isChecked()
    assert "family" in dialog.source_label.text()
    press(qtbot, dialog, Qt.Key.Key_Y)
    second = dialog.flow.current
    assert second is not None
    press(qtbot, dialog, Qt.Key.Key_F, ALT)  # Alt+F, as the check box says: the patient again
    assert not dialog.family.isChecked()
    press(qtbot, dialog, Qt.Key.Key_1)
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    after = _chart(main_window, pid)
    assert _item(after, first.question.code).answer.provenance.source is Source.FAMILY
    assert _item(after, second.question.code).answer.provenance.source is Source.PATIENT


def test_the_question_is_shown_in_the_patients_language_too(qtbot, main_window: MainWindow) -> None:
    open_row(qtbot, main_window, 0)  # prefers German
    dialog = start_interview(qtbot, main_window)
    q = current(dialog).question
    assert dialog.page.patient_frame.isVisible()
    assert dialog.page.patient_question.text() == q.text_for("de")
    assert dialog.page.patient_language_name.text() == "DEUTSCH"
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)

    # A patient whose language neither an answer nor the hospital record tells: it is not
    # known until the interview asks for it.
    rows = main_window.ward_panel.ward_proxy.rowCount()
    for row in range(rows):
        pid = open_row(qtbot, main_window, row)
        chart = _chart(main_window, pid)
        language = _item(chart, "communication.preferred-language")
        if language.known_value is None and language.state is AnswerState.NEVER_ASKED:
            break
    else:
        pytest.fail("the demo ward has no patient whose language is unknown")
    dialog = start_interview(qtbot, main_window)
    assert not dialog.page.patient_frame.isVisible()
    _walk_to(qtbot, dialog, lambda i: i.question.code == "communication.preferred-language")
    german = [
        b
        for b in dialog.findChildren(OptionButton)
        if b.isVisible() and "German" in b.accessibleName()
    ]
    assert len(german) == 1
    qtbot.keyClick(focused(dialog), german[0].key)
    assert dialog.page.patient_frame.isVisible()
    assert dialog.page.patient_question.text() == current(dialog).question.text_for("de")
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)


def test_the_board_starts_the_interview_with_i(qtbot, main_window: MainWindow) -> None:
    open_row(qtbot, main_window, 0)
    board = main_window.patient_view.board
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is main_window, timeout=WAIT_MS)
    board.focus_question(None)
    assert isinstance(focused(main_window), QuestionRow)
    qtbot.keyClick(focused(main_window), Qt.Key.Key_I)
    dialog = wait_for_interview(qtbot, main_window)
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()
    assert board.interview_button.isEnabled()
    board.interview_button.click()
    dialog = wait_for_interview(qtbot, main_window)
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()


def test_a_lock_mid_interview_keeps_what_was_saved_and_goes_on_there(
    qtbot, main_window: MainWindow
) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    answered: list[str] = []
    for _ in range(2):
        answered.append(current(dialog).question.code)
        answer_current(qtbot, dialog)
    _walk_to(qtbot, dialog, lambda i: i.question.answer_type is AnswerType.FREE_TEXT)
    at = current(dialog).question.code
    type_text(qtbot, dialog, "Half typed")
    with qtbot.wait_signal(dialog.finished):
        draft = main_window.capture_draft()  # what the lock does first
    assert draft is not None
    assert (draft["kind"], draft["patient_id"]) == (INTERVIEW_DRAFT_KIND, pid)
    assert drafts.open_editor() is None

    chart = _chart(main_window, pid)  # after the saves queued before the lock
    for code in answered:
        assert _item(chart, code).state is AnswerState.VALID

    open_row(qtbot, main_window, 1)  # after the unlock the window starts elsewhere
    try:
        with qtbot.wait_signal(main_window.sig_chart_shown, timeout=WAIT_MS):
            main_window.restore_draft(draft)
        reopened = wait_for_interview(qtbot, main_window)
        assert reopened.patient_id == pid
        assert current(reopened).question.code == at
        assert reopened.page.typed() == "Half typed"
        assert all(i.question.code not in answered for i in reopened.flow.items)
        press(qtbot, reopened, Qt.Key.Key_Return)
        while reopened.flow.current is not None:
            press(qtbot, reopened, Qt.Key.Key_Right, ALT)
        assert "<b>3</b>" in reopened.summary.text()  # two before the lock, one after
        with qtbot.wait_signal(reopened.finished):
            press(qtbot, reopened, Qt.Key.Key_Return)
    finally:
        drafts.KEEPER.pending = None
    assert _item(_chart(main_window, pid), at).answer.value == "Half typed"


# --- German -------------------------------------------------------------------------------


@pytest.fixture
def german_window(
    qtbot, qapp, tasks: TaskManager, catalog: Catalog, tmp_path: Path, clock: Clock
) -> Iterator[MainWindow]:
    """The demo in German: German texts (once translated) and German key hints."""
    translator = QtCore.QTranslator()
    assert translator.load("askonce_de", str(resources.files("resources") / "i18n"))
    locale = QtCore.QLocale()
    qapp.installTranslator(translator)
    QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.German))

    def open_session() -> CacheSession:
        return open_demo_cache(catalog, data_dir=tmp_path, patients=16, clock=clock)

    window = MainWindow(tasks, open_session, demo=True, language="de", clock=clock)
    qtbot.add_widget(window)
    try:
        with qtbot.wait_signal(window.sig_loaded, timeout=20_000):
            window.show()
            window.start()
        yield window
        window.close()
    finally:
        qapp.removeTranslator(translator)
        QtCore.QLocale.setDefault(locale)


def test_german_yes_no_keys_are_j_and_n(qtbot, german_window: MainWindow) -> None:
    pid = open_row(qtbot, german_window, 0)
    dialog = start_interview(qtbot, german_window)
    first = dialog.flow.current
    assert first is not None
    assert first.question.answer_type is AnswerType.BOOLEAN
    caps = [b.key for b in dialog.findChildren(OptionButton) if b.isVisible()]
    assert caps == ["J", "N", "D", "U", "X"]  # yes, no; declined, unable now, not applicable
    assert "<b>J</b>" in dialog.page.input_hint.text()
    assert "<b>N</b>" in dialog.page.input_hint.text()
    assert dialog.page.question_label.text() == first.question.text_for("de")
    assert not dialog.page.patient_frame.isVisible()  # the patient prefers German too
    press(qtbot, dialog, Qt.Key.Key_Y)  # not a key in German
    assert dialog.flow.current is first
    press(qtbot, dialog, Qt.Key.Key_J)
    assert dialog.flow.current is not first
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    assert _item(_chart(german_window, pid), first.question.code).answer.value is True


# --- asked, but no answer -----------------------------------------------------------------


def test_declined_unable_and_not_applicable_take_one_key_each(
    qtbot, main_window: MainWindow
) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    hint = dialog.page.input_hint.text()
    assert "<b>D</b>/<b>U</b>/<b>X</b>: no answer" in hint
    assert [b.key for b in dialog.page.no_answers.values()] == ["D", "U", "X"]

    declined = current(dialog).question.code
    press(qtbot, dialog, Qt.Key.Key_D)
    assert dialog.flow.current is not None
    assert dialog.flow.current.question.code != declined
    _walk_to(qtbot, dialog, lambda i: i.question.answer_type in TEXT_TYPES)
    unable = current(dialog).question.code
    assert "<b>Alt+D</b>" in dialog.page.input_hint.text()
    press(qtbot, dialog, Qt.Key.Key_U, ALT)  # in a text field a plain U is a letter
    _walk_to(qtbot, dialog, lambda i: i.question.answer_type not in TEXT_TYPES)
    not_applicable = current(dialog).question.code
    press(qtbot, dialog, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: dialog.saver.pending == 0, timeout=WAIT_MS)

    chart = _chart(main_window, pid)
    for code, reason in (
        (declined, NoAnswerReason.DECLINED),
        (unable, NoAnswerReason.UNKNOWN),
        (not_applicable, NoAnswerReason.NOT_APPLICABLE),
    ):
        item = _item(chart, code)
        assert item.answer.value == NoAnswer(reason=reason)
        assert item.answer.provenance.recorded_by.display_name == "Demo Nurse"
        assert item.state is AnswerState.VALID  # asked: never "Not asked"
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    assert "without an answer" in dialog.summary_line()

    # The board says so in words, and the next interview does not ask again.
    qtbot.waitUntil(
        lambda: any(
            r.item.question.code == declined and r.item.answer is not None
            for r in main_window.patient_view.board.rows
        ),
        timeout=WAIT_MS,
    )
    row = next(r for r in main_window.patient_view.board.rows if r.item.question.code == declined)
    assert row.chip.text().endswith("Asked")
    assert "Declined" in row.accessibleName()
    assert "Not asked" not in row.accessibleName()
    again = start_interview(qtbot, main_window)
    asked = {i.question.code for i in again.flow.items}
    assert not asked & {declined, unable, not_applicable}
    with qtbot.wait_signal(again.finished):
        press(qtbot, again, Qt.Key.Key_Escape)


def test_could_not_answer_now_is_asked_again_by_the_next_shift(
    qtbot, main_window: MainWindow, clock: Clock
) -> None:
    pid = open_row(qtbot, main_window, 0)
    dialog = start_interview(qtbot, main_window)
    _walk_to(qtbot, dialog, lambda i: i.question.answer_type is AnswerType.BOOLEAN)
    code = current(dialog).question.code
    press(qtbot, dialog, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: dialog.saver.pending == 0, timeout=WAIT_MS)
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)

    clock.now += timedelta(hours=8)
    assert _item(_chart(main_window, pid), code).state is AnswerState.DUE
    open_row(qtbot, main_window, 1)
    assert open_row(qtbot, main_window, 0) == pid  # the chart read again, at the new time
    again = start_interview(qtbot, main_window)
    _walk_to(qtbot, again, lambda i: i.question.code == code)
    assert "Could not answer now" in again.page.state_label.text()
    assert "(last answer)" in again.page.no_answers[NoAnswerReason.UNKNOWN].accessibleName()
    press(qtbot, again, Qt.Key.Key_Y)  # now the patient answers
    qtbot.waitUntil(lambda: again.saver.pending == 0, timeout=WAIT_MS)
    assert _item(_chart(main_window, pid), code).answer.value is True
    with qtbot.wait_signal(again.finished):
        press(qtbot, again, Qt.Key.Key_Escape)


def test_german_no_answer_keys_and_words(qtbot, german_window: MainWindow) -> None:
    pid = open_row(qtbot, german_window, 0)
    dialog = start_interview(qtbot, german_window)
    code = current(dialog).question.code
    press(qtbot, dialog, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: dialog.saver.pending == 0, timeout=WAIT_MS)
    with qtbot.wait_signal(dialog.finished):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    chart = _chart(german_window, pid)
    item = _item(chart, code)
    assert item.answer.value == NoAnswer(reason=NoAnswerReason.DECLINED)
    assert item.question.format_value(item.answer.value, "de") == "Abgelehnt"
    qtbot.waitUntil(
        lambda: any(
            r.item.question.code == code and r.item.answer is not None
            for r in german_window.patient_view.board.rows
        ),
        timeout=WAIT_MS,
    )
    row = next(r for r in german_window.patient_view.board.rows if r.item.question.code == code)
    assert "Abgelehnt" in row.accessibleName()
    assert "Nicht gefragt" not in row.accessibleName()
