"""Issue 14: the assistant's rows follow their commands to the terminal state (not "sent (QUEUED)"
for ever), and its preview reads before → after from the device's state, flagging what would change
nothing.  The running console (ConsoleApp: its command sender and pipeline), the simulated fleet on
a real Mosquitto, a real Qt event loop; and a real pipeline with no broker for a cancelled command."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.catalog import load_fleet
from console.core.fleet.registry import FleetRegistry
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.protocol import CommandState, device_topic, encode_json
from console.ui.assistant.qt_assistant_panel import ERROR_FG, NOOP_FG, QtAssistantPanel
from console.ui.devices.qt_command_sender import QtCommandSender
from tests.ui.assistant.test_qt_assistant_panel import Answers, sender_submit
from tests.ui.devices.test_qt_device_controls import start_console

S = CommandState


def power_of(registry, device_id):
    return registry.get(device_id).values.get("power")


def test_each_row_follows_its_command_to_succeeded_and_the_preview_reads_before_after(qtbot, broker_cfg):
    app, sim, confirm = start_console(qtbot, broker_cfg)
    svc, panel = app.services, app.assistant
    try:
        qtbot.waitUntil(lambda: power_of(svc.registry, "lamp-office-2") is not None, timeout=10000)
        was = power_of(svc.registry, "lamp-office-2")
        verb, now, new = ("off", "on", "off") if was else ("on", "off", "on")
        panel.input.setText(f"turn {verb} the office desk lamp")
        assert panel.preview() is not None
        assert panel.rows() == [("Office desk lamp", verb, "low", "")]
        assert panel.before_after() == [f"power {now} → {new}"]

        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
        assert confirm.asked == []  # low risk
        [row] = svc.commands.outbox.audit()
        assert row.command.origin == "assistant"
        first = panel.rows()[0][3]  # at once a result: sent, or already done when the device was quick
        assert first.startswith("sent (") or first in ("DELIVERED", "SUCCEEDED"), first
        qtbot.waitUntil(lambda: panel.rows()[0][3] == "SUCCEEDED", timeout=10000)
        assert svc.commands.outbox.get(row.id).state is S.SUCCEEDED  # the row says what the outbox says
        assert panel.follower.following() == []  # terminal: no longer followed
        assert sim.devices["lamp-office-2"].applied_ids == [row.id]

        # the lamp now shows the new value: the same request would change nothing, and says so
        qtbot.waitUntil(lambda: power_of(svc.registry, "lamp-office-2") is (not was), timeout=10000)
        panel.input.setText(f"turn {verb} the office desk lamp")
        assert panel.preview() is not None
        assert panel.rows() == [("Office desk lamp", verb, "low", "")]  # the summary as before
        assert panel.before_after() == [f"power already {new}"]
        cell = panel.table.item(0, panel.COLUMNS.index("before_after"))
        assert cell.foreground().color() == NOOP_FG and cell.toolTip() == f"Office desk lamp: power already {new}"
    finally:
        app.close()
        sim.stop()


def test_a_high_risk_question_shows_before_after_and_a_cancelled_command_ends_red(qtbot, tmp_path):
    """No broker: the command waits QUEUED until the operator cancels it; the row follows to CANCELLED."""
    fleet = load_fleet()
    registry = FleetRegistry("plant")
    for meta in fleet.devices:
        registry.ingest(device_topic("plant", meta.id, "meta"), encode_json(meta.to_json()))
    registry.ingest(device_topic("plant", "valve-steam", "state"),
                    encode_json({"seq": 1, "ts": 1.0, "values": {"open": 20}}))
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    pipeline = CommandPipeline(outbox, MqttLink(BrokerConfig(host="127.0.0.1", port=1, prefix="plant")), registry.meta)
    confirm = Answers(True)
    panel = QtAssistantPanel(registry, sender_submit(QtCommandSender(pipeline, confirm)), confirm=confirm,
                             commands=pipeline)
    qtbot.addWidget(panel)
    try:
        panel.input.setText("open the steam valve halfway")
        assert panel.preview() is not None and panel.before_after() == ["opening 20 → 50 %"]
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
        assert confirm.asked == ["These changes are high risk:\n\n• Steam valve: opening 50 % (opening 20 → 50 %)"
                                 "\n\nSend them?"]
        [row] = outbox.open_commands()
        assert panel.rows()[0][3] == "sent (QUEUED)" and panel.follower.following() == [row.id]
        assert pipeline.cancel(row.id) is not None
        qtbot.waitUntil(lambda: panel.rows()[0][3].startswith("CANCELLED"), timeout=5000)
        result = panel.table.item(0, panel.COLUMNS.index("result"))
        assert result.text() == "CANCELLED: cancelled by the operator" and result.foreground().color() == ERROR_FG
        assert panel.follower.following() == []
    finally:
        panel.shutdown()
        outbox.close()
