"""Opening a SQLCipher 4 cache: key, pragmas, schema migrations, error mapping.

One database per user per workstation. The connection is used by exactly one
thread at a time (the UI's DB worker serializes all access), so a single
connection is kept open for the session.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from app.errors import (
    BugError,
    CacheKeyError,
    DiskFullError,
    SchemaTooNewError,
    StoreBusyError,
    StoreCorruptError,
    StoreError,
)
from app.keys import DatabaseKey

log = logging.getLogger(__name__)

Connection = Any  # sqlcipher3 ships no type information
Migration = Callable[[Connection], None]


def _run_script(conn: Connection, script: str) -> None:
    # Not executescript(): it COMMITs first, which would break the migration's transaction.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlcipher3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise BugError("unterminated statement in a migration script")


def _v1(conn: Connection) -> None:
    _run_script(
        conn,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE patients (
            id TEXT PRIMARY KEY,
            mrn TEXT NOT NULL,
            family_name TEXT NOT NULL,
            given_name TEXT NOT NULL,
            birth_date TEXT NOT NULL,
            bed TEXT NOT NULL DEFAULT '',
            admitted_at TEXT NOT NULL,
            doc TEXT NOT NULL,
            photo BLOB
        );
        CREATE TABLE answers (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            question_code TEXT NOT NULL,
            status TEXT NOT NULL,
            effective_at TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        -- Covers the ward list query (newest valid answer per patient and question).
        CREATE INDEX answers_by_patient
            ON answers (patient_id, question_code, status, effective_at);
        CREATE TABLE medications (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            doc TEXT NOT NULL
        );
        CREATE INDEX medications_by_patient ON medications (patient_id);
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            doc TEXT NOT NULL
        );
        CREATE INDEX contacts_by_patient ON contacts (patient_id);
        CREATE TABLE history (
            seq INTEGER PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX history_by_patient ON history (patient_id, at);
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            resource_type TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            patient_id TEXT,
            operation TEXT NOT NULL,
            payload TEXT NOT NULL,
            base_version TEXT,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX outbox_by_resource ON outbox (resource_id);
        CREATE INDEX outbox_by_patient ON outbox (patient_id);
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user_id TEXT NOT NULL,
            action TEXT NOT NULL,
            patient_id TEXT,
            workstation TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE TABLE search_facts (
            id INTEGER PRIMARY KEY,
            patient_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            body TEXT NOT NULL,
            terms TEXT NOT NULL
        );
        CREATE INDEX search_facts_by_patient ON search_facts (patient_id);
        -- External-content FTS5: the facts live in search_facts (indexed by patient, so a
        -- patient's rows are replaced without scanning the index); the index holds terms.
        CREATE VIRTUAL TABLE search_index USING fts5 (
            terms,
            content = 'search_facts',
            content_rowid = 'id',
            tokenize = "unicode61 remove_diacritics 2"
        );
        CREATE TRIGGER search_facts_added AFTER INSERT ON search_facts BEGIN
            INSERT INTO search_index (rowid, terms) VALUES (new.id, new.terms);
        END;
        CREATE TRIGGER search_facts_removed AFTER DELETE ON search_facts BEGIN
            INSERT INTO search_index (search_index, rowid, terms)
            VALUES ('delete', old.id, old.terms);
        END;
        """,
    )


def _v2(conn: Connection) -> None:
    """Sync state: the server's last version of each record (merge base, unknown elements
    kept), changes set aside with a reason, and conflicts waiting for a person."""
    _run_script(
        conn,
        """
        CREATE TABLE server_resources (
            resource_type TEXT NOT NULL,
            id TEXT NOT NULL,
            patient_id TEXT,
            version TEXT NOT NULL,
            doc TEXT NOT NULL,
            PRIMARY KEY (resource_type, id)
        );
        CREATE INDEX server_resources_by_patient ON server_resources (patient_id);
        ALTER TABLE outbox ADD COLUMN held_reason TEXT NOT NULL DEFAULT '';
        CREATE TABLE conflicts (
            resource_type TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            patient_id TEXT,
            fields TEXT NOT NULL,
            mine TEXT NOT NULL,
            theirs TEXT NOT NULL,
            base TEXT,
            created_at TEXT NOT NULL,
            PRIMARY KEY (resource_type, resource_id)
        );
        """,
    )


