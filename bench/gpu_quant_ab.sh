#!/usr/bin/env bash
# One device call (H100, <= 4 min): the quantized GEMV kernels v2 (the measured default) against v3
# (split-K, x reused across rows, fewer instructions a weight) and the int8 LM head, same process, same
# card; then the GPU tests of the new kernels.  Everything lands in $OUT.  No internet needed (torch and
# Triton are on the device machine; extra wheels in .wheels/ are installed as in gpu_session.sh).
#
#   bash bench/gpu_quant_ab.sh                 # from the repo root, on the device machine
#   QAB_NEW=32 QAB_PROCS=12 bash bench/gpu_quant_ab.sh   # knobs: new tokens, compile processes
#
# Read: $OUT/quant_ab.txt (table: per model and scheme the main row = v2, then one line per kernel
# variant with ms/token, "of bound" and whether its greedy tokens equal v2's), $OUT/qgemv3.jsonl (per
# product: v2 and best v3 microseconds and fraction of HBM), $OUT/quant_ab.json (everything),
# $OUT/pytest_quant_v3.txt (the v3 / LM-head GPU tests).
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print(sys.version.split()[0], torch.__version__, torch.version.cuda, triton.__version__, transformers.__version__, torch.cuda.get_device_name())'
} 2>&1 | tee "$OUT/versions.txt"
if compgen -G ".wheels/*.whl" >/dev/null; then
  $PY -m pip install -q --no-deps --no-index .wheels/*.whl 2>&1 | tail -2
fi
export TRITON_CACHE_DIR="${TMPDIR:-/tmp}/triton-cache-ab"; mkdir -p "$TRITON_CACHE_DIR"  # shared by the compile processes
# 1. the A/B (about 3 minutes): compile every candidate kernel in parallel, time v2 vs v3 configs per
#    product, then decode int8 / int4 on both shapes with v2, v3 and v3 + int8 LM head (no bf16, no
#    bitsandbytes, no load-to-first-token: those are in bench/results/quant-h100-v2.json)
timeout 200 $PY bench/decode.py --quant --schemes int8,int4 --qkernels v2,v3,v3+lm8 \
  --qprecompile "${QAB_PROCS:-12}" --qgemv3-sweep --qcands "${QAB_CANDS:-3}" \
  --models glm4-9b,qwen2-1.5b --new "${QAB_NEW:-64}" --reps 2 --bnb-models "" --load-models "" \
  --json-out "$OUT/quant_ab.json" 2> "$OUT/quant_ab.log" | tee "$OUT/quant_ab.out" | grep -v '^{"bench"' \
  | tee "$OUT/quant_ab.txt" | grep -v '^{"qgemv3"'
echo "decode A/B rc=${PIPESTATUS[0]} after $(( $(date +%s) - T0 )) s"
grep '^{"qgemv3"' "$OUT/quant_ab.out" > "$OUT/qgemv3.jsonl"
tail -3 "$OUT/quant_ab.log"
# 2. the GPU tests of v3 and the int8 LM head in what time is left (-x: stop at the first failure):
#    first whole-model decodes (v3 graph path = plain path greedily, float32; int8 LM head), then the
#    v3 kernel against dequantize-then-matmul over schemes and odd sizes
for SEL in "lm_head or (graph_path and v3 and qwen2)" "(gate_up and v3) or (v3_gemv and last)"; do
  LEFT=$(( 238 - ($(date +%s) - T0) ))
  [ "$LEFT" -lt 15 ] && { echo "no time left for: $SEL"; continue; }
  timeout "$LEFT" $PY -m pytest -x -q -p no:cacheprovider tests/gpu/test_quant_gpu.py -k "$SEL" 2>&1 \
    | tee -a "$OUT/pytest_quant_v3.txt" | tail -4
  echo "pytest [$SEL] rc=${PIPESTATUS[0]} (124: stopped after ${LEFT} s; the dots before it passed)"
done
echo "total $(( $(date +%s) - T0 )) s"
