"""Where things live: the bundled resources (a source tree, an installed wheel, a frozen build) and the
per-user dirs.

Owns the one resolver for ``resources/`` (``resources_root``): every reader goes through
``resource_path``.  The folder stays at the top level of the repository; the wheel ships it as data
files under ``<prefix>/share/autoglm-console/resources`` (``[tool.setuptools.data-files]``), which
``importlib.metadata`` locates from the distribution's RECORD, wherever pip put the prefix (a venv,
pipx, ``--user``).  No threads; the answer is computed once per process and cached.

User data (kept by the .deb across upgrade and removal, see docs/PACKAGING.md): ``user_data_dir``
(outbox database, model cache), ``user_log_dir``, and Qt's QSettings (settings, connection profiles).
"""

from __future__ import annotations

import os
import sys
import sysconfig
from functools import lru_cache
from pathlib import Path

APP_NAME = "autoglm-console"
APP_AUTHOR = "AutoGLM"
# where the wheel installs resources/, relative to the install prefix
SHARE_SUBDIR = ("share", APP_NAME, "resources")
_MARKER = "PROTOCOL.md"  # a file every resources/ has: tells ours from a stranger's folder of that name


def _source_tree_resources() -> Path | None:
    """``resources/`` beside ``console/`` in a checkout (run from the tree or an editable install)."""
    tree = Path(__file__).resolve().parents[2]
    if (tree / "pyproject.toml").is_file() and (tree / "resources" / _MARKER).is_file():
        return tree / "resources"
    return None


def _installed_resources() -> Path | None:
    """``resources/`` that the wheel installed: found through the distribution's file list, then the
    interpreter's data prefix (a ``pip install`` that wrote no RECORD entry for it)."""
    from importlib.metadata import PackageNotFoundError, distribution

    suffix = "/".join((*SHARE_SUBDIR, _MARKER))
    try:
        dist = distribution(APP_NAME)
    except PackageNotFoundError:
        dist = None
    for f in (dist.files or ()) if dist is not None else ():
        if f.as_posix().endswith(suffix):
            marker = Path(str(dist.locate_file(f))).resolve()
            if marker.is_file():
                return marker.parent
    for scheme_path in {sysconfig.get_path("data"), sys.prefix}:
        candidate = Path(scheme_path).joinpath(*SHARE_SUBDIR)
        if (candidate / _MARKER).is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def resources_root() -> Path:
    """The bundled ``resources/``: frozen (PyInstaller's folder), else the source tree, else the
    installed wheel's copy.  None found: the source-tree path, so a reader's error names a real place."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    found = _source_tree_resources() or _installed_resources()
    return found if found is not None else Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def _dirs():
    import platformdirs

    return platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)


def _override(env: str) -> Path | None:
    val = os.environ.get(env)
    return Path(val) if val else None


class NotAFolderError(OSError):
    """A per-user folder (or one above it) is a file: the message names it and says what to do;
    ``filename`` is the folder wanted."""

    def __str__(self) -> str:
        return str(self.args[0])


def _made(p: Path, env: str) -> Path:
    """``p``, made if missing; NotAFolderError naming the file in the way and the fix."""
    try:
        p.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        in_the_way = next((q for q in (p, *p.parents) if q.exists() and not q.is_dir()), p)
        where = "its folder" if in_the_way == p else f"the folder {p}"
        err = NotAFolderError(
            f"{in_the_way} is a file, where the console keeps {where}: move the file away "
            f"(e.g. mv '{in_the_way}' '{in_the_way}.old') or set {env} to another folder, then start "
            "again")
        err.filename = str(p)
        raise err from None
    return p


def user_data_dir() -> Path:
    """Outbox database, converted model cache, bundled model. AUTOGLM_DATA_DIR overrides."""
    return _made(_override("AUTOGLM_DATA_DIR") or Path(_dirs().user_data_dir), "AUTOGLM_DATA_DIR")


def user_log_dir() -> Path:
    return _made(_override("AUTOGLM_LOG_DIR") or Path(_dirs().user_log_dir), "AUTOGLM_LOG_DIR")


def model_cache_dir() -> Path:
    return _made(_override("AUTOGLM_MODEL_DIR") or (user_data_dir() / "models"), "AUTOGLM_MODEL_DIR")


def triton_cache_dir() -> str:
    """Where Triton keeps compiled kernels: $TRITON_CACHE_DIR, else <model cache>/triton (set here,
    read by Triton when it compiles, not at import)."""
    d = os.environ.get("TRITON_CACHE_DIR")
    if not d:
        d = str(model_cache_dir() / "triton")
        os.environ["TRITON_CACHE_DIR"] = d
    return d
