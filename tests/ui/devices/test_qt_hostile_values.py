"""Nothing blocks the frame (issue 13): hostile numbers on the selected device and an unexpected error
in a view leave the device table updating, and the error is shown once, in a non-modal box."""

from __future__ import annotations

import json

import pytest

from console.core.fleet.registry import FleetRegistry
from console.core.protocol import device_topic
from console.ui.devices.qt_devices_panel import QtDevicesPanel
from console.ui.shell.qt_errors import QtErrorReporter

P = "hv"


def meta(dev: str, caps: dict) -> bytes:
    return json.dumps({"id": dev, "name": dev, "kind": "k", "zone": "z", "capabilities": caps}).encode()


def feed(reg: FleetRegistry, dev: str, kind: str, body: bytes) -> None:
    reg.ingest(device_topic(P, dev, kind), body)


def state(seq: int, **values) -> bytes:
    return json.dumps({"seq": seq, "ts": 1.0, "values": values}).encode()


@pytest.fixture
def panel(qtbot):
    reg = FleetRegistry(P)
    feed(reg, "sensor-1", "meta", meta("sensor-1", {"temp": {"type": "float"}}))
    feed(reg, "odd-1", "meta", meta("odd-1", {
        "big": {"type": "int", "min": -(2**53), "max": 2**53, "writable": True},
        "wide": {"type": "float", "min": -1e15, "max": 1e15, "step": 1e-3, "writable": True},
        "level": {"type": "int", "min": 0, "max": 100, "writable": True}}))
    p = QtDevicesPanel(reg)
    qtbot.addWidget(p)
    p.resize(900, 400)
    p.show()
    qtbot.waitUntil(lambda: p.model.rowCount() == 2)
    p.select_device("odd-1")
    return p


def cell(panel, dev: str) -> str:
    model = panel.model
    return model.index(model.row_of(dev), model.COLUMNS.index("state")).data() or ""


def keeps_updating(qtbot, panel, start: int, times: int = 3) -> None:
    for i in range(start, start + times):
        feed(panel.registry, "sensor-1", "state", state(i, temp=20.0 + i))
        qtbot.waitUntil(lambda i=i: f"temp={20.0 + i:.1f}" in cell(panel, "sensor-1"), timeout=3000)


def test_hostile_numbers_on_the_selected_device_leave_the_table_updating(qtbot, panel):
    reg = panel.registry
    feed(reg, "odd-1", "state", b'{"seq": 1, "ts": 1.0, "values": {"big": NaN, "level": Infinity}}')
    feed(reg, "odd-1", "state", state(2, big=2**52, wide=-1e15, level=3_000_000_000))
    feed(reg, "odd-1", "meta", b'{"id": "odd-1", "capabilities": {"level": {"type": "int", "max": NaN}}}')
    feed(reg, "odd-1", "meta", meta("odd-1", {"level": {"type": "int", "max": 10**30}}))
    keeps_updating(qtbot, panel, 1)
    assert reg.get("odd-1").values == {"big": 2**52, "wide": -1e15}  # NaN, inf, 3e9 refused
    controls = panel.controls.controls
    qtbot.waitUntil(lambda: controls["big"].spin.value() == float(2**52))
    assert controls["wide"].spin.value() == -1e15 and controls["level"].spin.value() == 0
    assert reg.rejected_by_reason() == {"malformed": 2, "invalid_meta": 1}
    assert reg.get("odd-1").bad_values == 1  # level 3e9 is above its maximum 100


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_view_is_shown_once_without_blocking_the_frame(qtbot, panel):
    reporter = QtErrorReporter(show_dialogs=True)
    reporter.install()
    failures = []

    def broken_view(ids):  # a view's bug, raised inside the frame timer's slot
        if "odd-1" in ids:
            failures.append(ids)
            raise ValueError("cannot show that value")

    panel.model.devicesUpdated.connect(broken_view)
    try:
        feed(panel.registry, "odd-1", "state", state(1, level=5))
        qtbot.waitUntil(lambda: reporter.box is not None and reporter.box.isVisible(), timeout=3000)
        assert not reporter.box.isModal()
        keeps_updating(qtbot, panel, 1)  # rows keep changing while the error is shown
        feed(panel.registry, "odd-1", "state", state(2, level=6))  # the same error again
        qtbot.waitUntil(lambda: len(failures) == 2 and reporter.count == 2)
        reporter.box.close()
        feed(panel.registry, "odd-1", "state", state(3, level=7))
        qtbot.waitUntil(lambda: reporter.count == 3)
        keeps_updating(qtbot, panel, 10)
        assert reporter.box is None and reporter.shown == ["ValueError: cannot show that value"]
    finally:
        panel.model.devicesUpdated.disconnect(broken_view)
        reporter.uninstall()
