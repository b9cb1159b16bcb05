"""Compile the dp4a GEMV (quant/gemv_dp4a.py, the inline-asm path) for sm_90a without a GPU: PTX errors, registers,
spills and the SASS of the K loop (instructions a weight, IDP4A count).

Triton compiles for ``GPUTarget("cuda", 90, 32)`` on the CPU (ptxas and nvdisasm ship in its wheel), with the
argument divisibility a real launch on the decode shapes gets; ``ptxas -v`` on the PTX gives registers and spills.

    PYTHONPATH=<triton 3.6> python bench/qgemv_dp4a_compile.py [--quick]

Prints one line a configuration and one JSON object on the last line.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    try:
        import triton
        from triton.backends.compiler import GPUTarget
        from triton.compiler import ASTSource
    except ImportError:
        print(json.dumps({"bench": "qgemv_dp4a_compile", "error": "Triton is not installed"}))
        return 1
    from console.core.inference.quant import gemv_dp4a as gd

    bindir = os.path.join(os.path.dirname(triton.__file__), "backends/nvidia/bin")
    sig = {"x_ptr": "*bf16", "q_ptr": "*i32", "s_ptr": "*fp16", "z_ptr": "*fp16", "out_ptr": "*bf16",
           "nw_ptr": "*bf16", "xw_ptr": "*i32", "d_ptr": "*fp32", "bs_ptr": "*i32", "ss_ptr": "*fp32",
           "dump_ptr": "*i32", "N": "i32", "K": "i32", "KW": "i32", "KB": "i32", "NG": "i32", "HALF": "i32",
           "NXP": "i32", "eps": "fp32", "KTR": "i32"}
    div = {"N", "K", "KW", "KB", "NG", "HALF"}

    def build(fn, sg, consts, warps):
        attrs = {(i,): [["tt.divisibility", 16]] for i, (k, v) in enumerate(sg.items())
                 if v.startswith("*") or k in div}
        sg = dict(sg, **{k: "constexpr" for k in consts})
        c = triton.compile(ASTSource(fn, signature=sg, constexprs=consts, attrs=attrs),
                           target=GPUTarget("cuda", 90, 32), options={"num_warps": warps})
        with tempfile.TemporaryDirectory() as d:
            ptx = os.path.join(d, "k.ptx")
            Path(ptx).write_text(c.asm["ptx"])
            v = subprocess.run([os.path.join(bindir, "ptxas"), "-v", "--gpu-name", "sm_90a", ptx, "-o",
                                os.path.join(d, "k.o")], capture_output=True, text=True)
            cub = os.path.join(d, "k.cubin")
            Path(cub).write_bytes(c.asm["cubin"])
            sass = subprocess.run([os.path.join(bindir, "nvdisasm"), "-c", cub], capture_output=True,
                                  text=True).stdout
        regs = re.search(r"Used (\d+) registers", v.stderr)
        spill = re.search(r"(\d+) bytes spill stores", v.stderr)
        return c, (int(regs.group(1)) if regs else None), (int(spill.group(1)) if spill else None), sass, v

    def ops(text):
        return [m.group(2).split(".")[0] for m in
                (re.match(r"\s*/\*[0-9a-f]+\*/\s+(@!?U?P\w+\s+)?([A-Z0-9_.]+)", ln) for ln in text.splitlines()) if m]

    rows = []
    cfgs = [(8, 1024, 4, 0), (16, 1024, 8, 1)] if args.quick else gd.SWEEP
    products = [("qkv+norm", 4096, 0, True, 128), ("o", 4096, 1, False, 128), ("gate/up+norm", 4096, 2, True, 128),
                ("down", 13696, 1, False, 128), ("qkv g64", 4096, 0, True, 64), ("zp g128", 4096, 0, False, 128)]
    if args.quick:
        products = products[:3]
    for name, k, mode, norm, group in products:
        for bn, bk, w, xq in cfgs:
            consts = dict(KT=0, G=group, BN=bn, BK=bk, NORM=norm, MODE=mode, ZP=name.startswith("zp"), GDC=True,
                          XQ=bool(xq), XP=32, EMULATE=False, DUMP=False, PF=True)
            row = {"product": name, "k": k, "cfg": [bn, bk, w, xq]}
            try:
                c, regs, spill, sass, v = build(gd._dp4a_gemv_kernel, sig, consts, w)
                all_ops = ops(sass)
                cnt = collections.Counter(all_ops)
                # the K loop: the longest backward-branch body
                loops = re.findall(r"\n(\.L_x_\d+):\n(.*?)BRA `\(\1\)", sass, re.S)
                body = max((ops(b) for _, b in loops), key=len, default=[])
                words = bn * bk // 8 * (2 if mode == 2 else 1) / (w * 32)  # weight words a thread a K step
                row.update(regs=regs, spill_bytes=spill, sass_total=len(all_ops),
                           idp4a=sum(v for o, v in cnt.items() if o.startswith("IDP")),
                           loop_instr=len(body), loop_idp4a=sum(o.startswith("IDP") for o in body),
                           instr_per_weight=round(len(body) / (8 * words), 3) if body and words else None,
                           ptx_dp4a="dp4a.u32.s32" in c.asm["ptx"])
            except Exception as e:  # noqa: BLE001 - reported, the others still compile
                row["error"] = f"{type(e).__name__}: {str(e)[:400]}"
            print(json.dumps(row), flush=True)
            rows.append(row)
    # the x-quantizing kernel
    xsig = {"x_ptr": "*bf16", "nw_ptr": "*bf16", "xw_ptr": "*i32", "d_ptr": "*fp32", "bs_ptr": "*i32",
            "ss_ptr": "*fp32", "K": "i32", "KB": "i32"}
    for norm in (False, True):
        try:
            c, regs, spill, sass, v = build(gd._xq_kernel, xsig, dict(NORM=norm, NB=gd.QB, GDC=True), 4)
            r = {"product": "xq_kernel", "norm": norm, "regs": regs, "spill_bytes": spill,
                 "sass_total": len(ops(sass))}
        except Exception as e:  # noqa: BLE001
            r = {"product": "xq_kernel", "norm": norm, "error": f"{type(e).__name__}: {str(e)[:400]}"}
        print(json.dumps(r), flush=True)
        rows.append(r)
    print(json.dumps({"bench": "qgemv_dp4a_compile", "triton": triton.__version__, "target": "sm_90a",
                      "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
