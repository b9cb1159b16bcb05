"""A high-risk command to an offline device asks once (issue 14): one dialog says both that the command
needs a yes and that it will wait in the queue; before, the operator got the offline question and then
the high-risk one.  A real pipeline and outbox (the link is never started: commands wait QUEUED) and,
in the second test, the real QMessageBox dialogs, answered by clicking their buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from console.core.protocol import CommandState
from console.ui.devices.qt_command_sender import QtCommandSender
from tests.ui.devices.test_qt_command_sender import Answers, sender_rig

OFFLINE = "conveyor-a is offline: the command will wait in the queue until it is back (or its ttl passes)."


@pytest.fixture
def rig(qtbot, tmp_path):
    """The command-sender tests' rig (the same fleet, outbox and unstarted link), without the metas."""
    for metas, outbox, pipeline in sender_rig(tmp_path):
        assert metas["conveyor-a"].is_high_risk({"running": True})
        yield outbox, pipeline


def test_offline_high_risk_is_one_question_that_says_both(qtbot, rig):
    outbox, pipeline = rig
    answers = Answers(False, True)
    liveness = {"conveyor-a": "offline", "lamp-office-1": "offline"}
    sender = QtCommandSender(pipeline, answers, liveness=liveness.get)
    no = sender.send("conveyor-a", {"running": True}, origin="operator")
    assert no.declined and outbox.count() == 0
    assert answers.asked == [("Confirm high-risk command",
                              f"Line A conveyor: running → on\n\n{OFFLINE}\n\nSend this command to conveyor-a?\n\n"
                              "This device is marked high risk.")]
    yes = sender.send("conveyor-a", {"running": True}, origin="operator")
    assert yes.sent and yes.row.state is CommandState.QUEUED and yes.row.qos == 2
    assert len(answers.asked) == 2 and outbox.count() == 1  # one question per command
    # a low-risk command to an offline device: only the offline question, as before
    answers.answers.append(True)
    low = sender.send("lamp-office-1", {"power": True}, origin="operator")
    assert low.sent and answers.asked[-1] == ("Device not reachable", OFFLINE.replace("conveyor-a", "lamp-office-1"))
    # online and high risk: the confirmation alone, without the offline sentence
    liveness["conveyor-a"] = "online"
    answers.answers.append(True)
    assert sender.send("conveyor-a", {"running": False}, origin="operator").sent
    assert "offline" not in answers.asked[-1][1] and "high risk" in answers.asked[-1][1]
    assert len(answers.asked) == 4


def test_the_real_dialogs_ask_once_and_send_and_queue_sends(qtbot, rig):
    outbox, pipeline = rig
    sender = QtCommandSender(pipeline, liveness=lambda device_id: "unknown")

    def answer_dialogs() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and not any(box is b for b, *_ in seen):
            buttons = [b.text() for b in box.buttons()]
            seen.append((box, box.windowTitle(), box.text(), buttons))
            go = next((b for b in box.buttons()
                       if box.buttonRole(b) in (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)),
                      None)
            assert go is not None, buttons
            go.click()

    seen: list = []
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(answer_dialogs)
    poll.start()
    try:
        result = sender.send("conveyor-a", {"running": True, "speed": 30}, origin="operator")
    finally:
        poll.stop()
    shown = [(title, text, buttons) for _, title, text, buttons in seen]
    assert len(shown) == 1, shown  # not the unreachable question and then the high-risk one
    title, text, buttons = shown[0]
    assert title == "Confirm high-risk command"
    assert "unknown state" in text and "will wait in the queue" in text and "marked high risk" in text
    assert "Send and queue" in buttons
    assert result.sent and result.row.qos == 2 and outbox.count() == 1
