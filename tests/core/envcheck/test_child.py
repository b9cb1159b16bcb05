"""The child process that runs the torch/driver checks: same rows as in-process, killed at its
deadline with the rows it already gave kept, and a dying child reported with its last words."""

from __future__ import annotations

from pathlib import Path

from console.core.envcheck import RUNTIME_CHECKS, DoctorContext
from console.core.envcheck.child import ctx_from_json, ctx_to_json, run_in_child
from console.core.envcheck.cuda import check_cuda
from console.core.envcheck.model_checks import check_model
from console.core.envcheck.quant import check_quantization

T = "tests.core.envcheck.test_targets"


def test_runtime_checks_in_a_child_give_the_same_rows_as_in_process(bundled_gguf):
    ctx = DoctorContext(model=str(bundled_gguf), dtype="fp16")
    child = run_in_child(RUNTIME_CHECKS, ctx, timeout=120)
    here = check_cuda(ctx) + check_quantization(ctx) + check_model(ctx)
    assert [(r.name, r.status) for r in child] == [(r.name, r.status) for r in here]
    assert [r.group for r in child[:2]] == ["CUDA", "CUDA"] and child[-1].group == "Model"
    mem = next(r for r in child if r.name == "Model memory")
    assert mem.details["dtype"] == "fp16"  # the context made it across
    assert all(r.elapsed_s > 0 for r in child)


def test_a_hung_check_is_killed_and_the_others_kept():
    rows = run_in_child([("quick", "Python", f"{T}:quick"), ("hang", "CUDA", f"{T}:hang")],
                        DoctorContext(model="m.gguf", dtype="bf16"), timeout=8)
    assert [r.name for r in rows] == ["Quick", "CUDA"]
    assert rows[0].status == "ok" and rows[0].value == "model=m.gguf dtype=bf16"
    assert rows[1].status == "fail" and rows[1].details["timed_out"]
    assert "stopped" in rows[1].value


def test_a_dying_child_is_reported_with_its_last_words():
    rows = run_in_child([("crash", "CUDA", f"{T}:crash")], DoctorContext(), timeout=30)
    assert rows[0].status == "fail" and "exit code 3" in rows[0].value
    assert "segfaulted" in rows[0].hint


def test_an_exception_in_the_child_is_a_failed_row():
    rows = run_in_child([("raises", "CUDA", f"{T}:raises"), ("missing", "Model", f"{T}:no_such_function")],
                        DoctorContext(), timeout=30)
    assert rows[0].status == "fail" and "libcudart.so.12" in rows[0].value
    assert rows[1].status == "fail" and "cannot load" in rows[1].value


def test_context_round_trip(tmp_path):
    ctx = DoctorContext(model="x", dtype="fp32", quantization="4bit", context_tokens=99, data_dir=tmp_path,
                        model_dir=None)
    back = ctx_from_json(ctx_to_json(ctx))
    assert (back.model, back.dtype, back.quantization, back.context_tokens, back.data_dir, back.model_dir) == (
        "x", "fp32", "4bit", 99, Path(tmp_path), None)


def test_stop_kills_the_child_at_once():
    import threading

    ctx = DoctorContext()
    threading.Timer(1.0, ctx.stop.set).start()
    rows = run_in_child([("hang", "CUDA", f"{T}:hang")], ctx, timeout=120)
    assert rows[0].status == "skip" and "stopped" in rows[0].value
