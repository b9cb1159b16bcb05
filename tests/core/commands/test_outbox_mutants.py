"""Two outbox rules the mutation bench (bench/mutation.py) found unguarded: closing folds the WAL into
the database file itself even while another console still has the file open, and the CSV export is
UTF-8 whatever the operator's locale (a Chinese device error in a Windows or C locale must not break
the export).  A real SQLite file; the locale case switches this process's LC_CTYPE to C and back."""

from __future__ import annotations

import locale
import shutil
import sqlite3
import time
from pathlib import Path

from console.core.commands.outbox import Outbox
from console.core.protocol import Command, CommandState

S = CommandState


def _cmd(cid: str) -> Command:
    return Command(cid, "lamp-1", "set", {"level": 1}, time.time(), 30.0)


def test_closing_leaves_every_command_in_the_database_file_even_while_another_console_has_it_open(tmp_path):
    path = tmp_path / "outbox.sqlite3"
    ours, theirs = Outbox(path), Outbox(path)  # another console (or a backup tool) shares the file
    for i in range(3):
        ours.add(_cmd(f"c{i}"), 1)
    ours.close()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # folded into the database file, not left in the WAL
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(path, copy)  # the file alone, as a copy or a backup sees it
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT id FROM commands ORDER BY seq").fetchall() == [("c0",), ("c1",), ("c2",)]
    db.close()
    assert [r.id for r in theirs.audit()] == ["c2", "c1", "c0"]
    theirs.close()


def test_the_csv_export_is_utf8_whatever_the_locale(tmp_path):
    ob = Outbox(tmp_path / "outbox.sqlite3")
    row = ob.add(_cmd("c0"), 1)
    ob.transition(row, S.REJECTED, detail="超出范围", error="超出范围")  # a device's own words
    here = tmp_path / "here.csv"
    assert ob.export_csv(here, ob.audit()) == 1
    # an operator whose locale is not UTF-8 (Windows' cp1252, a bare C locale): open() would pick ASCII
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        there = tmp_path / "c-locale.csv"
        assert ob.export_csv(there, ob.audit()) == 1
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    ob.close()
    for out in (here, there):
        text = out.read_bytes().decode("utf-8")
        assert "超出范围" in text and text.count("\r\n") == 2  # header and one row, csv's own line ends
