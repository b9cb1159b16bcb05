"""Triton kernels for the fast decode step (one token, CUDA): fewer, fused kernels per layer.

With torch ops a decode layer is 4 GEMVs plus 9 small kernels, and in a CUDA graph each small one
costs ~3 µs whatever it does.  These replace five of them and the per-step rope and mask set-up:

* ``rope_cache_write``: rotary embedding of q and k, and the new k and v rows written into the cache,
  in one kernel (was: rope bmm + index_copy_; plus ~15 kernels per step building the rope matrix);
* ``decode_attention``: split-K attention over the cache rows up to the position (flash-decoding): a
  partial kernel per (kv head, block of keys) and a combine kernel (was: baddbmm, softmax, bmm, mask);
* ``silu_mul``: SiLU(gate) * up in one kernel (was two).

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
    def _rope_cache_kernel(qkv_ptr, b_ptr, c_ptr, s_ptr, p_ptr, pos_ptr, q_out_ptr, kv_ptr, cap,
                           NQ: tl.constexpr, NKV: tl.constexpr, HD: tl.constexpr, HAS_BIAS: tl.constexpr):
        h = tl.program_id(0)
        d = tl.arange(0, HD)
        pos = tl.load(pos_ptr)
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
    def _attn_partial_kernel(q_ptr, kv_ptr, pos_ptr, po_ptr, pml_ptr, cap, nsplit, scale,
                             NKV: tl.constexpr, G: tl.constexpr, GP: tl.constexpr, HD: tl.constexpr,
                             BN: tl.constexpr, PREC: tl.constexpr):
        kh = tl.program_id(0)
        sp = tl.program_id(1)
        pos = tl.load(pos_ptr)
        n = sp * BN + tl.arange(0, BN)
        gi = tl.arange(0, GP)
        d = tl.arange(0, HD)
        q = tl.load(q_ptr + (kh * G + gi)[:, None] * HD + d[None, :], mask=(gi < G)[:, None], other=0.0)
        q = q.to(tl.float32)
        live = n <= pos
        k = tl.load(kv_ptr + kh * cap * HD + n[:, None] * HD + d[None, :], mask=live[:, None], other=0.0)
        k = k.to(tl.float32)
        sc = tl.dot(q, tl.trans(k), input_precision=PREC) * scale  # [GP, BN] float32
        sc = tl.where(live[None, :], sc, float("-inf"))
        m = tl.max(sc, 1)
        m_safe = tl.where(m == float("-inf"), 0.0, m)
        p = tl.exp(sc - m_safe[:, None])
        l_sum = tl.sum(p, 1)
        v = tl.load(kv_ptr + (NKV + kh) * cap * HD + n[:, None] * HD + d[None, :], mask=live[:, None], other=0.0)
        acc = tl.dot(p, v.to(tl.float32), input_precision=PREC)  # [GP, HD]
        base = (kh * nsplit + sp) * GP
        tl.store(po_ptr + (base + gi)[:, None] * HD + d[None, :], acc)
        tl.store(pml_ptr + (base + gi) * 2, m)
        tl.store(pml_ptr + (base + gi) * 2 + 1, l_sum)

    @triton.jit
    def _attn_combine_kernel(po_ptr, pml_ptr, out_ptr, nsplit,
                             G: tl.constexpr, GP: tl.constexpr, HD: tl.constexpr, SP: tl.constexpr):
        kh = tl.program_id(0)
        g = tl.program_id(1)
        sp = tl.arange(0, SP)
        d = tl.arange(0, HD)
        ok = sp < nsplit
        rows = (kh * nsplit + sp) * GP + g
        m = tl.load(pml_ptr + rows * 2, mask=ok, other=float("-inf"))
        l_sum = tl.load(pml_ptr + rows * 2 + 1, mask=ok, other=0.0)
        mx = tl.max(m, 0)
        w = tl.where(m == float("-inf"), 0.0, tl.exp(m - mx))
        o = tl.load(po_ptr + rows[:, None] * HD + d[None, :], mask=ok[:, None], other=0.0)
        o = tl.sum(w[:, None] * o, 0) / tl.sum(w * l_sum, 0)
        tl.store(out_ptr + (kh * G + g) * HD + d, o.to(out_ptr.dtype.element_ty))

    @triton.jit
    def _silu_mul_kernel(gu_ptr, out_ptr, N, BLOCK: tl.constexpr):
        offs = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
        m = offs < N
        g = tl.load(gu_ptr + offs, mask=m).to(tl.float32)
        u = tl.load(gu_ptr + N + offs, mask=m).to(tl.float32)
        tl.store(out_ptr + offs, (g / (1.0 + tl.exp(-g)) * u).to(out_ptr.dtype.element_ty), mask=m)


def supported(hd: int, group: int) -> bool:
    pow2 = hd >= 16 and hd & (hd - 1) == 0
    return available() and pow2 and group <= 64


def rope_cache_write(qkv, bias, C, S, P, pos, kv_layer, n_q: int, n_kv: int, hd: int) -> torch.Tensor:
    """qkv: [1, (n_q + 2 n_kv) hd] without its bias (``bias`` or None is added here); writes k, v at
    ``pos`` into kv_layer ([2, n_kv, cap, hd]); returns the rotated q ([n_q * hd])."""
    q = torch.empty(n_q * hd, dtype=qkv.dtype, device=qkv.device)
    _rope_cache_kernel[(n_q + 2 * n_kv,)](qkv, bias if bias is not None else qkv, C, S, P, pos, q, kv_layer,
                                          kv_layer.shape[2], NQ=n_q, NKV=n_kv, HD=hd, HAS_BIAS=bias is not None)
    return q


def decode_attention(q, kv_layer, pos, L: int, group: int, scale: float) -> torch.Tensor:
    """q: [n_q * hd] rotated; attends over cache rows [0, pos] (of the first L); returns [1, n_q * hd]."""
    _, n_kv, cap, hd = kv_layer.shape
    nsplit = triton.cdiv(L, BLOCK_N)
    gp = max(16, triton.next_power_of_2(group))
    po = torch.empty(n_kv * nsplit * gp * hd, dtype=torch.float32, device=q.device)
    pml = torch.empty(n_kv * nsplit * gp * 2, dtype=torch.float32, device=q.device)
    prec = "ieee"  # float32 dots, also for bf16 caches: tiny here, and no TF32 rounding
    _attn_partial_kernel[(n_kv, nsplit)](q, kv_layer, pos, po, pml, cap, nsplit, scale,
                                         NKV=n_kv, G=group, GP=gp, HD=hd, BN=BLOCK_N, PREC=prec)
    out = torch.empty(1, n_kv * group * hd, dtype=q.dtype, device=q.device)
    _attn_combine_kernel[(n_kv, group)](po, pml, out, nsplit, G=group, GP=gp, HD=hd,
                                        SP=max(2, triton.next_power_of_2(nsplit)))
    return out


def silu_mul(gu: torch.Tensor) -> torch.Tensor:
    """gu: [1, 2 I] as [gate; up] -> [1, I]."""
    n = gu.shape[-1] // 2
    out = torch.empty(1, n, dtype=gu.dtype, device=gu.device)
    block = 1024
    _silu_mul_kernel[(triton.cdiv(n, block),)](gu, out, n, BLOCK=block)
    return out
