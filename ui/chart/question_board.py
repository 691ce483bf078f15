"""The Ask-once board: every catalog question, grouped by category, status at a glance.

A nurse sees without reading what is answered (green ✓), due for
re-confirmation (amber ↻, with the old answer) and never asked (grey ○), and
acts in place: record, "still true" (one click), correct, entered in error.

What the hospital's record already says counts as answered, with where it says so and
when ("hospital record, 12 Mar 2025"): the nurse confirms it (then it is an AskOnce
answer too) or records a different answer. Where AskOnce's answer and the record
disagree the row says so, whatever the filter; the record is never changed from here.

By keyboard: every row is a Tab stop (its buttons follow it), Up/Down go from row to
row, Home/End to the first and last, Enter or Space does the row's first action, and
I starts the interview over the open questions. A screen reader hears each row as
question, answer, who and when, and state.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from app.domain import (
    Answer,
    AnswerAction,
    AnswerState,
    Question,
    RecordFact,
    Source,
    Validity,
    ValidityKind,
)
from app.hospital_record import ALLERGY_PREFIX
from app.services import BoardItem, PatientChart
from app.services.charts import PREFERRED_LANGUAGE
from ui.base import drafts
from ui.base.shortcuts import widget_shortcut
from ui.base.style import (
    date_text,
    make_chip,
    overdue_colors,
    relative_time,
    state_chip,
    unknown_time_text,
    unsent_color,
)
from ui.base.words import source_text
from ui.chart.answer_dialog import AnswerDialog, ErrorReasonDialog
from ui.chart.record_tab import news_text
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

DialogFactory = Callable[..., AnswerDialog]

ROW_STYLE = """
QFrame#questionRow { border: 2px solid transparent; border-radius: 6px; }
QFrame#questionRow:focus { border-color: palette(highlight); background: palette(alternate-base); }
"""


def validity_text(validity: Validity) -> str:
    """How long an answer holds, in the UI language ("permanent", "this stay", "30 days")."""
    if validity.kind is ValidityKind.PERMANENT:
        return QtCore.QCoreApplication.translate("Validity", "permanent")
    if validity.kind is ValidityKind.STAY:
        return QtCore.QCoreApplication.translate("Validity", "this stay")
    return QtCore.QCoreApplication.translate("Validity", "%1 days").replace(
        "%1", str(validity.days)
    )


def record_where(fact: RecordFact) -> str:
    """Which part of the hospital's record says so: "hospital record", "hospital allergy list"."""
    if fact.source.startswith(ALLERGY_PREFIX):
        return QtCore.QCoreApplication.translate("HospitalRecord", "hospital allergy list")
    return QtCore.QCoreApplication.translate("HospitalRecord", "hospital record")


def record_when(fact: RecordFact) -> str:
    """The day the record says so ("12 Mar 2025"), or that it does not say."""
    if fact.recorded_at is None:
        return unknown_time_text()
    return date_text(fact.recorded_at.astimezone().date())


def record_source_text(fact: RecordFact) -> str:
    """Where the hospital says so and when: "hospital record, 12 Mar 2025"."""
    return f"{record_where(fact)}, {record_when(fact)}"


def record_value_text(question: Question, fact: RecordFact, language: str) -> str:
    """What the record says, in the catalog's words, with its own where they say more:
    "Yes (Lactose)", "Other language (Vietnamese)"."""
    value = question.format_value(fact.value, language)
    return f"{value} ({fact.wording})" if fact.wording and fact.wording != value else value


