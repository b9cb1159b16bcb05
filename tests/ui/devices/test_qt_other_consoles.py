"""Issue 15, failure 8, as the operator sees it: a second console's command on the same broker shows
in the first console's Commands and Audit views, marked with the second console's id, read-only.
The real console (build_services + ConsoleApp), a second core console, real Mosquitto, real Qt."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core.commands.pipeline import PipelineConfig
from console.core.paths import user_data_dir
from console.core.protocol import CommandState
from tests.core.commands.test_pipeline import Console
from tests.ui.devices.test_qt_device_controls import start_console

S = CommandState
LAMP = "lamp-office-1"


def test_a_second_consoles_command_shows_marked_and_read_only_in_commands_and_audit(qtbot, broker_cfg):
    app, sim, _confirm = start_console(qtbot, broker_cfg)
    second = Console(broker_cfg.with_client_id("console-bench-2"), PipelineConfig(ack_timeout_s=5),
                     outbox_path=user_data_dir() / "second.sqlite3")
    try:
        second.start(wait_devices=(LAMP,))
        theirs = second.pipeline.submit(LAMP, {"level": 33})
        assert second.wait_terminal(theirs.id) is S.SUCCEEDED
        view = app.devices.commands_view
        model = view.model
        qtbot.waitUntil(lambda: model.row_of(theirs.id) is not None
                        and model.row(model.row_of(theirs.id)).state is S.SUCCEEDED, timeout=10000)
        i = model.row_of(theirs.id)
        origin = model.index(i, model.COLUMNS.index("origin"))
        assert model.data(origin) == "operator · console-bench-2"
        assert "Sent by console-bench-2, not by this console" in model.data(origin, Qt.ItemDataRole.ToolTipRole)
        assert model.data(origin, Qt.ItemDataRole.FontRole).italic()
        view.table.selectRow(i)
        assert view.selected().id == theirs.id and not view.cancel_button.isEnabled()
        ours = app.services.commands.submit(LAMP, {"level": 34})
        qtbot.waitUntil(lambda: model.row_of(ours.id) is not None, timeout=10000)
        mine = model.index(model.row_of(ours.id), model.COLUMNS.index("origin"))
        assert model.data(mine) == "operator" and not model.data(mine, Qt.ItemDataRole.FontRole)

        audit = app.devices.audit_view
        audit.refresh()
        rows = {r.id: n for n, r in enumerate(audit.model.rows)}
        assert theirs.id in rows and ours.id in rows
        cell = audit.model.index(rows[theirs.id], audit.model.COLUMNS.index("origin"))
        assert audit.model.data(cell) == "operator · console-bench-2"
        assert audit.model.data(cell, Qt.ItemDataRole.FontRole).italic()
        assert audit.model.data(audit.model.index(rows[theirs.id], audit.model.COLUMNS.index("state"))) == "SUCCEEDED"
        assert app.services.commands.outbox.get(theirs.id) is None  # never in this console's outbox
        audit.device.setText("nosuch")
        audit.refresh()
        assert audit.model.rows == []  # the filter applies to theirs as to ours
    finally:
        second.stop()
        app.close()
        sim.stop()


def test_a_device_clock_ten_minutes_ahead_is_shown_in_the_fleet_table(qtbot, broker_cfg):
    from console.core.demo.simulator import Simulator
    from console.core.fleet.catalog import load_fleet
    from console.core.services import build_services
    from console.ui.shell.qt_app import ConsoleApp, make_application

    make_application()
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=2, seed=6, clock_offset_s=600.0)
    sim.start(wait=10)
    app = ConsoleApp(build_services(broker_url=f"mqtt://{broker_cfg.host}:{broker_cfg.port}",
                                    prefix=broker_cfg.prefix))
    qtbot.addWidget(app.window)
    try:
        app.start()
        model = app.devices.model
        col = model.COLUMNS.index("online")
        sensor = next(m.id for m in load_fleet().devices if m.kind == "sensor")  # publishes twice a second

        def cell():
            row = model.row_of(sensor)
            return None if row is None else model.item(row, col)
        qtbot.waitUntil(lambda: cell() is not None and cell().text() == "online · clock +600 s off", timeout=15000)
        assert cell().toolTip().startswith("Device clock: +600.")
    finally:
        app.close()
        sim.stop()


def test_the_audit_view_shows_another_consoles_commands_after_a_restart(qtbot, tmp_path):
    """The recorder's file (``OtherConsoles(path=...)``) read back by a console started again: the
    Audit view lists the other console's command, marked with its id, next to this site's own."""
    import json
    from types import SimpleNamespace

    from console.core.commands.others import OtherConsoles
    from console.core.commands.outbox import Outbox
    from console.core.protocol import Command, DeviceTopic, device_topic
    from console.ui.devices.qt_audit_view import QtAuditView
    from console.ui.shell.qt_app import make_application

    make_application()
    path = tmp_path / "site.others.sqlite3"
    before = OtherConsoles("p", lambda _id: None, path=path)
    theirs = Command.new(LAMP, {"level": 0}, now=1_000.0)
    before.on_command(device_topic("p", LAMP, "cmd"), json.dumps({**theirs.payload(), "console": "station-2"}).encode(),
                      DeviceTopic(LAMP, "cmd"))
    before.close()

    ob = Outbox(tmp_path / "site.sqlite3")
    ours = Command.new(LAMP, {"level": 9}, now=2_000.0)
    ob.add(ours, 1)
    after = OtherConsoles("p", lambda _id: None, path=path)  # the restart
    try:
        view = QtAuditView(ob, pipeline=SimpleNamespace(others=after))
        qtbot.addWidget(view)
        view.refresh()
        assert [r.id for r in view.model.rows] == [ours.id, theirs.id]
        cell = view.model.index(1, view.model.COLUMNS.index("origin"))
        assert view.model.data(cell) == "operator · station-2"
        assert view.model.data(cell, Qt.ItemDataRole.FontRole).italic()
        assert view.model.data(view.model.index(1, view.model.COLUMNS.index("state"))) == "DELIVERED"
    finally:
        after.close()
        ob.close()
