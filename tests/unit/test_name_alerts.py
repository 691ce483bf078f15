"""Name alerts (which patients could be taken for one another) and the communication needs
the banner shows: the pure core of "the right patient at a glance"."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest

from app import demo, name_alerts
from app.domain import (
    Actor,
    Answer,
    AnswerState,
    AnswerValue,
    Catalog,
    Patient,
    Provenance,
    RevisionStatus,
    Source,
)
from app.name_alerts import Likeness, NameMatch, name_matches
from app.services.charts import BoardItem, NeedKind, communication_needs
from tests.conftest import FIXED_NOW

_ids = itertools.count(1)


def patient(
    name: str, *, ward: str = "4B", bed: str = "", born: date = date(1950, 1, 1)
) -> Patient:
    family, given = (part.strip() for part in name.split(","))
    n = next(_ids)
    return Patient(
        id=f"p-{n}",
        mrn=str(10_000_000 + n),
        family_name=family,
        given_name=given,
        birth_date=born,
        ward=ward,
        bed=bed or f"{n}A",
    )


def likeness(a: str, b: str, *, same_ward: bool = False) -> Likeness | None:
    """How the names ``a`` and ``b`` are alike (on one ward, or on two)."""
    first = patient(a, ward="4B")
    second = patient(b, ward="4B" if same_ward else "7C")
    table = name_matches([first, second])
    if first.id not in table:
        assert second.id not in table
        return None
    (match,) = table[first.id]
    (back,) = table[second.id]
    assert match.other == second
    assert back.other == first
    assert match.likeness is back.likeness
    return match.likeness


# --- alerts: the same or a similar name -------------------------------------------------


def test_the_same_name_is_an_alert() -> None:
    assert likeness("Hoffmann, Dieter", "Hoffmann, Dieter") is Likeness.SAME_NAME
    assert Likeness.SAME_NAME.is_alert


def test_case_and_accents_do_not_make_a_name_different() -> None:
    assert likeness("HOFFMANN, dieter", "Hoffmann, Dieter") is Likeness.SAME_NAME
    assert likeness("Yılmaz, Ayşe", "Yilmaz, Ayse") is Likeness.SAME_NAME


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("Müller, Jürgen", "Mueller, Juergen"),
        ("Müller, Jürgen", "Muller, Jurgen"),
        ("Schäfer, Jürgen", "Schaefer, Jurgen"),
        ("Weiß, Günther", "Weiss, Guenther"),
    ],
)
def test_umlauts_and_their_ascii_spellings_are_the_same_name(typed: str, other: str) -> None:
    assert likeness(typed, other) is Likeness.SAME_NAME


def test_hyphens_and_spaces_in_a_name_do_not_matter() -> None:
    assert likeness("Müller-Lüdenscheidt, Eva", "Mueller Luedenscheidt, Eva") is (
        Likeness.SAME_NAME
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Hoffmann, Dieter", "Hofmann, Dieter", Likeness.SIMILAR_FAMILY_NAME),  # a letter less
        ("Hoffmann, Dieter", "Hoffmann, Deiter", Likeness.SIMILAR_GIVEN_NAME),  # swapped
        ("Schneider, Sabine", "Schneider, Sabina", Likeness.SIMILAR_GIVEN_NAME),  # changed
        ("Braun, Klaus", "Braun, Claus", Likeness.SIMILAR_GIVEN_NAME),
    ],
)
def test_one_typo_apart_is_an_alert(a: str, b: str, expected: Likeness) -> None:
    assert likeness(a, b) is expected
    assert expected.is_alert


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Meyer, Klaus", "Maier, Klaus", Likeness.SIMILAR_FAMILY_NAME),
        ("Wagner, Christoph", "Wagner, Christof", Likeness.SIMILAR_GIVEN_NAME),
    ],
)
def test_names_that_sound_alike_are_an_alert(a: str, b: str, expected: Likeness) -> None:
    assert likeness(a, b) is expected


def test_the_same_first_of_several_given_names_is_similar() -> None:
    assert likeness("Becker, Anna Maria", "Becker, Anna") is Likeness.SIMILAR_GIVEN_NAME
    assert likeness("Becker, Hans-Peter", "Becker, Hans") is Likeness.SIMILAR_GIVEN_NAME


def test_alike_sounds_with_different_initials_are_not_similar() -> None:
    # Kölner Phonetik drops vowels: Olena and Halyna share a code, but nobody confuses them.
    assert likeness("Tkachenko, Olena", "Tkachenko, Halyna") is None


def test_short_names_are_alike_only_as_spelled() -> None:
    assert likeness("Kaya, Ute", "Kaya, Udo") is None
    assert likeness("Kaya, Ute", "Kaya, Ute") is Likeness.SAME_NAME


def test_a_similar_family_and_a_similar_given_name_are_not_flagged() -> None:
    # One part must be the same: two typos spread over the name are too loose an alert.
    assert likeness("Hofmann, Deiter", "Hoffmann, Dieter") is None


def test_different_names_are_not_flagged() -> None:
    assert likeness("Hoffmann, Dieter", "Braun, Helga") is None
    assert likeness("Hoffmann, Dieter", "Braun, Dieter") is None


# --- the lower level: the same family name on one ward ----------------------------------


def test_the_same_family_name_on_one_ward_is_a_notice_not_an_alert() -> None:
    assert likeness("Hoffmann, Dieter", "Hoffmann, Ingrid", same_ward=True) is (
        Likeness.SAME_FAMILY_NAME
    )
    assert not Likeness.SAME_FAMILY_NAME.is_alert


def test_the_same_family_name_on_two_wards_is_not_flagged() -> None:
    assert likeness("Hoffmann, Dieter", "Hoffmann, Ingrid") is None


def test_patients_without_a_ward_get_no_notice() -> None:
    a, b = patient("Wolf, Sabine", ward=""), patient("Wolf, Ursula", ward="")
    assert name_matches([a, b]) == {}


# --- what a match says ------------------------------------------------------------------


def test_a_match_names_the_other_patient_and_whether_the_birth_dates_agree() -> None:
    a = patient("Hoffmann, Dieter", bed="10A", born=date(1971, 3, 19))
    b = patient("Hoffmann, Dieter", bed="13A", born=date(1954, 3, 9))
    c = patient("Hoffmann, Dieter", bed="20B", born=date(1971, 3, 19))
    table = name_matches([a, b, c])
    assert {(m.other.bed, m.same_birth_date) for m in table[a.id]} == {
        ("13A", False),
        ("20B", True),
    }


def test_alerts_come_before_notices_then_by_bed() -> None:
    dieter = patient("Hoffmann, Dieter", bed="10A")
    ingrid = patient("Hoffmann, Ingrid", bed="11A")
    other_dieter = patient("Hoffmann, Dieter", bed="13A")
    werner = patient("Hoffmann, Werner", bed="12C")
    table = name_matches([werner, ingrid, other_dieter, dieter])
    assert [(m.other.bed, m.likeness) for m in table[dieter.id]] == [
        ("13A", Likeness.SAME_NAME),
        ("11A", Likeness.SAME_FAMILY_NAME),
        ("12C", Likeness.SAME_FAMILY_NAME),
    ]
    assert all(isinstance(m, NameMatch) for m in table[werner.id])


def test_patients_without_a_match_are_left_out() -> None:
    assert name_matches([patient("Hoffmann, Dieter"), patient("Braun, Helga")]) == {}
    assert name_matches([]) == {}


def test_the_demo_ward_flags_its_two_dieter_hoffmanns(catalog: Catalog) -> None:
    ward = [item.patient for item in demo.generate_ward(catalog, FIXED_NOW, patients=16)]
    dieters = [p for p in ward if p.display_name == "Hoffmann, Dieter"]
    assert sorted(p.bed for p in dieters) == ["10A", "13A"]
    table = name_matches(ward)
    for one, other in (dieters, dieters[::-1]):
        alerts = [m for m in table[one.id] if m.is_alert]
        assert [(m.other.id, m.likeness) for m in alerts] == [(other.id, Likeness.SAME_NAME)]


# --- the shape of the work: grouped, not every pair compared ---------------------------


def _distinct_names(count: int) -> list[Patient]:
    """``count`` patients whose names are far apart (no two share a letter pattern)."""
    letters = "bcdfghjklmnprstvwz"
    found = []
    for n in range(count):
        a, b, c = n % 18, (n // 18) % 18, (n // 324) % 18
        family = f"{letters[a]}a{letters[b]}o{letters[c]}ert".title()
        given = f"{letters[c]}i{letters[a]}u{letters[b]}an".title()
        found.append(patient(f"{family}, {given}", ward=f"W{n % 30}"))
    return found


def test_only_patients_sharing_a_key_are_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[str, str]] = []
    real = name_alerts._likeness

    def counting(a: Patient, fa: object, b: Patient, fb: object) -> Likeness | None:
        compared.append((a.id, b.id))
        return real(a, fa, b, fb)  # type: ignore[arg-type]

    monkeypatch.setattr(name_alerts, "_likeness", counting)
    ward = _distinct_names(2000)
    twin = patient(ward[7].display_name, ward="W99")
    table = name_matches([*ward, twin])
    # 2,001 patients are two million pairs; grouping compares only the one pair alike.
    assert compared == [tuple(sorted((twin.id, ward[7].id)))]
    assert [m.other.id for m in table[twin.id]] == [ward[7].id]


# --- communication and sensory needs for the banner ------------------------------------

RECORDER = Actor(user_id="Practitioner/x", display_name="Nurse X")


def board(
    catalog: Catalog, answers: dict[str, AnswerValue], *, due: frozenset[str] = frozenset()
) -> list[BoardItem]:
    items = []
    for q in catalog.questions:
        value = answers.get(q.code)
        answer = (
            None
            if value is None
            else Answer(
                id=f"a-{q.code}",
                patient_id="p-1",
                question_code=q.code,
                value=value,
                status=RevisionStatus.CURRENT,
                effective_at=FIXED_NOW - timedelta(days=1),
                provenance=Provenance(
                    recorded_by=RECORDER, recorded_at=FIXED_NOW, source=Source.PATIENT
                ),
                history=(),
            )
        )
        state = (
            AnswerState.NEVER_ASKED
            if answer is None
            else AnswerState.DUE
            if q.code in due
            else AnswerState.VALID
        )
        items.append(BoardItem(q, state, answer))
    return items


def words(catalog: Catalog, answers: dict[str, AnswerValue], language: str = "en") -> list[str]:
    return [
        f"{n.label_for(language)}: {n.value_for(language)}".rstrip(": ")
        for n in communication_needs(board(catalog, answers))
    ]


def test_no_answers_no_needs(catalog: Catalog) -> None:
    assert communication_needs(board(catalog, {})) == ()


def test_an_interpreter_need_names_the_language(catalog: Catalog) -> None:
    answers: dict[str, AnswerValue] = {
        "communication.interpreter-needed": True,
        "communication.interpreter-language": "pl",
    }
    assert words(catalog, answers) == ["Interpreter needed: Polish"]
    assert words(catalog, answers, "de") == ["Dolmetscher erwünscht: Polnisch"]
    (need,) = communication_needs(board(catalog, answers))
    assert need.kind is NeedKind.INTERPRETER


def test_an_interpreter_need_without_a_language_says_so(catalog: Catalog) -> None:
    assert words(catalog, {"communication.interpreter-needed": True}) == ["Interpreter needed"]


def test_no_interpreter_needed_shows_nothing(catalog: Catalog) -> None:
    answers: dict[str, AnswerValue] = {
        "communication.interpreter-needed": False,
        "communication.interpreter-language": "tr",
    }
    assert words(catalog, answers) == []


def test_absent_answers_are_not_needs(catalog: Catalog) -> None:
    answers: dict[str, AnswerValue] = {
        "mobility.hearing-aid": "none",
        "mobility.glasses": ("none",),
        "communication.conversation-help": ("nothing-needed",),
    }
    assert words(catalog, answers) == []


def test_hearing_sight_and_conversation_needs_in_the_ui_language(catalog: Catalog) -> None:
    answers: dict[str, AnswerValue] = {
        "mobility.hearing-aid": "at-home",
        "mobility.glasses": ("none", "reading"),  # a muddled answer: "none" is dropped
        "communication.conversation-help": ("speak-slowly", "write-down"),
    }
    assert words(catalog, answers) == [
        "Hearing aid: Yes, but it is at home",
        "Glasses and reading: Reading glasses",
        "Hearing, speech and conversation support: Speak slowly and clearly, Write things down",
    ]
    assert words(catalog, answers, "de")[0] == "Hörgerät: Ja, aber es ist zu Hause"


def test_a_preferred_language_matters_unless_the_reader_speaks_it(catalog: Catalog) -> None:
    (need,) = communication_needs(board(catalog, {"communication.preferred-language": "tr"}))
    assert need.kind is NeedKind.LANGUAGE
    assert need.value_for("de") == "Türkisch"
    assert need.matters_in("de")
    assert need.matters_in("en")
    (german,) = communication_needs(board(catalog, {"communication.preferred-language": "de"}))
    assert not german.matters_in("de")
    assert german.matters_in("en")


def test_a_need_due_for_re_confirmation_says_so(catalog: Catalog) -> None:
    items = board(
        catalog, {"mobility.hearing-aid": "with-me"}, due=frozenset({"mobility.hearing-aid"})
    )
    (need,) = communication_needs(items)
    assert need.due
