"""HaFleet: the in-memory model of every device found through Home Assistant MQTT discovery.

Owns: entities by discovery key, their grouping into devices by shared identifiers/connections, the
DeviceMeta of each device (so the rest of the console treats it like a native one), the topic index
for state and availability, current values, bounded raw payload history and template error counts.
Ingest is the hot path (thousands of state messages a second): per topic, what a payload means is
built once (readers with their compiled templates, capability names) and kept until the next config;
a payload's JSON is parsed once for all of its readers.
Thread-safe (one lock, not held while templates render; ``errors`` answers "none" without it);
listeners are called after the lock is released.  Qt-free, no I/O.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from console.core.ha.commands import Publish, entity_commands, is_optimistic, tolerance
from console.core.ha.device import HaDevice, Ref, build_meta
from console.core.ha.discovery import parse_config
from console.core.ha.model import HaEntity, device_id_for
from console.core.ha import state as st
from console.core.ha.templates import TemplateError
from console.core.ha.topics import DEFAULT_DISCOVERY_PREFIX
from console.core.protocol import DeviceMeta, ProtocolError


@dataclass(frozen=True)
class FleetEvent:
    kind: str  # added | updated | removed | state | availability | error
    device_id: str
    meta: DeviceMeta | None = None
    values: dict[str, Any] = field(default_factory=dict)
    available: bool | None = None
    error: str = ""


Listener = Callable[[FleetEvent], None]


class HaFleet:
    """Devices from HA discovery; feed it every message under the prefix and on the state topics."""

    def __init__(self, prefix: str = DEFAULT_DISCOVERY_PREFIX, raw_history: int = 5, *,
                 reader_only: bool = False) -> None:
        """``reader_only``: a fleet that only reads payloads for another one (the ingest process's,
        ``console.core.ha.ingest_process``): it builds no DeviceMeta and emits no add/update events."""
        self.prefix = prefix
        self.reader_only = reader_only
        self._raw_history = raw_history
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._entities: dict[str, HaEntity] = {}
        self._owner: dict[str, str] = {}  # entity key -> device id
        self._devices: dict[str, HaDevice] = {}
        self._token_owner: dict[str, str] = {}  # identity token -> device id
        self._topics: dict[str, set[Ref]] = {}  # state/attribute/availability topic -> refs
        self._merged_away: list[str] = []  # devices merged into another since the last config
        # topic -> what a payload there means: ((ref, device id, reader, capability name, is a value), ...)
        # in capability order, and whether it is a secret; built at the first payload after any config
        # change (configs come in bursts, states all the time)
        self.work_builds = 0  # topics whose work was (re)built: configs arriving between states
        self.states_in = 0  # payloads on state/attribute/availability topics handled (here or read elsewhere)
        # called with (topic, payload) of every discovery message before it is applied: an ingest
        # process keeps its own copy of the configs (console.core.ha.ingest_process)
        self.config_sink: Callable[[str, bytes | str], None] | None = None
        self._remote_refs: dict[str, tuple] = {}  # topic -> the refs apply_read was last sent for it
        self._work: dict[str, tuple[tuple[tuple[Ref, str, Callable[[st.Payload], Any], str, bool], ...], bool]] = {}

    # -- listeners -------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)
        return lambda: self._remove_listener(listener)

    def _remove_listener(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def _emit(self, events: list[FleetEvent]) -> list[FleetEvent]:
        with self._lock:
            listeners = list(self._listeners)
        for event in events:
            for listener in listeners:
                listener(event)
        return events

    # -- queries ---------------------------------------------------------------------------------
    def metas(self) -> list[DeviceMeta]:
        with self._lock:
            return [d.meta for d in self._devices.values()]

    def device(self, device_id: str) -> HaDevice | None:
        """A snapshot copy of one device's record."""
        with self._lock:
            dev = self._devices.get(device_id)
            return dev.snapshot() if dev else None

    def summary(self, device_id: str) -> tuple[dict[str, Any], bool | None, bool, dict[str, str]] | None:
        """What the registry mirrors of a device, without a deep copy: (values, available, whether any
        entity has availability, {manufacturer, model, area}); None if unknown."""
        with self._lock:
            dev = self._devices.get(device_id)
            if dev is None:
                return None
            has_avail = bool(dev.entity_available) or any(
                st.availability_topics(self._entities[k]) for k in dev.entity_keys)
            order = list(dev.meta.capabilities) if dev.meta is not None else []
            values = {n: dev.values[n] for n in order if n in dev.values}
            values.update((n, v) for n, v in dev.values.items() if n not in values)
            return (values, dev.available, has_avail,
                    {"manufacturer": dev.manufacturer, "model": dev.model, "area": dev.suggested_area})

    def errors(self, device_id: str) -> tuple[int, dict[str, int], str]:
        """A device's template errors, cheaply (the table asks at every update of its row): (count,
        count by kind, the last one); (0, {}, "") for an unknown device.

        The common answer, no errors, takes no lock: the GUI thread asks at each row it fills, and
        waiting there for the lock the link's thread holds while it applies a state (then for the
        GIL back) was a stall of the device table.  A dict lookup and an int read are atomic; a
        device with errors is copied under the lock."""
        dev = self._devices.get(device_id)
        if dev is None or not dev.template_errors:
            return 0, {}, ""
        with self._lock:
            dev = self._devices.get(device_id)
            if dev is None or not dev.template_errors:
                return 0, {}, ""
            return dev.template_errors, dict(dev.error_counts), dev.last_error

    def entities(self, device_id: str) -> list[HaEntity]:
        with self._lock:
            dev = self._devices.get(device_id)
            return [self._entities[k] for k in sorted(dev.entity_keys)] if dev else []

    def message_counts(self) -> dict[str, int]:
        """Device id -> payloads received on its topics so far, whatever they said (an unchanged value
        makes no state event): what the alerts' stale rules read, once a second.  The lock is held only
        to copy the device list; each count is one int read (a count a message old is fine)."""
        with self._lock:
            devices = list(self._devices.items())
        return {device_id: dev.messages for device_id, dev in devices}

    def counts(self) -> tuple[int, int]:
        """(devices, entities) known now."""
        with self._lock:
            return len(self._devices), len(self._entities)

    def subscriptions(self) -> set[str]:
        """Every state, attribute and availability topic the fleet listens on."""
        with self._lock:
            return set(self._topics)

    def is_discovery_topic(self, topic: str) -> bool:
        return topic.startswith(self.prefix + "/") and topic.endswith("/config")

    # -- ingest ----------------------------------------------------------------------------------
    def handle(self, topic: str, payload: bytes | str) -> list[FleetEvent]:
        """One received message: a discovery config or a state/availability payload."""
        if self.is_discovery_topic(topic):
            return self.handle_config(topic, payload)
        return self.handle_state(topic, payload)

    def handle_config(self, topic: str, payload: bytes | str) -> list[FleetEvent]:
        """Apply one discovery message; raise ProtocolError (nothing changes) if it is invalid."""
        if self.config_sink is not None:
            self.config_sink(topic, payload)
        result = parse_config(topic, payload, self.prefix)
        touched: set[str] = set()
        gone: list[FleetEvent] = []
        with self._lock:
            self._work = {}
            removed = list(result.removed)
            if result.device_group:
                keep = {e.key for e in result.entities}
                removed += [k for k in self._entities if k.startswith(result.device_group + " ") and k not in keep]
            for key in removed:
                touched.add(self._owner.get(key, ""))
                self._drop_entity(key)
            for entity in result.entities:
                if entity.key in self._entities:
                    touched.add(self._owner[entity.key])
                    self._drop_entity(entity.key)
                touched.add(self._add_entity(entity))
            events = self._refresh(touched - {""}, gone)
            gone += [FleetEvent("removed", d) for d in self._merged_away]  # their entities live on elsewhere
            self._merged_away = []
        return self._emit(gone + events)

    def _add_entity(self, entity: HaEntity) -> str:
        owners = sorted({self._token_owner[t] for t in entity.tokens if t in self._token_owner})
        if owners:
            device_id = owners[0]
            for other in owners[1:]:  # the entity links two known devices: merge them
                self._merge(other, device_id)
        else:
            dev_block = entity.config.get("device") if isinstance(entity.config.get("device"), dict) else {}
            name = str(dev_block.get("name") or entity.config.get("name") or entity.key.split(" ")[-1])
            device_id = device_id_for(name, min(entity.tokens))
            self._devices[device_id] = HaDevice(id=device_id, name=name)
        dev = self._devices[device_id]
        dev.entity_keys.add(entity.key)
        dev.tokens |= entity.tokens
        for token in entity.tokens:
            self._token_owner[token] = device_id
        self._entities[entity.key] = entity
        self._owner[entity.key] = device_id
        for ref, topic in Ref.all_for(entity):
            self._topics.setdefault(topic, set()).add(ref)
        return device_id

    def _merge(self, src: str, dst: str) -> None:
        moving = self._devices.pop(src)
        self._merged_away.append(src)
        for key in moving.entity_keys:
            self._owner[key] = dst
        for token in moving.tokens:
            self._token_owner[token] = dst
        self._devices[dst].absorb(moving)

    def _drop_entity(self, key: str) -> None:
        entity = self._entities.pop(key, None)
        device_id = self._owner.pop(key, None)
        if entity is None or device_id is None:
            return
        for ref, topic in Ref.all_for(entity):
            refs = self._topics.get(topic)
            if refs is not None:
                refs.discard(ref)
                if not refs:
                    del self._topics[topic]
        dev = self._devices[device_id]
        dev.entity_keys.discard(key)
        dev.forget_entity(key)

    def _refresh(self, device_ids: set[str], gone: list[FleetEvent]) -> list[FleetEvent]:
        events = []
        for device_id in sorted(device_ids):
            dev = self._devices.get(device_id)
            if dev is None:
                continue
            if not dev.entity_keys:
                for token in dev.tokens:
                    if self._token_owner.get(token) == device_id:
                        del self._token_owner[token]
                del self._devices[device_id]
                gone.append(FleetEvent("removed", device_id))
                continue
            if self.reader_only:
                continue
            kind = "added" if dev.meta is None else "updated"
            dev.meta = build_meta(dev, [self._entities[k] for k in sorted(dev.entity_keys)])
            events.append(FleetEvent(kind, device_id, meta=dev.meta))
        return events

    def handle_state(self, topic: str, payload: bytes | str) -> list[FleetEvent]:
        """Apply one payload on a state/attribute/availability topic; template errors become events."""
        self.states_in += 1
        text, work, readings = self.read_state(topic, payload)
        if not readings:
            return []
        with self._lock:
            # a password text entity's topic: the raw payloads dialog does not show it
            events = self._apply(topic, "••••••" if work[1] else text, readings)
        return self._emit(events) if events else events

    def _work_for(self, topic: str):
        """What a payload on ``topic`` means (built at its first payload after a config change)."""
        with self._lock:
            work = self._work.get(topic)
            if work is None:
                self.work_builds += 1
                refs = sorted(self._topics.get(topic, ()), key=lambda r: _order(r, self._entities[r.key]))
                work = self._work[topic] = (tuple(
                    (ref, self._owner[ref.key], _reader(ref, self._entities[ref.key]),
                     *_target(ref, self._entities[ref.key])) for ref in refs),
                    any(_secret(self._entities[r.key]) for r in refs))
        return work

    def read_state(self, topic: str, payload: bytes | str) -> tuple[str, tuple, list[tuple]]:
        """The reading half of :meth:`handle_state`, nothing applied: (the payload's text, the topic's
        work, readings ``(ref, device id, value or NO_VALUE, TemplateError or None, name, shown)``).
        The JSON is parsed once and every template of the topic evaluated; no lock is held meanwhile."""
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        work = self._work_for(topic)
        entries = work[0]
        if not entries:
            return text, work, []
        message = st.Payload(text)  # parsed once, for every template that reads it
        readings = []
        for ref, device_id, read, name, shown in entries:
            try:
                readings.append((ref, device_id, read(message), None, name, shown))
            except TemplateError as exc:
                readings.append((ref, device_id, st.NO_VALUE, exc, name, shown))
        return text, work, readings

    def apply_read(self, batch: list[tuple[str, str, tuple | None, tuple]]) -> list[FleetEvent]:
        """Apply readings made elsewhere (another process's :meth:`read_state` on the same configs:
        ``console.core.ha.ingest_process``): each item ``(topic, text, refs, values)``, ``values[i]`` the
        reading of ``refs[i]``: a value, NO_VALUE or an error (``for_entity`` and ``kind``, as a
        TemplateError); ``refs`` None: the same refs as the last item of that topic (the reader sends
        them again only after a config changed them).  What :meth:`handle_state` would have done with
        the same payloads, in order: values, availability, raw payloads, message counts and error
        counts; one emit for the batch.  Refs this fleet does not know (a config that changed
        meanwhile) are skipped.  The batch is applied in one go (a 20 Hz batch is a few ms of Python;
        offering the interpreter lock between chunks of it measured no better, session 4's ingest runs)."""
        events: list[FleetEvent] = []
        for topic, text, refs, values in batch:
            self.states_in += 1
            if refs is None:
                refs = self._remote_refs.get(topic, ())
            else:
                self._remote_refs[topic] = refs
            work = self._work_for(topic)
            entries = work[0]
            if len(entries) == len(refs) and all(e[0] == r for e, r in zip(entries, refs)):
                matched = zip(entries, values)
            else:  # the configs moved on since: match by ref
                by_ref = {e[0]: e for e in entries}
                matched = [(by_ref[r], v) for r, v in zip(refs, values) if r in by_ref]
            readings = []
            for (ref, device_id, _read, name, shown), value in matched:
                if isinstance(value, Exception):
                    readings.append((ref, device_id, st.NO_VALUE, value, name, shown))
                else:
                    readings.append((ref, device_id, value, None, name, shown))
            if readings:
                with self._lock:
                    events += self._apply(topic, "••••••" if work[1] else text, readings)
        return self._emit(events) if events else events

    def _apply(self, topic: str, text: str, readings: list[tuple]) -> list[FleetEvent]:
        changed: dict[str, dict[str, Any]] = {}
        avail_changed: set[str] = set()
        errors: list[FleetEvent] = []
        remembered: set[str] = set()  # one raw payload per device, however many of its entities read it
        for ref, device_id, value, error, name, shown in readings:
            dev = self._devices.get(device_id)
            entity = self._entities.get(ref.key)
            if dev is None or entity is None:
                continue
            if device_id not in remembered:
                remembered.add(device_id)
                dev.remember(topic, text, self._raw_history)
            if error is not None:
                dev.note_error(error.for_entity(entity.key))
                errors.append(FleetEvent("error", device_id, error=str(dev.last_error)))
            elif shown:  # a capability's value (the common case, without dev.apply's lookups)
                if value is not st.NO_VALUE and dev.values.get(name, st.NO_VALUE) != value:
                    dev.values[name] = value
                    changed.setdefault(device_id, {})[name] = value
            elif dev.apply(ref, entity, topic, value):
                if ref.role == "availability":
                    avail_changed.add(device_id)
                else:
                    changed.setdefault(device_id, {}).update(dev.changed_values(ref, entity, value))
        events = errors + [FleetEvent("state", d, values=v) for d, v in changed.items() if v]
        events += [FleetEvent("availability", d, available=self._devices[d].available) for d in avail_changed]
        return events

    # -- commands ----------------------------------------------------------------------------------
    def commands(self, device_id: str, params: dict[str, Any]) -> list[Publish]:
        """The publishes for validated params (capability name -> value) of one device."""
        with self._lock:
            dev = self._devices.get(device_id)
            if dev is None:
                raise ProtocolError(f"no discovered device {device_id!r}")
            grouped = dev.route(params, self._entities)
        out: list[Publish] = []
        for entity, values in grouped:
            out.extend(entity_commands(entity, values))
        return out

    def optimistic(self, device_id: str, params: dict[str, Any]) -> bool:
        with self._lock:
            dev = self._devices.get(device_id)
            grouped = dev.route(params, self._entities) if dev else []
        return any(is_optimistic(e, f) for e, values in grouped for f in values)

    def confirms(self, device_id: str, params: dict[str, Any]) -> bool:
        """Whether the device's current state shows every requested value."""
        with self._lock:
            dev = self._devices.get(device_id)
            if dev is None:
                return False
            grouped = dev.route(params, self._entities)
            current = dict(dev.values)
        for entity, values in grouped:
            for feature, want in values.items():
                name = entity.names.get(feature, feature)
                cap = dev.meta.capabilities.get(name) if dev.meta else None
                have = current.get(name, st.NO_VALUE)
                if cap is None or not st.close_enough(cap.type, want, have, tolerance(entity, feature)):
                    return False
        return True


