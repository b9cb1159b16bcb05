"""On the lent GPU: a real CUDA out-of-memory during generation is caught, memory comes back, the
engine keeps working; quantization errors are clear."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

pytestmark = [pytest.mark.gpu, pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")]


@pytest.fixture
def cuda_engine(tmp_path):
    from console.core.inference.loader import LoadOptions, load_model
    from console.core.inference.local_engine import LocalEngine
    from tests.tiny_model import build_tiny_llama

    folder = build_tiny_llama(tmp_path / "m")
    engine = LocalEngine(load_model(LoadOptions(str(folder), device="cuda", dtype="bf16")))
    yield engine
    engine.close()


def test_cuda_oom_during_generation_is_caught_and_freed(cuda_engine):
    from console.core.inference.local_engine import LocalEngine
    from console.core.inference.types import ChatMessage, EngineError, GenParams

    prompt = [ChatMessage("user", "the water is hot")]
    free, total = torch.cuda.mem_get_info()

    def hog(module, args):  # a real torch.OutOfMemoryError from the CUDA caching allocator
        torch.empty(total * 2, dtype=torch.uint8, device="cuda")

    plain = LocalEngine(cuda_engine.loaded, prefix_cache=None, fast=False)  # the plain path runs module forwards
    before = torch.cuda.memory_allocated()
    h = cuda_engine.loaded.model.model.layers[0].register_forward_pre_hook(hog)
    with pytest.raises(EngineError) as err:
        plain.generate(prompt, GenParams(max_new_tokens=4), lambda s: None, lambda: False)
    h.remove()
    assert "out of memory while generating" in str(err.value) and "free now: cuda:0" in str(err.value)
    assert torch.cuda.memory_allocated() <= before + 8 * 1024**2  # nothing of the request stays
    got: list[str] = []
    m = cuda_engine.generate(prompt, GenParams(max_new_tokens=8), got.append, lambda: False)
    assert m.new_tokens == 8 and got


def test_refused_when_max_memory_is_too_small(tmp_path):
    from console.core.inference.loader import LoadOptions, load_model
    from console.core.inference.types import EngineError
    from tests.tiny_model import build_tiny_llama

    folder = build_tiny_llama(tmp_path / "m")
    with pytest.raises(EngineError) as err:
        load_model(LoadOptions(str(folder), device="cuda", max_memory={"0": "1MiB"}))
    assert "only 1 MiB is free on cuda:0" in str(err.value)
