"""The main window's status bar: busy, the sync line, and the way to open sync problems."""

from __future__ import annotations

from ui.qt import QtWidgets


class MainStatusBar(QtWidgets.QStatusBar):
    """Short messages on the left ("Saved on this workstation"); what lasts on the right."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync_status = QtWidgets.QLabel()
        self.sync_status.setAccessibleName(self.tr("Sync status"))
        self.busy_label = QtWidgets.QLabel()
        self.problems_button = QtWidgets.QPushButton(self.tr("Open…"))
        self.problems_button.setAccessibleName(self.tr("Open conflicts and refused changes"))
        self.problems_button.setFlat(True)
        self.problems_button.hide()
        self.addPermanentWidget(self.busy_label)
        self.addPermanentWidget(self.sync_status)
        self.addPermanentWidget(self.problems_button)

    def show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def show_without_server(self, waiting: int, *, demo: bool) -> None:
        """The sync line when no sync runs here (the demo, or no server configured)."""
        text = self.tr("Demo: no server") if demo else self.tr("Not connected to a server")
        if waiting:
            text += " · " + self.tr("%n change(s) waiting to be sent", "", waiting)
        else:
            text += " · " + self.tr("no changes waiting")
        self.sync_status.setText(text)

    def show_sync(self, text: str, *, problems: bool, details: str = "") -> None:
        """The sync controller's line; ``problems``: conflicts or refused changes to open;
        ``details``: why the last sync failed, for IT (a tooltip)."""
        self.sync_status.setText(text)
        self.sync_status.setToolTip(details)
        self.problems_button.setVisible(problems)
