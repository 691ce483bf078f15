"""Who has a cache here, PIN throttling and lockout, the cap on cached users (DESIGN.md §6).

The caches are real SQLCipher files under the test's own home and the key files are
written by the real ``KeyWrapper`` (cheap Argon2id parameters); only the OS keystore
is an in-memory stand-in (tests/security covers the real Secret Service).
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.accounts import (
    ATTEMPTS_FILE,
    FREE_TRIES,
    MAX_DELAY_S,
    PROFILE_FILE,
    PinThrottle,
    UserProfile,
    cached_users,
    evictable,
    save_profile,
)
from app.clock import system_clock
from app.domain import Actor, AnswerType, AuditAction, Catalog, Patient, Role, Source
from app.errors import LockedOutError, PinThrottledError, ValidationError, WrongPinError
from app.keys import KdfParams, KeyWrapper
from app.paths import AppPaths, default_paths
from app.session import (
    KEY_FILE,
    CacheSession,
    check_pin_strength,
    create_user_cache,
    is_locked_out,
    restore_user_cache,
    unlock_user_cache,
    unwrap_with_pin,
    user_folder,
)
from app.store.search import reindex_patient
from tests.conftest import FIXED_NOW, Clock

PIN = "480517-kq"
WRONG_PIN = "480518-kq"
NEW_PIN = "902716-kq"
ANNA = Actor(user_id="Practitioner/nurse-anna", display_name="Anna Keller")
BEN = Actor(user_id="Practitioner/nurse-ben", display_name="Ben Ortiz")
CARA = Actor(user_id="Practitioner/nurse-cara", display_name="Cara Lindqvist")
PATIENT_ID = "accounts-patient"
ANSWER_TEXT = "Lives with her sister Zqxaccounts"


class MemoryKeystore:
    """The OS keystore's interface over a dict (a boundary fake for unit tests)."""

    def __init__(self) -> None:
        self.secrets: dict[str, str] = {}

    def get_secret(self, name: str) -> str | None:
        return self.secrets.get(name)

    def set_secret(self, name: str, value: str) -> None:
        self.secrets[name] = value

    def delete_secret(self, name: str) -> None:
        self.secrets.pop(name, None)

    def names_for(self, user_id: str) -> set[str]:
        return {n for n in self.secrets if n.endswith(":" + user_id)}


@pytest.fixture
def keystore() -> MemoryKeystore:
    return MemoryKeystore()


@pytest.fixture
def paths() -> AppPaths:
    return default_paths()  # under the test's own ASKONCE_HOME (tests/conftest.py)


def _create(
    paths: AppPaths,
    keystore: MemoryKeystore,
    catalog: Catalog,
    clock: Clock,
    actor: Actor = ANNA,
    *,
    max_users: int | None = None,
) -> CacheSession:
    return create_user_cache(
        paths,
        actor,
        PIN,
        keystore,
        catalog,
        workstation="test-ws",
        max_users=max_users,
        kdf=KdfParams.for_tests(),
        clock=clock,
    )


def _unlock(
    paths: AppPaths,
    keystore: MemoryKeystore,
    catalog: Catalog,
    clock: Clock,
    pin: str,
    actor: Actor = ANNA,
    max_attempts: int = 5,
) -> CacheSession:
    return unlock_user_cache(
        paths,
        actor,
        pin,
        keystore,
        catalog,
        workstation="test-ws",
        max_attempts=max_attempts,
        clock=clock,
    )


def _add_patient_with_unsent_answer(session: CacheSession, catalog: Catalog) -> str:
    """One patient (written directly) and one answer recorded through the service (outbox 1)."""
    patient = Patient(
        id=PATIENT_ID,
        mrn="55501234",
        family_name="Zqxaccountsfamily",
        given_name="Mira",
        birth_date=date(1944, 2, 2),
        bed="3A",
        admitted_at=FIXED_NOW - timedelta(days=2),
    )
    repo = session.service.repo
    with session.db.transaction() as conn:
        repo.put_patient(conn, patient)
        reindex_patient(conn, repo, catalog, patient.id)
    code = next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)
    session.service.answers.record(PATIENT_ID, code, ANSWER_TEXT, Source.PATIENT)
    assert session.service.outbox.count() == 1
    return code


def _profile(folder: Path, actor: Actor, last_used: datetime, unsent: int = 0) -> UserProfile:
    profile = UserProfile(actor.user_id, actor.display_name, Role.NURSE, last_used, unsent, folder)
    save_profile(folder, profile)
    return profile