class QuestionRow(QtWidgets.QFrame):
    """One question: status chip, question and current answer, and the actions that fit."""

    def __init__(self, item: BoardItem, board: AskOnceBoard, as_of: datetime) -> None:
        super().__init__(board)
        self.item = item
        self._language = board.language
        self.record_label: QtWidgets.QLabel | None = None
        """What the hospital record says, when it says anything of this question."""
        self.setObjectName("questionRow")
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        q, answer = item.question, item.answer
        language = board.language
        label = q.label_for(language)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)

        fact = item.on_record
        no_answer = answer is not None and answer.no_answer is not None
        self.chip = make_chip(state_chip(item.state, no_answer=no_answer))
        # All chips one width, so the column of states reads like a list.
        widest = max(
            self.chip.fontMetrics().horizontalAdvance(f"{c.glyph}  {c.text}")
            for c in (*map(state_chip, AnswerState), state_chip(AnswerState.VALID, no_answer=True))
        )
        self.chip.setFixedWidth(widest + 28)
        layout.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignTop)

        text_box = QtWidgets.QVBoxLayout()
        text_box.setSpacing(1)
        title = QtWidgets.QLabel(f"<b>{html.escape(label)}</b>")
        title.setWordWrap(True)  # a long label (German) wraps instead of pushing the buttons out
        title.setToolTip(q.text_for(board.language))
        text_box.addWidget(title)
        asked = QtWidgets.QLabel(q.text_for(board.language))
        asked.setObjectName("mutedText")
        asked.setWordWrap(True)
        text_box.addWidget(asked)
        if answer is not None:
            prov = answer.provenance
            line = self.tr("%1 — %2, %3 (%4)")
            line = (
                line.replace("%1", f"<b>{html.escape(q.format_value(answer.value, language))}</b>")
                .replace("%2", html.escape(prov.recorded_by.display_name))
                .replace("%3", relative_time(answer.effective_at, as_of))
                .replace("%4", source_text(prov.source))
            )
            if item.state is AnswerState.DUE:
                line = self.tr("Last answer: %1").replace("%1", line)
            if answer.unsent:
                line += (
                    f" &nbsp;<span style='color:{unsent_color().name()}'>● "
                    + self.tr("not yet sent")
                    + "</span>"
                )
            answer_label = QtWidgets.QLabel(line)
            answer_label.setWordWrap(True)
            answer_label.setTextFormat(Qt.TextFormat.RichText)
            answer_label.setToolTip(self.tr("Valid: %1").replace("%1", validity_text(q.validity)))
            text_box.addWidget(answer_label)
        elif fact is not None:
            # Known to the hospital, not yet an AskOnce answer: answered, with its source.
            line = (
                self.tr("%1 — %2 · valid: %3")
                .replace("%1", f"<b>{html.escape(record_value_text(q, fact, language))}</b>")
                .replace("%2", html.escape(record_source_text(fact)))
                .replace("%3", html.escape(validity_text(q.validity)))
            )
            if item.state is AnswerState.DUE:
                line = self.tr("Last known: %1").replace("%1", line)
            self.record_label = QtWidgets.QLabel(line)
            self.record_label.setObjectName("recordFact")
            self.record_label.setWordWrap(True)
            self.record_label.setTextFormat(Qt.TextFormat.RichText)
            self.record_label.setToolTip(
                self.tr("From the hospital's record; not an AskOnce answer until confirmed")
            )
            text_box.addWidget(self.record_label)
        if answer is not None and fact is not None:
            text_box.addWidget(self._record_beside_answer(item, fact))
        layout.addLayout(text_box, 1)
        self._text_box = text_box

        self.buttons: dict[str, QtWidgets.QPushButton] = {}
        if answer is None and fact is not None:
            self._button(
                "confirm", self.tr("Confirm"), board.confirm_record, self.tr("Confirm record")
            )
            self._button(
                "record", self.tr("Different…"), board.record, self.tr("Record a different answer")
            )
            self.buttons["confirm"].setToolTip(
                self.tr("The hospital record is right: keep it as an AskOnce answer")
            )
        elif item.state is AnswerState.NEVER_ASKED:
            self._button("record", self.tr("Record…"), board.record, self.tr("Record answer"))
        elif item.state is AnswerState.DUE:
            self._button("confirm", self.tr("Still true"), board.confirm, self.tr("Confirm"))
            self._button("correct", self.tr("Changed…"), board.correct, self.tr("Correct answer"))
        elif no_answer:
            # Asked, but no answer: the patient may answer after all.
            self._button("correct", self.tr("Answer…"), board.correct, self.tr("Record answer"))
            self._button("confirm", self.tr("Still true"), board.confirm, self.tr("Confirm"))
        else:
            self._button("correct", self.tr("Correct…"), board.correct, self.tr("Correct answer"))
            self._button("confirm", self.tr("Still true"), board.confirm, self.tr("Confirm"))
        if answer is not None and item.disagrees:
            self._button(
                "use_record",
                self.tr("Use record"),
                board.confirm_record,
                self.tr("Use the hospital record's answer"),
            )
        if answer is not None:
            self._button("error", self.tr("Error…"), board.entered_in_error, self.tr("Mark error"))
            self.buttons["error"].setToolTip(self.tr("Mark this answer as entered in error"))
        for button in self.buttons.values():
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self._board = board
        self.news = ""
        """The colleague's unseen change of this answer, worded (``mark_news``)."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        spoken = self.spoken_text(as_of)
        self.setAccessibleName(spoken)
        self.setAccessibleDescription(self._description())
        for button in self.buttons.values():
            button.setAccessibleDescription(spoken)
            button.installEventFilter(self)  # Up/Down on a button go to the next row too

    def _record_beside_answer(self, item: BoardItem, fact: RecordFact) -> QtWidgets.QLabel:
        """What the hospital record says next to AskOnce's answer: a disagreement in words
        and colour (never colour alone), an agreement quietly."""
        said = html.escape(record_value_text(item.question, fact, self._language))
        where, when = html.escape(record_where(fact)), html.escape(record_when(fact))
        if item.disagrees:
            text = "⚠ " + self._differs(f"<b>{said}</b>", where, when)
            name = "recordConflict"
        elif item.answer is not None and item.answer.no_answer is not None:
            # Asked, but no answer here; the record does say (neither same nor different).
            text = (
                self.tr("In the %1 (%2): %3")
                .replace("%1", where)
                .replace("%2", when)
                .replace("%3", f"<b>{said}</b>")
            )
            name = "mutedText"
        else:
            text = self.tr("Same in the %1 (%2)").replace("%1", where).replace("%2", when)
            name = "mutedText"
        label = QtWidgets.QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        if item.disagrees:  # a pair with its own contrast, light or dark; never colour alone
            background, foreground = overdue_colors()
            label.setStyleSheet(
                f"background: {background.name()}; color: {foreground.name()};"
                " border-radius: 4px; padding: 1px 4px; font-weight: 600;"
            )
        self.record_label = label
        return label

    def _differs(self, said: str, where: str, when: str) -> str:
        """ "Differs from the hospital allergy list (12 Mar 2025): Yes (Lactose)"."""
        return (
            self.tr("Differs from the %1 (%2): %3")
            .replace("%1", where)
            .replace("%2", when)
            .replace("%3", said)
        )

    def mark_news(self, text: str) -> None:
        """A colleague changed this answer since the user last looked: say so, by whom and
        when, on screen and to a screen reader, until it is seen."""
        mark = QtWidgets.QLabel(f"● {text}")
        mark.setObjectName("newsMark")
        mark.setWordWrap(True)
        self._text_box.addWidget(mark)
        self.news = text
        self.setAccessibleName(f"{self.accessibleName()} — {text}")

    def spoken_text(self, as_of: datetime) -> str:
        """Question, answer, who and when, state: "Lactose intolerance: Yes — recorded by
        Leyla Demir, today 10:42 — Answered"."""
        q, answer, fact = self.item.question, self.item.answer, self.item.on_record
        label = q.label_for(self._language)
        no_answer = answer is not None and answer.no_answer is not None
        state_word = state_chip(self.item.state, no_answer=no_answer).text
        if answer is None and fact is not None:
            return (
                self.tr("%1: %2 — %3 — %4")
                .replace("%1", label)
                .replace("%2", record_value_text(q, fact, self._language))
                .replace("%3", record_source_text(fact))
                .replace("%4", state_word)
            )
        if answer is None:
            return self.tr("%1 — %2").replace("%1", label).replace("%2", state_word)
        spoken = (
            self.tr("%1: %2 — %3 — %4")
            .replace("%1", label)
            .replace("%2", q.format_value(answer.value, self._language))
            .replace("%3", self._who_and_when(answer, as_of))
            .replace("%4", state_word)
        )
        if fact is not None and self.item.disagrees:
            said = record_value_text(q, fact, self._language)
            spoken += " — " + self._differs(said, record_where(fact), record_when(fact))
        return spoken

    def _who_and_when(self, answer: Answer, as_of: datetime) -> str:
        action = answer.history[-1].action if answer.history else AnswerAction.RECORDED
        if action is AnswerAction.CONFIRMED:
            text = self.tr("confirmed by %1, %2")
        elif action is AnswerAction.CORRECTED:
            text = self.tr("corrected by %1, %2")
        else:
            text = self.tr("recorded by %1, %2")
        return text.replace("%1", answer.provenance.recorded_by.display_name).replace(
            "%2", relative_time(answer.effective_at, as_of)
        )

    def _description(self) -> str:
        """The question as asked, where the answer came from, and what Enter does here."""
        parts = [self.item.question.text_for(self._language)]
        answer = self.item.answer
        if answer is not None:
            parts.append(
                self.tr("Given by: %1").replace("%1", source_text(answer.provenance.source))
            )
            if answer.unsent:
                parts.append(self.tr("not yet sent"))
        elif self.item.on_record is not None:
            parts.append(
                self.tr("Given by: %1").replace("%1", record_source_text(self.item.on_record))
            )
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            parts.append(self.tr("Enter: %1").replace("%1", first.text().rstrip("…")))
        return " — ".join(parts)

    def primary_action(self) -> None:
        """Enter or Space on the row: its first button (Record…, Still true or Correct…)."""
        first = next(iter(self.buttons.values()), None)
        if first is not None:
            first.click()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        # Arrow keys pressed on the row's buttons arrive here too (buttons ignore them).
        key = event.key()
        plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and plain:
            self._board.focus_neighbour(self, -1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._board.focus_end(last=key == Qt.Key.Key_End)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and plain:
            self.primary_action()  # (a button takes Space itself, Enter in the filter below)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        # A push button moves among its siblings on arrow keys: Up/Down mean the next row
        # here. Enter presses the button itself, not the row's first action.
        if (
            event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QtWidgets.QPushButton)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._board.focus_neighbour(self, -1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                watched.click()
                return True
        return super().eventFilter(watched, event)

    def focusInEvent(self, event: QtGui.QFocusEvent) -> None:
        super().focusInEvent(event)
        self._board.row_focused(self)

    def _button(
        self, key: str, text: str, handler: Callable[[BoardItem], None], spoken: str
    ) -> None:
        button = QtWidgets.QPushButton(text)
        button.setAccessibleName(f"{spoken}: {self.item.question.label_for(self._language)}")
        button.clicked.connect(lambda: handler(self.item))
        button.setAutoDefault(False)
        self.buttons[key] = button


class AskOnceBoard(QtWidgets.QWidget):
    """All catalog questions for the open patient."""

    FILTERS = ("all", "open", "answered")

    sig_interview_requested = Signal()
    """The nurse wants to ask the open questions one after another (the interview)."""

    def __init__(
        self,
        actions: ChartActions,
        parent: QtWidgets.QWidget | None = None,
        *,
        dialog_factory: DialogFactory = AnswerDialog,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.chart_actions = actions
        self.language = language
        self._dialog_factory = dialog_factory
        self._chart: PatientChart | None = None
        self.rows: list[QuestionRow] = []
        self.record_panel: QtWidgets.QGroupBox | None = None
        """What the hospital's record says of language, phone, address, contacts (if anything)."""

        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        top = QtWidgets.QHBoxLayout()
        top.setContentsMargins(8, 6, 8, 0)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Question summary"))
        top.addWidget(self.summary, 1)
        self.interview_button = QtWidgets.QPushButton(self.tr("Ask the open questions…"))
        self.interview_button.setAccessibleName(self.tr("Ask the open questions one by one"))
        self.interview_button.setToolTip(
            self.tr("One question after another, one key per answer (Ctrl+I, or I on the board)")
        )
        self.interview_button.setAutoDefault(False)
        self.interview_button.clicked.connect(self.sig_interview_requested.emit)
        top.addWidget(self.interview_button)
        widget_shortcut(
            Qt.Key.Key_I,
            self,
            self.sig_interview_requested.emit,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        show_label = QtWidgets.QLabel(self.tr("&Show:"))
        self.filter = QtWidgets.QComboBox()
        self.filter.addItem(self.tr("All questions"), "all")
        self.filter.addItem(self.tr("Still to ask or re-confirm"), "open")
        self.filter.addItem(self.tr("Answered"), "answered")
        self.filter.setAccessibleName(self.tr("Show questions"))
        show_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(lambda *_: self._apply_filter())
        top.addWidget(show_label)
        top.addWidget(self.filter)
        outer.addLayout(top)

        self._scroll = QtWidgets.QScrollArea()
        self._scroll.setAccessibleName(self.tr("Ask-once questions"))
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        outer.addWidget(self._scroll, 1)
        self._groups: list[tuple[QtWidgets.QGroupBox, list[QuestionRow]]] = []

    # --- showing ------------------------------------------------------------------------

    def show_chart(self, chart: PatientChart) -> None:
        self._chart = chart
        focused = self._focused_key()
        content = QtWidgets.QWidget()
        content.setObjectName("boardContent")
        content.setStyleSheet(ROW_STYLE)
        lay = QtWidgets.QVBoxLayout(content)
        lay.setContentsMargins(8, 0, 8, 8)
        self.rows = []
        self._groups = []
        self.record_panel = self._record_panel(chart)
        if self.record_panel is not None:
            lay.addWidget(self.record_panel)
        by_category: dict[str, list[BoardItem]] = {}
        for item in chart.board:
            by_category.setdefault(item.question.category.code, []).append(item)
        for items in by_category.values():
            category = items[0].question.category
            done = sum(i.state is AnswerState.VALID for i in items)
            name = category.display_for(self.language)
            box = QtWidgets.QGroupBox(f"{name}  ·  {done}/{len(items)}")
            box.setAccessibleName(name)
            box_lay = QtWidgets.QVBoxLayout(box)
            box_lay.setSpacing(0)
            rows = []
            for n, item in enumerate(items):
                if n:
                    line = QtWidgets.QFrame()
                    line.setFrameShape(QtWidgets.QFrame.Shape.HLine)
                    line.setFrameShadow(QtWidgets.QFrame.Shadow.Sunken)
                    box_lay.addWidget(line)
                row = QuestionRow(item, self, chart.as_of)
                news = chart.news_about(item.question.code)
                if news is not None:
                    row.mark_news(news_text(news, chart.as_of))
                box_lay.addWidget(row)
                rows.append(row)
            self.rows.extend(rows)
            self._groups.append((box, rows))
            lay.addWidget(box)
        lay.addStretch(1)
        self._scroll.setWidget(content)
        counts = {s: sum(i.state is s for i in chart.board) for s in AnswerState}
        summary = (
            self.tr("<b>%1 of %2</b> answered · <b>%3</b> to re-confirm · <b>%4</b> not asked yet")
            .replace("%1", str(counts[AnswerState.VALID]))
            .replace("%2", str(len(chart.board)))
            .replace("%3", str(counts[AnswerState.DUE]))
            .replace("%4", str(counts[AnswerState.NEVER_ASKED]))
        )
        differing = sum(i.disagrees for i in chart.board)
        if differing:
            summary += f" · <span style='color:{overdue_colors()[1].name()}'>⚠ " + (
                self.tr("differing from the hospital record: <b>%1</b>").replace(
                    "%1", str(differing)
                )
                + "</span>"
            )
        self.summary.setText(summary)
        open_count = counts[AnswerState.DUE] + counts[AnswerState.NEVER_ASKED]
        self.interview_button.setEnabled(open_count > 0)
        self._apply_filter()
        self._restore_focus(focused)

    def _record_panel(self, chart: PatientChart) -> QtWidgets.QGroupBox | None:
        """What the hospital's record says of language, interpreter, phone, e-mail, address
        and contact persons: read-only, one Tab stop, read out whole by a screen reader."""
        patient = chart.patient
        if not patient.has_record_details:
            return None
        lines: list[str] = []
        if patient.languages:
            # A language in the UI's words where the catalog names it ("Arabisch"), else
            # as the record wrote it.
            options = {
                o.code: o.display_for(self.language)
                for item in chart.board
                if item.question.code == PREFERRED_LANGUAGE
                for o in item.question.options
            }
            spoken = ", ".join(
                (options.get(lang.code) or lang.display or lang.code)
                + (" (" + self.tr("preferred") + ")" if lang.preferred else "")
                for lang in patient.languages
            )
            lines.append(self.tr("Languages: %1").replace("%1", spoken))
        if patient.interpreter_required is not None:
            lines.append(
                self.tr("Interpreter required")
                if patient.interpreter_required
                else self.tr("No interpreter required")
            )
        for point in patient.telecom:
            lines.append(f"{_telecom_word(point.system)}: {point.value}")
        for address in patient.addresses:
            lines.append(self.tr("Address: %1").replace("%1", address.one_line()))
        for contact in patient.record_contacts:
            who = ", ".join(x for x in (contact.name, contact.organization) if x)
            if contact.relationship:
                who = f"{who} ({contact.relationship})" if who else contact.relationship
            reach = ", ".join(t.value for t in contact.telecom)
            lines.append(self.tr("Contact: %1").replace("%1", f"{who}: {reach}" if reach else who))
        when = (
            date_text(patient.record_updated_at.astimezone().date())
            if patient.record_updated_at is not None
            else unknown_time_text()
        )
        title = self.tr("Hospital record (as of %1)").replace("%1", when)
        box = QtWidgets.QGroupBox(title)
        box.setObjectName("hospitalRecord")
        box_lay = QtWidgets.QVBoxLayout(box)
        text = QtWidgets.QLabel("<br>".join(html.escape(line) for line in lines))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        text.setAccessibleName(title)
        text.setAccessibleDescription("; ".join(lines))
        box_lay.addWidget(text)
        box.setAccessibleName(title)
        return box

    def _apply_filter(self) -> None:
        mode = self.filter.currentData()
        for box, rows in self._groups:
            visible = 0
            for row in rows:
                show = (
                    mode == "all"
                    or (mode == "open" and row.item.state is not AnswerState.VALID)
                    or (mode == "answered" and row.item.state is AnswerState.VALID)
                )
                row.setVisible(show)
                visible += show
            box.setVisible(visible > 0)

    def _focused_key(self) -> tuple[str, str] | None:
        # The window's focus widget, even while a dialog over it is the active window.
        widget = QtWidgets.QApplication.focusWidget() or self.window().focusWidget()
        for row in self.rows:
            if row is widget:
                return row.item.question.code, "row"
            for key, button in row.buttons.items():
                if button is widget:
                    return row.item.question.code, key
        return None

    def _restore_focus(self, key: tuple[str, str] | None) -> None:
        # After an edit the board is rebuilt; keep the keyboard user where they were.
        if key is None:
            return
        for row in self.rows:
            if row.item.question.code != key[0]:
                continue
            if key[1] == "row" or not row.buttons:
                row.setFocus()
                self.row_focused(row)
            else:
                row.buttons.get(key[1], next(iter(row.buttons.values()))).setFocus()

    # --- the keyboard between rows ------------------------------------------------------------

    def _visible_rows(self) -> list[QuestionRow]:
        return [r for r in self.rows if not r.isHidden()]

    def focus_neighbour(self, row: QuestionRow, step: int) -> None:
        """Up/Down: the row above or below (of those shown), staying put at either end."""
        rows = self._visible_rows()
        if row in rows:
            at = rows.index(row) + step
            if 0 <= at < len(rows):
                rows[at].setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_end(self, *, last: bool) -> None:
        rows = self._visible_rows()
        if rows:
            rows[-1 if last else 0].setFocus(Qt.FocusReason.OtherFocusReason)

    def row_focused(self, row: QuestionRow) -> None:
        self._scroll.ensureWidgetVisible(row)
        # Again once the layout has placed a freshly built board's rows.
        QtCore.QTimer.singleShot(0, row, lambda: self._scroll.ensureWidgetVisible(row))

    def focus_question(self, code: str | None) -> None:
        """Put the keyboard on one question's row (the first row if it is not shown)."""
        rows = self._visible_rows()
        row = next((r for r in rows if r.item.question.code == code), rows[0] if rows else None)
        if row is not None:
            row.setFocus(Qt.FocusReason.OtherFocusReason)
            self.row_focused(row)  # also while the window is not yet active again

    def show_question(self, code: str) -> None:
        """Scroll to one question and put the keyboard on its first action (e.g. Record…)."""
        row = next((r for r in self.rows if r.item.question.code == code), None)
        if row is None:
            return
        if not row.isVisibleTo(self):
            self.filter.setCurrentIndex(self.filter.findData("all"))
        self._scroll.ensureWidgetVisible(row)
        if row.buttons:
            next(iter(row.buttons.values())).setFocus(Qt.FocusReason.OtherFocusReason)

    # --- acting -------------------------------------------------------------------------

    def _patient_id(self) -> str:
        assert self._chart is not None
        return self._chart.patient.id

    def record(self, item: BoardItem) -> None:
        patient_id = self._patient_id()
        dialog = self._dialog_factory(
            item.question, None, correcting=False, language=self.language, parent=self
        )
        if item.on_record is not None:
            dialog.show_record(
                record_value_text(item.question, item.on_record, self.language),
                record_source_text(item.on_record),
            )

        def save() -> None:
            value = dialog.result_value()
            if value is not None:
                self.chart_actions.record_answer(
                    patient_id, item.question.code, value, dialog.result_source()
                )

        self._open(dialog, patient_id, item, save)

    def open_editor(self, question_code: str) -> None:
        """Record or correct the answer to one question (used to reopen a saved draft)."""
        if self._chart is None:
            return
        for item in self._chart.board:
            if item.question.code == question_code:
                (self.correct if item.answer is not None else self.record)(item)
                return

    def confirm(self, item: BoardItem) -> None:
        if item.answer is not None:
            self.chart_actions.confirm_answer(self._patient_id(), item.answer.id, Source.PATIENT)

    def confirm_record(self, item: BoardItem) -> None:
        """The hospital record is right: it becomes AskOnce's answer (and is sent as one)."""
        if item.on_record is not None:
            self.chart_actions.confirm_record(self._patient_id(), item.question.code)

    def correct(self, item: BoardItem) -> None:
        answer = item.answer
        if answer is None:
            self.record(item)
            return
        assert self._chart is not None
        patient_id = self._patient_id()
        dialog = self._dialog_factory(
            item.question,
            answer,
            correcting=True,
            language=self.language,
            as_of=self._chart.as_of,
            parent=self,
        )
        if item.on_record is not None:
            dialog.show_record(
                record_value_text(item.question, item.on_record, self.language),
                record_source_text(item.on_record),
            )

        def save() -> None:
            value = dialog.result_value()
            if value is not None:
                self.chart_actions.correct_answer(
                    patient_id, answer.id, value, dialog.result_source(), dialog.result_note()
                )

        self._open(dialog, patient_id, item, save)

    def _open(
        self,
        dialog: AnswerDialog,
        patient_id: str,
        item: BoardItem,
        save: Callable[[], None],
    ) -> None:
        """Show an answer editor (reopenable after a lock); ``save`` runs when it is accepted."""
        drafts.tag(dialog, "answer", patient_id, item.question.code)
        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def entered_in_error(self, item: BoardItem) -> None:
        answer = item.answer
        if answer is None:
            return
        patient_id = self._patient_id()
        dialog = ErrorReasonDialog(self)

        def mark() -> None:
            reason = str(dialog.textValue()).strip()
            if reason:
                self.chart_actions.mark_entered_in_error(patient_id, answer.id, reason)

        dialog.accepted.connect(mark)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def _telecom_word(system: str) -> str:
    """A ContactPoint system in the UI language ("Phone", "E-mail")."""
    words = {
        "phone": QtCore.QCoreApplication.translate("HospitalRecord", "Phone"),
        "sms": QtCore.QCoreApplication.translate("HospitalRecord", "Mobile (SMS)"),
        "email": QtCore.QCoreApplication.translate("HospitalRecord", "E-mail"),
        "fax": QtCore.QCoreApplication.translate("HospitalRecord", "Fax"),
        "pager": QtCore.QCoreApplication.translate("HospitalRecord", "Pager"),
        "url": QtCore.QCoreApplication.translate("HospitalRecord", "Web"),
    }
    return words.get(system, QtCore.QCoreApplication.translate("HospitalRecord", "Contact"))
