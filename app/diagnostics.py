"""The diagnostics bundle IT asks for: one zip of facts about this installation, no PHI.

What goes in (``report.json`` and ``logs/``):

- the AskOnce version, the platform, Python and the versions of the libraries that talk to
  the outside (Qt by its package metadata: the core never imports Qt);
- the effective settings and where each came from (policy, preferences, default), with
  anything secret redacted (a proxy's user name and password);
- per user folder the cache files' names and sizes (caches are encrypted and are not
  opened here); from the GUI, the open cache's schema version and its sync counts,
  read through the already-open service;
- the last lines of every log file (logs never hold patient data: ids, counts, durations).

Nothing here reads a patient record; the canary test in
``tests/security/test_diagnostics_no_patient_data.py`` proves it over the whole bundle.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.metadata
import json
import os
import platform
import sys
import tempfile
import urllib.parse
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__
from app import paths as app_paths
from app.clock import Clock
from app.errors import KnownError
from app.logs import log_files
from app.paths import AppPaths
from app.settings import LayeredSettings, Settings, load_settings

if TYPE_CHECKING:
    from app.services import CareService

BUNDLE_FORMAT = 1
DEFAULT_LOG_LINES = 400
MAX_LISTED_FILES = 500
REPORT_MEMBER = "report.json"
LOGS_FOLDER = "logs/"
LIBRARIES = (
    "PySide6-Essentials",
    "PySide6",
    "httpx",
    "truststore",
    "sqlcipher3",
    "cryptography",
    "pydantic",
    "keyring",
    "authlib",
    "joserfc",
    "websockets",
)
SECRET_WORDS = ("secret", "password", "token", "credential", "private")
REDACTED = "<redacted>"


class DiagnosticsError(KnownError):
    """The bundle could not be written where asked."""


# --- the facts -------------------------------------------------------------------------


def library_versions() -> dict[str, str]:
    """Installed versions by package metadata (nothing is imported: no Qt in the core)."""
    found = {}
    for name in LIBRARIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found[name] = importlib.metadata.version(name)
    return found


def platform_facts() -> dict[str, Any]:
    return {
        "system": platform.system(),
        "release": platform.release(),
        "version": platform.version(),
        "machine": platform.machine(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
    }


def _declared_secret(name: str) -> bool:
    field = Settings.model_fields.get(name)
    extra = field.json_schema_extra if field is not None else None
    return isinstance(extra, dict) and bool(extra.get("secret", False))


def redact(name: str, value: Any) -> Any:
    """A setting's value as it may leave the machine: no secrets, no proxy credentials."""
    if value is None or value == "":
        return value
    if _declared_secret(name) or any(word in name.lower() for word in SECRET_WORDS):
        return REDACTED
    if isinstance(value, str) and "://" in value:
        parts = urllib.parse.urlsplit(value)
        if parts.username is not None or parts.password is not None:
            host = parts.hostname or ""
            if parts.port is not None:
                host = f"{host}:{parts.port}"
            return urllib.parse.urlunsplit(
                (parts.scheme, f"{REDACTED}@{host}", parts.path, parts.query, parts.fragment)
            )
    return value


def _machine_policy(paths: AppPaths) -> Any:
    """The administrator-owned policy places where this build has them, else the file."""
    sources = getattr(app_paths, "machine_policy_sources", None)
    return sources() if callable(sources) else paths.policy_file


def _describe_sources(policy: Any) -> Any:
    if dataclasses.is_dataclass(policy) and not isinstance(policy, type):
        return {k: str(v) for k, v in dataclasses.asdict(policy).items() if v is not None}
    return str(policy)


def _origin(settings: LayeredSettings, name: str, value: Any, default: Any) -> str:
    origin = getattr(settings, "origin", None)
    if callable(origin):
        return str(origin(name))
    if name in settings.locked:
        return "policy"
    return "preferences" if value != default else "default"


def settings_facts(paths: AppPaths, settings: LayeredSettings | None = None) -> dict[str, Any]:
    """The effective settings with their source; an unreadable policy is reported, not raised."""
    facts: dict[str, Any] = {}
    try:
        if settings is None:
            policy = _machine_policy(paths)
            facts["policy_sources"] = _describe_sources(policy)
            settings = load_settings(policy, paths.config / "preferences.json")
    except Exception as exc:  # noqa: BLE001 -- a broken policy is what IT wants to see
        facts["error"] = f"{type(exc).__name__}: {exc}"
        return facts
    values = settings.effective.model_dump(mode="json")
    default_values = Settings().model_dump(mode="json")
    facts["options"] = {
        name: {
            "value": redact(name, value),
            "source": _origin(settings, name, value, default_values.get(name)),
            "locked": name in settings.locked,
        }
        for name, value in values.items()
    }
    return facts


