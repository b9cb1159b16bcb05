"""The local backend: a transformers model loaded by ``loader``, decoded by ``decode.stream_generate``.

Chat messages go through the tokenizer's chat template; token ids come back one at a time and are
turned into text pieces incrementally (a piece is only emitted once it no longer ends in a partial
UTF-8 character); stop strings are matched across pieces, holding back text that could be the start
of one.  Only the model worker calls this (torch is imported lazily, inside ``generate``).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from console.core.inference.loader import LoadedModel, unload
from console.core.inference.torch_memory import free_torch_memory, is_oom, oom_error
from console.core.inference.types import ChatMessage, EngineError, GenParams, RequestMetrics, StopCheck, TextCallback

log = logging.getLogger(__name__)


class IncrementalDecoder:
    """Token ids in, text pieces out (the prefix/read-offset scheme of TGI and vLLM)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tok = tokenizer
        self.ids: list[int] = []
        self.prefix = 0
        self.read = 0

    def _text(self, ids: list[int]) -> str:
        return self.tok.decode(ids, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def push(self, token_id: int) -> str:
        self.ids.append(int(token_id))
        before = self._text(self.ids[self.prefix : self.read])
        now = self._text(self.ids[self.prefix :])
        if len(now) > len(before) and not now.endswith("\ufffd"):
            piece = now[len(before) :]
            self.prefix = self.read
            self.read = len(self.ids)
            return piece
        return ""

    def flush(self) -> str:
        before = self._text(self.ids[self.prefix : self.read])
        now = self._text(self.ids[self.prefix :])
        self.prefix = self.read = len(self.ids)
        return now[len(before) :] if len(now) > len(before) else ""


class StopMatcher:
    """Finds stop strings across streamed pieces; holds back a tail that may start one."""

    def __init__(self, stops: tuple[str, ...] | list[str]) -> None:
        self.stops = [s for s in stops if s]
        self.buf = ""
        self.stopped = False

    def feed(self, piece: str) -> str:
        """Text that is safe to show now (empty once a stop string was seen)."""
        if self.stopped:
            return ""
        if not self.stops:
            return piece
        self.buf += piece
        hits = [(self.buf.find(s), s) for s in self.stops if s in self.buf]
        if hits:
            at = min(h[0] for h in hits)
            out, self.buf = self.buf[:at], ""
            self.stopped = True
            return out
        hold = 0
        for s in self.stops:
            for k in range(min(len(s) - 1, len(self.buf)), 0, -1):
                if self.buf.endswith(s[:k]):
                    hold = max(hold, k)
                    break
        out = self.buf[: len(self.buf) - hold]
        self.buf = self.buf[len(self.buf) - hold :]
        return out

    def flush(self) -> str:
        out, self.buf = ("" if self.stopped else self.buf), ""
        return out


def eos_ids(loaded: LoadedModel) -> set[int]:
    ids: set[int] = set()
    for src in (getattr(loaded.model, "generation_config", None), loaded.tokenizer):
        v = getattr(src, "eos_token_id", None)
        if isinstance(v, int):
            ids.add(v)
        elif isinstance(v, (list, tuple)):
            ids.update(int(x) for x in v)
    return ids


def default_prefix_cache(device: str):
    """The prefix cache the engine uses unless told otherwise: a repeated prompt start (the fleet
    description the assistant sends before every utterance) is prefilled once."""
    from console.core.inference.prefix_cache import PrefixCache

    return PrefixCache(max_bytes=(1 << 30) if device == "cuda" else (256 << 20))


class LocalEngine:
    """Engine over a loaded model; one request at a time (the worker guarantees it)."""

    name = "local"

    def __init__(self, loaded: LoadedModel, prefix_cache: Any | None = "auto", fast: bool = True) -> None:
        self.loaded = loaded
        if prefix_cache == "auto":
            prefix_cache = default_prefix_cache(loaded.device)
        self.prefix_cache = prefix_cache
        self.fast = fast
        self._eos = eos_ids(loaded)
        self.unload_report: dict[str, Any] = {}

    # -- prompt ----------------------------------------------------------------------------------
    def encode(self, messages: list[ChatMessage], warnings: list[str]) -> list[int]:
        tok = self.loaded.tokenizer
        chat = [{"role": m.role, "content": m.content} for m in messages]
        if getattr(tok, "chat_template", None):
            text = tok.apply_chat_template(chat, add_generation_prompt=True, tokenize=False)
            return list(tok(text, add_special_tokens=False)["input_ids"])
        warnings.append("the tokenizer has no chat template: sent the messages as plain 'role: text' lines")
        text = "".join(f"{m['role']}: {m['content']}\n" for m in chat) + "assistant:"
        return list(tok(text)["input_ids"])

    def _context(self) -> int | None:
        ctx = getattr(getattr(self.loaded.model, "config", None), "max_position_embeddings", None)
        return ctx if isinstance(ctx, int) and ctx > 1 else None

    def _limit_input(self, ids: list[int], params: GenParams, metrics: RequestMetrics) -> list[int]:
        """Keep the end of a prompt over max input tokens, or over what the context leaves for the answer."""
        limit = params.max_input_tokens or self.loaded.options.max_input_tokens
        ctx = self._context()
        if ctx:
            room = ctx - 1 - min(params.max_new_tokens, ctx // 2)
            limit = min(limit, room) if limit else room
        if limit and len(ids) > limit:
            dropped = len(ids) - limit
            metrics.truncated_tokens = dropped
            metrics.warnings.append(
                f"prompt truncated: {len(ids)} tokens is over the limit of {limit}; the first {dropped} were dropped"
            )
            ids = ids[-limit:]
        return ids

    def _limit_new(self, n_prompt: int, params: GenParams, metrics: RequestMetrics) -> int:
        ctx = self._context()
        if ctx and n_prompt + params.max_new_tokens >= ctx:  # one position spare: the decode paths count it
            n = ctx - n_prompt - 1
            metrics.warnings.append(f"max new tokens lowered from {params.max_new_tokens} to {n}: "
                                    f"the model's context is {ctx} tokens")
            return n
        return params.max_new_tokens

    # -- Engine ----------------------------------------------------------------------------------
    def generate(
        self, messages: list[ChatMessage], params: GenParams, on_text: TextCallback, should_stop: StopCheck
    ) -> RequestMetrics:
        if self.loaded.model is None:
            raise EngineError("no model is loaded", "load a model first")
        t0 = time.perf_counter()
        metrics = RequestMetrics()
        ids, max_new = self._prepare(messages, params, metrics)
        decoder = IncrementalDecoder(self.loaded.tokenizer)
        stops = StopMatcher(params.stop)
        first: list[float] = []
        deadline = t0 + params.timeout_s if params.timeout_s else None
        timed_out = [False]

        def on_token(tid: int) -> None:
            if not first:
                first.append(time.perf_counter())
            if tid in self._eos:
                return
            text = stops.feed(decoder.push(tid))
            if text:
                on_text(text)

        def stop_now() -> bool:
            if stops.stopped or should_stop():
                return True
            if deadline is not None and time.perf_counter() > deadline:
                timed_out[0] = True
                return True
            return False

        stats = self._decode(ids, max_new, stop_now, on_token)
        if not stops.stopped:
            tail = stops.feed(decoder.flush()) + stops.flush()
            if tail:
                on_text(tail)
        metrics.ttft_s = (first[0] - t0) if first else None
        metrics.e2e_s = time.perf_counter() - t0
        metrics.new_tokens = stats.new_tokens
        metrics.cached_prompt_tokens = stats.cached_prompt_tokens
        metrics.fast_path = stats.fast_path
        if stops.stopped:
            metrics.finish_reason = "stop"
        elif timed_out[0]:
            metrics.finish_reason = "cancelled"
            metrics.warnings.append(f"stopped at the time limit of {params.timeout_s:.0f} s")
        else:
            metrics.finish_reason = stats.finish_reason
        metrics.cancelled = metrics.finish_reason == "cancelled" and not timed_out[0]
        return metrics

    def _prepare(self, messages: list[ChatMessage], params: GenParams, metrics: RequestMetrics) -> tuple[list[int], int]:
        """The prompt's token ids and how many new tokens fit; refusals as EngineError."""
        if params.max_new_tokens < 1:
            raise EngineError(f"max new tokens must be at least 1, got {params.max_new_tokens}", "raise it")
        if params.temperature > 0:
            metrics.warnings.append("the local engine decodes greedily: temperature/top_p were ignored")
        ids = self._limit_input(self.encode(messages, metrics.warnings), params, metrics)
        if not ids:
            raise EngineError("the prompt is empty after tokenisation", "type a prompt")
        metrics.prompt_tokens = len(ids)
        return ids, self._limit_new(len(ids), params, metrics)

    def _decode(self, ids: list[int], max_new: int, stop_now, on_token):
        """Run the decode loop; any failure becomes an EngineError once the request's memory is freed."""
        import torch

        from console.core.inference.decode import stream_generate

        failure: EngineError | None = None
        try:
            return stream_generate(
                self.loaded.model,
                torch.tensor([ids], dtype=torch.long),
                max_new,
                eos_token_ids=self._eos,
                should_stop=stop_now,
                on_token=on_token,
                prefix_cache=self.prefix_cache,
                fast=self.fast,
            )
        except EngineError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.warning("generation failed", exc_info=True)
            # message only: the traceback's frames hold the request's activations and KV cache,
            # which must be released before free_torch_memory() can return them
            failure = oom_error("generating", exc, self.loaded.device) if is_oom(exc) else EngineError(
                f"generation failed: {type(exc).__name__}: {str(exc)[:300]}",
                "see the log; try a shorter prompt or reload the model")
        # outside the except block: the exception (and its frames) is gone by now.  All of it,
        # cuBLAS's per-stream workspaces too (32 MiB each on Hopper; the next request makes its
        # own): what the request allocated must not stay, whichever thread made it
        free_torch_memory(workspaces=True)
        raise failure

    def close(self) -> None:
        """Unload the model and check that its memory came back (``unload_report``)."""
        if self.prefix_cache is not None:
            self.prefix_cache.clear()  # its KV tensors live on the model's device
        self.prefix_cache = None
        if self.loaded.model is not None:
            self.unload_report = unload(self.loaded)
