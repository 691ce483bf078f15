"""Typed settings in layers: built-in defaults < user preferences < machine policy (IT).

Declared once (qutebrowser's configdata habit): every option has a type, a
default and a description; ``option_specs`` describes them for the JSON Schema,
the ADMX templates (``app/policy_templates.py``), the registry and ``askonce policy``.
Policy values win over user values and are reported as locked so the settings
dialog can show them greyed out. The policy comes only from the administrator-owned
places in ``app.paths.machine_policy_sources``; nothing here reads the environment.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import plistlib
import sys
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import AnyUrl, BaseModel, ConfigDict, Field, HttpUrl
from pydantic import ValidationError as PydanticValidationError
from pydantic.fields import FieldInfo

from app.errors import KnownError
from app.paths import PolicySources, machine_policy_sources

log = logging.getLogger(__name__)

Appearance = Literal["system", "light", "dark", "high-contrast"]
APPEARANCES: tuple[Appearance, ...] = ("system", "light", "dark", "high-contrast")
AssignmentSourceName = Literal["care-team", "group", "list", "ward"]
"""Where a user's assignment comes from; ``sync.assignment.AssignmentSource`` has the same."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    fhir_server_url: HttpUrl | None = Field(
        default=None, description="Base URL of the hospital's FHIR R4 server."
    )
    oidc_issuer: HttpUrl | None = Field(
        default=None, description="OpenID Connect issuer (identity provider) URL."
    )
    oidc_client_id: str = Field(default="askonce", description="Public OIDC client id.")
    oidc_scopes: str = Field(
        # SMART on FHIR v2 scopes of exactly what AskOnce reads and writes; the same as
        # sync.smart.DEFAULT_SCOPES (app/ may not import sync/: tests/unit/sync/test_smart.py
        # keeps the two the same).
        default=(
            "user/Patient.rs user/Encounter.rs user/AllergyIntolerance.rs "
            "user/MedicationRequest.rs user/QuestionnaireResponse.crus user/Group.rs "
            "user/List.rs user/PractitionerRole.rs user/Observation.crus "
            "user/MedicationStatement.crus user/RelatedPerson.crus "
            "user/Organization.crus user/CareTeam.crus user/CarePlan.crus user/Task.crus "
            "user/CommunicationRequest.crus user/AuditEvent.cu user/Subscription.crd"
        ),
        description="Scopes to ask for at sign-in, space-separated, beyond openid and "
        "profile. The default is the SMART on FHIR v2 scopes of what AskOnce reads and writes; "
        "scopes the identity provider does not offer are left out. Empty: none (a FHIR server "
        "that does not use SMART scopes).",
    )
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
    assignment_source: AssignmentSourceName = Field(
        default="care-team",
        description="Where a user's assignment (the patients synchronized to this PC) comes "
        "from on the FHIR server: care-team = the active CareTeams naming the user as a "
        "participant; group = the members of the actual Groups the user is the managing "
        "entity of (not inactive, membership period now); list = the entries of the current "
        "Lists whose source is the user (not deleted); ward = the patients whose "
        "in-progress Encounter is at a Location of the user's active PractitionerRoles.",
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
    origins: dict[str, str] = Field(default_factory=dict)
    """Where each option not at its default came from: ``policy file PATH``,
    ``registry HKLM\\...``, ``managed preferences PATH`` or ``preferences file PATH``."""

    def origin(self, name: str) -> str:
        return self.origins.get(name, DEFAULT_ORIGIN)


DEFAULT_ORIGIN = "default"


class SettingsError(KnownError):
    """The policy or preferences file is unreadable or has a wrong value."""


# --- the declaration, described for templates, the registry and the CLI ----------------

OptionKind = Literal["text", "integer", "boolean", "enum"]


@dataclass(frozen=True)
class OptionSpec:
    """One option of ``Settings`` as IT's tools see it (JSON Schema, ADMX, registry)."""

    name: str
    kind: OptionKind
    description: str
    default: str | int | bool | None
    optional: bool
    """``None`` (unset) is allowed; an empty registry string means unset."""
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    format: Literal["url", "path", ""] = ""
    secret: bool = False
    """Never shown or exported (``policy show``, diagnostics): declare with
    ``json_schema_extra={"secret": True}``."""


def option_specs() -> list[OptionSpec]:
    """Every option of ``Settings``, in declaration order."""
    return [_spec(name, field) for name, field in Settings.model_fields.items()]


def _spec(name: str, field: FieldInfo) -> OptionSpec:
    annotation: Any = field.annotation
    optional = False
    if get_origin(annotation) in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(members) < len(get_args(annotation))
        if len(members) != 1:
            raise TypeError(f"option {name}: one type (or it and None) only")
        annotation = members[0]
    minimum = maximum = None
    for rule in field.metadata:
        if isinstance(rule, annotated_types.Ge):
            minimum = int(rule.ge)  # type: ignore[call-overload]
        elif isinstance(rule, annotated_types.Le):
            maximum = int(rule.le)  # type: ignore[call-overload]
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    default = field.default
    if default is not None and not isinstance(default, str | int | bool):
        default = str(default)
    common: dict[str, Any] = {
        "name": name,
        "description": field.description or name,
        "default": default,
        "optional": optional,
        "secret": bool(extra.get("secret", False)),
    }
    if get_origin(annotation) is Literal:
        return OptionSpec(kind="enum", choices=tuple(get_args(annotation)), **common)
    if annotation is bool:
        return OptionSpec(kind="boolean", **common)
    if annotation is int:
        return OptionSpec(kind="integer", minimum=minimum, maximum=maximum, **common)
    if isinstance(annotation, type) and issubclass(annotation, AnyUrl):
        return OptionSpec(kind="text", format="url", **common)
    if annotation is Path:
        return OptionSpec(kind="text", format="path", **common)
    if annotation is str:
        return OptionSpec(kind="text", **common)
    raise TypeError(f"option {name}: no policy form for {annotation!r}")


# --- reading the layers ----------------------------------------------------------------

REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_QWORD = 1, 2, 4, 11
RegistryValue = tuple[str, object, int]
"""A registry value as ``winreg.EnumValue`` gives it: name, data, type."""
RegistryReader = Callable[[str], list[RegistryValue]]


def registry_to_policy(values: Iterable[RegistryValue], where: str) -> dict[str, Any]:
    """Registry values (as Group Policy writes them from our ADMX) to policy values.

    Numbers come as REG_DWORD, text and choices as REG_SZ; an empty string means "not set"
    for an option that may be unset. REG_EXPAND_SZ is taken literally: expanding it would
    let a user's own environment variables into the policy.
    """
    specs = {spec.name.lower(): spec for spec in option_specs()}
    policy: dict[str, Any] = {}
    for raw_name, data, kind in values:
        spec = specs.get(raw_name.lower())
        if spec is None:
            raise SettingsError(f"The {where} has an unknown value: {raw_name}.", hint=IT_HINT)
        if spec.kind in ("integer", "boolean"):
            if kind in (REG_DWORD, REG_QWORD) and isinstance(data, int):
                policy[spec.name] = bool(data) if spec.kind == "boolean" else data
                continue
            if kind in (REG_SZ, REG_EXPAND_SZ) and isinstance(data, str):
                policy[spec.name] = data.strip()  # checked (and converted) with the rest
                continue
        elif kind in (REG_SZ, REG_EXPAND_SZ) and isinstance(data, str):
            policy[spec.name] = None if (data == "" and spec.optional) else data
            continue
        raise SettingsError(
            f"The {where} value {raw_name} has the wrong registry type for the option "
            f"{spec.name} ({'REG_DWORD' if spec.kind != 'text' else 'REG_SZ'} expected).",
            hint=IT_HINT,
        )
    return policy


def read_windows_registry(key: str) -> list[RegistryValue]:  # pragma: no cover - Windows
    """The values under ``HKEY_LOCAL_MACHINE\\key`` (64-bit view); none if it is absent."""
    if sys.platform != "win32":
        return []
    import winreg

    try:
        handle = winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE, key, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY
        )
    except FileNotFoundError:
        return []
    values: list[RegistryValue] = []
    with handle:
        index = 0
        while True:
            try:
                name, data, kind = winreg.EnumValue(handle, index)
            except OSError:  # no more values
                return values
            values.append((name, data, kind))
            index += 1


