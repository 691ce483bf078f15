"""The shift handover sheet on screen and on paper: the preview by keyboard, PDF and print
behind re-authentication, the audit trail, pages (blocks never split), German."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from app.domain import AuditAction, AuditEntry, Catalog
from app.errors import WrongPinError
from app.services import CareService, HandoverSheet
from app.session import open_demo_cache
from tests.conftest import FIXED_NOW, Clock
from tests.ui.print_dialog import PrintToFileDialog
from ui.application import install_translators
from ui.base import reauth
from ui.base.taskman import TaskManager
from ui.handover import HandoverDialog, open_handover
from ui.handover.document import PrintedBy, handover_document
from ui.handover.output import printer_dialog
from ui.handover.pages import (
    SheetPages,
    default_page_size,
    page_images,
    page_layout,
    pdf_printer,
    render,
)
from ui.qt import Qt, QtCore, QtGui, QtPrintSupport, QtWidgets

A4 = QtGui.QPageSize.PageSizeId.A4
LETTER = QtGui.QPageSize.PageSizeId.Letter
MEDIA_BOXES = {A4: "[0 0 595.000000 842.000000]", LETTER: "[0 0 612.000000 792.000000]"}


@dataclass
class Ward:
    """What the main window hands ``open_handover``: itself, its task manager, the service."""

    window: QtWidgets.QWidget
    tasks: TaskManager
    service: CareService


@pytest.fixture
def ward(
    qtbot, tasks: TaskManager, catalog: Catalog, tmp_path: Path, clock: Clock
) -> Iterator[Ward]:
    """The demo ward of ``askonce --demo`` (16 patients) under a window of its own."""
    session = tasks.run_db_blocking(
        lambda: open_demo_cache(catalog, data_dir=tmp_path / "cache", patients=16, clock=clock)
    )
    window = QtWidgets.QMainWindow()
    qtbot.add_widget(window)
    window.resize(1200, 900)
    window.show()
    yield Ward(window, tasks, session.service)
    window.close()
    tasks.run_db_blocking(session.close)


def _open(qtbot, window: Ward, patient_ids: list[str] | None = None) -> HandoverDialog:
    """The preview, opened the way the menu opens it, once the sheet is on screen."""
    dialog = open_handover(window.window, window.tasks, window.service, patient_ids, demo=True)
    qtbot.wait_until(lambda: dialog.sheet is not None, timeout=20_000)
    return dialog


def _audit(window: Ward, action: AuditAction) -> list[AuditEntry]:
    entries = window.tasks.run_db_blocking(window.service.repo.audit_entries)
    return [e for e in entries if e.action is action]


def _sheet(window: Ward, patient_ids: list[str] | None = None) -> HandoverSheet:
    return window.tasks.run_db_blocking(lambda: window.service.handover.sheet(patient_ids))


def _pdf_pages(path: Path) -> list[str]:
    """The MediaBox of every page of a PDF Qt wrote (no PDF text library in the venv)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    return re.findall(r"/MediaBox (\[[^\]]*\])", data.decode("latin-1"))


def _opened(qtbot, parent: QtWidgets.QWidget, kind: type[QtWidgets.QDialog]) -> QtWidgets.QDialog:
    """The dialog of ``kind`` just opened over ``parent``: on screen, window-modal, opened
    with ``open()`` (the call that opened it has returned)."""

    def shown() -> list[QtWidgets.QDialog]:
        return [d for d in parent.findChildren(kind) if d.isVisible()]

    qtbot.wait_until(lambda: len(shown()) == 1, timeout=10_000)
    dialog = shown()[0]
    assert dialog.windowModality() is Qt.WindowModality.WindowModal
    return dialog


