"""Capabilities of the multi-feature platforms: light (default, json and template schema), fan and climate.

Owns: turning one normalised config of these components into its :class:`CapSpec` list, with ranges
from the config (brightness_scale, min/max_mireds or kelvin, speed range, min/max_temp).
"""

from __future__ import annotations

from typing import Any, Callable

from console.core.ha.model import CapSpec, number
from console.core.protocol import Capability

Namer = Callable[[str], str]
CLIMATE_MODES = ["auto", "off", "cool", "heat", "dry", "fan_only"]
CLIMATE_ACTIONS = ("off", "preheating", "heating", "cooling", "drying", "idle", "fan", "defrosting")
FAN_MODES = ["auto", "low", "medium", "high"]


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def positive(c: dict[str, Any], key: str, default: float, *, whole: bool = False) -> float:
    """A config number that must be above 0 (``brightness_scale``, ``min_mireds``, ``speed_range_max``):
    absent gives ``default``; a word, a list, 0, a negative number or NaN is a ValueError naming it,
    as Home Assistant refuses such a config (before: ``brightness_scale: -5`` gave a brightness of 0-1
    and ``speed_range_min: 10, speed_range_max: 1`` sent reversed speeds)."""
    raw = c.get(key)
    if raw is None:
        return default
    value = number(raw, None)
    if value is None or value <= 0 or (whole and not float(value).is_integer()):
        raise ValueError(f"{key} {raw!r} must be a {'whole ' if whole else ''}number above 0")
    return value


def _scale(c: dict[str, Any]) -> int:
    """Brightness is exposed on the device's own scale (brightness_scale, default 255)."""
    return int(positive(c, "brightness_scale", 255, whole=True))


def _color_temp(c: dict[str, Any], name: Namer, writable: bool, **src: Any) -> CapSpec:
    if c.get("color_temp_kelvin"):
        lo, hi, unit = positive(c, "min_kelvin", 2000), positive(c, "max_kelvin", 6535), "K"
    else:
        lo, hi, unit = positive(c, "min_mireds", 153), positive(c, "max_mireds", 500), "mired"
    cap = Capability(name("color_temp"), "int", writable, int(min(lo, hi)), int(max(lo, hi)), unit)
    return CapSpec("color_temp", cap, **src)


