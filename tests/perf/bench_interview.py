"""Keystrokes and seconds for an admission interview (issue 14's yardstick). Asserts nothing.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.perf.bench_interview
      (or under xvfb-run; offscreen is chosen when there is no display)
Report: tests/perf/reports/interview.md (and .json).

One demo patient's open questions — never asked, or due for re-confirmation — are
answered the same way three times, each time on a fresh copy of the demo ward, by
driving the real widgets of the real main window with QTest:

- **dialogs, keyboard**: today's way, one answer dialog per question, as a keyboard
  user does it: Tab to the row's "Record…" (or "Still true") button, Space, choose
  with arrows and Space or type, Enter to save; wait for the board to show it; on.
- **dialogs, row keys**: the same dialogs, reached with the board's new row keys (Down
  to the question's row, Enter for its first action).
- **dialogs, mouse**: the same dialogs by mouse: click "Record…", click the option(s),
  click Save (scrolling not counted: a generous floor).
- **interview**: Ctrl+I, then one key per answer (Enter after ticks and typing), S for
  "still true", Enter to close the summary.

Every key event sent is one keystroke; every mouse click counts as one action too. The
characters of the typed free-text answers are the same in every way and are also shown
apart, so the difference is in what is left: finding the question and choosing. Wall
seconds are the machine's (from the first action to the board showing every answer);
the operator seconds are a keystroke-level-model estimate (Card, Moran & Newell: K 0.28 s
a keystroke, P+B 1.3 s a click, M 1.35 s thinking once per question in every way) —
the patient's own thinking time is not in any of them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest

from app.catalog import load_catalog
from app.domain import AnswerState, AnswerType, AnswerValue, Catalog, Question
from app.services import BoardItem, PatientChart
from app.session import CacheSession, open_demo_cache
from tests.perf.bench_store import NOW, REPORTS
from ui.application import install_translators
from ui.base.gc_guard import GuiThreadCollector
from ui.base.style import apply_app_style
from ui.base.taskman import TaskManager
from ui.chart.answer_dialog import AnswerDialog
from ui.chart.question_board import QuestionRow
from ui.interview.dialog import InterviewDialog
from ui.interview.plan import TEXT_TYPES, interview_items, option_keys
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtCore, QtWidgets

BED = "10A"
"""The demo patient: Hoffmann, Dieter in bed 10A (14 questions never asked, 6 due)."""
PATIENTS = 32  # the ward ``askonce --demo`` shows
TIMEOUT_S = 30.0

# Keystroke-level model (Card, Moran & Newell 1980): an average skilled typist.
KLM_KEY_S = 0.28
KLM_CLICK_S = 1.1 + 0.2  # point, then press and release
KLM_THINK_S = 1.35  # once per question, in every way

TEXTS = {
    "diet.food-dislikes": "Mushrooms",
    "comfort.pain-signs": "Goes quiet",
    "culture.practices": "Sunday communion",
    "home.pets": "Cat, neighbour feeds it",
    "matters.visitors": "Family any time",
    "home.helpers": "Daughter daily",
}
TIME_TYPED = "2230"


def planned_answer(question: Question) -> AnswerValue:
    """What the patient says, the same in every way (varied, not always the first option)."""
    t, n = question.answer_type, len(question.options)
    if t is AnswerType.BOOLEAN:
        return len(question.code) % 2 == 0
    if t is AnswerType.MULTI_CHOICE:
        first = len(question.code) % n
        picked = {first, (first + 2) % n}
        return tuple(o.code for i, o in enumerate(question.options) if i in picked)
    if t is AnswerType.TIME:
        return f"{TIME_TYPED[:2]}:{TIME_TYPED[2:]}"
    if t is AnswerType.FREE_TEXT:
        return TEXTS.get(question.code, "No")
    return question.options[len(question.code) % n].code


@dataclass
class Tally:
    """What one way cost."""

    way: str
    keys: int = 0
    typed: int = 0
    """Of ``keys``: characters of free-text and time answers (the same in every way)."""
    clicks: int = 0
    row_tabs: int = 0
    """Of ``keys``: Tab presses that stopped on a board row (stops the board gained here)."""
    seconds: float = 0.0
    questions: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def actions(self) -> int:
        return self.keys + self.clicks

    @property
    def operator_seconds(self) -> float:
        return round(
            self.keys * KLM_KEY_S + self.clicks * KLM_CLICK_S + self.questions * KLM_THINK_S, 1
        )


class Driver:
    """Sends keys and clicks where a user's would go, and counts them."""

    def __init__(self, app: QtWidgets.QApplication, tally: Tally) -> None:
        self.app = app
        self.tally = tally

    def focus(self, fallback: QtWidgets.QWidget) -> QtWidgets.QWidget:
        top = QtWidgets.QApplication.activeWindow() or fallback
        return top.focusWidget() or top

    def key(
        self,
        fallback: QtWidgets.QWidget,
        key: Qt.Key,
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> QtWidgets.QWidget:
        target = self.focus(fallback)
        QTest.keyClick(target, key, mods)
        self.tally.keys += 1
        self.settle()
        return self.focus(fallback)

    def text(self, fallback: QtWidgets.QWidget, text: str) -> None:
        QTest.keyClicks(self.focus(fallback), text)
        self.tally.keys += len(text)
        self.tally.typed += len(text)
        self.settle()

    def click(self, widget: QtWidgets.QWidget, *, at_start: bool = False) -> None:
        """A click in the middle, or (``at_start``) on a radio button's or check box's mark."""
        where = QtCore.QPoint(9, widget.height() // 2) if at_start else widget.rect().center()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        self.tally.clicks += 1
        self.settle()

    def settle(self) -> None:
        self.app.processEvents()

    def wait(self, done: Callable[[], bool], what: str) -> None:
        deadline = time.perf_counter() + TIMEOUT_S
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError(what)
            self.app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 10)


# --- the window --------------------------------------------------------------------------


def open_window(
    app: QtWidgets.QApplication, tasks: TaskManager, catalog: Catalog, folder: Path
) -> MainWindow:
    def open_session() -> CacheSession:
        return open_demo_cache(catalog, data_dir=folder, patients=PATIENTS, clock=lambda: NOW)

    window = MainWindow(tasks, open_session, demo=True, clock=lambda: NOW)
    loaded: list[bool] = []
    window.sig_loaded.connect(lambda: loaded.append(True))
    window.show()
    window.start()
    Driver(app, Tally("load")).wait(lambda: bool(loaded), "the demo ward loads")
    return window


def open_patient(app: QtWidgets.QApplication, window: MainWindow) -> PatientChart:
    panel = window.ward_panel
    row = next(
        r
        for r in range(panel.ward_model.rowCount())
        if panel.ward_model.record(r).patient.bed == BED
    )
    shown: list[str] = []
    window.sig_chart_shown.connect(shown.append)
    index = panel.ward_proxy.mapFromSource(panel.ward_model.index(row, 0))
    panel.ward_view.setCurrentIndex(index)
    panel.ward_view.setFocus()
    window.activateWindow()
    driver = Driver(app, Tally("open"))
    driver.wait(lambda: bool(shown), "the patient opens")
    driver.wait(lambda: QtWidgets.QApplication.activeWindow() is window, "the window is active")
    chart = window.patient_view.chart
    assert chart is not None
    return chart


def board_done(window: MainWindow, codes: set[str]) -> bool:
    rows = window.patient_view.board.rows
    return all(r.item.state is AnswerState.VALID for r in rows if r.item.question.code in codes)


# --- today's dialogs -----------------------------------------------------------------------


def _row(window: MainWindow, code: str) -> QuestionRow:
    return next(r for r in window.patient_view.board.rows if r.item.question.code == code)


def _tab_to(driver: Driver, window: MainWindow, target: Callable[[], QtWidgets.QWidget]) -> None:
    for _ in range(1000):
        if driver.focus(window) is target():
            return
        landed = driver.key(window, Qt.Key.Key_Tab)
        if isinstance(landed, QuestionRow):
            driver.tally.row_tabs += 1
    raise TimeoutError("Tab never reached the button")


def _shown_dialog(driver: Driver, window: MainWindow) -> AnswerDialog:
    found: list[AnswerDialog] = []

    def shown() -> bool:
        found[:] = [d for d in window.findChildren(AnswerDialog) if d.isVisible()]
        return bool(found)

    driver.wait(shown, "the answer dialog opens")
    return found[0]


def _saved(driver: Driver, window: MainWindow, code: str, before: int) -> None:
    def shown() -> bool:
        rows = window.patient_view.board.rows
        return len(rows) == before and _row(window, code).item.state is AnswerState.VALID

    driver.wait(shown, "the board shows the answer")


def _closed(driver: Driver, dialog: QtWidgets.QDialog) -> None:
    driver.wait(lambda: not dialog.isVisible(), "the dialog closes")
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    if window is not None:  # what a window manager does (offscreen has none)
        window.activateWindow()
        driver.wait(lambda: QtWidgets.QApplication.activeWindow() is window, "back")


def _button(window: MainWindow, code: str, key: str) -> Callable[[], QtWidgets.QWidget]:
    """The button, looked up anew each time (the board is rebuilt after every save)."""
    return lambda: _row(window, code).buttons[key]


def _choose_by_keyboard(driver: Driver, dialog: AnswerDialog, value: AnswerValue) -> None:
    q = dialog.question
    t = q.answer_type
    if t in (AnswerType.CHOICE, AnswerType.CONTACT_METHOD, AnswerType.BOOLEAN):
        # Arrows move between the radio buttons, Space ticks the one with the focus.
        for _ in range(40):
            focus = driver.focus(dialog)
            if focus.property("answer_value") == value:
                break
            driver.key(dialog, Qt.Key.Key_Down)
        driver.key(dialog, Qt.Key.Key_Space)
    elif t is AnswerType.MULTI_CHOICE:
        assert isinstance(value, tuple)
        for code in value:  # check boxes: Tab to each, Space
            for _ in range(40):
                if driver.focus(dialog).property("answer_value") == code:
                    break
                driver.key(dialog, Qt.Key.Key_Tab)
            driver.key(dialog, Qt.Key.Key_Space)
    elif t is AnswerType.TIME:
        driver.text(dialog, TIME_TYPED)
    else:
        assert isinstance(value, str)
        driver.text(dialog, value)
        driver.key(dialog, Qt.Key.Key_Tab)  # out of the text box (Enter is a new line there)
    got = dialog.result_value()
    assert got == value, f"{q.code}: chose {got!r}, wanted {value!r}"


def dialogs_by_keyboard(
    app: QtWidgets.QApplication, window: MainWindow, chart: PatientChart
) -> Tally:
    tally = Tally("dialogs, keyboard")
    driver = Driver(app, tally)
    items = [i for i in chart.board if i.state is not AnswerState.VALID]  # board order
    tally.questions = len(items)
    count = len(window.patient_view.board.rows)
    start = time.perf_counter()
    driver.click(window.patient_view.board.rows[0])  # into the board
    for item in items:
        code = item.question.code
        if item.state is AnswerState.DUE:
            _tab_to(driver, window, _button(window, code, "confirm"))
            driver.key(window, Qt.Key.Key_Space)
        else:
            _tab_to(driver, window, _button(window, code, "record"))
            driver.key(window, Qt.Key.Key_Space)
            dialog = _shown_dialog(driver, window)
            _choose_by_keyboard(driver, dialog, planned_answer(item.question))
            driver.key(dialog, Qt.Key.Key_Return)  # Save
            _closed(driver, dialog)
        _saved(driver, window, code, count)
    driver.wait(lambda: board_done(window, {i.question.code for i in items}), "all shown")
    tally.seconds = round(time.perf_counter() - start, 2)
    return tally


def dialogs_by_row_keys(
    app: QtWidgets.QApplication, window: MainWindow, chart: PatientChart
) -> Tally:
    """Today's dialogs, reached with the board's new row keys: Down to the row, Enter."""
    tally = Tally("dialogs, row keys")
    driver = Driver(app, tally)
    items = [i for i in chart.board if i.state is not AnswerState.VALID]
    tally.questions = len(items)
    count = len(window.patient_view.board.rows)
    start = time.perf_counter()
    driver.click(window.patient_view.board.rows[0])  # into the board
    for item in items:
        code = item.question.code
        for _ in range(count):
            if driver.focus(window) is _row(window, code):
                break
            driver.key(window, Qt.Key.Key_Down)
        driver.key(window, Qt.Key.Key_Return)  # the row's first action: Record… or Still true
        if item.state is not AnswerState.DUE:
            dialog = _shown_dialog(driver, window)
            _choose_by_keyboard(driver, dialog, planned_answer(item.question))
            driver.key(dialog, Qt.Key.Key_Return)  # Save
            _closed(driver, dialog)
        _saved(driver, window, code, count)
    driver.wait(lambda: board_done(window, {i.question.code for i in items}), "all shown")
    tally.seconds = round(time.perf_counter() - start, 2)
    return tally


def dialogs_by_mouse(app: QtWidgets.QApplication, window: MainWindow, chart: PatientChart) -> Tally:
    tally = Tally("dialogs, mouse")
    driver = Driver(app, tally)
    items = [i for i in chart.board if i.state is not AnswerState.VALID]
    tally.questions = len(items)
    tally.notes.append("scrolling to each row not counted")
    count = len(window.patient_view.board.rows)
    start = time.perf_counter()
    for item in items:
        code = item.question.code
        row = _row(window, code)
        window.patient_view.board._scroll.ensureWidgetVisible(row)  # the uncounted scrolling
        if item.state is AnswerState.DUE:
            driver.click(row.buttons["confirm"])
        else:
            driver.click(row.buttons["record"])
            dialog = _shown_dialog(driver, window)
            value = planned_answer(item.question)
            t = item.question.answer_type
            if t in TEXT_TYPES:  # the field has the keyboard already: no click
                if t is AnswerType.TIME:
                    driver.text(dialog, TIME_TYPED)
                else:
                    assert isinstance(value, str)
                    driver.text(dialog, value)
            else:
                wanted = value if isinstance(value, tuple) else (value,)
                for choice in dialog.findChildren(QtWidgets.QAbstractButton):
                    if choice.isCheckable() and choice.property("answer_value") in wanted:
                        driver.click(choice, at_start=True)
            assert dialog.result_value() == value
            buttons = dialog.findChild(QtWidgets.QDialogButtonBox)
            assert buttons is not None
            driver.click(buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save))
            _closed(driver, dialog)
        _saved(driver, window, code, count)
    driver.wait(lambda: board_done(window, {i.question.code for i in items}), "all shown")
    tally.seconds = round(time.perf_counter() - start, 2)
    return tally


