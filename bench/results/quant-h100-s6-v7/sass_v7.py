"""v7's K loop compiled for sm_90 on the CPU (no GPU; Triton's ptxas / nvdisasm): SASS instructions a
weight and the top opcodes, per config (as bench/qgemv_sass.py does for v2..v6).

    python bench/results/quant-h100-s6-v7/sass_v7.py [--dump DIR]
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

import triton  # noqa: E402
from triton.backends.compiler import GPUTarget  # noqa: E402
from triton.compiler import ASTSource  # noqa: E402

from console.core.inference.quant import kernels as qk  # noqa: E402

NVDIS = os.path.join(os.path.dirname(triton.__file__), "backends/nvidia/bin/nvdisasm")
DUMP = sys.argv[sys.argv.index("--dump") + 1] if "--dump" in sys.argv else None


def sass(fn, sig, consts, warps, tag):
    div = {"N", "K", "KW", "NG", "HALF"}
    attrs = {(i,): [["tt.divisibility", 16]] for i, (k, v) in enumerate(sig.items()) if v.startswith("*") or k in div}
    sig = dict(sig, **{k: "constexpr" for k in consts})
    c = triton.compile(ASTSource(fn, signature=sig, constexprs=consts, attrs=attrs),
                       target=GPUTarget("cuda", 90, 32), options={"num_warps": warps})
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "k.cubin")
        Path(p).write_bytes(c.asm["cubin"])
        text = subprocess.run([NVDIS, "-c", p], capture_output=True, text=True, check=True).stdout
    if DUMP:
        os.makedirs(DUMP, exist_ok=True)
        Path(DUMP, tag + ".sass").write_text(text)
        Path(DUMP, tag + ".ttgir").write_text(c.asm["ttgir"])
    return text, c.n_regs if hasattr(c, "n_regs") else None, c.metadata.shared


def ops(text):
    return [m.group(2).split(".")[0] for m in
            (re.match(r"\s*/\*[0-9a-f]+\*/\s+(@!?U?P\w+\s+)?([A-Z0-9_.]+)", ln) for ln in text.splitlines()) if m]


def loop_ops(text):
    lines = text.splitlines()
    labels = [i for i, ln in enumerate(lines) if re.match(r"\.L_x_\d+:", ln)]
    best = None
    for i in labels:
        name = lines[i].rstrip(":")
        end = next((j for j in range(i, len(lines)) if f"BRA `({name})" in lines[j]), None)
        if end is not None and (best is None or end - i > len(best)):
            best = ops("\n".join(lines[i:end + 1]))
    return best


sig = {"x_ptr": "*bf16", "q_ptr": "*i32", "s_ptr": "*fp16", "z_ptr": "*fp16", "out_ptr": "*bf16", "nw_ptr": "*bf16",
       "ws_ptr": "*fp32", "M": "i32", "N": "i32", "K": "i32", "KW": "i32", "NG": "i32", "HALF": "i32", "eps": "fp32",
       "MAGIC": "i32"}
out = {}
cfgs = [(4, 128, False, (64, 512, 4), 0, True), (4, 128, False, (128, 512, 4), 0, True),
        (4, 128, False, (64, 1024, 4), 1, False), (4, 128, True, (64, 512, 4), 0, True),
        (4, 32, False, (64, 512, 4), 0, True), (4, 128, False, (64, 512, 4), 2, True),
        (8, 0, False, (64, 256, 4), 0, True), (8, 0, False, (128, 256, 4), 0, True)]
for bits, g, zp, (bn, bk, w), mode, norm in cfgs:
    st = "*fp16" if bits == 4 else "*fp32"
    consts = dict(BITS=bits, G=g, BN=bn, BK=bk, KT=7, SPLIT=1, KX=4, NORM=norm, MODE=mode, ZP=zp, GDC=True, M1=True,
                  MASKN=False, MASKK=False, PREC="tf32", INTERP=False)
    tag = f"int{bits}g{g}{'zp' if zp else ''}_m{mode}{'n' if norm else ''}_{bn}x{bk}w{w}"
    text, regs, smem = sass(qk._qgemv7_kernel, dict(sig, s_ptr=st, z_ptr=st), consts, w, tag)
    body = loop_ops(text)
    per = bn * bk * (2 if mode == 2 else 1) / (w * 32)
    c = collections.Counter(body or [])
    regm = re.findall(r"R(\d+)", text)
    out[tag] = {"loop_instr": len(body or []), "instr_per_weight": round(len(body) / per, 2) if body else None,
                "max_reg": max(map(int, regm)) + 1 if regm else None, "smem": smem,
                "top": {k: round(v / per, 2) for k, v in c.most_common(10)}}
    print(tag, json.dumps(out[tag]), file=sys.stderr, flush=True)
print(json.dumps({"bench": "sass_v7", "triton": triton.__version__, "target": "sm_90", "v7": out}))
