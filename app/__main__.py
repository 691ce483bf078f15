"""``askonce`` / ``python -m app``: parse the command line, then start the front end.

The one thin launcher allowed to import ``ui`` (lazily, after argument parsing),
so ``--help`` and ``--version`` work without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askonce",
        description=(
            "AskOnce: see what each patient has already been asked, record answers, home "
            "medications and home-care contacts once, from an encrypted offline cache."
        ),
        epilog="Headless sync for IT and tests: askonce sync --help. "
        "Checking a user's audit trail: askonce audit --help",
    )
    parser.add_argument("--version", action="version", version=f"AskOnce {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run on synthetic patients in a throwaway encrypted cache (no server, no sign-in)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="keep the cache in DIR (with --demo: the demo cache, replaced on every start)",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the main window to FILE.png once it has loaded, then exit",
    )
    parser.add_argument(
        "--patients",
        type=int,
        default=32,
        metavar="N",
        help="number of synthetic patients with --demo (default 32)",
    )
    parser.add_argument("--language", metavar="LANG", help="user-interface language, e.g. en or de")
    parser.add_argument(
        "--appearance",
        choices=("system", "light", "dark", "high-contrast"),
        help="colours for this run (the View menu keeps a choice)",
    )
    parser.add_argument("--verbose", action="store_true", help="write debug lines to the log")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["sync"]:
        from sync.cli import main as sync_main  # lazily: headless, no Qt

        return sync_main(argv[1:])
    if argv[:1] == ["policy"]:
        from app.policy_cli import main as policy_main

        return policy_main(argv[1:])
    if argv[:1] == ["audit"]:
        from app.audit_cli import main as audit_main

        return audit_main(argv[1:])
    if argv[:1] == ["diagnostics"]:
        from app.diagnostics_cli import main as diagnostics_main

        return diagnostics_main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.patients < 1:
        print("askonce: --patients must be at least 1", file=sys.stderr)
        return 2
    from ui.application import run  # lazily: the core stays importable without Qt

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
