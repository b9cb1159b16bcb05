"""Live graphs of the Model panel: memory over time, latency and tokens/s per request, latency histogram.

They read ``Telemetry``'s ring buffers on a QTimer (4 Hz) and redraw only when a buffer has new
rows: never per token.  Read at a glance: every axis says what it shows and in which unit, request
and count axes tick whole numbers only, memory and rates start at 0 (the GPU total is a dashed line),
legends sit under the data, each request is its own point, and a cancelled request is marked but left
out of the histogram and of p50/p95 (``telemetry.completed`` decides, as for the doctor's summary).
A graph with nothing to show says so instead of drawing bare 0–1 axes.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QWidget

from console.core.inference.telemetry import REQUEST_FIELDS, Telemetry, completed, percentiles
from console.ui.model.qt_graph_parts import EmptyState, TopLegend, legend_proxy, make_plot, points, y_from_zero

GiB = 1024**3
COLOURS = {
    "allocated": "#2e86c1",
    "reserved": "#e67e22",
    "nvml_used": "#8e44ad",
    "nvml_total": "#c0392b",
    "rss": "#27ae60",
    "ttft": "#2e86c1",
    "e2e": "#7f8c8d",
    "tps": "#27ae60",
    "cancelled": "#d35400",
    "hist": "#5dade2",
    "p50": "#1e8449",
    "p95": "#c0392b",
}
DASH = pg.QtCore.Qt.PenStyle.DashLine


def _finite(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ok = np.isfinite(x) & np.isfinite(y)
    return x[ok], y[ok]


class QtModelGraphs(QWidget):
    REDRAW_MS = 250
    MEMORY_EVERY_S = 1.0

    def __init__(self, telemetry: Telemetry, parent: QWidget | None = None, window_s: float = 300.0) -> None:
        super().__init__(parent)
        self.telemetry = telemetry
        self.window_s = window_s
        self._seen = (-1, -1)
        self._memory_drawn = -1e9
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.hist_counts = np.zeros(0)
        self.p50: float | None = None
        self.p95: float | None = None
        self._build_memory()
        self._build_requests()
        self._build_histogram()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.memory_plot, 0, 0, 1, 2)
        grid.addWidget(self.latency_plot, 1, 0)
        grid.addWidget(self.tps_plot, 1, 1)
        grid.addWidget(self.hist_plot, 2, 0, 1, 2)
        for row, stretch in enumerate((3, 3, 2)):
            grid.setRowStretch(row, stretch)

        self.timer = QTimer(self)
        self.timer.setInterval(self.REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        self.timer.start()

    # -- construction --------------------------------------------------------------------------
    def _build_memory(self) -> None:
        gpu = self.telemetry.gpus > 0
        self.memory_plot = make_plot((self.tr("time, 0 = now"), "s"), (self.tr("memory"), "GiB"))
        self.memory_legend = TopLegend(self.memory_plot, 3 if gpu else 1)
        labels = {
            "allocated": self.tr("GPU allocated (torch)"),
            "reserved": self.tr("GPU reserved (torch)"),
            "nvml_used": self.tr("GPU used (NVML)"),
            "nvml_total": self.tr("GPU total"),
            "rss": self.tr("process RSS (CPU)"),
        }
        for key, label in labels.items():
            if key != "rss" and not gpu:
                # no GPU: keep the curve for uniform redraws, but out of the plot and the legend
                self.curves[key] = pg.PlotDataItem()
                continue
            pen = pg.mkPen(COLOURS[key], width=2, style=DASH if key == "nvml_total" else pg.QtCore.Qt.PenStyle.SolidLine)
            self.curves[key] = self.memory_plot.plot(pen=pen)
            self.memory_legend.add(self.curves[key], label)
        self.memory_empty = EmptyState(self.memory_plot, self.tr("no memory samples yet"))

    def _build_requests(self) -> None:
        no_requests = self.tr("no requests yet")
        self.latency_plot = make_plot((self.tr("request"), ""), (self.tr("latency"), "s"), integer_x=True)
        self.latency_legend = TopLegend(self.latency_plot, 3)
        self.curves["ttft"] = points(self.latency_plot, None, COLOURS["ttft"], "o")
        self.curves["e2e"] = points(self.latency_plot, None, COLOURS["e2e"], "t")
        self.curves["cancelled"] = points(self.latency_plot, None, COLOURS["cancelled"], "x", size=10)
        self.latency_legend.add(self.curves["ttft"], self.tr("first token"))
        self.latency_legend.add(self.curves["e2e"], self.tr("end to end"))
        self.latency_legend.add(self.curves["cancelled"], self.tr("cancelled"))
        self.latency_empty = EmptyState(self.latency_plot, no_requests)

        self.tps_plot = make_plot((self.tr("request"), ""), (self.tr("decode tokens/s"), ""), integer_x=True)
        self.tps_legend = TopLegend(self.tps_plot, 2)
        self.curves["tps"] = points(self.tps_plot, None, COLOURS["tps"], "o")
        self.curves["tps_cancelled"] = points(self.tps_plot, None, COLOURS["cancelled"], "x", size=10)
        self.tps_legend.add(self.curves["tps"], self.tr("decode speed"))
        self.tps_legend.add(self.curves["tps_cancelled"], self.tr("cancelled"))
        self.tps_legend.pair(self.latency_legend)
        self.tps_empty = EmptyState(self.tps_plot, no_requests)

    def _build_histogram(self) -> None:
        self.hist_plot = make_plot((self.tr("end-to-end latency of completed requests"), "s"),
                                   (self.tr("requests"), ""), integer_y=True)
        self.hist = pg.BarGraphItem(x=[], height=[], width=0.1, brush=COLOURS["hist"], pen=pg.mkPen("#2e86c1"))
        self.hist_plot.addItem(self.hist)
        self.p50_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(COLOURS["p50"], width=2))
        self.p95_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(COLOURS["p95"], width=2, style=DASH))
        self.hist_legend = TopLegend(self.hist_plot, 2)
        # the values go in the legend, under the plot: labels on the lines overlapped when p50 ≈ p95
        self._p50_key = legend_proxy(COLOURS["p50"])
        self._p95_key = legend_proxy(COLOURS["p95"], style=DASH)
        self.hist_legend.add(self._p50_key, "p50")
        self.hist_legend.add(self._p95_key, "p95")
        for line in (self.p50_line, self.p95_line):
            line.setVisible(False)
            self.hist_plot.addItem(line)
        self.hist_empty = EmptyState(self.hist_plot, self.tr("no requests yet"))

    # -- redraw from the ring buffers ----------------------------------------------------------
    def redraw(self, force: bool = False) -> None:
        """Redraw what has new data: requests at once, memory at most once a second; nothing while hidden."""
        if not force and not self.isVisible():
            return
        samples, requests = self.telemetry.samples.total, self.telemetry.requests.total
        now = time.monotonic()
        if force or (samples != self._seen[0] and now - self._memory_drawn >= self.MEMORY_EVERY_S):
            self._draw_memory()
            self._memory_drawn = now
            self._seen = (samples, self._seen[1])
        if force or requests != self._seen[1]:
            self._draw_requests()
            self._seen = (self._seen[0], requests)

    def _draw_memory(self) -> None:
        tel = self.telemetry
        s = tel.samples.values()
        s = s[s[:, 0] >= time.time() - self.window_s] if len(s) else s
        self.memory_empty.show(not len(s))
        if not len(s):
            return
        x = s[:, 0] - time.time()
        series = {"rss": s[:, 1]}
        for key in ("allocated", "reserved", "nvml_used", "nvml_total"):
            cols = [tel.col(i, key) for i in range(tel.gpus)]
            if cols:
                block = s[:, cols]
                # all GPUs together; a GPU with no reading (NaN) makes the point missing
                series[key] = np.where(np.all(np.isfinite(block), axis=1), np.nansum(block, axis=1), np.nan)
            else:
                series[key] = np.full(len(s), np.nan)
        for key, y in series.items():
            xs, ys = _finite(x, y / GiB)
            self.curves[key].setData(xs, ys, skipFiniteCheck=True)
        y_from_zero(self.memory_plot, *(series[k] / GiB for k in series))

    def _draw_requests(self) -> None:
        r = self.telemetry.requests.values()
        n = np.arange(1, len(r) + 1, dtype=float) + (self.telemetry.requests.total - len(r))
        col = {name: r[:, i] for i, name in enumerate(REQUEST_FIELDS)} if len(r) else {}
        done = completed(r)
        cancelled = (col["cancelled"] > 0) if len(r) else done
        for key, field, mask in (("ttft", "ttft_s", done), ("e2e", "e2e_s", done), ("tps", "decode_tps", done),
                                 ("cancelled", "e2e_s", cancelled), ("tps_cancelled", "decode_tps", cancelled)):
            xs, ys = _finite(n[mask], col[field][mask]) if len(r) else (np.zeros(0), np.zeros(0))
            self.curves[key].setData(xs, ys, skipFiniteCheck=True)
        shown = done | cancelled  # a failed request has no times worth drawing
        for plot, empty, fields in ((self.latency_plot, self.latency_empty, ("ttft_s", "e2e_s")),
                                    (self.tps_plot, self.tps_empty, ("decode_tps",))):
            empty.show(not shown.any())
            if shown.any():
                y_from_zero(plot, *(col[f][shown] for f in fields))
                plot.setXRange(n[0] - 0.5, n[-1] + 0.5, padding=0)  # whole requests, none on the edge
        lat = col["e2e_s"][done] if len(r) else np.zeros(0)
        self._draw_histogram(lat[np.isfinite(lat)], cancelled=int(cancelled.sum()))

    def _draw_histogram(self, lat: np.ndarray, cancelled: int) -> None:
        if cancelled and not len(lat):
            self.hist_empty.set_text(self.tr("no completed requests yet ({n} cancelled)").format(n=cancelled))
        self.hist_empty.show(not len(lat))
        if not len(lat):
            return
        lo, hi = float(lat.min()), float(lat.max())
        pad = max(0.05 * (hi - lo), 0.05 * hi, 1e-3)
        bins = max(5, min(30, len(lat)))
        counts, edges = np.histogram(lat, bins=bins, range=(max(0.0, lo - pad), hi + pad))
        self.hist_counts = counts
        full = counts > 0  # empty bins draw nothing (not a flat line on the axis)
        centres = (edges[:-1] + edges[1:]) / 2
        self.hist.setOpts(x=centres[full], height=counts[full], width=(edges[1] - edges[0]) * 0.9)
        self.hist_plot.setXRange(edges[0], edges[-1], padding=0.02)
        self.hist_plot.setYRange(0, max(2, int(counts.max())) * 1.12, padding=0)
        p = percentiles(lat)
        self.p50, self.p95 = p[50], p[95]
        for line, key, value, name in ((self.p50_line, self._p50_key, self.p50, "p50"),
                                       (self.p95_line, self._p95_key, self.p95, "p95")):
            line.setPos(value)
            line.setVisible(True)
            self.hist_legend.label(key).setText(f"{name} {value:.2f} s")
        self.hist_legend.fit()

    def legends(self) -> list[TopLegend]:
        return [self.memory_legend, self.latency_legend, self.tps_legend, self.hist_legend]

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        for legend in self.legends():
            legend.fit()

    def point_counts(self) -> dict[str, int]:
        """How many points each curve shows (for tests and the status line)."""
        return {k: len(c.getData()[0]) if c.getData()[0] is not None else 0 for k, c in self.curves.items()}
