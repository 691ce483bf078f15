"""Name alerts: which patients in the cache could be taken for one another.

Hospitals flag patients whose names are the same or alike ("name alert" stickers on
the bed and the chart), because a wrong-patient error starts with a name that looked
right. Two levels here:

- **alert** — the same full name (Müller/Mueller, Jürgen/Juergen count as the same),
  the same family name with a similar given name (one typo apart: Klaus/Claus; the same
  sound by Kölner Phonetik and the same first letter: Petra/Peter; or the same first of
  several given names: Anna/Anna Maria), or the same given name with a similar family
  name (Hoffmann/Hofmann, Meyer/Maier). Across the whole cache: the same name on two
  wards is still a risk when a result, a call or a transfer names the patient.
- **notice** — the same family name on one ward with a given name not alike (Hoffmann,
  Dieter and Hoffmann, Ingrid in 4B): the lower level hospitals use for "same surname
  on the ward". Only within a ward: across wards a shared family name is too common
  (every Müller in the hospital) to mean anything but alert fatigue.

Words are read with ``app.search.text`` (folding, ü/ue spellings, typo keys, Kölner
Phonetik), as search reads them. One difference: a sound-alike must also share its
first letter (the code drops vowels, which alone makes Olena and Halyna alike). Names
shorter than ``SIMILAR_MIN_LETTERS`` match only as spelled (Ute/Udo are not flagged).

The work is grouping, not comparing every pair: each patient gets keys (a family-name
spelling with a given-name key, a given-name spelling with a family-name key, a ward
with a family-name spelling), patients sharing a key are candidates, and only they are
compared. The cost follows the number of patients and of real matches, not its square.
"""

from __future__ import annotations

import enum
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain import Patient
from app.search.text import SIMILAR_MIN_LETTERS, sound_code, spellings, typo_keys


class Likeness(enum.StrEnum):
    """How two patients' names are alike, strongest first."""

    SAME_NAME = "same-name"
    SIMILAR_GIVEN_NAME = "similar-given-name"
    """The same family name, a given name one typo apart or sounding the same."""
    SIMILAR_FAMILY_NAME = "similar-family-name"
    """The same given name, a family name one typo apart or sounding the same."""
    SAME_FAMILY_NAME = "same-family-name"
    """Only the family name, on the same ward: the lower level (a notice, not an alert)."""

    @property
    def is_alert(self) -> bool:
        return self is not Likeness.SAME_FAMILY_NAME


_ORDER = list(Likeness)
_NAME_PARTS = re.compile(r"[\W_]+")
"""What separates given names: "Anna Maria", "Hans-Peter"."""
_SEP = "\x1f"


@dataclass(frozen=True)
class NameMatch:
    """Another patient this one could be taken for, and why."""

    other: Patient
    likeness: Likeness
    same_birth_date: bool
    """Born on the same day too: then only the MRN tells them apart."""

    @property
    def is_alert(self) -> bool:
        return self.likeness.is_alert


@dataclass(frozen=True)
class _NameForms:
    """One patient's name as the comparison sees it."""

    family: frozenset[str]
    """The family name's spellings, written as one word ("mueller", "muller", "oneill")."""
    family_alike: frozenset[str]
    """``family`` plus its typo keys and sound code."""
    given: frozenset[str]
    given_alike: frozenset[str]
    """``given``, the first given name's spellings, and the typo keys and sound codes."""
    keys: frozenset[str]
    """Group keys two names share exactly when they are alike (see ``_likeness``)."""


def _spelled(name: str) -> set[str]:
    """A name's spellings as one word: "Müller-Lüdenscheidt" → mullerludenscheidt, …"""
    compact = "".join(ch for ch in name if ch.isalnum())
    return set(spellings(compact)) if compact else set()


