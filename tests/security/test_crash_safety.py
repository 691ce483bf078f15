"""Crash safety (DESIGN.md §4): an edit and its outbox entry are both on disk or neither.

A writer process edits the cache in a loop and is killed with SIGKILL at a random moment,
again and again. After every kill the cache must open with the same key, pass SQLite's and
SQLCipher's integrity checks, hold an outbox entry for every local edit (and an edit for
every outbox entry), one history line and one audit entry per edit of the writer's (the
downloaded ward may bring history of its own), and an intact audit hash chain.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from app import demo
from app.domain import AuditAction, Catalog
from app.keys import DatabaseKey
from app.store.database import Database
from app.store.repository import Repository
from tests.conftest import Clock

RUNS = 25
SEED = 20261123
KILL_AFTER_S = (0.05, 0.6)
READY_TIMEOUT_S = 20.0
REPO_ROOT = Path(__file__).resolve().parents[2]
WRITER_ID = "Practitioner/crash-writer"

# The writer says nothing on stdout; it writes one byte to a pipe once the cache is open,
# so the random kill delay is measured from the start of its edit loop (not from
# interpreter start-up, which would make most kills land before any edit).
WRITER = textwrap.dedent(
    """
    import os
    import uuid
    from pathlib import Path

    from app.catalog import load_catalog
    from app.clock import system_clock
    from app.domain import Actor, AnswerType, HomeMedication, Source
    from app.keys import DatabaseKey
    from app.services import CareService
    from app.store.database import Database

    db = Database.open(
        Path(os.environ["ASKONCE_CRASH_DB"]),
        DatabaseKey(bytes.fromhex(os.environ["ASKONCE_CRASH_KEY_HEX"])),
    )
    catalog = load_catalog()
    writer = Actor(user_id=os.environ["ASKONCE_CRASH_WRITER"], display_name="Crash Writer")
    service = CareService(db, catalog, writer, workstation="crash-ws", clock=system_clock)
    patients = [s.patient.id for s in service.repo.patient_summaries()]
    questions = [q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT]
    os.write(int(os.environ["ASKONCE_CRASH_READY_FD"]), b"r")
    n = 0
    while True:
        n += 1
        tag = uuid.uuid4().hex
        patient_id = patients[n % len(patients)]
        question = questions[n % len(questions)]
        current = [
            a for a in service.repo.answers(patient_id)
            if a.question_code == question and a.status.value == "current"
        ]
        if current:
            service.answers.correct(current[-1].id, f"crash-answer-{tag}", Source.PATIENT)
        else:
            service.answers.record(patient_id, question, f"crash-answer-{tag}", Source.PATIENT)
        service.home_care.save_medication(
            HomeMedication(
                id=service.new_id(),
                patient_id=patient_id,
                name=f"crash-med-{tag}",
                provenance=service.provenance_now(Source.FAMILY),
            )
        )
    """
)


def _docs(db: Database, table: str) -> dict[str, dict[str, object]]:
    return {str(i): json.loads(doc) for i, doc in db.query(f"SELECT id, doc FROM {table}")}


def _run_and_kill(script: Path, env: dict[str, str], delay: float, log_path: Path) -> None:
    """Start the writer, wait until it edits, SIGKILL it ``delay`` seconds later."""
    ready_read, ready_write = os.pipe()
    try:
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [sys.executable, str(script)],
                env={**env, "ASKONCE_CRASH_READY_FD": str(ready_write)},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                pass_fds=(ready_write,),
                cwd=script.parent,
            )
            os.close(ready_write)
            ready_write = -1
            try:
                readable, _, _ = select.select([ready_read], [], [], READY_TIMEOUT_S)
                ready = bool(readable) and os.read(ready_read, 1) == b"r"
                if ready:
                    try:
                        proc.wait(timeout=delay)
                    except subprocess.TimeoutExpired:
                        proc.send_signal(signal.SIGKILL)
            finally:
                if proc.poll() is None and not ready:
                    proc.kill()
                returncode = proc.wait(timeout=10)
    finally:
        os.close(ready_read)
        if ready_write != -1:
            os.close(ready_write)
    if not ready or returncode != -signal.SIGKILL:
        pytest.fail(
            f"the writer did not run until killed (ready={ready}, exit={returncode}):\n"
            + log_path.read_text(errors="replace")[-4000:]
        )


@pytest.mark.slow
def test_edits_and_outbox_survive_sigkill_together(
    tmp_path: Path, catalog: Catalog, clock: Clock
) -> None:
    db_path = tmp_path / "cache.db"
    key = DatabaseKey.generate()
    db = Database.open(db_path, key, create=True)
    try:
        demo.load_into(db, catalog, demo.generate_ward(catalog, clock(), patients=3))
        downloaded_answers = _docs(db, "answers")
        downloaded_meds = _docs(db, "medications")
    finally:
        db.close()

    script = tmp_path / "crash_writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO_ROOT), os.environ.get("PYTHONPATH")))),
        # Test only: the raw key goes to our own child through its environment.
        "ASKONCE_CRASH_DB": str(db_path),
        "ASKONCE_CRASH_KEY_HEX": key.raw().hex(),
        "ASKONCE_CRASH_WRITER": WRITER_ID,
    }
    rng = random.Random(SEED)
    edits_after_run: list[int] = []

    for run in range(RUNS):
        delay = rng.uniform(*KILL_AFTER_S)
        _run_and_kill(script, env, delay, tmp_path / f"writer-{run}.log")

        db = Database.open(db_path, key)
        try:
            where = f"after kill {run} at {delay:.3f} s"
            assert db.integrity_problems() == [], where
            repo = Repository(db)
            outbox = repo.outbox()
            edited = {
                **{
                    i: doc
                    for i, doc in _docs(db, "answers").items()
                    if downloaded_answers.get(i) != doc
                },
                **{
                    i: doc
                    for i, doc in _docs(db, "medications").items()
                    if downloaded_meds.get(i) != doc
                },
            }
            queued = Counter(e.resource_id for e in outbox)
            assert sorted(set(edited) - set(queued)) == [], f"edits without outbox, {where}"
            assert sorted(set(queued) - set(edited)) == [], f"outbox without edit, {where}"
            latest = {e.resource_id: e for e in outbox}  # outbox is in commit order
            for resource_id, entry in latest.items():  # the newest payload is the saved record
                assert entry.payload == edited[resource_id], where

            history_lines = sum(
                json.loads(doc)["actor"]["user_id"] == WRITER_ID
                for (doc,) in db.query("SELECT doc FROM history")
            )
            assert history_lines == len(outbox), f"history lines vs outbox entries, {where}"
            audit_edits = [
                e
                for e in repo.audit_entries()
                if e.action is AuditAction.EDIT and e.user_id == WRITER_ID
            ]
            assert len(audit_edits) == len(outbox), f"audit entries vs outbox entries, {where}"
            assert repo.verify_audit_chain() is None, f"audit chain broken, {where}"
        finally:
            db.close()

        if edits_after_run:
            assert len(outbox) >= edits_after_run[-1], f"committed edits were lost, {where}"
        edits_after_run.append(len(outbox))

    grew = sum(b > a for a, b in zip([0, *edits_after_run], edits_after_run, strict=False))
    assert edits_after_run[-1] > 0, "the writer never wrote"
    assert grew >= RUNS // 2, f"the writer wrote in only {grew} of {RUNS} runs"
