"""The doctor and the console when the data folder is a file: the Packages and Model rows fail naming
the file and the fix (before: "the check itself failed: FileExistsError … a bug in the doctor"), the
disk rows say "move the file away" (before: "give this user write access"), and the console's start
says the same and exits cleanly (before: "cannot start: [Errno 17] File exists").  Real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("AUTOGLM_MODEL_DIR", "TRITON_CACHE_DIR")}
    return dict(env, QT_QPA_PLATFORM="offscreen", AUTOGLM_DATA_DIR=str(data))


def test_the_doctor_names_the_file_and_the_fix(tmp_path):
    data = tmp_path / "autoglm-console"
    data.write_text("a stray file")
    proc = subprocess.run([sys.executable, "-m", "console", "doctor", "--json"], capture_output=True, text=True,
                          env=_env(data), cwd=ROOT, timeout=300)
    rows = {c["name"]: c for c in json.loads(proc.stdout)["checks"]}
    for name in ("Packages", "Model"):
        assert rows[name]["status"] == "fail"
        assert f"{data} is a file" in rows[name]["value"] and "move the file away" in rows[name]["value"]
        assert "bug in the doctor" not in rows[name]["hint"] and "Move the file away" in rows[name]["hint"]
    for name in ("Data dir write access", "Model cache write access"):
        assert rows[name]["value"] == f"{data} is a file, not a folder"
        assert rows[name]["hint"].startswith(f"Move the file away (e.g. mv '{data}'")
    assert "Traceback" not in proc.stderr
    assert data.read_text() == "a stray file"


def test_the_console_says_so_at_start(tmp_path):
    data = tmp_path / "autoglm-console"
    data.write_text("a stray file")
    proc = subprocess.run([sys.executable, "-m", "console", "--self-test"], capture_output=True, text=True,
                          env=_env(data), cwd=ROOT, timeout=300)
    assert proc.returncode == 2
    assert f"self-test FAILED: {data} is a file, where the console keeps its folder: move the file away" \
        in proc.stderr
    assert "Traceback" not in proc.stderr and "Errno" not in proc.stderr
