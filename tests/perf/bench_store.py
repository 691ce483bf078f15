"""Benchmark of the encrypted cache at hospital scale. Writes a report; asserts nothing.

Run:  .venv/bin/python -m tests.perf.bench_store [--patients 10000] [--repeat 5]
The report lands in tests/perf/reports/store-<patients>.md (and .json).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app import demo
from app.catalog import load_catalog
from app.domain import Actor, Source
from app.keys import DatabaseKey, KdfParams, KeyWrapper
from app.services import CareService
from app.store.database import Database

REPORTS = Path(__file__).parent / "reports"
NOW = datetime(2026, 11, 23, 10, 30, tzinfo=UTC)


class _MemoryKeystore:
    """Benchmarks measure the KDF and the store, not the desktop keystore."""

    def __init__(self) -> None:
        self.secrets: dict[str, str] = {}

    def get_secret(self, name: str) -> str | None:
        return self.secrets.get(name)

    def set_secret(self, name: str, value: str) -> None:
        self.secrets[name] = value

    def delete_secret(self, name: str) -> None:
        self.secrets.pop(name, None)


def _timed(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return {
        "median_ms": round(statistics.median(samples), 2),
        "min_ms": round(min(samples), 2),
        "max_ms": round(max(samples), 2),
    }


def run(patients: int, repeat: int) -> dict[str, object]:
    catalog = load_catalog()
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="askonce-bench-") as tmp:
        path = Path(tmp) / "cache.db"
        key = DatabaseKey.generate()
        db = Database.open(path, key, create=True)
        start = time.perf_counter()
        demo.load_into(db, catalog, demo.generate_ward(catalog, NOW, patients=patients))
        results["load_patients_s"] = round(time.perf_counter() - start, 2)
        service = CareService(
            db,
            catalog,
            Actor(user_id="Practitioner/bench", display_name="Bench"),
            workstation="bench",
            clock=lambda: NOW,
        )
        rows = service.charts.ward()
        some = rows[len(rows) // 2].patient.id
        free_text = next(q for q in catalog.questions if q.answer_type.value == "free-text")
        counter = iter(range(10**9))
        results["ward_list"] = _timed(service.charts.ward, repeat)
        results["open_chart"] = _timed(lambda: service.charts.chart(some), repeat)
        results["discharge_board_week"] = _timed(service.discharge.board, repeat)
        results["discharge_board_all"] = _timed(
            lambda: service.discharge.board(window_days=None), repeat
        )
        results["search_name"] = _timed(lambda: service.charts.search("Müller"), repeat)
        results["search_phone_digits"] = _timed(lambda: service.charts.search("0171 23"), repeat)
        results["search_answer_word"] = _timed(lambda: service.charts.search("lactose"), repeat)
        chart = service.charts.chart(some)
        item = next(i for i in chart.board if i.question.code == free_text.code)
        answer = item.answer or service.answers.record(
            some, free_text.code, "bench", Source.PATIENT
        )
        results["correct_answer_with_outbox"] = _timed(
            lambda: service.answers.correct(answer.id, f"bench {next(counter)}", Source.PATIENT),
            repeat,
        )
        db.close()
        results["cache_file_mb"] = round(path.stat().st_size / 1e6, 1)
        results["open_existing_cache"] = _timed(lambda: Database.open(path, key).close(), repeat)
        keystore = _MemoryKeystore()
        wrapper = KeyWrapper(keystore, KdfParams())
        keyfile = Path(tmp) / "key.json"
        wrapper.create(keyfile, "bench-user", "correct horse")
        results["unlock_pin_argon2id_64mib"] = _timed(
            lambda: wrapper.unwrap(keyfile, "bench-user", "correct horse"), 3
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results = run(args.patients, args.repeat)
    meta = {
        "patients": args.patients,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
    }
    REPORTS.mkdir(exist_ok=True)
    stem = REPORTS / f"store-{args.patients}"
    stem.with_suffix(".json").write_text(json.dumps({**meta, **results}, indent=2) + "\n")
    lines = [
        f"# Cache benchmark, {args.patients} patients",
        "",
        *(f"- {k}: {v}" for k, v in meta.items()),
        "",
    ]
    lines += ["| measure | result |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in results.items()]
    stem.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