def _v3(conn: Connection) -> None:
    """Audit entries are kept until the server has them as AuditEvent."""
    conn.execute("ALTER TABLE audit_log ADD COLUMN uploaded INTEGER NOT NULL DEFAULT 0")


def _v4(conn: Connection) -> None:
    """Discharge planning: plans (CarePlan) and their checklist tasks (Task).

    Tasks name their plan without a foreign key: a download may bring a task before its
    plan. Both go with their patient (ON DELETE CASCADE), like every other record.
    """
    _run_script(
        conn,
        """
        CREATE TABLE discharge_plans (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            expected_date TEXT,
            doc TEXT NOT NULL
        );
        CREATE INDEX discharge_plans_by_patient ON discharge_plans (patient_id);
        -- The readiness board asks for plans due within a window.
        CREATE INDEX discharge_plans_by_date ON discharge_plans (expected_date);
        CREATE TABLE discharge_tasks (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            doc TEXT NOT NULL
        );
        CREATE INDEX discharge_tasks_by_plan ON discharge_tasks (plan_id);
        CREATE INDEX discharge_tasks_by_patient ON discharge_tasks (patient_id);
        """,
    )


def _v5(conn: Connection) -> None:
    """A stay may have no known admission time: the patient's document holds it (or not);
    the column was never queried."""
    conn.execute("ALTER TABLE patients DROP COLUMN admitted_at")


def _v6(conn: Connection) -> None:
    """Search ranks by meaning (``app.store.search``). A fact's rowid says whose it is and
    how strong it is, so ranking reads the FTS index alone; ``search_patients`` holds
    what the ranking needs of a patient (bed order, birth date for ages). The old rows
    are dropped; the index is rebuilt from the records when the cache is next opened."""
    _run_script(
        conn,
        """
        DROP TRIGGER search_facts_added;
        DROP TRIGGER search_facts_removed;
        DROP TABLE search_index;
        DROP TABLE search_facts;
        CREATE TABLE search_patients (
            seq INTEGER PRIMARY KEY,
            patient_id TEXT NOT NULL UNIQUE,
            birth_date TEXT NOT NULL,
            rank_key TEXT NOT NULL
        );
        CREATE INDEX search_patients_by_rank ON search_patients (rank_key);
        CREATE TABLE search_facts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            texts TEXT NOT NULL,
            who TEXT NOT NULL,
            terms TEXT NOT NULL,
            similar TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE search_index USING fts5 (
            who,
            terms,
            similar,
            content = 'search_facts',
            content_rowid = 'id',
            tokenize = "unicode61 remove_diacritics 2",
            prefix = '2 3'
        );
        -- How many facts hold each word: the rarest word of a query is looked up first.
        CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_index, 'row');
        CREATE TRIGGER search_facts_added AFTER INSERT ON search_facts BEGIN
            INSERT INTO search_index (rowid, who, terms, similar)
            VALUES (new.id, new.who, new.terms, new.similar);
        END;
        CREATE TRIGGER search_facts_removed AFTER DELETE ON search_facts BEGIN
            INSERT INTO search_index (search_index, rowid, who, terms, similar)
            VALUES ('delete', old.id, old.who, old.terms, old.similar);
        END;
        DELETE FROM meta WHERE key = 'search_index';
        """,
    )


def _v7(conn: Connection) -> None:
    """Colleagues' news: a change downloaded for a patient already in the cache, kept
    until the user has seen it (``app.services.news``)."""
    _run_script(
        conn,
        """
        CREATE TABLE news (
            seq INTEGER PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            area TEXT NOT NULL,
            record_key TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX news_by_patient ON news (patient_id, seq);
        """,
    )


def _v8(conn: Connection) -> None:
    """Two record kinds from issue 13: answers the patient gave elsewhere (a portal's,
    kiosk's or tablet's FHIR QuestionnaireResponse), offered on the board until a nurse
    confirms them; and follow-up requests handed to the hospital's messaging or call
    system (FHIR CommunicationRequest) when a discharge plan is completed."""
    _run_script(
        conn,
        """
        CREATE TABLE patient_reports (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            doc TEXT NOT NULL
        );
        CREATE INDEX patient_reports_by_patient ON patient_reports (patient_id);
        CREATE TABLE communication_requests (
            id TEXT PRIMARY KEY,
            patient_id TEXT NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
            doc TEXT NOT NULL
        );
        CREATE INDEX communication_requests_by_patient ON communication_requests (patient_id);
        """,
    )


