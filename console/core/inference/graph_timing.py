"""GPU timing of a sequence of kernel calls, shared by the benches and the kernels' sweeps (CUDA only)."""

from __future__ import annotations

import torch


def graph_us(calls) -> float:
    """Median microseconds a call: one CUDA graph of ``calls`` (closures, each on its own weight copy so the L2
    holds none of them), replayed by ``triton.testing.do_bench``; the first two run once before the capture
    (compiled outside it)."""
    from triton.testing import do_bench

    for c in calls[:2]:
        c()
    torch.cuda.synchronize()
    g = torch.cuda.CUDAGraph()
    st = torch.cuda.Stream()
    with torch.cuda.stream(st):
        with torch.cuda.graph(g):
            for c in calls:
                c()
    return do_bench(g.replay, warmup=5, rep=25, return_mode="median") * 1e3 / len(calls)
