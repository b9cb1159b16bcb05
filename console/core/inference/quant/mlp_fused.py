"""v11 (session 11, issue 20): a quantized MLP for one row (decode) in ONE kernel: gate/up, SiLU*mul and down.

``mlp(x, wgu, wdown, norm=, out=)`` is, for x [1, H] (the residual stream) and ``out`` (x itself, in place):
out = x + down(SiLU(gate(rms(x))) * up(rms(x))), the work of v9's two products ("glu" then "residual") without
the kernel boundary between them (the ramp down of the first and the ramp up of the second, the activation's trip
through memory, one launch).  Program p takes the BE intermediate indices [p BE, (p + 1) BE) (any multiple of 8; the
register tile is the next power of two, masked past BE):

1. its BE gate rows and BE up rows of ``wgu`` ([gate; up], K = H) in tiles of [B, BK] with v8 / v9's helpers
   (``kernels._q_words``, ``_q_math_pair``: int4 with FOLD, int8 v8's arithmetic), the RMSNorm folded LATE (the sum
   of x^2 from the x the tiles read anyway, the RMS applied to the row sums at the end, before SiLU), the next
   tile's words read before this tile's arithmetic (PF);
2. a = SiLU(g) * u for its BE values, rounded to the model dtype as the unfused path rounds ``fdt._glu``'s result
   when it stores it;
3. a times down's columns [p BE, (p + 1) BE) for all H output rows, in chunks of BND rows (PF again); int4 / grouped
   int8: each word's group scale (and zero point times the word's sum of a) applied in the program; int8 per
   channel: the raw sums (the row's scale is applied once by the reducing step).  The [H] partial is added into a
   float32 workspace with atomic adds (``red.global.add.f32``: 4 bytes an output row a program, ~2-3 % of the
   weight bytes for the 9B shape);
4. a counter: the program that arrives last (P - 1 earlier increments; every thread's fence.acq_rel.gpu, a CTA
   barrier, then the acq_rel increment at GPU scope, as v3 / v10's last-program reduction plus the fence) reads the workspace, applies int8's per-row scale, adds the residual,
   stores the model-dtype result, zeroes the workspace and the counter: nothing for the host per call, so CUDA
   graphs replay it (one workspace + counter per device and H; calls on one stream are serialized by the
   graph / PDL order).  The order of the float32 atomic adds is not fixed: the last bits of a result may differ
   between calls (v10 was bit-reproducible; this is not).  x is read by every program before its increment and
   written only by the last one, so x and out may be the same tensor.

Block size: the first H100 run (session 11, power-of-two blocks only, the group-aligned scale reads of that
version) lost to v9 everywhere, per layer (CUDA graph over 4 layers): 9B int8 87.7 us against 71.1 (best B = 64,
BK = 128, 8 warps), 9B int4 85.8 against 52.4 (B = 128), 1.5B int8 35.0 against 25.8, 1.5B int4 28.9 against
24.0.  214 programs of 64 on 132 SMs leave 82 SMs with two and 50 with one (~81 % of the card busy to the end).
So the block is now I / (PER_SM x SMs) rounded up to 8 (9B: 104, exactly 132 programs) and down's scale is read a
word (a word's group; the words of a group read one address), so blocks need not align with groups.

Down's layout.  In the checkpoint layout (``QWeight`` [H, I], rows along the intermediate axis) program p's block is
BE values of every row: BE / 2 bytes (int4) or BE bytes (int8) a row, H rows apart (at least one 32-byte sector
for BE >= 64 int4 / 32 int8).  ``repack(wdown, BE)`` makes the layout where block p is contiguous ([ceil(Kp / BE),
H, BE] values, scales and zero points [groups, H]).  ``LAYOUT`` / ``mlp(..., down=)`` choose; the fast path uses
the checkpoint layout (no copy: the prefill and the plain path keep reading the same tensors); bench/decode.py
--qkernels v11b times the repacked one (a copy per layer, so its memory grows by down's bytes; worth an in-place
repack only if it measures faster: in the first run it did not, 101 against 88 us 9B int8).

Programs: ceil(I / BE).  ``CONFIGS11`` holds measured configs; ``config11`` the rule otherwise.  Loop trip counts
are compile-time constants (one compilation per model shape), so Triton 3.6's CPU interpreter runs it with any
NumPy (tests/core/inference/test_quant_v11_interp.py).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

import torch

from console.core.inference import fastdecode_triton as fdt
from console.core.inference.quant import kernels as qk
from console.core.inference.quant.tensor import QWeight

triton = fdt.triton
tl = fdt.tl
log = logging.getLogger(__name__)

# "strided" (the checkpoint layout, the default) or "blocked" (``repack``: each program's block contiguous)
LAYOUT = "strided"
# (B, BK, BND, warps) per (gate/up bits, H, I, layout): filled from bench/decode.py --qkernels v11 runs on the card
CONFIGS11: dict[tuple[int, int, int, str], tuple[int, int, int, int]] = {}
CONFIG11: tuple[int, int, int, int] | None = None  # one config for every shape (tests, sweeps)
SMS = 132  # the rule's SMs (H100 / H200 SXM); ``mlp`` passes the card's
PER_SM = 1  # the rule's programs an SM
FENCE = True  # fence.acq_rel.gpu in every thread before the counter (False: set where it fails to build)


@dataclass
class Down11:
    """down (``QWeight`` [H, I]) repacked so that the B columns of each program are contiguous: ``q`` int32
    [ceil(Kp / B), H, B / values a word] words, ``scales`` / ``zeros`` [groups, H] (int8 per channel: [H])."""
    q: torch.Tensor
    scales: torch.Tensor
    zeros: torch.Tensor | None
    bits: int
    group: int
    k: int
    n: int
    block: int


def supported(wgu, wdown) -> bool:
    """Whether v11 takes this MLP: quantized gate/up and down (any of the schemes of ``tensor.quantize``)."""
    return (triton is not None and isinstance(wgu, QWeight) and isinstance(wdown, (QWeight, Down11))
            and wgu.n % 2 == 0 and wdown.k == wgu.n // 2)


def config11(bits: int, h: int, inter: int, group: int, dbits: int | None = None, dgroup: int | None = None,
             layout: str = "strided", sms: int | None = None) -> tuple[int, int, int, int]:
    """(BE, BK, BND, warps): the table's, else the block BE = I / (PER_SM x SMs) rounded up to 8 (9B on 132 SMs:
    104, 132 programs; 1.5B: 72, 125), so every SM gets the same work (a power-of-two block leaves SMs with one
    program and others with two: 214 programs of 64 on 132 SMs); BK: 128 bytes of a row a step (at least one gate/up
    group), BND so a down step reads ~1024 words.  The tile is the next power of two above BE."""
    dbits = dbits or bits
    cfg = CONFIG11 or CONFIGS11.get((bits, h, inter, layout))
    if cfg is not None:
        be, bk, bnd, w = cfg
    else:
        sms = sms or SMS
        be = max(8, -(-(-(-inter // (PER_SM * sms))) // 8) * 8)
        bk = bnd = 0
        w = 8
    per, dper = 32 // bits, 32 // dbits
    b = triton.next_power_of_2(be)
    kp = h if group == 0 else -(-h // group) * group
    if not bk:
        bk = 32 * per  # 128 bytes of a row a step (the first H100 run: shorter rows lost)
    bk = max(group or 16, min(bk, triton.next_power_of_2(kp)))
    if not bnd:
        bnd = max(16, 1024 // max(1, b // dper))
    bnd = max(1, min(bnd, triton.next_power_of_2(h)))
    return be, bk, bnd, w


def _check_block(b: int, dbits: int, dgroup: int = 0) -> None:
    per = 32 // dbits
    if b <= 0 or b % 8:
        raise ValueError(f"v11 block {b}: a positive multiple of 8 (whole words of int4 and int8)")


@torch.no_grad()
def repack(wdown: QWeight, block: int) -> Down11:
    """``Down11`` of ``wdown`` for blocks of ``block`` columns (a new tensor; padding columns are zero weights)."""
    _check_block(block, wdown.bits, wdown.group)
    per = 32 // wdown.bits
    q = wdown.q.view(torch.int32)  # [H, Kp / per]
    h, kw = q.shape
    nb = -(-kw * per // block)
    wb = block // per
    if nb * wb != kw:
        q = torch.nn.functional.pad(q, (0, nb * wb - kw))
    qb = q.view(h, nb, wb).transpose(0, 1).contiguous()  # [nb, H, wb]
    if wdown.group == 0:
        s, z = wdown.scales.contiguous(), None
    else:
        s = wdown.scales.t().contiguous()
        z = wdown.zeros.t().contiguous() if wdown.zeros is not None else None
    return Down11(qb, s, z, wdown.bits, wdown.group, wdown.k, wdown.n, block)


_WS: dict[tuple, tuple[torch.Tensor, torch.Tensor]] = {}
_SMS: dict[str, int] = {}


def _sms(device: torch.device) -> int:
    """The card's SMs (the rule's ``SMS`` elsewhere: the CPU interpreter)."""
    if device.type != "cuda":
        return SMS
    key = str(device)
    if key not in _SMS:
        _SMS[key] = torch.cuda.get_device_properties(device).multi_processor_count
    return _SMS[key]


def _workspace(device: torch.device, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The float32 [n] accumulator and the int32 counter (zeroed; every call leaves them at zero)."""
    key = (str(device), n)
    ws = _WS.get(key)
    if ws is None:
        ws = _WS[key] = (torch.zeros(n, dtype=torch.float32, device=device),
                         torch.zeros(1, dtype=torch.int32, device=device))
    return ws


