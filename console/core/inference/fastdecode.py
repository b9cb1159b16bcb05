"""Fast greedy decode (static KV cache, CUDA graphs): being built; until then every model falls back."""

from __future__ import annotations


def unsupported_reason(model) -> str | None:
    return "fast path not built yet"
