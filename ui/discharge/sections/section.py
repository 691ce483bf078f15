"""What every section of the Discharge tab shares: a titled box over the view on screen.

A section shows its part of the ``DischargeView`` the tab hands it (``show_view``),
keeps its buttons in step with its own table's selection, and writes through
``ChartActions``; after a save the tab reloads and hands every section the stored view.
"""

from __future__ import annotations

from datetime import date, timedelta

from app.services import DischargeView
from ui.operations.chart import ChartActions
from ui.qt import QtWidgets


class DischargeSection(QtWidgets.QGroupBox):
    """One titled part of the Discharge tab (plan, checklist, medications, contacts, follow-up).

    Subclasses set their title and build their widgets in ``__init__``, fill them in
    ``_show`` and enable their buttons in ``update_buttons``.
    """

    def __init__(self, actions: ChartActions, parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self._actions = actions
        self.view: DischargeView | None = None
        """The discharge view on screen; ``None`` while another patient's view is loading."""

    def set_title(self, title: str) -> None:
        """The box's title, which screen readers announce too."""
        self.setTitle(title)
        self.setAccessibleName(title)

    def show_view(self, view: DischargeView) -> None:
        """Show the stored state (after loading, and again after every save)."""
        self.view = view
        self._show(view)
        self.update_buttons()

    def forget_view(self) -> None:
        """Another patient is loading: nothing of the previous one may be acted on."""
        self.view = None

    def _show(self, view: DischargeView) -> None:
        raise NotImplementedError

    def update_buttons(self) -> None:
        """Enable what applies to the view and the selected row."""

    # --- for the subclasses -----------------------------------------------------------

    @property
    def has_plan(self) -> bool:
        return self.view is not None and self.view.plan is not None

    def today(self) -> date:
        """The workstation's day on the session's clock (defaults in the dialogs)."""
        return self._actions.service.today()

    def suggested_discharge_date(self) -> date:
        """The expected discharge recorded for the stay, else three days from today."""
        if self.view is not None and self.view.patient.expected_discharge is not None:
            return self.view.patient.expected_discharge
        return self.today() + timedelta(days=3)

    def _follow_selection(self, table: QtWidgets.QTableView) -> None:
        """Buttons follow the mouse's selection and the keyboard's current row."""
        selection = table.selectionModel()
        selection.selectionChanged.connect(lambda *_: self.update_buttons())
        selection.currentRowChanged.connect(lambda *_: self.update_buttons())
