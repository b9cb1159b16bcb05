"""Triton kernels for the fast decode step (one token, CUDA): fewer, fused kernels per layer.

With torch ops a decode layer is 4 GEMVs plus 9 small kernels, and in a CUDA graph each small one
costs ~3 µs whatever it does.  These replace five of them and the per-step rope and mask set-up:

* ``rope_cache_write``: rotary embedding of q and k, and the new k and v rows written into the cache,
  in one kernel (was: rope bmm + index_copy_; plus ~15 kernels per step building the rope matrix);
* ``decode_attention``: split-K attention over the cache rows up to the position (flash-decoding): a
  partial kernel per (kv head, block of keys) and a combine kernel (was: baddbmm, softmax, bmm, mask);
* ``silu_mul``: SiLU(gate) * up in one kernel (was two), where cuBLAS does the GEMVs;
* ``gemv``: the one-row matrix products themselves, with their neighbours folded in: the RMSNorm
  before q/k/v and gate/up, SiLU*mul after gate/up, the residual add after o and down, the final norm
  before the LM head.  Faster than cuBLAS's GEMV on every decode shape measured (bench/gemv.py), and
  the whole layer is 7 kernels instead of 10.

On Hopper and later every kernel is launched with programmatic dependent launch (``PDL``): it may
start while the previous kernel finishes, a GEMV reading its first weight tile meanwhile, and waits
(griddepcontrol.wait) before it touches anything an earlier kernel writes.  In a CUDA graph this
removes most of the gap between kernels: H100, Qwen2-1.5B shape 1.63 -> 1.50 ms/token, GLM-4-9B shape
6.87 -> 6.40 ms/token (bench/results/decode-notes.md).

Rope is taken in its general linear form y_j = x_j C_j + x_{P_j} S_j, with the per-position vectors C
and S and the partner index P read off the model's own rope (``rope_tables``), so half-split,
interleaved and partial rotary all work.  Float32 models use IEEE dots (no TF32), so the fast path
keeps transformers' greedy tokens.  ``TRITON_INTERPRET=1`` runs these on the CPU (for checking).
"""

from __future__ import annotations

import torch

try:
    import triton
    import triton.language as tl
except ImportError:  # CPU-only installs: the torch kernels are used
    triton = None
    tl = None

BLOCK_N = 64  # keys per attention program
NATIVE_ATTENTION = True  # 16-bit caches: tensor-core dots (False: float32 dots, as for float32 models)
# Programmatic dependent launch (Hopper and later): each kernel may start while the previous one
# finishes, reading its weights meanwhile, and waits (griddepcontrol.wait) before it reads anything
# an earlier kernel writes and before it writes anything at all
PDL = True
# with PDL, 1: a GEMV reads its first weight tile before the wait, 0: after; None: per shape (see gemv_config)
GEMV_PREFETCH: int | None = None
_PDL_DEVICES: dict[int, bool] = {}


def _pdl(device: torch.device) -> bool:
    """Whether kernels on ``device`` are launched with programmatic dependent launch."""
    if not PDL or device.type != "cuda" or torch.version.hip is not None:  # NVIDIA only
        return False
    i = device.index if device.index is not None else torch.cuda.current_device()
    if i not in _PDL_DEVICES:
        _PDL_DEVICES[i] = torch.cuda.get_device_capability(i)[0] >= 9
    return _PDL_DEVICES[i]


def _pdl_args(t: torch.Tensor) -> dict:
    """The launch arguments of a kernel on t's device: GDC (its griddepcontrol calls) and launch_pdl."""
    on = _pdl(t.device)
    return {"GDC": on, "launch_pdl": on}


def available() -> bool:
    return triton is not None


