"""The command pipeline against real Mosquitto and the simulated fleet: lifecycle, validation,
confirmation, timeouts, ttl, cancel, audit and CSV export."""

from __future__ import annotations

import csv
import time

import pytest

from console.core.fleet.catalog import load_fleet
from console.core.commands.pipeline import CommandPipeline, ConfirmationRequired, PipelineConfig
from console.core.mqtt.link import Backoff, MqttLink
from console.core.commands.outbox import AuditFilter, Outbox
from console.core.paths import user_data_dir
from console.core.protocol import Ack, CommandState, ProtocolError
from console.core.fleet.registry import FLEET_KINDS, FleetRegistry
from console.core.demo.simulator import Simulator
from tests.conftest import wait_for

S = CommandState


class Console:
    """The core of a console (registry, link, outbox, pipeline) on a real broker, without Qt."""

    def __init__(self, cfg, pipeline_cfg=None, outbox_path=None, meta_lookup=None):
        self.registry = FleetRegistry(cfg.prefix)
        self.link = MqttLink(cfg, backoff=Backoff(initial=0.1, cap=0.5))
        self.outbox = Outbox(outbox_path or user_data_dir() / "outbox.sqlite3")
        self.pipeline = CommandPipeline(self.outbox, self.link, meta_lookup or self.registry.meta, pipeline_cfg)
        self.link.route(FLEET_KINDS, self.registry.ingest)
        self.link.route("ack", self.pipeline.on_ack)
        self.link.traffic.connect(self.registry.count)
        self.seen = []
        self.pipeline.add_listener(self._listen)

    def _listen(self, row):
        # shown only once persisted: the database already holds this transition when we are told
        self.seen.append((row.id, row.state, [t.state for t in self.outbox.history(row.id)]))

    def start(self, wait_devices=()):
        self.pipeline.start()
        self.link.start()
        assert self.link.wait_connected(10)
        for dev in wait_devices:
            wait_for(lambda: self.registry.meta(dev) is not None, what=f"meta of {dev}")
        return self

    def stop(self):
        self.pipeline.stop()
        self.link.stop()
        self.outbox.close()

    def state(self, cid):
        return self.outbox.get(cid).state

    def wait_terminal(self, cid, timeout=10):
        return wait_for(lambda: self.state(cid).terminal and self.state(cid), timeout=timeout,
                        what=f"command {cid} terminal")


@pytest.fixture
def sim(broker_cfg):
    s = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=2)
    s.start(wait=10)
    yield s
    s.stop()


@pytest.fixture
def console(broker_cfg, sim):
    c = Console(broker_cfg, PipelineConfig(ack_timeout_s=3, max_attempts=3)).start(
        wait_devices=("lamp-office-1", "conveyor-a", "hvac-office"))
    yield c
    c.stop()


def test_set_command_walks_the_whole_lifecycle_and_is_persisted_before_shown(console, sim):
    assert console.outbox.journal_mode == "wal"
    row = console.pipeline.submit("lamp-office-1", {"power": True, "level": 42})
    assert row.state is S.QUEUED and row.qos == 1
    assert console.wait_terminal(row.id) is S.SUCCEEDED
    assert sim.devices["lamp-office-1"].values["level"] == 42
    states = [t.state for t in console.outbox.history(row.id)]
    assert states == [S.QUEUED, S.SENT, S.DELIVERED, S.ACCEPTED, S.SUCCEEDED]
    mine = [(shown, stored) for cid, shown, stored in console.seen if cid == row.id]
    assert [shown for shown, _ in mine] == states
    assert all(shown in stored for shown, stored in mine)
    # the device's state message carrying the change reaches the fleet view too
    wait_for(lambda: console.registry.get("lamp-office-1").values.get("level") == 42, what="state level 42")


def test_invalid_commands_are_refused_before_anything_is_stored(console):
    for dev, params, needle in [
        ("lamp-office-1", {"level": 101}, "above the maximum"),
        ("hvac-office", {"temp": 20}, "read-only"),
        ("hvac-office", {"mode": "turbo"}, "must be one of"),
        ("nosuch-device", {"power": True}, "unknown device"),
    ]:
        with pytest.raises(ProtocolError, match=needle):
            console.pipeline.submit(dev, params)
    assert console.outbox.count() == 0


def test_high_risk_needs_confirmation_and_goes_qos2(console, sim):
    with pytest.raises(ConfirmationRequired):
        console.pipeline.submit("conveyor-a", {"running": True})
    assert console.outbox.count() == 0
    row = console.pipeline.submit("conveyor-a", {"running": True, "speed": 30}, confirmed=True)
    assert row.qos == 2
    assert console.wait_terminal(row.id) is S.SUCCEEDED
    details = [t.detail for t in console.outbox.history(row.id) if t.state is S.DELIVERED]
    assert details == ["PUBCOMP"]
    assert sim.devices["conveyor-a"].applied_ids == [row.id]


