"""Quantized kernels on the GPU: each equals dequantize-then-matmul (float32 reference from the same
bf16 inputs) over shapes, group sizes, zero points and odd sizes (v2: word and byte readers; v3:
split-K with both reductions; v6: f16x2 arithmetic, large and tiny activations; v7: tensor cores, several
rows); quantized tiny models decode the plain path's greedy tokens through
the graph path (float32) with either kernel; an int8 LM head decodes; bundled GGUF blocks decode on
the GPU.  ``bash bench/gpu_quant_ab.sh`` runs the v3 / LM-head tests of this file (``-k "v3 or lm_head"``)."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here
import torch.nn.functional as F

from console.core.inference import fastdecode
from console.core.inference.quant import kernels as qk
from console.core.inference.quant.convert import quantize_model, repack_gguf
from console.core.inference.quant.tensor import dequantize, quantize
from console.core.inference.warmup import warm_up
from tests.core.inference.test_decode import ARCHS, prompt, run, tiny_model

pytestmark = pytest.mark.gpu

SCHEMES = [(8, 0, False), (8, 32, False), (4, 32, False), (4, 64, False), (4, 128, False), (4, 64, True),
           (4, 128, True)]
SHAPES = [(1, 64), (37, 200), (128, 1536), (257, 1000), (2048, 1536), (96, 13696 // 4), (1536, 8960)]


def rel(a, b) -> float:
    return float((a.float() - b.float()).norm() / b.float().norm())


def fresh(n, k, seed, dtype=torch.bfloat16):
    g = torch.Generator(device="cuda").manual_seed(seed)
    return torch.randn(n, k, generator=g, device="cuda").to(dtype)


@pytest.fixture(params=[True, False], ids=["words", "bytes"])
def words(request, monkeypatch):
    """Both GEMV tile readers: 32-bit words (the default) and the first version's bytes."""
    monkeypatch.setattr(qk, "WORDS", request.param)
    yield request.param
    assert qk.WORDS == request.param  # the word kernel built: no silent fallback to bytes


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", SHAPES)
def test_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, words):
    w = fresh(n, k, n + k)
    qw = quantize(w, bits, group, zp)
    wd = dequantize(qw)  # float32
    for seed in range(2):  # fresh inputs each time
        x = fresh(1, k, 1000 + seed)
        ref = x.float() @ wd.t()
        got = torch.full((1, n), float("nan"), dtype=torch.bfloat16, device="cuda")
        got = qk.gemv(x, qw, out=got.zero_(), mode="residual")  # every element written (added to 0)
        assert torch.isfinite(got).all()
        assert rel(got, ref) < 1e-2
        assert rel(qk.gemv(x, qw), ref) < 1e-2
        nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
        # the default kernel v9 (v8's RMS, word loads) never rounds the normalised x: its reference is float32 math
        late = qk.KERNEL in ("v8", "v9") and words
        xn = F.rms_norm(x.float(), (k,), nw.float(), 1e-6) if late else F.rms_norm(x, (k,), nw, 1e-6).float()
        assert rel(qk.gemv(x, qw, norm=(nw, 1e-6)), xn @ wd.t()) < 1e-2


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", SHAPES)
@pytest.mark.parametrize("cfg", [None, (8, 256, 8)])
@pytest.mark.parametrize("kernel", ["v4", "v5", "v8", "v9"])
def test_v4_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg, kernel):
    """v4 (x read once a tile as 16-byte rows, one broadcast shift to unpack), v5 and v8 (v2's tile, the RMS
    taken in the K loop, the next tile read ahead) over schemes and odd sizes."""
    if cfg is not None and cfg[1] < group:
        cfg = (cfg[0], group, cfg[2])
    qw = quantize(fresh(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = fresh(1, k, 77)
    ref = x.float() @ wd.t()
    got = qk.gemv(x, qw, out=torch.full((1, n), float("nan"), dtype=torch.bfloat16, device="cuda").zero_(),
                  mode="residual", kernel=kernel, cfg=cfg)
    assert torch.isfinite(got).all() and rel(got, ref) < 1e-2
    nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
    # v2/v4/v5 round the normalised x to the model dtype as F.rms_norm does; v8 (LATE) never forms it: x times the
    # norm weight in float32, the RMS applied to the row's sum, so its reference is the same math in float32 (at
    # n = 1, k = 64 one bf16 rounding of xn moves a cancelling sum by up to 8 %: GPU run of session 8)
    late = kernel in ("v8", "v9")
    xn = F.rms_norm(x.float(), (k,), nw.float(), 1e-6) if late else F.rms_norm(x, (k,), nw, 1e-6).float()
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel=kernel, cfg=cfg), xn @ wd.t()) < 1e-2
    xf = x.float()  # v9: an offset of 128 / 384 a weight taken off a group, 4-5 bits of float32 cancel
    assert rel(qk.gemv(xf, qw, kernel=kernel, cfg=cfg), xf @ wd.t()) < (1e-4 if kernel == "v9" else 1e-5)


