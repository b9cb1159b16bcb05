#!/usr/bin/env bash
# Session 7 (issue 20) on the lent GPU: where the quantized decode's time goes.  From the repo root on the device
# machine; everything lands in $OUT.  Carry .wheels/s6a (paho-mqtt, platformdirs, pytest-timeout, gguf).
# MODE=floor (default, below) or MODE=v8 (the v8 kernel: tests, sweep, whole-model A/B against v2).
#   floor.jsonl      bench/qgemv_floor.py: per decode product v2, v2 without the folded RMSNorm, a load-only kernel
#                    at v2's tiling and at the best of 87 tilings, bf16 of the same bytes (cuBLAS, ours)
#   profile.json     bench/decode.py --quant --profile: whole-model decode (v2) and its kernels per token
#                    (torch.profiler, CUDA graphs included); profile.log its stderr
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
left() { echo $(( ${BUDGET:-420} - ($(date +%s) - T0) )); }
$PY -m pip install -q --no-deps --no-index ${WHEELS:-.wheels/s6a}/*.whl 2>&1 | tail -2
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s7/triton; mkdir -p "$TRITON_CACHE_DIR"
if [ "${MODE:-floor}" = "v8" ]; then
  # v8 (v2's tile, the RMS in the K loop, the next tile read ahead): GPU tests first, then the per-product sweep
  # (v2's table config against 12 v8 configs around it) and the whole-model A/B with the sweep's winners
  #   pytest_v8.txt  tests/gpu/test_quant_gpu.py -k "v8 or test_gemv_equals" (xdist), stopped at PYTEST_S
  #   qsweep.jsonl / quant_ab.json / quant_ab.log  as bench/gpu_session6.sh (QSWEEP_ARGS="": no sweep, v2's configs)
  timeout ${PYTEST_S:-90} $PY -m pytest -q -p no:cacheprovider -n 12 -o addopts="" -rfE --maxfail=5 \
    tests/gpu/test_quant_gpu.py -k "v8 or test_gemv_equals" > "$OUT/pytest_v8.txt" 2>&1
  echo "pytest v8 rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -3 "$OUT/pytest_v8.txt"
  timeout $(left) $PY bench/decode.py --quant --schemes int8,int4 --models ${MODELS:-glm4-9b,qwen2-1.5b} \
    ${QSWEEP_ARGS---qsweep v8 --qprecompile 14} --qkernels v2,v8 --new 64 --reps 2 --bnb-models "" --load-models "" --no-qprefix \
    --json-out "$OUT/quant_ab.json" > "$OUT/quant_ab.log" 2>&1
  echo "decode A/B rc=$? after $(( $(date +%s) - T0 )) s"
  grep '^{"qsweep"' "$OUT/quant_ab.log" > "$OUT/qsweep.jsonl"
  $PY - "$OUT/qsweep.jsonl" <<'PY'
import json, sys
for ln in open(sys.argv[1]):
    r = json.loads(ln)
    cell = lambda k: f"{r[k]['us']:7.2f} us {r[k]['of_hbm']:.0%}" if k in r else "      -"
    print(f"{r['qsweep']:<30} v2 {cell('v2')}  v8 {cell('v8')} {r.get('v8', {}).get('cfg', '')}")
PY
  grep "kernel v\|\] int" "$OUT/quant_ab.log" | grep -v "prefix" | cut -c1-400 | tail -12
  exit 0
fi
timeout ${FLOOR_S:-220} $PY bench/qgemv_floor.py --models ${MODELS:-glm4-9b,qwen2-1.5b} > "$OUT/floor.jsonl" 2> "$OUT/floor.log"
echo "floor rc=$? after $(( $(date +%s) - T0 )) s"
$PY - "$OUT/floor.jsonl" <<'PY'
import json, sys
for ln in open(sys.argv[1]):
    r = json.loads(ln)
    if "product" not in r:
        print(ln.strip()); continue
    f = lambda k: f"{r[k]:6.2f}" if isinstance(r.get(k), float) else "     -"
    lb = r.get("load_best", {})
    print(f"{r['product']:<28} v2 {f('v2_us')} nonorm {f('v2_no_norm_us')} load@v2 {f('load_v2_tiling_us')} "
          f"load_best {lb.get('us', 0):6.2f} ({lb.get('of_hbm', 0):.0%}) {lb.get('bn_words_warps_split')} "
          f"bf16 cublas {f('bf16_same_bytes_cublas_us')} ours {f('bf16_same_bytes_ours_us')}")
PY
timeout $(left) $PY bench/decode.py --quant --schemes ${SCHEMES:-bf16,int8,int4} --models ${MODELS:-glm4-9b,qwen2-1.5b} \
  --qkernels v2 --profile --new 64 --reps 2 --bnb-models "" --load-models "" --no-qprefix \
  --json-out "$OUT/profile.json" > "$OUT/profile.log" 2>&1
echo "decode+profile rc=$? after $(( $(date +%s) - T0 )) s"
grep "kernels:" "$OUT/profile.log" | cut -c1-1500
exit 0
