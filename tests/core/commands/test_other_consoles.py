"""Other consoles' commands (issue 15, failure 8) on a real Mosquitto: what a second console sends
shows in the first one's recorder, marked with its client id, with the device's answers; our own
commands never do; nothing is sent for them."""

from __future__ import annotations

import pytest

from console.core.commands.others import OtherCommandRow, OtherConsoles
from console.core.commands.outbox import AuditFilter
from console.core.commands.pipeline import PipelineConfig
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.paths import user_data_dir
from console.core.protocol import CommandState
from tests.conftest import wait_for
from tests.core.commands.test_pipeline import Console

S = CommandState
LAMP = "lamp-office-1"


@pytest.fixture
def pair(broker_cfg):
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=5)
    sim.start(wait=10)
    first = Console(broker_cfg.with_client_id("console-first"), PipelineConfig(ack_timeout_s=5))
    second = Console(broker_cfg.with_client_id("console-second"), PipelineConfig(ack_timeout_s=5),
                     outbox_path=user_data_dir() / "second.sqlite3")
    first.others = OtherConsoles(broker_cfg.prefix, first.pipeline.get)
    first.others.attach(first.link)
    try:
        yield first.start(wait_devices=(LAMP,)), second.start(wait_devices=(LAMP,)), sim
    finally:
        first.stop()
        second.stop()
        sim.stop()


def test_a_second_consoles_command_and_its_acks_show_in_the_first_marked_with_its_id(pair):
    first, second, sim = pair
    seen = []
    first.others.add_listener(seen.append)
    theirs = second.pipeline.submit(LAMP, {"level": 64})
    assert second.wait_terminal(theirs.id) is S.SUCCEEDED
    row = wait_for(lambda: (r := first.others.get(theirs.id)) and r.state is S.SUCCEEDED and r,
                   what="the other console's command, done, in the first console")
    assert isinstance(row, OtherCommandRow) and row.console == "console-second"
    assert row.command.params == {"level": 64} and row.device_id == LAMP
    assert [r.state for r in seen if r.id == theirs.id][0] is S.DELIVERED
    assert first.outbox.get(theirs.id) is None  # not ours: never in our outbox, never sent by us
    assert sim.devices[LAMP].applied_ids == [theirs.id]
    refresh = second.pipeline.submit(LAMP, action="refresh")
    assert second.wait_terminal(refresh.id) is S.SUCCEEDED
    wait_for(lambda: (r := first.others.get(refresh.id)) is not None and r.state is S.SUCCEEDED,
             what="the refresh, answered")
    assert [r.id for r in first.others.rows(AuditFilter(device="office"))] == [refresh.id, theirs.id]
    assert first.others.rows(AuditFilter(states=(S.FAILED,))) == []


def test_our_own_commands_are_not_recorded_as_another_consoles(pair):
    first, second, _sim = pair
    ours = first.pipeline.submit(LAMP, {"level": 12})
    assert first.wait_terminal(ours.id) is S.SUCCEEDED
    probe = second.pipeline.submit(LAMP, {"level": 13})  # later on the same topic: ours came back before it
    wait_for(lambda: first.others.get(probe.id) is not None, what="the second console's command")
    assert first.others.get(ours.id) is None
    assert [r.id for r in first.others.rows()] == [probe.id]