def rope_tables(apply_rope, cos_tab: torch.Tensor, sin_tab: torch.Tensor, hd: int, chunk: int = 256):
    """(C, S, P) with rope(x)_j = x_j C[pos, j] + x[P_j] S[pos, j], or None where rope is not of
    that form.  C and S: [positions, hd] in the model dtype; P: [hd] int32."""
    n = cos_tab.shape[0]
    dev, dt = cos_tab.device, cos_tab.dtype

    def mats(lo, hi):
        eye = torch.eye(hd, dtype=dt, device=dev).view(1, 1, hd, hd).expand(hi - lo, 1, hd, hd)
        c = cos_tab[lo:hi].unsqueeze(1).expand(hi - lo, hd, cos_tab.shape[-1])
        s = sin_tab[lo:hi].unsqueeze(1).expand(hi - lo, hd, sin_tab.shape[-1])
        r, _ = apply_rope(eye, eye, c, s)
        return r.reshape(hi - lo, hd, hd)  # row i = rope(e_i): out_j = sum_i x_i R[i, j]

    probe = mats(1, min(n, 9)).float()
    off = probe.abs().amax(0) * (1 - torch.eye(hd, device=dev))  # [i, j], off-diagonal only
    counts = (off > 0).sum(0)
    if bool((counts > 1).any()):
        return None
    partner = torch.where(counts == 1, off.argmax(0), torch.arange(hd, device=dev))
    C = torch.empty(n, hd, dtype=dt, device=dev)
    S = torch.empty(n, hd, dtype=dt, device=dev)
    cols = torch.arange(hd, device=dev)
    for lo in range(0, n, chunk):
        hi = min(n, lo + chunk)
        r = mats(lo, hi)
        C[lo:hi] = r[:, cols, cols]
        S[lo:hi] = torch.where(counts == 1, r[:, partner, cols], torch.zeros((), dtype=dt, device=dev))
    return C.contiguous(), S.contiguous(), partner.to(torch.int32).contiguous()


