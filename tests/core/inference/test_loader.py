"""Loading: a tiny model built here, the bundled GGUF and its conversion cache, the fit check, errors."""

from __future__ import annotations

import os
import shutil

import pytest

import torch  # a hard dependency: a broken install fails here

from console.core.inference import fit  # noqa: E402
from console.core.inference.loader import (  # noqa: E402
    LoadCancelled,
    LoadOptions,
    gguf_cache_dir,
    load_model,
    plan_load,
    unload,
)
from console.core.inference.types import EngineError  # noqa: E402
from tests.tiny_model import converted_gguf, tiny_model_dir  # noqa: E402,F401


def test_tiny_folder_loads_on_cpu_and_unloads(tiny_model_dir):
    stages = []
    loaded = load_model(LoadOptions(str(tiny_model_dir)), progress=lambda s, f: stages.append((s, f)))
    info = loaded.info()
    assert info["kind"] == "folder" and info["device"] == "cpu" and info["dtype"] == "fp32"
    assert info["params"] == sum(p.numel() for p in loaded.model.parameters())
    assert loaded.model.dtype == torch.float32 and not loaded.model.training
    assert stages[0][0] == "estimate" and stages[-1] == ("ready", 1.0)
    assert "weights" in {s for s, _ in stages}  # transformers' loading loop reported through our hook
    report = unload(loaded)
    assert report["collected"] and report["returned"], report
    assert loaded.model is None


def test_dtype_option(tiny_model_dir):
    loaded = load_model(LoadOptions(str(tiny_model_dir), dtype="bf16"))
    assert loaded.model.dtype == torch.bfloat16 and loaded.plan.dtype == "bf16"
    unload(loaded)


def test_refused_when_estimate_exceeds_max_memory(tiny_model_dir):
    opts = LoadOptions(str(tiny_model_dir), max_memory={"cpu": "1MiB"})
    plan = plan_load(opts)
    assert not plan.verdict.fits and plan.verdict.free_bytes == 1024**2
    with pytest.raises(EngineError) as err:
        load_model(opts, plan=plan)
    msg = str(err.value)
    assert fit.fmt_bytes(plan.verdict.needed_bytes) in msg and "1 MiB" in msg, msg  # both numbers
    assert "quantization" in err.value.hint


def test_load_anyway_warns(tiny_model_dir):
    loaded = load_model(LoadOptions(str(tiny_model_dir), max_memory={"cpu": "1MiB"}, on_no_fit="warn"))
    assert any("may not fit" in w and "1 MiB" in w for w in loaded.warnings)
    unload(loaded)


def test_quantization_without_cuda_is_a_clear_error(tiny_model_dir):
    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(EngineError) as err:
        plan_load(LoadOptions(str(tiny_model_dir), quantization="4bit"))
    assert "CUDA" in str(err.value) and "quantization" in err.value.hint


@pytest.mark.parametrize(
    "source, words",
    [("", "no model source"), ("/no/such/model.gguf", "not found"), ("not a model", "cannot tell"),
     ("/no/such/dir", "cannot tell")],
)
def test_bad_sources(source, words):
    with pytest.raises(EngineError) as err:
        plan_load(LoadOptions(source))
    assert words in str(err.value) and err.value.hint


def test_folder_without_config(tmp_path):
    (tmp_path / "weights.bin").write_bytes(b"x")
    with pytest.raises(EngineError) as err:
        plan_load(LoadOptions(str(tmp_path)))
    assert "config.json" in str(err.value)


def test_bad_max_memory(tiny_model_dir):
    with pytest.raises(EngineError) as err:
        plan_load(LoadOptions(str(tiny_model_dir), max_memory={"cpu": "lots"}))
    assert "lots" in str(err.value) and "GiB" in err.value.hint


def test_cancel_during_load(tiny_model_dir):
    with pytest.raises(LoadCancelled):
        load_model(LoadOptions(str(tiny_model_dir)), should_stop=lambda: True)


def _hub_cache(root, repo, files_from):
    """The Hugging Face cache layout (refs/main → snapshots/<commit>/...), as a download leaves it."""
    commit = "0123456789abcdef0123456789abcdef01234567"
    base = root / ("models--" + repo.replace("/", "--"))
    (base / "refs").mkdir(parents=True)
    (base / "refs" / "main").write_text(commit)
    shutil.copytree(files_from, base / "snapshots" / commit)


