"""Logging is set up first: a rotating file in the user log dir, plus stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from console.core.paths import user_log_dir

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
LOG_FILE = "console.log"


def setup_logging(level: int = logging.INFO, log_dir: Path | None = None, stderr: bool = True) -> Path:
    root = logging.getLogger()
    log_dir = log_dir or user_log_dir()
    path = log_dir / LOG_FILE
    if any(getattr(h, "_autoglm", False) for h in root.handlers):
        return path
    fh = logging.handlers.RotatingFileHandler(path, maxBytes=5 * 1024 * 1024, backupCount=5, encoding="utf-8")
    fh.setFormatter(logging.Formatter(LOG_FORMAT))
    fh._autoglm = True  # type: ignore[attr-defined]
    root.addHandler(fh)
    if stderr:
        sh = logging.StreamHandler()
        sh.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        sh.setLevel(logging.WARNING)
        sh._autoglm = True  # type: ignore[attr-defined]
        root.addHandler(sh)
    root.setLevel(level)
    return path
