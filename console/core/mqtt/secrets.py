"""Broker passwords in the OS keyring (``keyring``), never in QSettings or any file of ours.

Where no keyring backend exists (a headless server, a container), saving a password fails with a
message that says so and what to do; the password is never written anywhere else instead.
"""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.errors

log = logging.getLogger(__name__)
SERVICE = "autoglm-console"


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
            "Keychain on macOS, Credential Manager on Windows), or enter the password each time you connect; "
            "it is never written to the settings file."
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
