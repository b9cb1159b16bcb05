"""What the doctor checks by default: the broker of the saved active connection profile.

The profiles live in QSettings (console.ui.qt_profiles_store) and their passwords in the OS keyring,
so finding "the configured broker" takes Qt; ``autoglm-console doctor`` calls this when no --broker
is given.  Nothing saved yet means demo mode: no broker to check.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from console.core.mqtt_link import BrokerConfig
from console.core.secrets import SecretStore

from .qt_profiles_store import GROUP, load_profiles


def saved_broker_config(settings: QSettings | None = None, secrets: SecretStore | None = None,
                        org: str = "AutoGLM", app: str = "AutoGLM Console") -> BrokerConfig | None:
    if settings is None:
        if not QCoreApplication.organizationName():
            QCoreApplication.setOrganizationName(org)
        if not QCoreApplication.applicationName():
            QCoreApplication.setApplicationName(app)
        settings = QSettings()
    if not settings.contains(f"{GROUP}/version"):
        return None  # never saved: the console runs in demo mode with its embedded broker
    return load_profiles(settings).active_config(secrets or SecretStore())
