"""The device side of PROTOCOL.md: a simulated fleet for the demo, the tests and the benchmarks.

Each simulated device has its own MQTT connection (so its Last Will marks it ``offline`` when the
simulator dies) up to ``per_device_limit`` devices; larger load-test fleets share a few connections
(a gateway: devices are marked ``offline`` on a clean stop, and the gateway's own Last Will is its
status topic).  Commands are validated against the device's meta, duplicates are acked again and
applied once, stale commands are rejected as expired: by ``expires_in_s`` when the command has it
(the time it had left when published, measured here from receipt: no clock is compared), else by
the absolute ``ts`` + ``ttl_s`` on the device's own clock.  ``clock_offset_s`` sets that clock
off (ahead > 0, behind < 0): in state and ack timestamps and in the absolute ttl check.
"""

from __future__ import annotations

import collections
import logging
import math
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.packettypes import PacketTypes
from paho.mqtt.properties import Properties

from console.core.fleet.catalog import Fleet
from console.core.mqtt.link import BrokerConfig, connect_properties, enable_nodelay, make_client
from console.core.telemetry.context import traceparent_from_properties
from console.core.protocol import (
    STATUS_OFFLINE,
    STATUS_ONLINE,
    Ack,
    Command,
    DeviceMeta,
    ProtocolError,
    decode_json,
    device_topic,
    encode_json,
    short_repr,
)

log = logging.getLogger(__name__)
EXPIRED_PREFIX = "expired"


def initial_values(meta: DeviceMeta, rng: random.Random) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, cap in meta.capabilities.items():
        if cap.type == "bool":
            values[name] = False
        elif cap.type == "enum":
            values[name] = cap.values[0]
        elif name == "temp":
            values[name] = round(rng.uniform(21.0, 25.0), 2)
        elif name == "humidity":
            values[name] = round(rng.uniform(35.0, 55.0), 1)
        elif cap.type == "int":
            values[name] = int(cap.min if cap.min is not None else 0)
        else:
            values[name] = float(cap.min if cap.min is not None else 0.0)
            if name == "setpoint":
                values[name] = 24.0
    return values


