"""stream_generate against transformers' own greedy generate, on a tiny random Llama built here."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from console.core.inference.decode import stream_generate  # noqa: E402


def tiny_llama(seed: int = 0):
    torch.manual_seed(seed)
    cfg = transformers.LlamaConfig(
        vocab_size=96, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
        bos_token_id=None, eos_token_id=None, pad_token_id=None,
    )
    return transformers.LlamaForCausalLM(cfg).eval()


def reference(model, ids, n):
    # an explicit all-ones mask: generate would otherwise mask prompt tokens equal to the pad id
    out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=n, do_sample=False)
    return out[0, ids.shape[1]:].tolist()


@pytest.mark.parametrize("fast", [False, True])
def test_stream_generate_matches_generate(fast):
    model = tiny_llama()
    ids = torch.randint(0, 96, (1, 23), generator=torch.Generator().manual_seed(1))
    got: list[int] = []
    stats = stream_generate(model, ids, 20, eos_token_ids=set(), should_stop=lambda: False,
                            on_token=got.append, fast=fast)
    assert got == reference(model, ids, 20)
    assert stats.new_tokens == 20 and stats.prompt_tokens == 23
    assert stats.finish_reason == "length"
    assert stats.ttft_s is not None and stats.ttft_s <= stats.e2e_s


def test_stops_at_eos_and_passes_it_on():
    model = tiny_llama()
    ids = torch.randint(0, 96, (1, 10), generator=torch.Generator().manual_seed(2))
    ref = reference(model, ids, 12)
    eos = ref[5]
    got: list[int] = []
    stats = stream_generate(model, ids, 12, eos_token_ids={eos}, should_stop=lambda: False, on_token=got.append)
    first = ref.index(eos)
    assert got == ref[: first + 1]
    assert stats.finish_reason == "stop" and stats.new_tokens == first + 1


def test_cancel_between_tokens():
    model = tiny_llama()
    ids = torch.randint(0, 96, (1, 10), generator=torch.Generator().manual_seed(3))
    got: list[int] = []
    stats = stream_generate(model, ids, 50, eos_token_ids=set(), should_stop=lambda: len(got) >= 3,
                            on_token=got.append)
    assert stats.finish_reason == "cancelled"
    assert len(got) == 3 and stats.new_tokens == 3


def test_rejects_batches():
    model = tiny_llama()
    with pytest.raises(ValueError, match="one sequence"):
        stream_generate(model, torch.zeros((2, 4), dtype=torch.long), 4, eos_token_ids=set(),
                        should_stop=lambda: False, on_token=lambda t: None)
