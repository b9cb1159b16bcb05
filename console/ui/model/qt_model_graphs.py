"""Live graphs of the Model panel: memory over time, TTFT and tokens/s per request, latency histogram.

They read ``Telemetry``'s ring buffers on a QTimer (4 Hz) and redraw only when a buffer has new
rows: never per token.  Curves use peak downsampling, clip-to-view and ``skipFiniteCheck`` (the
arrays handed over are finite already).
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QWidget

from console.core.inference.telemetry import REQUEST_FIELDS, Telemetry, percentiles

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
    "hist": "#5dade2",
}


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
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)

        self.memory_plot = self._plot(self.tr("Memory (GiB) over the last minutes"), self.tr("seconds"))
        self.memory_plot.addLegend(offset=(8, 8), labelTextColor="#333")
        self.curves: dict[str, pg.PlotDataItem] = {}
        labels = {
            "allocated": self.tr("GPU allocated (torch)"),
            "reserved": self.tr("GPU reserved (torch)"),
            "nvml_used": self.tr("GPU used (NVML)"),
            "nvml_total": self.tr("GPU total"),
            "rss": self.tr("process RSS (CPU)"),
        }
        for key, label in labels.items():
            if key != "rss" and telemetry.gpus == 0:
                # no GPU: keep the curve for uniform redraws, but out of the plot and the legend
                self.curves[key] = pg.PlotDataItem()
                continue
            style = pg.QtCore.Qt.PenStyle.DashLine if key == "nvml_total" else pg.QtCore.Qt.PenStyle.SolidLine
            self.curves[key] = self.memory_plot.plot(name=label, pen=pg.mkPen(COLOURS[key], width=2, style=style))

        self.latency_plot = self._plot(self.tr("Latency per request (s)"), self.tr("request"))
        self.latency_plot.addLegend(offset=(8, 8), labelTextColor="#333")
        self.curves["ttft"] = self.latency_plot.plot(
            name=self.tr("time to first token"), pen=pg.mkPen(COLOURS["ttft"], width=2),
            symbol="o", symbolSize=6, symbolBrush=COLOURS["ttft"])
        self.curves["e2e"] = self.latency_plot.plot(
            name=self.tr("end to end"), pen=pg.mkPen(COLOURS["e2e"], width=1),
            symbol="t", symbolSize=6, symbolBrush=COLOURS["e2e"])

        self.tps_plot = self._plot(self.tr("Decode tokens/s per request"), self.tr("request"))
        self.curves["tps"] = self.tps_plot.plot(
            pen=pg.mkPen(COLOURS["tps"], width=2), symbol="o", symbolSize=6, symbolBrush=COLOURS["tps"])

        self.hist_plot = self._plot(self.tr("End-to-end latency histogram"), self.tr("seconds"))
        self.hist = pg.BarGraphItem(x=[], height=[], width=0.1, brush=COLOURS["hist"])
        self.hist_plot.addItem(self.hist)
        self.p50_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#1e8449", width=2),
                                        label="p50", labelOpts={"position": 0.9, "color": "#1e8449"})
        self.p95_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#c0392b", width=2, style=pg.QtCore.Qt.PenStyle.DashLine),
                                        label="p95", labelOpts={"position": 0.75, "color": "#c0392b"})
        for line in (self.p50_line, self.p95_line):
            line.setVisible(False)
            self.hist_plot.addItem(line)
        self.hist_counts = np.zeros(0)
        self.p50: float | None = None
        self.p95: float | None = None

        grid.addWidget(self.memory_plot, 0, 0, 1, 2)
        grid.addWidget(self.latency_plot, 1, 0)
        grid.addWidget(self.tps_plot, 1, 1)
        grid.addWidget(self.hist_plot, 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        grid.setRowStretch(2, 2)

        self.timer = QTimer(self)
        self.timer.setInterval(self.REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        self.timer.start()

    def _plot(self, title: str, xlabel: str) -> pg.PlotWidget:
        w = pg.PlotWidget(background="w")  # per widget: pyqtgraph's global options belong to the whole app
        w.setTitle(title, color="#333")
        for side in ("left", "bottom"):
            axis = w.getAxis(side)
            axis.setPen(pg.mkPen("#555"))
            axis.setTextPen(pg.mkPen("#333"))
        w.setLabel("bottom", xlabel, color="#333")
        w.showGrid(x=True, y=True, alpha=0.2)
        w.setDownsampling(mode="peak")
        w.setClipToView(True)
        w.setMinimumHeight(90)
        return w

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
        if not len(s):
            return
        now = time.time()
        s = s[s[:, 0] >= now - self.window_s]
        x = s[:, 0] - now
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

    def _draw_requests(self) -> None:
        r = self.telemetry.requests.values()
        n = np.arange(1, len(r) + 1, dtype=float) + (self.telemetry.requests.total - len(r))
        col = {name: r[:, i] for i, name in enumerate(REQUEST_FIELDS)}
        ok = col["ok"] > 0 if len(r) else np.zeros(0, bool)
        for key, field in (("ttft", "ttft_s"), ("e2e", "e2e_s"), ("tps", "decode_tps")):
            xs, ys = _finite(n[ok], col[field][ok])
            self.curves[key].setData(xs, ys, skipFiniteCheck=True)
        lat = col["e2e_s"][ok] if len(r) else np.zeros(0)
        lat = lat[np.isfinite(lat)]
        if not len(lat):
            return
        lo, hi = float(lat.min()), float(lat.max())
        pad = max(0.05 * (hi - lo), 0.05 * hi, 1e-3)
        bins = max(5, min(30, len(lat)))
        counts, edges = np.histogram(lat, bins=bins, range=(max(0.0, lo - pad), hi + pad))
        self.hist_counts = counts
        self.hist.setOpts(x=(edges[:-1] + edges[1:]) / 2, height=counts, width=(edges[1] - edges[0]) * 0.9)
        p = percentiles(lat)
        self.p50, self.p95 = p[50], p[95]
        for line, value, name in ((self.p50_line, self.p50, "p50"), (self.p95_line, self.p95, "p95")):
            line.setPos(value)
            line.label.setFormat(f"{name} {value:.2f} s")
            line.setVisible(True)

    def point_counts(self) -> dict[str, int]:
        """How many points each curve shows (for tests and the status line)."""
        return {k: len(c.getData()[0]) if c.getData()[0] is not None else 0 for k, c in self.curves.items()}
