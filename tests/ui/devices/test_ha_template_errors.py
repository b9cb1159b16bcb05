"""Template errors of a discovered device, counted by kind and shown on it (real Mosquitto, the HA
simulator, a real Qt event loop): a ⚠ and a count on its row's source cell with the kinds in the
tooltip, and the errors above the payloads in its raw payloads dialog.  Ingest goes on meanwhile."""

from __future__ import annotations

import json

import pytest

from console.ui.devices.qt_devices_panel import QtDevicesPanel
from console.ui.devices.qt_fleet_model import QtFleetModel
from console.ui.devices.qt_raw_payloads import QtRawPayloads
from tests.core.ha.bridge_env import ENTRIES, start_env

DEVICE = {"identifiers": ["hostile_box"], "name": "Hostile Box", "manufacturer": "Nobody"}


def _sensor(object_id: str, template: str) -> dict:
    return {"topic": f"homeassistant/sensor/hostile_box/{object_id}/config",
            "config": {"name": object_id, "state_topic": "hostile/box", "value_template": template,
                       "unique_id": f"hostile_box_{object_id}", "unit_of_measurement": "x", "device": DEVICE}}


HOSTILE = [
    _sensor("internals", "{{ ''.__class__.__mro__ }}"),  # refused as hostile
    _sensor("runtime", "{{ value_json.missing | float }}"),  # fails: no number and no default
    _sensor("budget", "{% for a in range(10000) %}{% for b in range(10000) %}xx{% endfor %}{% endfor %}"),
    {**_sensor("fine", "{{ value_json.t }}"), "example_state_topic": "hostile/box",
     "example_state_payload": {"t": 21.5}},
]


@pytest.fixture
def panel(qtbot, broker_cfg, tmp_path):
    env = start_env(broker_cfg, tmp_path, entries=[*ENTRIES, *HOSTILE])
    panel = QtDevicesPanel(env.registry, commands=env.pipeline, ha=env.bridge)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    yield panel, env
    panel.shutdown()
    env.stop()


def _source_item(panel, device_id):
    row = panel.model.row_of(device_id)
    return None if row is None else panel.model.item(row, QtFleetModel.COLUMNS.index("source"))


def test_template_errors_are_counted_by_kind_and_shown_on_the_device(qtbot, panel):
    panel, env = panel
    box = env.id_of("Hostile Box")
    qtbot.waitUntil(lambda: env.bridge.problems(box)[1].keys() >= {"refused", "error", "budget"}, timeout=20000)
    count, kinds, last = env.bridge.problems(box)
    assert count == sum(kinds.values()) >= 3 and last
    qtbot.waitUntil(lambda: env.registry.get(box).values.get("fine") == 21.5, timeout=10000)  # the rest is read

    qtbot.waitUntil(lambda: (item := _source_item(panel, box)) is not None and "⚠" in item.text(), timeout=10000)
    item = _source_item(panel, box)
    assert item.text().startswith("HA ⚠") and int(item.text().split("⚠")[1]) >= count
    tip = item.toolTip()
    assert "Nobody" in tip and "refused as hostile" in tip and "budget" in tip and "failed" in tip
    bulb = env.id_of("bulb")
    qtbot.waitUntil(lambda: _source_item(panel, bulb) is not None, timeout=10000)
    assert "⚠" not in _source_item(panel, bulb).text()  # a device without errors has no marker

    # another error later: the count on the row follows (the bridge marks the row dirty)
    before = env.bridge.problems(box)[0]
    env.link.publish("hostile/box", json.dumps({"t": 22.0}), qos=1)
    qtbot.waitUntil(lambda: env.bridge.problems(box)[0] > before, timeout=10000)
    qtbot.waitUntil(lambda: _source_item(panel, box).text().endswith(str(env.bridge.problems(box)[0])),
                    timeout=10000)

    dialog = QtRawPayloads(box, env.bridge.raw_payloads)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.errors.isVisible()
    shown = dialog.errors.text()
    assert "template errors" in shown and "refused as hostile" in shown and "__class__" in shown
    assert "── hostile/box" in dialog.text.toPlainText()  # the payloads are still there, below

    plain = QtRawPayloads(bulb, env.bridge.raw_payloads)
    qtbot.addWidget(plain)
    plain.show()
    assert not plain.errors.isVisible()  # no errors: nothing above the payloads
