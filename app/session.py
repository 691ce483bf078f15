"""Opening a cache: a user's own (PIN + keystore) or the throwaway demo cache.

Fail closed, in this order: the key file must exist, the keystore must answer,
the PIN must unwrap the key, the key must open the database. Nothing is created
or written before all of that succeeded.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from app import demo
from app.domain import Actor, AnswerType, Catalog, MedicationStatus, Source, utc_now
from app.errors import ValidationError
from app.keys import DatabaseKey, KdfParams, KeyWrapper
from app.keystore import Keystore
from app.paths import AppPaths
from app.services import CareService, Clock
from app.store.database import Database

log = logging.getLogger(__name__)

CACHE_FILE = "cache.db"
KEY_FILE = "cache.key.json"


@dataclass
class CacheSession:
    """An open cache and the service over it; ``close()`` drops the key from memory."""

    db: Database
    service: CareService
    key: DatabaseKey
    is_demo: bool = False
    _temp_dir: Path | None = field(default=None, repr=False)

    def close(self) -> None:
        self.db.close()
        self.key.wipe()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None


def user_key(user_id: str) -> str:
    """A folder name for a user that does not spell out the user id."""
    return hashlib.sha256(user_id.encode("utf-8")).hexdigest()[:24]


def cache_exists(paths: AppPaths, user_id: str) -> bool:
    return (paths.user_dir(user_key(user_id)) / KEY_FILE).exists()


def create_user_cache(
    paths: AppPaths,
    actor: Actor,
    pin: str,
    keystore: Keystore,
    catalog: Catalog,
    *,
    workstation: str,
    min_pin_length: int = 6,
    kdf: KdfParams | None = None,
    clock: Clock = utc_now,
) -> CacheSession:
    if len(pin) < min_pin_length:
        raise ValidationError(f"The PIN must have at least {min_pin_length} characters.")
    folder = paths.user_dir(user_key(actor.user_id))
    if (folder / KEY_FILE).exists():
        raise ValidationError("A cache for this user already exists on this workstation.")
    key = KeyWrapper(keystore, kdf).create(folder / KEY_FILE, actor.user_id, pin)
    db = Database.open(folder / CACHE_FILE, key, create=True)
    return CacheSession(
        db, CareService(db, catalog, actor, workstation=workstation, clock=clock), key
    )


def unlock_user_cache(
    paths: AppPaths,
    actor: Actor,
    pin: str,
    keystore: Keystore,
    catalog: Catalog,
    *,
    workstation: str,
    clock: Clock = utc_now,
) -> CacheSession:
    folder = paths.user_dir(user_key(actor.user_id))
    key = KeyWrapper(keystore).unwrap(folder / KEY_FILE, actor.user_id, pin)
    try:
        db = Database.open(folder / CACHE_FILE, key)
    except BaseException:
        key.wipe()
        raise
    return CacheSession(
        db, CareService(db, catalog, actor, workstation=workstation, clock=clock), key
    )


def open_demo_cache(
    catalog: Catalog,
    *,
    data_dir: Path | None = None,
    patients: int = 32,
    workstation: str = "demo-workstation",
    clock: Clock = utc_now,
) -> CacheSession:
    """A freshly generated, encrypted demo ward; the key lives only in this process.

    With ``data_dir`` the file is kept there (replacing an earlier demo cache, which
    nobody could open again anyway); without it, a temporary folder removed on close.
    """
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
    service = CareService(db, catalog, demo.DEMO_USER, workstation=workstation, clock=clock)
    demo.load_into(db, catalog, demo.generate_ward(catalog, clock(), patients=patients))
    _demo_offline_edits(service)
    log.info("demo cache ready: %d patients", patients)
    return CacheSession(db, service, key, is_demo=True, _temp_dir=temp_dir)


def _demo_offline_edits(service: CareService) -> None:
    """A few edits 'made while the network was down', so the demo shows unsent marks."""
    rows = service.ward()
    for row in rows[2:5]:
        chart = service.chart(row.patient.id, audit_view=False)
        open_items = [i for i in chart.board if i.answer is None and i.question.options]
        if open_items:
            item = open_items[0]
            value = item.question.options[0].code
            multi = item.question.answer_type is AnswerType.MULTI_CHOICE
            service.record_answer(
                row.patient.id, item.question.code, (value,) if multi else value, Source.PATIENT
            )
    if len(rows) > 6 and (meds := service.chart(rows[6].patient.id, audit_view=False).medications):
        taking = [m for m in meds if m.status is MedicationStatus.TAKING]
        if taking:
            service.save_medication(taking[0].model_copy(update={"last_taken": "today 08:00"}))
