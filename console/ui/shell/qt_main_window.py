"""The main window: three areas (Devices, Model, Environment) as tabs, and a status bar.

The window knows its panels only through the small protocols below (settings, F5 refresh); the
application wires everything else through the panels' own public methods and signals.
"""

from __future__ import annotations

import os
import time
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from console import __version__
from console.ui.qt_i18n import tr_msg


@runtime_checkable
class RemembersState(Protocol):
    """A panel that keeps its layout and choices across runs (in its own QSettings group)."""

    def save_state(self, settings: QSettings) -> None: ...
    def restore_state(self, settings: QSettings) -> None: ...


@runtime_checkable
class Refreshable(Protocol):
    """A panel that F5 refreshes."""

    def refresh(self) -> None: ...


class QtMainWindow(QMainWindow):
    SETTINGS_VERSION = 1
    firstPainted = Signal()

    def __init__(self, panels: dict[str, QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AutoGLM Console {version}").format(version=__version__))
        self.setObjectName("mainWindow")
        self.panels = panels
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.titles = {"devices": self.tr("Devices"), "model": self.tr("Model"),
                       "environment": self.tr("Environment"), "health": self.tr("Health"), "alerts": self.tr("Alerts")}
        for key, panel in panels.items():
            panel.setObjectName(f"panel_{key}")
            self.tabs.addTab(panel, self.titles.get(key, key))
        self.setCentralWidget(self.tabs)

        self.broker_label = QLabel()
        self.broker_label.setObjectName("brokerState")
        self.compute_label = QLabel()
        self.compute_label.setObjectName("computeInfo")
        self.statusBar().addPermanentWidget(self.broker_label)
        self.statusBar().addPermanentWidget(self.compute_label)
        self.set_broker_state("disconnected", {})
        self._build_menu()
        screen = QGuiApplication.primaryScreen()  # 1280×760, or less on a smaller screen (1024×700)
        room = screen.availableSize() if screen is not None else QSize(1280, 760)
        self.resize(min(1280, room.width()), min(760, room.height()))
        self._shown_once = False

    def _build_menu(self) -> None:
        """File → Quit (Ctrl+Q): the one way out that Ctrl+C and SIGTERM also take (run_gui)."""
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # StandardKey.Quit is empty on Windows
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit)
        file_menu.addAction(self.quit_action)

    def quit(self) -> None:
        """Close the window and leave the event loop, even with other windows (a warning box) open:
        ``aboutToQuit`` then closes the console and stops its services and broker."""
        self.close()
        QCoreApplication.quit()

    @classmethod
    def loading(cls) -> "QtMainWindow":
        """The window as it first appears: the tabs say "Loading…" until set_panels() fills them."""
        placeholders = {}
        for key in ("devices", "model", "environment"):
            label = QLabel(QCoreApplication.translate("QtMainWindow", "Loading…"))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholders[key] = label
        return cls(placeholders)

    def set_panels(self, panels: dict[str, QWidget]) -> None:
        """Put the real panels in place of the placeholders, keeping the current tab."""
        current = self.tabs.currentIndex()
        for key, panel in panels.items():
            old = self.panels.get(key)
            index = self.tabs.indexOf(old) if old is not None else -1
            panel.setObjectName(f"panel_{key}")
            if index >= 0:
                title = self.tabs.tabText(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, panel, title)
                old.deleteLater()
            else:
                self.tabs.addTab(panel, self.titles.get(key, key))
            self.panels[key] = panel
        self.tabs.setCurrentIndex(current)

    @property
    def painted(self) -> bool:
        return self._shown_once

    # -- status bar -----------------------------------------------------------------------------
    def set_broker_state(self, state: str, info: dict, url: str = "") -> None:
        colours = {"connected": "#1e8449", "connecting": "#b9770e", "waiting to retry": "#c0392b",
                   "not authorized": "#c0392b"}
        shown = self.state_text(state)
        text = self.tr("Broker {url}: {state}").format(url=url, state=shown) if url else self.tr(
            "Broker: {state}"
        ).format(state=shown)
        retry = info.get("next_retry_at")
        if state in ("waiting to retry", "not authorized") and retry:
            text += self.tr(" (next try in {s:.0f} s)").format(s=max(0.0, retry - time.time()))
        # what the operator must fix is in the bar itself, not only in a tooltip
        shown_reason = (info.get("warning") or info.get("hint")
                        or (info.get("error") if state == "not authorized" else ""))
        if shown_reason:
            text += f" — {shown_reason}"
            if state == "connected":
                colours = {**colours, "connected": "#b9770e"}
        if info.get("error") and state != "connected":
            self.broker_label.setToolTip(str(info["error"]))
        else:
            self.broker_label.setToolTip("")
        self.broker_label.setText(text)
        self.broker_label.setStyleSheet(f"color: {colours.get(state, '#7f8c8d')}; font-weight: bold")

    def state_text(self, state: str) -> str:
        """The link state (console.core.mqtt.link.LinkState's values) in the operator's language."""
        return {"disconnected": self.tr("disconnected"), "connecting": self.tr("connecting"),
                "connected": self.tr("connected"), "waiting to retry": self.tr("waiting to retry"),
                "not authorized": self.tr("not authorized"), "stopped": self.tr("stopped")}.get(state, state)

    def set_compute(self, text: str) -> None:
        self.compute_label.setText(tr_msg(text))

    def add_alerts(self, panel: QWidget, banner: QWidget, count: QWidget) -> None:
        """The Alerts tab, its banner above the tabs and its count in the status bar (console.ui.alerts)."""
        self.set_panels({"alerts": panel})
        box = QWidget()
        box.setObjectName("centralBox")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(banner)
        layout.addWidget(self.takeCentralWidget(), 1)
        self.setCentralWidget(box)
        self.statusBar().insertPermanentWidget(0, count)

    # -- settings -------------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.beginGroup("mainWindow")
        settings.setValue("version", self.SETTINGS_VERSION)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("windowState", self.saveState())
        settings.setValue("tab", self.tabs.currentIndex())
        settings.endGroup()
        for panel in self.panels.values():
            if isinstance(panel, RemembersState):
                panel.save_state(settings)
        settings.sync()

    def restore_state(self, settings: QSettings) -> None:
        settings.beginGroup("mainWindow")
        try:
            if int(settings.value("version", 0) or 0) == self.SETTINGS_VERSION:
                geometry = settings.value("geometry")
                if geometry is not None:
                    self.restoreGeometry(geometry)
                state = settings.value("windowState")
                if state is not None:
                    self.restoreState(state)
                self.tabs.setCurrentIndex(int(settings.value("tab", 0) or 0))
        finally:
            settings.endGroup()
        for panel in self.panels.values():
            if isinstance(panel, RemembersState):
                panel.restore_state(settings)
        start_tab = os.environ.get("AUTOGLM_START_TAB")  # screenshots and kiosk set-ups
        if start_tab in self.panels:
            self.tabs.setCurrentIndex(list(self.panels).index(start_tab))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if os.environ.get("AUTOGLM_STARTUP_PROBE"):
                print("AUTOGLM_SHOWN", flush=True)  # bench/startup.py: the first frame is painted
            self.firstPainted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state(QSettings())
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:
        current = self.tabs.currentWidget()
        if event.key() == Qt.Key.Key_F5 and isinstance(current, Refreshable):
            current.refresh()
        super().keyPressEvent(event)
