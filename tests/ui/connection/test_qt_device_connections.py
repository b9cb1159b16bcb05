"""The connection profiles dialog: edit, save to QSettings, password to a keyring (in-memory
backend set explicitly), the insecure switch in red, and a clear message when no keyring exists."""

from __future__ import annotations

import keyring.backends.fail
from PySide6.QtCore import QSettings, Qt

from console.core.mqtt.secrets import SecretStore
from console.ui.shell.qt_app import make_application
from console.ui.connection.qt_profiles_dialog import QtProfilesDialog
from console.ui.connection.qt_profiles_store import load_profiles
from tests.core.mqtt.test_profiles import MemoryKeyring


def make_dialog(qtbot, tmp_path, backend):
    make_application()
    path = tmp_path / "settings.ini"
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    dlg = QtProfilesDialog(settings, SecretStore(backend=backend))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg, settings, path


def test_new_tls_profile_saved_active_and_password_only_in_the_keyring(qtbot, tmp_path):
    kr = MemoryKeyring()
    dlg, settings, path = make_dialog(qtbot, tmp_path, kr)
    assert dlg.list.count() == 1  # the default local profile
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    assert dlg.list.count() == 2 and dlg.current == "Broker 1"
    dlg.name.setText("Plant")
    dlg.host.setText("mqtt.plant.lan")
    dlg.port.setValue(8883)
    dlg.tls.setChecked(True)
    dlg.ca_file.setText("/etc/plant-ca.pem")
    dlg.username.setText("operator")
    dlg.password.setText("hunter2-secret")
    dlg.client_id.setText("console-a")
    dlg.prefix.setText("plant/line-a")
    assert dlg.insecure_warning.isHidden()
    qtbot.mouseClick(dlg.insecure, Qt.MouseButton.LeftButton)
    assert dlg.insecure.isChecked() and not dlg.insecure_warning.isHidden()
    assert "c0392b" in dlg.insecure.styleSheet()  # red
    qtbot.mouseClick(dlg.activate_button, Qt.MouseButton.LeftButton)
    assert "Active" in dlg.status.text()
    stored = load_profiles(QSettings(str(path), QSettings.Format.IniFormat))
    assert stored.active == "Plant"
    p = stored.profiles["Plant"]
    assert (p.host, p.port, p.tls, p.insecure, p.client_id, p.prefix) == (
        "mqtt.plant.lan", 8883, True, True, "console-a", "plant/line-a")
    assert "hunter2-secret" not in path.read_text()
    assert stored.active_config(SecretStore(backend=kr)).password == "hunter2-secret"
    assert dlg.password.text() == ""  # not kept in the form either


def test_invalid_profile_is_not_saved_and_says_why(qtbot, tmp_path):
    dlg, settings, path = make_dialog(qtbot, tmp_path, MemoryKeyring())
    dlg.host.setText("")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "Not saved" in dlg.status.text() and "host" in dlg.status.text()


def test_without_a_keyring_the_profile_is_saved_and_the_password_is_not(qtbot, tmp_path):
    dlg, settings, path = make_dialog(qtbot, tmp_path, keyring.backends.fail.Keyring())
    dlg.username.setText("operator")
    dlg.password.setText("hunter2-secret")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert "without the password" in dlg.status.text() and "no OS keyring" in dlg.status.text()
    assert "hunter2-secret" not in path.read_text()
    assert load_profiles(QSettings(str(path), QSettings.Format.IniFormat)).active_profile().username == "operator"


def test_console_starts_with_the_active_profile(qtbot, broker_cfg):
    from console.core.mqtt.profiles import ConnectionProfile, ProfileSet
    from console.core.services import build_services
    from console.ui.shell.qt_app import ConsoleApp, profile_config
    from console.ui.connection.qt_profiles_store import save_profiles

    make_application()
    ps = ProfileSet.default()
    ps.upsert(ConnectionProfile(name="Test broker", host=broker_cfg.host, port=broker_cfg.port,
                                client_id="console-test-1", prefix=broker_cfg.prefix))
    ps.set_active("Test broker")
    save_profiles(QSettings(), ps)
    cfg = profile_config("")
    assert (cfg.port, cfg.client_id, cfg.prefix) == (broker_cfg.port, "console-test-1", broker_cfg.prefix)
    app = ConsoleApp(build_services(broker_url=None, cfg=cfg))
    qtbot.addWidget(app.window)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.services.link.connected, timeout=10000)
        assert app.services.link.status_topic == f"{broker_cfg.prefix}/consoles/console-test-1/status"
    finally:
        app.close()


def test_restart_button_asks_for_a_console_on_the_activated_profile(qtbot, tmp_path):
    dlg, settings, path = make_dialog(qtbot, tmp_path, MemoryKeyring())
    assert not dlg.restart_button.isEnabled()  # nothing activated yet
    qtbot.mouseClick(dlg.new_button, Qt.MouseButton.LeftButton)
    dlg.name.setText("Plant")
    dlg.host.setText("mqtt.plant.lan")
    qtbot.mouseClick(dlg.activate_button, Qt.MouseButton.LeftButton)
    assert dlg.restart_button.isEnabled() and "Restart now" in dlg.status.text()
    with qtbot.waitSignal(dlg.restartRequested, timeout=2000) as sig:
        qtbot.mouseClick(dlg.restart_button, Qt.MouseButton.LeftButton)
    assert sig.args == ["Plant"]
    assert dlg.result() == dlg.DialogCode.Accepted


def test_restart_command_is_this_console_with_the_profile():
    import subprocess

    from console.ui.connection.qt_restart import restart_command

    program, args = restart_command("Plant")
    assert args[-2:] == ["--profile", "Plant"]
    out = subprocess.run([program, *args[:-2], "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "--profile" in out.stdout  # a real, runnable console command line


def test_restart_starts_the_new_process_then_quits(qtbot, tmp_path, monkeypatch):
    import sys

    from console.ui.connection import qt_restart
    from tests.conftest import wait_for

    make_application()
    marker = tmp_path / "started.txt"
    # the real spawn, of a stand-in program that records its arguments (a second GUI would need a display)
    monkeypatch.setattr(qt_restart, "restart_command", lambda profile: (
        sys.executable, ["-c", "import sys, pathlib; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])",
                         str(marker), profile]))
    quits = []
    assert qt_restart.restart_with_profile("Plant", quit_app=lambda: quits.append(1))
    assert quits == [1]
    wait_for(lambda: marker.exists() and marker.read_text() == "Plant", what="the new process")
    monkeypatch.setattr(qt_restart, "restart_command", lambda profile: ("/nonexistent/console", []))
    quits.clear()
    assert not qt_restart.restart_with_profile("Plant", quit_app=lambda: quits.append(1))
    assert quits == []  # this console keeps running when the new one cannot start
