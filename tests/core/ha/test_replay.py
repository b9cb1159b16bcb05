"""An open command for a discovered device, replayed after the console restarts, goes to the device's
Home Assistant command topic, never to the native ``PREFIX/devices/ID/cmd`` (real Mosquitto)."""

from __future__ import annotations

import threading

import paho.mqtt.client as mqtt

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline, PipelineConfig
from console.core.demo.ha_simulator import HaDiscoverySimulator
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.protocol import CommandState as S
from console.core.sources.ha_bridge import HaBridge
from tests.conftest import wait_for
from tests.core.ha.bridge_env import ENTRIES, start_env


class Spy:
    """A bare client that records every message on a filter."""

    def __init__(self, cfg: BrokerConfig, topic_filter: str) -> None:
        self.messages: list[tuple[str, bytes]] = []
        self._subscribed = threading.Event()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"spy-{cfg.prefix}")
        self.client.on_message = lambda c, u, m: self.messages.append((m.topic, m.payload))
        self.client.on_subscribe = lambda *a: self._subscribed.set()
        self.client.on_connect = lambda c, u, f, rc, p: c.subscribe(topic_filter, qos=1)
        self.client.connect(cfg.host, cfg.port)
        self.client.loop_start()
        assert self._subscribed.wait(10)

    def stop(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


def console(cfg: BrokerConfig, ha_prefix: str, outbox_path) -> tuple[MqttLink, FleetRegistry, HaBridge, CommandPipeline]:
    """A console as build_services wires one (link, registry, bridge, pipeline), not started."""
    cfg = BrokerConfig(host=cfg.host, port=cfg.port, prefix=cfg.prefix, ha_prefix=ha_prefix)
    registry = FleetRegistry(cfg.prefix)
    link = MqttLink(cfg)
    link.route(FLEET_KINDS, registry.ingest)
    bridge = HaBridge(link, registry, ha_prefix)
    pipeline = CommandPipeline(Outbox(outbox_path), link, registry.meta, PipelineConfig(ack_timeout_s=10.0),
                               transport_for=bridge.transport_for)
    link.route("ack", pipeline.on_ack)
    bridge.bind(pipeline)
    bridge.attach()
    return link, registry, bridge, pipeline


def test_a_replayed_ha_command_goes_to_the_ha_topic_after_a_restart(broker_cfg, tmp_path):
    """The console restarts while Zigbee2MQTT does too: its configs come back only after our CONNACK
    (and our replay).  The command must wait for its device, then go where the config says."""
    env = start_env(broker_cfg, tmp_path)
    sim = None
    try:
        plug = env.id_of("wall_switch")
        wait_for(lambda: env.registry.meta(plug) is not None and env.registry.get(plug).values.get("power") is True,
                 what="the switch known and on")
        env.link.stop()  # the broker link is down: the command waits in the outbox, QUEUED
        row = env.pipeline.submit(plug, {"power": False})
        assert env.pipeline.get(row.id).state is S.QUEUED
        env.pipeline.stop()
        env.pipeline.outbox.close()  # the console quits with the command open
        env.sim.stop(clear=True)  # and the bridge goes away with its retained configs

        spy = Spy(broker_cfg, f"{broker_cfg.prefix}/devices/+/cmd")
        link, registry, bridge, pipeline = console(broker_cfg, env.ha_prefix, tmp_path / "outbox.sqlite")
        pipeline.start()
        link.start()  # the restarted console: CONNACK and replay, nothing discovered yet
        try:
            assert link.wait_connected(10)
            held = getattr(pipeline, "waiting_for_device", lambda: set())
            wait_for(lambda: spy.messages or row.id in held(), what="the replay sent or held the command")
            assert spy.messages == []  # nothing to a native cmd topic: the device's source is not known yet
            cfg = BrokerConfig(host=broker_cfg.host, port=broker_cfg.port, prefix=broker_cfg.prefix,
                               ha_prefix=env.ha_prefix)
            sim = HaDiscoverySimulator(ENTRIES, cfg, prefix=env.ha_prefix)
            sim.start(wait=10)  # the bridge is back: discovery, then the held command goes
            done = wait_for(lambda: (r := pipeline.get(row.id)) is not None and r.state.terminal and r,
                            timeout=30, what="the replayed command settled")
            assert done.state is S.SUCCEEDED, (done.state, done.error)
            assert [p for t, p in sim.received if t == "zigbee2mqtt/wall_switch/set"] == [b"OFF"]
            # the same spy then hears its own marker: anything published to a cmd topic before it is in
            spy.client.publish(f"{broker_cfg.prefix}/devices/marker/cmd", b"marker", qos=1)
            wait_for(lambda: any(p == b"marker" for _, p in spy.messages), what="the spy's marker")
            assert [t for t, p in spy.messages if p != b"marker"] == []  # nothing went to a native cmd topic
        finally:
            pipeline.stop()
            link.stop()
            pipeline.outbox.close()
            spy.stop()
    finally:
        if sim is not None:
            sim.stop(clear=True)
