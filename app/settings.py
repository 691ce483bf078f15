"""Typed settings in layers: built-in defaults < machine policy (IT) < user preferences.

Declared once (qutebrowser's configdata habit): every option has a type, a
default and a description. Policy values win over user values and are
reported as locked so the settings dialog can show them greyed out.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl
from pydantic import ValidationError as PydanticValidationError

from app.errors import KnownError

log = logging.getLogger(__name__)

Appearance = Literal["system", "light", "dark", "high-contrast"]
APPEARANCES: tuple[Appearance, ...] = ("system", "light", "dark", "high-contrast")


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fhir_server_url: HttpUrl | None = Field(
        default=None, description="Base URL of the hospital's FHIR R4 server."
    )
    oidc_issuer: HttpUrl | None = Field(
        default=None, description="OpenID Connect issuer (identity provider) URL."
    )
    oidc_client_id: str = Field(default="askonce", description="Public OIDC client id.")
    ca_bundle: Path | None = Field(
        default=None, description="Extra CA bundle for the hospital's TLS certificates."
    )
    http_proxy: str | None = Field(
        default=None,
        description="HTTP(S) proxy for the FHIR server and the identity provider, e.g. "
        "http://proxy.hospital.example:3128 (empty: connect directly).",
    )
    idle_lock_seconds: int = Field(default=300, ge=30, description="Lock after inactivity.")
    retention_days: int = Field(
        default=7, ge=0, description="Days to keep patients who left the assignment."
    )
    pin_min_length: int = Field(default=6, ge=4, description="Minimum offline PIN length.")
    pin_max_attempts: int = Field(
        default=5,
        ge=3,
        le=20,
        description="Wrong PINs in a row before offline unlock is blocked (online sign-in "
        "restores it).",
    )
    oidc_user_claim: str = Field(
        default="fhirUser", description="ID-token claim naming the user's Practitioner."
    )
    oidc_role_claim: str = Field(
        default="askonce_role", description="ID-token claim with the role (nurse/coordinator)."
    )
    break_glass_minutes: int = Field(
        default=60, ge=5, le=720, description="How long emergency access to a patient lasts."
    )
    max_cached_users: int = Field(default=8, ge=1, description="Per-user caches kept here.")
    sync_interval_seconds: int = Field(default=120, ge=15, description="Background sync.")
    language: str = Field(default="", description="UI language (empty: the system's).")
    appearance: Appearance = Field(
        default="system",
        description="Colours: follow the system, light, dark, or high contrast.",
    )
    catalog_file: Path | None = Field(
        default=None,
        description="A hospital's own question catalog (FHIR Questionnaire JSON) instead of "
        "the built-in one.",
    )
    discharge_checklist_file: Path | None = Field(
        default=None,
        description="A hospital's own discharge checklist (FHIR PlanDefinition JSON) instead of "
        "the built-in one.",
    )

    def missing_for_sign_in(self) -> list[str]:
        """What IT still has to configure before anyone can sign in."""
        missing = []
        if self.fhir_server_url is None:
            missing.append("FHIR server (fhir_server_url)")
        if self.oidc_issuer is None:
            missing.append("identity provider (oidc_issuer)")
        return missing


class LayeredSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    effective: Settings
    locked: frozenset[str]
    """Names of options set by the machine policy (the user cannot change them)."""


class SettingsError(KnownError):
    """The policy or preferences file is unreadable or has a wrong value."""


def _read_layer(path: Path, what: str) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"The {what} {path} cannot be read ({exc}).") from exc
    if not isinstance(data, dict):
        raise SettingsError(f"The {what} {path} must hold a JSON object.")
    unknown = set(data) - set(Settings.model_fields)
    if unknown:
        raise SettingsError(f"The {what} {path} has unknown options: {', '.join(sorted(unknown))}.")
    return data


def _check_layer(values: dict[str, Any], path: Path, what: str, hint: str) -> None:
    try:
        Settings.model_validate(values)
    except PydanticValidationError as exc:
        fields = ", ".join(str(e["loc"][0]) for e in exc.errors() if e["loc"])
        raise SettingsError(
            f"The {what} {path} has invalid value(s) for: {fields}.", hint=hint
        ) from exc


def load_settings(policy_file: Path, user_file: Path | None) -> LayeredSettings:
    policy = _read_layer(policy_file, "policy file")
    _check_layer(policy, policy_file, "policy file", "Ask IT to correct it.")
    user: dict[str, Any] = {}
    if user_file is not None:
        user = _read_layer(user_file, "preferences file")
        # A user value the policy overrides does not matter, even when it is wrong.
        user = {k: v for k, v in user.items() if k not in policy}
        _check_layer(user, user_file, "preferences file", "Correct or delete that file.")
    effective = Settings.model_validate({**user, **policy})
    return LayeredSettings(effective=effective, locked=frozenset(policy))


def save_preference(user_file: Path, name: str, value: Any) -> None:
    """Set one of the user's own preferences, checked as on reading, written atomically.

    A preference the machine policy sets is IT's to change: the caller offers it only
    when not locked (``LayeredSettings.locked``).
    """
    values = _read_layer(user_file, "preferences file")
    values[name] = value
    _check_layer(values, user_file, "preferences file", "Correct or delete that file.")
    partial = user_file.with_name(user_file.name + ".new")
    try:
        user_file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(values, indent=2) + "\n", encoding="utf-8")
        os.replace(partial, user_file)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise SettingsError(
            f"The preferences file {user_file} cannot be written ({exc.strerror}).",
            hint="Check that the disk is not full.",
        ) from exc
