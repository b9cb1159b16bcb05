"""The fused decode attention on the GPU (``fastdecode_triton.ATTN_FUSED``: 1 = rope and the KV-cache write folded
into the partial kernel, then the combine kernel; 2 = all in one kernel, the last program of each kv head
combining the split blocks).  Against the three kernels (``rope_cache_write`` + ``decode_attention``) on
model-sized and odd shapes, float32 / bf16 / fp16, decode (T = 1) and short prefills (T > 1); and through the
whole fast path: tiny float32 models (every architecture, GQA groups 1 / 2 / 4 / 6) decode transformers' greedy
tokens through the CUDA graphs (with PDL on Hopper), across attention windows, with a prefix-cache hit (a short
prefill through the fused kernel), int8 / int4 weights the plain path's tokens, and a bf16 model the three-kernel
tokens."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

from console.core.inference import fastdecode  # noqa: E402
from console.core.inference import fastdecode_triton as fdt  # noqa: E402
from console.core.inference.prefix_cache import PrefixCache  # noqa: E402
from tests.core.inference.test_decode import ARCHS, VOCAB, prompt, reference, run, tiny_model  # noqa: E402

pytestmark = [pytest.mark.gpu, pytest.mark.skipif(not fdt.available(), reason="needs Triton")]


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat((-x[..., h:], x[..., :h]), dim=-1)


def apply_rope(q, k, cos, sin):
    rot = cos.shape[-1]
    cos, sin = cos.unsqueeze(1), sin.unsqueeze(1)

    def one(x):
        xr, xp = x[..., :rot], x[..., rot:]
        return torch.cat((xr * cos + rotate_half(xr) * sin, xp), dim=-1)

    return one(q), one(k)


def tables(cap, hd, rot, dtype):
    inv = 1.0 / (10000 ** (torch.arange(0, rot, 2, dtype=torch.float32, device="cuda") / rot))
    f = torch.outer(torch.arange(cap, dtype=torch.float32, device="cuda"), inv)
    emb = torch.cat((f, f), dim=-1)
    return fdt.rope_tables(apply_rope, emb.cos().to(dtype), emb.sin().to(dtype), hd)


def rel(a, b) -> float:
    return float((a.float() - b.float()).norm() / b.float().norm().clamp_min(1e-30))


def case(n_q, n_kv, hd, T, p0, L, bias, rot, dtype, seed=0):
    g = torch.Generator().manual_seed(seed)
    cap = max(L, 256) + 64
    C, S, P = tables(cap, hd, rot or hd, dtype)
    qkv = torch.randn(T, (n_q + 2 * n_kv) * hd, generator=g).to(dtype).cuda()
    b = torch.randn((n_q + 2 * n_kv) * hd, generator=g).to(dtype).cuda() if bias else None
    kv = torch.randn(2, n_kv, cap, hd, generator=g).to(dtype).cuda()
    pos = torch.arange(p0, p0 + T, device="cuda")
    return qkv, b, (C, S, P), kv, pos


# (n_q, n_kv, hd, T, p0, L, bias, rot): GLM-4-9B's and Qwen2-1.5B's heads at several positions, odd groups,
# block boundaries, the first position, short prefills of 2..16 tokens (several query row blocks)
CASES = [
    (32, 2, 128, 1, 600, 768, True, 64),  # GLM-4-9B (partial rotary, bias)
    (12, 2, 128, 1, 575, 768, True, None),  # Qwen2-1.5B, the last row of a block
    (12, 2, 128, 1, 576, 768, True, None),  # the first row of the next
    (12, 2, 128, 1, 1990, 2048, True, None),  # 32 blocks: the combine's largest
    (8, 8, 64, 1, 0, 256, False, None),  # group 1, the first position
    (4, 2, 16, 1, 100, 256, False, None),
    (24, 4, 64, 1, 300, 512, False, None),  # group 6
    (12, 2, 128, 16, 500, 768, True, None),  # a short prefill: 16 tokens x 6 heads, two row blocks
    (32, 2, 128, 9, 60, 256, True, 64),  # across a block boundary, 3 row blocks of 64
    (4, 2, 32, 2, 0, 256, True, 16),  # a prefill from position 0
]


@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16, torch.float16])
@pytest.mark.parametrize("combine", [False, True])
@pytest.mark.parametrize("n_q,n_kv,hd,T,p0,L,bias,rot", CASES)
def test_fused_equals_three_kernels(n_q, n_kv, hd, T, p0, L, bias, rot, combine, dtype):
    qkv, b, CSP, kv, pos = case(n_q, n_kv, hd, T, p0, L, bias, rot, dtype)
    scale = hd ** -0.5
    kv_ref = kv.clone()
    q = fdt.rope_cache_write(qkv, b, *CSP, pos, kv_ref, n_q, n_kv, hd)
    ref = fdt.decode_attention(q, kv_ref, pos, L, n_q // n_kv, scale)
    for _ in range(3):  # again: the counters were reset by the last call
        kv_got = kv.clone()
        got = fdt.fused_attention(qkv, b, *CSP, pos, kv_got, n_q, n_kv, hd, L, n_q // n_kv, scale, combine=combine)
        torch.cuda.synchronize()
        assert got.shape == ref.shape and got.dtype == dtype
        # float32: the order of the combine's sums; 16-bit: the output rounding of those sums
        assert rel(got, ref) < (1e-5 if dtype == torch.float32 else 8e-3), rel(got, ref)
        assert torch.equal(kv_got, kv_ref)  # the same rows, bit for bit (the same roundings)
    assert not fdt.attn_counters(qkv.device).any()


def test_fused_attention_in_a_cuda_graph():
    n_q, n_kv, hd, L = 32, 2, 128, 768
    qkv, b, CSP, kv, pos = case(n_q, n_kv, hd, 1, 600, L, True, 64, torch.bfloat16)
    kv_ref = kv.clone()
    ref = fdt.decode_attention(fdt.rope_cache_write(qkv, b, *CSP, pos, kv_ref, n_q, n_kv, hd), kv_ref, pos, L, 16, 0.1)
    fdt.attn_counters(qkv.device)
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        fdt.fused_attention(qkv, b, *CSP, pos, kv.clone(), n_q, n_kv, hd, L, 16, 0.1)
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        out = [fdt.fused_attention(qkv, b, *CSP, pos, kv, n_q, n_kv, hd, L, 16, 0.1) for _ in range(4)][-1]
    for _ in range(3):
        g.replay()
    torch.cuda.synchronize()
    assert rel(out, ref) < 8e-3 and torch.equal(kv, kv_ref)
    assert not fdt.attn_counters(qkv.device).any()


@pytest.fixture(params=[1, 2])
def fused(request, monkeypatch):
    monkeypatch.setattr(fdt, "ATTN_FUSED", request.param)
    calls = []
    real = fdt.fused_attention
    monkeypatch.setattr(fdt, "fused_attention", lambda *a, **kw: calls.append(kw.get("combine")) or real(*a, **kw))
    return request.param, calls


@pytest.mark.parametrize("arch", ARCHS)
def test_graph_path_equals_generate(arch, fused):
    mode, calls = fused
    model = tiny_model(arch).cuda()
    ids = prompt(200, seed=11).cuda()  # 200 + 60: the decode crosses the 256-row window (two graphs)
    ref = reference(model, ids, 60)
    got, stats = run(model, ids, 60)
    assert stats.fast_path and got == ref
    assert calls and all(c == (mode == 2) for c in calls)
    assert run(model, ids, 37)[0] == ref[:37]  # replaying the graphs
    fastdecode.release(model)


@pytest.mark.parametrize("heads,kv_heads", [(4, 4), (8, 2), (12, 2)])
def test_gqa_groups(heads, kv_heads, fused):
    model = tiny_model("qwen2", num_attention_heads=heads, num_key_value_heads=kv_heads, hidden_size=16 * heads).cuda()
    ids = prompt(90, seed=5).cuda()
    ref = reference(model, ids, 40)
    assert run(model, ids, 40)[0] == ref
    fastdecode.release(model)


def test_prefix_cache_hit_short_prefill(fused):
    """A hit's new tokens (<= 16: a short prefill, T > 1 rows through the fused kernel), then decode."""
    model = tiny_model("glm").cuda()
    fleet = prompt(200, seed=21)[0]
    cache = PrefixCache(min_tokens=16)
    for i in range(3):
        ids = torch.cat([fleet, prompt(9 + 3 * i, seed=22 + i)[0]]).unsqueeze(0).cuda()
        got, stats = run(model, ids, 30, prefix_cache=cache)
        assert got == reference(model, ids, 30)
        assert (stats.cached_prompt_tokens >= 200) == (i > 0)
    fastdecode.release(model)


