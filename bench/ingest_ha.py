"""Ingest of Home Assistant discovery (``bench/ingest.py --ha N``): N discovered entities through the
console as it runs (``build_services`` + ``ConsoleApp``: the main window, the device table, the
bridge, the pipeline; Qt offscreen), against a bare paho subscriber on the same broker in the same run.

A Zigbee2MQTT-like mix, four entities per device on one JSON state topic, a template on every state
(a json-schema light or a switch with ``value_template``, a temperature and a link-quality sensor,
a contact binary_sensor with Zigbee2MQTT's ``payload_on: false``), an availability topic with a
template.  The configs are published retained before the console connects (thousands arrive at
once, as at a real start); then each device publishes its state at ``--rate`` Hz.

Where the state topics are read: ``--ha-ingest process`` (the default: a child process receives and
reads them, console.core.ha.ingest_process, and the console applies what it read at 20 Hz) or
``--ha-ingest thread`` (the link's thread, in-process: the fallback), so both are measured the same way.

Measured, one JSON object on the last line:
``configs_shown_s``: from the console's CONNACK until every entity is known to the fleet and every
device has its row in the device table; ``console_state_per_s`` (state messages the console's fleet
handled, ``HaFleet.states_in``, least-squares slope over the window) against ``bare_received_per_s``
(a bare paho subscriber to the state topics, same broker, same run) and their ``ratio``;
``stall_p50/p99/max_ms``: how late a 10 ms QTimer heartbeat on the GUI thread fires during the window
(``idle_stall_p99_ms``: the same before any traffic, the machine's own noise); ``rss_mb``: RSS at the
start, middle and end of the window (``ingest_process_rss_mb``: the child's);
``cpu_cores``: the CPU the console used in the window (cores: process, GUI thread, link thread, the
ingest process); ``link_cpu_us_per_msg``, ``ingest_process_cpu_us_per_msg`` and ``bare_cpu_us_per_msg``:
CPU time per state message of the console's link thread, of the ingest process and of the whole
bare subscriber: on a machine busy with other work the rates fall with the CPU share a process
gets, these much less; ``reader_sched``: the share of the window the reader (the ingest process, or
the link's thread) was on a CPU and runnable without one (``runnable_waiting`` high: the machine's
other work took the CPU; this machine groups each login session's processes, so ``nice`` on other
people's jobs does not protect the bench).  ``--explain`` adds what the GUI thread did in each late
tick (bench/_stall_explain.py).
Targets: ratio >= 0.9, stall p99 < 50 ms, RSS flat.
"""

from __future__ import annotations

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

PUBLISH = r"""
import json, random, sys, time
import paho.mqtt.client as mqtt
host, port, mode, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
spec = json.load(open(path))
c = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"ha-bench-{mode}")
c.max_queued_messages_set(0)
c.connect(host, port); c.loop_start()
if mode == "configs":
    infos = [c.publish(t, json.dumps(cfg), qos=1, retain=True) for t, cfg in spec["configs"]]
    infos.append(c.publish(spec["bridge"], json.dumps({"state": "online"}), qos=1, retain=True))
    for i in infos: i.wait_for_publish(60)
else:
    topics, rate, window = spec["states"], spec["rate"], spec["window"]
    rng = random.Random(3)
    end = time.monotonic() + window
    n = 0
    while time.monotonic() < end:
        t0 = time.monotonic()
        for t in topics:
            c.publish(t, json.dumps({"state": rng.choice(["ON", "OFF"]), "brightness": rng.randint(1, 254),
                      "temperature": round(rng.uniform(15, 30), 2), "linkquality": rng.randint(0, 255),
                      "contact": rng.random() < 0.5}), qos=0)
            n += 1
        time.sleep(max(0.0, 1.0 / rate - (time.monotonic() - t0)))
    print(n)
c.loop_stop(); c.disconnect()
"""

