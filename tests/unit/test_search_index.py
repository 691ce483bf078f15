"""The search index in a real encrypted cache: built, kept current, emptied of purged patients,
capped, ordered, and ages counted on the ward's day (app/store/search.py, app/services/charts.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from app import demo
from app.clock import local_day
from app.domain import Catalog, Patient
from app.keys import DatabaseKey
from app.search.facts import FactKind
from app.services import CareService
from app.store.database import MIGRATIONS, SCHEMA_VERSION, Database
from app.store.repository import Repository
from app.store.search import _SEQ_SHIFT, INDEX_META, MAX_HITS, index_is_current, rank_key
from app.store.sync_state import SyncState
from tests.conftest import FIXED_NOW, NURSE, Clock

MakeService = Callable[..., CareService]


def a_patient(
    pid: str,
    family: str,
    given: str = "Erika",
    *,
    bed: str = "",
    born: date = date(1944, 5, 1),
    mrn: str = "",
) -> Patient:
    return Patient(
        id=pid,
        mrn=mrn or f"M-{pid}",
        family_name=family,
        given_name=given,
        birth_date=born,
        ward=demo.DEMO_WARD,
        bed=bed,
        admitted_at=FIXED_NOW - timedelta(days=1),
    )


def load(db: Database, catalog: Catalog, *patients: Patient) -> None:
    demo.load_into(db, catalog, [demo.DemoPatient(p, (), (), ()) for p in patients])


def found(service: CareService, text: str) -> list[str]:
    return [hit.patient.id for hit in service.charts.search(text).hits]


def index_rows(db: Database, patient_id: str) -> tuple[int, int]:
    """(search_patients rows, search_facts rows) of one patient."""
    (seqs,) = db.query(
        "SELECT count(*), coalesce(max(seq), -1) FROM search_patients WHERE patient_id = ?",
        (patient_id,),
    )
    count, seq = int(seqs[0]), int(seqs[1])
    if count == 0:
        return 0, 0
    (facts,) = db.query(f"SELECT count(*) FROM search_facts WHERE id >> {_SEQ_SHIFT} = ?", (seq,))
    return count, int(facts[0])


def set_stale(db: Database) -> None:
    """As after a new catalog, vocabulary or index format: the stored fingerprint no longer fits."""
    repo = Repository(db)
    with db.transaction() as conn:
        repo.set_meta(conn, INDEX_META, "0:from-an-older-version")


# --- built and kept current ---------------------------------------------------------------------


def test_a_new_cache_opened_by_the_service_has_a_current_index(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    service = make_service()
    assert index_is_current(service.repo, catalog)
    assert service.charts.bring_search_index_up_to_date() == 0


def test_a_stale_index_is_rebuilt_once(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    load(db, catalog, a_patient("p-1", "Zwirnmeister"), a_patient("p-2", "Quastenberg"))
    service = make_service()
    set_stale(db)
    assert not index_is_current(service.repo, catalog)
    assert service.charts.bring_search_index_up_to_date() == 2
    assert index_is_current(service.repo, catalog)
    assert service.charts.bring_search_index_up_to_date() == 0
    assert found(service, "Zwirnmeister") == ["p-1"]
    assert found(service, "quasten") == ["p-2"]


def test_opening_a_service_on_a_stale_cache_rebuilds_the_index(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    load(db, catalog, a_patient("p-1", "Zwirnmeister"), a_patient("p-2", "Quastenberg"))
    # The old rows are no use to the new index: only a rebuild finds the patients again.
    with db.transaction() as conn:
        conn.execute("DELETE FROM search_facts")
        conn.execute("DELETE FROM search_patients")
    set_stale(db)
    service = make_service()
    assert index_is_current(service.repo, catalog)
    assert service.charts.bring_search_index_up_to_date() == 0
    assert found(service, "zwirn") == ["p-1"]
    assert found(service, "Quastenberg") == ["p-2"]
    assert index_rows(db, "p-1")[0] == 1


def test_a_current_index_is_not_rebuilt_on_open(
    db: Database, catalog: Catalog, make_service: MakeService, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(db, catalog, a_patient("p-1", "Zwirnmeister"))
    make_service()

    def no_rebuild(*args: object) -> int:
        raise AssertionError("the index was current: no rebuild")

    monkeypatch.setattr("app.services.charts.rebuild_index", no_rebuild)
    assert make_service().charts.bring_search_index_up_to_date() == 0


def test_a_cache_from_schema_5_gets_its_index_rebuilt_on_open(
    tmp_path: Path, db_key: DatabaseKey, catalog: Catalog
) -> None:
    path = tmp_path / "v5.db"
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {db_key.pragma_literal()}")
    conn.execute("BEGIN")
    for migration in MIGRATIONS[:5]:
        migration(conn)
    patient = a_patient("p-1", "Zwirnmeister", bed="3A")
    conn.execute(
        """INSERT INTO patients (id, mrn, family_name, given_name, birth_date, bed, doc)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (
            patient.id,
            patient.mrn,
            patient.family_name,
            patient.given_name,
            patient.birth_date.isoformat(),
            patient.bed,
            patient.model_dump_json(),
        ),
    )
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (INDEX_META, "2"))
    conn.execute("PRAGMA user_version = 5")
    conn.execute("COMMIT")
    conn.close()

    db = Database.open(path, db_key)
    try:
        assert db.schema_version == SCHEMA_VERSION
        assert not index_is_current(Repository(db), catalog)
        service = CareService(db, catalog, NURSE, workstation="ws", clock=Clock())
        assert index_is_current(service.repo, catalog)
        assert found(service, "Zwirnmeister") == ["p-1"]
        assert found(service, "3A") == ["p-1"]
        assert db.integrity_problems() == []
    finally:
        db.close()


