"""Warm-up while loading: compile the fast path's Triton kernels and capture its first CUDA graphs,
so the operator's first request does not pay seconds for them.

Triton keeps what it compiled on disk (``TRITON_CACHE_DIR``; set here to the console's model cache
folder unless the environment sets it), so a second start of the console compiles nothing and the
warm-up costs only the graph captures.  Runs on the model worker's thread, inside ``load_model``.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Callable

from console.core.paths import triton_cache_dir

log = logging.getLogger(__name__)

# (prompt tokens, new tokens) of the warm-up requests: a long prompt (two prefill segments: the
# 512-token bucket and a shorter one; decode crossing a chunk), prompts whose decode windows compile
# the attention combine kernel for 8 and 32 key blocks, and a short one (the 16-token bucket)
REQUESTS = ((600, 2 * 16 + 2), (300, 2), (1800, 2), (8, 2))


def warm_up(model, progress: Callable[[float], None] | None = None) -> dict:
    """Run the warm-up requests through ``stream_generate`` (fast path where it applies).  Returns
    {"seconds", "fast_path"}; raises what the decode raises."""
    import torch

    from console.core.inference import fastdecode
    from console.core.inference.decode import stream_generate

    reason = fastdecode.unsupported_reason(model)
    if reason is not None:  # the plain path compiles nothing: no warm-up
        return {"seconds": 0.0, "fast_path": False, "skipped": reason}
    triton_cache_dir()
    t0 = time.perf_counter()
    vocab = int(getattr(model.config, "vocab_size", 0) or 2)
    max_pos = int(getattr(model.config, "max_position_embeddings", 0) or 4096)
    g = torch.Generator().manual_seed(0)
    fast = False
    # quantized weights with quant.kernels.KERNEL = "auto": the runner first times each product's
    # GEMV candidates on this card (cached on disk beside Triton's; the first 30 % of this stage)
    tuning = bool(getattr(fastdecode, "TUNE_PROGRESS", None) is None and progress is not None)
    share = 0.0
    if tuning:
        from console.core.inference.quant import kernels as qk

        share = 0.3 if qk.KERNEL == "auto" and any(type(m).__name__ == "QuantLinear" for m in model.modules()) else 0.0
        fastdecode.TUNE_PROGRESS = lambda f: progress(share * f)
        try:
            fastdecode.runner_for(model)
        finally:
            fastdecode.TUNE_PROGRESS = None
    for i, (n, new) in enumerate(REQUESTS):
        n = max(1, min(n, max_pos - new - 1))
        ids = torch.randint(0, vocab, (1, n), generator=g)
        st = stream_generate(model, ids, new, eos_token_ids=set(), should_stop=lambda: False, on_token=lambda t: None)
        fast = fast or st.fast_path
        if progress is not None:
            progress(share + (1 - share) * (i + 1) / len(REQUESTS))
    dt = time.perf_counter() - t0
    log.info("warm-up: %.1f s (fast path: %s, Triton cache %s)", dt, fast, os.environ.get("TRITON_CACHE_DIR"))
    return {"seconds": dt, "fast_path": fast}
