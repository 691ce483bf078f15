"""The follow-up request on the wire: FollowUpRequest ⇄ CommunicationRequest.

Every element round-trips (validated with fhir.resources); the medium carries the
v3-ParticipationMode code a messaging system reads and the precise contact-point code;
elements and extensions of other systems on the server's version are kept; resources
that are not ours are refused without the number in the message; the registry finds
ours by category.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from app.discharge import (
    FOLLOW_UP_CATEGORY,
    FOLLOW_UP_CATEGORY_SYSTEM,
    FollowUpMedium,
    FollowUpRequest,
    FollowUpStatus,
)
from app.domain import Actor, Provenance, Source
from sync import communication_request as cr
from sync import mapping, registry, smart
from sync.merge import three_way_merge

COORDINATOR = Actor(user_id="Practitioner/coord-1", display_name="Coordinator One")
AT = datetime(2026, 11, 23, 10, 30, 15, 123000, tzinfo=UTC)  # a FHIR instant's precision
PROV = Provenance(recorded_by=COORDINATOR, recorded_at=AT, source=Source.CHART)


START = datetime(2026, 11, 25, 0, 0, tzinfo=timezone(timedelta(hours=1)))
"""The local start of the expected discharge day (a Berlin winter day)."""


def a_request(**fields: object) -> FollowUpRequest:
    values: dict[str, object] = {
        "id": "5f0e2a0c-8d4b-4e51-9d0a-3b1f7c2e9a11",
        "patient_id": "p-1",
        "plan_id": "plan-1",
        "medium": FollowUpMedium.PHONE,
        "recipient_contact_id": "rp-daughter",
        "recipient_name": "Ayse Yilmaz",
        "address": "+49 171 1111111",
        "times": ("morning", "evening"),
        "payload": "Nachsorge nach Ihrem Krankenhausaufenthalt.",
        "language": "de",
        "status": FollowUpStatus.ACTIVE,
        "start": START,
        "provenance": PROV,
    }
    values.update(fields)
    return FollowUpRequest.model_validate(values)


def _server(res: dict[str, object], version: str = "3") -> dict[str, object]:
    """As a server returns it: with meta.versionId."""
    out = copy.deepcopy(res)
    out["meta"] = {"versionId": version, "lastUpdated": "2026-11-23T10:31:00Z"}
    return out


def test_every_element_round_trips() -> None:
    request = a_request()
    res = cr.request_to_fhir(request)
    assert res["resourceType"] == "CommunicationRequest"
    assert res["status"] == "active"
    assert res["subject"] == {"reference": "Patient/p-1"}
    assert res["basedOn"] == [{"reference": "CarePlan/plan-1"}]
    assert res["category"][0]["coding"] == [
        {"system": FOLLOW_UP_CATEGORY_SYSTEM, "code": FOLLOW_UP_CATEGORY}
    ]
    assert res["medium"][0]["coding"] == [
        {"system": cr.PARTICIPATION_MODE, "code": "PHONE", "display": "telephone"},
        {"system": cr.CONTACT_POINT_SYSTEM, "code": "phone"},
    ]
    assert res["recipient"] == [
        {"reference": "RelatedPerson/rp-daughter", "display": "Ayse Yilmaz"}
    ]
    assert res["payload"] == [{"contentString": "Nachsorge nach Ihrem Krankenhausaufenthalt."}]
    assert res["language"] == "de"
    assert res["requester"] == {"reference": "Practitioner/coord-1", "display": "Coordinator One"}
    assert res["authoredOn"] == "2026-11-23T10:30:15.123Z"
    extensions = {e["url"]: e for e in res["extension"]}
    assert extensions[cr.EXT_FOLLOW_UP_ADDRESS]["valueContactPoint"] == {
        "system": "phone",
        "value": "+49 171 1111111",
    }
    times = [
        e["valueCoding"]["code"] for e in res["extension"] if e["url"] == cr.EXT_FOLLOW_UP_TIME
    ]
    assert times == ["morning", "evening"]
    assert res["occurrencePeriod"] == {"start": "2026-11-25T00:00:00+01:00"}

    back = cr.fhir_to_request(_server(res))
    assert back == request.model_copy(
        update={
            "server_version": "3",
            "provenance": PROV.model_copy(update={"based_on_version": "3"}),
        }
    )


@pytest.mark.parametrize(
    ("medium", "mode"),
    [
        (FollowUpMedium.PHONE, "PHONE"),
        (FollowUpMedium.SMS, "WRITTEN"),
        (FollowUpMedium.EMAIL, "EMAILWRIT"),
    ],
)
def test_each_medium_and_a_request_to_the_patient(medium: FollowUpMedium, mode: str) -> None:
    address = "ada@example.org" if medium is FollowUpMedium.EMAIL else "+49 30 1234567"
    request = a_request(
        medium=medium,
        recipient_contact_id=None,
        recipient_name="",
        address=address,
        times=(),
        payload="",
        language="en",
        status=FollowUpStatus.REVOKED,
    )
    res = cr.request_to_fhir(request)
    assert res["medium"][0]["coding"][0]["code"] == mode
    assert res["recipient"] == [{"reference": "Patient/p-1"}]
    assert res["status"] == "revoked"
    assert "payload" not in res
    system = "email" if medium is FollowUpMedium.EMAIL else "phone"
    assert {"system": system, "value": address} in [
        e.get("valueContactPoint") for e in res["extension"]
    ]
    back = cr.fhir_to_request(res)
    assert back.model_dump(exclude={"provenance"}) == request.model_dump(exclude={"provenance"})


def test_a_messaging_system_that_sends_only_the_v3_code_is_understood() -> None:
    res = cr.request_to_fhir(a_request(medium=FollowUpMedium.EMAIL, address="a@example.org"))
    res["medium"] = [{"coding": [{"system": cr.PARTICIPATION_MODE, "code": "EMAILWRIT"}]}]
    assert cr.fhir_to_request(res).medium is FollowUpMedium.EMAIL


def test_other_systems_elements_on_the_server_version_are_kept() -> None:
    base = _server(cr.request_to_fhir(a_request()))
    foreign_ext = {"url": "https://other.example/ext", "valueString": "x"}
    base["extension"].append(foreign_ext)  # type: ignore[attr-defined]
    base["category"].append({"text": "other system's category"})  # type: ignore[attr-defined]
    base["basedOn"].append({"reference": "ServiceRequest/sr-1"})  # type: ignore[attr-defined]
    revoked = cr.request_to_fhir(a_request(status=FollowUpStatus.REVOKED, times=("midday",)), base)
    assert revoked["status"] == "revoked"
    assert foreign_ext in revoked["extension"]
    assert {"text": "other system's category"} in revoked["category"]
    assert {"reference": "ServiceRequest/sr-1"} in revoked["basedOn"]
    times = [e for e in revoked["extension"] if e["url"] == cr.EXT_FOLLOW_UP_TIME]
    assert [e["valueCoding"]["code"] for e in times] == ["midday"]  # ours replaced, not added
    assert [e["url"] for e in revoked["extension"]].count(cr.EXT_FOLLOW_UP_ADDRESS) == 1


def test_a_foreign_request_is_refused_without_the_number_in_the_message() -> None:
    res = cr.request_to_fhir(a_request())
    res["category"] = [{"coding": [{"system": "https://other.example", "code": "reminder"}]}]
    assert not cr.is_follow_up(res)
    with pytest.raises(mapping.MappingError) as refused:
        cr.fhir_to_request(res)
    assert "+49" not in str(refused.value)
    no_address = cr.request_to_fhir(a_request())
    no_address["extension"] = [
        e for e in no_address["extension"] if e["url"] != cr.EXT_FOLLOW_UP_ADDRESS
    ]
    with pytest.raises(mapping.MappingError, match="no number or address"):
        cr.fhir_to_request(no_address)


def test_the_registry_keeps_follow_up_requests_with_their_scope() -> None:
    kind = registry.kind("CommunicationRequest")
    assert registry.RECORDS[-1] is kind
    assert kind.record_class is FollowUpRequest
    assert kind.patient_param == "patient"
    assert kind.filters == {"category": f"{FOLLOW_UP_CATEGORY_SYSTEM}|{FOLLOW_UP_CATEGORY}"}
    res = cr.request_to_fhir(a_request())
    assert kind.is_ours(res)
    assert kind.patient_of(res) == "p-1"
    assert registry.record_from_resource("CommunicationRequest", res, None) == cr.fhir_to_request(  # type: ignore[arg-type]
        res
    )
    assert smart.PERMISSIONS["CommunicationRequest"] == smart.WRITE


def test_a_request_changed_on_two_sides_merges_field_by_field() -> None:
    base = _server(cr.request_to_fhir(a_request()))
    mine = cr.request_to_fhir(a_request(status=FollowUpStatus.REVOKED), base)
    theirs = copy.deepcopy(base)
    theirs["note"] = [{"text": "the call system's note"}]
    merged, conflicts = three_way_merge(base, mine, theirs)
    assert conflicts == []
    assert merged["status"] == "revoked"
    assert merged["note"] == [{"text": "the call system's note"}]


@pytest.mark.parametrize("status", list(FollowUpStatus))
def test_every_r4_status_is_read_and_written(status: FollowUpStatus) -> None:
    res = cr.request_to_fhir(a_request(status=status))
    assert res["status"] == status.value
    assert cr.fhir_to_request(_server(res)).status is status


def test_the_r4_statuses_are_all_known() -> None:
    r4 = {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}
    assert {s.value for s in FollowUpStatus} == r4


def test_a_start_from_another_system_as_a_date_or_a_partial_date() -> None:
    res = cr.request_to_fhir(a_request(start=None))
    assert "occurrencePeriod" not in res
    res["occurrencePeriod"] = {"start": "2026-11-25"}
    start = cr.fhir_to_request(_server(res)).start
    assert start is not None
    assert (start.date(), start.hour, start.utcoffset() is not None) == (
        date(2026, 11, 25),
        0,
        True,
    )
    res["occurrencePeriod"] = {"start": "2026-11"}
    assert cr.fhir_to_request(_server(res)).start is None
