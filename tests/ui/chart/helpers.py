"""What the chart tab tests share: one patient's chart as the service reads it, the
record factory a dialog builds records with (``CareService.provenance_now`` / ``new_id``),
and the check that every control a screen reader meets has a name."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

from app.domain import (
    Actor,
    HistoryEntry,
    HomeCareContact,
    HomeMedication,
    Patient,
    Provenance,
    Source,
)
from app.services import PatientChart
from tests.conftest import FIXED_NOW
from ui.qt import QtWidgets

NURSE = Actor(user_id="u-1", display_name="Nurse Kim")
RECORDED_AT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def provenance(source: Source = Source.PATIENT) -> Provenance:
    return Provenance(recorded_by=NURSE, recorded_at=RECORDED_AT, source=source)


def chart(
    *,
    medications: tuple[HomeMedication, ...] = (),
    contacts: tuple[HomeCareContact, ...] = (),
    history: tuple[HistoryEntry, ...] = (),
) -> PatientChart:
    patient = Patient(
        id="p-1",
        mrn="100200",
        family_name="Example",
        given_name="Test",
        birth_date=date(1940, 5, 1),
        admitted_at=datetime(2025, 2, 28, tzinfo=UTC),
    )
    return PatientChart(
        patient=patient,
        board=(),
        medications=medications,
        contacts=contacts,
        history=history,
        unsent_changes=0,
        as_of=FIXED_NOW,
    )


class FakeRecords:
    """Stands in for CareService.provenance_now / new_id."""

    def __init__(self) -> None:
        self._ids = (f"new-{i}" for i in itertools.count(1))

    def provenance_now(self, source: Source) -> Provenance:
        return provenance(source)

    def new_id(self) -> str:
        return next(self._ids)


def unnamed_controls(root: QtWidgets.QWidget) -> list[str]:
    """Interactive controls without an accessible name (Qt's own sub-widgets excluded)."""
    kinds = (
        QtWidgets.QAbstractButton,
        QtWidgets.QLineEdit,
        QtWidgets.QComboBox,
        QtWidgets.QPlainTextEdit,
        QtWidgets.QAbstractItemView,
    )
    composite = (QtWidgets.QAbstractItemView, QtWidgets.QComboBox, QtWidgets.QLineEdit)

    def inside_composite(widget: QtWidgets.QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, composite):
                return True
            parent = parent.parentWidget()
        return False

    return [
        type(w).__name__
        for w in root.findChildren(QtWidgets.QWidget)
        if isinstance(w, kinds) and not inside_composite(w) and not w.accessibleName()
    ]
