"""Discovery topics: ``PREFIX/<component>/[<node_id>/]<object_id>/config`` and ``PREFIX/device/<id>/config``.

Owns: the list of components we turn into capabilities, the subscription filters, and
:func:`parse_discovery_topic`, which names the entity a config belongs to (its discovery key).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from console.core.protocol import ProtocolError

DEFAULT_DISCOVERY_PREFIX = "homeassistant"
COMPONENTS = (
    "light", "switch", "fan", "climate", "cover", "valve", "lock", "siren",
    "sensor", "binary_sensor", "number", "select", "button", "text",
)
DEVICE_COMPONENT = "device"
_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class DiscoveryTopic:
    component: str  # a platform, or "device" for device-based discovery
    node_id: str
    object_id: str

    @property
    def key(self) -> str:
        """The discovery key: what a later config on the same topic updates or removes."""
        node = f"{self.node_id} " if self.node_id else ""
        return f"{self.component} {node}{self.object_id}"


MAX_TOPIC_BYTES = 65_535  # MQTT's limit on a topic name


def topic_problem(topic: Any) -> str | None:
    """Why ``topic`` (a config's state, attribute, availability or command topic) is not one exact
    topic the console can subscribe or publish to, or None if it is.  A wildcard would subscribe to
    many topics (``#``: the whole broker, every message into the ingest) while state is routed by
    exact topic, so nothing it brought would ever be read."""
    if not isinstance(topic, str) or not topic:
        return f"{topic!r} is not a topic"
    if "+" in topic or "#" in topic:
        return f"{topic[:80]!r} has a wildcard (+ or #): the console reads and writes exact topics only"
    if "\0" in topic:
        return "a topic with a NUL character"
    if len(topic.encode("utf-8", "surrogatepass")) > MAX_TOPIC_BYTES:
        return f"a topic longer than {MAX_TOPIC_BYTES} bytes"
    return None


def discovery_filters(prefix: str = DEFAULT_DISCOVERY_PREFIX) -> list[str]:
    """MQTT subscriptions that catch every config (two levels of ``+`` cover the optional node id)."""
    return [f"{prefix}/+/+/config", f"{prefix}/+/+/+/config"]


def parse_discovery_topic(topic: str, prefix: str = DEFAULT_DISCOVERY_PREFIX) -> DiscoveryTopic:
    """Split a discovery topic; raise ProtocolError for anything that is not one."""
    head = prefix + "/"
    if not topic.startswith(head) or not topic.endswith("/config"):
        raise ProtocolError(f"{topic!r} is not a discovery topic under {prefix}/")
    parts = topic[len(head):-len("/config")].split("/")
    if len(parts) == 2:
        component, node_id, object_id = parts[0], "", parts[1]
    elif len(parts) == 3:
        component, node_id, object_id = parts
    else:
        raise ProtocolError(f"{topic!r} does not have the form {prefix}/<component>/[<node_id>/]<object_id>/config")
    if component != DEVICE_COMPONENT and component not in COMPONENTS:
        raise ProtocolError(f"component {component!r} is not supported")
    for part in (node_id, object_id) if node_id else (object_id,):
        if not _ID_RE.match(part):
            raise ProtocolError(f"discovery id {part!r} must use only A-Z a-z 0-9 _ -")
    if component == DEVICE_COMPONENT and node_id:
        raise ProtocolError(f"{topic!r}: device-based discovery has no node id")
    return DiscoveryTopic(component, node_id, object_id)
