"""``askonce sync`` follows IT's policy: a command line cannot send the cache elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync.cli import main


@pytest.fixture
def policy(isolated_home: Path) -> Path:
    path = isolated_home / "askonce" / "policy.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_another_server_than_the_policys_is_refused(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy.write_text(
        json.dumps({"fhir_server_url": "https://fhir.hospital.example/r4"}), encoding="utf-8"
    )
    code = main(["--server", "https://elsewhere.example/fhir", "--user", "Practitioner/x"])
    assert code == 2
    assert "the machine policy sets server" in capsys.readouterr().err


def test_the_same_server_as_the_policys_may_be_named(
    policy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy.write_text(
        json.dumps({"fhir_server_url": "https://fhir.hospital.example/r4"}), encoding="utf-8"
    )
    monkeypatch.delenv("ASKONCE_PIN", raising=False)
    code = main(["--server", "https://fhir.hospital.example/r4/", "--user", "Practitioner/x"])
    assert code == 2
    assert "no PIN" in capsys.readouterr().err  # got past the policy check


def test_without_a_server_anywhere_it_says_so(
    policy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--user", "Practitioner/x"]) == 2
    assert "no FHIR server" in capsys.readouterr().err
