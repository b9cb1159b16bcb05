"""The v7 quantized GEMV (quant/kernels.py ``_qgemv7_kernel``: the weights unpacked to a register tile of
small integers in the model dtype and multiplied with x^T on the tensor cores by ``tl.dot``, float32
accumulation, scales and zero points applied to the product a group at a time) run by Triton's CPU
interpreter: it equals dequantize-then-matmul over schemes (int8 per channel, int4 groups of 32 / 64 / 128
with and without zero points), odd N and K (masked rows and K tiles) and exact ones (unmasked loads),
the three modes, the RMSNorm fold, split-K, and x of several rows (a small prefill).

Triton is not a dependency of the project venv (CUDA machines get it with torch): without it this
module is skipped, saying so.  Run it where Triton is installed, e.g.
``TRITON_INTERPRET=1 python -m pytest tests/core/inference/test_quant_v7_interp.py``
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

if not getattr(qk._qgemv7_kernel, "__class__", type).__name__.startswith("Interpreted"):
    pytest.skip("the kernels were imported before TRITON_INTERPRET=1 was set: run this file on its own "
                "with TRITON_INTERPRET=1", allow_module_level=True)

SCHEMES = [(8, 0, False), (8, 32, False), (4, 32, False), (4, 64, False), (4, 128, False), (4, 32, True),
           (4, 64, True), (4, 128, True)]
# (n, k, cfg): odd N and K with the rule config; exact sizes (unmasked loads); several K tiles split over
# programs (the second kernel sums; the optional fifth element: Triton's num_stages); a tile of several groups
SHAPES = [(37, 200, None), (32, 256, (16, 128, 4, 1)), (40, 520, (32, 256, 4, 2)), (16, 1024, (16, 256, 2, 4, 1))]


def rel(a, b) -> float:
    return float((a.float() - b.float()).norm() / b.float().norm())


def weights(n, k, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(n, k, generator=g)


def fit(cfg, group):
    """The config with its K tile at least one group (a multiple of it)."""
    if cfg is None or cfg[1] >= group:
        return cfg
    return (cfg[0], group, *cfg[2:])


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k,cfg", SHAPES)
def test_v7_gemv_equals_dequantize_then_matmul(bits, group, zp, n, k, cfg):
    """float32 activations (the dot in IEEE float32): only the order of the sums differs from the
    reference; plain, residual, the RMSNorm fold and gate/up."""
    cfg = fit(cfg, group)
    qw = quantize(weights(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 7)
    ref = x @ wd.t()
    got = torch.full((1, n), float("nan"))
    got = qk.gemv(x, qw, out=got, kernel="v7", cfg=cfg)  # every element written
    assert torch.isfinite(got).all() and rel(got, ref) < 1e-5
    h0 = weights(1, n, 8)
    assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v7", cfg=cfg), ref + h0) < 1e-5
    nw = torch.rand(k, generator=torch.Generator().manual_seed(9)) + 0.5
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v7", cfg=cfg), xn @ wd.t()) < 1e-5
    qg = quantize(weights(2 * n, k, n + k + 1), bits, group, zp)
    y = x @ dequantize(qg).t()
    assert rel(qk.gemv(x, qg, mode="glu", kernel="v7", cfg=cfg), F.silu(y[:, :n]) * y[:, n:]) < 1e-5


@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 128, False), (4, 32, True)])
@pytest.mark.parametrize("n,k,cfg", [(37, 200, None), (40, 520, (32, 256, 4, 2))])
def test_v7_bf16_activations(bits, group, zp, n, k, cfg):
    """bf16 activations (the model dtype on a GPU): the weight tile in bf16 is exact (small integers),
    so the output rounding is the only error; the norm rounds x to bf16 as F.rms_norm does."""
    cfg = fit(cfg, group)
    qw = quantize(weights(n, k, n + k), bits, group, zp)
    wd = dequantize(qw)
    x = weights(1, k, 7).bfloat16()
    ref = x.float() @ wd.t()
    assert rel(qk.gemv(x, qw, kernel="v7", cfg=cfg), ref) < 1e-2
    h0 = weights(1, n, 8).bfloat16()
    assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v7", cfg=cfg), ref + h0.float()) < 1e-2
    nw = (torch.rand(k, generator=torch.Generator().manual_seed(9)) + 0.5).bfloat16()
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v7", cfg=cfg), xn.float() @ wd.t()) < 1e-2


@pytest.mark.parametrize("m", [2, 5, 16])
@pytest.mark.parametrize("bits,group,zp", [(8, 0, False), (4, 64, True)])
def test_v7_several_rows(m, bits, group, zp):
    """x of M rows (a small prefill): out [M, N], each row its own RMS; residual and gate/up per row;
    split-K sums every row."""
    n, k = 24, 320
    qw = quantize(weights(n, k, 21), bits, group, zp)
    wd = dequantize(qw)
    x = weights(m, k, 22)
    nw = torch.rand(k, generator=torch.Generator().manual_seed(23)) + 0.5
    for cfg in (None, (16, 128, 4, 3)):
        assert rel(qk.gemv(x, qw, kernel="v7", cfg=cfg), x @ wd.t()) < 1e-5
        xn = F.rms_norm(x, (k,), nw, 1e-6)
        assert rel(qk.gemv(x, qw, norm=(nw, 1e-6), kernel="v7", cfg=cfg), xn @ wd.t()) < 1e-5
        h0 = weights(m, n, 24)
        assert rel(qk.gemv(x, qw, out=h0.clone(), mode="residual", kernel="v7", cfg=cfg), x @ wd.t() + h0) < 1e-5
        y = x @ wd.t()
        got = qk.gemv(x, qw, mode="glu", kernel="v7", cfg=cfg)
        assert got.shape == (m, n // 2) and rel(got, F.silu(y[:, : n // 2]) * y[:, n // 2 :]) < 1e-5


def test_v7_refuses_more_than_16_rows_and_a_tile_off_the_group(monkeypatch):
    qw = quantize(weights(16, 256, 1), 4, 128)
    with pytest.raises(ValueError, match="at most 16"):
        qk.gemv(weights(17, 256, 2), qw, kernel="v7")
    monkeypatch.setattr(qk, "CONFIG7", (16, 192, 4, 1))
    with pytest.raises(ValueError, match="multiple of the group"):
        qk.config7(4, 16, 256, 128)


def test_v7_is_selectable_as_the_kernel(monkeypatch):
    """``KERNEL = "v7"`` sends every ``gemv`` to v7 (the fast path's switch)."""
    monkeypatch.setattr(qk, "KERNEL", "v7")
    calls = []
    real = qk._gemv7
    monkeypatch.setattr(qk, "_gemv7", lambda *a: calls.append(a) or real(*a))
    qw = quantize(weights(20, 96, 3), 4, 32, True)
    x = weights(1, 96, 4)
    assert rel(qk.gemv(x, qw), x @ dequantize(qw).t()) < 1e-5 and len(calls) == 1


def test_v7_rule_configs_are_valid():
    """The rule's configs on the decode shapes: rows a multiple of 16, a K tile a power of two and a
    multiple of the group, a split that leaves every program a tile, enough programs for the SMs where
    K allows."""
    for bits, group in ((8, 0), (4, 32), (4, 64), (4, 128)):
        for n, k in ((4608, 4096), (4096, 13696), (1536, 1536), (27392, 4096), (2048, 1536), (37, 200)):
            bn, bk, w, split = qk.config7(bits, n, k, group)
            kp = k if group == 0 else -(-k // group) * group
            tiles = -(-kp // bk)
            assert bn % 16 == 0 and bk & (bk - 1) == 0 and bk % (group or 16) == 0 and w in (1, 2, 4, 8)
            assert 1 <= split <= tiles
            assert -(-n // bn) * split >= 2 * qk.SMS or 2 * split > tiles