if triton is not None:

    @triton.jit
    def _gdc_start(GDC: tl.constexpr):
        """Let the next kernel launch (its programs wait in _gdc_wait until this grid is done)."""
        if GDC:
            tl.extra.cuda.gdc_launch_dependents()

    @triton.jit
    def _gdc_wait(GDC: tl.constexpr):
        """Wait until the previous kernel has finished and its writes are visible.  Every program
        calls it, before any store and any load of what an earlier kernel wrote, so a grid completes
        only after its predecessor has, and the order of the whole chain holds."""
        if GDC:
            tl.extra.cuda.gdc_wait()

    @triton.jit
    def _rope_cache_kernel(qkv_ptr, b_ptr, c_ptr, s_ptr, p_ptr, pos_ptr, q_out_ptr, kv_ptr, cap,
                           NQ: tl.constexpr, NKV: tl.constexpr, HD: tl.constexpr, HAS_BIAS: tl.constexpr,
                           GDC: tl.constexpr):
        _gdc_start(GDC)
        _gdc_wait(GDC)
        h = tl.program_id(0)
        t = tl.program_id(1)  # token (row) of a short prefill; 0 when decoding
        d = tl.arange(0, HD)
        pos = tl.load(pos_ptr + t)
        qkv_ptr += t * (NQ + 2 * NKV) * HD
        q_out_ptr += t * NQ * HD
        x = tl.load(qkv_ptr + h * HD + d)
        if HAS_BIAS:  # the projection's bias, rounded as transformers' linear rounds it
            x = (x.to(tl.float32) + tl.load(b_ptr + h * HD + d).to(tl.float32)).to(qkv_ptr.dtype.element_ty)
        x = x.to(tl.float32)
        if h < NQ + NKV:
            c = tl.load(c_ptr + pos * HD + d).to(tl.float32)
            s = tl.load(s_ptr + pos * HD + d).to(tl.float32)
            p = tl.load(p_ptr + d)
            xp = tl.load(qkv_ptr + h * HD + p)
            if HAS_BIAS:
                xp = (xp.to(tl.float32) + tl.load(b_ptr + h * HD + p).to(tl.float32)).to(qkv_ptr.dtype.element_ty)
            y = x * c + xp.to(tl.float32) * s
        else:
            y = x
        if h < NQ:
            tl.store(q_out_ptr + h * HD + d, y.to(q_out_ptr.dtype.element_ty))
        else:
            j = h - NQ  # [k heads; v heads] = the cache's [2, kv_heads] order
            tl.store(kv_ptr + j * cap * HD + pos * HD + d, y.to(kv_ptr.dtype.element_ty))

    @triton.jit
    def _block_scores(q, k, live, scale, PREC: tl.constexpr, NATIVE: tl.constexpr):
        """One key block's softmax numerators for [MB] query rows: (p [MB, BN], row max m, row sum l), keys not
        ``live`` masked out.  NATIVE (a 16-bit cache): tensor-core dots with float32 accumulation, as torch's bmm
        does; else IEEE float32 dots."""
        if NATIVE:
            sc = tl.dot(q.to(k.dtype), tl.trans(k)) * scale  # [MB, BN] float32
        else:
            sc = tl.dot(q.to(tl.float32), tl.trans(k.to(tl.float32)), input_precision=PREC) * scale
        sc = tl.where(live, sc, float("-inf"))
        m = tl.max(sc, 1)
        m_safe = tl.where(m == float("-inf"), 0.0, m)
        p = tl.exp(sc - m_safe[:, None])
        return p, m, tl.sum(p, 1)

    @triton.jit
    def _block_pv(p, v, PREC: tl.constexpr, NATIVE: tl.constexpr):
        """p @ v in float32; NATIVE: the probabilities rounded to the cache dtype first, as transformers does."""
        if NATIVE:
            return tl.dot(p.to(v.dtype), v)
        return tl.dot(p, v.to(tl.float32), input_precision=PREC)

    @triton.jit
    def _attn_partial_kernel(q_ptr, kv_ptr, pos_ptr, po_ptr, pml_ptr, cap, nsplit, scale, T,
                             NKV: tl.constexpr, G: tl.constexpr, GP: tl.constexpr, HD: tl.constexpr,
                             BN: tl.constexpr, MB: tl.constexpr, PREC: tl.constexpr, NATIVE: tl.constexpr,
                             GDC: tl.constexpr):
        """One block of BN keys for MB query rows of one kv head: the G query heads of each of the T
        tokens (row r = token r // G, head r % G), each masked at its own token's position, so a short
        prefill reads each key block once for all its tokens."""
        _gdc_start(GDC)
        _gdc_wait(GDC)
        kh = tl.program_id(0)
        sp = tl.program_id(1)
        r = tl.program_id(2) * MB + tl.arange(0, MB)
        t = r // G
        gi = r % G
        rok = t < T
        pos = tl.load(pos_ptr + t, mask=rok, other=-1)  # [MB]; -1: no key is live for a pad row
        n = sp * BN + tl.arange(0, BN)
        d = tl.arange(0, HD)
        q = tl.load(q_ptr + (t * NKV * G + kh * G + gi)[:, None] * HD + d[None, :], mask=rok[:, None], other=0.0)
        live = n[None, :] <= pos[:, None]  # [MB, BN]
        kmask = n <= tl.max(pos, 0)
        k = tl.load(kv_ptr + kh * cap * HD + n[:, None] * HD + d[None, :], mask=kmask[:, None], other=0.0)
        p, m, l_sum = _block_scores(q, k, live, scale, PREC, NATIVE)
        v = tl.load(kv_ptr + (NKV + kh) * cap * HD + n[:, None] * HD + d[None, :], mask=kmask[:, None], other=0.0)
        acc = _block_pv(p, v, PREC, NATIVE)  # [MB, HD] float32
        row = ((t * NKV + kh) * nsplit + sp) * GP + gi  # the combine kernel's layout
        tl.store(po_ptr + row[:, None] * HD + d[None, :], acc, mask=rok[:, None])
        tl.store(pml_ptr + row * 2, m, mask=rok)
        tl.store(pml_ptr + row * 2 + 1, l_sum, mask=rok)

    @triton.jit
    def _attn_combine_kernel(po_ptr, pml_ptr, out_ptr, nsplit, NKV: tl.constexpr,
                             G: tl.constexpr, GP: tl.constexpr, HD: tl.constexpr, SP: tl.constexpr,
                             GDC: tl.constexpr):
        _gdc_start(GDC)
        _gdc_wait(GDC)
        kh = tl.program_id(0)
        g = tl.program_id(1)
        t = tl.program_id(2)
        out_ptr += t * NKV * G * HD
        sp = tl.arange(0, SP)
        d = tl.arange(0, HD)
        ok = sp < nsplit
        rows = ((t * NKV + kh) * nsplit + sp) * GP + g
        m = tl.load(pml_ptr + rows * 2, mask=ok, other=float("-inf"))
        l_sum = tl.load(pml_ptr + rows * 2 + 1, mask=ok, other=0.0)
        mx = tl.max(m, 0)
        w = tl.where(m == float("-inf"), 0.0, tl.exp(m - mx))
        o = tl.load(po_ptr + rows[:, None] * HD + d[None, :], mask=ok[:, None], other=0.0)
        o = tl.sum(w[:, None] * o, 0) / tl.sum(w * l_sum, 0)
        tl.store(out_ptr + (kh * G + g) * HD + d, o.to(out_ptr.dtype.element_ty))

    @triton.jit
    def _silu_mul_kernel(gu_ptr, out_ptr, N, BLOCK: tl.constexpr, GDC: tl.constexpr):
        _gdc_start(GDC)
        _gdc_wait(GDC)
        t = tl.program_id(1)
        gu_ptr += t * 2 * N
        out_ptr += t * N
        offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
        m = offs < N
        g = tl.load(gu_ptr + offs, mask=m).to(tl.float32)
        u = tl.load(gu_ptr + N + offs, mask=m).to(tl.float32)
        tl.store(out_ptr + offs, (g / (1.0 + tl.exp(-g)) * u).to(out_ptr.dtype.element_ty), mask=m)


    @triton.jit
    def _glu(gate, up, dt):
        """SiLU(gate) * up from float32 sums, each rounded to the model dtype where transformers
        rounds (the projections, then SiLU), so the fused kernels keep its greedy tokens."""
        gate = gate.to(dt).to(tl.float32)
        return (gate / (1.0 + tl.exp(-gate))).to(dt).to(tl.float32) * up.to(dt).to(tl.float32)

    @triton.jit
    def _x_tile(x_ptr, nw_ptr, ks, K, rstd, NORM: tl.constexpr, dt):
        """x[ks] in float32, RMS-normalised and rounded to the model dtype as F.rms_norm rounds."""
        kmask = ks < K
        xv = tl.load(x_ptr + ks, mask=kmask, other=0.0).to(tl.float32)
        if NORM:
            g = tl.load(nw_ptr + ks, mask=kmask, other=0.0).to(tl.float32)
            xv = (xv * rstd * g).to(dt).to(tl.float32)
        return xv

    @triton.jit
    def _gemv_kernel(x_ptr, w_ptr, out_ptr, nw_ptr, N, K, HALF, eps,
                     BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr, MODE: tl.constexpr,
                     GDC: tl.constexpr, PREFETCH: tl.constexpr):
        """out = W x for one input row, BN output rows per program, float32 accumulation.

        NORM: x is RMS-normalised first (statistics in float32, weight ``nw``, rounded to the model
        dtype as F.rms_norm rounds); every program recomputes the statistic from x (a few KB, in L2).
        MODE 0: out = W x; 1: out += W x (the residual, in place, one rounding as addmm_);
        2: out = SiLU(W[:HALF] x) * W[HALF:] x (gate/up; each rounded as transformers rounds them).
        GDC with PREFETCH: the first weight tile is read before waiting for the previous kernel (in
        registers: it pays where a program's whole row block is that tile, less or worse elsewhere)."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        rows = pid * BN + tl.arange(0, BN)
        rmask = rows < N
        kk = tl.arange(0, BK)
        dt = w_ptr.dtype.element_ty
        if PREFETCH == 1:
            m0 = rmask[:, None] & (kk < K)[None, :]
            w = tl.load(w_ptr + rows[:, None] * K + kk[None, :], mask=m0, other=0.0)
            if MODE == 2:
                w2 = tl.load(w_ptr + (rows + HALF)[:, None] * K + kk[None, :], mask=m0, other=0.0)
        _gdc_wait(GDC)
        rstd = 1.0
        if NORM:
            ss = tl.zeros([BK], dtype=tl.float32)
            for k0 in range(0, K, BK):
                xv = tl.load(x_ptr + k0 + kk, mask=k0 + kk < K, other=0.0).to(tl.float32)
                ss += xv * xv
            rstd = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)
        if PREFETCH == 1:
            xv = _x_tile(x_ptr, nw_ptr, kk, K, rstd, NORM, dt)
            acc = w.to(tl.float32) * xv[None, :]
            if MODE == 2:
                acc2 = w2.to(tl.float32) * xv[None, :]
            k_first = BK
        else:
            acc = tl.zeros([BN, BK], dtype=tl.float32)
            acc2 = tl.zeros([BN, BK], dtype=tl.float32)
            k_first = 0
        for k0 in range(k_first, K, BK):
            ks = k0 + kk
            xv = _x_tile(x_ptr, nw_ptr, ks, K, rstd, NORM, dt)
            m2 = rmask[:, None] & (ks < K)[None, :]
            w = tl.load(w_ptr + rows[:, None] * K + ks[None, :], mask=m2, other=0.0)
            acc += w.to(tl.float32) * xv[None, :]
            if MODE == 2:
                w2 = tl.load(w_ptr + (rows + HALF)[:, None] * K + ks[None, :], mask=m2, other=0.0)
                acc2 += w2.to(tl.float32) * xv[None, :]
        y = tl.sum(acc, 1)
        if MODE == 1:
            y += tl.load(out_ptr + rows, mask=rmask, other=0.0).to(tl.float32)
        if MODE == 2:
            y = _glu(y, tl.sum(acc2, 1), dt)
        tl.store(out_ptr + rows, y.to(out_ptr.dtype.element_ty), mask=rmask)

    @triton.jit
    def _dot(a, b, IEEE: tl.constexpr):
        if IEEE:  # float32 models: IEEE float32 dots, no TF32 rounding
            return tl.dot(a, b, input_precision="ieee")
        return tl.dot(a, b)

    @triton.jit
    def _xt_tile(x_ptr, nw_ptr, rm, mmask, ks, k_hi, K, rstd, NORM: tl.constexpr, dt):
        """x[rm, ks] transposed ([BK, BM]), RMS-normalised and rounded as in ``_x_tile``."""
        kmask = ks < k_hi
        xt = tl.load(x_ptr + rm[None, :] * K + ks[:, None], mask=mmask[None, :] & kmask[:, None], other=0.0)
        if NORM:
            g = tl.load(nw_ptr + ks, mask=kmask, other=0.0).to(tl.float32)
            xt = xt.to(tl.float32) * rstd[None, :] * g[:, None]
        return xt.to(dt)

    @triton.jit
    def _rows_kernel(x_ptr, w_ptr, out_ptr, nw_ptr, ws_ptr, M, N, K, HALF, KS, eps,
                     BM: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr, NORM: tl.constexpr,
                     MODE: tl.constexpr, IEEE: tl.constexpr, SPLIT: tl.constexpr, GDC: tl.constexpr):
        """``_gemv_kernel`` for up to BM input rows at once (a short prefill): the same fusions, each
        weight tile read once for all rows.  The product is taken transposed, out^T = W x^T, so the
        weight tile (BN rows) is the tensor-core M side and the few input rows the narrow N side
        (IEEE float32 dots for float32 models).  GDC: the first weight tile is read before waiting."""
        _gdc_start(GDC)
        pid = tl.program_id(0)
        rm = tl.arange(0, BM)
        rn = pid * BN + tl.arange(0, BN)
        kk = tl.arange(0, BK)
        mmask = rm < M
        nmask = rn < N
        dt = w_ptr.dtype.element_ty
        if SPLIT == 1:
            k_lo = 0
            k_hi = K
        else:  # split-K: this program's slice of K; partial sums go to the workspace
            k_lo = tl.program_id(1) * KS
            k_hi = tl.minimum(K, k_lo + KS)
        ks = k_lo + kk
        wmask = nmask[:, None] & (ks < k_hi)[None, :]
        w = tl.load(w_ptr + rn[:, None] * K + ks[None, :], mask=wmask, other=0.0)  # [BN, BK]
        if MODE == 2:
            w2 = tl.load(w_ptr + (rn + HALF)[:, None] * K + ks[None, :], mask=wmask, other=0.0)
        _gdc_wait(GDC)
        rstd = tl.full([BM], 1.0, tl.float32)
        if NORM:
            ss = tl.zeros([BK, BM], dtype=tl.float32)
            for k0 in range(0, K, BK):
                kx = k0 + kk
                xv = tl.load(x_ptr + rm[None, :] * K + kx[:, None], mask=mmask[None, :] & (kx < K)[:, None],
                             other=0.0).to(tl.float32)
                ss += xv * xv
            rstd = 1.0 / tl.sqrt(tl.sum(ss, 0) / K + eps)  # [BM]
        xt = _xt_tile(x_ptr, nw_ptr, rm, mmask, ks, k_hi, K, rstd, NORM, dt)
        acc = _dot(w, xt, IEEE)  # [BN, BM]
        if MODE == 2:
            acc2 = _dot(w2, xt, IEEE)
        for k0 in range(k_lo + BK, k_hi, BK):
            ks = k0 + kk
            xt = _xt_tile(x_ptr, nw_ptr, rm, mmask, ks, k_hi, K, rstd, NORM, dt)
            wmask = nmask[:, None] & (ks < k_hi)[None, :]
            w = tl.load(w_ptr + rn[:, None] * K + ks[None, :], mask=wmask, other=0.0)
            acc += _dot(w, xt, IEEE)
            if MODE == 2:
                w2 = tl.load(w_ptr + (rn + HALF)[:, None] * K + ks[None, :], mask=wmask, other=0.0)
                acc2 += _dot(w2, xt, IEEE)
        offs = rm[None, :] * N + rn[:, None]  # [BN, BM], out is [M, N]
        omask = mmask[None, :] & nmask[:, None]
        if SPLIT > 1:
            part = tl.program_id(1) * M * N
            tl.store(ws_ptr + part + offs, acc, mask=omask)
            if MODE == 2:
                tl.store(ws_ptr + SPLIT * M * N + part + offs, acc2, mask=omask)
        else:
            y = acc
            if MODE == 1:
                y += tl.load(out_ptr + offs, mask=omask, other=0.0).to(tl.float32)
            if MODE == 2:
                y = _glu(acc, acc2, dt)
            tl.store(out_ptr + offs, y.to(out_ptr.dtype.element_ty), mask=omask)


    @triton.jit
    def _rows_finish_kernel(ws_ptr, out_ptr, MN, SPLIT: tl.constexpr, MODE: tl.constexpr, BLOCK: tl.constexpr,
                            GDC: tl.constexpr):
        """Sum the split-K partials of ``_rows_kernel`` and apply its epilogue."""
        _gdc_start(GDC)
        _gdc_wait(GDC)
        offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
        m = offs < MN
        dt = out_ptr.dtype.element_ty
        y = tl.zeros([BLOCK], dtype=tl.float32)
        for sp in range(SPLIT):
            y += tl.load(ws_ptr + sp * MN + offs, mask=m, other=0.0)
        if MODE == 1:
            y += tl.load(out_ptr + offs, mask=m, other=0.0).to(tl.float32)
        if MODE == 2:
            y2 = tl.zeros([BLOCK], dtype=tl.float32)
            for sp in range(SPLIT):
                y2 += tl.load(ws_ptr + (SPLIT + sp) * MN + offs, mask=m, other=0.0)
            y = _glu(y, y2, dt)
        tl.store(out_ptr + offs, y.to(dt), mask=m)


def supported(hd: int, group: int) -> bool:
    pow2 = hd >= 16 and hd & (hd - 1) == 0
    return available() and pow2 and group <= 64


def rope_cache_write(qkv, bias, C, S, P, pos, kv_layer, n_q: int, n_kv: int, hd: int) -> torch.Tensor:
    """qkv: [T, (n_q + 2 n_kv) hd] (contiguous) without its bias (``bias`` or None is added here) for
    the tokens at positions ``pos`` ([T]); writes their k, v into kv_layer ([2, n_kv, cap, hd]) and
    returns the rotated q ([T, n_q * hd])."""
    T = qkv.shape[0]
    q = torch.empty(T, n_q * hd, dtype=qkv.dtype, device=qkv.device)
    _rope_cache_kernel[(n_q + 2 * n_kv, T)](qkv, bias if bias is not None else qkv, C, S, P, pos, q, kv_layer,
                                          kv_layer.shape[2], NQ=n_q, NKV=n_kv, HD=hd, HAS_BIAS=bias is not None,
                                          **_pdl_args(qkv))
    return q


def decode_attention(q, kv_layer, pos, L: int, group: int, scale: float) -> torch.Tensor:
    """q: [T, n_q * hd] rotated, the tokens at positions ``pos`` ([T]); token t attends over cache rows
    [0, pos[t]] (of the first L); returns [T, n_q * hd]."""
    T = q.shape[0] if q.dim() == 2 else 1
    _, n_kv, cap, hd = kv_layer.shape
    nsplit = triton.cdiv(L, BLOCK_N)
    gp = max(16, triton.next_power_of_2(group))
    po = torch.empty(T * n_kv * nsplit * gp * hd, dtype=torch.float32, device=q.device)
    pml = torch.empty(T * n_kv * nsplit * gp * 2, dtype=torch.float32, device=q.device)
    prec = "ieee"  # float32 caches: IEEE float32 dots (no TF32 rounding: greedy tokens stay transformers')
    native = NATIVE_ATTENTION and kv_layer.dtype in (torch.float16, torch.bfloat16)
    # query rows per program: a token's heads when decoding (as many programs as before), up to 64
    # rows of several tokens in a short prefill
    mb = gp if T == 1 else min(64, max(gp, triton.next_power_of_2(T * group)))
    _attn_partial_kernel[(n_kv, nsplit, triton.cdiv(T * group, mb))](
        q, kv_layer, pos, po, pml, cap, nsplit, scale, T, NKV=n_kv, G=group, GP=gp, HD=hd, BN=BLOCK_N, MB=mb,
        PREC=prec, NATIVE=native, **_pdl_args(q))
    out = torch.empty(T, n_kv * group * hd, dtype=q.dtype, device=q.device)
    _attn_combine_kernel[(n_kv, group, T)](po, pml, out, nsplit, NKV=n_kv, G=group, GP=gp, HD=hd,
                                        SP=max(2, triton.next_power_of_2(nsplit)), **_pdl_args(q))
    return out


def silu_mul(gu: torch.Tensor) -> torch.Tensor:
    """gu: [T, 2 I] (contiguous), each row [gate; up] -> [T, I]."""
    T, n = gu.shape[0], gu.shape[-1] // 2
    out = torch.empty(T, n, dtype=gu.dtype, device=gu.device)
    block = 1024
    _silu_mul_kernel[(triton.cdiv(n, block), T)](gu, out, n, BLOCK=block, **_pdl_args(gu))
    return out


# (BN, BK, warps[, prefetch]) per (output width, K), the fastest of the bench/gemv.py candidates on the
# lent H100 for the Qwen2-1.5B and GLM-4-9B shapes; other shapes use the rule below.  Without PDL
# (bench/results/gemv-h100.json: GPUs before Hopper) and with it (gemv-h100-pdl.json: each GEMV reading
# its first weight tile while the previous kernel finishes, which favours long rows, BK 2048).
GEMV_CONFIGS: dict[tuple[int, int], tuple[int, ...]] = {
    (2048, 1536): (8, 2048, 8), (1536, 1536): (2, 2048, 8), (8960, 1536): (2, 512, 4), (1536, 8960): (2, 2048, 8),
    (151936, 1536): (4, 512, 4),
    (4608, 4096): (8, 1024, 4), (4096, 4096): (8, 2048, 4), (13696, 4096): (2, 512, 4), (4096, 13696): (8, 2048, 4),
    (151552, 4096): (4, 512, 4),
}
GEMV_CONFIGS_PDL: dict[tuple[int, int], tuple[int, ...]] = {
    (2048, 1536): (8, 2048, 4, 1), (1536, 1536): (4, 2048, 4, 1), (8960, 1536): (2, 2048, 4, 1),
    (1536, 8960): (8, 2048, 8, 1), (151936, 1536): (4, 512, 4, 1),
    (4608, 4096): (2, 2048, 8, 1), (4096, 4096): (8, 1024, 4, 1), (13696, 4096): (2, 2048, 4, 1),
    (4096, 13696): (8, 2048, 8, 1), (151552, 4096): (4, 2048, 4, 1),
}


def gemv_table(pdl: bool) -> dict[tuple[int, int], tuple[int, ...]]:
    return GEMV_CONFIGS_PDL if pdl else GEMV_CONFIGS


def gemv_config(n: int, k: int, mode: str = "plain", pdl: bool = False) -> tuple[int, int, int, int]:
    """(BN, BK, warps, prefetch) for an N x K product: the table's, else the rule's."""
    return _with_prefetch(gemv_table(pdl).get((n, k)) or _gemv_rule(n, k, mode, pdl), k, pdl)


def _with_prefetch(cfg: tuple[int, ...], k: int, pdl: bool) -> tuple[int, int, int, int]:
    """A config without its prefetch flag gets 1 where PDL is on and a program's rows are one tile."""
    bn, bk, warps, *rest = cfg
    return bn, bk, warps, rest[0] if rest else int(pdl and k <= bk)


