"""``askonce audit verify`` on a real cache: exit codes, the entry it names, nothing private.

The cache is created in-process (PIN + the real Secret Service on the private bus of
``secret_service``); the command runs as a subprocess (``python -m app audit verify``)
that inherits DBUS_SESSION_BUS_ADDRESS and ASKONCE_HOME, as IT would run it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.accounts import PROFILE_FILE
from app.domain import Actor, AnswerType, AuditAction, Catalog, Patient, Source
from app.keys import KdfParams, KeyWrapper
from app.keystore import OsKeystore
from app.paths import AppPaths, default_paths
from app.session import CACHE_FILE, KEY_FILE, create_user_cache, user_folder
from app.store.database import Database
from app.store.search import reindex_patient
from tests.conftest import FIXED_NOW, Clock
from tests.keystore_service import SecretServiceHandle, is_private_bus

pytestmark = pytest.mark.keystore

PIN = "861204-au"
WRONG_PIN = "861205-au"
NURSE = Actor(user_id="Practitioner/nurse-audit", display_name="Audit Nurse")
PATIENT_NAME = "Zqxauditfamily"
PATIENT_MRN = "66604321"
ANSWER_TEXT = "Zqx prefers tea in the morning"
REPO_ROOT = Path(__file__).resolve().parents[2]
INTACT = re.compile(r"^audit trail intact: (\d+) entries$", re.MULTILINE)
CHANGED = re.compile(
    r"^audit trail CHANGED: the chain breaks at entry (\d+) of (\d+)$", re.MULTILINE
)
_DROPPED_ENV = ("PYTHON_KEYRING_BACKEND", "ASKONCE_PIN")


@pytest.fixture
def paths() -> AppPaths:
    return default_paths()  # under the test's own ASKONCE_HOME (tests/conftest.py)


@pytest.fixture
def cache(keystore_clean: SecretServiceHandle, paths: AppPaths, catalog: Catalog) -> Path:
    """NURSE's cache with a patient, an answer, a chart view and a lock: a few audit entries."""
    clock = Clock(FIXED_NOW)
    session = create_user_cache(
        paths,
        NURSE,
        PIN,
        OsKeystore(),
        catalog,
        workstation="test-ws",
        kdf=KdfParams.for_tests(),
        clock=clock,
    )
    try:
        service = session.service
        service.access.record_audit(AuditAction.SIGN_IN, detail="offline PIN")
        patient = Patient(
            id="audit-patient",
            mrn=PATIENT_MRN,
            family_name=PATIENT_NAME,
            given_name="Ilse",
            birth_date=date(1938, 8, 1),
            admitted_at=FIXED_NOW - timedelta(days=1),
        )
        with session.db.transaction() as conn:
            service.repo.put_patient(conn, patient)
            reindex_patient(conn, service.repo, catalog, patient.id)
        code = next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)
        clock.now += timedelta(minutes=1)
        service.answers.record(patient.id, code, ANSWER_TEXT, Source.PATIENT)
        service.charts.chart(patient.id)  # a VIEW entry
        clock.now += timedelta(minutes=5)
        service.access.record_audit(AuditAction.LOCK, detail="idle")
        assert len(service.repo.audit_entries()) >= 4
        assert service.repo.verify_audit_chain() is None
    finally:
        session.close()
    return user_folder(paths, NURSE.user_id)


