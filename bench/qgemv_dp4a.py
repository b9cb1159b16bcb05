"""The int4 dp4a GEMV (quant/gemv_dp4a.py) against v9 (``kernels.gemv``, the default) on the decode products (issue 20).

For each decode product of GLM-4-9B (qkv 4608x4096 +norm, o 4096x4096 residual, gate/up 27392x4096 SiLU-gated
+norm, down 4096x13696 residual) and Qwen2-1.5B (2048x1536, 1536x1536, 17920x1536, 1536x8960), int4 groups of 128,
bf16 activations, in one process on one card: microseconds a call of v9 at its table config and of the dp4a GEMV
at each config of a small sweep (``gemv_dp4a.SWEEP`` plus its rule), timed as bench/qgemv_floor.py and
``bench/decode.py --qsweep`` time them: one CUDA graph of calls back to back over distinct weight copies (more
than 256 MB in all, so the 50 MB L2 holds none of them), replayed by ``triton.testing.do_bench`` (median).  With
programmatic dependent launch on Hopper, as the decode runs them.

Of the HBM bound: the weight bytes (q + scales) a call reads / (us a call) over 3.35e12 B/s (H100 SXM; 4.8e12 for an
H200; x, the output and the norm weight are < 0.2 % of the bytes and not counted).  Errors per config are caught and
reported, never fatal; a time guard (``--budget``, default 200 s) skips what is left.  One line a product, then one
JSON line with all rows.

    python bench/qgemv_dp4a.py [--models glm4-9b,qwen2-1.5b] [--group 128] [--budget 200]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PRODUCTS = {  # (rows of W, K, mode, RMSNorm folded in): the decode's int4 products
    "glm4-9b": [("qkv", 4608, 4096, "plain", True), ("o", 4096, 4096, "residual", False),
                ("gate/up", 27392, 4096, "glu", True), ("down", 4096, 13696, "residual", False)],
    "qwen2-1.5b": [("qkv", 2048, 1536, "plain", True), ("o", 1536, 1536, "residual", False),
                   ("gate/up", 17920, 1536, "glu", True), ("down", 1536, 8960, "residual", False)],
}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="glm4-9b,qwen2-1.5b")
    ap.add_argument("--group", type=int, default=128)
    ap.add_argument("--budget", type=float, default=200.0, help="seconds; the sweep stops taking configs after")
    ap.add_argument("--configs", default="", help="BN:BK:warps:XQ,... instead of the sweep")
    args = ap.parse_args(argv)
    from console.core.inference import fastdecode_triton as fdt

    if not torch.cuda.is_available() or fdt.triton is None:
        print(json.dumps({"bench": "qgemv_dp4a", "skipped": "needs a CUDA GPU and Triton"}))
        return 0
    from console.core.inference.quant import gemv_dp4a as gd
    from console.core.inference.quant import kernels as qk
    from console.core.inference.quant.tensor import QWeight, quantize

    t0 = time.time()
    gpu = torch.cuda.get_device_name()
    bw = 4.8e12 if "H200" in gpu else 3.35e12
    sweep = ([tuple(int(v) for v in c.split(":")) for c in args.configs.split(",")] if args.configs
             else gd.SWEEP)
    rows_out = []
    for model in args.models.split(","):
        for name, rows, k, mode, norm in PRODUCTS[model]:
            n = rows // 2 if mode == "glu" else rows
            row = {"model": model, "product": f"{name} {rows}x{k} {mode}{' +norm' if norm else ''}",
                   "group": args.group}
            try:
                torch.manual_seed(0)
                qw0 = quantize(torch.randn(rows, k, device="cuda", dtype=torch.bfloat16) * 0.02, 4, args.group)
                nbytes = qw0.nbytes()
                copies = max(2, int(256e6 // nbytes) + 1)
                qws = [qw0] + [QWeight(qw0.q.clone(), qw0.scales.clone(), None, 4, args.group, k)
                               for _ in range(copies - 1)]
                x = torch.randn(1, k, device="cuda", dtype=torch.bfloat16)
                nw = torch.rand(k, device="cuda", dtype=torch.bfloat16) + 0.5
                h = torch.zeros(1, n, device="cuda", dtype=torch.bfloat16)
                nrm = (nw, 1e-6) if norm else None
                row.update(bytes=nbytes, copies=copies)
                frac = (lambda us: round(nbytes / (us * 1e-6) / bw, 4))
            except Exception as e:  # noqa: BLE001
                row["error"] = f"setup: {type(e).__name__}: {str(e)[:200]}"
                rows_out.append(row)
                print(json.dumps(row), flush=True)
                continue
            # v9: the default kernel (kernels.KERNEL) at its table config
            try:
                y9 = qk.gemv(x, qw0, norm=nrm, out=h.clone() if mode == "residual" else None, mode=mode).float()
                us = gd.graph_us([lambda q=q: qk.gemv(x, q, norm=nrm, out=h, mode=mode) for q in qws])
                row["default_kernel"] = qk.KERNEL
                row["v9_us"] = round(us, 2)
                row["v9_of_hbm"] = frac(us)
            except Exception as e:  # noqa: BLE001
                y9 = None
                row["v9_error"] = f"{type(e).__name__}: {str(e)[:200]}"
            # dp4a: the sweep
            cfgs = list(dict.fromkeys([gd.config(n, k, args.group, mode), *sweep]))
            res = []
            for c in cfgs:
                if time.time() - t0 > args.budget:
                    res.append((list(c), "skipped: time budget"))
                    continue
                r = gd.sweep(x, qws, norm=nrm, out=h if mode == "residual" else None, mode=mode, configs=[c])[0]
                res.append((list(r[0]), round(r[1], 2) if isinstance(r[1], float) else r[1]))
            row["dp4a_configs"] = res
            ok = [(c, us) for c, us in res if isinstance(us, float)]
            if ok:
                c, us = min(ok, key=lambda t: t[1])
                row.update(dp4a_cfg=c, dp4a_us=us, dp4a_of_hbm=frac(us))
                if "v9_us" in row:
                    row["speedup_vs_v9"] = round(row["v9_us"] / us, 3)
                try:  # the best config's result against v9's (bf16; x's int8 rounding: ~0.5 %)
                    yd = gd.gemv(x, qw0, norm=nrm, out=h.clone() if mode == "residual" else None, mode=mode,
                                 cfg=tuple(c)).float()
                    if y9 is not None:
                        row["rel_err_vs_v9"] = round(float((yd - y9).norm() / y9.norm()), 5)
                except Exception as e:  # noqa: BLE001
                    row["check_error"] = f"{type(e).__name__}: {str(e)[:200]}"
            rows_out.append(row)
            log(f"{row['product']:<36} v9 {row.get('v9_us', '-')} us ({row.get('v9_of_hbm', '-')})  dp4a "
                f"{row.get('dp4a_us', '-')} us ({row.get('dp4a_of_hbm', '-')}) {row.get('dp4a_cfg', '')} "
                f"x{row.get('speedup_vs_v9', '-')} err {row.get('rel_err_vs_v9', '-')}  [{time.time() - t0:.0f} s]")
            print(json.dumps(row), flush=True)
            del qws
            torch.cuda.empty_cache()
    print(json.dumps({"bench": "qgemv_dp4a", "device": gpu, "bound_bytes_per_s": bw, "group": args.group,
                      "wall_s": round(time.time() - t0, 1), "rows": rows_out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
