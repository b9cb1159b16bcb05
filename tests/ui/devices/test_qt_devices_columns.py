"""The device table's column widths: in a wide window name, id and zone grow to their text (capped)
while the state column keeps at least STATE_MIN; in a narrow one they keep their defaults; a column
the operator resized stays as they left it, also after a restart (real registry, real Qt widgets)."""

from __future__ import annotations

import json
import time

import pytest
from PySide6.QtCore import QSettings

from console.core.fleet.registry import FleetRegistry
from console.core.protocol import device_topic
from console.ui.devices.qt_devices_panel import QtDevicesPanel
from console.ui.devices.qt_fleet_model import QtFleetModel

P = "cols"
LONG_NAME = "Line A exhaust fan above the paint booth"
COL = {c: i for i, c in enumerate(QtFleetModel.COLUMNS)}


def add(reg: FleetRegistry, dev: str, name: str, zone: str) -> None:
    meta = {"id": dev, "name": name, "kind": "fan", "zone": zone,
            "capabilities": {"power": {"type": "bool"}}}
    reg.ingest(device_topic(P, dev, "meta"), json.dumps(meta).encode())
    reg.ingest(device_topic(P, dev, "status"), b"online")
    reg.ingest(device_topic(P, dev, "state"), json.dumps({"seq": 1, "ts": time.time(),
                                                          "values": {"power": True}}).encode())


@pytest.fixture
def make_panel(qtbot):
    panels = []

    def make(width: int) -> QtDevicesPanel:
        reg = FleetRegistry(P)
        add(reg, "fan-line-a-paint-booth-exhaust", LONG_NAME, "warehouse-north")
        add(reg, "fan-2", "Fan", "hall")
        panel = QtDevicesPanel(reg)
        qtbot.addWidget(panel)
        panels.append(panel)
        panel.resize(width, 400)
        panel.show()
        qtbot.waitExposed(panel)
        panel.model.apply_pending()
        panel.fit_columns()
        return panel

    yield make
    for panel in panels:
        panel.shutdown()


def widths(panel: QtDevicesPanel) -> dict[str, int]:
    return {c: panel.table.columnWidth(i) for c, i in COL.items()}


def test_a_wide_table_shows_whole_names_and_the_state_column_keeps_its_room(make_panel):
    panel = make_panel(1600)
    w = widths(panel)
    name_text = panel.table.sizeHintForColumn(COL["name"])
    assert panel._default_widths[COL["name"]] < w["name"] <= min(name_text, 220)
    assert w["id"] > panel._default_widths[COL["id"]]
    assert w["zone"] > panel._default_widths[COL["zone"]]
    assert w["state"] >= panel.STATE_MIN


def test_a_narrow_table_keeps_the_defaults(make_panel):
    panel = make_panel(700)
    w = widths(panel)
    for name in ("name", "id", "zone"):
        assert w[name] == panel._default_widths[COL[name]], name


def test_a_column_the_operator_resized_stays_as_set_also_after_a_restart(make_panel, qtbot, tmp_path):
    panel = make_panel(1600)
    panel.table.setColumnWidth(COL["name"], 90)  # as a drag on the header does
    panel.resize(1700, 400)
    panel.fit_columns()
    assert panel.table.columnWidth(COL["name"]) == 90
    assert panel.table.columnWidth(COL["id"]) > panel._default_widths[COL["id"]]  # the others still fit
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    panel.save_state(settings)
    again = make_panel(1600)
    again.restore_state(settings)
    again.fit_columns()
    assert again.table.columnWidth(COL["name"]) == 90
    assert again._user_sized == {COL["name"]}


def test_with_room_for_all_each_column_gets_its_whole_text_up_to_its_cap(make_panel):
    panel = make_panel(2600)
    for name, cap in panel.FIT_COLUMNS:
        col = COL[name]
        assert panel.table.columnWidth(col) == max(min(panel.table.sizeHintForColumn(col), cap),
                                                   panel._default_widths[col]), name
    assert panel.table.columnWidth(COL["name"]) == 220  # the long name is capped (its tooltip has it whole)