IT_HINT = "Ask IT to correct it."
USER_HINT = "Correct or delete that file."


def _read_layer(path: Path, what: str) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        if path.suffix == ".plist":
            with path.open("rb") as stream:
                data = plistlib.load(stream)
        else:
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, plistlib.InvalidFileException) as exc:
        raise SettingsError(f"The {what} {path} cannot be read ({exc}).") from exc
    if not isinstance(data, dict):
        form = "a dictionary" if path.suffix == ".plist" else "a JSON object"
        raise SettingsError(f"The {what} {path} must hold {form}.")
    _check_names(data, f"{what} {path}")
    return data


def _check_names(values: dict[str, Any], where: str) -> None:
    unknown = set(values) - set(Settings.model_fields)
    if unknown:
        raise SettingsError(f"The {where} has unknown options: {', '.join(sorted(unknown))}.")


PERSONAL = frozenset({"language", "appearance"})
"""The options a user may set for themselves; every other one is IT's (the policy), even
where the policy leaves it at its default: a user must not widen their assignment, weaken
the lock or trust another certificate authority by editing a file of their own."""


def _check_personal(values: dict[str, Any], where: str) -> None:
    not_theirs = sorted(set(values) - PERSONAL)
    if not_theirs:
        raise SettingsError(
            f"The {where} sets options only IT may set (in the machine policy): "
            f"{', '.join(not_theirs)}.",
            hint=USER_HINT,
        )


