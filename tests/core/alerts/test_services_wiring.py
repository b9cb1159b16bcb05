"""services.build_services wires the alerts as the console runs them: the site's rules file, the
registry's state_applied, the ticker thread, the retained topic; stop() ends the thread."""

from __future__ import annotations

import threading

from console.core.alerts.rules import rules_path_for
from console.core.mqtt.link import BrokerConfig
from console.core.services import build_services
from tests.conftest import wait_for
from tests.core.alerts.helpers import Device, hot, meta


def test_build_services_runs_the_sites_rules(mosquitto, prefix, broker_cfg):
    cfg = BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix=prefix, client_id=f"console-{prefix}")
    path = rules_path_for(cfg)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hot(), encoding="utf-8")
    svc = build_services(broker_url=None, cfg=cfg)
    assert svc.alerts is not None and svc.alerts.rules_path == path and svc.alerts.rules.get("hot") is not None
    assert svc.ha is not None and svc.alerts.engine._ha is svc.ha.fleet  # offline/stale rules see discovered devices
    dev = None
    try:
        svc.start_blocking()
        assert svc.link.wait_connected(15)
        assert any(t.name == "alerts-ticker" for t in threading.enumerate())
        wait_for(lambda: svc.link.stages.done, 15, what="subscribed")
        dev = Device(broker_cfg, meta("sensor-w"))
        wait_for(lambda: svc.registry.meta("sensor-w"), 15, what="the meta")
        dev.state(temp=33.0)
        [alert] = wait_for(lambda: svc.alerts.engine.open_alerts(), 15, what="the alert, through the registry")
        assert alert.device_id == "sensor-w"
        wait_for(lambda: svc.alerts.publisher.published >= 1, 15, what="the retained alerts published by the ticker")
    finally:
        if dev is not None:
            dev.close()
        svc.stop()
    wait_for(lambda: not any(t.name == "alerts-ticker" for t in threading.enumerate()), 10, what="the ticker gone")


def test_a_new_site_gets_a_commented_starter_file(mosquitto, prefix):
    cfg = BrokerConfig(host=mosquitto.host, port=mosquitto.port, prefix=prefix)
    svc = build_services(broker_url=None, cfg=cfg)
    try:
        text = svc.alerts.rules_path.read_text(encoding="utf-8")
        assert "[[rule]]" in text and svc.alerts.rules.rules == [] and svc.alerts.rules.problems == []
    finally:
        svc.stop()
