"""Wiring: the QApplication, the services (broker, fleet, link), the window, and the self-test."""

from __future__ import annotations

import logging
import os
import sys
import time
from dataclasses import dataclass

from PySide6.QtCore import (QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator,
                            Signal)
from PySide6.QtWidgets import QApplication, QMessageBox

from typing import TYPE_CHECKING

from console.core.logsetup import setup_logging
from console.core.paths import resource_path

from console.ui import qt_collect
from console.ui.shell import qt_gc
from console.ui.shell.qt_errors import QtErrorReporter, install_qt_message_handler
from console.ui.shell.qt_main_window import QtMainWindow
from console.ui.shell.qt_signals import QtQuitOnSignals

if TYPE_CHECKING:
    from console.core.commands.confirmation import Confirmed
    from console.core.services import Services

    from console.ui.devices.qt_device_controls import ConfirmFn

# The window is on screen before the rest is imported: the panels (and paho, SQLite, the doctor)
# are built right after its first paint; torch and transformers only when a model is loaded.

log = logging.getLogger(__name__)


@dataclass
class GuiOptions:
    broker_url: str | None = None
    fleet: str | None = None
    demo: bool = False
    prefix: str = "autoglm"
    self_test: bool = False
    self_test_timeout: float = 30.0
    settings_org: str = "AutoGLM"
    profile: str | None = None  # a connection profile name ("" = the active one) instead of broker_url
    broker_cfg: object | None = None  # --broker with its flags (console.cli.broker_config_from_args)
    overrides: object | None = None  # the connection flags on top of a profile (ConnectionOverrides)


def make_application(argv: list[str] | None = None, org: str = "AutoGLM") -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(org)
    QCoreApplication.setApplicationName("AutoGLM Console")
    install_translators(app)
    qt_collect.install(qt_gc.install(app).reclaim, app)  # cycles are collected on this (the GUI) thread only,
    # the model worker's too (it asks through the core's collect hook)
    return app  # type: ignore[return-value]


