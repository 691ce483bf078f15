"""Search finds what a nurse means: the hand-labelled queries of ``tests.search_relevance``.

Each query runs against the purpose-built ward in a real encrypted cache. The patients
a nurse expects must fill the top ranks (precision at k is 1), and no patient outside
the labels may come before any of them. The failure message shows the result list as
the nurse would see it, so a failing query tells the engine's owner what went wrong.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest

from app.domain import Catalog
from app.keys import DatabaseKey
from app.search.facts import FactKind
from app.services import CareService
from app.store.database import Database
from tests.conftest import FIXED_NOW, NURSE, Clock
from tests.perf.bench_search import MAX_K, score
from tests.search_relevance import (
    NOW,
    QUERIES,
    RelevanceQuery,
    describe_ranking,
    load_ward,
    relevance_ward,
)

Services = Mapping[str, CareService]


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Iterator[Services]:
    """One cache with the ward, searched by an English and a German nurse (tests only read)."""
    db = Database.open(
        tmp_path_factory.mktemp("relevance") / "cache.db", DatabaseKey.generate(), create=True
    )
    load_ward(db, catalog)
    yield {
        language: CareService(
            db, catalog, NURSE, workstation="test-ws", clock=Clock(NOW), language=language
        )
        for language in ("en", "de")
    }
    db.close()


@pytest.mark.parametrize("query", QUERIES, ids=[q.slug for q in QUERIES])
def test_the_patients_a_nurse_expects_come_first(services: Services, query: RelevanceQuery) -> None:
    hits = services[query.language].charts.search(query.text).hits
    ranked = [hit.patient.id for hit in hits]
    shown = describe_ranking(hits, query)
    precision = score(query, ranked).precision_at_k
    assert precision == 1.0, shown
    assert query.expected_first <= set(ranked), shown
    last_expected = max(ranked.index(pid) for pid in query.expected_first)
    labelled = query.expected_first | query.also_ok
    assert [pid for pid in ranked[:last_expected] if pid not in labelled] == [], shown


def test_a_slashed_date_is_read_day_first_by_a_german_nurse(services: Services) -> None:
    (english,) = services["en"].charts.search("04/02/1971").hits
    (german,) = services["de"].charts.search("04/02/1971").hits
    assert (english.patient.id, german.patient.id) == ("schreiber", "wolff")
    assert [(f.kind, f.text_for("de")) for f in german.facts] == [(FactKind.BIRTH, "1971-02-04")]


# --- the labels themselves -------------------------------------------------------------


def test_the_ward_is_what_the_labels_assume() -> None:
    ward = relevance_ward()
    ids = [item.patient.id for item in ward]
    assert len(ids) == len(set(ids)), "patient ids are unique"
    assert 30 <= len(ids) <= 40
    beds = [item.patient.bed for item in ward]
    assert len(beds) == len(set(beds)), "one patient per bed"
    # Ages are the same on every day the tests run and in every time zone: the ward's
    # day is fixed, and no birthday lies within a day of it.
    assert NOW == FIXED_NOW
    day = NOW.date()
    for item in ward:
        born = item.patient.birth_date
        assert abs((born.replace(year=day.year) - day).days) > 1, item.patient.id
    aged_82 = {item.patient.id for item in ward if item.patient.age_on(day) == 82}
    assert aged_82 == next(q for q in QUERIES if q.text == "82").expected_first


def test_every_query_is_labelled_sensibly() -> None:
    ids = {item.patient.id for item in relevance_ward()}
    slugs = [q.slug for q in QUERIES]
    assert len(slugs) == len(set(slugs)), "test ids are unique"
    for q in QUERIES:
        assert q.language in ("en", "de"), q.slug
        assert q.expected_first, q.slug
        assert len(q.expected_first) <= MAX_K, q.slug
        assert q.expected_first | q.also_ok <= ids, q.slug
        assert not q.expected_first & q.also_ok, q.slug
