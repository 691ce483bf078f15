"""Remembering validated nested elements changes no verdict: what is invalid stays invalid,
however often its valid neighbours were seen (``sync.fhir_validation``)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from sync import fhir_validation, mapping

Resource = dict[str, Any]

CODING = {"system": "http://loinc.org", "code": "54899-0", "display": "Preferred language"}


def observation(n: int, coding: Resource | None = None) -> Resource:
    return {
        "resourceType": "Observation",
        "id": f"obs-{n}",
        "status": "final",
        "category": [
            {"coding": [{"system": "http://hl7.org/fhir/observation-category", "code": "survey"}]}
        ],
        "code": {"coding": [copy.deepcopy(coding or CODING)]},
        "subject": {"reference": f"Patient/p-{n}"},
        "performer": [{"reference": "Practitioner/nurse-1", "display": "Anna Keller"}],
        "effectiveDateTime": "2026-12-07T10:00:00Z",
        "valueString": f"answer {n}",
    }


@pytest.fixture(autouse=True)
def fresh_memory() -> Iterator[None]:
    assert fhir_validation.install()
    fhir_validation.forget()
    yield
    fhir_validation.forget()


def verdict(res: Resource) -> str:
    try:
        mapping.validate(res)
    except mapping.MappingError as exc:
        return f"invalid: {exc}"
    return "valid"


def test_the_same_nested_elements_are_validated_once_and_then_remembered() -> None:
    assert verdict(observation(1)) == "valid"
    after_one = fhir_validation.remembered()
    assert after_one > 0

    for n in range(2, 50):
        assert verdict(observation(n)) == "valid"

    # 49 resources share their category, code and performer: only each subject is new.
    assert fhir_validation.remembered() <= after_one + 2 * 48


@pytest.mark.parametrize(
    "break_it",
    [
        lambda c: c.update(code=" 54899-0"),  # a code with leading white space
        lambda c: c.update(unknown="element"),  # no such element in a Coding
        lambda c: c.update(system=12),  # a number where a uri belongs
        lambda c: c.update(userSelected=[True]),  # a list where a boolean belongs
    ],
)
def test_an_invalid_nested_element_is_invalid_after_its_valid_twin_was_remembered(
    break_it: Any,
) -> None:
    assert verdict(observation(1)) == "valid"
    broken = dict(CODING)
    break_it(broken)

    first = verdict(observation(2, broken))
    second = verdict(observation(3, broken))

    assert first.startswith("invalid")
    assert second.startswith("invalid")  # failures are never remembered
    assert verdict(observation(4)) == "valid"


def test_verdicts_are_the_same_with_and_without_the_memory() -> None:
    """Every variation of a few resources, validated first without the memory (a fresh
    interpreter's verdict is what fhir.resources alone says), then with it, twice."""
    variations: list[Resource] = []
    for n, broken in enumerate(
        [None, {"code": "x "}, {"system": "not a uri with spaces"}, {"version": 3}, {"foo": 1}]
    ):
        coding = {**CODING, **(broken or {})}
        res = observation(n, coding)
        variations.append(res)
        variations.append({**res, "status": "not-a-status"})
        variations.append({k: v for k, v in res.items() if k != "status"})  # status required
    # Without the memory: validate each with an empty memory, forgetting after each.
    alone = []
    for res in variations:
        fhir_validation.forget()
        alone.append(verdict(copy.deepcopy(res)).startswith("valid"))
    fhir_validation.forget()
    remembered = [verdict(copy.deepcopy(res)).startswith("valid") for res in variations * 2]

    assert remembered == alone * 2
    assert True in alone
    assert False in alone