@dataclass
class SimDevice:
    """One device's state machine: pure logic, no I/O (the Simulator publishes what it returns)."""

    meta: DeviceMeta
    rng: random.Random = field(default_factory=random.Random)
    seq: int = -1
    values: dict[str, Any] = field(default_factory=dict)
    seen: "collections.OrderedDict[str, list[Ack]]" = field(default_factory=collections.OrderedDict)
    applied_ids: list[str] = field(default_factory=list)  # for tests: each id applied once
    max_seen: int = 4096
    clock_offset_s: float = 0.0  # this device's clock minus the true time (tests: a clock that is off)

    def clock(self) -> float:
        """The device's wall clock."""
        return time.time() + self.clock_offset_s

    def __post_init__(self) -> None:
        if not self.values:
            self.values = initial_values(self.meta, self.rng)

    def next_state(self) -> dict[str, Any]:
        self.seq += 1
        return {"seq": self.seq, "ts": self.clock(), "values": dict(self.values)}

    def handle_command(self, raw: Any, now: float | None = None, held_s: float = 0.0) -> tuple[list[Ack], bool]:
        """Return the acks to publish and whether the state changed (publish it before ``done``).
        ``now``: the device's clock; ``held_s``: how long the device held the command since receipt."""
        now = self.clock() if now is None else now
        cid = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(cid, str) and cid in self.seen:
            return list(self.seen[cid]), False  # a duplicate: ack again, never apply twice
        try:
            cmd = Command.from_payload(self.meta.id, raw)
        except ProtocolError as exc:
            if not isinstance(cid, str) or not cid:
                log.info("%s: dropped a command without an id: %s", self.meta.id, exc)
                return [], False
            return self._remember(cid, [Ack(cid, "rejected", now, error=str(exc))]), False
        late = _too_late(raw, cmd, now, held_s)
        if late:
            return self._remember(cmd.id, [Ack(cmd.id, "rejected", now, error=late)]), False
        try:
            params = self.meta.validate_params(cmd.action, cmd.params)
        except ProtocolError as exc:
            return self._remember(cmd.id, [Ack(cmd.id, "rejected", now, error=str(exc))]), False
        self.values.update(params)
        self._follow_controls()
        self.applied_ids.append(cmd.id)
        acks = [Ack(cmd.id, "accepted", now), Ack(cmd.id, "done", self.clock(), state_seq=self.seq + 1)]
        return self._remember(cmd.id, acks), True

    def _remember(self, cid: str, acks: list[Ack]) -> list[Ack]:
        self.seen[cid] = acks
        while len(self.seen) > self.max_seen:
            self.seen.popitem(last=False)
        return acks

    def _follow_controls(self) -> None:
        v = self.values
        if "running" in v and "speed" in v and not v["running"]:
            v.setdefault("load", 0.0)

    def tick(self, dt: float) -> bool:
        """Plausible dynamics; returns whether anything changed."""
        v, kind, r = self.values, self.meta.kind, self.rng
        before = dict(v)
        if kind == "sensor":
            v["temp"] = round(v["temp"] + r.gauss(0, 0.05) * math.sqrt(dt) + (23.0 - v["temp"]) * 0.01 * dt, 2)
            v["humidity"] = round(min(100.0, max(0.0, v["humidity"] + r.gauss(0, 0.2) * math.sqrt(dt))), 1)
        elif kind == "motor" and "load" in v:
            target = (v.get("speed", 0) / 120.0 * 80.0 + r.uniform(-2, 2)) if v.get("running") else 0.0
            v["load"] = round(max(0.0, v["load"] + (target - v["load"]) * min(1.0, 0.5 * dt)), 1)
        elif kind == "hvac" and "temp" in v:
            target = v["setpoint"] if v.get("power") else 28.0
            v["temp"] = round(v["temp"] + (target - v["temp"]) * min(1.0, 0.05 * dt) + r.gauss(0, 0.02), 2)
        return v != before


def _too_late(raw: dict, cmd: Command, now: float, held_s: float) -> str:
    """Why a command must not be applied any more ("" if it may): the relative ``expires_in_s``
    when the command has one (from receipt, no clocks compared), else ``ts`` + ``ttl_s`` on ``now``."""
    left = raw.get("expires_in_s")
    if isinstance(left, (int, float)) and not isinstance(left, bool) and math.isfinite(left):
        if held_s >= left:
            return f"{EXPIRED_PREFIX}: held {held_s:.1f} s after receipt, it had {left:g} s left"
        return ""
    if now - cmd.ts > cmd.ttl_s:
        return f"{EXPIRED_PREFIX}: command is {now - cmd.ts:.1f} s old, ttl {cmd.ttl_s:g} s"
    return ""


