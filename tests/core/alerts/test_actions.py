"""A rule's command goes through the one submit path: low risk at once only with "act without asking",
high risk never without the operator's yes, and the audit log names the rule."""

from __future__ import annotations

from console.core.commands.outbox import AuditFilter
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.protocol import CommandState
from tests.conftest import wait_for
from tests.core.alerts.helpers import meta, rule

RULES = (rule("hot-auto", "Hot: fan on", "threshold", capability="temp", above=30, devices=["sensor-x"],
              action={"device": "fan-line-a", "set": {"power": True}, "act_without_asking": True})
         + rule("hot-ask", "Very hot: light on", "threshold", capability="temp", above=40, devices=["sensor-x"],
                action={"device": "lamp-office-1", "set": {"power": True}})
         + rule("overload", "Overload: stop the conveyor", "threshold", capability="load", above=95,
                devices=["sensor-x"], action={"device": "conveyor-a", "set": {"running": False},
                                              "act_without_asking": True}))
CAPS = {"temp": {"type": "float"}, "load": {"type": "float"}}


def commands_to(side, device_id: str) -> list:
    return side.pipeline.outbox.audit(AuditFilter(device=device_id))


def fleet_and_sensor(rig, seed: int):
    """The demo fleet simulated (the rules' targets), a console with a real pipeline, and sensor-x."""
    sim = Simulator(load_fleet(), rig.broker_cfg, rate_hz=0, seed=seed)
    rig.on_close(sim.stop)
    sim.start(wait=15)
    return sim, rig.console(RULES, pipeline={}), rig.device(meta("sensor-x", caps=CAPS))


def test_rule_actions_go_through_submit_with_the_rule_as_origin(rig):
    sim, side, sensor = fleet_and_sensor(rig, seed=5)
    proposals = []
    side.engine.actions.proposed.connect(proposals.append)
    wait_for(lambda: side.registry.meta("conveyor-a") and side.registry.meta("fan-line-a")
             and side.registry.meta("lamp-office-1") and side.engine.bound_devices() == 1, 20,
             what="the fleet's metas and the sensor bound")
    # low risk, act without asking: sent at once, and it succeeds on the device
    sensor.state(temp=35.0, load=10.0)
    wait_for(lambda: side.active("hot-auto"), 15, what="hot-auto raised")
    side.engine.tick()  # actions run on the ticker
    [row] = wait_for(lambda: commands_to(side, "fan-line-a"), 10, what="the fan command in the outbox")
    assert row.command.origin == "rule:hot-auto" and row.command.params == {"power": True}
    wait_for(lambda: side.pipeline.get(row.id).state is CommandState.SUCCEEDED, 15, what="the fan command done")
    assert sim.devices["fan-line-a"].values["power"] is True
    assert "sent" in side.store.get(side.active("hot-auto")[0].id).action

    # low risk without "act without asking": nothing is sent until the operator says yes
    sensor.state(temp=45.0, load=10.0)
    wait_for(lambda: side.active("hot-ask"), 15, what="hot-ask raised")
    side.engine.tick()
    [ask] = [p for p in side.engine.actions.waiting() if p.rule_id == "hot-ask"]
    assert ask.question is not None and not ask.question.high_risk
    assert commands_to(side, "lamp-office-1") == []
    sent = side.engine.actions.approve(ask.id, ask.question.confirmation())
    assert sent.state == "sent"
    [lamp] = commands_to(side, "lamp-office-1")
    assert lamp.command.origin == "rule:hot-ask" and lamp.id == sent.command_id

    # high risk: even with "act without asking" the pipeline asks, and nothing goes before the yes
    sensor.state(temp=45.0, load=99.0)
    wait_for(lambda: side.active("overload"), 15, what="overload raised")
    side.engine.tick()
    [stop] = [p for p in side.engine.actions.waiting() if p.rule_id == "overload"]
    assert stop.question.high_risk and stop.device_id == "conveyor-a"
    assert commands_to(side, "conveyor-a") == []
    dismissed = side.engine.actions.dismiss(stop.id, "alice")
    assert dismissed.state == "dismissed" and commands_to(side, "conveyor-a") == []
    assert {p.rule_id for p in proposals} == {"hot-auto", "hot-ask", "overload"}


def test_a_high_risk_proposal_goes_once_confirmed(rig):
    sim, side, sensor = fleet_and_sensor(rig, seed=6)
    wait_for(lambda: side.registry.meta("conveyor-a") and side.engine.bound_devices() == 1, 20, what="ready")
    sensor.state(temp=20.0, load=99.0)
    wait_for(lambda: side.active("overload"), 15, what="overload raised")
    side.engine.tick()
    [stop] = side.engine.actions.waiting()
    sent = side.engine.actions.approve(stop.id, stop.question.confirmation())
    [row] = commands_to(side, "conveyor-a")
    assert sent.state == "sent" and row.command.origin == "rule:overload" and row.qos == 2
    wait_for(lambda: side.pipeline.get(row.id).state is CommandState.SUCCEEDED, 15, what="the stop done")
    assert sim.devices["conveyor-a"].values["running"] is False


def test_command_failures_fire_per_device_and_clear_on_success(rig):
    side = rig.console(rule("failing", "Commands failing", "command_failures", count=2, within_s=600),
                       pipeline={"ack_timeout_s": 0.3, "max_attempts": 1, "sweep_interval_s": 0.05})
    dev = rig.device(meta("lamp-z"), ack=None)  # never answers: its commands time out
    wait_for(lambda: side.registry.meta("lamp-z") and side.engine.bound_devices() == 1, 15, what="bound")
    first = side.pipeline.submit("lamp-z", {"power": True})
    wait_for(lambda: side.pipeline.get(first.id).state is CommandState.TIMEOUT, 15, what="a timeout")
    side.engine.tick()
    assert side.active() == []  # one failure; the rule wants two
    second = side.pipeline.submit("lamp-z", {"power": False})
    wait_for(lambda: side.pipeline.get(second.id).state is CommandState.TIMEOUT, 15, what="a second timeout")
    [alert] = wait_for(lambda: side.active("failing"), 10, what="the failures alert")
    assert alert.device_id == "lamp-z" and alert.value == 2.0 and "timeout" in alert.message
    dev.ack = "done"
    ok = side.pipeline.submit("lamp-z", {"power": True})
    wait_for(lambda: side.pipeline.get(ok.id).state is CommandState.SUCCEEDED, 15, what="a success")
    wait_for(lambda: not side.active(), 10, what="the alert cleared by the success")
