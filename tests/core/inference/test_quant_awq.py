"""AWQ (GEMM) int4 checkpoints, written here by a packing routine of the test's own (from the format's
description: autoawq's WQLinear_GEMM), loaded through the loader without autoawq: the repacked
weights equal the de-quantized reference exactly, and a tiny model's greedy tokens through the
quantized path equal the de-quantized float model's."""

from __future__ import annotations

import importlib.util
import json

import pytest
import torch

from console.core.inference.loader import LoadOptions, load_model, unload
from console.core.inference.quant.awq import repack_awq
from console.core.inference.quant.tensor import QuantLinear, dequantize
from console.core.inference.types import EngineError
from tests.core.inference.test_decode import prompt, run, tiny_model

AWQ_PACK_ORDER = [0, 2, 4, 6, 1, 3, 5, 7]  # autoawq: nibble i of a word holds column 8c + order[i]


def awq_pack(intweight: torch.Tensor) -> torch.Tensor:
    """[R, C] ints 0..15 -> int32 [R, C / 8], a loop as autoawq writes it (independent of the loader)."""
    r, c = intweight.shape
    out = torch.zeros(r, c // 8, dtype=torch.int64)
    iw = intweight.to(torch.int64)
    for col in range(c // 8):
        for i in range(8):
            out[:, col] |= iw[:, col * 8 + AWQ_PACK_ORDER[i]] << (4 * i)
    return torch.where(out >= 2**31, out - 2**32, out).to(torch.int32)  # the bit pattern as int32


def awq_quantize(w: torch.Tensor, group: int):
    """Asymmetric round-to-nearest per group of inputs (as AWQ's zero-point quantizer, without the
    activation-aware scaling): returns (qweight, qzeros, scales) as stored, and the de-quantized weight."""
    n, k = w.shape
    g = w.float().view(n, k // group, group)
    hi, lo = g.amax(dim=2), g.amin(dim=2)
    scales = ((hi - lo).clamp(min=1e-5) / 15).half()  # fp16 as stored
    s = scales.float()
    zeros = torch.clamp(torch.round(-lo / s), 0, 15)
    q = torch.clamp(torch.round(g / s[..., None]) + zeros[..., None], 0, 15)
    w_deq = ((q - zeros[..., None]) * s[..., None]).view(n, k)
    qt = q.view(n, k).t().contiguous().to(torch.int32)  # [K, N]
    return awq_pack(qt), awq_pack(zeros.t().contiguous().to(torch.int32)), scales.t().contiguous(), w_deq


@pytest.mark.parametrize("n,k,group", [(16, 64, 32), (24, 256, 128), (8, 128, 64)])
def test_awq_tensors_repack_to_the_dequantized_weight(n, k, group):
    w = torch.randn(n, k, generator=torch.Generator().manual_seed(n + k))
    qweight, qzeros, scales, w_deq = awq_quantize(w, group)
    assert qweight.shape == (k, n // 8) and qzeros.shape == (k // group, n // 8) and scales.shape == (k // group, n)
    qw = repack_awq(qweight, qzeros, scales, group)
    assert (qw.n, qw.k, qw.group, qw.bits) == (n, k, group, 4) and qw.zeros is not None
    assert torch.equal(dequantize(qw), w_deq)


def test_awq_nibble_order_is_the_interleaved_one():
    """Column j of a word is nibble [0, 4, 1, 5, 2, 6, 3, 7][j]: a plain (non-interleaved) reading fails."""
    iw = torch.arange(8, dtype=torch.int32).view(1, 8) * torch.ones(8, 1, dtype=torch.int32)  # [K=8, N=8]
    packed = awq_pack(iw.repeat(4, 1))  # K = 32
    assert int(packed[0, 0]) == sum(v << (4 * i) for i, v in enumerate(AWQ_PACK_ORDER))
    zeros = awq_pack(torch.zeros(1, 8, dtype=torch.int32))
    qw = repack_awq(packed, zeros, torch.ones(1, 8, dtype=torch.float16), 32)
    assert dequantize(qw)[:, 0].tolist() == list(range(8))  # output row j holds value j


def write_awq_checkpoint(folder, arch="llama", group=32):
    """A tiny model's AWQ GEMM checkpoint (zero points, groups of ``group``) and the float model with
    the de-quantized weights it encodes."""
    from safetensors.torch import save_file

    from tests.tiny_model import build_tokenizer

    tok = build_tokenizer()
    model = tiny_model(arch, vocab_size=len(tok))
    sd = {}
    for name, mod in list(model.named_modules()):
        for cname, child in list(mod.named_children()):
            if type(child) is torch.nn.Linear and cname != "lm_head":
                full = f"{name}.{cname}" if name else cname
                qweight, qzeros, scales, w_deq = awq_quantize(child.weight.data, group)
                sd.update({f"{full}.qweight": qweight, f"{full}.qzeros": qzeros, f"{full}.scales": scales})
                child.weight.data.copy_(w_deq)  # the reference model holds what the checkpoint encodes
                if child.bias is not None:
                    sd[f"{full}.bias"] = child.bias.data.contiguous()
    for key, v in model.state_dict().items():
        owner = key.rsplit(".", 1)[0]
        tied = key == "lm_head.weight" and model.config.tie_word_embeddings
        if f"{owner}.qweight" not in sd and key not in sd and not tied:
            sd[key] = v.contiguous()
    folder.mkdir(parents=True, exist_ok=True)
    save_file(sd, str(folder / "model.safetensors"))
    model.config.save_pretrained(str(folder))
    cfg = json.loads((folder / "config.json").read_text())
    cfg["quantization_config"] = {"quant_method": "awq", "bits": 4, "group_size": group, "zero_point": True,
                                  "version": "gemm", "modules_to_not_convert": None}
    (folder / "config.json").write_text(json.dumps(cfg))
    tok.save_pretrained(str(folder))
    return model


@pytest.mark.parametrize("arch", ["llama", "qwen2"])
def test_awq_checkpoint_loads_without_autoawq(tmp_path, arch):
    assert importlib.util.find_spec("awq") is None  # autoawq is not installed: nothing of it is used
    ref = write_awq_checkpoint(tmp_path / "awq", arch)
    loaded = load_model(LoadOptions(str(tmp_path / "awq"), device="cpu", dtype="fp32"))
    assert loaded.model.config.console_quantization == {"scheme": "awq-int4", "group": 32}
    qls = {n: m for n, m in loaded.model.named_modules() if isinstance(m, QuantLinear)}
    assert len(qls) == 14 and all(m.bits == 4 and m.group == 32 and m.qzeros is not None for m in qls.values())
    for name, ql in qls.items():
        assert torch.equal(dequantize(ql.qw()), ref.get_submodule(name).weight.data), name
        if ql.bias is not None:
            assert torch.equal(ql.bias, ref.get_submodule(name).bias)
    ids = prompt(20, seed=5)
    want, _ = run(ref, ids, 12, fast=False)
    got, st = run(loaded.model, ids, 12)
    assert st.fast_path and got == want
    unload(loaded)


@pytest.mark.parametrize("change,match", [({"version": "gemv"}, "gemm"), ({"bits": 3}, "3 bits"),
                                          ({"group_size": 96}, "group size 96")])
def test_unsupported_awq_variants_are_refused_with_a_reason(tmp_path, change, match):
    write_awq_checkpoint(tmp_path / "a")
    cfg = json.loads((tmp_path / "a" / "config.json").read_text())
    cfg["quantization_config"].update(change)
    (tmp_path / "a" / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(EngineError, match=match):
        load_model(LoadOptions(str(tmp_path / "a"), device="cpu"))


@pytest.mark.parametrize("method,change,match", [
    ("awq", {"bits": None}, "bits is None: a whole number"),
    ("awq", {"w_bit": 4, "bits": "four"}, "bits is 'four'"),
    ("awq", {"group_size": [32]}, r"group_size is \[32\]"),
    ("awq", {"group_size": float("nan")}, "group_size is nan"),
    ("gptq", {"bits": True}, "bits is True"),
    ("gptq", {"group_size": 32.5}, "group_size is 32.5"),
    ("gptq", {"bits": 8}, "8 bits"),
    ("gptq", {"group_size": 96}, "group size 96"),
])
def test_quantization_configs_of_the_wrong_type_are_refused_by_name(tmp_path, method, change, match):
    """GPTQ and AWQ share their checks (quant/gptq.load_int4); a hostile or broken config.json gets
    the key and its value named and the checkpoint hint, not "TypeError: int() argument ..."."""
    from tests.core.inference.test_quant import write_gptq_checkpoint

    (write_awq_checkpoint if method == "awq" else write_gptq_checkpoint)(tmp_path / "q")
    cfg = json.loads((tmp_path / "q" / "config.json").read_text())
    cfg["quantization_config"].update(change)
    (tmp_path / "q" / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(EngineError, match=match) as info:
        load_model(LoadOptions(str(tmp_path / "q"), device="cpu"))
    assert info.value.hint.startswith("use a 4-bit GPTQ")


def test_a_numeric_string_setting_is_still_read(tmp_path):
    write_awq_checkpoint(tmp_path / "a")
    cfg = json.loads((tmp_path / "a" / "config.json").read_text())
    cfg["quantization_config"].update(bits="4", group_size="32")
    (tmp_path / "a" / "config.json").write_text(json.dumps(cfg))
    loaded = load_model(LoadOptions(str(tmp_path / "a"), device="cpu"))
    assert loaded.model.config.console_quantization == {"scheme": "awq-int4", "group": 32}
    unload(loaded)
