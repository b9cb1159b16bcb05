"""Reuse the KV cache of a prompt prefix seen before (LRU, bounded in bytes).

The assistant sends the same long fleet description before every utterance.  After each prefill the
decode paths hand the prompt's KV here (``store``); the next request asks for the longest stored
prompt that shares a prefix with its own (``lookup``) and only prefills the tokens after it.

Entries are one tensor each, ``[layers, 2 (key, value), kv_heads, tokens, head_dim]`` on the
model's device: the layout both decode paths can read.  They belong to one model: ``lookup`` and
``store`` take the model and entries of another model are never returned; call ``clear()`` when the
model is unloaded so the memory comes back.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
import torch


@dataclass(frozen=True)
class PrefixHit:
    kv: torch.Tensor  # [layers, 2, kv_heads, >= length, head_dim]; read it, never write it
    length: int  # reusable leading tokens


@dataclass
class _Entry:
    ids: np.ndarray
    kv: torch.Tensor
    nbytes: int


class PrefixCache:
    def __init__(self, max_bytes: int = 1 << 30, min_tokens: int = 32) -> None:
        if max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        self.max_bytes = max_bytes
        self.min_tokens = max(1, min_tokens)
        self._entries: "OrderedDict[int, _Entry]" = OrderedDict()  # LRU order: oldest first
        self._model_key: int | None = None
        self._next = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    @property
    def nbytes(self) -> int:
        return sum(e.nbytes for e in self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._model_key = None

    def _check_model(self, model) -> None:
        key = id(model)
        if self._model_key != key:
            self._entries.clear()
            self._model_key = key

    def lookup(self, ids, model, *, have: int = 0, scan: bool = True) -> PrefixHit | None:
        """The longest stored prefix of ``ids`` (at most len(ids) - 1 tokens: the last one is
        always recomputed, its logits give the first new token), or None below ``min_tokens``.

        ``have``: leading tokens of ``ids`` the caller already holds (a runner's own cache rows from
        the previous request): only entries that share more are returned, and the request counts as
        a hit if either reaches ``min_tokens``.  ``scan=False`` only counts it (the caller decided
        that no entry could save it work)."""
        query = np.asarray(ids, dtype=np.int64)
        limit = len(query) - 1
        have = min(have, limit)
        with self._lock:
            self._check_model(model)
            best_key, best_len = None, have
            for key, e in self._entries.items() if scan else ():
                m = min(limit, len(e.ids))
                if m <= best_len:
                    continue
                diff = np.flatnonzero(e.ids[:m] != query[:m])
                common = int(diff[0]) if diff.size else m
                if common > best_len:
                    best_key, best_len = key, common
            if best_len < self.min_tokens:
                self.misses += 1
                return None
            self.hits += 1
            if best_key is None:
                return None
            self._entries.move_to_end(best_key)
            return PrefixHit(kv=self._entries[best_key].kv, length=best_len)

    def store(self, ids: list[int], kv: torch.Tensor, model) -> None:
        """Keep a copy of ``kv`` ([layers, 2, kv_heads, len(ids), head_dim]) for prompt ``ids``."""
        n = len(ids)
        if n < self.min_tokens:
            return
        if kv.dim() != 5 or kv.shape[3] != n:
            raise ValueError(f"kv shape {tuple(kv.shape)} does not match {n} prompt tokens")
        nbytes = kv.numel() * kv.element_size()
        if nbytes > self.max_bytes:
            return
        arr = np.asarray(ids, dtype=np.int64)
        with self._lock:
            self._check_model(model)
            for key, e in list(self._entries.items()):
                if len(e.ids) <= n and np.array_equal(e.ids, arr[: len(e.ids)]):
                    del self._entries[key]  # the new prompt covers this one
                elif len(e.ids) > n and np.array_equal(e.ids[:n], arr):
                    self._entries.move_to_end(key)  # already covered by a longer one
                    return
            self._entries[self._next] = _Entry(ids=arr, kv=kv.detach().clone(memory_format=torch.contiguous_format), nbytes=nbytes)
            self._next += 1
            total = sum(e.nbytes for e in self._entries.values())
            while total > self.max_bytes and self._entries:
                _, old = self._entries.popitem(last=False)
                total -= old.nbytes


def kv_from_dynamic_cache(cache) -> torch.Tensor | None:
    """Stack a transformers DynamicCache (batch 1, full attention) into the entry layout, or None."""
    from transformers.cache_utils import DynamicLayer

    layers = getattr(cache, "layers", None)
    if not layers or any(type(layer) is not DynamicLayer or layer.keys is None for layer in layers):
        return None
    shapes = {tuple(layer.keys.shape) for layer in layers}
    if len(shapes) != 1 or next(iter(shapes))[0] != 1:
        return None
    return torch.stack([torch.stack([layer.keys[0], layer.values[0]]) for layer in layers])


def dynamic_cache_from_kv(kv: torch.Tensor, length: int, config):
    """A DynamicCache holding the first ``length`` tokens of an entry (the entry stays untouched:
    DynamicLayer.update concatenates, which copies)."""
    from transformers import DynamicCache

    cache = DynamicCache(config=config)
    for li in range(kv.shape[0]):
        cache.update(kv[li, 0, :, :length].unsqueeze(0), kv[li, 1, :, :length].unsqueeze(0), li)
    return cache
