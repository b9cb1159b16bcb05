"""The numbers metric rules read, taken from what the console already measures, never changed here.

``CommandStats`` listens to the command pipeline (``pipeline.add_listener``, its public listener
list; called on the network and sweeper threads): the device ack latency of each command (the time
from its first SENT to ACCEPTED or SUCCEEDED) and, per device, its failures (FAILED, TIMEOUT,
REJECTED, EXPIRED) and successes, which the ``command_failures`` rules read.

``ModelStats`` listens to ``inference.telemetry.request_recorded`` (every model request as the
worker records it; the rings of a given Telemetry where that event is missing) and reads the last
Telemetry's ``samples`` ring: TTFT p95 of the completed requests in a window, the share of the card's
memory in use (NVML used / total, the largest over the GPUs), and the share of failed requests (of
the remote engine when ``is_remote`` is given and says so; without it, of whichever engine runs).

``MetricSources.value(name, window_s, now)`` → a float, or None when there is nothing to judge yet.
Each holder has its own lock, never held while calling out.
"""

from __future__ import annotations

import collections
import threading
import time
from typing import Any, Callable

import numpy as np

from console.core.protocol import CommandState

S = CommandState
FAILED_STATES = frozenset({S.FAILED, S.TIMEOUT, S.REJECTED, S.EXPIRED})
ACKED_STATES = frozenset({S.ACCEPTED, S.SUCCEEDED})
MetricFn = Callable[[float, float], "float | tuple[float, int] | None"]  # (window_s, now) -> value [, samples]


class MetricSources:
    """Named metric functions; ``value`` asks one."""

    def __init__(self) -> None:
        self._fns: dict[str, MetricFn] = {}

    def add(self, name: str, fn: MetricFn) -> None:
        self._fns = {**self._fns, name: fn}

    def names(self) -> list[str]:
        return list(self._fns)

    def value(self, name: str, window_s: float, now: float) -> tuple[float | None, int]:
        """(value, samples it rests on); (None, 0) when the metric is unknown or has no data."""
        fn = self._fns.get(name)
        if fn is None:
            return None, 0
        out = fn(window_s, now)
        if out is None:
            return None, 0
        if isinstance(out, tuple):
            return out
        return float(out), 1


class CommandStats:
    """Ack latency and per-device outcomes from the pipeline's listener calls (``on_row``)."""

    def __init__(self, clock: Callable[[], float] = time.time, keep: int = 20_000) -> None:
        self.clock = clock
        self._lock = threading.Lock()
        self._sent: dict[str, float] = {}  # command id -> its first SENT (wall clock)
        self._latency: collections.deque[tuple[float, float]] = collections.deque(maxlen=keep)
        self.outcome = None  # set by the engine: outcome(device_id, ok: bool, row)

    def on_row(self, row: Any) -> None:
        state = row.state
        now = self.clock()
        with self._lock:
            if state is S.SENT:
                self._sent.setdefault(row.id, getattr(row, "updated", now) or now)
                if len(self._sent) > 50_000:  # commands that never ended: forget the oldest
                    for cid in list(self._sent)[:10_000]:
                        del self._sent[cid]
            elif state in ACKED_STATES:
                sent = self._sent.pop(row.id, None)
                if sent is not None:
                    self._latency.append((now, max(0.0, (getattr(row, "updated", now) or now) - sent)))
            elif state.terminal:
                self._sent.pop(row.id, None)
        outcome = self.outcome
        if outcome is not None:
            if state in FAILED_STATES:
                outcome(row.device_id, False, row)
            elif state is S.SUCCEEDED:
                outcome(row.device_id, True, row)

    def ack_latency_p95(self, window_s: float, now: float) -> tuple[float, int] | None:
        with self._lock:
            vals = [v for t, v in self._latency if t >= now - window_s]
        if not vals:
            return None
        return float(np.percentile(vals, 95)), len(vals)


class ModelStats:
    """TTFT p95, VRAM share and remote error rate (see the module docstring).

    Requests come from ``inference.telemetry.request_recorded`` (every Telemetry's, as recorded:
    (telemetry, metrics, ok, t)) when that event exists, else from the rings of ``telemetry()``."""

    def __init__(self, telemetry: Callable[[], Any] | None = None,
                 is_remote: Callable[[], bool] | None = None, keep: int = 5000) -> None:
        self.telemetry = telemetry or (lambda: None)
        self.is_remote = is_remote
        self._lock = threading.Lock()
        self._seen: Any = None  # the last Telemetry that recorded a request
        self._requests: collections.deque[tuple[float, float, bool, bool]] = collections.deque(maxlen=keep)
        self.listening = False

    def on_request(self, telemetry: Any, m: Any, ok: bool, t: float) -> None:
        ttft = m.ttft_s if m.ttft_s is not None else float("nan")
        with self._lock:
            self._seen = telemetry
            self._requests.append((t, float(ttft), bool(ok), bool(m.cancelled)))

    def _rows(self, window_s: float, now: float) -> list[tuple[float, float, bool, bool]]:
        if self.listening:
            with self._lock:
                return [r for r in self._requests if r[0] >= now - window_s]
        from console.core.inference.telemetry import REQUEST_FIELDS

        tel = self.telemetry()
        if tel is None:
            return []
        rows = tel.requests.values()
        idx = [REQUEST_FIELDS.index(k) for k in ("t", "ttft_s", "ok", "cancelled")]
        return [(r[idx[0]], r[idx[1]], r[idx[2]] > 0, r[idx[3]] > 0) for r in rows if r[idx[0]] >= now - window_s]

    def ttft_p95(self, window_s: float, now: float) -> tuple[float, int] | None:
        ttft = [r[1] for r in self._rows(window_s, now) if r[2] and not r[3] and np.isfinite(r[1])]
        return (float(np.percentile(ttft, 95)), len(ttft)) if ttft else None

    def remote_error_rate(self, window_s: float, now: float) -> tuple[float, int] | None:
        if self.is_remote is not None and not self.is_remote():
            return None
        rows = [r for r in self._rows(window_s, now) if not r[3]]
        if not rows:
            return None
        return sum(1 for r in rows if not r[2]) / len(rows), len(rows)

    def vram_share(self, window_s: float, now: float) -> tuple[float, int] | None:
        with self._lock:
            tel = self._seen
        tel = self.telemetry() or tel
        if tel is None or not tel.gpus:
            return None
        samples = tel.samples.values()
        if not len(samples):
            return None
        last = samples[-1]
        shares = []
        for i in range(tel.gpus):
            used, total = last[tel.col(i, "nvml_used")], last[tel.col(i, "nvml_total")]
            if not (np.isfinite(total) and total > 0):
                continue
            if not np.isfinite(used):
                used = last[tel.col(i, "reserved")]
            if np.isfinite(used):
                shares.append(float(used / total))
        return (max(shares), 1) if shares else None

    def attach(self, sources: MetricSources) -> None:
        from console.core.inference import telemetry as telemetry_module

        event = getattr(telemetry_module, "request_recorded", None)
        if event is not None:
            event.connect(self.on_request)
            self.listening = True
        sources.add("ttft_p95_s", self.ttft_p95)
        sources.add("vram_share", self.vram_share)
        sources.add("remote_error_rate", self.remote_error_rate)

    def detach(self) -> None:
        from console.core.inference import telemetry as telemetry_module

        event = getattr(telemetry_module, "request_recorded", None)
        if event is not None:
            event.disconnect(self.on_request)
