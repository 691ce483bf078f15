"""Board state of one question: valid (don't ask), due (re-confirm), never asked."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pydantic
import pytest

from app.domain import (
    ASK_AGAIN_SOON,
    AnswerState,
    AnswerType,
    Category,
    NoAnswer,
    NoAnswerReason,
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


# --- asked, but no answer ---------------------------------------------------------------

ALL_RULES = pytest.mark.parametrize(
    "question", [PERMANENT, STAY, SEVEN_DAYS], ids=["permanent", "stay", "7d"]
)


def _no_answer(
    question: Question, answered_at: datetime, reason: NoAnswerReason, admitted: datetime | None
) -> AnswerState:
    return answer_state(question, answered_at, admitted_at=admitted, now=NOW, no_answer=reason)


@ALL_RULES
@pytest.mark.parametrize("reason", list(NoAnswerReason))
def test_asked_without_an_answer_is_never_not_asked(
    question: Question, reason: NoAnswerReason
) -> None:
    assert _no_answer(question, NOW, reason, ADMITTED) is AnswerState.VALID


@ALL_RULES
def test_declined_holds_this_stay_and_is_asked_again_next_stay(question: Question) -> None:
    declined = NoAnswerReason.DECLINED
    assert _no_answer(question, ADMITTED + MICRO, declined, ADMITTED) is AnswerState.VALID
    assert _no_answer(question, ADMITTED - MICRO, declined, ADMITTED) is AnswerState.DUE
    # No known start of the stay: as "this stay" answers, it holds (never re-asked each sync).
    assert _no_answer(question, ADMITTED - MICRO, declined, None) is AnswerState.VALID


def test_declined_never_holds_longer_than_the_question_itself() -> None:
    long_stay = NOW - timedelta(days=30)
    eight_days = NOW - timedelta(days=8)
    assert _no_answer(SEVEN_DAYS, eight_days, NoAnswerReason.DECLINED, long_stay) is AnswerState.DUE


@ALL_RULES
def test_could_not_answer_now_is_asked_again_by_the_next_shift(question: Question) -> None:
    unknown = NoAnswerReason.UNKNOWN
    just_under = NOW - ASK_AGAIN_SOON + MICRO
    assert timedelta(hours=8) == ASK_AGAIN_SOON
    assert _no_answer(question, just_under, unknown, ADMITTED) is AnswerState.VALID
    assert _no_answer(question, NOW - ASK_AGAIN_SOON, unknown, ADMITTED) is AnswerState.DUE
    assert _no_answer(question, NOW - ASK_AGAIN_SOON, unknown, None) is AnswerState.DUE


def test_not_applicable_holds_as_an_answer_would() -> None:
    na = NoAnswerReason.NOT_APPLICABLE
    long_ago = ADMITTED - timedelta(days=3650)
    assert _no_answer(PERMANENT, long_ago, na, ADMITTED) is AnswerState.VALID
    assert _no_answer(STAY, ADMITTED - MICRO, na, ADMITTED) is AnswerState.DUE
    assert _no_answer(SEVEN_DAYS, NOW - timedelta(days=6), na, ADMITTED) is AnswerState.VALID
    assert _no_answer(SEVEN_DAYS, NOW - timedelta(days=7), na, ADMITTED) is AnswerState.DUE


def test_no_answer_in_words_and_never_a_no() -> None:
    declined = NoAnswer(reason=NoAnswerReason.DECLINED)
    assert PERMANENT.format_value(declined) == "Declined"
    assert PERMANENT.format_value(declined, "de") == "Abgelehnt"
    assert PERMANENT.format_value(NoAnswer(reason=NoAnswerReason.UNKNOWN)) == (
        "Could not answer now"
    )
    assert PERMANENT.format_value(NoAnswer(reason=NoAnswerReason.NOT_APPLICABLE), "de") == (
        "Trifft nicht zu"
    )
    assert PERMANENT.says_absent(declined) is False
