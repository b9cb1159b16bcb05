"""What the workstation computes on, found without importing torch (start-up stays fast)."""

from __future__ import annotations

import os
from dataclasses import dataclass


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


def describe_compute() -> str:
    gpus = nvml_gpus()
    if gpus:
        g = gpus[0]
        more = f" +{len(gpus) - 1}" if len(gpus) > 1 else ""
        return f"GPU: {g.name} ({g.total_bytes / 2**30:.0f} GiB){more}"
    if os.path.isdir("/proc/driver/nvidia/gpus") and os.listdir("/proc/driver/nvidia/gpus"):
        return "GPU: NVIDIA (install nvidia-ml-py for details)"
    return f"CPU: {os.cpu_count() or 1} cores, no GPU"
