"""The alerts view in the main window against a real Mosquitto: banner, status-bar count,
notification, filters, acknowledge, history, CSV export, the rules form saved back to the file, and
a rule's proposed command sent from the view."""

from __future__ import annotations

import csv
import json

from PySide6.QtWidgets import QLabel

from console.core.alerts.store import AlertState
from console.core.commands.outbox import AuditFilter
from console.ui.alerts.qt_alerts_panel import install_alerts
from console.ui.shell.qt_main_window import QtMainWindow
from tests.conftest import wait_for
from tests.core.alerts.helpers import Device, meta


def test_an_active_alert_shows_everywhere_and_is_acknowledged_from_the_view(qtbot, console, broker_cfg, tmp_path):
    window = QtMainWindow({"devices": QLabel("devices")})
    qtbot.addWidget(window)
    panel = install_alerts(window, console, sender=None)
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Alerts"
    window.show()
    assert not panel.banner.isVisible()
    assert panel.count.text() == "Alerts: none"
    dev = Device(broker_cfg, meta("sensor-q", zone="line-a"))
    try:
        wait_for(lambda: console.alerts.engine.bound_devices() == 1, 15, what="bound")
        dev.state(temp=35.0)
        qtbot.waitUntil(lambda: panel.banner.isVisible(), timeout=15000)
        assert "Too hot on sensor-q" in panel.banner.text.text()
        assert panel.count.text() == "Alerts: 1 active, 0 acknowledged"
        assert panel.notifier.shown == ["Alert: Too hot"]  # offscreen has no tray: the banner is the notice
        assert panel.notifier.mode in ("banner", "tray")
        view = panel.view
        qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
        [alert] = view.model.rows
        assert view.model.data(view.model.index(0, 1)) == "critical"

        # filters: nothing cleared yet, nothing in another zone
        view.state.setCurrentIndex(3)  # cleared
        assert view.model.rowCount() == 0
        view.state.setCurrentIndex(0)
        view.zone.setText("office")
        assert view.model.rowCount() == 0
        view.zone.setText("line-a")
        assert view.model.rowCount() == 1

        assert view.select_alert(alert.id)
        view.who = lambda: "carol"
        assert view.acknowledge_selected() == 1
        stored = console.alerts.store.get(alert.id)
        assert stored.state is AlertState.ACKNOWLEDGED and stored.acked_by == "carol"
        qtbot.waitUntil(lambda: not panel.banner.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: panel.count.text() == "Alerts: 0 active, 1 acknowledged", timeout=5000)

        dev.state(temp=20.0)  # back to normal: cleared, in the history
        qtbot.waitUntil(lambda: panel.count.text() == "Alerts: none", timeout=15000)
        view.state.setCurrentIndex(4)  # all (history)
        assert view.model.rowCount() == 1 and "carol" in view.model.data(view.model.index(0, 7))
        # another console's retained alerts show, read-only
        other = Device(broker_cfg, meta("sensor-o"))
        snapshot = {"schema": 1, "console": "console-z", "ts": 1.0, "open": 1,
                    "alerts": [{"id": "x1", "rule": "r", "name": "Door open", "device": "door-1",
                                "severity": "warning", "state": "active"}]}
        other.client.publish(f"{broker_cfg.prefix}/consoles/console-z/alerts", json.dumps(snapshot), qos=1,
                             retain=True).wait_for_publish(10)
        qtbot.waitUntil(lambda: "console-z" in view.others.text(), timeout=15000)
        assert "1 open alert(s)" in view.others.text() and "Door open" in view.others.toolTip()
        other.close()
        out = tmp_path / "alerts.csv"
        assert view.export_csv(str(out)) == 1
        with open(out, encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert rows[0]["rule"] == "hot" and rows[0]["state"] == "cleared" and rows[0]["acknowledged_by"] == "carol"
    finally:
        dev.close()
        panel.shutdown()


def test_the_rules_form_saves_back_to_the_file_and_refuses_bad_input(qtbot, console):
    window = QtMainWindow({"devices": QLabel("devices")})
    qtbot.addWidget(window)
    panel = install_alerts(window, console)
    editor = panel.rules
    try:
        assert editor.table.rowCount() == 2
        assert editor.select_rule("hot")
        assert editor.f["id"].text() == "hot" and editor.f["above"].text() == "30"
        editor.f["above"].setText("thirty")
        assert not editor.save()
        assert "above must be a number" in editor.form_error.text()
        assert "thirty" not in console.rules_path.read_text()
        editor.f["above"].setText("33")
        editor.f["for_s"].setText("45")
        assert editor.save()
        text = console.rules_path.read_text(encoding="utf-8")
        assert "above = 33.0" in text and "for_s = 45.0" in text
        assert "# the site's rules: this comment stays" in text
        assert console.alerts.rules.get("hot").above == 33.0  # the engine runs it at once
        editor.new_rule()
        editor.f["id"].setText("pump-down")
        editor.f["kind"].setCurrentIndex(1)  # offline
        editor.f["after_s"].setText("20")
        editor.f["devices"].setText("pump-*")
        assert editor.save()
        assert console.alerts.rules.get("pump-down").devices == ("pump-*",)
        assert editor.table.rowCount() == 3
        # an edit outside the console with a mistake: Reload shows where and why; the good rules still run
        with open(console.rules_path, "a", encoding="utf-8") as f:
            f.write('\n[[rule]]\nid = "broken"\nkind = "stale"\n')
        broken_line = console.rules_path.read_text(encoding="utf-8").splitlines().index('id = "broken"')
        editor.reload_button.click()
        assert f"line {broken_line}, rule broken: stale rules need after_s" in editor.problems.text()
        assert editor.table.rowCount() == 3 and console.alerts.rules.get("hot") is not None
    finally:
        panel.shutdown()


def test_a_proposed_command_waits_in_the_view_and_goes_when_sent(qtbot, console, broker_cfg):
    window = QtMainWindow({"devices": QLabel("devices")})
    qtbot.addWidget(window)
    panel = install_alerts(window, console)
    window.show()
    sensor = Device(broker_cfg, meta("sensor-r", zone="line-b"))
    lamp = Device(broker_cfg, meta("lamp-q", zone="office"))
    try:
        wait_for(lambda: console.registry.meta("lamp-q") and console.alerts.engine.bound_devices() == 2, 15,
                 what="ready")
        sensor.state(temp=45.0)
        wait_for(lambda: any(a.rule_id == "very-hot" for a in console.alerts.engine.open_alerts()), 15,
                 what="very-hot raised")
        console.alerts.engine.tick()  # the ticker runs actions
        window.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(lambda: panel.view.proposals.count() == 1 and panel.view.send_button.isVisible(),
                        timeout=5000)
        assert "lamp-q" in panel.view.proposals.item(0).text()
        assert console.pipeline.outbox.audit(AuditFilter(device="lamp-q")) == []  # nothing sent yet
        assert panel.view.send_selected_proposal()
        [row] = console.pipeline.outbox.audit(AuditFilter(device="lamp-q"))
        assert row.command.origin == "rule:very-hot"
        assert panel.view.proposals.count() == 0 and not panel.view.send_button.isVisible()
    finally:
        sensor.close()
        lamp.close()
        panel.shutdown()
