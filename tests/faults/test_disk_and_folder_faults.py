"""A real PC's disk and folders: full, read-only, missing, a cache another process holds.

The disk is a small tmpfs mounted for the test (root only: CI runs as root; elsewhere the
tests are skipped and say why). A save that cannot be written fails with a clear message
and loses nothing: the previous state and the outbox stay as they were, the file passes
``integrity_check``, and once space is freed the same save works.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import demo
from app.domain import Catalog, HomeMedication, Source
from app.errors import DiskFullError, KnownError, StoreBusyError, StoreError
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from tests.conftest import FIXED_NOW, NURSE, Clock

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None,
    reason="mounting a small tmpfs needs root (CI runs as root)",
)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> Path:
    """Take every free byte of ``disk``; delete the returned file to free them again."""
    filler = disk / "filler"
    block = b"\0" * 65536
    with filler.open("wb") as out:
        try:
            while True:
                out.write(block)
                out.flush()
        except OSError:
            pass
    return filler


def _ward(
    disk: Path, catalog: Catalog, key: DatabaseKey | None = None
) -> tuple[Database, CareService, str]:
    db = Database.open(disk / "data" / "cache.db", key or DatabaseKey.generate(), create=True)
    demo.load_into(db, catalog, demo.generate_ward(catalog, FIXED_NOW, patients=4))
    service = CareService(db, catalog, NURSE, workstation="ws", clock=Clock())
    patient = service.charts.ward()[0].patient.id
    return db, service, patient


def _save_until_the_disk_is_full(service: CareService, patient: str) -> tuple[int, Exception]:
    """Save drugs until one does not fit; how many did, and what the last one raised."""
    for saved in range(400):
        try:
            service.home_care.save_medication(
                HomeMedication(
                    id=str(uuid.uuid4()),
                    patient_id=patient,
                    name=f"Drug {saved}",
                    note="taken with water " * 300,
                    provenance=service.provenance_now(Source.PATIENT),
                )
            )
        except KnownError as exc:
            return saved, exc
    raise AssertionError("the disk never filled up")


def test_a_full_disk_refuses_the_save_clearly_and_loses_nothing(
    small_disk: Path, catalog: Catalog
) -> None:
    db, service, patient = _ward(small_disk, catalog)
    before = {m.id for m in service.repo.medications(patient)}
    waiting = service.outbox.count()
    filler = _fill(small_disk)
    try:
        saved, refused = _save_until_the_disk_is_full(service, patient)
        assert isinstance(refused, DiskFullError)
        assert "The disk is full: your last change was not saved." in str(refused)
        # every save before the refused one is whole; the refused one left nothing behind
        assert len(service.repo.medications(patient)) == len(before) + saved
        assert service.outbox.count() == waiting + saved
        assert db.integrity_problems() == []
    finally:
        filler.unlink()
    # space again: the app is usable, the same kind of save works
    service.answers.record(patient, "home.pets", "A cat, Mimi", Source.PATIENT)
    assert service.outbox.count() == waiting + saved + 1
    assert db.integrity_problems() == []
    db.close()


def test_a_read_only_data_folder_is_named_plainly(small_disk: Path, catalog: Catalog) -> None:
    db, _service, _patient = _ward(small_disk, catalog)
    db.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(StoreError) as opening:
        Database.open(small_disk / "data" / "new.db", DatabaseKey.generate(), create=True)
    assert "read-only" in str(opening.value) or "could not be written" in str(opening.value)
    with pytest.raises(StoreError) as missing:
        Database.open(small_disk / "gone" / "cache.db", DatabaseKey.generate(), create=True)
    assert "data folder" in str(missing.value)


def test_a_cache_another_process_holds_is_said_to_be_in_use(
    small_disk: Path, catalog: Catalog
) -> None:
    key = DatabaseKey.generate()
    db, service, patient = _ward(small_disk, catalog, key)
    holding, release = threading.Event(), threading.Event()

    def other_process() -> None:
        other = Database.open(db.path, DatabaseKey(key.raw()))
        with other.transaction() as conn:  # holds the write lock until released
            conn.execute("DELETE FROM meta WHERE key = 'nothing'")
            holding.set()
            release.wait(30)
        other.close()

    holder = threading.Thread(target=other_process)
    holder.start()
    try:
        assert holding.wait(10)
        with pytest.raises(StoreBusyError) as raised:
            service.answers.record(patient, "home.pets", "A dog", Source.PATIENT)
        assert "in use by another AskOnce window" in str(raised.value)
    finally:
        release.set()
        holder.join(30)
    service.answers.record(patient, "home.pets", "A dog", Source.PATIENT)  # free again
    db.close()
