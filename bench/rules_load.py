"""Alert rules under ingest load (``bench/ingest.py --rules N``): N rules over the simulated fleet
(10,000 devices at 1 Hz by default), Qt-free: the console's link router, registry and alert engine.

Two measurements, each with and without the rules in the same run:

- capacity (``rules_ratio``): the fleet's real state messages (meta first, then ``passes`` rounds of
  state with rising seq, made by the simulator's own device model and encoder) handed to the link's
  router exactly as its network thread does (``link.router.dispatch``), as fast as one thread can;
  messages per CPU second (``time.thread_time``: a busy shared machine's other work does not count)
  with the rules engine attached over those without, passes alternating A B B A, the best pass of
  each (``rules_ratio_median``: the medians').  ``engine_us_per_state`` / ``ingest_us_per_state``
  time the two parts apart (steadier on a shared machine): ``rules_ratio_components`` is
  ingest / (ingest + engine).
  This is the CPU cost of the rules on the ingest path (target >= 0.9).
- live: Mosquitto, ``python -m console simulate`` with the fleet at ``--rate`` Hz, the console's link
  on its network thread; states applied per second over ``window`` s with and without the engine
  (``live_ratio``); and the alert latency: a trigger device (its own paho connection) crosses a
  threshold rule every ``1/trigger_hz`` s, the time from just before its publish to the engine's
  alert (``alert_latency_p50_ms`` / ``p99``, target p99 <= 1 s), under the full ingest load.

The rules: a mix a large site might have (``make_rules``): per-device thresholds, pattern and zone
thresholds, offline and stale rules, command-failure rules; ``evaluations_per_state`` says how many
threshold judgements one state message costs on average.  Prints one JSON object as the last line.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_rules(n: int, fleet) -> str:
    """``n`` rules over ``fleet`` as TOML: 1 trigger rule, then ~78% per-device thresholds (3% of all
    near the live values: they hold and raise alerts, the rest far above them), 10% pattern
    thresholds, 4% zone thresholds, 5% offline, 1% stale, 2% command failures."""
    numeric = [(d.id, d.zone, name) for d in fleet.devices for name, cap in d.capabilities.items()
               if cap.type in ("int", "float")]
    zones = sorted({d.zone for d in fleet.devices})
    out = ['[settings]\nbroker_down_after_s = 10\n',
           '[[rule]]\nid = "bench-trigger"\nkind = "threshold"\ncapability = "temp"\nabove = 500.0\nclear = 400.0\n'
           'devices = ["trig-*"]\nseverity = "critical"\n']
    i = 1
    while i < n:
        k = i % 100
        if k < 3:  # near where the values live: some hold, some alerts open (a site is rarely all quiet)
            dev, _zone, cap = numeric[(i * 7919) % len(numeric)]
            out.append(f'[[rule]]\nid = "near-{i}"\nkind = "threshold"\ncapability = "{cap}"\nabove = 23.0\n'
                       f'clear = 22.5\ndevices = ["{dev}"]\n')
        elif k < 78:
            dev, _zone, cap = numeric[(i * 7919) % len(numeric)]
            out.append(f'[[rule]]\nid = "dev-{i}"\nkind = "threshold"\ncapability = "{cap}"\nabove = 1000.0\n'
                       f'clear = 900.0\nfor_s = 60\ndevices = ["{dev}"]\n')
        elif k < 88:
            dev, _zone, cap = numeric[(i * 104729) % len(numeric)]
            stem = dev.rsplit("-", 1)[0] if dev.count("-") > 1 else dev
            out.append(f'[[rule]]\nid = "pattern-{i}"\nkind = "threshold"\ncapability = "{cap}"\nabove = 1000.0\n'
                       f'devices = ["{stem}-{i % 10}*"]\n')
        elif k < 92:
            out.append(f'[[rule]]\nid = "zone-{i}"\nkind = "threshold"\ncapability = "temp"\nbelow = -40.0\n'
                       f'zones = ["{zones[i % len(zones)]}"]\n')
        elif k < 97:
            out.append(f'[[rule]]\nid = "offline-{i}"\nkind = "offline"\nafter_s = {60 + i % 240}\n'
                       f'zones = ["{zones[i % len(zones)]}"]\n')
        elif k < 98:
            out.append(f'[[rule]]\nid = "stale-{i}"\nkind = "stale"\nafter_s = {300 + i}\n')
        else:
            out.append(f'[[rule]]\nid = "fail-{i}"\nkind = "command_failures"\ncount = 3\nwithin_s = 600\n')
        i += 1
    return "\n".join(out)


def _messages(fleet, prefix: str, passes: int):
    """(topic, payload) of every meta and status, and a generator of ``passes`` rounds of every
    device's state (each made just before it is used, so its ``ts`` is now)."""
    import random

    from console.core.demo.simulator import SimDevice
    from console.core.protocol import device_topic, encode_json

    sims = [SimDevice(d, rng=random.Random(i)) for i, d in enumerate(fleet.devices)]
    metas = [(device_topic(prefix, d.id, "meta"), encode_json(d.to_json())) for d in fleet.devices]
    online = [(device_topic(prefix, d.id, "status"), b"online") for d in fleet.devices]

    def rounds():
        for _ in range(passes):
            batch = []
            for s in sims:
                s.tick(1.0)
                batch.append((device_topic(prefix, s.meta.id, "state"), encode_json(s.next_state())))
            yield batch

    return metas + online, rounds()


