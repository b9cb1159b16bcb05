"""Telemetry: ring buffers, percentiles, the sampler thread, the JSON snapshot."""

from __future__ import annotations

import json

import numpy as np

from console.core.inference.telemetry import REQUEST_FIELDS, Ring, Telemetry, completed, percentiles
from console.core.inference.types import RequestMetrics
from tests.conftest import wait_for


def test_ring_keeps_the_newest_rows_in_order():
    r = Ring(4, 2)
    for i in range(6):
        r.append([i, i * 10])
    v = r.values()
    assert v[:, 0].tolist() == [2, 3, 4, 5] and len(r) == 4 and r.total == 6
    r.clear()
    assert len(r) == 0 and r.values().shape == (0, 2)


def test_percentiles_skip_missing_values():
    p = percentiles([1, 2, 3, 4, np.nan, 100])
    assert p[50] == 3.0 and 4 < p[95] <= 100
    assert percentiles([]) == {50: None, 95: None}


def test_sampler_records_rss_and_snapshot_is_json():
    tel = Telemetry(hz=50, window_s=5, gpus=None).start()
    try:
        wait_for(lambda: len(tel.samples) >= 5, 10, what="five samples")
    finally:
        tel.close()
    assert not tel.running
    s = tel.samples.values()
    assert np.all(s[:, 1] > 10 * 1024**2)  # the RSS of this process
    assert np.all(np.diff(s[:, 0]) >= 0)
    tel.record_request(RequestMetrics(queue_wait_s=0.1, ttft_s=0.2, e2e_s=1.2, prompt_tokens=5, new_tokens=11))
    tel.record_request(RequestMetrics(ttft_s=None, e2e_s=0.5, finish_reason="error"), ok=False)
    snap = json.loads(json.dumps(tel.snapshot(last_s=60)))  # strictly JSON (no NaN)
    assert len(snap["samples"]["t"]) == len(s) and snap["samples"]["rss"][0] > 0
    assert snap["requests"][0]["decode_tps"] == 10.0 and snap["requests"][1]["ttft_s"] is None
    assert snap["requests"][1]["ok"] == 0.0 and set(snap["requests"][0]) == set(REQUEST_FIELDS)
    assert snap["summary"]["requests"] == 2 and snap["summary"]["ttft_s"]["p50"] == 0.2
    assert len(snap["samples"]["gpus"]) == tel.gpus


def test_snapshot_window_drops_old_samples():
    tel = Telemetry(hz=1, window_s=100, gpus=1)
    tel.sample_once(now=1000.0)
    tel.sample_once()
    snap = tel.snapshot(last_s=60)
    assert len(snap["samples"]["t"]) == 1 and len(snap["samples"]["gpus"][0]["allocated"]) == 1
    tel.close()


def test_cancelled_requests_are_recorded_but_left_out_of_percentiles():
    tel = Telemetry(hz=1, window_s=10, gpus=0)
    for e2e in (1.0, 2.0, 3.0):
        tel.record_request(RequestMetrics(ttft_s=0.1, e2e_s=e2e, new_tokens=11))
    tel.record_request(RequestMetrics(ttft_s=0.1, e2e_s=100.0, new_tokens=3, cancelled=True, finish_reason="cancelled"))
    tel.record_request(RequestMetrics(ttft_s=None, e2e_s=50.0, finish_reason="error"), ok=False)
    rows = tel.requests.values()
    assert rows[:, REQUEST_FIELDS.index("cancelled")].tolist() == [0, 0, 0, 1, 0]
    assert completed(rows).tolist() == [True, True, True, False, False]
    s = tel.summary()
    assert s["requests"] == 5 and s["completed"] == 3 and s["cancelled"] == 1
    assert s["e2e_s"]["p50"] == 2.0 and s["e2e_s"]["p95"] <= 3.0  # 100 s (cancelled) and 50 s (failed) left out
    snap = json.loads(json.dumps(tel.snapshot(last_s=60)))
    assert snap["requests"][3]["cancelled"] == 1.0 and snap["summary"]["cancelled"] == 1
    tel.close()


def test_completed_of_no_rows_is_empty():
    assert completed(np.zeros((0, len(REQUEST_FIELDS)))).shape == (0,)
