"""The Windows installer source (packaging/windows/askonce.wxs) built with msitools' wixl
against a stand-in payload; its tables checked with msiinfo and msidump. The real MSI (WiX 3,
the real frozen payload) is built on a Windows runner by build_msi.ps1, not here."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, app_version

pytestmark = pytest.mark.packaging

WXS = ROOT / "packaging" / "windows" / "askonce.wxs"
UPGRADE_CODE = re.search(r'UpgradeCode="([0-9A-F-]+)"', WXS.read_text()).group(1)  # type: ignore[union-attr]
PAYLOAD = ("askonce.exe", "_internal/python311.dll", "_internal/resources/catalog/q.json")


def _build(tmp_path: Path, version: str) -> Path:
    for tool in ("wixl", "wixl-heat", "msiinfo", "msidump"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} missing (msitools/wixl; bash .ci/test installs them)")
    payload = tmp_path / "payload"
    for name in PAYLOAD:  # a stand-in for the frozen app for Windows
        (payload / name).parent.mkdir(parents=True, exist_ok=True)
        (payload / name).write_text(f"stand-in {name}\n")
    msi = tmp_path / f"askonce-{version}.msi"
    subprocess.run(
        ["bash", str(ROOT / "packaging/windows/build_msi_wixl.sh"), payload, version, msi],
        check=True,
        capture_output=True,
    )
    return msi


def _table(msi: Path, name: str) -> list[list[str]]:
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], check=True, capture_output=True, text=True
    ).stdout
    return [line.split("\t") for line in text.splitlines()[3:]]  # after the 3 header lines


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("msi"), app_version())


def test_per_machine_64_bit(msi: Path) -> None:
    properties = dict(row[:2] for row in _table(msi, "Property"))
    assert properties["ALLUSERS"] == "1"
    assert properties["ProductVersion"] == app_version()
    assert properties["UpgradeCode"] == "{" + UPGRADE_CODE + "}"
    directories = {row[0]: row for row in _table(msi, "Directory")}
    assert directories["INSTALLDIR"][1:] == ["ProgramFiles64Folder", "AskOnce"]
    suminfo = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, text=True)
    assert "Template: x64;1033" in suminfo.stdout


def test_policy_set_by_deferred_custom_action(msi: Path) -> None:
    actions = {row[0]: row for row in _table(msi, "CustomAction")}
    _, kind, source, target = actions["SetPolicy"][:4]
    assert int(kind) & 0x3F == 18  # runs an installed file (askonce.exe)
    assert int(kind) & 0x400  # deferred (in the script, with the installer's rights)
    assert int(kind) & 0x800  # no impersonation: LocalSystem writes %ProgramData%
    assert source == "AskOnceExe"
    assert target.startswith("policy set ")
    assert '"fhir_server_url=[FHIR_SERVER_URL]"' in target
    assert '"oidc_issuer=[OIDC_ISSUER]"' in target
    sequence = {row[0]: row for row in _table(msi, "InstallExecuteSequence")}
    assert int(sequence["SetPolicy"][2]) > int(sequence["InstallFiles"][2])
    assert sequence["SetPolicy"][1] == "FHIR_SERVER_URL AND OIDC_ISSUER AND NOT REMOVE"


def test_upgrades_replace_downgrades_refused(msi: Path, tmp_path: Path) -> None:
    rows = _table(msi, "Upgrade")
    assert {row[0] for row in rows} == {"{" + UPGRADE_CODE + "}"}
    assert {row[-1] for row in rows} == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    conditions = {row[0] for row in _table(msi, "LaunchCondition")}
    assert "NOT WIX_DOWNGRADE_DETECTED" in conditions
    assert "RemoveExistingProducts" in {row[0] for row in _table(msi, "InstallExecuteSequence")}
    newer = _build(tmp_path, "99.0.0")
    codes = [dict(r[:2] for r in _table(m, "Property")) for m in (msi, newer)]
    assert codes[0]["UpgradeCode"] == codes[1]["UpgradeCode"]
    assert codes[0]["ProductCode"] != codes[1]["ProductCode"]


def test_components_are_the_payload_and_never_the_policy(msi: Path, tmp_path: Path) -> None:
    files = {row[2].split("|")[-1] for row in _table(msi, "File")}
    assert files == {Path(name).name for name in PAYLOAD}
    components = _table(msi, "Component")
    assert len(components) == len(PAYLOAD)  # one file per component
    assert all(int(row[3]) & 256 for row in components)  # 64-bit components
    directories = {row[0] for row in _table(msi, "Directory")}
    assert "CommonAppDataFolder" not in directories  # %ProgramData%\AskOnce is IT's
    assert not [row for row in _table(msi, "Registry")]
    shortcuts = _table(msi, "Shortcut")
    assert [row[:3] for row in shortcuts] == [["AskOnceStartMenu", "ProgramMenuFolder", "AskOnce"]]
    dumped = tmp_path / "dump"  # msidump writes one .idt file per table where it runs
    dumped.mkdir()
    subprocess.run(["msidump", "-t", str(msi)], cwd=dumped, check=True, capture_output=True)
    assert (dumped / "CustomAction.idt").is_file()
    assert (dumped / "Upgrade.idt").is_file()
