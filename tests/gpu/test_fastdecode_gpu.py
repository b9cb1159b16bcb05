"""On CUDA the fast path captures CUDA graphs of several decode steps; its greedy tokens must still
be transformers' generate tokens (float32: no rounding ties), across graph chunks and windows."""

from __future__ import annotations

import pytest

import torch  # a hard dependency: a broken install fails here

from console.core.inference import fastdecode  # noqa: E402
from console.core.inference import fastdecode_triton as fdt  # noqa: E402
from console.core.inference.prefix_cache import PrefixCache  # noqa: E402
from tests.core.inference.test_decode import ARCHS, VOCAB, prompt, reference, run, tiny_model  # noqa: E402

pytestmark = pytest.mark.gpu


def cuda_model(arch, **kw):
    return tiny_model(arch, **kw).cuda()


@pytest.fixture(params=["auto", "torch"])
def kernels(request, monkeypatch):
    """Both decode kernel sets: Triton (the default where it is importable) and torch ops."""
    monkeypatch.setattr(fastdecode, "KERNELS", request.param)
    return request.param


@pytest.mark.parametrize("arch", ARCHS)
def test_graph_path_equals_generate(arch, kernels):
    model = cuda_model(arch)
    # 200 prompt tokens + 60 new: the decode crosses the 256-row attention window (two graphs)
    ids = prompt(200, seed=11).cuda()
    ref = reference(model, ids, 60)
    got, stats = run(model, ids, 60)
    assert stats.fast_path and stats.new_tokens == 60
    assert got == ref
    runner = fastdecode.runner_for(model)
    assert runner.cuda and runner.chunk > 1
    assert runner.triton == (kernels == "auto" and fdt.available())
    assert sorted(k for k in runner.graphs if k[0] == "decode") == [("decode", 256), ("decode", 512)]
    assert ("prefill", 256, 256) in runner.graphs
    # again, replaying the captured graphs; and a budget that is not a multiple of the chunk
    assert run(model, ids, 60)[0] == ref
    assert run(model, ids, 37)[0] == ref[:37]
    fastdecode.release(model)


def test_eos_and_cancel_inside_a_chunk(kernels):
    model = cuda_model("qwen2")
    ids = prompt(40, seed=12).cuda()
    ref = reference(model, ids, 40)
    eos = ref[21]
    got, stats = run(model, ids, 40, eos_token_ids={eos})
    assert got == ref[: ref.index(eos) + 1] and stats.finish_reason == "stop"
    seen: list[int] = []
    stats = fastdecode.fast_stream_generate(model, ids, 40, eos_token_ids=set(), should_stop=lambda: len(seen) >= 5,
                                            on_token=seen.append)
    # cancel is polled after each chunk delivered to the host
    assert stats.finish_reason == "cancelled" and 5 <= len(seen) <= 1 + fastdecode.CHUNK
    assert seen == ref[: len(seen)]
    # the next request on the same runner is unaffected by the abandoned chunk
    assert run(model, ids, 40)[0] == ref


def test_prefix_cache_on_gpu():
    model = cuda_model("glm")
    g = torch.Generator().manual_seed(13)
    fleet = torch.randint(0, VOCAB, (300,), generator=g)
    cache = PrefixCache(min_tokens=16)
    for i in range(3):
        ids = torch.cat([fleet, torch.randint(0, VOCAB, (10,), generator=g)]).unsqueeze(0).cuda()
        got, stats = run(model, ids, 20, prefix_cache=cache)
        assert got == reference(model, ids, 20)
        assert (stats.cached_prompt_tokens >= 300) == (i > 0)
    assert len(cache) >= 1


def test_bfloat16_graph_path_runs(kernels):
    model = cuda_model("llama", dtype=torch.bfloat16)
    ids = prompt(100, seed=14).cuda()
    got, stats = run(model, ids, 50)
    assert stats.fast_path and len(got) == 50 and all(0 <= t < VOCAB for t in got)
    ref = reference(model, ids, 50)
    assert got[0] == ref[0]  # prefill; later tokens may differ by bf16 rounding


def test_release_returns_gpu_memory():
    import gc

    gc.collect()
    torch.cuda.empty_cache()
    before = torch.cuda.memory_allocated()
    model = cuda_model("qwen2")
    for n in (20, 300):  # two prefill sizes, decode graphs, a grown cache
        run(model, prompt(n, seed=15).cuda(), 40)
    assert torch.cuda.memory_allocated() > before
    fastdecode.release(model)
    del model
    gc.collect()
    torch.cuda.empty_cache()
    assert torch.cuda.memory_allocated() - before < 1024**2


def test_capture_failure_falls_back_to_eager_steps(monkeypatch):
    class BrokenCapture:
        def __init__(self, *args, **kwargs):
            pass

        def __enter__(self):
            raise RuntimeError("operation not permitted when stream is capturing")

        def __exit__(self, *exc):
            return False

    model = cuda_model("glm4")
    ids = prompt(90, seed=16).cuda()
    ref = reference(model, ids, 40)
    monkeypatch.setattr(torch.cuda, "graph", BrokenCapture)
    monkeypatch.setattr(fdt, "PDL", True)  # restored afterwards: the failure below switches it off
    got, stats = run(model, ids, 40)
    runner = fastdecode.runner_for(model)
    assert not runner.graphs_ok and not runner.graphs
    assert fdt.PDL is (not runner.triton)  # first retried without programmatic launches
    assert stats.fast_path and got == ref
    assert run(model, ids, 40)[0] == ref