def _listing(folder: Path, root: Path) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for path in sorted(folder.rglob("*")):
        if len(entries) >= MAX_LISTED_FILES:
            break
        with contextlib.suppress(OSError):
            if path.is_file():
                entries.append(
                    {"file": path.relative_to(root).as_posix(), "bytes": path.stat().st_size}
                )
    return entries


def cache_facts(paths: AppPaths) -> dict[str, Any]:
    """Per user folder the files' names and sizes: caches are encrypted and stay closed.

    User folders are named by a hash of the user id (app/session.py ``user_key``).
    """
    from app.store.database import SCHEMA_VERSION  # the version this build expects

    users_root = paths.data / "users"
    users = []
    if users_root.is_dir():
        for folder in sorted(p for p in users_root.iterdir() if p.is_dir()):
            files = _listing(folder, folder)
            users.append(
                {
                    "folder": folder.name,
                    "files": files,
                    "total_bytes": sum(f["bytes"] for f in files),
                }
            )
    others = (
        [f for f in _listing(paths.data, paths.data) if not f["file"].startswith("users/")]
        if paths.data.is_dir()
        else []
    )
    return {
        "data_folder": str(paths.data),
        "schema_version_expected": SCHEMA_VERSION,
        "user_folders": users,
        "other_files": others,
    }


def open_cache_facts(service: CareService) -> dict[str, Any]:
    """From the GUI's open cache: its schema version and sync counts (no records read).

    Call it where cache access is serialized (the GUI's DB worker).
    """
    counts = service.outbox.counts()
    return {
        "schema_version": service.db.schema_version,
        "sync": {
            "waiting": counts.waiting,
            "refused": counts.refused,
            "conflicts": counts.conflicts,
        },
    }


def log_tail(path: Path, lines: int) -> str:
    """The last ``lines`` lines of a log file (read in full: rotation caps it at 2 MB)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return f"[unreadable: {exc.strerror}]\n"
    tail = text.splitlines()[-lines:] if lines > 0 else []
    return "\n".join(tail) + ("\n" if tail else "")


def build_report(
    paths: AppPaths,
    *,
    settings: LayeredSettings | None = None,
    open_cache: dict[str, Any] | None = None,
    at: datetime,
) -> dict[str, Any]:
    return {
        "format": BUNDLE_FORMAT,
        "created_at": at.isoformat(),
        "askonce_version": __version__,
        "platform": platform_facts(),
        "libraries": library_versions(),
        "folders": {"data": str(paths.data), "config": str(paths.config), "logs": str(paths.logs)},
        "settings": settings_facts(paths, settings),
        "caches": cache_facts(paths),
        "open_cache": open_cache,
        "log_files": [{"file": p.name, "bytes": p.stat().st_size} for p in log_files(paths.logs)],
    }


# --- the zip -----------------------------------------------------------------------------


def write_bundle(
    target: Path,
    paths: AppPaths,
    *,
    overwrite: bool = False,
    settings: LayeredSettings | None = None,
    open_cache: dict[str, Any] | None = None,
    log_lines: int = DEFAULT_LOG_LINES,
    clock: Clock,
) -> Path:
    """Write the bundle to ``target`` (whole or not at all); returns its absolute path."""
    target = target.expanduser().absolute()
    if target.exists() and not overwrite:
        raise DiagnosticsError(
            "{path} already exists.", hint="Choose another file name.", path=str(target)
        )
    at = clock()
    report = build_report(paths, settings=settings, open_cache=open_cache, at=at)
    stamp = at.timetuple()[:6]
    members: list[tuple[str, str]] = [(REPORT_MEMBER, json.dumps(report, indent=2) + "\n")]
    members += [
        (f"{LOGS_FOLDER}{p.name}.txt", log_tail(p, log_lines))
        for p in log_files(paths.logs)
        if p.name.endswith(".log")
    ]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, partial_name = tempfile.mkstemp(
            prefix=".askonce-diagnostics-", suffix=".partial", dir=target.parent
        )
    except OSError as exc:
        raise _write_error(target, exc) from exc
    partial = Path(partial_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, text in members:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, text.encode("utf-8"))
        os.replace(partial, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise _write_error(target, exc) from exc
    return target


def _write_error(target: Path, exc: OSError) -> DiagnosticsError:
    return DiagnosticsError(
        "The diagnostics file {path} cannot be written ({reason}).",
        hint="Choose another folder, or check that the disk is not full.",
        path=str(target),
        reason=exc.strerror or type(exc).__name__,
    )


def bundle_writer(
    target: Path,
    paths: AppPaths,
    service: CareService | None,
    *,
    clock: Clock,
    overwrite: bool = True,
    log_lines: int = DEFAULT_LOG_LINES,
) -> Callable[[], Path]:
    """The whole export as one call for the GUI's DB worker (the service's counts included)."""

    def run() -> Path:
        open_cache = open_cache_facts(service) if service is not None else None
        return write_bundle(
            target,
            paths,
            overwrite=overwrite,
            open_cache=open_cache,
            log_lines=log_lines,
            clock=clock,
        )

    return run
