"""Starting the GUI: application object, translations, which first window, screenshots."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import threading
import types
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from app.catalog import load_catalog
from app.domain import Actor, Catalog
from app.errors import KnownError
from app.keystore import OsKeystore
from app.logs import configure_logging
from app.paths import default_paths
from app.session import (
    CacheSession,
    cache_exists,
    create_user_cache,
    open_demo_cache,
    unlock_user_cache,
)
from app.settings import LayeredSettings, Settings, load_settings
from sync.cli import StaticToken
from sync.client import FhirClient
from sync.engine import Synchronizer, SyncStatus
from ui.first_run import FirstRunWindow
from ui.main_window import MainWindow
from ui.pin_dialog import PinDialog
from ui.qt import QtCore, QtGui, QtWidgets
from ui.style import apply_app_style
from ui.sync_bridge import SyncController
from ui.tasks import DbOp, TaskManager

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")


def _excepthook(
    kind: type[BaseException], exc: BaseException, tb: types.TracebackType | None
) -> None:
    # Log the type and stack, not the message: a message might one day carry data.
    log.critical("uncaught %s", kind.__name__, exc_info=(kind, exc, tb))
    sys.__excepthook__(kind, exc, tb)


def pick_language(requested: str | None, settings: Settings) -> str:
    wanted = requested or settings.language or QtCore.QLocale.system().name()[:2]
    return wanted if wanted in LANGUAGES else "en"


def install_translators(app: QtWidgets.QApplication, language: str) -> None:
    # English is loaded too: it carries the plural forms ("1 patient", "3 patients").
    folder = Path(str(resources.files("resources") / "i18n"))
    ours = QtCore.QTranslator(app)
    if ours.load(f"askonce_{language}", str(folder)):
        app.installTranslator(ours)
    else:
        log.warning("no translation file for %s", language)
    if language == "en":
        return
    qt_base = QtCore.QTranslator(app)
    qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
    QtCore.QLocale.setDefault(QtCore.QLocale(language))


def run(args: argparse.Namespace) -> int:
    paths = default_paths()
    configure_logging(paths.logs, verbose=args.verbose)
    sys.excepthook = _excepthook
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if args.screenshot and headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    assert isinstance(app, QtWidgets.QApplication)
    app.setApplicationName("AskOnce")
    app.setOrganizationName("AskOnce")
    app.setApplicationDisplayName("AskOnce")
    apply_app_style(app)

    try:
        settings = load_settings(paths.policy_file, paths.config / "preferences.json")
        catalog = load_catalog(settings.effective.catalog_file)
    except KnownError as exc:
        log.error("start-up failed: %s", type(exc).__name__)
        print(f"askonce: {exc}", file=sys.stderr)
        if not args.screenshot:
            QtWidgets.QMessageBox.critical(None, "AskOnce", str(exc))
        return 2
    language = pick_language(args.language, settings.effective)
    install_translators(app, language)

    tasks = TaskManager()
    launcher = _Launcher(app, tasks, args, settings, language, catalog)
    launcher.start()
    code = app.exec()
    tasks.shutdown()
    return launcher.exit_code if launcher.exit_code is not None else code


class _Launcher(QtCore.QObject):
    """Decides the first window and, for ``--screenshot``, when the picture is taken."""

    def __init__(
        self,
        app: QtWidgets.QApplication,
        tasks: TaskManager,
        args: argparse.Namespace,
        settings: LayeredSettings,
        language: str,
        catalog: Catalog,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.tasks = tasks
        self.args = args
        self.settings = settings
        self.language = language
        self.catalog = catalog
        self.exit_code: int | None = None
        self.window: QtWidgets.QWidget | None = None

    def start(self) -> None:
        if self.args.demo:
            self.open_demo()
            return
        if self.args.server:
            self.open_user(self.args.server, self.args.user)
            return
        first = FirstRunWindow(
            self.settings.effective.missing_for_sign_in(), str(default_paths().policy_file)
        )

        def switch_to_demo() -> None:
            first.close()
            self.open_demo()

        first.sig_demo_requested.connect(switch_to_demo)
        self.window = first
        first.show()
        if self.args.screenshot:
            QtCore.QTimer.singleShot(0, lambda: self._save_screenshot(first))

    def open_demo(self) -> None:
        catalog = self.catalog
        data_dir = self.args.data_dir
        patients = self.args.patients

        def open_session() -> CacheSession:
            return open_demo_cache(catalog, data_dir=data_dir, patients=patients)

        window = MainWindow(self.tasks, open_session, demo=True, language=self.language)
        self.window = window
        if self.args.screenshot:
            window.sig_loaded.connect(lambda: self._open_first_patient(window))
            window.sig_chart_shown.connect(
                lambda _pid: QtCore.QTimer.singleShot(50, lambda: self._save_screenshot(window))
            )
            self.tasks.sig_error.connect(lambda _exc: self._fail())
        window.show()
        window.start()

    def open_user(self, server: str, user: str) -> None:
        """A user's own cache, unlocked with the offline PIN, synced with ``server``."""
        paths = default_paths().with_data_dir(self.args.data_dir)
        policy = self.settings.effective
        actor = Actor(user_id=user, display_name=user)
        create = not cache_exists(paths, user)
        dialog = PinDialog(user, create=create, min_length=policy.pin_min_length)
        catalog = self.catalog
        workstation = socket.gethostname()

        def unlock(pin: str) -> CacheSession:
            if create:
                return create_user_cache(
                    paths,
                    actor,
                    pin,
                    OsKeystore(),
                    catalog,
                    workstation=workstation,
                    min_pin_length=policy.pin_min_length,
                )
            return unlock_user_cache(
                paths, actor, pin, OsKeystore(), catalog, workstation=workstation
            )

        def opened(session: CacheSession) -> None:
            self._open_main(session, server, user)
            dialog.accept()

        def submitted(pin: str) -> None:
            # Key derivation and the keystore run on the DB worker; the dialog stays open.
            DbOp(self.tasks, lambda: unlock(pin)).success(opened).failure(
                lambda exc: dialog.show_error(str(exc))
            ).run()

        dialog.sig_submitted.connect(submitted)
        dialog.rejected.connect(lambda: self.app.exit(1))
        self.window = dialog
        dialog.open()

    def _open_main(self, session: CacheSession, server: str, user: str) -> None:
        interval = self.settings.effective.sync_interval_seconds
        ca_bundle = self.settings.effective.ca_bundle
        token = os.environ.get("ASKONCE_TOKEN")

        def make_sync(opened: CacheSession) -> SyncController:
            # Retry waits end at once when the window closes (no hanging shutdown).
            stopping = threading.Event()
            client = FhirClient(
                server, auth=StaticToken(token), ca_bundle=ca_bundle, sleep=stopping.wait
            )

            def make_engine(on_status: Callable[[SyncStatus], None]) -> Synchronizer:
                return Synchronizer(
                    opened.db,
                    opened.service.catalog,
                    client,
                    user,
                    on_status=on_status,
                    run_db=self.tasks.run_db_blocking,
                )

            return SyncController(
                self.tasks, opened.service, make_engine, interval_s=interval, on_stop=stopping.set
            )

        window = MainWindow(
            self.tasks,
            lambda: session,
            demo=False,
            language=self.language,
            make_sync=make_sync,
        )
        self.window = window
        window.show()
        window.start()

    def _open_first_patient(self, window: MainWindow) -> None:
        # For documentation screenshots: a patient with something still to ask.
        rows = window.ward_model
        for proxy_row in range(window.ward_proxy.rowCount()):
            source = window.ward_proxy.mapToSource(window.ward_proxy.index(proxy_row, 0))
            row = rows.record(source.row())
            if row.due_questions and row.open_questions > 3:
                window.ward_view.setCurrentIndex(window.ward_proxy.index(proxy_row, 1))
                return
        window.ward_view.setCurrentIndex(window.ward_proxy.index(0, 1))

    def _save_screenshot(self, widget: QtWidgets.QWidget) -> None:
        target: Path = self.args.screenshot
        pixmap: QtGui.QPixmap = widget.grab()
        target.parent.mkdir(parents=True, exist_ok=True)
        ok = pixmap.save(str(target), "PNG")
        self.exit_code = 0 if ok else 1
        widget.close()
        self.app.exit(self.exit_code)

    def _fail(self) -> None:
        self.exit_code = 1
        self.app.exit(1)
