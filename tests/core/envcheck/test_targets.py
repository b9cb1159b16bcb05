"""Checks for the child-process tests (imported by the child, so kept light; no tests in here)."""

from __future__ import annotations

import os
import sys
import time

from console.core.envcheck.result import CheckResult


def quick(ctx):
    print("noise a library prints on stdout")  # must not break the protocol
    return [CheckResult("Quick", "ok", f"model={ctx.model} dtype={ctx.dtype}")]


def hang(ctx):
    time.sleep(600)
    return CheckResult("Never", "ok", "never")


def crash(ctx):
    print("fatal: libnvidia-ml.so segfaulted (pretend)", file=sys.stderr, flush=True)
    os._exit(3)


def raises(ctx):
    raise OSError("libcudart.so.12: cannot open shared object file")
