"""Input (issue 14): out-of-range typing is refused visibly and sends nothing; keyboard steps on a
slider coalesce into one command (real Mosquitto, real simulator, real Qt event loop)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.devices.test_qt_device_controls import click_device, console  # noqa: F401


def test_six_slider_key_presses_send_one_command(qtbot, console):
    app, sim, _ = console
    controls = click_device(qtbot, app.devices, "lamp-office-1")
    ctl = controls.controls["level"]
    start = ctl.slider.value()
    ctl.slider.setFocus()
    for _ in range(6):
        qtbot.keyClick(ctl.slider, Qt.Key.Key_Up if start < 50 else Qt.Key.Key_Down)
    target = start + 6 if start < 50 else start - 6
    assert ctl.spin.value() == target
    qtbot.waitUntil(lambda: sim.devices["lamp-office-1"].values["level"] == target, timeout=10000)
    qtbot.waitUntil(lambda: "SUCCEEDED" in controls.status.text(), timeout=10000)
    # the pause timer fired once (the command above) and is not armed again: no second command can
    # follow (submits are synchronous: a command sent per key press would already be in the outbox)
    assert not ctl._pending.isActive()
    assert app.services.commands.outbox.count() == 1
    assert len(sim.devices["lamp-office-1"].applied_ids) == 1


def test_spinbox_refuses_out_of_range_typing(qtbot, console):
    app, sim, _ = console
    controls = click_device(qtbot, app.devices, "lamp-office-1")
    ctl = controls.controls["level"]
    spin = ctl.spin
    assert (spin.minimum(), spin.maximum()) == (0, 100)
    before = spin.value()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "150")
    assert not ctl.refusal.isHidden() and ctl.refusal.text() == "150 is above the maximum 100"
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert not ctl.refusal.isHidden() and ctl.refusal.text() == "150 is above the maximum 100"
    assert "c0392b" in spin.styleSheet()
    assert spin.value() == before and "150" not in spin.text()  # not truncated to 15, not clamped to 100
    assert not ctl._pending.isActive()  # nothing waits to be sent later either
    assert app.services.commands.outbox.count() == 0
    # a value in range goes, and the refusal clears
    spin.selectAll()
    qtbot.keyClicks(spin, "55")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert ctl.refusal.isHidden() and spin.styleSheet() == ""
    qtbot.waitUntil(lambda: sim.devices["lamp-office-1"].values["level"] == 55, timeout=10000)
    assert app.services.commands.outbox.count() == 1
