"""The Health view's numbers, Qt-free: the console's own stability over the last hour, each
against its target (the deployment guide's: P95 ≤ 800 ms, 5xx < 1 %, success ≥ 99.5 %).

- command success rate: SUCCEEDED over the commands that ended (cancelled ones do not count)
- ack latency p50 / p95: from the first publish to the device's first answer (accepted, done, rejected)
- model TTFT p95: the model requests that ran to the end
- model engine error rate: failed model requests over all (the remote engine's 5xx and broken streams
  end as failed requests; a local engine's failures count too)

Fed by the pipeline's row listener (``on_row``: GUI, network and sweeper threads) and the model
stack's ``request_recorded`` event (the model worker's thread); read by the view on its timer.  One
lock guards the deques; nothing is called while it is held.
"""

from __future__ import annotations

import collections
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from console.core.commands.outbox import CommandRow
from console.core.protocol import CommandState

S = CommandState
WINDOW_S = 3600.0
ANSWERS = (S.ACCEPTED, S.SUCCEEDED, S.REJECTED)  # the device's own answer (not inferred from a timeout)


@dataclass(frozen=True)
class Target:
    key: str
    label: str  # English; the view translates by key
    op: str  # ">=", "<=", "<"
    limit: float
    unit: str  # "%" (value is a ratio) | "ms" (value in seconds)

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return {">=": value >= self.limit, "<=": value <= self.limit, "<": value < self.limit}[self.op]

    def text(self) -> str:
        shown = f"{self.limit * 100:g} %" if self.unit == "%" else f"{self.limit * 1000:g} ms"
        return f"{self.op.replace('>=', '≥').replace('<=', '≤')} {shown}"


TARGETS = {
    "success_rate": Target("success_rate", "command success rate", ">=", 0.995, "%"),
    "ack_p50": Target("ack_p50", "ack latency p50", "<=", 0.8, "ms"),
    "ack_p95": Target("ack_p95", "ack latency p95", "<=", 0.8, "ms"),
    "ttft_p95": Target("ttft_p95", "model TTFT p95", "<=", 0.8, "ms"),
    "engine_error_rate": Target("engine_error_rate", "model engine error rate", "<", 0.01, "%"),
}


@dataclass(frozen=True)
class Indicator:
    key: str
    value: float | None  # ratio (0..1) or seconds; None: nothing measured in the window
    samples: int
    target: Target

    @property
    def ok(self) -> bool | None:
        return self.target.met(self.value)

    def value_text(self) -> str:
        if self.value is None:
            return "—"
        return f"{self.value * 100:.2f} %" if self.target.unit == "%" else f"{self.value * 1000:.0f} ms"


