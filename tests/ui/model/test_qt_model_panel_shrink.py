"""The Model tab lets its window shrink again (issue 14, seen in the 1024x700 screenshots under Xvfb):
shown tall (1600x1000), then made 1024x700, the panel gets the smaller height, and the load button,
the progress bar and the last request's line stay whole."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from console.core.inference.telemetry import RequestMetrics
from console.ui.model.qt_model_panel import QtModelPanel


def test_a_window_once_tall_shrinks_back_with_the_model_tab(qtbot, tmp_path):
    win = QMainWindow()
    panel = QtModelPanel(default_source=str(tmp_path))
    win.setCentralWidget(panel)
    qtbot.addWidget(win)
    try:
        win.resize(1600, 1000)
        win.show()
        qtbot.waitExposed(win)
        panel.chat.finished(3, RequestMetrics(queue_wait_s=0.01, ttft_s=0.03, e2e_s=0.51, prompt_tokens=57,
                                              new_tokens=80, cached_prompt_tokens=46, fast_path=True,
                                              finish_reason="length"))
        # the controls got the room: the options are whole, with no scrolling
        qtbot.waitUntil(lambda: panel._scroll.height() >= panel._holder.sizeHint().height(), timeout=5000)
        win.resize(1024, 700)

        def shrunk():
            assert win.height() == 700 and panel.height() <= 700, (win.size(), win.minimumSizeHint())
            assert panel.minimumSizeHint().height() <= 640

            def whole(w) -> bool:
                return w.visibleRegion().boundingRect().size() == w.size()

            # Load/Unload and the progress bar sit below the scrolling options: never cut (the 1024x700
            # shot had the Load button cut in half by the scroll area)
            for w in (panel.load_button, panel.unload_button, panel.progress):
                assert whole(w), (w, w.visibleRegion().boundingRect(), w.size())
            line = panel.chat.metrics_label
            assert whole(line) and line.mapTo(panel, line.rect().bottomLeft()).y() <= panel.height()

        qtbot.waitUntil(shrunk, timeout=5000)
    finally:
        panel.shutdown()
