"""Other consoles' commands, as this console sees them on the broker: read-only rows for the
Commands and Audit views, so that the operator sees who stopped the conveyor.

Every console publishes its commands on ``PREFIX/devices/ID/cmd``; ``attach(link)`` subscribes this
console to them (``PREFIX/devices/+/cmd``, QoS 1) and routes them here, and the acks too.  A command
is ours when ``is_ours(id)`` says so (the pipeline's ``get``: our outbox, where every command is
written before it is published), and is left alone; any other is kept here (the newest ``max_rows``)
as an :class:`OtherCommandRow`: a ``CommandRow`` marked with the console that sent it (the payload's
``console``, the sender's client id; "" when that console does not say).  Nothing here is ever sent,
re-sent or cancelled.

Persistence: with ``path`` (services puts it next to the outbox: ``<outbox>.others.sqlite3``) every
row is also written to its own small SQLite file (WAL, ``synchronous=NORMAL``, one table
``other_commands``, one row per command, the newest ``max_rows`` kept) before listeners hear of it,
and a restart loads them back, so the Audit view still shows who stopped the conveyor.  The rows
are read-only records of what was seen, never replayed.  A file that cannot be opened or written
is logged once, said in ``store_error``, and the recorder goes on in memory (these rows are a view
of other consoles' work; this console's own commands never depend on them).  Without ``path``:
memory only.

Its state is what this console could see: ``DELIVERED`` when the broker handed it to us, then the
device's acks, forward only (as the pipeline's ``RANK``): accepted → ``ACCEPTED``, done →
``SUCCEEDED``, rejected → ``REJECTED`` (``EXPIRED`` when the error says ``expired…``), failed →
``FAILED``; a terminal state is final.  The other console's own view (TIMEOUT, retries) is not on
the wire: a re-publish of the same id only counts one more attempt.

Threads: the link's network thread calls ``on_command``/``on_ack``; the views read from any
thread.  One lock guards the rows and the file's connection (a row is written under it, so the file
and the memory agree on the order); listeners are told after it is released.
"""

from __future__ import annotations

import collections
import dataclasses
import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from console.core.commands.outbox import AuditFilter, CommandRow
from console.core.events import Event
from console.core.protocol import Ack, Command, CommandState, DeviceTopic, ProtocolError, decode_json, device_topic

log = logging.getLogger(__name__)

S = CommandState
_RANK = {S.DELIVERED: 2, S.ACCEPTED: 3}
_ACK_STATES = {"accepted": S.ACCEPTED, "done": S.SUCCEEDED, "rejected": S.REJECTED, "failed": S.FAILED}


@dataclass(frozen=True)
class OtherCommandRow(CommandRow):
    """A command another console sent: shown marked with ``console``, never acted on."""

    console: str = ""


