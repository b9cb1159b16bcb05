"""What the remote engine sends: the server URL as the operator typed it, checked and normalised;
the generation settings, refused before sending where every server would reject them; and the
OpenAI chat-completions body (streamed, with usage)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from console.core.inference.remote import words
from console.core.inference.remote.errors import RemoteEngineError
from console.core.inference.remote.words import URL_EXAMPLE
from console.core.inference.types import ChatMessage, EngineError, GenParams


@dataclass(frozen=True)
class ServerURL:
    """``shown``: scheme://host:port/prefix, as messages name the server; ``origin`` is what the
    HTTP client connects to and ``prefix`` the path before ``/v1`` (a reverse proxy's, often empty)."""

    shown: str
    origin: str
    port: int
    prefix: str


def parse_url(url: str) -> ServerURL:
    """``localhost:8000`` means ``http://localhost:8000``; a trailing ``/v1`` or ``/`` is dropped."""
    raw = (url or "").strip()
    if not raw:
        raise EngineError(words.NO_URL, words.NO_URL_HINT)
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EngineError(words.NOT_HTTP.format(url=repr(url)), URL_EXAMPLE)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise EngineError(words.BAD_PORT.format(url=repr(url)), URL_EXAMPLE) from None
    prefix = parts.path.rstrip("/").removesuffix("/v1")
    host = parts.hostname
    origin = f"{parts.scheme}://{host if ':' not in host else f'[{host}]'}:{port}"
    return ServerURL(origin + prefix, origin, port, prefix)


def check_params(messages: list[ChatMessage], params: GenParams) -> None:
    """Refuse what every server rejects, before sending (llama.cpp answers a bad top_p with a 500)."""
    bad = []
    if not messages:
        bad.append(words.NO_MESSAGES)
    if params.max_new_tokens < 1:
        bad.append(words.BAD_MAX_NEW.format(n=params.max_new_tokens))
    if not 0 <= params.temperature <= 2:
        bad.append(words.BAD_TEMPERATURE.format(value=f"{params.temperature:g}"))
    if not 0 < params.top_p <= 1:
        bad.append(words.BAD_TOP_P.format(value=f"{params.top_p:g}"))
    if params.timeout_s <= 0:
        bad.append(words.BAD_REQUEST_TIMEOUT.format(value=f"{params.timeout_s:g}"))
    if bad:  # one problem keeps its id; several are joined (the Model panel splits them again at "; ")
        raise RemoteEngineError(words.BAD_REQUEST.format(problems=bad[0] if len(bad) == 1 else "; ".join(bad)),
                                words.BAD_REQUEST_HINT, attempts=0)


def chat_body(model: str, messages: list[ChatMessage], params: GenParams) -> dict[str, Any]:
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
