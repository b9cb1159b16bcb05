"""Greedy agreement with llama.cpp on the same GGUF file (issue 20): the first N tokens of several
prompts from llama.cpp (llama-cpp-python in .venv-llama, greedy argmax over its logits, no server)
and from ours, the file's blocks kept quantized (``LoadOptions(quantization="int4")`` on a GGUF:
Q4_1 / Q4_0 / Q8_0 / Q4_K repacked as they are), decoded through our fast path on the CPU.

Both sides get the same prompt token ids (our tokenizer's, no BOS: SmolLM2's tokenizer adds none),
so only the arithmetic differs.  Prints one JSON line: per prompt the tokens equal before the first
divergence, the equal positions in all, the first divergence position, and there each side's logit
margin between its own choice and the other side's (logits from llama.cpp's step and from one
teacher-forced forward of our model over the same prefix), the rank of llama.cpp's choice in ours,
and over the agreed positions the largest and mean |logit difference| (with the logits' spread,
their standard deviation over the vocabulary, for scale).

Diagnostic (``--emulate``): llama.cpp's CPU matmuls with Q4_1 / Q8_0 weights round each
activation row to 8 bits in blocks of 32 first (Q8_1 / Q8_0); the same prompts decoded by our
de-quantized model with that rounding emulated before every linear layer (transformers' forward)
give ``q8_act_agree_prefix``.  Its KV cache stays float32 (llama.cpp's is fp16).

Our CPU fallback de-quantizes every layer for every token.  ``--cache-dequantized`` (the default)
replaces each ``QuantLinear`` by an ``nn.Linear`` holding its de-quantized float32 weight, which is
exactly what the fallback multiplies with (``F.linear(x, dequantize(w, x.dtype))``) computed once:
it costs 4 bytes a weight (SmolLM2-135M: 0.42 GB for the 106 M linear weights, against 0.07 GB
packed) and makes the run minutes shorter; the first prompt's first ``--check`` tokens are decoded
uncached too and must be equal.

    .venv/bin/python bench/gguf_agree.py                       # the bundled SmolLM2 Q4_1
    .venv/bin/python bench/gguf_agree.py --gguf other.gguf --tokens 32 --threads 2
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROMPTS = [
    "The capital of France is",
    "def fibonacci(n):",
    "Once upon a time, in a small village,",
    "The three primary colors are",
    "<|im_start|>user\nWhat is 12 times 7?<|im_end|>\n<|im_start|>assistant\n",
]

# runs in .venv-llama (llama-cpp-python, no torch): greedy decode of given token ids, logits saved per step
# (logits_all: llama-cpp-python 0.3 fills `scores` only then; it samples inside llama.cpp otherwise)
LLAMA_SIDE = r"""
import json, sys
import numpy as np
from llama_cpp import Llama
a = json.loads(sys.stdin.read())
llm = Llama(model_path=a["gguf"], n_ctx=a["n_ctx"], n_threads=a["threads"], n_batch=512, logits_all=True,
            verbose=False, seed=0)
out = []
for i, ids in enumerate(a["prompts"]):
    llm.reset()
    llm.eval(ids)
    toks, logits = [], []
    for _ in range(a["n"]):
        row = np.array(llm.scores[llm.n_tokens - 1], dtype=np.float32)  # the last position's logits
        t = int(row.argmax())  # greedy: temperature 0 / top_k 1
        toks.append(t)
        logits.append(row)
        llm.eval([t])
    np.save(f"{a['out']}/llama_{i}.npy", np.stack(logits))
    out.append(toks)
