"""The remote model server (vLLM, SGLang, llama.cpp): does it answer ``GET /v1/models``, and does it
serve the model the console will ask for.

One request, no retries, each network step limited to ``ctx.remote_timeout_s``: a dead host costs the
doctor a few seconds, never a hang.  The API key is sent with the request (a server started with
``--api-key`` refuses the model list without it) and appears nowhere in the row; the URL shown is the
engine's, without user:password@ or a query string.

The row's texts say where the operator sets things, in the words of where the row is shown: the hint for
a server that cannot be reached ends with ``ctx.remote_fix_url_hint``, the row for no server names
``ctx.remote_url_setting`` and the hints for a model that is not served name ``ctx.remote_model_setting``
(the command line's context names its flags and variables); each None means the GUI's words (the Model
panel's remote server fields; the engine's own defaults for the URL and the model).
"""

from __future__ import annotations

from console.core.inference.remote import FIX_URL_HINT, MODEL_SETTING, RemoteEngine, no_models_hint
from console.core.inference.types import EngineError
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP

GROUP = QT_TRANSLATE_NOOP("Doctor", "Model server")
NAME = GROUP
EXPECTED_URL = QT_TRANSLATE_NOOP("Doctor", "an OpenAI-compatible server URL, e.g. http://localhost:8000/v1")
# the GUI's words (the doctor panel's context leaves it None); the command line passes its own
URL_SETTING = QT_TRANSLATE_NOOP("Doctor", "the URL field of the Model panel's remote server")


def _row(status: str, value: str, expected: str = "", hint: str = "", **details) -> CheckResult:
    return CheckResult(NAME, status, value, expected, hint, group=GROUP, details=details)


def check_remote(ctx) -> CheckResult:
    url = (ctx.remote_url or "").strip()
    if not url:
        where = ctx.remote_url_setting or URL_SETTING
        return _row(SKIP, QT_TRANSLATE_NOOP("Doctor", "not configured"),
                    QT_TRANSLATE_NOOP("Doctor", "a server URL ({where}) when the console uses a remote model server"
                                      ).format(where=where))
    want = (ctx.remote_model or "").strip()
    timeout = max(0.5, float(ctx.remote_timeout_s))
    model_where = ctx.remote_model_setting or MODEL_SETTING
    try:
        engine = RemoteEngine(url, want, api_key=ctx.remote_api_key, timeout_s=timeout, retries=0,
                              connect_timeout_s=timeout, fix_url_hint=ctx.remote_fix_url_hint or FIX_URL_HINT,
                              model_setting=model_where)
    except EngineError as exc:
        return _row(FAIL, str(exc), EXPECTED_URL, exc.hint)
    health = engine.health()
    latency_ms = round(health.latency_s * 1000, 1) if health.latency_s is not None else None
    details = {"url": health.url, "model": want, "models": list(health.models), "latency_ms": latency_ms}
    expected = (QT_TRANSLATE_NOOP("Doctor", "answers GET /v1/models and serves {model}").format(model=repr(want))
                if want else QT_TRANSLATE_NOOP("Doctor", "answers GET /v1/models with at least one model"))
    if not health.ok:
        return _row(FAIL, health.message, expected, health.hint, **details)
    if not health.models:
        return _row(WARN, QT_TRANSLATE_NOOP("Doctor", "{url} lists no models ({ms} ms)").format(
            url=health.url, ms=f"{latency_ms:.0f}"), expected,
                    no_models_hint(model_where), **details)
    return _row(OK, QT_TRANSLATE_NOOP("Doctor", "{message} at {url} ({ms} ms)").format(
        message=health.message, url=health.url, ms=f"{latency_ms:.0f}"), expected, **details)
