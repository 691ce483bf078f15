"""The discharge summary: what it says (and does not), PDF on A4 and Letter, re-auth and audit."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from importlib import resources
from pathlib import Path

import pytest

from app.discharge import Appointment, TaskStatus
from app.domain import (
    AuditAction,
    ContactKind,
    ContactPoint,
    MedicationStatus,
    ReconciliationDecision,
)
from app.services import DischargeSummary
from tests.conftest import FIXED_NOW
from tests.ui.discharge.helpers import find_view, open_on_discharge_tab, opened_dialog
from tests.ui.print_dialog import PrintToFileDialog
from ui.base.style import local_datetime
from ui.base.words import owner_role_text
from ui.discharge.summary.output import (
    PrintableSummary,
    PrintedBy,
    default_page_size,
    export_summary_pdf,
    lay_out_pages,
    pdf_printer,
    printer_dialog,
    summary_document,
)
from ui.mainwindow.window import MainWindow
from ui.qt import QtCore, QtGui, QtPrintSupport, QtWidgets

PAGE_SIZES = {  # points, as PDF MediaBoxes give them
    QtGui.QPageSize.PageSizeId.A4: (595, 842),
    QtGui.QPageSize.PageSizeId.Letter: (612, 792),
}


def _prepared_summary(window: MainWindow) -> DischargeSummary:
    """A patient with a plan, an agency, medications and preferences they told us, made ready
    the way a coordinator would."""
    service = window.service
    view = find_view(
        window,
        lambda v: (
            v.plan is not None
            and any(c.kind is ContactKind.AGENCY for c in v.contacts)
            and any(c.kind is ContactKind.PERSON for c in v.contacts)
            and len(v.medications) >= 2
            # (find_view asks on the DB worker)
            and bool(service.discharge.summary(v.patient.id).preferences)
        ),
    )
    pid = view.patient.id

    def prepare() -> DischargeSummary:
        decisions = [ReconciliationDecision.CONTINUE, ReconciliationDecision.STOP]
        for n, med in enumerate(view.medications):
            if med.status is not MedicationStatus.STOPPED:
                service.discharge.reconcile_medication(med.id, decisions[n % 2], f"reason {n}")
        helper = next(c for c in view.contacts if c.kind is ContactKind.PERSON)
        service.discharge.set_home_helper(pid, helper.id)
        plan = service.discharge.plan_of(pid)
        assert plan is not None
        visit = Appointment(
            when=FIXED_NOW + timedelta(days=9),
            with_whom="GP Dr Weber",
            where="Practice on Lindenstraße",
        )
        service.discharge.save_plan(plan.model_copy(update={"appointments": (visit,)}))
        return service.discharge.summary(pid)

    return window.tasks.run_db_blocking(prepare)


def _printed(window: MainWindow) -> PrintedBy:
    return PrintedBy(actor=window.service.actor, at=FIXED_NOW, demo=True)


def _document(
    window: MainWindow, summary: DischargeSummary, language: str = "en"
) -> PrintableSummary:
    """The summary as printing makes it (standard checklist items named in ``language``)."""
    return summary_document(summary, _printed(window), language, checklist=window.service.checklist)


@contextmanager
def _german(window: MainWindow) -> Iterator[None]:
    """The shipped German texts and German dates, for a while."""
    app = QtWidgets.QApplication.instance()
    assert isinstance(app, QtWidgets.QApplication)
    translator = QtCore.QTranslator(window)
    assert translator.load("askonce_de", str(resources.files("resources") / "i18n"))
    locale = QtCore.QLocale()
    app.installTranslator(translator)
    QtCore.QLocale.setDefault(QtCore.QLocale(QtCore.QLocale.Language.German))
    try:
        yield
    finally:
        app.removeTranslator(translator)
        QtCore.QLocale.setDefault(locale)


def _tables(doc: QtGui.QTextDocument) -> list[QtGui.QTextTable]:
    """The document's tables, top down."""
    frames = [f for f in doc.rootFrame().childFrames() if isinstance(f, QtGui.QTextTable)]
    return sorted(frames, key=lambda t: t.firstPosition())


