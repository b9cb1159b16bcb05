"""The versions the project declares: one table for the doctor and the README, and the console's own.

``minimum`` is the lower bound in pyproject.toml (a test keeps the two equal); ``recommended`` is
what the suite runs on (Debian 12, Python 3.11; bitsandbytes, a CUDA-only extra, is not installed
there); ``below`` is the first version we exclude.

:func:`app_version` is the console's version (``--version``, the window title, the doctor's report),
from one place: ``[project] version`` in pyproject.toml.  A source tree reads the file beside the
``console`` package (right even when an editable install's metadata is older than the file); the
frozen build bundles a copy at the same place (packaging/autoglm-console.spec); an installed wheel
has no such file and reads its metadata, written from the same pyproject.toml when it was built.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from console.core.i18n import QT_TRANSLATE_NOOP

PYTHON_MINIMUM = (3, 10)
PYTHON_RECOMMENDED = (3, 11)


@dataclass(frozen=True)
class Requirement:
    name: str  # as the operator knows it
    dists: tuple[str, ...]  # distributions that provide it, first = the one we install
    minimum: str
    recommended: str
    below: str = ""  # first excluded version ("" = none)
    required: bool = True  # False: optional extra; missing is a warning, not a failure
    why: str = ""


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("torch", ("torch",), "2.4", "2.13.0", below="2.14",
                why=QT_TRANSLATE_NOOP("Doctor", "runs the model; CPU or CUDA build (see the CUDA checks)")),
    Requirement("transformers", ("transformers",), "4.46", "5.24.0", below="6",
                why=QT_TRANSLATE_NOOP("Doctor", "loads GLM/Llama-family models and GGUF files")),
    Requirement("accelerate", ("accelerate",), "1.0", "1.15.0", below="2",
                why=QT_TRANSLATE_NOOP("Doctor", "places model layers on GPU/CPU (device_map)")),
    Requirement("paho-mqtt", ("paho-mqtt",), "2.1", "2.2.0", below="3",
                why=QT_TRANSLATE_NOOP("Doctor", "the MQTT link (the 2.x callback API)")),
    Requirement("PySide6", ("PySide6-Essentials", "PySide6"), "6.8", "6.11.3", below="6.13",
                why=QT_TRANSLATE_NOOP("Doctor", "the window; 6.12.0 crashes on Python 3.11")),
    Requirement("pyqtgraph", ("pyqtgraph",), "0.13.7", "0.14.0", below="0.15", why=QT_TRANSLATE_NOOP("Doctor", "the live graphs")),
    Requirement("gguf", ("gguf",), "0.10", "0.19.0", why=QT_TRANSLATE_NOOP("Doctor", "reads GGUF model files (the bundled model)")),
    Requirement("safetensors", ("safetensors",), "0.4", "0.8.0", why=QT_TRANSLATE_NOOP("Doctor", "reads model weights")),
    Requirement("nvidia-ml-py", ("nvidia-ml-py",), "12", "13.615.71",
                why=QT_TRANSLATE_NOOP("Doctor", "driver version and free VRAM (NVML)")),
    Requirement("bitsandbytes", ("bitsandbytes",), "0.43", "0.45", required=False,
                why=QT_TRANSLATE_NOOP("Doctor", "8-bit / 4-bit quantization on CUDA (extra [cuda]; not exercised by the CPU-only suite)")),
)


def requirement(name: str) -> Requirement:
    for r in REQUIREMENTS:
        if r.name.lower() == name.lower():
            return r
    raise KeyError(name)


def versions_markdown() -> str:
    """The README's version table (Markdown)."""
    rows = [
        "| Component | Minimum | Recommended | Excluded from | Needed for |",
        "|---|---|---|---|---|",
        f"| Python | {'.'.join(map(str, PYTHON_MINIMUM))} | {'.'.join(map(str, PYTHON_RECOMMENDED))} | | "
        "the console (PySide6 6.12.0 aborts Python 3.11: keep PySide6 < 6.12 there) |",
    ]
    for r in REQUIREMENTS:
        name = r.name if r.required else f"{r.name} (optional)"
        below = f"{r.below}" if r.below else ""
        rows.append(f"| {name} | {r.minimum} | {r.recommended} | {below} | {r.why} |")
    return "\n".join(rows) + "\n"


DIST = "autoglm-console"
UNKNOWN = "0+unknown"  # neither a pyproject.toml of ours nor installed metadata (a copied-out tree)
ROOT = Path(__file__).resolve().parents[2]  # the folder holding the console package (sys._MEIPASS when frozen)


@functools.cache
def app_version() -> str:
    """The console's version: pyproject.toml beside the package (source tree, frozen build), else the
    installed distribution's metadata (a wheel), else ``0+unknown``."""
    return find_version(ROOT, DIST)


def find_version(root: Path, dist: str = DIST) -> str:
    """``[project] version`` of ``root/pyproject.toml`` if that file is ``dist``'s; else ``dist``'s
    installed metadata; else ``0+unknown``."""
    found = pyproject_version(root / "pyproject.toml", dist)
    if found:
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return UNKNOWN


def pyproject_version(path: Path, dist: str = DIST) -> str | None:
    """The version a pyproject.toml declares for ``dist``; None if the file is missing, unreadable, or
    another project's."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        import tomllib  # Python 3.11+
    except ModuleNotFoundError:  # 3.10: the two keys of [project] this needs, read by hand
        project = _project_table(text)
    else:
        try:
            project = tomllib.loads(text).get("project", {})
        except tomllib.TOMLDecodeError:
            return None
    if not isinstance(project, dict) or project.get("name") != dist:
        return None
    found = project.get("version")
    return found if isinstance(found, str) and found else None


def _project_table(text: str) -> dict[str, str]:
    table = re.search(r"^\[project\][ \t]*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
    keys = re.findall(r'^(name|version)\s*=\s*"([^"]*)"', table.group(1), re.M) if table else []
    return dict(keys)


if __name__ == "__main__":  # python -m console.core.versions  > the README's table
    print(versions_markdown(), end="")
