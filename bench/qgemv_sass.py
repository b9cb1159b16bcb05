"""SASS instructions a weight of the quantized GEMV kernels, compiled for sm_90 on the CPU (no GPU).

Triton compiles for a ``GPUTarget("cuda", 90, 32)`` without a device (ptxas and nvdisasm ship in
its wheel), with the argument divisibility a real launch on the decode shapes gets.  v2: the
instructions of its K loop over the weights one iteration reads; v3: the instructions one more row
chunk adds (RB = 2 BN minus RB = BN, straight-line code) over the weights that chunk reads.  A
static count (no latency, no occupancy): the H100 issues 128 thread-instructions a cycle per SM,
and HBM at 3.35 TB/s brings ~29 int4 values (~14.5 int8) a cycle per SM, so above ~4.4 (int4) or
~8.8 (int8) instructions a weight a GEMV cannot stream at the memory bound.

    python bench/qgemv_sass.py          # needs Triton installed (CPU is fine); ~2-3 min

v6 (session 5): the whole K loop of one step (RB rows x BK values: the x reading, norm and packing
once a step included) over the weights a thread reads in it, for several modes and configs.

Prints one JSON object on the last line.
"""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    try:
        import triton
        from triton.backends.compiler import GPUTarget
        from triton.compiler import ASTSource
    except ImportError:
        print(json.dumps({"bench": "qgemv_sass", "error": "Triton is not installed"}))
        return 1
    from console.core.inference.quant import kernels as qk

    nvdisasm = os.path.join(os.path.dirname(triton.__file__), "backends/nvidia/bin/nvdisasm")

    def sass(fn, sig, consts, warps):
        div = {"N", "K", "KW", "KP", "NG", "HALF", "MAGIC"}  # what a real launch on the decode shapes gets
        attrs = {(i,): [["tt.divisibility", 16]] for i, (k, v) in enumerate(sig.items())
                 if v.startswith("*") or k in div}
        sig = dict(sig, **{k: "constexpr" for k in consts})
        c = triton.compile(ASTSource(fn, signature=sig, constexprs=consts, attrs=attrs),
                           target=GPUTarget("cuda", 90, 32), options={"num_warps": warps})
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "k.cubin")
            Path(p).write_bytes(c.asm["cubin"])
            return subprocess.run([nvdisasm, "-c", p], capture_output=True, text=True, check=True).stdout

    def ops(text):
        return [m.group(2).split(".")[0] for m in
                (re.match(r"\s*/\*[0-9a-f]+\*/\s+(@!?U?P\w+\s+)?([A-Z0-9_.]+)", ln) for ln in text.splitlines()) if m]

    out = {"bench": "qgemv_sass", "triton": triton.__version__, "target": "sm_90", "v2": {}, "v3": {}}
    for bits in (4, 8):
        g = 128 if bits == 4 else 0
        st = "*fp16" if bits == 4 else "*fp32"
        sig2 = {"x_ptr": "*bf16", "q_ptr": "*i32", "s_ptr": st, "z_ptr": st, "out_ptr": "*bf16", "nw_ptr": "*bf16",
                "N": "i32", "K": "i32", "KW": "i32", "KP": "i32", "NG": "i32", "HALF": "i32", "eps": "fp32",
                "ws_ptr": "*fp32", "cnt_ptr": "*i32", "KT": "i32"}
        bn, bk, w = 8, 2048, 8
        t = sass(qk._qgemv_kernel, sig2, dict(BITS=bits, G=g, BN=bn, BK=bk, NORM=False, MODE=0, ZP=False, GDC=True,
                                               WORDS=True), w)
        body = re.search(r"\n\.L_x_1:\n(.*?)BRA `\(\.L_x_1\)", t, re.S)
        n = len(ops(body.group(1))) + 1 if body else None
        per = bn * bk / (w * 32)
        out["v2"][f"int{bits}"] = {"cfg": [bn, bk, w], "loop_instr": n,
                                   "instr_per_weight": round(n / per, 2) if n else None}
        sig3 = {"x_ptr": "*bf16", "q_ptr": "*i32", "s_ptr": st, "z_ptr": st, "out_ptr": "*bf16", "nw_ptr": "*bf16",
                "ws_ptr": "*fp32", "cnt_ptr": "*i32", "N": "i32", "K": "i32", "KW": "i32", "NG": "i32", "HALF": "i32",
                "eps": "fp32", "MAGIC": "i32"}
        bk3 = 2048 if bits == 4 else 1024
        counts = {}
        for rb in (16, 32):
            consts = dict(BITS=bits, G=g, BN=8, BK=bk3, RB=rb, SPLIT=2, LAST=True, KX=4, NORM=False, MODE=0,
                          ZP=False, GDC=True, GE0=min(bk3, 128))
            counts[rb] = collections.Counter(ops(sass(qk._qgemv3_kernel, sig3, consts, 4)))
        per = 16 * bk3 / (4 * 32)  # the weights of 16 more rows, per thread
        diff = {k: (counts[32][k] - counts[16][k]) / per for k in counts[32]}
        out["v3"][f"int{bits}"] = {"cfg": [8, bk3, 4, "RB 16 -> 32"], "instr_per_weight": round(sum(diff.values()), 2),
                                   "top": {k: round(v, 2) for k, v in sorted(diff.items(), key=lambda kv: -kv[1])[:6]}}
        print(f"int{bits}: v2 {out['v2'][f'int{bits}']['instr_per_weight']}, v3 {out['v3'][f'int{bits}']['instr_per_weight']} "
              "SASS instructions a weight", file=sys.stderr)
    # v6 (f16x2 arithmetic): the instructions of its K loop (one K step of RB rows) over the weights one
    # step reads per thread, for the decode shapes' rule configs (9B: K = 4096 / 13696, 1.5B: K = 1536)
    out["v6"] = {}

    def loop_ops(text):
        lines = text.splitlines()
        labels = [i for i, ln in enumerate(lines) if re.match(r"\.L_x_\d+:", ln)]
        best = None
        for i in labels:  # the longest loop (a backward branch to a label): the K loop, not the x pre-pass
            name = lines[i].rstrip(":")
            end = next((j for j in range(i, len(lines)) if f"BRA `({name})" in lines[j]), None)
            if end is not None and (best is None or end - i > len(best)):
                best = ops("\n".join(lines[i:end + 1]))
        return best

    sig6 = {"x_ptr": "*bf16", "q_ptr": "*i32", "s_ptr": "*fp16", "z_ptr": "*fp16", "out_ptr": "*bf16",
            "nw_ptr": "*bf16", "N": "i32", "K": "i32", "KW": "i32", "NG": "i32", "HALF": "i32", "eps": "fp32"}
    for bits, (rb, bk, w), mode, norm, zp in [(4, (16, 4096, 4), 0, True, False), (4, (16, 4096, 4), 1, False, False),
                                              (4, (8, 4096, 4), 2, True, False), (4, (16, 4096, 4), 0, True, True),
                                              (4, (8, 512, 2), 0, True, False), (4, (16, 1024, 4), 0, True, False),
                                              (4, (16, 2048, 4), 0, True, False), (8, (16, 2048, 4), 0, True, False),
                                              (8, (8, 2048, 4), 2, True, False)]:
        g = 128 if bits == 4 else 0
        st = "*fp16" if bits == 4 else "*fp32"
        consts = dict(BITS=bits, G=g, RB=rb, BK=bk, KT=7, KX=4, NORM=norm, MODE=mode, ZP=zp, GDC=True, GE0=128,
                      XT=8 if bits == 4 else 6, ASM=True, MASKN=False, MASKK=False)
        body = loop_ops(sass(qk._qgemv6_kernel, dict(sig6, s_ptr=st, z_ptr=st), consts, w))
        per = rb * bk * (2 if mode == 2 else 1) / (w * 32)
        c = collections.Counter(body or [])
        key = f"int{bits}{' zp' if zp else ''} mode{mode}{' +norm' if norm else ''} cfg{[rb, bk, w]}"
        out["v6"][key] = {"loop_instr": len(body or []), "instr_per_weight": round(len(body) / per, 2) if body else None,
                          "top": {k: round(v / per, 2) for k, v in c.most_common(8)}}
        print(f"v6 {key}: {out['v6'][key]['instr_per_weight']} SASS instructions a weight (x prep included)",
              file=sys.stderr)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
