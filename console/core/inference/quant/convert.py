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

from console.core.inference.quant.tensor import QuantLinear, QWeight, pack_nibbles

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
GGUF_BLOCK = 32
GGUF_TYPES = {"Q8_0": 34, "Q4_0": 18, "Q4_1": 20}  # bytes a block


def repack_gguf(kind: str, raw: np.ndarray, n: int, k: int) -> QWeight:
    """A GGUF tensor's raw bytes ([n, k / 32 * block bytes] uint8, rows as stored) -> QWeight on the CPU."""
    if kind not in GGUF_TYPES:
        raise ValueError(f"GGUF type {kind} is not kept quantized")
    if k % GGUF_BLOCK:
        raise ValueError(f"row length {k} is not a multiple of {GGUF_BLOCK}")
    nb = k // GGUF_BLOCK
    blocks = np.ascontiguousarray(raw, dtype=np.uint8).reshape(n, nb, GGUF_TYPES[kind])
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
    return QWeight(q.contiguous(), d.contiguous(), z.contiguous(), 4, GGUF_BLOCK, k)


# GGUF tensor names (llama.cpp) -> the module path under model.model.layers[i]
GGUF_LINEARS = {"attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
                "attn_output": "self_attn.o_proj", "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj",
                "ffn_down": "mlp.down_proj"}


def _llama_unpermute(n: int, heads: int) -> torch.Tensor:
    """Row order that undoes llama.cpp's q/k permutation (rope halves interleaved per head)."""
    hd = n // heads
    return torch.arange(n).reshape(heads, 2, hd // 2).transpose(1, 2).reshape(n).argsort()


@torch.no_grad()
def keep_gguf_quantized(model, gguf_path, scheme: str = "int4", device=None,
                        progress: Callable[[float], None] | None = None) -> dict:
    """Replace ``model``'s linear layers (loaded de-quantized from ``gguf_path``) by the file's own
    Q8_0 / Q4_0 / Q4_1 blocks, repacked; layers of other types are quantized from the loaded
    weights with ``scheme``.  Each repacked layer is checked against the loaded weight (same values
    up to the cache's fp16 rounding), which also decides llama.cpp's q/k row order.  Returns counts."""
    import gguf

    reader = gguf.GGUFReader(str(gguf_path))
    by_name = {t.name: t for t in reader.tensors}
    cfg = model.config
    layers = model.model.layers
    kept, requant, todo = 0, 0, []
    for i, layer in enumerate(layers):
        for short, path in GGUF_LINEARS.items():
            parent_path, attr = path.rsplit(".", 1)
            parent = layer.get_submodule(parent_path)
            if hasattr(parent, attr):
                todo.append((by_name.get(f"blk.{i}.{short}.weight"), parent, attr, short))
    bits, group = SCHEMES[scheme]
    for j, (t, parent, attr, short) in enumerate(todo):
        lin = getattr(parent, attr)
        if type(lin) is not torch.nn.Linear:
            continue
        w = lin.weight.data
        qw = None
        if t is not None and t.tensor_type.name in GGUF_TYPES:
            k, n = (int(v) for v in t.shape[:2])
            cand = repack_gguf(t.tensor_type.name, np.asarray(t.data), n, k)
            orders = [None]
            if short in ("attn_q", "attn_k"):
                heads = cfg.num_attention_heads if short == "attn_q" else (cfg.num_key_value_heads or cfg.num_attention_heads)
                orders.append(_llama_unpermute(n, heads))
            from console.core.inference.quant.tensor import dequantize

            for order in orders:
                c = cand if order is None else QWeight(cand.q[order], cand.scales[order],
                                                       cand.zeros[order] if cand.zeros is not None else None,
                                                       cand.bits, cand.group, cand.k)
                if (n, k) == tuple(w.shape) and torch.allclose(dequantize(c), w.float(), rtol=2e-3, atol=2e-3):
                    qw = c
                    break
        if qw is None:
            ql = QuantLinear.from_linear(lin, bits, group, device=device)
            requant += 1
        else:
            if device is not None:
                qw = QWeight(qw.q.to(device), qw.scales.to(device),
                             qw.zeros.to(device) if qw.zeros is not None else None, qw.bits, qw.group, qw.k)
            bias = lin.bias.data.to(device) if (lin.bias is not None and device is not None) else (
                lin.bias.data if lin.bias is not None else None)
            ql = QuantLinear(qw, bias)
            kept += 1
        setattr(parent, attr, ql)
        if progress is not None:
            progress((j + 1) / max(1, len(todo)))
    if device is not None:
        model.to(device)
    model.config.console_quantization = {"scheme": f"gguf+{scheme}", "kept": kept, "requantized": requant}
    log.info("GGUF %s: %d layers kept in the file's blocks, %d quantized to %s", gguf_path, kept, requant, scheme)
    return {"kept": kept, "requantized": requant}
