"""Connection profiles in QSettings (group ``connections``).  Passwords are not part of a profile:
they go to the OS keyring through console.core.mqtt.secrets, never into this file."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QSettings

from console.core.mqtt.profiles import SETTINGS_VERSION, ConnectionProfile, ProfileSet

GROUP = "connections"


def load_profiles(settings: QSettings) -> ProfileSet:
    settings.beginGroup(GROUP)
    try:
        version = int(settings.value("version", 0) or 0)
        if version == 0:
            return ProfileSet.default()
        names = [f.name for f in fields(ConnectionProfile)]
        entries = []
        n = settings.beginReadArray("profiles")
        for i in range(n):
            settings.setArrayIndex(i)
            entries.append({k: settings.value(k) for k in names if settings.contains(k)})
        settings.endArray()
        return ProfileSet.from_settings({"version": version, "active": settings.value("active", ""),
                                         "profiles": entries})
    finally:
        settings.endGroup()


def save_profiles(settings: QSettings, profiles: ProfileSet) -> None:
    settings.beginGroup(GROUP)
    try:
        settings.remove("")  # drop profiles that were deleted
        settings.setValue("version", SETTINGS_VERSION)
        settings.setValue("active", profiles.active)
        settings.beginWriteArray("profiles", len(profiles.profiles))
        for i, prof in enumerate(profiles.profiles.values()):
            settings.setArrayIndex(i)
            for key, value in prof.to_settings().items():
                settings.setValue(key, value)
        settings.endArray()
    finally:
        settings.endGroup()
    settings.sync()
