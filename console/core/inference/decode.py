"""Greedy streaming decode, batch 1: the one entry point the model worker calls.

``stream_generate`` runs prefill, then one token at a time, calling ``on_token`` for each new token
and polling ``should_stop`` between tokens (cancel is immediate).  With ``fast=True`` (the default)
it takes the static-cache / CUDA-graph path of ``fastdecode`` whenever that applies to the model
and device, and the plain dynamic-cache loop otherwise; both give the same greedy tokens.  A
``PrefixCache`` lets a repeated prompt prefix skip its prefill.

Only the model worker imports this module (torch is imported at module level).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Callable

import torch

from console.core.inference.types import DecodeFn, DecodeStats

if TYPE_CHECKING:
    from console.core.inference.prefix_cache import PrefixCache

log = logging.getLogger(__name__)


def stream_generate(
    model,
    input_ids: "torch.LongTensor",
    max_new_tokens: int,
    *,
    eos_token_ids: set[int],
    should_stop: Callable[[], bool],
    on_token: Callable[[int], None],
    prefix_cache: "PrefixCache | None" = None,
    fast: bool = True,
) -> DecodeStats:
    """Greedy-decode up to ``max_new_tokens`` after ``input_ids`` (shape [1, n] or [n]).

    ``on_token`` gets each new token id as soon as it is known on the host; the eos token that ends
    the answer is passed too (the caller decides whether to show it).  Returns the stats.
    """
    ids = _as_batch1(input_ids)
    if max_new_tokens < 1:
        raise ValueError(f"max_new_tokens must be at least 1, got {max_new_tokens}")
    generate: DecodeFn = plain_stream_generate
    if fast:
        from console.core.inference import fastdecode

        reason = fastdecode.unsupported_reason(model)
        if reason is None:
            generate = fastdecode.fast_stream_generate
        else:
            log.info("fast decode does not apply (%s): plain decode", reason)
    return generate(
        model,
        ids,
        max_new_tokens,
        eos_token_ids=eos_token_ids,
        should_stop=should_stop,
        on_token=on_token,
        prefix_cache=prefix_cache,
    )


def _as_batch1(input_ids) -> torch.Tensor:
    ids = torch.as_tensor(input_ids)
    if ids.dim() == 1:
        ids = ids.unsqueeze(0)
    if ids.dim() != 2 or ids.shape[0] != 1:
        raise ValueError(f"stream_generate decodes one sequence: input_ids shape {tuple(ids.shape)}")
    if ids.shape[1] == 0:
        raise ValueError("stream_generate needs at least one prompt token")
    return ids.long()


def model_device(model) -> torch.device:
    return next(model.parameters()).device


@torch.inference_mode()
def plain_stream_generate(
    model,
    input_ids: torch.Tensor,
    max_new_tokens: int,
    *,
    eos_token_ids: set[int],
    should_stop: Callable[[], bool],
    on_token: Callable[[int], None],
    prefix_cache: "PrefixCache | None" = None,
) -> DecodeStats:
    """The reference path: a manual loop over ``model(...)`` with a DynamicCache."""
    from transformers import DynamicCache

    t0 = time.perf_counter()
    device = model_device(model)
    ids = input_ids.to(device)
    n_prompt = ids.shape[1]
    if should_stop():
        return DecodeStats(None, time.perf_counter() - t0, 0, n_prompt, 0, False, "cancelled")
    from console.core.inference.prefix_cache import dynamic_cache_from_kv, kv_from_dynamic_cache

    cache = None
    n_cached = 0
    if prefix_cache is not None:
        hit = prefix_cache.lookup(ids[0].tolist(), model)
        if hit is not None:
            cache, n_cached = dynamic_cache_from_kv(hit.kv, hit.length, model.config), hit.length
    if cache is None:
        cache = DynamicCache(config=model.config)

    # prefill: the tokens the cache does not hold yet (at least the last one, to get its logits)
    out = model(input_ids=ids[:, n_cached:], past_key_values=cache, use_cache=True)
    cache = out.past_key_values
    if prefix_cache is not None:
        kv = kv_from_dynamic_cache(cache)
        if kv is not None:
            prefix_cache.store(ids[0].tolist(), kv, model)
    next_tok = out.logits[:, -1, :].argmax(dim=-1, keepdim=True)

    ttft = None
    n_new = 0
    finish = "length"
    while True:
        tok = int(next_tok.item())
        n_new += 1
        if ttft is None:
            ttft = time.perf_counter() - t0
        on_token(tok)
        if tok in eos_token_ids:
            finish = "stop"
            break
        if n_new >= max_new_tokens:
            finish = "length"
            break
        if should_stop():
            finish = "cancelled"
            break
        out = model(input_ids=next_tok, past_key_values=cache, use_cache=True)
        cache = out.past_key_values
        next_tok = out.logits[:, -1, :].argmax(dim=-1, keepdim=True)
    return DecodeStats(
        ttft_s=ttft,
        e2e_s=time.perf_counter() - t0,
        new_tokens=n_new,
        prompt_tokens=n_prompt,
        cached_prompt_tokens=n_cached,
        fast_path=False,
        finish_reason=finish,
    )
