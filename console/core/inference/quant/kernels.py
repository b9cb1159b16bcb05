"""Triton kernels for weight-only quantized products (CUDA): GEMV for one row, dequantize for more.

``gemv(x, qw, norm=, out=, mode=)`` is ``fastdecode_triton.gemv`` for a ``QWeight``: the same modes
(plain, residual add in place, gate/up with SiLU*mul) and the RMSNorm of x folded in, float32
accumulation, and programmatic dependent launch on Hopper.  Each program takes BN output rows and
walks K in tiles of BK: int8 tiles are BK bytes a row, int4 tiles BK / 2 bytes (two nibbles a byte,
even element low); the partial sums of a tile are taken per group, then scaled (int4: minus the
zero point times the group's sum of x, so w = (u - z) s costs one multiply a weight).

Prefills and other products of several rows (``linear``) dequantize the weight into a temporary in
the activation dtype (one kernel) and multiply with cuBLAS: there the product is compute-bound, and
the temporary lives only for that product.
"""

from __future__ import annotations

import logging

import torch

from console.core.inference import fastdecode_triton as fdt
# ``QWeight`` (quant/tensor.py) in the annotations is a name only: tensor.py imports this module (lazily, in
# QuantLinear.forward), so this module does not import it back (no module cycle, tests/test_architecture.py).

triton = fdt.triton
tl = fdt.tl
log = logging.getLogger(__name__)
# the GEMV reads 32-bit words and converts without int-to-float instructions; False: the first
# version's byte loads (set automatically where the word kernel fails to build)
WORDS = True

# (BN, BK, warps) per (bits, output width, K): the fastest of ``bench/decode.py --quant --qgemv-sweep``
# on the lent H100 with the word kernel (bench/results/quant-h100-v2.json); the rule in ``config`` elsewhere
CONFIGS: dict[tuple[int, int, int], tuple[int, int, int]] = {
    (8, 4608, 4096): (8, 1024, 8), (4, 4608, 4096): (4, 2048, 4), (8, 4096, 4096): (8, 2048, 8),
    (4, 4096, 4096): (8, 2048, 8), (8, 13696, 4096): (4, 2048, 4), (4, 13696, 4096): (8, 2048, 4),
    (8, 4096, 13696): (8, 2048, 8), (4, 4096, 13696): (8, 2048, 8), (8, 2048, 1536): (4, 2048, 8),
    (4, 2048, 1536): (4, 2048, 4), (8, 1536, 1536): (2, 2048, 4), (4, 1536, 1536): (4, 2048, 8),
    (8, 8960, 1536): (8, 512, 4), (4, 8960, 1536): (8, 2048, 4), (8, 1536, 8960): (2, 2048, 4),
    (4, 1536, 8960): (1, 2048, 8),
}
CONFIG: tuple[int, int, int] | None = None  # one config for every shape (bench sweeps)


def available() -> bool:
    return fdt.available()


