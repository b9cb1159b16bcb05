"""JSON files an operator names on the command line or in a setting: a fleet catalog, a file of Home
Assistant discovery configs, an aliases file.

Owns: :func:`read_json_file`, the one reader for them: a size cap (read no more than the cap, so
a 10 GB file costs nothing), and every way such a file can be wrong (missing, a folder, unreadable,
not UTF-8, not JSON, nested deeper than the parser can take, too large) turned into a
:class:`~console.core.protocol.ProtocolError` that names the file and the reason, never a
traceback.  What the value must look like is the caller's to check.  No state; any thread.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from console.core.protocol import ProtocolError

MiB = 1024 * 1024
MAX_FILE_BYTES = 64 * MiB  # 10,000 discovery configs are ~20 MiB; a catalog a few KiB


def read_json_file(path: str | Path, what: str, max_bytes: int = MAX_FILE_BYTES) -> Any:
    """The JSON value of the file at ``path``; ProtocolError naming ``what`` and the file otherwise."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ProtocolError(f"cannot read {what} {p}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ProtocolError(f"{what} {p} is larger than {max_bytes / MiB:g} MiB: is it the right file?")
    try:
        text = data.decode("utf-8-sig")  # a BOM, as some Windows editors write, is not an error
    except UnicodeDecodeError as exc:
        raise ProtocolError(f"{what} {p} is not UTF-8 text (byte {exc.start}): is it the right file?") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise ProtocolError(f"{what} {p} is nested too deeply to read") from None
    except ValueError as exc:
        raise ProtocolError(f"{what} {p} is not valid JSON: {exc}") from None
