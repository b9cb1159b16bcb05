"""Alerts published retained on PREFIX/consoles/CLIENT_ID/alerts: a second console, even one that
starts later, sees them; an acknowledgement shows there too."""

from __future__ import annotations

import json

from console.core.alerts.service import build_alerts
from console.core.alerts.share import OtherAlerts, alerts_topic
from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import MqttLink
from tests.conftest import wait_for
from tests.core.alerts.helpers import Device, hot, meta


def test_a_second_console_sees_the_first_ones_alerts(broker_cfg, tmp_path, clock):
    (tmp_path / "rules.toml").write_text(hot(severity="critical"))
    cfg_a = broker_cfg.with_client_id("console-a")
    link_a = MqttLink(cfg_a)
    registry = FleetRegistry(cfg_a.prefix)
    link_a.route(FLEET_KINDS, registry.ingest)
    pipeline = CommandPipeline(Outbox(tmp_path / "outbox.sqlite3"), link_a, registry.meta)
    alerts = build_alerts(cfg_a, link_a, pipeline, rules_path=tmp_path / "rules.toml",
                          db_path=tmp_path / "alerts.sqlite3", clock=clock)
    link_b = MqttLink(broker_cfg.with_client_id("console-b"))
    seen_b = OtherAlerts(broker_cfg.prefix, "console-b")
    seen_b.attach(link_b)
    dev = Device(broker_cfg, meta("sensor-s"))
    link_c = None
    try:
        link_a.start()
        link_b.start()
        assert link_a.wait_connected(15) and link_b.wait_connected(15)
        wait_for(lambda: link_a.stages.done and alerts.engine.bound_devices() == 1, 15, what="console A ready")
        dev.state(temp=40.0)
        wait_for(lambda: alerts.engine.open_alerts(), 15, what="the alert on console A")
        alerts.engine.tick()  # the ticker publishes
        wait_for(lambda: seen_b.alerts(), 15, what="console B to see console A's alert")
        [shown] = seen_b.alerts()
        assert (shown["console"], shown["rule"], shown["device"], shown["severity"], shown["state"]) == (
            "console-a", "hot", "sensor-s", "critical", "active")
        alert = alerts.engine.open_alerts()[0]
        alerts.engine.acknowledge(alert.id, "bob")
        alerts.publisher.flush(alerts.engine, force=True)
        wait_for(lambda: seen_b.alerts()[0]["state"] == "acknowledged", 15, what="the acknowledgement on B")
        assert seen_b.alerts()[0]["acked_by"] == "bob"

        # a console that starts later gets the retained message
        link_c = MqttLink(broker_cfg.with_client_id("console-c"))
        got = []
        link_c.subscribe_extra(alerts_topic(broker_cfg.prefix, "console-a"), lambda t, p: got.append(json.loads(p)))
        link_c.start()
        wait_for(lambda: got, 15, what="the retained alerts of console A")
        assert got[-1]["open"] == 1 and got[-1]["console"] == "console-a" and got[-1]["schema"] == 1
    finally:
        dev.close()
        alerts.stop()
        pipeline.stop()
        for link in (link_a, link_b, link_c):
            if link is not None:
                link.stop()
        pipeline.outbox.close()
