#!/usr/bin/env bash
# Builds an MSI from packaging/windows/askonce.wxs with msitools' wixl (Linux), harvesting the
# payload's _internal folder with wixl-heat. CI uses it on a stand-in payload to check the
# MSI's tables; the real Windows build is build_msi.ps1 (WiX 3 on a Windows runner).
# Usage: bash packaging/windows/build_msi_wixl.sh PAYLOAD_DIR VERSION OUT.msi
#   PAYLOAD_DIR holds askonce.exe and _internal/ (the frozen app for Windows).
set -euo pipefail
payload=$(realpath "$1") version=$2 out=$(realpath -m "$3")
wxs=$(realpath "$(dirname "$0")/askonce.wxs")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# wixl resolves Source paths relative to the current folder, not absolute ones.
ln -s "$payload" "$work/payload"
cd "$work"
(cd payload/_internal && find . -type f | sed 's|^\./||' | sort) |
  wixl-heat --prefix "" --directory-ref INTERNALDIR --component-group InternalFiles \
    --var var.InternalDir --win64 >internal.wxs
wixl --arch x64 -D Win64=yes -D "Version=$version" -D SourceDir=payload \
  -D InternalDir=payload/_internal -o "$out" "$wxs" internal.wxs
