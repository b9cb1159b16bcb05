"""The int4 dp4a GEMV (quant/gemv_dp4a.py) on the GPU: the inline-asm dp4a path against the EMULATE path (the same
integer dots in plain Triton integer ops, checked against torch in tests/core/inference/test_gemv_dp4a_interp.py)
bit for bit (the int32 block dots and the outputs), and against the torch reference of the same math and
dequantize-then-matmul within tolerance, on the decode products of GLM-4-9B (qkv 4608x4096, o 4096x4096, gate/up
27392x4096, down 4096x13696; groups 128 and 64) and Qwen2-1.5B (2048x1536, 1536x1536, gate/up 17920x1536,
1536x8960), in the modes the decode uses (qkv and gate/up with the RMSNorm folded in; gate/up SiLU-gated; o and down
residual), x quantized in the GEMV (XQ 0) and by the separate kernel (XQ 1), and replayed inside a CUDA graph.
Skipped without CUDA (tests/gpu/conftest.py).
"""

from __future__ import annotations

import pytest

import torch

pytestmark = pytest.mark.gpu

gd = pytest.importorskip("console.core.inference.quant.gemv_dp4a")
if not torch.cuda.is_available() or not gd.available():
    pytest.skip("needs CUDA and Triton", allow_module_level=True)

from console.core.inference.quant.tensor import dequantize, quantize  # noqa: E402

# (rows of W, K, mode, norm folded in): the decode products (gate/up: the packed 2 x intermediate rows)
SHAPES = [(4608, 4096, "plain", True), (4096, 4096, "residual", False), (27392, 4096, "glu", True),
          (4096, 13696, "residual", False), (2048, 1536, "plain", True), (1536, 1536, "residual", False),
          (17920, 1536, "glu", True), (1536, 8960, "residual", False)]
_CACHE: dict = {}


def rel(a, b) -> float:
    return float((a.float().reshape(-1) - b.float().reshape(-1)).norm() / b.float().reshape(-1).norm())


def setup(rows, k, group, zp=False, dtype=torch.bfloat16):
    key = (rows, k, group, zp, dtype)
    if key not in _CACHE:
        g = torch.Generator(device="cuda").manual_seed(rows + k + group)
        w = torch.randn(rows, k, device="cuda", generator=g, dtype=torch.bfloat16) * 0.02
        qw = quantize(w, 4, group, zero_point=zp)
        x = torch.randn(1, k, device="cuda", generator=g).to(dtype)
        nw = (torch.rand(k, device="cuda", generator=g) + 0.5).to(dtype)
        _CACHE.clear()
        _CACHE[key] = (qw, x, nw)
    return _CACHE[key]


