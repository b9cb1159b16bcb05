"""Ingest: the simulated fleet (10,000 devices at 1 Hz by default) into the running console, with
its full UI (offscreen), against a bare paho subscriber on the same broker in the same run.

Processes: Mosquitto; the simulator (``python -m console simulate``); a bare paho subscriber with
the console's four wildcard subscriptions that only counts; and this process, the console
(ConsoleApp: device table, controls, commands and audit views, rate indicators).  After discovery,
a measurement window counts messages applied by the console's registry and messages received by the
bare subscriber; a 10 ms QTimer measures the UI event loop's stalls (how late each tick fires);
RSS is taken before and after the window.
Prints one JSON object as the last line.  Targets: ratio >= 0.9, stall p99 < 50 ms, RSS flat.

Also reported: discovery, the seconds from the simulator's start until every device is known with
its meta and online (``discover_s``; ``meta_known``/``online_known`` out of ``devices``).
``--stock-broker`` runs Mosquitto with its default limits (20 in flight, 1,000 queued per client:
what a stock install runs; the embedded broker raises them), so those numbers are the retained-meta
completeness on a stock broker.  ``--cpu-load N`` keeps N busy-loop processes (``while True:
pass``, one per core for N = cores) running for the whole bench, so the stall percentiles are those
of a busy machine; ``idle_stall_p99_ms`` is then the loaded machine's own noise.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _subscriber import start_bare, stop_all  # noqa: E402  (the bare subscriber, shared with bench/ingest_ha.py)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FLEET_AND_ACK = ("meta", "state", "status", "ack")  # the console's four wildcard subscriptions


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))] if s else 0.0


def slope(samples: list[tuple[float, float]]) -> float:
    """Least-squares rate (count per second) over the samples: robust to the simulator's 1 Hz
    bursts falling just inside or just outside the ends of the window."""
    if len(samples) < 2:
        return 0.0
    mt = statistics.fmean(t for t, _ in samples)
    mc = statistics.fmean(c for _, c in samples)
    den = sum((t - mt) ** 2 for t, _ in samples)
    return sum((t - mt) * (c - mc) for t, c in samples) / den if den else 0.0


def stock_broker():
    """Mosquitto with nothing but a listener (default limits), as tests/conftest.py's stock_mosquitto."""
    from console.core.demo.broker import EmbeddedBroker, find_mosquitto

    class Stock(EmbeddedBroker):
        def _mosquitto_cmd(self) -> list[str]:
            conf = self.workdir / "mosquitto.conf"
            conf.write_text(f"listener {self.port} {self.host}\nallow_anonymous true\npersistence false\n")
            os.chmod(conf, 0o644)
            return [find_mosquitto() or "mosquitto", "-c", str(conf)]

    return Stock(kind="mosquitto").start()


