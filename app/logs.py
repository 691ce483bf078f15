"""Logging to the platform's log folder, one file per process kind, rotated by size.

Log ids, counts and durations — never PHI.

Each kind of process (the GUI, ``askonce sync``, ``askonce audit``, ...) writes its own
file (``gui.log``, ``sync.log``, ...), so a sync started by IT's scheduler never rotates
the file the GUI holds open: on Windows renaming a file another process has open fails.
Two processes of the same kind at once (rare: two syncs) append to one file, and a
rotation the other one blocks is put off instead of failing or losing lines.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, get_args

ProcessKind = Literal["gui", "sync", "audit", "diagnostics", "policy"]
PROCESS_KINDS: tuple[ProcessKind, ...] = get_args(ProcessKind)
LOG_SUFFIX = ".log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5
ROLLOVER_RETRY_S = 60.0
"""After a rotation another process blocked, keep writing and try again this much later."""
QUIET_LIBRARIES = ("httpx", "httpcore", "hpack", "urllib3")
"""Their INFO/DEBUG lines carry request URLs, and a FHIR search URL can carry an MRN or a
name (``Patient?identifier=...``): only their warnings reach our files, even with
``--verbose``. Our own modules log what happened without the URL."""
LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s [%(threadName)s] %(message)s"


def log_file_name(kind: ProcessKind) -> str:
    return f"{kind}{LOG_SUFFIX}"


def process_kind(argv: Sequence[str]) -> ProcessKind:
    """The kind of process ``askonce <argv>`` is: its sub-command, else the GUI."""
    first = argv[0] if argv else ""
    for kind in PROCESS_KINDS:
        if kind == first:
            return kind
    return "gui"


class ProcessLogHandler(logging.handlers.RotatingFileHandler):
    """A size-rotated file that tolerates a rotation another process blocks (Windows)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        self._rollover_blocked_until = 0.0

    def shouldRollover(self, record: logging.LogRecord) -> int:
        if time.monotonic() < self._rollover_blocked_until:
            return 0
        return super().shouldRollover(record)

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            # Another process has the file open (Windows refuses the rename): keep appending
            # to the current file and try again later rather than drop lines.
            self._rollover_blocked_until = time.monotonic() + ROLLOVER_RETRY_S
            if self.stream is None:
                self.stream = self._open()


def configure_logging(
    log_dir: Path, kind: ProcessKind | None = None, *, verbose: bool = False
) -> Path:
    """Send this process's log lines to ``log_dir/<kind>.log``; returns that path.

    ``kind`` defaults to the sub-command on the command line (``askonce sync`` → sync),
    else ``gui``; callers should name it.
    """
    if kind is None:
        kind = process_kind(sys.argv[1:])
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / log_file_name(kind)
    handler = ProcessLogHandler(path)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    for old in root.handlers:
        if isinstance(old, logging.FileHandler):
            old.close()  # a second configure in one process: release the previous file
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for library in QUIET_LIBRARIES:
        logging.getLogger(library).setLevel(logging.WARNING)
    return path


def log_files(log_dir: Path) -> list[Path]:
    """Every log file in ``log_dir``, current ones first (``gui.log`` before ``gui.log.1``)."""
    if not log_dir.is_dir():
        return []
    found = [p for p in log_dir.iterdir() if p.is_file() and LOG_SUFFIX in p.name]
    return sorted(found, key=lambda p: (not p.name.endswith(LOG_SUFFIX), p.name))
