#!/usr/bin/env bash
# Session 12 (issue 20) on the lent GPU: the fixed per-layer cost of a decode step.  fastdecode_triton.ATTN_FUSED
# 1 (rope + KV-cache write folded into the attention partial kernel: 2 attention kernels a layer instead of 3) and
# 2 (also the combine, by the last program of each kv head: 1 kernel) against the default (0), same run.
# From the repo root on the device machine; everything lands in $OUT.  Carry .wheels/s6a.
#   pytest_attn.txt   tests/gpu/test_attn_fused_gpu.py (xdist), stopped at PYTEST_S (default 100 s)
#   decode.json/.log  bench/decode.py --quant, both shapes, bf16 / int8 / int4, the default then each of VARIANTS
#                     (the last one attn_fused=0 again: the baseline re-timed after the others), with
#                     --profile (and --profile-variants: kernel-by-kernel GPU time per token of every row)
# A failing test does not stop the bench; a failing bench step prints what it measured so far.
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
PY=python3
T0=$(date +%s)
left() { echo $(( ${BUDGET:-525} - ($(date +%s) - T0) )); }
$PY -m pip install -q --no-deps --no-index .wheels/s6a/*.whl 2>&1 | tail -2
{ nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import sys, torch, triton, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__, "transformers", transformers.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
export TRITON_CACHE_DIR=/tmp/s12/triton; mkdir -p "$TRITON_CACHE_DIR"
if [ "${SKIP_TESTS:-0}" != "1" ]; then
  timeout ${PYTEST_S:-100} $PY -m pytest -q -p no:cacheprovider -n 8 -o addopts="" -rfE --maxfail=10 \
    ${TESTS:-tests/gpu/test_attn_fused_gpu.py} > "$OUT/pytest_attn.txt" 2>&1
  echo "pytest rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit)"; tail -4 "$OUT/pytest_attn.txt"
fi
timeout $(left) $PY bench/decode.py --quant --schemes ${SCHEMES:-bf16,int8,int4} --models ${MODELS:-qwen2-1.5b,glm4-9b} \
  --qkernels v9 --variants "${VARIANTS:-attn_fused=1,attn_fused=2,attn_fused=2+attn_warps=8,attn_fused=2+block_n=32,pdl=0,attn_fused=0}" \
  --new ${NEW:-128} --reps ${REPS:-3} ${PROFILE:---profile --profile-variants} --bnb-models "" --load-models "" \
  --no-qprefix --json-out "$OUT/decode.json" > "$OUT/decode.log" 2>&1
echo "decode rc=$? after $(( $(date +%s) - T0 )) s (124: stopped at its limit; decode.json holds what was measured)"
$PY - "$OUT/decode.json" <<'PY'
import json, sys
try:
    out = json.load(open(sys.argv[1]))
except Exception as e:  # noqa: BLE001
    sys.exit(f"no decode.json: {e}")
print(out.get("device"), "ms/token (of the HBM bound) [greedy tokens equal to the first row's]"
      + (" (partial: the run was stopped)" if out.get("partial") else ""))
def prof(p):
    k = p.get("kernels_us_per_token") or {}
    att = {n: v["us"] for n, v in k.items() if n.startswith("_attn") or n.startswith("_rope")}
    return f" busy {k.get('gpu_busy')} wall {k.get('wall')} {att}" if k else ""
for name, r in out.get("models", {}).items():
    for scheme, p in r.items():
        if "ms_per_token" not in p:
            print(name, scheme, "ERROR", str(p.get("error", ""))[:200]); continue
        print(f"{name:<11} {scheme:<5} base {p['ms_per_token']:.3f} ({p['frac_of_hbm_bound']:.0%}){prof(p)}")
        for k, kp in p.get("kernels", {}).items():
            if k == "v9":
                continue
            if "ms_per_token" in kp:
                print(f"{'':<17} {k:<26} {kp['ms_per_token']:.3f} ({kp['frac_of_hbm_bound']:.0%}) "
                      f"[{kp.get('greedy_tokens_equal_to_first_kernel')}]{prof(kp)}")
            else:
                print(f"{'':<17} {k:<26} ERROR {kp.get('error', '')[:160]}")
PY
grep -i "error\|failed\|Traceback" "$OUT/decode.log" | cut -c1-300 | head -8
exit 0
