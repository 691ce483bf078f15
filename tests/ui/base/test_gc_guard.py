"""Cyclic garbage that holds Qt objects is freed on the GUI thread, never on a worker."""

from __future__ import annotations

import threading
import weakref

from ui.qt import QtCore


class _Holder:
    """Plain Python, so a finalizer can tell on which thread it was freed."""

    obj: QtCore.QObject


def test_a_worker_allocating_never_collects_a_cycle_with_a_qt_object(qtbot) -> None:
    freed_on: list[str] = []
    holder = _Holder()
    holder.obj = QtCore.QObject()
    holder.obj.holder = holder  # type: ignore[attr-defined]  # the cycle: QObject <-> holder
    weakref.finalize(holder, lambda: freed_on.append(threading.current_thread().name))
    del holder

    def allocate() -> None:
        # Far past every generation's threshold: CPython would collect here, on this thread.
        junk = [[i] for i in range(200_000)]
        del junk

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert freed_on == []  # the worker did not collect it

    # Allocations the GUI thread keeps push generation 0 past its threshold again (the
    # worker's junk was freed, which took the count back down); the timer then collects.
    kept = [[i] for i in range(5_000)]
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
    assert len(kept) == 5_000
    assert freed_on == [threading.main_thread().name]


def test_while_a_sync_holds_them_no_collection_runs_then_the_due_ones_do(qtbot) -> None:
    """A collection walks what it collects (a long GUI pause when a sync has just parsed
    thousands of resources): none runs while a sync holds them, the due ones after."""
    import gc

    from ui.base.gc_guard import CollectionsHeld, GuiThreadCollector

    collector = GuiThreadCollector(interval_ms=3_600_000)  # driven by hand below
    runs: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(note)
    kept: list[list[int]] = []
    try:
        with CollectionsHeld():
            for _ in range(50):
                kept += [[i] for i in range(2_000)]  # far past generation 0's threshold
                assert collector.collect_due() == 0
            assert gc.get_count()[0] > gc.get_threshold()[0]
            assert runs == []
        collector.collect_due()
        assert runs  # the due collection runs once the sync is over
    finally:
        gc.callbacks.remove(note)
        collector.deleteLater()
