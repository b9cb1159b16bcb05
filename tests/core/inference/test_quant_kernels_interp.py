"""The quantized GEMV kernels (quant/kernels.py) run by Triton's CPU interpreter: the v3 kernel
(split-K, one LOP3 + FADD + FFMA a weight) equals dequantize-then-matmul over schemes, group sizes,
zero points, odd sizes, the three modes, the RMSNorm fold and both split-K reductions; it leaves its
counters at zero.  (The fast path as a whole is checked on the GPU: tests/gpu/test_quant_gpu.py; under
NumPy 2.4 Triton 3.6's interpreter cannot run kernels whose loop bounds are arguments, which the
bf16 kernels of fastdecode_triton have, so a whole model does not decode here.)

Triton is not a dependency of the project venv (CUDA machines get it with torch): without it this
module is skipped, saying so.  Run it where Triton is installed, e.g.
``TRITON_INTERPRET=1 python -m pytest tests/core/inference/test_quant_kernels_interp.py``
(the variable is set here too, but it must be set before the kernels are first imported).
"""

from __future__ import annotations

import os

os.environ.setdefault("TRITON_INTERPRET", "1")  # before the kernels are decorated (first import)

import pytest

import torch
import torch.nn.functional as F

triton = pytest.importorskip("triton", reason="Triton is not installed here (it comes with CUDA torch): "
                             "the interpreter checks of the quantized kernels are skipped")

from console.core.inference.quant import kernels as qk  # noqa: E402
from console.core.inference.quant.tensor import dequantize, quantize  # noqa: E402

if not getattr(qk._qgemv3_kernel, "__class__", type).__name__.startswith("Interpreted"):
    pytest.skip("the kernels were imported before TRITON_INTERPRET=1 was set: run this file on its own "
                "with TRITON_INTERPRET=1", allow_module_level=True)

SCHEMES = [(8, 0, False), (8, 32, False), (4, 32, False), (4, 64, False), (4, 128, False), (4, 64, True),
           (4, 128, True)]


def rel(a, b) -> float:
    return float((a.float() - b.float()).norm() / b.float().norm())


def weights(n, k, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, k, generator=g)


@pytest.fixture(params=["last", "pass2"])
def reduce(request, monkeypatch):
    monkeypatch.setattr(qk, "REDUCE", request.param)
    return request.param


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k,cfg", [(37, 200, None), (16, 256, (4, 128, 4, 8)), (40, 520, (8, 256, 4, 16))])
def test_v3_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg, monkeypatch):
    """Odd sizes (K not a multiple of the tile, rows not of the block), one K tile or several."""
    monkeypatch.setattr(qk, "REDUCE", "last")
    if cfg is not None and cfg[1] < group:
        cfg = (cfg[0], group, cfg[2], cfg[3])
    qw = quantize(weights(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 7)
    ref = x @ wd.t()
    # float32 in and out: only the order of the sums differs from the reference
    got = qk.gemv(x, qw, kernel="v3", cfg=cfg)
    assert rel(got, ref) < 1e-5
    h0 = weights(1, n, 8)
    got = qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v3", cfg=cfg)
    assert rel(got, ref + h0) < 1e-5
    nw = torch.rand(k, generator=torch.Generator().manual_seed(9)) + 0.5
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v3", cfg=cfg), xn @ wd.t()) < 1e-5
    # bfloat16 activations (the model dtype on a GPU): the output rounding only
    xb = x.bfloat16()
    assert rel(qk.gemv(xb, qw, kernel="v3", cfg=cfg), xb.float() @ wd.t()) < 1e-2


@pytest.mark.parametrize("bits,group,zp", [(8, 32, False), (4, 64, True)])
def test_v3_two_pass_reduction(bits, group, zp, reduce):
    """Both split-K reductions, all three modes, on a product of 3 K tiles and 2 row blocks."""
    n, k, cfg = 24, 700, (8, 256, 4, 16)
    qw = quantize(weights(n, k, 11), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 12)
    ref = x @ wd.t()
    assert rel(qk.gemv(x, qw, kernel="v3", cfg=cfg), ref) < 1e-5
    h0 = weights(1, n, 13)
    assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v3", cfg=cfg), ref + h0) < 1e-5
    gu = ref
    glu = F.silu(gu[:, : n // 2]) * gu[:, n // 2 :]
    assert rel(qk.gemv(x, qw, mode="glu", kernel="v3", cfg=cfg), glu) < 1e-5


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 32, True), (4, 128, False)])
def test_v3_gate_up(bits, group, zp):
    inter, k = 45, 384
    qw = quantize(weights(2 * inter, k, 3), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 4)
    gu = x @ wd.t()
    ref = F.silu(gu[:, :inter]) * gu[:, inter:]
    for cfg in (None, (4, max(group, 128), 4, 16)):
        assert rel(qk.gemv(x, qw, mode="glu", kernel="v3", cfg=cfg), ref) < 1e-5


