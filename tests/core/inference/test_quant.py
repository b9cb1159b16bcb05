"""Weight-only quantization on the CPU: packing, round-to-nearest error, QuantLinear, a quantized
tiny model through the fast path (CPU: dequantized) against the plain path, loading with int8/int4,
the memory estimate, and GGUF blocks repacked from the bundled model."""

from __future__ import annotations

import numpy as np
import pytest

import torch  # a hard dependency: a broken install fails here
import torch.nn.functional as F

from console.core.inference import fastdecode, memory
from console.core.inference.loader import LoadOptions, load_model, plan_load, unload
from console.core.inference.quant.convert import GGUF_TYPES, quantize_model, repack_gguf
from console.core.inference.quant.tensor import (QuantLinear, QWeight, cat_rows, dequantize, pack_nibbles, quantize,
                                                 unpack_nibbles)
from tests.core.inference.test_decode import ARCHS, prompt, run, tiny_model
from tests.tiny_model import converted_gguf, tiny_model_dir  # noqa: F401

SCHEMES = [(8, 0, False), (8, 32, False), (4, 32, False), (4, 64, False), (4, 128, False), (4, 128, True)]


def rel(a, b) -> float:
    return float((a.detach().float() - b.detach().float()).norm() / b.detach().float().norm())


def test_nibbles_round_trip():
    u = torch.randint(0, 16, (7, 40), generator=torch.Generator().manual_seed(0))
    q = pack_nibbles(u)
    assert q.shape == (7, 20) and q.dtype == torch.uint8
    assert torch.equal(unpack_nibbles(q), u.to(torch.uint8))
    assert int(q[0, 0]) == int(u[0, 0]) | (int(u[0, 1]) << 4)  # element 2j low, 2j+1 high


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
@pytest.mark.parametrize("n,k", [(33, 200), (16, 128), (3, 1000)])
def test_round_to_nearest_error_is_bounded(bits, group, zp, n, k):
    w = torch.randn(n, k, generator=torch.Generator().manual_seed(n * k))
    qw = quantize(w, bits, group, zp)
    assert qw.k == k and qw.n == n and qw.kp % max(group, 1) == 0 and qw.kp >= k
    wd = dequantize(qw)
    assert wd.shape == (n, k) and torch.isfinite(wd).all()
    # each weight within half a step of its group's (or row's) scale
    step = qw.scales.float()
    if group:
        step = step.repeat_interleave(group, dim=1)[:, :k]
    else:
        step = step[:, None].expand(n, k)
    assert bool(((wd - w).abs() <= step * 0.5 + 1e-6).all())
    assert rel(wd, w) < (0.01 if bits == 8 else 0.13)


def test_int8_default_is_per_channel_and_int4_needs_a_group():
    assert quantize(torch.randn(4, 64), 8).group == 0
    with pytest.raises(ValueError, match="group"):
        quantize(torch.randn(4, 64), 4, 0)
    with pytest.raises(ValueError, match="8 and 4"):
        quantize(torch.randn(4, 64), 3, 32)


def test_rows_views_and_cat():
    a, b = quantize(torch.randn(8, 64), 4, 32), quantize(torch.randn(4, 64), 4, 32)
    ab = cat_rows([a, b])
    assert torch.equal(dequantize(ab.rows(8, 12)), dequantize(b))
    with pytest.raises(ValueError, match="different"):
        cat_rows([a, quantize(torch.randn(4, 64), 8)])


@pytest.mark.parametrize("bits,group,zp", SCHEMES)
def test_quant_linear_on_cpu_is_dequantize_then_matmul(bits, group, zp):
    lin = torch.nn.Linear(100, 24, bias=True)
    ql = QuantLinear.from_linear(lin, bits, group, zero_point=zp)
    x = torch.randn(3, 5, 100)
    ref = F.linear(x, dequantize(ql.qw()), lin.bias)
    assert torch.allclose(ql(x), ref, atol=1e-6)
    assert rel(ql(x), lin(x)) < (0.02 if bits == 8 else 0.2)


