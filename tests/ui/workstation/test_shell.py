"""The shared ward workstation, offline (DESIGN.md §6): sign in with the PIN, lock, keep the
draft, throttle wrong PINs, let another nurse take over.

Real parts: SQLCipher caches under the test's own home, the real Secret Service
(gnome-keyring on a private bus, ``keystore_clean``), the real TaskManager and windows.
The identity provider and the FHIR server are configured but unreachable (a closed port):
every path here must work without them.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from app import demo
from app.domain import Actor, AnswerType, AuditAction, AuditEntry, Catalog, Source
from app.errors import CacheKeyError
from app.keys import KdfParams
from app.keystore import OsKeystore
from app.paths import AppPaths, default_paths
from app.session import CacheSession, create_user_cache, unlock_user_cache, user_folder
from app.settings import Settings
from sync.oidc import OidcClient, OidcConfig
from tests.conftest import Clock
from tests.keystore_service import SecretServiceHandle
from ui.base import drafts, reauth
from ui.base.taskman import NetOp, TaskManager
from ui.chart.contact_dialog import ContactDialog
from ui.chart.medication_dialog import MedicationDialog
from ui.mainwindow.ward_model import WardColumn
from ui.mainwindow.window import MainWindow
from ui.qt import Qt, QtCore, QtWidgets
from ui.workstation.shell import Shell

pytestmark = pytest.mark.keystore

ANNA = Actor(user_id="Practitioner/nurse-qx-one", display_name="Nurse Qxone")
BEN = Actor(user_id="Practitioner/nurse-qx-two", display_name="Nurse Qxtwo")
PINS = {ANNA.user_id: "604218-qx", BEN.user_id: "375129-qx"}
WRONG_PIN = "000999-qx"
PATIENTS = 4
IDLE_S = 60
WAIT_MS = 30_000
STALE_SYNC_ERROR = "The local cache reported an error (ProgrammingError)."


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens here once the socket is closed


@dataclass(frozen=True)
class ShownError:
    in_window_in_use: bool
    message: str


@dataclass
class Workstation:
    shell: Shell
    tasks: TaskManager
    paths: AppPaths
    clock: Clock
    catalog: Catalog
    patient_names: list[str]
    browser_opened: list[str]
    errors_shown: list[ShownError]


def _create_cache(paths: AppPaths, actor: Actor, catalog: Catalog, clock: Clock) -> list[str]:
    """The user's cache with the same small demo ward; returns what identifies the patients."""
    session = create_user_cache(
        paths,
        actor,
        PINS[actor.user_id],
        OsKeystore(),
        catalog,
        workstation="test-ws",
        kdf=KdfParams.for_tests(),
        clock=clock,
    )
    try:
        demo.load_into(session.db, catalog, demo.generate_ward(catalog, clock(), patients=PATIENTS))
        rows = session.service.charts.ward()
        assert len(rows) == PATIENTS
        return [
            text
            for r in rows
            for text in (r.patient.family_name, r.patient.given_name, r.patient.mrn)
        ]
    finally:
        session.close()


@pytest.fixture
def workstation(
    qtbot,
    keystore_clean: SecretServiceHandle,
    tasks: TaskManager,
    catalog: Catalog,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Workstation]:
    # An error box is modal (it would hang the test): record what would have been shown,
    # and whether it went to the window the user is working in.
    shown: list[ShownError] = []
    current: list[Shell] = []

    def record_error(window: MainWindow, exc: object) -> None:
        shown.append(ShownError(bool(current) and window is current[0].main, str(exc)))

    monkeypatch.setattr(MainWindow, "show_error", record_error)
    paths = default_paths()  # under the test's own ASKONCE_HOME (tests/conftest.py)
    names = _create_cache(paths, ANNA, catalog, clock)
    clock.now += timedelta(minutes=1)
    _create_cache(paths, BEN, catalog, clock)
    dead = _closed_port()
    settings = Settings(
        fhir_server_url=f"http://127.0.0.1:{dead}/fhir",
        oidc_issuer=f"http://127.0.0.1:{dead}/realms/x",
        idle_lock_seconds=IDLE_S,
    )
    oidc = OidcClient(
        OidcConfig(issuer=f"http://127.0.0.1:{dead}/realms/x", client_id="askonce"), clock=clock
    )
    opened: list[str] = []
    shell = Shell(
        tasks,
        settings,
        catalog,
        paths,
        language="en",
        keystore=OsKeystore,
        oidc=oidc,
        workstation="test-ws",
        open_browser=opened.append,
        clock=clock,
        kdf=KdfParams.for_tests(),
    )
    current.append(shell)
    qtbot.add_widget(shell.window)
    shell.start()
    yield Workstation(shell, tasks, paths, clock, catalog, names, opened, shown)
    in_use = [e.message for e in shown if e.in_window_in_use]
    shell.shutdown()
    _drain(qtbot, tasks)
    reauth.install(None)
    drafts.KEEPER.pending = None
    oidc.close()
    assert in_use == [], "an error box popped up in the window in use"


