"""The follow-up on the Discharge tab: whom it reaches, why not (consent), and the request
to the messaging system — visible in the plan and cancelled from the keyboard.
"""

from __future__ import annotations

from app.discharge import FollowUpProblem, FollowUpStatus, TaskStatus
from app.domain import Answer, ContactKind, ContactPoint, HomeCareContact, Source
from app.services import CareService, DischargeView
from app.services.discharge import FOLLOW_UP_CHANNEL_QUESTION
from tests.conftest import FIXED_NOW
from tests.ui.discharge.helpers import find_view, fresh_view, open_on_discharge_tab, shown
from ui.discharge.summary.document import PrintedBy, SummaryWriter
from ui.mainwindow.window import MainWindow
from ui.qt import Qt


def _with_phone(contact: HomeCareContact) -> bool:
    return contact.kind is ContactKind.PERSON and any(t.system == "phone" for t in contact.telecom)


def _set_consent(service: CareService, contact_id: str, given: bool) -> None:
    stored = service.repo.contact(contact_id)
    assert stored is not None
    service.home_care.save_contact(stored.model_copy(update={"consent_to_share": given}))


def _via(service: CareService, view: DischargeView, helper: HomeCareContact) -> None:
    """The patient wants the follow-up through this helper (on the DB worker)."""
    pid = view.patient.id
    service.discharge.set_home_helper(pid, helper.id)
    old: Answer | None = service.discharge.newest_answers(pid).get(FOLLOW_UP_CHANNEL_QUESTION)
    if old is None:
        service.answers.record(pid, FOLLOW_UP_CHANNEL_QUESTION, "via-relative", Source.PATIENT)
    else:
        service.answers.correct(old.id, "via-relative", Source.PATIENT)


def test_the_request_is_shown_in_the_plan_and_cancelled_by_keyboard(
    qtbot, main_window: MainWindow
) -> None:
    view = find_view(
        main_window,
        lambda v: (
            v.plan is not None
            and v.follow_up.request is None
            and any(t.status is not TaskStatus.DONE for t in v.tasks)
            and any(c.consent_to_share and _with_phone(c) for c in v.contacts)
        ),
    )
    pid = view.patient.id
    helper = next(c for c in view.contacts if c.consent_to_share and _with_phone(c))
    service = main_window.service

    def complete() -> None:
        _via(service, view, helper)
        for task in service.discharge.view(pid).tasks:
            if task.status is not TaskStatus.DONE:
                service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))

    main_window.tasks.run_db_blocking(complete)
    open_on_discharge_tab(qtbot, main_window, pid)
    section = main_window.patient_view.discharge.follow_up
    request = shown(main_window).follow_up.request
    assert request is not None
    assert request.status is FollowUpStatus.ACTIVE
    assert request.recipient_contact_id == helper.id
    text = section.request_label.text()
    assert "Follow-up request <b>requested</b>" in text
    assert request.address in text
    assert helper.name in section.route_label.text()
    assert "(helper at home)" in section.route_label.text()
    assert section.cancel_request_button.isVisible()
    assert not section.request_button.isVisible()

    # Keyboard: the button is in the Tab order, takes the focus and Space presses it.
    assert section.cancel_request_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    section.cancel_request_button.setFocus()
    qtbot.waitUntil(section.cancel_request_button.hasFocus)
    qtbot.keyClick(section.cancel_request_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "<b>cancelled</b>" in section.request_label.text(), timeout=10_000)
    stored = fresh_view(main_window, pid).follow_up.request
    assert stored is not None
    assert stored.status is FollowUpStatus.REVOKED
    assert "Follow-up request <b>cancelled</b>" in section.request_label.text()
    assert not section.cancel_request_button.isVisible()

    # Requested again from the keyboard: a new request.
    assert section.request_button.isVisible()
    section.request_button.setFocus()
    qtbot.waitUntil(section.request_button.hasFocus)
    qtbot.keyClick(section.request_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "<b>requested</b>" in section.request_label.text(), timeout=10_000)
    again = fresh_view(main_window, pid).follow_up.request
    assert again is not None
    assert again.status is FollowUpStatus.ACTIVE
    assert again.id != stored.id

    # Consent withdrawn after the request went out: the same edit revokes it, and nothing
    # can be requested through that helper any more.
    main_window.tasks.run_db_blocking(lambda: _set_consent(service, helper.id, False))
    open_on_discharge_tab(qtbot, main_window, pid)
    revoked = fresh_view(main_window, pid).follow_up.request
    assert revoked is not None
    assert (revoked.id, revoked.status) == (again.id, FollowUpStatus.REVOKED)
    assert "Follow-up request <b>cancelled</b>" in section.request_label.text()
    assert not section.cancel_request_button.isVisible()
    assert not section.request_button.isVisible()


