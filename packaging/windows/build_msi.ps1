# Builds the AskOnce MSI on a Windows runner: the frozen app (PyInstaller, packaging/askonce.spec)
# and the installer (WiX Toolset 3: heat, candle, light on PATH) from packaging/windows/askonce.wxs.
# NOT RUN in this repository's CI (Linux): CI builds the same .wxs with wixl against a stand-in
# payload and checks its tables (tests/packaging/test_msi.py). Treat this script as untested
# until it has run on a Windows runner.
# Usage (PowerShell, from anywhere):  packaging\windows\build_msi.ps1 [-Python py] [-SkipFreeze]
param(
    [string]$Python = "python",
    [switch]$SkipFreeze
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

$Version = (Select-String -Path "app\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value

if (-not $SkipFreeze) {
    if (-not (Test-Path ".venv\Scripts\python.exe")) { Invoke-Checked $Python @("-m", "venv", ".venv") }
    Invoke-Checked ".venv\Scripts\python.exe" @("-m", "pip", "install", "-q", "-e", ".[test]")
    Invoke-Checked ".venv\Scripts\python.exe" @("-m", "PyInstaller", "--noconfirm", "--clean",
        "--distpath", "dist", "--workpath", "build\pyinstaller", "packaging\askonce.spec")
}
$Payload = Join-Path $Root "dist\askonce"
if (-not (Test-Path (Join-Path $Payload "askonce.exe"))) { throw "no frozen app in $Payload" }
Invoke-Checked (Join-Path $Payload "askonce.exe") @("--version")

$Work = Join-Path $Root "build\msi"
New-Item -ItemType Directory -Force -Path $Work | Out-Null
# The _internal folder as a component group; -ag: stable component GUIDs from the install paths.
Invoke-Checked "heat.exe" @("dir", (Join-Path $Payload "_internal"), "-nologo", "-dr", "INTERNALDIR",
    "-cg", "InternalFiles", "-ag", "-srd", "-sfrag", "-sreg", "-scom", "-var", "var.InternalDir",
    "-out", (Join-Path $Work "internal.wxs"))
Invoke-Checked "candle.exe" @("-nologo", "-arch", "x64", "-dWin64=yes", "-dVersion=$Version",
    "-dSourceDir=$Payload", "-dInternalDir=$(Join-Path $Payload '_internal')",
    "-out", "$Work\", "packaging\windows\askonce.wxs", (Join-Path $Work "internal.wxs"))
$Msi = Join-Path $Root "dist\askonce-$Version-x64.msi"
Invoke-Checked "light.exe" @("-nologo", "-out", $Msi, (Join-Path $Work "askonce.wixobj"),
    (Join-Path $Work "internal.wixobj"))
Write-Host "built $Msi"
Write-Host "silent install: msiexec /i `"$Msi`" /qn FHIR_SERVER_URL=https://... OIDC_ISSUER=https://..."
