"""Issue 17 in the running console: the model loaded in the Model tab is the assistant's model layer.
The real console on a real Mosquitto with the simulated fleet; a tiny random-weight Llama (its word
tokenizer knows the prompt's and the candidates' words, so the two office lamps score differently)
loaded through the Model tab's real worker; an ask only the model can settle ("turn on the office
lamp": two lamps) is picked on the model-worker thread and marked; after an unload the same ask is
ambiguous again."""

from __future__ import annotations

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import MODEL, SEMANTICS, Assistant
from console.core.fleet.catalog import load_fleet
from console.core.inference.scoring import PROMPT, likelihood_choose, lm_scorer
from tests.tiny_model import CHAT_TEMPLATE, SPECIALS, WORDS
from tests.ui.devices.test_qt_device_controls import start_console

ASK = "turn on one of the office lamps"


def candidates(utterance: str) -> list[str]:
    """The legal readings the assistant hands the model for ``utterance`` (no model: recorded only)."""
    seen: list[list[str]] = []
    Assistant(load_fleet(), default_aliases(), chooser=lambda u, o: seen.append(list(o))).understand(utterance)
    assert len(seen) == 1 and len(seen[0]) == 2, seen
    return seen[0]


def build_model(folder, words: list[str], seed: int = 7):
    """A tiny Llama (tests/tiny_model.py's shape) whose word tokenizer also knows ``words``."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    vocab = {t: i for i, t in enumerate(SPECIALS + sorted(set(WORDS) | set(words)))}
    tk = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tk.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tk.decoder = decoders.WordPiece(prefix="##")
    tok = PreTrainedTokenizerFast(tokenizer_object=tk, unk_token="<unk>", pad_token="<pad>", eos_token="<eos>",
                                  additional_special_tokens=SPECIALS[3:])
    tok.chat_template = CHAT_TEMPLATE
    torch.manual_seed(seed)
    cfg = LlamaConfig(vocab_size=len(tok), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512,
                      initializer_range=0.3, eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id,
                      bos_token_id=None)
    LlamaForCausalLM(cfg).eval().save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    return folder


def expected_device(folder, options: list[str]) -> str:
    """The lamp the same weights pick, scored here directly (the reference)."""
    from transformers import AutoTokenizer, LlamaForCausalLM

    model = LlamaForCausalLM.from_pretrained(str(folder)).eval()
    score = lm_scorer(model, AutoTokenizer.from_pretrained(str(folder)))  # int8 on a CPU, as the worker does
    pick = likelihood_choose(score, ASK, options)
    assert pick is not None, "the tiny model tied: change the seed"
    return "lamp-office-1" if "ceiling" in options[pick] else "lamp-office-2"


def ask(qtbot, panel, text: str):
    panel.input.setText(text)
    with qtbot.waitSignal(panel.proposed, timeout=40000) as blocker:
        panel.preview()
    return blocker.args[0]


def test_the_loaded_model_picks_and_the_unload_takes_it_away(qtbot, broker_cfg, tmp_path):
    options = candidates(ASK)
    words = (PROMPT.format(utterance=ASK) + " " + " ".join(options)).split()
    folder = build_model(tmp_path / "lm", words)
    want = expected_device(folder, options)

    app, sim, _ = start_console(qtbot, broker_cfg)
    panel, model_panel = app.assistant, app.model_panel
    try:
        before = ask(qtbot, panel, ASK)  # no model yet: the rules and semantics cannot settle it
        assert before.refusal is not None and before.refusal.kind == "ambiguous" and panel.layer() == SEMANTICS
        assert panel.chooser is None

        model_panel.options.source.setText(str(folder))
        model_panel.load()  # as the Load button does: the Model tab's own worker
        qtbot.waitUntil(lambda: panel.chooser is not None, timeout=60000)
        runner = model_panel.worker.runner
        assert runner.scorer_builds == 1 and runner.chooser is not None  # built by the load, before modelLoaded
        calls = runner.chooser.scorer.calls

        prop = ask(qtbot, panel, ASK)  # on the parse thread, the scoring on the model-worker thread
        assert runner.scorer_builds == 1 and runner.chooser.scorer.calls == calls + 1  # the ask built nothing
        assert prop.refusal is None and prop.layer == MODEL and panel.layer() == MODEL
        assert [c.device_id for c in prop.commands] == [want]
        [(device, change, risk, result)] = panel.rows()
        assert device.endswith("(model's pick)") and change == "on" and result == ""
        assert panel.message.text().startswith("The model chose this reading")

        named = ask(qtbot, panel, "turn on the office desk lamp")  # named: the rules, never the model
        assert named.layer != MODEL and [c.device_id for c in named.commands] == ["lamp-office-2"]

        model_panel.unload()
        qtbot.waitUntil(lambda: panel.chooser is None, timeout=30000)
        after = ask(qtbot, panel, ASK)
        assert after.refusal is not None and after.refusal.kind == "ambiguous" and not panel.rows()
    finally:
        app.close()
        sim.stop()