def test_v3_is_deterministic_and_leaves_its_counters_at_zero():
    qw = quantize(weights(48, 1024, 5), 4, 64)
    x = weights(1, 1024, 6)
    cfg = (8, 256, 4, 16)  # 4 K tiles, 3 row blocks
    qk._COUNTERS.clear()
    a = qk.gemv(x, qw, kernel="v3", cfg=cfg)
    (cnt,) = qk._COUNTERS.values()
    assert cnt.shape == (3,) and not cnt.any()  # the last program of each block reset its counter
    b = qk.gemv(x, qw, kernel="v3", cfg=cfg)
    assert torch.equal(a, b)  # a fixed order of the partial sums: the same bits every call
    assert rel(a, x @ dequantize(qw).t()) < 1e-5


def test_v3_rule_configs_are_valid():
    for bits, group in ((8, 0), (4, 32), (4, 128)):
        for n, k in ((4608, 4096), (4096, 13696), (1536, 1536), (27392, 4096), (37, 200)):
            bn, bk, w, rb = qk.config3(bits, n, k, group)
            assert bk & (bk - 1) == 0 and bk >= (group or 16) and rb % bn == 0 and w in (4, 8)


def _interpreter_runs_argument_loops() -> bool:
    import numpy

    return tuple(int(p) for p in numpy.__version__.split(".")[:2]) < (2, 3)


_ARG_LOOPS = pytest.mark.skipif(
    not _interpreter_runs_argument_loops(),
    reason="v2 / v8 loop over K with bounds given as arguments: Triton 3.6's interpreter runs those with NumPy < 2.3 "
           "only (e.g. PYTHONPATH=a folder with numpy 2.2)")


@pytest.mark.parametrize("kernel", ["v4", "v5", pytest.param("v2", marks=_ARG_LOOPS),
                                    pytest.param("v8", marks=_ARG_LOOPS), pytest.param("v9", marks=_ARG_LOOPS)])
@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k,cfg", [(37, 200, None), (16, 256, (4, 128, 4)), (40, 520, (8, 256, 4)),
                                     (9, 64, (16, 64, 4))])
def test_v2_v4_v5_v8_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg, kernel):
    """v2 (the default), v4 (x read once a tile as [words, values a word], one broadcast shift to unpack), v5
    (v2's tile with v3's one LOP3 + FADD + FFMA a weight) and v8 (v2's tile, the RMS taken in the K loop and
    applied to the row's result, the next tile's words read ahead; v9: v8 with no subtraction a weight and gate/up
    from one read of x): the three modes, the RMSNorm fold alone and
    with gate/up (the decode's MLP product), odd sizes, one K tile or several, float32 and bf16 activations."""
    if cfg is not None and cfg[1] < group:
        cfg = (cfg[0], group, cfg[2])
    qw = quantize(weights(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 7)
    ref = x @ wd.t()
    # v9 adds 128 (int4) or 384 (int8) to every weight and takes that times the sum of x off a group: 4-5 bits of
    # float32's 24 cancel, so 1e-4 where the others keep 1e-5 (bf16 models: the 1e-2 below, as every kernel)
    tol = 1e-4 if kernel == "v9" else 1e-5
    assert rel(qk.gemv(x, qw, kernel=kernel, cfg=cfg), ref) < tol
    h0 = weights(1, n, 8)
    assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel=kernel, cfg=cfg), ref + h0) < tol
    nw = torch.rand(k, generator=torch.Generator().manual_seed(9)) + 0.5
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel=kernel, cfg=cfg), xn @ wd.t()) < tol
    qg = quantize(weights(2 * n, k, n + k + 1), bits, group, zp)
    y = x @ dequantize(qg).t()
    assert rel(qk.gemv(x, qg, mode="glu", kernel=kernel, cfg=cfg), F.silu(y[:, :n]) * y[:, n:]) < tol
    yn = xn @ dequantize(qg).t()
    assert rel(qk.gemv(x, qg, norm=(nw, 1e-6), mode="glu", kernel=kernel, cfg=cfg),
               F.silu(yn[:, :n]) * yn[:, n:]) < tol
    xb = (x * 4).bfloat16()  # the model dtype on a GPU: rounding of x (v2: after the norm) and of the output
    xbn = F.rms_norm(xb.float(), (k,), nw, 1e-6)
    assert rel(qk.gemv(xb, qw, norm=(nw.bfloat16(), 1e-6), kernel=kernel, cfg=cfg), xbn @ wd.t()) < 1e-2


