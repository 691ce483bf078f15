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


def test_while_a_sync_holds_them_no_full_collection_runs_then_it_does(qtbot) -> None:
    """A full collection walks everything (a long GUI pause): it waits for the sync's end;
    young generations are still collected meanwhile."""
    import gc

    from ui.base.gc_guard import FullCollectionsHeld, GuiThreadCollector

    collector = GuiThreadCollector(interval_ms=3_600_000)  # driven by hand below
    try:
        full_runs: list[int] = []

        def note(phase: str, info: dict[str, int]) -> None:
            if phase == "start" and info["generation"] == 2:
                full_runs.append(1)

        gc.callbacks.append(note)
        try:
            with FullCollectionsHeld():
                # Far more young collections than it takes to make a full one due.
                for _ in range(300):
                    kept = [[i] for i in range(2_000)]
                    collector.collect_due()
                    del kept
                assert gc.get_count()[2] > gc.get_threshold()[2]  # one was due
                assert full_runs == []
            for _ in range(300):
                kept = [[i] for i in range(2_000)]
                collector.collect_due()
                del kept
                if full_runs:
                    break
            assert full_runs
        finally:
            gc.callbacks.remove(note)
    finally:
        collector.deleteLater()