# --- helpers ----------------------------------------------------------------------------------


def _drain(qtbot, tasks: TaskManager) -> None:
    """Let network work still under way (a sync being stopped) finish and report back."""
    done: list[bool] = []
    NetOp(tasks, lambda: None).success(lambda _none: done.append(True)).run()  # after the rest
    qtbot.wait_until(lambda: bool(done) and not tasks.busy, timeout=WAIT_MS)


def _choose(qtbot, ws: Workstation, actor: Actor) -> None:
    window = ws.shell.window
    assert window.pages.currentIndex() == 0, "the 'who are you' page"
    rows = [
        window.users.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.users.count())
    ]
    window.users.setCurrentRow(rows.index(actor.user_id))
    qtbot.mouseClick(window.continue_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1, "the PIN page"


def _type_pin(qtbot, ws: Workstation, pin: str) -> None:
    pin_edit = ws.shell.window.pin
    qtbot.wait_until(pin_edit.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(pin_edit, pin)
    qtbot.keyClick(pin_edit, Qt.Key.Key_Return)


def _unlock(qtbot, ws: Workstation, actor: Actor) -> MainWindow:
    with qtbot.wait_signal(ws.shell.sig_main_ready, timeout=WAIT_MS) as blocker:
        _type_pin(qtbot, ws, PINS[actor.user_id])
    main = blocker.args[0]
    assert isinstance(main, MainWindow)
    assert ws.shell.session is not None
    assert ws.shell.session.service.actor.user_id == actor.user_id
    return main


def _sign_in(qtbot, ws: Workstation, actor: Actor) -> MainWindow:
    _choose(qtbot, ws, actor)
    return _unlock(qtbot, ws, actor)


def _wrong_pin(qtbot, ws: Workstation, pin: str = WRONG_PIN) -> str:
    """Enter a PIN that does not open the cache; the message the window then shows."""
    window = ws.shell.window
    _type_pin(qtbot, ws, pin)
    qtbot.wait_until(
        lambda: window.pin.isEnabled() and window.message.text() not in ("", "Checking…"),
        timeout=WAIT_MS,
    )
    assert ws.shell.main is None
    return str(window.message.text())


def _lock(qtbot, ws: Workstation, reason: str = "manual") -> None:
    with qtbot.wait_signal(ws.shell.sig_locked, timeout=WAIT_MS):
        ws.shell.lock(reason)


def _open_first_patient(qtbot, main: MainWindow) -> str:
    qtbot.wait_until(lambda: main.ward_panel.ward_proxy.rowCount() == PATIENTS, timeout=WAIT_MS)
    with qtbot.wait_signal(main.sig_chart_shown, timeout=WAIT_MS) as blocker:
        main.ward_panel.ward_view.setCurrentIndex(
            main.ward_panel.ward_proxy.index(0, WardColumn.NAME)
        )
    return str(blocker.args[0])


def _audit(ws: Workstation) -> list[AuditEntry]:
    session = ws.shell.session
    assert session is not None
    return ws.tasks.run_db_blocking(session.service.repo.audit_entries)


def _visible_texts() -> list[str]:
    """Every text a person could read in the visible windows (and their hidden pages)."""
    texts: list[str] = []
    for top in QtWidgets.QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for w in [top, *top.findChildren(QtWidgets.QWidget)]:
            texts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.statusTip()]
            if isinstance(w, QtWidgets.QLabel | QtWidgets.QAbstractButton | QtWidgets.QLineEdit):
                texts.append(w.text())
            if isinstance(w, QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit):
                texts.append(w.toPlainText())
            if isinstance(w, QtWidgets.QComboBox):
                texts += [w.itemText(i) for i in range(w.count())]
            if isinstance(w, QtWidgets.QAbstractItemView) and w.model() is not None:
                model, root = w.model(), QtCore.QModelIndex()
                for row in range(model.rowCount(root)):
                    col = 0  # (a list model's columnCount is private in Qt)
                    while (index := model.index(row, col, root)).isValid():
                        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                            value = index.data(role)
                            if value is not None:
                                texts.append(str(value))
                        col += 1
    return [t for t in texts if t]


def _shown_patient_data(names: list[str]) -> set[str]:
    texts = "\n".join(_visible_texts())
    return {n for n in names if re.search(rf"\b{re.escape(n)}\b", texts)}


def _visible_main_windows() -> list[QtWidgets.QWidget]:
    return [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, QtWidgets.QMainWindow) and w.isVisible()
    ]


