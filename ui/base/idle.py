"""Locking an unattended screen: any key, click or wheel counts as presence.

The check runs on a timer, but the decision reads the injected clock, so tests
advance a fake clock and call ``check()`` instead of waiting minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from ui.qt import QtCore, Signal

_ACTIVITY = {
    QtCore.QEvent.Type.KeyPress,
    QtCore.QEvent.Type.MouseButtonPress,
    QtCore.QEvent.Type.MouseMove,
    QtCore.QEvent.Type.Wheel,
    QtCore.QEvent.Type.TouchBegin,
}


class IdleMonitor(QtCore.QObject):
    sig_idle = Signal()
    """Nobody touched the app for the configured time."""

    def __init__(
        self,
        idle_seconds: int,
        *,
        clock: Callable[[], datetime],
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._last = clock()
        self._armed = False
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(min(5000, idle_seconds * 1000 // 4 or 1000))
        self._timer.timeout.connect(self.check)
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def arm(self) -> None:
        """Start watching (a session is open)."""
        self._last = self._clock()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (locked, or nobody signed in)."""
        self._armed = False
        self._timer.stop()

    def touch(self) -> None:
        self._last = self._clock()

    def check(self) -> None:
        if self._armed and (self._clock() - self._last).total_seconds() >= self.idle_seconds:
            self.disarm()
            self.sig_idle.emit()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = self._clock()
        return False

    def close(self) -> None:
        self.disarm()
        app = QtCore.QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
