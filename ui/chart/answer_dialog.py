"""Recording or correcting one answer: the input fits the question's answer type."""

from __future__ import annotations

from datetime import datetime

from app.domain import Answer, AnswerType, AnswerValue, NoAnswer, NoAnswerReason, Question, Source
from ui.base.style import relative_time
from ui.base.words import NO_ANSWER_KEYS, no_answer_hint, no_answer_text, source_text
from ui.qt import Qt, QtCore, QtWidgets


class AnswerDialog(QtWidgets.QDialog):
    """Ask the question, take the answer, say where it came from."""

    def __init__(
        self,
        question: Question,
        previous: Answer | None,
        *,
        correcting: bool,
        language: str = "en",
        as_of: datetime | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self._correcting = correcting
        self.setWindowTitle(self.tr("Correct answer") if correcting else self.tr("Record answer"))
        self.setMinimumWidth(460)
        layout = QtWidgets.QVBoxLayout(self)

        self._language = language
        category = QtWidgets.QLabel(question.category.display_for(language).upper())
        category.setObjectName("mutedText")
        layout.addWidget(category)
        asked = QtWidgets.QLabel(question.text_for(language))
        asked.setWordWrap(True)
        font = asked.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        asked.setFont(font)
        asked.setAccessibleName(self.tr("Question"))
        layout.addWidget(asked)
        self._layout = layout
        self.record_label: QtWidgets.QLabel | None = None

        if previous is not None:
            before = QtWidgets.QLabel(
                self.tr("Previous answer: %1 — %2, %3")
                .replace("%1", question.format_value(previous.value, language))
                .replace("%2", previous.provenance.recorded_by.display_name)
                .replace("%3", relative_time(previous.effective_at, as_of))
            )
            before.setWordWrap(True)
            before.setObjectName("mutedText")
            layout.addWidget(before)

        self._input_box = QtWidgets.QGroupBox(self.tr("Answer"))
        self._input_layout = QtWidgets.QVBoxLayout(self._input_box)
        layout.addWidget(self._input_box)
        self._buttons_group: QtWidgets.QButtonGroup | None = None
        self._checks: list[QtWidgets.QCheckBox] = []
        self._line: QtWidgets.QLineEdit | None = None
        self._text: QtWidgets.QPlainTextEdit | None = None
        self._time: QtWidgets.QTimeEdit | None = None
        self._no_answer_buttons: dict[NoAnswerReason, QtWidgets.QRadioButton] = {}
        self._build_input(previous.value if previous is not None else None)
        self._build_no_answer(previous.value if previous is not None else None)

        form = QtWidgets.QFormLayout()
        self._source = QtWidgets.QComboBox()
        for source in Source:
            self._source.addItem(source_text(source), source)
        self._source.setAccessibleName(self.tr("Source of the answer"))
        form.addRow(self.tr("Answer given by:"), self._source)
        self._note = QtWidgets.QLineEdit()
        self._note.setAccessibleName(self.tr("Note"))
        self._note.setPlaceholderText(
            self.tr("Why it changed (optional)") if correcting else self.tr("Optional note")
        )
        form.addRow(self.tr("Note:"), self._note)
        layout.addLayout(form)

        self._button_box = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        self._button_box.accepted.connect(self.accept)
        self._button_box.rejected.connect(self.reject)
        layout.addWidget(self._button_box)
        self._update_ok()

    def show_record(self, value: str, source: str) -> None:
        """Say what the hospital's record already says, under the question (worded by the
        board: "Yes (Lactose)", "hospital allergy list, 12 Mar 2025")."""
        if self.record_label is None:
            self.record_label = QtWidgets.QLabel()
            self.record_label.setObjectName("mutedText")
            self.record_label.setWordWrap(True)
            self._layout.insertWidget(2, self.record_label)
        text = self.tr("Hospital record: %1 — %2").replace("%1", value).replace("%2", source)
        self.record_label.setText(text)
        self.record_label.setAccessibleName(text)

    # --- input per answer type ------------------------------------------------------

    def _build_input(self, previous: AnswerValue | None) -> None:
        t = self.question.answer_type
        lay = self._input_layout
        if t in (AnswerType.CHOICE, AnswerType.CONTACT_METHOD, AnswerType.BOOLEAN):
            self._buttons_group = QtWidgets.QButtonGroup(self)
            choices: list[tuple[str, object]]
            if t is AnswerType.BOOLEAN:
                choices = [(self.tr("Yes"), True), (self.tr("No"), False)]
            else:
                choices = [(o.display_for(self._language), o.code) for o in self.question.options]
            for i, (label, value) in enumerate(choices):
                radio = QtWidgets.QRadioButton(label)
                radio.setProperty("answer_value", value)
                radio.setAccessibleName(label)
                if previous is not None and previous == value and self._correcting:
                    radio.setChecked(True)
                self._buttons_group.addButton(radio, i)
                lay.addWidget(radio)
            self._buttons_group.buttonToggled.connect(lambda *_: self._update_ok())
        elif t is AnswerType.MULTI_CHOICE:
            chosen = set(previous) if isinstance(previous, tuple) and self._correcting else set()
            for option in self.question.options:
                box = QtWidgets.QCheckBox(option.display_for(self._language))
                box.setProperty("answer_value", option.code)
                box.setAccessibleName(option.display_for(self._language))
                box.setChecked(option.code in chosen)
                box.toggled.connect(lambda *_: self._update_ok())
                self._checks.append(box)
                lay.addWidget(box)
        elif t is AnswerType.TIME:
            self._time = QtWidgets.QTimeEdit()
            self._time.setDisplayFormat("HH:mm")
            self._time.setAccessibleName(self.tr("Time"))
            start = previous if isinstance(previous, str) and self._correcting else "21:00"
            self._time.setTime(QtCore.QTime.fromString(start, "HH:mm"))
            lay.addWidget(self._time)
        else:
            self._text = QtWidgets.QPlainTextEdit()
            self._text.setTabChangesFocus(True)
            self._text.setAccessibleName(self.tr("Answer text"))
            self._text.setFixedHeight(self._text.fontMetrics().lineSpacing() * 5)
            if isinstance(previous, str) and self._correcting:
                self._text.setPlainText(previous)
            self._text.textChanged.connect(self._update_ok)
            lay.addWidget(self._text)

    def _build_no_answer(self, previous: AnswerValue | None) -> None:
        """Asked, but no answer: declined, could not answer now, not applicable — each on
        one key (Alt+D, Alt+U, Alt+X), as in the interview."""
        box = QtWidgets.QGroupBox(self.tr("Or, asked but no answer"))
        box_layout = QtWidgets.QHBoxLayout(box)
        self._no_answer_group = QtWidgets.QButtonGroup(self)
        self._no_answer_group.setExclusive(False)  # a second press takes the choice back
        for reason in NoAnswerReason:
            words = no_answer_text(reason)
            radio = QtWidgets.QRadioButton(_with_mnemonic(words, NO_ANSWER_KEYS[reason]))
            radio.setAccessibleName(words)
            radio.setToolTip(no_answer_hint(reason))
            radio.setChecked(
                self._correcting and isinstance(previous, NoAnswer) and previous.reason is reason
            )
            self._no_answer_group.addButton(radio)
            self._no_answer_buttons[reason] = radio
            box_layout.addWidget(radio)
        self._no_answer_group.buttonToggled.connect(self._no_answer_toggled)
        layout = self.layout()
        assert layout is not None
        layout.addWidget(box)
        self._input_box.setEnabled(self.result_no_answer() is None)

    def _no_answer_toggled(self, button: QtWidgets.QAbstractButton, checked: bool) -> None:
        if checked:  # one reason at a time
            for other in self._no_answer_buttons.values():
                if other is not button and other.isChecked():
                    other.setChecked(False)
        # A reason instead of an answer: the answer's input waits until the reason is taken back.
        self._input_box.setEnabled(self.result_no_answer() is None)
        self._update_ok()

    def result_no_answer(self) -> NoAnswer | None:
        for reason, radio in self._no_answer_buttons.items():
            if radio.isChecked():
                return NoAnswer(reason=reason)
        return None

    def _update_ok(self) -> None:
        self._button_box.button(QtWidgets.QDialogButtonBox.StandardButton.Save).setEnabled(
            self.result_value() is not None
        )

    def result_value(self) -> AnswerValue | None:
        """The answer as the core expects it, or None while the input is incomplete."""
        no_answer = self.result_no_answer()
        if no_answer is not None:
            return no_answer
        if self._buttons_group is not None:
            checked = self._buttons_group.checkedButton()
            value = checked.property("answer_value") if checked else None
            return value if isinstance(value, (bool, str)) else None
        if self._checks:
            codes = tuple(str(b.property("answer_value")) for b in self._checks if b.isChecked())
            return codes or None
        if self._time is not None:
            return str(self._time.time().toString("HH:mm"))
        assert self._text is not None
        text = self._text.toPlainText().strip()
        return text or None

    def result_source(self) -> Source:
        data = self._source.currentData()
        return data if isinstance(data, Source) else Source.PATIENT

    def result_note(self) -> str:
        return self._note.text().strip()

    # Used by tests and keyboard users alike: pick an option by its code.
    def choose(self, value: object) -> None:
        if isinstance(value, NoAnswer):
            self._no_answer_buttons[value.reason].setChecked(True)
            return
        if self._buttons_group is not None:
            for button in self._buttons_group.buttons():
                if button.property("answer_value") == value:
                    button.setChecked(True)
        for box in self._checks:
            if isinstance(value, tuple) and box.property("answer_value") in value:
                box.setChecked(True)
        if self._text is not None and isinstance(value, str):
            self._text.setPlainText(value)
        if self._time is not None and isinstance(value, str):
            self._time.setTime(QtCore.QTime.fromString(value, "HH:mm"))


def _with_mnemonic(words: str, key: str) -> str:
    """``words`` with ``key`` as its Alt+ mnemonic: underlined where the letter occurs, else
    added in brackets (a translation may not contain the letter)."""
    at = words.upper().find(key.upper())
    if at < 0:
        return f"{words} (&{key})"
    return f"{words[:at]}&{words[at:]}"


class ErrorReasonDialog(QtWidgets.QInputDialog):
    """Asks why an answer is marked entered-in-error (a reason is required)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark as entered in error"))
        self.setLabelText(
            self.tr("Why is this answer wrong? (for example: recorded for the wrong patient)")
        )
        self.setInputMode(QtWidgets.QInputDialog.InputMode.TextInput)
        self.setOption(QtWidgets.QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        self.setWindowModality(Qt.WindowModality.WindowModal)
