"""The console shell: start on a real broker with the simulated fleet, restore state, self-test."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings, QSize

from console.core.fleet.catalog import load_fleet
from console.core.services import build_services
from console.core.demo.simulator import Simulator
from console.ui.shell.qt_app import ConsoleApp, make_application


@pytest.fixture
def running(qtbot, broker_cfg):
    make_application()
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=5)
    sim.start(wait=10)
    svc = build_services(broker_url=f"mqtt://{broker_cfg.host}:{broker_cfg.port}", prefix=broker_cfg.prefix)
    app = ConsoleApp(svc)
    qtbot.addWidget(app.window)
    app.start()
    yield app, sim
    app.close()
    sim.stop()


def test_window_shows_all_demo_devices_online_and_changing(qtbot, running):
    app, sim = running
    model = app.devices.model

    def all_online():
        assert model.rowCount() == 14
        assert len(app.services.registry.online_ids()) == 14

    qtbot.waitUntil(all_online, timeout=15000)
    assert app.window.broker_label.text().endswith("connected")
    row = model.row_of("sensor-line-a")
    first = model.record(row).seq
    qtbot.waitUntil(lambda: model.record(row).seq > first + 2, timeout=10000)
    state_col = model.COLUMNS.index("state")
    assert "temp=" in model.index(row, state_col).data()


def test_filters_by_text_zone_and_online(qtbot, running):
    app, _ = running
    qtbot.waitUntil(lambda: app.devices.model.rowCount() == 14, timeout=15000)
    proxy = app.devices.proxy
    app.devices.search.setText("conveyor")
    assert proxy.rowCount() == 2
    app.devices.search.setText("")
    idx = app.devices.zone_box.findData("office")
    assert idx > 0
    app.devices.zone_box.setCurrentIndex(idx)
    assert proxy.rowCount() == 5
    app.devices.zone_box.setCurrentIndex(0)
    app.devices.online_box.setChecked(True)
    qtbot.waitUntil(lambda: proxy.rowCount() == 14, timeout=5000)


def test_geometry_tab_and_filter_are_restored(qtbot, running):
    app, _ = running
    # a size above the window's minimum (the Model tab's: the fit verdict beside Load made it ~515 px tall),
    # so what comes back is the saved size, not a clamped one
    app.window.resize(760, 560)
    app.window.tabs.setCurrentIndex(2)
    app.devices.search.setText("lamp")
    saved = app.window.size()
    app.window.save_state(QSettings())

    from console.ui.devices.qt_devices_panel import QtDevicesPanel
    from console.ui.shell.qt_main_window import QtMainWindow

    panel = QtDevicesPanel(app.services.registry)
    win = QtMainWindow({"devices": panel, "model": type(app.model_panel)(), "environment": type(app.doctor_panel)()})
    qtbot.addWidget(win)
    win.restore_state(QSettings())
    assert win.tabs.currentIndex() == 2
    assert panel.search.text() == "lamp"
    assert win.size() == saved and saved == QSize(760, 560)


def test_unreachable_broker_keeps_running_and_says_so(qtbot):
    from console.core.demo.broker import free_port

    make_application()
    port = free_port()
    svc = build_services(broker_url=f"mqtt://127.0.0.1:{port}", prefix="nobroker")
    app = ConsoleApp(svc)
    qtbot.addWidget(app.window)
    app.start()
    label = app.window.broker_label
    try:
        qtbot.waitUntil(lambda: "retry" in label.text(), timeout=10000)
        assert re.fullmatch(rf"Broker mqtt://127\.0\.0\.1:{port}: waiting to retry \(next try in \d+ s\)",
                            label.text()), label.text()
        assert label.toolTip() == "ConnectionRefusedError: [Errno 111] Connection refused"
        assert app.services.link.last_error == label.toolTip() and not app.services.link.connected
    finally:
        app.close()


def _subprocess_env(tmp_path):
    """The child's settings go to tmp_path too (never the user's real ~/.config)."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "xdg")}


