"""int4 GEMV with integer dot products (llama.cpp's MMVQ idea), separate from ``kernels.gemv`` (issue 20).

Not wired into the fast path: selectable only by calling ``gemv`` here (tests, ``bench/qgemv_dp4a.py``).

Why: on the H100 v9 (``kernels._qgemv_kernel``) spends 2.83 of a 3.60 ms GLM-4-9B int4 token in its 160 GEMVs
(~45 % of HBM); session 7 found its time is the load time plus the arithmetic time (~7 SASS instructions a weight),
barely overlapping.  Here the activation is quantized to int8 and the weights are multiplied as integers:

* **x**: blocks of 32 values, one float32 scale a block, ``d = amax * float32(1 / 127)``, ``q = rne(x * (127 /
  amax))`` in -127..127 (as llama.cpp's q8_1; the rounding by adding 1.5 * 2^23: the low byte of the float's bits is
  q's two's complement byte, no float-to-int instruction), and the block's integer sum of q.  For the 8 values of a
  weight word (elements 8j .. 8j + 7) two int32 words: ``xe`` = bytes (q[8j], q[8j+2], q[8j+4], q[8j+6]), ``xo`` =
  (q[8j+1], ..., q[8j+7]).  With the RMSNorm folded in, x * g is quantized (the RMS is a common factor of a
  block: it leaves q unchanged and scales d), the sum of x^2 is taken on the way and the row's result is scaled
  by the RMS at the end (v8's LATE form; float32 math, never rounded to the model dtype).
* **weights** (``QWeight`` int4: ``q`` uint8 [N, Kp/2], element 2j in the low nibble of byte j, read as int32
  words of 8 nibbles): ``lo = w & 0x0F0F0F0F`` holds the even elements as unsigned bytes, ``hi = (w >> 4) &
  0x0F0F0F0F`` the odd ones; ``dp4a.u32.s32`` (a: 4 unsigned bytes, b: 4 signed bytes, c / d signed 32-bit:
  PTX ISA) of lo with xe plus of hi with xo is the word's dot product in int32.  Per word: one LOP, one
  shift, one LOP, two IDP4A and ~0.75 IADD of the block sum: ~0.72 instructions a weight (v9: ~7).
* **per 32-block** (per row): ``dot - 8 * sum(q)`` (symmetric; exact in int32), converted to float by adding
  2^23 + 2^22 to the bits (|value| < 2^22: no I2F), times d; **per group** (32 / 64 / 128): the blocks' sum times
  the weight scale s; with zero points s * (sum_b dot_b d_b - z * sum_b sum(q)_b d_b), the x side of that
  (sum_b sum(q)_b d_b) once a group for all rows.  Rows' group results summed in float32 over K.

Where x is quantized (``cfg[3]``, XQ):

* XQ = 0: in the GEMV itself, each program for every K tile it reads (the words a program reads, ~6 instructions
  a value of x, once a program for its BN rows: about 8 / BN instructions a weight on top of the 0.72; no extra
  kernel).  The default: session 13 measured a small extra kernel in a PDL chain at ~1-2 us (the rope kernel),
  which times 160 products would be 0.2-0.3 ms of a 3.6 ms token.
* XQ = 1: ``_xq_kernel`` once a call writes the packed words, block scales, block sums and partial sums of x^2
  (a few programs, PDL-chained), the GEMV reads them: less work a program, one launch more.  Same numbers bit for
  bit (the same function makes them).  ``sweep`` times both; which wins is for the H100 to say.

Epilogue modes as ``kernels.gemv``: "plain" (out = W x), "residual" (out += W x), "glu" (out = SiLU(W[:N/2] x) *
W[N/2:] x, both halves from one read and one quantization of x), each with or without the RMSNorm folded in
(``norm=(weight, eps)``), and programmatic dependent launch on Hopper (as ``fastdecode_triton``).  int4 only, groups
32 / 64 / 128 (``tensor.GROUPS``: int4 has no per-channel form); int8 weights are not taken (``ValueError``).

EMULATE (constexpr): the same 4-way integer dot with plain Triton integer ops (same packing, same int32 sums), for
Triton's CPU interpreter (which cannot run inline asm) and as the GPU tests' bit-for-bit reference of the asm.
``reference`` is the same math in torch (tests).  Numerics: the integer parts are exact; against
dequantize-then-matmul the error is x's int8 rounding (~0.54 % of ||x|| for Gaussian x, about as much of the
output's norm; the interpreter tests allow 1.5 %, "glu" 2.5 %, the GPU tests 1 % / 2.5 %).

Compiled for sm_90a on the CPU (bench/qgemv_dp4a_compile.py, bench/results/dp4a-s13/): two IDP.4A.U8.S8 a word; the
whole K loop (addresses, masks, x's words, the float epilogue of the blocks) is 1.8-2.4 SASS instructions a weight
with XQ = 1 and 2.6-6.3 with XQ = 0, no spills.  Not yet measured on a GPU.
"""

