"""``askonce sync`` against the real FHIR server, the cache unlocked as the app does it.

The cache is created in-process (PIN + the OS keystore through keyring, a real
gnome-keyring on the private bus of ``secret_service``); the command then runs as a
subprocess (``python -m app sync``) that inherits DBUS_SESSION_BUS_ADDRESS and
ASKONCE_HOME from this process, so it finds the same keystore entry and key file.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from app.catalog import load_catalog
from app.clock import system_clock
from app.domain import Actor, AnswerType, Catalog, Source
from app.keys import KdfParams
from app.keystore import OsKeystore
from app.paths import AppPaths, default_paths
from app.session import CacheSession, create_user_cache, unlock_user_cache
from tests.fhir_server import HapiServer
from tests.integration.fhir_seed import SeededWard, get, seed_ward
from tests.keystore_service import SecretServiceHandle, is_private_bus, tree_digest

pytestmark = [pytest.mark.integration, pytest.mark.keystore]

PIN = "582913-kv"
WRONG_PIN = "582914-kv"
REPO_ROOT = Path(__file__).resolve().parents[2]
CLI_TIMEOUT_S = 180
SUMMARY = re.compile(
    r"^sync: downloaded (?P<downloaded>\d+), uploaded (?P<uploaded>\d+), "
    r"conflicts (?P<conflicts>\d+), set aside \d+, removed \d+, errors (?P<errors>\d+)$",
    re.MULTILINE,
)
# Variables from the developer's shell that would change what the command does.
_DROPPED_ENV = ("PYTHON_KEYRING_BACKEND", "ASKONCE_PIN", "ASKONCE_TOKEN")

RunSync = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def paths() -> AppPaths:
    return default_paths()  # under the test's own ASKONCE_HOME (tests/conftest.py)


@pytest.fixture
def ward(hapi: HapiServer) -> SeededWard:
    return seed_ward(hapi.base_url, patients=2)


@pytest.fixture
def actor(ward: SeededWard) -> Actor:
    return Actor(user_id=ward.practitioner, display_name="Anna Keller")


@pytest.fixture
def run_sync(
    secret_service: SecretServiceHandle, tmp_path: Path, paths: AppPaths, ward: SeededWard
) -> Iterator[RunSync]:
    """Run the real ``askonce sync`` for the ward's nurse; every run is checked for the PIN."""
    runs: list[subprocess.CompletedProcess[str]] = []

    def run(server: str, pin: str | None) -> subprocess.CompletedProcess[str]:
        argv = [
            sys.executable,
            "-m",
            "app",
            "sync",
            "--server",
            server,
            "--user",
            ward.practitioner,
            "--data-dir",
            str(paths.data),
        ]
        if pin is not None:
            pin_file = tmp_path / f"pin-{len(runs)}.txt"
            pin_file.write_text(pin + "\n", encoding="utf-8")
            argv += ["--pin-file", str(pin_file)]
        env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
        assert env["DBUS_SESSION_BUS_ADDRESS"] == secret_service.address
        assert is_private_bus(env["DBUS_SESSION_BUS_ADDRESS"])
        assert env["ASKONCE_HOME"] == str(paths.data.parent)
        result = subprocess.run(
            argv,
            env=env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=CLI_TIMEOUT_S,
            check=False,
        )
        runs.append(result)
        return result

    yield run
    for result in runs:
        for secret in (PIN, WRONG_PIN):
            assert secret not in result.stdout, "the PIN leaks to stdout"
            assert secret not in result.stderr, "the PIN leaks to stderr"
    for path, text in _files(paths.logs).items():
        for secret in (PIN, WRONG_PIN):
            assert secret.encode() not in text, f"the PIN leaks into the log {path.name}"


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} if root.exists() else {}


def _create_cache(paths: AppPaths, actor: Actor) -> None:
    session = create_user_cache(
        paths,
        actor,
        PIN,
        OsKeystore(),
        load_catalog(),
        workstation="ws",
        kdf=KdfParams.for_tests(),
        clock=system_clock,
    )
    session.close()


def _unlock(paths: AppPaths, actor: Actor) -> CacheSession:
    return unlock_user_cache(
        paths, actor, PIN, OsKeystore(), load_catalog(), workstation="ws", clock=system_clock
    )


def _free_text_question(catalog: Catalog) -> str:
    return next(q.code for q in catalog.questions if q.answer_type is AnswerType.FREE_TEXT)


def _summary(result: subprocess.CompletedProcess[str]) -> dict[str, int]:
    match = SUMMARY.search(result.stdout)
    assert match is not None, f"no summary line:\n{result.stdout}\n{result.stderr}"
    return {k: int(v) for k, v in match.groupdict().items()}


def _outcome(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit {result.returncode}\n--- stdout ---\n{result.stdout}"
        f"\n--- stderr ---\n{result.stderr}"
    )


