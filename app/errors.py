"""Error types of the core.

Following qutebrowser's split: a ``KnownError`` is an environment problem the
user can act on (wrong PIN, keystore locked, disk full) and carries a message in
words a nurse understands; a ``BugError`` is our fault and should be reported.
Messages never contain patient data: they name files, ids and counts only.

The core has no Qt, so it cannot translate. A message and its hint are English
templates with ``{name}`` placeholders, filled from the error's ``values``; the
UI shows them in the user's language (``ui/error_text.py``, which lists every
template the core raises — a test keeps the two in step).
"""

from __future__ import annotations


class AskOnceError(Exception):
    """Base of every error the core raises on purpose."""


class KnownError(AskOnceError):
    """Something in the environment went wrong; the message says what to do."""

    def __init__(self, message: str, *, hint: str = "", **values: object) -> None:
        self.template = message
        self.hint_template = hint
        self.values = values
        self.message = message.format(**values) if values else message
        self.hint = hint.format(**values) if values else hint
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class BugError(AskOnceError):
    """An invariant of ours was broken. Report it; it is not the user's fault."""


class CatalogError(KnownError):
    """The question catalog file is missing or malformed."""


class ChecklistError(CatalogError):
    """The discharge checklist file is missing or malformed (a catalog too, so handled alike)."""


class KeystoreUnavailableError(KnownError):
    """No usable OS keystore (Secret Service, Keychain, Credential Manager)."""


class KeystoreLockedError(KeystoreUnavailableError):
    """The OS keystore exists but is locked."""


class WrongPinError(KnownError):
    """The PIN/passphrase does not unwrap the cache key."""


class LockedOutError(WrongPinError):
    """Too many wrong PINs: offline unlock is blocked until the user signs in online."""


class PinThrottledError(WrongPinError):
    """Wrong PINs in a row: the next try must wait."""

    def __init__(
        self, message: str, *, wait_seconds: float, hint: str = "", **values: object
    ) -> None:
        super().__init__(message, hint=hint, **values)
        self.wait_seconds = wait_seconds


class CacheKeyError(KnownError):
    """The cache cannot be opened with the key we have (wrong key or damaged key file)."""


class StoreError(KnownError):
    """The local cache failed for an environmental reason."""


class DiskFullError(StoreError):
    """The disk holding the cache is full; nothing was saved."""


class StoreCorruptError(StoreError):
    """The cache file is damaged."""


class StoreBusyError(StoreError):
    """Another AskOnce process holds the cache."""


class SchemaTooNewError(StoreError):
    """The cache was written by a newer AskOnce."""


class ValidationError(KnownError):
    """Input from the user does not fit (e.g. empty required answer)."""
