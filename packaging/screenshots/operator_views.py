"""Screenshots of what an operator sees first: Devices, the Assistant's preview and Environment (issue 14).

    LANG=en_US.UTF-8 xvfb-run -a -s "-screen 0 1700x1100x24" \\
        .venv/bin/python packaging/screenshots/operator_views.py docs/screenshots 1024x700 en
    LANG=zh_CN.UTF-8 LANGUAGE=zh_CN xvfb-run -a -s "-screen 0 1700x1100x24" \\
        .venv/bin/python packaging/screenshots/operator_views.py docs/screenshots 1600x1000 zh

Runs the console on the demo fleet under a real X server (the xcb plugin, as an operator's desktop;
QT_QPA_PLATFORM is left to Qt unless set), resizes the window to SIZE and writes
OUT/devices-SIZE-LANG.png (the fleet table, nothing selected), OUT/assistant-SIZE-LANG.png (an
utterance previewed: a lamp that is already on and a conveyor to start) and
OUT/environment-SIZE-LANG.png (the doctor's report once every check has answered).  LANG names the
file; the UI language comes from the locale (LANG / LANGUAGE).  Exits 1 if a step does not happen
within its time.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="autoglm-shot-")  # default layout, not the user's

UTTERANCE = {"en": "turn on the office ceiling lamp and set conveyor a speed to 60",
             "zh": "打开办公室吊灯，把A线传送带速度调到60"}


def main() -> int:
    out, size, lang = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    w, h = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QTimer

    from console.core.services import build_services
    from console.ui.shell.qt_app import ConsoleApp, make_application

    app = make_application([sys.argv[0]])
    svc = build_services(broker_url=None, demo=True)
    console = ConsoleApp(svc, confirm=lambda *a: True)
    console.start()
    console.window.resize(w, h)

    def wait(pred, what: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        tick = QTimer()
        tick.setInterval(50)
        tick.timeout.connect(lambda: (pred() or time.monotonic() > deadline) and loop.quit())
        tick.start()
        loop.exec()
        tick.stop()
        if not pred():
            raise TimeoutError(f"timed out waiting for {what}")

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        wait(lambda: time.monotonic() >= end, "a pause", seconds + 5)

    def grab(name: str) -> None:
        app.processEvents()
        path = out / f"{name}-{size}-{lang}.png"
        if not console.window.grab().save(str(path)):
            raise RuntimeError(f"could not write {path}")
        print(f"saved {path}")

    rc = 0
    try:
        model = console.devices.model
        wait(lambda: model.rowCount() >= 14 and console.link_status.state == "connected", "the demo fleet", 60)
        settle(3)  # a few state updates: "Updated" reads seconds, not "never"
        grab("devices")
        console.devices.side.setCurrentWidget(console.assistant)
        console.assistant.input.setText(UTTERANCE[lang])
        console.assistant.preview()
        wait(lambda: console.assistant.table.rowCount() >= 2, "the assistant's preview", 30)
        settle(0.5)
        grab("assistant")
        doctor = console.doctor_panel
        console.window.tabs.setCurrentWidget(doctor)
        wait(lambda: doctor.report is not None, "the doctor's report", 240)
        settle(0.5)
        grab("environment")
    except Exception as exc:  # noqa: BLE001 - say what went wrong, exit non-zero
        print(f"error: {exc}", file=sys.stderr)
        rc = 1
    finally:
        console.close()
    return rc


if __name__ == "__main__":
    sys.exit(main())
