"""Triton kernels for weight-only quantized products (CUDA): GEMV for one row, dequantize for more.

``gemv(x, qw, norm=, out=, mode=)`` is ``fastdecode_triton.gemv`` for a ``QWeight``: the same modes
(plain, residual add in place, gate/up with SiLU*mul) and the RMSNorm of x folded in, float32
accumulation, and programmatic dependent launch on Hopper.  Each program takes BN output rows and
walks K in tiles of BK: int8 tiles are BK bytes a row, int4 tiles BK / 2 bytes (two nibbles a byte,
even element low); the partial sums of a tile are taken per group, then scaled (int4: minus the
zero point times the group's sum of x, so w = (u - z) s costs one multiply a weight).

``KERNEL = "v3"`` selects ``_qgemv3_kernel`` instead (same modes and fusions; the default stays
"v2" until bench/gpu_quant_ab.sh has measured it): split-K over programs (each takes one K tile of
RB output rows; partial sums in a float32 workspace, reduced by the last program of a row block
through a counter, or by a second kernel with ``REDUCE = "pass2"``), x read, normalised and scaled
once a program and reused for all its rows, and per weight one LOP3 + one FADD + one FFMA (no shift
per value: the bit position is folded into x as a power of two).  Compiled for sm_90 on the CPU
(``triton.compile`` with a GPUTarget and nvdisasm), the inner body is ~4.2 SASS instructions a weight against ~7.2
for v2 (int4; the H100 issues 128 a cycle per SM and HBM delivers ~29 int4 values a cycle per SM).

``KERNEL = "auto"``: each decode product takes the (kernel, config) that ``tune`` timed fastest on
this card among ``candidates`` (v2 configs and v3; run by the fast path's runner when it is built, in
Load's warm-up; kept on disk beside Triton's cache per card, Triton version and this source).  Measured
on the H200 against v2 in one process: 0-5 % faster decode (docs/QUANTIZATION.md); the default stays
"v2" until its cold-cache compile cost at Load is measured.  ``"v4"`` (x read once a tile as
[words, values] rows) and ``"v5"`` (v2's tile with v3's arithmetic) are correct but no cheaper for
sm_90 (bench/results/qgemv-sass-v4-s4.txt), so not among the candidates.

``"v6"`` (session 5, ``_qgemv6_kernel``): packed half-precision arithmetic.  Per 32-bit word of int4:
one shift, four LOP3 (the "magic number": ``(w & 0x000F000F) | 0x64006400`` read as f16x2 is
(1024 + n0, 1024 + n4)), two f16x2 subtractions and two f16x2 FMAs (bias / the 1/16 of the nibbles at
bits 4-7) to get (n - 8) exactly, then four f16x2 multiply-adds with x packed as pairs, one fp16 add of
the two halves and one conversion to float32: 15 instructions for 8 weights (int8: 9 for 4), ~3.3 SASS
instructions a weight for the whole K loop with x's reading, norm and packing (v2: 7.2;
bench/qgemv_sass.py).  A program takes RB output rows as one [RB, groups, words a group] tile a K step
so x is read and packed once for all RB rows.  fp16 range: one pre-pass over x (with the RMS of the
norm) finds max |x| and a power of two brings it just under 2^8 (int4) / 2^6 (int8): no overflow of a
word's sum, no subnormals; the result is scaled back in float32 (exact).  Products are exact in fp16;
a word's sum is rounded once or twice in fp16 (2^-11 relative), all sums above a word are float32.
float32 activations (tests, CPU-sized models on CUDA) keep v2.  The PTX is at module level
(``V6_PTX_*``) and checked on the CPU by an emulator (tests/core/inference/test_quant_v6_asm.py); in
Triton's CPU interpreter the kernel runs with ``_v6_word_emulated`` in its place.  Measured on the H100
(session 6, bench/results/quant-h100-s6-2026-12-07/): slower than v2 on 12 of the 16 decode products
and on every whole-model decode (9B int8 5.16 against 4.39 ms/token, int4 4.76 against 4.06), and
3.9 % relative error on small int4 products (the test's tolerance is 1e-2): fewer SASS instructions a
weight did not make it faster, and the fp16 sums cost accuracy.  Kept selectable for the record, not
among ``candidates``, not the default.

``"v7"`` (session 6, ``_qgemv7_kernel``): the tensor cores (Marlin's idea in plain Triton).  A program takes
BN output rows (a multiple of 16) and, per group (per channel: 128 values), unpacks the weights to a
[BN, group] register tile of small integers in the model dtype (int8 b, int4 u - 8 or u: exact in bf16 /
fp16), times 2^(bit position in the half-word) so that one LOP3 + one FADD + a conversion makes a value
(no shift a value; x carries the inverse power of two, exact), and multiplies it with x^T as a [group, 16]
tile (x in column 0, zeros elsewhere; or the M <= 16 rows of a small prefill) by ``tl.dot`` with float32
accumulation; the group's scale (and zero point times the group's sum of x) is applied to the [BN, 16]
product, so the accumulation stays float32 (v6's fp16 sums cannot occur).  The value positions of the
words are put in K order by ``tl.join`` (a minor dimension held by the same thread: the reshape moves no
data).  Optional split-K over programs (partials summed by ``fdt._rows_finish_kernel``).  For sm_90
(compiled on the CPU, bench/results/quant-h100-s6-v7/sass_v7.py) the K loop is ~4.3-4.4 SASS instructions
a weight at BN = 128 (int4 groups of 128; int8 ~4.8) against v2's 7.2.  float32 activations: the dot in
IEEE float32 (tests).  Correct in Triton's CPU interpreter (tests/core/inference/test_quant_v7_interp.py);
on the H100 (session 6, bench/results/quant-h100-s6-v7/): 91 GPU tests passed, none failed, but slower than v2
on all 16 decode products (by 7 % to 3.7x) and every whole model (9B int4 6.01 against 4.07 ms/token, int8 6.02
against 4.44): a 16-row tile for one row of x, the operand's trip through shared memory and 1-2 blocks an SM
cost more than the instructions saved.  Not the default, not among ``candidates``.

``"v8"`` (session 7): v2's kernel and configs with two changes found by ``bench/qgemv_floor.py`` on the H200
(bench/results/quant-h200-s7-floor/): there the folded RMSNorm cost 4-6 us a product, because every program read
all of x and reduced it before its first weight load, and int4 v2 took 2-3x the time of a kernel that only reads
the same words.  LATE: the sum of x^2 is taken in the K loop from the x the tiles read anyway (each program walks
all of K), and the row's result is scaled by the RMS at the end (W (r x * g) = r W (x * g); x * g is not rounded to
the model dtype first, as F.rms_norm would round r x * g: a difference at the rounding level).  PF: the first tile's
words are read before waiting for the previous kernel (programmatic dependent launch) and each step reads the next
tile's words before this step's arithmetic (a register double buffer).  ``CONFIGS8``: the sweep's winners, else v2's.
Measured in session 8 on the H100: correct (its norm is float32 math, never rounded to bf16) and faster than v2 on
every whole model.

``"v9"`` (session 8, the default): v8 plus FOLD (``_q_val``: a weight's value put straight into the mantissa of a
float near 128 / 384, no subtraction a weight, the offset times the group's sum of x taken off once a group) and PAIR
(``_q_math_pair``: gate and up from one read of x).  int4 only: int8 measured slower with it and keeps v8.  9B int4
3.70 -> 3.46 ms/token on the H100 (bench/results/quant-h100-s8-v9/).

Prefills and other products of several rows (``linear``) dequantize the weight into a temporary in
the activation dtype (one kernel) and multiply with cuBLAS: there the product is compute-bound, and
the temporary lives only for that product.
"""

from __future__ import annotations

import logging
import os

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
# "v2": ``_qgemv_kernel`` (measured, the default); "v3": ``_qgemv3_kernel`` (split-K, x reused across
# rows, one LOP3 + FADD + FFMA a weight); "v4" / "v5": ``_qgemv4_kernel``; "v6": ``_qgemv6_kernel`` (f16x2
# arithmetic, x packed once a K step for RB rows); "v7": ``_qgemv7_kernel`` (tensor cores); "v8": ``_qgemv_kernel``
# with the RMS in the K loop and the next tile read ahead (on the lent H100 whole-model decode 9B int4 4.13 -> 3.73
# ms/token, 1.5B int8 1.45 -> 1.29 against v2; bench/results/quant-h100-s8-v8/); "v9" (the default, session 8): v8
# for int8, and for int4 v8 with no subtraction a weight and gate/up from one read of x (9B int4 3.72 -> 3.49, 1.5B
# int4 1.38 -> 1.26 against v8; bench/results/quant-h100-s8-v9/); "auto": per product the fastest candidate timed
# on the card (``tune``); chosen by bench/decode.py --quant --qkernels (A/B in one run)
KERNEL = "v9"
# v3 split-K reduction: "last" (the last program of a row block sums, one kernel) or "pass2" (a second kernel)
REDUCE = "last"
# (BN, BK, warps, RB) of v3 per (bits, output width, K): the sweep of bench/decode.py --qgemv-sweep fills it
CONFIGS3: dict[tuple[int, int, int], tuple[int, int, int, int]] = {}
CONFIG3: tuple[int, int, int, int] | None = None
CONFIG4: tuple[int, int, int] | None = None  # (BN, BK, warps) of v4 for every shape (tests, sweeps)
# (RB, BK, warps) of v6 per (bits, output width, K, mode); CONFIG6: one for every shape (tests, sweeps)
CONFIGS6: dict[tuple[int, int, int, str], tuple[int, int, int]] = {}
CONFIG6: tuple[int, int, int] | None = None
# (BN, BK, warps, SPLIT[, stages]) of v7 per (bits, output width, K, mode); CONFIG7: one for every shape
CONFIGS7: dict[tuple[int, int, int, str], tuple[int, ...]] = {}
CONFIG7: tuple[int, ...] | None = None
# (BN, BK, warps) of v8 per (bits, output width, K, mode): the winners of ``bench/decode.py --quant --qsweep v8`` on the
# lent H100 (session 8, bench/results/quant-h100-s8-v8/quant_ab.json); other shapes take v2's rule (``config``)
CONFIGS8: dict[tuple[int, int, int, str], tuple[int, int, int]] = {
    (8, 4608, 4096, "plain"): (16, 1024, 4), (4, 4608, 4096, "plain"): (8, 2048, 4),
    (8, 4096, 4096, "residual"): (8, 1024, 8), (4, 4096, 4096, "residual"): (16, 2048, 8),
    (8, 13696, 4096, "glu"): (4, 2048, 4), (4, 13696, 4096, "glu"): (16, 1024, 4),
    (8, 4096, 13696, "residual"): (8, 2048, 4), (4, 4096, 13696, "residual"): (8, 2048, 8),
    (8, 2048, 1536, "plain"): (4, 2048, 8), (4, 2048, 1536, "plain"): (4, 2048, 4),
    (8, 1536, 1536, "residual"): (4, 1024, 8), (4, 1536, 1536, "residual"): (4, 2048, 8),
    (8, 8960, 1536, "glu"): (16, 512, 4), (4, 8960, 1536, "glu"): (16, 1024, 4),
    (8, 1536, 8960, "residual"): (4, 2048, 8), (4, 1536, 8960, "residual"): (2, 2048, 8),
}
# (BN, BK, warps) of v9 (int4) per (bits, output width, K, mode): the winners of ``--qsweep v9`` on the lent H100
# (session 8, bench/results/quant-h100-s8-v9/quant_v9.json); other shapes take v8's
CONFIGS9: dict[tuple[int, int, int, str], tuple[int, int, int]] = {
    (4, 4608, 4096, "plain"): (8, 2048, 4), (4, 4096, 4096, "residual"): (16, 2048, 8),
    (4, 13696, 4096, "glu"): (8, 1024, 4), (4, 4096, 13696, "residual"): (16, 2048, 8),
    (4, 2048, 1536, "plain"): (4, 2048, 4), (4, 1536, 1536, "residual"): (4, 2048, 8),
    (4, 8960, 1536, "glu"): (16, 1024, 4), (4, 1536, 8960, "residual"): (4, 2048, 4),
}
# (BN, BK, warps, SPLIT) of v10 per (bits, output width, K, mode): split-K parts of v9 (int4) / v8 (int8); filled by
# ``bench/decode.py --quant --qsweep v10`` (other shapes: v9's config, no split).  Measured on the lent H100 (session 9,
# bench/results/quant-h100-s9/): the sweep split only the 1.5B int4 down projection, whole-model decode equal to v9
# within 0.6 %, so v10 is selectable, not the default
CONFIGS10: dict[tuple[int, int, int, str], tuple[int, int, int, int]] = {}
CONFIG10: tuple[int, int, int, int] | None = None  # one (BN, BK, warps, SPLIT) of v10 for every shape (tests)
# KERNEL = "auto": per product (bits, output width, K, group, zero points, mode, RMSNorm folded in) the
# (kernel, cfg) that ``tune`` timed fastest on this card, among ``candidates``; products not tuned take v2
CHOICES: dict[tuple, tuple[str, tuple]] = {}
SMS = 132  # programs aimed at by the v3 rule: a few per SM (H100 SXM: 132 SMs)


