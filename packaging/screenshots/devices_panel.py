"""Screenshots of the Devices area on the demo fleet, with a command in flight.

    python packaging/screenshots/devices_panel.py OUT_DIR

Writes OUT_DIR/devices.png (Control tab: a high-risk command to a device that has dropped off, so it
waits for an ack), OUT_DIR/commands.png (the Commands tab: the in-flight command among succeeded
ones) and OUT_DIR/assistant.png (an utterance previewed by the assistant).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="autoglm-shot-")  # default layout, not the user's

from PySide6.QtCore import QTimer  # noqa: E402

from console.core.services import build_services  # noqa: E402
from console.ui.shell.qt_app import ConsoleApp, make_application  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    svc = build_services(broker_url=None, demo=True)
    console = ConsoleApp(svc, confirm=lambda *a: True)  # the screenshot answers "yes" to high risk
    console.start()
    console.window.resize(1280, 760)
    console.devices.splitter.setSizes([760, 520])

    def in_flight() -> None:
        svc.simulator.kill("siren-yard")  # it drops off without acking: its command stays in flight
        svc.commands.submit("lamp-office-1", {"power": True})
        svc.commands.submit("lamp-office-1", {"level": 70})
        svc.commands.submit("hvac-office", {"setpoint": 21.5})
        svc.commands.submit("conveyor-a", {"running": True, "speed": 80}, confirmed=True)
        model, proxy = console.devices.model, console.devices.proxy
        console.devices.table.selectRow(proxy.mapFromSource(model.index(model.row_of("siren-yard"), 0)).row())
        console.devices.controls.send("siren-yard", {"active": True})

    def grab_devices() -> None:
        console.devices.commands_view.model.apply_pending()
        console.window.grab().save(str(out / "devices.png"))
        console.devices.side.setCurrentIndex(1)
        QTimer.singleShot(300, grab_commands)

    def grab_commands() -> None:
        console.window.grab().save(str(out / "commands.png"))
        console.devices.side.setCurrentWidget(console.assistant)
        console.assistant.input.setText("stop both conveyors and the cooling pump")
        console.assistant.preview()
        QTimer.singleShot(1500, grab_assistant)

    def grab_assistant() -> None:
        console.window.grab().save(str(out / "assistant.png"))
        app.quit()

    QTimer.singleShot(4000, in_flight)
    QTimer.singleShot(5500, grab_devices)
    app.exec()
    console.close()
    print(f"saved {out}/devices.png, commands.png, assistant.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
