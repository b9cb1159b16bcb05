"""Decode speed: transformers' generate (default cache, static cache) vs our fast path, same run.

Random-weight models built from the Qwen2-1.5B and GLM-4-9B configs (no downloads), batch 1, bf16 on
CUDA, a 512-token prompt, 128 new tokens, greedy.  Prints a table, then one JSON object on the last
line.  "bound" is the time to read every weight once at the card's HBM bandwidth (3.35 TB/s H100 SXM,
4.8 TB/s H200).  The prefix-cache part times TTFT of a 1,500-token repeated prefix plus a new
16-token question, with and without the cache.  ``--quick``: tiny models on the CPU, same fields.

    python bench/decode.py            # on the GPU machine
    python bench/decode.py --quick    # anywhere, < 30 s
    python bench/decode.py --quant    # bf16 / int8 / int4 fast path (+ bitsandbytes 8-bit / nf4 where installed)

``--quant``: per model, the fast path with bf16 weights, int8 (per channel) and int4 (group 128)
quantized at load (``console.core.inference.quant``), and bitsandbytes' int8 / nf4 through
transformers' generate (our plain path) where bitsandbytes imports.  "of bound" there is computed from
the bytes each path must read per token: every weight it reads (quantized bytes with their scales;
the LM head in bf16; the input embedding only where it is tied to the LM head) plus the KV cache at
the mean position.  "load to first token": a fresh process per path builds the model, quantizes,
warms up (Triton compile + graph capture, as Load does) and serves one 512-token request, with an
empty Triton cache (cold) and again with the cache the first one left (warm).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402
import transformers  # noqa: E402

from console.core.inference import fastdecode  # noqa: E402
from console.core.inference import fastdecode_triton as fdt  # noqa: E402
from console.core.inference.decode import stream_generate  # noqa: E402
from console.core.inference.prefix_cache import PrefixCache  # noqa: E402
from console.core.inference.quant.convert import quantize_model  # noqa: E402
from console.core.inference.quant.tensor import QuantLinear  # noqa: E402

NO_SPECIAL = dict(bos_token_id=None, eos_token_id=None, pad_token_id=None)

# Qwen/Qwen2-1.5B-Instruct config.json
QWEN2_1_5B = dict(
    vocab_size=151936, hidden_size=1536, intermediate_size=8960, num_hidden_layers=28, num_attention_heads=12,
    num_key_value_heads=2, max_position_embeddings=32768, rms_norm_eps=1e-6, tie_word_embeddings=True,
    rope_parameters={"rope_type": "default", "rope_theta": 1000000.0},
)
# THUDM/glm-4-9b-chat-hf config.json (transformers' GlmForCausalLM)
GLM4_9B = dict(
    vocab_size=151552, hidden_size=4096, intermediate_size=13696, num_hidden_layers=40, num_attention_heads=32,
    num_key_value_heads=2, head_dim=128, max_position_embeddings=131072, rms_norm_eps=1.5625e-07,
    attention_bias=True, tie_word_embeddings=False,
    rope_parameters={"rope_type": "default", "rope_theta": 10000.0, "partial_rotary_factor": 0.5},
)
TINY = dict(hidden_size=128, intermediate_size=352, num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2,
            max_position_embeddings=4096)


def build(name: str, quick: bool, device, dtype):
    if name == "qwen2-1.5b":
        cfg = dict(QWEN2_1_5B, **(dict(TINY, vocab_size=4096) if quick else {}))
        config, cls = transformers.Qwen2Config(**cfg, **NO_SPECIAL), transformers.Qwen2ForCausalLM
    else:
        cfg = dict(GLM4_9B, **(dict(TINY, vocab_size=4096, head_dim=32) if quick else {}))
        config, cls = transformers.GlmConfig(**cfg, **NO_SPECIAL), transformers.GlmForCausalLM
    torch.manual_seed(0)
    with torch.device(device):
        model = cls(config).to(dtype).eval()  # random weights, normal(0, 0.02) as transformers inits them
    return model


def weight_bytes(model) -> int:
    seen, total = set(), 0
    for p in model.parameters():
        if p.data_ptr() not in seen:
            seen.add(p.data_ptr())
            total += p.numel() * p.element_size()
    return total


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


class _StepClock(transformers.StoppingCriteria):
    """Timestamps each generated token (after a device sync); never stops generation."""

    def __init__(self, device):
        self.device, self.times = device, []

    def __call__(self, input_ids, scores, **kwargs):
        sync(self.device)
        self.times.append(time.perf_counter())
        return torch.zeros(input_ids.shape[0], dtype=torch.bool, device=input_ids.device)


def time_generate(model, ids, new, device, reps, **kw):
    """(ttft_s, ms per decode token, tokens): one generate call per repetition, medians.

    TTFT: call start to the first token; ms/token: first to last token over new - 1."""
    mask = torch.ones_like(ids)

    def once():
        clock = _StepClock(device)
        sync(device)
        t = time.perf_counter()
        out = model.generate(ids, attention_mask=mask, max_new_tokens=new, min_new_tokens=new, do_sample=False,
                             stopping_criteria=transformers.StoppingCriteriaList([clock]), **kw)
        sync(device)
        assert out.shape[1] == ids.shape[1] + new and len(clock.times) == new, (out.shape, len(clock.times))
        return clock.times[0] - t, (clock.times[-1] - clock.times[0]) / (new - 1) * 1e3, out[0, ids.shape[1]:].tolist()

    once()  # warm-up (the static path compiles here)
    runs = [once() for _ in range(reps)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), runs[0][2]


def time_fast(model, ids, new, reps):
    def once():
        got = []
        st = stream_generate(model, ids, new, eos_token_ids=set(), should_stop=lambda: False, on_token=got.append)
        assert st.new_tokens == new and st.fast_path, st
        return st, got

    once()  # warm-up: static cache, graph capture
    runs = [once() for _ in range(reps)]
    ttft = statistics.median(r[0].ttft_s for r in runs)
    per = statistics.median((r[0].e2e_s - r[0].ttft_s) / (new - 1) for r in runs) * 1e3
    return ttft, per, runs[0][1]


def row(ttft_s, ms, bound_ms):
    return {
        "ms_per_token": round(ms, 3),
        "tokens_per_s": round(1e3 / ms, 1),
        "ttft_ms": round(ttft_s * 1e3, 2),
        "frac_of_hbm_bound": round(bound_ms / ms, 3) if bound_ms else None,
    }


def prefix_ttft(model, prefix_len, suffix_len, vocab, device, reps, fast, profile=False):
    """TTFT of prefix + a fresh suffix: without a cache, and with one that saw the prefix before."""
    g = torch.Generator().manual_seed(7)
    prefix = torch.randint(0, vocab, (prefix_len,), generator=g)

    def ask():
        return torch.cat([prefix, torch.randint(0, vocab, (suffix_len,), generator=g)]).unsqueeze(0).to(device)

    def ttft(ids, cache):
        st = stream_generate(model, ids, 1, eos_token_ids=set(), should_stop=lambda: False, on_token=lambda t: None,
                             prefix_cache=cache, fast=fast)
        return st

    ttft(ask(), None)  # warm-up
    without = statistics.median(ttft(ask(), None).ttft_s for _ in range(reps))
    cache = PrefixCache(max_bytes=4 << 30)
    ttft(ask(), cache)  # the first request fills the cache
    ttft(ask(), cache)  # warm-up of the hit path (on CUDA: captures the short-prefill graph)
    stats = [ttft(ask(), cache) for _ in range(reps)]
    with_ = statistics.median(s.ttft_s for s in stats)
    # what the new tokens cost on their own: a prompt of just the suffix length, no cache
    ttft(ask()[:, prefix_len:], None)  # warm-up (on CUDA: captures its graph)
    alone = statistics.median(ttft(ask()[:, prefix_len:], None).ttft_s for _ in range(reps))
    extra = {}
    if profile:  # GPU time of one cache hit (kernels by name) against its TTFT
        from torch.profiler import ProfilerActivity, profile as torch_profile

        with torch_profile(activities=[ProfilerActivity.CUDA]) as prof:
            st = ttft(ask(), cache)
        ks = sorted(((ev.key[:50], ev.self_device_time_total, ev.count) for ev in prof.key_averages()
                     if ev.self_device_time_total), key=lambda r: -r[1])
        extra["hit_profile"] = {"ttft_us": round(st.ttft_s * 1e6, 1), "gpu_busy_us": round(sum(k[1] for k in ks), 1),
                                "kernels": {k: [round(t, 1), c] for k, t, c in ks[:16]}}
    return {
        **extra,
        "prefix_tokens": prefix_len,
        "new_tokens": suffix_len,
        "cached_prompt_tokens": min(s.cached_prompt_tokens for s in stats),
        "ttft_ms_without": round(without * 1e3, 2),
        "ttft_ms_with": round(with_ * 1e3, 2),
        "ttft_cut": round(without / with_, 1),
        "ttft_ms_new_tokens_alone": round(alone * 1e3, 2),
    }


def bench_model(name, args, device, dtype, bw):
    model = build(name, args.quick, device, dtype)
    vocab = model.config.vocab_size
    wb = weight_bytes(model)
    bound_ms = wb / bw * 1e3 if bw else None
    ids = torch.randint(0, vocab, (1, args.prompt), generator=torch.Generator().manual_seed(1)).to(device)
    res = {"weight_bytes": wb, "bound_ms_per_token": round(bound_ms, 3) if bound_ms else None}
    log(f"[{name}] {wb / 1e9:.2f} GB of weights, bound {bound_ms or 0:.2f} ms/token")

    t1, ms, ref_default = time_generate(model, ids, args.new, device, args.reps)
    res["generate_default"] = row(t1, ms, bound_ms)
    log(f"[{name}] generate default: {res['generate_default']}")
    if not args.skip_static:
        try:
            t1, ms, _ = time_generate(model, ids, args.new, device, args.reps, cache_implementation="static")
            res["generate_static"] = row(t1, ms, bound_ms)
        except Exception as e:  # noqa: BLE001 - a baseline that fails is reported, the rest still runs
            res["generate_static"] = {"error": f"{type(e).__name__}: {e}"[:300]}
        log(f"[{name}] generate static: {res['generate_static']}")
    for variant in args.variants:
        fastdecode.release(model)
        apply_settings(DEFAULTS)
        try:
            apply_settings(dict(kv.split("=", 1) for kv in variant.split("+")))
            t1, ms, _ = time_fast(model, ids, args.new, args.reps)
            res.setdefault("fast_variants", {})[variant] = row(t1, ms, bound_ms)
            if args.profile:
                res["fast_variants"][variant]["kernels_us_per_token"] = kernel_profile(model, ids, min(args.new, 64), top=4)
            if args.variant_prefix:
                pc = prefix_ttft(model, args.prefix, 16, vocab, device, args.reps, fast=True,
                                 profile=args.profile and device.type == "cuda")
                res["fast_variants"][variant]["prefix_cache"] = {k: pc[k] for k in (
                    "ttft_ms_without", "ttft_ms_with", "ttft_cut", "ttft_ms_new_tokens_alone", "hit_profile")
                    if k in pc}
        except Exception as e:  # noqa: BLE001 - a variant that fails is reported, the rest still runs
            res.setdefault("fast_variants", {})[variant] = {"error": f"{type(e).__name__}: {e}"[:300]}
        log(f"[{name}] fast {variant}: {res['fast_variants'][variant]}")
    fastdecode.release(model)
    apply_settings(DEFAULTS)
    t1, ms, got = time_fast(model, ids, args.new, args.reps)
    res["fast"] = row(t1, ms, bound_ms)
    res["fast"]["triton_kernels"] = fastdecode.runner_for(model).triton
    res["fast"]["fused_gemv"] = fastdecode.runner_for(model).triton and fastdecode.runner_for(model).fused_gemv
    log(f"[{name}] fast: {res['fast']}")
    res["speedup_vs_generate_default"] = round(res["generate_default"]["ms_per_token"] / ms, 2)
    st = res.get("generate_static", {})
    res["speedup_vs_generate_static"] = round(st["ms_per_token"] / ms, 2) if "ms_per_token" in st else None
    agree = next((i for i, (a, b) in enumerate(zip(got, ref_default)) if a != b), len(got))
    res["greedy_tokens_equal_to_generate"] = agree  # leading tokens identical (bf16 rounding differs)
    if args.profile:
        res["kernels_us_per_token"] = kernel_profile(model, ids, min(args.new, 64))
        log(f"[{name}] kernels: {res['kernels_us_per_token']}")
    res["prefix_cache_fast"] = prefix_ttft(model, args.prefix, 16, vocab, device, args.reps, fast=True,
                                           profile=args.profile and device.type == "cuda")
    res["prefix_cache_plain"] = prefix_ttft(model, args.prefix, 16, vocab, device, args.reps, fast=False)
    log(f"[{name}] prefix fast: {res['prefix_cache_fast']}; plain: {res['prefix_cache_plain']}")
    if args.check_fp32:
        res["float32_check"] = fp32_check(model, ids, min(args.new, 32))
        log(f"[{name}] float32 check: {res['float32_check']}")
    fastdecode.release(model)
    del model
    if device.type == "cuda":
        torch.cuda.empty_cache()
    return res


def read_bytes(model, position: int) -> int:
    """Bytes one decode token must read: every weight and quantized buffer once, except the input
    embedding (one row) unless it is also the LM head, plus the KV cache up to ``position``."""
    embed = model.get_input_embeddings().weight
    tied = model.lm_head.weight.data_ptr() == embed.data_ptr() if hasattr(model.lm_head, "weight") else False
    seen, total = set(), 0
    for t in list(model.parameters()) + list(model.buffers()):
        if t.data_ptr() in seen or (t.data_ptr() == embed.data_ptr() and not tied):
            continue
        seen.add(t.data_ptr())
        total += t.numel() * t.element_size()
    c = model.config
    hd = getattr(c, "head_dim", None) or c.hidden_size // c.num_attention_heads
    kv = 2 * c.num_hidden_layers * c.num_key_value_heads * hd * position * 2
    return total + kv


def free_cuda():
    import gc

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.synchronize()
        torch.cuda.empty_cache()


def bench_quant(name, args, device, bw):
    """bf16 / int8 / int4 through the fast path, bitsandbytes through generate; see the module doc."""
    res = {}
    ids = None
    ref = None
    position = args.prompt + args.new // 2
    for scheme in args.schemes:
        free_cuda()
        model = build(name, False, device, torch.bfloat16)
        if ids is None:
            ids = torch.randint(0, model.config.vocab_size, (1, args.prompt),
                                generator=torch.Generator().manual_seed(1)).to(device)
        t = time.perf_counter()
        if scheme != "bf16":
            quantize_model(model, scheme)
        free_cuda()
        qs = time.perf_counter() - t
        rb = read_bytes(model, position)
        bound_ms = rb / bw * 1e3 if bw else None
        # the quantized GEMV kernels compared in this process (--qkernels): the first is the main row; then
        # each fast-path variant (--variants, NAME=VALUE joined by '+') with the first kernel
        variants = [("", None, {})] if scheme == "bf16" else [(v, v, {}) for v in args.qkernels]
        variants += [(v, variants[0][1], dict(kv.split("=", 1) for kv in v.split("+"))) for v in args.variants]
        r, toks = None, []
        for label, variant, settings in variants:
            fastdecode.release(model)
            apply_settings(DEFAULTS)
            apply_settings(settings)
            with qkernel_setting(variant):
                try:
                    t1, ms, vt = time_fast(model, ids, args.new, args.reps)
                    vr = row(t1, ms, bound_ms)
                except Exception as e:  # noqa: BLE001 - reported, the rest still runs
                    log(f"[{name}] {scheme} {label} failed: {type(e).__name__}: {e}")
                    vr, vt = {"error": f"{type(e).__name__}: {e}"[:300]}, []
            if variant is not None and QKERNELS[variant].get("LM_HEAD") and "ms_per_token" in vr and bw:
                # the LM head read as int8 + one float32 scale a row instead of bf16
                lm = model.lm_head.weight
                lrb = rb - lm.numel() * lm.element_size() + lm.numel() + 4 * lm.shape[0]
                vr.update(read_bytes_per_token=lrb, frac_of_hbm_bound=round(lrb / bw * 1e3 / vr["ms_per_token"], 3))
            if r is None:
                r, toks = dict(vr), vt
                if args.profile and "ms_per_token" in vr:  # where the first kernel's token goes, kernel by kernel
                    with qkernel_setting(variant):
                        r["kernels_us_per_token"] = kernel_profile(model, ids, min(args.new, 64), top=12)
                    log(f"[{name}] {scheme} kernels: {r['kernels_us_per_token']}")
                    fastdecode.release(model)
            elif args.profile_variants and "ms_per_token" in vr:
                with qkernel_setting(variant):
                    vr["kernels_us_per_token"] = kernel_profile(model, ids, min(args.new, 64), top=12)
                fastdecode.release(model)
            if label:
                vr["greedy_tokens_equal_to_first_kernel"] = next(
                    (i for i, (a, b) in enumerate(zip(vt, toks)) if a != b), min(len(vt), len(toks)))
                r.setdefault("kernels", {})[label] = vr
                log(f"[{name}] {scheme} kernel {label}: {vr}")
        apply_settings(DEFAULTS)
        if len(variants) > 1 or variants[0][1] is not None:
            r["kernel"] = variants[0][0]
        r["read_bytes_per_token"] = rb
        r["bound_ms_per_token"] = round(bound_ms, 3) if bound_ms else None
        r["gpu_memory_gib"] = round(torch.cuda.memory_allocated() / 2**30, 2) if device.type == "cuda" else None
        r["peak_gpu_memory_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2) if device.type == "cuda" else None
        r["quantize_s"] = round(qs, 2)
        if args.qprefix:  # a prefix-cache hit with these weights against its new tokens alone
            try:
                pc = prefix_ttft(model, args.prefix, 16, model.config.vocab_size, device, args.reps, fast=True)
                pc["hit_over_new_tokens_alone"] = round(pc["ttft_ms_with"] / pc["ttft_ms_new_tokens_alone"], 2)
            except Exception as e:  # noqa: BLE001 - reported, the rest still runs
                pc = {"error": f"{type(e).__name__}: {e}"[:300]}
            r["prefix_cache"] = pc
            log(f"[{name}] {scheme} prefix cache: {pc}")
        if scheme == "bf16":
            ref = toks
        elif ref is not None:
            r["greedy_tokens_equal_to_bf16"] = next((i for i, (a, b) in enumerate(zip(toks, ref)) if a != b), len(toks))
        res[scheme] = r
        log(f"[{name}] {scheme}: {r}")
        fastdecode.release(model)
        del model
        if device.type == "cuda":
            torch.cuda.reset_peak_memory_stats()
    free_cuda()
    return res


def bnb_for(name, args, device, bw):
    """bench_bnb with bench_quant's prompt and mean position (run after every fast path is timed)."""
    vocab = (QWEN2_1_5B if name == "qwen2-1.5b" else GLM4_9B)["vocab_size"]
    ids = torch.randint(0, vocab, (1, args.prompt), generator=torch.Generator().manual_seed(1)).to(device)
    res = bench_bnb(name, args, device, bw, ids, args.prompt + args.new // 2)
    free_cuda()
    return res


def bench_bnb(name, args, device, bw, ids, position):
    """bitsandbytes 8-bit and nf4 (transformers' generate: the plain path), from a saved bf16 copy."""
    out = {}
    try:
        import bitsandbytes  # noqa: F401
    except ImportError as e:
        return {"bnb": {"error": f"bitsandbytes not importable: {e}"}}
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix=f"bnb-{name}-"))
    model = build(name, False, device, torch.bfloat16)
    model.save_pretrained(str(folder))
    del model
    free_cuda()
    for label, qc in (("bnb_int8", transformers.BitsAndBytesConfig(load_in_8bit=True)),
                      ("bnb_nf4", transformers.BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                                                   bnb_4bit_compute_dtype=torch.bfloat16))):
        free_cuda()
        try:
            model = transformers.AutoModelForCausalLM.from_pretrained(str(folder), quantization_config=qc,
                                                                      device_map={"": 0}, dtype=torch.bfloat16)
            rb = read_bytes(model, position)
            bound_ms = rb / bw * 1e3 if bw else None
            new = min(args.new, args.bnb_new)
            t1, ms, _ = time_generate(model, ids, new, device, 1)
            r = row(t1, ms, bound_ms)
            r.update(read_bytes_per_token=rb, new_tokens=new, gpu_memory_gib=round(torch.cuda.memory_allocated() / 2**30, 2))
        except Exception as e:  # noqa: BLE001
            r = {"error": f"{type(e).__name__}: {e}"[:300]}
        out[label] = r
        log(f"[{name}] {label}: {r}")
        model = None
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    return out