class Simulator:
    """Runs a fleet of SimDevices against a broker, in-process (threads) or from the CLI."""

    def __init__(
        self,
        fleet: Fleet,
        broker: BrokerConfig,
        *,
        rate_hz: float = 1.0,
        per_device_limit: int = 256,
        devices_per_gateway: int = 1000,
        seed: int | None = None,
        clock_offset_s: float = 0.0,
    ) -> None:
        self.fleet = fleet
        self.broker = broker
        self.prefix = broker.prefix
        self.rate_hz = rate_hz
        self.rng = random.Random(seed)
        self.devices = {m.id: SimDevice(m, rng=random.Random(self.rng.random()), clock_offset_s=clock_offset_s)
                        for m in fleet.devices}
        self.per_device = len(self.devices) <= per_device_limit
        self._clients: list[mqtt.Client] = []
        self._client_of: dict[str, mqtt.Client] = {}
        self._locks: dict[str, threading.Lock] = {i: threading.Lock() for i in self.devices}
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self.published = 0
        # telemetry.device.DeviceTracer: continue a command's trace (its traceparent) in a span of the device's
        self.tracing: Any = None
        ids = list(self.devices)
        if self.per_device:
            groups = [[i] for i in ids]
        else:
            groups = [ids[k : k + devices_per_gateway] for k in range(0, len(ids), devices_per_gateway)]
        self._groups = groups

    # -- wiring ---------------------------------------------------------------------------------
    def _make_client(self, group: list[str], index: int) -> mqtt.Client:
        cid = f"sim-{group[0]}" if self.per_device else f"sim-gateway-{index}-{random.getrandbits(24):06x}"
        cfg = self.broker.with_client_id(cid)
        client = make_client(cfg, clean=True)
        will = device_topic(self.prefix, group[0], "status") if self.per_device else f"{self.prefix}/simulator/{cid}/status"
        client.will_set(will, STATUS_OFFLINE, qos=1, retain=True)

        def on_connect(c, userdata, flags, reason_code, properties, group=group):
            if reason_code.is_failure:
                log.warning("simulator connection refused: %s", reason_code)
                return
            enable_nodelay(c)
            for dev_id in group:
                dev = self.devices[dev_id]
                c.subscribe(device_topic(self.prefix, dev_id, "cmd"), qos=2)
                c.publish(device_topic(self.prefix, dev_id, "meta"), encode_json(dev.meta.to_json()), qos=1, retain=True)
                c.publish(device_topic(self.prefix, dev_id, "status"), STATUS_ONLINE, qos=1, retain=True)
                with self._locks[dev_id]:
                    state = dev.next_state()
                c.publish(device_topic(self.prefix, dev_id, "state"), encode_json(state), qos=1, retain=True)

        client.on_connect = on_connect
        client.on_message = self._on_command
        client.reconnect_delay_set(0.2, 5)
        return client

    def start(self, wait: float = 10.0) -> None:
        """Connect every device; with ``wait`` > 0, block until all connections are up."""
        self._stop.clear()
        for i, group in enumerate(self._groups):
            client = self._make_client(group, i)
            for dev_id in group:
                self._client_of[dev_id] = client
            props = connect_properties(self.broker, clean=True)
            client.connect_async(self.broker.host, self.broker.port, keepalive=30, properties=props)
            client.loop_start()
            self._clients.append(client)
        if wait > 0:
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and not all(c.is_connected() for c in self._clients):
                time.sleep(0.02)
            if not all(c.is_connected() for c in self._clients):
                raise ConnectionError(f"simulator could not connect to {self.broker.url()}")
        if self.rate_hz > 0:
            self._ticker = threading.Thread(target=self._tick_loop, name="sim-ticker", daemon=True)
            self._ticker.start()

    def stop(self, graceful: bool = True) -> None:
        """Stop; ``graceful`` publishes ``offline`` for every device, else the Last Will does it."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(5)
            self._ticker = None
        for client in self._clients:
            if graceful:
                infos = [
                    client.publish(device_topic(self.prefix, d, "status"), STATUS_OFFLINE, qos=1, retain=True)
                    for d, c in self._client_of.items()
                    if c is client
                ]
                deadline = time.monotonic() + 2
                while time.monotonic() < deadline and not all(i.rc or i.is_published() for i in infos):  # rc: not sent
                    time.sleep(0.01)
                client.disconnect()
            else:
                # drop the socket without DISCONNECT: the broker publishes the Last Will
                sock = client.socket()
                if sock is not None:
                    sock.close()
            client.loop_stop()
        self._clients.clear()
        self._client_of.clear()

    def kill(self, device_id: str) -> None:
        """Cut one device's connection abruptly (only with per-device connections): its LWT fires."""
        client = self._client_of.get(device_id)
        if client is None or not self.per_device:
            raise ValueError(f"cannot kill {device_id}: not a per-device connection")
        client.loop_stop()
        sock = client.socket()
        if sock is not None:
            sock.close()
        self._clients.remove(client)
        del self._client_of[device_id]

    # -- behaviour ------------------------------------------------------------------------------
    def _publish_state(self, client: mqtt.Client, dev: SimDevice) -> None:
        state = dev.next_state()
        client.publish(device_topic(self.prefix, dev.meta.id, "state"), encode_json(state), qos=0, retain=True)
        self.published += 1

    def _on_command(self, client, userdata, msg: mqtt.MQTTMessage) -> None:
        """paho's on_message: survives any payload.  Whatever goes wrong with one message is caught
        here, logged without a traceback when it is the payload's fault, and acked ``failed`` with
        the reason when the command's id can be read: the device's network thread never dies."""
        parts = msg.topic.split("/")
        dev = self.devices.get(parts[-2]) if len(parts) >= 2 else None
        if dev is None:
            return
        try:
            self._handle_command(client, dev, msg)
        except Exception as exc:  # noqa: BLE001 - one bad message must not kill the device
            expected = isinstance(exc, (ProtocolError, ValueError, TypeError, OverflowError, RecursionError))
            log.log(logging.INFO if expected else logging.ERROR, "%s: command failed: %s: %s", dev.meta.id,
                    type(exc).__name__, short_repr(str(exc), 200), exc_info=not expected)
            self._ack_failure(client, dev, msg, f"{type(exc).__name__}: {short_repr(str(exc), 200)}")

    def _handle_command(self, client, dev: SimDevice, msg: mqtt.MQTTMessage) -> None:
        try:
            raw = decode_json(msg.payload)
        except ProtocolError as exc:
            log.info("%s: malformed command ignored: %s", dev.meta.id, exc)
            return
        props = _reply_properties(msg)
        tracing = self.tracing
        span = None
        if tracing is not None:
            traceparent = (traceparent_from_properties(msg.properties)  # MQTT 5, else the payload's field
                           or (raw.get("trace") if isinstance(raw, dict) else ""))
            span = tracing.start(traceparent, dev.meta.id, raw, msg.qos) if traceparent else None
        acks: list[Ack] = []
        try:
            with self._locks[dev.meta.id]:
                acks, changed = dev.handle_command(raw)
                ack_topic = device_topic(self.prefix, dev.meta.id, "ack")
                for ack in acks:
                    if ack.status == "done" and changed:
                        self._publish_state(client, dev)
                    client.publish(ack_topic, encode_json(ack.to_json()), qos=1, properties=props)
        finally:
            if span is not None:
                span.end(acks)

    def _ack_failure(self, client, dev: SimDevice, msg: mqtt.MQTTMessage, reason: str) -> None:
        """Ack ``failed`` when the payload has a usable command id; never raises."""
        try:
            raw = decode_json(msg.payload)
            cid = raw.get("id") if isinstance(raw, dict) else None
            if not isinstance(cid, str) or not cid or len(cid) > 128:
                return
            ack = Ack(cid, "failed", time.time(), error=reason)
            client.publish(device_topic(self.prefix, dev.meta.id, "ack"), encode_json(ack.to_json()), qos=1,
                           properties=_reply_properties(msg))
        except Exception:  # noqa: BLE001 - the ack is a courtesy; the thread must live on
            log.info("%s: could not ack a failed command", dev.meta.id)

    def _tick_loop(self) -> None:
        period = 1.0 / self.rate_hz
        next_at = time.monotonic()
        while not self._stop.is_set():
            next_at += period
            for dev_id, dev in self.devices.items():
                client = self._client_of.get(dev_id)
                if client is None or dev.meta.kind not in ("sensor", "motor", "hvac") and self.per_device:
                    continue
                with self._locks[dev_id]:
                    changed = dev.tick(period)
                    if changed or not self.per_device:
                        self._publish_state(client, dev)
            self._stop.wait(max(0.0, next_at - time.monotonic()))


def _reply_properties(msg: mqtt.MQTTMessage) -> Properties | None:
    """The command's CorrelationData, echoed on its acks (MQTT 5 request/response)."""
    corr = getattr(msg.properties, "CorrelationData", None) if msg.properties else None
    if corr is None:
        return None
    props = Properties(PacketTypes.PUBLISH)
    props.CorrelationData = corr
    return props
