"""Words as the index and the query see them: folded, respelled, by sound, with typos.

Everything here is a pure function of text, used alike when a fact is indexed and when a
query is read, so both sides always agree.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"\w+", re.UNICODE)
_DIGITS = re.compile(r"\D+")
# Letters that are their own code point (no combining mark to strip).
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
# German transcriptions: "Müller" is typed "Mueller" where there is no ü on the keyboard.
_TRANSCRIBE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

SIMILAR_MIN_LETTERS = 4
"""Shorter words are not matched by typo or sound: too many names would be "similar"."""
MIN_DIGIT_RUN = 4
"""A run of this many digits is a phone or record-number fragment."""


# The same texts come again and again (answer options, relationships, medicines, the ward's
# names): these pure functions remember their latest results, which makes indexing a whole
# ward (a first sync) several times cheaper. Results are strings or tuples, never shared
# mutable lists.
_REMEMBERED = 16_384


@functools.lru_cache(maxsize=_REMEMBERED)
def fold(text: str) -> str:
    """Lower-case, accent-free text, so "yilmaz" finds "Yılmaz" and "stanislaw" "Stanisław"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    """The folded words of ``text`` ("Hörgerät: dabei" → ["horgerat", "dabei"])."""
    return list(_words(text))


@functools.lru_cache(maxsize=_REMEMBERED)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def spellings(text: str) -> list[str]:
    """Folded words plus their transcribed spellings ("Müller" → muller, mueller)."""
    return list(_spellings(text))


@functools.lru_cache(maxsize=_REMEMBERED)
def _spellings(text: str) -> tuple[str, ...]:
    found = list(_words(text))
    lowered = unicodedata.normalize("NFC", text.casefold())
    if any(ch in lowered for ch in "äöüß"):
        found += [w for w in _WORD.findall(fold(lowered.translate(_TRANSCRIBE))) if w not in found]
    return tuple(found)


def digits(text: str) -> str:
    return _DIGITS.sub("", text)


def digit_runs(number: str) -> list[str]:
    """Every tail of a number's digits of at least ``MIN_DIGIT_RUN`` digits.

    The index holds the tails and a query matches them as prefixes, so any run of four
    or more digits typed ("5678", "2345", "01712345678") finds the number.
    """
    found = digits(number)
    return [found[i:] for i in range(0, len(found) - MIN_DIGIT_RUN + 1)]


def phone_digits(number: str) -> list[str]:
    """Digit strings a nurse may type for a number: as stored, and in national form.

    "+49 171 2345678" is typed as "0171…" on the ward; the country code can be one to
    three digits, so each split is kept (a few harmless extra tokens).
    """
    found = digits(number)
    if not found:
        return []
    forms = [found]
    stripped = number.strip()
    if stripped.startswith(("+", "00")):
        international = found[2:] if stripped.startswith("00") else found
        forms += ["0" + international[cc:] for cc in (1, 2, 3) if len(international) > cc + 4]
    return forms


# --- sounds alike: Kölner Phonetik (Postel 1969), made for German names ----------------

# Sets, not strings: "" (no neighbour at the word's edge) is in every string.
_VOWELS = frozenset("aeijouy")
_CSZ = frozenset("csz")
_SZ = frozenset("sz")
_CKQ = frozenset("ckq")
_C_HARD_FIRST = frozenset("ahkloqrux")
_C_HARD = frozenset("ahkoqux")


def _cologne_digit(prev: str, ch: str, nxt: str, first: bool) -> str:
    """One letter's digit; ``prev``/``nxt`` are "" at the word's edges (never "in" a set)."""
    if ch in _VOWELS:
        return "0"
    if ch == "h":
        return ""
    if ch == "b":
        return "1"
    if ch == "p":
        return "3" if nxt == "h" else "1"
    if ch in "dt":
        return "8" if nxt in _CSZ else "2"
    if ch in "fvw":
        return "3"
    if ch in "gkq":
        return "4"
    if ch == "c":
        if first:
            return "4" if nxt in _C_HARD_FIRST else "8"
        return "4" if nxt in _C_HARD and prev not in _SZ else "8"
    if ch == "x":
        return "8" if prev in _CKQ else "48"
    if ch == "l":
        return "5"
    if ch in "mn":
        return "6"
    if ch == "r":
        return "7"
    if ch in "sz":
        return "8"
    return ""


def sound_code(word: str) -> str:
    """The Kölner Phonetik code of a word: "Meyer", "Maier" and "Mayer" all give "67"."""
    letters = "".join(ch for ch in fold(word) if "a" <= ch <= "z")
    raw = "".join(
        _cologne_digit(
            letters[i - 1] if i else "",
            ch,
            letters[i + 1] if i + 1 < len(letters) else "",
            i == 0,
        )
        for i, ch in enumerate(letters)
    )
    collapsed = "".join(d for i, d in enumerate(raw) if i == 0 or d != raw[i - 1])
    return collapsed[:1] + collapsed[1:].replace("0", "")


# --- typos: one letter left out, added, changed, or two swapped ----------------------


def typo_keys(word: str) -> set[str]:
    """The word and each form of it with one letter left out.

    Two words one typo apart (a letter missing, extra or wrong, or two neighbours
    swapped) always share a key (the "symmetric delete" idea of SymSpell): "hofmann" is
    "hoffmann" with an f left out; "hoffamn" and "hoffman" share "hoffan". A few words
    two typos apart share one too ("schmitz", "schmidt": "schmit"), which search
    accepts: such matches rank below every word as typed.
    """
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def similar_keys(word: str) -> list[str]:
    """What the index holds so that misspellings and sound-alikes of ``word`` find it.

    Sound codes get an "s" prefix so a code never meets a typo key.
    """
    return list(_similar_keys(word))


@functools.lru_cache(maxsize=_REMEMBERED)
def _similar_keys(word: str) -> tuple[str, ...]:
    if len(word) < SIMILAR_MIN_LETTERS or not word.isalpha():
        return ()
    keys = sorted(typo_keys(word))
    code = sound_code(word)
    if len(code) >= 2:
        keys.append("s" + code)
    return tuple(keys)


def join(tokens: Iterable[str]) -> str:
    """One string of unique tokens, in first-seen order (for an index column)."""
    return " ".join(dict.fromkeys(t for t in tokens if t))
