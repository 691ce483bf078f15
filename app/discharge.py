"""Discharge planning (DESIGN.md §3, §5): the plan, its checklist tasks, and readiness.

The checklist is data: a FHIR ``PlanDefinition`` in ``resources/discharge/`` with
one action per item (code, title with translations, owning role, how many days
before the expected date it is due). A hospital extends or replaces it by
pointing the policy setting ``discharge_checklist_file`` at its own file; the
loader names the broken item in its error, like the question catalog's.

Readiness is derived from the tasks by ``readiness()``, never typed in: the
board, the Discharge tab and the summary all call that one function.
"""

from __future__ import annotations

import enum
import functools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import Field, PrivateAttr

from app.catalog import _translations as translations_of
from app.domain import (
    Actor,
    Answer,
    AnswerState,
    Channel,
    ContactPoint,
    Frozen,
    HomeCareContact,
    Provenance,
    RecordTelecom,
    UtcDateTime,
)
from app.errors import ChecklistError

CHECKLIST_URL = "https://fhir.askonce.app/PlanDefinition/askonce-discharge-checklist"
CHECKLIST_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-discharge-checklist"
OWNER_ROLE_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-discharge-roles"
DESTINATION_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-discharge-destination"
EXT_DUE_DAYS_BEFORE = "https://fhir.askonce.app/StructureDefinition/due-days-before"


class Destination(enum.StrEnum):
    """Where the patient goes (codes of our destination CodeSystem)."""

    HOME = "home"
    HOME_WITH_SERVICES = "home-with-services"
    REHABILITATION = "rehabilitation"
    NURSING_FACILITY = "nursing-facility"
    OTHER = "other"


class TaskStatus(enum.StrEnum):
    """A checklist item's state; the values are FHIR ``Task.status`` codes."""

    TODO = "requested"
    IN_PROGRESS = "in-progress"
    DONE = "completed"
    NOT_NEEDED = "cancelled"


class OwnerRole(enum.StrEnum):
    """Who on the team looks after a checklist item (our role CodeSystem)."""

    NURSE = "nurse"
    COORDINATOR = "coordinator"
    PHARMACIST = "pharmacist"
    PHYSICIAN = "physician"
    SOCIAL_WORKER = "social-worker"


# --- the checklist catalog ------------------------------------------------------------


class ChecklistItemDef(Frozen):
    code: str = Field(min_length=1)
    title: str = Field(min_length=1)
    translations: dict[str, str] = Field(default_factory=dict)
    """Language code -> title."""
    owner_role: OwnerRole
    due_days_before: int = Field(ge=0)
    """Days before the expected discharge date the item is due."""

    def title_for(self, language: str) -> str:
        return self.translations.get(language, self.title)


class Checklist(Frozen):
    url: str
    version: str
    items: tuple[ChecklistItemDef, ...]
    _positions: dict[str, int] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        self._positions.update({item.code: n for n, item in enumerate(self.items)})

    def item(self, code: str) -> ChecklistItemDef | None:
        n = self._positions.get(code)
        return None if n is None else self.items[n]

    def title_for(self, code: str, language: str) -> str:
        """The item's title in ``language``; for a code this checklist lacks, the code."""
        item = self.item(code)
        return item.title_for(language) if item is not None else code

    def position(self, code: str) -> int:
        """Where an item stands in the checklist (unknown codes after all known ones)."""
        return self._positions.get(code, len(self.items))


def due_date(expected: date | None, item: ChecklistItemDef) -> date | None:
    """The default due date of an item for a plan with this expected discharge date."""
    return None if expected is None else expected - timedelta(days=item.due_days_before)


def default_checklist_path() -> Path:
    ref = resources.files("resources") / "discharge" / "askonce-discharge-checklist.json"
    return Path(str(ref))


@functools.cache
def default_checklist() -> Checklist:
    """The built-in checklist, read once per process."""
    return load_checklist()