@pytest.mark.skipif(not fdt.available(), reason="needs Triton")
def test_triton_failure_switches_to_torch_kernels(monkeypatch):
    model = cuda_model("qwen2")
    ids = prompt(50, seed=17).cuda()
    ref = reference(model, ids, 30)

    def broken(*args, **kwargs):
        raise RuntimeError("PTX compile failed")

    monkeypatch.setattr(fdt, "silu_mul", broken)  # used with cuBLAS GEMVs
    monkeypatch.setattr(fdt, "gemv", broken)  # the fused GEMVs (the default)
    got, stats = run(model, ids, 30)
    assert stats.fast_path and got == ref
    assert not fastdecode.runner_for(model).triton


@pytest.mark.skipif(not fdt.available(), reason="needs Triton")
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
@pytest.mark.parametrize("n,k", [(100, 70), (1536, 1536), (37, 3000)])
def test_fused_gemv_matches_torch(dtype, n, k):
    """Every mode of the fused GEMV against the unfused torch ops, for the table's shapes and the rule's."""
    import torch.nn.functional as F

    g = torch.Generator(device="cuda").manual_seed(n * k)
    x = torch.randn(1, k, device="cuda", generator=g).to(dtype)
    w = (torch.randn(2 * n, k, device="cuda", generator=g) * 0.05).to(dtype)
    nw = (torch.rand(k, device="cuda", generator=g) + 0.5).to(dtype)
    h = torch.randn(1, n, device="cuda", generator=g).to(dtype)
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    gu = F.linear(xn, w)
    cases = {
        "plain": (F.linear(x, w[:n]), fdt.gemv(x, w[:n].contiguous())),
        "norm": (F.linear(xn, w[:n]), fdt.gemv(x, w[:n].contiguous(), norm=(nw, 1e-6))),
        "residual": (h.clone().addmm_(x, w[:n].t()), fdt.gemv(x, w[:n].contiguous(), out=h.clone(), mode="residual")),
        "glu": (F.silu(gu[:, :n]) * gu[:, n:], fdt.gemv(x, w, norm=(nw, 1e-6), mode="glu")),
    }
    for name, (ref, got) in cases.items():
        assert got.shape == ref.shape and got.dtype == dtype, name
        scale = ref.float().abs().max().item()
        err = (got.float() - ref.float()).abs().max().item() / scale
        assert err < (1e-5 if dtype == torch.float32 else 2e-2), (name, err)


@pytest.mark.skipif(not fdt.available(), reason="needs Triton")
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
@pytest.mark.parametrize("T,n,k", [(2, 100, 70), (16, 1536, 1536), (11, 37, 3000)])
@pytest.mark.parametrize("config", [None, (16, 32, 128, 4, 4)], ids=["one-pass", "split-k"])
def test_fused_rows_matmul_matches_torch(dtype, T, n, k, config):
    """The short-prefill form (up to 16 rows, tensor-core tiles) of every fused mode against torch."""
    import torch.nn.functional as F

    g = torch.Generator(device="cuda").manual_seed(T * n * k)
    x = torch.randn(T, k, device="cuda", generator=g).to(dtype)
    w = (torch.randn(2 * n, k, device="cuda", generator=g) * 0.05).to(dtype)
    nw = (torch.rand(k, device="cuda", generator=g) + 0.5).to(dtype)
    h = torch.randn(T, n, device="cuda", generator=g).to(dtype)
    xn = F.rms_norm(x, (k,), nw, 1e-6)
    gu = F.linear(xn, w)
    cases = {
        "plain": (F.linear(x, w[:n]), fdt.rows_matmul(x, w[:n].contiguous(), config=config)),
        "norm": (F.linear(xn, w[:n]), fdt.rows_matmul(x, w[:n].contiguous(), norm=(nw, 1e-6), config=config)),
        "residual": (h.clone().addmm_(x, w[:n].t()),
                     fdt.rows_matmul(x, w[:n].contiguous(), out=h.clone(), mode="residual", config=config)),
        "glu": (F.silu(gu[:, :n]) * gu[:, n:], fdt.rows_matmul(x, w, norm=(nw, 1e-6), mode="glu", config=config)),
    }
    for name, (ref, got) in cases.items():
        assert got.shape == ref.shape and got.dtype == dtype, name
        err = (got.float() - ref.float()).abs().max().item() / ref.float().abs().max().item()
        assert err < (1e-5 if dtype == torch.float32 else 2e-2), (name, err)


@pytest.mark.skipif(not fdt.available(), reason="needs Triton")
@pytest.mark.parametrize("pdl", [False, True])
def test_programmatic_dependent_launch_keeps_the_tokens(pdl, monkeypatch):
    """With PDL (Hopper and later) each kernel starts during the previous one and reads its weights
    before it waits: decode steps and a prefix-cache hit's short prefill still give generate's tokens."""
    monkeypatch.setattr(fdt, "PDL", pdl)
    model = cuda_model("qwen2")
    fleet = prompt(200, seed=21)[0]
    cache = PrefixCache(min_tokens=16)
    for i in range(2):
        ids = torch.cat([fleet, prompt(9, seed=22 + i)[0]]).unsqueeze(0).cuda()
        got, stats = run(model, ids, 40, prefix_cache=cache)
        assert got == reference(model, ids, 40)
        assert (stats.cached_prompt_tokens >= 200) == (i > 0)
    assert fdt._pdl(ids.device) == (pdl and torch.cuda.get_device_capability()[0] >= 9)
    fastdecode.release(model)
