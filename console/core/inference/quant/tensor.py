"""The packed weight layout, round-to-nearest quantization, dequantization and ``QuantLinear``.

Layout (one row per output channel, so rows of several matrices concatenate into one, as the fast
path packs q/k/v and gate/up):

* int8: ``q`` int8 ``[N, Kp]``, w = q * s; ``scales`` float32 ``[N]`` (``group == 0``: one scale per
  output channel) or ``[N, Kp / group]`` (GGUF Q8_0: groups of 32);
* int4: ``q`` uint8 ``[N, Kp / 2]``, two values a byte, element 2j in the low nibble and 2j + 1 in the
  high one; w = (u - z) * s for the nibble u in 0..15, ``scales`` float16 ``[N, Kp / group]``, z = 8
  (symmetric; GGUF Q4_0 and GPTQ sym) or ``zeros`` float16 ``[N, Kp / group]`` (with zero points).

Kp is K rounded up to the group size (per channel: to 16); the padding columns hold zero weights
(and the kernels read x as zero there).  Pure torch, any device; the Triton kernels live in ``kernels``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
import torch.nn.functional as F

BITS = (8, 4)
GROUPS = (32, 64, 128)  # int4 group sizes the kernels take (int8: 0 = per channel, or these)


@dataclass
class QWeight:
    q: torch.Tensor
    scales: torch.Tensor
    zeros: torch.Tensor | None
    bits: int
    group: int  # 0: one scale per output channel (int8 only)
    k: int  # in_features (Kp may be larger)

    @property
    def n(self) -> int:
        return self.q.shape[0]

    @property
    def kp(self) -> int:
        return self.q.shape[1] * (2 if self.bits == 4 else 1)

    @property
    def device(self) -> torch.device:
        return self.q.device

    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in (self.q, self.scales, self.zeros) if t is not None)

    def rows(self, lo: int, hi: int) -> "QWeight":
        """Output rows [lo, hi) as views."""
        z = self.zeros[lo:hi] if self.zeros is not None else None
        return QWeight(self.q[lo:hi], self.scales[lo:hi], z, self.bits, self.group, self.k)


def _check(bits: int, group: int, k: int) -> None:
    if bits not in BITS:
        raise ValueError(f"{bits}-bit weights: only 8 and 4 are supported")
    if bits == 4 and group not in GROUPS:
        raise ValueError(f"int4 group size {group}: use one of {GROUPS}")
    if bits == 8 and group not in (0, *GROUPS):
        raise ValueError(f"int8 group size {group}: use 0 (per channel) or one of {GROUPS}")


def _padded(k: int, group: int) -> int:
    """K rounded up to the group (per channel: to 16, so a row is whole 32-bit words, 16-byte aligned)."""
    return -(-k // (group or 16)) * (group or 16)


def pack_nibbles(u: torch.Tensor) -> torch.Tensor:
    """[N, 2m] values 0..15 (any int dtype) -> [N, m] uint8: element 2j low nibble, 2j+1 high."""
    u = u.to(torch.uint8)
    return u[:, 0::2] | (u[:, 1::2] << 4)


def unpack_nibbles(q: torch.Tensor) -> torch.Tensor:
    """[N, m] uint8 -> [N, 2m] uint8 values 0..15 (the inverse of ``pack_nibbles``)."""
    return torch.stack([q & 15, q >> 4], dim=-1).reshape(q.shape[0], -1)


@torch.no_grad()
def quantize(w: torch.Tensor, bits: int, group: int = 128, zero_point: bool = False) -> QWeight:
    """Round-to-nearest weight-only quantization of ``w`` ([N, K], any float dtype, any device).

    int8: symmetric, scale = absmax / 127 per output channel (``group`` 0) or per group; int4:
    scale = absmax / 7 per group of ``group`` inputs (symmetric, z = 8), or with ``zero_point``
    min/max mapped onto 0..15 (z = round(-min / s))."""
    if bits == 8 and group == 128 and not zero_point:
        group = 0  # the int8 default: per channel
    _check(bits, group, w.shape[1])
    if zero_point and bits != 4:
        raise ValueError("zero points: int4 only")
    n, k = w.shape
    kp = _padded(k, group)
    wf = w.float()
    if kp != k:
        wf = F.pad(wf, (0, kp - k))
    if bits == 8:
        if group == 0:
            s = (wf.abs().amax(dim=1) / 127).clamp_min(1e-10)
            q = torch.round(wf / s[:, None]).clamp_(-127, 127).to(torch.int8)
            return QWeight(q.contiguous(), s.contiguous(), None, 8, 0, k)
        g = wf.view(n, kp // group, group)
        s = (g.abs().amax(dim=2) / 127).clamp_min(1e-10)
        q = torch.round(g / s[..., None]).clamp_(-127, 127).to(torch.int8).view(n, kp)
        return QWeight(q.contiguous(), s.float().contiguous(), None, 8, group, k)
    g = wf.view(n, kp // group, group)
    if zero_point:
        lo = g.amin(dim=2).clamp(max=0)
        hi = g.amax(dim=2).clamp(min=0)
        s = ((hi - lo) / 15).clamp_min(1e-10).half().float()
        z = torch.round(-lo / s).clamp_(0, 15)
        u = torch.round(g / s[..., None] + z[..., None]).clamp_(0, 15)
        zeros = z.half().contiguous()
    else:
        s = (g.abs().amax(dim=2) / 7).clamp_min(1e-10).half().float()
        u = torch.round(g / s[..., None] + 8).clamp_(0, 15)
        zeros = None
    q = pack_nibbles(u.view(n, kp))
    return QWeight(q.contiguous(), s.half().contiguous(), zeros, 4, group, k)


def dequantize(qw: QWeight, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """[N, K] in ``dtype``: (float32 arithmetic, one rounding at the end)."""
    n = qw.n
    if qw.bits == 8:
        v = qw.q.float()
    else:
        v = unpack_nibbles(qw.q).float()
    if qw.group == 0:
        w = v * qw.scales.float()[:, None]
    else:
        g = v.view(n, -1, qw.group)
        if qw.bits == 4:
            z = qw.zeros.float()[..., None] if qw.zeros is not None else 8.0
            g = g - z
        w = (g * qw.scales.float()[..., None]).view(n, -1)
    return w[:, : qw.k].to(dtype)


def cat_rows(parts: list[QWeight]) -> QWeight:
    """Several matrices on the same input as one (rows concatenated)."""
    a = parts[0]
    if any((p.bits, p.group, p.k, p.zeros is None) != (a.bits, a.group, a.k, a.zeros is None) for p in parts):
        raise ValueError("cannot pack matrices of different quantization formats into one")
    z = torch.cat([p.zeros for p in parts]) if a.zeros is not None else None
    return QWeight(torch.cat([p.q for p in parts]), torch.cat([p.scales for p in parts]), z, a.bits, a.group, a.k)


class QuantLinear(torch.nn.Module):
    """``nn.Linear`` with weight-only quantized weights (``QWeight`` in buffers; the bias stays in
    the model dtype).  forward: on CUDA with Triton, one row through the GEMV kernel and more rows
    through a dequantized copy and cuBLAS; elsewhere (CPU) dequantize, then ``F.linear``."""

    def __init__(self, qw: QWeight, bias: torch.Tensor | None = None) -> None:
        super().__init__()
        self.in_features = qw.k
        self.out_features = qw.n
        self.bits = qw.bits
        self.group = qw.group
        self.register_buffer("qweight", qw.q)
        self.register_buffer("scales", qw.scales)
        self.register_buffer("qzeros", qw.zeros)
        self.bias = torch.nn.Parameter(bias, requires_grad=False) if bias is not None else None

    @classmethod
    def from_linear(cls, lin: torch.nn.Linear, bits: int, group: int = 128, device=None,
                    zero_point: bool = False) -> "QuantLinear":
        w = lin.weight.data.to(device) if device is not None else lin.weight.data
        bias = lin.bias.data.to(device) if lin.bias is not None and device is not None else (
            lin.bias.data if lin.bias is not None else None)
        return cls(quantize(w, bits, group, zero_point), bias)

    def qw(self) -> QWeight:
        return QWeight(self.qweight, self.scales, self.qzeros, self.bits, self.group, self.in_features)

    def set_qw(self, qw: QWeight) -> None:
        """Point the buffers at ``qw``'s tensors (views of a packed matrix)."""
        self.qweight, self.scales, self.qzeros = qw.q, qw.scales, qw.zeros

    @property
    def weight(self) -> torch.Tensor:
        """The dequantized weight (a new tensor; for code that only reads it)."""
        dt = self.bias.dtype if self.bias is not None else torch.bfloat16 if self.qweight.is_cuda else torch.float32
        return dequantize(self.qw(), dt)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.is_cuda:
            from console.core.inference.quant import kernels

            if kernels.available():
                y = kernels.linear(x.reshape(-1, x.shape[-1]), self.qw())
                y = y.view(*x.shape[:-1], self.out_features)
                return y if self.bias is None else y + self.bias
        return F.linear(x, dequantize(self.qw(), x.dtype), self.bias)

    def extra_repr(self) -> str:
        g = "per channel" if self.group == 0 else f"group {self.group}"
        zp = ", zero points" if self.qzeros is not None else ""
        return f"in_features={self.in_features}, out_features={self.out_features}, int{self.bits}, {g}{zp}"