def load_checklist(path: Path | None = None) -> Checklist:
    """Read and validate the checklist; raise ``ChecklistError`` naming the bad item."""
    path = path or default_checklist_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ChecklistError(
            f"The discharge checklist {path} is missing.",
            hint="Reinstall AskOnce or ask IT to restore the file.",
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ChecklistError(
            f"The discharge checklist {path} cannot be read ({exc}).",
            hint="Ask IT to correct the file.",
        ) from exc
    return parse_checklist(raw, origin=str(path))


def parse_checklist(raw: Any, *, origin: str = "checklist") -> Checklist:
    if not isinstance(raw, Mapping) or raw.get("resourceType") != "PlanDefinition":
        raise ChecklistError(f"{origin}: not a FHIR PlanDefinition.", hint="Ask IT to fix it.")
    url = raw.get("url")
    if not isinstance(url, str) or not url:
        raise ChecklistError(f"{origin}: the PlanDefinition has no canonical url.")
    actions = raw.get("action", [])
    if not isinstance(actions, list) or not all(isinstance(a, Mapping) for a in actions):
        raise ChecklistError(f"{origin}: 'action' must be a list of objects.")
    items: list[ChecklistItemDef] = []
    for n, action in enumerate(actions, start=1):
        item = _parse_item(action, n, origin)
        if any(i.code == item.code for i in items):
            raise ChecklistError(f"{origin}: checklist item {item.code!r} appears twice.")
        items.append(item)
    if not items:
        raise ChecklistError(f"{origin}: the checklist has no items.")
    return Checklist(url=url, version=str(raw.get("version") or ""), items=tuple(items))


def _parse_item(action: Mapping[str, Any], n: int, origin: str) -> ChecklistItemDef:
    codes = [
        coding
        for concept in _list(action.get("code"))
        for coding in _list(concept.get("coding"))
        if coding.get("system") == CHECKLIST_SYSTEM
    ]
    code = codes[0].get("code") if codes else None
    name = f"item {code!r}" if isinstance(code, str) and code else f"item {n}"

    def fail(problem: str) -> ChecklistError:
        return ChecklistError(f"{origin}: checklist {name}: {problem}.", hint="Ask IT to fix it.")

    if not isinstance(code, str) or not code:
        raise fail(f"it needs a code from {CHECKLIST_SYSTEM}")
    title = action.get("title")
    if not isinstance(title, str) or not title.strip():
        raise fail("the title is missing")
    try:
        translations = translations_of(action.get("_title"))
    except ValueError as exc:
        raise fail(f"its translations are malformed ({exc})") from exc

    role_codes = [
        coding.get("code")
        for participant in _list(action.get("participant"))
        for coding in _list((participant.get("role") or {}).get("coding"))
        if coding.get("system") == OWNER_ROLE_SYSTEM
    ]
    try:
        owner_role = OwnerRole(str(role_codes[0]) if role_codes else "")
    except ValueError as exc:
        known = ", ".join(r.value for r in OwnerRole)
        raise fail(f"missing or unknown owner role (one of: {known})") from exc

    days = next(
        (
            e.get("valueInteger")
            for e in _list(action.get("extension"))
            if e.get("url") == EXT_DUE_DAYS_BEFORE
        ),
        None,
    )
    if not isinstance(days, int) or isinstance(days, bool) or days < 0:
        raise fail("it needs a due-days-before extension with a whole number of days (0 or more)")
    return ChecklistItemDef(
        code=code,
        title=title.strip(),
        translations=translations,
        owner_role=owner_role,
        due_days_before=days,
    )


def _list(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, Mapping)]


# --- the plan and its tasks -------------------------------------------------------------


class Appointment(Frozen):
    """A follow-up appointment after discharge (GP, clinic, home-care first visit)."""

    when: UtcDateTime | None
    with_whom: str
    where: str = ""
    note: str = ""


class DischargePlan(Frozen):
    """One patient's discharge plan (a FHIR CarePlan, category discharge)."""

    id: str
    patient_id: str
    expected_date: date | None
    destination: Destination | None
    home_helper_id: str | None = None
    """The contact id of the person who will be at home to help (a RelatedPerson)."""
    appointments: tuple[Appointment, ...] = ()
    note: str = ""
    provenance: Provenance
    server_version: str | None = None
    unsent: bool = False


