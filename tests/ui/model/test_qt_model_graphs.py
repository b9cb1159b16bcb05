"""The Model panel's graphs read at a glance: labelled axes with units, whole-number request and count
ticks, memory from 0 with the GPU total, legends outside the data, points per request, cancelled
requests marked but out of p50/p95, and "no requests yet" before the first one.  Real Qt, real
pyqtgraph, telemetry fed the way the model worker feeds it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest

from console.core.inference.telemetry import Telemetry
from console.core.inference.types import RequestMetrics
from console.ui.model.qt_graph_parts import IntegerAxis
from console.ui.model.qt_model_graphs import QtModelGraphs

GiB = 1024**3


@pytest.fixture
def make_graphs(qtbot):
    made: list[Telemetry] = []

    def make(gpus: int = 0) -> tuple[QtModelGraphs, Telemetry]:
        tel = Telemetry(hz=4, window_s=60, gpus=gpus)
        made.append(tel)
        graphs = QtModelGraphs(tel)
        qtbot.addWidget(graphs)
        graphs.resize(900, 700)
        graphs.show()
        qtbot.waitExposed(graphs)
        return graphs, tel

    yield make
    for tel in made:
        tel.close()


def finished(tel: Telemetry, e2e: float, ttft: float = 0.05, tokens: int = 21, cancelled: bool = False) -> None:
    tel.record_request(RequestMetrics(ttft_s=ttft, e2e_s=e2e, new_tokens=tokens, cancelled=cancelled,
                                      finish_reason="cancelled" if cancelled else "length"))


def axis_label(plot: pg.PlotWidget, side: str) -> tuple[str, str]:
    axis = plot.getAxis(side)
    return axis.labelText, axis.labelUnits


def test_every_axis_says_what_it_shows_and_its_unit(make_graphs):
    g, _ = make_graphs()
    assert axis_label(g.memory_plot, "left") == ("memory", "GiB")
    assert axis_label(g.memory_plot, "bottom") == ("time, 0 = now", "s")
    assert axis_label(g.latency_plot, "left") == ("latency", "s")
    assert axis_label(g.latency_plot, "bottom") == ("request", "")
    assert axis_label(g.tps_plot, "left") == ("decode tokens/s", "")
    assert axis_label(g.hist_plot, "left") == ("requests", "")  # the histogram's y axis had no label
    assert axis_label(g.hist_plot, "bottom")[1] == "s"
    for plot in (g.memory_plot, g.latency_plot, g.hist_plot):
        assert not plot.getAxis("left").autoSIPrefix  # no "(x0.001)" next to seconds


def test_request_and_count_axes_tick_whole_numbers_only(make_graphs):
    g, _ = make_graphs()
    plain = pg.AxisItem("bottom")
    assert any(not float(v).is_integer() for _, vs in plain.tickValues(0.5, 1.5, 300) for v in vs)  # 1.5 ticks
    for axis in (g.latency_plot.getAxis("bottom"), g.tps_plot.getAxis("bottom"), g.hist_plot.getAxis("left")):
        assert isinstance(axis, IntegerAxis)
        for lo, hi, px in ((0.5, 1.5, 300), (0, 2.24, 60), (0.5, 6.5, 400), (0, 1234, 300)):
            values = [v for _, vs in axis.tickValues(lo, hi, px) for v in vs]
            assert values and all(float(v).is_integer() for v in values), (lo, hi, values)
    assert g.hist_plot.getAxis("left").tickStrings([0.0, 1.0, 2.0], 1, 1) == ["0", "1", "2"]


def test_memory_starts_at_zero_and_shows_the_gpu_total(make_graphs, qtbot):
    g, tel = make_graphs(gpus=1)
    for k in range(4):
        row = tel.sample_once()
        row[tel.col(0, "allocated")] = (2 + k) * GiB
        row[tel.col(0, "nvml_used")] = (3 + k) * GiB
        row[tel.col(0, "nvml_total")] = 24 * GiB
        tel.samples.append(row)
    g.redraw(force=True)
    (y0, y1) = g.memory_plot.getViewBox().viewRange()[1]
    assert y0 == 0 and 24 <= y1 < 30  # from 0, the 24 GiB total in view with a little headroom
    assert np.allclose(g.curves["nvml_total"].getData()[1], 24)
    assert g.curves["nvml_total"].opts["pen"].style() == pg.QtCore.Qt.PenStyle.DashLine
    assert "GPU total" in g.memory_legend.texts() and not g.memory_empty.item.isVisible()


def drawn_labels(axis: pg.AxisItem) -> list[str]:
    """The tick labels the axis paints (pyqtgraph drops those that overhang its bounds)."""
    picture = pg.QtGui.QPicture()
    painter = pg.QtGui.QPainter(picture)
    try:
        return [text for _, _, text in axis.generateDrawSpecs(painter)[2]]
    finally:
        painter.end()


def test_value_axes_label_their_zero(make_graphs, qtbot):
    """Every plot starts at 0 and says so: the "0" at the bottom edge was dropped with the grid on (the
    1024x700 screenshots under Xvfb showed memory from 0.5 GiB and latency from 0.5 s)."""
    g, tel = make_graphs()
    for k in range(4):
        tel.samples.append(tel.sample_once())
        finished(tel, e2e=0.4 + 0.3 * k, ttft=0.2 + 0.1 * k)
    g.redraw(force=True)
    for plot in (g.memory_plot, g.latency_plot, g.hist_plot):
        qtbot.waitUntil(lambda plot=plot: plot.getViewBox().viewRange()[1][0] == 0)
        labels = drawn_labels(plot.getAxis("left"))
        assert labels and labels[0] in ("0", "0.0"), (plot, labels)


def test_empty_graphs_say_no_requests_yet_until_the_first_one(make_graphs):
    g, tel = make_graphs()
    g.redraw(force=True)
    for empty, plot in ((g.latency_empty, g.latency_plot), (g.tps_empty, g.tps_plot), (g.hist_empty, g.hist_plot)):
        assert empty.item.isVisible() and empty.item.toPlainText() == "no requests yet"
        assert plot.getAxis("left").style["showValues"] is False  # no bare 0-1 numbers
    finished(tel, 0.4)
    g.redraw(force=True)
    for empty, plot in ((g.latency_empty, g.latency_plot), (g.tps_empty, g.tps_plot), (g.hist_empty, g.hist_plot)):
        assert not empty.item.isVisible() and plot.getAxis("left").style["showValues"] is True
    assert g.point_counts()["e2e"] == 1 and g.latency_plot.getViewBox().viewRange()[0] == [0.5, 1.5]


def test_a_cancelled_request_is_marked_and_left_out_of_the_statistics(make_graphs):
    g, tel = make_graphs()
    for e2e in (1.0, 2.0, 3.0):
        finished(tel, e2e)
    finished(tel, 60.0, cancelled=True)
    g.redraw(force=True)
    counts = g.point_counts()
    assert counts["e2e"] == 3 and counts["ttft"] == 3 and counts["tps"] == 3
    x, y = g.curves["cancelled"].getData()
    assert x.tolist() == [4.0] and y.tolist() == [60.0]  # marked where it happened
    assert g.hist_counts.sum() == 3 and g.p50 == 2.0 and g.p95 <= 3.0
    assert g.p95_line.value() == g.p95 and g.p95_line.isVisible()
    assert "cancelled" in g.latency_legend.texts()


def test_only_cancelled_requests_say_so_in_the_histogram(make_graphs):
    g, tel = make_graphs()
    finished(tel, 5.0, cancelled=True)
    g.redraw(force=True)
    assert not g.latency_empty.item.isVisible() and g.point_counts()["cancelled"] == 1
    assert g.hist_empty.item.isVisible() and "no completed requests yet (1 cancelled)" in g.hist_empty.item.toPlainText()
    assert g.p50 is None and not g.p50_line.isVisible()


def test_per_request_values_are_points_not_a_connected_line(make_graphs):
    g, tel = make_graphs()
    for e2e in (0.5, 0.7, 0.6):
        finished(tel, e2e)
    g.redraw(force=True)
    for key in ("ttft", "e2e", "tps", "cancelled"):
        assert g.curves[key].opts["pen"] is None and g.curves[key].opts["symbol"] is not None, key
    (y0, _), = [g.tps_plot.getViewBox().viewRange()[1]]
    assert y0 == 0


@pytest.mark.parametrize("size", [(560, 600), (1200, 800)])
def test_legends_sit_outside_the_data_and_p50_p95_do_not_overlap(make_graphs, qtbot, size):
    g, tel = make_graphs()
    for e2e in (1.0, 1.01, 1.02, 1.03, 5.0):  # p50 and p95 close together on the axis
        finished(tel, e2e)
    finished(tel, 9.0, cancelled=True)
    g.resize(*size)
    g.redraw(force=True)
    qtbot.wait(50)  # let the scene lay itself out
    for legend in g.legends():
        vb = legend.plot.getViewBox()
        assert legend.legend.parentItem() is not vb
        box = legend.legend.sceneBoundingRect()
        assert not box.intersects(vb.sceneBoundingRect()), legend.texts()
        assert box.right() <= legend.plot.width() + 1  # not clipped at the plot's edge
        labels = [label.sceneBoundingRect() for _, label in legend.legend.items]
        assert all(not a.intersects(b) for i, a in enumerate(labels) for b in labels[i + 1:])
    p50, p95 = g.hist_legend.texts()
    assert p50 == f"p50 {g.p50:.2f} s" and p95 == f"p95 {g.p95:.2f} s"
    left, right = g.latency_legend, g.tps_legend  # side by side: their data areas start at one height
    assert left.rows == right.rows


def test_the_request_line_and_the_load_button_stay_in_view_at_1024x700(qtbot, tmp_path):
    """At 1024x700 the Model tab is about 1024x640: the last request's line, the Load button and the fit
    verdict above it are not cut off (the verdict was, when it scrolled with the options)."""
    from console.ui.model.qt_model_panel import QtModelPanel

    panel = QtModelPanel(default_source=str(tmp_path))
    qtbot.addWidget(panel)
    try:
        panel.resize(1024, 640)
        panel.show()
        qtbot.waitExposed(panel)
        panel.chat.finished(6, RequestMetrics(queue_wait_s=0.01, ttft_s=0.03, e2e_s=0.51, prompt_tokens=57,
                                              new_tokens=80, cached_prompt_tokens=46, fast_path=True,
                                              finish_reason="length"))
        panel.fit_label.setText("<b>fits: needs about 7 MiB, 22.64 GiB free on cpu (available RAM)</b>")
        panel.fit_detail.setText("0.01 GiB (0.00 B params, fp32: weights 0.00 + KV 0.00 at 2048 tokens + "
                                 "activations 0.01 + overhead 0.00)")

        def whole(w) -> bool:
            return w.visibleRegion().boundingRect().size() == w.size()

        def laid_out():
            line = panel.chat.metrics_label
            assert whole(line), (line.visibleRegion().boundingRect(), line.size())
            assert line.mapTo(panel, line.rect().bottomLeft()).y() <= panel.height()
            assert whole(panel.load_button) and whole(panel.progress) and whole(panel.fit_label)
            scroll_bottom = panel.load_button.parentWidget().mapTo(panel, panel.load_button.rect().bottomLeft()).y()
            assert panel.chat.mapTo(panel, panel.chat.rect().topLeft()).y() >= scroll_bottom  # no overlap

        qtbot.waitUntil(laid_out, timeout=3000)
    finally:
        panel.shutdown()
