"""SMART on FHIR scopes (v2): what AskOnce asks for, and what a refusal means in words.

AskOnce asks at sign-in for exactly the permissions the sync uses (``DEFAULT_SCOPES``):
it reads and searches the patient's context and writes its own records (every write is a
PUT with an id the app chose, which a server may count as create or as update, so both).
A server may publish what it supports at ``<fhir base>/.well-known/smart-configuration``;
it is optional, and only used to warn IT in the log about scopes the server does not know.

When the server refuses a request with 403, ``missing_permission`` names what is missing:
in words a nurse can pass on ("change answers (Observation)") and the scope for IT
("user/Observation.u"), from the server's OperationOutcome when it names the scope, else
from the request and the scopes the token was granted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

READ_SEARCH = "rs"
WRITE = "crus"  # PUT with client-chosen ids: create (new) or update (known), and read/search back

PERMISSIONS: dict[str, str] = {
    # read and search: the patient's context and the assignment sources
    "Patient": READ_SEARCH,
    "Encounter": READ_SEARCH,
    "AllergyIntolerance": READ_SEARCH,
    "MedicationRequest": READ_SEARCH,
    # the patient's answers from a portal (read); AskOnce's exports of the answers (PUT)
    "QuestionnaireResponse": WRITE,
    "Group": READ_SEARCH,
    "List": READ_SEARCH,
    "PractitionerRole": READ_SEARCH,
    # AskOnce's own records (the record kinds of sync/registry.py)
    "Observation": WRITE,
    "MedicationStatement": WRITE,
    "RelatedPerson": WRITE,
    "Organization": WRITE,  # home-care agencies
    "CareTeam": WRITE,  # the assignment, and an agency's link to the patient (companion PUT)
    "CarePlan": WRITE,
    "Task": WRITE,
    "CommunicationRequest": WRITE,  # the follow-up handed to the hospital's messaging system
    # the audit trail: written (PUT with its own id), never read back
    "AuditEvent": "cu",
    # the push channel (sync/push.py): created for the user's patients, deleted on sign-out
    "Subscription": "crd",
}
"""What AskOnce does with each resource type, as SMART v2 permission letters."""

DEFAULT_SCOPES: tuple[str, ...] = tuple(f"user/{t}.{p}" for t, p in PERMISSIONS.items())
"""The SMART v2 scopes asked for at sign-in unless the policy's ``oidc_scopes`` says others."""

DEFAULT_SCOPE_TEXT = " ".join(DEFAULT_SCOPES)

_V1 = {"read": "rs", "write": "cud", "*": "cruds"}
_SCOPE = re.compile(r"(?P<context>user|patient|system)/(?P<type>[A-Za-z]+|\*)\.(?P<perms>\S+)")
_MISSING = re.compile(r"missing scope\s+(?P<scope>(?:user|patient|system)/\S+\.[cruds])")

# What each resource type is, for the person at the ward PC (the message goes to IT too).
THINGS: dict[str, str] = {
    "Patient": "patients",
    "Encounter": "hospital stays (Encounter)",
    "AllergyIntolerance": "allergies (AllergyIntolerance)",
    "MedicationRequest": "prescriptions (MedicationRequest)",
    "QuestionnaireResponse": "the patient's own answers (QuestionnaireResponse)",
    "Group": "patient groups (Group)",
    "List": "patient lists (List)",
    "PractitionerRole": "staff roles (PractitionerRole)",
    "Observation": "answers (Observation)",
    "MedicationStatement": "home medications (MedicationStatement)",
    "RelatedPerson": "contacts (RelatedPerson)",
    "Organization": "home-care agencies (Organization)",
    "CareTeam": "care teams (CareTeam)",
    "CarePlan": "discharge plans (CarePlan)",
    "Task": "discharge tasks (Task)",
    "CommunicationRequest": "follow-up requests (CommunicationRequest)",
    "AuditEvent": "the audit trail (AuditEvent)",
    "Subscription": "change notifications (Subscription)",
}
VERBS = {"c": "create", "r": "read", "u": "change", "d": "delete", "s": "search"}


def permissions_of(scope: str) -> tuple[str, str, str] | None:
    """``(context, type, letters)`` of a SMART scope (v1 read/write as v2 letters), or None."""
    match = _SCOPE.fullmatch(scope.split("?", 1)[0])
    if match is None:
        return None
    perms = match["perms"]
    letters = _V1.get(perms, perms)
    if not letters or any(c not in "cruds" for c in letters):
        return None
    return match["context"], match["type"], letters


def grants(granted: Iterable[str], resource_type: str, action: str) -> bool:
    """Do the ``granted`` scopes allow ``action`` (one of c r u d s) on ``resource_type``?"""
    for scope in granted:
        parsed = permissions_of(scope)
        if parsed is None:
            continue
        context, kind, letters = parsed
        if context == "user" and kind in ("*", resource_type) and action in letters:
            return True
    return False


def needed_scopes(granted: Iterable[str], scopes: Iterable[str] = DEFAULT_SCOPES) -> list[str]:
    """The single-permission scopes of ``scopes`` that ``granted`` does not cover."""
    have = list(granted)
    missing = []
    for scope in scopes:
        parsed = permissions_of(scope)
        if parsed is None:
            continue
        _context, kind, letters = parsed
        missing += [f"user/{kind}.{a}" for a in letters if not grants(have, kind, a)]
    return missing


