"""Fail closed (DESIGN.md §4): no keystore, a locked keystore, a wrong PIN or a foreign key
file open nothing, write nothing, and say nothing about the user or the patients.

The one file a wrong PIN may write is the user's ``attempts.json`` (DESIGN.md §6: wrong
PINs are throttled and, after too many, block offline unlock): it holds the times of the
wrong tries and nothing else — no PIN, no user id, no patient data.

The keystore tests run against a real gnome-keyring on a private D-Bus (``secret_service``).
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import pytest
import sqlcipher3
from keyring.backend import KeyringBackend

from app.accounts import ATTEMPTS_FILE
from app.domain import Actor, Catalog, Patient
from app.errors import (
    CacheKeyError,
    KeystoreLockedError,
    KeystoreUnavailableError,
    WrongPinError,
)
from app.keys import KdfParams, KeyWrapper
from app.keystore import SERVICE_NAME, OsKeystore
from app.paths import AppPaths, default_paths
from app.session import (
    CACHE_FILE,
    KEY_FILE,
    CacheSession,
    create_user_cache,
    unlock_user_cache,
    user_key,
)
from app.store.search import reindex_patient
from tests.conftest import NURSE, Clock
from tests.security.conftest import SecretServiceHandle, tree_digest

PIN = "731904-zq"
WRONG_PIN = "731905-zq"
OTHER_NURSE = Actor(user_id="Practitioner/other-nurse", display_name="Other Nurse")
CANARY_NAME = "Zqxfailclosedname"
CANARY_MRN = "98765123"


@pytest.fixture
def paths() -> AppPaths:
    return default_paths()  # under the test's own ASKONCE_HOME (tests/conftest.py)


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every database the code under test opens (the driver's connect is wrapped)."""
    opened: list[str] = []
    real_connect = sqlcipher3.connect

    def recording_connect(database: str, *args: object, **kwargs: object) -> object:
        opened.append(str(database))
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlcipher3, "connect", recording_connect)
    return opened


def _create(
    paths: AppPaths, catalog: Catalog, clock: Clock, actor: Actor = NURSE, pin: str = PIN
) -> CacheSession:
    return create_user_cache(
        paths,
        actor,
        pin,
        OsKeystore(),
        catalog,
        workstation="test-ws",
        kdf=KdfParams.for_tests(),
        clock=clock,
    )


def _unlock(
    paths: AppPaths, catalog: Catalog, clock: Clock, actor: Actor = NURSE, pin: str = PIN
) -> CacheSession:
    return unlock_user_cache(
        paths, actor, pin, OsKeystore(), catalog, workstation="test-ws", clock=clock
    )


def _add_canary_patient(session: CacheSession, clock: Clock) -> str:
    patient = Patient(
        id="canary-patient",
        mrn=CANARY_MRN,
        family_name=CANARY_NAME,
        given_name="Zqxgiven",
        birth_date=date(1941, 3, 4),
        bed="7C",
        admitted_at=clock() - timedelta(days=1),
    )
    repo = session.service.repo
    with session.db.transaction() as conn:
        repo.put_patient(conn, patient)
        reindex_patient(conn, repo, session.service.catalog, patient.id)
    return patient.id


@pytest.fixture
def closed_cache(keystore_clean: object, paths: AppPaths, catalog: Catalog, clock: Clock) -> Path:
    """NURSE's cache (with a canary patient), created and closed again; yields its folder."""
    session = _create(paths, catalog, clock)
    _add_canary_patient(session, clock)
    session.close()
    folder = paths.user_dir(user_key(NURSE.user_id))
    assert (folder / CACHE_FILE).is_file()
    assert (folder / KEY_FILE).is_file()
    return folder


def _assert_says_nothing_private(exc: BaseException, *extra: str) -> None:
    secrets = (PIN, WRONG_PIN, NURSE.user_id, OTHER_NURSE.user_id, CANARY_NAME, CANARY_MRN)
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # the whole chain is crash output
        seen.add(id(current))
        for text in (str(current), repr(current), getattr(current, "hint", "")):
            for secret in (*secrets, *extra):
                assert secret not in text, f"{type(current).__name__} message leaks a secret"
        current = current.__cause__ or current.__context__


def _everything(home: Path, secret_service: SecretServiceHandle) -> tuple[dict[Path, str], object]:
    """Files under the test's home (cache, key file, config, logs) and the keystore."""
    return tree_digest(home), secret_service.state()


def _without_attempts(
    state: tuple[dict[Path, str], object], folder: Path
) -> tuple[dict[Path, str], object]:
    """``state`` (files, keystore) minus the user's wrong-PIN record, the one allowed change."""
    files, keystore = state
    return {p: d for p, d in files.items() if p != folder / ATTEMPTS_FILE}, keystore


