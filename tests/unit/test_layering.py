"""The layering of DESIGN.md §2 is a contract, checked in every test run."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is a test dependency: install with pip install -e '.[test]'"
    result = subprocess.run(
        [exe, "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_ui_qt_imports_the_qt_binding() -> None:
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path.name == "qt.py":
            continue
        if any(m.split(".")[0] in ("PySide6", "shiboken6") for m in _imported_modules(path)):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_core_never_imports_qt_or_network() -> None:
    for package in ("app", "sync"):
        for path in sorted((ROOT / package).rglob("*.py")):
            roots = {m.split(".")[0] for m in _imported_modules(path)}
            forbidden = {"PySide6", "shiboken6"} | ({"httpx"} if package == "app" else set())
            if path.relative_to(ROOT).as_posix() != "app/__main__.py":
                forbidden.add("ui")
                if package == "app":
                    forbidden.add("sync")
            assert not roots & forbidden, f"{path.relative_to(ROOT)} imports {roots & forbidden}"


def test_no_plaintext_keyring_anywhere() -> None:
    for path in sorted(ROOT.glob("*/**/*.py")):
        if ".venv" in path.parts:
            continue
        assert "keyrings.alt" not in _imported_modules(path), path
    assert (
        "keyrings.alt"
        not in (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.ruff")[0]
    )


# --- the store is sealed: only app/store runs SQL ------------------------------------------

STORE = "app/store"
# Statements as we write them (keywords in capitals); English prose in any case, such as
# "Delete from the list" or "select from", is left alone.
_SQL = re.compile(
    r"\bSELECT\b[\s\S]*?\bFROM\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\b(?:CREATE|DROP)\s+(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b"
    r"|\bALTER\s+TABLE\b|\bPRAGMA\s+\w+|\bBEGIN\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED)\b"
    r"|\b(?:COMMIT|ROLLBACK|VACUUM)\b"
)
_RUNS_SQL = {"execute", "executemany", "executescript"}  # DB-API: on any object
_DATABASE_NAMES = {"db", "database", "conn", "connection", "cursor"}  # .query() on these
_DRIVERS = {"sqlcipher3", "sqlite3"}


def _names_a_database(node: ast.expr) -> bool:
    """``db``, ``self.db``, ``session.db``, ``self._conn``, ``cache_db`` and the like."""
    name = node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")
    name = name.lstrip("_").lower()
    return name in _DATABASE_NAMES or name.endswith(("_db", "_conn"))


def sql_outside_store(source: str) -> list[str]:
    """Where a module runs SQL itself: "line: what" for each driver import, each
    ``execute``/``executemany``/``executescript`` call, each ``query`` call on a database
    or connection, and each string holding an SQL statement (docstrings excepted)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            found += [f"{node.lineno}: imports {m}" for m in modules if m.split(".")[0] in _DRIVERS]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr = node.func.attr
            if attr in _RUNS_SQL or (attr == "query" and _names_a_database(node.func.value)):
                found.append(f"{node.lineno}: calls {attr}()")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and _SQL.search(node.value)
        ):
            found.append(f"{node.lineno}: SQL in a string: {node.value.strip()[:40]!r}")
    return found


def test_only_the_store_runs_sql() -> None:
    offenders = {}
    for package in ("app", "sync", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            where = path.relative_to(ROOT).as_posix()
            if where.startswith(STORE + "/"):
                continue
            found = sql_outside_store(path.read_text(encoding="utf-8"))
            if found:
                offenders[where] = found
    assert offenders == {}, "move these into app/store (a repository or sync-state method)"


def test_the_sql_check_finds_what_it_is_for() -> None:
    sample = '''
import sqlcipher3
from sqlite3 import connect

def purge(conn, db, self, table, key):
    conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    conn.executemany(sql, rows)
    rows = db.query("SELECT 1")
    self.db.query(text)
    self._conn.executescript(script)
    statement = f"SELECT doc FROM {table} WHERE id = ?"
    other = """UPDATE outbox
               SET held_reason = ''"""
    return "INSERT INTO meta (key, value) VALUES (?, ?)", "PRAGMA user_version"
'''
    found = sorted(sql_outside_store(sample), key=lambda f: int(f.split(":")[0]))
    assert [f.split(":")[0] + ":" + f.split(":")[1].split()[0] for f in found] == [
        "2:imports",
        "3:imports",
        "6:calls",
        "6:SQL",
        "7:calls",
        "8:calls",
        "9:calls",
        "10:calls",
        "11:SQL",
        "12:SQL",
        "14:SQL",
        "14:SQL",
    ]


def test_the_sql_check_leaves_ordinary_code_alone() -> None:
    sample = '''
"""The value for ``PRAGMA key``; DELETE FROM the docs is not SQL that runs."""

class OutboxOperation:
    UPDATE = "update"
    DELETE = "delete"
    """An attribute docstring may say SELECT x FROM y."""

def ordinary(client, url, dialog, parsed):
    client.search("Patient", {"_id": "1"})
    client.query("Patient")  # not a database
    dialog.exec()
    text = parsed.query
    return "Delete from the list", "Select from the menu", "Update the plan", "COMMITTED"
'''
    assert sql_outside_store(sample) == []


def test_ui_never_opens_a_transaction() -> None:
    """A user's intent is one service call and one transaction inside the core; the UI
    never holds a connection (the contract above keeps ``app.store`` out of its imports)."""
    offenders = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("transaction", "unit_of_work", "work")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_no_import_cycles() -> None:
    """No module imports, directly or through others, a module that imports it back (the
    layers contracts keep packages apart; this keeps modules inside a package acyclic too)."""
    import grimp  # import-linter's own import graph

    graph = grimp.build_graph("app", "sync", "ui")
    cycles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.find_shortest_chain(importer=imported, imported=module)
        }
    )
    assert cycles == []
