"""DbOp and NetOp: work off the GUI thread, handlers on it; environment errors vs bugs."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest

from app.errors import KnownError
from ui.base.taskman import DbOp, NetOp, TaskManager
from ui.qt import QtCore

OpType = type[DbOp[Any]] | type[NetOp[Any]]
OPS: list[OpType] = [DbOp, NetOp]


class BugError(Exception):
    """Stands for a mistake in our code (not a KnownError)."""


def _where() -> tuple[str, bool]:
    """The worker's name, and whether this is the GUI thread."""
    app = QtCore.QCoreApplication.instance()
    assert app is not None
    return threading.current_thread().name, QtCore.QThread.currentThread() is app.thread()


@pytest.mark.parametrize("op_type", OPS)
def test_the_work_runs_on_its_worker_and_the_result_arrives_on_the_gui_thread(
    qtbot, tasks: TaskManager, op_type: OpType
) -> None:
    arrived: list[tuple[tuple[str, bool], tuple[str, bool]]] = []
    op_type(tasks, _where).success(lambda worker: arrived.append((worker, _where()))).run()
    qtbot.wait_until(lambda: bool(arrived))
    (worker_name, worker_on_gui), (_gui_name, handler_on_gui) = arrived[0]
    expected = "askonce-db" if op_type is DbOp else "askonce-net"
    assert worker_name.startswith(expected)
    assert not worker_on_gui
    assert handler_on_gui


def test_network_work_waits_on_its_own_worker_not_on_the_cache(qtbot, tasks: TaskManager) -> None:
    release = threading.Event()
    order: list[str] = []
    NetOp(tasks, lambda: release.wait(10)).success(lambda _ok: order.append("net")).run()
    DbOp(tasks, lambda: None).success(lambda _none: order.append("db")).run()
    qtbot.wait_until(lambda: order == ["db"])  # the cache is not held up by the server
    release.set()
    qtbot.wait_until(lambda: order == ["db", "net"])


def test_only_cache_work_counts_as_busy(qtbot, tasks: TaskManager) -> None:
    release = threading.Event()
    done: list[bool] = []
    NetOp(tasks, lambda: release.wait(10)).success(done.append).run()
    assert not tasks.busy
    with qtbot.wait_signal(tasks.sig_busy_changed) as blocker:
        DbOp(tasks, lambda: release.wait(10)).success(done.append).run()
    assert blocker.args == [True]
    with qtbot.wait_signal(tasks.sig_busy_changed) as blocker:
        release.set()
    assert blocker.args == [False]
    qtbot.wait_until(lambda: done == [True, True])


@pytest.mark.parametrize("op_type", OPS)
def test_a_known_error_goes_to_the_failure_handler(
    qtbot, tasks: TaskManager, op_type: OpType
) -> None:
    def refuse() -> None:
        raise KnownError("The server is not reachable.")

    failed: list[Exception] = []
    reported: list[object] = []
    tasks.sig_error.connect(reported.append)
    op_type(tasks, refuse).success(lambda _none: pytest.fail("no success")).failure(
        failed.append
    ).run()
    qtbot.wait_until(lambda: bool(failed))
    assert isinstance(failed[0], KnownError)
    assert reported == []


@pytest.mark.parametrize("op_type", OPS)
def test_a_known_error_nobody_handles_is_reported(
    qtbot, tasks: TaskManager, op_type: OpType
) -> None:
    def refuse() -> None:
        raise KnownError("The server is not reachable.")

    with qtbot.wait_signal(tasks.sig_error) as blocker:
        op_type(tasks, refuse).run()
    assert isinstance(blocker.args[0], KnownError)


@pytest.mark.parametrize("op_type", OPS)
def test_a_bug_is_logged_and_reported_not_handed_to_the_failure_handler(
    qtbot, tasks: TaskManager, caplog, op_type: OpType
) -> None:
    def broken() -> None:
        raise BugError("oops")

    failed: list[Exception] = []
    with (
        caplog.at_level(logging.ERROR, logger="ui.base.taskman"),
        qtbot.wait_signal(tasks.sig_error) as blocker,
    ):
        op_type(tasks, broken).failure(failed.append).run()
    assert isinstance(blocker.args[0], BugError)
    assert failed == []
    assert [r.getMessage() for r in caplog.records] == ["unexpected error in a background task"]


@pytest.mark.parametrize("op_type", OPS)
@pytest.mark.parametrize("outcome", ["success", "known error", "bug"])
def test_always_runs_last_whatever_happened(
    qtbot, tasks: TaskManager, caplog, op_type: OpType, outcome: str
) -> None:
    """What must follow an op (the sync after expiring emergency access) is never lost."""

    def work() -> str:
        if outcome == "known error":
            raise KnownError("The server said no.")
        if outcome == "bug":
            raise BugError("oops")
        return "done"

    seen: list[str] = []
    with caplog.at_level(logging.CRITICAL, logger="ui.base.taskman"):
        op_type(tasks, work).success(seen.append).failure(
            lambda _exc: seen.append("failure")
        ).always(lambda: seen.append("always")).run()
        qtbot.wait_until(lambda: "always" in seen)
    expected = {"success": ["done"], "known error": ["failure"], "bug": []}[outcome]
    assert seen == [*expected, "always"]
