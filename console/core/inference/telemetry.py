"""Live numbers for the Model panel and the doctor's bundle: memory over time and per-request latency.

A sampler thread (``model-worker-telemetry``, a few Hz) records, per GPU, torch's allocated /
reserved / peak bytes and NVML's used / total bytes, plus the process RSS.  Requests are recorded
by the model worker as they finish, cancelled or not (a ``cancelled`` column marks those; ``completed``
picks the rows that count in percentiles).  Both go into preallocated numpy ring buffers; the graphs read
them on a timer, and ``snapshot()`` turns the last minutes into JSON.  torch is never imported
here: its counters are read only once the model worker has imported it and initialised CUDA.
"""

from __future__ import annotations

import logging
import math
import sys
import threading
import time
from typing import Any

import numpy as np

from console.core.events import Event
from console.core.inference.types import RequestMetrics

log = logging.getLogger(__name__)

GPU_FIELDS = ("allocated", "reserved", "peak", "nvml_used", "nvml_total")
REQUEST_FIELDS = ("t", "queue_wait_s", "ttft_s", "e2e_s", "decode_tps", "prompt_tokens", "new_tokens",
                  "cached_prompt_tokens", "ok", "cancelled")
LATENCY_FIELDS = ("queue_wait_s", "ttft_s", "e2e_s", "decode_tps")
# every request any Telemetry records, as it is recorded: (telemetry, metrics, ok, t).  The one hook
# for listeners outside the model stack (console.core.telemetry: spans, the Health view)
request_recorded = Event("model-request-recorded")


class Ring:
    """A fixed-size table of float64 rows; the oldest rows are overwritten. Thread-safe."""

    def __init__(self, capacity: int, width: int) -> None:
        if capacity < 1 or width < 1:
            raise ValueError("capacity and width must be positive")
        self.capacity = capacity
        self.width = width
        self._data = np.full((capacity, width), np.nan)
        self._count = 0  # rows ever appended
        self._lock = threading.Lock()

    def append(self, row) -> None:
        with self._lock:
            self._data[self._count % self.capacity] = row
            self._count += 1

    def __len__(self) -> int:
        return min(self._count, self.capacity)

    @property
    def total(self) -> int:
        return self._count

    def values(self) -> np.ndarray:
        """A copy of the rows, oldest first."""
        with self._lock:
            n = min(self._count, self.capacity)
            if self._count <= self.capacity:
                return self._data[:n].copy()
            start = self._count % self.capacity
            return np.concatenate((self._data[start:], self._data[:start]))

    def clear(self) -> None:
        with self._lock:
            self._data[:] = np.nan
            self._count = 0


def percentiles(values, qs=(50, 95)) -> dict[int, float | None]:
    """The ``qs`` percentiles of the finite values (None when there are none)."""
    arr = np.asarray(values, dtype=float)
    arr = arr[np.isfinite(arr)]
    if arr.size == 0:
        return {q: None for q in qs}
    return {q: float(np.percentile(arr, q)) for q in qs}


def completed(rows: np.ndarray) -> np.ndarray:
    """Which request rows ran to the end: neither failed (``ok`` 0) nor cancelled.  Only these count in
    latency percentiles; a cancelled request's times say when the operator gave up, not how fast it ran."""
    if not len(rows):
        return np.zeros(0, bool)
    ok = rows[:, REQUEST_FIELDS.index("ok")] > 0
    return ok & ~(rows[:, REQUEST_FIELDS.index("cancelled")] > 0)


def _clean(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and not math.isfinite(x)) else float(x)


class _Nvml:
    """NVML memory per GPU through nvidia-ml-py; quietly absent where there is no driver."""

    def __init__(self) -> None:
        self.ok = False
        self.handles: list[Any] = []
        self.names: list[str] = []
        try:
            import pynvml

            pynvml.nvmlInit()
            self._nvml = pynvml
            for i in range(pynvml.nvmlDeviceGetCount()):
                h = pynvml.nvmlDeviceGetHandleByIndex(i)
                name = pynvml.nvmlDeviceGetName(h)
                self.handles.append(h)
                self.names.append(name.decode() if isinstance(name, bytes) else str(name))
            self.ok = True
        except Exception as exc:  # noqa: BLE001 - ImportError, NVMLError_LibraryNotFound, DriverNotLoaded
            log.debug("NVML not available: %s", exc)

    def memory(self, i: int) -> tuple[float, float]:
        if not self.ok or i >= len(self.handles):
            return (np.nan, np.nan)
        try:
            m = self._nvml.nvmlDeviceGetMemoryInfo(self.handles[i])
            return (float(m.used), float(m.total))
        except Exception:  # noqa: BLE001
            return (np.nan, np.nan)

    def close(self) -> None:
        if self.ok:
            try:
                self._nvml.nvmlShutdown()
            except Exception:  # noqa: BLE001
                pass
            self.ok = False


def _torch_cuda():
    """torch, if the worker imported it and CUDA is initialised (never initialise it from here)."""
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    try:
        if torch.cuda.is_available() and torch.cuda.is_initialized():
            return torch
    except Exception:  # noqa: BLE001
        return None
    return None


