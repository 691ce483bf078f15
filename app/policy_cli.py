"""``askonce policy``: IT's view of the machine policy, a checker, and a writer.

``show`` prints every effective option with its value and where it came from
(default, a policy file, the registry or managed preferences, the user's
preferences); ``check`` validates policy files before they are rolled out; ``set``
merges options into the machine policy file, checked, written atomically (the MSI's
custom action runs ``askonce policy set fhir_server_url=... oidc_issuer=...``).
Nothing here reads the policy from anywhere but ``app.paths.machine_policy_sources``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.paths import default_paths, machine_policy_sources
from app.settings import (
    IT_HINT,
    OptionSpec,
    SettingsError,
    check_policy_file,
    check_policy_values,
    load_settings,
    option_specs,
    write_json_atomically,
)

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_NOT_WRITTEN = 3
HIDDEN = "(hidden)"
CREDENTIALS = re.compile(r"^([a-z][a-z0-9+.-]*://)[^/@\s]+@", re.IGNORECASE)
"""User name and password in a URL (``http://user:pw@proxy:3128``): never printed."""

EXIT_CODES = """exit codes:
  0  done: the policy is valid (check), shown (show) or written (set)
  1  a policy file, registry value or option is wrong; the message names the file
     and the option
  2  wrong command line
  3  the policy file cannot be written: setting the policy needs administrator rights
     (sudo on Linux and macOS, an elevated prompt or SYSTEM on Windows)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="askonce policy",
        description="The machine policy: options IT sets for every user of this computer "
        f"(read from {machine_policy_sources().file}, the policy.d drop-ins beside it"
        + (", and the OS's managed settings)" if sys.platform in ("win32", "darwin") else ")"),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    show = commands.add_parser(
        "show",
        help="every effective option, its value and where it came from",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")
    check = commands.add_parser(
        "check",
        help="check policy files before rolling them out",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    setter = commands.add_parser(
        "set",
        help="set options in the machine policy file (administrators only)",
        description="Merge KEY=VALUE options into the policy file, checked, written "
        "atomically. An empty VALUE (KEY=) removes the option from the file.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    setter.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
    setter.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help=f"the policy file to write (default: {machine_policy_sources().file})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "show":
            return _show(as_json=args.json)
        if args.command == "check":
            return _check(args.files)
        return _set(args.assignments, args.file or machine_policy_sources().file)
    except SettingsError as exc:
        _complain(exc)
        return EXIT_INVALID


def _complain(exc: SettingsError) -> None:
    # "Ask IT to correct it" is for nurses; the reader here is IT.
    print(f"askonce policy: {exc.message if exc.hint == IT_HINT else exc}", file=sys.stderr)


def _show(*, as_json: bool) -> int:
    paths = default_paths()
    layered = load_settings(machine_policy_sources(), paths.preferences_file)
    values = layered.effective.model_dump(mode="json")
    rows: dict[str, dict[str, Any]] = {}
    for spec in option_specs():
        value = values[spec.name]
        if spec.secret and value not in (None, ""):
            value = HIDDEN
        elif isinstance(value, str):
            value = CREDENTIALS.sub(r"\1***@", value)  # a proxy's user:password@
        rows[spec.name] = {
            "value": value,
            "source": layered.origin(spec.name),
            "locked": spec.name in layered.locked,
        }
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max(len(name) for name in rows)
    shown = {name: _display(row["value"]) for name, row in rows.items()}
    value_width = min(max(len(v) for v in shown.values()), 48)
    for name, row in rows.items():
        print(f"{name:<{width}}  {shown[name]:<{value_width}}  {row['source']}")
    return EXIT_OK


def _display(value: object) -> str:
    if value is None:
        return "(not set)"
    if value == "":
        return '""'
    return str(value)


def _check(files: Sequence[Path]) -> int:
    failed = False
    for path in files:
        try:
            values = check_policy_file(path)
        except SettingsError as exc:
            _complain(exc)
            failed = True
            continue
        print(f"{path}: valid ({len(values)} option{'' if len(values) == 1 else 's'})")
    return EXIT_INVALID if failed else EXIT_OK


def parse_assignment(text: str, specs: dict[str, OptionSpec]) -> tuple[str, object]:
    """``KEY=VALUE`` to the option's name and typed value (``None``: remove it)."""
    name, sep, raw = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise SettingsError(f"'{text}' is not KEY=VALUE.")
    spec = specs.get(name)
    if spec is None:
        raise SettingsError(
            f"There is no option {name}.", hint="askonce policy show lists every option."
        )
    if raw == "":
        return name, None
    if spec.kind == "integer":
        try:
            return name, int(raw)
        except ValueError:
            raise SettingsError(f"The option {name} needs a whole number.") from None
    if spec.kind == "boolean":
        words = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
        if raw.lower() not in words:
            raise SettingsError(f"The option {name} needs true or false.")
        return name, words[raw.lower()]
    return name, raw


def _set(assignments: Sequence[str], target: Path) -> int:
    specs = {spec.name: spec for spec in option_specs()}
    changes = dict(parse_assignment(a, specs) for a in assignments)
    values = check_policy_file(target) if target.exists() else {}
    for name, value in changes.items():
        if value is None:
            values.pop(name, None)
        else:
            values[name] = value
    check_policy_values(values, f"new policy for {target}")
    try:
        write_json_atomically(target, values)
    except PermissionError:
        print(
            f"askonce policy: permission denied writing {target}. Setting the machine "
            "policy needs administrator rights: run it with sudo (Linux, macOS) or from an "
            "elevated prompt (Windows).",
            file=sys.stderr,
        )
        return EXIT_NOT_WRITTEN
    except OSError as exc:
        print(f"askonce policy: {target} cannot be written ({exc.strerror}).", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    print(f"{target}: {', '.join(sorted(changes))} set ({len(values)} in the file)")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