def test_tune_picks_a_candidate_per_product_and_keeps_it_on_disk(tmp_path, monkeypatch):
    """KERNEL = "auto": the runner times every candidate of its 4 products once, each choice is one of
    them, the decode equals v2's tokens (float32), and a second runner reads the choices from disk."""
    monkeypatch.setenv("TRITON_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(qk, "KERNEL", "auto")
    monkeypatch.setattr(qk, "CHOICES", {})
    model = tiny_model("qwen2").cuda()
    quantize_model(model, "int4", group=32)
    ids = prompt(50, seed=4).cuda()
    got, st = run(model, ids, 20)
    runner = fastdecode.runner_for(model)
    assert st.fast_path and runner.tuned["tuned"] == 4 and len(qk.CHOICES) == 4
    for key, (kern, cfg) in qk.CHOICES.items():
        assert (kern, tuple(cfg)) in qk.candidates(*key[:4]), key
    assert (tmp_path / "qgemv-choices.json").exists()
    fastdecode.release(model)
    monkeypatch.setattr(qk, "CHOICES", {})
    again, _ = run(model, ids, 20)
    assert fastdecode.runner_for(model).tuned == {"tuned": 0, "cached": 4, "seconds": pytest.approx(0, abs=5)}
    monkeypatch.setattr(qk, "KERNEL", "v2")
    fastdecode.release(model)
    assert run(model, ids, 20)[0] == got == again
    fastdecode.release(model)


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", SHAPES + [(4608, 4096), (4096, 13696)])
@pytest.mark.parametrize("cfg", [None, (8, 256, 4), (4, 512, 2)])
def test_v6_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg, request):
    """v6 (f16x2 arithmetic, x scaled by a power of two) over schemes, odd sizes and the decode shapes:
    every element written, the three modes, the RMSNorm fold; float32 activations take v2 (exact up to
    the order of the sums).  Tolerance: 1e-2 relative (bf16 output rounding ~2e-3; each word's sum is
    rounded in fp16, 2^-11)."""
    if cfg is not None and cfg[1] < (group or 128):
        cfg = (cfg[0], group, cfg[2])
    if (n, k) == (1, 64) and bits == 4 and zp:  # known (session 6, bench/results/quant-h100-s6-2026-12-07/NOTES.md)
        request.applymarker(pytest.mark.xfail(reason="v6 rounds each word's sum in fp16: 3.9 % on one cancelling "
                                              "64-term row with zero points; v6 is rejected, never chosen", strict=True))
    qw = quantize(fresh(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    for seed in range(2):
        x = fresh(1, k, 300 + seed)
        ref = x.float() @ wd.t()
        got = torch.full((1, n), float("nan"), dtype=torch.bfloat16, device="cuda")
        got = qk.gemv(x, qw, out=got, kernel="v6", cfg=cfg)
        assert torch.isfinite(got).all() and rel(got, ref) < 1e-2
        h0 = fresh(1, n, 400 + seed)
        assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v6", cfg=cfg), ref + h0.float()) < 1e-2
        nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
        xn = F.rms_norm(x, (k,), nw, 1e-6)
        assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v6", cfg=cfg), xn.float() @ wd.t()) < 1e-2
    xf = x.float()
    assert rel(qk.gemv(xf, qw, kernel="v6", cfg=cfg), xf @ wd.t()) < 1e-5


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 32, True)])
@pytest.mark.parametrize("mag", [6e4, 3e3, 1e-6, 0.0])
def test_v6_large_and_tiny_activations(bits, group, zp, mag):
    """Activations beyond fp16's range (an outlier of 6e4 among values of 6e3: a product would
    overflow fp16 unscaled) or far below it (1e-6: subnormal in fp16): the kernel's power of two keeps
    the result within 1e-2 of the reference; all zeros give zeros."""
    n, k = 4096, 4096
    qw = quantize(fresh(n, k, 5), bits, group, zp)
    wd = dequantize(qw)
    x = (fresh(1, k, 6).float() * (mag / 10)).to(torch.bfloat16)
    x[0, 100] = mag
    for mode in ("plain", "glu"):
        got = qk.gemv(x, qw, kernel="v6", mode=mode)
        y = x.float() @ wd.t()
        ref = y if mode == "plain" else F.silu(y[:, : n // 2]) * y[:, n // 2 :]
        assert torch.isfinite(got).all()
        if mag:
            assert rel(got, ref) < 2e-2, mode
        else:
            assert not got.float().any()


def test_v6_bf16_model_decodes_through_graphs(monkeypatch):
    """KERNEL = "v6" on a bf16 model (the kernel's dtype): decode graphs capture and decode; int4 and int8."""
    monkeypatch.setattr(qk, "KERNEL", "v6")
    for scheme in ("int4", "int8"):
        model = tiny_model("qwen2", dtype=torch.bfloat16).cuda()
        quantize_model(model, scheme, group=32)
        got, st = run(model, prompt(60, seed=3).cuda(), 24)
        runner = fastdecode.runner_for(model)
        assert st.fast_path and runner.quantized and any(k[0] == "decode" for k in runner.graphs)
        assert len(got) == 24 and all(0 <= t < model.config.vocab_size for t in got)
        fastdecode.release(model)


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 32, True)])
@pytest.mark.parametrize("inter,k", [(48, 64), (8960 // 7, 1536), (300, 1000)])
@pytest.mark.parametrize("kernel", ["v2", "v3", "v4", "v6", "v8", "v9"])
def test_gate_up_gemv(bits, group, zp, inter, k, kernel):
    w = fresh(2 * inter, k, inter)
    qw = quantize(w, bits, group, zp)
    wd = dequantize(qw)
    x = fresh(1, k, 7)
    gu = x.float() @ wd.t()
    ref = F.silu(gu[:, :inter]) * gu[:, inter:]
    assert rel(qk.gemv(x, qw, mode="glu", kernel=kernel), ref) < 2e-2
    if kernel == "v3":  # a second v3 config: more rows a program, a wider K tile
        assert rel(qk.gemv(x, qw, mode="glu", kernel="v3", cfg=(4, max(group, 256), 4, 8)), ref) < 2e-2


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", [(37, 200), (2048, 1536)])
def test_dequantize_kernel_and_rows(bits, group, zp, n, k):
    qw = quantize(fresh(n, k, 3), bits, group, zp)
    for dt in (torch.bfloat16, torch.float32):
        assert torch.equal(qk.dequantize(qw, dt), dequantize(qw, dt))
    x = fresh(19, k, 4)
    ref = x.float() @ dequantize(qw).t()
    assert rel(qk.linear(x, qw), ref) < 1e-2


V3_SHAPES = [(1, 64), (37, 200), (257, 1000), (2048, 1536), (96, 13696 // 4), (1536, 8960)]


@pytest.mark.parametrize("reduce", ["last", "pass2"])
@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", V3_SHAPES)
def test_v3_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, reduce, monkeypatch):
    """The v3 kernel (split-K, x reused across rows): the rule's config and a split one."""
    monkeypatch.setattr(qk, "REDUCE", reduce)
    w = fresh(n, k, n + k)
    qw = quantize(w, bits, group, zp)
    wd = dequantize(qw)
    x = fresh(1, k, 1001)
    ref = x.float() @ wd.t()
    for cfg in (None, (8, max(group, 256), 4, 16)):
        got = torch.full((1, n), float("nan"), dtype=torch.bfloat16, device="cuda")
        got = qk.gemv(x, qw, out=got.zero_(), mode="residual", kernel="v3", cfg=cfg)
        assert torch.isfinite(got).all()
        assert rel(got, ref) < 1e-2
        assert rel(qk.gemv(x, qw, kernel="v3", cfg=cfg), ref) < 1e-2
        nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
        xn = F.rms_norm(x, (k,), nw, 1e-6)
        assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v3", cfg=cfg), xn.float() @ wd.t()) < 1e-2
        # float32 activations: exact up to the order of the sums
        xf = x.float()
        assert rel(qk.gemv(xf, qw, kernel="v3", cfg=cfg), xf @ wd.t()) < 1e-5
    assert not any(c.any() for c in qk._COUNTERS.values())  # every counter back at zero



@pytest.mark.parametrize("kernel", ["v2", "v3"])
def test_int8_lm_head_decodes(kernel, monkeypatch):
    """fastdecode.LM_HEAD_BITS = 8: the runner's LM head is an int8 QWeight, graphs capture, and its
    logits stay close to the float32 head's."""
    monkeypatch.setattr(qk, "KERNEL", kernel)
    monkeypatch.setattr(fastdecode, "LM_HEAD_BITS", 8)
    model = tiny_model("qwen2").cuda()
    quantize_model(model, "int8")
    got, st = run(model, prompt(40, seed=2).cuda(), 20)
    runner = fastdecode.runner_for(model)
    assert st.fast_path and len(got) == 20 and runner.graphs
    assert isinstance(runner.lm_w, type(model.model.layers[0].mlp.down_proj.qw()))
    h = fresh(1, model.config.hidden_size, 3, torch.float32)
    ref = F.rms_norm(h, (h.shape[1],), runner.norm_w, runner.norm_eps) @ model.lm_head.weight.t()
    assert rel(runner._logits(h, fused=True), ref) < 2e-2
    fastdecode.release(model)


@pytest.mark.parametrize("kernel", ["v2", "v3", "v4", "v6", "v8", "v9", "auto"])
@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("scheme", ["int8", "int4"])
def test_quantized_graph_path_equals_plain_path(arch, scheme, kernel, monkeypatch):
    monkeypatch.setattr(qk, "KERNEL", kernel)
    model = tiny_model(arch).cuda()
    quantize_model(model, scheme, group=32)
    assert fastdecode.unsupported_reason(model) is None
    ids = prompt(200, seed=11).cuda()
    plain, st = run(model, ids, 60, fast=False)
    got, stats = run(model, ids, 60)
    assert stats.fast_path and not st.fast_path
    assert got == plain
    runner = fastdecode.runner_for(model)
    assert runner.quantized and runner.graphs
    assert run(model, ids, 37)[0] == plain[:37]
    fastdecode.release(model)


def test_bf16_quantized_model_runs_and_warm_up_captures():
    model = tiny_model("qwen2", dtype=torch.bfloat16).cuda()
    quantize_model(model, "int4", group=64)
    info = warm_up(model)
    assert info["fast_path"]
    runner = fastdecode.runner_for(model)
    assert ("prefill", 16, 256) in runner.graphs and any(k[0] == "decode" for k in runner.graphs)
    got, st = run(model, prompt(30).cuda(), 20)
    assert st.fast_path and len(got) == 20
    fastdecode.release(model)


def test_bundled_gguf_blocks_on_the_gpu():
    from console.core.inference.bundled_model import bundled_model_path, bundled_model_present

    if not bundled_model_present():
        pytest.skip("the bundled GGUF is not on this machine (the CPU suite checks the same repacking)")
    bundled_gguf = bundled_model_path()
    import gguf
    import numpy as np
    from gguf.quants import dequantize as gguf_dequantize

    reader = gguf.GGUFReader(str(bundled_gguf))
    for t in reader.tensors:
        if t.name in ("blk.0.attn_q.weight", "blk.5.ffn_gate.weight"):
            raw = np.asarray(t.data)
            k, n = (int(v) for v in t.shape[:2])
            qw = repack_gguf(t.tensor_type.name, raw, n, k)
            qw = type(qw)(qw.q.cuda(), qw.scales.cuda(), qw.zeros.cuda() if qw.zeros is not None else None,
                          qw.bits, qw.group, qw.k)
            ref_w = torch.from_numpy(gguf_dequantize(raw, t.tensor_type).reshape(n, k).astype(np.float32)).cuda()
            x = fresh(1, k, 9)
            assert rel(qk.gemv(x, qw), x.float() @ ref_w.t()) < 1e-2


# ------------------------------------------------------------------ v7 (session 6): the weights unpacked to a register
# tile of small integers in the model dtype, multiplied with x^T on the tensor cores (tl.dot, float32 accumulation)


def _fit7(cfg, group):
    if cfg is None or cfg[1] >= group:
        return cfg
    return (cfg[0], group, *cfg[2:])


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", SHAPES + [(4608, 4096), (4096, 13696)])
@pytest.mark.parametrize("cfg", [None, (64, 512, 4, 1), (128, 256, 4, 4, 1), (32, 128, 2, 2)])
def test_v7_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg):
    """v7 over schemes, odd sizes and the decode shapes, with split-K: every element written, the three
    modes, the RMSNorm fold; float32 activations (the dot in IEEE float32) up to the order of the sums.
    Tolerance: 1e-2 relative (bf16 output rounding ~2e-3; the products and sums are float32)."""
    cfg = _fit7(cfg, group)
    qw = quantize(fresh(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    for seed in range(2):
        x = fresh(1, k, 300 + seed)
        ref = x.float() @ wd.t()
        got = torch.full((1, n), float("nan"), dtype=torch.bfloat16, device="cuda")
        got = qk.gemv(x, qw, out=got, kernel="v7", cfg=cfg)
        assert torch.isfinite(got).all() and rel(got, ref) < 1e-2
        h0 = fresh(1, n, 400 + seed)
        assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v7", cfg=cfg), ref + h0.float()) < 1e-2
        nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
        xn = F.rms_norm(x, (k,), nw, 1e-6)
        assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v7", cfg=cfg), xn.float() @ wd.t()) < 1e-2
    xf = x.float()
    assert rel(qk.gemv(xf, qw, kernel="v7", cfg=cfg), xf @ wd.t()) < 1e-5


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 32, True)])
@pytest.mark.parametrize("mag", [6e4, 1e-6, 0.0])
def test_v7_large_and_tiny_activations(bits, group, zp, mag):
    """x carries powers of two down to 2^-16 (int4) on the tensor cores: large, tiny and zero
    activations stay within 1e-2 of the reference (zeros give zeros)."""
    n, k = 4096, 4096
    qw = quantize(fresh(n, k, 5), bits, group, zp)
    wd = dequantize(qw)
    x = (fresh(1, k, 6).float() * (mag / 10)).to(torch.bfloat16)
    x[0, 100] = mag
    for mode in ("plain", "glu"):
        got = qk.gemv(x, qw, kernel="v7", mode=mode)
        y = x.float() @ wd.t()
        ref = y if mode == "plain" else F.silu(y[:, : n // 2]) * y[:, n // 2 :]
        assert torch.isfinite(got).all()
        if mag:
            assert rel(got, ref) < 2e-2, mode
        else:
            assert not got.float().any()


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 32, True)])
@pytest.mark.parametrize("inter,k", [(48, 64), (8960 // 7, 1536), (300, 1000)])
def test_v7_gate_up_gemv(bits, group, zp, inter, k):
    qw = quantize(fresh(2 * inter, k, inter), bits, group, zp)
    wd = dequantize(qw)
    x = fresh(1, k, 7)
    gu = x.float() @ wd.t()
    ref = F.silu(gu[:, :inter]) * gu[:, inter:]
    for cfg in (None, _fit7((128, 256, 4, 2), group)):
        assert rel(qk.gemv(x, qw, mode="glu", kernel="v7", cfg=cfg), ref) < 2e-2


@pytest.mark.parametrize("m", [2, 16])
@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 64, True)])
def test_v7_several_rows(m, bits, group, zp):
    """x of M <= 16 rows (a small prefill) through the same kernel: out [M, N], per-row RMSNorm."""
    n, k = 2048, 1536
    qw = quantize(fresh(n, k, 17), bits, group, zp)
    wd = dequantize(qw)
    x = fresh(m, k, 18)
    nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
    for cfg in (None, (64, 512, 4, 3)):
        assert rel(qk.gemv(x, qw, kernel="v7", cfg=cfg), x.float() @ wd.t()) < 1e-2
        xn = F.rms_norm(x, (k,), nw, 1e-6)
        assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v7", cfg=cfg), xn.float() @ wd.t()) < 1e-2


@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("scheme", ["int8", "int4"])
def test_v7_quantized_graph_path_equals_plain_path(arch, scheme, monkeypatch):
    """KERNEL = "v7": float32 tiny models decode the plain path's greedy tokens through the graphs."""
    monkeypatch.setattr(qk, "KERNEL", "v7")
    model = tiny_model(arch).cuda()
    quantize_model(model, scheme, group=32)
    ids = prompt(200, seed=11).cuda()
    plain, st = run(model, ids, 60, fast=False)
    got, stats = run(model, ids, 60)
    assert stats.fast_path and not st.fast_path
    assert got == plain
    fastdecode.release(model)


def test_v7_bf16_model_decodes_through_graphs(monkeypatch):
    """KERNEL = "v7" on a bf16 model: decode graphs capture and decode; int4 and int8."""
    monkeypatch.setattr(qk, "KERNEL", "v7")
    for scheme in ("int4", "int8"):
        model = tiny_model("qwen2", dtype=torch.bfloat16).cuda()
        quantize_model(model, scheme, group=32)
        got, st = run(model, prompt(60, seed=3).cuda(), 24)
        runner = fastdecode.runner_for(model)
        assert st.fast_path and runner.quantized and any(k[0] == "decode" for k in runner.graphs)
        assert len(got) == 24 and all(0 <= t < model.config.vocab_size for t in got)
        fastdecode.release(model)


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", V3_SHAPES)
@pytest.mark.parametrize("split", [2, 3, 8])
def test_v10_split_k_equals_dequantize_then_matmul(bits, group, zp, n, k, split):
    """v10 (v9 / v8 with K split over programs, the last program of a row block adding the parts): the modes,
    the RMS over the parts, bf16 and float32 activations, the same bits every call, counters back at zero."""
    qw = quantize(fresh(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = fresh(1, k, 1002)
    ref = x.float() @ wd.t()
    cfg = (8, max(group or 16, 256), 4, split)
    got = qk.gemv(x, qw, out=torch.zeros(1, n, dtype=torch.bfloat16, device="cuda"), mode="residual",
                  kernel="v10", cfg=cfg)
    assert torch.isfinite(got).all() and rel(got, ref) < 1e-2
    a = qk.gemv(x, qw, kernel="v10", cfg=cfg)
    assert torch.equal(a, qk.gemv(x, qw, kernel="v10", cfg=cfg)) and rel(a, ref) < 1e-2
    nw = (torch.rand(k, device="cuda") + 0.5).to(torch.bfloat16)
    xn = F.rms_norm(x.float(), (k,), nw.float(), 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v10", cfg=cfg), xn @ wd.t()) < 1e-2
    xf = x.float()
    assert rel(qk.gemv(xf, qw, kernel="v10", cfg=cfg), xf @ wd.t()) < 1e-4
    assert not any(c.any() for c in qk._COUNTERS.values())


@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("scheme", ["int8", "int4"])
def test_v10_graph_path_equals_plain_path(arch, scheme, monkeypatch):
    """A tiny float32 model whose every product is split in parts of one K tile (``CONFIG10``) decodes the plain
    path's greedy tokens through the CUDA graphs (the parts' workspace and counters inside the graph)."""
    monkeypatch.setattr(qk, "KERNEL", "v10")
    monkeypatch.setattr(qk, "CONFIG10", (4, 32, 4, 64))
    model = tiny_model(arch).cuda()
    quantize_model(model, scheme, group=32)
    ids = prompt(200, seed=12).cuda()
    plain, st = run(model, ids, 60, fast=False)
    got, stats = run(model, ids, 60)
    assert stats.fast_path and not st.fast_path and got == plain
    assert not any(c.any() for c in qk._COUNTERS.values())
    fastdecode.release(model)
