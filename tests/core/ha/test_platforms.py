"""Each platform of the issue's list from a realistic config (Home Assistant's MQTT docs, Zigbee2MQTT,
ESPHome): its capabilities, the exact publishes of a command, the state read back.  Light
``schema: template`` and ``text`` included."""

from __future__ import annotations

import json

import pytest

from console.core.ha.commands import text_command
from console.core.ha.fleet import HaFleet
from console.core.protocol import ProtocolError

TEMPLATE_LIGHT = {
    "schema": "template", "name": None, "command_topic": "tpl/lamp/set", "state_topic": "tpl/lamp",
    "command_on_template": '{"state": "on"{%- if brightness is defined %}, "brightness": {{ brightness }}{%- endif %}'
                           '{%- if color_temp is defined %}, "color_temp": {{ color_temp }}{%- endif %}'
                           '{%- if effect is defined %}, "effect": "{{ effect }}"{%- endif %}}',
    "command_off_template": '{"state": "off"}',
    "state_template": "{{ value_json.state }}", "brightness_template": "{{ value_json.brightness }}",
    "color_temp_template": "{{ value_json.color_temp }}", "effect_list": ["rainbow", "colorloop"],
    "effect_template": "{{ value_json.effect }}", "min_mireds": 153, "max_mireds": 500,
    "unique_id": "tpl_lamp_1", "device": {"identifiers": ["tpl_lamp"], "name": "Template Lamp"},
}
CONFIGS = {
    "light/tpl_lamp": TEMPLATE_LIGHT,
    "cover/garage": {"name": None, "command_topic": "z2m/garage/set", "state_topic": "z2m/garage",
                     "value_template": "{{ value_json.state }}", "state_open": "OPEN", "state_closed": "CLOSE",
                     "device_class": "garage", "unique_id": "garage_1",
                     "device": {"identifiers": ["garage"], "name": "Garage"}},
    "cover/blind": {"name": None, "command_topic": "z2m/blind/set", "state_topic": "z2m/blind",
                    "value_template": "{{ value_json.state }}", "state_open": "OPEN", "state_closed": "CLOSE",
                    "set_position_topic": "z2m/blind/set",
                    "set_position_template": '{ "position": {{ position }} }', "position_topic": "z2m/blind",
                    "position_template": "{{ value_json.position }}", "unique_id": "blind_1",
                    "device": {"identifiers": ["blind"], "name": "Blind"}},
    "valve/water": {"name": None, "command_topic": "valve/water/set", "state_topic": "valve/water/state",
                    "reports_position": True, "unique_id": "water_1",
                    "device": {"identifiers": ["water"], "name": "Water Valve"}},
    "valve/gas": {"name": None, "command_topic": "valve/gas/set", "state_topic": "valve/gas/state",
                  "payload_open": "OPEN", "payload_close": "CLOSE", "payload_stop": "STOP", "state_open": "open",
                  "state_closed": "closed", "unique_id": "gas_1", "device": {"identifiers": ["gas"], "name": "Gas"}},
    "siren/alarm": {"name": None, "command_topic": "z2m/alarm/set", "state_topic": "z2m/alarm",
                    "state_value_template": "{{ value_json.state }}", "available_tones": ["burglar", "fire"],
                    "unique_id": "alarm_1", "device": {"identifiers": ["alarm"], "name": "Alarm"}},
    "number/boost": {"name": "Boost time", "command_topic": "z2m/trv/set/boost", "state_topic": "z2m/trv",
                     "value_template": "{{ value_json.boost }}", "min": 0, "max": 900, "step": 1,
                     "unit_of_measurement": "s", "unique_id": "trv_boost",
                     "device": {"identifiers": ["trv"], "name": "TRV"}},
    "number/offset": {"name": "Offset", "command_topic": "z2m/trv/set/offset", "state_topic": "z2m/trv",
                      "value_template": "{{ value_json.offset }}", "min": -5, "max": 5, "step": 0.5,
                      "unique_id": "trv_offset", "device": {"identifiers": ["trv"], "name": "TRV"}},
    "select/mode": {"name": "Mode", "command_topic": "z2m/trv/set/mode", "state_topic": "z2m/trv",
                    "value_template": "{{ value_json.mode }}", "options": ["eco", "comfort", "boost"],
                    "unique_id": "trv_mode", "device": {"identifiers": ["trv"], "name": "TRV"}},
    "button/restart": {"name": "Restart", "command_topic": "esp/restart/command", "payload_press": "RESTART",
                       "unique_id": "esp_restart", "device": {"identifiers": ["esp"], "name": "ESP"}},
    "fan/fan": {"name": None, "command_topic": "z2m/fan/set/state", "state_topic": "z2m/fan",
                "state_value_template": "{{ value_json.state }}", "percentage_command_topic": "z2m/fan/set/speed",
                "percentage_state_topic": "z2m/fan", "percentage_value_template": "{{ value_json.speed }}",
                "speed_range_min": 1, "speed_range_max": 3, "preset_modes": ["smart", "sleep"],
                "preset_mode_command_topic": "z2m/fan/set/fan_mode", "preset_mode_state_topic": "z2m/fan",
                "preset_mode_value_template": "{{ value_json.fan_mode }}", "unique_id": "fan_1",
                "device": {"identifiers": ["fan"], "name": "Fan"}},
    "text/greeting": {"name": "Greeting", "command_topic": "esp/greeting/set", "state_topic": "esp/greeting",
                      "min": 2, "max": 10, "pattern": "[a-z ]+", "mode": "text", "unique_id": "esp_greeting",
                      "device": {"identifiers": ["esp"], "name": "ESP"}},
    "text/wifi_key": {"name": "Wifi key", "command_topic": "esp/key/set", "state_topic": "esp/key",
                      "mode": "password", "unique_id": "esp_key", "device": {"identifiers": ["esp"], "name": "ESP"}},
}


