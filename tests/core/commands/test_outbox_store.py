"""The outbox on its own (issue 16): what each write stores, what each read and filter returns, the
CSV it exports, and how it opens, checkpoints and closes.  A real SQLite file per test, no broker;
times are given (``now=``), never read from the clock."""

from __future__ import annotations

import csv
import sqlite3
import threading

import pytest

from console.core.commands.outbox import SCHEMA_VERSION, AuditFilter, CommandRow, Outbox, OutboxError, Transition, _iso
from console.core.protocol import Command, CommandState

S = CommandState
T0 = 1_767_225_600.0  # 2026-01-01T00:00:00Z


def _cmd(n: int, device: str = "lamp-1", origin: str = "operator", ts: float | None = None, **kw) -> Command:
    return Command(id=f"c{n}", device_id=device, action="set", params={"level": n}, ts=T0 + n if ts is None else ts,
                   ttl_s=30.0, origin=origin, **kw)


@pytest.fixture
def ob(tmp_path):
    box = Outbox(tmp_path / "outbox.sqlite3")
    yield box
    box.close()


# -- writes -------------------------------------------------------------------------------------------
def test_add_stores_a_queued_command_and_its_first_transition(ob):
    row = ob.add(_cmd(1, trace="tr-1"), 1, now=T0 + 5)
    assert row == CommandRow(1, _cmd(1, trace="tr-1"), 1, S.QUEUED, 0, T0 + 5)
    assert (row.id, row.device_id, row.error) == ("c1", "lamp-1", "")
    assert ob.get("c1") == row
    assert ob.history("c1") == [Transition("c1", S.QUEUED, T0 + 5, "")]


def test_add_sent_stores_queued_and_sent_in_one_go(ob):
    ob.add(_cmd(1), 0, now=T0)
    row = ob.add_sent(_cmd(2), 2, now=T0 + 1)
    assert row == CommandRow(2, _cmd(2), 2, S.SENT, 1, T0 + 1)
    assert ob.get("c2") == row and row.as_queued() == CommandRow(2, _cmd(2), 2, S.QUEUED, 0, T0 + 1)
    assert ob.history("c2") == [Transition("c2", S.QUEUED, T0 + 1, ""), Transition("c2", S.SENT, T0 + 1, "attempt 1")]


def test_add_reads_the_clock_when_no_time_is_given(ob):
    import time

    before = time.time()
    row = ob.add(_cmd(1), 1)
    assert before <= row.updated <= time.time() and ob.history("c1")[0].at == row.updated


def test_a_duplicate_id_is_refused_and_nothing_else_changes(ob):
    ob.add(_cmd(1), 1, now=T0)
    with pytest.raises(sqlite3.IntegrityError):
        ob.add(_cmd(1), 1, now=T0 + 1)
    assert ob.count() == 1 and len(ob.history("c1")) == 1


def test_a_transition_keeps_attempts_and_error_unless_told_and_records_its_detail(ob):
    row = ob.add_sent(_cmd(1), 1, now=T0)
    row = ob.transition(row, S.DELIVERED, detail="PUBACK", now=T0 + 1)
    assert (row.state, row.attempts, row.error, row.updated) == (S.DELIVERED, 1, "", T0 + 1)
    row = ob.transition(row, S.SENT, detail="attempt 2", attempts=2, error="no answer", now=T0 + 2)
    assert (row.state, row.attempts, row.error) == (S.SENT, 2, "no answer")
    row = ob.transition(row, S.FAILED, now=T0 + 3)
    assert (row.attempts, row.error) == (2, "no answer")
    assert ob.get("c1") == row and ob.audit()[0].error == "no answer"  # read back with its error
    row = ob.transition(row, S.FAILED, error="", now=T0 + 4)  # an explicit empty error clears it
    assert ob.get("c1") == row and row == CommandRow(1, _cmd(1), 1, S.FAILED, 2, T0 + 4, "")
    assert [(t.state, t.at, t.detail) for t in ob.history("c1")] == [
        (S.QUEUED, T0, ""), (S.SENT, T0, "attempt 1"), (S.DELIVERED, T0 + 1, "PUBACK"),
        (S.SENT, T0 + 2, "attempt 2"), (S.FAILED, T0 + 3, ""), (S.FAILED, T0 + 4, "")]


