"""No patient data in plaintext on disk (DESIGN.md §4), under real use of the cache.

Canary values go in through the real service (patient, contact phone, free-text answer,
medication), are searched for, listed, charted and vacuumed; then the raw bytes of the
database, its WAL, shm and any journal, and of every file created or changed anywhere under
the temp folders meanwhile, are scanned for the canaries in UTF-8 and UTF-16 (LE and BE).
A positive control runs the same steps on a plain (stdlib) sqlite3 database and must find
every canary, so a silent scanner cannot pass the test.
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
import string
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from app import demo
from app.domain import (
    Catalog,
    ContactKind,
    ContactPoint,
    HomeCareContact,
    HomeMedication,
    Patient,
    Source,
)
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import MIGRATIONS, SCHEMA_VERSION, Database
from app.store.search import reindex_patient
from tests.conftest import NURSE, Clock
from tests.security.conftest import file_states

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
FREE_TEXT_QUESTION = "diet.food-dislikes"


@dataclass(frozen=True)
class Canaries:
    """Values that occur nowhere else. A random part per test keeps parallel runs apart."""

    family_name: str
    phone: str
    answer: str
    medication_name: str
    medication_dose: str
    contact_name: str

    @classmethod
    def fresh(cls) -> Canaries:
        tag = "".join(secrets.choice(string.ascii_lowercase) for _ in range(5))
        number = 9_990_000 + secrets.randbelow(10_000)
        return cls(
            family_name=f"Zqxcanaryname{tag}",
            phone=f"+49 170 {number}",
            answer=f"zqxcanaryanswer{tag} lactose",
            medication_name=f"Zqxcanarymed{tag}",
            medication_dose="5 mg",
            contact_name=f"Zqxcanarycontact{tag}",
        )

    def needles(self) -> tuple[str, ...]:
        digits = "".join(c for c in self.phone if c.isdigit())
        return (
            self.family_name,
            self.phone,
            digits,  # the search index keeps a digits-only copy of phone numbers
            digits[-7:],
            self.answer,
            self.answer.split()[0],
            f"{self.medication_name} {self.medication_dose}",
            self.medication_name,
            self.contact_name,
        )


@dataclass(frozen=True)
class Finding:
    path: Path
    canary: str
    encoding: str


def scan_bytes(data: bytes, needles: tuple[str, ...]) -> list[tuple[str, str]]:
    # Case-folded: the FTS5 index stores its tokens in lower case.
    haystack = data.lower()
    return [
        (needle, encoding)
        for needle in needles
        for encoding in ENCODINGS
        if needle.lower().encode(encoding) in haystack
    ]


def scan_files(paths: Iterator[Path] | list[Path], needles: tuple[str, ...]) -> list[Finding]:
    findings = []
    for path in paths:
        try:
            data = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError, PermissionError):
            continue  # another process's temp file: gone meanwhile, or not ours to read
        findings += [Finding(path, c, e) for c, e in scan_bytes(data, needles)]
    return findings


def database_files(db_path: Path) -> list[Path]:
    """The database and its companions: -wal, -shm, -journal (whatever exists)."""
    return sorted(p for p in db_path.parent.glob(db_path.name + "*") if p.is_file())


def copy_database_files(db_path: Path, dest: Path) -> list[Path]:
    dest.mkdir()
    return [Path(shutil.copy2(p, dest / p.name)) for p in database_files(db_path)]


class TempWatch:
    """Which files appeared or changed under the temp folders since it was created."""

    def __init__(self, *roots: Path) -> None:
        resolved = sorted({r.resolve() for r in roots}, key=lambda p: len(p.parts))
        # Walk each folder once: drop roots inside another root.
        self.roots = [r for r in resolved if not any(o in r.parents for o in resolved)]
        self.before = file_states(*self.roots)

    def touched(self) -> list[Path]:
        now = file_states(*self.roots)
        return sorted(p for p, state in now.items() if self.before.get(p) != state)


@pytest.fixture
def temp_watch(tmp_path: Path, isolated_home: Path) -> TempWatch:
    return TempWatch(Path(tempfile.gettempdir()), tmp_path, isolated_home)


def put_canary_patient(
    db: Database,
    service: CareService,
    catalog: Catalog,
    clock: Clock,
    canaries: Canaries,
    *,
    mrn: str,
) -> Patient:
    """The canary patient with a helper, an answer and a drug, through the real service."""
    patient = Patient(
        id="canary-patient",
        mrn=mrn,
        family_name=canaries.family_name,
        given_name="Anna",
        birth_date=date(1939, 5, 17),
        bed="1A",
        admitted_at=clock() - timedelta(days=2),
    )
    with db.transaction() as conn:  # as the sync engine stores a downloaded patient
        service.repo.put_patient(conn, patient)
        reindex_patient(conn, service.repo, catalog, patient.id)
    service.home_care.save_contact(
        HomeCareContact(
            id=service.new_id(),
            patient_id=patient.id,
            kind=ContactKind.PERSON,
            name=canaries.contact_name,
            relationship="daughter",
            telecom=(ContactPoint(system="phone", value=canaries.phone, rank=1),),
            provenance=service.provenance_now(Source.PATIENT),
        )
    )
    service.answers.record(patient.id, FREE_TEXT_QUESTION, canaries.answer, Source.PATIENT)
    service.home_care.save_medication(
        HomeMedication(
            id=service.new_id(),
            patient_id=patient.id,
            name=canaries.medication_name,
            dose=canaries.medication_dose,
            provenance=service.provenance_now(Source.FAMILY),
        )
    )
    return patient


def write_canaries(db: Database, catalog: Catalog, clock: Clock, canaries: Canaries) -> str:
    """Put canary data in through the real service and use it the way the app does."""
    demo.load_into(db, catalog, demo.generate_ward(catalog, clock(), patients=6))
    service = CareService(db, catalog, NURSE, workstation="test-ws", clock=clock)
    patient = put_canary_patient(db, service, catalog, clock, canaries, mrn="55501234")
    use_canaries(service, patient.id, canaries)
    db.execute("VACUUM")
    return patient.id


def use_canaries(service: CareService, patient_id: str, canaries: Canaries) -> None:
    """Search, list and chart: each must find the canary patient (the data is really there)."""
    for text in (
        canaries.family_name,
        canaries.phone,
        canaries.phone[-7:],
        canaries.answer.split()[0],
        canaries.medication_name,
        canaries.contact_name,
    ):
        hits = service.charts.search(text).hits
        assert [h.patient.id for h in hits] == [patient_id], f"search for {text!r}"
    ward = service.charts.ward()
    assert patient_id in [row.patient.id for row in ward]
    assert sorted(ward, key=lambda r: (r.patient.bed, r.patient.family_name)) == ward
    chart = service.charts.chart(patient_id)
    answers = [i.answer.value for i in chart.board if i.answer is not None]
    assert canaries.answer in answers
    assert [m.name for m in chart.medications] == [canaries.medication_name]
    assert [c.name for c in chart.contacts] == [canaries.contact_name]


def _describe(findings: list[Finding]) -> str:
    return "\n".join(f"{f.path}: {f.canary!r} ({f.encoding})" for f in findings)


def test_no_canary_in_plaintext_on_disk(
    tmp_path: Path, catalog: Catalog, clock: Clock, temp_watch: TempWatch
) -> None:
    canaries = Canaries.fresh()
    needles = canaries.needles()
    db_path = tmp_path / "cache.db"
    key = DatabaseKey.generate()

    db = Database.open(db_path, key, create=True)
    try:
        patient_id = write_canaries(db, catalog, clock, canaries)
        # While the database is open: the WAL holds the recent pages.
        copies = copy_database_files(db_path, tmp_path / "copy-while-open")
        wal_copy = tmp_path / "copy-while-open" / "cache.db-wal"
        assert wal_copy.is_file(), "expected a live WAL"
        assert wal_copy.stat().st_size > 0, "expected a live WAL"
        findings = scan_files(copies + database_files(db_path), needles)
        findings += scan_files(temp_watch.touched(), needles)
        assert findings == [], "plaintext with the cache open:\n" + _describe(findings)
    finally:
        db.close()

    reopened = Database.open(db_path, key)
    try:
        use_canaries(
            CareService(reopened, catalog, NURSE, workstation="test-ws", clock=clock),
            patient_id,
            canaries,
        )
    finally:
        reopened.close()

    touched = temp_watch.touched()
    assert db_path in touched
    findings = scan_files(database_files(db_path) + touched, needles)
    assert findings == [], "plaintext after close:\n" + _describe(findings)


def _open_plain(path: Path, encoding: str) -> Database:
    """A stdlib sqlite3 database with our schema and pragmas, but no encryption."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA encoding = '{encoding}'")
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "temp_store = MEMORY"):
        conn.execute(f"PRAGMA {pragma}")
    db = Database(conn, path)
    with db.transaction() as tx:
        for migration in MIGRATIONS:
            migration(tx)
        tx.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return db