from __future__ import annotations

import math

import torch

from console.core.inference.graph_timing import graph_us  # the sweep and bench/qgemv_dp4a.py time with it

from console.core.inference import fastdecode_triton as fdt

triton = fdt.triton
tl = fdt.tl

MAGIC_F = 12582912.0  # 1.5 * 2^23: x + MAGIC_F rounds x to an integer held in the low bits of the float
MAGIC_I = 0x4B400000  # its bits
QB = 16  # blocks of 32 a program of the x-quantizing kernel (512 values)
EMULATE = False  # True: the plain-integer dot on the GPU too (tests); the interpreter always emulates
R127 = float(torch.tensor(1.0 / 127.0, dtype=torch.float32))  # float32(1 / 127), exactly
DP4A_PTX = "dp4a.u32.s32 $0, $1, $2, $3;"  # $1: 4 unsigned bytes (weights), $2: 4 signed bytes (x), $3 / $0: s32

_MODES = {"plain": 0, "residual": 1, "glu": 2}
# (BN, BK, warps, XQ) per (output width, K, group, mode): filled from a sweep (``sweep`` / bench/qgemv_dp4a.py)
CONFIGS: dict[tuple[int, int, int, str], tuple[int, int, int, int]] = {}
CONFIG: tuple[int, int, int, int] | None = None  # one config for every shape (tests, sweeps)
SWEEP = [(4, 1024, 4, 0), (8, 1024, 4, 0), (8, 2048, 4, 0), (16, 1024, 8, 0), (16, 512, 4, 0), (32, 512, 8, 0),
         (8, 1024, 4, 1), (16, 1024, 8, 1), (16, 512, 4, 1)]


def available() -> bool:
    return fdt.available()


