"""Metas (and statuses) the broker never delivered: find the devices heard from without one, and
fetch it again.

A broker with small queues drops retained messages when one wildcard subscription matches more
of them than it will queue (a stock Mosquitto: 20 in flight plus 1,000 queued per client).  The
link reads meta/state/status at QoS 0 and asks for a large Receive Maximum, which avoids that on
Mosquitto; this is the net under it, for any broker.  ``MetaRecovery`` watches every device topic
the link receives (``observe``) and keeps, for the meta and the status of each device:

    known     (kind, id) that arrived (an empty meta, a removal, forgets it)
    pending   (kind, id) of a device heard from without it, with the time to ask
    asked     (kind, id) whose topic we subscribed to, with the time to give up on that try

``due(now)`` is polled by the link's network thread: it returns the meta topics to subscribe to
(at most ``batch`` per round, a round at most every ``interval_s``: a broker with a queue of 1,000
is never handed more than it keeps) and those to unsubscribe (the message came, or the try timed
out).  A subscription to ``PREFIX/devices/ID/meta`` makes the broker send its retained meta again.
A device gets ``grace_s`` for its meta and status to come on their own (the link subscribes in
stages, so a meta overtakes its status), then at most ``max_tries`` fetches, ``retry_s`` apart;
after that it is counted in ``gave_up`` (a device that never published one).  After a reconnect, the wildcard subscriptions deliver every retained meta
again, so the asked ids wait in ``pending`` once more (their old subscriptions are dropped).

Threads: ``observe`` and ``due`` run on the link's network thread; ``stats`` on any thread.  One
lock guards the three tables.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from console.core.protocol import DeviceTopic, device_topic


@dataclass(frozen=True)
class RecoveryStats:
    known: int  # devices with a meta
    pending: int
    asked: int
    fetched: int  # metas that arrived after we asked for them
    requests: int  # meta topics subscribed to, all tries together
    gave_up: int


class MetaRecovery:
    """Which devices lack a meta (or a status), and the rate-limited subscriptions that fetch it."""

    WATCHED = ("meta", "status")  # retained, and needed to list a device as known and online

    def __init__(
        self,
        prefix: str,
        *,
        batch: int = 250,
        interval_s: float = 1.0,
        grace_s: float = 5.0,
        retry_s: float = 10.0,
        max_tries: int = 3,
        max_pending: int = 100_000,
    ) -> None:
        self.prefix = prefix
        self.batch, self.interval_s, self.grace_s = batch, interval_s, grace_s
        self.retry_s, self.max_tries, self.max_pending = retry_s, max_tries, max_pending
        self._lock = threading.Lock()
        self._known: set[tuple[str, str]] = set()  # (kind, id) received
        self._pending: dict[tuple[str, str], float] = {}  # -> when to ask
        self._asked: dict[tuple[str, str], float] = {}  # -> when this try times out
        self._tries: dict[tuple[str, str], int] = {}
        self._done: list[tuple[str, str]] = []  # asked, and it came: unsubscribe
        self._next_round = 0.0
        self.fetched = self.requests = self.gave_up = 0

    def observe(self, device: DeviceTopic, payload: bytes, now: float | None = None) -> None:
        """Every device topic the link receives (the router's ``seen`` event)."""
        kind, dev_id = device.kind, device.device_id
        if kind not in ("meta", "state", "status"):
            return
        with self._lock:
            if kind in self.WATCHED:
                self._arrived((kind, dev_id), bool(payload))
            if kind == "meta" and not payload:
                return  # removed: nothing to fetch for it
            for want in self.WATCHED:
                key = (want, dev_id)
                if key in self._known or key in self._pending or key in self._asked:
                    continue
                if self._tries.get(key, 0) < self.max_tries and len(self._pending) < self.max_pending:
                    self._pending[key] = (time.monotonic() if now is None else now) + self.grace_s

    def _arrived(self, key: tuple[str, str], present: bool) -> None:
        self._pending.pop(key, None)
        self._tries.pop(key, None)
        if key in self._asked:
            del self._asked[key]
            self._done.append(key)
            self.fetched += present
        if present:
            self._known.add(key)
        else:
            self._known.discard(key)

    def due(self, now: float | None = None) -> tuple[list[str], list[str]]:
        """(topics to subscribe to, topics to unsubscribe from), at most one round per ``interval_s``."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if now < self._next_round or not (self._pending or self._asked or self._done):
                return [], []
            drop = self._done
            self._done = []
            for key in [k for k, until in self._asked.items() if until <= now]:
                del self._asked[key]
                drop.append(key)
                if self._tries.get(key, 0) < self.max_tries:
                    self._pending[key] = now + self.retry_s
                else:
                    self.gave_up += 1
            ask = [k for k, when in self._pending.items() if when <= now][: self.batch]
            for key in ask:
                del self._pending[key]
                self._asked[key] = now + self.retry_s
                self._tries[key] = self._tries.get(key, 0) + 1
            self.requests += len(ask)
            if ask or drop:  # a round is spent only on a packet sent
                self._next_round = now + self.interval_s
        return self._topics(ask), self._topics(drop)

    def reconnected(self, now: float | None = None) -> None:
        """The wildcard subscriptions are new: every retained message comes again; wait for it."""
        now = time.monotonic() if now is None else now
        with self._lock:
            for key in self._asked:
                self._pending[key] = now + self.grace_s
            self._done.extend(self._asked)  # a kept session kept these subscriptions: drop them
            self._asked.clear()
            self._next_round = 0.0

    def stats(self) -> RecoveryStats:
        with self._lock:
            metas = sum(1 for kind, _ in self._known if kind == "meta")
            return RecoveryStats(metas, len(self._pending), len(self._asked), self.fetched, self.requests,
                                 self.gave_up)

    def _topics(self, keys: list[tuple[str, str]]) -> list[str]:
        return [device_topic(self.prefix, dev_id, kind) for kind, dev_id in keys]
