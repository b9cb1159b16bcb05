"""The wiring around the bridge: build_services' mixed demo fleet, and the two command-line entries."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace

from console.cli import main as cli_main
from console.core.paths import resource_path
from console.core.services import build_services
from tests.conftest import wait_for
from tests.core.ha.helpers import DATA


def test_the_demo_fleet_is_mixed_native_and_discovered(broker_cfg, tmp_path):
    cfg = replace(broker_cfg, ha_prefix="ha" + broker_cfg.prefix)  # apart from other tests on the broker
    svc = build_services(broker_url=cfg.url(), demo=True, cfg=cfg, outbox_path=tmp_path / "o.sqlite")
    svc.start_blocking()
    try:
        def sources():
            recs = [r for _, r in svc.registry.get_many(svc.registry.ids()) if r.meta is not None and r.online]
            return {r.source for r in recs}, len(recs)
        wait_for(lambda: sources()[0] == {"native", "ha"} and sources()[1] == len(svc.fleet.devices) + 7,
                 what="native and discovered devices side by side, online")
        # the discovered devices' state topics are read by the ingest child process (cfg.ha_ingest)
        assert cfg.ha_ingest == "process" and svc.link.offload is not None and svc.link.offload.alive
        wait_for(lambda: svc.link.offload.batches > 0 and svc.ha.fleet.states_in > 0,
                 what="states read in the child process and applied here")
        lock = next(m for m in svc.ha.fleet.metas() if m.name == "front_door")
        assert svc.registry.meta(lock.id).risk == "high"
        assert svc.commands.transport_for(lock.id) is svc.ha.transport
        assert svc.commands.transport_for(svc.fleet.devices[0].id) is None  # native: the cmd topic
    finally:
        svc.ha_simulator.stop(clear=True)
        svc.stop()
    assert not svc.link.offload.alive  # stopping the console stops its child too


def test_discover_prints_the_fleet_model_of_a_file(capsys):
    assert cli_main(["discover", "--ha-config", str(DATA / "examples.json"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    by_name = {d["name"]: d for d in doc["devices"]}
    assert set(by_name) == {"bulb", "wall_switch", "TS0601_thermostat", "weather_sensor", "livingroom"}
    assert by_name["bulb"]["capabilities"]["brightness"] == {
        "type": "int", "min": 0, "max": 254, "values": None, "unit": None, "writable": True}
    assert cli_main(["discover", "--ha-config", str(DATA / "missing.json")]) == 2


def test_simulate_ha_discovery_publishes_the_file_retained(broker_cfg):
    from console.core.fleet.registry import FleetRegistry
    from console.core.mqtt.link import MqttLink
    from console.core.sources.ha_bridge import HaBridge

    ha_prefix = "ha" + broker_cfg.prefix
    proc = subprocess.run(
        [sys.executable, "-m", "console", "simulate", "--broker", broker_cfg.url(), "--ha-prefix", ha_prefix,
         "--ha-discovery", str(resource_path("fleets", "ha-demo.json")), "--duration", "0.5"],
        capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "simulating 7 discovered entities" in proc.stdout
    registry = FleetRegistry(broker_cfg.prefix)
    link = MqttLink(broker_cfg)
    bridge = HaBridge(link, registry, ha_prefix)
    bridge.attach()
    link.start()
    try:  # what it left retained is discovered by a console that connects later
        wait_for(lambda: len(registry) == 7, what="7 devices from the retained configs")
    finally:
        for topic in json.loads(resource_path("fleets", "ha-demo.json").read_text(encoding="utf-8")):
            link.publish(topic["topic"].replace("homeassistant", ha_prefix), b"", qos=1, retain=True)
        for topic in bridge.subscribed():
            link.publish(topic, b"", qos=1, retain=True)
        wait_for(lambda: len(registry) == 0, what="cleared")
        link.stop()


def test_a_device_merged_into_another_is_reported_removed():
    from console.core.ha import HaFleet

    fleet = HaFleet()
    def switch(obj, ids):
        return json.dumps({"name": obj, "command_topic": f"x/{obj}/set", "state_topic": f"x/{obj}",
                           "unique_id": obj, "device": {"identifiers": ids, "name": obj}})
    fleet.handle_config("homeassistant/switch/a/config", switch("a", ["ida"]))
    fleet.handle_config("homeassistant/switch/b/config", switch("b", ["idb"]))
    assert len(fleet.metas()) == 2
    events = fleet.handle_config("homeassistant/switch/c/config", switch("c", ["ida", "idb"]))
    [survivor] = fleet.metas()
    removed = [e.device_id for e in events if e.kind == "removed"]
    assert len(removed) == 1 and removed[0] != survivor.id  # the bridge drops it from the registry


def test_the_discovery_prefix_is_part_of_a_connection_profile():
    import pytest

    from console.core.mqtt.profiles import ConnectionProfile, ProfileError

    prof = ConnectionProfile(name="plant", ha_prefix="ha/site1").validate()
    assert prof.broker_config().ha_prefix == "ha/site1"
    assert ConnectionProfile.from_settings(prof.to_settings()).ha_prefix == "ha/site1"
    assert ConnectionProfile(name="off", ha_prefix="").validate().broker_config().ha_prefix == ""
    with pytest.raises(ProfileError, match="discovery prefix"):
        ConnectionProfile(name="bad", ha_prefix="homeassistant/#").validate()