def _gemv_rule(n: int, k: int, mode: str, pdl: bool) -> tuple[int, int, int]:
    """What the measurements favour: gate/up (two tiles per program) 2 x 512 (2 x 2048 with PDL); very
    wide outputs (the LM head) 4 x 512; the rest long rows (BK up to 2048) with at least ~512 programs."""
    bk = min(2048 if pdl else 512, triton.next_power_of_2(k))
    if mode == "glu":
        return 2, bk, 4
    if n >= 65536:
        return 4, bk, 4
    bn = 8
    while bn > 1 and n // bn < 512:
        bn //= 2
    return bn, min(2048, triton.next_power_of_2(k)), 8 if bn <= 2 else 4


_MODES = {"plain": 0, "residual": 1, "glu": 2}


def _operands(x, w, norm, out, mode: str):
    """(output width, K, the output tensor, norm weight, eps) for ``gemv`` and ``rows_matmul``: "glu"
    weights are [gate; up], "residual" adds into the given ``out``, others get a new [rows, N]."""
    n_rows, k = w.shape
    n = n_rows // 2 if mode == "glu" else n_rows
    if out is None:
        if mode == "residual":
            raise ValueError("residual mode needs out")
        out = torch.empty(x.shape[0], n, dtype=x.dtype, device=x.device)
    nw, eps = norm if norm is not None else (w, 0.0)
    return n, k, out, nw, eps


