"""Command round trip: the console pipeline vs bare paho, same broker, same simulated device.

Each sample is one command from submit to the device's ``done`` ack, one at a time:
  * pipeline: ``CommandPipeline.submit`` (validate → SQLite WAL commit QUEUED → SENT commit →
    publish QoS 1 → PUBACK → DELIVERED commit → ``accepted`` → ``done``, each transition committed
    before the listener hears of it) until the listener gets SUCCEEDED;
  * bare: a paho client publishes the same JSON command (QoS 1) and waits for the ``done`` ack.
The two alternate command by command, so both see the same machine load.
Prints one JSON object as the last line: p50/p99 of both and their ratios.  Target: p50 ratio <= 2,
pipeline p99 < 10 ms on loopback.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.core.demo.broker import EmbeddedBroker  # noqa: E402
from console.core.fleet.catalog import load_fleet  # noqa: E402
from console.core.commands.pipeline import CommandPipeline, PipelineConfig  # noqa: E402
from console.core.mqtt.link import BrokerConfig, MqttLink, enable_nodelay, make_client  # noqa: E402
from console.core.commands.outbox import Outbox  # noqa: E402
from console.core.protocol import CommandState, device_topic  # noqa: E402
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry  # noqa: E402
from console.core.demo.simulator import Simulator  # noqa: E402

DEVICE = "lamp-office-1"


class NoDelayBroker(EmbeddedBroker):
    """Mosquitto with ``set_tcp_nodelay true`` (its default leaves Nagle on: +40 ms per hop)."""

    def _mosquitto_cmd(self) -> list[str]:
        cmd = super()._mosquitto_cmd()
        conf = Path(cmd[-1])
        conf.write_text(conf.read_text() + "set_tcp_nodelay true\n")
        return cmd


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))]


class Bare:
    """publish → device → ack with nothing but paho."""

    def __init__(self, cfg: BrokerConfig) -> None:
        self.cfg = cfg
        self.waiting: dict[str, threading.Event] = {}
        self.client = make_client(cfg.with_client_id(f"bare-{uuid.uuid4().hex[:6]}"), clean=True)
        self.client.on_message = self._on_message
        self.client.connect(cfg.host, cfg.port)
        self.client.loop_start()
        deadline = time.monotonic() + 10
        while not self.client.is_connected() and time.monotonic() < deadline:
            time.sleep(0.01)
        enable_nodelay(self.client)  # the same socket options as the console's link: a fair baseline
        self.client.subscribe(device_topic(cfg.prefix, "+", "ack"), qos=1)
        time.sleep(0.2)
        self.topic = device_topic(cfg.prefix, DEVICE, "cmd")

    def _on_message(self, client, userdata, msg) -> None:
        ack = json.loads(msg.payload)
        if ack.get("status") == "done":
            ev = self.waiting.get(ack["id"])
            if ev is not None:
                ev.set()

    def once(self, level: int) -> float:
        cid = str(uuid.uuid4())
        ev = threading.Event()
        self.waiting[cid] = ev
        t0 = time.perf_counter()
        cmd = {"id": cid, "ts": time.time(), "ttl_s": 30, "action": "set", "params": {"level": level},
               "origin": "operator"}
        self.client.publish(self.topic, json.dumps(cmd), qos=1)
        if not ev.wait(10):
            raise RuntimeError("bare round trip lost a command")
        del self.waiting[cid]
        return (time.perf_counter() - t0) * 1000

    def close(self) -> None:
        self.client.loop_stop()
        self.client.disconnect()


class Pipeline:
    def __init__(self, cfg: BrokerConfig, db: Path) -> None:
        self.registry = FleetRegistry(cfg.prefix)
        self.link = MqttLink(cfg)
        self.link.route(FLEET_KINDS, self.registry.ingest)
        self.outbox = Outbox(db)
        self.pipe = CommandPipeline(self.outbox, self.link, self.registry.meta, PipelineConfig(ack_timeout_s=10))
        self.link.route("ack", self.pipe.on_ack)
        self.done: dict[str, threading.Event] = {}
        self.pipe.add_listener(self._listen)
        self.pipe.start()
        self.link.start()
        if not self.link.wait_connected(10):
            raise RuntimeError("console link did not connect")
        deadline = time.monotonic() + 10
        while self.registry.meta(DEVICE) is None and time.monotonic() < deadline:
            time.sleep(0.01)

    def _listen(self, row) -> None:
        if row.state.terminal:
            ev = self.done.get(row.id)
            if ev is not None:
                ev.set()

    def once(self, level: int) -> tuple[float, CommandState]:
        ev = threading.Event()
        t0 = time.perf_counter()
        # the id is only known once submit returns; register before the ack can arrive
        holder: dict[str, str] = {}

        def early(row) -> None:
            if row.id not in self.done and row.state is CommandState.QUEUED:
                holder["id"] = row.id
                self.done[row.id] = ev

        self.pipe.add_listener(early)
        row = self.pipe.submit(DEVICE, {"level": level})
        self.pipe.remove_listener(early)
        if not ev.wait(10):
            raise RuntimeError("pipeline round trip lost a command")
        dt = (time.perf_counter() - t0) * 1000
        del self.done[row.id]
        return dt, self.outbox.get(row.id).state

    def close(self) -> None:
        self.pipe.stop()
        self.link.stop()
        self.outbox.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="200 commands each instead of 1,000")
    ap.add_argument("-n", type=int, default=0)
    args = ap.parse_args()
    n = args.n or (200 if args.quick else 1000)
    broker = NoDelayBroker(kind="mosquitto").start()
    cfg = BrokerConfig(host=broker.host, port=broker.port, prefix=f"rtt{uuid.uuid4().hex[:6]}")
    sim = Simulator(load_fleet(), cfg, rate_hz=0)
    sim.start(wait=10)
    tmp = tempfile.mkdtemp(prefix="autoglm-rtt-")
    bare = Bare(cfg)
    pipe = Pipeline(cfg, Path(tmp) / "outbox.sqlite3")
    bare_ms, pipe_ms, states = [], [], {}
    try:
        for i in range(20):  # warm-up, not counted
            bare.once(i % 101)
            pipe.once(i % 101)
        t0 = time.perf_counter()
        for i in range(n):
            bare_ms.append(bare.once(i % 101))
            dt, state = pipe.once((i + 50) % 101)
            pipe_ms.append(dt)
            states[state.value] = states.get(state.value, 0) + 1
        wall = time.perf_counter() - t0
    finally:
        pipe.close()
        bare.close()
        sim.stop()
        broker.stop()
    applied = sim.devices[DEVICE].applied_ids
    result = {
        "bench": "command_rtt",
        "commands": n,
        "pipeline_p50_ms": round(statistics.median(pipe_ms), 3),
        "pipeline_p99_ms": round(pct(pipe_ms, 99), 3),
        "bare_p50_ms": round(statistics.median(bare_ms), 3),
        "bare_p99_ms": round(pct(bare_ms, 99), 3),
        "ratio_p50": round(statistics.median(pipe_ms) / statistics.median(bare_ms), 3),
        "ratio_p99": round(pct(pipe_ms, 99) / pct(bare_ms, 99), 3),
        "pipeline_states": states,
        "applied_twice": len(applied) - len(set(applied)),
        "wall_s": round(wall, 2),
        "cpus": os.cpu_count(),
    }
    print(f"pipeline p50 {result['pipeline_p50_ms']} ms, p99 {result['pipeline_p99_ms']} ms; "
          f"bare paho p50 {result['bare_p50_ms']} ms, p99 {result['bare_p99_ms']} ms")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
