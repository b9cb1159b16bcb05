"""Rows off screen follow the registry a bounded number per frame: with the frame over its time
budget (bench/ingest.py --ha 10000 on a busy machine: the GUI thread waiting for a CPU, or for the
GIL the link's thread holds) a frame still catches up OFFSCREEN_MIN_PER_FRAME rows and leaves the
rest for the next frames; no row is lost and the rows on screen are never held back."""

from __future__ import annotations

import json
import time

from console.core.fleet.registry import FleetRegistry
from console.core.protocol import device_topic
from console.ui.devices.qt_fleet_model import QtFleetModel

P = "budget"
N = 50


def meta(device_id: str) -> bytes:
    return json.dumps({"id": device_id, "name": device_id, "kind": "lamp", "zone": "hall",
                       "capabilities": {"level": {"type": "int", "min": 0, "max": 100}}}).encode()


def state(seq: int, level: int) -> bytes:
    return json.dumps({"seq": seq, "ts": time.time(), "values": {"level": level}}).encode()


def cell(model: QtFleetModel, dev: str) -> str:
    return model.index(model.row_of(dev), model.COLUMNS.index("state")).data() or ""


def test_an_over_budget_frame_catches_up_a_bounded_number_of_rows_in_order(qtbot):
    reg = FleetRegistry(P)
    devs = [f"lamp-{i:02d}" for i in range(N)]
    for dev in devs:
        reg.ingest(device_topic(P, dev, "meta"), meta(dev))
        reg.ingest(device_topic(P, dev, "state"), state(1, 1))
    model = QtFleetModel(reg, frame_ms=60_000)  # frames only when the test calls apply_pending
    model._frame.stop()
    model.apply_pending()
    assert model.rowCount() == N and all(cell(model, d) == "level=1" for d in devs)

    on_screen = {model.row_of("lamp-49")}
    model.visible_rows = lambda: sorted(on_screen)
    model.FRAME_BUDGET_S = 0.0  # every frame is over budget: only the guaranteed rows
    for dev in devs:
        reg.ingest(device_topic(P, dev, "state"), state(2, 2))

    assert model.apply_pending() == N  # all updated (the counters), whether filled now or later
    done = [d for d in devs if cell(model, d) == "level=2"]
    assert "lamp-49" in done  # on screen: filled in its frame, budget or not
    assert len(done) == model.OFFSCREEN_MIN_PER_FRAME + 1
    assert model.OFFSCREEN_MIN_PER_FRAME < N - 1  # so the rest really waited
    waiting = next(d for d in devs if d not in done)  # which rows went first is not the point: that the rest waited
    assert model.record(model.row_of(waiting)).values == {"level": 1}  # still the old one, for now

    frames = 1
    while not all(cell(model, d) == "level=2" for d in devs):
        model.apply_pending()
        frames += 1
        assert frames <= 1 + -(-(N - 1) // model.OFFSCREEN_MIN_PER_FRAME), "off-screen rows stopped following"
    assert all(model.record(model.row_of(d)).values == {"level": 2} for d in devs)


def test_within_budget_a_frame_catches_up_to_the_per_frame_maximum(qtbot):
    reg = FleetRegistry(P)
    devs = [f"lamp-{i:02d}" for i in range(N)]
    for dev in devs:
        reg.ingest(device_topic(P, dev, "meta"), meta(dev))
    model = QtFleetModel(reg, frame_ms=60_000)
    model._frame.stop()
    model.apply_pending()
    model.visible_rows = lambda: []
    model.FRAME_BUDGET_S = 3600.0  # never over budget: the count bound alone
    model.OFFSCREEN_PER_FRAME = 30
    for dev in devs:
        reg.ingest(device_topic(P, dev, "state"), state(1, 7))
    model.apply_pending()
    assert sum(cell(model, d) == "level=7" for d in devs) == 30
    model.apply_pending()
    assert all(cell(model, d) == "level=7" for d in devs)
