"""The sync engine against a real FHIR server on a network that fails (DESIGN.md §5).

Each test seeds its own two-patient ward on the shared HAPI server, makes the same
three local edits (a correction of an answer the server already has, a new answer,
a new home medication), breaks one thing with ``FaultTransport`` and checks the
three promises: no edit lost, none duplicated, an honest status (see workstation.py).

Retries never really sleep: the client's ``sleep`` records the delays it was given.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

import sync.client
import sync.merge
from app.domain import Catalog, Patient, Source
from app.store.sync_state import SyncState
from sync.engine import SyncFailed, SyncSucceeded, SyncSummary
from sync.mapping import EXT_ACTION, EXT_SOURCE
from tests.faults.transport import (
    ExpireToken,
    ForwardThenRaise,
    Huge,
    Malformed,
    RaiseBeforeForward,
    Status,
)
from tests.faults.workstation import (
    RETRY,
    Edits,
    FaultyWorkstation,
    Run,
    assert_failed,
    assert_on_server,
    assert_succeeded,
    exists_on_server,
    free_text_codes,
    make_edits,
    server_count,
    server_history,
)
from tests.fhir_server import HapiServer
from tests.integration.fhir_seed import SeededWard, get, put, seed_ward

pytestmark = pytest.mark.integration

Setup = tuple[FaultyWorkstation, Edits]


@pytest.fixture
def workstation(
    tmp_path: Path, catalog: Catalog, hapi: HapiServer
) -> Iterator[Callable[[SeededWard], FaultyWorkstation]]:
    made: list[FaultyWorkstation] = []

    def make(ward: SeededWard) -> FaultyWorkstation:
        ws = FaultyWorkstation(
            tmp_path / f"ws{len(made)}.db", catalog, hapi.base_url, ward.practitioner, seed=20261123
        )
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()


@pytest.fixture
def edited(
    hapi: HapiServer, catalog: Catalog, workstation: Callable[..., FaultyWorkstation]
) -> Setup:
    """A synced two-patient ward with three unsent edits; the transport log starts empty."""
    ward = seed_ward(hapi.base_url, patients=2)
    ws = workstation(ward)
    return ws, make_edits(ws, ward, catalog)


def _obs(edits: Edits, rid: str) -> str:
    return f"Observation/{rid}"


def _nothing_uploaded_yet(base_url: str, edits: Edits) -> None:
    """The server still has the state before the three edits."""
    [only] = server_history(base_url, _obs(edits, edits.corrected))
    assert only["valueString"] == "Vegetarian"
    assert not exists_on_server(base_url, _obs(edits, edits.created))
    assert not exists_on_server(base_url, f"MedicationStatement/{edits.medication}")


def _backoff_ok(ws: FaultyWorkstation) -> None:
    """Sleeps without Retry-After follow the policy: equal jitter, doubling, capped."""
    for n, sleep in enumerate(ws.sleeps):
        cap = min(RETRY.max_delay, RETRY.base_delay * 2**n)
        assert cap / 2 <= sleep.delay <= cap, (n, sleep)


def _sync_or_fail(ws: FaultyWorkstation) -> Run:
    """A sync that raises instead of reporting is itself a finding: say so plainly."""
    try:
        return ws.sync()
    except Exception as exc:  # noqa: BLE001 -- turning a crash into a clear failure
        pytest.fail(
            f"sync() raised {type(exc).__name__}: {exc!r} instead of reporting SyncFailed; "
            f"statuses emitted: {[type(s).__name__ for s in ws.statuses]}"
        )


# --- (1) 500/503 with Retry-After on the transaction ---------------------------------------


def _http_date(seconds: int) -> str:
    return format_datetime(datetime.now(UTC) + timedelta(seconds=seconds), usegmt=True)


@pytest.mark.parametrize(
    ("code", "retry_after", "times", "low", "high"),
    [
        pytest.param(503, "7", 1, 7.0, 7.0, id="503-seconds"),
        pytest.param(500, "2", 1, 2.0, 2.0, id="500-seconds"),
        pytest.param(503, "3", 2, 3.0, 3.0, id="503-twice"),
        pytest.param(503, "3600", 1, RETRY.max_delay, RETRY.max_delay, id="capped"),
        pytest.param(503, "http-date+10s", 1, 8.0, 10.0, id="http-date"),
    ],
)
def test_5xx_with_retry_after_is_retried_after_that_delay(
    hapi: HapiServer,
    edited: Setup,
    code: int,
    retry_after: str,
    times: int,
    low: float,
    high: float,
) -> None:
    ws, edits = edited
    value = _http_date(10) if retry_after.startswith("http-date") else retry_after
    ws.transport.transaction_rule(Status(code, value), count=times)

    run = ws.sync()

    assert_succeeded(ws, run)
    posts = ws.transport.transactions()
    assert [p.status for p in posts] == [code] * times + [200]
    assert all(p.server_status is None for p in posts[:times])  # the 5xx never reached HAPI
    assert len(ws.sleeps) == times
    for n, sleep in enumerate(ws.sleeps):
        assert low <= sleep.delay <= high, sleep
        # Slept right after the n-th refused POST, before the replay.
        assert ws.transport.log[sleep.after_request - 1] is posts[n]
    assert_on_server(hapi.base_url, edits)


def test_a_server_busy_on_every_attempt_is_a_failed_sync_then_a_clean_one(
    hapi: HapiServer, edited: Setup
) -> None:
    ws, edits = edited
    ws.transport.transaction_rule(Status(503, "1"), count=None)
    before = ws.snapshot()

    failed = ws.sync()

    assert_failed(failed, "503", offline=True)
    assert len(ws.transport.transactions()) == RETRY.attempts  # bounded
    assert [s.delay for s in ws.sleeps] == [1.0] * (RETRY.attempts - 1)
    assert ws.service.outbox.count() == 3
    assert ws.snapshot() == before
    _nothing_uploaded_yet(hapi.base_url, edits)

    ws.transport.clear()
    assert_succeeded(ws, ws.sync())
    assert_on_server(hapi.base_url, edits)


def test_locking_while_the_sync_waits_to_retry_stops_it_and_keeps_the_edits(
    hapi: HapiServer, edited: Setup
) -> None:
    ws, edits = edited
    ws.transport.transaction_rule(Status(503, "5"), count=None)
    ws.lock_while_waiting = True
    before = ws.snapshot()
    ws.statuses = []

    summary = ws.engine.sync()

    assert len(ws.transport.transactions()) == 1  # no retry after the lock
    assert any("stopped" in e for e in summary.errors), summary
    assert not any(isinstance(s, SyncSucceeded | SyncFailed) for s in ws.statuses)  # UI is gone
    assert ws.service.outbox.count() == 3
    assert ws.snapshot() == before
    # A sync that was already queued when the lock came never starts.
    seen = len(ws.transport.log)
    assert ws.engine.sync() == SyncSummary(errors=("sync stopped",))
    assert len(ws.transport.log) == seen
    _nothing_uploaded_yet(hapi.base_url, edits)

    # After the unlock a new engine sends everything.
    ws.lock_while_waiting = False
    ws.transport.clear()
    ws.engine = ws.new_engine()
    assert_succeeded(ws, ws.sync())
    assert_on_server(hapi.base_url, edits)


# --- (2) timeout after the server committed the transaction ---------------------------------


def test_timeout_after_commit_then_next_sync_sends_again_without_duplicates(
    hapi: HapiServer, edited: Setup
) -> None:
    ws, edits = edited
    # Every attempt of this sync reaches the server, and every answer is lost.
    ws.transport.transaction_rule(ForwardThenRaise(httpx.ReadTimeout), count=RETRY.attempts)
    before = ws.snapshot()

    failed = ws.sync()

    assert_failed(failed, "no answer from the server", offline=True)
    posts = ws.transport.transactions()
    assert len(posts) == RETRY.attempts
    assert posts[0].server_status == 200  # committed; the client never heard
    _backoff_ok(ws)
    # The client cannot know the server has it: the edits stay queued, nothing is lost.
    assert ws.service.outbox.count() == 3
    assert ws.snapshot() == before

    ws.transport.clear()
    again = ws.sync()

    assert_succeeded(ws, again)
    assert again.summary.conflicts == 0
    assert ws.state.conflicts() == []
    assert_on_server(hapi.base_url, edits)  # one version per edit: the resend added none


def test_timeout_after_commit_on_the_first_attempt_is_retried_within_the_sync(
    hapi: HapiServer, edited: Setup
) -> None:
    ws, edits = edited
    ws.transport.transaction_rule(ForwardThenRaise(httpx.ReadTimeout), count=1)

    run = ws.sync()

    assert_succeeded(ws, run)
    assert run.summary.uploaded == 3
    assert ws.transport.transactions()[0].server_status == 200
    assert len(ws.sleeps) == 1
    _backoff_ok(ws)
    assert_on_server(hapi.base_url, edits)


def test_a_colleagues_change_after_a_lost_answer_is_not_overwritten(
    hapi: HapiServer, edited: Setup
) -> None:
    """The create reached the server but its answer was lost; before the next sync a
    colleague corrects that answer on the server. The resend must not silently put the
    older value back (DESIGN.md §5: nothing is overwritten silently)."""
    ws, edits = edited
    ws.transport.transaction_rule(ForwardThenRaise(httpx.ReadTimeout), count=RETRY.attempts)
    assert_failed(ws.sync(), "no answer from the server", offline=True)
    key = _obs(edits, edits.created)
    theirs = get(hapi.base_url, key)
    assert theirs["valueString"] == "Halal"  # committed although the client never heard
    theirs["valueString"] = "Halal, and no gelatine (daughter)"
    put(hapi.base_url, theirs)  # a colleague's workstation, meanwhile

    ws.transport.clear()
    ws.sync()

    now = get(hapi.base_url, key)["valueString"]
    in_conflict = any(c.resource_id == edits.created for c in ws.state.conflicts())
    assert now == "Halal, and no gelatine (daughter)" or in_conflict, (
        f"the colleague's change was overwritten with {now!r} and no conflict was recorded; "
        f"the resend was {[s.method + ' ' + s.path for s in ws.transport.log if key in s.path]}"
    )


class _OrderedKeys:
    """The same members as a set, iterated in a fixed order (for pinning set order)."""

    def __init__(self, keys: list[str]) -> None:
        self._keys = keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def __rsub__(self, other: set[str]) -> set[str]:
        return {k for k in other if k not in self._keys}


@pytest.mark.parametrize("order", ["source-first", "action-first"])
def test_resending_what_the_server_already_has_adds_no_version(
    hapi: HapiServer, edited: Setup, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """After a lost answer, the resend of the correction meets 409 (stale If-Match) and
    goes through the three-way merge. Nothing is new, so the merge must PUT exactly what
    the server holds; HAPI then adds no version.

    sync/merge.py iterates ``_BOOKKEEPING``, a set, to copy the bookkeeping extensions;
    its order changes from process to process (PYTHONHASHSEED). Both orders are pinned
    here, so the outcome does not depend on the seed of this run.
    """
    pair = [f"ext:{EXT_SOURCE}", f"ext:{EXT_ACTION}"]
    rest = sorted(k for k in sync.merge._BOOKKEEPING if k not in pair)
    pinned = _OrderedKeys([*rest, *(pair if order == "source-first" else pair[::-1])])
    assert set(pinned) == sync.merge._BOOKKEEPING
    monkeypatch.setattr(sync.merge, "_BOOKKEEPING", pinned)
    ws, edits = edited
    ws.transport.transaction_rule(ForwardThenRaise(httpx.ReadTimeout), count=1)

    assert_succeeded(ws, ws.sync())

    assert_on_server(hapi.base_url, edits, reordered_ok=False)


# --- (3) connection broken mid-upload --------------------------------------------------------


@pytest.mark.parametrize(
    "error",
    [httpx.RemoteProtocolError, httpx.ConnectError, httpx.WriteError],
    ids=lambda e: e.__name__,
)
def test_connection_broken_mid_upload_keeps_the_edits_for_the_next_sync(
    hapi: HapiServer, edited: Setup, error: type[httpx.TransportError]
) -> None:
    ws, edits = edited
    ws.transport.transaction_rule(RaiseBeforeForward(error), count=None)
    before = ws.snapshot()

    failed = ws.sync()

    assert_failed(failed, "no answer from the server", offline=True)
    assert len(ws.transport.transactions()) == RETRY.attempts
    assert all(p.server_status is None for p in ws.transport.transactions())
    _backoff_ok(ws)
    assert ws.service.outbox.count() == 3
    assert ws.snapshot() == before
    _nothing_uploaded_yet(hapi.base_url, edits)

    # Work goes on offline: the new answer is corrected again before the next sync.
    ws.service.answers.correct(edits.created, "Halal, no pork gelatine", Source.FAMILY)
    edits.values[_obs(edits, edits.created)] = "Halal, no pork gelatine"
    edits.versions[_obs(edits, edits.created)] = ["Halal, no pork gelatine"]  # squashed

    ws.transport.clear()
    again = ws.sync()

    assert_succeeded(ws, again)
    assert again.summary.uploaded == 3
    assert_on_server(hapi.base_url, edits)


# --- (4) one entry of the bundle is bad --------------------------------------------------------


def _ghost_patient(ws: FaultyWorkstation, tag: str) -> str:
    """A patient in the cache that the server does not know (its edits are refused)."""
    pid = f"ghost-{tag}"
    patient = Patient(
        id=pid,
        mrn=f"G{tag}",
        family_name="Ghost",
        given_name="Gerda",
        birth_date=date(1950, 5, 1),
        admitted_at=datetime(2026, 11, 20, 8, tzinfo=UTC),
    )
    with ws.db.transaction() as conn:
        ws.service.repo.put_patient(conn, patient)
    return pid


def test_an_entry_the_server_refuses_is_set_aside_and_the_rest_goes_through(
    hapi: HapiServer, catalog: Catalog, edited: Setup
) -> None:
    ws, edits = edited
    ghost = _ghost_patient(ws, edits.ward.patients[0])
    code = free_text_codes(catalog)[1]
    bad = ws.service.answers.record(ghost, code, "Needs glasses", Source.PATIENT)
    assert ws.service.outbox.count() == 4

    run = ws.sync()

    final = assert_failed(run, "1 change(s) set aside", offline=False)
    assert final.summary.set_aside == 1
    assert final.summary.uploaded == 3
    # The whole transaction was refused (HAPI: dangling reference), then entries went singly.
    [post] = ws.transport.transactions()
    assert post.server_status == 400
    singles = ws.transport.requests("PUT")
    assert len(singles) == 4
    assert [s.server_status for s in singles].count(400) == 1
    # Set aside, visibly, with the server's reason; not lost.
    [(rtype, rid, reason)] = ws.state.held()
    assert (rtype, rid) == ("Observation", bad.id)
    assert "refused by the server (400" in reason
    assert ws.service.outbox.count() == 1
    assert ws.service.repo.answer(bad.id) is not None
    assert ghost in {r.patient.id for r in ws.service.charts.ward()}  # kept: it has an unsent edit
    # The rest reached the server, once each.
    assert_on_server(hapi.base_url, edits)
    assert not exists_on_server(hapi.base_url, f"Observation/{bad.id}")


def test_a_change_still_set_aside_is_never_reported_as_up_to_date(
    hapi: HapiServer, catalog: Catalog, edited: Setup
) -> None:
    """DESIGN.md §5: 'Up to date' only when the outbox is empty."""
    ws, edits = edited
    ghost = _ghost_patient(ws, edits.ward.patients[0])
    bad = ws.service.answers.record(ghost, free_text_codes(catalog)[1], "x", Source.PATIENT)
    assert_failed(ws.sync(), "1 change(s) set aside", offline=False)

    follow_up = ws.sync()  # nothing new to send; the refused change still waits

    assert [r[1] for r in ws.state.held()] == [bad.id]
    assert ws.service.outbox.count() == 1
    assert not isinstance(follow_up.final, SyncSucceeded), (
        "SyncSucceeded while a refused change is still in the outbox"
    )
    assert isinstance(follow_up.final, SyncFailed)


@pytest.mark.parametrize(
    "corruption",
    ["medication-without-name", "question-left-the-catalog"],
)
def test_a_corrupt_outbox_payload_is_set_aside_and_the_rest_goes_through(
    hapi: HapiServer, edited: Setup, corruption: str
) -> None:
    ws, edits = edited
    if corruption == "medication-without-name":
        target = f"MedicationStatement/{edits.medication}"
        rid, patient, rtype = edits.medication, edits.ward.patients[0], "MedicationStatement"
    else:
        # e.g. the hospital removed a question from its catalog while an answer was queued
        target = _obs(edits, edits.created)
        rid, patient, rtype = edits.created, edits.ward.patients[1], "Observation"
    [(payload,)] = ws.db.query("SELECT payload FROM outbox WHERE resource_id = ?", (rid,))
    doc = json.loads(payload)
    if corruption == "medication-without-name":
        del doc["name"]
    else:
        doc["question_code"] = "no-such-question"
    ws.db.execute("UPDATE outbox SET payload = ? WHERE resource_id = ?", (json.dumps(doc), rid))

    run = _sync_or_fail(ws)

    final = assert_failed(run, "1 change", offline=False)
    assert final.summary.set_aside == 1
    assert final.summary.uploaded == 2
    [(held_type, held_id, reason)] = ws.state.held()
    assert (held_type, held_id) == (rtype, rid)
    assert reason.startswith("cannot be sent")
    assert ws.service.outbox.count() == 1  # kept, not dropped
    assert not exists_on_server(hapi.base_url, target)
    edits.per_patient[patient][rtype] -= 1
    assert_on_server(hapi.base_url, edits, except_=(target,))


# --- (5) malformed JSON during download --------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "fault"),
    [
        pytest.param(dict(method="GET", path_is="CareTeam"), Malformed(), id="assignment"),
        pytest.param(
            dict(method="GET", path_is="Observation", query="_count=1000"),
            Malformed(),
            id="observation-download",
        ),
        pytest.param(
            dict(method="GET", path_is="MedicationStatement", query="_summary=count"),
            Malformed(),
            id="reconcile",
        ),
        pytest.param(
            dict(method="GET", path_is="Patient"),
            Malformed(b"<html><body>502 Bad Gateway</body></html>", "text/html"),
            id="html-from-a-proxy",
        ),
    ],
)
def test_malformed_json_in_a_search_fails_the_sync_and_deletes_nothing(
    hapi: HapiServer, edited: Setup, where: dict[str, str], fault: Malformed
) -> None:
    ws, edits = edited
    assert_succeeded(ws, ws.sync())  # the three edits are on the server
    # A colleague changes the new answer on the server meanwhile.
    key = _obs(edits, edits.created)
    theirs = get(hapi.base_url, key)
    theirs["valueString"] = "Halal (confirmed by the daughter)"
    put(hapi.base_url, theirs)
    edits.expect(key, theirs["valueString"])
    before = ws.snapshot()
    ws.transport.log.clear()
    ws.transport.add(fault, **where)

    failed = ws.sync()

    assert_failed(failed, "not JSON", offline=False)
    assert [s.fault for s in ws.transport.log].count("malformed body") == 1  # not retried
    after = ws.snapshot()
    for part in ("patients", "answers", "medications", "contacts"):
        assert set(after[part]) >= set(before[part]), part  # nothing deleted locally
    assert ws.service.outbox.count() == 0

    ws.transport.clear()
    assert_succeeded(ws, ws.sync())
    # The colleague's change was not skipped (the cursor did not run ahead of the data).
    answer = ws.service.repo.answer(edits.created)
    assert answer is not None
    assert answer.value == "Halal (confirmed by the daughter)"
    assert ws.snapshot()["patients"] == before["patients"]
    assert_on_server(hapi.base_url, edits)


# --- (6) a huge response ------------------------------------------------------------------------

LIMIT = 256 * 1024


@pytest.mark.parametrize(
    ("where", "fault"),
    [
        pytest.param(dict(method="GET", path_is="Patient"), Huge(4 * LIMIT), id="declared"),
        pytest.param(
            dict(method="GET", path_is="Observation", query="_count=1000"),
            Huge(16 * LIMIT, declared=False),
            id="streamed",
        ),
        pytest.param(
            dict(method="POST", path_is=""),
            Huge(16 * LIMIT, declared=False, forward=True),
            id="transaction-answer",
        ),
    ],
)
def test_a_huge_response_fails_the_sync_and_loses_nothing(
    hapi: HapiServer,
    edited: Setup,
    monkeypatch: pytest.MonkeyPatch,
    where: dict[str, str],
    fault: Huge,
) -> None:
    ws, edits = edited
    monkeypatch.setattr(sync.client, "MAX_RESPONSE_BYTES", LIMIT)
    ws.transport.add(fault, **where)
    before = ws.snapshot()

    failed = ws.sync()

    assert_failed(failed, "too large", offline=False)
    assert fault.handed_out <= LIMIT + 64 * 1024  # stopped reading at the limit
    after = ws.snapshot()
    for part in ("patients", "answers", "medications", "contacts"):
        assert set(after[part]) >= set(before[part]), part
    if fault.forward:
        # The server committed, the client could not read the answer: still queued.
        assert ws.transport.transactions()[0].server_status == 200
        assert ws.service.outbox.count() == 3

    ws.transport.clear()
    assert_succeeded(ws, ws.sync())
    assert_on_server(hapi.base_url, edits)


# --- (7) token expiry mid-sync ----------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(dict(method="POST", path_is=""), id="upload"),
        pytest.param(
            dict(method="GET", path_is="MedicationStatement", query="_count=1000"), id="download"
        ),
    ],
)
def test_token_expiry_mid_sync_is_one_refresh_and_a_replay(
    hapi: HapiServer, edited: Setup, where: dict[str, str]
) -> None:
    ws, edits = edited
    ws.transport.add(ExpireToken(), **where)

    run = ws.sync()

    assert_succeeded(ws, run)
    assert ws.auth.refreshes == 1
    log = ws.transport.log
    [n] = [i for i, s in enumerate(log) if s.fault == "token expired"]
    refused = log[n]
    # Replayed with the new token (a search in a batch comes again with its whole batch).
    replay = next(
        s
        for s in log[n + 1 :]
        if (s.method, s.path, s.query, s.body)
        == (refused.method, refused.path, refused.query, refused.body)
    )
    assert (refused.token, replay.token, replay.status) == ("token-1", "token-2", 200)
    assert {s.token for s in log[:n]} <= {"token-1"}  # (empty when the upload came first)
    assert {s.token for s in log[n + 1 :]} == {"token-2"}  # the old token is not used again
    assert ws.sleeps == []  # a refresh is not a retry
    assert_on_server(hapi.base_url, edits)


def test_a_token_that_cannot_be_refreshed_fails_honestly_and_keeps_the_edits(
    hapi: HapiServer, edited: Setup
) -> None:
    ws, edits = edited
    ws.auth.can_refresh = False
    ws.transport.transaction_rule(ExpireToken())
    before = ws.snapshot()

    failed = ws.sync()

    assert_failed(failed, "sign-in", offline=False)
    assert ws.auth.refreshes == 1  # one attempt, no loop
    assert len(ws.transport.log) == 1
    assert ws.service.outbox.count() == 3
    assert ws.snapshot() == before
    _nothing_uploaded_yet(hapi.base_url, edits)

    ws.auth.can_refresh = True  # signed in again
    assert_succeeded(ws, ws.sync())
    assert ws.auth.refreshes == 2
    assert_on_server(hapi.base_url, edits)


# --- (8) the server goes away in the middle of a sync, then comes back ---------------------------


@pytest.mark.parametrize(
    ("after", "committing"),
    [
        pytest.param(0, False, id="before-the-upload"),
        pytest.param(0, True, id="while-committing-the-upload"),
        pytest.param(6, False, id="mid-download"),
    ],
)
def test_the_server_going_away_mid_sync_loses_and_duplicates_nothing(
    hapi: HapiServer, edited: Setup, after: int, committing: bool
) -> None:
    ws, edits = edited
    ws.transport.go_down(after=after, committing=committing)

    first = ws.sync()

    assert_failed(first, "no answer from the server", offline=True)
    _backoff_ok(ws)
    assert len(ws.sleeps) == RETRY.attempts - 1
    committed = any(p.server_status == 200 for p in ws.transport.transactions())
    assert committed == (after > 0 or committing)
    if after > 0:
        # Upload confirmed before the server went away; the download did not finish.
        assert ws.service.outbox.count() == 0
    else:
        assert ws.service.outbox.count() == 3

    # Offline meanwhile: the nurse corrects the new answer once more.
    key = _obs(edits, edits.created)
    ws.service.answers.correct(edits.created, "Halal, no alcohol in medicines", Source.FAMILY)
    if committed:
        edits.expect(key, "Halal, no alcohol in medicines")
    else:
        edits.values[key] = "Halal, no alcohol in medicines"
        edits.versions[key] = ["Halal, no alcohol in medicines"]

    still_down = ws.sync()
    assert_failed(still_down, "no answer from the server", offline=True)
    assert ws.service.outbox.count() >= 1

    ws.transport.come_back()
    back = ws.sync()

    assert_succeeded(ws, back)
    assert back.summary.conflicts == 0
    assert [type(r.final) for r in ws.runs[-3:]] == [SyncFailed, SyncFailed, SyncSucceeded]
    assert_on_server(hapi.base_url, edits)
    local = ws.service.repo.answer(edits.created)
    assert local is not None
    assert local.value == "Halal, no alcohol in medicines"
    assert server_count(hapi.base_url, "Observation", edits.ward.patients[1]) == 1
    assert SyncState(ws.db).held() == []
