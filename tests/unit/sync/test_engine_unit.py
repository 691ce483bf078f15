"""The sync engine on the in-memory FHIR server: the exact statuses it reports, and what
lands in the cache and on the server, in milliseconds instead of a HAPI run.

The expected status sequences are written once, below: a status is its kind, and a
``SyncProgress`` its stage; a run of progress values in one stage counts once (how many
steps a stage takes is the pipeline's business), but within a stage ``done`` never goes
back and the stage ends complete.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from app.domain import Catalog, ContactKind, HomeCareContact, Provenance, Source
from app.store.database import Database
from sync import mapping
from sync.engine import (
    CHUNK_WHOLE,
    PATIENT_MAPPING_META,
    SyncFailed,
    SyncProgress,
    SyncStarted,
    SyncStatus,
    SyncSucceeded,
)
from tests.conftest import Clock
from tests.fhir_fake import FakeFhirServer, LoggedRequest
from tests.unit.sync.conftest import (
    COLLEAGUE,
    Workstation,
    answer_on_server,
    free_text_question,
    seed_ward,
)

# --- the expected sequences, in one place ------------------------------------------------

FIRST_SYNC = ["started", "assignment", "download", "reconcile", "succeeded"]
NO_CHANGE = ["started", "assignment", "download", "reconcile", "succeeded"]
UPLOAD = ["started", "upload", "assignment", "download", "reconcile", "succeeded"]
CONFLICT = ["started", "upload", "assignment", "download", "reconcile", "failed"]
SET_ASIDE = ["started", "upload", "assignment", "download", "reconcile", "failed"]
OFFLINE_AFTER_UPLOAD = ["started", "upload", "assignment", "failed"]
NOT_CONFORMANT = ["started", "assignment", "failed"]
OFFLINE_BEFORE_ANYTHING = ["started", "assignment", "failed"]
OFFLINE_WITH_EDITS = ["started", "upload", "failed"]

NO_CHANGE_REQUEST_BUDGET = 4
"""At most this many requests for a sync of three patients where nothing changed (today: the
assignment search and one batch of the changed-since searches)."""


def _kind(status: SyncStatus) -> str:
    if isinstance(status, SyncStarted):
        return "started"
    if isinstance(status, SyncProgress):
        return status.stage
    return "succeeded" if isinstance(status, SyncSucceeded) else "failed"


def sequence(statuses: list[SyncStatus]) -> list[str]:
    """The kinds in order, a run of progress in one stage counted once; checks the progress
    numbers are sane on the way (never backwards within a stage, never past the total)."""
    kinds: list[str] = []
    last: SyncProgress | None = None
    for status in statuses:
        kind = _kind(status)
        if isinstance(status, SyncProgress):
            assert 0 <= status.done <= status.total, status
            if last is not None and last.stage == status.stage:
                assert status.done >= last.done, (last, status)
                last = status
                continue
            last = status
        else:
            last = None
        kinds.append(kind)
    return kinds


def stages_end_complete(statuses: list[SyncStatus]) -> bool:
    """Every stage's last progress says it is done (for syncs that were not cut short)."""
    final: dict[str, SyncProgress] = {}
    for status in statuses:
        if isinstance(status, SyncProgress):
            final[status.stage] = status
    return all(p.done == p.total for p in final.values())


def _changes(request: LoggedRequest) -> bool:
    if request.method in ("PUT", "DELETE"):
        return True
    body = request.body if isinstance(request.body, dict) else {}
    entries = body.get("entry") or []
    return body.get("type") == "transaction" or any(
        (e.get("request") or {}).get("method") != "GET" for e in entries
    )


def writes(server: FakeFhirServer, since: int = 0) -> int:
    """Requests after ``since`` that change something on the server."""
    return sum(1 for request in server.requests[since:] if _changes(request))


# --- the tests ---------------------------------------------------------------------------


def test_first_sync_brings_exactly_the_assigned_patients_and_their_answers(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[0], "Daughter visits daily")
    answer_on_server(server, catalog, clock, ward.other_patient, "not for this nurse")

    summary = workstation.sync()

    assert sequence(workstation.statuses) == FIRST_SYNC
    assert stages_end_complete(workstation.statuses)
    assert summary.errors == ()
    assert summary.downloaded == 1  # the one answer of an assigned patient
    rows = workstation.service.charts.ward()
    assert sorted(r.patient.id for r in rows) == ward.patients
    first = next(r.patient for r in rows if r.patient.id == ward.patients[0])
    assert (first.ward, first.bed) == ("4B Internal Medicine", "10A")
    answer = workstation.service.repo.answer(f"obs-{ward.patients[0]}")
    assert answer is not None
    assert answer.value == "Daughter visits daily"
    assert workstation.service.repo.answer(f"obs-{ward.other_patient}") is None
    assert writes(server) == 0


