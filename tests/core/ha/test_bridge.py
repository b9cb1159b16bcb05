"""Discovered devices over a real Mosquitto: in the registry, commanded through the one pipeline."""

from __future__ import annotations

import json

import pytest

from console.core.commands.pipeline import ConfirmationRequired
from console.core.protocol import CommandState as S
from console.core.sources.ha_transport import OPTIMISTIC
from tests.conftest import wait_for
from tests.core.ha.bridge_env import ENTRIES, start_env
from tests.core.ha.helpers import examples
from tests.core.ha.test_examples import EXPECTED


@pytest.fixture
def env(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path)
    yield env
    env.stop()


def test_each_example_is_discovered_with_its_capabilities_and_state(env):
    names = set(EXPECTED) | {"front_door", "Opt Plug"}
    wait_for(lambda: {r.meta.name for _, r in env.registry.get_many(env.registry.ids()) if r.meta} == names,
             what="every example in the registry")
    for name, caps in EXPECTED.items():
        rec = env.registry.get(env.id_of(name))
        assert rec.source == "ha"
        assert {k: c.type for k, c in rec.meta.capabilities.items()} == caps
    bulb = env.id_of("bulb")
    wait_for(lambda: env.registry.get(bulb).values == {"power": True, "brightness": 50, "color_temp": 370},
             what="the bulb's state read through its JSON state topic")
    rec = env.registry.get(bulb)
    assert (rec.manufacturer, rec.model.startswith("TRADFRI")) == ("IKEA", True)
    wait_for(lambda: env.registry.get(bulb).online is True, what="bulb online (bridge and device availability)")
    relay = env.id_of("livingroom")
    wait_for(lambda: env.registry.get(relay).values == {"relay": True} and env.registry.get(relay).online,
             what="the ESPHome relay's bare state and availability")
    thermo = env.id_of("TS0601_thermostat")
    wait_for(lambda: env.registry.get(thermo).values.get("setpoint") == 21.0, what="thermostat setpoint")
    assert env.registry.get(env.id_of("Opt Plug")).online is True  # no availability: always there


@pytest.mark.parametrize("name, params, topic, payload", [
    ("bulb", {"power": True, "brightness": 128, "color_temp": 300}, "zigbee2mqtt/bulb/set",
     examples()[0]["example_command_payload"]),
    ("wall_switch", {"power": False}, "zigbee2mqtt/wall_switch/set", b"OFF"),
    ("TS0601_thermostat", {"setpoint": 21.5}, "zigbee2mqtt/TS0601_thermostat/set/current_heating_setpoint", b"21.5"),
    ("livingroom", {"relay": False}, "livingroom/switch/relay/command", b"OFF"),
])
def test_a_command_publishes_exactly_what_the_config_says_and_succeeds_on_the_state(env, name, params, topic, payload):
    device_id = env.id_of(name)
    wait_for(lambda: env.registry.meta(device_id) is not None, what="meta in the registry")
    row = env.pipeline.submit(device_id, params)
    done = env.wait_state(row.id, S.SUCCEEDED, S.TIMEOUT, S.FAILED)
    assert done.state is S.SUCCEEDED
    sent = [(t, p) for t, p in env.sim.received if t == topic]
    assert len(sent) == 1  # sent once, on the exact topic
    if isinstance(payload, dict):
        assert json.loads(sent[0][1]) == payload and list(json.loads(sent[0][1])) == list(payload)
    else:
        assert sent[0][1] == payload
    wait_for(lambda: all(env.registry.get(device_id).values.get(k) == v for k, v in params.items()),
             what="the registry shows the new state")
    assert [h.state for h in env.pipeline.outbox.history(row.id)][-1] is S.SUCCEEDED


def test_a_device_that_does_not_follow_times_out_with_the_last_state_seen(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path, ack_timeout_s=1.0)
    try:
        switch = env.id_of("wall_switch")
        wait_for(lambda: env.registry.get(switch) and env.registry.get(switch).values.get("power") is True,
                 what="switch state ON")
        env.sim.follow = False
        row = env.pipeline.submit(switch, {"power": False})
        done = env.wait_state(row.id, S.SUCCEEDED, S.TIMEOUT, S.FAILED)
        assert done.state is S.TIMEOUT
        assert "last state seen: power=True" in done.error
        assert [t for t, _ in env.sim.received].count("zigbee2mqtt/wall_switch/set") == 1  # never sent twice
        assert env.bridge.transport.waiting() == 0
    finally:
        env.stop()


