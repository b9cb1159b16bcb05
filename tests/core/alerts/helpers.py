"""Shared parts of the alerts tests: a clock the test moves, rules written as TOML tables, a device
that speaks PROTOCOL.md over a real MQTT connection (publishes what the test says, acks commands when
told to), a console side (link + registry + alert engine) against the real Mosquitto of
tests/conftest.py, and :class:`Rig`, which builds them for one test and closes them after it (the
``rig`` fixture of conftest.py)."""

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


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"


def rule(rule_id: str, name: str, kind: str, *, action: dict | None = None, **fields) -> str:
    """One ``[[rule]]`` table of a rules file, fields in the order given (``action``: its
    ``[rule.action]`` table, e.g. ``{"device": "fan-1", "set": {"power": True}}``)."""
    lines = ["", "[[rule]]", f"id = {_toml(rule_id)}", f"name = {_toml(name)}", f"kind = {_toml(kind)}"]
    lines += [f"{key} = {_toml(value)}" for key, value in fields.items()]
    if action is not None:
        lines += ["[rule.action]", *(f"{key} = {_toml(value)}" for key, value in action.items())]
    return "\n".join(lines) + "\n"


def hot(**fields) -> str:
    """The rule most tests need: ``temp`` above 30 on any device (``fields``: more of its fields)."""
    return rule("hot", "Too hot", "threshold", capability="temp", above=30.0, **fields)


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
    stopped: bool = False

    def stop(self) -> None:
        """Once; a test that restarts the console stops the first itself, the Rig the rest."""
        if self.stopped:
            return
        self.stopped = True
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


def commands_end(side: ConsoleSide, device_id: str, values: list[dict], state, what: str) -> list:
    """Submit one command per ``values`` to the device and wait until each ended in ``state``."""
    rows = [side.pipeline.submit(device_id, v) for v in values]
    wait_for(lambda: all(side.pipeline.get(r.id).state is state for r in rows), 20, what=what)
    return rows


class Rig:
    """What one test builds on the broker, closed after it in reverse: devices, then consoles, then
    anything else registered with :meth:`on_close` (a simulator)."""

    def __init__(self, broker_cfg: BrokerConfig, tmp_path: Path, clock) -> None:
        self.broker_cfg, self.tmp_path, self.clock = broker_cfg, tmp_path, clock
        self._devices: list[Device] = []
        self._sides: list[ConsoleSide] = []
        self._others: list = []

    def console(self, rules_text: str, *, db: str = "alerts.sqlite3", pipeline: dict | None = None,
                cfg: BrokerConfig | None = None, **kw) -> ConsoleSide:
        """A console side on the test's broker (``pipeline``: a real command pipeline with this
        PipelineConfig; ``cfg``: another broker)."""
        if pipeline is not None:
            kw["pipeline_factory"] = real_pipeline(self.tmp_path / "outbox.sqlite3", **pipeline)
        side = console_side(cfg or self.broker_cfg, rules_text, self.tmp_path / db, self.clock, **kw)
        self._sides.append(side)
        return side

    def device(self, meta_json: dict, **kw) -> Device:
        dev = Device(self.broker_cfg, meta_json, **kw)
        self._devices.append(dev)
        return dev

    def on_close(self, close) -> None:
        self._others.append(close)

    def close(self) -> None:
        for dev in self._devices:
            dev.close()
        for side in reversed(self._sides):
            side.stop()
        for close in reversed(self._others):
            close()