def test_a_server_that_ignores_the_participant_param_stops_the_sync_before_anything_is_stored(
    workstation: Workstation, server: FakeFhirServer
) -> None:
    server.lenient_ignore = {"CareTeam": {"participant"}}  # and says so: not in the self link
    seed_ward(server)

    summary = workstation.sync()

    assert sequence(workstation.statuses) == NOT_CONFORMANT
    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert not failed.offline
    assert any("participant" in e for e in summary.errors)
    assert workstation.service.charts.ward() == []


def test_a_server_that_ignores_the_participant_param_and_hides_it_gives_only_the_nurses_patients(
    workstation: Workstation, server: FakeFhirServer
) -> None:
    server.lenient_ignore = {"CareTeam": {"participant"}}
    server.advertise_ignored = server.self_link_lies = True  # it claims it filtered
    ward = seed_ward(server)

    summary = workstation.sync()

    assert sequence(workstation.statuses) == FIRST_SYNC
    assert summary.errors == ()
    assert sorted(r.patient.id for r in workstation.service.charts.ward()) == ward.patients


def test_a_sync_when_nothing_changed_downloads_nothing_and_stays_cheap(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[1], "Lives alone")
    workstation.sync()
    before = len(server.requests)
    clock.now += clock.now - clock.now.replace(minute=0)  # some minutes later
    server.clock.advance(minutes=30)

    summary = workstation.sync()

    assert sequence(workstation.statuses) == NO_CHANGE
    assert summary.downloaded == 0
    assert summary.uploaded == 0
    assert summary.errors == ()
    made = len(server.requests) - before
    assert made <= NO_CHANGE_REQUEST_BUDGET, [
        (r.method, r.path, r.query) for r in server.requests[before:]
    ]
    assert writes(server, before) == 0


