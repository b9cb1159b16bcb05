"""The fit estimate of already-quantized models: a GPTQ / AWQ folder counts each packed weight once and
the bytes the loader makes of it (equal to what the loaded model holds), and a GGUF loaded with
int4 counts its kept blocks at their repacked size; bitsandbytes keeps its own numbers."""

from __future__ import annotations

import pytest
import torch

from console.core.inference import memory
from console.core.inference.loader import LoadOptions, load_model, plan_load, unload
from console.core.inference.memory_quant import GGUF_KEPT_BYTES
from console.core.inference.quant.tensor import QuantLinear
from tests.core.inference.test_quant import write_gptq_checkpoint
from tests.core.inference.test_quant_awq import write_awq_checkpoint


@pytest.mark.parametrize("writer", [write_gptq_checkpoint, write_awq_checkpoint], ids=["gptq", "awq"])
def test_packed_folder_estimate_counts_quantized_bytes(tmp_path, writer):
    ref = writer(tmp_path / "m")
    want_params = sum(p.numel() for p in {id(p): p for p in ref.parameters()}.values()) + sum(
        m.in_features * m.out_features for m in ref.modules() if isinstance(m, QuantLinear))  # GPTQ: buffers
    want_packed = sum(m.weight.numel() if not isinstance(m, QuantLinear) else m.in_features * m.out_features
                      for n, m in ref.named_modules()
                      if isinstance(m, (torch.nn.Linear, QuantLinear)) and not n.endswith("lm_head"))
    shape = memory.model_shape(tmp_path / "m")
    assert shape.packed_params == want_packed
    assert shape.params == want_params  # not the int32 word count (8x fewer)
    loaded = load_model(LoadOptions(str(tmp_path / "m"), device="cpu", dtype="fp32"))
    real = sum(m.qw().nbytes() for m in loaded.model.modules() if isinstance(m, QuantLinear))
    unload(loaded)
    assert shape.packed_bytes == real  # nibbles + fp16 scales + fp16 zero points, as loaded
    est = memory.estimate_memory(shape, "fp32", "none", 256, "cpu")
    assert est.quantization == "w4"
    assert est.weights_bytes == real + (want_params - want_packed) * 4
    naive = memory.estimate_memory(memory.ModelShape(**{**shape.__dict__, "packed_params": 0, "packed_bytes": 0}),
                                   "fp32", "none", 256, "cpu")
    assert est.weights_bytes < naive.weights_bytes


def test_gguf_with_int4_counts_the_kept_blocks(bundled_gguf):
    plain = plan_load(LoadOptions(str(bundled_gguf), device="cpu"))
    kept = plan_load(LoadOptions(str(bundled_gguf), device="cpu", quantization="int4"))
    info = memory.read_gguf(bundled_gguf)
    linear = {n: c for n, (t, c) in info.tensor_types.items() if n.startswith("blk.") and n.split(".")[2] in
              ("attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down")}
    assert len(linear) == 210 and {info.tensor_types[n][0] for n in linear} == {3}  # all Q4_1
    assert kept.shape.packed_params == sum(linear.values())
    assert kept.shape.packed_bytes == int(sum(linear.values()) * GGUF_KEPT_BYTES["Q4_1"])
    rest = kept.shape.params - kept.shape.packed_params
    assert kept.estimate.weights_bytes == kept.shape.packed_bytes + rest * 4  # fp32 on the CPU
    assert plain.shape.packed_params == 0 and kept.estimate.weights_bytes < plain.estimate.weights_bytes
    # Q4_1 kept (0.6875 byte a weight) weighs more than int4 re-quantized in groups of 128 would
    assert kept.estimate.weights_bytes > rest * 4 + sum(linear.values()) * memory.QUANT_BYTES["w4"]


def test_bitsandbytes_keeps_its_own_estimate():
    shape = memory.ModelShape(params=1_000_000_000, embedding_params=100_000_000, layers=24, hidden=2048,
                              intermediate=5632, vocab=32000, kv_heads=4, head_dim=64, max_context=4096, source="t")
    nf4 = memory.estimate_memory(shape, "bf16", "4bit", 512)
    b8 = memory.estimate_memory(shape, "bf16", "8bit", 512)
    assert nf4.weights_bytes == int(900_000_000 * 0.5625 + 100_000_000 * 2)
    assert b8.weights_bytes == int(900_000_000 * 1.0 + 100_000_000 * 2)