if triton is not None:
    _x_tile = fdt._x_tile
    _glu = fdt._glu
    _gdc_start = fdt._gdc_start
    _gdc_wait = fdt._gdc_wait

    @triton.jit
    def _q_tile(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd,
                BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                ZP: tl.constexpr):
        """This tile's contribution to W x for ``rows``: [BN] when G == 0 (scaled at the end), else
        [BN, BK // G] (already scaled).  The weights are read as 32-bit words (8 int4 or 4 int8
        values, element order = bit order) and turned into floats without the slow int-to-float
        unit: (v & mask) | 0x4B000000 is the float 2^23 + v, so one logic op and one subtraction."""
        dt = x_ptr.dtype.element_ty
        PER: tl.constexpr = 32 // BITS  # values a word
        WT: tl.constexpr = BK // PER  # words a row of the tile
        ws = k0 // PER + tl.arange(0, WT)
        wd = tl.load(q_ptr + rows[:, None] * KW + ws[None, :], mask=rmask[:, None] & (ws < KW)[None, :], other=0)
        p = tl.zeros([BN, WT], dtype=tl.float32)
        xs = tl.zeros([WT], dtype=tl.float32)
        for i in tl.static_range(PER):
            xv = _x_tile(x_ptr, nw_ptr, ws * PER + i, K, rstd, NORM, dt)
            if BITS == 8:  # signed byte b: (b ^ 0x80) is b + 128 in 0..255
                f = (((wd >> (8 * i)) & 0xFF) ^ 0x4B000080).to(tl.float32, bitcast=True) - 8388736.0
            else:
                if ZP:
                    f = (((wd >> (4 * i)) & 0xF) | 0x4B000000).to(tl.float32, bitcast=True) - 8388608.0
                else:  # u - 8 directly
                    f = (((wd >> (4 * i)) & 0xF) | 0x4B000000).to(tl.float32, bitcast=True) - 8388616.0
            p += f * xv[None, :]
            if ZP:
                xs += xv
        if G == 0:
            res = tl.sum(p, 1)
        else:
            GW: tl.constexpr = G // PER  # words a group
            ps = tl.sum(tl.reshape(p, [BN, BK // G, GW]), 2)  # [BN, groups]
            gi = k0 // G + tl.arange(0, BK // G)
            gm = rmask[:, None] & (gi < NG)[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
            if ZP:
                xg = tl.sum(tl.reshape(xs, [BK // G, GW]), 1)
                z = tl.load(z_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
                res = s * (ps - z * xg[None, :])
            else:
                res = s * ps
        return res

    @triton.jit
    def _q_tile_bytes(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KQ, NG, x_ptr, nw_ptr, rstd,
                      BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                      ZP: tl.constexpr):
        """``_q_tile`` reading bytes and converting with int-to-float (the first version, measured on
        the H100: bench/results/quant-h100-v1.json); the fallback where the word kernel fails to build."""
        dt = x_ptr.dtype.element_ty
        if BITS == 8:
            ks = k0 + tl.arange(0, BK)
            xv = _x_tile(x_ptr, nw_ptr, ks, K, rstd, NORM, dt)
            q = tl.load(q_ptr + rows[:, None] * KQ + ks[None, :], mask=rmask[:, None] & (ks < KQ)[None, :], other=0)
            p = q.to(tl.float32) * xv[None, :]
            if G == 0:
                res = tl.sum(p, 1)
            else:
                ps = tl.sum(tl.reshape(p, [BN, BK // G, G]), 2)
                gi = k0 // G + tl.arange(0, BK // G)
                s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=rmask[:, None] & (gi < NG)[None, :],
                            other=0.0)
                res = ps * s.to(tl.float32)
        else:
            js = k0 // 2 + tl.arange(0, BK // 2)
            xe = _x_tile(x_ptr, nw_ptr, 2 * js, K, rstd, NORM, dt)
            xo = _x_tile(x_ptr, nw_ptr, 2 * js + 1, K, rstd, NORM, dt)
            q = tl.load(q_ptr + rows[:, None] * KQ + js[None, :], mask=rmask[:, None] & (js < KQ)[None, :], other=0)
            lo = (q & 15).to(tl.float32)
            hi = (q >> 4).to(tl.float32)
            p = lo * xe[None, :] + hi * xo[None, :]
            ps = tl.sum(tl.reshape(p, [BN, BK // G, G // 2]), 2)
            xs = tl.sum(tl.reshape(xe + xo, [BK // G, G // 2]), 1)
            gi = k0 // G + tl.arange(0, BK // G)
            gm = rmask[:, None] & (gi < NG)[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
            if ZP:
                z = tl.load(z_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
                res = s * (ps - z * xs[None, :])
            else:
                res = s * (ps - 8.0 * xs[None, :])
        return res

    @triton.jit
    def _qgemv_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, N, K, KW, KP, NG, HALF, eps,
                      BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr,
                      NORM: tl.constexpr, MODE: tl.constexpr, ZP: tl.constexpr, GDC: tl.constexpr,
                      WORDS: tl.constexpr):
        """out = W x (MODE 0), out += W x (1), SiLU(W[:HALF] x) * W[HALF:] x (2); see the module.
        WORDS: q_ptr is the int32 view and KW its row length in words (``_q_tile``), else bytes."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        rows = pid * BN + tl.arange(0, BN)
        rmask = rows < N
        dt = x_ptr.dtype.element_ty
        _gdc_wait(GDC)
        rstd = 1.0
        if NORM:
            kk = tl.arange(0, 1024)
            ss = tl.zeros([1024], dtype=tl.float32)
            for k0 in range(0, K, 1024):
                xv = tl.load(x_ptr + k0 + kk, mask=k0 + kk < K, other=0.0).to(tl.float32)
                ss += xv * xv
            rstd = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)
        if G == 0:
            acc = tl.zeros([BN], dtype=tl.float32)
            acc2 = tl.zeros([BN], dtype=tl.float32)
        else:
            acc = tl.zeros([BN, BK // G], dtype=tl.float32)
            acc2 = tl.zeros([BN, BK // G], dtype=tl.float32)
        for k0 in range(0, KP, BK):
            if WORDS:
                acc += _q_tile(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd,
                               BITS, G, BN, BK, NORM, ZP)
                if MODE == 2:
                    acc2 += _q_tile(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd,
                                    BITS, G, BN, BK, NORM, ZP)
            else:
                acc += _q_tile_bytes(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd,
                                     BITS, G, BN, BK, NORM, ZP)
                if MODE == 2:
                    acc2 += _q_tile_bytes(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, k0, K, KW, NG, x_ptr, nw_ptr,
                                          rstd, BITS, G, BN, BK, NORM, ZP)
        if G == 0:
            y = acc * tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
            if MODE == 2:
                y2 = acc2 * tl.load(s_ptr + rows + HALF, mask=rmask, other=0.0).to(tl.float32)
        else:
            y = tl.sum(acc, 1)
            if MODE == 2:
                y2 = tl.sum(acc2, 1)
        if MODE == 1:
            y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 2:
            y = _glu(y, y2, dt)
        tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)

    @triton.jit
    def _dequant_kernel(q_ptr, s_ptr, z_ptr, out_ptr, N, K, KQ, NG,
                        BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, ZP: tl.constexpr,
                        GDC: tl.constexpr):
        """out[N, K] = the dequantized weight (out's dtype), one [BN, BK] tile a program."""
        _gdc_start(GDC)
        _gdc_wait(GDC)
        rows = tl.program_id(0) * BN + tl.arange(0, BN)
        ks = tl.program_id(1) * BK + tl.arange(0, BK)
        rmask = rows < N
        m = rmask[:, None] & (ks < K)[None, :]
        if BITS == 8:
            v = tl.load(q_ptr + rows[:, None] * KQ + ks[None, :], mask=m, other=0).to(tl.float32)
        else:
            b = tl.load(q_ptr + rows[:, None] * KQ + (ks // 2)[None, :], mask=m, other=0)
            v = ((b >> ((ks % 2) * 4).to(tl.uint8)[None, :]) & 15).to(tl.float32)
        if G == 0:
            s = tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)[:, None]
        else:
            s = tl.load(s_ptr + rows[:, None] * NG + (ks // G)[None, :], mask=m, other=0.0).to(tl.float32)
        if BITS == 4:
            if ZP:
                z = tl.load(z_ptr + rows[:, None] * NG + (ks // G)[None, :], mask=m, other=0.0).to(tl.float32)
                v = v - z
            else:
                v = v - 8.0
        tl.store(out_ptr + rows[:, None] * K + ks[None, :], (v * s).to(out_ptr.dtype.element_ty), mask=m)


_MODES = {"plain": 0, "residual": 1, "glu": 2}


def config(bits: int, n: int, k: int, group: int) -> tuple[int, int, int]:
    """(BN, BK, warps): the table's, else long rows (a tile of 1 KiB of weights a row for int4, 512 B
    for int8) and output rows a program halved until there are about 512 programs."""
    if CONFIG is not None:
        bn, bk, w = CONFIG
    else:
        cfg = CONFIGS.get((bits, n, k))
        if cfg is not None:
            bn, bk, w = cfg
        else:
            bk = 2048 if bits == 4 else 512
            bn = 8
            while bn > 1 and n // bn < 512:
                bn //= 2
            w = 4
    kp = k if group == 0 else -(-k // group) * group
    bk = max(group or 16, min(bk, triton.next_power_of_2(kp)))
    return bn, bk, w


def gemv(x: torch.Tensor, qw: QWeight, *, norm=None, out: torch.Tensor | None = None, mode: str = "plain",
         cfg: tuple[int, int, int] | None = None) -> torch.Tensor:
    """x: [1, K] (contiguous) times the quantized W: see ``fastdecode_triton.gemv`` for the modes."""
    n = qw.n // 2 if mode == "glu" else qw.n
    if out is None:
        if mode == "residual":
            raise ValueError("residual mode needs out")
        out = torch.empty(1, n, dtype=x.dtype, device=x.device)
    nw, eps = norm if norm is not None else (x, 0.0)
    bn, bk, warps = cfg or config(qw.bits, n, qw.k, qw.group)
    pdl = fdt._pdl(x.device)
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    global WORDS
    words = WORDS
    try:
        _launch(x, qw, z, out, nw, n, ng, eps, bn, bk, warps, norm is not None, mode, pdl, words)
    except torch.OutOfMemoryError:
        raise
    except Exception:  # noqa: BLE001 - a build failure of the word kernel: the byte kernel from now on
        if not words:
            raise
        log.warning("quantized GEMV (32-bit word loads) failed to build: byte loads from now on", exc_info=True)
        WORDS = False
        _launch(x, qw, z, out, nw, n, ng, eps, bn, bk, warps, norm is not None, mode, pdl, False)
    return out


def _launch(x, qw, z, out, nw, n, ng, eps, bn, bk, warps, has_norm, mode, pdl, words):
    q = qw.q.view(torch.int32) if words else qw.q
    _qgemv_kernel[(triton.cdiv(n, bn),)](
        x, q, qw.scales, z, out, nw, n, qw.k, q.shape[1], qw.kp, ng, n, float(eps),
        BITS=qw.bits, G=qw.group, BN=bn, BK=bk, NORM=has_norm, MODE=_MODES[mode], ZP=qw.zeros is not None,
        GDC=pdl, WORDS=words, num_warps=warps, launch_pdl=pdl)


def dequantize(qw: QWeight, dtype: torch.dtype) -> torch.Tensor:
    """The [N, K] weight in ``dtype`` (one kernel)."""
    out = torch.empty(qw.n, qw.k, dtype=dtype, device=qw.device)
    bn, bk = 16, 256
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    pdl = fdt._pdl(qw.device)
    _dequant_kernel[(triton.cdiv(qw.n, bn), triton.cdiv(qw.k, bk))](
        qw.q, qw.scales, z, out, qw.n, qw.k, qw.q.shape[1], ng, BITS=qw.bits, G=qw.group, BN=bn, BK=bk,
        ZP=qw.zeros is not None, GDC=pdl, num_warps=4, launch_pdl=pdl)
    return out


def linear(x: torch.Tensor, qw: QWeight) -> torch.Tensor:
    """x [M, K] @ W^T -> [M, N] in x's dtype: the GEMV for one row, else dequantize + cuBLAS."""
    if x.shape[0] == 1:
        return gemv(x.contiguous(), qw)
    return torch.mm(x, dequantize(qw, x.dtype).t())