class DischargeTask(Frozen):
    """One checklist item of a plan (a FHIR Task based on the plan's CarePlan)."""

    id: str
    plan_id: str
    patient_id: str
    code: str
    title: str
    owner_role: OwnerRole
    owner: Actor | None = None
    due: date | None
    status: TaskStatus
    note: str = ""
    provenance: Provenance
    server_version: str | None = None
    unsent: bool = False


@dataclass(frozen=True)
class FollowUp:
    """How and when the patient wants to be reached after discharge (their Ask-once answers).

    ``state`` is the less settled of the two questions: the UI asks only when it is not
    VALID, and then only the question(s) whose own state is not VALID.
    """

    channel: str
    times: str
    answered_at: datetime | None
    answered_by: str | None
    state: AnswerState
    channel_state: AnswerState = AnswerState.NEVER_ASKED
    times_state: AnswerState = AnswerState.NEVER_ASKED
    channel_answer: Answer | None = None
    times_answer: Answer | None = None
    route: FollowUpRoute | None = None
    """Whom to reach, how and at which number (``resolve_follow_up``)."""
    request: FollowUpRequest | None = None
    """The request handed to the messaging system for this plan, once it is complete."""
    request_times: str = ""
    """The request's time window in words (service language)."""


# --- readiness ----------------------------------------------------------------------------


class Readiness(Frozen):
    """How far a plan is, derived from its tasks."""

    done: int
    total: int
    """Items that count: every item except those marked not needed."""
    overdue: tuple[str, ...]
    """Titles of items not done whose due date has passed."""
    open: tuple[str, ...]
    """Titles of items not done (overdue ones included)."""

    @property
    def ready(self) -> bool:
        return self.total > 0 and self.done == self.total


