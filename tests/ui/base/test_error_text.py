"""The core's error messages reach the user in the user's language, values filled in."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from app.errors import KnownError, WrongPinError
from sync.oidc import ProviderUnreachableError
from ui.base.error_text import error_text
from ui.qt import QtCore, QtWidgets


@pytest.fixture
def german(qapp: QtWidgets.QApplication) -> Iterator[None]:
    translator = QtCore.QTranslator()
    assert translator.load("askonce_de", str(resources.files("resources") / "i18n"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _wrong_pin(left: int) -> WrongPinError:
    hint = (
        "1 more wrong try will block offline unlock."
        if left == 1
        else "{left} more wrong tries will block offline unlock."
    )
    return WrongPinError("Wrong PIN.", hint=hint, left=left)


def test_english_is_the_template_with_its_values() -> None:
    assert str(_wrong_pin(3)) == "Wrong PIN. 3 more wrong tries will block offline unlock."
    assert error_text(_wrong_pin(1)) == "Wrong PIN. 1 more wrong try will block offline unlock."


def test_german_message_and_hint_with_the_values(german: None) -> None:
    assert error_text(_wrong_pin(3)) == (
        "Falsche PIN. Noch 3 Fehlversuche, dann ist das Entsperren ohne Netz gesperrt."
    )
    offline = ProviderUnreachableError(
        "The identity provider cannot be reached.",
        hint="Check the network; you can still work offline.",
    )
    assert error_text(offline) == (
        "Der Anmeldedienst ist nicht erreichbar. Prüfen Sie das Netzwerk; Sie können ohne Netz"
        " weiterarbeiten."
    )


def test_a_text_without_translation_is_shown_as_it_is(german: None) -> None:
    assert error_text(KnownError("Already in the user's words.")) == "Already in the user's words."


def test_a_translation_with_broken_placeholders_falls_back_to_english(
    qapp: QtWidgets.QApplication,
) -> None:
    class Broken(QtCore.QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return "Noch {verbleibend} Versuche" if context == "Errors" else ""

    translator = Broken()
    qapp.installTranslator(translator)
    try:
        assert error_text(_wrong_pin(2)) == (
            "Wrong PIN. 2 more wrong tries will block offline unlock."
        )
    finally:
        qapp.removeTranslator(translator)


def test_an_unexpected_error_shows_none_of_its_text() -> None:
    assert error_text(RuntimeError("a path or a value that might name a patient")) == ""
