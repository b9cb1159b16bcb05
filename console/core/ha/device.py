"""One discovered device: its record, capability naming, DeviceMeta, values and availability.

Owns: :class:`Ref` (what a subscribed topic means for one entity), :class:`HaDevice` (entities,
identity tokens, source/manufacturer/model/area, values, attributes, availability per entity, bounded
raw payload history, a count of its messages, template errors counted by kind with the last few) and
:func:`build_meta`.
Not thread-safe by itself: the fleet calls it under its lock.
"""

from __future__ import annotations

import copy
import logging
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Any, Iterator, NamedTuple

from console.core.ha import state as st
from console.core.ha.model import HaEntity, slug
from console.core.protocol import MAX_CAPABILITIES, Capability, DeviceMeta, ProtocolError, cut_text

log = logging.getLogger(__name__)
MAX_UNIT = 40  # what Capability.from_json keeps of a unit

KIND_BY_COMPONENT = {
    "lock": "lock", "siren": "siren", "valve": "valve", "cover": "cover", "climate": "hvac", "fan": "fan",
    "light": "lamp", "switch": "switch", "number": "control", "select": "control", "button": "control",
    "binary_sensor": "sensor", "sensor": "sensor", "text": "control",
}
_PRIORITY = list(KIND_BY_COMPONENT)
MAX_ATTRIBUTES = 128
MAX_RECENT_ERRORS = 5


class Ref(NamedTuple):
    """What a subscribed topic means for one entity; a named tuple (tens of thousands live in the
    fleet's topic index: cheaper to build, hash and order than a dataclass)."""

    key: str
    role: str  # state | attributes | availability
    feature: str = ""
    index: int = 0

    @staticmethod
    def all_for(entity: HaEntity) -> Iterator[tuple["Ref", str]]:
        for spec in entity.specs:
            if spec.state_topic:
                yield Ref(entity.key, "state", spec.feature), spec.state_topic
        attrs = entity.config.get("json_attributes_topic")
        if isinstance(attrs, str) and attrs:
            yield Ref(entity.key, "attributes"), attrs
        for i, entry in enumerate(st.availability_topics(entity)):
            yield Ref(entity.key, "availability", index=i), entry["topic"]


@dataclass
class HaDevice:
    id: str
    name: str
    source: str = "ha"
    manufacturer: str = ""
    model: str = ""
    suggested_area: str = ""
    sw_version: str = ""
    via_device: str = ""
    tokens: set[str] = field(default_factory=set)
    entity_keys: set[str] = field(default_factory=set)
    meta: DeviceMeta | None = None
    values: dict[str, Any] = field(default_factory=dict)
    attributes: dict[str, Any] = field(default_factory=dict)
    entity_available: dict[str, bool | None] = field(default_factory=dict)
    avail_seen: dict[str, dict[str, bool]] = field(default_factory=dict)
    raw: dict[str, deque] = field(default_factory=dict)
    template_errors: int = 0
    last_error: str = ""
    # template errors by kind (templates.TemplateError.kind: error, refused, budget) and the last few
    error_counts: dict[str, int] = field(default_factory=dict)
    recent_errors: deque = field(default_factory=lambda: deque(maxlen=MAX_RECENT_ERRORS))
    messages: int = 0  # payloads received on its topics (state, attributes, availability): liveness for alerts

    @property
    def available(self) -> bool | None:
        known = [v for v in self.entity_available.values() if v is not None]
        return all(known) if known else None

    def snapshot(self) -> "HaDevice":
        return copy.deepcopy(self, {id(self.meta): self.meta})  # the DeviceMeta is frozen: shared, not copied

    def absorb(self, other: "HaDevice") -> None:
        self.tokens |= other.tokens
        self.entity_keys |= other.entity_keys
        self.values.update(other.values)
        self.entity_available.update(other.entity_available)
        self.avail_seen.update(other.avail_seen)
        self.template_errors += other.template_errors
        self.messages += other.messages
        for kind, n in other.error_counts.items():
            self.error_counts[kind] = self.error_counts.get(kind, 0) + n
        self.recent_errors.extend(other.recent_errors)

    def forget_entity(self, key: str) -> None:
        self.entity_available.pop(key, None)
        self.avail_seen.pop(key, None)

    def remember(self, topic: str, text: str, depth: int) -> None:
        """Keep the last ``depth`` payloads per topic (raw payloads on demand); count the message."""
        self.messages += 1
        if topic not in self.raw or self.raw[topic].maxlen != depth:
            self.raw[topic] = deque(self.raw.get(topic, ()), maxlen=depth)
        self.raw[topic].append(text[:4096])

    def note_error(self, error: Exception) -> None:
        kind = getattr(error, "kind", "error")
        self.template_errors += 1
        self.error_counts[kind] = self.error_counts.get(kind, 0) + 1
        self.last_error = str(error)[:600]
        self.recent_errors.append(self.last_error)

    def apply(self, ref: Ref, entity: HaEntity, topic: str, value: Any) -> bool:
        """Record a decoded reading; True when something the console shows changed."""
        if ref.role == "availability":
            return self._apply_availability(entity, topic, value)
        if ref.role == "attributes":
            if len(self.attributes) < MAX_ATTRIBUTES or set(value) <= set(self.attributes):
                self.attributes.update(value)
            return False
        if value is st.NO_VALUE:
            return False
        name = entity.names.get(ref.feature, ref.feature)
        spec = next((s for s in entity.specs if s.feature == ref.feature), None)
        if spec is not None and spec.decode == "text":
            secret = entity.component == "text" and entity.config.get("mode") == "password"
            self.attributes[name] = "••••••" if secret else value
            return False
        if self.values.get(name, st.NO_VALUE) == value:
            return False
        self.values[name] = value
        return True

    def changed_values(self, ref: Ref, entity: HaEntity, value: Any) -> dict[str, Any]:
        return {entity.names.get(ref.feature, ref.feature): value}

    def _apply_availability(self, entity: HaEntity, topic: str, reading: bool | None) -> bool:
        if reading is None:
            return False
        seen = self.avail_seen.setdefault(entity.key, {})
        seen[topic] = reading
        topics = [e["topic"] for e in st.availability_topics(entity)]
        before = self.available
        self.entity_available[entity.key] = st.combine_availability(
            entity.config.get("availability_mode", "latest" if len(topics) == 1 else "any"), seen, topics, reading)
        return self.available != before

    def route(self, params: dict[str, Any], entities: dict[str, HaEntity]) -> list[tuple[HaEntity, dict[str, Any]]]:
        """Split capability params by the entity (and feature) that owns each capability."""
        owners: dict[str, tuple[str, str]] = {}
        for key in self.entity_keys:
            for feature, name in entities[key].names.items():
                owners[name] = (key, feature)
        grouped: dict[str, dict[str, Any]] = {}
        for name, value in params.items():
            if name not in owners:
                raise ProtocolError(f"{self.id} has no capability {name!r}")
            key, feature = owners[name]
            grouped.setdefault(key, {})[feature] = value
        return [(entities[k], v) for k, v in sorted(grouped.items())]


