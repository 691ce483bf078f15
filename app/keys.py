"""Cache keys (DESIGN.md §4).

Each user's cache is encrypted with a random 256-bit raw SQLCipher key. That
key exists on disk only wrapped (AES-256-GCM) by a key-encryption key derived
from *both* the user's offline PIN/passphrase (Argon2id, memory-hard) and a
per-user device secret held in the OS keystore. Stealing the disk alone, or
the keystore alone, or shoulder-surfing the PIN alone, opens nothing.

Fail closed: no keystore, a locked keystore, a wrong PIN or a damaged key file
raise a ``KnownError`` before any database is opened.

Too many wrong PINs drop the PIN-wrapped copy of the key ("locked out"). The
cache is kept: a second copy is wrapped under an escrow key (HKDF of a second
keystore secret and the device secret) that the app only uses after the same
user signed in online again, then wraps the key under the new PIN. The escrow
secret sits in the workstation keystore, so this gate is the app's; see
DESIGN.md §6 for what it does and does not protect against.
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

from app.errors import CacheKeyError, LockedOutError, WrongPinError
from app.keystore import Keystore

KEY_BYTES = 32
KEYFILE_FORMAT = 1
_DEVICE_SECRET_PREFIX = "device-secret:"  # noqa: S105 -- a keystore entry name
_ESCROW_SECRET_PREFIX = "escrow-secret:"  # noqa: S105 -- a keystore entry name


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
        escrow_secret = secrets.token_bytes(32)
        self._keystore.set_secret(_DEVICE_SECRET_PREFIX + user_id, _b64(device_secret))
        self._keystore.set_secret(_ESCROW_SECRET_PREFIX + user_id, _b64(escrow_secret))
        raw = secrets.token_bytes(KEY_BYTES)
        self._write(keyfile, user_id, pin, raw, device_secret, escrow_secret)
        return DatabaseKey(raw)

    def rewrap(self, keyfile: Path, user_id: str, new_pin: str, key: DatabaseKey) -> None:
        """Wrap the same cache key under a new PIN (after an online sign-in restored access)."""
        device_secret = self._secret(_DEVICE_SECRET_PREFIX, user_id)
        escrow_secret = self._secret(_ESCROW_SECRET_PREFIX, user_id)
        self._write(keyfile, user_id, new_pin, key.raw(), device_secret, escrow_secret)

    def drop_pin_wrap(self, keyfile: Path) -> None:
        """Too many wrong PINs: forget the PIN-wrapped key; only the escrow copy stays."""
        doc = self._read(keyfile)
        doc["wrapped_key"] = None
        doc["locked_out"] = True
        _write_json(keyfile, doc)

    @classmethod
    def is_locked_out(cls, keyfile: Path) -> bool:
        return bool(cls._read(keyfile).get("locked_out"))

    def unwrap_escrow(self, keyfile: Path, user_id: str) -> DatabaseKey:
        """The key via the escrow copy. Callers: only after this user signed in online."""
        doc = self._read(keyfile)
        device_secret = self._secret(_DEVICE_SECRET_PREFIX, user_id)
        escrow_secret = self._secret(_ESCROW_SECRET_PREFIX, user_id)
        try:
            nonce, wrapped = (_unb64(doc[k]) for k in ("escrow_nonce", "escrow_wrapped"))
            raw = AESGCM(_escrow_kek(escrow_secret, device_secret)).decrypt(
                nonce, wrapped, _aad(user_id)
            )
        except (KeyError, ValueError, TypeError, InvalidTag) as exc:
            raise CacheKeyError("The key file {file} is damaged.", file=keyfile.name) from exc
        return DatabaseKey(raw)

    def forget(self, user_id: str) -> None:
        """Remove this user's keystore entries (their cache is being deleted)."""
        for prefix in (_DEVICE_SECRET_PREFIX, _ESCROW_SECRET_PREFIX):
            self._keystore.delete_secret(prefix + user_id)

    def _secret(self, prefix: str, user_id: str) -> bytes:
        text = self._keystore.get_secret(prefix + user_id)
        if text is None:
            raise CacheKeyError(
                "This workstation's keystore has no key for this user.",
                hint="Ask IT: the cache cannot be opened on this workstation any more.",
            )
        try:
            return _unb64(text)
        except ValueError as exc:
            raise CacheKeyError("This workstation's keystore entry is damaged.") from exc

    def unwrap(self, keyfile: Path, user_id: str, pin: str) -> DatabaseKey:
        doc = self._read(keyfile)
        if doc.get("locked_out"):
            raise LockedOutError(
                "Too many wrong PINs: offline unlock is blocked.",
                hint="Sign in online to restore access; your data and unsent changes are kept.",
            )
        device_secret = self._secret(_DEVICE_SECRET_PREFIX, user_id)
        try:
            kdf = doc["kdf"]
            if not isinstance(kdf, dict):
                raise TypeError("kdf")
            params = KdfParams(int(kdf["m"]), int(kdf["t"]), int(kdf["p"]))
            salt, nonce, wrapped = (_unb64(doc[k]) for k in ("salt", "nonce", "wrapped_key"))
        except (KeyError, ValueError, TypeError) as exc:
            raise CacheKeyError("The key file {file} is damaged.", file=keyfile.name) from exc
        kek = _derive_kek(pin, salt, device_secret, params)
        try:
            raw = AESGCM(kek).decrypt(nonce, wrapped, _aad(user_id))
        except InvalidTag as exc:
            raise WrongPinError("Wrong PIN.", hint="Check the PIN and try again.") from exc
        return DatabaseKey(raw)

    def _write(
        self,
        keyfile: Path,
        user_id: str,
        pin: str,
        raw: bytes,
        device_secret: bytes,
        escrow_secret: bytes,
    ) -> None:
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        escrow_nonce = secrets.token_bytes(12)
        kek = _derive_kek(pin, salt, device_secret, self._params)
        escrow_kek = _escrow_kek(escrow_secret, device_secret)
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
            "escrow_nonce": _b64(escrow_nonce),
            "escrow_wrapped": _b64(AESGCM(escrow_kek).encrypt(escrow_nonce, raw, _aad(user_id))),
        }
        _write_json(keyfile, doc)

    @staticmethod
    def _read(keyfile: Path) -> dict[str, object]:
        try:
            doc = json.loads(keyfile.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise CacheKeyError("No cache exists for this user on this workstation.") from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CacheKeyError("The key file {file} is damaged.", file=keyfile.name) from exc
        if not isinstance(doc, dict) or doc.get("format") != KEYFILE_FORMAT:
            raise CacheKeyError("The key file {file} has an unknown format.", file=keyfile.name)
        return doc


def _write_json(path: Path, doc: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write-then-rename so a crash never leaves a half key file (which would lock the
    # user out of their own cache).
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _escrow_kek(escrow_secret: bytes, device_secret: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"askonce-escrow-v1").derive(
        escrow_secret + device_secret
    )


def _aad(user_id: str) -> bytes:
    # Binding the user id means a key file copied to another user's folder does not open.
    return b"askonce-dbkey-v1|" + user_id.encode("utf-8")
