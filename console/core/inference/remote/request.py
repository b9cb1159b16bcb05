"""What the remote engine sends: the server URL as the operator typed it, checked and normalised;
the generation settings, refused before sending where every server would reject them; and the
OpenAI chat-completions body (streamed, with usage)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from console.core.inference.remote.errors import RemoteEngineError
from console.core.inference.types import ChatMessage, EngineError, GenParams

URL_EXAMPLE = "Use a URL like http://localhost:8000/v1."


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
        raise EngineError("no server URL given", "Enter the server URL, e.g. http://localhost:8000/v1.")
    if "://" not in raw:
        raw = "http://" + raw
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EngineError(f"not an http(s) URL: {url!r}", URL_EXAMPLE)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise EngineError(f"bad port in {url!r}", URL_EXAMPLE) from None
    prefix = parts.path.rstrip("/").removesuffix("/v1")
    host = parts.hostname
    origin = f"{parts.scheme}://{host if ':' not in host else f'[{host}]'}:{port}"
    return ServerURL(origin + prefix, origin, port, prefix)


def check_params(messages: list[ChatMessage], params: GenParams) -> None:
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
