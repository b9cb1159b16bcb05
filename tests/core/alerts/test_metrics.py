"""Metric rules: ack latency p95 from the real pipeline, TTFT p95, remote error rate and VRAM share
from a real inference Telemetry; each fires past its level and clears past the clear level."""

from __future__ import annotations

import numpy as np

from console.core.alerts.engine import AlertEngine
from console.core.alerts.metrics import ModelStats
from console.core.alerts.rules import parse_rules
from console.core.alerts.store import AlertStore
from console.core.inference.telemetry import Telemetry
from console.core.inference.types import RequestMetrics
from console.core.protocol import CommandState
from tests.conftest import wait_for
from tests.core.alerts.helpers import commands_end, meta, rule

ACK_RULE = rule("acks-slow", "Acks slow", "metric", metric="ack_latency_p95_s", above=1.0, clear=0.4, window_s=60,
                min_samples=3)
THREE = [{"power": True}, {"power": False}, {"power": True}]


def test_ack_latency_p95_fires_on_slow_acks_and_clears_on_fast_ones(rig, clock):
    side = rig.console(ACK_RULE, pipeline={"ack_timeout_s": 20})
    dev = rig.device(meta("lamp-slow"), ack_delay_s=1.5)
    wait_for(lambda: side.registry.meta("lamp-slow"), 15, what="the meta")
    commands_end(side, "lamp-slow", THREE, CommandState.SUCCEEDED, "three slow acks")
    side.engine.tick()
    [alert] = side.active("acks-slow")
    assert alert.value >= 1.5 and alert.device_id == ""
    clock.advance(61)  # the slow ones leave the window
    dev.ack_delay_s = 0.0
    commands_end(side, "lamp-slow", THREE, CommandState.SUCCEEDED, "three fast acks")
    side.engine.tick()
    assert side.active() == []


MODEL_RULES = (rule("ttft", "TTFT", "metric", metric="ttft_p95_s", above=2.0, clear=1.0, window_s=100, min_samples=3)
               + rule("remote", "Remote errors", "metric", metric="remote_error_rate", above=0.01, clear=0.005,
                      window_s=100, min_samples=10)
               + rule("vram", "VRAM", "metric", metric="vram_share", above=0.95, clear=0.9, for_s=30, min_samples=1))


def test_model_metrics_fire_and_clear(tmp_path, clock):
    engine = AlertEngine(AlertStore(tmp_path / "a.sqlite3"), parse_rules(MODEL_RULES), clock=clock)
    engine.on_link_state("connected", {})
    tel = Telemetry(hz=1.0, gpus=1)
    remote = [True]
    model = ModelStats(lambda: tel, is_remote=lambda: remote[0])
    model.attach(engine.metrics)
    try:
        for ttft in (2.5, 3.0, 2.8):
            tel.record_request(RequestMetrics(ttft_s=ttft, e2e_s=4.0), ok=True, now=clock())
        for _ in range(9):
            tel.record_request(RequestMetrics(ttft_s=0.2, e2e_s=1.0), ok=True, now=clock())
        tel.record_request(RequestMetrics(finish_reason="error"), ok=False, now=clock())  # 1 of 13 failed
        row = np.full(tel.samples.width, np.nan)
        row[0] = clock()
        row[tel.col(0, "nvml_used")], row[tel.col(0, "nvml_total")] = 97.0, 100.0
        tel.samples.append(row)
        engine.tick()
        assert {a.rule_id for a in engine.open_alerts()} == {"ttft", "remote"}  # vram waits its 30 s
        clock.advance(30)
        engine.tick()
        assert {a.rule_id for a in engine.open_alerts()} == {"ttft", "remote", "vram"}
        ttft = next(a for a in engine.open_alerts() if a.rule_id == "ttft")
        assert ttft.value > 2.0
        clock.advance(101)  # everything above leaves the window; fast, good requests come
        for _ in range(20):
            tel.record_request(RequestMetrics(ttft_s=0.3, e2e_s=1.0), ok=True, now=clock())
        row = row.copy()
        row[tel.col(0, "nvml_used")] = 50.0
        tel.samples.append(row)
        engine.tick()
        assert engine.open_alerts() == []
        remote[0] = False  # a local engine: the remote rule has nothing to judge
        assert engine.metrics.value("remote_error_rate", 100, clock()) == (None, 0)
    finally:
        model.detach()
        tel.close()
        engine.store.close()
