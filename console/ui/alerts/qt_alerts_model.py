"""The alerts table: the store's alerts matching the view's filter, newest first (GUI thread).

``refresh(filter)`` queries the store again (the view calls it when the source says something
changed, at most once a frame); rows carry the Alert in ``Qt.UserRole``.  Severity and state are
worded in the operator's language and coloured (critical red, warning amber, info blue); the core's
texts (conditions, built-in alerts, action outcomes, who cleared it) are translated (qt_alert_words);
the Cleared cell's tooltip says why it was cleared (the detail the store keeps with that event).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from console.core.alerts.store import Alert, AlertFilter, AlertState, AlertStore
from console.ui.alerts.qt_alert_words import alert_text, detail_text, who_text

COLOURS = {"critical": "#c0392b", "warning": "#b9770e", "info": "#2874a6"}


def when(t: float | None) -> str:
    return "" if t is None else time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t))


class QtAlertsModel(QAbstractTableModel):
    COLUMNS = ("raised", "severity", "state", "rule", "device", "zone", "message", "acknowledged", "cleared",
               "action")

    def __init__(self, store: AlertStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.rows: list[Alert] = []
        self.filter = AlertFilter(limit=2000)

    def headers(self) -> dict[str, str]:
        return {"raised": self.tr("Raised"), "severity": self.tr("Severity"), "state": self.tr("State"),
                "rule": self.tr("Rule"), "device": self.tr("Device"), "zone": self.tr("Zone"),
                "message": self.tr("Condition"), "acknowledged": self.tr("Acknowledged"),
                "cleared": self.tr("Cleared"), "action": self.tr("Action")}

    def severity_text(self, severity: str) -> str:
        return {"critical": self.tr("critical"), "warning": self.tr("warning"), "info": self.tr("info")}.get(
            severity, severity)

    def state_text(self, state: AlertState) -> str:
        return {AlertState.ACTIVE: self.tr("active"), AlertState.ACKNOWLEDGED: self.tr("acknowledged"),
                AlertState.CLEARED: self.tr("cleared")}[state]

    def refresh(self, flt: AlertFilter | None = None) -> None:
        if flt is not None:
            self.filter = flt
        self.beginResetModel()
        self.rows = self.store.query(self.filter)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[self.COLUMNS[section]]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        a = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return a
        if role == Qt.ItemDataRole.ForegroundRole and col == "severity":
            return QBrush(QColor(COLOURS.get(a.severity, "#555555")))
        if role == Qt.ItemDataRole.ToolTipRole and col in ("message", "action"):
            return alert_text(a.message if col == "message" else a.action)
        if role == Qt.ItemDataRole.ToolTipRole and col == "cleared":
            return self.cleared_detail(a)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "raised":
            return when(a.raised_at)
        if col == "severity":
            return self.severity_text(a.severity)
        if col == "state":
            return self.state_text(a.state)
        if col == "rule":
            return alert_text(a.rule_name)
        if col == "device":
            return a.device_id
        if col == "zone":
            return a.zone
        if col == "message":
            return alert_text(a.message)
        if col == "acknowledged":
            return f"{who_text(a.acked_by)} {when(a.acked_at)}".strip()
        if col == "cleared":
            return f"{who_text(a.cleared_by)} {when(a.cleared_at)}".strip()
        return alert_text(a.action)

    def cleared_detail(self, a: Alert) -> str | None:
        """Why it was cleared (its "cleared" event's detail in the store), in the operator's language."""
        if a.cleared_at is None:
            return None
        details = [d for state, _at, _who, d in self.store.events(a.id) if state == AlertState.CLEARED.value and d]
        return detail_text(details[-1]) if details else None

    def alert_at(self, row: int) -> Alert | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