def gemv(x: torch.Tensor, w: torch.Tensor, *, norm=None, out: torch.Tensor | None = None, mode: str = "plain",
         config: tuple[int, ...] | None = None) -> torch.Tensor:
    """One-row matrix-vector product with its neighbours fused in (see ``_gemv_kernel``).

    x: [1, K]; w: [N, K] contiguous; norm: (weight, eps) of an RMSNorm applied to x first, or None.
    "plain" returns [1, N]; "residual" adds W x into ``out`` ([1, N]) in place and returns it;
    "glu" takes w = [gate; up] ([2 I, K]) and returns SiLU(gate x) * (up x) ([1, I]).
    config: (BN, BK, warps[, prefetch]), else ``gemv_config``'s."""
    n, k, out, nw, eps = _operands(x, w, norm, out, mode)
    pdl = _pdl(x.device)
    bn, bk, warps, prefetch = _with_prefetch(config, k, pdl) if config else gemv_config(n, k, mode, pdl)
    if GEMV_PREFETCH is not None:
        prefetch = GEMV_PREFETCH
    _gemv_kernel[(triton.cdiv(n, bn),)](x, w, out, nw, n, k, n, float(eps), BN=bn, BK=bk,
                                        NORM=norm is not None, MODE=_MODES[mode], num_warps=warps, GDC=pdl,
                                        PREFETCH=prefetch if pdl else 0, launch_pdl=pdl)
    return out


