"""More of the command pipeline's rules, each pinned so that changing it fails here (issue 16: the
ones the mutation bench, bench/mutation.py, found unguarded by test_pipeline_rules.py).

Same seam as test_pipeline_rules.py: a bare link (``pipeline.Link``) that records what it is handed
and plays the broker's PUBACK when the test says, a real SQLite outbox, ack deadlines of 0 or an
hour.  Where the sweeper thread runs, the test waits on the outcome itself, never on the clock."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import pytest

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import OUTCOME_UNKNOWN, CommandPipeline, PipelineConfig
from console.core.protocol import Ack, Command, CommandState, DeviceMeta
from tests.conftest import wait_for
from tests.core.commands.test_pipeline_rules import LAMP, METAS, BareLink, Info, Rig

S = CommandState
HOUR = PipelineConfig(ack_timeout_s=3600)
LOG = "console.core.commands.pipeline"


@pytest.fixture
def rig(tmp_path):
    r = Rig(tmp_path)
    yield r
    r.outbox.close()


def errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def sent_ids(link) -> list[str]:
    return [body["id"] for _, body, _, _ in link.sent]


# -- the link and what is wired ---------------------------------------------------------------------
@dataclass
class PlainCfg:
    """A link configuration that names neither the MQTT version nor a client id."""

    prefix: str = "plant"


def test_a_link_that_names_no_protocol_is_mqtt5_and_a_console_without_a_client_id_is_not_named(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    link = BareLink(cfg=PlainCfg(), connected=True)
    pipeline = CommandPipeline(outbox, link, METAS.get, HOUR)
    pipeline.replay()
    q = pipeline.submit("lamp-1", {"level": 1})
    [(_, body, _, props)] = link.sent
    assert pipeline.v5 and props is not None and props.CorrelationData == q.id.encode()
    assert "console" not in body and body["id"] == q.id
    outbox.close()


def test_a_puback_from_the_links_event_reaches_the_command(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.link.delivered.emit(1, True)
    assert rig.steps(q.id)[-1] == (S.DELIVERED, "PUBACK")


def test_an_unwired_pipeline_has_no_tracer_other_consoles_or_timelines_and_logs_no_error(rig, caplog):
    p = rig.pipeline
    assert (p.trace_for, p.others, p.timelines) == (None, None, None)  # the views test `is not None`
    q = p.submit("lamp-1", {"level": 1})
    assert q.command.trace == "" and errors(caplog) == []


def test_a_broken_timeline_listener_is_logged_under_the_command_stage_event(rig, caplog):
    def broken(*args):
        raise RuntimeError("timeline view bug")

    rig.pipeline.stage.connect(broken)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert rig.pipeline.stage.name == "command-stage"
    assert errors(caplog) == [
        f"listener {broken.__qualname__} of event 'command-stage' failed"] * 2  # validated, published
    assert rig.outbox.get(q.id).state is S.SENT


def test_a_failing_listener_is_logged_in_plain_words(rig, caplog):
    rig.pipeline.add_listener(lambda row: 1 / 0)
    rig.pipeline.submit("lamp-1", {"level": 1})
    assert errors(caplog) == ["command listener failed"] * 2  # QUEUED, SENT


def test_log_lines_name_the_command_and_what_went_wrong(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger=LOG)
    rig = Rig(tmp_path, rc=1)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.link.raises = OSError("broken pipe")
    rig.pipeline.trace_for = lambda cmd, qos: 1 / 0
    r = rig.pipeline.submit("lamp-1", {"level": 2})
    rig.link.connected, rig.pipeline.trace_for = False, None
    a = rig.pipeline.submit("lamp-1", {"level": 3})
    rig.link.connected, rig.link.raises, rig.link.rc = True, None, 0
    rig.pipeline.replay()
    assert [(x.levelname, x.getMessage()) for x in caplog.records if x.name == LOG] == [
        ("WARNING", f"paho refused {q.id} (rc 1); the sweep retries it"),
        ("ERROR", f"tracing the command {r.id} failed"),
        ("WARNING", f"publishing {r.id} failed: broken pipe"),
        ("INFO", "replaying 3 queued command(s)"),
    ]
    assert sent_ids(rig.link)[-3:] == [q.id, r.id, a.id]
    rig.outbox.close()


def test_the_published_stage_names_its_command(rig):
    stages = []
    rig.pipeline.stage.connect(lambda *a: stages.append(a))
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert [(s[0], s[1]) for s in stages] == [(q.id, "validated"), (q.id, "published")]


def test_a_refresh_goes_out_as_a_refresh(rig):
    q = rig.pipeline.submit("lamp-1", action="refresh")
    assert q.command.action == "refresh" and rig.link.sent[0][1]["action"] == "refresh"
    assert rig.link.sent[0][1]["params"] == {}


def test_open_commands_are_read_from_memory_not_from_the_file(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.outbox.close()  # at shutdown the views may still ask while the file is closed
    assert rig.pipeline.get(q.id).state is S.SENT and rig.pipeline.get(q.id).id == q.id
    rig.outbox = Outbox(rig.path)  # for the fixture's close


# -- order and the first replay ---------------------------------------------------------------------
def test_before_the_first_replay_a_new_command_waits_behind_what_the_last_run_left(rig):
    old = rig.pipeline.submit("lamp-1", {"level": 1})  # SENT; paho's copy dies with this run
    rig.outbox.close()
    again = rig.restart()  # connected, but the first replay has not run yet
    new = again.pipeline.submit("lamp-1", {"level": 2})
    assert again.link.sent == [] and again.outbox.get(new.id).state is S.QUEUED
    again.pipeline.replay()
    assert sent_ids(again.link) == [old.id, new.id]
    again.outbox.close()
    rig.outbox = Outbox(rig.path)


def test_a_replay_tells_the_listeners_each_command_it_sends(tmp_path):
    rig = Rig(tmp_path, connected=False)
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.link.connected = True
    rig.pipeline.replay()
    assert rig.seen == [(q.id, S.QUEUED, ""), (q.id, S.SENT, "")]
    rig.outbox.close()


def test_a_command_the_device_answered_during_the_replay_is_not_sent_again(tmp_path):
    rig = Rig(tmp_path, connected=False)
    a = rig.pipeline.submit("lamp-1", {"level": 1})
    b = rig.pipeline.submit("lamp-1", {"level": 2})
    answered = []

    def device_accepts_b(mid):  # while a is handed to paho, b's ack (from the last run's send) arrives
        if not answered:
            answered.append(mid)
            rig.pipeline.on_ack("lamp-1", Ack(b.id, "accepted", 1.0))

    rig.link.connected, rig.link.during_publish = True, device_accepts_b
    rig.pipeline.replay()
    assert sent_ids(rig.link) == [a.id] and rig.outbox.get(b.id).state is S.ACCEPTED
    assert rig.outbox.get(b.id).attempts == 0
    rig.outbox.close()


def test_a_publish_the_broker_refused_goes_again_on_the_next_replay(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, False)
    rig.pipeline.replay()  # a reconnect
    assert sent_ids(rig.link) == [q.id, q.id] and rig.steps(q.id)[-1] == (S.SENT, "attempt 2")


# -- ack deadlines ----------------------------------------------------------------------------------
def test_a_delivered_command_is_not_sent_again_before_its_ack_timeout(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    rig.pipeline.sweep()
    assert sent_ids(rig.link) == [q.id] and rig.outbox.get(q.id).state is S.DELIVERED


def test_after_a_restart_a_delivered_command_gets_a_full_ack_timeout_then_is_sent_again(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    rig.outbox.close()
    again = rig.restart()  # an hour's ack timeout; the sweep may run before the first replay
    again.pipeline.sweep()
    assert again.link.sent == [] and again.outbox.get(q.id).state is S.DELIVERED
    again.outbox.close()
    third = again.restart(cfg=PipelineConfig(ack_timeout_s=0))
    third.pipeline.sweep()
    assert sent_ids(third.link) == [q.id] and third.steps(q.id)[-1] == (S.SENT, "attempt 2")
    third.outbox.close()
    rig.outbox = Outbox(rig.path)


def test_a_reconnect_gives_delivered_commands_a_fresh_ack_timeout(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, True)
    rig.pipeline._deadline[q.id] = 0.0  # it came due while the link was down (the sweep waits for the link)
    before = time.monotonic()
    rig.pipeline.replay()
    assert rig.pipeline._deadline[q.id] >= before + 3600 - 1
    rig.pipeline.sweep()
    assert sent_ids(rig.link) == [q.id] and rig.outbox.get(q.id).state is S.DELIVERED


def test_a_finished_command_keeps_no_ack_deadline(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert q.id in rig.pipeline._deadline
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "done", 1.0))
    assert rig.pipeline._deadline == {} and rig.pipeline._open == {}


# -- device answers and PUBACKs in awkward order ----------------------------------------------------
def test_a_device_answer_before_publish_returned_ends_the_command_cleanly(rig, caplog):
    rig.link.during_publish = lambda mid: rig.pipeline.on_ack(
        "lamp-1", Ack(rig.link.sent[-1][1]["id"], "done", 1.0))
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    assert rig.outbox.get(q.id).state is S.SUCCEEDED and errors(caplog) == []
    assert rig.pipeline._mid == {} and rig.pipeline._pending_mid == {}


def test_a_puback_after_the_device_accepted_changes_nothing_and_tells_nobody(rig, caplog):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "accepted", 1.0))
    heard = list(rig.seen)
    rig.pipeline.on_delivered(1, True)
    assert rig.seen == heard and errors(caplog) == [] and rig.outbox.get(q.id).state is S.ACCEPTED


def test_a_late_refusal_of_a_superseded_publish_does_not_count_against_the_resend(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=3))
    q = rig.pipeline.submit("lamp-1", {"level": 1})  # mid 1; the device accepts before any PUBACK
    rig.pipeline.on_ack("lamp-1", Ack(q.id, "accepted", 1.0))
    rig.pipeline.sweep()  # no done within the ack timeout: sent again (mid 2)
    assert rig.steps(q.id)[-1] == (S.SENT, "attempt 2") and rig.pipeline._mid == {2: q.id}
    rig.pipeline.on_delivered(1, False)  # the broker's late word on the first publish
    row = rig.outbox.get(q.id)
    assert (row.state, row.error) == (S.SENT, "") and rig.steps(q.id)[-1] == (S.SENT, "attempt 2")
    rig.pipeline.on_delivered(2, True)
    assert rig.steps(q.id)[-1] == (S.DELIVERED, "PUBACK")
    rig.outbox.close()


def test_listeners_hear_a_refused_publish_at_once(rig):
    q = rig.pipeline.submit("lamp-1", {"level": 1})
    rig.pipeline.on_delivered(1, False)
    assert rig.seen[-1] == (q.id, S.SENT, "broker refused the publish") and len(rig.seen) == 3


def test_the_early_table_keeps_1024_entries_and_drops_those_30_s_old(rig):
    now = time.monotonic()
    rig.pipeline._early = {m: (True, now - 60) for m in range(1023)}
    rig.pipeline.on_delivered(5000, True)
    assert len(rig.pipeline._early) == 1024  # not pruned yet
    rig.pipeline._early = {m: (True, now - 30.5) for m in range(1024)}
    rig.pipeline.on_delivered(5001, True)
    assert list(rig.pipeline._early) == [5001]


# -- ttl ---------------------------------------------------------------------------------------------
def test_a_sent_command_past_its_ttl_is_not_replayed_but_waits_for_the_device(rig, caplog):
    late = Command("late-1", "lamp-1", "set", {"level": 1}, time.time() - 120, 30.0)
    rig.outbox.add_sent(late, 1)  # SENT by a run that ended; its ttl passed meanwhile
    rig.outbox.close()
    again = rig.restart(cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=3600))
    again.pipeline.replay()
    row = again.outbox.get(late.id)
    assert (row.state, row.error) == (S.SENT, OUTCOME_UNKNOWN) and again.link.sent == []
    assert again.seen == [(late.id, S.SENT, OUTCOME_UNKNOWN)]
    again.outbox.close()
    third = again.restart()  # OUTCOME_UNKNOWN already on disk: nothing new to say, nothing sent
    third.pipeline.replay()
    assert third.seen == [] and third.link.sent == [] and errors(caplog) == []
    third.outbox.close()
    rig.outbox = Outbox(rig.path)


def test_a_command_whose_late_answer_time_has_come_times_out(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=3600, late_answer_s=3600))
    q = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=1)
    r = rig.pipeline.submit("lamp-1", {"level": 2}, ttl_s=1)
    rig.pipeline.sweep(now=q.command.ts + 5)
    assert {rig.outbox.get(i).error for i in (q.id, r.id)} == {OUTCOME_UNKNOWN}
    rig.pipeline._give_up[q.id] = time.monotonic() - 1  # as if late_answer_s had passed for q only
    rig.pipeline.sweep(now=q.command.ts + 6)
    assert rig.outbox.get(q.id).state is S.TIMEOUT and rig.outbox.get(r.id).state is S.SENT
    rig.outbox.close()


# -- one sweep handles every command -------------------------------------------------------------
def test_one_sweep_goes_on_past_an_expired_one(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, late_answer_s=3600))
    a = rig.pipeline.submit("lamp-1", {"level": 1}, ttl_s=1)
    b = rig.pipeline.submit("lamp-1", {"level": 2}, ttl_s=3600)
    rig.pipeline.on_delivered(1, True)
    rig.pipeline.on_delivered(2, True)
    rig.pipeline.sweep(now=a.command.ts + 5)
    assert rig.outbox.get(a.id).error == OUTCOME_UNKNOWN and sent_ids(rig.link) == [a.id, b.id, b.id]
    rig.outbox.close()


def test_one_sweep_goes_on_past_one_paho_still_holds(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0))
    a = rig.pipeline.submit("lamp-1", {"level": 1})  # no PUBACK yet: paho re-sends it itself
    b = rig.pipeline.submit("lamp-1", {"level": 2})
    rig.pipeline.on_delivered(2, True)
    rig.pipeline.sweep()
    assert sent_ids(rig.link) == [a.id, b.id, b.id]
    rig.outbox.close()


def test_one_sweep_times_out_every_command_out_of_attempts(tmp_path):
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=1))
    ids = [rig.pipeline.submit("lamp-1", {"level": n}).id for n in range(3)]
    for mid in (1, 2, 3):
        rig.pipeline.on_delivered(mid, True)
    rig.pipeline.sweep()
    assert [rig.outbox.get(i).state for i in ids] == [S.TIMEOUT] * 3
    rig.outbox.close()


# -- devices not known yet ---------------------------------------------------------------------------
FAN = DeviceMeta.from_json({"id": "fan-2", "capabilities": {
    "speed": {"type": "int", "min": 0, "max": 3, "writable": True}}})


def test_a_command_for_a_device_not_known_yet_waits_until_its_meta_comes(tmp_path):
    path = tmp_path / "o.sqlite3"
    outbox = Outbox(path)
    cmd = Command("fan-cmd", "fan-2", "set", {"speed": 2}, time.time(), 3600.0)
    outbox.add(cmd, 1)  # queued by the last run; after the restart fan-2's meta has not come back yet
    metas = {"lamp-1": LAMP}
    link = BareLink(connected=True)
    pipeline = CommandPipeline(outbox, link, metas.get, HOUR)
    assert not pipeline._held_known() and pipeline.waiting_for_device() == set()
    pipeline.replay()
    assert link.sent == [] and pipeline.waiting_for_device() == {cmd.id}
    assert not pipeline._held_known()  # still unknown: nothing to replay for it
    metas["fan-2"] = FAN
    assert pipeline._held_known()  # the sweeper replays now
    pipeline.replay()
    assert sent_ids(link) == [cmd.id] and pipeline.waiting_for_device() == set() and not pipeline._held_known()
    outbox.close()


def test_a_held_command_that_ended_is_no_longer_waiting(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    cmd = Command("fan-cmd", "fan-2", "set", {"speed": 2}, time.time(), 3600.0)
    outbox.add(cmd, 1)
    metas = {"lamp-1": LAMP}
    pipeline = CommandPipeline(outbox, BareLink(connected=True), metas.get, HOUR)
    pipeline.replay()
    assert pipeline.cancel(cmd.id).state is S.CANCELLED
    metas["fan-2"] = FAN
    assert pipeline.waiting_for_device() == set() and not pipeline._held_known()
    outbox.close()


# -- another transport for some devices only ----------------------------------------------------------
@dataclass
class PerDevice:
    """A transport for one discovered device; it names the device in what it says."""

    max_attempts: int = 1
    settle: bool = False
    published: list = field(default_factory=list)

    def publish(self, link, row):
        self.published.append((link, row.id))
        return Info(70 + len(self.published))

    def settle_on_delivery(self, row):
        return f"sent to {row.device_id}; it does not report its state" if self.settle else ""

    def timeout_detail(self, row):
        return f"{row.device_id} never showed level {row.command.params['level']}"


HA = DeviceMeta.from_json({"id": "ha-lamp", "capabilities": {
    "level": {"type": "int", "min": 0, "max": 100, "writable": True}}})


def test_a_transport_for_one_device_leaves_the_others_native(tmp_path):
    tr = PerDevice()
    rig = Rig(tmp_path, cfg=PipelineConfig(ack_timeout_s=0, max_attempts=5))
    pipeline = CommandPipeline(rig.outbox, rig.link, {"lamp-1": LAMP, "ha-lamp": HA}.get, rig.cfg,
                               transport_for={"ha-lamp": tr}.get)
    pipeline.replay()
    ha = pipeline.submit("ha-lamp", {"level": 9})
    native = pipeline.submit("lamp-1", {"level": 9})
    assert tr.published == [(rig.link, ha.id)] and sent_ids(rig.link) == [native.id]
    pipeline.on_delivered(71, True)
    pipeline.on_delivered(1, True)
    pipeline.sweep()  # ha-lamp: its one attempt is used; lamp-1: sent again, up to 5 times
    row = rig.outbox.get(ha.id)
    assert (row.state, row.error) == (S.TIMEOUT, "ha-lamp never showed level 9") and len(tr.published) == 1
    assert sent_ids(rig.link) == [native.id, native.id]
    rig.outbox.close()


def test_a_transport_that_can_never_confirm_says_so_for_its_device(tmp_path):
    tr = PerDevice(settle=True)
    rig = Rig(tmp_path)
    pipeline = CommandPipeline(rig.outbox, rig.link, {"lamp-1": LAMP, "ha-lamp": HA}.get, rig.cfg,
                               transport_for={"ha-lamp": tr}.get)
    pipeline.replay()
    q = pipeline.submit("ha-lamp", {"level": 9})
    pipeline.on_delivered(71, True)
    assert rig.steps(q.id)[-1] == (S.DELIVERED, "sent to ha-lamp; it does not report its state")
    assert pipeline.open_rows() == []
    rig.outbox.close()


# -- the sweeper thread ------------------------------------------------------------------------------
class FlakyOutbox(Outbox):
    """A real outbox whose first checkpoint fails (a full disk, say) and that counts the others."""

    def __init__(self, path):
        super().__init__(path)
        self.checkpoints = 0

    def checkpoint(self):
        self.checkpoints += 1
        if self.checkpoints == 1:
            raise OSError("disk full")
        return super().checkpoint()


def test_the_sweeper_times_out_unanswered_commands_checkpoints_and_survives_a_failure(tmp_path, caplog):
    outbox = FlakyOutbox(tmp_path / "o.sqlite3")
    link = BareLink(connected=True)
    cfg = PipelineConfig(ack_timeout_s=0.5, max_attempts=1, sweep_interval_s=0.02)
    pipeline = CommandPipeline(outbox, link, METAS.get, cfg)
    pipeline.start()
    try:
        wait_for(lambda: not pipeline._replay_wanted, timeout=20, what="the first replay")
        q = pipeline.submit("lamp-1", {"level": 1})
        pipeline.on_delivered(1, True)
        wait_for(lambda: outbox.get(q.id).state is S.TIMEOUT, timeout=20, what="the sweeper's ack timeout")
        assert outbox.get(q.id).error == "no device ack within 0.5 s after 1 attempt(s)"
        wait_for(lambda: outbox.checkpoints >= 3, timeout=20, what="checkpoints once a second")
    finally:
        pipeline.stop()
    assert errors(caplog) == ["command sweep failed"]  # the failed checkpoint, once; sweeping went on
    outbox.close()
