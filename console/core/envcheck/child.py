"""Run checks in a child process: the ones that import torch/transformers or call the GPU driver.

Why a process and not a thread: a hung driver call in a thread can only be abandoned, a child is
killed at its deadline; the console does not pay torch's import (~0.2 GB RSS, seconds of CPU) or a
CUDA context just to be told about the environment; and nothing in the console can observe a
half-imported torch while the doctor imports it.

Protocol: ``python -m console.core.envcheck.child SPEC`` where SPEC is JSON
``{"checks": [[id, group, "module:function"], ...], "ctx": {...}}``.  Each check runs in its own
thread; as each finishes, one line ``@@doctor {"id": ..., "rows": [...]}`` goes to stdout
(everything else the checks print is sent to stderr).  The parent keeps the rows it got if the
child has to be killed and names the checks that did not answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from console.core.envcheck.guard import is_ours, lazy_check, missing_package_row, resolve
from console.core.envcheck.result import FAIL, SKIP, CheckResult
from console.core.envcheck.runner import Check, DoctorContext, run_one
from console.core.i18n import QT_TRANSLATE_NOOP, Msg, msgs_of

MARK = "@@doctor "
# remote_api_key is left out on purpose: the spec travels on the child's command line (visible in ps)
CTX_FIELDS = ("model", "dtype", "quantization", "context_tokens", "data_dir", "model_dir", "remote_url",
              "remote_model", "remote_timeout_s")


def ctx_to_json(ctx: DoctorContext) -> dict[str, Any]:
    out = {}
    for k in CTX_FIELDS:
        v = getattr(ctx, k)
        out[k] = str(v) if isinstance(v, Path) else v
    return out


def ctx_from_json(raw: dict[str, Any]) -> DoctorContext:
    ctx = DoctorContext()
    for k in CTX_FIELDS:
        if k in raw:
            v = raw[k]
            setattr(ctx, k, Path(v) if k.endswith("_dir") and v else v)
    return ctx


def _run_target(check_id: str, group: str, target: str, ctx: DoctorContext) -> list[CheckResult]:
    """A missing package: the row with its fix (guard.py); a check that cannot load otherwise: a failed
    row that says so."""
    try:
        resolve(target)
    except ModuleNotFoundError as exc:
        if not is_ours(exc):
            return [missing_package_row(exc, group)]
        return [CheckResult(group, FAIL, QT_TRANSLATE_NOOP("Doctor", "cannot load {target}: {error}").format(
            target=target, error=str(exc)), group=group)]
    except Exception as exc:  # noqa: BLE001
        return [CheckResult(group, FAIL, QT_TRANSLATE_NOOP("Doctor", "cannot load {target}: {error}").format(
            target=target, error=str(exc)), group=group)]
    return run_one(Check(check_id, group, lazy_check(target, group)), ctx)  # also catches a late import


def child_main(argv: list[str]) -> int:
    spec = json.loads(argv[0])
    ctx = ctx_from_json(spec.get("ctx", {}))
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1, encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints from the checks go to stderr
    lock = threading.Lock()

    def work(check_id: str, group: str, target: str) -> None:
        rows = _run_target(check_id, group, target, ctx)
        # a row's translatable texts (console/core/i18n.py) travel with their ids, under "_msgs"
        line = MARK + json.dumps({"id": check_id, "rows": [{**asdict(r), "_msgs": msgs_of(r, TEXT_FIELDS)}
                                                           for r in rows]}, default=str)
        with lock:
            out.write(line + "\n")
            out.flush()

    threads = [threading.Thread(target=work, args=tuple(c), name=f"doctor-{c[0]}", daemon=True)
               for c in spec["checks"]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()
    return 0


TEXT_FIELDS = ("name", "value", "expected", "hint", "group")


def _row(raw: dict[str, Any]) -> CheckResult:
    msgs = raw.pop("_msgs", None) or {}
    for f, m in msgs.items():
        if f in TEXT_FIELDS and isinstance(m, dict):
            raw[f] = Msg.from_json(m)
    return CheckResult(**raw)


def _rows_from(line: str) -> tuple[str, list[CheckResult]] | None:
    if not line.startswith(MARK):
        return None
    try:
        data = json.loads(line[len(MARK):])
        return data["id"], [_row(r) for r in data["rows"]]
    except (ValueError, KeyError, TypeError):
        return None


def run_in_child(checks: list[tuple[str, str, str]], ctx: DoctorContext, timeout: float) -> list[CheckResult]:
    """Run ``checks`` ([(id, group, "module:function")]) in one child process; rows in ``checks`` order.

    A check that has not answered when the child exits or is killed at ``timeout`` gets one failed
    row that says so (with the child's last words on stderr when it died)."""
    if getattr(sys, "frozen", False):  # no "-m" in a frozen build: run them here
        rows: list[CheckResult] = []
        for cid, group, target in checks:
            rows += _run_target(cid, group, target, ctx)
        return rows
    spec = json.dumps({"checks": [list(c) for c in checks], "ctx": ctx_to_json(ctx)})
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "console.core.envcheck.child", spec], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    timed_out = stopped = False
    deadline = time.monotonic() + timeout
    while True:  # wait in short steps so that ctx.stop (the panel closing) ends the child at once
        try:
            out, err = proc.communicate(timeout=max(0.01, min(0.25, deadline - time.monotonic())))
            break
        except subprocess.TimeoutExpired:
            stopped = ctx.stop.is_set()
            timed_out = time.monotonic() >= deadline
            if stopped or timed_out:
                proc.kill()
                out, err = proc.communicate()
                break
    got: dict[str, list[CheckResult]] = {}
    for line in (out or "").splitlines():
        parsed = _rows_from(line)
        if parsed is not None:
            got[parsed[0]] = parsed[1]
    rows = []
    for cid, group, _target in checks:
        if cid in got:
            rows += got[cid]
        elif stopped:
            rows.append(CheckResult(group, SKIP, QT_TRANSLATE_NOOP("Doctor", "{check}: stopped (the doctor was "
                                                                   "closed)").format(check=cid), group=group))
        elif timed_out:
            rows.append(CheckResult(group, FAIL, QT_TRANSLATE_NOOP("Doctor", "{check}: no answer within {s} s "
                                                                   "(stopped)").format(check=cid, s=f"{timeout:g}"),
                                    QT_TRANSLATE_NOOP("Doctor", "finishes within {s} s").format(s=f"{timeout:g}"),
                                    QT_TRANSLATE_NOOP("Doctor", "Something hangs in this check (a GPU driver call, a "
                                                      "damaged install): it was stopped. Run the doctor again; if "
                                                      "it repeats, `nvidia-smi` and the log say more."),
                                    group=group, details={"timed_out": True, "check": cid}))
        else:
            tail = (err or "").strip().splitlines()[-3:]
            rows.append(CheckResult(group, FAIL, QT_TRANSLATE_NOOP("Doctor", "{check}: the check process died (exit "
                                                                   "code {rc})").format(check=cid, rc=proc.returncode),
                                    QT_TRANSLATE_NOOP("Doctor", "an answer"),
                                    QT_TRANSLATE_NOOP("Doctor", "Its last words: {words}. A crash here (e.g. a segfault "
                                                      "in a driver library) is itself the finding: reinstall the "
                                                      "library it names.").format(
                                        words=" | ".join(tail) or QT_TRANSLATE_NOOP("Doctor", "none")), group=group,
                                    details={"returncode": proc.returncode}))
    return rows


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
