"""Bytes of weights that load already quantized, for the fit estimate (``memory.py``), without torch.

* A GPTQ / AWQ int4 folder (``quantization_config.quant_method`` "gptq" / "awq"): the safetensors
  headers list each packed layer's ``qweight`` (int32, 8 weights a word), ``scales`` and ``qzeros``;
  counting those int32 elements as parameters under-counts the model 8×.  Here each packed layer
  counts its logical weights (8 a word) and the bytes ``quant.gptq`` / ``quant.awq`` make of them:
  the nibbles (0.5 byte a weight), fp16 scales and fp16 zero points per group.
* A GGUF file loaded with int8/int4 (``quant.convert.keep_gguf_quantized``): the linear layers whose
  blocks are kept (Q8_0, Q4_0, Q4_1, Q4_K) take the bytes of their repacked layout; the others are
  quantized with the scheme (``memory.QUANT_BYTES``).

Pure functions of what is on disk; no thread, no lock.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

PACKED_METHODS = ("gptq", "awq")
PACKED_SUFFIXES = (".qweight", ".qzeros", ".scales", ".g_idx")
# repacked bytes a weight (console.core.inference.quant.convert): nibbles or int8 values, plus per group
# of 32 the scale and zero point as stored there (Q8_0: fp32 scale; Q4_0: fp16 scale; Q4_1: fp16 scale,
# fp32 zero point; Q4_K: fp32 scale and zero point)
GGUF_KEPT_BYTES = {"Q8_0": 1 + 4 / 32, "Q4_0": 0.5 + 2 / 32, "Q4_1": 0.5 + 6 / 32, "Q4_K": 0.5 + 8 / 32}
GGML_TYPE_NAMES = {8: "Q8_0", 2: "Q4_0", 3: "Q4_1", 12: "Q4_K"}
GGUF_LINEARS = ("attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down")
SAFETENSORS_DTYPE_BYTES = {"I32": 4, "F16": 2, "BF16": 2, "F32": 4}


def _headers(files: list[Path]) -> dict[str, dict]:
    """name -> {"dtype", "shape"} of every tensor in the safetensors files (headers only)."""
    out: dict[str, dict] = {}
    for f in files:
        with open(f, "rb") as fh:
            raw = fh.read(8)
            if len(raw) != 8:
                raise ValueError(f"{f} is too short to be a safetensors file")
            (n,) = struct.unpack("<Q", raw)
            if n > 100 * 1024**2:
                raise ValueError(f"{f}: safetensors header of {n} bytes is implausible")
            header = json.loads(fh.read(n))
        out.update({k: v for k, v in header.items() if k != "__metadata__"})
    return out


def _numel(info: dict) -> int:
    n = 1
    for d in info.get("shape", []):
        n *= int(d)
    return n


def packed_checkpoint(folder: Path, cfg: dict) -> tuple[int, int, int] | None:
    """For a GPTQ / AWQ int4 folder: (parameters counting each packed weight once, packed weights,
    their bytes once repacked); None for any other folder."""
    qc = cfg.get("quantization_config") if isinstance(cfg, dict) else None
    if not isinstance(qc, dict) or str(qc.get("quant_method", "")).lower() not in PACKED_METHODS:
        return None
    headers = _headers(sorted(Path(folder).glob("*.safetensors")))
    params = packed = nbytes = 0
    for name, info in headers.items():
        n = _numel(info)
        if name.endswith(".qweight"):  # int32: 8 weights a word (GPTQ along K, AWQ along N)
            base = name[: -len(".qweight")]
            packed += 8 * n
            params += 8 * n
            nbytes += 4 * n
            nbytes += 2 * _numel(headers.get(f"{base}.scales", {}))  # fp16 [K / G, N]
            nbytes += 2 * 8 * _numel(headers.get(f"{base}.qzeros", {}))  # fp16 after unpacking (8 a word)
        elif not name.endswith(PACKED_SUFFIXES):
            params += n
    return params, packed, nbytes


def gguf_kept(tensor_types: dict[str, tuple[int, int]], scheme_bytes: float) -> tuple[int, int]:
    """(weights of the linear layers, their bytes) of a GGUF loaded with int8/int4: kept block types at
    their repacked size, the other types at ``scheme_bytes`` a weight.  ``tensor_types``: name ->
    (ggml type id, element count), from ``memory.read_gguf``."""
    weights = nbytes = 0
    for name, (ggml_type, count) in tensor_types.items():
        parts = name.split(".")
        if len(parts) == 4 and parts[0] == "blk" and parts[2] in GGUF_LINEARS and parts[3] == "weight":
            weights += count
            nbytes += count * GGUF_KEPT_BYTES.get(GGML_TYPE_NAMES.get(ggml_type, ""), scheme_bytes)
    return weights, int(nbytes)
