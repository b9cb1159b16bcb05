"""Click a generated control in the running console and see the command reach SUCCEEDED on the
simulated device (real Mosquitto, real simulator, real Qt event loop)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSlider, QSpinBox

from console.core.fleet.catalog import load_fleet
from console.core.protocol import CommandState
from console.core.services import build_services
from console.core.demo.simulator import Simulator
from console.ui.shell.qt_app import ConsoleApp, make_application

S = CommandState


class Confirm:
    def __init__(self):
        self.answer = True
        self.asked = []

    def __call__(self, parent, title, text):
        self.asked.append(text)
        return self.answer


def start_console(qtbot, broker_cfg):
    """The simulated fleet on the test's broker and the console on it, all 14 devices online; returns
    (app, simulator, confirm).  The caller closes the app and stops the simulator."""
    make_application()
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=2, seed=5)
    sim.start(wait=10)
    svc = build_services(broker_url=f"mqtt://{broker_cfg.host}:{broker_cfg.port}", prefix=broker_cfg.prefix)
    confirm = Confirm()
    app = ConsoleApp(svc, confirm=confirm)
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitUntil(lambda: len(svc.registry.online_ids()) == 14 and app.devices.model.rowCount() == 14,
                    timeout=15000)
    return app, sim, confirm


@pytest.fixture
def console(qtbot, broker_cfg):
    app, sim, confirm = start_console(qtbot, broker_cfg)
    yield app, sim, confirm
    app.close()
    sim.stop()


def click_device(qtbot, panel, device_id):
    """Click the device's row in the table, like an operator."""
    panel.search.setText(device_id)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 1)
    idx = panel.proxy.index(0, 0)
    rect = panel.table.visualRect(idx)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: panel.controls.meta is not None and panel.controls.meta.id == device_id)
    return panel.controls


def last_row(app):
    model = app.devices.commands_view.model
    model.apply_pending()
    return model.row(0)


def test_click_switch_sends_one_command_that_succeeds(qtbot, console):
    app, sim, confirm = console
    controls = click_device(qtbot, app.devices, "lamp-office-1")
    switch = controls.findChild(QPushButton, "switch_power")
    assert switch is not None and not switch.isChecked()
    assert controls.findChild(QSlider, "slider_level") is not None
    assert controls.findChild(QSpinBox, "spin_level").suffix() == " %"
    assert controls.findChild(QSpinBox, "spin_level").maximum() == 100
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SUCCEEDED" in controls.status.text(), timeout=10000)
    assert sim.devices["lamp-office-1"].values["power"] is True
    assert len(sim.devices["lamp-office-1"].applied_ids) == 1  # one click, one command
    row = last_row(app)
    assert row.device_id == "lamp-office-1" and row.command.params == {"power": True}
    assert row.state is S.SUCCEEDED and row.command.origin == "operator"
    assert confirm.asked == []  # low risk: no question asked
    # the device's new state flows back into the table and the switch
    qtbot.waitUntil(lambda: switch.isChecked() and switch.text() == "On", timeout=10000)


def test_spinbox_and_enum_controls_send_validated_values(qtbot, console):
    app, sim, _ = console
    controls = click_device(qtbot, app.devices, "hvac-office")
    assert isinstance(controls.findChild(QLabel, "value_temp"), QLabel)  # read-only: a label
    assert controls.findChild(QPushButton, "switch_temp") is None
    qtbot.waitUntil(lambda: "°C" in controls.findChild(QLabel, "value_temp").text())
    combo = controls.findChild(QComboBox, "combo_mode")
    assert [combo.itemText(i) for i in range(combo.count())] == ["cool", "heat", "fan", "auto"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: sim.devices["hvac-office"].values["mode"] == "heat", timeout=10000)
    spin = controls.controls["setpoint"].spin
    assert (spin.minimum(), spin.maximum()) == (16.0, 30.0)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "27.5")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sim.devices["hvac-office"].values["setpoint"] == 27.5, timeout=10000)
    qtbot.waitUntil(lambda: "SUCCEEDED" in controls.status.text() and "27.5" in controls.status.text(),
                    timeout=10000)
    assert len(sim.devices["hvac-office"].applied_ids) == 2


def test_high_risk_asks_first_and_declining_sends_nothing(qtbot, console):
    app, sim, confirm = console
    controls = click_device(qtbot, app.devices, "conveyor-a")
    switch = controls.findChild(QPushButton, "switch_running")
    confirm.answer = False
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert len(confirm.asked) == 1 and "high risk" in confirm.asked[0]
    assert "declined" in controls.status.text()
    assert not switch.isChecked()  # back to what the device says
    assert app.services.commands.outbox.count() == 0
    confirm.answer = True
    qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SUCCEEDED" in controls.status.text(), timeout=10000)
    row = last_row(app)
    assert row.qos == 2 and row.state is S.SUCCEEDED
    assert sim.devices["conveyor-a"].applied_ids == [row.id]


def test_commands_view_cancel_and_audit_export(qtbot, console, tmp_path):
    app, sim, _ = console
    panel = app.devices
    controls = click_device(qtbot, panel, "lamp-office-2")
    qtbot.mouseClick(controls.findChild(QPushButton, "switch_power"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SUCCEEDED" in controls.status.text(), timeout=10000)
    # offline: a command waits QUEUED and can be cancelled from the commands view
    app.services.link.stop()
    row = app.services.commands.submit("lamp-office-2", {"level": 9})
    view = panel.commands_view
    qtbot.waitUntil(lambda: view.model.row_of(row.id) == 0)
    view.table.selectRow(0)
    assert view.cancel_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.row(0).state is S.CANCELLED)
    assert not view.cancel_button.isEnabled()
    audit = panel.audit_view
    panel.side.setCurrentWidget(audit)
    audit.refresh()
    assert audit.model.rowCount() == 2
    audit.state.setCurrentIndex(audit.state.findData("CANCELLED"))
    assert audit.model.rowCount() == 1 and audit.model.rows[0].id == row.id
    out = tmp_path / "audit.csv"
    audit.choose_path = lambda parent: str(out)
    qtbot.mouseClick(audit.export, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == [row.id] and rows[0]["state"] == "CANCELLED"
    assert "Exported 1" in audit.info.text()
    app.services.link.start()