def _record_answer(paths: AppPaths, actor: Actor, patient_id: str, text: str) -> str:
    """Record a free-text answer in the user's cache (as the app would) and close it again."""
    session = _unlock(paths, actor)
    try:
        code = _free_text_question(session.service.catalog)
        answer = session.service.answers.record(patient_id, code, text, Source.PATIENT)
        assert session.service.outbox.count() == 1
        return answer.id
    finally:
        session.close()


def _outbox_count(paths: AppPaths, actor: Actor) -> int:
    session = _unlock(paths, actor)
    try:
        return session.service.outbox.count()
    finally:
        session.close()


def _first_sync(
    run_sync: RunSync, hapi: HapiServer, ward: SeededWard, paths: AppPaths, actor: Actor
) -> None:
    """Bring the ward into the new cache: answers need their patient there."""
    first = run_sync(hapi.base_url, PIN)
    assert first.returncode == 0, _outcome(first)
    # "downloaded" counts records (answers, medications, contacts); the ward has none yet.
    assert _summary(first) == {"downloaded": 0, "uploaded": 0, "conflicts": 0, "errors": 0}
    session = _unlock(paths, actor)
    try:
        assert sorted(r.patient.id for r in session.service.charts.ward()) == sorted(ward.patients)
    finally:
        session.close()


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sync_uploads_an_answer_recorded_in_the_users_cache(
    hapi: HapiServer,
    ward: SeededWard,
    actor: Actor,
    keystore_clean: SecretServiceHandle,
    paths: AppPaths,
    run_sync: RunSync,
) -> None:
    _create_cache(paths, actor)
    assert len(keystore_clean.app_items()) == 2, "the device and escrow secrets are in the keystore"
    _first_sync(run_sync, hapi, ward, paths, actor)
    answer_id = _record_answer(paths, actor, ward.patients[0], "Lives alone, daughter nearby")

    result = run_sync(hapi.base_url, PIN)

    assert result.returncode == 0, _outcome(result)
    summary = _summary(result)
    assert (summary["uploaded"], summary["conflicts"], summary["errors"]) == (1, 0, 0)
    on_server = get(hapi.base_url, f"Observation/{answer_id}")
    assert on_server["valueString"] == "Lives alone, daughter nearby"
    assert on_server["subject"]["reference"] == f"Patient/{ward.patients[0]}"
    assert _outbox_count(paths, actor) == 0


def test_a_wrong_pin_opens_nothing_and_is_not_echoed(
    hapi: HapiServer,
    actor: Actor,
    keystore_clean: SecretServiceHandle,
    paths: AppPaths,
    run_sync: RunSync,
) -> None:
    _create_cache(paths, actor)
    before = tree_digest(paths.data), keystore_clean.state()

    result = run_sync(hapi.base_url, WRONG_PIN)

    assert result.returncode == 2, _outcome(result)
    assert "Wrong PIN" in result.stderr
    assert SUMMARY.search(result.stdout) is None, "nothing was synced"
    after = tree_digest(paths.data)
    # Only the throttle's record of the wrong try (times, nothing else) was written.
    throttle = {p for p in after if p.name == "attempts.json"}
    assert len(throttle) == 1
    assert {p: d for p, d in after.items() if p not in throttle} == before[0]
    assert keystore_clean.state() == before[1]


@pytest.mark.parametrize("pin", [None, ""], ids=["no-pin-file", "empty-pin-file"])
def test_without_a_pin_the_command_says_how_to_give_one(
    hapi: HapiServer,
    actor: Actor,
    keystore_clean: SecretServiceHandle,
    paths: AppPaths,
    run_sync: RunSync,
    pin: str | None,
) -> None:
    _create_cache(paths, actor)
    before = tree_digest(paths.data)

    result = run_sync(hapi.base_url, pin)

    assert result.returncode == 2, _outcome(result)
    assert "no PIN" in result.stderr
    assert "--pin-file" in result.stderr
    assert "ASKONCE_PIN" in result.stderr
    assert "Traceback" not in result.stderr
    assert SUMMARY.search(result.stdout) is None
    assert tree_digest(paths.data) == before


def test_an_unreachable_server_fails_and_keeps_the_edit_queued(
    hapi: HapiServer,
    ward: SeededWard,
    actor: Actor,
    keystore_clean: SecretServiceHandle,
    paths: AppPaths,
    run_sync: RunSync,
) -> None:
    _create_cache(paths, actor)
    _first_sync(run_sync, hapi, ward, paths, actor)
    answer_id = _record_answer(paths, actor, ward.patients[1], "Uses a walking frame")

    result = run_sync(f"http://127.0.0.1:{_unused_port()}/fhir", PIN)

    assert result.returncode == 1, _outcome(result)
    assert "Traceback" not in result.stderr
    assert _outbox_count(paths, actor) == 1, "the edit waits for the next sync"
    with pytest.raises(httpx.HTTPStatusError) as missing:
        get(hapi.base_url, f"Observation/{answer_id}")
    assert missing.value.response.status_code in (404, 410), "nothing reached the server"
