"""Search relevance and latency (issue 15's yardstick). Writes a report; asserts nothing.

Run:  .venv/bin/python -m tests.perf.bench_search [--patients 10000] [--repeat 5]
Reports: tests/perf/reports/search-<patients>.md (and .json).

Relevance is measured on two sets of queries a nurse types:

- the demo set, on the 32-patient demo ward: what a query should find is computed from
  the ward's records (who is lactose intolerant, who has a hearing aid with them, whose
  daughter has that phone number …), never typed in by hand, so the set follows the
  demo data;
- the built set (``tests.search_relevance``): a hand-written ward of hard cases (name
  twins, negated answers, German words, dates typed every way …) with hand-labelled
  queries.

Per query: precision at k (k = how many patients should be found, at most 10), the
reciprocal rank of the first right patient, and the number of patients returned.
Latency: p50/p95 of both sets' queries on a demo ward of ``--patients`` patients.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from app import demo
from app.catalog import load_catalog
from app.domain import Answer, Catalog, ContactKind, RevisionStatus
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from tests.perf.bench_store import NOW, REPORTS
from tests.search_relevance import QUERIES as BUILT_QUERIES
from tests.search_relevance import load_ward

MAX_K = 10


@dataclass(frozen=True)
class Query:
    text: str
    need: str
    """What the nurse means, in words (for the report)."""
    expected: frozenset[str]
    """Patient ids a nurse would expect, any order."""
    language: str = "en"


class Labelled(Protocol):
    """A query with the patients it should find (a demo-set ``Query``, a ``RelevanceQuery``)."""

    @property
    def text(self) -> str: ...
    @property
    def need(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def expected(self) -> frozenset[str]: ...


def _current(ward: list[demo.DemoPatient], code: str) -> dict[str, Answer]:
    found: dict[str, Answer] = {}
    for item in ward:
        for a in item.answers:
            if a.question_code == code and a.status is RevisionStatus.CURRENT:
                found[item.patient.id] = a
    return found


def _who(
    ward: list[demo.DemoPatient], wanted: Callable[[demo.DemoPatient], bool]
) -> frozenset[str]:
    return frozenset(p.patient.id for p in ward if wanted(p))


def relevance_queries(ward: list[demo.DemoPatient]) -> list[Query]:
    """The nurse's queries, with what each should find, derived from ``ward``."""
    lactose = _current(ward, "diet.lactose")
    interpreter = _current(ward, "communication.interpreter-needed")
    interpreter_language = _current(ward, "communication.interpreter-language")
    hearing = _current(ward, "mobility.hearing-aid")

    def lactose_intolerant(p: demo.DemoPatient) -> bool:
        # Said so when asked, or on the allergy and intolerance list from the chart.
        listed = any(a.substance.casefold() == "lactose" for a in p.patient.allergies)
        return _is(lactose, p, True) or listed

    def needs_interpreter(p: demo.DemoPatient) -> bool:
        # Said so, or the interpreter's language is recorded (asked only when one is needed).
        return _is(interpreter, p, True) or p.patient.id in interpreter_language

    queries = [
        Query("lactose", "lactose intolerant", _who(ward, lactose_intolerant)),
        Query("Laktose", "lactose intolerant (German)", _who(ward, lactose_intolerant)),
        Query("interpreter", "needs an interpreter", _who(ward, needs_interpreter)),
        Query("Dolmetscher", "needs an interpreter (German)", _who(ward, needs_interpreter)),
        Query(
            "hearing aid",
            "has a hearing aid",
            _who(ward, lambda p: p.patient.id in hearing and hearing[p.patient.id].value != "none"),
        ),
    ]
    first = ward[0].patient
    queries.append(
        Query(
            first.mrn, "the patient with this MRN", _who(ward, lambda p: p.patient.mrn == first.mrn)
        )
    )
    family = first.family_name
    queries.append(
        Query(family, "everybody called so", _who(ward, lambda p: p.patient.family_name == family))
    )
    if len(family) > 4:  # a one-letter typo
        typo = family[:2] + family[3:]
        queries.append(
            Query(
                typo, f"{family}, mistyped", _who(ward, lambda p: p.patient.family_name == family)
            )
        )
    umlaut = next(
        (p.patient for p in ward if any(c in p.patient.family_name for c in "äöüß")), None
    )
    if umlaut is not None:
        spelled = umlaut.family_name
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
            spelled = spelled.replace(a, b)
        queries.append(
            Query(
                spelled,
                f"{umlaut.family_name} typed without umlauts",
                _who(ward, lambda p: p.patient.family_name == umlaut.family_name),
            )
        )
    with_med = next(p for p in ward if p.medications)
    med_word = with_med.medications[0].name.split()[0]
    queries.append(
        Query(
            f"{with_med.patient.family_name} {med_word}",
            "a family name and a medication of that patient",
            _who(
                ward,
                lambda p: (
                    p.patient.family_name == with_med.patient.family_name
                    and any(m.name.split()[0] == med_word for m in p.medications)
                ),
            ),
        )
    )
    born = first.birth_date
    queries.append(
        Query(
            born.strftime("%d.%m.%Y"),
            "the birth date as written on a ward",
            _who(ward, lambda p: p.patient.birth_date == born),
        )
    )
    queries.append(
        Query(
            born.isoformat(),
            "the birth date, ISO",
            _who(ward, lambda p: p.patient.birth_date == born),
        )
    )
    helper = next(
        (p, c) for p in ward for c in p.contacts if c.kind is ContactKind.PERSON and c.telecom
    )
    digits = "".join(ch for ch in helper[1].telecom[0].value if ch.isdigit())[-5:]
    queries.append(
        Query(
            digits,
            "the last digits of a helper's phone",
            _who(
                ward,
                lambda p: any(
                    "".join(ch for ch in t.value if ch.isdigit()).endswith(digits)
                    for c in p.contacts
                    for t in c.telecom
                ),
            ),
        )
    )
    daughters = _who(
        ward, lambda p: any(c.relationship.casefold() == "daughter" for c in p.contacts)
    )
    queries.append(Query("daughter", "a daughter helps", daughters))
    queries.append(Query("Tochter", "a daughter helps (German)", daughters))
    return [q for q in queries if q.expected]


