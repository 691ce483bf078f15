"""The question catalog: the shipped file loads, and every kind of breakage is named.

A hospital edits the catalog JSON without reading code, so each broken variant
must raise ``CatalogError`` whose message names the question (its linkId) or the
file, never a bare ``KeyError``/``TypeError``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.catalog import (
    EXT_ANSWER_TYPE,
    EXT_OPTION_ABSENT,
    EXT_STANDARD_CODING,
    EXT_VALIDITY,
    EXT_VALIDITY_DAYS,
    LOINC,
    QUESTION_SYSTEM,
    SNOMED_CT,
    default_catalog_path,
    load_catalog,
)
from app.domain import AnswerType, AnswerValue, Catalog, Coding, ValidityKind
from app.errors import CatalogError

EXPECTED_CATEGORIES = {
    "diet",
    "communication",
    "comfort",
    "mobility",
    "culture",
    "home",
    "matters",
}

Json = dict[str, Any]


@pytest.fixture(scope="module")
def shipped_json() -> Json:
    data: Json = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    return data


def _question(doc: Json, link_id: str) -> Json:
    for group in doc["item"]:
        for item in group.get("item", []):
            if item["linkId"] == link_id:
                question: Json = item
                return question
    raise AssertionError(f"{link_id} is not in the shipped catalog")


def _ext(item: Json, url: str) -> Json:
    extension: Json = next(e for e in item["extension"] if e["url"] == url)
    return extension


def _write(tmp_path: Path, doc: object) -> Path:
    path = tmp_path / "broken.questionnaire.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# --- the shipped catalog --------------------------------------------------------------


def test_shipped_catalog_has_enough_questions_in_all_seven_categories(catalog: Catalog) -> None:
    assert len(catalog.questions) >= 25
    assert {c.code for c in catalog.categories} == EXPECTED_CATEGORIES
    for category in catalog.categories:
        assert catalog.in_category(category.code), f"category {category.code} is empty"


def test_shipped_catalog_codes_are_unique_and_findable(catalog: Catalog) -> None:
    codes = [q.code for q in catalog.questions]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert catalog.question(code).code == code
    with pytest.raises(KeyError):
        catalog.question("no.such-question")


def test_every_shipped_question_has_a_validity_rule(catalog: Catalog) -> None:
    kinds = set()
    for q in catalog.questions:
        kinds.add(q.validity.kind)
        if q.validity.kind is ValidityKind.DAYS:
            assert q.validity.days is not None
            assert q.validity.days > 0, q.code
        else:
            assert q.validity.days is None, q.code
    # The shipped catalog exercises every rule, so the board shows all three states.
    assert kinds == set(ValidityKind)


def test_every_shipped_question_has_a_german_translation(catalog: Catalog) -> None:
    for q in catalog.questions:
        german = q.translations.get("de", "")
        assert german.strip(), f"{q.code} has no German text"
        assert q.text_for("de") == german
        assert german != q.text, f"{q.code}: the German text is the English one"
        # An unknown language falls back to the catalog's own text.
        assert q.text_for("xx") == q.text


def test_shipped_choice_questions_have_distinct_options(catalog: Catalog) -> None:
    choice_types = {AnswerType.CHOICE, AnswerType.MULTI_CHOICE, AnswerType.CONTACT_METHOD}
    for q in catalog.questions:
        if q.answer_type in choice_types:
            codes = [o.code for o in q.options]
            assert len(codes) >= 2, q.code
            assert len(codes) == len(set(codes)), q.code
            assert all(o.display for o in q.options), q.code
        else:
            assert q.options == (), q.code


def test_repeats_turns_a_choice_into_a_multi_choice(catalog: Catalog) -> None:
    assert catalog.question("diet.texture").answer_type is AnswerType.MULTI_CHOICE
    assert catalog.question("diet.diet-pattern").answer_type is AnswerType.CHOICE


def test_label_and_text_come_from_the_file(catalog: Catalog) -> None:
    lactose = catalog.question("diet.lactose")
    assert lactose.label == "Lactose intolerance"
    assert lactose.text.startswith("Are you lactose intolerant")
    assert lactose.category.code == "diet"


def test_an_unchanged_copy_loads_like_the_shipped_file(
    tmp_path: Path, shipped_json: Json, catalog: Catalog
) -> None:
    assert load_catalog(_write(tmp_path, shipped_json)) == catalog


# --- broken variants --------------------------------------------------------------------


def _drop_text(q: Json) -> None:
    del q["text"]


def _blank_text(q: Json) -> None:
    q["text"] = "   "


def _unknown_answer_type(q: Json) -> None:
    _ext(q, EXT_ANSWER_TYPE)["valueCode"] = "essay"


def _no_answer_type(q: Json) -> None:
    q["extension"] = [e for e in q["extension"] if e["url"] != EXT_ANSWER_TYPE]


def _item_type_does_not_fit(q: Json) -> None:
    q["type"] = "string"  # the question is a boolean


def _days_without_validity_days(q: Json) -> None:
    q["extension"] = [e for e in q["extension"] if e["url"] != EXT_VALIDITY_DAYS]


def _days_not_positive(q: Json) -> None:
    _ext(q, EXT_VALIDITY_DAYS)["valueInteger"] = 0


def _validity_days_with_permanent(q: Json) -> None:
    q["extension"].append({"url": EXT_VALIDITY_DAYS, "valueInteger": 30})


def _unknown_validity(q: Json) -> None:
    _ext(q, EXT_VALIDITY)["valueCode"] = "forever"


def _duplicate_option_code(q: Json) -> None:
    q["answerOption"][1]["valueCoding"]["code"] = q["answerOption"][0]["valueCoding"]["code"]


def _single_option(q: Json) -> None:
    q["answerOption"] = q["answerOption"][:1]


def _option_without_code(q: Json) -> None:
    del q["answerOption"][0]["valueCoding"]["code"]


def _code_not_matching_link_id(q: Json) -> None:
    q["code"][0]["code"] = "diet.something-else"


def _standard_coding_without_system(q: Json) -> None:
    q["code"].append({"code": "54899-0"})


def _standard_coding_with_a_bare_word_as_system(q: Json) -> None:
    q["code"].append({"system": "loinc", "code": "54899-0"})


def _standard_coding_without_code(q: Json) -> None:
    q["code"].append({"system": SNOMED_CT})


def _standard_coding_with_blank_code(q: Json) -> None:
    q["code"].append({"system": SNOMED_CT, "code": " "})


def _standard_coding_twice(q: Json) -> None:
    q["code"].append(copy.deepcopy(q["code"][-1]))


def _standard_answer_coding_without_code(q: Json) -> None:
    q["answerOption"][0]["extension"] = [
        {"url": EXT_STANDARD_CODING, "valueCoding": {"system": SNOMED_CT}}
    ]


def _standard_answer_coding_not_a_coding(q: Json) -> None:
    q["answerOption"][0]["extension"] = [{"url": EXT_STANDARD_CODING, "valueString": "vegan"}]


BROKEN_QUESTIONS: list[tuple[str, str, Callable[[Json], None], str]] = [
    ("missing text", "diet.lactose", _drop_text, "text is missing"),
    ("blank text", "diet.lactose", _blank_text, "text is missing"),
    ("unknown answer-type", "diet.lactose", _unknown_answer_type, "answer-type"),
    ("no answer-type", "diet.gluten", _no_answer_type, "answer-type"),
    ("item type not fitting", "diet.lactose", _item_type_does_not_fit, "does not fit"),
    ("days without validity-days", "diet.drinks", _days_without_validity_days, "validity-days"),
    ("days not positive", "diet.drinks", _days_not_positive, "validity-days"),
    ("validity-days with permanent", "diet.lactose", _validity_days_with_permanent, "permanent"),
    ("unknown validity", "diet.lactose", _unknown_validity, "validity"),
    ("duplicate option code", "diet.diet-pattern", _duplicate_option_code, "share a code"),
    ("choice with one option", "comfort.washing", _single_option, "at least two"),
    ("option without code", "comfort.washing", _option_without_code, "no valueCoding code"),
    ("code not matching linkId", "diet.lactose", _code_not_matching_link_id, "linkId"),
    ("standard coding without system", "diet.lactose", _standard_coding_without_system, "URL"),
    (
        "standard coding with a bare word as system",
        "diet.gluten",
        _standard_coding_with_a_bare_word_as_system,
        "system URL",
    ),
    ("standard coding without code", "home.pets", _standard_coding_without_code, "no code"),
    ("standard coding with blank code", "home.pets", _standard_coding_with_blank_code, "no code"),
    (
        "standard coding twice",
        "communication.preferred-language",
        _standard_coding_twice,
        "http://loinc.org|54899-0 is given twice",
    ),
    (
        "standard answer coding without code",
        "diet.diet-pattern",
        _standard_answer_coding_without_code,
        "option none",
    ),
    (
        "standard answer coding that is not a coding",
        "diet.diet-pattern",
        _standard_answer_coding_not_a_coding,
        "a coding must be an object",
    ),
]


@pytest.mark.parametrize(
    ("link_id", "breakage", "problem"),
    [pytest.param(link, fn, problem, id=name) for name, link, fn, problem in BROKEN_QUESTIONS],
)
def test_a_broken_question_is_named_in_the_error(
    tmp_path: Path,
    shipped_json: Json,
    link_id: str,
    breakage: Callable[[Json], None],
    problem: str,
) -> None:
    doc = copy.deepcopy(shipped_json)
    breakage(_question(doc, link_id))
    with pytest.raises(CatalogError) as caught:
        load_catalog(_write(tmp_path, doc))
    assert repr(link_id) in caught.value.message
    assert problem in caught.value.message
    assert caught.value.hint  # IT gets told what to do


def test_a_duplicate_link_id_is_named(tmp_path: Path, shipped_json: Json) -> None:
    doc = copy.deepcopy(shipped_json)
    twin = copy.deepcopy(_question(doc, "diet.lactose"))
    doc["item"][-1]["item"].append(twin)  # same question again, in another category
    with pytest.raises(CatalogError) as caught:
        load_catalog(_write(tmp_path, doc))
    assert "'diet.lactose'" in caught.value.message
    assert "twice" in caught.value.message


def test_a_question_without_link_id_names_its_category(tmp_path: Path, shipped_json: Json) -> None:
    doc = copy.deepcopy(shipped_json)
    del _question(doc, "home.pets")["linkId"]
    with pytest.raises(CatalogError) as caught:
        load_catalog(_write(tmp_path, doc))
    assert "'home'" in caught.value.message
    assert "linkId" in caught.value.message


def test_a_malformed_translation_is_named(tmp_path: Path, shipped_json: Json) -> None:
    doc = copy.deepcopy(shipped_json)
    _question(doc, "diet.lactose")["_text"]["extension"][0]["extension"] = None
    with pytest.raises(CatalogError) as caught:
        load_catalog(_write(tmp_path, doc))
    assert "'diet.lactose'" in caught.value.message


# --- options that say "absent" -----------------------------------------------------------


def _option(q: Json, code: str) -> Json:
    option: Json = next(o for o in q["answerOption"] if o["valueCoding"]["code"] == code)
    return option


def test_the_option_absent_extension_is_read(catalog: Catalog) -> None:
    hearing_aid = catalog.question("mobility.hearing-aid")
    assert {o.code for o in hearing_aid.options if o.absent} == {"none"}
    walking_aid = catalog.question("mobility.walking-aid")
    assert {o.code for o in walking_aid.options if o.absent} == {"none"}
    # Questions whose options all say something is there have no absent option.
    assert not any(o.absent for o in catalog.question("diet.drinks").options)


def test_option_absent_false_is_not_absent(tmp_path: Path, shipped_json: Json) -> None:
    doc = copy.deepcopy(shipped_json)
    none = _option(_question(doc, "mobility.hearing-aid"), "none")
    _ext(none, EXT_OPTION_ABSENT)["valueBoolean"] = False
    stick = _option(_question(doc, "mobility.walking-aid"), "stick")
    stick["extension"] = [{"url": EXT_OPTION_ABSENT, "valueBoolean": True}]
    catalog = load_catalog(_write(tmp_path, doc))
    hearing_aid = catalog.question("mobility.hearing-aid")
    assert not any(o.absent for o in hearing_aid.options)
    walking_aid = catalog.question("mobility.walking-aid")
    assert {o.code for o in walking_aid.options if o.absent} == {"none", "stick"}


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("true", id="a-string"),
        pytest.param(1, id="a-number"),
        pytest.param(None, id="null"),
        pytest.param(..., id="missing"),
    ],
)
def test_option_absent_that_is_not_a_boolean_is_named(
    tmp_path: Path, shipped_json: Json, value: object
) -> None:
    doc = copy.deepcopy(shipped_json)
    extension = _ext(_option(_question(doc, "mobility.hearing-aid"), "none"), EXT_OPTION_ABSENT)
    if value is ...:
        del extension["valueBoolean"]
    else:
        extension["valueBoolean"] = value
    with pytest.raises(CatalogError) as caught:
        load_catalog(_write(tmp_path, doc))
    message = caught.value.message
    assert "'mobility.hearing-aid'" in message
    assert "option none" in message
    assert "option-absent" in message
    assert caught.value.hint


@pytest.mark.parametrize(
    ("code", "value", "absent"),
    [
        ("diet.lactose", False, True),
        ("diet.lactose", True, False),
        ("mobility.hearing-aid", "none", True),
        ("mobility.hearing-aid", "with-me", False),
        ("mobility.hearing-aid", "no-such-option", False),
        ("mobility.walking-aid", ("none",), True),
        ("mobility.walking-aid", ("stick",), False),
        ("mobility.walking-aid", ("none", "stick"), False),
        ("mobility.walking-aid", ("stick", "none"), False),
        ("mobility.walking-aid", (), False),
        ("diet.drinks", ("still-water",), False),
        ("diet.food-dislikes", "none", False),
        ("diet.food-dislikes", "No", False),
        ("diet.food-dislikes", "", False),
        ("comfort.bedtime", "22:00", False),
    ],
)
def test_an_answer_says_absent_for_false_or_only_absent_options(
    catalog: Catalog, code: str, value: AnswerValue, absent: bool
) -> None:
    assert catalog.question(code).says_absent(value) is absent


def test_a_multi_choice_is_absent_only_when_every_chosen_option_is(
    tmp_path: Path, shipped_json: Json
) -> None:
    doc = copy.deepcopy(shipped_json)
    glasses = _question(doc, "mobility.glasses")  # a second absent option, for the test
    _option(glasses, "not-with-me")["extension"] = [
        {"url": EXT_OPTION_ABSENT, "valueBoolean": True}
    ]
    question = load_catalog(_write(tmp_path, doc)).question("mobility.glasses")
    assert question.says_absent(("none", "not-with-me"))
    assert question.says_absent(("not-with-me",))
    assert not question.says_absent(("not-with-me", "reading"))


# --- broken files -------------------------------------------------------------------------


def test_a_file_that_is_not_json_is_named(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_text('{"resourceType": "Questionnaire", ', encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(path) in caught.value.message
    assert "not valid JSON" in caught.value.message


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(path) in caught.value.message


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param({"resourceType": "Patient", "id": "x"}, id="other-resource"),
        pytest.param([{"resourceType": "Questionnaire"}], id="a-list"),
        pytest.param("Questionnaire", id="a-string"),
    ],
)
def test_a_file_that_is_not_a_questionnaire_is_named(tmp_path: Path, doc: object) -> None:
    path = _write(tmp_path, doc)
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(path) in caught.value.message
    assert "not a FHIR Questionnaire" in caught.value.message


def test_a_questionnaire_without_questions_is_refused(tmp_path: Path, shipped_json: Json) -> None:
    doc = copy.deepcopy(shipped_json)
    for group in doc["item"]:
        group["item"] = []
    with pytest.raises(CatalogError, match="no questions"):
        load_catalog(_write(tmp_path, doc))


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "catalog.json"
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert str(path) in caught.value.message
    assert "missing" in caught.value.message
    assert not path.parent.exists()


# --- standard codes (LOINC, SNOMED CT, BCP-47) next to ours ---------------------------------


def test_shipped_questions_carry_loinc_where_a_code_exists(catalog: Catalog) -> None:
    language = catalog.question("communication.preferred-language")
    assert language.standard_codings == (
        Coding(system=LOINC, code="54899-0", display="Preferred language"),
    )
    interpreter = catalog.question("communication.interpreter-needed")
    assert interpreter.standard_codings == (
        Coding(system=LOINC, code="54588-9", display="Interpreter needed"),
    )
    # Ours stays the key: the code is still the linkId, the label still ours.
    assert language.code == "communication.preferred-language"
    assert language.label == "Preferred language"
    assert not catalog.question("home.pets").standard_codings


def test_shipped_options_carry_standard_answer_codes(catalog: Catalog) -> None:
    german = catalog.question("communication.preferred-language").option("de")
    assert german is not None
    assert german.standard_codings == (
        Coding(system="urn:ietf:bcp:47", code="de", display="German"),
    )
    other = catalog.question("communication.preferred-language").option("other")
    assert other is not None
    assert not other.standard_codings
    muslim = catalog.question("culture.faith").option("muslim")
    assert muslim is not None
    assert [(c.system, c.code) for c in muslim.standard_codings] == [
        ("http://terminology.hl7.org/CodeSystem/v3-ReligiousAffiliation", "1023")
    ]


def test_a_hospital_catalog_adds_its_own_standard_codes(tmp_path: Path, shipped_json: Json) -> None:
    doc = copy.deepcopy(shipped_json)
    pets = _question(doc, "home.pets")
    pets["code"].insert(0, {"system": "http://example.org/hospital-terms", "code": "PETS-1"})
    vegan = _option(_question(doc, "diet.diet-pattern"), "vegan")
    vegan["extension"] = [
        {"url": EXT_STANDARD_CODING, "valueCoding": {"system": SNOMED_CT, "code": "1234567"}},
        {"url": "urn:oid:1.2.3", "valueCoding": {"system": "ignored"}},  # not ours to read
    ]
    catalog = load_catalog(_write(tmp_path, doc))
    question = catalog.question("home.pets")
    assert question.standard_codings == (
        Coding(system="http://example.org/hospital-terms", code="PETS-1"),
    )
    assert question.label == "Pets needing care"  # ours found wherever it stands
    option = catalog.question("diet.diet-pattern").option("vegan")
    assert option is not None
    assert option.standard_codings == (Coding(system=SNOMED_CT, code="1234567"),)


def test_our_own_question_coding_is_never_a_standard_one(catalog: Catalog) -> None:
    for question in catalog.questions:
        assert QUESTION_SYSTEM not in {c.system for c in question.standard_codings}
