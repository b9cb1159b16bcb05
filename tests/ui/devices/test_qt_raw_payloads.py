"""The device table's context menu on a discovered fleet (real Mosquitto, the HA simulator, a real Qt
event loop): raw payloads on demand, and the operator's risk and exposure choices reaching the registry
and the assistant's view of the fleet."""

from __future__ import annotations

import json

import pytest

from console.core.protocol import Capability, DeviceMeta
from console.ui.assistant.qt_assistant_panel import metas_from
from console.ui.devices.qt_devices_panel import QtDevicesPanel
from tests.core.ha.bridge_env import start_env


@pytest.fixture
def panel(qtbot, broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path)
    panel = QtDevicesPanel(env.registry, commands=env.pipeline, ha=env.bridge)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    yield panel, env
    if getattr(panel, "device_menu", None) is not None:
        panel.device_menu.close()
    panel.shutdown()
    env.stop()


def open_menu(qtbot, panel, device_id):
    """Right-click the device's row as the operator would; the menu the panel built."""
    qtbot.waitUntil(lambda: panel.table_rows() and device_id in {
        panel.model.device_id(r) for r in range(panel.model.rowCount())}, timeout=10000)
    row = next(r for r in range(panel.proxy.rowCount())
               if panel.model.device_id(panel.proxy.mapToSource(panel.proxy.index(r, 0)).row()) == device_id)
    panel.table.scrollTo(panel.proxy.index(row, 0))
    rect = panel.table.visualRect(panel.proxy.index(row, 0))
    panel.table.customContextMenuRequested.emit(rect.center())
    menu = panel.device_menu
    return menu, {a.objectName(): a for a in menu.actions()}


def test_raw_payloads_of_a_discovered_device_on_demand(qtbot, panel):
    panel, env = panel
    bulb = env.id_of("bulb")
    qtbot.waitUntil(lambda: "zigbee2mqtt/bulb" in (env.bridge.raw_payloads(bulb) or {}), timeout=10000)
    _, actions = open_menu(qtbot, panel, bulb)
    actions["showRawPayloads"].trigger()
    dialog = panel.raw_payloads_dialog
    assert dialog.isVisible() and dialog.text.isReadOnly()
    assert "── zigbee2mqtt/bulb\n" in dialog.text.toPlainText()
    env.link.publish("zigbee2mqtt/bulb", json.dumps({"state": "ON", "brightness": 77, "color_temp": 370}), qos=1)
    qtbot.waitUntil(lambda: '"brightness": 77' in env.bridge.raw_payloads(bulb)["zigbee2mqtt/bulb"][-1], timeout=10000)
    assert '"brightness": 77' not in dialog.text.toPlainText()  # read on demand, not streamed
    dialog.refresh_button.click()
    block = dialog.text.toPlainText().split("── zigbee2mqtt/bulb\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines()[-1] == '{"state": "ON", "brightness": 77, "color_temp": 370}'  # newest last
    dialog.close()


def test_a_native_device_points_to_the_state_column_and_keeps_its_own_risk(qtbot, panel):
    panel, env = panel
    meta = DeviceMeta("native_1", "Native lamp", "lamp", "lab", {"power": Capability("power", "bool", True)})
    assert env.registry.upsert_external("native_1", source="native", meta=meta)
    _, actions = open_menu(qtbot, panel, "native_1")
    assert not actions["highRisk"].isEnabled() and not actions["exposed"].isEnabled()
    actions["showRawPayloads"].trigger()
    assert panel.raw_payloads_dialog.summary.text() == "Native devices: see the State column"
    panel.raw_payloads_dialog.close()


def test_the_operator_sets_risk_and_exposure_from_the_menu(qtbot, panel):
    panel, env = panel
    switch = env.id_of("wall_switch")
    qtbot.waitUntil(lambda: env.registry.meta(switch) is not None, timeout=10000)
    _, actions = open_menu(qtbot, panel, switch)
    assert actions["highRisk"].isEnabled() and not actions["highRisk"].isChecked()
    assert actions["exposed"].isChecked()
    assert switch in {m.id for m in metas_from(env.registry)}
    actions["highRisk"].trigger()
    actions["exposed"].trigger()
    assert env.registry.meta(switch).is_high_risk({"power": True})
    assert switch not in {m.id for m in metas_from(env.registry)}  # the assistant no longer sees it
    assert env.bridge.overrides.get(switch).exposed is False
    panel.device_menu.close()
    _, actions = open_menu(qtbot, panel, switch)  # the menu shows the choice made
    assert actions["highRisk"].isChecked() and not actions["exposed"].isChecked()
    lock = env.id_of("front_door")
    _, actions = open_menu(qtbot, panel, lock)
    assert actions["highRisk"].isChecked()  # a lock is high risk by discovery's default