def test_transition_if_moves_only_from_the_expected_state(ob):
    row = ob.add(_cmd(1), 1, now=T0)
    moved = ob.transition_if(row, S.SENT, expect=S.QUEUED, detail="claimed", now=T0 + 1)
    assert moved == CommandRow(1, _cmd(1), 1, S.SENT, 0, T0 + 1)
    assert ob.transition_if(row, S.CANCELLED, expect=S.QUEUED, detail="late", now=T0 + 2) is None
    assert ob.get("c1") == moved
    assert [(t.state, t.detail) for t in ob.history("c1")] == [(S.QUEUED, ""), (S.SENT, "claimed")]
    assert ob.transition_if(_cmd_row(9), S.SENT, expect=S.QUEUED) is None  # not in the file: nothing written
    assert ob.history("c9") == []
    ob.transition_if(moved, S.DELIVERED, expect=S.SENT, now=T0 + 3)  # no detail given: none stored
    assert ob.history("c1")[-1] == Transition("c1", S.DELIVERED, T0 + 3, "")


def _cmd_row(n: int) -> CommandRow:
    return CommandRow(n, _cmd(n), 1, S.QUEUED, 0, T0)


# -- reads --------------------------------------------------------------------------------------------
def test_open_commands_are_the_non_terminal_ones_oldest_first(ob):
    rows = [ob.add(_cmd(n), 1, now=T0 + n) for n in range(6)]
    for row, state in zip(rows, (S.SUCCEEDED, S.SENT, S.FAILED, S.DELIVERED, S.QUEUED, S.EXPIRED)):
        if state is not S.QUEUED:
            ob.transition(row, state, now=T0 + 10)
    assert [r.id for r in ob.open_commands()] == ["c1", "c3", "c4"]
    assert {r.state for r in ob.open_commands()} == {S.SENT, S.DELIVERED, S.QUEUED}


def test_counts_by_state_and_in_total(ob):
    assert ob.count() == 0 and ob.counts_by_state() == {} and ob.count(S.QUEUED) == 0
    for n in range(3):
        ob.add(_cmd(n), 1, now=T0)
    ob.add_sent(_cmd(3), 1, now=T0)
    assert ob.count() == 4 and ob.count(S.QUEUED) == 3 and ob.count(S.SENT) == 1 and ob.count(S.FAILED) == 0
    assert ob.counts_by_state() == {S.QUEUED: 3, S.SENT: 1}


def test_get_and_history_of_an_unknown_id(ob):
    assert ob.get("nope") is None and ob.history("nope") == []


@pytest.fixture
def filled(ob):
    ob.add(_cmd(1, device="lamp-office-1"), 1, now=T0)
    ob.add(_cmd(2, device="hvac_office", origin="assistant"), 1, now=T0)
    ob.add(_cmd(3, device="lamp%2"), 1, now=T0)
    ob.add(_cmd(4, device="pump\\x"), 1, now=T0)
    ob.transition(ob.get("c2"), S.SUCCEEDED, now=T0)
    ob.transition(ob.get("c3"), S.FAILED, now=T0)
    return ob


def test_audit_is_newest_first_and_every_filter_narrows_it(filled):
    ob = filled
    ids = lambda **kw: [r.id for r in ob.audit(AuditFilter(**kw))]  # noqa: E731
    assert [r.id for r in ob.audit()] == ["c4", "c3", "c2", "c1"] == ids()
    assert ids(device="lamp") == ["c3", "c1"] and ids(device="OFFICE") == ["c2", "c1"]  # substring, any case (LIKE)
    assert ids(device="_") == ["c2"] and ids(device="%") == ["c3"] and ids(device="\\") == ["c4"]  # literal
    assert ids(states=(S.SUCCEEDED, S.FAILED)) == ["c3", "c2"] and ids(states=(S.QUEUED,)) == ["c4", "c1"]
    assert ids(origin="assistant") == ["c2"] and ids(origin="operator") == ["c4", "c3", "c1"]
    assert ids(since=T0 + 2) == ["c4", "c3", "c2"] and ids(until=T0 + 2) == ["c2", "c1"]  # both ends included
    assert ids(since=T0 + 2, until=T0 + 3) == ["c3", "c2"] and ids(since=T0 + 5) == []
    assert ids(limit=2) == ["c4", "c3"] and ids(limit=0) == []
    assert ids(device="lamp", states=(S.FAILED,), origin="operator", since=T0 + 3, until=T0 + 3) == ["c3"]
    assert AuditFilter().limit == 10_000 and AuditFilter().extra == {}