# --- a purged patient -------------------------------------------------------------------------


def test_a_purged_patient_leaves_nothing_in_the_index(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    load(
        db,
        catalog,
        a_patient("p-1", "Zwirnmeister", bed="1A"),
        a_patient("p-2", "Zwirnmann", bed="1B"),
        a_patient("p-3", "Quastenberg", bed="1C"),
    )
    service = make_service()
    assert sorted(found(service, "zwirn")) == ["p-1", "p-2"]
    patients, facts = index_rows(db, "p-1")
    assert patients == 1
    assert facts > 0

    with db.transaction() as conn:
        SyncState(db).purge_patient(conn, "p-1")

    assert index_rows(db, "p-1") == (0, 0)
    assert db.query("SELECT count(*) FROM search_patients WHERE patient_id = 'p-1'") == [(0,)]
    assert found(service, "Zwirnmeister") == []
    assert found(service, "1A") == []
    assert found(service, "zwirn") == ["p-2"]
    assert found(service, "Quastenberg") == ["p-3"]
    assert service.charts.search("zwirn").total == 1
    # The full-text index agrees with its rows (no orphaned entries).
    db.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")


# --- results: the cap and the order -------------------------------------------------------------


def test_total_counts_every_match_while_hits_are_capped(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    patients = MAX_HITS + 20
    demo.load_into(db, catalog, demo.generate_ward(catalog, FIXED_NOW, patients=patients))
    service = make_service()
    # Every generated patient has a bed, and every bed fact is found by the word "bed".
    for word in ("bed", "Bett"):
        results = service.charts.search(word)
        assert results.total == patients
        assert len(results.hits) == MAX_HITS
        assert len({hit.patient.id for hit in results.hits}) == MAX_HITS
        # All match alike: the best are the first in bed order.
        keys = [rank_key(hit.patient) for hit in results.hits]
        assert keys == sorted(keys)
        everyone = sorted(rank_key(p) for p in service.repo.patients_by_id(all_ids(db)).values())
        assert keys == everyone[:MAX_HITS]


def all_ids(db: Database) -> list[str]:
    return [str(row[0]) for row in db.query("SELECT id FROM patients")]


def test_fewer_matches_than_the_cap_come_back_whole(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    load(db, catalog, *(a_patient(f"p-{n}", "Zwirnmeister", bed=f"{n}A") for n in range(1, 6)))
    results = make_service().charts.search("Zwirnmeister")
    assert results.total == len(results.hits) == 5


def test_ties_are_broken_by_bed_order_then_name_with_no_bed_last(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    load(
        db,
        catalog,
        a_patient("p-no-bed-z", "Zwirnmeister", "Zoe"),
        a_patient("p-10a", "Zwirnmeister", bed="10A"),
        a_patient("p-no-bed-a", "Zwirnmeister", "Anna"),
        a_patient("p-2b", "Zwirnmeister", bed="2B"),
        a_patient("p-2a", "Zwirnmeister", bed="2A"),
        a_patient("p-1c", "Zwirnmeister", bed="1C"),
        a_patient("p-12", "Zwirnmeister", bed="12"),
    )
    results = make_service().charts.search("Zwirnmeister")
    assert len({(hit.facts[0].kind, len(hit.facts)) for hit in results.hits}) == 1  # alike
    assert [hit.patient.id for hit in results.hits] == [
        "p-1c",
        "p-2a",
        "p-2b",
        "p-10a",
        "p-12",
        "p-no-bed-a",
        "p-no-bed-z",
    ]


def test_a_better_match_comes_before_the_bed_order(
    db: Database, catalog: Catalog, make_service: MakeService
) -> None:
    load(
        db,
        catalog,
        a_patient("p-1a", "Zwirnmeisterhof", bed="1A"),  # a beginning only
        a_patient("p-9a", "Zwirnmeister", bed="9A"),  # the whole word
    )
    assert found(make_service(), "Zwirnmeister") == ["p-9a", "p-1a"]


# --- ages on the ward's day ----------------------------------------------------------------------


def _years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years)


@pytest.fixture(params=["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Berlin"])
def time_zone(request: pytest.FixtureRequest) -> Iterator[str]:
    """The workstation's zone: at 10:30 UTC it is already tomorrow in Kiritimati (UTC+14) and
    still yesterday in Pago Pago (UTC-11)."""
    zone = str(request.param)
    if not Path("/usr/share/zoneinfo", zone).exists():
        pytest.skip(f"no time zone data for {zone}")
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield zone
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_an_age_matches_from_the_birthday_on_in_any_time_zone(
    time_zone: str, db: Database, catalog: Catalog
) -> None:
    clock = Clock(FIXED_NOW)
    today = local_day(clock())
    load(
        db,
        catalog,
        # 82 today: born 82 years before the ward's day
        a_patient("p-birthday", "Zwirnmeister", born=_years_before(today, 82), mrn="10000001"),
        # 82 tomorrow: still 81 today
        a_patient(
            "p-tomorrow",
            "Zwirnmeister",
            born=_years_before(today, 82) + timedelta(days=1),
            mrn="10000002",
        ),
    )
    service = CareService(db, catalog, NURSE, workstation="ws", clock=clock)
    assert found(service, "82") == ["p-birthday"]
    assert found(service, "81") == ["p-tomorrow"]
    assert found(service, "Zwirnmeister 82") == ["p-birthday"]
    (hit,) = service.charts.search("82").hits
    assert [(f.kind, f.age) for f in hit.facts] == [(FactKind.AGE, 82)]
    # The ward list says the same ages.
    ages = {row.patient.id: row.age for row in service.charts.ward()}
    assert ages == {"p-birthday": 82, "p-tomorrow": 81}

    clock.now = FIXED_NOW + timedelta(days=1)  # the next day both are 82
    assert sorted(found(service, "82")) == ["p-birthday", "p-tomorrow"]
    assert found(service, "81") == []


@pytest.mark.parametrize(
    ("day", "age"),
    [
        (date(2027, 2, 28), 82),  # no 29 February in 2027: the birthday comes with March
        (date(2027, 3, 1), 83),
        (date(2028, 2, 28), 83),
        (date(2028, 2, 29), 84),
    ],
)
def test_a_leap_day_birth_has_the_age_the_ward_list_shows(
    db: Database, catalog: Catalog, day: date, age: int
) -> None:
    # Noon on the day in the workstation's zone, whatever that zone is.
    noon = datetime(day.year, day.month, day.day, 12).astimezone().astimezone(UTC)
    clock = Clock(noon)
    assert local_day(clock()) == day
    load(db, catalog, a_patient("p-leap", "Zwirnmeister", born=date(1944, 2, 29), mrn="10000003"))
    service = CareService(db, catalog, NURSE, workstation="ws", clock=clock)
    (row,) = service.charts.ward()
    assert row.age == age
    assert found(service, str(age)) == ["p-leap"]
    assert found(service, str(age - 1)) == []
    assert found(service, str(age + 1)) == []
