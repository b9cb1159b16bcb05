"""The Model panel with a real worker thread and a tiny real model: load, stream, graphs, cancel, errors."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from console.ui.model.qt_model_options import parse_max_memory  # noqa: E402
from console.ui.model.qt_model_panel import QtModelPanel  # noqa: E402
from tests.tiny_model import tiny_model_dir  # noqa: E402,F401


@pytest.fixture
def panel(qtbot, tiny_model_dir):
    p = QtModelPanel(default_source=str(tiny_model_dir), telemetry_hz=20)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    yield p
    p.shutdown()


def load_tiny(qtbot, panel):
    panel.load_button.click()
    qtbot.waitUntil(lambda: panel.state == "ready" and bool(panel.engine_info), timeout=30000)
    assert panel.progress.value() == 1000 and "Loaded llama" in panel.status.text()


def test_fit_estimate_is_shown_before_loading(qtbot, panel):
    qtbot.waitUntil(lambda: bool(panel.last_estimate), timeout=20000)
    assert panel.last_estimate["fits"] and "fits: needs about" in panel.fit_label.text()
    # the verdict beside Load, what it is made of with the options
    assert "weights" in panel.fit_detail.text() and "weights" not in panel.fit_label.text()
    assert panel.fit_label.parentWidget() is panel.load_button.parentWidget()
    assert panel.engine_info == {}  # estimating loads nothing


def test_load_send_stream_and_graphs(qtbot, panel):
    load_tiny(qtbot, panel)
    panel.chat.max_new.setValue(24)
    panel.chat.prompt.setPlainText("the water is hot")
    with qtbot.waitSignal(panel.worker.requestFinished, timeout=20000) as blocker:
        rid = panel.send()
    qtbot.waitUntil(lambda: panel.last_metrics is not None)
    rid_done, metrics = blocker.args
    assert rid_done == rid and metrics.new_tokens == 24
    qtbot.waitUntil(lambda: "▶ #" in panel.chat.output.toPlainText())
    answer = panel.chat.output.toPlainText().split("\n", 1)[1]
    assert len(answer.split()) >= 5  # streamed words arrived in the box
    assert "TTFT" in panel.chat.metrics_label.text() and "tok/s" in panel.chat.metrics_label.text()

    def graphs_have_points():
        counts = panel.graphs.point_counts()
        assert counts["ttft"] == 1 and counts["e2e"] == 1 and counts["tps"] == 1
        assert counts["rss"] >= 2
        assert panel.graphs.hist_counts.sum() == 1 and panel.graphs.p50 is not None

    qtbot.waitUntil(graphs_have_points, timeout=5000)
    snap = panel.telemetry_snapshot()
    assert snap["summary"]["requests"] == 1 and snap["model"]["kind"] == "folder"


def test_queue_and_cancel(qtbot, panel):
    load_tiny(qtbot, panel)
    panel.chat.max_new.setValue(400)
    panel.chat.prompt.setPlainText("the air is low")
    first = panel.send()
    second = panel.send()
    assert first and second
    qtbot.waitUntil(lambda: panel.chat.queue_label.text() == "queue: 1", timeout=10000)
    finished = {}
    panel.worker.requestFinished.connect(lambda rid, m: finished.__setitem__(rid, m))
    qtbot.waitUntil(lambda: panel.state == "generating", timeout=10000)
    panel.chat.cancel_button.click()
    qtbot.waitUntil(lambda: first in finished and second in finished, timeout=20000)
    assert finished[first].cancelled and finished[second].cancelled
    assert panel.chat.queue_label.text() == "queue: 0"
    qtbot.waitUntil(lambda: "[cancelled]" in panel.chat.output.toPlainText())


def test_refused_load_shows_both_numbers_and_keeps_running(qtbot, panel):
    panel.options.max_memory.setText("cpu=1MiB")
    panel.options.device.setCurrentIndex(panel.options.device.findData("cpu"))
    panel.load_button.click()
    qtbot.waitUntil(lambda: "not loading" in panel.status.text(), timeout=20000)
    assert "1 MiB is free" in panel.status.text() and "needs about" in panel.status.text()
    panel.options.max_memory.setText("")
    load_tiny(qtbot, panel)  # still works afterwards


def test_bad_max_memory_text_is_explained(qtbot, panel):
    panel.options.max_memory.setText("0=lots")
    panel.load_button.click()
    assert "lots" in panel.status.text() and "20GiB" in panel.status.text()
    assert panel.state != "loading" and not panel.engine_info
    with pytest.raises(ValueError):
        parse_max_memory("0=lots")
    assert parse_max_memory("0=20GiB, cpu=30GiB") == {"0": "20GiB", "cpu": "30GiB"}


def test_unload_reports_memory(qtbot, panel):
    load_tiny(qtbot, panel)
    panel.unload_button.click()
    qtbot.waitUntil(lambda: panel.status.text().startswith("unloaded"), timeout=20000)
    assert not panel.chat.send_button.isEnabled() and panel.engine_info == {}


def test_remote_backend_down_is_a_clear_error(qtbot, panel):
    panel.options.backend.setCurrentIndex(panel.options.backend.findData("remote"))
    assert panel.load_button.text() == "Connect"
    panel.options.remote_url.setText("http://127.0.0.1:9")  # discard port: nothing listens
    panel.load_button.click()
    qtbot.waitUntil(lambda: panel.status.styleSheet().startswith("color: #c0392b"), timeout=30000)
    assert "127.0.0.1:9" in panel.status.text()


def test_settings_round_trip(qtbot, tiny_model_dir):
    a = QtModelPanel(default_source="x")
    qtbot.addWidget(a)
    a.options.source.setText(str(tiny_model_dir))
    a.options.dtype.setCurrentIndex(a.options.dtype.findData("bf16"))
    a.options.quant.setCurrentIndex(a.options.quant.findData("4bit"))
    a.options.max_memory.setText("0=10GiB")
    a.options.max_input.setValue(2048)
    a.options.load_anyway.setChecked(True)
    a.chat.max_new.setValue(77)
    a.chat.system.setText("You run a factory.")
    s = QSettings()
    a.save_state(s)
    b = QtModelPanel(default_source="y")
    qtbot.addWidget(b)
    b.restore_state(QSettings())
    assert b.options.source.text() == str(tiny_model_dir) and b.options.dtype.currentData() == "bf16"
    assert b.options.quant.currentData() == "4bit" and b.options.max_memory.text() == "0=10GiB"
    assert b.options.max_input.value() == 2048 and b.options.load_anyway.isChecked()
    assert b.chat.max_new.value() == 77 and b.chat.system.text() == "You run a factory."
    assert b.worker is None and b._telemetry is None  # restoring starts no thread


def test_panel_import_does_not_import_torch_or_pyqtgraph():
    code = ("import sys; import console.ui.model.qt_model_panel; "
            "print(sorted(m for m in ('torch', 'transformers', 'pyqtgraph') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_gpu_curves_sum_the_gpus(qtbot):
    """The memory graph with two GPUs' samples (rows written the way the sampler writes them)."""
    import numpy as np

    from console.core.inference.telemetry import Telemetry
    from console.ui.model.qt_model_graphs import QtModelGraphs

    tel = Telemetry(hz=4, window_s=60, gpus=2)
    for k in range(5):
        row = tel.sample_once()  # real RSS; GPU columns are NaN on this machine
        for g in range(2):
            for name, value in (("allocated", 1 + k), ("reserved", 2 + k), ("peak", 3), ("nvml_used", 4), ("nvml_total", 80)):
                row[tel.col(g, name)] = value * 1024**3
        tel.samples.append(row)
    graphs = QtModelGraphs(tel)
    qtbot.addWidget(graphs)
    graphs.redraw(force=True)
    counts = graphs.point_counts()
    assert counts["allocated"] == 5 and counts["nvml_total"] == 5 and counts["rss"] == 10
    y = graphs.curves["allocated"].getData()[1]
    assert np.allclose(y, [2, 4, 6, 8, 10]) and np.allclose(graphs.curves["nvml_total"].getData()[1], 160)
    tel.close()


def test_repeated_system_prompt_is_served_from_the_prefix_cache(qtbot, panel):
    load_tiny(qtbot, panel)
    panel.chat.system.setText(" ".join(["the water is hot and the air is low"] * 6))
    panel.chat.max_new.setValue(4)
    done = {}
    panel.worker.requestFinished.connect(lambda rid, m: done.__setitem__(rid, m))
    panel.chat.prompt.setPlainText("one")
    a = panel.send()
    panel.chat.prompt.setPlainText("two")
    b = panel.send()
    qtbot.waitUntil(lambda: a in done and b in done, timeout=20000)
    assert done[a].cached_prompt_tokens == 0 and done[b].cached_prompt_tokens >= 48
    qtbot.waitUntil(lambda: "from prefix cache" in panel.chat.metrics_label.text(), timeout=5000)