def test_a_helper_without_consent_is_named_with_the_reason(qtbot, main_window: MainWindow) -> None:
    view = find_view(
        main_window,
        lambda v: v.plan is not None and any(c.kind is ContactKind.PERSON for c in v.contacts),
    )
    pid = view.patient.id
    helper = next(c for c in view.contacts if c.kind is ContactKind.PERSON)
    service = main_window.service

    def without_consent() -> None:
        stored = service.repo.contact(helper.id)
        assert stored is not None
        service.home_care.save_contact(stored.model_copy(update={"consent_to_share": False}))
        _via(service, view, helper)

    main_window.tasks.run_db_blocking(without_consent)
    open_on_discharge_tab(qtbot, main_window, pid)
    follow = shown(main_window).follow_up
    assert follow.route is not None
    assert follow.route.problem is FollowUpProblem.NO_CONSENT
    text = main_window.patient_view.discharge.follow_up.route_label.text()
    assert f"{helper.name} has not consented to receive information" in text
    assert text.startswith("⚠")
    assert not main_window.patient_view.discharge.follow_up.request_button.isVisible()
    combo = main_window.patient_view.discharge.contacts.helper_combo
    label = combo.itemText(combo.findData(helper.id))
    assert label.endswith(" — no consent to receive information")


def test_the_summary_never_prints_a_helper_without_consent_as_the_follow_up_contact(
    qtbot, main_window: MainWindow
) -> None:
    view = find_view(
        main_window,
        lambda v: v.plan is not None and any(_with_phone(c) for c in v.contacts),
    )
    pid = view.patient.id
    helper = next(c for c in view.contacts if _with_phone(c))
    service = main_window.service
    writer = SummaryWriter()
    printed = PrintedBy(actor=service.actor, at=FIXED_NOW, demo=True)

    def consent(given: bool) -> str:
        stored = service.repo.contact(helper.id)
        assert stored is not None
        service.home_care.save_contact(stored.model_copy(update={"consent_to_share": given}))
        _via(service, view, helper)
        return writer.html(service.discharge.summary(pid), printed)

    without = main_window.tasks.run_db_blocking(lambda: consent(False))
    assert f"UNKNOWN — {helper.name} has not consented to receive information" in without
    assert "(helper at home) — " not in without
    assert f"{helper.name} has not consented to receive information: not a contact" in without
    with_consent = main_window.tasks.run_db_blocking(lambda: consent(True))
    number = next(t.value for t in helper.ranked_telecom() if t.system == "phone")
    assert f"{helper.name} (helper at home) — " in with_consent
    assert number in with_consent
    assert "has not consented" not in with_consent


def test_the_summary_prints_what_was_sent_and_flags_a_changed_route(
    qtbot, main_window: MainWindow
) -> None:
    view = find_view(
        main_window,
        lambda v: (
            v.plan is not None
            and v.follow_up.request is None
            and any(c.consent_to_share and _with_phone(c) for c in v.contacts)
        ),
    )
    pid = view.patient.id
    helper = next(c for c in view.contacts if c.consent_to_share and _with_phone(c))
    service = main_window.service
    writer = SummaryWriter()
    printed = PrintedBy(actor=service.actor, at=FIXED_NOW, demo=True)

    def complete() -> str:
        _via(service, view, helper)
        for task in service.discharge.view(pid).tasks:
            if task.status is not TaskStatus.DONE:
                service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
        return writer.html(service.discharge.summary(pid), printed)

    html = main_window.tasks.run_db_blocking(complete)
    number = next(t.value for t in helper.ranked_telecom() if t.system == "phone")
    assert f"requested from the messaging system: to {helper.name} (helper at home)" in html
    assert number in html
    assert "Differs from the current follow-up contact" not in html

    def number_changed_elsewhere() -> str:
        # A sync brings the helper's new number: no local edit re-routed the request yet.
        stored = service.repo.contact(helper.id)
        assert stored is not None
        new = (ContactPoint(system="phone", value="+49 160 9999999", rank=1),)
        with service.db.transaction() as conn:
            service.repo.put_contact(conn, stored.model_copy(update={"telecom": new}))
        return writer.html(service.discharge.summary(pid), printed)

    changed = main_window.tasks.run_db_blocking(number_changed_elsewhere)
    assert "+49 160 9999999" in changed  # the current route
    assert number in changed  # what was sent
    assert "Differs from the current follow-up contact" in changed


def test_every_request_status_has_words_on_the_tab(main_window: MainWindow) -> None:
    section = main_window.patient_view.discharge.follow_up
    words = {status: section.status_words(status) for status in FollowUpStatus}
    assert all(words.values())
    assert len(set(words.values())) == len(FollowUpStatus)
    assert words[FollowUpStatus.ON_HOLD] == "on hold until the plan is complete again"
