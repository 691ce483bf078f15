"""What AskOnce keeps of each FHIR resource type: one entry per type, in one place.

Each ``Kind`` says how its resources are searched for one set of patients (the search
parameter naming the patient, the filters that leave other systems' resources on the
server), how a returned resource is checked client-side (which patient it belongs to,
whether it is really ours — a server may not filter as asked), and how it maps to and
from the domain (``sync.mapping``). The engine knows no type by name beyond this table.

Two sorts of kinds: parts of the patient (Patient, Encounter, AllergyIntolerance: read
only, assembled into one ``Patient`` record) and records (answers, medications,
contacts, the discharge plan and its tasks), which a nurse edits and the engine uploads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from app.catalog import CATALOG_URL, QUESTION_SYSTEM
from app.discharge import (
    CHECKLIST_SYSTEM,
    FOLLOW_UP_CATEGORY,
    FOLLOW_UP_CATEGORY_SYSTEM,
    DischargePlan,
    DischargeTask,
    FollowUpRequest,
)
from app.domain import Answer, Catalog, HomeCareContact, HomeMedication
from app.patient_reports import PatientReport
from app.records import Record
from app.store.repository import Repository
from sync import communication_request, mapping, questionnaire_response

Resource = dict[str, Any]


def _reference_patient(reference: object) -> str | None:
    text = str(reference or "")
    if not text.startswith("Patient/"):
        return None
    return text.removeprefix("Patient/").split("/_history/")[0] or None


def _at(*path: str) -> Callable[[Resource], str | None]:
    """The patient a resource belongs to, from the reference at ``path``."""

    def patient_of(res: Resource) -> str | None:
        node: Any = res
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        return _reference_patient(node)

    return patient_of


def _codings(res: Resource, element: str) -> list[Resource]:
    value = res.get(element)
    concepts = value if isinstance(value, list) else [value]
    return [
        c
        for concept in concepts
        if isinstance(concept, dict)
        for c in concept.get("coding", []) or []
        if isinstance(c, dict)
    ]


def _has_code(element: str, system: str, code: str | None = None) -> Callable[[Resource], bool]:
    def check(res: Resource) -> bool:
        return any(
            c.get("system") == system and (code is None or c.get("code") == code)
            for c in _codings(res, element)
        )

    return check


def _always(_res: Resource) -> bool:
    return True


def _is_answer(res: Resource) -> bool:
    return _has_code("category", mapping.OBSERVATION_CATEGORY, "survey")(res) and _has_code(
        "code", QUESTION_SYSTEM
    )(res)


@dataclass(frozen=True)
class Outgoing:
    """What mapping a record for upload may need besides the record and its base."""

    catalog: Catalog
    repo: Repository


@dataclass(frozen=True)
class Kind:
    resource_type: str
    patient_param: str
    """The search parameter that names the patients (``_id`` for Patient itself)."""
    patient_of: Callable[[Resource], str | None]
    """Whom a resource is of: the check that it is one of those asked for (an agency is
    asked for by its own id)."""
    filters: Mapping[str, str] = field(default_factory=dict)
    """Server-side: only our resources of the type (other systems keep their own)."""
    is_ours: Callable[[Resource], bool] = _always
    """Client-side, the same: a server may not filter as asked."""
    incoming: Callable[[Resource, Catalog], Record] | None = None
    """Server resource to domain record (None: a part of the patient, not a record)."""
    outgoing: Callable[[Record, Resource | None, Outgoing], Resource] | None = None
    """Domain record to server resource (None: read only)."""
    count_checked: bool = True
    """Deletions are found by comparing the server's count with the cache's."""
    record_class: type[Record] | None = None
    """The domain class of its records (and of their outbox payloads)."""
    companions: Callable[[Record], list[Resource]] = lambda _record: []
    """Resources sent along with a record of the kind."""

    @property
    def is_record(self) -> bool:
        return self.incoming is not None


def _answer_out(record: Record, base: Resource | None, ctx: Outgoing) -> Resource:
    assert isinstance(record, Answer)
    return mapping.answer_to_observation(record, ctx.catalog, base)


def _medication_out(record: Record, base: Resource | None, _ctx: Outgoing) -> Resource:
    assert isinstance(record, HomeMedication)
    return mapping.medication_to_statement(record, base)


def _contact_out(record: Record, base: Resource | None, _ctx: Outgoing) -> Resource:
    assert isinstance(record, HomeCareContact)
    return mapping.contact_to_related_person(record, base)


def _agency_out(record: Record, base: Resource | None, _ctx: Outgoing) -> Resource:
    assert isinstance(record, HomeCareContact)
    return mapping.contact_to_organization(record, base)


def _plan_out(record: Record, base: Resource | None, ctx: Outgoing) -> Resource:
    assert isinstance(record, DischargePlan)
    tasks = ctx.repo.discharge_tasks([record.id]).get(record.id, [])
    return mapping.plan_to_care_plan(record, base, task_ids=[t.id for t in tasks])


def _task_out(record: Record, base: Resource | None, _ctx: Outgoing) -> Resource:
    assert isinstance(record, DischargeTask)
    return mapping.task_to_fhir(record, base)


def _patient_report(res: Resource) -> bool:
    return questionnaire_response.is_patient_report(res, CATALOG_URL)


def _follow_up_out(record: Record, base: Resource | None, _ctx: Outgoing) -> Resource:
    assert isinstance(record, FollowUpRequest)
    return communication_request.request_to_fhir(record, base)


def _own_id(res: Resource) -> str | None:
    return str(res["id"]) if res.get("id") else None


PATIENT = Kind("Patient", "_id", _own_id)
ENCOUNTER = Kind("Encounter", "patient", _at("subject", "reference"))
ALLERGY = Kind("AllergyIntolerance", "patient", _at("patient", "reference"))
HOME_CARE_TEAM = Kind(
    "CareTeam",
    "patient",
    _at("subject", "reference"),
    # No server-side filter: with hundreds of patients, HAPI took 91 s for this search
    # with category and status tokens and 0.3 s without (measured at 400 patients); the
    # patients' other care teams (the assignment's) are few and left aside here.
    is_ours=lambda res: (
        res.get("status") == "active"
        and _has_code("category", mapping.HOME_CARE_CATEGORY, "home-care")(res)
    ),
    count_checked=False,  # read whole every time: it says which agencies are linked
)
AGENCY = Kind(
    "Organization",
    "_id",
    _own_id,  # shared by many patients, reached through the home-care teams: asked by id
    incoming=lambda res, _c: mapping.organization_to_contact(res),
    outgoing=_agency_out,
    record_class=HomeCareContact,
    # An agency is linked to its patient through a home-care CareTeam, sent with it.
    companions=lambda record: [mapping.home_care_team(cast(HomeCareContact, record))],
    count_checked=False,
)

PATIENT_PARTS = (PATIENT, ENCOUNTER, ALLERGY)
# Plans before their tasks: a task names the plan it belongs to.
RECORDS = (
    Kind(
        "Observation",
        "patient",
        _at("subject", "reference"),
        # Only AskOnce's answers, by the code system of our questions (other questionnaires'
        # surveys, vital signs, labs stay on the server). Not also by category=survey: that
        # token matches every questionnaire's answers of the patient, and with hundreds of
        # patients HAPI then takes 40 s instead of 0.04 s for one count (measured); the
        # category is still checked here, on every resource (``is_ours``).
        filters={"code": f"{QUESTION_SYSTEM}|"},
        is_ours=_is_answer,
        incoming=mapping.observation_to_answer,
        outgoing=_answer_out,
        record_class=Answer,
    ),
    Kind(
        "MedicationStatement",
        "patient",
        _at("subject", "reference"),
        incoming=lambda res, _c: mapping.statement_to_medication(res),
        outgoing=_medication_out,
        record_class=HomeMedication,
    ),
    Kind(
        "MedicationRequest",  # the hospital's prescriptions: read only, all of them
        "patient",
        _at("subject", "reference"),
        incoming=lambda res, _c: mapping.request_to_medication(res),
        record_class=HomeMedication,
    ),
    Kind(
        "RelatedPerson",
        "patient",
        _at("patient", "reference"),
        incoming=lambda res, _c: mapping.related_person_to_contact(res),
        outgoing=_contact_out,
        record_class=HomeCareContact,
    ),
    Kind(
        "CarePlan",
        "patient",
        _at("subject", "reference"),
        filters={
            "category": f"{mapping.CARE_PLAN_CATEGORY_SYSTEM}|{mapping.ASKONCE_DISCHARGE_PLAN}"
        },
        is_ours=_has_code(
            "category", mapping.CARE_PLAN_CATEGORY_SYSTEM, mapping.ASKONCE_DISCHARGE_PLAN
        ),
        incoming=lambda res, _c: mapping.care_plan_to_plan(res),
        outgoing=_plan_out,
        record_class=DischargePlan,
    ),
    Kind(
        "Task",
        "patient",
        _at("for", "reference"),
        filters={"code": f"{CHECKLIST_SYSTEM}|"},
        is_ours=_has_code("code", CHECKLIST_SYSTEM),
        incoming=lambda res, _c: mapping.fhir_to_task(res),
        outgoing=_task_out,
        record_class=DischargeTask,
    ),
    Kind(
        "QuestionnaireResponse",  # the patient's answers from a portal: read only, offered
        "patient",
        _at("subject", "reference"),
        # No server-side filter: ``questionnaire`` is a reference search that servers
        # answer differently for canonicals with a version; other questionnaires'
        # responses are few and left aside here.
        is_ours=_patient_report,
        incoming=questionnaire_response.response_to_report,
        record_class=PatientReport,
    ),
    Kind(
        "CommunicationRequest",  # the follow-up handed to the hospital's messaging system
        "patient",
        _at("subject", "reference"),
        filters={"category": f"{FOLLOW_UP_CATEGORY_SYSTEM}|{FOLLOW_UP_CATEGORY}"},
        is_ours=communication_request.is_follow_up,
        incoming=lambda res, _c: communication_request.fhir_to_request(res),
        outgoing=_follow_up_out,
        record_class=FollowUpRequest,
    ),
)
KINDS: dict[str, Kind] = {k.resource_type: k for k in (*PATIENT_PARTS, *RECORDS, AGENCY)}


def kind(resource_type: str) -> Kind:
    """The entry of a type AskOnce keeps; anything else is a ``MappingError``."""
    found = KINDS.get(resource_type)
    if found is None:
        raise mapping.MappingError(f"{resource_type} is not a type AskOnce keeps")
    return found


def record_from_resource(resource_type: str, res: Resource, catalog: Catalog) -> Record:
    """The domain record of a server resource of one of the record kinds."""
    entry = kind(resource_type)
    if entry.incoming is None:
        raise mapping.MappingError(f"{resource_type} is not a record")
    return entry.incoming(res, catalog)


def resource_from_record(
    resource_type: str, record: Record, base: Resource | None, ctx: Outgoing
) -> Resource:
    """The server resource of a record, built on the server's last version (``base``)."""
    entry = kind(resource_type)
    if entry.outgoing is None:
        raise mapping.MappingError(f"{resource_type} is read only")
    return entry.outgoing(record, base, ctx)


def record_class(resource_type: str) -> type[Record]:
    """The domain class of a record kind's outbox payloads."""
    cls = kind(resource_type).record_class
    if cls is None:
        raise mapping.MappingError(f"{resource_type} is not a record")
    return cls
