"""The one save-file dialog for exports (a discharge summary PDF, the patient's answers).

Window-modal, opened with ``open_dialog`` by the caller; it starts in the user's
Documents folder (home when there is none) with a suggested name. Names hold no patient
identifier: file names end up in recent-file lists, backups and logs that are not
protected like the file itself.
"""

from __future__ import annotations

from pathlib import Path

from ui.qt import QtCore, QtWidgets


def save_file_dialog(
    parent: QtWidgets.QWidget, title: str, name_filter: str, name: str, suffix: str
) -> QtWidgets.QFileDialog:
    """A save dialog over ``parent`` suggesting ``name`` (``suffix`` added when left off)."""
    locations = QtCore.QStandardPaths.StandardLocation
    folder = QtCore.QStandardPaths.writableLocation(locations.DocumentsLocation)
    if not Path(folder).is_dir():  # (Qt's dialog then shows the name as a relative path)
        folder = QtCore.QStandardPaths.writableLocation(locations.HomeLocation)
    dialog = QtWidgets.QFileDialog(parent, title, folder, name_filter)
    dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QtWidgets.QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(str(Path(folder) / name))
    return dialog
