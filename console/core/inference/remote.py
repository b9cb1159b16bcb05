"""The remote engine: an OpenAI-compatible server (vLLM, SGLang, llama.cpp) as the model backend.

``POST /v1/chat/completions`` with ``stream: true``; the answer comes back as server-sent events
and each text piece goes to ``on_text`` as it arrives.  Standard library only (``http.client``):
one request at a time needs no connection pool, and the server-sent-event framing is a few lines.

Failures the operator can act on become ``RemoteEngineError`` (an ``EngineError`` with a hint):
a server that is down is retried with exponential backoff, and so are 5xx / 429 answers and a
stream that breaks before any text; once text has reached ``on_text`` nothing is retried (the
operator would see it twice).  4xx answers are not retried and carry the server's own message.

Cancel is immediate: ``should_stop`` is polled between chunks and, from a small watcher thread,
while the engine waits for the server (prompt processing, a stalled server), so it must be
thread-safe (a ``threading.Event`` or a flag).  On cancel or on the request deadline
(``GenParams.timeout_s``) the watcher shuts the socket down; the server sees the disconnect and
stops generating.  ``timeout_s`` of the engine is the read timeout: the longest silence accepted
between two pieces of the answer.
"""

from __future__ import annotations

import http.client
import json
import logging
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import urlsplit

from console.core.inference.types import ChatMessage, EngineError, GenParams, RequestMetrics, StopCheck, TextCallback

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
MAX_BACKOFF_S = 8.0
WATCH_INTERVAL_S = 0.05
MAX_LINE = 1 << 20  # one server-sent-event line (a JSON chunk) is far smaller
MAX_ERROR_BODY = 64 * 1024
FIX_URL_HINT = "fix the URL in the model panel"  # the GUI's words; the command-line doctor passes its own
MODEL_SETTING = "the Model field of the Model panel's remote server"  # likewise, where the model is named


def no_models_hint(model_setting: str = MODEL_SETTING) -> str:
    """The hint for a server that lists no models (yet)."""
    return (f"Name the model as the server serves it ({model_setting}), or check the server's log: "
            "it may still be loading.")


class RemoteEngineError(EngineError):
    """An ``EngineError`` that also says how many attempts were made, the HTTP status (if any),
    and the metrics of a request that failed after text had already streamed."""

    def __init__(
        self,
        message: str,
        hint: str = "",
        *,
        status: int | None = None,
        attempts: int = 1,
        metrics: RequestMetrics | None = None,
    ) -> None:
        super().__init__(message, hint)
        self.status = status
        self.attempts = attempts
        self.metrics = metrics


@dataclass
class RemoteHealth:
    """What the doctor and the model panel show for a remote endpoint; ``health()`` never raises."""

    ok: bool
    url: str
    models: list[str] = field(default_factory=list)
    latency_s: float | None = None
    message: str = ""
    hint: str = ""


