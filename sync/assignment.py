"""Who the signed-in user cares for: the assignment, from where the hospital keeps it.

The policy's ``assignment_source`` says where: the user's active CareTeams (the
default), a FHIR ``Group`` or ``List`` the user manages, or the ward (patients whose
in-progress Encounter is at the user's Location). Whatever the source, the answer is
never trusted: a server may ignore a search parameter and list every team of the
hospital, so each resource is checked client-side to really name this user before one
of its patients counts. Log lines say how many resources were set aside, never whose.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from app.clock import local_day
from sync.client import FhirClient

log = logging.getLogger(__name__)

PAGE = "1000"
"""``_count`` of every assignment search: one page for nearly every user (paging is followed)."""
LOCATIONS_PER_SEARCH = 50
"""Locations OR-ed in one Encounter search, so the URL stays short for a user of many wards."""


class AssignmentSource(StrEnum):
    """Where the assignment comes from.

    The policy declares the same names as ``app.settings.AssignmentSourceName`` (app/ may
    not import sync/); tests/unit/sync/test_assignment.py keeps the two the same.
    """

    CARE_TEAM = "care-team"
    GROUP = "group"
    LIST = "list"
    WARD = "ward"


def find_assigned(
    client: FhirClient, source: AssignmentSource, practitioner: str, *, now: datetime
) -> set[str]:
    """The ids of the patients assigned to ``practitioner`` ("Practitioner/<id>") at ``now``."""
    finders: dict[AssignmentSource, Callable[[FhirClient, str, datetime], set[str]]] = {
        AssignmentSource.CARE_TEAM: _from_care_teams,
        AssignmentSource.GROUP: _from_groups,
        AssignmentSource.LIST: _from_lists,
        AssignmentSource.WARD: _from_ward,
    }
    return finders[source](client, practitioner, now)


# --- the sources -----------------------------------------------------------------------


def _from_care_teams(client: FhirClient, practitioner: str, _now: datetime) -> set[str]:
    ids: set[str] = set()
    ignored = 0
    for team in client.search(
        "CareTeam", {"participant": practitioner, "status": "active", "_count": PAGE}
    ):
        members = {_reference(p.get("member")) for p in team.get("participant") or []}
        pid = _patient_id(_reference(team.get("subject")))
        if team.get("status") != "active" or practitioner not in members or pid is None:
            ignored += 1  # not this user's team, whatever the server thought
            continue
        ids.add(pid)
    if ignored:
        log.warning("assignment: %d care team(s) the server listed do not name this user", ignored)
    return ids


def _from_groups(client: FhirClient, practitioner: str, now: datetime) -> set[str]:
    """Members of the actual Groups the user manages: not inactive, their period now."""
    ids: set[str] = set()
    ignored = unreadable = 0
    for group in client.search(
        "Group", {"managing-entity": practitioner, "actual": "true", "_count": PAGE}
    ):
        if group.get("actual") is not True or _reference(group.get("managingEntity")) != (
            practitioner
        ):
            ignored += 1
            continue
        for member in group.get("member") or []:
            pid = _patient_id(_reference(member.get("entity")))
            if pid is None or member.get("inactive") is True:
                continue
            within = _period_includes(member.get("period"), now)
            if within is None:
                unreadable += 1
            elif within:
                ids.add(pid)
    if ignored:
        log.warning(
            "assignment: %d group(s) the server listed are not managed by this user", ignored
        )
    if unreadable:
        log.warning("assignment: %d group member(s) left out: unreadable period", unreadable)
    return ids


def _from_lists(client: FhirClient, practitioner: str, _now: datetime) -> set[str]:
    """Patients on the current Lists whose source is the user, except deleted entries."""
    ids: set[str] = set()
    ignored = 0
    for patient_list in client.search(
        "List", {"source": practitioner, "status": "current", "_count": PAGE}
    ):
        if patient_list.get("status") != "current" or _reference(patient_list.get("source")) != (
            practitioner
        ):
            ignored += 1
            continue
        for entry in patient_list.get("entry") or []:
            pid = _patient_id(_reference(entry.get("item")))
            if pid is not None and entry.get("deleted") is not True:
                ids.add(pid)
    if ignored:
        log.warning(
            "assignment: %d list(s) the server listed do not have this user as source", ignored
        )
    return ids


def _from_ward(client: FhirClient, practitioner: str, now: datetime) -> set[str]:
    """Patients whose in-progress Encounter is now at one of the user's Locations.

    The Locations are those of the user's active PractitionerRoles. An Encounter counts
    when it names one of them itself (a ward Location next to the room and bed, as
    encounters usually list them) in an entry that is current: not ``planned`` or
    ``completed`` and its period, if any, including now — so a patient moved on from the
    user's ward is not theirs any more, though the old stay is still on the Encounter.
    """
    locations = _user_locations(client, practitioner, now)
    if not locations:
        log.warning(
            "assignment: the user has no active PractitionerRole with a location: "
            "the ward finds no patients"
        )
        return set()
    ids: set[str] = set()
    ignored = 0
    for chunk in _chunked(locations, LOCATIONS_PER_SEARCH):
        for encounter in client.search(
            "Encounter", {"location": ",".join(chunk), "status": "in-progress", "_count": PAGE}
        ):
            pid = _patient_id(_reference(encounter.get("subject")))
            here = any(
                _local_reference(_reference(stay.get("location")), "Location") in locations
                and _stay_is_current(stay, now)
                for stay in encounter.get("location") or []
            )
            if encounter.get("status") != "in-progress" or not here or pid is None:
                ignored += 1
                continue
            ids.add(pid)
    if ignored:
        log.info("assignment: %d encounter(s) the server listed are not now on the ward", ignored)
    return ids


def _user_locations(client: FhirClient, practitioner: str, now: datetime) -> set[str]:
    locations: set[str] = set()
    ignored = 0
    for role in client.search(
        "PractitionerRole", {"practitioner": practitioner, "active": "true", "_count": PAGE}
    ):
        if (
            role.get("active") is not True
            or _reference(role.get("practitioner")) != practitioner
            or _period_includes(role.get("period"), now) is not True
        ):
            ignored += 1
            continue
        for location in role.get("location") or []:
            reference = _local_reference(_reference(location), "Location")
            if reference is not None:
                locations.add(reference)
    if ignored:
        log.warning("assignment: %d practitioner role(s) the server listed do not count", ignored)
    return locations


def _stay_is_current(stay: Mapping[str, Any], now: datetime) -> bool:
    return stay.get("status") not in ("planned", "completed") and bool(
        _period_includes(stay.get("period"), now)
    )


# --- references and periods ------------------------------------------------------------


def _reference(element: object) -> str:
    return str(element.get("reference") or "") if isinstance(element, Mapping) else ""


def _local_reference(reference: str, resource_type: str) -> str | None:
    """``Type/id`` for a reference to a ``resource_type`` on this server (any version)."""
    parts = reference.split("/")
    versioned = len(parts) == 4 and parts[2] == "_history"
    if (len(parts) == 2 or versioned) and parts[0] == resource_type and parts[1]:
        return f"{resource_type}/{parts[1]}"
    return None


def _patient_id(reference: str) -> str | None:
    local = _local_reference(reference, "Patient")
    return local.split("/", 1)[1] if local else None


_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _period_includes(period: object, now: datetime) -> bool | None:
    """Whether a FHIR Period includes ``now`` (no period: always); ``None``: unreadable.

    Both ends are inclusive at their precision: an end of "2026-11-20" lasts through that
    day of the workstation's calendar, as a person reading it would take it.
    """
    if period is None:
        return True
    if not isinstance(period, Mapping):
        return None
    start, end = period.get("start"), period.get("end")
    try:
        after_start = start is None or _compare(str(start), now) <= 0
        before_end = end is None or _compare(str(end), now) >= 0
    except ValueError:
        return None
    return after_start and before_end


def _compare(value: str, now: datetime) -> int:
    """-1, 0 or 1 as the FHIR dateTime ``value`` is before, at or after ``now``."""
    if _PARTIAL_DATE.fullmatch(value):
        day = local_day(now).isoformat()[: len(value)]
        return (value > day) - (value < day)
    instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if instant.tzinfo is None:
        raise ValueError("a FHIR dateTime with a time has a time zone")
    return (instant > now) - (instant < now)


def _chunked(items: Iterable[str], size: int) -> list[list[str]]:
    ordered = sorted(items)
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]