def test_candidates_are_valid_configs():
    """Every candidate ``tune`` may time names a kernel and a config it takes (K tile >= the group, a
    power of two no longer than the padded row), v2's table config first; never v6, which missed the
    tolerance on the H100 (``tune`` chooses by time alone)."""
    for bits, group in ((8, 0), (4, 32), (4, 128)):
        for n, k in ((2048, 1536), (4096, 13696), (37, 200)):
            cands = qk.candidates(bits, n, k, group)
            assert cands[0] == ("v2", tuple(qk.config(bits, n, k, group)))
            assert {kern for kern, _ in cands} == {"v2", "v3"} and len(set(cands)) == len(cands)
            kp = k if group == 0 else -(-k // group) * group
            for kern, cfg in cands:
                assert cfg[2] in ((2, 4) if kern == "v6" else (4, 8)) and cfg[1] >= (group or 16)
                assert cfg[1] & (cfg[1] - 1) == 0
                assert cfg[1] <= max(group or 16, 256 if kern == "v6" else 16, triton.next_power_of_2(kp))


# ------------------------------------------------------------------ v6 (f16x2 arithmetic; the interpreter
# runs the kernel with ``_v6_word_emulated`` in place of the PTX, which tests/core/inference/test_quant_v6_asm.py
# checks bit for bit against the same arithmetic)


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k,cfg", [(37, 200, None), (16, 256, (4, 128, 2)), (40, 520, (8, 256, 4))])
def test_v6_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg):
    """The three modes and the RMSNorm fold, odd sizes (masked rows and K) and exact ones (unmasked
    loads), one K tile or several; bf16 activations (v6 is for bf16 / fp16 models: float32 ones keep
    v2, checked on the GPU: v2 does not run in this interpreter)."""
    if cfg is not None and cfg[1] < (group or 128):
        cfg = (cfg[0], group, cfg[2])
    qw = quantize(weights(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 7).bfloat16()
    ref = x.float() @ wd.t()
    got = torch.full((1, n), float("nan"), dtype=torch.bfloat16)
    got = qk.gemv(x, qw, out=got, kernel="v6", cfg=cfg)  # every element written
    assert torch.isfinite(got).all() and rel(got, ref) < 1e-2
    h0 = weights(1, n, 8).bfloat16()
    assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v6", cfg=cfg), ref + h0.float()) < 1e-2
    nw = (torch.rand(k, generator=torch.Generator().manual_seed(9)) + 0.5).bfloat16()
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v6", cfg=cfg), xn.float() @ wd.t()) < 1e-2
    qg = quantize(weights(2 * n, k, n + k + 1), bits, group, zp)
    y = x.float() @ dequantize(qg).t()
    assert rel(qk.gemv(x, qg, mode="glu", kernel="v6", cfg=cfg), F.silu(y[:, :n]) * y[:, n:]) < 2e-2


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 32, True)])
@pytest.mark.parametrize("mag", [3e4, 1e-5, 0.0])
def test_v6_scales_large_and_tiny_activations(bits, group, zp, mag):
    """x far outside fp16's comfortable range (one outlier of 3e4 among values of 3e3, or everything
    near 1e-5): the kernel's power of two brings max |x| under 2^8 (int4) / 2^6 (int8) first, so
    nothing overflows and nothing turns subnormal; all zeros stay zeros (no NaN from the scale)."""
    n, k = 24, 384
    qw = quantize(weights(n, k, 21), bits, group, zp)
    wd = dequantize(qw)
    x = (weights(1, k, 22) * (mag / 10)).bfloat16()
    x[0, 5] = mag
    ref = x.float() @ wd.t()
    for norm in (None, ((torch.rand(k, generator=torch.Generator().manual_seed(3)) + 0.5).bfloat16(), 1e-6)):
        got = qk.gemv(x, qw, kernel="v6", norm=norm)
        assert torch.isfinite(got).all()
        if not mag:
            assert not got.float().any()
        elif norm is None:
            assert rel(got, ref) < 1e-2
        else:
            xn = F.rms_norm(x, (k,), norm[0], 1e-6)
            assert rel(got, xn.float() @ wd.t()) < 1e-2


