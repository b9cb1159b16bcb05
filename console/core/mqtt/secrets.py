"""Broker passwords: in the OS keyring (``keyring``), never in QSettings or any file of ours.

Where no keyring backend exists (a headless server, a container), saving a password fails with a
message that says so and what to do; the password is never written anywhere else instead.  Such a
station gives the password another way, none of them stored by us and none ever logged:
the GUI asks for it at connect time (``console.ui.connection.qt_password_prompt``), and an
unattended station reads it from a file (``--password-file PATH``, first line) or from the
environment (``$AUTOGLM_MQTT_PASSWORD``): ``password_from``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Mapping

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger(__name__)
SERVICE = "autoglm-console"
PASSWORD_ENV = "AUTOGLM_MQTT_PASSWORD"


class PasswordFileError(ValueError):
    """The password file cannot be used; the message names the file, never its content."""


MAX_PASSWORD_BYTES = 4096


def password_from(path: str | os.PathLike | None = None, env: Mapping[str, str] | None = None) -> str | None:
    """The broker password of an unattended station: the first line of ``path`` (its line end
    dropped, nothing else), else ``$AUTOGLM_MQTT_PASSWORD``; None when neither gives one."""
    if path:
        try:  # the first line only, and no more than MAX_PASSWORD_BYTES of it: /dev/zero or a log file
            with open(path, "rb") as fh:  # given by mistake must not be read to the end
                head = fh.readline(MAX_PASSWORD_BYTES + 1)
            text = head.decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
            raise PasswordFileError(f"cannot read the password file {path}: {why}") from None
        if len(head) > MAX_PASSWORD_BYTES and not head.endswith(b"\n"):
            raise PasswordFileError(f"the first line of the password file {path} is longer than {MAX_PASSWORD_BYTES} "
                                    "bytes: is it the right file?")
        line = text.splitlines()[0] if text else ""
        if not line:
            raise PasswordFileError(f"the password file {path} is empty: put the password on its first line")
        return line
    value = (os.environ if env is None else env).get(PASSWORD_ENV, "")
    return value or None


class SecretStoreUnavailable(RuntimeError):
    """No usable OS keyring: the message tells the operator how to get one or how to do without."""


def _key(profile: str, username: str) -> str:
    return f"{profile}/{username}"


class SecretStore:
    def __init__(self, backend: keyring.backend.KeyringBackend | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend or keyring.get_keyring()

    def available(self) -> bool:
        kr = self.backend
        # the "fail" and "null" backends are what keyring picks when there is no real one
        return not type(kr).__module__.startswith(("keyring.backends.fail", "keyring.backends.null")) and (
            getattr(kr, "priority", 1) > 0
        )

    def unavailable_reason(self) -> str:
        return (
            f"no OS keyring is available (keyring backend: {type(self.backend).__name__}), so the broker "
            "password cannot be stored. Install and unlock a keyring (GNOME Keyring / KWallet on Linux, "
            "Keychain on macOS, Credential Manager on Windows); without one the console asks for the password "
            f"each time it connects, or reads it from --password-file PATH or ${PASSWORD_ENV} (unattended "
            "stations); it is never written to the settings file."
        )

    def set_password(self, profile: str, username: str, password: str) -> None:
        if not self.available():
            raise SecretStoreUnavailable(self.unavailable_reason())
        try:
            self.backend.set_password(self.service, _key(profile, username), password)
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(f"the OS keyring refused to store the password: {exc}") from None

    def get_password(self, profile: str, username: str) -> str | None:
        if not self.available():
            return None
        try:
            return self.backend.get_password(self.service, _key(profile, username))
        except keyring.errors.KeyringError as exc:
            log.warning("keyring lookup failed: %s", exc)
            return None

    def delete_password(self, profile: str, username: str) -> None:
        if not self.available():
            return
        try:
            self.backend.delete_password(self.service, _key(profile, username))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("keyring delete failed: %s", exc)