@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("scheme", ["int8", "int4"])
def test_quantized_fast_path_equals_plain_path(arch, scheme):
    model = tiny_model(arch)
    info = quantize_model(model, scheme, group=32)
    assert info["layers"] == 2 * 7 - (2 if arch.startswith("glm") else 0)  # GLM: gate_up is one layer
    assert type(model.lm_head) is torch.nn.Linear  # kept in the model dtype
    assert fastdecode.unsupported_reason(model) is None
    ids = prompt(40, seed=3)
    plain, st_plain = run(model, ids, 24, fast=False)
    fast, st_fast = run(model, ids, 24)
    assert st_fast.fast_path and not st_plain.fast_path
    assert fast == plain
    fastdecode.release(model)


def test_other_custom_projection_goes_to_the_plain_path():
    model = tiny_model("llama")

    class Odd(torch.nn.Module):
        def __init__(self, lin):
            super().__init__()
            self.lin = lin

        def forward(self, x):
            return self.lin(x)

    attn = model.model.layers[0].self_attn
    attn.q_proj = Odd(attn.q_proj)
    assert "Odd" in fastdecode.unsupported_reason(model)
    got, st = run(model, prompt(10), 4)
    assert not st.fast_path and len(got) == 4


@pytest.mark.parametrize("quant", ["int8", "int4"])
def test_load_with_weight_only_quantization_on_cpu(tiny_model_dir, quant):  # noqa: F811
    plan = plan_load(LoadOptions(str(tiny_model_dir), quantization=quant, device="cpu"))
    assert plan.estimate.quantization == ("w8" if quant == "int8" else "w4")
    stages = []
    loaded = load_model(LoadOptions(str(tiny_model_dir), quantization=quant, device="cpu"),
                        progress=lambda s, f: stages.append(s))
    assert "quantize" in stages
    qls = [m for m in loaded.model.modules() if isinstance(m, QuantLinear)]
    assert len(qls) == 14 and all(m.bits == (8 if quant == "int8" else 4) for m in qls)
    assert loaded.info()["quantization"] == quant
    got, st = run(loaded.model, prompt(12), 6)
    assert st.fast_path and len(got) == 6
    unload(loaded)


def test_weight_only_estimates_count_quantized_bytes():
    shape = memory.ModelShape(params=1_500_000_000, embedding_params=233_000_000, layers=28, hidden=1536,
                              intermediate=8960, vocab=151936, kv_heads=2, head_dim=128, max_context=32768,
                              source="test")
    bf16 = memory.estimate_memory(shape, "bf16", "none", 1024)
    w8 = memory.estimate_memory(shape, "bf16", "w8", 1024)
    w4 = memory.estimate_memory(shape, "bf16", "w4", 1024)
    q = shape.params - shape.embedding_params
    assert w8.weights_bytes == int(q * 1.0 + shape.embedding_params * 2)
    assert w4.weights_bytes == int(q * 0.515625 + shape.embedding_params * 2)
    assert w4.weights_bytes < w8.weights_bytes < bf16.weights_bytes
    assert w4.kv_cache_bytes == bf16.kv_cache_bytes  # the cache stays in the model dtype


def _gguf_tensor(reader, name):
    t = next(t for t in reader.tensors if t.name == name)
    return t, np.asarray(t.data)


@pytest.mark.parametrize("name", ["blk.0.attn_v.weight", "blk.3.ffn_down.weight"])
def test_gguf_blocks_repacked_equal_ggufs_dequantize(bundled_gguf, name):
    import gguf
    from gguf.quants import dequantize as gguf_dequantize

    reader = gguf.GGUFReader(str(bundled_gguf))
    t, raw = _gguf_tensor(reader, name)
    k, n = (int(x) for x in t.shape[:2])  # ggml lists the row length first
    qw = repack_gguf(t.tensor_type.name, raw, n, k)
    ref = torch.from_numpy(gguf_dequantize(raw, t.tensor_type).reshape(n, k).astype(np.float32))
    assert qw.bits == 4 and qw.group == 32
    assert torch.allclose(dequantize(qw), ref, atol=1e-5, rtol=1e-4)


