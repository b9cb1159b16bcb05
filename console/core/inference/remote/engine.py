"""``RemoteEngine``: an OpenAI-compatible server (vLLM, SGLang, llama.cpp) as the model backend.

``generate`` posts ``/v1/chat/completions`` with ``stream: true`` and hands each text piece to
``on_text`` as it arrives (stream.py reads the events, transport.py speaks HTTP through httpx2).

Retries: a server that is down is retried with exponential backoff (``backoff_s``, doubled each
time, at most 8 s, or the server's ``Retry-After``), and so are 5xx / 429 answers and a stream
that breaks before any text; once text has reached ``on_text`` nothing is retried (the operator
would see it twice).  4xx answers are not retried and carry the server's own message; nor is a
server that took the request and went silent for ``timeout_s`` (the read timeout: the longest
silence accepted between two pieces of the answer).

Cancel is immediate: ``should_stop`` is polled between events and, by the watcher thread
(watch.py), while the engine waits for the server, so it must be thread-safe (a
``threading.Event`` or a flag).  On cancel or on the request deadline (``GenParams.timeout_s``) the
watcher shuts the socket down; the server sees the disconnect and stops generating.  ``close()``
does the same from any thread and refuses later requests.
"""

from __future__ import annotations

import json
import logging
import time

from console.core.inference.remote import words
from console.core.inference.remote.errors import (
    FIX_URL_HINT, MODEL_SETTING, Aborted, RemoteEngineError, Transient, give_up, no_models_hint, text_of)
from console.core.inference.remote.health import RemoteHealth, check_health
from console.core.inference.remote.request import chat_body, check_params, parse_url
from console.core.inference.remote.stream import Answer, consume
from console.core.inference.remote.transport import Stopped, Transport
from console.core.inference.remote.watch import WATCH_INTERVAL_S, Watcher
from console.core.inference.types import (
    ChatMessage, EngineError, GenParams, RequestMetrics, StopCheck, TextCallback)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
MAX_BACKOFF_S = 8.0
LIST_TIMEOUT_S = 10.0  # the longest wait for GET /v1/models


