"""The assignment from each source: only what the client checked names this user counts.

The fake server is lenient on purpose: it ignores every search parameter and answers
with all resources of the type, as a server that does not know a parameter may; so each
test proves the client-side checks, not the server's filter.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, get_args

import httpx
import pytest

from app.domain import Catalog
from app.settings import AssignmentSourceName, Settings
from app.store.database import Database
from sync.assignment import AssignmentSource, _period_includes, find_assigned
from sync.client import FhirClient, RetryPolicy
from sync.factory import make_synchronizer
from tests.conftest import FIXED_NOW, Clock

BASE = "http://fhir.test/fhir"
ME = "Practitioner/me"
OTHER = "Practitioner/other"
Resource = dict[str, Any]


class LenientServer:
    """Answers a search with every resource of the type it holds, whatever was asked."""

    def __init__(self, *resources: Resource, page_size: int = 1000) -> None:
        self.resources = list(resources)
        self.page_size = page_size
        self.searches: list[tuple[str, dict[str, str]]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        resource_type = request.url.path.rsplit("/", 1)[-1]
        params = dict(request.url.params)
        offset = int(params.pop("_offset", "0"))
        if not offset:
            self.searches.append((resource_type, params))
        matching = [r for r in self.resources if r["resourceType"] == resource_type]
        page = matching[offset : offset + self.page_size]
        bundle: Resource = {
            "resourceType": "Bundle",
            "type": "searchset",
            "entry": [{"resource": r, "search": {"mode": "match"}} for r in page],
        }
        if offset + self.page_size < len(matching):
            next_params = {**params, "_offset": str(offset + self.page_size)}
            url = httpx.URL(f"{BASE}/{resource_type}", params=next_params)
            bundle["link"] = [{"relation": "next", "url": str(url)}]
        return httpx.Response(200, content=json.dumps(bundle).encode())


@pytest.fixture
def server() -> LenientServer:
    return LenientServer()


@pytest.fixture
def client(server: LenientServer) -> Iterator[FhirClient]:
    with FhirClient(
        BASE,
        transport=httpx.MockTransport(server),
        retry=RetryPolicy(attempts=1),
        sleep=lambda _s: None,
        clock=lambda: FIXED_NOW,
    ) as fhir:
        yield fhir


def assigned(client: FhirClient, source: AssignmentSource) -> set[str]:
    return find_assigned(client, source, ME, now=FIXED_NOW)


def iso(delta: timedelta) -> str:
    return (FIXED_NOW + delta).isoformat()


DAY = timedelta(days=1)


# --- the policy's names ----------------------------------------------------------------


def test_the_policy_offers_exactly_the_sources_sync_knows() -> None:
    assert set(get_args(AssignmentSourceName)) == {s.value for s in AssignmentSource}
    assert AssignmentSource(Settings().assignment_source) is AssignmentSource.CARE_TEAM


@pytest.mark.parametrize("name", get_args(AssignmentSourceName))
def test_the_synchronizer_asks_the_policys_source(
    name: AssignmentSourceName, db: Database, catalog: Catalog, clock: Clock
) -> None:
    policy = Settings(assignment_source=name)
    engine = make_synchronizer(
        BASE,
        auth=None,
        db=db,
        catalog=catalog,
        practitioner=ME,
        clock=clock,
        assignment_source=policy.assignment_source,
    )
    with engine.client:
        assert engine.assignment_source is AssignmentSource(name)


# --- care teams --------------------------------------------------------------------------


def test_care_teams_count_only_when_active_and_naming_this_user(
    client: FhirClient, server: LenientServer
) -> None:
    def team(tid: str, member: str, patient: str, status: str = "active") -> Resource:
        return {
            "resourceType": "CareTeam",
            "id": tid,
            "status": status,
            "subject": {"reference": f"Patient/{patient}"},
            "participant": [{"member": {"reference": member}}],
        }

    server.resources += [
        team("t1", ME, "mine"),
        team("t2", OTHER, "theirs"),
        team("t3", ME, "ended", status="inactive"),
    ]
    assert assigned(client, AssignmentSource.CARE_TEAM) == {"mine"}


# --- groups ------------------------------------------------------------------------------


def group(gid: str, manager: str | None, *members: Resource, actual: bool = True) -> Resource:
    resource: Resource = {
        "resourceType": "Group",
        "id": gid,
        "type": "person",
        "actual": actual,
        "member": list(members),
    }
    if manager is not None:
        resource["managingEntity"] = {"reference": manager}
    return resource


def member(patient: str, **extra: Any) -> Resource:
    return {"entity": {"reference": f"Patient/{patient}"}, **extra}


def test_group_members_count_when_not_inactive_and_their_period_is_now(
    client: FhirClient, server: LenientServer
) -> None:
    server.resources += [
        group(
            "ward-3a",
            ME,
            member("plain"),
            member("old-version", entity={"reference": "Patient/versioned/_history/3"}),
            member("inactive", inactive=True),
            member("explicitly-active", inactive=False),
            member("current", period={"start": iso(-DAY), "end": iso(DAY)}),
            member("open-ended", period={"start": iso(-DAY)}),
            member("left", period={"start": iso(-2 * DAY), "end": iso(-DAY)}),
            member("not-yet", period={"start": iso(DAY)}),
            member("until-today", period={"end": FIXED_NOW.date().isoformat()}),
            member("until-yesterday", period={"end": (FIXED_NOW - DAY).date().isoformat()}),
            member("this-month", period={"start": FIXED_NOW.strftime("%Y-%m")}),
            {"entity": {"reference": "Practitioner/colleague"}},
        ),
    ]
    assert assigned(client, AssignmentSource.GROUP) == {
        "plain",
        "versioned",
        "explicitly-active",
        "current",
        "open-ended",
        "until-today",
        "this-month",
    }
    assert server.searches == [
        ("Group", {"managing-entity": ME, "actual": "true", "_count": "1000"})
    ]


def test_groups_of_others_descriptive_groups_and_unmanaged_ones_are_ignored_and_counted(
    client: FhirClient, server: LenientServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.resources += [
        group("mine", ME, member("mine")),
        group("theirs", OTHER, member("theirs")),
        group("descriptive", ME, member("descriptive"), actual=False),
        group("nobody", None, member("nobodys")),
    ]
    with caplog.at_level(logging.INFO, logger="sync.assignment"):
        assert assigned(client, AssignmentSource.GROUP) == {"mine"}
    assert "3 group(s)" in caplog.text
    assert "theirs" not in caplog.text  # no patient ids in the log
    assert "nobodys" not in caplog.text


def test_a_member_with_an_unreadable_period_is_left_out_and_counted(
    client: FhirClient, server: LenientServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.resources += [
        group("g", ME, member("readable"), member("garbled", period={"end": "next tuesday"})),
    ]
    with caplog.at_level(logging.INFO, logger="sync.assignment"):
        assert assigned(client, AssignmentSource.GROUP) == {"readable"}
    assert "1 group member(s)" in caplog.text
    assert "garbled" not in caplog.text


# --- lists -------------------------------------------------------------------------------


def patient_list(lid: str, source: str | None, *entries: Resource, status: str = "current"):
    resource: Resource = {
        "resourceType": "List",
        "id": lid,
        "status": status,
        # FHIR allows deleted entries in a list of changes only.
        "mode": "changes" if any(e.get("deleted") for e in entries) else "working",
        "entry": list(entries),
    }
    if source is not None:
        resource["source"] = {"reference": source}
    return resource


def entry(patient: str, **extra: Any) -> Resource:
    return {"item": {"reference": f"Patient/{patient}"}, **extra}


def test_list_entries_count_unless_deleted_on_current_lists_of_this_user(
    client: FhirClient, server: LenientServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.resources += [
        patient_list(
            "mine",
            ME,
            entry("a"),
            entry("b", deleted=False),
            entry("gone", deleted=True),
            {"item": {"reference": "Location/bed-12"}},
        ),
        patient_list("also-mine", ME, entry("c")),
        patient_list("theirs", OTHER, entry("theirs")),
        patient_list("retired", ME, entry("retired"), status="retired"),
        patient_list("sourceless", None, entry("sourceless")),
    ]
    with caplog.at_level(logging.INFO, logger="sync.assignment"):
        assert assigned(client, AssignmentSource.LIST) == {"a", "b", "c"}
    assert server.searches == [("List", {"source": ME, "status": "current", "_count": "1000"})]
    assert "3 list(s)" in caplog.text


def test_every_page_of_the_answer_is_read(client: FhirClient, server: LenientServer) -> None:
    server.page_size = 2
    server.resources += [patient_list(f"l{n}", ME, entry(f"p{n}")) for n in range(5)]
    assert assigned(client, AssignmentSource.LIST) == {f"p{n}" for n in range(5)}


# --- the ward ----------------------------------------------------------------------------


def role(rid: str, practitioner: str, *locations: str, active: bool = True, **extra: Any):
    return {
        "resourceType": "PractitionerRole",
        "id": rid,
        "active": active,
        "practitioner": {"reference": practitioner},
        "location": [{"reference": f"Location/{loc}"} for loc in locations],
        **extra,
    }


def encounter(eid: str, patient: str, *stays: Resource, status: str = "in-progress") -> Resource:
    return {
        "resourceType": "Encounter",
        "id": eid,
        "status": status,
        "class": {"code": "IMP"},
        "subject": {"reference": f"Patient/{patient}"},
        "location": list(stays),
    }


def at(location: str, **extra: Any) -> Resource:
    return {"location": {"reference": f"Location/{location}"}, **extra}


def test_the_ward_is_the_in_progress_encounters_now_at_the_users_locations(
    client: FhirClient, server: LenientServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.resources += [
        role("r1", ME, "ward-3a", "ward-3b"),
        role("r2", ME, "old-ward", active=False),
        role("r3", ME, "past-ward", period={"end": iso(-DAY)}),
        role("r4", OTHER, "their-ward"),
        encounter("e1", "on-3a", at("ward-3a", status="active"), at("bed-12")),
        encounter("e2", "on-3b", {"location": {"reference": "Location/ward-3b/_history/4"}}),
        encounter("e3", "discharged", at("ward-3a"), status="finished"),
        encounter("e4", "on-old-ward", at("old-ward")),
        encounter("e5", "on-past-ward", at("past-ward")),
        encounter("e6", "on-their-ward", at("their-ward")),
        encounter("e7", "moved-away", at("ward-3a", status="completed"), at("their-ward")),
        encounter(
            "e8", "left-3b", at("ward-3b", period={"start": iso(-2 * DAY), "end": iso(-DAY)})
        ),
        encounter("e9", "coming", at("ward-3a", status="planned")),
        encounter("e10", "in-surgery", at("ward-3a", status="reserved"), at("or-2")),
        {**encounter("e11", "group-subject", at("ward-3a")), "subject": {"reference": "Group/g"}},
    ]
    with caplog.at_level(logging.INFO, logger="sync.assignment"):
        assert assigned(client, AssignmentSource.WARD) == {"on-3a", "on-3b", "in-surgery"}
    assert server.searches == [
        ("PractitionerRole", {"practitioner": ME, "active": "true", "_count": "1000"}),
        (
            "Encounter",
            {
                "location": "Location/ward-3a,Location/ward-3b",
                "status": "in-progress",
                "_count": "1000",
            },
        ),
    ]
    assert "3 practitioner role(s)" in caplog.text
    assert "on-their-ward" not in caplog.text
    assert "moved-away" not in caplog.text


def test_a_user_without_a_location_has_no_ward_and_the_log_says_so(
    client: FhirClient, server: LenientServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.resources += [
        role("r1", ME),  # a role, but no location
        role("r2", OTHER, "their-ward"),
        encounter("e1", "theirs", at("their-ward")),
    ]
    with caplog.at_level(logging.INFO, logger="sync.assignment"):
        assert assigned(client, AssignmentSource.WARD) == set()
    assert "no active PractitionerRole with a location" in caplog.text
    assert [resource_type for resource_type, _params in server.searches] == ["PractitionerRole"]


def test_many_locations_are_asked_for_in_several_searches(
    client: FhirClient, server: LenientServer
) -> None:
    wards = [f"w{n:03d}" for n in range(120)]
    server.resources += [role("r1", ME, *wards), encounter("e1", "p", at("w119"))]
    assert assigned(client, AssignmentSource.WARD) == {"p"}
    asked = [params["location"] for kind, params in server.searches if kind == "Encounter"]
    assert [len(locations.split(",")) for locations in asked] == [50, 50, 20]


# --- periods -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "includes"),
    [
        (None, True),
        ({}, True),
        ({"start": "2026-11-23T10:30:00Z"}, True),  # the very instant: inclusive
        ({"end": "2026-11-23T10:30:00+00:00"}, True),
        ({"start": "2026-11-23T11:00:00+01:00"}, True),  # 10:00 UTC
        ({"start": "2026-11-23T10:31:00Z"}, False),
        ({"end": "2026-11-23T10:29:59Z"}, False),
        ({"start": "2026-11-23", "end": "2026-11-23"}, True),  # the whole day
        ({"end": "2026-11"}, True),
        ({"end": "2026-10"}, False),
        ({"start": "2027"}, False),
        ({"end": "2026-11-23T10:00:00"}, None),  # a time without a zone: not FHIR
        ({"start": "soon"}, None),
        ("2026-11-23", None),
    ],
)
def test_a_period_includes_now_at_the_precision_it_is_written_in(
    period: object, includes: bool | None
) -> None:
    now = datetime.fromisoformat("2026-11-23T10:30:00+00:00")
    assert now == FIXED_NOW
    assert _period_includes(period, now) is includes
