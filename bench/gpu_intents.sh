#!/usr/bin/env bash
# The assistant's bench on the lent GPU (issue 17: "run it on the lent GPU with the fast path too").
# The bundled SmolLM2 GGUF (98 MB) does not fit one device call's 64 MiB, so two calls on the same warm
# machine: call 1 carries .wheels/s4a and runs `bash bench/gpu_intents.sh stage`, call 2 carries
# .wheels/s4b (paho and the other wheels, the GGUF's second part) and runs `bash bench/gpu_intents.sh`.
# STAGE_DIR / REST_DIR name other folders for the two parts (the tree grew: with it, 55 MB + the tree no longer
# fits one call; session 6 split the file 50 MB / 48 MB into .wheels/s6i1 and .wheels/s6i2, the wheels beside part 2).
# Everything lands in $OUT: versions.txt, where.txt (where the model sits, fast path), intents_dev.txt
# (dev set, model loaded through the model worker as the console does: ties direct and through the worker).
set -uo pipefail
export PYTHONUNBUFFERED=1
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
if [ "${1:-}" = "stage" ]; then
  mkdir -p /tmp/s4 && cp ${STAGE_DIR:-.wheels/s4a}/gguf.part1 /tmp/s4/ && ls -la /tmp/s4; exit 0
fi
PY=python3
$PY -m pip install -q --no-deps --no-index ${REST_DIR:-.wheels/s4b}/*.whl 2>&1 | tail -2
export AUTOGLM_MODEL_DIR=/tmp/s4/models; mkdir -p "$AUTOGLM_MODEL_DIR"
cat /tmp/s4/gguf.part1 ${REST_DIR:-.wheels/s4b}/gguf.part2 > "$AUTOGLM_MODEL_DIR/SmolLM2-135M-Instruct.Q4_1.gguf" || exit 3
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  $PY -c 'import sys, torch, transformers; print("python", sys.version.split()[0], "torch", torch.__version__, "transformers", transformers.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
timeout 90 $PY - <<'PY' 2>&1 | tail -3 | tee "$OUT/where.txt"
from console.core.assistant.model_choice import load_local
from console.core.inference import fastdecode
from console.core.inference.decode import stream_generate
m, tok, name = load_local("bundled")
ids = tok("Turn on the kitchen light", return_tensors="pt").input_ids.to(m.device)
st = stream_generate(m, ids, 8, eos_token_ids=set(), should_stop=lambda: False, on_token=lambda t: None)
print("bundled", name, "device", m.device, "dtype", m.dtype, "unsupported_reason", fastdecode.unsupported_reason(m),
      "fast_path", st.fast_path, "ttft_ms", round(st.ttft_s * 1e3, 1))
PY
timeout 240 $PY bench/intents.py --model bundled --worker > "$OUT/intents_dev.txt" 2>&1; echo "intents rc=$?"
tail -c 2500 "$OUT/intents_dev.txt"
