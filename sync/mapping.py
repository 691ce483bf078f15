"""Mapping between AskOnce's domain and FHIR R4 resources (DESIGN.md §5).

One module for every mapping, both directions. Outgoing resources are built on
top of the server's last version of the same resource (``base``), so elements
and extensions this mapping does not understand are kept, never dropped.
Every resource crossing the boundary is validated with ``fhir.resources``
(the R4B models, which match R4 for every resource used here).
"""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, date, datetime
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from pydantic import ValidationError as PydanticValidationError

from app.catalog import ANSWER_SYSTEM, QUESTION_SYSTEM
from app.discharge import (
    CHECKLIST_SYSTEM,
    DESTINATION_SYSTEM,
    OWNER_ROLE_SYSTEM,
    Appointment,
    Destination,
    DischargePlan,
    DischargeTask,
    OwnerRole,
    TaskStatus,
)
from app.domain import (
    Actor,
    Allergy,
    AllergyKind,
    Answer,
    AnswerAction,
    AnswerRevision,
    AnswerType,
    AnswerValue,
    AuditAction,
    AuditEntry,
    Catalog,
    Channel,
    Coding,
    ContactKind,
    ContactPoint,
    ContactRole,
    HomeCareContact,
    HomeMedication,
    MedicationStatus,
    NoAnswer,
    NoAnswerReason,
    Patient,
    Provenance,
    Question,
    Reconciliation,
    ReconciliationDecision,
    RecordAddress,
    RecordContact,
    RecordLanguage,
    RecordTelecom,
    RevisionStatus,
    Source,
)
from sync import fhir_validation

Resource = dict[str, Any]
Record = Answer | HomeMedication | HomeCareContact | DischargePlan | DischargeTask

EXT_BASE = "https://fhir.askonce.app/StructureDefinition/"
EXT_SOURCE = EXT_BASE + "information-source"
EXT_ACTION = EXT_BASE + "answer-action"
EXT_NOTE = EXT_BASE + "answer-note"
EXT_LAST_TAKEN = EXT_BASE + "last-taken"
EXT_CONTACT_ROLE = EXT_BASE + "contact-role"
EXT_PREFERRED_CHANNEL = EXT_BASE + "preferred-channel"
EXT_PREFERRED_TIMES = EXT_BASE + "preferred-times"
EXT_CONSENT = EXT_BASE + "consent-to-share"
EXT_VERIFIED = EXT_BASE + "verified"
EXT_KIND = EXT_BASE + "contact-kind"
EXT_RECONCILIATION = EXT_BASE + "discharge-reconciliation"
EXT_DESTINATION = EXT_BASE + "discharge-destination"
EXT_HOME_HELPER = EXT_BASE + "discharge-home-helper"
EXT_RECORDED = EXT_BASE + "recorded"
DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
_NO_ANSWER_DISPLAY = {
    NoAnswerReason.DECLINED: "Asked But Declined",
    NoAnswerReason.UNKNOWN: "Asked But Unknown",
    NoAnswerReason.NOT_APPLICABLE: "Not Applicable",
}
RECONCILIATION_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-reconciliation-decision"
SNOMED = "http://snomed.info/sct"
DISCHARGE_CARE_PLAN = "736372004"  # SNOMED CT: Discharge care plan (record artifact)
# Our own category next to SNOMED's, so a download finds AskOnce's checklist plans and not
# the discharge CarePlans other hospital systems may keep for the same patient.
CARE_PLAN_CATEGORY_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-care-plan-category"
ASKONCE_DISCHARGE_PLAN = "discharge-checklist"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
MRN_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"

_OWNED = {  # extensions this mapping writes; any other extension on the base is kept
    EXT_SOURCE,
    EXT_ACTION,
    EXT_NOTE,
    EXT_LAST_TAKEN,
    EXT_CONTACT_ROLE,
    EXT_PREFERRED_CHANNEL,
    EXT_PREFERRED_TIMES,
    EXT_CONSENT,
    EXT_VERIFIED,
    EXT_KIND,
    EXT_RECONCILIATION,
    EXT_DESTINATION,
    EXT_HOME_HELPER,
    EXT_RECORDED,
}

_MED_STATUS_TO_FHIR = {
    MedicationStatus.TAKING: "active",
    MedicationStatus.STOPPED: "stopped",
    MedicationStatus.UNKNOWN: "unknown",
}


class MappingError(ValueError):
    """A server resource does not fit the mapping (message names type and id, never data)."""


# --- validation at the boundary --------------------------------------------------------


fhir_validation.install()  # each distinct nested element validated once (see there)


def validate(resource: Resource) -> Resource:
    """Check a resource against the FHIR model for its type; return it unchanged."""
    kind = resource.get("resourceType")
    if not isinstance(kind, str):
        raise MappingError("a resource without resourceType")
    try:
        get_fhir_model_class(kind).model_validate(resource)
    except (KeyError, ValueError, PydanticValidationError) as exc:
        fields = ""
        if isinstance(exc, PydanticValidationError):
            fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors()[:5])
        raise MappingError(
            f"{kind}/{resource.get('id', '?')} is not valid FHIR ({fields or type(exc).__name__})"
        ) from exc
    return resource


# --- small helpers ------------------------------------------------------------------------


