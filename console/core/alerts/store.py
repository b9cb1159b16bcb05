"""Alerts and their history in SQLite (WAL), under the user data dir: one file per broker site.

An alert is raised by a rule for one device (or none: metric rules, the broker link) and moves
``active`` → ``acknowledged`` → ``cleared``, or ``active`` → ``cleared``; each move is stored with who
and when (``events``) before anyone is told, so a console restarted after a crash finds its open
alerts (``open_alerts``) and the whole history intact.  At most one alert is open per ``key``
(rule id + device id).  CSV export of any filtered history.

Thread-safe: one connection, one lock; every method is one committed transaction.
"""

from __future__ import annotations

import csv
import enum
import hashlib
import re
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from console.core.paths import user_data_dir


class AlertState(str, enum.Enum):
    ACTIVE = "active"
    ACKNOWLEDGED = "acknowledged"
    CLEARED = "cleared"


SEVERITY_RANK = {"info": 0, "warning": 1, "critical": 2}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts(
    n          INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL,
    rule_id    TEXT NOT NULL,
    rule_name  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    device_id  TEXT NOT NULL DEFAULT '',
    zone       TEXT NOT NULL DEFAULT '',
    severity   TEXT NOT NULL,
    state      TEXT NOT NULL,
    message    TEXT NOT NULL DEFAULT '',
    value      REAL,
    raised_at  REAL NOT NULL,
    acked_at   REAL,
    acked_by   TEXT NOT NULL DEFAULT '',
    cleared_at REAL,
    cleared_by TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS alerts_state ON alerts(state);
CREATE INDEX IF NOT EXISTS alerts_key ON alerts(key);
CREATE INDEX IF NOT EXISTS alerts_raised ON alerts(raised_at);
CREATE TABLE IF NOT EXISTS events(
    n        INTEGER PRIMARY KEY AUTOINCREMENT,
    alert_id TEXT NOT NULL,
    state    TEXT NOT NULL,
    at       REAL NOT NULL,
    who      TEXT NOT NULL DEFAULT '',
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_alert ON events(alert_id);
"""
_COLS = ("id, key, rule_id, rule_name, kind, device_id, zone, severity, state, message, value, raised_at, "
         "acked_at, acked_by, cleared_at, cleared_by, action")


@dataclass(frozen=True)
class Alert:
    id: str
    key: str
    rule_id: str
    rule_name: str
    kind: str
    device_id: str
    zone: str
    severity: str
    state: AlertState
    message: str
    value: float | None
    raised_at: float
    acked_at: float | None = None
    acked_by: str = ""
    cleared_at: float | None = None
    cleared_by: str = ""
    action: str = ""  # what came of the command the rule proposed ("" none)

    @property
    def open(self) -> bool:
        return self.state is not AlertState.CLEARED

    @classmethod
    def new(cls, *, key: str, rule_id: str, rule_name: str, kind: str, device_id: str, zone: str, severity: str,
            message: str, value: float | None, at: float) -> "Alert":
        return cls(uuid.uuid4().hex[:16], key, rule_id, rule_name, kind, device_id, zone, severity,
                   AlertState.ACTIVE, message, value, at)

    @classmethod
    def from_sql(cls, r: tuple) -> "Alert":
        return cls(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], AlertState(r[8]), r[9], r[10], r[11], r[12],
                   r[13], r[14], r[15], r[16])

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "rule": self.rule_id, "name": self.rule_name, "kind": self.kind,
                "device": self.device_id, "zone": self.zone, "severity": self.severity, "state": self.state.value,
                "message": self.message, "value": self.value, "raised_at": self.raised_at,
                "acked_at": self.acked_at, "acked_by": self.acked_by, "cleared_at": self.cleared_at,
                "cleared_by": self.cleared_by}


@dataclass
class AlertFilter:
    states: tuple[AlertState, ...] = ()
    severities: tuple[str, ...] = ()
    device: str = ""  # substring of the device id
    zone: str = ""
    rule: str = ""
    since: float | None = None
    until: float | None = None
    limit: int = 10_000


class AlertStoreError(RuntimeError):
    """The alerts database cannot be opened or written; the message says where and why."""


def alerts_db_path_for(cfg: Any, *, embedded_demo: bool = False) -> Path:
    """One database per broker site (host, port, prefix), as the outbox; the demo has its own."""
    folder = user_data_dir() / "alerts"
    if embedded_demo:
        return folder / "demo-alerts.sqlite3"
    site = f"{cfg.host}:{cfg.port}/{cfg.prefix}"
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{cfg.host}_{cfg.port}_{cfg.prefix}")[:60]
    return folder / f"{slug}-{hashlib.sha1(site.encode()).hexdigest()[:8]}.alerts.sqlite3"


class AlertStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except (sqlite3.Error, OSError) as exc:
            raise AlertStoreError(f"cannot open the alerts database {self.path}: {exc}. Check that the folder is "
                                  f"writable and the disk not full; move a damaged file away to start afresh.") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _tx(self, statements: Iterable[tuple[str, tuple]]) -> None:
        with self._lock:
            try:
                self._db.execute("BEGIN")
                for sql, args in statements:
                    self._db.execute(sql, args)
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                try:
                    self._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                raise AlertStoreError(f"writing the alerts database {self.path} failed: {exc}") from exc

    def add(self, alert: Alert, detail: str = "") -> Alert:
        values = (alert.id, alert.key, alert.rule_id, alert.rule_name, alert.kind, alert.device_id, alert.zone,
                  alert.severity, alert.state.value, alert.message, alert.value, alert.raised_at, alert.acked_at,
                  alert.acked_by, alert.cleared_at, alert.cleared_by, alert.action)
        self._tx([(f"INSERT INTO alerts({_COLS}) VALUES ({', '.join('?' * len(values))})", values),
                  ("INSERT INTO events(alert_id, state, at, who, detail) VALUES (?, ?, ?, ?, ?)",
                   (alert.id, alert.state.value, alert.raised_at, "rule", detail or alert.message))])
        return alert

    def acknowledge(self, alert: Alert, who: str, at: float | None = None) -> Alert:
        at = time.time() if at is None else at
        new = replace(alert, state=AlertState.ACKNOWLEDGED if alert.open else alert.state, acked_at=at, acked_by=who)
        self._tx([("UPDATE alerts SET state = ?, acked_at = ?, acked_by = ? WHERE id = ?",
                   (new.state.value, at, who, alert.id)),
                  ("INSERT INTO events(alert_id, state, at, who) VALUES (?, ?, ?, ?)",
                   (alert.id, AlertState.ACKNOWLEDGED.value, at, who))])
        return new

    def clear(self, alert: Alert, who: str, detail: str = "", at: float | None = None,
              value: float | None = None) -> Alert:
        at = time.time() if at is None else at
        new = replace(alert, state=AlertState.CLEARED, cleared_at=at, cleared_by=who)
        self._tx([("UPDATE alerts SET state = ?, cleared_at = ?, cleared_by = ? WHERE id = ?",
                   (AlertState.CLEARED.value, at, who, alert.id)),
                  ("INSERT INTO events(alert_id, state, at, who, detail) VALUES (?, ?, ?, ?, ?)",
                   (alert.id, AlertState.CLEARED.value, at, who, detail))])
        return new

    def set_action(self, alert: Alert, text: str, at: float | None = None) -> Alert:
        new = replace(alert, action=text)
        self._tx([("UPDATE alerts SET action = ? WHERE id = ?", (text, alert.id)),
                  ("INSERT INTO events(alert_id, state, at, who, detail) VALUES (?, ?, ?, ?, ?)",
                   (alert.id, alert.state.value, time.time() if at is None else at, "action", text))])
        return new

    # -- reading ------------------------------------------------------------------------------------
    def open_alerts(self) -> list[Alert]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLS} FROM alerts WHERE state != ? ORDER BY n",
                                    (AlertState.CLEARED.value,)).fetchall()
        return [Alert.from_sql(r) for r in rows]

    def get(self, alert_id: str) -> Alert | None:
        with self._lock:
            r = self._db.execute(f"SELECT {_COLS} FROM alerts WHERE id = ?", (alert_id,)).fetchone()
        return Alert.from_sql(r) if r else None

    def query(self, flt: AlertFilter | None = None) -> list[Alert]:
        """Alerts matching ``flt``, newest first."""
        flt = flt or AlertFilter()
        where, args = [], []
        if flt.states:
            where.append(f"state IN ({', '.join('?' * len(flt.states))})")
            args.extend(s.value for s in flt.states)
        if flt.severities:
            where.append(f"severity IN ({', '.join('?' * len(flt.severities))})")
            args.extend(flt.severities)
        if flt.device:
            where.append("instr(device_id, ?) > 0")
            args.append(flt.device)
        if flt.zone:
            where.append("zone = ?")
            args.append(flt.zone)
        if flt.rule:
            where.append("rule_id = ?")
            args.append(flt.rule)
        if flt.since is not None:
            where.append("raised_at >= ?")
            args.append(flt.since)
        if flt.until is not None:
            where.append("raised_at <= ?")
            args.append(flt.until)
        sql = f"SELECT {_COLS} FROM alerts" + (f" WHERE {' AND '.join(where)}" if where else "")
        sql += " ORDER BY n DESC LIMIT ?"
        with self._lock:
            rows = self._db.execute(sql, (*args, flt.limit)).fetchall()
        return [Alert.from_sql(r) for r in rows]

    def events(self, alert_id: str) -> list[tuple[str, float, str, str]]:
        """(state, at, who, detail) of one alert, oldest first."""
        with self._lock:
            return self._db.execute("SELECT state, at, who, detail FROM events WHERE alert_id = ? ORDER BY n",
                                    (alert_id,)).fetchall()

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM alerts").fetchone()[0]

    def export_csv(self, path: str | Path, flt: AlertFilter | None = None) -> int:
        """Write the matching alerts to ``path`` (UTF-8 with BOM, for spreadsheets); returns the rows."""
        rows = self.query(flt)

        def utc(t: float | None) -> str:
            return "" if t is None else time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(t))

        with open(path, "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f)
            w.writerow(["id", "rule", "rule_name", "kind", "device", "zone", "severity", "state", "message", "value",
                        "raised_utc", "acknowledged_utc", "acknowledged_by", "cleared_utc", "cleared_by", "action"])
            for a in rows:
                w.writerow([a.id, a.rule_id, a.rule_name, a.kind, a.device_id, a.zone, a.severity, a.state.value,
                            a.message, "" if a.value is None else a.value, utc(a.raised_at), utc(a.acked_at),
                            a.acked_by, utc(a.cleared_at), a.cleared_by, a.action])
        return len(rows)