def test_export_csv_writes_one_row_per_command_with_its_transitions(filled, tmp_path):
    ob = filled
    ob.add_sent(Command(id="c9", device_id="灯-1", action="set", params={"名": "开"}, ts=T0 + 0.25, ttl_s=2.5,
                        origin="assistant"), 1, now=T0 + 0.5)
    row = ob.transition(ob.get("c9"), S.REJECTED, detail="device said no", error="out of range", now=T0 + 61.125)
    out = tmp_path / "audit.csv"
    assert ob.export_csv(out, [row, ob.get("c1")]) == 2
    with out.open(encoding="utf-8", newline="") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["id", "device", "action", "params", "origin", "state", "attempts", "created_utc",
                        "updated_utc", "ttl_s", "error", "transitions"]
    assert lines[1] == ["c9", "灯-1", "set", '{"名": "开"}', "assistant", "REJECTED", "1", "2026-01-01T00:00:00.250Z",
                        "2026-01-01T00:01:01.125Z", "2.5",  "out of range",
                        "QUEUED@2026-01-01T00:00:00.500Z;SENT@2026-01-01T00:00:00.500Z (attempt 1);"
                        "REJECTED@2026-01-01T00:01:01.125Z (device said no)"]
    assert lines[2] == ["c1", "lamp-office-1", "set", '{"level": 1}', "operator", "QUEUED", "0",
                        "2026-01-01T00:00:01.000Z", "2026-01-01T00:00:00.000Z", "30", "", "QUEUED@2026-01-01T00:00:00.000Z"]
    assert len(lines) == 3
    assert ob.export_csv(tmp_path / "empty.csv", []) == 0
    assert (tmp_path / "empty.csv").read_text(encoding="utf-8").splitlines() == [",".join(lines[0])]


def test_times_in_the_csv_are_utc_with_milliseconds_cut_not_rounded():
    assert _iso(T0) == "2026-01-01T00:00:00.000Z"
    assert _iso(T0 + 0.5009) == "2026-01-01T00:00:00.500Z"
    assert _iso(T0 + 3661.0625) == "2026-01-01T01:01:01.062Z"
    assert _iso(0.999) == "1970-01-01T00:00:00.999Z"


# -- opening, checkpoints, closing --------------------------------------------------------------------
def test_a_new_file_is_wal_with_the_schema_version_and_no_automatic_checkpoint(tmp_path):
    path = tmp_path / "deep" / "er" / "outbox.sqlite3"  # parents are created
    ob = Outbox(path)
    try:
        assert ob.journal_mode == "wal" and ob.path == path
        pragma = lambda name: ob._db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert (pragma("user_version"), pragma("wal_autocheckpoint"), pragma("busy_timeout")) == (SCHEMA_VERSION, 0, 5000)
        assert pragma("synchronous") == 1  # NORMAL
        assert ob._ckpt.execute("PRAGMA busy_timeout").fetchone()[0] == 1000
    finally:
        ob.close()
    durable = Outbox(tmp_path / "durable.sqlite3", durable=True)
    try:
        assert durable._db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        durable.close()


def test_a_file_from_a_newer_console_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(OutboxError) as err:
        Outbox(path)
    assert str(err.value) == (f"command outbox {path} was written by a newer console (schema {SCHEMA_VERSION + 1}); "
                              "update the console or move the file away")
    with sqlite3.connect(path) as db:  # left as it was
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


