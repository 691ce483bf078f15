"""Words for what AskOnce stores as codes or free text, in every UI language.

The data is ``resources/search/vocabulary.json`` (a hospital may add words). Search
indexes every word of every language, so one cache serves a German and an English
nurse alike; the UI's own wording of each code is among the words (a test holds the
two together).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from app.errors import BugError
from app.search.text import words

Words = Mapping[str, tuple[str, ...]]
"""Language → the words of one entry."""


class Vocabulary:
    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.languages: tuple[str, ...] = tuple(raw["languages"])
        self.relationships = self._section(raw, "relationships")
        self.contact_roles = self._section(raw, "contact_roles")
        self.destinations = self._section(raw, "destinations")
        self.kinds = self._section(raw, "kinds")
        # The folded word sequence of every relationship word → its entry.
        self._relationship_by_words = {
            tuple(words(word)): entry
            for entry in self.relationships.values()
            for entry_words in entry.values()
            for word in entry_words
        }

    def _section(self, raw: Mapping[str, Any], name: str) -> dict[str, Words]:
        section = raw[name]
        result: dict[str, Words] = {}
        for key, entry in section.items():
            missing = set(self.languages) - set(entry)
            if missing or not all(isinstance(w, list) and w for w in entry.values()):
                raise BugError(f"vocabulary {name}/{key} lacks words for {sorted(missing)}")
            result[key] = {lang: tuple(entry[lang]) for lang in self.languages}
        return result

    def relationship(self, text: str) -> Words:
        """All words for the person a free-text relationship names ("Daughter" → Tochter …).

        The text may be a word of any language or an HL7 v3 RoleCode ("DAU", as another
        system's RelatedPerson may hold it). Unknown relationships ("the lady upstairs")
        have no entry: they are found by their own words only.
        """
        by_code = self.relationships.get(text.strip().upper())  # v3 RoleCode: "DAU"
        return by_code or self._relationship_by_words.get(tuple(words(text)), {})

    def all_words(self, entry: Words) -> list[str]:
        return [w for lang in self.languages for w in entry.get(lang, ())]

    def fingerprint(self) -> str:
        """Changes whenever a word changes, so the index is rebuilt with the new words."""
        sections = (self.relationships, self.contact_roles, self.destinations, self.kinds)
        text = json.dumps([self.languages, *sections], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@cache
def default_vocabulary() -> Vocabulary:
    ref = resources.files("resources") / "search" / "vocabulary.json"
    return Vocabulary(json.loads(ref.read_text(encoding="utf-8")))


def relationship_in(text: str, language: str) -> str:
    """A relationship in ``language`` if the vocabulary knows it ("daughter" → "Tochter"),
    else as typed."""
    known = default_vocabulary().relationship(text)
    return known[language][0] if language in known else text
