"""Fleet behaviour: removal, updates, grouping, device-based discovery, abbreviations and ``~``,
availability modes, risk, and configs written from Tasmota/ESPHome/Shelly/Zigbee2MQTT formats."""

from __future__ import annotations

import json

import pytest

from console.core.ha.abbreviations import expand, normalise
from console.core.ha.fleet import HaFleet
from console.core.ha.topics import parse_discovery_topic
from console.core.protocol import DeviceMeta, ProtocolError
from tests.core.ha.helpers import by_name, examples, fleet_of, more, payload


def test_empty_retained_config_removes_the_entity_and_its_device():
    fleet = fleet_of(examples())
    sensor = by_name(fleet, "weather_sensor").id
    events = fleet.handle(examples()[3]["topic"], b"")
    assert [(e.kind, e.device_id) for e in events] == [("removed", sensor)]
    assert sensor not in {m.id for m in fleet.metas()}
    assert "zigbee2mqtt/weather_sensor" not in fleet.subscriptions()


def test_changed_config_updates_the_entity():
    fleet = fleet_of(examples())
    entry = examples()[1]
    config = {**entry["config"], "payload_on": "1", "payload_off": "0"}
    [event] = fleet.handle(entry["topic"], json.dumps(config))
    assert event.kind == "updated"
    [pub] = fleet.commands(event.device_id, {"power": True})
    assert pub.payload == b"1"


def test_entities_sharing_identifiers_or_connections_are_one_device():
    fleet = fleet_of(more())
    hall = by_name(fleet, "hall")
    assert set(hall.capabilities) >= {"thermostat", "thermostat_setpoint", "thermostat_temp",
                                        "ceiling_fan", "ceiling_fan_speed"}
    assert hall.zone == "hall-way" and hall.kind == "hvac"
    fleet2 = HaFleet()
    a = {"name": "A", "cmd_t": "x/a", "dev": {"cns": [["mac", "AA:BB:CC:00:11:22"]]}}
    b = {"name": "B", "cmd_t": "x/b", "dev": {"ids": ["node1"], "cns": [["mac", "aa:bb:cc:00:11:22"]], "name": "Node"}}
    fleet2.handle("homeassistant/switch/n/a/config", json.dumps(a))
    fleet2.handle("homeassistant/switch/n/b/config", json.dumps(b))
    [meta] = fleet2.metas()
    assert set(meta.capabilities) == {"power", "b"}  # A names its own (nameless) device: main feature


def test_abbreviations_and_base_topic():
    raw = {"~": "home/kitchen", "stat_t": "~/state", "cmd_t": "~/set", "name": "~literal",
           "avty": [{"t": "~/avail", "pl_avail": "up"}], "dev": {"ids": ["k1"], "mf": "ACME", "sa": "Kitchen"},
           "o": {"name": "fw", "sw": "1.0", "url": "https://x"}, "json_attr_t": "attrs/~"}
    out = normalise(raw)
    assert out["state_topic"] == "home/kitchen/state" and out["command_topic"] == "home/kitchen/set"
    assert out["name"] == "~literal"  # only keys ending in "topic"
    assert out["availability"] == [{"topic": "home/kitchen/avail", "payload_available": "up"}]
    assert out["json_attributes_topic"] == "attrs/home/kitchen"
    assert out["device"] == {"identifiers": ["k1"], "manufacturer": "ACME", "suggested_area": "Kitchen"}
    assert out["origin"] == {"name": "fw", "sw_version": "1.0", "support_url": "https://x"}
    assert "~" not in out and raw["stat_t"] == "~/state"  # input untouched
    assert expand({"cmd_t": "a", "command_topic": "b"}) == {"command_topic": "b"}


def test_example_abbreviated_config_expands_to_the_published_expansion():
    entry = examples()[4]
    assert normalise(entry["config"]) == entry["expanded_config"]


def test_device_based_discovery_with_base_topic_and_component_removal():
    entries = more()
    shelly = entries[-1]
    fleet = fleet_of(entries)
    garage = by_name(fleet, "Garage Door")
    assert garage.risk == "high" and garage.kind == "cover"
    assert set(garage.capabilities) == {"open", "position", "stop", "power"}
    assert "shellyplus2pm-a1b2c3/status/cover:0" in fleet.subscriptions()
    fleet.handle("shellyplus2pm-a1b2c3/status/cover:0", '{"state":"open","current_pos":100,"apower":12.5}')
    assert fleet.device(garage.id).values == {"open": True, "position": 100, "power": 12.5}
    [pos] = fleet.commands(garage.id, {"position": 40})
    assert (pos.topic, pos.payload) == ("shellyplus2pm-a1b2c3/command/cover:0", b"pos,40")
    [close] = fleet.commands(garage.id, {"open": False})
    assert close.payload == b"close"
    fleet.handle("shellyplus2pm-a1b2c3/online", "false")
    assert fleet.device(garage.id).available is False
    reduced = json.loads(json.dumps(shelly["config"]))
    reduced["cmps"]["power0"] = {"p": "sensor"}
    fleet.handle(shelly["topic"], json.dumps(reduced))
    assert "power" not in by_name(fleet, "Garage Door").capabilities
    events = fleet.handle(shelly["topic"], "")
    assert [e.kind for e in events] == ["removed"]
    assert all(m.name != "Garage Door" for m in fleet.metas())


