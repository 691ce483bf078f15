"""Fixtures for the security tests: file snapshots and switching keyring's backend.

The real, private Secret Service (``secret_service``, ``keystore_clean``) lives in
tests/keystore_service.py and is registered for the whole suite in tests/conftest.py.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from tests.keystore_service import SecretServiceHandle, is_private_bus, tree_digest

# The security tests import these from here.
__all__ = ["SecretServiceHandle", "file_states", "tree_digest", "use_keyring_backend"]


def file_states(*roots: Path) -> dict[Path, tuple[int, int, int]]:
    """(inode, size, mtime) of every regular file under ``roots``, cheap enough for /tmp."""
    states: dict[Path, tuple[int, int, int]] = {}
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for name in files:
                path = Path(dirpath, name)
                try:
                    st = path.lstat()
                except OSError:  # gone in the meantime (another process's temp file)
                    continue
                if stat.S_ISREG(st.st_mode):
                    states[path] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return states


@pytest.fixture
def use_keyring_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Callable[[KeyringBackend], None]]:
    """Switch keyring's backend for one test; the previous one is restored afterwards."""
    if not is_private_bus(os.environ.get("DBUS_SESSION_BUS_ADDRESS")):
        # Never let keyring probe the developer's own session bus when it picks a default.
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    previous = keyring.get_keyring()

    yield keyring.set_keyring
    keyring.set_keyring(previous)
