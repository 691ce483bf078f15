"""The search benchmark's yardstick itself: queries derived from the ward, scores computed
right (so the figures in tests/perf/reports/search-*.md mean what they say)."""

from __future__ import annotations

from app import demo
from app.domain import Catalog
from tests.conftest import FIXED_NOW
from tests.perf.bench_search import Query, relevance_queries, score


def test_every_query_knows_whom_it_should_find(catalog: Catalog) -> None:
    ward = list(demo.generate_ward(catalog, FIXED_NOW, patients=32))
    queries = relevance_queries(ward)
    assert len(queries) >= 12
    ids = {p.patient.id for p in ward}
    for q in queries:
        assert q.expected, q.text
        assert q.expected <= ids
        assert len(q.expected) < len(ids), f"{q.text!r} would be found by returning everybody"


def test_precision_at_k_and_reciprocal_rank() -> None:
    query = Query("x", "two patients", frozenset({"a", "b"}))
    assert score(query, ["a", "b", "c"]).precision_at_k == 1.0
    late = score(query, ["c", "d", "a"])
    assert (late.precision_at_k, late.reciprocal_rank) == (0.0, 0.333)
    half = score(query, ["c", "b"])
    assert (half.precision_at_k, half.reciprocal_rank, half.returned) == (0.5, 0.5, 2)
    assert score(query, []).reciprocal_rank == 0.0