def lock_closes_dialogs() -> None:
    """What the shell does on lock (``MainWindow.capture_draft``): every dialog on screen
    is rejected."""
    for widget in QtWidgets.QApplication.topLevelWidgets():
        if isinstance(widget, QtWidgets.QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture(autouse=True)
def no_dialog_left_open(qapp) -> Iterator[None]:
    """Dialogs here delete themselves once closed (so ``qtbot.add_widget`` cannot close
    them afterwards): close what a failing test left open."""
    yield
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, QtWidgets.QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture
def confirmed(monkeypatch) -> list[str]:
    """Re-authentication that succeeds at once; the reasons it was asked with."""
    reasons: list[str] = []

    def request(_parent, reason: str, then) -> None:
        reasons.append(reason)
        then()

    monkeypatch.setattr("ui.base.reauth.request_reauth", request)
    return reasons


@pytest.fixture
def german(qapp) -> Iterator[None]:
    """The app in German, as ``askonce --language de`` starts it; English again afterwards."""
    before = set(qapp.findChildren(QtCore.QTranslator))
    locale = QtCore.QLocale()
    install_translators(qapp, "de")
    yield
    for translator in set(qapp.findChildren(QtCore.QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QtCore.QLocale.setDefault(locale)


# --- the preview ---------------------------------------------------------------------------


def test_the_preview_shows_the_whole_ward(qtbot, ward: Ward) -> None:
    dialog = _open(qtbot, ward)
    assert dialog.isVisible()
    assert dialog.windowModality() is Qt.WindowModality.WindowModal
    assert dialog.windowTitle() == "Shift handover sheet"
    assert dialog.sheet is not None
    assert len(dialog.sheet.patients) == 16
    assert dialog.preview.pageCount() >= 2
    assert "Patients on the sheet: 16" in dialog.status.text()
    assert dialog.print_button.isEnabled()
    assert dialog.pdf_button.isEnabled()
    assert dialog.printable is not None
    text = dialog.printable.plain_text()
    assert "Confidential — patient data" in dialog.printable.footer
    assert dialog.sheet.wards[0] in dialog.printable.header_left
    for p in dialog.sheet.patients:
        assert p.patient.display_name in text
    # Reading the sheet for the screen is no output: nothing audited.
    assert _audit(ward, AuditAction.PRINT) == _audit(ward, AuditAction.EXPORT) == []


def test_the_preview_is_operable_by_keyboard(
    qtbot, ward: Ward, confirmed: list[str], tmp_path: Path
) -> None:
    dialog = _open(qtbot, ward)
    assert dialog.print_button.hasFocus()  # Enter prints; Tab goes on
    walked = []
    widget = QtWidgets.QApplication.focusWidget()
    for _n in range(12):
        walked.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QtWidgets.QApplication.focusWidget()
        if widget is walked[0]:
            break
    assert widget is walked[0], "Tab does not come round"
    reached = set(walked)
    view = dialog.preview.focusProxy()
    assert view is not None
    for wanted in (
        view,
        dialog.zoom_out_button,
        dialog.zoom_in_button,
        dialog.print_button,
        dialog.pdf_button,
        dialog.close_button,
    ):
        assert wanted in reached
    unnamed = [type(w).__name__ for w in walked if w is None or not w.accessibleName()]
    assert unnamed == []
    assert "Patients on the sheet: 16" in view.accessibleDescription()

    # The pages scroll by keyboard.
    assert isinstance(view, QtWidgets.QGraphicsView)
    view.setFocus()
    bar = view.verticalScrollBar()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() > 0

    # Save as PDF… with the keyboard: Alt+D, then the file dialog.
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    files = _opened(qtbot, dialog, QtWidgets.QFileDialog)
    assert isinstance(files, QtWidgets.QFileDialog)
    assert confirmed == ["Save the handover sheet as PDF"]
    name = files.findChild(QtWidgets.QLineEdit, "fileNameEdit")
    assert name is not None
    assert re.fullmatch(r"handover-[-\d]+\.pdf", name.text())  # in a folder that exists
    name.setText(str(tmp_path / "night-shift"))  # (typed; ".pdf" is added)
    with qtbot.wait_signal(dialog.output.sig_output_done, timeout=20_000):
        qtbot.keyClick(name, Qt.Key.Key_Return)
    assert (tmp_path / "night-shift.pdf").read_bytes().startswith(b"%PDF")
    assert "Saved as PDF" in dialog.status.text()

    # Escape closes the preview.
    with qtbot.wait_signal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_suggested_file_name_holds_no_patient_data(qtbot, ward: Ward) -> None:
    dialog = _open(qtbot, ward)
    files = dialog.output.pdf_dialog()
    qtbot.add_widget(files)
    name = Path(files.selectedFiles()[0]).name
    assert re.fullmatch(r"handover-\d{4}-\d\d-\d\d-\d{4}\.pdf", name)
    with qtbot.wait_signal(files.finished):
        files.reject()


# --- PDF and print behind re-authentication, audited ---------------------------------------


def test_pdf_after_reauth_is_written_and_audited_without_patient_data(
    qtbot, ward: Ward, confirmed: list[str], tmp_path: Path, monkeypatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))  # where Qt would put temporary files
    (tmp_path / "out").mkdir()
    dialog = _open(qtbot, ward)
    path = tmp_path / "out" / "Hoffmann-handover.pdf"  # a name a user might type
    with qtbot.wait_signal(dialog.output.sig_output_done, timeout=20_000) as done:
        dialog.output.export_pdf(path)
    assert done.args[0] == "export"
    pages = done.args[1]
    assert confirmed == ["Save the handover sheet as PDF"]
    boxes = _pdf_pages(path)
    assert len(boxes) == pages >= 2
    assert set(boxes) == {MEDIA_BOXES[default_page_size()]}
    assert path.stat().st_size > 10_000

    sheet = _sheet(ward)
    entries = _audit(ward, AuditAction.EXPORT)
    assert {e.patient_id for e in entries} == {p.patient.id for p in sheet.patients}
    assert len(entries) == 16
    assert {e.detail for e in entries} == {f"handover sheet: 16 patients, pdf, {pages} page(s)"}
    for p in sheet.patients:  # nothing of any patient, nor the file's name
        for word in (p.patient.family_name, p.patient.mrn, p.patient.bed, "Hoffmann-handover"):
            assert word not in entries[0].detail
    # Nothing with patient data left anywhere but the chosen file.
    assert list((tmp_path / "out").iterdir()) == [path]
    assert list(temp.iterdir()) == []


def test_cancelled_reauth_writes_nothing(qtbot, ward: Ward, tmp_path: Path) -> None:
    """The real PIN dialog, cancelled: no file dialog, no PDF, no audit entry."""
    checked: list[str] = []

    def check(pin: str) -> None:
        checked.append(pin)

    reauth.install(check, ward.tasks)
    try:
        dialog = _open(qtbot, ward)
        dialog.pdf_button.click()
        pin = _opened(qtbot, dialog, reauth.ReauthDialog)
        intro = pin.findChild(QtWidgets.QLabel)
        assert intro is not None
        assert "Save the handover sheet as PDF" in intro.text()
        with qtbot.wait_signal(pin.finished):
            qtbot.keyClick(pin, Qt.Key.Key_Escape)
        dialog.print_button.click()
        pin = _opened(qtbot, dialog, reauth.ReauthDialog)
        with qtbot.wait_signal(pin.finished):
            pin.reject()
        with qtbot.assert_not_emitted(dialog.output.sig_output_done, wait=300):
            pass
        assert dialog.findChild(QtWidgets.QFileDialog) is None
        assert dialog.findChild(QtPrintSupport.QPrintDialog) is None
    finally:
        reauth.install(None)
    assert checked == []
    assert list(tmp_path.glob("*.pdf")) == []
    assert _audit(ward, AuditAction.EXPORT) == _audit(ward, AuditAction.PRINT) == []


def test_a_wrong_pin_writes_nothing_and_the_right_one_goes_on(qtbot, ward: Ward) -> None:
    def check(pin: str) -> None:
        if pin != "2468":
            raise WrongPinError("Wrong PIN.")

    reauth.install(check, ward.tasks)
    try:
        dialog = _open(qtbot, ward)
        dialog.pdf_button.click()
        pin = _opened(qtbot, dialog, reauth.ReauthDialog)
        assert isinstance(pin, reauth.ReauthDialog)
        qtbot.keyClicks(pin.pin, "1111")
        qtbot.keyClick(pin.pin, Qt.Key.Key_Return)
        qtbot.wait_until(lambda: "Wrong PIN" in pin.message.text(), timeout=10_000)
        assert dialog.findChild(QtWidgets.QFileDialog) is None
        qtbot.keyClicks(pin.pin, "2468")
        with qtbot.wait_signal(pin.accepted, timeout=10_000):
            qtbot.keyClick(pin.pin, Qt.Key.Key_Return)
        files = _opened(qtbot, dialog, QtWidgets.QFileDialog)
        with qtbot.wait_signal(files.finished):
            files.reject()
    finally:
        reauth.install(None)
    assert _audit(ward, AuditAction.EXPORT) == []


def test_print_after_reauth_for_selected_patients_is_audited(
    qtbot, ward: Ward, confirmed: list[str], tmp_path: Path, monkeypatch
) -> None:
    everyone = _sheet(ward).patients
    picked = [everyone[5].patient.id, everyone[1].patient.id]
    dialog = _open(qtbot, ward, picked)
    assert dialog.sheet is not None
    assert [p.patient.id for p in dialog.sheet.patients] == picked[::-1]  # bed order
    assert dialog.output.printer_dialog is printer_dialog  # Qt's own, unless replaced
    monkeypatch.setattr(PrintToFileDialog, "target", tmp_path / "printer.pdf", raising=False)
    dialog.output.printer_dialog = PrintToFileDialog
    dialog.print_button.click()
    stand_in = _opened(qtbot, dialog, PrintToFileDialog)
    with qtbot.wait_signal(dialog.output.sig_output_done, timeout=20_000) as done:
        stand_in.accept()
    assert done.args == ["print", 1]
    assert confirmed == ["Print the handover sheet"]
    assert len(_pdf_pages(tmp_path / "printer.pdf")) == 1
    entries = _audit(ward, AuditAction.PRINT)
    assert sorted(e.patient_id or "" for e in entries) == sorted(picked)
    assert {e.detail for e in entries} == {"handover sheet: 2 patients, printer, 1 page(s)"}
    assert "Sent to the printer" in dialog.status.text()


def test_the_print_dialog_is_qts_own(qtbot, ward: Ward) -> None:
    dialog = _open(qtbot, ward)
    printer = QtPrintSupport.QPrinter()
    box = printer_dialog(printer, dialog)
    qtbot.add_widget(box)
    assert isinstance(box, QtPrintSupport.QPrintDialog)
    assert box.windowTitle() == "Print handover sheet"
    with qtbot.wait_signal(box.finished):
        box.reject()


def test_a_lock_closes_the_sheet_and_prints_nothing(
    qtbot, ward: Ward, confirmed: list[str], tmp_path: Path, monkeypatch
) -> None:
    dialog = _open(qtbot, ward)
    monkeypatch.setattr(PrintToFileDialog, "target", tmp_path / "never.pdf", raising=False)
    dialog.output.printer_dialog = PrintToFileDialog
    dialog.print_button.click()
    stand_in = _opened(qtbot, dialog, PrintToFileDialog)
    closed: list[int] = []
    stand_in.finished.connect(closed.append)
    dialog.finished.connect(closed.append)
    lock_closes_dialogs()
    rejected = QtWidgets.QDialog.DialogCode.Rejected.value
    assert closed == [rejected, rejected]
    QtCore.QCoreApplication.processEvents()
    assert not (tmp_path / "never.pdf").exists()
    assert _audit(ward, AuditAction.PRINT) == []


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")  # the folder is missing
def test_a_failed_save_says_so_and_audits_nothing(
    qtbot, ward: Ward, confirmed: list[str], tmp_path: Path
) -> None:
    dialog = _open(qtbot, ward)
    with qtbot.wait_signal(dialog.output.sig_output_failed, timeout=20_000):
        dialog.output.export_pdf(tmp_path / "no-such-folder" / "sheet.pdf")
    assert "could not be written" in dialog.status.text()
    assert _audit(ward, AuditAction.EXPORT) == []


# --- pages ----------------------------------------------------------------------------------


def _printable(window: Ward, sheet: HandoverSheet | None = None):
    sheet = sheet or _sheet(window)
    return handover_document(sheet, PrintedBy(actor=window.service.actor, demo=True))


@pytest.mark.parametrize("size", [A4, LETTER])
def test_a_patient_is_never_split_across_pages(
    qtbot, ward: Ward, tmp_path: Path, size: QtGui.QPageSize.PageSizeId
) -> None:
    printable = _printable(ward)
    path = tmp_path / "sheet.pdf"
    printer = pdf_printer(str(path), size, "test")
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    pages = SheetPages(printable, printer, area.width(), area.height() * 0.9)
    try:
        assert pages.pages >= 2
        assert all(p.part is None for p in pages.placed)  # every block whole
        assert len(pages.placed) == 17  # the title and 16 patients
        for placed in pages.placed:
            assert placed.top + placed.doc.size().height() <= pages.height + 0.5
            assert placed.doc.size().width() <= pages.width + 0.5  # nothing runs off
        on_pages = [p.page for p in pages.placed]
        assert on_pages == sorted(on_pages)
        assert on_pages[-1] == pages.pages - 1
    finally:
        pages.release()
    assert render(printable, printer) >= 2
    assert set(_pdf_pages(path)) == {MEDIA_BOXES[size]}


def test_a_patient_taller_than_a_page_goes_on_over_pages(qtbot, ward: Ward) -> None:
    sheet = _sheet(ward)
    long_story = " ".join(["Getting home to the allotment before the frost comes."] * 400)
    first = replace(sheet.patients[0], what_matters=long_story)
    printable = _printable(ward, replace(sheet, patients=(first, *sheet.patients[1:])))
    images = page_images(printable, A4, dpi=60)
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(A4))
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    pages = SheetPages(printable, printer, area.width(), area.height() * 0.9)
    try:
        parts = [p.part for p in pages.placed if p.doc is pages.docs[1]]
        assert len(parts) >= 2
        assert parts == list(range(len(parts)))
        assert len(images) > len(parts)  # (the rest of the ward follows)
    finally:
        pages.release()


def test_paper_follows_the_locale() -> None:
    us = QtCore.QLocale(QtCore.QLocale.Language.English, QtCore.QLocale.Country.UnitedStates)
    de = QtCore.QLocale(QtCore.QLocale.Language.German, QtCore.QLocale.Country.Germany)
    assert default_page_size(us) is LETTER
    assert default_page_size(de) is A4


def test_no_patients_nothing_to_print(qtbot, ward: Ward) -> None:
    dialog = _open(qtbot, ward, [])
    assert dialog.status.text() == "There are no patients to hand over."
    assert not dialog.print_button.isEnabled()
    assert not dialog.pdf_button.isEnabled()


def _ink(image: QtGui.QImage) -> int:
    """How many of a coarse grid of pixels are not white."""
    return sum(
        image.pixelColor(x, y) != QtGui.QColor("white")
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    )


def test_the_german_sheet_lays_out(qtbot, ward: Ward, german: None, tmp_path: Path) -> None:
    service = ward.service
    service.language = "de"
    try:
        sheet = _sheet(ward)
    finally:
        service.language = "en"
    printable = _printable(ward, sheet)
    text = printable.plain_text()
    # The catalog's words and the app's words for discharge in German, dates in German.
    assert "Brille und Lesen" in text
    assert all(n.label != "Glasses and reading" for p in sheet.patients for n in p.needs)
    assert "Zuhause" in text
    assert re.search(r"\b(Nov\.|Dez\.)", text)
    assert printable.header_right.endswith(f"{FIXED_NOW.astimezone():%H:%M}")
    # Laid out on A4 (Germany), every patient whole, and each page has something on it.
    assert default_page_size(QtCore.QLocale()) is A4
    images = page_images(printable, A4, dpi=72)
    assert len(images) >= 2
    assert all(_ink(image) > 100 for image in images)
    path = tmp_path / "übergabe.pdf"
    pages = render(printable, pdf_printer(str(path), A4, printable.document_name))
    assert len(_pdf_pages(path)) == pages == len(images)
