#!/usr/bin/env bash
# llama-cpp-python's OpenAI-compatible server, in its own venv (.venv-llama): the remote engine's
# tests (tests/core/inference/test_remote_engine.py) run against it, serving the bundled GGUF.
#  - A separate venv: its pins (fastapi, uvicorn, pydantic, numpy) must not touch .venv.
#  - Built from source with GGML_NATIVE=OFF: the default native build segfaults on CPUs whose AMX
#    path it picks (seen on the Xeon of the build machine).
#  - Idempotent: does nothing when the server already imports.  pip caches the built wheel, so a
#    rebuild of the venv on the same machine takes seconds instead of minutes.
# Usage: bash packaging/install-llama-server.sh      (env: PYTHON=python3, LLAMA_VENV=.venv-llama)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${LLAMA_VENV:-.venv-llama}
PYTHON=${PYTHON:-python3}
SPEC='llama-cpp-python[server]==0.3.36'

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import llama_cpp.server' >/dev/null 2>&1; then
    exit 0
fi
echo "installing $SPEC into $VENV (the first build compiles llama.cpp: several minutes) ..." >&2
test -x "$VENV/bin/python" || "$PYTHON" -m venv "$VENV"
export CMAKE_ARGS="${CMAKE_ARGS:+$CMAKE_ARGS }-DGGML_NATIVE=OFF"
if ! "$VENV/bin/python" -m pip install -q "$SPEC"; then
    echo "ERROR: building $SPEC failed. It needs a C/C++ compiler and cmake (Debian: apt-get install" >&2
    echo "       build-essential cmake). The remote-engine tests fail until $VENV works." >&2
    exit 1
fi
"$VENV/bin/python" -c 'import llama_cpp.server'
echo "llama.cpp server ready: $VENV/bin/python -m llama_cpp.server" >&2
