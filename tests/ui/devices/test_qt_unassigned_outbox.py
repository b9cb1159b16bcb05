"""The upgrade to one outbox per broker site, as the operator sees it: the commands an earlier console
left open in the shared outbox are moved out and sent nowhere again (tests/core/test_services_outbox_
migration.py), and the console says so at that start and lists them in its audit log under
"Unassigned".  Real SQLite files in the test's data dir, the real services and a real Qt event loop."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt

from console.core.demo.broker import free_port
from console.core.commands.outbox import AuditFilter, Outbox
from console.core.paths import user_data_dir
from console.core.protocol import Command, CommandState
from console.core.commands.migration import LEGACY_OUTBOX, unassigned_outbox_path
from console.core.services import build_services
from console.ui.shell.qt_app import ConsoleApp, make_application
from console.ui.devices.qt_audit_view import QtAuditView
from tests.core.commands.test_migration import _seed_legacy
from tests.ui.devices.test_qt_device_controls import start_console

S = CommandState


def _console(qtbot) -> ConsoleApp:
    # no broker listens there: the link retries in the background, the console runs as it would
    svc = build_services(broker_url=f"mqtt://127.0.0.1:{free_port()}", prefix="site-a")
    app = ConsoleApp(svc)
    qtbot.addWidget(app.window)
    app.start()
    return app


def test_moved_commands_are_told_once_and_listed_under_unassigned(qtbot, tmp_path):
    make_application()
    open_ids, done_id = _seed_legacy(user_data_dir() / LEGACY_OUTBOX)
    app = _console(qtbot)
    try:
        assert [r.id for r in app.services.unassigned] == open_ids
        msg = app.window.statusBar().currentMessage()
        assert msg.startswith("3 open command(s) from before the upgrade were not sent again"), msg
        assert "none was sent again" in app.unassigned_message
        for dev in ("lamp-office-1", "fan-line-a", "pump-cooling"):
            assert dev in app.unassigned_details
        assert "lamp-office-2" not in app.unassigned_details  # it had finished: it stays where it was

        audit = app.devices.audit_view
        app.devices.side.setCurrentWidget(audit)
        assert audit.source.isVisibleTo(audit) and audit.source.count() == 2
        assert audit.model.rowCount() == 0  # this site's outbox is new
        audit.source.setCurrentIndex(audit.source.findData("unassigned"))
        assert sorted(r.id for r in audit.model.rows) == sorted(open_ids)
        assert {r.state for r in audit.model.rows} == {S.QUEUED, S.SENT, S.DELIVERED}  # still open, as left
        assert "3 command(s)" in audit.info.text()
        audit.device.setText("fan")
        audit.refresh()
        assert [r.device_id for r in audit.model.rows] == ["fan-line-a"]
        out = tmp_path / "unassigned.csv"
        audit.choose_path = lambda parent: str(out)
        assert audit.export_csv() == str(out)
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert [r["device"] for r in rows] == ["fan-line-a"] and "not replayed" in rows[0]["transitions"]
        audit.device.clear()
        audit.source.setCurrentIndex(audit.source.findData("site"))
        assert audit.model.rowCount() == 0  # nothing of it joined this site
    finally:
        app.close()

    # the next start: nothing is moved or told again; the audit log still offers the file
    app = _console(qtbot)
    try:
        assert app.services.unassigned == []
        assert "upgrade" not in app.window.statusBar().currentMessage()
        audit = app.devices.audit_view
        assert audit.source.count() == 2
        audit.source.setCurrentIndex(1)
        assert sorted(r.id for r in audit.model.rows) == sorted(open_ids)
    finally:
        app.close()


def test_a_failed_move_is_told_and_the_site_runs(qtbot):
    """The unassigned file cannot be made (its name is taken by a folder): a site starts anyway, sends
    none of the old commands, and the operator is told why and that it is tried again."""
    make_application()
    legacy = user_data_dir() / LEGACY_OUTBOX
    open_ids, _ = _seed_legacy(legacy)
    unassigned_outbox_path().mkdir(parents=True)
    app = _console(qtbot)
    try:
        assert app.services.unassigned == [] and "outbox-unassigned.sqlite3" in app.services.unassigned_error
        assert app.window.statusBar().currentMessage().startswith("The old shared outbox could not be sorted out")
        assert "tried again at the next start" in app.warning_message
        assert app.services.unassigned_error in app.warning_message
        assert app.services.commands.open_rows() == []  # none of them is sent from this site
        audit = app.devices.audit_view
        assert audit.source.count() == 1  # a folder is not a file to list
    finally:
        app.close()
    ob = Outbox(legacy)
    try:
        assert [r.id for r in ob.open_commands()] == open_ids  # nothing lost: moved at a later start
    finally:
        ob.close()


def test_no_unassigned_file_no_source_choice(qtbot, tmp_path):
    make_application()
    ob = Outbox(tmp_path / "site.sqlite3")
    try:
        view = QtAuditView(ob, unassigned_path=unassigned_outbox_path())
        qtbot.addWidget(view)
        assert not unassigned_outbox_path().exists()
        assert view.source.count() == 1 and not view.source.isVisibleTo(view)
        view.refresh()
        assert view.model.rowCount() == 0 and view.current_outbox() is ob
    finally:
        ob.close()


def test_an_unreadable_unassigned_file_is_said_and_the_site_view_still_works(qtbot, tmp_path):
    make_application()
    bad = tmp_path / "outbox-unassigned.sqlite3"
    bad.write_bytes(b"this is not an SQLite database, it is long enough to be read as a header ......")
    ob = Outbox(tmp_path / "site.sqlite3")
    try:
        view = QtAuditView(ob, unassigned_path=bad)
        qtbot.addWidget(view)
        view.source.setCurrentIndex(view.source.findData("unassigned"))
        assert view.model.rowCount() == 0 and view.info.text().startswith(f"Cannot read {bad}"), view.info.text()
        view.source.setCurrentIndex(view.source.findData("site"))
        assert view.info.text() == "0 command(s)"
    finally:
        view.close_sources()
        ob.close()


def _select(qtbot, audit, device_id):
    """Click the command's row in the audit table, like an operator."""
    i = next(i for i, r in enumerate(audit.model.rows) if r.device_id == device_id)
    rect = audit.table.visualRect(audit.model.index(i, 1))
    qtbot.mouseClick(audit.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert audit.selected_row() is audit.model.rows[i]
    return audit.model.rows[i]


def test_an_unassigned_command_is_sent_again_on_this_site_once_the_operator_confirms(qtbot, broker_cfg):
    make_application()
    legacy = user_data_dir() / LEGACY_OUTBOX
    _seed_legacy(legacy)
    ob = Outbox(legacy)
    ob.add(Command.new("press-9", {"power": True}), 1, now=1004.0)  # a device this site does not have
    ob.add(Command.new("conveyor-a", {"running": True}), 2, now=1005.0)  # high risk
    ob.close()
    app, sim, confirm = start_console(qtbot, broker_cfg)
    svc = app.services
    try:
        audit = app.devices.audit_view
        app.devices.side.setCurrentWidget(audit)
        assert not audit.resend.isVisibleTo(audit)  # this site's own commands: nothing to send again
        audit.source.setCurrentIndex(audit.source.findData("unassigned"))
        assert audit.resend.isVisibleTo(audit) and not audit.resend.isEnabled()  # nothing selected yet
        assert len(audit.model.rows) == 5

        # a low-risk one: asked anyway (it is stale), sent as a new command, done on the device
        old = _select(qtbot, audit, "fan-line-a")
        assert audit.resend.isEnabled()
        qtbot.mouseClick(audit.resend, Qt.MouseButton.LeftButton)
        assert len(confirm.asked) == 1 and "fan-line-a again" in confirm.asked[0]
        assert svc.broker_cfg.url() in confirm.asked[0] and "high risk" not in confirm.asked[0]
        new_id = audit.info.text().split("Sent again as ")[1].split(" ")[0]
        qtbot.waitUntil(lambda: svc.commands.outbox.get(new_id).state is S.SUCCEEDED, timeout=10000)
        new = svc.commands.outbox.get(new_id)
        assert new.device_id == "fan-line-a" and new.command.params == old.command.params
        assert new.command.origin == "operator" and new.id != old.id
        assert sim.devices["fan-line-a"].applied_ids == [new_id] and sim.devices["fan-line-a"].values["power"]
        closed = next(r for r in audit.model.rows if r.id == old.id)
        assert closed.state is S.CANCELLED
        assert audit.current_outbox().history(old.id)[-1].detail == f"sent again as {new_id} on {svc.broker_cfg.url()}"
        _select(qtbot, audit, "fan-line-a")
        assert not audit.resend.isEnabled()  # once at most
        assert audit.resend_selected() is None and len(confirm.asked) == 1

        # a high-risk one: declined, nothing is sent and it stays open; then confirmed, and done
        confirm.answer = False
        conv = _select(qtbot, audit, "conveyor-a")
        qtbot.mouseClick(audit.resend, Qt.MouseButton.LeftButton)
        assert len(confirm.asked) == 2 and "marked high risk" in confirm.asked[1]
        assert audit.info.text() == "Not sent: confirmation declined"
        assert audit.current_outbox().get(conv.id).state is S.QUEUED
        confirm.answer = True
        _select(qtbot, audit, "conveyor-a")
        new = audit.resend_selected()
        assert len(confirm.asked) == 3 and new is not None and new.qos == 2
        qtbot.waitUntil(lambda: svc.commands.outbox.get(new.id).state is S.SUCCEEDED, timeout=10000)
        assert sim.devices["conveyor-a"].applied_ids == [new.id] and sim.devices["conveyor-a"].values["running"]

        # another console sharing the file closed it after this one listed it: not sent here as well
        lamp = _select(qtbot, audit, "lamp-office-1")
        other = Outbox(unassigned_outbox_path())
        other.transition(other.get(lamp.id), S.CANCELLED, detail="sent again from another console")
        other.close()
        assert audit.resend_selected() is None
        assert audit.info.text().startswith("Not sent: another console changed this command"), audit.info.text()
        assert sim.devices["lamp-office-1"].applied_ids == []
        assert audit.current_outbox().history(lamp.id)[-1].detail == "sent again from another console"
        confirm.asked.pop()  # it asked before it found out

        # what this site cannot take is refused before anything is asked: a device it does not have,
        # values its device does not take (its pump has "running", not "power"); both stay open
        for device, state, why in (("press-9", S.QUEUED, "unknown device 'press-9'"),
                                   ("pump-cooling", S.DELIVERED, "power")):
            row = _select(qtbot, audit, device)
            qtbot.mouseClick(audit.resend, Qt.MouseButton.LeftButton)
            assert len(confirm.asked) == 3
            assert audit.info.text().startswith("Cannot send it again here: ") and why in audit.info.text(), \
                audit.info.text()
            assert audit.current_outbox().get(row.id).state is state
        assert sim.devices["pump-cooling"].applied_ids == []
        sent = svc.commands.outbox.audit(AuditFilter())
        assert sorted(r.device_id for r in sent) == ["conveyor-a", "fan-line-a"]
    finally:
        app.close()
        sim.stop()
