"""Board state of one question: valid (don't ask), due (re-confirm), never asked."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pydantic
import pytest

from app.domain import (
    AnswerState,
    AnswerType,
    Category,
    Question,
    Validity,
    ValidityKind,
    answer_state,
)
from tests.conftest import FIXED_NOW

NOW = FIXED_NOW
ADMITTED = NOW - timedelta(days=3)
MICRO = timedelta(microseconds=1)


def _question(validity: Validity) -> Question:
    return Question(
        code="test.question",
        label="Test",
        text="A test question?",
        category=Category(code="test", display="Test"),
        answer_type=AnswerType.BOOLEAN,
        validity=validity,
    )


PERMANENT = _question(Validity(kind=ValidityKind.PERMANENT))
STAY = _question(Validity(kind=ValidityKind.STAY))
SEVEN_DAYS = _question(Validity(kind=ValidityKind.DAYS, days=7))


def _state(question: Question, answered_at: datetime | None) -> AnswerState:
    return answer_state(question, answered_at, admitted_at=ADMITTED, now=NOW)


@pytest.mark.parametrize("question", [PERMANENT, STAY, SEVEN_DAYS], ids=["permanent", "stay", "7d"])
def test_never_asked_whatever_the_rule(question: Question) -> None:
    assert _state(question, None) is AnswerState.NEVER_ASKED


@pytest.mark.parametrize(
    "answered_at",
    [NOW, ADMITTED, ADMITTED - timedelta(days=3650)],
    ids=["now", "at-admission", "ten-years-ago"],
)
def test_permanent_answers_stay_valid(answered_at: datetime) -> None:
    assert _state(PERMANENT, answered_at) is AnswerState.VALID


@pytest.mark.parametrize(
    ("answered_at", "expected"),
    [
        (ADMITTED - timedelta(days=200), AnswerState.DUE),  # an earlier stay
        (ADMITTED - MICRO, AnswerState.DUE),  # just before this admission
        (ADMITTED, AnswerState.VALID),  # at admission counts as this stay
        (ADMITTED + timedelta(hours=1), AnswerState.VALID),
        (NOW, AnswerState.VALID),
    ],
    ids=["earlier-stay", "just-before", "at-admission", "after", "now"],
)
def test_stay_answers_are_due_when_given_before_this_admission(
    answered_at: datetime, expected: AnswerState
) -> None:
    assert _state(STAY, answered_at) is expected


@pytest.mark.parametrize(
    ("answered_at", "expected"),
    [
        (NOW, AnswerState.VALID),
        (NOW - timedelta(days=7) + MICRO, AnswerState.VALID),  # just inside
        (NOW - timedelta(days=7), AnswerState.DUE),  # exactly at the limit
        (NOW - timedelta(days=7) - MICRO, AnswerState.DUE),
        (NOW - timedelta(days=400), AnswerState.DUE),
    ],
    ids=["now", "just-inside", "exactly-at-limit", "just-after", "long-ago"],
)
def test_n_day_answers_lapse_after_n_days(answered_at: datetime, expected: AnswerState) -> None:
    assert _state(SEVEN_DAYS, answered_at) is expected


def test_n_day_rule_ignores_the_admission() -> None:
    # Answered in an earlier stay but within the seven days: still valid.
    answered = ADMITTED - timedelta(days=1)
    assert answered + timedelta(days=7) > NOW
    assert _state(SEVEN_DAYS, answered) is AnswerState.VALID


def test_state_does_not_depend_on_the_time_zone_of_the_input() -> None:
    berlin = (NOW - timedelta(days=7) + MICRO).astimezone(ZoneInfo("Europe/Berlin"))
    assert _state(SEVEN_DAYS, berlin) is AnswerState.VALID


@pytest.mark.parametrize(
    ("validity", "words"),
    [
        (Validity(kind=ValidityKind.PERMANENT), "permanent"),
        (Validity(kind=ValidityKind.STAY), "this stay"),
        (Validity(kind=ValidityKind.DAYS, days=7), "7 days"),
        (Validity(kind=ValidityKind.DAYS, days=365), "365 days"),
    ],
)
def test_validity_describes_itself(validity: Validity, words: str) -> None:
    assert validity.describe() == words


@pytest.mark.parametrize("days", [0, -1])
def test_validity_days_must_be_positive(days: int) -> None:
    with pytest.raises(pydantic.ValidationError):
        Validity(kind=ValidityKind.DAYS, days=days)


def test_validity_days_rule_requires_a_number_of_days() -> None:
    with pytest.raises(pydantic.ValidationError):
        Validity(kind=ValidityKind.DAYS)


@pytest.mark.parametrize(
    "answered_at", [ADMITTED - timedelta(days=400), NOW], ids=["long-ago", "now"]
)
def test_stay_answers_hold_when_the_stay_start_is_unknown(answered_at: datetime) -> None:
    """No known admission (the server gave none): nothing shows the answer is from an
    earlier stay, so it is not re-asked on every sync."""
    state = answer_state(STAY, answered_at, admitted_at=None, now=NOW)
    assert state is AnswerState.VALID


def test_the_state_never_depends_on_the_wall_clock() -> None:
    """The same facts at the same injected instant give the same state, in any year."""
    for years in (0, 1, 30):
        now = NOW + timedelta(days=365 * years)
        assert answer_state(SEVEN_DAYS, now - timedelta(days=6), admitted_at=None, now=now) is (
            AnswerState.VALID
        )
        assert answer_state(SEVEN_DAYS, now - timedelta(days=7), admitted_at=None, now=now) is (
            AnswerState.DUE
        )
