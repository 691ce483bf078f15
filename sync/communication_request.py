"""The follow-up after discharge ⇄ FHIR R4 ``CommunicationRequest``.

The hospital's messaging or call system picks up active requests in our category and
calls, texts or e-mails the recipient in the patient's preferred time window.

- ``subject`` the patient, ``basedOn`` the discharge plan's CarePlan, ``status``
  every R4 code (``FollowUpStatus``: we set active, on-hold, revoked; the messaging
  system or another client may set any other), ``category`` our own code (``is_ours``).
- ``occurrencePeriod.start``: the local start of the plan's expected discharge day (a
  dateTime with offset); a date alone from another system is read as that day's start.
- ``medium``: the v3-ParticipationMode code (``PHONE``, ``EMAILWRIT``; an SMS is
  ``WRITTEN``, the value set has no text-message code) and, for precision, the
  contact-point-system code (``phone``, ``sms``, ``email``), read back first.
- ``recipient``: the Patient, or the helper's RelatedPerson (with their name as display).
- The number or address to use has no element in R4: an extension with a
  ``valueContactPoint``. The daily time window likewise (``occurrence[x]`` is one
  dated period): one extension ``valueCoding`` per best-time answer code.
- ``payload.contentString`` the short message; ``language`` (Resource.language) its
  language; ``requester`` and ``authoredOn`` who asked, and when.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.catalog import ANSWER_SYSTEM
from app.clock import local_start_of_day
from app.discharge import (
    FOLLOW_UP_CATEGORY,
    FOLLOW_UP_CATEGORY_SYSTEM,
    FollowUpMedium,
    FollowUpRequest,
    FollowUpStatus,
)
from sync.mapping import (
    EXT_BASE,
    MappingError,
    Resource,
    _first,
    _provenance_of,
    _recorded,
    _start,
    _tidy,
    fhir_instant,
    validate,
    version_of,
)
from sync.mapping import performer as _performer
from sync.mapping import reference_id as _reference_id

PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode"
CONTACT_POINT_SYSTEM = "http://hl7.org/fhir/contact-point-system"
EXT_FOLLOW_UP_ADDRESS = EXT_BASE + "follow-up-address"
EXT_FOLLOW_UP_TIME = EXT_BASE + "follow-up-time"
_OWN_EXTENSIONS = {EXT_FOLLOW_UP_ADDRESS, EXT_FOLLOW_UP_TIME}

_MODE = {  # medium -> (v3-ParticipationMode code, its display)
    FollowUpMedium.PHONE: ("PHONE", "telephone"),
    FollowUpMedium.SMS: ("WRITTEN", "written"),
    FollowUpMedium.EMAIL: ("EMAILWRIT", "email"),
}
_MEDIUM_OF_MODE = {"PHONE": FollowUpMedium.PHONE, "EMAILWRIT": FollowUpMedium.EMAIL}


def is_follow_up(res: Resource) -> bool:
    """Ours: a CommunicationRequest in AskOnce's follow-up category."""
    return any(
        c.get("system") == FOLLOW_UP_CATEGORY_SYSTEM and c.get("code") == FOLLOW_UP_CATEGORY
        for concept in res.get("category", []) or []
        if isinstance(concept, dict)
        for c in concept.get("coding", []) or []
        if isinstance(c, dict)
    )


def request_to_fhir(request: FollowUpRequest, base: Resource | None = None) -> Resource:
    """A follow-up request as a CommunicationRequest (``base``: the server's version, whose
    other systems' elements and extensions are kept)."""
    res = _start(base, "CommunicationRequest", request.id)
    res["extension"] = [e for e in res["extension"] if e.get("url") not in _OWN_EXTENSIONS]
    res["status"] = request.status.value
    others = [c for c in res.get("category", []) if not is_follow_up({"category": [c]})]
    res["category"] = [
        {"coding": [{"system": FOLLOW_UP_CATEGORY_SYSTEM, "code": FOLLOW_UP_CATEGORY}]},
        *others,
    ]
    res["subject"] = {"reference": f"Patient/{request.patient_id}"}
    plans = [
        r for r in res.get("basedOn", []) if not str(r.get("reference", "")).startswith("CarePlan/")
    ]
    res["basedOn"] = [{"reference": f"CarePlan/{request.plan_id}"}, *plans]
    mode, display = _MODE[request.medium]
    res["medium"] = [
        {
            "coding": [
                {"system": PARTICIPATION_MODE, "code": mode, "display": display},
                {"system": CONTACT_POINT_SYSTEM, "code": request.medium.value},
            ]
        }
    ]
    if request.recipient_contact_id is None:
        res["recipient"] = [{"reference": f"Patient/{request.patient_id}"}]
    else:
        recipient: Resource = {"reference": f"RelatedPerson/{request.recipient_contact_id}"}
        if request.recipient_name:
            recipient["display"] = request.recipient_name
        res["recipient"] = [recipient]
    system = "email" if request.medium is FollowUpMedium.EMAIL else "phone"
    res["extension"].append(
        {
            "url": EXT_FOLLOW_UP_ADDRESS,
            "valueContactPoint": {"system": system, "value": request.address},
        }
    )
    res["extension"].extend(
        {"url": EXT_FOLLOW_UP_TIME, "valueCoding": {"system": ANSWER_SYSTEM, "code": code}}
        for code in request.times
    )
    if request.payload:
        res["payload"] = [{"contentString": request.payload}]
    else:
        res.pop("payload", None)
    res["language"] = request.language
    if request.start is not None:
        res.pop("occurrenceDateTime", None)
        period = dict(res.get("occurrencePeriod") or {})
        period["start"] = request.start.isoformat()
        res["occurrencePeriod"] = period
    res["requester"] = _performer(request.provenance.recorded_by)
    if request.provenance.recorded_at is not None:
        res.setdefault("authoredOn", fhir_instant(request.provenance.recorded_at))
    _recorded(res, request.provenance)
    return validate(_tidy(res))


