"""``askonce policy show|check|set`` as IT runs it: real processes, real files, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from app import policy_cli
from app.paths import PolicySources, default_paths, machine_policy_sources
from app.settings import option_specs

FHIR = "https://fhir.hospital.example/r4"
ISSUER = "https://login.hospital.example/realms/staff"
REPO = Path(__file__).resolve().parents[2]


def askonce(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "policy", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )


@pytest.fixture
def machine(isolated_home: Path) -> PolicySources:
    return machine_policy_sources()


def test_help_documents_the_exit_codes() -> None:
    result = askonce("--help")
    assert result.returncode == 0
    for line in ("exit codes:", "0  done", "1  a policy file", "2  wrong command line", "3  "):
        assert line in result.stdout
    assert "administrator" in askonce("set", "--help").stdout


def test_set_then_show_names_each_source(machine: PolicySources) -> None:
    result = askonce("set", f"fhir_server_url={FHIR}", f"oidc_issuer={ISSUER}")
    assert result.returncode == 0, result.stderr
    assert json.loads(machine.file.read_text(encoding="utf-8")) == {
        "fhir_server_url": FHIR,
        "oidc_issuer": ISSUER,
    }
    drop_in = machine.drop_in_dir / "20-ward.json"
    drop_in.parent.mkdir()
    drop_in.write_text('{"idle_lock_seconds": 90}', encoding="utf-8")
    prefs = default_paths().preferences_file
    prefs.parent.mkdir(parents=True)
    prefs.write_text('{"language": "de", "idle_lock_seconds": 3600}', encoding="utf-8")

    shown = askonce("show")
    assert shown.returncode == 0, shown.stderr
    rows = {line.split()[0]: line for line in shown.stdout.splitlines()}
    assert rows.keys() == {spec.name for spec in option_specs()}
    assert FHIR in rows["fhir_server_url"]
    assert str(machine.file) in rows["fhir_server_url"]
    assert " 90 " in rows["idle_lock_seconds"]
    assert str(drop_in) in rows["idle_lock_seconds"]
    assert rows["language"].split()[1:] == ["de", "preferences", "file", str(prefs)]
    assert rows["retention_days"].split()[1:] == ["7", "default"]

    as_json = json.loads(askonce("show", "--json").stdout)
    assert as_json["idle_lock_seconds"] == {
        "value": 90,
        "source": f"policy file {drop_in}",
        "locked": True,
    }
    assert as_json["language"]["locked"] is False


def test_set_merges_removes_and_refuses_wrong_values(machine: PolicySources) -> None:
    assert askonce("set", "idle_lock_seconds=120", "retention_days=3").returncode == 0
    assert askonce("set", "idle_lock_seconds=600", "retention_days=").returncode == 0
    assert json.loads(machine.file.read_text(encoding="utf-8")) == {"idle_lock_seconds": 600}

    for assignment, named in [
        ("idle_lock_seconds=5", "idle_lock_seconds"),
        ("idle_lock_seconds=soon", "idle_lock_seconds"),
        ("appearance=purple", "appearance"),
        ("fhir_server_url=not a url", "fhir_server_url"),
        ("colour=red", "colour"),
        ("idle_lock_seconds", "KEY=VALUE"),
    ]:
        result = askonce("set", assignment)
        assert result.returncode == 1, assignment
        assert named in result.stderr
        assert "Traceback" not in result.stderr
    assert json.loads(machine.file.read_text(encoding="utf-8")) == {"idle_lock_seconds": 600}
    assert sorted(p.name for p in machine.file.parent.iterdir() if "policy" in p.name) == [
        "policy.json"
    ]


def test_set_writes_another_file_when_told(tmp_path: Path) -> None:
    target = tmp_path / "staging" / "policy.json"
    result = askonce("set", "--file", str(target), "appearance=dark")
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == {"appearance": "dark"}
    assert target.stat().st_mode & 0o777 == 0o644  # everyone reads it, only admins write


def test_set_without_rights_says_so(
    machine: PolicySources, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(path: Path, values: object, *, mode: int = 0o644) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(policy_cli, "write_json_atomically", refuse)
    assert policy_cli.main(["set", "idle_lock_seconds=120"]) == policy_cli.EXIT_NOT_WRITTEN
    err = capsys.readouterr().err
    assert "permission denied" in err
    assert "administrator rights" in err
    assert str(machine.file) in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_set_into_a_read_only_folder_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    folder.chmod(0o555)
    result = askonce("set", "--file", str(folder / "policy.json"), "idle_lock_seconds=120")
    assert result.returncode == 3
    assert "administrator rights" in result.stderr


def test_check_names_the_file_and_the_option(tmp_path: Path) -> None:
    good = REPO / "packaging" / "policy.example.json"
    result = askonce("check", str(good))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout

    bad = tmp_path / "policy.json"
    bad.write_text('{"idle_lock_seconds": 600, "pin_max_attempts": 99}', encoding="utf-8")
    result = askonce("check", str(good), str(bad))
    assert result.returncode == 1
    assert str(bad) in result.stderr
    assert "pin_max_attempts" in result.stderr
    assert "less than or equal to 20" in result.stderr
    assert "idle_lock_seconds" not in result.stderr

    missing = askonce("check", str(tmp_path / "nope.json"))
    assert missing.returncode == 1
    assert "does not exist" in missing.stderr
    assert askonce("check").returncode == 2
    assert askonce("frobnicate").returncode == 2


def test_show_reports_a_broken_policy(machine: PolicySources) -> None:
    machine.file.parent.mkdir(parents=True, exist_ok=True)
    machine.file.write_text('{"idle_lock_seconds": "soon"}', encoding="utf-8")
    result = askonce("show")
    assert result.returncode == 1
    assert "idle_lock_seconds" in result.stderr
    assert str(machine.file) in result.stderr


def test_show_hides_secret_options(
    machine: PolicySources, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No option is secret today; one declared so is never printed."""
    machine.file.parent.mkdir(parents=True, exist_ok=True)
    machine.file.write_text('{"oidc_client_id": "s3cr3t-client"}', encoding="utf-8")
    specs = [replace(s, secret=s.name == "oidc_client_id") for s in option_specs()]
    monkeypatch.setattr(policy_cli, "option_specs", lambda: specs)
    for argv in (["show"], ["show", "--json"]):
        assert policy_cli.main(argv) == 0
        out = capsys.readouterr().out
        assert "s3cr3t" not in out
        assert policy_cli.HIDDEN in out


def test_show_hides_a_proxy_password(
    machine: PolicySources, capsys: pytest.CaptureFixture[str]
) -> None:
    machine.file.parent.mkdir(parents=True, exist_ok=True)
    proxy = {"http_proxy": "http://ward7:pa55word@proxy.hospital.example:3128"}
    machine.file.write_text(json.dumps(proxy), encoding="utf-8")
    assert policy_cli.main(["show"]) == 0
    out = capsys.readouterr().out
    assert "pa55word" not in out
    assert "ward7" not in out
    assert "http://***@proxy.hospital.example:3128" in out
