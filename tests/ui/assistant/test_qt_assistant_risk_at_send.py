"""The assistant's risk is decided when the command is sent, not when it was previewed (issue 11):
preview a low-risk lamp, the lamp's meta is then published high risk, and Confirm asks before anything
goes; a no sends nothing.  The running console (ConsoleApp: its command sender, the real pipeline),
the simulated fleet on a real Mosquitto, and a real Qt event loop."""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import Qt

from console.core.mqtt.link import make_client
from console.core.protocol import CommandState, device_topic, encode_json
from tests.ui.devices.test_qt_device_controls import start_console


def publish_retained_meta(cfg, meta) -> None:
    """What a device (or its integrator) does: a new retained meta on the device's meta topic."""
    pub = make_client(cfg.with_client_id(f"meta-{uuid.uuid4().hex[:8]}"), clean=True)
    pub.connect(cfg.host, cfg.port)
    pub.loop_start()
    try:
        pub.publish(device_topic(cfg.prefix, meta.id, "meta"), encode_json(meta.to_json()), qos=1,
                    retain=True).wait_for_publish(5)
    finally:
        pub.loop_stop()
        pub.disconnect()


def test_a_device_marked_high_risk_after_the_preview_is_confirmed_at_send_time(qtbot, broker_cfg):
    app, sim, confirm = start_console(qtbot, broker_cfg)
    svc, panel = app.services, app.assistant
    try:
        panel.input.setText("turn on the office ceiling lamp")
        assert panel.preview() is not None
        assert panel.rows() == [("Office ceiling lamp", "on", "low", "")]  # low risk at Preview time
        lamp = svc.registry.meta("lamp-office-1")
        publish_retained_meta(broker_cfg, replace(lamp, risk="high"))
        qtbot.waitUntil(lambda: svc.registry.meta("lamp-office-1").risk == "high", timeout=10000)

        confirm.answer = False
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
        assert len(confirm.asked) == 1, confirm.asked  # asked at send time, from the meta now
        assert "lamp-office-1" in confirm.asked[0] and "high risk" in confirm.asked[0]
        assert svc.commands.outbox.count() == 0  # declined: nothing stored, so nothing published
        assert panel.rows()[0][3] == "not sent: confirmation declined"
        assert "1 not sent" in panel.message.text()

        # previewed again, the row shows high risk: the panel asks once, and that yes is enough
        confirm.answer = True
        panel.input.setText("turn on the office ceiling lamp")
        assert panel.preview() is not None and panel.is_row_high_risk(0)
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
        assert len(confirm.asked) == 2 and "Office ceiling lamp: on" in confirm.asked[1]
        [row] = svc.commands.outbox.open_commands() or svc.commands.outbox.audit()
        assert row.qos == 2 and row.command.origin == "assistant"
        qtbot.waitUntil(lambda: svc.commands.outbox.get(row.id).state is CommandState.SUCCEEDED, timeout=10000)
        assert sim.devices["lamp-office-1"].applied_ids == [row.id]  # the declined one never reached it
    finally:
        app.close()
        sim.stop()
