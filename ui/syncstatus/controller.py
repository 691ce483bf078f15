"""The bridge from the sync engine's typed status values to Qt, and the sync schedule.

Syncs run on the network worker (never the GUI thread, never blocking the DB
worker while waiting on the server): at start, on demand (F5), every N seconds,
and — while the server is away — every ``OFFLINE_RETRY_S`` seconds, so it is
picked up again soon after it comes back. One sync at a time.

The status line tells the truth: "Up to date" only when nothing is waiting and
the last download succeeded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.services import CareService, SyncCounts
from sync import questionnaire_response
from sync.engine import (
    SyncFailed,
    Synchronizer,
    SyncProblem,
    SyncProgress,
    SyncStarted,
    SyncStatus,
    SyncSucceeded,
    SyncSummary,
)
from ui.base.gc_guard import CollectionsHeld
from ui.base.taskman import DbOp, NetOp, TaskManager
from ui.qt import QtCore, Signal

if TYPE_CHECKING:
    from sync.push import PushListener

log = logging.getLogger(__name__)

OFFLINE_RETRY_S = 20
PUSH_DEBOUNCE_MS = 1000


class SyncController(QtCore.QObject):
    sig_status = Signal(object)
    """A typed status value from the engine (SyncStarted, SyncProgress, ...), on the GUI thread."""

    sig_text_changed = Signal(str)
    """The status line changed; the argument is the new text."""

    sig_finished = Signal(object)
    """A sync ended (argument: its SyncSummary); views reload what they show."""

    def __init__(
        self,
        tasks: TaskManager,
        service: CareService,
        make_engine: Callable[[Callable[[SyncStatus], None]], Synchronizer],
        *,
        interval_s: int,
        on_stop: Callable[[], None] | None = None,
        make_push: Callable[[Callable[[], None]], PushListener] | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.service = service
        self.running = False
        self._stopped = False
        self._on_stop = on_stop
        self._interval_ms = interval_s * 1000
        self.last_success: datetime | None = None
        self.offline_since: datetime | None = None
        self.last_failure: tuple[str, ...] = ()
        self.last_problem: SyncFailed | None = None
        self._gc_hold = CollectionsHeld()
        """No full cyclic collection on the GUI thread while a sync runs (gc_guard)."""
        self.progress = ""
        self.local = SyncCounts(waiting=0, refused=0, conflicts=0)
        self._timer = QtCore.QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        # The engine reports from the network thread; a queued signal hops to the GUI.
        self._status_relay = _Relay(self)
        self._status_relay.sig_value.connect(
            self._on_status, QtCore.Qt.ConnectionType.QueuedConnection
        )
        self.engine = make_engine(self._status_relay.sig_value.emit)
        # Push (sync.push): a colleague's change pings from the listener's thread; a queued
        # signal hops to the GUI, and a short single-shot timer folds a burst into one sync.
        self._push_timer = QtCore.QTimer(self)
        self._push_timer.setSingleShot(True)
        self._push_timer.setInterval(PUSH_DEBOUNCE_MS)
        self._push_timer.timeout.connect(self._sync_on_push)
        self._push_relay = _Relay(self)
        self._push_relay.sig_value.connect(self._on_push, QtCore.Qt.ConnectionType.QueuedConnection)
        self._push = make_push(lambda: self._push_relay.sig_value.emit(None)) if make_push else None
        self._push_patients: frozenset[str] | None = None
        self._sync_again = False

    def start(self) -> None:
        self.sync_now()
        self._timer.start(self._interval_ms)

    def stop(self) -> None:
        """On close: no new syncs, and a running one ends at its next step (or retry wait)."""
        self._stopped = True
        self._timer.stop()
        self._push_timer.stop()
        self._gc_hold.release()
        self.engine.close()
        if self._push is not None:
            self._push.stop()  # deletes its Subscriptions if the server answers quickly
        if self._on_stop is not None:
            self._on_stop()

    def sync_now(self) -> None:
        if self.running or self._stopped:
            return
        self.running = True
        # Emergency access that ran out ends first, also when the server is away.
        # Whatever happens there, the sync runs (a bug is still reported): a failed step
        # must never leave the controller "running" with no sync ever again.
        DbOp(self.tasks, self.service.access.end_expired_break_glass).failure(
            lambda exc: log.warning("emergency access not ended: %s", type(exc).__name__)
        ).always(self._run_engine).run()

    def _run_engine(self) -> None:
        engine = self.engine

        def sync() -> SyncSummary:
            try:
                return engine.sync()
            except Exception as exc:  # noqa: BLE001 -- a sync that cannot run failed; retry later
                log.warning("sync could not run: %s", type(exc).__name__)
                return SyncSummary(errors=(str(exc),))

        self._gc_hold.hold()
        NetOp(self.tasks, sync).success(self._on_done).run()

    def cancel(self) -> None:
        self.engine.cancel()

    def upload_answers(self, response: dict[str, Any]) -> str | None:
        """Send an exported QuestionnaireResponse over this session's server connection
        (``sync.questionnaire_response.upload_response``); on the network worker (NetOp)."""
        return questionnaire_response.upload_response(self.engine.client, response)

    def _on_status(self, status: SyncStatus) -> None:
        if isinstance(status, SyncStarted):
            self.progress = self.tr("Syncing…")
        elif isinstance(status, SyncProgress):
            stage = {
                "upload": self.tr("sending"),
                "assignment": self.tr("checking your patients"),
                "download": self.tr("receiving"),
                "reconcile": self.tr("checking for deletions"),
            }.get(status.stage, status.stage)
            self.progress = (
                self.tr("Syncing: %1 (%2 of %3)")
                .replace("%1", stage)
                .replace("%2", str(status.done))
                .replace("%3", str(status.total))
            )
        elif isinstance(status, SyncSucceeded):
            self.progress = ""
            self.last_success = status.at
            self.offline_since = None
            self.last_failure = ()
            self.last_problem = None
        elif isinstance(status, SyncFailed):
            self.progress = ""
            self.last_failure = status.reasons
            self.last_problem = status
            if status.offline and self.offline_since is None:
                self.offline_since = status.at
            if not status.offline:
                self.offline_since = None
        self.sig_status.emit(status)
        self._emit_text()

    def _on_done(self, summary: SyncSummary) -> None:
        self.running = False
        self._gc_hold.release()
        if self._stopped:
            return  # locked or closed: the cache may be closed already
        # The engine's last status (succeeded or failed) cleared it; a sync that could not
        # run sent none.
        self.progress = ""
        # Come back sooner while the server is away, so we notice when it returns.
        self._timer.setInterval(OFFLINE_RETRY_S * 1000 if self.offline_since else self._interval_ms)
        self._follow_assignment()
        if self._sync_again:
            self._sync_again = False
            self._push_timer.start()
        self.refresh_local(then=lambda: self.sig_finished.emit(summary))

    def _follow_assignment(self) -> None:
        """Listen for pushes on the patients of the last download: started after the first
        sync that knew them, restarted when they change."""
        if self._push is None:
            return
        assigned = self.engine.assigned
        if assigned is None or assigned == self._push_patients:
            return
        self._push_patients = assigned
        self._push.watch(assigned)

    def _on_push(self, _value: object = None) -> None:
        if not self._stopped:
            self._push_timer.start()  # (re)started: one sync after a burst of pings

    def _sync_on_push(self) -> None:
        if self.running:
            self._sync_again = True  # this sync may have missed the change: one more after
            return
        self.sync_now()

    def refresh_local(self, then: Callable[[], None] | None = None) -> None:
        """Re-read what is waiting (after a sync, or after an edit) and update the text."""
        if self._stopped:
            return

        def show(local: SyncCounts) -> None:
            self.local = local
            self._emit_text()
            if then is not None:
                then()

        DbOp(self.tasks, self.service.outbox.counts).success(show).run()

    def text(self) -> str:
        parts: list[str] = []
        if self.progress:
            parts.append(self.progress)
        elif self.offline_since is not None:
            parts.append(
                self.tr("Offline since %1").replace(
                    "%1", self.offline_since.astimezone().strftime("%H:%M")
                )
            )
        elif self.last_failure and not (self.local.refused or self.local.conflicts):
            why = self._failure_words()
            parts.append(
                self.tr("Last sync failed: %1").replace("%1", why)
                if why
                else self.tr("Last sync failed")
            )
        elif self.local.waiting == 0 and self.last_success is not None and not self.last_failure:
            parts.append(self.tr("Up to date"))
        elif self.last_success is None and not self.last_failure:
            parts.append(self.tr("Not synced yet"))
        if self.local.conflicts:
            parts.append(self.tr("%n conflict(s) to resolve — open", "", self.local.conflicts))
        if self.local.refused:
            parts.append(self.tr("Server rejected %n change(s) — open", "", self.local.refused))
        pending = self.local.waiting - self.local.refused - self.local.conflicts
        if pending > 0:
            parts.append(self.tr("%n change(s) waiting", "", pending))
        return " · ".join(parts)

    def _failure_words(self) -> str:
        """Why the last sync failed, in the user's words (the reasons are IT's, in
        ``details``)."""
        failed = self.last_problem
        if failed is None:
            return ""
        if failed.problem is SyncProblem.PERMISSION:
            if failed.missing:
                return self.tr("your sign-in lacks the permission %1 — tell IT").replace(
                    "%1", " ".join(failed.missing)
                )
            return self.tr("your sign-in lacks a permission the server requires — tell IT")
        words = {
            SyncProblem.BUSY: self.tr("the server is busy; AskOnce will try again"),
            SyncProblem.NOT_TRUSTED: self.tr("the server's certificate is not trusted — tell IT"),
            SyncProblem.SIGN_IN: self.tr("the server refused your sign-in — sign in again"),
            SyncProblem.SERVER_CANNOT: self.tr(
                "the server cannot answer what AskOnce needs; nothing was changed — tell IT"
            ),
            SyncProblem.BAD_ANSWER: self.tr(
                "the server sent an answer AskOnce cannot read — tell IT if it persists"
            ),
            SyncProblem.RECORDS: self.tr(
                "some records from the server could not be read — tell IT"
            ),
        }
        return words.get(failed.problem, "")

    def details(self) -> str:
        """The last failure's reasons, for IT (English, as in the log)."""
        return "\n".join(self.last_failure)

    def _emit_text(self) -> None:
        self.sig_text_changed.emit(self.text())


class _Relay(QtCore.QObject):
    sig_value = Signal(object)
    """Carries one engine status value across threads."""
