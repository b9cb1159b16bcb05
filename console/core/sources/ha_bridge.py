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

Threads: messages and HaFleet events arrive on the link's network thread; ``transport_for`` runs on
any thread (it reads a set).  ``_lock`` guards the subscription counts; the link is called after
releasing it.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.registry import FleetRegistry
from console.core.ha import DEFAULT_DISCOVERY_PREFIX, FleetEvent, HaFleet, discovery_filters
from console.core.ha.device import Ref
from console.core.ha.state import availability_topics
from console.core.mqtt.link import MqttLink
from console.core.protocol import ProtocolError
from console.core.sources.ha_overrides import HaOverrides, apply_override
from console.core.sources.ha_transport import HaTransport

log = logging.getLogger(__name__)
SOURCE = "ha"


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
        self._topics_of: dict[str, frozenset[str]] = {}  # device id -> topics subscribed for it
        self._users: dict[str, int] = {}  # topic -> how many devices read it
        self.rejected_configs = 0
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
        try:
            self.fleet.handle_config(topic, payload)
        except ProtocolError as exc:
            self.rejected_configs += 1
            self.last_error = f"{topic}: {exc}"
            log.info("discovery config ignored: %s", self.last_error)

    def _on_state(self, topic: str, payload: bytes) -> None:
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
            log.info("%s: %s", device_id, event.error)

    def _upsert(self, device_id: str, event: FleetEvent) -> None:
        dev = self.fleet.device(device_id)
        if dev is None:
            return
        has_availability = any(availability_topics(e) for e in self.fleet.entities(device_id))
        online: Any = dev.available if has_availability else True  # HA: no availability = always there
        info = {"manufacturer": dev.manufacturer, "model": dev.model, "area": dev.suggested_area}
        choice = self.overrides.get(device_id)
        meta = apply_override(event.meta, choice) if event.meta is not None else None
        if self.registry.upsert_external(device_id, source=SOURCE, meta=meta, values=dev.values,
                                         replace_values=True, online=online, info=info):
            self.registry.set_exposed(device_id, choice.exposed)
            self._ids = self._ids | {device_id}

    def _reapply(self, device_id: str) -> None:
        """The operator changed a device's risk or exposure: the registry's meta follows."""
        dev = self.fleet.device(device_id)
        if device_id not in self._ids or dev is None or dev.meta is None:
            return
        choice = self.overrides.get(device_id)
        self.registry.upsert_external(device_id, source=SOURCE, meta=apply_override(dev.meta, choice))
        self.registry.set_exposed(device_id, choice.exposed)

    def raw_payloads(self, device_id: str) -> dict[str, list[str]] | None:
        """The device's last raw payloads per topic, oldest first; None if it is not ours."""
        dev = self.fleet.device(device_id) if device_id in self._ids else None
        return None if dev is None else {topic: list(texts) for topic, texts in sorted(dev.raw.items())}

    def _resubscribe(self, device_id: str) -> None:
        """Subscribe to the topics the device now reads and drop those no device reads any more."""
        want = frozenset(t for e in self.fleet.entities(device_id) for _, t in Ref.all_for(e) if _plain(t))
        add, drop = [], []
        with self._lock:
            old = self._topics_of.pop(device_id, frozenset())
            if want:
                self._topics_of[device_id] = want
            for topic in want - old:
                self._users[topic] = self._users.get(topic, 0) + 1
                if self._users[topic] == 1:
                    add.append(topic)
            for topic in old - want:
                self._users[topic] -= 1
                if not self._users[topic]:
                    del self._users[topic]
                    drop.append(topic)
        for topic in sorted(add):
            self.link.subscribe_extra(topic, self._on_state)
        for topic in sorted(drop):
            self.link.unsubscribe_extra(topic)

    def subscribed(self) -> set[str]:
        with self._lock:
            return set(self._users)


def _plain(topic: str) -> bool:
    """A topic we can subscribe to exactly (no wildcards, no NUL)."""
    return bool(topic) and not any(c in topic for c in "+#\0")
