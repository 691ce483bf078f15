"""Workstations whose clocks are ten minutes off, against the real HAPI and Keycloak.

Nothing the server decides may depend on a workstation's clock (DESIGN.md §5, §6b): the
download cursor is the server's ``meta.lastUpdated``, and which of two edits of one
record wins is decided by the server's versions (If-Match), never by whose clock says
"later". Signing in works although Keycloak's ID token lives only minutes: its times are
checked on the provider's clock (the ``Date`` header of the token answer, which a reverse
proxy in front of Keycloak adds), the access token's expiry on ours.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from app.clock import system_clock
from app.domain import Answer, AnswerType, Catalog, Source
from app.store.sync_state import SyncState
from sync.oidc import OidcAuth, OidcClient, OidcConfig, WorkstationClockError
from tests.fhir_server import HapiServer
from tests.identity_server import NURSE_ANNA, Keycloak
from tests.integration.conftest import Workstation
from tests.integration.fhir_seed import get, seed_ward
from tests.integration.test_sign_in_keycloak import sign_in

pytestmark = pytest.mark.integration

SKEW = timedelta(minutes=10)


class SkewedClock:
    """The real time, ``offset`` off: a workstation whose clock was never set right."""

    def __init__(self, offset: timedelta) -> None:
        self.offset = offset

    def __call__(self) -> datetime:
        return system_clock() + self.offset

    def __repr__(self) -> str:
        return f"SkewedClock({self.offset})"


AHEAD, BEHIND = SkewedClock(SKEW), SkewedClock(-SKEW)

MakeWorkstation = Callable[..., Workstation]


def _question(catalog: Catalog) -> str:
    return next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)


def _recorded_at(answer: Answer) -> datetime:
    assert answer.provenance.recorded_at is not None
    return answer.provenance.recorded_at


def test_the_download_cursor_is_the_servers_time_and_skips_nothing(
    hapi: HapiServer, workstations: MakeWorkstation, catalog: Catalog
) -> None:
    """A (10 min ahead) syncs; B (10 min behind) then records an answer. A cursor taken
    from A's clock would lie 10 minutes after B's change on the server and skip it."""
    ward = seed_ward(hapi.base_url, patients=2)
    first, second = ward.patients
    a = workstations("a", ward.practitioner, AHEAD)
    b = workstations("b", ward.practitioner, BEHIND)
    code = _question(catalog)
    a.sync()
    b.sync()
    mine = a.service.answers.record(first, code, "Lives alone", Source.PATIENT)
    assert a.sync().errors == ()
    cursor = SyncState(a.db).cursor("Observation")
    assert cursor is not None
    assert cursor == get(hapi.base_url, f"Observation/{mine.id}")["meta"]["lastUpdated"], (
        "the cursor is the server's lastUpdated of the newest record seen"
    )
    assert datetime.fromisoformat(cursor) < a.service.now() - SKEW / 2

    theirs = b.service.answers.record(second, code, "Son has the key", Source.FAMILY)
    assert _recorded_at(theirs) < _recorded_at(mine), (
        "B's answer is newer on the server but older on the workstations' clocks"
    )
    assert b.sync().uploaded == 1

    summary = a.sync()
    assert summary.errors == ()
    assert summary.downloaded == 1
    received = a.service.repo.answer(theirs.id)
    assert received is not None
    assert received.value == "Son has the key"
    on_server = get(hapi.base_url, f"Observation/{theirs.id}")
    assert SyncState(a.db).cursor("Observation") == on_server["meta"]["lastUpdated"]


@pytest.mark.parametrize("later_uploads", [True, False], ids=["later-second", "earlier-second"])
def test_the_server_version_decides_a_conflict_not_the_clock(
    hapi: HapiServer, workstations: MakeWorkstation, catalog: Catalog, later_uploads: bool
) -> None:
    """Both correct the same answer from the same server version. Whoever uploads first
    wins; the second gets a conflict (If-Match refused), whether its clock says its edit
    came later (so it must not silently win) or earlier (so it must not be dropped)."""
    ward = seed_ward(hapi.base_url, patients=1)
    pid = ward.patients[0]
    ahead = workstations("ahead", ward.practitioner, AHEAD)
    behind = workstations("behind", ward.practitioner, BEHIND)
    ahead.sync()
    behind.sync()
    answer = behind.service.answers.record(pid, _question(catalog), "first", Source.PATIENT)
    behind.sync()
    ahead.sync()
    base = get(hapi.base_url, f"Observation/{answer.id}")["meta"]["versionId"]

    by_ahead = ahead.service.answers.correct(answer.id, "from the PC ahead", Source.PATIENT)
    by_behind = behind.service.answers.correct(answer.id, "from the PC behind", Source.FAMILY)
    assert _recorded_at(by_ahead) > _recorded_at(by_behind) + SKEW
    first, second = (behind, ahead) if later_uploads else (ahead, behind)
    winner, loser = (by_behind, by_ahead) if later_uploads else (by_ahead, by_behind)

    assert first.sync().conflicts == 0
    summary = second.sync()
    assert summary.conflicts == 1
    assert summary.uploaded == 0

    on_server = get(hapi.base_url, f"Observation/{answer.id}")
    assert on_server["valueString"] == winner.value
    assert on_server["meta"]["versionId"] == str(int(base) + 1), "one accepted write, no more"
    history = get(hapi.base_url, f"Observation/{answer.id}/_history")
    assert [e["resource"]["valueString"] for e in history["entry"]] == [winner.value, "first"]

    [conflict] = SyncState(second.db).conflicts()
    assert conflict.resource_id == answer.id
    assert "value" in conflict.fields
    assert conflict.mine["valueString"] == loser.value, "the second edit is kept, not dropped"
    assert conflict.theirs["valueString"] == winner.value
    assert second.service.outbox.count() == 1, "it waits for a person to decide"
    assert SyncState(first.db).conflicts() == []
    local = second.service.repo.answer(answer.id)
    assert local is not None
    assert local.value == loser.value, "nothing on the second PC was overwritten either"


# --- signing in with Keycloak on a workstation whose clock is off -------------------------------


class DateAddingFront(httpx.BaseTransport):
    """What a reverse proxy in front of Keycloak (nginx, Apache httpd, a load balancer) does
    to every answer: add the ``Date`` header. Keycloak itself (Quarkus) sends none, although
    RFC 9110 §6.6.1 asks an origin server with a clock for one. Keycloak runs on this
    machine, so the right date is this machine's real time."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        if "date" not in response.headers:
            response.headers["Date"] = format_datetime(system_clock(), usegmt=True)
        return response

    def close(self) -> None:
        self._inner.close()


