"""Opening a cache: a user's own (PIN + keystore) or the throwaway demo cache.

Fail closed, in this order: the key file must exist, the keystore must answer,
the PIN must unwrap the key, the key must open the database. Nothing is created
or written before all of that succeeded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.accounts import (
    PinThrottle,
    UserProfile,
    cached_users,
    delete_cache_folder,
    evictable,
    load_profile,
    save_profile,
)
from app.clock import Clock
from app.domain import (
    Actor,
    AnswerType,
    AuditAction,
    Catalog,
    MedicationStatus,
    Role,
    Source,
)
from app.errors import KnownError, LockedOutError, ValidationError, WrongPinError
from app.keystore import Keystore
from app.paths import AppPaths

if TYPE_CHECKING:
    # The key derivation (cryptography), SQLCipher and the services load when a cache is
    # opened, not with the first window (start-up time).
    from app.keys import DatabaseKey, KdfParams
    from app.services import CareService
    from app.store.database import Database

log = logging.getLogger(__name__)

CACHE_FILE = "cache.db"
KEY_FILE = "cache.key.json"


REFRESH_TOKEN_META = "oidc.refresh_token"  # noqa: S105 -- a meta key, not a token
DRAFT_META = "ui.draft"


@dataclass
class CacheSession:
    """An open cache and the service over it; ``close()`` drops the key from memory."""

    db: Database
    service: CareService
    key: DatabaseKey
    is_demo: bool = False
    folder: Path | None = None
    profile: UserProfile | None = None
    _temp_dir: Path | None = field(default=None, repr=False)

    # --- secrets and drafts kept inside the encrypted cache -----------------------------

    def refresh_token(self) -> str | None:
        return self.service.repo.meta(REFRESH_TOKEN_META) or None

    def store_refresh_token(self, token: str | None) -> None:
        with self.db.transaction() as conn:
            self.service.repo.set_meta(conn, REFRESH_TOKEN_META, token or "")

    def draft(self) -> dict[str, Any] | None:
        text = self.service.repo.meta(DRAFT_META)
        if not text:
            return None
        try:
            doc = json.loads(text)
        except ValueError:
            return None
        return doc if isinstance(doc, dict) else None

    def save_draft(self, draft: dict[str, Any] | None) -> None:
        """A half-typed entry, kept encrypted across a lock (or ``None`` once restored)."""
        with self.db.transaction() as conn:
            self.service.repo.set_meta(conn, DRAFT_META, json.dumps(draft) if draft else "")

    def confirm_pin(
        self, paths: AppPaths, pin: str, keystore: Keystore, *, max_attempts: int
    ) -> None:
        """Re-authentication (print, export, break-glass): raise unless ``pin`` is right.

        The same throttle and lockout as unlocking; the cache is open, so each wrong
        PIN goes into the audit trail at once.
        """
        user_id = self.service.actor.user_id

        def audit(at: datetime) -> None:
            self.service.access.record_audit(
                AuditAction.FAILED_PIN, detail="re-authentication", at=at
            )

        key, _audited = unwrap_with_pin(
            paths,
            user_id,
            pin,
            keystore,
            max_attempts=max_attempts,
            now=self.service.now(),
            on_wrong_pin=audit,
        )
        key.wipe()

    def close(self) -> None:
        if self.folder is not None and self.profile is not None and self.db.is_open:
            profile = replace(
                self.profile, unsent=self.service.outbox.count(), last_used=self.service.now()
            )
            save_profile(self.folder, profile)
        self.db.close()
        self.key.wipe()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None


def user_key(user_id: str) -> str:
    """A folder name for a user that does not spell out the user id."""
    return hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:24]


def user_folder(paths: AppPaths, user_id: str) -> Path:
    return paths.user_dir(user_key(user_id))


def known_actor(paths: AppPaths, user_id: str) -> Actor:
    """The user as this workstation knows them (the name the sign-in list shows)."""
    profile = load_profile(user_folder(paths, user_id))
    return Actor(user_id=user_id, display_name=profile.display_name if profile else user_id)


def read_secret(path: Path | None, variable: str) -> str | None:
    """A PIN or token for a command: from a file (trailing newline removed) or the environment."""
    if path is not None:
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as exc:
            raise KnownError(
                "Cannot read {file} ({kind}).", file=path.name, kind=type(exc).__name__
            ) from exc
    return os.environ.get(variable)


def cache_exists(paths: AppPaths, user_id: str) -> bool:
    return (user_folder(paths, user_id) / KEY_FILE).exists()


def is_locked_out(paths: AppPaths, user_id: str) -> bool:
    from app.keys import KeyWrapper

    return cache_exists(paths, user_id) and KeyWrapper.is_locked_out(
        user_folder(paths, user_id) / KEY_FILE
    )


def create_user_cache(
    paths: AppPaths,
    actor: Actor,
    pin: str,
    keystore: Keystore,
    catalog: Catalog,
    *,
    workstation: str,
    language: str = "en",
    role: Role = Role.NURSE,
    min_pin_length: int = 6,
    max_users: int | None = None,
    kdf: KdfParams | None = None,
    clock: Clock,
) -> CacheSession:
    """First use of this workstation by this user (after an online sign-in)."""
    from app.keys import KeyWrapper
    from app.store.database import Database

    check_pin_strength(pin, min_pin_length)
    folder = user_folder(paths, actor.user_id)
    if (folder / KEY_FILE).exists():
        raise ValidationError("A cache for this user already exists on this workstation.")
    if max_users is not None:
        for old in evictable(cached_users(paths), max_users, actor.user_id):
            assert old.folder is not None
            log.info("evicting the least recently used cache (user cap %d)", max_users)
            KeyWrapper(keystore).forget(old.user_id)
            delete_cache_folder(old.folder)
    key = KeyWrapper(keystore, kdf).create(folder / KEY_FILE, actor.user_id, pin)
    db = Database.open(folder / CACHE_FILE, key, create=True)
    return _session(db, key, folder, actor, role, catalog, workstation, clock, language)


def check_pin_strength(pin: str, min_length: int) -> None:
    if len(pin) < min_length:
        raise ValidationError("The PIN must have at least {count} characters.", count=min_length)
    if len(set(pin)) == 1 or pin in "0123456789012345678909876543210":
        raise ValidationError("The PIN is too easy to guess (repeated or consecutive digits).")


def unwrap_with_pin(
    paths: AppPaths,
    user_id: str,
    pin: str,
    keystore: Keystore,
    *,
    max_attempts: int,
    now: datetime,
    on_wrong_pin: Callable[[datetime], None] | None = None,
) -> tuple[DatabaseKey, list[datetime]]:
    """The cache key and the wrong tries before this good one; throttled, locks out.

    Every wrong PIN makes the next try wait longer; after ``max_attempts`` wrong
    PINs in a row the PIN-wrapped key is dropped and only an online sign-in of the
    same user restores access (the cache and its unsent changes are kept). With the
    cache open (re-authentication) ``on_wrong_pin`` audits each wrong PIN at once;
    otherwise they are returned after the next good one, to be audited then.
    """
    from app.keys import KeyWrapper

    folder = user_folder(paths, user_id)
    wrapper = KeyWrapper(keystore)
    if is_locked_out(paths, user_id):  # waiting would not help: say so first
        wrapper.unwrap(folder / KEY_FILE, user_id, pin)  # raises LockedOutError
    throttle = PinThrottle(folder, max_attempts)
    throttle.check(now)
    try:
        key = wrapper.unwrap(folder / KEY_FILE, user_id, pin)
    except LockedOutError:
        raise
    except WrongPinError as exc:
        count = throttle.record_failure(now, audited=on_wrong_pin is not None)
        if on_wrong_pin is not None:
            on_wrong_pin(now)
        if count >= max_attempts:
            wrapper.drop_pin_wrap(folder / KEY_FILE)
            raise LockedOutError(
                "Too many wrong PINs: offline unlock is now blocked.",
                hint="Sign in online to restore access; your data and unsent changes are kept.",
            ) from exc
        left = max_attempts - count
        raise WrongPinError(
            "Wrong PIN.",
            hint=(
                "1 more wrong try will block offline unlock."
                if left == 1
                else "{left} more wrong tries will block offline unlock."
            ),
            left=left,
        ) from exc
    return key, throttle.reset()


def unlock_user_cache(
    paths: AppPaths,
    actor: Actor,
    pin: str,
    keystore: Keystore,
    catalog: Catalog,
    *,
    workstation: str,
    language: str = "en",
    role: Role | None = None,
    max_attempts: int = 5,
    clock: Clock,
) -> CacheSession:
    folder = user_folder(paths, actor.user_id)
    key, failures = unwrap_with_pin(
        paths, actor.user_id, pin, keystore, max_attempts=max_attempts, now=clock()
    )
    session = _open(key, folder, actor, role, catalog, workstation, clock, language)
    for at in failures:  # wrong PINs happen before the cache is open; recorded now
        session.service.access.record_audit(AuditAction.FAILED_PIN, detail="offline unlock", at=at)
    return session


def restore_user_cache(
    paths: AppPaths,
    actor: Actor,
    new_pin: str,
    keystore: Keystore,
    catalog: Catalog,
    *,
    workstation: str,
    language: str = "en",
    role: Role | None = None,
    min_pin_length: int = 6,
    clock: Clock,
) -> CacheSession:
    """After a lockout: the same user signed in online; wrap the key under a new PIN.

    Callers must only use this right after a successful online sign-in of ``actor``.
    """
    from app.keys import KeyWrapper

    check_pin_strength(new_pin, min_pin_length)
    folder = user_folder(paths, actor.user_id)
    wrapper = KeyWrapper(keystore)
    key = wrapper.unwrap_escrow(folder / KEY_FILE, actor.user_id)
    session = _open(key, folder, actor, role, catalog, workstation, clock, language)
    wrapper.rewrap(folder / KEY_FILE, actor.user_id, new_pin, key)
    failures = PinThrottle(folder, 1).reset()
    for at in failures:
        session.service.access.record_audit(AuditAction.FAILED_PIN, detail="offline unlock", at=at)
    session.service.access.record_audit(AuditAction.SIGN_IN, detail="access restored, new PIN set")
    return session


def _open(
    key: DatabaseKey,
    folder: Path,
    actor: Actor,
    role: Role | None,
    catalog: Catalog,
    workstation: str,
    clock: Clock,
    language: str,
) -> CacheSession:
    from app.store.database import Database

    try:
        db = Database.open(folder / CACHE_FILE, key)
    except BaseException:
        key.wipe()
        raise
    if role is None:
        known = load_profile(folder)
        role = known.role if known is not None else Role.NURSE
    return _session(db, key, folder, actor, role, catalog, workstation, clock, language)


def _session(
    db: Database,
    key: DatabaseKey,
    folder: Path,
    actor: Actor,
    role: Role,
    catalog: Catalog,
    workstation: str,
    clock: Clock,
    language: str,
) -> CacheSession:
    from app.services import CareService

    service = CareService(
        db, catalog, actor, workstation=workstation, clock=clock, language=language
    )
    # The real count of waiting edits, so a crash before close() never makes this cache
    # look evictable.
    profile = UserProfile(actor.user_id, actor.display_name, role, clock(), service.outbox.count())
    save_profile(folder, profile)
    return CacheSession(db, service, key, folder=folder, profile=profile)


def open_demo_cache(
    catalog: Catalog,
    *,
    data_dir: Path | None = None,
    patients: int = 32,
    workstation: str = "demo-workstation",
    language: str = "en",
    clock: Clock,
) -> CacheSession:
    """A freshly generated, encrypted demo ward; the key lives only in this process.

    With ``data_dir`` the file is kept there (replacing an earlier demo cache, which
    nobody could open again anyway); without it, a temporary folder removed on close.
    """
    from app import demo
    from app.keys import DatabaseKey
    from app.services import CareService
    from app.store.database import Database

    temp_dir = None
    if data_dir is None:
        temp_dir = Path(tempfile.mkdtemp(prefix="askonce-demo-"))
        folder = temp_dir
    else:
        folder = data_dir / "demo"
        if folder.exists():
            shutil.rmtree(folder)
    key = DatabaseKey.generate()
    db = Database.open(folder / CACHE_FILE, key, create=True)
    service = CareService(
        db, catalog, demo.DEMO_USER, workstation=workstation, clock=clock, language=language
    )
    demo.load_into(db, catalog, demo.generate_ward(catalog, clock(), patients=patients))
    _demo_offline_edits(service)
    log.info("demo cache ready: %d patients", patients)
    return CacheSession(db, service, key, is_demo=True, _temp_dir=temp_dir)


def _demo_offline_edits(service: CareService) -> None:
    """A few edits 'made while the network was down', so the demo shows unsent marks."""
    rows = service.charts.ward()
    for row in rows[2:5]:
        chart = service.charts.chart(row.patient.id, audit_view=False)
        open_items = [i for i in chart.board if i.answer is None and i.question.options]
        if open_items:
            item = open_items[0]
            value = item.question.options[0].code
            multi = item.question.answer_type is AnswerType.MULTI_CHOICE
            service.answers.record(
                row.patient.id, item.question.code, (value,) if multi else value, Source.PATIENT
            )
    if len(rows) > 6 and (
        meds := service.charts.chart(rows[6].patient.id, audit_view=False).medications
    ):
        taking = [m for m in meds if m.status is MedicationStatus.TAKING]
        if taking:
            service.home_care.save_medication(
                taking[0].model_copy(update={"last_taken": "today 08:00"})
            )