# --qkernels: NAME -> settings of quant.kernels (KERNEL, REDUCE) and of the fast path (lm_head int8)
QKERNELS = {
    "v2": {"KERNEL": "v2"},  # the measured default (bench/results/quant-h100-v2.json)
    "v3": {"KERNEL": "v3", "REDUCE": "last"},  # split-K, last program reduces
    "v3p": {"KERNEL": "v3", "REDUCE": "pass2"},  # split-K, second kernel reduces
    "v3+lm8": {"KERNEL": "v3", "REDUCE": "last", "LM_HEAD": 8},  # and the LM head in int8 (per channel)
    "v2+lm8": {"KERNEL": "v2", "LM_HEAD": 8},
    "v4": {"KERNEL": "v4"},
    "v5": {"KERNEL": "v5"},
    "v6": {"KERNEL": "v6"},  # f16x2 arithmetic (session 5): its rule configs, or the --qsweep winners  # v2's tile with v3's one LOP3 + FADD + FFMA a weight (not measured on a GPU yet)  # v2 with x read once a tile as 16-byte rows, one broadcast shift to unpack
    "v7": {"KERNEL": "v7"},  # tensor cores (session 6): its rule configs, or the --qsweep winners
    "v8": {"KERNEL": "v8"},  # v2's tile and configs, the RMS in the K loop, the next tile read ahead (session 7)
    "v9": {"KERNEL": "v9"},  # v8 without a subtraction a weight, gate and up from one read of x (session 8)
    "v10": {"KERNEL": "v10"},  # v9 (int4) / v8 (int8) with split-K where CONFIGS10 says (session 9)
    # per product the fastest of quant.kernels.candidates (v2 configs, v4, v3), timed at load on this card
    "auto": {"KERNEL": "auto"},
}


