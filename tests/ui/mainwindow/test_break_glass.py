"""Emergency access (break-glass) as the nurse asks for it: MRN, reason, PIN, the grant.

The cache is a real demo cache; the FHIR server is the one boundary replaced here,
by a lookup that knows one MRN (the HAPI test covers the real lookup and the sync).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain import AuditAction, Catalog
from app.errors import KnownError
from app.services import MIN_BREAK_GLASS_REASON
from app.session import CacheSession, open_demo_cache
from sync.engine import SyncStatus, SyncSummary
from tests.conftest import Clock
from ui.access.break_glass import BreakGlassDialog
from ui.access.break_glass_flow import BreakGlassFlow
from ui.base import reauth
from ui.base.error_text import error_text
from ui.base.taskman import TaskManager
from ui.mainwindow.window import MainWindow
from ui.qt import QtWidgets
from ui.syncstatus.controller import SyncController

MRN = "MRN-4711"
OUTSIDE = "p-outside"
REASON = "covering bed 12 during a resuscitation"


class Server:
    """The server's side of break-glass: one patient outside the ward, found by MRN."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []  # (MRN, thread it was asked on)
        self.syncs = 0

    def find_patient(self, mrn: str) -> str | None:
        self.asked.append((mrn, threading.current_thread().name))
        return OUTSIDE if mrn == MRN else None

    # What the SyncController needs of an engine.
    def sync(self) -> SyncSummary:
        self.syncs += 1
        return SyncSummary()

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        pass


@pytest.fixture
def pin_confirmed() -> Iterator[None]:
    """The PIN check says yes (as in the demo, where there is no PIN to ask)."""
    reauth.install(None, demo=True)
    yield
    reauth.install(None)


@pytest.fixture
def server() -> Server:
    return Server()


@pytest.fixture
def flow(main_window: MainWindow, server: Server) -> BreakGlassFlow:
    return BreakGlassFlow(main_window.tasks, main_window.service, server.find_patient, main_window)


def _fill(dialog: BreakGlassDialog, mrn: str = MRN, reason: str = REASON) -> None:
    dialog.mrn.setText(f"  {mrn} ")
    dialog.reason.setPlainText(reason)


def _grants(window: MainWindow) -> dict[str, object]:
    service = window.service
    return dict(window.tasks.run_db_blocking(service.repo.break_glass_grants))


def test_ok_waits_for_an_mrn_and_a_reason(qtbot) -> None:
    dialog = BreakGlassDialog(45)
    qtbot.add_widget(dialog)
    ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert "45 minutes" in " ".join(label.text() for label in dialog.findChildren(QtWidgets.QLabel))
    assert not ok.isEnabled()
    dialog.mrn.setText(MRN)
    dialog.reason.setPlainText("x" * (MIN_BREAK_GLASS_REASON - 1))
    assert not ok.isEnabled()
    dialog.reason.setPlainText(REASON)
    assert ok.isEnabled()
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()


def test_access_is_granted_for_the_minutes_and_audited_with_the_reason(
    qtbot,
    main_window: MainWindow,
    flow: BreakGlassFlow,
    server: Server,
    clock: Clock,
    pin_confirmed,
) -> None:
    dialog = flow.request(30)
    assert dialog.isVisible()
    assert dialog.isModal()
    _fill(dialog)
    with qtbot.wait_signal(flow.sig_access_started, timeout=10_000) as started:
        dialog.accept()
    assert started.args == [OUTSIDE]
    assert [mrn for mrn, _thread in server.asked] == [MRN]
    assert server.asked[0][1].startswith("askonce-net")  # the server is asked off the GUI
    assert _grants(main_window) == {OUTSIDE: clock() + timedelta(minutes=30)}
    service = main_window.service
    trail = [
        e
        for e in main_window.tasks.run_db_blocking(service.repo.audit_entries)
        if e.action is AuditAction.BREAK_GLASS
    ]
    assert [e.patient_id for e in trail] == [OUTSIDE]
    assert REASON in trail[0].detail


