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

A full collection walks every object the process holds: with Qt, pydantic and the FHIR
models loaded that is a pause of 70–120 ms on the GUI thread — a stall a nurse typing
during a sync would feel. Two measures:

- ``settle()`` once the first window is up: what is alive then (modules, Qt, schemas:
  objects that live as long as the process) leaves the collector's sight (``gc.freeze``),
  so every later full collection walks only what came after. Nothing of a user's session
  exists yet, so nothing that later becomes garbage is kept by it.
- ``CollectionsHeld`` while a sync runs: no cyclic collection on the GUI thread
  until the sync ends (when the views reload anyway); reference counting still frees the
  sync's acyclic JSON at once.
"""

from __future__ import annotations

import gc

from ui.qt import QtCore

INTERVAL_MS = 500
_held = 0  # syncs running that hold full collections back (GUI thread only)


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
        if _held:
            # Not even the young ones: a first sync parses hundreds of thousands of JSON
            # objects between two ticks, and walking them is itself a 60 ms pause (measured
            # at 400 patients). They are acyclic and freed by reference counting; what
            # cycles there are wait for the sync's end.
            return 0
        return gc.collect(generation) if generation >= 0 else 0

    def stop(self) -> None:
        """Collect everything now, on this thread, and hand collection back to CPython."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


class CollectionsHeld:
    """``with CollectionsHeld():`` — or ``hold()`` and ``release()`` around work that
    ends later (a sync): no cyclic collection on the GUI thread meanwhile."""

    def __init__(self) -> None:
        self._holding = False

    def hold(self) -> None:
        global _held
        if not self._holding:
            self._holding = True
            _held += 1

    def release(self) -> None:
        global _held
        if self._holding:
            self._holding = False
            _held -= 1

    def __enter__(self) -> CollectionsHeld:
        self.hold()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def settle() -> None:
    """Collect now, then keep everything still alive out of later collections: once, on
    the GUI thread, when start-up is done and before anyone signs in."""
    gc.collect()
    gc.freeze()
