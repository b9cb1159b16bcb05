#!/usr/bin/env bash
# Session 9 (issue 20) on the lent GPU.  From the repo root on the device machine; everything lands in $OUT.
# Carry .wheels/s6a (paho-mqtt, platformdirs, pytest-timeout, pytest-xdist, gguf) and, for MODE=final, .wheels/bnb
# (bitsandbytes 0.50.2).
# MODE=v10 (default): v10 = v9 (int4) / v8 (int8) with split-K
#   pytest_v10.txt   tests/gpu/test_quant_gpu.py -k v10 (xdist), stopped at PYTEST_S
#   quant_v10.json/.log  bench/decode.py --quant --qsweep v10 (per product: v9's / v8's config and rows a program,
#                    split in 1, 2, 4, 8 parts of K) then the whole model, v9 against v10 with the sweep's winners
# MODE=final: the default kernels, one run: bf16 / int8 / int4 fast, bitsandbytes int8 / nf4, load to first token
#   (cold and warm Triton cache), prefix cache with quantized weights; pytest_default.txt first
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
left() { echo $(( ${BUDGET:-560} - ($(date +%s) - T0) )); }
$PY -m pip install -q --no-deps --no-index .wheels/s6a/*.whl 2>&1 | tail -2
if compgen -G ".wheels/bnb/*.whl" >/dev/null; then $PY -m pip install -q --no-deps --no-index .wheels/bnb/*.whl 2>&1 | tail -2; fi
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__)'
  $PY -c 'import bitsandbytes; print("bitsandbytes", bitsandbytes.__version__)' 2>/dev/null
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s9/triton; mkdir -p "$TRITON_CACHE_DIR"
if [ "${MODE:-v10}" = "v10" ]; then
  timeout ${PYTEST_S:-120} $PY -m pytest -q -p no:cacheprovider -n 12 -o addopts="" -rfE --maxfail=5 \
    tests/gpu/test_quant_gpu.py -k "v10" > "$OUT/pytest_v10.txt" 2>&1
  echo "pytest v10 rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -3 "$OUT/pytest_v10.txt"
  timeout $(left) $PY bench/decode.py --quant --schemes ${SCHEMES:-int8,int4} --models ${MODELS:-glm4-9b,qwen2-1.5b} \
    --qsweep v10 --qprecompile 14 --qkernels v9,v10 --new 64 --reps 3 --bnb-models "" --load-models "" --no-qprefix \
    --json-out "$OUT/quant_v10.json" > "$OUT/quant_v10.log" 2>&1
  echo "decode rc=$? after $(( $(date +%s) - T0 )) s"
  grep '^{"qsweep"' "$OUT/quant_v10.log" > "$OUT/qsweep.jsonl"
  $PY - "$OUT/qsweep.jsonl" <<'PY'
import json, sys
for ln in open(sys.argv[1]):
    r = json.loads(ln)
    cell = lambda k: f"{r[k]['us']:7.2f} us {r[k]['of_hbm']:.0%}" if k in r else "      -"
    print(f"{r['qsweep']:<30} v2 {cell('v2')}  v10 {cell('v10')} {r.get('v10', {}).get('cfg', '')}")
PY
  grep "kernel v\|\] int\|ms/token" "$OUT/quant_v10.log" | grep -v "prefix" | cut -c1-300 | tail -16
  exit 0
fi
timeout ${PYTEST_S:-100} $PY -m pytest -q -p no:cacheprovider -n 12 -o addopts="" -rfE --maxfail=5 \
  tests/gpu/test_quant_gpu.py -k "test_gemv_equals or graph_path or gate_up or v10" > "$OUT/pytest_default.txt" 2>&1
echo "pytest default rc=$? after $(( $(date +%s) - T0 )) s"; tail -3 "$OUT/pytest_default.txt"
timeout $(left) $PY bench/decode.py --quant --schemes bf16,int8,int4 --models ${MODELS:-glm4-9b,qwen2-1.5b} \
  --qkernels ${QKERNELS:-v10} --new 64 --reps 3 --bnb-models ${BNB:-qwen2-1.5b,glm4-9b} --bnb-new 16 \
  --load-models ${LOADM:-qwen2-1.5b,glm4-9b} --json-out "$OUT/final.json" > "$OUT/final.log" 2>&1
echo "decode final rc=$? after $(( $(date +%s) - T0 )) s"
grep "ms/token\|bnb\|load\|prefix" "$OUT/final.log" | cut -c1-300 | tail -30
exit 0
