"""HaBridge: Home Assistant MQTT discovery on the console's link, its devices in the fleet registry.

Owns: the discovery subscriptions (``PREFIX/+/+/config``, ``PREFIX/+/+/+/config``), the subscriptions
to the state, attribute and availability topics the :class:`HaFleet` reads (counted per device, so a
topic several devices share, such as ``zigbee2mqtt/bridge/state``, is dropped with its last user),
and the mirror of every HaFleet event into the :class:`FleetRegistry` (source ``"ha"``, with
manufacturer, model and area), so discovered devices live in the fleet model beside native ones.
Commands reach them through the pipeline with :class:`HaTransport`: pass :meth:`transport_for` as
the pipeline's ``transport_for`` and call :meth:`bind` with the pipeline.  The operator's choices
(:class:`HaOverrides`: risk, exposure to the assistant) are applied to each DeviceMeta the registry
gets, and again when they change; :meth:`raw_payloads` shows a device's last raw payloads.

Subscriptions are batched: the state topics of thousands of retained configs arriving at once
are collected and subscribed SUBSCRIBE_BATCH at a time (``MqttLink.subscribe_extra_many``: many
filters per SUBSCRIBE packet), FLUSH_S after the first of them waits, by the link's thread at its
next message, or QUIET_FLUSH_S later by a short-lived timer thread when none comes.  Template
errors (a template failing, refused as hostile, stopped by its budget) are counted per device and
kind; :meth:`problems` gives them to the device table, :meth:`raw_payloads` carries them too.

Threads: messages and HaFleet events arrive on the link's network thread; ``transport_for`` runs on
any thread (it reads a set); the batch of subscriptions may be flushed by a short-lived timer
thread.  Lock order: ``_io_lock`` (subscribe/unsubscribe calls to the link, in order) then
``_lock`` (the subscription counts); the link is called holding ``_io_lock`` only.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.registry import FleetRegistry
from console.core.ha import DEFAULT_DISCOVERY_PREFIX, FleetEvent, HaFleet, discovery_filters
from console.core.ha.device import Ref
from console.core.mqtt.link import MqttLink
from console.core.protocol import ProtocolError
from console.core.sources.ha_overrides import HaOverrides, apply_override
from console.core.sources.ha_transport import HaTransport

log = logging.getLogger(__name__)
SOURCE = "ha"
SUBSCRIBE_BATCH = 500  # new state topics that are subscribed at once, without waiting for FLUSH_S
FLUSH_S = 0.05  # how long a new state topic waits for others to share its SUBSCRIBE
QUIET_FLUSH_S = 0.25  # ... at the latest, when no message comes to flush it sooner


class RawPayloads(dict):
    """topic -> the device's last payloads there (oldest first), with its template errors."""

    def __init__(self, topics: dict[str, list[str]], errors: dict[str, int], recent: list[str]) -> None:
        super().__init__(topics)
        self.template_errors = dict(errors)  # kind (error, refused, budget) -> count
        self.recent_errors = list(recent)  # the last few, oldest first