class _Transient(Exception):
    """A failure worth another attempt (server down, 5xx, 429, stream broken before any text)."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None,
                 stage: str = "connect") -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.stage = stage  # connect: no answer at all | stream: the answer broke off


class _Aborted(Exception):
    """The watcher fired (cancel or deadline) or the engine was closed."""


def server_message(body: bytes) -> str:
    """The human part of an error body: OpenAI ``{"error": {"message"}}``, FastAPI ``{"detail"}``
    (a string or pydantic's list of field errors), or the raw text; cut before a traceback and at
    500 characters."""
    msg = _server_message(body)
    return msg.split("\n\n", 1)[0].split("\nTraceback", 1)[0].strip()[:500]


def _server_message(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    try:
        obj = json.loads(text)
    except ValueError:
        return text[:500] or "(empty answer)"
    if isinstance(obj, dict):
        err = obj.get("error")
        if isinstance(err, dict) and err.get("message"):
            return str(err["message"])
        if isinstance(err, str) and err:
            return err
        detail = obj.get("detail")
        if isinstance(detail, str):
            return detail
        if isinstance(detail, list):
            parts = []
            for d in detail:
                if isinstance(d, dict):
                    loc = ".".join(str(x) for x in d.get("loc", ())[1:]) or "request"
                    parts.append(f"{loc}: {d.get('msg', d)}")
                else:
                    parts.append(str(d))
            return "; ".join(parts)
        if obj.get("message"):
            return str(obj["message"])
    return text[:500]


class _Watcher:
    """Polls ``should_stop`` and the deadline while the engine waits on the network; when either
    fires it calls ``abort`` (which shuts the socket down, so a blocked read returns at once)."""

    def __init__(self, should_stop: StopCheck, deadline: float, abort: Callable[[], None]) -> None:
        self.reason: str | None = None  # cancelled | deadline
        self._should_stop = should_stop
        self._deadline = deadline
        self._abort = abort
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="remote-watch", daemon=True)

    def __enter__(self) -> _Watcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._done.wait(WATCH_INTERVAL_S):
            try:
                stop = bool(self._should_stop())
            except Exception:  # a broken callback must not kill the watcher
                log.exception("should_stop raised")
                stop = False
            if stop or time.perf_counter() >= self._deadline:
                self.reason = "cancelled" if stop else "deadline"
                self._abort()
                return


class RemoteEngine:
    """An ``Engine`` that talks to an OpenAI-compatible server at ``base_url``.

    ``base_url`` may be given with or without the ``/v1`` suffix and without a scheme
    (``localhost:8000`` means ``http://localhost:8000``).  ``model`` empty: the first model the
    server lists.  ``retries``: extra attempts after the first (so ``retries + 1`` in all), spaced
    ``backoff_s``, ``2*backoff_s``, … (at most 8 s, or the server's ``Retry-After``).
    ``fix_url_hint``: how the operator corrects the URL, the end of the hint for a server that
    cannot be reached ("…, or fix the URL in the model panel.").  ``model_setting``: where the operator
    names the model, for the hints of ``health()`` when the server does not list it.
    """

    name = "remote"

    def __init__(
        self,
        base_url: str,
        model: str = "",
        api_key: str | None = None,
        timeout_s: float = 60,
        retries: int = 3,
        *,
        backoff_s: float = 0.5,
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
        fix_url_hint: str = FIX_URL_HINT,
        model_setting: str = MODEL_SETTING,
    ) -> None:
        self.base_url, self._https, self._host, self._port, self._prefix = _parse_url(base_url)
        self.model = model.strip()
        self.api_key = api_key or None
        if timeout_s <= 0 or connect_timeout_s <= 0:
            raise EngineError(f"timeouts must be positive (got {timeout_s}, {connect_timeout_s})",
                              "Set a read timeout of a few seconds or more.")
        if retries < 0 or backoff_s < 0:
            raise EngineError(f"retries and backoff must not be negative (got {retries}, {backoff_s})")
        self.timeout_s = float(timeout_s)
        self.connect_timeout_s = float(connect_timeout_s)
        self.retries = int(retries)
        self.backoff_s = float(backoff_s)
        self.fix_url_hint = fix_url_hint
        self.model_setting = model_setting
        self._lock = threading.Lock()
        self._conn: http.client.HTTPConnection | None = None
        self._closed = False

    # ----------------------------------------------------------------- the Engine protocol

    def generate(
        self,
        messages: list[ChatMessage],
        params: GenParams,
        on_text: TextCallback,
        should_stop: StopCheck,
    ) -> RequestMetrics:
        if self._closed:
            raise RemoteEngineError("the remote engine is closed", "Load the model again.", attempts=0)
        metrics = RequestMetrics()
        t0 = time.perf_counter()
        deadline = t0 + params.timeout_s
        _check_params(messages, params)
        if params.max_input_tokens is not None:
            metrics.warnings.append("max input tokens is not applied to a remote server: its own "
                                    "context limit applies")
        state = _StreamState()
        with _Watcher(should_stop, deadline, self._abort_current) as watch:
            try:
                model = self.model or self._first_model(watch)
                body = json.dumps(self._chat_body(model, messages, params)).encode()
                self._generate(body, on_text, should_stop, watch, metrics, t0, state)
                return _finish(metrics, t0, metrics.finish_reason or "stop", state)
            except _Aborted:
                if self._closed:
                    raise RemoteEngineError("the remote engine was closed during the request", attempts=0,
                                            metrics=_finish(metrics, t0, "error", state)) from None
                if watch.reason == "deadline":
                    raise RemoteEngineError(
                        f"no complete answer from {self.base_url} within {params.timeout_s:g} s",
                        "The server is slow or overloaded: raise the request timeout or ask for "
                        "fewer tokens.", attempts=state.attempts,
                        metrics=_finish(metrics, t0, "error", state)) from None
                return _finish(metrics, t0, "cancelled", state)
            except RemoteEngineError as exc:
                if exc.metrics is None:
                    exc.metrics = _finish(metrics, t0, "error", state)
                raise
            finally:
                self._drop_conn()

    def close(self) -> None:
        """Abort any request in flight (from any thread) and refuse new ones."""
        self._closed = True
        self._abort_current()

    # ----------------------------------------------------------------- other endpoints

    def models(self) -> list[str]:
        """The model ids the server serves (``GET /v1/models``); one attempt, no retries."""
        status, headers, body = self._simple_get("/v1/models")
        try:
            data = json.loads(body)["data"]
            return [str(m["id"]) for m in data]
        except (ValueError, KeyError, TypeError) as exc:
            raise RemoteEngineError(
                f"{self.base_url}/v1/models did not answer with a model list ({exc})",
                "Is this the URL of an OpenAI-compatible server (vLLM, SGLang, llama.cpp)?",
                status=status) from None

    def health(self) -> RemoteHealth:
        """Reachable, and which models: for the doctor and the model panel.  Never raises."""
        t0 = time.perf_counter()
        try:
            models = self.models()
        except EngineError as exc:
            return RemoteHealth(False, self.base_url, message=str(exc), hint=exc.hint)
        latency = time.perf_counter() - t0
        if self.model and self.model not in models:
            hint = (f"It serves: {', '.join(models)}. Name one of those ({self.model_setting}), or leave the "
                    "name empty for the first one it serves." if models else no_models_hint(self.model_setting))
            return RemoteHealth(False, self.base_url, models, latency,
                                f"the server does not list the model {self.model!r}", hint)
        return RemoteHealth(True, self.base_url, models, latency,
                            f"{len(models)} model(s): {', '.join(models)}")

    # ----------------------------------------------------------------- internals

    def _generate(self, body, on_text, should_stop, watch, metrics, t0, state) -> None:
        while True:
            state.attempts += 1
            try:
                self._stream_once(body, on_text, should_stop, watch, metrics, t0, state)
                return
            except _Transient as exc:
                self._check_abort(watch)  # a socket shut by cancel/deadline is not a server failure
                if state.pieces:  # text already reached the operator: never send it twice
                    raise RemoteEngineError(
                        f"the stream from {self.base_url} broke after {state.pieces} pieces: {exc}",
                        "The server stopped or lost the connection mid-answer; check that it is "
                        "still running (its log says why).", status=exc.status,
                        attempts=state.attempts) from None
                if state.attempts > self.retries:
                    raise self._give_up(exc, state.attempts) from None
                delay = exc.retry_after if exc.retry_after is not None else self.backoff_s * 2 ** (state.attempts - 1)
                delay = min(delay, MAX_BACKOFF_S)
                log.warning("remote %s: attempt %d/%d failed (%s); retrying in %.2f s",
                            self.base_url, state.attempts, self.retries + 1, exc, delay)
                self._sleep(delay, watch)
            except RemoteEngineError as exc:
                exc.attempts = state.attempts
                raise

    def _stream_once(self, body, on_text, should_stop, watch, metrics, t0, state) -> None:
        resp = self._open("POST", "/v1/chat/completions", body, watch)
        ctype = resp.getheader("Content-Type", "")
        if ctype.startswith("application/json"):  # a server that ignored stream=true
            raw = self._read(resp.read, watch)
            try:
                chunk = json.loads(raw)
            except ValueError:
                raise RemoteEngineError(f"the server sent something that is not JSON: {raw[:200]!r}",
                                        "Is this an OpenAI-compatible endpoint?") from None
            self._on_chunk(chunk, on_text, metrics, t0, state, whole=True)
            return
        data: list[str] = []
        while True:
            if should_stop():
                raise _Aborted
            self._check_abort(watch)  # the deadline passed while answer lines were already buffered here
            line = self._read(lambda: resp.readline(MAX_LINE), watch)
            if not line:  # the server ended the stream (a broken connection raises instead)
                self._check_abort(watch)
                if metrics.finish_reason:
                    log.warning("remote %s: stream ended without [DONE]", self.base_url)
                    return
                if state.pieces:
                    raise _Transient("the server ended the stream mid-answer", stage="stream")
                raise RemoteEngineError(
                    f"the server at {self.base_url} ended the stream without an answer",
                    "Its log says why. A prompt longer than the model's context length does this "
                    "on llama.cpp's server: shorten the prompt or the history.")
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            if text.startswith("data:"):
                data.append(text[5:].removeprefix(" "))
                continue
            if text or not data:  # comments (": ping"), event:/id: fields, stray blank lines
                continue
            payload, data = "\n".join(data), []
            if payload.strip() == "[DONE]":
                return
            try:
                chunk = json.loads(payload)
            except ValueError:
                raise RemoteEngineError(f"the server sent something that is not JSON: {payload[:200]!r}",
                                        "Is this an OpenAI-compatible endpoint?") from None
            self._on_chunk(chunk, on_text, metrics, t0, state)

    def _on_chunk(self, chunk: Any, on_text, metrics, t0, state, whole: bool = False) -> None:
        if not isinstance(chunk, dict):
            return
        if chunk.get("error"):  # vLLM/SGLang report mid-stream failures this way
            raise RemoteEngineError(f"the server failed: {server_message(json.dumps(chunk).encode())}",
                                    "See the server's log.")
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            state.usage = usage
        for choice in chunk.get("choices") or ():
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            part = (choice.get("message") if whole else choice.get("delta")) or {}
            piece = part.get("content") if isinstance(part, dict) else None
            if piece:
                if metrics.ttft_s is None:
                    metrics.ttft_s = time.perf_counter() - t0
                state.pieces += 1
                on_text(piece)
            if choice.get("finish_reason"):
                metrics.finish_reason = str(choice["finish_reason"])

    def _open(self, method: str, path: str, body: bytes | None, watch: _Watcher | None,
              read_timeout: float | None = None) -> http.client.HTTPResponse:
        """Connect, send, and read the status line.  Retryable failures become ``_Transient``;
        a 4xx becomes a ``RemoteEngineError`` with the server's message."""
        if watch is not None and watch.reason:
            raise _Aborted
        cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        conn = cls(self._host, self._port, timeout=self.connect_timeout_s)
        with self._lock:
            if self._closed:
                raise _Aborted
            self._conn = conn
        headers = {"Accept": "text/event-stream" if body else "application/json",
                   "User-Agent": "autoglm-console"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        read_timeout = read_timeout or self.timeout_s
        connected = False
        try:
            conn.connect()
            connected = True
            conn.sock.settimeout(read_timeout)
            conn.request(method, self._prefix + path, body=body, headers=headers)
            resp = conn.getresponse()
        except (ConnectionRefusedError, socket.gaierror) as exc:
            self._check_abort(watch)
            raise _Transient(f"cannot connect ({_reason(exc)})") from None
        except TimeoutError:
            self._check_abort(watch)
            if not connected:
                raise _Transient(f"no connection within {self.connect_timeout_s:g} s") from None
            # it took the request and went silent: another attempt would only queue behind it
            raise self._silent(read_timeout) from None
        except (OSError, http.client.HTTPException) as exc:
            self._check_abort(watch)
            raise _Transient(f"connection failed ({_reason(exc)})") from None
        if resp.status == 200:
            return resp
        payload = self._read(lambda: resp.read(MAX_ERROR_BODY), watch, tolerate=True)
        msg = server_message(payload)
        if resp.status == 429 or resp.status >= 500:
            raise _Transient(f"HTTP {resp.status}: {msg}", status=resp.status,
                             retry_after=_retry_after(resp.getheader("Retry-After")))
        raise RemoteEngineError(f"the server at {self.base_url} rejected the request "
                                f"(HTTP {resp.status}): {msg}", _hint_4xx(resp.status, self.model),
                                status=resp.status)

    def _silent(self, timeout: float) -> RemoteEngineError:
        return RemoteEngineError(f"{self.base_url} sent nothing for {timeout:g} s",
                                 "The server hangs or is overloaded: check it, or raise the read timeout.")

    def _read(self, fn: Callable[[], bytes], watch: _Watcher | None, tolerate: bool = False) -> bytes:
        try:
            return fn()
        except TimeoutError:
            self._check_abort(watch)
            timeout = self._conn.sock.gettimeout() if self._conn and self._conn.sock else self.timeout_s
            raise self._silent(timeout) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            # ValueError: http.client reading a socket that the watcher shut down
            self._check_abort(watch)
            if tolerate:
                return b""
            raise _Transient(f"connection lost ({_reason(exc)})", stage="stream") from None

    def _check_abort(self, watch: _Watcher | None) -> None:
        if self._closed or (watch is not None and watch.reason):
            raise _Aborted

    def _simple_get(self, path: str) -> tuple[int, Any, bytes]:
        try:
            resp = self._open("GET", path, None, None, read_timeout=min(self.timeout_s, 10.0))
            return resp.status, resp.headers, self._read(resp.read, None)
        except _Transient as exc:
            raise self._give_up(exc, 1) from None
        except _Aborted:
            raise RemoteEngineError("the remote engine is closed", attempts=0) from None
        finally:
            self._drop_conn()

    def _first_model(self, watch: _Watcher) -> str:
        """``model`` left empty: ask the server (vLLM insists on the name it serves)."""
        attempt = 0
        while True:
            attempt += 1
            try:
                resp = self._open("GET", "/v1/models", None, watch, read_timeout=min(self.timeout_s, 10.0))
                ids = [str(m["id"]) for m in json.loads(self._read(resp.read, watch))["data"]]
            except _Transient as exc:
                if attempt > self.retries:
                    raise self._give_up(exc, attempt) from None
                self._sleep(min(self.backoff_s * 2 ** (attempt - 1), MAX_BACKOFF_S), watch)
                continue
            except (ValueError, KeyError, TypeError):
                ids = []
            finally:
                self._drop_conn()
            if not ids:
                raise RemoteEngineError(f"{self.base_url} lists no models", no_models_hint(self.model_setting))
            self.model = ids[0]
            log.info("remote %s: using model %s", self.base_url, self.model)
            return self.model

    def _give_up(self, exc: _Transient, attempts: int) -> RemoteEngineError:
        tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
        if exc.stage == "stream":
            return RemoteEngineError(
                f"the connection to the model server at {self.base_url} broke before any text "
                f"({exc}; {tries})", "The server stopped or crashed mid-request: check that it is "
                "running, and its log.", status=exc.status, attempts=attempts)
        if exc.status is None:
            return RemoteEngineError(
                f"cannot reach the model server at {self.base_url} ({exc}; {tries})",
                f"Is vLLM or SGLang running at {self.base_url}? Start it with "
                f"`vllm serve MODEL --port {self._port}` or "
                f"`python -m sglang.launch_server --model-path MODEL --port {self._port}` "
                f"(or llama.cpp: `python -m llama_cpp.server --model FILE.gguf --port {self._port}`), "
                f"or {self.fix_url_hint}.", status=exc.status, attempts=attempts)
        if exc.status == 429:
            return RemoteEngineError(f"the model server at {self.base_url} is busy ({exc}; {tries})",
                                     "It is rate-limiting requests: wait a moment, or lower the load.",
                                     status=429, attempts=attempts)
        return RemoteEngineError(f"the model server at {self.base_url} failed ({exc}; {tries})",
                                 "The server is up but failing: its log says why (out of memory, "
                                 "model still loading, …).", status=exc.status, attempts=attempts)

    def _sleep(self, delay: float, watch: _Watcher) -> None:
        end = time.perf_counter() + delay
        while True:
            if watch.reason or self._closed:
                raise _Aborted
            left = end - time.perf_counter()
            if left <= 0:
                return
            time.sleep(min(left, WATCH_INTERVAL_S))

    def _abort_current(self) -> None:
        with self._lock:
            conn = self._conn
        sock = getattr(conn, "sock", None) if conn is not None else None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _drop_conn(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def _chat_body(self, model: str, messages: list[ChatMessage], params: GenParams) -> dict:
        body: dict[str, Any] = {
            "model": model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": True,
            "stream_options": {"include_usage": True},
            "max_tokens": params.max_new_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
        }
        if params.stop:
            body["stop"] = list(params.stop)
        return body


@dataclass
class _StreamState:
    pieces: int = 0  # text pieces delivered to on_text
    attempts: int = 0
    usage: dict | None = None


def _finish(metrics: RequestMetrics, t0: float, reason: str, state: _StreamState | None = None) -> RequestMetrics:
    metrics.e2e_s = time.perf_counter() - t0
    if reason == "cancelled":
        metrics.cancelled = True
    metrics.finish_reason = reason
    if state is not None:
        usage = state.usage or {}
        # the usage chunk (stream_options.include_usage) is exact; otherwise one piece ≈ one token
        metrics.new_tokens = int(usage.get("completion_tokens") or state.pieces)
        metrics.prompt_tokens = int(usage.get("prompt_tokens") or 0)
        details = usage.get("prompt_tokens_details")
        if isinstance(details, dict):
            metrics.cached_prompt_tokens = int(details.get("cached_tokens") or 0)
    return metrics


def _check_params(messages: list[ChatMessage], params: GenParams) -> None:
    """Refuse what every server rejects, before sending (llama.cpp answers a bad top_p with a 500)."""
    bad = []
    if not messages:
        bad.append("no messages")
    if params.max_new_tokens < 1:
        bad.append(f"max new tokens must be at least 1 (got {params.max_new_tokens})")
    if not 0 <= params.temperature <= 2:
        bad.append(f"temperature must be between 0 and 2 (got {params.temperature:g})")
    if not 0 < params.top_p <= 1:
        bad.append(f"top-p must be above 0 and at most 1 (got {params.top_p:g})")
    if params.timeout_s <= 0:
        bad.append(f"the request timeout must be positive (got {params.timeout_s:g} s)")
    if bad:
        raise RemoteEngineError("bad request: " + "; ".join(bad),
                                "Fix the generation settings in the model panel.", attempts=0)


def _parse_url(url: str) -> tuple[str, bool, str, int, str]:
    raw = (url or "").strip()
    if not raw:
        raise EngineError("no server URL given", "Enter the server URL, e.g. http://localhost:8000/v1.")
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EngineError(f"not an http(s) URL: {url!r}", "Use a URL like http://localhost:8000/v1.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise EngineError(f"bad port in {url!r}", "Use a URL like http://localhost:8000/v1.") from None
    prefix = parts.path.rstrip("/")
    prefix = prefix.removesuffix("/v1")
    host = parts.hostname
    shown = f"{parts.scheme}://{host if ':' not in host else f'[{host}]'}:{port}{prefix}"
    return shown, parts.scheme == "https", host, port, prefix


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _hint_4xx(status: int, model: str) -> str:
    if status in (401, 403):
        return "The server refused the API key: enter the key it was started with (--api-key)."
    if status == 404:
        return (f"Check the URL and the model name ({model or 'default'}): the model list of the "
                "server shows what it serves.")
    if status in (400, 413, 422):
        return ("The server rejected the request: check max tokens, temperature and top-p, and that "
                "the prompt fits the model's context length.")
    return "See the server's log."
