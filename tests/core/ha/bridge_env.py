"""A discovered fleet on the test's real Mosquitto: the HA simulator, the console's link, registry,
pipeline and HaBridge, wired as ``build_services`` wires them (each test gets its own discovery prefix;
the simulator clears what it left retained, since state topics such as ``zigbee2mqtt/bulb`` are global)."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline, PipelineConfig
from console.core.demo.ha_simulator import HaDiscoverySimulator
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.protocol import CommandState
from console.core.sources.ha_bridge import HaBridge
from tests.conftest import wait_for
from tests.core.ha.helpers import examples, more

LOCK = next(e for e in more() if "/lock/" in e["topic"])
LOCK_ENTRY = {**LOCK, "example_state_topic": "zigbee2mqtt/front_door", "example_state_payload": {"state": "LOCK"}}
OPTIMISTIC_ENTRY = {  # a plug with a command topic and no state topic
    "topic": "homeassistant/switch/opt_plug/config",
    "config": {"name": "Plug", "command_topic": "opt/plug/cmd", "unique_id": "opt_plug_1",
               "device": {"identifiers": ["opt_plug"], "name": "Opt Plug"}},
}
ENTRIES = [*examples(), LOCK_ENTRY, OPTIMISTIC_ENTRY]


@dataclass
class Env:
    sim: HaDiscoverySimulator
    registry: FleetRegistry
    link: MqttLink
    pipeline: CommandPipeline
    bridge: HaBridge
    ha_prefix: str

    def id_of(self, name: str) -> str:
        return wait_for(lambda: next((m.id for m in self.bridge.fleet.metas() if m.name == name), None),
                        what=f"device {name} discovered")

    def wait_state(self, command_id: str, *states: CommandState, timeout: float = 10.0):
        return wait_for(lambda: (r := self.pipeline.get(command_id)) is not None and r.state in states and r,
                        timeout=timeout, what=f"command in {states}")

    def stop(self) -> None:
        self.pipeline.stop()
        self.link.stop()
        self.pipeline.outbox.close()
        self.sim.stop(clear=True)


def start_env(broker_cfg: BrokerConfig, tmp_path, *, ack_timeout_s: float = 10.0, entries=None,
              overrides=None) -> Env:
    ha_prefix = "ha" + broker_cfg.prefix
    cfg = BrokerConfig(host=broker_cfg.host, port=broker_cfg.port, prefix=broker_cfg.prefix, ha_prefix=ha_prefix)
    sim = HaDiscoverySimulator(entries or ENTRIES, cfg, prefix=ha_prefix)
    sim.start(wait=10)
    registry = FleetRegistry(cfg.prefix)
    link = MqttLink(cfg)
    link.route(FLEET_KINDS, registry.ingest)
    bridge = HaBridge(link, registry, ha_prefix, overrides=overrides)
    pipeline = CommandPipeline(Outbox(tmp_path / "outbox.sqlite"), link, registry.meta,
                               PipelineConfig(ack_timeout_s=ack_timeout_s), transport_for=bridge.transport_for)
    link.route("ack", pipeline.on_ack)
    bridge.bind(pipeline)
    bridge.attach()
    pipeline.start()
    link.start()
    assert link.wait_connected(10)
    return Env(sim, registry, link, pipeline, bridge, ha_prefix)
