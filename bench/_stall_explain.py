"""``--explain`` for the ingest benches: what the GUI thread was doing during each late tick of the
bench's 10 ms stall heartbeat (bench/ingest.py --ha N --explain).

At every heartbeat tick (GUI thread) one sample: the GUI thread's own CPU (``time.thread_time_ns``),
its scheduler counters (``/proc/self/task/TID/schedstat``: ns on a CPU, ns runnable but waiting for
one), the same counters of the MQTT link's thread, this process's CPU and the machine's busy time
(``/proc/stat``).  Besides: every cycle collection (``gc.callbacks``: start/stop, generation, thread)
and every call of the GUI's timer slots (the fleet and commands models' frames, the collector's
check, the panels' once-a-second refreshes; wrapped on their classes before the window is built),
with wall and thread CPU time.

A tick is late by L ms: the interval since the previous tick is I = 10 + L.  During I the GUI thread
was on a CPU (``own``: slots, painting, collections), runnable without a CPU (``runq``: the machine
is busy) or neither (``blocked``: asleep in the event loop until the timer was due, ~10 ms, or
waiting for the GIL or a lock beyond that).  A late tick's cause is the largest of: a cycle
collection (``gc``), own work in a named slot (``slot:<name>``), other own work (``own:qt``:
painting, Qt, unnamed Python), ``runq`` (CPU starvation by other processes or our own threads), and
``blocked`` beyond the nominal 10 ms (``gil/lock``: mostly the GIL, held by the link's thread; its
CPU in that interval is reported beside it).

Costs: two small /proc reads per tick (~30 µs) and a wrapper per slot call; the diagnostic runs
change the numbers a little, so A/B numbers come from runs without it.
"""

from __future__ import annotations

import functools
import gc
import os
import statistics
import threading
import time
from collections import Counter, defaultdict

HEARTBEAT_MS = 10.0


def _slot_targets() -> list[tuple[type, str]]:
    from console.ui.alerts.qt_alerts_source import QtAlertsSource
    from console.ui.devices.qt_command_timeline import QtCommandTimeline
    from console.ui.devices.qt_commands_model import QtCommandsModel
    from console.ui.devices.qt_devices_panel import QtDevicesPanel
    from console.ui.devices.qt_fleet_model import QtFleetModel
    from console.ui.health.qt_health_view import QtHealthView
    from console.ui.model.qt_model_graphs import QtModelGraphs
    from console.ui.shell.qt_gc import MainThreadCollector

    return [(QtFleetModel, "apply_pending"), (QtFleetModel, "_refresh_ages"), (QtCommandsModel, "apply_pending"),
            (MainThreadCollector, "check"), (QtDevicesPanel, "_update_rates"), (QtDevicesPanel, "fit_columns"),
            (QtCommandTimeline, "refresh"), (QtHealthView, "refresh"), (QtAlertsSource, "flush"),
            (QtModelGraphs, "redraw")]


class _Sched:
    """A thread's /proc schedstat: (ns on a CPU, ns waiting on a run queue)."""

    def __init__(self, tid: int) -> None:
        self.fd = os.open(f"/proc/self/task/{tid}/schedstat", os.O_RDONLY)

    def read(self) -> tuple[int, int]:
        run, wait, _ = os.pread(self.fd, 128, 0).split()
        return int(run), int(wait)

    def close(self) -> None:
        os.close(self.fd)


