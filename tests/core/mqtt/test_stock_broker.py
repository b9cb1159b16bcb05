"""Every device seen on a stock Mosquitto (default limits: 20 in flight, 1,000 queued per client),
which drops most of a large fleet's retained metas sent to a QoS 1 subscriber.

10,000 simulated devices (the CLI simulator in its own process, gateway connections, a state
from every device every 5 s): every meta known and every device online within TIMEOUT_S, with the console's link
started before the simulator and after it.  And the net under the QoS choice: a link made to
subscribe to meta at QoS 1 with no Receive Maximum (the old way, which loses about two thirds of
3,000 metas) still ends up knowing every device, through ``meta_recovery``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from console.core.fleet.catalog import load_fleet
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import BrokerConfig, MqttLink, make_client
from console.core.protocol import device_topic, device_wildcard
from tests.conftest import wait_for

ROOT = Path(__file__).resolve().parents[3]
DEVICES = 10_000
TIMEOUT_S = 120.0  # generous: 10,000 devices come in about 20 s on a quiet 2-core machine
GATEWAY = 1000  # the simulator's devices per connection for large fleets
# every device states every 5 s (a gateway fleet states each tick): a device whose retained
# messages were all dropped is heard from again, and its meta and status are fetched
RATE_HZ = 0.2


def start_simulator(cfg: BrokerConfig, devices: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "console", "simulate", "--broker", cfg.url(), "--prefix", cfg.prefix,
           "--devices", str(devices), "--rate", str(RATE_HZ)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def console(cfg: BrokerConfig, **link_kw) -> tuple[FleetRegistry, MqttLink]:
    """The registry and the link, wired as build_services wires them."""
    reg = FleetRegistry(cfg.prefix)
    link = MqttLink(cfg.with_client_id(f"stock-{uuid.uuid4().hex[:8]}"), **link_kw)
    link.route(FLEET_KINDS, reg.ingest)
    link.traffic.connect(reg.count)
    return reg, link


def wait_retained(cfg: BrokerConfig, device_ids: list[str], timeout: float) -> None:
    """Until the broker holds ``online`` for each of these devices (the last of each gateway)."""
    got: set[str] = set()
    lock = threading.Lock()
    client = make_client(cfg.with_client_id(f"stock-probe-{uuid.uuid4().hex[:8]}"), clean=True)

    def on_message(c, u, msg):
        if msg.payload == b"online":
            with lock:
                got.add(msg.topic)

    topics = [device_topic(cfg.prefix, d, "status") for d in device_ids]
    client.on_message = on_message
    client.on_connect = lambda c, *a: c.subscribe([(t, 0) for t in topics])
    client.connect(cfg.host, cfg.port)
    client.loop_start()
    try:
        for t in topics:
            wait_for(lambda t=t: t in got, timeout, interval=0.1, what=f"retained online on {t}")
    finally:
        client.disconnect()
        client.loop_stop()


def wait_all_known(reg: FleetRegistry, link: MqttLink, ids: set[str]) -> None:
    """Until every device is known and online (``online_ids``: online *and* with a meta)."""
    try:
        wait_for(lambda: ids <= reg.online_ids(), TIMEOUT_S, interval=0.2, what=f"all {len(ids)} devices")
    except AssertionError as exc:
        raise AssertionError(f"{exc}: {len(ids & reg.online_ids())} known and online, {len(reg)} in the "
                             f"registry {reg.counters()}, link {link.state} {link.meta_recovery.stats()}") from None


@pytest.fixture
def stock_cfg(stock_mosquitto) -> BrokerConfig:
    return BrokerConfig(host=stock_mosquitto.host, port=stock_mosquitto.port, prefix=f"s{uuid.uuid4().hex[:10]}")


@pytest.fixture
def fleet_ids() -> list[str]:
    return [d.id for d in load_fleet().cloned(DEVICES).devices]


def test_console_started_before_the_simulator_knows_every_device(stock_cfg, fleet_ids):
    reg, link = console(stock_cfg)
    link.start()
    sim = None
    try:
        assert link.wait_connected(10)
        sim = start_simulator(stock_cfg, DEVICES)
        wait_all_known(reg, link, set(fleet_ids))
    finally:
        link.stop()
        if sim is not None:
            stop(sim)
    assert len(reg) == DEVICES
    assert all(reg.meta(i) is not None and reg.meta(i).id == i for i in fleet_ids[::997])


def test_console_started_after_the_simulator_knows_every_device(stock_cfg, fleet_ids):
    sim = start_simulator(stock_cfg, DEVICES)
    reg, link = console(stock_cfg)
    try:
        lasts = [fleet_ids[min(k + GATEWAY, DEVICES) - 1] for k in range(0, DEVICES, GATEWAY)]
        wait_retained(stock_cfg, lasts, TIMEOUT_S)  # the broker holds the whole fleet's retained messages
        link.start()
        wait_all_known(reg, link, set(fleet_ids))
        assert link.meta_recovery.stats().known == DEVICES
    finally:
        link.stop()
        stop(sim)
    assert len(reg) == DEVICES


def test_metas_the_broker_dropped_are_fetched_again(stock_cfg):
    """Meta at QoS 1 and no Receive Maximum: the stock broker drops most of the retained burst;
    the devices' status (QoS 0) still arrives, and meta_recovery fetches every missing meta."""
    devices = 3000
    ids = [d.id for d in load_fleet().cloned(devices).devices]
    sim = start_simulator(stock_cfg, devices)
    cfg = BrokerConfig(host=stock_cfg.host, port=stock_cfg.port, prefix=stock_cfg.prefix, receive_maximum=0)
    old_way = [(device_wildcard(cfg.prefix, "meta"), 1), (device_wildcard(cfg.prefix, "status"), 0),
               (device_wildcard(cfg.prefix, "ack"), 1)]
    reg, link = console(cfg, subscriptions=old_way)
    try:
        wait_retained(stock_cfg, [ids[GATEWAY - 1], ids[2 * GATEWAY - 1], ids[-1]], TIMEOUT_S)
        link.start()
        wait_all_known(reg, link, set(ids))
        stats = link.meta_recovery.stats()
    finally:
        link.stop()
        stop(sim)
    # the broker kept at most 20 in flight + 1,000 queued of the burst: the rest came by recovery
    assert stats.fetched >= devices - 1100, stats
    assert stats.known == devices and stats.gave_up == 0, stats
    assert stats.requests <= 3 * devices, stats  # batched asks, not a storm
