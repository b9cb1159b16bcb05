"""The simulator speaks PROTOCOL.md, checked from the outside with a plain paho client on real Mosquitto."""

from __future__ import annotations

import json
import threading
import time
import uuid

import pytest

from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import make_client
from console.core.protocol import device_topic
from console.core.demo.simulator import SimDevice, Simulator
from tests.conftest import wait_for


class Probe:
    """A bare MQTT client that records everything under the prefix."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.messages: list[tuple[str, bytes, bool]] = []
        self.lock = threading.Lock()
        self.client = make_client(cfg.with_client_id(f"probe-{uuid.uuid4().hex[:8]}"), clean=True)
        self.client.on_message = self._on_message
        subscribed = threading.Event()
        self.client.on_subscribe = lambda *args: subscribed.set()
        self.client.connect(cfg.host, cfg.port)
        self.client.loop_start()
        wait_for(self.client.is_connected, what="probe connected")
        self.client.subscribe(f"{cfg.prefix}/#", qos=1)
        assert subscribed.wait(5), "the probe's subscription was not acknowledged (SUBACK)"

    def _on_message(self, client, userdata, msg):
        with self.lock:
            self.messages.append((msg.topic, msg.payload, bool(msg.retain)))

    def on(self, topic):
        with self.lock:
            return [(p, r) for t, p, r in self.messages if t == topic]

    def acks(self, device_id, cid):
        out = []
        for payload, _ in self.on(device_topic(self.cfg.prefix, device_id, "ack")):
            ack = json.loads(payload)
            if ack["id"] == cid:
                out.append(ack)
        return out

    def send(self, device_id, cmd: dict, qos=1):
        info = self.client.publish(device_topic(self.cfg.prefix, device_id, "cmd"), json.dumps(cmd), qos=qos)
        info.wait_for_publish(5)

    def close(self):
        self.client.loop_stop()
        self.client.disconnect()


@pytest.fixture
def fleet():
    return load_fleet()


@pytest.fixture
def sim(broker_cfg, fleet):
    s = Simulator(fleet, broker_cfg, rate_hz=5, seed=1)
    s.start(wait=10)
    yield s
    s.stop()


@pytest.fixture
def probe(broker_cfg):
    p = Probe(broker_cfg)
    yield p
    p.close()


def cmd(params, *, action="set", ttl=30.0, ts=None, cid=None):
    return {"id": cid or str(uuid.uuid4()), "ts": time.time() if ts is None else ts, "ttl_s": ttl,
            "action": action, "params": params, "origin": "operator"}


def test_retained_meta_state_and_status_for_every_device(sim, probe, fleet, broker_cfg):
    for dev in fleet.devices:
        meta = wait_for(lambda: probe.on(device_topic(broker_cfg.prefix, dev.id, "meta")), what=f"{dev.id} meta")
        payload, retained = meta[0]
        assert json.loads(payload)["capabilities"] == {k: c.to_json() for k, c in dev.capabilities.items()}
        status = wait_for(lambda: probe.on(device_topic(broker_cfg.prefix, dev.id, "status")), what="status")
        assert status[-1][0] == b"online"
        state = json.loads(wait_for(lambda: probe.on(device_topic(broker_cfg.prefix, dev.id, "state")))[0][0])
        assert state["seq"] >= 0 and set(state["values"]) == set(dev.capabilities)
    # a late subscriber gets them retained
    late = Probe(broker_cfg)
    try:
        got = wait_for(lambda: late.on(device_topic(broker_cfg.prefix, "lock-main-door", "meta")))
        assert got[0][1] is True
    finally:
        late.close()


def test_valid_command_is_accepted_applied_and_done(sim, probe, broker_cfg):
    c = cmd({"power": True, "level": 60})
    probe.send("lamp-office-1", c)
    acks = wait_for(lambda: len(probe.acks("lamp-office-1", c["id"])) >= 2 and probe.acks("lamp-office-1", c["id"]))
    assert [a["status"] for a in acks] == ["accepted", "done"]
    assert sim.devices["lamp-office-1"].values["level"] == 60
    states = [json.loads(p) for p, _ in probe.on(device_topic(broker_cfg.prefix, "lamp-office-1", "state"))]
    assert any(s["values"]["level"] == 60 and s["seq"] == acks[1]["state_seq"] for s in states)


@pytest.mark.parametrize(
    "device,params,needle",
    [
        ("lamp-office-1", {"level": 101}, "above the maximum"),
        ("lamp-office-1", {"level": "high"}, "must be a number"),
        ("lamp-office-1", {"colour": "red"}, "no capability"),
        ("hvac-office", {"temp": 20}, "read-only"),
        ("hvac-office", {"mode": "turbo"}, "must be one of"),
        ("lamp-office-1", {"power": 1}, "true or false"),
    ],
)
def test_invalid_commands_are_rejected_with_a_reason(sim, probe, device, params, needle):
    before = dict(sim.devices[device].values)
    c = cmd(params)
    probe.send(device, c)
    ack = wait_for(lambda: probe.acks(device, c["id"]), what="rejection")[0]
    assert ack["status"] == "rejected" and needle in ack["error"]
    assert sim.devices[device].values == before


def test_duplicate_id_is_acked_again_and_applied_once(sim, probe):
    c = cmd({"running": True, "speed": 40})
    probe.send("conveyor-a", c, qos=2)
    wait_for(lambda: len(probe.acks("conveyor-a", c["id"])) >= 2)
    probe.send("conveyor-a", {**c, "params": {"speed": 99}}, qos=1)  # same id, other params
    acks = wait_for(lambda: len(probe.acks("conveyor-a", c["id"])) >= 4 and probe.acks("conveyor-a", c["id"]))
    assert [a["status"] for a in acks] == ["accepted", "done", "accepted", "done"]
    assert sim.devices["conveyor-a"].applied_ids.count(c["id"]) == 1
    assert sim.devices["conveyor-a"].values["speed"] == 40


def test_command_older_than_ttl_is_not_applied(sim, probe):
    c = cmd({"locked": False}, ttl=5, ts=time.time() - 60)
    before = sim.devices["lock-main-door"].values["locked"]
    probe.send("lock-main-door", c, qos=2)
    ack = wait_for(lambda: probe.acks("lock-main-door", c["id"]))[0]
    assert ack["status"] == "rejected" and ack["error"].startswith("expired")
    assert sim.devices["lock-main-door"].values["locked"] == before


def test_refresh_publishes_state(sim, probe, broker_cfg):
    topic = device_topic(broker_cfg.prefix, "blinds-office", "state")
    wait_for(lambda: probe.on(topic))
    n = len(probe.on(topic))
    c = cmd({}, action="refresh")
    probe.send("blinds-office", c)
    wait_for(lambda: len(probe.acks("blinds-office", c["id"])) >= 2)
    assert len(probe.on(topic)) > n


def test_last_will_marks_a_killed_device_offline(broker_cfg, probe, fleet):
    s = Simulator(fleet, broker_cfg, rate_hz=0)
    s.start(wait=10)
    try:
        topic = device_topic(broker_cfg.prefix, "siren-yard", "status")
        wait_for(lambda: probe.on(topic) and probe.on(topic)[-1][0] == b"online")
        s.kill("siren-yard")
        # Mosquitto publishes the Will as soon as it sees the socket closed without DISCONNECT
        wait_for(lambda: probe.on(topic)[-1][0] == b"offline", timeout=10, what="LWT offline")
    finally:
        s.stop()


def test_graceful_stop_marks_all_offline(broker_cfg, probe, fleet):
    s = Simulator(fleet, broker_cfg, rate_hz=0)
    s.start(wait=10)
    s.stop(graceful=True)
    for dev in fleet.devices:
        topic = device_topic(broker_cfg.prefix, dev.id, "status")
        wait_for(lambda: probe.on(topic) and probe.on(topic)[-1][0] == b"offline", what=f"{dev.id} offline")


def test_dynamics_sensor_drifts_and_conveyor_load_follows_speed(fleet):
    by_id = fleet.by_id()
    sensor = SimDevice(by_id["sensor-line-a"])
    t0 = sensor.values["temp"]
    changed = [sensor.tick(1.0) for _ in range(50)]
    assert any(changed) and sensor.values["temp"] != t0
    conveyor = SimDevice(by_id["conveyor-a"])
    conveyor.handle_command(cmd({"running": True, "speed": 120}))
    for _ in range(30):
        conveyor.tick(1.0)
    assert conveyor.values["load"] > 60
    conveyor.handle_command(cmd({"running": False}))
    for _ in range(30):
        conveyor.tick(1.0)
    assert conveyor.values["load"] < 5


def test_cloned_fleet_for_load_tests(broker_cfg, fleet, probe):
    big = fleet.cloned(300)
    assert len({d.id for d in big.devices}) == 300
    s = Simulator(big, broker_cfg, rate_hz=0, per_device_limit=100, devices_per_gateway=100)
    s.start(wait=10)
    try:
        assert len(s._clients) == 3
        last = big.devices[-1].id
        wait_for(lambda: probe.on(device_topic(broker_cfg.prefix, last, "meta")), what="cloned meta")
    finally:
        s.stop()


def test_malformed_command_payloads_do_not_kill_the_device(sim, probe, broker_cfg):
    topic = device_topic(broker_cfg.prefix, "lamp-office-2", "cmd")
    for junk in (b"", b"\xff\xfe", b"[1,2]", b'{"id": 5}', b'{"id": "x", "ts": "soon", "action": "set"}'):
        probe.client.publish(topic, junk, qos=1).wait_for_publish(5)
    c = cmd({"power": True})
    probe.send("lamp-office-2", c)
    acks = wait_for(lambda: len(probe.acks("lamp-office-2", c["id"])) >= 2 and probe.acks("lamp-office-2", c["id"]))
    assert acks[-1]["status"] == "done"
    bad = wait_for(lambda: probe.acks("lamp-office-2", "x"))
    assert bad[0]["status"] == "rejected"
