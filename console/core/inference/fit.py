"""Free memory and the fit verdict: "needs X, Y is free on Z" (Qt-free; torch only if already loaded).

``memory.py`` says how much a model needs; this module says how much there is, and whether the
load should go ahead, warn, or be refused.  The model worker calls it before every load.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from console.core.i18n import QT_TRANSLATE_NOOP

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


# the verdicts' texts (translated by the UI; a plain-string copy is matched back by console/ui/qt_i18n.py)
NO_FIT = QT_TRANSLATE_NOOP("Fit", "needs about {needed} but only {free} is free on {where}")
TIGHT_FIT = QT_TRANSLATE_NOOP("Fit", "tight fit: needs about {needed} of {free} free on {where}")
FITS = QT_TRANSLATE_NOOP("Fit", "fits: needs about {needed}, {free} free on {where}")
WHERE_TEXTS = (QT_TRANSLATE_NOOP("Fit", "cpu (available RAM)"),)


def judge_fit(needed: int, free: int, where: str) -> FitVerdict:
    fits = needed <= free
    tight = fits and needed > TIGHT_FRACTION * free
    msg = (FITS if not tight else TIGHT_FIT) if fits else NO_FIT
    msg = msg.format(needed=fmt_bytes(needed), free=fmt_bytes(free), where=where)  # a Msg: the UI translates it
    return FitVerdict(fits, tight, int(needed), int(free), where, msg)


def free_memory_for(device: str, max_memory: dict[str, str] | None) -> tuple[int, str]:
    """Free bytes a load may use on ``device`` ("cpu" or "cuda"), capped by accelerate-style
    ``max_memory`` ({"0": "20GiB", "cpu": "30GiB"}), and a description of where that is."""
    caps = {str(k): parse_size(v) for k, v in (max_memory or {}).items()}
    if device == "cpu":
        free = cpu_memory().free_bytes
        if "cpu" in caps:
            return min(free, caps["cpu"]), QT_TRANSLATE_NOOP("Fit", "cpu (RAM, max memory {cap})").format(
                cap=fmt_bytes(caps["cpu"]))
        return free, WHERE_TEXTS[0]
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
