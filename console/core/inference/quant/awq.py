"""AWQ int4 checkpoints (safetensors with ``quantization_config.quant_method == "awq"``, GEMM
version) loaded into ``QuantLinear``s without autoawq.

The AWQ tensors of a linear layer ``name`` (autoawq's ``WQLinear_GEMM``, as transformers' AwqConfig
describes the checkpoint): ``name.qweight`` int32 ``[K, N / 8]`` and ``name.qzeros`` int32
``[K / G, N / 8]``, both packed along the *output* dimension, 8 nibbles a word in the interleaved
order [0, 2, 4, 6, 1, 3, 5, 7] (bits 4i..4i+3 of word c hold column 8c + ORDER[i]); ``name.scales``
fp16 ``[K / G, N]``.  w[n, k] = scales[k // G, n] * (q[k, n] - zero[k // G, n]), zero points stored
as they are (no +1, unlike GPTQ v1).  Sources read for the format: autoawq's ``WQLinear_GEMM.from_linear``
(packing) and the ``unpack_awq`` / ``reverse_awq_order`` / ``dequantize_gemm`` helpers that vLLM and
gptqmodel carry (``AWQ_REVERSE_ORDER = [0, 4, 1, 5, 2, 6, 3, 7]``).

Only the GEMM version with 4 bits and a group size our kernels take is read; GEMV / Marlin /
exllama-packed AWQ files are refused with the reason.  The model is built as for GPTQ
(``gptq.load_int4``: the same checks; meta device, plain tensors read, each packed layer repacked).  Runs on the
model worker's thread.
"""

from __future__ import annotations

from pathlib import Path

import torch

from console.core.inference.quant.gptq import int_setting, load_int4, quant_config
from console.core.inference.quant.tensor import QWeight, pack_nibbles

ORDER = (0, 2, 4, 6, 1, 3, 5, 7)  # nibble i of a word holds column ORDER[i] of its 8
REVERSE = tuple(ORDER.index(j) for j in range(8))  # column j sits in nibble REVERSE[j]: (0, 4, 1, 5, 2, 6, 3, 7)


def awq_config(folder: Path) -> dict | None:
    """The folder's AWQ quantization_config, or None where it is not an AWQ checkpoint."""
    return quant_config(folder, "awq")


def _settings(qc: dict) -> tuple[int, int]:
    """(bits, group) from an AWQ quantization_config (transformers' or autoawq's keys); refuses
    versions other than GEMM (``load_int4`` checks bits and group)."""
    version = str(qc.get("version", "gemm")).lower()
    if version != "gemm":
        raise ValueError(f"AWQ version {version!r}: only 'gemm' checkpoints are read (re-export with version GEMM)")
    return (int_setting(qc, "AWQ", ("bits", "w_bit"), 4),
            int_setting(qc, "AWQ", ("group_size", "q_group_size"), 128))


def _unpack_awq(packed: torch.Tensor) -> torch.Tensor:
    """int32 [R, C] in AWQ's interleaved order -> [R, 8C] values 0..15 in column order."""
    shifts = torch.tensor([4 * REVERSE[j] for j in range(8)], dtype=torch.int32)  # column j <- nibble REVERSE[j]
    v = (packed.to(torch.int32).unsqueeze(2) >> shifts.view(1, 1, 8)) & 15  # [R, C, 8]
    return v.reshape(packed.shape[0], -1)


def repack_awq(qweight: torch.Tensor, qzeros: torch.Tensor, scales: torch.Tensor, group: int) -> QWeight:
    """One AWQ GEMM layer's tensors -> QWeight (int4, groups of ``group``; stored as symmetric where
    every zero point is 8)."""
    k = qweight.shape[0]
    n = qweight.shape[1] * 8
    if k % group:
        raise ValueError(f"AWQ layer with {k} inputs is not whole groups of {group}")
    if tuple(scales.shape) != (k // group, n):
        raise ValueError(f"AWQ scales are {tuple(scales.shape)}, expected {(k // group, n)}")
    q = _unpack_awq(qweight).t()  # [N, K]
    s = scales.t().half().contiguous()  # [N, K / G]
    z = _unpack_awq(qzeros).t().float()  # [N, K / G]
    if tuple(z.shape) != (n, k // group):
        raise ValueError(f"AWQ qzeros unpack to {tuple(z.shape)}, expected {(n, k // group)}")
    zeros = None if bool((z == 8).all()) else z.half().contiguous()
    return QWeight(pack_nibbles(q).contiguous(), s, zeros, 4, group, k)


@torch.no_grad()
def load_awq(folder: Path, dtype: torch.dtype, device: str = "cpu"):
    """The model of an AWQ (GEMM) folder with QuantLinear layers, on ``device``."""
    def repack(tensors: dict[str, torch.Tensor], full: str, group: int) -> QWeight:
        qzeros = tensors.pop(f"{full}.qzeros", None)
        if qzeros is None:  # autoawq's GEMM layers always carry zero points
            raise ValueError(f"AWQ layer {full} has no qzeros: only GEMM checkpoints with zero points are read")
        return repack_awq(tensors.pop(f"{full}.qweight"), qzeros, tensors.pop(f"{full}.scales"), group)

    return load_int4(folder, dtype, device, "awq", _settings, repack)
