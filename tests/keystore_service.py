"""A real, private Secret Service for the whole suite: ``secret_service``.

``secret_service`` starts a private D-Bus session bus and a gnome-keyring-daemon on it,
with every folder in a session temp dir: the developer's own bus and keyring are never
touched. The bus has no service directories, so nothing is D-Bus-activated behind our
back (not the real keyring, not a password prompter: a prompt fails at once, as if the
user dismissed it). While it runs, ``DBUS_SESSION_BUS_ADDRESS`` points at the private bus,
so subprocesses (``askonce sync``) that inherit the environment use the same keystore.

The fixtures here are registered for every test layer in tests/conftest.py; one service
is started per session. Tests that use it must be marked ``@pytest.mark.keystore``.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import select
import shutil
import subprocess
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.SecretService
import pytest
import secretstorage
from secretstorage.exceptions import SecretStorageException
from secretstorage.util import DBusAddressWrapper, format_secret, open_session

from app.keystore import SERVICE_NAME

KEYRING_PASSWORD = "askonce-test-keyring-password"  # a throwaway keyring of our own
READY_TIMEOUT_S = 10.0
_MISSING_TOOLS = (
    "The keystore tests need a real Secret Service: {missing} not found. Run the tests "
    "with the README's test command, which installs dbus and gnome-keyring."
)
_SERVICE_IFACE = "org.freedesktop.Secret.Service"
_SECRETS_PATH = "/org/freedesktop/secrets"
# gnome-keyring's own interface for unlocking with the password instead of a GUI prompt.
_GNOME_KEYRING_IFACE = "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"

# Addresses of the buses started here (never the developer's own).
_private_buses: set[str] = set()

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={socket_dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class SecretServiceHandle:
    """The private Secret Service: its bus address, its files, and lock/unlock helpers."""

    address: str
    root: Path
    keyrings_dir: Path
    password: str

    def connect(self) -> contextlib.closing[Any]:
        return contextlib.closing(secretstorage.dbus_init())

    def default_collection_path(self, conn: Any) -> str:
        service = DBusAddressWrapper(_SECRETS_PATH, _SERVICE_IFACE, conn)
        (path,) = service.call("ReadAlias", "s", "default")
        return str(path)

    def is_locked(self) -> bool:
        with self.connect() as conn:
            return secretstorage.get_default_collection(conn).is_locked()

    def lock(self) -> None:
        with self.connect() as conn:
            secretstorage.get_default_collection(conn).lock()
        assert self.is_locked()

    def unlock(self) -> None:
        """Unlock the default collection with its password (no prompt needed)."""
        with self.connect() as conn:
            path = self.default_collection_path(conn)
            session = open_session(conn)
            secret = format_secret(session, self.password.encode("utf-8"), "text/plain")
            internal = DBusAddressWrapper(_SECRETS_PATH, _GNOME_KEYRING_IFACE, conn)
            internal.call("UnlockWithMasterPassword", "o(oayays)", path, secret)
        assert not self.is_locked()

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        self.lock()
        try:
            yield
        finally:
            self.unlock()

    def app_items(self) -> dict[str, str]:
        """AskOnce's entries: the keyring user name -> the secret."""
        with self.connect() as conn:
            collection = secretstorage.get_default_collection(conn)
            return {
                item.get_attributes()["username"]: item.get_secret().decode("utf-8")
                for item in collection.search_items({"service": SERVICE_NAME})
            }

    def delete_app_items(self) -> None:
        with self.connect() as conn:
            collection = secretstorage.get_default_collection(conn)
            for item in collection.search_items({"service": SERVICE_NAME}):
                item.delete()

    def collect_leaked_connections(self) -> int:
        """Close D-Bus connections keyring left open; fail on any other leak.

        keyring 25's SecretService backend (``get_preferred_collection``) raises
        ``KeyringLocked`` without closing the D-Bus connection it opened, so every attempt on
        a locked keystore leaks a socket until garbage collection. Collect them here, where
        we expect them, instead of in whatever test the collector happens to run next.
        Drop every reference to the caught exceptions first (their tracebacks hold it).
        """
        with warnings.catch_warnings(record=True) as leaks:
            warnings.simplefilter("always", ResourceWarning)
            gc.collect()
        ours = [w for w in leaks if str(self.root) in str(w.message)]
        others = [str(w.message) for w in leaks if w not in ours]
        assert others == [], f"unexpected leaks: {others}"
        return len(ours)

    def state(self) -> tuple[dict[str, str], dict[Path, str]]:
        """What the keystore holds for AskOnce, plus the digest of its files on disk."""
        assert self.keyrings_dir.is_dir(), "gnome-keyring keeps its files elsewhere"
        return self.app_items(), tree_digest(self.keyrings_dir)


def is_private_bus(address: str | None) -> bool:
    """Whether ``address`` is a bus started here (never the developer's own)."""
    return address is not None and address in _private_buses