def make_spec(entities: int, ha_prefix: str, base: str) -> dict:
    """Configs (topic, payload) for ``entities`` entities, four per device, and the state topics."""
    configs, states = [], []
    for d in range((entities + 3) // 4):
        node, state = f"0x{d:016x}", f"{base}/dev {d}"  # a name with a space, as Zigbee2MQTT allows
        dev = {"identifiers": [f"zigbee2mqtt_{node}"], "name": f"dev {d}", "manufacturer": "Bench",
               "model": "Mix", "suggested_area": f"area {d % 50}"}
        common = {"state_topic": state, "device": dev, "availability_topic": f"{base}/bridge/state",
                  "availability_template": "{{ value_json.state }}", "payload_available": "online"}
        light = ({"schema": "json", "brightness": True, "command_topic": f"{state}/set", "name": None}
                 if d % 2 == 0 else
                 {"command_topic": f"{state}/set", "value_template": "{{ value_json.state }}",
                  "payload_on": "ON", "payload_off": "OFF", "name": None})
        parts = [("light" if d % 2 == 0 else "switch", "light", light),
                 ("sensor", "temperature", {"value_template": "{{ value_json.temperature | float(0) | round(1) }}",
                                            "unit_of_measurement": "°C", "device_class": "temperature"}),
                 ("sensor", "linkquality", {"value_template": "{{ value_json['linkquality'] }}",
                                            "unit_of_measurement": "lqi", "state_class": "measurement"}),
                 ("binary_sensor", "contact", {"value_template": "{{ value_json.contact }}",
                                               "payload_on": False, "payload_off": True, "device_class": "door"})]
        for component, obj, extra in parts[: max(0, entities - 4 * d)]:
            cfg = {**common, "unique_id": f"{node}_{obj}_{component}", "object_id": f"dev_{d}_{obj}", **extra}
            configs.append((f"{ha_prefix}/{component}/{node}/{obj}/config", cfg))
        states.append(state)
    return {"configs": configs, "states": states, "bridge": f"{base}/bridge/state"}


def cpu_by_thread() -> dict[str, float]:
    """CPU seconds so far: the whole process, the GUI thread and the MQTT link's network thread."""
    import threading

    import psutil

    proc = psutil.Process()
    times = {t.id: t.user_time + t.system_time for t in proc.threads()}
    names = {t.native_id: t.name for t in threading.enumerate()}
    out = {"process": sum(proc.cpu_times()[:2])}
    for tid, seconds in times.items():
        name = names.get(tid, "")
        if name == "MainThread":
            out["gui"] = seconds
        elif name == "mqtt-link":
            out["link"] = seconds
    return out


def sched_of(pid: int | None) -> tuple[float, float]:
    """(s on a CPU, s runnable without one) of the ingest process's threads, else of the link's thread."""
    import threading

    if pid is None:
        tid = next((t.native_id for t in threading.enumerate() if t.name == "mqtt-link"), None)
        paths = [f"/proc/self/task/{tid}/schedstat"] if tid else []
    else:
        paths = [f"/proc/{pid}/task/{t}/schedstat" for t in os.listdir(f"/proc/{pid}/task")]
    run = wait = 0.0
    for path in paths:
        try:
            r, w, _ = open(path).read().split()
        except OSError:
            continue
        run, wait = run + int(r) / 1e9, wait + int(w) / 1e9
    return run, wait


def sched_share(a: tuple[float, float], b: tuple[float, float], dt: float) -> dict[str, float]:
    return {"on_cpu": round((b[0] - a[0]) / dt, 3), "runnable_waiting": round((b[1] - a[1]) / dt, 3)}


def rss_of(pid: int) -> float:
    import psutil

    return psutil.Process(pid).memory_info().rss / 2**20


def cpu_of(pid: int) -> float:
    import psutil

    return sum(psutil.Process(pid).cpu_times()[:2])


def run(entities: int, rate: float = 1.0, window: float = 20.0, *, stock: bool = False, load: int = 0,
        explain: bool = False, ingest: str = "process") -> dict:
    """The bench (see the module docstring); ``stock``: Mosquitto with its default limits, ``load``: that
    many busy-loop processes meanwhile (bench/ingest.py's --stock-broker and --cpu-load); ``explain``:
    what the GUI thread did in each late heartbeat tick (bench/_stall_explain.py), in ``result["explain"]``;
    ``ingest``: where the state topics are read, ``"process"`` (console.core.ha.ingest_process) or
    ``"thread"`` (the link's thread, in-process)."""
    tmp = Path(tempfile.mkdtemp(prefix="autoglm-ingest-ha-"))
    os.environ["AUTOGLM_DATA_DIR"] = str(tmp / "data")
    os.environ["AUTOGLM_LOG_DIR"] = str(tmp / "logs")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from _subscriber import start_bare, stop_all
    from ingest import cpu_load, pct, rss_mb, slope, stock_broker
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from console.core.demo.broker import EmbeddedBroker
    from console.core.mqtt.link import BrokerConfig, LinkState
    from console.core.services import build_services
    from console.ui.shell.qt_app import ConsoleApp, make_application

    explainer = None
    if explain:
        from _stall_explain import StallExplainer

        explainer = StallExplainer()
        explainer.patch_slots()  # before the collector and the window are built
    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    tag = uuid.uuid4().hex[:6]
    ha_prefix, base = f"habench{tag}", f"z2m{tag}"
    spec = make_spec(entities, ha_prefix, base)
    devices = len(spec["states"])
    (tmp / "spec.json").write_text(json.dumps({**spec, "rate": rate, "window": window + 6.0}))
    broker = stock_broker() if stock else EmbeddedBroker(kind="mosquitto").start()
    host, port = broker.host, str(broker.port)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs: list[subprocess.Popen] = cpu_load(load)
    console = None
    result: dict = {"bench": "ingest-ha", "entities": entities, "devices": devices, "rate_hz": rate,
                    "stock_broker": stock, "cpu_load_procs": load, "ha_ingest": ingest}
    try:
        t_pub = time.monotonic()
        subprocess.run([sys.executable, "-c", PUBLISH, host, port, "configs", str(tmp / "spec.json")],
                       check=True, env=env)
        result["configs_published_s"] = round(time.monotonic() - t_pub, 2)
        bare, stream = start_bare(host, port, [f"{base}/#"], qos=0, client_id="ha-bench-bare", env=env)
        procs.append(bare)
        cfg = BrokerConfig(host=broker.host, port=broker.port, prefix=f"ing{tag}", ha_prefix=ha_prefix,
                           ha_ingest=ingest)
        svc = build_services(broker_url=broker.url, cfg=cfg, outbox_path=tmp / "outbox.sqlite3")
        offload = None
        if ingest == "process" and svc.link.offload is None:  # until services wires cfg.ha_ingest itself
            from console.core.ha.ingest_process import attach_ingest_process

            offload = attach_ingest_process(svc.link, svc.ha.fleet)
        offload = offload or svc.link.offload
        connack: list[float] = []
        svc.link.state_changed.connect(
            lambda state, info: connack.append(time.monotonic()) if state is LinkState.CONNECTED and not connack else None)
        console = ConsoleApp(svc)
        bridge, registry, model = svc.ha, svc.registry, console.devices.model
        fleet = bridge.fleet  # its states_in counts state payloads read in-process or by the ingest process
        console.start()

        ticks: list[float] = []
        idle_ticks: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]
        phase: dict = {"name": "connect", "t": time.monotonic()}

        def tick() -> None:
            now = clock.nsecsElapsed()
            late = max(0.0, (now - last[0]) / 1e6 - 10.0)
            if phase["name"] == "measure":
                ticks.append(late)
            elif phase["name"] == "idle":
                idle_ticks.append(late)
            last[0] = now
            if explainer is not None:
                explainer.tick()

        heartbeat = QTimer()
        heartbeat.setInterval(10)
        heartbeat.timeout.connect(tick)
        heartbeat.start()

        def shown() -> bool:
            return model.rowCount() >= devices and bridge.fleet.counts() >= (devices, entities)

        def step() -> None:
            now = time.monotonic()
            name = phase["name"]
            if name == "connect":
                if connack and svc.link.connected:
                    phase.update(name="discover", t=now)
                elif now - phase["t"] > 30:
                    phase.update(name="fail", why="the console did not connect in 30 s")
            elif name == "discover":
                trace = phase.setdefault("trace", [])
                if not trace or now - trace[-1][0] >= 1.0:  # once a second: configs handled, devices, rows
                    cpu = cpu_by_thread()
                    trace.append((now, bridge.configs, bridge.fleet.counts()[0], model.rowCount(),
                                  round(cpu.get("link", 0.0), 2), round(cpu.get("gui", 0.0), 2),
                                  round(cpu_of(offload.pid), 2) if offload is not None else 0.0))
                if shown():
                    result["configs_shown_s"] = round(now - connack[0], 2)
                    # once a second: [s since CONNACK, configs handled, devices in the fleet, rows in the table,
                    # CPU seconds so far of the link's thread, the GUI thread, the ingest process]
                    result["discover_trace"] = [(round(t[0] - connack[0], 1), *t[1:]) for t in trace]
                    result["rows"] = model.rowCount()
                    phase.update(name="idle", t=now)
                elif now - phase["t"] > 300:
                    phase.update(name="fail", why=f"{model.rowCount()} rows, {len(bridge.fleet.metas())} devices "
                                 f"of {devices} in 300 s")
            elif name == "idle" and now - phase["t"] > 2.0:
                procs.append(subprocess.Popen([sys.executable, "-c", PUBLISH, host, port, "states",
                                               str(tmp / "spec.json")], stdout=subprocess.DEVNULL, env=env))
                phase.update(name="warmup", t=now)
            elif name == "warmup" and now - phase["t"] > 3.0:
                phase.update(name="measure", t=now, wall0=time.time(), samples=[], rss=[rss_mb()],
                             child_rss=[rss_of(offload.pid) if offload is not None else 0.0], cpu0=cpu_by_thread(),
                             bare_cpu0=cpu_of(bare.pid), states0=fleet.states_in,
                             child_cpu0=cpu_of(offload.pid) if offload is not None else 0.0,
                             child_stats0=dict(offload.stats) if offload is not None else {},
                             sched0=sched_of(offload.pid if offload is not None else None), bare_n0=stream.at(time.time()),
                             rows0=model.rows_applied, errors0=bridge.template_errors, configs0=bridge.configs,
                             builds0=bridge.fleet.work_builds)
                if explainer is not None:
                    explainer.start()
                    explainer.measuring = True
            elif name == "measure":
                phase["samples"].append((now, fleet.states_in))
                if len(phase["rss"]) == 1 and now - phase["t"] >= window / 2:
                    phase["rss"].append(rss_mb())
                    phase["child_rss"].append(rss_of(offload.pid) if offload is not None else 0.0)
                if now - phase["t"] >= window:
                    phase["rss"].append(rss_mb())
                    phase["child_rss"].append(rss_of(offload.pid) if offload is not None else 0.0)
                    dt = now - phase["t"]
                    cpu1, bare_cpu1 = cpu_by_thread(), cpu_of(bare.pid)
                    handled = fleet.states_in - phase["states0"]
                    child_cpu = (cpu_of(offload.pid) - phase["child_cpu0"]) if offload is not None else 0.0
                    heard = stream.at(time.time()) - phase["bare_n0"]
                    console_rate = slope(phase["samples"])
                    bare_rate = slope(stream.between(phase["wall0"], time.time()))
                    result.update(
                        window_s=round(dt, 2),
                        console_state_per_s=round(console_rate, 1), bare_received_per_s=round(bare_rate, 1),
                        ratio=round(console_rate / bare_rate, 3) if bare_rate else 0.0,
                        ui_rows_updated_per_s=round((model.rows_applied - phase["rows0"]) / dt, 1),
                        stall_p50_ms=round(statistics.median(ticks), 2) if ticks else 0.0,
                        stall_p99_ms=round(pct(ticks, 99), 2), stall_max_ms=round(max(ticks, default=0.0), 2),
                        idle_stall_p99_ms=round(pct(idle_ticks, 99), 2),
                        rss_mb=[round(r, 1) for r in phase["rss"]],
                        ingest_process_rss_mb=[round(r, 1) for r in phase["child_rss"]],
                        cpu_cores={**{k: round((v - phase["cpu0"].get(k, 0.0)) / dt, 3) for k, v in cpu1.items()},
                                   "ingest_process": round(child_cpu / dt, 3)},
                        ingest_process_cpu_us_per_msg=round(1e6 * child_cpu / max(1, handled), 1),
                        ingest_process_alive=offload.alive if offload is not None else None,
                        # the child's own counts over the window: messages it read, seconds it waited on a full pipe
                        # share of the window the reading thread (the child, or the link's thread) was on a CPU,
                        # and runnable without one (the machine's other work)
                        reader_sched=sched_share(phase["sched0"], sched_of(offload.pid if offload is not None else None), dt),
                        ingest_process_read_per_s=round((offload.stats.get("messages", 0) - phase["child_stats0"].get(
                            "messages", 0)) / dt, 1) if offload is not None else None,
                        ingest_process_send_wait_s=round(offload.stats.get("send_wait_s", 0) - phase["child_stats0"].get(
                            "send_wait_s", 0), 3) if offload is not None else None,
                        # CPU per message: what the machine's load cannot change much (it changes the rates)
                        link_cpu_us_per_msg=round(1e6 * (cpu1["link"] - phase["cpu0"]["link"]) / max(1, handled), 1),
                        bare_cpu_us_per_msg=round(1e6 * (bare_cpu1 - phase["bare_cpu0"]) / max(1, heard), 1),
                        template_errors=bridge.template_errors - phase["errors0"],
                        configs_in_window=bridge.configs - phase["configs0"],
                        work_builds_in_window=bridge.fleet.work_builds - phase["builds0"],
                        rejected_configs=bridge.rejected_configs, state_topics=len(bridge.subscribed()),
                        loadavg_1m=round(os.getloadavg()[0], 2), cpus=os.cpu_count())
                    phase["name"] = "done"
                    if explainer is not None:
                        explainer.measuring = False
                        result["explain"] = explainer.report()
                    app.quit()
            if phase["name"] == "fail":
                result["error"] = phase["why"]
                app.quit()

        driver = QTimer()
        driver.setInterval(100)
        driver.timeout.connect(step)
        driver.start()
        app.exec()
        driver.stop()
        heartbeat.stop()
    finally:
        if explainer is not None:
            explainer.stop()
        if console is not None:
            console.close()
        stop_all(procs)
        broker.stop()
    return result
