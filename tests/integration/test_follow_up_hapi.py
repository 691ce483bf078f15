"""The follow-up request through a real FHIR server (HAPI).

Completing a discharge plan hands the follow-up to the hospital's messaging system:
after a sync the server holds exactly one CommunicationRequest of ours, with the
consenting helper's real number, the patient's preferred time window, based on the
plan's CarePlan; a second workstation sees it; cancelling it revokes it on the server.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.discharge import (
    FOLLOW_UP_CATEGORY,
    FOLLOW_UP_CATEGORY_SYSTEM,
    Destination,
    FollowUpStatus,
    TaskStatus,
)
from app.domain import Channel, ContactKind, ContactPoint, ContactRole, HomeCareContact, Source
from app.services.discharge import FOLLOW_UP_CHANNEL_QUESTION, FOLLOW_UP_TIMES_QUESTION
from sync import communication_request as cr
from tests.integration.fhir_seed import get, seed_ward

pytestmark = pytest.mark.integration

NUMBER = "+49 171 2233445"


def _ours(base_url: str, pid: str) -> list[dict[str, Any]]:
    bundle = get(
        base_url,
        "CommunicationRequest",
        patient=f"Patient/{pid}",
        category=f"{FOLLOW_UP_CATEGORY_SYSTEM}|{FOLLOW_UP_CATEGORY}",
    )
    return [e["resource"] for e in bundle.get("entry", [])]


def test_completing_a_plan_puts_one_request_with_the_number_and_time_on_the_server(
    hapi, workstations
) -> None:
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    a = workstations("a", ward.practitioner)
    b = workstations("b", ward.practitioner)
    a.sync()
    daughter = a.service.home_care.save_contact(
        HomeCareContact(
            id=a.service.new_id(),
            patient_id=pid,
            kind=ContactKind.PERSON,
            name="Ayse Yilmaz",
            relationship="daughter",
            roles=(ContactRole.HELPS_AT_HOME,),
            telecom=(ContactPoint(system="phone", value=NUMBER, rank=1),),
            preferred_channel=Channel.PHONE,
            consent_to_share=True,
            provenance=a.service.provenance_now(Source.PATIENT),
        )
    )
    plan = a.service.discharge.start_plan(pid, a.service.today(), Destination.HOME)
    a.service.discharge.set_home_helper(pid, daughter.id)
    a.service.answers.record(pid, FOLLOW_UP_CHANNEL_QUESTION, "via-relative", Source.PATIENT)
    a.service.answers.record(pid, FOLLOW_UP_TIMES_QUESTION, ("morning",), Source.PATIENT)
    for task in a.service.discharge.view(pid).tasks:
        a.service.discharge.save_task(task.model_copy(update={"status": TaskStatus.DONE}))
    # Completing again (an item re-opened and done again) makes no second one.
    last = a.service.discharge.view(pid).tasks[-1]
    a.service.discharge.save_task(last.model_copy(update={"status": TaskStatus.IN_PROGRESS}))
    a.service.discharge.save_task(last.model_copy(update={"status": TaskStatus.DONE}))
    summary = a.sync()
    assert summary.errors == (), summary
    assert a.service.outbox.count() == 0

    [res] = _ours(hapi.base_url, pid)
    assert res["status"] == "active"
    assert res["subject"]["reference"] == f"Patient/{pid}"
    assert res["basedOn"][0]["reference"] == f"CarePlan/{plan.id}"
    assert res["recipient"][0]["reference"].startswith(f"RelatedPerson/{daughter.id}")
    assert res["medium"][0]["coding"][0] == {
        "system": cr.PARTICIPATION_MODE,
        "code": "PHONE",
        "display": "telephone",
    }
    extensions = res["extension"]
    assert {"system": "phone", "value": NUMBER} in [e.get("valueContactPoint") for e in extensions]
    times = [e["valueCoding"]["code"] for e in extensions if e["url"] == cr.EXT_FOLLOW_UP_TIME]
    assert times == ["morning"]
    assert res["payload"][0]["contentString"]
    assert res["occurrencePeriod"]["start"].startswith(a.service.today().isoformat() + "T00:00:00")

    # Another workstation sees the same request; cancelling it there revokes it.
    assert b.sync().errors == ()
    seen = b.service.discharge.view(pid).follow_up.request
    assert seen is not None
    assert (seen.address, seen.times, seen.recipient_contact_id) == (
        NUMBER,
        ("morning",),
        daughter.id,
    )
    sent = a.service.discharge.view(pid).follow_up.request
    assert sent is not None
    assert seen.start == sent.start
    b.service.discharge.cancel_follow_up(seen.id)
    assert b.sync().errors == ()
    [revoked] = _ours(hapi.base_url, pid)
    assert revoked["status"] == "revoked"
    assert a.sync().errors == ()
    request = a.service.discharge.view(pid).follow_up.request
    assert request is not None
    assert request.status is FollowUpStatus.REVOKED
