"""One-row GEMVs of the decode step: cuBLAS vs the fused Triton kernel, per weight shape (CUDA only).
With ``--rows T`` the same for T-row products (a prefix-cache hit's new tokens: ``rows_matmul``).

For each projection of the Qwen2-1.5B and GLM-4-9B shapes, ``layers`` distinct weight matrices are
allocated (as in the model: the L2 cache never holds the next one) and one CUDA graph runs the
projection over all of them back to back; time per call = graph time / layers.  The baseline is what
the decode step ran before: cuBLAS (``torch.mm`` / ``addmm_``) for the same product, plus the RMSNorm
or SiLU*mul kernel that the Triton kernel folds in.  Every (BN, BK, warps) candidate is timed; the
best per shape is written with ``--configs-out`` (``bench/decode.py --gemv-configs`` reads it).

    python bench/gemv.py [--configs-out configs.json] [--rows 16]

Prints one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from console.core.inference import fastdecode_triton as fdt  # noqa: E402

# (name, rows N, K, mode, norm, copies): "glu" N is the output width (the weight has 2 N rows)
SHAPES = {
    "qwen2-1.5b": [("qkv", 2048, 1536, "plain", True, 28), ("o", 1536, 1536, "residual", False, 28),
                   ("gate_up", 8960, 1536, "glu", True, 28), ("down", 1536, 8960, "residual", False, 28),
                   ("lm_head", 151936, 1536, "plain", True, 1)],
    "glm4-9b": [("qkv", 4608, 4096, "plain", True, 40), ("o", 4096, 4096, "residual", False, 40),
                ("gate_up", 13696, 4096, "glu", True, 40), ("down", 4096, 13696, "residual", False, 40),
                ("lm_head", 151552, 4096, "plain", True, 1)],
}
BN = (1, 2, 4, 8, 16)
BK = (256, 512, 1024, 2048)
WARPS = (4, 8)
# T-row products: (BN, BK, warps, stages); K splits chosen per shape (see rows_candidates)
ROWS_BN = (16, 32, 64)
ROWS_BK = (128, 256, 512, 1024, 2048)
ROWS_WARPS = (4,)
ROWS_STAGES = (2, 3)


def rows_candidates(n: int, k: int, rows: int):
    """(BM, BN, BK, warps, splits, stages) with about 1-8 programs per SM (132 on an H100)."""
    for bn, bk, warps, stages in itertools.product(ROWS_BN, ROWS_BK, ROWS_WARPS, ROWS_STAGES):
        if not 2048 <= bn * bk <= 32768 or bk > fdt.triton.next_power_of_2(k):
            continue
        for split in (1, 2, 4, 8, 16):
            programs = fdt.triton.cdiv(n, bn) * split
            if 100 <= programs <= 1100 and fdt.triton.cdiv(k, split) >= bk:
                yield (max(16, fdt.triton.next_power_of_2(rows)), bn, bk, warps, split, stages)


def graph_time(fn, copies: int, reps: int = 20) -> float:
    """Seconds per call of fn(i) for i in range(copies), captured in one CUDA graph."""
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for i in range(copies):
            fn(i)
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g, stream=s):
        for i in range(copies):
            fn(i)
    for _ in range(3):
        g.replay()
    a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    # a graph of a few kernels is too short to time alone: replay it enough to span >= 2 ms
    a.record()
    g.replay()
    b.record()
    b.synchronize()
    inner = max(1, int(2.0 / max(a.elapsed_time(b), 1e-3)))
    times = []
    for _ in range(reps):
        a.record()
        for _ in range(inner):
            g.replay()
        b.record()
        b.synchronize()
        times.append(a.elapsed_time(b) / 1e3 / inner)
    times.sort()
    return times[len(times) // 2] / copies


def bench_shape(name, n, k, mode, norm, copies, dtype, T=1):
    rows = 2 * n if mode == "glu" else n
    ws = [torch.randn(rows, k, device="cuda", dtype=dtype) * 0.02 for _ in range(copies)]
    x = torch.randn(T, k, device="cuda", dtype=dtype)
    nw = (torch.rand(k, device="cuda", dtype=dtype) + 0.5, 1e-6)
    h0 = torch.randn(T, n, device="cuda", dtype=dtype)  # the residual the checks start from
    h = torch.zeros(T, n, device="cuda", dtype=dtype)  # scratch for the timed runs
    kernel = fdt.gemv if T == 1 else fdt.rows_matmul
    nbytes = rows * k * ws[0].element_size()

    def cublas(i):
        xi = F.rms_norm(x, (k,), nw[0], nw[1]) if norm else x
        if mode == "residual":
            h.addmm_(xi, ws[i].t())
        elif mode == "glu":
            fdt.silu_mul(torch.mm(xi, ws[i].t()))
        else:
            torch.mm(xi, ws[i].t())

    def mm_only(i):
        torch.mm(x, ws[i].t())

    res = {"N": rows, "K": k, "rows": T, "mode": mode, "norm": norm, "copies": copies, "MB": round(nbytes / 1e6, 2)}
    t = graph_time(cublas, copies)
    res["cublas_with_unfused_us"] = round(t * 1e6, 2)
    t = graph_time(mm_only, copies)
    res["cublas_mm_us"] = round(t * 1e6, 2)
    res["cublas_mm_TBps"] = round(nbytes / t / 1e12, 3)
    # a reference result, to check every candidate against
    ref_h = h0.clone()
    xi = F.rms_norm(x, (k,), nw[0], nw[1]) if norm else x
    if mode == "glu":
        gu = torch.mm(xi, ws[0].t())
        ref = F.silu(gu[:, :n]) * gu[:, n:]
    else:
        ref = torch.mm(xi, ws[0].t()) + (ref_h if mode == "residual" else 0)
    cands = []
    if T == 1:
        # with programmatic dependent launch (Hopper): also whether the first weight tile is read early
        prefetch = (0, 1) if fdt._pdl(x.device) else (0,)
        configs = [(bn, bk, warps, pf) for bn, bk, warps, pf in itertools.product(BN, BK, WARPS, prefetch)
                   if not (bn * bk > 16384 or bk > 2 * fdt.triton.next_power_of_2(k) or bn * bk < 32 * warps)]
    else:
        configs = list(rows_candidates(n, k, T))
    for cfg in configs:
        try:
            out = h0.clone()
            got = kernel(x, ws[0], norm=nw if norm else None, out=out if mode == "residual" else None, mode=mode,
                           config=cfg)
            err = (got.float() - ref.float()).abs().max().item() / (ref.float().abs().max().item() + 1e-6)
            if err > 0.02:
                cands.append({"cfg": cfg, "error": f"relative error {err:.3g}"})
                continue

            def tri(i, cfg=cfg):
                kernel(x, ws[i], norm=nw if norm else None, out=h if mode == "residual" else None, mode=mode,
                         config=cfg)

            t = graph_time(tri, copies)
            cands.append({"cfg": cfg, "us": round(t * 1e6, 2), "TBps": round(nbytes / t / 1e12, 3)})
        except Exception as e:  # noqa: BLE001 - a config that does not build is reported
            cands.append({"cfg": cfg, "error": f"{type(e).__name__}: {e}"[:200]})
    ok = sorted((c for c in cands if "us" in c), key=lambda c: c["us"])
    res["best"] = ok[0] if ok else None
    res["top"] = ok[:5]
    table = fdt.gemv_table(fdt._pdl(x.device)) if T == 1 else fdt.ROWS_CONFIGS
    saved = table.pop((n, k), None)  # the rule's own choice, not the table's
    rule = fdt.gemv_config(n, k, mode, fdt._pdl(x.device)) if T == 1 else fdt.rows_config(n, k)
    if saved is not None:
        table[(n, k)] = saved
    res["rule_cfg"] = rule
    res["rule_us"] = next((c["us"] for c in ok if tuple(c["cfg"]) == tuple(rule)), None)
    res["errors"] = [c for c in cands if "error" in c][:5]
    del ws
    torch.cuda.empty_cache()
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default="qwen2-1.5b,glm4-9b")
    ap.add_argument("--configs-out", type=Path, help="write the best (BN, BK, warps) per (N, K) here")
    ap.add_argument("--rows", type=int, default=1, help="input rows: 1 (decode GEMVs) or up to 16 (short prefills)")
    args = ap.parse_args(argv)
    if not torch.cuda.is_available() or not fdt.available():
        print(json.dumps({"bench": "gemv", "error": "needs CUDA and Triton"}))
        return 1
    t0 = time.perf_counter()
    out = {"bench": "gemv", "rows": args.rows, "device": torch.cuda.get_device_name(), "torch": torch.__version__, "models": {}}
    best = {}
    for model in args.models.split(","):
        shapes = {}
        sums = {"cublas_with_unfused": 0.0, "triton_best": 0.0, "triton_rule": 0.0}
        for name, n, k, mode, norm, copies in SHAPES[model]:
            if args.rows > 1 and name == "lm_head":
                continue  # a prefill's logits are one row (the last token's): the GEMV
            r = bench_shape(name, n, k, mode, norm, copies, torch.bfloat16, T=args.rows)
            shapes[name] = r
            print(f"[{model}] {name}: cuBLAS {r['cublas_with_unfused_us']} us (mm alone {r['cublas_mm_us']} us, "
                  f"{r['cublas_mm_TBps']} TB/s); Triton best {r['best']}; rule {r['rule_cfg']} {r['rule_us']} us",
                  file=sys.stderr, flush=True)
            layers = SHAPES[model][0][5]
            per_token = layers if name != "lm_head" else 1
            sums["cublas_with_unfused"] += r["cublas_with_unfused_us"] * per_token
            if r["best"]:
                sums["triton_best"] += r["best"]["us"] * per_token
                best[f"{n},{k}"] = list(r["best"]["cfg"])
            if r["rule_us"]:
                sums["triton_rule"] += r["rule_us"] * per_token
        out["models"][model] = {"shapes": shapes, "per_token_us": {k: round(v, 1) for k, v in sums.items()}}
    out["best_configs"] = best
    out["wall_s"] = round(time.perf_counter() - t0, 1)
    if args.configs_out:
        args.configs_out.write_text(json.dumps(best))
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
