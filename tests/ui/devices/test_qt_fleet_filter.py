"""The devices table's "Online only" filter with some devices offline (a Last Will), some never heard
from, and some online: only the online ones stay, and a device going offline leaves on re-filter."""

from __future__ import annotations

import json

from console.core.fleet.registry import FleetRegistry
from console.core.protocol import device_topic
from console.ui.devices.qt_devices_panel import QtFleetFilter
from console.ui.devices.qt_fleet_model import QtFleetModel

P = "filt"


def meta(device_id: str, zone: str = "office") -> bytes:
    return json.dumps({"id": device_id, "name": device_id.title(), "kind": "lamp", "zone": zone,
                       "capabilities": {"power": {"type": "bool", "writable": True}}}).encode()


def visible(proxy: QtFleetFilter) -> set[str]:
    src = proxy.sourceModel()
    return {src.device_id(proxy.mapToSource(proxy.index(r, 0)).row()) for r in range(proxy.rowCount())}


def test_online_only_hides_offline_and_silent_devices(qtbot):
    reg = FleetRegistry(P)
    for dev in ("lamp-on", "lamp-off", "lamp-silent", "lamp-back"):
        reg.ingest(device_topic(P, dev, "meta"), meta(dev))
    reg.ingest(device_topic(P, "lamp-on", "status"), b"online")
    reg.ingest(device_topic(P, "lamp-off", "status"), b"online")
    reg.ingest(device_topic(P, "lamp-off", "status"), b"offline")  # its Last Will
    reg.ingest(device_topic(P, "lamp-back", "status"), b"offline")
    reg.ingest(device_topic(P, "lamp-back", "status"), b"online")
    model = QtFleetModel(reg)
    model.apply_pending()
    proxy = QtFleetFilter()
    proxy.setSourceModel(model)
    assert visible(proxy) == {"lamp-on", "lamp-off", "lamp-silent", "lamp-back"}
    proxy.set_filters(online_only=True)
    assert visible(proxy) == {"lamp-on", "lamp-back"}
    reg.ingest(device_topic(P, "lamp-on", "status"), b"offline")
    model.apply_pending()
    proxy.set_filters()  # the panel re-filters once a second while the box is ticked
    assert visible(proxy) == {"lamp-back"}
    proxy.set_filters(online_only=False)
    assert len(visible(proxy)) == 4
