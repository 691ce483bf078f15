"""The discharge summary: what it says (and does not), PDF on A4 and Letter, re-auth and audit."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from app.discharge import Appointment
from app.domain import AuditAction, ContactKind, MedicationStatus, ReconciliationDecision
from app.services import DischargeSummary
from tests.conftest import FIXED_NOW
from tests.ui.discharge_helpers import find_view, open_on_discharge_tab
from ui.discharge_summary import (
    PrintedBy,
    ask_for_printer,
    default_page_size,
    export_summary_pdf,
    summary_document,
)
from ui.main_window import MainWindow
from ui.qt import QtCore, QtGui, QtPrintSupport, QtWidgets

PAGE_SIZES = {  # points, as PDF MediaBoxes give them
    QtGui.QPageSize.PageSizeId.A4: (595, 842),
    QtGui.QPageSize.PageSizeId.Letter: (612, 792),
}


def _prepared_summary(window: MainWindow) -> DischargeSummary:
    """A patient with a plan, an agency and medications, made ready the way a coordinator would."""
    view = find_view(
        window,
        lambda v: (
            v.plan is not None
            and any(c.kind is ContactKind.AGENCY for c in v.contacts)
            and any(c.kind is ContactKind.PERSON for c in v.contacts)
            and len(v.medications) >= 2
        ),
    )
    service = window.service
    pid = view.patient.id

    def prepare() -> DischargeSummary:
        decisions = [ReconciliationDecision.CONTINUE, ReconciliationDecision.STOP]
        for n, med in enumerate(view.medications):
            if med.status is not MedicationStatus.STOPPED:
                service.reconcile_medication(med.id, decisions[n % 2], f"reason {n}")
        helper = next(c for c in view.contacts if c.kind is ContactKind.PERSON)
        service.set_home_helper(pid, helper.id)
        plan = service.discharge_plan_of(pid)
        assert plan is not None
        visit = Appointment(
            when=FIXED_NOW + timedelta(days=9),
            with_whom="GP Dr Weber",
            where="Practice on Lindenstraße",
        )
        service.save_discharge_plan(plan.model_copy(update={"appointments": (visit,)}))
        return service.discharge_summary(pid)

    return window.tasks.run_db_blocking(prepare)


def _printed(window: MainWindow) -> PrintedBy:
    return PrintedBy(actor=window.service.actor, at=FIXED_NOW, demo=True)


def test_summary_says_what_the_coordinator_decided(qtbot, main_window: MainWindow) -> None:
    summary = _prepared_summary(main_window)
    text = summary_document(summary, _printed(main_window)).plain_text()
    p = summary.patient
    assert p.display_name in text
    assert p.mrn in text
    assert "Discharge summary" in text
    assert summary.plan is not None
    assert summary.plan.destination is not None
    for med in summary.medications:
        assert med.name in text
        assert med.reconciliation is not None
    assert "→ CONTINUE" in text
    assert "✕ STOP" in text
    assert "(do not take after discharge)" in text
    assert "Decided by, when" in text
    assert "Demo Nurse" in text
    for agency in summary.agencies:
        assert agency.name in text
    assert summary.home_helper is not None
    assert f"Helper at home after discharge: {summary.home_helper.name}" in text
    assert "GP Dr Weber" in text
    assert "Practice on Lindenstraße" in text
    assert "Follow-up" in text
    assert "Preferred channel" in text
    if summary.follow_up.channel and summary.follow_up.state.value == "valid":
        assert summary.follow_up.channel in text
    assert summary.preferences, "the demo patient has told us something"
    for label, value in summary.preferences:
        assert label in text
        assert value in text
    assert "Printed" in text
    assert "Demo Nurse" in text
    assert "DEMO" in text
    for allergy in p.allergies:
        assert allergy.substance in text


def test_summary_holds_nothing_of_another_patient(qtbot, main_window: MainWindow) -> None:
    summary = _prepared_summary(main_window)
    text = summary_document(summary, _printed(main_window)).plain_text()
    service = main_window.service
    own_meds = {m.name for m in summary.medications}
    own_contacts = {c.name for c in (*summary.contacts, *summary.agencies)}

    def others() -> list[tuple[str, str, set[str], set[str]]]:
        result = []
        for row in service.ward():
            p = row.patient
            if p.id == summary.patient.id:
                continue
            meds = {m.name for m in service.repo.medications(p.id)}
            contacts = {c.name for c in service.repo.contacts(p.id)}
            result.append((p.display_name, p.mrn, meds, contacts))
        return result

    for name, mrn, meds, contacts in main_window.tasks.run_db_blocking(others):
        assert name not in text
        assert mrn not in text
        for med in meds - own_meds:
            assert med not in text
        for contact in contacts - own_contacts:
            assert contact not in text


def test_draft_until_ready(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and v.unreconciled > 0)
    summary = main_window.tasks.run_db_blocking(
        lambda: main_window.service.discharge_summary(view.patient.id)
    )
    text = summary_document(summary, _printed(main_window)).plain_text()
    assert "DRAFT — not ready for discharge" in text
    assert "NOT YET RECONCILED" in text


@pytest.mark.parametrize("size", list(PAGE_SIZES))
def test_pdf_export_lays_out_on_a4_and_letter(
    qtbot, main_window: MainWindow, tmp_path: Path, size: QtGui.QPageSize.PageSizeId
) -> None:
    summary = _prepared_summary(main_window)
    path = tmp_path / "discharge-summary.pdf"
    pages = export_summary_pdf(summary_document(summary, _printed(main_window)), path, size)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages >= 1
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == pages
    width, height = PAGE_SIZES[size]
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(width, height)}


def test_paper_size_follows_the_locale() -> None:
    us = QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedStates)
    de = QtCore.QLocale(QtCore.QLocale.Language.German, QtCore.QLocale.Country.Germany)
    assert default_page_size(us) is QtGui.QPageSize.PageSizeId.Letter
    assert default_page_size(de) is QtGui.QPageSize.PageSizeId.A4


def _audit(window: MainWindow, patient_id: str, action: AuditAction):
    entries = window.tasks.run_db_blocking(window.service.repo.audit_entries)
    return [e for e in entries if e.patient_id == patient_id and e.action is action]


def test_export_asks_who_you_are_then_audits(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    reasons: list[str] = []

    def confirmed(_parent, reason: str) -> bool:
        reasons.append(reason)
        return True

    monkeypatch.setattr("ui.reauth.require_reauth", confirmed)
    view = find_view(main_window, lambda v: v.plan is not None)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    path = tmp_path / "out.pdf"
    with qtbot.wait_signal(tab.summary_output.sig_output_done, timeout=20_000) as done:
        tab.summary_output.export_pdf(view.patient.id, path)
    assert done.args[0] == "export"
    assert reasons == ["Export the discharge summary as PDF"]
    assert path.read_bytes().startswith(b"%PDF")
    entries = _audit(main_window, view.patient.id, AuditAction.EXPORT)
    assert len(entries) == 1
    assert "pdf" in entries[0].detail
    assert "out.pdf" not in entries[0].detail  # never a file name in the audit log
    assert "exported" in main_window.statusBar().currentMessage()


def test_refused_reauth_prints_nothing(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("ui.reauth.require_reauth", lambda _parent, _reason: False)
    view = find_view(main_window, lambda v: v.plan is not None)
    output = main_window.patient_view.discharge.summary_output
    path = tmp_path / "never.pdf"
    with qtbot.assert_not_emitted(output.sig_output_done, wait=300):
        output.export_pdf(view.patient.id, path)
        output.print_summary(view.patient.id)
    assert not path.exists()
    assert _audit(main_window, view.patient.id, AuditAction.EXPORT) == []
    assert _audit(main_window, view.patient.id, AuditAction.PRINT) == []


def test_print_asks_for_a_printer_then_audits(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("ui.reauth.require_reauth", lambda _parent, _reason: True)
    view = find_view(main_window, lambda v: v.plan is not None)
    output = main_window.patient_view.discharge.summary_output
    assert output.choose_printer is ask_for_printer  # Qt's print dialog, unless replaced
    printed = tmp_path / "printer.pdf"
    asked: list[bool] = []  # not the printer itself: it must go when printing is done

    def choose_pdf_printer(printer: QtPrintSupport.QPrinter, _parent) -> bool:
        # What picking "Print to File (PDF)" in the dialog does to the printer.
        asked.append(True)
        printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    output.choose_printer = choose_pdf_printer
    with qtbot.wait_signal(output.sig_output_done, timeout=20_000) as done:
        output.print_summary(view.patient.id)
    assert done.args[0] == "print"
    assert len(asked) == 1
    assert printed.read_bytes().startswith(b"%PDF")
    entries = _audit(main_window, view.patient.id, AuditAction.PRINT)
    assert len(entries) == 1
    assert "printer" in entries[0].detail


def test_a_cancelled_print_dialog_prints_nothing(
    qtbot, main_window: MainWindow, monkeypatch
) -> None:
    monkeypatch.setattr("ui.reauth.require_reauth", lambda _parent, _reason: True)
    view = find_view(main_window, lambda v: v.plan is not None)
    output = main_window.patient_view.discharge.summary_output
    output.choose_printer = lambda _printer, _parent: False
    with qtbot.assert_not_emitted(output.sig_output_done, wait=300):
        output.print_summary(view.patient.id)
    assert _audit(main_window, view.patient.id, AuditAction.PRINT) == []


def test_export_file_name_carries_no_patient_identifier(main_window: MainWindow, monkeypatch):
    suggested: list[str] = []

    def fake_dialog(_parent, _title, path, _filter):
        suggested.append(path)
        return "", ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName", fake_dialog)
    output = main_window.patient_view.discharge.summary_output
    assert output.ask_pdf_path() is None
    name = Path(suggested[0]).name
    assert re.fullmatch(r"discharge-summary-\d{4}-\d\d-\d\d\.pdf", name)
