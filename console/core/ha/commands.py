"""Commands for discovered entities: exactly the publishes their config describes.

Owns: :class:`Publish` and :func:`entity_commands` (validated feature values -> the list of
(topic, payload bytes, qos, retain) to send: bare payload strings, JSON for ``schema: json`` lights,
the on/off templates of ``schema: template`` lights, ``text`` values checked against min/max/pattern,
``command_template``s, the per-feature command topics), plus :func:`is_optimistic` and
:func:`tolerance`, which success detection uses.  No I/O.
"""

from __future__ import annotations

import json
import math

import regex
from dataclasses import dataclass
from typing import Any

from console.core.ha.model import HaEntity, number, text
from console.core.ha.templates import render_command
from console.core.protocol import INT_LIMIT, ProtocolError


@dataclass(frozen=True)
class Publish:
    topic: str
    payload: bytes
    qos: int = 0
    retain: bool = False


def _topic(entity: HaEntity, key: str) -> str:
    topic = entity.config.get(key)
    if not isinstance(topic, str) or not topic or "+" in topic or "#" in topic or "\0" in topic:
        raise ProtocolError(f"{entity.key}: no valid {key} to publish to (got {topic!r})")
    return topic


def _send(entity: HaEntity, topic_key: str, value: Any, template_key: str | None = None, **variables: Any) -> Publish:
    """Render ``value`` through the config's template (if any) and address it to ``topic_key``."""
    c = entity.config
    template = c.get(template_key) if template_key else None
    if isinstance(template, str) and template:
        body = render_command(template, value, **variables)
    elif isinstance(value, str):
        body = value
    else:
        body = text(value)
    qos = c.get("qos", 0)
    qos = qos if isinstance(qos, int) and not isinstance(qos, bool) and 0 <= qos <= 2 else 0
    encoding = c.get("encoding") if isinstance(c.get("encoding"), str) and c.get("encoding") else "utf-8"
    try:
        data = body.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        data = body.encode("utf-8")
    return Publish(_topic(entity, topic_key), data, qos, c.get("retain") is True)


def _bound(value: Any, default: float) -> float:
    """One end of a range a config gives (``speed_range_max``, ``position_open``): a number within
    the protocol's ±INT_LIMIT, else ``default`` (1e308 would overflow the arithmetic that maps a
    value onto the range: OverflowError instead of a publish)."""
    out = number(value, default)
    return default if out is None or abs(out) > INT_LIMIT else out


