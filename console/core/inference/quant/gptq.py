"""GPTQ int4 checkpoints (safetensors with ``quantization_config.quant_method == "gptq"``) loaded
into ``QuantLinear``s without GPTQ's CUDA extension packages.

The GPTQ tensors of a linear layer ``name`` (auto-gptq / gptqmodel "v1" format, as transformers
describes it): ``name.qweight`` int32 ``[K / 8, N]`` (8 values of one column a word, value i in
bits 4i..4i+3), ``name.qzeros`` int32 ``[K / G, N / 8]`` (packed along N; the zero point is the
stored value + 1), ``name.scales`` fp16 ``[K / G, N]``, ``name.g_idx`` (only the trivial order is
taken: ``desc_act`` false, or true with ``static_groups``; a g_idx that reorders inputs is refused).
w[n, k] = scales[k // G, n] * (q[k, n] - zero[k // G, n]).

The model is built from its config on the meta device, the plain tensors (embeddings, norms, LM
head, biases) are read from the safetensors files, and each quantized linear is repacked to the
``QWeight`` layout (symmetric where every zero point is 8).  Runs on the model worker's thread.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import torch

from console.core.inference.quant.tensor import GROUPS, QuantLinear, QWeight, pack_nibbles


ACT_ORDER_REASON = (
    "GPTQ act-order (desc_act) checkpoints whose g_idx reorders the input channels are not supported: "
    "the fast path's fused kernels read each group's inputs in order and would need every activation "
    "gathered per layer (docs/QUANTIZATION.md); re-quantize with desc_act false, or with static_groups true")


def quant_config(folder: Path, method: str) -> dict | None:
    """The folder's ``quantization_config`` when its ``quant_method`` is ``method``, else None."""
    try:
        cfg = json.loads((Path(folder) / "config.json").read_text())
    except (OSError, ValueError):
        return None
    qc = (cfg.get("quantization_config") or {}) if isinstance(cfg, dict) else {}
    return qc if isinstance(qc, dict) and str(qc.get("quant_method", "")).lower() == method else None


def gptq_config(folder: Path) -> dict | None:
    """The folder's GPTQ quantization_config, or None where it is not a GPTQ checkpoint."""
    return quant_config(folder, "gptq")


def _unpack_rows(packed: torch.Tensor) -> torch.Tensor:
    """int32 [R, C] holding 8 nibbles a word along R -> [8R, C] values 0..15."""
    shifts = torch.arange(0, 32, 4, dtype=torch.int32)
    v = (packed.unsqueeze(1) >> shifts.view(1, 8, 1)) & 15  # [R, 8, C]
    return v.reshape(-1, packed.shape[1])


def _unpack_cols(packed: torch.Tensor) -> torch.Tensor:
    """int32 [R, C] holding 8 nibbles a word along C -> [R, 8C]."""
    shifts = torch.arange(0, 32, 4, dtype=torch.int32)
    v = (packed.unsqueeze(2) >> shifts.view(1, 1, 8)) & 15  # [R, C, 8]
    return v.reshape(packed.shape[0], -1)


