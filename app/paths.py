"""Where AskOnce keeps its files, per platform.

``ASKONCE_HOME`` (used by tests and by IT for roaming set-ups) puts data,
config and logs under one folder; otherwise the platform's conventional
folders are used (XDG on Linux, %LOCALAPPDATA% on Windows, ~/Library on macOS).
The machine-wide policy file lives where only administrators can write.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "AskOnce"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    logs: Path
    policy_file: Path

    def user_dir(self, user_key: str) -> Path:
        return self.data / "users" / user_key

    def with_data_dir(self, data: Path | None) -> AppPaths:
        """The same paths with the caches somewhere else (``--data-dir``)."""
        return self if data is None else AppPaths(data, self.config, self.logs, self.policy_file)


def default_paths() -> AppPaths:
    home = Path.home()
    if override := os.environ.get("ASKONCE_HOME"):
        root = Path(override)
        return AppPaths(root / "data", root / "config", root / "logs", root / "policy.json")
    policy = Path(os.environ.get("ASKONCE_POLICY_FILE", "") or _system_policy_file())
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


def _system_policy_file() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_DIR_NAME / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / APP_DIR_NAME / "policy.json"
    return Path("/etc/askonce/policy.json")
