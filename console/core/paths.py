"""Where things live: bundled resources (also when frozen by PyInstaller) and per-user dirs."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "autoglm-console"
APP_AUTHOR = "AutoGLM"


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def _dirs():
    import platformdirs

    return platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)


def _override(env: str) -> Path | None:
    val = os.environ.get(env)
    return Path(val) if val else None


def user_data_dir() -> Path:
    """Outbox database, converted model cache, bundled model. AUTOGLM_DATA_DIR overrides."""
    p = _override("AUTOGLM_DATA_DIR") or Path(_dirs().user_data_dir)
    p.mkdir(parents=True, exist_ok=True)
    return p


def user_log_dir() -> Path:
    p = _override("AUTOGLM_LOG_DIR") or Path(_dirs().user_log_dir)
    p.mkdir(parents=True, exist_ok=True)
    return p


def model_cache_dir() -> Path:
    p = _override("AUTOGLM_MODEL_DIR") or (user_data_dir() / "models")
    p.mkdir(parents=True, exist_ok=True)
    return p