def repack_gptq(qweight: torch.Tensor, qzeros: torch.Tensor, scales: torch.Tensor, group: int,
                g_idx: torch.Tensor | None = None) -> QWeight:
    """One GPTQ layer's tensors -> QWeight (int4, groups of ``group``)."""
    k = qweight.shape[0] * 8
    if g_idx is not None and not torch.equal(g_idx.long(), torch.arange(k) // group):
        raise ValueError(ACT_ORDER_REASON)  # desc_act with static_groups (g_idx in order) is read
    q = _unpack_rows(qweight).t()  # [N, K]
    z = (_unpack_cols(qzeros) + 1).t().float()  # [N, K / G]
    s = scales.t().half().contiguous()
    zeros = None if bool((z == 8).all()) else z.half().contiguous()
    return QWeight(pack_nibbles(q).contiguous(), s, zeros, 4, group, k)


def write_gptq_tensors(qw: QWeight) -> dict[str, torch.Tensor]:
    """The inverse of ``repack_gptq`` for a QWeight with group >= 8 (tests write checkpoints with it)."""
    from console.core.inference.quant.tensor import unpack_nibbles

    u = unpack_nibbles(qw.q).to(torch.int32)[:, : qw.k].t().contiguous()  # [K, N]
    shifts = torch.arange(0, 32, 4, dtype=torch.int32)
    qweight = (u.view(-1, 8, u.shape[1]) << shifts.view(1, 8, 1)).sum(1, dtype=torch.int32)
    z = (qw.zeros.float() if qw.zeros is not None else torch.full_like(qw.scales, 8, dtype=torch.float32))
    zt = (z.round().to(torch.int32) - 1).t().contiguous()  # [K / G, N]
    qzeros = (zt.view(zt.shape[0], -1, 8) << shifts.view(1, 1, 8)).sum(2, dtype=torch.int32)
    return {"qweight": qweight, "qzeros": qzeros, "scales": qw.scales.t().half().contiguous(),
            "g_idx": (torch.arange(qw.k) // qw.group).to(torch.int32)}


@torch.no_grad()
def load_gptq(folder: Path, dtype: torch.dtype, device: str = "cpu"):
    """The model of a GPTQ folder with QuantLinear layers, on ``device``."""
    # desc_act alone does not decide: with static_groups the groups stay in input order (trivial g_idx),
    # which ``repack_gptq`` checks layer by layer
    def settings(qc: dict) -> tuple[int, int]:
        return int_setting(qc, "GPTQ", ("bits",), 4), int_setting(qc, "GPTQ", ("group_size",), 128)

    def repack(tensors: dict[str, torch.Tensor], full: str, group: int) -> QWeight:
        return repack_gptq(tensors.pop(f"{full}.qweight"), tensors.pop(f"{full}.qzeros"),
                           tensors.pop(f"{full}.scales"), group, tensors.pop(f"{full}.g_idx", None))

    return load_int4(folder, dtype, device, "gptq", settings, repack)


def int_setting(qc: dict, label: str, keys: tuple[str, ...], default: int) -> int:
    """The first of ``keys`` present in ``qc`` as an int, else ``default``; a value that is not a
    whole number (a word, a list, 4.5, true, NaN) is a ValueError that names it."""
    for key in keys:
        if key in qc:
            value = qc[key]
            if isinstance(value, str) and value.strip().isdigit():  # "4": as int() always read it
                return int(value)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or (
                    isinstance(value, float) and not value.is_integer()):
                raise ValueError(f"{label} quantization_config {key} is {value!r}: a whole number is expected")
            return int(value)
    return default


@torch.no_grad()
def load_int4(folder: Path, dtype: torch.dtype, device: str, method: str,
              settings: Callable[[dict], tuple[int, int]], repack: Callable[[dict, str, int], QWeight]):
    """The checks and the build GPTQ and AWQ share: the folder's ``quantization_config`` for
    ``method``, ``settings(qc)`` -> (bits, group) refused unless 4 bits and a group our kernels take,
    then ``load_packed`` with ``repack(tensors, layer, group)``; the model is marked
    ``console_quantization = {"scheme": "<method>-int4", "group": group}``."""
    folder = Path(folder)
    label = method.upper()
    qc = quant_config(folder, method)
    if qc is None:
        raise ValueError(f"{folder} has no {label} quantization_config")
    bits, group = settings(qc)
    if bits != 4:
        raise ValueError(f"{label} with {bits} bits: only 4-bit checkpoints are supported")
    if group not in GROUPS:
        raise ValueError(f"{label} group size {group}: only {GROUPS} are supported")
    model = load_packed(folder, dtype, device, lambda tensors, full: repack(tensors, full, group), label)
    model.config.console_quantization = {"scheme": f"{method}-int4", "group": group}
    return model


@torch.no_grad()
def load_packed(folder: Path, dtype: torch.dtype, device: str, repack, label: str):
    """Build the folder's model on the meta device, replace every ``nn.Linear`` whose ``.qweight``
    is in the safetensors by ``QuantLinear(repack(tensors, name))`` (``repack`` pops the layer's
    packed tensors), and load the remaining plain tensors (GPTQ and AWQ share this)."""
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModelForCausalLM

    tensors: dict[str, torch.Tensor] = {}
    for f in sorted(Path(folder).glob("*.safetensors")):
        tensors.update(load_file(str(f)))
    config = AutoConfig.from_pretrained(str(folder))
    config.quantization_config = None
    if hasattr(config, "__dict__"):
        config.__dict__.pop("quantization_config", None)
    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(config, dtype=dtype)
    for pname, parent in list(model.named_modules()):
        for cname, child in list(parent.named_children()):
            full = f"{pname}.{cname}" if pname else cname
            if type(child) is torch.nn.Linear and f"{full}.qweight" in tensors:
                qw = repack(tensors, full)
                if (qw.n, qw.k) != (child.out_features, child.in_features):
                    raise ValueError(f"{label} layer {full} is {qw.n}x{qw.k}, the config says "
                                     f"{child.out_features}x{child.in_features}")
                qw = QWeight(qw.q.to(device), qw.scales.to(device),
                             qw.zeros.to(device) if qw.zeros is not None else None, 4, qw.group, qw.k)
                bias = tensors.pop(f"{full}.bias", None)
                setattr(parent, cname, QuantLinear(qw, bias.to(device, dtype) if bias is not None else None))
    state = {k: v.to(dtype) if v.is_floating_point() else v for k, v in tensors.items()}
    missing, unexpected = model.load_state_dict(state, strict=False, assign=True)
    done = tuple(f"{n}." for n, m in model.named_modules() if isinstance(m, QuantLinear))
    missing = [m for m in missing if not m.startswith(done)
               and not (m == "lm_head.weight" and getattr(config, "tie_word_embeddings", False))]
    if missing or unexpected:
        raise ValueError(f"{label} checkpoint does not match its config: missing {missing[:5]}, "
                         f"unexpected {unexpected[:5]}")
    if getattr(config, "tie_word_embeddings", False):
        model.tie_weights()
    # rotary embeddings' inv_freq (not in the checkpoint) was made on the meta device: build them again
    for parent in list(model.modules()):
        for cname, child in list(parent.named_children()):
            if any(b.is_meta for b in child.buffers(recurse=False)) and hasattr(child, "config"):
                with torch.device(device):
                    setattr(parent, cname, type(child)(config=child.config))
    model.to(device)
    return model.eval()