def _is(answers: dict[str, Answer], p: demo.DemoPatient, value: object) -> bool:
    answer = answers.get(p.patient.id)
    return answer is not None and answer.value == value


def ranked_patients(service: CareService, text: str) -> list[str]:
    """Patient ids in the order the search returns them (what the nurse sees)."""
    return [hit.patient.id for hit in service.charts.search(text).hits]


@dataclass(frozen=True)
class QueryScore:
    query: str
    need: str
    expected: int
    returned: int
    precision_at_k: float
    reciprocal_rank: float
    language: str = "en"
    first_returned: str = ""
    """The patient ranked first (reported for the built set, whose ids read as names)."""


def precision_at_k(expected: frozenset[str], ranked: Sequence[str]) -> float:
    """The share of right patients among the first k, k = len(expected) capped at MAX_K."""
    k = min(len(expected), MAX_K)
    return round(sum(pid in expected for pid in ranked[:k]) / k, 3)


def reciprocal_rank(expected: frozenset[str], ranked: Sequence[str]) -> float:
    first_right = next((i for i, pid in enumerate(ranked, 1) if pid in expected), None)
    return round(1 / first_right, 3) if first_right else 0.0


def score(query: Labelled, ranked: list[str], *, show_first: bool = False) -> QueryScore:
    return QueryScore(
        query=query.text,
        need=query.need,
        expected=len(query.expected),
        returned=len(ranked),
        precision_at_k=precision_at_k(query.expected, ranked),
        reciprocal_rank=reciprocal_rank(query.expected, ranked),
        language=query.language,
        first_returned=ranked[0] if show_first and ranked else "",
    )


def _service(db: Database, catalog: Catalog, language: str = "en") -> CareService:
    return CareService(
        db, catalog, demo.DEMO_USER, workstation="bench", clock=lambda: NOW, language=language
    )


def _open(patients: int, catalog: Catalog, folder: Path) -> tuple[Database, CareService]:
    db = Database.open(folder / f"search-{patients}.db", DatabaseKey.generate(), create=True)
    demo.load_into(db, catalog, demo.generate_ward(catalog, NOW, patients=patients))
    return db, _service(db, catalog)


def _built_scores(catalog: Catalog, folder: Path) -> list[QueryScore]:
    db = Database.open(folder / "search-built.db", DatabaseKey.generate(), create=True)
    try:
        load_ward(db, catalog)
        services = {q.language: _service(db, catalog, q.language) for q in BUILT_QUERIES}
        return [
            score(q, ranked_patients(services[q.language], q.text), show_first=True)
            for q in BUILT_QUERIES
        ]
    finally:
        db.close()


