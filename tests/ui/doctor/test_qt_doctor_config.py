"""The doctor's defaults: the saved active profile's broker, or none (demo mode); the Model panel's
saved remote server, or none (a local model)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.core.mqtt.profiles import ConnectionProfile, ProfileSet
from console.core.mqtt.secrets import SecretStore
from console.ui.doctor.qt_doctor_config import saved_broker_config, saved_remote_server
from console.ui.connection.qt_profiles_store import save_profiles
from tests.core.mqtt.test_profiles import MemoryKeyring

ROOT = Path(__file__).resolve().parents[3]


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


def test_the_model_panels_saved_remote_server(qtbot):
    from console.ui.model.qt_model_panel import QtModelPanel

    assert saved_remote_server(QSettings()) is None  # never saved
    panel = QtModelPanel(default_source="x")
    qtbot.addWidget(panel)
    panel.options.remote_url.setText("http://gpu-box:8000/v1")
    panel.options.remote_model.setText("glm-4")
    panel.options.remote_key.setText("Key-Never-Saved")
    panel.save_state(QSettings())
    assert saved_remote_server(QSettings()) is None  # saved, but the backend is local
    panel.options.backend.setCurrentIndex(panel.options.backend.findData("remote"))
    panel.save_state(QSettings())
    assert saved_remote_server(QSettings()) == ("http://gpu-box:8000/v1", "glm-4")
    panel.options.remote_model.setText("")
    panel.save_state(QSettings())
    assert saved_remote_server(QSettings()) == ("http://gpu-box:8000/v1", "")
    panel.shutdown()


@pytest.mark.slow
def test_cli_doctor_checks_the_saved_remote_server(llama, tmp_path):
    """`autoglm-console doctor` without --remote-url checks the server the Model panel was saved with
    (settings file written where Qt looks for it, in a child process with its own XDG_CONFIG_HOME)."""
    from tests.llama_server import ALIAS, API_KEY

    conf = tmp_path / "xdg" / "AutoGLM" / "AutoGLM Console.conf"
    saved = QSettings(str(conf), QSettings.Format.IniFormat)
    saved.setValue("modelPanel/version", 1)
    saved.setValue("modelPanel/backend", "remote")
    saved.setValue("modelPanel/remoteUrl", llama.url)
    saved.setValue("modelPanel/remoteModel", ALIAS)
    saved.sync()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "xdg"),
               AUTOGLM_REMOTE_API_KEY=API_KEY)
    for var in ("AUTOGLM_REMOTE_URL", "AUTOGLM_REMOTE_MODEL"):
        env.pop(var, None)
    proc = subprocess.run([sys.executable, "-m", "console", "doctor", "--json"], capture_output=True, text=True,
                          env=env, timeout=240, cwd=ROOT)
    report = json.loads(proc.stdout)
    row = next(c for c in report["checks"] if c["name"] == "Model server")
    assert row["status"] == "ok" and row["details"]["model"] == ALIAS, row
    assert row["details"]["url"] == f"http://127.0.0.1:{llama.port}"
    assert API_KEY not in proc.stdout + proc.stderr
