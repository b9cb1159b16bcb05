"""What goes wrong with a remote model server, in the operator's words.

``RemoteEngineError`` is the one exception the remote engine raises (an ``EngineError`` with a
hint, the attempts made, the HTTP status and the metrics of a request that had started).  The two
internal signals ``Transient`` (worth another attempt) and ``Aborted`` (cancel, deadline or close)
never leave the package.  The hints name the GUI's settings by default; the command-line doctor
passes its own words (``fix_url_hint``, ``model_setting``).  The texts are words.py's, marked for
translation (context "Remote"); ``text_of`` keeps a Msg's id where ``str(exc)`` would drop it.
"""

from __future__ import annotations

import json

from console.core.i18n import Msg
from console.core.inference.remote import words
from console.core.inference.remote.words import FIX_URL_HINT, MODEL_SETTING, NOT_OPENAI  # noqa: F401 - re-exported
from console.core.inference.types import EngineError, RequestMetrics


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


def text_of(exc: BaseException) -> str:
    """An exception's message, the Msg itself where it is one (``str(exc)`` would make it plain)."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Msg) else str(exc)


def no_models_hint(model_setting: str = MODEL_SETTING) -> str:
    """The hint for a server that lists no models (yet)."""
    return words.NO_MODELS_HINT.format(setting=model_setting)


def server_message(body: bytes) -> str:
    """The human part of an error body: OpenAI ``{"error": {"message"}}``, FastAPI ``{"detail"}``
    (a string or pydantic's list of field errors), or the raw text; cut before a traceback and at
    500 characters."""
    msg = _server_message(body)
    if isinstance(msg, Msg):
        return msg
    return msg.split("\n\n", 1)[0].split("\nTraceback", 1)[0].strip()[:500]


def _server_message(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    try:
        obj = json.loads(text)
    except ValueError:
        return text[:500] or words.EMPTY_ANSWER
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
    return RemoteEngineError(words.SILENT.format(url=base_url, s=f"{timeout:g}"), words.SILENT_HINT)


def not_openai(base_url: str, what: str) -> RemoteEngineError:
    return RemoteEngineError(words.SENT_WHAT.format(url=base_url, what=what), NOT_OPENAI)


def rejected(base_url: str, status: int, msg: str, model: str) -> RemoteEngineError:
    """A 4xx answer: not retried, the server's own words and what to check."""
    return RemoteEngineError(words.REJECTED.format(url=base_url, status=status, message=msg),
                             hint_4xx(status, model), status=status)


def hint_4xx(status: int, model: str) -> str:
    if status in (401, 403):
        return words.HINT_API_KEY
    if status == 404:
        return words.HINT_NOT_FOUND.format(model=model or words.DEFAULT_MODEL)
    if status in (400, 413, 422):
        return words.HINT_BAD_REQUEST
    return words.SEE_LOG


def give_up(exc: Transient, attempts: int, base_url: str, port: int, fix_url_hint: str) -> RemoteEngineError:
    """The error for a transient failure that outlasted the retries."""
    args = {"url": base_url, "error": text_of(exc), "tries": words.tries(attempts)}
    if exc.stage == "stream":
        return RemoteEngineError(words.BROKE_BEFORE_TEXT.format(**args), words.BROKE_BEFORE_TEXT_HINT,
                                 status=exc.status, attempts=attempts)
    if exc.status is None:
        return RemoteEngineError(words.UNREACHABLE.format(**args),
                                 words.UNREACHABLE_HINT.format(url=base_url, port=port, fix=fix_url_hint),
                                 status=exc.status, attempts=attempts)
    if exc.status == 429:
        return RemoteEngineError(words.BUSY.format(**args), words.BUSY_HINT, status=429, attempts=attempts)
    return RemoteEngineError(words.FAILING.format(**args), words.FAILING_HINT, status=exc.status, attempts=attempts)
