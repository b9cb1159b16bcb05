"""The diagnostic bundle: one zip an operator can attach to a support request.

report.json and report.md, the newest log files (their last ``LOG_TAIL_BYTES`` each), the recent
VRAM/latency telemetry when the caller has some, and a manifest.  Every text goes through
``redact`` first, with the secrets the console knows (the broker password) passed in as ``known``.
"""

from __future__ import annotations

import json
import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from console.core.envcheck.redact import redact, redact_obj
from console.core.envcheck.report import to_markdown

LOG_FILES = 5
LOG_TAIL_BYTES = 2 * 1024 * 1024


def recent_logs(log_dir: Path, count: int = LOG_FILES) -> list[Path]:
    try:
        files = [p for p in Path(log_dir).iterdir() if p.is_file() and (".log" in p.name or p.suffix == ".txt")]
    except OSError:
        return []
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)[:count]


def _tail(path: Path, limit: int) -> str:
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(max(0, size - limit))
        data = fh.read()
    text = data.decode("utf-8", errors="replace")
    if size > limit:
        text = f"[... first {size - limit} bytes left out ...]\n" + text.split("\n", 1)[-1]
    return text


def write_bundle(
    dest: Path,
    report: dict[str, Any],
    log_dir: Path | None = None,
    telemetry_provider: Callable[[], Any] | None = None,
    known_secrets: Iterable[str] = (),
) -> Path:
    """Write the zip to ``dest`` (atomically: a partial file never takes the name) and return it."""
    known = [s for s in known_secrets if s]
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    clean = redact_obj(report, known)
    manifest: dict[str, Any] = {
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "files": ["report.json", "report.md"],
        "redacted": "passwords, tokens, credentials in URLs and Authorization headers are replaced by ***",
    }
    tmp = dest.with_name(dest.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("report.json", json.dumps(clean, indent=2, ensure_ascii=False, default=str))
        zf.writestr("report.md", redact(to_markdown(clean), known))
        if log_dir is not None:
            for p in recent_logs(Path(log_dir)):
                try:
                    text = _tail(p, LOG_TAIL_BYTES)
                except OSError as exc:
                    manifest.setdefault("errors", []).append(f"{p.name}: {exc}")
                    continue
                arc = f"logs/{p.name}"
                zf.writestr(arc, redact(text, known))
                manifest["files"].append(arc)
        if telemetry_provider is not None:
            try:
                data = telemetry_provider()
                zf.writestr("telemetry.json", json.dumps(redact_obj(data, known), indent=1, default=str))
                manifest["files"].append("telemetry.json")
            except Exception as exc:  # noqa: BLE001 - a bundle without telemetry beats no bundle
                manifest.setdefault("errors", []).append(f"telemetry: {type(exc).__name__}: {redact(str(exc), known)}")
        else:
            manifest["telemetry"] = "no telemetry source (no model loaded in this session)"
        zf.writestr("manifest.json", json.dumps(manifest, indent=2))
    os.replace(tmp, dest)
    return dest
