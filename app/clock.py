"""The one clock of the app (DESIGN.md §6b).

Every "now" in ``app/``, ``sync/`` and ``ui/`` comes from a ``Clock`` handed in at
construction (a required argument: forgetting it is a type error); ``system_clock`` is
the only place that reads the wall clock, and only the entry points (``ui/application.py``,
``sync/cli.py``, ``app/audit_cli.py``) hand it in. tests/unit/test_clock_guard.py keeps
both so. "Today" for a person is the calendar day
of the workstation's time zone at that instant, computed here and nowhere else, so the
board, the ward list, the discharge window and printed documents agree on it.

Durations (timeouts, retries, benchmarks) use ``time.monotonic``: they measure how long
something took, not what time it is, and cannot jump with the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

Clock = Callable[[], datetime]
"""Returns the current instant, timezone-aware (UTC)."""


def system_clock() -> datetime:
    """The workstation's wall clock, in UTC: the default ``Clock`` outside tests."""
    return datetime.now(UTC)


def local_day(instant: datetime) -> date:
    """The calendar day ``instant`` falls on in the workstation's time zone."""
    if instant.tzinfo is None:
        raise ValueError("instants must be timezone-aware")
    return instant.astimezone().date()


def today(clock: Clock) -> date:
    """The workstation's calendar day now: what "today", "overdue" and "in 2 days" count from."""
    return local_day(clock())


def local_start_of_day(day: date) -> datetime:
    """The start of ``day`` in the workstation's time zone, with its offset (a date alone
    from the server, or the day a follow-up is due from)."""
    return datetime.combine(day, time()).astimezone()
