"""Fixtures shared by every test layer.

Every test gets its own home, data, config and log folders: no test touches the
real home directory or the real keystore.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.catalog import load_catalog
from app.domain import Actor, Catalog
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from tests.fhir_server import hapi  # noqa: F401 -- the session's FHIR server fixture
from tests.identity_server import keycloak  # noqa: F401 -- the session's identity provider fixture
from tests.keystore_service import (  # noqa: F401 -- the session's Secret Service fixtures
    _keystore_marker_required,
    keystore_clean,
    secret_service,
)

# A fixed "now" for tests that do not care about the wall clock.
FIXED_NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)
NURSE = Actor(user_id="Practitioner/test-nurse", display_name="Test Nurse")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ASKONCE_HOME", str(home / "askonce"))
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
