"""A real OpenID Connect provider for the tests: Keycloak on loopback, realm ``askonce``.

The Keycloak distribution comes from Maven Central (fetched into ~/.m2 on first use),
is unpacked and pre-built once into ~/.cache/askonce-test/keycloak-<version>, and is
started once per test session with its own port, database, realm import and log in a
temporary directory, so runs never share state and the cached copy is never written to.

The realm (tests/integration/keycloak/askonce-realm.json) has the public client
``askonce-desktop`` (authorization code + PKCE S256 only, loopback redirect on any port)
and the users below. Set ``ASKONCE_TEST_OIDC_ISSUER`` (e.g.
``http://127.0.0.1:8080/realms/askonce``) to run the tests against an instance that is
already running with that realm imported; the admin helpers then need
``ASKONCE_TEST_OIDC_ADMIN_USER`` and ``ASKONCE_TEST_OIDC_ADMIN_PASSWORD``.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from sync.smart import DEFAULT_SCOPES

KEYCLOAK_VERSION = "26.5.6"
REALM = "askonce"
CLIENT_ID = "askonce-desktop"
REALM_FILE = Path(__file__).parent / "integration" / "keycloak" / "askonce-realm.json"
SMART_SCOPES = (*DEFAULT_SCOPES, "user/Observation.rs", "user/Patient.read", "user/*.cruds")
"""The SMART scopes the realm offers as optional client scopes of ``askonce-desktop``: what
AskOnce asks for, a read-only variant for answers (tests of a refused upload), a v1 scope,
and everything (for tests that put data on the server first).

They are added over the admin API after the realm import, not in askonce-realm.json: a realm
file that lists any ``clientScopes`` gets none of Keycloak's built-in ones (profile, basic,
...), which the sign-in needs."""
START_TIMEOUT_S = 300.0  # measured ~12 s on 2 cores; a cold JVM on a busy CI runner is slower

# Captured at import: the autouse ``isolated_home`` fixture later points HOME elsewhere.
_REAL_HOME = Path.home()
M2_REPOSITORY = _REAL_HOME / ".m2" / "repository"
DIST_ZIP = (
    M2_REPOSITORY
    / "org/keycloak/keycloak-quarkus-dist"
    / KEYCLOAK_VERSION
    / f"keycloak-quarkus-dist-{KEYCLOAK_VERSION}.zip"
)
CACHE_DIR = _REAL_HOME / ".cache" / "askonce-test"
_BUILT_MARKER = ".askonce-built"


@dataclass(frozen=True)
class TestUser:
    """A user of the test realm and the claims their tokens must carry."""

    __test__ = False  # not a test class, despite the name

    username: str
    password: str
    fhir_user: str  # the ``fhirUser`` claim
    role: str  # the ``askonce_role`` claim
    name: str  # the ``name`` claim (given + family)


NURSE_ANNA = TestUser(
    "nurse.anna", "anna-test-pw", "Practitioner/nurse-anna", "nurse", "Anna Berger"
)
NURSE_BEN = TestUser("nurse.ben", "ben-test-pw", "Practitioner/nurse-ben", "nurse", "Ben Okafor")
COORD_CARLA = TestUser(
    "coord.carla", "carla-test-pw", "Practitioner/coord-carla", "coordinator", "Carla Nunes"
)
USERS: dict[str, TestUser] = {u.username: u for u in (NURSE_ANNA, NURSE_BEN, COORD_CARLA)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(path: Path, lines: int = 60) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def _fetch_dist() -> Path:
    if DIST_ZIP.exists():
        return DIST_ZIP
    mvn = shutil.which("mvn")
    if mvn is None:
        pytest.fail("Maven is needed to fetch Keycloak from Maven Central (or the zip in ~/.m2)")
    artifact = f"org.keycloak:keycloak-quarkus-dist:{KEYCLOAK_VERSION}:zip"
    subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "-Dstyle.color=never",
            f"-Dmaven.repo.local={M2_REPOSITORY}",
            "dependency:get",
            f"-Dartifact={artifact}",
            "-Dtransitive=false",
        ],
        check=True,
        timeout=1800,
    )
    if not DIST_ZIP.exists():
        pytest.fail(f"Maven did not leave {DIST_ZIP}")
    return DIST_ZIP


def _unpack(archive: Path, into: Path) -> Path:
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(into)
        for info in zf.infolist():  # zipfile drops Unix modes; kc.sh must stay executable
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                (into / info.filename).chmod(mode)
    return into / f"keycloak-{KEYCLOAK_VERSION}"


def ensure_keycloak() -> Path:
    """The Keycloak home, unpacked and built once per machine; never modified afterwards.

    Unpacking and ``kc.sh build`` happen in a temporary directory that is renamed into
    place at the end, so a killed run never leaves a half-made copy, and two sessions
    racing on a fresh machine each build their own and one rename wins.
    """
    home = CACHE_DIR / f"keycloak-{KEYCLOAK_VERSION}"
    if (home / _BUILT_MARKER).exists():
        return home
    if home.exists():  # not made by this function (no marker): start over
        shutil.rmtree(home)
    archive = _fetch_dist()
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE_DIR, prefix=".unpack-") as tmp:
        fresh = _unpack(archive, Path(tmp))
        # Build-time options, fixed once: every start is then ``start --optimized``, which
        # never re-augments (rewrites lib/) under another session's running server.
        log = Path(tmp) / "build.log"
        with log.open("wb") as out:
            built = subprocess.run(
                [
                    str(fresh / "bin" / "kc.sh"),
                    "build",
                    "--db=dev-file",
                    "--health-enabled=false",
                    "--metrics-enabled=false",
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=_keycloak_env(),
                timeout=600,
                check=False,
            )
        if built.returncode != 0:
            pytest.fail(f"kc.sh build failed ({built.returncode}):\n{_tail(log)}")
        (fresh / _BUILT_MARKER).write_text(f"{KEYCLOAK_VERSION}\n", encoding="utf-8")
        try:
            fresh.rename(home)
        except OSError:
            if not (home / _BUILT_MARKER).exists():  # lost a race only if the winner finished
                raise
    return home


def _keycloak_env(**extra: str) -> dict[str, str]:
    """The caller's environment without anything that would reconfigure Keycloak or its JVM."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("KC_", "KEYCLOAK_", "QUARKUS_"))
        and k not in {"JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTS_KC_HEAP"}
    }
    env["JAVA_OPTS_KC_HEAP"] = "-Xms64m -Xmx768m"
    env.update(extra)
    return env


