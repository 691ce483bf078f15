"""What the interview asks and on which keys, without a screen."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain import (
    Actor,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerState,
    AnswerValue,
    Catalog,
    Provenance,
    RecordFact,
    RevisionStatus,
    Source,
)
from app.services import BoardItem
from tests.conftest import FIXED_NOW
from ui.interview.plan import (
    PREFERRED_LANGUAGE,
    InterviewFlow,
    Outcome,
    interview_items,
    option_keys,
    parse_time,
    patient_language,
    patient_text,
    yes_no_keys,
)


def _answer(code: str, value: AnswerValue) -> Answer:
    prov = Provenance(
        recorded_by=Actor(user_id="u", display_name="Leyla Demir"),
        recorded_at=FIXED_NOW - timedelta(days=3),
        source=Source.PATIENT,
    )
    return Answer(
        id=f"a-{code}",
        patient_id="p",
        question_code=code,
        value=value,
        status=RevisionStatus.CURRENT,
        effective_at=prov.recorded_at,
        provenance=prov,
        history=(
            AnswerRevision(
                action=AnswerAction.RECORDED,
                value=value,
                provenance=prov,
                status=RevisionStatus.CURRENT,
            ),
        ),
    )


def _board(catalog: Catalog, states: dict[str, AnswerState]) -> list[BoardItem]:
    items = []
    for q in catalog.questions:
        state = states.get(q.code, AnswerState.VALID)
        answer = None if state is AnswerState.NEVER_ASKED else _answer(q.code, "x")
        items.append(BoardItem(question=q, state=state, answer=answer))
    return items


def test_the_walk_is_the_open_questions_by_category_in_catalog_order(catalog: Catalog) -> None:
    codes = [q.code for q in catalog.questions]
    chosen = {codes[-1]: AnswerState.DUE, codes[0]: AnswerState.NEVER_ASKED}
    chosen[codes[7]] = AnswerState.NEVER_ASKED
    items = interview_items(_board(catalog, chosen))
    assert [i.question.code for i in items] == [codes[0], codes[7], codes[-1]]


def test_option_keys_are_digits_then_letters_without_the_command_letters() -> None:
    assert option_keys(3) == ["1", "2", "3"]
    keys = option_keys(30)
    assert keys[:9] == [str(n) for n in range(1, 10)]
    assert keys[9:12] == ["A", "B", "C"]
    assert "S" not in keys  # "still true"
    assert "F" not in keys  # "family"
    assert len(set(keys)) == 30


def test_yes_and_no_keys_are_the_first_letters_of_the_words_shown() -> None:
    assert yes_no_keys("Yes", "No") == ("Y", "N")
    assert yes_no_keys("Ja", "Nein") == ("J", "N")
    assert yes_no_keys("Si", "Sì") == ("Y", "N")  # a clash (and S is "still true")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("21:30", "21:30"),
        ("2130", "21:30"),
        ("21.30", "21:30"),
        ("930", "09:30"),
        ("9", "09:00"),
        (" 7:05 ", "07:05"),
        ("24:00", None),
        ("21:75", None),
        ("late", None),
        ("", None),
    ],
)
def test_times_are_read_as_nurses_type_them(typed: str, expected: str | None) -> None:
    assert parse_time(typed) == expected


def test_the_patients_language_is_shown_where_the_catalog_has_it(catalog: Catalog) -> None:
    board = _board(catalog, {})
    assert patient_language(board) is None or isinstance(patient_language(board), str)
    language_item = next(i for i in board if i.question.code == PREFERRED_LANGUAGE)
    german = BoardItem(
        question=language_item.question,
        state=AnswerState.VALID,
        answer=_answer(PREFERRED_LANGUAGE, "de"),
    )
    assert patient_language([german]) == "de"
    other = BoardItem(german.question, AnswerState.VALID, _answer(PREFERRED_LANGUAGE, "other"))
    assert patient_language([other]) is None
    # Never asked in AskOnce, but the hospital record says it: asked in that language too.
    on_record = BoardItem(
        german.question,
        AnswerState.VALID,
        None,
        on_record=RecordFact(
            question_code=PREFERRED_LANGUAGE,
            value="de",
            source="patient-communication",
            recorded_at=FIXED_NOW,
        ),
    )
    assert patient_language([on_record]) == "de"
    q = catalog.questions[0]
    assert patient_text(q, "de", "en") == q.text_for("de") != q.text
    assert patient_text(q, "en", "de") == q.text  # the catalog's own language
    assert patient_text(q, "de", "de") is None  # the nurse's language already
    assert patient_text(q, "tr", "en") is None  # no Turkish in the catalog


def test_the_flow_counts_and_goes_on_after_a_lock(catalog: Catalog) -> None:
    codes = [q.code for q in catalog.questions[:4]]
    items = interview_items(_board(catalog, dict.fromkeys(codes, AnswerState.NEVER_ASKED)))
    flow = InterviewFlow(items)
    flow.answer(True)
    flow.skip()
    assert flow.back()
    flow.skip()  # skipped twice is one skip
    assert flow.progress() == (3, 4)
    state = flow.state()
    assert state["at"] == codes[2]

    # After the lock the first question is answered, no longer open.
    after = InterviewFlow(items[1:])
    after.restore(state)
    assert after.current is not None
    assert after.current.question.code == codes[2]
    after.answer("x")
    after.keep()
    assert after.done
    assert after.count(Outcome.ANSWERED) == 2
    assert [i.question.code for i in after.skipped_items()] == [codes[1], codes[3]]
