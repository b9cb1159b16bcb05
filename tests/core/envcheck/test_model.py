"""The doctor's model rows and the memory estimate they rest on, against real (tiny, random) models
saved by the test, the bundled GGUF file, and broken folders."""

from __future__ import annotations

import json

import pytest
import torch
from tokenizers import Tokenizer, models
from transformers import AutoModelForCausalLM, Glm4Config, LlamaConfig, Qwen2Config

from console.core.envcheck import DoctorContext
from console.core.envcheck.model_checks import check_model, memory_row
from console.core.inference import memory


def _tiny(tmp_path, config, name="m"):
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(config)
    folder = tmp_path / name
    model.save_pretrained(folder)
    tok = Tokenizer(models.WordLevel({"<unk>": 0, "hi": 1}, unk_token="<unk>"))
    tok.save(str(folder / "tokenizer.json"))
    return folder, model


SMALL = dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
             num_key_value_heads=2, vocab_size=256, max_position_embeddings=512)


@pytest.mark.parametrize("cls, extra, exact", [
    (LlamaConfig, {"tie_word_embeddings": False}, True),
    (LlamaConfig, {"tie_word_embeddings": True}, True),
    (Qwen2Config, {"tie_word_embeddings": False}, True),  # q/k/v biases
    (Glm4Config, {"head_dim": 16, "pad_token_id": 0, "eos_token_id": 1}, True),  # two extra norms per layer
])
def test_parameter_count_from_config_matches_the_real_model(tmp_path, cls, extra, exact):
    folder, model = _tiny(tmp_path, cls(**SMALL, **extra))
    real = sum(p.numel() for p in model.parameters())
    from_config = memory.shape_from_config(json.loads((folder / "config.json").read_text())).params
    if exact:
        assert from_config == real
    else:
        assert abs(from_config - real) / real < 0.005
    shape = memory.model_shape(folder)
    assert shape.source == "safetensors"
    assert shape.params == real  # the safetensors headers give the exact count


def test_bundled_gguf_header_matches_the_gguf_library(bundled_gguf):
    from gguf import GGUFReader

    info = memory.read_gguf(bundled_gguf)
    reader = GGUFReader(str(bundled_gguf))
    assert info.tensor_params == sum(int(t.n_elements) for t in reader.tensors)
    assert info.tensor_count == len(reader.tensors)
    shape = memory.shape_from_gguf(info)
    assert shape.model_type == "llama" and shape.layers == 30 and shape.kv_heads == 3


def test_estimate_scales_with_dtype_and_quantization():
    shape = memory.shape_from_config({"model_type": "glm4", "hidden_size": 4096, "intermediate_size": 13696,
                                      "num_hidden_layers": 40, "num_attention_heads": 32, "num_key_value_heads": 2,
                                      "head_dim": 128, "vocab_size": 151552, "attention_bias": True,
                                      "tie_word_embeddings": False, "max_position_embeddings": 131072})
    assert 9.0e9 < shape.params < 9.8e9  # GLM-4-9B
    bf16 = memory.estimate_memory(shape, "bf16", "none", 4096)
    fp32 = memory.estimate_memory(shape, "fp32", "none", 4096)
    q4 = memory.estimate_memory(shape, "bf16", "4bit", 4096)
    assert fp32.weights_bytes == 2 * bf16.weights_bytes
    assert q4.weights_bytes < bf16.weights_bytes / 2.5
    assert bf16.kv_cache_bytes == 2 * 40 * 2 * 128 * 4096 * 2
    assert bf16.total_bytes > bf16.weights_bytes


def test_bundled_gguf_rows_are_ok(bundled_gguf):
    rows = {r.name: r for r in check_model(DoctorContext(model=str(bundled_gguf)))}
    assert rows["Model files"].status == "ok" and "GGUF" in rows["Model files"].value
    assert rows["Model config"].status == "ok" and "llama" in rows["Model config"].value
    mem = rows["Model memory"]
    assert mem.status == "ok", mem  # a 135M model fits anywhere this suite runs
    assert mem.details["needed_bytes"] < mem.details["free_bytes"]


