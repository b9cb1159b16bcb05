"""The five real discovery configs: capabilities, state through templates, exact command payloads."""

from __future__ import annotations

import json

import pytest

from console.core.protocol import DeviceMeta
from tests.core.ha.helpers import by_name, examples, fleet_of, payload

EXPECTED = {
    "bulb": {"power": "bool", "brightness": "int", "color_temp": "int", "effect": "enum"},
    "wall_switch": {"power": "bool"},
    "TS0601_thermostat": {"mode": "enum", "setpoint": "float", "temp": "float", "preset": "enum", "action": "enum"},
    "weather_sensor": {"temperature": "float"},
    "livingroom": {"relay": "bool"},
}


def test_each_example_is_one_protocol_valid_device_with_the_right_capabilities():
    fleet = fleet_of(examples())
    metas = {m.name: m for m in fleet.metas()}
    assert set(metas) == set(EXPECTED)
    for name, caps in EXPECTED.items():
        meta = metas[name]
        assert {k: c.type for k, c in meta.capabilities.items()} == caps
        assert DeviceMeta.from_json(meta.to_json(), meta.id) == meta  # ids and caps satisfy the protocol
    bulb = metas["bulb"].capabilities
    assert (bulb["brightness"].min, bulb["brightness"].max) == (0, 254)
    assert (bulb["color_temp"].min, bulb["color_temp"].max, bulb["color_temp"].unit) == (250, 454, "mired")
    assert "breathe" in bulb["effect"].values
    thermo = metas["TS0601_thermostat"].capabilities
    assert (thermo["setpoint"].min, thermo["setpoint"].max, thermo["setpoint"].unit) == (5.0, 35.0, "°C")
    assert not thermo["temp"].writable and thermo["mode"].values == ("heat", "auto", "off")
    assert metas["weather_sensor"].capabilities["temperature"].unit == "°C"
    assert not metas["weather_sensor"].capabilities["temperature"].writable
    dev = fleet.device(metas["bulb"].id)
    assert (dev.source, dev.manufacturer, dev.model.startswith("TRADFRI")) == ("ha", "IKEA", True)


@pytest.mark.parametrize("name, values", [
    ("bulb", {"power": True, "brightness": 50, "color_temp": 370}),
    ("wall_switch", {"power": True}),
    ("TS0601_thermostat", {"mode": "auto", "setpoint": 21.0, "temp": 19.5, "preset": "manual", "action": "heating"}),
    ("weather_sensor", {"temperature": 21.83}),
    ("livingroom", {"relay": True}),
])
def test_example_state_is_read_through_its_templates(name, values):
    fleet = fleet_of(examples())
    entry = next(e for e in examples() if by_name(fleet, name).id and (e["config"].get("device") or e["config"].get("dev"))["name"] == name)
    events = fleet.handle(entry["example_state_topic"], payload(entry["example_state_payload"]))
    assert fleet.device(by_name(fleet, name).id).values == values
    assert [e.kind for e in events] == ["state"]


def test_json_light_command_is_the_exact_json_object():
    fleet = fleet_of(examples())
    bulb = by_name(fleet, "bulb")
    [pub] = fleet.commands(bulb.id, {"power": True, "brightness": 128, "color_temp": 300})
    assert pub.topic == "zigbee2mqtt/bulb/set"
    assert json.loads(pub.payload) == examples()[0]["example_command_payload"]
    assert list(json.loads(pub.payload)) == ["state", "brightness", "color_temp"]
    assert (pub.qos, pub.retain) == (0, False)
    [off] = fleet.commands(bulb.id, {"power": False})
    assert off.payload == b'{"state":"OFF"}'


def test_bare_string_and_per_feature_topic_commands():
    fleet = fleet_of(examples())
    [sw] = fleet.commands(by_name(fleet, "wall_switch").id, {"power": False})
    assert (sw.topic, sw.payload) == ("zigbee2mqtt/wall_switch/set", b"OFF")
    thermo = by_name(fleet, "TS0601_thermostat").id
    [temp] = fleet.commands(thermo, {"setpoint": 21.5})
    assert (temp.topic, temp.payload) == ("zigbee2mqtt/TS0601_thermostat/set/current_heating_setpoint", b"21.5")
    [preset] = fleet.commands(thermo, {"preset": "eco"})
    assert (preset.topic, preset.payload) == ("zigbee2mqtt/TS0601_thermostat/set/preset", b"eco")
    [relay] = fleet.commands(by_name(fleet, "livingroom").id, {"relay": True})
    assert (relay.topic, relay.payload) == ("livingroom/switch/relay/command", b"ON")


def test_success_predicate_follows_the_state_and_optimism():
    fleet = fleet_of(examples())
    thermo = by_name(fleet, "TS0601_thermostat").id
    entry = examples()[2]
    fleet.handle(entry["example_state_topic"], payload(entry["example_state_payload"]))
    assert not fleet.confirms(thermo, {"setpoint": 21.5})
    fleet.handle(entry["example_state_topic"], json.dumps({**entry["example_state_payload"], "current_heating_setpoint": 21.5}))
    assert fleet.confirms(thermo, {"setpoint": 21.5})
    assert not fleet.optimistic(thermo, {"setpoint": 21.5})
    sensor = by_name(fleet, "weather_sensor").id
    assert fleet.metas() and sensor


def test_availability_mode_all_needs_every_topic():
    fleet = fleet_of(examples())
    bulb = by_name(fleet, "bulb").id
    assert fleet.device(bulb).available is None
    fleet.handle("zigbee2mqtt/bridge/state", '{"state":"online"}')
    assert fleet.device(bulb).available is False
    events = fleet.handle("zigbee2mqtt/bulb/availability", '{"state":"online"}')
    assert fleet.device(bulb).available is True
    assert [(e.kind, e.available) for e in events] == [("availability", True)]
    fleet.handle("zigbee2mqtt/bridge/state", '{"state":"offline"}')
    assert fleet.device(bulb).available is False


def test_legacy_availability_topic_defaults_online_offline():
    fleet = fleet_of(examples())
    relay = by_name(fleet, "livingroom").id
    fleet.handle("livingroom/status", "online")
    assert fleet.device(relay).available is True
    fleet.handle("livingroom/status", "offline")
    assert fleet.device(relay).available is False
    fleet.handle("livingroom/status", "garbage")
    assert fleet.device(relay).available is False