class ChecklistTask(Protocol):
    """What readiness reads of a task: a ``DischargeTask``, or a lighter row of the board."""

    @property
    def code(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def status(self) -> TaskStatus: ...

    @property
    def due(self) -> date | None: ...


_T = TypeVar("_T", bound=ChecklistTask)


def readiness(
    tasks: Iterable[_T],
    today: date,
    *,
    title_of: Callable[[_T], str] | None = None,
) -> Readiness:
    """The one place readiness is decided (board, tab and summary all use it).

    Items marked not needed do not count. An item is overdue when it is not done and
    its due date lies before ``today``. ``title_of`` names items (e.g. translated);
    by default their stored title.
    """
    counted = [t for t in tasks if t.status is not TaskStatus.NOT_NEEDED]
    waiting = [t for t in counted if t.status is not TaskStatus.DONE]
    name = title_of or _stored_title
    return Readiness(
        done=len(counted) - len(waiting),
        total=len(counted),
        overdue=tuple(name(t) for t in waiting if t.due is not None and t.due < today),
        open=tuple(name(t) for t in waiting),
    )


def _stored_title(task: ChecklistTask) -> str:
    return task.title


# --- follow-up after discharge ------------------------------------------------------------

FOLLOW_UP_CATEGORY_SYSTEM = "https://fhir.askonce.app/CodeSystem/askonce-follow-up"
FOLLOW_UP_CATEGORY = "discharge-follow-up"
"""Our category of a follow-up request (so our CommunicationRequests are told from others)."""
VIA_RELATIVE = "via-relative"
"""The channel answer "through a relative or carer": the follow-up goes to the helper."""


class FollowUpMedium(enum.StrEnum):
    """How the hospital's messaging or call system reaches the recipient."""

    PHONE = "phone"
    SMS = "sms"
    EMAIL = "email"


class FollowUpProblem(enum.StrEnum):
    """Why the follow-up cannot go out as the patient asked (the UI words each one)."""

    NOT_ASKED = "not-asked"
    """No valid channel answer yet."""
    NO_NUMBER = "no-number"
    """Phone or SMS, but no phone number is known for the recipient."""
    NO_EMAIL = "no-email"
    NO_HELPER = "no-helper"
    """Through a relative, but nobody is chosen as the helper at home."""
    NO_CONSENT = "no-consent"
    """Through a relative, but the helper has not consented to receive information."""
    UNSUPPORTED = "unsupported"
    """A channel the messaging system does not serve (a letter, "other")."""


class FollowUpStatus(enum.StrEnum):
    """A follow-up request's state; the values are FHIR R4 ``CommunicationRequest.status``
    (every one of them: another system may set any)."""

    DRAFT = "draft"
    ACTIVE = "active"
    ON_HOLD = "on-hold"
    """Waiting: the plan is no longer complete (an item re-opened)."""
    REVOKED = "revoked"
    COMPLETED = "completed"
    ENTERED_IN_ERROR = "entered-in-error"
    UNKNOWN = "unknown"

    @property
    def live(self) -> bool:
        """Still meant to go out (now, or once the plan is complete again)."""
        return self in (FollowUpStatus.ACTIVE, FollowUpStatus.ON_HOLD)


@dataclass(frozen=True)
class FollowUpRoute:
    """Whom to reach after discharge, how, and at which number or address.

    ``problem`` says why nothing can go out yet; then ``address`` is empty. A helper who
    has not consented to receive information is never the recipient: ``recipient_name``
    names them only so the UI can say why.
    """

    medium: FollowUpMedium | None
    address: str
    recipient_contact_id: str | None
    """``None``: the patient themselves."""
    recipient_name: str
    """The helper's name (the contact, not the patient); empty for the patient."""
    problem: FollowUpProblem | None = None

    @property
    def ready(self) -> bool:
        return self.problem is None and self.medium is not None and bool(self.address)


_MEDIUM_OF_ANSWER = {
    "phone": FollowUpMedium.PHONE,
    "sms": FollowUpMedium.SMS,
    "email": FollowUpMedium.EMAIL,
}
_MEDIUM_OF_CONTACT_CHANNEL = {
    Channel.PHONE: FollowUpMedium.PHONE,
    Channel.SMS: FollowUpMedium.SMS,
    Channel.EMAIL: FollowUpMedium.EMAIL,
}


def resolve_follow_up(
    channel_code: str | None,
    patient_telecom: Sequence[ContactPoint | RecordTelecom],
    helper: HomeCareContact | None,
) -> FollowUpRoute:
    """The one place the follow-up route is decided (tab, summary and the request).

    ``channel_code`` is the patient's valid channel answer (``None``: not asked or due).
    Phone, SMS and e-mail go to the patient's own first-ranked number or address;
    "through a relative" goes to the helper at home on the helper's own preferred
    channel (phone when they have none), and only with their consent to receive
    information.

    The patient's numbers from the hospital record (``RecordTelecom``) are read with their
    ``use``: an ``old`` number is never used, a ``temp`` one only when it is the only one;
    an SMS goes to an SMS-capable or mobile number before a landline.
    """
    nobody = FollowUpRoute(None, "", None, "")
    if channel_code is None:
        return replace(nobody, problem=FollowUpProblem.NOT_ASKED)
    if channel_code == VIA_RELATIVE:
        if helper is None:
            return replace(nobody, problem=FollowUpProblem.NO_HELPER)
        if not helper.consent_to_share:
            return replace(nobody, recipient_name=helper.name, problem=FollowUpProblem.NO_CONSENT)
        medium = _MEDIUM_OF_CONTACT_CHANNEL.get(
            helper.preferred_channel or Channel.PHONE, FollowUpMedium.PHONE
        )
        return _route(medium, helper.ranked_telecom(), helper.id, helper.name)
    medium_of_answer = _MEDIUM_OF_ANSWER.get(channel_code)
    if medium_of_answer is None:
        return replace(nobody, problem=FollowUpProblem.UNSUPPORTED)
    return _route(medium_of_answer, _patient_points(patient_telecom, medium_of_answer), None, "")


_UNRANKED = 1000
"""Where the record's unranked numbers go: after every ranked one, in the record's order."""


def _patient_points(
    telecom: Sequence[ContactPoint | RecordTelecom], medium: FollowUpMedium
) -> tuple[ContactPoint, ...]:
    """The patient's usable numbers or addresses for ``medium``, best first."""
    points: list[tuple[tuple[int, int, int], ContactPoint]] = []
    records = [t for t in telecom if isinstance(t, RecordTelecom) and t.use != "old"]
    for n, item in enumerate(telecom):
        if isinstance(item, ContactPoint):
            points.append(((0, item.rank, n), item))
            continue
        if item.use == "old":
            continue
        system = {"phone": "phone", "sms": "phone", "email": "email"}.get(item.system)
        if system is None:
            continue
        if item.use == "temp" and any(
            o is not item and o.use != "temp" and o.system == item.system for o in records
        ):
            continue  # a temporary number only when nothing else is known
        rank = item.rank if item.rank is not None else _UNRANKED + n
        texting = item.system == "sms" or item.use == "mobile"
        preference = 0 if medium is not FollowUpMedium.SMS or texting else 1
        point = ContactPoint(system=system, value=item.value, rank=rank, label=item.use)
        points.append(((preference, rank, n), point))
    return tuple(p for _, p in sorted(points, key=lambda x: x[0]))


def _route(
    medium: FollowUpMedium,
    ranked: Sequence[ContactPoint],
    contact_id: str | None,
    name: str,
) -> FollowUpRoute:
    system = "email" if medium is FollowUpMedium.EMAIL else "phone"
    address = next((c.value for c in ranked if c.system == system), "")
    if address:
        return FollowUpRoute(medium, address, contact_id, name)
    problem = FollowUpProblem.NO_EMAIL if system == "email" else FollowUpProblem.NO_NUMBER
    return FollowUpRoute(medium, "", contact_id, name, problem)


# The short message the messaging system sends or reads out, in the recipient's preferred
# language where we have a translation (the hospital's language otherwise).
_FOLLOW_UP_PAYLOAD = {
    "en": (
        "Follow-up after your hospital stay: the ward team will get in touch to ask"
        " how you are doing."
    ),
    "de": (
        "Nachsorge nach Ihrem Krankenhausaufenthalt: Das Team der Station meldet sich,"
        " um zu fragen, wie es Ihnen geht."
    ),
}


# The same for a relative or carer who receives it for the patient.
_FOLLOW_UP_PAYLOAD_TO_RELATIVE = {
    "en": (
        "Follow-up after the hospital stay of the person you care for: the ward team will"
        " get in touch with you to ask how they are doing."
    ),
    "de": (
        "Nachsorge nach dem Krankenhausaufenthalt Ihrer bzw. Ihres Angehörigen: Das Team"
        " der Station meldet sich bei Ihnen, um zu fragen, wie es ihr bzw. ihm geht."
    ),
}


def follow_up_payload(
    preferred_language: str | None, fallback: str, *, to_relative: bool = False
) -> tuple[str, str]:
    """The request's message and its language: the recipient's own language (the
    patient's, or the helper's with ``to_relative``) when we have the text in it, else
    ``fallback`` (the service language), else English. ``to_relative``: worded to the
    relative or carer, not to the patient."""
    texts = _FOLLOW_UP_PAYLOAD_TO_RELATIVE if to_relative else _FOLLOW_UP_PAYLOAD
    for language in (preferred_language, fallback, "en"):
        if language and language in texts:
            return texts[language], language
    raise AssertionError("unreachable: English is always there")


class FollowUpRequest(Frozen):
    """The follow-up handed to the hospital's messaging or call system when the discharge
    plan is complete (a FHIR CommunicationRequest based on the plan's CarePlan)."""

    id: str
    patient_id: str
    plan_id: str
    medium: FollowUpMedium
    recipient_contact_id: str | None = None
    """``None``: the patient; else the helper's contact id (a RelatedPerson)."""
    recipient_name: str = ""
    """The helper's name as it was when the request was made; empty for the patient."""
    address: str = Field(min_length=1)
    """The phone number or e-mail address to use."""
    times: tuple[str, ...] = ()
    """When to call or write: codes of the best-time answer (``morning``, ``evening``, …)."""
    payload: str = ""
    language: str = "en"
    """BCP-47 code of ``payload``."""
    status: FollowUpStatus = FollowUpStatus.ACTIVE
    start: datetime | None = None
    """From when (FHIR ``occurrencePeriod.start``): the local start of the plan's expected
    discharge day, with its offset."""
    provenance: Provenance
    server_version: str | None = None
    unsent: bool = False

    def same_route(self, route: FollowUpRoute) -> bool:
        """Whether ``route`` still reaches whom this request was made for, the same way."""
        return route.ready and (route.recipient_contact_id, route.medium, route.address) == (
            self.recipient_contact_id,
            self.medium,
            self.address,
        )
