"""What the doctor checks by default: the broker of the saved active connection profile, and the
model server the Model panel was last set to.

The profiles live in QSettings (console.ui.connection.qt_profiles_store) and their passwords in the OS keyring,
so finding "the configured broker" takes Qt; ``autoglm-console doctor`` calls this when no --broker
is given.  Nothing saved yet means demo mode: no broker to check.  Likewise the Model panel keeps its
backend, server URL and model name in QSettings (never the API key); ``doctor`` checks that server
when no --remote-url is given and the saved backend is the remote one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from console.core.mqtt.link import BrokerConfig
from console.core.mqtt.secrets import SecretStore

from console.ui.connection.qt_profiles_store import GROUP, load_profiles


MODEL_GROUP = "modelPanel"  # QtModelPanel.save_state


def _settings(org: str, app: str) -> QSettings:
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(org)
    if not QCoreApplication.applicationName():
        QCoreApplication.setApplicationName(app)
    return QSettings()


def saved_remote_server(settings: QSettings | None = None, org: str = "AutoGLM",
                        app: str = "AutoGLM Console") -> tuple[str, str] | None:
    """(URL, model name; "" for the first one served) when the Model panel was saved set to a remote
    server; None when it uses a local model or was never saved."""
    if settings is None:
        settings = _settings(org, app)
    if str(settings.value(f"{MODEL_GROUP}/backend", "") or "") != "remote":
        return None
    url = str(settings.value(f"{MODEL_GROUP}/remoteUrl", "") or "").strip()
    return (url, str(settings.value(f"{MODEL_GROUP}/remoteModel", "") or "").strip()) if url else None


def saved_broker_config(settings: QSettings | None = None, secrets: SecretStore | None = None,
                        org: str = "AutoGLM", app: str = "AutoGLM Console") -> BrokerConfig | None:
    if settings is None:
        settings = _settings(org, app)
    if not settings.contains(f"{GROUP}/version"):
        return None  # never saved: the console runs in demo mode with its embedded broker
    return load_profiles(settings).active_config(secrets or SecretStore())
