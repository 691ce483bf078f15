"""Starting the GUI: application object, translations, which first window, screenshots."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import types
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from app.catalog import load_catalog
from app.clock import system_clock
from app.domain import Catalog
from app.errors import KnownError
from app.logs import configure_logging
from app.paths import default_paths
from app.settings import LayeredSettings, Settings, load_settings
from ui.base import reauth
from ui.base.appearance import AppearanceController
from ui.base.gc_guard import GuiThreadCollector
from ui.base.gc_guard import settle as settle_heap
from ui.base.preferences import Preferences
from ui.base.style import apply_app_style
from ui.base.taskman import TaskManager
from ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:  # each first window loads only what it needs (start-up time)
    from ui.mainwindow.window import MainWindow
    from ui.workstation.shell import Shell

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")
SETTLE_AFTER_MS = 1500  # the first window is up, nobody has signed in yet


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
    configure_logging(paths.logs, "gui", verbose=args.verbose)
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
    collector = GuiThreadCollector(app)

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
    appearance = AppearanceController(
        app,
        current=settings.effective.appearance,
        preferences=None if args.demo else paths.config / "preferences.json",
        locked="appearance" in settings.locked,
    )
    appearance.apply(args.appearance or settings.effective.appearance)
    Preferences(
        app,
        settings=settings,
        path=None if args.demo else paths.config / "preferences.json",
        appearance=appearance,
    )

    tasks = TaskManager()
    launcher = _Launcher(app, tasks, args, settings, language, catalog)
    launcher.start()
    # What start-up leaves alive lives as long as the process: out of every later full
    # collection (ui/base/gc_guard.py), a moment after the first window is up.
    QtCore.QTimer.singleShot(SETTLE_AFTER_MS, settle_heap)
    code = app.exec()
    tasks.shutdown()
    collector.stop()
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
        self.shell: Shell | None = None

    def start(self) -> None:
        if self.args.demo:
            self.open_demo()
            return
        if not self.settings.effective.missing_for_sign_in():
            self.open_shell()
            return
        from ui.workstation.first_run import FirstRunWindow

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
        from app.session import CacheSession, open_demo_cache
        from ui.mainwindow.window import MainWindow

        catalog = self.catalog
        data_dir = self.args.data_dir
        patients = self.args.patients

        def open_session() -> CacheSession:
            return open_demo_cache(
                catalog,
                data_dir=data_dir,
                patients=patients,
                language=self.language,
                clock=system_clock,
            )

        reauth.install(None, demo=True)  # the demo has no PIN to ask for
        window = MainWindow(
            self.tasks, open_session, demo=True, language=self.language, clock=system_clock
        )
        self.window = window
        if self.args.screenshot:
            window.sig_loaded.connect(lambda: self._open_first_patient(window))
            window.sig_chart_shown.connect(
                lambda _pid: QtCore.QTimer.singleShot(50, lambda: self._save_screenshot(window))
            )
            self.tasks.sig_error.connect(lambda _exc: self._fail())
        window.show()
        window.start()

    def open_shell(self) -> None:
        """The shared-workstation sign-in: users with a cache here, or someone new."""
        from app.keystore import OsKeystore
        from sync.oidc import OidcClient, oidc_config
        from ui.workstation.shell import Shell

        policy = self.settings.effective
        oidc = OidcClient(oidc_config(policy), clock=system_clock)
        shell = Shell(
            self.tasks,
            policy,
            self.catalog,
            default_paths().with_data_dir(self.args.data_dir),
            language=self.language,
            keystore=OsKeystore,
            oidc=oidc,
            workstation=socket.gethostname(),
            clock=system_clock,
            parent=self,
        )
        self.shell = shell
        self.app.aboutToQuit.connect(shell.shutdown)
        self.app.aboutToQuit.connect(oidc.close)
        self.window = shell.window
        shell.start()
        if self.args.screenshot:
            QtCore.QTimer.singleShot(0, lambda: self._save_screenshot(shell.window))

    def _open_first_patient(self, window: MainWindow) -> None:
        # For documentation screenshots: a patient with something still to ask.
        panel = window.ward_panel
        for proxy_row in range(panel.ward_proxy.rowCount()):
            source = panel.ward_proxy.mapToSource(panel.ward_proxy.index(proxy_row, 0))
            row = panel.ward_model.record(source.row())
            if row.due_questions and row.open_questions > 3:
                panel.ward_view.setCurrentIndex(panel.ward_proxy.index(proxy_row, 1))
                return
        panel.ward_view.setCurrentIndex(panel.ward_proxy.index(0, 1))

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
