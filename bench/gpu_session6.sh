#!/usr/bin/env bash
# Session 6 (issue 20), v7 on the lent H100: the tensor-core GEMV (quant.kernels "v7") against v2.  From the
# repo root on the device machine; everything lands in $OUT.  Carry .wheels/s6a (paho-mqtt, platformdirs,
# pytest-timeout, gguf: installed first, --no-deps, no index).
#
#   bash bench/gpu_session6.sh           # MODE=ab (<= BUDGET s, default 400):
#     versions.txt    card, driver, Python, torch, CUDA, Triton, transformers
#     pytest_v7.txt   tests/gpu/test_quant_gpu.py -k v7 (kernel vs dequantize-then-matmul over schemes / shapes /
#                     configs / split-K, large and tiny activations, gate/up, several rows, graph path), xdist,
#                     stopped at PYTEST_S (default 120 s)
#     qsweep.jsonl    per decode product: v2 (table config) vs the best v7 config (--qsweep v7), us, of HBM
#     quant_ab.json   bench/decode.py --quant --qkernels v2,v7: whole-model decode, both shapes, int8 and int4,
#                     one process (v7 with the sweep's configs); quant_ab.log its stderr + table
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
left() { echo $(( ${BUDGET:-400} - ($(date +%s) - T0) )); }
W=${WHEELS:-.wheels/s6a}
if compgen -G "$W/*.whl" >/dev/null; then
  $PY -m pip install -q --no-deps --no-index "$W"/*.whl 2>&1 | tail -2
fi
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__, torch.cuda.get_device_name())'
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s6/triton; mkdir -p "$TRITON_CACHE_DIR"
# 1. correctness of v7 first (xdist: the compiles spread over the cores)
if [ "${PYTEST_S:-120}" -gt 0 ]; then
  timeout ${PYTEST_S:-120} $PY -m pytest -q -p no:cacheprovider -n 12 -o addopts="" -rfE --maxfail=5 \
    tests/gpu/test_quant_gpu.py -k "${PYTEST_K:-v7}" > "$OUT/pytest_v7.txt" 2>&1
  echo "pytest v7 rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -3 "$OUT/pytest_v7.txt"
fi
# 2. per-product sweep (v2 / v7 configs, compiled first in 14 processes), then the whole-model A/B
timeout $(left) $PY bench/decode.py --quant --schemes int8,int4 --models ${MODELS:-glm4-9b,qwen2-1.5b} \
  --qsweep ${QSWEEP:-v7} --qprecompile 14 --qkernels ${QK:-v2,v7} --new ${NEW:-64} --reps 2 --bnb-models "" \
  --load-models "" --no-qprefix --json-out "$OUT/quant_ab.json" > "$OUT/quant_ab.log" 2>&1
echo "decode A/B rc=$? after $(( $(date +%s) - T0 )) s"
grep '^{"qsweep"' "$OUT/quant_ab.log" > "$OUT/qsweep.jsonl"
$PY - "$OUT/qsweep.jsonl" <<'PY'
import json, sys
for ln in open(sys.argv[1]):
    r = json.loads(ln)
    cell = lambda k: f"{r[k]['us']:7.2f} us {r[k]['of_hbm']:.0%}" if k in r else "      -"
    print(f"{r['qsweep']:<30} v2 {cell('v2')}  v7 {cell('v7')} {r.get('v7', {}).get('cfg', '')}")
PY
grep -v '^{"bench"\|^{"qsweep"' "$OUT/quant_ab.log" | grep -v "Loading\|it/s\|precompiled\|^\[" | tail -16
exit 0
