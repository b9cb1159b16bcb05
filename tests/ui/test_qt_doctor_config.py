"""The doctor's default broker: the saved active profile, or none (demo mode)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from console.core.profiles import ConnectionProfile, ProfileSet
from console.core.secrets import SecretStore
from console.ui.qt_doctor_config import saved_broker_config
from console.ui.qt_profiles_store import save_profiles
from tests.core.test_profiles import MemoryKeyring


def test_nothing_saved_means_no_broker_to_check(qtbot):
    assert saved_broker_config(QSettings()) is None


def test_the_active_saved_profile_with_its_keyring_password(qtbot):
    profiles = ProfileSet.default()
    profiles.upsert(ConnectionProfile(name="Plant", host="broker.plant", port=8883, tls=True, username="op",
                                      prefix="plant"))
    profiles.set_active("Plant")
    save_profiles(QSettings(), profiles)
    secrets = SecretStore(backend=MemoryKeyring())
    secrets.set_password("Plant", "op", "kr-pw-1")
    cfg = saved_broker_config(QSettings(), secrets)
    assert (cfg.host, cfg.port, cfg.tls, cfg.username, cfg.password, cfg.prefix) == (
        "broker.plant", 8883, True, "op", "kr-pw-1", "plant")