def _check_layer(values: dict[str, Any], where: str, hint: str) -> None:
    try:
        Settings.model_validate(values)
    except PydanticValidationError as exc:
        # The option and the rule it breaks, never the value (it could be anything).
        fields = "; ".join(f"{e['loc'][0]} ({e['msg']})" for e in exc.errors() if e["loc"])
        raise SettingsError(f"The {where} has invalid value(s) for: {fields}.", hint=hint) from exc


def check_policy_values(values: dict[str, Any], where: str) -> None:
    """``SettingsError`` naming ``where`` and the option unless ``values`` is a valid policy."""
    _check_names(values, where)
    _check_layer(values, where, IT_HINT)


def check_policy_file(path: Path) -> dict[str, Any]:
    """The values of one policy file, checked as on reading; ``SettingsError`` names
    the file and the option otherwise (``askonce policy check``)."""
    if not path.is_file():
        raise SettingsError(f"The policy file {path} does not exist.")
    values = _read_layer(path, "policy file")
    _check_layer(values, f"policy file {path}", IT_HINT)
    return values


def read_policy(
    sources: PolicySources, registry: RegistryReader = read_windows_registry
) -> tuple[dict[str, Any], dict[str, str]]:
    """The machine policy's values and, for each, the source that set it.

    Lowest first: the main file, the drop-ins in lexical order, then the OS's managed
    store (registry or MDM plist); a later source wins. Each source is checked on its
    own, so an error names the one file or key to fix.
    """
    layers: list[tuple[str, dict[str, Any]]] = []
    for path in [sources.file, *_drop_ins(sources.drop_in_dir)]:
        where = f"policy file {path}"
        layers.append((where, _read_layer(path, "policy file")))
    if sources.registry_key is not None:
        where = f"registry HKLM\\{sources.registry_key}"
        layers.append((where, registry_to_policy(registry(sources.registry_key), where)))
    if sources.managed_plist is not None:
        layers.append(
            (
                f"managed preferences {sources.managed_plist}",
                _read_layer(sources.managed_plist, "managed preferences"),
            )
        )
    policy: dict[str, Any] = {}
    origins: dict[str, str] = {}
    for where, values in layers:
        _check_layer(values, where, IT_HINT)
        policy.update(values)
        origins.update(dict.fromkeys(values, where))
    return policy, origins


def _drop_ins(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.json") if p.is_file())
    except OSError as exc:
        raise SettingsError(f"The policy folder {folder} cannot be read ({exc}).") from exc


def _as_sources(policy: Path | PolicySources) -> PolicySources:
    if isinstance(policy, PolicySources):
        return policy
    machine = machine_policy_sources()
    # The machine's own policy file brings its drop-ins and the OS's managed store along.
    return machine if policy == machine.file else PolicySources.for_file(policy)


def load_settings(
    policy: Path | PolicySources,
    user_file: Path | None,
    *,
    registry: RegistryReader = read_windows_registry,
) -> LayeredSettings:
    """Defaults < the user's preferences < the machine policy (locked).

    ``policy`` is the machine's sources, or one policy file (with the ``policy.d``
    drop-ins beside it). Nothing here reads an environment variable.
    """
    values, origins = read_policy(_as_sources(policy), registry)
    user: dict[str, Any] = {}
    if user_file is not None:
        user = _read_layer(user_file, "preferences file")
        # A user value the policy overrides does not matter, even when it is wrong.
        user = {k: v for k, v in user.items() if k not in values}
        _check_personal(user, f"preferences file {user_file}")
        _check_layer(user, f"preferences file {user_file}", USER_HINT)
    effective = Settings.model_validate({**user, **values})
    user_origins = dict.fromkeys(user, f"preferences file {user_file}")
    return LayeredSettings(
        effective=effective, locked=frozenset(values), origins={**user_origins, **origins}
    )


# --- writing ---------------------------------------------------------------------------


def write_json_atomically(path: Path, values: dict[str, Any], *, mode: int = 0o644) -> None:
    """Write ``values`` to ``path`` whole or not at all (a temporary file, then a rename).

    Raises ``OSError`` (``PermissionError`` when the folder is not the caller's to write).
    """
    partial = path.with_name(path.name + ".new")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(values, indent=2) + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def save_preference(user_file: Path, name: str, value: Any) -> None:
    """Set one of the user's own preferences, checked as on reading, written atomically.

    A preference the machine policy sets is IT's to change: the caller offers it only
    when not locked (``LayeredSettings.locked``).
    """
    values = _read_layer(user_file, "preferences file")
    values[name] = value
    _check_personal(values, f"preferences file {user_file}")
    _check_layer(values, f"preferences file {user_file}", USER_HINT)
    try:
        write_json_atomically(user_file, values, mode=0o600)
    except OSError as exc:
        raise SettingsError(
            f"The preferences file {user_file} cannot be written ({exc.strerror}).",
            hint="Check that the disk is not full.",
        ) from exc
