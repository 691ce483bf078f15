"""The OS keystore, through ``keyring``, failing closed.

Only real OS backends are accepted (Secret Service, macOS Keychain, Windows
Credential Manager). keyring's "fail" backend, any plaintext or chained
fallback, or a locked keystore raise a ``KeystoreUnavailableError``: we never
fall back to a file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from app.errors import KeystoreLockedError, KeystoreUnavailableError

if TYPE_CHECKING:  # keyring loads when a cache is first unlocked, not with the first window
    import keyring.backend

SERVICE_NAME = "AskOnce"

# Backends we trust to keep a secret outside plain files.
_TRUSTED_BACKENDS = (
    "keyring.backends.SecretService.Keyring",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",
)

_NO_KEYSTORE_HINT = (
    "Ask IT to check that the workstation's keystore (Secret Service / Keychain / "
    "Credential Manager) is running."
)


class Keystore(Protocol):
    def get_secret(self, name: str) -> str | None: ...

    def set_secret(self, name: str, value: str) -> None: ...

    def delete_secret(self, name: str) -> None: ...


class OsKeystore:
    """The OS keystore via ``keyring``; every failure becomes a typed error."""

    def __init__(self, service: str = SERVICE_NAME) -> None:
        self._service = service

    @staticmethod
    def backend() -> keyring.backend.KeyringBackend:
        import keyring
        import keyring.errors

        try:
            backend = keyring.get_keyring()
        except keyring.errors.KeyringError as exc:
            raise KeystoreUnavailableError(
                "The workstation's keystore cannot be reached.", hint=_NO_KEYSTORE_HINT
            ) from exc
        name = f"{type(backend).__module__}.{type(backend).__qualname__}"
        if name not in _TRUSTED_BACKENDS:
            raise KeystoreUnavailableError(
                "No secure keystore is available (found {backend}).",
                hint=_NO_KEYSTORE_HINT,
                backend=type(backend).__name__,
            )
        return backend

    def get_secret(self, name: str) -> str | None:
        with _typed_errors():
            return self.backend().get_password(self._service, name)

    def set_secret(self, name: str, value: str) -> None:
        with _typed_errors():
            self.backend().set_password(self._service, name, value)

    def delete_secret(self, name: str) -> None:
        import keyring.errors

        with _typed_errors():
            try:
                self.backend().delete_password(self._service, name)
            except keyring.errors.PasswordDeleteError:
                return  # already gone


@contextlib.contextmanager
def _typed_errors() -> Iterator[None]:
    """keyring's errors as ours: locked, or unavailable (never a silent fallback)."""
    import keyring.errors

    try:
        yield
    except keyring.errors.KeyringLocked as exc:
        raise KeystoreLockedError(
            "The workstation's keystore is locked.",
            hint="Unlock your desktop session's keyring, then try again.",
        ) from exc
    except keyring.errors.KeyringError as exc:
        raise KeystoreUnavailableError(
            "The workstation's keystore failed.", hint=_NO_KEYSTORE_HINT
        ) from exc