# MIGRATIONS[n] brings a database from user_version n to n + 1. Append only; never edit
# a released step (tests migrate from every earlier version).
MIGRATIONS: tuple[Migration, ...] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8)
SCHEMA_VERSION = len(MIGRATIONS)


def _folder_problem() -> StoreError:
    return StoreError(
        "The data folder is missing or read-only, so the local cache cannot be opened.",
        hint="Ask IT to check AskOnce's data folder and its permissions on this workstation.",
    )


def translate_error(exc: Exception) -> StoreError:
    """Turn a driver error into a KnownError a nurse can act on (message is PHI-free)."""
    text = str(exc).lower()
    if "unable to open" in text:
        return _folder_problem()
    if "full" in text:
        return DiskFullError(
            "The disk is full: your last change was not saved.",
            hint="Ask IT to free space on this workstation; then save again.",
        )
    if "locked" in text or "busy" in text:
        return StoreBusyError(
            "The local cache is in use by another AskOnce window.",
            hint="Close the other AskOnce window and try again.",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreCorruptError(
            "The local cache is damaged.", hint="Ask IT for help; do not delete it yourself."
        )
    if "readonly" in text or "read-only" in text or "disk i/o" in text:
        return StoreError(
            "The local cache could not be written (disk or permission problem).",
            hint="Ask IT to check the workstation's disk.",
        )
    return StoreError("The local cache reported an error ({kind}).", kind=type(exc).__name__)


class Database:
    """An open, keyed SQLCipher connection with our pragmas and schema."""

    def __init__(self, conn: Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._in_tx = False
        self._closed = False

    @classmethod
    def open(cls, path: Path, key: DatabaseKey, *, create: bool = False) -> Database:
        if not create and not path.exists():
            raise CacheKeyError("No local cache at {file}.", file=path.name)
        key_pragma = f"PRAGMA key = {key.pragma_literal()}"  # raises if the key was wiped
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _folder_problem() from exc
        try:
            conn = sqlcipher3.connect(
                str(path), isolation_level=None, check_same_thread=False, timeout=5.0
            )
        except sqlcipher3.Error as exc:
            raise translate_error(exc) from exc
        try:
            conn.execute(key_pragma)
            # Reading the schema is the first thing that touches the file: a wrong key
            # fails here, before anything is written.
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                raise CacheKeyError(
                    "The local cache cannot be opened with this key.",
                    hint="Sign in online to restore access; the cache is kept.",
                ) from exc
            for pragma in (
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = FULL",
                "PRAGMA temp_store = MEMORY",
                "PRAGMA secure_delete = ON",
                "PRAGMA foreign_keys = ON",
                "PRAGMA trusted_schema = OFF",
            ):
                conn.execute(pragma)
            db = cls(conn, path)
            db._migrate()
        except BaseException:
            conn.close()
            raise
        return db

    def _migrate(self) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                "This cache was written by a newer AskOnce.", hint="Update AskOnce."
            )
        for target in range(version, SCHEMA_VERSION):
            log.info("migrating cache schema from version %d to %d", target, target + 1)
            with self.transaction():
                MIGRATIONS[target](self._conn)
                self._conn.execute(f"PRAGMA user_version = {target + 1}")

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work (``BEGIN IMMEDIATE`` so writers never deadlock)."""
        if self._in_tx:
            raise StoreError("Nested transactions are not supported.")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as exc:
            raise translate_error(exc) from exc
        self._in_tx = True
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            self._rollback()
            raise translate_error(exc) from exc
        except BaseException:
            self._rollback()
            raise
        finally:
            self._in_tx = False

    def _rollback(self) -> None:
        with contextlib.suppress(sqlcipher3.Error):
            self._conn.execute("ROLLBACK")

    def query(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[Any]:
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except sqlcipher3.Error as exc:
            raise translate_error(exc) from exc

    def execute(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> None:
        """A statement outside an explicit transaction (maintenance such as VACUUM)."""
        try:
            self._conn.execute(sql, params)
        except sqlcipher3.Error as exc:
            raise translate_error(exc) from exc

    def integrity_problems(self) -> list[str]:
        """``integrity_check`` and ``cipher_integrity_check`` findings; empty when healthy."""
        rows = self.query("PRAGMA integrity_check")
        problems = [str(r[0]) for r in rows if r[0] != "ok"]
        problems += [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]
        return problems

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlcipher3.Error:
            log.warning("WAL checkpoint on close failed; it will run on next open")
        self._conn.close()
