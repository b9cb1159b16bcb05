"""The command pipeline over MQTT 3.1.1: no Response Topic, no Correlation Data, no session expiry.

`make run` without root (no Mosquitto) falls back to the amqtt broker, which speaks 3.1.1 only; the
demo must still walk commands to SUCCEEDED there.  Both a real Mosquitto spoken to in 3.1.1 and a real
amqtt broker are used, with the simulated fleet on the same protocol."""

from __future__ import annotations

import dataclasses

import pytest

from console.core.demo.broker import EmbeddedBroker, amqtt_available
from console.core.fleet.catalog import load_fleet
from console.core.commands.pipeline import ConfirmationRequired, PipelineConfig
from console.core.protocol import CommandState, ProtocolError
from console.core.demo.simulator import Simulator
from tests.conftest import wait_for
from tests.core.commands.test_pipeline import Console

S = CommandState


@pytest.fixture(scope="module")
def amqtt_broker():
    if not amqtt_available():
        pytest.skip("amqtt is not installed (the [demo] extra)")
    broker = EmbeddedBroker(kind="amqtt").start(timeout=30)
    yield broker
    broker.stop()


@pytest.fixture(params=["mosquitto", "amqtt"])
def cfg311(request, broker_cfg, prefix):
    if request.param == "mosquitto":
        return dataclasses.replace(broker_cfg, protocol="3.1.1")
    broker = request.getfixturevalue("amqtt_broker")
    assert broker.protocol == "3.1.1"
    return dataclasses.replace(broker_cfg, host=broker.host, port=broker.port, protocol="3.1.1")


@pytest.fixture
def console311(cfg311):
    sim = Simulator(load_fleet(), cfg311, rate_hz=0, seed=3)
    sim.start(wait=20)
    c = Console(cfg311, PipelineConfig(ack_timeout_s=5, max_attempts=3)).start(
        wait_devices=("lamp-office-1", "conveyor-a", "hvac-office"))
    assert not c.pipeline.v5
    yield c
    c.stop()
    sim.stop()


def test_commands_reach_succeeded_over_mqtt_311(console311):
    c = console311
    row = c.pipeline.submit("lamp-office-1", {"power": True, "level": 42})
    assert c.wait_terminal(row.id) is S.SUCCEEDED
    states = [t.state for t in c.outbox.history(row.id)]
    assert states[0] is S.QUEUED and states[-1] is S.SUCCEEDED and S.ACCEPTED in states

    # high risk: refused unconfirmed, then sent at QoS 2 and acknowledged
    with pytest.raises(ConfirmationRequired):
        c.pipeline.submit("conveyor-a", {"running": False})
    row = c.pipeline.submit("conveyor-a", {"running": False}, confirmed=True)
    assert c.wait_terminal(row.id) is S.SUCCEEDED

    # the device's state follows, through the same wildcard subscriptions
    row = c.pipeline.submit("hvac-office", {"setpoint": 26})
    assert c.wait_terminal(row.id) is S.SUCCEEDED
    wait_for(lambda: c.registry.get("hvac-office").values.get("setpoint") == 26, what="setpoint 26 in state")


def test_bad_commands_fail_clearly_over_mqtt_311(console311):
    c = console311
    with pytest.raises(ProtocolError, match="out of range|maximum|<="):
        c.pipeline.submit("hvac-office", {"setpoint": 99})
    with pytest.raises(ProtocolError):
        c.pipeline.submit("no-such-device", {"power": True})
    assert c.outbox.count() == 0  # nothing invalid was persisted or sent
