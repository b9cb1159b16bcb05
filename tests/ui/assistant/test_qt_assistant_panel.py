"""The assistant panel: type, preview, confirm (twice for high risk), submit; refusals show why."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import Qt

from console.core.fleet.catalog import load_fleet
from console.core.commands.pipeline import CommandPipeline
from console.core.mqtt.link import BrokerConfig, MqttLink
from console.core.commands.outbox import Outbox
from console.core.protocol import CommandState, ProtocolError, device_topic, encode_json
from console.core.fleet.registry import FleetRegistry
from console.ui.assistant.qt_assistant_panel import QtAssistantPanel
from console.ui.devices.qt_command_sender import QtCommandSender

FLEET = load_fleet()


class Recorder:
    """A real submit target: appends what it is given (and can refuse a device, like a pipeline);
    ``confirmed`` keeps, per call, what the panel passed on as already confirmed."""

    def __init__(self, refuse: set[str] = frozenset()) -> None:
        self.calls: list[tuple[str, dict, str]] = []
        self.confirmed: list = []
        self.refuse = refuse

    def __call__(self, device_id: str, params: dict, origin: str = "operator", confirmed=False):
        if device_id in self.refuse:
            raise ProtocolError(f"unknown device {device_id!r}: no meta received from it yet")
        self.calls.append((device_id, params, origin))
        self.confirmed.append(confirmed)
        return None


class Answers:
    """A real confirm function: answers from a list and records what it was asked."""

    def __init__(self, *answers: bool) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, parent, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answers.pop(0)


def sender_submit(sender: QtCommandSender):
    """The panel's submit as the console wires it (ConsoleApp._submit_from_assistant)."""

    def submit(device_id, params, origin="assistant", confirmed=False):
        result = sender.send(device_id, params, origin=origin, confirmed=confirmed)
        if result.row is None:
            raise RuntimeError(result.error)
        return result.row

    return submit


@pytest.fixture
def make_panel(qtbot):
    def make(source=FLEET, submit=None, confirm=None, ranker=None):
        panel = QtAssistantPanel(source, submit if submit is not None else Recorder(), confirm=confirm, ranker=ranker)
        qtbot.addWidget(panel)
        panel.show()
        return panel

    return make


def say(qtbot, panel, text: str) -> None:
    panel.input.clear()
    if text.isascii():
        qtbot.keyClicks(panel.input, text)
    else:  # QTest cannot type CJK (it aborts); an input method delivers the text committed, like this
        panel.input.insert(text)
    with qtbot.waitSignal(panel.proposed, timeout=2000):
        qtbot.keyClick(panel.input, Qt.Key.Key_Return)


def test_low_risk_preview_and_confirm_submits_without_a_second_question(qtbot, make_panel):
    submit, confirm = Recorder(), Answers()
    panel = make_panel(submit=submit, confirm=confirm)
    assert not panel.confirm_button.isEnabled()
    say(qtbot, panel, "turn off all office lights")
    assert panel.rows() == [("Office ceiling lamp", "off", "low", ""), ("Office desk lamp", "off", "low", "")]
    assert panel.confirm_button.isEnabled() and not panel.is_row_high_risk(0)
    assert submit.calls == []  # nothing goes before Confirm
    with qtbot.waitSignal(panel.submitted, timeout=2000) as sig:
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert submit.calls == [("lamp-office-1", {"power": False}, "assistant"),
                            ("lamp-office-2", {"power": False}, "assistant")]
    assert confirm.asked == []
    assert [r[3] for r in panel.rows()] == ["sent", "sent"]
    assert len(sig.args[0]) == 2
    assert not panel.confirm_button.isEnabled()  # a proposal is sent once
    assert "2 sent" in panel.message.text()


