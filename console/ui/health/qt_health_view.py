"""The Health view: the console's own stability over the last hour, each number against its target
(command success rate, ack latency p50/p95, model TTFT p95, model engine error rate), with a small
graph per number (one point a minute, the target as a dashed line) and whether tracing is on.

Reads ``console.core.telemetry.health.HealthStats`` on a 2 s timer (GUI thread); never on a message.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from console.core.telemetry.health import TARGETS, HealthStats, Indicator

OK_COLOUR, BAD_COLOUR, NONE_COLOUR = "#1e8449", "#c0392b", "#7f8c8d"
KEYS = ("success_rate", "ack_p50", "ack_p95", "ttft_p95", "engine_error_rate")


class QtHealthView(QWidget):
    def __init__(self, health: HealthStats, tracing_status: str = "", parent: QWidget | None = None,
                 *, interval_ms: int = 2000) -> None:
        super().__init__(parent)
        self.health = health
        titles = {"success_rate": self.tr("Command success rate"), "ack_p50": self.tr("Ack latency p50"),
                  "ack_p95": self.tr("Ack latency p95"), "ttft_p95": self.tr("Model TTFT p95"),
                  "engine_error_rate": self.tr("Model engine error rate")}
        self.intro = QLabel(self.tr("The last hour, against the targets of the deployment guide. "
                                    "Graphs: one point a minute, in minutes before now; the dashed line is the target."))
        self.intro.setWordWrap(True)
        self.tracing = QLabel()
        self.tracing.setObjectName("tracingStatus")
        self.set_tracing_status(tracing_status)
        grid = QGridLayout()
        grid.setColumnStretch(4, 1)
        for col, text in enumerate((self.tr("Measure"), self.tr("Now"), self.tr("Target"), self.tr("Samples"),
                                    self.tr("Last hour"))):
            head = QLabel(f"<b>{text}</b>")
            grid.addWidget(head, 0, col)
        self.values: dict[str, QLabel] = {}
        self.counts: dict[str, QLabel] = {}
        self.plots: dict[str, pg.PlotWidget] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        for i, key in enumerate(KEYS, start=1):
            target = TARGETS[key]
            grid.addWidget(QLabel(titles[key]), i, 0)
            value = QLabel("—")
            value.setObjectName(f"health_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(80)
            self.values[key] = value
            grid.addWidget(value, i, 1)
            grid.addWidget(QLabel(target.text()), i, 2)
            count = QLabel("0")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.counts[key] = count
            grid.addWidget(count, i, 3)
            plot = self._small_plot(key)
            grid.addWidget(plot, i, 4)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.addWidget(self.intro)
        inner.addWidget(self.tracing)
        inner.addLayout(grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(scroll)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _small_plot(self, key: str) -> pg.PlotWidget:
        target = TARGETS[key]
        w = pg.PlotWidget(background="w")
        w.setMenuEnabled(False)
        w.setMouseEnabled(x=False, y=False)
        w.hideButtons()
        w.setFixedHeight(84)
        w.setMinimumWidth(220)
        w.showGrid(x=False, y=True, alpha=0.2)
        for side in ("left", "bottom"):
            axis = w.getAxis(side)
            axis.setPen(pg.mkPen("#555"))
            axis.setTextPen(pg.mkPen("#333"))
            axis.enableAutoSIPrefix(False)
        w.getAxis("left").setWidth(40)
        w.setXRange(-60, 1, padding=0)
        limit = target.limit * 100 if target.unit == "%" else target.limit * 1000
        self._y_range(w, key, np.array([]))
        w.addItem(pg.InfiniteLine(pos=limit, angle=0, pen=pg.mkPen("#c0392b", style=Qt.PenStyle.DashLine)))
        self.curves[key] = w.plot([], [], pen=pg.mkPen("#2e86c1", width=2), symbol="o", symbolSize=4,
                                  symbolBrush="#2e86c1", connect="finite")
        self.plots[key] = w
        return w

    @staticmethod
    def _y_range(plot: pg.PlotWidget, key: str, y: np.ndarray) -> None:
        """Ranges that show the target and the data: success 95..100 %, errors 0..5 %, times 0..1.5× target."""
        finite = y[np.isfinite(y)] if len(y) else y
        if key == "success_rate":
            low = min(95.0, float(finite.min()) - 1) if len(finite) else 95.0
            plot.setYRange(max(0.0, low), 100.5, padding=0)
        elif key == "engine_error_rate":
            plot.setYRange(0, max(5.0, float(finite.max()) * 1.1) if len(finite) else 5.0, padding=0)
        else:
            top = TARGETS[key].limit * 1000 * 1.5
            plot.setYRange(0, max(top, float(finite.max()) * 1.1) if len(finite) else top, padding=0)

    def set_tracing_status(self, status: str) -> None:
        """``TelemetryHub.tracing_status``: "on: URL, sampling R" or "off: why"."""
        on = status.startswith("on:")
        text = status.split(":", 1)[1].strip() if ":" in status else status
        # the hub's fixed words, in the UI's language (an exception's own text stays as it is)
        if text == "no OTLP endpoint configured (--otlp-endpoint)":
            text = self.tr("no OTLP endpoint configured (--otlp-endpoint)")
        elif on and ", sampling " in text:
            url, ratio = text.rsplit(", sampling ", 1)
            text = self.tr("{url}, sampling {ratio}").format(url=url, ratio=ratio)
        self.tracing.setText(self.tr("Tracing (OpenTelemetry): on, {detail}").format(detail=text) if on else
                             self.tr("Tracing (OpenTelemetry): off, {detail}").format(detail=text or "—"))

    def refresh(self) -> None:
        for ind in self.health.indicators():
            self._show(ind)

    def _show(self, ind: Indicator) -> None:
        label = self.values[ind.key]
        label.setText(ind.value_text())
        colour = NONE_COLOUR if ind.ok is None else (OK_COLOUR if ind.ok else BAD_COLOUR)
        label.setStyleSheet(f"color: {colour}; font-weight: bold")
        label.setToolTip(self.tr("within target") if ind.ok else (self.tr("outside target") if ind.ok is False
                                                                   else self.tr("nothing measured yet")))
        self.counts[ind.key].setText(str(ind.samples))
        x, y = self.health.series(ind.key)
        scale = 100.0 if ind.target.unit == "%" else 1000.0
        y = np.asarray(y) * scale
        self._y_range(self.plots[ind.key], ind.key, y)
        if np.isfinite(y).any():
            self.curves[ind.key].setData(x, y, connect="finite")
        else:
            self.curves[ind.key].setData([], [])