# --- the throttle ---------------------------------------------------------------------------


def test_delay_is_free_for_the_first_tries_then_doubles_up_to_the_cap() -> None:
    delays = [PinThrottle.delay_after(n) for n in range(20)]
    assert delays[:FREE_TRIES] == [0.0] * FREE_TRIES
    assert delays[FREE_TRIES : FREE_TRIES + 4] == [2.0, 4.0, 8.0, 16.0]
    assert delays == sorted(delays), "the wait never shrinks while wrong PINs go on"
    assert max(delays) == MAX_DELAY_S
    assert PinThrottle.delay_after(1000) == MAX_DELAY_S


def test_check_makes_the_next_try_wait_by_the_given_clock(tmp_path: Path) -> None:
    throttle = PinThrottle(tmp_path, max_attempts=10)
    t0 = FIXED_NOW
    throttle.check(t0)  # nothing recorded: no wait
    assert throttle.record_failure(t0) == 1
    throttle.check(t0)  # one typo: try again at once
    assert throttle.record_failure(t0 + timedelta(seconds=1)) == 2
    with pytest.raises(PinThrottledError) as caught:
        throttle.check(t0 + timedelta(seconds=1.5))
    assert caught.value.wait_seconds == pytest.approx(1.5)
    assert "seconds" in caught.value.hint
    throttle.check(t0 + timedelta(seconds=3))  # 2 s after the second failure: allowed

    assert throttle.record_failure(t0 + timedelta(seconds=3)) == 3
    with pytest.raises(PinThrottledError) as caught:
        throttle.check(t0 + timedelta(seconds=4))
    assert caught.value.wait_seconds == pytest.approx(3.0)  # 4 s after the third
    throttle.check(t0 + timedelta(seconds=7))


def test_reset_returns_the_failure_times_and_forgets_them(tmp_path: Path) -> None:
    throttle = PinThrottle(tmp_path, max_attempts=5)
    times = [FIXED_NOW, FIXED_NOW + timedelta(seconds=30)]
    for at in times:
        throttle.record_failure(at)
    assert PinThrottle(tmp_path, max_attempts=5).failures() == times  # kept on disk
    assert throttle.reset() == times
    assert not (tmp_path / ATTEMPTS_FILE).exists()
    assert throttle.failures() == []
    assert throttle.reset() == []
    throttle.check(FIXED_NOW)


# --- wrong PINs, throttling and lockout on a real key file ------------------------------------


