"""GGUF files, converted once: transformers de-quantises the file and the result is saved as
safetensors (model + tokenizer) in the model cache, so every later load reads safetensors.

The cache folder is keyed by the file's name, size, mtime and a hash of its first and last MiB: a
replaced file gets a new folder.  The folder is written under ``.part`` and renamed when complete
(``converted.json`` marks it), so a cancelled or failed conversion leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from console.core.paths import model_cache_dir
from console.core.inference.load_progress import LoadCancelled, Progress, StopCheck, progress_hooks
from console.core.inference.torch_memory import torch_dtype

CACHE_FORMAT = 1


def gguf_cache_dir(path: Path) -> Path:
    """Where the converted safetensors of a GGUF file live: keyed by name, size, mtime, head/tail hash."""
    st = path.stat()
    h = hashlib.sha256(f"{CACHE_FORMAT}|{path.name}|{st.st_size}|{st.st_mtime_ns}".encode())
    with open(path, "rb") as fh:
        h.update(fh.read(1 << 20))
        if st.st_size > 2 << 20:
            fh.seek(-(1 << 20), os.SEEK_END)
            h.update(fh.read(1 << 20))
    return model_cache_dir() / "gguf-converted" / f"{path.stem}-{h.hexdigest()[:16]}"


def cache_complete(folder: Path) -> bool:
    return (folder / "converted.json").is_file()


def convert_gguf(path: Path, dest: Path, report: Progress, should_stop: StopCheck, dtype_name: str = "fp16"):
    """De-quantise ``path`` with transformers and save model + tokenizer as safetensors in ``dest``.

    Returns (model, tokenizer) as loaded on the CPU in ``dtype_name``."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    report("tokenizer", 0.0)
    tok = AutoTokenizer.from_pretrained(str(path.parent), gguf_file=path.name)
    if should_stop():
        raise LoadCancelled("loading cancelled", "")
    report("convert", 0.0)
    kwargs: dict[str, Any] = {"dtype": torch_dtype(dtype_name), "low_cpu_mem_usage": True}
    try:  # newer transformers can keep GGUF blocks packed; the cache needs plain tensors
        from transformers import GgufConfig

        kwargs["quantization_config"] = GgufConfig(gguf_file=str(path), dequantize=True)
    except ImportError:
        pass
    with progress_hooks(report, should_stop):
        model = AutoModelForCausalLM.from_pretrained(str(path.parent), gguf_file=path.name, **kwargs)
    # transformers marks GGUF-loaded models as "quantized" (not serialisable) although the weights are
    # plain de-quantised tensors by now: drop that marker so save_pretrained writes safetensors.
    quantizer = getattr(model, "hf_quantizer", None)
    if quantizer is not None:
        quantizer.remove_quantization_config(model)
    report("save cache", 0.0)
    tmp = dest.with_name(dest.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        model.save_pretrained(str(tmp))
        tok.save_pretrained(str(tmp))
        st = path.stat()
        (tmp / "converted.json").write_text(
            json.dumps({"format": CACHE_FORMAT, "gguf": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                        "dtype": dtype_name, "converted_at": time.time()})
        )
        shutil.rmtree(dest, ignore_errors=True)
        os.replace(tmp, dest)
    except Exception:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report("save cache", 1.0)
    return model, tok