class Telemetry:
    """Ring buffers of memory samples and request metrics, and the sampler thread that fills one."""

    def __init__(self, hz: float = 4.0, window_s: float = 600.0, max_requests: int = 2000, gpus: int | None = None) -> None:
        self.hz = hz
        try:
            import psutil

            self._proc = psutil.Process()
        except ImportError:  # RSS stays empty (NaN) where psutil is missing
            self._proc = None
        self._nvml = _Nvml()
        if gpus is None:
            gpus = len(self._nvml.handles)
            torch = sys.modules.get("torch")
            if torch is not None and torch.cuda.is_available():
                gpus = max(gpus, torch.cuda.device_count())
        self.gpus = gpus
        self.gpu_names = self._nvml.names[:gpus] + [f"cuda:{i}" for i in range(len(self._nvml.names), gpus)]
        self.samples = Ring(max(16, int(window_s * hz)), 2 + len(GPU_FIELDS) * gpus)
        self.requests = Ring(max_requests, len(REQUEST_FIELDS))
        self.t0 = time.time()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- columns -------------------------------------------------------------------------------
    def col(self, gpu: int, name: str) -> int:
        return 2 + gpu * len(GPU_FIELDS) + GPU_FIELDS.index(name)

    # -- sampling ------------------------------------------------------------------------------
    def sample_once(self, now: float | None = None) -> np.ndarray:
        row = np.full(self.samples.width, np.nan)
        row[0] = time.time() if now is None else now
        if self._proc is not None:
            try:
                row[1] = float(self._proc.memory_info().rss)
            except Exception:  # noqa: BLE001
                pass
        torch = _torch_cuda()
        for i in range(self.gpus):
            base = 2 + i * len(GPU_FIELDS)
            if torch is not None and i < torch.cuda.device_count():
                row[base] = torch.cuda.memory_allocated(i)
                row[base + 1] = torch.cuda.memory_reserved(i)
                row[base + 2] = torch.cuda.max_memory_allocated(i)
            row[base + 3], row[base + 4] = self._nvml.memory(i)
        self.samples.append(row)
        return row

    def start(self) -> "Telemetry":
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="model-worker-telemetry", daemon=True)
            self._thread.start()
        return self

    def _run(self) -> None:
        period = 1.0 / self.hz
        while not self._stop.is_set():
            try:
                self.sample_once()
            except Exception:  # noqa: BLE001 - a sampling hiccup must not kill the sampler
                log.exception("telemetry sample failed")
            self._stop.wait(period)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def close(self) -> None:
        self.stop()
        self._nvml.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- requests ------------------------------------------------------------------------------
    def record_request(self, m: RequestMetrics, ok: bool = True, now: float | None = None) -> None:
        tps = m.decode_tps
        now = time.time() if now is None else now
        self.requests.append(
            [now, m.queue_wait_s, np.nan if m.ttft_s is None else m.ttft_s, m.e2e_s,
             np.nan if tps is None else tps, m.prompt_tokens, m.new_tokens, m.cached_prompt_tokens, 1.0 if ok else 0.0,
             1.0 if m.cancelled else 0.0]
        )
        request_recorded.emit(self, m, ok, now)

    def request_column(self, name: str) -> np.ndarray:
        return self.requests.values()[:, REQUEST_FIELDS.index(name)]

    def summary(self) -> dict[str, Any]:
        """Counts, and p50/p95 of each latency field over the completed requests only."""
        req = self.requests.values()
        done = req[completed(req)]
        cancelled = int(np.sum(req[:, REQUEST_FIELDS.index("cancelled")] > 0)) if len(req) else 0
        out: dict[str, Any] = {"requests": int(self.requests.total), "completed": len(done), "cancelled": cancelled}
        for name in LATENCY_FIELDS:
            p = percentiles(done[:, REQUEST_FIELDS.index(name)] if len(done) else [])
            out[name] = {"p50": p[50], "p95": p[95]}
        return out

    # -- the doctor's bundle -------------------------------------------------------------------
    def snapshot(self, last_s: float = 300.0) -> dict[str, Any]:
        """The last ``last_s`` seconds of samples and requests as plain JSON-ready data."""
        now = time.time()
        s = self.samples.values()
        s = s[s[:, 0] >= now - last_s] if len(s) else s
        r = self.requests.values()
        r = r[r[:, 0] >= now - last_s] if len(r) else r
        gpus = []
        for i in range(self.gpus):
            gpus.append({
                "index": i,
                "name": self.gpu_names[i] if i < len(self.gpu_names) else f"cuda:{i}",
                **{f: [_clean(v) for v in s[:, self.col(i, f)]] for f in GPU_FIELDS},
            })
        return {
            "taken_at": now,
            "window_s": last_s,
            "sample_hz": self.hz,
            "nvml": self._nvml.ok,
            "samples": {"t": [_clean(v) for v in s[:, 0]], "rss": [_clean(v) for v in s[:, 1]], "gpus": gpus},
            "requests": [{k: _clean(v) for k, v in zip(REQUEST_FIELDS, row)} for row in r],
            "summary": self.summary(),
        }
