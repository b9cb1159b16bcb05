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
from console.core.inference.scoring import pick_best

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
    prop = a.understand("turn on one of the office lamps")
    assert prop.layer == MODEL and len(calls) == 1 and len(calls[0]) == 2
    scores = score("A control console turns an operator's request into one device action.\n"
                   "Request: turn on one of the office lamps\nAction:", calls[0])
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
    for text in ("turn on one of the office lamps", "set one of the office lamps to 30%"):
        prop = a.understand(text)
        if prop.refusal is None:
            assert prop.layer == MODEL and [c.device_id for c in prop.commands][0] in ("lamp-office-1", "lamp-office-2")
        else:
            assert prop.refusal.kind == "ambiguous" and not prop.commands
    pick = chooser("turn on the office lamp", ["office ceiling lamp: on", "office desk lamp: on"])
    assert pick in (None, 0, 1)


def test_batched_candidates_equal_their_own_loss_whatever_their_shape(tiny_lm):
    """One pass of the prompt (with the candidates' shared first tokens), one batched pass of their own
    tokens: the same numbers as each candidate through the model's own loss.  Candidates of one token,
    of different lengths, sharing a long prefix, and an empty one (NaN, never a pick)."""
    score = lm_scorer(tiny_lm, ByteTokenizer(), quantize=False)
    prompt = "Request: stop the conveyor on line b\nAction:"
    conts = [" line b conveyor: off", " line b conveyor: speed 20 rpm", " line b fan: off", " l"]
    calls = score.forward_calls
    got = score(prompt, conts + [""])
    assert score.forward_calls - calls == 2  # not one pass per candidate
    want = reference_scores(tiny_lm, prompt, conts)
    assert all(math.isclose(g, w, rel_tol=1e-4, abs_tol=1e-4) for g, w in zip(got, want)), (got, want)
    assert math.isnan(got[-1]) and pick_best(got, len(got)) is None  # an empty reading: no pick at all
    one_token = score(prompt, [" a", " b", " c"])  # nothing of their own to run: only the prompt's pass
    assert all(math.isclose(g, w, rel_tol=1e-4, abs_tol=1e-4)
               for g, w in zip(one_token, reference_scores(tiny_lm, prompt, [" a", " b", " c"])))


def test_the_instruction_stays_in_the_kept_cache_and_a_score_never_depends_on_the_ask_before(tiny_lm):
    """The fixed instruction runs once; an ask runs only its own tokens; the same ask scores the same
    numbers whatever came before it (int8 included: its activations are quantised per pass)."""
    from console.core.inference.scoring import PROMPT

    anchor = len(PROMPT.split("{utterance}")[0].rstrip().encode())
    first, second = PROMPT.format(utterance="turn on the office lamp"), PROMPT.format(utterance="stop the pump")
    conts = [" pump: off", " fan: off"]
    for quantize in (False, True):
        score = lm_scorer(tiny_lm, ByteTokenizer(), quantize=quantize)
        alone = score(second, conts)
        assert score.kept_tokens == anchor
        score(first, [" office ceiling lamp: on", " office desk lamp: on", " x"])
        before = score.tokens_run
        after_other = score(second, conts)
        assert after_other == alone  # the same numbers, bit for bit, after another ask
        own = len(second.encode()) - anchor + 1  # the ask after the instruction, and the shared " "
        assert score.tokens_run - before == own + 2 * (len(" pump: off") - 2)  # + both rows of the batch
        assert score.kept_tokens == anchor
        if not quantize:
            want = reference_scores(tiny_lm, second, conts)
            assert all(math.isclose(g, w, rel_tol=1e-4, abs_tol=1e-4) for g, w in zip(alone, want)), (alone, want)
    other = lm_scorer(tiny_lm, ByteTokenizer(), quantize=False)("Another template: stop the pump\nAction:", conts)
    assert all(math.isclose(g, w, rel_tol=1e-4, abs_tol=1e-4)  # no instruction to reuse: all of it runs
               for g, w in zip(other, reference_scores(tiny_lm, "Another template: stop the pump\nAction:", conts)))


def test_the_int8_copy_shares_the_other_weights_and_leaves_the_model_alone(tiny_lm):
    import copy

    from console.core.inference.scoring import int8_copy

    q = int8_copy(tiny_lm)
    assert type(tiny_lm.model.layers[0].mlp.up_proj) is torch.nn.Linear  # the loaded model is untouched
    assert type(q.model.layers[0].mlp.up_proj) is not torch.nn.Linear
    assert q.model.embed_tokens.weight is tiny_lm.model.embed_tokens.weight  # shared, not copied
    # the same quantised weights as torch's own quantize_dynamic over a full copy: the same scores
    ref = torch.ao.quantization.quantize_dynamic(copy.deepcopy(tiny_lm), {torch.nn.Linear}, dtype=torch.qint8)
    conts = [" office ceiling lamp: on", " office desk lamp: on"]
    got = lm_scorer(tiny_lm, ByteTokenizer(), quantize=True)("Request: lamp\nAction:", conts)
    want = lm_scorer(ref, ByteTokenizer(), quantize=False)("Request: lamp\nAction:", conts)
    assert got == want


def test_a_cpu_call_runs_on_one_thread_and_puts_torchs_setting_back(tiny_lm):
    """The int8 copy scores on one thread (tiny matrices: a second thread only adds joins); a model
    scored as loaded keeps torch's setting unless told; torch's setting is back after every call."""
    seen = []
    before = torch.get_num_threads()
    hooks = []
    try:
        torch.set_num_threads(2)
        q = lm_scorer(tiny_lm, ByteTokenizer())  # on a CPU: the int8 copy
        hooks.append(q.model.model.layers[0].register_forward_pre_hook(lambda *_: seen.append(torch.get_num_threads())))
        q("Request: lamp\nAction:", [" on", " off please"])
        assert seen and set(seen) == {1}  # every pass of the call ran on one thread
        assert torch.get_num_threads() == 2  # and torch's own setting is back
        hooks.append(tiny_lm.model.layers[0].register_forward_pre_hook(lambda *_: seen.append(torch.get_num_threads())))
        seen.clear()
        lm_scorer(tiny_lm, ByteTokenizer(), quantize=False)("Request: lamp\nAction:", [" on", " off"])
        assert set(seen) == {2}  # as loaded: torch's setting as it is
        seen.clear()
        lm_scorer(tiny_lm, ByteTokenizer(), quantize=False, threads=1)("Request: lamp\nAction:", [" on", " off"])
        assert set(seen) == {1} and torch.get_num_threads() == 2
    finally:
        for h in hooks:
            h.remove()
        torch.set_num_threads(before)