def tree_digest(*roots: Path) -> dict[Path, str]:
    """SHA-256 of every regular file under ``roots`` (byte-for-byte comparisons)."""
    digests: dict[Path, str] = {}
    for root in roots:
        for path in sorted(root.rglob("*")) if root.exists() else ():
            if path.is_file() and not path.is_symlink():
                digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


@pytest.fixture(autouse=True)
def _keystore_marker_required(request: pytest.FixtureRequest) -> None:
    if (
        "secret_service" in request.fixturenames
        and request.node.get_closest_marker("keystore") is None
    ):
        pytest.fail("tests using secret_service must be marked @pytest.mark.keystore")


def _fail_with_log(message: str, log_file: Path) -> None:
    log = log_file.read_text(errors="replace") if log_file.exists() else ""
    pytest.fail(f"{message}\n--- daemon log ---\n{log[-4000:]}")


def _read_address(bus: subprocess.Popen[str], log_file: Path) -> str:
    assert bus.stdout is not None
    ready, _, _ = select.select([bus.stdout], [], [], READY_TIMEOUT_S)
    line = bus.stdout.readline().strip() if ready else ""
    if not line.startswith("unix:"):
        _fail_with_log("dbus-daemon did not print its address", log_file)
    return line


def _wait_until_ready(gkd: subprocess.Popen[str], log_file: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    problem = "no answer yet"
    while time.monotonic() < deadline:
        if gkd.poll() is not None:
            _fail_with_log(f"gnome-keyring-daemon exited with {gkd.returncode}", log_file)
        try:
            with contextlib.closing(secretstorage.dbus_init()) as conn:
                if secretstorage.check_service_availability(conn):
                    collection = secretstorage.get_default_collection(conn)
                    if not collection.is_locked():
                        return
                    problem = "the default collection is locked"
        except SecretStorageException as exc:
            problem = f"{type(exc).__name__}: {exc}"
        time.sleep(0.05)
    _fail_with_log(f"the Secret Service did not become ready: {problem}", log_file)


def _stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def _stop_all(processes: list[subprocess.Popen[str]]) -> None:
    for proc in reversed(processes):
        _stop(proc)


@pytest.fixture(scope="session")
def secret_service() -> Iterator[SecretServiceHandle]:
    """A real gnome-keyring Secret Service on a private bus, set as keyring's backend."""
    missing = [t for t in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(t) is None]
    if missing:
        pytest.fail(_MISSING_TOOLS.format(missing=" and ".join(missing)))
    # A short path: the bus socket and gnome-keyring's control socket live under it.
    root = Path(tempfile.mkdtemp(prefix="askonce-ss-"))
    runtime = root / "run"
    runtime.mkdir(mode=0o700)
    config = root / "bus.conf"
    config.write_text(_BUS_CONFIG.format(socket_dir=root), encoding="utf-8")
    log_file = root / "daemons.log"
    env = {
        **os.environ,
        "HOME": str(root),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    processes: list[subprocess.Popen[str]] = []
    with contextlib.ExitStack() as stack, open(log_file, "w", encoding="utf-8") as log:
        stack.callback(shutil.rmtree, root, ignore_errors=True)
        stack.callback(_stop_all, processes)
        bus = subprocess.Popen(
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
            text=True,
        )
        processes.append(bus)
        address = _read_address(bus, log_file)
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        _private_buses.add(address)
        stack.callback(_private_buses.discard, address)
        gkd = subprocess.Popen(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground"],
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=log,
            env=env,
            text=True,
        )
        processes.append(gkd)
        assert gkd.stdin is not None
        gkd.stdin.write(KEYRING_PASSWORD)
        gkd.stdin.close()

        session_env = stack.enter_context(pytest.MonkeyPatch.context())
        session_env.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        _wait_until_ready(gkd, log_file)
        with pytest.MonkeyPatch.context() as sandbox:
            # keyring reads its config from the home folder when it first picks a backend:
            # let it look only at ours.
            for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
                sandbox.setenv(name, env[name])
            sandbox.delenv("PYTHON_KEYRING_BACKEND", raising=False)
            previous = keyring.get_keyring()
        keyring.set_keyring(keyring.backends.SecretService.Keyring())
        stack.callback(keyring.set_keyring, previous)
        yield SecretServiceHandle(
            address=address,
            root=root,
            keyrings_dir=root / "data" / "keyrings",
            password=KEYRING_PASSWORD,
        )


@pytest.fixture
def keystore_clean(secret_service: SecretServiceHandle) -> Iterator[SecretServiceHandle]:
    """The private Secret Service, unlocked and without AskOnce entries, before and after."""
    if secret_service.is_locked():
        secret_service.unlock()
    secret_service.delete_app_items()
    yield secret_service
    if secret_service.is_locked():
        secret_service.unlock()
    secret_service.delete_app_items()
