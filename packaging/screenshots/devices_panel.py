"""The README's screenshots of the console on the demo fleet (English, 1280x760), under Xvfb.

    LANG=en_US.UTF-8 xvfb-run -a -s "-screen 0 1700x1100x24" \\
        .venv/bin/python packaging/screenshots/devices_panel.py resources/screenshots

(``packaging/screenshots/take_all.py --readme`` runs this and model_panel.py too.)  Writes to OUT_DIR:
main.png (the Devices area, nothing selected), devices.png (Control tab: a high-risk command to a
device that has dropped off, so it waits for an ack), commands.png (the Commands tab: the in-flight
command among succeeded ones), assistant.png (an utterance previewed by the assistant) and
environment.png (the doctor's report).  The script answers "yes" to every question the console asks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shotkit import grab_window, isolate, settle, start_console, wait

SIZE = "1280x760"


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/screenshots")
    isolate()
    app, svc, console = start_console(SIZE, confirm=lambda *a: True)  # "yes" to high risk and to queueing
    devices = console.devices
    rc = 0
    try:
        settle(3)  # a few state updates: "Updated" reads seconds
        grab_window(console.window, out / "main.png")
        svc.simulator.kill("siren-yard")  # it drops off without acking: its command stays in flight
        svc.commands.submit("lamp-office-1", {"power": True})
        svc.commands.submit("lamp-office-1", {"level": 70})
        svc.commands.submit("hvac-office", {"setpoint": 21.5})
        svc.commands.submit("conveyor-a", {"running": True, "speed": 80}, confirmed=True)
        model, proxy = devices.model, devices.proxy
        devices.table.selectRow(proxy.mapFromSource(model.index(model.row_of("siren-yard"), 0)).row())
        wait(lambda: "active" in devices.controls.controls, "the siren's controls", 10)
        devices.controls.send("siren-yard", {"active": True})
        settle(1.5)
        devices.commands_view.model.apply_pending()
        grab_window(console.window, out / "devices.png")
        devices.side.setCurrentWidget(devices.commands_view)
        settle(0.5)
        grab_window(console.window, out / "commands.png")
        devices.side.setCurrentWidget(console.assistant)
        console.assistant.input.setText("stop both conveyors and the cooling pump")
        console.assistant.preview()
        wait(lambda: console.assistant.table.rowCount() >= 2, "the assistant's preview", 30)
        settle(0.5)
        grab_window(console.window, out / "assistant.png")
        console.window.tabs.setCurrentWidget(console.doctor_panel)
        wait(lambda: console.doctor_panel.report is not None, "the doctor's report", 300)
        settle(0.5)
        grab_window(console.window, out / "environment.png")
    except Exception as exc:  # noqa: BLE001 - say what went wrong, exit non-zero
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        rc = 1
    finally:
        console.close()
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
