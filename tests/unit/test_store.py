"""The encrypted cache file: pragmas, migrations, wrong keys, error mapping, atomicity."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3

from app import demo
from app.domain import Catalog, Patient
from app.errors import (
    CacheKeyError,
    DiskFullError,
    SchemaTooNewError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
)
from app.keys import DatabaseKey
from app.store.database import MIGRATIONS, SCHEMA_VERSION, Database, translate_error
from app.store.repository import Repository
from tests.conftest import FIXED_NOW

TABLES = {"meta", "patients", "answers", "medications", "contacts", "history", "outbox"}
TABLES |= {"audit_log", "search_index", "discharge_plans", "discharge_tasks"}


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: file_hash(p) for p in sorted(folder.iterdir()) if p.is_file()}


def table_names(db: Database) -> set[str]:
    return {r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def a_patient(pid: str = "p-1") -> Patient:
    return Patient(
        id=pid,
        mrn="10234567",
        family_name="Zwirnmeister",
        given_name="Ottilie",
        birth_date=date(1940, 1, 2),
        admitted_at=FIXED_NOW,
    )


def patient_ids(db: Database) -> list[str]:
    return [r[0] for r in db.query("SELECT id FROM patients ORDER BY id")]


def raw_connect(path: Path, key: DatabaseKey) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {key.pragma_literal()}")
    return conn


# --- a fresh cache -----------------------------------------------------------------------


def test_a_fresh_cache_is_at_the_current_schema_with_our_pragmas(db: Database) -> None:
    assert db.schema_version == SCHEMA_VERSION
    assert table_names(db) >= TABLES
    pragmas = {
        name: db.query(f"PRAGMA {name}")[0][0]
        for name in ("journal_mode", "synchronous", "temp_store", "secure_delete", "foreign_keys")
    }
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "temp_store": 2,  # MEMORY
        "secure_delete": 1,
        "foreign_keys": 1,
    }
    assert db.query("PRAGMA trusted_schema")[0][0] == 0


def test_the_file_on_disk_is_encrypted(tmp_path: Path, db_key: DatabaseKey) -> None:
    path = tmp_path / "enc" / "cache.db"
    db = Database.open(path, db_key, create=True)
    with db.transaction() as conn:
        Repository(db).put_patient(conn, a_patient())
    db.close()
    data = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.is_file())
    assert not data.startswith(b"SQLite format 3")
    assert b"Zwirnmeister" not in data
    assert b"10234567" not in data


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(StoreError), db.transaction() as conn:
        conn.execute("INSERT INTO medications (id, patient_id, doc) VALUES ('m', 'nobody', '{}')")
    assert db.query("SELECT count(*) FROM medications")[0][0] == 0


# --- migrations -------------------------------------------------------------------------------


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_a_cache_migrates_from_every_earlier_version(
    tmp_path: Path, db_key: DatabaseKey, start: int
) -> None:
    path = tmp_path / "old.db"
    conn = raw_connect(path, db_key)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:start]:
        migration(conn)
    conn.execute("CREATE TABLE kept_by_migration (x TEXT)")
    conn.execute("INSERT INTO kept_by_migration VALUES ('still here')")
    conn.execute(f"PRAGMA user_version = {start}")
    conn.execute("COMMIT")
    conn.close()

    db = Database.open(path, db_key)
    try:
        assert db.schema_version == SCHEMA_VERSION
        assert table_names(db) >= TABLES
        assert db.query("SELECT x FROM kept_by_migration") == [("still here",)]
        assert db.integrity_problems() == []
    finally:
        db.close()


def test_reopening_a_current_cache_keeps_its_data(tmp_path: Path, db_key: DatabaseKey) -> None:
    path = tmp_path / "cache.db"
    db = Database.open(path, db_key, create=True)
    with db.transaction() as conn:
        Repository(db).put_patient(conn, a_patient())
    db.close()
    db = Database.open(path, db_key)
    try:
        assert db.schema_version == SCHEMA_VERSION
        assert patient_ids(db) == ["p-1"]
    finally:
        db.close()


def test_a_cache_from_a_newer_version_is_refused(tmp_path: Path, db_key: DatabaseKey) -> None:
    path = tmp_path / "cache.db"
    db = Database.open(path, db_key, create=True)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = folder_state(tmp_path)
    with pytest.raises(SchemaTooNewError):
        Database.open(path, db_key)
    assert folder_state(tmp_path) == before
    # Refusing twice does not damage anything either.
    with pytest.raises(SchemaTooNewError):
        Database.open(path, db_key)
    assert folder_state(tmp_path) == before


# --- keys --------------------------------------------------------------------------------------


def test_a_wrong_key_is_refused_and_the_file_is_untouched(
    tmp_path: Path, db_key: DatabaseKey
) -> None:
    path = tmp_path / "cache.db"
    db = Database.open(path, db_key, create=True)
    with db.transaction() as conn:
        Repository(db).put_patient(conn, a_patient())
    db.close()
    before = folder_state(tmp_path)
    assert set(before) == {"cache.db"}

    with pytest.raises(CacheKeyError):
        Database.open(path, DatabaseKey.generate())
    with pytest.raises(CacheKeyError):
        Database.open(path, DatabaseKey.generate(), create=True)

    assert folder_state(tmp_path) == before
    db = Database.open(path, db_key)  # the right key still opens it
    try:
        assert patient_ids(db) == ["p-1"]
    finally:
        db.close()


def test_a_missing_cache_is_not_created_without_create(tmp_path: Path, db_key: DatabaseKey) -> None:
    path = tmp_path / "users" / "someone" / "cache.db"
    with pytest.raises(CacheKeyError):
        Database.open(path, db_key)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_wiped_key_cannot_open_anything(tmp_path: Path) -> None:
    key = DatabaseKey.generate()
    key.wipe()
    with pytest.raises(CacheKeyError):
        Database.open(tmp_path / "cache.db", key, create=True)
    written = [p for p in tmp_path.iterdir() if p.stat().st_size > 0]
    assert written == []  # at most an empty file: no page was written
    assert "x'" not in repr(key)


# --- error mapping -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database or disk is full", DiskFullError),
        ("database is locked", StoreBusyError),
        ("database table is locked", StoreBusyError),
        ("database is busy", StoreBusyError),
        ("file is not a database", StoreCorruptError),
        ("database disk image is malformed", StoreCorruptError),
        ("attempt to write a readonly database", StoreError),
        ("disk I/O error", StoreError),
        ("no such table: Müller", StoreError),
    ],
)
def test_driver_errors_become_known_errors(message: str, expected: type[StoreError]) -> None:
    error = translate_error(sqlcipher3.OperationalError(message))
    assert type(error) is expected
    assert error.message
    assert "Müller" not in str(error)  # never echo what the driver said (it may hold PHI)


def test_a_cache_held_by_another_writer_reports_busy(tmp_path: Path, db_key: DatabaseKey) -> None:
    path = tmp_path / "cache.db"
    db = Database.open(path, db_key, create=True)
    db.execute("PRAGMA busy_timeout = 0")  # fail at once instead of waiting 5 s
    other = raw_connect(path, db_key)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreBusyError), db.transaction() as conn:
            Repository(db).put_patient(conn, a_patient())
        other.execute("ROLLBACK")
        # Once the other writer is gone the same Database works again.
        with db.transaction() as conn:
            Repository(db).put_patient(conn, a_patient())
        assert patient_ids(db) == ["p-1"]
    finally:
        other.close()
        db.close()


# --- transactions ---------------------------------------------------------------------------------


def test_a_transaction_that_raises_rolls_back_everything(db: Database) -> None:
    repo = Repository(db)

    def crash_half_way() -> None:
        with db.transaction() as conn:
            repo.put_patient(conn, a_patient("p-1"))
            repo.set_meta(conn, "cursor", "42")
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError, match="crash"):
        crash_half_way()
    assert patient_ids(db) == []
    assert repo.meta("cursor") is None
    # The connection is usable afterwards.
    with db.transaction() as conn:
        repo.put_patient(conn, a_patient("p-2"))
    assert patient_ids(db) == ["p-2"]


def test_a_failing_statement_rolls_back_the_earlier_ones(db: Database) -> None:
    repo = Repository(db)

    def fail_on_second_statement() -> None:
        with db.transaction() as conn:
            repo.put_patient(conn, a_patient("p-1"))
            conn.execute("INSERT INTO meta (key, value) VALUES ('k', NULL)")  # NOT NULL

    with pytest.raises(StoreError):
        fail_on_second_statement()
    assert patient_ids(db) == []
    assert repo.meta("k") is None


def test_nested_transactions_are_refused_without_losing_the_outer_one(db: Database) -> None:
    repo = Repository(db)
    with db.transaction() as conn:
        repo.put_patient(conn, a_patient("p-1"))
        with pytest.raises(StoreError), db.transaction():
            pass
    assert patient_ids(db) == ["p-1"]


# --- integrity ----------------------------------------------------------------------------------


def test_a_healthy_cache_has_no_integrity_problems(db: Database, catalog: Catalog) -> None:
    assert db.integrity_problems() == []
    demo.load_into(db, catalog, demo.generate_ward(catalog, FIXED_NOW, patients=8))
    assert db.integrity_problems() == []


def test_a_cache_from_before_discharge_planning_keeps_its_records_and_takes_plans(
    tmp_path: Path, db_key: DatabaseKey
) -> None:
    from app.discharge import Destination, DischargePlan, DischargeTask, OwnerRole, TaskStatus
    from app.domain import Provenance, Source
    from tests.conftest import NURSE

    path = tmp_path / "v3.db"
    conn = raw_connect(path, db_key)
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:3]:  # the schema before discharge planning (_v4)
        migration(conn)
    patient = a_patient()
    conn.execute(
        """INSERT INTO patients (id, mrn, family_name, given_name, birth_date, admitted_at, doc)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (
            "p-1",
            patient.mrn,
            "Zwirnmeister",
            "Ottilie",
            "1940-01-02",
            "x",
            patient.model_dump_json(),
        ),
    )
    conn.execute("PRAGMA user_version = 3")
    conn.execute("COMMIT")
    conn.close()

    db = Database.open(path, db_key)
    try:
        repo = Repository(db)
        assert repo.patient("p-1") == patient
        prov = Provenance(recorded_by=NURSE, recorded_at=FIXED_NOW, source=Source.CHART)
        plan = DischargePlan(
            id="plan-1",
            patient_id="p-1",
            expected_date=date(2026, 11, 25),
            destination=Destination.HOME,
            provenance=prov,
        )
        task = DischargeTask(
            id="task-1",
            plan_id="plan-1",
            patient_id="p-1",
            code="transport",
            title="Transport arranged",
            owner_role=OwnerRole.COORDINATOR,
            due=date(2026, 11, 24),
            status=TaskStatus.TODO,
            provenance=prov,
        )
        with db.transaction() as tx:
            repo.put_discharge_plan(tx, plan)
            repo.put_discharge_task(tx, task)
        assert repo.discharge_plans("p-1") == [plan]
        assert repo.discharge_plan_states(date(2026, 11, 24)) == []
        [state] = repo.discharge_plan_states(date(2026, 11, 25))
        assert (state.id, state.expected_date, state.destination) == (
            "plan-1",
            date(2026, 11, 25),
            Destination.HOME,
        )
        [task_state] = repo.discharge_task_states(["plan-1"])["plan-1"]
        assert (task_state.code, task_state.status, task_state.due) == (
            "transport",
            TaskStatus.TODO,
            date(2026, 11, 24),
        )
        assert repo.discharge_tasks(["plan-1"]) == {"plan-1": [task]}
        # A patient's plan and tasks go with the patient.
        with db.transaction() as tx:
            tx.execute("DELETE FROM patients WHERE id = 'p-1'")
        assert db.query("SELECT count(*) FROM discharge_plans")[0][0] == 0
        assert db.query("SELECT count(*) FROM discharge_tasks")[0][0] == 0
    finally:
        db.close()
