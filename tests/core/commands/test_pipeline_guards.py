"""The pipeline's promises, each written so that breaking it fails here: persist before publish (a
device never sees a command the disk does not hold as SENT), cancel only before the broker has it,
the ttl checked again just before each send and by the sweep, every retry's SENT saved, and a
rejected ack never read as success.  Real Mosquitto, a real link and outbox; no device answers
unless a test plays one, and the sweeper does not run: the tests call ``replay``/``sweep`` themselves.
A command's absence is shown by a sentinel published after it on the same topic by the same client
(MQTT keeps that order): when the sentinel arrives, anything sent before it already has."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import replace

import pytest

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import CommandPipeline, PipelineConfig
from console.core.fleet.catalog import load_fleet
from console.core.mqtt.link import Backoff, MqttLink, make_client
from console.core.paths import user_data_dir
from console.core.protocol import Ack, Command, CommandState, device_topic, encode_json
from tests.conftest import wait_for

S = CommandState
LAMP = "lamp-office-1"
SENTINEL = {"sentinel": True}


class Tap:
    """A second client on ``<prefix>/+/cmd``: what it receives, with the command's state on disk at
    the moment it arrived (read through its own SQLite connection)."""

    def __init__(self, cfg, db_path):
        self.db_path = db_path
        self.got: list[tuple[str, str | None]] = []  # (command id or "sentinel", state on disk)
        self._lock = threading.Lock()
        self.client = make_client(cfg.with_client_id(f"tap-{uuid.uuid4().hex[:8]}"), clean=True)
        subscribed = threading.Event()
        self.client.on_message = self._on_message
        self.client.on_subscribe = lambda *a: subscribed.set()
        self.client.connect(cfg.host, cfg.port)
        self.client.loop_start()
        wait_for(self.client.is_connected, what="tap connected")
        self.client.subscribe(device_topic(cfg.prefix, "+", "cmd"), qos=2)
        assert subscribed.wait(5), "the tap's subscription was not acknowledged"

    def _on_message(self, client, userdata, msg):
        body = json.loads(msg.payload)
        if body == SENTINEL:
            entry = ("sentinel", None)
        else:
            with sqlite3.connect(self.db_path) as db:
                found = db.execute("SELECT state FROM commands WHERE id=?", (body["id"],)).fetchone()
            entry = (body["id"], found[0] if found else None)
        with self._lock:
            self.got.append(entry)

    def received(self) -> list[tuple[str, str | None]]:
        with self._lock:
            return list(self.got)

    def close(self):
        self.client.loop_stop()
        self.client.disconnect()


class Rig:
    """Outbox, link and pipeline of one console (the sweeper not started), plus the tap."""

    def __init__(self, cfg, pipeline_cfg: PipelineConfig):
        self.cfg = cfg
        self.path = user_data_dir() / "outbox.sqlite3"
        self.outbox = Outbox(self.path)
        self.link = MqttLink(cfg, backoff=Backoff(initial=0.1, cap=0.5))
        self.pipeline = CommandPipeline(self.outbox, self.link, load_fleet().by_id().get, pipeline_cfg)
        self.link.route("ack", self.pipeline.on_ack)
        self.tap = Tap(cfg, self.path)

    def connect(self):
        self.link.start()
        assert self.link.wait_connected(10)

    def nothing_else_published(self) -> list[tuple[str, str | None]]:
        """Publish the sentinel after whatever the pipeline sent; return what arrived before it."""
        self.link.publish(device_topic(self.cfg.prefix, LAMP, "cmd"), encode_json(SENTINEL), qos=1)
        wait_for(lambda: ("sentinel", None) in self.tap.received(), what="the sentinel")
        got = self.tap.received()
        return got[: got.index(("sentinel", None))]

    def states(self, cid):
        return [t.state for t in self.outbox.history(cid)]

    def close(self):
        self.tap.close()
        self.link.stop()
        self.outbox.close()


@pytest.fixture
def rig(broker_cfg):
    r = Rig(broker_cfg, PipelineConfig(ack_timeout_s=600, max_attempts=3))
    yield r
    r.close()


def _lock_the_file(path) -> sqlite3.Connection:
    """Another process holding the outbox's write lock: every write of ours fails (after the busy wait)."""
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_every_command_is_on_disk_as_sent_before_the_broker_hands_it_on(rig):
    rig.pipeline.submit(LAMP, {"level": 1})  # offline: QUEUED, sent by the replay below
    rig.connect()
    rig.pipeline.replay()
    ids = [rig.pipeline.submit(LAMP, {"level": lvl}).id for lvl in (2, 3, 4)]  # connected: straight out
    rig.pipeline.replay()  # (or queued behind a replay the CONNACK asked for after ours)
    wait_for(lambda: len(rig.tap.received()) == 4, what="four commands at the tap")
    seen = dict(rig.tap.received())
    assert set(ids) <= set(seen)
    assert all(state in (S.SENT.value, S.DELIVERED.value) for state in seen.values()), seen


