"""The Health view: numbers against targets, coloured, with per-minute graphs; live from a real console."""

from __future__ import annotations

import numpy as np

from console.core.protocol import CommandState
from console.core.telemetry.health import HealthStats
from console.ui.health.qt_health_view import BAD_COLOUR, NONE_COLOUR, OK_COLOUR, QtHealthView
from tests.ui.devices.test_qt_device_controls import start_console

S = CommandState
NOW = 1_800_000_000.0


def test_numbers_colours_and_graphs(qtbot):
    clock = [NOW]
    health = HealthStats(clock=lambda: clock[0])
    view = QtHealthView(health, "off: no OTLP endpoint configured (--otlp-endpoint)", interval_ms=50)
    qtbot.addWidget(view)
    assert all(v.text() == "—" and NONE_COLOUR in v.styleSheet() for v in view.values.values())
    assert view.tracing.text() == "Tracing (OpenTelemetry): off, no OTLP endpoint configured (--otlp-endpoint)"
    for i in range(100):
        health.record_outcome(i != 0, t=NOW - 120 + i)  # 99 %: below 99.5 %
        health.record_ack(0.05, t=NOW - 120 + i)
    health.record_model(0.3, True, t=NOW - 5)
    qtbot.waitUntil(lambda: view.values["success_rate"].text() == "99.00 %")  # the view's own timer
    assert BAD_COLOUR in view.values["success_rate"].styleSheet()
    assert view.values["ack_p95"].text() == "50 ms" and OK_COLOUR in view.values["ack_p95"].styleSheet()
    assert view.values["ttft_p95"].text() == "300 ms" and view.counts["ttft_p95"].text() == "1"
    assert view.values["engine_error_rate"].text() == "0.00 %"
    x, y = view.curves["ack_p95"].getData()
    assert len(x) == 60 and np.nanmax(y) == 50.0  # in ms on the graph
    x, y = view.curves["success_rate"].getData()
    assert sorted(v for v in y if np.isfinite(v)) == [98.33333333333333, 100.0]  # two minutes: 59/60, 40/40
    view.set_tracing_status("on: http://127.0.0.1:4318/v1/traces, sampling 0.5")
    assert view.tracing.text() == "Tracing (OpenTelemetry): on, http://127.0.0.1:4318/v1/traces, sampling 0.5"


def test_live_from_the_console_pipeline(qtbot, broker_cfg):
    app, sim, _confirm = start_console(qtbot, broker_cfg)
    try:
        hub = app.services.telemetry
        view = QtHealthView(hub.health, hub.tracing_status, interval_ms=100)
        qtbot.addWidget(view)
        rows = [app.services.commands.submit("lamp-office-1", {"level": n}) for n in (10, 20, 30)]
        qtbot.waitUntil(lambda: all(app.services.commands.get(r.id).state is S.SUCCEEDED for r in rows),
                        timeout=15000)
        qtbot.waitUntil(lambda: view.counts["success_rate"].text() == "3", timeout=10000)
        assert view.values["success_rate"].text() == "100.00 %" and OK_COLOUR in view.values["success_rate"].styleSheet()
        assert view.counts["ack_p50"].text() == "3" and view.values["ack_p50"].text().endswith("ms")
    finally:
        app.close()
        sim.stop()


def test_the_main_window_titles_the_health_tab(qtbot):
    from console.ui.shell.qt_main_window import QtMainWindow

    window = QtMainWindow.loading()
    qtbot.addWidget(window)
    view = QtHealthView(HealthStats())
    window.set_panels({"health": view})
    assert window.tabs.tabText(window.tabs.indexOf(view)) == "Health"