print(json.dumps({"tokens": out, "version": __import__("llama_cpp").__version__}))
"""


def llama_tokens(gguf: Path, prompts: list[list[int]], n: int, threads: int, out: Path) -> dict:
    py = ROOT / ".venv-llama" / "bin" / "python"
    if not py.exists():
        raise SystemExit(f"{py} not found: make the llama.cpp venv (pip install llama-cpp-python) first")
    arg = {"gguf": str(gguf), "prompts": prompts, "n": n, "threads": threads, "out": str(out),
           "n_ctx": max(len(p) for p in prompts) + n + 8}
    r = subprocess.run([str(py), "-c", LLAMA_SIDE], input=json.dumps(arg), capture_output=True, text=True,
                       check=False)
    if r.returncode:
        raise SystemExit(f"llama.cpp side failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def cache_dequantized(model) -> int:
    """Replace every QuantLinear by an nn.Linear holding its de-quantized float32 weight; returns the bytes added."""
    import torch

    from console.core.inference.quant.tensor import QuantLinear, dequantize

    added = 0
    for parent in list(model.modules()):
        for name, child in list(parent.named_children()):
            if isinstance(child, QuantLinear):
                w = dequantize(child.qw(), torch.float32)
                lin = torch.nn.Linear(child.in_features, child.out_features, bias=child.bias is not None)
                lin.weight = torch.nn.Parameter(w, requires_grad=False)
                if child.bias is not None:
                    lin.bias = torch.nn.Parameter(child.bias.data.float(), requires_grad=False)
                setattr(parent, name, lin)
                added += w.numel() * w.element_size()
    return added


def emulate_q8_activations(model):
    """A copy of ``model`` (nn.Linear layers) whose every linear layer, LM head included, first rounds
    its input as llama.cpp's CPU matmuls do for Q4_x / Q8_0 weights (``quantize_row_q8_1`` /
    ``q8_0``: blocks of 32 along K, d = absmax / 127, q = round(x / d), d kept in fp16).  Diagnostic
    only: it runs through transformers' forward (our plain path), since the fast path reads weights."""
    import torch
    import torch.nn.functional as F

    class Q8Linear(torch.nn.Linear):
        def forward(self, x):
            k = x.shape[-1]
            xb = x.float().reshape(-1, k // 32, 32)
            d = xb.abs().amax(dim=-1, keepdim=True) / 127
            q = torch.round(xb * torch.where(d > 0, 1 / d, torch.zeros_like(d)))
            xq = (q * d.half().float()).reshape(x.shape).to(x.dtype)
            return F.linear(xq, self.weight, self.bias)

    m = copy.deepcopy(model)
    for parent in list(m.modules()):
        for name, child in list(parent.named_children()):
            if type(child) is torch.nn.Linear and child.in_features % 32 == 0:
                child.__class__ = Q8Linear
    if getattr(m.config, "tie_word_embeddings", False):
        m.lm_head.weight = m.model.embed_tokens.weight
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gguf", default=None, help="GGUF file (default: the bundled SmolLM2 in the model folder)")
    ap.add_argument("--tokens", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--check", type=int, default=4, help="tokens of the first prompt decoded without the cache too")
    ap.add_argument("--no-cache-dequantized", dest="cache", action="store_false")
    ap.add_argument("--emulate", action="store_true",
                    help="also decode with llama.cpp's 8-bit activation rounding emulated (diagnostic)")
    args = ap.parse_args()

    import numpy as np
    import torch

    from console.core.inference.decode import stream_generate
    from console.core.inference.loader import LoadOptions, load_model

    torch.set_num_threads(args.threads)
    gguf = Path(args.gguf) if args.gguf else Path(os.environ.get(
        "AUTOGLM_MODEL_DIR", Path.home() / ".local/share/autoglm-console/models")) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    loaded = load_model(LoadOptions(str(gguf), device="cpu", dtype="fp32", quantization="int4"))
    model, tok = loaded.model, loaded.tokenizer
    qinfo = dict(model.config.console_quantization)
    prompts = [tok(p, add_special_tokens=True).input_ids for p in PROMPTS]

    def greedy(m, ids, n, fast=True):
        got: list[int] = []
        st = stream_generate(m, torch.tensor([ids]), n, eos_token_ids=set(), should_stop=lambda: False,
                             on_token=got.append, fast=fast)
        return got, st.fast_path

    quantized = model
    added = 0
    if args.cache:
        model = copy.deepcopy(quantized)
        added = cache_dequantized(model)
    check = None
    if args.check and args.cache:
        a, _ = greedy(quantized, prompts[0], args.check)
        b, _ = greedy(model, prompts[0], args.check)
        check = a == b
        if not check:
            raise SystemExit(f"cached de-quantized path differs from the quantized path: {a} vs {b}")
    with tempfile.TemporaryDirectory() as tmp:
        ll = llama_tokens(gguf, prompts, args.tokens, args.threads, Path(tmp))
        rows = []
        for i, ids in enumerate(prompts):
            ours, fast = greedy(model, ids, args.tokens)
            theirs = ll["tokens"][i]
            div = next((j for j, (x, y) in enumerate(zip(ours, theirs)) if x != y), None)
            row = {"prompt": PROMPTS[i][:40], "fast_path": fast, "agree_prefix": args.tokens if div is None else div,
                   "agree_positions": sum(x == y for x, y in zip(ours, theirs)), "first_divergence": div}
            upto = args.tokens if div is None else div
            with torch.no_grad():  # teacher-forced over the prompt and the agreed tokens (+ the diverging step)
                full = torch.tensor([ids + ours[:upto]])
                tf = quantized(input_ids=full).logits[0, len(ids) - 1:].float().numpy()  # packed weights
            ll_lg = np.load(f"{tmp}/llama_{i}.npy")
            diff = np.abs(tf[:upto] - ll_lg[:upto])
            row.update(logit_max_abs_diff=round(float(diff.max()), 4) if upto else None,
                       logit_mean_abs_diff=round(float(diff.mean()), 4) if upto else None,
                       logit_spread=round(float(tf[:upto].std(axis=1).mean()), 3) if upto else None)
            if div is not None:
                lg = ll_lg[div]
                our_lg = tf[div]
                a, b = ours[div], theirs[div]
                row.update(ours=tok.decode(ours[:div + 1])[-30:], llama=tok.decode(theirs[:div + 1])[-30:],
                           our_margin=round(float(our_lg[a] - our_lg[b]), 4),
                           llama_margin=round(float(lg[b] - lg[a]), 4),
                           our_top_is_ours=bool(int(our_lg.argmax()) == a),
                           llama_choice_rank_in_ours=int((our_lg > our_lg[b]).sum()) + 1)
            rows.append(row)
        if args.emulate:  # the same prompts with llama.cpp's 8-bit activation rounding emulated (plain path)
            emu = emulate_q8_activations(model)
            for i, ids in enumerate(prompts):
                got, _ = greedy(emu, ids, args.tokens, fast=False)
                theirs = ll["tokens"][i]
                div = next((j for j, (x, y) in enumerate(zip(got, theirs)) if x != y), None)
                rows[i]["q8_act_agree_prefix"] = args.tokens if div is None else div
    print(json.dumps({"gguf": gguf.name, "tokens": args.tokens, "llama_cpp": ll["version"], "torch": torch.__version__,
                      "quantization": qinfo, "cache_dequantized_bytes": added, "cache_check_equal": check,
                      "agree_prefix_total": sum(r["agree_prefix"] for r in rows),
                      "q8_act_agree_prefix_total": sum(r.get("q8_act_agree_prefix", 0) for r in rows)
                      if args.emulate else None,
                      "of": args.tokens * len(rows), "prompts": rows}))


if __name__ == "__main__":
    main()