def capacity(fleet, rules_text: str, tmp: Path, passes: int = 21) -> dict:
    """Messages per second through router → registry (→ engine), one thread, with and without rules."""
    from console.core.alerts.engine import AlertEngine
    from console.core.alerts.rules import parse_rules
    from console.core.alerts.store import AlertStore
    from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
    from console.core.mqtt.link import BrokerConfig, MqttLink

    prefix = f"cap{uuid.uuid4().hex[:6]}"
    link = MqttLink(BrokerConfig(host="127.0.0.1", port=1, prefix=prefix))  # never started: its router only
    registry = FleetRegistry(prefix)
    link.route(FLEET_KINDS, registry.ingest)
    rules = parse_rules(rules_text)
    store = AlertStore(tmp / "capacity-alerts.sqlite3")
    engine = AlertEngine(store, rules)
    engine._registry = registry  # as attach(link, registry=...) sets it; wired per pass below
    engine.on_link_state("connected", {})
    first, rounds = _messages(fleet, prefix, passes)
    dispatch = link.router.dispatch
    for topic, payload in first:
        dispatch(topic, payload)
    engine.bind_registry(registry)
    rates: dict[bool, list[float]] = {False: [], True: []}
    evals0 = 0
    for topic, payload in next(rounds):  # warm-up: each device's first state costs more (not measured)
        dispatch(topic, payload)
    for n, batch in enumerate(rounds):
        with_rules = n % 4 in (1, 2)  # A B B A ...: neither side gets the later (warmer) passes
        if with_rules:  # wired as services wires it: states from the registry, meta/status from the link
            registry.state_applied.connect(engine.on_state_applied)
            link.route(("meta", "status"), engine.on_device)
            evals0, seen0 = engine.evaluations, engine.values_seen
        t0 = time.thread_time()  # CPU time of this thread: the other users of a shared machine do not count
        for topic, payload in batch:
            dispatch(topic, payload)
        dt = time.thread_time() - t0
        rates[with_rules].append(len(batch) / dt)
        if with_rules:
            registry.state_applied.disconnect(engine.on_state_applied)
            link.unroute(("meta", "status"), engine.on_device)
            per_state = (engine.evaluations - evals0) / len(batch)
            watched = (engine.values_seen - seen0) / len(batch)
    # the two parts apart, best of 5 runs each: the engine's work per state (the registry's state_applied
    # handler over every device's last values) against the whole ingest path's per message
    last = [(d, dict(registry.get(d).values)) for d in registry.ids()]
    engine_us = min(_cpu_us(lambda: [engine.on_state_applied(d, v, 0.0) for d, v in last], len(last)) for _ in range(5))
    ingest_us = 1e6 / max(rates[False])
    store.close()
    # the best pass of each side: what the code costs when nothing else gets in its way (on a shared
    # machine the median carries the neighbours' noise; both are reported)
    without, with_ = max(rates[False]), max(rates[True])
    med = statistics.median(rates[True]) / statistics.median(rates[False])
    return {"capacity_without_per_s": round(without), "capacity_with_per_s": round(with_),
            "rules_ratio": round(with_ / without, 3), "rules_ratio_median": round(med, 3),
            "engine_us_per_state": round(engine_us, 2), "ingest_us_per_state": round(ingest_us, 2),
            "rules_ratio_components": round(ingest_us / (ingest_us + engine_us), 3), "evaluations_per_state": round(per_state, 3),
            "states_with_threshold_rules": round(watched, 3),
            "bound_devices": engine.bound_devices(), "rules_loaded": len(rules.rules),
            "alerts_open": len(engine.open_alerts()),
            "rule_problems": len(rules.problems), "applied": registry.counters()["applied"]}


