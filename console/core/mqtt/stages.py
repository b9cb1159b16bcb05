"""Subscribing in stages: one wildcard's retained burst at a time, so a broker's queue holds it.

A broker drops what it cannot queue for a client (a stock Mosquitto 2.0 keeps 1,000 queued per
client: measured, three whole-fleet bursts of 10,000 asked for at once lost every status even at
QoS 0, one burst at a time lost nothing; QoS 1 also stops at the Receive Maximum).  Subscribing to meta, state and status at once asks it to queue three retained bursts
of the whole fleet together; in stages, each burst drains before the next is asked for:

    stage 0   meta + ack      (what a device needs to be listed and commanded)
    stage 1   state           (states also come live; the retained one is only the latest)
    stage 2   status          (last: once a status comes through, every subscription is live)

The next stage starts once no retained message of the current stage's kinds has come for ``quiet_s``
(counted from the stage's start), or after ``cap_s`` whatever happens.  A reconnect starts over.
Pure logic with an injected clock; the link's network thread calls every method.
"""

from __future__ import annotations

from console.core.protocol import device_wildcard

Subscription = tuple[str, int]


class StagedSubscriptions:
    """Which subscriptions to make now; ``seen(kind)`` tells it messages are still coming."""

    def __init__(self, stages: list[list[tuple[str, int, str]]], *, quiet_s: float = 0.25, cap_s: float = 15.0):
        self.stages = stages  # each: [(topic filter, qos, kind), ...]
        self.quiet_s, self.cap_s = quiet_s, cap_s
        self._next = len(stages)
        self._since = 0.0
        self._last = 0.0
        self._kinds: set[str] = set()

    @classmethod
    def for_devices(cls, prefix: str, qos: dict[str, int], **kw) -> "StagedSubscriptions":
        order = [("meta", "ack"), ("state",), ("status",)]
        return cls([[(device_wildcard(prefix, k), qos[k], k) for k in kinds] for kinds in order], **kw)

    @classmethod
    def at_once(cls, subscriptions: list[Subscription]) -> "StagedSubscriptions":
        return cls([[(topic, q, "") for topic, q in subscriptions]])

    def all(self) -> list[Subscription]:
        return [(t, q) for stage in self.stages for t, q, _ in stage]

    def start(self, now: float) -> list[Subscription]:
        """A new connection: the first stage's subscriptions."""
        self._next = 0
        return self._take(now)

    def seen(self, kind: str, now: float) -> None:
        if kind in self._kinds:
            self._last = now

    def due(self, now: float) -> list[Subscription]:
        """The next stage's subscriptions once the current one has drained, else nothing."""
        if self._next >= len(self.stages):
            return []
        if now - max(self._since, self._last) < self.quiet_s and now - self._since < self.cap_s:
            return []
        return self._take(now)

    @property
    def done(self) -> bool:
        return self._next >= len(self.stages)

    def _take(self, now: float) -> list[Subscription]:
        stage = self.stages[self._next]
        self._next += 1
        self._since = self._last = now
        self._kinds = {kind for _, _, kind in stage}
        return [(t, q) for t, q, _ in stage]