def test_a_file_of_the_same_version_opens_with_its_commands(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    ob = Outbox(path)
    ob.add(_cmd(1), 1, now=T0)
    ob.close()
    again = Outbox(path)
    try:
        assert again.get("c1") == CommandRow(1, _cmd(1), 1, S.QUEUED, 0, T0)
    finally:
        again.close()


@pytest.mark.parametrize("make", ["directory", "garbage"])
def test_a_path_that_is_not_a_database_gives_a_clear_error(tmp_path, make):
    path = tmp_path / "outbox.sqlite3"
    if make == "directory":
        path.mkdir()
    else:
        path.write_bytes(b"not an sqlite database at all, just text that is long enough " * 4)
    with pytest.raises(OutboxError, match=rf"^cannot open the command outbox {path}: "):
        Outbox(path)


def test_checkpoint_copies_the_wal_and_close_leaves_no_wal_behind(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    ob = Outbox(path)
    for n in range(20):
        ob.add(_cmd(n), 1, now=T0)
    result = []
    sweeper = threading.Thread(target=lambda: result.append(ob.checkpoint()), name="test-sweeper")
    sweeper.start()  # the pipeline's sweeper checkpoints from its own thread
    sweeper.join(20)
    [(busy, pages, copied)] = result
    assert busy == 0 and pages > 0 and copied == pages
    ob.add(_cmd(99), 1, now=T0)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    ob.close()
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT COUNT(*) FROM commands").fetchone()[0] == 21


def test_moving_into_itself_is_refused_and_an_empty_move_is_a_no_op(tmp_path, ob):
    with pytest.raises(ValueError, match="cannot move the commands of .* into itself"):
        ob.move_open_to(Outbox(ob.path))
    dst = Outbox(tmp_path / "dst.sqlite3")
    try:
        ob.transition(ob.add(_cmd(1), 1, now=T0), S.SUCCEEDED, now=T0)
        assert ob.move_open_to(dst, detail="moved") == [] and dst.count() == 0 and ob.count() == 1
    finally:
        dst.close()


def test_a_move_keeps_each_commands_row_and_history_and_adds_the_detail(tmp_path, ob):
    dst = Outbox(tmp_path / "dst.sqlite3")
    try:
        sent = ob.transition(ob.add_sent(_cmd(1, trace="t"), 2, now=T0), S.DELIVERED, detail="PUBACK", now=T0 + 1)
        queued = ob.add(_cmd(2), 1, now=T0 + 2)
        moved = ob.move_open_to(dst, detail="moved here", now=T0 + 3)
        assert moved == [sent, queued] and ob.count() == 0 and ob.history("c1") == []
        got = dst.get("c1")
        assert (got.command, got.qos, got.state, got.attempts, got.updated) == (_cmd(1, trace="t"), 2, S.DELIVERED, 1, T0 + 1)
        assert [(t.state, t.at, t.detail) for t in dst.history("c1")] == [
            (S.QUEUED, T0, ""), (S.SENT, T0, "attempt 1"), (S.DELIVERED, T0 + 1, "PUBACK"),
            (S.DELIVERED, T0 + 3, "moved here")]
        ob.add(_cmd(3), 1, now=T0 + 4)
        assert [r.id for r in ob.move_open_to(dst, now=T0 + 5)] == ["c3"]  # no detail: no extra step
        assert [t.state for t in dst.history("c3")] == [S.QUEUED]
    finally:
        dst.close()


def test_a_move_after_one_cut_off_copies_only_what_dst_lacks_and_goes_on_past_it(tmp_path, ob):
    dst = Outbox(tmp_path / "dst.sqlite3")
    try:
        for n in (1, 2, 3):
            ob.add(_cmd(n), 1, now=T0 + n)
        dst.add(_cmd(2), 1, now=T0 + 2)  # copied by an earlier move that stopped before deleting here
        moved = ob.move_open_to(dst, detail="moved", now=T0 + 9)
        assert [r.id for r in moved] == ["c1", "c2", "c3"] and ob.count() == 0
        assert [(t.state, t.detail) for t in dst.history("c2")] == [(S.QUEUED, "")]  # not copied twice
        for cid in ("c1", "c3"):  # the ones after it are still copied, with their history and the detail
            assert [(t.state, t.detail) for t in dst.history(cid)] == [(S.QUEUED, ""), (S.QUEUED, "moved")]
    finally:
        dst.close()
