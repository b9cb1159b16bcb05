"""One answer of a remote server, as it arrives: the server-sent events of a streamed chat
completion (or the one JSON body of a server that ignored ``stream: true``) become text pieces for
``on_text``, the finish reason, the token usage, and the request's ``RequestMetrics``.

``should_stop`` is polled between events, so nothing reaches ``on_text`` after a cancel.  A stream
that ends without ``[DONE]`` is accepted once a finish reason came; one that breaks off after text
is a ``Transient`` of the ``stream`` stage (the engine then refuses to retry, since the operator has
seen part of the answer); one that ends before any text is llama.cpp's way of refusing a prompt
longer than its context.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Callable

import httpx2

from console.core.inference.remote import words
from console.core.inference.remote.errors import Aborted, RemoteEngineError, Transient, not_openai, server_message
from console.core.inference.remote.transport import Transport
from console.core.inference.types import RequestMetrics, StopCheck, TextCallback

log = logging.getLogger(__name__)


class Answer:
    """What one ``generate`` call received so far, over all its attempts."""

    def __init__(self, on_text: TextCallback, t0: float) -> None:
        self.metrics = RequestMetrics()
        self.pieces = 0  # text pieces delivered to on_text
        self.attempts = 0
        self.usage: dict | None = None
        self._on_text = on_text
        self._t0 = t0

    def chunk(self, chunk: Any, whole: bool = False) -> None:
        """One completion chunk (``whole``: a complete, non-streamed completion)."""
        if not isinstance(chunk, dict):
            return
        if chunk.get("error"):  # vLLM/SGLang report mid-stream failures this way
            raise RemoteEngineError(words.SERVER_FAILED.format(message=server_message(json.dumps(chunk).encode())),
                                    words.SEE_LOG)
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            self.usage = usage
        for choice in chunk.get("choices") or ():
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            part = (choice.get("message") if whole else choice.get("delta")) or {}
            piece = part.get("content") if isinstance(part, dict) else None
            if piece:
                if self.metrics.ttft_s is None:
                    self.metrics.ttft_s = time.perf_counter() - self._t0
                self.pieces += 1
                self._on_text(piece)
            if choice.get("finish_reason"):
                self.metrics.finish_reason = str(choice["finish_reason"])

    def finish(self, reason: str) -> RequestMetrics:
        """The metrics, closed with ``reason`` (stop | length | cancelled | error)."""
        m = self.metrics
        m.e2e_s = time.perf_counter() - self._t0
        m.cancelled = m.cancelled or reason == "cancelled"
        m.finish_reason = reason
        usage = self.usage or {}
        # the usage chunk (stream_options.include_usage) is exact; otherwise one piece ≈ one token
        m.new_tokens = int(usage.get("completion_tokens") or self.pieces)
        m.prompt_tokens = int(usage.get("prompt_tokens") or 0)
        details = usage.get("prompt_tokens_details")
        if isinstance(details, dict):
            m.cached_prompt_tokens = int(details.get("cached_tokens") or 0)
        return m


def consume(transport: Transport, resp: httpx2.Response, answer: Answer, read_timeout: float,
            should_stop: StopCheck, check_abort: Callable[[], None]) -> None:
    """Read one 200 answer to its end into ``answer``; ``check_abort`` raises ``Aborted`` once
    the watcher has fired (the deadline may pass while events are already buffered here)."""
    base_url = transport.url.shown
    ctype = resp.headers.get("Content-Type", "")
    if ctype.startswith("application/json"):  # a server that ignored stream=true
        answer.chunk(_json(transport.read(resp, read_timeout), base_url), whole=True)
        return
    for event in transport.events(resp, read_timeout):
        if should_stop():
            raise Aborted
        check_abort()
        if not event.data:  # an event of only event:/id:/retry: fields
            continue
        if event.data.strip() == "[DONE]":
            return
        answer.chunk(_json(event.data, base_url))
    check_abort()  # the stream ended: a socket shut by the watcher reads as an end too
    if answer.metrics.finish_reason:
        log.warning("remote %s: stream ended without [DONE]", base_url)
        return
    if answer.pieces:
        raise Transient(words.ENDED_MID_ANSWER, stage="stream")
    raise RemoteEngineError(words.NO_ANSWER.format(url=base_url), words.NO_ANSWER_HINT)


def _json(payload: str | bytes, base_url: str) -> Any:
    try:
        return json.loads(payload)
    except ValueError:
        raise not_openai(base_url, words.NOT_JSON.format(payload=repr(payload[:200]))) from None
