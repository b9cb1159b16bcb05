"""The doctor's list of checks, in report order, with their time limits: ``default_checks``.

Both front ends take their checks from here: ``autoglm-console doctor`` (main.py) and the
Environment panel (through the package).  The checks that import torch/transformers or call the GPU
driver run together in one child process (``check_runtime``, see child.py for why).  The checks
whose modules need a third-party package are imported when they run (guard.py): a missing package
is that check's failed row, never a crash of the doctor.
"""

from __future__ import annotations

from console.core.envcheck.child import run_in_child
from console.core.envcheck.display_platform import check_qt
from console.core.envcheck.guard import lazy_check
from console.core.envcheck.result import CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP
from console.core.envcheck.runner import Check, DoctorContext

# torch, transformers and the GPU driver: checked in one child process (see child.py for why)
RUNTIME_CHECKS = [
    ("cuda", "CUDA", "console.core.envcheck.cuda:check_cuda"),
    ("quantization", "Quantization", "console.core.envcheck.quant:check_quantization"),
    ("model", "Model", "console.core.envcheck.model_checks:check_model"),
]
RUNTIME_TIMEOUT_S = 120.0
# the groups as the Environment panel shows them (translated there, context "Doctor")
GROUP_NAMES = (QT_TRANSLATE_NOOP("Doctor", "Python"), QT_TRANSLATE_NOOP("Doctor", "Packages"),
               QT_TRANSLATE_NOOP("Doctor", "CUDA"), QT_TRANSLATE_NOOP("Doctor", "Quantization"),
               QT_TRANSLATE_NOOP("Doctor", "Model"), QT_TRANSLATE_NOOP("Doctor", "Model server"),
               QT_TRANSLATE_NOOP("Doctor", "Broker"), QT_TRANSLATE_NOOP("Doctor", "Disk"),
               QT_TRANSLATE_NOOP("Doctor", "Qt"), QT_TRANSLATE_NOOP("Doctor", "Other"))


def check_runtime(ctx: DoctorContext) -> list[CheckResult]:
    return run_in_child(RUNTIME_CHECKS, ctx, RUNTIME_TIMEOUT_S)


def default_checks(ctx: DoctorContext | None = None) -> list[Check]:
    """Every check, in report order.  Time limits are generous: importing torch on a busy machine
    takes a while, and a timeout must mean "hung", not "slow"."""
    broker_limit = 5 * (ctx.broker_timeout_s if ctx else 5.0) + 10
    remote_limit = 2 * (ctx.remote_timeout_s if ctx else 5.0) + 10  # connect + read, and a slow DNS lookup
    return [
        Check("python", "Python", lazy_check("console.core.envcheck.python_env:check_python", "Python"), 10),
        Check("packages", "Packages", lazy_check("console.core.envcheck.python_env:check_packages", "Packages"), 20),
        Check("runtime", "CUDA", check_runtime, RUNTIME_TIMEOUT_S + 15, groups=("CUDA", "Quantization", "Model")),
        Check("remote", "Model server", lazy_check("console.core.envcheck.remote_checks:check_remote", "Model server"),
              remote_limit),
        Check("broker", "Broker", lazy_check("console.core.envcheck.mqtt_checks:check_broker", "Broker"), broker_limit),
        Check("disk", "Disk", lazy_check("console.core.envcheck.disk:check_disk", "Disk"), 30),
        Check("qt", "Qt", check_qt, 40),
    ]
