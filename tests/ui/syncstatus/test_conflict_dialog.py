"""The conflict dialog shows both versions side by side and returns the person's choice."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain import Catalog
from app.store.sync_state import Conflict
from sync.conflicts import Resolution
from ui.qt import QtWidgets
from ui.syncstatus.conflict_dialog import EDIT, ConflictDialog, ConflictListDialog


def _conflict(catalog: Catalog) -> Conflict:
    code = next(q.code for q in catalog.questions if q.answer_type.value == "free-text")

    def obs(value: str, who: str) -> dict[str, object]:
        return {
            "resourceType": "Observation",
            "id": "o-1",
            "meta": {"versionId": "3", "lastUpdated": "2026-11-23T09:00:00Z"},
            "status": "amended",
            "code": {
                "coding": [
                    {
                        "system": "https://fhir.askonce.app/CodeSystem/askonce-questions",
                        "code": code,
                    }
                ]
            },
            "subject": {"reference": "Patient/p-1"},
            "effectiveDateTime": "2026-11-23T09:00:00Z",
            "issued": "2026-11-23T09:00:00Z",
            "performer": [{"reference": "Practitioner/x", "display": who}],
            "valueString": value,
        }

    return Conflict(
        resource_type="Observation",
        resource_id="o-1",
        patient_id="p-1",
        fields=("value",),
        mine=obs("lives alone", "Me"),
        theirs=obs("lives with daughter", "Anna Keller"),
        base=None,
        created_at=datetime(2026, 11, 23, tzinfo=UTC),
    )


def test_both_versions_side_by_side_and_keep_mine(qtbot, catalog: Catalog) -> None:
    dialog = ConflictDialog(_conflict(catalog), catalog, patient_name="Müller, Klaus")
    qtbot.add_widget(dialog)
    table = dialog.findChild(QtWidgets.QTableWidget)
    assert table is not None
    cells = [table.item(0, col) for col in (1, 2)]
    assert [c.text() if c else None for c in cells] == ["lives alone", "lives with daughter"]
    texts = " ".join(label.text() for label in dialog.findChildren(QtWidgets.QLabel))
    assert "Anna Keller" in texts
    assert "Müller, Klaus" in texts
    with qtbot.wait_signal(dialog.finished):
        dialog.keep_mine.click()
    assert dialog.choice is Resolution.KEEP_MINE


def test_keep_theirs_and_edit_are_choices_too(qtbot, catalog: Catalog) -> None:
    for button, expected in (("keep_theirs", Resolution.KEEP_THEIRS), ("edit", EDIT)):
        dialog = ConflictDialog(_conflict(catalog), catalog, patient_name="P")
        qtbot.add_widget(dialog)
        with qtbot.wait_signal(dialog.finished):
            getattr(dialog, button).click()
        assert dialog.choice == expected


def test_the_list_opens_the_selected_conflict(qtbot, catalog: Catalog) -> None:
    conflict = _conflict(catalog)
    chooser = ConflictListDialog([conflict], {"p-1": "Müller, Klaus"})
    qtbot.add_widget(chooser)
    assert "Müller, Klaus" in chooser.list.item(0).text()
    with qtbot.wait_signal(chooser.finished):
        chooser.open_button.click()
    assert chooser.selected is conflict
