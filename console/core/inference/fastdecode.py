"""Fast greedy decode for Llama-family decoders: a static KV cache and, on CUDA, CUDA graphs.

The plain path (``decode.plain_stream_generate``) runs the transformers forward once per token: on a
GPU that is hundreds of small kernel launches driven from Python, and the GPU mostly waits for the
host.  This module runs the same arithmetic with its own decode step over the model's own weights:

* one static KV cache per model (``[layers, 2, kv_heads, capacity, head_dim]``), zero-filled, and
  attention over a fixed-length window of it with a mask, so every decode step has the same shapes;
* q/k/v and gate/up projections repacked into one matrix each (the model's own parameters become
  views into the packed tensors, so no memory is duplicated and the plain path still works);
* rotary position embedding as one small matmul by a per-step rotation matrix (built once per step
  from the model's own rotary embedding and ``apply_rotary_pos_emb``, so any rope variant the model
  implements — half-split, interleaved, partial — comes out right);
* residual adds folded into the output projections (in-place ``addmm_``: one GEMV, no copy);
* greedy argmax on the device, its token written straight into the next step's input;
* on CUDA, ``CHUNK`` decode steps captured into one CUDA graph, replayed back to back; the tokens of a
  chunk go to pinned host memory asynchronously, and the host reads them (and calls ``on_token``)
  while the GPU already runs the next chunk.  The host never synchronises per token.

Where Triton is importable (CUDA), the decode step runs as seven Triton kernels per layer
(``fastdecode_triton``): four GEMVs with the RMSNorms, SiLU*mul and residual adds folded in, rope +
cache write, and attention in two; if they fail to build, the torch ops (and cuBLAS) take over.
Short prefills (up to SHORT_PREFILL tokens: a prefix-cache hit's new tokens) use the same rope,
attention and SiLU kernels, one row per token.  On Hopper the kernels are launched with programmatic
dependent launch: each starts while the previous one finishes, and a GEMV reads its first weight tile
before it waits for the previous kernel's results.
With a prefix cache, the runner reuses the rows its static cache still holds from the previous prompt
in place (no copy), and copies in a stored entry's rows only where one covers more.
Weight-only quantized models (``quant.QuantLinear``: int8 per channel, int4 in groups) take the same
path: their projections are ``QWeight``s, decoded by the quantized Triton GEMVs (``quant.kernels``,
with the same fusions) and, for prefills, dequantized per product into a temporary and multiplied by
cuBLAS (on the CPU: dequantized, then torch).  Embeddings and the LM head stay in the model dtype.
On CPU the same step runs eagerly one token at a time (no graphs).  Models this does not cover
(other architectures, other quantized or offloaded weights, sliding-window or dynamic rope) get a reason
from ``unsupported_reason`` and ``stream_generate`` falls back to the plain path.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import weakref
from typing import TYPE_CHECKING, Callable

import numpy as np
import torch
import torch.nn.functional as F

from console.core.inference import fastdecode_triton as fdt
from console.core.inference.quant.tensor import QuantLinear, QWeight, cat_rows, dequantize
from console.core.inference.types import DecodeStats

if TYPE_CHECKING:
    from console.core.inference.prefix_cache import PrefixCache

log = logging.getLogger(__name__)
# set by warmup.warm_up while it builds the runner: progress(fraction) of the quantized GEMV choice (tune)
TUNE_PROGRESS = None

SUPPORTED_TYPES = {"llama", "qwen2", "glm", "glm4"}
STATIC_ROPE = {"default", "linear", "llama3", "yarn"}
CHUNK = 16  # decode steps per CUDA graph
BUCKET = 256  # attention window lengths are multiples of this
MIN_CAPACITY = 2048
PREFILL_SEGMENT = 512  # prompt tokens per prefill pass
PREFILL_BUCKETS = (16, 32, 64, 128, 256, 512)  # CUDA: a segment is padded up to one of these
SHORT_PREFILL = 16  # with Triton: segments of up to this many tokens use the decode kernels (per-token rows)
# their products as the fused 16-row Triton kernel (fdt.rows_matmul) instead of cuBLAS GEMMs: correct
# (tests/gpu), faster than cuBLAS + norm/SiLU kernels alone (bench/gemv.py --rows 16) but no faster in a
# whole hit (H100 with PDL: 2.33 vs 2.37 ms, 2.61 vs 2.23 in another run; decode-notes.md), so off
SHORT_GEMM = False
MAX_GRAPHS = 64  # captured graphs kept per model (then all are dropped and captured again)
KERNELS = "auto"  # "triton" where it is importable on CUDA (see fastdecode_triton), else "torch"
GEMV = "triton"  # with Triton kernels: fused Triton GEMVs (norm / residual / SiLU folded in), or "cublas"
ATTENTION = "bmm"  # or "sdpa" (one kernel, but slower here: 2.79 vs 2.68 ms/token on an H100); see bench
# 8: models with quantized layers decode with an int8 copy of the LM head (per-channel scales, made when
# the runner is built; the bf16 weight stays for the embedding); 0: the LM head in the model dtype.
# Off until measured (bench/decode.py --quant --qkernels v3,v3+lm8); docs/QUANTIZATION.md
LM_HEAD_BITS = 0


def unsupported_reason(model) -> str | None:
    """None when the fast path applies to ``model``; otherwise a short reason (logged, not shown)."""
    cfg = getattr(model, "config", None)
    mtype = getattr(cfg, "model_type", None)
    if mtype not in SUPPORTED_TYPES:
        return f"architecture {mtype!r} is not one of {sorted(SUPPORTED_TYPES)}"
    inner = getattr(model, "model", None)
    if inner is None or not hasattr(inner, "layers") or not hasattr(model, "lm_head"):
        return "unexpected module layout"
    if getattr(model, "hf_device_map", None) and len(set(map(str, model.hf_device_map.values()))) > 1:
        return "weights are spread over several devices (device_map)"
    devices = {p.device for p in model.parameters()}
    if len(devices) != 1:
        return "weights are on several devices"
    for m in model.modules():
        if hasattr(m, "_hf_hook"):
            return "accelerate hooks (offloaded weights)"
        if isinstance(m, torch.nn.Linear) and type(m) is not torch.nn.Linear:
            return f"quantized or custom linear layers ({type(m).__name__})"
        if isinstance(m, QuantLinear) and m.qweight.is_cuda and not fdt.available():
            return "quantized weights on CUDA without Triton"
    if getattr(cfg, "hidden_act", "silu") != "silu":
        return f"activation {cfg.hidden_act!r}"
    if getattr(cfg, "pretraining_tp", 1) != 1:
        return "pretraining_tp > 1"
    layer_types = getattr(cfg, "layer_types", None) or []
    if any(t != "full_attention" for t in layer_types):
        return "sliding-window attention layers"
    rope = getattr(cfg, "rope_parameters", None) or getattr(cfg, "rope_scaling", None) or {}
    rope_type = rope.get("rope_type", rope.get("type", "default")) if isinstance(rope, dict) else "default"
    if rope_type not in STATIC_ROPE:
        return f"rope type {rope_type!r} changes with the sequence length"
    attn = inner.layers[0].self_attn
    if not all(hasattr(attn, a) for a in ("q_proj", "k_proj", "v_proj", "o_proj", "scaling")):
        return "unexpected attention module"
    mlp = inner.layers[0].mlp
    projs = [getattr(attn, a) for a in ("q_proj", "k_proj", "v_proj", "o_proj")] + [
        getattr(mlp, a) for a in ("gate_up_proj", "gate_proj", "up_proj", "down_proj") if hasattr(mlp, a)]
    for m in projs:
        if type(m) not in (torch.nn.Linear, QuantLinear):
            return f"projection layers of type {type(m).__name__}"
    dtype = next(model.parameters()).dtype
    if dtype not in (torch.float32, torch.float16, torch.bfloat16):
        return f"weight dtype {dtype}"
    return None


# one runner per model, dropped with the model
_RUNNERS: "weakref.WeakKeyDictionary[torch.nn.Module, FastRunner]" = weakref.WeakKeyDictionary()


def runner_for(model) -> "FastRunner":
    r = _RUNNERS.get(model)
    if r is None:
        r = FastRunner(model)
        _RUNNERS[model] = r
    return r


def release(model) -> None:
    """Drop the static cache and graphs kept for ``model`` (call before unloading it)."""
    r = _RUNNERS.pop(model, None)
    if r is not None:
        r.free()
        if r.cuda and hasattr(torch._C, "_cuda_clearCublasWorkspaces"):
            torch._C._cuda_clearCublasWorkspaces()  # the side stream's cuBLAS workspace


_STREAMS: dict[torch.device, "torch.cuda.Stream"] = {}


def _side_stream(device) -> "torch.cuda.Stream":
    """One capture stream per device: cuBLAS keeps a workspace per stream it has seen."""
    s = _STREAMS.get(device)
    if s is None:
        s = _STREAMS[device] = torch.cuda.Stream(device)
    return s


def fast_stream_generate(
    model,
    input_ids: torch.Tensor,
    max_new_tokens: int,
    *,
    eos_token_ids: set[int],
    should_stop: Callable[[], bool],
    on_token: Callable[[int], None],
    prefix_cache: "PrefixCache | None" = None,
) -> DecodeStats:
    return runner_for(model).generate(
        input_ids,
        max_new_tokens,
        eos_token_ids=eos_token_ids,
        should_stop=should_stop,
        on_token=on_token,
        prefix_cache=prefix_cache,
    )


class _Layer:
    __slots__ = ("ln1", "ln2", "post_attn_ln", "post_mlp_ln", "wqkv", "bqkv", "wo", "bo", "wgu", "wdown")


def _rms_eps(norm) -> float:
    return float(getattr(norm, "variance_epsilon", getattr(norm, "eps", 1e-6)))


def _weight(m) -> "torch.Tensor | QWeight":
    """A projection's weight: the tensor, or the ``QWeight`` of a quantized layer."""
    return m.qw() if isinstance(m, QuantLinear) else m.weight


