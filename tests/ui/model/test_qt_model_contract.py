"""The Model panel's contract with its parts and with the window: the chat asks through signals,
states arrive as ``WorkerState`` members, and the window reads choices through the panel's own methods."""

from __future__ import annotations

from console.core.inference.jobs import WorkerState
from console.core.inference.types import ChatMessage
from console.ui.model.qt_model_chat import QtModelChat
from tests.tiny_model import tiny_model_dir  # noqa: F401


def test_send_emits_the_messages_and_max_new(qtbot):
    chat = QtModelChat()
    qtbot.addWidget(chat)
    chat.send_button.setEnabled(True)
    chat.system.setText("You run a factory.")
    chat.prompt.setPlainText("is line 3 running?")
    chat.max_new.setValue(42)
    with qtbot.waitSignal(chat.sendRequested, timeout=1000) as blocker:
        chat.send_button.click()
    messages, max_new = blocker.args
    assert messages == [ChatMessage("system", "You run a factory."), ChatMessage("user", "is line 3 running?")]
    assert max_new == 42


def test_an_empty_prompt_asks_for_nothing(qtbot):
    chat = QtModelChat()
    qtbot.addWidget(chat)
    chat.send_button.setEnabled(True)
    with qtbot.assertNotEmitted(chat.sendRequested):
        assert chat.request_send() is False
        chat.send_button.click()
    assert chat.metrics_label.text() == "Type a prompt first."
    chat.cancel_button.setEnabled(True)
    with qtbot.waitSignal(chat.cancelRequested, timeout=1000):
        chat.cancel_button.click()


def test_the_window_reads_the_choices_through_the_panel(qtbot, tmp_path):
    from console.ui.model.qt_model_panel import QtModelPanel

    panel = QtModelPanel(default_source=str(tmp_path))
    qtbot.addWidget(panel)
    try:
        panel.options.max_input.setValue(1024)
        opts = panel.load_options()
        assert opts.source == str(tmp_path) and opts.max_input_tokens == 1024
        assert panel.remote_choice() is None
        panel.options.backend.setCurrentIndex(panel.options.backend.findData("remote"))
        panel.options.remote_url.setText("http://127.0.0.1:9/v1")
        assert panel.remote_choice() == ("http://127.0.0.1:9/v1", "", None)
        assert panel.state is WorkerState.IDLE and panel.worker is None
    finally:
        panel.shutdown()


def test_states_arrive_as_worker_states_and_the_send_button_sends(qtbot, tiny_model_dir):  # noqa: F811
    from console.ui.model.qt_model_panel import QtModelPanel

    panel = QtModelPanel(default_source=str(tiny_model_dir), telemetry_hz=20)
    qtbot.addWidget(panel)
    try:
        seen: list = []
        panel.load_button.click()
        panel.worker.stateChanged.connect(lambda state, info: seen.append(state))
        qtbot.waitUntil(lambda: panel.state is WorkerState.READY and bool(panel.engine_info), timeout=30000)
        panel.chat.max_new.setValue(3)
        panel.chat.prompt.setPlainText("the water is hot")
        with qtbot.waitSignal(panel.worker.requestFinished, timeout=20000) as blocker:
            panel.chat.send_button.click()
        rid, metrics = blocker.args
        assert rid == 1 and metrics.new_tokens == 3
        qtbot.waitUntil(lambda: "▶ #1: the water is hot" in panel.chat.output.toPlainText(), timeout=5000)
        qtbot.waitUntil(lambda: seen and seen[-1] is WorkerState.READY, timeout=5000)
        assert WorkerState.GENERATING in seen and all(type(s) is WorkerState for s in seen), seen
    finally:
        panel.shutdown()

