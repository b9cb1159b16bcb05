"""Prefix cache: same tokens with and without it, on both decode paths; LRU by bytes."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

from console.core.inference.prefix_cache import PrefixCache  # noqa: E402
from tests.core.inference.test_decode import VOCAB, reference, run, tiny_model  # noqa: E402


def ids_of(tokens):
    return torch.tensor([tokens], dtype=torch.long)


def rand_tokens(n, seed):
    return torch.randint(0, VOCAB, (n,), generator=torch.Generator().manual_seed(seed)).tolist()


FLEET = rand_tokens(150, 100)  # the repeated description
ASK1, ASK2, ASK3 = rand_tokens(9, 101), rand_tokens(12, 102), rand_tokens(5, 103)


@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize("arch", ["llama", "glm"])
def test_same_tokens_with_and_without_cache(arch, fast):
    model = tiny_model(arch)
    cache = PrefixCache(min_tokens=16)
    first = ids_of(FLEET + ASK1)
    got1, s1 = run(model, first, 12, prefix_cache=cache, fast=fast)
    assert s1.cached_prompt_tokens == 0 and len(cache) == 1
    assert got1 == reference(model, first, 12)

    second = ids_of(FLEET + ASK2)
    got2, s2 = run(model, second, 12, prefix_cache=cache, fast=fast)
    assert s2.fast_path is fast
    assert s2.cached_prompt_tokens >= len(FLEET)  # at least the shared description
    assert s2.cached_prompt_tokens < s2.prompt_tokens == len(FLEET) + len(ASK2)
    assert got2 == reference(model, second, 12) == run(model, second, 12, fast=fast)[0]

    same = ids_of(FLEET + ASK2)  # the very same prompt again: all but the last token reused
    got3, s3 = run(model, same, 12, prefix_cache=cache, fast=fast)
    assert s3.cached_prompt_tokens == s3.prompt_tokens - 1 and got3 == got2
    assert cache.hits == 2 and cache.misses == 1


def test_entries_cross_between_paths():
    """An entry stored by the plain path serves the fast path and the other way round."""
    model = tiny_model("qwen2")
    cache = PrefixCache(min_tokens=16)
    run(model, ids_of(FLEET + ASK1), 4, prefix_cache=cache, fast=False)
    ids = ids_of(FLEET + ASK3)
    got, stats = run(model, ids, 10, prefix_cache=cache, fast=True)
    assert stats.fast_path and stats.cached_prompt_tokens >= len(FLEET)
    assert got == reference(model, ids, 10)
    ids = ids_of(FLEET + ASK2)
    got, stats = run(model, ids, 10, prefix_cache=cache, fast=False)
    assert stats.cached_prompt_tokens >= len(FLEET) and got == reference(model, ids, 10)


def fake_kv(n, layers=2):
    return torch.randn(layers, 2, 2, n, 16)


def test_lru_bounded_by_bytes():
    model = object()
    one = fake_kv(40).numel() * 4
    cache = PrefixCache(max_bytes=int(2.5 * one), min_tokens=4)
    prompts = [rand_tokens(40, s) for s in range(3)]
    for p in prompts[:2]:
        cache.store(p, fake_kv(40), model)
    assert cache.lookup(prompts[0] + [1], model).length == 40  # touches the first: the second is oldest
    cache.store(prompts[2], fake_kv(40), model)
    assert len(cache) == 2 and cache.nbytes <= cache.max_bytes
    assert cache.lookup(prompts[1] + [1], model) is None
    assert cache.lookup(prompts[0] + [1], model) is not None
    cache.store(rand_tokens(200, 9), fake_kv(200), model)  # bigger than the whole budget: not kept
    assert len(cache) == 2


def test_longer_prompt_replaces_its_prefix_and_short_matches_are_ignored():
    model = object()
    cache = PrefixCache(min_tokens=8)
    base = rand_tokens(20, 1)
    cache.store(base, fake_kv(20), model)
    cache.store(base + [3, 4, 5], fake_kv(23), model)
    assert len(cache) == 1
    hit = cache.lookup(base + [3, 4, 9], model)
    assert hit.length == 22 and hit.kv.shape[3] == 23
    assert cache.lookup(base[:5] + rand_tokens(30, 2), model) is None  # 5 shared tokens < min_tokens
    assert cache.lookup(base + [3, 4, 5], model).length == 22  # the last token is always recomputed


def test_entries_belong_to_one_model_and_clear_frees_them():
    a, b = object(), object()
    cache = PrefixCache(min_tokens=4)
    p = rand_tokens(10, 3)
    cache.store(p, fake_kv(10), a)
    assert cache.lookup(p + [0], b) is None  # another model: entries dropped
    assert len(cache) == 0
    cache.store(p, fake_kv(10), b)
    cache.clear()
    assert len(cache) == 0 and cache.nbytes == 0


def test_bad_entry_shape_is_refused():
    with pytest.raises(ValueError, match="does not match"):
        PrefixCache(min_tokens=4).store(rand_tokens(10, 4), fake_kv(9), object())


def test_fast_path_reuses_its_own_cache_rows_in_place():
    """The fast path keeps the last prompt's KV rows in its static cache: the next request with the
    same description starts after it with no entry and no copy; other prompts in between, or a
    prompt sharing only part of it, are served from the entries (only the missing rows copied)."""
    from console.core.inference import fastdecode

    model = tiny_model("qwen2")
    cache = PrefixCache(min_tokens=16)
    run(model, ids_of(FLEET + ASK1), 4, prefix_cache=cache, fast=True)
    runner = fastdecode.runner_for(model)
    assert runner.resident.tolist() == FLEET + ASK1
    cache.clear()  # no entries left: only the rows in place can serve the next request
    ids = ids_of(FLEET + ASK2)
    got, stats = run(model, ids, 10, prefix_cache=cache, fast=True)
    assert stats.cached_prompt_tokens == len(FLEET) and cache.hits == 1
    assert got == reference(model, ids, 10)

    # another prompt in between: its rows replace the description's, an entry serves it again
    other = rand_tokens(40, 104)
    run(model, ids_of(other), 4, prefix_cache=cache, fast=True)
    assert runner.resident.tolist() == other
    ids = ids_of(FLEET + ASK3)
    got, stats = run(model, ids, 10, prefix_cache=cache, fast=True)
    assert stats.cached_prompt_tokens == len(FLEET) and got == reference(model, ids, 10)

    # the rows in place share 100 tokens, the best entry 150: rows 100..149 come from the entry
    run(model, ids_of(FLEET[:100] + other), 4, prefix_cache=cache, fast=True)
    ids = ids_of(FLEET + ASK1)
    got, stats = run(model, ids, 10, prefix_cache=cache, fast=True)
    assert stats.cached_prompt_tokens == len(FLEET) and got == reference(model, ids, 10)

    # without a prefix cache every prompt token is computed, rows in place or not
    got, stats = run(model, ids, 10, fast=True)
    assert stats.cached_prompt_tokens == 0 and got == reference(model, ids, 10)


def test_lookup_beyond_rows_held():
    model = object()
    cache = PrefixCache(min_tokens=8)
    base = rand_tokens(30, 5)
    cache.store(base, fake_kv(30), model)
    assert cache.lookup(base + [1], model, have=12).length == 30  # the entry holds more
    assert cache.lookup(base + [1], model, have=30) is None  # it holds nothing more: a hit all the same
    assert cache.lookup(base[:20] + [1, 2], model, have=20, scan=False) is None
    assert cache.lookup(rand_tokens(30, 6), model, have=4) is None  # 4 held < min_tokens: a miss
    assert (cache.hits, cache.misses) == (3, 1)
