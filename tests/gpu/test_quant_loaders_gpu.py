"""The quantized loaders' layouts on the GPU (not run in CPU sessions): GGUF Q4_K blocks (float32
scales and zero points) through the GEMV and prefill kernels equal dequantize-then-matmul, and AWQ /
GPTQ checkpoints written by the tests load onto CUDA and decode the plain path's greedy tokens
through the fast path (float32)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from console.core.inference import fastdecode
from console.core.inference.loader import LoadOptions, load_model, unload
from console.core.inference.quant import kernels as qk
from console.core.inference.quant.convert import repack_gguf
from console.core.inference.quant.tensor import QWeight, dequantize
from tests.core.inference.test_decode import prompt, run
from tests.core.inference.test_quant import write_gptq_checkpoint
from tests.core.inference.test_quant_awq import write_awq_checkpoint
from tests.core.inference.test_quant_gguf_k import q4k_quantize

pytestmark = pytest.mark.gpu


def rel(a, b) -> float:
    return float((a.float() - b.float()).norm() / b.float().norm())


@pytest.mark.parametrize("n,k", [(64, 256), (1536, 1536), (257, 2304)])
def test_q4k_layout_through_the_kernels(n, k):
    w = np.random.default_rng(n + k).standard_normal((n, k)).astype(np.float32)
    cpu = repack_gguf("Q4_K", q4k_quantize(w), n, k)
    qw = QWeight(cpu.q.cuda(), cpu.scales.cuda(), cpu.zeros.cuda(), 4, cpu.group, cpu.k)
    wd = dequantize(qw)
    for m in (1, 7):
        x = torch.randn(m, k, device="cuda").to(torch.bfloat16)
        ref = x.float() @ wd.t()
        got = qk.gemv(x, qw) if m == 1 else qk.linear(x, qw)
        assert rel(got, ref) < 1e-2, m


@pytest.mark.parametrize("writer", [write_awq_checkpoint, write_gptq_checkpoint], ids=["awq", "gptq"])
def test_packed_checkpoint_decodes_on_cuda(tmp_path, writer):
    writer(tmp_path / "m")
    loaded = load_model(LoadOptions(str(tmp_path / "m"), device="cuda", dtype="fp32"))
    ids = prompt(20, seed=7).cuda()
    want, _ = run(loaded.model, ids, 12, fast=False)
    got, st = run(loaded.model, ids, 12)
    assert st.fast_path and got == want
    fastdecode.release(loaded.model)
    unload(loaded)