def _cpu_us(fn, n: int) -> float:
    t0 = time.thread_time()
    fn()
    return (time.thread_time() - t0) / n * 1e6


TRIGGER_META = {"schema": 1, "kind": "sensor", "zone": "bench", "risk": "low",
                "capabilities": {"temp": {"type": "float", "unit": "°C"}}}


def live(fleet_size: int, rules_text: str, tmp: Path, rate: float, window: float, trigger_hz: float) -> dict:
    import paho.mqtt.client as mqtt

    from console.core.alerts.engine import AlertEngine
    from console.core.alerts.rules import parse_rules
    from console.core.alerts.store import AlertStore
    from console.core.demo.broker import EmbeddedBroker
    from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
    from console.core.mqtt.link import BrokerConfig, MqttLink
    from console.core.protocol import device_topic, encode_json

    broker = EmbeddedBroker(kind="mosquitto").start()
    prefix = f"rul{uuid.uuid4().hex[:6]}"
    cfg = BrokerConfig(host=broker.host, port=broker.port, prefix=prefix)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    sim = trig = link = store = None
    out: dict = {}
    try:
        link = MqttLink(cfg)
        registry = FleetRegistry(prefix)
        link.route(FLEET_KINDS, registry.ingest)
        store = AlertStore(tmp / "live-alerts.sqlite3")
        engine = AlertEngine(store, parse_rules(rules_text))
        engine.attach(link, registry=registry)
        latencies: list[float] = []
        sent: dict[str, float] = {}
        lock = threading.Lock()

        def on_alert(alert) -> None:
            if alert.rule_id == "bench-trigger" and alert.state.value == "active":
                with lock:
                    t = sent.pop(alert.device_id, None)
                if t is not None:
                    latencies.append(time.time() - t)

        engine.changed.connect(on_alert)
        engine.start()
        link.start()
        if not link.wait_connected(20):
            return {"error": "the console link did not connect"}
        sim = subprocess.Popen([sys.executable, "-m", "console", "simulate", "--broker", broker.url, "--prefix", prefix,
                                "--devices", str(fleet_size), "--rate", str(rate)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT))
        t0 = time.monotonic()
        while len(registry.online_ids()) < fleet_size and time.monotonic() - t0 < 180:
            time.sleep(0.5)
        out["discover_s"] = round(time.monotonic() - t0, 1)
        out["online"] = len(registry.online_ids())
        trig = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"trig-{prefix}", protocol=mqtt.MQTTv5)
        trig.connect(broker.host, broker.port)
        trig.loop_start()
        triggers = [f"trig-{i}" for i in range(20)]
        for dev in triggers:
            trig.publish(device_topic(prefix, dev, "meta"), encode_json({**TRIGGER_META, "id": dev, "name": dev}),
                         qos=1, retain=True)
            trig.publish(device_topic(prefix, dev, "status"), "online", qos=1, retain=True)
        t1 = time.monotonic()
        while engine.bound_devices() and time.monotonic() - t1 < 30 and not all(
                registry.meta(d) for d in triggers):
            time.sleep(0.2)
        time.sleep(2.0)

        def applied_rate(seconds: float) -> float:
            c0, s0 = registry.counters()["applied"], time.monotonic()
            time.sleep(seconds)
            return (registry.counters()["applied"] - c0) / (time.monotonic() - s0)

        stop = threading.Event()
        seq = {d: 0 for d in triggers}

        def trigger_loop() -> None:
            k = 0
            while not stop.wait(1.0 / trigger_hz):
                dev = triggers[k % len(triggers)]
                hot = (k // len(triggers)) % 2 == 0
                seq[dev] += 1
                payload = encode_json({"seq": seq[dev], "ts": time.time(), "values": {"temp": 600.0 if hot else 20.0}})
                if hot:
                    out["triggers_sent"] = out.get("triggers_sent", 0) + 1
                    with lock:
                        sent[dev] = time.time()
                trig.publish(device_topic(prefix, dev, "state"), payload, qos=1)
                k += 1

        # same run: without the engine, then with it, then without again (the drift of the load)
        registry.state_applied.disconnect(engine.on_state_applied)
        a = applied_rate(window / 2)
        registry.state_applied.connect(engine.on_state_applied)
        trigger = threading.Thread(target=trigger_loop, name="bench-trigger", daemon=True)
        trigger.start()
        b = applied_rate(window)
        stop.set()
        trigger.join(5)
        t2 = time.monotonic()
        while sent and time.monotonic() - t2 < 15:  # the last triggers' alerts (the console may lag)
            time.sleep(0.1)
        out["triggers_unanswered"] = len(sent)
        registry.state_applied.disconnect(engine.on_state_applied)
        c = applied_rate(window / 2)
        without = (a + c) / 2
        lat = sorted(latencies)
        out.update(live_applied_without_per_s=round(without, 1), live_applied_with_per_s=round(b, 1),
                   live_ratio=round(b / without, 3) if without else 0.0, alerts_timed=len(lat),
                   alert_latency_p50_ms=round(1000 * statistics.median(lat), 1) if lat else None,
                   alert_latency_p99_ms=round(1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))], 1) if lat else None,
                   alert_latency_max_ms=round(1000 * lat[-1], 1) if lat else None)
        registry.state_applied.connect(engine.on_state_applied)
        engine.stop()
        engine.detach()
        return out
    finally:
        if trig is not None:
            trig.loop_stop()
        if link is not None:
            link.stop()
        if store is not None:
            store.close()
        if sim is not None:
            sim.terminate()
            try:
                sim.wait(10)
            except subprocess.TimeoutExpired:
                sim.kill()
        broker.stop()


