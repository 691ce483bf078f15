"""Help ▸ Export diagnostics…: ask where, write the bundle off the GUI thread, say where.

The bundle (app/diagnostics.py) holds no patient data. With a signed-in user the open
cache's schema version and sync counts go in too, read on the DB worker like every
other cache access.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.clock import Clock
from app.diagnostics import bundle_writer
from app.paths import AppPaths, default_paths
from app.services import CareService
from ui.base.dialogs import open_dialog
from ui.base.error_text import error_text
from ui.base.save_dialog import save_file_dialog
from ui.base.taskman import DbOp, TaskManager
from ui.qt import QtCore, QtWidgets


def default_file_name(clock: Clock) -> str:
    return f"askonce-diagnostics-{clock().astimezone():%Y-%m-%d-%H%M}.zip"


def export_diagnostics(
    parent: QtWidgets.QWidget,
    tasks: TaskManager,
    service: CareService | None = None,
    *,
    clock: Clock,
    paths: AppPaths | None = None,
    on_written: Callable[[Path], None] | None = None,
) -> QtWidgets.QFileDialog:
    """Open the save dialog (window-modal, ``open()``); the rest follows on acceptance.

    ``service`` is the signed-in user's (None before sign-in or while locked).
    ``on_written`` runs with the bundle's path once it is written (tests, status bar).
    """
    dialog = save_file_dialog(
        parent,
        QtCore.QCoreApplication.translate("Diagnostics", "Export diagnostics"),
        QtCore.QCoreApplication.translate("Diagnostics", "Zip archives (*.zip)"),
        default_file_name(clock),
        "zip",
    )
    dialog.setObjectName("export_diagnostics_dialog")

    def write() -> None:
        chosen = dialog.selectedFiles()
        if not chosen:
            return
        target = Path(chosen[0])
        # The dialog asked before replacing an existing file.
        run = bundle_writer(target, paths or default_paths(), service, clock=clock, overwrite=True)

        def written(path: Path) -> None:
            _say_written(parent, path)
            if on_written is not None:
                on_written(path)

        DbOp(tasks, run).success(written).failure(lambda exc: _say_failed(parent, exc)).run()

    open_dialog(dialog, write)
    return dialog


def _message(
    parent: QtWidgets.QWidget, icon: QtWidgets.QMessageBox.Icon, title: str, text: str
) -> QtWidgets.QMessageBox:
    box = QtWidgets.QMessageBox(icon, title, text, QtWidgets.QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("diagnostics_message")
    box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
    open_dialog(box)
    return box


def _say_written(parent: QtWidgets.QWidget, path: Path) -> None:
    _message(
        parent,
        QtWidgets.QMessageBox.Icon.Information,
        QtCore.QCoreApplication.translate("Diagnostics", "Diagnostics exported"),
        QtCore.QCoreApplication.translate(
            "Diagnostics",
            "The diagnostics were saved to:\n{path}\n\n"
            "They hold no patient data. Send the file to IT.",
        ).replace("{path}", str(path)),
    )


def _say_failed(parent: QtWidgets.QWidget, exc: Exception) -> None:
    _message(
        parent,
        QtWidgets.QMessageBox.Icon.Warning,
        QtCore.QCoreApplication.translate("Diagnostics", "Diagnostics not exported"),
        error_text(exc),
    )
