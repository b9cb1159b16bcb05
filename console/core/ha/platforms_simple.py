"""Capabilities of the single-feature platforms: switch, lock, siren, cover, valve, sensor,
binary_sensor, number, select, button and text.

Owns: turning one normalised config of these components into its :class:`CapSpec` list, and
:data:`BUILDERS`, the component -> builder table (the rich platforms included).
"""

from __future__ import annotations

from typing import Any, Callable

from console.core.ha.model import CapSpec, number
from console.core.ha.platforms_rich import Namer, _strs, climate, fan, light
from console.core.protocol import Capability

NUMERIC_SENSOR_CLASSES = frozenset({
    "apparent_power", "aqi", "atmospheric_pressure", "battery", "carbon_dioxide", "carbon_monoxide",
    "current", "distance", "energy", "frequency", "gas", "humidity", "illuminance", "irradiance",
    "moisture", "pm1", "pm10", "pm25", "power", "power_factor", "precipitation", "pressure",
    "reactive_power", "signal_strength", "sound_pressure", "speed", "temperature", "voltage", "volume",
    "volatile_organic_compounds", "water", "weight", "wind_speed",
})


def switch(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    cap = Capability(name("power"), "bool", bool(c.get("command_topic")))
    return [CapSpec("power", cap, c.get("state_topic"), c.get("value_template"), "onoff")]


def lock(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    specs = [CapSpec("locked", Capability(name("locked"), "bool", bool(c.get("command_topic"))),
                     c.get("state_topic"), c.get("value_template"), "lock")]
    if c.get("payload_open") and c.get("command_topic"):
        specs.append(CapSpec("unlatch", Capability(name("unlatch"), "bool", True)))
    return specs


def siren(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    specs = [CapSpec("active", Capability(name("active"), "bool", bool(c.get("command_topic"))),
                     c.get("state_topic"), c.get("state_value_template"), "siren")]
    tones = _strs(c.get("available_tones"))
    if tones and c.get("command_topic"):
        specs.append(CapSpec("tone", Capability(name("tone"), "enum", True, values=tones)))
    return specs


def cover(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    specs: list[CapSpec] = []
    if c.get("command_topic") or c.get("state_topic"):
        specs.append(CapSpec("open", Capability(name("open"), "bool", bool(c.get("command_topic"))),
                             c.get("state_topic"), c.get("value_template"), "cover"))
    if c.get("set_position_topic") or c.get("position_topic"):
        cap = Capability(name("position"), "int", bool(c.get("set_position_topic")), 0, 100, "%")
        specs.append(CapSpec("position", cap, c.get("position_topic"), c.get("position_template"), "position"))
    if c.get("command_topic") and c.get("payload_stop", "STOP") is not None:
        specs.append(CapSpec("stop", Capability(name("stop"), "bool", True)))
    return specs


def valve(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    writable = bool(c.get("command_topic"))
    if c.get("reports_position"):
        cap = Capability(name("position"), "int", writable, 0, 100, "%")
        specs = [CapSpec("position", cap, c.get("state_topic"), c.get("value_template"), "valve_position")]
    else:
        specs = [CapSpec("open", Capability(name("open"), "bool", writable),
                         c.get("state_topic"), c.get("value_template"), "valve")]
    if writable and c.get("payload_stop") is not None:
        specs.append(CapSpec("stop", Capability(name("stop"), "bool", True)))
    return specs


def sensor(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    dclass = str(c.get("device_class") or "")
    options = _strs(c.get("options"))
    if dclass == "enum" and options:
        cap = Capability(name("value"), "enum", False, values=options)
        return [CapSpec("value", cap, c.get("state_topic"), c.get("value_template"), "enum")]
    if c.get("unit_of_measurement") or c.get("state_class") or dclass in NUMERIC_SENSOR_CLASSES:
        cap = Capability(name("value"), "float", False, unit=str(c.get("unit_of_measurement") or ""))
        return [CapSpec("value", cap, c.get("state_topic"), c.get("value_template"), "number")]
    return [CapSpec("value", Capability(name("value"), "float", False), c.get("state_topic"),
                    c.get("value_template"), "text")]


def binary_sensor(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    return [CapSpec("value", Capability(name("value"), "bool", False), c.get("state_topic"),
                    c.get("value_template"), "onoff")]


def number_(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    lo, hi, step = number(c.get("min"), 1.0), number(c.get("max"), 100.0), number(c.get("step"), 1.0)
    if lo > hi:  # Home Assistant refuses it too; before, the device was shown with no capability, silently
        raise ValueError(f"min {lo:g} is above max {hi:g}")
    if step <= 0:
        raise ValueError(f"step {step:g} must be above 0")
    whole = all(float(v).is_integer() for v in (lo, hi, step))
    kind = "int" if whole else "float"
    cap = Capability(name("value"), kind, bool(c.get("command_topic")), int(lo) if whole else lo,
                     int(hi) if whole else hi, str(c.get("unit_of_measurement") or ""))
    return [CapSpec("value", cap, c.get("state_topic"), c.get("value_template"), "number")]


def select(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    options = _strs(c.get("options"))
    if not options:
        return []
    cap = Capability(name("value"), "enum", bool(c.get("command_topic")), values=options)
    return [CapSpec("value", cap, c.get("state_topic"), c.get("value_template"), "enum")]


def button(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    if not c.get("command_topic"):
        return []
    return [CapSpec("press", Capability(name("press"), "bool", True))]


def text_(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    """``text``: its current text is kept beside the values (masked in ``mode: password``); a capability
    type for free text does not exist in PROTOCOL.md yet, so the console does not command it (the
    publish, with ``min``/``max``/``pattern`` checked, is ready in commands.py)."""
    return [CapSpec("value", Capability(name("value"), "float", False), c.get("state_topic"),
                    c.get("value_template"), "text")]


BUILDERS: dict[str, Callable[[dict[str, Any], Namer], list[CapSpec]]] = {
    "light": light, "switch": switch, "fan": fan, "climate": climate, "cover": cover, "valve": valve,
    "lock": lock, "siren": siren, "sensor": sensor, "binary_sensor": binary_sensor, "number": number_,
    "select": select, "button": button, "text": text_,
}
MAIN_FEATURE = {
    "light": "power", "switch": "power", "fan": "power", "climate": "mode", "cover": "open", "valve": "open",
    "lock": "locked", "siren": "active", "sensor": "value", "binary_sensor": "value", "number": "value",
    "select": "value", "button": "press", "text": "value",
}
