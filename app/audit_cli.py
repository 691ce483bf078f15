"""``askonce audit verify``: check that a user's local audit trail is unchanged.

The audit log is append-only and hash-chained (DESIGN.md §3): each entry's hash
covers its fields and the previous entry's hash. A changed, inserted or removed
entry breaks the chain at that point. The cache is unlocked as the app does
(PIN + OS keystore); the PIN comes from a file or ASKONCE_PIN. Prints no
patient data: only counts and the entry number where the chain breaks.
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from app.catalog import load_catalog
from app.clock import system_clock
from app.errors import KnownError
from app.keystore import OsKeystore
from app.logs import configure_logging
from app.paths import default_paths
from app.session import known_actor, read_secret, unlock_user_cache


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askonce audit", description="Check a user's local audit trail (hash chain)."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser("verify", help="verify the hash chain; exit 1 if it was changed")
    verify.add_argument("--user", required=True, help="the user's Practitioner reference")
    verify.add_argument("--data-dir", type=Path, help="the folder holding the caches")
    verify.add_argument("--pin-file", type=Path, help="file with the user's PIN (else ASKONCE_PIN)")
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    paths = default_paths()
    configure_logging(paths.logs, "audit")
    try:
        pin = read_secret(args.pin_file, "ASKONCE_PIN")
    except KnownError as exc:
        print(f"askonce audit: {exc}", file=sys.stderr)
        return 2
    if not pin:
        print("askonce audit: no PIN (use --pin-file or ASKONCE_PIN)", file=sys.stderr)
        return 2
    paths = paths.with_data_dir(args.data_dir)
    actor = known_actor(paths, args.user)  # keeps the name the sign-in list shows
    try:
        session = unlock_user_cache(
            paths,
            actor,
            pin,
            OsKeystore(),
            load_catalog(),
            workstation=socket.gethostname(),
            clock=system_clock,
        )
    except KnownError as exc:
        print(f"askonce audit: {exc}", file=sys.stderr)
        return 2
    try:
        repo = session.service.repo
        broken = repo.verify_audit_chain()
        count = len(repo.audit_entries())
    finally:
        session.close()
    if broken is not None:
        print(f"audit trail CHANGED: the chain breaks at entry {broken} of {count}")
        return 1
    print(f"audit trail intact: {count} entries")
    return 0