def _verify(
    paths: AppPaths,
    *,
    pin: str | None = PIN,
    pin_file: Path | None = None,
    data_dir: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "app", "audit", "verify", "--user", NURSE.user_id]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    if pin_file is not None:
        argv += ["--pin-file", str(pin_file)]
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    assert is_private_bus(env.get("DBUS_SESSION_BUS_ADDRESS")), "never the developer's keyring"
    assert env["ASKONCE_HOME"] == str(paths.data.parent)
    if pin is not None:
        env["ASKONCE_PIN"] = pin
    return subprocess.run(
        argv, env=env, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def _assert_says_nothing_private(result: subprocess.CompletedProcess[str], paths: AppPaths) -> None:
    private = (PIN, WRONG_PIN, PATIENT_NAME, PATIENT_MRN, ANSWER_TEXT, "Ilse")
    for text in (result.stdout, result.stderr):
        for secret in private:
            assert secret not in text, "the command's output holds a PIN or patient data"
    assert "Traceback" not in result.stderr
    for path in paths.logs.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in private:
                assert secret.encode() not in data, f"{path.name} holds a PIN or patient data"


def _entries(paths: AppPaths) -> list[tuple[int, str]]:
    """(seq, detail) of every audit entry, read straight from the database with the key."""
    folder = user_folder(paths, NURSE.user_id)
    key = KeyWrapper(OsKeystore()).unwrap(folder / KEY_FILE, NURSE.user_id, PIN)
    db = Database.open(folder / CACHE_FILE, key)
    try:
        return [(int(r[0]), str(r[1])) for r in db.query("SELECT seq, detail FROM audit_log")]
    finally:
        db.close()
        key.wipe()


def _change_detail(paths: AppPaths, seq: int, detail: str) -> None:
    folder = user_folder(paths, NURSE.user_id)
    key = KeyWrapper(OsKeystore()).unwrap(folder / KEY_FILE, NURSE.user_id, PIN)
    db = Database.open(folder / CACHE_FILE, key)
    try:
        with db.transaction() as conn:
            conn.execute("UPDATE audit_log SET detail = ? WHERE seq = ?", (detail, seq))
    finally:
        db.close()
        key.wipe()


def test_an_intact_trail_exits_0(cache: Path, paths: AppPaths) -> None:
    entries = _entries(paths)
    result = _verify(paths)
    assert result.returncode == 0, result.stderr
    match = INTACT.search(result.stdout)
    assert match is not None, result.stdout
    assert int(match.group(1)) == len(entries)
    _assert_says_nothing_private(result, paths)


def test_one_changed_byte_exits_1_and_names_the_entry(cache: Path, paths: AppPaths) -> None:
    entries = _entries(paths)
    seq, detail = next((s, d) for s, d in entries[1:-1] if d)  # one in the middle, with text
    changed = detail[:-1] + chr(ord(detail[-1]) ^ 1)  # one byte differs
    assert len(changed.encode()) == len(detail.encode())
    _change_detail(paths, seq, changed)

    result = _verify(paths)
    assert result.returncode == 1, result.stdout + result.stderr
    match = CHANGED.search(result.stdout)
    assert match is not None, result.stdout
    assert int(match.group(1)) == seq
    assert int(match.group(2)) == len(entries)
    assert changed not in result.stdout
    _assert_says_nothing_private(result, paths)

    _change_detail(paths, seq, detail)  # put back: intact again
    assert _verify(paths).returncode == 0


def test_the_pin_can_come_from_a_file_and_a_data_dir(
    cache: Path, paths: AppPaths, tmp_path: Path
) -> None:
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text(PIN + "\n", encoding="utf-8")
    result = _verify(paths, pin=None, pin_file=pin_file, data_dir=paths.data)
    assert result.returncode == 0, result.stderr
    assert INTACT.search(result.stdout)
    _assert_says_nothing_private(result, paths)


def test_unlock_problems_exit_2_and_say_nothing_private(
    cache: Path, paths: AppPaths, tmp_path: Path
) -> None:
    wrong = _verify(paths, pin=WRONG_PIN)
    assert wrong.returncode == 2
    assert "Wrong PIN" in wrong.stderr
    _assert_says_nothing_private(wrong, paths)

    no_pin = _verify(paths, pin=None)
    assert no_pin.returncode == 2
    assert "no PIN" in no_pin.stderr

    missing = _verify(paths, pin=None, pin_file=tmp_path / "absent.txt")
    assert missing.returncode == 2
    assert "absent.txt" in missing.stdout + missing.stderr

    nobody = _verify(paths, data_dir=tmp_path / "empty")
    assert nobody.returncode == 2
    assert "No cache" in nobody.stderr
    for result in (no_pin, missing, nobody):
        _assert_says_nothing_private(result, paths)


def test_verifying_leaves_the_users_profile_alone(cache: Path, paths: AppPaths) -> None:
    before = json.loads((cache / PROFILE_FILE).read_text(encoding="utf-8"))
    assert _verify(paths).returncode == 0
    after = json.loads((cache / PROFILE_FILE).read_text(encoding="utf-8"))
    assert after["display_name"] == before["display_name"] == NURSE.display_name
