"""Fixtures shared by every test layer.

Every test gets its own home, data, config and log folders: no test touches the
real home directory or the real keystore.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine

from app.catalog import load_catalog
from app.clock import system_clock
from app.domain import Actor, Catalog
from app.keys import DatabaseKey
from app.paths import TEST_POLICY_ENV
from app.services import CareService
from app.store.database import Database
from tests.fhir_server import (  # noqa: F401 -- the session's FHIR server fixtures
    hapi,
    hapi_push,
    hapi_smart,
)
from tests.identity_server import keycloak  # noqa: F401 -- the session's identity provider fixture
from tests.keystore_service import (  # noqa: F401 -- the session's Secret Service fixtures
    _keystore_marker_required,
    keystore_clean,
    secret_service,
)

# A fixed "now" for tests that do not care about the wall clock.
FIXED_NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)

WALL_CLOCK_ENV = "ASKONCE_TEST_WALL_CLOCK"
"""An ISO instant: the test process's wall clock starts there and runs on (.ci/test runs the
date-sensitive tests so, months ahead and across a new year, to prove no test and no part
of the app depends on the day the tests were written). The monotonic clock is untouched."""
_TRAVEL = pytest.StashKey[time_machine.travel]()


def pytest_configure(config: pytest.Config) -> None:
    shifted = os.environ.get(WALL_CLOCK_ENV)
    if not shifted:
        return
    target = datetime.fromisoformat(shifted)
    if target.tzinfo is None:
        raise pytest.UsageError(f"{WALL_CLOCK_ENV} needs a time zone offset: {shifted}")
    traveller = time_machine.travel(target, tick=True)
    traveller.start()
    config.stash[_TRAVEL] = traveller
    if abs((system_clock() - target).total_seconds()) > 60:  # the shift must really hold
        raise pytest.UsageError(f"{WALL_CLOCK_ENV}: the wall clock did not move")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that sign in against the real Keycloak are marked ``keycloak``: it keeps the real
    clock, so the runs that move this process's wall clock leave them out."""
    for item in items:
        if "keycloak" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.keycloak)


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVEL, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str:
    zone = datetime.now().astimezone().strftime("%Z (UTC%z)")
    shifted = " (shifted)" if os.environ.get(WALL_CLOCK_ENV) else ""
    return f"wall clock: {system_clock():%Y-%m-%d %H:%M} UTC{shifted}, local zone {zone}"


NURSE = Actor(user_id="Practitioner/test-nurse", display_name="Test Nurse")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ASKONCE_HOME", str(home / "askonce"))
    # The test-only machine policy (app/paths.py): policy.json and policy.d/ in the same
    # folder. Honoured only in a source checkout, never by an installed build.
    monkeypatch.setenv(TEST_POLICY_ENV, str(home / "askonce"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


class Clock:
    """A clock tests can move forward."""

    def __init__(self, now: datetime = FIXED_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def db_key() -> DatabaseKey:
    return DatabaseKey.generate()


@pytest.fixture
def db(tmp_path: Path, db_key: DatabaseKey) -> Iterator[Database]:
    database = Database.open(tmp_path / "cache.db", db_key, create=True)
    yield database
    database.close()


@pytest.fixture
def make_service(db: Database, catalog: Catalog, clock: Clock) -> Callable[..., CareService]:
    def make(actor: Actor = NURSE) -> CareService:
        return CareService(db, catalog, actor, workstation="test-ws", clock=clock)

    return make


@pytest.fixture
def demo_service(db: Database, catalog: Catalog, clock: Clock) -> CareService:
    """A service over a small deterministic demo ward (12 patients, nothing in the outbox)."""
    from app import demo

    demo.load_into(db, catalog, demo.generate_ward(catalog, clock(), patients=12))
    return CareService(db, catalog, NURSE, workstation="test-ws", clock=clock)


@pytest.fixture
def restore_root_logger() -> Iterator[None]:
    """For tests that configure logging: the root logger's handlers and level come back,
    and the files a test opened are closed."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