def test_long_window_falls_back_to_two_kernels(monkeypatch):
    monkeypatch.setattr(fdt, "ATTN_FUSED", 2)
    monkeypatch.setattr(fdt, "FUSED_COMBINE_MAX_SPLITS", 4)  # windows of 256 (4 blocks) one kernel, 512 two
    model = tiny_model("llama").cuda()
    ids = prompt(230, seed=7).cuda()
    ref = reference(model, ids, 60)
    assert run(model, ids, 60)[0] == ref
    fastdecode.release(model)


@pytest.mark.parametrize("arch", ["qwen2", "glm"])
@pytest.mark.parametrize("scheme", ["int8", "int4"])
def test_quantized_graph_path_equals_plain_path(arch, scheme, monkeypatch):
    from console.core.inference.quant.convert import quantize_model

    monkeypatch.setattr(fdt, "ATTN_FUSED", 2)
    model = tiny_model(arch).cuda()
    quantize_model(model, scheme, group=32)
    ids = prompt(200, seed=11).cuda()
    plain, st = run(model, ids, 60, fast=False)
    got, stats = run(model, ids, 60)
    assert stats.fast_path and not st.fast_path and got == plain
    fastdecode.release(model)


def test_bf16_model_tokens_equal_three_kernels(monkeypatch):
    model = tiny_model("qwen2", dtype=torch.bfloat16).cuda()
    ids = prompt(300, seed=3).cuda()
    ref, _ = run(model, ids, 60)
    fastdecode.release(model)
    for mode in (1, 2):
        monkeypatch.setattr(fdt, "ATTN_FUSED", mode)
        got, st = run(model, ids, 60)
        fastdecode.release(model)
        # 1: the same roundings and sums; 2: the combine sums in another order (the last bit of an output may
        # differ, and a near tie of random weights may then go the other way later)
        assert st.fast_path and (got == ref if mode == 1 else got[:8] == ref[:8]), mode
