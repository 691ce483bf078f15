"""Three-way merge of FHIR resources, field by field (DESIGN.md §5).

``base`` is the server version our local edit started from, ``mine`` the local
edit, ``theirs`` what the server holds now. A field changed on one side only is
taken from that side; a field changed on both sides to different values is a
conflict for a person to resolve. Extensions are compared per URL, so a change
of the preferred channel and a change of the consent flag merge cleanly.

Bookkeeping elements (who recorded it, when, from what source) are not content:
they follow the side whose content is kept, or the newer edit when both sides
changed content that merged.
"""

from __future__ import annotations

import copy
import json
from typing import Any

Resource = dict[str, Any]

# Never compared: the server owns these.
_SERVER_OWNED = {"resourceType", "id", "meta", "text"}
# Grouped: value[x] choices of one element are one field.
_CHOICE_PREFIXES = ("value", "effective", "medication")
# Part of an Observation's answer: its components, or why there is no value ("declined"
# on one side and a value on the other is one conflict of the answer, never both kept).
_VALUE_PARTS = ("component", "dataAbsentReason")
# Bookkeeping: follows the newer edit instead of conflicting.
_BOOKKEEPING = {
    "effective",
    "issued",
    "performer",
    "dateAsserted",
    "informationSource",
    "ext:https://fhir.askonce.app/StructureDefinition/information-source",
    "ext:https://fhir.askonce.app/StructureDefinition/answer-action",
    "ext:https://fhir.askonce.app/StructureDefinition/answer-note",
    # CarePlan and Task: who made this version, and when
    "lastModified",
    "ext:https://fhir.askonce.app/StructureDefinition/recorded",
}


# Lists whose order FHIR gives no meaning: compared (and merged) as sets.
_UNORDERED = {"extension", "modifierExtension", "coding"}


def _canonical(value: Any, key: str | None = None) -> Any:
    """``value`` with every unordered list, at any depth, in one order (a server may send
    extensions and codings back in another order than it got them: that is no change)."""
    if isinstance(value, dict):
        return {k: _canonical(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        if key in _UNORDERED:
            items.sort(key=lambda v: json.dumps(v, sort_keys=True))
        return items
    return value


def _fields(resource: Resource) -> dict[str, Any]:
    """A resource as comparable fields: choice types grouped, extensions per URL, lists
    without meaningful order in a canonical one."""
    fields: dict[str, Any] = {}
    for key, raw in resource.items():
        if key in _SERVER_OWNED:
            continue
        value = _canonical(raw, key)
        if key == "extension":
            for ext in value:
                fields.setdefault(f"ext:{ext.get('url')}", []).append(ext)
            continue
        group = next(
            (
                p
                for p in _CHOICE_PREFIXES
                if key.startswith(p) and key[len(p) : len(p) + 1].isupper()
            ),
            None,
        )
        if group is not None or key in _VALUE_PARTS:
            group = group or "value"
            fields.setdefault(group, {})[key] = value
        else:
            fields[key] = value
    return fields


def _unfields(fields: dict[str, Any], template: Resource) -> Resource:
    resource: Resource = {k: copy.deepcopy(v) for k, v in template.items() if k in _SERVER_OWNED}
    extensions: list[Any] = []
    for key, value in fields.items():
        if key.startswith("ext:"):
            extensions.extend(copy.deepcopy(value))
        elif isinstance(value, dict) and (key in _CHOICE_PREFIXES or key == "value"):
            resource.update(copy.deepcopy(value))
        else:
            resource[key] = copy.deepcopy(value)
    if extensions:
        resource["extension"] = extensions
    return resource


def three_way_merge(
    base: Resource | None, mine: Resource, theirs: Resource
) -> tuple[Resource, list[str]]:
    """Return the merged resource and the fields that conflict (empty: merged cleanly)."""
    b = _fields(base or {})
    m = _fields(mine)
    t = _fields(theirs)
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    content_from_mine = False
    for key in sorted(set(b) | set(m) | set(t)):
        if key in _BOOKKEEPING:
            continue
        bv, mv, tv = b.get(key), m.get(key), t.get(key)
        if mv in (tv, bv):
            value = tv
        elif tv == bv:
            value = mv
            content_from_mine = True
        else:
            conflicts.append(key)
            value = tv
        if value is not None:
            merged[key] = value
    # Bookkeeping follows the side whose content changed last: ours if we changed any
    # content that was kept, else theirs.
    source = m if content_from_mine or not _content_changed(b, t) else t
    for key in sorted(_BOOKKEEPING):
        if key in source:
            merged[key] = source[key]
    return _unfields(merged, theirs), conflicts


def same_content(a: Resource, b: Resource) -> bool:
    """Equal apart from what the server owns and the order of unordered lists."""
    return _fields(a) == _fields(b)


def _content_changed(base: dict[str, Any], other: dict[str, Any]) -> bool:
    keys = (set(base) | set(other)) - _BOOKKEEPING
    return any(base.get(k) != other.get(k) for k in keys)


def describe_field(field: str) -> str:
    """A field name a nurse can read in the conflict dialog."""
    if field.startswith("ext:"):
        return field.rsplit("/", 1)[-1].replace("-", " ")
    return {"value": "answer", "status": "status", "telecom": "phone numbers"}.get(field, field)