def test_nothing_is_published_when_sent_cannot_be_saved_on_replay(rig):
    row = rig.pipeline.submit(LAMP, {"level": 9})  # offline: QUEUED
    rig.outbox._db.execute("PRAGMA busy_timeout=50")  # the locked file fails fast instead of after 5 s
    other = _lock_the_file(rig.path)
    try:
        rig.connect()
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            rig.pipeline.replay()
    finally:
        other.rollback()
        other.close()
    assert rig.nothing_else_published() == []
    assert rig.states(row.id) == [S.QUEUED]


def test_nothing_is_published_when_a_new_command_cannot_be_saved(rig):
    rig.connect()
    rig.pipeline.replay()  # nothing older waiting: the next submit goes straight out
    rig.outbox._db.execute("PRAGMA busy_timeout=50")
    other = _lock_the_file(rig.path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            rig.pipeline.submit(LAMP, {"level": 10})
    finally:
        other.rollback()
        other.close()
    assert rig.nothing_else_published() == []
    assert rig.outbox.count() == 0


def test_the_ttl_is_checked_again_just_before_sending(rig):
    old = Command.new(LAMP, {"level": 5}, ttl_s=30, now=time.time() - 60)  # queued by the last run, long ago
    fresh = Command.new(LAMP, {"level": 6}, ttl_s=30)
    rig.outbox.add(old, 1)
    rig.outbox.add(fresh, 1)
    pipeline = CommandPipeline(rig.outbox, rig.link, load_fleet().by_id().get, PipelineConfig(ack_timeout_s=600))
    rig.connect()
    pipeline.replay()  # no sweep ran: only the check before sending can stop it
    assert rig.outbox.get(old.id).state is S.EXPIRED
    assert "ttl of 30 s" in rig.outbox.get(old.id).error
    assert [cid for cid, _ in rig.nothing_else_published()] == [fresh.id]


def test_the_sweep_expires_queued_commands_past_their_ttl_only(rig):
    short = rig.pipeline.submit(LAMP, {"level": 7}, ttl_s=30)
    long = rig.pipeline.submit(LAMP, {"level": 8}, ttl_s=120)
    rig.pipeline.sweep(now=time.time() + 29)
    assert rig.outbox.get(short.id).state is S.QUEUED
    rig.pipeline.sweep(now=time.time() + 31)
    assert rig.states(short.id) == [S.QUEUED, S.EXPIRED]
    assert rig.states(long.id) == [S.QUEUED]
    assert [r.id for r in rig.pipeline.open_rows()] == [long.id]


def test_a_sent_command_cannot_be_cancelled_even_after_a_restart(rig):
    sent = rig.outbox.add_sent(Command.new(LAMP, {"level": 11}), 1)  # the last run handed it to paho
    queued = rig.outbox.add(Command.new(LAMP, {"level": 12}), 1)
    pipeline = CommandPipeline(rig.outbox, rig.link, load_fleet().by_id().get, PipelineConfig(ack_timeout_s=600))
    assert pipeline.cancel(sent.id) is None
    assert rig.states(sent.id) == [S.QUEUED, S.SENT]
    assert pipeline.cancel(queued.id).state is S.CANCELLED
    assert rig.states(queued.id) == [S.QUEUED, S.CANCELLED]


def test_a_command_cannot_be_cancelled_once_shown_as_sent(rig):
    rig.connect()
    rig.pipeline.replay()
    answers = []

    def cancel_when_sent(row):
        if row.state is S.SENT:
            answers.append(rig.pipeline.cancel(row.id))

    rig.pipeline.add_listener(cancel_when_sent)
    row = rig.pipeline.submit(LAMP, {"level": 13})
    rig.pipeline.replay()
    wait_for(lambda: rig.outbox.get(row.id).state is S.DELIVERED, what="PUBACK")
    assert answers == [None]
    assert rig.pipeline.cancel(row.id) is None
    assert S.CANCELLED not in rig.states(row.id)


def test_each_retry_is_saved_as_sent_before_it_goes_out(broker_cfg):
    rig = Rig(broker_cfg, PipelineConfig(ack_timeout_s=0.0, max_attempts=3))  # every sweep re-sends
    try:
        rig.connect()
        rig.pipeline.replay()
        row = rig.pipeline.submit(LAMP, {"level": 14})
        rig.pipeline.replay()
        wait_for(lambda: rig.outbox.get(row.id).state is S.DELIVERED, what="PUBACK of attempt 1")
        rig.pipeline.sweep()
        wait_for(lambda: len(rig.tap.received()) == 2, what="attempt 2 at the tap")
        with _Reader(rig.path) as disk:
            assert disk.get(row.id).attempts == 2
            assert [t.state for t in disk.history(row.id)].count(S.SENT) == 2
        assert [state for _, state in rig.tap.received()] in (
            [S.SENT.value, S.SENT.value], [S.SENT.value, S.DELIVERED.value],
            [S.DELIVERED.value, S.SENT.value], [S.DELIVERED.value, S.DELIVERED.value])
    finally:
        rig.close()


class _Reader:
    """A second Outbox on the same file: what is on disk, not what the pipeline holds."""

    def __init__(self, path):
        self.outbox = Outbox(path)

    def __enter__(self):
        return self.outbox

    def __exit__(self, *exc):
        self.outbox.close()


def test_a_rejected_ack_over_mqtt_ends_rejected_never_succeeded(rig):
    rig.connect()
    rig.pipeline.replay()
    row = rig.pipeline.submit(LAMP, {"level": 15})
    rig.pipeline.replay()
    wait_for(lambda: rig.outbox.get(row.id).state is S.DELIVERED, what="PUBACK")
    device = make_client(rig.cfg.with_client_id(f"dev-{uuid.uuid4().hex[:8]}"), clean=True)
    device.connect(rig.cfg.host, rig.cfg.port)
    device.loop_start()
    try:
        ack = Ack(row.id, "rejected", time.time(), error="interlock open")
        device.publish(device_topic(rig.cfg.prefix, LAMP, "ack"), encode_json(ack.to_json()), qos=1)
        wait_for(lambda: rig.outbox.get(row.id).state.terminal, what="a terminal state")
    finally:
        device.loop_stop()
        device.disconnect()
    final = rig.outbox.get(row.id)
    assert final.state is S.REJECTED and final.error == "interlock open"
    assert S.SUCCEEDED not in rig.states(row.id)
    assert rig.pipeline.open_rows() == []
    # a later "done" for the same id changes nothing: terminal states are final
    rig.pipeline.on_ack(LAMP, replace(ack, status="done", error=""))
    assert rig.outbox.get(row.id).state is S.REJECTED
