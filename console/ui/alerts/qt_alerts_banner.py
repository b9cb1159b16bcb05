"""What tells the operator at once: a banner above the tabs, a count in the status bar, a desktop
notification.

The banner shows while an alert is active and not acknowledged: the most severe, newest one, how
many more, and "Show" (to the Alerts tab) / "Acknowledge all".  The count says "Alerts: N active,
M acknowledged".  The notification is ``QSystemTrayIcon.showMessage`` where the desktop has a
system tray (``QSystemTrayIcon.isSystemTrayAvailable()``); where it has none (many kiosks, Xvfb,
the offscreen platform) the banner is the notification, and ``notifier.mode`` says "banner".
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSystemTrayIcon, QWidget

from console.core.alerts.store import SEVERITY_RANK, AlertState
from console.core.paths import resource_path
from console.ui.alerts.qt_alert_words import alert_text

BANNER_STYLE = {
    "critical": "background: #c0392b; color: white;",
    "warning": "background: #f5b041; color: black;",
    "info": "background: #d6eaf8; color: black;",
}


def device_label(alert) -> str:
    return alert.device_id or "—"


class QtAlertBanner(QFrame):
    showRequested = Signal()

    def __init__(self, source, parent: QWidget | None = None, who=None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.source = source
        self.who = who
        self.text = QLabel()
        self.text.setObjectName("alertBannerText")
        self.text.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("alertBannerShow")
        self.ack_button = QPushButton(self.tr("Acknowledge all"))
        self.ack_button.setObjectName("alertBannerAck")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.ack_button)
        self.show_button.clicked.connect(self.showRequested.emit)
        self.ack_button.clicked.connect(self.acknowledge_all)
        source.changed.connect(self.refresh)
        self.refresh()

    def unacknowledged(self) -> list:
        alerts = [a for a in self.source.engine.open_alerts() if a.state is AlertState.ACTIVE]
        return sorted(alerts, key=lambda a: (-SEVERITY_RANK.get(a.severity, 0), -a.raised_at))

    def refresh(self) -> None:
        alerts = self.unacknowledged()
        if not alerts:
            self.setVisible(False)
            return
        top = alerts[0]
        text = self.tr("{rule} on {device}: {message}").format(rule=alert_text(top.rule_name),
                                                                device=device_label(top),
                                                                message=alert_text(top.message))
        if len(alerts) > 1:
            text += "  " + self.tr("(and {n} more active)").format(n=len(alerts) - 1)
        self.text.setText("⚠ " + text)
        self.setStyleSheet(f"#alertBanner {{ {BANNER_STYLE.get(top.severity, '')} }}")
        self.setVisible(True)

    def acknowledge_all(self) -> int:
        who = self.who() if self.who is not None else "operator"
        n = sum(1 for a in self.unacknowledged() if self.source.engine.acknowledge(a.id, who) is not None)
        self.refresh()
        return n


class QtAlertCount(QLabel):
    clicked = Signal()

    def __init__(self, source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertCount")
        self.source = source
        source.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        counts = self.source.engine.counts()
        if counts["active"] == 0 and counts["acknowledged"] == 0:
            self.setText(self.tr("Alerts: none"))
            self.setStyleSheet("color: #1e8449")
            return
        self.setText(self.tr("Alerts: {active} active, {acked} acknowledged").format(
            active=counts["active"], acked=counts["acknowledged"]))
        self.setStyleSheet("color: #c0392b; font-weight: bold" if counts["active"] else "color: #b9770e")

    def mousePressEvent(self, event) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class QtAlertNotifier(QWidget):
    """Desktop notifications of new alerts through the system tray, where there is one."""

    def __init__(self, source, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide()
        self.tray: QSystemTrayIcon | None = None
        self.mode = "banner"
        self.shown: list[str] = []  # the titles of the notifications given (the tests read it)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QIcon(str(resource_path("icons", "status-warn.svg"))), self)
            self.tray.setToolTip(self.tr("AutoGLM Console alerts"))
            self.tray.show()
            self.mode = "tray"
        source.raised.connect(self.notify)

    def notify(self, alerts: list) -> None:
        if not alerts:
            return
        top = sorted(alerts, key=lambda a: -SEVERITY_RANK.get(a.severity, 0))[0]
        title = self.tr("Alert: {rule}").format(rule=alert_text(top.rule_name))
        body = self.tr("{device}: {message}").format(device=device_label(top), message=alert_text(top.message))
        if len(alerts) > 1:
            body += "\n" + self.tr("{n} new alerts").format(n=len(alerts))
        self.shown.append(title)
        if self.tray is not None:
            icon = (QSystemTrayIcon.MessageIcon.Critical if top.severity == "critical"
                    else QSystemTrayIcon.MessageIcon.Warning)
            self.tray.showMessage(title, body, icon, 10_000)
