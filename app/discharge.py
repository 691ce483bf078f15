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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import Field, PrivateAttr

from app.catalog import _translations as translations_of
from app.domain import Actor, Answer, AnswerState, Frozen, Provenance, UtcDateTime
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