class HealthStats:
    """Timestamped samples of the last ``window_s``; ``indicators()`` and ``series()`` read them."""

    def __init__(self, window_s: float = WINDOW_S, clock: Callable[[], float] = time.time,
                 max_samples: int = 200_000) -> None:
        self.window_s = window_s
        self.clock = clock
        self._lock = threading.Lock()
        self._outcomes: collections.deque = collections.deque(maxlen=max_samples)  # (t, ok)
        self._acks: collections.deque = collections.deque(maxlen=max_samples)  # (t, seconds)
        self._model: collections.deque = collections.deque(maxlen=max_samples)  # (t, ttft or nan, ok)
        self._sent: "collections.OrderedDict[str, float]" = collections.OrderedDict()  # id → first publish

    # -- recording ------------------------------------------------------------------------------
    def on_row(self, row: CommandRow) -> None:
        """The pipeline's listener: first publish, first device answer, and how each command ended."""
        t = row.updated
        with self._lock:
            if row.state is S.SENT and row.attempts == 1 and row.id not in self._sent:
                self._sent[row.id] = t
                while len(self._sent) > 50_000:
                    self._sent.popitem(last=False)
            elif row.state in ANSWERS:
                sent = self._sent.pop(row.id, None)
                if sent is not None:
                    self._acks.append((t, max(0.0, t - sent)))
            if row.state.terminal:
                self._sent.pop(row.id, None)
                if row.state is not S.CANCELLED:
                    self._outcomes.append((t, row.state is S.SUCCEEDED))

    def record_outcome(self, ok: bool, t: float | None = None) -> None:
        with self._lock:
            self._outcomes.append((self.clock() if t is None else t, bool(ok)))

    def record_ack(self, latency_s: float, t: float | None = None) -> None:
        with self._lock:
            self._acks.append((self.clock() if t is None else t, float(latency_s)))

    def record_model(self, ttft_s: float | None, ok: bool, t: float | None = None, cancelled: bool = False) -> None:
        if cancelled:
            return  # when the operator gave up says nothing about the engine
        with self._lock:
            self._model.append((self.clock() if t is None else t, np.nan if ttft_s is None or not ok else ttft_s,
                                1.0 if ok else 0.0))

    def on_model_request(self, telemetry: Any, metrics: Any, ok: bool, t: float) -> None:
        """inference.telemetry.request_recorded's listener."""
        self.record_model(getattr(metrics, "ttft_s", None), ok, t, cancelled=bool(getattr(metrics, "cancelled", False)))

    # -- reading --------------------------------------------------------------------------------
    def _window(self, dq: collections.deque, now: float) -> np.ndarray:
        with self._lock:
            rows = [r for r in dq if r[0] >= now - self.window_s]
        return np.array(rows, dtype=float) if rows else np.zeros((0, 3 if dq is self._model else 2))

    def indicators(self, now: float | None = None) -> list[Indicator]:
        now = self.clock() if now is None else now
        out, acks = self._window(self._outcomes, now), self._window(self._acks, now)
        model = self._window(self._model, now)
        ttft = model[:, 1][np.isfinite(model[:, 1])] if len(model) else np.zeros(0)
        return [
            Indicator("success_rate", float(out[:, 1].mean()) if len(out) else None, len(out), TARGETS["success_rate"]),
            Indicator("ack_p50", float(np.percentile(acks[:, 1], 50)) if len(acks) else None, len(acks),
                      TARGETS["ack_p50"]),
            Indicator("ack_p95", float(np.percentile(acks[:, 1], 95)) if len(acks) else None, len(acks),
                      TARGETS["ack_p95"]),
            Indicator("ttft_p95", float(np.percentile(ttft, 95)) if len(ttft) else None, len(ttft), TARGETS["ttft_p95"]),
            Indicator("engine_error_rate", float(1.0 - model[:, 2].mean()) if len(model) else None, len(model),
                      TARGETS["engine_error_rate"]),
        ]

    def series(self, key: str, now: float | None = None, bucket_s: float = 60.0) -> tuple[np.ndarray, np.ndarray]:
        """Per-bucket values of one indicator over the window: (minutes before now (negative), values);
        buckets with no samples are NaN (the graph shows a gap)."""
        now = self.clock() if now is None else now
        n = max(1, int(self.window_s // bucket_s))
        edges = now - self.window_s + np.arange(n + 1) * bucket_s
        x = (edges[1:] - now) / 60.0
        y = np.full(n, np.nan)
        src = {"success_rate": self._outcomes, "ack_p50": self._acks, "ack_p95": self._acks,
               "ttft_p95": self._model, "engine_error_rate": self._model}[key]
        rows = self._window(src, now)
        if not len(rows):
            return x, y
        idx = np.clip(((rows[:, 0] - edges[0]) // bucket_s).astype(int), 0, n - 1)
        for b in np.unique(idx):
            vals = rows[idx == b]
            if key == "success_rate":
                y[b] = vals[:, 1].mean()
            elif key in ("ack_p50", "ack_p95"):
                y[b] = np.percentile(vals[:, 1], 50 if key == "ack_p50" else 95)
            elif key == "ttft_p95":
                f = vals[:, 1][np.isfinite(vals[:, 1])]
                y[b] = np.percentile(f, 95) if len(f) else np.nan
            else:
                y[b] = 1.0 - vals[:, 2].mean()
        return x, y
