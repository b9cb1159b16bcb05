#!/usr/bin/env bash
# Issue 20: the int4 dp4a GEMV (console/core/inference/quant/gemv_dp4a.py) on the lent GPU.  One call, ~5 min:
# From the repo root on the device machine; everything lands in $OUT.  Carry .wheels/s6a.
#   versions.txt        the card, driver, versions
#   pytest_dp4a.txt     tests/gpu/test_gemv_dp4a_gpu.py (asm = emulated bit for bit, reference, CUDA graph), 120 s max
#   qgemv_dp4a.jsonl    bench/qgemv_dp4a.py: v9 against the dp4a GEMV's sweep, 8 decode products (last line: all rows)
#   qgemv_dp4a.log      its progress lines
# A failing test does not stop the bench.
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
$PY -m pip install -q --no-deps --no-index .wheels/s6a/*.whl 2>&1 | tail -2
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/dp4a/triton; mkdir -p "$TRITON_CACHE_DIR"
if [ "${SKIP_TESTS:-0}" != "1" ]; then
  timeout ${PYTEST_S:-120} $PY -m pytest -q -p no:cacheprovider -n ${XDIST:-4} -o addopts="" -rfE --maxfail=20 \
    tests/gpu/test_gemv_dp4a_gpu.py > "$OUT/pytest_dp4a.txt" 2>&1
  echo "pytest rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -15 "$OUT/pytest_dp4a.txt"
fi
timeout ${BENCH_S:-240} $PY bench/qgemv_dp4a.py --budget ${BUDGET:-190} ${BENCH_ARGS:-} \
  > "$OUT/qgemv_dp4a.jsonl" 2> "$OUT/qgemv_dp4a.log"
echo "bench rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"
cat "$OUT/qgemv_dp4a.log" | grep -v "^\s*$" | tail -30
$PY - "$OUT/qgemv_dp4a.jsonl" <<'PY'
import json, sys
rows = []
for line in open(sys.argv[1]):
    try:
        d = json.loads(line)
    except ValueError:
        continue
    if d.get("bench") == "qgemv_dp4a":
        print(d.get("device"), "bound", d.get("bound_bytes_per_s"), "wall", d.get("wall_s"), "s")
        rows = d.get("rows", [])
for r in rows:
    print(f"{r['product']:<38} v9 {r.get('v9_us', '-'):>7} us ({r.get('v9_of_hbm', '-')})  dp4a {r.get('dp4a_us', '-'):>7} us "
          f"({r.get('dp4a_of_hbm', '-')}) cfg {r.get('dp4a_cfg')}  x{r.get('speedup_vs_v9', '-')}  err {r.get('rel_err_vs_v9', '-')}"
          + (f"  ERR {r.get('error') or r.get('v9_error')}" if r.get('error') or r.get('v9_error') else ""))
    bad = [c for c in r.get("dp4a_configs", []) if isinstance(c[1], str)]
    for c in bad[:3]:
        print("   ", c[0], str(c[1])[:200])
PY
exit 0