def _blocks(doc: QtGui.QTextDocument, first: int, last: int) -> list[QtGui.QTextBlock]:
    blocks = []
    block = doc.findBlock(first)
    while block.isValid() and block.position() <= last:
        blocks.append(block)
        block = block.next()
    return blocks


def _cells(doc: QtGui.QTextDocument, table: QtGui.QTextTable) -> list[list[str]]:
    """Each row's cell texts (lines joined by newlines, no-break spaces as spaces)."""
    return [
        [
            "\n".join(
                b.text().replace("\u2028", "\n").replace("\xa0", " ")
                for b in _blocks(doc, cell.firstPosition(), cell.lastPosition())
            )
            for cell in (table.cellAt(row, column) for column in range(table.columns()))
        ]
        for row in range(table.rows())
    ]


def _table_headed(doc: QtGui.QTextDocument, first_header: str) -> list[list[str]]:
    found = [cells for t in _tables(doc) if (cells := _cells(doc, t))[0][0] == first_header]
    assert len(found) == 1
    return found[0]


def _row_extent(doc: QtGui.QTextDocument, table: QtGui.QTextTable, row: int) -> tuple[float, float]:
    """Top and bottom of the text of a table row, in the laid-out document."""
    layout = doc.documentLayout()
    rects = [
        layout.blockBoundingRect(b)
        for column in range(table.columns())
        for b in _blocks(
            doc, table.cellAt(row, column).firstPosition(), table.cellAt(row, column).lastPosition()
        )
    ]
    return min(r.top() for r in rects), max(r.bottom() for r in rects)


def test_summary_says_what_the_coordinator_decided(qtbot, main_window: MainWindow) -> None:
    summary = _prepared_summary(main_window)
    text = _document(main_window, summary).plain_text()
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
    text = _document(main_window, summary).plain_text()
    service = main_window.service
    own_meds = {m.name for m in summary.medications}
    own_contacts = {c.name for c in (*summary.contacts, *summary.agencies)}
    own_notes = {t.note for t in summary.tasks if t.note}

    def others() -> list[tuple[str, str, set[str], set[str], set[str]]]:
        result = []
        for row in service.charts.ward():
            p = row.patient
            if p.id == summary.patient.id:
                continue
            meds = {m.name for m in service.repo.medications(p.id)}
            contacts = {c.name for c in service.repo.contacts(p.id)}
            notes = {t.note for t in service.discharge.view(p.id).tasks if t.note}
            result.append((p.display_name, p.mrn, meds, contacts, notes))
        return result

    for name, mrn, meds, contacts, notes in main_window.tasks.run_db_blocking(others):
        assert name not in text
        assert mrn not in text
        for med in meds - own_meds:
            assert med not in text
        for contact in contacts - own_contacts:
            assert contact not in text
        for note in notes - own_notes:
            assert note not in text


def test_draft_until_ready(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and v.unreconciled > 0)
    summary = main_window.tasks.run_db_blocking(
        lambda: main_window.service.discharge.summary(view.patient.id)
    )
    text = _document(main_window, summary).plain_text()
    assert "DRAFT — not ready for discharge" in text
    assert "NOT YET RECONCILED" in text


@pytest.mark.parametrize("size", list(PAGE_SIZES))
def test_pdf_export_lays_out_on_a4_and_letter(
    qtbot, main_window: MainWindow, tmp_path: Path, size: QtGui.QPageSize.PageSizeId
) -> None:
    summary = _prepared_summary(main_window)
    path = tmp_path / "discharge-summary.pdf"
    pages = export_summary_pdf(_document(main_window, summary), path, size)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pages >= 1
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == pages
    width, height = PAGE_SIZES[size]
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes
    assert {(round(float(w)), round(float(h))) for w, h in boxes} == {(width, height)}


