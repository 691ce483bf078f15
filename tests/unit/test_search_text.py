"""Words as search reads them (app.search.text) and what a typed query means (app.search.query).

Pure functions: no cache, no clock. The index and the query both go through them, so what
they return here is what a nurse's search can and cannot find.
"""

from __future__ import annotations

import pytest

from app.search.facts import date_token, year_token
from app.search.query import (
    MAX_AGE,
    MAX_TERMS,
    MAX_WORD,
    SHORT_WORD,
    STEM_MIN_LETTERS,
    Query,
    Term,
    parse_query,
)
from app.search.text import (
    MIN_DIGIT_RUN,
    SIMILAR_MIN_LETTERS,
    digit_runs,
    fold,
    phone_digits,
    similar_keys,
    sound_code,
    spellings,
    typo_keys,
    words,
)


def only_term(text: str, language: str = "en") -> Term:
    (term,) = parse_query(text, language=language).terms
    return term


def dates(term: Term) -> set[str]:
    return set(term.exact)


def meet(a: str, b: str) -> bool:
    """Whether the query word ``a`` finds the indexed word ``b`` by typo or sound (as search does:
    the query's typo keys and sound code against the index's ``similar_keys``)."""
    query = only_term(a)
    return bool(set(query.similar) & set(similar_keys(b)))


# --- folding and other spellings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Müller", "muller"),
        ("MÜLLER", "muller"),
        ("Yılmaz", "yilmaz"),  # dotless ı has no decomposition
        ("Stanisław", "stanislaw"),
        ("Wójcik", "wojcik"),
        ("Ayşe", "ayse"),
        ("Straße", "strasse"),
        ("Øre", "ore"),
        ("Đorđe", "dorde"),
        ("Æsop", "aesop"),
        ("Œuvre", "oeuvre"),
        ("Ｍüller", "muller"),  # a full-width letter is an ordinary one (NFKD)
    ],
)
def test_fold_is_lower_case_and_accent_free(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_words_are_folded_and_split_at_anything_not_a_letter_or_digit() -> None:
    assert words("Hörgerät: dabei") == ["horgerat", "dabei"]
    assert words("Müller-Lüdenscheidt, 10A") == ["muller", "ludenscheidt", "10a"]
    assert words(" -- ") == []


def test_an_umlaut_gives_the_folded_and_the_transcribed_spelling() -> None:
    assert spellings("Müller") == ["muller", "mueller"]
    assert spellings("Hörgerät") == ["horgerat", "hoergeraet"]
    assert spellings("Jörg Schäfer") == ["jorg", "schafer", "joerg", "schaefer"]


def test_eszett_has_one_spelling_only() -> None:
    # ß folds to ss, and ss is also how it is typed without ß: no second spelling.
    assert spellings("Straße") == ["strasse"]
    assert spellings("Weiß") == ["weiss"]


def test_words_without_umlauts_have_one_spelling() -> None:
    assert spellings("Mueller") == ["mueller"]
    assert spellings("Wójcik") == ["wojcik"]  # an accent is no German umlaut: nothing to add
    assert spellings("") == []


# --- digits ---------------------------------------------------------------------------------


def test_digit_runs_are_every_tail_of_at_least_four_digits() -> None:
    assert digit_runs("+49 171 2345678") == [
        "491712345678",
        "91712345678",
        "1712345678",
        "712345678",
        "12345678",
        "2345678",
        "345678",
        "45678",
        "5678",
    ]
    assert all(len(run) >= MIN_DIGIT_RUN for run in digit_runs("0171-234 56"))


def test_digit_runs_of_short_numbers() -> None:
    assert digit_runs("1234") == ["1234"]
    assert digit_runs("12345") == ["12345", "2345"]
    assert digit_runs("123") == []
    assert digit_runs("no number") == []


def test_an_international_number_is_also_kept_in_national_form() -> None:
    # +49 is Germany; the country code may have one to three digits, so each split is kept.
    forms = phone_digits("+49 171 2345678")
    assert forms[0] == "491712345678"  # as stored
    assert "01712345678" in forms  # as typed on a German ward
    assert set(forms) == {"491712345678", "091712345678", "01712345678", "0712345678"}


def test_a_number_dialled_with_00_has_the_same_national_forms() -> None:
    plus = phone_digits("+49 171 2345678")
    zeros = phone_digits("0049 171 2345678")
    assert zeros[0] == "00491712345678"
    assert zeros[1:] == plus[1:]
    assert "01712345678" in zeros


def test_a_national_number_is_kept_as_it_is() -> None:
    assert phone_digits("0171 2345678") == ["01712345678"]
    assert phone_digits("(030) 765-4321") == ["0307654321"]


def test_text_without_digits_has_no_phone_forms() -> None:
    assert phone_digits("") == []
    assert phone_digits("ask the daughter") == []


def test_a_short_international_number_gets_no_national_form_too_short_to_be_one() -> None:
    # "+1 234": after the country code too few digits are left to be a number.
    assert phone_digits("+1 234") == ["1234"]


# --- sounds alike: Kölner Phonetik -----------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("Meyer", "Maier", "Mayer", "Meier"),
        ("Müller", "Mueller", "Muller"),
        ("Schmidt", "Schmitt"),
        ("Hoffmann", "Hofmann"),
        ("Fischer", "Vischer"),
    ],
)
def test_names_that_sound_alike_have_one_code(names: tuple[str, ...]) -> None:
    codes = {sound_code(name) for name in names}
    assert len(codes) == 1, codes


