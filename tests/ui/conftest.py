"""UI fixtures: a real demo cache on disk behind a real TaskManager."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain import Catalog
from app.session import CacheSession, open_demo_cache
from tests.conftest import Clock
from ui.application import install_translators
from ui.base.gc_guard import GuiThreadCollector
from ui.base.taskman import TaskManager
from ui.mainwindow.window import MainWindow


@pytest.fixture(scope="session", autouse=True)
def english_texts(qapp) -> None:
    """Load the shipped English translation, as the app does (it carries the plurals)."""
    install_translators(qapp, "en")


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp) -> Iterator[None]:
    """As in the app: cycles (and the widgets in them) are freed on the GUI thread only.

    Without this a collection that happens to start on the DB worker destroys the
    previous test's widgets there, and the run dies with a segmentation fault.
    """
    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def tasks(qtbot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def main_window(
    qtbot, tasks: TaskManager, catalog: Catalog, tmp_path: Path, clock: Clock
) -> Iterator[MainWindow]:
    """The demo main window, loaded (ward list filled) — as ``askonce --demo`` shows it."""

    def open_session() -> CacheSession:
        return open_demo_cache(catalog, data_dir=tmp_path, patients=16, clock=clock)

    window = MainWindow(tasks, open_session, demo=True, clock=clock)
    qtbot.add_widget(window)
    with qtbot.wait_signal(window.sig_loaded, timeout=20_000):
        window.show()
        window.start()
    yield window
    window.close()