def _open_cache(ws: Workstation, actor: Actor) -> CacheSession:
    return unlock_user_cache(
        ws.paths,
        actor,
        PINS[actor.user_id],
        OsKeystore(),
        ws.catalog,
        workstation="test-ws",
        clock=ws.clock,
    )


# --- tests ------------------------------------------------------------------------------------


def test_both_users_are_offered_and_the_pin_opens_the_main_window(
    qtbot, workstation: Workstation
) -> None:
    ws = workstation
    window = ws.shell.window
    assert window.isVisible()
    assert window.windowTitle() == "AskOnce — Sign in"
    offered = [window.users.item(i).text() for i in range(window.users.count())]
    assert offered == ["Continue as Nurse Qxtwo", "Continue as Nurse Qxone"], "latest first"

    main = _sign_in(qtbot, ws, ANNA)
    assert main.isVisible()
    assert not window.isVisible()
    assert "Nurse Qxone" in main.user_label.text()
    assert main.ward_panel.ward_proxy.rowCount() == PATIENTS
    sign_ins = [e for e in _audit(ws) if e.action is AuditAction.SIGN_IN]
    assert len(sign_ins) == 1
    assert sign_ins[0].user_id == ANNA.user_id
    assert sign_ins[0].detail == "offline PIN"
    assert ws.browser_opened == [], "offline: no browser, no provider"


def test_idle_lock_hides_everything_and_drops_the_key(qtbot, workstation: Workstation) -> None:
    ws = workstation
    main = _sign_in(qtbot, ws, ANNA)
    _open_first_patient(qtbot, main)
    assert _shown_patient_data(ws.patient_names), "the walk does see patient names on screen"
    session, auth = ws.shell.session, ws.shell.auth
    assert session is not None
    assert auth is not None

    ws.clock.now += timedelta(seconds=IDLE_S - 1)
    ws.shell.idle.check()
    assert ws.shell.main is main, "not idle long enough yet"
    ws.clock.now += timedelta(seconds=2)
    with qtbot.wait_signal(ws.shell.sig_locked, timeout=WAIT_MS):
        ws.shell.idle.check()

    window = ws.shell.window
    assert window.isVisible()
    assert window.windowTitle() == "AskOnce — Locked"
    assert _visible_main_windows() == []
    assert ws.shell.main is None
    assert _shown_patient_data(ws.patient_names) == set(), "patient data on the lock screen"
    assert not session.db.is_open
    with pytest.raises(CacheKeyError, match="dropped"):
        session.key.raw()
    assert ws.shell.auth is None
    assert ws.shell.session is None
    assert not auth.can_refresh
    assert auth.token() is None

    main_again = _unlock(qtbot, ws, ANNA)
    assert main_again is not main
    actions = [(e.action, e.detail) for e in _audit(ws)]
    assert (AuditAction.LOCK, "idle") in actions
    assert actions.index((AuditAction.LOCK, "idle")) < actions.index(
        (AuditAction.UNLOCK, "offline PIN")
    )


def test_a_half_typed_medication_survives_the_lock_encrypted(
    qtbot, workstation: Workstation, isolated_home: Path
) -> None:
    ws = workstation
    typed = "Zqxdraftamycin 250 mg"
    main = _sign_in(qtbot, ws, ANNA)
    patient_id = _open_first_patient(qtbot, main)
    meds = main.patient_view.medications
    main.patient_view.tabs.setCurrentWidget(meds)
    qtbot.mouseClick(meds.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: drafts.open_editor() is not None, timeout=WAIT_MS)
    editor = drafts.open_editor()
    assert isinstance(editor, MedicationDialog)
    qtbot.keyClicks(editor.name_edit, typed)

    _lock(qtbot, ws)
    assert drafts.open_editor() is None, "the editor closed with the lock"
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert typed.encode() not in path.read_bytes(), f"the draft is in plain {path.name}"

    main = _unlock(qtbot, ws, ANNA)
    qtbot.wait_until(lambda: drafts.open_editor() is not None, timeout=WAIT_MS)
    reopened = drafts.open_editor()
    assert isinstance(reopened, MedicationDialog)
    assert reopened.name_edit.text() == typed
    assert main.patient_view.chart is not None
    assert main.patient_view.chart.patient.id == patient_id
    assert main.patient_view.tabs.currentWidget() is main.patient_view.medications
    session = ws.shell.session
    assert session is not None
    assert ws.tasks.run_db_blocking(session.draft) is None, "a restored draft is not kept"
    with qtbot.wait_signal(reopened.finished, timeout=WAIT_MS):
        reopened.reject()


