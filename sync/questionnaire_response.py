"""The patient's own answers as a FHIR ``QuestionnaireResponse`` of the catalog, both ways.

In: a response a portal, kiosk or tablet wrote before admission becomes a
``PatientReport`` (offered on the board, never taken as answers by itself). Only
responses to our catalog (its canonical url, with or without ``|version``) are ours;
items are matched by ``linkId`` (our question codes) and read against the catalog's
answer types. An item the catalog does not know, or whose answer does not fit, is
counted and left aside: another system's extra questions are no error.

Out: the patient's current answers as a response to the catalog, for a file or the
server; an answer "asked, but no answer" has no value to give and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

from app.catalog import ANSWER_SYSTEM
from app.clock import local_start_of_day
from app.domain import (
    Actor,
    Answer,
    AnswerType,
    AnswerValue,
    Catalog,
    NoAnswer,
    Provenance,
    Question,
    RevisionStatus,
    Source,
)
from app.patient_reports import AnswersExport, PatientReport, ReportedItem, ReportStatus
from sync.client import FhirClient, RequestRejectedError
from sync.mapping import (
    MRN_TYPE,
    MappingError,
    Resource,
    fhir_instant,
    parse_instant,
    performer,
    reference_id,
    validate,
    version_of,
)

RESOURCE_TYPE = "QuestionnaireResponse"
EXPORT_TAG = {"system": "https://fhir.askonce.app/CodeSystem/askonce-tags", "code": "export"}
"""On a response AskOnce wrote (an export): the chart's answers, not the patient's report,
so the sync never offers it back for confirmation."""

_SOURCE_OF = {"Patient": Source.PATIENT, "RelatedPerson": Source.FAMILY}
_STATUS = {
    "completed": ReportStatus.COMPLETED,
    "amended": ReportStatus.AMENDED,
    "in-progress": ReportStatus.IN_PROGRESS,
    "stopped": ReportStatus.STOPPED,
    "entered-in-error": ReportStatus.ENTERED_IN_ERROR,
}


def canonical_url(canonical: object) -> str:
    """A canonical reference without its ``|version``."""
    return str(canonical or "").split("|", 1)[0]


def answers_catalog(res: Resource, catalog_url: str) -> bool:
    """Whether a response answers the catalog (another questionnaire's stays on the server)."""
    questionnaire = canonical_url(res.get("questionnaire"))
    return res.get("resourceType") == RESOURCE_TYPE and questionnaire == catalog_url


def is_patient_report(res: Resource, catalog_url: str) -> bool:
    """Whether the sync keeps a response: the catalog's, and not one AskOnce exported (the
    chart's own answers, which must not come back to be confirmed)."""
    return answers_catalog(res, catalog_url) and not is_export(res)


def is_export(res: Resource) -> bool:
    tags = (res.get("meta") or {}).get("tag") or []
    return any(
        isinstance(t, dict)
        and t.get("system") == EXPORT_TAG["system"]
        and t.get("code") == EXPORT_TAG["code"]
        for t in tags
    )


# --- in -----------------------------------------------------------------------------------


def response_to_report(res: Resource, catalog: Catalog) -> PatientReport:
    """A server response of the catalog as a report of the patient's answers."""
    validate(res)
    where = f"{RESOURCE_TYPE}/{res.get('id', '?')}"
    if not answers_catalog(res, catalog.url):
        raise MappingError(f"{where} does not answer the AskOnce catalog")
    subject = str((res.get("subject") or {}).get("reference") or "")
    if not subject.startswith("Patient/"):
        raise MappingError(f"{where} has no patient as its subject")
    patient_id = reference_id(subject, "Patient")
    authored = _authored(res.get("authored"), where)
    answerer = res.get("source") or res.get("author") or {}
    author = res.get("author") or {}
    version = version_of(res)
    items, skipped = _reported_items(res, catalog)
    return PatientReport(
        id=str(res["id"]),
        patient_id=patient_id,
        authored=authored,
        provenance=Provenance(
            recorded_by=_actor(answerer),
            recorded_at=authored,
            source=_SOURCE_OF.get(_reference_type(answerer), Source.OTHER_SYSTEM),
            based_on_version=version,
        ),
        source_label=_label(author) or _label(answerer),
        status=_STATUS.get(str(res.get("status")), ReportStatus.IN_PROGRESS),
        items=items,
        skipped=skipped,
        server_version=version,
    )


def _authored(text: object, where: str) -> datetime | None:
    """When the patient filled it in; a date alone counts from the start of that day on the
    workstation (local midnight), so the day shown (``app.clock.local_day``) is that day."""
    if not text:
        return None
    value = str(text)
    try:
        if len(value) <= 10:  # a year, a month or a day (FHIR dateTime allows them)
            parts = [int(p) for p in value.split("-")] + [1, 1]
            return local_start_of_day(date(parts[0], parts[1], parts[2])).astimezone(UTC)
        return parse_instant(value)  # (a dateTime without a time zone is refused there)
    except ValueError as exc:
        raise MappingError(f"{where} has an unreadable authored time") from exc


def _reference_type(reference: Any) -> str:
    text = str(reference.get("reference") or "") if isinstance(reference, dict) else ""
    return text.split("/", 1)[0] if "/" in text else ""


def _label(reference: Any) -> str:
    return str(reference.get("display") or "").strip() if isinstance(reference, dict) else ""


def _actor(reference: Any) -> Actor:
    """Who answered, as the response names them (a patient without a display is "Patient")."""
    ref = str(reference.get("reference") or "") if isinstance(reference, dict) else ""
    display = _label(reference) or _reference_type(reference) or "Patient"
    return Actor(user_id=ref or "unknown", display_name=display)


def _walk(items: Any) -> Iterator[Resource]:
    """Every item with answers, at any depth (a portal may group them, or not)."""
    for item in items or []:
        if not isinstance(item, dict):
            continue
        if item.get("answer"):
            yield item
        yield from _walk(item.get("item"))
        for answer in item.get("answer") or []:
            if isinstance(answer, dict):
                yield from _walk(answer.get("item"))


def _reported_items(res: Resource, catalog: Catalog) -> tuple[tuple[ReportedItem, ...], int]:
    items: list[ReportedItem] = []
    seen: set[str] = set()
    skipped = 0
    for item in _walk(res.get("item")):
        code = str(item.get("linkId") or "")
        try:
            question = catalog.question(code)
        except KeyError:
            skipped += 1
            continue
        value = _value(question, [a for a in item["answer"] if isinstance(a, dict)])
        if value is None or code in seen:
            skipped += 1
            continue
        seen.add(code)
        items.append(ReportedItem(question_code=code, value=value))
    return tuple(items), skipped


def _value(question: Question, answers: list[Resource]) -> AnswerValue | None:
    """The answer as AskOnce keeps it, or ``None`` when it does not fit the question."""
    kind = question.answer_type
    if kind is AnswerType.MULTI_CHOICE:
        codes = [_option_code(question, a.get("valueCoding")) for a in answers]
        if not codes or None in codes:
            return None
        order = [o.code for o in question.options]
        return tuple(sorted({c for c in codes if c is not None}, key=order.index))
    if len(answers) != 1:
        return None
    answer = answers[0]
    if kind is AnswerType.BOOLEAN:
        value = answer.get("valueBoolean")
        return value if isinstance(value, bool) else None
    if kind is AnswerType.FREE_TEXT:
        text = answer.get("valueString")
        return text.strip() if isinstance(text, str) and text.strip() else None
    if kind is AnswerType.TIME:
        time = answer.get("valueTime")
        return _hh_mm(time) if isinstance(time, str) else None
    return _option_code(question, answer.get("valueCoding"))


def _hh_mm(text: str) -> str | None:
    try:
        return datetime.strptime(text[:5], "%H:%M").strftime("%H:%M")
    except ValueError:
        return None


def _option_code(question: Question, coding: Any) -> str | None:
    """Our option for a coding: our answer code, the option's own coding, or one of its
    standard codings; a bare code (no system) only when it is one of our options."""
    if not isinstance(coding, dict) or not coding.get("code"):
        return None
    system, code = coding.get("system"), str(coding["code"])
    for option in question.options:
        if code == option.code and system in (None, ANSWER_SYSTEM, option.system):
            return option.code
        if any(c.system == system and c.code == code for c in option.standard_codings):
            return option.code
    return None


# --- out ----------------------------------------------------------------------------------


def report_to_response(
    catalog: Catalog,
    patient_id: str,
    answers: Iterable[Answer],
    *,
    response_id: str,
    authored: datetime,
    author: Actor,
    mrn: str = "",
    display: str = "",
) -> Resource:
    """The patient's current answers as a completed response to the catalog (grouped by
    category as the catalog is). Answers in error and "asked, but no answer" are left out.
    The subject names the patient by id and, for a reader without our ids, by MRN (the
    identifier type the Patient mapping reads) and name."""
    newest: dict[str, Answer] = {}
    for answer in answers:
        if answer.status is RevisionStatus.CURRENT and not isinstance(answer.value, NoAnswer):
            newest[answer.question_code] = answer
    groups: list[Resource] = []
    for category in catalog.categories:
        items = [
            {"linkId": q.code, "text": q.text, "answer": _answers_out(q, newest[q.code].value)}
            for q in catalog.in_category(category.code)
            if q.code in newest
        ]
        if items:
            groups.append({"linkId": category.code, "text": category.display, "item": items})
    canonical = f"{catalog.url}|{catalog.version}" if catalog.version else catalog.url
    subject: Resource = {"reference": f"Patient/{patient_id}"}
    if mrn:
        subject["identifier"] = {
            "type": {"coding": [{"system": MRN_TYPE, "code": "MR"}]},
            "value": mrn,
        }
    if display:
        subject["display"] = display
    response: Resource = {
        "resourceType": RESOURCE_TYPE,
        "id": response_id,
        "meta": {"tag": [dict(EXPORT_TAG)]},
        "questionnaire": canonical,
        "status": "completed",
        "subject": subject,
        "authored": fhir_instant(authored),
        "author": performer(author),
        "item": groups,
    }
    return validate(response)


def export_to_response(catalog: Catalog, export: AnswersExport) -> Resource:
    """What ``ReportService.export_answers`` gave, as the response to write or send."""
    return report_to_response(
        catalog,
        export.patient_id,
        export.answers,
        response_id=export.response_id,
        authored=export.authored,
        author=export.author,
        mrn=export.mrn,
        display=export.display,
    )


def _answers_out(question: Question, value: AnswerValue) -> list[Resource]:
    if isinstance(value, bool):
        return [{"valueBoolean": value}]
    if question.answer_type is AnswerType.TIME:
        return [{"valueTime": f"{value}:00"}]
    if question.answer_type is AnswerType.FREE_TEXT:
        return [{"valueString": value}]
    codes = value if isinstance(value, tuple) else (str(value),)
    return [{"valueCoding": _coding_out(question, code)} for code in codes]


def _coding_out(question: Question, code: str) -> Resource:
    """The option's coding as the catalog's answerOption has it (the same system)."""
    option = question.option(code)
    if option is None:
        return {"system": ANSWER_SYSTEM, "code": code}
    return {"system": option.system, "code": option.code, "display": option.display}


def upload_response(client: FhirClient, response: Resource) -> str | None:
    """Send an exported response to the server; its version there.

    A PUT with the id AskOnce chose (one per patient): sent again, it is still one response,
    ``amended`` once the server holds an earlier one. Refusals and network trouble are the
    client's typed errors.
    """
    if response.get("resourceType") != RESOURCE_TYPE or not is_export(response):
        raise MappingError("only AskOnce's own exported responses are sent")
    try:
        client.read(RESOURCE_TYPE, str(response["id"]))
    except RequestRejectedError as exc:
        if exc.status not in (404, 410):
            raise
    else:
        response = {**response, "status": "amended"}
    return client.put(response).version
