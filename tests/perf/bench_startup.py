"""Start-up: time to the first window against a bare PySide6 window, in one run.

Run:  .venv/bin/python -m tests.perf.bench_startup [--repeat 5]
Report: tests/perf/reports/startup.md (and .json). Asserts nothing.

Each measurement is a fresh process that shows its window and renders it to a PNG
(``--screenshot``); the time runs from the start to the PNG on disk, which is what a
nurse waits for from the click to a window with pixels in it (the shutdown after it is
not counted). The bare window is the floor PySide6 itself sets. Every case runs once
untimed first, with the bytecode cache on (in the temporary folder, whatever
PYTHONDONTWRITEBYTECODE says): an installed AskOnce (PyInstaller, a wheel) starts from
compiled bytecode, as the bare window's PySide6 and standard library do; a checkout run
with PYTHONDONTWRITEBYTECODE would otherwise count compiling our modules on every start
(``--no-bytecode-cache`` measures that). Measured:
the sign-in window (a machine policy names the server and the identity provider), the
first-run window (no policy yet), and the demo's main window with a ward loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.paths import TEST_POLICY_ENV
from tests.perf.bench_store import REPORTS

BARE = """
import sys
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication(sys.argv[:1])
window = QtWidgets.QWidget()
window.resize(760, 560)
window.show()
QtCore.QTimer.singleShot(0, lambda: (window.grab().save(sys.argv[1]), app.quit()))
app.exec()
"""

POLICY = {
    "fhir_server_url": "https://fhir.hospital.example/r4",
    "oidc_issuer": "https://login.hospital.example/realms/staff",
}


def _env(home: Path, policy: bool, bytecode_cache: bool = True) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASKONCE_")}
    if bytecode_cache:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    env.update(HOME=str(home), ASKONCE_HOME=str(home / "askonce"), QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["XDG_STATE_HOME"] = str(home / ".local" / "state")
    folder = home / "policy"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.json").write_text(json.dumps(POLICY if policy else {}), encoding="utf-8")
    env[TEST_POLICY_ENV] = str(folder)
    return env


def _time(cmd: list[str], env: dict[str, str], shot: Path) -> float:
    """Seconds from starting the process to its window rendered (the PNG on disk); the
    shutdown after that is not the nurse's wait and is not counted."""
    shot.unlink(missing_ok=True)
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while not (shot.exists() and shot.stat().st_size > 0):
        if process.poll() is not None and not shot.exists():
            raise RuntimeError(f"no window was rendered by {cmd[2:4]}")
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    _, errors = process.communicate(timeout=120)
    if process.returncode != 0:
        raise RuntimeError(f"{cmd[2:4]} failed: {errors.decode(errors='replace')[-500:]}")
    return elapsed


def run(repeat: int, bytecode_cache: bool = True) -> dict[str, object]:
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        shot = home / "shot.png"
        cases = {
            "bare PySide6 window": (
                [python, "-c", BARE, str(shot)],
                _env(home, policy=False, bytecode_cache=bytecode_cache),
            ),
            "sign-in window": (
                [python, "-m", "app", "--screenshot", str(shot)],
                _env(home, policy=True, bytecode_cache=bytecode_cache),
            ),
            "first-run window (no policy)": (
                [python, "-m", "app", "--screenshot", str(shot)],
                _env(home, policy=False, bytecode_cache=bytecode_cache),
            ),
            "demo main window, 32 patients": (
                [python, "-m", "app", "--demo", "--screenshot", str(shot)],
                _env(home, policy=False, bytecode_cache=bytecode_cache),
            ),
        }
        for cmd, env in cases.values():  # untimed: fills the bytecode cache (and the OS's)
            _time(cmd, env, shot)
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(repeat):  # interleaved, so a busy moment hurts every case alike
            for name, (cmd, env) in cases.items():
                samples[name].append(_time(cmd, env, shot))
    bare = statistics.median(samples["bare PySide6 window"])
    return {
        "repeat": repeat,
        "bytecode_cache": bytecode_cache,
        "median_s": {name: round(statistics.median(s), 3) for name, s in samples.items()},
        "vs_bare": {name: round(statistics.median(s) / bare, 2) for name, s in samples.items()},
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
    }


def write_report(result: dict[str, object]) -> Path:
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "startup.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    medians = result["median_s"]
    ratios = result["vs_bare"]
    assert isinstance(medians, dict)
    assert isinstance(ratios, dict)
    lines = [
        "# Start-up: time to the first window (fresh process, start to rendered window)",
        "",
        f"- median of {result['repeat']} runs each, interleaved, after one untimed run each; "
        f"{result['machine']}",
        "- bytecode cache: "
        + (
            "on (as installed)"
            if result.get("bytecode_cache", True)
            else "off (our modules compiled on every start)"
        ),
        "",
        "| first window | median | vs bare PySide6 window |",
        "|---|---|---|",
        *(f"| {name} | {medians[name]} s | {ratios[name]}× |" for name in medians),
    ]
    path = REPORTS / "startup.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile our modules on every start, as a checkout with PYTHONDONTWRITEBYTECODE",
    )
    args = parser.parse_args()
    print(write_report(run(args.repeat, bytecode_cache=not args.no_bytecode_cache)))


if __name__ == "__main__":
    main()
