#!/usr/bin/env bash
# Session 11 (issue 20) on the lent GPU: v11, the quantized MLP of a decode step in ONE kernel
# (console/core/inference/quant/mlp_fused.py) against v9's two.  From the repo root on the device machine; everything
# lands in $OUT.  Carry .wheels/s6a (paho-mqtt, platformdirs, pytest-timeout, pytest-xdist, gguf).  ~6-8 minutes.
# MODE=v11 (default):
#   pytest_v11.txt   tests/gpu/test_quant_gpu.py -k v11 (xdist), stopped at PYTEST_S (default 100 s)
#   quant_v11.json/.log  bench/decode.py --quant --qmlp: per model MLP and bits, us a layer (CUDA graph over 4
#                    distinct layers) of v9 (gate/up + down, two kernels) against v11's configs, down in the
#                    checkpoint layout (v11) and repacked (v11b), with probes (no atomic adds / no down phase) for
#                    the fastest; then the whole model, ms/token of v9, v11 and v11b with the fastest configs
# A failing test does not stop the bench; a failing bench step prints what it measured so far.
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
left() { echo $(( ${BUDGET:-530} - ($(date +%s) - T0) )); }
$PY -m pip install -q --no-deps --no-index .wheels/s6a/*.whl 2>&1 | tail -2
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s11/triton; mkdir -p "$TRITON_CACHE_DIR"
if [ "${SKIP_TESTS:-0}" != "1" ]; then
  timeout ${PYTEST_S:-100} $PY -m pytest -q -p no:cacheprovider -n 8 -o addopts="" -rfE --maxfail=8 \
    tests/gpu/test_quant_gpu.py -k "v11" > "$OUT/pytest_v11.txt" 2>&1
  echo "pytest v11 rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -4 "$OUT/pytest_v11.txt"
fi
timeout $(left) $PY bench/decode.py --quant --schemes ${SCHEMES:-int8,int4} --models ${MODELS:-glm4-9b,qwen2-1.5b} \
  --qmlp --qkernels ${QKERNELS:-v9,v11,v11b} --new 64 --reps 3 --bnb-models "" --load-models "" --no-qprefix \
  --json-out "$OUT/quant_v11.json" > "$OUT/quant_v11.log" 2>&1
echo "decode rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit; quant_v11.json holds what was measured)"
grep '^{"qmlp"' "$OUT/quant_v11.log" > "$OUT/qmlp.jsonl"
$PY - "$OUT/qmlp.jsonl" <<'PY'
import json, sys
print("per-layer MLP, us (of the HBM bound): v9 = gate/up + down kernels; v11 = one kernel, down as stored; "
      "v11b = down repacked; p1 = v11 without atomic adds, p2 = without the down phase")
for ln in open(sys.argv[1]):
    r = json.loads(ln)
    v9 = r.get("v9", {})
    cell = lambda k: (f"{r[k]['us']:7.2f} ({r[k]['of_hbm']:.0%}) cfg {r[k]['cfg']} p1 {r[k].get('us_probe1')} "
                      f"p2 {r[k].get('us_probe2')}" if k in r else "      -")
    print(f"{r['qmlp']:<18} v9 {v9.get('us', '-')} ({v9.get('of_hbm', 0):.0%}; gate/up {v9.get('us_gate_up')} "
          f"down {v9.get('us_down')})")
    print(f"{'':<18} v11  {cell('v11')}")
    print(f"{'':<18} v11b {cell('v11b')}")
    for lay in ("strided", "blocked"):
        print(f"{'':<18} {lay}: " + ", ".join(f"{tuple(c['cfg'])} {c.get('us', c.get('error', '')[:40])}"
                                            for c in r.get(f"all_{lay}", [])))
PY
$PY - "$OUT/quant_v11.json" <<'PY'
import json, sys
try:
    out = json.load(open(sys.argv[1]))
except Exception as e:  # noqa: BLE001
    sys.exit(f"no quant_v11.json: {e}")
print("whole model, ms/token (of the HBM bound) [greedy tokens equal to the first kernel's for N]"
      + (" (partial: the run was stopped)" if out.get("partial") else ""))
for name, r in out.get("models", {}).items():
    for scheme, p in r.items():
        cells = []
        for k, kp in p.get("kernels", {}).items():
            if "ms_per_token" in kp:
                f = kp.get("frac_of_hbm_bound")
                cells.append(f"{k} {kp['ms_per_token']:.3f} ({f:.0%}) [{kp.get('greedy_tokens_equal_to_first_kernel')}]"
                             if f else f"{k} {kp['ms_per_token']:.3f}")
            else:
                cells.append(f"{k} ERROR {kp.get('error', '')[:120]}")
        print(f"{name:<12} {scheme:<5} " + "   ".join(cells))
print("v11 configs from the per-layer sweep:", out.get("qmlp_configs"))
PY
grep -i "error\|failed\|Traceback" "$OUT/quant_v11.log" | cut -c1-300 | head -8
exit 0