# --- the interview -------------------------------------------------------------------------


def _interview_keys(driver: Driver, dialog: InterviewDialog, item: BoardItem) -> None:
    q = item.question
    t = q.answer_type
    if item.state is AnswerState.DUE:  # the patient says it still holds
        driver.key(dialog, Qt.Key.Key_Return if t in TEXT_TYPES else Qt.Key.Key_S)
        return
    value = planned_answer(q)
    if t is AnswerType.BOOLEAN:
        driver.key(dialog, Qt.Key.Key_Y if value else Qt.Key.Key_N)
    elif t in TEXT_TYPES:
        driver.text(dialog, TIME_TYPED if t is AnswerType.TIME else str(value))
        driver.key(dialog, Qt.Key.Key_Return)
    else:
        keys = dict(zip((o.code for o in q.options), option_keys(len(q.options)), strict=True))
        chosen = value if isinstance(value, tuple) else (str(value),)
        for code in chosen:
            QTest.keyClicks(driver.focus(dialog), keys[code])
            driver.tally.keys += 1
            driver.settle()
        if t is AnswerType.MULTI_CHOICE:
            driver.key(dialog, Qt.Key.Key_Return)


def interview(app: QtWidgets.QApplication, window: MainWindow, chart: PatientChart) -> Tally:
    tally = Tally("interview")
    driver = Driver(app, tally)
    items = interview_items(chart.board)
    tally.questions = len(items)
    start = time.perf_counter()
    driver.key(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    found: list[InterviewDialog] = []

    def shown() -> bool:
        found[:] = [d for d in window.findChildren(InterviewDialog) if d.isVisible()]
        return bool(found) and QtWidgets.QApplication.activeWindow() is found[0]

    driver.wait(shown, "the interview opens")
    dialog = found[0]
    for item in items:
        current = dialog.flow.current
        assert current is not None
        assert current.question.code == item.question.code
        _interview_keys(driver, dialog, item)
    assert dialog.flow.done
    driver.wait(lambda: dialog.saver.pending == 0, "every answer saved")
    driver.key(dialog, Qt.Key.Key_Return)  # close the summary: back to the board
    codes = {i.question.code for i in items}
    driver.wait(
        lambda: not dialog.isVisible() and board_done(window, codes), "the board shows them"
    )
    tally.seconds = round(time.perf_counter() - start, 2)
    return tally


# --- running and the report ----------------------------------------------------------------


def _check(window: MainWindow, chart: PatientChart, tally: Tally) -> None:
    """Every way must leave the same answers on disk."""
    service = window.service
    after = window.tasks.run_db_blocking(
        lambda: service.charts.chart(chart.patient.id, audit_view=False)
    )
    by_code = {i.question.code: i for i in after.board}
    for item in chart.board:
        if item.state is AnswerState.VALID:
            continue
        now = by_code[item.question.code]
        assert now.state is AnswerState.VALID, (tally.way, item.question.code)
        assert now.answer is not None
        expected = item.answer.value if item.answer else planned_answer(item.question)
        assert now.answer.value == expected, (tally.way, item.question.code)


def run() -> dict[str, Any]:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    assert isinstance(app, QtWidgets.QApplication)
    apply_app_style(app)
    install_translators(app, "en")
    collector = GuiThreadCollector(app)
    catalog = load_catalog()
    tallies: list[Tally] = []
    patient: dict[str, object] = {}
    try:
        for way in (dialogs_by_keyboard, dialogs_by_row_keys, dialogs_by_mouse, interview):
            tasks = TaskManager()
            with tempfile.TemporaryDirectory(prefix="askonce-bench-") as folder:
                window = open_window(app, tasks, catalog, Path(folder))
                try:
                    chart = open_patient(app, window)
                    tally = way(app, window, chart)
                    _check(window, chart, tally)
                    tallies.append(tally)
                    states = [i.state for i in chart.board]
                    patient = {
                        "bed": chart.patient.bed,
                        "never_asked": states.count(AnswerState.NEVER_ASKED),
                        "due": states.count(AnswerState.DUE),
                        "questions": len(states),
                    }
                finally:
                    window.close()
                    window.deleteLater()
                    app.processEvents()
                    tasks.shutdown()
    finally:
        collector.stop()
    return {
        "patient": patient,
        "platform": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
        f", Qt platform {app.platformName()}",
        "ways": [
            {
                **asdict(t),
                "actions": t.actions,
                "commands": t.actions - t.typed,
                "operator_seconds": t.operator_seconds,
            }
            for t in tallies
        ],
    }


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}×" if b else "–"