if triton is not None:
    _gdc_start = fdt._gdc_start
    _gdc_wait = fdt._gdc_wait
    _glu = fdt._glu
    _MF = tl.constexpr(MAGIC_F)  # kernels read module constants only as constexpr
    _MI = tl.constexpr(MAGIC_I)
    _PTX = tl.constexpr(DP4A_PTX)
    _R127 = tl.constexpr(R127)

    @triton.jit
    def _dp4a(a, b, c, EMULATE: tl.constexpr):
        """c + sum_i a_i * b_i over the 4 bytes of a (unsigned) and b (signed), int32 (PTX dp4a.u32.s32)."""
        if EMULATE:
            r = c
            for i in tl.static_range(4):
                ua = (a >> (8 * i)) & 0xFF
                sb = (b << (24 - 8 * i)) >> 24  # arithmetic shift: the signed byte
                r += ua * sb
        else:
            r = tl.inline_asm_elementwise(_PTX, "=r,r,r,r", [a, b, c], dtype=tl.int32, is_pure=True, pack=1)
        return r

    @triton.jit
    def _xq_tile(x_ptr, nw_ptr, k0, K, NORM: tl.constexpr, NB: tl.constexpr):
        """x[k0 : k0 + 32 NB] (times the norm weight) quantized: (xe [NB, 4], xo [NB, 4] packed int32 words of the
        even / odd elements of each 8, d [NB] float32 scales, bs [NB] int32 sums of q, the sum of x^2 (unnormed))."""
        ks = k0 + tl.arange(0, NB * 32)
        km = ks < K
        xv = tl.load(x_ptr + ks, mask=km, other=0.0).to(tl.float32)
        ssq = tl.sum(xv * xv, 0)
        if NORM:
            xv = xv * tl.load(nw_ptr + ks, mask=km, other=0.0).to(tl.float32)
        xb = tl.reshape(xv, [NB, 32])
        amax = tl.max(tl.abs(xb), 1)
        d = amax * _R127  # amax / 127 (times float32(1 / 127): no division)
        inv = 127.0 / tl.maximum(amax, 1e-30)  # one division a block (Triton's default: div.full.f32 on the GPU)
        t = xb * inv[:, None] + _MF  # |x * inv| <= 127: rne(x * inv) + 1.5 * 2^23
        bits = t.to(tl.int32, bitcast=True)  # _MI + q
        bs = tl.sum(bits - _MI, 1)
        qb = tl.reshape(bits & 0xFF, [NB, 4, 4, 2])  # (block, word, pair, parity)
        e, o = tl.split(qb)
        sh = (8 * tl.arange(0, 4))[None, None, :]
        xe = tl.sum(e << sh, 2)  # disjoint bytes: the sum is the OR
        xo = tl.sum(o << sh, 2)
        return xe, xo, d, bs, ssq

    @triton.jit
    def _xq_kernel(x_ptr, nw_ptr, xw_ptr, d_ptr, bs_ptr, ss_ptr, K, KB,
                   NORM: tl.constexpr, NB: tl.constexpr, GDC: tl.constexpr):
        """XQ = 1: program i quantizes blocks i*NB .. (i+1)*NB of x: xw[b] = (xe[4], xo[4]), d[b], bs[b], and its
        partial sum of x^2 at ss[i].  Every store after the wait (the buffers are reused by the next call)."""
        _gdc_start(GDC)
        _gdc_wait(GDC)
        pid = tl.program_id(0)
        xe, xo, d, bs, ssq = _xq_tile(x_ptr, nw_ptr, pid * NB * 32, K, NORM, NB)
        b = pid * NB + tl.arange(0, NB)
        bm = b < KB
        w4 = tl.arange(0, 4)
        tl.store(xw_ptr + b[:, None] * 8 + w4[None, :], xe, mask=bm[:, None])
        tl.store(xw_ptr + b[:, None] * 8 + 4 + w4[None, :], xo, mask=bm[:, None])
        tl.store(d_ptr + b, d, mask=bm)
        tl.store(bs_ptr + b, bs, mask=bm)
        tl.store(ss_ptr + pid, ssq)

    @triton.jit
    def _words(q_ptr, rows, rmask, k0, KW, NB: tl.constexpr):
        """The weight words of ``rows`` for the K tile at k0 as [BN, NB, 4] (4 words = one block of 32)."""
        wc = k0 // 8 + tl.arange(0, NB)[None, :, None] * 4 + tl.arange(0, 4)[None, None, :]
        return tl.load(q_ptr + rows[:, None, None] * KW + wc, mask=rmask[:, None, None] & (wc < KW), other=0)

    @triton.jit
    def _blocks_dot(wd, xe, xo, EMULATE: tl.constexpr):
        """[BN, NB] int32: each row's dot product with q over each block of 32 (weights as unsigned 0..15)."""
        lo = wd & 0x0F0F0F0F
        hi = (wd >> 4) & 0x0F0F0F0F
        p = _dp4a(lo, xe[None, :, :], tl.zeros_like(wd), EMULATE)
        p = _dp4a(hi, xo[None, :, :], p, EMULATE)
        return tl.sum(p, 2)

    @triton.jit
    def _groups(dot, d, bs, s_ptr, z_ptr, rows, rmask, k0, NG, G: tl.constexpr, BN: tl.constexpr,
                NB: tl.constexpr, ZP: tl.constexpr):
        """A tile's block dots [BN, NB] to its scaled group results [BN, NB * 32 // G]."""
        NGT: tl.constexpr = NB * 32 // G
        BPG: tl.constexpr = G // 32
        if ZP:
            v = dot
        else:
            v = dot - 8 * bs[None, :]  # exact: |v| < 2^17
        f = (v + _MI).to(tl.float32, bitcast=True) - _MF  # int to float, exact for |v| < 2^22
        f = f * d[None, :]
        ps = tl.sum(tl.reshape(f, [BN, NGT, BPG]), 2)
        gi = k0 // G + tl.arange(0, NGT)
        gm = rmask[:, None] & (gi < NG)[None, :]
        s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
        if ZP:
            xg = tl.sum(tl.reshape(((bs + _MI).to(tl.float32, bitcast=True) - _MF) * d, [NGT, BPG]), 1)
            z = tl.load(z_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
            res = s * (ps - z * xg[None, :])
        else:
            res = s * ps
        return res

    @triton.jit
    def _x_of_tile(x_ptr, nw_ptr, xw_ptr, d_ptr, bs_ptr, k0, K, KB, NORM: tl.constexpr, NB: tl.constexpr,
                   XQ: tl.constexpr):
        if XQ:
            b = k0 // 32 + tl.arange(0, NB)
            bm = b < KB
            w4 = tl.arange(0, 4)
            xe = tl.load(xw_ptr + b[:, None] * 8 + w4[None, :], mask=bm[:, None], other=0)
            xo = tl.load(xw_ptr + b[:, None] * 8 + 4 + w4[None, :], mask=bm[:, None], other=0)
            d = tl.load(d_ptr + b, mask=bm, other=0.0)
            bs = tl.load(bs_ptr + b, mask=bm, other=0)
            ssq = 0.0
        else:
            xe, xo, d, bs, ssq = _xq_tile(x_ptr, nw_ptr, k0, K, NORM, NB)
        return xe, xo, d, bs, ssq

    @triton.jit
    def _dp4a_gemv_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, xw_ptr, d_ptr, bs_ptr, ss_ptr, dump_ptr,
                          N, K, KW, KB, NG, HALF, NXP, eps, KTR, KT: tl.constexpr,
                          G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                          MODE: tl.constexpr, ZP: tl.constexpr, GDC: tl.constexpr, XQ: tl.constexpr,
                          XP: tl.constexpr, EMULATE: tl.constexpr, DUMP: tl.constexpr, PF: tl.constexpr):
        """out = W x (MODE 0), out += W x (1), SiLU(W[:HALF] x) * W[HALF:] x (2); see the module.  Program i: rows
        i*BN .. (i+1)*BN (and + HALF), all of K in tiles of BK.  XQ: x comes quantized from ``_xq_kernel`` (xw, d,
        bs, and NXP partial sums of x^2 in ss), else each tile quantizes its x.  PF: the next tile's words are read
        before this tile's arithmetic (the first before waiting for the previous kernel).  DUMP: the int32 block
        dots (before the zero point) to dump [rows, KB] (tests).  K tiles: KT if > 0 (a constexpr: the interpreter),
        else KTR."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        rows = pid * BN + tl.arange(0, BN)
        rmask = rows < N
        NB: tl.constexpr = BK // 32
        if PF:
            wd = _words(q_ptr, rows, rmask, 0, KW, NB)
            if MODE == 2:
                wd2 = _words(q_ptr, rows + HALF, rmask, 0, KW, NB)
        _gdc_wait(GDC)
        acc = tl.zeros([BN, BK // G], dtype=tl.float32)
        acc2 = tl.zeros([BN, BK // G], dtype=tl.float32)
        ssq = 0.0
        # KT > 0: a constexpr trip count (Triton 3.6's interpreter with NumPy >= 2.3 runs only those; an assignment
        # would make it a tensor there), else the run-time KTR (the GPU: one build for every K)
        for kt in range(KT if KT > 0 else KTR):
            k0 = kt * BK
            if PF:
                cur = wd
                wd = _words(q_ptr, rows, rmask, k0 + BK, KW, NB)
                if MODE == 2:
                    cur2 = wd2
                    wd2 = _words(q_ptr, rows + HALF, rmask, k0 + BK, KW, NB)
            else:
                cur = _words(q_ptr, rows, rmask, k0, KW, NB)
                if MODE == 2:
                    cur2 = _words(q_ptr, rows + HALF, rmask, k0, KW, NB)
            xe, xo, d, bs, sq = _x_of_tile(x_ptr, nw_ptr, xw_ptr, d_ptr, bs_ptr, k0, K, KB, NORM, NB, XQ)
            ssq += sq
            dot = _blocks_dot(cur, xe, xo, EMULATE)
            acc += _groups(dot, d, bs, s_ptr, z_ptr, rows, rmask, k0, NG, G, BN, NB, ZP)
            if DUMP:
                bi = k0 // 32 + tl.arange(0, NB)
                tl.store(dump_ptr + rows[:, None] * KB + bi[None, :], dot, mask=rmask[:, None] & (bi < KB)[None, :])
            if MODE == 2:
                dot2 = _blocks_dot(cur2, xe, xo, EMULATE)
                acc2 += _groups(dot2, d, bs, s_ptr, z_ptr, rows + HALF, rmask, k0, NG, G, BN, NB, ZP)
                if DUMP:
                    tl.store(dump_ptr + (rows + HALF)[:, None] * KB + bi[None, :], dot2,
                             mask=rmask[:, None] & (bi < KB)[None, :])
        y = tl.sum(acc, 1)
        y2 = tl.sum(acc2, 1)
        if NORM:
            if XQ:
                pi = tl.arange(0, XP)
                ssq = tl.sum(tl.load(ss_ptr + pi, mask=pi < NXP, other=0.0), 0)
            r = 1.0 / tl.sqrt(ssq / K + eps)
            y = y * r
            y2 = y2 * r
        if MODE == 1:
            y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 2:
            y = _glu(y, y2, x_ptr.dtype.element_ty)
        tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)


def _check(qw) -> None:
    if qw.bits != 4 or qw.group not in (32, 64, 128):
        raise ValueError(f"dp4a GEMV: int4 weights in groups of 32 / 64 / 128 only (got {qw.bits}-bit, group "
                         f"{qw.group})")


def config(n: int, k: int, group: int, mode: str = "plain") -> tuple[int, int, int, int]:
    """(BN, BK, warps, XQ): the table's, else BK 1024 (at least the group, at most K rounded up to a power of two)
    and BN 8 halved down to 2 while there would be fewer than ~2 programs an SM (132 SMs)."""
    cfg = CONFIG or CONFIGS.get((n, k, group, mode))
    if cfg is None:
        bn = 8
        while bn > 2 and -(-n // bn) < 264:
            bn //= 2
        cfg = (bn, 1024, 4, 0)
    bn, bk, w, xq = cfg
    bk = max(group, min(bk, triton.next_power_of_2(-(-k // group) * group)))
    return bn, bk, w, xq


_XBUF: dict[tuple, tuple] = {}


def _xbuffers(device: torch.device, kb: int, nxp: int) -> tuple:
    """The XQ = 1 workspace (packed words, block scales, block sums, partial sums of x^2), one per device and size:
    one decode at a time a device, each kernel of the chain writing only after the previous one has finished."""
    key = (str(device), kb, nxp)
    b = _XBUF.get(key)
    if b is None:
        b = _XBUF[key] = (torch.empty(kb * 8, dtype=torch.int32, device=device),
                          torch.empty(kb, dtype=torch.float32, device=device),
                          torch.empty(kb, dtype=torch.int32, device=device),
                          torch.empty(nxp, dtype=torch.float32, device=device))
    return b


def gemv(x: torch.Tensor, qw, *, norm=None, out: torch.Tensor | None = None, mode: str = "plain",
         cfg: tuple[int, int, int, int] | None = None, emulate: bool | None = None, pf: bool = True,
         dump: torch.Tensor | None = None) -> torch.Tensor:
    """x [1, K] (contiguous) times the int4 ``QWeight``: out [1, N] ("glu": N / 2), as ``kernels.gemv``.
    norm: (weight, eps) folded in; out: required for "residual" (added to in place); cfg (BN, BK, warps, XQ);
    emulate: the plain-integer dot (default: ``EMULATE``, or always off CUDA: Triton's interpreter);
    dump: int32 [rows of W, Kp / 32] receives the block dots (tests)."""
    _check(qw)
    n = qw.n // 2 if mode == "glu" else qw.n
    if out is None:
        if mode == "residual":
            raise ValueError("residual mode needs out")
        out = torch.empty(1, n, dtype=x.dtype, device=x.device)
    nw, eps = norm if norm is not None else (x, 0.0)
    bn, bk, warps, xq = cfg or config(n, qw.k, qw.group, mode)
    if bk % qw.group or bk % 32 or bk < 32:
        raise ValueError(f"BK {bk} must be a multiple of the group ({qw.group})")
    emulate = EMULATE if emulate is None else emulate
    emulate = emulate or x.device.type != "cuda"
    pdl = fdt._pdl(x.device)
    q = qw.q.view(torch.int32)
    kb = qw.kp // 32
    ng = qw.scales.shape[1]
    z = qw.zeros if qw.zeros is not None else qw.scales
    if xq:
        grid_x = -(-kb // QB)
        xw, xd, xbs, ss = _xbuffers(x.device, kb, grid_x)
        _xq_kernel[(grid_x,)](x, nw, xw, xd, xbs, ss, qw.k, kb, NORM=norm is not None, NB=QB, GDC=pdl,
                              num_warps=4, launch_pdl=pdl)
    else:
        grid_x = 1
        xw = xbs = q
        xd = ss = qw.scales
    _dp4a_gemv_kernel[(triton.cdiv(n, bn),)](
        x, q, qw.scales, z, out, nw, xw, xd, xbs, ss, dump if dump is not None else q,
        n, qw.k, q.shape[1], kb, ng, n, grid_x, float(eps), -(-qw.kp // bk),
        KT=-(-qw.kp // bk) if x.device.type != "cuda" else 0,
        G=qw.group, BN=bn, BK=bk, NORM=norm is not None, MODE=_MODES[mode], ZP=qw.zeros is not None, GDC=pdl,
        XQ=bool(xq), XP=triton.next_power_of_2(grid_x), EMULATE=bool(emulate), DUMP=dump is not None, PF=pf,
        num_warps=warps, launch_pdl=pdl)
    return out


# ---------------------------------------------------------------- the same math in torch (tests)

def quantize_x(x: torch.Tensor, kp: int, nw: torch.Tensor | None = None):
    """x [1, K] (times nw) as the kernels quantize it: (q int32 [Kp / 32, 32] in -127..127, d float32 [Kp / 32],
    sum of x^2 (unnormed, float64: a reference)); the same float32 operations, IEEE rounding."""
    xv = x.reshape(-1).float()
    k = xv.numel()
    ssq = float((xv.double() ** 2).sum())
    if nw is not None:
        xv = xv * nw.reshape(-1).float()
    xv = torch.nn.functional.pad(xv, (0, kp - k)).view(kp // 32, 32)
    amax = xv.abs().amax(1)
    d = amax * R127
    inv = torch.full_like(amax, 127.0) / amax.clamp_min(1e-30)  # IEEE (the GPU kernel: div.full.f32, ~2 ulp)
    t = xv * inv[:, None] + MAGIC_F
    q = t.view(torch.int32) - MAGIC_I
    return q, d, ssq


def reference(x: torch.Tensor, qw, *, norm=None, out: torch.Tensor | None = None, mode: str = "plain"):
    """(result float32 [1, N], block dots int64 [rows of W, Kp / 32]) on the weight's device: the kernel's math in
    torch (integer dots exact; the float sums in float64, so the kernel differs by float32 rounding only)."""
    from console.core.inference.quant.tensor import unpack_nibbles

    _check(qw)
    dev = qw.q.device
    nw, eps = norm if norm is not None else (None, 0.0)
    kp = qw.kp
    q, d, ssq = quantize_x(x.to(dev), kp, nw.to(dev) if nw is not None else None)
    qc = q.long()
    bs = qc.sum(1)  # [blocks]
    dots = torch.empty(qw.n, kp // 32, dtype=torch.long, device=dev)
    for r0 in range(0, qw.n, 4096):  # row chunks: int64 [rows, Kp] temporaries stay small
        u = unpack_nibbles(qw.q[r0:r0 + 4096]).long().view(-1, kp // 32, 32)
        dots[r0:r0 + 4096] = (u * qc[None]).sum(2)
    dd = d.double()
    bpg = qw.group // 32
    s = qw.scales.double()
    if qw.zeros is None:
        f = ((dots - 8 * bs[None]).double() * dd[None]).view(qw.n, -1, bpg).sum(2)
        y = (s * f).sum(1)
    else:
        f = (dots.double() * dd[None]).view(qw.n, -1, bpg).sum(2)
        xg = (bs.double() * dd).view(-1, bpg).sum(1)
        y = (s * (f - qw.zeros.double() * xg[None])).sum(1)
    if norm is not None:
        y = y / math.sqrt(ssq / qw.k + eps)
    n = qw.n // 2 if mode == "glu" else qw.n
    if mode == "glu":
        dt = x.dtype
        g = y[:n].to(dt).float()
        y = (g / (1.0 + torch.exp(-g))).to(dt).float() * y[n:].to(dt).float()
    else:
        y = y.float()
    if mode == "residual":
        y = y + out.reshape(-1).to(dev).float()
    return y.view(1, n), dots


# ---------------------------------------------------------------- timing (GPU)

def sweep(x: torch.Tensor, qws: list, *, norm=None, out: torch.Tensor | None = None, mode: str = "plain",
          configs=None) -> list[tuple[tuple, "float | str"]]:
    """[(cfg, us a call or the error)] for each config (default ``SWEEP`` plus the rule's), timed by ``graph_us``
    over the weight copies ``qws``; errors are caught and reported, never raised."""
    qw = qws[0]
    n = qw.n // 2 if mode == "glu" else qw.n
    cfgs = list(configs or dict.fromkeys([config(n, qw.k, qw.group, mode), *SWEEP]))
    res = []
    for c in cfgs:
        bk = max(qw.group, min(c[1], triton.next_power_of_2(qw.kp)))
        c = (c[0], bk, *c[2:])
        try:
            if out is None:
                o = torch.empty(1, n, dtype=x.dtype, device=x.device)
            else:
                o = out
            us = graph_us([lambda w=w: gemv(x, w, norm=norm, out=o, mode=mode, cfg=c) for w in qws])
            res.append((c, us))
        except Exception as e:  # noqa: BLE001 - a config that does not build or run is reported
            res.append((c, f"{type(e).__name__}: {str(e)[:200]}"))
    return res


__all__ = ["gemv", "config", "sweep", "reference", "quantize_x", "graph_us", "available", "CONFIGS", "SWEEP"]
