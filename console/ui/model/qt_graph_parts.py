"""The pieces the Model panel's graphs are built from (pyqtgraph): a plot with labelled axes and units,
an axis that only ticks whole numbers, a legend above the data (in the title's row), a y range that starts at 0, and the
"no requests yet" text of an empty graph.

Everything here styles one plot at a time: pyqtgraph's global options belong to the whole app.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF

TEXT = "#333"
AXIS = "#555"


class ValueAxis(pg.AxisItem):
    """A value axis whose end labels are drawn: with the grid on, pyqtgraph bounds a left axis by its
    own and the view's rectangles only, so the label of the tick at the bottom edge ("0" of every plot
    here, which all start at 0) overhung it by half a line and was dropped (the 1024x700 screenshots
    showed memory and latency axes without their 0)."""

    def boundingRect(self):  # noqa: N802 - pyqtgraph API
        rect = super().boundingRect()
        if self.orientation in ("left", "right"):
            line = QFontMetricsF(self.style["tickFont"] or QFont()).height()  # room for half a label
            return rect.adjusted(0, -line, 0, line)
        return rect


class IntegerAxis(ValueAxis):
    """An axis for counts (requests, histogram bins): ticks only on whole numbers, never 0.5 or 1.5."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float):  # noqa: N802 - pyqtgraph API
        levels = [(spacing, offset) for spacing, offset in super().tickSpacing(minVal, maxVal, size)
                  if spacing >= 1 and float(spacing).is_integer()]
        return levels or [(1.0, 0.0)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph API
        return [f"{round(v):d}" for v in values]


def make_plot(x: tuple[str, str], y: tuple[str, str], *, integer_x: bool = False,
              integer_y: bool = False) -> pg.PlotWidget:
    """A white plot whose axes read ``x`` / ``y`` = (label, unit), e.g. ("latency", "s")."""
    axes = {}
    if integer_x:
        axes["bottom"] = IntegerAxis("bottom")
    axes["left"] = IntegerAxis("left") if integer_y else ValueAxis("left")
    w = pg.PlotWidget(background="w", axisItems=axes)
    for side, (label, unit) in (("bottom", x), ("left", y)):
        axis = w.getAxis(side)
        axis.setPen(pg.mkPen(AXIS))
        axis.setTextPen(pg.mkPen(TEXT))
        axis.enableAutoSIPrefix(False)  # "GiB" and "s" stay as written: no "(x0.001)", no "mGiB"
        w.setLabel(side, label, units=unit or None, color=TEXT)
    w.showGrid(x=True, y=True, alpha=0.2)
    w.setDownsampling(mode="peak")
    w.setClipToView(True)
    w.setLimits(yMin=0)  # every value shown is a size, a time, a rate or a count
    w.setMenuEnabled(False)
    w.setMinimumHeight(90)
    return w


class TopLegend:
    """A legend in the plot's title row: above the data, never over it.  It takes as many columns as
    the plot's width allows (``fit``), so a narrow plot gets a second legend row instead of a clipped one.
    The axis labels say what the plot shows, so the row needs no title as well."""

    ROW_PX = 20
    GAP_PX = 6

    def __init__(self, plot: pg.PlotWidget, columns: int) -> None:
        self.plot = plot
        self.columns = columns
        self.legend = pg.LegendItem(colCount=columns, labelTextColor=TEXT, labelTextSize="8pt", horSpacing=self.GAP_PX,
                                    frame=False)
        item = plot.getPlotItem()
        item.layout.removeItem(item.titleLabel)  # the legend takes the title's row
        item.titleLabel.setVisible(False)
        item.layout.addItem(self.legend, 0, 1)
        self.legend.setMinimumWidth(0)  # never widen the plot past its widget: ``fit`` re-flows instead
        self.rows = 0
        self.natural_rows = 0
        self.partner: TopLegend | None = None
        plot.getViewBox().sigResized.connect(self.fit)

    def add(self, item: pg.GraphicsObject, name: str) -> None:
        self.legend.addItem(item, name)
        self.fit()

    def label(self, item: pg.GraphicsObject) -> pg.LabelItem:
        return self.legend.getLabel(item)

    def texts(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    def pair(self, other: "TopLegend") -> None:
        """Plots side by side: both legend rows get the same height, so their data areas line up."""
        self.partner, other.partner = other, self

    def fit(self) -> None:
        """Re-flow the entries into as many columns as fit over the data's width."""
        n = len(self.legend.items)
        widths = [sample.width() + label.minimumWidth() + 2 * self.GAP_PX for sample, label in self.legend.items]
        room = self.plot.getViewBox().width()
        cols = 1
        for c in range(min(self.columns, n), 0, -1):
            if sum(max(widths[j::c]) for j in range(c)) <= room:
                cols = c
                break
        if n:
            self.legend.setColumnCount(cols)
        self.natural_rows = -(-n // cols)
        rows = max(self.natural_rows, self.partner.natural_rows if self.partner else 0)
        for legend in (self, self.partner):
            if legend is not None:
                legend._set_rows(rows)

    def _set_rows(self, rows: int) -> None:
        if rows != self.rows:
            self.rows = rows
            self.plot.getPlotItem().layout.setRowFixedHeight(0, rows * self.ROW_PX + 4)


def legend_proxy(colour: str, *, style=None, symbol: str | None = None) -> pg.PlotDataItem:
    """An empty item drawn only in a legend, for what the legend cannot draw itself (an InfiniteLine)."""
    pen = pg.mkPen(colour, width=2, style=style or pg.QtCore.Qt.PenStyle.SolidLine)
    return pg.PlotDataItem(pen=pen if symbol is None else None, symbol=symbol, symbolBrush=colour, symbolPen=colour)


def points(plot: pg.PlotWidget, name: str | None, colour: str, symbol: str = "o", size: int = 7) -> pg.PlotDataItem:
    """One marker per value, no line between them: requests are separate events, not a series."""
    return plot.plot(name=name, pen=None, symbol=symbol, symbolSize=size, symbolBrush=colour,
                     symbolPen=pg.mkPen(colour))


def y_from_zero(plot: pg.PlotWidget, *columns: np.ndarray, headroom: float = 1.12) -> float:
    """Show y from 0 to a little above the largest finite value (1 when there is none); returns the top."""
    top = 0.0
    for c in columns:
        c = np.asarray(c, dtype=float)
        c = c[np.isfinite(c)]
        if c.size:
            top = max(top, float(c.max()))
    top = top * headroom if top > 0 else 1.0
    plot.setYRange(0, top, padding=0)
    return top


class EmptyState:
    """What an empty plot shows: its labelled axes without numbers and a centred sentence."""

    X_RANGE = (0.5, 5.5)

    def __init__(self, plot: pg.PlotWidget, text: str) -> None:
        self.plot = plot
        self.item = pg.TextItem(text, color="#777", anchor=(0.5, 0.5))
        plot.addItem(self.item, ignoreBounds=True)
        self.shown = False
        self.show(True)

    def set_text(self, text: str) -> None:
        self.item.setText(text, color="#777")

    def show(self, empty: bool) -> None:
        if empty == self.shown:
            return
        self.shown = empty
        self.item.setVisible(empty)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setStyle(showValues=not empty)
        if empty:
            self.plot.setXRange(*self.X_RANGE, padding=0)
            self.plot.setYRange(0, 1, padding=0)
            self.item.setPos(sum(self.X_RANGE) / 2, 0.5)
        else:
            self.plot.enableAutoRange(axis="x")