def test_v6_rule_configs_are_valid():
    for bits, group in ((8, 0), (4, 32), (4, 128)):
        for n, k in ((4608, 4096), (4096, 13696), (1536, 1536), (1536, 8960), (27392, 4096), (37, 200)):
            for mode in ("plain", "residual", "glu"):
                rb, bk, w = qk.config6(bits, n, k, group, mode)
                kp = k if group == 0 else -(-k // group) * group
                assert bk & (bk - 1) == 0 and bk >= max(group, 128) and rb in (4, 8, 16) and w in (2, 4)
                assert bk <= max(256, triton.next_power_of_2(kp))



# ------------------------------------------------------------------ v10 (v9 / v8 with split-K)


@pytest.mark.skipif(not _interpreter_runs_argument_loops(), reason="v10 loops over K with bounds given as arguments: "
                    "Triton 3.6's interpreter runs those with NumPy < 2.3 only")
@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (8, 32, False), (4, 32, False), (4, 64, True)])
@pytest.mark.parametrize("n,k,cfg", [(37, 520, (8, 64, 4, 3)), (16, 256, (4, 64, 4, 2)), (9, 700, (16, 128, 4, 4)),
                                     (24, 256, (8, 64, 4, 8))])
def test_v10_split_k_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg):
    """v10: each program takes a part of K (a few tiles; the last part may be shorter, none empty), the last
    program of a row block adds the partial sums and applies the epilogue: the three modes, the RMS taken over
    the parts (its sum of x^2 comes in parts too), gate/up with the norm, odd sizes; the same bits every call and
    the counters left at zero."""
    if cfg[1] < group:
        cfg = (cfg[0], group, cfg[2], cfg[3])
    qw = quantize(weights(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 7)
    ref = x @ wd.t()
    tol = 1e-4  # int4 is v9's FOLD (see above)
    qk._COUNTERS.clear()
    a = qk.gemv(x, qw, kernel="v10", cfg=cfg)
    assert rel(a, ref) < tol
    assert torch.equal(a, qk.gemv(x, qw, kernel="v10", cfg=cfg))  # a fixed order of the parts
    assert all(not c.any() for c in qk._COUNTERS.values())  # each row block's last program reset its counter
    h0 = weights(1, n, 8)
    assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v10", cfg=cfg), ref + h0) < tol
    nw = torch.rand(k, generator=torch.Generator().manual_seed(9)) + 0.5
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v10", cfg=cfg), xn @ wd.t()) < tol
    qg = quantize(weights(2 * n, k, n + k + 1), bits, group, zp)
    yn = xn @ dequantize(qg).t()
    assert rel(qk.gemv(x, qg, norm=(nw, 1e-6), mode="glu", kernel="v10", cfg=cfg),
               F.silu(yn[:, :n]) * yn[:, n:]) < tol
    y = x @ dequantize(qg).t()
    assert rel(qk.gemv(x, qg, mode="glu", kernel="v10", cfg=cfg), F.silu(y[:, :n]) * y[:, n:]) < tol
    # the split really happened: a split of 1 gives v9's / v8's sums in another order (not always the same bits)
    assert rel(qk.gemv(x, qw, kernel="v10", cfg=cfg[:3] + (1,)), ref) < tol


def test_v10_parts_cover_k_once():
    """The host side: the parts (tiles a program times parts) cover every K tile once and no part is empty, for
    any split asked."""
    for tiles in range(1, 40):
        for split in range(1, 12):
            kt, parts = qk.split_parts(tiles, split)
            assert (parts - 1) * kt < tiles <= parts * kt and 1 <= parts <= split
            assert kt * split >= tiles and (kt - 1) * split < tiles  # the shortest parts the split allows
    assert qk.split_parts(9, 4) == (3, 3) and qk.split_parts(7, 1) == (7, 1) and qk.split_parts(8, 8) == (1, 8)
