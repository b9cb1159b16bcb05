"""The command outbox: every command and every state change of it, in SQLite (WAL) on disk.

The store is the source of truth for the command pipeline (``pipeline.py``): a command is written
``QUEUED`` before it is published, every later transition is committed before anyone is told, and
after a crash the ``QUEUED``/``SENT`` rows are what gets replayed.  It also answers the audit log
(filter by device, state, origin, time) and exports it as CSV.

WAL with ``synchronous=NORMAL`` survives a killed process (the console crashing, SIGKILL) without
an fsync per commit; ``durable=True`` (``synchronous=FULL``) also survives power loss, at the cost
of an fsync on every transition.
"""

from __future__ import annotations

import csv
import json
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from console.core.protocol import Command, CommandState

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS commands(
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    params    TEXT NOT NULL,
    ts        REAL NOT NULL,
    ttl_s     REAL NOT NULL,
    origin    TEXT NOT NULL,
    trace     TEXT NOT NULL DEFAULT '',
    qos       INTEGER NOT NULL,
    state     TEXT NOT NULL,
    attempts  INTEGER NOT NULL DEFAULT 0,
    updated   REAL NOT NULL,
    error     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS commands_state ON commands(state);
CREATE INDEX IF NOT EXISTS commands_device ON commands(device_id);
CREATE INDEX IF NOT EXISTS commands_ts ON commands(ts);
CREATE TABLE IF NOT EXISTS transitions(
    n          INTEGER PRIMARY KEY AUTOINCREMENT,
    command_id TEXT NOT NULL,
    state      TEXT NOT NULL,
    at         REAL NOT NULL,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS transitions_cmd ON transitions(command_id);
"""

_COLS = "seq, id, device_id, action, params, ts, ttl_s, origin, trace, qos, state, attempts, updated, error"


@dataclass(frozen=True)
class CommandRow:
    """One command as stored: what the views show and what replay sends again."""

    seq: int
    command: Command
    qos: int
    state: CommandState
    attempts: int
    updated: float
    error: str = ""

    @property
    def id(self) -> str:
        return self.command.id

    @property
    def device_id(self) -> str:
        return self.command.device_id

    def as_queued(self) -> "CommandRow":
        """This command as it was first stored: ``QUEUED``, never sent."""
        return replace(self, state=CommandState.QUEUED, attempts=0)

    @classmethod
    def from_sql(cls, r: tuple) -> "CommandRow":
        """The row as stored; UnreadableRow (naming the row and the field) when the file was damaged
        or edited by hand: params that are not a JSON object, a state no console writes, a text or a
        number of the wrong type."""
        seq, cid, dev, action, params, ts, ttl, origin, trace, qos, state, attempts, updated, error = r
        try:
            for label, text in (("id", cid), ("device", dev), ("action", action), ("origin", origin),
                                ("trace", trace), ("error", error), ("params", params)):
                if not isinstance(text, str):
                    raise TypeError(f"{label} is {type(text).__name__}, not text")
            values = json.loads(params)
            if not isinstance(values, dict):
                raise TypeError(f"params are {type(values).__name__}, not an object")
            cmd = Command(id=cid, device_id=dev, action=action, params=values, ts=float(ts), ttl_s=float(ttl),
                          origin=origin, trace=trace)
            return cls(seq, cmd, int(qos), CommandState(state), int(attempts), float(updated), error)
        except (TypeError, ValueError, RecursionError) as exc:
            raise UnreadableRow(f"row {seq} (id {cid!r}): {exc}") from None


class UnreadableRow(ValueError):
    """A stored command that cannot be read back (the file was damaged or edited by hand)."""


@dataclass(frozen=True)
class Transition:
    command_id: str
    state: CommandState
    at: float
    detail: str = ""


@dataclass
class AuditFilter:
    device: str = ""  # substring of the device id
    states: tuple[CommandState, ...] = ()
    origin: str = ""
    since: float | None = None  # command ts (epoch seconds)
    until: float | None = None
    limit: int = 10_000
    extra: dict[str, Any] = field(default_factory=dict)


class OutboxError(RuntimeError):
    """The outbox database cannot be opened or written; the message says where and why."""


class Outbox:
    """Thread-safe: one connection, one lock; every method is one committed transaction."""

    def __init__(self, path: str | Path, *, durable: bool = False) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
            self._db.execute("PRAGMA busy_timeout=5000")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise OutboxError(
                    f"command outbox {self.path} was written by a newer console (schema {version}); "
                    "update the console or move the file away"
                )
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            # checkpoints (WAL → database file, with an fsync) off the command path: the pipeline's
            # sweeper calls checkpoint() on its own connection; an automatic one would stall a
            # transition by several ms now and then
            self._db.execute("PRAGMA wal_autocheckpoint=0")
            self._ckpt = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._ckpt.execute("PRAGMA busy_timeout=1000")
        except sqlite3.DatabaseError as exc:
            raise OutboxError(f"cannot open the command outbox {self.path}: {exc} (a damaged or foreign file: "
                              "move it away and the console starts a new one)") from None
        self._lock = threading.Lock()
        self._ckpt_lock = threading.Lock()
        self.unreadable: dict[int, str] = {}  # seq -> why: rows left as they are on disk, never replayed

    def _readable(self, rows: list[tuple]) -> list[CommandRow]:
        """The rows that read back; each one that does not is logged once and kept in ``unreadable``
        (it stays in the file untouched: nothing is deleted, and nothing half-read is replayed)."""
        out = []
        for r in rows:
            try:
                out.append(CommandRow.from_sql(r))
            except UnreadableRow as exc:
                if r[0] not in self.unreadable:
                    self.unreadable[r[0]] = str(exc)
                    log.warning("command outbox %s: %s; left as it is and not replayed", self.path, exc)
        return out

    def close(self) -> None:
        with self._ckpt_lock:
            self._ckpt.close()
        with self._lock:
            try:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.DatabaseError:
                pass
            self._db.close()

    def checkpoint(self) -> tuple[int, int, int]:
        """Copy the WAL into the database without blocking writers; (busy, wal pages, copied)."""
        with self._ckpt_lock:
            return tuple(self._ckpt.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone())  # type: ignore[return-value]

    @property
    def journal_mode(self) -> str:
        with self._lock:
            return self._db.execute("PRAGMA journal_mode").fetchone()[0]

    # -- writes ---------------------------------------------------------------------------------
    def add(self, cmd: Command, qos: int, now: float | None = None) -> CommandRow:
        """Store a new command ``QUEUED`` (it waits for the link or the replay); returns its row."""
        return self._insert(cmd, qos, now, sent=False)

    def add_sent(self, cmd: Command, qos: int, now: float | None = None) -> CommandRow:
        """Store a new command ``QUEUED`` and its ``SENT`` (attempt 1) in one commit; returns the ``SENT``
        row (the pipeline publishes right after; ``CommandRow.as_queued`` gives the ``QUEUED`` one)."""
        return self._insert(cmd, qos, now, sent=True)

    def _insert(self, cmd: Command, qos: int, now: float | None, *, sent: bool) -> CommandRow:
        now = time.time() if now is None else now
        state = CommandState.SENT if sent else CommandState.QUEUED
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute(
                "INSERT INTO commands(id, device_id, action, params, ts, ttl_s, origin, trace, qos, state, attempts,"
                " updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (cmd.id, cmd.device_id, cmd.action, json.dumps(cmd.params), cmd.ts, cmd.ttl_s, cmd.origin,
                 cmd.trace, qos, state.value, 1 if sent else 0, now),
            )
            steps = [(cmd.id, CommandState.QUEUED.value, now, "")]
            if sent:
                steps.append((cmd.id, CommandState.SENT.value, now, "attempt 1"))
            self._db.executemany("INSERT INTO transitions(command_id, state, at, detail) VALUES (?,?,?,?)", steps)
            seq = cur.lastrowid
        return CommandRow(seq, cmd, qos, state, 1 if sent else 0, now)

    def transition(
        self,
        row: CommandRow,
        state: CommandState,
        *,
        detail: str = "",
        error: str | None = None,
        attempts: int | None = None,
        now: float | None = None,
    ) -> CommandRow:
        """Record ``row`` → ``state``; returns the new row once the change is committed."""
        new = self._transition(row, state, detail, error, attempts, now, expect=None)
        assert new is not None
        return new

    def transition_if(self, row: CommandRow, state: CommandState, *, expect: CommandState, detail: str = "",
                      now: float | None = None) -> CommandRow | None:
        """``transition``, only if the command is still ``expect`` in the file (another console sharing
        the file may have moved it first): the new row, or None and nothing written."""
        return self._transition(row, state, detail, None, None, now, expect=expect)

    def _transition(self, row, state, detail, error, attempts, now, *, expect) -> CommandRow | None:
        now = time.time() if now is None else now
        new_attempts = row.attempts if attempts is None else attempts
        new_error = row.error if error is None else error
        where, args = ("id=?", (row.id,)) if expect is None else ("id=? AND state=?", (row.id, expect.value))
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            cur = self._db.execute(
                f"UPDATE commands SET state=?, attempts=?, updated=?, error=? WHERE {where}",
                (state.value, new_attempts, now, new_error, *args),
            )
            if expect is not None and cur.rowcount != 1:
                return None
            self._db.execute(
                "INSERT INTO transitions(command_id, state, at, detail) VALUES (?,?,?,?)",
                (row.id, state.value, now, detail),
            )
        return CommandRow(row.seq, row.command, row.qos, state, new_attempts, now, new_error)

    def move_open_to(self, dst: "Outbox", *, detail: str = "", now: float | None = None) -> list[CommandRow]:
        """Move every open command, with its transitions, from this outbox into ``dst``; returns the
        commands moved, oldest first, as they were here.  ``detail``: a transition added in ``dst`` (same
        state) that says where each command came from and why.

        Two files share no transaction (with WAL, a commit across attached databases is atomic per file
        only), so the move is two, each safe to repeat: (1) one transaction in ``dst`` copies the
        commands it does not hold yet (the ids are unique) with their history; (2) one transaction here
        deletes the copied ones.  A crash between the two leaves a command in both files, never in
        neither, and the next call finishes the move without copying anything twice (a ``dst`` opened
        ``durable`` keeps that true through a power loss).  Nothing else may be writing this outbox
        meanwhile (a command that changed state would be moved as it was)."""
        if dst.path.resolve() == self.path.resolve():
            raise ValueError(f"cannot move the commands of {self.path} into itself")
        now = time.time() if now is None else now
        rows = self.open_commands()
        if not rows:
            return []
        with self._lock:
            history = {
                r.id: self._db.execute(
                    "SELECT state, at, detail FROM transitions WHERE command_id=? ORDER BY n", (r.id,)
                ).fetchall()
                for r in rows
            }
        with dst._lock, dst._db:
            dst._db.execute("BEGIN IMMEDIATE")
            for r in rows:
                c = r.command
                cur = dst._db.execute(
                    "INSERT OR IGNORE INTO commands(id, device_id, action, params, ts, ttl_s, origin, trace, qos,"
                    " state, attempts, updated, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (c.id, c.device_id, c.action, json.dumps(c.params), c.ts, c.ttl_s, c.origin, c.trace, r.qos,
                     r.state.value, r.attempts, r.updated, r.error),
                )
                if cur.rowcount == 0:  # copied by an earlier call that stopped before step (2)
                    continue
                steps = [(c.id, s, at, d) for s, at, d in history[r.id]]
                if detail:
                    steps.append((c.id, r.state.value, now, detail))
                dst._db.executemany("INSERT INTO transitions(command_id, state, at, detail) VALUES (?,?,?,?)", steps)
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for r in rows:
                self._db.execute("DELETE FROM transitions WHERE command_id=?", (r.id,))
                self._db.execute("DELETE FROM commands WHERE id=?", (r.id,))
        return rows

    # -- reads ----------------------------------------------------------------------------------
    def get(self, command_id: str) -> CommandRow | None:
        with self._lock:
            r = self._db.execute(f"SELECT {_COLS} FROM commands WHERE id=?", (command_id,)).fetchone()
        found = self._readable([r]) if r else []
        return found[0] if found else None

    def open_commands(self) -> list[CommandRow]:
        """Every command not in a terminal state, oldest first (the replay order)."""
        terminal = tuple(s.value for s in CommandState if s.terminal)
        marks = ",".join("?" * len(terminal))
        with self._lock:
            rows = self._db.execute(
                f"SELECT {_COLS} FROM commands WHERE state NOT IN ({marks}) ORDER BY seq", terminal
            ).fetchall()
        return self._readable(rows)

    def history(self, command_id: str) -> list[Transition]:
        with self._lock:
            rows = self._db.execute(
                "SELECT command_id, state, at, detail FROM transitions WHERE command_id=? ORDER BY n", (command_id,)
            ).fetchall()
        out = []
        for c, s, a, d in rows:
            try:
                out.append(Transition(c, CommandState(s), float(a), d if isinstance(d, str) else str(d)))
            except (TypeError, ValueError):
                continue  # a damaged step: the rest of the history is still shown
        return out

    def count(self, state: CommandState | None = None) -> int:
        with self._lock:
            if state is None:
                return self._db.execute("SELECT COUNT(*) FROM commands").fetchone()[0]
            return self._db.execute("SELECT COUNT(*) FROM commands WHERE state=?", (state.value,)).fetchone()[0]

    def counts_by_state(self) -> dict[CommandState, int]:
        with self._lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM commands GROUP BY state").fetchall()
        states = {s.value: s for s in CommandState}
        return {states[s]: n for s, n in rows if s in states}  # a damaged state is in no count

    def audit(self, flt: AuditFilter | None = None) -> list[CommandRow]:
        """Commands matching the filter, newest first."""
        flt = flt or AuditFilter()
        where, args = [], []
        if flt.device:
            where.append("device_id LIKE ? ESCAPE '\\'")
            esc = flt.device.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.append(f"%{esc}%")
        if flt.states:
            where.append(f"state IN ({','.join('?' * len(flt.states))})")
            args += [s.value for s in flt.states]
        if flt.origin:
            where.append("origin = ?")
            args.append(flt.origin)
        if flt.since is not None:
            where.append("ts >= ?")
            args.append(flt.since)
        if flt.until is not None:
            where.append("ts <= ?")
            args.append(flt.until)
        sql = f"SELECT {_COLS} FROM commands"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC LIMIT ?"
        args.append(int(flt.limit))
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
        return self._readable(rows)

    def export_csv(self, path: str | Path, rows: Iterable[CommandRow]) -> int:
        """Write the rows (and each one's transitions) as CSV; returns how many rows were written."""
        n = 0
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "device", "action", "params", "origin", "state", "attempts", "created_utc",
                        "updated_utc", "ttl_s", "error", "transitions"])
            for row in rows:
                steps = ";".join(f"{t.state.value}@{_iso(t.at)}" + (f" ({t.detail})" if t.detail else "")
                                 for t in self.history(row.id))
                c = row.command
                w.writerow([c.id, c.device_id, c.action, json.dumps(c.params, ensure_ascii=False), c.origin,
                            row.state.value, row.attempts, _iso(c.ts), _iso(row.updated), f"{c.ttl_s:g}",
                            row.error, steps])
                n += 1
        return n


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{int((ts % 1) * 1000):03d}Z"
