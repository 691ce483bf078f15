"""Who the signed-in user cares for: the assignment, from where the hospital keeps it.

The policy's ``assignment_source`` says where: the user's active CareTeams (the
default), a FHIR ``Group`` or ``List`` the user manages, or the ward (patients whose
in-progress Encounter is at the user's Location). Whatever the source, the answer is
never trusted: a server may ignore a search parameter and list every team of the
hospital, so each resource is checked client-side to really name this user before one
of its patients counts.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from sync.client import FhirClient

log = logging.getLogger(__name__)


class AssignmentSource(StrEnum):
    CARE_TEAM = "care-team"
    GROUP = "group"
    LIST = "list"
    WARD = "ward"


def _patient_id(reference: object) -> str | None:
    text = str(reference or "")
    return text.split("/", 1)[1] if text.startswith("Patient/") and "/" in text else None


def find_assigned(client: FhirClient, source: AssignmentSource, practitioner: str) -> set[str]:
    """The ids of the patients assigned to ``practitioner`` ("Practitioner/<id>")."""
    if source is AssignmentSource.CARE_TEAM:
        return _from_care_teams(client, practitioner)
    raise NotImplementedError(source)


def _from_care_teams(client: FhirClient, practitioner: str) -> set[str]:
    ids: set[str] = set()
    ignored = 0
    for team in client.search(
        "CareTeam", {"participant": practitioner, "status": "active", "_count": "1000"}
    ):
        members = {
            str((p.get("member") or {}).get("reference", "")) for p in team.get("participant") or []
        }
        pid = _patient_id((team.get("subject") or {}).get("reference"))
        if team.get("status") != "active" or practitioner not in members or pid is None:
            ignored += 1  # not this user's team, whatever the server thought
            continue
        ids.add(pid)
    if ignored:
        log.warning("assignment: %d care team(s) the server listed do not name this user", ignored)
    return ids
