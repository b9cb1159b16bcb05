"""On the lent GPU: VRAM telemetry sees an allocation come and go; loading onto CUDA frees memory on unload."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

pytestmark = [pytest.mark.gpu, pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")]

MiB = 1024**2


def _alloc_and_free(tel):
    base = tel.sample_once()
    x = torch.empty(512 * MiB, dtype=torch.uint8, device="cuda:0")
    x.fill_(1)
    torch.cuda.synchronize()
    up = tel.sample_once()
    del x
    torch.cuda.empty_cache()
    down = tel.sample_once()
    return base, up, down


def test_torch_counters_rise_and_come_back():
    from console.core.inference.telemetry import Telemetry

    torch.cuda.init()
    tel = Telemetry(hz=10, window_s=30)
    assert tel.gpus >= 1
    base, up, down = _alloc_and_free(tel)
    a, r = tel.col(0, "allocated"), tel.col(0, "reserved")
    assert up[a] - base[a] >= 512 * MiB and up[r] >= up[a]
    assert down[a] <= base[a] + MiB and down[r] < up[r]
    assert tel.snapshot()["samples"]["gpus"][0]["allocated"][1] >= 512 * MiB
    tel.close()


def test_nvml_used_rises_and_comes_back():
    pytest.importorskip("pynvml", reason="nvidia-ml-py (the [cuda] extra) is not installed")
    from console.core.inference.telemetry import Telemetry

    torch.cuda.init()
    tel = Telemetry(hz=10, window_s=30)
    assert tel.snapshot()["nvml"], "nvidia-ml-py is installed but NVML did not start"
    base, up, down = _alloc_and_free(tel)
    nv, total = tel.col(0, "nvml_used"), tel.col(0, "nvml_total")
    assert up[nv] - base[nv] >= 400 * MiB  # NVML sees the whole process (the 512 MiB block)
    assert down[nv] <= up[nv] - 400 * MiB
    assert up[total] > 1024 * MiB and up[nv] < up[total]
    tel.close()


def test_cuda_load_unload_returns_memory(tmp_path):
    from console.core.inference.fit import cuda_memory
    from console.core.inference.loader import LoadOptions, load_model, unload
    from tests.tiny_model import build_tiny_llama

    folder = build_tiny_llama(tmp_path / "m")
    loaded = load_model(LoadOptions(str(folder), device="cuda", dtype="bf16"))
    assert loaded.plan.device == "cuda" and next(loaded.model.parameters()).is_cuda
    assert loaded.plan.verdict.free_bytes > 0 and cuda_memory()[0].free_bytes > 0
    report = unload(loaded)
    assert report["collected"] and report["returned"], report


def test_cuda_generation_on_the_fast_path(tmp_path):
    from console.core.inference.loader import LoadOptions, load_model
    from console.core.inference.local_engine import LocalEngine
    from console.core.inference.types import ChatMessage, GenParams
    from tests.tiny_model import build_tiny_llama

    folder = build_tiny_llama(tmp_path / "m")
    engine = LocalEngine(load_model(LoadOptions(str(folder), device="cuda", dtype="fp32")))
    out: list[str] = []
    m = engine.generate([ChatMessage("user", "the water is hot")], GenParams(max_new_tokens=32), out.append,
                        lambda: False)
    assert m.new_tokens == 32 and out and m.ttft_s is not None
    assert m.fast_path  # the default: no flag set anywhere
    engine.close()
    assert engine.unload_report["returned"], engine.unload_report


def test_quantization_needs_bitsandbytes_or_works(tmp_path):
    from console.core.inference.loader import LoadOptions, plan_load
    from console.core.inference.types import EngineError
    from tests.tiny_model import build_tiny_llama

    folder = build_tiny_llama(tmp_path / "m")
    try:
        import bitsandbytes  # noqa: F401
    except ImportError:
        with pytest.raises(EngineError) as err:
            plan_load(LoadOptions(str(folder), quantization="8bit"))
        assert "bitsandbytes" in str(err.value) and "pip install" in err.value.hint
    else:
        plan = plan_load(LoadOptions(str(folder), quantization="8bit"))
        assert plan.estimate.quantization == "int8"
