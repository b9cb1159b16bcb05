#!/usr/bin/env bash
# Session 5 (issue 20: quantized decode at the memory bound), device calls on the lent H100.  From the repo
# root on the device machine; everything lands in $OUT (at most 8 files).
#
#   bash bench/gpu_session5.sh              # MODE=ab (first call, <= 560 s):
#     versions.txt    card, driver, Python, torch, CUDA, Triton, transformers
#     pytest_v6.txt   the v6 GPU tests (kernel vs dequantize-then-matmul over schemes / shapes / configs,
#                     large and tiny activations, gate/up, graph path, a bf16 model decoding), xdist
#     qsweep.jsonl    per decode product: v2 (table config) vs the best v6 config (QSWEEP=v5,v6: also v5), us, of HBM
#     quant_ab.json   bench/decode.py --quant --qkernels v2,v6,v5: whole-model decode, both shapes, int8
#                     and int4, one process (v6 with the sweep's configs); quant_ab.log its stderr + table
#   MODE=final bash bench/gpu_session5.sh   # the evidence with the winner as default: full decode --quant
#     (bf16 / int8 / int4, bitsandbytes if .wheels/s4b is carried, prefix cache, load-to-first-token)
#     and pytest -m gpu tests/gpu
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
left() { echo $(( ${BUDGET:-560} - ($(date +%s) - T0) )); }
W=${WHEELS:-.wheels/s4b}
if [ "${MODE:-ab}" = "final" ] && compgen -G "$W/*.whl" >/dev/null; then
  $PY -m pip install -q --no-deps --no-index "$W"/*.whl 2>&1 | tail -2
fi
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__, torch.cuda.get_device_name())'
  $PY -c 'import bitsandbytes; print("bitsandbytes", bitsandbytes.__version__)' 2>/dev/null || echo "bitsandbytes: not installed"
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s5/triton; mkdir -p "$TRITON_CACHE_DIR"
if [ "${MODE:-ab}" = "ab" ]; then
  # 1. correctness of v6 first (xdist: the compiles spread over the cores)
  timeout ${PYTEST_S:-170} $PY -m pytest -q -p no:cacheprovider -n 12 -o addopts="" -rfE --maxfail=5 \
    tests/gpu/test_quant_gpu.py -k "${PYTEST_K:-v6}" > "$OUT/pytest_v6.txt" 2>&1
  echo "pytest v6 rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -3 "$OUT/pytest_v6.txt"
  # 2. per-product sweep (v2 / v5 / v6 configs, compiled first in 14 processes), then the whole-model A/B
  timeout $(left) $PY bench/decode.py --quant --schemes int8,int4 --models ${MODELS:-glm4-9b,qwen2-1.5b} \
    --qsweep ${QSWEEP:-v6} --qprecompile 14 --qkernels ${QK:-v2,v6,v5} --new ${NEW:-64} --reps 2 --bnb-models "" \
    --load-models "" --no-qprefix --json-out "$OUT/quant_ab.json" > "$OUT/quant_ab.log" 2>&1
  echo "decode A/B rc=$? after $(( $(date +%s) - T0 )) s"
  grep '^{"qsweep"' "$OUT/quant_ab.log" > "$OUT/qsweep.jsonl"
  $PY - "$OUT/qsweep.jsonl" <<'PY'
import json, sys
for ln in open(sys.argv[1]):
    r = json.loads(ln)
    cell = lambda k: f"{r[k]['us']:7.2f} us {r[k]['of_hbm']:.0%}" if k in r else "      -"
    print(f"{r['qsweep']:<30} v2 {cell('v2')}  v5 {cell('v5')}  v6 {cell('v6')} {r.get('v6', {}).get('cfg', '')}")
PY
  grep -v '^{"bench"\|^{"qsweep"' "$OUT/quant_ab.log" | grep -v "Loading\|it/s\|precompiled\|^\[" | tail -16
  exit 0
fi
# MODE=final: GPU tests (background, xdist) would share the card with the timings: run them first
timeout ${PYTEST_S:-200} $PY -m pytest -m gpu tests/gpu -q -p no:cacheprovider -n 12 -o addopts="" -rfE \
  > "$OUT/pytest_gpu.txt" 2>&1
echo "pytest rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -4 "$OUT/pytest_gpu.txt"
timeout $(left) $PY bench/decode.py --quant --models ${MODELS:-glm4-9b,qwen2-1.5b} --reps 2 --qkernels ${QK:-v6,v2} \
  --qprecompile 14 --bnb-models ${BNB:-qwen2-1.5b,glm4-9b} --bnb-new 16 --load-models ${LOADS:-qwen2-1.5b} \
  --new ${NEW:-128} --json-out "$OUT/quant.json" > "$OUT/quant.log" 2>&1
echo "decode rc=$? after $(( $(date +%s) - T0 )) s"
grep -v '^{"bench"' "$OUT/quant.log" | grep -v "Loading\|it/s\|^\[" | tail -30
