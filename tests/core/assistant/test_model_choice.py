"""The model layer (model_choice.py): a real tiny causal LM scores the enumerated legal readings, and a
real llama.cpp server (the bundled GGUF) answers with the number of one of them."""

from __future__ import annotations

import math

import pytest
import torch
import transformers

from console.core.assistant.aliases import default_aliases
from console.core.assistant.layers import MODEL, Assistant
from console.core.assistant.model_choice import likelihood_chooser, lm_scorer, remote_chooser
from console.core.fleet.catalog import load_fleet

FLEET = load_fleet()


class ByteTokenizer:
    """UTF-8 bytes as token ids (vocab 256): the tokenizer the tiny model was built for."""

    class Out:
        def __init__(self, ids):
            self.input_ids = torch.tensor([ids], dtype=torch.long)

    def __call__(self, text, return_tensors="pt", add_special_tokens=True):
        return self.Out(list(text.encode("utf-8")))


@pytest.fixture(scope="module")
def tiny_lm(tmp_path_factory):
    torch.manual_seed(4321)
    cfg = transformers.LlamaConfig(vocab_size=256, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                   num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=512)
    path = tmp_path_factory.mktemp("tiny-lm")
    transformers.LlamaForCausalLM(cfg).save_pretrained(path)
    model = transformers.LlamaForCausalLM.from_pretrained(path)
    return model.eval()


def reference_scores(model, prompt, conts):
    """Mean log-probability per continuation token, through the model's own loss (one full pass each)."""
    out = []
    p = list(prompt.encode())
    for c in conts:
        cb = list(c.encode())
        ids = torch.tensor([p + cb])
        labels = torch.tensor([[-100] * len(p) + cb])
        with torch.no_grad():
            out.append(-float(model(ids, labels=labels).loss))
    return out


def test_the_cached_scorer_equals_the_models_own_loss(tiny_lm):
    score = lm_scorer(tiny_lm, ByteTokenizer(), quantize=False)
    conts = [" office ceiling lamp: on", " office desk lamp: on", " x"]
    got = score("Request: turn on the office lamp\nAction:", conts)
    want = reference_scores(tiny_lm, "Request: turn on the office lamp\nAction:", conts)
    assert all(math.isclose(g, w, rel_tol=1e-4, abs_tol=1e-4) for g, w in zip(got, want)), (got, want)
    again = score("Request: turn on the office lamp\nAction:", list(reversed(conts)))  # the cache was cropped back
    assert all(math.isclose(g, w, rel_tol=1e-4, abs_tol=1e-4) for g, w in zip(again, reversed(want)))
    q = lm_scorer(tiny_lm, ByteTokenizer(), quantize=True)("Request: x\nAction:", conts)  # the int8 CPU path runs
    assert len(q) == 3 and all(math.isfinite(v) for v in q)


def test_the_assistant_asks_the_model_only_for_ties_and_marks_its_rows(tiny_lm):
    score = lm_scorer(tiny_lm, ByteTokenizer(), quantize=False)
    calls = []

    def counting(prompt, conts):
        calls.append(list(conts))
        return score(prompt, conts)

    a = Assistant(FLEET, default_aliases(), chooser=likelihood_chooser(counting))
    prop = a.understand("turn on the office lamp")
    assert prop.layer == MODEL and len(calls) == 1 and len(calls[0]) == 2
    scores = score("A control console turns an operator's request into one device action.\n"
                   "Request: turn on the office lamp\nAction:", calls[0])
    best = scores.index(max(scores))
    assert [c.picked_by_model for c in prop.commands] == [True]
    assert prop.commands[0].device_id == ("lamp-office-1" if "ceiling" in calls[0][best] else "lamp-office-2")
    a.understand("turn on the desk lamp")
    a.understand("close the steam valve completely")
    a.understand("set the AC to 35 degrees")
    assert len(calls) == 1  # named devices and refusals never reach the model


def test_a_tie_between_scores_is_no_pick():
    chooser = likelihood_chooser(lambda p, conts: [0.5] * len(conts))
    assert chooser("turn on the office lamp", ["a", "b"]) is None
    assert likelihood_chooser(lambda p, conts: [float("nan"), 1.0])("x", ["a", "b"]) is None
    assert likelihood_chooser(lambda p, conts: [1.0])("x", ["a", "b"]) is None


def test_a_remote_engine_only_ever_picks_a_listed_reading(llama):
    chooser = remote_chooser(llama.engine())
    a = Assistant(FLEET, default_aliases(), chooser=chooser)
    for text in ("turn on the office lamp", "set the office lamp to 30%"):
        prop = a.understand(text)
        if prop.refusal is None:
            assert prop.layer == MODEL and [c.device_id for c in prop.commands][0] in ("lamp-office-1", "lamp-office-2")
        else:
            assert prop.refusal.kind == "ambiguous" and not prop.commands
    pick = chooser("turn on the office lamp", ["office ceiling lamp: on", "office desk lamp: on"])
    assert pick in (None, 0, 1)
