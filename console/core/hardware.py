"""What the workstation computes on, found without importing torch (start-up stays fast).

``describe_compute`` returns a :class:`console.core.i18n.Msg` (English; the status bar translates it)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from console.core.i18n import QT_TRANSLATE_NOOP, Msg


@dataclass(frozen=True)
class GpuInfo:
    index: int
    name: str
    total_bytes: int
    free_bytes: int


def nvml_gpus() -> list[GpuInfo] | None:
    """GPUs through NVML (nvidia-ml-py); None when NVML or its driver library is missing."""
    try:
        import pynvml
    except ImportError:
        return None
    try:
        pynvml.nvmlInit()
    except Exception:  # noqa: BLE001 - NVMLError_LibraryNotFound, DriverNotLoaded, …
        return None
    try:
        out = []
        for i in range(pynvml.nvmlDeviceGetCount()):
            h = pynvml.nvmlDeviceGetHandleByIndex(i)
            name = pynvml.nvmlDeviceGetName(h)
            mem = pynvml.nvmlDeviceGetMemoryInfo(h)
            out.append(GpuInfo(i, name.decode() if isinstance(name, bytes) else name, int(mem.total), int(mem.free)))
        return out
    finally:
        try:
            pynvml.nvmlShutdown()
        except Exception:  # noqa: BLE001
            pass


def describe_compute() -> Msg:
    gpus = nvml_gpus()
    if gpus:
        g = gpus[0]
        more = f" +{len(gpus) - 1}" if len(gpus) > 1 else ""
        return QT_TRANSLATE_NOOP("Hardware", "GPU: {name} ({gib} GiB){more}").format(
            name=g.name, gib=f"{g.total_bytes / 2**30:.0f}", more=more)
    if os.path.isdir("/proc/driver/nvidia/gpus") and os.listdir("/proc/driver/nvidia/gpus"):
        return QT_TRANSLATE_NOOP("Hardware", "GPU: NVIDIA (install nvidia-ml-py for details)")
    return QT_TRANSLATE_NOOP("Hardware", "CPU: {cores} cores, no GPU").format(cores=os.cpu_count() or 1)