def test_self_test_command_exits_zero(tmp_path):
    env = _subprocess_env(tmp_path)
    res = subprocess.run(
        [sys.executable, "-m", "console", "--self-test", "--timeout", "30"],
        capture_output=True, text=True, timeout=90, env=env,
    )
    assert res.returncode == 0, res.stderr
    assert "self-test OK: 14 devices online" in res.stdout
    # the demo's Home Assistant devices are read by the ingest child process, which has sent readings
    assert re.search(r"read by a child process \(pid \d+, [1-9]\d* batches\)", res.stdout), res.stdout


def test_self_test_fails_with_a_reason_when_the_broker_is_unreachable(tmp_path):
    from console.core.demo.broker import free_port

    env = _subprocess_env(tmp_path)
    res = subprocess.run(
        [sys.executable, "-m", "console", "--self-test", "--timeout", "3", "--broker", f"mqtt://127.0.0.1:{free_port()}"],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert res.returncode != 0
    assert "self-test FAILED" in res.stderr and "not online" in res.stderr


def test_large_fleet_table_keeps_off_screen_rows_current_without_painting_them(qtbot):
    """Rows on screen update every frame; rows off screen catch up a few per frame."""
    import json

    from console.core.fleet.registry import FleetRegistry
    from console.ui.devices.qt_devices_panel import QtDevicesPanel

    make_application()
    reg = FleetRegistry("big")
    fleet = load_fleet().cloned(3000)
    for m in fleet.devices:
        reg.ingest(f"big/devices/{m.id}/meta", json.dumps(m.to_json()).encode())
        reg.ingest(f"big/devices/{m.id}/status", b"online")
    panel = QtDevicesPanel(reg)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 3000, timeout=10000)  # inserted over several frames
    assert panel.zone_box.findData("line-b") > 0 and panel.kind_box.findData("valve") > 0
    state_col = model.COLUMNS.index("state")
    last = [m.id for m in fleet.devices if m.kind == "valve"][-1]  # far below the visible rows
    reg.ingest(f"big/devices/{last}/state", json.dumps({"seq": 1, "ts": 1.0, "values": {"open": 77}}).encode())
    row = model.row_of(last)
    qtbot.waitUntil(lambda: model.record(row).values.get("open") == 77)  # the record at once
    qtbot.waitUntil(lambda: "open=77 %" in model.index(row, state_col).data(), timeout=5000)  # the cell soon
    panel.table.scrollToBottom()
    assert "open=77 %" in model.index(row, state_col).data()


def test_assistant_tab_turns_words_into_a_command_that_reaches_the_device(qtbot, running):
    app, sim = running
    qtbot.waitUntil(lambda: len(app.services.registry.online_ids()) == 14, timeout=15000)
    side = app.devices.side
    side.setCurrentWidget(app.assistant)
    assert side.tabText(side.currentIndex()) == "Assistant"
    app.assistant.input.setText("set the office desk lamp to 35%")
    with qtbot.waitSignal(app.assistant.proposed, timeout=10000):
        app.assistant.preview()
    qtbot.waitUntil(lambda: app.assistant.confirm_button.isEnabled(), timeout=5000)
    app.assistant.confirm_button.click()
    qtbot.waitUntil(lambda: sim.devices["lamp-office-2"].values["level"] == 35, timeout=10000)
    from console.core.commands.outbox import AuditFilter
    from console.core.protocol import CommandState

    def succeeded_from_assistant():
        rows = app.services.commands.outbox.audit(AuditFilter(device="lamp-office-2", origin="assistant"))
        assert [r.state for r in rows] == [CommandState.SUCCEEDED]
        assert rows[0].command.params == {"level": 35}

    qtbot.waitUntil(succeeded_from_assistant, timeout=10000)


def test_closed_before_its_services_start_never_starts_them(qtbot):
    """The services start once the window is painted, or at the latest 500 ms after start(): a console
    closed before that must not start them afterwards (threads on a closed outbox, a link nobody stops)."""
    from console.core.demo.broker import free_port

    make_application()
    svc = build_services(broker_url=f"mqtt://127.0.0.1:{free_port()}", prefix="closedearly")
    app = ConsoleApp(svc)
    qtbot.addWidget(app.window)
    app.start()
    app.close()
    qtbot.wait(1500)  # well past the 500 ms fallback timer, and any paint
    assert svc._starter is None and svc.link._thread is None
