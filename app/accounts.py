"""Who has a cache on this workstation, PIN throttling, and the cap on cached users.

Shared ward PCs: several nurses, often one operating-system account. Each user
has a folder of their own (named by a hash of the user id) holding the
encrypted cache, the wrapped key and two small plain files that hold no patient
data and no secret:

- ``profile.json``: user id, display name, role, when last used, and how many
  changes were still unsent at the last close (so a cache with unsent edits is
  never evicted — the count is all we can know without the user's key);
- ``attempts.json``: the times of wrong PINs since the last good one, for the
  growing delay and the lockout after ``pin_max_attempts``.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain import Role
from app.errors import PinThrottledError
from app.paths import AppPaths

log = logging.getLogger(__name__)

PROFILE_FILE = "profile.json"
ATTEMPTS_FILE = "attempts.json"
FREE_TRIES = 2
"""Wrong PINs allowed before the delay starts (typos happen)."""
MAX_DELAY_S = 300


@dataclass(frozen=True)
class UserProfile:
    user_id: str
    display_name: str
    role: Role
    last_used: datetime
    unsent: int = 0
    folder: Path | None = None


def _write_json(path: Path, doc: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc), encoding="utf-8")
    os.replace(tmp, path)


def _read_json(path: Path) -> dict[str, object] | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("unreadable %s (%s)", path.name, type(exc).__name__)
        return None
    return doc if isinstance(doc, dict) else None


def save_profile(folder: Path, profile: UserProfile) -> None:
    _write_json(
        folder / PROFILE_FILE,
        {
            "user_id": profile.user_id,
            "display_name": profile.display_name,
            "role": profile.role.value,
            "last_used": profile.last_used.isoformat(),
            "unsent": profile.unsent,
        },
    )


def load_profile(folder: Path) -> UserProfile | None:
    doc = _read_json(folder / PROFILE_FILE)
    if doc is None:
        return None
    try:
        return UserProfile(
            user_id=str(doc["user_id"]),
            display_name=str(doc["display_name"]),
            role=Role(str(doc.get("role", Role.NURSE.value))),
            last_used=datetime.fromisoformat(str(doc["last_used"])),
            unsent=int(str(doc.get("unsent", 0))),
            folder=folder,
        )
    except (KeyError, ValueError) as exc:
        log.warning("unreadable profile (%s)", type(exc).__name__)
        return None


def cached_users(paths: AppPaths) -> list[UserProfile]:
    """Users with a cache on this workstation, most recently used first."""
    root = paths.data / "users"
    if not root.is_dir():
        return []
    profiles = [p for folder in root.iterdir() if (p := load_profile(folder)) is not None]
    return sorted(profiles, key=lambda p: p.last_used, reverse=True)


def evictable(profiles: list[UserProfile], max_users: int, keep: str) -> list[UserProfile]:
    """The caches to delete so that ``keep`` fits under the cap: oldest first, never unsent."""
    others = [p for p in profiles if p.user_id != keep]
    excess = len(others) + 1 - max_users
    if excess <= 0:
        return []
    candidates = [p for p in reversed(others) if p.unsent == 0]  # oldest first
    if len(candidates) < excess:
        log.warning("user cap exceeded: the other caches hold unsent changes")
    return candidates[:excess]


def delete_cache_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=False)


class PinThrottle:
    """Wrong PINs in a row make the next try wait longer; too many lock offline unlock."""

    def __init__(self, folder: Path, max_attempts: int) -> None:
        self._path = folder / ATTEMPTS_FILE
        self.max_attempts = max_attempts

    def _read(self, field: str) -> list[datetime]:
        doc = _read_json(self._path) or {}
        times = doc.get(field, [])
        if not isinstance(times, list):
            return []
        out = []
        for text in times:
            try:
                out.append(datetime.fromisoformat(str(text)))
            except ValueError:
                continue
        return out

    def failures(self) -> list[datetime]:
        return self._read("failures")

    @staticmethod
    def delay_after(failures: int) -> float:
        if failures < FREE_TRIES:
            return 0.0
        return float(min(MAX_DELAY_S, 2 ** (failures - FREE_TRIES + 1)))

    def check(self, now: datetime) -> None:
        """Raise ``PinThrottledError`` while the user must still wait."""
        failures = self.failures()
        if not failures:
            return
        wait = self.delay_after(len(failures)) - (now - failures[-1]).total_seconds()
        if wait > 0:
            raise PinThrottledError(
                "Too many wrong PINs.",
                wait_seconds=wait,
                hint="Wait {seconds} seconds, then try again.",
                seconds=int(wait) + 1,
            )

    def record_failure(self, now: datetime, *, audited: bool = False) -> int:
        """Count a wrong PIN; ``audited`` when the caller writes it to the open audit trail."""
        times = [*self.failures(), now]
        done = [*self._read("audited"), *([now] if audited else [])]
        doc: dict[str, object] = {"failures": [t.isoformat() for t in times]}
        if done:
            doc["audited"] = [t.isoformat() for t in done]
        _write_json(self._path, doc)
        return len(times)

    def reset(self) -> list[datetime]:
        """After a good PIN: the wrong tries since the last good one not yet in the audit trail."""
        failures = self.failures()
        done = set(self._read("audited"))
        if failures:
            self._path.unlink(missing_ok=True)
        return [t for t in failures if t not in done]
