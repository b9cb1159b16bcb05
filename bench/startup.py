"""Time to the first painted main window, against a bare PySide6 window in the same run, and the time
until the console's panels are built (reported, not part of the ratio).

Each sample is a fresh process (cold interpreter): from spawn to the first paint of the window.
The console runs in demo mode (embedded broker, simulated fleet) exactly as `make run` starts it.
Prints one JSON object as the last line: {"console_ms_p50", "bare_ms_p50", "ratio", ...}.
Target: ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class W(QMainWindow):
    done = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not self.done:
            self.done = True
            print("AUTOGLM_SHOWN", flush=True)
            QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv[:1])
w = W(); w.resize(1280, 760); w.show()
app.exec()
"""


def sample(cmd: list[str], env: dict[str, str], timeout: float = 60.0) -> tuple[float, float | None]:
    """(ms to the first painted window, ms until the console's panels are built or None)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert proc.stdout is not None
    shown = ready = None
    try:
        for line in proc.stdout:
            if line.strip() == "AUTOGLM_SHOWN" and shown is None:
                shown = (time.perf_counter() - t0) * 1000.0
            elif line.strip() == "AUTOGLM_READY":
                ready = (time.perf_counter() - t0) * 1000.0
        if shown is None:
            raise RuntimeError(f"{cmd[:3]} exited without showing a window (rc {proc.wait()})")
    finally:
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
    return shown, ready


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="3 samples each (under 30 s)")
    ap.add_argument("--samples", type=int, default=10)
    args = ap.parse_args()
    n = 3 if args.quick else args.samples
    tmp = tempfile.mkdtemp(prefix="autoglm-startup-")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "AUTOGLM_STARTUP_PROBE": "1", "AUTOGLM_DATA_DIR": tmp, "AUTOGLM_LOG_DIR": tmp,
           "XDG_CONFIG_HOME": tmp}
    bare_cmd = [sys.executable, "-c", BARE]
    console_cmd = [sys.executable, "-m", "console", "--demo"]
    sample(bare_cmd, env)  # warm the page cache for both before measuring
    sample(console_cmd, env)
    bare, console, ready = [], [], []
    for _ in range(n):  # interleaved, so drift on the machine hits both alike
        bare.append(sample(bare_cmd, env)[0])
        shown, built = sample(console_cmd, env)
        console.append(shown)
        ready.append(built)
    b, c = statistics.median(bare), statistics.median(console)
    torch_loaded = subprocess.run(
        [sys.executable, "-c", "import sys, console.ui.shell.qt_app; print('torch' in sys.modules)"],
        capture_output=True, text=True, env=env,
    ).stdout.strip()
    result = {
        "bench": "startup",
        "samples": n,
        "bare_ms_p50": round(b, 1),
        "console_ms_p50": round(c, 1),
        "bare_ms": [round(x, 1) for x in bare],
        "console_ms": [round(x, 1) for x in console],
        "ratio": round(c / b, 3),
        # the window appears with its tabs first; the panels (devices table, model, doctor) are
        # built right after the first paint: this is when they are all in place
        "console_panels_ready_ms_p50": round(statistics.median(ready), 1) if None not in ready else None,
        "target_ratio": 1.5,
        "torch_imported_at_startup": torch_loaded == "True",
        "platform": env["QT_QPA_PLATFORM"],
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
