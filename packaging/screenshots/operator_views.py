"""Screenshots of the operator's views in one language, at one or more window sizes (issue 14).

    LANG=zh_CN.UTF-8 LANGUAGE=zh_CN xvfb-run -a -s "-screen 0 1700x1100x24" \\
        .venv/bin/python packaging/screenshots/operator_views.py docs/screenshots 1024x700,1600x1000 zh

All languages and sizes at once: ``packaging/screenshots/take_all.py`` (it runs this once per language).

Runs the console on the demo fleet under a real X server (the xcb plugin, as an operator's desktop;
QT_QPA_PLATFORM is left to Qt unless set), with its own confirmation dialogs, and writes
OUT/VIEW-SIZE-LANG.png for each SIZE (comma-separated) and each view, in this order:

- devices: the fleet table, nothing selected, a few seconds of state updates in;
- control-confirm: conveyor-a (high risk) selected, its Running switch clicked: the console's real
  confirmation dialog (grabbed from the screen, then answered Cancel: nothing is sent);
- assistant: an utterance previewed (a lamp that is already on, a conveyor's speed);
- environment: the doctor's report once every check has answered;
- devices-broker-down: the embedded broker killed (SIGKILL, no restart), every row reading unknown
  (then started again on its port, and the link reconnects);
- model: the bundled GGUF loaded (fetched first if missing) and --requests real requests answered,
  so every graph has points.

``--views`` also takes commands, audit, alerts, alert-rules and health (not in the default set: to look at).

LANG names the file; the UI language comes from the locale (LANG / LANGUAGE).  ``--views`` takes a
subset.  Exits 1 if a step does not happen within its time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from shotkit import grab_screen, grab_window, isolate, resize, settle, start_console, wait

VIEWS = ("devices", "control-confirm", "assistant", "environment", "model", "devices-broker-down")
EXTRA_VIEWS = ("commands", "audit", "alerts", "alert-rules", "health")  # to look at; only on request (--views)
# the broker comes back after its shot: the Model shot's status bar must not say "broker down"
ORDER = ("devices", "control-confirm", "assistant", *EXTRA_VIEWS, "environment", "devices-broker-down", "model")
UTTERANCE = {"en": "turn on the office ceiling lamp and set conveyor a speed to 60",
             "zh": "打开办公室吊灯，把A线传送带速度调到60"}
PROMPTS = {"en": ["Say hello in five words.", "What is MQTT?", "Name three colours.", "What does a sensor measure?"],
           "zh": ["用五个词打招呼。", "什么是 MQTT？", "说出三种颜色。", "传感器测量什么？"]}
CONFIRM_DEVICE, CONFIRM_SWITCH = "conveyor-a", "running"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("sizes", help="WxH[,WxH...]")
    ap.add_argument("lang", help="names the files (en, zh); the UI language comes from the locale")
    ap.add_argument("--views", default=",".join(VIEWS),
                    help=f"comma-separated, of {', '.join(VIEWS)} (default: those) and {', '.join(EXTRA_VIEWS)}")
    ap.add_argument("--requests", type=int, default=3, help="model requests before the Model shot")
    ap.add_argument("--max-new", type=int, default=12, help="new tokens per model request")
    args = ap.parse_args()
    sizes = [s for s in args.sizes.split(",") if s]
    views = [v for v in args.views.split(",") if v]
    unknown = set(views) - set(ORDER)
    if unknown:
        ap.error(f"unknown view(s): {', '.join(sorted(unknown))}")
    isolate()
    app, svc, console = start_console(sizes[0])
    shots = Shots(app, svc, console, args.out, sizes, args.lang, args)
    rc = 0
    try:
        for view in ORDER:
            if view in views:
                getattr(shots, view.replace("-", "_"))()
    except Exception as exc:  # noqa: BLE001 - say what went wrong, exit non-zero
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        rc = 1
    finally:
        console.close()
    return rc


def select_row(devices, device_id: str | None) -> None:
    """Select ``device_id``'s row in the device table (its controls show), or nothing."""
    table = devices.table
    if device_id is None:
        table.clearSelection()
        table.setCurrentIndex(table.model().index(-1, -1))
        devices.select_device(None)
        return
    src = devices.model.index(devices.model.row_of(device_id), 0)
    table.selectRow(devices.proxy.mapFromSource(src).row())


