"""The admission interview: the patient's open questions, one after another, one key each.

Keys (also on screen): the number (or letter) on an option answers a choice; Y/N — the
first letters of the words shown, J/N in German — a yes/no question; numbers toggle a
multiple choice and Enter takes it; free text and times are typed, then Enter. For an
answer due for re-confirmation S or Enter says "still true". D, U and X (Alt+D, Alt+U,
Alt+X while typing) say the question was asked but has no answer: declined, could not
answer now, not applicable. Alt+← (or Backspace on an
empty field) goes back, Alt+→ skips, Alt+F switches the source to family and back, Esc
closes. Every answer is saved at once (``saving.py``); the dialog opens with ``open()``,
and a lock closes it after keeping where it was (``ui.base.drafts``), so the interview
goes on there after the unlock.
"""

from __future__ import annotations

import html
from typing import Any

from app.domain import AnswerState, AnswerType, AnswerValue, NoAnswer, NoAnswerReason, Source
from app.services import BoardItem, PatientChart
from ui.base.words import NO_ANSWER_KEYS, source_text
from ui.interview.plan import (
    PREFERRED_LANGUAGE,
    TEXT_TYPES,
    InterviewFlow,
    Outcome,
    interview_items,
    parse_time,
    patient_language,
    yes_no_keys,
)
from ui.interview.question_page import QuestionPage
from ui.interview.saving import InterviewSaver
from ui.interview.widgets import STYLE, summary_html
from ui.operations.chart import ChartActions
from ui.qt import Qt, QtGui, QtWidgets

INTERVIEW_DRAFT_KIND = "interview"
"""Names the interview in a draft kept across a lock (see ``ui.base.drafts``)."""

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SUMMARY_LIST = 10
"""At most this many lines name the questions still open (the board lists them all)."""


