"""The alerts view: filters (state, severity, device, zone), the table, Acknowledge / Clear / Export
CSV, and the commands rules propose that wait for the operator (Send… / Dismiss).

Acknowledging and clearing go to the engine with the operator's name (``who()``, the login name by
default); "Send…" goes through ``send(device_id, params, origin)`` (the console's one command
sender, which asks the operator whenever the pipeline says so) and is recorded on the proposal;
without a sender the proposal is approved with the pipeline's question as the operator's yes.
GUI thread only.
"""

from __future__ import annotations

import getpass
import logging
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.alerts.store import AlertFilter, AlertState, AlertStoreError
from console.ui.alerts.qt_alerts_model import QtAlertsModel

log = logging.getLogger(__name__)
SendFn = Callable[[str, dict, str], object]  # (device_id, params, origin) -> CommandRow or None


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a service account): say "operator"
        return "operator"


class QtAlertsView(QWidget):
    def __init__(self, source, parent: QWidget | None = None, *, send: SendFn | None = None,
                 who: Callable[[], str] = login_name) -> None:
        super().__init__(parent)
        self.source = source
        self.engine = source.engine
        self.store = source.alerts.store
        self.send = send
        self.who = who
        self.model = QtAlertsModel(self.store, self)

        self.state = QComboBox()
        self.state.setObjectName("alertStateFilter")
        for text, states in ((self.tr("open (active or acknowledged)"), (AlertState.ACTIVE, AlertState.ACKNOWLEDGED)),
                             (self.tr("active"), (AlertState.ACTIVE,)),
                             (self.tr("acknowledged"), (AlertState.ACKNOWLEDGED,)),
                             (self.tr("cleared"), (AlertState.CLEARED,)),
                             (self.tr("all (history)"), ())):
            self.state.addItem(text, states)
        self.severity = QComboBox()
        self.severity.setObjectName("alertSeverityFilter")
        self.severity.addItem(self.tr("any severity"), ())
        self.severity.addItem(self.tr("critical"), ("critical",))
        self.severity.addItem(self.tr("warning or worse"), ("warning", "critical"))
        self.severity.addItem(self.tr("info"), ("info",))
        self.device = QLineEdit()
        self.device.setObjectName("alertDeviceFilter")
        self.device.setPlaceholderText(self.tr("device contains…"))
        self.zone = QLineEdit()
        self.zone.setObjectName("alertZoneFilter")
        self.zone.setPlaceholderText(self.tr("zone"))
        filters = QHBoxLayout()
        for w in (QLabel(self.tr("Show")), self.state, self.severity, self.device, self.zone):
            filters.addWidget(w)

        self.table = QTableView()
        self.table.setObjectName("alertsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setObjectName("acknowledgeButton")
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setObjectName("clearAlertButton")
        self.clear_button.setToolTip(self.tr("Close the alert now; its rule raises it again if the condition holds"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("exportAlertsButton")
        self.status = QLabel()
        self.status.setObjectName("alertsStatus")
        self.others = QLabel()
        self.others.setObjectName("otherConsolesAlerts")
        buttons = QHBoxLayout()
        for w in (self.ack_button, self.clear_button, self.export_button):
            buttons.addWidget(w)
        buttons.addWidget(self.status, 1)

        self.proposals = QListWidget()
        self.proposals.setObjectName("alertProposals")
        self.proposals.setMaximumHeight(90)
        self.send_button = QPushButton(self.tr("Send…"))
        self.send_button.setObjectName("sendProposalButton")
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismissProposalButton")
        self.proposals_label = QLabel(self.tr("Commands proposed by rules, waiting for you"))
        prop_buttons = QVBoxLayout()
        prop_buttons.addWidget(self.send_button)
        prop_buttons.addWidget(self.dismiss_button)
        prop_row = QHBoxLayout()
        prop_row.addWidget(self.proposals, 1)
        prop_row.addLayout(prop_buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.others)
        layout.addWidget(self.proposals_label)
        layout.addLayout(prop_row)

        self.state.currentIndexChanged.connect(lambda _: self.refresh())
        self.severity.currentIndexChanged.connect(lambda _: self.refresh())
        self.device.textChanged.connect(lambda _: self.refresh())
        self.zone.textChanged.connect(lambda _: self.refresh())
        self.ack_button.clicked.connect(self.acknowledge_selected)
        self.clear_button.clicked.connect(self.clear_selected)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.send_button.clicked.connect(self.send_selected_proposal)
        self.dismiss_button.clicked.connect(self.dismiss_selected_proposal)
        source.changed.connect(self.refresh)
        source.proposals.connect(self.refresh_proposals)
        self.refresh()
        self.refresh_proposals()

    # -- filters and rows -------------------------------------------------------------------------
    def current_filter(self) -> AlertFilter:
        return AlertFilter(states=tuple(self.state.currentData() or ()), severities=tuple(self.severity.currentData() or ()),
                           device=self.device.text().strip(), zone=self.zone.text().strip(), limit=2000)

    def refresh(self) -> None:
        selected = {a.id for a in self.selected_alerts()}
        self.model.refresh(self.current_filter())
        if len(self.model.rows) <= 200:  # beyond that, sizing every row would cost a frame
            self.table.resizeColumnsToContents()
        for row, alert in enumerate(self.model.rows):
            if alert.id in selected:
                self.table.selectRow(row)
        self.show_others()
        counts = self.engine.counts()
        self.status.setText(self.tr("{active} active, {acked} acknowledged; {shown} shown").format(
            active=counts["active"], acked=counts["acknowledged"], shown=len(self.model.rows)))

    def show_others(self) -> None:
        """What the other consoles on this broker have open (their retained alerts topic), read-only."""
        others = self.source.others.alerts() if self.source.others is not None else []
        if not others:
            self.others.setVisible(False)
            return
        consoles = sorted({a["console"] for a in others})
        self.others.setText(self.tr("Other consoles: {n} open alert(s) on {consoles}").format(
            n=len(others), consoles=", ".join(consoles)))
        self.others.setToolTip("\n".join(f"{a['console']}: {a.get('name', a.get('rule', ''))} "
                                         f"{a.get('device', '')} ({a.get('severity', '')}, {a.get('state', '')})"
                                         for a in others[:30]))
        self.others.setVisible(True)

    def selected_alerts(self) -> list:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}) if self.table.selectionModel() else []
        return [a for a in (self.model.alert_at(r) for r in rows) if a is not None]

    def select_alert(self, alert_id: str) -> bool:
        for row, alert in enumerate(self.model.rows):
            if alert.id == alert_id:
                self.table.selectRow(row)
                return True
        return False

    # -- the operator -----------------------------------------------------------------------------
    def acknowledge_selected(self) -> int:
        n = 0
        for alert in self.selected_alerts():
            if self.engine.acknowledge(alert.id, self.who()) is not None:
                n += 1
        self.refresh()
        return n

    def clear_selected(self) -> int:
        n = sum(1 for a in self.selected_alerts() if self.engine.clear(a.id, self.who()) is not None)
        self.refresh()
        return n

    def export_csv(self, path: str | None = None) -> int:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export alerts"), "alerts.csv", self.tr("CSV (*.csv)"))
            if not path:
                return 0
        try:
            n = self.store.export_csv(path, self.current_filter())
        except (OSError, AlertStoreError) as exc:
            self.status.setText(self.tr("Export failed: {e}. Choose a folder you can write to.").format(e=exc))
            return 0
        self.status.setText(self.tr("{n} alert(s) written to {path}").format(n=n, path=path))
        return n

    # -- proposals --------------------------------------------------------------------------------
    def refresh_proposals(self) -> None:
        actions = self.engine.actions
        self.proposals.clear()
        waiting = actions.waiting() if actions is not None else []
        for p in waiting:
            values = ", ".join(f"{k}={v}" for k, v in p.params.items())
            item = QListWidgetItem(self.tr("Rule {rule}: {device} {values} ({why})").format(
                rule=p.rule_id, device=p.device_id, values=values,
                why=self.tr("high risk") if p.question is not None and p.question.high_risk
                else self.tr("asks before acting")))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.proposals.addItem(item)
        visible = bool(waiting)
        for w in (self.proposals, self.send_button, self.dismiss_button, self.proposals_label):
            w.setVisible(visible)

    def _selected_proposal(self):
        item = self.proposals.currentItem() or (self.proposals.item(0) if self.proposals.count() else None)
        if item is None or self.engine.actions is None:
            return None
        return self.engine.actions.get(item.data(Qt.ItemDataRole.UserRole))

    def send_selected_proposal(self) -> bool:
        p = self._selected_proposal()
        if p is None:
            return False
        if self.send is not None:
            row = self.send(p.device_id, p.params, p.origin)  # the sender asks the operator where needed
            if row is None:
                return False
            self.engine.actions.mark_sent(p.id, row.id)
        else:
            self.engine.actions.approve(p.id, p.question.confirmation() if p.question is not None else True)
        self.refresh_proposals()
        return True

    def dismiss_selected_proposal(self) -> bool:
        p = self._selected_proposal()
        if p is None:
            return False
        self.engine.actions.dismiss(p.id, self.who())
        self.refresh_proposals()
        return True