def test_summary_lists_every_checklist_item(qtbot, main_window: MainWindow) -> None:
    view = find_view(main_window, lambda v: v.plan is not None and len(v.tasks) >= 3)
    service = main_window.service
    done, late = view.tasks[0], view.tasks[1]

    def prepare() -> DischargeSummary:
        service.discharge.save_task(done.model_copy(update={"status": TaskStatus.DONE}))
        overdue = {"status": TaskStatus.TODO, "due": FIXED_NOW.date() - timedelta(days=2)}
        service.discharge.save_task(late.model_copy(update=overdue))
        return service.discharge.summary(view.patient.id)

    summary = main_window.tasks.run_db_blocking(prepare)
    tasks = summary.tasks
    assert view.plan is not None
    assert {t.plan_id for t in tasks} == {view.plan.id}
    printable = _document(main_window, summary)
    text = printable.plain_text()
    assert "All checklist items" in text

    rows = _table_headed(printable.document, "Status")
    assert rows[0] == ["Status", "Checklist item", "Owner", "Due", "Done by, when"]
    assert len(rows) == len(tasks) + 1  # every item of this plan, nothing else
    by_title = {row[1].split("\n")[0]: row for row in rows[1:]}
    for task in tasks:
        standard = service.checklist.item(task.code) is not None
        title = service.checklist.title_for(task.code, "en") if standard else task.title
        status, _title, owner, due, done_by = by_title[title]
        assert owner_role_text(task.owner_role) in owner
        if task.owner is not None:
            assert task.owner.display_name in owner
        if task.id == done.id:
            assert status == "✓ done"
            assert done_by == f"{service.actor.display_name}, {local_datetime(FIXED_NOW)}"
        elif task.status is not TaskStatus.DONE:
            assert done_by == ""
        if task.id == late.id:
            assert status == "○ to do"
            assert due.startswith("⚠ ")
            assert due.endswith("— overdue")


