"""torch-side memory helpers for loading and generating: dtype names, freeing memory, OOM errors.

torch is never imported here: the helpers look it up in ``sys.modules`` (the model worker has
imported it by the time they matter) or import it inside the function that needs it.

Collecting garbage: the model worker frees a model on its own thread, but a cycle collection there
could finalize Qt objects (a cycle holding a closed dialog's wrapper) off the GUI thread.  So the
worker calls :func:`collect_garbage`, which asks the hook the UI sets (``set_collect_hook``: the
GUI-thread collector, ``console/ui/qt_collect.py``) and collects right here only when no hook is
set (the CLI, tests without a window).  The hook is read once per call, without a lock.
"""

from __future__ import annotations

import gc
import logging
import sys
from typing import Callable

from console.core.inference import fit
from console.core.inference.types import EngineError


def torch_dtype(name: str):
    import torch

    return {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[name]


log = logging.getLogger(__name__)

CollectHook = Callable[[], bool]  # True: a full collection ran (wherever the hook runs it)
_collect_hook: CollectHook | None = None


def set_collect_hook(hook: CollectHook | None) -> CollectHook | None:
    """Who collects garbage for :func:`collect_garbage` (None: the calling thread); returns the previous."""
    global _collect_hook
    previous, _collect_hook = _collect_hook, hook
    return previous


def get_collect_hook() -> CollectHook | None:
    return _collect_hook


def collect_garbage() -> bool:
    """A full cycle collection through the hook if one is set (it may run on another thread and
    may give up: False), else ``gc.collect()`` here.  A hook that fails (its window gone) counts as
    no hook: it is logged and the collection runs here."""
    hook = _collect_hook
    if hook is not None:
        try:
            return bool(hook())
        except Exception:  # noqa: BLE001 - the UI went away under the worker: collect here
            log.warning("the collect hook failed; collecting on this thread", exc_info=True)
    gc.collect()
    return True


def free_torch_memory(workspaces: bool = False) -> None:
    """gc (:func:`collect_garbage`), then hand cached CUDA blocks back to the driver; ``workspaces``
    also drops cuBLAS's per-stream workspaces (they count as allocated memory; unloading wants them gone)."""
    collect_garbage()
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