def _assert_attempts_hold_only_times(folder: Path, times: list[datetime], *extra: str) -> None:
    """The wrong-PIN record: exactly these failure times; no PIN, user or patient data."""
    raw = (folder / ATTEMPTS_FILE).read_bytes()
    for secret in (PIN, WRONG_PIN, NURSE.user_id, OTHER_NURSE.user_id, CANARY_NAME, CANARY_MRN):
        assert secret.encode() not in raw, "attempts.json holds more than times"
    for secret in extra:
        assert secret.encode() not in raw, "attempts.json holds more than times"
    doc = json.loads(raw)
    assert list(doc) == ["failures"]
    assert [datetime.fromisoformat(t) for t in doc["failures"]] == times


# --- with a real Secret Service -----------------------------------------------------------


@pytest.mark.keystore
def test_round_trip_and_key_file_hides_key_and_pin(
    secret_service: SecretServiceHandle,
    keystore_clean: object,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    session = _create(paths, catalog, clock)
    patient_id = _add_canary_patient(session, clock)
    raw = session.key.raw()
    session.close()

    folder = paths.user_dir(user_key(NURSE.user_id))
    key_file = (folder / KEY_FILE).read_bytes()
    raw_forms = {
        "raw": raw,
        "hex": raw.hex().encode(),
        "HEX": raw.hex().upper().encode(),
        "base64": base64.b64encode(raw),
        "base64 unpadded": base64.b64encode(raw).rstrip(b"="),
        "urlsafe base64": base64.urlsafe_b64encode(raw).rstrip(b"="),
        "base32": base64.b32encode(raw).rstrip(b"="),
    }
    for form, encoded in raw_forms.items():
        assert encoded not in key_file, f"the key file holds the raw key ({form})"
    assert PIN.encode() not in key_file
    assert NURSE.user_id.encode() not in key_file
    assert NURSE.user_id not in str(folder)

    entries = secret_service.app_items()
    assert set(entries) == {
        f"device-secret:{NURSE.user_id}",
        f"escrow-secret:{NURSE.user_id}",
    }, "a device secret and an escrow secret per user, nothing else"
    assert len(set(entries.values())) == 2, "two independent secrets"
    for secret in entries.values():
        for form, encoded in raw_forms.items():
            assert encoded.decode("latin-1") not in secret, f"keystore holds the key ({form})"
        assert PIN not in secret

    connects.clear()
    reopened = _unlock(paths, catalog, clock)
    try:
        assert connects == [str(folder / CACHE_FILE)], "the spy sees what unlock opens"
        assert reopened.service.charts.chart(patient_id).patient.family_name == CANARY_NAME
        assert reopened.key.raw() == raw
        assert reopened.db.integrity_problems() == []
    finally:
        reopened.close()


@pytest.mark.keystore
def test_wrong_pin_opens_and_changes_nothing(
    secret_service: SecretServiceHandle,
    closed_cache: Path,
    isolated_home: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    before = _everything(isolated_home, secret_service)
    assert not (closed_cache / ATTEMPTS_FILE).exists()
    with pytest.raises(WrongPinError) as caught:
        _unlock(paths, catalog, clock, pin=WRONG_PIN)
    assert connects == [], "a wrong PIN must not open the database"
    after = _everything(isolated_home, secret_service)
    assert _without_attempts(after, closed_cache) == before, "only attempts.json may change"
    _assert_attempts_hold_only_times(closed_cache, [clock()])
    _assert_says_nothing_private(caught.value)


@pytest.mark.keystore
def test_deleted_keystore_entry_opens_and_changes_nothing(
    secret_service: SecretServiceHandle,
    closed_cache: Path,
    isolated_home: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    secret_service.delete_app_items()
    before = _everything(isolated_home, secret_service)
    with pytest.raises(CacheKeyError) as caught:
        _unlock(paths, catalog, clock)
    assert connects == []
    assert _everything(isolated_home, secret_service) == before
    _assert_says_nothing_private(caught.value)


@pytest.mark.keystore
def test_locked_keystore_opens_and_changes_nothing(
    secret_service: SecretServiceHandle,
    closed_cache: Path,
    isolated_home: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    before = _everything(isolated_home, secret_service)
    with secret_service.locked():
        with pytest.raises(KeystoreUnavailableError) as unlocking:
            _unlock(paths, catalog, clock)
        with pytest.raises(KeystoreUnavailableError) as creating:
            _create(paths, catalog, clock, actor=OTHER_NURSE)
    assert connects == [], "a locked keystore must not open (or create) any database"
    assert _everything(isolated_home, secret_service) == before
    assert not paths.user_dir(user_key(OTHER_NURSE.user_id)).exists()
    for caught in (unlocking, creating):
        assert isinstance(caught.value, KeystoreLockedError), "say the keystore is locked"
        _assert_says_nothing_private(caught.value)
    del caught, unlocking, creating
    secret_service.collect_leaked_connections()  # keyring's own leak, see there


@pytest.mark.keystore
def test_unlock_without_keystore_backend_changes_nothing(
    secret_service: SecretServiceHandle,
    closed_cache: Path,
    isolated_home: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
    use_keyring_backend: Callable[[KeyringBackend], None],
) -> None:
    before = _everything(isolated_home, secret_service)
    use_keyring_backend(keyring.backends.fail.Keyring())
    with pytest.raises(KeystoreUnavailableError) as caught:
        _unlock(paths, catalog, clock)
    assert connects == []
    use_keyring_backend(keyring.backends.SecretService.Keyring())
    assert _everything(isolated_home, secret_service) == before
    _assert_says_nothing_private(caught.value)


@pytest.mark.keystore
def test_key_file_copied_to_another_user_does_not_open(
    secret_service: SecretServiceHandle,
    closed_cache: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    """Even with the victim's device secret copied too, only the AAD (user id) differs."""
    other_folder = paths.user_dir(user_key(OTHER_NURSE.user_id))
    shutil.copytree(closed_cache, other_folder)
    entries = secret_service.app_items()
    assert len(entries) == 2, "the device secret and the escrow secret"
    for entry, secret in entries.items():
        assert entry.endswith(":" + NURSE.user_id)
        other_entry = entry.replace(NURSE.user_id, OTHER_NURSE.user_id)
        keyring.set_password(SERVICE_NAME, other_entry, secret)
        assert secret_service.app_items()[other_entry] == secret
    before = tree_digest(other_folder), secret_service.state()

    # Same key file, salt, device secret and PIN: only the user id bound as AAD differs.
    with pytest.raises(WrongPinError) as caught:
        _unlock(paths, catalog, clock, actor=OTHER_NURSE, pin=PIN)
    # Nor does the escrow copy (the lockout way back in) open for another user.
    with pytest.raises(CacheKeyError) as escrow:
        KeyWrapper(OsKeystore()).unwrap_escrow(other_folder / KEY_FILE, OTHER_NURSE.user_id)
    assert connects == []
    after = tree_digest(other_folder), secret_service.state()
    assert _without_attempts(after, other_folder) == before, "only attempts.json may change"
    _assert_attempts_hold_only_times(other_folder, [clock()])
    _assert_says_nothing_private(caught.value)
    _assert_says_nothing_private(escrow.value)


@pytest.mark.keystore
def test_key_file_over_another_users_own_key_file_does_not_open(
    secret_service: SecretServiceHandle,
    closed_cache: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    other_pin = "246813-zq"
    _create(paths, catalog, clock, actor=OTHER_NURSE, pin=other_pin).close()
    other_folder = paths.user_dir(user_key(OTHER_NURSE.user_id))
    shutil.copyfile(closed_cache / KEY_FILE, other_folder / KEY_FILE)
    before = tree_digest(other_folder), secret_service.state()
    connects.clear()

    for pin in (PIN, other_pin):
        with pytest.raises(WrongPinError) as caught:
            _unlock(paths, catalog, clock, actor=OTHER_NURSE, pin=pin)
        _assert_says_nothing_private(caught.value, other_pin)
    assert connects == []
    after = tree_digest(other_folder), secret_service.state()
    assert _without_attempts(after, other_folder) == before, "only attempts.json may change"
    _assert_attempts_hold_only_times(other_folder, [clock(), clock()], other_pin)


# --- without a usable keystore --------------------------------------------------------------


@pytest.mark.parametrize(
    "make_backend",
    [
        keyring.backends.fail.Keyring,
        keyring.backends.null.Keyring,
        keyring.backends.chainer.ChainerBackend,
    ],
    ids=["fail", "null", "chainer"],
)
def test_create_without_keystore_writes_nothing(
    make_backend: Callable[[], KeyringBackend],
    use_keyring_backend: Callable[[KeyringBackend], None],
    isolated_home: Path,
    paths: AppPaths,
    catalog: Catalog,
    clock: Clock,
    connects: list[str],
) -> None:
    use_keyring_backend(make_backend())
    before = tree_digest(isolated_home)
    with pytest.raises(KeystoreUnavailableError) as caught:
        _create(paths, catalog, clock)
    assert connects == []
    folder = paths.user_dir(user_key(NURSE.user_id))
    assert not (folder / CACHE_FILE).exists()
    assert not (folder / KEY_FILE).exists()
    assert tree_digest(isolated_home) == before, "nothing may be written without a keystore"
    _assert_says_nothing_private(caught.value)
