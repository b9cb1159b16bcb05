"""The operator's choices about discovered devices, persisted per broker: risk and exposure.

Owns: :class:`Override` (a device's risk, ``"low"``/``"high"`` or None for the discovery default,
and whether the assistant may see it), :class:`HaOverrides` (the choices of one broker site, kept
in a small JSON file, ``overrides_path_for``, written atomically at each change) and
:func:`apply_override` (the DeviceMeta the registry gets: the risk set on the device and on every
capability, since a capability's risk overrides the device's).  Discovery re-sends configs at every
connect; the choice is keyed by the device id, so it survives those and restarts.  No Qt, no MQTT.

A file that cannot be read (not JSON, nested too deep, not UTF-8, not the shape written here) is
moved aside as ``<name>.damaged-<timestamp>`` (console.core.damaged) before the first change writes
a new one, logged, and described in :attr:`HaOverrides.damaged` for the GUI to show once; when it
cannot be moved, changes are kept in memory only and the old file is left as it is.

Threads: any.  Lock order ``_write_lock`` (one change written at a time) then ``_lock`` (the table);
the file is written after releasing ``_lock``, listeners are told after releasing both.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from console.core.commands.migration import Site
from console.core.damaged import set_aside
from console.core.jsonfiles import MiB, read_json_file
from console.core.paths import user_data_dir
from console.core.protocol import DeviceMeta, ProtocolError

log = logging.getLogger(__name__)
RISKS = ("low", "high")
DEMO_FILE = "ha-overrides-demo.json"
MAX_DEVICES = 100_000  # a file larger than this was not written by us: set aside
MAX_FILE_BYTES = 64 * MiB


@dataclass(frozen=True)
class Override:
    risk: str | None = None  # None: what discovery says (locks, sirens, garage doors… are high)
    exposed: bool = True  # False: the assistant does not see the device

    @property
    def default(self) -> bool:
        return self.risk is None and self.exposed


def overrides_path_for(cfg: Site, *, embedded_demo: bool = False) -> Path:
    """One file per broker site (host, port, topic prefix), as ``outbox_path_for`` keys outboxes; the
    demo's embedded broker takes a new port each start, so the demo keeps one file of its own."""
    if embedded_demo:
        return user_data_dir() / DEMO_FILE
    site = f"{cfg.host}:{cfg.port}/{cfg.prefix}"
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{cfg.host}_{cfg.port}_{cfg.prefix}")[:60]
    return user_data_dir() / "ha-overrides" / f"{slug}-{hashlib.sha1(site.encode()).hexdigest()[:8]}.json"


def apply_override(meta: DeviceMeta, override: Override | None) -> DeviceMeta:
    """``meta`` with the operator's risk, if any (device and every capability)."""
    if override is None or override.risk is None:
        return meta
    caps = {name: replace(cap, risk=override.risk) for name, cap in meta.capabilities.items()}
    return replace(meta, risk=override.risk, capabilities=caps)


class HaOverrides:
    """The choices for one broker site; ``path`` None keeps them in memory only."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.damaged = ""  # why the file could not be read and where it went (shown once by the GUI)
        self._read_only = False  # a damaged file that could not be moved aside: never written over
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # one writer at a time: the file never goes back to older choices
        self._table: dict[str, Override] = self._load() if path is not None else {}
        self._listeners: list[Callable[[str], None]] = []

    def _load(self) -> dict[str, Override]:
        assert self.path is not None
        if not self.path.exists() and not self.path.is_symlink():
            return {}
        try:
            raw = read_json_file(self.path, "the device choices file", MAX_FILE_BYTES)
        except ProtocolError as exc:
            return self._set_aside(str(exc))
        devices = raw.get("devices") if isinstance(raw, dict) else None
        if not isinstance(devices, dict) or len(devices) > MAX_DEVICES:
            return self._set_aside(f"the device choices file {self.path} does not hold the choices written here "
                                   f"(a JSON object with at most {MAX_DEVICES} \"devices\")")
        table = {}
        for device_id, entry in devices.items():
            if isinstance(entry, dict):
                risk = entry.get("risk")
                table[str(device_id)] = Override(risk if risk in RISKS else None, entry.get("exposed") is not False)
        return table

    def _set_aside(self, why: str) -> dict[str, Override]:
        """Start without the choices of a damaged file, never writing over it."""
        assert self.path is not None
        try:
            kept = set_aside(self.path)
        except OSError as exc:
            self._read_only = True
            self.damaged = (f"{why}. It could not be moved aside ({exc.strerror or exc}), so the risk and "
                            f"exposure choices made now are kept until the console closes only; move {self.path} "
                            "away (or fix it) and restart")
        else:
            self.damaged = (f"{why}. It was moved aside to {kept}; the devices start with the discovery defaults "
                            "(high risk for locks, sirens, garage doors…, all exposed): set again in Devices what "
                            "should differ, or fix the file and move it back while the console is closed")
        log.warning("device risk/exposure choices: %s", self.damaged)
        return {}

    def add_listener(self, listener: Callable[[str], None]) -> None:
        """``listener(device_id)`` after a device's choice changed (on the caller's thread)."""
        self._listeners.append(listener)

    def get(self, device_id: str) -> Override:
        with self._lock:
            return self._table.get(device_id, Override())

    def set_risk(self, device_id: str, risk: str | None) -> None:
        if risk is not None and risk not in RISKS:
            raise ValueError(f"risk must be one of {RISKS} or None, not {risk!r}")
        self._change(device_id, lambda o: replace(o, risk=risk))

    def set_exposed(self, device_id: str, exposed: bool) -> None:
        self._change(device_id, lambda o: replace(o, exposed=bool(exposed)))

    def _change(self, device_id: str, how: Callable[[Override], Override]) -> None:
        with self._write_lock:
            with self._lock:
                new = how(self._table.get(device_id, Override()))
                if new.default:
                    self._table.pop(device_id, None)
                else:
                    self._table[device_id] = new
                snapshot = dict(self._table)
            self._save(snapshot)
        for listener in list(self._listeners):
            listener(device_id)

    def _save(self, table: dict[str, Override]) -> None:
        if self.path is None or self._read_only:
            return
        data = {"version": 1, "devices": {k: {"risk": v.risk, "exposed": v.exposed} for k, v in sorted(table.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
