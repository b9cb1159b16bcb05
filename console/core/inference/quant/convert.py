"""Turn a loaded model's linear layers into ``QuantLinear``s: quantized at load time from its bf16
weights (round-to-nearest), or repacked from a GGUF file's Q8_0 / Q4_0 / Q4_1 blocks.

Embeddings and the LM head stay in the model dtype (the LM head is one GEMV a token over the vocab:
for Qwen2-1.5B 0.47 GB of 1.8 GB read a token in int4; see docs/QUANTIZATION.md).  Layers are
quantized one at a time on ``device``, so a model loaded on the CPU reaches the GPU already packed
(peak GPU memory: the quantized model plus one bf16 layer).  Runs on the model worker's thread.
"""

from __future__ import annotations

import logging
from typing import Callable

import numpy as np
import torch

from console.core.inference.quant.tensor import QuantLinear, QWeight, pack_nibbles, quantize

log = logging.getLogger(__name__)

SKIP = ("lm_head",)  # module names (last part) kept in the model dtype
SCHEMES = {"int8": (8, 0), "int4": (4, 128)}


def _linears(model) -> list[tuple[torch.nn.Module, str, str]]:
    """(parent, attribute, full name) of every plain nn.Linear except SKIP."""
    out = []
    for pname, parent in model.named_modules():
        for cname, child in parent.named_children():
            if type(child) is torch.nn.Linear and cname not in SKIP:
                out.append((parent, cname, f"{pname}.{cname}" if pname else cname))
    return out


@torch.no_grad()
def quantize_model(model, scheme: str = "int4", device=None, group: int | None = None, zero_point: bool = False,
                   progress: Callable[[float], None] | None = None) -> dict:
    """Quantize ``model``'s linear layers in place (``scheme`` "int8": per channel, "int4": groups
    of ``group`` or 128) and move the whole model to ``device`` (default: where it is).  Returns
    {"layers", "quantized_bytes", "kept_bytes"}."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}: use one of {sorted(SCHEMES)}")
    bits, g = SCHEMES[scheme]
    if group is not None:
        g = group
    todo = _linears(model)
    qbytes = 0
    for i, (parent, name, _) in enumerate(todo):
        lin = getattr(parent, name)
        ql = QuantLinear.from_linear(lin, bits, g, device=device, zero_point=zero_point)
        setattr(parent, name, ql)
        qbytes += ql.qw().nbytes()
        del lin
        if progress is not None:
            progress((i + 1) / max(1, len(todo)))
    if device is not None:
        model.to(device)
    kept = sum(p.numel() * p.element_size() for p in {p.data_ptr(): p for p in model.parameters()}.values())
    model.config.console_quantization = {"scheme": scheme, "bits": bits, "group": g, "zero_point": zero_point}
    log.info("quantized %d linear layers to %s: %.2f GB, %.2f GB kept in %s", len(todo), scheme, qbytes / 1e9,
             kept / 1e9, next(model.parameters()).dtype)
    return {"layers": len(todo), "quantized_bytes": qbytes, "kept_bytes": kept}


# -- GGUF blocks ---------------------------------------------------------------------------------
# ggml block layouts (ggml-common.h), 32 weights a block:
#   Q8_0: fp16 d, 32 x int8 q            w = d q
#   Q4_0: fp16 d, 16 bytes               w = d (u - 8), u = low nibbles (elements 0..15), high (16..31)
#   Q4_1: fp16 d, fp16 m, 16 bytes       w = d u + m
# and the K-quant Q4_K, super-blocks of 256 weights (144 bytes): fp16 d, fp16 dmin, 12 bytes of eight
# 6-bit scales sc[j] and mins m[j] (bytes 0-3: sc[0..3] low 6 bits, sc[4..7] bits 4-5 on top; 4-7: the
# same for m; 8-11: sc[4..7] low nibble, m[4..7] high nibble), 128 bytes of nibbles in 4 chunks of
# 32 bytes (chunk c: low nibbles are sub-block 2c, high nibbles sub-block 2c + 1).  Sub-block j of 32:
# w = d sc[j] u - dmin m[j] = s (u - z) with s = d sc[j], z = dmin m[j] / s (float32 both: exact up
# to one rounding of z).  Other K-quants (Q5_K, Q6_K, ...) are re-quantized.
GGUF_BLOCK = 32
GGUF_TYPES = {"Q8_0": 34, "Q4_0": 18, "Q4_1": 20, "Q4_K": 144}  # bytes a block
GGUF_BLOCK_WEIGHTS = {"Q8_0": 32, "Q4_0": 32, "Q4_1": 32, "Q4_K": 256}  # weights a block


def q4k_scale_min(sc_bytes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[..., 12] uint8 -> (sc, m), each [..., 8] in 0..63 (ggml's get_scale_min_k4)."""
    b = sc_bytes.astype(np.uint8)
    lo, mid, hi = b[..., 0:4], b[..., 4:8], b[..., 8:12]
    sc = np.concatenate([lo & 63, (hi & 15) | ((lo >> 6) << 4)], axis=-1)
    m = np.concatenate([mid & 63, (hi >> 4) | ((mid >> 6) << 4)], axis=-1)
    return sc, m


