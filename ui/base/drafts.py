"""Half-typed entries survive a lock (DESIGN.md §6).

Editors that can be reopened are tagged when they open: what they edit (kind,
patient, record or question). On lock, the tagged editor's field values are
captured, the editor closes, and the draft is saved inside the user's encrypted
cache. After the unlock the same editor opens again for the same record and the
values are put back, field by field, in the order the editor created them.
A widget whose state is more than its fields (the ranked list of phone numbers in
a contact) is a ``DraftPart``: it hands over and takes back its whole state.
"""

from __future__ import annotations

import json
from typing import Any, Protocol, runtime_checkable

from ui.qt import QtCore, QtWidgets

DRAFT_PROPERTY = "askonce_draft"


@runtime_checkable
class DraftPart(Protocol):
    """A widget that keeps its own draft state (JSON-ready), fields inside it included."""

    def draft_state(self) -> Any: ...

    def restore_draft_state(self, state: Any) -> None: ...


def _parts(dialog: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    return [w for w in dialog.findChildren(QtWidgets.QWidget) if isinstance(w, DraftPart)]


def tag(dialog: QtWidgets.QWidget, kind: str, patient_id: str, ref: str | None) -> None:
    """Mark an editor as reopenable; fill it in if a draft for it is waiting."""
    key = {"kind": kind, "patient_id": patient_id, "ref": ref}
    dialog.setProperty(DRAFT_PROPERTY, json.dumps(key))
    waiting = KEEPER.pending
    if waiting is not None and {k: waiting.get(k) for k in key} == key:
        KEEPER.pending = None
        apply_fields(dialog, waiting.get("fields", []))
        states = waiting.get("parts", [])
        states = states if isinstance(states, list) else []
        for part, state in zip(_parts(dialog), states, strict=False):
            assert isinstance(part, DraftPart)
            part.restore_draft_state(state)


def open_editor() -> QtWidgets.QDialog | None:
    """The tagged editor on screen, if any."""
    for widget in QtWidgets.QApplication.topLevelWidgets():
        visible = isinstance(widget, QtWidgets.QDialog) and widget.isVisible()
        if visible and widget.property(DRAFT_PROPERTY):
            return widget  # type: ignore[return-value]
    return None


def capture(dialog: QtWidgets.QWidget) -> dict[str, Any] | None:
    text = dialog.property(DRAFT_PROPERTY)
    if not text:
        return None
    draft: dict[str, Any] = json.loads(str(text))
    draft["fields"] = field_values(dialog)
    draft["parts"] = [part.draft_state() for part in _parts(dialog) if isinstance(part, DraftPart)]
    return draft


def _inputs(widget: QtWidgets.QWidget) -> list[QtWidgets.QWidget]:
    kinds = (
        QtWidgets.QLineEdit,
        QtWidgets.QPlainTextEdit,
        QtWidgets.QTextEdit,
        QtWidgets.QComboBox,
        QtWidgets.QAbstractButton,
        QtWidgets.QAbstractSpinBox,
    )
    found = widget.findChildren(QtWidgets.QWidget)
    parts = _parts(widget)
    # A combo box's own line edit and a spin box's editor are part of their owner;
    # the fields of a DraftPart are in its own state.
    return [
        w
        for w in found
        if isinstance(w, kinds)
        and not isinstance(w.parent(), QtWidgets.QComboBox | QtWidgets.QAbstractSpinBox)
        and not (isinstance(w, QtWidgets.QAbstractButton) and not w.isCheckable())
        and not any(part.isAncestorOf(w) for part in parts)
    ]


def field_values(widget: QtWidgets.QWidget) -> list[Any]:
    values: list[Any] = []
    for w in _inputs(widget):
        if isinstance(w, QtWidgets.QLineEdit):
            values.append(w.text())
        elif isinstance(w, QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit):
            values.append(w.toPlainText())
        elif isinstance(w, QtWidgets.QComboBox):
            values.append(w.currentIndex())
        elif isinstance(w, QtWidgets.QAbstractButton):
            values.append(w.isChecked())
        elif isinstance(w, QtWidgets.QDateTimeEdit):
            values.append(w.dateTime().toString(QtCore.Qt.DateFormat.ISODate))
        elif isinstance(w, QtWidgets.QSpinBox | QtWidgets.QDoubleSpinBox):
            values.append(w.value())
        else:
            values.append(None)
    return values


def apply_fields(widget: QtWidgets.QWidget, values: list[Any]) -> None:
    for w, value in zip(_inputs(widget), values, strict=False):
        if value is None:
            continue
        if isinstance(w, QtWidgets.QLineEdit) and isinstance(value, str):
            w.setText(value)
        elif isinstance(w, QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit):
            w.setPlainText(str(value))
        elif isinstance(w, QtWidgets.QComboBox) and isinstance(value, int):
            w.setCurrentIndex(value)
        elif isinstance(w, QtWidgets.QAbstractButton) and isinstance(value, bool):
            w.setChecked(value)
        elif isinstance(w, QtWidgets.QDateTimeEdit) and isinstance(value, str):
            w.setDateTime(QtCore.QDateTime.fromString(value, QtCore.Qt.DateFormat.ISODate))
        elif isinstance(w, QtWidgets.QSpinBox) and isinstance(value, int):
            w.setValue(value)
        elif isinstance(w, QtWidgets.QDoubleSpinBox) and isinstance(value, int | float):
            w.setValue(float(value))


class DraftKeeper:
    """The draft waiting to be put back into the editor that reopens after an unlock."""

    def __init__(self) -> None:
        self.pending: dict[str, Any] | None = None


KEEPER = DraftKeeper()
