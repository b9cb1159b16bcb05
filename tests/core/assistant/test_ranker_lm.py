"""The model tie-break with a real (tiny, random-weight) causal LM, injected as a scoring function.

console/core/assistant/ranker.py never imports torch: the test owns the model and hands the parser a
``score(prompt, continuations) -> log-likelihoods`` function, as the console does with its engine.
"""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here
import transformers  # a hard dependency: a broken install fails here

from console.core.fleet.catalog import Fleet, load_fleet  # noqa: E402
from console.core.assistant.aliases import default_aliases  # noqa: E402
from console.core.assistant.parser import IntentParser  # noqa: E402
from console.core.assistant.ranker import likelihood_ranker  # noqa: E402


@pytest.fixture(scope="module")
def tiny_lm(tmp_path_factory):
    """A 2-layer Llama over bytes (vocab 256), random weights, saved and loaded back like a real one."""
    torch.manual_seed(1234)
    cfg = transformers.LlamaConfig(vocab_size=256, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                                   num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=512)
    path = tmp_path_factory.mktemp("tiny-lm")
    transformers.LlamaForCausalLM(cfg).save_pretrained(path)
    model = transformers.LlamaForCausalLM.from_pretrained(path)
    model.eval()
    return model


def byte_ids(text: str) -> list[int]:
    return list(text.encode("utf-8"))


def make_scorer(model):
    """Summed log-probabilities of each continuation's bytes after the prompt (one pass each)."""

    @torch.no_grad()
    def score(prompt: str, continuations):
        p = byte_ids(prompt)
        out = []
        for cont in continuations:
            c = byte_ids(cont)
            ids = torch.tensor([p + c])
            logp = model(ids).logits.log_softmax(-1)[0]
            out.append(float(sum(logp[len(p) - 1 + i, tok] for i, tok in enumerate(c))))
        return out

    return score


def loss_based_pick(model, utterance: str, cands) -> str:
    """The same likelihood computed another way (the model's own loss over the continuation)."""
    best, best_id = None, None
    prompt = byte_ids(f"Instruction: {utterance}\nDevice:")
    for m in cands:
        cont = byte_ids(f" {m.name} ({m.zone} {m.kind})")
        ids = torch.tensor([prompt + cont])
        labels = torch.tensor([[-100] * len(prompt) + cont])
        with torch.no_grad():
            total = -float(model(ids, labels=labels).loss) * len(cont)
        if best is None or total > best:
            best, best_id = total, m.id
    return best_id


def test_tiny_model_breaks_the_tie_by_likelihood_whatever_the_candidate_order(tiny_lm):
    fleet = load_fleet()
    lamps = [m for m in fleet.devices if m.zone == "office" and m.kind == "lamp"]
    expected = loss_based_pick(tiny_lm, "turn on one of the office lamps", lamps)
    calls = []

    def counting_score(prompt, conts):
        calls.append(len(conts))
        return make_scorer(tiny_lm)(prompt, conts)

    ranker = likelihood_ranker(counting_score)
    for devices in (fleet.devices, tuple(reversed(fleet.devices))):
        prop = IntentParser(Fleet("f", devices), default_aliases(), ranker=ranker).parse("turn on one of the office lamps")
        assert prop.refusal is None, prop.refusal
        assert [(c.device_id, c.params, c.picked_by_model) for c in prop.commands] == [(expected, {"power": True}, True)]
    assert calls == [2, 2]  # only the two compatible office lamps were scored
    # a named device never reaches the model
    IntentParser(fleet, default_aliases(), ranker=ranker).parse("turn on the desk lamp")
    assert calls == [2, 2]
