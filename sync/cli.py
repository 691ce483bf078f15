"""``askonce sync``: one sync from the command line, for IT and for tests.

The cache is unlocked exactly as the app does (PIN + OS keystore); for
unattended use the PIN comes from a file or the ASKONCE_PIN variable and the
access token from a file or ASKONCE_TOKEN. Prints a PHI-free summary and exits
non-zero when anything failed.
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
from app.settings import load_settings
from sync.client import SyncError
from sync.engine import SyncFailed, SyncStatus
from sync.factory import make_synchronizer


class StaticToken:
    """A bearer token given on the command line's behalf; it cannot be refreshed."""

    def __init__(self, token: str | None) -> None:
        self._token = token

    def token(self) -> str | None:
        return self._token

    def refresh(self) -> str | None:
        return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askonce sync", description="Run one sync of a user's cache and print a summary."
    )
    parser.add_argument(
        "--server", help="FHIR R4 base URL (only where the machine policy names none)"
    )
    parser.add_argument("--user", required=True, help="the user's Practitioner reference")
    parser.add_argument("--data-dir", type=Path, help="the folder holding the caches")
    parser.add_argument("--pin-file", type=Path, help="file with the user's PIN (else ASKONCE_PIN)")
    parser.add_argument(
        "--token-file", type=Path, help="file with an access token (else ASKONCE_TOKEN)"
    )
    parser.add_argument(
        "--ca-bundle",
        type=Path,
        help="extra CA certificates (PEM; only where the machine policy names none)",
    )
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")
    return parser


def _policy_wins(name: str, given: object, policy: object) -> str | None:
    """IT's policy decides where patient data goes: a command line may not change it."""
    if (
        policy is not None
        and given is not None
        and str(given).rstrip("/") != str(policy).rstrip("/")
    ):
        return f"the machine policy sets {name}; --{name.replace('_', '-')} may not change it"
    return None


def main(argv: Sequence[str]) -> int:
    args = build_parser().parse_args(argv)
    paths = default_paths()
    configure_logging(paths.logs, "sync")
    try:
        policy = load_settings(paths.policy_file, None).effective
    except KnownError as exc:
        print(f"askonce sync: {exc}", file=sys.stderr)
        return 2
    for problem in (
        _policy_wins("server", args.server, policy.fhir_server_url),
        _policy_wins("ca_bundle", args.ca_bundle, policy.ca_bundle),
    ):
        if problem:
            print(f"askonce sync: {problem}", file=sys.stderr)
            return 2
    server = str(policy.fhir_server_url or args.server or "")
    if not server:
        print("askonce sync: no FHIR server (the policy names none; use --server)", file=sys.stderr)
        return 2
    ca_bundle = policy.ca_bundle or args.ca_bundle
    try:
        pin = read_secret(args.pin_file, "ASKONCE_PIN")
        token = read_secret(args.token_file, "ASKONCE_TOKEN")
    except KnownError as exc:
        print(f"askonce sync: {exc}", file=sys.stderr)
        return 2
    if not pin:
        print("askonce sync: no PIN (use --pin-file or ASKONCE_PIN)", file=sys.stderr)
        return 2
    paths = paths.with_data_dir(args.data_dir)
    actor = known_actor(paths, args.user)
    try:
        session = unlock_user_cache(
            paths,
            actor,
            pin,
            OsKeystore(),
            load_catalog(policy.catalog_file),
            workstation=socket.gethostname(),
            clock=system_clock,
        )
    except KnownError as exc:
        print(f"askonce sync: {exc}", file=sys.stderr)
        return 2

    def show(status: SyncStatus) -> None:
        if not args.quiet and not isinstance(status, SyncFailed):
            print(f"  {type(status).__name__}", file=sys.stderr)

    try:
        engine = make_synchronizer(
            server,
            auth=StaticToken(token),
            db=session.db,
            catalog=session.service.catalog,
            practitioner=args.user,
            clock=system_clock,
            on_status=show,
            ca_bundle=ca_bundle,
            http_proxy=policy.http_proxy,
            assignment_source=policy.assignment_source,
        )
        with engine.client:
            summary = engine.sync()
    except (SyncError, KnownError) as exc:
        print(f"askonce sync: {exc}", file=sys.stderr)
        return 1
    finally:
        session.close()
    print(f"sync: {summary.line()}")
    for error in summary.errors:
        print(f"  error: {error}")
    return 1 if (summary.errors or summary.set_aside or summary.conflicts) else 0
