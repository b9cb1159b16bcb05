"""The upgrade to one outbox per broker site: the commands an earlier console left open in the shared
``outbox.sqlite3`` (now the demo's file) say nothing of the broker they were for, so they are moved
out to ``outbox-unassigned.sqlite3`` and replayed nowhere, once, with nothing lost or duplicated.
Real SQLite files in the test's data dir, the real Outbox, and a real broker where one starts."""

from __future__ import annotations

import logging
import shutil

import pytest

from console.core.commands.outbox import Outbox, OutboxError
from console.core.paths import user_data_dir
from console.core.protocol import Command, CommandState
from console.core.commands.migration import (
    LEGACY_OUTBOX,
    MIGRATED_MARK,
    UNASSIGNED_OUTBOX,
    migrate_legacy_outbox,
    outbox_path_for,
)
from console.core.services import build_services
from tests.conftest import wait_for

S = CommandState


def _paths():
    data = user_data_dir()
    return data / LEGACY_OUTBOX, data / UNASSIGNED_OUTBOX, data / "outbox" / MIGRATED_MARK


def _seed_legacy(path) -> tuple[list[str], str]:
    """What an earlier console leaves: one command queued, one sent, one delivered and waiting for its
    ack (all open), and one that succeeded.  Returns (the open ids, oldest first; the finished id)."""
    ob = Outbox(path)
    try:
        queued = ob.add(Command.new("lamp-office-1", {"power": True, "level": 7}), 1, now=1000.0)
        sent = ob.add_sent(Command.new("fan-line-a", {"power": True}, origin="assistant"), 1, now=1001.0)
        to_deliver = ob.add_sent(Command.new("pump-cooling", {"power": False}, ttl_s=600), 2, now=1002.0)
        ob.transition(to_deliver, S.DELIVERED, detail="PUBCOMP", now=1002.5)
        done = ob.add_sent(Command.new("lamp-office-2", {"power": False}), 1, now=1003.0)
        ob.transition(ob.transition(done, S.DELIVERED, now=1003.1), S.SUCCEEDED, detail="done", now=1003.2)
        return [queued.id, sent.id, to_deliver.id], done.id
    finally:
        ob.close()


def _snapshot(path, ids):
    """Each command as stored and its history, for comparing before and after."""
    ob = Outbox(path)
    try:
        return {cid: (ob.get(cid), ob.history(cid)) for cid in ids}
    finally:
        ob.close()


def _moved_note(transition) -> bool:
    return "moved from outbox.sqlite3" in transition.detail and "not replayed" in transition.detail


def test_open_commands_move_out_of_the_shared_outbox_once_with_their_history(caplog):
    legacy, unassigned, mark = _paths()
    open_ids, done_id = _seed_legacy(legacy)
    before = _snapshot(legacy, open_ids + [done_id])

    with caplog.at_level(logging.WARNING, logger="console.core.commands.migration"):
        moved = migrate_legacy_outbox()
    assert [r.id for r in moved] == open_ids
    assert [r.state for r in moved] == [S.QUEUED, S.SENT, S.DELIVERED]

    src, dst = Outbox(legacy), Outbox(unassigned)
    try:
        # gone from the demo's file, history and all; the finished command stays there as it was
        assert src.open_commands() == []
        assert all(src.get(cid) is None and src.history(cid) == [] for cid in open_ids)
        assert (src.get(done_id), src.history(done_id)) == before[done_id]
        # in the unassigned file, still open (nothing is decided for the operator), oldest first
        assert [r.id for r in dst.open_commands()] == open_ids
        for cid in open_ids:
            old_row, old_history = before[cid]
            row = dst.get(cid)
            assert (row.command, row.qos, row.state, row.attempts, row.error) == (
                old_row.command, old_row.qos, old_row.state, old_row.attempts, old_row.error)
            history = dst.history(cid)
            assert history[:-1] == old_history  # nothing lost
            assert _moved_note(history[-1]) and history[-1].state is old_row.state  # and why it is here
        assert dst.get(done_id) is None
    finally:
        src.close()
        dst.close()

    warning = "\n".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert "3 command(s) were still open" in warning and "none is replayed anywhere" in warning
    assert str(unassigned) in warning
    assert all(dev in warning for dev in ("lamp-office-1", "fan-line-a", "pump-cooling"))
    assert "lamp-office-2" not in warning
    assert mark.is_file() and "3 open command(s) moved" in mark.read_text(encoding="utf-8")

    # once only: a second start moves nothing and changes nothing
    after = _snapshot(unassigned, open_ids)
    assert migrate_legacy_outbox() == []
    assert _snapshot(unassigned, open_ids) == after