class InterviewBody(QtWidgets.QWidget):
    """Everything inside the dialog; across a lock it hands over the interview's state.

    A ``DraftPart`` (``ui.base.drafts``): the fields change with every question, so the
    state is where the interview is and what is typed, not field values by position.
    """

    def __init__(self, dialog: InterviewDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def draft_state(self) -> Any:
        return self._dialog.draft_state()

    def restore_draft_state(self, state: Any) -> None:
        if isinstance(state, dict):
            self._dialog.restore_draft_state(state)


class InterviewDialog(QtWidgets.QDialog):
    """One patient's open questions, keyboard first; each answer saved when it is given."""

    def __init__(
        self,
        chart: PatientChart,
        actions: ChartActions,
        *,
        language: str = "en",
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.patient_id = chart.patient.id
        self.language = language
        self._as_of = chart.as_of
        self._patient_language = patient_language(chart.board)
        self.flow = InterviewFlow(interview_items(chart.board))
        self.saver = InterviewSaver(
            actions.tasks,
            actions.service,
            self.patient_id,
            self.flow.items,
            on_saved=self._saved,
            on_refused=self._refused,
        )
        self.last_code: str | None = None
        """The question last on screen (the board puts the keyboard there afterwards)."""
        self._refusals: list[str] = []
        # The core words a boolean answer (the board shows the same words): Yes/No, Ja/Nein.
        any_question = chart.board[0].question if chart.board else None
        yes, no = (
            (any_question.format_value(True, language), any_question.format_value(False, language))
            if any_question is not None
            else ("Yes", "No")
        )
        self._yes_no_keys = yes_no_keys(yes, no)

        self.setWindowTitle(
            self.tr("Ask the open questions — %1").replace("%1", chart.patient.display_name)
        )
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(760, 600)
        self.setStyleSheet(STYLE)
        self._build(chart)
        self.finished.connect(lambda _result: self.saver.detach())
        self._show_current()

    # --- construction ---------------------------------------------------------------------

    def _build(self, chart: PatientChart) -> None:
        outer = QtWidgets.QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = InterviewBody(self)
        outer.addWidget(self.body)
        layout = QtWidgets.QVBoxLayout(self.body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)

        top = QtWidgets.QHBoxLayout()
        self.progress_label = QtWidgets.QLabel()
        font = self.progress_label.font()
        font.setBold(True)
        self.progress_label.setFont(font)
        self.progress_label.setAccessibleName(self.tr("Progress"))
        top.addWidget(self.progress_label, 1)
        bed = chart.patient.bed
        who = chart.patient.display_name + (
            "  ·  " + self.tr("Bed %1").replace("%1", bed) if bed else ""
        )
        patient = QtWidgets.QLabel(who)
        patient.setObjectName("mutedText")
        top.addWidget(patient)
        layout.addLayout(top)
        self.progress_bar = QtWidgets.QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(6)
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        layout.addWidget(self.progress_bar)

        self.pages = QtWidgets.QStackedWidget()
        layout.addWidget(self.pages, 1)
        self.page = QuestionPage(
            language=self.language, yes_no_keys=self._yes_no_keys, parent=self.pages
        )
        self.page.sig_option_clicked.connect(lambda key: self._option_key(key, clicked=True))
        self.page.sig_back_requested.connect(self.back)
        self.page.sig_no_answer_clicked.connect(lambda r: self.no_answer(NoAnswerReason(r)))
        self.pages.addWidget(self.page)
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary.setAccessibleName(self.tr("Interview summary"))
        self.pages.addWidget(self.summary)

        bottom = QtWidgets.QHBoxLayout()
        # Not a mnemonic: that would take the keyboard away from the answer field.
        self.family = QtWidgets.QCheckBox(self.tr("Answers given by family (Alt+F)"))
        self.family.setAccessibleName(self.tr("Answers given by family"))
        self.family.setToolTip(
            self.tr("Off: the patient answers. On: a family member answers for the patient.")
        )
        self.family.toggled.connect(lambda _on: self._show_source())
        bottom.addWidget(self.family)
        self.source_label = QtWidgets.QLabel()
        self.source_label.setObjectName("mutedText")
        bottom.addWidget(self.source_label, 1)
        layout.addLayout(bottom)

        buttons = QtWidgets.QHBoxLayout()
        self.back_button = self._command(self.tr("◀  Back   Alt+←"), self.tr("Back"), self.back)
        self.skip_button = self._command(self.tr("Skip   Alt+→  ▶"), self.tr("Skip"), self.skip)
        self.still_true_button = self._command(
            self.tr("Still true   S"), self.tr("Still true"), self.still_true
        )
        self.close_button = self._command(self.tr("Close   Esc"), self.tr("Close"), self.reject)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.still_true_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        for keys, slot in (
            ("Alt+Left", self.back),
            ("Alt+Right", self.skip),
            ("Alt+F", self.family.toggle),
        ):
            QtGui.QShortcut(QtGui.QKeySequence(keys), self, slot)
        for reason, key in NO_ANSWER_KEYS.items():
            QtGui.QShortcut(
                QtGui.QKeySequence(f"Alt+{key}"), self, lambda r=reason: self.no_answer(r)
            )
        self._show_source()

    def _command(self, text: str, name: str, slot: Any) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- showing a question -----------------------------------------------------------------

    @property
    def source(self) -> Source:
        return Source.FAMILY if self.family.isChecked() else Source.PATIENT

    def _show_source(self) -> None:
        self.source_label.setText(
            self.tr("Recorded as given by: %1").replace("%1", source_text(self.source))
        )

    def _show_current(self, feedback: str = "") -> None:
        item = self.flow.current
        number, total = self.flow.progress()
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(self.flow.position)
        self.back_button.setEnabled(self.flow.position > 0)
        if item is None:
            self._show_summary()
            return
        self.last_code = item.question.code
        q = item.question
        category = q.category.display_for(self.language)
        self.progress_label.setText(
            self.tr("%1 of %2 · %3")
            .replace("%1", str(number))
            .replace("%2", str(total))
            .replace("%3", category)
        )
        self.pages.setCurrentIndex(0)
        self.skip_button.setEnabled(True)
        self.family.setEnabled(True)
        can_confirm = self._can_confirm(item)
        self.page.show_question(
            item,
            given=self.flow.given.get(q.code),
            can_confirm=can_confirm,
            patient_language=self._patient_language,
            as_of=self._as_of,
            progress=self.progress_label.text(),
        )
        self.page.feedback.setText(feedback)
        self.still_true_button.setVisible(can_confirm)
        # In a text field S is a letter: there Enter on the empty field says "still true".
        typing = q.answer_type in TEXT_TYPES
        self.still_true_button.setText(
            self.tr("Still true   Enter") if typing else self.tr("Still true   S")
        )

    def _can_confirm(self, item: BoardItem) -> bool:
        """Still true fits a question due for re-confirmation, not yet answered here."""
        return (
            item.state is AnswerState.DUE
            and item.answer is not None
            and item.question.code not in self.flow.given
        )

    # --- the summary --------------------------------------------------------------------------

    def _show_summary(self) -> None:
        self.pages.setCurrentIndex(1)
        total = len(self.flow.items)
        self.progress_label.setText(
            self.tr("%1 of %2 · Done").replace("%1", str(total)).replace("%2", str(total))
        )
        self.skip_button.setEnabled(False)
        self.still_true_button.setVisible(False)
        self.family.setEnabled(False)
        self._fill_summary()
        self.summary.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_summary(self) -> None:
        skipped = self.flow.skipped_items()
        lines = [
            (self.tr("Answered"), str(self.flow.count(Outcome.ANSWERED))),
            (self.tr("Still true"), str(self.flow.count(Outcome.CONFIRMED))),
        ]
        if self.flow.count(Outcome.NO_ANSWER):
            lines.append((self.tr("Asked, no answer"), str(self.flow.count(Outcome.NO_ANSWER))))
        lines.append((self.tr("Skipped"), str(len(skipped))))
        if self.saver.pending:
            lines.append((self.tr("Saving…"), str(self.saver.pending)))
        title = self.tr("All open questions asked") if not skipped else self.tr("Interview done")
        labels = [i.question.label_for(self.language) for i in skipped]
        if len(labels) > SUMMARY_LIST:
            more = len(labels) - SUMMARY_LIST + 1
            labels = [
                *labels[: SUMMARY_LIST - 1],
                self.tr("… and %1 more").replace("%1", str(more)),
            ]
        text = summary_html(title, lines, labels, self.tr("Still open:"))
        saved = (
            self.tr("Every answer is saved on this workstation.")
            if not self.saver.pending
            else self.tr("Saving the last answers…")
        )
        text += f"<p>{_escaped(saved)}</p>"
        for refusal in self._refusals:
            text += f"<p style='color:#b45309'>{_escaped(refusal)}</p>"
        text += "<p>" + self.tr("<b>Enter</b>: back to the board") + "</p>"
        self.summary.setText(text)
        self.summary.setAccessibleDescription(
            QtGui.QTextDocumentFragment.fromHtml(text).toPlainText()
        )

    def summary_line(self) -> str:
        """One line for the status bar: what the interview came to."""
        if self.flow.count(Outcome.NO_ANSWER):
            return (
                self.tr("Interview: %1 answered, %2 still true, %3 without an answer, %4 skipped")
                .replace("%1", str(self.flow.count(Outcome.ANSWERED)))
                .replace("%2", str(self.flow.count(Outcome.CONFIRMED)))
                .replace("%3", str(self.flow.count(Outcome.NO_ANSWER)))
                .replace("%4", str(len(self.flow.skipped_items())))
            )
        return (
            self.tr("Interview: %1 answered, %2 still true, %3 skipped")
            .replace("%1", str(self.flow.count(Outcome.ANSWERED)))
            .replace("%2", str(self.flow.count(Outcome.CONFIRMED)))
            .replace("%3", str(len(self.flow.skipped_items())))
        )

    # --- answering ------------------------------------------------------------------------

    def _option_key(self, key: str, *, clicked: bool = False) -> None:
        item = self.flow.current
        if item is None or key not in self.page.options:
            return
        button, value = self.page.options[key]
        if item.question.answer_type is AnswerType.MULTI_CHOICE:
            if not clicked:  # a click has toggled the button already
                button.setChecked(not button.isChecked())
            self.page.feedback.setText("")
            return
        self._give(item, value)

    def _give(self, item: BoardItem, value: AnswerValue) -> None:
        """An answer for the question on screen: saved, unless nothing changed."""
        code = item.question.code
        if code in self.flow.given:
            if value == self.flow.given[code]:
                self.flow.keep()
                self._show_current()
                return
        elif self._can_confirm(item) and item.answer is not None and value == item.answer.value:
            self.still_true()
            return
        self.flow.answer(value)
        self.saver.answer(code, value, self.source)
        if code == PREFERRED_LANGUAGE and isinstance(value, str):
            self._patient_language = value if value != "other" else None
        self._show_current()

    def no_answer(self, reason: NoAnswerReason) -> None:
        """Asked, but no answer (declined, could not answer now, not applicable): saved as
        an answer in its own right, so the next nurse does not ask again too soon."""
        item = self.flow.current
        if item is None:
            return
        self._give(item, NoAnswer(reason=reason))

    def still_true(self) -> None:
        item = self.flow.current
        if item is None or not self._can_confirm(item):
            return
        self.flow.confirm()
        self.saver.confirm(item.question.code, self.source)
        self._show_current()

    def enter(self) -> None:
        """Enter: take what is typed or ticked; on a question due, "still true"."""
        item = self.flow.current
        if item is None:
            self.accept()
            return
        focused = QtWidgets.QApplication.focusWidget()
        if isinstance(focused, QtWidgets.QPushButton) and self.isAncestorOf(focused):
            focused.click()  # Enter on a button presses it, as everywhere else
            return
        t = item.question.answer_type
        code = item.question.code
        if t in TEXT_TYPES:
            typed = self.page.typed().strip()
            if not typed:
                self._nothing_given(item)
                return
            value: str | None = parse_time(typed) if t is AnswerType.TIME else typed
            if value is None:
                self.page.feedback.setText(self.tr("Please type a time such as 21:30 or 2130."))
                return
            self._give(item, value)
        elif t is AnswerType.MULTI_CHOICE:
            ticked = self.page.ticked()
            if not ticked:
                self._nothing_given(item)
                return
            previous = _previous(item)
            if (
                code not in self.flow.given
                and self._can_confirm(item)
                and (isinstance(previous, tuple) and set(previous) == set(ticked))
            ):
                self.still_true()
                return
            self._give(item, ticked)
        else:
            self._nothing_given(item)

    def _nothing_given(self, item: BoardItem) -> None:
        """Enter without an answer: still true, go on past an earlier answer, or say how."""
        if self._can_confirm(item):
            self.still_true()
        elif item.question.code in self.flow.given:
            self.flow.keep()
            self._show_current()
        else:
            self.page.feedback.setText(
                self.tr("Nothing chosen yet. Answer with the keys shown, or skip (Alt+→).")
            )

    def skip(self) -> None:
        if self.flow.current is None:
            return
        self.flow.skip()
        self._show_current()

    def back(self) -> None:
        if self.flow.back():
            self._show_current()
        else:
            self.page.feedback.setText(self.tr("This is the first question."))

    # --- keys ---------------------------------------------------------------------------

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        if self._key(event):
            event.accept()
            return
        super().keyPressEvent(event)  # Esc closes

    def _key(self, event: QtGui.QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        key = event.key()
        if key in ENTER_KEYS:
            self.enter()
            return True
        current = self.flow.current
        if current is None:
            return False
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Left):
            self.back()
            return True
        if key == Qt.Key.Key_Right:
            self.skip()
            return True
        text = event.text().upper()
        if text in self.page.options:
            self._option_key(text)
            return True
        if text == "S":
            self.still_true()
            return True
        reason = next((r for r, k in NO_ANSWER_KEYS.items() if k == text), None)
        if reason is not None and current.question.answer_type not in TEXT_TYPES:
            self.no_answer(reason)
            return True
        if text == "F":
            self.family.toggle()
            return True
        return False

    # --- saving -------------------------------------------------------------------------------

    def _saved(self, _code: str) -> None:
        if self.flow.done:
            self._fill_summary()

    def _refused(self, code: str, message: str) -> None:
        self.flow.refused(code)
        label = next(
            (
                i.question.label_for(self.language)
                for i in self.flow.items
                if i.question.code == code
            ),
            code,
        )
        text = self.tr("Not saved: %1 — %2").replace("%1", label).replace("%2", message)
        self._refusals.append(text)
        if self.flow.done:
            self._fill_summary()
        else:
            self.page.feedback.setText(text)

    # --- across a lock ------------------------------------------------------------------------

    def draft_state(self) -> dict[str, Any]:
        state = self.flow.state()
        state["typed"] = self.page.typed()
        state["ticked"] = list(self.page.ticked())
        state["family"] = self.family.isChecked()
        return state

    def restore_draft_state(self, state: dict[str, Any]) -> None:
        self.flow.restore(state)
        self.family.setChecked(bool(state.get("family")))
        self._show_current()
        typed, ticked = state.get("typed"), state.get("ticked")
        self.page.put_back(
            typed if isinstance(typed, str) else "",
            [str(t) for t in ticked] if isinstance(ticked, list) else [],
        )


def _previous(item: BoardItem) -> AnswerValue | None:
    return item.answer.value if item.answer is not None else None


def _escaped(text: str) -> str:
    return html.escape(text)
