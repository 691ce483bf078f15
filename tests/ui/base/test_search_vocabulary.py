"""What the UI calls a contact role or a discharge destination finds it in search.

The nurse reads "Notfallkontakt" on a contact and types it into the search box: the
UI's own wording (ui/base/words.py, translated by Qt) must be among the words the index
holds for that code (app/search/vocabulary.py), in German and in English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import StrEnum
from importlib import resources

import pytest

from app.discharge import Destination
from app.domain import ContactRole
from app.search.vocabulary import Words, default_vocabulary
from ui.base.words import contact_role_text, destination_text
from ui.qt import QtCore, QtWidgets


@pytest.fixture
def german(qapp: QtWidgets.QApplication) -> Iterator[None]:
    translator = QtCore.QTranslator()
    assert translator.load("askonce_de", str(resources.files("resources") / "i18n"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _words(entry: Words, language: str) -> set[str]:
    return {word.casefold() for word in entry[language]}


CASES: list[tuple[str, type[StrEnum], Callable[..., str], Callable[[str], Words]]] = [
    (
        "contact-role",
        ContactRole,
        contact_role_text,
        lambda code: default_vocabulary().contact_roles[code],
    ),
    (
        "destination",
        Destination,
        destination_text,
        lambda code: default_vocabulary().destinations[code],
    ),
]


def _pairs() -> list[object]:
    return [
        pytest.param(member, text, entry, id=f"{name}-{member.value}")
        for name, enum_type, text, entry in CASES
        for member in enum_type
    ]


def test_the_vocabulary_has_both_ui_languages() -> None:
    assert set(default_vocabulary().languages) >= {"en", "de"}


@pytest.mark.parametrize(("member", "text", "entry"), _pairs())
def test_the_english_ui_word_is_a_search_word(
    member: StrEnum, text: Callable[..., str], entry: Callable[[str], Words]
) -> None:
    shown = text(member)
    assert shown
    assert shown.casefold() in _words(entry(member.value), "en"), (
        f"the UI says {shown!r} for {member.value}; search knows {entry(member.value)['en']}"
    )


@pytest.mark.parametrize(("member", "text", "entry"), _pairs())
def test_the_german_ui_word_is_a_search_word(
    german: None, member: StrEnum, text: Callable[..., str], entry: Callable[[str], Words]
) -> None:
    shown = text(member)
    assert shown
    assert shown.casefold() in _words(entry(member.value), "de"), (
        f"the UI says {shown!r} for {member.value}; search knows {entry(member.value)['de']}"
    )


def test_the_german_words_really_are_german(german: None) -> None:
    # Without the translation the English words would be compared (and "Rehabilitation"
    # is the same in both languages).
    assert contact_role_text(ContactRole.EMERGENCY_CONTACT) == "Notfallkontakt"
    assert destination_text(Destination.NURSING_FACILITY) == "Pflegeeinrichtung"
