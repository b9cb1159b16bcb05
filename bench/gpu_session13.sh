#!/usr/bin/env bash
# Session 13 (issue 20) on the lent GPU: the whole GPU test suite at this commit (the two variants rejected
# in bench/results/quant-h100-s12 and -s13 are removed from the code).  From the repo root on the device
# machine; everything lands in $OUT.  Carry .wheels/s6a (paho-mqtt, platformdirs, pytest-timeout, pytest-xdist, gguf).
#   versions.txt     the card, driver, python, torch, CUDA, Triton, transformers
#   pytest_gpu.txt   tests/gpu (xdist 8), stopped at PYTEST_S (default 400 s)
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
$PY -m pip install -q --no-deps --no-index .wheels/s6a/*.whl 2>&1 | tail -2
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s13/triton; mkdir -p "$TRITON_CACHE_DIR"
T0=$(date +%s)
timeout ${PYTEST_S:-400} $PY -m pytest -q -p no:cacheprovider -n 8 -o addopts="" -rfE tests/gpu > "$OUT/pytest_gpu.txt" 2>&1
echo "pytest tests/gpu rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"
grep -E "^(FAILED|ERROR)" "$OUT/pytest_gpu.txt" | cut -c1-200 | head -20; tail -3 "$OUT/pytest_gpu.txt"
exit 0