def cpu_load(n: int) -> list[subprocess.Popen]:
    """``n`` processes that spin on a core each until terminated: a competing CPU load."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(n)]


def rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def completeness(reg, devices: int) -> dict:
    ids = reg.ids()
    return {"meta_known": sum(1 for i in ids if reg.meta(i) is not None), "online_known": len(reg.online_ids()),
            "devices": devices}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="3,000 devices, 6 s window")
    ap.add_argument("--devices", type=int, default=0)
    ap.add_argument("--rate", type=float, default=1.0, help="state messages per device per second")
    ap.add_argument("--window", type=float, default=0)
    ap.add_argument("--stock-broker", action="store_true", help="Mosquitto with its default limits")
    ap.add_argument("--cpu-load", type=int, default=0, metavar="N", help="N busy-loop processes meanwhile")
    ap.add_argument("--ha", type=int, default=0, metavar="N",
                    help="N Home Assistant discovered entities through the console with its full UI instead "
                         "(bench/ingest_ha.py)")
    ap.add_argument("--rules", type=int, default=0, metavar="N",
                    help="N alert rules over the fleet instead: rules_ratio, alert latency (bench/rules_load.py)")
    ap.add_argument("--ha-ingest", choices=("process", "thread"), default="process",
                    help="with --ha: read the state topics in a child process (console.core.ha.ingest_process) "
                         "or on the link's thread (the in-process fallback)")
    ap.add_argument("--explain", action="store_true",
                    help="with --ha: what the GUI thread did in each heartbeat tick late by > 20 ms, by cause "
                         "(bench/_stall_explain.py; slightly perturbs the numbers)")
    args = ap.parse_args()
    if args.rules:
        sys.path.insert(0, str(ROOT / "bench"))
        from rules_load import run as run_rules

        result = run_rules(args.rules, devices=args.devices or 10000, rate=args.rate, window=args.window or 10.0)
        print(json.dumps(result))
        return 1 if "error" in result else 0
    if args.ha:
        sys.path.insert(0, str(ROOT / "bench"))
        from ingest_ha import run as run_ha

        result = run_ha(args.ha, rate=args.rate, window=args.window or 20.0, stock=args.stock_broker,
                        load=args.cpu_load, explain=args.explain,
                        ingest=args.ha_ingest)
        if "explain" in result:
            from _stall_explain import print_report

            print_report(result["explain"])
        if "error" not in result:
            print(f"console handled {result['console_state_per_s']}/s vs bare paho {result['bare_received_per_s']}/s "
                  f"(ratio {result['ratio']}); UI stall p99 {result['stall_p99_ms']} ms; RSS {result['rss_mb']} MB; "
                  f"CONNACK to {result['entities']} configs shown: {result['configs_shown_s']} s")
        print(json.dumps(result))
        return 1 if "error" in result else 0
    devices = args.devices or (3000 if args.quick else 10000)
    window = args.window or (6.0 if args.quick else 20.0)

    tmp = Path(tempfile.mkdtemp(prefix="autoglm-ingest-"))
    os.environ["AUTOGLM_DATA_DIR"] = str(tmp / "data")
    os.environ["AUTOGLM_LOG_DIR"] = str(tmp / "logs")

    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from console.core.demo.broker import EmbeddedBroker
    from console.core.services import build_services
    from console.ui.shell.qt_app import ConsoleApp, make_application

    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    broker = stock_broker() if args.stock_broker else EmbeddedBroker(kind="mosquitto").start()
    hogs = cpu_load(args.cpu_load)
    prefix = f"ing{uuid.uuid4().hex[:6]}"
    url = broker.url
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    bare, stream = start_bare(broker.host, broker.port, [f"{prefix}/devices/+/{kind}" for kind in FLEET_AND_ACK],
                              qos=1, client_id=f"bare-{prefix}", env=env)
    svc = build_services(broker_url=url, prefix=prefix)
    console = ConsoleApp(svc)
    console.start()
    sim = None
    result: dict = {}

    # UI event-loop stall: a 10 ms timer; lateness of each tick is the stall the operator feels
    ticks: list[float] = []
    idle_ticks: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    measuring = [False]

    def tick() -> None:
        now = clock.nsecsElapsed()
        if measuring[0]:
            ticks.append(max(0.0, (now - last[0]) / 1e6 - 10.0))
        elif phase["name"] == "idle":
            idle_ticks.append(max(0.0, (now - last[0]) / 1e6 - 10.0))
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()

    phase = {"name": "connect", "t": time.time()}

    def step() -> None:
        nonlocal sim
        now = time.time()
        reg = svc.registry
        if phase["name"] == "connect":
            if svc.link.connected and len(stream.samples) > 2:
                phase.update(name="idle", t=now)  # the same timer with no traffic: the machine's own noise
            elif now - phase["t"] > 20:
                phase.update(name="fail", why="console or bare subscriber did not connect")
        elif phase["name"] == "idle":
            if now - phase["t"] > 2.0:
                sim = subprocess.Popen(
                    [sys.executable, "-m", "console", "simulate", "--broker", url, "--prefix", prefix,
                     "--devices", str(devices), "--rate", str(args.rate)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=str(ROOT))
                phase.update(name="discover", t=now)
        elif phase["name"] == "discover":
            known = len(reg.online_ids())  # online and with a meta
            if known >= devices and console.devices.model.rowCount() >= devices:
                result.update(discover_s=round(now - phase["t"], 2), **completeness(reg, devices))
                phase.update(name="settle", t=now)
            elif now - phase["t"] > 120:
                result.update(**completeness(reg, devices))
                phase.update(name="fail", why=f"only {known} of {devices} devices known and online in 120 s, "
                             f"{console.devices.model.rowCount()} in the table")
        elif phase["name"] == "settle" and now - phase["t"] > 2.0 and (
            reg.counters()["received"] >= 0.99 * stream.at(now) or now - phase["t"] > 20
        ):
            # the discovery backlog is drained: the console has seen what the bare subscriber saw
            phase.update(name="measure", t=now, c0=reg.counters(), rows0=console.devices.model.rows_applied,
                         rss0=rss_mb(), bare0=stream.at(now), samples=[])
            measuring[0] = True
        elif phase["name"] == "measure" and now - phase["t"] < window:
            phase["samples"].append((now, reg.counters()["applied"]))
        elif phase["name"] == "measure":
            measuring[0] = False
            c1 = reg.counters()
            dt = now - phase["t"]
            bare1 = stream.at(now)
            applied = slope(phase["samples"])
            received = (c1["received"] - phase["c0"]["received"]) / dt
            bare_rate = slope(stream.between(phase["t"], now))
            result.update(
                bench="ingest",
                devices=devices,
                rate_hz=args.rate,
                window_s=round(dt, 2),
                console_applied_per_s=round(applied, 1),
                console_received_per_s=round(received, 1),
                ui_rows_updated_per_s=round((console.devices.model.rows_applied - phase["rows0"]) / dt, 1),
                bare_received_per_s=round(bare_rate, 1),
                ratio=round(applied / bare_rate, 3) if bare_rate else 0.0,
                stall_p50_ms=round(statistics.median(ticks), 2) if ticks else 0.0,
                stall_p99_ms=round(pct(ticks, 99), 2),
                stall_max_ms=round(max(ticks), 2) if ticks else 0.0,
                idle_stall_p99_ms=round(pct(idle_ticks, 99), 2),
                loadavg_1m=round(os.getloadavg()[0], 2),
                rss_before_mb=round(phase["rss0"], 1),
                rss_after_mb=round(rss_mb(), 1),
                console_applied_total=c1["applied"] - phase["c0"]["applied"],
                bare_received_total=bare1 - phase["bare0"],
                stale_dropped=c1["stale_dropped"] - phase["c0"]["stale_dropped"],
                rejected=c1["rejected"] - phase["c0"]["rejected"],
                cpus=os.cpu_count(),
                stock_broker=args.stock_broker,
                cpu_load_procs=args.cpu_load,
                link_recovery=vars(svc.link.meta_recovery.stats()),
            )
            app.quit()
        if phase["name"] == "fail":
            result.update(bench="ingest", error=phase["why"])
            app.quit()

    driver = QTimer()
    driver.setInterval(100)
    driver.timeout.connect(step)
    driver.start()
    try:
        app.exec()
    finally:
        driver.stop()
        timer.stop()
        console.close()
        stop_all((sim, bare, *hogs))
        broker.stop()
    if "error" in result:
        print(json.dumps(result))
        return 1
    print(f"console applied {result['console_applied_per_s']}/s vs bare paho {result['bare_received_per_s']}/s "
          f"(ratio {result['ratio']}); UI stall p50 {result['stall_p50_ms']} ms, p99 {result['stall_p99_ms']} ms; "
          f"RSS {result['rss_before_mb']} → {result['rss_after_mb']} MB")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