def write_report(result: dict[str, Any], folder: Path = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "interview.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    ways = {str(w["way"]): w for w in result["ways"]}
    keyboard, mouse, asked = ways["dialogs, keyboard"], ways["dialogs, mouse"], ways["interview"]
    rows = ways["dialogs, row keys"]
    patient = result["patient"]
    old_keyboard = int(keyboard["actions"]) - int(keyboard["row_tabs"])
    lines = [
        "# Interview mode: keystrokes and seconds for one admission",
        "",
        f"Demo patient in bed {patient['bed']}: {patient['never_asked']} questions never asked"
        f" and {patient['due']} due for re-confirmation (of {patient['questions']}), all"
        " answered the same way each time (due answers: still true). Actions = keystrokes +"
        " mouse clicks; commands = actions without the typed answer text.",
        "",
        "| way | actions | of which typed | commands | clicks | machine s | operator s (KLM) |",
        "|---|---|---|---|---|---|---|",
    ]
    for w in result["ways"]:
        lines.append(
            f"| {w['way']} | {w['actions']} | {w['typed']} | {w['commands']} | {w['clicks']}"
            f" | {w['seconds']} | {w['operator_seconds']} |"
        )
    lines += [
        "",
        "- Interview against today's dialogs by keyboard:"
        f" **{_ratio(keyboard['actions'], asked['actions'])} fewer actions**"
        f" ({_ratio(keyboard['commands'], asked['commands'])} fewer commands),"
        f" {_ratio(keyboard['operator_seconds'], asked['operator_seconds'])} less operator time.",
        f"- Target ≥ 5× fewer keystrokes: **met for the commands**"
        f" ({_ratio(keyboard['commands'], asked['commands'])}), not for the totals with the"
        f" typed answer text ({_ratio(keyboard['actions'], asked['actions'])}): the"
        f" {asked['typed']} characters of this patient's free-text answers and time are the"
        " same in every way.",
        f"- Today's dialogs by keyboard include {keyboard['row_tabs']} Tab stops on board rows"
        f" (new with this change: rows are Tab stops). On the board as it was: {old_keyboard}"
        f" actions ({old_keyboard - int(keyboard['typed'])} commands), still"
        f" {_ratio(old_keyboard, asked['actions'])} the interview's"
        f" ({_ratio(old_keyboard - int(keyboard['typed']), asked['commands'])} in commands).",
        f"- Against the dialogs by mouse: {_ratio(mouse['actions'], asked['actions'])} fewer"
        f" actions ({_ratio(mouse['commands'], asked['commands'])} fewer commands; scrolling to"
        " each row not counted), and clicks cost more time than keys.",
        f"- Today's dialogs reached with the board's new row keys (Down to the row, Enter):"
        f" {rows['actions']} actions, {_ratio(rows['actions'], asked['actions'])} the"
        f" interview's ({_ratio(rows['commands'], asked['commands'])} in commands).",
        "- Machine seconds: from the first action to the board showing every answer, on "
        f"{result['platform']}. Dialogs wait for the board to be rebuilt after each save; the"
        " interview saves in the background and refreshes the board once.",
        f"- Operator seconds: keystroke-level model, K {KLM_KEY_S} s, click {KLM_CLICK_S} s,"
        f" M {KLM_THINK_S} s once per question in every way; the patient's thinking not"
        " included.",
        "",
        "Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.perf.bench_interview`",
    ]
    path = folder / "interview.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--reports", type=Path, default=REPORTS, help="where the report goes")
    args = parser.parse_args()
    print(write_report(run(), args.reports))


if __name__ == "__main__":
    main()
