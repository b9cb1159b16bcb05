"""The fused decode attention (``fastdecode_triton.fused_attention``, ``ATTN_FUSED`` 1 and 2: rope and the
KV-cache write folded into the partial kernel; with 2 the last program of each kv head also combines the
split blocks) run by Triton's CPU interpreter: it equals the three-kernel form (``rope_cache_write`` then
``decode_attention``) in its output and in the cache rows it writes, over GQA groups (1, 2, 6: padded query
rows), head sizes, with and without the projection bias, positions at, before and after a key-block boundary,
the first position, several windows, and short prefills (T > 1 consecutive positions, several row blocks).
Float32 (IEEE dots): only the order of the combine's sums differs, 1e-5 relative.  The counters are back at
zero after every call.  A tiny model decodes the plain path's greedy tokens with ATTN_FUSED 2 too.

Triton is not a dependency of the project venv: without it this module is skipped, saying so.  Run it with
``TRITON_INTERPRET=1 python -m pytest tests/core/inference/test_attn_fused_interp.py`` where Triton is
installed (the variable is set here too, but it must be set before the kernels are first imported).
"""

from __future__ import annotations

import os

os.environ.setdefault("TRITON_INTERPRET", "1")  # before the kernels are decorated (first import)

import pytest

import torch

triton = pytest.importorskip("triton", reason="Triton is not installed here (it comes with CUDA torch): "
                             "the interpreter checks of the fused attention are skipped")

from console.core.inference import fastdecode  # noqa: E402
from console.core.inference import fastdecode_triton as fdt  # noqa: E402

if not getattr(fdt._attn_fused_kernel, "__class__", type).__name__.startswith("Interpreted"):
    pytest.skip("the kernels were imported before TRITON_INTERPRET=1 was set: run this file on its own "
                "with TRITON_INTERPRET=1", allow_module_level=True)


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat((-x[..., h:], x[..., :h]), dim=-1)


def apply_rope(q, k, cos, sin):
    """Llama's half-split rope, partial where cos covers fewer than head_dim columns (as GLM's)."""
    rot = cos.shape[-1]
    cos, sin = cos.unsqueeze(1), sin.unsqueeze(1)

    def one(x):
        xr, xp = x[..., :rot], x[..., rot:]
        return torch.cat((xr * cos + rotate_half(xr) * sin, xp), dim=-1)

    return one(q), one(k)


def tables(cap, hd, rot, dtype):
    inv = 1.0 / (10000 ** (torch.arange(0, rot, 2, dtype=torch.float32) / rot))
    f = torch.outer(torch.arange(cap, dtype=torch.float32), inv)
    emb = torch.cat((f, f), dim=-1)
    return fdt.rope_tables(apply_rope, emb.cos().to(dtype), emb.sin().to(dtype), hd)


def rel(a, b) -> float:
    return float((a.float() - b.float()).norm() / b.float().norm().clamp_min(1e-30))


def case(n_q, n_kv, hd, T, p0, L, bias, rot=None, dtype=torch.float32, seed=0):
    g = torch.Generator().manual_seed(seed)
    cap = max(L, 256)
    C, S, P = tables(cap, hd, rot or hd, dtype)
    qkv = torch.randn(T, (n_q + 2 * n_kv) * hd, generator=g).to(dtype)
    b = torch.randn((n_q + 2 * n_kv) * hd, generator=g).to(dtype) if bias else None
    kv = torch.randn(2, n_kv, cap, hd, generator=g).to(dtype)
    pos = torch.arange(p0, p0 + T)
    return qkv, b, (C, S, P), kv, pos


