"""Logs: one file per process kind, rotated by size, safe with several processes at once."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import logs
from app.logs import (
    PROCESS_KINDS,
    ProcessKind,
    ProcessLogHandler,
    configure_logging,
    log_file_name,
    log_files,
    process_kind,
)

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("restore_root_logger")


def test_each_process_kind_has_its_own_file(tmp_path: Path) -> None:
    assert set(PROCESS_KINDS) == {"gui", "sync", "audit", "diagnostics", "policy"}
    written = {}
    for kind in PROCESS_KINDS:
        path = configure_logging(tmp_path, kind)
        logging.getLogger("test").info("line from %s", kind)
        written[kind] = path
    logging.getLogger().handlers[0].flush()
    assert sorted(p.name for p in written.values()) == sorted(f"{k}.log" for k in PROCESS_KINDS)
    for kind, path in written.items():
        text = path.read_text(encoding="utf-8")
        assert f"line from {kind}" in text
        assert all(f"line from {other}" not in text for other in PROCESS_KINDS if other != kind)
        assert f" {os.getpid()} " in text  # the process id tells concurrent runs apart


def test_the_kind_follows_the_sub_command() -> None:
    assert process_kind(["sync", "--server", "x"]) == "sync"
    assert process_kind(["audit"]) == "audit"
    assert process_kind(["diagnostics", "out.zip"]) == "diagnostics"
    assert process_kind(["policy", "show"]) == "policy"
    assert process_kind(["--demo"]) == "gui"
    assert process_kind([]) == "gui"


def test_the_file_rotates_by_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    configure_logging(tmp_path, "sync")
    log = logging.getLogger("test.rotation")
    for n in range(400):
        log.info("sync step %04d done in 12 ms", n)
    names = [p.name for p in log_files(tmp_path)]
    assert names[0] == "sync.log"
    assert "sync.log.1" in names
    assert len(names) <= 1 + logs.BACKUP_COUNT
    assert all(p.stat().st_size <= 2_200 for p in log_files(tmp_path))
    assert "sync step 0399" in (tmp_path / "sync.log").read_text(encoding="utf-8")


def test_a_rotation_another_process_blocks_is_put_off_and_no_line_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows renaming a log file another process holds open fails (PermissionError)."""
    monkeypatch.setattr(logs, "MAX_BYTES", 1_000)
    configure_logging(tmp_path, "gui")
    handler = logging.getLogger().handlers[0]
    assert isinstance(handler, ProcessLogHandler)
    attempts = []

    def held_elsewhere(source: str, dest: str) -> None:
        attempts.append(source)
        raise PermissionError(13, "The process cannot access the file")

    handler.rotator = held_elsewhere
    monkeypatch.setattr(logging, "raiseExceptions", True)
    log = logging.getLogger("test.blocked")
    for n in range(200):
        log.info("refresh %04d ok", n)
    text = (tmp_path / "gui.log").read_text(encoding="utf-8")
    assert all(f"refresh {n:04d} ok" in text for n in range(200))
    assert len(attempts) == 1  # tried once, then put off (not once per line)
    assert not (tmp_path / "gui.log.1").exists()

    # Later the other process has let go: rotation resumes.
    handler.rotator = None
    monkeypatch.setattr(logs.time, "monotonic", lambda: 10.0**9)
    log.info("after the wait")
    assert (tmp_path / "gui.log.1").exists()


WRITER = """
import logging, sys
from pathlib import Path
from app import logs
logs.MAX_BYTES = 3_000
logs.configure_logging(Path(sys.argv[1]), sys.argv[2])
log = logging.getLogger("writer")
for n in range(1500):
    log.info("%s line %05d", sys.argv[2], n)
"""


def test_processes_of_different_kinds_at_once_never_share_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), kind], cwd=ROOT, env=env)
        for kind in ("gui", "sync", "audit")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0]
    files = log_files(folder)
    kinds: tuple[ProcessKind, ...] = ("gui", "sync", "audit")
    for kind in kinds:
        mine = [p for p in files if p.name.startswith(log_file_name(kind))]
        assert len(mine) > 1, f"{kind} rotated"
        for path in mine:
            for line in path.read_text(encoding="utf-8").splitlines():
                assert f" {kind} line " in line, f"{path.name}: {line}"
        newest = (folder / log_file_name(kind)).read_text(encoding="utf-8")
        assert f"{kind} line 01499" in newest


def test_no_patient_data_rule_is_stated_where_logging_is_configured() -> None:
    assert "never PHI" in (logs.__doc__ or "")


def test_http_libraries_never_log_request_urls_even_verbose(tmp_path: Path) -> None:
    """httpx logs every request's URL at INFO; a FHIR search URL can carry an MRN."""
    path = configure_logging(tmp_path, "sync", verbose=True)
    logging.getLogger("httpx").info("HTTP Request: GET https://fhir/Patient?identifier=4711")
    logging.getLogger("httpcore.connection").debug("connect_tcp.started host='fhir'")
    logging.getLogger("httpx").warning("a library warning still arrives")
    logging.getLogger("sync.engine").debug("our own debug line")
    text = path.read_text(encoding="utf-8")
    assert "4711" not in text
    assert "connect_tcp" not in text
    assert "a library warning still arrives" in text
    assert "our own debug line" in text