class qkernel_setting:
    """Context: the quantized kernels of variant ``name`` (None: leave the settings as they are)."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        from console.core.inference.quant import kernels as qk

        self.saved = (qk.KERNEL, qk.REDUCE, fastdecode.LM_HEAD_BITS)
        if self.name is None:
            return self
        cfg = QKERNELS[self.name]
        qk.KERNEL = cfg.get("KERNEL", qk.KERNEL)
        qk.REDUCE = cfg.get("REDUCE", qk.REDUCE)
        fastdecode.LM_HEAD_BITS = cfg.get("LM_HEAD", 0)
        return self

    def __exit__(self, *exc):
        from console.core.inference.quant import kernels as qk

        qk.KERNEL, qk.REDUCE, fastdecode.LM_HEAD_BITS = self.saved
        return False


# the decode step's quantized products per model: (N, K, mode, RMSNorm folded in); "glu" N is the output width
QSHAPES = {"qwen2-1.5b": [(2048, 1536, "plain", True), (1536, 1536, "residual", False), (8960, 1536, "glu", True),
                          (1536, 8960, "residual", False)],
           "glm4-9b": [(4608, 4096, "plain", True), (4096, 4096, "residual", False), (13696, 4096, "glu", True),
                       (4096, 13696, "residual", False)]}
LM_SHAPES = {"qwen2-1.5b": (151936, 1536), "glm4-9b": (151552, 4096)}


def qgemv3_candidates(models, cands: int):
    """[(model, n, k, mode, norm, bits, group, kernel, cfg)]: per decode product and bits, v2 with its
    table config and up to ``cands`` v3 configs around the v3 rule; plus the int8 LM head (rule configs)."""
    from console.core.inference.quant import kernels as qk

    out = []
    for model in models:
        for n, k, mode, norm in QSHAPES.get(model, []):
            for bits, group in ((8, 0), (4, 128)):
                out.append((model, n, k, mode, norm, bits, group, "v2", tuple(qk.config(bits, n, k, group))))
                bn, bk, w, rb = qk.config3(bits, n, k, group)
                seen = set()
                for c in [(bn, bk, w, rb), (bn, bk // 2, w, rb), (bn, bk, 8, rb), (bn, bk, w, min(64, rb * 2)),
                          (2 * bn, bk, w, max(2 * bn, rb)), (bn, bk, w, max(bn, rb // 2))]:
                    if len(seen) < cands and c[1] >= max(group, 256) and c not in seen:
                        seen.add(c)
                        out.append((model, n, k, mode, norm, bits, group, "v3", c))
        if model in LM_SHAPES:
            n, k = LM_SHAPES[model]
            out.append((model, n, k, "plain", True, 8, 0, "v2", tuple(qk.config(8, n, k, 0))))
            out.append((model, n, k, "plain", True, 8, 0, "v3", tuple(qk.config3(8, n, k, 0))))
    return out


def qtune_candidates(models):
    """The items (as ``qgemv3_candidates``) that KERNEL = "auto" times at load: quant.kernels.candidates
    of each decode product, int8 and int4 (group 128)."""
    from console.core.inference.quant import kernels as qk

    return [(model, n, k, mode, norm, bits, group, kern, tuple(cfg))
            for model in models for n, k, mode, norm in QSHAPES.get(model, [])
            for bits, group in ((8, 0), (4, 128)) for kern, cfg in qk.candidates(bits, n, k, group)]


def _graph_us(it, qws, x, h, nw, do_bench=None) -> float:
    """Microseconds a product: one CUDA graph runs it over every weight of ``qws`` (distinct matrices, as in
    the model: the L2 cache never holds the next one), median replay time / len(qws)."""
    return graph_calls_us([lambda q=q: _qgemv_call(it, q, x, h, nw) for q in qws])


def graph_calls_us(calls) -> float:
    """Median microseconds a call: one CUDA graph of ``calls`` (console/core/inference/graph_timing.py)."""
    from console.core.inference.graph_timing import graph_us

    return graph_us(calls)


def _qgemv_call(item, qw, x, h, nw):
    from console.core.inference.quant import kernels as qk

    _, n, k, mode, norm, bits, group, kern, cfg = item
    return qk.gemv(x, qw, norm=(nw, 1e-6) if norm else None, out=h if mode == "residual" else None, mode=mode,
                   cfg=cfg, kernel=kern)


def _qweights(n, k, mode, bits, group, seed=0):
    from console.core.inference.quant.tensor import quantize

    torch.manual_seed(seed)
    rows = 2 * n if mode == "glu" else n
    return quantize(torch.randn(rows, k, device="cuda", dtype=torch.bfloat16) * 0.02, bits, group)


def _precompile_worker(items):
    """Run each item once (a subprocess: fills the on-disk Triton cache, so the timing process loads
    instead of compiling); returns the errors."""
    import torch as t

    errors = {}
    for item in items:
        _, n, k, mode, norm, bits, group, kern, cfg = item
        try:
            qw = _qweights(n, k, mode, bits, group)
            x = t.randn(1, k, device="cuda", dtype=t.bfloat16)
            h = t.zeros(1, n, device="cuda", dtype=t.bfloat16)
            nw = t.rand(k, device="cuda", dtype=t.bfloat16) + 0.5
            _qgemv_call(item, qw, x, h, nw)
            t.cuda.synchronize()
        except Exception as e:  # noqa: BLE001 - reported by the sweep itself
            errors[str(item)] = f"{type(e).__name__}: {str(e)[:200]}"
    return errors


def precompile(items, procs: int) -> dict:
    """Compile ``items``' kernels in ``procs`` processes at once (Triton compiles one kernel at a time
    per process; the device machine has 16 cores)."""
    import concurrent.futures
    import multiprocessing

    t0 = time.perf_counter()
    chunks = [items[i::procs] for i in range(procs)]
    errors = {}
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(procs, mp_context=ctx) as ex:
        for e in ex.map(_precompile_worker, chunks):
            errors.update(e)
    log(f"precompiled {len(items)} GEMV kernels in {procs} processes: {time.perf_counter() - t0:.1f} s, "
        f"{len(errors)} errors")
    return {"kernels": len(items), "processes": procs, "s": round(time.perf_counter() - t0, 1), "errors": errors}


def qgemv3_sweep(models, bw, cands: int = 3):
    """The v3 kernel's configs around its rule against v2 (its table config), on each decode product
    with the decode step's mode and norm (weights rotated past the L2, one CUDA graph of many calls,
    as ``qgemv_sweep``); every candidate's result is checked against v2's.  Returns
    ({(bits, n, k): best v3 cfg}, table); prints one JSON line per product."""
    from triton.testing import do_bench

    best, table = {}, {}
    items = qgemv3_candidates(models, cands)
    groups: dict[tuple, list] = {}
    for it in items:
        groups.setdefault(it[:7], []).append(it)
    for key, its in groups.items():
        model, n, k, mode, norm, bits, group = key
        if (n, k) == LM_SHAPES.get(model):
            continue  # the LM head: compiled (precompile), timed in the decode runs only
        qw0 = _qweights(n, k, mode, bits, group)
        copies = max(2, int(256e6 // qw0.nbytes()) + 1)
        qws = [qw0] + [type(qw0)(qw0.q.clone(), qw0.scales.clone(), None, bits, group, k) for _ in range(copies - 1)]
        x = torch.randn(1, k, device="cuda", dtype=torch.bfloat16)
        nw = torch.rand(k, device="cuda", dtype=torch.bfloat16) + 0.5
        h = torch.zeros(1, n, device="cuda", dtype=torch.bfloat16)
        res, ref = {}, None
        name = f"int{bits} {n}x{k} {mode}{' +norm' if norm else ''}"
        for it in its:
            kern, cfg = it[7], it[8]
            try:
                h.zero_()
                got = _qgemv_call(it, qws[0], x, h, nw).float().clone()
                if ref is None:
                    ref = got  # v2 (the first item)
                else:
                    err = float((got - ref).norm() / ref.norm())
                    if not err < 2e-2:
                        table[f"{name} {kern} {cfg}"] = {"error": f"differs from v2: relative {err:.3g}"}
                        log(f"qgemv3 {name} {kern} {cfg}: differs from v2, relative {err:.3g}")
                        continue
                res[(kern, cfg)] = _graph_us(it, qws, x, h, nw, do_bench)
            except Exception as e:  # noqa: BLE001 - a config that does not build is reported
                log(f"qgemv3 {name} {kern} {cfg}: {type(e).__name__}: {str(e)[:160]}")
                table[f"{name} {kern} {cfg}"] = {"error": f"{type(e).__name__}: {str(e)[:160]}"}
        v3 = {c: t for (kern, c), t in res.items() if kern == "v3"}
        v2 = next((t for (kern, _), t in res.items() if kern == "v2"), None)
        entry = {"v2_us": round(v2, 2) if v2 else None,
                 "v2_of_hbm": round(qw0.nbytes() / (v2 * 1e-6) / bw, 3) if v2 and bw else None}
        if v3:
            cfg = min(v3, key=v3.get)
            best[(bits, n, k)] = cfg
            entry.update(v3_best=list(cfg), v3_us=round(v3[cfg], 2),
                         v3_of_hbm=round(qw0.nbytes() / (v3[cfg] * 1e-6) / bw, 3) if bw else None,
                         v3_all={str(c): round(t, 2) for c, t in v3.items()})
        table[name] = entry
        print(json.dumps({"qgemv3": name, **entry}), flush=True)
        del qws
    return best, table


def qsweep_candidates(models, kernels):
    """[(model, n, k, mode, norm, bits, group, kernel, cfg)] for ``--qsweep``: per decode product and bits
    (int8 per channel, int4 groups of 128) v2 with its table config first, then v5 (v2's config) and v6
    (``quant.kernels.candidates``' v6 configs plus 32 rows a program and (16, 2048, 4))."""
    from console.core.inference.quant import kernels as qk

    out = []
    for model in models:
        for n, k, mode, norm in QSHAPES.get(model, []):
            for bits, group in ((8, 0), (4, 128)):
                out.append((model, n, k, mode, norm, bits, group, "v2", tuple(qk.config(bits, n, k, group))))
                if "v5" in kernels:
                    out.append((model, n, k, mode, norm, bits, group, "v5", tuple(qk.config(bits, n, k, group))))
                for kv in [v for v in ("v8", "v9") if v in kernels]:  # v8's table config (else v2's), then rows
                    # a program x K tile x warps around it
                    bn, bk, w = qk.CONFIGS8.get((bits, n, k, mode)) or qk.config(bits, n, k, group)
                    seen = [(bn, bk, w)]
                    for c in [(b, t, ww) for b in (max(1, bn // 2), bn, min(32, 2 * bn))
                              for t in (max(group or 16, bk // 2), bk) for ww in (4, 8)]:
                        if c not in seen and c[1] <= k:
                            seen.append(c)
                    for c in seen:
                        out.append((model, n, k, mode, norm, bits, group, kv, c))
                if "v10" in kernels:  # v9's (int4) / v8's (int8) config and rows a program, split into 1-8 parts of K
                    bn, bk, w = ((qk.CONFIGS9.get((bits, n, k, mode)) if bits == 4 else None)
                                 or qk.CONFIGS8.get((bits, n, k, mode)) or qk.config(bits, n, k, group))
                    seen = []
                    for b in (bn, max(1, bn // 2)):
                        for t in (bk, max(group or 16, bk // 2)):
                            for sp in (1, 2, 4, 8):
                                c = (b, t, w, sp)
                                if c not in seen and -(-k // t) >= sp:
                                    seen.append(c)
                    for c in seen:
                        out.append((model, n, k, mode, norm, bits, group, "v10", c))
                if "v6" in kernels:
                    rb, bk, w = qk.config6(bits, n, k, group, mode)
                    cs = [c for kern, c in qk.candidates(bits, n, k, group) if kern == "v6"]
                    cs += [(32, bk, w), (16, 2048, 4)]
                    seen = []
                    for c in [(rb, bk, w)] + cs:
                        if c not in seen:
                            seen.append(c)
                            out.append((model, n, k, mode, norm, bits, group, "v6", tuple(c)))
                if "v7" in kernels:  # the rule's config, then rows a program x K tile x split around it
                    seen = [tuple(qk.config7(bits, n, k, group, mode))]
                    for bn, w in ((64, 4), (128, 4), (128, 8)):
                        for bk in ((512, 1024) if bits == 4 else (256, 512)):
                            bk = max(bk, group or 16)
                            tiles = -(-k // bk)
                            split = 1
                            while -(-n // bn) * split < 2 * qk.SMS and 2 * split <= tiles:
                                split *= 2
                            cs = [(bn, bk, w, split)]
                            if (bn, w) == (128, 4):  # half the split; no software pipelining (num_stages 1)
                                cs += [(bn, bk, w, max(1, split // 2)), (bn, bk, w, split, 1)]
                            for c in cs:
                                if c not in seen:
                                    seen.append(c)
                    for c in seen:
                        out.append((model, n, k, mode, norm, bits, group, "v7", c))
    return out


def qsweep(models, bw, kernels):
    """Per decode product: v2 (its table config) against the ``kernels`` (v5, v6 configs), each checked
    against v2 (relative 2e-2) and timed as ``qgemv3_sweep`` does (weights rotated past the L2, one CUDA
    graph of many calls, median of do_bench).  Prints one JSON line per product; returns ({kernel: {(bits, n, k,
    mode): best cfg}} for v6 / v7, table)."""
    from triton.testing import do_bench

    best, table = {}, {}
    groups: dict[tuple, list] = {}
    for it in qsweep_candidates(models, kernels):
        groups.setdefault(it[:7], []).append(it)
    for key, its in groups.items():
        model, n, k, mode, norm, bits, group = key
        qw0 = _qweights(n, k, mode, bits, group)
        copies = max(2, int(256e6 // qw0.nbytes()) + 1)
        qws = [qw0] + [type(qw0)(qw0.q.clone(), qw0.scales.clone(), None, bits, group, k) for _ in range(copies - 1)]
        x = torch.randn(1, k, device="cuda", dtype=torch.bfloat16)
        nw = torch.rand(k, device="cuda", dtype=torch.bfloat16) + 0.5
        h = torch.zeros(1, n, device="cuda", dtype=torch.bfloat16)
        res, errs, ref = {}, {}, None
        name = f"int{bits} {n}x{k} {mode}{' +norm' if norm else ''}"
        for it in its:
            kern, cfg = it[7], it[8]
            try:
                h.zero_()
                got = _qgemv_call(it, qws[0], x, h, nw).float().clone()
                if ref is None:
                    ref = got
                else:
                    err = float((got - ref).norm() / ref.norm())
                    errs[f"{kern} {cfg}"] = round(err, 5)
                    if not err < 2e-2:
                        log(f"qsweep {name} {kern} {cfg}: differs from v2, relative {err:.3g}")
                        continue
                res[(kern, cfg)] = _graph_us(it, qws, x, h, nw, do_bench)
            except Exception as e:  # noqa: BLE001 - a config that does not build is reported
                log(f"qsweep {name} {kern} {cfg}: {type(e).__name__}: {str(e)[:300]}")
                errs[f"{kern} {cfg}"] = f"{type(e).__name__}: {str(e)[:160]}"
        frac = (lambda us: round(qw0.nbytes() / (us * 1e-6) / bw, 3) if bw else None)
        entry = {"bytes": qw0.nbytes(), "all_us": {f"{kn} {c}": round(t, 2) for (kn, c), t in res.items()},
                 "rel_err_vs_v2": errs}
        for kern in ["v2"] + list(kernels):
            mine = {c: t for (kn, c), t in res.items() if kn == kern}
            if mine:
                c = min(mine, key=mine.get)
                entry[kern] = {"cfg": list(c), "us": round(mine[c], 2), "of_hbm": frac(mine[c])}
                if kern in ("v6", "v7", "v8", "v9", "v10"):
                    best.setdefault(kern, {})[(bits, n, k, mode)] = c
        table[name] = entry
        print(json.dumps({"qsweep": name, **{kn: entry[kn] for kn in ["v2"] + list(kernels) if kn in entry}}), flush=True)
        del qws
    return best, table


def qgemv_sweep(models, bw):
    """Time the quantized GEMV configs on each decode shape (weights rotated past the L2, one CUDA
    graph of many calls); returns {(bits, n, k): best (BN, BK, warps)} and the table of times."""
    from triton.testing import do_bench

    from console.core.inference.quant import kernels as qk
    from console.core.inference.quant.tensor import quantize

    shapes = {"qwen2-1.5b": [(2048, 1536, "plain"), (1536, 1536, "plain"), (8960, 1536, "glu"), (1536, 8960, "plain")],
              "glm4-9b": [(4608, 4096, "plain"), (4096, 4096, "plain"), (13696, 4096, "glu"), (4096, 13696, "plain")]}
    cands = [(bn, bk, w) for bn in (1, 2, 4, 8, 16) for bk in (512, 1024, 2048) for w in (4, 8)]
    best, table = {}, {}
    for model in models:
        for n, k, mode in shapes.get(model, []):
            rows = 2 * n if mode == "glu" else n
            for bits, group in ((8, 0), (4, 128)):
                qw0 = quantize(torch.randn(rows, k, device="cuda", dtype=torch.bfloat16) * 0.02, bits, group)
                copies = max(2, int(256e6 // qw0.nbytes()) + 1)
                qws = [qw0] + [type(qw0)(qw0.q.clone(), qw0.scales.clone(), None, bits, group, k) for _ in range(copies - 1)]
                x = torch.randn(1, k, device="cuda", dtype=torch.bfloat16)
                res = {}
                for cfg in cands:
                    if bits == 4 and cfg[1] < group:
                        continue
                    try:
                        for q in qws[:1]:
                            qk.gemv(x, q, mode=mode, cfg=cfg)
                        torch.cuda.synchronize()
                        g = torch.cuda.CUDAGraph()
                        s = torch.cuda.Stream()
                        with torch.cuda.stream(s):
                            with torch.cuda.graph(g):
                                for q in qws:
                                    qk.gemv(x, q, mode=mode, cfg=cfg)
                        us = do_bench(g.replay, warmup=20, rep=60, return_mode="median") * 1e3 / len(qws)
                        res[cfg] = us
                    except Exception as e:  # noqa: BLE001 - a config that does not build is left out
                        log(f"qgemv {bits} {n}x{k} {cfg}: {type(e).__name__}: {str(e)[:120]}")
                if not res:
                    continue
                cfg = min(res, key=res.get)
                best[(bits, n, k)] = cfg
                gbs = qw0.nbytes() / (res[cfg] * 1e-6) / 1e9
                table[f"int{bits} {n}x{k} {mode}"] = {"best": list(cfg), "us": round(res[cfg], 2), "GB/s": round(gbs),
                                                      "of_hbm": round(gbs * 1e9 / bw, 3) if bw else None,
                                                      "rule_us": round(res.get(qk.config(bits, n, k, group), float("nan")), 2)}
                log(f"qgemv int{bits} {n}x{k} {mode}: {table[f'int{bits} {n}x{k} {mode}']}")
                del qws
    return best, table


LOAD_PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
sys.argv = ["decode.py"]
import torch
import bench.decode as b
from console.core.inference.quant.convert import quantize_model
from console.core.inference.warmup import warm_up
from console.core.inference.decode import stream_generate
t_import = time.perf_counter()
m = b.build({name!r}, False, torch.device("cuda"), torch.bfloat16)
if {scheme!r} != "bf16":
    quantize_model(m, {scheme!r})
torch.cuda.synchronize()
t_built = time.perf_counter()
w = warm_up(m)
t_ready = time.perf_counter()
ids = torch.randint(0, m.config.vocab_size, (1, {prompt}), generator=torch.Generator().manual_seed(5)).cuda()
st = stream_generate(m, ids, 8, eos_token_ids=set(), should_stop=lambda: False, on_token=lambda t: None)
t_first = t_ready + st.ttft_s
print(json.dumps({{"import_s": round(t_import - t0, 2), "build_s": round(t_built - t_import, 2),
                  "warm_up_s": round(t_ready - t_built, 2), "first_request_ttft_ms": round(st.ttft_s * 1e3, 1),
                  "load_to_first_token_s": round(t_first - t_import, 2), "fast_path": st.fast_path}}))
"""


def load_to_first_token(name, schemes, prompt):
    """Cold (empty Triton cache) and warm (the cache the cold run left) load-to-first-token, each in
    a fresh process."""
    import subprocess
    import tempfile

    root = str(Path(__file__).resolve().parents[1])
    out = {}
    for scheme in schemes:
        cache = tempfile.mkdtemp(prefix="triton-cache-")
        for phase in ("cold", "warm"):
            env = dict(os.environ, TRITON_CACHE_DIR=cache)
            code = LOAD_PROBE.format(root=root, name=name, scheme=scheme, prompt=prompt)
            p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
            try:
                out[f"{scheme}_{phase}"] = json.loads(p.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                out[f"{scheme}_{phase}"] = {"error": (p.stderr or p.stdout)[-400:]}
            log(f"[{name}] load to first token {scheme} {phase}: {out[f'{scheme}_{phase}']}")
    return out


# fast-path settings a variant may change: name -> (module, attribute, type)
SETTINGS = {
    "kernels": (fastdecode, "KERNELS", str),  # auto | torch
    "attention": (fastdecode, "ATTENTION", str),  # bmm | sdpa (torch kernels only)
    "chunk": (fastdecode, "CHUNK", int),  # decode steps per CUDA graph
    "gemv": (fastdecode, "GEMV", str),  # triton | cublas
    "native_attn": (fdt, "NATIVE_ATTENTION", lambda v: v not in ("0", "false", False)),
    "block_n": (fdt, "BLOCK_N", int),  # keys per attention program
    "short_prefill": (fastdecode, "SHORT_PREFILL", int),  # prefill rows that take the Triton kernels (1: none)
    "short_gemm": (fastdecode, "SHORT_GEMM", lambda v: v not in ("0", "false", False)),  # their products fused
    "rows_config": (fdt, "ROWS_CONFIG", lambda v: tuple(int(x) for x in v.split("/")) if isinstance(v, str) else v),
    "pdl": (fdt, "PDL", lambda v: v not in ("0", "false", False)),  # programmatic dependent launch (Hopper)
    # with pdl: 1 the GEMVs read their first weight tile before the wait, 0 after, auto: per shape
    "prefetch": (fdt, "GEMV_PREFETCH", lambda v: None if v in (None, "auto") else int(v)),
}
DEFAULTS = {name: getattr(mod, attr) for name, (mod, attr, _) in SETTINGS.items()}


def apply_settings(settings: dict) -> None:
    for name, value in settings.items():
        if name not in SETTINGS:
            raise ValueError(f"unknown setting {name!r}: one of {sorted(SETTINGS)}")
        mod, attr, kind = SETTINGS[name]
        setattr(mod, attr, kind(value))


def kernel_profile(model, ids, new, top=14):
    """GPU time per generated token of each kernel of the fast path (torch.profiler, CUDA graphs
    included), the largest first; "gpu_busy" is their sum, "wall" the decode time per token."""
    from torch.profiler import ProfilerActivity, profile

    time_fast(model, ids, new, 1)  # graphs captured
    cuda = ids.device.type == "cuda"
    with profile(activities=[ProfilerActivity.CUDA if cuda else ProfilerActivity.CPU]) as prof:
        st = stream_generate(model, ids, new, eos_token_ids=set(), should_stop=lambda: False, on_token=lambda t: None)
    per = {}
    for ev in prof.key_averages():
        t = getattr(ev, "self_device_time_total", 0) if cuda else ev.self_cpu_time_total
        if t:
            per[ev.key[:60]] = (per.get(ev.key[:60], (0, 0))[0] + t, per.get(ev.key[:60], (0, 0))[1] + ev.count)
    tokens = st.new_tokens + st.prompt_tokens / 1e9  # decode dominates at 64 new tokens
    rows = sorted(per.items(), key=lambda kv: -kv[1][0])
    out = {k: {"us": round(v[0] / tokens, 2), "calls": round(v[1] / tokens, 1)} for k, v in rows[:top]}
    out["gpu_busy"] = round(sum(v[0] for v in per.values()) / tokens, 1)
    out["wall"] = round((st.e2e_s - st.ttft_s) / (st.new_tokens - 1) * 1e6, 1)
    return out


def fp32_check(model, ids, new):
    """Greedy tokens of the fast path vs generate with the model in float32 (no bf16 rounding ties)."""
    fastdecode.release(model)
    model.float()
    ref = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=new, min_new_tokens=new,
                         do_sample=False)[0, ids.shape[1]:].tolist()
    got = []
    st = stream_generate(model, ids, new, eos_token_ids=set(), should_stop=lambda: False, on_token=got.append)
    fastdecode.release(model)
    return {"new_tokens": new, "fast_path": st.fast_path, "identical": got == ref,
            "equal_leading_tokens": next((i for i, (a, b) in enumerate(zip(got, ref)) if a != b), len(got))}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny models on the CPU (< 30 s)")
    ap.add_argument("--models", default="qwen2-1.5b,glm4-9b")
    ap.add_argument("--prompt", type=int, default=None)
    ap.add_argument("--new", type=int, default=None)
    ap.add_argument("--prefix", type=int, default=1500)
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument("--skip-static", action="store_true", help="leave out generate(cache_implementation='static')")
    ap.add_argument("--variants", default="", help="extra fast-path settings to time, comma-separated, each NAME=VALUE joined by '+', "
                    "e.g. kernels=torch,gemv=cublas+native_attn=0 (names: see SETTINGS)")
    ap.add_argument("--gemv-configs", type=Path, help="Triton GEMV configs measured by bench/gemv.py --configs-out")
    ap.add_argument("--rows-configs", type=Path, help="short-prefill product configs: bench/gemv.py --rows 16 --configs-out")
    ap.add_argument("--no-fp32-check", dest="check_fp32", action="store_false",
                    help="skip the float32 equality check of the fast path against generate")
    ap.add_argument("--variant-prefix", action="store_true", help="also time the prefix cache for each variant")
    ap.add_argument("--base", default="", help="settings of the main fast-path run, NAME=VALUE joined by '+' (as a variant)")
    ap.add_argument("--profile", action="store_true", help="also list the fast path's kernels (torch.profiler)")
    ap.add_argument("--profile-variants", action="store_true", help="--quant: profile every kernel / variant row too")
    ap.add_argument("--json-out", type=Path, help="also write the JSON object here")
    ap.add_argument("--quant", action="store_true", help="bf16 / int8 / int4 fast path and bitsandbytes (see above)")
    ap.add_argument("--qgemv-sweep", action="store_true", help="--quant: first time the quantized GEMV configs per "
                    "shape and use the fastest")
    ap.add_argument("--qkernels", default="v2", help="--quant: quantized kernel variants timed on the same "
                    f"quantized model, comma-separated, the first is the main row (one of {sorted(QKERNELS)})")
    ap.add_argument("--qgemv3-sweep", action="store_true", help="--quant: time v3 GEMV configs per shape (and v2 "
                    "on the same weights) and use the fastest v3 config")
    ap.add_argument("--qsweep", default="", help="--quant: time these kernels (v5,v6) against v2 per decode product "
                    "first (one JSON line each) and give v6 / v7 their fastest config per product")
    ap.add_argument("--qcands", type=int, default=3, help="--qgemv3-sweep: v3 configs tried per product")
    ap.add_argument("--qprecompile", type=int, default=0, help="--quant: first compile the sweep's and the int8 LM "
                    "head's GEMV kernels in this many processes at once (fills Triton's on-disk cache)")
    ap.add_argument("--schemes", default="bf16,int8,int4", help="--quant: which of bf16,int8,int4 to time")
    ap.add_argument("--bnb-models", default="qwen2-1.5b", help="--quant: models also timed with bitsandbytes")
    ap.add_argument("--load-models", default="qwen2-1.5b", help="--quant: models whose load-to-first-token is timed "
                    "(cold and warm Triton cache); empty: none")
    ap.add_argument("--bnb-new", type=int, default=32, help="--quant: new tokens of the bitsandbytes runs (at most --new)")
    ap.add_argument("--no-qprefix", dest="qprefix", action="store_false",
                    help="--quant: leave out the prefix-cache hit per scheme (hit TTFT against its new tokens alone)")
    args = ap.parse_args(argv)
    args.variants = [v for v in args.variants.split(",") if v]
    args.qkernels = [v for v in args.qkernels.split(",") if v]
    args.schemes = [v for v in args.schemes.split(",") if v]
    for v in args.qkernels:
        if v not in QKERNELS:
            raise SystemExit(f"--qkernels {v!r}: one of {sorted(QKERNELS)}")
    if args.base:
        DEFAULTS.update(dict(kv.split("=", 1) for kv in args.base.split("+")))
    if args.gemv_configs and args.gemv_configs.exists():
        tuned = {tuple(map(int, key.split(","))): tuple(cfg) for key, cfg in json.loads(args.gemv_configs.read_text()).items()}
        fdt.gemv_table(torch.cuda.is_available() and fdt._pdl(torch.device("cuda"))).update(tuned)
        log(f"GEMV configs from {args.gemv_configs}: {tuned}")
    if args.rows_configs and args.rows_configs.exists():
        tuned = {tuple(map(int, key.split(","))): tuple(cfg) for key, cfg in json.loads(args.rows_configs.read_text()).items()}
        fdt.ROWS_CONFIGS.update(tuned)
        log(f"short-prefill product configs from {args.rows_configs}: {tuned}")
    cuda = torch.cuda.is_available() and not args.quick
    device = torch.device("cuda" if cuda else "cpu")
    dtype = torch.bfloat16 if cuda else torch.float32
    args.prompt = args.prompt or (512 if not args.quick else 64)
    args.new = args.new or (128 if not args.quick else 16)
    args.reps = args.reps or 3
    if args.quick:
        args.prefix = min(args.prefix, 256)
        torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    gpu, bw = "cpu", None
    if cuda:
        gpu = torch.cuda.get_device_name(device)
        bw = 4.8e12 if "H200" in gpu else 3.35e12 if "H100" in gpu else None
    t0 = time.perf_counter()
    out = {
        "bench": "decode",
        "device": gpu,
        "hbm_bytes_per_s": bw,
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "dtype": str(dtype).replace("torch.", ""),
        "batch": 1,
        "prompt_tokens": args.prompt,
        "new_tokens": args.new,
        "quick": args.quick,
        "models": {},
    }
    if args.quant:
        if not cuda:
            raise SystemExit("--quant needs a CUDA GPU")
        out["bench"] = "decode-quant"
        try:
            import triton

            out["triton"] = triton.__version__
        except ImportError:
            out["triton"] = None
        if args.qgemv_sweep:
            from console.core.inference.quant import kernels as qk

            best, out["qgemv_sweep"] = qgemv_sweep(args.models.split(","), bw)
            qk.CONFIGS.update(best)
            out["qgemv_configs"] = {f"{b},{n},{k}": list(c) for (b, n, k), c in best.items()}
            free_cuda()
        if args.qprecompile:
            try:
                models = args.models.split(",")
                items = qtune_candidates(models) if "auto" in args.qkernels else []
                if args.qgemv3_sweep or not (items or args.qsweep):
                    items += qgemv3_candidates(models, args.qcands)
                out["qprecompile"] = precompile(items, args.qprecompile)
            except Exception as e:  # noqa: BLE001 - the kernels then compile where they are first used
                log(f"precompile failed: {type(e).__name__}: {e}")
                out["qprecompile"] = {"error": f"{type(e).__name__}: {e}"[:300]}
        if args.qsweep:
            from console.core.inference.quant import kernels as qk

            kerns = [v for v in args.qsweep.split(",") if v]
            if args.qprecompile:
                out["qsweep_precompile"] = precompile(qsweep_candidates(args.models.split(","), kerns), args.qprecompile)
            best, out["qsweep"] = qsweep(args.models.split(","), bw, kerns)
            qk.CONFIGS6.update(best.get("v6", {}))
            qk.CONFIGS7.update(best.get("v7", {}))
            qk.CONFIGS8.update(best.get("v8", {}))
            qk.CONFIGS9.update(best.get("v9", {}))
            qk.CONFIGS10.update(best.get("v10", {}))
            for kern in ("v6", "v7", "v8", "v9", "v10"):
                if kern in best:
                    out[f"qsweep_{kern}_configs"] = {f"{b},{n},{k},{m}": list(c) for (b, n, k, m), c in best[kern].items()}
            free_cuda()
        if args.qgemv3_sweep:
            from console.core.inference.quant import kernels as qk

            best, out["qgemv3_sweep"] = qgemv3_sweep(args.models.split(","), bw, args.qcands)
            qk.CONFIGS3.update(best)
            out["qgemv3_configs"] = {f"{b},{n},{k}": list(c) for (b, n, k), c in best.items()}
            free_cuda()
        out["qkernels"] = args.qkernels

        def partial():  # what is measured so far, in case the call is stopped before the end
            if args.json_out:
                args.json_out.write_text(json.dumps(dict(out, partial=True)) + "\n")

        for name in args.models.split(","):
            if name:
                out["models"][name] = bench_quant(name, args, device, bw)
                partial()
        # then per model (the order of --models): load-to-first-token, bitsandbytes, each saved when done
        out["load_to_first_token"] = {}
        loads, bnbs = [m for m in args.load_models.split(",") if m], [m for m in args.bnb_models.split(",") if m]
        for n in [m for m in args.models.split(",") if m in loads or m in bnbs] + [m for m in loads + bnbs
                                                                                  if m not in args.models.split(",")]:
            if n in loads:
                out["load_to_first_token"][n] = load_to_first_token(n, ("bf16", "int8", "int4"), args.prompt)
                partial()
            if n in bnbs:
                out["models"].setdefault(n, {}).update(bnb_for(n, args, device, bw))
                partial()
        from console.core.inference.quant import kernels as qk

        if qk.TUNE_LOG:  # KERNEL = "auto": what each product's candidates took (us a call) and the choice
            out["qtune"] = qk.TUNE_LOG
        out["wall_s"] = round(time.perf_counter() - t0, 1)
        print(f"{'model':<12}{'path':<10}{'ms/tok':>9}{'tok/s':>9}{'TTFT ms':>9}{'of bound':>9}{'GiB':>7}")
        for name, r in out["models"].items():
            for path, p in r.items():
                if "ms_per_token" in p:
                    frac = f"{p['frac_of_hbm_bound']:.0%}" if p.get("frac_of_hbm_bound") else "-"
                    print(f"{name:<12}{path:<10}{p['ms_per_token']:>9.2f}{p['tokens_per_s']:>9.0f}{p['ttft_ms']:>9.1f}"
                          f"{frac:>9}{p.get('gpu_memory_gib') or 0:>7.2f}")
                else:
                    print(f"{name:<12}{path:<10} {p.get('error', '')[:80]}")
                pc = p.get("prefix_cache") or {}
                if "ttft_ms_with" in pc:
                    print(f"{'':<12}{path + ' prefix hit':<22}{pc['ttft_ms_with']:>7.1f} ms vs new tokens alone "
                          f"{pc['ttft_ms_new_tokens_alone']:.1f} ms: {pc['hit_over_new_tokens_alone']}x")
                for kname, kp in p.get("kernels", {}).items():
                    if "ms_per_token" in kp:
                        frac = f"{kp['frac_of_hbm_bound']:.0%}" if kp.get("frac_of_hbm_bound") else "-"
                        print(f"{'':<12}{path + ' ' + kname:<16}{kp['ms_per_token']:>9.2f}{kp['tokens_per_s']:>9.0f}"
                              f"{kp['ttft_ms']:>9.1f}{frac:>9}  same tokens as first: {kp.get('greedy_tokens_equal_to_first_kernel')}")
                    else:
                        print(f"{'':<12}{path + ' ' + kname:<16} {kp.get('error', '')[:80]}")
        line = json.dumps(out)
        if args.json_out:
            args.json_out.write_text(line + "\n")
        print(line)
        return 0
    for name in args.models.split(","):
        out["models"][name] = bench_model(name, args, device, dtype, bw)
    out["wall_s"] = round(time.perf_counter() - t0, 1)
    print(f"{'model':<12}{'path':<18}{'ms/tok':>9}{'tok/s':>9}{'TTFT ms':>9}{'of bound':>9}")
    for name, r in out["models"].items():
        for path in ("generate_default", "generate_static", "fast"):
            if "ms_per_token" in r.get(path, {}):
                p = r[path]
                frac = f"{p['frac_of_hbm_bound']:.0%}" if p["frac_of_hbm_bound"] else "-"
                print(f"{name:<12}{path:<18}{p['ms_per_token']:>9.2f}{p['tokens_per_s']:>9.0f}{p['ttft_ms']:>9.1f}{frac:>9}")
        pc = r["prefix_cache_fast"]
        print(f"{name:<12}prefix cache: TTFT {pc['ttft_ms_without']} -> {pc['ttft_ms_with']} ms ({pc['ttft_cut']}x); "
              f"the {pc['new_tokens']} new tokens alone {pc['ttft_ms_new_tokens_alone']} ms")
    line = json.dumps(out)
    if args.json_out:
        args.json_out.write_text(line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
