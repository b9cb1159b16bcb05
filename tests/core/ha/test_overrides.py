"""The operator's risk and exposure choices for discovered devices: persisted per broker, applied by
the bridge to the registry's meta (so the one submit path asks for high risk), on a real Mosquitto."""

from __future__ import annotations

import json

import pytest

from console.core.commands.pipeline import ConfirmationRequired
from console.core.mqtt.link import BrokerConfig
from console.core.protocol import CommandState as S
from console.core.sources.ha_overrides import HaOverrides, Override, apply_override, overrides_path_for
from tests.conftest import wait_for
from tests.core.ha.bridge_env import start_env


def test_choices_are_persisted_and_a_default_choice_leaves_the_file(tmp_path):
    path = tmp_path / "o" / "site.json"
    first = HaOverrides(path)
    first.set_risk("dev_a", "high")
    first.set_exposed("dev_b", False)
    again = HaOverrides(path)
    assert again.get("dev_a") == Override("high", True)
    assert again.get("dev_b") == Override(None, False)
    assert again.get("other") == Override()
    again.set_risk("dev_a", None)
    assert set(json.loads(path.read_text())["devices"]) == {"dev_b"}
    with pytest.raises(ValueError):
        again.set_risk("dev_b", "medium")


def test_an_unreadable_file_starts_empty(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    assert HaOverrides(path).get("x") == Override()
    path.write_text(json.dumps({"devices": {"x": {"risk": "extreme", "exposed": False}}}))
    assert HaOverrides(path).get("x") == Override(None, False)  # an unknown risk is not taken


def test_one_file_per_broker_site(tmp_path):
    a = overrides_path_for(BrokerConfig(host="a", port=1883, prefix="p"))
    b = overrides_path_for(BrokerConfig(host="a", port=1884, prefix="p"))
    demo = overrides_path_for(BrokerConfig(host="a", port=1883, prefix="p"), embedded_demo=True)
    assert len({a, b, demo}) == 3 and str(tmp_path) in str(a)  # AUTOGLM_DATA_DIR is the test's


def test_apply_override_sets_the_risk_on_every_capability(tmp_path):
    from console.core.protocol import Capability, DeviceMeta
    meta = DeviceMeta("d", "D", "lock", "", {"locked": Capability("locked", "bool", True, risk="high"),
                                             "beep": Capability("beep", "bool", True)}, risk="low")
    low = apply_override(meta, Override("low"))
    assert not low.is_high_risk({"locked": True}) and not low.is_high_risk()
    assert apply_override(meta, Override("high")).is_high_risk({"beep": True})
    assert apply_override(meta, Override(None, False)) is meta


def test_a_persisted_choice_is_applied_at_discovery_and_submit_asks(broker_cfg, tmp_path):
    path = tmp_path / "overrides.json"
    env = start_env(broker_cfg, tmp_path / "one", overrides=HaOverrides(path))
    try:
        switch = env.id_of("wall_switch")
        wait_for(lambda: env.registry.meta(switch) is not None, what="switch meta")
        assert env.registry.meta(switch).risk == "low" and env.registry.exposed(switch)
        env.bridge.overrides.set_risk(switch, "high")
        env.bridge.overrides.set_exposed(switch, False)
        assert env.registry.meta(switch).is_high_risk({"power": False})  # applied at once
        assert not env.registry.exposed(switch)
    finally:
        env.stop()
    env = start_env(broker_cfg, tmp_path / "two", overrides=HaOverrides(path))  # a restart
    try:
        wait_for(lambda: (m := env.registry.meta(switch)) is not None and m.risk == "high",
                 what="the persisted risk on the rediscovered switch")
        assert not env.registry.exposed(switch)
        with pytest.raises(ConfirmationRequired) as asked:
            env.pipeline.submit(switch, {"power": False}, origin="assistant")
        assert asked.value.high_risk and env.pipeline.outbox.count() == 0
        row = env.pipeline.submit(switch, {"power": False}, confirmed=asked.value.confirmation())
        assert env.wait_state(row.id, S.SUCCEEDED, S.TIMEOUT).state is S.SUCCEEDED
        assert row.qos == 2
    finally:
        env.stop()


def test_the_operator_can_lower_a_lock_to_low_risk(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path)
    try:
        lock = env.id_of("front_door")
        wait_for(lambda: env.registry.meta(lock) is not None, what="lock meta")
        assert env.registry.meta(lock).is_high_risk({"locked": False})
        env.bridge.overrides.set_risk(lock, "low")
        row = env.pipeline.submit(lock, {"locked": False})  # no confirmation asked
        assert env.wait_state(row.id, S.SUCCEEDED, S.TIMEOUT).state is S.SUCCEEDED
        env.bridge.overrides.set_risk(lock, None)  # back to discovery's default
        with pytest.raises(ConfirmationRequired):
            env.pipeline.submit(lock, {"locked": True})
    finally:
        env.stop()


def test_raw_payloads_per_topic_through_the_bridge(broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path)
    try:
        bulb = env.id_of("bulb")
        raw = wait_for(lambda: (r := env.bridge.raw_payloads(bulb)) and "zigbee2mqtt/bulb" in r and r,
                       what="the bulb's raw state payload")
        assert json.loads(raw["zigbee2mqtt/bulb"][-1])["brightness"] is not None
        assert len(raw["zigbee2mqtt/bulb"]) == 1  # one payload, however many of its entities read it
        assert env.bridge.raw_payloads("no_such_device") is None
    finally:
        env.stop()
