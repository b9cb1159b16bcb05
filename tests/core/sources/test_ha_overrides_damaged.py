"""A damaged file of the operator's device choices (risk, exposure) is never written over: it is moved
aside as ``<name>.damaged-<timestamp>`` before the first change writes a new one, logged, and
described for the GUI.  Before: the console started without the choices and the next change
overwrote the file, losing every choice in it.  Real files."""

from __future__ import annotations

import json
import logging
import os

import pytest

from console.core.sources.ha_overrides import HaOverrides, Override

SAVED = {"version": 1, "devices": {"lock_1": {"risk": "low", "exposed": True},
                                   "cam_2": {"risk": None, "exposed": False}}}


@pytest.mark.parametrize("damage", [
    b'{"version": 1, "devices": {"lock_1": {"risk": "lo',  # cut short (a crash mid-write on a foreign tool)
    b"[" * 100_000 + b"]" * 100_000,  # nested deeper than the parser takes
    b'{"devices": {"x": \xff\xfe}}',  # not UTF-8
    b'{"devices": ["lock_1"]}',  # not the shape written here
])
def test_a_damaged_file_is_set_aside_before_a_change_writes_a_new_one(tmp_path, caplog, damage):
    path = tmp_path / "ha-overrides" / "site.json"
    path.parent.mkdir()
    path.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger="console.core.sources.ha_overrides"):
        overrides = HaOverrides(path)
    kept = sorted(path.parent.glob("site.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage  # the operator's bytes, all of them
    assert str(kept[0]) in overrides.damaged and "moved aside" in overrides.damaged
    assert str(kept[0]) in caplog.text
    overrides.set_risk("lock_1", "high")  # the first change writes a new file …
    assert json.loads(path.read_text())["devices"] == {"lock_1": {"risk": "high", "exposed": True}}
    assert kept[0].read_bytes() == damage  # … and the damaged one is still there
    assert HaOverrides(path).damaged == ""  # the new file reads back


def test_a_good_file_is_not_set_aside(tmp_path):
    path = tmp_path / "site.json"
    path.write_text(json.dumps(SAVED))
    overrides = HaOverrides(path)
    assert overrides.damaged == "" and overrides.get("cam_2") == Override(None, False)
    assert not list(tmp_path.glob("*.damaged-*"))
    assert HaOverrides(tmp_path / "none.json").damaged == ""  # no file yet: nothing to say


@pytest.mark.skipif(os.geteuid() == 0, reason="root moves files out of a read-only folder")
def test_a_damaged_file_that_cannot_be_moved_is_never_written_over(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "site.json"
    path.write_text("{not json")
    folder.chmod(0o555)
    try:
        overrides = HaOverrides(path)
        assert "could not be moved aside" in overrides.damaged and str(path) in overrides.damaged
        overrides.set_exposed("cam_2", False)  # kept in memory …
        assert overrides.get("cam_2") == Override(None, False)
        assert path.read_text() == "{not json"  # … the file is left as it was
    finally:
        folder.chmod(0o755)
