"""Each rule kind fires and clears against a real Mosquitto; time is driven by a ManualClock."""

from __future__ import annotations

import json
import time

import pytest

from console.core.alerts.engine import CLOCK_RULE, AlertEngine
from console.core.alerts.rules import parse_rules
from console.core.alerts.store import AlertState, AlertStore
from tests.conftest import wait_for
from tests.core.alerts.helpers import evaluated, meta, rule

THRESHOLD = rule("hot", "Too hot", "threshold", capability="temp", above=30.0, clear=28.0, for_s=120,
                 severity="warning", zones=["line-a"])


def test_threshold_needs_its_duration_and_clears_only_past_the_hysteresis(rig, clock):
    side = rig.console(THRESHOLD)
    dev = rig.device(meta("sensor-1"))
    other_zone = rig.device(meta("sensor-9", zone="office"))
    wait_for(lambda: side.engine.bound_devices() == 1, 15, what="sensor-1 bound to the rule")
    n = side.engine.values_seen
    dev.state(temp=31.0)
    evaluated(side.engine, n)
    side.engine.tick()
    assert side.active() == []  # above, but not for 120 s yet
    clock.advance(60)
    side.engine.tick()
    assert side.active() == []
    n = side.engine.values_seen
    dev.state(temp=29.5)  # back under 30 (inside the band): the 120 s start again
    evaluated(side.engine, n)
    clock.advance(70)
    side.engine.tick()
    assert side.active() == []
    n = side.engine.values_seen
    dev.state(temp=31.5)
    evaluated(side.engine, n)
    clock.advance(119)
    side.engine.tick()
    assert side.active() == []
    clock.advance(1)
    side.engine.tick()
    [alert] = side.active("hot")
    assert (alert.device_id, alert.zone, alert.severity, alert.state) == ("sensor-1", "line-a", "warning",
                                                                          AlertState.ACTIVE)
    assert alert.value == 31.5 and alert.raised_at == clock()
    n = side.engine.values_seen
    dev.state(temp=29.0)  # under 30 but above the clear level: it stays
    evaluated(side.engine, n)
    assert side.active("hot")[0].id == alert.id
    n = side.engine.values_seen
    dev.state(temp=27.9)
    evaluated(side.engine, n)
    assert side.active() == []
    cleared = side.store.get(alert.id)
    assert cleared.state is AlertState.CLEARED and cleared.cleared_by == "rule"
    assert cleared.cleared_at == clock()
    other_zone.state(temp=45.0)  # another zone: no rule watches it
    clock.advance(500)
    side.engine.tick()
    assert side.active() == []


def test_threshold_without_duration_fires_on_the_message_and_below_rules_mirror(rig):
    side = rig.console(rule("cold", "Too cold", "threshold", capability="temp", below=5, clear=7,
                            severity="critical", devices=["fridge-*"]), via_registry=False)
    dev = rig.device(meta("fridge-2", zone="kitchen"))
    wait_for(lambda: side.engine.bound_devices() == 1, 15, what="fridge-2 bound")
    dev.state(temp=4.0)
    wait_for(lambda: side.active("cold"), 15, what="the cold alert, raised on the message itself")
    n = side.engine.values_seen
    dev.state(temp=6.0)
    evaluated(side.engine, n)
    assert side.active("cold")
    dev.state(temp=7.0)
    wait_for(lambda: not side.active("cold"), 15, what="the alert cleared at the clear level")


def test_offline_fires_after_its_time_from_the_last_will_and_clears_when_back(rig, clock):
    side = rig.console(rule("pump-offline", "Pump offline", "offline", after_s=15, severity="critical",
                            devices=["pump-1"]))
    dev = rig.device(meta("pump-1"))
    wait_for(lambda: side.engine.bound_devices() == 1, 15, what="pump-1 bound")
    wait_for(lambda: side.registry.get("pump-1") and side.registry.get("pump-1").online, 15, what="online")
    dev.kill()  # no DISCONNECT: the broker publishes its Last Will
    wait_for(lambda: side.registry.get("pump-1").online is False, 30, what="the Last Will's offline")
    clock.advance(14)
    side.engine.tick()
    assert side.active() == []
    clock.advance(1)
    side.engine.tick()
    [alert] = side.active("pump-offline")
    assert alert.severity == "critical" and alert.value == pytest.approx(15.0)
    rig.device(meta("pump-1"))  # the device reconnects: online
    wait_for(lambda: not side.active(), 15, what="the offline alert cleared by online")
    assert side.store.get(alert.id).cleared_by == "device"


def test_stale_fires_for_a_silent_device_and_clears_when_it_speaks(rig, clock):
    side = rig.console(rule("silent", "Silent", "stale", after_s=60))
    dev = rig.device(meta("sensor-2"))
    wait_for(lambda: side.engine.bound_devices() == 1, 15, what="bound")
    n = side.registry.counters()["applied"]
    dev.state(temp=20.0)
    wait_for(lambda: side.registry.counters()["applied"] > n, 15, what="the state")
    clock.advance(59)
    side.engine.tick()
    assert side.active() == []
    clock.advance(2)
    side.engine.tick()
    [alert] = side.active("silent")
    assert alert.device_id == "sensor-2"
    dev.state(temp=20.5)
    wait_for(lambda: not side.active(), 15, what="the stale alert cleared by a message")


def test_link_state_alone_raises_one_alert_and_nothing_per_device(tmp_path, clock):
    """The engine's own view of an outage, without a broker: link down → one alert after its time."""
    engine = AlertEngine(AlertStore(tmp_path / "a.sqlite3"), parse_rules("[settings]\nbroker_down_after_s = 10\n"),
                         clock=clock)
    engine.on_link_state("connected", {})
    engine.on_link_state("waiting to retry", {})
    clock.advance(9)
    engine.tick()
    assert engine.open_alerts() == []
    clock.advance(1)
    engine.tick()
    engine.tick()
    [alert] = engine.open_alerts()
    assert alert.rule_id == "broker-link" and alert.severity == "critical"
    engine.on_link_state("connected", {})
    assert engine.open_alerts() == []
    engine.store.close()


def test_a_device_clock_ten_minutes_ahead_is_one_warning_alert_cleared_when_set_right(rig):
    """The registry's ClockAlert (issue 15) reaches the alerts as the built-in clock-offset rule, on a real broker."""
    side = rig.console("")
    dev = rig.device(meta("sensor-c", zone="office"))
    wait_for(lambda: "sensor-c" in side.engine._metas, 15, what="the device's meta")

    def state_at(offset_s: float) -> None:
        dev.seq += 1
        dev.publish("state", json.dumps({"seq": dev.seq, "ts": time.time() + offset_s, "values": {"temp": 20.0}}),
                    retain=True)

    for _ in range(3):
        state_at(600.0)  # ten minutes ahead
    wait_for(lambda: side.active(CLOCK_RULE), 15, what="the clock alert")
    [alert] = side.active(CLOCK_RULE)
    assert (alert.device_id, alert.zone, alert.severity) == ("sensor-c", "office", "warning")
    assert 590 < alert.value < 610 and "+600 s off the console's" in alert.message
    for _ in range(3):
        state_at(600.0)
    assert len(side.active(CLOCK_RULE)) == 1  # still over: no second alert
    side.engine.set_rules(side.engine.rules)  # a rules reload keeps a built-in alert
    assert len(side.active(CLOCK_RULE)) == 1
    for _ in range(12):  # the clock is set right: the old samples age out and the alert clears
        state_at(0.0)
    wait_for(lambda: not side.active(CLOCK_RULE), 15, what="the clock alert cleared")
