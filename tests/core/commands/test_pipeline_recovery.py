"""Nothing is lost and nothing is applied twice: the broker SIGKILLed under 1,000 in-flight
commands, and the console process itself SIGKILLed with commands queued."""

from __future__ import annotations

import collections
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from console.core.demo.broker import EmbeddedBroker, free_port
from console.core.fleet.catalog import load_fleet
from console.core.commands.pipeline import PipelineConfig
from console.core.mqtt.link import BrokerConfig
from console.core.commands.outbox import Outbox
from console.core.paths import user_data_dir
from console.core.protocol import CommandState
from console.core.demo.simulator import Simulator
from tests.conftest import wait_for
from tests.core.commands.test_pipeline import Console

S = CommandState
LOW_RISK_LEVELS = ("lamp-office-1", "lamp-office-2", "blinds-office")


@pytest.mark.slow
def test_broker_killed_and_restarted_with_1000_commands_in_flight():
    broker = EmbeddedBroker(kind="mosquitto").start()
    cfg = BrokerConfig(host=broker.host, port=broker.port, prefix="kill")
    sim = Simulator(load_fleet(), cfg, rate_hz=0, seed=3)
    sim.start(wait=10)
    console = Console(cfg, PipelineConfig(ack_timeout_s=2.0, max_attempts=6, default_ttl_s=120))
    try:
        console.start(wait_devices=LOW_RISK_LEVELS + ("valve-steam",))
        ids = []
        for i in range(1000):
            if i % 10 == 9:  # some high-risk ones: QoS 2 through the same storm
                ids.append(console.pipeline.submit("valve-steam", {"open": i % 101}, confirmed=True).id)
            else:
                dev = LOW_RISK_LEVELS[i % 3]
                key = "position" if dev == "blinds-office" else "level"
                ids.append(console.pipeline.submit(dev, {key: i % 101}).id)
            if i == 300:
                broker.kill()  # SIGKILL: no goodbye, no persistence, sessions gone
        states = collections.Counter(console.state(c) for c in ids)
        print("at the kill:", dict(states))
        assert sum(n for s, n in states.items() if not s.terminal) > 0, f"nothing was in flight: {states}"
        broker.restart()
        wait_for(lambda: all(console.state(c).terminal for c in ids), timeout=60,
                 what="every command terminal after the broker came back")
        final = collections.Counter(console.state(c) for c in ids)
        applied = collections.Counter(cid for dev in sim.devices.values() for cid in dev.applied_ids)
        assert max(applied.values()) == 1, "a command was applied twice"
        # none lost: every command is accounted for, and each one applied exactly once succeeded
        assert console.outbox.count() == 1000
        assert final[S.SUCCEEDED] == 1000, f"final states: {dict(final)}"
        assert set(applied) >= set(ids)
        # and the link did go through a reconnect
        assert console.link.connects >= 2
    finally:
        console.stop()
        sim.stop(graceful=False)
        broker.stop()


CHILD = textwrap.dedent(
    """
    import sys, time
    from console.core.fleet.catalog import load_fleet
    from console.core.commands.pipeline import CommandPipeline
    from console.core.mqtt.link import BrokerConfig, MqttLink
    from console.core.commands.outbox import Outbox
    from console.core.paths import user_data_dir

    fleet = load_fleet()
    # a broker that is not there: everything stays QUEUED, then we are SIGKILLed
    link = MqttLink(BrokerConfig(port=int(sys.argv[1]), prefix=sys.argv[2]))
    outbox = Outbox(user_data_dir() / "outbox.sqlite3")
    pipe = CommandPipeline(outbox, link, fleet.by_id().get)
    pipe.start()
    link.start()
    for level in (11, 22, 33, 44):
        print(pipe.submit("lamp-office-1", {"level": level}).id, "long", flush=True)
    print(pipe.submit("lamp-office-2", {"power": True}, ttl_s=0.5).id, "short", flush=True)
    print("ready", flush=True)
    time.sleep(600)
    """
)


def test_console_sigkilled_with_queued_commands_replays_them_or_expires_them(broker_cfg):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(free_port()), broker_cfg.prefix],
                             stdout=subprocess.PIPE, text=True, env=env)
    lines = []
    try:
        for line in child.stdout:
            if line.strip() == "ready":
                break
            lines.append(line.split())
        else:
            pytest.fail(f"child exited early with {child.wait()}")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    long_ids = [cid for cid, kind in lines if kind == "long"]
    short_id = next(cid for cid, kind in lines if kind == "short")
    db = user_data_dir() / "outbox.sqlite3"
    probe = Outbox(db)
    assert [r.id for r in probe.open_commands()] == long_ids + [short_id]
    short = probe.get(short_id).command
    probe.close()
    wait_for(lambda: time.time() > short.ts + short.ttl_s, what="the short ttl to pass")

    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0)
    sim.start(wait=10)
    console = Console(broker_cfg, PipelineConfig(ack_timeout_s=3), outbox_path=db,
                      meta_lookup=load_fleet().by_id().get)
    try:
        console.start()
        for cid in long_ids:
            assert console.wait_terminal(cid) is S.SUCCEEDED
        assert console.wait_terminal(short_id) is S.EXPIRED
        assert sim.devices["lamp-office-1"].applied_ids == long_ids  # replayed in order, once each
        assert sim.devices["lamp-office-1"].values["level"] == 44
        assert short_id not in sim.devices["lamp-office-2"].applied_ids
    finally:
        console.stop()
        sim.stop()
