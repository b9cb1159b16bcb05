"""The screenshot of an active alert (docs/screenshots/alerts.png): the demo console, its cooling pump
cut off (its Last Will says offline), the demo rule "Cooling pump offline" raised 15 s later.

    xvfb-run -a -s "-screen 0 1400x860x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python tests/ui/alerts/screenshot_alerts.py docs/screenshots/alerts.png

Not a test (pytest does not collect it): a real X server under Xvfb, the real demo (embedded
Mosquitto, simulated fleet), the Alerts tab installed as the shell installs it (``install_alerts``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))


def main(out: str) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="autoglm-alerts-shot-"))
    os.environ.setdefault("AUTOGLM_DATA_DIR", str(tmp / "data"))
    os.environ.setdefault("AUTOGLM_LOG_DIR", str(tmp / "logs"))
    from PySide6.QtCore import QSettings, QTimer

    from console.core.services import build_services
    from console.ui.alerts.qt_alerts_panel import install_alerts
    from console.ui.shell.qt_app import ConsoleApp, make_application

    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    services = build_services(broker_url=None, demo=True)
    console = ConsoleApp(services)
    panel = console.window.panels.get("alerts") or install_alerts(console.window, services, console.command_sender)
    console.start()
    state = {"t": time.monotonic(), "killed": False, "rc": 1}

    def step() -> None:
        if not state["killed"] and len(services.registry.online_ids()) >= len(services.fleet.devices):
            services.simulator.kill("pump-cooling")
            state["killed"] = True
        alerts = services.alerts.engine.open_alerts() if services.alerts else []
        if any(a.rule_id == "cooling-pump-offline" for a in alerts) and panel.banner.isVisible():
            console.window.tabs.setCurrentWidget(panel)
            QTimer.singleShot(1500, shoot)
            timer.stop()
        elif time.monotonic() - state["t"] > 90:
            print("no alert within 90 s", file=sys.stderr)
            app.quit()

    def shoot() -> None:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        ok = console.window.grab().save(out)
        print(f"saved {out}" if ok else f"could not save {out}")
        state["rc"] = 0 if ok else 1
        app.quit()

    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(step)
    timer.start()
    app.exec()
    console.close()
    return state["rc"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/alerts.png"))
