"""Files of the operator's that could not be read: set aside, never overwritten.

Owns :func:`set_aside`: a damaged file (saved connection profiles, per-broker device choices,
kept client ids) is moved -- or, for a file something else keeps open and rewrites whole (Qt's
settings file), copied -- to ``<name>.damaged-<UTC timestamp>`` beside it before anything writes
over it, so what the operator saved can still be read back by hand.  The same damaged content is
set aside once: a copy whose bytes match an earlier one is not made again.  No state, no threads
of its own; any thread.  Stdlib only (under every layer of console.core).
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

SUFFIX = ".damaged-"


def aside_name(path: Path, when: float | None = None) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(time.time() if when is None else when))
    candidate = path.with_name(f"{path.name}{SUFFIX}{stamp}")
    n = 1
    while candidate.exists():  # two in one second: never write over an earlier one
        n += 1
        candidate = path.with_name(f"{path.name}{SUFFIX}{stamp}-{n}")
    return candidate


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def earlier_copy(path: Path) -> Path | None:
    """A file already set aside with the same bytes as ``path``, if any."""
    for old in sorted(path.parent.glob(f"{path.name}{SUFFIX}*")):
        if _same_bytes(path, old):
            return old
    return None


def set_aside(path: Path, *, copy: bool = False) -> Path:
    """Move (``copy``: copy) the damaged ``path`` to ``<name>.damaged-<timestamp>``; the new path.
    Raises OSError when it cannot (the caller then must not write over ``path`` either)."""
    path = Path(path)
    if copy:
        kept = earlier_copy(path)
        if kept is not None:
            return kept
        target = aside_name(path)
        shutil.copy2(path, target)
        return target
    target = aside_name(path)
    os.replace(path, target)
    return target