def test_high_risk_needs_the_second_confirmation(qtbot, make_panel):
    submit, confirm = Recorder(), Answers(False, True)
    panel = make_panel(submit=submit, confirm=confirm)
    say(qtbot, panel, "stop both conveyors")
    assert [r[:3] for r in panel.rows()] == [("Line A conveyor", "stop", "HIGH – asks again"),
                                             ("Line B conveyor", "stop", "HIGH – asks again")]
    assert panel.is_row_high_risk(0) and panel.is_row_high_risk(1)

    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)  # first answer: No
    assert submit.calls == []
    assert "Line A conveyor: stop" in confirm.asked[0] and "Line B conveyor: stop" in confirm.asked[0]
    assert "not confirmed" in panel.message.text()
    assert panel.confirm_button.isEnabled()  # the preview stays; the operator may confirm again

    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)  # second answer: Yes
    assert submit.calls == [("conveyor-a", {"running": False}, "assistant"),
                            ("conveyor-b", {"running": False}, "assistant")]
    assert len(confirm.asked) == 2


def test_refusal_shows_the_reason_and_nothing_can_be_confirmed(qtbot, make_panel):
    submit = Recorder()
    panel = make_panel(submit=submit)
    say(qtbot, panel, "set the AC to 35 degrees")
    assert panel.rows() == []
    assert "16–30 °C" in panel.message.text()
    assert not panel.confirm_button.isEnabled()
    panel.confirm_and_submit()
    assert submit.calls == []
    say(qtbot, panel, "turn on the kitchen lights")
    assert "kitchen" in panel.message.text()


def test_chinese_preview_in_chinese(qtbot, make_panel):
    submit = Recorder()
    panel = make_panel(submit=submit)
    say(qtbot, panel, "把办公室空调温度设为26度")
    assert panel.rows() == [("办公室空调", "设定温度 26 °C", "low", "")]
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert submit.calls == [("hvac-office", {"setpoint": 26.0}, "assistant")]


def test_cancel_clears_and_sends_nothing(qtbot, make_panel):
    submit = Recorder()
    panel = make_panel(submit=submit)
    say(qtbot, panel, "start conveyor A")
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.rows() == [] and submit.calls == []
    assert "nothing was sent" in panel.message.text()
    assert not panel.confirm_button.isEnabled()


def test_a_refused_submit_shows_on_its_row_and_the_others_still_go(qtbot, make_panel):
    submit = Recorder(refuse={"lamp-office-2"})
    panel = make_panel(submit=submit)
    say(qtbot, panel, "turn on both office lamps")
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert submit.calls == [("lamp-office-1", {"power": True}, "assistant")]
    results = [r[3] for r in panel.rows()]
    assert results[0] == "sent" and results[1].startswith("not sent: unknown device")
    assert "1 sent, 1 not sent" in panel.message.text()


def test_live_registry_is_the_fleet(qtbot, make_panel):
    """Only devices whose meta reached the registry can be commanded; new ones appear at once."""
    registry = FleetRegistry("plant")
    for dev in ("conveyor-a", "conveyor-b"):
        registry.ingest(device_topic("plant", dev, "meta"), encode_json(FLEET.by_id()[dev].to_json()))
    submit = Recorder()
    panel = make_panel(source=registry, submit=submit, confirm=Answers(True))
    say(qtbot, panel, "turn on the desk lamp")
    assert panel.rows() == [] and "Which device" in panel.message.text()
    registry.ingest(device_topic("plant", "lamp-office-2", "meta"), json.dumps(
        FLEET.by_id()["lamp-office-2"].to_json()).encode())
    say(qtbot, panel, "turn on the desk lamp")
    assert panel.rows() == [("Office desk lamp", "on", "low", "")]
    say(qtbot, panel, "start both conveyors")
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert [c[0] for c in submit.calls] == ["conveyor-a", "conveyor-b"]