def test_names_that_sound_different_have_different_codes() -> None:
    assert sound_code("Meyer") != sound_code("Müller")
    assert sound_code("Schmidt") != sound_code("Schneider")


# Reference values: the published algorithm (Postel 1969; the worked examples of the German
# Wikipedia article "Kölner Phonetik") applied by hand, letter by letter.
@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Wikipedia", "3412"),
        ("Breschnew", "17863"),
        ("Meyer", "67"),
        ("Müller", "657"),
        ("Christoph", "47823"),  # initial C before H: 4; PH: 3
        ("Chemie", "46"),
        ("Wachsmann", "34866"),  # C after A before H: 4
        ("Axel", "0485"),  # X not after C, K, Q: 48; an initial vowel keeps its 0
        ("Philipp", "351"),
        ("Peter", "127"),
        ("Hoffmann", "0366"),  # H has no code: the initial vowel's 0 stays
        ("Müller-Lüdenscheidt", "65752682"),  # a letter at the word's edge
        ("Schmidt", "862"),  # a letter at the word's edge
        ("Xaver", "4837"),  # a letter at the word's edge
        ("Marc", "678"),  # a letter at the word's edge
    ],
)
def test_sound_code_matches_the_published_algorithm(word: str, code: str) -> None:
    assert sound_code(word) == code


def test_sound_code_of_what_has_no_letters_is_empty() -> None:
    assert sound_code("") == ""
    assert sound_code("1234") == ""
    assert sound_code("Müller") == sound_code("MÜLLER") == sound_code("muller")


def test_schmid_and_schmitt_are_two_typos_apart() -> None:
    # d→t and one t more: only the sound can find one from the other.
    assert not set(typo_keys("schmid")) & set(typo_keys("schmitt"))


def test_schmid_finds_schmitt_by_sound() -> None:
    assert sound_code("Schmid") == sound_code("Schmitt")
    assert meet("schmid", "schmitt")


# --- typos -------------------------------------------------------------------------------------


def test_typo_keys_are_the_word_and_each_one_letter_deletion() -> None:
    assert typo_keys("maier") == {"maier", "aier", "mier", "maer", "mair", "maie"}
    assert typo_keys("anna") == {"anna", "nna", "ana", "ann"}  # duplicates collapse


