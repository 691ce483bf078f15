"""The follow-up after discharge: whom it reaches and at which number, consent, and the
request handed to the hospital's messaging system when the plan is complete.

Channel resolution is one pure function (``resolve_follow_up``); the service feeds it
the patient's answers, the helper at home and the patient's own numbers from the
hospital record. Completing the plan creates the request in the same
transaction as the task edit, once; cancelling revokes it, through the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from app import demo
from app.discharge import (
    Destination,
    FollowUpMedium,
    FollowUpProblem,
    FollowUpRequest,
    FollowUpStatus,
    TaskStatus,
    follow_up_payload,
    resolve_follow_up,
)
from app.domain import (
    Catalog,
    Channel,
    ContactPoint,
    OutboxOperation,
    RecordLanguage,
    RecordTelecom,
    Source,
)
from app.errors import ValidationError
from app.history_lines import follow_up_change
from app.services import CareService
from app.services.discharge import FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION
from app.store.database import Database
from tests.unit.test_discharge_service import (
    COORDINATOR,
    TODAY,
    _prov,
    add_patient,
    counts,
    grew,
    person,
)

MakeService = Callable[..., CareService]
PATIENT_PHONE = ContactPoint(system="phone", value="+49 30 1234567", rank=2)
PATIENT_MOBILE = ContactPoint(system="phone", value="+49 170 7654321", rank=1)
PATIENT_MAIL = ContactPoint(system="email", value="ada@example.org", rank=1)


# --- whom and how: the pure resolution ------------------------------------------------------


def test_a_phone_answer_reaches_the_patients_first_ranked_number() -> None:
    route = resolve_follow_up("phone", (PATIENT_MAIL, PATIENT_PHONE, PATIENT_MOBILE), None)
    assert route.ready
    assert (route.medium, route.address, route.recipient_contact_id) == (
        FollowUpMedium.PHONE,
        "+49 170 7654321",
        None,
    )
    email = resolve_follow_up("email", (PATIENT_PHONE, PATIENT_MAIL), None)
    assert (email.medium, email.address) == (FollowUpMedium.EMAIL, "ada@example.org")
    sms = resolve_follow_up("sms", (PATIENT_PHONE,), None)
    assert (sms.medium, sms.address) == (FollowUpMedium.SMS, "+49 30 1234567")


def test_a_missing_number_or_address_is_a_warning_not_a_route() -> None:
    phone = resolve_follow_up("phone", (PATIENT_MAIL,), None)
    assert (phone.ready, phone.problem, phone.address) == (False, FollowUpProblem.NO_NUMBER, "")
    mail = resolve_follow_up("email", (PATIENT_PHONE,), None)
    assert (mail.ready, mail.problem) == (False, FollowUpProblem.NO_EMAIL)
    assert resolve_follow_up(None, (PATIENT_PHONE,), None).problem is FollowUpProblem.NOT_ASKED
    letter = resolve_follow_up("letter", (PATIENT_PHONE,), None)
    assert letter.problem is FollowUpProblem.UNSUPPORTED


def test_via_a_relative_reaches_a_consenting_helper_on_their_own_channel() -> None:
    helper = person(
        "p",
        "c-daughter",
        "Ayse Yilmaz",
        consent_to_share=True,
        preferred_channel=Channel.SMS,
    )
    route = resolve_follow_up("via-relative", (PATIENT_MOBILE,), helper)
    assert route.ready
    assert (route.medium, route.address, route.recipient_contact_id, route.recipient_name) == (
        FollowUpMedium.SMS,
        "+49 171 1111111",
        "c-daughter",
        "Ayse Yilmaz",
    )
    no_mail = resolve_follow_up(
        "via-relative", (), helper.model_copy(update={"preferred_channel": Channel.EMAIL})
    )
    assert (no_mail.problem, no_mail.recipient_contact_id) == (
        FollowUpProblem.NO_EMAIL,
        "c-daughter",
    )


def test_a_helper_without_consent_is_never_the_recipient() -> None:
    helper = person("p", "c-son", "Deniz Yilmaz", consent_to_share=False)
    route = resolve_follow_up("via-relative", (PATIENT_MOBILE,), helper)
    assert not route.ready
    assert route.problem is FollowUpProblem.NO_CONSENT
    assert (route.recipient_contact_id, route.address, route.medium) == (None, "", None)
    assert route.recipient_name == "Deniz Yilmaz"  # only so the screen can say why
    assert resolve_follow_up("via-relative", (), None).problem is FollowUpProblem.NO_HELPER


def test_the_message_is_in_the_patients_language_where_we_have_it() -> None:
    text, language = follow_up_payload("de", "en")
    assert language == "de"
    assert text.startswith("Nachsorge")
    assert follow_up_payload("tr", "de")[1] == "de"  # no Turkish text: the hospital's language
    assert follow_up_payload(None, "fr")[1] == "en"


# --- through the service -----------------------------------------------------------------------


def _plan_with_helper(
    db: Database,
    catalog: Catalog,
    make_service: MakeService,
    *,
    consent: bool,
    helper_language: str = "",
) -> CareService:
    add_patient(
        db,
        catalog,
        contacts=(
            person(
                "patient-1",
                "c-daughter",
                "Ayse Yilmaz",
                consent_to_share=consent,
                preferred_channel=Channel.PHONE,
                language=helper_language,
            ),
        ),
    )
    service = make_service(COORDINATOR)
    service.discharge.start_plan("patient-1", TODAY, Destination.HOME)
    service.discharge.set_home_helper("patient-1", "c-daughter")
    service.answers.record("patient-1", FOLLOW_UP_CHANNEL_QUESTION, "via-relative", Source.PATIENT)
    service.answers.record(
        "patient-1", FOLLOW_UP_TIMES_QUESTION, ("morning", "evening"), Source.PATIENT
    )
    return service


def _complete_every_task(service: CareService) -> None:
    for task in service.discharge.view("patient-1").tasks:
        service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))


def _requests(service: CareService) -> list[FollowUpRequest]:
    return service.repo.follow_up_requests("patient-1")


def test_the_tab_and_summary_name_the_consenting_helpers_number(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = _plan_with_helper(db, catalog, make_service, consent=True)
    route = service.discharge.view("patient-1").follow_up.route
    assert route is not None
    assert route.ready
    assert (route.address, route.recipient_contact_id) == ("+49 171 1111111", "c-daughter")
    summary_route = service.discharge.summary("patient-1").follow_up.route
    assert summary_route == route


def test_a_phone_answer_without_a_known_number_warns(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    add_patient(db, catalog)
    service = make_service(COORDINATOR)
    service.discharge.start_plan("patient-1", TODAY, Destination.HOME)
    service.answers.record("patient-1", FOLLOW_UP_CHANNEL_QUESTION, "phone", Source.PATIENT)
    route = service.discharge.view("patient-1").follow_up.route
    assert route is not None
    assert route.problem is FollowUpProblem.NO_NUMBER
    _complete_every_task(service)
    assert _requests(service) == []  # nothing goes out without a number
    with pytest.raises(ValidationError, match="no number or address"):
        service.discharge.request_follow_up("patient-1")


def test_a_phone_answer_reaches_the_number_in_the_hospital_record(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patient = add_patient(db, catalog).model_copy(
        update={
            "telecom": (
                RecordTelecom(system="fax", value="+49 30 999"),
                RecordTelecom(system="phone", value="+49 30 1234567"),
                RecordTelecom(system="email", value="ada@example.org", rank=1),
                RecordTelecom(system="sms", value="+49 170 7654321", rank=2),
            ),
            "languages": (RecordLanguage(code="de", preferred=True),),
        }
    )
    demo.load_into(db, catalog, [demo.DemoPatient(patient, (), (), ())])
    service = make_service(COORDINATOR)
    service.discharge.start_plan(patient.id, TODAY, Destination.HOME)
    service.answers.record(patient.id, FOLLOW_UP_CHANNEL_QUESTION, "phone", Source.PATIENT)
    route = service.discharge.view(patient.id).follow_up.route
    assert route is not None
    assert (route.medium, route.address, route.recipient_contact_id) == (
        FollowUpMedium.PHONE,
        "+49 170 7654321",  # ranked before the unranked landline; never the fax
        None,
    )
    _complete_every_task(service)
    (request,) = _requests(service)
    assert (request.address, request.language) == ("+49 170 7654321", "de")  # the record's


def test_completing_the_plan_creates_exactly_one_request_in_the_same_transaction(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = _plan_with_helper(db, catalog, make_service, consent=True, helper_language="de")
    # The patient's own language does not matter: the daughter receives it, in hers.
    service.answers.record("patient-1", "communication.preferred-language", "en", Source.PATIENT)
    tasks = service.discharge.view("patient-1").tasks
    for task in tasks[:-1]:
        service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
    assert _requests(service) == []
    before = counts(db)
    service.discharge.save_task(tasks[-1].model_copy(update={"status": TaskStatus.DONE}))
    # The task and the request: two outbox entries, two history lines, two audit entries.
    assert grew(before, counts(db)) == {"outbox": 2, "history": 2, "audit_log": 2}
    (request,) = _requests(service)
    assert request.status is FollowUpStatus.ACTIVE
    assert (request.medium, request.address) == (FollowUpMedium.PHONE, "+49 171 1111111")
    assert (request.recipient_contact_id, request.recipient_name) == ("c-daughter", "Ayse Yilmaz")
    assert request.times == ("morning", "evening")
    assert request.language == "de"
    assert request.payload.startswith("Nachsorge nach dem Krankenhausaufenthalt Ihrer")
    assert "Ihrem Krankenhausaufenthalt" not in request.payload  # worded to the relative
    assert request.provenance.recorded_by == COORDINATOR
    assert request.unsent
    entry = service.repo.outbox()[-1]
    assert (entry.resource_type, entry.operation, entry.resource_id) == (
        "CommunicationRequest",
        OutboxOperation.CREATE,
        request.id,
    )
    line = service.repo.history("patient-1")[0]
    assert (line.subject, line.action) == ("Follow-up request", "requested")
    view = service.discharge.view("patient-1")
    assert view.follow_up.request == request
    assert view.follow_up.request_times == "Morning, Evening"
    # The plan, every task and the request wait for the server.
    plan_and_tasks = 1 + len(view.tasks)
    assert service.discharge.unsent("patient-1") == plan_and_tasks + 1

    # Re-opening an item puts the request on hold; completing it again makes it active
    # again, and no second request.
    last = service.discharge.view("patient-1").tasks[-1]
    service.discharge.save_task(last.model_copy(update={"status": TaskStatus.IN_PROGRESS}))
    (held,) = _requests(service)
    assert held.status is FollowUpStatus.ON_HOLD
    assert service.repo.history("patient-1")[0].action == "on hold"
    _complete_every_task(service)
    (resumed,) = _requests(service)
    assert (resumed.id, resumed.status) == (request.id, FollowUpStatus.ACTIVE)
    # Asking again while one is active gives the same one.
    assert service.discharge.request_follow_up("patient-1").id == request.id
    assert len(_requests(service)) == 1


def test_cancelling_revokes_the_request_through_the_outbox(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = _plan_with_helper(db, catalog, make_service, consent=True)
    _complete_every_task(service)
    (request,) = _requests(service)
    before = counts(db)
    revoked = service.discharge.cancel_follow_up(request.id)
    assert revoked.status is FollowUpStatus.REVOKED
    assert grew(before, counts(db)) == {"outbox": 1, "history": 1, "audit_log": 1}
    (stored,) = _requests(service)
    assert stored.status is FollowUpStatus.REVOKED
    entry = service.repo.outbox()[-1]
    assert (entry.resource_type, entry.operation) == (
        "CommunicationRequest",
        OutboxOperation.UPDATE,
    )
    assert entry.payload["status"] == "revoked"
    line = service.repo.history("patient-1")[0]
    assert (line.subject, line.action) == ("Follow-up request", "cancelled")
    # A cancelled request is not made again by re-completing; a person asks explicitly.
    last = service.discharge.view("patient-1").tasks[-1]
    service.discharge.save_task(last.model_copy(update={"status": TaskStatus.IN_PROGRESS}))
    _complete_every_task(service)
    assert len(_requests(service)) == 1
    again = service.discharge.request_follow_up("patient-1")
    assert again.id != request.id
    assert again.status is FollowUpStatus.ACTIVE
    assert service.discharge.view("patient-1").follow_up.request == again
    with pytest.raises(ValidationError, match="no longer in the cache"):
        service.discharge.cancel_follow_up("no-such-request")


def test_a_helper_without_consent_gets_no_request_and_the_service_says_why(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = _plan_with_helper(db, catalog, make_service, consent=False)
    follow = service.discharge.view("patient-1").follow_up
    assert follow.route is not None
    assert follow.route.problem is FollowUpProblem.NO_CONSENT
    _complete_every_task(service)
    assert _requests(service) == []
    with pytest.raises(ValidationError, match="not consented to receive information"):
        service.discharge.request_follow_up("patient-1")
    summary = service.discharge.summary("patient-1")
    assert summary.follow_up.route is not None
    assert summary.follow_up.route.recipient_contact_id is None


def test_the_history_line_of_a_request() -> None:
    request = FollowUpRequest(
        id="r1",
        patient_id="p",
        plan_id="plan",
        medium=FollowUpMedium.SMS,
        address="+49 170 1",
        times=("morning",),
        provenance=_prov(),
    )
    line = follow_up_change(None, request)
    assert (line.area, line.subject, line.action) == ("discharge", "Follow-up request", "requested")
    assert line.new_value == "sms +49 170 1; patient; morning; (active)"
    done = request.model_copy(update={"status": FollowUpStatus.COMPLETED})
    assert follow_up_change(request, done).action == "done"


# --- the record's numbers: use and system ------------------------------------------------------


def test_an_old_number_is_never_used_and_a_temporary_one_only_when_alone() -> None:
    old = RecordTelecom(system="phone", value="+49 30 0000000", use="old", rank=1)
    temp = RecordTelecom(system="phone", value="+49 30 2222222", use="temp", rank=2)
    home = RecordTelecom(system="phone", value="+49 30 1234567", use="home", rank=3)
    assert resolve_follow_up("phone", (old, temp, home), None).address == "+49 30 1234567"
    assert resolve_follow_up("phone", (old, temp), None).address == "+49 30 2222222"
    only_old = resolve_follow_up("phone", (old,), None)
    assert (only_old.ready, only_old.problem) == (False, FollowUpProblem.NO_NUMBER)


def test_an_sms_goes_to_a_mobile_or_sms_number_before_a_landline() -> None:
    landline = RecordTelecom(system="phone", value="+49 30 1234567", use="home", rank=1)
    mobile = RecordTelecom(system="phone", value="+49 170 7654321", use="mobile", rank=2)
    texting = RecordTelecom(system="sms", value="+49 171 5555555", rank=3)
    assert resolve_follow_up("sms", (landline, mobile), None).address == "+49 170 7654321"
    assert resolve_follow_up("sms", (landline, texting), None).address == "+49 171 5555555"
    assert resolve_follow_up("phone", (landline, mobile), None).address == "+49 30 1234567"
    assert resolve_follow_up("sms", (landline,), None).address == "+49 30 1234567"  # all known


def test_the_message_to_a_relative_is_worded_to_them() -> None:
    text, language = follow_up_payload("de", "en", to_relative=True)
    assert language == "de"
    assert "Angehörigen" in text
    assert follow_up_payload("de", "en")[0] != text


# --- the request follows changes of consent, helper and channel ---------------------------------


def _completed_with_helper(
    db: Database, catalog: Catalog, make_service: MakeService
) -> tuple[CareService, FollowUpRequest]:
    service = _plan_with_helper(db, catalog, make_service, consent=True)
    _complete_every_task(service)
    (request,) = _requests(service)
    return service, request


def test_withdrawn_consent_revokes_the_request_in_the_same_transaction(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service, request = _completed_with_helper(db, catalog, make_service)
    helper = service.repo.contact("c-daughter")
    assert helper is not None
    before = counts(db)
    service.home_care.save_contact(helper.model_copy(update={"consent_to_share": False}))
    # The contact and the revoked request: two of each.
    assert grew(before, counts(db)) == {"outbox": 2, "history": 2, "audit_log": 2}
    (stored,) = _requests(service)
    assert (stored.id, stored.status) == (request.id, FollowUpStatus.REVOKED)
    line = service.repo.history("patient-1")[0]
    assert (line.subject, line.action) == ("Follow-up request", "cancelled")


def test_a_helper_no_longer_active_loses_the_request(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service, _request = _completed_with_helper(db, catalog, make_service)
    helper = service.repo.contact("c-daughter")
    assert helper is not None
    service.home_care.save_contact(helper.model_copy(update={"active": False}))
    (stored,) = _requests(service)
    assert stored.status is FollowUpStatus.REVOKED


def test_a_new_number_of_the_helper_replaces_the_request(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service, request = _completed_with_helper(db, catalog, make_service)
    helper = service.repo.contact("c-daughter")
    assert helper is not None
    new_number = (ContactPoint(system="phone", value="+49 171 2222222", rank=1),)
    service.home_care.save_contact(helper.model_copy(update={"telecom": new_number}))
    old, new = _requests(service)
    assert (old.id, old.status) == (request.id, FollowUpStatus.REVOKED)
    assert (new.status, new.address) == (FollowUpStatus.ACTIVE, "+49 171 2222222")
    # Saving the contact unchanged again changes nothing more.
    again = service.repo.contact("c-daughter")
    assert again is not None
    service.home_care.save_contact(again)
    assert len(_requests(service)) == 2


def test_another_helper_receives_a_new_request(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service, _request = _completed_with_helper(db, catalog, make_service)
    son = person("patient-1", "c-son", "Deniz Yilmaz", consent_to_share=True).model_copy(
        update={"telecom": (ContactPoint(system="phone", value="+49 172 3333333", rank=1),)}
    )
    service.home_care.save_contact(son)
    assert len(_requests(service)) == 1  # a new contact alone changes nothing
    before = counts(db)
    service.discharge.set_home_helper("patient-1", "c-son")
    # The plan, the revoked request and the new one.
    assert grew(before, counts(db)) == {"outbox": 3, "history": 3, "audit_log": 3}
    old, new = _requests(service)
    assert old.status is FollowUpStatus.REVOKED
    assert (new.status, new.recipient_contact_id, new.address) == (
        FollowUpStatus.ACTIVE,
        "c-son",
        "+49 172 3333333",
    )
    service.discharge.set_home_helper("patient-1", None)
    assert [r.status for r in _requests(service)] == [FollowUpStatus.REVOKED] * 2


def test_a_changed_channel_answer_re_routes_the_request(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service, request = _completed_with_helper(db, catalog, make_service)
    patient = service.repo.patient("patient-1")
    assert patient is not None
    with db.transaction() as conn:  # the hospital record now has a number for the patient
        service.repo.put_patient(
            conn,
            patient.model_copy(
                update={"telecom": (RecordTelecom(system="phone", value="+49 30 1234567"),)}
            ),
        )
    (channel,) = [
        a
        for a in service.repo.answers("patient-1")
        if a.question_code == FOLLOW_UP_CHANNEL_QUESTION
    ]
    before = counts(db)
    service.answers.correct(channel.id, "phone", Source.PATIENT)
    assert grew(before, counts(db)) == {"outbox": 3, "history": 3, "audit_log": 3}
    old, new = _requests(service)
    assert (old.id, old.status) == (request.id, FollowUpStatus.REVOKED)
    assert (new.recipient_contact_id, new.address) == (None, "+49 30 1234567")
    # A changed time window alone keeps the request.
    (times,) = [
        a for a in service.repo.answers("patient-1") if a.question_code == FOLLOW_UP_TIMES_QUESTION
    ]
    service.answers.correct(times.id, ("midday",), Source.PATIENT)
    assert len(_requests(service)) == 2


# --- completion and readiness ------------------------------------------------------------------


def test_finishing_the_plan_with_not_needed_creates_the_request(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = _plan_with_helper(db, catalog, make_service, consent=True)
    tasks = service.discharge.view("patient-1").tasks
    for task in tasks[:-1]:
        service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
    service.discharge.save_task(tasks[-1].model_copy(update={"status": TaskStatus.NOT_NEEDED}))
    (request,) = _requests(service)
    assert request.status is FollowUpStatus.ACTIVE


def test_the_request_starts_on_the_expected_discharge_day(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    _service, request = _completed_with_helper(db, catalog, make_service)
    assert request.start is not None
    assert request.start.utcoffset() is not None
    assert (request.start.date(), request.start.hour, request.start.minute) == (TODAY, 0, 0)


def test_requesting_before_the_plan_is_complete_is_refused(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = _plan_with_helper(db, catalog, make_service, consent=True)
    with pytest.raises(ValidationError, match="not complete yet"):
        service.discharge.request_follow_up("patient-1")
    assert _requests(service) == []


def test_a_moved_discharge_date_moves_the_requests_start(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service, request = _completed_with_helper(db, catalog, make_service)
    plan = service.discharge.plan_of("patient-1")
    assert plan is not None
    later = TODAY + timedelta(days=2)
    service.discharge.save_plan(plan.model_copy(update={"expected_date": later}))
    (moved,) = _requests(service)
    assert (moved.id, moved.status) == (request.id, FollowUpStatus.ACTIVE)
    assert moved.start is not None
    assert moved.start.date() == later
    line = service.repo.history("patient-1")[0]
    assert (line.subject, line.action) == ("Follow-up request", "changed")
