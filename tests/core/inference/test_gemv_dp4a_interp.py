"""The int4 dp4a GEMV (quant/gemv_dp4a.py) run by Triton's CPU interpreter (its EMULATE path: the 4-way integer
dot in plain Triton integer ops; the interpreter cannot run the inline-asm dp4a, tests/gpu/test_gemv_dp4a_gpu.py
checks that one against this path).

* the integer block dots (the kernel's DUMP output) equal ``gemv_dp4a.reference``'s, bit for bit, and the x
  quantization of the XQ kernel (packed words, block scales, block sums) equals ``quantize_x``'s bit for bit;
* the output equals the reference's (same math, its float sums in float64) within float32 rounding (2e-6 of the
  output's norm; bf16 outputs: their rounding, 1e-2, "glu" 2.5e-2: four bf16 roundings);
* against dequantize-then-matmul (float32) the output's norm-relative error is below 1.5 % ("glu": 2.5 %, SiLU(g) u
  carries both halves' errors) (the int8 rounding of x: ~0.54 % of ||x|| for Gaussian x; with N of 9-50 rows
  the output's error fluctuates around that, up to ~1.7 % for "glu");
* over odd N, K a multiple of 32 and of the group (and one K padded up to the group), groups 32 / 64 / 128,
  symmetric and zero points, float32 and bf16 x, the three modes, the RMSNorm fold, x quantized in the GEMV and
  by the separate kernel (the same bits), prefetch on and off.

Triton is not a dependency of the project venv: without it this module is skipped.  Run it with
``PYTHONPATH=<triton> TRITON_INTERPRET=1 python -m pytest tests/core/inference/test_gemv_dp4a_interp.py``.
"""

from __future__ import annotations

import os

os.environ.setdefault("TRITON_INTERPRET", "1")  # before the kernels are decorated (first import)

import pytest

import torch

triton = pytest.importorskip("triton", reason="Triton is not installed here (it comes with CUDA torch): "
                             "the interpreter checks of the dp4a GEMV are skipped")

from console.core.inference.quant import gemv_dp4a as gd  # noqa: E402
tl = triton.language
from console.core.inference.quant.tensor import dequantize, quantize  # noqa: E402

if not type(gd._dp4a_gemv_kernel).__name__.startswith("Interpreted"):
    pytest.skip("the kernels were imported before TRITON_INTERPRET=1 was set: run this file on its own "
                "with TRITON_INTERPRET=1", allow_module_level=True)


def rel(a, b) -> float:
    return float((a.float().reshape(-1) - b.float().reshape(-1)).norm() / b.float().reshape(-1).norm())


def setup(n, k, group, zp, dtype, mode, seed=0):
    g = torch.Generator().manual_seed(seed)
    rows = 2 * n if mode == "glu" else n
    qw = quantize(torch.randn(rows, k, generator=g), 4, group, zero_point=zp)
    x = torch.randn(1, k, generator=g).to(dtype)
    nw = (torch.rand(k, generator=g) + 0.5).to(dtype)
    h = torch.randn(1, n, generator=g).to(dtype)
    return qw, x, nw, h


def dense(x, qw, norm, mode, h):
    """Dequantize-then-matmul in float32 (the RMSNorm in float32, as the kernel's LATE form)."""
    xf = x.float()
    if norm is not None:
        nw, eps = norm
        xf = xf * torch.rsqrt(xf.pow(2).mean() + eps) * nw.float()
    y = xf @ dequantize(qw, torch.float32)[:, :qw.k].T
    if mode == "glu":
        n = qw.n // 2
        y = torch.nn.functional.silu(y[:, :n]) * y[:, n:]
    if mode == "residual":
        y = y + h.float()
    return y


CASES = [  # n, k, group, zp
    (37, 256, 32, False), (37, 256, 64, True), (13, 384, 128, False), (13, 384, 128, True),
    (50, 512, 64, False), (9, 200, 32, True),  # K 200: padded to 224
]


@pytest.mark.parametrize("n,k,group,zp", CASES)
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
@pytest.mark.parametrize("mode,with_norm", [("plain", False), ("plain", True), ("residual", False),
                                            ("glu", True)])