def test_a_half_typed_contact_keeps_all_its_numbers_across_the_lock(
    qtbot, workstation: Workstation
) -> None:
    ws = workstation
    main = _sign_in(qtbot, ws, ANNA)
    _open_first_patient(qtbot, main)
    contacts = main.patient_view.contacts
    main.patient_view.tabs.setCurrentWidget(contacts)
    qtbot.mouseClick(contacts.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: drafts.open_editor() is not None, timeout=WAIT_MS)
    editor = drafts.open_editor()
    assert isinstance(editor, ContactDialog)
    qtbot.keyClicks(editor.name_edit, "Qxhelper Draftson")
    qtbot.keyClicks(editor.relationship_edit, "neighbour")
    telecom = editor.telecom
    for number, label in (("+49 30 5550 1111", "home"), ("+49 170 5550 2222", "mobile")):
        qtbot.mouseClick(telecom.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(telecom.value_edit, number)
        qtbot.keyClicks(telecom.label_edit, label)
    typed = editor.telecom.contact_points()
    assert len(typed) == 2

    _lock(qtbot, ws)
    main = _unlock(qtbot, ws, ANNA)
    qtbot.wait_until(lambda: drafts.open_editor() is not None, timeout=WAIT_MS)
    reopened = drafts.open_editor()
    assert isinstance(reopened, ContactDialog)
    assert reopened.name_edit.text() == "Qxhelper Draftson"
    assert reopened.relationship_edit.text() == "neighbour"
    assert reopened.telecom.contact_points() == typed  # both numbers, in their order
    assert reopened.telecom.value_edit.text() == "+49 170 5550 2222"  # the one being typed
    with qtbot.wait_signal(reopened.finished, timeout=WAIT_MS):
        reopened.reject()


def test_wrong_pins_are_throttled_then_offline_unlock_is_blocked(
    qtbot, workstation: Workstation
) -> None:
    ws = workstation
    _sign_in(qtbot, ws, ANNA)
    _lock(qtbot, ws)
    assert ws.shell.window.windowTitle() == "AskOnce — Locked"

    first = _wrong_pin(qtbot, ws)
    assert "Wrong PIN" in first
    assert "4 more" in first
    assert "Wrong PIN" in _wrong_pin(qtbot, ws)
    third = _wrong_pin(qtbot, ws)  # straight after the second: must wait
    assert "Wait" in third
    assert "seconds" in third
    ws.clock.now += timedelta(seconds=2)
    assert "2 more" in _wrong_pin(qtbot, ws)
    fourth = _wrong_pin(qtbot, ws)
    assert "Wait 5 seconds" in fourth
    ws.clock.now += timedelta(seconds=4)
    assert "1 more" in _wrong_pin(qtbot, ws)
    ws.clock.now += timedelta(seconds=8)
    blocked = _wrong_pin(qtbot, ws)
    assert "blocked" in blocked
    assert "online" in blocked

    ws.clock.now += timedelta(minutes=10)
    right = _wrong_pin(qtbot, ws, PINS[ANNA.user_id])  # even the right PIN
    assert "blocked" in right
    assert "online" in right
    assert ws.shell.session is None
    for text in (first, third, blocked, right):
        assert PINS[ANNA.user_id] not in text
        assert WRONG_PIN not in text

    # From the user list, too, the PIN page says so at once.
    qtbot.mouseClick(ws.shell.window.switch_button, Qt.MouseButton.LeftButton)
    _choose(qtbot, ws, ANNA)
    assert "Sign in online" in ws.shell.window.message.text()

    # Online sign-in is the way back; with the provider down that says so (and nothing opens).
    qtbot.mouseClick(ws.shell.window.online_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: "cannot be reached" in ws.shell.window.message.text(), timeout=WAIT_MS)
    assert ws.browser_opened == []
    assert ws.shell.session is None

    # Ben is not affected by Anna's lockout.
    _choose(qtbot, ws, BEN)
    assert ws.shell.window.message.text() == ""
    _unlock(qtbot, ws, BEN)


def test_reauthentication_audits_each_wrong_pin_once(qtbot, workstation: Workstation) -> None:
    ws = workstation
    _sign_in(qtbot, ws, ANNA)
    assert reauth._Current.check is not None
    check, tasks = reauth._Current.check
    dialog = reauth.ReauthDialog("print the discharge summary", check, tasks, None)
    qtbot.add_widget(dialog)
    dialog.show()

    def submit(pin: str) -> None:
        qtbot.keyClicks(dialog.pin, pin)
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    submit(WRONG_PIN)
    ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    qtbot.wait_until(lambda: "Wrong PIN" in dialog.message.text(), timeout=WAIT_MS)
    assert ok.isEnabled()
    assert WRONG_PIN not in dialog.message.text()
    # Written to the trail at once, while the cache is open: no need to wait for a good PIN.
    failed = [e for e in _audit(ws) if e.action is AuditAction.FAILED_PIN]
    assert [e.detail for e in failed] == ["re-authentication"]
    assert failed[0].user_id == ANNA.user_id

    with qtbot.wait_signal(dialog.accepted, timeout=WAIT_MS):
        submit(PINS[ANNA.user_id])

    # The next unlock does not write the same wrong PIN a second time.
    _lock(qtbot, ws)
    _unlock(qtbot, ws, ANNA)
    assert len([e for e in _audit(ws) if e.action is AuditAction.FAILED_PIN]) == 1


def test_another_user_takes_over_without_seeing_or_sending_the_first_users_edit(
    qtbot, workstation: Workstation
) -> None:
    ws = workstation
    text = "Zqx lives with her son, second floor"
    main = _sign_in(qtbot, ws, ANNA)
    patient_id = _open_first_patient(qtbot, main)
    chart = main.patient_view.chart
    assert chart is not None
    code = next(
        i.question.code
        for i in chart.board
        if i.answer is None and i.question.answer_type is AnswerType.FREE_TEXT
    )
    service = main.service
    ws.tasks.run_db_blocking(lambda: service.answers.record(patient_id, code, text, Source.PATIENT))
    assert ws.tasks.run_db_blocking(service.outbox.count) == 1

    _lock(qtbot, ws)
    qtbot.mouseClick(ws.shell.window.switch_button, Qt.MouseButton.LeftButton)
    assert ws.shell.window.windowTitle() == "AskOnce — Sign in"
    main_b = _sign_in(qtbot, ws, BEN)
    assert "Nurse Qxtwo" in main_b.user_label.text()
    service_b = main_b.service
    assert service_b.actor.user_id == BEN.user_id
    assert ws.tasks.run_db_blocking(service_b.outbox.count) == 0
    qtbot.wait_until(lambda: main_b.ward_panel.ward_proxy.rowCount() == PATIENTS, timeout=WAIT_MS)
    rows = [
        main_b.ward_panel.ward_model.record(r)
        for r in range(main_b.ward_panel.ward_model.rowCount())
    ]
    assert sum(r.unsent_changes for r in rows) == 0
    chart_b = ws.tasks.run_db_blocking(lambda: service_b.charts.chart(patient_id, audit_view=False))
    item = next(i for i in chart_b.board if i.question.code == code)
    assert item.answer is None, "Anna's answer is not in Ben's cache"
    assert text not in "\n".join(_visible_texts())
    entries_b = _audit(ws)
    assert {e.user_id for e in entries_b} == {BEN.user_id}

    _lock(qtbot, ws)
    anna = _open_cache(ws, ANNA)
    try:
        (queued,) = anna.service.repo.outbox()
        assert queued.patient_id == patient_id
        assert text in str(queued.payload)
    finally:
        anna.close()


def test_ctrl_l_locks(qtbot, workstation: Workstation) -> None:
    ws = workstation
    main = _sign_in(qtbot, ws, ANNA)
    main.activateWindow()
    qtbot.wait_until(main.isActiveWindow, timeout=WAIT_MS)
    with qtbot.wait_signal(ws.shell.sig_locked, timeout=WAIT_MS):
        qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert ws.shell.window.windowTitle() == "AskOnce — Locked"
    assert ws.shell.main is None
    assert _visible_main_windows() == []
    main = _unlock(qtbot, ws, ANNA)
    assert [e.detail for e in _audit(ws) if e.action is AuditAction.LOCK] == ["manual"]


def test_the_user_folder_names_nobody(workstation: Workstation) -> None:
    for actor in (ANNA, BEN):
        folder = user_folder(workstation.paths, actor.user_id)
        assert folder.is_dir()
        assert "qx" not in folder.name


def test_locking_during_a_sync_shows_no_error(qtbot, workstation: Workstation) -> None:
    ws = workstation
    main = _sign_in(qtbot, ws, ANNA)
    assert main.sync is not None
    assert main.sync.running, "the first sync is still trying the (dead) server"
    _lock(qtbot, ws)
    _drain(qtbot, ws.tasks)
    assert STALE_SYNC_ERROR not in [e.message for e in ws.errors_shown]
    assert ws.errors_shown == []
