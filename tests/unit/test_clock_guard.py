"""One clock for the whole app (DESIGN.md §6b): production code never reads the wall clock.

Every "now" and "today" in app/, sync/ and ui/ comes from the injected ``Clock``;
``app/clock.py`` ``system_clock`` is the one place allowed to ask the operating system.
The check parses the code (like the layering checks), so an alias such as
``from datetime import datetime as dt`` or Qt's ``QDateTime.currentDateTime()`` through
``ui.qt`` is found too. Measuring durations (``time.monotonic``, ``perf_counter``) is
fine: it says how long, not what time it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = {("app/clock.py", "system_clock")}
"""(file, function) pairs that may read the wall clock."""

WALL_CLOCK_CALLS = {
    "datetime.datetime.now",
    "datetime.datetime.utcnow",
    "datetime.datetime.today",
    "datetime.date.today",
    "time.time",
    "time.time_ns",
    "time.localtime",
    "time.gmtime",
    "time.ctime",
    "time.asctime",
    "time.strftime",
}
QT_WALL_CLOCK_METHODS = {
    "currentDate",
    "currentDateTime",
    "currentDateTimeUtc",
    "currentTime",
    "currentMSecsSinceEpoch",
    "currentSecsSinceEpoch",
}
"""QDate/QTime/QDateTime readers; matched by name, however the class was imported."""


def _import_names(tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted origin, for every import in the module."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _dotted(node: ast.expr, imports: dict[str, str]) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(imports.get(node.id, node.id))
    return ".".join(reversed(parts))


def wall_clock_reads(source: str, path: str, allowed: set[tuple[str, str]] = ALLOWED) -> list[str]:
    """``path:line name()`` for each direct wall-clock read outside the allowed places."""
    tree = ast.parse(source)
    imports = _import_names(tree)
    found: list[str] = []

    def visit(node: ast.AST, function: str | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Call) and (path, function) not in allowed:
            name = _dotted(node.func, imports)
            qt = isinstance(node.func, ast.Attribute) and node.func.attr in QT_WALL_CLOCK_METHODS
            # time.localtime(t) / strftime(fmt, t) with an explicit time read no clock.
            explicit = (
                name in ("time.localtime", "time.gmtime", "time.ctime") and bool(node.args)
            ) or (name == "time.strftime" and len(node.args) > 1)
            if (name in WALL_CLOCK_CALLS and not explicit) or qt:
                shown = name if name is not None else ast.unparse(node.func)
                found.append(f"{path}:{node.lineno} {shown}()")
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, None)
    return found


def test_production_code_reads_the_wall_clock_only_in_app_clock() -> None:
    offenders: list[str] = []
    for package in ("app", "sync", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            offenders += wall_clock_reads(path.read_text(encoding="utf-8"), rel)
    assert offenders == [], "read the injected clock (app/clock.py) instead:\n" + "\n".join(
        offenders
    )


ENTRY_POINTS = {"ui/application.py", "sync/cli.py", "app/audit_cli.py", "app/diagnostics_cli.py"}
"""Where the app is put together: the only modules that hand ``system_clock`` in."""


def test_only_the_entry_points_hand_in_the_system_clock() -> None:
    """Everything else takes its clock as a required argument, so a part that forgot to
    pass the session's clock is a type error, not a second clock in tests."""
    users = set()
    for package in ("app", "sync", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if any(isinstance(n, ast.Name) and n.id == "system_clock" for n in ast.walk(tree)):
                users.add(path.relative_to(ROOT).as_posix())
    assert users == ENTRY_POINTS


def test_the_one_allowed_place_exists_and_reads_the_clock() -> None:
    source = (ROOT / "app" / "clock.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert {name for _path, name in ALLOWED} <= functions
    reads = wall_clock_reads(source, "app/clock.py", allowed=set())
    assert [r.split(" ", 1)[1] for r in reads] == ["datetime.datetime.now()"]


def test_the_guard_sees_through_aliases_and_qt() -> None:
    """The guard itself must be able to fail: each way of reading the clock is caught."""
    source = """
import time
import datetime as dt_module
from datetime import date, datetime as DT
from ui.qt import QtCore

def f():
    time.time()
    dt_module.datetime.now()
    DT.utcnow()
    date.today()
    QtCore.QDateTime.currentDateTime()
    QtCore.QDate.currentDate()
    time.strftime("%H:%M")
    time.monotonic()                      # a duration: allowed
    time.localtime(0)                     # an explicit instant: allowed
    DT.fromisoformat("2026-01-01")        # parsing: allowed
"""
    found = wall_clock_reads(source, "ui/example.py")
    assert [f.split(" ", 1)[1] for f in found] == [
        "time.time()",
        "datetime.datetime.now()",
        "datetime.datetime.utcnow()",
        "datetime.date.today()",
        "ui.qt.QtCore.QDateTime.currentDateTime()",
        "ui.qt.QtCore.QDate.currentDate()",
        "time.strftime()",
    ]
