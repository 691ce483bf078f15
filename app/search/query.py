"""What a nurse typed, read as the things she may mean.

"Fischer Apixaban" is two words, each to be found somewhere in one patient's facts;
"02.04.1971", "2.4.71", "1971-04-02" and "04/02/1971" are one date; "82" is an age (or a
bed); "5678" is the tail of a phone number (or part of a record number). Everything
else is a word, found as the beginning of a word of a fact, or, for a name, with a typo
or by its sound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.search.facts import date_token, year_token
from app.search.text import (
    MIN_DIGIT_RUN,
    SIMILAR_MIN_LETTERS,
    sound_code,
    spellings,
    typo_keys,
    words,
)

MAX_AGE = 120
MAX_TERMS = 8
"""Words beyond this add nothing a nurse needs, and each costs an index lookup."""
MAX_WORD = 40
PHONE_MIN_DIGITS = 6
"""Spaced digits are one phone number from this many on ("0171 23"); "82 12" is two."""
SHORT_WORD = 3
"""Words this short begin a name or bed only (every answer has an "a" in it)."""
STEM_MIN_LETTERS = 7
"""From this length a word is also found without its last letter or two."""
_RAW_WORD = re.compile(r"\w+", re.UNICODE)
"""Longer "words" are pasted text: matched as typed, never by typo or sound."""
_DOTTED = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_PHONE_LIKE = re.compile(r"^[\d\s+()\-/.]+$")
_DAY_FIRST_ENGLISH = {"en-GB", "en-IE", "en-AU", "en-NZ", "en-IN"}


@dataclass(frozen=True)
class Term:
    """One thing the patient must match (all terms of a query must)."""

    text: str
    """What was typed, for the explanation."""
    prefixes: tuple[str, ...] = ()
    """Index words that must begin with one of these (the normal case)."""
    exact: tuple[str, ...] = ()
    """Whole index words, ranked above a mere beginning ("Maier" over "Maierhofer")."""
    stems: tuple[str, ...] = ()
    """The word without its ending ("intoleran" for "intolerant" finds "intolerance")."""
    similar: tuple[str, ...] = ()
    """Typo keys and sound codes: a misspelled or sound-alike name or drug."""
    age: int | None = None
    """Patients of this age in years (on the day of the search)."""
    only_who: bool = False
    """``prefixes`` apply to who the patient is only: "12" begins bed 12A, but a dose of
    "120 mg" is no match for it (the whole number "12" still matches anywhere)."""


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str, *, language: str = "en") -> Query:
    """Read what was typed; ``language`` decides what 04/02/1971 means."""
    terms: list[Term] = []
    rest = text
    for pattern in (_DOTTED, _ISO, _SLASHED):
        for match in pattern.finditer(rest):
            found = _date_term(match, pattern, language)
            if found is not None:
                terms.append(found)
        rest = pattern.sub(" ", rest)
    groups = words(rest)
    if (
        len(groups) > 1
        and _PHONE_LIKE.match(rest.strip())
        and (sum(map(len, groups)) >= PHONE_MIN_DIGITS or max(map(len, groups)) >= MIN_DIGIT_RUN)
    ):
        # "0171 234 5678" is one number, however it is spaced
        digits = "".join(c for c in rest if c.isdigit())
        if rest.strip().startswith("00"):
            digits = digits[2:]
        return Query((*terms, Term(text.strip(), prefixes=(digits,)))[:MAX_TERMS])
    seen: set[str] = set()
    for raw in _RAW_WORD.findall(rest):
        forms = spellings(raw)  # "Müller": muller, and mueller as typed without ü
        if forms and forms[0] not in seen:  # "Müller Müller" is one word
            seen.add(forms[0])
            terms.append(_word_term(forms[0], forms[1:]))
    return Query(tuple(terms[:MAX_TERMS]))


def _word_term(word: str, respelled: list[str]) -> Term:
    if word.isdigit():
        number = int(word)
        if len(word) >= MIN_DIGIT_RUN:
            born = (year_token(number),) if 1900 <= number <= 2100 else ()
            dialled = (word[2:],) if word.startswith("00") else ()  # 0049… for +49…
            return Term(word, prefixes=(word, *dialled), exact=(word, *born))
        age = number if number <= MAX_AGE else None
        return Term(word, prefixes=(word,), exact=(word,), age=age, only_who=True)
    forms = (word, *respelled)
    if len(word) < SHORT_WORD:
        # "m", "ho": the nurse is typing a name or a bed, not a word of an answer
        return Term(word, prefixes=forms, only_who=True)
    similar: tuple[str, ...] = ()
    stems: tuple[str, ...] = ()
    if SIMILAR_MIN_LETTERS <= len(word) <= MAX_WORD and word.isalpha():
        code = sound_code(word)
        similar = tuple(sorted(typo_keys(word))) + (("s" + code,) if len(code) >= 2 else ())
    if STEM_MIN_LETTERS <= len(word) <= MAX_WORD and word.isalpha():
        stems = (word[:-1],) if len(word) < STEM_MIN_LETTERS + 2 else (word[:-2],)
    return Term(word, prefixes=forms, exact=forms, stems=stems, similar=similar)


def _date_term(match: re.Match[str], pattern: re.Pattern[str], language: str) -> Term | None:
    a, b, c = (int(g) for g in match.groups())
    if pattern is _ISO:
        readings = [[(a, b, c)]]
    else:
        years = [c] if c >= 100 else [1900 + c, 2000 + c]  # 2.4.71: a birth or a discharge
        day_first = [(y, b, a) for y in years]
        month_first = [(y, a, b) for y in years]
        if pattern is _DOTTED:
            readings = [day_first]
        elif _writes_day_first(language):
            readings = [day_first, month_first]  # 12/25/1950 can only be month first
        else:
            readings = [month_first, day_first]
    for reading in readings:
        dates = [d for d in (_date(*ymd) for ymd in reading) if d is not None]
        if dates:
            return Term(match.group(0), exact=tuple(date_token(d) for d in dates))
    return None


def _writes_day_first(language: str) -> bool:
    """04/02/1971 is 4 February in German (and British English), 2 April in US English."""
    return not language.startswith("en") or language in _DAY_FIRST_ENGLISH


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
