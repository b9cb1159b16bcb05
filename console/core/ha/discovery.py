"""Parsing discovery messages into entities: per-component and device-based (``dev``/``o``/``cmps``).

Owns: payload decoding and size limit, abbreviation and ``~`` treatment (via abbreviations.py), the
options a device-based payload shares with its components, and :func:`build_entity`, which turns one
normalised config into an :class:`HaEntity` with its capability specs.  Pure: no state kept here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from console.core.ha.abbreviations import expand, replace_base_topic
from console.core.ha.checks import check_config
from console.core.ha.model import MAX_STEM, CapSpec, HaEntity, device_tokens, entity_risk, entity_stem, slug
from console.core.ha.platforms_simple import BUILDERS, MAIN_FEATURE
from console.core.ha.topics import COMPONENTS, DEFAULT_DISCOVERY_PREFIX, DEVICE_COMPONENT, parse_discovery_topic
from console.core.protocol import ProtocolError

MAX_CONFIG_BYTES = 262_144
SHARED_OPTIONS = (
    "device", "origin", "availability", "availability_mode", "availability_template", "availability_topic",
    "payload_available", "payload_not_available", "qos", "encoding", "state_topic", "command_topic", "~",
)


@dataclass
class DiscoveryResult:
    """What one discovery message means: entities to add or update, keys to remove."""

    entities: list[HaEntity] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    device_group: str = ""  # device-based discovery: the group all of its entity keys start with


def _decode(payload: bytes | str) -> str:
    if isinstance(payload, bytes):
        if len(payload) > MAX_CONFIG_BYTES:
            raise ProtocolError(f"discovery config of {len(payload)} bytes is over {MAX_CONFIG_BYTES}")
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolError(f"discovery config is not UTF-8: {exc}") from None
    if len(payload) > MAX_CONFIG_BYTES:
        raise ProtocolError(f"discovery config of {len(payload)} characters is over {MAX_CONFIG_BYTES}")
    return payload


def _load_object(text: str) -> dict[str, Any]:
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError(f"discovery config is not JSON: {exc}") from None
    if not isinstance(obj, dict):
        raise ProtocolError("discovery config must be a JSON object")
    return obj


def parse_config(topic: str, payload: bytes | str, prefix: str = DEFAULT_DISCOVERY_PREFIX) -> DiscoveryResult:
    """Interpret one message on a discovery topic; raise ProtocolError for one that is not valid."""
    where = parse_discovery_topic(topic, prefix)
    text = _decode(payload)
    if where.component == DEVICE_COMPONENT:
        return _device_based(where.key, where.object_id, text)
    if not text.strip():
        return DiscoveryResult(removed=[where.key])
    config = replace_base_topic(expand(_load_object(text)))
    object_id = str(config.get("object_id") or where.object_id)
    return DiscoveryResult(entities=[build_entity(where.key, where.component, config, object_id)])


def _device_based(group: str, object_id: str, text: str) -> DiscoveryResult:
    result = DiscoveryResult(device_group=group)
    if not text.strip():
        return result  # the whole device goes: the fleet removes every key of the group
    payload = expand(_load_object(text))
    comps = payload.get("components")
    if not isinstance(comps, dict):
        raise ProtocolError(f"device discovery {object_id!r} has no components (cmps) object")
    shared = {k: payload[k] for k in SHARED_OPTIONS if k in payload}
    for comp_id, conf in comps.items():
        key = f"{group} {comp_id}"
        if not isinstance(conf, dict) or conf.get("platform") not in COMPONENTS:
            raise ProtocolError(f"component {comp_id!r} of {object_id!r} has no supported platform (p)")
        platform = conf["platform"]
        if set(conf) == {"platform"}:
            result.removed.append(key)
            continue
        merged = replace_base_topic({**shared, **{k: v for k, v in conf.items() if k != "platform"}})
        oid = str(merged.get("object_id") or "")  # unnamed components take the device's name
        result.entities.append(build_entity(key, platform, merged, oid))
    return result


def _namer(stem: str, component: str, device_class: str):
    main = MAIN_FEATURE[component]

    def name(feature: str) -> str:
        if feature == main or (feature == "value" and component in ("sensor", "binary_sensor", "text")):
            if stem:
                return stem
            if feature == "value":
                return slug(device_class)[:MAX_STEM].strip("_") or component
            return feature
        return f"{stem}_{feature}" if stem else feature

    return name


def _clean(spec: CapSpec, risk: str) -> CapSpec:
    """Topics and templates that are non-empty strings or None; the capability carries the entity's risk."""
    topic = spec.state_topic if isinstance(spec.state_topic, str) and spec.state_topic else None
    template = spec.template if isinstance(spec.template, str) and spec.template else None
    cap = spec.cap if spec.cap.risk == risk else replace(spec.cap, risk=risk)
    if topic is spec.state_topic and template is spec.template and cap is spec.cap:
        return spec
    return replace(spec, state_topic=topic, template=template, cap=cap)


def build_entity(key: str, component: str, config: dict[str, Any], object_id: str) -> HaEntity:
    """One normalised config -> HaEntity; raise ProtocolError if it cannot be one."""
    check_config(key, config)  # topics and text fields (checks.py)
    device = config.get("device") if isinstance(config.get("device"), dict) else {}
    tokens = device_tokens(device)
    if not tokens:
        uid = config.get("unique_id")
        tokens = frozenset({f"uid:{uid}" if isinstance(uid, (str, int)) and str(uid) else f"key:{key}"})
    device_name = str(device.get("name") or config.get("name") or object_id)
    device_class = str(config.get("device_class") or "") if isinstance(config.get("device_class"), str) else ""
    stem = entity_stem(config, device_name, object_id)
    risk = entity_risk(component, device_class)
    try:
        specs = [_clean(s, risk) for s in BUILDERS[component](config, _namer(stem, component, device_class))]
    except (TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise ProtocolError(f"{component} config {key!r} is malformed: {exc}") from None
    return HaEntity(key=key, component=component, config=config, stem=stem, specs=specs, tokens=tokens,
                    risk=risk, device_class=device_class)
