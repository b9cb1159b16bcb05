"""Shared parts of the alerts tests: a clock the test moves, a device that speaks PROTOCOL.md over a
real MQTT connection (publishes what the test says, acks commands when told to), and a console
side (link + registry + alert engine) against the real Mosquitto of tests/conftest.py."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import paho.mqtt.client as mqtt

from console.core.alerts.engine import AlertEngine
from console.core.alerts.rules import parse_rules
from console.core.alerts.store import AlertStore
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.protocol import device_topic
from tests.conftest import wait_for


class ManualClock:
    """Wall-clock seconds that move only when the test says so."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self.now

    def advance(self, seconds: float) -> float:
        with self._lock:
            self.now += seconds
            return self.now


def meta(device_id: str, zone: str = "line-a", *, risk: str = "low", caps: dict | None = None) -> dict:
    return {"schema": 1, "id": device_id, "name": device_id, "kind": "sensor", "zone": zone, "risk": risk,
            "capabilities": caps or {"temp": {"type": "float", "unit": "°C"},
                                     "power": {"type": "bool", "writable": True}}}


class Device:
    """One device on its own paho connection (with a Last Will), driven by the test."""

    def __init__(self, cfg: BrokerConfig, meta_json: dict, *, ack: str | None = "done", ack_delay_s: float = 0.0) -> None:
        self.cfg = cfg
        self.ack_delay_s = ack_delay_s
        self._timers: list[threading.Timer] = []
        self.id = meta_json["id"]
        self.meta = meta_json
        self.ack = ack  # "done": ack every command done; None: stay silent (the command times out)
        self.seq = 0
        self.commands: list[dict] = []
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"dev-{self.id}-{uuid.uuid4().hex[:6]}",
                                  protocol=mqtt.MQTTv5)
        self.client.will_set(self.topic("status"), "offline", qos=1, retain=True)
        self.client.on_message = self._on_message
        self.client.connect(cfg.host, cfg.port)
        self.client.subscribe(self.topic("cmd"), qos=1)
        self.client.loop_start()
        self.publish("meta", json.dumps(meta_json), retain=True)
        self.publish("status", "online", retain=True)

    def topic(self, kind: str) -> str:
        return device_topic(self.cfg.prefix, self.id, kind)

    def publish(self, kind: str, payload: str, retain: bool = False) -> None:
        self.client.publish(self.topic(kind), payload, qos=1, retain=retain).wait_for_publish(10)

    def state(self, **values) -> None:
        self.seq += 1
        self.publish("state", json.dumps({"seq": self.seq, "ts": time.time(), "values": values}), retain=True)

    def status(self, online: bool) -> None:
        self.publish("status", "online" if online else "offline", retain=True)

    def _on_message(self, client, userdata, msg) -> None:
        cmd = json.loads(msg.payload)
        self.commands.append(cmd)
        if self.ack:
            status = self.ack

            def send() -> None:
                ack = {"id": cmd["id"], "status": status, "ts": time.time()}
                client.publish(self.topic("ack"), json.dumps(ack), qos=1)

            if self.ack_delay_s > 0:
                timer = threading.Timer(self.ack_delay_s, send)
                self._timers.append(timer)
                timer.start()
            else:
                send()

    def kill(self) -> None:
        """Drop the connection without DISCONNECT: the broker publishes the Last Will (offline)."""
        self.client.loop_stop()
        sock = self.client.socket()
        if sock is not None:
            sock.close()

    def close(self) -> None:
        for timer in self._timers:
            timer.cancel()
        self.client.loop_stop()
        try:
            self.client.disconnect()
        except Exception:  # noqa: BLE001 - already gone
            pass


@dataclass
class ConsoleSide:
    link: MqttLink
    registry: FleetRegistry
    engine: AlertEngine
    store: AlertStore
    pipeline: object = None
    changes: list = field(default_factory=list)

    def stop(self) -> None:
        self.engine.stop()
        self.engine.detach()
        if self.pipeline is not None:
            self.pipeline.stop()
        self.link.stop()
        if self.pipeline is not None:
            self.pipeline.outbox.close()
        self.store.close()

    def active(self, rule_id: str | None = None) -> list:
        return [a for a in self.engine.open_alerts() if rule_id is None or a.rule_id == rule_id]


def console_side(cfg: BrokerConfig, rules_text: str, db: Path, clock, *, pipeline_factory=None,
                 via_registry: bool = True) -> ConsoleSide:
    """``via_registry``: states judged on the registry's ``state_applied`` (as the console runs);
    False: from the messages themselves (the engine without a registry)."""
    link = MqttLink(cfg)
    registry = FleetRegistry(cfg.prefix)
    link.route(FLEET_KINDS, registry.ingest)
    store = AlertStore(db)
    pipeline = pipeline_factory(link, registry) if pipeline_factory else None
    engine = AlertEngine(store, parse_rules(rules_text), clock=clock, pipeline=pipeline)
    engine.attach(link, pipeline, registry if via_registry else None)
    side = ConsoleSide(link, registry, engine, store, pipeline)
    if pipeline is not None:
        pipeline.start()
    engine.changed.connect(side.changes.append)
    link.start()
    assert link.wait_connected(15), "the console link did not connect"
    wait_for(lambda: engine._link_up, 10, what="the engine to see the link up")
    wait_for(lambda: link.stages.done, 15, what="every device wildcard subscribed (mqtt.stages)")
    return side


def real_pipeline(db: Path, **cfg):
    """A pipeline_factory: the real command pipeline on its own outbox (``cfg``: PipelineConfig)."""
    from console.core.commands.outbox import Outbox
    from console.core.commands.pipeline import CommandPipeline, PipelineConfig

    def make(link, registry):
        pipeline = CommandPipeline(Outbox(db), link, registry.meta, PipelineConfig(**cfg))
        link.route("ack", pipeline.on_ack)
        return pipeline

    return make


def evaluated(engine: AlertEngine, before: int, timeout: float = 15.0) -> None:
    """Wait until the engine saw at least one more state than ``before`` (``values_seen``)."""
    wait_for(lambda: engine.values_seen > before, timeout, what="the engine to see the new state")
