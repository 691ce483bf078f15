"""The Debian package (packaging/build_deb.sh): built, lintian clean, installed, run from the
installed files, upgraded with IT's policy in place, removed and purged.

Installs system-wide, so it needs root and a machine without AskOnce installed and without
/etc/askonce; it puts the machine back as it found it (purge, /etc/askonce removed)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, app_version, run_scrubbed

pytestmark = pytest.mark.packaging

ETC = Path("/etc/askonce")
TOOLS = ("dpkg", "dpkg-deb", "dpkg-shlibdeps", "lintian", "patchelf", "strip")


def _run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command],
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,  # a dpkg prompt (a changed conffile) would fail, not hang
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )


def _installed() -> bool:
    return _run("dpkg-query", "-W", "-f=${Status}", "askonce").stdout.startswith("install")


def _known_to_dpkg() -> bool:
    return _run("dpkg-query", "-W", "askonce").returncode == 0


@pytest.fixture(scope="module")
def debs(frozen_app: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two packages from the same frozen app: the release and an upgrade (version bumped)."""
    if missing := [tool for tool in TOOLS if shutil.which(tool) is None]:
        pytest.skip(f"missing {', '.join(missing)} (bash .ci/test installs them)")
    out = tmp_path_factory.mktemp("debs")
    built = {}
    for revision in ("1", "2"):
        version = f"{app_version()}-{revision}"
        subprocess.run(
            ["bash", "packaging/build_deb.sh", "--version", version, "--out", str(out)],
            cwd=ROOT,
            check=True,
        )
        built[version] = out / f"askonce_{version}_amd64.deb"
        assert built[version].is_file()
    return built


@pytest.fixture
def clean_machine() -> Iterator[None]:
    """Root, no AskOnce package and no /etc/askonce before; purged and removed after."""
    if _known_to_dpkg():
        pytest.skip("an askonce package is known to dpkg here; the test would replace it")
    if ETC.exists():
        pytest.skip("/etc/askonce exists (a real policy?); the test would change it")
    try:
        yield
    finally:
        _run("dpkg", "--purge", "askonce")
        shutil.rmtree(ETC, ignore_errors=True)


def test_package_contents(debs: dict[str, Path]) -> None:
    deb = debs[f"{app_version()}-1"]
    fields = _run("dpkg-deb", "-f", deb, "Package", "Version", "Architecture", "Depends")
    assert "Package: askonce" in fields.stdout
    assert "Architecture: amd64" in fields.stdout
    depends = fields.stdout.split("Depends:", 1)[1]
    assert "libc6 (>= " in depends  # computed by dpkg-shlibdeps, with versions
    assert "@" not in depends
    listing = _run("dpkg-deb", "-c", deb).stdout
    for path in (
        "./usr/bin/askonce -> ../lib/askonce/askonce",
        "./usr/lib/askonce/askonce",
        "./usr/lib/askonce/_internal/resources/catalog/askonce-catalog.questionnaire.json",
        "./usr/share/applications/com.askonce.AskOnce.desktop",
        "./usr/share/icons/hicolor/scalable/apps/askonce.svg",
        "./usr/share/metainfo/com.askonce.AskOnce.metainfo.xml",
        "./usr/share/man/man1/askonce.1.gz",
        "./usr/share/doc/askonce/copyright",
        "./usr/share/doc/askonce/changelog.Debian.gz",
        "./usr/share/doc/askonce/examples/policy.json",
    ):
        assert path in listing, path
    # IT's policy is never the package's: nothing under /etc, no conffiles.
    assert " ./etc/" not in listing
    control = _run("dpkg-deb", "--info", deb, "conffiles")
    assert control.returncode != 0, control.stdout


def test_desktop_file_and_metainfo_validate(tmp_path: Path) -> None:
    if shutil.which("desktop-file-validate") is None or shutil.which("appstreamcli") is None:
        pytest.skip("desktop-file-validate / appstreamcli missing (bash .ci/test installs them)")
    deb_dir = ROOT / "packaging" / "deb"
    desktop = _run("desktop-file-validate", deb_dir / "com.askonce.AskOnce.desktop")
    assert desktop.returncode == 0, desktop.stdout
    metainfo = tmp_path / "com.askonce.AskOnce.metainfo.xml"
    text = (deb_dir / metainfo.name).read_text(encoding="utf-8")
    metainfo.write_text(text.replace("@VERSION@", app_version()).replace("@DATE@", "2026-12-07"))
    result = _run("appstreamcli", "validate", "--no-net", metainfo)
    assert result.returncode == 0, result.stdout