def install_translators(app: QCoreApplication) -> None:
    """Our .qm files (resources/translations/console_<locale>.qm) and Qt's own, if present."""
    locale = QLocale.system()
    for name, folder in (("console", str(resource_path("translations"))),
                         ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        tr = QTranslator(app)
        if tr.load(locale, name, "_", folder):
            app.installTranslator(tr)


class QtModelChooserLink(QObject):
    """The model loaded in the Model tab (local or remote) becomes the assistant's model layer: the
    worker's ``choose`` (scored on the ``model-worker`` thread, the parse thread waits at most 20 s)
    is the assistant's chooser from ``modelLoaded`` until ``modelUnloaded`` or the worker stops.
    Lives on the GUI thread, so the worker's signals arrive here queued."""

    def __init__(self, model_panel, assistant, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.assistant = assistant
        self.worker = None
        model_panel.workerCreated.connect(self._attach)
        if model_panel.worker is not None:
            self._attach(model_panel.worker)

    def _attach(self, worker) -> None:
        self.worker = worker
        worker.modelLoaded.connect(self._on_loaded)
        worker.modelUnloaded.connect(self._on_unloaded)
        worker.stateChanged.connect(self._on_state)

    def _on_loaded(self, info: dict) -> None:
        self.assistant.set_chooser(self.worker.choose)

    def _on_unloaded(self, info: dict) -> None:
        self.assistant.set_chooser(None)

    def _on_state(self, state, info: dict) -> None:
        if state == "stopped":
            self.assistant.set_chooser(None)


class ConsoleApp(QObject):
    """Owns the services and the window; ``close()`` takes everything down in order."""

    startFailed = Signal(str)

    def __init__(self, services: Services, confirm: ConfirmFn | None = None,
                 window: QtMainWindow | None = None) -> None:
        from console.core.hardware import describe_compute
        from console.core.commands.migration import unassigned_outbox_path

        from console.ui.assistant.qt_assistant_panel import QtAssistantPanel
        from console.ui.devices.qt_command_sender import QtCommandSender, liveness_from, values_from
        from console.ui.devices.qt_devices_panel import QtDevicesPanel
        from console.ui.doctor.qt_doctor_panel import QtDoctorPanel
        from console.ui.shell.qt_link import QtLinkStatus
        from console.ui.model.qt_model_panel import QtModelPanel

        super().__init__()
        self.services = services
        self.startFailed.connect(self._show_start_error)
        # one sender for every origin (controls, audit "send again", assistant): the pipeline decides
        self.command_sender = None if services.commands is None else QtCommandSender(
            services.commands, confirm, self, current=values_from(services.registry),
            liveness=liveness_from(services.registry, lambda: self.link_status.state == "connected"))
        self.devices = QtDevicesPanel(services.registry, commands=services.commands, confirm=confirm,
                                      unassigned_outbox=unassigned_outbox_path(), sender=self.command_sender,
                                      ha=services.ha)
        self.assistant = QtAssistantPanel(services.registry, self._submit_from_assistant, confirm=confirm,
                                          commands=services.commands)  # its rows follow their commands
        self.devices.add_side_tab(self.assistant, self.tr("Assistant"))
        self.model_panel = QtModelPanel()
        self.model_link = QtModelChooserLink(self.model_panel, self.assistant, self)  # the model layer
        self.doctor_panel = QtDoctorPanel(
            broker_cfg=services.broker_cfg,
            telemetry_provider=self.model_panel.telemetry_snapshot,
            model_options_provider=self.model_panel.load_options,
            remote_provider=self.model_panel.remote_choice,
        )
        from console.ui.health.qt_health_view import QtHealthView

        self.health_panel = QtHealthView(services.telemetry.health, services.telemetry.tracing_status)
        panels = {"devices": self.devices, "model": self.model_panel, "environment": self.doctor_panel,
                  "health": self.health_panel}
        if window is None:
            window = QtMainWindow(panels)
        else:
            window.set_panels(panels)
        self.window = window
        self.link_status = QtLinkStatus(services.link, self.window)
        from console.ui.alerts.qt_alerts_panel import install_alerts

        self.alerts_panel = install_alerts(self.window, services, self.command_sender)
        url = services.broker_cfg.url()
        self.link_status.stateChanged.connect(lambda s, info: self.window.set_broker_state(s, info, url))
        self.link_status.stateChanged.connect(
            lambda s, _: self.devices.model.set_link_up(s == "connected", time.time()))
        self.window.set_compute(describe_compute())
        self._retry_tick = QTimer(self.window)
        self._retry_tick.setInterval(1000)
        self._retry_tick.timeout.connect(
            lambda: self.window.set_broker_state(self.link_status.state, self.link_status.info, url)
        )
        self._retry_tick.start()

    def start(self) -> None:
        self.window.restore_state(QSettings())
        # the window first: the broker, the fleet and the link come up once it is on screen
        self._started = False
        if self.window.painted:
            self._start_services()
        else:
            self.window.firstPainted.connect(self._start_services)
            QTimer.singleShot(500, self._start_services)
        self.window.show()
        if self.services.unassigned:
            self._tell_unassigned(self.services.unassigned)
        elif self.services.unassigned_error:
            self._warn(self.tr("Open commands from before this console kept one outbox per broker could not be "
                               "moved out of the old shared outbox: {e}. None of them is sent; the move is tried "
                               "again at the next start. Free the path, or move the file away, then restart.").format(
                e=self.services.unassigned_error),
                self.tr("The old shared outbox could not be sorted out: see the warning (retried at the next start)"))
        damaged = getattr(getattr(self.services.ha, "overrides", None), "damaged", "")
        if damaged:  # the operator's per-device risk/exposure choices: once, at start (set aside, not lost)
            self._warn(self.tr("Your risk and exposure choices for Home Assistant devices could not be read: "
                               "{e}").format(e=damaged),
                       self.tr("Device risk/exposure choices could not be read and were set aside: see the warning"))

    def _tell_unassigned(self, rows) -> None:
        """The upgrade moved commands out of the shared outbox, sent nowhere again: the operator must
        know (the log alone is not enough), in the status bar and, on a screen, in a warning box that
        does not block the console."""
        from console.ui.devices.qt_commands_model import format_params

        n = len(rows)
        self.unassigned_message = self.tr(
            "{n} command(s) were still open from before this console kept one outbox per broker. The broker "
            "they were for was not recorded, so none was sent again. Check those devices and send again what "
            "is still wanted: Devices → Audit log → Unassigned lists them and sends one again on this site, "
            "once you confirm it.").format(n=n)
        listed = "\n".join(f"• {r.device_id}: {format_params(r)} ({r.state.value})" for r in rows[:10])
        more = "\n" + self.tr("… and {k} more").format(k=n - 10) if n > 10 else ""
        self.unassigned_details = listed + more
        self._warn(self.unassigned_message,
                   self.tr("{n} open command(s) from before the upgrade were not sent again: see Devices → "
                           "Audit log → Unassigned").format(n=n), details=self.unassigned_details)

    def _warn(self, message: str, status: str, details: str = "") -> None:
        """``status`` in the status bar, and on a screen ``message`` in a warning box that does not block
        the console (``details`` under Show Details)."""
        self.warning_message = message
        self.window.statusBar().showMessage(status)
        if QApplication.platformName() != "offscreen":
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("AutoGLM Console"), message,
                              QMessageBox.StandardButton.Ok, self.window)
            if details:
                box.setDetailedText(details)
            box.setModal(False)
            box.show()
            self._warning_box = box

    def _start_services(self) -> None:
        if not self._started:
            self._started = True
            self.services.start(on_error=lambda exc: self.startFailed.emit(str(exc)))

    def _show_start_error(self, message: str) -> None:
        self.window.set_broker_state("disconnected", {"error": message})
        self.window.statusBar().showMessage(self.tr("Start-up failed: {m}").format(m=message))
        if QApplication.platformName() != "offscreen":
            QMessageBox.warning(self.window, self.tr("AutoGLM Console"), message)

    def _submit_from_assistant(self, device_id: str, params: dict, origin: str = "assistant",
                               confirmed: Confirmed = False):
        """Through the command sender: the pipeline decides from the device's meta now whether the
        operator must confirm it; ``confirmed`` (what the operator said yes to in the assistant's own
        dialog) counts only where it covers that.  Raises with the reason when not sent."""
        if self.command_sender is None:
            raise RuntimeError(self.tr("no command pipeline: nothing can be sent"))
        result = self.command_sender.send(device_id, params, origin=origin, parent_widget=self.assistant,
                                          confirmed=confirmed)
        if result.row is None:
            raise RuntimeError(result.error)
        return result.row

    def close(self) -> None:
        self._started = True  # a start still pending (first paint, the 500 ms timer) must not come now
        self.window.save_state(QSettings())
        self.window.close()
        self.doctor_panel.shutdown()
        self.model_panel.shutdown()
        self.devices.shutdown()
        self.assistant.shutdown()
        if self.alerts_panel is not None:
            self.alerts_panel.shutdown()
        self.services.stop()


def profile_config(name: str, overrides=None, parent=None):
    """The BrokerConfig of a saved connection profile ("" = the active one): console.ui.connection.qt_connect."""
    from console.ui.connection.qt_connect import profile_config as connect_config

    return connect_config(name, overrides, parent=parent)


def run_gui(opts: GuiOptions) -> int:
    t0 = time.perf_counter()
    setup_logging()
    app = make_application(org=opts.settings_org)
    install_qt_message_handler()
    reporter = QtErrorReporter(app, show_dialogs=not opts.self_test)
    reporter.install()
    quit_signals = QtQuitOnSignals(app)  # Ctrl+C / SIGTERM: the Quit path (the broker is stopped too)
    window = QtMainWindow.loading()
    window.restore_state(QSettings())
    window.show()
    result: dict = {"rc": 0, "console": None}

    def build() -> None:
        if result["console"] is not None or result["rc"]:
            return
        from console.core.services import build_services

        try:
            if opts.profile is not None:
                services = build_services(broker_url=None, cfg=profile_config(opts.profile, opts.overrides, window),
                                          fleet_path=opts.fleet)
            else:
                services = build_services(broker_url=opts.broker_url, fleet_path=opts.fleet, demo=opts.demo,
                                          prefix=opts.prefix, cfg=opts.broker_cfg)
        except Exception as exc:  # noqa: BLE001 - say what happened and what to do, then exit cleanly
            log.error("cannot start: %s", exc)
            result["rc"] = 2
            if opts.self_test:
                print(f"self-test FAILED: {exc}", file=sys.stderr)
            else:
                QMessageBox.critical(window, QCoreApplication.translate("app", "AutoGLM Console"), str(exc))
            app.quit()
            return
        console = ConsoleApp(services, window=window)
        result["console"] = console
        console.start()
        log.info("console ready %.0f ms after start", (time.perf_counter() - t0) * 1000)
        if os.environ.get("AUTOGLM_STARTUP_PROBE"):
            print("AUTOGLM_READY", flush=True)  # bench/startup.py: the panels are built
            QTimer.singleShot(0, app.quit)
        elif opts.self_test:
            _self_test(app, console, opts.self_test_timeout, result)
        else:
            app.aboutToQuit.connect(console.close)  # Quit, Ctrl+C, SIGTERM, the last window closed

    window.firstPainted.connect(lambda: QTimer.singleShot(0, build))
    QTimer.singleShot(300, build)  # if nothing paints (a minimised start), build anyway
    rc = app.exec()
    # Quit closes the window (the last one: Qt posts a Quit event) and then quits at once; the posted
    # Quit outlives this loop and, delivered later, would make every later event loop (a test's
    # qtbot.wait, a dialog's exec) return at once: it was for the loop that has ended
    QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
    quit_signals.uninstall()
    console = result["console"]
    if console is not None and (opts.self_test or os.environ.get("AUTOGLM_STARTUP_PROBE")):
        console.close()
    elif console is not None:  # closed on aboutToQuit already; a later exec() (tests) must not close it again
        app.aboutToQuit.disconnect(console.close)
    return result["rc"] or rc


def _self_test(app: QApplication, console: ConsoleApp, timeout: float, result: dict) -> None:
    """Pass when every catalog device is online in the table; else print what is missing."""
    expected = {d.id for d in console.services.fleet.devices}
    result["rc"] = 1

    def check() -> None:
        rows = console.devices.table_rows()
        online = console.services.registry.online_ids()
        if expected <= online and rows >= len(expected):
            off = getattr(console.services.link, "offload", None)
            if off is not None and not off.dead and off.batches == 0:
                return  # the Home Assistant states' child process has not sent its first reading yet
            if off is None:
                ingest = "Home Assistant states read in this process"
            elif off.dead:
                ingest = "Home Assistant states read in this process (the child process ended or could not start)"
            else:
                ingest = f"Home Assistant states read by a child process (pid {off.pid}, {off.batches} batches)"
            print(f"self-test OK: {len(expected)} devices online via {console.services.broker_cfg.url()}; {ingest}")
            result["rc"] = 0
            poll.stop()
            app.quit()

    def give_up() -> None:
        if result["rc"] == 0:
            return
        online = console.services.registry.online_ids()
        missing = sorted(expected - online)
        if console.services.start_error is not None:
            print(f"self-test FAILED: start-up failed: {console.services.start_error}", file=sys.stderr)
        print(
            f"self-test FAILED after {timeout:.0f} s: link {console.services.link.state.value} "
            f"({console.services.link.last_error or 'no error'}); {len(missing)} devices not online: "
            f"{', '.join(missing[:10])}",
            file=sys.stderr,
        )
        app.quit()

    poll = QTimer(console)
    poll.setInterval(100)
    poll.timeout.connect(check)
    poll.start()
    QTimer.singleShot(int(timeout * 1000), give_up)
