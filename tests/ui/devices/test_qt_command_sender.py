"""The command sender: it asks exactly when the pipeline says so, a no stores nothing, a yes goes with
QoS 2, and a refusal comes back in the result (and the ``outcome`` signal), never raised into Qt.  A
real pipeline and outbox; the link is never started, so sent commands wait QUEUED."""

from __future__ import annotations

from dataclasses import replace

import pytest

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.ui.devices.qt_command_sender import QtCommandSender
from console.ui.shell.qt_app import make_application

FLEET = load_fleet().by_id()


class Answers:
    def __init__(self, *answers):
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []

    def __call__(self, parent, title, text):
        self.asked.append((title, text))
        return self.answers.pop(0)


@pytest.fixture
def rig(qtbot, tmp_path):
    make_application()
    metas = {d: FLEET[d] for d in ("lamp-office-1", "conveyor-a")}
    outbox = Outbox(tmp_path / "site.sqlite3")
    pipeline = CommandPipeline(outbox, MqttLink(BrokerConfig(host="127.0.0.1", port=1, prefix="p")), metas.get)
    yield metas, outbox, pipeline
    outbox.close()


def test_asks_only_when_the_pipeline_says_so(qtbot, rig):
    metas, outbox, pipeline = rig
    answers = Answers(False, True)
    sender = QtCommandSender(pipeline, answers)
    low = sender.send("lamp-office-1", {"power": True}, origin="operator")
    assert low.sent and low.row.qos == 1 and answers.asked == []
    no = sender.send("conveyor-a", {"running": True}, origin="operator")
    assert no.declined and not no.sent and outbox.count() == 1
    assert answers.asked[0] == ("Confirm high-risk command",
                                "Send running=True to conveyor-a?\n\nThis device is marked high risk.")
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