def fhir_instant(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _put_instant(res: Resource, key: str, value: datetime | None) -> None:
    """Set an instant element, or leave it out when the time is unknown (never "now")."""
    if value is None:
        res.pop(key, None)
    else:
        res[key] = fhir_instant(value)


def parse_instant(text: str) -> datetime:
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise MappingError("a dateTime without a time zone")
    return parsed.astimezone(UTC)


def _start(base: Resource | None, kind: str, resource_id: str) -> Resource:
    resource = copy.deepcopy(base) if base else {}
    if resource.get("resourceType", kind) != kind:
        raise MappingError(f"base of {kind}/{resource_id} is a {resource.get('resourceType')}")
    resource["resourceType"] = kind
    resource["id"] = resource_id
    resource.pop("text", None)  # a narrative we did not write would now be wrong
    resource["extension"] = [e for e in resource.get("extension", []) if e.get("url") not in _OWNED]
    return resource


def _ext(resource: Resource, url: str, **value: Any) -> None:
    resource.setdefault("extension", []).append({"url": url, **value})


def _find_ext(resource: Resource, url: str) -> Resource | None:
    return next((e for e in resource.get("extension", []) if e.get("url") == url), None)


def _ext_value(resource: Resource, url: str, key: str, default: Any = None) -> Any:
    ext = _find_ext(resource, url)
    return ext.get(key, default) if ext else default


def _concept_text(concept: Resource) -> str:
    """A CodeableConcept in words: its text, else its first coding's display, else code
    (another system's RelatedPerson may carry only ``v3-RoleCode#DAU``)."""
    coding = _first(concept.get("coding", []))
    return str(concept.get("text") or coding.get("display") or coding.get("code") or "")


def _human_name(name: Resource) -> str:
    """A HumanName in words: its text, else given and family names (another system may
    send only the parts)."""
    if name.get("text"):
        return str(name["text"])
    given = [str(g) for g in name.get("given", []) or [] if g]
    return " ".join([*given, str(name.get("family") or "")]).strip()


def _first(items: Any) -> Resource:
    """The first element of a FHIR list, or an empty element."""
    if isinstance(items, list) and items and isinstance(items[0], dict):
        return items[0]
    return {}


def _tidy(resource: Resource) -> Resource:
    if not resource.get("extension"):
        resource.pop("extension", None)
    return resource


def reference_id(reference: str, kind: str) -> str:
    prefix = f"{kind}/"
    if not reference.startswith(prefix):
        raise MappingError(f"expected a {kind} reference")
    return reference[len(prefix) :].split("/_history/")[0]


def performer(actor: Actor) -> Resource:
    reference = actor.user_id if "/" in actor.user_id else f"Practitioner/{actor.user_id}"
    return {"reference": reference, "display": actor.display_name}


def _actor(performer: Resource | None) -> Actor:
    if not performer:
        return Actor(user_id="unknown", display_name="Unknown")
    reference = str(performer.get("reference") or "unknown")
    return Actor(user_id=reference, display_name=str(performer.get("display") or reference))


def version_of(resource: Resource) -> str | None:
    meta = resource.get("meta") or {}
    version = meta.get("versionId")
    return str(version) if version is not None else None


# --- answers <-> Observation ----------------------------------------------------------------


def answer_to_observation(
    answer: Answer, catalog: Catalog, base: Resource | None = None
) -> Resource:
    question = catalog.question(answer.question_code)
    obs = _start(base, "Observation", answer.id)
    last = answer.history[-1]
    if answer.status is RevisionStatus.ENTERED_IN_ERROR:
        obs["status"] = "entered-in-error"
    else:
        obs["status"] = "amended" if len(answer.history) > 1 else "final"
    obs["category"] = [
        {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
    ]
    obs["code"] = {
        "coding": [
            {"system": QUESTION_SYSTEM, "code": question.code, "display": question.label},
            *_codings(question.standard_codings),
        ],
        "text": question.label,
    }
    obs["subject"] = {"reference": f"Patient/{answer.patient_id}"}
    obs["effectiveDateTime"] = fhir_instant(answer.effective_at)
    _put_instant(obs, "issued", answer.provenance.recorded_at)
    obs["performer"] = [performer(answer.provenance.recorded_by)]
    for key in [k for k in obs if k.startswith("value")] + ["component", "dataAbsentReason"]:
        obs.pop(key, None)
    _put_value(obs, question, answer.value)
    _ext(obs, EXT_SOURCE, valueCode=answer.provenance.source.value)
    _ext(obs, EXT_ACTION, valueCode=last.action.value)
    if last.note:
        _ext(obs, EXT_NOTE, valueString=last.note)
    return validate(_tidy(obs))


def _codings(codings: tuple[Coding, ...]) -> list[Resource]:
    return [
        {"system": c.system, "code": c.code, **({"display": c.display} if c.display else {})}
        for c in codings
    ]


def _answer_concept(question: Question, code: str) -> Resource:
    """Our answer coding first, then the same answer in standard terminologies (if any)."""
    option = question.option(code)
    standard = option.standard_codings if option is not None else ()
    return {"coding": [{"system": ANSWER_SYSTEM, "code": code}, *_codings(standard)]}


def _put_value(obs: Resource, question: Question, value: AnswerValue) -> None:
    answer_type = question.answer_type
    if isinstance(value, NoAnswer):
        # Asked, but no answer: FHIR's reason instead of a value (obs-6: never both).
        reason = value.reason
        coding = {"system": DATA_ABSENT_REASON, "code": reason.value}
        obs["dataAbsentReason"] = {"coding": [{**coding, "display": _NO_ANSWER_DISPLAY[reason]}]}
    elif isinstance(value, bool):
        obs["valueBoolean"] = value
    elif answer_type is AnswerType.TIME:
        obs["valueTime"] = f"{value}:00"
    elif answer_type is AnswerType.FREE_TEXT:
        obs["valueString"] = value
    elif isinstance(value, tuple):
        # Several answers to one question: one component each (codings in one
        # CodeableConcept would mean "the same concept in other code systems").
        question_codings = [
            {"system": QUESTION_SYSTEM, "code": question.code},
            *_codings(question.standard_codings),
        ]
        obs["component"] = [
            {
                "code": {"coding": copy.deepcopy(question_codings)},
                "valueCodeableConcept": _answer_concept(question, v),
            }
            for v in value
        ]
    else:
        obs["valueCodeableConcept"] = _answer_concept(question, value)


def _answer_code(concept: Any, question: Question, where: str) -> str:
    """Our answer code in a CodeableConcept, wherever a server put it among the codings.

    Without ours (another system wrote only a standard code), the option whose standard
    coding it is; failing that, the first code, as it always was.
    """
    codings = concept.get("coding", []) if isinstance(concept, dict) else []
    for coding in codings:
        if coding.get("system") == ANSWER_SYSTEM and coding.get("code"):
            return str(coding["code"])
    for coding in codings:
        for option in question.options:
            if any(
                c.system == coding.get("system") and c.code == coding.get("code")
                for c in option.standard_codings
            ):
                return option.code
    if codings and codings[0].get("code"):
        return str(codings[0]["code"])  # as before: an unknown code is kept, not refused
    raise MappingError(f"{where} has a coded answer without a code")


def _no_answer(obs: Resource) -> NoAnswer | None:
    """The reason a question asked has no answer, if the Observation gives one we know."""
    concept = obs.get("dataAbsentReason")
    codings = concept.get("coding", []) if isinstance(concept, dict) else []
    for coding in codings:
        if coding.get("system") == DATA_ABSENT_REASON:
            try:
                return NoAnswer(reason=NoAnswerReason(coding.get("code")))
            except ValueError:
                continue  # another reason (masked, error, …): not an answer we can show
    return None


def _get_value(obs: Resource, question: Question) -> AnswerValue:
    where = f"Observation/{obs.get('id', '?')}"
    if "dataAbsentReason" in obs and not any(k.startswith("value") for k in obs):
        no_answer = _no_answer(obs)
        if no_answer is not None:
            return no_answer
    if "valueBoolean" in obs:
        return bool(obs["valueBoolean"])
    if "valueTime" in obs:
        return str(obs["valueTime"])[:5]
    if "valueString" in obs:
        return str(obs["valueString"])
    if "valueCodeableConcept" in obs:
        return _answer_code(obs["valueCodeableConcept"], question, where)
    if question.answer_type is AnswerType.MULTI_CHOICE:
        return tuple(
            _answer_code(c.get("valueCodeableConcept"), question, where)
            for c in obs.get("component", [])
        )
    raise MappingError(f"{where} has no value")


def observation_to_answer(obs: Resource, catalog: Catalog) -> Answer:
    validate(obs)
    codes = [c for c in obs.get("code", {}).get("coding", []) if c.get("system") == QUESTION_SYSTEM]
    if not codes:
        raise MappingError(f"Observation/{obs.get('id')} is not an AskOnce answer")
    question = catalog.question(str(codes[0]["code"]))
    status = (
        RevisionStatus.ENTERED_IN_ERROR
        if obs.get("status") == "entered-in-error"
        else RevisionStatus.CURRENT
    )
    version = version_of(obs)
    provenance = Provenance(
        recorded_by=_actor((obs.get("performer") or [None])[0]),
        recorded_at=parse_instant(obs.get("issued") or obs["effectiveDateTime"]),
        source=Source(_ext_value(obs, EXT_SOURCE, "valueCode", Source.OTHER_SYSTEM.value)),
        based_on_version=version,
    )
    value = _get_value(obs, question)
    action = AnswerAction(_ext_value(obs, EXT_ACTION, "valueCode", AnswerAction.RECORDED.value))
    return Answer(
        id=str(obs["id"]),
        patient_id=reference_id(obs["subject"]["reference"], "Patient"),
        question_code=question.code,
        value=value,
        status=status,
        effective_at=parse_instant(obs["effectiveDateTime"]),
        provenance=provenance,
        history=(
            AnswerRevision(
                action=action,
                value=value,
                provenance=provenance,
                status=status,
                note=str(_ext_value(obs, EXT_NOTE, "valueString", "")),
            ),
        ),
        server_version=version,
    )


# --- home medication <-> MedicationStatement ---------------------------------------------------


def medication_to_statement(med: HomeMedication, base: Resource | None = None) -> Resource:
    res = _start(base, "MedicationStatement", med.id)
    res["status"] = _MED_STATUS_TO_FHIR[med.status]
    concept: Resource = {"text": med.name}
    if med.code:
        concept["coding"] = [{"system": RXNORM, "code": med.code, "display": med.name}]
    res.pop("medicationReference", None)
    res["medicationCodeableConcept"] = concept
    res["subject"] = {"reference": f"Patient/{med.patient_id}"}
    _put_instant(res, "dateAsserted", med.provenance.recorded_at)
    res["informationSource"] = performer(med.provenance.recorded_by)
    dosage: Resource = {}
    text = " ".join(p for p in (med.dose, med.frequency) if p)
    if text:
        dosage["text"] = text
    if med.route:
        dosage["route"] = {"text": med.route}
    if med.frequency:
        dosage["timing"] = {"code": {"text": med.frequency}}
    if med.dose:
        dosage["patientInstruction"] = med.dose
    res["dosage"] = [dosage] if dosage else []
    if med.note:
        res["note"] = [{"text": med.note}]
    else:
        res.pop("note", None)
    _ext(res, EXT_SOURCE, valueCode=med.provenance.source.value)
    if med.last_taken:
        _ext(res, EXT_LAST_TAKEN, valueString=med.last_taken)
    if med.reconciliation is not None:
        _ext(res, EXT_RECONCILIATION, extension=_reconciliation_parts(med.reconciliation))
    # Derived from a prescription: ours is the MedicationRequest link; others are kept.
    derived = [
        r
        for r in res.get("derivedFrom", [])
        if not str(r.get("reference", "")).startswith("MedicationRequest/")
    ]
    if med.derived_from:
        derived.append({"reference": f"MedicationRequest/{med.derived_from}"})
    if derived:
        res["derivedFrom"] = derived
    else:
        res.pop("derivedFrom", None)
    if not res["dosage"]:
        res.pop("dosage")
    return validate(_tidy(res))


def statement_to_medication(res: Resource) -> HomeMedication:
    validate(res)
    name, code = _medication_name_code(res)
    dosage = _first(res.get("dosage", []))
    status = {v: k for k, v in _MED_STATUS_TO_FHIR.items()}.get(
        res.get("status", "unknown"), MedicationStatus.UNKNOWN
    )
    version = version_of(res)
    return HomeMedication(
        id=str(res["id"]),
        patient_id=reference_id(res["subject"]["reference"], "Patient"),
        name=name,
        code=code,
        dose=str(dosage.get("patientInstruction", "")),
        route=str((dosage.get("route") or {}).get("text", "")),
        frequency=str(((dosage.get("timing") or {}).get("code") or {}).get("text", "")),
        last_taken=str(_ext_value(res, EXT_LAST_TAKEN, "valueString", "")),
        status=status,
        note=str(_first(res.get("note", [])).get("text", "")),
        reconciliation=_reconciliation(res),
        derived_from=next(
            (
                reference_id(str(r["reference"]), "MedicationRequest")
                for r in res.get("derivedFrom", [])
                if str(r.get("reference", "")).startswith("MedicationRequest/")
            ),
            None,
        ),
        provenance=Provenance(
            recorded_by=_actor(res.get("informationSource")),
            recorded_at=parse_instant(res.get("dateAsserted") or res["meta"]["lastUpdated"]),
            source=Source(_ext_value(res, EXT_SOURCE, "valueCode", Source.OTHER_SYSTEM.value)),
            based_on_version=version,
        ),
        server_version=version,
    )


def _reconciliation_parts(rec: Reconciliation) -> list[Resource]:
    parts: list[Resource] = [
        {
            "url": "decision",
            "valueCoding": {"system": RECONCILIATION_SYSTEM, "code": rec.decision.value},
        },
        {"url": "by", "valueReference": performer(rec.decided_by)},
        {"url": "at", "valueDateTime": fhir_instant(rec.decided_at)},
    ]
    if rec.note:
        parts.append({"url": "note", "valueString": rec.note})
    return parts


def _reconciliation(res: Resource) -> Reconciliation | None:
    """The discharge decision on a home medication, if one was made."""
    ext = _find_ext(res, EXT_RECONCILIATION)
    if ext is None:
        return None
    parts = {e.get("url"): e for e in ext.get("extension", [])}
    code = (parts.get("decision", {}).get("valueCoding") or {}).get("code")
    at = parts.get("at", {}).get("valueDateTime")
    if not code or not at:
        raise MappingError(f"{res.get('resourceType')}/{res.get('id')}: incomplete decision")
    return Reconciliation(
        decision=ReconciliationDecision(code),
        decided_by=_actor(parts.get("by", {}).get("valueReference")),
        decided_at=parse_instant(str(at)),
        note=str(parts.get("note", {}).get("valueString", "")),
    )


def _medication_name_code(res: Resource) -> tuple[str, str]:
    """The medication's name, and its RxNorm code when it has one."""
    concept = res.get("medicationCodeableConcept") or {}
    coding = _first(concept.get("coding"))
    name = str(concept.get("text") or coding.get("display") or coding.get("code") or "?")
    code = str(coding.get("code", "")) if coding.get("system") == RXNORM else ""
    return name, code


_REQUEST_STATUS = {
    "active": MedicationStatus.TAKING,
    "on-hold": MedicationStatus.TAKING,
    "completed": MedicationStatus.STOPPED,
    "stopped": MedicationStatus.STOPPED,
    "cancelled": MedicationStatus.STOPPED,
}


def request_to_medication(res: Resource) -> HomeMedication:
    """A prescription from another system, read-only (DESIGN.md §5), shown with home meds."""
    validate(res)
    name, code = _medication_name_code(res)
    dosage = _first(res.get("dosageInstruction"))
    requester = res.get("requester")
    when = res.get("authoredOn") or (res.get("meta") or {}).get("lastUpdated")
    version = version_of(res)
    return HomeMedication(
        id=str(res["id"]),
        patient_id=reference_id(res["subject"]["reference"], "Patient"),
        name=name,
        code=code,
        dose=str(dosage.get("text", "")),
        route=str((dosage.get("route") or {}).get("text", "")),
        status=_REQUEST_STATUS.get(str(res.get("status")), MedicationStatus.UNKNOWN),
        provenance=Provenance(
            recorded_by=_actor(requester),
            recorded_at=parse_instant(when) if when else None,
            source=Source.OTHER_SYSTEM,
            based_on_version=version,
        ),
        prescribed=True,
        server_version=version,
    )


# --- home-care contacts <-> RelatedPerson -------------------------------------------------------


def contact_to_related_person(contact: HomeCareContact, base: Resource | None = None) -> Resource:
    res = _start(base, "RelatedPerson", contact.id)
    res["active"] = contact.active
    res["patient"] = {"reference": f"Patient/{contact.patient_id}"}
    res["name"] = [{"text": contact.name}]
    res["relationship"] = [{"text": contact.relationship}] if contact.relationship else []
    res["telecom"] = [
        {
            "system": t.system,
            "value": t.value,
            "rank": t.rank,
            **({"use": "mobile"} if t.label == "mobile" else {}),
        }
        for t in contact.ranked_telecom()
    ]
    if contact.language:
        res["communication"] = [{"language": {"text": contact.language}, "preferred": True}]
    else:
        res.pop("communication", None)
    _ext(res, EXT_KIND, valueCode=contact.kind.value)
    _contact_extensions(res, contact)
    for key in ("relationship", "telecom"):
        if not res[key]:
            res.pop(key)
    return validate(_tidy(res))


HOME_CARE_CATEGORY = EXT_BASE + "care-team-category"
HOME_CARE_NAMESPACE = uuid.UUID("0d9b5f4e-8a51-4c8e-9f5e-2f3c7b1a6e42")
EXT_HOME_CARE_PATIENT = EXT_BASE + "home-care-patient"
_OWNED.add(EXT_HOME_CARE_PATIENT)


def home_care_team_id(contact_id: str) -> str:
    """The id of the CareTeam that links a patient to their home-care agency (stable)."""
    return str(uuid.uuid5(HOME_CARE_NAMESPACE, contact_id))


def contact_to_organization(contact: HomeCareContact, base: Resource | None = None) -> Resource:
    """An agency (DESIGN.md §5: Organization, linked by the patient's home-care CareTeam)."""
    res = _start(base, "Organization", contact.id)
    res["active"] = contact.active
    res["name"] = contact.name
    res["telecom"] = [
        {"system": t.system, "value": t.value, "rank": t.rank} for t in contact.ranked_telecom()
    ]
    if not res["telecom"]:
        res.pop("telecom")
    _contact_extensions(res, contact)
    _ext(res, EXT_HOME_CARE_PATIENT, valueReference={"reference": f"Patient/{contact.patient_id}"})
    if contact.relationship:
        _ext(res, EXT_BASE + "relationship", valueString=contact.relationship)
    return validate(_tidy(res))


def home_care_team(contact: HomeCareContact) -> Resource:
    """The link that makes the agency part of the patient's care (a companion resource)."""
    return validate(
        {
            "resourceType": "CareTeam",
            "id": home_care_team_id(contact.id),
            "status": "active" if contact.active else "inactive",
            "category": [{"coding": [{"system": HOME_CARE_CATEGORY, "code": "home-care"}]}],
            "name": contact.name,
            "subject": {"reference": f"Patient/{contact.patient_id}"},
            "participant": [
                {
                    "member": {"reference": f"Organization/{contact.id}"},
                    "role": [{"text": contact.relationship or "home-care provider"}],
                }
            ],
        }
    )


def organization_to_contact(res: Resource) -> HomeCareContact:
    validate(res)
    patient = (_find_ext(res, EXT_HOME_CARE_PATIENT) or {}).get("valueReference") or {}
    version = version_of(res)
    meta_time = (res.get("meta") or {}).get("lastUpdated")
    return HomeCareContact(
        id=str(res["id"]),
        patient_id=reference_id(str(patient.get("reference", "")), "Patient"),
        kind=ContactKind.AGENCY,
        name=str(res.get("name") or "?"),
        relationship=str(_ext_value(res, EXT_BASE + "relationship", "valueString", "")),
        telecom=tuple(
            ContactPoint(
                system="email" if t.get("system") == "email" else "phone",
                value=str(t["value"]),
                rank=int(t.get("rank", i + 1)),
            )
            for i, t in enumerate(res.get("telecom", []))
            if t.get("value")
        ),
        active=bool(res.get("active", True)),
        provenance=Provenance(
            recorded_by=Actor(user_id="unknown", display_name="Unknown"),
            recorded_at=parse_instant(meta_time) if meta_time else None,
            source=Source(_ext_value(res, EXT_SOURCE, "valueCode", Source.OTHER_SYSTEM.value)),
            based_on_version=version,
        ),
        server_version=version,
        **_contact_fields(res),
    )


def _contact_extensions(res: Resource, contact: HomeCareContact) -> None:
    """The per-patient details of a contact, shared by RelatedPerson and Organization."""
    for role in contact.roles:
        _ext(res, EXT_CONTACT_ROLE, valueCode=role.value)
    if contact.preferred_channel is not None:
        _ext(res, EXT_PREFERRED_CHANNEL, valueCode=contact.preferred_channel.value)
    if contact.preferred_times:
        _ext(res, EXT_PREFERRED_TIMES, valueString=contact.preferred_times)
    _ext(res, EXT_CONSENT, valueBoolean=contact.consent_to_share)
    if contact.verified_by is not None and contact.verified_at is not None:
        _ext(
            res,
            EXT_VERIFIED,
            extension=[
                {"url": "by", "valueReference": performer(contact.verified_by)},
                {"url": "at", "valueDateTime": fhir_instant(contact.verified_at)},
            ],
        )
    _ext(res, EXT_SOURCE, valueCode=contact.provenance.source.value)


def _contact_fields(res: Resource) -> dict[str, Any]:
    verified = _find_ext(res, EXT_VERIFIED)
    verified_by = verified_at = None
    if verified:
        parts = {e["url"]: e for e in verified.get("extension", [])}
        verified_by = _actor(parts.get("by", {}).get("valueReference"))
        if "at" in parts:
            verified_at = parse_instant(parts["at"]["valueDateTime"])
    channel = _ext_value(res, EXT_PREFERRED_CHANNEL, "valueCode")
    return {
        "roles": tuple(
            ContactRole(e["valueCode"])
            for e in res.get("extension", [])
            if e.get("url") == EXT_CONTACT_ROLE
        ),
        "preferred_channel": Channel(channel) if channel else None,
        "preferred_times": str(_ext_value(res, EXT_PREFERRED_TIMES, "valueString", "")),
        "consent_to_share": bool(_ext_value(res, EXT_CONSENT, "valueBoolean", False)),
        "verified_by": verified_by if verified_at else None,
        "verified_at": verified_at,
    }


def related_person_to_contact(
    res: Resource, recorded_at: datetime | None = None
) -> HomeCareContact:
    validate(res)
    version = version_of(res)
    meta_time = (res.get("meta") or {}).get("lastUpdated")
    when = recorded_at or (parse_instant(meta_time) if meta_time else None)
    return HomeCareContact(
        id=str(res["id"]),
        patient_id=reference_id(res["patient"]["reference"], "Patient"),
        kind=ContactKind(_ext_value(res, EXT_KIND, "valueCode", ContactKind.PERSON.value)),
        name=_human_name(_first(res.get("name", []))) or "?",
        relationship=_concept_text(_first(res.get("relationship", []))),
        telecom=tuple(
            ContactPoint(
                system="email" if t.get("system") == "email" else "phone",
                value=str(t["value"]),
                rank=int(t.get("rank", i + 1)),
                label="mobile" if t.get("use") == "mobile" else "",
            )
            for i, t in enumerate(res.get("telecom", []))
            if t.get("value")
        ),
        language=str((_first(res.get("communication", [])).get("language") or {}).get("text", "")),
        active=bool(res.get("active", True)),
        provenance=Provenance(
            recorded_by=Actor(user_id="unknown", display_name="Unknown"),
            recorded_at=when,
            source=Source(_ext_value(res, EXT_SOURCE, "valueCode", Source.OTHER_SYSTEM.value)),
            based_on_version=version,
        ),
        server_version=version,
        **_contact_fields(res),
    )


# --- discharge plan <-> CarePlan, checklist task <-> Task -----------------------------------------

DISCHARGE_CATEGORY = {
    "system": SNOMED,
    "code": DISCHARGE_CARE_PLAN,
    "display": "Discharge care plan",
}
_TASK_STATUS_FROM_FHIR = {  # FHIR has more Task states than a checklist item needs
    "draft": TaskStatus.TODO,
    "requested": TaskStatus.TODO,
    "received": TaskStatus.TODO,
    "accepted": TaskStatus.TODO,
    "ready": TaskStatus.TODO,
    "in-progress": TaskStatus.IN_PROGRESS,
    "on-hold": TaskStatus.IN_PROGRESS,
    "completed": TaskStatus.DONE,
    "cancelled": TaskStatus.NOT_NEEDED,
    "rejected": TaskStatus.NOT_NEEDED,
    "failed": TaskStatus.NOT_NEEDED,
    "entered-in-error": TaskStatus.NOT_NEEDED,
}


def _recorded(res: Resource, prov: Provenance) -> None:
    """Who made this version, and when (the FHIR resources have no element for it)."""
    _ext(
        res,
        EXT_RECORDED,
        extension=[
            {"url": "by", "valueReference": performer(prov.recorded_by)},
            *(
                [{"url": "at", "valueDateTime": fhir_instant(prov.recorded_at)}]
                if prov.recorded_at is not None
                else []
            ),
        ],
    )
    _ext(res, EXT_SOURCE, valueCode=prov.source.value)


def _provenance_of(res: Resource, fallback_time: str | None) -> Provenance:
    parts = {e.get("url"): e for e in (_find_ext(res, EXT_RECORDED) or {}).get("extension", [])}
    at = parts.get("at", {}).get("valueDateTime") or fallback_time
    at = at or (res.get("meta") or {}).get("lastUpdated")
    return Provenance(
        recorded_by=_actor(parts.get("by", {}).get("valueReference")),
        recorded_at=parse_instant(str(at)) if at else None,
        source=Source(_ext_value(res, EXT_SOURCE, "valueCode", Source.OTHER_SYSTEM.value)),
        based_on_version=version_of(res),
    )


def _fhir_date(text: Any) -> date | None:
    """A FHIR date or dateTime as the calendar day it names."""
    return date.fromisoformat(str(text)[:10]) if text else None


def task_reference_id(activity: Resource) -> str | None:
    """The Task a CarePlan activity points at, if it points at one."""
    reference = str((activity.get("reference") or {}).get("reference", ""))
    return reference_id(reference, "Task") if reference.startswith("Task/") else None


def _is_appointment(activity: Resource) -> bool:
    return (activity.get("detail") or {}).get("kind") == "Appointment"


def _appointment_activity(appointment: Appointment) -> Resource:
    detail: Resource = {
        "kind": "Appointment",
        "status": "scheduled" if appointment.when else "not-started",
    }
    if appointment.when:
        detail["scheduledPeriod"] = {"start": fhir_instant(appointment.when)}
    if appointment.where:
        detail["location"] = {"display": appointment.where}
    if appointment.with_whom:
        detail["performer"] = [{"display": appointment.with_whom}]
    if appointment.note:
        detail["description"] = appointment.note
    return {"detail": detail}


def _appointment(activity: Resource) -> Appointment:
    detail = activity.get("detail") or {}
    start = (detail.get("scheduledPeriod") or {}).get("start")
    return Appointment(
        when=parse_instant(str(start)) if start else None,
        with_whom=str(_first(detail.get("performer")).get("display", "")),
        where=str((detail.get("location") or {}).get("display", "")),
        note=str(detail.get("description", "")),
    )


def plan_to_care_plan(
    plan: DischargePlan, base: Resource | None = None, *, task_ids: list[str] | None = None
) -> Resource:
    """The plan as a discharge CarePlan; ``activity.reference`` points at each of its Tasks.

    Task references already on the server version are kept (tasks are never deleted
    here), so the list only grows; appointments are our activities and are replaced.
    """
    res = _start(base, "CarePlan", plan.id)
    res["status"] = "active"
    res["intent"] = "plan"
    ours = {(SNOMED, DISCHARGE_CARE_PLAN), (CARE_PLAN_CATEGORY_SYSTEM, ASKONCE_DISCHARGE_PLAN)}
    others = [
        c
        for c in res.get("category", [])
        if not any((x.get("system"), x.get("code")) in ours for x in c.get("coding", []))
    ]
    res["category"] = [
        {"coding": [DISCHARGE_CATEGORY]},
        {"coding": [{"system": CARE_PLAN_CATEGORY_SYSTEM, "code": ASKONCE_DISCHARGE_PLAN}]},
        *others,
    ]
    res["subject"] = {"reference": f"Patient/{plan.patient_id}"}
    res.setdefault("title", "Discharge plan")
    if plan.provenance.recorded_at is not None:
        res.setdefault("created", fhir_instant(plan.provenance.recorded_at))
    period = dict(res.get("period") or {})
    if plan.expected_date is not None:
        period["end"] = plan.expected_date.isoformat()
    else:
        period.pop("end", None)
    if period:
        res["period"] = period
    else:
        res.pop("period", None)
    activities: list[Resource] = res.get("activity", [])
    task_refs = [a for a in activities if task_reference_id(a)]
    known = {task_reference_id(a) for a in task_refs}
    task_refs += [
        {"reference": {"reference": f"Task/{tid}"}} for tid in task_ids or [] if tid not in known
    ]
    kept = [a for a in activities if not task_reference_id(a) and not _is_appointment(a)]
    res["activity"] = task_refs + kept + [_appointment_activity(a) for a in plan.appointments]
    if not res["activity"]:
        res.pop("activity")
    if plan.note:
        res["note"] = [{"text": plan.note}]
    else:
        res.pop("note", None)
    if plan.destination is not None:
        _ext(
            res,
            EXT_DESTINATION,
            valueCoding={"system": DESTINATION_SYSTEM, "code": plan.destination.value},
        )
    if plan.home_helper_id is not None:
        _ext(
            res,
            EXT_HOME_HELPER,
            valueReference={"reference": f"RelatedPerson/{plan.home_helper_id}"},
        )
    _recorded(res, plan.provenance)
    return validate(_tidy(res))


def care_plan_to_plan(res: Resource) -> DischargePlan:
    validate(res)
    destination = (_ext_value(res, EXT_DESTINATION, "valueCoding") or {}).get("code")
    helper = str((_ext_value(res, EXT_HOME_HELPER, "valueReference") or {}).get("reference", ""))
    return DischargePlan(
        id=str(res["id"]),
        patient_id=reference_id(str((res.get("subject") or {}).get("reference", "")), "Patient"),
        expected_date=_fhir_date((res.get("period") or {}).get("end")),
        destination=Destination(destination) if destination else None,
        home_helper_id=reference_id(helper, "RelatedPerson") if helper else None,
        appointments=tuple(_appointment(a) for a in res.get("activity", []) if _is_appointment(a)),
        note=str(_first(res.get("note", [])).get("text", "")),
        provenance=_provenance_of(res, res.get("created")),
        server_version=version_of(res),
    )


def task_to_fhir(task: DischargeTask, base: Resource | None = None) -> Resource:
    """A checklist item as a Task based on the plan's CarePlan, for the patient."""
    res = _start(base, "Task", task.id)
    res["status"] = task.status.value
    res["intent"] = "plan"
    others = [
        r for r in res.get("basedOn", []) if not str(r.get("reference", "")).startswith("CarePlan/")
    ]
    res["basedOn"] = [{"reference": f"CarePlan/{task.plan_id}"}, *others]
    res["for"] = {"reference": f"Patient/{task.patient_id}"}
    res["code"] = {
        "coding": [{"system": CHECKLIST_SYSTEM, "code": task.code, "display": task.title}],
        "text": task.title,
    }
    res["description"] = task.title
    res["performerType"] = [
        {"coding": [{"system": OWNER_ROLE_SYSTEM, "code": task.owner_role.value}]}
    ]
    if task.owner is not None:
        res["owner"] = performer(task.owner)
    else:
        res.pop("owner", None)
    restriction = dict(res.get("restriction") or {})
    period = dict(restriction.get("period") or {})
    if task.due is not None:
        period["end"] = task.due.isoformat()
    else:
        period.pop("end", None)
    restriction["period"] = period
    if not period:
        restriction.pop("period")
    if restriction:
        res["restriction"] = restriction
    else:
        res.pop("restriction", None)
    if task.note:
        res["note"] = [{"text": task.note}]
    else:
        res.pop("note", None)
    if task.provenance.recorded_at is not None:
        res.setdefault("authoredOn", fhir_instant(task.provenance.recorded_at))
    _put_instant(res, "lastModified", task.provenance.recorded_at)
    _recorded(res, task.provenance)
    return validate(_tidy(res))


def fhir_to_task(res: Resource) -> DischargeTask:
    validate(res)
    where = f"Task/{res.get('id', '?')}"
    plan = next(
        (
            str(r["reference"])
            for r in res.get("basedOn", [])
            if str(r.get("reference", "")).startswith("CarePlan/")
        ),
        None,
    )
    coding = next(
        (
            c
            for c in (res.get("code") or {}).get("coding", [])
            if c.get("system") == CHECKLIST_SYSTEM and c.get("code")
        ),
        None,
    )
    if plan is None or coding is None:
        raise MappingError(f"{where} is not an AskOnce discharge checklist item")
    role = next(
        (
            c.get("code")
            for concept in res.get("performerType", [])
            for c in concept.get("coding", [])
            if c.get("system") == OWNER_ROLE_SYSTEM
        ),
        None,
    )
    owner = res.get("owner")
    return DischargeTask(
        id=str(res["id"]),
        plan_id=reference_id(plan, "CarePlan"),
        patient_id=reference_id(str((res.get("for") or {}).get("reference", "")), "Patient"),
        code=str(coding["code"]),
        title=str(
            coding.get("display")
            or res.get("description")
            or (res.get("code") or {}).get("text")
            or coding["code"]
        ),
        owner_role=OwnerRole(role) if role in set(OwnerRole) else OwnerRole.COORDINATOR,
        owner=_actor(owner) if owner else None,
        due=_fhir_date(((res.get("restriction") or {}).get("period") or {}).get("end")),
        status=_TASK_STATUS_FROM_FHIR.get(str(res.get("status")), TaskStatus.TODO),
        note=str(_first(res.get("note", [])).get("text", "")),
        provenance=_provenance_of(res, res.get("lastModified")),
        server_version=version_of(res),
    )


# --- audit entry -> AuditEvent (IHE BALP style), upload only -----------------------------------

_DCM = "http://dicom.nema.org/resources/ontology/DCM"
_AUDIT_TYPE = {  # action -> (DICOM event type, display, FHIR action code)
    AuditAction.VIEW: ("110110", "Patient Record", "R"),
    AuditAction.EDIT: ("110110", "Patient Record", "U"),
    AuditAction.PRINT: ("110106", "Export", "R"),
    AuditAction.EXPORT: ("110106", "Export", "R"),
    AuditAction.SIGN_IN: ("110114", "User Authentication", "E"),
    AuditAction.SIGN_OUT: ("110114", "User Authentication", "E"),
    AuditAction.LOCK: ("110114", "User Authentication", "E"),
    AuditAction.UNLOCK: ("110114", "User Authentication", "E"),
    AuditAction.FAILED_PIN: ("110114", "User Authentication", "E"),
    AuditAction.BREAK_GLASS: ("110113", "Security Alert", "E"),
}
AUDIT_NAMESPACE = uuid.UUID("6f1c3b57-1f0e-4c1b-9a53-5b1a0f1e2d3c")


def audit_event_id(entry: AuditEntry) -> str:
    """Stable per entry (its hash is unique in the chain), so a resend never duplicates."""
    return str(uuid.uuid5(AUDIT_NAMESPACE, entry.hash))


def audit_to_event(entry: AuditEntry) -> Resource:
    code, display, action = _AUDIT_TYPE[entry.action]
    event: Resource = {
        "resourceType": "AuditEvent",
        "id": audit_event_id(entry),
        "type": {"system": _DCM, "code": code, "display": display},
        "subtype": [{"system": EXT_BASE + "audit-action", "code": entry.action.value}],
        "action": action,
        "recorded": fhir_instant(entry.at),
        "outcome": "4" if entry.action is AuditAction.FAILED_PIN else "0",
        "agent": [
            {
                "who": {"reference": entry.user_id}
                if "/" in entry.user_id
                else {"display": entry.user_id},
                "requestor": True,
                "network": {"address": entry.workstation, "type": "1"},
            }
        ],
        "source": {
            "site": entry.workstation,
            "observer": {"display": f"AskOnce on {entry.workstation}"},
            "type": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/security-source-type",
                    "code": "1",
                    "display": "User Device",
                }
            ],
        },
    }
    if entry.patient_id:
        event["entity"] = [
            {
                "what": {"reference": f"Patient/{entry.patient_id}"},
                "type": {
                    "system": "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                    "code": "1",
                },
                "role": {
                    "system": "http://terminology.hl7.org/CodeSystem/object-role",
                    "code": "1",
                },
            }
        ]
    if entry.detail:
        event["outcomeDesc"] = entry.detail
    return validate(event)