# ---------------------------------------------------------------- v6: the PTX of one weight word (module level:
# tests/core/inference/test_quant_v6_asm.py runs it through a small emulator without Triton or a GPU)
# PTX for one 32-bit word of int4 (8 nibbles n0..n7, n_i at bits 4i): the "magic number" trick
# ((w & 0x000F000F) | 0x64006400 read as f16x2 is (1024 + n0, 1024 + n4); the nibbles at bits 4-7 /
# 20-23 give 1024 + 16 n, scaled by 1/16 in the same FMA that removes the bias), one shift a word,
# then four f16x2 multiply-adds with x packed as (x_i, x_{i+4}) pairs, the two halves added and
# converted to float32: 15 instructions for 8 weights.  Products (n - z) x are exact in fp16 (x
# carries bf16's 8 significant bits, n - z four); each word's sum is rounded in fp16 (2^-11 relative)
# and everything above a word is summed in float32.  $1: the word, $2..$5: the x pairs.
_V6_PTX_INT4 = """{
.reg .b32 t, a, b, c, d, h, k0, k1, k2, m;
mov.b32 m, 0x64006400;
mov.b32 k0, BIAS_LO;
mov.b32 k1, 0x2C002C00;
mov.b32 k2, BIAS_HI;
lop3.b32 a, $1, 0x000F000F, m, 0xEA;
lop3.b32 b, $1, 0x00F000F0, m, 0xEA;
shr.u32 t, $1, 8;
lop3.b32 c, t, 0x000F000F, m, 0xEA;
lop3.b32 d, t, 0x00F000F0, m, 0xEA;
sub.f16x2 a, a, k0;
fma.rn.f16x2 b, b, k1, k2;
sub.f16x2 c, c, k0;
fma.rn.f16x2 d, d, k1, k2;
mul.f16x2 h, a, $2;
fma.rn.f16x2 h, b, $3, h;
fma.rn.f16x2 h, c, $4, h;
fma.rn.f16x2 h, d, $5, h;
{
.reg .f16 lo, hi;
mov.b32 {lo, hi}, h;
add.f16 lo, lo, hi;
cvt.f32.f16 $0, lo;
}
}"""
# symmetric: lo halves minus 1024 + 8 (0x6408), hi halves (1024 + 16 n) / 16 - 64 - 8 = n - 8 (-72: 0xD480);
# zero points: n itself (minus 1024 / 64: 0x6400, 0xD400), the group's z * sum(x) is taken off in float32
V6_PTX_INT4_SYM = _V6_PTX_INT4.replace("BIAS_LO", "0x64086408").replace("BIAS_HI", "0xD480D480")
V6_PTX_INT4_ZP = _V6_PTX_INT4.replace("BIAS_LO", "0x64006400").replace("BIAS_HI", "0xD400D400")
# int8 (4 signed bytes b0..b3): xor 0x80 makes each b + 128, PRMT puts bytes 0/2 and 1/3 under the
# exponent byte 0x64 (1024 + b + 128), one f16x2 subtraction of 1152 each, two multiply-adds with the
# pairs (x0, x2), (x1, x3): 9 instructions for 4 weights.
V6_PTX_INT8 = """{
.reg .b32 t, a, b, h, k0, m;
mov.b32 m, 0x64646464;
mov.b32 k0, 0x64806480;
xor.b32 t, $1, 0x80808080;
prmt.b32 a, t, m, 0x4240;
prmt.b32 b, t, m, 0x4341;
sub.f16x2 a, a, k0;
sub.f16x2 b, b, k0;
mul.f16x2 h, a, $2;
fma.rn.f16x2 h, b, $3, h;
{
.reg .f16 lo, hi;
mov.b32 {lo, hi}, h;
add.f16 lo, lo, hi;
cvt.f32.f16 $0, lo;
}
}"""


def available() -> bool:
    return fdt.available()