# (BM, BN, BK, warps, K splits, pipeline stages) of the short-prefill products: a rule below and, per
# (output width, K), the fastest of the bench/gemv.py --rows 16 sweep on the lent H100 with PDL
# (bench/results/rows-h100-1.5b-pdl.json: Qwen2-1.5B shapes)
ROWS_CONFIGS: dict[tuple[int, int], tuple[int, ...]] = {
    (2048, 1536): (16, 32, 256, 4, 2, 3), (1536, 1536): (16, 32, 64, 4, 4, 4), (8960, 1536): (16, 64, 64, 4, 1, 4),
    (1536, 8960): (16, 64, 128, 4, 8, 3),
}
ROWS_CONFIG: tuple[int, ...] | None = None  # one config for every shape (bench variants), else the rule


def rows_config(n: int, k: int) -> tuple[int, ...]:
    """64 weight rows a program (the smallest Hopper tensor-core M), and enough K splits for about two
    programs per SM on narrow outputs."""
    if ROWS_CONFIG is not None:
        return ROWS_CONFIG
    cfg = ROWS_CONFIGS.get((n, k))
    if cfg is not None:
        return cfg
    bn, bk = 64, 128
    split = 1
    while triton.cdiv(n, bn) * split < 256 and triton.cdiv(k, bk * split * 2) >= 2:
        split *= 2
    return 16, bn, bk, 4, split, 3


