"""The shared ward workstation: who is signed in, locking, switching users (DESIGN.md §6).

The shell owns the windows. Signed in, the user works in a ``MainWindow`` over
their own cache; locked (idle, Ctrl+L, or the provider ended the sign-in), the
main window is closed — its models, the cache key and the tokens go with it —
and the sign-in window shows the PIN page. A half-typed entry is saved first,
encrypted in that user's cache, and reopened after the unlock.

Each user's cache has its own sync, with that user's own token: when B takes
over the workstation, A's queued edits stay in A's cache until A is back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from app.accounts import UserProfile, cached_users, load_profile
from app.domain import Actor, AuditAction, Catalog, Role
from app.errors import KnownError, LockedOutError
from app.keystore import Keystore
from app.paths import AppPaths
from app.session import (
    CacheSession,
    cache_exists,
    create_user_cache,
    is_locked_out,
    restore_user_cache,
    unlock_user_cache,
    user_folder,
)
from app.settings import Settings
from sync.oidc import OidcAuth, OidcClient, PendingSignIn, TokenSet
from ui.base import reauth
from ui.base.error_text import error_text
from ui.base.idle import IdleMonitor
from ui.base.taskman import DbOp, NetOp, TaskManager
from ui.qt import QtCore, QtGui, Signal
from ui.workstation.sign_in import SignInWindow

if TYPE_CHECKING:  # the main window and sync load after sign-in, not before the first window
    from app.keys import KdfParams
    from sync.engine import Synchronizer, SyncStatus
    from sync.push import PushListener
    from ui.mainwindow.window import MainWindow
    from ui.syncstatus.controller import SyncController

log = logging.getLogger(__name__)

BROWSER_TIMEOUT_S = 300


def open_in_system_browser(url: str) -> None:
    QtGui.QDesktopServices.openUrl(QtCore.QUrl(url))


class Shell(QtCore.QObject):
    sig_main_ready = Signal(object)
    """A user's main window is shown and loaded (argument: the MainWindow)."""

    sig_locked = Signal()
    """The workstation was locked (idle, Ctrl+L, switch user, or the sign-in ended)."""

    _sig_expired = Signal()  # from the network thread: the provider ended the sign-in

    def __init__(
        self,
        tasks: TaskManager,
        settings: Settings,
        catalog: Catalog,
        paths: AppPaths,
        *,
        language: str,
        keystore: Callable[[], Keystore],
        oidc: OidcClient,
        workstation: str,
        open_browser: Callable[[str], None] = open_in_system_browser,
        clock: Callable[[], datetime],
        kdf: KdfParams | None = None,
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.settings = settings
        self.catalog = catalog
        self.paths = paths
        self.language = language
        self._keystore = keystore
        self.oidc = oidc
        self.workstation = workstation
        self._open_browser = open_browser
        self._clock = clock
        self._kdf = kdf
        self.main: MainWindow | None = None
        self.session: CacheSession | None = None
        self.auth: OidcAuth | None = None
        self._tokens: TokenSet | None = None  # from an online sign-in, until the cache is open
        self._pending_actor: Actor | None = None
        self._pending_role: Role | None = None
        self._cancel = threading.Event()
        self._locked_profile: UserProfile | None = None
        self.window = SignInWindow(min_pin_length=settings.pin_min_length)
        self.window.sig_continue_as.connect(self._continue_as)
        self.window.sig_pin_entered.connect(self._unlock)
        self.window.sig_online.connect(self.sign_in_online)
        self.window.sig_new_pin.connect(self._new_pin)
        self.window.sig_cancel.connect(self._cancel.set)
        self.window.sig_switch_user.connect(self.show_choose)
        self.idle = IdleMonitor(settings.idle_lock_seconds, clock=clock, parent=self)
        self.idle.sig_idle.connect(lambda: self.lock("idle"))
        self._sig_expired.connect(self._on_sign_in_ended, QtCore.Qt.ConnectionType.QueuedConnection)

    # --- the sign-in window ---------------------------------------------------------------------

    def start(self) -> None:
        self.show_choose()
        self.window.show()

    def show_choose(self) -> None:
        self._tokens = None
        self.window.show_choose(cached_users(self.paths))

    def _profile(self, user_id: str) -> UserProfile | None:
        return load_profile(user_folder(self.paths, user_id))

    def _continue_as(self, user_id: str) -> None:
        profile = self._profile(user_id)
        if profile is None:
            self.show_choose()
            return
        self.window.show_pin(user_id, profile.display_name, locked=False)
        if is_locked_out(self.paths, user_id):
            self.window.show_message(
                self.tr("Offline unlock is blocked after too many wrong PINs. Sign in online.")
            )

    def _unlock(self, user_id: str, pin: str) -> None:
        tokens = self._tokens
        if tokens is not None and tokens.identity is not None:
            actor = Actor(user_id=user_id, display_name=tokens.identity.display_name)
            role = tokens.identity.role
        else:
            profile = self._profile(user_id)
            if profile is None:
                self.show_choose()
                return
            actor = Actor(user_id=user_id, display_name=profile.display_name)
            role = None
        was_locked = self._locked_profile is not None and self._locked_profile.user_id == user_id
        settings = self.settings

        def unlock() -> CacheSession:
            return unlock_user_cache(
                self.paths,
                actor,
                pin,
                self._keystore(),
                self.catalog,
                workstation=self.workstation,
                language=self.language,
                role=role,
                max_attempts=settings.pin_max_attempts,
                clock=self._clock,
            )

        def failed(exc: Exception) -> None:
            self.window.show_message(error_text(exc))
            if isinstance(exc, LockedOutError):
                self.window.online_button.setFocus()

        how = AuditAction.UNLOCK if was_locked else AuditAction.SIGN_IN
        DbOp(self.tasks, unlock).success(lambda s: self._opened(s, tokens, how)).failure(
            failed
        ).run()

    # --- online sign-in ---------------------------------------------------------------------------

    def sign_in_online(self, expected_user: str = "") -> None:
        """The browser sign-in; ``expected_user`` is a hint only — whoever signs in, gets in."""
        self._cancel.clear()
        if self.main is None:
            self.window.show_waiting()

        def begun(pending: PendingSignIn) -> None:
            self._open_browser(pending.authorize_url)
            NetOp(self.tasks, lambda: finish(pending)).success(self._signed_in_online).failure(
                self._online_failed
            ).run()

        def finish(pending: PendingSignIn) -> TokenSet:
            """Wait for the browser to come back (or Cancel), then fetch the tokens."""
            return self.oidc.finish(pending, pending.wait(BROWSER_TIMEOUT_S, self._cancel))

        NetOp(self.tasks, self.oidc.begin).success(begun).failure(self._online_failed).run()

    def _online_failed(self, exc: Exception) -> None:
        log.info("online sign-in failed: %s", type(exc).__name__)
        if self.main is not None:
            self.main.show_error(exc)
            return
        self.show_choose()
        self.window.show_message(error_text(exc))

    def _signed_in_online(self, tokens: TokenSet) -> None:
        identity = tokens.identity
        assert identity is not None
        if self.session is not None and self.session.service.actor.user_id == identity.user_id:
            self._adopt(tokens)  # the signed-in user refreshed their sign-in from the menu
            return
        if self.main is not None:
            self.lock("switch user")  # someone else signed in from the menu: A's work is saved
        self._tokens = tokens
        self._pending_actor = Actor(user_id=identity.user_id, display_name=identity.display_name)
        self._pending_role = identity.role
        if cache_exists(self.paths, identity.user_id) and not is_locked_out(
            self.paths, identity.user_id
        ):
            self.window.show_pin(identity.user_id, identity.display_name, locked=False)
        else:
            self.window.show_new_pin(identity.display_name)

    def _new_pin(self, pin: str) -> None:
        actor, tokens = self._pending_actor, self._tokens
        if actor is None or tokens is None:
            self.show_choose()
            return
        settings = self.settings
        restore = cache_exists(self.paths, actor.user_id)

        def open_cache() -> CacheSession:
            if restore:  # locked out before: the online sign-in just proved who this is
                return restore_user_cache(
                    self.paths,
                    actor,
                    pin,
                    self._keystore(),
                    self.catalog,
                    workstation=self.workstation,
                    language=self.language,
                    role=self._pending_role,
                    min_pin_length=settings.pin_min_length,
                    clock=self._clock,
                )
            return create_user_cache(
                self.paths,
                actor,
                pin,
                self._keystore(),
                self.catalog,
                workstation=self.workstation,
                language=self.language,
                role=self._pending_role or Role.NURSE,
                min_pin_length=settings.pin_min_length,
                max_users=settings.max_cached_users,
                kdf=self._kdf,
                clock=self._clock,
            )

        DbOp(self.tasks, open_cache).success(
            lambda s: self._opened(s, tokens, AuditAction.SIGN_IN)
        ).failure(lambda exc: self.window.show_message(error_text(exc))).run()

    def _adopt(self, tokens: TokenSet) -> None:
        session = self.session
        if session is None or self.auth is None:
            return
        self.auth.adopt(tokens)
        DbOp(self.tasks, lambda: self._store_sign_in(session, tokens)).run()
        if self.main is not None:
            self.main.sync_now()

    def _store_sign_in(self, session: CacheSession, tokens: TokenSet) -> None:
        session.store_refresh_token(tokens.refresh_token)
        session.service.access.record_audit(AuditAction.SIGN_IN, detail="online")

    # --- a user's main window ---------------------------------------------------------------------

    def _opened(self, session: CacheSession, tokens: TokenSet | None, how: AuditAction) -> None:
        self._tokens = None
        self._locked_profile = None
        self.session = session

        def prepare() -> str | None:
            """Audit the sign-in; the refresh token the sync will start from."""
            if tokens is not None:
                self._store_sign_in(session, tokens)
            else:
                session.service.access.record_audit(how, detail="offline PIN")
            return session.refresh_token()

        DbOp(self.tasks, prepare).success(
            lambda refresh_token: self._show_main(session, tokens, refresh_token)
        ).run()

    def _show_main(
        self, session: CacheSession, tokens: TokenSet | None, refresh_token: str | None
    ) -> None:
        # Loaded on the first sign-in, not before the first window (start-up time).
        from sync.factory import make_push_listener, make_synchronizer
        from ui.mainwindow.window import MainWindow
        from ui.syncstatus.controller import SyncController

        actor = session.service.actor

        def save_refresh_token(token: str | None) -> None:
            # Called on the network worker during a refresh; the cache lives on the DB worker.
            try:
                self.tasks.run_db_blocking(lambda: session.store_refresh_token(token))
            except KnownError as exc:
                log.warning("could not keep the refreshed sign-in: %s", type(exc).__name__)

        auth = OidcAuth(
            self.oidc,
            user_id=actor.user_id,
            refresh_token=refresh_token,
            save_refresh_token=save_refresh_token,
            on_expired=self._sig_expired.emit,
            access=tokens,
            clock=self._clock,
        )
        self.auth = auth
        server = str(self.settings.fhir_server_url)
        settings = self.settings
        clock = self._clock
        workstation = self.workstation

        def make_sync(opened: CacheSession) -> SyncController:
            stopping = threading.Event()

            def make_engine(on_status: Callable[[SyncStatus], None]) -> Synchronizer:
                return make_synchronizer(
                    server,
                    auth=auth,
                    db=opened.db,
                    catalog=opened.service.catalog,
                    practitioner=actor.user_id,
                    clock=clock,
                    on_status=on_status,
                    stop_event=stopping,
                    run_db=self.tasks.run_db_blocking,
                    ca_bundle=settings.ca_bundle,
                    http_proxy=settings.http_proxy,
                    retention_days=settings.retention_days,
                    assignment_source=settings.assignment_source,
                )

            def make_push(on_change: Callable[[], None]) -> PushListener:
                return make_push_listener(
                    server,
                    auth=auth,
                    workstation=workstation,
                    on_change=on_change,
                    clock=clock,
                    ca_bundle=settings.ca_bundle,
                    http_proxy=settings.http_proxy,
                )

            return SyncController(
                self.tasks,
                opened.service,
                make_engine,
                interval_s=settings.sync_interval_seconds,
                on_stop=stopping.set,
                make_push=make_push,
            )

        profile = session.profile
        main = MainWindow(
            self.tasks,
            lambda: session,
            demo=False,
            language=self.language,
            clock=self._clock,
            make_sync=make_sync,
        )
        if profile is not None:
            main.role = profile.role
        main.break_glass_minutes = settings.break_glass_minutes
        main.sig_lock_requested.connect(lambda: self.lock("manual"))
        main.sig_switch_user_requested.connect(self.switch_user)
        main.sig_sign_out_requested.connect(self.sign_out)
        main.sig_sign_in_requested.connect(lambda: self.sign_in_online(actor.user_id))
        main.sig_loaded.connect(lambda: self._restore_draft(main, session))
        self.main = main
        paths, keystore, max_attempts = self.paths, self._keystore, settings.pin_max_attempts

        def check_pin(pin: str) -> None:
            session.confirm_pin(paths, pin, keystore(), max_attempts=max_attempts)

        reauth.install(check_pin, self.tasks)
        main.setGeometry(self.window.geometry())
        main.show()
        self.window.hide()
        main.start()
        self.idle.arm()

    def _restore_draft(self, main: MainWindow, session: CacheSession) -> None:
        def take() -> dict[str, Any] | None:
            draft = session.draft()
            if draft is not None:
                session.save_draft(None)
            return draft

        def restore(draft: dict[str, Any] | None) -> None:
            if draft is not None:
                main.restore_draft(draft)
            self.sig_main_ready.emit(main)

        DbOp(self.tasks, take).success(restore).run()

    # --- locking, switching, signing out ----------------------------------------------------

    def lock(self, reason: str) -> None:
        """Hide everything now; then save the draft, audit, drop keys and tokens."""
        main, session, auth = self.main, self.session, self.auth
        if main is None or session is None:
            return
        self.idle.disarm()
        reauth.install(None)
        draft = main.capture_draft()  # closes any open editor, keeping what was typed
        self._locked_profile = session.profile
        self.window.setGeometry(main.geometry())
        display_name = session.service.actor.display_name
        self.window.show_pin(session.service.actor.user_id, display_name, locked=True)
        self.window.show()
        main.hide()
        self.main = self.session = self.auth = None
        if auth is not None:
            auth.drop()

        def save() -> None:
            if draft is not None:
                session.save_draft(draft)
            session.service.access.record_audit(AuditAction.LOCK, detail=reason)

        def close(_: object = None) -> None:
            main.close()  # stops the sync and closes the cache (the key is wiped)
            main.deleteLater()
            self.sig_locked.emit()

        DbOp(self.tasks, save).success(close).failure(lambda _exc: close()).run()

    def switch_user(self) -> None:
        self.lock("switch user")
        self.show_choose()

    def sign_out(self) -> None:
        """Works offline: tokens dropped (revoked when reachable); cache and outbox stay."""
        main, session, auth = self.main, self.session, self.auth
        if main is None or session is None:
            return
        self.idle.disarm()
        reauth.install(None)
        main.capture_draft()
        main.hide()
        self.main = self.session = self.auth = None
        self.show_choose()
        self.window.show()

        def audit() -> None:
            session.service.access.record_audit(AuditAction.SIGN_OUT)

        def revoke() -> None:
            if auth is None:
                return
            try:
                auth.sign_out()  # network: revoke; then the stored refresh token is removed
            except Exception as exc:  # noqa: BLE001 -- signing out goes on: the cache must close
                log.warning("sign-out: could not forget the sign-in: %s", type(exc).__name__)

        def close(_: object = None) -> None:
            main.close()
            main.deleteLater()

        def after_audit(_: object = None) -> None:
            NetOp(self.tasks, revoke).success(close).run()

        DbOp(self.tasks, audit).success(after_audit).failure(lambda _e: after_audit()).run()

    def _on_sign_in_ended(self) -> None:
        """The provider refused the refresh token: lock; the outbox is left alone."""
        if self.main is None:
            return
        self.lock("sign-in ended")
        self.window.show_message(
            self.tr(
                "Your hospital sign-in has ended. Unlock with your PIN to keep working offline, "
                "or sign in online to sync again."
            )
        )

    def shutdown(self) -> None:
        self.idle.close()
        if self.main is not None:
            self.main.close()
