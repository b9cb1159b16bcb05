"""Reading state and availability of discovered entities from their MQTT payloads.

Owns: :func:`decode` (a payload on a capability's state topic -> the capability's value, through its
value template and the config's state/payload strings, Zigbee2MQTT quirks included),
:func:`json_attributes`, and availability: :func:`availability_topics`, :func:`read_availability`
and :func:`combine_availability` (modes all/any/latest, and the older single availability_topic).
Template failures raise TemplateError; nothing here keeps state.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from console.core.ha.model import CapSpec, HaEntity, number, text
from console.core.ha.sandbox import LIMITS
from console.core.ha.templates import NOT_JSON, TemplateError, compile_template, parse_json



class _NoValue:
    """The one "no value" marker; pickled by name, so it is the same object in another process
    (the ingest process sends readings that carry it, ``console.core.ha.ingest_process``)."""

    __slots__ = ()

    def __reduce__(self) -> str:
        return "NO_VALUE"

    def __repr__(self) -> str:
        return "NO_VALUE"


NO_VALUE = _NoValue()
_NONE_WORDS = frozenset({"", "None", "none", "null", "unknown", "unavailable"})


class Payload:
    """One received payload, its JSON parsed at most once however many templates read it."""

    __slots__ = ("text", "_json")

    def __init__(self, text: str) -> None:
        self.text = text
        self._json: Any = None

    @property
    def json(self) -> Any:
        """The parsed JSON, or NOT_JSON."""
        if self._json is None:  # past the sandbox's payload limit: the templates refuse it anyway
            self._json = parse_json(self.text) if len(self.text) <= LIMITS.payload_chars else NOT_JSON
        return self._json


def as_payload(payload: "str | Payload") -> Payload:
    return payload if isinstance(payload, Payload) else Payload(payload)


def render(template: str | None, payload: "str | Payload") -> str:
    if isinstance(payload, Payload):
        if template is None:
            return payload.text
        return compile_template(template).render_value(payload.text, parsed=payload.json)
    return payload if template is None else compile_template(template).render_value(payload)


def _onoff(c: dict[str, Any], rendered: str, on_key: str, off_key: str, on: str, off: str) -> Any:
    """Compare with state_on/state_off (defaulting to payload_on/off); HA's str(False) == 'False'."""
    state_on = text(c.get(on_key, c.get(on.split(":")[0], on.split(":")[1])))
    state_off = text(c.get(off_key, c.get(off.split(":")[0], off.split(":")[1])))
    if rendered == state_on:
        return True
    if rendered == state_off:
        return False
    return NO_VALUE


def _scaled(raw: Any, lo: float, hi: float) -> Any:
    value = number(raw, None)
    if value is None or hi == lo:
        return NO_VALUE
    return int(round(max(0.0, min(100.0, (value - lo) * 100.0 / (hi - lo)))))


def _json_field(payload: "str | Payload", name: str) -> Any:
    obj = as_payload(payload).json
    return obj.get(name, NO_VALUE) if isinstance(obj, dict) else NO_VALUE


def _decode_json_light(entity: HaEntity, spec: CapSpec, payload: Payload) -> Any:
    field = spec.decode.split(":", 1)[1]
    raw = _json_field(payload, field)
    if raw is NO_VALUE or raw is None:
        return NO_VALUE
    if field == "state":
        return {"ON": True, "OFF": False}.get(str(raw), NO_VALUE)
    return _typed(spec, str(raw))


def _typed(spec: CapSpec, rendered: str) -> Any:
    """A rendered string as the capability's type, or NO_VALUE if it is not one."""
    if rendered.strip() in _NONE_WORDS:
        return NO_VALUE
    cap = spec.cap
    if cap.type == "enum":
        return rendered if rendered in cap.values else NO_VALUE
    if cap.type == "bool":
        return {"true": True, "false": False, "on": True, "off": False}.get(rendered.strip().lower(), NO_VALUE)
    value = number(rendered.strip(), None)
    if value is None:
        return NO_VALUE
    if cap.type == "int":
        return int(round(value))
    return value


def _by_state_words(c: dict[str, Any], rendered: str, words: dict[str, tuple[str, Any]]) -> Any:
    for key, (default, value) in words.items():
        if rendered == text(c.get(key, default)):
            return value
    return NO_VALUE


def decode(entity: HaEntity, spec: CapSpec, payload: "str | Payload") -> Any:
    """The capability value a payload on ``spec.state_topic`` carries, or NO_VALUE."""
    return make_reader(entity, spec)(as_payload(payload))