class Shots:
    def __init__(self, app, svc, console, out: Path, sizes: list[str], lang: str, args) -> None:
        self.app, self.svc, self.console, self.out = app, svc, console, out
        self.sizes, self.lang, self.args = sizes, lang, args

    def path(self, view: str, size: str) -> Path:
        return self.out / f"{view}-{size}-{self.lang}.png"

    def each_size(self, view: str, before=None, grab=grab_window) -> None:
        for size in self.sizes:
            resize(self.console.window, size)
            if before is not None:
                before()
            grab(self.console.window, self.path(view, size))

    def devices(self) -> None:
        c = self.console
        c.window.tabs.setCurrentWidget(c.devices)
        c.devices.side.setCurrentIndex(0)
        settle(3)  # a few state updates: "Updated" reads seconds, not "never"
        self.each_size("devices")

    def control_confirm(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox

        c = self.console
        c.window.tabs.setCurrentWidget(c.devices)
        c.devices.side.setCurrentIndex(0)
        for size in self.sizes:
            resize(c.window, size)
            select_row(c.devices, None)  # a fresh selection: no "Not sent" left from the size before
            select_row(c.devices, CONFIRM_DEVICE)  # a click on its row, as the operator's
            wait(lambda: CONFIRM_SWITCH in c.devices.controls.controls, f"{CONFIRM_DEVICE}'s controls", 10)
            settle(0.3)
            seen: dict = {}

            def poll(tries: int = 0) -> None:
                box = QApplication.activeModalWidget()
                if isinstance(box, QMessageBox) and box.isVisible():
                    settle(0.5)
                    seen["path"] = grab_screen(c.window, self.path("control-confirm", size))
                    seen["text"] = box.text()
                    box.reject()  # Cancel: nothing is sent
                elif tries < 400:
                    QTimer.singleShot(50, lambda: poll(tries + 1))

            QTimer.singleShot(50, poll)
            c.devices.controls.controls[CONFIRM_SWITCH].switch.click()  # returns once the dialog is answered
            if "path" not in seen:
                raise RuntimeError(f"no confirmation dialog for {CONFIRM_DEVICE} {CONFIRM_SWITCH}")
            print(f"  dialog: {seen['text']!r}")
            settle(0.3)

    def assistant(self) -> None:
        c = self.console
        c.window.tabs.setCurrentWidget(c.devices)
        select_row(c.devices, None)
        c.devices.side.setCurrentWidget(c.assistant)
        c.assistant.input.setText(UTTERANCE.get(self.lang, UTTERANCE["en"]))
        c.assistant.preview()
        wait(lambda: c.assistant.table.rowCount() >= 2, "the assistant's preview", 30)
        self.each_size("assistant")

    def _side_tab(self, widget, view: str) -> None:
        c = self.console
        c.window.tabs.setCurrentWidget(c.devices)
        c.devices.side.setCurrentWidget(widget)
        self.each_size(view)

    def _some_commands(self) -> None:
        """A few commands, so the Commands and Audit tables have rows (low risk: no question asked)."""
        if getattr(self, "_sent", False):
            return
        self._sent = True
        cmds = self.svc.commands
        for dev, params in (("lamp-office-1", {"power": True}), ("lamp-office-1", {"level": 70}),
                            ("hvac-office", {"setpoint": 21.5}), ("blinds-office", {"position": 40})):
            cmds.submit(dev, params, origin="operator")
        wait(lambda: cmds.outbox.count() >= 4, "the commands", 20)
        settle(3)  # their acks

    def commands(self) -> None:
        self._some_commands()
        self._side_tab(self.console.devices.commands_view, "commands")

    def audit(self) -> None:
        self._some_commands()
        self._side_tab(self.console.devices.audit_view, "audit")

    def alerts(self) -> None:
        panel = self.console.alerts_panel
        self.svc.simulator.kill("pump-cooling")  # drops off: the demo rule "cooling-pump-offline" fires
        wait(lambda: panel.view.model.rowCount() > 0, "an alert", 90)
        self.console.window.tabs.setCurrentWidget(panel)
        panel.tabs.setCurrentWidget(panel.view)
        self.each_size("alerts")

    def alert_rules(self) -> None:
        panel = self.console.alerts_panel
        self.console.window.tabs.setCurrentWidget(panel)
        panel.tabs.setCurrentWidget(panel.rules)
        self.each_size("alert-rules")

    def health(self) -> None:
        self._some_commands()  # numbers to show
        self.console.window.tabs.setCurrentWidget(self.console.health_panel)
        self.each_size("health")

    def environment(self) -> None:
        c = self.console
        doctor = c.doctor_panel
        c.window.tabs.setCurrentWidget(doctor)
        wait(lambda: doctor.report is not None, "the doctor's report", 300)
        self.each_size("environment")

    def model(self) -> None:
        from console.core.inference.bundled_model import bundled_model_present, fetch_bundled_model

        if not bundled_model_present():
            print(f"fetching the bundled model: {fetch_bundled_model()}")
        c = self.console
        panel = c.model_panel
        c.window.tabs.setCurrentWidget(panel)
        wait(lambda: bool(panel.last_estimate), "the fit estimate", 120)
        panel.load()
        wait(lambda: bool(panel.engine_info) or panel.status.styleSheet().startswith("color: #c0392b"),
             "the model to load", 600)
        if not panel.engine_info:
            raise RuntimeError(f"the model did not load: {panel.status.text()}")
        done: dict = {}
        panel.worker.requestFinished.connect(lambda rid, m: done.__setitem__(rid, m))
        panel.chat.max_new.setValue(self.args.max_new)
        prompts = PROMPTS.get(self.lang, PROMPTS["en"])
        ids = []
        for i in range(self.args.requests):
            panel.chat.prompt.setPlainText(prompts[i % len(prompts)])
            ids.append(panel.send())
        wait(lambda: all(i in done for i in ids), f"{len(ids)} answers", 900)
        wait(lambda: panel.graphs.point_counts()["e2e"] == len(ids), "the graphs", 30)
        for rid in ids:
            m = done[rid]
            print(f"  request {rid}: ttft {m.ttft_s or 0:.2f} s, {m.decode_tps or 0:.2f} tok/s, e2e {m.e2e_s:.2f} s")

        def redraw() -> None:
            panel.graphs.redraw(force=True)
            settle(0.5)

        self.each_size("model", before=redraw)

    def devices_broker_down(self) -> None:
        c = self.console
        c.window.tabs.setCurrentWidget(c.devices)
        select_row(c.devices, None)
        c.devices.side.setCurrentIndex(0)
        if self.svc.embedded is None:
            raise RuntimeError("no embedded broker to stop (not the demo)")
        self.svc.embedded.kill()  # SIGKILL, no restart: the link goes down and stays down
        wait(lambda: c.link_status.state != "connected" and not c.devices.model.link_up, "the link to drop", 30)
        settle(2)  # the rows repaint; "down since" has an age
        self.each_size("devices-broker-down")
        self.svc.embedded.restart()  # on the same port; the link reconnects by itself
        wait(lambda: c.link_status.state == "connected" and c.devices.model.link_up, "the link to come back", 60)


if __name__ == "__main__":
    sys.exit(main())