def run(rules: int, devices: int = 10_000, rate: float = 1.0, window: float = 10.0, trigger_hz: float = 5.0,
        skip_live: bool = False, live_devices: int = 0) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="autoglm-rules-"))
    os.environ["AUTOGLM_DATA_DIR"] = str(tmp / "data")
    os.environ["AUTOGLM_LOG_DIR"] = str(tmp / "logs")
    sys.path.insert(0, str(ROOT))
    import logging

    logging.getLogger("console.core.fleet.registry").setLevel(logging.ERROR)  # one clock line per device
    from console.core.fleet.catalog import load_fleet

    fleet = load_fleet().cloned(devices)
    text = make_rules(rules, fleet)
    result: dict = {"bench": "ingest-rules", "rules": rules, "devices": devices, "rate_hz": rate, "cpus": os.cpu_count()}
    result.update(capacity(fleet, text, tmp))
    if not skip_live:
        live_n = live_devices or devices
        live_text = text if live_n == devices else make_rules(rules, load_fleet().cloned(live_n))
        result["live_devices"] = live_n
        result.update(live(live_n, live_text, tmp, rate, window, trigger_hz))
    result["loadavg_1m"] = round(os.getloadavg()[0], 2)
    return result


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", type=int, default=1000)
    ap.add_argument("--devices", type=int, default=10_000)
    ap.add_argument("--rate", type=float, default=1.0)
    ap.add_argument("--window", type=float, default=10.0)
    ap.add_argument("--capacity-only", action="store_true", help="skip the live run (no broker, no simulator)")
    ap.add_argument("--live-devices", type=int, default=0,
                    help="devices of the live run (default: --devices); a machine that cannot ingest the whole "
                         "fleet live measures the alert latency on a smaller one")
    ap.add_argument("--trigger-hz", type=float, default=5.0, help="trigger publishes per second (half cross)")
    args = ap.parse_args()
    res = run(args.rules, args.devices, args.rate, args.window, trigger_hz=args.trigger_hz,
              skip_live=args.capacity_only, live_devices=args.live_devices)
    print(json.dumps(res))
    raise SystemExit(1 if "error" in res else 0)
