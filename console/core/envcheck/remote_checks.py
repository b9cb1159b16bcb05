"""The remote model server (vLLM, SGLang, llama.cpp): does it answer ``GET /v1/models``, and does it
serve the model the console will ask for.

One request, no retries, each network step limited to ``ctx.remote_timeout_s``: a dead host costs the
doctor a few seconds, never a hang.  The API key is sent with the request (a server started with
``--api-key`` refuses the model list without it) and appears nowhere in the row; the URL shown is the
engine's, without user:password@ or a query string.  The hint for a server that cannot be reached ends
with ``ctx.remote_fix_url_hint`` (the command line names --remote-url) or, when that is None, the
engine's own words (the model panel, for the GUI).
"""

from __future__ import annotations

from ..inference.remote import FIX_URL_HINT, RemoteEngine
from ..inference.types import EngineError
from .result import FAIL, OK, SKIP, WARN, CheckResult

GROUP = "Model server"
NAME = "Model server"
EXPECTED_URL = "an OpenAI-compatible server URL, e.g. http://localhost:8000/v1"


def _row(status: str, value: str, expected: str = "", hint: str = "", **details) -> CheckResult:
    return CheckResult(NAME, status, value, expected, hint, group=GROUP, details=details)


def check_remote(ctx) -> CheckResult:
    url = (ctx.remote_url or "").strip()
    if not url:
        return _row(SKIP, "not configured", "a server URL (--remote-url) when the console uses a remote model server")
    want = (ctx.remote_model or "").strip()
    timeout = max(0.5, float(ctx.remote_timeout_s))
    try:
        engine = RemoteEngine(url, want, api_key=ctx.remote_api_key, timeout_s=timeout, retries=0,
                              connect_timeout_s=timeout, fix_url_hint=ctx.remote_fix_url_hint or FIX_URL_HINT)
    except EngineError as exc:
        return _row(FAIL, str(exc), EXPECTED_URL, exc.hint)
    health = engine.health()
    latency_ms = round(health.latency_s * 1000, 1) if health.latency_s is not None else None
    details = {"url": health.url, "model": want, "models": list(health.models), "latency_ms": latency_ms}
    expected = "answers GET /v1/models" + (f" and serves {want!r}" if want else " with at least one model")
    if not health.ok:
        return _row(FAIL, health.message, expected, health.hint, **details)
    if not health.models:
        return _row(WARN, f"{health.url} lists no models ({latency_ms:.0f} ms)", expected,
                    "Name the model as the server serves it (--remote-model), or check the server's log: "
                    "it may still be loading.", **details)
    return _row(OK, f"{health.message} at {health.url} ({latency_ms:.0f} ms)", expected, **details)
