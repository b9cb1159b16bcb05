"""The console side of the Alerts tab tests: link, registry, pipeline and the site's alerts
(build_alerts) on the real Mosquitto of tests/conftest.py, with a clock the test moves."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from console.core.alerts.service import build_alerts
from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.mqtt.link import MqttLink
from tests.conftest import wait_for
from tests.core.alerts.helpers import ManualClock

RULES = """\
# the site's rules: this comment stays when the form saves
[[rule]]
id = "hot"
name = "Too hot"
kind = "threshold"
capability = "temp"
above = 30.0
clear = 28.0
severity = "critical"
zones = ["line-a"]

[[rule]]
id = "very-hot"
name = "Very hot: lamp on"
kind = "threshold"
capability = "temp"
above = 40.0
severity = "warning"
[rule.action]
device = "lamp-q"
set = { power = true }
"""


@pytest.fixture
def console(broker_cfg, tmp_path):
    (tmp_path / "rules.toml").write_text(RULES, encoding="utf-8")
    link = MqttLink(broker_cfg.with_client_id("console-ui"))
    registry = FleetRegistry(broker_cfg.prefix)
    link.route(FLEET_KINDS, registry.ingest)
    pipeline = CommandPipeline(Outbox(tmp_path / "outbox.sqlite3"), link, registry.meta)
    link.route("ack", pipeline.on_ack)
    clock = ManualClock()
    alerts = build_alerts(link.cfg, link, pipeline, rules_path=tmp_path / "rules.toml",
                          db_path=tmp_path / "alerts.sqlite3", clock=clock)
    link.start()
    assert link.wait_connected(15)
    wait_for(lambda: link.stages.done, 15, what="subscribed")
    yield SimpleNamespace(link=link, registry=registry, pipeline=pipeline, alerts=alerts, alerts_error="",
                          clock=clock, rules_path=tmp_path / "rules.toml")
    alerts.stop()
    pipeline.stop()
    link.stop()
    pipeline.outbox.close()
