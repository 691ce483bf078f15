"""The one way work leaves the GUI thread.

Modelled on Anki's ``aqt/taskman.py``: everything that touches the cache runs
on a single worker thread, so database access is serialized and the window
never freezes; work that waits on a server has a worker of its own. Results come
back to the GUI thread through a queued signal. Worker code never touches widgets.

Call sites read like the user's intent (Anki's operations)::

    DbOp(tasks, lambda: service.charts.chart(pid)).success(view.show_chart).run()
    NetOp(tasks, lambda: engine.find_patient(mrn)).success(grant).failure(say).run()

Nobody outside this module unpacks a ``concurrent.futures.Future``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, Self, TypeVar

from app.errors import KnownError
from ui.qt import QtCore, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskManager(QtCore.QObject):
    """Owns the DB and network workers and hands results back to the GUI thread.

    Call sites use ``DbOp`` and ``NetOp``; ``run_db`` and ``run_network`` are what they
    run on.
    """

    sig_busy_changed = Signal(bool)
    """Emitted with True when the first task starts and False when the last one ends."""

    sig_error = Signal(object)
    """An exception no caller handled; the main window shows it in plain words."""

    _sig_completed = Signal(object, object)  # (callback, future), queued to the GUI thread
    _sig_completed_quiet = Signal(object, object)  # the same for network work

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        # Tasks that access the cache are serialized: one worker, one connection.
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askonce-db")
        # Network work (sync) waits on the server here, never on the DB worker; its cache
        # access is handed back to the DB worker (see run_db_blocking).
        self._net = ThreadPoolExecutor(max_workers=1, thread_name_prefix="askonce-net")
        self._pending = 0
        self._lock = threading.Lock()
        self._sig_completed.connect(self._on_completed, QtCore.Qt.ConnectionType.QueuedConnection)
        self._sig_completed_quiet.connect(
            lambda on_done, future: on_done(future), QtCore.Qt.ConnectionType.QueuedConnection
        )

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run_db(self, fn: Callable[[], T], on_done: Callable[[Future[T]], None]) -> None:
        self._pending += 1
        if self._pending == 1:
            self.sig_busy_changed.emit(True)
        future = self._db.submit(fn)
        future.add_done_callback(lambda f: self._sig_completed.emit(on_done, f))

    def run_network(self, fn: Callable[[], T], on_done: Callable[[Future[T]], None]) -> None:
        """Network work; not counted as 'busy' (a sync must not look like a frozen save)."""
        future = self._net.submit(fn)
        future.add_done_callback(lambda f: self._sig_completed_quiet.emit(on_done, f))

    def _on_completed(
        self, on_done: Callable[[Future[object]], None], future: Future[object]
    ) -> None:
        try:
            on_done(future)
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.sig_busy_changed.emit(False)

    def run_db_blocking(self, fn: Callable[[], T]) -> T:
        """Run on the DB worker and wait: only for shutdown and tests, never for UI work."""
        return self._db.submit(fn).result()

    def shutdown(self) -> None:
        self._net.shutdown(wait=True, cancel_futures=True)
        self._db.shutdown(wait=True)


class _Op(Generic[T]):
    """One piece of work off the GUI thread; its handlers run on the GUI thread.

    ``failure`` receives a ``KnownError`` (the environment: disk, PIN, server said no).
    Anything else is a bug: it is logged and reported through ``TaskManager.sig_error``,
    as is a ``KnownError`` nobody handles.
    """

    def __init__(self, tasks: TaskManager, op: Callable[[], T]) -> None:
        self._tasks = tasks
        self._op = op
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_done: Callable[[], None] | None = None

    def success(self, handler: Callable[[T], None]) -> Self:
        self._on_success = handler
        return self

    def failure(self, handler: Callable[[Exception], None]) -> Self:
        self._on_failure = handler
        return self

    def always(self, handler: Callable[[], None]) -> Self:
        """Run ``handler`` last, whatever happened (success, refusal or bug)."""
        self._on_done = handler
        return self

    def run(self) -> None:
        raise NotImplementedError

    def _finish(self, future: Future[T]) -> None:
        try:
            self._deliver(future)
        finally:
            if self._on_done is not None:
                self._on_done()

    def _deliver(self, future: Future[T]) -> None:
        exc = future.exception()
        if exc is None:
            if self._on_success is not None:
                self._on_success(future.result())
            return
        if not isinstance(exc, Exception):
            raise exc
        if self._on_failure is not None and isinstance(exc, KnownError):
            self._on_failure(exc)
            return
        if not isinstance(exc, KnownError):
            log.error("unexpected error in a background task", exc_info=exc)
        self._tasks.sig_error.emit(exc)


class DbOp(_Op[T]):
    """One unit of cache work, run on the DB worker (serialized; the window shows 'busy')."""

    def run(self) -> None:
        self._tasks.run_db(self._op, self._finish)


class NetOp(_Op[T]):
    """Work that waits on a server (a search, a sign-in step, a sync), on the network worker.

    Not counted as 'busy': waiting for a server must not look like a frozen save.
    """

    def run(self) -> None:
        self._tasks.run_network(self._op, self._finish)
