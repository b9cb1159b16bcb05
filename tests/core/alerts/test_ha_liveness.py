"""Offline and stale rules for devices found through Home Assistant MQTT discovery, on the real
Mosquitto: the HA discovery simulator announces a boiler (a temperature sensor with an availability
topic), the console's HaBridge puts it in the registry, the engine watches the bridge's fleet as
services.build_services wires it.  Availability "offline" is its Last Will; any payload, even one
that changes nothing, is a message for stale rules."""

from __future__ import annotations

import json

import paho.mqtt.client as mqtt
import pytest

from console.core.demo.ha_simulator import HaDiscoverySimulator
from console.core.sources.ha_bridge import HaBridge
from tests.conftest import wait_for
from tests.core.alerts.helpers import Rig, rule

RULES = (rule("boiler-offline", "Boiler offline", "offline", after_s=15, severity="critical", zones=["line-a"])
         + rule("boiler-silent", "Boiler silent", "stale", after_s=60, zones=["line-a"]))


def boiler(prefix: str, ha_prefix: str) -> dict:
    """One discovery entry; its state and availability topics are the test's own (topics are global)."""
    base = f"{prefix}/boiler"
    return {
        "topic": f"{ha_prefix}/sensor/{prefix}_boiler_temp/config",
        "config": {"name": "Temperature", "state_topic": f"{base}/state", "unit_of_measurement": "°C",
                   "value_template": "{{ value_json.temperature }}", "device_class": "temperature",
                   "unique_id": f"{prefix}_boiler_temp", "availability_topic": f"{base}/availability",
                   "device": {"identifiers": [f"{prefix}_boiler"], "name": "Boiler", "suggested_area": "Line A"}},
        "example_state_topic": f"{base}/state", "example_state_payload": {"temperature": 61.5},
    }


class Plant:
    """The simulator, a paho client that speaks for the boiler, and the console side watching it."""

    def __init__(self, rig: Rig) -> None:
        broker_cfg = rig.broker_cfg
        self.ha_prefix = "ha" + broker_cfg.prefix
        self.base = f"{broker_cfg.prefix}/boiler"
        self.sim = HaDiscoverySimulator([boiler(broker_cfg.prefix, self.ha_prefix)], broker_cfg, prefix=self.ha_prefix)
        rig.on_close(lambda: self.sim.stop(clear=True))
        self.side = rig.console(RULES)
        self.bridge = HaBridge(self.side.link, self.side.registry, self.ha_prefix)  # its listener first
        self.side.engine.watch_ha(self.bridge.fleet)
        self.bridge.attach()
        self.voice = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"boiler-{broker_cfg.prefix}")
        self.voice.connect(broker_cfg.host, broker_cfg.port)
        self.voice.loop_start()
        rig.on_close(self.close_voice)
        self.sim.start(wait=15)
        self.id = wait_for(lambda: next((m.id for m in self.bridge.fleet.metas() if m.name == "Boiler"), None), 15,
                           what="the boiler discovered")

    def say(self, kind: str, payload) -> None:
        text = payload if isinstance(payload, str) else json.dumps(payload)
        self.voice.publish(f"{self.base}/{kind}", text, qos=1, retain=True).wait_for_publish(10)

    def messages(self) -> int:
        return self.bridge.fleet.message_counts().get(self.id, 0)

    def close_voice(self) -> None:
        self.voice.loop_stop()
        self.voice.disconnect()


@pytest.fixture
def plant(rig):
    return Plant(rig)


def test_an_ha_device_whose_availability_says_offline_raises_the_offline_alert_and_clears_online(plant, clock):
    side = plant.side
    wait_for(lambda: side.engine.bound_devices() == 1, 15, what="the boiler bound to the zone's rules")
    wait_for(lambda: side.registry.get(plant.id) and side.registry.get(plant.id).online is True, 15,
             what="the boiler available")
    assert plant.id not in side.engine.offline_ids()
    plant.say("availability", "offline")  # what its bridge publishes as the device's Last Will
    wait_for(lambda: plant.id in side.engine.offline_ids(), 15, what="the engine to see it offline")
    clock.advance(14)
    side.engine.tick()
    assert side.active() == []
    clock.advance(1)
    side.engine.tick()
    [alert] = side.active()
    assert (alert.rule_id, alert.device_id, alert.zone, alert.severity) == ("boiler-offline", plant.id, "line-a",
                                                                            "critical")
    assert alert.value == pytest.approx(15.0)
    clock.advance(300)
    side.engine.tick()
    assert [a.rule_id for a in side.active()] == ["boiler-offline"]  # offline is not also stale
    plant.say("availability", "online")
    wait_for(lambda: not side.active(), 15, what="the offline alert cleared by availability online")
    assert side.store.get(alert.id).cleared_by == "device"
    assert plant.id not in side.engine.offline_ids()


def test_an_ha_device_repeating_the_same_value_is_not_stale_and_a_silent_one_is(plant, clock):
    side = plant.side
    wait_for(lambda: side.engine.bound_devices() == 1, 15, what="the boiler bound")
    wait_for(lambda: plant.messages() >= 2, 15, what="its retained state and availability")
    side.engine.tick()  # the first scan: its message count so far
    for _ in range(3):  # 59 s apart, the same temperature: no state change, but it speaks
        clock.advance(59)
        n = plant.messages()
        plant.say("state", {"temperature": 61.5})
        wait_for(lambda: plant.messages() > n, 15, what="the repeated state received")
        side.engine.tick()
        assert side.active() == [], "a device that repeats an unchanged value is not silent"
    clock.advance(59)
    side.engine.tick()
    assert side.active() == []
    clock.advance(2)
    side.engine.tick()
    [alert] = side.active()
    assert (alert.rule_id, alert.device_id) == ("boiler-silent", plant.id)
    n = plant.messages()
    plant.say("state", {"temperature": 61.5})  # it speaks again, still the same value
    wait_for(lambda: plant.messages() > n, 15, what="the state received")
    clock.advance(1)
    side.engine.tick()  # the next scan sees the new message
    assert side.active() == []
    assert side.store.get(alert.id).cleared_by == "device"