class RemoteEngine:
    """An ``Engine`` that talks to an OpenAI-compatible server at ``base_url``.

    ``base_url`` may be given with or without the ``/v1`` suffix and without a scheme
    (``localhost:8000`` means ``http://localhost:8000``).  ``model`` empty: the first model the
    server lists.  ``retries``: extra attempts after the first (so ``retries + 1`` in all).
    ``fix_url_hint``: how the operator corrects the URL, the end of the hint for a server that
    cannot be reached ("…, or fix the URL in the model panel.").  ``model_setting``: where the operator
    names the model, for the hints of ``health()`` when the server does not list it.
    """

    name = "remote"

    def __init__(self, base_url: str, model: str = "", api_key: str | None = None, timeout_s: float = 60,
                 retries: int = 3, *, backoff_s: float = 0.5, connect_timeout_s: float = CONNECT_TIMEOUT_S,
                 fix_url_hint: str = FIX_URL_HINT, model_setting: str = MODEL_SETTING) -> None:
        url = parse_url(base_url)
        self.base_url = url.shown
        self.model = model.strip()
        self.api_key = api_key or None
        if timeout_s <= 0 or connect_timeout_s <= 0:
            raise EngineError(words.BAD_TIMEOUTS.format(read=timeout_s, connect=connect_timeout_s),
                              words.BAD_TIMEOUTS_HINT)
        if retries < 0 or backoff_s < 0:
            raise EngineError(words.BAD_RETRIES.format(retries=retries, backoff=backoff_s))
        self.timeout_s = float(timeout_s)
        self.connect_timeout_s = float(connect_timeout_s)
        self.retries = int(retries)
        self.backoff_s = float(backoff_s)
        self.fix_url_hint = fix_url_hint
        self.model_setting = model_setting
        self._port = url.port
        self._http = Transport(url, self.api_key, self.connect_timeout_s)

    # ----------------------------------------------------------------- the Engine protocol

    def generate(self, messages: list[ChatMessage], params: GenParams, on_text: TextCallback,
                 should_stop: StopCheck) -> RequestMetrics:
        if self._http.closed:
            raise RemoteEngineError(words.CLOSED, words.CLOSED_HINT, attempts=0)
        t0 = time.perf_counter()
        answer = Answer(on_text, t0)
        check_params(messages, params)
        if params.max_input_tokens is not None:
            answer.metrics.warnings.append(words.MAX_INPUT_IGNORED)
        with Watcher(should_stop, t0 + params.timeout_s, self._http.abort) as watch:
            try:
                model = self.model or self._first_model(watch)
                body = json.dumps(chat_body(model, messages, params)).encode()
                self._attempts(body, answer, should_stop, watch)
                return answer.finish(answer.metrics.finish_reason or "stop")
            except Aborted:
                if self._http.closed:
                    raise RemoteEngineError(words.CLOSED_DURING, attempts=0,
                                            metrics=answer.finish("error")) from None
                if watch.reason == "deadline":
                    raise RemoteEngineError(
                        words.DEADLINE.format(url=self.base_url, s=f"{params.timeout_s:g}"), words.DEADLINE_HINT,
                        attempts=answer.attempts, metrics=answer.finish("error")) from None
                return answer.finish("cancelled")
            except RemoteEngineError as exc:
                if exc.metrics is None:
                    exc.metrics = answer.finish("error")
                raise

    def close(self) -> None:
        """Abort any request in flight (from any thread) and refuse new ones."""
        self._http.close()

    # ----------------------------------------------------------------- other endpoints

    def models(self) -> list[str]:
        """The model ids the server serves (``GET /v1/models``); one attempt, no retries."""
        try:
            body = self._get_models(lambda: False)
        except Transient as exc:
            raise self._give_up(exc, 1) from None
        except Aborted:
            raise RemoteEngineError(words.CLOSED, attempts=0) from None
        try:
            return [str(m["id"]) for m in json.loads(body)["data"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise RemoteEngineError(words.NO_MODEL_LIST.format(url=self.base_url, error=str(exc)),
                                    words.NO_MODEL_LIST_HINT, status=200) from None

    def health(self) -> RemoteHealth:
        """Reachable, and which models: for the doctor and the model panel.  Never raises."""
        return check_health(self.models, self.base_url, self.model, self.model_setting)

    # ----------------------------------------------------------------- internals

    def _attempts(self, body: bytes, answer: Answer, should_stop: StopCheck, watch: Watcher) -> None:
        """Stream the answer, retrying what is worth it (see the module docstring)."""
        while True:
            answer.attempts += 1
            try:
                self._stream_once(body, answer, should_stop, watch)
                return
            except Transient as exc:
                self._check_abort(watch)  # a socket shut by cancel/deadline is not a server failure
                if answer.pieces:  # text already reached the operator: never send it twice
                    raise RemoteEngineError(
                        words.BROKE_AFTER.format(url=self.base_url, n=answer.pieces, error=text_of(exc)),
                        words.BROKE_AFTER_HINT, status=exc.status, attempts=answer.attempts) from None
                if answer.attempts > self.retries:
                    raise self._give_up(exc, answer.attempts) from None
                delay = exc.retry_after if exc.retry_after is not None else self._backoff(answer.attempts)
                delay = min(delay, MAX_BACKOFF_S)
                log.warning("remote %s: attempt %d/%d failed (%s); retrying in %.2f s",
                            self.base_url, answer.attempts, self.retries + 1, exc, delay)
                self._sleep(delay, watch)
            except RemoteEngineError as exc:
                exc.attempts = answer.attempts
                raise

    def _stream_once(self, body: bytes, answer: Answer, should_stop: StopCheck, watch: Watcher) -> None:
        stopped = self._stopped(watch)
        resp = self._http.send("POST", "/v1/chat/completions", body, self.timeout_s, stopped, self.model)
        try:
            consume(self._http, resp, answer, self.timeout_s, should_stop, lambda: self._check_abort(watch))
        finally:
            self._http.finish(resp)

    def _get_models(self, stopped: Stopped) -> bytes:
        timeout = min(self.timeout_s, LIST_TIMEOUT_S)
        resp = self._http.send("GET", "/v1/models", None, timeout, stopped, self.model)
        try:
            return self._http.read(resp, timeout)
        finally:
            self._http.finish(resp)

    def _first_model(self, watch: Watcher) -> str:
        """``model`` left empty: ask the server (vLLM insists on the name it serves)."""
        attempt = 0
        while True:
            attempt += 1
            try:
                ids = [str(m["id"]) for m in json.loads(self._get_models(self._stopped(watch)))["data"]]
            except Transient as exc:
                if attempt > self.retries:
                    raise self._give_up(exc, attempt) from None
                self._sleep(min(self._backoff(attempt), MAX_BACKOFF_S), watch)
                continue
            except (ValueError, KeyError, TypeError):
                ids = []
            if not ids:
                raise RemoteEngineError(words.LISTS_NO_MODELS.format(url=self.base_url),
                                        no_models_hint(self.model_setting))
            self.model = ids[0]
            log.info("remote %s: using model %s", self.base_url, self.model)
            return self.model

    def _backoff(self, attempt: int) -> float:
        return self.backoff_s * 2 ** (attempt - 1)

    def _give_up(self, exc: Transient, attempts: int) -> RemoteEngineError:
        return give_up(exc, attempts, self.base_url, self._port, self.fix_url_hint)

    def _stopped(self, watch: Watcher) -> Stopped:
        return lambda: self._http.closed or watch.reason is not None

    def _check_abort(self, watch: Watcher) -> None:
        if self._http.closed or watch.reason:
            raise Aborted

    def _sleep(self, delay: float, watch: Watcher) -> None:
        end = time.perf_counter() + delay
        while True:
            self._check_abort(watch)
            left = end - time.perf_counter()
            if left <= 0:
                return
            time.sleep(min(left, WATCH_INTERVAL_S))
