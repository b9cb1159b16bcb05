"""The command sender: it asks exactly when the pipeline says so, a no stores nothing, a yes goes with
QoS 2, and a refusal comes back in the result (and the ``outcome`` signal), never raised into Qt.  A
real pipeline and outbox; the link is never started, so sent commands wait QUEUED."""

from __future__ import annotations

from dataclasses import replace

import pytest

import time

from console.core.commands.confirmation import ConfirmationRequired
from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.catalog import load_fleet
from console.core.fleet.registry import FleetRegistry
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.protocol import device_topic, encode_json
from console.ui.devices.qt_command_sender import QtCommandSender, values_from
from console.ui.shell.qt_app import make_application

FLEET = load_fleet().by_id()


class Answers:
    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text):
        self.asked.append((title, text))
        return self.answers.pop(0)


def sender_rig(tmp_path):
    """A real pipeline and outbox on an unstarted link (commands wait QUEUED); shared with test_offline_high_risk."""
    make_application()
    metas = {d: FLEET[d] for d in ("lamp-office-1", "conveyor-a")}
    outbox = Outbox(tmp_path / "site.sqlite3")
    pipeline = CommandPipeline(outbox, MqttLink(BrokerConfig(host="127.0.0.1", port=1, prefix="p")), metas.get)
    yield metas, outbox, pipeline
    outbox.close()


@pytest.fixture
def rig(qtbot, tmp_path):
    yield from sender_rig(tmp_path)


def test_asks_only_when_the_pipeline_says_so(qtbot, rig):
    metas, outbox, pipeline = rig
    answers = Answers(False, True)
    sender = QtCommandSender(pipeline, answers)
    low = sender.send("lamp-office-1", {"power": True}, origin="operator")
    assert low.sent and low.row.qos == 1 and answers.asked == []
    no = sender.send("conveyor-a", {"running": True}, origin="operator")
    assert no.declined and not no.sent and outbox.count() == 1
    assert answers.asked[0] == ("Confirm high-risk command",
                                "Line A conveyor: running → on\n\nSend this command to conveyor-a?\n\n"
                                "This device is marked high risk.")
    yes = sender.send("conveyor-a", {"running": True}, origin="assistant")
    assert yes.sent and yes.row.qos == 2 and yes.row.command.origin == "assistant" and len(answers.asked) == 2
    metas["lamp-office-1"] = replace(metas["lamp-office-1"], risk="high")  # marked high risk since
    answers.answers.append(False)
    assert sender.send("lamp-office-1", {"power": False}, origin="operator").declined
    assert outbox.count() == 2


def test_a_refusal_is_returned_and_signalled_not_raised(qtbot, rig):
    _, outbox, pipeline = rig
    sender = QtCommandSender(pipeline, Answers())
    with qtbot.waitSignal(sender.outcome, timeout=1000) as sig:
        result = sender.send("press-9", {"power": True}, origin="operator")
    assert not result.sent and not result.declined and "unknown device 'press-9'" in result.error
    assert sig.args == [result] and outbox.count() == 0
    bad = sender.send("lamp-office-1", {"level": 101}, origin="operator")
    assert "above the maximum" in bad.error


def registry_with(metas, values_by_device) -> FleetRegistry:
    """A live registry fed as the link feeds it: each device's meta, then one state message."""
    registry = FleetRegistry("p")
    for meta in metas.values():
        registry.ingest(device_topic("p", meta.id, "meta"), encode_json(meta.to_json()))
    for device_id, values in values_by_device.items():
        registry.ingest(device_topic("p", device_id, "state"),
                        encode_json({"seq": 1, "ts": time.time(), "values": values}))
    return registry


def test_the_question_reads_before_and_after_from_the_device_state(qtbot, rig):
    """Issue 14: not "Send running=True to conveyor-a?" but the name, the label, current → new, the unit;
    a command that changes nothing says so; in Chinese the device's Chinese name and words."""
    metas, outbox, pipeline = rig
    registry = registry_with(metas, {"conveyor-a": {"running": False, "speed": 0, "load": 0.0}})
    answers = Answers(False, False)
    sender = QtCommandSender(pipeline, answers, current=values_from(registry))
    assert sender.send("conveyor-a", {"running": True, "speed": 60}, origin="operator").declined
    assert answers.asked[0] == ("Confirm high-risk command",
                                "Line A conveyor: running off → on, speed 0 → 60 rpm\n\n"
                                "Send this command to conveyor-a?\n\nThis device is marked high risk.")
    registry.ingest(device_topic("p", "conveyor-a", "state"),
                    encode_json({"seq": 2, "ts": time.time(), "values": {"running": True, "speed": 60}}))
    assert sender.send("conveyor-a", {"running": True, "speed": 60}, origin="operator").declined
    assert answers.asked[1][1] == ("Line A conveyor: running already on, speed already 60 rpm\n\n"
                                   "Send this command to conveyor-a?\n\n"
                                   "The device already shows these values: nothing would change.\n\n"
                                   "This device is marked high risk.")
    assert outbox.count() == 0  # both declined: nothing stored
    with pytest.raises(ConfirmationRequired) as need:
        pipeline.submit("conveyor-a", {"running": False})
    title, text = sender.question(need.value, lang="zh")
    # the first zh name in demo-aliases.json and the core's Chinese words; the frame "{device}: {changes}"
    # is the translator's (no zh_CN catalog is loaded here)
    assert text.startswith("A线传送带: 运行 开 → 关\n\n")
