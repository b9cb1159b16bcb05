"""The fast path (static cache; CUDA graphs on GPU) gives transformers' greedy tokens, and falls back
to the plain path where it does not apply.  CPU: the static-cache step runs eagerly."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

from console.core.inference import fastdecode  # noqa: E402
from tests.core.inference.test_decode import ARCHS, prompt, reference, run, tiny_model  # noqa: E402


@pytest.mark.parametrize("arch", ARCHS)
def test_fast_path_equals_generate(arch):
    model = tiny_model(arch)
    assert fastdecode.unsupported_reason(model) is None
    ids = prompt(37, seed=4)
    ref = reference(model, ids, 24)
    got, stats = run(model, ids, 24)
    assert stats.fast_path and got == ref
    # a second request on the same runner (static cache reused, earlier rows overwritten)
    ids2 = prompt(11, seed=5)
    got2, _ = run(model, ids2, 24)
    assert got2 == reference(model, ids2, 24)


def test_plain_path_still_right_after_repacking():
    """The runner packs q/k/v and gate/up into single matrices, leaving views in the model."""
    model = tiny_model("qwen2")
    ids = prompt(20, seed=6)
    ref = reference(model, ids, 16)
    run(model, ids, 4)  # builds the runner
    assert model.model.layers[0].self_attn.k_proj.weight.data_ptr() != 0
    assert reference(model, ids, 16) == ref
    got, stats = run(model, ids, 16, fast=False)
    assert got == ref and not stats.fast_path


def test_long_prompt_in_segments_and_capacity_growth(monkeypatch):
    monkeypatch.setattr(fastdecode, "PREFILL_SEGMENT", 64)
    monkeypatch.setattr(fastdecode, "MIN_CAPACITY", 256)
    model = tiny_model("glm", max_position_embeddings=2048)
    short = prompt(20, seed=7)
    assert run(model, short, 8)[0] == reference(model, short, 8)
    assert fastdecode.runner_for(model).capacity == 256
    long = prompt(300, seed=8)  # 5 prefill segments, and the cache grows past 256
    got, stats = run(model, long, 30)
    assert stats.fast_path and got == reference(model, long, 30)
    assert fastdecode.runner_for(model).capacity >= 330
    fastdecode.release(model)
    assert fastdecode.runner_for(model).capacity == 0


def test_too_long_for_the_model_is_a_clear_error():
    model = tiny_model("llama", max_position_embeddings=64)
    with pytest.raises(ValueError, match="exceed the model's 64 positions"):
        run(model, prompt(60), 10)


def test_unsupported_models_fall_back_with_the_same_tokens():
    sliding = tiny_model("qwen2", use_sliding_window=True, sliding_window=8, max_window_layers=0)
    reason = fastdecode.unsupported_reason(sliding)
    assert reason and "sliding" in reason
    ids = prompt(20, seed=9)
    got, stats = run(sliding, ids, 10)
    assert not stats.fast_path and got == reference(sliding, ids, 10)

    class Custom(torch.nn.Linear):  # stands in for a quantized linear (bitsandbytes subclasses Linear)
        pass

    model = tiny_model("llama")
    old = model.model.layers[1].mlp.down_proj
    new = Custom(old.in_features, old.out_features, bias=False)
    new.weight = old.weight
    model.model.layers[1].mlp.down_proj = new
    assert "Custom" in fastdecode.unsupported_reason(model)
    got, stats = run(model, ids, 10)
    assert not stats.fast_path and got == reference(model, ids, 10)


def test_bfloat16_fast_path_runs_and_mostly_agrees():
    """bf16 rounds differently in the two paths; the first tokens agree on this model."""
    model = tiny_model("qwen2", dtype=torch.bfloat16)
    ids = prompt(30, seed=10)
    ref = reference(model, ids, 8)
    got, stats = run(model, ids, 8)
    assert stats.fast_path and len(got) == 8
    assert got[:2] == ref[:2]


def test_release_lets_the_model_go():
    import gc
    import weakref

    model = tiny_model("llama")
    run(model, prompt(12), 6)
    ref = weakref.ref(model)
    fastdecode.release(model)
    del model
    gc.collect()
    assert ref() is None


def test_dropping_the_model_drops_its_runner():
    import gc
    import weakref

    model = tiny_model("qwen2")
    run(model, prompt(12), 6)
    ref = weakref.ref(model)
    del model
    gc.collect()
    assert ref() is None