def rows_matmul(x: torch.Tensor, w: torch.Tensor, *, norm=None, out: torch.Tensor | None = None,
                mode: str = "plain", config: tuple[int, ...] | None = None) -> torch.Tensor:
    """``gemv`` for x of T <= 16 rows ([T, K], contiguous): "plain" [T, N], "residual" into ``out``
    ([T, N]) in place, "glu" [T, I].  With K splits > 1, partial products go to a float32 workspace
    and a second kernel sums them and applies the epilogue (more programs for narrow outputs)."""
    T = x.shape[0]
    n, k, out, nw, eps = _operands(x, w, norm, out, mode)
    bm, bn, bk, warps, *rest = config or rows_config(n, k)
    if T > bm:
        raise ValueError(f"{T} rows: at most {bm}")
    split = max(1, min(rest[0] if rest else 1, triton.cdiv(k, bk)))
    stages = rest[1] if len(rest) > 1 else 3
    ks = triton.cdiv(triton.cdiv(k, split), bk) * bk
    ws = torch.empty((2 if mode == "glu" else 1) * split * T * n if split > 1 else 1, dtype=torch.float32,
                     device=x.device)
    _rows_kernel[(triton.cdiv(n, bn), split)](x, w, out, nw, ws, T, n, k, n, ks, float(eps), BM=bm, BN=bn, BK=bk,
                                              NORM=norm is not None, MODE=_MODES[mode],
                                              IEEE=w.dtype == torch.float32, SPLIT=split, num_warps=warps,
                                              num_stages=stages, **_pdl_args(x))
    if split > 1:
        block = 1024
        _rows_finish_kernel[(triton.cdiv(T * n, block),)](ws, out, T * n, SPLIT=split, MODE=_MODES[mode],
                                                          BLOCK=block, **_pdl_args(x))
    return out
