"""``autoglm-console doctor [--json]``: run every check, print the report, exit 1 if any failed."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from typing import TYPE_CHECKING, Iterator

from console.core.envcheck.checks import default_checks
from console.core.envcheck.redact import redact_obj
from console.core.envcheck.report import build_report, to_text
from console.core.envcheck.result import FAIL, CheckResult
from console.core.envcheck.runner import DoctorContext, run_checks

if TYPE_CHECKING:  # link.py needs paho-mqtt, which the doctor must survive without (guard.py)
    from console.core.mqtt.link import BrokerConfig

# the command line has no model panel: the unreachable-server hint names the flag and the variable
CLI_FIX_URL_HINT = "pass the right URL with --remote-url (or set AUTOGLM_REMOTE_URL)"
# likewise where the row for no server and the hints for a model the server does not list send the operator
CLI_URL_SETTING = "--remote-url or AUTOGLM_REMOTE_URL"
CLI_MODEL_SETTING = "--remote-model or AUTOGLM_REMOTE_MODEL"


def make_context(
    broker_url: str | None = None,
    model: str | None = None,
    *,
    dtype: str = "bf16",
    quantization: str = "none",
    context_tokens: int = 4096,
    ca_file: str = "",
    insecure: bool = False,
    protocol: str = "5",
    broker_timeout_s: float = 5.0,
    broker_cfg: BrokerConfig | None = None,
    remote_url: str | None = None,
    remote_model: str | None = None,
    remote_api_key: str | None = None,
    remote_timeout_s: float = 5.0,
    remote_fix_url_hint: str | None = CLI_FIX_URL_HINT,
    remote_url_setting: str | None = CLI_URL_SETTING,
    remote_model_setting: str | None = CLI_MODEL_SETTING,
) -> DoctorContext:
    """The command line's context (the GUI's panel builds its own).  ``broker_url`` (may carry
    user:password@) wins over ``broker_cfg`` (e.g. the active profile).  ``remote_url``: an
    OpenAI-compatible model server to check (None: none is used)."""
    ctx = DoctorContext(model=model, dtype=dtype, quantization=quantization, context_tokens=context_tokens,
                        broker_timeout_s=broker_timeout_s, broker=broker_cfg, remote_url=remote_url or None,
                        remote_model=remote_model or None, remote_api_key=remote_api_key or None,
                        remote_timeout_s=remote_timeout_s, remote_fix_url_hint=remote_fix_url_hint,
                        remote_url_setting=remote_url_setting, remote_model_setting=remote_model_setting)
    if broker_url:
        try:
            from console.core.mqtt.link import BrokerConfig
        except ModuleNotFoundError:  # no paho-mqtt: the broker check's row says so, with its fix
            return ctx
        try:
            ctx.broker = BrokerConfig.from_url(broker_url, ca_file=ca_file, insecure=insecure, protocol=protocol)
        except ValueError as exc:
            ctx.extra["broker_error"] = str(exc)
    return ctx


def _bad_broker_url(ctx: DoctorContext) -> list[CheckResult]:
    if "broker_error" not in ctx.extra:
        return []
    return [CheckResult("Broker URL", FAIL, ctx.extra["broker_error"], "mqtt://host:1883 or mqtts://host:8883",
                        "Fix the broker URL (user:password@ may precede the host).", group="Broker")]


def run_doctor(ctx: DoctorContext, checks=None, on_result=None, stop=None) -> list[CheckResult]:
    checks = default_checks(ctx) if checks is None else checks
    bad = _bad_broker_url(ctx)
    if bad:
        checks = [c for c in checks if c.id != "broker"]
        if on_result is not None:
            for r in bad:
                on_result(r)
    return bad + run_checks(checks, ctx, on_result=on_result, stop=stop)


@contextlib.contextmanager
def stdout_to_stderr() -> Iterator[None]:
    """Anything the checks print (a native library writing to fd 1 included) goes to stderr, so that
    ``doctor --json`` puts exactly one JSON document on stdout."""
    sys.stdout.flush()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    saved = os.dup(fd) if fd is not None else None
    try:
        if fd is not None:
            os.dup2(sys.stderr.fileno(), fd)
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        if saved is not None:
            os.dup2(saved, fd)
            os.close(saved)


def doctor_main(
    json_out: bool = False,
    broker_url: str | None = None,
    model: str | None = None,
    checks=None,
    **options,
) -> int:
    """``checks``: a subset of default_checks (None: all of them)."""
    ctx = make_context(broker_url, model, **options)
    with stdout_to_stderr():
        results = run_doctor(ctx, checks)
    known = [s for s in (ctx.broker.password if ctx.broker is not None else None, ctx.remote_api_key) if s]
    report = redact_obj(build_report(results), known)  # people paste this output into tickets
    if json_out:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    else:
        sys.stdout.write(to_text(report))
    sys.stdout.flush()
    return 1 if any(r.status == FAIL for r in results) else 0
