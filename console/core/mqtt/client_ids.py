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

from console.core.paths import user_data_dir

log = logging.getLogger(__name__)
FILE_NAME = "client-ids.json"
_lock = threading.Lock()


def new_client_id() -> str:
    return f"autoglm-console-{secrets.token_hex(5)}"


def profile_key(profile: str) -> str:
    return f"profile:{profile}"


def broker_key(url: str, prefix: str) -> str:
    return f"broker:{url}/{prefix}"


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("client ids file %s unreadable (%s): new ids are made up", path, exc)
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


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