def test_hub_id_from_the_local_cache_only(tiny_model_dir, tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    _hub_cache(tmp_path / "hub", "acme/tiny-llama", tiny_model_dir)
    loaded = load_model(LoadOptions("acme/tiny-llama"))
    assert loaded.plan.kind == "hub" and loaded.model.config.model_type == "llama"
    unload(loaded)
    with pytest.raises(EngineError) as err:
        plan_load(LoadOptions("acme/missing-model"))
    assert "not in the local Hugging Face cache" in str(err.value) and "hf download acme/missing-model" in err.value.hint


def test_gguf_cache_key_follows_the_file(tmp_path):
    f = tmp_path / "m.gguf"
    f.write_bytes(b"GGUF" + bytes(100))
    k1 = gguf_cache_dir(f)
    assert gguf_cache_dir(f) == k1
    os.utime(f, ns=(1_000_000_000, 1_000_000_000))
    assert gguf_cache_dir(f) != k1


def test_bundled_gguf_second_load_uses_the_cache(converted_gguf, bundled_gguf, monkeypatch):
    root, first, reference = converted_gguf
    assert first["from_cache"] is False and first["kind"] == "gguf"
    assert "convert" in first["stages"] and "save cache" in first["stages"]
    monkeypatch.setenv("AUTOGLM_MODEL_DIR", str(root))
    plan = plan_load(LoadOptions(str(bundled_gguf)))
    assert plan.summary()["gguf_cached"] and (plan.gguf_cache / "model.safetensors").is_file()
    stages = []
    loaded = load_model(LoadOptions(str(bundled_gguf)), progress=lambda s, f: stages.append(s), plan=plan)
    assert loaded.from_cache and "convert" not in stages
    from console.core.inference.local_engine import LocalEngine
    from console.core.inference.types import ChatMessage, GenParams

    engine = LocalEngine(loaded)
    out = []
    engine.generate([ChatMessage("user", "What is the capital of France?")], GenParams(max_new_tokens=12),
                    out.append, lambda: False)
    assert "".join(out) == reference and "Paris" in reference  # the cached weights are the converted ones
    engine.close()
    assert engine.unload_report["collected"]


def test_from_pretrained_kwargs_for_cuda(tiny_model_dir):
    """What a CUDA load passes to transformers (built on the CPU machine: no GPU needed to check it)."""
    import dataclasses

    from console.core.inference.loader import from_pretrained_kwargs

    opts = LoadOptions(str(tiny_model_dir), dtype="bf16", max_memory={"0": "20GiB", "1": "20GiB", "cpu": "30GiB"})
    plan = dataclasses.replace(plan_load(dataclasses.replace(opts, max_memory=None)), device="cuda", dtype="bf16")
    kw = from_pretrained_kwargs(plan, opts)
    assert kw["device_map"] == "auto" and kw["dtype"] == torch.bfloat16
    assert kw["max_memory"] == {0: "20GiB", 1: "20GiB", "cpu": "30GiB"}  # accelerate wants int GPU ids
    kw4 = from_pretrained_kwargs(plan, dataclasses.replace(opts, quantization="4bit"))
    q = kw4["quantization_config"]
    assert q.load_in_4bit and q.bnb_4bit_quant_type == "nf4" and q.bnb_4bit_compute_dtype == torch.bfloat16
    assert from_pretrained_kwargs(plan, dataclasses.replace(opts, quantization="8bit"))["quantization_config"].load_in_8bit
    cpu_plan = dataclasses.replace(plan, device="cpu")
    assert set(from_pretrained_kwargs(cpu_plan, opts)) == {"dtype", "low_cpu_mem_usage"}


def test_gguf_conversion_refused_without_the_ram(bundled_gguf):
    opts = LoadOptions(str(bundled_gguf), device="cpu", max_memory={"cpu": "100MiB"})
    plan = plan_load(opts)
    assert plan.convert_verdict is not None and not plan.convert_verdict.fits
    with pytest.raises(EngineError) as err:
        load_model(opts, plan=plan)
    assert "not converting" in str(err.value) and "100 MiB" in str(err.value)
    assert not plan.gguf_cache.exists()  # refused before anything was converted or written