def _summary(scores: Sequence[QueryScore], samples: Sequence[list[float]]) -> dict[str, object]:
    flat = [ms for timings in samples for ms in timings]
    return {
        "queries": len(scores),
        "mean_precision_at_k": round(statistics.mean(s.precision_at_k for s in scores), 3),
        "mean_reciprocal_rank": round(statistics.mean(s.reciprocal_rank for s in scores), 3),
        "latency_ms": {"p50": _percentile(flat, 0.5), "p95": _percentile(flat, 0.95)},
        "per_query": [
            asdict(s) | {"median_ms": round(statistics.median(timings), 2)}
            for s, timings in zip(scores, samples, strict=True)
        ],
    }


def _percentile(samples: Iterable[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)


def _latencies(
    db: Database, catalog: Catalog, queries: Sequence[Labelled], repeat: int
) -> list[list[float]]:
    """Per query, its ``repeat`` timings in milliseconds."""
    services = {q.language: _service(db, catalog, q.language) for q in queries}
    samples: list[list[float]] = [[] for _ in queries]
    for _ in range(repeat):
        for q, timings in zip(queries, samples, strict=True):
            start = time.perf_counter()
            services[q.language].charts.search(q.text)
            timings.append((time.perf_counter() - start) * 1000)
    return samples


def run(patients: int, repeat: int) -> dict[str, object]:
    catalog = load_catalog()
    ward = list(demo.generate_ward(catalog, NOW, patients=32))
    queries = relevance_queries(ward)
    with tempfile.TemporaryDirectory() as tmp:
        db, service = _open(32, catalog, Path(tmp))
        try:
            demo_scores = [score(q, ranked_patients(service, q.text)) for q in queries]
        finally:
            db.close()
        built_scores = _built_scores(catalog, Path(tmp))
        db, _ = _open(patients, catalog, Path(tmp))
        try:
            demo_samples = _latencies(db, catalog, queries, repeat)
            built_samples = _latencies(db, catalog, BUILT_QUERIES, repeat)
        finally:
            db.close()
    samples = [ms for timings in demo_samples + built_samples for ms in timings]
    return {
        "patients": patients,
        "queries": len(queries) + len(BUILT_QUERIES),
        "latency_ms": {"p50": _percentile(samples, 0.5), "p95": _percentile(samples, 0.95)},
        "demo_set": _summary(demo_scores, demo_samples),
        "built_set": _summary(built_scores, built_samples),
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
    }


_SETS = (
    ("demo_set", "Demo set: queries derived from the 32-patient demo ward", False),
    ("built_set", "Built set: hand-labelled queries on the hard-case ward", True),
)


def _set_lines(title: str, summary: object, built: bool, patients: object) -> list[str]:
    assert isinstance(summary, dict)
    latency = summary["latency_ms"]
    lines = [
        f"## {title}",
        "",
        f"- mean precision at k: **{summary['mean_precision_at_k']}**",
        f"- mean reciprocal rank: **{summary['mean_reciprocal_rank']}**",
        f"- latency of its {summary['queries']} queries at {patients} patients:"
        f" p50 **{latency['p50']} ms**, p95 **{latency['p95']} ms**",
        "",
        "| query | lang | what the nurse means | should find | returned | P@k | RR | ms |"
        + (" first returned |" if built else ""),
        "|---|---|---|---|---|---|---|---|" + ("---|" if built else ""),
    ]
    for s in summary["per_query"]:
        lines.append(
            f"| `{s['query']}` | {s['language']} | {s['need']} | {s['expected']} |"
            f" {s['returned']} | {s['precision_at_k']} | {s['reciprocal_rank']} |"
            f" {s['median_ms']} |" + (f" {s['first_returned'] or '–'} |" if built else "")
        )
    return [*lines, ""]


def write_report(result: dict[str, object], folder: Path = REPORTS) -> Path:
    folder.mkdir(exist_ok=True)
    name = f"search-{result['patients']}"
    (folder / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    latency = result["latency_ms"]
    assert isinstance(latency, dict)
    lines = [
        f"# Search: relevance on two labelled sets, latency at {result['patients']} patients",
        "",
        f"- latency over all {result['queries']} queries: p50 **{latency['p50']} ms**,"
        f" p95 **{latency['p95']} ms**",
        f"- {result['machine']}",
        "",
    ]
    for key, title, built in _SETS:
        lines += _set_lines(title, result[key], built, result["patients"])
    path = folder / f"{name}.md"
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reports", type=Path, default=REPORTS, help="where the report goes")
    args = parser.parse_args()
    print(write_report(run(args.patients, args.repeat), args.reports))


if __name__ == "__main__":
    main()
