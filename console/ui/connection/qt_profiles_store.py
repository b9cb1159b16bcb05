"""Connection profiles in QSettings (group ``connections``).  Passwords are not part of a profile:
they go to the OS keyring through console.core.mqtt.secrets, never into this file.

A damaged settings file (a version of "abc", an unreadable profile count or field) never stops the
console and never loses a profile: what cannot be read is named in ``ProfileSet.problems`` (and
logged), the rest is loaded, and a copy of the file is kept as ``<name>.damaged-<timestamp>``
(console.core.damaged; copied, not moved: the file holds the window's and panels' settings too, and
QSettings rewrites it whole at the next save).  GUI thread (QSettings is not shared across threads)."""

from __future__ import annotations

import logging
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import QSettings

from console.core.damaged import set_aside
from console.core.mqtt.profiles import SETTINGS_VERSION, ConnectionProfile, ProfileSet

log = logging.getLogger(__name__)
GROUP = "connections"


def _version(settings: QSettings) -> tuple[int, str]:
    """The stored version (0: nothing stored) and, when it cannot be read, why."""
    raw = settings.value("version")
    if raw in (None, "") and not settings.contains("version"):
        if "profiles" in settings.childGroups():  # the version line is gone, the profiles are not
            return SETTINGS_VERSION, f"the settings version is missing (the profiles are read as version " \
                                     f"{SETTINGS_VERSION})"
        return 0, ""
    try:
        if raw is None or isinstance(raw, bool):  # None: stored but unreadable (a damaged @Variant)
            raise TypeError
        number = float(raw)
        if not number.is_integer() or number < 0:
            raise ValueError
        return int(number), ""
    except (TypeError, ValueError, OverflowError):
        shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:37] + "..."
        return SETTINGS_VERSION, f"the settings version {shown} cannot be read (the profiles are read as version " \
                                 f"{SETTINGS_VERSION})"


def _count(settings: QSettings) -> tuple[int, str]:
    """How many profiles are stored: the array's size, else (a damaged size) the numbered entries."""
    settings.beginGroup("profiles")
    try:
        numbered = [int(g) for g in settings.childGroups() if g.isdigit()]
        size = settings.value("size")
    finally:
        settings.endGroup()
    n = settings.beginReadArray("profiles")
    settings.endArray()
    if numbered and n < max(numbered):
        return max(numbered), f"the stored profile count {size!r} cannot be read ({max(numbered)} were found)"
    return n, ""


def load_profiles(settings: QSettings) -> ProfileSet:
    settings.beginGroup(GROUP)
    try:
        version, bad_version = _version(settings)
        if version == 0:
            return ProfileSet.default()
        names = [f.name for f in fields(ConnectionProfile)]
        entries = []
        n, bad_count = _count(settings)
        settings.beginReadArray("profiles")  # the size it reads back is _count's to judge
        for i in range(n):
            settings.setArrayIndex(i)
            entries.append({k: settings.value(k) for k in names if settings.contains(k)})
        settings.endArray()
        active = settings.value("active", "")
    finally:
        settings.endGroup()
    profiles = ProfileSet.from_settings({"version": version, "active": active, "profiles": entries})
    found = [p for p in (bad_version, bad_count) if p]
    if found:
        log.warning("connection profiles: %s", "; ".join(found))
        profiles.problems[""] = found + profiles.problems.get("", [])
    if profiles.problems:
        _keep_a_copy(settings, profiles)
    return profiles


def _keep_a_copy(settings: QSettings, profiles: ProfileSet) -> None:
    """A copy of the damaged file, before a save rewrites it; where it is goes into ``problems``."""
    path = Path(settings.fileName()) if settings.fileName() else None
    if path is None or not path.is_file():
        return  # not a file (another platform's registry): the problems are named all the same
    try:
        kept = set_aside(path, copy=True)
    except OSError as exc:
        note = f"a copy of the damaged settings file {path} could not be kept ({exc.strerror or exc})"
    else:
        note = f"a copy of the damaged settings file {path} is kept as {kept}"
    log.warning("connection profiles: %s", note)
    profiles.problems.setdefault("", []).append(note)


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
