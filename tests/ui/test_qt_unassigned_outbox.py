"""The upgrade to one outbox per broker site, as the operator sees it: the commands an earlier console
left open in the shared outbox are moved out and sent nowhere again (tests/core/test_services_outbox_
migration.py), and the console says so at that start and lists them in its audit log under
"Unassigned".  Real SQLite files in the test's data dir, the real services and a real Qt event loop."""

from __future__ import annotations

import csv

from console.core.broker import free_port
from console.core.outbox import Outbox
from console.core.paths import user_data_dir
from console.core.protocol import CommandState
from console.core.services import LEGACY_OUTBOX, build_services, unassigned_outbox_path
from console.ui.qt_app import ConsoleApp, make_application
from console.ui.qt_audit_view import QtAuditView
from tests.core.test_services_outbox_migration import _seed_legacy

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
