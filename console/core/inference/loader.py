"""Load a causal LM for the model worker: a local folder, a Hugging Face hub id, or a GGUF file.

Qt-free, and torch/transformers are imported inside the functions only: the worker thread pays
for them, never the console's start-up.  GGUF files are converted once (transformers' ``gguf_file``
de-quantises them) and the result is kept as safetensors in the model cache, keyed by the file's
name, size, mtime and a hash of its first and last MiB, so the second load reads safetensors
(``gguf_cache.py``).  Progress and cancel come through transformers' progress bars
(``load_progress.py``).

Before loading, the memory the model needs is estimated (``memory.py``) and compared with *free*
memory; loading is refused (or, if the operator asked, only warned about) with both numbers.
Out-of-memory during loading is caught, everything is freed, and an ``EngineError`` says what to do.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.core.inference import fit, memory
from console.core.inference.gguf_cache import cache_complete, convert_gguf, gguf_cache_dir
from console.core.inference.load_progress import LoadCancelled, Progress, StopCheck, progress_hooks
from console.core.inference.torch_memory import (collect_garbage, free_torch_memory, is_oom, oom_error, rss_bytes,
                                                 torch_dtype)
from console.core.inference.types import EngineError

log = logging.getLogger(__name__)

__all__ = [
    "LoadCancelled", "LoadOptions", "LoadPlan", "LoadedModel", "Progress", "StopCheck", "check_fit",
    "free_torch_memory", "from_pretrained_kwargs", "gguf_cache_dir", "is_oom", "load_model", "oom_error",
    "plan_load", "resolve_kind", "unload",
]

KINDS = ("auto", "folder", "hub", "gguf")
DTYPES = ("auto", "bf16", "fp16", "fp32")
QUANTS = ("none", "8bit", "4bit", "int8", "int4")
BNB_QUANTS = ("8bit", "4bit")  # bitsandbytes (CUDA only, plain decode path)
WEIGHT_ONLY = ("int8", "int4")  # ours: quantized after loading (console.core.inference.quant), any device
MEMORY_QUANT = {"none": "none", "8bit": "int8", "4bit": "4bit", "int8": "w8", "int4": "w4"}  # memory.py's names
WARM_UP = True  # CUDA: compile the Triton kernels and capture the decode graphs while loading
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.\-]*/[\w.\-]+$")


@dataclass(frozen=True)
class LoadOptions:
    source: str
    kind: str = "auto"  # auto | folder | hub | gguf
    dtype: str = "auto"  # auto | bf16 | fp16 | fp32
    quantization: str = "none"  # none | 8bit | 4bit (bitsandbytes, CUDA only) | int8 | int4 (weight-only, ours)
    device: str = "auto"  # auto | cpu | cuda
    max_memory: dict[str, str] | None = None  # accelerate's max_memory, e.g. {"0": "20GiB", "cpu": "30GiB"}
    max_input_tokens: int | None = None  # longer prompts keep their end, with a warning
    allow_download: bool = False  # hub ids: fetch missing files (else the local HF cache only)
    on_no_fit: str = "refuse"  # refuse | warn
    kv_tokens: int = 2048  # KV cache budget counted in the estimate


@dataclass
class LoadPlan:
    kind: str
    path: Path  # folder, GGUF file, or the hub snapshot folder
    device: str  # cpu | cuda
    dtype: str  # bf16 | fp16 | fp32
    shape: memory.ModelShape
    estimate: memory.MemoryEstimate
    verdict: fit.FitVerdict
    gguf_cache: Path | None = None
    warnings: list[str] = field(default_factory=list)
    convert_verdict: fit.FitVerdict | None = None  # GGUF not converted yet: the RAM the conversion needs

    def summary(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "path": str(self.path),
            "device": self.device,
            "dtype": self.dtype,
            "quantization": self.estimate.quantization,
            "params": self.shape.params,
            "estimate": self.estimate.describe(),
            "needed_bytes": self.verdict.needed_bytes,
            "free_bytes": self.verdict.free_bytes,
            "fits": self.verdict.fits,
            "tight": self.verdict.tight,
            "verdict": self.verdict.message,
            "gguf_cached": bool(self.gguf_cache and cache_complete(self.gguf_cache)),
            "convert_verdict": self.convert_verdict.message if self.convert_verdict else None,
            "warnings": list(self.warnings),
        }


@dataclass
class LoadedModel:
    model: Any
    tokenizer: Any
    plan: LoadPlan
    options: LoadOptions
    load_s: float
    from_cache: bool  # GGUF: the converted safetensors were reused
    cuda_baseline: dict[int, int]  # torch-allocated bytes per GPU before loading
    warnings: list[str] = field(default_factory=list)

    @property
    def device(self) -> str:
        return self.plan.device

    def info(self) -> dict[str, Any]:
        d = self.plan.summary()
        d.update(
            source=self.options.source,
            load_s=round(self.load_s, 3),
            from_cache=self.from_cache,
            quantization=self.options.quantization,
            max_input_tokens=self.options.max_input_tokens,
            model_type=getattr(getattr(self.model, "config", None), "model_type", "?"),
            warnings=list(self.warnings),
        )
        return d


# -- resolving and planning ----------------------------------------------------------------------
def resolve_kind(opts: LoadOptions) -> tuple[str, Path | str]:
    src = opts.source.strip()
    if not src:
        raise EngineError("no model source given", "pick a model folder, a GGUF file, or type a hub id")
    if opts.kind not in KINDS:
        raise EngineError(f"unknown source kind {opts.kind!r}", f"use one of {', '.join(KINDS)}")
    p = Path(src).expanduser()
    if opts.kind in ("auto", "gguf") and p.suffix.lower() == ".gguf":
        if not p.is_file():
            raise EngineError(f"GGUF file not found: {p}", "check the path, or pick the file again")
        return "gguf", p
    if opts.kind in ("auto", "folder") and p.is_dir():
        if not (p / "config.json").is_file():
            raise EngineError(f"{p} has no config.json", "pick the folder that holds config.json and *.safetensors")
        return "folder", p
    if opts.kind == "folder":
        raise EngineError(f"model folder not found: {p}", "check the path")
    if opts.kind in ("auto", "hub") and HUB_ID.match(src):
        return "hub", src
    raise EngineError(
        f"cannot tell what {src!r} is",
        "give an existing folder (with config.json), a .gguf file, or a hub id like org/name",
    )


def hub_snapshot(repo_id: str, allow_download: bool) -> Path:
    """The local snapshot folder of a hub model (the HF cache only, unless downloads are allowed)."""
    from huggingface_hub import snapshot_download

    patterns = ["*.json", "*.safetensors", "*.model", "*.txt", "*.jinja", "*.tiktoken"]
    try:
        return Path(snapshot_download(repo_id, local_files_only=not allow_download, allow_patterns=patterns))
    except Exception as exc:  # noqa: BLE001 - LocalEntryNotFoundError, RepositoryNotFoundError, network errors
        if not allow_download:
            raise EngineError(
                f"{repo_id} is not in the local Hugging Face cache ({type(exc).__name__})",
                f"download it once (`hf download {repo_id}`), or tick 'allow downloads' and load again",
            ) from exc
        raise EngineError(f"cannot fetch {repo_id}: {exc}", "check the id and the network") from exc


def _torch_cuda_available() -> bool:
    import torch

    return bool(torch.cuda.is_available())


def _pick_device_dtype(opts: LoadOptions) -> tuple[str, str]:
    if opts.device not in ("auto", "cpu", "cuda"):
        raise EngineError(f"unknown device {opts.device!r}", "use auto, cpu or cuda")
    if opts.dtype not in DTYPES:
        raise EngineError(f"unknown dtype {opts.dtype!r}", f"use one of {', '.join(DTYPES)}")
    if opts.quantization not in QUANTS:
        raise EngineError(f"unknown quantization {opts.quantization!r}", f"use one of {', '.join(QUANTS)}")
    cuda = _torch_cuda_available()
    if opts.device == "cuda" and not cuda:
        raise EngineError("CUDA was asked for but torch sees no GPU", "choose device auto/cpu, or install a CUDA build of torch")
    device = "cuda" if (opts.device == "cuda" or (opts.device == "auto" and cuda)) else "cpu"
    if opts.quantization in BNB_QUANTS:
        if device != "cuda":
            raise EngineError(
                f"{opts.quantization} quantization needs a CUDA GPU (bitsandbytes); this load would run on the CPU",
                "set quantization to none, or load on a machine with an NVIDIA GPU and a CUDA build of torch",
            )
        try:
            import bitsandbytes  # noqa: F401
        except ImportError as exc:
            raise EngineError(
                f"{opts.quantization} quantization needs the bitsandbytes package, which is not installed",
                "pip install 'autoglm-console[cuda]' (or pip install bitsandbytes), then load again",
            ) from exc
    dtype = opts.dtype
    if dtype == "auto":
        dtype = memory.auto_dtype(device)  # the doctor's Model memory row estimates with the same rule
        if dtype == "bf16":
            import torch

            dtype = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    return device, dtype


def _shape_for(kind: str, path: Path, cache: Path | None) -> memory.ModelShape:
    if kind == "gguf" and cache is not None and cache_complete(cache):
        return memory.model_shape(cache)  # exact count from the converted safetensors
    return memory.model_shape(path)


def plan_load(opts: LoadOptions) -> LoadPlan:
    """Resolve the source and estimate whether it fits; never loads weights."""
    kind, where = resolve_kind(opts)
    path = hub_snapshot(str(where), opts.allow_download) if kind == "hub" else Path(where)
    cache = gguf_cache_dir(path) if kind == "gguf" else None
    if kind == "hub" and not (path / "config.json").is_file():
        raise EngineError(f"{opts.source}: the cached snapshot has no config.json", "download the model again")
    try:
        shape = _shape_for(kind, path, cache)
    except (OSError, ValueError, KeyError) as exc:
        raise EngineError(f"cannot read the model files at {path}: {exc}", "check that the files are complete") from exc
    device, dtype = _pick_device_dtype(opts)
    if kind == "gguf" and opts.quantization in WEIGHT_ONLY:  # the file's Q8_0/Q4_x/Q4_K blocks are kept
        from console.core.inference.memory_quant import gguf_kept

        try:
            kept = gguf_kept(memory.read_gguf(path).tensor_types, memory.QUANT_BYTES[MEMORY_QUANT[opts.quantization]])
        except (OSError, ValueError) as exc:
            raise EngineError(f"cannot read the GGUF header of {path}: {exc}",
                              "check that the file is complete") from exc
        shape = memory.ModelShape(**{**shape.__dict__, "packed_params": kept[0], "packed_bytes": kept[1]})
    try:
        for value in (opts.max_memory or {}).values():
            fit.parse_size(value)
    except ValueError as exc:
        raise EngineError(str(exc), "max memory takes sizes per device, e.g. 0=20GiB, cpu=30GiB") from exc
    est = memory.estimate_memory(shape, dtype, MEMORY_QUANT[opts.quantization], opts.kv_tokens, device)
    free, where_txt = fit.free_memory_for(device, opts.max_memory)
    verdict = fit.judge_fit(est.total_bytes, free, where_txt)
    plan = LoadPlan(kind, path, device, dtype, shape, est, verdict, cache)
    if verdict.tight:
        plan.warnings.append(verdict.message)
    if kind == "gguf" and cache is not None and not cache_complete(cache):
        # the one-time conversion de-quantises the whole model in RAM (fp16), wherever it then runs
        need = int(shape.params * 2 * 1.1) + 300 * fit.MiB
        free, where_ram = fit.free_memory_for("cpu", opts.max_memory if device == "cpu" else None)
        plan.convert_verdict = fit.judge_fit(need, free, where_ram)
    return plan


def check_fit(plan: LoadPlan, opts: LoadOptions) -> None:
    conv = plan.convert_verdict
    if conv is not None and not conv.fits:
        if opts.on_no_fit == "warn":
            plan.warnings.append(f"the one-time GGUF conversion may not fit: it {conv.message}")
        else:
            raise EngineError(
                f"not converting {opts.source}: the one-time GGUF conversion {conv.message}",
                "close programs to free RAM, convert on a machine with more memory and copy the cache folder, "
                "or choose 'load anyway' to try",
            )
    if plan.verdict.fits:
        return
    if opts.on_no_fit == "warn":
        plan.warnings.append(f"may not fit: {plan.verdict.message}")
        return
    raise EngineError(
        f"not loading {opts.source}: it {plan.verdict.message}",
        "choose 4-bit/8-bit quantization or a smaller dtype, free memory (close other GPU programs), "
        "raise max memory, or choose 'load anyway' to try",
    )


# -- loading -------------------------------------------------------------------------------------
def from_pretrained_kwargs(plan: LoadPlan, opts: LoadOptions) -> dict[str, Any]:
    """The keyword arguments for ``from_pretrained``: dtype, and on CUDA accelerate's device_map
    with max_memory (GPU indices as ints) and a bitsandbytes config for 8-bit / 4-bit."""
    kwargs: dict[str, Any] = {"dtype": torch_dtype(plan.dtype), "low_cpu_mem_usage": True}
    if plan.device != "cuda" or opts.quantization in WEIGHT_ONLY:
        return kwargs  # weight-only: loaded on the CPU, then quantized layer by layer onto the GPU
    kwargs["device_map"] = "auto"
    if opts.max_memory:
        kwargs["max_memory"] = {(int(k) if str(k).isdigit() else k): v for k, v in opts.max_memory.items()}
    if opts.quantization in BNB_QUANTS:
        from transformers import BitsAndBytesConfig

        if opts.quantization == "8bit":
            kwargs["quantization_config"] = BitsAndBytesConfig(load_in_8bit=True)
        else:
            kwargs["quantization_config"] = BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=torch_dtype(plan.dtype)
            )
    return kwargs


def load_model(
    opts: LoadOptions,
    progress: Progress | None = None,
    should_stop: StopCheck | None = None,
    plan: LoadPlan | None = None,
) -> LoadedModel:
    """Plan, check the fit, and load. Raises EngineError (LoadCancelled when stopped)."""
    report = progress or (lambda stage, frac: None)
    stop = should_stop or (lambda: False)
    t0 = time.perf_counter()
    report("estimate", 0.0)
    plan = plan or plan_load(opts)
    check_fit(plan, opts)
    warnings = list(plan.warnings)
    baseline = fit.cuda_allocated()
    model = tok = None
    from_cache = False
    failure: EngineError | None = None
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        folder = plan.path
        if plan.kind == "gguf":
            assert plan.gguf_cache is not None
            if cache_complete(plan.gguf_cache):
                from_cache = True
            else:
                meta_dtype = "bf16" if memory.read_gguf(plan.path).metadata.get("general.file_type") == 32 else "fp16"
                model, tok = convert_gguf(plan.path, plan.gguf_cache, report, stop, meta_dtype)
                if plan.device == "cpu" and opts.quantization not in BNB_QUANTS:
                    model = model.to(torch_dtype(plan.dtype))  # already in memory: no second read
                else:
                    del model
                    model = None
                    collect_garbage()
            folder = plan.gguf_cache
        if stop():
            raise LoadCancelled("loading cancelled", "")
        if tok is None:
            report("tokenizer", 0.0)
            tok = AutoTokenizer.from_pretrained(str(folder))
        if model is None and plan.kind != "gguf":
            from console.core.inference.quant.awq import awq_config, load_awq
            from console.core.inference.quant.gptq import gptq_config, load_gptq

            packed = load_gptq if gptq_config(folder) is not None else (  # int4 GPTQ / AWQ (GEMM) safetensors,
                load_awq if awq_config(folder) is not None else None)  # without their CUDA packages
            if packed is not None:
                report("weights", 0.0)
                try:
                    model = packed(folder, torch_dtype(plan.dtype), plan.device)
                except ValueError as exc:  # a variant we do not read: say which and what to use instead
                    raise EngineError(
                        f"cannot load {opts.source}: {exc}",
                        "use a 4-bit GPTQ (desc_act false or static_groups) or AWQ (GEMM) checkpoint with groups of "
                        "32, 64 or 128, or the unquantized model with int4 (fast decode)") from exc
        if model is None:
            kwargs = from_pretrained_kwargs(plan, opts)
            report("weights", 0.0)
            with progress_hooks(report, stop):
                model = AutoModelForCausalLM.from_pretrained(str(folder), **kwargs)
        model.eval()
        if stop():
            raise LoadCancelled("loading cancelled", "")
        if opts.quantization in WEIGHT_ONLY and not getattr(model.config, "console_quantization", None):
            from console.core.inference.quant.convert import keep_gguf_quantized, quantize_model

            report("quantize", 0.0)
            if plan.kind == "gguf":  # the file's Q8_0 / Q4_0 / Q4_1 blocks as they are, the rest quantized
                keep_gguf_quantized(model, plan.path, opts.quantization, device=plan.device,
                                    progress=lambda f: report("quantize", f))
            else:
                quantize_model(model, opts.quantization, device=plan.device, progress=lambda f: report("quantize", f))
        if plan.device == "cuda" and WARM_UP:
            from console.core.inference.warmup import warm_up

            report("warm up", 0.0)
            try:
                warm_up(model, progress=lambda f: report("warm up", f))
            except Exception as exc:  # noqa: BLE001 - compile/capture trouble: the first request pays instead
                if is_oom(exc):
                    raise
                log.warning("warm-up failed; the first request compiles instead", exc_info=True)
        if stop():
            raise LoadCancelled("loading cancelled", "")
    except LoadCancelled:
        model = tok = None
        free_torch_memory()
        raise
    except EngineError:
        model = tok = None
        free_torch_memory()
        raise
    except BaseException as exc:  # noqa: BLE001 - OOM, broken files, unsupported architectures
        model = tok = None
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        log.warning("loading %s failed", opts.source, exc_info=True)
        # build the error from the message only: the traceback's frames hold the half-loaded tensors,
        # and they must be gone before free_torch_memory() can give the memory back
        failure = oom_error("loading the model", exc, plan.device) if is_oom(exc) else EngineError(
            f"loading {opts.source} failed: {type(exc).__name__}: {str(exc)[:400]}",
            "check that the files are complete and that this transformers version supports the architecture",
        )
    if failure is not None:
        free_torch_memory()
        raise failure
    if tok.pad_token_id is None and tok.eos_token_id is not None:
        tok.pad_token = tok.eos_token
    report("ready", 1.0)
    loaded = LoadedModel(model, tok, plan, opts, time.perf_counter() - t0, from_cache, baseline, warnings)
    log.info("loaded %s (%s, %s on %s) in %.1f s%s", opts.source, plan.kind, plan.dtype, plan.device,
             loaded.load_s, " from the GGUF cache" if from_cache else "")
    return loaded


def unload(loaded: LoadedModel) -> dict[str, Any]:
    """Drop the model and check that its memory came back (CUDA: torch's counters; CPU: the model
    object was collected).  The caller must hold no other reference to the model."""
    rss_before = rss_bytes()
    cuda_before = fit.cuda_allocated()
    fast = sys.modules.get("console.core.inference.fastdecode")
    if fast is not None and hasattr(fast, "release"):
        fast.release(loaded.model)  # its static cache and graphs hold the model
    ref = weakref.ref(loaded.model)
    loaded.model = None
    loaded.tokenizer = None
    free_torch_memory(workspaces=True)
    collected = ref() is None
    cuda_after = fit.cuda_allocated()
    rss_after = rss_bytes()
    slack = 16 * 1024**2
    leftover = {i: cuda_after.get(i, 0) - loaded.cuda_baseline.get(i, 0) for i in cuda_after}
    returned = collected and all(v <= slack for v in leftover.values())
    out = {
        "collected": collected,
        "returned": returned,
        "rss_before": rss_before,
        "rss_after": rss_after,
        "cuda_allocated_before": cuda_before,
        "cuda_allocated_after": cuda_after,
        "cuda_left_over": leftover,
    }
    if not returned:
        what = "the model object is still referenced" if not collected else (
            "GPU memory still allocated: " + ", ".join(f"cuda:{i} {fit.fmt_bytes(v)}" for i, v in leftover.items() if v > slack))
        out["message"] = f"memory did not fully come back after unloading ({what})"
        log.warning(out["message"])
    else:
        freed = sum(cuda_before.values()) - sum(cuda_after.values())
        out["message"] = (f"unloaded: {fit.fmt_bytes(freed)} of GPU memory freed" if cuda_before
                          else f"unloaded: RSS {fit.fmt_bytes(rss_before)} → {fit.fmt_bytes(rss_after)}")
    return out