def test_a_move_cut_off_between_copy_and_delete_is_finished_without_duplicates():
    """Step (1) committed in the unassigned file, step (2) never ran: each command is in both files.
    The state is made with the real move on a copy of the legacy file, which is then thrown away."""
    legacy, unassigned, mark = _paths()
    open_ids, done_id = _seed_legacy(legacy)
    before = _snapshot(legacy, open_ids)
    copy = legacy.with_name("copy.sqlite3")
    shutil.copyfile(legacy, copy)  # closed outboxes are checkpointed: the one file is the whole database
    src_copy, dst = Outbox(copy), Outbox(unassigned)
    try:
        assert [r.id for r in src_copy.move_open_to(dst, detail="moved from outbox.sqlite3: not replayed")] == open_ids
    finally:
        src_copy.close()
        dst.close()
    assert [r.id for r in Outbox(legacy).open_commands()] == open_ids  # still here too
    assert not mark.exists()

    moved = migrate_legacy_outbox()
    assert [r.id for r in moved] == open_ids

    src, dst = Outbox(legacy), Outbox(unassigned)
    try:
        assert src.open_commands() == [] and src.get(done_id) is not None
        assert dst.count() == 3 and [r.id for r in dst.open_commands()] == open_ids  # each one once
        for cid in open_ids:
            history = dst.history(cid)
            assert history[:-1] == before[cid][1] and sum(map(_moved_note, history)) == 1
    finally:
        src.close()
        dst.close()
    assert mark.is_file()


def test_a_site_started_first_after_the_upgrade_moves_them_and_replays_none(broker_cfg):
    legacy, unassigned, _ = _paths()
    open_ids, _ = _seed_legacy(legacy)
    svc = build_services(broker_url=None, cfg=broker_cfg)
    svc.start_blocking()
    try:
        assert svc.link.wait_connected(10)
        assert svc.commands.outbox.path == outbox_path_for(broker_cfg)
        assert svc.commands.open_rows() == [] and svc.commands.outbox.count() == 0
    finally:
        svc.stop()
    src, dst = Outbox(legacy), Outbox(unassigned)
    try:
        assert src.open_commands() == []
        assert [(r.id, r.state) for r in dst.open_commands()] == list(zip(open_ids, [S.QUEUED, S.SENT, S.DELIVERED]))
    finally:
        src.close()
        dst.close()


def test_the_demo_replays_none_of_them_but_still_replays_its_own():
    legacy, unassigned, _ = _paths()
    open_ids, done_id = _seed_legacy(legacy)
    svc = build_services(broker_url=None, demo=True)
    assert svc.commands.outbox.path == legacy  # the demo's file is the shared one of old
    assert svc.commands.open_rows() == []  # what the demo's pipeline would replay: nothing
    svc.start_blocking()
    try:
        assert svc.link.wait_connected(10)
        wait_for(lambda: svc.registry.meta("lamp-office-1") is not None, what="the demo's lamp")
        assert all(svc.commands.get(cid) is None for cid in open_ids)
        assert svc.commands.get(done_id).state is S.SUCCEEDED  # the old history is still in the audit
        # the demo leaves a command of its own open (the console is closed before the lamp answers)
        own = Command.new("lamp-office-1", {"power": True, "level": 3})
    finally:
        svc.stop()
    ob = Outbox(legacy)
    try:
        ob.add(own, 1)
    finally:
        ob.close()

    # the next demo start replays it on the demo's broker: the migration ran once and is not repeated
    svc = build_services(broker_url=None, demo=True)
    try:
        assert [r.id for r in svc.commands.open_rows()] == [own.id]
        svc.start_blocking()
        wait_for(lambda: svc.commands.get(own.id).state is S.SUCCEEDED, what="the demo's own command acked")
    finally:
        svc.stop()
    dst = Outbox(unassigned)
    try:
        assert [r.id for r in dst.open_commands()] == open_ids and dst.get(own.id) is None
    finally:
        dst.close()


def test_a_move_that_fails_stops_the_demo_not_a_site(broker_cfg, caplog):
    """The unassigned file cannot be made (its name is taken by a folder): the demo must not start on a
    file still holding the old open commands; a site, whose file is elsewhere, starts and says why."""
    legacy, unassigned, mark = _paths()
    open_ids, _ = _seed_legacy(legacy)
    unassigned.mkdir()
    with pytest.raises(OutboxError, match=UNASSIGNED_OUTBOX):
        build_services(broker_url=None, demo=True)
    with caplog.at_level(logging.ERROR, logger="console.core.services"):
        svc = build_services(broker_url=None, cfg=broker_cfg)
    try:
        assert svc.commands.outbox.path == outbox_path_for(broker_cfg) and svc.commands.open_rows() == []
    finally:
        svc.stop()
    assert any("tried again next start" in r.getMessage() for r in caplog.records)
    assert not mark.exists()  # nothing marked: the next start tries again
    src = Outbox(legacy)
    try:
        assert [r.id for r in src.open_commands()] == open_ids  # nothing lost meanwhile
    finally:
        src.close()

    unassigned.rmdir()
    assert [r.id for r in migrate_legacy_outbox()] == open_ids and mark.is_file()