def test_the_right_pin_also_waits_while_throttled(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    _create(paths, keystore, catalog, clock).close()
    t0 = FIXED_NOW
    for at in (t0, t0 + timedelta(seconds=1)):
        with pytest.raises(WrongPinError) as caught:
            unwrap_with_pin(paths, ANNA.user_id, WRONG_PIN, keystore, max_attempts=5, now=at)
        assert not isinstance(caught.value, LockedOutError | PinThrottledError)
    with pytest.raises(PinThrottledError):
        unwrap_with_pin(
            paths, ANNA.user_id, PIN, keystore, max_attempts=5, now=t0 + timedelta(seconds=2)
        )
    key, failures = unwrap_with_pin(
        paths, ANNA.user_id, PIN, keystore, max_attempts=5, now=t0 + timedelta(seconds=3)
    )
    key.wipe()
    assert failures == [t0, t0 + timedelta(seconds=1)]
    assert not (user_folder(paths, ANNA.user_id) / ATTEMPTS_FILE).exists()


def test_lockout_after_max_attempts_blocks_even_the_right_pin(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    _create(paths, keystore, catalog, clock).close()
    folder = user_folder(paths, ANNA.user_id)
    t0 = FIXED_NOW
    hints = []
    for n in range(3):
        with pytest.raises(WrongPinError) as caught:
            unwrap_with_pin(
                paths,
                ANNA.user_id,
                WRONG_PIN,
                keystore,
                max_attempts=3,
                now=t0 + timedelta(minutes=n),  # past every wait
            )
        hints.append(caught.value)
    assert [type(e) for e in hints] == [WrongPinError, WrongPinError, LockedOutError]
    assert "2 more wrong tries" in hints[0].hint
    assert "1 more wrong try" in hints[1].hint
    assert "online" in hints[2].hint
    assert is_locked_out(paths, ANNA.user_id)
    key_doc = json.loads((folder / KEY_FILE).read_text(encoding="utf-8"))
    assert key_doc["wrapped_key"] is None, "the PIN-wrapped key is gone"
    assert key_doc["escrow_wrapped"], "the escrow copy stays"

    later = t0 + timedelta(hours=1)
    with pytest.raises(LockedOutError):
        unwrap_with_pin(paths, ANNA.user_id, PIN, keystore, max_attempts=3, now=later)
    clock.now = later
    with pytest.raises(LockedOutError):
        _unlock(paths, keystore, catalog, clock, PIN, max_attempts=3)
    assert is_locked_out(paths, ANNA.user_id)


def test_restore_after_lockout_opens_the_same_data_with_a_new_pin(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    session = _create(paths, keystore, catalog, clock)
    code = _add_patient_with_unsent_answer(session, catalog)
    outbox_before = session.service.repo.outbox()
    session.close()

    wrong_times = [FIXED_NOW + timedelta(minutes=n) for n in range(3)]
    for at in wrong_times:
        clock.now = at
        with pytest.raises(WrongPinError):
            _unlock(paths, keystore, catalog, clock, WRONG_PIN, max_attempts=3)
    assert is_locked_out(paths, ANNA.user_id)

    # The user signed in online again (the shell checks that); then a new PIN is set.
    clock.now = FIXED_NOW + timedelta(hours=1)
    restored = restore_user_cache(
        paths, ANNA, NEW_PIN, keystore, catalog, workstation="test-ws", clock=clock
    )
    try:
        service = restored.service
        assert [r.patient.id for r in service.charts.ward()] == [PATIENT_ID]
        answer = next(
            i.answer for i in service.charts.chart(PATIENT_ID).board if i.question.code == code
        )
        assert answer is not None
        assert answer.value == ANSWER_TEXT
        assert answer.unsent
        assert service.repo.outbox() == outbox_before, "the queued edit is intact"
        entries = service.repo.audit_entries()
        failed = [e for e in entries if e.action is AuditAction.FAILED_PIN]
        assert [e.at for e in failed] == wrong_times
        assert any(e.action is AuditAction.SIGN_IN for e in entries)
        assert service.repo.verify_audit_chain() is None
    finally:
        restored.close()

    assert not is_locked_out(paths, ANNA.user_id)
    assert not (user_folder(paths, ANNA.user_id) / ATTEMPTS_FILE).exists()
    with pytest.raises(WrongPinError):
        _unlock(paths, keystore, catalog, clock, PIN)  # the old PIN is gone
    clock.now += timedelta(minutes=5)
    reopened = _unlock(paths, keystore, catalog, clock, NEW_PIN)
    try:
        assert reopened.service.outbox.count() == 1
    finally:
        reopened.close()


def test_restore_refuses_a_weak_new_pin_and_changes_nothing(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    _create(paths, keystore, catalog, clock).close()
    keyfile = user_folder(paths, ANNA.user_id) / KEY_FILE
    KeyWrapper(keystore).drop_pin_wrap(keyfile)
    before = keyfile.read_bytes()
    with pytest.raises(ValidationError):
        restore_user_cache(
            paths, ANNA, "111111", keystore, catalog, workstation="test-ws", clock=clock
        )
    assert keyfile.read_bytes() == before
    assert is_locked_out(paths, ANNA.user_id)


def test_failed_pins_are_audited_at_the_next_good_unlock(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    _create(paths, keystore, catalog, clock).close()
    wrong_times = [FIXED_NOW + timedelta(minutes=1), FIXED_NOW + timedelta(minutes=1, seconds=5)]
    for at in wrong_times:
        clock.now = at
        with pytest.raises(WrongPinError):
            _unlock(paths, keystore, catalog, clock, WRONG_PIN)
    folder = user_folder(paths, ANNA.user_id)
    assert (folder / ATTEMPTS_FILE).exists()

    clock.now = FIXED_NOW + timedelta(minutes=2)
    session = _unlock(paths, keystore, catalog, clock, PIN)
    try:
        failed = [
            e for e in session.service.repo.audit_entries() if e.action is AuditAction.FAILED_PIN
        ]
        assert [e.at for e in failed] == wrong_times
        assert all(e.user_id == ANNA.user_id and e.patient_id is None for e in failed)
        assert session.service.repo.verify_audit_chain() is None
    finally:
        session.close()
    assert not (folder / ATTEMPTS_FILE).exists()

    clock.now += timedelta(minutes=1)
    again = _unlock(paths, keystore, catalog, clock, PIN)
    try:
        entries = again.service.repo.audit_entries()
        assert sum(e.action is AuditAction.FAILED_PIN for e in entries) == 2, "not twice"
    finally:
        again.close()


# --- the cap on cached users ------------------------------------------------------------------


def test_evictable_picks_the_least_recently_used_first(tmp_path: Path) -> None:
    t = FIXED_NOW
    newest = _profile(tmp_path / "c", CARA, t)
    middle = _profile(tmp_path / "b", BEN, t - timedelta(days=1))
    oldest = _profile(tmp_path / "a", ANNA, t - timedelta(days=2))
    profiles = [newest, middle, oldest]  # cached_users' order: most recent first
    assert evictable(profiles, max_users=4, keep="Practitioner/new") == []
    assert evictable(profiles, max_users=3, keep="Practitioner/new") == [oldest]
    assert evictable(profiles, max_users=2, keep="Practitioner/new") == [oldest, middle]
    # the user signing in counts once, whether or not they already have a cache
    assert evictable(profiles, max_users=3, keep=ANNA.user_id) == []
    assert evictable(profiles, max_users=2, keep=ANNA.user_id) == [middle]


def test_evictable_never_picks_a_cache_with_unsent_changes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    t = FIXED_NOW
    newest = _profile(tmp_path / "c", CARA, t)
    middle = _profile(tmp_path / "b", BEN, t - timedelta(days=1))
    oldest = _profile(tmp_path / "a", ANNA, t - timedelta(days=2), unsent=3)
    assert evictable([newest, middle, oldest], max_users=3, keep="Practitioner/new") == [middle]
    waiting = [
        _profile(tmp_path / "b", BEN, t, unsent=1),
        _profile(tmp_path / "a", ANNA, t - timedelta(days=2), unsent=1),
    ]
    with caplog.at_level(logging.WARNING, logger="app.accounts"):
        assert evictable(waiting, max_users=1, keep="Practitioner/new") == []
    assert "unsent" in caplog.text
    for actor in (ANNA, BEN, CARA):
        assert actor.user_id not in caplog.text


def test_cached_users_most_recent_first_and_unreadable_profiles_skipped(
    paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    assert cached_users(paths) == []
    t = FIXED_NOW
    _profile(user_folder(paths, ANNA.user_id), ANNA, t - timedelta(hours=3))
    _profile(user_folder(paths, BEN.user_id), BEN, t)
    _profile(user_folder(paths, CARA.user_id), CARA, t - timedelta(hours=1))
    (paths.data / "users" / "no-profile-here").mkdir()
    broken = paths.data / "users" / "broken"
    broken.mkdir()
    (broken / PROFILE_FILE).write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="app.accounts"):
        users = cached_users(paths)
    assert [u.user_id for u in users] == [BEN.user_id, CARA.user_id, ANNA.user_id]
    assert [u.display_name for u in users] == ["Ben Ortiz", "Cara Lindqvist", "Anna Keller"]
    assert users[0].folder == user_folder(paths, BEN.user_id)


def test_create_over_the_cap_deletes_the_least_recently_used_cache(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    _create(paths, keystore, catalog, clock, ANNA).close()
    clock.now += timedelta(minutes=1)
    _create(paths, keystore, catalog, clock, BEN).close()  # used more recently
    clock.now += timedelta(minutes=1)
    anna_folder = user_folder(paths, ANNA.user_id)
    assert keystore.names_for(ANNA.user_id) == {
        f"device-secret:{ANNA.user_id}",
        f"escrow-secret:{ANNA.user_id}",
    }

    cara = _create(paths, keystore, catalog, clock, CARA, max_users=2)
    cara.close()
    assert not anna_folder.exists(), "the least recently used cache is deleted"
    assert keystore.names_for(ANNA.user_id) == set(), "and its keystore entries"
    assert user_folder(paths, BEN.user_id).is_dir()
    assert len(keystore.names_for(BEN.user_id)) == 2
    assert [u.user_id for u in cached_users(paths)] == [CARA.user_id, BEN.user_id]
    reopened = _unlock(paths, keystore, catalog, clock, PIN, actor=BEN)
    reopened.close()


def test_a_cache_with_unsent_changes_is_never_evicted(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    anna = _create(paths, keystore, catalog, clock, ANNA)
    _add_patient_with_unsent_answer(anna, catalog)
    anna.close()  # the oldest, but with an unsent answer
    clock.now += timedelta(minutes=1)
    _create(paths, keystore, catalog, clock, BEN).close()
    assert [u.unsent for u in cached_users(paths)] == [0, 1]

    clock.now += timedelta(minutes=1)
    _create(paths, keystore, catalog, clock, CARA, max_users=2).close()
    assert user_folder(paths, ANNA.user_id).is_dir(), "unsent work is never deleted"
    assert len(keystore.names_for(ANNA.user_id)) == 2
    assert not user_folder(paths, BEN.user_id).exists(), "the next one goes instead"
    assert keystore.names_for(BEN.user_id) == set()

    # Everybody else has unsent work: over the cap rather than lose it.
    cara = _unlock(paths, keystore, catalog, clock, PIN, actor=CARA)
    _add_patient_with_unsent_answer(cara, catalog)
    cara.close()
    clock.now += timedelta(minutes=1)
    _create(paths, keystore, catalog, clock, BEN, max_users=2).close()
    assert {u.user_id for u in cached_users(paths)} == {ANNA.user_id, BEN.user_id, CARA.user_id}
    anna_again = _unlock(paths, keystore, catalog, clock, PIN, actor=ANNA)
    try:
        assert anna_again.service.outbox.count() == 1
    finally:
        anna_again.close()


# --- PIN strength and what the plain files hold ----------------------------------------------


@pytest.mark.parametrize("pin", ["111111", "123456", "654321", "0000000000", "12345"])
def test_weak_pins_are_refused(pin: str) -> None:
    with pytest.raises(ValidationError):
        check_pin_strength(pin, 6)


@pytest.mark.parametrize("pin", ["480517", "135790", PIN])
def test_reasonable_pins_are_accepted(pin: str) -> None:
    check_pin_strength(pin, 6)


def test_create_refuses_a_weak_pin_before_writing_anything(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog
) -> None:
    with pytest.raises(ValidationError):
        create_user_cache(
            paths,
            ANNA,
            "123456",
            keystore,
            catalog,
            workstation="ws",
            kdf=KdfParams.for_tests(),
            clock=system_clock,
        )
    assert not user_folder(paths, ANNA.user_id).exists()
    assert keystore.secrets == {}


def test_plain_files_hold_no_pin_token_or_patient_data(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    refresh_token = "rt-Zqx-refresh-token-value-4711"
    session = _create(paths, keystore, catalog, clock)
    _add_patient_with_unsent_answer(session, catalog)
    session.store_refresh_token(refresh_token)
    session.close()
    folder = user_folder(paths, ANNA.user_id)
    clock.now += timedelta(minutes=1)
    with pytest.raises(WrongPinError):
        _unlock(paths, keystore, catalog, clock, WRONG_PIN)

    profile = json.loads((folder / PROFILE_FILE).read_text(encoding="utf-8"))
    assert set(profile) == {"user_id", "display_name", "role", "last_used", "unsent"}
    assert profile["unsent"] == 1
    secrets = (PIN, WRONG_PIN, refresh_token, ANSWER_TEXT, "Zqxaccountsfamily", "55501234")
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {PROFILE_FILE, ATTEMPTS_FILE, KEY_FILE, "cache.db"}
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{path.name} holds a secret or patient data"

    clock.now += timedelta(minutes=1)
    reopened = _unlock(paths, keystore, catalog, clock, PIN)
    try:
        assert reopened.refresh_token() == refresh_token  # kept, but only inside the cache
    finally:
        reopened.close()


def test_unsent_changes_survive_the_cap_after_a_crash(
    paths: AppPaths, keystore: MemoryKeystore, catalog: Catalog, clock: Clock
) -> None:
    anna = _create(paths, keystore, catalog, clock, ANNA)
    _add_patient_with_unsent_answer(anna, catalog)
    anna.close()
    clock.now += timedelta(minutes=1)
    anna = _unlock(paths, keystore, catalog, clock, PIN)
    # The workstation loses power: close() never runs.
    anna.db.close()
    anna.key.wipe()
    clock.now += timedelta(minutes=1)
    _create(paths, keystore, catalog, clock, BEN).close()
    clock.now += timedelta(minutes=1)
    _create(paths, keystore, catalog, clock, CARA, max_users=2).close()
    assert user_folder(paths, ANNA.user_id).is_dir(), "Anna's unsent answer was deleted"