def action_of(method: str, has_id: bool) -> str:
    """The SMART permission a REST interaction needs."""
    method = method.upper()
    if method in ("GET", "HEAD"):
        return "r" if has_id else "s"
    if method in ("PUT", "PATCH"):
        return "u"
    if method == "DELETE":
        return "d"
    return "c"


@dataclass(frozen=True)
class MissingPermission:
    """What a refused request lacked: ``words`` for the user, ``scopes`` for IT."""

    scopes: tuple[str, ...]
    words: str

    def message(self) -> str:
        if not self.scopes:
            return f"the server refused: {self.words}; ask IT to check the sign-in's permissions"
        return (
            f"no permission to {self.words} on the server; "
            f"ask IT to grant the sign-in scope {' '.join(self.scopes)}"
        )


def describe(scope: str) -> str:
    """``user/Observation.u`` -> "change answers (Observation)"."""
    parsed = permissions_of(scope)
    if parsed is None:
        return scope
    _context, kind, letters = parsed
    thing = "all records" if kind == "*" else THINGS.get(kind, kind)
    verbs = " and ".join(dict.fromkeys(VERBS[a] for a in letters))
    return f"{verbs} {thing}"


def missing_permission(
    method: str,
    resource_type: str,
    granted: Iterable[str] | None,
    outcome: Mapping[str, Any] | None = None,
    *,
    has_id: bool = False,
) -> MissingPermission:
    """Name what a 403 lacked.

    The server's OperationOutcome wins when it names scopes ("missing scope user/X.u", as
    the SMART interceptor of our test server and many gateways say). Otherwise, for a plain
    request, the permission it needs and the token was not granted; for a transaction
    (``resource_type`` "batch") without a named scope, the writes AskOnce's defaults need
    and the token lacks.
    """
    named = _scopes_in_outcome(outcome)
    if not named:
        have = list(granted or ())
        if resource_type in ("batch", ""):
            writes = [s for s in DEFAULT_SCOPES if not s.endswith(READ_SEARCH)]
            named = needed_scopes(have, writes) if granted is not None else []
        else:
            action = action_of(method, has_id)
            if granted is None or not grants(have, resource_type, action):
                named = [f"user/{resource_type}.{action}"]
    if not named:
        diagnostics = _diagnostics(outcome)
        return MissingPermission((), diagnostics or "permission refused (403)")
    return MissingPermission(tuple(named), "; ".join(describe(s) for s in named))


def _scopes_in_outcome(outcome: Mapping[str, Any] | None) -> list[str]:
    found: list[str] = []
    for issue in (outcome or {}).get("issue", []) or []:
        if not isinstance(issue, Mapping):
            continue
        text = str(issue.get("diagnostics") or "")
        found += [m["scope"] for m in _MISSING.finditer(text) if m["scope"] not in found]
    return found


def _diagnostics(outcome: Mapping[str, Any] | None) -> str:
    for issue in (outcome or {}).get("issue", []) or []:
        if isinstance(issue, Mapping) and issue.get("diagnostics"):
            return str(issue["diagnostics"])[:200]
    return ""


# --- discovery ------------------------------------------------------------------------------


def smart_configuration(http: httpx.Client, fhir_base: str) -> dict[str, Any] | None:
    """``<fhir base>/.well-known/smart-configuration``, or None when the server has none."""
    import httpx

    url = fhir_base.rstrip("/") + "/.well-known/smart-configuration"
    try:
        response = http.get(url, headers={"Accept": "application/json"})
    except httpx.HTTPError as exc:
        log.info("SMART configuration not reached: %s", type(exc).__name__)
        return None
    if response.status_code != 200:
        return None
    try:
        doc = response.json()
    except ValueError:
        log.warning("SMART configuration: the answer is not JSON")
        return None
    return doc if isinstance(doc, dict) else None


def unsupported_scopes(config: Mapping[str, Any], scopes: Iterable[str]) -> list[str]:
    """The SMART scopes we ask for that the server's ``scopes_supported`` does not cover.

    A wildcard the server lists (``user/*.cruds``) covers every type; an absent or empty
    ``scopes_supported`` says nothing (it is optional), so nothing is reported.
    """
    supported = [s for s in config.get("scopes_supported") or [] if isinstance(s, str)]
    if not supported:
        return []
    result = []
    for scope in scopes:
        if permissions_of(scope) is None:
            continue  # openid, profile, ...: not ours to check here
        if scope not in supported and needed_scopes(supported, [scope]):
            result.append(scope)
    return result


def check_server_scopes(http: httpx.Client, fhir_base: str, scopes: Iterable[str]) -> list[str]:
    """Log a warning for IT when the server says it does not support scopes we ask for."""
    config = smart_configuration(http, fhir_base)
    if config is None:
        return []
    unknown = unsupported_scopes(config, scopes)
    if unknown:
        log.warning(
            "the FHIR server's SMART configuration does not list %d scope(s) AskOnce asks for: %s",
            len(unknown),
            " ".join(unknown),
        )
    return unknown
