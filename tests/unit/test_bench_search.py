"""The search benchmark's yardstick itself: queries derived from the ward, scores computed
right (so the figures in tests/perf/reports/search-*.md mean what they say)."""

from __future__ import annotations

import json
from pathlib import Path

from app import demo
from app.domain import Catalog
from tests.conftest import FIXED_NOW
from tests.perf.bench_search import Query, relevance_queries, run, score, write_report
from tests.search_relevance import QUERIES as BUILT_QUERIES


def test_every_query_knows_whom_it_should_find(catalog: Catalog) -> None:
    ward = list(demo.generate_ward(catalog, FIXED_NOW, patients=32))
    queries = relevance_queries(ward)
    assert len(queries) >= 12
    ids = {p.patient.id for p in ward}
    for q in queries:
        assert q.expected, q.text
        assert q.expected <= ids
        assert len(q.expected) < len(ids), f"{q.text!r} would be found by returning everybody"


def test_lactose_and_interpreter_mean_what_a_nurse_means(catalog: Catalog) -> None:
    ward = list(demo.generate_ward(catalog, FIXED_NOW, patients=32))
    expected = {q.text: q.expected for q in relevance_queries(ward)}
    # Lactose on the allergy and intolerance list counts, answered or not.
    listed = {
        p.patient.id for p in ward if any(a.substance == "Lactose" for a in p.patient.allergies)
    }
    assert listed, "the demo ward has patients with lactose on their list"
    assert listed <= expected["lactose"] == expected["Laktose"]
    # A recorded interpreter language means an interpreter is needed.
    with_language = {
        p.patient.id
        for p in ward
        if any(a.question_code == "communication.interpreter-language" for a in p.answers)
    }
    assert with_language, "the demo ward has patients with an interpreter language"
    assert with_language <= expected["interpreter"] == expected["Dolmetscher"]


def test_precision_at_k_and_reciprocal_rank() -> None:
    query = Query("x", "two patients", frozenset({"a", "b"}))
    assert score(query, ["a", "b", "c"]).precision_at_k == 1.0
    late = score(query, ["c", "d", "a"])
    assert (late.precision_at_k, late.reciprocal_rank) == (0.0, 0.333)
    half = score(query, ["c", "b"])
    assert (half.precision_at_k, half.reciprocal_rank, half.returned) == (0.5, 0.5, 2)
    assert score(query, []).reciprocal_rank == 0.0
    many = Query("y", "twelve patients", frozenset(str(n) for n in range(12)))
    assert score(many, [str(n) for n in range(10)]).precision_at_k == 1.0  # k stops at 10


def test_the_report_covers_both_sets(tmp_path: Path) -> None:
    report = write_report(run(patients=40, repeat=1), tmp_path)
    result = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
    assert result["built_set"]["queries"] == len(BUILT_QUERIES)
    assert result["demo_set"]["queries"] >= 12
    assert result["queries"] == result["demo_set"]["queries"] + len(BUILT_QUERIES)
    text = report.read_text(encoding="utf-8")
    assert "## Demo set" in text
    assert "## Built set" in text
    assert "| `Fischer Apixaban` | en | the Fischer on Apixaban | 1 |" in text
