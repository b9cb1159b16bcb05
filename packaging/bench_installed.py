"""Issue 18's numbers in one run: the .deb's build time, package size and installed size (from the
build's own record, build/pkg/build-<version>.json, and du of the installed tree), and cold start to
first paint of the installed app (/usr/bin/autoglm-console) against the source tree and a bare PySide6
window, with bench/startup.py's sampler (issue 2): each sample a fresh process, interleaved, first paint
reported by the window itself (AUTOGLM_STARTUP_PROBE).  Page cache warmed once, as bench/startup.py does.

    .venv/bin/python packaging/bench_installed.py [--samples 7] [--app /usr/bin/autoglm-console]
Prints one JSON object as the last line.  Goal: installed / source <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from startup import BARE, sample  # noqa: E402  (bench/startup.py: the issue-2 first-paint sampler)


def du_kib(path: str) -> int:
    return int(subprocess.run(["du", "-sk", path], capture_output=True, text=True, check=True).stdout.split()[0])


def biggest(path: str, n: int = 8) -> list[tuple[str, int]]:
    """The n largest files and folders two levels under path (MiB), to say what dominates the size."""
    out = subprocess.run(["du", "-k", "--max-depth=3", path], capture_output=True, text=True).stdout
    rows = [(p.removeprefix(path).lstrip("/") or ".", int(k) // 1024) for k, p in (ln.split("\t", 1) for ln in out.splitlines())]
    rows = [r for r in rows if r[0] != "."]
    rows.sort(key=lambda r: -r[1])
    picked: list[tuple[str, int]] = []
    for name, mib in rows:  # a folder and its own biggest child both say something; keep both
        if len(picked) >= n:
            break
        picked.append((name, mib))
    return picked


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--samples", type=int, default=7)
    ap.add_argument("--app", default="/usr/bin/autoglm-console")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="autoglm-bench18-")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "AUTOGLM_STARTUP_PROBE": "1", "AUTOGLM_DATA_DIR": tmp, "AUTOGLM_LOG_DIR": tmp, "XDG_CONFIG_HOME": tmp}
    venv_py = str(ROOT / ".venv" / "bin" / "python")
    cmds = {
        "bare": [venv_py, "-c", BARE],
        "source": [venv_py, "-m", "console", "--demo"],
        "installed": [args.app, "--demo"],
    }
    for cmd in cmds.values():
        sample(cmd, env)  # warm the page cache for each before measuring
    ms: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(args.samples):
        for name, cmd in cmds.items():
            ms[name].append(sample(cmd, env)[0])
    p50 = {k: statistics.median(v) for k, v in ms.items()}
    result: dict = {
        "bench": "installed_first_paint",
        "samples": args.samples,
        "platform": env["QT_QPA_PLATFORM"],
        **{f"{k}_ms_p50": round(v, 1) for k, v in p50.items()},
        **{f"{k}_ms": [round(x, 1) for x in v] for k, v in ms.items()},
        "ratio_installed_vs_source": round(p50["installed"] / p50["source"], 3),
        "ratio_installed_vs_bare": round(p50["installed"] / p50["bare"], 3),
        "ratio_source_vs_bare": round(p50["source"] / p50["bare"], 3),
        "target_ratio": 1.5,
    }
    opt = "/opt/autoglm-console"
    if os.path.isdir(opt):
        result["installed_kib"] = du_kib(opt) + sum(du_kib(p) for p in ("/usr/bin/autoglm-console",
                                                                          "/usr/share/doc/autoglm-console"))
        result["largest_mib"] = biggest(opt)
    version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "autoglm-console"],
                             capture_output=True, text=True).stdout.strip()
    record = ROOT / "build" / "pkg" / f"build-{version}.json"
    if version and record.is_file():
        result["build"] = json.loads(record.read_text())
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