def test_tiny_folder_model_rows_are_ok(tmp_path):
    folder, _ = _tiny(tmp_path, LlamaConfig(**SMALL))
    rows = {r.name: r for r in check_model(DoctorContext(model=str(folder), dtype="fp32"))}
    assert [r.status for r in rows.values()] == ["ok", "ok", "ok"], rows
    assert "fp32" in rows["Model memory"].details["dtype"]


def test_model_type_unknown_to_transformers_fails_with_upgrade_hint(tmp_path):
    folder, _ = _tiny(tmp_path, LlamaConfig(**SMALL))
    cfg = json.loads((folder / "config.json").read_text())
    cfg["model_type"] = "glm99"
    (folder / "config.json").write_text(json.dumps(cfg))
    row = {r.name: r for r in check_model(DoctorContext(model=str(folder)))}["Model config"]
    assert row.status == "fail" and "glm99" in row.hint and "upgrade" in row.hint


def test_missing_shard_is_named(tmp_path):
    folder, _ = _tiny(tmp_path, LlamaConfig(**SMALL))
    (folder / "model.safetensors.index.json").write_text(json.dumps(
        {"weight_map": {"a": "model.safetensors", "b": "model-00002-of-00002.safetensors"}}))
    row = check_model(DoctorContext(model=str(folder)))[0]
    assert row.status == "fail" and "model-00002-of-00002.safetensors" in row.value


def test_unreadable_config_and_missing_paths(tmp_path):
    folder, _ = _tiny(tmp_path, LlamaConfig(**SMALL))
    (folder / "config.json").write_text("{ not json")
    rows = check_model(DoctorContext(model=str(folder)))
    assert rows[1].status == "fail" and "not readable JSON" in rows[1].value
    assert rows[2].status == "skip"
    gone = check_model(DoctorContext(model=str(tmp_path / "nowhere")))
    assert gone[0].status == "fail" and "no such file" in gone[0].value
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"PK\x03\x04 not a gguf")
    assert check_model(DoctorContext(model=str(fake)))[0].status == "fail"


def test_hub_id_not_in_the_local_cache_says_how_to_fetch_it(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    row = check_model(DoctorContext(model="THUDM/glm-4-9b-chat-hf"))[0]
    assert row.status == "fail" and "hf download THUDM/glm-4-9b-chat-hf" in row.hint


def test_a_model_too_big_for_free_memory_fails_with_options():
    huge = memory.shape_from_config({"hidden_size": 16384, "intermediate_size": 53248, "num_hidden_layers": 126,
                                     "num_attention_heads": 128, "num_key_value_heads": 8, "vocab_size": 128256})
    row = memory_row(huge, "bf16", "none", 4096)  # a 405B model against this machine's real free memory
    assert row.status == "fail"
    assert "only" in row.value and "free" in row.value
    assert "a smaller model" in row.hint


def test_unknown_dtype_is_a_failed_row_not_a_crash(bundled_gguf):
    rows = check_model(DoctorContext(model=str(bundled_gguf), dtype="fp8"))
    assert rows[2].status == "fail" and "fp8" in rows[2].value


def test_a_stale_path_to_the_bundled_model_says_how_to_get_it(tmp_path):
    from console.core.inference.bundled_model import GGUF_NAME

    row = check_model(DoctorContext(model=str(tmp_path / "old" / GGUF_NAME)))[0]
    assert row.status == "fail" and "fetch-model" in row.hint


def test_auto_dtype_estimate_is_the_loaders_on_this_device(bundled_gguf):
    """The Model panel's fit estimate (loader.plan_load) and the doctor's Model memory row read "auto" the
    same way: on this CPU-only machine both count float32 weights (the loader loads fp32 there)."""
    from console.core.inference.loader import LoadOptions, plan_load

    plan = plan_load(LoadOptions(str(bundled_gguf), dtype="auto"))
    row = {r.name: r for r in check_model(DoctorContext(model=str(bundled_gguf), dtype="auto",
                                                        context_tokens=2048))}["Model memory"]
    assert plan.device == "cpu" and plan.dtype == "fp32" and row.details["dtype"] == "fp32"
    assert row.details["needed_bytes"] == plan.estimate.total_bytes
    assert row.details["estimate"] == plan.estimate.describe()
    assert memory.normalize_dtype("auto", "cpu") == "fp32" and memory.normalize_dtype("auto", "cuda") == "bf16"