def _repack_q4k(blocks: np.ndarray, n: int, k: int) -> QWeight:
    """Q4_K blocks [n, k / 256, 144] -> QWeight int4, groups of 32, float32 scales and zero points."""
    nb = k // 256
    d = blocks[:, :, 0:2].copy().view(np.float16).astype(np.float32)  # [n, nb, 1]
    dmin = blocks[:, :, 2:4].copy().view(np.float16).astype(np.float32)
    sc, m = q4k_scale_min(blocks[:, :, 4:16])  # [n, nb, 8]
    qs = torch.from_numpy(blocks[:, :, 16:].copy()).view(n, nb, 4, 1, 32)  # [n, nb, chunk, 1, 32]
    u = torch.cat([qs & 15, qs >> 4], dim=3).reshape(n, nb * 8, 32)  # sub-block 2c low, 2c + 1 high
    scale = torch.from_numpy(d * sc.astype(np.float32)).reshape(n, nb * 8)
    off = torch.from_numpy(dmin * m.astype(np.float32)).reshape(n, nb * 8)  # w = scale u - off
    ok = scale != 0
    z = off / torch.where(ok, scale, torch.ones_like(scale))
    # sc = 0: w = -off for the whole sub-block; write u = 0, z = 1, s = off (exact; 0 where off is 0)
    flat = ~ok
    if bool(flat.any()):
        u[flat] = 0
        scale = torch.where(ok, scale, off)
        z = torch.where(ok, z, torch.ones_like(z))
    q = pack_nibbles(u.reshape(n, k))
    return QWeight(q.contiguous(), scale.contiguous(), z.contiguous(), 4, GGUF_BLOCK, k)


