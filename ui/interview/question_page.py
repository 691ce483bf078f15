"""One interview question on screen: its state, its text in the nurse's and the patient's
language, and the answer input — option buttons with their keys, or a field to type in."""

from __future__ import annotations

import html
from datetime import datetime

from app.domain import AnswerState, AnswerType, AnswerValue, NoAnswer, NoAnswerReason, Question
from app.services import BoardItem
from ui.base.style import make_chip, relative_time, state_chip
from ui.base.words import NO_ANSWER_KEYS, no_answer_hint, no_answer_text, source_text
from ui.interview.plan import TEXT_TYPES, has_language, keyed_options, patient_text
from ui.interview.widgets import OptionButton
from ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal


class QuestionPage(QtWidgets.QWidget):
    """Shows one open question; the dialog decides what its keys and buttons do."""

    sig_option_clicked = Signal(str)
    """An option button was clicked with the mouse (argument: its key)."""

    sig_back_requested = Signal()
    """Backspace on the empty answer field: the question before."""

    sig_no_answer_clicked = Signal(str)
    """Declined, could not answer now or not applicable was clicked (argument: the reason)."""

    def __init__(
        self, *, language: str, yes_no_keys: tuple[str, str], parent: QtWidgets.QWidget
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.yes_key, self.no_key = yes_no_keys
        self.options: dict[str, tuple[OptionButton, AnswerValue]] = {}
        """The options on screen by key: the button and the answer it gives."""
        self.line: QtWidgets.QLineEdit | None = None
        """The field to type in, for free text and times."""
        self.no_answers: dict[NoAnswerReason, OptionButton] = {}
        """Asked, but no answer: one button (and key) per reason."""

        lay = QtWidgets.QVBoxLayout(self)
        lay.setContentsMargins(0, 6, 0, 0)
        lay.setSpacing(8)
        state_row = QtWidgets.QHBoxLayout()
        self._chip_slot = QtWidgets.QHBoxLayout()
        state_row.addLayout(self._chip_slot)
        self.state_label = QtWidgets.QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        state_row.addWidget(self.state_label, 1)
        lay.addLayout(state_row)

        self.question_label = QtWidgets.QLabel()
        self.question_label.setWordWrap(True)
        # Focusable, so that a screen reader reads the question as it comes up.
        self.question_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.question_label.setFont(_scaled(self.question_label.font(), 1.4, bold=True))
        lay.addWidget(self.question_label)

        self.patient_frame = QtWidgets.QFrame()
        self.patient_frame.setObjectName("patientLanguage")
        frame_lay = QtWidgets.QVBoxLayout(self.patient_frame)
        frame_lay.setContentsMargins(12, 6, 12, 8)
        frame_lay.setSpacing(2)
        self.patient_language_name = QtWidgets.QLabel()
        self.patient_language_name.setObjectName("mutedText")
        frame_lay.addWidget(self.patient_language_name)
        self.patient_question = QtWidgets.QLabel()
        self.patient_question.setWordWrap(True)
        self.patient_question.setFont(_scaled(self.patient_question.font(), 1.25))
        frame_lay.addWidget(self.patient_question)
        lay.addWidget(self.patient_frame)

        self.input_hint = QtWidgets.QLabel()
        self.input_hint.setObjectName("interviewHints")
        self.input_hint.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.input_hint)
        self._answer_host = QtWidgets.QVBoxLayout()
        self._answer_area: QtWidgets.QWidget | None = None
        lay.addLayout(self._answer_host)
        self.feedback = QtWidgets.QLabel()
        self.feedback.setObjectName("interviewFeedback")
        self.feedback.setWordWrap(True)
        lay.addWidget(self.feedback)
        lay.addStretch(1)

    def show_question(
        self,
        item: BoardItem,
        *,
        given: AnswerValue | None,
        can_confirm: bool,
        patient_language: str | None,
        as_of: datetime,
        progress: str,
    ) -> None:
        """``given``: the answer given earlier in this interview; ``can_confirm``: still
        true fits; ``progress``: "3 of 14 · Diet", for the screen reader."""
        q = item.question
        self._show_state(item, given, as_of)
        self.question_label.setText(q.text_for(self.language))
        other = patient_text(q, patient_language, self.language)
        self.patient_frame.setVisible(other is not None)
        if other is not None and patient_language is not None:
            name = QtCore.QLocale(patient_language).nativeLanguageName()
            self.patient_language_name.setText(name.upper())
            self.patient_question.setText(other)
        self._build_answer(item, given, can_confirm, patient_language)
        self.feedback.setText("")
        self._describe(q, progress)
        if self.line is not None:
            self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.question_label.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- what the nurse has typed or ticked ------------------------------------------------

    def typed(self) -> str:
        return self.line.text() if self.line is not None else ""

    def ticked(self) -> tuple[str, ...]:
        """The ticked options of a multiple choice, in catalog order."""
        return tuple(str(v) for b, v in self.options.values() if b.isCheckable() and b.isChecked())

    def put_back(self, typed: str, ticked: list[str]) -> None:
        """What was typed or ticked before a lock."""
        if self.line is not None and typed:
            self.line.setText(typed)
        for button, value in self.options.values():
            if button.isCheckable():
                button.setChecked(value in ticked)

    # --- building -------------------------------------------------------------------------

    def _show_state(self, item: BoardItem, given: AnswerValue | None, as_of: datetime) -> None:
        while self._chip_slot.count():
            old = self._chip_slot.takeAt(0)
            if old is not None and (w := old.widget()) is not None:
                w.hide()
                w.deleteLater()
        q = item.question
        if given is not None:
            chip = make_chip(state_chip(AnswerState.VALID, no_answer=isinstance(given, NoAnswer)))
            text = self.tr("Given in this interview: %1").replace(
                "%1", f"<b>{html.escape(q.format_value(given, self.language))}</b>"
            )
        else:
            chip = make_chip(state_chip(item.state))
            text = ""
            if item.state is AnswerState.DUE and item.answer is not None:
                prov = item.answer.provenance
                when = relative_time(item.answer.effective_at, as_of)
                text = (
                    self.tr("Last answer: %1 — %2, %3 (%4)")
                    .replace(
                        "%1",
                        f"<b>{html.escape(q.format_value(item.answer.value, self.language))}</b>",
                    )
                    .replace("%2", html.escape(prov.recorded_by.display_name))
                    .replace("%3", html.escape(when))
                    .replace("%4", html.escape(source_text(prov.source)))
                )
        self._chip_slot.addWidget(chip)
        chip.show()  # now, not when the layout gets round to it
        self.state_label.setText(text)

    def _build_answer(
        self,
        item: BoardItem,
        given: AnswerValue | None,
        can_confirm: bool,
        patient_language: str | None,
    ) -> None:
        if self._answer_area is not None:
            self._answer_area.hide()
            self._answer_area.deleteLater()
        area = QtWidgets.QWidget()
        lay = QtWidgets.QVBoxLayout(area)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(5)
        self._answer_area = area
        self.options = {}
        self.line = None
        q, t = item.question, item.question.answer_type
        if t in TEXT_TYPES:
            lay.addWidget(self._text_field(t, given))
            hint = (
                self.tr("Type, then <b>Enter</b> · <b>Enter</b> on an empty field: still true")
                if can_confirm
                else self.tr("Type, then <b>Enter</b>")
            )
            keys = "/".join(f"<b>Alt+{k}</b>" for k in NO_ANSWER_KEYS.values())
            hint += " · " + self.tr("%1: no answer").replace("%1", keys)
        else:
            checkable = t is AnswerType.MULTI_CHOICE
            chosen: set[str] = set()
            if checkable:
                previous = given if given is not None else _previous(item)
                chosen = set(previous) if isinstance(previous, tuple) else set()
            marks: dict[AnswerValue, str] = {}
            if not checkable and given is not None:
                marks[given] = self.tr("(given just now)")
            elif not checkable and item.state is AnswerState.DUE and item.answer is not None:
                marks[item.answer.value] = self.tr("(last answer)")
            for key, value, words, other in self._choices(q, patient_language):
                shown = f"{words}  {marks[value]}" if value in marks else words
                button = OptionButton(key, shown, other, checkable=checkable, parent=area)
                if checkable:
                    button.setChecked(value in chosen)
                button.clicked.connect(lambda _c=False, k=key: self.sig_option_clicked.emit(k))
                self.options[key] = (button, value)
                lay.addWidget(button)
            hint = self._keys_hint(t, can_confirm)
        self._no_answer_row(lay, item, given, typing=t in TEXT_TYPES)
        self.input_hint.setText(hint)
        self._answer_host.addWidget(area)
        area.show()  # now, not when the layout gets round to it

    def _no_answer_row(
        self,
        lay: QtWidgets.QVBoxLayout,
        item: BoardItem,
        given: AnswerValue | None,
        *,
        typing: bool,
    ) -> None:
        """Declined, could not answer now, not applicable: one key each (Alt+ while typing)."""
        row = QtWidgets.QHBoxLayout()
        row.setSpacing(6)
        title = QtWidgets.QLabel(self.tr("No answer:"))
        title.setObjectName("mutedText")
        row.addWidget(title)
        last = item.answer.value if item.state is AnswerState.DUE and item.answer else None
        self.no_answers = {}
        for reason in NoAnswerReason:
            key = NO_ANSWER_KEYS[reason]
            words = no_answer_text(reason)
            if given == NoAnswer(reason=reason):
                words = f"{words}  {self.tr('(given just now)')}"
            elif given is None and last == NoAnswer(reason=reason):
                words = f"{words}  {self.tr('(last answer)')}"
            cap = f"Alt+{key}" if typing else key
            button = OptionButton(cap, words, None, checkable=False, parent=lay.parentWidget())
            button.setToolTip(no_answer_hint(reason))
            button.clicked.connect(
                lambda _c=False, r=reason.value: self.sig_no_answer_clicked.emit(r)
            )
            self.no_answers[reason] = button
            row.addWidget(button, 1)
        lay.addSpacing(4)
        lay.addLayout(row)

    def _text_field(self, kind: AnswerType, given: AnswerValue | None) -> QtWidgets.QLineEdit:
        line = QtWidgets.QLineEdit()
        line.setAccessibleName(self.tr("Answer"))
        if kind is AnswerType.TIME:
            line.setPlaceholderText(self.tr("A time such as 21:30 — then Enter"))
            metrics = line.fontMetrics()
            line.setMaximumWidth(metrics.horizontalAdvance(line.placeholderText()) + 40)
        else:
            line.setPlaceholderText(self.tr("Type the answer — then Enter"))
        if isinstance(given, str):
            line.setText(given)
        line.installEventFilter(self)
        self.line = line
        return line

    def _keys_hint(self, kind: AnswerType, can_confirm: bool) -> str:
        keys = list(self.options)
        span = f"<b>{keys[0]}</b>–<b>{keys[-1]}</b>" if len(keys) > 1 else f"<b>{keys[0]}</b>"
        if kind is AnswerType.BOOLEAN:
            hint = (
                self.tr("Press %1 or %2")
                .replace("%1", f"<b>{self.yes_key}</b>")
                .replace("%2", f"<b>{self.no_key}</b>")
            )
        elif kind is AnswerType.MULTI_CHOICE:
            hint = self.tr("%1 tick or untick · <b>Enter</b> when done").replace("%1", span)
        else:
            hint = self.tr("Press %1").replace("%1", span)
        if can_confirm:
            hint += " · " + self.tr("<b>S</b> or <b>Enter</b>: still true")
        no_keys = "/".join(f"<b>{k}</b>" for k in NO_ANSWER_KEYS.values())
        return hint + " · " + self.tr("%1: no answer").replace("%1", no_keys)

    def _choices(
        self, q: Question, patient_language: str | None
    ) -> list[tuple[str, AnswerValue, str, str | None]]:
        """(key, value, words, the patient's words if shown) for each option."""
        other = patient_language
        if other == self.language or (other is not None and not has_language(q, other)):
            other = None
        pairs: list[tuple[str, AnswerValue]]
        if q.answer_type is AnswerType.BOOLEAN:
            pairs = [(self.yes_key, True), (self.no_key, False)]
        else:
            pairs = [(key, code) for key, code in keyed_options(q)]
        result: list[tuple[str, AnswerValue, str, str | None]] = []
        for key, value in pairs:
            words = q.format_value(value, self.language)
            theirs = q.format_value(value, other) if other is not None else None
            result.append((key, value, words, theirs if theirs != words else None))
        return result

    def _describe(self, q: Question, progress: str) -> None:
        """What a screen reader says when the question comes up: where, what, how to answer."""
        name = q.text_for(self.language)
        self.question_label.setAccessibleName(name)
        described = [progress, self.state_label.text(), self.input_hint.text()]
        if not self.patient_frame.isHidden():
            described.insert(1, self.patient_question.text())
        plain = QtGui.QTextDocumentFragment.fromHtml(" — ".join(t for t in described if t))
        self.question_label.setAccessibleDescription(plain.toPlainText())
        if self.line is not None:
            self.line.setAccessibleDescription(name)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        # Backspace on an empty answer field goes back, as the hints say.
        if (
            watched is self.line
            and event.type() == QtCore.QEvent.Type.KeyPress
            and isinstance(event, QtGui.QKeyEvent)
            and event.key() == Qt.Key.Key_Backspace
            and not self.typed()
        ):
            self.sig_back_requested.emit()
            return True
        return super().eventFilter(watched, event)


def _previous(item: BoardItem) -> AnswerValue | None:
    return item.answer.value if item.answer is not None else None


def _scaled(font: QtGui.QFont, factor: float, *, bold: bool = False) -> QtGui.QFont:
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font