# --- patient (+ Encounter, AllergyIntolerance), read-only -----------------------------------------


# A stay as it really is: the one going on, else one about to start or just paused, else the
# last one that ended. Cancelled and erroneous ones are no stay at all.
_STAY_RANK = {
    "in-progress": 0,
    "onleave": 1,
    "arrived": 2,
    "triaged": 2,
    "planned": 3,
    "finished": 4,
}


def current_stay(encounters: list[Resource]) -> Resource | None:
    """The patient's stay from their Encounters, whatever its status (None: no stay known).

    Of the same rank, the one that started last (a readmission's new stay beats the old)."""
    ranked = [e for e in encounters if str(e.get("status")) in _STAY_RANK]
    if not ranked:
        return None
    latest_first = sorted(
        ranked, key=lambda e: str((e.get("period") or {}).get("start") or ""), reverse=True
    )
    return min(latest_first, key=lambda e: _STAY_RANK[str(e.get("status"))])


PATIENT_MAPPING = "2"
"""Raised whenever ``patient_from_fhir`` reads more of the server's resources than before
(2: the hospital record's languages, interpreter, telecom, address, contacts): cached
patients are then mapped again from their cached resources (``Synchronizer``)."""


def patient_from_fhir(
    patient: Resource,
    encounter: Resource | None = None,
    allergies: list[Resource] | None = None,
) -> Patient:
    validate(patient)
    names: list[Resource] = patient.get("name", [])
    name = _first([n for n in names if n.get("use") in (None, "official", "usual")])
    nickname = _first([n for n in names if n.get("use") == "nickname"])
    mrn = next(
        (
            i.get("value", "")
            for i in patient.get("identifier", [])
            if any(c.get("code") == "MR" for c in (i.get("type") or {}).get("coding", []))
        ),
        "",
    )
    admitted: datetime | None = None  # unknown unless the stay says (never "now")
    expected: date | None = None
    ward = bed = ""
    if encounter is not None:
        validate(encounter)
        period = encounter.get("period") or {}
        if period.get("start"):
            admitted = parse_instant(period["start"])
        expected = _fhir_date(period.get("end"))
        for loc in encounter.get("location", []):
            display = str((loc.get("location") or {}).get("display", ""))
            physical = ((loc.get("physicalType") or {}).get("coding") or [{}])[0].get("code")
            if physical == "bd":
                bed = display
            elif physical in ("wa", None) and not ward:
                ward = display
    known: list[Allergy] = []
    for res in allergies or []:
        validate(res)
        clinical = ((res.get("clinicalStatus") or {}).get("coding") or [{}])[0].get("code")
        if clinical not in (None, "active"):
            continue
        verification = ((res.get("verificationStatus") or {}).get("coding") or [{}])[0]
        if verification.get("code") in _NOT_SO:
            continue
        reaction = _first(res.get("reaction", []))
        manifestation = _first(reaction.get("manifestation", []))
        code = res.get("code") or {}
        known.append(
            Allergy(
                substance=_concept_text(code) or "?",
                kind=AllergyKind.INTOLERANCE
                if res.get("type") == "intolerance"
                else AllergyKind.ALLERGY,
                reaction=str(manifestation.get("text", "")),
                criticality=res.get("criticality", "low"),
                codes=_read_codings(code),
                recorded_at=_record_time(res.get("recordedDate")) or _last_updated(res),
            )
        )
    return Patient(
        id=str(patient["id"]),
        mrn=str(mrn),
        family_name=str(name.get("family", "")),
        given_name=" ".join(name.get("given", [])),
        preferred_name=" ".join(nickname.get("given", [])),
        birth_date=date.fromisoformat(patient["birthDate"]),
        sex=str(patient.get("gender", "")),
        ward=ward,
        bed=bed,
        admitted_at=admitted,
        expected_discharge=expected,
        allergies=tuple(known),
        server_version=version_of(patient),
        languages=tuple(_record_languages(patient)),
        interpreter_required=_ext_value(patient, EXT_INTERPRETER_REQUIRED, "valueBoolean"),
        telecom=_record_telecom(patient.get("telecom")),
        addresses=tuple(
            _record_address(a) for a in patient.get("address", []) if a.get("use") != "old"
        ),
        record_contacts=tuple(_record_contact(c) for c in patient.get("contact", [])),
        record_updated_at=_last_updated(patient),
        religion=tuple(
            c
            for ext in patient.get("extension", []) or []
            if ext.get("url") == EXT_RELIGION
            for c in _read_codings(ext.get("valueCodeableConcept") or {})
        ),
    )