def _num_text(value: float) -> Any:
    """HA publishes whole numbers without a fraction for numbers, as is for floats."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _to_range(pct: float, lo: float, hi: float) -> float:
    return lo + (hi - lo) * pct / 100.0


def _json_light(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    c = entity.config
    body: dict[str, Any] = {"state": "OFF" if values.get("power") is False else "ON"}
    if body["state"] == "ON":
        if "brightness" in values:
            body["brightness"] = int(values["brightness"])
        if "color_temp" in values:
            body["color_temp"] = int(values["color_temp"])
        if "effect" in values:
            body["effect"] = values["effect"]
    payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    return [_send(entity, "command_topic", payload)]


def _template_light(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    """``schema: template``: the config's on/off template, with HA's variables (state, brightness,
    color_temp, effect: those the command sets), rendered into one publish on command_topic."""
    if values.get("power") is False:
        return [_send(entity, "command_topic", "off", "command_off_template", state="off")]
    variables: dict[str, Any] = {"state": "on"}
    for feature in ("brightness", "color_temp"):
        if feature in values:
            variables[feature] = int(values[feature])
    if "effect" in values:
        variables["effect"] = values["effect"]
    return [_send(entity, "command_topic", "on", "command_on_template", **variables)]


def text_command(entity: HaEntity, value: Any) -> Publish:
    """A ``text`` entity's publish, once the value passes its ``min``/``max`` length and ``pattern``
    (checked with a time limit: the pattern comes from the network).  ProtocolError says why not."""
    c, value = entity.config, str(value)
    lo, hi = number(c.get("min"), 0) or 0, number(c.get("max"), 255)
    hi = 255 if hi is None else hi
    if not lo <= len(value) <= hi:
        raise ProtocolError(f"{entity.key}: text must have {lo:g} to {hi:g} characters, not {len(value)}")
    pattern = c.get("pattern")
    if isinstance(pattern, str) and pattern:
        try:
            ok = regex.fullmatch(pattern, value, timeout=0.05) is not None
        except regex.error as exc:
            raise ProtocolError(f"{entity.key}: its pattern {pattern[:80]!r} is not a valid regular expression: "
                                f"{exc}") from None
        except TimeoutError:
            raise ProtocolError(f"{entity.key}: its pattern {pattern[:80]!r} took too long to check") from None
        if not ok:
            raise ProtocolError(f"{entity.key}: {value[:80]!r} does not match the pattern {pattern[:80]!r}")
    return _send(entity, "command_topic", value, "command_template")


def _light(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    c = entity.config
    if c.get("schema") == "json":
        return _json_light(entity, values)
    if c.get("schema") == "template":
        return _template_light(entity, values)
    if values.get("power") is False:
        return [_send(entity, "command_topic", text(c.get("payload_off", "OFF")))]
    on_off = _send(entity, "command_topic", text(c.get("payload_on", "ON")))
    features: list[Publish] = []
    if "brightness" in values:
        features.append(_send(entity, "brightness_command_topic", int(values["brightness"]),
                              "brightness_command_template"))
    if "color_temp" in values:
        features.append(_send(entity, "color_temp_command_topic", int(values["color_temp"]),
                              "color_temp_command_template"))
    if "effect" in values:
        features.append(_send(entity, "effect_command_topic", values["effect"], "effect_command_template"))
    mode = c.get("on_command_type", "last")
    if mode == "brightness" and "brightness" in values:
        return features
    return [on_off, *features] if mode == "first" else [*features, on_off]


def _fan(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    c, out = entity.config, []
    if "power" in values:
        payload = text(c.get("payload_on" if values["power"] else "payload_off", "ON" if values["power"] else "OFF"))
        out.append(_send(entity, "command_topic", payload, "command_template"))
    if "speed" in values:
        lo, hi = _bound(c.get("speed_range_min"), 1) or 1, _bound(c.get("speed_range_max"), 100) or 100
        pct = values["speed"]
        raw = 0 if pct <= 0 else math.ceil(lo - 1 + (hi - lo + 1) * pct / 100.0)
        out.append(_send(entity, "percentage_command_topic", raw, "percentage_command_template"))
    if "preset" in values:
        out.append(_send(entity, "preset_mode_command_topic", values["preset"], "preset_mode_command_template"))
    if "oscillating" in values:
        key = "payload_oscillation_on" if values["oscillating"] else "payload_oscillation_off"
        out.append(_send(entity, "oscillation_command_topic",
                         text(c.get(key, "oscillate_on" if values["oscillating"] else "oscillate_off")),
                         "oscillation_command_template"))
    return out


def _climate(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    c, out = entity.config, []
    table = {"mode": ("mode_command_topic", "mode_command_template"),
             "setpoint": ("temperature_command_topic", "temperature_command_template"),
             "preset": ("preset_mode_command_topic", "preset_mode_command_template"),
             "fan_mode": ("fan_mode_command_topic", "fan_mode_command_template")}
    for feature, (topic, template) in table.items():
        if feature in values:
            out.append(_send(entity, topic, values[feature], template))
    if "power" in values:
        payload = text(c.get("payload_on" if values["power"] else "payload_off", "ON" if values["power"] else "OFF"))
        out.append(_send(entity, "power_command_topic", payload, "power_command_template"))
    return out


def _pick(entity: HaEntity, flag: bool, on_key: str, on: str, off_key: str, off: str) -> str:
    return text(entity.config.get(on_key, on)) if flag else text(entity.config.get(off_key, off))


def _simple(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    """switch, lock, siren, cover, valve, number, select, button."""
    comp, c, out = entity.component, entity.config, []
    for feature, value in values.items():
        if comp == "switch":
            out.append(_send(entity, "command_topic", _pick(entity, value, "payload_on", "ON", "payload_off", "OFF"),
                             "command_template"))
        elif comp == "lock" and feature == "locked":
            payload = _pick(entity, value, "payload_lock", "LOCK", "payload_unlock", "UNLOCK")
            out.append(_send(entity, "command_topic", payload, "command_template"))
        elif comp == "lock" and feature == "unlatch":
            out.append(_send(entity, "command_topic", text(c.get("payload_open", "OPEN")), "command_template"))
        elif comp == "siren" and feature == "active":
            out.append(_siren(entity, value, values.get("tone")))
        elif comp in ("cover", "valve") and feature == "open":
            payload = _pick(entity, value, "payload_open", "OPEN", "payload_close", "CLOSE")
            out.append(_send(entity, "command_topic", payload, "command_template" if comp == "valve" else None))
        elif comp in ("cover", "valve") and feature == "stop":
            out.append(_send(entity, "command_topic", text(c.get("payload_stop", "STOP")),
                             "command_template" if comp == "valve" else None))
        elif comp in ("cover", "valve") and feature == "position":
            lo, hi = _bound(c.get("position_closed"), 0) or 0, _bound(c.get("position_open"), 100)
            raw = _num_text(float(round(_to_range(value, lo, hi))))
            topic, template = (("set_position_topic", "set_position_template") if comp == "cover"
                               else ("command_topic", "command_template"))
            out.append(_send(entity, topic, raw, template, position=raw))
        elif comp == "number":
            out.append(_send(entity, "command_topic", _num_text(float(value)), "command_template"))
        elif comp == "select":
            out.append(_send(entity, "command_topic", value, "command_template"))
        elif comp == "text":
            out.append(text_command(entity, value))
        elif comp == "button":
            out.append(_send(entity, "command_topic", text(c.get("payload_press", "PRESS")), "command_template"))
        elif not (comp == "siren" and feature == "tone"):
            raise ProtocolError(f"{entity.key}: cannot command {feature}")
    return out


def _siren(entity: HaEntity, on: bool, tone: Any) -> Publish:
    c = entity.config
    payload = _pick(entity, on, "payload_on", "ON", "payload_off", "OFF")
    template_key = "command_off_template" if not on and c.get("command_off_template") else "command_template"
    variables = {"tone": tone} if tone is not None else {}
    if isinstance(c.get(template_key), str) and c.get(template_key):
        return _send(entity, "command_topic", payload, template_key, **variables)
    body = json.dumps({"state": payload, **variables}, separators=(",", ":"), ensure_ascii=False)
    return _send(entity, "command_topic", body)


def entity_commands(entity: HaEntity, values: dict[str, Any]) -> list[Publish]:
    """The publishes for validated ``{feature: value}`` of one entity, in the order to send them."""
    if not values:
        return []
    if entity.component == "light":
        return _light(entity, values)
    if entity.component == "fan":
        return _fan(entity, values)
    if entity.component == "climate":
        return _climate(entity, values)
    if entity.component == "siren" and "tone" in values and "active" not in values:
        values = {"active": True, **values}
    return _simple(entity, values)


def is_optimistic(entity: HaEntity, feature: str) -> bool:
    """True when nothing will ever show the feature's state: the command is only DELIVERED."""
    spec = next((s for s in entity.specs if s.feature == feature), None)
    return spec is None or spec.state_topic is None or entity.config.get("optimistic") is True


def tolerance(entity: HaEntity, feature: str) -> float:
    """How far a numeric state may be from the requested value and still confirm it."""
    if feature in ("brightness", "speed", "position"):
        return 1.0
    step = number(entity.config.get("temp_step" if feature == "setpoint" else "step"), None)
    return (step / 2.0) if step else 0.01
