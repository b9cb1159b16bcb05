"""The remote engine against a real OpenAI-compatible server: llama-cpp-python's, serving the bundled
GGUF from .venv-llama (built by packaging/install-llama-server.sh, which `make test` runs; the server
helper is tests/llama_server.py, the session-wide ``llama`` fixture is in tests/conftest.py).

Error paths use real failures: a port with nothing listening, a listener that hangs up, the server
frozen (SIGSTOP) or killed (SIGKILL) mid-stream, a real proxy in front of the server that answers
5xx/429 before it forwards, and 4xx answers of the server itself (bad top_p, wrong API key).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from console.core.demo.broker import free_port
from console.core.inference.remote import RemoteEngine, RemoteEngineError, server_message
from console.core.inference.types import ChatMessage, Engine, EngineError, GenParams
from tests.conftest import wait_for
from tests.llama_server import ALIAS, API_KEY, LlamaServer

pytestmark = pytest.mark.slow

COUNT = [ChatMessage("user", "Count from 1 to 100, separated by commas.")]
HELLO = [ChatMessage("system", "You are a helpful assistant."),
         ChatMessage("user", "What is the capital of France? Answer in one sentence.")]


@pytest.fixture
def own_llama(bundled_gguf, tmp_path):
    """A server of the test's own, for tests that freeze or kill it."""
    server = LlamaServer(bundled_gguf, tmp_path / "server.log", api_key=None)
    server.warm_up(COUNT)  # the prompt the freeze/kill tests send
    yield server
    server.stop(kill=True)


def collect(engine: RemoteEngine, messages, params: GenParams, should_stop=lambda: False, on_piece=None):
    pieces: list[str] = []

    def on_text(piece: str) -> None:
        pieces.append(piece)
        if on_piece:
            on_piece(len(pieces))

    metrics = engine.generate(messages, params, on_text, should_stop)
    return pieces, metrics