def run(qw, x, nw, mode, norm, cfg, emulate, h=None, dump=True):
    n = qw.n // 2 if mode == "glu" else qw.n
    out = h.clone() if mode == "residual" else None
    d = torch.full((qw.n, qw.kp // 32), -1, dtype=torch.int32, device="cuda") if dump else None
    y = gd.gemv(x, qw, norm=(nw, 1e-6) if norm else None, out=out, mode=mode, cfg=cfg, emulate=emulate, dump=d)
    assert y.shape == (1, n)
    return y, d


def dense(x, qw, nw, mode, norm, h):
    xf = x.float()
    if norm:
        xf = xf * torch.rsqrt(xf.pow(2).mean() + 1e-6) * nw.float()
    y = xf @ dequantize(qw, torch.float32)[:, :qw.k].T
    if mode == "glu":
        n = qw.n // 2
        y = torch.nn.functional.silu(y[:, :n]) * y[:, n:]
    if mode == "residual":
        y = y + h.float()
    return y


@pytest.mark.parametrize("rows,k,mode,norm", SHAPES)
@pytest.mark.parametrize("group", [128, 64])
@pytest.mark.parametrize("xq", [0, 1])
def test_asm_equals_emulated_and_reference(rows, k, mode, norm, group, xq):
    qw, x, nw = setup(rows, k, group)
    n = qw.n // 2 if mode == "glu" else qw.n
    h = torch.randn(1, n, device="cuda", dtype=x.dtype) if mode == "residual" else None
    cfg = gd.config(n, k, group, mode)[:3] + (xq,)
    y_asm, d_asm = run(qw, x, nw, mode, norm, cfg, False, h)
    y_emu, d_emu = run(qw, x, nw, mode, norm, cfg, True, h)
    assert torch.equal(d_asm, d_emu), "the dp4a asm's int32 block dots differ from the emulated ones"
    assert torch.equal(y_asm, y_emu), "same int sums, same float code: the outputs should be the same bits"
    want, dots = gd.reference(x, qw, norm=(nw, 1e-6) if norm else None, out=h, mode=mode)
    # the GPU may fuse x * inv + 1.5 * 2^23 into one FMA (torch rounds twice): a rare q one apart in a block
    mism = float((d_asm.long() != dots).float().mean())
    assert mism < 1e-3, f"{mism:.2e} of the block dots differ from torch's"
    assert rel(y_asm, want) < (2.5e-2 if mode == "glu" else 1e-2)  # bf16 output
    err = rel(y_asm, dense(x, qw, nw, mode, norm, h))
    assert err < (2.5e-2 if mode == "glu" else 1e-2), f"{err:.4f} against dequantize-then-matmul"


@pytest.mark.parametrize("rows,k,mode,norm", [SHAPES[0], SHAPES[3], SHAPES[6]])
@pytest.mark.parametrize("zp", [False, True])
def test_float32_and_zero_points(rows, k, mode, norm, zp):
    qw, x, nw = setup(rows, k, 128, zp=zp, dtype=torch.float32)
    n = qw.n // 2 if mode == "glu" else qw.n
    h = torch.randn(1, n, device="cuda") if mode == "residual" else None
    cfg = gd.config(n, k, 128, mode)
    y_asm, d_asm = run(qw, x, nw, mode, norm, cfg, False, h)
    y_emu, d_emu = run(qw, x, nw, mode, norm, cfg, True, h)
    assert torch.equal(d_asm, d_emu) and torch.equal(y_asm, y_emu)
    want, _ = gd.reference(x, qw, norm=(nw, 1e-6) if norm else None, out=h, mode=mode)
    assert rel(y_asm, want) < 1e-4
    assert rel(y_asm, dense(x, qw, nw, mode, norm, h)) < (2.5e-2 if mode == "glu" else 1e-2)


@pytest.mark.parametrize("cfg", gd.SWEEP)
def test_every_sweep_config_builds_and_agrees(cfg):
    qw, x, nw = setup(4608, 4096, 128)
    y0, _ = run(qw, x, nw, "plain", True, gd.config(4608, 4096, 128, "plain"), False, dump=False)
    y1, d1 = run(qw, x, nw, "plain", True, cfg, False)
    _, d2 = run(qw, x, nw, "plain", True, cfg, True)
    assert torch.equal(d1, d2)
    assert rel(y1, y0) < 1e-2  # bf16 output; the row sums' order differs with the tiling


@pytest.mark.parametrize("xq", [0, 1])
def test_inside_a_cuda_graph(xq):
    """Four products a layer (different K: the XQ buffers of each size) captured once, replayed with new inputs:
    equal to eager calls."""
    prods = [(setup(r, k, 128)[0], mode, norm) for r, k, mode, norm in
             [(2048, 1536, "plain", True), (1536, 1536, "residual", False), (17920, 1536, "glu", True),
              (1536, 8960, "residual", False)]]
    _CACHE.clear()
    xs = [torch.randn(1, qw.k, device="cuda", dtype=torch.bfloat16) for qw, _, _ in prods]
    nw = torch.rand(8960, device="cuda", dtype=torch.bfloat16) + 0.5
    outs = [torch.zeros(1, qw.n // 2 if mode == "glu" else qw.n, device="cuda", dtype=torch.bfloat16)
            for qw, mode, _ in prods]

    def step():
        for (qw, mode, norm), x, o in zip(prods, xs, outs):
            gd.gemv(x, qw, norm=(nw[:qw.k], 1e-6) if norm else None, out=o, mode=mode,
                    cfg=gd.config(o.shape[1], qw.k, 128, mode)[:3] + (xq,))

    step()
    torch.cuda.synchronize()
    g = torch.cuda.CUDAGraph()
    st = torch.cuda.Stream()
    with torch.cuda.stream(st):
        with torch.cuda.graph(g):
            step()
    for rep in range(3):
        for x in xs:
            x.copy_(torch.randn_like(x))
        for o in outs:
            o.zero_()
        g.replay()
        torch.cuda.synchronize()
        got = [o.clone() for o in outs]
        for o in outs:
            o.zero_()
        step()
        torch.cuda.synchronize()
        for a, b in zip(got, outs):
            assert torch.equal(a, b), f"graph replay {rep} differs from the eager call"