def test_lintian_clean(debs: dict[str, Path]) -> None:
    result = _run("lintian", "-I", "-E", "--pedantic", debs[f"{app_version()}-1"])
    tags = [
        line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:", "I:", "P:", "X:"}
    ]
    assert tags == [], "\n".join(tags)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_lintian_override_gives_a_reason() -> None:
    lines = (ROOT / "packaging" / "deb" / "lintian-overrides").read_text().splitlines()
    for number, line in enumerate(lines):
        if line.startswith("askonce:"):
            assert lines[number - 1].startswith("# "), f"no reason above: {line}"


def _timed(*command: str | Path) -> float:
    start = time.monotonic()
    result = _run(*command)
    assert result.returncode == 0, result.stdout + result.stderr
    return time.monotonic() - start


@pytest.mark.skipif(
    os.geteuid() != 0, reason="installs the .deb system-wide: needs root (CI runs as root)"
)
def test_install_upgrade_remove_purge(
    clean_machine: None, debs: dict[str, Path], tmp_path: Path
) -> None:
    first, second = (debs[f"{app_version()}-{n}"] for n in ("1", "2"))
    assert _run("dpkg", "-L", "askonce").returncode != 0  # not known before

    seconds = _timed("dpkg", "--install", first)
    print(f"dpkg --install: {seconds:.1f} s")
    shipped = _run("dpkg", "-L", "askonce").stdout.splitlines()
    assert "/usr/lib/askonce/askonce" in shipped
    assert not [p for p in shipped if p.startswith("/etc")]
    assert (ETC / "policy.d").is_dir()  # postinst's drop-in folder, nothing else
    assert not (ETC / "policy.json").exists()

    start = time.monotonic()
    version = run_scrubbed(["/usr/bin/askonce", "--version"], tmp_path)
    print(f"installed askonce --version: {time.monotonic() - start:.2f} s")
    assert version.stdout.strip() == f"AskOnce {app_version()}", version.stderr
    shot = tmp_path / "installed.png"
    start = time.monotonic()
    demo = run_scrubbed(["askonce", "--demo", "--screenshot", shot], tmp_path, offscreen=True)
    print(f"installed askonce --demo --screenshot: {time.monotonic() - start:.2f} s")
    assert demo.returncode == 0, demo.stderr
    assert shot.read_bytes()[:4] == b"\x89PNG"

    # IT writes the machine policy and a drop-in; an upgrade must neither prompt nor touch them.
    policy = ETC / "policy.json"
    policy.write_text(json.dumps({"idle_lock_seconds": 240}) + "\n")
    drop_in = ETC / "policy.d" / "50-ward.json"
    drop_in.write_text(json.dumps({"sync_interval_seconds": 90}) + "\n")
    before = (policy.read_bytes(), drop_in.read_bytes())
    _timed("dpkg", "--install", second)
    assert _run("dpkg-query", "-W", "-f=${Version}", "askonce").stdout == f"{app_version()}-2"
    assert (policy.read_bytes(), drop_in.read_bytes()) == before
    if (ROOT / "app" / "policy_cli.py").exists():  # the installed app reads IT's policy
        shown = run_scrubbed(["askonce", "policy", "show"], tmp_path)
        assert shown.returncode == 0, shown.stderr
        assert "240" in shown.stdout

    _timed("dpkg", "--remove", "askonce")
    assert not Path("/usr/lib/askonce").exists()
    assert not Path("/usr/bin/askonce").exists()
    assert (policy.read_bytes(), drop_in.read_bytes()) == before  # remove keeps IT's policy

    _timed("dpkg", "--purge", "askonce")
    assert not _known_to_dpkg()
    assert _run("dpkg", "-L", "askonce").returncode != 0
    left = [p for p in shipped if p.startswith(("/usr/lib/askonce", "/usr/share/doc/askonce"))]
    assert not [p for p in left if Path(p).exists()]
    for path in shipped:  # every file the package shipped is gone (shared folders stay)
        assert not Path(path).is_file(), path
        assert not Path(path).is_symlink(), path
    # IT's files are IT's to delete; the empty folders postinst made would be gone.
    assert policy.exists()
    assert drop_in.exists()