def _out_rows(w) -> int:
    return w.n if isinstance(w, QWeight) else w.shape[0]


def _linear(x: torch.Tensor, w, b=None) -> torch.Tensor:
    """x @ w.T (+ b) for a weight tensor or a ``QWeight`` (CUDA: quantized kernels; CPU: dequantized)."""
    if isinstance(w, QWeight):
        if x.is_cuda:
            from console.core.inference.quant import kernels as qk

            y = qk.linear(x, w)
        else:
            y = F.linear(x, dequantize(w, x.dtype))
        return y if b is None else y.add_(b)
    return F.linear(x, w, b)


def _addmm_(h: torch.Tensor, x: torch.Tensor, w) -> torch.Tensor:
    """h += x @ w.T in place."""
    if isinstance(w, QWeight):
        return h.add_(_linear(x, w))
    return h.addmm_(x, w.t())


def _gemv(x, w, **kw):
    """The fused one-row product (``fastdecode_triton.gemv``), quantized where ``w`` is a QWeight."""
    if isinstance(w, QWeight):
        from console.core.inference.quant import kernels as qk

        return qk.gemv(x, w, **kw)
    return fdt.gemv(x, w, **kw)


def _pack(mods) -> tuple["torch.Tensor | QWeight", torch.Tensor | None]:
    """One weight (and bias) for several linears on the same input; the linears become views of it
    (quantized layers: their packed rows, scales and zero points)."""
    quant = [isinstance(m, QuantLinear) for m in mods]
    if any(quant) and not all(quant):
        raise ValueError("some of the packed projections are quantized and some are not")
    if all(quant):
        w = cat_rows([m.qw() for m in mods])
        dtype, device = (mods[0].bias.dtype if mods[0].bias is not None else None), w.device
    else:
        w = torch.cat([m.weight.data for m in mods], dim=0)
        dtype, device = w.dtype, w.device
    has_bias = [m.bias is not None for m in mods]
    b = None
    if any(has_bias):
        dtype = dtype or next(m.bias.dtype for m in mods if m.bias is not None)
        b = torch.cat(
            [m.bias.data if m.bias is not None else torch.zeros(m.out_features, dtype=dtype, device=device) for m in mods]
        )
    row = 0
    for m in mods:
        n = m.out_features
        if isinstance(w, QWeight):
            m.set_qw(w.rows(row, row + n))
        else:
            m.weight.data = w[row : row + n]
        if m.bias is not None:
            m.bias.data = b[row : row + n]
        row += n
    return w, b


