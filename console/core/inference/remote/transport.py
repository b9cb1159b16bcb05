"""The HTTP side of the remote engine, on httpx2 (the maintained continuation of httpx, already
installed with huggingface_hub, and the client of the ``openai`` SDK).

One request at a time.  Each request gets a connection of its own (no keep-alive), so the socket of
the request in flight is known from the moment it connects (httpcore's ``trace`` extension hands
it over), and ``abort()`` (the watcher's, or ``close()`` from any thread) shuts it down: a read
blocked on a silent server returns at once, and the server sees the disconnect and stops
generating.  httpx2's own retries, redirects and environment (proxies, .netrc) are off: the engine
decides what is retried, and a loopback server is never sent through a proxy.

Network failures come back as the package's signals: ``Transient`` (worth another attempt),
``Aborted`` (the failure was the abort), or a ``RemoteEngineError`` (a read timeout: the server took
the request and went silent, and another attempt would only queue behind it).
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx2

from console.core.inference.remote import words
from console.core.inference.remote.errors import (
    Aborted, Transient, not_openai, rejected, server_message, silent)
from console.core.inference.remote.request import ServerURL

MAX_ERROR_BODY = 64 * 1024
Stopped = Callable[[], bool]  # true once a failure would be the abort's doing


class Transport:
    """An httpx2 client for one server, with the socket of the request in flight at hand."""

    def __init__(self, url: ServerURL, api_key: str | None, connect_timeout_s: float) -> None:
        self.url = url
        self.connect_timeout_s = connect_timeout_s
        self.closed = False
        self._lock = threading.Lock()  # guards the three fields below
        self._stream: Any = None  # httpcore's network stream of the request in flight
        self._busy = False
        self._stopped: Stopped = lambda: False
        headers = {"User-Agent": "autoglm-console"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        # https: the stdlib's default context, as http.client used (system CAs, SSL_CERT_FILE/DIR);
        # http: never used (base_url is fixed, redirects are not followed), so skip loading the CAs
        verify = ssl.create_default_context() if url.origin.startswith("https:") else False
        self._client = httpx2.Client(base_url=url.origin, headers=headers, trust_env=False, verify=verify,
                                     follow_redirects=False, limits=httpx2.Limits(max_keepalive_connections=0))

    def send(self, method: str, path: str, body: bytes | None, read_timeout: float,
             stopped: Stopped, model: str = "") -> httpx2.Response:
        """Connect, send, and read the status line and headers.  A 200 answer comes back (the
        caller reads it, then calls ``finish``); 5xx and 429 raise ``Transient``, other statuses
        a ``RemoteEngineError`` with the server's message (``model``: for its hint)."""
        with self._lock:
            if self.closed or stopped():
                raise Aborted
            self._busy, self._stopped = True, stopped
        headers = {"Accept": "text/event-stream" if body else "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        timeout = httpx2.Timeout(read_timeout, connect=self.connect_timeout_s, pool=self.connect_timeout_s)
        request = self._client.build_request(method, self.url.prefix + path, content=body, headers=headers,
                                             timeout=timeout, extensions={"trace": self._trace})
        try:
            with self.errors("connect", read_timeout):
                resp = self._client.send(request, stream=True)
        except BaseException:
            self.finish(None)
            raise
        if resp.status_code == 200:
            return resp
        try:
            msg = server_message(self._error_body(resp, read_timeout))
        finally:
            self.finish(resp)
        if resp.status_code == 429 or resp.status_code >= 500:
            raise Transient(words.HTTP_STATUS.format(status=resp.status_code, message=msg), status=resp.status_code,
                            retry_after=_retry_after(resp.headers.get("Retry-After")))
        raise rejected(self.url.shown, resp.status_code, msg, model)

    def read(self, resp: httpx2.Response, read_timeout: float) -> bytes:
        """The whole body of a 200 answer."""
        with self.errors("stream", read_timeout):
            return resp.read()

    def events(self, resp: httpx2.Response, read_timeout: float) -> Iterator[httpx2.ServerSentEvent]:
        """The server-sent events of a 200 answer, as they arrive."""
        with self.errors("stream", read_timeout):
            yield from httpx2.EventSource(resp)

    def finish(self, resp: httpx2.Response | None) -> None:
        """Close the answer (and with it the connection); the request is no longer in flight."""
        if resp is not None:
            with contextlib.suppress(httpx2.HTTPError, OSError):
                resp.close()
        with self._lock:
            self._stream, self._busy, self._stopped = None, False, (lambda: False)
            idle_and_closed = self.closed
        if idle_and_closed:
            self._client.close()

    def abort(self) -> None:
        """Shut the socket of the request in flight down (from any thread)."""
        with self._lock:
            stream = self._stream
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Abort the request in flight and refuse new ones."""
        with self._lock:
            self.closed = True
            idle = not self._busy
        self.abort()
        if idle:
            self._client.close()

    @contextlib.contextmanager
    def errors(self, stage: str, read_timeout: float) -> Iterator[None]:
        """httpx2's failures, as the engine's signals (see the module docstring)."""
        try:
            yield
        except (httpx2.TransportError, OSError) as exc:
            if self.closed or self._stopped():
                raise Aborted from None
            if isinstance(exc, httpx2.ConnectTimeout):
                raise Transient(words.NO_CONNECTION_WITHIN.format(s=f"{self.connect_timeout_s:g}")) from None
            if isinstance(exc, httpx2.ConnectError):
                raise Transient(words.CANNOT_CONNECT.format(reason=_reason(exc))) from None
            if isinstance(exc, httpx2.TimeoutException):
                raise silent(self.url.shown, read_timeout) from None
            if isinstance(exc, httpx2.SSEError):
                raise not_openai(self.url.shown, words.NO_EVENT_STREAM.format(error=str(exc))) from None
            what = words.CONNECTION_FAILED if stage == "connect" else words.CONNECTION_LOST
            raise Transient(what.format(reason=_reason(exc)), stage=stage) from None

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's trace hook: remember the stream once connected (and again after TLS)."""
        stream = info.get("return_value")
        if not event.endswith(".complete") or not hasattr(stream, "get_extra_info"):
            return
        with self._lock:
            self._stream = stream
            late = self.closed or self._stopped()
        if late:  # the watcher fired while we were connecting
            self.abort()

    def _error_body(self, resp: httpx2.Response, read_timeout: float) -> bytes:
        """At most MAX_ERROR_BODY bytes of a failure answer; a broken read keeps what came."""
        data = bytearray()
        try:
            with self.errors("stream", read_timeout):
                for chunk in resp.iter_bytes():
                    data += chunk
                    if len(data) >= MAX_ERROR_BODY:
                        break
        except Transient:
            pass
        return bytes(data[:MAX_ERROR_BODY])


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None  # an HTTP date: fall back to our own backoff


def _reason(exc: BaseException) -> str:
    """The OS's words where there are some ("Connection refused"), else the client's."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        cause = cause.__cause__ or cause.__context__
    return str(exc) or type(exc).__name__

