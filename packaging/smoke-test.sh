#!/usr/bin/env bash
# Build the frozen app and smoke-test it: it must start offscreen, reach the embedded demo broker and
# see every demo device online (`--self-test`), exactly as the packaged installer will run it.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q -e ".[package]"
.venv/bin/pyinstaller packaging/autoglm-console.spec --noconfirm --distpath dist --workpath build/pyinstaller
QT_QPA_PLATFORM=offscreen dist/autoglm-console/autoglm-console --self-test --timeout 60