def repack_gguf(kind: str, raw: np.ndarray, n: int, k: int) -> QWeight:
    """A GGUF tensor's raw bytes ([n, k / block * block bytes] uint8, rows as stored) -> QWeight on the CPU."""
    if kind not in GGUF_TYPES:
        raise ValueError(f"GGUF type {kind} is not kept quantized")
    per = GGUF_BLOCK_WEIGHTS[kind]
    if k % per:
        raise ValueError(f"row length {k} is not a multiple of {per}")
    nb = k // per
    blocks = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, nb, GGUF_TYPES[kind])
    if kind == "Q4_K":
        return _repack_q4k(blocks, n, k)
    d = torch.from_numpy(blocks[:, :, 0:2].copy().view(np.float16).reshape(n, nb))
    if kind == "Q8_0":
        q = torch.from_numpy(blocks[:, :, 2:].copy().view(np.int8).reshape(n, k))
        return QWeight(q.contiguous(), d.float().contiguous(), None, 8, GGUF_BLOCK, k)
    off = 2 if kind == "Q4_0" else 4
    qs = torch.from_numpy(blocks[:, :, off:].copy())  # [n, nb, 16]
    u = torch.cat([qs & 15, qs >> 4], dim=2).reshape(n, k)  # element order within the block
    q = pack_nibbles(u)
    if kind == "Q4_0":
        return QWeight(q.contiguous(), d.contiguous(), None, 4, GGUF_BLOCK, k)
    m = torch.from_numpy(blocks[:, :, 2:4].copy().view(np.float16).reshape(n, nb)).float()
    df = d.float()
    # w = d u + m = d (u - z) with z = -m / d (float32: the zero point is not an integer here)
    z = torch.where(df != 0, -m / torch.where(df != 0, df, torch.ones_like(df)), torch.zeros_like(df))
    flat = (df == 0) & (m != 0)  # w = m for the whole block: u = 0, z = -1, s = m (exact)
    if bool(flat.any()):
        u = u.view(n, nb, GGUF_BLOCK).clone()
        u[flat] = 0
        q = pack_nibbles(u.view(n, k))
        z = torch.where(flat, -torch.ones_like(z), z)
        d = torch.where(flat, m.half(), d)
    return QWeight(q.contiguous(), d.contiguous(), z.contiguous(), 4, GGUF_BLOCK, k)


# GGUF tensor names (llama.cpp) -> the module path under model.model.layers[i]
GGUF_LINEARS = {"attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
                "attn_output": "self_attn.o_proj", "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj",
                "ffn_down": "mlp.down_proj"}