def test_device_answers_map_to_their_states(console):
    """rejected → REJECTED, rejected "expired…" (the device's clock) → EXPIRED, failed → FAILED."""
    for status, error, want in (("rejected", "level out of range", S.REJECTED),
                                ("rejected", "expired: command is 40.0 s old, ttl 30 s", S.EXPIRED),
                                ("failed", "motor jammed", S.FAILED)):
        console.link.stop()  # keep it QUEUED so the simulated device cannot answer first
        r = console.pipeline.submit("lamp-office-1", {"level": 11})
        console.pipeline.on_ack("lamp-office-1", Ack(r.id, status, time.time(), error=error))
        assert console.state(r.id) is want
        assert console.outbox.get(r.id).error == error
        assert [t.state for t in console.outbox.history(r.id)] == [S.QUEUED, S.DELIVERED, want]
        console.link.start()
        assert console.link.wait_connected(10)


def test_acks_for_other_consoles_or_wrong_devices_are_ignored(console):
    console.link.stop()
    r = console.pipeline.submit("lamp-office-1", {"level": 5})
    console.pipeline.on_ack("lamp-office-1", Ack("someone-elses-command", "done", time.time()))
    console.pipeline.on_ack("lamp-office-2", Ack(r.id, "done", time.time()))
    assert console.state(r.id) is S.QUEUED
    assert console.pipeline.unknown_acks == 1 and console.pipeline.mismatched_acks == 1
    console.link.start()
    assert console.wait_terminal(r.id) is S.SUCCEEDED


def test_queued_while_offline_expire_by_ttl_or_are_sent_in_order_on_reconnect(console, sim):
    console.link.stop()
    short = console.pipeline.submit("lamp-office-1", {"level": 1}, ttl_s=0.3)
    ordered = [console.pipeline.submit("lamp-office-1", {"level": lvl}) for lvl in (20, 30, 40)]
    wait_for(lambda: console.state(short.id) is S.EXPIRED, what="short ttl expired while offline")
    assert all(console.state(r.id) is S.QUEUED for r in ordered)
    console.link.start()
    for r in ordered:
        assert console.wait_terminal(r.id) is S.SUCCEEDED
    applied = sim.devices["lamp-office-1"].applied_ids
    assert [cid for cid in applied if cid in {r.id for r in ordered}] == [r.id for r in ordered]
    assert short.id not in applied
    assert sim.devices["lamp-office-1"].values["level"] == 40


def test_cancel_only_before_it_is_handed_to_the_broker(console):
    console.link.stop()
    r = console.pipeline.submit("lamp-office-1", {"level": 7})
    cancelled = console.pipeline.cancel(r.id)
    assert cancelled is not None and cancelled.state is S.CANCELLED
    console.link.start()
    assert console.link.wait_connected(10)
    done = console.pipeline.submit("lamp-office-1", {"level": 8})
    assert console.wait_terminal(done.id) is S.SUCCEEDED
    assert console.pipeline.cancel(done.id) is None
    assert console.state(r.id) is S.CANCELLED


def test_silent_device_is_retried_then_times_out(broker_cfg, sim):
    fleet = load_fleet()
    sim.stop()  # the devices are gone; their retained meta stays, so commands still validate
    c = Console(broker_cfg, PipelineConfig(ack_timeout_s=0.3, max_attempts=3),
                meta_lookup=fleet.by_id().get).start()
    try:
        r = c.pipeline.submit("lamp-office-1", {"power": True})
        assert c.wait_terminal(r.id) is S.TIMEOUT
        hist = c.outbox.history(r.id)
        assert [t.state for t in hist].count(S.SENT) == 3
        assert "after 3 attempt" in c.outbox.get(r.id).error
    finally:
        c.stop()


def test_audit_filters_and_csv_export(console, tmp_path):
    a = console.pipeline.submit("lamp-office-1", {"level": 3})
    b = console.pipeline.submit("hvac-office", {"setpoint": 21.5}, origin="assistant")
    for r in (a, b):
        console.wait_terminal(r.id)
    console.link.stop()
    q = console.pipeline.submit("lamp-office-1", {"level": 4})
    ob = console.outbox
    assert [r.id for r in ob.audit(AuditFilter(device="hvac"))] == [b.id]
    assert [r.id for r in ob.audit(AuditFilter(origin="assistant"))] == [b.id]
    assert [r.id for r in ob.audit(AuditFilter(states=(S.QUEUED,)))] == [q.id]
    assert [r.id for r in ob.audit(AuditFilter(device="lamp"))] == [q.id, a.id]  # newest first
    assert ob.audit(AuditFilter(since=time.time() + 60)) == []
    assert {r.id for r in ob.audit(AuditFilter(until=time.time() + 1))} == {a.id, b.id, q.id}
    assert ob.audit(AuditFilter(device="%")) == []  # LIKE wildcards are literal
    out = tmp_path / "audit.csv"
    assert ob.export_csv(out, ob.audit()) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_id = {r["id"]: r for r in rows}
    assert by_id[b.id]["state"] == "SUCCEEDED" and by_id[b.id]["origin"] == "assistant"
    assert by_id[b.id]["params"] == '{"setpoint": 21.5}'
    assert by_id[b.id]["transitions"].split(";")[0].startswith("QUEUED@")
    assert by_id[q.id]["state"] == "QUEUED"