def _machine_busy_ns() -> int:
    """Busy time of all CPUs so far (user+nice+system+irq+softirq+steal), ns (jiffies: 10 ms steps)."""
    with open("/proc/stat", "rb") as f:
        fields = f.readline().split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) * (1_000_000_000 // os.sysconf("SC_CLK_TCK"))


class StallExplainer:
    """Samples at each heartbeat tick; ``report()`` explains the late ones (see the module docstring)."""

    def __init__(self, late_ms: float = 20.0) -> None:
        self.late_ms = late_ms
        self.gui_ident = threading.get_ident()
        self.gui = _Sched(threading.get_native_id())
        self.link: _Sched | None = None
        self.samples: list[tuple] = []  # (t, gui_cpu, gui_run, gui_wait, link_run, link_wait, proc_cpu, busy)
        self.measuring = False
        self.gc_events: list[tuple[int, int, int, bool]] = []  # (start ns, stop ns, generation, on GUI thread)
        self._gc_start: dict[int, int] = {}
        self.slot_calls: list[tuple[int, int, int, str]] = []  # (start ns, stop ns, thread cpu ns, name)
        self._patched: list[tuple[type, str, object]] = []

    # -- wiring --------------------------------------------------------------------------------
    def patch_slots(self) -> None:
        """Wrap the GUI's timer slots on their classes: call before the objects are built."""
        for cls, name in _slot_targets():
            original = cls.__dict__[name]
            label = f"{cls.__name__}.{name}"
            self._patched.append((cls, name, original))
            setattr(cls, name, self._wrap(original, label))

    def _wrap(self, fn, label: str):
        calls = self.slot_calls

        @functools.wraps(fn)
        def timed(*args, **kwargs):
            t0, c0 = time.monotonic_ns(), time.thread_time_ns()
            try:
                return fn(*args, **kwargs)
            finally:
                if self.measuring:
                    calls.append((t0, time.monotonic_ns(), time.thread_time_ns() - c0, label))

        return timed

    def start(self) -> None:
        gc.callbacks.append(self._on_gc)
        link = next((t for t in threading.enumerate() if t.name == "mqtt-link"), None)
        if link is not None and link.native_id is not None:
            self.link = _Sched(link.native_id)

    def stop(self) -> None:
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        for cls, name, original in self._patched:
            setattr(cls, name, original)
        self._patched.clear()
        self.gui.close()
        if self.link is not None:
            self.link.close()

    def _on_gc(self, phase: str, info: dict) -> None:
        if not self.measuring:
            return
        ident = threading.get_ident()
        if phase == "start":
            self._gc_start[ident] = time.monotonic_ns()
        else:
            t0 = self._gc_start.pop(ident, None)
            if t0 is not None:
                self.gc_events.append((t0, time.monotonic_ns(), info.get("generation", -1), ident == self.gui_ident))

    def tick(self) -> None:
        """At each heartbeat tick, on the GUI thread."""
        if not self.measuring:
            return
        run, wait = self.gui.read()
        lrun, lwait = self.link.read() if self.link is not None else (0, 0)
        self.samples.append((time.monotonic_ns(), time.thread_time_ns(), run, wait, lrun, lwait,
                             time.process_time_ns(), _machine_busy_ns()))

    # -- the answer ------------------------------------------------------------------------------
    def _overlap(self, events, t0: int, t1: int) -> list[tuple]:
        return [e for e in events if e[1] > t0 and e[0] < t1]

    def report(self) -> dict:
        """Late ticks (> late_ms) by cause, with the components averaged over them."""
        ms = 1e-6
        rows = []
        for a, b in zip(self.samples, self.samples[1:]):
            interval = (b[0] - a[0]) * ms
            late = interval - HEARTBEAT_MS
            if late <= self.late_ms:
                continue
            own, runq = (b[2] - a[2]) * ms, (b[3] - a[3]) * ms
            blocked = max(0.0, interval - own - runq)
            gcs = [e for e in self._overlap(self.gc_events, a[0], b[0]) if e[3]]
            gc_ms = sum((min(e[1], b[0]) - max(e[0], a[0])) * ms for e in gcs)
            slots: dict[str, float] = defaultdict(float)
            slot_wall: dict[str, float] = defaultdict(float)
            for s in self._overlap(self.slot_calls, a[0], b[0]):
                slots[s[3]] += s[2] * ms
                slot_wall[s[3]] += (min(s[1], b[0]) - max(s[0], a[0])) * ms
            slot_cpu = sum(slots.values())
            gil_lock = max(0.0, blocked - HEARTBEAT_MS)
            parts = {"gc": gc_ms, "own:qt": max(0.0, own - slot_cpu - gc_ms), "runq": runq, "gil/lock": gil_lock}
            if slots:
                top = max(slots, key=slots.get)
                parts[f"slot:{top}"] = max(0.0, slots[top] - gc_ms)  # a collection inside a slot counts as gc
            cause = max(parts, key=parts.get)
            rows.append({
                "late_ms": round(late, 1), "cause": cause, "own_cpu_ms": round(own, 1), "runq_ms": round(runq, 1),
                "blocked_ms": round(blocked, 1), "gc_ms": round(gc_ms, 1),
                "gc_gens": [e[2] for e in gcs],
                "slots_cpu_ms": {k: round(v, 1) for k, v in slots.items()},
                "slots_wall_ms": {k: round(v, 1) for k, v in slot_wall.items()},
                "link_cpu_ms": round((b[4] - a[4]) * ms, 1), "link_runq_ms": round((b[5] - a[5]) * ms, 1),
                "process_cpu_ms": round((b[6] - a[6]) * ms, 1), "machine_busy_ms": round((b[7] - a[7]) * ms, 1),
            })
        by_cause = Counter(r["cause"] for r in rows)
        total_late = sum(r["late_ms"] for r in rows) or 1.0

        def mean(key: str, subset) -> float:
            return round(statistics.fmean(r[key] for r in subset), 1) if subset else 0.0

        causes = {}
        for cause, n in by_cause.most_common():
            subset = [r for r in rows if r["cause"] == cause]
            causes[cause] = {"ticks": n, "share_of_late_ms": round(sum(r["late_ms"] for r in subset) / total_late, 3),
                             **{f"mean_{k}": mean(k, subset) for k in ("late_ms", "own_cpu_ms", "runq_ms", "blocked_ms",
                                                                         "gc_ms", "link_cpu_ms", "machine_busy_ms")}}
        gui_gcs = [e for e in self.gc_events if e[3]]
        slot_totals: dict[str, list[float]] = defaultdict(list)
        for s in self.slot_calls:
            slot_totals[s[3]].append(s[2] * ms)
        intervals = [(b[0] - a[0]) * ms for a, b in zip(self.samples, self.samples[1:])]
        gui_cpu = (self.samples[-1][2] - self.samples[0][2]) * ms if len(self.samples) > 1 else 0.0
        gui_runq = (self.samples[-1][3] - self.samples[0][3]) * ms if len(self.samples) > 1 else 0.0
        span = sum(intervals) or 1.0
        return {
            "late_threshold_ms": self.late_ms, "ticks": len(intervals), "late_ticks": len(rows),
            "causes": causes,
            "window": {"gui_cpu_share": round(gui_cpu / span, 3), "gui_runq_share": round(gui_runq / span, 3),
                       "gc_on_gui": len(gui_gcs), "gc_off_gui": len(self.gc_events) - len(gui_gcs),
                       "gc_max_ms": round(max(((e[1] - e[0]) * ms for e in gui_gcs), default=0.0), 1),
                       "slots": {k: {"calls": len(v), "cpu_ms_mean": round(statistics.fmean(v), 2),
                                     "cpu_ms_max": round(max(v), 1)} for k, v in sorted(slot_totals.items())}},
            "worst": sorted(rows, key=lambda r: -r["late_ms"])[:12],
        }


def print_report(report: dict) -> None:
    """A readable breakdown on stdout (the JSON follows on the bench's last line)."""
    print(f"--explain: {report['late_ticks']} of {report['ticks']} ticks late by more than "
          f"{report['late_threshold_ms']:.0f} ms")
    for cause, c in report["causes"].items():
        print(f"  {cause:34s} {c['ticks']:4d} ticks ({100 * c['share_of_late_ms']:.0f}% of late ms)  mean late "
              f"{c['mean_late_ms']} ms: own cpu {c['mean_own_cpu_ms']}, runq {c['mean_runq_ms']}, blocked "
              f"{c['mean_blocked_ms']}, gc {c['mean_gc_ms']}, link cpu {c['mean_link_cpu_ms']}, machine busy "
              f"{c['mean_machine_busy_ms']} ms")
    w = report["window"]
    print(f"  window: GUI on a CPU {100 * w['gui_cpu_share']:.1f}%, runnable without one {100 * w['gui_runq_share']:.1f}%;"
          f" {w['gc_on_gui']} collections on the GUI thread (longest {w['gc_max_ms']} ms), {w['gc_off_gui']} elsewhere")
    for name, s in w["slots"].items():
        print(f"    {name:36s} {s['calls']:5d} calls, cpu mean {s['cpu_ms_mean']} ms, max {s['cpu_ms_max']} ms")
    for r in report["worst"]:
        print(f"  late {r['late_ms']:6.1f} ms  {r['cause']:30s} own {r['own_cpu_ms']:5.1f} runq {r['runq_ms']:5.1f} "
              f"blocked {r['blocked_ms']:5.1f} gc {r['gc_ms']:5.1f}{r['gc_gens']} link {r['link_cpu_ms']:5.1f} "
              f"machine {r['machine_busy_ms']:5.1f} slots {r['slots_cpu_ms']}")
