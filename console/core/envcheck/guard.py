"""Guarded imports: a check whose code needs a package that is missing becomes a failed row, never a crash.

The doctor exists for broken environments, so the modules every run imports (the package, checks.py,
main.py, runner.py, result.py, report.py) import nothing from outside the standard library and the
project's Qt-free, dependency-free modules.  A check that needs a third-party package (paho-mqtt,
httpx2, torch, transformers, packaging, platformdirs, ...) is named by ``"module:function"`` and
imported only when it runs (``lazy_check``); a ``ModuleNotFoundError`` for anything outside the
project turns into one failed row that names the distribution and its fix (``missing_package_row``).
A missing module of the project itself is a broken install or a bug: it still raises.
"""

from __future__ import annotations

import importlib
from typing import Callable

from console.core.envcheck.result import FAIL, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP

# top-level import name -> the distribution that provides it (where they differ or matter)
DISTRIBUTIONS = {
    "paho": "paho-mqtt",
    "PySide6": "PySide6-Essentials",
    "shiboken6": "PySide6-Essentials",
    "pynvml": "nvidia-ml-py",
    "yaml": "PyYAML",
}
SETUP_FIX = "make setup"


def distribution_of(module: str) -> str:
    top = module.split(".")[0]
    return DISTRIBUTIONS.get(top, top)


def missing_package_row(exc: ModuleNotFoundError, group: str) -> CheckResult:
    """The row for a check that could not import a package: which one, and how to install it."""
    module = exc.name or str(exc)
    dist = distribution_of(module)
    return CheckResult(
        QT_TRANSLATE_NOOP("Doctor", "{group}: {dist}").format(group=QT_TRANSLATE_NOOP("Doctor", group), dist=dist),
        FAIL,
        QT_TRANSLATE_NOOP("Doctor", "cannot run: the package {dist} is not installed (no module {module})").format(
            dist=dist, module=repr(module)),
        QT_TRANSLATE_NOOP("Doctor", "{dist} installed").format(dist=dist),
        QT_TRANSLATE_NOOP("Doctor", "Install the project's dependencies: {setup} (or in the venv: pip install "
                          "{dist}).").format(setup=SETUP_FIX, dist=dist),
        group=group, details={"missing_module": module, "distribution": dist},
    )


def is_ours(exc: ModuleNotFoundError) -> bool:
    return (exc.name or "").split(".")[0] == "console"


def resolve(target: str) -> Callable:
    """``"module:function"`` imported now; ModuleNotFoundError propagates."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def lazy_check(target: str, group: str) -> Callable:
    """A check function that imports ``target`` (``"module:function"``) when called; a missing
    third-party package makes it return ``missing_package_row`` instead."""

    def check(ctx):
        try:
            return resolve(target)(ctx)  # a package imported late (paths -> platformdirs) counts too
        except ModuleNotFoundError as exc:
            if is_ours(exc):
                raise
            return [missing_package_row(exc, group)]

    check.__name__ = check.__qualname__ = target.partition(":")[2] or target
    check.__doc__ = f"{target}, imported when it runs (a missing package: a failed row)"
    return check
