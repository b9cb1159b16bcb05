"""The command pipeline's rules one by one (issue 16), each pinned so that changing it fails here:
what ``submit`` stores and publishes, cancel, PUBACK/PUBCOMP bookkeeping (an early one included),
every ack status, the sweep's ttl / timeout / re-send decisions, replay order, the wire payload and
its MQTT 5 properties, other transports, and a restart picking up where the last run stopped.

The link is the pipeline's documented seam (``pipeline.Link``: "a real link or a bare one"): a bare
link that records what it is handed and lets the test play the broker's PUBACK at the exact moment a
race needs (before ``publish`` returns, for an older message with the same mid), which a real broker
cannot be made to do on demand.  The round trips over a real Mosquitto are in test_pipeline.py and
test_pipeline_guards.py.  The outbox is a real SQLite file; the sweeper thread is not started (the
tests call ``replay``/``sweep``), and ack deadlines are 0 or an hour, never a race with the clock."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from console.core.commands.confirmation import ConfirmationRequired
from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import OUTCOME_UNKNOWN, CommandPipeline, PipelineConfig
from console.core.events import Event
from console.core.protocol import Ack, CommandState, DeviceMeta, ProtocolError, decode_json

S = CommandState
P = "plant"
LAMP = DeviceMeta.from_json({"id": "lamp-1", "capabilities": {
    "level": {"type": "int", "min": 0, "max": 100, "writable": True},
    "power": {"type": "bool", "writable": True, "risk": "high"}}})
METAS = {"lamp-1": LAMP}


@dataclass
class Info:
    mid: int
    rc: int = 0


@dataclass
class Cfg:
    prefix: str = P
    protocol: str = "5"
    client_id: str = "console-a"


@dataclass
class BareLink:
    cfg: Any = field(default_factory=Cfg)
    connected: bool = False
    delivered: Event = field(default_factory=lambda: Event("delivered"))
    connection_made: Event = field(default_factory=lambda: Event("connection_made"))
    sent: list = field(default_factory=list)  # (topic, payload dict, qos, properties)
    next_mid: int = 1
    rc: int = 0
    raises: Exception | None = None
    during_publish: Any = None  # called with the mid before publish returns (an early PUBACK)

    def publish(self, topic, payload, qos=1, retain=False, properties=None):
        if self.raises is not None:
            raise self.raises
        mid, self.next_mid = self.next_mid, self.next_mid + 1
        self.sent.append((topic, decode_json(payload), qos, properties))
        if self.during_publish is not None:
            self.during_publish(mid)
        return Info(mid, self.rc)


class Rig:
    def __init__(self, tmp_path, cfg: PipelineConfig | None = None, connected=True, **link):
        self.path = tmp_path / "outbox.sqlite3"
        self.outbox = Outbox(self.path)
        self.link = BareLink(connected=connected, **link)
        self.cfg = cfg or PipelineConfig(ack_timeout_s=3600)
        self.pipeline = CommandPipeline(self.outbox, self.link, METAS.get, self.cfg)
        self.seen: list[tuple[str, S, str]] = []
        self.pipeline.add_listener(lambda r: self.seen.append((r.id, r.state, r.error)))
        if connected:
            self.pipeline.replay()  # the first connection's replay: nothing waiting

    def steps(self, cid):
        return [(t.state, t.detail) for t in self.outbox.history(cid)]

    def restart(self, **kw) -> "Rig":
        again = Rig.__new__(Rig)
        again.path, again.outbox = self.path, Outbox(self.path)
        again.link = BareLink(connected=True, next_mid=100)
        again.cfg = kw.get("cfg", self.cfg)
        again.pipeline = CommandPipeline(again.outbox, again.link, METAS.get, again.cfg)
        again.seen = []
        again.pipeline.add_listener(lambda r: again.seen.append((r.id, r.state, r.error)))
        return again


@pytest.fixture
def rig(tmp_path):
    r = Rig(tmp_path)
    yield r
    r.outbox.close()


# -- submit ---------------------------------------------------------------------------------------
def test_a_command_submitted_while_connected_is_saved_sent_then_published(rig):
    stages = []
    rig.pipeline.stage.connect(lambda *a: stages.append(a))
    q = rig.pipeline.submit("lamp-1", {"level": 40.0}, origin="assistant", ttl_s=12)
    assert (q.state, q.attempts, q.command.params, q.command.origin, q.command.ttl_s, q.qos) == (
        S.QUEUED, 0, {"level": 40}, "assistant", 12.0, 1)
    assert rig.steps(q.id) == [(S.QUEUED, ""), (S.SENT, "attempt 1")]
    assert rig.seen == [(q.id, S.QUEUED, ""), (q.id, S.SENT, "")]
    [(topic, body, qos, props)] = rig.link.sent
    assert (topic, qos) == ("plant/devices/lamp-1/cmd", 1)
    assert body["id"] == q.id and body["console"] == "console-a" and 11 < body["expires_in_s"] <= 12
    assert {k: body[k] for k in ("ts", "ttl_s", "action", "params", "origin")} == {
        "ts": q.command.ts, "ttl_s": 12.0, "action": "set", "params": {"level": 40}, "origin": "assistant"}
    assert props.ResponseTopic == "plant/devices/lamp-1/ack" and props.CorrelationData == q.id.encode()
    assert props.MessageExpiryInterval == 12 and not hasattr(props, "UserProperty")
    assert [s[1] for s in stages] == ["validated", "published"]
    assert stages[0][0] == q.id and stages[0][4] == {"origin": "assistant", "qos": 1}
    assert stages[1][4] == {"attempt": 1, "mid": 1, "rc": 0}
    assert stages[0][2] <= stages[0][3] <= stages[1][2] <= stages[1][3]
    assert rig.pipeline.get(q.id).state is S.SENT and [r.id for r in rig.pipeline.open_rows()] == [q.id]


def test_a_command_submitted_while_offline_waits_queued_and_goes_on_replay(tmp_path):
    rig = Rig(tmp_path, connected=False)
    a = rig.pipeline.submit("lamp-1", {"level": 1})
    b = rig.pipeline.submit("lamp-1", action="refresh")
    assert rig.link.sent == [] and rig.seen == [(a.id, S.QUEUED, ""), (b.id, S.QUEUED, "")]
    assert a.command.ttl_s == 30.0 and b.command.params == {}  # the default ttl
    rig.link.connected = True
    rig.pipeline.replay()
    assert [body["id"] for _, body, _, _ in rig.link.sent] == [a.id, b.id]
    assert rig.steps(a.id) == [(S.QUEUED, ""), (S.SENT, "attempt 1")]


def test_a_new_command_waits_behind_older_queued_ones(tmp_path):
    rig = Rig(tmp_path, connected=False)
    old = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.link.connected = True  # connected, but the replay has not run yet
    new = rig.pipeline.submit("lamp-1", {"level": 2})
    assert rig.link.sent == [] and rig.outbox.get(new.id).state is S.QUEUED
    assert rig.pipeline._replay_wanted
    rig.pipeline.replay()
    assert [body["id"] for _, body, _, _ in rig.link.sent] == [old.id, new.id]
    third = rig.pipeline.submit("lamp-1", {"level": 3})  # nothing waits any more: straight out
    assert rig.link.sent[-1][1]["id"] == third.id


def test_a_high_risk_command_needs_a_yes_then_goes_at_qos_2(rig):
    with pytest.raises(ConfirmationRequired) as asked:
        rig.pipeline.submit("lamp-1", {"power": False})
    assert rig.outbox.count() == 0 and rig.link.sent == []
    q = rig.pipeline.submit("lamp-1", {"power": False}, confirmed=asked.value.confirmation())
    assert q.qos == 2 and rig.link.sent[0][2] == 2
    with pytest.raises(ConfirmationRequired):
        rig.pipeline.submit("lamp-1", {"level": 5}, always_confirm=True)


def test_an_unknown_device_or_a_bad_value_stores_nothing(rig):
    with pytest.raises(ProtocolError, match=r"^unknown device 'ghost': no meta received from it yet$"):
        rig.pipeline.submit("ghost", {"level": 1})
    with pytest.raises(ProtocolError, match=r"^level 101 is above the maximum 100$"):
        rig.pipeline.submit("lamp-1", {"level": 101})
    with pytest.raises(ProtocolError, match=r"^refresh takes no params$"):
        rig.pipeline.submit("lamp-1", {"level": 1}, action="refresh")
    assert rig.outbox.count() == 0 and rig.link.sent == [] and rig.seen == []


def test_a_trace_is_asked_for_kept_when_given_and_never_stops_a_command(rig, caplog):
    asked = []
    rig.pipeline.trace_for = lambda cmd, qos: asked.append((cmd.device_id, qos)) or "00-trace-01"
    a = rig.pipeline.submit("lamp-1", {"level": 1})
    b = rig.pipeline.submit("lamp-1", {"level": 2}, trace="given")
    assert asked == [("lamp-1", 1)] and (a.command.trace, b.command.trace) == ("00-trace-01", "given")
    assert rig.link.sent[0][1]["trace"] == "00-trace-01" and rig.link.sent[0][3].UserProperty == [("traceparent", "00-trace-01")]
    rig.pipeline.trace_for = lambda cmd, qos: 1 / 0
    c = rig.pipeline.submit("lamp-1", {"level": 3})
    assert c.command.trace == "" and "tracing the command" in caplog.text and rig.link.sent[-1][1]["id"] == c.id


def test_the_wire_payload_says_the_time_left_and_who_sent_it(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=10)
    cmd = q.command
    assert rig.pipeline.wire_payload(cmd, now=cmd.ts + 2.5)["expires_in_s"] == 7.5
    assert rig.pipeline.wire_payload(cmd, now=cmd.ts + 9.99949)["expires_in_s"] == 0.001
    assert rig.pipeline.wire_payload(cmd, now=cmd.ts + 11)["expires_in_s"] == 0.0
    rig.link.cfg.client_id = ""
    assert "console" not in rig.pipeline.wire_payload(cmd, now=cmd.ts)
    props = rig.pipeline._properties(cmd, 0.2)
    assert props.MessageExpiryInterval == 1 and rig.pipeline._properties(cmd, 7.01).MessageExpiryInterval == 8
    assert rig.pipeline._properties(cmd, 0.0).MessageExpiryInterval == 1


def test_mqtt_311_gets_no_properties(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600))
    rig.link.cfg.protocol = "3.1.1"
    pipeline = CommandPipeline(rig.outbox, rig.link, METAS.get, rig.cfg)
    pipeline.replay()
    pipeline.submit("lamp-1", {"level": 1})
    assert rig.link.sent[-1][3] is None and not pipeline.v5


# -- cancel ---------------------------------------------------------------------------------------
def test_only_a_queued_command_can_be_cancelled(tmp_path):
    rig = Rig(tmp_path, connected=False)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    row = rig.pipeline.cancel(q.id)
    assert (row.state, row.error) == (S.CANCELLED, "cancelled by the operator")
    assert rig.steps(q.id)[-1] == (S.CANCELLED, "cancelled by the operator") and rig.seen[-1][1] is S.CANCELLED
    assert rig.pipeline.cancel(q.id) is None and rig.pipeline.cancel("ghost") is None
    r = rig.pipeline.submit("lamp-1", {"level": 2})
    assert rig.pipeline.cancel(r.id, reason="operator changed their mind").error == "operator changed their mind"
    rig.link.connected = True
    rig.pipeline.replay()
    s = rig.pipeline.submit("lamp-1", {"level": 3})
    assert rig.pipeline.cancel(s.id) is None and rig.outbox.get(s.id).state is S.SENT
    assert rig.pipeline.open_rows() == [rig.outbox.get(s.id)]


# -- PUBACK / PUBCOMP -----------------------------------------------------------------------------
def test_a_puback_moves_sent_to_delivered_once(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    assert rig.steps(q.id)[-1] == (S.DELIVERED, "PUBACK") and rig.seen[-1] == (q.id, S.DELIVERED, "")
    rig.pipeline.on_delivered(1, True)  # the same mid again: nothing
    assert len(rig.steps(q.id)) == 3


def test_a_pubcomp_is_named_for_qos_2(rig):
    with pytest.raises(ConfirmationRequired) as asked:
        rig.pipeline.submit("lamp-1", {"power": True})
    q = rig.pipeline.submit("lamp-1", {"power": True}, confirmed=asked.value)
    rig.pipeline.on_delivered(1, True)
    assert rig.steps(q.id)[-1] == (S.DELIVERED, "PUBCOMP")


def test_a_puback_before_publish_returned_is_not_lost(rig):
    rig.link.during_publish = lambda mid: rig.pipeline.on_delivered(mid, True)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert rig.outbox.get(q.id).state is S.DELIVERED and rig.pipeline._early == {}


def test_an_early_puback_older_than_the_publish_is_for_another_message(rig):
    rig.pipeline.on_delivered(1, True)  # a PUBACK for mid 1 of an earlier message (e.g. the link's own)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert rig.outbox.get(q.id).state is S.SENT


def test_the_early_table_is_pruned_past_1024_entries(rig):
    now = time.monotonic()
    rig.pipeline._early = {m: (True, now - 60) for m in range(1024)}
    rig.pipeline.on_delivered(5000, True)
    assert rig.pipeline._early == {5000: (True, rig.pipeline._early[5000][1])}
    rig.pipeline._early = {m: (True, now) for m in range(1024)}
    rig.pipeline.on_delivered(5001, True)
    assert len(rig.pipeline._early) == 1025


def test_a_refused_publish_is_resent_then_failed(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, max_attempts=2))
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, False)
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.SENT, "broker refused the publish")
    assert rig.steps(q.id)[-1] == (S.SENT, "broker refused the publish")
    rig.pipeline.sweep()  # the deadline is now: sent again at once
    assert rig.steps(q.id)[-1] == (S.SENT, "attempt 2") and len(rig.link.sent) == 2
    rig.pipeline.on_delivered(2, False)
    rig.pipeline.sweep()
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.FAILED, "broker refused it 2 times") and len(rig.link.sent) == 2


def test_paho_refusing_or_a_socket_error_leaves_it_for_the_sweep(tmp_path, caplog):
    rig = Rig(tmp_path, rc=1)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert rig.pipeline._pending_mid == {} and rig.pipeline._sending == set()
    assert "paho refused" in caplog.text and rig.outbox.get(q.id).state is S.SENT
    rig.link.rc = 4  # no connection: paho keeps it and sends it on reconnect
    rig.pipeline.replay()  # SENT, not held by paho: sent again
    assert rig.pipeline._pending_mid == {q.id: 2}
    rig.link.raises = OSError("broken pipe")
    r = rig.pipeline.submit("lamp-1", {"level": 2})
    assert f"publishing {r.id} failed: broken pipe" in caplog.text and rig.pipeline._sending == set()


# -- acks -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("ack, state, detail, error", [
    (Ack("X", "done", 1.0, state_seq=7), S.SUCCEEDED, "state seq 7", ""),
    (Ack("X", "done", 1.0), S.SUCCEEDED, "done", ""),
    (Ack("X", "rejected", 1.0, "out of range"), S.REJECTED, "out of range", "out of range"),
    (Ack("X", "rejected", 1.0), S.REJECTED, "rejected by the device", "rejected by the device"),
    (Ack("X", "rejected", 1.0, "expired: ttl"), S.EXPIRED, "expired: ttl", "expired: ttl"),
    (Ack("X", "failed", 1.0, "jammed"), S.FAILED, "jammed", "jammed"),
    (Ack("X", "failed", 1.0), S.FAILED, "the device reported a failure", "the device reported a failure"),
])
def test_each_device_answer_ends_the_command_as_it_says(rig, ack, state, detail, error):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_ack("lamp-1", Ack(q.id, ack.status, ack.ts, ack.error, ack.state_seq))
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (state, error)
    assert rig.steps(q.id)[-2:] == [(S.DELIVERED, "implied by the device ack"), (state, detail)]
    assert rig.pipeline.open_rows() == [] and rig.pipeline.get(q.id) == row


def test_accepted_then_done_and_acks_that_are_not_for_us(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "accepted", 1.0))
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "accepted", 1.0))  # twice: once
    assert [s for s, _ in rig.steps(q.id)] == [S.QUEUED, S.SENT, S.DELIVERED, S.ACCEPTED]
    assert rig.steps(q.id)[-1] == (S.ACCEPTED, "device accepted")
    rig.pipeline.on_ack("fan-9", Ack(q.id, "done", 1.0))
    assert rig.pipeline.mismatched_acks == 1 and rig.outbox.get(q.id).state is S.ACCEPTED
    rig.pipeline.on_ack("lamp-1", Ack("not-ours", "done", 1.0))
    assert rig.pipeline.unknown_acks == 1 and rig.pipeline.mismatched_acks == 1
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "done", 1.0))
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "failed", 1.0))  # after the end: not ours any more
    assert rig.outbox.get(q.id).state is S.SUCCEEDED and rig.pipeline.unknown_acks == 2


# -- the sweep ------------------------------------------------------------------------------------
def test_a_queued_command_past_its_ttl_expires(tmp_path):
    rig = Rig(tmp_path, connected=False)
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=2.5)
    rig.pipeline.sweep(now=q.command.ts + 2.5)
    assert rig.outbox.get(q.id).state is S.QUEUED  # at the ttl: not past it
    rig.pipeline.sweep(now=q.command.ts + 2.6)
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.EXPIRED, "ttl of 2.5 s passed before delivery")


def test_a_sent_command_past_its_ttl_waits_for_the_device_then_times_out(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=0))
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=1)
    later = q.command.ts + 5
    rig.pipeline.sweep(now=later)
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.SENT, OUTCOME_UNKNOWN) and rig.steps(q.id)[-1] == (S.SENT, OUTCOME_UNKNOWN)
    assert rig.seen[-1] == (q.id, S.SENT, OUTCOME_UNKNOWN) and q.id not in rig.pipeline._deadline
    rig.pipeline.replay()
    assert len(rig.link.sent) == 1  # never sent again once past its ttl
    rig.pipeline.sweep(now=later)
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.TIMEOUT, "no answer from the device 0 s after its ttl passed: outcome unknown")


def test_a_late_answer_still_wins(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=3600))
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=1)
    rig.pipeline.on_delivered(1, True)
    rig.pipeline.sweep(now=q.command.ts + 5)
    rig.pipeline.sweep(now=q.command.ts + 6)  # still waiting
    assert rig.outbox.get(q.id).state is S.DELIVERED and len(rig.steps(q.id)) == 4
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "done", 1.0))
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.SUCCEEDED, "")


def test_no_ack_in_time_resends_with_the_same_id_then_times_out(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=2))
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    rig.pipeline.sweep()
    assert [body["id"] for _, body, _, _ in rig.link.sent] == [q.id, q.id]
    assert rig.steps(q.id)[-1] == (S.SENT, "attempt 2") and rig.outbox.get(q.id).attempts == 2
    rig.pipeline.on_delivered(2, True)
    rig.pipeline.sweep()
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.TIMEOUT, "no device ack within 0 s after 2 attempt(s)")


def test_nothing_is_resent_while_offline_or_while_paho_still_holds_it(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=3))
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.sweep()  # SENT, mid 1 not acknowledged yet: paho re-sends it itself
    assert len(rig.link.sent) == 1
    rig.pipeline.on_delivered(1, True)
    rig.link.connected = False
    rig.pipeline.sweep()
    assert len(rig.link.sent) == 1 and rig.outbox.get(q.id).state is S.DELIVERED
    rig.link.connected = True
    rig.pipeline.sweep()
    assert len(rig.link.sent) == 2


def test_send_gives_up_when_the_attempts_are_used(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=1))
    q = rig.pipeline.submit("lamp-1", {"level": 1})  # attempt 1 of 1
    rig.pipeline._send(q.id, (S.SENT,))
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.FAILED, "not delivered after 1 attempts")
    r = rig.pipeline.submit("lamp-1", {"level": 2})
    rig.pipeline.on_delivered(2, True)
    rig.pipeline._send(r.id, (S.DELIVERED,))
    row = rig.outbox.get(r.id)
    assert (row.state, row.error) == (S.TIMEOUT, "no device ack after 1 attempts")
    rig.pipeline._send(r.id, (S.DELIVERED,))  # closed: nothing
    rig.pipeline._send("ghost", (S.SENT,))
    assert len(rig.link.sent) == 2


def test_replay_sends_in_submission_order_and_stops_when_the_link_drops(tmp_path):
    rig = Rig(tmp_path, connected=False)
    ids = [rig.pipeline.submit("lamp-1", {"level": n}).id for n in range(3)]
    rig.link.connected = True
    rig.link.during_publish = lambda mid: setattr(rig.link, "connected", mid < 2)
    rig.pipeline.replay()
    assert [body["id"] for _, body, _, _ in rig.link.sent] == ids[:2] and rig.pipeline._replay_wanted
    rig.link.during_publish, rig.link.connected = None, True
    rig.pipeline.replay()
    assert [body["id"] for _, body, _, _ in rig.link.sent] == ids and not rig.pipeline._replay_wanted


def test_a_connection_asks_for_a_replay(rig):
    rig.pipeline._replay_wanted = False
    rig.link.connection_made.emit(False)
    assert rig.pipeline._replay_wanted and rig.pipeline._wake.is_set()


# -- restart --------------------------------------------------------------------------------------
def test_a_restart_picks_up_open_commands_and_replays_what_was_not_delivered(rig):
    sent = rig.pipeline.submit("lamp-1", {"level": 1})
    delivered = rig.pipeline.submit("lamp-1", {"level": 2})
    rig.pipeline.on_delivered(2, True)
    done = rig.pipeline.submit("lamp-1", {"level": 3})
    rig.pipeline.on_ack("lamp-1", Ack(done.id, "done", 1.0))
    rig.outbox.close()
    again = rig.restart()
    assert [r.id for r in again.pipeline.open_rows()] == [sent.id, delivered.id]
    assert set(again.pipeline._deadline) == {delivered.id}
    again.pipeline.replay()
    assert [body["id"] for _, body, _, _ in again.link.sent] == [sent.id]
    assert again.steps(sent.id)[-1] == (S.SENT, "attempt 2")
    again.outbox.close()
    rig.outbox = Outbox(rig.path)  # for the fixture's close


# -- listeners and other transports ---------------------------------------------------------------
def test_a_failing_listener_neither_stops_the_others_nor_the_command(rig, caplog):
    got = []
    bad = lambda row: 1 / 0  # noqa: E731
    rig.pipeline.add_listener(bad)
    rig.pipeline.add_listener(got.append)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert [r.state for r in got] == [S.QUEUED, S.SENT] and "command listener failed" in caplog.text
    rig.pipeline.remove_listener(got.append)
    rig.pipeline.remove_listener(got.append)  # twice: no error
    rig.pipeline.on_delivered(1, True)
    assert len(got) == 2 and rig.outbox.get(q.id).state is S.DELIVERED


@dataclass
class Optimistic:
    max_attempts: int = 0  # read as 1
    settle: str = ""
    published: list = field(default_factory=list)

    def publish(self, link, row):
        self.published.append(row.id)
        return Info(70 + len(self.published))

    def settle_on_delivery(self, row):
        return self.settle

    def timeout_detail(self, row):
        return f"last state seen: level {row.command.params['level'] - 1}"


def test_another_transport_publishes_its_way_once_and_times_out_with_its_words(tmp_path):
    tr = Optimistic()
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=5))
    pipeline = CommandPipeline(rig.outbox, rig.link, METAS.get, rig.cfg, transport_for=lambda d: tr)
    pipeline.replay()
    q = pipeline.submit("lamp-1", {"level": 9})
    assert tr.published == [q.id] and rig.link.sent == []
    pipeline.on_delivered(71, True)
    pipeline.sweep()
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.TIMEOUT, "last state seen: level 8") and tr.published == [q.id]


def test_a_transport_that_can_never_confirm_ends_at_delivered(tmp_path):
    tr = Optimistic(max_attempts=1, settle="sent; this device does not report its state")
    rig = Rig(tmp_path)
    pipeline = CommandPipeline(rig.outbox, rig.link, METAS.get, rig.cfg, transport_for=lambda d: tr)
    pipeline.replay()
    q = pipeline.submit("lamp-1", {"level": 9})
    pipeline.on_delivered(71, True)
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.DELIVERED, "")
    assert rig.steps(q.id)[-1] == (S.DELIVERED, "sent; this device does not report its state")
    assert pipeline.open_rows() == []


def test_start_and_stop_run_one_sweeper(rig):
    rig.pipeline.start()
    first = rig.pipeline._sweeper
    rig.pipeline.start()
    assert rig.pipeline._sweeper is first and first.name == "command-sweeper" and first.daemon
    rig.pipeline.stop()
    assert rig.pipeline._sweeper is None and not first.is_alive()
    assert math.isclose(rig.cfg.sweep_interval_s, 0.2)


def test_acks_from_the_wrong_device_are_counted_and_logged_each_time(rig, caplog):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_ack("fan-9", Ack(q.id, "done", 1.0))
    rig.pipeline.on_ack("fan-8", Ack(q.id, "done", 1.0))
    assert rig.pipeline.mismatched_acks == 2 and rig.outbox.get(q.id).state is S.SENT
    assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("ack for")] == [
        f"ack for {q.id} came from fan-9, not lamp-1: ignored", f"ack for {q.id} came from fan-8, not lamp-1: ignored"]


def test_listeners_hear_every_step_an_ack_causes(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "accepted", 1.0))
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "done", 1.0))
    assert [(s, e) for i, s, e in rig.seen if i == q.id] == [
        (S.QUEUED, ""), (S.SENT, ""), (S.DELIVERED, ""), (S.ACCEPTED, ""), (S.SUCCEEDED, "")]


def test_an_accepted_command_gets_a_fresh_ack_deadline(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    before = time.monotonic()
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "accepted", 1.0))
    assert rig.pipeline._deadline[q.id] >= before + 3600 - 1  # ack_timeout_s from now
    rig.pipeline.sweep()
    assert len(rig.link.sent) == 1 and rig.outbox.get(q.id).state is S.ACCEPTED  # not re-sent early


def test_after_a_restart_a_command_past_its_ttl_still_waits_late_answer_s(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=1)
    rig.outbox.close()
    again = rig.restart(cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=3600))
    again.pipeline.sweep(now=q.command.ts + 5)  # a SENT row loaded from disk has no ack deadline: no error
    row = again.outbox.get(q.id)
    assert (row.state, row.error) == (S.SENT, OUTCOME_UNKNOWN)
    again.outbox.close()
    third = again.restart(cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=3600))
    third.pipeline.sweep(now=q.command.ts + 6)  # OUTCOME_UNKNOWN already on disk: the wait starts again
    assert third.outbox.get(q.id).state is S.SENT
    third.outbox.close()
    fourth = third.restart(cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=0))
    fourth.pipeline.sweep(now=q.command.ts + 7)
    assert fourth.outbox.get(q.id).state is S.TIMEOUT
    fourth.outbox.close()
    rig.outbox = Outbox(rig.path)


def test_the_sweeper_thread_replays_on_connection_and_expires_on_its_own(tmp_path):
    from tests.conftest import wait_for

    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, sweep_interval_s=0.05), connected=False)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    late = rig.pipeline.submit("lamp-1", {"level": 2}, ttl_s=0.001)
    rig.pipeline.start()
    try:
        wait_for(lambda: rig.outbox.get(late.id).state is S.EXPIRED, timeout=20, what="the sweeper's expiry")
        rig.link.connected = True
        rig.link.connection_made.emit(False)
        wait_for(lambda: rig.outbox.get(q.id).state is S.SENT, timeout=20, what="the sweeper's replay")
        assert [body["id"] for _, body, _, _ in rig.link.sent] == [q.id]
    finally:
        rig.pipeline.stop()
        rig.outbox.close()


def test_a_queued_command_whose_ttl_passed_before_the_replay_expires_unsent(rig):
    from console.core.protocol import Command

    # queued before the console went down for two minutes; its 30 s ttl passed meanwhile
    late = Command("late-1", "lamp-1", "set", {"level": 1}, time.time() - 120, 30.0)
    rig.outbox.add(late, 1)
    ok = Command("ok-1", "lamp-1", "set", {"level": 2}, time.time(), 30.0)
    rig.outbox.add(ok, 1)
    rig.outbox.close()
    again = rig.restart()
    again.pipeline.replay()  # the ttl is checked again just before sending, not only by the sweep
    row = again.outbox.get(late.id)
    assert (row.state, row.error) == (S.EXPIRED, "ttl of 30 s passed before delivery")
    assert (late.id, S.EXPIRED, row.error) in again.seen
    assert [body["id"] for _, body, _, _ in again.link.sent] == [ok.id]
    assert again.pipeline.cancel(late.id) is None and late.id not in again.pipeline._open
    again.outbox.close()
    rig.outbox = Outbox(rig.path)


def test_a_finished_command_leaves_no_bookkeeping_behind(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=3600))
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=1)
    rig.pipeline.sweep(now=q.command.ts + 5)  # outcome unknown: waits for the device (a give-up time)
    assert q.id in rig.pipeline._give_up and rig.pipeline._mid == {1: q.id}
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "done", 1.0))
    p = rig.pipeline
    assert (q.id in p._open, q.id in p._deadline, q.id in p._give_up, q.id in p._pending_mid, p._mid) == (
        False, False, False, False, {})


def test_a_resend_forgets_the_old_mid_and_waits_a_full_ack_timeout_again(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, max_attempts=3))
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, False)  # refused: re-sent by the next sweep
    rig.pipeline.sweep()
    assert rig.pipeline._mid == {2: q.id} and rig.pipeline._pending_mid == {q.id: 2}
    assert (q.id, S.SENT, "broker refused the publish") in rig.seen and rig.seen[-1][:2] == (q.id, S.SENT)
    rig.pipeline.on_delivered(1, True)  # a late PUBACK for the first send: not this message any more
    assert rig.outbox.get(q.id).state is S.SENT
    rig.pipeline.on_delivered(2, True)
    rig.pipeline.sweep()
    assert rig.outbox.get(q.id).state is S.DELIVERED and len(rig.link.sent) == 2  # not re-sent at once


def test_a_refusal_before_publish_returned_is_not_lost_either(rig):
    rig.link.during_publish = lambda mid: rig.pipeline.on_delivered(mid, False)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.SENT, "broker refused the publish")
