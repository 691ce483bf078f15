"""Where AskOnce keeps its files, per platform, and where IT's policy comes from.

User data (caches, preferences, logs) lives in the platform's conventional folders
(XDG on Linux, %LOCALAPPDATA% on Windows, ~/Library on macOS); ``ASKONCE_HOME`` puts
them under one folder instead (tests, the demo, roaming set-ups). That is the user's
own business, so an environment variable may move it.

The machine policy is not: it is read only from places only administrators can write
(``machine_policy_sources``), and no environment variable, user file or command-line
option of the installed app can point it elsewhere (a nurse editing a launcher on a
shared ward PC must not be able to swap the FHIR server, the identity provider or the
idle lock):

- Linux: ``/etc/askonce/policy.json`` plus drop-ins ``/etc/askonce/policy.d/*.json``;
- Windows: ``%ProgramData%\\AskOnce\\policy.json`` (plus ``policy.d``) and the registry
  key ``HKLM\\Software\\Policies\\AskOnce`` (Group Policy, the ADMX templates);
- macOS: ``/Library/Application Support/AskOnce/policy.json`` (plus ``policy.d``) and the
  managed preferences ``/Library/Managed Preferences/com.askonce.app.plist`` (MDM).

**The one test-only way around it** is ``ASKONCE_TEST_POLICY_DIR`` (set by the autouse
fixture in ``tests/conftest.py``): a folder holding ``policy.json`` and ``policy.d/``
that replaces all of the above. It is honoured only when ``runs_from_source_checkout()``:
the code is not frozen (PyInstaller sets ``sys.frozen``, and the .deb and the MSI ship
only the frozen app) *and* the ``app`` package sits in a source tree with the
repository's ``pyproject.toml`` and ``tests/conftest.py`` beside it, files that no wheel,
.deb or MSI contains. An environment variable rather than an in-process switch because
the tests start ``python -m app ...`` as real subprocesses. A user of an installed build
who sets it (launcher, shell profile) changes nothing; someone who runs AskOnce from a
source checkout can change its code anyway, so the variable gives them no new power.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

log = logging.getLogger(__name__)

APP_DIR_NAME = "AskOnce"
TEST_POLICY_ENV = "ASKONCE_TEST_POLICY_DIR"
"""Test-only: a folder with ``policy.json`` and ``policy.d/`` (see the module docstring)."""
POLICY_FILE_NAME = "policy.json"
DROP_IN_DIR_NAME = "policy.d"
WINDOWS_POLICY_KEY = r"Software\Policies\AskOnce"
"""Under HKEY_LOCAL_MACHINE; the ADMX templates write here."""
MACOS_MANAGED_PLIST = Path("/Library/Managed Preferences/com.askonce.app.plist")


@dataclass(frozen=True)
class PolicySources:
    """The administrator-owned places the machine policy is read from, lowest first:
    the main file, then the drop-ins in lexical order, then the OS's managed store
    (Group Policy registry key or MDM plist), which wins over files."""

    file: Path
    drop_in_dir: Path
    registry_key: str | None = None
    managed_plist: Path | None = None

    @classmethod
    def for_file(cls, policy_file: Path) -> PolicySources:
        """A policy file and the ``policy.d`` folder beside it, nothing else."""
        return cls(policy_file, policy_file.parent / DROP_IN_DIR_NAME)


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path
    policy_file: Path
    """The main machine policy file (where ``askonce policy set`` writes)."""

    def user_dir(self, user_key: str) -> Path:
        return self.data / "users" / user_key

    def with_data_dir(self, data: Path | None) -> AppPaths:
        """The same paths with the caches somewhere else (``--data-dir``)."""
        return self if data is None else replace(self, data=data)

    @property
    def preferences_file(self) -> Path:
        """The user's own preferences (layered under the policy)."""
        return self.config / "preferences.json"


def runs_from_source_checkout(package_dir: Path | None = None) -> bool:
    """True only for a developer's source tree, never for an installed build."""
    if getattr(sys, "frozen", False):
        return False
    root = (package_dir or Path(__file__).resolve().parent).parent
    return (root / "pyproject.toml").is_file() and (root / "tests" / "conftest.py").is_file()


def machine_policy_sources() -> PolicySources:
    """Where this machine's policy comes from (see the module docstring)."""
    test_dir = os.environ.get(TEST_POLICY_ENV)
    if test_dir:
        if runs_from_source_checkout():
            return PolicySources.for_file(Path(test_dir) / POLICY_FILE_NAME)
        log.warning("%s is ignored outside a source checkout", TEST_POLICY_ENV)
    return system_policy_sources(sys.platform)


def system_policy_sources(platform: str) -> PolicySources:
    """The administrator-owned places on ``platform`` (a ``sys.platform`` value)."""
    if platform == "win32":
        # %ProgramData% is read from the OS's own default, not from a variable a user can
        # set before starting the app.
        base = Path(_windows_program_data()) / APP_DIR_NAME
        return PolicySources(
            base / POLICY_FILE_NAME, base / DROP_IN_DIR_NAME, registry_key=WINDOWS_POLICY_KEY
        )
    if platform == "darwin":
        base = Path("/Library/Application Support") / APP_DIR_NAME
        return PolicySources(
            base / POLICY_FILE_NAME, base / DROP_IN_DIR_NAME, managed_plist=MACOS_MANAGED_PLIST
        )
    base = Path("/etc/askonce")
    return PolicySources(base / POLICY_FILE_NAME, base / DROP_IN_DIR_NAME)


def _windows_program_data() -> str:
    if sys.platform != "win32":  # pragma: no cover - only for the signature on other OSes
        return r"C:\ProgramData"
    import ctypes  # the known-folder API: not an environment variable a user can change
    from ctypes import wintypes

    buf = ctypes.create_unicode_buffer(wintypes.MAX_PATH)
    csidl_common_appdata = 0x23
    if ctypes.windll.shell32.SHGetFolderPathW(None, csidl_common_appdata, None, 0, buf) == 0:
        return buf.value
    return r"C:\ProgramData"


def default_paths() -> AppPaths:
    policy = machine_policy_sources().file
    home = Path.home()
    if override := os.environ.get("ASKONCE_HOME"):
        root = Path(override)  # user data only: the policy never follows it
        return AppPaths(root / "data", root / "config", root / "logs", policy)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / APP_DIR_NAME
        return AppPaths(base / "data", base / "config", base / "logs", policy)
    if sys.platform == "darwin":
        lib = home / "Library"
        return AppPaths(
            lib / "Application Support" / APP_DIR_NAME,
            lib / "Preferences" / APP_DIR_NAME,
            lib / "Logs" / APP_DIR_NAME,
            policy,
        )
    xdg_data = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    xdg_config = Path(os.environ.get("XDG_CONFIG_HOME", home / ".config"))
    xdg_state = Path(os.environ.get("XDG_STATE_HOME", home / ".local" / "state"))
    return AppPaths(
        xdg_data / "askonce", xdg_config / "askonce", xdg_state / "askonce" / "logs", policy
    )