def _alike(forms: Iterable[str]) -> set[str]:
    """The spellings plus, for names long enough, their typo keys and sound keys.

    A sound key is the Kölner Phonetik code with the first letter: the code drops vowels,
    so alone it makes Olena and Halyna alike; with the initial Meyer/Maier and
    Petra/Peter stay alike (and Claus/Klaus are one typo apart anyway).
    """
    found = set(forms)
    for form in list(found):
        if len(form) < SIMILAR_MIN_LETTERS or not form.isalpha():
            continue
        found.update(typo_keys(form))
        code = sound_code(form)
        if len(code) >= 2:
            found.add(f"{form[0]}:{code}")
    return found


@functools.lru_cache(maxsize=1 << 14)
def _forms(family_name: str, given_name: str) -> _NameForms:
    """Cached: the ward list, every chart and every search read the same names again."""
    family = _spelled(family_name)
    given = _spelled(given_name)
    given_parts = [part for part in _NAME_PARTS.split(given_name) if part]
    first_given = _spelled(given_parts[0]) if len(given_parts) > 1 else set()
    family_alike = _alike(family)
    given_alike = _alike(given | first_given)
    # The same family name and a given name alike; the same given name and a family name alike.
    keys = {f"f{_SEP}{f}{_SEP}{g}" for f in family for g in given_alike}
    keys |= {f"g{_SEP}{g}{_SEP}{f}" for g in given for f in family_alike}
    return _NameForms(
        family=frozenset(family),
        family_alike=frozenset(family_alike),
        given=frozenset(given),
        given_alike=frozenset(given_alike),
        keys=frozenset(keys),
    )


def _keys(patient: Patient, forms: _NameForms) -> Iterable[str]:
    """The name's keys, and the same family name on the same ward (the notice)."""
    yield from forms.keys
    if patient.ward:
        for family in forms.family:
            yield f"w{_SEP}{patient.ward}{_SEP}{family}"


def _likeness(a: Patient, fa: _NameForms, b: Patient, fb: _NameForms) -> Likeness | None:
    same_family = bool(fa.family & fb.family)
    same_given = bool(fa.given & fb.given)
    if same_family and same_given:
        return Likeness.SAME_NAME
    if same_family and fa.given_alike & fb.given_alike:
        return Likeness.SIMILAR_GIVEN_NAME
    if same_given and fa.family_alike & fb.family_alike:
        return Likeness.SIMILAR_FAMILY_NAME
    if same_family and a.ward and a.ward == b.ward:
        return Likeness.SAME_FAMILY_NAME
    return None


def name_matches(patients: Iterable[Patient]) -> dict[str, tuple[NameMatch, ...]]:
    """For each patient id with a name match, the others it could be taken for.

    Patients without a match are left out. Each patient's matches come strongest first,
    then by ward and bed, so the first one is what a screen shows when it has room for one.
    """
    listed = {p.id: p for p in patients}
    forms = {pid: _forms(p.family_name, p.given_name) for pid, p in listed.items()}
    groups: dict[str, list[str]] = defaultdict(list)
    for pid, p in listed.items():
        for key in _keys(p, forms[pid]):
            groups[key].append(pid)
    pairs: set[tuple[str, str]] = set()
    for members in groups.values():
        if len(members) > 1:
            ordered = sorted(members)
            pairs.update(
                (ordered[i], other) for i in range(len(ordered)) for other in ordered[i + 1 :]
            )
    found: dict[str, list[NameMatch]] = defaultdict(list)
    for a_id, b_id in pairs:
        a, b = listed[a_id], listed[b_id]
        likeness = _likeness(a, forms[a_id], b, forms[b_id])
        if likeness is None:  # pragma: no cover - shared keys always mean a likeness
            continue
        same_day = a.birth_date == b.birth_date
        found[a_id].append(NameMatch(b, likeness, same_day))
        found[b_id].append(NameMatch(a, likeness, same_day))
    return {pid: _ordered(matches) for pid, matches in found.items()}


def _ordered(matches: list[NameMatch]) -> tuple[NameMatch, ...]:
    return tuple(
        sorted(
            matches,
            key=lambda m: (_ORDER.index(m.likeness), m.other.ward, m.other.bed, m.other.id),
        )
    )
