"""The Devices area's layout rules found by looking at the screenshots (issue 14): the side panel
gets what the table (800 px first) leaves, at least 340 px and at most 38 % of the width, until
the operator drags the splitter, so the state column
keeps its room at 1024 px; with the broker down the online column grows to "unknown (broker down
since …)" where there is room and, where there is not, keeps the word "unknown" (the cell elides at
its end, the id column in its middle).  Real registry, real Qt widgets."""

from __future__ import annotations

import json
import re
import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from console.core.fleet.registry import FleetRegistry
from console.core.protocol import device_topic
from console.ui.devices.qt_devices_panel import QtDevicesPanel
from console.ui.devices.qt_fleet_model import QtFleetModel

P = "layout"
COL = {c: i for i, c in enumerate(QtFleetModel.COLUMNS)}


def add(reg: FleetRegistry, dev: str, zone: str = "line-a") -> None:
    meta = {"id": dev, "name": dev.split("-")[0].title(), "kind": "motor", "zone": zone,
            "capabilities": {"running": {"type": "bool"}, "speed": {"type": "int", "min": 0, "max": 100,
                                                                     "unit": "rpm"}}}
    reg.ingest(device_topic(P, dev, "meta"), json.dumps(meta).encode())
    reg.ingest(device_topic(P, dev, "status"), b"online")
    reg.ingest(device_topic(P, dev, "state"), json.dumps(
        {"seq": 1, "ts": time.time(), "values": {"running": False, "speed": 0}}).encode())


@pytest.fixture
def make_panel(qtbot):
    panels = []

    def make(width: int) -> QtDevicesPanel:
        reg = FleetRegistry(P)
        for dev in ("conveyor-a", "conveyor-b", "sensor-warehouse-north-7c1a2a"):
            add(reg, dev)
        panel = QtDevicesPanel(reg)
        qtbot.addWidget(panel)
        panels.append(panel)
        panel.resize(width, 500)
        panel.show()
        qtbot.waitExposed(panel)
        panel.model.apply_pending()
        panel.fit_columns()
        return panel

    yield make
    for panel in panels:
        panel.shutdown()


def side_width(panel: QtDevicesPanel) -> int:
    return panel.splitter.sizes()[1]


@pytest.mark.parametrize("width", [1024, 1280, 1600, 2400])
def test_the_side_panel_takes_its_share_of_the_width_until_the_operator_drags(make_panel, qtbot, width):
    panel = make_panel(width)
    total = sum(panel.splitter.sizes())
    want = panel.side_width_for(total)
    qtbot.waitUntil(lambda: abs(side_width(panel) - want) <= 2, timeout=5000)
    assert panel.SIDE_MIN <= want <= max(panel.SIDE_MIN, total * panel.SIDE_SHARE)
    if width == 1024:
        assert side_width(panel) <= panel.SIDE_MIN + 2  # the table, not the mostly empty side, gets the room
    else:
        assert panel.splitter.sizes()[0] >= panel.TABLE_FIRST - 2  # the table first, then the side grows


def test_a_dragged_splitter_stays_where_the_operator_left_it_also_after_a_restart(make_panel, qtbot, tmp_path):
    panel = make_panel(1280)
    handle = panel.splitter.handle(1)
    panel.splitter.moveSplitter(600, 1)  # what a drag of the handle does (it emits splitterMoved)
    assert handle is not None and panel._splitter_user
    dragged = panel.splitter.sizes()
    panel.resize(1300, 500)
    qtbot.waitUntil(lambda: panel.splitter.width() >= 1290, timeout=5000)
    assert panel.splitter.sizes()[0] >= dragged[0]  # a resize keeps the operator's split, not 30 %
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    panel.save_state(settings)
    again = make_panel(1280)
    again.restore_state(settings)
    assert again._splitter_user
    fresh = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    make_panel(1280).save_state(fresh)  # never dragged: the next start fits again
    third = make_panel(1280)
    third.restore_state(fresh)
    assert not third._splitter_user


def elided(panel: QtDevicesPanel, row: int, col: int) -> str:
    """The text the cell paints: its column's delegate's elide mode at the column's width."""
    delegate = panel.table.itemDelegateForColumn(col)
    assert delegate is not None, col
    opt = QStyleOptionViewItem()
    opt.initFrom(panel.table)
    delegate.initStyleOption(opt, panel.table.model().index(row, col))
    return opt.fontMetrics.elidedText(opt.text, opt.textElideMode, panel.table.columnWidth(col) - 8)


def test_broker_down_the_online_column_says_unknown_whole_where_there_is_room(make_panel, qtbot):
    panel = make_panel(1600)
    panel.model.set_link_up(False, time.time())
    text = panel.model.item(0, COL["online"]).text()
    assert text.startswith("unknown (broker down since ")
    qtbot.waitUntil(lambda: panel.table.columnWidth(COL["online"]) >= min(
        panel.table.sizeHintForColumn(COL["online"]), 260), timeout=5000)
    assert panel.table.columnWidth(COL["state"]) >= panel.STATE_MIN
    panel.model.set_link_up(True, time.time())  # back up: the column returns to its default
    qtbot.waitUntil(lambda: panel.table.columnWidth(COL["online"]) == panel._default_widths[COL["online"]],
                    timeout=5000)