@contextmanager
def _workstation_oidc(
    keycloak: Keycloak, clock: SkewedClock, *, front: bool
) -> Iterator[OidcClient]:
    client = OidcClient(
        OidcConfig(issuer=keycloak.issuer, client_id=keycloak.client_id),
        transport=DateAddingFront() if front else None,
        clock=clock,
    )
    try:
        yield client
    finally:
        client.close()


@pytest.mark.parametrize("clock", [AHEAD, BEHIND], ids=["ahead", "behind"])
def test_sign_in_and_refresh_work_with_the_workstation_clock_ten_minutes_off(
    keycloak: Keycloak, clock: SkewedClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Keycloak's ID token here lives 2 minutes: on the workstation's clock alone it would
    be expired (ahead) or not yet issued (behind), and nobody could sign in."""
    with _workstation_oidc(keycloak, clock, front=True) as oidc:
        with caplog.at_level(logging.WARNING, logger="sync.oidc"):
            asked_at = clock()
            tokens = sign_in(oidc, NURSE_ANNA)
        assert tokens.identity is not None
        assert tokens.identity.user_id == NURSE_ANNA.fhir_user
        where = "ahead of" if clock.offset > timedelta(0) else "behind"
        [line] = [r.getMessage() for r in caplog.records if r.name == "sync.oidc"]
        assert f" s {where} the identity provider's" in line
        seconds = int(line.split("clock is ")[1].split(" s ")[0])
        assert abs(seconds - 600) <= 5, line
        # The access token's expiry: expires_in (120 s in the test realm) on our own clock.
        assert asked_at + timedelta(seconds=120) <= tokens.expires_at
        assert tokens.expires_at <= clock() + timedelta(seconds=120)

        saved: list[str | None] = []
        auth = OidcAuth(
            oidc,
            user_id=NURSE_ANNA.fhir_user,
            refresh_token=tokens.refresh_token,
            save_refresh_token=saved.append,
            on_expired=lambda: pytest.fail("the session must not end"),
            access=tokens,
            clock=clock,
        )
        assert auth.token() == tokens.access_token, "fresh on our clock: no refresh"
        renewed = auth.refresh()  # Keycloak's answer carries an ID token, checked the same way
        assert renewed is not None
        assert renewed != tokens.access_token
        assert len(saved) == 1


def test_keycloak_answering_directly_gives_no_date_so_our_clock_decides(
    keycloak: Keycloak,
) -> None:
    """Without a Date header there is no trustworthy provider time: the ID token is checked
    on the workstation's clock, and one 10 minutes ahead is refused with a message IT can
    act on. (A reverse proxy in front adds Date; see the test above.)"""
    with (
        _workstation_oidc(keycloak, AHEAD, front=False) as oidc,
        pytest.raises(WorkstationClockError, match="clock is 10 minutes ahead"),
    ):
        sign_in(oidc, NURSE_ANNA)
    with _workstation_oidc(keycloak, SkewedClock(timedelta(0)), front=False) as right:
        assert sign_in(right, NURSE_ANNA).identity is not None, "a right clock is fine"
