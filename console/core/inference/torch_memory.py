"""torch-side memory helpers for loading and generating: dtype names, freeing memory, OOM errors.

torch is never imported here: the helpers look it up in ``sys.modules`` (the model worker has
imported it by the time they matter) or import it inside the function that needs it.
"""

from __future__ import annotations

import gc
import sys

from console.core.inference import fit
from console.core.inference.types import EngineError


def torch_dtype(name: str):
    import torch

    return {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[name]


def free_torch_memory(workspaces: bool = False) -> None:
    """gc, then hand cached CUDA blocks back to the driver; ``workspaces`` also drops cuBLAS's
    per-stream workspaces (they count as allocated memory; unloading wants them gone)."""
    gc.collect()
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available():
        if workspaces and hasattr(torch._C, "_cuda_clearCublasWorkspaces"):
            torch._C._cuda_clearCublasWorkspaces()
        torch.cuda.empty_cache()


def is_oom(exc: BaseException) -> bool:
    torch = sys.modules.get("torch")
    oom_type = getattr(torch, "OutOfMemoryError", None) if torch is not None else None
    if oom_type is not None and isinstance(exc, oom_type):
        return True
    text = str(exc).lower()
    return isinstance(exc, (MemoryError, RuntimeError)) and ("out of memory" in text or "can't allocate memory" in text)


def oom_error(stage: str, exc: BaseException, device: str) -> EngineError:
    detail = str(exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
    free = ""
    try:
        if device == "cuda":
            free = "; free now: " + ", ".join(f"{m.where} {fit.fmt_bytes(m.free_bytes)}" for m in fit.cuda_memory())
    except Exception:  # noqa: BLE001
        pass
    return EngineError(
        f"out of memory while {stage} ({detail}){free}",
        "memory was freed and the console keeps running: choose 4-bit/8-bit, a smaller model, "
        "a lower max input / max new tokens, or close other programs using the GPU",
    )


def rss_bytes() -> int | None:
    try:
        import psutil

        return int(psutil.Process().memory_info().rss)
    except Exception:  # noqa: BLE001 - psutil missing on a bare GPU box: report no number
        return None