def test_dp4a_emulated_equals_reference(n, k, group, zp, dtype, mode, with_norm):
    qw, x, nw, h = setup(n, k, group, zp, dtype, mode)
    norm = (nw, 1e-6) if with_norm else None
    cfg = (8, max(group, 128), 4, 0)
    out = h.clone() if mode == "residual" else None
    dump = torch.full((qw.n, qw.kp // 32), -12345, dtype=torch.int32)
    y = gd.gemv(x, qw, norm=norm, out=out, mode=mode, cfg=cfg, dump=dump)
    want, dots = gd.reference(x, qw, norm=norm, out=h, mode=mode)
    assert torch.equal(dump.long(), dots), "integer block dots differ from the reference"
    assert y.shape == (1, qw.n // 2 if mode == "glu" else qw.n) and y.dtype == dtype
    # bf16: the output's rounding (2^-8 of a value); "glu" rounds gate, up, SiLU and the product, and where the
    # kernel's float32 and the reference's float64 sums straddle a rounding point they round one ulp apart
    tol = 2e-6 if dtype == torch.float32 else 2.5e-2 if mode == "glu" else 1e-2
    assert rel(y, want) < tol
    err = rel(y, dense(x, qw, norm, mode, h))
    assert err < (2.5e-2 if mode == "glu" else 1.5e-2), f"{err:.4f} against dequantize-then-matmul"


@pytest.mark.parametrize("n,k,group,zp", [(37, 256, 32, False), (13, 384, 128, True), (9, 200, 64, False)])
@pytest.mark.parametrize("mode,with_norm", [("plain", True), ("residual", False), ("glu", True)])
def test_separate_x_kernel_gives_the_same_bits(n, k, group, zp, mode, with_norm):
    """XQ = 1 (``_xq_kernel`` once a call, a few programs) and XQ = 0 (each GEMV program quantizes its tiles), PF on
    and off, BK of one or several tiles: the same output bits."""
    qw, x, nw, h = setup(n, k, group, zp, torch.float32, mode, seed=1)
    norm = (nw, 1e-5) if with_norm else None
    outs = []
    for cfg, pf in (((4, group, 4, 0), True), ((8, 256, 4, 1), True), ((16, 256, 4, 0), False),
                    ((4, 512, 4, 1), False)):
        cfg = (cfg[0], max(cfg[1], group), cfg[2], cfg[3])
        out = h.clone() if mode == "residual" else None
        outs.append(gd.gemv(x, qw, norm=norm, out=out, mode=mode, cfg=cfg, pf=pf))
    # the x side is the same bits whatever the tiling; the row sums' order differs with BK (a tile's groups)
    assert torch.equal(outs[0], outs[2]) or rel(outs[0], outs[2]) < 2e-6
    for o in outs[1:]:
        assert rel(o, outs[0]) < 2e-6
    # same tiling, x quantized in the GEMV or by the separate kernel: bit for bit
    a = gd.gemv(x, qw, norm=norm, out=h.clone() if mode == "residual" else None, mode=mode,
                cfg=(8, max(256, group), 4, 0))
    b = gd.gemv(x, qw, norm=norm, out=h.clone() if mode == "residual" else None, mode=mode,
                cfg=(8, max(256, group), 4, 1))
    assert torch.equal(a, b)


@pytest.mark.parametrize("k", [64, 200, 1100])
@pytest.mark.parametrize("with_norm", [False, True])
def test_x_quantization_kernel_bit_exact(k, with_norm):
    """The packed words (even / odd elements of each 8 as signed bytes), d and the block sums of ``_xq_kernel``
    equal ``quantize_x``'s; the partial sums of x^2 add up to the sum."""
    g = torch.Generator().manual_seed(k)
    x = torch.randn(1, k, generator=g) * 3
    x[0, 5] = 0.0
    if k > 64:
        x[0, 32:64] = 0.0  # an all-zero block: d = 0, q = 0
    nw = torch.rand(k, generator=g) + 0.5
    kp = -(-k // 32) * 32
    kb = kp // 32
    grid = -(-kb // gd.QB)
    xw = torch.zeros(kb * 8, dtype=torch.int32)
    d = torch.zeros(kb)
    bs = torch.zeros(kb, dtype=torch.int32)
    ss = torch.zeros(grid)
    gd._xq_kernel[(grid,)](x, nw, xw, d, bs, ss, k, kb, NORM=with_norm, NB=gd.QB, GDC=False)
    q, dref, ssq = gd.quantize_x(x, kp, nw if with_norm else None)
    assert int(q.abs().max()) <= 127
    assert torch.equal(d, dref)
    assert torch.equal(bs.long(), q.long().sum(1))
    qb = (q & 0xFF).long().view(kb, 4, 4, 2)  # block, word, pair, parity
    sh = torch.tensor([0, 8, 16, 24])
    want = torch.cat([(qb[..., 0] << sh).sum(2), (qb[..., 1] << sh).sum(2)], 1)  # [kb, 8]
    want = ((want + 2 ** 31) % 2 ** 32 - 2 ** 31).to(torch.int32).view(-1)
    assert torch.equal(xw, want)
    assert abs(float(ss.sum()) - ssq) < 1e-4 * ssq


def test_dp4a_emulation_matches_the_ptx_semantics():
    """``_dp4a`` with EMULATE: c + sum of a's unsigned bytes times b's signed bytes (PTX dp4a.u32.s32), edge bytes
    0x00 / 0x7F / 0x80 / 0xFF and random words included."""

    @triton.jit
    def k(a_ptr, b_ptr, c_ptr, o_ptr, B: tl.constexpr):
        i = tl.arange(0, B)
        tl.store(o_ptr + i, gd._dp4a(tl.load(a_ptr + i), tl.load(b_ptr + i), tl.load(c_ptr + i), True))

    g = torch.Generator().manual_seed(3)
    a = torch.randint(-2 ** 31, 2 ** 31 - 1, (64,), generator=g, dtype=torch.int64)
    b = torch.randint(-2 ** 31, 2 ** 31 - 1, (64,), generator=g, dtype=torch.int64)
    a[:4] = torch.tensor([0x00000000, 0x7F7F7F7F, -0x7F7F7F80, -1])
    b[:4] = torch.tensor([-1, -0x7F7F7F80, 0x7F7F7F7F, -1])
    c = torch.randint(-2 ** 20, 2 ** 20, (64,), generator=g, dtype=torch.int64)
    o = torch.zeros(64, dtype=torch.int32)
    k[(1,)](a.to(torch.int32), b.to(torch.int32), c.to(torch.int32), o, B=64)
    au = torch.stack([(a >> (8 * i)) & 0xFF for i in range(4)])
    bsg = torch.stack([((b >> (8 * i)) & 0xFF) for i in range(4)])
    bsg = torch.where(bsg >= 128, bsg - 256, bsg)
    want = c + (au * bsg).sum(0)
    assert torch.equal(o.long(), want)


def test_int8_and_other_groups_are_refused():
    qw8 = quantize(torch.randn(8, 64), 8, 0)
    with pytest.raises(ValueError):
        gd.gemv(torch.randn(1, 64), qw8)
    qw = quantize(torch.randn(8, 256), 4, 128)
    with pytest.raises(ValueError):
        gd.gemv(torch.randn(1, 256), qw, cfg=(4, 64, 4, 0))  # BK below the group


def test_rule_configs_are_valid_for_the_decode_shapes():
    for n, k in ((4608, 4096), (4096, 4096), (13696, 4096), (4096, 13696), (2048, 1536), (1536, 1536),
                 (8960, 1536), (1536, 8960), (37, 200)):
        for group in (32, 64, 128):
            for mode in ("plain", "residual", "glu"):
                bn, bk, w, xq = gd.config(n, k, group, mode)
                assert bk & (bk - 1) == 0 and bk % group == 0 and bk >= 32 and w in (4, 8) and xq in (0, 1)
                assert bn & (bn - 1) == 0
