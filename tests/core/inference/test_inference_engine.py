"""LocalEngine on a tiny random Llama: streamed text equals greedy generate, stop strings, truncation, OOM."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

from console.core.inference.loader import LoadOptions, load_model  # noqa: E402
from console.core.inference.local_engine import IncrementalDecoder, LocalEngine, StopMatcher  # noqa: E402
from console.core.inference.types import ChatMessage, EngineError, GenParams  # noqa: E402
from tests.tiny_model import build_tokenizer, tiny_model_dir  # noqa: E402,F401

PROMPT = [ChatMessage("user", "the water is hot and the air is low")]


@pytest.fixture
def engine(tiny_model_dir):
    e = LocalEngine(load_model(LoadOptions(str(tiny_model_dir))))
    yield e
    e.close()


def reference_text(engine, n):
    ids = engine.encode(PROMPT, [])
    out = engine.loaded.model.generate(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                                       max_new_tokens=n, do_sample=False)
    return engine.loaded.tokenizer.decode(out[0, len(ids):], skip_special_tokens=True)


def test_streamed_text_equals_greedy_generate(engine):
    from console.core.inference.types import Engine

    assert isinstance(engine, Engine) and engine.name == "local"
    pieces: list[str] = []
    m = engine.generate(PROMPT, GenParams(max_new_tokens=24), pieces.append, lambda: False)
    assert len(pieces) > 1  # streamed, not one block
    assert "".join(pieces).strip() == reference_text(engine, 24).strip()
    assert m.prompt_tokens == len(engine.encode(PROMPT, [])) and m.new_tokens == 24
    assert m.finish_reason == "length" and m.ttft_s is not None and m.e2e_s >= m.ttft_s
    assert m.decode_tps and m.decode_tps > 0


def test_stop_string_cuts_the_answer(engine):
    full: list[str] = []
    engine.generate(PROMPT, GenParams(max_new_tokens=24), full.append, lambda: False)
    words = "".join(full).split()
    stop = f" {words[3]}"  # a string that appears in the answer
    got: list[str] = []
    m = engine.generate(PROMPT, GenParams(max_new_tokens=24, stop=(stop,)), got.append, lambda: False)
    text = "".join(got)
    assert m.finish_reason == "stop" and stop not in text
    assert "".join(full).startswith(text) and m.new_tokens < 24


def test_cancel_between_tokens(engine):
    got: list[str] = []
    m = engine.generate(PROMPT, GenParams(max_new_tokens=200), got.append, lambda: len(got) >= 3)
    assert m.cancelled and m.finish_reason == "cancelled" and 3 <= m.new_tokens < 200


def test_truncation_keeps_the_end_with_a_warning(engine):
    long = [ChatMessage("user", " ".join(["water"] * 60) + " end")]
    got: list[str] = []
    m = engine.generate(long, GenParams(max_new_tokens=4, max_input_tokens=16), got.append, lambda: False)
    assert m.prompt_tokens == 16 and m.truncated_tokens > 40
    assert any("truncated" in w for w in m.warnings)


def test_out_of_memory_during_generation_is_caught(engine):
    """A real allocator failure inside the forward (a 4 TiB allocation from a hook), not a mock.

    The plain decode path runs the modules' forward (the fast path reads the weights directly, so a
    hook would not fire there); the engine's OOM handling around stream_generate is the same."""

    def hog(module, args):
        torch.empty(2**42, dtype=torch.uint8)

    plain = LocalEngine(engine.loaded, fast=False)
    h = engine.loaded.model.model.layers[0].register_forward_pre_hook(hog)
    with pytest.raises(EngineError) as err:
        plain.generate(PROMPT, GenParams(max_new_tokens=4), lambda s: None, lambda: False)
    h.remove()
    assert "out of memory while generating" in str(err.value) and "keeps running" in err.value.hint
    got: list[str] = []
    m = engine.generate(PROMPT, GenParams(max_new_tokens=4), got.append, lambda: False)  # still usable
    assert m.new_tokens == 4 and got


def test_incremental_decoder_handles_split_utf8(bundled_gguf):
    import gguf  # noqa: F401 - a hard dependency
    # byte-level BPE splits "é" (and CJK) into byte tokens: pieces must never carry half a character
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(bundled_gguf.parent), gguf_file=bundled_gguf.name)
    text = "Café 北京 naïve ok"
    ids = tok(text, add_special_tokens=False)["input_ids"]
    dec = IncrementalDecoder(tok)
    pieces = [dec.push(i) for i in ids] + [dec.flush()]
    assert "".join(pieces) == text and not any("\ufffd" in p for p in pieces)


def test_stop_matcher_across_pieces():
    m = StopMatcher(("<END>",))
    out = [m.feed(p) for p in ("hello <E", "N", "D> more")]
    assert "".join(out) == "hello " and m.stopped
    m2 = StopMatcher(("<END>",))
    assert m2.feed("a <") == "a " and m2.feed("b") == "<b" and m2.flush() == ""


def test_tokenizer_without_chat_template_warns(engine):
    engine.loaded.tokenizer.chat_template = None
    warnings: list[str] = []
    ids = engine.encode(PROMPT, warnings)
    assert ids and any("chat template" in w for w in warnings)
    assert build_tokenizer().chat_template  # the fixture's own tokenizer does have one


def test_max_new_tokens_capped_by_the_context(tmp_path):
    from tests.tiny_model import build_tiny_llama

    short = LocalEngine(load_model(LoadOptions(str(build_tiny_llama(tmp_path / "m", max_positions=48)))))
    got: list[str] = []
    m = short.generate(PROMPT, GenParams(max_new_tokens=5000), got.append, lambda: False)
    assert m.prompt_tokens + m.new_tokens < 48 and any("context is 48" in w for w in m.warnings)
    assert m.new_tokens > 20 and got
    short.close()


def test_repeated_prefix_is_served_from_the_prefix_cache(engine, tiny_model_dir):
    system = ChatMessage("system", " ".join(["the water is hot and the air is low"] * 6))
    first: list[str] = []
    m1 = engine.generate([system, ChatMessage("user", "one")], GenParams(max_new_tokens=8), first.append,
                         lambda: False)
    got: list[str] = []
    m2 = engine.generate([system, ChatMessage("user", "two")], GenParams(max_new_tokens=8), got.append,
                         lambda: False)
    assert m1.cached_prompt_tokens == 0 and m2.cached_prompt_tokens >= 48
    fresh = LocalEngine(engine.loaded, prefix_cache=None)  # the same request without any cache
    ref: list[str] = []
    fresh.generate([system, ChatMessage("user", "two")], GenParams(max_new_tokens=8), ref.append, lambda: False)
    assert "".join(got) == "".join(ref)
