"""One timeline per command, against real Mosquitto and the simulator: every step, in order, with
its time; the steps on disk survive a restart; the pure merge of transitions and marks."""

from __future__ import annotations

import pytest

from console.core.commands.outbox import Outbox
from console.core.commands.pipeline import ConfirmationRequired
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.inference.types import RequestMetrics
from console.core.protocol import Command, CommandState
from console.core.services import build_services
from console.core.telemetry.config import TelemetryConfig
from console.core.telemetry.timeline import Mark, build_timeline, model_mark, timeline_for
from tests.conftest import wait_for

S = CommandState
FULL = ["origin", "validated", "persisted", "published", "delivered", "accepted", "succeeded"]


@pytest.fixture
def running(broker_cfg, tmp_path):
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=7)
    sim.start(wait=10)
    svc = build_services(broker_url=None, cfg=broker_cfg, outbox_path=tmp_path / "outbox.sqlite3",
                         telemetry=TelemetryConfig())
    svc.start_blocking()
    try:
        wait_for(lambda: svc.registry.meta("pump-cooling") is not None, what="the fleet's meta")
        yield svc
    finally:
        svc.stop()
        sim.stop()


def test_a_command_has_every_step_in_order_with_its_time(running):
    svc = running
    assert not svc.telemetry.tracing and "no OTLP endpoint" in svc.telemetry.tracing_status
    row = svc.commands.submit("lamp-office-1", {"power": True, "level": 30})
    wait_for(lambda: svc.commands.get(row.id).state is S.SUCCEEDED, timeout=20, what="SUCCEEDED")
    tl = svc.telemetry.timelines.timeline(row.id)
    assert tl.names == FULL
    assert tl.step("origin").detail == "click" and tl.origin == "operator"
    assert tl.step("published").attrs["attempt"] == 1 and tl.step("published").attrs["rc"] == 0
    assert tl.step("delivered").detail == "PUBACK" and tl.qos == 1
    ends = [s.end for s in tl.steps]
    assert ends == sorted(ends) and all(s.start <= s.end for s in tl.steps)
    assert tl.total_s == pytest.approx(tl.steps[-1].end - tl.steps[0].start)
    assert tl.trace == ""  # tracing off: no traceparent, nothing on the wire


def test_a_high_risk_command_is_delivered_by_pubcomp(running):
    svc = running
    with pytest.raises(ConfirmationRequired) as asked:
        svc.commands.submit("pump-cooling", {"running": True})
    row = svc.commands.submit("pump-cooling", {"running": True}, confirmed=asked.value.confirmation())
    wait_for(lambda: svc.commands.get(row.id).state is S.SUCCEEDED, timeout=20, what="SUCCEEDED")
    tl = timeline_for(svc.commands, row.id)
    assert tl.qos == 2 and tl.step("delivered").detail == "PUBCOMP"
    assert tl.names == FULL  # the refused first submit left no step


def test_the_steps_on_disk_survive_a_restart(running, tmp_path):
    svc = running
    row = svc.commands.submit("lamp-office-2", {"power": True})
    wait_for(lambda: svc.commands.get(row.id).state is S.SUCCEEDED, timeout=20, what="SUCCEEDED")
    svc.commands.stop()
    reopened = Outbox(tmp_path / "outbox.sqlite3")
    try:
        history = reopened.history(row.id)
        tl = build_timeline(reopened.get(row.id), history, marks=())  # a new process: no marks in memory
    finally:
        reopened.close()
    assert tl.names == ["persisted", "published", "delivered", "accepted", "succeeded"]
    assert tl.step("published").detail == "attempt 1"


def test_another_consoles_command_has_no_timeline_here(running):
    assert timeline_for(running.commands, "not-ours") is None


def test_build_timeline_merges_transitions_marks_and_the_model(tmp_path):
    outbox = Outbox(tmp_path / "o.sqlite3")
    try:
        cmd = Command.new("fan-line-a", {"power": True}, origin="assistant", now=100.0)
        row = outbox.add(cmd, 1, now=100.0)  # queued first (link down), sent later, twice
        row = outbox.transition(row, S.SENT, detail="attempt 1", attempts=1, now=101.0)
        row = outbox.transition(row, S.SENT, detail="attempt 2", attempts=2, now=111.0)
        row = outbox.transition(row, S.DELIVERED, detail="PUBACK", now=111.5)
        row = outbox.transition(row, S.TIMEOUT, detail="no device ack", now=122.0)
        marks = [Mark("validated", 99.8, 99.9, {}), Mark("published", 111.0, 111.1, {"attempt": 2}),
                 model_mark(RequestMetrics(ttft_s=0.3, e2e_s=1.0, prompt_tokens=50, new_tokens=9), ended_at=99.5)]
        tl = build_timeline(row, outbox.history(row.id), marks)
    finally:
        outbox.close()
    assert tl.names == ["model", "origin", "validated", "persisted", "published", "published", "delivered",
                        "timeout"]
    assert tl.step("origin").detail == "words"
    model = tl.step("model")
    assert (model.start, model.end) == (98.5, 99.5)
    assert model.attrs == {"prompt_tokens": 50, "new_tokens": 9, "ttft_s": 0.3, "decode_s": 0.7,
                           "decode_tps": pytest.approx(8 / 0.7)}
    first, second = [s for s in tl.steps if s.name == "published"]
    assert first.detail == "attempt 1" and (first.start, first.end) == (100.0, 101.0)  # from the outbox only
    assert second.attrs["attempt"] == 2 and (second.start, second.end) == (111.0, 111.1)
    assert tl.step("delivered").duration_s == pytest.approx(0.4)
    assert tl.step("timeout").duration_s == pytest.approx(10.5)
    assert tl.total_s == pytest.approx(122.0 - 98.5)
