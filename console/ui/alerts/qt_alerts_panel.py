"""The Alerts tab (alerts view and rules editor) and ``install_alerts``, which puts it, the banner,
the status-bar count and the desktop notifier into the main window.

``install_alerts(window, services, sender)`` is the one call the shell makes: it returns the panel,
or None when the site's alerts could not start (``services.alerts_error`` is then shown in the
status bar with what to do).  ``sender`` is the console's QtCommandSender: a rule's proposed command
is sent through it, so the operator is asked exactly as for a click.  GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from console.ui.alerts.qt_alerts_banner import QtAlertBanner, QtAlertCount, QtAlertNotifier
from console.ui.alerts.qt_alerts_source import QtAlertsSource
from console.ui.alerts.qt_alerts_view import QtAlertsView, login_name
from console.ui.alerts.qt_rules_editor import QtRulesEditor


class QtAlertsPanel(QWidget):
    def __init__(self, source: QtAlertsSource, parent: QWidget | None = None, *, send=None, who=login_name) -> None:
        super().__init__(parent)
        self.source = source
        self.view = QtAlertsView(source, self, send=send, who=who)
        self.rules = QtRulesEditor(source.alerts, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("alertsTabs")
        self.tabs.addTab(self.view, self.tr("Alerts"))
        self.tabs.addTab(self.rules, self.tr("Rules"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:  # F5
        self.view.refresh()
        self.rules.show_rules()

    def shutdown(self) -> None:
        self.source.shutdown()


def install_alerts(window: Any, services: Any, sender: Any = None) -> QtAlertsPanel | None:
    """The Alerts tab, banner, status-bar count and notifier of ``services.alerts`` in ``window``."""
    if services.alerts is None:
        if getattr(services, "alerts_error", ""):
            window.statusBar().showMessage(QCoreApplication.translate("QtAlertsPanel", "Alerts are off: {e}").format(
                e=services.alerts_error))
        return None
    source = QtAlertsSource(services.alerts, window)
    panel: QtAlertsPanel

    def send(device_id: str, params: dict, origin: str):
        result = sender.send(device_id, params, origin=origin, parent_widget=panel)
        return result.row

    panel = QtAlertsPanel(source, send=send if sender is not None else None)
    banner = QtAlertBanner(source, who=login_name)
    count = QtAlertCount(source)
    panel.notifier = QtAlertNotifier(source, window)
    panel.banner, panel.count = banner, count

    def show() -> None:
        window.tabs.setCurrentWidget(panel)
        panel.tabs.setCurrentWidget(panel.view)

    banner.showRequested.connect(show)
    count.clicked.connect(show)
    window.add_alerts(panel, banner, count)
    return panel