def plain_completion(server: LlamaServer, messages, max_tokens: int) -> dict:
    """The same request without streaming, sent without the engine."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    body = {"model": ALIAS, "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": max_tokens, "temperature": 0.0, "top_p": 1.0, "stream": False}
    conn.request("POST", "/v1/chat/completions", json.dumps(body),
                 {"Content-Type": "application/json", "Authorization": f"Bearer {server.api_key}"})
    resp = conn.getresponse()
    assert resp.status == 200, resp.read()
    out = json.loads(resp.read())
    conn.close()
    return out


def no_watch_threads() -> bool:
    return not [t for t in threading.enumerate() if t.name == "remote-watch"]


# ------------------------------------------------------------------ against the healthy server


def test_models_and_health(llama):
    engine = llama.engine()
    assert isinstance(engine, Engine)
    assert engine.models() == [ALIAS]
    health = engine.health()
    assert health.ok and health.models == [ALIAS] and health.latency_s is not None
    wrong = llama.engine(model="no-such-model").health()
    assert not wrong.ok and ALIAS in wrong.hint


def test_greedy_stream_equals_plain_completion(llama):
    engine = llama.engine()
    pieces, m = collect(engine, HELLO, GenParams(max_new_tokens=24, temperature=0.0))
    plain = plain_completion(llama, HELLO, 24)
    assert len(pieces) > 1, "the answer should arrive in pieces"
    assert "".join(pieces) == plain["choices"][0]["message"]["content"]
    assert m.finish_reason == plain["choices"][0]["finish_reason"]
    # llama.cpp sends no usage chunk: one piece per token
    assert m.new_tokens == len(pieces) == plain["usage"]["completion_tokens"]
    assert no_watch_threads()


def test_metrics(llama):
    engine = llama.engine()
    pieces, m = collect(engine, COUNT, GenParams(max_new_tokens=16))
    assert m.finish_reason == "length" and m.new_tokens == 16 == len(pieces)
    assert m.ttft_s is not None and 0 < m.ttft_s < m.e2e_s
    assert m.decode_tps is not None and m.decode_tps > 0
    assert not m.cancelled and m.warnings == []


def test_empty_model_uses_the_first_served(llama):
    engine = RemoteEngine(llama.url, api_key=API_KEY)
    pieces, m = collect(engine, HELLO, GenParams(max_new_tokens=4))
    assert engine.model == ALIAS and pieces and m.new_tokens == len(pieces)


def test_cancel_mid_stream_stops_and_server_stays_usable(llama):
    engine = llama.engine()
    stop = threading.Event()
    pieces, m = collect(engine, COUNT, GenParams(max_new_tokens=300), stop.is_set,
                        on_piece=lambda n: n == 3 and stop.set())
    assert m.cancelled and m.finish_reason == "cancelled"
    assert len(pieces) == 3 and m.new_tokens == 3  # polled between chunks: nothing after the stop
    assert m.ttft_s is not None and m.e2e_s >= m.ttft_s
    # the server noticed the disconnect and serves the next request
    again, m2 = collect(engine, HELLO, GenParams(max_new_tokens=4))
    assert again and not m2.cancelled and m2.finish_reason in ("stop", "length")
    assert no_watch_threads()


def test_cancel_before_start(llama):
    pieces, m = collect(llama.engine(), HELLO, GenParams(), should_stop=lambda: True)
    assert pieces == [] and m.cancelled and m.new_tokens == 0 and m.ttft_s is None


def test_request_deadline(llama):
    engine = llama.engine()
    # a consumer that holds the first piece until the whole deadline has passed since it came (so past
    # the request's own 1 s, which started earlier): however fast the server and however short its
    # answer, the request outlives its deadline, also where the rest of the answer is already buffered
    def hold_first(n):
        if n == 1:
            first = time.monotonic()
            while time.monotonic() < first + 1.0:
                time.sleep(0.02)

    with pytest.raises(RemoteEngineError, match="no complete answer") as err:
        collect(engine, COUNT, GenParams(max_new_tokens=1000, timeout_s=1.0), on_piece=hold_first)
    assert "timeout" in err.value.hint
    assert err.value.metrics is not None and err.value.metrics.finish_reason == "error"


def test_close_from_another_thread_aborts(llama):
    engine = llama.engine()
    with pytest.raises(RemoteEngineError, match="closed") as err:
        collect(engine, COUNT, GenParams(max_new_tokens=300),
                on_piece=lambda n: n == 2 and threading.Thread(target=engine.close).start())
    assert err.value.metrics.new_tokens >= 2
    with pytest.raises(RemoteEngineError, match="closed"):
        collect(engine, HELLO, GenParams(max_new_tokens=2))


def test_bad_params_are_refused_before_sending():
    listener = HangUp()  # llama.cpp would answer a bad top_p with a 500 and a traceback
    try:
        engine = RemoteEngine(f"127.0.0.1:{listener.port}", model="m")
        with pytest.raises(RemoteEngineError, match="top-p must be above 0 and at most 1") as err:
            engine.generate(HELLO, GenParams(top_p=1.5), lambda s: None, lambda: False)
        assert err.value.attempts == 0 and "settings" in err.value.hint
        with pytest.raises(RemoteEngineError, match="max new tokens"):
            engine.generate(HELLO, GenParams(max_new_tokens=0), lambda s: None, lambda: False)
        assert listener.accepted == 0
    finally:
        listener.close()


def test_wrong_path_is_a_clear_404(llama):
    engine = RemoteEngine(f"http://127.0.0.1:{llama.port}/not-here/v1", model=ALIAS, api_key=API_KEY,
                          retries=3, backoff_s=0.001)
    with pytest.raises(RemoteEngineError) as err:
        collect(engine, HELLO, GenParams(max_new_tokens=4))
    assert err.value.status == 404 and err.value.attempts == 1
    assert "Not Found" in str(err.value) and "URL" in err.value.hint


def test_prompt_over_the_context_length(llama):
    """llama.cpp's server answers 200 and ends the stream at once: not retried, a clear hint."""
    engine = llama.engine(retries=3, backoff_s=0.001)
    long = [ChatMessage("user", "word " * 3000)]  # n_ctx is 2048
    with pytest.raises(RemoteEngineError, match="without an answer") as err:
        collect(engine, long, GenParams(max_new_tokens=4))
    assert err.value.attempts == 1 and "context length" in err.value.hint
    pieces, _ = collect(engine, HELLO, GenParams(max_new_tokens=4))  # and the server still works
    assert pieces


