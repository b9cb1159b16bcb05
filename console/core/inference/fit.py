"""Free memory and the fit verdict: "needs X, Y is free on Z" (Qt-free; torch only if already loaded).

``memory.py`` says how much a model needs; this module says how much there is, and whether the
load should go ahead, warn, or be refused.  The model worker calls it before every load.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

GiB = 1024**3
MiB = 1024**2
TIGHT_FRACTION = 0.90  # above this fraction of the free memory: load, but warn


def fmt_bytes(n: float | None) -> str:
    if n is None:
        return "?"
    if abs(n) >= GiB:
        return f"{n / GiB:.2f} GiB"
    return f"{n / MiB:.0f} MiB"


def parse_size(text: str | int | float) -> int:
    """'20GiB', '20 GB', '512MiB', '1.5e9' → bytes (GB read as GiB: what operators mean by it)."""
    t = str(text).strip().lower().replace(" ", "")
    for suffix, mult in (("gib", GiB), ("gb", GiB), ("g", GiB), ("mib", MiB), ("mb", MiB), ("m", MiB)):
        if t.endswith(suffix):
            num = t[: -len(suffix)]
            break
    else:
        num, mult = t, 1
    try:
        value = float(num)
    except ValueError as exc:
        raise ValueError(f"cannot read {text!r} as a memory size: write e.g. 20GiB or 512MiB") from exc
    if value <= 0:
        raise ValueError(f"memory size must be positive, got {text!r}")
    return int(value * mult)


@dataclass(frozen=True)
class DeviceMemory:
    where: str  # cuda:N or cpu
    free_bytes: int
    total_bytes: int


def cuda_memory() -> list[DeviceMemory]:
    """Free/total bytes per CUDA device (torch.cuda.mem_get_info); [] without CUDA.

    Imports torch: call it from the model worker only."""
    import torch

    if not torch.cuda.is_available():
        return []
    out = []
    for i in range(torch.cuda.device_count()):
        free, total = torch.cuda.mem_get_info(i)
        out.append(DeviceMemory(f"cuda:{i}", int(free), int(total)))
    return out


def cpu_memory() -> DeviceMemory:
    import psutil

    vm = psutil.virtual_memory()
    return DeviceMemory("cpu", int(vm.available), int(vm.total))


def cuda_allocated() -> dict[int, int]:
    """torch-allocated bytes per GPU; {} when torch is not loaded yet or there is no CUDA."""
    torch = sys.modules.get("torch")
    if torch is None or not torch.cuda.is_available():
        return {}
    return {i: int(torch.cuda.memory_allocated(i)) for i in range(torch.cuda.device_count())}


@dataclass(frozen=True)
class FitVerdict:
    fits: bool  # False: refuse, unless the operator chose "load anyway"
    tight: bool  # fits with little room: warn
    needed_bytes: int
    free_bytes: int
    where: str
    message: str


def judge_fit(needed: int, free: int, where: str) -> FitVerdict:
    fits = needed <= free
    tight = fits and needed > TIGHT_FRACTION * free
    if not fits:
        msg = f"needs about {fmt_bytes(needed)} but only {fmt_bytes(free)} is free on {where}"
    elif tight:
        msg = f"tight fit: needs about {fmt_bytes(needed)} of {fmt_bytes(free)} free on {where}"
    else:
        msg = f"fits: needs about {fmt_bytes(needed)}, {fmt_bytes(free)} free on {where}"
    return FitVerdict(fits, tight, int(needed), int(free), where, msg)


def free_memory_for(device: str, max_memory: dict[str, str] | None) -> tuple[int, str]:
    """Free bytes a load may use on ``device`` ("cpu" or "cuda"), capped by accelerate-style
    ``max_memory`` ({"0": "20GiB", "cpu": "30GiB"}), and a description of where that is."""
    caps = {str(k): parse_size(v) for k, v in (max_memory or {}).items()}
    if device == "cpu":
        free = cpu_memory().free_bytes
        if "cpu" in caps:
            return min(free, caps["cpu"]), f"cpu (RAM, max memory {fmt_bytes(caps['cpu'])})"
        return free, "cpu (available RAM)"
    total = 0
    names = []
    for dm in cuda_memory():
        idx = dm.where.split(":")[1]
        if caps and idx not in caps:
            continue
        total += min(dm.free_bytes, caps[idx]) if idx in caps else dm.free_bytes
        names.append(dm.where)
    if "cpu" in caps:
        total += min(cpu_memory().free_bytes, caps["cpu"])
        names.append("cpu offload")
    return total, " + ".join(names) or "cuda"