_ROLE_ORDER = {"availability": 0, "attributes": 1, "state": 2}


def _order(ref: Ref, entity: HaEntity) -> tuple:
    """Readings in the order of the device's capabilities (entity key, then its specs' order): the
    values reach the registry, and the State column, as power, brightness, ... not alphabetically."""
    index = next((i for i, s in enumerate(entity.specs) if s.feature == ref.feature), len(entity.specs))
    return ref.key, _ROLE_ORDER.get(ref.role, 3), index, ref.index


def _secret(entity: HaEntity | None) -> bool:
    return entity is not None and entity.component == "text" and entity.config.get("mode") == "password"


def _target(ref: Ref, entity: HaEntity) -> tuple[str, bool]:
    """(capability name, True) for a state that is a capability's value; ("", False) for the rest
    (availability, attributes, text sensors kept as attributes), which HaDevice.apply handles."""
    if ref.role != "state":
        return "", False
    spec = next((s for s in entity.specs if s.feature == ref.feature), None)
    if spec is None or spec.decode == "text":
        return "", False
    return entity.names.get(ref.feature, ref.feature), True


def _reader(ref: Ref, entity: HaEntity) -> Callable[[st.Payload], Any]:
    """What a payload on the ref's topic reads as (built once per topic and config; see handle_state)."""
    if ref.role == "availability":
        topics = st.availability_topics(entity)
        if ref.index >= len(topics):
            return lambda message: st.NO_VALUE
        entry = topics[ref.index]
        return lambda message: st.read_availability(entry, message)
    if ref.role == "attributes":
        return lambda message: st.json_attributes(entity, message)
    spec = next((s for s in entity.specs if s.feature == ref.feature), None)
    if spec is None:
        return lambda message: st.NO_VALUE
    return st.make_reader(entity, spec)
