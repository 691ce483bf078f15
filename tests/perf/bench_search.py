"""Search relevance and latency (issue 15's yardstick). Writes a report; asserts nothing.

Run:  .venv/bin/python -m tests.perf.bench_search [--patients 10000] [--repeat 5]
Reports: tests/perf/reports/search-<patients>.md (and .json).

Relevance is measured on the 32-patient demo ward with queries a nurse types. What a
query should find is computed from the ward's records (who is lactose intolerant, who
has a hearing aid with them, whose daughter has that phone number …), never typed in by
hand, so the set follows the demo data. Per query: precision at k (k = how many patients
should be found, at most 10), the reciprocal rank of the first right patient, and the
number of patients returned. Latency: p50/p95 of the same queries on a ward of
``--patients`` patients.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from app import demo
from app.catalog import load_catalog
from app.domain import Answer, Catalog, ContactKind, RevisionStatus
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from tests.perf.bench_store import NOW, REPORTS

MAX_K = 10


@dataclass(frozen=True)
class Query:
    text: str
    need: str
    """What the nurse means, in words (for the report)."""
    expected: frozenset[str]
    """Patient ids a nurse would expect, any order."""


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
    hearing = _current(ward, "mobility.hearing-aid")
    queries = [
        Query("lactose", "lactose intolerant", _who(ward, lambda p: _is(lactose, p, True))),
        Query(
            "Laktose", "lactose intolerant (German)", _who(ward, lambda p: _is(lactose, p, True))
        ),
        Query(
            "interpreter",
            "needs an interpreter",
            _who(ward, lambda p: _is(interpreter, p, True)),
        ),
        Query(
            "Dolmetscher",
            "needs an interpreter (German)",
            _who(ward, lambda p: _is(interpreter, p, True)),
        ),
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
    return [hit.patient.id for hit in service.charts.search(text)]


@dataclass(frozen=True)
class QueryScore:
    query: str
    need: str
    expected: int
    returned: int
    precision_at_k: float
    reciprocal_rank: float


def score(query: Query, ranked: list[str]) -> QueryScore:
    k = min(len(query.expected), MAX_K)
    top = ranked[:k]
    first_right = next((i for i, pid in enumerate(ranked, 1) if pid in query.expected), None)
    return QueryScore(
        query=query.text,
        need=query.need,
        expected=len(query.expected),
        returned=len(ranked),
        precision_at_k=round(sum(pid in query.expected for pid in top) / k, 3),
        reciprocal_rank=round(1 / first_right, 3) if first_right else 0.0,
    )


def _open(patients: int, catalog: Catalog, folder: Path) -> tuple[Database, CareService]:
    db = Database.open(folder / f"search-{patients}.db", DatabaseKey.generate(), create=True)
    demo.load_into(db, catalog, demo.generate_ward(catalog, NOW, patients=patients))
    service = CareService(db, catalog, demo.DEMO_USER, workstation="bench", clock=lambda: NOW)
    return db, service


def _percentile(samples: Iterable[float], p: float) -> float:
    ordered = sorted(samples)
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)


def run(patients: int, repeat: int) -> dict[str, object]:
    catalog = load_catalog()
    ward = list(demo.generate_ward(catalog, NOW, patients=32))
    queries = relevance_queries(ward)
    with tempfile.TemporaryDirectory() as tmp:
        db, service = _open(32, catalog, Path(tmp))
        try:
            scores = [score(q, ranked_patients(service, q.text)) for q in queries]
        finally:
            db.close()
        db, service = _open(patients, catalog, Path(tmp))
        try:
            samples = []
            for _ in range(repeat):
                for q in queries:
                    start = time.perf_counter()
                    service.charts.search(q.text)
                    samples.append((time.perf_counter() - start) * 1000)
        finally:
            db.close()
    return {
        "patients": patients,
        "queries": len(queries),
        "mean_precision_at_k": round(statistics.mean(s.precision_at_k for s in scores), 3),
        "mean_reciprocal_rank": round(statistics.mean(s.reciprocal_rank for s in scores), 3),
        "latency_ms": {"p50": _percentile(samples, 0.5), "p95": _percentile(samples, 0.95)},
        "per_query": [asdict(s) for s in scores],
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
    }


def write_report(result: dict[str, object]) -> Path:
    REPORTS.mkdir(exist_ok=True)
    name = f"search-{result['patients']}"
    (REPORTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    latency = result["latency_ms"]
    assert isinstance(latency, dict)
    lines = [
        f"# Search: relevance on the demo ward, latency at {result['patients']} patients",
        "",
        f"- mean precision at k: **{result['mean_precision_at_k']}**",
        f"- mean reciprocal rank: **{result['mean_reciprocal_rank']}**",
        f"- latency over {result['queries']} queries: p50 **{latency['p50']} ms**,"
        f" p95 **{latency['p95']} ms**",
        f"- {result['machine']}",
        "",
        "| query | what the nurse means | should find | returned | P@k | RR |",
        "|---|---|---|---|---|---|",
    ]
    per_query = result["per_query"]
    assert isinstance(per_query, list)
    for s in per_query:
        lines.append(
            f"| `{s['query']}` | {s['need']} | {s['expected']} | {s['returned']} |"
            f" {s['precision_at_k']} | {s['reciprocal_rank']} |"
        )
    path = REPORTS / f"{name}.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(write_report(run(args.patients, args.repeat)))


if __name__ == "__main__":
    main()
