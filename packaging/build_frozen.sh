#!/usr/bin/env bash
# Builds the frozen app (PyInstaller, one folder) into dist/askonce/ from packaging/askonce.spec.
# Needs .venv with AskOnce and PyInstaller: .venv/bin/pip install -e '.[test]' installs both.
# Usage: bash packaging/build_frozen.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/askonce.spec
echo "built dist/askonce/ in $(( $(date +%s) - start )) s, $(du -sh dist/askonce | cut -f1)"
