"""The sign-in window on a workstation nobody has used yet says what to do."""

from __future__ import annotations

from app.accounts import UserProfile
from app.domain import Role
from tests.conftest import FIXED_NOW
from ui.workstation.sign_in import SignInWindow


def test_first_use_says_plainly_to_sign_in_with_the_hospital_account(qtbot) -> None:
    window = SignInWindow(min_pin_length=6)
    qtbot.add_widget(window)
    window.show()
    window.show_choose([])
    assert window.title.text() == "Sign in to AskOnce"
    assert window.first_use.isVisible()
    assert "hospital account" in window.first_use.text()
    assert window.someone_else.text().replace("&", "") == "Sign in with your hospital account…"
    assert window.focusWidget() is window.someone_else
    assert not window.users.isVisible()


def test_with_users_here_it_asks_who_and_offers_someone_else(qtbot) -> None:
    window = SignInWindow(min_pin_length=6)
    qtbot.add_widget(window)
    window.show()
    leyla = UserProfile(
        user_id="u1", display_name="Leyla Demir", role=Role.NURSE, last_used=FIXED_NOW
    )
    window.show_choose([leyla])
    assert window.title.text() == "Who is signing in?"
    assert not window.first_use.isVisible()
    assert window.someone_else.text().replace("&", "") == "Someone else…"
    assert window.users.item(0).text() == "Continue as Leyla Demir"
