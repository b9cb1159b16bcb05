"""Issue 17 in the running console: type → preview (the layer that read it marked) → confirm → each row
follows its command to SUCCEEDED.  The simulated fleet on a real Mosquitto, the console's own panel,
a real Qt event loop; the model layer is a real (tiny, random-weight) causal LM scoring the legal
readings on the panel's worker thread."""

from __future__ import annotations

import torch
import transformers
from PySide6.QtCore import Qt

from console.core.assistant.layers import MODEL, SEMANTICS
from console.core.assistant.model_choice import likelihood_chooser, lm_scorer
from tests.core.assistant.test_model_choice import ByteTokenizer
from tests.ui.devices.test_qt_device_controls import start_console


def tiny_chooser(tmp_path):
    torch.manual_seed(99)
    cfg = transformers.LlamaConfig(vocab_size=256, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                   num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=512)
    transformers.LlamaForCausalLM(cfg).save_pretrained(tmp_path)
    model = transformers.LlamaForCausalLM.from_pretrained(tmp_path).eval()
    return likelihood_chooser(lm_scorer(model, ByteTokenizer(), quantize=False))


def confirm_and_wait(qtbot, panel, svc, n_rows: int):
    before = len(svc.commands.outbox.audit())
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(svc.commands.outbox.audit()) == before + n_rows, timeout=10000)
    qtbot.waitUntil(lambda: [r[3] for r in panel.rows()] == ["SUCCEEDED"] * n_rows, timeout=20000)
    assert all(r.command.origin == "assistant" for r in svc.commands.outbox.audit())  # only the assistant sent


def test_semantics_and_model_rows_are_marked_then_confirmed_to_succeeded(qtbot, broker_cfg, tmp_path):
    app, sim, confirm = start_console(qtbot, broker_cfg)
    svc, panel = app.services, app.assistant
    try:
        # semantics: no device named; the message says how it was read
        panel.input.setText("let the sunlight in")
        assert panel.preview() is not None and panel.layer() == SEMANTICS
        assert panel.rows() == [("Office window blinds", "position 100 %", "low", "")]
        assert panel.message.text().startswith("Read from what the devices do.")
        confirm_and_wait(qtbot, panel, svc, 1)
        assert confirm.asked == []  # low risk: no second question
        qtbot.waitUntil(lambda: svc.registry.get("blinds-office").values.get("position") == 100, timeout=10000)

        # high risk stays confirmed, whichever layer read it: 二号传送带 is conveyor B
        panel.input.setText("二号传送带停下")
        assert panel.preview() is not None and panel.layer() == SEMANTICS
        assert [r[0] for r in panel.rows()] == ["B线传送带"] and panel.is_row_high_risk(0)
        confirm_and_wait(qtbot, panel, svc, 1)
        assert len(confirm.asked) == 1 and "B线传送带" in confirm.asked[0]

        # the model: a tie between the office lamps, picked on the panel's thread and marked
        panel.chooser = tiny_chooser(tmp_path / "lm")
        panel._parser = None  # rebuilt with the chooser
        panel.input.setText("turn on one of the office lamps")
        assert panel.preview() is None  # a model may take seconds: it runs on the panel's thread
        qtbot.waitUntil(lambda: panel.proposal is not None, timeout=30000)
        assert panel.layer() == MODEL
        [(device, change, risk, result)] = panel.rows()
        assert device.endswith("(model's pick)") and change == "on" and risk == "low" and result == ""
        assert panel.message.text().startswith("The model chose this reading")
        confirm_and_wait(qtbot, panel, svc, 1)
    finally:
        app.close()
        sim.stop()