def test_an_unknown_mrn_is_said_in_plain_words(
    qtbot, main_window: MainWindow, flow: BreakGlassFlow, pin_confirmed
) -> None:
    dialog = flow.request(30)
    _fill(dialog, mrn="MRN-0000")
    with qtbot.wait_signal(flow.sig_access_failed, timeout=10_000) as failed:
        dialog.accept()
    assert isinstance(failed.args[0], KnownError)
    assert error_text(failed.args[0]) == "No patient with that MRN on the server."
    assert _grants(main_window) == {}


def test_a_server_that_cannot_answer_is_reported(
    qtbot, main_window: MainWindow, pin_confirmed
) -> None:
    def unreachable(_mrn: str) -> str | None:
        raise KnownError("The server is not reachable.")

    flow = BreakGlassFlow(main_window.tasks, main_window.service, unreachable, main_window)
    dialog = flow.request(30)
    _fill(dialog)
    with qtbot.wait_signal(flow.sig_access_failed, timeout=10_000) as failed:
        dialog.accept()
    assert error_text(failed.args[0]) == "The server is not reachable."
    assert _grants(main_window) == {}


def test_cancel_asks_nobody(
    qtbot, main_window: MainWindow, flow: BreakGlassFlow, server: Server, pin_confirmed
) -> None:
    dialog = flow.request(30)
    _fill(dialog)
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()
    assert server.asked == []
    assert _grants(main_window) == {}


def test_without_the_pin_nothing_is_looked_up_or_granted(
    qtbot, main_window: MainWindow, flow: BreakGlassFlow, server: Server
) -> None:
    reauth.install(None)  # nobody to confirm (locked or signed out): the answer is no
    dialog = flow.request(30)
    _fill(dialog)
    with qtbot.wait_signal(dialog.finished):
        dialog.accept()
    assert server.asked == []
    assert _grants(main_window) == {}


@pytest.fixture
def signed_in_window(
    qtbot, tasks: TaskManager, catalog: Catalog, tmp_path: Path, clock: Clock, server: Server
) -> Iterator[MainWindow]:
    """A signed-in user's window (Emergency access in the Go menu) with its sync."""

    def open_session() -> CacheSession:
        return open_demo_cache(catalog, data_dir=tmp_path, patients=4, clock=clock)

    def make_sync(session: CacheSession) -> SyncController:
        def make_engine(_on_status: Callable[[SyncStatus], None]) -> Server:
            return server

        return SyncController(tasks, session.service, make_engine, interval_s=3600)  # type: ignore[arg-type]

    window = MainWindow(tasks, open_session, demo=False, clock=clock, make_sync=make_sync)
    qtbot.add_widget(window)
    with qtbot.wait_signal(window.sig_loaded, timeout=20_000):
        window.show()
        window.start()
    assert window.sync is not None
    qtbot.wait_signal(window.sync.sig_finished, timeout=10_000).wait()  # the first sync
    yield window
    window.close()


def test_the_go_menu_asks_and_a_sync_then_fetches_the_patient(
    qtbot, signed_in_window: MainWindow, server: Server, pin_confirmed
) -> None:
    window = signed_in_window
    assert window.sync is not None
    assert window.menus.emergency is not None
    syncs_before = server.syncs
    window.menus.emergency.trigger()
    dialog = next(d for d in window.findChildren(BreakGlassDialog) if d.isVisible())
    assert "60 minutes" in " ".join(label.text() for label in dialog.findChildren(QtWidgets.QLabel))
    _fill(dialog)
    with qtbot.wait_signal(window.sync.sig_finished, timeout=10_000):
        dialog.accept()
    assert server.syncs == syncs_before + 1
    assert OUTSIDE in _grants(window)


def test_the_demo_has_no_emergency_access(main_window: MainWindow) -> None:
    assert main_window.menus.emergency is None
