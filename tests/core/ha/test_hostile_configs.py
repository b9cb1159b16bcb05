"""Real discovery configs (tests/data/ha-discovery) with their own fields given the wrong types and
values: a list where a string goes, numbers as strings, min > max, zero or negative scales, NaN and
1e308 ranges, huge texts.  Only ProtocolError comes out of the config, its states and its commands;
every publish carries finite numbers; the fleet keeps protocol-valid metas."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from console.core.ha.fleet import HaFleet
from console.core.protocol import DeviceMeta, ProtocolError
from tests.core.ha.helpers import examples, more

ENTRIES = [e for e in examples() + more() if isinstance(e.get("config"), dict)]
HOSTILE = [[], {}, ["a", 1], {"a": 1}, "abc", "12", "-5", "", -1, 0, 0.5, -0.5, 1e308, -1e308, 10**30, None, True,
           False, math.nan, math.inf, -math.inf, "x" * 5000, [[[[[]]]]], "{{ value }}", "é ü 中"]
STATES = ['{"state":"ON","brightness":128,"temperature":21.5,"position":50,"percentage":40}', "ON", "OFF", "50",
          "nan", "1e999", "", "\xff", '{"x":' * 50, json.dumps({"state": [1, 2]})]


def _nonfinite(value) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        value = list(value.values())
    return isinstance(value, list) and any(_nonfinite(v) for v in value)


def _exercise(topic: str, config: dict) -> None:
    """``config`` through the fleet; its publishes carry finite numbers unless the config itself says
    NaN or Infinity somewhere (``payload_off: NaN`` is published as the config says)."""
    finite = not _nonfinite(config)
    fleet = HaFleet()
    try:
        fleet.handle_config(topic, json.dumps(config))
    except ProtocolError:
        return
    for meta in fleet.metas():
        assert DeviceMeta.from_json(meta.to_json(), expected_id=meta.id) == meta
    for state_topic in sorted(fleet.subscriptions()):
        for payload in STATES:
            fleet.handle_state(state_topic, payload)  # template and value errors are events, never raised
    for meta in fleet.metas():
        for name, cap in meta.capabilities.items():
            if not cap.writable:
                continue
            values = ([True, False] if cap.type == "bool" else list(cap.values)[:2] if cap.type == "enum"
                      else [cap.min, cap.max])
            for value in values:
                try:
                    publishes = fleet.commands(meta.id, {name: value})
                except ProtocolError:
                    continue
                fleet.confirms(meta.id, {name: value})
                for pub in publishes if finite else ():
                    body = pub.payload.decode("utf-8", "replace").lower()
                    assert "inf" not in body and "nan" not in body, (name, value, body)


def test_a_fan_or_cover_range_of_1e308_publishes_finite_numbers():
    """speed_range_max / position_open of 1e308 (both finite JSON numbers): before, OverflowError
    ("cannot convert float infinity to integer") came out of the command; now the range's default."""
    fan = next(e for e in ENTRIES if e["topic"].startswith("homeassistant/fan/"))
    for key, value in (("spd_rng_max", 1e308), ("spd_rng_min", -1e308), ("speed_range_max", 10**400)):
        _exercise(fan["topic"], {**fan["config"], key: value})
    cover = {"name": "Gate", "command_topic": "g/set", "set_position_topic": "g/pos", "position_topic": "g/state",
             "position_open": 1e308, "position_closed": -1e308, "device": {"identifiers": ["gate1"], "name": "Gate"}}
    _exercise("homeassistant/cover/gate1/config", cover)
    fleet = HaFleet()
    fleet.handle_config("homeassistant/cover/gate1/config", json.dumps(cover))
    meta = fleet.metas()[0]
    [pub] = fleet.commands(meta.id, {"position": 40})
    assert pub.payload == b"40"  # the range fell back to 0-100


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["topic"])
def test_every_field_of_a_real_config_with_every_wrong_value(entry):
    config = entry["config"]
    for key, good in config.items():
        for bad in HOSTILE:
            _exercise(entry["topic"], {**config, key: bad})
        if isinstance(good, dict):
            for sub in good:
                for bad in HOSTILE:
                    _exercise(entry["topic"], {**config, key: {**good, sub: bad}})


_entry = hs.sampled_from(ENTRIES)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_entry, hs.data())
def test_several_wrong_fields_at_once(entry, data):
    config = dict(entry["config"])
    keys = data.draw(hs.lists(hs.sampled_from(sorted(config)), min_size=2, max_size=5, unique=True))
    for key in keys:
        config[key] = data.draw(hs.one_of(hs.sampled_from(HOSTILE), hs.floats(), hs.integers(-10**20, 10**20),
                                          hs.text(max_size=20)))
    _exercise(entry["topic"], config)


@pytest.mark.parametrize("component, config, reason", [
    ("number", {"command_topic": "n/set", "min": 100, "max": 1}, "min 100 is above max 1"),
    ("number", {"command_topic": "n/set", "step": -1}, "step -1 must be above 0"),
    ("light", {"command_topic": "l/set", "brightness_command_topic": "l/b", "brightness_scale": -5},
     "brightness_scale -5 must be a whole number above 0"),
    ("light", {"command_topic": "l/set", "brightness_command_topic": "l/b", "brightness_scale": 0},
     "brightness_scale 0 must be"),
    ("light", {"command_topic": "l/set", "schema": "json", "brightness": True, "brightness_scale": 0.5},
     "brightness_scale 0.5 must be a whole number"),
    ("light", {"command_topic": "l/set", "brightness_command_topic": "l/b", "brightness_scale": "abc"},
     "brightness_scale 'abc' must be"),
    ("light", {"command_topic": "l/set", "color_temp_command_topic": "l/ct", "min_mireds": -5}, "min_mireds -5"),
    ("fan", {"command_topic": "f/set", "percentage_command_topic": "f/p", "speed_range_min": 10,
             "speed_range_max": 1}, "speed_range_min 10 must be below speed_range_max 1"),
    ("fan", {"command_topic": "f/set", "percentage_command_topic": "f/p", "speed_range_max": [3]},
     "speed_range_max \\[3\\] must be"),
])
def test_a_range_home_assistant_refuses_is_refused_by_name(component, config, reason):
    """Before: min > max left a device with no capability and no word; brightness_scale -5 gave a
    brightness of 0-1; a reversed speed range sent reversed speeds; ``"abc"`` silently became 255."""
    fleet = HaFleet()
    with pytest.raises(ProtocolError, match=f"{component} config .* is malformed: {reason}"):
        fleet.handle_config(f"homeassistant/{component}/x1/config",
                            json.dumps({"name": "X", "unique_id": "x1", **config}))
    assert fleet.metas() == []


def test_numbers_as_strings_and_swapped_temperatures_are_still_read():
    fleet = HaFleet()
    fleet.handle_config("homeassistant/light/l1/config", json.dumps(
        {"name": "L", "unique_id": "l1", "command_topic": "l/set", "brightness_command_topic": "l/b",
         "brightness_scale": "254"}))
    fleet.handle_config("homeassistant/climate/c1/config", json.dumps(
        {"name": "C", "unique_id": "c1", "temperature_command_topic": "c/t", "min_temp": "30", "max_temp": 7}))
    caps = {n: c for m in fleet.metas() for n, c in m.capabilities.items()}
    assert caps["brightness"].max == 254 and (caps["setpoint"].min, caps["setpoint"].max) == (7.0, 30.0)