def _describe(dev: HaDevice, entities: list[HaEntity]) -> None:
    for entity in entities:
        block = entity.config.get("device")
        if isinstance(block, dict) and block:
            dev.name = str(block.get("name") or dev.name)
            dev.manufacturer = str(block.get("manufacturer") or dev.manufacturer)
            dev.model = str(block.get("model") or dev.model)
            dev.suggested_area = str(block.get("suggested_area") or dev.suggested_area)
            dev.sw_version = str(block.get("sw_version") or dev.sw_version)
            dev.via_device = str(block.get("via_device") or dev.via_device)
            return


def build_meta(dev: HaDevice, entities: list[HaEntity]) -> DeviceMeta:
    """Name every capability uniquely on the device (stable: by entity key) and build its DeviceMeta."""
    _describe(dev, entities)
    caps: dict[str, Capability] = {}
    used: set[str] = set()
    for entity in entities:
        entity.names = {}
        for spec in entity.specs:
            name, n = spec.cap.name or spec.feature, 2
            while name in used:
                name, n = f"{spec.cap.name}_{n}", n + 1
            used.add(name)
            entity.names[spec.feature] = name
            if spec.decode != "text" and len(caps) < MAX_CAPABILITIES:
                cap = spec.cap  # discovery set its risk: a copy only for a renamed capability
                cap = cap if cap.name == name and cap.risk == entity.risk else replace(cap, name=name, risk=entity.risk)
                if len(cap.unit) > MAX_UNIT:
                    cap = replace(cap, unit=cut_text(cap.unit, MAX_UNIT))
                try:  # what PROTOCOL.md allows (too many or too long enum values, a name too long ...)
                    Capability.from_json(name, cap.to_json())
                except ProtocolError as exc:
                    log.info("%s: capability %s of %s left out: %s", dev.id, name, entity.key, exc)
                    continue
                caps[name] = cap
    components = {e.component for e in entities}
    primary = next((c for c in _PRIORITY if c in components), "sensor")
    risk = "high" if any(e.risk == "high" for e in entities) else "low"
    return DeviceMeta(id=dev.id, name=cut_text(dev.name), kind=KIND_BY_COMPONENT[primary],
                      zone=cut_text(slug(dev.suggested_area, sep="-")), capabilities=caps, risk=risk)
