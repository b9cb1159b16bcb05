"""A broker outage is one alert (not one per device), and no alert is lost across a restart."""

from __future__ import annotations

from console.core.alerts.store import AlertState
from console.core.demo.broker import EmbeddedBroker
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import Backoff, BrokerConfig
from tests.conftest import wait_for
from tests.core.alerts.helpers import evaluated, hot, meta, rule

DEVICE_RULES = ("[settings]\nbroker_down_after_s = 10\n" + rule("offline", "Device offline", "offline", after_s=5)
                + rule("silent", "Device silent", "stale", after_s=5))


def test_a_broker_outage_is_one_alert_and_devices_are_not_blamed(rig, clock, prefix):
    broker = EmbeddedBroker(kind="mosquitto").start()  # its own: this test kills it
    rig.on_close(broker.stop)
    cfg = BrokerConfig(host=broker.host, port=broker.port, prefix=prefix)
    fleet = load_fleet().cloned(60)
    sim = Simulator(fleet, cfg, rate_hz=0, per_device_limit=0, devices_per_gateway=30, seed=1)  # two gateways
    rig.on_close(lambda: sim.stop(graceful=False))
    sim.start(wait=15)
    side = rig.console(DEVICE_RULES, cfg=cfg)
    side.link.backoff = Backoff(initial=0.2, cap=1.0)
    wait_for(lambda: side.engine.bound_devices() == 60, 30, what="60 devices bound")
    wait_for(lambda: len(side.registry.online_ids()) == 60, 30, what="60 devices online")
    broker.kill()
    wait_for(lambda: not side.engine._link_up, 15, what="the engine to see the link down")
    for _ in range(6):  # a minute of outage, ticked every 10 s
        clock.advance(10)
        side.engine.tick()
    alerts = side.engine.open_alerts()
    assert [a.rule_id for a in alerts] == ["broker-link"], alerts
    assert alerts[0].severity == "critical"
    broker.restart()
    wait_for(lambda: side.engine._link_up, 30, what="the link back")
    wait_for(lambda: side.engine.open_alerts() == [], 15, what="the broker alert cleared")
    wait_for(lambda: len(side.registry.online_ids()) == 60, 30, what="the fleet online again")
    clock.advance(3)  # less than the rules' 5 s since the link came back: nobody is stale
    side.engine.tick()
    assert side.engine.open_alerts() == []
    assert side.store.count() == 1  # the history: one alert for the whole outage


def test_open_alerts_and_history_survive_a_restart(rig, clock):
    first = rig.console(hot(clear=28.0))
    a = rig.device(meta("sensor-a"))
    b = rig.device(meta("sensor-b"))
    wait_for(lambda: first.engine.bound_devices() == 2, 15, what="bound")
    a.state(temp=35.0)
    b.state(temp=36.0)
    wait_for(lambda: len(first.active("hot")) == 2, 15, what="two alerts")
    alert_a = next(x for x in first.active() if x.device_id == "sensor-a")
    acked = first.engine.acknowledge(alert_a.id, "alice")
    assert acked.state is AlertState.ACKNOWLEDGED and acked.acked_by == "alice" and acked.acked_at == clock()
    first.stop()  # the console goes away (its database closed as at any stop)

    second = rig.console(hot(clear=28.0))  # the same database
    restored = {x.device_id: x for x in second.engine.open_alerts()}
    assert set(restored) == {"sensor-a", "sensor-b"}
    assert restored["sensor-a"].id == alert_a.id and restored["sensor-a"].acked_by == "alice"
    assert restored["sensor-a"].state is AlertState.ACKNOWLEDGED
    assert restored["sensor-b"].state is AlertState.ACTIVE
    wait_for(lambda: second.engine.bound_devices() == 2, 15, what="bound again")
    n = second.engine.values_seen
    a.state(temp=36.0)  # still hot: the same alert, not a second one
    evaluated(second.engine, n)
    assert len(second.active("hot")) == 2 and second.store.count() == 2
    b.state(temp=20.0)
    wait_for(lambda: len(second.active("hot")) == 1, 15, what="sensor-b's alert cleared")
    events = [e[0] for e in second.store.events(alert_a.id)]
    assert events == ["active", "acknowledged"]