def test_with_the_real_command_pipeline(qtbot, make_panel, tmp_path):
    """The wiring the console uses: the panel's commands go through a QtCommandSender; the panel has
    asked about the high-risk row and passes that yes on, and the pipeline takes it (the device is as
    high risk as the preview said): no third question.  With no broker connected the commands wait in
    the outbox as QUEUED, origin assistant."""
    registry = FleetRegistry("plant")
    for meta in FLEET.devices:
        registry.ingest(device_topic("plant", meta.id, "meta"), encode_json(meta.to_json()))
    link = MqttLink(BrokerConfig(host="127.0.0.1", port=1, prefix="plant"))  # never started
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    pipeline = CommandPipeline(outbox, link, registry.meta)
    confirm = Answers(True)  # one answer only: a second question would fail the row
    sender = QtCommandSender(pipeline, confirm)
    try:
        panel = make_panel(source=registry, submit=sender_submit(sender), confirm=confirm)
        say(qtbot, panel, "open the steam valve halfway")
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
        rows = outbox.open_commands()
        assert [(r.device_id, r.command.params, r.command.origin, r.state) for r in rows] == \
            [("valve-steam", {"open": 50}, "assistant", CommandState.QUEUED)]
        assert rows[0].qos == 2  # high risk
        assert panel.rows()[0][3] == "sent (QUEUED)"
    finally:
        outbox.close()


def test_model_tie_break_runs_off_the_gui_thread(qtbot, make_panel):
    """A ranker (a model: seconds on a CPU) runs on a thread; the window stays live meanwhile."""
    release = threading.Event()
    threads: list[str] = []

    def slow_desk_ranker(utterance, cands):
        threads.append(threading.current_thread().name)
        assert release.wait(10)
        return [1.0 if "desk" in m.name.lower() else 0.0 for m in cands]

    submit = Recorder()
    panel = make_panel(submit=submit, ranker=slow_desk_ranker)
    panel.input.setText("turn on one of the office lamps")
    assert panel.preview() is None  # the answer comes later, through `proposed`
    qtbot.waitUntil(lambda: threads == ["assistant-parse"])
    assert not panel.input.isEnabled() and "Reading" in panel.message.text()
    assert panel.preview() is None  # a second Enter while busy is ignored
    with qtbot.waitSignal(panel.proposed, timeout=5000) as sig:
        release.set()
    assert sig.args[0].commands[0].picked_by_model
    assert panel.rows() == [("Office desk lamp (model's pick)", "on", "low", "")]
    assert panel.input.isEnabled()
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert submit.calls == [("lamp-office-2", {"power": True}, "assistant")]
    assert len(threads) == 1


def test_a_failing_model_leaves_the_question_to_the_operator(qtbot, make_panel):
    def broken(utterance, cands):
        raise RuntimeError("CUDA out of memory")

    panel = make_panel(ranker=broken)
    panel.input.setText("turn on one of the office lamps")
    with qtbot.waitSignal(panel.proposed, timeout=5000):
        panel.preview()
    assert panel.rows() == [] and "Which one" in panel.message.text()
    assert panel.input.isEnabled()


def test_a_large_fleet_is_learned_off_the_gui_thread_once(qtbot, make_panel):
    big = FLEET.cloned(1400)  # 100 copies of the demo fleet
    submit = Recorder()
    panel = make_panel(source=big, submit=submit)
    panel.input.setText("start conveyor A")
    with qtbot.waitSignal(panel.proposed, timeout=20000) as sig:
        assert panel.preview() is None  # built on the thread: the answer comes through `proposed`
        assert "1400 devices" in panel.message.text() and not panel.input.isEnabled()
    assert [c.device_id for c in sig.args[0].commands] == ["conveyor-a"]
    assert panel.input.isEnabled()
    panel.input.setText("stop conveyor A")
    proposal = panel.preview()  # the tables are kept: now it is immediate
    assert proposal is not None and proposal.commands[0].params == {"running": False}
    prop = panel.parser().parse("turn off all lights")  # 300 lamps: over the per-utterance limit
    assert prop.refusal is not None and prop.refusal.kind == "too_many"


def test_a_failing_fleet_source_is_reported_and_the_panel_keeps_working(qtbot, make_panel):
    state = {"fail": True}

    def source():
        if state["fail"]:
            raise OSError("catalog file vanished")
        return list(FLEET.devices)

    panel = make_panel(source=source)
    say(qtbot, panel, "start conveyor A")
    assert "catalog file vanished" in panel.message.text() and "Nothing was sent" in panel.message.text()
    assert panel.rows() == [] and not panel.confirm_button.isEnabled()
    state["fail"] = False
    say(qtbot, panel, "start conveyor A")
    assert panel.rows() == [("Line A conveyor", "start", "HIGH – asks again", "")]
