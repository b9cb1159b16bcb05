"""Run the checks concurrently, each under its own time limit.

Each check runs in its own daemon thread named ``doctor-<id>``.  The runner waits for each one until
its deadline; a check that overruns is reported as failed ("did not finish in N s") and abandoned,
so one hung DNS lookup or driver call cannot hold up the rest.  (concurrent.futures would join a
hung worker at interpreter exit and hang ``autoglm-console doctor`` with it: daemon threads do not.)

``run_checks`` is a plain function: ``on_result`` gets each result as soon as its check finishes
(the panel turns that into a queued signal), ``stop`` (a threading.Event) abandons the run.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from console.core.envcheck.result import FAIL, CheckResult
from console.core.paths import NotAFolderError
from console.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # link.py needs paho-mqtt: the doctor must run without it (see guard.py)
    from console.core.mqtt.link import BrokerConfig

log = logging.getLogger(__name__)


@dataclass
class DoctorContext:
    """What to check: the configured broker, model and model server, and where data lives."""

    broker: BrokerConfig | None = None
    model: str | None = None  # folder, GGUF file or hub id; None: the bundled model if present
    dtype: str = "bf16"
    quantization: str = "none"  # none | int8 | 4bit
    context_tokens: int = 4096
    data_dir: Path | None = None  # None: paths.user_data_dir()
    model_dir: Path | None = None  # None: paths.model_cache_dir()
    broker_timeout_s: float = 5.0  # per network step
    remote_url: str | None = None  # an OpenAI-compatible model server (vLLM, SGLang, llama.cpp); None: not used
    remote_model: str | None = None  # the model name it must serve; None/empty: any
    remote_api_key: str | None = field(default=None, repr=False)  # sent, never shown, stored or passed on
    remote_timeout_s: float = 5.0  # connect and read limit for the model server's /v1/models
    # how the operator corrects the server URL, for the unreachable-server hint; None: the engine's
    # own words (the model panel, right for the GUI); the command line's doctor names its flag
    remote_fix_url_hint: str | None = None
    # where the operator sets the server URL (the row for no server) and the model name (the hints for a
    # model the server does not list); None: the Model panel's fields (the GUI); the command line's
    # doctor names its flags and variables
    remote_url_setting: str | None = None
    remote_model_setting: str | None = None
    extra: dict = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)  # set: long checks give up (child killed)


CheckFn = Callable[[DoctorContext], "CheckResult | list[CheckResult]"]


@dataclass(frozen=True)
class Check:
    id: str
    group: str
    func: CheckFn
    timeout_s: float = 30.0
    groups: tuple[str, ...] = ()  # the groups its rows belong to, when more than ``group``

    @property
    def all_groups(self) -> tuple[str, ...]:
        return self.groups or (self.group,)


def _as_list(out: CheckResult | list[CheckResult]) -> list[CheckResult]:
    return [out] if isinstance(out, CheckResult) else list(out)


def run_one(check: Check, ctx: DoctorContext) -> list[CheckResult]:
    """Run one check in the calling thread; an exception becomes a failed result, never a crash."""
    t0 = time.perf_counter()
    try:
        results = _as_list(check.func(ctx))
    except NotAFolderError as exc:  # a per-user folder is a file: the operator's to fix, not a bug here
        log.warning("doctor check %s: %s", check.id, exc)
        results = [CheckResult(check.group, FAIL, str(exc), QT_TRANSLATE_NOOP("Doctor", "a folder"),
                               QT_TRANSLATE_NOOP("Doctor", "Move the file away (or set the variable named to "
                                                 "another folder), then run the doctor again."))]
    except Exception as exc:  # noqa: BLE001 - the doctor reports what broke, it does not break
        log.exception("doctor check %s crashed", check.id)
        results = [
            CheckResult(
                check.group,
                FAIL,
                QT_TRANSLATE_NOOP("Doctor", "the check itself failed: {error}").format(
                    error=f"{type(exc).__name__}: {exc}"),
                hint=QT_TRANSLATE_NOOP("Doctor", "This is a bug in the doctor or a badly broken install; the log "
                                       "has the traceback."),
            )
        ]
    elapsed = time.perf_counter() - t0
    for r in results:
        r.group = r.group or check.group
        r.elapsed_s = r.elapsed_s or round(elapsed, 3)  # rows from a child process keep their own time
    return results


def _timed_out(check: Check) -> CheckResult:
    return CheckResult(
        check.group,
        FAIL,
        QT_TRANSLATE_NOOP("Doctor", "{check}: no answer within {s} s").format(check=check.id, s=f"{check.timeout_s:g}"),
        QT_TRANSLATE_NOOP("Doctor", "finishes within {s} s").format(s=f"{check.timeout_s:g}"),
        QT_TRANSLATE_NOOP("Doctor", "Something hangs (a driver call, a DNS lookup, a network filesystem): run the "
                          "doctor again; if it repeats, the log names the step."),
        group=check.group,
        elapsed_s=check.timeout_s,
        details={"timed_out": True, "check": check.id},
    )


def run_checks(
    checks: list[Check],
    ctx: DoctorContext,
    on_result: Callable[[CheckResult], None] | None = None,
    stop: threading.Event | None = None,
) -> list[CheckResult]:
    """All checks at once; results in the order of ``checks`` (each check's rows in its own order).

    ``stop`` (default: ``ctx.stop``) abandons the run; checks that watch ``ctx.stop`` end early."""
    if stop is None:
        stop = ctx.stop
    else:
        ctx.stop = stop
    slots: list[list[CheckResult] | None] = [None] * len(checks)
    done = [threading.Event() for _ in checks]
    lock = threading.Lock()
    delivered = [False] * len(checks)

    def deliver(i: int, results: list[CheckResult]) -> None:
        with lock:
            if delivered[i]:
                return  # a late answer after its timeout: the report already says so
            delivered[i] = True
            slots[i] = results
        if on_result is not None:
            for r in results:
                try:
                    on_result(r)
                except Exception:  # noqa: BLE001 - a UI bug must not lose the other results
                    log.exception("doctor on_result handler failed")

    def work(i: int, check: Check) -> None:
        results = run_one(check, ctx)
        deliver(i, results)
        done[i].set()

    starts = []
    for i, check in enumerate(checks):
        t = threading.Thread(target=work, args=(i, check), name=f"doctor-{check.id}", daemon=True)
        t.start()
        starts.append(time.monotonic())
    for i, check in enumerate(checks):
        deadline = starts[i] + check.timeout_s
        while not done[i].is_set():
            if stop is not None and stop.is_set():
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                log.warning("doctor check %s did not finish in %s s", check.id, check.timeout_s)
                deliver(i, [_timed_out(check)])
                break
            done[i].wait(min(remaining, 0.1))
        if stop is not None and stop.is_set():
            break
    with lock:
        return [r for s in slots if s for r in s]
