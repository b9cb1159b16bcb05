"""Other consoles' commands survive a restart (issue 15, failure 8): the recorder writes each row to
its own SQLite file next to the outbox, and a console started again on that file shows them, marked
with the other console's id, read-only, before any new traffic.  Real Mosquitto, two consoles."""

from __future__ import annotations

import json
import logging
import sqlite3

import pytest

from console.core.commands.others import OtherCommandRow, OtherConsoles
from console.core.commands.outbox import AuditFilter
from console.core.commands.pipeline import PipelineConfig
from console.core.demo.simulator import Simulator
from console.core.fleet.catalog import load_fleet
from console.core.paths import user_data_dir
from console.core.protocol import Ack, Command, CommandState, DeviceTopic, device_topic
from tests.conftest import wait_for
from tests.core.commands.test_pipeline import Console

S = CommandState
LAMP = "lamp-office-1"


def _first(cfg, others_path):
    first = Console(cfg.with_client_id("console-first"), PipelineConfig(ack_timeout_s=5))
    first.others = OtherConsoles(cfg.prefix, first.pipeline.get, path=others_path)
    first.others.attach(first.link)
    return first


def test_a_second_consoles_commands_are_still_there_after_the_first_restarts(broker_cfg):
    others_path = user_data_dir() / "outbox.others.sqlite3"
    sim = Simulator(load_fleet(), broker_cfg, rate_hz=0, seed=5)
    sim.start(wait=10)
    second = Console(broker_cfg.with_client_id("console-second"), PipelineConfig(ack_timeout_s=5),
                     outbox_path=user_data_dir() / "second.sqlite3")
    first = _first(broker_cfg, others_path)
    try:
        first.start(wait_devices=(LAMP,))
        second.start(wait_devices=(LAMP,))
        stop = second.pipeline.submit(LAMP, {"level": 0})
        refresh = second.pipeline.submit(LAMP, action="refresh")
        for cmd in (stop, refresh):
            assert second.wait_terminal(cmd.id) is S.SUCCEEDED
            wait_for(lambda: (r := first.others.get(cmd.id)) is not None and r.state is S.SUCCEEDED,
                     what="the other console's command, done, in the first console")
        before = first.others.rows()
        first.others.close()
        first.stop()

        again = _first(broker_cfg, others_path)  # the restart: nothing on the wire yet
        rows = again.others.rows()
        assert rows == before and [r.id for r in rows] == [refresh.id, stop.id]
        row = again.others.get(stop.id)
        assert isinstance(row, OtherCommandRow) and row.console == "console-second"
        assert (row.state, row.command.params, row.device_id) == (S.SUCCEEDED, {"level": 0}, LAMP)
        assert again.others.rows(AuditFilter(states=(S.SUCCEEDED,), device="office", limit=1)) == [rows[0]]
        assert again.outbox.get(stop.id) is None and again.others.store_error == ""

        again.start(wait_devices=(LAMP,))  # and it goes on recording after the restart
        later = second.pipeline.submit(LAMP, {"level": 5})
        assert second.wait_terminal(later.id) is S.SUCCEEDED
        wait_for(lambda: (r := again.others.get(later.id)) is not None and r.state is S.SUCCEEDED,
                 what="a command after the restart")
        assert [r.id for r in again.others.rows()] == [later.id, refresh.id, stop.id]
        assert [r.seq for r in again.others.rows()] == sorted((r.seq for r in again.others.rows()), reverse=True)
        assert sim.devices[LAMP].applied_ids.count(stop.id) == 1  # nothing was sent again by anyone
        again.others.close()
        again.stop()
    finally:
        second.stop()
        sim.stop()


# -- the file on its own (no broker: the recorder's entry points are called as the link would) -------
def _cmd(n: int, device: str = "lamp-1") -> tuple[str, bytes, DeviceTopic]:
    payload = Command.new(device, {"level": n}, now=1_000.0 + n).payload()
    payload["console"] = "console-b"
    return device_topic("p", device, "cmd"), json.dumps(payload).encode(), DeviceTopic(device, "cmd")


def test_only_the_newest_rows_are_kept_in_the_file_too(tmp_path):
    path = tmp_path / "others.sqlite3"
    rec = OtherConsoles("p", lambda _id: None, max_rows=3, path=path)
    sent = []
    for n in range(5):
        topic, body, dt = _cmd(n)
        rec.on_command(topic, body, dt)
        sent.append(json.loads(body)["id"])
    rec.on_ack("lamp-1", Ack(sent[-1], "rejected", 1_010.0, error="expired before delivery"))
    rec.close()
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM other_commands").fetchone()[0] == 3
    back = OtherConsoles("p", lambda _id: None, max_rows=3, path=path)
    assert [r.id for r in back.rows()] == sent[:1:-1]
    assert back.get(sent[-1]).state is S.EXPIRED and back.get(sent[-1]).error == "expired before delivery"
    assert [r.console for r in back.rows()] == ["console-b"] * 3
    topic, body, dt = _cmd(9)
    back.on_command(topic, body, dt)  # numbering goes on after the restart: newest first stays right
    assert back.rows()[0].id == json.loads(body)["id"] and back.rows()[0].seq == 6
    back.close()


def test_an_unreadable_row_is_skipped_and_the_rest_is_shown(tmp_path, caplog):
    path = tmp_path / "others.sqlite3"
    rec = OtherConsoles("p", lambda _id: None, path=path)
    for n in range(2):
        rec.on_command(*_cmd(n))
    rec.close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE other_commands SET command='[1, 2]' WHERE seq=1")
    back = OtherConsoles("p", lambda _id: None, path=path)
    assert [r.seq for r in back.rows()] == [2] and back.unreadable == 1
    assert "1 unreadable row(s) in" in caplog.text
    back.close()


def test_a_file_that_cannot_be_opened_leaves_the_recorder_in_memory_with_a_reason(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    path = tmp_path / "others.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    rec = OtherConsoles("p", lambda _id: None, path=path)
    assert rec.store_error.startswith(f"other consoles' commands are kept in memory only: cannot open {path}: ")
    rec.on_command(*_cmd(1))
    assert len(rec.rows()) == 1 and rec.store_error in caplog.text
    rec.close()
    assert path.read_bytes() == b"this is not a database" * 100  # nothing of the operator's file lost


def test_without_a_path_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rec = OtherConsoles("p", lambda _id: None)
    rec.on_command(*_cmd(1))
    assert rec.path is None and len(rec.rows()) == 1 and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("status, state", [("accepted", S.ACCEPTED), ("done", S.SUCCEEDED), ("failed", S.FAILED)])
def test_each_ack_is_written_before_listeners_hear_of_it(tmp_path, status, state):
    path = tmp_path / "others.sqlite3"
    rec = OtherConsoles("p", lambda _id: None, path=path)
    on_disk = []

    def listener(row):
        with sqlite3.connect(path) as db:
            on_disk.append(db.execute("SELECT state FROM other_commands WHERE id=?", (row.id,)).fetchone()[0])
    rec.add_listener(listener)
    topic, body, dt = _cmd(1)
    rec.on_command(topic, body, dt)
    rec.on_ack("lamp-1", Ack(json.loads(body)["id"], status, 1_001.0, error="jammed" if status == "failed" else ""))
    assert on_disk == ["DELIVERED", state.value]
    rec.close()
