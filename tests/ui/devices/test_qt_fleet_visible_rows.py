"""The device table's rows on screen: which they are is mapped again only when it can have changed
(a scroll, a sort, a filter, a resize), not at every frame; a row scrolled into view shows its
device's newest record even if the off-screen catch-up had not reached it; the broker going down
redraws the rows on screen at once and the others through the catch-up; a row whose record did not
change costs no cell update (real registry, real Qt widgets, offscreen)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from console.core.fleet.registry import FleetRegistry
from console.core.protocol import device_topic
from console.ui.devices.qt_devices_panel import QtDevicesPanel
from console.ui.devices.qt_fleet_model import QtFleetModel
from tests.ui.devices.test_qt_fleet_frame_budget import meta, state

P = "vis"
N = 300


def cell(model: QtFleetModel, dev: str, column: str = "state") -> str:
    return model.index(model.row_of(dev), model.COLUMNS.index(column)).data() or ""


@pytest.fixture
def panel(qtbot):
    reg = FleetRegistry(P)
    for i in range(N):
        dev = f"lamp-{i:03d}"
        reg.ingest(device_topic(P, dev, "meta"), meta(dev))
        reg.ingest(device_topic(P, dev, "status"), b"online")
        reg.ingest(device_topic(P, dev, "state"), state(1, 1))
    panel = QtDevicesPanel(reg)
    qtbot.addWidget(panel)
    panel.model._frame.stop()  # frames only when the test calls apply_pending
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.model.apply_pending()
    panel._update_rates()  # sorted by id, as the table shows it once a second
    assert panel.model.rowCount() == N
    yield panel, reg
    panel.shutdown()


def test_rows_on_screen_are_mapped_again_on_scroll_and_sort_not_at_every_frame(qtbot, panel):
    panel, reg = panel
    model = panel.model
    first = model.visible_rows()
    assert first and first == frozenset(panel._compute_visible_rows())
    assert model.row_of("lamp-000") in first and model.row_of(f"lamp-{N - 1:03d}") not in first
    computed = panel.visible_computations
    for seq in range(2, 12):  # frames with updates to every row, nothing scrolled
        for i in range(N):
            reg.ingest(device_topic(P, f"lamp-{i:03d}", "state"), state(seq, seq))
        model.apply_pending()
    assert panel.visible_computations == computed
    assert model.visible_rows() is first  # the same set, kept

    panel.table.scrollToBottom()
    bottom = model.visible_rows()
    assert panel.visible_computations > computed
    assert bottom == frozenset(panel._compute_visible_rows()) and bottom != first
    assert model.row_of(f"lamp-{N - 1:03d}") in bottom

    computed = panel.visible_computations
    panel.table.sortByColumn(model.COLUMNS.index("id"), Qt.SortOrder.DescendingOrder)
    assert model.visible_rows() == frozenset(panel._compute_visible_rows())
    assert panel.visible_computations > computed
    assert model.row_of(f"lamp-{N - 1:03d}") not in model.visible_rows()  # now first: the view is at the bottom

    computed = panel.visible_computations
    panel.search.setText("lamp-01")  # a filter: ten rows left (the view scrolls back up as it lays them out)
    qtbot.waitUntil(lambda: len(model.visible_rows()) == 10, timeout=10000)
    assert model.visible_rows() == frozenset(panel._compute_visible_rows()) and panel.visible_computations > computed
    assert {model.device_id(r) for r in model.visible_rows()} == {f"lamp-01{i}" for i in range(10)}


def test_a_row_scrolled_into_view_shows_its_newest_record(qtbot, panel):
    panel, reg = panel
    model = panel.model
    last = f"lamp-{N - 1:03d}"
    assert model.row_of(last) not in model.visible_rows()
    model.OFFSCREEN_PER_FRAME = 0  # the catch-up never reaches it: only the scroll can
    reg.ingest(device_topic(P, last, "state"), state(5, 55))
    assert model.apply_pending() == 1
    assert cell(model, last) == "level=1"  # off screen: still the old text
    panel.table.scrollToBottom()
    assert cell(model, last) == "level=55"  # filled from the registry's record as it came into view
    assert model.record(model.row_of(last)).values == {"level": 55}


def test_broker_down_redraws_rows_on_screen_at_once_and_the_rest_through_the_catch_up(qtbot, panel):
    panel, reg = panel
    model = panel.model
    on_screen = model.visible_rows()
    shown = [model.device_id(r) for r in on_screen]
    hidden = [d for d in (f"lamp-{i:03d}" for i in range(N)) if model.row_of(d) not in on_screen]
    model.set_link_up(False, time.time())
    assert all(cell(model, d, "online").startswith("unknown (broker down since ") for d in shown)
    assert all(cell(model, d, "online") == "online" for d in hidden)  # not all in one frame
    frames = 0
    while not all(cell(model, d, "online").startswith("unknown (broker down") for d in hidden):
        model.apply_pending()
        frames += 1
        assert frames <= -(-len(hidden) // model.OFFSCREEN_MIN_PER_FRAME), "rows off screen stopped following"
    model.set_link_up(True, time.time())
    assert all(cell(model, d, "online") == "online" for d in shown)


def test_off_screen_rows_catch_up_once_updates_stop(qtbot, panel):
    panel, reg = panel
    model = panel.model
    model.FRAME_BUDGET_S = 0.0  # every frame over budget: only the guaranteed rows
    for i in range(N):
        reg.ingest(device_topic(P, f"lamp-{i:03d}", "state"), state(2, 42))
    assert model.apply_pending() == N
    behind = [d for d in (f"lamp-{i:03d}" for i in range(N)) if cell(model, d) != "level=42"]
    assert behind and all(model.row_of(d) not in model.visible_rows() for d in behind)
    frames = 1
    while behind:
        model.apply_pending()  # no more updates: only the catch-up works
        behind = [d for d in behind if cell(model, d) != "level=42"]
        frames += 1
        assert frames <= 1 + -(-N // model.OFFSCREEN_MIN_PER_FRAME), "rows off screen stopped following"
    assert all(model.record(r).values == {"level": 42} for r in range(N))


def test_a_row_whose_record_did_not_change_sets_no_cell(qtbot, panel):
    panel, reg = panel
    model = panel.model
    dev = model.device_id(min(model.visible_rows()))
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, roles: changes.append((top.row(), top.column())))
    reg.ingest(device_topic(P, dev, "state"), state(7, 70))
    model.apply_pending()
    row = model.row_of(dev)
    touched = {c for r, c in changes if r == row}
    assert model.COLUMNS.index("state") in touched and cell(model, dev) == "level=70"
    assert not touched & {model.COLUMNS.index(c) for c in ("id", "name", "zone", "kind", "source")}
    changes.clear()
    rec = model.record(row)
    model._fill(None, rec, row, time.time())  # the same record again: nothing to set (but its age,
    assert {c for r, c in changes if r == row} <= {model.COLUMNS.index("updated")}  # if a second passed)


def test_a_row_a_filter_brings_into_view_shows_its_newest_record_at_the_next_frame(qtbot, panel):
    panel, reg = panel
    model = panel.model
    last = f"lamp-{N - 1:03d}"
    model.OFFSCREEN_PER_FRAME = 0  # the catch-up never reaches it
    reg.ingest(device_topic(P, last, "state"), state(5, 66))
    model.apply_pending()
    assert cell(model, last) == "level=1"
    panel.search.setText(last)  # no scroll: the filter alone brings it into view
    qtbot.waitUntil(lambda: model.visible_rows() == {model.row_of(last)}, timeout=10000)
    model.apply_pending()  # nothing new for it: the frame sees the rows on screen changed
    assert cell(model, last) == "level=66"