class HaBridge:
    """Feeds discovery traffic to an HaFleet and the fleet's devices to the registry."""

    def __init__(self, link: MqttLink, registry: FleetRegistry, prefix: str = DEFAULT_DISCOVERY_PREFIX,
                 fleet: HaFleet | None = None, overrides: HaOverrides | None = None) -> None:
        self.link = link
        self.registry = registry
        self.prefix = prefix
        self.fleet = fleet or HaFleet(prefix)
        self._ids: set[str] = set()  # discovered devices the registry holds (copy-on-write)
        self.transport = HaTransport(self.fleet, lambda device_id: device_id in self._ids)
        self._lock = threading.Lock()
        self._io_lock = threading.Lock()
        self._topics_of: dict[str, frozenset[str]] = {}  # device id -> topics subscribed for it
        self._users: dict[str, int] = {}  # topic -> how many devices read it
        self._subscribed: set[str] = set()  # topics handed to the link
        self._pending: set[str] = set()  # topics to subscribe at the next flush
        self._timer: threading.Timer | None = None
        self._pending_since: float | None = None  # monotonic time the oldest pending topic was added
        self.rejected_configs = 0
        self.configs = 0  # discovery messages handled (the link's thread only)
        self.states = 0  # state, attribute and availability messages handled
        self.template_errors = 0
        self._errors_logged: set[str] = set()
        self.last_error = ""
        self.overrides = overrides or HaOverrides()  # in memory unless the caller persists them
        self.overrides.add_listener(self._reapply)
        self.fleet.add_listener(self._on_event)

    # -- wiring ----------------------------------------------------------------------------------
    def attach(self) -> None:
        """Subscribe to the discovery topics (now if connected, and at every reconnect)."""
        for topic_filter in discovery_filters(self.prefix):
            self.link.subscribe_extra(topic_filter, self._on_config)

    def bind(self, pipeline: CommandPipeline) -> None:
        self.transport.bind(pipeline)

    def transport_for(self, device_id: str) -> HaTransport | None:
        """The pipeline's transport lookup: ours for discovered devices, None (native) otherwise."""
        return self.transport if device_id in self._ids else None

    def is_ha(self, device_id: str) -> bool:
        return device_id in self._ids

    # -- messages (the link's thread) --------------------------------------------------------------
    def _on_config(self, topic: str, payload: bytes) -> None:
        self.configs += 1
        try:
            self.fleet.handle_config(topic, payload)
        except ProtocolError as exc:
            self.rejected_configs += 1
            self.last_error = f"{topic}: {exc}"
            log.info("discovery config ignored: %s", self.last_error)
        self._maybe_flush()

    def _on_state(self, topic: str, payload: bytes) -> None:
        self.states += 1
        if self._pending_since is not None:
            self._maybe_flush()
        self.fleet.handle_state(topic, payload)

    # -- fleet events -> registry --------------------------------------------------------------------
    def _on_event(self, event: FleetEvent) -> None:
        device_id = event.device_id
        if event.kind == "removed":
            self._ids = self._ids - {device_id}
            self.registry.remove_external(device_id, source=SOURCE)
            self._resubscribe(device_id)
        elif event.kind in ("added", "updated"):
            self._upsert(device_id, event)
            self._resubscribe(device_id)
        elif event.kind == "state" and device_id in self._ids:
            self.registry.upsert_external(device_id, source=SOURCE, values=event.values)
            self.transport.on_state(device_id)
        elif event.kind == "availability" and device_id in self._ids:
            self.registry.upsert_external(device_id, source=SOURCE, online=event.available)
        elif event.kind == "error":
            self.template_errors += 1
            if device_id not in self._errors_logged and len(self._errors_logged) < 10_000:
                self._errors_logged.add(device_id)  # the first one of each device; the rest are counted
                log.info("%s: %s", device_id, event.error)
            else:
                log.debug("%s: %s", device_id, event.error)
            self.registry.mark_dirty([device_id])  # the table's marker follows

    def _upsert(self, device_id: str, event: FleetEvent) -> None:
        summary = self.fleet.summary(device_id)
        if summary is None:
            return
        values, available, has_availability, info = summary
        online: Any = available if has_availability else True  # HA: no availability = always there
        choice = self.overrides.get(device_id)
        meta = apply_override(event.meta, choice) if event.meta is not None else None
        # ours before the registry shows its meta: a command replayed the moment the meta is known
        # must find this transport, not the native one
        added = device_id not in self._ids
        if added:
            self._ids = self._ids | {device_id}
        if self.registry.upsert_external(device_id, source=SOURCE, meta=meta, values=values,
                                         replace_values=True, online=online, info=info):
            self.registry.set_exposed(device_id, choice.exposed)
        elif added:
            self._ids = self._ids - {device_id}  # the id is a native device's: not ours

    def _reapply(self, device_id: str) -> None:
        """The operator changed a device's risk or exposure: the registry's meta follows."""
        dev = self.fleet.device(device_id)
        if device_id not in self._ids or dev is None or dev.meta is None:
            return
        choice = self.overrides.get(device_id)
        self.registry.upsert_external(device_id, source=SOURCE, meta=apply_override(dev.meta, choice))
        self.registry.set_exposed(device_id, choice.exposed)

    def raw_payloads(self, device_id: str) -> RawPayloads | None:
        """The device's last raw payloads per topic, oldest first, and its template errors; None if it
        is not ours."""
        dev = self.fleet.device(device_id) if device_id in self._ids else None
        if dev is None:
            return None
        return RawPayloads({topic: list(texts) for topic, texts in sorted(dev.raw.items())},
                           dev.error_counts, list(dev.recent_errors))

    def problems(self, device_id: str) -> tuple[int, dict[str, int], str]:
        """What went wrong reading the device: (template errors, by kind — error, refused, budget —,
        the last one); (0, {}, "") when nothing did.  Cheap: the device table asks at each row update."""
        if device_id not in self._ids:
            return 0, {}, ""
        return self.fleet.errors(device_id)

    def _resubscribe(self, device_id: str) -> None:
        """Subscribe to the topics the device now reads and drop those no device reads any more."""
        want = frozenset(t for e in self.fleet.entities(device_id) for _, t in Ref.all_for(e) if _plain(t))
        drop = []
        with self._io_lock:
            with self._lock:
                old = self._topics_of.pop(device_id, frozenset())
                if want:
                    self._topics_of[device_id] = want
                for topic in want - old:
                    self._users[topic] = self._users.get(topic, 0) + 1
                    if self._users[topic] == 1 and topic not in self._subscribed:
                        self._pending.add(topic)
                for topic in old - want:
                    self._users[topic] -= 1
                    if not self._users[topic]:
                        del self._users[topic]
                        self._pending.discard(topic)
                        if topic in self._subscribed:
                            self._subscribed.discard(topic)
                            drop.append(topic)
                if self._pending and self._pending_since is None:
                    self._pending_since = time.monotonic()
                now = len(self._pending) >= SUBSCRIBE_BATCH
                if self._pending and not now and self._timer is None:  # at most one at a time
                    self._timer = threading.Timer(QUIET_FLUSH_S, self._timer_flush)
                    self._timer.daemon = True
                    self._timer.name = "ha-subscribe"
                    self._timer.start()
            for topic in sorted(drop):
                self.link.unsubscribe_extra(topic)
        if now:
            self.flush_subscriptions()

    def flush_subscriptions(self) -> int:
        """Subscribe to the state topics waiting for their batch now; how many there were."""
        with self._io_lock:
            with self._lock:
                topics = sorted(self._pending)
                self._pending.clear()
                self._subscribed.update(topics)
                self._pending_since = None
            if topics:
                self.link.subscribe_extra_many(topics, self._on_state)
        return len(topics)

    def _maybe_flush(self) -> None:
        """The link's thread, at each message: flush when the oldest pending topic waited FLUSH_S."""
        since = self._pending_since
        if since is not None and (len(self._pending) >= SUBSCRIBE_BATCH or time.monotonic() - since >= FLUSH_S):
            self.flush_subscriptions()

    def _timer_flush(self) -> None:
        with self._lock:
            self._timer = None
        self.flush_subscriptions()

    def close(self) -> None:
        """Subscribe what waits now; a timer still armed is cancelled."""
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
        self.flush_subscriptions()

    def subscribed(self) -> set[str]:
        """The state topics the bridge reads (subscribed, or waiting for their batch)."""
        with self._lock:
            return set(self._users)


def _plain(topic: str) -> bool:
    """A topic we can subscribe to exactly (no wildcards, no NUL)."""
    return bool(topic) and not any(c in topic for c in "+#\0")