@pytest.mark.parametrize(
    ("sqlite_encoding", "expected_encoding"),
    [("UTF-8", "utf-8"), ("UTF-16le", "utf-16-le"), ("UTF-16be", "utf-16-be")],
)
def test_positive_control_scanner_finds_canaries_in_plain_sqlite(
    tmp_path: Path,
    catalog: Catalog,
    clock: Clock,
    temp_watch: TempWatch,
    sqlite_encoding: str,
    expected_encoding: str,
) -> None:
    canaries = Canaries.fresh()
    needles = canaries.needles()
    db_path = tmp_path / "plain.db"

    def found(findings: list[Finding], where: Callable[[Path], bool]) -> set[str]:
        return {f.canary for f in findings if f.encoding == expected_encoding and where(f.path)}

    db = _open_plain(db_path, sqlite_encoding)
    try:
        write_canaries(db, catalog, clock, canaries)
        copies = copy_database_files(db_path, tmp_path / "copy-while-open")
    finally:
        db.close()
    in_copies = found(scan_files(copies, needles), lambda p: True)
    assert in_copies == set(needles), "the scanner missed canaries in the plain copy"
    in_wal = found(scan_files(copies, needles), lambda p: p.name.endswith("-wal"))
    assert canaries.family_name in in_wal, "the scanner must read the WAL too"

    in_temp = found(scan_files(temp_watch.touched(), needles), lambda p: p == db_path)
    assert in_temp == set(needles), "the temp-folder watch must see the new database"
