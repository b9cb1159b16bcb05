"""The PTX of the v6 quantized GEMV (``quant.kernels.V6_PTX_*``), run through a small emulator of the
instructions it uses (lop3, shr, xor, prmt, f16x2 sub / mul / fma, f16 add, cvt), on the CPU without
Triton or a GPU: for every nibble / byte value at every position and random activations, one word's
result equals sum_i (w_i - z) x_i up to fp16 rounding of the sums, and is exact where the sums are
exactly representable.  This pins the magic numbers (0x64006400, the 1/16 scale, the biases 1032 /
-72, 1152) and the pairing of the activations with the weights ((x_i, x_{i+4}) for int4, (x_i, x_{i+2})
for int8) that the kernel's packing (``_v6_x``) relies on.  The kernel around the PTX runs in Triton's
interpreter (test_quant_kernels_interp.py) and on the GPU (tests/gpu/test_quant_gpu.py)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from console.core.inference.quant import kernels as qk


def f16(bits: int) -> np.float16:
    return np.array([bits & 0xFFFF], dtype=np.uint16).view(np.float16)[0]


def bits16(v) -> int:
    return int(np.array([v], dtype=np.float16).view(np.uint16)[0])


def halves(r: int) -> tuple[np.float16, np.float16]:
    return f16(r), f16(r >> 16)


def pack(lo, hi) -> int:
    return bits16(lo) | (bits16(hi) << 16)


def lop3(a: int, b: int, c: int, lut: int) -> int:
    out = 0
    for i in range(32):
        idx = (((a >> i) & 1) << 2) | (((b >> i) & 1) << 1) | ((c >> i) & 1)
        out |= ((lut >> idx) & 1) << i
    return out


def prmt(a: int, b: int, sel: int) -> int:
    src = [(a >> (8 * i)) & 0xFF for i in range(4)] + [(b >> (8 * i)) & 0xFF for i in range(4)]
    return sum(src[(sel >> (4 * i)) & 7] << (8 * i) for i in range(4))


def rn16(v: float) -> np.float16:
    return np.float16(v)  # float64 -> fp16, round to nearest even (one rounding: fma semantics)


def run_ptx(src: str, args: list[int]) -> float:
    """Run ``src`` (the kernel's asm: $0 the f32 result, $1.. the 32-bit inputs); returns $0."""
    regs: dict[str, object] = {f"${i + 1}": a for i, a in enumerate(args)}

    def val(tok: str) -> int:
        tok = tok.strip()
        return int(tok, 16) if tok.startswith("0x") else int(tok) if tok.isdigit() else regs[tok]

    for line in src.splitlines():
        line = line.strip().rstrip(";")
        if not line or line in "{}" or line.startswith(".reg"):
            continue
        op, rest = line.split(None, 1)
        ops = [t.strip() for t in re.split(r",(?![^{]*})", rest)]
        d = ops[0]
        if op == "mov.b32" and d.startswith("{"):
            lo, hi = (t.strip() for t in d.strip("{}").split(","))
            regs[lo], regs[hi] = halves(val(ops[1]))
        elif op == "mov.b32":
            regs[d] = val(ops[1]) & 0xFFFFFFFF
        elif op == "lop3.b32":
            regs[d] = lop3(val(ops[1]), val(ops[2]), val(ops[3]), val(ops[4]))
        elif op == "shr.u32":
            regs[d] = (val(ops[1]) & 0xFFFFFFFF) >> val(ops[2])
        elif op == "xor.b32":
            regs[d] = (val(ops[1]) ^ val(ops[2])) & 0xFFFFFFFF
        elif op == "prmt.b32":
            regs[d] = prmt(val(ops[1]), val(ops[2]), val(ops[3]))
        elif op in ("sub.f16x2", "mul.f16x2", "fma.rn.f16x2"):
            a, b = halves(val(ops[1])), halves(val(ops[2]))
            c = halves(val(ops[3])) if op.startswith("fma") else (0, 0)
            f = {"sub.f16x2": lambda p, q, r: float(p) - float(q), "mul.f16x2": lambda p, q, r: float(p) * float(q),
                 "fma.rn.f16x2": lambda p, q, r: float(p) * float(q) + float(r)}[op]
            regs[d] = pack(rn16(f(a[0], b[0], c[0])), rn16(f(a[1], b[1], c[1])))
        elif op == "add.f16":
            regs[d] = rn16(float(regs[ops[1]]) + float(regs[ops[2]]))
        elif op == "cvt.f32.f16":
            regs[d] = float(regs[ops[1]])
        else:
            raise AssertionError(f"instruction not emulated: {op}")
    return regs["$0"]


def test_the_emulator_runs_every_instruction_of_the_kernel_asm():
    used = {ln.strip().split()[0] for src in (qk.V6_PTX_INT4_SYM, qk.V6_PTX_INT4_ZP, qk.V6_PTX_INT8)
            for ln in src.splitlines() if ln.strip() and ln.strip()[0] not in "{}."}
    assert used == {"mov.b32", "lop3.b32", "shr.u32", "xor.b32", "prmt.b32", "sub.f16x2", "mul.f16x2",
                    "fma.rn.f16x2", "add.f16", "cvt.f32.f16"}


@pytest.mark.parametrize("zp", [False, True])
def test_int4_word_every_nibble_at_every_position(zp):
    """Unit activations one position at a time: the word's result is exactly the nibble (minus 8)."""
    src = qk.V6_PTX_INT4_ZP if zp else qk.V6_PTX_INT4_SYM
    for pos in range(8):
        for n in range(16):
            word = n << (4 * pos)
            xs = [0.0] * 8
            xs[pos] = 1.0
            pairs = [pack(xs[i], xs[i + 4]) for i in range(4)]
            assert run_ptx(src, [word] + pairs) == n - (0 if zp else 8), (pos, n)


@pytest.mark.parametrize("zp", [False, True])
def test_int4_word_random(zp):
    src = qk.V6_PTX_INT4_ZP if zp else qk.V6_PTX_INT4_SYM
    rng = np.random.default_rng(1)
    for _ in range(300):
        nib = rng.integers(0, 16, 8)
        word = int(sum(int(v) << (4 * i) for i, v in enumerate(nib)))
        xs = [float(np.float16(v)) for v in rng.normal(0, 30, 8)]  # fp16 values, as the kernel packs them
        pairs = [pack(xs[i], xs[i + 4]) for i in range(4)]
        ref = sum((float(v) - (0 if zp else 8)) * x for v, x in zip(nib, xs))
        got = run_ptx(src, [word] + pairs)
        scale = sum(abs((float(v) - (0 if zp else 8)) * x) for v, x in zip(nib, xs))
        assert abs(got - ref) <= 3 * 2.0**-11 * scale + 1e-6, (nib, xs, got, ref)


def test_int8_word_every_byte_at_every_position_and_random():
    for pos in range(4):
        for b in range(-128, 128):
            word = (b & 0xFF) << (8 * pos)
            xs = [0.0] * 4
            xs[pos] = 1.0
            pairs = [pack(xs[0], xs[2]), pack(xs[1], xs[3])]
            assert run_ptx(qk.V6_PTX_INT8, [word] + pairs) == b, (pos, b)
    rng = np.random.default_rng(2)
    for _ in range(300):
        bs = rng.integers(-128, 128, 4)
        word = int(sum((int(v) & 0xFF) << (8 * i) for i, v in enumerate(bs)))
        xs = [float(np.float16(v)) for v in rng.normal(0, 10, 4)]
        ref = sum(float(v) * x for v, x in zip(bs, xs))
        got = run_ptx(qk.V6_PTX_INT8, [word, pack(xs[0], xs[2]), pack(xs[1], xs[3])])
        scale = sum(abs(float(v) * x) for v, x in zip(bs, xs))
        assert abs(got - ref) <= 3 * 2.0**-11 * scale + 1e-6, (bs, xs, got, ref)