def three_kernels(qkv, b, CSP, kv, pos, n_q, n_kv, hd, L, scale):
    q = fdt.rope_cache_write(qkv, b, *CSP, pos, kv, n_q, n_kv, hd)
    return fdt.decode_attention(q, kv, pos, L, n_q // n_kv, scale)


# (n_q, n_kv, hd, T, p0, L, bias, rot)
CASES = [
    (4, 2, 16, 1, 0, 64, False, None),  # the first position: one live key, the new one
    (4, 2, 16, 1, 63, 128, True, None),  # the last row of a block
    (4, 2, 16, 1, 64, 128, False, None),  # the first row of the next
    (8, 4, 32, 1, 100, 256, True, 16),  # partial rotary (GLM), bias
    (6, 1, 16, 1, 200, 256, False, None),  # group 6 (query rows padded to 16)
    (4, 4, 16, 1, 130, 192, True, None),  # group 1 (MHA)
    (4, 2, 16, 3, 62, 128, True, None),  # a short prefill across a block boundary
    (12, 2, 16, 16, 40, 128, False, None),  # 16 tokens x group 6: two row blocks of 64
    (4, 2, 32, 5, 0, 64, True, 16),  # a prefill from position 0
]


@pytest.mark.parametrize("combine", [False, True])
@pytest.mark.parametrize("n_q,n_kv,hd,T,p0,L,bias,rot", CASES)
def test_fused_equals_three_kernels(n_q, n_kv, hd, T, p0, L, bias, rot, combine):
    qkv, b, CSP, kv, pos = case(n_q, n_kv, hd, T, p0, L, bias, rot)
    scale = hd ** -0.5
    kv_ref = kv.clone()
    ref = three_kernels(qkv, b, CSP, kv_ref, pos, n_q, n_kv, hd, L, scale)
    got = fdt.fused_attention(qkv, b, *CSP, pos, kv, n_q, n_kv, hd, L, n_q // n_kv, scale, combine=combine)
    assert got.shape == ref.shape == (T, n_q * hd)
    assert rel(got, ref) < 1e-5
    assert torch.equal(kv, kv_ref)  # the same new rows (and nothing else) written
    assert not fdt.attn_counters(qkv.device).any()


def test_many_blocks_fall_back_to_two_kernels(monkeypatch):
    monkeypatch.setattr(fdt, "FUSED_COMBINE_MAX_SPLITS", 2)
    n_q, n_kv, hd, L = 4, 2, 16, 256  # 4 key blocks > 2: the combine kernel runs
    qkv, b, CSP, kv, pos = case(n_q, n_kv, hd, 1, 150, L, True)
    kv_ref = kv.clone()
    ref = three_kernels(qkv, b, CSP, kv_ref, pos, n_q, n_kv, hd, L, 0.25)
    got = fdt.fused_attention(qkv, b, *CSP, pos, kv, n_q, n_kv, hd, L, 2, 0.25, combine=True)
    assert rel(got, ref) < 1e-5 and torch.equal(kv, kv_ref)


def test_half_precision_cache():
    """float16: tensor-core dots (NATIVE), the same roundings as the three kernels."""
    n_q, n_kv, hd, L = 4, 2, 16, 128
    qkv, b, CSP, kv, pos = case(n_q, n_kv, hd, 1, 70, L, True, dtype=torch.float16)
    kv_ref = kv.clone()
    ref = three_kernels(qkv, b, CSP, kv_ref, pos, n_q, n_kv, hd, L, 0.25)
    got = fdt.fused_attention(qkv, b, *CSP, pos, kv, n_q, n_kv, hd, L, 2, 0.25, combine=True)
    assert rel(got, ref) < 2e-3 and torch.equal(kv, kv_ref)


@pytest.mark.parametrize("mode", [0, 1, 2])  # 0: the three kernels, the control
def test_tiny_model_decodes_the_plain_tokens(mode, monkeypatch):
    from tests.core.inference.test_decode import prompt, reference, run, tiny_model

    monkeypatch.setattr(fdt, "ATTN_FUSED", mode)
    # the products by torch: the fused GEMVs' loops run over K given at run time, which the interpreter
    # cannot take with NumPy 2 (the attention, rope and SiLU kernels have constant trip counts)
    monkeypatch.setattr(fastdecode, "GEMV", "cublas")
    model = tiny_model("qwen2")
    ids = prompt(70, seed=3)  # the decode crosses the key block at 64 -> 128
    ref = reference(model, ids, 12)
    got, stats = run(model, ids, 12)
    runner = fastdecode.runner_for(model)
    assert stats.fast_path and runner.triton
    assert got == ref
    fastdecode.release(model)


def test_prefix_cache_hit_short_prefill(monkeypatch):
    """A hit's new tokens go through the fused kernel as a short prefill (T > 1 rows), then decode."""
    from console.core.inference.prefix_cache import PrefixCache
    from tests.core.inference.test_decode import prompt, reference, run, tiny_model

    monkeypatch.setattr(fdt, "ATTN_FUSED", 2)
    monkeypatch.setattr(fastdecode, "GEMV", "cublas")
    calls = []
    real = fdt.fused_attention
    monkeypatch.setattr(fdt, "fused_attention", lambda q, *a, **kw: calls.append(q.shape[0]) or real(q, *a, **kw))
    model = tiny_model("glm")
    fleet = prompt(60, seed=21)[0]
    cache = PrefixCache(min_tokens=16)
    for i in range(2):
        ids = torch.cat([fleet, prompt(7, seed=22 + i)[0]]).unsqueeze(0)
        got, stats = run(model, ids, 6, prefix_cache=cache)
        assert got == reference(model, ids, 6)
        assert (stats.cached_prompt_tokens >= 60) == (i > 0)
    assert 7 in calls and 1 in calls  # the hit's 7 new tokens at once, then one a step
    fastdecode.release(model)
