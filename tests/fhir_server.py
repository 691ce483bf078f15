"""A real FHIR R4 server for integration and fault tests: HAPI FHIR JPA on loopback.

The server is built once from Maven Central (tests/integration/hapi_server, cached in
~/.m2 and target/) and started once per test session. Tests that restart the server
get their own instance with a file database (see ``hapi_factory``). ``hapi_smart`` is a
second one with SMART on FHIR authorization on: it accepts only access tokens of the test
Keycloak, with the scopes each request needs (``auth_issuer``). ``hapi_push`` is a third
with R4 websocket Subscriptions on (``subscriptions``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.identity_server import Keycloak

SERVER_DIR = Path(__file__).parent / "integration" / "hapi_server"
JAR = SERVER_DIR / "target" / "hapi-test-server.jar"
START_TIMEOUT_S = 240.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_server() -> Path:
    if JAR.exists():
        return JAR
    mvn = shutil.which("mvn")
    if mvn is None:
        pytest.fail("Maven is needed to build the test FHIR server: run the README's test command")
    subprocess.run(
        [mvn, "-q", "-B", "-f", str(SERVER_DIR / "pom.xml"), "package", "-DskipTests"],
        check=True,
        timeout=1800,
    )
    return JAR


@dataclass
class HapiServer:
    """One running HAPI process; ``stop()`` and ``start()`` for restart scenarios."""

    port: int
    log_path: Path
    jdbc_url: str | None = None
    auth_issuer: str | None = None
    """SMART authorization on: every request (but metadata) needs a token of this issuer."""
    subscriptions: bool = False
    """R4 websocket Subscriptions on (``ws://127.0.0.1:<port>/websocket``)."""
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/fhir"

    def start(self) -> None:
        java = shutil.which("java")
        if java is None:
            pytest.fail("Java 17 is needed for the test FHIR server")
        props = ["-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]
        if self.jdbc_url:
            props.append(f"-Dhapi.jdbc.url={self.jdbc_url}")
        if self.auth_issuer:
            props.append(f"-Dhapi.auth.issuer={self.auth_issuer}")
        if self.subscriptions:
            props.append("-Dhapi.subscriptions.websocket=true")
        log = self.log_path.open("ab")
        try:
            self.process = subprocess.Popen(
                [java, *props, "-jar", str(build_server()), str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        finally:
            log.close()
        self.wait_ready()

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        assert self.process is not None
        with httpx.Client(timeout=5.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    pytest.fail(f"the FHIR server exited; see {self.log_path}")
                try:
                    if client.get(f"{self.base_url}/metadata").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.5)  # polling a starting JVM; bounded by the deadline
        pytest.fail(f"the FHIR server did not start within {START_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
        self.process = None


@pytest.fixture(scope="session")
def hapi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HapiServer]:
    """The shared server. Tests keep apart by using their own patients and practitioners."""
    external = os.environ.get("ASKONCE_TEST_FHIR_URL")
    if external:
        # A second FHIR R4 server (not HAPI) can be pointed at the same tests.
        yield _External(external)
        return
    server = HapiServer(_free_port(), tmp_path_factory.mktemp("hapi") / "hapi.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hapi_smart(
    tmp_path_factory: pytest.TempPathFactory, keycloak: Keycloak
) -> Iterator[HapiServer]:
    """A server of its own that enforces SMART scopes on tokens of the session's Keycloak."""
    server = HapiServer(
        _free_port(),
        tmp_path_factory.mktemp("hapi-smart") / "hapi.log",
        auth_issuer=keycloak.issuer,
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hapi_push(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HapiServer]:
    """A server of its own with R4 websocket Subscriptions on (the push channel's tests);
    the shared one keeps them off, as the benchmarks measure it."""
    server = HapiServer(
        _free_port(), tmp_path_factory.mktemp("hapi-push") / "hapi.log", subscriptions=True
    )
    server.start()
    yield server
    server.stop()


class _External(HapiServer):
    def __init__(self, url: str) -> None:
        super().__init__(port=0, log_path=Path(os.devnull))
        self._url = url.rstrip("/")

    @property
    def base_url(self) -> str:
        return self._url

    def start(self) -> None:
        pytest.fail("restart scenarios need the HAPI server started by the tests")

    def stop(self) -> None:
        return