def test_gguf_q8_0_and_q4_0_layouts():
    """Blocks written here by the ggml layout: Q8_0 and Q4_0 give back the weights they encode."""
    g = np.random.default_rng(0)
    n, k = 3, 64
    d = g.uniform(0.01, 0.1, (n, k // 32)).astype(np.float16)
    q8 = g.integers(-127, 128, (n, k // 32, 32)).astype(np.int8)
    raw8 = np.concatenate([d[..., None].view(np.uint8).reshape(n, k // 32, 2), q8.view(np.uint8)], axis=2)
    w8 = dequantize(repack_gguf("Q8_0", raw8.reshape(n, -1), n, k))
    assert torch.allclose(w8, torch.from_numpy((q8.astype(np.float32) * d[..., None].astype(np.float32)).reshape(n, k)))
    u = g.integers(0, 16, (n, k // 32, 32)).astype(np.uint8)
    qs = u[..., :16] | (u[..., 16:] << 4)
    raw4 = np.concatenate([d[..., None].view(np.uint8).reshape(n, k // 32, 2), qs], axis=2)
    assert raw4.shape[2] == GGUF_TYPES["Q4_0"]
    w4 = dequantize(repack_gguf("Q4_0", raw4.reshape(n, -1), n, k))
    ref = ((u.astype(np.float32) - 8) * d[..., None].astype(np.float32)).reshape(n, k)
    assert torch.allclose(w4, torch.from_numpy(ref))
    assert isinstance(repack_gguf("Q4_0", raw4.reshape(n, -1), n, k), QWeight)


PROMPTS = ["The capital of France is", "def fibonacci(n):"]
N_GREEDY = 10  # on the CPU every token de-quantizes every layer again: a few seconds a token here
TEXT = ("The sun is the star at the center of the solar system. It is a nearly perfect ball of hot plasma, "
        "heated to incandescence by nuclear fusion reactions in its core. The sun radiates this energy mainly "
        "as light, ultraviolet, and infrared radiation, and is the most important source of energy for life on "
        "Earth.")


def _greedy(model, tok, text, n=N_GREEDY):
    ids = tok(text, return_tensors="pt").input_ids
    return run(model, ids, n)


def _perplexity(model, tok) -> float:
    ids = tok(TEXT, return_tensors="pt").input_ids
    with torch.no_grad():
        logits = model(input_ids=ids).logits[0, :-1].float()
    return float(torch.exp(F.cross_entropy(logits, ids[0, 1:])))


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_bundled_gguf_kept_quantized_matches_the_dequantized_path(converted_gguf, bundled_gguf, monkeypatch):
    """SmolLM2's Q4_1 blocks repacked (no re-quantization): greedy tokens as the float32 path's, which
    runs the same values de-quantized (through the fp16 cache); int8/int4 re-quantized from the
    float32 weights: perplexity printed (docs/QUANTIZATION.md quotes it)."""
    import copy

    root, _, _ = converted_gguf
    monkeypatch.setenv("AUTOGLM_MODEL_DIR", str(root))
    ref = load_model(LoadOptions(str(bundled_gguf), device="cpu"))
    kept = load_model(LoadOptions(str(bundled_gguf), device="cpu", quantization="int4"))
    info = kept.model.config.console_quantization
    assert info["kept"] == 30 * 7 and info["requantized"] == 0
    qls = [m for m in kept.model.modules() if isinstance(m, QuantLinear)]
    assert len(qls) == 210 and all(m.group == 32 and m.qzeros is not None for m in qls)  # Q4_1: zero points
    agree = []
    for text in PROMPTS:
        want, _ = _greedy(ref.model, ref.tokenizer, text)
        got, st = _greedy(kept.model, kept.tokenizer, text)
        assert st.fast_path
        agree.append(next((i for i, (a, b) in enumerate(zip(got, want)) if a != b), len(got)))
    ppl = {"fp32 (GGUF de-quantized)": _perplexity(ref.model, ref.tokenizer),
           "GGUF Q4_1 kept": _perplexity(kept.model, kept.tokenizer)}
    unload(kept)
    for scheme in ("int8", "int4"):
        m = copy.deepcopy(ref.model)
        quantize_model(m, scheme)
        ppl[f"{scheme} re-quantized"] = _perplexity(m, ref.tokenizer)
        del m
    unload(ref)
    print(f"greedy tokens equal to the float32 path (of {N_GREEDY}):", agree, "perplexity:", ppl)
    assert agree == [N_GREEDY] * len(PROMPTS)
    assert abs(ppl["GGUF Q4_1 kept"] / ppl["fp32 (GGUF de-quantized)"] - 1) < 0.01
    assert ppl["int8 re-quantized"] < ppl["fp32 (GGUF de-quantized)"] * 1.05
    # round-to-nearest int4 (groups of 128) on top of Q4_1 (groups of 32) costs a 135M model a lot
    assert ppl["int4 re-quantized"] < ppl["fp32 (GGUF de-quantized)"] * 2.5


def write_gptq_checkpoint(folder, arch="qwen2", group=32):
    """A GPTQ (v1 format, desc_act false, with zero points) checkpoint of a tiny model, written here
    as auto-gptq lays it out, and the QuantLinear model it encodes."""
    import json

    from safetensors.torch import save_file

    from console.core.inference.quant.gptq import write_gptq_tensors
    from tests.tiny_model import build_tokenizer

    tok = build_tokenizer()
    model = tiny_model(arch, vocab_size=len(tok))
    quantize_model(model, "int4", group=group, zero_point=True)
    sd = {}
    for name, mod in model.named_modules():
        if isinstance(mod, QuantLinear):
            sd.update({f"{name}.{k}": v for k, v in write_gptq_tensors(mod.qw()).items()})
            if mod.bias is not None:
                sd[f"{name}.bias"] = mod.bias.data.contiguous()
    for k, v in model.state_dict().items():
        if k not in sd and not k.endswith((".qweight", ".scales", ".qzeros")) and k != "lm_head.weight":
            sd[k] = v.contiguous()
    folder.mkdir(parents=True, exist_ok=True)
    save_file(sd, str(folder / "model.safetensors"))
    model.config.save_pretrained(str(folder))
    cfg = json.loads((folder / "config.json").read_text())
    cfg.pop("console_quantization", None)
    cfg["quantization_config"] = {"quant_method": "gptq", "bits": 4, "group_size": group, "desc_act": False,
                                  "sym": False}
    (folder / "config.json").write_text(json.dumps(cfg))
    tok.save_pretrained(str(folder))
    return model


def test_gptq_checkpoint_loads_without_gptq_packages(tmp_path):
    import importlib.util

    assert importlib.util.find_spec("auto_gptq") is None and importlib.util.find_spec("gptqmodel") is None
    want_model = write_gptq_checkpoint(tmp_path / "gptq")
    loaded = load_model(LoadOptions(str(tmp_path / "gptq"), device="cpu", dtype="fp32"))
    qls = [m for m in loaded.model.modules() if isinstance(m, QuantLinear)]
    assert len(qls) == 14 and all(m.bits == 4 and m.group == 32 and m.qzeros is not None for m in qls)
    ids = prompt(20, seed=4)
    want, _ = run(want_model, ids, 12, fast=False)
    got, st = run(loaded.model, ids, 12)
    assert st.fast_path and got == want
    unload(loaded)


def test_gptq_act_order_is_refused_with_a_reason(tmp_path):
    """desc_act with a g_idx that reorders input channels: refused, naming desc_act and what to do; desc_act
    with the groups in input order (static_groups) loads."""
    import json

    from safetensors.torch import load_file, save_file

    from console.core.inference.types import EngineError

    write_gptq_checkpoint(tmp_path / "g")
    cfg = json.loads((tmp_path / "g" / "config.json").read_text())
    cfg["quantization_config"].update(desc_act=True, static_groups=True)
    (tmp_path / "g" / "config.json").write_text(json.dumps(cfg))
    loaded = load_model(LoadOptions(str(tmp_path / "g"), device="cpu"))
    assert sum(isinstance(m, QuantLinear) for m in loaded.model.modules()) == 14
    unload(loaded)
    sd = load_file(str(tmp_path / "g" / "model.safetensors"))
    name = "model.layers.1.mlp.down_proj.g_idx"
    k = sd[name].numel()
    perm = torch.randperm(k, generator=torch.Generator().manual_seed(0))
    sd[name] = (perm // 32).to(torch.int32)  # act-order: group of input k is its rank in the activation order
    save_file(sd, str(tmp_path / "g" / "model.safetensors"))
    with pytest.raises(EngineError, match="desc_act.*reorders the input channels.*static_groups"):
        load_model(LoadOptions(str(tmp_path / "g"), device="cpu"))
