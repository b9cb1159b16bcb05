"""Alerts shared between consoles: each publishes its open alerts, retained, on
``PREFIX/consoles/CLIENT_ID/alerts`` (docs/PROTOCOL-PROPOSALS.md, "Alerts of a console"), and reads
the other consoles' there.

``AlertPublisher.flush(engine)`` runs on the alert engine's ticker: when an alert changed since the
last publish (``changed`` marks it) and at least ``min_interval_s`` passed, it publishes one JSON
snapshot (QoS 1, retained): a storm of changes is one message a second, not one per alert.  The
snapshot carries at most ``MAX_LISTED`` alerts (critical first, newest first) and the total.

``OtherAlerts`` subscribes to ``PREFIX/consoles/+/alerts`` (``link.subscribe_extra``) and keeps the
last snapshot of every other console (network thread; one lock).  An empty retained message (a
console that cleared its alerts topic) removes that console.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

from console.core.events import Event
from console.core.protocol import encode_json
from console.core.alerts.store import SEVERITY_RANK

log = logging.getLogger(__name__)
MAX_LISTED = 200
SCHEMA = 1


def alerts_topic(prefix: str, client_id: str) -> str:
    return f"{prefix}/consoles/{client_id}/alerts"


def snapshot(client_id: str, alerts: list, now: float) -> dict[str, Any]:
    ordered = sorted(alerts, key=lambda a: (-SEVERITY_RANK.get(a.severity, 0), -a.raised_at))
    return {"schema": SCHEMA, "console": client_id, "ts": round(now, 3), "open": len(alerts),
            "alerts": [a.to_json() for a in ordered[:MAX_LISTED]]}


class AlertPublisher:
    def __init__(self, link: Any, prefix: str, client_id: str, min_interval_s: float = 1.0) -> None:
        self.link = link
        self.topic = alerts_topic(prefix, client_id)
        self.client_id = client_id
        self.min_interval_s = min_interval_s
        self._dirty = True  # the first flush says what is open (restored alerts included)
        self._last = 0.0
        self.published = 0

    def mark(self, *_: Any) -> None:
        self._dirty = True

    def flush(self, engine: Any, force: bool = False) -> bool:
        now = time.monotonic()
        if not (self._dirty or force) or not self.link.connected or (now - self._last < self.min_interval_s and not force):
            return False
        self._dirty = False
        self._last = now
        payload = snapshot(self.client_id, engine.open_alerts(), time.time())
        try:
            self.link.publish(self.topic, encode_json(payload), qos=1, retain=True)
        except (ValueError, OSError) as exc:
            self._dirty = True
            log.warning("publishing the alerts on %s failed: %s", self.topic, exc)
            return False
        self.published += 1
        return True


class OtherAlerts:
    """The other consoles' open alerts, by console id."""

    def __init__(self, prefix: str, own_client_id: str) -> None:
        self.prefix = prefix
        self.own = own_client_id
        self._lock = threading.Lock()
        self._by_console: dict[str, dict[str, Any]] = {}
        self.changed = Event("other consoles' alerts")  # (console id)

    def attach(self, link: Any) -> None:
        link.subscribe_extra(alerts_topic(self.prefix, "+"), self.on_message, qos=1)

    def on_message(self, topic: str, payload: bytes) -> None:
        parts = topic.split("/")
        if len(parts) < 4 or parts[-1] != "alerts":
            return
        console = parts[-2]
        if console == self.own:
            return
        if not payload:
            with self._lock:
                self._by_console.pop(console, None)
            self.changed.emit(console)
            return
        try:
            raw = json.loads(payload)
            if not isinstance(raw, dict) or not isinstance(raw.get("alerts"), list):
                raise ValueError("no alerts list")
        except (ValueError, UnicodeDecodeError) as exc:
            log.debug("alerts of %s not readable: %s", console, exc)
            return
        with self._lock:
            self._by_console[console] = raw
        self.changed.emit(console)

    def consoles(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return dict(self._by_console)

    def alerts(self) -> list[dict[str, Any]]:
        """Every other console's listed alerts, each with its ``console``."""
        with self._lock:
            return [{**a, "console": c} for c, snap in self._by_console.items() for a in snap.get("alerts", [])
                    if isinstance(a, dict)]
