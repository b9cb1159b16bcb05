"""How much memory a model needs before it is loaded: weights, KV cache, activations, overhead.

The shape comes from what is on disk, without torch: ``config.json`` (parameter count from the
hidden/intermediate/layer/vocab sizes), the safetensors headers (exact count, when present) or a
GGUF file's header (exact count; transformers dequantizes GGUF weights to the load dtype, so the
GGUF quantization does not shrink the loaded model).  ``estimate_memory`` turns a shape into bytes
for a dtype (fp32/bf16/fp16) and an optional bitsandbytes quantization (int8/4bit) or our weight-only
one (w8/w4: ``console.core.inference.quant``, embeddings and the LM head kept in the load dtype).

The numbers are an estimate for batch 1 and a one-shot prefill of ``context_tokens``; they are meant
to say "fits / does not fit" before a multi-minute load, not to replace a measurement.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from console.core.i18n import QT_TRANSLATE_NOOP, Msg

GiB = 1024**3
MiB = 1024**2

DTYPE_BYTES = {"fp32": 4.0, "bf16": 2.0, "fp16": 2.0}
# bitsandbytes: int8 keeps one fp32 scale per row (negligible); 4-bit (nf4/fp4) stores 0.5 byte per
# weight plus one fp32 absmax per block of 64 without double quantization: 0.5 + 4/64.
QUANT_BYTES = {"none": None, "int8": 1.0, "4bit": 0.5625,
               # ours (console.core.inference.quant), weights in the load dtype: int8 with one fp32 scale
               # per output channel (negligible); int4 with one fp16 scale per group of 128: 0.5 + 2/128
               "w8": 1.0, "w4": 0.515625}
WEIGHT_ONLY = ("w8", "w4")
DTYPE_ALIASES = {
    "float32": "fp32", "fp32": "fp32", "float": "fp32",
    "bfloat16": "bf16", "bf16": "bf16",
    "float16": "fp16", "fp16": "fp16", "half": "fp16",
}
QUANT_ALIASES = {
    "": "none", "none": "none", "no": "none",
    "int8": "int8", "8bit": "int8", "8-bit": "int8", "llm_int8": "int8",
    "4bit": "4bit", "4-bit": "4bit", "nf4": "4bit", "fp4": "4bit", "int4": "4bit",
    "w8": "w8", "w4": "w4",
}
CUDA_FIXED_OVERHEAD = 512 * MiB  # CUDA context, cuBLAS workspace, allocator slack
OVERHEAD_FRACTION = 0.05  # fragmentation and small buffers, relative to the weights


class ModelFormatError(ValueError):
    """A model file or config that cannot be read; the message says which and why (a Msg: the UI
    translates it; ``str(exc)`` is the English text)."""

    @property
    def message(self) -> str:
        return self.args[0] if self.args else ""


# the load line (MemoryEstimate.describe); a UI that got it as plain text matches it back against these
ESTIMATE = QT_TRANSLATE_NOOP("Fit", "{total} GiB ({billions} B params, {dtype}: weights {weights} + KV {kv} at "
                             "{tokens} tokens + activations {activations} + overhead {overhead})")
ESTIMATE_QUANT = QT_TRANSLATE_NOOP("Fit", "{total} GiB ({billions} B params, {dtype} {quant}: weights {weights} + KV "
                                   "{kv} at {tokens} tokens + activations {activations} + overhead {overhead})")
ESTIMATE_TEMPLATES = (ESTIMATE_QUANT, ESTIMATE)  # the one with more words first
QUANT_LABELS = {"w8": QT_TRANSLATE_NOOP("Fit", "int8 weight-only"), "w4": QT_TRANSLATE_NOOP("Fit", "int4 weight-only")}


def auto_dtype(device: str) -> str:
    """What dtype "auto" loads in on ``device`` ("cpu" or "cuda"): float32 on the CPU (its matmuls
    in bf16/fp16 are slower there), bf16 on a GPU (the loader takes fp16 where a GPU lacks bf16: the
    same two bytes a weight, so the estimate holds)."""
    return "fp32" if device == "cpu" else "bf16"


def normalize_dtype(dtype: str, device: str = "cuda") -> str:
    """A dtype name (fp32, bf16, fp16 and their aliases; "auto" as ``auto_dtype(device)``)."""
    key = (dtype or "bf16").strip().lower().removeprefix("torch.")
    if key == "auto":
        return auto_dtype(device)
    if key not in DTYPE_ALIASES:
        raise ValueError(QT_TRANSLATE_NOOP("Fit", "unknown dtype {dtype}: use fp32, bf16 or fp16").format(
            dtype=repr(dtype)))
    return DTYPE_ALIASES[key]


def normalize_quantization(quant: str | None) -> str:
    key = (quant or "none").strip().lower()
    if key not in QUANT_ALIASES:
        raise ValueError(QT_TRANSLATE_NOOP("Fit", "unknown quantization {quant}: use none, int8 or 4bit").format(
            quant=repr(quant)))
    return QUANT_ALIASES[key]


@dataclass(frozen=True)
class ModelShape:
    params: int  # every parameter
    embedding_params: int  # input embedding + untied output head (never quantized)
    layers: int
    hidden: int
    intermediate: int
    vocab: int
    kv_heads: int
    head_dim: int
    max_context: int | None
    source: str  # config.json | safetensors | gguf
    model_type: str = ""
    packed_params: int = 0  # weights that load already quantized (GPTQ/AWQ folder; GGUF kept blocks)
    packed_bytes: int = 0  # their bytes as loaded (memory_quant.py)

    @property
    def kv_bytes_per_token_fp16(self) -> int:
        return 2 * self.layers * self.kv_heads * self.head_dim * 2


@dataclass(frozen=True)
class MemoryEstimate:
    params: int
    dtype: str
    quantization: str
    context_tokens: int
    device: str
    weights_bytes: int
    kv_cache_bytes: int
    activation_bytes: int
    overhead_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.weights_bytes + self.kv_cache_bytes + self.activation_bytes + self.overhead_bytes

    def describe(self) -> Msg:
        """The load line, e.g. "1.03 GiB (0.13 B params, fp32: weights 0.50 + KV …)" (a Msg, English)."""
        numbers = dict(total=f"{self.total_bytes / GiB:.2f}", billions=f"{self.params / 1e9:.2f}", dtype=self.dtype,
                       weights=f"{self.weights_bytes / GiB:.2f}", kv=f"{self.kv_cache_bytes / GiB:.2f}",
                       tokens=self.context_tokens, activations=f"{self.activation_bytes / GiB:.2f}",
                       overhead=f"{self.overhead_bytes / GiB:.2f}")
        if self.quantization == "none":
            return ESTIMATE.format(**numbers)
        return ESTIMATE_QUANT.format(quant=QUANT_LABELS.get(self.quantization, self.quantization), **numbers)


# -- config.json ---------------------------------------------------------------------------------
def _first(cfg: dict[str, Any], *keys: str, default: Any = None) -> Any:
    for k in keys:
        v = cfg.get(k)
        if v is not None:
            return v
    return default


def _text_config(cfg: dict[str, Any]) -> dict[str, Any]:
    """Multimodal configs (glm4v, llava …) keep the language model under text_config."""
    inner = cfg.get("text_config") or cfg.get("llm_config")
    if isinstance(inner, dict) and _first(inner, "hidden_size", "n_embd", "d_model"):
        merged = dict(inner)
        merged.setdefault("model_type", cfg.get("model_type", ""))
        return merged
    return cfg


def shape_from_config(cfg: dict[str, Any]) -> ModelShape:
    """Parameter count of a decoder-only transformer from its config (llama/qwen/glm/chatglm/mistral/moe).

    Attention q/k/v/o (with biases when the config says so), a gated MLP (3 matrices) unless the
    activation says otherwise, two norms per layer, the embedding and an untied head.  Mixture of
    experts multiplies the MLP by the routed experts (plus shared experts and the router).
    """
    cfg = _text_config(cfg)
    model_type = str(cfg.get("model_type", ""))
    hidden = _first(cfg, "hidden_size", "n_embd", "d_model")
    layers = _first(cfg, "num_hidden_layers", "num_layers", "n_layer")
    vocab = _first(cfg, "vocab_size", "padded_vocab_size")
    heads = _first(cfg, "num_attention_heads", "n_head")
    if not all(isinstance(x, int) and x > 0 for x in (hidden, layers, vocab, heads)):
        raise ModelFormatError(QT_TRANSLATE_NOOP(
            "Fit", "config.json lacks hidden_size / num_hidden_layers / vocab_size / num_attention_heads"))
    intermediate = _first(cfg, "intermediate_size", "ffn_hidden_size", "n_inner", default=4 * hidden)
    kv_heads = _first(cfg, "num_key_value_heads", "multi_query_group_num", default=heads)
    if cfg.get("multi_query_attention") is False:
        kv_heads = heads
    head_dim = _first(cfg, "head_dim", "kv_channels", default=hidden // heads)
    q_dim = heads * head_dim
    kv_dim = kv_heads * head_dim
    # Qwen2 always has q/k/v biases and its config has no key for them
    attn_bias = bool(_first(cfg, "attention_bias", "add_qkv_bias", "qkv_bias",
                            default=model_type in ("qwen2", "qwen2_moe", "qwen2_vl")))
    attn = hidden * (q_dim + 2 * kv_dim) + q_dim * hidden
    if attn_bias:
        attn += q_dim + 2 * kv_dim
    act = str(_first(cfg, "hidden_act", "activation_function", default="silu")).lower()
    gated = act in ("silu", "swiglu", "swish") or model_type in ("chatglm", "glm", "glm4") or "glu" in act
    mlp_dense = (3 if gated else 2) * hidden * intermediate
    experts = _first(cfg, "num_local_experts", "n_routed_experts", "num_experts", default=0) or 0
    if experts:
        moe_inter = _first(cfg, "moe_intermediate_size", default=intermediate)
        shared = _first(cfg, "n_shared_experts", "num_shared_experts", default=0) or 0
        shared_inter = _first(cfg, "shared_expert_intermediate_size", default=moe_inter * max(shared, 0))
        mlp = 3 * hidden * moe_inter * experts + 3 * hidden * shared_inter + hidden * experts
        dense_layers = _first(cfg, "first_k_dense_replace", default=0) or 0
        mlp_total = mlp * (layers - dense_layers) + mlp_dense * dense_layers
    else:
        mlp_total = mlp_dense * layers
    norms_per_layer = 4 if model_type == "glm4" else 2  # GLM-4 adds post-attention and post-MLP norms
    norms = norms_per_layer * hidden * layers + hidden
    embed = vocab * hidden
    tied = bool(_first(cfg, "tie_word_embeddings", default=model_type not in ("chatglm",)))
    head = 0 if tied else vocab * hidden
    params = attn * layers + mlp_total + norms + embed + head
    max_ctx = _first(cfg, "max_position_embeddings", "seq_length", "n_positions", "max_sequence_length")
    return ModelShape(
        params=int(params),
        embedding_params=int(embed + head),
        layers=int(layers),
        hidden=int(hidden),
        intermediate=int(intermediate),
        vocab=int(vocab),
        kv_heads=int(kv_heads),
        head_dim=int(head_dim),
        max_context=int(max_ctx) if isinstance(max_ctx, int) else None,
        source="config.json",
        model_type=model_type,
    )


def read_config(folder: Path) -> dict[str, Any]:
    path = Path(folder) / "config.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{path} is missing").format(path=str(path))) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{path} is not readable JSON: {error}").format(
            path=str(path), error=str(exc))) from exc
    if not isinstance(data, dict):
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{path} is not a JSON object").format(path=str(path)))
    return data


# -- safetensors ---------------------------------------------------------------------------------
def safetensors_param_count(files: list[Path]) -> int:
    """Exact element count from the safetensors headers (8-byte length + JSON), no tensor data read."""
    total = 0
    for f in files:
        with open(f, "rb") as fh:
            raw = fh.read(8)
            if len(raw) != 8:
                raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{file} is too short to be a safetensors file").format(
                    file=str(f)))
            (n,) = struct.unpack("<Q", raw)
            if n > 100 * MiB:
                raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{file}: safetensors header of {n} bytes is "
                                                         "implausible").format(file=str(f), n=n))
            try:
                header = json.loads(fh.read(n))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{file}: bad safetensors header: {error}").format(
                    file=str(f), error=str(exc))) from exc
        for name, info in header.items():
            if name == "__metadata__":
                continue
            count = 1
            for d in info.get("shape", []):
                count *= int(d)
            total += count
    return total


# -- GGUF ----------------------------------------------------------------------------------------
_GGUF_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
_GGUF_STRING, _GGUF_ARRAY = 8, 9


@dataclass
class GgufInfo:
    version: int
    metadata: dict[str, Any] = field(default_factory=dict)  # scalars and strings; arrays as their length
    tensor_params: int = 0
    tensor_count: int = 0
    embedding_params: int = 0
    tensor_types: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (ggml type, elements)

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", ""))


def _read(fh: BinaryIO, fmt: str) -> Any:
    size = struct.calcsize(fmt)
    raw = fh.read(size)
    if len(raw) != size:
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "GGUF file ends early"))
    return struct.unpack(fmt, raw)[0]


def _read_str(fh: BinaryIO) -> str:
    n = _read(fh, "<Q")
    if n > 64 * MiB:
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "GGUF string of {n} bytes is implausible").format(n=n))
    raw = fh.read(n)
    if len(raw) != n:
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "GGUF file ends early"))
    return raw.decode("utf-8", errors="replace")


def _read_value(fh: BinaryIO, vtype: int) -> Any:
    if vtype in _GGUF_SCALARS:
        return _read(fh, _GGUF_SCALARS[vtype])
    if vtype == _GGUF_STRING:
        return _read_str(fh)
    if vtype == _GGUF_ARRAY:
        itype = _read(fh, "<I")
        count = _read(fh, "<Q")
        if itype in _GGUF_SCALARS:  # skip the payload in one seek
            fh.seek(struct.calcsize(_GGUF_SCALARS[itype]) * count, 1)
        else:
            for _ in range(count):
                _read_value(fh, itype)
        return count
    raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "unknown GGUF value type {type}").format(type=vtype))


def read_gguf(path: Path) -> GgufInfo:
    """The header of a GGUF file (v2/v3): metadata scalars and the total tensor element count."""
    with open(path, "rb") as fh:
        if fh.read(4) != b"GGUF":
            raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{path} is not a GGUF file (bad magic)").format(
                path=str(path)))
        version = _read(fh, "<I")
        if version < 2:
            raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{path}: GGUF version {version} is too old (need 2 or "
                                                     "3)").format(path=str(path), version=version))
        n_tensors = _read(fh, "<Q")
        n_kv = _read(fh, "<Q")
        info = GgufInfo(version=version, tensor_count=n_tensors)
        for _ in range(n_kv):
            key = _read_str(fh)
            vtype = _read(fh, "<I")
            info.metadata[key] = _read_value(fh, vtype)
        for _ in range(n_tensors):
            name = _read_str(fh)
            n_dims = _read(fh, "<I")
            count = 1
            for _ in range(n_dims):
                count *= _read(fh, "<Q")
            info.tensor_types[name] = (_read(fh, "<I"), count)  # ggml type
            _read(fh, "<Q")  # offset
            info.tensor_params += count
            if name in ("token_embd.weight", "output.weight"):
                info.embedding_params += count
    return info


def shape_from_gguf(info: GgufInfo) -> ModelShape:
    arch = info.architecture
    md = info.metadata

    def key(k: str, default: Any = None) -> Any:
        return md.get(f"{arch}.{k}", default)

    hidden = key("embedding_length")
    layers = key("block_count")
    heads = key("attention.head_count")
    if not (hidden and layers and heads):
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "GGUF metadata lacks {arch}.embedding_length/block_count/"
                                                 "attention.head_count").format(arch=arch))
    kv_heads = key("attention.head_count_kv", heads)
    head_dim = key("attention.key_length", hidden // heads)
    vocab = key("vocab_size") or md.get("tokenizer.ggml.tokens") or 0
    return ModelShape(
        params=info.tensor_params,
        embedding_params=info.embedding_params,
        layers=int(layers),
        hidden=int(hidden),
        intermediate=int(key("feed_forward_length", 4 * hidden)),
        vocab=int(vocab),
        kv_heads=int(kv_heads),
        head_dim=int(head_dim),
        max_context=key("context_length"),
        source="gguf",
        model_type=arch,
    )


# -- a model on disk -----------------------------------------------------------------------------
def model_shape(path: str | Path) -> ModelShape:
    """The shape of a model folder (config.json, exact count from safetensors when present) or GGUF file."""
    p = Path(path)
    if p.is_file():
        return shape_from_gguf(read_gguf(p))
    if not p.is_dir():
        raise ModelFormatError(QT_TRANSLATE_NOOP("Fit", "{path} is neither a model folder nor a GGUF file").format(
            path=str(p)))
    shape = shape_from_config(read_config(p))
    weights = sorted(p.glob("*.safetensors"))
    if weights:
        exact = safetensors_param_count(weights)
        shape = ModelShape(**{**shape.__dict__, "params": exact, "source": "safetensors"})
        from console.core.inference.memory_quant import packed_checkpoint

        packed = packed_checkpoint(p, read_config(p))  # GPTQ/AWQ: int32 words hold 8 weights each
        if packed is not None:
            shape = ModelShape(**{**shape.__dict__, "params": packed[0], "packed_params": packed[1],
                                  "packed_bytes": packed[2]})
    return shape


def estimate_memory(
    shape: ModelShape,
    dtype: str = "bf16",
    quantization: str = "none",
    context_tokens: int | None = None,
    device: str = "cuda",
) -> MemoryEstimate:
    """Bytes to load ``shape`` and run batch 1 at ``context_tokens`` (default: min(max context, 4096))."""
    dtype = normalize_dtype(dtype, device)
    quant = normalize_quantization(quantization)
    compute = DTYPE_BYTES[dtype]
    if quant != "none" and quant not in WEIGHT_ONLY:
        compute = 2.0  # bitsandbytes computes in fp16/bf16 whatever the load dtype
    ctx = context_tokens or min(shape.max_context or 4096, 4096)
    if ctx < 1:
        raise ValueError(f"context_tokens must be positive, got {ctx}")
    qbytes = QUANT_BYTES[quant]
    if shape.packed_params:  # already quantized on disk (GPTQ/AWQ) or GGUF blocks kept: their own bytes
        compute = DTYPE_BYTES[dtype]
        quant = quant if quant in WEIGHT_ONLY else "w4"
        weights = shape.packed_bytes + max(0, shape.params - shape.packed_params) * compute
    elif qbytes is None:
        weights = shape.params * DTYPE_BYTES[dtype]
    else:
        quantizable = max(0, shape.params - shape.embedding_params)
        weights = quantizable * qbytes + shape.embedding_params * compute
    kv = 2 * shape.layers * shape.kv_heads * shape.head_dim * ctx * compute
    # one-shot prefill: full-vocab logits, the gated MLP's two intermediate tensors, a few hidden copies
    act = ctx * (shape.vocab + 2 * shape.intermediate + 4 * shape.hidden) * compute
    overhead = weights * OVERHEAD_FRACTION + (CUDA_FIXED_OVERHEAD if device == "cuda" else 0)
    return MemoryEstimate(
        params=shape.params,
        dtype=dtype,
        quantization=quant,
        context_tokens=int(ctx),
        device=device,
        weights_bytes=int(weights),
        kv_cache_bytes=int(kv),
        activation_bytes=int(act),
        overhead_bytes=int(overhead),
    )