@dataclass
class Keycloak:
    """One Keycloak serving realm ``askonce``; ``stop()``/``start()`` keep its database."""

    base_url: str  # http://127.0.0.1:PORT
    work_dir: Path | None = None  # database, import and log; None for an external instance
    realm: str = REALM
    client_id: str = CLIENT_ID
    users: dict[str, TestUser] = field(default_factory=lambda: dict(USERS))
    admin_username: str = "admin"  # master-realm admin, for the helpers below
    admin_password: str = field(default_factory=lambda: secrets.token_urlsafe(18), repr=False)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    started_in_s: float | None = None  # wall time of the last start(), for reports

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/realms/{self.realm}"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def token_endpoint(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/token"

    @property
    def log_path(self) -> Path:
        return self.work_dir / "keycloak.log" if self.work_dir else Path(os.devnull)

    # --- process ---------------------------------------------------------------------

    def start(self) -> None:
        if self.work_dir is None:
            pytest.fail("this Keycloak is run by someone else (ASKONCE_TEST_OIDC_ISSUER)")
        began = time.monotonic()
        home = ensure_keycloak()
        work = self.work_dir
        import_dir = work / "import"
        import_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REALM_FILE, import_dir / REALM_FILE.name)
        port = httpx.URL(self.base_url).port
        # Not ``start-dev``: that re-augments the shared dist whenever its build differs
        # (and cannot be pre-built). ``start --optimized`` with start-dev's settings
        # spelled out (http, no strict hostname, local cache) behaves the same for us.
        args = [
            str(home / "bin" / "kc.sh"),
            "start",
            "--optimized",
            "--http-enabled=true",
            "--http-host=127.0.0.1",
            f"--http-port={port}",
            "--hostname-strict=false",  # issuer follows the request: http://127.0.0.1:PORT
            "--cache=local",
            # Keycloak's own dev-file URL, moved to this run's directory.
            f"--db-url=jdbc:h2:file:{work / 'db' / 'keycloakdb'}"
            ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=0",
            # What --import-realm does, but from this run's directory instead of the shared
            # dist's data/import (IGNORE_EXISTING: a restart keeps the realm as tests left it).
            f"-Dkeycloak.migration.dir={import_dir}",
            f"-Dquarkus.transaction-manager.object-store.directory={work / 'transaction-logs'}",
        ]
        env = _keycloak_env(
            KC_BOOTSTRAP_ADMIN_USERNAME=self.admin_username,
            KC_BOOTSTRAP_ADMIN_PASSWORD=self.admin_password,
        )
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                args,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                start_new_session=True,  # kc.sh forks java: stop() signals the whole group
            )
        self.wait_ready()
        self.ensure_smart_scopes()
        self.started_in_s = time.monotonic() - began

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        assert self.process is not None
        with httpx.Client(timeout=5.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    pytest.fail(
                        f"Keycloak exited ({self.process.returncode}); {self.log_path}:\n"
                        + _tail(self.log_path)
                    )
                try:
                    if client.get(self.discovery_url).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.5)  # polling a starting JVM; bounded by the deadline
        pytest.fail(
            f"Keycloak did not serve {self.discovery_url} within {START_TIMEOUT_S:.0f} s; "
            f"{self.log_path}:\n{_tail(self.log_path)}"
        )

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()  # kc.sh forwards SIGTERM to java and waits: a clean shutdown
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # kc.sh and java: the group we started
            process.wait(timeout=30)

    # --- admin helpers (master-realm admin over the admin REST API) ------------------

    def admin_token(self) -> str:
        """A short-lived (60 s) access token of the master-realm admin."""
        with httpx.Client(timeout=30.0) as client:
            response = client.post(
                f"{self.base_url}/realms/master/protocol/openid-connect/token",
                data={
                    "grant_type": "password",
                    "client_id": "admin-cli",
                    "username": self.admin_username,
                    "password": self.admin_password,
                },
            )
        response.raise_for_status()
        return str(response.json()["access_token"])

    def admin(
        self, method: str, path: str, *, json: Any = None, params: dict[str, str] | None = None
    ) -> httpx.Response:
        """Call ``/admin/realms/<realm><path>``; raises on an error status."""
        with httpx.Client(
            timeout=30.0, headers={"Authorization": f"Bearer {self.admin_token()}"}
        ) as client:
            response = client.request(
                method,
                f"{self.base_url}/admin/realms/{self.realm}{path}",
                json=json,
                params=params,
            )
        response.raise_for_status()
        return response

    def ensure_smart_scopes(self, scopes: tuple[str, ...] = SMART_SCOPES) -> None:
        """Each SMART scope as a client scope of the realm (in the access token's ``scope``
        claim) and an optional client scope of our client; those already there are kept."""
        existing = {s["name"]: s["id"] for s in self.admin("GET", "/client-scopes").json()}
        clients = self.admin("GET", "/clients", params={"clientId": self.client_id}).json()
        client = clients[0]["id"]
        optional = {
            s["name"] for s in self.admin("GET", f"/clients/{client}/optional-client-scopes").json()
        }
        for scope in scopes:
            if scope not in existing:
                created = self.admin(
                    "POST",
                    "/client-scopes",
                    json={
                        "name": scope,
                        "protocol": "openid-connect",
                        "attributes": {
                            "include.in.token.scope": "true",
                            "display.on.consent.screen": "false",
                        },
                    },
                )
                existing[scope] = created.headers["Location"].rstrip("/").rsplit("/", 1)[1]
            if scope not in optional:
                self.admin("PUT", f"/clients/{client}/optional-client-scopes/{existing[scope]}")

    def user_id(self, username: str) -> str:
        found = self.admin("GET", "/users", params={"username": username, "exact": "true"}).json()
        if len(found) != 1:
            raise LookupError(f"no single user {username!r} in realm {self.realm}: {found}")
        return str(found[0]["id"])

    def user_sessions(self, username: str) -> list[dict[str, Any]]:
        """The user's active SSO sessions (each with ``clients``, ``start``, ``lastAccess``)."""
        sessions: list[dict[str, Any]] = self.admin(
            "GET", f"/users/{self.user_id(username)}/sessions"
        ).json()
        return sessions

    def logout_user(self, username: str) -> None:
        """End every session of the user: their refresh tokens then get ``invalid_grant``
        and their access tokens are refused by userinfo (as an admin "Sign out" does)."""
        self.admin("POST", f"/users/{self.user_id(username)}/logout")

    def set_user_enabled(self, username: str, enabled: bool) -> None:
        """Disable (or re-enable) an account, e.g. staff who have left."""
        path = f"/users/{self.user_id(username)}"
        user = self.admin("GET", path).json()  # PUT the whole user: the profile validates it
        self.admin("PUT", path, json={**user, "enabled": enabled})

    def set_access_token_lifespan(self, seconds: int) -> int:
        """Set the realm's access-token lifespan; returns the previous value."""
        previous = int(self.admin("GET", "").json()["accessTokenLifespan"])
        self.admin("PUT", "", json={"accessTokenLifespan": seconds})
        return previous

    @contextmanager
    def access_token_lifespan(self, seconds: int) -> Iterator[None]:
        """Tokens issued inside the block live ``seconds``; the realm is restored after."""
        previous = self.set_access_token_lifespan(seconds)
        try:
            yield
        finally:
            self.set_access_token_lifespan(previous)


def _external(issuer: str) -> Keycloak:
    base_url, sep, realm = issuer.rstrip("/").rpartition("/realms/")
    if not sep or not realm:
        pytest.fail(f"ASKONCE_TEST_OIDC_ISSUER is not http://HOST:PORT/realms/NAME: {issuer}")
    return Keycloak(
        base_url=base_url,
        realm=realm,
        admin_username=os.environ.get("ASKONCE_TEST_OIDC_ADMIN_USER", "admin"),
        admin_password=os.environ.get("ASKONCE_TEST_OIDC_ADMIN_PASSWORD", ""),
    )


@pytest.fixture(scope="session")
def keycloak(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Keycloak]:
    """The session's identity provider. Tests keep apart by signing in with fresh
    browsers; a test that changes realm settings restores them."""
    issuer = os.environ.get("ASKONCE_TEST_OIDC_ISSUER")
    if issuer:
        external = _external(issuer)
        external.ensure_smart_scopes()
        yield external
        return
    server = Keycloak(
        base_url=f"http://127.0.0.1:{_free_port()}",
        work_dir=tmp_path_factory.mktemp("keycloak"),
    )
    try:
        server.start()
        yield server
    finally:
        server.stop()