@pytest.mark.parametrize(
    ("typed", "indexed", "edit"),
    [
        ("hofmann", "hoffmann", "a letter left out"),
        ("hofffmann", "hoffmann", "a letter too many"),
        ("hoffmenn", "hoffmann", "a letter wrong"),
        ("hoffmnan", "hoffmann", "two neighbouring letters swapped"),
        ("schnieder", "schneider", "two neighbouring letters swapped"),
        ("wagner", "wagner", "no typo"),
    ],
)
def test_one_typo_apart_the_key_sets_meet(typed: str, indexed: str, edit: str) -> None:
    assert set(typo_keys(typed)) & set(typo_keys(indexed)), edit
    assert set(typo_keys(typed)) & set(similar_keys(indexed)), edit


@pytest.mark.parametrize(
    ("typed", "indexed", "edits"),
    [
        ("hofman", "hoffmann", "two letters left out"),
        ("hoffnam", "hoffman", "two letters swapped that are not neighbours"),
        ("schmidt", "schnitt", "two letters wrong"),
        ("meierr", "maier", "a letter wrong and a letter too many"),
    ],
)
def test_two_typos_apart_the_key_sets_do_not_meet(typed: str, indexed: str, edits: str) -> None:
    assert not set(typo_keys(typed)) & set(typo_keys(indexed)), edits


def test_a_letter_left_out_in_one_place_and_added_in_another_may_meet() -> None:
    # Two edits, yet one key in common ("schmit"): symmetric deletes of one letter also
    # match a letter moved or replaced by its neighbour's twin. Harmless for names, and
    # what the index does.
    assert set(typo_keys("schmitz")) & set(typo_keys("schmidt")) == {"schmit"}


def test_similar_keys_are_typo_keys_and_the_sound_code() -> None:
    keys = similar_keys("meier")
    assert keys[:-1] == sorted(typo_keys("meier"))
    assert keys[-1] == "s67"
    # The code's "s" prefix keeps it apart from typo keys (no word is all digits).
    assert not any(k.startswith("s") and k[1:].isdigit() for k in keys[:-1])


@pytest.mark.parametrize("word", ["", "a", "ab", "mai", "ali"])
def test_short_words_get_no_similar_keys(word: str) -> None:
    assert len(word) < SIMILAR_MIN_LETTERS
    assert similar_keys(word) == []


@pytest.mark.parametrize("word", ["10a", "1234", "b12c", "o_neil", "ab3d"])
def test_words_that_are_not_all_letters_get_no_similar_keys(word: str) -> None:
    assert similar_keys(word) == []


def test_a_word_with_a_one_digit_sound_code_gets_typo_keys_only() -> None:
    # "aaaa" codes to "0": a one-digit code would make every vowel word alike.
    assert sound_code("aaaa") == "0"
    assert similar_keys("aaaa") == sorted(typo_keys("aaaa"))


def test_a_sound_alike_name_is_found_through_its_code() -> None:
    # Meyer and Maier are two letters apart: no typo key in common, one sound code.
    assert not set(typo_keys("meyer")) & set(typo_keys("maier"))
    assert meet("meyer", "maier")
    assert meet("vischer", "fischer")
    assert not meet("maya", "meier")  # "maya" codes to "6", too short to be compared


# --- the query: dates ------------------------------------------------------------------------


BIRTH = "d19710402"  # 2 April 1971


@pytest.mark.parametrize("text", ["02.04.1971", "2.4.1971", "02.04.71", "1971-04-02", "1971-4-2"])
def test_a_date_in_german_or_iso_form_is_one_date_term(text: str) -> None:
    for language in ("en", "de"):
        term = only_term(text, language)
        assert BIRTH in term.exact
        assert term.prefixes == ()  # a date is matched whole, never as a beginning
        assert term.text == text


def test_a_two_digit_year_may_be_a_birth_or_a_discharge() -> None:
    assert dates(only_term("2.4.71")) == {"d19710402", "d20710402"}
    assert dates(only_term("1.12.25")) == {"d19251201", "d20251201"}


def test_a_two_digit_year_of_a_date_only_one_century_has_keeps_that_one() -> None:
    # 29 February: 1900 was no leap year, 2000 was.
    assert dates(only_term("29.02.00")) == {"d20000229"}


def test_slashes_are_month_first_in_english_and_day_first_in_german() -> None:
    assert dates(only_term("04/02/1971", "en")) == {"d19710402"}  # 2 April
    assert dates(only_term("04/02/1971", "de")) == {"d19710204"}  # 4 February


