"""A ward PC signed in with Keycloak against the HAPI server that enforces SMART scopes.

The sign-in is the app's own (sync/oidc.py) with Keycloak's login page filled in over HTTP
(tests/oidc_browser.py); the FHIR client carries the access token through ``OidcAuth``.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from app.clock import system_clock
from app.domain import Actor, Catalog
from app.keys import DatabaseKey
from app.services import CareService
from app.store.database import Database
from app.store.sync_state import SyncState
from sync.client import FhirClient, RetryPolicy
from sync.engine import SyncFailed, Synchronizer, SyncStatus, SyncSucceeded
from sync.oidc import BASE_SCOPES, OidcAuth, OidcClient, OidcConfig, TokenSet
from sync.smart import DEFAULT_SCOPES
from tests.identity_server import Keycloak, TestUser
from tests.integration import fhir_seed
from tests.integration.fhir_seed import SeededWard
from tests.oidc_browser import login

SEEDER_SCOPES = (*BASE_SCOPES, "user/*.cruds")
"""What the test's own set-up asks for: it puts a ward on the server."""


def oidc_client(
    keycloak: Keycloak,
    scopes: tuple[str, ...] = (*BASE_SCOPES, *DEFAULT_SCOPES),
    *,
    transport: httpx.BaseTransport | None = None,
) -> OidcClient:
    return OidcClient(
        OidcConfig(issuer=keycloak.issuer, client_id=keycloak.client_id, scopes=scopes),
        transport=transport,
        clock=system_clock,
    )


def sign_in(client: OidcClient, user: TestUser) -> TokenSet:
    """The app's sign-in, the user typing their password in the (headless) browser."""
    pending = client.begin()
    try:
        login(pending.authorize_url, user.username, user.password)
        return client.finish(pending, pending.wait(30))
    finally:
        pending.close()


@contextmanager
def seeding_with(token: str) -> Iterator[None]:
    """tests/integration/fhir_seed.py's requests carry ``token`` (its helpers take none)."""

    def client(**kwargs: Any) -> httpx.Client:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {token}"}
        return httpx.Client(headers=headers, **kwargs)

    real = fhir_seed.httpx
    fhir_seed.httpx = types.SimpleNamespace(Client=client)  # type: ignore[assignment]
    try:
        yield
    finally:
        fhir_seed.httpx = real


def seed_smart_ward(
    keycloak: Keycloak, base_url: str, user: TestUser, patients: int = 2
) -> SeededWard:
    """A ward on the SMART server, put there by ``user`` signed in with ``user/*.cruds``."""
    client = oidc_client(keycloak, SEEDER_SCOPES)
    try:
        tokens = sign_in(client, user)
    finally:
        client.close()
    with seeding_with(tokens.access_token):
        return fhir_seed.seed_ward(base_url, patients)


class SignedInWorkstation:
    """One cache, service and engine; the FHIR client's token comes from ``auth``."""

    def __init__(
        self,
        path: Path,
        catalog: Catalog,
        server: str,
        practitioner: str,
        oidc: OidcClient,
        tokens: TokenSet | None,
        *,
        on_expired: Callable[[], None] | None = None,
        auth_clock: Callable[[], datetime] = system_clock,
    ) -> None:
        self.db = Database.open(path, DatabaseKey.generate(), create=True)
        self.actor = Actor(user_id=practitioner, display_name=f"Nurse at {path.stem}")
        self.service = CareService(
            self.db, catalog, self.actor, workstation=path.stem, clock=system_clock
        )
        self.saved: list[str | None] = []
        self.expired: list[bool] = []
        self.auth = OidcAuth(
            oidc,
            user_id=tokens.identity.user_id if tokens and tokens.identity else practitioner,
            refresh_token=tokens.refresh_token if tokens else None,
            save_refresh_token=self.saved.append,
            on_expired=on_expired or (lambda: self.expired.append(True)),
            access=tokens,
            clock=auth_clock,
        )
        self.client = FhirClient(
            server,
            auth=self.auth if tokens is not None else None,
            timeout=30,
            retry=RetryPolicy(attempts=2, base_delay=0.1, max_delay=0.5),
            clock=system_clock,
        )
        self.statuses: list[SyncStatus] = []
        self.engine = Synchronizer(
            self.db,
            catalog,
            self.client,
            practitioner,
            on_status=self.statuses.append,
            clock=system_clock,
        )
        self.state = SyncState(self.db)

    def sync(self) -> SyncSucceeded | SyncFailed:
        """One sync; its final status."""
        self.statuses.clear()
        self.engine.sync()
        final = self.statuses[-1]
        assert isinstance(final, SyncSucceeded | SyncFailed), self.statuses
        return final

    def close(self) -> None:
        self.client.close()
        self.db.close()
