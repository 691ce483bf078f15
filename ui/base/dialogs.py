"""Opening a dialog the one way (ARCHITECTURE.md): window-modal, no nested event loop."""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QtWidgets


def open_dialog(
    dialog: QtWidgets.QDialog, on_accepted: Callable[[], None] | None = None
) -> QtWidgets.QDialog:
    """Show ``dialog`` window-modal and return at once; ``on_accepted`` runs when it is accepted.

    No nested event loop (``exec()``): a lock or a sync that arrives while the dialog is up
    is handled as usual, and a lock closes the dialog (rejected) without saving. The dialog
    needs a parent (that keeps it alive) and is deleted once it is closed.
    """
    if on_accepted is not None:
        dialog.accepted.connect(on_accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