@pytest.fixture
def fleet():
    fleet = HaFleet()
    for key, config in CONFIGS.items():
        component, object_id = key.split("/")
        fleet.handle_config(f"homeassistant/{component}/{object_id}/config", json.dumps(config))
    return fleet


def meta(fleet, name):
    return next(m for m in fleet.metas() if m.name == name)


def caps(fleet, name):
    return {n: (c.type, c.min, c.max, c.values, c.writable) for n, c in meta(fleet, name).capabilities.items()}


def sent(fleet, name, params):
    return [(p.topic, p.payload.decode()) for p in fleet.commands(meta(fleet, name).id, params)]


def test_template_light(fleet):
    assert caps(fleet, "Template Lamp") == {
        "power": ("bool", None, None, (), True), "brightness": ("int", 0, 255, (), True),
        "color_temp": ("int", 153, 500, (), True), "effect": ("enum", None, None, ("rainbow", "colorloop"), True)}
    assert sent(fleet, "Template Lamp", {"power": True, "brightness": 128}) == [
        ("tpl/lamp/set", '{"state": "on", "brightness": 128}')]
    assert sent(fleet, "Template Lamp", {"effect": "rainbow", "color_temp": 300}) == [
        ("tpl/lamp/set", '{"state": "on", "color_temp": 300, "effect": "rainbow"}')]
    assert sent(fleet, "Template Lamp", {"power": False}) == [("tpl/lamp/set", '{"state": "off"}')]
    fleet.handle_state("tpl/lamp", '{"state": "on", "brightness": 200, "color_temp": 300, "effect": "colorloop"}')
    lamp = fleet.device(meta(fleet, "Template Lamp").id)
    assert lamp.values == {"power": True, "brightness": 200, "color_temp": 300, "effect": "colorloop"}
    fleet.handle_state("tpl/lamp", '{"state": "OFF"}')  # not exactly "off": HA ignores it, so do we
    assert fleet.device(lamp.id).values["power"] is True
    assert fleet.confirms(lamp.id, {"brightness": 200}) and not fleet.optimistic(lamp.id, {"power": False})


def test_a_template_light_without_its_templates_is_read_only_and_without_state_template_optimistic():
    fleet = HaFleet()
    config = {k: v for k, v in TEMPLATE_LIGHT.items() if k not in ("command_off_template", "state_template")}
    fleet.handle_config("homeassistant/light/x/config", json.dumps(config))
    lamp = fleet.metas()[0]
    assert lamp.capabilities["power"].writable is False
    assert fleet.optimistic(lamp.id, {"power": True})


def test_covers_and_a_garage_door_is_high_risk(fleet):
    assert meta(fleet, "Garage").risk == "high"
    assert sent(fleet, "Garage", {"open": True}) == [("z2m/garage/set", "OPEN")]
    assert sent(fleet, "Garage", {"stop": True}) == [("z2m/garage/set", "STOP")]
    fleet.handle_state("z2m/garage", '{"state": "CLOSE"}')
    assert fleet.device(meta(fleet, "Garage").id).values == {"open": False}
    assert caps(fleet, "Blind")["position"] == ("int", 0, 100, (), True)
    assert sent(fleet, "Blind", {"position": 40}) == [("z2m/blind/set", '{ "position": 40 }')]
    fleet.handle_state("z2m/blind", '{"state": "OPEN", "position": 40}')
    assert fleet.device(meta(fleet, "Blind").id).values == {"open": True, "position": 40}


