"""Where the quantized GEMV's time goes (issue 20): the memory side alone, against v2, per decode product.

For each decode product of the Qwen2-1.5B and GLM-4-9B shapes (int8 per channel, int4 groups of 128), timed as
``bench/decode.py --qsweep`` times them (distinct weights rotated past the L2, one CUDA graph of many calls, median of
``do_bench``), on the same card in one process:

- ``v2``: the default kernel at its table config (what decode uses); ``v2_no_norm``: the same without the RMSNorm
  folded in (products that fold it), so the norm's share is visible;
- ``load_v2_tiling``: a kernel that only reads the same 32-bit words with v2's grid and K loop (BN rows a program,
  BK values a step, same warps) and adds them as integers (one IADD a word: no arithmetic to speak of): the memory
  side of v2's tiling;
- ``load_best``: the fastest such load-only kernel over a grid of tilings (rows a program, words a step, warps,
  split-K over programs): what any kernel reading these bytes can hope for on this card;
- ``bf16_same_bytes_cublas`` / ``bf16_same_bytes_ours``: a bf16 matrix of the same bytes (N x K/4 for int4, N x K/2
  for int8) through cuBLAS (``F.linear``) and through the bf16 fast path's GEMV (``fastdecode_triton.gemv``).

If ``load_best`` is near the HBM bound and v2 far from it, the arithmetic / latency of v2's loop is what costs; if
``load_best`` is itself far from the bound at these sizes, no kernel of this shape of work gets there, and the
target is about launch and tail, not unpacking.  One JSON line a product, then a summary line.

    python bench/qgemv_floor.py [--models glm4-9b,qwen2-1.5b] [--quick]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from decode import QSHAPES, _qgemv_call, _qweights, graph_calls_us, log  # noqa: E402  (bench/: scripts)

from console.core.inference import fastdecode_triton as fdt  # noqa: E402

triton, tl = fdt.triton, fdt.tl

if triton is not None:
    @triton.jit
    def _load_only_kernel(q_ptr, out_ptr, N, KW, WPS, BN: tl.constexpr, BW: tl.constexpr):
        """Program (i, j): rows i*BN.., words j*WPS .. (j+1)*WPS of each, BW words a step; the words summed as
        int32 (one IADD a word) and stored, one int a row and split."""
        rows = tl.program_id(0) * BN + tl.arange(0, BN)
        rmask = rows < N
        w0 = tl.program_id(1) * WPS
        acc = tl.zeros([BN, BW], dtype=tl.int32)
        for k0 in range(0, WPS, BW):
            ws = w0 + k0 + tl.arange(0, BW)
            acc += tl.load(q_ptr + rows[:, None] * KW + ws[None, :], mask=rmask[:, None] & (ws < KW)[None, :],
                           other=0)
        tl.store(out_ptr + tl.program_id(1) * N + rows, tl.sum(acc, 1), mask=rmask)


def load_only(q: torch.Tensor, out: torch.Tensor, bn: int, bw: int, warps: int, split: int) -> None:
    n, kw = q.shape
    wps = -(-kw // split)
    wps = -(-wps // bw) * bw
    _load_only_kernel[(triton.cdiv(n, bn), triton.cdiv(kw, wps))](q, out, n, kw, wps, BN=bn, BW=bw, num_warps=warps)


def tilings(quick: bool):
    if quick:
        return [(4, 256, 4, 1), (8, 256, 4, 1), (16, 128, 4, 2)]
    out = []
    for bn, bw, warps, split in itertools.product((1, 2, 4, 8, 16), (128, 256, 512), (4, 8), (1, 2, 4)):
        if bn * bw // (32 * warps) > 64 or bn * bw < 32 * warps:  # > 64 words a thread, or idle lanes
            continue
        out.append((bn, bw, warps, split))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="glm4-9b,qwen2-1.5b")
    ap.add_argument("--quick", action="store_true", help="three load-only tilings (a smoke run)")
    ap.add_argument("--bits", default="8,4")
    args = ap.parse_args(argv)
    if not torch.cuda.is_available() or triton is None:
        print(json.dumps({"bench": "qgemv_floor", "skipped": "needs a CUDA GPU and Triton"}))
        return 0
    from console.core.inference.quant import kernels as qk

    gpu = torch.cuda.get_device_name()
    bw = 4.8e12 if "H200" in gpu else 3.35e12 if "H100" in gpu else None
    t0 = time.time()
    summary = []
    tl_all = tilings(args.quick)
    for model in args.models.split(","):
        for n, k, mode, norm in QSHAPES[model]:
            for bits in (int(b) for b in args.bits.split(",")):
                group = 0 if bits == 8 else 128
                qw0 = _qweights(n, k, mode, bits, group)
                copies = max(2, int(256e6 // qw0.nbytes()) + 1)
                qws = [qw0] + [type(qw0)(qw0.q.clone(), qw0.scales.clone(), None, bits, group, k)
                               for _ in range(copies - 1)]
                x = torch.randn(1, k, device="cuda", dtype=torch.bfloat16)
                nw = torch.rand(k, device="cuda", dtype=torch.bfloat16) + 0.5
                h = torch.zeros(1, 2 * n, device="cuda", dtype=torch.bfloat16)
                cfg = tuple(qk.config(bits, n, k, group))
                name = f"int{bits} {n}x{k} {mode}{' +norm' if norm else ''}"
                nbytes = qw0.nbytes()
                frac = (lambda us: round(nbytes / (us * 1e-6) / bw, 3) if bw else None)
                row = {"product": name, "bytes": nbytes, "v2_cfg": list(cfg)}

                def item(with_norm):
                    return (model, n, k, mode, with_norm, bits, group, "v2", cfg)

                row["v2_us"] = round(graph_calls_us(
                    [lambda q=q: _qgemv_call(item(norm), q, x, h[:, :n], nw) for q in qws]), 2)
                if norm:
                    row["v2_no_norm_us"] = round(graph_calls_us(
                        [lambda q=q: _qgemv_call(item(False), q, x, h[:, :n], nw) for q in qws]), 2)
                words = [q.q.view(torch.int32) for q in qws]  # [rows, words]
                rows = words[0].shape[0]
                out = torch.empty(8 * rows, dtype=torch.int32, device="cuda")
                bw_v2 = cfg[1] * bits // 32  # v2's K step in words
                row["load_v2_tiling_us"] = round(graph_calls_us(
                    [lambda w=w: load_only(w, out, cfg[0], bw_v2, cfg[2], 1) for w in words]), 2)
                best = None
                for t in tl_all:
                    try:
                        us = graph_calls_us([lambda w=w: load_only(w, out, *t) for w in words])
                    except Exception as e:  # noqa: BLE001 - a tiling that does not build is reported
                        log(f"{name} load {t}: {type(e).__name__}: {str(e)[:160]}")
                        continue
                    if best is None or us < best[1]:
                        best = (t, us)
                if best:
                    row["load_best"] = {"bn_words_warps_split": list(best[0]), "us": round(best[1], 2)}
                # bf16 of the same bytes: N rows x (bytes a row / 2) values
                kb = nbytes // rows // 2
                wb = [torch.randn(rows, kb, device="cuda", dtype=torch.bfloat16) * 0.02
                      for _ in range(max(2, int(256e6 // (rows * kb * 2)) + 1))]
                xb = torch.randn(1, kb, device="cuda", dtype=torch.bfloat16)
                row["bf16_same_bytes_cublas_us"] = round(graph_calls_us(
                    [lambda w=w: torch.nn.functional.linear(xb, w) for w in wb]), 2)
                try:
                    row["bf16_same_bytes_ours_us"] = round(graph_calls_us([lambda w=w: fdt.gemv(xb, w) for w in wb]), 2)
                except Exception as e:  # noqa: BLE001
                    row["bf16_same_bytes_ours_us"] = f"{type(e).__name__}: {str(e)[:120]}"
                for key in ("v2_us", "v2_no_norm_us", "load_v2_tiling_us", "bf16_same_bytes_cublas_us",
                            "bf16_same_bytes_ours_us"):
                    if isinstance(row.get(key), float):
                        row[key.replace("_us", "_of_hbm")] = frac(row[key])
                if best:
                    row["load_best"]["of_hbm"] = frac(best[1])
                print(json.dumps(row), flush=True)
                summary.append(row)
                del qws, words, wb
                torch.cuda.empty_cache()
    tot = {k: round(sum(r.get(k, 0) for r in summary if isinstance(r.get(k), float)), 2)
           for k in ("v2_us", "load_v2_tiling_us", "bf16_same_bytes_cublas_us", "bf16_same_bytes_ours_us")}
    tot["load_best_us"] = round(sum(r["load_best"]["us"] for r in summary if "load_best" in r), 2)
    print(json.dumps({"bench": "qgemv_floor", "gpu": gpu, "torch": torch.__version__, "triton": triton.__version__,
                      "products": len(summary), "sum_us": tot, "wall_s": round(time.time() - t0, 1)}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
