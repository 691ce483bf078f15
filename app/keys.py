"""Cache keys (DESIGN.md §4).

Each user's cache is encrypted with a random 256-bit raw SQLCipher key. That
key exists on disk only wrapped (AES-256-GCM) by a key-encryption key derived
from *both* the user's offline PIN/passphrase (Argon2id, memory-hard) and a
per-user device secret held in the OS keystore. Stealing the disk alone, or
the keystore alone, or shoulder-surfing the PIN alone, opens nothing.

Fail closed: no keystore, a locked keystore, a wrong PIN or a damaged key file
raise a ``KnownError`` before any database is opened.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import CacheKeyError, WrongPinError
from app.keystore import Keystore

KEY_BYTES = 32
KEYFILE_FORMAT = 1
_DEVICE_SECRET_PREFIX = "device-secret:"  # noqa: S105 -- a keystore entry name


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Defaults follow RFC 9106's second recommended option (64 MiB)."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def for_tests(cls) -> KdfParams:
        """Cheap parameters so unit tests stay fast; never used by the app."""
        return cls(memory_kib=8 * 1024, iterations=1, lanes=1)


class DatabaseKey:
    """A raw SQLCipher key held in memory; ``wipe()`` drops it on lock."""

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise CacheKeyError("The cache key has the wrong length.")
        self._raw: bytearray | None = bytearray(raw)

    @classmethod
    def generate(cls) -> DatabaseKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    def pragma_literal(self) -> str:
        """The value for ``PRAGMA key``: a raw key, no per-open PBKDF2."""
        return f"\"x'{self.raw().hex()}'\""

    def raw(self) -> bytes:
        if self._raw is None:
            raise CacheKeyError("The cache key was dropped (the app is locked).")
        return bytes(self._raw)

    def wipe(self) -> None:
        if self._raw is not None:
            for i in range(len(self._raw)):
                self._raw[i] = 0
            self._raw = None

    def __repr__(self) -> str:  # never print key material
        return "DatabaseKey(<hidden>)"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text, validate=True)


def _derive_kek(pin: str, salt: bytes, device_secret: bytes, params: KdfParams) -> bytes:
    stretched = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(pin.encode("utf-8"))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"askonce-kek-v1").derive(
        stretched + device_secret
    )


class KeyWrapper:
    """Creates, unwraps and re-wraps a user's cache key file."""

    def __init__(self, keystore: Keystore, params: KdfParams | None = None) -> None:
        self._keystore = keystore
        self._params = params or KdfParams()

    def create(self, keyfile: Path, user_id: str, pin: str) -> DatabaseKey:
        """First set-up for a user: new device secret, new DB key, wrapped under the PIN."""
        device_secret = secrets.token_bytes(32)
        self._keystore.set_secret(_DEVICE_SECRET_PREFIX + user_id, _b64(device_secret))
        raw = secrets.token_bytes(KEY_BYTES)
        self._write(keyfile, user_id, pin, raw, device_secret)
        return DatabaseKey(raw)

    def unwrap(self, keyfile: Path, user_id: str, pin: str) -> DatabaseKey:
        doc = self._read(keyfile)
        secret_text = self._keystore.get_secret(_DEVICE_SECRET_PREFIX + user_id)
        if secret_text is None:
            raise CacheKeyError(
                "This workstation's keystore has no key for this user.",
                hint="Sign in online to restore access; the cache is kept.",
            )
        try:
            device_secret = _unb64(secret_text)
            kdf = doc["kdf"]
            if not isinstance(kdf, dict):
                raise TypeError("kdf")
            params = KdfParams(int(kdf["m"]), int(kdf["t"]), int(kdf["p"]))
            salt, nonce, wrapped = (_unb64(doc[k]) for k in ("salt", "nonce", "wrapped_key"))
        except (KeyError, ValueError, TypeError) as exc:
            raise CacheKeyError(f"The key file {keyfile.name} is damaged.") from exc
        kek = _derive_kek(pin, salt, device_secret, params)
        try:
            raw = AESGCM(kek).decrypt(nonce, wrapped, _aad(user_id))
        except InvalidTag as exc:
            raise WrongPinError("Wrong PIN.", hint="Check the PIN and try again.") from exc
        return DatabaseKey(raw)

    def _write(
        self, keyfile: Path, user_id: str, pin: str, raw: bytes, device_secret: bytes
    ) -> None:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = _derive_kek(pin, salt, device_secret, self._params)
        doc = {
            "format": KEYFILE_FORMAT,
            "cipher": "AES-256-GCM",
            "kdf": {
                "name": "argon2id+hkdf-sha256",
                "m": self._params.memory_kib,
                "t": self._params.iterations,
                "p": self._params.lanes,
            },
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped_key": _b64(AESGCM(kek).encrypt(nonce, raw, _aad(user_id))),
        }
        keyfile.parent.mkdir(parents=True, exist_ok=True)
        # Write-then-rename so a crash never leaves a half key file (which would lock the
        # user out of their own cache).
        tmp = keyfile.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(doc, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, keyfile)

    @staticmethod
    def _read(keyfile: Path) -> dict[str, object]:
        try:
            doc = json.loads(keyfile.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise CacheKeyError("No cache exists for this user on this workstation.") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CacheKeyError(f"The key file {keyfile.name} is damaged.") from exc
        if not isinstance(doc, dict) or doc.get("format") != KEYFILE_FORMAT:
            raise CacheKeyError(f"The key file {keyfile.name} has an unknown format.")
        return doc


def _aad(user_id: str) -> bytes:
    # Binding the user id means a key file copied to another user's folder does not open.
    return b"askonce-dbkey-v1|" + user_id.encode("utf-8")