def test_an_optimistic_device_ends_delivered_and_says_so(env):
    plug = env.id_of("Opt Plug")
    wait_for(lambda: env.registry.meta(plug) is not None, what="plug meta")
    row = env.pipeline.submit(plug, {"plug": True})
    done = env.wait_state(row.id, S.DELIVERED)
    wait_for(lambda: row.id not in {r.id for r in env.pipeline.open_rows()}, what="closed at DELIVERED")
    assert env.pipeline.get(row.id).error == "" and env.pipeline.outbox.history(row.id)[-1].detail == OPTIMISTIC
    assert done.state is S.DELIVERED
    wait_for(lambda: ("opt/plug/cmd", b"ON") in env.sim.received, what="the plug got it")  # QoS 0: after "delivered"


def test_a_lock_is_high_risk_and_needs_the_operators_yes_through_submit(env):
    lock = env.id_of("front_door")
    wait_for(lambda: env.registry.get(lock) and env.registry.get(lock).values.get("locked") is True,
             what="the lock's state")
    with pytest.raises(ConfirmationRequired) as asked:
        env.pipeline.submit(lock, {"locked": False}, origin="assistant")
    assert asked.value.high_risk and asked.value.risky == ("locked",)
    assert env.pipeline.outbox.count() == 0
    assert not [t for t, _ in env.sim.received if t == "zigbee2mqtt/front_door/set"]
    row = env.pipeline.submit(lock, {"locked": False}, origin="assistant", confirmed=asked.value.confirmation())
    assert env.wait_state(row.id, S.SUCCEEDED, S.TIMEOUT).state is S.SUCCEEDED
    assert ("zigbee2mqtt/front_door/set", b"UNLOCK") in env.sim.received  # it answered, so it was received
    assert row.qos == 2  # the audit says it was high risk; the wire used the config's QoS


def test_an_empty_retained_config_removes_the_device_and_its_subscriptions(env):
    switch = env.id_of("wall_switch")
    wait_for(lambda: env.registry.get(switch) is not None, what="switch in the registry")
    assert "zigbee2mqtt/wall_switch/availability" in env.bridge.subscribed()
    topic = next(e["topic"] for e in ENTRIES if "0x0017880104e45541" in e["topic"]).replace("homeassistant", env.ha_prefix)
    env.link.publish(topic, b"", qos=1, retain=True)
    wait_for(lambda: env.registry.get(switch) is None, what="switch removed from the registry")
    assert env.bridge.fleet.device(switch) is None and not env.bridge.is_ha(switch)
    subscribed = env.bridge.subscribed()
    assert "zigbee2mqtt/wall_switch/availability" not in subscribed
    assert "zigbee2mqtt/bridge/state" in subscribed  # the other Zigbee2MQTT devices still read it
    assert env.registry.get(env.id_of("bulb")) is not None


def test_availability_transitions(env):
    bulb, relay = env.id_of("bulb"), env.id_of("livingroom")
    wait_for(lambda: env.registry.get(bulb) and env.registry.get(bulb).online is True, what="bulb online")
    env.link.publish("zigbee2mqtt/bulb/availability", json.dumps({"state": "offline"}), qos=1, retain=True)
    wait_for(lambda: env.registry.get(bulb).online is False, what="bulb offline")
    env.link.publish("zigbee2mqtt/bulb/availability", json.dumps({"state": "online"}), qos=1, retain=True)
    wait_for(lambda: env.registry.get(bulb).online is True, what="bulb online again")
    env.link.publish("zigbee2mqtt/bridge/state", json.dumps({"state": "offline"}), qos=1, retain=True)
    wait_for(lambda: env.registry.get(bulb).online is False, what="bridge offline: mode all takes the bulb down")
    wait_for(lambda: env.registry.get(relay).online is True, what="relay online")
    env.link.publish("livingroom/status", "offline", qos=1, retain=True)
    wait_for(lambda: env.registry.get(relay).online is False, what="ESPHome node offline")
