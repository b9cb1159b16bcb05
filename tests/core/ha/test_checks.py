"""Discovery config checks (console/core/ha/checks.py): a topic that is a wildcard (``#``, ``a/+/b``),
has a NUL or is not a string: refused with the key named, never subscribed (before: ``state_topic: "#"``
subscribed the console to every message on the broker, none of which could ever be routed to the
entity).  Through a real Mosquitto, beside the real example devices, which keep working."""

from __future__ import annotations

import json
import uuid

import pytest

from console.core.ha.fleet import HaFleet
from console.core.mqtt.link import make_client
from console.core.protocol import ProtocolError
from tests.conftest import wait_for
from tests.core.ha.bridge_env import start_env

HOSTILE = [("state_topic", "#"), ("state_topic", "site/+/temp"), ("json_attributes_topic", "a/#"),
           ("availability_topic", "+"), ("state_topic", "a\u0000b"), ("state_topic", ["x/y"]),
           ("command_topic", "x/#")]


@pytest.mark.parametrize("key, topic", HOSTILE)
def test_a_topic_that_is_not_one_exact_topic_is_refused_by_name(key, topic):
    fleet = HaFleet()
    config = {"name": "Probe", "unique_id": "probe1", "state_topic": "probe/state", key: topic}
    with pytest.raises(ProtocolError, match=f"{key} .*(wildcard|NUL|is not a topic)"):
        fleet.handle_config("homeassistant/sensor/probe1/config", json.dumps(config))
    assert fleet.metas() == [] and fleet.subscriptions() == set()
    with pytest.raises(ProtocolError, match=r"availability\[1\].topic"):
        fleet.handle_config("homeassistant/sensor/probe1/config", json.dumps(
            {"name": "Probe", "state_topic": "p/s", "availability": [{"topic": "p/a"}, {"topic": "p/#"}]}))


def test_a_wildcard_config_on_the_wire_is_refused_and_never_subscribed(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path)
    client = make_client(broker_cfg.with_client_id(f"evil-{uuid.uuid4().hex[:8]}"), clean=True)
    client.connect(broker_cfg.host, broker_cfg.port)
    client.loop_start()
    try:
        bulb = env.id_of("bulb")  # the real devices are discovered
        before = env.bridge.rejected_configs
        for i, (key, topic) in enumerate(HOSTILE[:4]):
            config = {"name": f"Evil {i}", "unique_id": f"evil{i}", "state_topic": f"evil/{i}", key: topic}
            client.publish(f"{env.ha_prefix}/sensor/evil{i}/config", json.dumps(config), qos=1).wait_for_publish(10)
        wait_for(lambda: env.bridge.rejected_configs >= before + 4, 20, what="the four configs refused")
        assert "wildcard" in env.bridge.last_error
        subscribed = env.bridge.fleet.subscriptions()
        assert not any("#" in t or "+" in t for t in subscribed)
        assert not any(m.name.startswith("Evil") for m in env.bridge.fleet.metas())
        assert env.registry.get(bulb) is not None
    finally:
        client.loop_stop()
        client.disconnect()
        env.stop()


TEXT_CHANGES = [({"name": ["a", 1]}, "name"), ({"unit_of_measurement": {"u": "°C"}}, "unit_of_measurement"),
                ({"device": {"identifiers": ["d1"], "name": ["Lamp"]}}, "device.name"),
                ({"device": {"identifiers": ["d1"], "manufacturer": {"x": 1}}}, "device.manufacturer")]


@pytest.mark.parametrize("change, name", TEXT_CHANGES)
def test_a_text_field_given_a_list_or_an_object_is_refused_by_name(change, name):
    """Before: ``"name": ["a", 1]`` named the device "['a', 1]"."""
    fleet = HaFleet()
    config = {"name": "Probe", "unique_id": "probe1", "state_topic": "probe/state", **change}
    with pytest.raises(ProtocolError, match=f"{name} must be text"):
        fleet.handle_config("homeassistant/sensor/probe1/config", json.dumps(config))
    assert fleet.metas() == []


def test_a_number_where_text_goes_is_taken_as_text():
    fleet = HaFleet()
    fleet.handle_config("homeassistant/sensor/probe1/config", json.dumps(
        {"name": 5, "unique_id": 7, "state_topic": "probe/state", "device": {"identifiers": ["d1"], "name": 42}}))
    assert [m.name for m in fleet.metas()] == ["42"]
