"""What the console connects with at start-up on a saved profile (``--profile``): its settings, the
command line's overrides, its kept client id, and its password -- from ``--password-file`` or
``$AUTOGLM_MQTT_PASSWORD`` (already in the overrides), else the OS keyring, else asked for here
(``ask_password``: a password prompt, the answer used for this connection only, never stored).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from console.core.mqtt.link import BrokerConfig
from console.core.mqtt.profiles import ConnectionOverrides, ProfileError
from console.core.mqtt.secrets import SecretStore
from console.ui.connection.qt_profiles_store import load_profiles

# (parent, profile name, user name, why we ask) -> the password, or None when the operator cancels
PasswordPrompt = Callable[[QWidget | None, str, str, str], "str | None"]


def ask_password(parent: QWidget | None, profile: str, username: str, why: str) -> str | None:
    """A modal password prompt (echo off); None when cancelled."""
    label = QCoreApplication.translate("QtConnect", "Password of {user} for profile {profile}:\n{why}\nIt is used for this connection only "
                "and not stored.").format(user=username, profile=profile, why=why)
    text, ok = QInputDialog.getText(parent, QCoreApplication.translate("QtConnect", "Broker password"), label, QLineEdit.EchoMode.Password)
    return text if ok and text else None


def profile_config(name: str, overrides: ConnectionOverrides | None = None, *, parent: QWidget | None = None,
                   secrets: SecretStore | None = None, prompt: PasswordPrompt = ask_password,
                   settings: QSettings | None = None) -> BrokerConfig:
    """The BrokerConfig of a saved profile ("" = the active one); raises ProfileError when there is
    none, or when its password is needed, cannot come from anywhere and the operator cancels."""
    secrets = secrets or SecretStore()
    profiles = load_profiles(settings or QSettings())
    if name:
        profiles.set_active(name)  # raises ProfileError naming the missing profile
    cfg = profiles.active_config(secrets, stable_id=True)
    if cfg is None:
        raise ProfileError("no connection profile is saved: open Devices → Connections… first")
    cfg = (overrides or ConnectionOverrides()).apply(cfg)
    if cfg.username and not cfg.password:
        cfg = replace(cfg, password=_asked(cfg, secrets, prompt, parent))
    return cfg


def _asked(cfg: BrokerConfig, secrets: SecretStore, prompt: PasswordPrompt, parent: QWidget | None) -> str:
    if secrets.available():
        why = QCoreApplication.translate("QtConnect", "The OS keyring holds no password for this profile.")
    else:
        why = QCoreApplication.translate("QtConnect", "No OS keyring is available to hold it (for an unattended station: --password-file "
                  "or $AUTOGLM_MQTT_PASSWORD).")
    password = prompt(parent, cfg.profile, cfg.username, why)
    if not password:
        raise ProfileError(f"no password given for user {cfg.username!r} of profile {cfg.profile!r}: "
                           "start again and enter it, or use --password-file / $AUTOGLM_MQTT_PASSWORD")
    return password