def test_broker_down_in_a_narrow_window_the_cell_still_reads_unknown(make_panel, qtbot):
    panel = make_panel(1024)
    panel.model.set_link_up(False, time.time())
    qtbot.wait(400)  # the debounced refit ran (nothing to grow into at 1024 px)
    shown = elided(panel, 0, COL["online"])
    assert shown != panel.model.item(0, COL["online"]).text() and shown.startswith("unkn"), shown
    state = elided(panel, 0, COL["state"])
    assert state.startswith("running="), state  # the state keeps its beginning too
    assert panel.table.itemDelegateForColumn(COL["id"]) is None  # ids elide in the middle (distinct tails)
    assert panel.table.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_a_long_id_keeps_its_head_and_its_distinct_tail(make_panel):
    panel = make_panel(1024)
    row = next(r for r in range(panel.table.model().rowCount())
               if panel.table.model().index(r, COL["id"]).data() == "sensor-warehouse-north-7c1a2a")
    assert not panel.table.wordWrap()  # wrapped at "-", the cell showed only "sensor-…"
    width = panel.table.columnWidth(COL["id"])
    opt = QStyleOptionViewItem()
    opt.initFrom(panel.table)
    shown = opt.fontMetrics.elidedText("sensor-warehouse-north-7c1a2a", panel.table.textElideMode(), width - 8)
    assert shown.startswith("sens") and shown.endswith("7c1a2a"), shown


def test_the_commands_view_shows_a_commands_whole_submit_time(qtbot, broker_cfg):
    """At 1024 px the time column read "20:11:2…" (70 px for "20:11:27.431"); at 1280 px the state
    column was past the right edge."""
    from tests.ui.devices.test_qt_device_controls import start_console

    app, sim, _confirm = start_console(qtbot, broker_cfg)
    try:
        app.window.resize(1024, 700)
        view = app.devices.commands_view
        app.devices.side.setCurrentWidget(view)
        row = app.services.commands.submit("lamp-office-1", {"power": True})
        qtbot.waitUntil(lambda: view.model.row_of(row.id) is not None, timeout=10000)
        col = view.model.COLUMNS.index("time")
        text = view.model.index(view.model.row_of(row.id), col).data()
        assert re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3}", text), text
        assert view.table.fontMetrics().horizontalAdvance(text) + 8 <= view.table.columnWidth(col), text
        # the command's state is on screen at 1024 and at 1280 px, before its command's text (it read
        # "SUCC…" past the origin at 1280, and was off the right edge at 1024)
        state = view.model.COLUMNS.index("state")
        qtbot.waitUntil(lambda: view.model.index(view.model.row_of(row.id), state).data() == "SUCCEEDED",
                        timeout=15000)
        for size in ((1024, 700), (1280, 760)):
            app.window.resize(*size)
            qtbot.waitUntil(lambda: view.table.columnViewportPosition(state) + view.table.columnWidth(state)
                            <= view.table.viewport().width(), timeout=5000)
        header = view.table.horizontalHeader()
        assert header.visualIndex(state) == header.visualIndex(view.model.COLUMNS.index("device")) + 1
        assert header.visualIndex(view.model.COLUMNS.index("command")) == header.visualIndex(state) + 1
    finally:
        app.close()
        sim.stop()


def test_a_cut_cell_without_its_own_tooltip_shows_its_whole_text_as_one(make_panel, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QToolTip

    panel = make_panel(1024)
    add(panel.registry, "fan-9", zone="warehouse-north-annex")
    panel.model.apply_pending()
    table, model = panel.table, panel.table.model()

    def ask(dev: str, col: str) -> bool:
        row = next(r for r in range(model.rowCount()) if model.index(r, COL["id"]).data() == dev)
        index = model.index(row, COL[col])
        opt = QStyleOptionViewItem()
        opt.initFrom(table)
        opt.rect = table.visualRect(index)
        pos = opt.rect.center()
        event = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
        return table.itemDelegateForColumn(COL[col]).helpEvent(event, table, opt, index)

    assert ask("fan-9", "zone") and QToolTip.text() == "warehouse-north-annex"  # "wareho…" on screen
    QToolTip.hideText()
    assert not ask("conveyor-a", "zone")  # "line-a" is whole: no tooltip


def test_the_audit_log_fits_the_side_panels_narrowest_width(qtbot, tmp_path):
    """At 1024 px (side panel 340 px) the audit page was laid out 493 px wide and cut at the panel's
    edge ("xport CSV.", the command's state out of sight): now it fits, every filter at its size."""
    from console.core.commands.outbox import Outbox
    from console.core.protocol import Command
    from console.ui.devices.qt_audit_view import QtAuditModel, QtAuditView

    ob = Outbox(tmp_path / "site.sqlite3")
    try:
        ob.add(Command.new("lamp-office-1", {"power": True}), 1)
        ob.add(Command.new("blinds-office", {"position": 40}), 1)
        view = QtAuditView(ob)
        qtbot.addWidget(view)
        page = QtDevicesPanel.SIDE_MIN - 14  # the tab's page inside the 340 px side panel (its frame)
        view.resize(page, 500)
        view.show()
        qtbot.waitExposed(view)
        view.refresh()
        assert view.minimumSizeHint().width() <= page and view.width() <= page  # laid out 493 px wide, cut
        for w in (view.export, view.search, view.state, view.origin, view.since, view.until):
            assert w.width() >= w.sizeHint().width() - 2, (w, w.width(), w.sizeHint().width())
        state = QtAuditModel.COLUMNS.index("state")
        assert view.table.columnViewportPosition(state) + view.table.columnWidth(state) \
            <= view.table.viewport().width()
    finally:
        ob.close()
