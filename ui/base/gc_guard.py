"""Python's cycle collector runs on the GUI thread only.

CPython runs a collection in whichever thread happens to allocate when a
threshold is crossed. If that is the DB or network worker and the garbage
holds a widget or model caught in a reference cycle (a lambda slot that
captures its own window is enough), Qt destroys a GUI object off the GUI thread
and the process dies with a segmentation fault, at a random moment. The test
suite caught exactly that (a collection inside ``app.demo`` on the DB worker).

The fix is the one PyQt and pyqtgraph recommend: automatic collection is
switched off and a timer on the GUI thread runs the same generational
collection CPython would, against the same thresholds. Plain reference
counting still frees almost everything at once, on whichever thread; only
cycles wait for the timer.
"""

from __future__ import annotations

import gc

from ui.qt import QtCore

INTERVAL_MS = 500


class GuiThreadCollector(QtCore.QObject):
    """While it runs, cyclic garbage is collected on the thread that owns it (the GUI's)."""

    def __init__(
        self, parent: QtCore.QObject | None = None, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose allocation counts passed CPython's thresholds."""
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if threshold and count > threshold:
                generation = level
            else:
                break
        return gc.collect(generation) if generation >= 0 else 0

    def stop(self) -> None:
        """Collect everything now, on this thread, and hand collection back to CPython."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