def fhir_to_request(res: Resource) -> FollowUpRequest:
    """A CommunicationRequest of ours as a follow-up request; a ``MappingError`` names
    type and id (never the number) when it is not one."""
    validate(res)
    where = f"CommunicationRequest/{res.get('id', '?')}"
    if not is_follow_up(res):
        raise MappingError(f"{where} is not an AskOnce follow-up request")
    plan = next(
        (
            str(r["reference"])
            for r in res.get("basedOn", [])
            if str(r.get("reference", "")).startswith("CarePlan/")
        ),
        None,
    )
    if plan is None:
        raise MappingError(f"{where} is based on no discharge plan")
    medium = _medium(res)
    if medium is None:
        raise MappingError(f"{where} has no medium AskOnce knows")
    address = _address(res)
    if not address:
        raise MappingError(f"{where} names no number or address")
    recipient = _first(res.get("recipient", []))
    reference = str(recipient.get("reference", ""))
    contact_id = (
        _reference_id(reference, "RelatedPerson")
        if reference.startswith("RelatedPerson/")
        else None
    )
    try:
        status = FollowUpStatus(str(res.get("status")))
    except ValueError as exc:
        raise MappingError(f"{where} has a status AskOnce does not use") from exc
    return FollowUpRequest(
        id=str(res["id"]),
        patient_id=_reference_id(str((res.get("subject") or {}).get("reference", "")), "Patient"),
        plan_id=_reference_id(plan, "CarePlan"),
        medium=medium,
        recipient_contact_id=contact_id,
        recipient_name=str(recipient.get("display") or "") if contact_id else "",
        address=address,
        times=tuple(
            str(e["valueCoding"]["code"])
            for e in res.get("extension", [])
            if e.get("url") == EXT_FOLLOW_UP_TIME
            and isinstance(e.get("valueCoding"), dict)
            and e["valueCoding"].get("code")
        ),
        payload=str(_first(res.get("payload", [])).get("contentString") or ""),
        language=str(res.get("language") or "en"),
        status=status,
        start=_start_of(res),
        provenance=_provenance_of(res, res.get("authoredOn")),
        server_version=version_of(res),
    )


def _start_of(res: Resource) -> datetime | None:
    """``occurrencePeriod.start`` (or ``occurrenceDateTime``) as an aware instant; a date
    alone is that day's local start; a partial date (a month, a year) is no start."""
    period = res.get("occurrencePeriod")
    value = period.get("start") if isinstance(period, dict) else res.get("occurrenceDateTime")
    if not isinstance(value, str):
        return None
    if len(value) == 10:
        try:
            return local_start_of_day(date.fromisoformat(value))
        except ValueError:
            return None
    try:
        start = datetime.fromisoformat(value)
    except ValueError:
        return None
    return start if start.tzinfo is not None else None


def _codings(res: Resource, element: str) -> list[dict[str, Any]]:
    return [
        c
        for concept in res.get(element, []) or []
        if isinstance(concept, dict)
        for c in concept.get("coding", []) or []
        if isinstance(c, dict)
    ]


def _medium(res: Resource) -> FollowUpMedium | None:
    codings = _codings(res, "medium")
    for c in codings:  # the precise code first
        if c.get("system") == CONTACT_POINT_SYSTEM and c.get("code") in set(FollowUpMedium):
            return FollowUpMedium(str(c["code"]))
    for c in codings:
        if c.get("system") == PARTICIPATION_MODE and c.get("code") in _MEDIUM_OF_MODE:
            return _MEDIUM_OF_MODE[str(c["code"])]
    return None


def _address(res: Resource) -> str:
    for e in res.get("extension", []):
        if e.get("url") == EXT_FOLLOW_UP_ADDRESS:
            return str((e.get("valueContactPoint") or {}).get("value") or "")
    return ""
