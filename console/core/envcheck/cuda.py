"""CUDA: the driver (NVML), the CUDA build of torch, compute capability, VRAM per GPU.

``gather_cuda_facts`` is the only part that touches the machine; every judgement is a pure function
of ``CudaFacts`` so the version matrix is tested with made-up drivers and builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP

GiB = 1024**3

# The first Linux driver of each CUDA toolkit (CUDA Toolkit release notes, table 3).
MIN_LINUX_DRIVER = {
    (11, 8): "520.61.05",
    (12, 0): "525.60.13",
    (12, 1): "530.30.02",
    (12, 2): "535.54.03",
    (12, 3): "545.23.06",
    (12, 4): "550.54.14",
    (12, 5): "555.42.02",
    (12, 6): "560.28.03",
    (12, 8): "570.26",
    (12, 9): "575.51.03",
    (13, 0): "580.65.06",
}
# CUDA variants PyTorch publishes wheels for (https://download.pytorch.org/whl/cuXYZ).
TORCH_WHEEL_CUDA = [(11, 8), (12, 1), (12, 4), (12, 6), (12, 8), (12, 9), (13, 0)]
TORCH_INDEX = "https://download.pytorch.org/whl/cu{major}{minor}"


@dataclass(frozen=True)
class GpuFacts:
    index: int
    name: str
    capability: tuple[int, int] | None
    total_bytes: int
    free_bytes: int


@dataclass
class CudaFacts:
    torch_version: str | None = None  # None: torch is not importable
    torch_error: str = ""
    torch_cuda: str | None = None  # torch.version.cuda; None: a CPU build
    cuda_available: bool = False  # torch.cuda.is_available()
    cuda_error: str = ""  # why not, when torch says so
    arch_list: list[str] = field(default_factory=list)  # torch.cuda.get_arch_list()
    driver_version: str | None = None  # NVML
    driver_cuda: str | None = None  # the highest CUDA the driver supports ("12.2")
    nvml_error: str = ""
    gpus: list[GpuFacts] = field(default_factory=list)


AVAILABLE = QT_TRANSLATE_NOOP("Doctor", "available")

def parse_cuda(v: str | None) -> tuple[int, int] | None:
    if not v:
        return None
    m = re.match(r"^\s*(\d+)\.(\d+)", str(v))
    return (int(m.group(1)), int(m.group(2))) if m else None


def cuda_from_nvml_int(n: int) -> str:
    """NVML reports CUDA 12.2 as 12020."""
    return f"{n // 1000}.{(n % 1000) // 10}"


def _fmt(t: tuple[int, int]) -> str:
    return f"{t[0]}.{t[1]}"


def wheel_index_for(driver_cuda: tuple[int, int]) -> str | None:
    fits = [w for w in TORCH_WHEEL_CUDA if w <= driver_cuda]
    if not fits:
        return None
    major, minor = fits[-1]
    return TORCH_INDEX.format(major=major, minor=minor)


def min_driver_for(cuda: tuple[int, int]) -> str | None:
    if cuda in MIN_LINUX_DRIVER:
        return MIN_LINUX_DRIVER[cuda]
    newer = [k for k in MIN_LINUX_DRIVER if k >= cuda]
    return MIN_LINUX_DRIVER[min(newer)] if newer else None


def judge_driver_vs_torch(driver_cuda: str | None, torch_cuda: str | None, driver_version: str | None = None
                          ) -> CheckResult:
    """Is the driver new enough for the CUDA torch was built for?"""
    name = QT_TRANSLATE_NOOP("Doctor", "Driver vs torch CUDA")
    d, t = parse_cuda(driver_cuda), parse_cuda(torch_cuda)
    if t is None:
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "torch is a CPU build"),
                           QT_TRANSLATE_NOOP("Doctor", "a CUDA build of torch"))
    if d is None:
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "torch built for CUDA {cuda}; no NVIDIA driver "
                                                         "found").format(cuda=_fmt(t)),
                           QT_TRANSLATE_NOOP("Doctor", "a driver supporting CUDA >= {cuda}").format(cuda=_fmt(t)))
    value = (QT_TRANSLATE_NOOP("Doctor", "driver supports CUDA <= {driver_cuda} (driver {driver}); torch built for "
                               "CUDA {cuda}") if driver_version else
             QT_TRANSLATE_NOOP("Doctor", "driver supports CUDA <= {driver_cuda}; torch built for CUDA {cuda}")).format(
        driver_cuda=_fmt(d), driver=driver_version or "", cuda=_fmt(t))
    expected = QT_TRANSLATE_NOOP("Doctor", "driver CUDA >= {cuda}").format(cuda=_fmt(t))
    if d < t:
        need = min_driver_for(t)
        index = wheel_index_for(d)
        fix = (QT_TRANSLATE_NOOP("Doctor", "Update the NVIDIA driver to {need} or newer (the first with CUDA {cuda})")
               if need else QT_TRANSLATE_NOOP("Doctor", "Update the NVIDIA driver to one that supports CUDA {cuda}")
               ).format(need=need or "", cuda=_fmt(t))
        if index:
            fix = QT_TRANSLATE_NOOP("Doctor", "{fix}, or install a torch built for CUDA <= {driver_cuda}: pip install "
                                    "--force-reinstall torch --index-url {index}").format(
                fix=fix, driver_cuda=_fmt(d), index=index)
        hint = (QT_TRANSLATE_NOOP("Doctor", "torch's CUDA {cuda} build needs a newer driver than this one (CUDA "
                                  "{driver_cuda}) (CUDA's minor-version compatibility may let it start, but PTX JIT "
                                  "and newer runtime features then fail mid-run). {fix}.") if d[0] == t[0] else
                QT_TRANSLATE_NOOP("Doctor", "torch's CUDA {cuda} build needs a newer driver than this one (CUDA "
                                  "{driver_cuda}). {fix}.")).format(cuda=_fmt(t), driver_cuda=_fmt(d), fix=fix)
        return CheckResult(name, FAIL, value, expected, hint,
                           details={"driver_cuda": _fmt(d), "torch_cuda": _fmt(t)})
    return CheckResult(name, OK, value, expected, details={"driver_cuda": _fmt(d), "torch_cuda": _fmt(t)})


_ARCH = re.compile(r"^(sm|compute)_(\d+)([a-z]?)$")


def judge_arch(capability: tuple[int, int] | None, arch_list: list[str], gpu: str = "GPU",
               torch_version: str = "") -> CheckResult:
    """The GPU's compute capability against the architectures torch was compiled for."""
    name = QT_TRANSLATE_NOOP("Doctor", "Compute capability ({gpu})").format(gpu=gpu)
    if capability is None:
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "unknown"),
                           QT_TRANSLATE_NOOP("Doctor", "an architecture torch was built for"))
    cc = capability[0] * 10 + capability[1]
    ccs = f"{capability[0]}.{capability[1]} (sm_{cc})"
    if not arch_list:
        return CheckResult(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "{cc}; torch reports no CUDA architectures").format(
            cc=ccs), "")
    sms, ptx = [], []
    for a in arch_list:
        m = _ARCH.match(a)
        if not m:
            continue
        n = int(m.group(2))
        if m.group(1) == "sm":
            sms.append((n, m.group(3)))
        else:
            ptx.append(n)
    expected = QT_TRANSLATE_NOOP("Doctor", "one of {archs}").format(archs=", ".join(arch_list))
    if (cc, "") in sms or (cc, "a") in sms:
        return CheckResult(name, OK, ccs, expected)
    # a cubin runs on later minors of the same major (sm_86 kernels run on 8.9)
    same_major = [n for n, suf in sms if not suf and n // 10 == cc // 10 and n <= cc]
    if same_major:
        return CheckResult(name, OK, QT_TRANSLATE_NOOP("Doctor", "{cc}, runs the sm_{sm} kernels").format(
            cc=ccs, sm=max(same_major)), expected)
    jit = [n for n in ptx if n <= cc]
    tv = (QT_TRANSLATE_NOOP("Doctor", "torch {version}").format(version=torch_version) if torch_version else
          QT_TRANSLATE_NOOP("Doctor", "this torch"))
    if jit:
        return CheckResult(name, WARN, QT_TRANSLATE_NOOP("Doctor", "{cc}, only PTX compute_{sm}").format(
            cc=ccs, sm=max(jit)), expected,
                           QT_TRANSLATE_NOOP("Doctor", "{torch} has no compiled kernels for sm_{sm}: they are "
                                             "JIT-compiled from PTX at first use (slow first start, possibly slower "
                                             "kernels). Install a torch build that lists sm_{sm} (a newer CUDA variant "
                                             "from https://download.pytorch.org/whl/).").format(torch=tv, sm=cc))
    return CheckResult(name, FAIL, ccs, expected,
                       QT_TRANSLATE_NOOP("Doctor", "{torch} has no kernels for sm_{sm} ({gpu}): CUDA calls will fail "
                                         "with 'no kernel image is available'. Install a torch build that includes "
                                         "sm_{sm} (newer GPUs need newer CUDA variants, e.g. cu128 for sm_120) or, for "
                                         "old GPUs, an older torch.").format(torch=tv, sm=cc, gpu=gpu))


def judge_gpu_memory(g: GpuFacts) -> CheckResult:
    name = QT_TRANSLATE_NOOP("Doctor", "GPU {index} memory").format(index=g.index)
    value = QT_TRANSLATE_NOOP("Doctor", "{gpu}: {free} GiB free of {total} GiB").format(
        gpu=g.name, free=f"{g.free_bytes / GiB:.1f}", total=f"{g.total_bytes / GiB:.1f}")
    details = {"name": g.name, "total_bytes": g.total_bytes, "free_bytes": g.free_bytes,
               "capability": list(g.capability) if g.capability else None}
    expected = QT_TRANSLATE_NOOP("Doctor", "most of the memory free")
    if g.total_bytes and g.free_bytes < 0.5 * g.total_bytes:
        used = (g.total_bytes - g.free_bytes) / GiB
        return CheckResult(name, WARN, value, expected, QT_TRANSLATE_NOOP(
            "Doctor", "Other processes hold {used} GiB: `nvidia-smi` lists them; stop those you do not need before "
            "loading a model.").format(used=f"{used:.1f}"), details=details)
    return CheckResult(name, OK, value, expected, details=details)


def judge_cuda(f: CudaFacts) -> list[CheckResult]:
    """All CUDA rows from the facts."""
    rows: list[CheckResult] = []
    gpus_seen = bool(f.gpus)
    install_cuda_torch = QT_TRANSLATE_NOOP("Doctor", "install a CUDA build of torch: pip install --force-reinstall "
                                           "torch --index-url https://download.pytorch.org/whl/cu126 (pick the "
                                           "variant your driver supports)")
    if f.torch_version is None:
        rows.append(CheckResult("CUDA", SKIP, QT_TRANSLATE_NOOP("Doctor", "torch is not importable: {error}").format(
            error=f.torch_error), QT_TRANSLATE_NOOP("Doctor", "torch with CUDA"),
                                QT_TRANSLATE_NOOP("Doctor", "Install torch first (see the Packages checks).")))
    elif f.cuda_available:
        rows.append(CheckResult("CUDA", OK, QT_TRANSLATE_NOOP("Doctor", "available: {n} GPU(s), torch CUDA {cuda}").format(
            n=len(f.gpus) or "?", cuda=f.torch_cuda), AVAILABLE))
    elif gpus_seen and f.torch_cuda is None:
        rows.append(CheckResult("CUDA", FAIL, QT_TRANSLATE_NOOP("Doctor", "torch {version} is a CPU build; NVIDIA GPU "
                                                                "present").format(version=f.torch_version),
                                QT_TRANSLATE_NOOP("Doctor", "a CUDA build of torch"),
                                QT_TRANSLATE_NOOP("Doctor", "The GPU sits idle and models run on the CPU: {install}."
                                                  ).format(install=install_cuda_torch)))
    elif gpus_seen:
        why = f.cuda_error or "torch.cuda.is_available() is False"
        rows.append(CheckResult("CUDA", FAIL, QT_TRANSLATE_NOOP("Doctor", "GPU present but torch cannot use it: {why}"
                                                                ).format(why=why), AVAILABLE,
                                QT_TRANSLATE_NOOP("Doctor", "See the driver row below; a driver older than torch's "
                                                  "CUDA is the usual cause. Also check that /dev/nvidia* exist and "
                                                  "CUDA_VISIBLE_DEVICES is not empty.")))
    else:
        why = (QT_TRANSLATE_NOOP("Doctor", "no NVIDIA driver") if f.driver_version is None else
               QT_TRANSLATE_NOOP("Doctor", "the driver reports no GPU"))
        build = (QT_TRANSLATE_NOOP("Doctor", "torch {version} is a CPU build").format(version=f.torch_version)
                 if f.torch_cuda is None else
                 QT_TRANSLATE_NOOP("Doctor", "torch built for CUDA {cuda}").format(cuda=f.torch_cuda))
        rows.append(CheckResult("CUDA", WARN, QT_TRANSLATE_NOOP("Doctor", "no CUDA ({why}; {build})").format(
            why=why, build=build), QT_TRANSLATE_NOOP("Doctor", "a CUDA GPU"),
                                QT_TRANSLATE_NOOP("Doctor", "Models run on the CPU: fine for the bundled 135M model, "
                                                  "far too slow for GLM-size models. On a GPU workstation install "
                                                  "the NVIDIA driver, then {install}.").format(
                                    install=install_cuda_torch)))
    if f.driver_version is None:
        rows.append(CheckResult(QT_TRANSLATE_NOOP("Doctor", "NVIDIA driver"), SKIP,
                                QT_TRANSLATE_NOOP("Doctor", "not found ({why})").format(
                                    why=f.nvml_error or QT_TRANSLATE_NOOP("Doctor", "NVML unavailable")),
                                QT_TRANSLATE_NOOP("Doctor", "an NVIDIA driver (for GPU inference)")))
    else:
        rows.append(CheckResult(QT_TRANSLATE_NOOP("Doctor", "NVIDIA driver"), OK,
                                QT_TRANSLATE_NOOP("Doctor", "{driver}, supports CUDA <= {cuda}").format(
                                    driver=f.driver_version, cuda=f.driver_cuda),
                                QT_TRANSLATE_NOOP("Doctor", "any"),
                                details={"driver": f.driver_version, "cuda": f.driver_cuda}))
    rows.append(judge_driver_vs_torch(f.driver_cuda, f.torch_cuda, f.driver_version))
    if not f.gpus:
        rows.append(CheckResult(QT_TRANSLATE_NOOP("Doctor", "GPUs"), SKIP, QT_TRANSLATE_NOOP("Doctor", "none found"),
                                QT_TRANSLATE_NOOP("Doctor", "a CUDA GPU (optional)")))
    for g in f.gpus:
        rows.append(judge_arch(g.capability, f.arch_list, f"GPU {g.index} {g.name}", f.torch_version or ""))
        rows.append(judge_gpu_memory(g))
    return rows


# -- the machine ---------------------------------------------------------------------------------
def nvml_facts(f: CudaFacts) -> None:
    try:
        import pynvml
    except ImportError:
        f.nvml_error = QT_TRANSLATE_NOOP("Doctor", "nvidia-ml-py is not installed")
        return
    try:
        pynvml.nvmlInit()
    except Exception as exc:  # noqa: BLE001 - NVMLError_LibraryNotFound / DriverNotLoaded / …
        f.nvml_error = f"{type(exc).__name__}: {exc}"
        return
    try:
        dv = pynvml.nvmlSystemGetDriverVersion()
        f.driver_version = dv.decode() if isinstance(dv, bytes) else str(dv)
        f.driver_cuda = cuda_from_nvml_int(int(pynvml.nvmlSystemGetCudaDriverVersion()))
        for i in range(pynvml.nvmlDeviceGetCount()):
            h = pynvml.nvmlDeviceGetHandleByIndex(i)
            name = pynvml.nvmlDeviceGetName(h)
            mem = pynvml.nvmlDeviceGetMemoryInfo(h)
            try:
                cc = tuple(int(x) for x in pynvml.nvmlDeviceGetCudaComputeCapability(h))
            except Exception:  # noqa: BLE001
                cc = None
            f.gpus.append(GpuFacts(i, name.decode() if isinstance(name, bytes) else str(name),
                                   cc if cc and len(cc) == 2 else None, int(mem.total), int(mem.free)))
    except Exception as exc:  # noqa: BLE001
        f.nvml_error = f"{type(exc).__name__}: {exc}"
    finally:
        try:
            pynvml.nvmlShutdown()
        except Exception:  # noqa: BLE001
            pass


def torch_facts(f: CudaFacts) -> None:
    try:
        import torch
    except Exception as exc:  # noqa: BLE001 - ImportError, or a broken install raising OSError
        f.torch_error = f"{type(exc).__name__}: {exc}"
        return
    f.torch_version = torch.__version__
    f.torch_cuda = torch.version.cuda
    try:
        f.cuda_available = bool(torch.cuda.is_available())
    except Exception as exc:  # noqa: BLE001
        f.cuda_error = f"{type(exc).__name__}: {exc}"
    try:
        f.arch_list = list(torch.cuda.get_arch_list())
    except Exception:  # noqa: BLE001
        f.arch_list = []
    if f.cuda_available and not f.gpus:  # NVML missing: ask torch
        for i in range(torch.cuda.device_count()):
            free, total = torch.cuda.mem_get_info(i)
            f.gpus.append(GpuFacts(i, torch.cuda.get_device_name(i), tuple(torch.cuda.get_device_capability(i)),
                                   int(total), int(free)))


def gather_cuda_facts() -> CudaFacts:
    f = CudaFacts()
    nvml_facts(f)
    torch_facts(f)
    return f


def check_cuda(ctx) -> list[CheckResult]:
    return judge_cuda(gather_cuda_facts())