def test_an_answer_recorded_locally_is_uploaded_and_confirmed(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    code = free_text_question(catalog)
    answer = workstation.service.answers.record(
        ward.patients[0], code, "Son brings the shopping", Source.FAMILY
    )
    assert workstation.service.outbox.count() == 1

    summary = workstation.sync()

    assert sequence(workstation.statuses) == UPLOAD
    assert stages_end_complete(workstation.statuses)
    assert summary.uploaded == 1
    assert summary.errors == ()
    assert workstation.service.outbox.count() == 0
    on_server = server.get("Observation", answer.id)
    assert on_server is not None
    assert on_server["valueString"] == "Son brings the shopping"
    assert on_server["subject"] == {"reference": f"Patient/{ward.patients[0]}"}
    stored = workstation.state.server_doc("Observation", answer.id)
    assert stored is not None
    assert stored["meta"]["versionId"] == on_server["meta"]["versionId"]
    # The upload does not come back as a download on the next sync.
    assert workstation.sync().downloaded == 0


def test_a_colleagues_change_to_the_same_answer_is_kept_as_a_conflict(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    answer = workstation.service.answers.record(
        ward.patients[0], free_text_question(catalog), "first", Source.PATIENT
    )
    workstation.sync()
    theirs = server.get("Observation", answer.id)
    assert theirs is not None
    server.put({**theirs, "valueString": "the colleague's word", "status": "amended"})
    workstation.service.answers.correct(answer.id, "mine", Source.PATIENT)

    summary = workstation.sync()

    assert sequence(workstation.statuses) == CONFLICT
    assert summary.conflicts == 1
    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert not failed.offline
    [conflict] = workstation.state.conflicts()
    assert (conflict.resource_type, conflict.resource_id) == ("Observation", answer.id)
    assert conflict.mine["valueString"] == "mine"
    assert conflict.theirs["valueString"] == "the colleague's word"
    # Kept for a person: the server keeps the colleague's word, the edit waits locally.
    on_server = server.get("Observation", answer.id)
    assert on_server is not None
    assert on_server["valueString"] == "the colleague's word"
    assert workstation.service.outbox.count() == 1
    mine = workstation.service.repo.answer(answer.id)
    assert mine is not None
    assert mine.value == "mine"


def test_a_server_down_fails_offline_before_anything_is_read(
    workstation: Workstation, server: FakeFhirServer
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    server.down = True

    summary = workstation.sync()

    assert sequence(workstation.statuses) == OFFLINE_BEFORE_ANYTHING
    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert failed.offline
    assert summary.errors
    assert sorted(r.patient.id for r in workstation.service.charts.ward()) == ward.patients


def test_a_server_down_keeps_every_local_edit_for_the_next_sync(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    answer = workstation.service.answers.record(
        ward.patients[2], free_text_question(catalog), "Stairs are hard", Source.PATIENT
    )
    server.down = True
    before = json.dumps(server.all("Observation"))

    summary = workstation.sync()

    assert sequence(workstation.statuses) == OFFLINE_WITH_EDITS
    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert failed.offline
    assert summary.uploaded == 0
    assert json.dumps(server.all("Observation")) == before
    assert workstation.service.outbox.count() == 1
    kept = workstation.service.repo.answer(answer.id)
    assert kept is not None
    assert kept.value == "Stairs are hard"

    server.down = False
    assert workstation.sync().uploaded == 1
    assert sequence(workstation.statuses) == UPLOAD
    assert workstation.service.outbox.count() == 0
    on_server = server.get("Observation", answer.id)
    assert on_server is not None
    assert on_server["valueString"] == "Stairs are hard"


def test_pages_beyond_the_servers_page_size_are_all_followed(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    server.max_page_size = 2  # every search of the sync takes several pages
    ward = seed_ward(server, patients=5)
    for pid in ward.patients:
        answer_on_server(server, catalog, clock, pid, f"answer of {pid}")

    summary = workstation.sync()

    assert sequence(workstation.statuses) == FIRST_SYNC
    assert summary.errors == ()
    assert summary.downloaded == 5
    assert sorted(r.patient.id for r in workstation.service.charts.ward()) == ward.patients
    assert any(r.param("_getpages") for r in server.requests)


def test_an_answer_deleted_on_the_server_is_removed_from_the_cache(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[0], "Daughter visits daily")
    workstation.sync()
    server.remove("Observation", f"obs-{ward.patients[0]}")
    server.clock.advance(minutes=5)

    summary = workstation.sync()

    assert sequence(workstation.statuses) == NO_CHANGE
    assert summary.removed == 1
    assert workstation.service.repo.answer(f"obs-{ward.patients[0]}") is None


def test_a_change_the_server_refuses_is_set_aside_and_the_rest_goes_through(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    code = free_text_question(catalog)
    good = workstation.service.answers.record(ward.patients[0], code, "fine", Source.PATIENT)
    bad = workstation.service.answers.record(ward.patients[1], code, "refused", Source.PATIENT)
    server.validator = lambda res: "no" if res.get("valueString") == "refused" else None

    summary = workstation.sync()

    assert sequence(workstation.statuses) == SET_ASIDE
    assert (summary.uploaded, summary.set_aside) == (1, 1)
    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert not failed.offline
    assert server.get("Observation", good.id) is not None
    assert server.get("Observation", bad.id) is None
    assert workstation.service.outbox.count() == 1  # the refused one waits, with its reason
    [refused] = workstation.state.refused_changes()
    assert refused.resource_id == bad.id
    assert "422" in refused.reason


def test_an_upload_whose_answer_was_lost_is_not_sent_twice_as_a_conflict(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    answer = workstation.service.answers.record(
        ward.patients[0], free_text_question(catalog), "said once", Source.PATIENT
    )

    def lose_the_answer(request: httpx.Request) -> httpx.Response | None:
        if request.method == "POST" and b'"transaction"' in request.read():
            server.fault = None
            server.handle_request(request)  # the server commits ...
            raise httpx.ReadTimeout("... and the answer never arrives", request=request)
        return None

    server.fault = lose_the_answer
    summary = workstation.sync()

    assert summary.conflicts == 0
    assert summary.errors == ()
    assert workstation.service.outbox.count() == 0
    on_server = server.get("Observation", answer.id)
    assert on_server is not None
    assert on_server["valueString"] == "said once"


def test_the_server_going_away_mid_download_loses_nothing_and_the_next_sync_catches_up(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(server)
    workstation.sync()
    answer_on_server(server, catalog, clock, ward.patients[0], "new on the server")
    answer = workstation.service.answers.record(
        ward.patients[1], free_text_question(catalog), "mine", Source.PATIENT
    )

    def down_after_the_upload(request: httpx.Request) -> httpx.Response | None:
        if request.method == "GET" and request.url.path.endswith("/CareTeam"):
            server.down = True
            raise httpx.ConnectError("gone", request=request)
        return None

    server.fault = down_after_the_upload
    summary = workstation.sync()

    assert sequence(workstation.statuses) == OFFLINE_AFTER_UPLOAD
    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert failed.offline
    assert summary.uploaded == 1
    assert workstation.service.outbox.count() == 0
    assert server.get("Observation", answer.id) is not None
    assert workstation.service.repo.answer(f"obs-{ward.patients[0]}") is None

    server.fault = None
    server.down = False
    summary = workstation.sync()
    assert sequence(workstation.statuses) == NO_CHANGE
    assert summary.downloaded == 1
    assert workstation.service.repo.answer(f"obs-{ward.patients[0]}") is not None


def test_a_server_without_batch_is_read_with_plain_searches(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    """Its CapabilityStatement does not declare batch and it refuses one: the engine tries
    once, remembers, and reads with plain searches from then on."""
    server.batch = False
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[0], "Daughter visits daily")

    summary = workstation.sync()

    assert sequence(workstation.statuses) == FIRST_SYNC
    assert summary.errors == ()
    assert summary.downloaded == 1
    assert sorted(r.patient.id for r in workstation.service.charts.ward()) == ward.patients

    def batches() -> int:
        return sum(
            isinstance(r.body, dict) and r.body.get("type") == "batch" for r in server.requests
        )

    assert batches() == 1  # the one try
    workstation.sync()
    assert batches() == 1


def test_a_patient_leaving_the_care_team_leaves_the_cache(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[2], "Lives alone")
    workstation.sync()
    team = server.get("CareTeam", f"team-{ward.patients[2]}")
    assert team is not None
    server.put({**team, "status": "inactive"})

    summary = workstation.sync()

    assert sequence(workstation.statuses) == NO_CHANGE
    assert summary.removed >= 1
    assert sorted(r.patient.id for r in workstation.service.charts.ward()) == ward.patients[:2]
    assert workstation.service.repo.answer(f"obs-{ward.patients[2]}") is None


def test_a_sync_when_nothing_changed_writes_nothing_to_the_cache(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    """Not a History line, not a re-indexed patient, not a cursor: the searches since the
    cursor bring the newest resource of each kind again, and an agency's care team comes
    whole every time, but none of that is a change."""
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[1], "Lives alone")
    agency = HomeCareContact(
        id="agency-1",
        patient_id=ward.patients[0],
        kind=ContactKind.AGENCY,
        name="CityCare Nursing Service",
        relationship="home-care agency",
        consent_to_share=True,
        provenance=Provenance(
            recorded_by=COLLEAGUE, recorded_at=clock(), source=Source.OTHER_SYSTEM
        ),
    )
    server.put(mapping.contact_to_organization(agency))
    server.put(mapping.home_care_team(agency))
    workstation.sync()
    assert workstation.service.repo.contact(agency.id) is not None
    db = workstation.engine.db
    before = _snapshot(db)
    server.clock.advance(minutes=30)

    summary = workstation.sync()

    assert summary.errors == ()
    assert summary.downloaded == 0
    assert _snapshot(db) == before  # only the cursors moved on


def _snapshot(db: Database) -> dict[str, list[Any]]:
    """Everything the cache holds but the sync cursors (``patients_generation`` in the meta
    table counts every write of a patient, even one that changes nothing)."""
    tables = [
        "patients",
        "answers",
        "medications",
        "contacts",
        "history",
        "news",
        "search_facts",
        "server_resources",
        "discharge_plans",
        "discharge_tasks",
        "outbox",
    ]
    rows = {t: db.query(f"SELECT * FROM {t} ORDER BY 1") for t in tables}
    # patients_generation counts every write of a patient, even one that changes nothing.
    rows["meta"] = db.query("SELECT * FROM meta WHERE key NOT LIKE 'cursor:%' ORDER BY 1")
    return rows


def test_a_server_whose_batch_fails_with_500s_is_read_with_plain_searches(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    """A batch it cannot handle ends in 500s: one try (with the client's retries), then
    searches one by one — the sync itself succeeds, and later ones do not try again."""
    ward = seed_ward(server)
    answer_on_server(server, catalog, clock, ward.patients[0], "Daughter visits daily")

    def batch_crashes(request: httpx.Request) -> httpx.Response | None:
        if request.method == "POST" and b'"batch"' in request.content:
            return httpx.Response(500, json={"resourceType": "OperationOutcome"})
        return None

    server.fault = batch_crashes

    summary = workstation.sync()

    assert summary.errors == ()
    assert summary.downloaded == 1
    tried = sum(r.method == "POST" and r.path == "" for r in server.requests)
    assert tried >= 1
    workstation.sync()
    assert sum(r.method == "POST" and r.path == "" for r in server.requests) == tried


# --- the download pipeline: pages worked on while the next ones come --------------------------


def _batches(server: FakeFhirServer) -> int:
    return sum(isinstance(r.body, dict) and r.body.get("type") == "batch" for r in server.requests)


def test_a_large_first_download_comes_in_several_batches_and_every_answer_lands_on_its_patient(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    """More new patients than one batch of searches holds: each batch's pages are mapped
    while the next batch is fetched, and each answer still goes to its own patient."""
    ward = seed_ward(server, patients=CHUNK_WHOLE * 4 + 3)
    for pid in ward.patients:
        answer_on_server(server, catalog, clock, pid, f"answer of {pid}")

    summary = workstation.sync()

    assert sequence(workstation.statuses) == FIRST_SYNC
    assert summary.errors == ()
    assert summary.downloaded == len(ward.patients)
    assert _batches(server) >= 2
    for pid in ward.patients:
        answer = workstation.service.repo.answer(f"obs-{pid}")
        assert answer is not None
        assert (answer.patient_id, answer.value) == (pid, f"answer of {pid}")


def test_the_server_going_away_on_a_later_page_writes_nothing_of_what_came_before(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    """Pages already mapped ahead are not written: the cache stays as it was until every
    page has come and been checked, and the next sync brings everything."""
    server.max_page_size = 2
    ward = seed_ward(server, patients=5)
    for pid in ward.patients:
        answer_on_server(server, catalog, clock, pid, f"answer of {pid}")
    later_pages = 0

    def gone_on_the_third_later_page(request: httpx.Request) -> httpx.Response | None:
        nonlocal later_pages
        if "_getpages" in str(request.url):
            later_pages += 1
            if later_pages == 3:
                server.down = True
                raise httpx.ConnectError("gone", request=request)
        return None

    server.fault = gone_on_the_third_later_page
    workstation.sync()

    failed = workstation.statuses[-1]
    assert isinstance(failed, SyncFailed)
    assert failed.offline
    assert workstation.service.charts.ward() == []
    assert all(workstation.service.repo.answer(f"obs-{pid}") is None for pid in ward.patients)

    server.fault = None
    server.down = False
    summary = workstation.sync()
    assert summary.errors == ()
    assert summary.downloaded == len(ward.patients)


def test_an_answer_that_does_not_map_on_a_later_page_is_one_error_and_the_rest_lands(
    workstation: Workstation, server: FakeFhirServer, catalog: Catalog, clock: Clock
) -> None:
    server.max_page_size = 2
    ward = seed_ward(server, patients=4)
    for pid in ward.patients:
        answer_on_server(server, catalog, clock, pid, f"answer of {pid}")
    broken = server.get("Observation", f"obs-{ward.patients[-1]}")
    assert broken is not None
    broken["effectiveDateTime"] = "not a time"  # ours by its code, but not valid FHIR
    server.put(broken)

    summary = workstation.sync()

    assert len(summary.errors) == 1
    assert f"Observation/obs-{ward.patients[-1]}" in summary.errors[0]
    assert summary.downloaded == len(ward.patients) - 1
    assert workstation.sync().errors == ()  # told once, then left aside


def test_patients_cached_by_an_older_mapping_are_mapped_again_once_without_the_server(
    workstation: Workstation, server: FakeFhirServer, db: Database
) -> None:
    """An update that reads more of the Patient (here the hospital record's language) brings
    it to patients already cached, from their cached resources: nothing changed on the
    server, so nothing would be downloaded again."""
    ward = seed_ward(server)
    pid = ward.patients[0]
    record = server.get("Patient", pid)
    assert record is not None
    record["communication"] = [
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "de"}]}, "preferred": True}
    ]
    server.put(record)
    workstation.sync()
    repo = workstation.service.repo
    mapped = repo.patient(pid)
    assert mapped is not None
    assert [lang.code for lang in mapped.languages] == ["de"]
    # As an AskOnce before the hospital record was read left it:
    with db.transaction() as conn:
        repo.put_patient(conn, mapped.model_copy(update={"languages": ()}))
        repo.set_meta(conn, PATIENT_MAPPING_META, "1")

    summary = workstation.sync()

    assert summary.errors == ()
    assert summary.downloaded == 0
    again = repo.patient(pid)
    assert again is not None
    assert [lang.code for lang in again.languages] == ["de"]
    assert repo.meta(PATIENT_MAPPING_META) == mapping.PATIENT_MAPPING
