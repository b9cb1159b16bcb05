"""GGUF Q4_K kept quantized: blocks built here by hand from ggml's layout (gguf-py cannot write Q4_K)
are read as gguf-py's ``dequantize`` reads them, and a tiny model written to a GGUF file (Q4_K layers,
llama.cpp's q/k row order, one F32 layer among the packed q/k/v) keeps them through
``keep_gguf_quantized`` and decodes greedily as the de-quantized float model."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from console.core.inference import fastdecode
from console.core.inference.quant.convert import GGUF_TYPES, keep_gguf_quantized, repack_gguf
from console.core.inference.quant.tensor import QuantLinear, dequantize
from tests.core.inference.test_decode import prompt, run, tiny_model


def pack_scale_min(sc: np.ndarray, m: np.ndarray) -> np.ndarray:
    """[..., 8] 6-bit scales and mins -> [..., 12] bytes (ggml's Q4_K layout, written from its description)."""
    sc, m = sc.astype(np.uint8), m.astype(np.uint8)
    out = np.zeros(sc.shape[:-1] + (12,), dtype=np.uint8)
    for j in range(4):
        out[..., j] = (sc[..., j] & 63) | ((sc[..., j + 4] >> 4) << 6)
        out[..., j + 4] = (m[..., j] & 63) | ((m[..., j + 4] >> 4) << 6)
        out[..., j + 8] = (sc[..., j + 4] & 15) | ((m[..., j + 4] & 15) << 4)
    return out


def q4k_blocks(d, dmin, sc, m, u) -> np.ndarray:
    """Super-blocks: d, dmin [R] fp16; sc, m [R, 8]; u [R, 256] nibbles -> [R, 144] bytes."""
    r = u.shape[0]
    u = u.astype(np.uint8).reshape(r, 4, 2, 32)  # chunk c: sub-blocks 2c (low nibble), 2c + 1 (high)
    qs = (u[:, :, 0] | (u[:, :, 1] << 4)).reshape(r, 128)
    return np.concatenate([np.asarray(d, np.float16).view(np.uint8).reshape(r, 2),
                           np.asarray(dmin, np.float16).view(np.uint8).reshape(r, 2), pack_scale_min(sc, m), qs],
                          axis=1)


def q4k_quantize(w: np.ndarray) -> np.ndarray:
    """[n, k] float -> [n, k / 256 * 144] Q4_K bytes: per sub-block of 32, min/max to 0..15, scales and
    mins quantized to 6 bits against the super-block's d / dmin (a plain quantizer, not llama.cpp's search)."""
    n, k = w.shape
    sub = w.astype(np.float32).reshape(-1, 8, 32)
    lo = np.minimum(sub.min(axis=2), 0)
    hi = np.maximum(sub.max(axis=2), 0)
    scale, mn = (hi - lo) / 15, -lo
    d = (scale.max(axis=1) / 63).astype(np.float16)
    dmin = (mn.max(axis=1) / 63).astype(np.float16)
    df, dmf = np.maximum(d.astype(np.float32), 1e-12), np.maximum(dmin.astype(np.float32), 1e-12)
    sc = np.clip(np.round(scale / df[:, None]), 1, 63)
    m = np.clip(np.round(mn / dmf[:, None]), 0, 63)
    s = d.astype(np.float32)[:, None] * sc
    off = dmin.astype(np.float32)[:, None] * m
    u = np.clip(np.round((sub + off[..., None]) / s[..., None]), 0, 15)
    return q4k_blocks(d, dmin, sc, m, u.reshape(-1, 256)).reshape(n, -1)


def gguf_dequant(raw: np.ndarray, n: int, k: int) -> np.ndarray:
    from gguf import GGMLQuantizationType
    from gguf.quants import dequantize as gguf_dequantize

    return gguf_dequantize(raw, GGMLQuantizationType.Q4_K).reshape(n, k).astype(np.float32)


@pytest.mark.parametrize("n,k", [(3, 256), (5, 768)])
def test_q4k_blocks_read_as_gguf_py_reads_them(n, k):
    g = np.random.default_rng(n * k)
    r = n * k // 256
    raw = q4k_blocks(g.uniform(0.001, 0.05, r), g.uniform(0.0, 0.05, r), np.zeros((r, 8)), np.zeros((r, 8)),
                     g.integers(0, 16, (r, 256)))
    raw[:, 4:16] = g.integers(0, 256, (r, 12))  # every bit of the 6-bit scales/mins, high bits included
    raw = raw.reshape(n, -1)
    assert raw.shape[1] == k // 256 * GGUF_TYPES["Q4_K"]
    qw = repack_gguf("Q4_K", raw, n, k)
    assert (qw.bits, qw.group, qw.k, qw.n) == (4, 32, k, n) and qw.zeros is not None
    ref = torch.from_numpy(gguf_dequant(raw, n, k))
    assert torch.allclose(dequantize(qw), ref, rtol=1e-5, atol=1e-6)


def test_q4k_sub_block_with_zero_scale_keeps_its_constant():
    """sc = 0 and m > 0: every weight of the sub-block is -dmin m, whatever its nibbles."""
    g = np.random.default_rng(1)
    sc = np.full((1, 8), 9)
    sc[0, 3] = 0
    raw = q4k_blocks([0.02], [0.01], sc, np.full((1, 8), 5), g.integers(0, 16, (1, 256)))
    w = dequantize(repack_gguf("Q4_K", raw, 1, 256))
    ref = torch.from_numpy(gguf_dequant(raw, 1, 256))
    assert torch.allclose(w, ref, rtol=1e-5, atol=1e-7)
    assert torch.allclose(w[0, 96:128], torch.full((32,), -0.01 * 5, dtype=torch.float32), rtol=1e-3)


def test_hand_quantizer_is_close_to_the_weights():
    w = np.random.default_rng(2).standard_normal((4, 512)).astype(np.float32)
    back = gguf_dequant(q4k_quantize(w), 4, 512)
    assert np.linalg.norm(back - w) / np.linalg.norm(w) < 0.12


def _llama_permute(w: np.ndarray, heads: int) -> np.ndarray:
    """llama.cpp's convert_hf_to_gguf ``permute`` of q/k rows."""
    return w.reshape(heads, 2, w.shape[0] // heads // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


NAMES = {"attn_q": "self_attn.q_proj", "attn_k": "self_attn.k_proj", "attn_v": "self_attn.v_proj",
         "attn_output": "self_attn.o_proj", "ffn_gate": "mlp.gate_proj", "ffn_up": "mlp.up_proj",
         "ffn_down": "mlp.down_proj"}


def write_q4k_gguf(path, model, f32_layers=()):
    """The model's linear layers as Q4_K tensors (q/k in llama.cpp's row order) in a GGUF file, except
    ``f32_layers`` (names like "blk.1.attn_v") kept F32; the model's weights become the values the
    file encodes."""
    import gguf

    cfg = model.config
    writer = gguf.GGUFWriter(str(path), "llama")
    for i, layer in enumerate(model.model.layers):
        for short, mod_path in NAMES.items():
            lin = layer.get_submodule(mod_path)
            w = lin.weight.data.numpy()
            heads = {"attn_q": cfg.num_attention_heads, "attn_k": cfg.num_key_value_heads}.get(short)
            stored = _llama_permute(w, heads) if heads else w
            name = f"blk.{i}.{short}"
            if name in f32_layers:
                writer.add_tensor(f"{name}.weight", np.ascontiguousarray(stored, dtype=np.float32))
                continue
            raw = q4k_quantize(stored)
            writer.add_tensor(f"{name}.weight", raw, raw_dtype=gguf.GGMLQuantizationType.Q4_K)
            back = gguf_dequant(raw, *w.shape)
            if heads:  # undo the permutation: the model holds HF's row order
                back = back[np.argsort(_llama_permute(np.arange(w.shape[0]), heads))]
            lin.weight.data.copy_(torch.from_numpy(back))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def test_q4k_gguf_layers_are_kept_and_decode_as_the_float_model(tmp_path):
    import copy

    ref = tiny_model("llama", hidden_size=256, intermediate_size=512)
    write_q4k_gguf(tmp_path / "m.gguf", ref, f32_layers=("blk.1.attn_v",))
    model = copy.deepcopy(ref)
    info = keep_gguf_quantized(model, tmp_path / "m.gguf", "int4")
    assert info["kept"] == 13 and info["requantized"] == 1 and info["gguf_types"] == {"Q4_K": 13, "F32": 1}
    for name, mod in model.named_modules():
        if isinstance(mod, QuantLinear) and name != "model.layers.1.self_attn.v_proj":
            assert mod.group == 32 and mod.qzeros is not None
            assert torch.allclose(dequantize(mod.qw()), ref.get_submodule(name).weight, rtol=1e-5, atol=1e-6), name
    v = model.model.layers[1].self_attn.v_proj  # F32 among Q4_K q/k: int4 groups of 32, zero points, packable
    assert (v.bits, v.group, v.qzeros is not None, v.scales.dtype) == (4, 32, True, torch.float32)
    ref.model.layers[1].self_attn.v_proj.weight.data.copy_(dequantize(v.qw()))
    ids = prompt(24, seed=6)
    want, _ = run(ref, ids, 16, fast=False)
    got, st = run(model, ids, 16)
    assert st.fast_path and got == want
    fastdecode.release(model)
