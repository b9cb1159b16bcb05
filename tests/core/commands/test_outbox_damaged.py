"""A command outbox damaged on disk (rows edited by hand or half-written, a file that is not a
database, a foreign SQLite file): the readable commands are still replayed to the device, each
unreadable row is named in the log, counted and left untouched in the file (before: one bad row made
``open_commands`` raise, so the replay and the audit view failed for every command); a file that is not
an outbox is refused with where and what to do."""

from __future__ import annotations

import sqlite3

import pytest

from console.core.commands.outbox import Outbox, OutboxError
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.protocol import Command, CommandState
from console.core.services import build_services
from tests.conftest import wait_for

DAMAGE = ["UPDATE commands SET params='{bad' WHERE seq=1", "UPDATE commands SET state='WEIRD' WHERE seq=2",
          "UPDATE commands SET ts='abc' WHERE seq=3", "UPDATE commands SET device_id=x'ff00' WHERE seq=4",
          "UPDATE commands SET params='[1, 2]' WHERE seq=5", "UPDATE transitions SET state='??' WHERE n=1"]


def _damaged(path, device="lamp-office-1") -> list[Command]:
    box = Outbox(path)
    cmds = [Command.new(device, {"power": True, "level": 10 + i}) for i in range(6)]
    for cmd in cmds:
        box.add(cmd, 1)
    box.close()
    db = sqlite3.connect(path)
    for sql in DAMAGE:
        db.execute(sql)
    db.commit()
    db.close()
    return cmds


def test_damaged_rows_are_named_and_skipped_and_the_rest_reads(tmp_path, caplog):
    path = tmp_path / "outbox.sqlite3"
    cmds = _damaged(path)
    box = Outbox(path)
    try:
        assert [r.id for r in box.open_commands()] == [cmds[5].id]
        assert [r.id for r in box.audit()] == [cmds[5].id]
        assert box.counts_by_state() == {CommandState.QUEUED: 5}  # the WEIRD state is in no count
        assert box.get(cmds[0].id) is None and box.get(cmds[5].id) is not None
        assert box.history(cmds[0].id) == []  # its one step was damaged too
        assert sorted(box.unreadable) == [1, 2, 3, 4, 5] and "params are list" in box.unreadable[5]
        assert "row 2 (id" in caplog.text and "'WEIRD' is not a valid CommandState" in caplog.text
        assert box.count() == 6  # nothing deleted
    finally:
        box.close()


@pytest.mark.parametrize("content, reason", [(b"hello", "file is not a database"),
                                             (bytes(range(256)) * 40, "file is not a database")])
def test_a_file_that_is_not_an_outbox_is_refused_with_what_to_do(tmp_path, content, reason):
    path = tmp_path / "outbox.sqlite3"
    path.write_bytes(content)
    with pytest.raises(OutboxError, match=f"{reason} .*move it away"):
        Outbox(path)


def test_a_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE commands(x)")
    db.commit()
    db.close()
    with pytest.raises(OutboxError, match="no such column.*move it away"):
        Outbox(path)


def test_the_readable_command_of_a_damaged_outbox_is_replayed_to_its_device(broker_cfg, tmp_path):
    path = tmp_path / "outbox.sqlite3"
    cmds = _damaged(path)
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=3)
    sim.start(wait=10)
    svc = build_services(broker_url=None, cfg=broker_cfg, outbox_path=path)
    svc.start_blocking()
    try:
        wait_for(lambda: svc.commands.outbox.get(cmds[5].id).state.terminal, 30, what="the good command answered")
        assert svc.commands.outbox.get(cmds[5].id).state in (CommandState.SUCCEEDED, CommandState.EXPIRED)
        assert sorted(svc.commands.outbox.unreadable) == [1, 2, 3, 4, 5]
    finally:
        svc.stop()
        sim.stop()
