"""Starting on a profile without a keyring: the password is asked for (and not stored) or read from a
file/env; the kept client id; the refused login's reason in the status bar (real Mosquitto with a
password file, real Qt event loop)."""

from __future__ import annotations

import keyring.backends.fail
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from console.core.mqtt.link import Backoff, LinkState, MqttLink
from console.core.mqtt.profiles import ConnectionOverrides, ConnectionProfile, ProfileError, ProfileSet
from console.core.mqtt.secrets import SecretStore
from console.ui.connection.qt_connect import ask_password, profile_config
from console.ui.connection.qt_profiles_store import save_profiles
from console.ui.shell.qt_app import make_application
from console.ui.shell.qt_link import QtLinkStatus
from console.ui.shell.qt_main_window import QtMainWindow
from tests.conftest import MQTT_PASSWORD, MQTT_USER

NO_KEYRING = SecretStore(backend=keyring.backends.fail.Keyring())


def _save_plant(tmp_path, broker, prefix, client_id: str = "") -> QSettings:
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    prof = ConnectionProfile(name="Plant", host=broker.host, port=broker.port, username=MQTT_USER, prefix=prefix,
                             client_id=client_id)
    save_profiles(settings, ProfileSet({prof.name: prof}, prof.name))
    return settings


def _connects(cfg) -> bool:
    link = MqttLink(cfg, backoff=Backoff(initial=0.3, jitter=0))
    link.start()
    try:
        return link.wait_connected(10)
    finally:
        link.stop()


def test_a_keyringless_profile_connects_after_the_password_prompt(qtbot, tmp_path, password_mosquitto, prefix):
    settings = _save_plant(tmp_path, password_mosquitto, prefix)
    asked = []

    def answer() -> None:  # the real dialog, answered as an operator would
        dlg = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        asked.append(dlg.labelText())
        dlg.setTextValue(MQTT_PASSWORD)
        dlg.accept()

    QTimer.singleShot(200, answer)
    cfg = profile_config("", settings=settings, secrets=NO_KEYRING, prompt=ask_password)
    assert asked and "No OS keyring" in asked[0] and "Plant" in asked[0]
    assert cfg.password == MQTT_PASSWORD and cfg.profile == "Plant"
    assert MQTT_PASSWORD not in (tmp_path / "settings.ini").read_text()
    assert _connects(cfg)


def test_a_cancelled_prompt_refuses_to_start_and_says_how(qtbot, tmp_path, password_mosquitto, prefix):
    settings = _save_plant(tmp_path, password_mosquitto, prefix)
    with pytest.raises(ProfileError, match="--password-file"):
        profile_config("", settings=settings, secrets=NO_KEYRING, prompt=lambda *a: None)


def test_a_password_file_needs_no_prompt(qtbot, tmp_path, password_mosquitto, prefix):
    settings = _save_plant(tmp_path, password_mosquitto, prefix)
    overrides = ConnectionOverrides(password=MQTT_PASSWORD)  # what --password-file / the env var gives

    def never(*a):
        raise AssertionError("asked for a password that the file gave")

    cfg = profile_config("", overrides, settings=settings, secrets=NO_KEYRING, prompt=never)
    assert _connects(cfg)


def test_a_profile_keeps_its_made_up_client_id_across_starts(qtbot, tmp_path, password_mosquitto, prefix):
    settings = _save_plant(tmp_path, password_mosquitto, prefix)
    ids = {profile_config("", ConnectionOverrides(password="x"), settings=settings, secrets=NO_KEYRING).client_id
           for _ in range(3)}
    assert len(ids) == 1 and next(iter(ids)).startswith("autoglm-console-")
    set_by_hand = _save_plant(tmp_path, password_mosquitto, prefix, client_id="station-7")
    assert profile_config("", ConnectionOverrides(password="x"), settings=set_by_hand,
                          secrets=NO_KEYRING).client_id == "station-7"
    assert profile_config("", ConnectionOverrides(password="x", client_id="cli-id"), settings=set_by_hand,
                          secrets=NO_KEYRING).client_id == "cli-id"


def test_the_status_bar_says_not_authorized_and_which_profile(qtbot, tmp_path, password_mosquitto, prefix):
    settings = _save_plant(tmp_path, password_mosquitto, prefix)
    cfg = profile_config("", ConnectionOverrides(password="wrong"), settings=settings, secrets=NO_KEYRING)
    window = QtMainWindow({})
    qtbot.addWidget(window)
    link = MqttLink(cfg, slow_backoff=Backoff(initial=5.0, jitter=0))
    status = QtLinkStatus(link, window)
    status.stateChanged.connect(lambda s, info: window.set_broker_state(s, info, cfg.url()))
    link.start()
    try:
        qtbot.waitUntil(lambda: status.state == LinkState.AUTH_FAILED.value, timeout=10000)
        text = window.broker_label.text()
    finally:
        link.stop()
    status.deleteLater()
    assert "not authorized" in text and "check the user and password of profile 'Plant'" in text
