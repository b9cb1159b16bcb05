"""The selected command's timeline in the Commands view, as the operator sees it: the real console
(build_services + ConsoleApp) on real Mosquitto with the simulated fleet, a real Qt event loop."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core.protocol import CommandState
from console.core.telemetry.timeline import timeline_for
from console.ui.devices.qt_command_timeline import BAR_ROLE, QtCommandTimeline
from tests.core.telemetry.otlp_receiver import OtlpReceiver
from tests.ui.devices.test_qt_device_controls import start_console

S = CommandState
LAMP = "lamp-office-1"
TITLES = ["origin", "validation", "outbox (on disk)", "publish", "broker ack", "accepted", "done"]


def click_command(qtbot, view, command_id):
    model = view.model
    qtbot.waitUntil(lambda: model.row_of(command_id) is not None, timeout=10000)
    rect = view.table.visualRect(model.index(model.row_of(command_id), 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selected().id == command_id


def cells(timeline: QtCommandTimeline, col: str) -> list[str]:
    c = timeline.COLUMNS.index(col)
    return [timeline.table.item(i, c).text() for i in range(timeline.table.rowCount())]


def test_the_selected_commands_timeline_shows_every_step_with_its_time(qtbot, broker_cfg):
    app, sim, _confirm = start_console(qtbot, broker_cfg)
    try:
        app.window.tabs.setCurrentIndex(0)
        app.devices.side.setCurrentWidget(app.devices.commands_view)
        view = app.devices.commands_view
        timeline = view.timeline
        assert timeline.header.text() == "Select a command to see its timeline."
        row = app.services.commands.submit(LAMP, {"power": True, "level": 55})
        click_command(qtbot, view, row.id)
        qtbot.waitUntil(lambda: timeline.timeline is not None and timeline.timeline.state is S.SUCCEEDED
                        and cells(timeline, "step") == TITLES, timeout=15000)
        assert timeline.command_id == row.id
        assert cells(timeline, "detail")[0] == "click"
        assert cells(timeline, "detail")[3] == "attempt 1" and cells(timeline, "detail")[4] == "PUBACK"
        assert all(t.startswith("+") and t.endswith(("ms", "s")) for t in cells(timeline, "at"))
        header = timeline.header.text()
        assert header.startswith(f"{LAMP}: ") and "from first to last step" in header and "trace" not in header
        bar_col = timeline.COLUMNS.index("bar")
        bars = [timeline.table.item(i, bar_col).data(BAR_ROLE) for i in range(timeline.table.rowCount())]
        assert all(0.0 <= x0 <= x1 <= 1.0 + 1e-9 for x0, x1, _ in bars) and bars[-1][1] == 1.0
        assert bars[-1][2] == "#1e8449"  # done: green
        # what is shown is the core's timeline of that command
        core = timeline_for(app.services.commands, row.id)
        assert [s.name for s in core.steps] == ["origin", "validated", "persisted", "published", "delivered",
                                                "accepted", "succeeded"]
        # selecting nothing clears it
        view.table.clearSelection()
        qtbot.waitUntil(lambda: timeline.table.rowCount() == 0)
        assert timeline.command_id is None
    finally:
        app.close()
        sim.stop()


def test_with_tracing_on_the_timeline_names_the_trace_the_collector_received(qtbot, broker_cfg, monkeypatch):
    receiver = OtlpReceiver()
    monkeypatch.setenv("AUTOGLM_OTLP_ENDPOINT", receiver.endpoint)  # as --otlp-endpoint sets it
    monkeypatch.setenv("AUTOGLM_OTLP_SAMPLE", "1")
    app, sim, _confirm = start_console(qtbot, broker_cfg)
    try:
        assert app.services.telemetry.tracing
        view = app.devices.commands_view
        row = app.services.commands.submit(LAMP, {"level": 12})
        click_command(qtbot, view, row.id)
        qtbot.waitUntil(lambda: view.timeline.timeline is not None and view.timeline.timeline.state is S.SUCCEEDED,
                        timeout=15000)
        trace_id = row.command.trace.split("-")[1]
        assert f"trace {trace_id}" in view.timeline.header.text()
        assert app.services.telemetry.flush(20)
        spans = receiver.wait_for(lambda got: any(s.name == "command set" for s in got))
        assert {s.trace_id for s in spans if s.name == "command set"} == {trace_id}
    finally:
        app.close()
        sim.stop()
        receiver.close()


def test_closing_the_console_stops_every_timer_that_reads_the_outbox(qtbot, broker_cfg):
    """A frame or tick after the outbox closed read a closed database (a CI failure): the devices
    panel's shutdown stops them before the services stop."""
    app, sim, _confirm = start_console(qtbot, broker_cfg)
    devices = app.devices
    view = devices.commands_view
    try:
        row = app.services.commands.submit(LAMP, {"level": 13})
        click_command(qtbot, view, row.id)
        assert view.model._frame.isActive() and devices.model._frame.isActive()
    finally:
        app.close()
        sim.stop()
    assert not view.model._frame.isActive() and not view.timeline._tick.isActive()
    assert not devices.model._frame.isActive() and not devices.model._age.isActive()
    assert view.timeline.command_id is None