def test_valves_are_high_risk_with_position_or_open_close_stop(fleet):
    assert meta(fleet, "Water Valve").risk == "high" and meta(fleet, "Gas").risk == "high"
    assert caps(fleet, "Water Valve") == {"position": ("int", 0, 100, (), True)}
    assert sent(fleet, "Water Valve", {"position": 30}) == [("valve/water/set", "30")]
    fleet.handle_state("valve/water/state", "30")
    assert fleet.device(meta(fleet, "Water Valve").id).values == {"position": 30}
    assert sent(fleet, "Gas", {"open": False}) == [("valve/gas/set", "CLOSE")]
    assert sent(fleet, "Gas", {"stop": True}) == [("valve/gas/set", "STOP")]
    fleet.handle_state("valve/gas/state", "open")
    assert fleet.device(meta(fleet, "Gas").id).values == {"open": True}


def test_siren_with_tones(fleet):
    assert meta(fleet, "Alarm").risk == "high"
    assert caps(fleet, "Alarm")["tone"] == ("enum", None, None, ("burglar", "fire"), True)
    assert sent(fleet, "Alarm", {"tone": "fire"}) == [("z2m/alarm/set", '{"state":"ON","tone":"fire"}')]
    assert sent(fleet, "Alarm", {"active": False}) == [("z2m/alarm/set", '{"state":"OFF"}')]
    fleet.handle_state("z2m/alarm", '{"state": "ON"}')
    assert fleet.device(meta(fleet, "Alarm").id).values == {"active": True}


def test_number_select_on_one_device(fleet):
    assert caps(fleet, "TRV") == {"boost_time": ("int", 0, 900, (), True), "offset": ("float", -5.0, 5.0, (), True),
                                  "mode": ("enum", None, None, ("eco", "comfort", "boost"), True)}
    assert sent(fleet, "TRV", {"boost_time": 300, "offset": -1.5, "mode": "eco"}) == [
        ("z2m/trv/set/boost", "300"), ("z2m/trv/set/offset", "-1.5"), ("z2m/trv/set/mode", "eco")]
    fleet.handle_state("z2m/trv", '{"boost": 120, "offset": 0.5, "mode": "comfort"}')
    assert fleet.device(meta(fleet, "TRV").id).values == {"boost_time": 120, "offset": 0.5, "mode": "comfort"}


def test_button_and_text_on_one_device(fleet):
    esp = meta(fleet, "ESP")
    assert {n: c.type for n, c in esp.capabilities.items()} == {"restart": "bool"}  # text: no capability type yet
    assert sent(fleet, "ESP", {"restart": True}) == [("esp/restart/command", "RESTART")]
    assert fleet.optimistic(esp.id, {"restart": True})
    fleet.handle_state("esp/greeting", "hi there")
    fleet.handle_state("esp/key", "s3cret-key")
    dev = fleet.device(esp.id)
    assert dev.attributes["greeting"] == "hi there"
    assert "s3cret" not in dev.attributes["wifi_key"] and all("s3cret" not in t for q in dev.raw.values() for t in q)
    greeting = next(e for e in fleet.entities(esp.id) if e.key.endswith("greeting"))
    pub = text_command(greeting, "hello")
    assert (pub.topic, pub.payload) == ("esp/greeting/set", b"hello")
    for bad in ("x", "far too long text", "Hello"):  # too short, too long, not [a-z ]+
        with pytest.raises(ProtocolError):
            text_command(greeting, bad)


def test_a_hostile_text_pattern_is_stopped_in_time():
    fleet = HaFleet()
    config = {"name": "T", "command_topic": "t/set", "pattern": "(a+)+$", "max": 255, "unique_id": "t1"}
    fleet.handle_config("homeassistant/text/t/config", json.dumps(config))
    entity = fleet.entities(fleet.metas()[0].id)[0]
    with pytest.raises(ProtocolError, match="too long|does not match"):
        text_command(entity, "a" * 40 + "!")
    with pytest.raises(ProtocolError, match="not a valid regular expression"):
        fleet.handle_config("homeassistant/text/t/config", json.dumps({**config, "pattern": "(("}))
        text_command(fleet.entities(fleet.metas()[0].id)[0], "aa")


def test_fan_percentage_and_presets(fleet):
    assert caps(fleet, "Fan")["preset"] == ("enum", None, None, ("smart", "sleep"), True)
    assert sent(fleet, "Fan", {"speed": 100, "preset": "sleep"}) == [
        ("z2m/fan/set/speed", "3"), ("z2m/fan/set/fan_mode", "sleep")]
    fleet.handle_state("z2m/fan", '{"state": "ON", "speed": 2, "fan_mode": "smart"}')
    assert fleet.device(meta(fleet, "Fan").id).values == {"power": True, "speed": 67, "preset": "smart"}
