"""Screenshot of the Model panel with live graphs after a few requests (for the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots/model_panel.py OUT.png
    xvfb-run -a -s "-screen 0 1700x1100x24" .venv/bin/python packaging/screenshots/model_panel.py OUT.png

(``packaging/screenshots/take_all.py --readme`` runs it for the README.)
Builds the panel, loads the bundled model (or --source), sends --requests prompts (queued, run one
at a time), waits for the answers, lets the graphs redraw, and saves ``widget.grab()`` to OUT.png.
Prints one JSON object with the load and request numbers as its last line; exits 1 on a failure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from shotkit import isolate, parse_size, settle, wait

PROMPTS = [
    "What is the capital of France?",
    "Name three uses of a conveyor belt in a factory.",
    "Write one sentence about keeping a warehouse safe.",
    "What does a temperature sensor measure?",
    "Give two tips for saving energy in an office.",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--source", default=None, help="model folder, .gguf file or hub id (default: the bundled model)")
    ap.add_argument("--requests", type=int, default=3)
    ap.add_argument("--max-new", type=int, default=48)
    ap.add_argument("--size", default="1280x760")  # the README's size
    ap.add_argument("--timeout", type=float, default=300.0)
    args = ap.parse_args()

    isolate()
    from PySide6.QtCore import QCoreApplication

    from console.ui.shell.qt_app import make_application
    from console.ui.model.qt_model_panel import QtModelPanel

    app = make_application([sys.argv[0]])
    panel = QtModelPanel(default_source=args.source)
    panel.setWindowTitle(QCoreApplication.translate("screenshot", "AutoGLM Console — Model"))
    panel.resize(*parse_size(args.size))
    panel.show()
    t_end = time.monotonic() + args.timeout

    def left() -> float:
        return max(1.0, t_end - time.monotonic())

    done: dict[int, object] = {}
    result: dict = {}
    try:
        wait(lambda: bool(panel.last_estimate), "the fit estimate", left())
        t0 = time.perf_counter()
        panel.load()
        wait(lambda: bool(panel.engine_info) or panel.status.styleSheet().startswith("color: #c0392b"), "loading",
             left())
        if not panel.engine_info:
            raise RuntimeError(panel.status.text())
        result["load_s"] = round(time.perf_counter() - t0, 2)
        result["from_cache"] = panel.engine_info.get("from_cache")
        panel.worker.requestFinished.connect(lambda rid, m: done.__setitem__(rid, m))
        panel.chat.max_new.setValue(args.max_new)
        ids = []
        for i in range(args.requests):
            panel.chat.prompt.setPlainText(PROMPTS[i % len(PROMPTS)])
            ids.append(panel.send())
        wait(lambda: all(i in done for i in ids), f"{len(ids)} answers", left())
        wait(lambda: panel.graphs.point_counts()["e2e"] == len(ids), "the graphs", left())
        panel.graphs.redraw(force=True)
        settle(0.5)
        result["requests"] = [
            {"ttft_s": round(m.ttft_s or 0, 3), "decode_tps": round(m.decode_tps or 0, 2), "e2e_s": round(m.e2e_s, 3),
             "queue_wait_s": round(m.queue_wait_s, 3), "new_tokens": m.new_tokens, "fast_path": m.fast_path}
            for m in (done[i] for i in ids)
        ]
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if not panel.grab().save(str(args.out)):
            raise RuntimeError(f"could not write {args.out}")
        result["saved"] = str(args.out)
        rc = 0
    except Exception as exc:  # noqa: BLE001 - say what went wrong, exit non-zero
        result["error"] = str(exc)
        rc = 1
    finally:
        panel.shutdown()
    print(json.dumps(result))
    return rc


if __name__ == "__main__":
    sys.exit(main())