def test_wrong_api_key_is_a_clear_401(llama):
    engine = llama.engine(api_key="wrong", retries=3, backoff_s=0.001)
    with pytest.raises(RemoteEngineError) as err:
        collect(engine, HELLO, GenParams(max_new_tokens=4))
    assert err.value.status == 401 and err.value.attempts == 1
    assert "api key" in str(err.value).lower() and "API key" in err.value.hint
    with pytest.raises(RemoteEngineError, match="401"):
        engine.models()


# ------------------------------------------------------------------ servers that are down or fail


def test_server_down_gives_hint_after_retries():
    port = free_port()  # nothing listens there
    engine = RemoteEngine(f"http://127.0.0.1:{port}/v1", model="m", retries=2, backoff_s=0.001)
    pieces: list[str] = []
    with pytest.raises(RemoteEngineError) as err:
        engine.generate(HELLO, GenParams(), pieces.append, lambda: False)
    e = err.value
    assert e.attempts == 3 and e.status is None and pieces == []
    assert f"127.0.0.1:{port}" in str(e) and "refused" in str(e)
    assert "vLLM" in e.hint and "SGLang" in e.hint and str(port) in e.hint
    health = engine.health()
    assert not health.ok and "vLLM" in health.hint
    assert no_watch_threads()


class HangUp:
    """A TCP listener that accepts and closes at once, counting connections."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.thread = threading.Thread(target=self._run, name="hangup-listener", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self.thread.join(5)


def test_retries_are_counted_by_the_listener():
    listener = HangUp()
    try:
        engine = RemoteEngine(f"127.0.0.1:{listener.port}", model="m", retries=3, backoff_s=0.001)
        with pytest.raises(RemoteEngineError) as err:
            engine.generate(HELLO, GenParams(), lambda s: None, lambda: False)
        assert err.value.attempts == 4
        wait_for(lambda: listener.accepted == 4, 5, what="4 connections")
        assert "vLLM" in err.value.hint
    finally:
        listener.close()


class FlakyProxy:
    """A real HTTP proxy in front of the llama server: answers the first POSTs with the given
    statuses, then forwards (streaming the answer through)."""

    def __init__(self, upstream: LlamaServer, failures: list[int]) -> None:
        self.posts = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                proxy.posts += 1
                if failures:
                    status = failures.pop(0)
                    payload = json.dumps({"error": {"message": f"proxy says {status}"}}).encode()
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    if status == 429:
                        self.send_header("Retry-After", "0")
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                conn = http.client.HTTPConnection("127.0.0.1", upstream.port, timeout=60)
                conn.request("POST", self.path, body, {k: v for k, v in self.headers.items()
                                                       if k.lower() in ("content-type", "authorization")})
                resp = conn.getresponse()
                self.send_response(resp.status)
                self.send_header("Content-Type", resp.getheader("Content-Type", ""))
                self.send_header("Connection", "close")
                self.end_headers()
                while chunk := resp.read1(65536):
                    self.wfile.write(chunk)
                    self.wfile.flush()
                conn.close()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, name="flaky-proxy", daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def test_5xx_and_429_are_retried_then_succeed(llama):
    proxy = FlakyProxy(llama, [503, 429, 502])
    try:
        engine = RemoteEngine(f"http://127.0.0.1:{proxy.port}/v1", model=ALIAS, api_key=API_KEY,
                              retries=3, backoff_s=0.001)
        pieces, m = collect(engine, HELLO, GenParams(max_new_tokens=12))
        direct, _ = collect(llama.engine(), HELLO, GenParams(max_new_tokens=12))
        assert proxy.posts == 4
        assert "".join(pieces) == "".join(direct) and len(pieces) > 1
        assert m.new_tokens == len(pieces) and m.ttft_s is not None
    finally:
        proxy.close()


def test_5xx_until_retries_run_out(llama):
    proxy = FlakyProxy(llama, [500, 500, 500])
    try:
        engine = RemoteEngine(f"http://127.0.0.1:{proxy.port}", model=ALIAS, retries=2, backoff_s=0.001)
        with pytest.raises(RemoteEngineError) as err:
            collect(engine, HELLO, GenParams(max_new_tokens=4))
        e = err.value
        assert e.attempts == 3 and proxy.posts == 3 and e.status == 500
        assert "proxy says 500" in str(e) and "log" in e.hint
    finally:
        proxy.close()


def test_frozen_server_read_timeout_and_cancel(own_llama):
    """SIGSTOP mid-stream: the read timeout fires instead of a hang; then, with the server still
    frozen and a long timeout, a cancel returns at once (the watcher closes the socket)."""
    engine = own_llama.engine(timeout_s=2.0, retries=3, backoff_s=0.001)  # generous: 2 shared cores
    pid = own_llama.proc.pid
    with pytest.raises(RemoteEngineError, match="sent nothing for 2 s") as err:
        collect(engine, COUNT, GenParams(max_new_tokens=300),
                on_piece=lambda n: n == 3 and os.kill(pid, signal.SIGSTOP))
    assert err.value.metrics.new_tokens >= 3, f"timed out before the freeze: {err.value.metrics}"
    assert err.value.attempts == 1
    assert "hangs" in err.value.hint
    # still frozen: it accepts the connection (the kernel does) and answers nothing; not retried
    with pytest.raises(RemoteEngineError, match="sent nothing for 1 s") as err:
        collect(own_llama.engine(timeout_s=1.0, retries=3, backoff_s=0.001), HELLO, GenParams())
    assert err.value.attempts == 1 and err.value.metrics.ttft_s is None

    patient = own_llama.engine(timeout_s=300, retries=0)
    stop = threading.Event()
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    pieces, m = collect(patient, HELLO, GenParams(max_new_tokens=8, timeout_s=300), stop.is_set)
    timer.join()
    assert m.cancelled and pieces == []
    assert no_watch_threads()


def test_server_killed_mid_stream(own_llama):
    engine = own_llama.engine(timeout_s=30, retries=3, backoff_s=0.001)
    pieces: list[str] = []

    def on_text(piece: str) -> None:
        pieces.append(piece)
        if len(pieces) == 3:
            own_llama.proc.kill()

    with pytest.raises(RemoteEngineError, match="broke after") as err:
        engine.generate(COUNT, GenParams(max_new_tokens=300), on_text, lambda: False)
    e = err.value
    assert e.attempts == 1  # never retried once text has streamed
    assert e.metrics.new_tokens == len(pieces) >= 3 and e.metrics.finish_reason == "error"
    assert "running" in e.hint


# ------------------------------------------------------------------ input checks


@pytest.mark.parametrize("url", ["", "ftp://host/v1", "http://", "http://host:notaport"])
def test_bad_urls_are_refused(url):
    with pytest.raises(EngineError) as err:
        RemoteEngine(url)
    assert "http://localhost:8000/v1" in err.value.hint


@pytest.mark.parametrize("url, shown", [
    ("localhost:8000", "http://localhost:8000"),
    ("http://gpu-box:8000/v1/", "http://gpu-box:8000"),
    ("https://llm.example.org/proxy/v1", "https://llm.example.org:443/proxy"),
])
def test_url_forms(url, shown):
    assert RemoteEngine(url).base_url == shown


def test_server_message_formats():
    assert server_message(b'{"error": {"message": "boom", "type": "x"}}') == "boom"
    assert server_message(b'{"detail": "Invalid API key"}') == "Invalid API key"
    detail = {"detail": [{"loc": ["body", "top_p"], "msg": "Input should be less than or equal to 1"}]}
    assert server_message(json.dumps(detail).encode()) == "top_p: Input should be less than or equal to 1"
    assert server_message(b"<html>Bad Gateway</html>") == "<html>Bad Gateway</html>"
    traceback = {"error": {"message": "1 validation error: top_p\n\n  File \"app.py\", line 376"}}
    assert server_message(json.dumps(traceback).encode()) == "1 validation error: top_p"
