"""What moving the remote engine onto httpx2 must not change, against a real loopback HTTP server:
the proxy variables of the environment are ignored (http.client never read them, and a loopback
model server sent through a corporate proxy fails), and an answer that is neither JSON nor an event
stream is a clear error rather than an empty answer."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from console.core.demo.broker import free_port
from console.core.inference.remote import RemoteEngine, RemoteEngineError
from console.core.inference.types import ChatMessage, GenParams

HELLO = [ChatMessage("user", "hello")]


class _Server:
    """Answers GET /v1/models with one model and POST with ``post_type`` content."""

    def __init__(self, post_type: str, post_body: bytes) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self._send("application/json", json.dumps({"data": [{"id": "m"}]}).encode())

            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers["Content-Length"]))
                self._send(post_type, post_body)

            def _send(self, ctype: str, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-openai", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def html_server():
    server = _Server("text/html", b"<html><body>Welcome to nginx!</body></html>")
    yield server
    server.stop()


def test_proxy_variables_are_ignored(html_server, monkeypatch):
    dead = f"http://127.0.0.1:{free_port()}"  # a proxy that is not there
    for var in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.setenv(var, dead)
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
    engine = RemoteEngine(html_server.url, retries=0)
    assert engine.models() == ["m"]
    assert engine.health().ok


def test_an_answer_that_is_not_an_event_stream_is_a_clear_error(html_server):
    engine = RemoteEngine(html_server.url, model="m", retries=3, backoff_s=0.001)
    pieces: list[str] = []
    with pytest.raises(RemoteEngineError, match="no event stream") as err:
        engine.generate(HELLO, GenParams(max_new_tokens=4), pieces.append, lambda: False)
    assert err.value.attempts == 1 and "OpenAI-compatible" in err.value.hint and pieces == []
    assert err.value.metrics is not None and err.value.metrics.finish_reason == "error"
