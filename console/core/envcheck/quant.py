"""Quantization back-ends: bitsandbytes (8/4-bit on CUDA) and gguf (GGUF model files)."""

from __future__ import annotations

import importlib
import importlib.metadata

from console.core.inference.memory import normalize_quantization
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP

IMPORT_FAILS = QT_TRANSLATE_NOOP("Doctor", "{version}, import fails: {error}")


def _dist_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def judge_bitsandbytes(installed: str | None, import_error: str, cuda_available: bool, quantization: str,
                       probe_error: str | None) -> CheckResult:
    """``probe_error``: None when a 4-bit round trip on the GPU worked, a message when it failed,
    "" when it was not tried (no CUDA)."""
    name = "bitsandbytes"
    try:
        quantization = normalize_quantization(quantization)
    except ValueError:
        pass  # the Model memory row reports an unknown quantization
    wanted = quantization in ("int8", "4bit")
    expected = (QT_TRANSLATE_NOOP("Doctor", "importable, 4-bit round trip on the GPU") if cuda_available else
                QT_TRANSLATE_NOOP("Doctor", "only needed for int8/4bit on CUDA"))
    pip = QT_TRANSLATE_NOOP("Doctor", "pip install 'bitsandbytes>=0.43' (or the set-up's [cuda] extra: pip install "
                            "-e '.[cuda]')")
    if installed is None:
        if wanted:
            return CheckResult(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "not installed; the model is set to {quant}"
                                                             ).format(quant=quantization), expected,
                               QT_TRANSLATE_NOOP("Doctor", "Install it ({pip}) or choose quantization 'none'.").format(
                                   pip=pip))
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "not installed (optional)"), expected,
                           QT_TRANSLATE_NOOP("Doctor", "Only needed for 8-bit / 4-bit loading on CUDA: {pip}").format(
                               pip=pip))
    from console.core.versions import requirement
    from console.core.envcheck.python_env import judge_version

    too_old = judge_version(requirement("bitsandbytes"), installed)
    if too_old.status == FAIL:
        return CheckResult(name, FAIL if wanted else WARN, too_old.value, too_old.expected, too_old.hint)
    if import_error:
        return CheckResult(name, FAIL if wanted else WARN, IMPORT_FAILS.format(version=installed, error=import_error),
                           expected, QT_TRANSLATE_NOOP("Doctor", "Reinstall a bitsandbytes that matches this CUDA: pip "
                                                       "install --force-reinstall 'bitsandbytes>=0.43'."))
    if not cuda_available:
        status = FAIL if wanted else SKIP
        return CheckResult(name, status, QT_TRANSLATE_NOOP("Doctor", "{version}, importable; no CUDA to run it on"
                                                           ).format(version=installed), expected,
                           QT_TRANSLATE_NOOP("Doctor", "8-bit / 4-bit loading needs a CUDA GPU here; on the CPU choose "
                                             "quantization 'none'.") if wanted else "")
    if probe_error:
        return CheckResult(name, FAIL if wanted else WARN, QT_TRANSLATE_NOOP("Doctor", "{version}, GPU test failed: "
                                                                             "{error}").format(version=installed,
                                                                                               error=probe_error),
                           expected, QT_TRANSLATE_NOOP("Doctor", "bitsandbytes cannot run on this GPU/CUDA: reinstall "
                                                       "it for this CUDA (pip install --force-reinstall "
                                                       "'bitsandbytes>=0.43') or use quantization 'none'."))
    return CheckResult(name, OK, QT_TRANSLATE_NOOP("Doctor", "{version}, 4-bit round trip on the GPU works").format(
        version=installed), expected)


def probe_bitsandbytes() -> tuple[str, bool, str | None]:
    """(import error, cuda available, GPU probe error or None)."""
    try:
        import bitsandbytes.functional as bnbf
        import torch
    except Exception as exc:  # noqa: BLE001 - a broken native library raises anything
        return f"{type(exc).__name__}: {exc}", False, ""
    if not torch.cuda.is_available():
        return "", False, ""
    try:
        x = torch.randn(64, 64, device="cuda", dtype=torch.float16)
        q, state = bnbf.quantize_4bit(x)
        y = bnbf.dequantize_4bit(q, state)
        err = float((x - y).abs().mean())
        if not err < 0.5:
            return "", True, QT_TRANSLATE_NOOP("Doctor", "4-bit round trip error {err} is implausible").format(
                err=f"{err:.3f}")
        return "", True, None
    except Exception as exc:  # noqa: BLE001
        return "", True, f"{type(exc).__name__}: {exc}"


def judge_gguf(installed: str | None, import_error: str) -> CheckResult:
    name = QT_TRANSLATE_NOOP("Doctor", "GGUF support")
    expected = QT_TRANSLATE_NOOP("Doctor", ">= 0.10 (reads GGUF files, the bundled model is one)")
    if installed is None:
        return CheckResult(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "not installed"), expected,
                           QT_TRANSLATE_NOOP("Doctor", "The bundled model and any GGUF file need it: pip install "
                                             "'gguf>=0.10'."))
    if import_error:
        return CheckResult(name, FAIL, IMPORT_FAILS.format(version=installed, error=import_error), expected,
                           QT_TRANSLATE_NOOP("Doctor", "Reinstall it: pip install --force-reinstall 'gguf>=0.10'."))
    return CheckResult(name, OK, QT_TRANSLATE_NOOP("Doctor", "{version}, importable").format(version=installed),
                       expected)


def check_quantization(ctx) -> list[CheckResult]:
    bnb = _dist_version("bitsandbytes")
    if bnb is not None:
        import_error, cuda, probe = probe_bitsandbytes()
    else:
        import_error, probe = "", ""
        try:
            import torch

            cuda = bool(torch.cuda.is_available())
        except Exception:  # noqa: BLE001
            cuda = False
    rows = [judge_bitsandbytes(bnb, import_error, cuda, ctx.quantization, probe)]
    gguf_v = _dist_version("gguf")
    gguf_err = ""
    if gguf_v is not None:
        try:
            importlib.import_module("gguf")  # only to see that it imports
        except Exception as exc:  # noqa: BLE001
            gguf_err = f"{type(exc).__name__}: {exc}"
    rows.append(judge_gguf(gguf_v, gguf_err))
    return rows