if triton is not None:
    _q_words = qk._q_words
    _q_math = qk._q_math
    _q_math_pair = qk._q_math_pair
    _q_val = qk._q_val
    _glu = fdt._glu
    _gdc_start = fdt._gdc_start
    _gdc_wait = fdt._gdc_wait

    @triton.jit
    def _v11_hparts(a, W: tl.constexpr, BITS: tl.constexpr):
        """a [B] in K order -> the values at word position i = 0 .. 7 (int8: 0 .. 3), each [W] (``tl.split`` of a
        [W, 2, 2(, 2)] reshape; int8: the last four are zeros)."""
        if BITS == 4:
            t = tl.reshape(a, [W, 2, 2, 2])  # (w, c, d, e): i = 4c + 2d + e
            ev, od = tl.split(t)  # e = 0 / 1: [W, 2, 2]
            e0, e1 = tl.split(ev)  # d: [W, 2]
            o0, o1 = tl.split(od)
            h0, h4 = tl.split(e0)
            h2, h6 = tl.split(e1)
            h1, h5 = tl.split(o0)
            h3, h7 = tl.split(o1)
        else:
            t = tl.reshape(a, [W, 2, 2])  # (w, d, e): i = 2d + e
            ev, od = tl.split(t)
            h0, h2 = tl.split(ev)
            h1, h3 = tl.split(od)
            h4 = h0 * 0.0
            h5 = h4
            h6 = h4
            h7 = h4
        return h0, h1, h2, h3, h4, h5, h6, h7

    @triton.jit
    def _v11_down_part(wd, h0, h1, h2, h3, h4, h5, h6, h7, asw, ds_ptr, dz_ptr, rows, rm, gw, wm, DS_R, DS_G,
                       BITS: tl.constexpr, G: tl.constexpr, ZP: tl.constexpr, FOLD: tl.constexpr):
        """The [BND] partial of down's rows ``rows`` over this program's block from its words ``wd`` [BND, W]: per
        word the sum of value * a (``asw`` [W]: a word's sum of a, for FOLD's offset and the zero point), scaled by
        the scale of the word's group ``gw`` [W] (a block need not be a multiple or a divisor of the group: the
        words of one group read the same scale, one request); per channel (G == 0): the raw sum."""
        p = _q_val(wd, 0, BITS, ZP, FOLD) * h0[None, :]
        p += _q_val(wd, 1, BITS, ZP, FOLD) * h1[None, :]
        p += _q_val(wd, 2, BITS, ZP, FOLD) * h2[None, :]
        p += _q_val(wd, 3, BITS, ZP, FOLD) * h3[None, :]
        if BITS == 4:
            p += _q_val(wd, 4, BITS, ZP, FOLD) * h4[None, :]
            p += _q_val(wd, 5, BITS, ZP, FOLD) * h5[None, :]
            p += _q_val(wd, 6, BITS, ZP, FOLD) * h6[None, :]
            p += _q_val(wd, 7, BITS, ZP, FOLD) * h7[None, :]
        if BITS == 8:
            OFF: tl.constexpr = 384.0
        elif ZP:
            OFF: tl.constexpr = 128.0
        else:
            OFF: tl.constexpr = 136.0
        if FOLD:
            p = p - OFF * asw[None, :]
        if G == 0:
            res = tl.sum(p, 1)
        else:
            sm = rm[:, None] & wm[None, :]
            s = tl.load(ds_ptr + rows[:, None] * DS_R + gw[None, :] * DS_G, mask=sm, other=0.0).to(tl.float32)
            if ZP:
                z = tl.load(dz_ptr + rows[:, None] * DS_R + gw[None, :] * DS_G, mask=sm, other=0.0).to(tl.float32)
                p = p - z * asw[None, :]
            res = tl.sum(s * p, 1)
        return res

    @triton.jit
    def _qmlp11_kernel(x_ptr, nw_ptr, gq_ptr, gs_ptr, gz_ptr, dq_ptr, ds_ptr, dz_ptr, out_ptr, ws_ptr, cnt_ptr,
                       H, I, BE, GKW, GNG, DN, DCOLS, DBLK, DROW, DS_R, DS_G, eps, P,
                       GBITS: tl.constexpr, GG: tl.constexpr, GZP: tl.constexpr, GFOLD: tl.constexpr,
                       DBITS: tl.constexpr, DG: tl.constexpr, DZP: tl.constexpr, DFOLD: tl.constexpr,
                       B: tl.constexpr, BK: tl.constexpr, BND: tl.constexpr, NKT: tl.constexpr, NDC: tl.constexpr,
                       NFC: tl.constexpr, NORM: tl.constexpr, GDC: tl.constexpr, PF: tl.constexpr,
                       FENCE: tl.constexpr = True, PROBE: tl.constexpr = 0):
        """out = x + down(SiLU(gate(rms(x))) * up(rms(x))) for one row; see the module.  Program p takes the BE
        intermediate indices [p BE, (p + 1) BE) (BE <= B, a power of two: the tile; BE a multiple of down's values
        a word).  gq: gate/up's int32 words [2 I, GKW] (gate rows first); dq: down's words, word w of block p of row
        r at p DBLK + r DROW + w (checkpoint layout: DBLK = BE / values a word, DROW = its row length; blocked:
        DBLK = DN DROW, DROW = BE / values a word), its scales / zero points at row r, group g: r DS_R + g DS_G.
        NKT: K tiles of gate/up, NDC: chunks of BND down rows, NFC: chunks of 1024 rows of the last program's step
        (compile-time trip counts).  FENCE: every thread's adds are made visible at GPU scope (fence.acq_rel.gpu)
        before the CTA barrier and the counter (off in the CPU interpreter, which has no inline PTX).  PROBE
        (bench/decode.py --qmlp, timing only, wrong results): 1 down's words read and multiplied but no atomic
        adds, 2 no down phase at all."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        dt = x_ptr.dtype.element_ty
        i0 = pid * BE
        lane = tl.arange(0, B)
        rows = i0 + lane
        rmask = (lane < BE) & (rows < I)
        DPER: tl.constexpr = 32 // DBITS
        W: tl.constexpr = B // DPER
        wl = tl.arange(0, W)
        wc = i0 // DPER + wl  # down's word columns of the block
        wm = (wl < BE // DPER) & (wc < DCOLS)
        qb = dq_ptr + pid * DBLK
        # ---- 1. gate and up rows of this block (v8 / v9: LATE norm, PF, int4 FOLD + PAIR)
        if PF:
            wd = _q_words(gq_ptr, rows, rmask, 0, GKW, GKW, GBITS, B, BK)
            wd2 = _q_words(gq_ptr, rows + I, rmask, 0, GKW, GKW, GBITS, B, BK)
            drows = tl.arange(0, BND)  # and down's first chunk
            dwd = tl.load(qb + drows[:, None] * DROW + wl[None, :], mask=(drows < DN)[:, None] & wm[None, :], other=0)
        _gdc_wait(GDC)
        if GG == 0:
            acc = tl.zeros([B], dtype=tl.float32)
            acc2 = tl.zeros([B], dtype=tl.float32)
        else:
            acc = tl.zeros([B, BK // GG], dtype=tl.float32)
            acc2 = tl.zeros([B, BK // GG], dtype=tl.float32)
        ssq = 0.0
        for t in range(NKT):
            k0 = t * BK
            if PF:
                cur = wd
                cur2 = wd2
                wd = _q_words(gq_ptr, rows, rmask, k0 + BK, GKW, GKW, GBITS, B, BK)
                wd2 = _q_words(gq_ptr, rows + I, rmask, k0 + BK, GKW, GKW, GBITS, B, BK)
            else:
                cur = _q_words(gq_ptr, rows, rmask, k0, GKW, GKW, GBITS, B, BK)
                cur2 = _q_words(gq_ptr, rows + I, rmask, k0, GKW, GKW, GBITS, B, BK)
            if GFOLD:  # v9 (int4): gate and up from one read of x, no subtraction a weight
                r1, r2, sq = _q_math_pair(cur, cur2, gs_ptr, gz_ptr, rows, rows + I, rmask, k0, H, GNG, x_ptr,
                                          nw_ptr, 1.0, GBITS, GG, B, BK, NORM, GZP, True, True)
            else:  # v8 (int8)
                r1, sq = _q_math(cur, gs_ptr, gz_ptr, rows, rmask, k0, H, GNG, x_ptr, nw_ptr, 1.0,
                                 GBITS, GG, B, BK, NORM, GZP, True, False)
                r2, sq2 = _q_math(cur2, gs_ptr, gz_ptr, rows + I, rmask, k0, H, GNG, x_ptr, nw_ptr, 1.0,
                                  GBITS, GG, B, BK, NORM, GZP, True, False)
            acc += r1
            acc2 += r2
            ssq += sq
        if GG == 0:
            y = acc * tl.load(gs_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
            y2 = acc2 * tl.load(gs_ptr + rows + I, mask=rmask, other=0.0).to(tl.float32)
        else:
            y = tl.sum(acc, 1)
            y2 = tl.sum(acc2, 1)
        if NORM:
            r = 1.0 / tl.sqrt(ssq / H + eps)
            y = y * r
            y2 = y2 * r
        # ---- 2. a = SiLU(gate) * up, rounded to the model dtype (the unfused path stores it so)
        a = _glu(y, y2, dt).to(dt).to(tl.float32)
        a = tl.where(rmask, a, 0.0)
        if PROBE == 2:
            tl.store(ws_ptr + rows, a, mask=rmask & (a == 1.2345e-38))
        # ---- 3. a times down's columns [i0, i0 + BE) for every output row, into the workspace
        h0, h1, h2, h3, h4, h5, h6, h7 = _v11_hparts(a, W, DBITS)
        asw = h0 + h1 + h2 + h3 + h4 + h5 + h6 + h7  # [W]: a word's sum of a (int8: h4.. are zeros)
        if DG == 0:
            gw = wl * 0
        else:
            gw = (wc * DPER) // DG
        for c in range(NDC if PROBE < 2 else 0):
            drows2 = c * BND + tl.arange(0, BND)
            drm = drows2 < DN
            if PF:
                cw = dwd
                nrows = drows2 + BND
                dwd = tl.load(qb + nrows[:, None] * DROW + wl[None, :], mask=(nrows < DN)[:, None] & wm[None, :],
                              other=0)
            else:
                cw = tl.load(qb + drows2[:, None] * DROW + wl[None, :], mask=drm[:, None] & wm[None, :], other=0)
            part = _v11_down_part(cw, h0, h1, h2, h3, h4, h5, h6, h7, asw, ds_ptr, dz_ptr, drows2, drm, gw, wm,
                                  DS_R, DS_G, DBITS, DG, DZP, DFOLD)
            if PROBE == 0:
                tl.atomic_add(ws_ptr + drows2, part, mask=drm, sem="relaxed", scope="gpu")
            else:  # kept alive, (practically) never stored
                tl.store(ws_ptr + drows2, part, mask=drm & (part == 1.2345e-38))
        if FENCE:  # this thread's adds performed (visible at GPU scope) before the barrier and the counter
            tl.inline_asm_elementwise("fence.acq_rel.gpu; mov.u32 $0, $1;", "=r,r", [pid], dtype=tl.int32,
                                      is_pure=False, pack=1)
        # ---- 4. the last program: scale (int8 per channel), residual, store, zero the workspace and the counter
        tl.debug_barrier()  # every thread's adds are issued before the counter moves
        done = tl.atomic_add(cnt_ptr, 1, sem="acq_rel", scope="gpu")
        if done == P - 1:
            fr = tl.arange(0, 1024)
            for f in range(NFC):
                orow = f * 1024 + fr
                om = orow < DN
                v = tl.load(ws_ptr + orow, mask=om, other=0.0, cache_modifier=".cg")
                if DG == 0:
                    v = v * tl.load(ds_ptr + orow, mask=om, other=0.0).to(tl.float32)
                v += tl.load(x_ptr + orow, mask=om, other=0.0).to(tl.float32)  # the residual: x
                tl.store(out_ptr + orow, v.to(out_ptr.dtype.element_ty), mask=om)
                tl.store(ws_ptr + orow, tl.zeros([1024], dtype=tl.float32), mask=om, cache_modifier=".cg")
            tl.atomic_xchg(cnt_ptr, 0, sem="relaxed", scope="gpu")  # ready for the next call


def mlp(x: torch.Tensor, wgu: QWeight, wdown, *, norm=None, out: torch.Tensor | None = None,
        cfg: tuple[int, int, int, int] | None = None, down: "Down11 | None" = None, probe: int = 0) -> torch.Tensor:
    """out (default: x, in place) = x + down(SiLU(gate(rms(x))) * up(rms(x))) for x [1, H] contiguous; ``wgu`` is
    [gate; up] ([2 I, H]), ``wdown`` [H, I] (a ``QWeight``; or a ``Down11`` from ``repack``, also passed as
    ``down`` with the QWeight kept as ``wdown``); norm = (weight, eps) of the RMSNorm before the MLP, or None.
    cfg: (B, BK, BND, warps), else ``config11``."""
    if out is None:
        out = x
    d = down if down is not None else wdown
    blocked = isinstance(d, Down11)
    inter = wgu.n // 2
    hdim = x.shape[-1]
    if cfg is None:
        cfg = config11(wgu.bits, hdim, inter, wgu.group, d.bits, d.group, "blocked" if blocked else "strided",
                       _sms(x.device))
        if blocked and cfg[0] != d.block:
            cfg = (d.block, *cfg[1:])
    be, bk, bnd, warps = cfg
    if blocked and be != d.block:
        raise ValueError(f"v11: the down weight is repacked for blocks of {d.block}, not {be}")
    _check_block(be, d.bits)
    b = triton.next_power_of_2(be)
    gq = wgu.q.view(torch.int32)
    gkw = gq.shape[1]
    gng = wgu.scales.shape[1] if wgu.group else 1
    gz = wgu.zeros if wgu.zeros is not None else wgu.scales
    dper = 32 // d.bits
    if blocked:
        dq = d.q
        dcols = dq.shape[0] * dq.shape[2]
        drow = be // dper
        dblk = d.n * drow
        ds_r, ds_g = 1, d.n
    else:
        dq = d.q.view(torch.int32)
        dcols = dq.shape[1]
        dblk = be // dper
        drow = dcols
        ds_r, ds_g = (d.scales.shape[1] if d.group else 1), 1
    dz = d.zeros if d.zeros is not None else d.scales
    nw, eps = norm if norm is not None else (x, 0.0)
    p = triton.cdiv(inter, be)
    kp = gkw * (32 // wgu.bits)
    ws, cnt = _workspace(x.device, d.n)
    pdl = fdt._pdl(x.device)
    global FENCE
    args = (x, nw, gq, wgu.scales, gz, dq, d.scales, dz, out, ws, cnt,
            hdim, inter, be, gkw, gng, d.n, dcols, dblk, drow, ds_r, ds_g, float(eps), p)
    kw = dict(GBITS=wgu.bits, GG=wgu.group, GZP=wgu.zeros is not None, GFOLD=wgu.bits == 4,
              DBITS=d.bits, DG=d.group, DZP=d.zeros is not None, DFOLD=d.bits == 4,
              B=b, BK=bk, BND=bnd, NKT=triton.cdiv(kp, bk), NDC=triton.cdiv(d.n, bnd), NFC=triton.cdiv(d.n, 1024),
              NORM=norm is not None, GDC=pdl, PF=True, PROBE=probe, num_warps=warps, launch_pdl=pdl)
    fence = FENCE and os.environ.get("TRITON_INTERPRET") != "1"
    try:
        _qmlp11_kernel[(p,)](*args, FENCE=fence, **kw)
    except torch.OutOfMemoryError:
        raise
    except Exception:  # noqa: BLE001 - the inline PTX fence failed to build: the barrier and acq_rel counter only
        if not fence:
            raise
        log.warning("v11: the fence before the counter failed to build; without it from now on", exc_info=True)
        FENCE = False
        _qmlp11_kernel[(p,)](*args, FENCE=False, **kw)
    return out
