"""The doctor's checks: the version matrix with made-up inputs, every check on this machine, the
runner's concurrency and time limits, and the command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from console.core.demo.broker import free_port
from console.core.envcheck import (
    Check,
    CheckResult,
    DoctorContext,
    build_report,
    default_checks,
    doctor_main,
    run_checks,
    to_markdown,
    to_text,
)
from console.core.envcheck.cuda import (
    CudaFacts,
    GpuFacts,
    check_cuda,
    cuda_from_nvml_int,
    judge_arch,
    judge_cuda,
    judge_driver_vs_torch,
    judge_gpu_memory,
)
from console.core.envcheck.disk import check_disk, judge_space
from console.core.envcheck.python_env import (
    check_packages,
    check_python,
    judge_pyside_python,
    judge_python,
    judge_venv,
    judge_version,
)
from console.core.envcheck.display_platform import check_qt
from console.core.envcheck.quant import check_quantization, judge_bitsandbytes
from console.core.versions import REQUIREMENTS, Requirement, requirement, versions_markdown

ROOT = Path(__file__).resolve().parents[3]
GiB = 1024**3


def _by_name(rows):
    return {r.name: r for r in rows}


# -- version matrix (pure) -----------------------------------------------------------------------
def test_driver_for_cuda_12_2_vs_torch_built_for_12_4_fails_with_the_fix():
    r = judge_driver_vs_torch("12.2", "12.4", "535.54.03")
    assert r.status == "fail"
    assert "12.2" in r.value and "12.4" in r.value and "535.54.03" in r.value
    assert "550.54.14" in r.hint  # the first driver with CUDA 12.4
    assert "https://download.pytorch.org/whl/cu121" in r.hint  # a torch that this driver can run


@pytest.mark.parametrize("driver, torch_cuda, status", [
    ("12.4", "12.4", "ok"), ("12.8", "12.1", "ok"), ("13.0", "12.8", "ok"),
    ("11.8", "12.1", "fail"), ("12.6", "12.8", "fail"),
    (None, "12.4", "skip"), ("12.2", None, "skip"),
])
def test_driver_vs_torch_matrix(driver, torch_cuda, status):
    assert judge_driver_vs_torch(driver, torch_cuda).status == status


def test_driver_too_old_for_any_wheel_still_says_update_the_driver():
    r = judge_driver_vs_torch("11.4", "12.4")
    assert r.status == "fail" and "550.54.14" in r.hint and "index-url" not in r.hint


def test_nvml_cuda_version_decoding():
    assert cuda_from_nvml_int(12020) == "12.2"
    assert cuda_from_nvml_int(13000) == "13.0"
    assert cuda_from_nvml_int(11080) == "11.8"


@pytest.mark.parametrize("cc, archs, status, text", [
    ((9, 0), ["sm_80", "sm_90"], "ok", "sm_90"),
    ((8, 9), ["sm_80", "sm_86", "sm_90"], "ok", "runs the sm_86 kernels"),
    ((12, 0), ["sm_80", "sm_90", "compute_90"], "warn", "PTX compute_90"),
    ((12, 0), ["sm_80", "sm_90"], "fail", "sm_120"),
    ((3, 7), ["sm_50", "sm_60", "sm_70"], "fail", "sm_37"),
    ((9, 0), ["sm_90a"], "ok", "sm_90"),
])
def test_compute_capability_against_arch_list(cc, archs, status, text):
    r = judge_arch(cc, archs, "GPU 0 Test", "2.13.0")
    assert r.status == status
    assert text in r.value + r.hint
    if status != "ok":
        assert "torch" in r.hint


def test_cpu_torch_with_a_gpu_present_fails():
    f = CudaFacts(torch_version="2.13.0+cpu", torch_cuda=None, driver_version="550.54.14", driver_cuda="12.4",
                  gpus=[GpuFacts(0, "NVIDIA H100", (9, 0), 80 * GiB, 79 * GiB)])
    by = _by_name(judge_cuda(f))
    assert by["CUDA"].status == "fail" and "CPU build" in by["CUDA"].value
    assert "download.pytorch.org" in by["CUDA"].hint


def test_old_driver_with_gpu_fails_both_cuda_and_driver_rows():
    f = CudaFacts(torch_version="2.6.0+cu124", torch_cuda="12.4", cuda_available=False, driver_version="535.54.03",
                  driver_cuda="12.2", arch_list=["sm_80", "sm_90"],
                  gpus=[GpuFacts(0, "NVIDIA A100", (8, 0), 40 * GiB, 39 * GiB)])
    rows = judge_cuda(f)
    by = _by_name(rows)
    assert by["CUDA"].status == "fail"
    assert by["Driver vs torch CUDA"].status == "fail"
    assert by["NVIDIA driver"].status == "ok" and "535.54.03" in by["NVIDIA driver"].value
    assert by["Compute capability (GPU 0 NVIDIA A100)"].status == "ok"
    assert by["GPU 0 memory"].status == "ok" and "39.0 GiB free of 40.0 GiB" in by["GPU 0 memory"].value


def test_healthy_gpu_box_is_all_ok():
    f = CudaFacts(torch_version="2.13.0+cu128", torch_cuda="12.8", cuda_available=True, driver_version="575.51.03",
                  driver_cuda="12.9", arch_list=["sm_80", "sm_90", "sm_100", "sm_120"],
                  gpus=[GpuFacts(0, "H100", (9, 0), 80 * GiB, 78 * GiB), GpuFacts(1, "H100", (9, 0), 80 * GiB, 78 * GiB)])
    rows = judge_cuda(f)
    assert {r.status for r in rows} == {"ok"}
    assert len([r for r in rows if r.name.startswith("GPU ")]) == 2


def test_gpu_memory_held_by_others_warns():
    r = judge_gpu_memory(GpuFacts(0, "RTX 4090", (8, 9), 24 * GiB, 3 * GiB))
    assert r.status == "warn" and "nvidia-smi" in r.hint and "21.0 GiB" in r.hint


def test_no_gpu_is_a_warning_with_a_hint():
    rows = judge_cuda(CudaFacts(torch_version="2.13.0+cpu", nvml_error="NVMLError_LibraryNotFound"))
    cuda = rows[0]
    assert cuda.name == "CUDA" and cuda.status == "warn" and cuda.value.startswith("no CUDA")
    assert "NVIDIA driver" in cuda.hint
    assert not [r for r in rows if r.status == "fail"]


# -- Python, packages, PySide6 --------------------------------------------------------------------
def test_python_versions():
    assert judge_python((3, 9, 18)).status == "fail"
    assert "3.11" in judge_python((3, 9, 18)).hint
    assert judge_python((3, 11, 7)).status == "ok"
    assert judge_venv("/usr", "/usr").status == "warn"
    assert judge_venv("/x/.venv", "/usr").status == "ok"


def test_package_version_judgement():
    req = Requirement("torch", ("torch",), "2.4", "2.13.0", below="2.14")
    assert judge_version(req, None).status == "fail"
    assert judge_version(req, "2.3.1").status == "fail"
    assert "older than the minimum 2.4" in judge_version(req, "2.3.1").hint
    assert judge_version(req, "2.6.0+cu124").status == "warn"
    assert judge_version(req, "2.13.0+cpu").status == "ok"
    newer = judge_version(req, "2.14.0")
    assert newer.status == "warn" and "torch==2.13.0" in newer.hint
    opt = Requirement("bitsandbytes", ("bitsandbytes",), "0.43", "0.45", required=False)
    assert judge_version(opt, None).status == "skip"


def test_pyside_6_12_0_on_python_3_11_fails_with_the_fix():
    r = judge_pyside_python("6.12.0", (3, 11, 7))
    assert r.status == "fail"
    assert "bool_dealloc" in r.hint and "PySide6-Essentials==6.11.3" in r.hint and "3.12" in r.hint
    assert judge_pyside_python("6.12.0", (3, 12, 3)).status == "ok"
    assert judge_pyside_python("6.12.1", (3, 11, 7)).status == "warn"
    assert judge_pyside_python("6.11.3", (3, 11, 7)).status == "ok"
    assert judge_pyside_python(None, (3, 11, 7)).status == "skip"


def test_version_table_matches_pyproject_lower_bounds():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = deps["dependencies"] + [d for extra in deps["optional-dependencies"].values() for d in extra]
    for req in REQUIREMENTS:
        declared = [d for d in lines if re.match(rf"^{re.escape(req.dists[0])}\s*[><=!;]", d, re.IGNORECASE)]
        assert declared, f"{req.dists[0]} is not declared in pyproject.toml"
        for d in declared:
            low = re.search(r">=\s*([\w.]+)", d)
            assert low and low.group(1) == req.minimum, f"{d!r} vs the table's minimum {req.minimum}"


def test_versions_markdown_lists_every_requirement():
    md = versions_markdown()
    assert md.startswith("| Component |")
    for req in REQUIREMENTS:
        assert f"| {req.name}" in md and req.minimum in md
    assert requirement("pyside6").name == "PySide6"


def test_python_and_packages_on_this_machine():
    py = _by_name(check_python(None))
    assert py["Python"].status == "ok"
    assert py["Virtual environment"].status == ("ok" if sys.prefix != sys.base_prefix else "warn")
    pk = _by_name(check_packages(None))
    for name in ("torch", "transformers", "accelerate", "paho-mqtt", "PySide6"):
        assert pk[name].status in ("ok", "warn"), pk[name]
        assert pk[name].status == "ok" or pk[name].hint, pk[name]  # a warning says what to do
    assert pk["PySide6 on this Python"].status == "ok"  # the suite itself would crash otherwise


# -- CUDA, quantization, disk, Qt on this machine --------------------------------------------------
def test_cuda_check_on_this_machine_does_not_crash():
    rows = check_cuda(DoctorContext())
    cuda = rows[0]
    assert cuda.name == "CUDA"
    import torch

    if torch.cuda.is_available():
        assert cuda.status == "ok"
    else:
        assert cuda.status == "warn" and "no CUDA" in cuda.value and cuda.hint
        assert not [r for r in rows if r.status == "fail"]


def test_bitsandbytes_judgement():
    assert judge_bitsandbytes(None, "", False, "none", "").status == "skip"
    assert judge_bitsandbytes(None, "", True, "4bit", "").status == "fail"
    assert judge_bitsandbytes("0.45.0", "", False, "int8", "").status == "fail"  # int8 needs CUDA
    assert judge_bitsandbytes("0.45.0", "OSError: libbitsandbytes_cuda124.so", True, "4bit", "").status == "fail"
    assert judge_bitsandbytes("0.45.0", "", True, "none", "CUDA error: no kernel image").status == "warn"
    assert judge_bitsandbytes("0.45.0", "", True, "4bit", None).status == "ok"
    assert judge_bitsandbytes("0.41.0", "", True, "4bit", None).status == "fail"
    assert judge_bitsandbytes(None, "", True, "8bit", "").status == "fail"  # the Model panel's spelling
    assert judge_bitsandbytes(None, "", True, "nf4", "").status == "fail"


def test_quantization_on_this_machine():
    import importlib.metadata

    import torch

    rows = _by_name(check_quantization(DoctorContext()))
    assert rows["GGUF support"].status == "ok"
    try:
        bnb = importlib.metadata.version("bitsandbytes")
    except importlib.metadata.PackageNotFoundError:
        bnb = None
    cuda = torch.cuda.is_available()
    row = rows["bitsandbytes"]  # not wanted (quantization none): never a failure, and exactly why
    if bnb is None:
        assert (row.status, row.value) == ("skip", "not installed (optional)"), row
    elif not cuda:
        assert (row.status, row.value) == ("skip", f"{bnb}, importable; no CUDA to run it on"), row
    else:  # a supported GPU install: the doctor's own 4-bit round trip must work
        assert (row.status, row.value) == ("ok", f"{bnb}, 4-bit round trip on the GPU works"), row
    wants_4bit = _by_name(check_quantization(DoctorContext(quantization="4bit")))["bitsandbytes"]
    if bnb is None:
        assert (wants_4bit.status, wants_4bit.value) == ("fail", "not installed; the model is set to 4bit")
    elif not cuda:
        assert (wants_4bit.status, wants_4bit.value) == ("fail", f"{bnb}, importable; no CUDA to run it on")
        assert wants_4bit.hint.startswith("8-bit / 4-bit loading needs a CUDA GPU here")
    else:
        assert wants_4bit.status == "ok", wants_4bit


def test_disk_rows_on_this_machine(tmp_path):
    rows = check_disk(DoctorContext(model_dir=tmp_path / "models", data_dir=tmp_path / "data"))
    by = _by_name(rows)
    assert by["Model cache write access"].status == "ok"
    assert by["Data dir write access"].status == "ok"
    assert by["Model cache free space"].details["free_bytes"] > 0
    assert not list((tmp_path / "models").iterdir())  # the probe file is gone


def test_unwritable_dir_fails_with_a_hint(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    by = _by_name(check_disk(DoctorContext(model_dir=blocker / "models", data_dir=tmp_path / "data")))
    row = by["Model cache write access"]
    assert row.status == "fail" and "AUTOGLM_MODEL_DIR" in row.hint
    assert by["Data dir write access"].status == "ok"


def test_disk_space_thresholds():
    assert judge_space("Data dir", "/x", 100 * 2**20, GiB, 200 * 2**20, "why").status == "fail"
    assert judge_space("Data dir", "/x", GiB // 2, GiB, 200 * 2**20, "why").status == "warn"
    assert judge_space("Data dir", "/x", 5 * GiB, GiB, 200 * 2**20, "why").status == "ok"


def test_qt_probe_on_this_machine():
    platform, gl = check_qt(DoctorContext())
    assert platform.status == "ok", platform  # the suite runs with QT_QPA_PLATFORM=offscreen
    assert "offscreen" in platform.value and "offscreen" in platform.details["plugins"]
    if gl.details:  # the probe made an OpenGL context: shown as what it got
        assert gl.status == "ok"
        assert gl.value == f"{gl.details['version']} ({gl.details['renderer']}, {gl.details['vendor']})"
    else:  # it could not: a warning that names the platform, the error and the offscreen advice
        assert gl.status == "warn", gl
        assert gl.value.startswith("not available on 'offscreen': ") and len(gl.value) > 31, gl.value
        assert gl.hint.startswith("The graphs draw without OpenGL") and "offscreen platform often has none" in gl.hint


def test_qt_probe_with_an_unknown_platform_fails_without_killing_us(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "no-such-platform")
    platform, gl = check_qt(DoctorContext())
    assert platform.status == "fail"
    assert "no-such-platform" in platform.value
    assert gl.status == "skip"


def test_qt_probe_without_a_display_warns_and_checks_offscreen(monkeypatch):
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    platform, _ = check_qt(DoctorContext())
    assert platform.status == "warn" and "no display" in platform.value
    assert "QT_QPA_PLATFORM=offscreen" in platform.hint


# -- the runner ------------------------------------------------------------------------------------
def test_runner_runs_concurrently_with_time_limits_and_survives_crashes():
    release = threading.Event()
    started = {}

    def hangs(ctx):
        started["hangs"] = threading.current_thread().name
        release.wait(30)
        return CheckResult("late", "ok", "too late")

    def quick(ctx):
        started["quick"] = threading.current_thread().name
        return [CheckResult("Quick A", "ok", "1"), CheckResult("Quick B", "warn", "2", hint="h")]

    def crashes(ctx):
        raise RuntimeError("boom")

    seen = []
    checks = [Check("hangs", "G1", hangs, 0.5), Check("quick", "G2", quick, 10), Check("crash", "G3", crashes, 10)]
    try:
        rows = run_checks(checks, DoctorContext(), on_result=seen.append)
    finally:
        release.set()
    assert [r.name for r in rows] == ["G1", "Quick A", "Quick B", "G3"]
    assert rows[0].status == "fail" and rows[0].details["timed_out"] and "0.5 s" in rows[0].value
    assert rows[1].group == "G2" and rows[2].status == "warn"
    assert rows[3].status == "fail" and "RuntimeError: boom" in rows[3].value
    assert started == {"hangs": "doctor-hangs", "quick": "doctor-quick"}
    assert sorted(r.name for r in seen) == sorted(r.name for r in rows)


def test_runner_stop_abandons_the_run():
    release = threading.Event()
    stop = threading.Event()

    def hangs(ctx):
        stop.set()
        release.wait(30)
        return CheckResult("x", "ok", "x")

    try:
        rows = run_checks([Check("hangs", "G", hangs, 60)], DoctorContext(), stop=stop)
    finally:
        release.set()
    assert rows == []


def test_every_default_check_runs_on_this_machine(mosquitto):
    from console.core.mqtt.link import BrokerConfig

    ctx = DoctorContext(broker=BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix="tdoctor"))
    rows = run_checks(default_checks(ctx), ctx)
    groups = {r.group for r in rows}
    assert groups == {"Python", "Packages", "CUDA", "Quantization", "Model", "Model server", "Broker", "Disk", "Qt"}
    assert not [r for r in rows if r.details.get("timed_out")]
    names = [r.name for r in rows]
    assert len(names) == len(set(names)), "two rows with one name cannot be told apart in the report"
    bad = [r for r in rows if r.status == "fail"]
    assert not bad, bad
    for r in rows:
        if r.status == "warn":
            assert r.hint, f"{r.name} warns without saying what to do"


# -- report and command line -----------------------------------------------------------------------
def test_report_forms():
    rows = [CheckResult("A", "ok", "fine", group="G"), CheckResult("B", "fail", "bad | worse", "good", "do X", group="G")]
    rep = build_report(rows)
    assert rep["status"] == "fail" and rep["summary"] == {"ok": 1, "warn": 0, "fail": 1, "skip": 0}
    text = to_text(rep)
    assert "[FAIL] B: bad | worse" in text and "fix: do X" in text
    md = to_markdown(rep)
    assert "## What to fix" in md and "bad \\| worse" in md
    json.dumps(rep)


def test_doctor_main_json_is_one_document_and_fails_on_a_closed_port(capfd):
    port = free_port()
    quick = [c for c in default_checks() if c.id in ("python", "broker", "disk")]
    rc = doctor_main(json_out=True, broker_url=f"mqtt://127.0.0.1:{port}", checks=quick)
    out, _ = capfd.readouterr()
    report = json.loads(out)  # the whole of stdout is the one JSON document
    assert rc == 1
    tcp = next(c for c in report["checks"] if c["name"] == "Broker TCP")
    assert tcp["status"] == "fail" and "connection refused" in tcp["value"]
    assert report["status"] == "fail"


def test_cli_doctor_plain_and_json(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    plain = subprocess.run([sys.executable, "-m", "console", "doctor"], capture_output=True, text=True, env=env,
                           timeout=180, cwd=ROOT)
    assert plain.returncode == 0, plain.stdout + plain.stderr
    assert "AutoGLM Console doctor" in plain.stdout and "[OK  ] Python" in plain.stdout
    js = subprocess.run([sys.executable, "-m", "console", "doctor", "--json"], capture_output=True, text=True,
                        env=env, timeout=180, cwd=ROOT)
    assert js.returncode == 0, js.stderr
    report = json.loads(js.stdout)
    assert report["schema"] == 1 and report["status"] in ("ok", "warn")
    names = {c["name"] for c in report["checks"]}
    assert {"Python", "torch", "CUDA", "Model memory", "Broker", "Qt platform plugin"} <= names


def test_group_status_is_the_worst_row_and_skipped_only_when_nothing_ran():
    from console.core.envcheck.result import worst

    def rows(*statuses):
        return [CheckResult(s, s, "") for s in statuses]

    assert worst(rows("ok", "skip")) == "ok"
    assert worst(rows("skip", "skip")) == "skip"
    assert worst(rows("ok", "warn", "skip")) == "warn"
    assert worst(rows("warn", "fail", "ok")) == "fail"
    with pytest.raises(ValueError):
        CheckResult("x", "bad-status", "")


def test_doctor_output_never_shows_the_broker_password(capfd, mosquitto):
    quick = [c for c in default_checks() if c.id in ("python", "broker")]
    rc = doctor_main(json_out=False, broker_url=f"mqtt://someone:Pw-NotShown-77@127.0.0.1:{mosquitto.port}",
                     checks=quick)
    out, err = capfd.readouterr()
    assert "Pw-NotShown-77" not in out + err
    assert "Broker login (CONNACK)" in out
    assert rc == 0  # Mosquitto with anonymous access takes any user


def test_a_pyside_6_12_0_wheel_anywhere_in_the_environment_is_flagged(tmp_path, monkeypatch):
    """A PySide6-Addons 6.12.0 installed next to Essentials 6.11.3 overwrites shared files: the
    doctor reads the installed metadata (a real dist-info folder here) and flags it on Python 3.11."""
    info = tmp_path / "PySide6_Addons-6.12.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: PySide6-Addons\nVersion: 6.12.0\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    importlib.invalidate_caches()
    row = _by_name(check_packages(None))["PySide6 on this Python"]
    assert "6.12.0" in row.value
    expected = "fail" if sys.version_info[:2] == (3, 11) else ("warn" if sys.version_info < (3, 12) else "ok")
    assert row.status == expected
