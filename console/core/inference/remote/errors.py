"""What goes wrong with a remote model server, in the operator's words.

``RemoteEngineError`` is the one exception the remote engine raises (an ``EngineError`` with a
hint, the attempts made, the HTTP status and the metrics of a request that had started).  The two
internal signals ``Transient`` (worth another attempt) and ``Aborted`` (cancel, deadline or close)
never leave the package.  The hints name the GUI's settings by default; the command-line doctor
passes its own words (``fix_url_hint``, ``model_setting``).
"""

from __future__ import annotations

import json

from console.core.inference.types import EngineError, RequestMetrics

FIX_URL_HINT = "fix the URL in the model panel"  # the GUI's words; the command-line doctor passes its own
MODEL_SETTING = "the Model field of the Model panel's remote server"  # likewise, where the model is named
NOT_OPENAI = "Is this an OpenAI-compatible endpoint?"


class RemoteEngineError(EngineError):
    """An ``EngineError`` that also says how many attempts were made, the HTTP status (if any),
    and the metrics of a request that failed after text had already streamed."""

    def __init__(self, message: str, hint: str = "", *, status: int | None = None, attempts: int = 1,
                 metrics: RequestMetrics | None = None) -> None:
        super().__init__(message, hint)
        self.status = status
        self.attempts = attempts
        self.metrics = metrics


class Transient(Exception):
    """A failure worth another attempt (server down, 5xx, 429, stream broken before any text)."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None,
                 stage: str = "connect") -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after
        self.stage = stage  # connect: no answer at all | stream: the answer broke off


class Aborted(Exception):
    """The watcher fired (cancel or deadline) or the engine was closed."""


def no_models_hint(model_setting: str = MODEL_SETTING) -> str:
    """The hint for a server that lists no models (yet)."""
    return (f"Name the model as the server serves it ({model_setting}), or check the server's log: "
            "it may still be loading.")


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
            return "; ".join(_field_error(d) for d in detail)
        if obj.get("message"):
            return str(obj["message"])
    return text[:500]


def _field_error(d: object) -> str:
    if not isinstance(d, dict):
        return str(d)
    loc = ".".join(str(x) for x in d.get("loc", ())[1:]) or "request"
    return f"{loc}: {d.get('msg', d)}"


def silent(base_url: str, timeout: float) -> RemoteEngineError:
    """The server took the request and then sent nothing for ``timeout`` seconds."""
    return RemoteEngineError(f"{base_url} sent nothing for {timeout:g} s",
                             "The server hangs or is overloaded: check it, or raise the read timeout.")


def not_openai(base_url: str, what: str) -> RemoteEngineError:
    return RemoteEngineError(f"the server at {base_url} sent {what}", NOT_OPENAI)


def rejected(base_url: str, status: int, msg: str, model: str) -> RemoteEngineError:
    """A 4xx answer: not retried, the server's own words and what to check."""
    return RemoteEngineError(f"the server at {base_url} rejected the request (HTTP {status}): {msg}",
                             hint_4xx(status, model), status=status)


def hint_4xx(status: int, model: str) -> str:
    if status in (401, 403):
        return "The server refused the API key: enter the key it was started with (--api-key)."
    if status == 404:
        return (f"Check the URL and the model name ({model or 'default'}): the model list of the "
                "server shows what it serves.")
    if status in (400, 413, 422):
        return ("The server rejected the request: check max tokens, temperature and top-p, and that "
                "the prompt fits the model's context length.")
    return "See the server's log."


def give_up(exc: Transient, attempts: int, base_url: str, port: int, fix_url_hint: str) -> RemoteEngineError:
    """The error for a transient failure that outlasted the retries."""
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if exc.stage == "stream":
        return RemoteEngineError(
            f"the connection to the model server at {base_url} broke before any text ({exc}; {tries})",
            "The server stopped or crashed mid-request: check that it is running, and its log.",
            status=exc.status, attempts=attempts)
    if exc.status is None:
        return RemoteEngineError(
            f"cannot reach the model server at {base_url} ({exc}; {tries})",
            f"Is vLLM or SGLang running at {base_url}? Start it with "
            f"`vllm serve MODEL --port {port}` or "
            f"`python -m sglang.launch_server --model-path MODEL --port {port}` "
            f"(or llama.cpp: `python -m llama_cpp.server --model FILE.gguf --port {port}`), "
            f"or {fix_url_hint}.", status=exc.status, attempts=attempts)
    if exc.status == 429:
        return RemoteEngineError(f"the model server at {base_url} is busy ({exc}; {tries})",
                                 "It is rate-limiting requests: wait a moment, or lower the load.",
                                 status=429, attempts=attempts)
    return RemoteEngineError(f"the model server at {base_url} failed ({exc}; {tries})",
                             "The server is up but failing: its log says why (out of memory, "
                             "model still loading, …).", status=exc.status, attempts=attempts)