def test_decisions_stay_whole_words_in_german(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    summary = _prepared_summary(main_window)
    with _german(main_window):
        printable = _document(main_window, summary, "de")
    assert "→ FORTFÜHREN" in printable.plain_text()
    printer = pdf_printer(tmp_path / "de.pdf", QtGui.QPageSize.PageSizeId.A4)
    laid = lay_out_pages(printable.document, printer)
    try:
        # Every column is as wide as its longest word, so no table needs a word broken.
        assert laid.defaultTextOption().wrapMode() is QtGui.QTextOption.WrapMode.WordWrap
        decisions = 0
        for table in _tables(laid):
            for block in _blocks(laid, table.firstPosition(), table.lastPosition()):
                text, lines = block.text(), block.layout()
                if "FORTFÜHREN" in text or "ABSETZEN" in text:
                    decisions += 1
                    assert block.blockFormat().nonBreakableLines()  # one line, however narrow
                    assert lines.lineCount() == 1
                for n in range(1, lines.lineCount()):
                    start = lines.lineAt(n).textStart()
                    assert not (text[start - 1].isalnum() and text[start].isalnum()), text
        assert decisions == len(summary.medications)
    finally:
        del laid  # before the printer it was laid out for


def test_a_table_row_is_never_split_across_pages(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    visits = tuple(
        Appointment(
            when=FIXED_NOW + timedelta(days=n + 1),
            with_whom=f"Clinic {n:02d}",
            where="Outpatient building, level 2",
            note="Bring the medication list and a relative. " * (1 + n % 4),
        )
        for n in range(40)
    )
    summary = dataclasses.replace(_prepared_summary(main_window), appointments=visits)
    printable = _document(main_window, summary)
    printer = pdf_printer(tmp_path / "rows.pdf", QtGui.QPageSize.PageSizeId.A4)
    laid = lay_out_pages(printable.document, printer)
    try:
        page = laid.pageSize().height()
        parts = []
        for table in _tables(laid):
            cells = _cells(laid, table)
            if cells[0][0] == "When":
                parts.append(cells)
            for row in range(table.rows()):
                top, bottom = _row_extent(laid, table, row)
                assert int((top + 0.5) // page) == int((bottom - 1) // page), cells[row]
        # The appointments go on over pages, each part under the table's header.
        assert len(parts) >= 2
        assert all(part[0] == ["When", "With", "Where", "Note"] for part in parts)
        assert [row[1] for part in parts for row in part[1:]] == [v.with_whom for v in visits]
        # Every text is laid out (so drawn), and no page is left blank.
        pages = laid.pageCount()
        used: set[int] = set()
        for block in _blocks(laid, 0, laid.characterCount()):
            rect = laid.documentLayout().blockBoundingRect(block)
            if block.text():
                assert block.layout().lineCount() > 0, block.text()
                used.add(int((rect.top() + 0.5) // page))
        assert used == set(range(pages))
    finally:
        del laid
    a4 = QtGui.QPageSize.PageSizeId.A4
    assert export_summary_pdf(printable, tmp_path / "rows.pdf", a4) == pages


def test_a_table_too_wide_for_whole_words_still_fits_the_page(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:
    summary = _prepared_summary(main_window)
    address = (
        "a.very.long.address.of.the.home.care.team@" + "outpatient-care-services" * 3 + ".example"
    )
    person = summary.contacts[0]
    wide = person.model_copy(
        update={"telecom": (ContactPoint(system="email", value=address, rank=1),)}
    )
    printable = _document(main_window, dataclasses.replace(summary, contacts=(wide,)))
    assert address in printable.plain_text()
    printer = pdf_printer(tmp_path / "wide.pdf", QtGui.QPageSize.PageSizeId.A4)
    laid = lay_out_pages(printable.document, printer)
    try:
        # Rather than cut the table off at the edge of the page, words may break now ...
        assert laid.documentLayout().documentSize().width() <= laid.pageSize().width() + 1
        wrap = laid.defaultTextOption().wrapMode()
        assert wrap is QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        # ... but not inside a decision.
        decisions = [
            block
            for table in _tables(laid)
            for block in _blocks(laid, table.firstPosition(), table.lastPosition())
            if "→ CONTINUE" in block.text().replace("\xa0", " ")
        ]
        assert decisions
        assert all(block.layout().lineCount() == 1 for block in decisions)
    finally:
        del laid


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

    def confirmed(_parent, reason: str, then) -> None:
        reasons.append(reason)
        then()

    monkeypatch.setattr("ui.base.reauth.request_reauth", confirmed)
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
    monkeypatch.setattr("ui.base.reauth.request_reauth", lambda _parent, _reason, _then: None)
    view = find_view(main_window, lambda v: v.plan is not None)
    output = main_window.patient_view.discharge.summary_output
    path = tmp_path / "never.pdf"
    with qtbot.assert_not_emitted(output.sig_output_done, wait=300):
        output.export_pdf(view.patient.id, path)
        output.print_summary(view.patient.id)
    assert not path.exists()
    assert _audit(main_window, view.patient.id, AuditAction.EXPORT) == []
    assert _audit(main_window, view.patient.id, AuditAction.PRINT) == []


def _printer_dialog_opened(qtbot, window: MainWindow) -> PrintToFileDialog:
    """The stand-in print dialog, once the summary has been read (on the DB worker)."""
    tab = window.patient_view.discharge
    qtbot.wait_until(lambda: tab.findChild(PrintToFileDialog) is not None, timeout=10_000)
    return opened_dialog(qtbot, tab, PrintToFileDialog)


def test_print_asks_for_a_printer_then_audits(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("ui.base.reauth.request_reauth", lambda _parent, _reason, then: then())
    view = find_view(main_window, lambda v: v.plan is not None)
    output = main_window.patient_view.discharge.summary_output
    assert output.printer_dialog is printer_dialog  # Qt's print dialog, unless replaced
    monkeypatch.setattr(PrintToFileDialog, "target", tmp_path / "printer.pdf", raising=False)
    output.printer_dialog = PrintToFileDialog
    output.print_summary(view.patient.id)
    dialog = _printer_dialog_opened(qtbot, main_window)
    with (
        qtbot.wait_signal(output.sig_output_done, timeout=20_000) as done,
        qtbot.wait_signal(dialog.finished),
    ):
        dialog.accept()
    assert done.args[0] == "print"
    assert (tmp_path / "printer.pdf").read_bytes().startswith(b"%PDF")
    entries = _audit(main_window, view.patient.id, AuditAction.PRINT)
    assert len(entries) == 1
    assert "printer" in entries[0].detail


def test_the_print_dialog_is_qts_own(qtbot, main_window: MainWindow) -> None:
    output = main_window.patient_view.discharge.summary_output
    printer = QtPrintSupport.QPrinter()
    dialog = printer_dialog(printer, main_window.patient_view.discharge)
    qtbot.add_widget(dialog)
    assert isinstance(dialog, QtPrintSupport.QPrintDialog)
    assert dialog.windowTitle() == "Print discharge summary"
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()
    assert output.printer_dialog is printer_dialog


@pytest.mark.parametrize("closed_by", ["cancel", "lock"])
def test_a_print_dialog_closed_without_printing_prints_nothing(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch, closed_by: str
) -> None:
    """Cancelled, or closed by a lock (the dialog has no event loop of its own: the lock
    closes it, and nothing follows)."""
    monkeypatch.setattr("ui.base.reauth.request_reauth", lambda _parent, _reason, then: then())
    view = find_view(main_window, lambda v: v.plan is not None)
    output = main_window.patient_view.discharge.summary_output
    monkeypatch.setattr(PrintToFileDialog, "target", tmp_path / "never.pdf", raising=False)
    output.printer_dialog = PrintToFileDialog
    output.print_summary(view.patient.id)
    dialog = _printer_dialog_opened(qtbot, main_window)
    with (
        qtbot.assert_not_emitted(output.sig_output_done, wait=300),
        qtbot.wait_signal(dialog.finished),
    ):
        if closed_by == "cancel":
            dialog.reject()
        else:
            main_window.capture_draft()  # what the shell does on lock
    assert not (tmp_path / "never.pdf").exists()
    assert _audit(main_window, view.patient.id, AuditAction.PRINT) == []


def test_export_asks_where_and_writes_a_pdf_there(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("ui.base.reauth.request_reauth", lambda _parent, _reason, then: then())
    view = find_view(main_window, lambda v: v.plan is not None)
    open_on_discharge_tab(qtbot, main_window, view.patient.id)
    tab = main_window.patient_view.discharge
    tab.plan_header.export_button.click()
    dialog = opened_dialog(qtbot, tab, QtWidgets.QFileDialog)
    dialog.selectFile(str(tmp_path / "for-the-gp"))  # no suffix: ".pdf" is added
    with (
        qtbot.wait_signal(tab.summary_output.sig_output_done, timeout=20_000) as done,
        qtbot.wait_signal(dialog.finished),
    ):
        dialog.accept()
    assert done.args[0] == "export"
    assert (tmp_path / "for-the-gp.pdf").read_bytes().startswith(b"%PDF")
    assert len(_audit(main_window, view.patient.id, AuditAction.EXPORT)) == 1


def test_export_file_name_carries_no_patient_identifier(qtbot, main_window: MainWindow) -> None:
    output = main_window.patient_view.discharge.summary_output
    dialog = output.pdf_dialog()
    qtbot.add_widget(dialog)
    name = Path(dialog.selectedFiles()[0]).name
    assert re.fullmatch(r"discharge-summary-\d{4}-\d\d-\d\d\.pdf", name)
    with qtbot.wait_signal(dialog.finished):
        dialog.reject()


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # the folder is missing
def test_a_failed_export_says_so(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("ui.base.reauth.request_reauth", lambda _parent, _reason, then: then())
    view = find_view(main_window, lambda v: v.plan is not None)
    tab = main_window.patient_view.discharge
    nowhere = tmp_path / "no-such-folder" / "summary.pdf"
    with qtbot.wait_signal(tab.summary_output.sig_output_failed, timeout=20_000):
        tab.summary_output.export_pdf(view.patient.id, nowhere)
    box = opened_dialog(qtbot, tab, QtWidgets.QMessageBox)
    assert box.windowTitle() == "Discharge summary"
    assert "could not be written" in box.text()
    with qtbot.wait_signal(box.finished):
        box.accept()
    assert _audit(main_window, view.patient.id, AuditAction.EXPORT) == []
