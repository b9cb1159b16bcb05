"""Forms of the 16-row fused product (a prefix-cache hit's new tokens) against the decode GEMV and cuBLAS,
per weight shape (CUDA only): which form and tiles to take for ``fdt.rows_matmul``.

Forms: ``nb`` the RMSNorm statistic read in row-major chunks of that many columns (0: BK x BM tiles),
``xa`` x as the tensor-core A operand (out = x W^T) instead of out^T = W x^T.  For each form a few
(BN, BK, stages, K splits) tiles are timed with bench/gemv.py's graph timer; the norm-free product of the
best tile shows what the fused norm costs.  Prints one JSON object on the last line.

    python bench/rows_probe.py [--models qwen2-1.5b] [--configs-out best.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from gemv import SHAPES, graph_time  # noqa: E402

from console.core.inference import fastdecode_triton as fdt  # noqa: E402

FORMS = [(0, 0), (512, 0), (512, 1)]
TILES = [(32, 128, 4), (64, 64, 4), (64, 128, 3), (32, 256, 3), (16, 256, 3)]


def tiles(n: int, k: int):
    for bn, bk, stages in TILES:
        split = 1
        while fdt.triton.cdiv(n, bn) * split < 128 and k // (split * 2) >= bk:
            split *= 2
        yield (16, bn, bk, 4, split, stages)
        if split > 1:
            yield (16, bn, bk, 4, split // 2, stages)


def probe(name, n, k, mode, norm, copies, T=16, dtype=torch.bfloat16):
    rows = 2 * n if mode == "glu" else n
    ws = [torch.randn(rows, k, device="cuda", dtype=dtype) * 0.02 for _ in range(copies)]
    x = torch.randn(T, k, device="cuda", dtype=dtype)
    x1 = x[:1].contiguous()
    nw = (torch.rand(k, device="cuda", dtype=dtype) + 0.5, 1e-6)
    h = torch.zeros(T, n, device="cuda", dtype=dtype)
    h1 = h[:1].contiguous()
    nbytes = rows * k * 2
    xi = F.rms_norm(x, (k,), nw[0], nw[1]) if norm else x
    ref = torch.mm(xi.float(), ws[0].float().t())
    if mode == "glu":
        ref = F.silu(ref[:, :n]) * ref[:, n:]
    res = {"n": n, "N": rows, "K": k, "MB": round(nbytes / 1e6, 2)}

    def cublas(i):
        xn = F.rms_norm(x, (k,), nw[0], nw[1]) if norm else x
        if mode == "residual":
            h.addmm_(xn, ws[i].t())
        elif mode == "glu":
            fdt.silu_mul(torch.mm(xn, ws[i].t()))
        else:
            torch.mm(xn, ws[i].t())

    res["cublas_us"] = round(graph_time(cublas, copies) * 1e6, 2)
    res["gemv_1row_us"] = round(graph_time(lambda i: fdt.gemv(x1, ws[i], norm=nw if norm else None,
                                                              out=h1 if mode == "residual" else None, mode=mode),
                                           copies) * 1e6, 2)
    cur = fdt.ROWS_CONFIGS.get((n, k))
    forms = {}
    for nb, xa in FORMS:
        fdt.ROWS_NB, fdt.ROWS_XA = nb, bool(xa)
        cands = []
        for cfg in dict.fromkeys(([cur] if cur else []) + list(tiles(n, k))):
            try:
                out = torch.zeros(T, n, device="cuda", dtype=dtype)
                got = fdt.rows_matmul(x, ws[0], norm=nw if norm else None, out=out if mode == "residual" else None,
                                      mode=mode, config=cfg)
                err = ((got.float() - ref).abs().max() / (ref.abs().max() + 1e-6)).item()
                if err > 0.02:
                    cands.append({"cfg": cfg, "error": f"relative error {err:.3g}"})
                    continue
                t = graph_time(lambda i, cfg=cfg: fdt.rows_matmul(x, ws[i], norm=nw if norm else None,
                                                                  out=h if mode == "residual" else None, mode=mode,
                                                                  config=cfg), copies)
                cands.append({"cfg": cfg, "us": round(t * 1e6, 2), "TBps": round(nbytes / t / 1e12, 3)})
            except Exception as e:  # noqa: BLE001 - a tile that does not build is reported
                cands.append({"cfg": cfg, "error": f"{type(e).__name__}: {e}"[:160]})
        ok = sorted((c for c in cands if "us" in c), key=lambda c: c["us"])
        f = {"best": ok[0] if ok else None, "top": ok[1:4], "errors": [c for c in cands if "error" in c][:3]}
        if cur:
            f["table_cfg_us"] = next((c["us"] for c in ok if tuple(c["cfg"]) == tuple(cur)), None)
        if ok and norm:
            cfg = ok[0]["cfg"]
            f["best_without_norm_us"] = round(graph_time(
                lambda i: fdt.rows_matmul(x, ws[i], out=h if mode == "residual" else None, mode=mode, config=cfg),
                copies) * 1e6, 2)
        forms[f"nb={nb},xa={xa}"] = f
        print(f"[{name}] nb={nb} xa={xa}: {f['best']} (norm-free {f.get('best_without_norm_us')})", file=sys.stderr,
              flush=True)
    fdt.ROWS_NB, fdt.ROWS_XA = 0, False
    res["forms"] = forms
    del ws
    torch.cuda.empty_cache()
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default="qwen2-1.5b,glm4-9b")
    ap.add_argument("--configs-out", type=Path, help="the best form's tiles per (N, K), as bench/decode.py --rows-configs")
    args = ap.parse_args(argv)
    if not torch.cuda.is_available() or not fdt.available():
        print(json.dumps({"bench": "rows_probe", "error": "needs CUDA and Triton"}))
        return 1
    t0 = time.perf_counter()
    out = {"bench": "rows_probe", "device": torch.cuda.get_device_name(), "torch": torch.__version__, "models": {}}
    for model in args.models.split(","):
        shapes = {}
        for name, n, k, mode, norm, copies in SHAPES[model]:
            if name != "lm_head":
                shapes[name] = probe(name, n, k, mode, norm, copies)
        layer = {"gemv_1row": sum(s["gemv_1row_us"] for s in shapes.values()),
                 "cublas": sum(s["cublas_us"] for s in shapes.values())}
        for form in shapes["qkv"]["forms"]:
            if all(s["forms"][form]["best"] for s in shapes.values()):
                layer[form] = sum(s["forms"][form]["best"]["us"] for s in shapes.values())
        out["models"][model] = {"shapes": shapes, "per_layer_us": {k: round(v, 2) for k, v in layer.items()}}
        print(f"[{model}] per layer: {out['models'][model]['per_layer_us']}", file=sys.stderr, flush=True)
    if args.configs_out:  # each model's best form (by its layer sum), that form's tiles per (N, K)
        best, forms = {}, {}
        for model, m in out["models"].items():
            form = min((f for f in m["per_layer_us"] if f.startswith("nb=")), key=lambda f: m["per_layer_us"][f])
            forms[model] = form
            for s in m["shapes"].values():
                best[f"{s['n']},{s['K']}"] = list(s["forms"][form]["best"]["cfg"])
        args.configs_out.write_text(json.dumps(best))
        out["best_forms"] = forms
    out["wall_s"] = round(time.perf_counter() - t0, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
