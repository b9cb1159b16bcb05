"""Connection profiles read back from a damaged settings file (a real QSettings ini edited by hand
or half-written): a field that cannot be read keeps its default and is named; the profile is not
dropped, the console never silently connects to another broker (before: a port of "abc" dropped the
profile and "Local Mosquitto" became active without a word), and the doctor says so and goes on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.core.mqtt.profiles import ConnectionProfile, ProfileError, ProfileSet
from console.core.mqtt.secrets import SecretStore
from console.ui.connection.qt_profiles_store import load_profiles, save_profiles
from tests.core.mqtt.test_profiles import MemoryKeyring

ROOT = Path(__file__).resolve().parents[3]


def _saved(path: Path) -> None:
    ps = ProfileSet.default()
    ps.upsert(ConnectionProfile(name="Plant", host="10.0.0.5", port=8883, tls=True))
    ps.set_active("Plant")
    save_profiles(QSettings(str(path), QSettings.Format.IniFormat), ps)


def _damage(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


@pytest.mark.parametrize("old, new, field", [("port=8883", "port=abc", "port 'abc'"),
                                             ("tls=true", "tls=maybe", "tls 'maybe'"),
                                             ("port=8883", "port=@Variant(\\0\\0\\0\\x7f\\0\\0\\0)", "port")])
def test_a_damaged_field_keeps_the_profile_and_refuses_to_connect_with_it(tmp_path, old, new, field):
    path = tmp_path / "s.ini"
    _saved(path)
    _damage(path, old, new)
    profiles = load_profiles(QSettings(str(path), QSettings.Format.IniFormat))
    assert profiles.active == "Plant" and profiles.profiles["Plant"].host == "10.0.0.5"  # nothing lost
    assert any(field in p for p in profiles.problems["Plant"])
    with pytest.raises(ProfileError, match=f"profile 'Plant' was saved damaged: {field}.*Devices → Connections"):
        profiles.active_config(SecretStore(backend=MemoryKeyring()))
    profiles.set_active("Local Mosquitto")  # another, undamaged profile still connects
    assert profiles.active_config(SecretStore(backend=MemoryKeyring())).port == 1883


def test_an_unreadable_active_profile_never_hands_over_to_another_silently(tmp_path):
    path = tmp_path / "s.ini"
    _saved(path)
    _damage(path, "name=Plant", "name=")
    profiles = load_profiles(QSettings(str(path), QSettings.Format.IniFormat))
    assert "Plant" not in profiles.profiles and profiles.active == "Local Mosquitto"
    with pytest.raises(ProfileError, match="the active profile 'Plant' could not be read"):
        profiles.active_config(SecretStore(backend=MemoryKeyring()))


@pytest.mark.parametrize("raw", [None, "junk", {"profiles": 5}, {"profiles": [None, 5, "x", {"name": ["a"]}]},
                                 {"profiles": [{"name": "A", "port": [1]}], "active": ["A"]}])
def test_any_shape_of_stored_profiles_loads_without_raising(raw):
    profiles = ProfileSet.from_settings(raw)
    assert profiles.active in profiles.profiles


def test_a_missing_profile_lists_the_saved_ones():
    with pytest.raises(ProfileError, match=r"no profile named 'Plnat' \(saved: 'Local Mosquitto'\); give one"):
        ProfileSet.default().set_active("Plnat")


def test_the_doctor_survives_a_damaged_profile_and_says_so(tmp_path):
    config = tmp_path / "xdg"
    (config / "AutoGLM").mkdir(parents=True)
    path = config / "AutoGLM" / "AutoGLM Console.conf"
    _saved(path)
    _damage(path, "port=8883", "port=abc")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    proc = subprocess.run([sys.executable, "-m", "console", "doctor", "--json"], capture_output=True, text=True,
                          env=env, timeout=300, cwd=ROOT)
    assert json.loads(proc.stdout)["schema"] == 1, proc.stderr  # the report is written
    assert "doctor: the saved settings cannot be used (profile 'Plant' was saved damaged: port 'abc'" in proc.stderr
    assert "Traceback" not in proc.stderr
