"""stream_generate against transformers' own greedy generate, on tiny random models built here."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here
import transformers  # a hard dependency: a broken install fails here

from console.core.inference.decode import stream_generate  # noqa: E402

VOCAB = 96
ARCHS = ("llama", "qwen2", "glm", "glm4")


def tiny_model(arch: str = "llama", seed: int = 0, dtype=torch.float32, **overrides):
    """A 2-layer model of the family ``arch`` with random weights (float32: greedy ties stay rare).

    initializer_range 0.3 spreads the logits so the greedy choice is not decided by rounding."""
    torch.manual_seed(seed)
    common = dict(
        vocab_size=VOCAB, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, max_position_embeddings=1024, initializer_range=0.3,
        bos_token_id=None, eos_token_id=None, pad_token_id=None,
    )
    common.update(overrides)
    if arch == "llama":
        model = transformers.LlamaForCausalLM(transformers.LlamaConfig(**common))
    elif arch == "qwen2":
        model = transformers.Qwen2ForCausalLM(transformers.Qwen2Config(tie_word_embeddings=True, **common))
    elif arch == "glm":
        model = transformers.GlmForCausalLM(transformers.GlmConfig(head_dim=16, **common))
    elif arch == "glm4":
        model = transformers.Glm4ForCausalLM(transformers.Glm4Config(head_dim=16, **common))
    else:
        raise ValueError(arch)
    return model.to(dtype).eval()


def prompt(n: int, seed: int = 1):
    return torch.randint(0, VOCAB, (1, n), generator=torch.Generator().manual_seed(seed))


def reference(model, ids, n):
    # an explicit all-ones mask: generate would otherwise mask prompt tokens equal to the pad id
    out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=n, do_sample=False)
    return out[0, ids.shape[1]:].tolist()


def run(model, ids, n, **kw):
    got: list[int] = []
    kw.setdefault("eos_token_ids", set())
    kw.setdefault("should_stop", lambda: False)
    stats = stream_generate(model, ids, n, on_token=got.append, **kw)
    return got, stats


@pytest.mark.parametrize("fast", [False, True])
def test_stream_generate_matches_generate(fast):
    model = tiny_model()
    ids = prompt(23)
    got, stats = run(model, ids, 20, fast=fast)
    assert got == reference(model, ids, 20)
    assert stats.fast_path is fast
    assert stats.new_tokens == 20 and stats.prompt_tokens == 23 and stats.cached_prompt_tokens == 0
    assert stats.finish_reason == "length"
    assert stats.ttft_s is not None and stats.ttft_s <= stats.e2e_s


@pytest.mark.parametrize("fast", [False, True])
def test_stops_at_eos_and_passes_it_on(fast):
    model = tiny_model()
    ids = prompt(10, seed=2)
    ref = reference(model, ids, 12)
    eos = ref[5]
    got, stats = run(model, ids, 12, eos_token_ids={eos}, fast=fast)
    first = ref.index(eos)
    assert got == ref[: first + 1]
    assert stats.finish_reason == "stop" and stats.new_tokens == first + 1


@pytest.mark.parametrize("fast", [False, True])
def test_cancel_between_tokens(fast):
    model = tiny_model()
    got: list[int] = []
    stats = stream_generate(model, prompt(10, seed=3), 50, eos_token_ids=set(), should_stop=lambda: len(got) >= 3,
                            on_token=got.append, fast=fast)
    assert stats.finish_reason == "cancelled"
    assert len(got) == 3 and stats.new_tokens == 3


@pytest.mark.parametrize("fast", [False, True])
def test_cancel_before_start_decodes_nothing(fast):
    got, stats = run(tiny_model(), prompt(5), 8, should_stop=lambda: True, fast=fast)
    assert got == [] and stats.new_tokens == 0 and stats.finish_reason == "cancelled" and stats.ttft_s is None


def test_rejects_bad_input():
    model = tiny_model()
    with pytest.raises(ValueError, match="one sequence"):
        run(model, torch.zeros((2, 4), dtype=torch.long), 4)
    with pytest.raises(ValueError, match="at least one prompt token"):
        run(model, torch.zeros((1, 0), dtype=torch.long), 4)
    with pytest.raises(ValueError, match="max_new_tokens"):
        run(model, prompt(3), 0)
