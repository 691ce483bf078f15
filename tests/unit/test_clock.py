"""'Today' is the workstation's calendar day on the one injected clock (DESIGN.md §6b).

The zones are chosen where the local day and the UTC day differ: Kiritimati is UTC+14,
Los Angeles UTC-8 (UTC-7 in summer). Each test sets the process time zone and puts it back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from app import demo
from app.clock import local_day, system_clock, today
from app.discharge import Destination, TaskStatus
from app.domain import Actor, Catalog, Patient
from app.services import CareService
from app.store.database import Database
from tests.conftest import Clock

SetZone = Callable[[str], None]
COORDINATOR = Actor(user_id="Practitioner/test-coordinator", display_name="Test Coordinator")


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[SetZone]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("instant", "zone_name", "day"),
    [
        (datetime(2026, 11, 23, 12, 0, tzinfo=UTC), "UTC", date(2026, 11, 23)),
        (datetime(2026, 11, 23, 12, 0, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 11, 24)),
        (datetime(2026, 11, 23, 5, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 11, 22)),
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "Pacific/Kiritimati", date(2027, 1, 1)),
        (datetime(2027, 1, 1, 6, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 12, 31)),
        (datetime(2028, 2, 29, 12, 0, tzinfo=UTC), "Europe/Berlin", date(2028, 2, 29)),
    ],
)
def test_today_is_the_workstations_calendar_day(
    zone: SetZone, instant: datetime, zone_name: str, day: date
) -> None:
    zone(zone_name)
    assert local_day(instant) == day
    assert today(Clock(instant)) == day


def test_an_instant_without_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_day(datetime(2026, 11, 23, 12, 0))


def test_the_system_clock_is_utc_and_aware() -> None:
    now = system_clock()
    assert now.tzinfo is UTC


def _patient(db: Database, catalog: Catalog, born: date, admitted: datetime) -> Patient:
    patient = Patient(
        id="p-zone",
        mrn="MRN-zone",
        family_name="Zone",
        given_name="Ada",
        birth_date=born,
        ward=demo.DEMO_WARD,
        bed="1A",
        admitted_at=admitted,
    )
    demo.load_into(db, catalog, [demo.DemoPatient(patient, (), (), ())])
    return patient


@pytest.mark.parametrize(
    ("zone_name", "age", "overdue"),
    [("Pacific/Kiritimati", 76, True), ("America/Los_Angeles", 75, False)],
)
def test_age_and_overdue_follow_the_workstations_day(
    zone: SetZone,
    db: Database,
    catalog: Catalog,
    zone_name: str,
    age: int,
    overdue: bool,
) -> None:
    """At 12:00 UTC on 23 Nov it is already the 24th in Kiritimati: the 76th birthday has
    come and an item due on the 23rd is overdue; in Los Angeles it is still the 23rd."""
    instant = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    zone(zone_name)
    clock = Clock(instant)
    patient = _patient(db, catalog, date(1950, 11, 24), instant - timedelta(days=2))
    service = CareService(db, catalog, COORDINATOR, workstation="test-ws", clock=clock)
    assert service.charts.ward()[0].age == age

    service.discharge.start_plan(patient.id, date(2026, 11, 28), Destination.HOME)
    task = service.discharge.view(patient.id).tasks[0]
    service.discharge.save_task(
        task.model_copy(update={"due": date(2026, 11, 23), "status": TaskStatus.TODO})
    )
    view = service.discharge.view(patient.id)
    assert view.as_of == instant
    assert bool(view.readiness.overdue) is overdue
