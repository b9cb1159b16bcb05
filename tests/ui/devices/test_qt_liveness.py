"""Liveness you can trust (issue 14): with the broker down every row reads "unknown (broker down
since …)", greyed; "stale" has its own colour and tooltip; a command to an offline or unknown-state
device asks first, and declining sends nothing (real Mosquitto, real simulator, real Qt loop)."""

from __future__ import annotations

import paho.mqtt.client as mqtt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from console.core.demo.broker import EmbeddedBroker
from console.core.mqtt.link import BrokerConfig
from console.core.protocol import device_topic
from console.ui.devices.qt_fleet_model import OTHER_BRUSH, STALE_BRUSH

from tests.ui.devices.test_qt_device_controls import click_device, console, start_console  # noqa: F401


def online_cells(model):
    col = model.COLUMNS.index("online")
    return [model.item(r, col) for r in range(model.rowCount())]


@pytest.fixture
def private_broker(prefix):
    broker = EmbeddedBroker(kind="mosquitto").start()
    yield broker, BrokerConfig(host=broker.host, port=broker.port, prefix=prefix)
    broker.stop()


def test_broker_killed_every_row_unknown_and_commands_ask(qtbot, private_broker):
    broker, cfg = private_broker
    app, sim, confirm = start_console(qtbot, cfg)
    try:
        model = app.devices.model
        qtbot.waitUntil(lambda: all(c.text() == "online" for c in online_cells(model)), timeout=5000)
        broker.kill()  # this test's own broker, not the shared one
        qtbot.waitUntil(lambda: all(c.text().startswith("unknown (broker down since ")
                                    for c in online_cells(model)), timeout=1000)
        assert model.rowCount() == 14
        for r, cell in enumerate(online_cells(model)):
            assert cell.foreground().color() == OTHER_BRUSH.color()
            assert model.item(r, model.COLUMNS.index("state")).foreground().color() == OTHER_BRUSH.color()
            assert "broker link is down" in cell.toolTip()
        # a command now asks first; declining queues nothing
        controls = click_device(qtbot, app.devices, "lamp-office-1")
        confirm.answer = False
        qtbot.mouseClick(controls.findChild(QPushButton, "switch_power"), Qt.MouseButton.LeftButton)
        assert len(confirm.asked) == 1 and "unknown state" in confirm.asked[0]
        assert "will wait in the queue" in confirm.asked[0]
        assert app.services.commands.outbox.count() == 0
        assert "Not sent" in controls.status.text()
        # the broker back: the rows say online again, in colour
        broker.restart()
        qtbot.waitUntil(lambda: all(c.text() == "online" for c in online_cells(model)), timeout=20000)
        assert model.item(0, model.COLUMNS.index("state")).foreground().color() != OTHER_BRUSH.color()
    finally:
        app.close()
        sim.stop()


def test_offline_device_asks_and_declining_sends_nothing(qtbot, console, broker_cfg):
    app, sim, confirm = console
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
    client.connect(broker_cfg.host, broker_cfg.port)
    client.loop_start()
    try:  # what the device's Last Will says when it drops
        client.publish(device_topic(broker_cfg.prefix, "lamp-office-2", "status"), b"offline", qos=1,
                       retain=True).wait_for_publish(5)
    finally:
        client.loop_stop()
        client.disconnect()
    qtbot.waitUntil(lambda: app.services.registry.get("lamp-office-2").online is False, timeout=5000)
    controls = click_device(qtbot, app.devices, "lamp-office-2")
    confirm.answer = False
    qtbot.mouseClick(controls.findChild(QPushButton, "switch_power"), Qt.MouseButton.LeftButton)
    assert confirm.asked == ["lamp-office-2 is offline: the command will wait in the queue until it is "
                             "back (or its ttl passes)."]
    assert app.services.commands.outbox.count() == 0
    assert sim.devices["lamp-office-2"].applied_ids == []
    confirm.answer = True  # send and queue: the command waits QUEUED for the device
    qtbot.mouseClick(controls.findChild(QPushButton, "switch_power"), Qt.MouseButton.LeftButton)
    assert len(confirm.asked) == 2
    assert app.services.commands.outbox.count() == 1
    # an online device is not asked about
    controls = click_device(qtbot, app.devices, "lamp-office-1")
    qtbot.mouseClick(controls.findChild(QPushButton, "switch_power"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "SUCCEEDED" in controls.status.text(), timeout=10000)
    assert len(confirm.asked) == 2


def test_stale_has_its_own_colour_and_tooltip(qtbot, console):
    app, _, _ = console
    model = app.devices.model
    app.services.registry.stale_after_s = 0.0  # every device silent "too long"
    qtbot.waitUntil(lambda: all(c.text() == "stale" for c in online_cells(model)), timeout=5000)
    cell = online_cells(model)[0]
    assert cell.foreground().color() == STALE_BRUSH.color()
    assert "Last update" in cell.toolTip() and "stale after 0 s" in cell.toolTip()