if triton is not None:
    _x_tile = fdt._x_tile
    _glu = fdt._glu
    _gdc_start = fdt._gdc_start
    _gdc_wait = fdt._gdc_wait

    @triton.jit
    def _q_words(q_ptr, rows, rmask, k0, KW, WE, BITS: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr):
        """The [BN, BK / values a word] 32-bit words of ``rows`` (rows ``KW`` words long) for the K tile at ``k0``
        (0 from word ``WE`` on: the row's end, or the end of a split-K program's part)."""
        PER: tl.constexpr = 32 // BITS  # values a word
        WT: tl.constexpr = BK // PER  # words a row of the tile
        ws = k0 // PER + tl.arange(0, WT)
        return tl.load(q_ptr + rows[:, None] * KW + ws[None, :], mask=rmask[:, None] & (ws < WE)[None, :], other=0)

    @triton.jit
    def _q_val(wd, i: tl.constexpr, BITS: tl.constexpr, ZP: tl.constexpr, FOLD: tl.constexpr):
        """Value ``i`` of each word of ``wd`` as a float.  Without FOLD: (v & mask) | 0x4B000000 is the float 2^23 + v,
        so one logic op and one subtraction give the value itself.  FOLD (v9): the value is shifted into the
        mantissa of a float near 128 (int4: 0x43000000 | u << 16 is 128 + u) or 384 (int8: 256 + (b ^ 0x80)), a shift
        and one logic op and no subtraction; ``_q_reduce`` takes the offset times the sum of x off once a group
        (a cancellation of 4-5 bits of float32's 24, against 23 bits at 2^23)."""
        if FOLD:
            if BITS == 8:
                SH: tl.constexpr = 15 - 8 * i
                if SH >= 0:
                    t = wd << SH
                else:
                    t = wd >> (-SH)
                f = ((t & 0x007F8000) ^ 0x43C00000).to(tl.float32, bitcast=True)  # 384 + signed byte
            else:
                SH4: tl.constexpr = 16 - 4 * i
                if SH4 >= 0:
                    t = wd << SH4
                else:
                    t = wd >> (-SH4)
                f = ((t & 0x000F0000) | 0x43000000).to(tl.float32, bitcast=True)  # 128 + u
        else:
            if BITS == 8:  # signed byte b: (b ^ 0x80) is b + 128 in 0..255
                f = (((wd >> (8 * i)) & 0xFF) ^ 0x4B000080).to(tl.float32, bitcast=True) - 8388736.0
            else:
                if ZP:
                    f = (((wd >> (4 * i)) & 0xF) | 0x4B000000).to(tl.float32, bitcast=True) - 8388608.0
                else:  # u - 8 directly
                    f = (((wd >> (4 * i)) & 0xF) | 0x4B000000).to(tl.float32, bitcast=True) - 8388616.0
        return f

    @triton.jit
    def _q_reduce(p, xs, s_ptr, z_ptr, rows, rmask, k0, NG, BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr,
                  BK: tl.constexpr, ZP: tl.constexpr, FOLD: tl.constexpr):
        """A tile's products ``p`` [BN, words] (and ``xs``, the sum of x a word column) to its result: [BN] when
        G == 0 (scaled at the end), else [BN, BK // G] (already scaled); FOLD takes ``_q_val``'s offset off."""
        PER: tl.constexpr = 32 // BITS
        if BITS == 8:
            OFF: tl.constexpr = 384.0
        elif ZP:
            OFF: tl.constexpr = 128.0
        else:
            OFF: tl.constexpr = 136.0
        if G == 0:
            res = tl.sum(p, 1)
            if FOLD:
                res = res - OFF * tl.sum(xs, 0)
        else:
            GW: tl.constexpr = G // PER  # words a group
            ps = tl.sum(tl.reshape(p, [BN, BK // G, GW]), 2)  # [BN, groups]
            gi = k0 // G + tl.arange(0, BK // G)
            gm = rmask[:, None] & (gi < NG)[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
            if ZP or FOLD:
                xg = tl.sum(tl.reshape(xs, [BK // G, GW]), 1)
            if FOLD:
                ps = ps - OFF * xg[None, :]
            if ZP:
                z = tl.load(z_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
                res = s * (ps - z * xg[None, :])
            else:
                res = s * ps
        return res

    @triton.jit
    def _q_xv(x_ptr, nw_ptr, ws, i: tl.constexpr, K, rstd, PER: tl.constexpr, NORM: tl.constexpr, LATE: tl.constexpr):
        """x (times the norm weight; LATE: not scaled by the RMS) at element i of each word, and its square."""
        dt = x_ptr.dtype.element_ty
        kx = ws * PER + i
        if LATE:
            xv = tl.load(x_ptr + kx, mask=kx < K, other=0.0).to(tl.float32)
            sq = xv * xv
            if NORM:
                xv = xv * tl.load(nw_ptr + kx, mask=kx < K, other=0.0).to(tl.float32)
        else:
            xv = _x_tile(x_ptr, nw_ptr, kx, K, rstd, NORM, dt)
            sq = xv * 0.0
        return xv, sq

    @triton.jit
    def _q_math(wd, s_ptr, z_ptr, rows, rmask, k0, K, NG, x_ptr, nw_ptr, rstd,
                BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                ZP: tl.constexpr, LATE: tl.constexpr, FOLD: tl.constexpr = False):
        """One K tile's contribution to W x for ``rows`` from its words ``wd`` (``_q_words``), and the sum of x^2
        over the tile: [BN] when G == 0 (scaled at the end), else [BN, BK // G] (already scaled).  The words hold
        8 int4 or 4 int8 values (element order = bit order), turned into floats without the slow int-to-float
        unit (``_q_val``).  LATE: x times the norm weight only (no RMS, no rounding to the model dtype): the caller
        sums x^2 over K and scales the row's result by the RMS at the end (W (r x * g) = r W (x * g)); else the
        sum is 0."""
        dt = x_ptr.dtype.element_ty
        PER: tl.constexpr = 32 // BITS  # values a word
        WT: tl.constexpr = BK // PER  # words a row of the tile
        ws = k0 // PER + tl.arange(0, WT)
        p = tl.zeros([BN, WT], dtype=tl.float32)
        xs = tl.zeros([WT], dtype=tl.float32)
        sq = tl.zeros([WT], dtype=tl.float32)
        for i in tl.static_range(PER):
            xv, q2 = _q_xv(x_ptr, nw_ptr, ws, i, K, rstd, PER, NORM, LATE)
            sq += q2
            p += _q_val(wd, i, BITS, ZP, FOLD) * xv[None, :]
            if ZP or FOLD:
                xs += xv
        res = _q_reduce(p, xs, s_ptr, z_ptr, rows, rmask, k0, NG, BITS, G, BN, BK, ZP, FOLD)
        return res, tl.sum(sq, 0)

    @triton.jit
    def _q_math_pair(wd, wd2, s_ptr, z_ptr, rows, rows2, rmask, k0, K, NG, x_ptr, nw_ptr, rstd,
                     BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                     ZP: tl.constexpr, LATE: tl.constexpr, FOLD: tl.constexpr):
        """``_q_math`` for the gate and up rows of one tile at once (v9's PAIR): x read and scaled once for both."""
        dt = x_ptr.dtype.element_ty
        PER: tl.constexpr = 32 // BITS
        WT: tl.constexpr = BK // PER
        ws = k0 // PER + tl.arange(0, WT)
        p = tl.zeros([BN, WT], dtype=tl.float32)
        p2 = tl.zeros([BN, WT], dtype=tl.float32)
        xs = tl.zeros([WT], dtype=tl.float32)
        sq = tl.zeros([WT], dtype=tl.float32)
        for i in tl.static_range(PER):
            xv, q2 = _q_xv(x_ptr, nw_ptr, ws, i, K, rstd, PER, NORM, LATE)
            sq += q2
            p += _q_val(wd, i, BITS, ZP, FOLD) * xv[None, :]
            p2 += _q_val(wd2, i, BITS, ZP, FOLD) * xv[None, :]
            if ZP or FOLD:
                xs += xv
        r1 = _q_reduce(p, xs, s_ptr, z_ptr, rows, rmask, k0, NG, BITS, G, BN, BK, ZP, FOLD)
        r2 = _q_reduce(p2, xs, s_ptr, z_ptr, rows2, rmask, k0, NG, BITS, G, BN, BK, ZP, FOLD)
        return r1, r2, tl.sum(sq, 0)

    @triton.jit
    def _q_tile_bytes(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KQ, NG, x_ptr, nw_ptr, rstd,
                      BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                      ZP: tl.constexpr):
        """``_q_words`` + ``_q_math`` reading bytes and converting with int-to-float (the first version, measured on
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
    def _qgemv_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, N, K, KW, KP, NG, HALF, eps, ws_ptr, cnt_ptr, KT,
                      BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr,
                      NORM: tl.constexpr, MODE: tl.constexpr, ZP: tl.constexpr, GDC: tl.constexpr,
                      WORDS: tl.constexpr, LATE: tl.constexpr = False, PF: tl.constexpr = False,
                      FOLD: tl.constexpr = False, PAIR: tl.constexpr = False, SPLIT: tl.constexpr = 1):
        """out = W x (MODE 0), out += W x (1), SiLU(W[:HALF] x) * W[HALF:] x (2); see the module.
        WORDS: q_ptr is the int32 view and KW its row length in words (``_q_words``, ``_q_math``), else bytes.
        v8 (WORDS only): LATE: no pass over x for the RMSNorm before the weights: the sum of x^2 is taken in
        the K loop from the x the tiles read anyway and the RMS scales the row's result at the end.  PF: the
        first tile's words are read before waiting for the previous kernel, and each step reads the next
        tile's words before the arithmetic of this one (a register double buffer).  v9: FOLD (``_q_val``: no
        subtraction a weight) and PAIR (gate and up of a SiLU-gated product from one read of x, ``_q_math_pair``).
        v10: SPLIT > 1 (split-K): program (i, j) takes the j-th part of K (KT tiles) for its BN rows, writes its
        partial row sums (and its part of the sum of x^2) to ``ws``; the program that finishes row block i last (a
        counter per block in ``cnt``, which it resets) adds the SPLIT partials in a fixed order and applies the
        epilogue (the RMS, residual add or SiLU-mul), as v3 does: more programs for products with few rows and
        long K (the down projections), the same bits every call."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        rows = pid * BN + tl.arange(0, BN)
        rmask = rows < N
        dt = x_ptr.dtype.element_ty
        PER: tl.constexpr = 32 // BITS
        if SPLIT == 1:
            kb = 0
            ke = KP
            we = KW
        else:
            kt = tl.program_id(1)
            kb = kt * KT * BK
            ke = tl.minimum(kb + KT * BK, KP)
            we = ke // PER
        if PF:
            wd = _q_words(q_ptr, rows, rmask, kb, KW, we, BITS, BN, BK)
            if MODE == 2:
                wd2 = _q_words(q_ptr, rows + HALF, rmask, kb, KW, we, BITS, BN, BK)
        _gdc_wait(GDC)
        rstd = 1.0
        if NORM and not LATE:
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
        ssq = 0.0
        for k0 in range(kb, ke, BK):
            if WORDS:
                if PF:  # this step's words were read a step ago; read the next step's now
                    cur = wd
                    wd = _q_words(q_ptr, rows, rmask, k0 + BK, KW, we, BITS, BN, BK)
                    if MODE == 2:
                        cur2 = wd2
                        wd2 = _q_words(q_ptr, rows + HALF, rmask, k0 + BK, KW, we, BITS, BN, BK)
                else:
                    cur = _q_words(q_ptr, rows, rmask, k0, KW, we, BITS, BN, BK)
                    if MODE == 2:
                        cur2 = _q_words(q_ptr, rows + HALF, rmask, k0, KW, we, BITS, BN, BK)
                if MODE == 2 and PAIR:
                    r1, r2, sq = _q_math_pair(cur, cur2, s_ptr, z_ptr, rows, rows + HALF, rmask, k0, K, NG, x_ptr,
                                              nw_ptr, rstd, BITS, G, BN, BK, NORM, ZP, LATE, FOLD)
                    acc += r1
                    acc2 += r2
                    ssq += sq
                else:
                    r1, sq = _q_math(cur, s_ptr, z_ptr, rows, rmask, k0, K, NG, x_ptr, nw_ptr, rstd,
                                     BITS, G, BN, BK, NORM, ZP, LATE, FOLD)
                    acc += r1
                    ssq += sq
                    if MODE == 2:
                        r2, sq2 = _q_math(cur2, s_ptr, z_ptr, rows + HALF, rmask, k0, K, NG, x_ptr, nw_ptr, rstd,
                                          BITS, G, BN, BK, NORM, ZP, LATE, FOLD)
                        acc2 += r2
            else:
                acc += _q_tile_bytes(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd,
                                     BITS, G, BN, BK, NORM, ZP)
                if MODE == 2:
                    acc2 += _q_tile_bytes(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, k0, K, KW, NG, x_ptr, nw_ptr,
                                          rstd, BITS, G, BN, BK, NORM, ZP)
        y2 = 0.0
        if G == 0:
            y = acc * tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
            if MODE == 2:
                y2 = acc2 * tl.load(s_ptr + rows + HALF, mask=rmask, other=0.0).to(tl.float32)
        else:
            y = tl.sum(acc, 1)
            if MODE == 2:
                y2 = tl.sum(acc2, 1)
        if SPLIT == 1:
            _q_epilogue(y, y2, ssq, rows, rmask, out_ptr, K, eps, NORM and LATE, MODE, dt)
        else:  # v10: this part's sums to ws; the last program of the row block adds them up
            tl.store(ws_ptr + kt * N + rows, y, mask=rmask)
            if MODE == 2:
                tl.store(ws_ptr + (SPLIT + kt) * N + rows, y2, mask=rmask)
            if NORM and LATE:
                tl.store(ws_ptr + 2 * SPLIT * N + pid * SPLIT + kt, ssq)
            tl.debug_barrier()  # every thread's partials are written before the counter moves
            done = tl.atomic_add(cnt_ptr + pid, 1, sem="acq_rel", scope="gpu")
            if done == SPLIT - 1:
                ty = tl.zeros([BN], dtype=tl.float32)  # new names: a runtime branch keeps the outer types
                ty2 = tl.zeros([BN], dtype=tl.float32)
                tss = tl.zeros([1], dtype=tl.float32)
                for sp in tl.static_range(SPLIT):  # a fixed order: the same bits every call
                    ty += tl.load(ws_ptr + sp * N + rows, mask=rmask, other=0.0, cache_modifier=".cg")
                    if MODE == 2:
                        ty2 += tl.load(ws_ptr + (SPLIT + sp) * N + rows, mask=rmask, other=0.0, cache_modifier=".cg")
                    if NORM and LATE:
                        tss += tl.load(ws_ptr + 2 * SPLIT * N + pid * SPLIT + sp + tl.arange(0, 1), cache_modifier=".cg")
                _q_epilogue(ty, ty2, tl.sum(tss, 0), rows, rmask, out_ptr, K, eps, NORM and LATE, MODE, dt)
                tl.atomic_xchg(cnt_ptr + pid, 0, sem="relaxed", scope="gpu")  # ready for the next call

    @triton.jit
    def _q_epilogue(y, y2, ssq, rows, rmask, out_ptr, K, eps, RMS: tl.constexpr, MODE: tl.constexpr, dt):
        """The row sums ``y`` (``y2``: the up half of a SiLU-gated product) to the output: times the RMS from the
        sum of x^2 (RMS: v8's late norm), plus the output (MODE 1) or SiLU(y) * y2 (MODE 2), stored."""
        if RMS:
            r = 1.0 / tl.sqrt(ssq / K + eps)
            y = y * r
            if MODE == 2:
                y2 = y2 * r
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


    # ---------------------------------------------------------------- v3 (split-K, fewer ops a weight)
    @triton.jit
    def _v3_xj(x_ptr, nw_ptr, kj, K, rstd, NORM: tl.constexpr, dt, SCALE: tl.constexpr):
        """x at ``kj`` ([NGT, GW]: one value of every word), normalised as ``_x_tile``, times SCALE
        (a power of two: exact) so that it meets the weight value where the kernel leaves it."""
        return _x_tile(x_ptr, nw_ptr, kj, K, rstd, NORM, dt) * SCALE

    @triton.jit
    def _v3_f(w, MAGIC, J: tl.constexpr, BITS: tl.constexpr):
        """Value J of the words ``w`` as float32 times 2^(bit position within its half-word): one logic
        op (the mask and the exponent 0x4B000000 in one LOP3) and one subtraction, no shift — the
        shift by 16 is done once a word (``hi``) and the bit position is folded into x (``_v3_xj``).
        MAGIC is 0x4B000000 passed as a kernel argument: a constant would be folded into the code
        as two logic ops (LOP3 takes one immediate), a register makes it one.
        int8: ``w`` was xor-ed with 0x80808080 once a word, so a byte holds b + 128."""
        if BITS == 4:  # J: the nibble's position in the (half-)word, 0-4 (bits 4J .. 4J + 3 < 23)
            f = ((w & (0xF << (4 * J))) | MAGIC).to(tl.float32, bitcast=True) - 8388608.0
        elif J % 2 == 0:  # b + 128 at bits 0-7: minus 2^23 + 128
            f = ((w & 0xFF) | MAGIC).to(tl.float32, bitcast=True) - 8388736.0
        else:  # (b + 128) 256 at bits 8-15: minus 2^23 + 128 * 256
            f = ((w & 0xFF00) | MAGIC).to(tl.float32, bitcast=True) - 8421376.0
        return f

    @triton.jit
    def _v3_rows(q_ptr, s_ptr, z_ptr, rows, rmask, wc, wmask, g_idx, gmask, NG, KW, MAGIC, xsum,
                 x0, x1, x2, x3, x4, x5, x6, x7,
                 BITS: tl.constexpr, G: tl.constexpr, ZP: tl.constexpr):
        """[BN] partial W x over this program's K tile for ``rows`` (already scaled)."""
        m = rmask[:, None, None] & wmask[None, :, :]
        w = tl.load(q_ptr + rows[:, None, None] * KW + wc[None, :, :], mask=m, other=0)  # [BN, NGT, GW] int32
        if BITS == 8:
            w = w ^ -2139062144  # 0x80808080 as int32: every byte b becomes b + 128
        hi = (w.to(tl.uint32, bitcast=True) >> 16).to(tl.int32, bitcast=True)  # logical: one SHF a word
        if BITS == 4:  # nibbles 0-4 where they are, 5-7 at positions 1-3 of hi
            p = _v3_f(w, MAGIC, 0, BITS) * x0[None, :, :]
            p += _v3_f(w, MAGIC, 1, BITS) * x1[None, :, :]
            p += _v3_f(w, MAGIC, 2, BITS) * x2[None, :, :]
            p += _v3_f(w, MAGIC, 3, BITS) * x3[None, :, :]
            p += _v3_f(w, MAGIC, 4, BITS) * x4[None, :, :]
            p += _v3_f(hi, MAGIC, 1, BITS) * x5[None, :, :]
            p += _v3_f(hi, MAGIC, 2, BITS) * x6[None, :, :]
            p += _v3_f(hi, MAGIC, 3, BITS) * x7[None, :, :]
        else:  # bytes 0, 1 where they are, 2, 3 in hi
            p = _v3_f(w, MAGIC, 0, BITS) * x0[None, :, :]
            p += _v3_f(w, MAGIC, 1, BITS) * x1[None, :, :]
            p += _v3_f(hi, MAGIC, 0, BITS) * x2[None, :, :]
            p += _v3_f(hi, MAGIC, 1, BITS) * x3[None, :, :]
        ps = tl.sum(p, 2)  # [BN, NGT]: per group
        if G == 0:  # int8 per channel: one group, the row's scale
            res = tl.sum(ps, 1) * tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
        else:
            sm = rmask[:, None] & gmask[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + g_idx[None, :], mask=sm, other=0.0).to(tl.float32)
            if BITS == 4:
                if ZP:
                    z = tl.load(z_ptr + rows[:, None] * NG + g_idx[None, :], mask=sm, other=0.0).to(tl.float32)
                else:
                    z = 8.0
                ps = ps - z * xsum[None, :]
            res = tl.sum(s * ps, 1)
        return res

    @triton.jit
    def _qgemv3_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, ws_ptr, cnt_ptr, N, K, KW, NG, HALF, eps, MAGIC,
                       BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr,
                       RB: tl.constexpr, SPLIT: tl.constexpr, LAST: tl.constexpr, KX: tl.constexpr,
                       NORM: tl.constexpr, MODE: tl.constexpr, ZP: tl.constexpr, GDC: tl.constexpr,
                       GE0: tl.constexpr):
        """``_qgemv_kernel`` (same modes and fusions) reorganised: program (i, j) takes output rows
        [i RB, (i + 1) RB) in chunks of BN and the j-th K tile of BK values only (split-K: SPLIT =
        ceil(Kp / BK) tiles), so its x values are read, normalised and scaled once and reused for all
        RB rows.  Weights are read as 32-bit words in [BN, groups, words a group] tiles; each value
        costs one LOP3, one FADD and one FFMA (``_v3_f``); the group sums are native reductions.
        SPLIT > 1: partial sums go to ``ws`` ([SPLIT, N], glu: twice); with LAST the program that
        finishes a row block last (a counter per block in ``cnt``, reset by it) sums them in a fixed
        order and applies the epilogue, else a second kernel does (``fdt._rows_finish_kernel``)."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        kt = tl.program_id(1)
        PER: tl.constexpr = 32 // BITS
        # values a group within the tile; per channel (G = 0) GE0 = 128: the sums are taken in pieces of
        # 128 and then added (fewer shuffles than one sum over the tile: ~5.7 vs 6.1 SASS ops a weight)
        GE: tl.constexpr = G if G > 0 else GE0
        NGT: tl.constexpr = BK // GE
        GW: tl.constexpr = GE // PER
        dt = x_ptr.dtype.element_ty
        _gdc_wait(GDC)
        rstd = 1.0
        if NORM:  # KX = ceil(K / 1024), a constant: a loop bound of Triton's CPU interpreter must be one
            kk = tl.arange(0, 1024)
            ss = tl.zeros([1024], dtype=tl.float32)
            for i in range(KX):
                xv = tl.load(x_ptr + i * 1024 + kk, mask=i * 1024 + kk < K, other=0.0).to(tl.float32)
                ss += xv * xv
            rstd = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)
        gl = tl.arange(0, NGT)
        wl = tl.arange(0, GW)
        wc = kt * (BK // PER) + gl[:, None] * GW + wl[None, :]  # [NGT, GW] word columns
        wmask = wc < KW
        g_idx = kt * NGT + gl
        gmask = g_idx < NG
        kb = wc * PER  # first value of each word
        if BITS == 4:  # value j < 5 sits at bits 4j of w (times 16^j), j >= 5 at bits 4(j - 4) of w >> 16
            x0 = _v3_xj(x_ptr, nw_ptr, kb, K, rstd, NORM, dt, 1.0)
            x1 = _v3_xj(x_ptr, nw_ptr, kb + 1, K, rstd, NORM, dt, 0.0625)
            x2 = _v3_xj(x_ptr, nw_ptr, kb + 2, K, rstd, NORM, dt, 0.00390625)
            x3 = _v3_xj(x_ptr, nw_ptr, kb + 3, K, rstd, NORM, dt, 0.000244140625)
            x4 = _v3_xj(x_ptr, nw_ptr, kb + 4, K, rstd, NORM, dt, 0.0000152587890625)
            x5 = _v3_xj(x_ptr, nw_ptr, kb + 5, K, rstd, NORM, dt, 0.0625)
            x6 = _v3_xj(x_ptr, nw_ptr, kb + 6, K, rstd, NORM, dt, 0.00390625)
            x7 = _v3_xj(x_ptr, nw_ptr, kb + 7, K, rstd, NORM, dt, 0.000244140625)
            # sum of x per group (for the zero point), from the scaled copies (powers of two: exact)
            xsum = tl.sum(x0 + 16.0 * (x1 + x5) + 256.0 * (x2 + x6) + 4096.0 * (x3 + x7) + 65536.0 * x4, 1)  # [NGT]
        else:  # bytes 0, 1 at bits 0 and 8 of w, 2, 3 of w >> 16
            x0 = _v3_xj(x_ptr, nw_ptr, kb, K, rstd, NORM, dt, 1.0)
            x1 = _v3_xj(x_ptr, nw_ptr, kb + 1, K, rstd, NORM, dt, 0.00390625)
            x2 = _v3_xj(x_ptr, nw_ptr, kb + 2, K, rstd, NORM, dt, 1.0)
            x3 = _v3_xj(x_ptr, nw_ptr, kb + 3, K, rstd, NORM, dt, 0.00390625)
            x4 = x0
            x5 = x0
            x6 = x0
            x7 = x0
            xsum = tl.zeros([NGT], dtype=tl.float32)
        r0 = pid * RB
        for c in tl.static_range(RB // BN):
            rows = r0 + c * BN + tl.arange(0, BN)
            rmask = rows < N
            y = _v3_rows(q_ptr, s_ptr, z_ptr, rows, rmask, wc, wmask, g_idx, gmask, NG, KW, MAGIC, xsum,
                         x0, x1, x2, x3, x4, x5, x6, x7, BITS, G, ZP)
            if MODE == 2:
                y2 = _v3_rows(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, wc, wmask, g_idx, gmask, NG, KW, MAGIC, xsum,
                              x0, x1, x2, x3, x4, x5, x6, x7, BITS, G, ZP)
            if SPLIT == 1:
                if MODE == 1:
                    y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
                if MODE == 2:
                    y = _glu(y, y2, dt)
                tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)
            else:
                tl.store(ws_ptr + kt * N + rows, y, mask=rmask)
                if MODE == 2:
                    tl.store(ws_ptr + (SPLIT + kt) * N + rows, y2, mask=rmask)
        if SPLIT > 1:
            if LAST:
                tl.debug_barrier()  # every thread's partials are written before the counter moves
                done = tl.atomic_add(cnt_ptr + pid, 1, sem="acq_rel", scope="gpu")
                if done == SPLIT - 1:  # the last of this row block: sum the partials, epilogue
                    for c in tl.static_range(RB // BN):
                        rows = r0 + c * BN + tl.arange(0, BN)
                        rmask = rows < N
                        y = tl.zeros([BN], dtype=tl.float32)
                        for sp in tl.static_range(SPLIT):
                            y += tl.load(ws_ptr + sp * N + rows, mask=rmask, other=0.0, cache_modifier=".cg")
                        if MODE == 1:
                            y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
                        if MODE == 2:
                            y2 = tl.zeros([BN], dtype=tl.float32)
                            for sp in tl.static_range(SPLIT):
                                y2 += tl.load(ws_ptr + (SPLIT + sp) * N + rows, mask=rmask, other=0.0,
                                              cache_modifier=".cg")
                            y = _glu(y, y2, dt)
                        tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)
                    tl.atomic_xchg(cnt_ptr + pid, 0, sem="relaxed", scope="gpu")  # ready for the next call



    # ---------------------------------------------------------------- v4 (v2 with x read as 16-byte rows)
    @triton.jit
    def _q_tile4(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, xv, BITS: tl.constexpr, G: tl.constexpr,
                 BN: tl.constexpr, BK: tl.constexpr, ZP: tl.constexpr):
        """``_q_math`` with x given as one contiguous [words, values a word] tile (``xv``, read once a
        tile with vector loads instead of 32 // BITS strided ones) and the words unpacked by one
        broadcast shift into [BN, words, values a word]; sums per group, then the scale (and zero point)."""
        PER: tl.constexpr = 32 // BITS
        WT: tl.constexpr = BK // PER
        ws = k0 // PER + tl.arange(0, WT)
        wd = tl.load(q_ptr + rows[:, None] * KW + ws[None, :], mask=rmask[:, None] & (ws < KW)[None, :], other=0)
        sh = tl.arange(0, PER) * BITS
        v = wd[:, :, None] >> sh[None, None, :]
        if BITS == 8:  # signed byte b: (b ^ 0x80) is b + 128
            f = ((v & 0xFF) ^ 0x4B000080).to(tl.float32, bitcast=True) - 8388736.0
        elif ZP:
            f = ((v & 0xF) | 0x4B000000).to(tl.float32, bitcast=True) - 8388608.0
        else:  # u - 8 directly
            f = ((v & 0xF) | 0x4B000000).to(tl.float32, bitcast=True) - 8388616.0
        p = f * xv[None, :, :]  # [BN, WT, PER]
        if G == 0:
            res = tl.sum(tl.sum(p, 2), 1)
        else:
            ps = tl.sum(tl.reshape(p, [BN, BK // G, G]), 2)  # [BN, groups]
            gi = k0 // G + tl.arange(0, BK // G)
            gm = rmask[:, None] & (gi < NG)[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
            if ZP:
                xg = tl.sum(tl.reshape(xv, [BK // G, G]), 1)
                z = tl.load(z_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
                ps = ps - z * xg[None, :]
            res = tl.sum(s * ps, 1)
        return res

    @triton.jit
    def _q_tile5(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd, MAGIC,
                 BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                 ZP: tl.constexpr):
        """``_q_math`` (v2's words, x read per value position) with v3's arithmetic: value j of a word
        costs one LOP3 (mask at its bit position | the exponent 0x4B000000, MAGIC a register), one FADD
        and one FFMA; no shift per value: the power of two of the bit position is folded into x (once
        a tile, shared by the BN rows), values 5-7 of an int4 word (bytes 2-3 of int8) come from the
        word shifted by 16 once.  int8 words are xor-ed with 0x80808080 once (every byte b + 128)."""
        dt = x_ptr.dtype.element_ty
        PER: tl.constexpr = 32 // BITS
        WT: tl.constexpr = BK // PER
        ws = k0 // PER + tl.arange(0, WT)
        wd = tl.load(q_ptr + rows[:, None] * KW + ws[None, :], mask=rmask[:, None] & (ws < KW)[None, :], other=0)
        if BITS == 8:
            wd = wd ^ -2139062144  # 0x80808080
        hi = (wd.to(tl.uint32, bitcast=True) >> 16).to(tl.int32, bitcast=True)
        p = tl.zeros([BN, WT], dtype=tl.float32)
        xs = tl.zeros([WT], dtype=tl.float32)
        for i in tl.static_range(PER):
            xv = _x_tile(x_ptr, nw_ptr, ws * PER + i, K, rstd, NORM, dt)
            if ZP:
                xs += xv
            if BITS == 4:
                if i < 5:  # nibble i at bits 4i of the word: 2^23 + u 16^i (exact: < 2^24)
                    f = ((wd & (0xF << (4 * i))) | MAGIC).to(tl.float32, bitcast=True)
                    sh = 4 * i
                else:  # nibble i at bits 4(i - 4) of hi
                    f = ((hi & (0xF << (4 * (i - 4)))) | MAGIC).to(tl.float32, bitcast=True)
                    sh = 4 * (i - 4)
                if ZP:
                    f = f - 8388608.0
                else:  # minus 2^23 + 8 16^j: (u - 8) 16^j
                    f = f - (8388608.0 + 8.0 * (1 << sh))
            else:
                if i < 2:
                    f = ((wd & (0xFF << (8 * i))) | MAGIC).to(tl.float32, bitcast=True)
                    sh = 8 * i
                else:
                    f = ((hi & (0xFF << (8 * (i - 2)))) | MAGIC).to(tl.float32, bitcast=True)
                    sh = 8 * (i - 2)
                f = f - (8388608.0 + 128.0 * (1 << sh))
            p += f * (xv * (1.0 / (1 << sh)))[None, :]
        if G == 0:
            res = tl.sum(p, 1)
        else:
            GW: tl.constexpr = G // PER
            ps = tl.sum(tl.reshape(p, [BN, BK // G, GW]), 2)
            gi = k0 // G + tl.arange(0, BK // G)
            gm = rmask[:, None] & (gi < NG)[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
            if ZP:
                xg = tl.sum(tl.reshape(xs, [BK // G, GW]), 1)
                z = tl.load(z_ptr + rows[:, None] * NG + gi[None, :], mask=gm, other=0.0).to(tl.float32)
                ps = ps - z * xg[None, :]
            res = tl.sum(s * ps, 1)
        return res

    @triton.jit
    def _qgemv4_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, N, K, KW, NG, HALF, eps, MAGIC,
                       BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, KT: tl.constexpr,
                       KX: tl.constexpr, NORM: tl.constexpr, MODE: tl.constexpr, ZP: tl.constexpr,
                       GDC: tl.constexpr, FORM: tl.constexpr):
        """``_qgemv_kernel`` (same modes and fusions) with ``_q_tile4``: per K tile, x is read once as
        [BK / values a word, values a word] (contiguous: 16-byte loads) and shared by the BN rows (and
        the up half of gate/up).  KT = K tiles, KX = ceil(K / 1024): constants (Triton's CPU
        interpreter needs constant loop bounds)."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        rows = pid * BN + tl.arange(0, BN)
        rmask = rows < N
        dt = x_ptr.dtype.element_ty
        PER: tl.constexpr = 32 // BITS
        WT: tl.constexpr = BK // PER
        _gdc_wait(GDC)
        rstd = 1.0
        if NORM:
            kk = tl.arange(0, 1024)
            ss = tl.zeros([1024], dtype=tl.float32)
            for i in range(KX):
                xv = tl.load(x_ptr + i * 1024 + kk, mask=i * 1024 + kk < K, other=0.0).to(tl.float32)
                ss += xv * xv
            rstd = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)
        acc = tl.zeros([BN], dtype=tl.float32)
        acc2 = tl.zeros([BN], dtype=tl.float32)
        kj = tl.arange(0, WT)[:, None] * PER + tl.arange(0, PER)[None, :]  # [WT, PER] values of the tile
        for t in range(KT):
            k0 = t * BK
            if FORM == 5:  # v5: v2's tile with v3's arithmetic
                acc += _q_tile5(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd, MAGIC,
                                BITS, G, BN, BK, NORM, ZP)
                if MODE == 2:
                    acc2 += _q_tile5(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, k0, K, KW, NG, x_ptr, nw_ptr, rstd,
                                     MAGIC, BITS, G, BN, BK, NORM, ZP)
            else:
                xv = _x_tile(x_ptr, nw_ptr, k0 + kj, K, rstd, NORM, dt)
                acc += _q_tile4(q_ptr, s_ptr, z_ptr, rows, rmask, k0, K, KW, NG, xv, BITS, G, BN, BK, ZP)
                if MODE == 2:
                    acc2 += _q_tile4(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, k0, K, KW, NG, xv, BITS, G, BN, BK,
                                     ZP)
        y = acc
        if G == 0:
            y = acc * tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
            if MODE == 2:
                acc2 = acc2 * tl.load(s_ptr + rows + HALF, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 1:
            y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 2:
            y = _glu(y, acc2, dt)
        tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)


    # ---------------------------------------------------------------- v6 (packed half-precision arithmetic)
    _V6_INT4_SYM = tl.constexpr(V6_PTX_INT4_SYM)
    _V6_INT4_ZP = tl.constexpr(V6_PTX_INT4_ZP)
    _V6_INT8 = tl.constexpr(V6_PTX_INT8)

    @triton.jit
    def _v6_pack(lo, hi, ASM: tl.constexpr):
        """Two float32 tensors as one int32 tensor of f16x2 (lo in the low half), one cvt a pair."""
        if ASM:
            r = tl.inline_asm_elementwise("cvt.rn.f16x2.f32 $0, $2, $1;", "=r,f,f", [lo, hi], dtype=tl.int32,
                                          is_pure=True, pack=1)
        else:
            lb = lo.to(tl.float16).to(tl.int16, bitcast=True).to(tl.int32) & 0xFFFF
            hb = hi.to(tl.float16).to(tl.int16, bitcast=True).to(tl.int32)
            r = (hb << 16) | lb
        return r

    @triton.jit
    def _v6_xj(x_ptr, nw_ptr, ks, K, rstd, sc, NORM: tl.constexpr, dt):
        """``_x_tile`` times sc (a power of two).  With the norm, sc rides in rstd: bf16(x rstd sc g) is
        bf16(x rstd g) sc exactly, one multiply a value fewer."""
        if NORM:
            xv = _x_tile(x_ptr, nw_ptr, ks, K, rstd * sc, NORM, dt)
        else:
            xv = _x_tile(x_ptr, nw_ptr, ks, K, rstd, NORM, dt) * sc
        return xv

    @triton.jit
    def _v6_x(x_ptr, nw_ptr, wc, K, rstd, sc, NORM: tl.constexpr, dt, BITS: tl.constexpr, ZP: tl.constexpr,
              NGT: tl.constexpr, GW: tl.constexpr, ASM: tl.constexpr):
        """x of the words ``wc`` ([NGT, GW]) normalised as ``_x_tile``, times sc, packed as the f16x2 pairs
        the word's asm takes: int4 (x0, x4), (x1, x5), (x2, x6), (x3, x7), int8 (x0, x2), (x1, x3), one
        [NGT, GW] load per value position (a [NGT, GW, 8] tile split by ``tl.split`` costs more: the split
        values land in another layout than the weights', bench/qgemv_sass.py).  Also the group sums of x
        (zero points), else zeros."""
        kb = wc * (32 // BITS)
        x0 = _v6_xj(x_ptr, nw_ptr, kb, K, rstd, sc, NORM, dt)
        x1 = _v6_xj(x_ptr, nw_ptr, kb + 1, K, rstd, sc, NORM, dt)
        x2 = _v6_xj(x_ptr, nw_ptr, kb + 2, K, rstd, sc, NORM, dt)
        x3 = _v6_xj(x_ptr, nw_ptr, kb + 3, K, rstd, sc, NORM, dt)
        if BITS == 4:
            x4 = _v6_xj(x_ptr, nw_ptr, kb + 4, K, rstd, sc, NORM, dt)
            x5 = _v6_xj(x_ptr, nw_ptr, kb + 5, K, rstd, sc, NORM, dt)
            x6 = _v6_xj(x_ptr, nw_ptr, kb + 6, K, rstd, sc, NORM, dt)
            x7 = _v6_xj(x_ptr, nw_ptr, kb + 7, K, rstd, sc, NORM, dt)
            X0 = _v6_pack(x0, x4, ASM)
            X1 = _v6_pack(x1, x5, ASM)
            X2 = _v6_pack(x2, x6, ASM)
            X3 = _v6_pack(x3, x7, ASM)
            if ZP:
                xsum = tl.sum(((x0 + x1) + (x2 + x3)) + ((x4 + x5) + (x6 + x7)), 1)
            else:
                xsum = tl.zeros([NGT], dtype=tl.float32)
        else:
            X0 = _v6_pack(x0, x2, ASM)
            X1 = _v6_pack(x1, x3, ASM)
            X2 = X0
            X3 = X0
            xsum = tl.zeros([NGT], dtype=tl.float32)
        return X0, X1, X2, X3, xsum

    @triton.jit
    def _v6_half(X, HI: tl.constexpr):
        """The fp16 in the low (HI False) or high half of the int32 X, as float32 (the emulation below)."""
        if HI:
            b = (X >> 16) & 0xFFFF
        else:
            b = X & 0xFFFF
        return b.to(tl.int16).to(tl.float16, bitcast=True).to(tl.float32)

    @triton.jit
    def _v6_word_emulated(w, X0, X1, X2, X3, BITS: tl.constexpr, ZP: tl.constexpr):
        """What the asm of one word computes, in float32 (no fp16 rounding of the word's sum): Triton's
        CPU interpreter has no inline PTX, so there the kernel's indexing, x packing, scaling and
        epilogues run with this (tests/core/inference/test_quant_kernels_interp.py); the PTX constants
        themselves are checked bit for bit by an emulation in tests/core/inference/test_quant_v6_asm.py."""
        if BITS == 4:
            z = 0.0 if ZP else 8.0
            p = (((w >> 0) & 0xF).to(tl.float32) - z) * _v6_half(X0, False)
            p += (((w >> 4) & 0xF).to(tl.float32) - z) * _v6_half(X1, False)
            p += (((w >> 8) & 0xF).to(tl.float32) - z) * _v6_half(X2, False)
            p += (((w >> 12) & 0xF).to(tl.float32) - z) * _v6_half(X3, False)
            p += (((w >> 16) & 0xF).to(tl.float32) - z) * _v6_half(X0, True)
            p += (((w >> 20) & 0xF).to(tl.float32) - z) * _v6_half(X1, True)
            p += (((w >> 24) & 0xF).to(tl.float32) - z) * _v6_half(X2, True)
            p += (((w >> 28) & 0xF).to(tl.float32) - z) * _v6_half(X3, True)
        else:  # signed bytes: (b ^ 0x80) - 128
            p = ((((w >> 0) & 0xFF) ^ 0x80).to(tl.float32) - 128.0) * _v6_half(X0, False)
            p += ((((w >> 8) & 0xFF) ^ 0x80).to(tl.float32) - 128.0) * _v6_half(X1, False)
            p += ((((w >> 16) & 0xFF) ^ 0x80).to(tl.float32) - 128.0) * _v6_half(X0, True)
            p += ((((w >> 24) & 0xFF) ^ 0x80).to(tl.float32) - 128.0) * _v6_half(X1, True)
        return p

    @triton.jit
    def _v6_rows(q_ptr, s_ptr, z_ptr, rows, rmask, wc, wmask, g_idx, gmask, NG, KW, xsum, X0, X1, X2, X3,
                 BITS: tl.constexpr, G: tl.constexpr, ZP: tl.constexpr, ASM: tl.constexpr, MASKN: tl.constexpr,
                 MASKK: tl.constexpr):
        """[RB] partial W x (x scaled by the kernel's power of two) over one K tile for ``rows``.  MASKN /
        MASKK: whether rows past N / words past the row can occur (else the loads are unmasked)."""
        ptrs = q_ptr + rows[:, None, None] * KW + wc[None, :, :]
        if MASKN and MASKK:
            w = tl.load(ptrs, mask=rmask[:, None, None] & wmask[None, :, :], other=0)  # [RB, NGT, GW] int32
        elif MASKN:
            w = tl.load(ptrs, mask=rmask[:, None, None], other=0)
        elif MASKK:
            w = tl.load(ptrs, mask=wmask[None, :, :], other=0)
        else:
            w = tl.load(ptrs)
        if not ASM:
            p = _v6_word_emulated(w, X0[None, :, :], X1[None, :, :], X2[None, :, :], X3[None, :, :], BITS, ZP)
        elif BITS == 4:
            if ZP:
                p = tl.inline_asm_elementwise(_V6_INT4_ZP, "=f,r,r,r,r,r", [w, X0[None, :, :], X1[None, :, :],
                                              X2[None, :, :], X3[None, :, :]], dtype=tl.float32, is_pure=True, pack=1)
            else:
                p = tl.inline_asm_elementwise(_V6_INT4_SYM, "=f,r,r,r,r,r", [w, X0[None, :, :], X1[None, :, :],
                                              X2[None, :, :], X3[None, :, :]], dtype=tl.float32, is_pure=True, pack=1)
        else:
            p = tl.inline_asm_elementwise(_V6_INT8, "=f,r,r,r", [w, X0[None, :, :], X1[None, :, :]],
                                          dtype=tl.float32, is_pure=True, pack=1)
        ps = tl.sum(p, 2)  # [RB, NGT]: per group
        if G == 0:  # per channel: the row's scale at the end
            res = tl.sum(ps, 1)
        else:
            sm = rmask[:, None] & gmask[None, :]
            s = tl.load(s_ptr + rows[:, None] * NG + g_idx[None, :], mask=sm, other=0.0).to(tl.float32)
            if ZP:
                z = tl.load(z_ptr + rows[:, None] * NG + g_idx[None, :], mask=sm, other=0.0).to(tl.float32)
                ps = ps - z * xsum[None, :]
            res = tl.sum(s * ps, 1)
        return res

    @triton.jit
    def _qgemv6_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, N, K, KW, NG, HALF, eps,
                       BITS: tl.constexpr, G: tl.constexpr, RB: tl.constexpr, BK: tl.constexpr, KT: tl.constexpr,
                       KX: tl.constexpr, NORM: tl.constexpr, MODE: tl.constexpr, ZP: tl.constexpr,
                       GDC: tl.constexpr, GE0: tl.constexpr, XT: tl.constexpr, ASM: tl.constexpr,
                       MASKN: tl.constexpr, MASKK: tl.constexpr):
        """``_qgemv_kernel`` (same modes and fusions) with f16x2 arithmetic (``_V6_INT4`` / ``_V6_INT8``):
        program i takes output rows [i RB, (i + 1) RB) as one [RB, groups, words a group] tile a K step
        (so x is read, normalised and packed once a K step for all RB rows: the rows are the layout's
        repeated dimension), K in KT steps of BK values.  First one pass over x: its RMS (NORM) and its
        largest magnitude (times the norm weight), from which a power of two puts max |x| just under 2^XT
        (exact; fp16 then neither overflows — a word's sum is at most 8 * 8 * 2^XT int4, 4 * 128 * 2^XT
        int8 — nor loses the small values to subnormals); the result is scaled back at the end."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        PER: tl.constexpr = 32 // BITS
        GE: tl.constexpr = G if G > 0 else GE0
        NGT: tl.constexpr = BK // GE
        GW: tl.constexpr = GE // PER
        dt = x_ptr.dtype.element_ty
        rows = pid * RB + tl.arange(0, RB)
        rmask = rows < N
        _gdc_wait(GDC)
        kk = tl.arange(0, 1024)
        ss = tl.zeros([1024], dtype=tl.float32)
        mx = tl.zeros([1024], dtype=tl.float32)
        for i in range(KX):
            km = i * 1024 + kk < K
            xv = tl.load(x_ptr + i * 1024 + kk, mask=km, other=0.0).to(tl.float32)
            if NORM:
                ss += xv * xv
                xv = xv * tl.load(nw_ptr + i * 1024 + kk, mask=km, other=0.0).to(tl.float32)
            mx = tl.maximum(mx, tl.abs(xv))
        amax = tl.max(mx, 0)
        rstd = 1.0
        if NORM:
            rstd = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)
            amax = amax * rstd * 1.0078125  # the bf16 rounding of the normalised x can add 2^-8
        # amax < 2^(E - 126) for its biased exponent E: scale by 2^(XT + 126 - E), undo by 2^(E - 126 - XT);
        # E at least XT + 62 (sc at most 2^64: x all zero, or tiny, times rstd stays finite)
        e = (amax.to(tl.int32, bitcast=True) >> 23) & 0xFF
        e = tl.minimum(tl.maximum(e, XT + 62), 254)
        sc = ((253 + XT - e) << 23).to(tl.float32, bitcast=True)
        inv = ((e + 1 - XT) << 23).to(tl.float32, bitcast=True)
        acc = tl.zeros([RB], dtype=tl.float32)
        acc2 = tl.zeros([RB], dtype=tl.float32)
        gl = tl.arange(0, NGT)
        wl = tl.arange(0, GW)
        for t in range(KT):
            wc = t * (BK // PER) + gl[:, None] * GW + wl[None, :]  # [NGT, GW] word columns
            wmask = wc < KW
            g_idx = t * NGT + gl
            gmask = g_idx < NG
            X0, X1, X2, X3, xsum = _v6_x(x_ptr, nw_ptr, wc, K, rstd, sc, NORM, dt, BITS, ZP, NGT, GW, ASM)
            acc += _v6_rows(q_ptr, s_ptr, z_ptr, rows, rmask, wc, wmask, g_idx, gmask, NG, KW, xsum,
                            X0, X1, X2, X3, BITS, G, ZP, ASM, MASKN, MASKK)
            if MODE == 2:
                acc2 += _v6_rows(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, wc, wmask, g_idx, gmask, NG, KW, xsum,
                                 X0, X1, X2, X3, BITS, G, ZP, ASM, MASKN, MASKK)
        y = acc * inv
        y2 = acc2 * inv
        if G == 0:
            y = y * tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
            if MODE == 2:
                y2 = y2 * tl.load(s_ptr + rows + HALF, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 1:
            y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 2:
            y = _glu(y, y2, dt)
        tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)

    # ---------------------------------------------------------------- v7 (dequantize to a register tile, tensor cores)
    @triton.jit
    def _v7_x(x_ptr, nw_ptr, ks, K, rstd, mi, M, NORM: tl.constexpr, dt, M1: tl.constexpr, BITS: tl.constexpr,
              ZP: tl.constexpr):
        """x^T at the values ``ks`` as the dot's [KS, 16] operand in the model dtype: column m is row m of x
        (m < M; normalised and rounded as ``_x_tile`` does), the other columns zeros; each value times
        the power of two that undoes its weight's place in the word (``_v7_val``: int4 16^-j, int8 256^-j;
        exact).  Also the sums of each column (unscaled; the zero points' term), else ``rstd``.  M1 (one
        row): x read as one [KS] vector and placed in column 0 (no loads for the 15 empty columns)."""
        kmask = ks < K
        i = ks % (32 // BITS)
        if BITS == 4:
            j = tl.where(i > 4, i - 4, i)
            sc = ((127 - 4 * j) << 23).to(tl.float32, bitcast=True)
        else:
            sc = ((127 - 8 * (i % 2)) << 23).to(tl.float32, bitcast=True)
        if M1:
            xv = _x_tile(x_ptr, nw_ptr, ks, K, rstd, NORM, dt)
            if ZP:
                xsum = tl.where(mi == 0, tl.sum(xv, 0), 0.0)
            else:
                xsum = rstd
            xt = tl.where(mi[None, :] == 0, (xv * sc)[:, None], 0.0)
        else:
            xt = tl.load(x_ptr + mi[None, :] * K + ks[:, None], mask=kmask[:, None] & (mi < M)[None, :],
                         other=0.0).to(tl.float32)
            if NORM:
                g = tl.load(nw_ptr + ks, mask=kmask, other=0.0).to(tl.float32)
                xt = (xt * rstd[None, :] * g[:, None]).to(dt).to(tl.float32)
            if ZP:
                xsum = tl.sum(xt, 0)
            else:
                xsum = rstd
            xt = xt * sc[:, None]
        return xt.to(dt), xsum

    @triton.jit
    def _v7_val(w, hi, MAGIC, I: tl.constexpr, dt, BITS: tl.constexpr, ZP: tl.constexpr):
        """Value I of every word as a float in the model dtype, unscaled and times 2^(its bit position in
        its half-word) (x carries the inverse, ``_v7_x``): one LOP3 (mask and the exponent 0x4B000000,
        MAGIC, a register), one FADD, a conversion; no shift per value (as v3): ``hi`` is the word shifted
        by 16 once.  int4: (u - 8) 16^j or u 16^j; int8 (w xor 0x80808080: b + 128 in each byte) b 256^j."""
        if BITS == 4:
            if I <= 4:
                f = ((w & (0xF << (4 * I))) | MAGIC).to(tl.float32, bitcast=True)
                c = 8388608.0 if ZP else 8388608.0 + 8.0 * (16 ** I)
            else:
                f = ((hi & (0xF << (4 * (I - 4)))) | MAGIC).to(tl.float32, bitcast=True)
                c = 8388608.0 if ZP else 8388608.0 + 8.0 * (16 ** (I - 4))
        else:
            if I < 2:
                f = ((w & (0xFF << (8 * I))) | MAGIC).to(tl.float32, bitcast=True)
            else:
                f = ((hi & (0xFF << (8 * (I - 2)))) | MAGIC).to(tl.float32, bitcast=True)
            c = 8388608.0 + 128.0 * (256 ** (I % 2))
        return (f - c).to(dt)

    @triton.jit
    def _v7_w(q_ptr, rows, rmask, wc, wmask, KW, MAGIC, dt, BITS: tl.constexpr, ZP: tl.constexpr, BN: tl.constexpr,
              KS: tl.constexpr, MASKN: tl.constexpr, MASKK: tl.constexpr):
        """The weights of ``rows`` at the words ``wc`` unpacked to a [BN, KS] tile in the model dtype,
        unscaled (int8 b, int4 u - 8 or u with zero points: small integers, times powers of two: exact in
        bf16 / fp16).  32-bit words; each value position unpacked on the [BN, words] tile (``_v7_val``)
        and the positions joined (``tl.join``: a minor dimension held by the same thread, so the reshape to
        [BN, KS] in K order moves no data)."""
        ptrs = q_ptr + rows[:, None] * KW + wc[None, :]
        if MASKN and MASKK:
            w = tl.load(ptrs, mask=rmask[:, None] & wmask[None, :], other=0)
        elif MASKN:
            w = tl.load(ptrs, mask=rmask[:, None], other=0)
        elif MASKK:
            w = tl.load(ptrs, mask=wmask[None, :], other=0)
        else:
            w = tl.load(ptrs)
        if BITS == 8:
            w = w ^ -2139062144  # 0x80808080 as int32: every byte b becomes b + 128
        hi = (w.to(tl.uint32, bitcast=True) >> 16).to(tl.int32, bitcast=True)  # logical: one SHF a word
        if BITS == 8:  # natural order of 4 values: join(join(v0, v2), join(v1, v3)) (join adds a minor dimension)
            f = tl.join(tl.join(_v7_val(w, hi, MAGIC, 0, dt, BITS, ZP), _v7_val(w, hi, MAGIC, 2, dt, BITS, ZP)),
                        tl.join(_v7_val(w, hi, MAGIC, 1, dt, BITS, ZP), _v7_val(w, hi, MAGIC, 3, dt, BITS, ZP)))
        else:  # of 8: join(evens in natural order, odds in natural order)
            f = tl.join(tl.join(tl.join(_v7_val(w, hi, MAGIC, 0, dt, BITS, ZP), _v7_val(w, hi, MAGIC, 4, dt, BITS, ZP)),
                                tl.join(_v7_val(w, hi, MAGIC, 2, dt, BITS, ZP), _v7_val(w, hi, MAGIC, 6, dt, BITS, ZP))),
                        tl.join(tl.join(_v7_val(w, hi, MAGIC, 1, dt, BITS, ZP), _v7_val(w, hi, MAGIC, 5, dt, BITS, ZP)),
                                tl.join(_v7_val(w, hi, MAGIC, 3, dt, BITS, ZP), _v7_val(w, hi, MAGIC, 7, dt, BITS, ZP))))
        return tl.reshape(f, [BN, KS])

    @triton.jit
    def _v7_part(q_ptr, s_ptr, z_ptr, rows, rmask, wc, wmask, gi, xt, xsum, acc, KW, NG, MAGIC, dt,
                 BITS: tl.constexpr, G: tl.constexpr, ZP: tl.constexpr, BN: tl.constexpr, KS: tl.constexpr,
                 MASKN: tl.constexpr, MASKK: tl.constexpr, PREC: tl.constexpr, INTERP: tl.constexpr):
        """acc + W[rows, this group] x^T ([BN, 16] float32): the tensor cores multiply the unscaled integer
        tile with x^T (float32 accumulation); per group the scale (and the zero point times the group's
        sum of x) is applied to the [BN, 16] result, per channel (G == 0) at the end of the kernel."""
        w = _v7_w(q_ptr, rows, rmask, wc, wmask, KW, MAGIC, dt, BITS, ZP, BN, KS, MASKN, MASKK)
        if INTERP:  # Triton 3.6's CPU interpreter multiplies bf16 tiles as their bit patterns: float32 there
            w = w.to(tl.float32)
            xt = xt.to(tl.float32)
        if G == 0:
            acc = tl.dot(w, xt, acc, input_precision=PREC)
        else:
            part = tl.dot(w, xt, input_precision=PREC)
            sm = rmask & (gi < NG)
            s = tl.load(s_ptr + rows * NG + gi, mask=sm, other=0.0).to(tl.float32)
            if ZP:
                z = tl.load(z_ptr + rows * NG + gi, mask=sm, other=0.0).to(tl.float32)
                part = part - z[:, None] * xsum[None, :]
            acc += part * s[:, None]
        return acc

    @triton.jit
    def _qgemv7_kernel(x_ptr, q_ptr, s_ptr, z_ptr, out_ptr, nw_ptr, ws_ptr, M, N, K, KW, NG, HALF, eps, MAGIC,
                       BITS: tl.constexpr, G: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, KT: tl.constexpr,
                       SPLIT: tl.constexpr, KX: tl.constexpr, NORM: tl.constexpr, MODE: tl.constexpr,
                       ZP: tl.constexpr, GDC: tl.constexpr, M1: tl.constexpr, MASKN: tl.constexpr,
                       MASKK: tl.constexpr, PREC: tl.constexpr, INTERP: tl.constexpr):
        """``_qgemv_kernel`` (same modes and fusions) on the tensor cores, for up to 16 rows of x (M; decode:
        one).  Program (i, j) takes output rows [i BN, (i + 1) BN) and the j-th of SPLIT K ranges of KT
        tiles of BK values; per group (per channel: per 128 values) the weights are unpacked to a [BN, group]
        register tile of small integers in the model dtype and multiplied with x^T as [group, 16] (x in
        column 0, zeros elsewhere, or the M rows of a small prefill) by ``tl.dot`` with float32
        accumulation; the scales (zero points) are applied to the [BN, 16] product.  SPLIT > 1: partial
        sums to ``ws`` ([SPLIT, M N], glu twice), summed and finished by ``fdt._rows_finish_kernel``.
        KT, KX (= ceil(K / 1024)): constants (Triton's CPU interpreter needs constant loop bounds)."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        kt = tl.program_id(1)
        PER: tl.constexpr = 32 // BITS
        KS: tl.constexpr = G if G > 0 else min(BK, 128)  # values a dot: one group (per channel: 128)
        NSUB: tl.constexpr = BK // KS
        dt = x_ptr.dtype.element_ty
        rows = pid * BN + tl.arange(0, BN)
        rmask = rows < N
        mi = tl.arange(0, 16)
        _gdc_wait(GDC)
        rstd = tl.full([16], 1.0, dtype=tl.float32)
        if NORM:
            if M1:
                kk = tl.arange(0, 1024)
                ss = tl.zeros([1024], dtype=tl.float32)
                for i in range(KX):
                    xv = tl.load(x_ptr + i * 1024 + kk, mask=i * 1024 + kk < K, other=0.0).to(tl.float32)
                    ss += xv * xv
                r1 = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)
            else:
                kk = tl.arange(0, 256)
                ss2 = tl.zeros([16, 256], dtype=tl.float32)
                for i in range(KX * 4):
                    xv = tl.load(x_ptr + mi[:, None] * K + i * 256 + kk[None, :],
                                 mask=(mi < M)[:, None] & (i * 256 + kk < K)[None, :], other=0.0).to(tl.float32)
                    ss2 += xv * xv
                rstd = 1.0 / tl.sqrt(tl.sum(ss2, 1) / K + eps)
                r1 = 1.0
        else:
            r1 = 1.0
        acc = tl.zeros([BN, 16], dtype=tl.float32)
        acc2 = tl.zeros([BN, 16], dtype=tl.float32)
        for t in range(KT):
            k0 = (kt * KT + t) * BK
            for j in tl.static_range(NSUB):
                ks = k0 + j * KS + tl.arange(0, KS)
                wc = (k0 + j * KS) // PER + tl.arange(0, KS // PER)
                wmask = wc < KW
                gi = (k0 + j * KS) // (G if G > 0 else 1)
                xt, xsum = _v7_x(x_ptr, nw_ptr, ks, K, r1 if M1 else rstd, mi, M, NORM, dt, M1, BITS, ZP)
                acc = _v7_part(q_ptr, s_ptr, z_ptr, rows, rmask, wc, wmask, gi, xt, xsum, acc, KW, NG, MAGIC, dt,
                               BITS, G, ZP, BN, KS, MASKN, MASKK, PREC, INTERP)
                if MODE == 2:
                    acc2 = _v7_part(q_ptr, s_ptr, z_ptr, rows + HALF, rmask, wc, wmask, gi, xt, xsum, acc2, KW, NG,
                                    MAGIC, dt, BITS, G, ZP, BN, KS, MASKN, MASKK, PREC, INTERP)
        y = acc
        y2 = acc2
        if G == 0:
            y = y * tl.load(s_ptr + rows, mask=rmask, other=0.0).to(tl.float32)[:, None]
            if MODE == 2:
                y2 = y2 * tl.load(s_ptr + rows + HALF, mask=rmask, other=0.0).to(tl.float32)[:, None]
        om = rmask[:, None] & (mi < M)[None, :]
        oi = mi[None, :] * N + rows[:, None]  # out [M, N]
        if SPLIT == 1:
            if MODE == 1:
                y += tl.load(out_ptr + oi, mask=om, other=0.0).to(tl.float32)
            if MODE == 2:
                y = _glu(y, y2, dt)
            tl.store(out_ptr + oi, y.to(out_ptr.dtype.element_ty), mask=om)
        else:
            tl.store(ws_ptr + kt * M * N + oi, y, mask=om)
            if MODE == 2:
                tl.store(ws_ptr + (SPLIT + kt) * M * N + oi, y2, mask=om)


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


def config3(bits: int, n: int, k: int, group: int) -> tuple[int, int, int, int]:
    """(BN, BK, warps, RB) of the v3 kernel: the table's, else a K tile of 2048 values (int4) or
    1024 (int8), halved (down to 256) while there would be fewer than two programs (row blocks of
    BN = 8 times K tiles) per SM, then RB (rows a program) doubled up to 32 while there stay two."""
    kp = k if group == 0 else -(-k // group) * group
    cfg = CONFIG3 or CONFIGS3.get((bits, n, k))
    if cfg is not None:
        bn, bk, w, rb = cfg
    else:
        bn, w = 8, 4
        bk = min(2048 if bits == 4 else 1024, triton.next_power_of_2(kp))
        while triton.cdiv(n, bn) * triton.cdiv(kp, bk) < 2 * SMS and bk // 2 >= max(group, 256):
            bk //= 2
        split = triton.cdiv(kp, bk)
        rb = bn
        while rb < 32 and triton.cdiv(n, 2 * rb) * split >= 2 * SMS:
            rb *= 2
    bk = max(group or 16, min(bk, triton.next_power_of_2(kp)))
    rb = max(bn, rb // bn * bn)
    return bn, bk, w, rb


_COUNTERS: dict[tuple, torch.Tensor] = {}


def _counters(device: torch.device, blocks: int) -> torch.Tensor:
    """Zeroed int32 counters (one per row block) for the v3 "last" reduction; each kernel leaves them
    at zero, so one buffer per device and size serves every call (and every CUDA graph)."""
    key = (str(device), blocks)
    c = _COUNTERS.get(key)
    if c is None:
        c = _COUNTERS[key] = torch.zeros(blocks, dtype=torch.int32, device=device)
    return c


def gemv(x: torch.Tensor, qw: QWeight, *, norm=None, out: torch.Tensor | None = None, mode: str = "plain",
         cfg: tuple[int, ...] | None = None, kernel: str | None = None) -> torch.Tensor:
    """x: [1, K] (contiguous) times the quantized W: see ``fastdecode_triton.gemv`` for the modes.
    kernel: "v2" ... "v7" or "auto" (default ``KERNEL``); cfg: (BN, BK, warps) for v2 / v4 / v5, (BN, BK, warps,
    RB) for v3, (RB, BK, warps) for v6 (which leaves float32 activations to v2), (BN, BK, warps, SPLIT[,
    stages]) for v7 (which also takes x of up to 16 rows: out [M, N])."""
    if (kernel or KERNEL) == "v7":  # tensor cores; also x of up to 16 rows (out [M, N])
        return _gemv7(x, qw, norm, out, mode, cfg)
    n = qw.n // 2 if mode == "glu" else qw.n
    if out is None:
        if mode == "residual":
            raise ValueError("residual mode needs out")
        out = torch.empty(1, n, dtype=x.dtype, device=x.device)
    nw, eps = norm if norm is not None else (x, 0.0)
    kernel = kernel or KERNEL
    if kernel == "auto":  # the tuned choice of this product (``tune``), else v2 with its table config
        kernel, cfg = CHOICES.get(_key(qw, n, mode, norm is not None), ("v2", cfg))
    if kernel == "v6" and x.dtype == torch.float32:
        kernel, cfg = "v2", None  # v6 computes in fp16 (exact products, a word's sum rounded): float32 models keep v2
    if kernel == "v6":
        _launch6(x, qw, out, nw, n, eps, cfg or config6(qw.bits, n, qw.k, qw.group, mode), norm is not None, mode)
        return out
    if kernel in ("v4", "v5"):
        _launch4(x, qw, out, nw, n, eps, cfg or (config(qw.bits, n, qw.k, qw.group) if kernel == "v5" else
                                                 config4(qw.bits, n, qw.k, qw.group)),
                 norm is not None, mode, 5 if kernel == "v5" else 4)
        return out
    if kernel == "v3":
        _launch3(x, qw, out, nw, n, eps, cfg or config3(qw.bits, n, qw.k, qw.group), norm is not None, mode)
        return out
    v8 = kernel in ("v8", "v9", "v10")  # v2's tile with the RMS taken in the K loop and the next tile's words read ahead
    # v9: and no subtraction a weight (FOLD), gate and up from one read of x (PAIR); int4 only: on int8 the H100
    # measured it slower (9B int8 4.55 against v8's 4.39 ms/token, bench/results/quant-h100-s8-v9/), so int8 is v8;
    # v10: v9 (int4) / v8 (int8) with split-K where ``CONFIGS10`` (or cfg's fourth element) says so
    v9 = kernel in ("v9", "v10") and qw.bits == 4
    split = 1
    if kernel == "v10":
        cfg = cfg or CONFIGS10.get((qw.bits, n, qw.k, mode)) or CONFIG10
        if cfg is not None and len(cfg) > 3:
            cfg, split = tuple(cfg[:3]), int(cfg[3])
    if v8 and cfg is None:
        cfg = (CONFIGS9 if v9 else {}).get((qw.bits, n, qw.k, mode)) or CONFIGS8.get((qw.bits, n, qw.k, mode))
    bn, bk, warps = cfg or config(qw.bits, n, qw.k, qw.group)
    pdl = fdt._pdl(x.device)
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    global WORDS
    words = WORDS
    try:
        _launch(x, qw, z, out, nw, n, ng, eps, bn, bk, warps, norm is not None, mode, pdl, words, v8, v9, split)
    except torch.OutOfMemoryError:
        raise
    except Exception:  # noqa: BLE001 - a build failure of the word kernel: the byte kernel from now on
        if not words:
            raise
        log.warning("quantized GEMV (32-bit word loads) failed to build: byte loads from now on", exc_info=True)
        WORDS = False
        _launch(x, qw, z, out, nw, n, ng, eps, bn, bk, warps, norm is not None, mode, pdl, False)
    return out


def _launch(x, qw, z, out, nw, n, ng, eps, bn, bk, warps, has_norm, mode, pdl, words, v8=False, v9=False, split=1):
    q = qw.q.view(torch.int32) if words else qw.q
    blocks = triton.cdiv(n, bn)
    tiles = -(-qw.kp // bk)
    kt, split = split_parts(tiles, split if v8 and words else 1)
    if split > 1:
        ws = torch.empty(2 * split * n + blocks * split, dtype=torch.float32, device=x.device)
        cnt = _counters(x.device, blocks)
    else:
        ws = cnt = out
    _qgemv_kernel[(blocks, split)](
        x, q, qw.scales, z, out, nw, n, qw.k, q.shape[1], qw.kp, ng, n, float(eps), ws, cnt, kt,
        BITS=qw.bits, G=qw.group, BN=bn, BK=bk, NORM=has_norm, MODE=_MODES[mode], ZP=qw.zeros is not None,
        GDC=pdl, WORDS=words, LATE=v8 and words, PF=v8 and words, FOLD=v9 and words, PAIR=v9 and words,
        SPLIT=split, num_warps=warps, launch_pdl=pdl)


def split_parts(tiles: int, split: int) -> tuple[int, int]:
    """v10: (K tiles a program, parts) for ``tiles`` K tiles asked to split in ``split``: every tile in one part, no
    part empty (9 tiles in 4: 3 parts of 3)."""
    kt = -(-tiles // max(1, split))
    return kt, -(-tiles // kt)


def config4(bits: int, n: int, k: int, group: int) -> tuple[int, int, int]:
    """(BN, BK, warps) of v4: 4 rows a program, a K tile of 512 B of weights a row (clamped as ``config``)."""
    bn, bk, w = CONFIG4 or (4, 1024 if bits == 4 else 512, 4)
    kp = k if group == 0 else -(-k // group) * group
    return bn, max(group or 16, min(bk, triton.next_power_of_2(kp))), w


def _launch4(x, qw, out, nw, n, eps, cfg, has_norm, mode, form=4):
    bn, bk, warps = cfg
    pdl = fdt._pdl(x.device)
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    q = qw.q.view(torch.int32)
    _qgemv4_kernel[(triton.cdiv(n, bn),)](
        x, q, qw.scales, z, out, nw, n, qw.k, q.shape[1], ng, n, float(eps), 0x4B000000,
        BITS=qw.bits, G=qw.group, BN=bn, BK=bk, KT=triton.cdiv(qw.kp, bk), KX=triton.cdiv(qw.k, 1024),
        NORM=has_norm, MODE=_MODES[mode], ZP=qw.zeros is not None, GDC=pdl, FORM=form, num_warps=warps,
        launch_pdl=pdl)


def config6(bits: int, n: int, k: int, group: int, mode: str = "plain") -> tuple[int, int, int]:
    """(RB, BK, warps) of v6: ``CONFIGS6`` / ``CONFIG6``, else a K tile of up to 4096 values (int4; int8
    2048: 2 KiB of weights a row), halved while more than 1/16 of it would be padding past K, 4 warps
    (2 where the tile is narrower than 4 words a thread); RB = 16 rows (8 for gate/up, which reads two
    row sets), halved down to 4 while there would be fewer than two programs per SM."""
    kp = k if group == 0 else -(-k // group) * group
    cfg = CONFIG6 or CONFIGS6.get((bits, n, k, mode))
    if cfg is not None:
        rb, bk, w = cfg
    else:
        per = 32 // bits
        floor = max(group or 128, 256)
        bk = 4096 if bits == 4 else 2048
        while bk > floor and (triton.cdiv(kp, bk) * bk - kp) * 16 > kp:
            bk //= 2
        bk = max(floor, min(bk, triton.next_power_of_2(kp)))
        w = 4 if bk // per >= 4 * 128 else 2
        rb = 8 if mode == "glu" else 16
        while rb > 4 and triton.cdiv(n, rb) < 2 * SMS:
            rb //= 2
    bk = max(group or 128, bk)
    return rb, bk, w


def _launch6(x, qw, out, nw, n, eps, cfg, has_norm, mode):
    rb, bk, warps = cfg
    pdl = fdt._pdl(x.device)
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    q = qw.q.view(torch.int32)
    _qgemv6_kernel[(triton.cdiv(n, rb),)](
        x, q, qw.scales, z, out, nw, n, qw.k, q.shape[1], ng, n, float(eps),
        BITS=qw.bits, G=qw.group, RB=rb, BK=bk, KT=triton.cdiv(qw.kp, bk), KX=triton.cdiv(qw.k, 1024),
        NORM=has_norm, MODE=_MODES[mode], ZP=qw.zeros is not None, GDC=pdl, GE0=128, XT=8 if qw.bits == 4 else 6,
        ASM=os.environ.get("TRITON_INTERPRET", "0") in ("", "0"), MASKN=n % rb != 0, MASKK=qw.kp % bk != 0,
        num_warps=warps, launch_pdl=pdl)


def config7(bits: int, n: int, k: int, group: int, mode: str = "plain") -> tuple[int, ...]:
    """(BN, BK, warps, SPLIT[, stages]) of v7: ``CONFIG7`` / ``CONFIGS7``, else 128 output rows a program
    (4 warps; x's unpacking is shared by more rows: 4.4 SASS instructions a weight for sm_90 against 5.5
    with 64, int4), a K tile of 256 bytes of weights a row (int4 512 values,
    int8 256; at least one group, at most K), and K split over SPLIT programs (a power of two) while
    there would be fewer than two programs an SM (``SMS``) and every split keeps a tile."""
    kp = k if group == 0 else -(-k // group) * group
    cfg = CONFIG7 or CONFIGS7.get((bits, n, k, mode))
    stages = ()
    if cfg is not None:
        bn, bk, w, split, *stages = cfg
    else:
        bn, w = 128, 4
        bk = 512 if bits == 4 else 256
        bk = max(group or 16, min(bk, triton.next_power_of_2(kp)))
        split = 1
        while triton.cdiv(n, bn) * split < 2 * SMS and 2 * split <= triton.cdiv(kp, bk):
            split *= 2
    bk = max(group or 16, bk)
    if group and bk % group:
        raise ValueError(f"v7: K tile {bk} is not a multiple of the group {group}")
    return (bn, bk, w, max(1, min(split, triton.cdiv(kp, bk))), *stages)


def _gemv7(x, qw, norm, out, mode, cfg):
    """``gemv`` with ``_qgemv7_kernel``: x [M, K] with M <= 16, out [M, N]; cfg (BN, BK, warps, SPLIT) or
    (BN, BK, warps, SPLIT, stages) (Triton's ``num_stages``, default 3)."""
    m = x.shape[0]
    if not 1 <= m <= 16:
        raise ValueError(f"v7 GEMV: x has {m} rows, at most 16")
    n = qw.n // 2 if mode == "glu" else qw.n
    if out is None:
        if mode == "residual":
            raise ValueError("residual mode needs out")
        out = torch.empty(m, n, dtype=x.dtype, device=x.device)
    nw, eps = norm if norm is not None else (x, 0.0)
    bn, bk, warps, split, *rest = cfg or config7(qw.bits, n, qw.k, qw.group, mode)
    stages = rest[0] if rest else 3  # Triton's software pipelining depth (its default on Hopper: 3)
    kp = qw.kp
    tiles = triton.cdiv(kp, bk)
    split = max(1, min(split, tiles))
    kt = triton.cdiv(tiles, split)
    pdl = fdt._pdl(x.device)
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    q = qw.q.view(torch.int32)
    interp = os.environ.get("TRITON_INTERPRET", "0") not in ("", "0")
    if split > 1:
        ws = torch.empty((2 if mode == "glu" else 1) * split * m * n, dtype=torch.float32, device=x.device)
    else:
        ws = out
    _qgemv7_kernel[(triton.cdiv(n, bn), split)](
        x, q, qw.scales, z, out, nw, ws, m, n, qw.k, q.shape[1], ng, n, float(eps), 0x4B000000,
        BITS=qw.bits, G=qw.group, BN=bn, BK=bk, KT=kt, SPLIT=split, KX=triton.cdiv(qw.k, 1024),
        NORM=norm is not None, MODE=_MODES[mode], ZP=qw.zeros is not None, GDC=pdl, M1=m == 1,
        MASKN=n % bn != 0, MASKK=kt * split * bk != kp,
        PREC="ieee" if x.dtype == torch.float32 or interp else "tf32", INTERP=interp, num_warps=warps,
        num_stages=stages, launch_pdl=pdl)
    if split > 1:
        block = 1024
        fdt._rows_finish_kernel[(triton.cdiv(m * n, block),)](ws, out, m * n, SPLIT=split, MODE=_MODES[mode],
                                                              BLOCK=block, GDC=pdl, launch_pdl=pdl)
    return out


def _launch3(x, qw, out, nw, n, eps, cfg, has_norm, mode):
    bn, bk, warps, rb = cfg
    kp = qw.kp
    split = triton.cdiv(kp, bk)
    blocks = triton.cdiv(n, rb)
    pdl = fdt._pdl(x.device)
    ng = qw.scales.shape[1] if qw.group else 1
    z = qw.zeros if qw.zeros is not None else qw.scales
    q = qw.q.view(torch.int32)
    last = REDUCE == "last"
    if split > 1:
        ws = torch.empty((2 if mode == "glu" else 1) * split * n, dtype=torch.float32, device=x.device)
        cnt = _counters(x.device, blocks) if last else ws
    else:
        ws = cnt = out
    _qgemv3_kernel[(blocks, split)](
        x, q, qw.scales, z, out, nw, ws, cnt, n, qw.k, q.shape[1], ng, n, float(eps), 0x4B000000,
        BITS=qw.bits, G=qw.group, BN=bn, BK=bk, RB=rb, SPLIT=split, LAST=last, KX=triton.cdiv(qw.k, 1024),
        NORM=has_norm, MODE=_MODES[mode], ZP=qw.zeros is not None, GDC=pdl, GE0=min(bk, 128), num_warps=warps,
        launch_pdl=pdl)
    if split > 1 and not last:
        block = 1024
        fdt._rows_finish_kernel[(triton.cdiv(n, block),)](ws, out, n, SPLIT=split, MODE=_MODES[mode], BLOCK=block,
                                                          GDC=pdl, launch_pdl=pdl)


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


# ------------------------------------------------------------------ per-product choice, timed on the card
def _key(qw: QWeight, n: int, mode: str, has_norm: bool) -> tuple:
    return (qw.bits, n, qw.k, qw.group, qw.zeros is not None, mode, bool(has_norm))


def candidates(bits: int, n: int, k: int, group: int) -> list[tuple[str, tuple]]:
    """(kernel, cfg) pairs ``tune`` times for one product: v2 with its table / rule config, with twice
    and half the rows a program, half the K tile, the other warp count (4 <-> 8), and v3 with its rule
    config: the set measured on the H200 (bench/results/quant-h200-s4-2026-12-06/quant.json, "qtune").
    Not among them: v6 (f16x2 arithmetic): on the H100 it missed the 1e-2 tolerance on small products
    (3.9 % relative, each word's sum rounded in fp16) and was slower than v2 on 12 of the 16 decode
    products (bench/results/quant-h100-s6-2026-12-07/); ``tune`` picks by time alone, so it must not
    be offered a kernel that is sometimes less exact.  v4 (~20 SASS instructions a weight for sm_90 against v2's ~7) and v5 (7.2, the same
    as v2: the shifts it saves come back as x scaling and address arithmetic; the shared-memory
    traffic of the group sums stays), bench/results/qgemv-sass-v4-s4.txt."""
    out: list[tuple[str, tuple]] = []
    bn, bk, w = config(bits, n, k, group)
    for c in ((bn, bk, w), (min(16, 2 * bn), bk, w), (max(1, bn // 2), bk, w),
              (bn, max(group or 16, bk // 2), w), (bn, bk, 12 - w)):
        if ("v2", c) not in out:
            out.append(("v2", c))
    out.append(("v3", tuple(config3(bits, n, k, group))))
    return out


# what ``tune`` measured: {product key as text: {"kernel cfg": microseconds a call, ..., "chosen": ...}}
TUNE_LOG: dict[str, dict] = {}


def _choices_file() -> "str | None":
    try:
        from console.core.paths import triton_cache_dir

        return os.path.join(triton_cache_dir(), "qgemv-choices.json")
    except Exception:  # noqa: BLE001 - no cache folder: tune in memory only
        return None


def _card_tag(device: torch.device) -> str:
    """The card, Triton and this module's source: a cached choice is reused only where all three match."""
    import hashlib
    import inspect
    import sys

    src = inspect.getsource(sys.modules[__name__])
    return f"{torch.cuda.get_device_name(device)}|triton {triton.__version__}|{hashlib.sha1(src.encode()).hexdigest()[:12]}"


def tune(products, progress=None, reps: int = 5, dtype: torch.dtype = torch.bfloat16) -> dict:
    """Choose per product the fastest of ``candidates`` on this card, for ``KERNEL = "auto"``.

    products: [(qweights, mode, norm)]: the same product of every layer (rotated through, so the
    timing reads HBM as decode does, not L2), mode as ``gemv``, norm (weight, eps) or None.  Each
    candidate runs once (compiles: Triton's on-disk cache keeps it), then a CUDA graph of one call a
    layer is replayed ``reps`` times; the median a call counts.  A candidate that fails to build or
    disagrees with v2 (relative error over 1e-2) is left out.  The choices are kept on disk beside
    Triton's cache, per card, Triton version and this module's source, so a second load times nothing.
    dtype: the activations' (the model dtype).  progress(fraction) after each product.  Returns {"tuned": n, "cached": n, "seconds": s}."""
    import json
    import statistics
    import time

    t0 = time.perf_counter()
    path = _choices_file()
    disk: dict = {}
    if path and os.path.exists(path):
        try:
            with open(path, encoding="utf-8") as f:
                disk = json.load(f)
        except (OSError, ValueError):
            disk = {}
    tuned = cached = 0
    for i, (qws, mode, norm) in enumerate(products):
        qw0 = qws[0]
        dev = qw0.device
        n = qw0.n // 2 if mode == "glu" else qw0.n
        key = _key(qw0, n, mode, norm is not None)
        tag = _card_tag(dev)
        hit = disk.get(tag, {}).get(repr(key))
        if key in CHOICES:
            cached += 1
        elif hit is not None:
            CHOICES[key] = (hit[0], tuple(hit[1]))
            cached += 1
        else:
            CHOICES[key] = _time_candidates(key, qws, mode, norm, reps, dtype)
            disk.setdefault(tag, {})[repr(key)] = [CHOICES[key][0], list(CHOICES[key][1])]
            tuned += 1
        if progress is not None:
            progress((i + 1) / len(products))
    if path and tuned:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = path + ".part"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(disk, f)
            os.replace(tmp, path)
        except OSError:
            log.warning("could not keep the quantized GEMV choices in %s", path, exc_info=True)
    return {"tuned": tuned, "cached": cached, "seconds": round(time.perf_counter() - t0, 2)}


def _time_candidates(key, qws, mode, norm, reps, dt):
    import statistics

    bits, n, k, group = key[:4]
    qw0 = qws[0]
    dev = qw0.device
    g = torch.Generator(device=dev).manual_seed(0)
    x = (torch.randn(1, k, device=dev, generator=g) * 0.5).to(dt)
    h0 = (torch.randn(1, n, device=dev, generator=g) * 0.1).to(dt)
    outs = [h0.clone() for _ in qws] if mode == "residual" else [torch.empty(1, n, device=dev, dtype=dt) for _ in qws]
    ref = gemv(x, qw0, norm=norm, out=h0.clone() if mode == "residual" else None, mode=mode, kernel="v2")
    res: dict[tuple, float] = {}
    for kern, cfg in candidates(bits, n, k, group):
        try:
            got = gemv(x, qw0, norm=norm, out=h0.clone() if mode == "residual" else None, mode=mode, kernel=kern,
                       cfg=cfg)
            torch.cuda.synchronize(dev)
            err = float((got.float() - ref.float()).norm() / ref.float().norm().clamp_min(1e-30))
            if not err < 1e-2:
                log.warning("quantized GEMV %s %s on %s: off by %.2g from v2, left out", kern, cfg, key, err)
                continue
            graph = torch.cuda.CUDAGraph()
            stream = torch.cuda.Stream(dev)
            stream.wait_stream(torch.cuda.current_stream(dev))
            with torch.cuda.stream(stream):
                with torch.cuda.graph(graph, stream=stream):
                    for q, o in zip(qws, outs):
                        gemv(x, q, norm=norm, out=o, mode=mode, kernel=kern, cfg=cfg)
            torch.cuda.current_stream(dev).wait_stream(stream)
            graph.replay()
            times = []
            for _ in range(reps):
                a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
                a.record()
                graph.replay()
                b.record()
                b.synchronize()
                times.append(a.elapsed_time(b) * 1e3 / len(qws))
            res[(kern, tuple(cfg))] = statistics.median(times)
            del graph
        except torch.OutOfMemoryError:
            raise
        except Exception as e:  # noqa: BLE001 - a candidate that does not build is left out
            log.info("quantized GEMV %s %s on %s failed: %s", kern, cfg, key, e)
    if not res:
        return ("v2", tuple(config(bits, n, k, group)))
    best = min(res, key=res.get)
    TUNE_LOG[repr(key)] = {f"{kn} {c}": round(us, 2) for (kn, c), us in res.items()} | {
        "chosen": f"{best[0]} {best[1]}", "layers": len(qws)}
    log.info("quantized GEMV %s: %s (%.1f us; v2 table %.1f us)", key, best, res[best],
             res.get(("v2", tuple(config(bits, n, k, group))), float("nan")))
    return best