# --- what the hospital's record says beyond name and stay (read-only) -------------------------

EXT_INTERPRETER_REQUIRED = "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired"
EXT_RELIGION = "http://hl7.org/fhir/StructureDefinition/patient-religion"
BCP47 = "urn:ietf:bcp:47"
_NOT_SO = ("refuted", "entered-in-error")  # AllergyIntolerance verification: no allergy at all


def _last_updated(resource: Resource) -> datetime | None:
    """When the server last changed the resource (``meta.lastUpdated``); ``None``: unknown."""
    return _record_time((resource.get("meta") or {}).get("lastUpdated"))


def _record_time(text: Any) -> datetime | None:
    """A FHIR dateTime as an instant; a date alone ("2025-03-12", "2025-03", "2025") is the
    start of that day in UTC, the earliest it can mean (validity then runs out no later than
    it would)."""
    if not text:
        return None
    text = str(text)
    if "T" in text:
        return parse_instant(text)
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def _read_codings(concept: Resource) -> tuple[Coding, ...]:
    return tuple(
        Coding(system=str(c["system"]), code=str(c["code"]), display=str(c.get("display", "")))
        for c in concept.get("coding", []) or []
        if c.get("system") and c.get("code")
    )


def _record_languages(patient: Resource) -> list[RecordLanguage]:
    languages = []
    for entry in patient.get("communication", []) or []:
        concept = entry.get("language") or {}
        codings = concept.get("coding", []) or []
        coding = next((c for c in codings if c.get("system") == BCP47), _first(codings))
        code = str(coding.get("code") or "")
        display = str(concept.get("text") or coding.get("display") or "")
        if code or display:
            languages.append(
                RecordLanguage(code=code, display=display, preferred=entry.get("preferred") is True)
            )
    return languages


def _record_telecom(points: Any) -> tuple[RecordTelecom, ...]:
    return tuple(
        RecordTelecom(
            system=str(p.get("system", "")),
            value=str(p["value"]),
            use=str(p.get("use", "")),
            rank=p.get("rank"),
        )
        for p in points or []
        if p.get("value") and p.get("use") != "old"  # an old number is no way to reach them
    )


def _record_address(address: Resource) -> RecordAddress:
    return RecordAddress(
        lines=tuple(str(line) for line in address.get("line", []) or []),
        postal_code=str(address.get("postalCode", "")),
        city=str(address.get("city", "")),
        country=str(address.get("country", "")),
        use=str(address.get("use", "")),
        text=str(address.get("text", "")),
    )


def _record_contact(contact: Resource) -> RecordContact:
    relationship = ", ".join(
        t for t in (_concept_text(r) for r in contact.get("relationship", []) or []) if t
    )
    address = contact.get("address")
    return RecordContact(
        name=_human_name(contact.get("name") or {}),
        relationship=relationship,
        telecom=_record_telecom(contact.get("telecom")),
        address=_record_address(address) if address else None,
        organization=str((contact.get("organization") or {}).get("display", "")),
    )
