"""The environment doctor: every check the deployment guide warns about, each with a fix.

Checks are plain functions of a ``DoctorContext`` returning ``CheckResult`` rows (ok/warn/fail/skip,
the measured value, the expected value, a fix hint).  ``run_checks`` runs them concurrently, each
under its own time limit; the ones that import torch/transformers or call the GPU driver run in one
child process (child.py) that is killed at its deadline, and the Qt probe runs in another
(display_platform.py).  The panel (console.ui.doctor.qt_doctor_panel) and ``autoglm-console doctor``
both go through ``default_checks`` (checks.py).  This package only re-exports: no module inside it
imports the package itself, so there is no import cycle.  The checks whose modules need a third-party
package (paho-mqtt, httpx2, packaging, ...) are re-exported lazily (``__getattr__``): importing the
package, as ``autoglm-console doctor`` does, must work without them (guard.py).
"""

from __future__ import annotations

from console.core.envcheck.bundle import write_bundle
from console.core.envcheck.checks import RUNTIME_CHECKS, RUNTIME_TIMEOUT_S, check_runtime, default_checks
from console.core.envcheck.child import run_in_child
from console.core.envcheck.cuda import check_cuda
from console.core.envcheck.disk import check_disk
from console.core.envcheck.display_platform import check_qt
from console.core.envcheck.main import doctor_main, make_context, run_doctor
from console.core.envcheck.redact import redact, redact_obj
from console.core.envcheck.report import build_report, to_markdown, to_text
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.envcheck.runner import Check, DoctorContext, run_checks

_LAZY = {
    "check_model": "console.core.envcheck.model_checks",
    "check_broker": "console.core.envcheck.mqtt_checks",
    "check_packages": "console.core.envcheck.python_env",
    "check_python": "console.core.envcheck.python_env",
    "check_quantization": "console.core.envcheck.quant",
    "check_remote": "console.core.envcheck.remote_checks",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "FAIL", "OK", "SKIP", "WARN", "Check", "CheckResult", "DoctorContext", "build_report", "check_cuda",
    "check_model", "check_quantization", "check_remote", "default_checks",
    "doctor_main", "make_context", "redact", "redact_obj", "run_checks", "run_doctor", "to_markdown", "to_text",
    "write_bundle",
]