def test_british_english_writes_the_day_first() -> None:
    assert dates(only_term("04/02/1971", "en-GB")) == {"d19710204"}
    assert dates(only_term("04/02/1971", "en-US")) == {"d19710402"}


def test_a_slashed_date_that_fits_one_order_only_is_read_in_that_order() -> None:
    assert dates(only_term("25/12/1950", "en")) == {"d19501225"}  # no 25th month: day first
    assert dates(only_term("12/25/1950", "de")) == {"d19501225"}  # no 25th month: month first


@pytest.mark.parametrize(
    "text", ["31.02.1971", "29.02.1971", "1971-13-01", "00.04.1971", "31/04/71"]
)
def test_an_impossible_date_gives_no_date_term(text: str) -> None:
    for language in ("en", "de"):
        assert parse_query(text, language=language).terms == ()


def test_an_impossible_date_beside_a_name_leaves_the_name() -> None:
    (term,) = parse_query("Müller 31.02.1971").terms
    assert term.text == "muller"


def test_a_date_and_a_name_are_two_terms() -> None:
    date_term, name = parse_query("Müller 02.04.1971").terms
    assert date_term.exact == (BIRTH,)
    assert name.prefixes == ("muller", "mueller")


def test_date_tokens_are_what_the_index_holds() -> None:
    from datetime import date

    assert date_token(date(1971, 4, 2)) == BIRTH
    assert year_token(1971) == "y1971"


# --- the query: numbers -----------------------------------------------------------------------


def test_a_small_number_is_an_age_or_the_beginning_of_a_bed() -> None:
    term = only_term("82")
    assert term.age == 82
    assert term.prefixes == ("82",)
    assert term.exact == ("82",)
    assert term.only_who  # "82" begins bed 82A, not a dose of 820 mg


@pytest.mark.parametrize(("text", "age"), [("0", 0), ("1", 1), ("120", 120), ("121", None)])
def test_ages_end_at_the_oldest_age(text: str, age: int | None) -> None:
    assert only_term(text).age == age


def test_a_number_too_high_for_an_age_is_no_age() -> None:
    term = only_term("130")
    assert term.age is None
    assert MAX_AGE < 130
    assert term.prefixes == ("130",)


def test_a_four_digit_number_is_a_number_fragment_and_maybe_a_birth_year() -> None:
    year = only_term("1971")
    assert year.age is None
    assert not year.only_who
    assert year.prefixes == ("1971",)
    assert set(year.exact) == {"1971", "y1971"}
    fragment = only_term("5678")
    assert fragment.prefixes == ("5678",)
    assert fragment.exact == ("5678",)  # no year 5678
    assert not fragment.only_who


def test_a_long_number_is_matched_as_a_beginning_anywhere() -> None:
    term = only_term("01712345678")
    assert term.prefixes == ("01712345678",)
    assert term.age is None
    assert not term.only_who


@pytest.mark.parametrize(
    "text", ["0171 234 5678", "0171 2345678", "(0171) 234-5678", "0171-234 5678", "0171/2345678"]
)
def test_a_spaced_phone_number_is_one_digits_term(text: str) -> None:
    term = only_term(text)
    assert term.prefixes == ("01712345678",)
    assert term.text == text
    assert term.age is None


def test_a_number_dialled_with_00_is_also_searched_without_it() -> None:
    assert only_term("00491712345678").prefixes == ("00491712345678", "491712345678")
    # spaced: the number without 00 (the index holds every tail, with or without 00)
    assert only_term("0049 171 2345678").prefixes == ("491712345678",)


def test_an_international_number_with_plus_is_one_digits_term() -> None:
    assert only_term("+49 171 2345678").prefixes == ("491712345678",)


@pytest.mark.parametrize("text", ["8 12", "82 12", "82 4"])
def test_a_few_short_numbers_spaced_are_not_a_phone_number(text: str) -> None:
    # an age and a bed ("82 12": the 82-year-old in bed 12), not the number 8212
    first, second = parse_query(text).terms
    assert (first.age, second.age) == tuple(int(n) for n in text.split())


