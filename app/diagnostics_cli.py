"""``askonce diagnostics FILE.zip``: the diagnostics bundle for IT (app/diagnostics.py).

No sign-in and no PIN: caches stay closed, so the bundle has their files' names and
sizes but no counts from inside them (the GUI's Help ▸ Export diagnostics adds those).

Exit codes: 0 written; 1 the file could not be written; 2 wrong usage or the file
exists (``--force`` replaces it).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from app.clock import system_clock
from app.diagnostics import DEFAULT_LOG_LINES, DiagnosticsError, write_bundle
from app.logs import configure_logging
from app.paths import default_paths

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askonce diagnostics",
        description="Write a diagnostics bundle for IT: versions, platform, effective "
        "settings, cache file sizes and recent log lines. It holds no patient data.",
    )
    parser.add_argument("file", type=Path, metavar="FILE.zip", help="where to write the bundle")
    parser.add_argument("--force", action="store_true", help="replace FILE.zip if it exists")
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="the folder holding the caches"
    )
    parser.add_argument(
        "--log-lines",
        type=int,
        default=DEFAULT_LOG_LINES,
        metavar="N",
        help=f"recent lines of each log file (default {DEFAULT_LOG_LINES})",
    )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.log_lines < 0:
        print("askonce diagnostics: --log-lines must not be negative", file=sys.stderr)
        return EXIT_USAGE
    paths = default_paths().with_data_dir(args.data_dir)
    configure_logging(paths.logs, "diagnostics")
    target: Path = args.file
    if target.exists() and not args.force:
        print(
            f"askonce diagnostics: {target} already exists (use --force to replace it)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    log.info("writing a diagnostics bundle")
    try:
        written = write_bundle(
            target, paths, overwrite=args.force, log_lines=args.log_lines, clock=system_clock
        )
    except DiagnosticsError as exc:
        print(f"askonce diagnostics: {exc}", file=sys.stderr)
        return EXIT_FAILED
    log.info("diagnostics bundle written (%d bytes)", written.stat().st_size)
    print(f"diagnostics: {written}")
    return EXIT_OK
