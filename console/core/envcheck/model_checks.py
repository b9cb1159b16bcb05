"""The configured model: files present, config readable (and known to this transformers), and the
memory estimate (console.core.inference.memory) against free VRAM, or free RAM without CUDA."""

from __future__ import annotations

import json
import re
from pathlib import Path

from console.core.inference.bundled_model import bundled_model_path
from console.core.inference import fit, memory
from console.core.envcheck.result import FAIL, OK, SKIP, WARN, CheckResult
from console.core.i18n import QT_TRANSLATE_NOOP, Msg

GROUP = QT_TRANSLATE_NOOP("Doctor", "Model")
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
OR_JOIN = QT_TRANSLATE_NOOP("Doctor", "{first}, or {then}")
NAMES = [QT_TRANSLATE_NOOP("Doctor", "Model files"), QT_TRANSLATE_NOOP("Doctor", "Model config"), QT_TRANSLATE_NOOP("Doctor", "Model memory")]


def _row(name: str, status: str, value: str, expected: str = "", hint: str = "", **details) -> CheckResult:
    return CheckResult(name, status, value, expected, hint, group=GROUP, details=details)


def _exc_text(exc: Exception) -> str:
    """An exception's message, keeping its translation id (``str(exc)`` drops it)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Msg) else str(exc)


def _skip_rest(names: list[str], why: str) -> list[CheckResult]:
    return [_row(n, SKIP, QT_TRANSLATE_NOOP("Doctor", "not tried: {why}").format(why=why)) for n in names]


def resolve_model(source: str | None) -> tuple[str, Path | None, CheckResult]:
    """(kind, local path, the 'Model files' row).  kind: gguf | folder | none | missing."""
    name = NAMES[0]
    if not source:
        p = bundled_model_path()
        if p.is_file():
            source = str(p)
        else:
            return "none", None, _row(name, SKIP, QT_TRANSLATE_NOOP("Doctor", "no model configured and the bundled "
                                                                    "model is not fetched"),
                                      QT_TRANSLATE_NOOP("Doctor", "a model folder, GGUF file or hub id"),
                                      QT_TRANSLATE_NOOP("Doctor", "Fetch the bundled model (autoglm-console "
                                                        "fetch-model) or pick a model in the Model tab."))
    p = Path(source).expanduser()
    if p.is_file():
        return _gguf_files(p)
    if p.is_dir():
        return _folder_files(p)
    if HUB_ID.match(source) and not source.startswith((".", "/")):
        try:
            from huggingface_hub import snapshot_download

            snap = Path(snapshot_download(source, local_files_only=True))
        except Exception as exc:  # noqa: BLE001 - LocalEntryNotFoundError and friends
            return "missing", None, _row(name, FAIL, QT_TRANSLATE_NOOP(
                "Doctor", "{source}: not in the local Hugging Face cache ({error})").format(
                source=source, error=type(exc).__name__), QT_TRANSLATE_NOOP("Doctor", "files on this machine"),
                                         QT_TRANSLATE_NOOP("Doctor", "The console never downloads at run time: fetch "
                                                           "it once with `hf download {source}` (or copy the folder "
                                                           "here) and pick the folder.").format(source=source))
        kind, path, row = _folder_files(snap)
        row.value = QT_TRANSLATE_NOOP("Doctor", "{source} (HF cache): {value}").format(source=source, value=row.value)
        return kind, path, row
    hint = QT_TRANSLATE_NOOP("Doctor", "Check the path in the Model tab (or --model).")
    if p.name == bundled_model_path().name:
        hint = QT_TRANSLATE_NOOP("Doctor", "Check the path in the Model tab (or --model). It is the bundled model: "
                                 "`autoglm-console fetch-model` puts it in {path}; pick that file.").format(
            path=str(bundled_model_path()))
    return "missing", None, _row(name, FAIL, QT_TRANSLATE_NOOP("Doctor", "{source}: no such file or folder").format(
        source=source), QT_TRANSLATE_NOOP("Doctor", "a model folder, GGUF file or hub id (org/name)"), hint)


def _gguf_files(p: Path) -> tuple[str, Path | None, CheckResult]:
    size = p.stat().st_size
    with open(p, "rb") as fh:
        magic = fh.read(4)
    if magic != b"GGUF":
        return "missing", None, _row(NAMES[0], FAIL, QT_TRANSLATE_NOOP("Doctor", "{path}: not a GGUF file (starts "
                                                                       "with {magic})").format(path=str(p),
                                                                                               magic=repr(magic)),
                                     QT_TRANSLATE_NOOP("Doctor", "a .gguf file or a model folder"),
                                     QT_TRANSLATE_NOOP("Doctor", "The file is damaged or not a model: fetch it again "
                                                       "(autoglm-console fetch-model for the bundled one)."))
    return "gguf", p, _row(NAMES[0], OK, QT_TRANSLATE_NOOP("Doctor", "GGUF file {name}, {mib} MiB").format(
        name=p.name, mib=f"{size / 2**20:.1f}"), QT_TRANSLATE_NOOP("Doctor", "weights present"),
                           path=str(p), size_bytes=size)


def _folder_files(p: Path) -> tuple[str, Path | None, CheckResult]:
    name = NAMES[0]
    expected = QT_TRANSLATE_NOOP("Doctor", "config.json, weights (*.safetensors or *.bin), tokenizer")
    missing = []
    if not (p / "config.json").is_file():
        missing.append("config.json")
    shards = sorted(p.glob("*.safetensors")) or sorted(p.glob("pytorch_model*.bin"))
    index = p / "model.safetensors.index.json"
    if index.is_file():
        try:
            wanted = set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values())
        except (OSError, ValueError, KeyError, AttributeError, TypeError) as exc:  # TypeError: a list, not a map
            missing.append(QT_TRANSLATE_NOOP("Doctor", "a readable {file} ({error})").format(file=index.name,
                                                                                           error=str(exc)))
            wanted = set()
        missing += sorted(w for w in wanted if not (p / w).is_file())
    elif not shards:
        missing.append(QT_TRANSLATE_NOOP("Doctor", "weights (*.safetensors)"))
    tok = [t for t in ("tokenizer.json", "tokenizer.model", "tokenizer_config.json") if (p / t).is_file()]
    if not tok:
        missing.append(QT_TRANSLATE_NOOP("Doctor", "a tokenizer (tokenizer.json / tokenizer.model)"))
    size = sum(f.stat().st_size for f in shards)
    if missing:
        # each missing part is its own argument so that each one translates
        listed = {f"m{i}": m for i, m in enumerate(missing)}
        return "missing" if "config.json" in missing else "folder", p, _row(
            name, FAIL, QT_TRANSLATE_NOOP("Doctor", "{path}: missing {what}").format(
                path=str(p), what=Msg("Doctor", ", ".join("{%s}" % k for k in listed), listed)), expected,
            QT_TRANSLATE_NOOP("Doctor", "The download is incomplete: fetch the missing files again (hf download <id> "
                              "--local-dir <folder>)."), missing=[str(m) for m in missing])
    return "folder", p, _row(name, OK, QT_TRANSLATE_NOOP("Doctor", "{path}: {n} weight file(s), {gib} GiB, {tokenizer}"
                                                         ).format(path=str(p), n=len(shards), gib=f"{size / 2**30:.2f}",
                                                                  tokenizer=tok[0]),
                             expected, path=str(p), size_bytes=size)


def config_row(kind: str, path: Path) -> tuple[CheckResult, memory.ModelShape | None]:
    name = NAMES[1]
    try:
        shape = memory.model_shape(path)
    except (memory.ModelFormatError, OSError) as exc:
        return _row(name, FAIL, _exc_text(exc),
                    QT_TRANSLATE_NOOP("Doctor", "a readable config"),
                    QT_TRANSLATE_NOOP("Doctor", "The model's config is damaged: fetch it again.")), None
    if kind == "gguf":
        try:
            from transformers.integrations.ggml import GGUF_CONFIG_MAPPING
        except Exception:  # noqa: BLE001
            GGUF_CONFIG_MAPPING = None  # noqa: N806
        value = QT_TRANSLATE_NOOP("Doctor", "GGUF {type}, {millions} M params, {layers} layers").format(
            type=shape.model_type, millions=f"{shape.params / 1e6:.0f}", layers=shape.layers)
        if GGUF_CONFIG_MAPPING is not None and shape.model_type not in GGUF_CONFIG_MAPPING:
            return _row(name, FAIL, value, QT_TRANSLATE_NOOP("Doctor", "an architecture transformers can read from "
                                                             "GGUF"),
                        QT_TRANSLATE_NOOP("Doctor", "transformers cannot load '{type}' GGUF files: use the original "
                                          "safetensors folder of this model, or upgrade transformers (pip install -U "
                                          "transformers).").format(type=shape.model_type)), shape
        return _row(name, OK, value, QT_TRANSLATE_NOOP("Doctor", "readable"), params=shape.params), shape
    cfg = memory.read_config(path)
    model_type = str(cfg.get("model_type", ""))
    value = QT_TRANSLATE_NOOP("Doctor", "{type}, {billions} B params, {layers} layers").format(
        type=model_type or "?", billions=f"{shape.params / 1e9:.2f}", layers=shape.layers)
    known = QT_TRANSLATE_NOOP("Doctor", "a model type transformers knows")
    if cfg.get("auto_map"):
        return _row(name, WARN, QT_TRANSLATE_NOOP("Doctor", "{value}, custom code (auto_map)").format(value=value), known,
                    QT_TRANSLATE_NOOP("Doctor", "This model ships its own Python code (trust_remote_code): read it "
                                      "before loading, or use a version of the model that transformers supports "
                                      "natively (e.g. THUDM/glm-4-9b-chat-hf)."),
                    params=shape.params), shape
    try:
        import transformers
        from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES
    except Exception as exc:  # noqa: BLE001
        return _row(name, WARN, QT_TRANSLATE_NOOP("Doctor", "{value}; transformers not importable ({error})").format(
            value=value, error=str(exc)), known,
                    QT_TRANSLATE_NOOP("Doctor", "Install transformers (see the Packages rows).")), shape
    if model_type and model_type not in CONFIG_MAPPING_NAMES:
        return _row(name, FAIL, value, QT_TRANSLATE_NOOP("Doctor", "a model type transformers {version} knows").format(
            version=transformers.__version__),
                    QT_TRANSLATE_NOOP("Doctor", "transformers {version} does not know model_type '{type}': upgrade it "
                                      "(pip install -U 'transformers<6'); GLM-4 needs model_type glm4, added in "
                                      "4.51.").format(version=transformers.__version__, type=model_type)), shape
    return _row(name, OK, value, QT_TRANSLATE_NOOP("Doctor", "readable, model type known"), params=shape.params), shape


def free_memory() -> tuple[int, str, str]:
    """(free bytes, where, device) on the GPUs (NVML, else torch) or in RAM without CUDA."""
    from console.core.hardware import nvml_gpus

    gpus = nvml_gpus()
    if gpus:
        return sum(g.free_bytes for g in gpus), " + ".join(f"cuda:{g.index} {g.name}" for g in gpus), "cuda"
    try:
        cuda = fit.cuda_memory()
    except Exception:  # noqa: BLE001 - torch missing or broken: the CUDA rows say so
        cuda = []
    if cuda:
        return sum(d.free_bytes for d in cuda), " + ".join(d.where for d in cuda), "cuda"
    cpu = fit.cpu_memory()
    return cpu.free_bytes, QT_TRANSLATE_NOOP("Doctor", "cpu (available RAM, no CUDA)"), "cpu"


def memory_row(shape: memory.ModelShape, dtype: str, quant: str, context: int) -> CheckResult:
    name = NAMES[2]
    quant = memory.normalize_quantization(quant)  # ValueError: reported by check_model
    free, where, device = free_memory()
    if device == "cpu" and quant != "none":
        quant_note = QT_TRANSLATE_NOOP("Doctor", " ({quant} needs CUDA: estimated unquantized)").format(quant=quant)
        quant = "none"
    else:
        quant_note = ""
    dtype_used = dtype  # "auto": estimate_memory reads it as the loader does on this device (fp32 on a CPU)
    est = memory.estimate_memory(shape, dtype_used, quant, context, device=device)
    verdict = fit.judge_fit(est.total_bytes, free, where)
    value = QT_TRANSLATE_NOOP("Doctor", "{verdict}{note}").format(verdict=verdict.message, note=quant_note)
    expected = QT_TRANSLATE_NOOP("Doctor", "estimate <= {percent} of free memory").format(
        percent=f"{fit.TIGHT_FRACTION:.0%}")
    details = {"needed_bytes": est.total_bytes, "free_bytes": free, "where": where, "dtype": est.dtype,
               "quantization": est.quantization, "context_tokens": est.context_tokens,
               "weights_bytes": est.weights_bytes, "kv_cache_bytes": est.kv_cache_bytes,
               "estimate": est.describe()}
    if verdict.fits and not verdict.tight:
        return _row(name, OK, value, expected, **details)
    options = []
    for q in ("int8", "4bit"):
        if device == "cuda" and q != quant:
            alt = memory.estimate_memory(shape, dtype_used, q, context, device=device)
            if alt.total_bytes <= free:
                options.append(QT_TRANSLATE_NOOP("Doctor", "{quant} quantization (about {size})").format(
                    quant=q, size=fit.fmt_bytes(alt.total_bytes)))
    if context > 1024:
        options.append(QT_TRANSLATE_NOOP("Doctor", "a shorter context (now {tokens} tokens)").format(
            tokens=est.context_tokens))
    options.append(QT_TRANSLATE_NOOP("Doctor", "a smaller model"))
    if device == "cuda":
        options.append(QT_TRANSLATE_NOOP("Doctor", "freeing GPU memory (nvidia-smi lists who holds it)"))
    # "Try a, or b, or c.": the joiner is its own text, each option its own argument
    listed = {f"o{i}": o for i, o in enumerate(options)}
    joined = Msg("Doctor", "{o0}", listed)
    for i in range(1, len(options)):
        joined = OR_JOIN.format(first=joined, then=listed[f"o{i}"])
    hint = QT_TRANSLATE_NOOP("Doctor", "Try {options}.").format(options=joined)
    return _row(name, FAIL if not verdict.fits else WARN, value, expected, hint, **details)


def check_model(ctx) -> list[CheckResult]:
    kind, path, files = resolve_model(ctx.model)
    rows = [files]
    if path is None or kind in ("none", "missing"):
        return rows + _skip_rest(NAMES[1:], QT_TRANSLATE_NOOP("Doctor", "no model files"))
    cfg_row, shape = config_row(kind, path)
    rows.append(cfg_row)
    if shape is None:
        return rows + _skip_rest(NAMES[2:], QT_TRANSLATE_NOOP("Doctor", "the config is not readable"))
    try:
        rows.append(memory_row(shape, ctx.dtype, ctx.quantization, ctx.context_tokens))
    except ValueError as exc:  # unknown dtype / quantization
        rows.append(_row(NAMES[2], FAIL, _exc_text(exc), QT_TRANSLATE_NOOP("Doctor", "a known dtype and quantization"),
                         QT_TRANSLATE_NOOP("Doctor", "Use dtype fp32/bf16/fp16 and quantization none/int8/4bit.")))
    return rows