class FastRunner:
    """The static cache, packed weights and captured graphs for one model."""

    def __init__(self, model) -> None:
        # weak: the runner lives in a WeakKeyDictionary keyed by the model, and must not keep it alive
        self._model = weakref.ref(model)
        cfg = model.config
        inner = model.model
        self.device = next(model.parameters()).device
        self.dtype = next(model.parameters()).dtype
        self.cuda = self.device.type == "cuda"
        attn0 = inner.layers[0].self_attn
        self.n_q = cfg.num_attention_heads
        self.n_kv = getattr(cfg, "num_key_value_heads", None) or self.n_q
        self.group = self.n_q // self.n_kv
        self.hd = getattr(cfg, "head_dim", None) or cfg.hidden_size // self.n_q
        self.scaling = float(attn0.scaling)
        self.embed = inner.embed_tokens.weight
        self.norm_w = inner.norm.weight
        self.norm_eps = _rms_eps(inner.norm)
        self.lm_w = model.lm_head.weight
        if LM_HEAD_BITS == 8 and any(isinstance(m, QuantLinear) for m in model.modules()):
            from console.core.inference.quant.tensor import quantize

            self.lm_w = quantize(self.lm_w.data, 8, 0)  # a QWeight: _gemv / _linear take it
        self.lm_b = model.lm_head.bias
        self.rotary = inner.rotary_emb
        self.apply_rope = getattr(sys.modules[type(attn0).__module__], "apply_rotary_pos_emb")
        self.layers: list[_Layer] = []
        with torch.no_grad():
            for layer in inner.layers:
                a, mlp = layer.self_attn, layer.mlp
                L = _Layer()
                L.ln1 = (layer.input_layernorm.weight, _rms_eps(layer.input_layernorm))
                L.ln2 = (layer.post_attention_layernorm.weight, _rms_eps(layer.post_attention_layernorm))
                pa = getattr(layer, "post_self_attn_layernorm", None)
                pm = getattr(layer, "post_mlp_layernorm", None)
                L.post_attn_ln = (pa.weight, _rms_eps(pa)) if pa is not None else None
                L.post_mlp_ln = (pm.weight, _rms_eps(pm)) if pm is not None else None
                L.wqkv, L.bqkv = _pack([a.q_proj, a.k_proj, a.v_proj])
                L.wo, L.bo = _weight(a.o_proj), a.o_proj.bias
                if hasattr(mlp, "gate_up_proj"):  # GLM: already one matrix, [gate; up]
                    L.wgu = _weight(mlp.gate_up_proj)
                    if mlp.gate_up_proj.bias is not None:
                        raise ValueError("gate_up_proj with bias")
                else:
                    if mlp.gate_proj.bias is not None or mlp.up_proj.bias is not None:
                        raise ValueError("MLP with bias")
                    L.wgu, _ = _pack([mlp.gate_proj, mlp.up_proj])
                if mlp.down_proj.bias is not None:
                    raise ValueError("MLP with bias")
                L.wdown = _weight(mlp.down_proj)
                self.layers.append(L)
        self.inter = _out_rows(self.layers[0].wgu) // 2
        self.quantized = isinstance(self.layers[0].wqkv, QWeight)
        self.capacity = 0
        self.kv: torch.Tensor | None = None
        self.graphs: dict[tuple, torch.cuda.CUDAGraph] = {}
        self.pool = None
        self.graphs_ok = True  # False once a capture failed: the same steps then run eagerly
        interpret = os.environ.get("TRITON_INTERPRET") == "1"  # Triton's CPU interpreter, for checks
        self.triton = (
            KERNELS != "torch" and (self.cuda or interpret) and fdt.supported(self.hd, self.group)
        )
        self.fused_gemv = GEMV == "triton"  # only where self.triton (see _layers)
        self.rope_c = self.rope_s = self.rope_p = None
        # per-step state, fixed addresses for the graphs
        self.tok = torch.zeros(1, dtype=torch.long, device=self.device)
        self.pos = torch.zeros(1, dtype=torch.long, device=self.device)
        self.chunk = CHUNK if self.cuda else 1
        self.out = torch.zeros(self.chunk, dtype=torch.long, device=self.device)
        self.pf_ids = torch.zeros(PREFILL_BUCKETS[-1], dtype=torch.long, device=self.device)
        self.pf_start = torch.zeros(1, dtype=torch.long, device=self.device)
        self.pf_last = torch.zeros(1, dtype=torch.long, device=self.device)
        self.pf_next = torch.zeros(1, dtype=torch.long, device=self.device)
        self.host_out = [torch.zeros(self.chunk, dtype=torch.long, pin_memory=self.cuda) for _ in range(2)]
        self.eye = torch.eye(self.hd, dtype=self.dtype, device=self.device).view(1, 1, self.hd, self.hd)
        self.cos_tab: torch.Tensor | None = None
        self.sin_tab: torch.Tensor | None = None
        self.arange: torch.Tensor | None = None
        # the prompt whose KV rows [0, len) the static cache holds now (a prefix-cache hit in place)
        self.resident = np.empty(0, dtype=np.int64)
        self.tuned: dict | None = None
        self.tune(TUNE_PROGRESS)

    def tune(self, progress=None) -> dict | None:
        """With ``quant.kernels.KERNEL == "auto"``: time the quantized GEMV candidates of each decode
        product on this card once (``quant.kernels.tune``; cached on disk), so each product gets its
        fastest kernel.  Runs at the first fast request, or in Load's warm-up (``warmup.warm_up``)."""
        if self.tuned is not None or not (self.quantized and self.cuda and self.triton and self.fused_gemv):
            return self.tuned
        from console.core.inference.quant import kernels as qk

        if qk.KERNEL != "auto":
            return None
        Ls = self.layers
        products = [([L.wqkv for L in Ls], "plain", Ls[0].ln1), ([L.wo for L in Ls], "residual", None),
                    ([L.wgu for L in Ls], "glu", Ls[0].ln2), ([L.wdown for L in Ls], "residual", None)]
        if isinstance(self.lm_w, QWeight):
            products.append(([self.lm_w], "plain", (self.norm_w, self.norm_eps)))
        self.tuned = qk.tune(products, progress, dtype=self.dtype)
        log.info("quantized GEMVs chosen on this card: %s", self.tuned)
        return self.tuned

    @property
    def model(self):
        return self._model()

    # ------------------------------------------------------------------ state
    def free(self) -> None:
        self.graphs.clear()
        self.kv = None
        self.resident = self.resident[:0]
        self.cos_tab = self.sin_tab = None
        self.capacity = 0
        self.pool = None

    def _ensure_capacity(self, needed: int) -> None:
        max_pos = getattr(self.model.config, "max_position_embeddings", None)
        if max_pos and needed > max_pos:
            raise ValueError(f"{needed} tokens exceed the model's {max_pos} positions")
        needed += self.chunk + (PREFILL_BUCKETS[-1] if self.cuda else 0)  # rows written past the end
        if needed <= self.capacity:
            return
        cap = max(MIN_CAPACITY, -(-needed // BUCKET) * BUCKET)
        self.graphs.clear()
        self.kv = None
        self.resident = self.resident[:0]
        self.capacity = 0  # until the new cache exists (an OOM below leaves none)
        if self.cuda:
            torch.cuda.synchronize(self.device)
            torch.cuda.empty_cache()
        self.kv = torch.zeros(len(self.layers), 2, self.n_kv, cap, self.hd, dtype=self.dtype, device=self.device)
        pos_ids = torch.arange(cap, device=self.device).unsqueeze(0)
        cos, sin = self.rotary(self.kv, pos_ids)  # [1, cap, rot_dim]
        self.cos_tab, self.sin_tab = cos[0].contiguous(), sin[0].contiguous()
        self.arange = torch.arange(cap, device=self.device)
        if self.triton:
            tables = fdt.rope_tables(self.apply_rope, self.cos_tab, self.sin_tab, self.hd)
            if tables is None:
                log.info("rope is not of the pairwise form: torch kernels")
                self.triton = False
            else:
                self.rope_c, self.rope_s, self.rope_p = tables
        self.capacity = cap

    # ------------------------------------------------------------------ math
    def _rms(self, x: torch.Tensor, w_eps) -> torch.Tensor:
        w, eps = w_eps
        # one fused kernel on CUDA (statistics in float32); transformers' RMSNorm takes eight, and
        # rounds once more (before the weight): bfloat16 results may differ in the last bit
        return F.rms_norm(x, (x.shape[-1],), w, eps)

    def _rope_matrix(self, positions: torch.Tensor) -> torch.Tensor:
        """[T, hd, hd] matrices R with rope(x) = x @ R at each position (rope is linear in x);
        for a single position, [q + k + v heads, hd, hd] (see ``_layers``)."""
        cos = self.cos_tab.index_select(0, positions)  # [T, rot]
        sin = self.sin_tab.index_select(0, positions)
        T = positions.shape[0]
        eye = self.eye.expand(T, 1, self.hd, self.hd)  # "heads" = 1, "seq" = hd rows
        cos = cos.unsqueeze(1).expand(T, self.hd, cos.shape[-1])
        sin = sin.unsqueeze(1).expand(T, self.hd, sin.shape[-1])
        r, _ = self.apply_rope(eye, eye, cos, sin)  # row i = rope(e_i)
        r = r.reshape(T, self.hd, self.hd)
        if T == 1:  # one per head, for the decode bmm: R for q and k heads, identity for v heads
            hd = self.hd
            r = torch.cat([r.expand(self.n_q + self.n_kv, hd, hd), self.eye[0].expand(self.n_kv, hd, hd)])
        return r

    def _layers(self, h: torch.Tensor, positions: torch.Tensor, rope: torch.Tensor, mask: torch.Tensor, L: int) -> torch.Tensor:
        """h: [T, H] at ``positions`` ([T]); attends to cache rows [0, L) under ``mask`` ([T, L] additive)."""
        T = h.shape[0]
        nq, nkv, hd, g = self.n_q, self.n_kv, self.hd, self.group
        kv = self.kv
        if mask is None:
            mask_rows = None
        else:
            mask_rows = mask.repeat(g, 1).view(1, 1, g * T, L) if g > 1 else mask.view(1, 1, T, L)
        tri = self._triton_rows(T)  # Triton rope / attention / SiLU for these T rows
        fused = self._fused(T)  # and the fused products (norms, SiLU*mul and residual adds folded in)
        mm = _gemv if T == 1 else fdt.rows_matmul
        for li, Ly in enumerate(self.layers):
            x = None if fused else self._rms(h, Ly.ln1)
            if tri:  # the bias is added inside the rope kernel
                qkv = mm(h, Ly.wqkv, norm=Ly.ln1) if fused else _linear(x, Ly.wqkv)
                q = fdt.rope_cache_write(
                    qkv, Ly.bqkv, self.rope_c, self.rope_s, self.rope_p, positions, kv[li], nq, nkv, hd
                )
            elif T == 1:
                qkv = _linear(x, Ly.wqkv, Ly.bqkv)  # [1, (nq + 2 nkv) hd]
                # decode: one bmm rotates q and k (v heads get the identity) and leaves the new
                # [k; v] rows side by side, so one index_copy_ writes both into the cache
                rot = torch.bmm(qkv.view(nq + 2 * nkv, 1, hd), rope)
                kv[li].index_copy_(2, positions, rot[nq:].view(2, nkv, 1, hd))
                q = rot[:nq].view(1, nkv, g, hd)  # already in [kv head, group] order
            else:
                qkv = _linear(x, Ly.wqkv, Ly.bqkv)  # [T, (nq + 2 nkv) hd]
                qk = qkv[:, : (nq + nkv) * hd].view(T, nq + nkv, hd)
                qk = torch.matmul(qk, rope)  # [T, nq + nkv, hd]
                k = qk[:, nq:].transpose(0, 1)  # [nkv, T, hd]
                v = qkv[:, (nq + nkv) * hd :].view(T, nkv, hd).transpose(0, 1)
                kv[li, 0].index_copy_(1, positions, k)
                kv[li, 1].index_copy_(1, positions, v)
                q = qk[:, :nq].reshape(T, nkv, g, hd).permute(1, 2, 0, 3).reshape(1, nkv, g * T, hd)
            keys = kv[li, 0, :, :L].unsqueeze(0)
            vals = kv[li, 1, :, :L].unsqueeze(0)
            if tri:  # already [T, nq * hd]
                o = fdt.decode_attention(q, kv[li], positions, L, g, self.scaling)
            else:
                if ATTENTION == "sdpa":
                    o = F.scaled_dot_product_attention(q, keys, vals, attn_mask=mask_rows, scale=self.scaling)
                else:  # "bmm": masked scores in one baddbmm, softmax (accumulates in float32), one bmm
                    sc = torch.baddbmm(mask_rows[0], q[0], keys[0].transpose(1, 2), alpha=self.scaling)
                    o = torch.bmm(torch.softmax(sc, dim=-1), vals[0])
                if T == 1:
                    o = o.reshape(1, nq * hd)
                else:
                    o = o.reshape(nkv, g, T, hd).permute(2, 0, 1, 3).reshape(T, nq * hd)
            if fused and Ly.post_attn_ln is None and Ly.bo is None:
                h = mm(o, Ly.wo, out=h, mode="residual")
            elif Ly.post_attn_ln is None:
                # in place: addmm into a new tensor copies h first (one more kernel), addmm_ does not
                h = _addmm_(h, o, Ly.wo) if Ly.bo is None else h.add_(_linear(o, Ly.wo, Ly.bo))
            else:
                h = h + self._rms(_linear(o, Ly.wo, Ly.bo), Ly.post_attn_ln)
            if fused:
                a = mm(h, Ly.wgu, norm=Ly.ln2, mode="glu")
            else:
                gu = _linear(self._rms(h, Ly.ln2), Ly.wgu)
                if tri:
                    a = fdt.silu_mul(gu)
                else:
                    a = F.silu(gu[:, : self.inter]) * gu[:, self.inter :]
            if fused and Ly.post_mlp_ln is None:
                h = mm(a, Ly.wdown, out=h, mode="residual")
            elif Ly.post_mlp_ln is None:
                h = _addmm_(h, a, Ly.wdown)
            else:
                h = h + self._rms(_linear(a, Ly.wdown), Ly.post_mlp_ln)
        return h

    def _triton_rows(self, T: int) -> bool:
        """Whether T rows at once go through the Triton kernels: decode steps, and short prefills
        (a prompt's tail after a prefix-cache hit), where torch ops would cost ~15 launches a layer."""
        return self.triton and (T == 1 or T <= SHORT_PREFILL)

    def _fused(self, T: int) -> bool:
        """Whether the products of T rows are the fused Triton ones: always when decoding (and for the
        LM head, which takes one row in a prefill too), for short prefills only with SHORT_GEMM.  A
        Triton failure in a decode step or a prefill is caught there and the torch ops take over."""
        return self._triton_rows(T) and self.fused_gemv and (T == 1 or (SHORT_GEMM and not self.quantized))

    @staticmethod
    def _bucket(T: int) -> int:
        """The captured prefill length a segment of T tokens is padded to (CUDA)."""
        return next(b for b in PREFILL_BUCKETS if b >= T)

    def _logits(self, h_last: torch.Tensor, fused: bool = False) -> torch.Tensor:
        if fused:  # see _fused
            logits = _gemv(h_last, self.lm_w, norm=(self.norm_w, self.norm_eps))
            return logits if self.lm_b is None else logits.add_(self.lm_b)
        x = self._rms(h_last, (self.norm_w, self.norm_eps))
        return _linear(x, self.lm_w, self.lm_b)

    def _additive_mask(self, positions: torch.Tensor, L: int) -> torch.Tensor:
        """[T, L]: 0 where key index <= the query's position, -inf elsewhere (model dtype)."""
        allowed = self.arange[:L].unsqueeze(0) <= positions.unsqueeze(1)
        zero = torch.zeros((), dtype=self.dtype, device=self.device)
        return torch.where(allowed, zero, torch.full((), float("-inf"), dtype=self.dtype, device=self.device))

    def prefill(self, ids: torch.Tensor, start: int) -> torch.Tensor:
        """Run tokens ``ids`` ([T]) at positions start..start+T-1; returns the next token id ([1]).

        Long prompts go in segments of PREFILL_SEGMENT tokens so the attention mask stays small.
        On CUDA each segment is padded to a bucket length and replayed from a captured graph: the
        pad tokens write cache rows past the prompt, which decoding overwrites before reading."""
        nxt = None
        step = min(PREFILL_SEGMENT, PREFILL_BUCKETS[-1]) if self.cuda else PREFILL_SEGMENT
        for s0 in range(0, ids.shape[0], step):
            seg = ids[s0 : s0 + step]
            run = self._prefill_graphed if self.cuda else self._prefill_eager
            try:
                nxt = run(seg, start + s0)
            except torch.OutOfMemoryError:
                raise
            except Exception:
                if not self.triton:  # (long segments use Triton only for the LM head)
                    raise
                log.warning("Triton prefill kernels failed: torch kernels from now on", exc_info=True)
                self.triton = False
                self.graphs.clear()
                nxt = run(seg, start + s0)  # the same rows again, written by torch ops
        return nxt

    def _prefill_eager(self, seg: torch.Tensor, p0: int) -> torch.Tensor:
        T = seg.shape[0]
        L = -(-(p0 + T) // BUCKET) * BUCKET
        positions = torch.arange(p0, p0 + T, device=self.device)
        h = F.embedding(seg, self.embed)
        h = self._layers(h, positions, *self._rope_and_mask(positions, L), L)
        return self._logits(h[-1:], fused=self._fused(1)).argmax(dim=-1)  # one row, whatever T

    def _rope_and_mask(self, positions: torch.Tensor, L: int):
        if self._triton_rows(positions.shape[0]):  # the kernels read the positions themselves
            return None, None
        return self._rope_matrix(positions), self._additive_mask(positions, L)

    def _prefill_graphed(self, seg: torch.Tensor, p0: int) -> torch.Tensor:
        T = seg.shape[0]
        Tb = self._bucket(T)
        L = -(-(p0 + Tb) // BUCKET) * BUCKET
        self.pf_ids[:T].copy_(seg)
        self.pf_start.fill_(p0)
        self.pf_last.fill_(T - 1)
        key = ("prefill", Tb, L)
        g = self.graphs.get(key)
        if not self.graphs_ok:
            self._prefill_body(Tb, L)
        elif g is None:
            self._capture(key, lambda: self._prefill_body(Tb, L))()
        else:
            g.replay()
        return self.pf_next

    def _prefill_body(self, Tb: int, L: int) -> None:
        positions = self.pf_start + self.arange[:Tb]
        h = F.embedding(self.pf_ids[:Tb], self.embed)
        h = self._layers(h, positions, *self._rope_and_mask(positions, L), L)
        self.pf_next.copy_(self._logits(h.index_select(0, self.pf_last), fused=self._fused(1)).argmax(dim=-1))

    def _step(self, L: int, i: int) -> None:
        """One decode step on the device state (self.tok at self.pos); writes the next token."""
        h = F.embedding(self.tok, self.embed)
        h = self._layers(h, self.pos, *self._rope_and_mask(self.pos, L), L)
        nxt = self._logits(h, fused=self._fused(1)).argmax(dim=-1)
        self.tok.copy_(nxt)
        self.out[i : i + 1].copy_(nxt)
        self.pos.add_(1)

    def _chunk_fn(self, L: int) -> Callable[[], None]:
        body = lambda: [self._step(L, i) for i in range(self.chunk)]  # noqa: E731
        if not self.cuda or not self.graphs_ok:
            return body if not self.triton else self._checked(body)
        key = ("decode", L)
        g = self.graphs.get(key)
        if g is None:
            saved = (self.tok.clone(), self.pos.clone())
            try:
                return self._capture(key, body, restore=True)
            except torch.OutOfMemoryError:
                raise
            except Exception:
                if not self.triton:
                    raise
                log.warning("Triton decode kernels failed: torch kernels from now on", exc_info=True)
                self.triton = False
                self.tok.copy_(saved[0])
                self.pos.copy_(saved[1])
                return self._chunk_fn(L)
        return g.replay

    def _checked(self, body):
        """Eager steps with the Triton kernels (no graphs): switch to torch kernels if they fail."""

        def run() -> None:
            saved = (self.tok.clone(), self.pos.clone())
            try:
                body()
            except torch.OutOfMemoryError:
                raise
            except Exception:
                log.warning("Triton decode kernels failed: torch kernels from now on", exc_info=True)
                self.triton = False
                self.tok.copy_(saved[0])
                self.pos.copy_(saved[1])
                body()

        return run

    def _capture(self, key, body: Callable[[], object], restore: bool = False) -> Callable[[], None]:
        """Warm ``body`` up on a side stream, capture it into a graph kept under ``key``, and return
        what runs it: the graph's replay, or — where capture fails (driver, library) — ``body`` itself,
        eagerly, from then on for this model (same arithmetic, same tokens, only slower)."""
        if len(self.graphs) >= MAX_GRAPHS:
            self.graphs.clear()
        saved = (self.tok.clone(), self.pos.clone()) if restore else None
        s = _side_stream(self.device)
        s.wait_stream(torch.cuda.current_stream(self.device))
        with torch.cuda.stream(s):
            body()  # library handles and workspaces; decode writes only cache rows >= pos
        torch.cuda.current_stream(self.device).wait_stream(s)
        if saved is not None:
            self.tok.copy_(saved[0])
            self.pos.copy_(saved[1])
        g = torch.cuda.CUDAGraph()
        if self.pool is None:
            self.pool = torch.cuda.graph_pool_handle()
        # thread_local: the VRAM telemetry thread may call CUDA while this thread captures
        try:
            with torch.cuda.graph(g, pool=self.pool, stream=s, capture_error_mode="thread_local"):
                body()
        except torch.OutOfMemoryError:
            raise
        except Exception:  # noqa: BLE001 - any capture failure: keep decoding without graphs
            if self.triton and fdt.PDL:  # an older driver may not capture programmatic launches
                log.warning("CUDA graph capture failed with programmatic dependent launch: without it", exc_info=True)
                fdt.PDL = False
                return self._capture(key, body, restore)
            log.warning("CUDA graph capture failed: decoding without graphs for this model", exc_info=True)
            self.graphs_ok = False
            self.graphs.clear()
            return body
        self.graphs[key] = g
        return g.replay

    # ------------------------------------------------------------------ request
    @torch.inference_mode()
    def generate(
        self,
        input_ids: torch.Tensor,
        max_new_tokens: int,
        *,
        eos_token_ids: set[int],
        should_stop: Callable[[], bool],
        on_token: Callable[[int], None],
        prefix_cache: "PrefixCache | None" = None,
    ) -> DecodeStats:
        t0 = time.perf_counter()
        query = input_ids[0].cpu().numpy().astype(np.int64, copy=True)  # kept as self.resident
        ids = input_ids.to(self.device)[0]
        n = ids.shape[0]
        if should_stop():
            return DecodeStats(None, time.perf_counter() - t0, 0, n, 0, True, "cancelled")
        self._ensure_capacity(n + max_new_tokens)
        n_cached = self._reuse_prefix(query, prefix_cache) if prefix_cache is not None else 0
        self.resident = query[:n_cached]  # rows past it are about to be rewritten
        first = self.prefill(ids[n_cached:], n_cached)
        self.resident = query
        tok = int(first.item())
        ttft = time.perf_counter() - t0
        if prefix_cache is not None:
            prefix_cache.store(query, self.kv[:, :, :, :n], self.model)
        on_token(tok)
        n_new = 1
        finish = "length"
        if tok in eos_token_ids:
            finish = "stop"
        elif n_new >= max_new_tokens:
            finish = "length"
        elif should_stop():
            finish = "cancelled"
        else:
            finish, n_new = self._decode(first, n, max_new_tokens - 1, eos_token_ids, should_stop, on_token)
            n_new += 1
        return DecodeStats(
            ttft_s=ttft,
            e2e_s=time.perf_counter() - t0,
            new_tokens=n_new,
            prompt_tokens=n,
            cached_prompt_tokens=n_cached,
            fast_path=True,
            finish_reason=finish,
        )

    def _reuse_prefix(self, query: np.ndarray, prefix_cache: "PrefixCache") -> int:
        """How many leading prompt tokens need no prefill: those whose rows the static cache still
        holds from the previous request (no copy at all: the usual case, the same fleet description
        before every utterance), or a longer entry of ``prefix_cache`` copied in.  On CUDA a tail that
        fits the smallest prefill bucket costs the same whatever its length, so then the entries are
        not even searched."""
        limit = len(query) - 1
        m = min(limit, len(self.resident))
        diff = np.flatnonzero(self.resident[:m] != query[:m])
        have = int(diff[0]) if diff.size else m
        if have < prefix_cache.min_tokens:
            have = 0
        scan = len(query) - have > (PREFILL_BUCKETS[0] if self.cuda else 0)
        hit = prefix_cache.lookup(query, self.model, have=have, scan=scan)
        if hit is None:
            return have
        # rows [0, have) hold the same tokens' KV already
        self.kv[:, :, :, have : hit.length].copy_(hit.kv[:, :, :, have : hit.length])
        return hit.length

    def _decode(self, first, n, budget, eos_token_ids, should_stop, on_token) -> tuple[str, int]:
        """Decode up to ``budget`` tokens after ``first`` (at position n); returns (finish, count)."""
        self.tok.copy_(first)
        self.pos.fill_(n)
        K = self.chunk
        host_pos = n
        pending: list[tuple[int, object, int]] = []  # (slot, event, tokens wanted from this chunk)
        issued = 0
        delivered = 0
        slot = 0

        def issue() -> None:
            nonlocal host_pos, issued, slot
            L = -(-(host_pos + K) // BUCKET) * BUCKET
            self._chunk_fn(L)()
            want = min(K, budget - issued)
            if self.cuda:
                self.host_out[slot].copy_(self.out, non_blocking=True)
                ev = torch.cuda.Event()
                ev.record()
            else:
                self.host_out[slot].copy_(self.out)
                ev = None
            pending.append((slot, ev, want))
            slot ^= 1
            host_pos += K
            issued += want

        issue()
        while pending:
            if issued < budget:
                issue()  # keep the GPU one chunk ahead of the host
            s, ev, want = pending.pop(0)
            if ev is not None:
                ev.synchronize()
            toks = self.host_out[s][:want].tolist()
            for t in toks:
                on_token(t)
                delivered += 1
                if t in eos_token_ids:
                    return "stop", delivered
            if delivered >= budget:
                return "length", delivered
            if should_stop():
                return "cancelled", delivered
        return "length", delivered
