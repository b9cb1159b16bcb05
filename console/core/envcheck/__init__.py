"""The environment doctor: every check the deployment guide warns about, each with a fix.

Checks are plain functions of a ``DoctorContext`` returning ``CheckResult`` rows (ok/warn/fail/skip,
the measured value, the expected value, a fix hint).  ``run_checks`` runs them concurrently, each
under its own time limit; the ones that import torch/transformers or call the GPU driver run in one
child process (child.py) that is killed at its deadline, and the Qt probe runs in another
(qt_platform.py).  The panel (console.ui.doctor.qt_doctor_panel) and ``autoglm-console doctor`` both go
through ``default_checks``.
"""

from __future__ import annotations

from console.core.envcheck.bundle import write_bundle
from console.core.envcheck.child import run_in_child
from console.core.envcheck.cuda import check_cuda
from console.core.envcheck.disk import check_disk
from console.core.envcheck.main import doctor_main, make_context, run_doctor
from console.core.envcheck.model_checks import check_model
from console.core.envcheck.mqtt_checks import check_broker
from console.core.envcheck.python_env import check_packages, check_python
from console.core.envcheck.display_platform import check_qt
from console.core.envcheck.quant import check_quantization
from console.core.envcheck.redact import redact, redact_obj
from console.core.envcheck.remote_checks import check_remote
from console.core.envcheck.report import build_report, to_markdown, to_text
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.envcheck.runner import Check, DoctorContext, run_checks


# torch, transformers and the GPU driver: checked in one child process (see child.py for why)
RUNTIME_CHECKS = [
    ("cuda", "CUDA", "console.core.envcheck.cuda:check_cuda"),
    ("quantization", "Quantization", "console.core.envcheck.quant:check_quantization"),
    ("model", "Model", "console.core.envcheck.model_checks:check_model"),
]
RUNTIME_TIMEOUT_S = 120.0


def check_runtime(ctx: DoctorContext) -> list[CheckResult]:
    return run_in_child(RUNTIME_CHECKS, ctx, RUNTIME_TIMEOUT_S)


def default_checks(ctx: DoctorContext | None = None) -> list[Check]:
    """Every check, in report order.  Time limits are generous: importing torch on a busy machine
    takes a while, and a timeout must mean "hung", not "slow"."""
    broker_limit = 5 * (ctx.broker_timeout_s if ctx else 5.0) + 10
    remote_limit = 2 * (ctx.remote_timeout_s if ctx else 5.0) + 10  # connect + read, and a slow DNS lookup
    return [
        Check("python", "Python", check_python, 10),
        Check("packages", "Packages", check_packages, 20),
        Check("runtime", "CUDA", check_runtime, RUNTIME_TIMEOUT_S + 15, groups=("CUDA", "Quantization", "Model")),
        Check("remote", "Model server", check_remote, remote_limit),
        Check("broker", "Broker", check_broker, broker_limit),
        Check("disk", "Disk", check_disk, 30),
        Check("qt", "Qt", check_qt, 40),
    ]


__all__ = [
    "FAIL", "OK", "SKIP", "WARN", "Check", "CheckResult", "DoctorContext", "build_report", "check_cuda",
    "check_model", "check_quantization", "check_remote", "default_checks",
    "doctor_main", "make_context", "redact", "redact_obj", "run_checks", "run_doctor", "to_markdown", "to_text",
    "write_bundle",
]
