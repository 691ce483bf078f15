"""The shared workstation end to end: Keycloak sign-in, real keystore, HAPI sync.

Anna signs in online on a fresh workstation, sets her PIN and syncs her ward.
She records an answer and walks away before it is sent; the screen locks. Ben
takes over from the lock screen with his own account and sees only his own
patients; Anna's unsent edit stays in Anna's cache for her own next sync.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.catalog import load_catalog
from app.clock import system_clock
from app.domain import Actor, AnswerType, AuditAction, Source
from app.keystore import OsKeystore
from app.paths import default_paths
from app.session import unlock_user_cache
from app.settings import Settings
from sync.oidc import OidcClient, OidcConfig
from tests.fhir_server import HapiServer
from tests.identity_server import NURSE_ANNA, NURSE_BEN, Keycloak, TestUser
from tests.integration.fhir_seed import seed_ward
from tests.oidc_browser import login
from ui.base.taskman import TaskManager
from ui.mainwindow.window import MainWindow
from ui.workstation.shell import Shell

pytestmark = [pytest.mark.integration, pytest.mark.keystore]

PIN = {"nurse.anna": "4711-anna", "nurse.ben": "0815-ben!"}
SHOTS = Path("/tmp/askonce-shots")


class Browser:
    """The 'system browser': Keycloak's login page filled in by the given user."""

    def __init__(self) -> None:
        self.user: TestUser = NURSE_ANNA
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str) -> None:
        user = self.user
        thread = threading.Thread(target=login, args=(url, user.username, user.password))
        thread.start()
        self.threads.append(thread)

    def join(self) -> None:
        for thread in self.threads:
            thread.join(30)


@pytest.fixture
def shell(
    qtbot, keystore_clean, keycloak: Keycloak, hapi: HapiServer
) -> Iterator[tuple[Shell, Browser]]:
    settings = Settings.model_validate(
        {
            "fhir_server_url": hapi.base_url,
            "oidc_issuer": keycloak.issuer,
            "oidc_client_id": keycloak.client_id,
            "sync_interval_seconds": 600,
        }
    )
    tasks = TaskManager()
    oidc = OidcClient(
        OidcConfig(issuer=keycloak.issuer, client_id=keycloak.client_id), clock=system_clock
    )
    browser = Browser()
    shell = Shell(
        tasks,
        settings,
        load_catalog(),
        default_paths(),
        language="en",
        keystore=OsKeystore,
        oidc=oidc,
        workstation="ward-pc-7",
        open_browser=browser,
        clock=system_clock,
    )
    qtbot.add_widget(shell.window)
    shell.start()
    yield shell, browser
    browser.join()
    shell.shutdown()
    tasks.shutdown()
    oidc.close()


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def _sign_in_online(qtbot, shell: Shell, browser: Browser, user: TestUser) -> MainWindow:
    browser.user = user
    window = shell.window
    window.someone_else.click()
    qtbot.waitUntil(lambda: window.pages.currentIndex() == 3, timeout=60_000)  # new PIN
    _shot(window, f"set-pin-{user.username}")
    window.new_pin.setText(PIN[user.username])
    window.repeat_pin.setText(PIN[user.username])
    with qtbot.wait_signal(shell.sig_main_ready, timeout=60_000) as ready:
        window.set_pin_button.click()
    main = ready.args[0]
    assert isinstance(main, MainWindow)
    return main


def _synced(qtbot, main: MainWindow) -> None:
    assert main.sync is not None
    qtbot.waitUntil(lambda: main.sync is not None and not main.sync.running, timeout=60_000)
    qtbot.waitUntil(lambda: main.ward_panel.ward_model.rowCount() > 0, timeout=30_000)


def test_sign_in_lock_and_another_nurse_takes_over(qtbot, shell, hapi: HapiServer) -> None:
    shell_, browser = shell
    anna_ward = seed_ward(hapi.base_url, patients=2, tag="anna")
    seed_ward(hapi.base_url, patients=1, tag="ben")
    _shot(shell_.window, "sign-in-empty")

    anna = _sign_in_online(qtbot, shell_, browser, NURSE_ANNA)
    _synced(qtbot, anna)
    assert anna.sync is not None
    assert anna.sync.last_success is not None  # synced with Anna's own token
    assert {
        anna.ward_panel.ward_model.record(r).patient.id
        for r in range(anna.ward_panel.ward_model.rowCount())
    } == set(anna_ward.patients)
    _shot(anna, "anna-main")

    # Anna records an answer; before the next sync she walks away: the screen locks.
    assert shell_.session is not None
    service = shell_.session.service
    code = next(q.code for q in service.catalog.questions if q.answer_type is AnswerType.FREE_TEXT)
    shell_.tasks.run_db_blocking(
        lambda: service.answers.record(
            anna_ward.patients[0], code, "only Anna knows", Source.PATIENT
        )
    )
    with qtbot.wait_signal(shell_.sig_locked, timeout=30_000):
        shell_.lock("idle")
    assert shell_.window.windowTitle() == "AskOnce — Locked"
    assert shell_.auth is None
    assert shell_.session is None
    _shot(shell_.window, "locked")

    # Ben takes over from the lock screen with his own account.
    shell_.window.switch_button.click()
    _shot(shell_.window, "switch-user")
    ben = _sign_in_online(qtbot, shell_, browser, NURSE_BEN)
    _synced(qtbot, ben)
    ben_ids = {
        ben.ward_panel.ward_model.record(r).patient.id
        for r in range(ben.ward_panel.ward_model.rowCount())
    }
    assert ben_ids.isdisjoint(anna_ward.patients)
    assert shell_.session is not None
    assert shell_.session.service.outbox.count() == 0  # Anna's edit is not in Ben's cache
    with qtbot.wait_signal(shell_.sig_locked, timeout=30_000):
        shell_.lock("manual")

    # Anna's edit waited in her cache, unsent, for her.
    paths = default_paths()
    catalog = load_catalog()
    actor = Actor(user_id=NURSE_ANNA.fhir_user, display_name=NURSE_ANNA.name)
    session = unlock_user_cache(
        paths,
        actor,
        PIN["nurse.anna"],
        OsKeystore(),
        catalog,
        workstation="check",
        clock=system_clock,
    )
    try:
        assert session.service.outbox.count() == 1
        actions = [e.action for e in session.service.repo.audit_entries()]
        assert AuditAction.SIGN_IN in actions
        assert AuditAction.LOCK in actions
        assert session.refresh_token()  # kept, encrypted, for her next sync
    finally:
        session.close()