def test_tasmota_switch_availability_and_commands():
    fleet = fleet_of(more())
    plug = by_name(fleet, "Kitchen Plug")
    assert plug.capabilities["power"].type == "bool" or list(plug.capabilities) == ["kitchen_plug"]
    name = next(iter(plug.capabilities))
    fleet.handle("tele/tasmota_1F2A3B/LWT", "Online")
    fleet.handle("tele/tasmota_1F2A3B/STATE", '{"POWER":"ON","Wifi":{"RSSI":80}}')
    dev = fleet.device(plug.id)
    assert dev.available is True and dev.values == {name: True}
    [pub] = fleet.commands(plug.id, {name: False})
    assert (pub.topic, pub.payload) == ("cmnd/tasmota_1F2A3B/POWER", b"OFF")
    assert list(dev.raw["tele/tasmota_1F2A3B/STATE"]) == ['{"POWER":"ON","Wifi":{"RSSI":80}}']


def test_esphome_fan_speed_range_maps_percent_to_steps():
    fleet = fleet_of(more())
    hall = by_name(fleet, "hall").id
    [pub] = fleet.commands(hall, {"ceiling_fan_speed": 67})
    assert (pub.topic, pub.payload) == ("hall/fan/ceiling_fan/speed_level/command", b"3")
    fleet.handle("hall/fan/ceiling_fan/speed_level/state", "2")
    assert fleet.device(hall).values["ceiling_fan_speed"] == 67
    assert fleet.confirms(hall, {"ceiling_fan_speed": 67})
    with pytest.raises(ProtocolError):
        fleet.commands(hall, {"nonexistent": 1})


def test_z2m_lock_is_high_risk_and_contact_sensor_uses_json_false():
    fleet = fleet_of(more())
    lock = by_name(fleet, "front_door")
    assert lock.risk == "high" and lock.capabilities["locked"].risk == "high"
    [pub] = fleet.commands(lock.id, {"locked": False})
    assert (pub.topic, pub.payload) == ("zigbee2mqtt/front_door/set", b"UNLOCK")
    fleet.handle("zigbee2mqtt/front_door", '{"state":"LOCK","battery":90}')
    assert fleet.confirms(lock.id, {"locked": True})
    door = by_name(fleet, "Küche Tür")
    assert DeviceMeta.from_json(door.to_json(), door.id).id.startswith("kuche-tur-")
    cap = next(iter(door.capabilities))
    fleet.handle("zigbee2mqtt/Küche Tür", '{"contact":false}')
    assert fleet.device(door.id).values == {cap: True}  # contact false = open door = "on"
    fleet.handle("zigbee2mqtt/Küche Tür", '{"contact":true}')
    assert fleet.device(door.id).values == {cap: False}


def test_availability_modes_any_and_latest():
    base = {"name": "S", "cmd_t": "s/set", "dev": {"ids": ["s1"], "name": "S"},
            "avty": [{"t": "a/1"}, {"t": "a/2"}]}
    for mode, expected in (("any", True), ("latest", False), ("all", False)):
        fleet = HaFleet()
        fleet.handle("homeassistant/switch/s/config", json.dumps({**base, "avty_mode": mode}))
        fleet.handle("a/1", "online")
        fleet.handle("a/2", "offline")
        assert fleet.device(fleet.metas()[0].id).available is expected, mode


def test_template_errors_are_counted_on_the_device_and_do_not_stop_ingest():
    fleet = HaFleet()
    config = {"name": "T", "stat_t": "t/state", "unit_of_meas": "C", "dev": {"ids": ["t1"], "name": "T"},
              "val_tpl": "{% for a in range(10000) %}{% for b in range(10000) %}x{% endfor %}{% endfor %}"}
    fleet.handle("homeassistant/sensor/t/config", json.dumps(config))
    device_id = fleet.metas()[0].id
    events = fleet.handle("t/state", "1")
    assert [e.kind for e in events] == ["error"] and "refused" in events[0].error
    assert fleet.device(device_id).template_errors == 1


def test_topics_are_parsed_and_garbage_rejected():
    assert parse_discovery_topic("homeassistant/light/node/obj/config").key == "light node obj"
    assert parse_discovery_topic("homeassistant/device/obj/config").component == "device"
    for bad in ("homeassistant/light/config", "homeassistant/toaster/x/config", "other/light/x/config",
                "homeassistant/light/a b/config", "homeassistant/light/a/b/c/config"):
        with pytest.raises(ProtocolError):
            parse_discovery_topic(bad)
    fleet = HaFleet()
    for bad in (b"\xff\xfe", b"[1,2]", b"{nope", b'{"cmps": 3}'):
        with pytest.raises(ProtocolError):
            fleet.handle("homeassistant/device/x/config" if b"cmps" in bad else "homeassistant/switch/x/config", bad)
    assert fleet.metas() == []


def test_listeners_are_called_outside_the_lock():
    fleet = HaFleet()
    seen = []
    fleet.add_listener(lambda e: seen.append((e.kind, len(fleet.metas()))))  # re-entering must not deadlock
    fleet.handle(examples()[1]["topic"], payload(examples()[1]["config"]))
    assert seen == [("added", 1)]
