"""Connection profiles read back from a damaged settings file (a real QSettings ini, damaged where a
hand edit or a half-written file would): the damaged value is named, every profile is loaded, a copy
of the file is kept as ``<name>.damaged-<timestamp>`` before anything rewrites it, and the log and
the Connections dialog's status say so.  Before: a version of "abc" raised ValueError out of
load_profiles, and the GUI showed "cannot start: invalid literal for int()".  Real Qt event loop."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.core.mqtt.profiles import ConnectionProfile, ProfileSet
from console.core.mqtt.secrets import SecretStore
from console.ui.connection.qt_connect import profile_config
from console.ui.connection.qt_profiles_dialog import QtProfilesDialog
from console.ui.connection.qt_profiles_store import load_profiles, save_profiles
from tests.core.mqtt.test_profiles import MemoryKeyring


def _ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def _saved_then_damaged(path: Path, old: str, new: str) -> bytes:
    ps = ProfileSet.default()
    ps.upsert(ConnectionProfile(name="Plant", host="10.0.0.5", port=8883))
    ps.set_active("Plant")
    save_profiles(_ini(path), ps)
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    return path.read_bytes()


@pytest.mark.parametrize("old, new, named", [
    ("version=1", "version=abc", "the settings version 'abc' cannot be read"),
    ("version=1", "version=@Variant(\\0\\0\\0\\x7f\\0\\0\\0)", "the settings version"),
    ("profiles\\size=2", "profiles\\size=abc", "the stored profile count 'abc' cannot be read (2 were found)"),
])
def test_a_damaged_value_is_named_and_every_profile_loaded_and_kept(qapp, tmp_path, caplog, old, new, named):
    path = tmp_path / "AutoGLM Console.conf"
    damaged = _saved_then_damaged(path, old, new)
    with caplog.at_level(logging.WARNING, logger="console.ui.connection.qt_profiles_store"):
        profiles = load_profiles(_ini(path))
    assert list(profiles.profiles) == ["Local Mosquitto", "Plant"] and profiles.active == "Plant"
    assert profiles.profiles["Plant"].host == "10.0.0.5"
    kept = list(tmp_path.glob("AutoGLM Console.conf.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the operator's file as it was
    said = "; ".join(profiles.problems[""])
    assert named in said and str(kept[0]) in said
    assert named in caplog.text and str(kept[0]) in caplog.text
    load_profiles(_ini(path))  # read again (the doctor, the dialog): the same damage is copied once
    assert len(list(tmp_path.glob("*.damaged-*"))) == 1
    # the console starts on the profile (before: "cannot start: invalid literal for int()")
    cfg = profile_config("", settings=_ini(path), secrets=SecretStore(backend=MemoryKeyring()))
    assert (cfg.host, cfg.port) == ("10.0.0.5", 8883)


def test_the_dialog_says_so_and_a_save_mends_the_file(qtbot, tmp_path):
    path = tmp_path / "s.ini"
    damaged = _saved_then_damaged(path, "version=1", "version=abc")
    dialog = QtProfilesDialog(settings=_ini(path), secrets=SecretStore(backend=MemoryKeyring()))
    qtbot.addWidget(dialog)
    kept = list(tmp_path.glob("s.ini.damaged-*"))
    assert len(kept) == 1
    status = dialog.findChild(type(dialog.status), "profileStatus").text()
    assert "damaged settings file" in status and "'abc'" in status and str(kept[0]) in status
    assert sorted(dialog.profiles.profiles) == ["Local Mosquitto", "Plant"]
    assert dialog.save()  # the operator saves: the file is written whole again …
    again = load_profiles(_ini(path))
    assert again.problems == {} and sorted(again.profiles) == ["Local Mosquitto", "Plant"]
    assert kept[0].read_bytes() == damaged  # … and the copy of the damaged one is still there
