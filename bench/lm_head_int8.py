"""How often an int8 LM head (one float32 scale per vocabulary row, ``fastdecode.LM_HEAD_BITS = 8``)
changes the greedy token, on the bundled SmolLM2-135M GGUF with real weights, on the CPU.

The model runs once (float32) over a few texts; at every position the final hidden state goes through
the float32 LM head and through its int8 round trip (``quant.tensor.quantize(w, 8, 0)``): argmax
changes, top-2 margin of the changed positions, and perplexity of the longest text with each head.

    python bench/lm_head_int8.py      # ~1 min on two busy cores (converts the GGUF once into a temp dir)

Prints one JSON object on the last line.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

TEXTS = [
    "The sun is the star at the center of the solar system. It is a nearly perfect ball of hot plasma, heated to "
    "incandescence by nuclear fusion reactions in its core. The sun radiates this energy mainly as light, "
    "ultraviolet, and infrared radiation, and is the most important source of energy for life on Earth.",
    "def fibonacci(n):\n    if n < 2:\n        return n\n    return fibonacci(n - 1) + fibonacci(n - 2)\n",
    "Turn on the living room lights, set the thermostat to 21 degrees and tell me when the washing machine is done.",
    "The capital of France is Paris. The capital of Germany is Berlin. The capital of Italy is",
]


def main() -> int:
    from console.core.inference.bundled_model import bundled_model_path, bundled_model_present
    from console.core.inference.loader import LoadOptions, load_model
    from console.core.inference.quant.tensor import dequantize, quantize

    if not bundled_model_present():
        print(json.dumps({"bench": "lm_head_int8", "error": "the bundled GGUF is not on this machine"}))
        return 1
    t0 = time.perf_counter()
    torch.set_num_threads(2)
    gguf = bundled_model_path()  # (under the model folder: resolve it before pointing that elsewhere)
    os.environ["AUTOGLM_MODEL_DIR"] = tempfile.mkdtemp(prefix="lm8-")  # the conversion cache: a temp dir
    loaded = load_model(LoadOptions(str(gguf), device="cpu"))
    model, tok = loaded.model, loaded.tokenizer
    w = model.lm_head.weight.data.float()
    wq = dequantize(quantize(w, 8, 0))
    rel_err = float((wq - w).norm() / w.norm())
    positions = changed = 0
    margins = []
    ppl = {}
    with torch.no_grad():
        for i, text in enumerate(TEXTS):
            ids = tok(text, return_tensors="pt").input_ids
            h = model.model(input_ids=ids).last_hidden_state[0].float()  # after the final norm
            lf, lq = h @ w.t(), h @ wq.t()
            a, b = lf.argmax(-1), lq.argmax(-1)
            positions += len(a)
            diff = (a != b).nonzero().flatten()
            changed += len(diff)
            for p in diff.tolist():
                top2 = lf[p].topk(2).values
                margins.append(round(float(top2[0] - top2[1]), 4))
            if i == 0:
                ppl = {head: round(float(torch.exp(F.cross_entropy(lg[:-1], ids[0, 1:]))), 4)
                       for head, lg in (("float32", lf), ("int8", lq))}
    out = {"bench": "lm_head_int8", "model": gguf.name, "vocab": w.shape[0],
           "hidden": w.shape[1], "weight_rel_error": round(rel_err, 5), "positions": positions,
           "argmax_changed": changed, "argmax_changed_frac": round(changed / positions, 4),
           "float32_top2_margin_where_changed": margins, "perplexity_text0": ppl,
           "wall_s": round(time.perf_counter() - t0, 1)}
    print(f"argmax changed at {changed} of {positions} positions; perplexity {ppl}", file=sys.stderr)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