def light(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    if c.get("schema", "default") == "json":
        return _json_light(c, name)
    if c.get("schema") == "template":
        return _template_light(c, name)
    if c.get("schema") not in (None, "default", "basic"):
        return []
    specs = [CapSpec("power", Capability(name("power"), "bool", bool(c.get("command_topic"))),
                     c.get("state_topic"), c.get("state_value_template"), "onoff")]
    if c.get("brightness_command_topic") or c.get("brightness_state_topic"):
        cap = Capability(name("brightness"), "int", bool(c.get("brightness_command_topic")), 0, _scale(c))
        specs.append(CapSpec("brightness", cap, c.get("brightness_state_topic"), c.get("brightness_value_template"),
                             "brightness"))
    if c.get("color_temp_command_topic") or c.get("color_temp_state_topic"):
        specs.append(_color_temp(c, name, bool(c.get("color_temp_command_topic")),
                                 state_topic=c.get("color_temp_state_topic"),
                                 template=c.get("color_temp_value_template"), decode="number"))
    effects = _strs(c.get("effect_list"))
    if effects and (c.get("effect_command_topic") or c.get("effect_state_topic")):
        cap = Capability(name("effect"), "enum", bool(c.get("effect_command_topic")), values=effects)
        specs.append(CapSpec("effect", cap, c.get("effect_state_topic"), c.get("effect_value_template"), "enum"))
    return specs


def _json_light(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    writable = bool(c.get("command_topic"))
    state = c.get("state_topic")
    modes = set(_strs(c.get("supported_color_modes")))
    specs = [CapSpec("power", Capability(name("power"), "bool", writable), state, None, "json:state")]
    if c.get("brightness") or (modes - {"onoff"}):
        cap = Capability(name("brightness"), "int", writable, 0, _scale(c))
        specs.append(CapSpec("brightness", cap, state, None, "json:brightness"))
    if "color_temp" in modes or c.get("color_temp"):
        specs.append(_color_temp(c, name, writable, state_topic=state, decode="json:color_temp"))
    effects = _strs(c.get("effect_list"))
    if c.get("effect") and effects:
        cap = Capability(name("effect"), "enum", writable, values=effects)
        specs.append(CapSpec("effect", cap, state, None, "json:effect"))
    return specs


def _template_light(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    """``schema: template``: one command topic, ``command_on_template``/``command_off_template`` (both
    needed to command it), and on the state topic ``state_template`` ("on"/"off"),
    ``brightness_template`` (0-255), ``color_temp_template``, ``effect_template``, as HA reads them."""
    templates = all(isinstance(c.get(k), str) and c.get(k) for k in ("command_on_template", "command_off_template"))
    writable = bool(c.get("command_topic")) and templates
    state = c.get("state_topic")
    power_state = state if c.get("state_template") else None  # no state template: optimistic, as in HA
    specs = [CapSpec("power", Capability(name("power"), "bool", writable), power_state, c.get("state_template"),
                     "template_onoff")]
    if c.get("brightness_template"):
        cap = Capability(name("brightness"), "int", writable, 0, 255)
        specs.append(CapSpec("brightness", cap, state, c.get("brightness_template"), "brightness"))
    if c.get("color_temp_template"):
        specs.append(_color_temp(c, name, writable, state_topic=state, template=c.get("color_temp_template"),
                                 decode="number"))
    effects = _strs(c.get("effect_list"))
    if effects:
        cap = Capability(name("effect"), "enum", writable, values=effects)
        specs.append(CapSpec("effect", cap, state if c.get("effect_template") else None, c.get("effect_template"),
                             "enum"))
    return specs


def fan(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    specs = [CapSpec("power", Capability(name("power"), "bool", bool(c.get("command_topic"))),
                     c.get("state_topic"), c.get("state_value_template"), "onoff")]
    if c.get("percentage_command_topic") or c.get("percentage_state_topic"):
        lo, hi = positive(c, "speed_range_min", 1, whole=True), positive(c, "speed_range_max", 100, whole=True)
        if lo >= hi:
            raise ValueError(f"speed_range_min {lo:g} must be below speed_range_max {hi:g}")
        cap = Capability(name("speed"), "int", bool(c.get("percentage_command_topic")), 0, 100, "%")
        specs.append(CapSpec("speed", cap, c.get("percentage_state_topic"), c.get("percentage_value_template"),
                             "fan_pct"))
    presets = _strs(c.get("preset_modes"))
    if presets and (c.get("preset_mode_command_topic") or c.get("preset_mode_state_topic")):
        cap = Capability(name("preset"), "enum", bool(c.get("preset_mode_command_topic")), values=presets)
        specs.append(CapSpec("preset", cap, c.get("preset_mode_state_topic"), c.get("preset_mode_value_template"),
                             "enum"))
    if c.get("oscillation_command_topic") or c.get("oscillation_state_topic"):
        cap = Capability(name("oscillating"), "bool", bool(c.get("oscillation_command_topic")))
        specs.append(CapSpec("oscillating", cap, c.get("oscillation_state_topic"),
                             c.get("oscillation_value_template"), "oscillation"))
    return specs


def _temp_unit(c: dict[str, Any]) -> str:
    return "°F" if str(c.get("temperature_unit", "C")).upper().startswith("F") else "°C"


def climate(c: dict[str, Any], name: Namer) -> list[CapSpec]:
    unit = _temp_unit(c)
    lo_default, hi_default = (44.6, 95.0) if unit == "°F" else (7.0, 35.0)
    lo, hi = number(c.get("min_temp"), lo_default), number(c.get("max_temp"), hi_default)
    modes = _strs(c.get("modes")) or tuple(CLIMATE_MODES)
    specs = [CapSpec("mode", Capability(name("mode"), "enum", bool(c.get("mode_command_topic")), values=modes),
                     c.get("mode_state_topic"), c.get("mode_state_template"), "enum")]
    if c.get("temperature_command_topic") or c.get("temperature_state_topic"):
        cap = Capability(name("setpoint"), "float", bool(c.get("temperature_command_topic")),
                         min(lo, hi), max(lo, hi), unit)
        specs.append(CapSpec("setpoint", cap, c.get("temperature_state_topic"),
                             c.get("temperature_state_template"), "number"))
    if c.get("current_temperature_topic"):
        specs.append(CapSpec("temp", Capability(name("temp"), "float", False, unit=unit),
                             c.get("current_temperature_topic"), c.get("current_temperature_template"), "number"))
    presets = _strs(c.get("preset_modes"))
    if presets and (c.get("preset_mode_command_topic") or c.get("preset_mode_state_topic")):
        cap = Capability(name("preset"), "enum", bool(c.get("preset_mode_command_topic")), values=presets)
        specs.append(CapSpec("preset", cap, c.get("preset_mode_state_topic"),
                             c.get("preset_mode_value_template"), "enum"))
    if c.get("fan_mode_command_topic") or c.get("fan_mode_state_topic"):
        fans = _strs(c.get("fan_modes")) or tuple(FAN_MODES)
        cap = Capability(name("fan_mode"), "enum", bool(c.get("fan_mode_command_topic")), values=fans)
        specs.append(CapSpec("fan_mode", cap, c.get("fan_mode_state_topic"), c.get("fan_mode_state_template"), "enum"))
    if c.get("action_topic"):
        cap = Capability(name("action"), "enum", False, values=CLIMATE_ACTIONS)
        specs.append(CapSpec("action", cap, c.get("action_topic"), c.get("action_template"), "enum"))
    if c.get("power_command_topic"):
        specs.append(CapSpec("power", Capability(name("power"), "bool", True)))
    return specs
