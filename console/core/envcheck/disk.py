"""Free space and write access in the model cache and the data directory."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from console.core import paths
from console.core.envcheck.result import FAIL, OK, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP

GiB = 1024**3
WRITABLE = QT_TRANSLATE_NOOP("Doctor", "writable")
# a GLM-4-9B checkpoint is ~19 GB in bf16; the data dir holds the outbox, logs and telemetry
MODEL_CACHE_WARN = 20 * GiB
MODEL_CACHE_FAIL = 1 * GiB
DATA_WARN = 1 * GiB
DATA_FAIL = 200 * 1024**2


def judge_space(label: str, path: str, free_bytes: int, warn_below: int, fail_below: int, why: str,
                env: str = "AUTOGLM_DATA_DIR") -> CheckResult:
    name = QT_TRANSLATE_NOOP("Doctor", "{label} free space").format(label=label)
    value = QT_TRANSLATE_NOOP("Doctor", "{gib} GiB free in {path}").format(gib=f"{free_bytes / GiB:.1f}", path=path)
    expected = QT_TRANSLATE_NOOP("Doctor", ">= {gib} GiB ({why})").format(gib=f"{warn_below / GiB:g}", why=why)
    hint = QT_TRANSLATE_NOOP("Doctor", "Free space on that disk, or move the directory: set {env} to a folder on a "
                             "larger disk.").format(env=env)
    if free_bytes < fail_below:
        return CheckResult(name, FAIL, value, expected, hint, details={"free_bytes": free_bytes})
    if free_bytes < warn_below:
        return CheckResult(name, WARN, value, expected, hint, details={"free_bytes": free_bytes})
    return CheckResult(name, OK, value, expected, details={"free_bytes": free_bytes})


def probe_write(path: Path) -> str | None:
    """None when a file can be created, written, synced and removed in ``path``; the error otherwise."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".doctor-", dir=path)
        try:
            os.write(fd, b"autoglm doctor write test\n")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(tmp)
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def dir_rows(label: str, path: Path, warn_below: int, fail_below: int, why: str, env: str) -> list[CheckResult]:
    err = probe_write(path)
    access = QT_TRANSLATE_NOOP("Doctor", "{label} write access").format(label=label)
    blocker = next((q for q in (path, *path.parents) if q.exists() and not q.is_dir()), None) if err else None
    if blocker is not None:  # a file where the folder (or one above it) should be
        rows = [CheckResult(access, FAIL, QT_TRANSLATE_NOOP("Doctor", "{file} is a file, not a folder").format(
                                file=str(blocker)), WRITABLE,
                            QT_TRANSLATE_NOOP("Doctor", "Move the file away (e.g. mv '{file}' '{file}.old') or point "
                                              "{env} at a folder.").format(file=str(blocker), env=env))]
    elif err:
        rows = [CheckResult(access, FAIL, f"{path}: {err}", WRITABLE,
                            QT_TRANSLATE_NOOP("Doctor", "Give this user write access (chown/chmod) or point {env} "
                                              "at a writable folder.").format(env=env))]
    else:
        rows = [CheckResult(access, OK, QT_TRANSLATE_NOOP("Doctor", "{path} is writable").format(path=str(path)),
                            WRITABLE)]
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        free = shutil.disk_usage(probe).free
    except OSError as exc:
        rows.append(CheckResult(QT_TRANSLATE_NOOP("Doctor", "{label} free space").format(label=label), FAIL,
                                f"{path}: {exc}", QT_TRANSLATE_NOOP("Doctor", "readable disk usage"),
                                QT_TRANSLATE_NOOP("Doctor", "Check the path or point {env} elsewhere.").format(env=env)))
        return rows
    rows.append(judge_space(label, str(path), free, warn_below, fail_below, why, env))
    return rows


def _dir(given: Path | None, env: str, default) -> Path:
    if given is not None:
        return Path(given)
    if os.environ.get(env):
        return Path(os.environ[env])
    try:
        return default()
    except OSError as exc:  # cannot even create it: the write-access row says so
        return Path(getattr(exc, "filename", None) or ".")


def check_disk(ctx) -> list[CheckResult]:
    model_dir = _dir(ctx.model_dir, "AUTOGLM_MODEL_DIR", paths.model_cache_dir)
    data_dir = _dir(ctx.data_dir, "AUTOGLM_DATA_DIR", paths.user_data_dir)
    return dir_rows(QT_TRANSLATE_NOOP("Doctor", "Model cache"), model_dir, MODEL_CACHE_WARN, MODEL_CACHE_FAIL,
                    QT_TRANSLATE_NOOP("Doctor", "room for a 9B model"), "AUTOGLM_MODEL_DIR") + \
        dir_rows(QT_TRANSLATE_NOOP("Doctor", "Data dir"), data_dir, DATA_WARN, DATA_FAIL,
                 QT_TRANSLATE_NOOP("Doctor", "outbox, logs, telemetry"), "AUTOGLM_DATA_DIR")