def test_a_query_never_has_more_than_max_terms() -> None:
    dates = " ".join(f"{day}.01.1950" for day in range(1, 12))
    assert len(parse_query(f"{dates} 0171 2345678").terms) == MAX_TERMS


# --- the query: words ----------------------------------------------------------------------------


def test_a_word_is_matched_whole_as_a_beginning_and_by_typo_or_sound() -> None:
    term = only_term("Maier")
    assert term.text == "maier"
    assert term.prefixes == ("maier",)
    assert term.exact == ("maier",)
    assert set(term.similar) == typo_keys("maier") | {"s67"}
    assert term.stems == ()
    assert not term.only_who
    assert term.age is None


def test_a_word_with_an_umlaut_is_searched_in_both_spellings() -> None:
    term = only_term("Müller")
    assert term.prefixes == ("muller", "mueller")
    assert term.exact == ("muller", "mueller")
    assert "s657" in term.similar


@pytest.mark.parametrize("text", ["Müller Müller", "müller MÜLLER", "Muller müller"])
def test_a_word_typed_twice_is_one_term(text: str) -> None:
    (term,) = parse_query(text).terms
    assert term.text == "muller"


def test_at_most_max_terms_terms() -> None:
    typed = " ".join(f"word{chr(ord('a') + i)}" for i in range(MAX_TERMS + 4))
    terms = parse_query(typed).terms
    assert len(terms) == MAX_TERMS
    assert [t.text for t in terms] == typed.split()[:MAX_TERMS]  # the first ones, in order


def test_the_term_limit_counts_dates_too() -> None:
    typed = "02.04.1971 " + " ".join(f"word{chr(ord('a') + i)}" for i in range(MAX_TERMS))
    terms = parse_query(typed).terms
    assert len(terms) == MAX_TERMS
    assert terms[0].exact == (BIRTH,)


def test_a_word_longer_than_max_word_is_matched_as_typed_only() -> None:
    longest = "a" * MAX_WORD + "b"
    term = only_term(longest)
    assert term.prefixes == (longest,)
    assert term.similar == ()
    assert term.stems == ()
    at_limit = only_term("a" * (MAX_WORD - 1) + "b")
    assert at_limit.similar
    assert at_limit.stems


@pytest.mark.parametrize("text", ["m", "Mü", "ho", "10"])
def test_a_short_word_only_begins_a_name_or_a_bed(text: str) -> None:
    term = only_term(text)
    assert len(term.text) < SHORT_WORD
    assert term.only_who
    assert term.similar == ()
    assert term.stems == ()


def test_a_short_word_with_an_umlaut_begins_both_spellings() -> None:
    assert only_term("Mü").prefixes == ("mu", "mue")


def test_a_three_letter_word_is_a_word_anywhere_but_has_no_typo_keys() -> None:
    term = only_term("tee")
    assert not term.only_who
    assert term.exact == ("tee",)
    assert term.similar == ()


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("walking", "walkin"),  # 7 letters: the last one off
        ("diabetes", "diabete"),  # 8 letters
        ("intolerant", "intolera"),  # from 9 letters: the last two off
        ("Hörgerät", "horgera"),
    ],
)
def test_a_long_word_has_a_stem(word: str, stem: str) -> None:
    assert only_term(word).stems == (stem,)


def test_a_word_shorter_than_a_stem_has_no_stem() -> None:
    word = "x" * (STEM_MIN_LETTERS - 1)
    assert only_term(word).stems == ()


def test_a_mixed_word_of_letters_and_digits_has_no_stem_or_typo_keys() -> None:
    term = only_term("abc1234")
    assert term.prefixes == ("abc1234",)
    assert term.stems == ()
    assert term.similar == ()


@pytest.mark.parametrize("text", ["", "   ", "*", "-", '"', "()"])
def test_nothing_searchable_is_an_empty_query(text: str) -> None:
    query = parse_query(text)
    assert query == Query()
    assert not query
