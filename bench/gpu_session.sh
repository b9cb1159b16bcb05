#!/usr/bin/env bash
# One call on the lent GPU machine: versions, carried wheels, the GPU tests, the decode bench, doctor.
# Usage (from the repo root, with .wheels carried):  bash bench/gpu_session.sh [extra bench args]
# Everything lands in $OUT (the device tool brings it back).
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  $PY -c 'import sys, torch, transformers; print(sys.version.split()[0], torch.__version__, torch.version.cuda, transformers.__version__, torch.cuda.get_device_name())'
} 2>&1 | tee "$OUT/versions.txt"
if compgen -G ".wheels/*.whl" >/dev/null; then
  $PY -m pip install -q --no-deps --no-index .wheels/*.whl 2>&1 | tail -2
fi
$PY -c 'import bitsandbytes as b; print("bitsandbytes", b.__version__)' 2>&1 | tail -1 | tee -a "$OUT/versions.txt"
$PY -m pytest -m gpu tests/gpu -q -p no:cacheprovider 2>&1 | tee "$OUT/pytest_gpu.txt" | tail -15
$PY -m console doctor --json > "$OUT/doctor.json" 2> "$OUT/doctor.err"; echo "doctor rc=$?"
$PY bench/decode.py --json-out "$OUT/decode.json" "$@" 2> "$OUT/bench.log" | tee "$OUT/bench.txt" | tail -12
tail -5 "$OUT/bench.log"
# weight-only int8 / int4 against bf16 and bitsandbytes (docs/QUANTIZATION.md); QUANT=0 leaves it out
if [ "${QUANT:-1}" != "0" ]; then
  $PY bench/decode.py --quant --qgemv-sweep --json-out "$OUT/quant.json" 2> "$OUT/quant.log" | tail -12
fi