def _llama_unpermute(n: int, heads: int) -> torch.Tensor:
    """Row order that undoes llama.cpp's q/k permutation (rope halves interleaved per head)."""
    hd = n // heads
    return torch.arange(n).reshape(heads, 2, hd // 2).transpose(1, 2).reshape(n).argsort()


PACKED = (("attn_q", "attn_k", "attn_v"), ("ffn_gate", "ffn_up"))  # the fast path packs these into one matrix


def _fmt(qw: QWeight) -> tuple:
    return (qw.bits, qw.group, qw.zeros is None, qw.scales.dtype, None if qw.zeros is None else qw.zeros.dtype)


def _with_zero_points(qw: QWeight) -> QWeight:
    """An int4 QWeight with float32 scales and zero points (symmetric ones get z = 8): the same values."""
    z = qw.zeros.float() if qw.zeros is not None else torch.full(qw.scales.shape, 8.0, device=qw.device)
    return QWeight(qw.q, qw.scales.float().contiguous(), z.contiguous(), 4, qw.group, qw.k)


def _repack_checked(t, w: torch.Tensor, short: str, cfg) -> QWeight | None:
    """The GGUF tensor ``t`` repacked, in the row order that equals the loaded weight ``w``; None
    where the type is not kept or no order matches (then the layer is quantized from ``w``)."""
    from console.core.inference.quant.tensor import dequantize

    if t is None or t.tensor_type.name not in GGUF_TYPES:
        return None
    k, n = (int(v) for v in t.shape[:2])
    if (n, k) != tuple(w.shape):
        return None
    try:
        cand = repack_gguf(t.tensor_type.name, np.asarray(t.data), n, k)
    except ValueError:
        return None
    orders = [None]
    if short in ("attn_q", "attn_k"):
        heads = cfg.num_attention_heads if short == "attn_q" else (cfg.num_key_value_heads or cfg.num_attention_heads)
        orders.append(_llama_unpermute(n, heads))
    for order in orders:
        c = cand if order is None else QWeight(cand.q[order], cand.scales[order],
                                               cand.zeros[order] if cand.zeros is not None else None,
                                               cand.bits, cand.group, cand.k)
        if torch.allclose(dequantize(c), w.float(), rtol=2e-3, atol=2e-3):
            return c
    return None


@torch.no_grad()
def keep_gguf_quantized(model, gguf_path, scheme: str = "int4", device=None,
                        progress: Callable[[float], None] | None = None) -> dict:
    """Replace ``model``'s linear layers (loaded de-quantized from ``gguf_path``) by the file's own
    Q8_0 / Q4_0 / Q4_1 / Q4_K blocks, repacked; layers of other types (Q6_K, Q5_K, F16, ...) are
    quantized from the loaded weights: with ``scheme``, except that a layer the fast path packs
    with kept int4 layers (q/k/v, gate/up) is quantized as int4 in groups of 32 with zero points,
    and the packed layers share one scale/zero dtype, so they still concatenate into one matrix.
    Each repacked layer is checked against the loaded weight (same values up to the cache's fp16
    rounding), which also decides llama.cpp's q/k row order.  Returns counts."""
    import gguf

    reader = gguf.GGUFReader(str(gguf_path))
    by_name = {t.name: t for t in reader.tensors}
    cfg = model.config
    bits, group = SCHEMES[scheme]
    kept, requant, types = 0, 0, {}
    units = []  # lists of (tensor, parent, attr, short) the fast path packs together
    for i, layer in enumerate(model.model.layers):
        here = {}
        for short, path in GGUF_LINEARS.items():
            parent_path, attr = path.rsplit(".", 1)
            parent = layer.get_submodule(parent_path)
            if hasattr(parent, attr) and type(getattr(parent, attr)) is torch.nn.Linear:
                here[short] = (by_name.get(f"blk.{i}.{short}.weight"), parent, attr, short)
        for names in PACKED:
            if all(n in here for n in names):
                units.append([here.pop(n) for n in names])
        units.extend([v] for v in here.values())
    total = sum(len(u) for u in units)
    done = 0
    for unit in units:
        got = [_repack_checked(t, getattr(parent, attr).weight.data, short, cfg) for t, parent, attr, short in unit]
        from_file = [q is not None for q in got]
        if len(unit) > 1 and any(from_file) and len({_fmt(q) if q is not None else None for q in got}) > 1:
            # one packed matrix of mixed formats: where every kept part is int4 in groups of 32, all parts
            # become that with float32 zero points (exact for the kept ones, the others quantized so);
            # else the whole unit is quantized with the scheme
            if all(q is None or (q.bits == 4 and q.group == GGUF_BLOCK) for q in got):
                got = [_with_zero_points(q if q is not None else quantize(
                    getattr(p, a).weight.data if device is None else getattr(p, a).weight.data.to(device),
                    4, GGUF_BLOCK, zero_point=True)) for q, (_, p, a, _) in zip(got, unit)]
            else:
                got = [None] * len(unit)
                from_file = [False] * len(unit)
        for qw, ours, (t, parent, attr, short) in zip(got, from_file, unit):
            lin = getattr(parent, attr)
            if t is not None:
                types[t.tensor_type.name] = types.get(t.tensor_type.name, 0) + 1
            if qw is None:
                ql = QuantLinear.from_linear(lin, bits, group, device=device)
            else:
                if device is not None:
                    qw = QWeight(qw.q.to(device), qw.scales.to(device),
                                 qw.zeros.to(device) if qw.zeros is not None else None, qw.bits, qw.group, qw.k)
                bias = lin.bias.data.to(device) if (lin.bias is not None and device is not None) else (
                    lin.bias.data if lin.bias is not None else None)
                ql = QuantLinear(qw, bias)
            kept += ours
            requant += not ours
            setattr(parent, attr, ql)
            done += 1
            if progress is not None:
                progress(done / max(1, total))
    if device is not None:
        model.to(device)
    model.config.console_quantization = {"scheme": f"gguf+{scheme}", "kept": kept, "requantized": requant,
                                         "gguf_types": types}
    log.info("GGUF %s: %d layers kept in the file's blocks, %d quantized (%s); types %s", gguf_path, kept, requant,
             scheme, types)
    return {"kept": kept, "requantized": requant, "gguf_types": types}
