"""Stable MQTT client ids: one per installation and connection, kept across restarts; Qt-free.

A console that takes a new random id at every start leaves an orphan session (and its queued
acks) on the broker each time, and makes the durable session of docs/DEPLOYMENT.md impossible.
So the id of a connection without one set by hand is made up once and kept in
``user_data_dir()/client-ids.json``, keyed by what the console connects with: ``profile:NAME`` for a
connection profile, ``broker:URL/PREFIX`` for ``--broker``.  Two consoles on one installation share
the file and so the id: the second needs ``--client-id`` (the link warns when ids clash).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import tempfile
import threading
from pathlib import Path

from console.core.damaged import set_aside
from console.core.jsonfiles import MiB, read_json_file
from console.core.paths import user_data_dir
from console.core.protocol import ProtocolError

log = logging.getLogger(__name__)
FILE_NAME = "client-ids.json"
MAX_FILE_BYTES = 4 * MiB  # an id per profile and broker: kilobytes
_lock = threading.Lock()


def new_client_id() -> str:
    return f"autoglm-console-{secrets.token_hex(5)}"


def profile_key(profile: str) -> str:
    return f"profile:{profile}"


def broker_key(url: str, prefix: str) -> str:
    return f"broker:{url}/{prefix}"


def _read(path: Path) -> dict[str, str]:
    """The kept ids; a damaged file (not JSON, nested too deep, not UTF-8, not an object) is moved
    aside as ``<name>.damaged-<timestamp>`` and logged, and new ids are made up (never a traceback)."""
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = read_json_file(path, "the client ids file", MAX_FILE_BYTES)
    except ProtocolError as exc:
        _damaged(path, str(exc))
        return {}
    if not isinstance(data, dict):
        _damaged(path, f"the client ids file {path} does not hold a JSON object")
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _damaged(path: Path, why: str) -> None:
    if not path.is_file():  # a folder or a missing file: nothing of the operator's to keep
        log.warning("%s: new client ids are made up for this run", why)
        return
    try:
        kept = set_aside(path)
    except OSError as exc:
        log.warning("%s (and it could not be moved aside: %s): new client ids are made up", why, exc)
    else:
        log.warning("%s: moved aside to %s; new client ids are made up (a durable session on the broker "
                    "starts afresh)", why, kept)


def _write(path: Path, ids: dict[str, str]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".client-ids-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(ids, fh, indent=1, sort_keys=True)
    os.replace(tmp, path)


def stable_client_id(key: str, data_dir: Path | None = None) -> str:
    """The client id kept for ``key``, made up and saved the first time it is asked for."""
    path = (data_dir or user_data_dir()) / FILE_NAME
    with _lock:
        ids = _read(path)
        if key not in ids:
            ids[key] = new_client_id()
            try:
                _write(path, ids)
            except OSError as exc:  # a read-only data dir: this run keeps the id, the next makes another
                log.warning("could not save the client id to %s: %s", path, exc)
        return ids[key]