def make_reader(entity: HaEntity, spec: CapSpec) -> Callable[[Payload], Any]:
    """:func:`decode` for one capability, its template and constants looked up once (the ingest of
    thousands of states a second reads through these); raises TemplateError as decode does."""
    if spec.decode.startswith("json:"):
        return lambda payload: _decode_json_light(entity, spec, payload)
    c = entity.config
    try:
        template = compile_template(spec.template) if spec.template else None
    except TemplateError as exc:  # raised again at each payload, where it is counted
        error = exc

        def failing(payload: Payload) -> Any:
            raise type(error)(error.detail, source=error.source, payload=payload.text)

        return failing
    kind = spec.decode
    if kind == "onoff":
        on = text(c.get("state_on", c.get("payload_on", "ON")))
        off = text(c.get("state_off", c.get("payload_off", "OFF")))
        words = {on: True, off: False} if on != off else {on: True}

        def onoff(payload: Payload) -> Any:
            rendered = payload.text if template is None else template.render_value(payload.text, parsed=payload.json)
            return words.get(rendered, NO_VALUE)

        return onoff
    if kind in ("number", "enum") or (kind == "brightness"):
        def typed(payload: Payload) -> Any:
            rendered = payload.text if template is None else template.render_value(payload.text, parsed=payload.json)
            return _typed(spec, rendered)

        return typed

    def general(payload: Payload) -> Any:
        rendered = payload.text if template is None else template.render_value(payload.text, parsed=payload.json)
        return _decode_rendered(c, spec, rendered)

    return general


def _decode_rendered(c: dict[str, Any], spec: CapSpec, rendered: str) -> Any:
    kind = spec.decode
    if kind == "onoff":
        return _onoff(c, rendered, "state_on", "state_off", "payload_on:ON", "payload_off:OFF")
    if kind == "template_onoff":  # a template light's state_template renders exactly "on" or "off"
        return {"on": True, "off": False}.get(rendered, NO_VALUE)
    if kind == "siren":
        raw = _json_field(rendered, "state")
        return _onoff(c, rendered if raw is NO_VALUE else str(raw), "state_on", "state_off",
                      "payload_on:ON", "payload_off:OFF")
    if kind == "oscillation":
        return _onoff(c, rendered, "payload_oscillation_on", "payload_oscillation_off",
                      "payload_oscillation_on:oscillate_on", "payload_oscillation_off:oscillate_off")
    if kind == "lock":
        return _by_state_words(c, rendered, {"state_locked": ("LOCKED", True), "state_unlocked": ("UNLOCKED", False)})
    if kind in ("cover", "valve"):
        return _by_state_words(c, rendered, {"state_open": ("open", True), "state_closed": ("closed", False)})
    if kind in ("position", "valve_position"):
        return _scaled(rendered, number(c.get("position_closed"), 0) or 0, number(c.get("position_open"), 100))
    if kind == "brightness":
        return _typed(spec, rendered)
    if kind == "fan_pct":
        lo = number(c.get("speed_range_min"), 1) or 1
        hi = number(c.get("speed_range_max"), 100) or 100
        raw = number(rendered, None)
        if raw is None:
            return NO_VALUE
        return 0 if raw <= 0 else int(round(max(0.0, min(100.0, (raw - lo + 1) * 100.0 / (hi - lo + 1)))))
    if kind == "text":
        return rendered if rendered.strip() not in _NONE_WORDS else NO_VALUE
    return _typed(spec, rendered)


def json_attributes(entity: HaEntity, payload: "str | Payload") -> dict[str, Any]:
    """The JSON attributes a payload on json_attributes_topic carries (through its template)."""
    payload = as_payload(payload)
    template = entity.config.get("json_attributes_template")
    if isinstance(template, str) and template:
        obj = parse_json(render(template, payload))
    else:
        obj = payload.json
    if obj is NOT_JSON:
        return {}
    if not isinstance(obj, dict):
        return {}
    return {str(k): v for k, v in list(obj.items())[:64] if isinstance(v, (str, int, float, bool)) or v is None}


def availability_topics(entity: HaEntity) -> list[dict[str, Any]]:
    """Availability entries: the list form, else the single availability_topic, else none."""
    c = entity.config
    avty = c.get("availability")
    if isinstance(avty, list) and avty:
        return [a for a in avty if isinstance(a, dict) and isinstance(a.get("topic"), str) and a["topic"]]
    if isinstance(c.get("availability_topic"), str) and c["availability_topic"]:
        return [{
            "topic": c["availability_topic"],
            "payload_available": c.get("payload_available", "online"),
            "payload_not_available": c.get("payload_not_available", "offline"),
            "value_template": c.get("availability_template"),
        }]
    return []


def read_availability(entry: dict[str, Any], payload: "str | Payload") -> bool | None:
    """True/False for the entry's available/not-available payload, None for anything else."""
    template = entry.get("value_template")
    rendered = render(template if isinstance(template, str) and template else None, payload)
    if rendered == text(entry.get("payload_available", "online")):
        return True
    if rendered == text(entry.get("payload_not_available", "offline")):
        return False
    return None


def combine_availability(mode: Any, seen: dict[str, bool], topics: list[str], latest: bool | None) -> bool | None:
    """Entity availability from the per-topic readings (None: no availability configured)."""
    if not topics:
        return None
    if mode == "any":
        return any(seen.get(t, False) for t in topics)
    if mode == "latest":
        return bool(latest)
    return all(seen.get(t, False) for t in topics)


def close_enough(cap_type: str, want: Any, have: Any, tolerance: float = 0.0) -> bool:
    """Whether a state value shows a requested value (numbers within ``tolerance``)."""
    if cap_type in ("int", "float") and isinstance(want, (int, float)) and isinstance(have, (int, float)):
        return math.isclose(float(want), float(have), abs_tol=max(tolerance, 1e-6))
    return want == have
