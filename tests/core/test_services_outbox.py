"""One command outbox per broker site: commands queued for one broker are never replayed to another
(switching connection profile restarts the console on a different broker)."""

from __future__ import annotations

import dataclasses

from console.core.fleet.catalog import load_fleet
from console.core.commands.pipeline import PipelineConfig
from console.core.commands.outbox import Outbox
from console.core.paths import user_data_dir
from console.core.protocol import CommandState
from console.core.commands.migration import outbox_path_for
from console.core.services import build_services
from console.core.demo.simulator import Simulator
from tests.conftest import wait_for


def test_each_broker_site_has_its_own_outbox_file(broker_cfg):
    other_port = dataclasses.replace(broker_cfg, port=broker_cfg.port + 1)
    other_prefix = dataclasses.replace(broker_cfg, prefix=broker_cfg.prefix + "-b")
    paths = {outbox_path_for(c) for c in (broker_cfg, other_port, other_prefix)}
    assert len(paths) == 3
    assert outbox_path_for(broker_cfg) == outbox_path_for(dataclasses.replace(broker_cfg, client_id="another"))
    assert all(p.parent == user_data_dir() / "outbox" and p.suffix == ".sqlite3" for p in paths)
    # the demo's embedded broker moves port every start: one file whatever the port
    assert outbox_path_for(other_port, embedded_demo=True) == outbox_path_for(broker_cfg, embedded_demo=True)


def test_commands_open_for_one_broker_are_not_replayed_to_another(broker_cfg):
    """Two sites with the same device ids (two prefixes on one Mosquitto).  A command to site A's
    lamp is left open (the lamp went away before acking); the console then starts on site B."""
    site_a = dataclasses.replace(broker_cfg, prefix=broker_cfg.prefix + "a")
    site_b = dataclasses.replace(broker_cfg, prefix=broker_cfg.prefix + "b")
    sim_a = Simulator(load_fleet(), site_a, rate_hz=0, seed=1)
    sim_a.start(wait=10)
    svc_a = build_services(broker_url=None, cfg=site_a, pipeline=PipelineConfig(ack_timeout_s=60))
    svc_a.start_blocking()
    try:
        wait_for(lambda: svc_a.registry.meta("lamp-office-1") is not None, what="site A's lamp")
        sim_a.stop()  # the lamp goes away: the command below gets no ack
        row = svc_a.commands.submit("lamp-office-1", {"power": True, "level": 7})
        wait_for(lambda: svc_a.commands.outbox.get(row.id).state is CommandState.DELIVERED, what="DELIVERED")
    finally:
        svc_a.stop()

    sim_b = Simulator(load_fleet(), site_b, rate_hz=0, seed=2)
    sim_b.start(wait=10)
    svc_b = build_services(broker_url=None, cfg=site_b)
    svc_b.start_blocking()
    try:
        assert svc_b.link.wait_connected(10)
        wait_for(lambda: svc_b.registry.meta("lamp-office-1") is not None, what="site B's lamp")
        # with one shared outbox the open command would be replayed here, to site B's lamp
        assert svc_b.commands.outbox.path == outbox_path_for(site_b) != outbox_path_for(site_a)
        assert svc_b.commands.outbox.count() == 0 and svc_b.commands.outbox.get(row.id) is None
    finally:
        svc_b.stop()
        sim_b.stop()

    # site A's command is still open in A's outbox, for when the console connects to A again
    kept = Outbox(outbox_path_for(site_a))
    try:
        assert [r.id for r in kept.open_commands()] == [row.id]
    finally:
        kept.close()
