"""Discharge checklist catalog and readiness: the data a hospital edits, the number a ward trusts.

Readiness is derived, never typed: the properties below hold for any set of tasks.
A broken checklist file must raise ``ChecklistError`` naming the item (its code, or
its position when it has none), so IT can fix the file without reading code.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.discharge import (
    CHECKLIST_SYSTEM,
    CHECKLIST_URL,
    OWNER_ROLE_SYSTEM,
    Checklist,
    DischargeTask,
    OwnerRole,
    TaskStatus,
    default_checklist_path,
    due_date,
    load_checklist,
    readiness,
)
from app.domain import Provenance, Source
from app.errors import CatalogError, ChecklistError
from tests.conftest import FIXED_NOW, NURSE

TODAY = FIXED_NOW.date()
PROV = Provenance(recorded_by=NURSE, recorded_at=FIXED_NOW, source=Source.CHART)
Json = dict[str, Any]


def task(n: int, status: TaskStatus, due: date | None) -> DischargeTask:
    return DischargeTask(
        id=f"t-{n}",
        plan_id="plan",
        patient_id="p",
        code=f"item-{n}",
        title=f"Item {n}",
        owner_role=OwnerRole.NURSE,
        due=due,
        status=status,
        provenance=PROV,
    )


# --- readiness -------------------------------------------------------------------------------


def test_an_empty_plan_is_not_ready() -> None:
    r = readiness([], TODAY)
    assert (r.done, r.total, r.overdue, r.open, r.ready) == (0, 0, (), (), False)


def test_not_needed_items_do_not_count_and_done_ones_are_not_open() -> None:
    tasks = [
        task(1, TaskStatus.DONE, TODAY - timedelta(days=3)),
        task(2, TaskStatus.NOT_NEEDED, TODAY - timedelta(days=3)),
        task(3, TaskStatus.IN_PROGRESS, TODAY - timedelta(days=1)),
        task(4, TaskStatus.TODO, TODAY),
        task(5, TaskStatus.TODO, None),
    ]
    r = readiness(tasks, TODAY)
    assert (r.done, r.total) == (1, 4)
    assert r.open == ("Item 3", "Item 4", "Item 5")
    assert r.overdue == ("Item 3",)  # due today is not overdue yet; no date never is
    assert not r.ready


def test_all_done_or_not_needed_is_ready_even_when_dates_passed() -> None:
    tasks = [
        task(1, TaskStatus.DONE, TODAY - timedelta(days=9)),
        task(2, TaskStatus.NOT_NEEDED, TODAY - timedelta(days=9)),
    ]
    r = readiness(tasks, TODAY)
    assert r.ready
    assert (r.done, r.total, r.overdue, r.open) == (1, 1, (), ())


def test_only_not_needed_items_is_not_ready() -> None:
    assert not readiness([task(1, TaskStatus.NOT_NEEDED, None)], TODAY).ready


def test_titles_can_be_translated_by_the_caller() -> None:
    r = readiness(
        [task(1, TaskStatus.TODO, TODAY - timedelta(days=1))],
        TODAY,
        title_of=lambda t: t.title.upper(),
    )
    assert r.open == r.overdue == ("ITEM 1",)


_tasks = st.lists(
    st.tuples(
        st.sampled_from(list(TaskStatus)),
        st.one_of(st.none(), st.integers(min_value=-30, max_value=30)),
    ),
    max_size=20,
).map(
    lambda specs: [
        task(n, status, None if offset is None else TODAY + timedelta(days=offset))
        for n, (status, offset) in enumerate(specs)
    ]
)


@settings(database=None, max_examples=200)
@given(_tasks)
def test_readiness_properties_hold_for_any_tasks(tasks: list[DischargeTask]) -> None:
    r = readiness(tasks, TODAY)
    counted = [t for t in tasks if t.status is not TaskStatus.NOT_NEEDED]
    assert r.total == len(counted)
    assert 0 <= r.done <= r.total
    assert len(r.open) == r.total - r.done
    assert set(r.overdue) <= set(r.open)
    assert r.ready == (r.total > 0 and not r.open)
    # Marking every open item done makes the plan ready; nothing is overdue then.
    finished = [
        t.model_copy(update={"status": TaskStatus.DONE})
        if t.status is not TaskStatus.NOT_NEEDED
        else t
        for t in tasks
    ]
    after = readiness(finished, TODAY)
    assert after.overdue == ()
    assert after.ready == (after.total > 0)


@settings(database=None, max_examples=100)
@given(_tasks, st.integers(min_value=0, max_value=10))
def test_overdue_only_grows_as_days_pass(tasks: list[DischargeTask], days: int) -> None:
    earlier = readiness(tasks, TODAY)
    later = readiness(tasks, TODAY + timedelta(days=days))
    assert set(earlier.overdue) <= set(later.overdue)
    assert (earlier.done, earlier.total, earlier.open) == (later.done, later.total, later.open)


# --- the shipped checklist -------------------------------------------------------------------


def test_the_shipped_checklist_has_the_items_of_the_issue() -> None:
    checklist = load_checklist()
    assert checklist.url == CHECKLIST_URL
    assert checklist.version
    assert [i.code for i in checklist.items] == [
        "transport",
        "home-care-referral",
        "equipment",
        "medication-teaching",
        "follow-up-appointment",
        "helper-confirmed",
        "follow-up-channel",
    ]
    for item in checklist.items:
        assert item.translations.get("de"), item.code
        assert item.title_for("de") != item.title
        assert item.title_for("fr") == item.title
    assert checklist.title_for("transport", "de") == "Transport organisiert"
    assert checklist.title_for("hospital-own-item", "de") == "hospital-own-item"


def test_the_shipped_checklist_is_a_valid_fhir_plan_definition() -> None:
    from sync.mapping import validate

    raw = json.loads(default_checklist_path().read_text(encoding="utf-8"))
    assert validate(raw)["resourceType"] == "PlanDefinition"


def test_due_dates_count_back_from_the_expected_date() -> None:
    item = next(i for i in load_checklist().items if i.due_days_before == 2)
    assert due_date(date(2026, 11, 25), item) == date(2026, 11, 23)
    assert due_date(None, item) is None


# --- a hospital's own checklist ------------------------------------------------------------------


@pytest.fixture
def shipped() -> Json:
    doc: Json = json.loads(default_checklist_path().read_text(encoding="utf-8"))
    return doc


def write(tmp_path: Path, doc: object) -> Path:
    path = tmp_path / "checklist.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_a_hospital_adds_an_item_as_data(tmp_path: Path, shipped: Json) -> None:
    extra = copy.deepcopy(shipped["action"][0])
    extra["title"] = "Pharmacy pack ready"
    extra.pop("_title")
    extra["code"][0]["coding"][0]["code"] = "pharmacy-pack"
    extra["participant"][0]["role"]["coding"][0]["code"] = "pharmacist"
    shipped["action"].append(extra)
    checklist = load_checklist(write(tmp_path, shipped))
    assert isinstance(checklist, Checklist)
    added = checklist.item("pharmacy-pack")
    assert added is not None
    assert added.owner_role is OwnerRole.PHARMACIST
    assert added.title_for("de") == "Pharmacy pack ready"  # untranslated: the title
    assert checklist.position("pharmacy-pack") == len(checklist.items) - 1


def _break(doc: Json, index: int, how: str) -> None:
    action = doc["action"][index]
    if how == "no-code":
        action["code"][0]["coding"][0]["system"] = "http://example.org/other"
    elif how == "no-title":
        action["title"] = "  "
    elif how == "unknown-role":
        action["participant"][0]["role"]["coding"][0]["code"] = "janitor"
    elif how == "role-from-other-system":
        action["participant"][0]["role"]["coding"][0]["system"] = "http://example.org/roles"
    elif how == "negative-days":
        action["extension"][0]["valueInteger"] = -1
    elif how == "days-as-text":
        action["extension"][0] = {"url": action["extension"][0]["url"], "valueString": "2"}
    elif how == "bad-translation":
        action["_title"]["extension"][0]["extension"] = "not a list"


@pytest.mark.parametrize(
    ("how", "named"),
    [
        ("no-code", "item 3"),
        ("no-title", "'equipment'"),
        ("unknown-role", "'equipment'"),
        ("role-from-other-system", "'equipment'"),
        ("negative-days", "'equipment'"),
        ("days-as-text", "'equipment'"),
        ("bad-translation", "'equipment'"),
    ],
)
def test_a_broken_item_is_named_in_the_error(
    tmp_path: Path, shipped: Json, how: str, named: str
) -> None:
    _break(shipped, 2, how)  # the third item, "equipment"
    with pytest.raises(ChecklistError) as caught:
        load_checklist(write(tmp_path, shipped))
    assert named in str(caught.value)
    assert isinstance(caught.value, CatalogError)  # handled like a broken question catalog


def test_a_duplicate_code_is_named(tmp_path: Path, shipped: Json) -> None:
    shipped["action"].append(copy.deepcopy(shipped["action"][0]))
    with pytest.raises(ChecklistError, match="'transport' appears twice"):
        load_checklist(write(tmp_path, shipped))


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"resourceType": "Questionnaire"}, "not a FHIR PlanDefinition"),
        ([], "not a FHIR PlanDefinition"),
        ({"resourceType": "PlanDefinition", "status": "active"}, "no canonical url"),
        ({"resourceType": "PlanDefinition", "url": CHECKLIST_URL, "action": []}, "no items"),
        ({"resourceType": "PlanDefinition", "url": CHECKLIST_URL, "action": "x"}, "list"),
    ],
)
def test_a_file_that_is_no_checklist_is_refused(tmp_path: Path, doc: object, message: str) -> None:
    with pytest.raises(ChecklistError, match=message):
        load_checklist(write(tmp_path, doc))


def test_a_missing_or_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError, match="missing") as caught:
        load_checklist(tmp_path / "nowhere.json")
    assert "nowhere.json" in str(caught.value)
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"bad\.json"):
        load_checklist(bad)


def test_codes_and_roles_come_from_our_code_systems(shipped: Json) -> None:
    for action in shipped["action"]:
        assert action["code"][0]["coding"][0]["system"] == CHECKLIST_SYSTEM
        assert action["participant"][0]["role"]["coding"][0]["system"] == OWNER_ROLE_SYSTEM
