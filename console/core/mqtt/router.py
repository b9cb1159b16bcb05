"""Where a received MQTT message goes: routing by topic, Qt-free and paho-free (``MqttLink`` owns one).

Each topic is parsed once, with ``protocol.parse_device_topic``, and handed on by its kind:

    PREFIX/devices/ID/meta|state|status|cmd   route(kind, h)     h(topic, payload, device: DeviceTopic)
    PREFIX/devices/ID/ack                     route("ack", h)    h(device_id, ack: Ack)  (decoded here)
    a topic matching an extra filter          add_extra(f, h)    h(topic, payload)
    any other topic (not ours)                route_other(h)     h(topic, payload)

A topic under ``PREFIX/devices/`` that does not parse is never handed to anyone.  The messages the
router settles itself, without a device-kind route, are told on ``traffic(kind, outcome, detail)``:
a decoded ack (``"applied"``), a kind no route takes (``"ignored"``), a device topic of the wrong
shape or a foreign topic no handler takes (``"bad_topic"``), an ack that does not decode
(``"malformed"``).  The fleet registry counts them there, so its counters cover all the traffic,
the acks included, while only the command pipeline sees the acks themselves.

Extra filters are how a second device source (Home Assistant discovery: ``homeassistant/#`` and the
state topics its configs name) hooks in: the link subscribes to them and hands every matching
message, raw, to the filter's handler, or to the ``route_other`` handlers when the filter has none.
A message that matches several extra filters goes to each of their handlers once.

``seen(device, payload)`` is told of every well-formed device topic before it is routed; it is
not a route (a kind only it watches still counts as ``"ignored"``): the link's meta recovery
(``mqtt.meta_recovery``) watches there which devices were heard from without a meta.

Handlers run on the link's network thread, through ``events.Event``: one that raises is logged and
the others (and the link) go on.
"""

from __future__ import annotations

import threading
from typing import Callable, Iterable

from paho.mqtt.client import topic_matches_sub

from console.core.events import Event
from console.core.protocol import DEVICE_TOPIC_KINDS, Ack, ProtocolError, decode_json, parse_device_topic

ACK = "ack"
DeviceHandler = Callable[..., object]  # (topic, payload, DeviceTopic), or (device_id, Ack) for acks
RawHandler = Callable[[str, bytes], object]


class TopicRouter:
    """Routes by device-topic kind, by extra topic filter, and a fallback for everything else."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._head = f"{prefix}/devices/"
        self._kinds = {kind: Event(f"route {kind}") for kind in DEVICE_TOPIC_KINDS}
        self._lock = threading.Lock()
        self._extra: dict[str, Event] = {}  # topic filter -> its handlers (copy-on-write dict)
        # the filters of _extra with + or #, each with its literal head: a topic must start with the head
        # before paho's matcher (which builds a matcher per call, ~6 µs) is asked
        self._wild: dict[str, tuple[str, Event]] = {}
        self.other = Event("route other")
        self.traffic = Event("traffic")  # (kind or None, outcome, detail); see the module docstring
        self.seen = Event("device topic seen")  # (DeviceTopic, payload) of every well-formed device topic

    # -- wiring (any thread) ----------------------------------------------------------------------
    def route(self, kinds: str | Iterable[str], handler: DeviceHandler) -> None:
        for kind in _kinds(kinds):
            self._kinds[kind].connect(handler)

    def unroute(self, kinds: str | Iterable[str], handler: DeviceHandler) -> None:
        for kind in _kinds(kinds):
            self._kinds[kind].disconnect(handler)

    def route_other(self, handler: RawHandler) -> None:
        self.other.connect(handler)

    def add_extra(self, topic_filter: str, handler: RawHandler | None = None) -> bool:
        """Route messages matching ``topic_filter`` to ``handler`` (None: to the ``other`` route).
        True if the filter is new (the link subscribes to it then)."""
        with self._lock:
            new = topic_filter not in self._extra
            if new:
                self._extra = {**self._extra, topic_filter: Event(f"extra {topic_filter}")}
                if "+" in topic_filter or "#" in topic_filter:
                    head = topic_filter.split("+")[0].split("#")[0]
                    self._wild = {**self._wild, topic_filter: (head, self._extra[topic_filter])}
            event = self._extra[topic_filter]
        if handler is not None:
            event.connect(handler)
        return new

    def remove_extra(self, topic_filter: str) -> bool:
        """Forget a filter and its handlers; True if it was there (the link unsubscribes then)."""
        with self._lock:
            if topic_filter not in self._extra:
                return False
            self._extra = {f: e for f, e in self._extra.items() if f != topic_filter}
            self._wild = {f: e for f, e in self._wild.items() if f != topic_filter}
            return True

    def extra_filters(self) -> list[str]:
        return list(self._extra)

    # -- dispatch (the link's network thread) ---------------------------------------------------------
    def dispatch(self, topic: str, payload: bytes) -> None:
        if topic.startswith(self._head):
            self._device(topic, payload)
            return
        # exact filters by lookup (discovery subscribes thousands of state topics), wildcards one by one
        exact = self._extra.get(topic)
        extra = [e for f, (head, e) in self._wild.items() if topic.startswith(head) and topic_matches_sub(f, topic)]
        if exact is not None:
            extra.append(exact)
        if not extra and not self.other.listeners:
            self.traffic.emit(None, "bad_topic", f"{topic}: not a topic of ours and no route takes it")
            return
        if any(not e.listeners for e in extra) or not extra:
            self.other.emit(topic, payload)
        for event in extra:
            event.emit(topic, payload)

    def _device(self, topic: str, payload: bytes) -> None:
        try:
            device = parse_device_topic(self.prefix, topic)
        except ProtocolError as exc:
            self.traffic.emit(None, "bad_topic", f"{topic}: {exc}")
            return
        self.seen.emit(device, payload)
        if device.kind == ACK:
            try:
                ack = Ack.from_json(decode_json(payload))
            except (ProtocolError, UnicodeDecodeError) as exc:
                self.traffic.emit(ACK, "malformed", f"{topic}: {exc}")
                return
            self.traffic.emit(ACK, "applied", "")
            self._kinds[ACK].emit(device.device_id, ack)
            return
        route = self._kinds[device.kind]
        if not route.listeners:
            self.traffic.emit(device.kind, "ignored", "")
            return
        route.emit(topic, payload, device)


def _kinds(kinds: str | Iterable[str]) -> tuple[str, ...]:
    kinds = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [k for k in kinds if k not in DEVICE_TOPIC_KINDS]
    if unknown:
        raise ValueError(f"unknown device topic kind(s) {unknown}; the kinds are {DEVICE_TOPIC_KINDS}")
    return kinds
