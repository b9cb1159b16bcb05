"""Connection profiles: validation, persistence in QSettings without the password, the password in
a keyring backend (an in-memory one set explicitly), and a clear error when there is no keyring."""

from __future__ import annotations

import keyring.backend
import keyring.backends.fail
import pytest

from console.core.mqtt.profiles import ConnectionProfile, ProfileError, ProfileSet
from console.core.mqtt.secrets import SecretStore, SecretStoreUnavailable


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A real keyring backend (the keyring API), kept in memory for the test."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.mark.parametrize("change,field", [
    ({"name": ""}, "name"), ({"host": " "}, "host"), ({"port": 0}, "port"), ({"protocol": "4"}, "protocol"),
    ({"client_id": "has space"}, "client id"), ({"prefix": "a/#"}, "topic prefix"),
    ({"insecure": True}, "insecure"), ({"keyfile": "k.pem"}, "client certificate"),
])
def test_invalid_profiles_say_which_field(change, field):
    with pytest.raises(ProfileError, match=field):
        ConnectionProfile(**{"name": "p", **change}).validate()


def test_profile_set_roundtrip_keeps_the_active_one_and_never_holds_a_password():
    ps = ProfileSet.default()
    site = ConnectionProfile(name="Site A", host="mqtt.site-a.lan", port=8883, tls=True, ca_file="/etc/ca.pem",
                             username="operator", client_id="console-7", prefix="plant/a")
    ps.upsert(site)
    ps.set_active("Site A")
    raw = ps.to_settings()
    assert "password" not in repr(raw)
    back = ProfileSet.from_settings(raw)
    assert back.active == "Site A" and back.profiles["Site A"] == site
    ps.upsert(ConnectionProfile(name="Site B", host="b"), )
    ps.upsert(ConnectionProfile(name="Site A2", host="a2"), old_name="Site A")
    assert ps.active == "Site A2" and "Site A" not in ps.profiles
    ps.remove("Site A2")
    assert ps.active in ps.profiles
    with pytest.raises(ProfileError):
        ps.set_active("nope")


def test_password_goes_to_the_keyring_and_into_the_broker_config():
    kr = MemoryKeyring()
    secrets = SecretStore(backend=kr)
    ps = ProfileSet.default()
    ps.upsert(ConnectionProfile(name="Site", host="h", username="op"))
    ps.set_active("Site")
    secrets.set_password("Site", "op", "s3cret")
    cfg = ps.active_config(secrets)
    assert cfg.password == "s3cret" and cfg.username == "op" and cfg.host == "h"
    assert list(kr.items.values()) == ["s3cret"]
    ps.remove("Site", secrets)
    assert kr.items == {}


def test_no_keyring_backend_fails_clearly_and_stores_nothing():
    secrets = SecretStore(backend=keyring.backends.fail.Keyring())
    assert not secrets.available()
    with pytest.raises(SecretStoreUnavailable, match="no OS keyring is available.*never written"):
        secrets.set_password("Site", "op", "s3cret")
    assert secrets.get_password("Site", "op") is None


def test_profiles_persist_in_qsettings_without_the_password(tmp_path):
    from PySide6.QtCore import QSettings

    from console.ui.connection.qt_profiles_store import load_profiles, save_profiles

    path = tmp_path / "s.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    assert load_profiles(settings).active == "Local Mosquitto"  # first start: one local profile
    ps = ProfileSet.default()
    ps.upsert(ConnectionProfile(name="Site", host="h", port=8883, tls=True, insecure=True, username="op"))
    ps.set_active("Site")
    secrets = SecretStore(backend=MemoryKeyring())
    secrets.set_password("Site", "op", "s3cret-value")
    save_profiles(settings, ps)
    again = load_profiles(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.active == "Site" and again.profiles == ps.profiles
    assert again.profiles["Site"].insecure is True and again.profiles["Site"].port == 8883
    assert "s3cret-value" not in path.read_text()
    ps.remove("Local Mosquitto")
    save_profiles(settings, ps)
    assert list(load_profiles(QSettings(str(path), QSettings.Format.IniFormat)).profiles) == ["Site"]
