"""What an interview asks, in which order, on which keys, and how far it got (no widgets).

The walk is the board's open questions — never asked, or due for re-confirmation —
grouped by category in catalog order. ``InterviewFlow`` is where the nurse is and what
each question came to in this interview; the dialog shows it, the saver writes it.
"""

from __future__ import annotations

import enum
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain import AnswerState, AnswerType, AnswerValue, NoAnswer, Question
from app.services import BoardItem

CATALOG_LANGUAGE = "en"
"""The catalog's own texts are English; its translations add the other languages."""

PREFERRED_LANGUAGE = "communication.preferred-language"
"""The question whose answer says which language the patient would like to be asked in."""

TEXT_TYPES = (AnswerType.FREE_TEXT, AnswerType.TIME)
"""Answers typed into a field (then Enter) rather than chosen with one key."""

COMMAND_LETTERS = frozenset({"S", "F", "D", "U", "X"})
"""Single keys with a meaning of their own in the interview: S "still true", F "family",
D "declined", U "could not answer now" (unable), X "not applicable"."""


def interview_items(board: Iterable[BoardItem]) -> list[BoardItem]:
    """The open questions, grouped by category in catalog order (the board's order)."""
    items = list(board)
    order: dict[str, int] = {}
    for item in items:
        order.setdefault(item.question.category.code, len(order))
    open_items = [i for i in items if i.state is not AnswerState.VALID]
    return sorted(open_items, key=lambda i: order[i.question.category.code])  # stable


def option_keys(count: int) -> list[str]:
    """The key of each option: 1–9, then letters (skipping the command letters)."""
    letters = [c for c in string.ascii_uppercase if c not in COMMAND_LETTERS]
    return [str(n) for n in range(1, 10)][:count] + letters[: max(0, count - 9)]


def yes_no_keys(yes_word: str, no_word: str) -> tuple[str, str]:
    """The first letters of the words on screen (Y/N, J/N in German); Y/N if they clash."""
    yes, no = yes_word[:1].upper(), no_word[:1].upper()
    if not (yes.isalpha() and no.isalpha()) or yes == no or {yes, no} & COMMAND_LETTERS:
        return "Y", "N"
    return yes, no


_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?\s*$")


def parse_time(text: str) -> str | None:
    """A time as nurses type it ("21:30", "2130", "21.30", "9", "930") as "HH:MM"."""
    match = _TIME.match(text)
    if match is None:
        digits = text.strip()
        if digits.isdigit() and len(digits) in (3, 4):  # "930", "2130"
            match = _TIME.match(f"{digits[:-2]}:{digits[-2:]}")
        if match is None:
            return None
    hours, minutes = int(match.group(1)), int(match.group(2) or 0)
    if hours > 23 or minutes > 59:
        return None
    return f"{hours:02d}:{minutes:02d}"


def patient_language(board: Iterable[BoardItem]) -> str | None:
    """The language the patient would like to be asked in, if an answer or the hospital
    record says so."""
    for item in board:
        if item.question.code == PREFERRED_LANGUAGE:
            value = item.known_value
            return value if isinstance(value, str) and value != "other" else None
    return None


def has_language(question: Question, language: str) -> bool:
    return language == CATALOG_LANGUAGE or language in question.translations


def patient_text(question: Question, patient: str | None, nurse: str) -> str | None:
    """The question in the patient's language, when that differs and the catalog has it."""
    if patient is None or patient == nurse or not has_language(question, patient):
        return None
    return question.text_for(patient)


class Outcome(enum.StrEnum):
    """What a question came to in this interview."""

    ANSWERED = "answered"
    """A new answer (or a changed one for a question due for re-confirmation)."""
    CONFIRMED = "confirmed"
    """Still true: the existing answer confirmed."""
    NO_ANSWER = "no-answer"
    """Asked, but no answer: declined, could not answer now, not applicable."""
    SKIPPED = "skipped"


@dataclass
class InterviewFlow:
    """Where the interview is, and what each question came to (keyed by question code)."""

    items: list[BoardItem]
    position: int = 0
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    given: dict[str, AnswerValue] = field(default_factory=dict)
    """The values given in this interview (shown again when the nurse goes back)."""
    carried: dict[str, int] = field(default_factory=dict)
    """Counts from before a lock, for questions no longer open after it."""

    @property
    def current(self) -> BoardItem | None:
        """The question on screen; ``None`` once the walk is done (the summary)."""
        return self.items[self.position] if self.position < len(self.items) else None

    @property
    def done(self) -> bool:
        return self.position >= len(self.items)

    def _current(self) -> BoardItem:
        item = self.current
        assert item is not None, "no question on screen: the interview is done"
        return item

    def answer(self, value: AnswerValue) -> None:
        item = self._current()
        self.given[item.question.code] = value
        no_answer = isinstance(value, NoAnswer)
        self.outcomes[item.question.code] = Outcome.NO_ANSWER if no_answer else Outcome.ANSWERED
        self.position += 1

    def confirm(self) -> None:
        item = self._current()
        assert item.answer is not None
        self.given[item.question.code] = item.answer.value
        self.outcomes[item.question.code] = Outcome.CONFIRMED
        self.position += 1

    def keep(self) -> None:
        """Go on past a question answered earlier in this interview, leaving it as it is."""
        self.position += 1

    def skip(self) -> None:
        item = self._current()
        self.outcomes.setdefault(item.question.code, Outcome.SKIPPED)
        self.position += 1

    def back(self) -> bool:
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def refused(self, code: str) -> None:
        """A save was refused: the question counts as not answered in this interview."""
        self.given.pop(code, None)
        self.outcomes[code] = Outcome.SKIPPED

    def count(self, outcome: Outcome) -> int:
        here = sum(1 for o in self.outcomes.values() if o is outcome)
        return here + self.carried.get(outcome.value, 0)

    def skipped_items(self) -> list[BoardItem]:
        """The questions left open: skipped, or not reached when the interview was closed."""
        return [
            i
            for i in self.items
            if self.outcomes.get(i.question.code, Outcome.SKIPPED) is Outcome.SKIPPED
        ]

    def progress(self) -> tuple[int, int]:
        """(number of the question on screen, counting from 1; how many there are)."""
        return min(self.position + 1, len(self.items)), len(self.items)

    # --- across a lock (see ``ui.base.drafts``) -------------------------------------------

    def state(self) -> dict[str, Any]:
        """What a new interview over the refreshed chart needs to go on from here."""
        current = self.current
        return {
            "at": current.question.code if current is not None else None,
            "skipped": [c for c, o in self.outcomes.items() if o is Outcome.SKIPPED],
            "counts": {
                o.value: self.count(o)
                for o in (Outcome.ANSWERED, Outcome.CONFIRMED, Outcome.NO_ANSWER)
            },
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Go on where a locked interview stopped; answers saved before are no longer open."""
        codes = [i.question.code for i in self.items]
        at = state.get("at")
        self.position = codes.index(at) if at in codes else len(codes)
        skipped = state.get("skipped", [])
        for code in skipped if isinstance(skipped, list) else []:
            if code in codes:
                self.outcomes[code] = Outcome.SKIPPED
        counts = state.get("counts", {})
        if isinstance(counts, dict):
            self.carried = {str(k): int(v) for k, v in counts.items() if isinstance(v, int)}


def keyed_options(question: Question) -> Sequence[tuple[str, str]]:
    """(key, option code) for a choice or multi-choice question, in catalog order."""
    codes = [o.code for o in question.options]
    return list(zip(option_keys(len(codes)), codes, strict=True))