Listener = Callable[[OtherCommandRow], None]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS other_commands(
    seq       INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    command   TEXT NOT NULL,
    qos       INTEGER NOT NULL,
    state     TEXT NOT NULL,
    attempts  INTEGER NOT NULL,
    updated   REAL NOT NULL,
    error     TEXT NOT NULL DEFAULT '',
    console   TEXT NOT NULL DEFAULT ''
);
"""
_COMMAND_FIELDS = tuple(f.name for f in dataclasses.fields(Command))


class OtherConsoles:
    """The recorder (see the module docstring)."""

    def __init__(self, prefix: str, is_ours: Callable[[str], object], *, max_rows: int = 5000,
                 path: str | Path | None = None) -> None:
        self.prefix = prefix
        self.is_ours = is_ours
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._rows: "collections.OrderedDict[str, OtherCommandRow]" = collections.OrderedDict()
        self._seq = 0
        self.changed = Event("other console's command")  # (OtherCommandRow); a listener's error is logged
        self.malformed = 0
        self.path = Path(path) if path is not None else None
        self.store_error = ""  # why the file is not used (then: memory only)
        self.unreadable = 0  # rows in the file that could not be read back (skipped)
        self._db: sqlite3.Connection | None = None
        if self.path is not None:
            self._open(self.path)

    # -- the file ---------------------------------------------------------------------------------
    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA busy_timeout=2000")
            db.executescript(_SCHEMA)
            rows = db.execute("SELECT seq, command, qos, state, attempts, updated, error, console "
                              "FROM other_commands ORDER BY seq DESC LIMIT ?", (self.max_rows,)).fetchall()
            top = db.execute("SELECT MAX(seq) FROM other_commands").fetchone()[0]
        except (OSError, sqlite3.Error) as exc:
            self._give_up(f"cannot open {path}: {exc}")
            return
        self._db = db
        self._seq = int(top or 0)
        for r in reversed(rows):
            row = _from_sql(r)
            if row is None:
                self.unreadable += 1
                continue
            self._rows[row.id] = row
        if self.unreadable:
            log.warning("%d unreadable row(s) in %s skipped", self.unreadable, path)

    def _give_up(self, why: str) -> None:
        self.store_error = f"other consoles' commands are kept in memory only: {why}"
        log.warning("%s", self.store_error)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def _store(self, row: OtherCommandRow) -> None:
        """Write ``row`` (the lock is held); on a write error, go on in memory."""
        if self._db is None:
            return
        command = {name: getattr(row.command, name) for name in _COMMAND_FIELDS}
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.execute(
                    "INSERT OR REPLACE INTO other_commands(seq, id, device_id, command, qos, state, attempts,"
                    " updated, error, console) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (row.seq, row.id, row.device_id, json.dumps(command), row.qos, row.state.value,
                     row.attempts, row.updated, row.error, row.console))
                if row.seq > self.max_rows:
                    self._db.execute("DELETE FROM other_commands WHERE seq <= ?", (row.seq - self.max_rows,))
        except (sqlite3.Error, TypeError, ValueError) as exc:
            self._give_up(f"cannot write {self.path}: {exc}")

    def close(self) -> None:
        """Close the file (the rows stay readable in memory)."""
        with self._lock:
            if self._db is not None:
                try:
                    self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    self._db.close()
                except sqlite3.Error:
                    pass
                self._db = None

    def attach(self, link) -> None:
        """Subscribe to every device's cmd topic and take the commands and acks from ``link``."""
        link.route("cmd", self.on_command)
        link.route("ack", self.on_ack)
        link.subscribe_extra(device_topic(self.prefix, "+", "cmd"), None, qos=1)

    def add_listener(self, fn: Listener) -> None:
        self.changed.connect(fn)

    def remove_listener(self, fn: Listener) -> None:
        self.changed.disconnect(fn)

    def _notify(self, row: OtherCommandRow) -> None:
        self.changed.emit(row)  # a view's error is logged by the event, never raised into the link

    # -- network thread ---------------------------------------------------------------------------
    def on_command(self, topic: str, payload: bytes, device: DeviceTopic) -> None:
        try:
            raw = decode_json(payload)
            cmd = Command.from_payload(device.device_id, raw)
        except (ProtocolError, UnicodeDecodeError) as exc:
            self.malformed += 1
            log.debug("a command on %s that does not parse: %s", topic, exc)
            return
        if self.is_ours(cmd.id):
            return
        console = raw.get("console", "")
        console = console[:128] if isinstance(console, str) else ""
        with self._lock:
            row = self._rows.get(cmd.id)
            if row is not None:  # the other console sent it again (same id): one more attempt
                row = replace(row, attempts=row.attempts + 1, updated=time.time())
            else:
                self._seq += 1
                row = OtherCommandRow(self._seq, cmd, 1, S.DELIVERED, 1, time.time(), "", console=console)
            self._rows[cmd.id] = row
            while len(self._rows) > self.max_rows:
                self._rows.popitem(last=False)
            self._store(row)
        self._notify(row)

    def on_ack(self, device_id: str, ack: Ack) -> None:
        state = _ACK_STATES.get(ack.status)
        with self._lock:
            row = self._rows.get(ack.id)
            if row is None or state is None or row.device_id != device_id or row.state.terminal:
                return
            if state is S.REJECTED and ack.error.startswith("expired"):
                state = S.EXPIRED
            if state is S.ACCEPTED and _RANK.get(row.state, 0) >= _RANK[S.ACCEPTED]:
                return
            error = ack.error if state in (S.REJECTED, S.EXPIRED, S.FAILED) else ""
            row = replace(row, state=state, updated=time.time(), error=error)
            self._rows[ack.id] = row
            self._store(row)
        self._notify(row)

    # -- reading (any thread) ---------------------------------------------------------------------
    def get(self, command_id: str) -> OtherCommandRow | None:
        with self._lock:
            return self._rows.get(command_id)

    def rows(self, flt: AuditFilter | None = None) -> list[OtherCommandRow]:
        """The rows that pass ``flt`` (as ``Outbox.audit`` reads it), newest first."""
        flt = flt or AuditFilter()
        with self._lock:
            rows = list(self._rows.values())
        out = [r for r in reversed(rows) if _passes(r, flt)]
        return out[: flt.limit]


def _from_sql(r: tuple) -> OtherCommandRow | None:
    """A stored row, or None when it cannot be read back (a damaged or foreign row)."""
    seq, command, qos, state, attempts, updated, error, console = r
    try:
        raw = json.loads(command)
        cmd = Command(**{k: v for k, v in raw.items() if k in _COMMAND_FIELDS})
        return OtherCommandRow(int(seq), cmd, int(qos), S(state), int(attempts), float(updated), str(error),
                               console=str(console))
    except (TypeError, ValueError, AttributeError):
        return None


def _passes(row: CommandRow, flt: AuditFilter) -> bool:
    return ((not flt.device or flt.device in row.device_id)
            and (not flt.states or row.state in flt.states)
            and (not flt.origin or row.command.origin == flt.origin)
            and (flt.since is None or row.command.ts >= flt.since)
            and (flt.until is None or row.command.ts <= flt.until))
